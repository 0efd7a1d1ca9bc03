//! annals-query: the event graph as RDF in an Oxigraph store on disk, and
//! SPARQL over it.
//!
//! This is the only crate that knows RDF and Oxigraph. It writes what
//! extraction and linking produce into a RocksDB-backed [`Store`] using the
//! vocabulary in `docs/vocabulary.md` (SEM for events and actors, PROV-O,
//! NIF and GAF for provenance, schema.org and Dublin Core for articles),
//! reads it back into the model types, runs SPARQL (the bundled
//! [`named_queries`] or any other) and serializes results and dumps in the
//! W3C formats.
//!
//! Layout of the data:
//! - one named graph per article, `https://annals.example.org/graph/article/<id>`,
//!   holding what that article claims (the article and its event mentions);
//! - one graph `https://annals.example.org/graph/linked` holding the merged
//!   events and actors. Rebuilding replaces it as a whole.
//!
//! Every IRI is derived from ids, so building the same articles again
//! writes the same quads.
//!
//! ```
//! use annals_extract::model::ArticleInfo;
//! use annals_query::{ResultFormat, Store};
//!
//! let dir = std::env::temp_dir().join(format!("annals-doctest-{}", std::process::id()));
//! let store = Store::open(&dir)?;
//! let info = ArticleInfo {
//!     id: "a1".into(), date: Some("2025-11-01".parse().unwrap()), date_inferred: None,
//!     source: Some("Yonhap".into()), url: None, title: None,
//!     content_hash: "abc".into(), minhash: vec![1, 2], sentences: 3, chars: 120,
//! };
//! store.put_article(&info, &[])?;
//! assert_eq!(store.article_hash("a1")?.as_deref(), Some("abc"));
//!
//! let out = store.query("SELECT ?source WHERE { GRAPH ?g { ?a dct:source ?source } }")?;
//! let mut text = Vec::new();
//! store.write_results(out, ResultFormat::Table, &mut text)?;
//! assert_eq!(String::from_utf8(text).unwrap(), "source\n------\nYonhap\n");
//! # drop(store); std::fs::remove_dir_all(&dir).unwrap();
//! # Ok::<(), annals_query::Error>(())
//! ```
//!
//! Queries may use the prefixes `annals: id: sem: prov: nif: gaf: schema:
//! dct: skos: rdf: rdfs: xsd:` without declaring them.

pub mod endpoint;
mod error;
mod filter;
mod format;
mod queries;
mod read;
pub mod vocab;
mod write;

use std::path::Path;

use annals_extract::model::{ArticleInfo, EventMention};
use annals_graph::model::{ActorRecord, Linked, LinkedEvent};
use oxigraph::model::{NamedNode, NamedOrBlankNode, Term, Variable};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults, SparqlEvaluator};

pub use error::{Error, OpenFailure};
pub use filter::EventFilter;
pub use format::{term_text, DumpFormat, QueryOutput, ResultFormat};
pub use queries::{named_queries, named_query, query_parameters};

use read::Resources;
use vocab::t;

/// Quads written per transaction when the linked graph is replaced.
const LINKED_CHUNK: usize = 50_000;

/// The annals RDF store: a directory holding a RocksDB database.
pub struct Store {
    inner: oxigraph::store::Store,
}

impl Store {
    /// Opens the store for reading and writing, creating it if missing.
    /// Only one handle may write to a store at a time.
    pub fn open(path: &Path) -> Result<Store, Error> {
        // Refuse to scatter RocksDB files over a directory that is not a store.
        if path.is_file() {
            return Err(Error::Open {
                path: path.to_path_buf(),
                kind: OpenFailure::Corrupt,
                message: "this is a file, not a store directory".into(),
            });
        }
        let not_empty = |p: &Path| p.read_dir().map(|mut d| d.next().is_some()).unwrap_or(false);
        if path.is_dir() && !path.join("CURRENT").exists() && not_empty(path) {
            return Err(Error::Open {
                path: path.to_path_buf(),
                kind: OpenFailure::Corrupt,
                message: "the directory is not empty and holds no store (no CURRENT file)".into(),
            });
        }
        std::fs::create_dir_all(path).map_err(|e| Error::Open {
            path: path.to_path_buf(),
            kind: OpenFailure::Other,
            message: e.to_string(),
        })?;
        let inner = oxigraph::store::Store::open(path).map_err(|e| Error::open(path, e, false))?;
        Ok(Store { inner })
    }

    /// Opens an existing store for reading only. Several readers may share a
    /// store, but reading while another process writes is not supported.
    pub fn open_read_only(path: &Path) -> Result<Store, Error> {
        if !path.join("CURRENT").exists() {
            return Err(Error::Open { path: path.to_path_buf(), kind: OpenFailure::Missing, message: String::new() });
        }
        let inner = oxigraph::store::Store::open_read_only(path).map_err(|e| Error::open(path, e, true))?;
        Ok(Store { inner })
    }

    /// The Oxigraph store, for callers that speak SPARQL protocol themselves.
    pub fn inner(&self) -> &oxigraph::store::Store {
        &self.inner
    }

    /// The content hash stored for an article, if present (to skip
    /// unchanged re-builds).
    pub fn article_hash(&self, id: &str) -> Result<Option<String>, Error> {
        let graph = vocab::article_graph(id);
        let article = vocab::article(id);
        let quad = self
            .inner
            .quads_for_pattern(Some(article.as_ref().into()), Some(t::CONTENT_HASH), None, Some(graph.as_ref().into()))
            .next()
            .transpose()?;
        Ok(quad.and_then(|q| read::literal_str(&q.object).map(str::to_owned)))
    }

    /// Replaces the named graph of this article with its info and mentions
    /// (what that article claims), in one transaction.
    pub fn put_article(&self, info: &ArticleInfo, mentions: &[EventMention]) -> Result<(), Error> {
        if let Some(m) = mentions.iter().find(|m| m.doc != info.id) {
            return Err(Error::Rdf(format!("mention of document {:?} given for article {:?}", m.doc, info.id)));
        }
        let graph = vocab::article_graph(&info.id);
        let quads = write::article_quads(info, mentions);
        let mut tx = self.inner.start_transaction()?;
        tx.clear_graph(graph.as_ref())?;
        tx.extend(&quads);
        tx.commit()?;
        Ok(())
    }

    /// Every stored article, sorted by id.
    pub fn articles(&self) -> Result<Vec<ArticleInfo>, Error> {
        let mut articles = Vec::new();
        for (id, graph) in read::article_graphs(&self.inner)? {
            let r = Resources::load(&self.inner, graph.as_ref().into())?;
            articles.extend(read::article(&r, &id)?);
        }
        Ok(articles)
    }

    /// All article mentions, read back from the article graphs: articles
    /// sorted by id, each article's mentions in the order `put_article` got
    /// them.
    pub fn mentions(&self) -> Result<Vec<EventMention>, Error> {
        let mut mentions = Vec::new();
        for (id, graph) in read::article_graphs(&self.inner)? {
            let r = Resources::load(&self.inner, graph.as_ref().into())?;
            mentions.extend(read::article_mentions(&r, &id)?);
        }
        Ok(mentions)
    }

    /// Replaces the linked graph (merged events and actors), in chunks of
    /// 50,000 quads so that memory stays bounded on large stores.
    pub fn replace_linked(&self, linked: &Linked) -> Result<(), Error> {
        let graph = vocab::linked_graph();
        let quads = write::linked_quads(linked);
        // One transaction per chunk: a single transaction over a large linked
        // graph held every pending write in memory (over 17 GB at 100,000
        // events). The replacement is therefore not atomic; a build that
        // stops half way leaves a partial linked graph that the next build
        // (which always relinks) replaces.
        let mut tx = self.inner.start_transaction()?;
        tx.clear_graph(graph.as_ref())?;
        tx.commit()?;
        for chunk in quads.chunks(LINKED_CHUNK) {
            let mut tx = self.inner.start_transaction()?;
            tx.extend(chunk);
            tx.commit()?;
        }
        Ok(())
    }

    /// Linked events read back through `queries/events.rq`, ordered by date
    /// (undated last) then id, and filtered.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<LinkedEvent>, Error> {
        let QueryOutput::Solutions { vars, rows } =
            self.run("events", named_query("events").unwrap_or_default(), &[])?
        else {
            return Err(Error::Rdf("events.rq is not a SELECT query".into()));
        };
        let col = |name: &str| {
            vars.iter().position(|v| v == name).ok_or_else(|| Error::Rdf(format!("events.rq has no ?{name}")))
        };
        let [c_event, c_type, c_date, c_place, c_status, c_conf, c_sources, c_articles] =
            ["event", "type", "date", "place", "status", "confidence", "sources", "articles"].map(col);
        let (c_event, c_type, c_date, c_place, c_status) = (c_event?, c_type?, c_date?, c_place?, c_status?);
        let (c_conf, c_sources, c_articles, c_id) = (c_conf?, c_sources?, c_articles?, col("id")?);

        let linked = Resources::load(&self.inner, vocab::linked_graph().as_ref().into())?;
        let mut events = Vec::with_capacity(rows.len());
        for row in &rows {
            let text = |c: usize| row[c].as_ref().and_then(read::literal_str);
            let need = |c: usize| text(c).ok_or_else(|| Error::Rdf(format!("events.rq: ?{} unbound", vars[c])));
            let number = |c: usize| -> Result<usize, Error> {
                need(c)?.parse().map_err(|_| Error::Rdf(format!("events.rq: ?{} is not a count", vars[c])))
            };
            let Some(Term::NamedNode(event)) = &row[c_event] else {
                return Err(Error::Rdf("events.rq: ?event is not an IRI".into()));
            };
            let parts = read::event_parts(&linked, &NamedOrBlankNode::from(event.clone()))?;
            let confidence = need(c_conf)?;
            events.push(LinkedEvent {
                id: need(c_id)?.to_owned(),
                kind: read::kind(need(c_type)?)?,
                date: text(c_date).map(str::parse).transpose().map_err(Error::Rdf)?,
                participants: parts.participants,
                place: text(c_place).map(str::to_owned),
                status: read::status(need(c_status)?)?,
                confidence: read::parse_float(confidence)
                    .ok_or_else(|| Error::Rdf(format!("events.rq: bad confidence {confidence:?}")))?,
                sources: number(c_sources)?,
                articles: number(c_articles)?,
                mentions: parts.mentions,
                merge_reasons: parts.merge_reasons,
            });
        }
        events.retain(|e| filter.matches(e));
        events.sort_by(|a, b| (a.date.is_none(), a.date, &a.id).cmp(&(b.date.is_none(), b.date, &b.id)));
        Ok(events)
    }

    /// Every actor of the linked graph, sorted by id.
    pub fn actors(&self) -> Result<Vec<ActorRecord>, Error> {
        let linked = Resources::load(&self.inner, vocab::linked_graph().as_ref().into())?;
        read::actors(&linked)
    }

    /// Runs any SPARQL query.
    pub fn query(&self, sparql: &str) -> Result<QueryOutput, Error> {
        self.run("query", sparql, &[])
    }

    /// Runs a query with `$name` (or `?name`) variables bound to values
    /// before evaluation; the query text is never spliced. A value written
    /// as an N-Triples term (`<http://...>`, `"2025"^^<...#gYear>`,
    /// `"x"@en`) is that term; anything else is a plain string literal.
    pub fn query_with_params(&self, sparql: &str, params: &[(String, String)]) -> Result<QueryOutput, Error> {
        self.run("query", sparql, params)
    }

    /// Runs a bundled query by name (see [`named_queries`]).
    pub fn named_query(&self, name: &str, params: &[(String, String)]) -> Result<QueryOutput, Error> {
        let sparql = named_query(name).ok_or_else(|| Error::Sparql {
            query_name: name.to_owned(),
            message: format!(
                "no such query (known: {})",
                named_queries().iter().map(|(n, _, _)| *n).collect::<Vec<_>>().join(", ")
            ),
        })?;
        self.run(name, sparql, params)
    }

    fn run(&self, query_name: &str, sparql: &str, params: &[(String, String)]) -> Result<QueryOutput, Error> {
        let query = parse_query(query_name, sparql)?;
        self.evaluate(query_name, sparql, query, params, &EvalOptions::default())
    }

    /// Evaluates a parsed query: binds the parameters, applies the limits
    /// and dataset of `options`, and reads every result into memory.
    pub(crate) fn evaluate(
        &self,
        query_name: &str,
        sparql: &str,
        mut query: spargebra::Query,
        params: &[(String, String)],
        options: &EvalOptions,
    ) -> Result<QueryOutput, Error> {
        let mut substitutions = Vec::new();
        let mut hidden = Vec::new();
        for (name, value) in params {
            let name = name.trim_start_matches(['$', '?']);
            let param_error = |message: String| Error::Param { name: name.to_owned(), message };
            let variable = Variable::new(name).map_err(|e| param_error(e.to_string()))?;
            if !mentions_variable(sparql, name) {
                return Err(param_error(format!("{query_name} has no variable ${name}")));
            }
            // Oxigraph binds only projected variables up front, so project
            // the parameter too and drop its column afterwards.
            if let spargebra::Query::Select { pattern, .. } = &mut query {
                if project(pattern, &variable) {
                    hidden.push(name.to_owned());
                }
            }
            substitutions.push((variable, param_term(name, value)?));
        }
        let own_dataset = query.dataset().is_some();
        let mut evaluator = SparqlEvaluator::new();
        if params.iter().any(|(name, _)| tests_bound(sparql, name.trim_start_matches(['$', '?']))) {
            // The optimizer sees that nothing in the pattern binds a
            // parameter and folds `BOUND($p)` to false before the
            // substitution applies. The bundled queries write optional
            // parameters as `COALESCE(test($p), true)` instead, which keeps
            // the optimizer (and its speed).
            evaluator = evaluator.without_optimizations();
        }
        if let Some(token) = &options.cancel {
            evaluator = evaluator.with_cancellation_token(token.clone());
        }
        let mut prepared = evaluator.for_query(query);
        for (variable, term) in substitutions {
            prepared = prepared.substitute_variable(variable, term);
        }
        // The protocol's dataset overrides the query's FROM; the union
        // default graph applies only when neither names one.
        if let Some(graphs) = &options.default_graphs {
            prepared.dataset_mut().set_default_graph(graphs.iter().cloned().map(Into::into).collect());
        } else if options.union_default_graph && !own_dataset {
            prepared.dataset_mut().set_default_graph_as_union();
        }
        if let Some(graphs) = &options.named_graphs {
            prepared.dataset_mut().set_available_named_graphs(graphs.iter().cloned().map(Into::into).collect());
        }
        let eval_error = |e: QueryEvaluationError| match e {
            QueryEvaluationError::Cancelled => Error::Cancelled,
            e => Error::sparql(query_name, e),
        };
        let too_many = |n: usize| options.max_rows.is_some_and(|max| n >= max);
        let results = prepared.on_store(&self.inner).execute().map_err(eval_error)?;
        Ok(match results {
            QueryResults::Solutions(solutions) => {
                let vars: Vec<String> = solutions
                    .variables()
                    .iter()
                    .map(|v| v.as_str().to_owned())
                    .filter(|v| !hidden.contains(v))
                    .collect();
                let mut rows = Vec::new();
                for solution in solutions {
                    let solution = solution.map_err(eval_error)?;
                    if too_many(rows.len()) {
                        return Err(Error::TooManyResults { limit: rows.len() });
                    }
                    rows.push(vars.iter().map(|v| solution.get(v.as_str()).cloned()).collect());
                }
                QueryOutput::Solutions { vars, rows }
            }
            QueryResults::Boolean(b) => QueryOutput::Boolean(b),
            QueryResults::Graph(triples) => {
                let mut out = Vec::new();
                for triple in triples {
                    let triple = triple.map_err(eval_error)?;
                    if too_many(out.len()) {
                        return Err(Error::TooManyResults { limit: out.len() });
                    }
                    out.push(triple);
                }
                QueryOutput::Graph(out)
            }
        })
    }

    /// Serializes query results: table/csv/tsv/json/xml for SELECT and
    /// ASK, turtle/ntriples (or table, which prints Turtle) for CONSTRUCT
    /// and DESCRIBE.
    pub fn write_results(
        &self,
        out: QueryOutput,
        format: ResultFormat,
        w: &mut dyn std::io::Write,
    ) -> Result<(), Error> {
        format::write_results(out, format, w)
    }

    /// Dumps the whole dataset (see [`DumpFormat`] for how each format
    /// treats named graphs).
    pub fn export(&self, format: DumpFormat, w: &mut dyn std::io::Write) -> Result<(), Error> {
        format::export(&self.inner, format, w)
    }

    pub fn quad_count(&self) -> Result<usize, Error> {
        Ok(self.inner.len()?)
    }
}

/// What the endpoint adds to an evaluation: a way to stop it, a cap on
/// the result size and the protocol's dataset.
#[derive(Clone, Default)]
pub(crate) struct EvalOptions {
    pub(crate) cancel: Option<CancellationToken>,
    /// Fail with [`Error::TooManyResults`] past this many rows or triples.
    pub(crate) max_rows: Option<usize>,
    pub(crate) default_graphs: Option<Vec<NamedNode>>,
    pub(crate) named_graphs: Option<Vec<NamedNode>>,
    pub(crate) union_default_graph: bool,
}

pub(crate) fn parse_query(query_name: &str, sparql: &str) -> Result<spargebra::Query, Error> {
    parser().parse_query(sparql).map_err(|e| Error::sparql(query_name, e))
}

fn parser() -> spargebra::SparqlParser {
    let mut parser = spargebra::SparqlParser::new();
    for (prefix, iri) in vocab::PREFIXES {
        parser = parser.with_prefix(*prefix, *iri).expect("static prefixes are valid IRIs");
    }
    parser
}

/// Adds `variable` to the projection of a SELECT pattern; true if it was
/// not projected before.
fn project(pattern: &mut spargebra::algebra::GraphPattern, variable: &Variable) -> bool {
    use spargebra::algebra::GraphPattern;
    match pattern {
        GraphPattern::Distinct { inner } | GraphPattern::Reduced { inner } | GraphPattern::Slice { inner, .. } => {
            project(inner, variable)
        }
        GraphPattern::Project { variables, .. } if !variables.contains(variable) => {
            variables.push(variable.clone());
            true
        }
        _ => false,
    }
}

/// Whether `?name` or `$name` occurs in the query text (a typo in a
/// parameter name should be an error, not a silently unfiltered result).
fn mentions_variable(sparql: &str, name: &str) -> bool {
    let is_name_char = |c: char| c.is_alphanumeric() || c == '_' || c == '\u{b7}';
    sparql.match_indices(name).any(|(at, _)| {
        let before = sparql[..at].chars().next_back();
        let after = sparql[at + name.len()..].chars().next();
        matches!(before, Some('?' | '$')) && !after.is_some_and(is_name_char)
    })
}

/// Whether the query applies `BOUND` to `$name` (or `?name`); cautious:
/// ignores case, spaces and comments.
fn tests_bound(sparql: &str, name: &str) -> bool {
    let compact: String = sparql.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase();
    let name = name.to_ascii_uppercase();
    compact.contains(&format!("BOUND(${name})")) || compact.contains(&format!("BOUND(?{name})"))
}

fn param_term(name: &str, value: &str) -> Result<Term, Error> {
    let looks_like_term = value.starts_with('<') || value.starts_with('"') || value.starts_with("_:");
    if looks_like_term {
        value.parse().map_err(|e: oxigraph::model::TermParseError| Error::Param {
            name: name.to_owned(),
            message: format!("{value:?} is not an N-Triples term: {e}"),
        })
    } else {
        Ok(oxigraph::model::Literal::new_simple_literal(value).into())
    }
}
