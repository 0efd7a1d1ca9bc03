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
//! store.put_article(&info, &[], &[])?;
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
mod params;
mod queries;
mod read;
pub mod vocab;
mod write;

use std::path::Path;

use annals_extract::model::{ArticleInfo, EventMention};
pub use annals_graph::link::ArticleActor;
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

    /// Replaces the named graph of this article with its info, event
    /// mentions and the actors it names (what that article claims; see
    /// [`ArticleActor::from_mentions`]), in one transaction.
    pub fn put_article(
        &self,
        info: &ArticleInfo,
        mentions: &[EventMention],
        actors: &[ArticleActor],
    ) -> Result<(), Error> {
        if let Some(m) = mentions.iter().find(|m| m.doc != info.id) {
            return Err(Error::Rdf(format!("mention of document {:?} given for article {:?}", m.doc, info.id)));
        }
        if let Some(a) = actors.iter().find(|a| a.doc != info.id) {
            return Err(Error::Rdf(format!("actor of document {:?} given for article {:?}", a.doc, info.id)));
        }
        let graph = vocab::article_graph(&info.id);
        let quads = write::article_quads(info, mentions, actors);
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

    /// The actors every article names ([`Store::put_article`]), read back
    /// from the article graphs: articles sorted by id, each article's
    /// actors in the order `put_article` got them.
    pub fn article_actors(&self) -> Result<Vec<ArticleActor>, Error> {
        let mut actors = Vec::new();
        for (id, graph) in read::article_graphs(&self.inner)? {
            let r = Resources::load(&self.inner, graph.as_ref().into())?;
            actors.extend(read::article_actors(&r, &id)?);
        }
        Ok(actors)
    }

    /// Whether the article's graph holds actor records (stores built
    /// before they were kept have none, so `annals build` stores such an
    /// article again even when its text is unchanged).
    pub fn article_has_actors(&self, id: &str) -> Result<bool, Error> {
        let graph = vocab::article_graph(id);
        let class: Term = t::ACTOR_MENTION.into_owned().into();
        let quad = self
            .inner
            .quads_for_pattern(None, Some(vocab::RDF_TYPE), Some(class.as_ref()), Some(graph.as_ref().into()))
            .next()
            .transpose()?;
        Ok(quad.is_some())
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
        // Write the memory tables out: otherwise every later open replays
        // the write-ahead log (30 s and 1.2 GB at 100,000 events).
        self.inner.flush()?;
        Ok(())
    }

    /// Linked events read back through `queries/events.rq`, ordered by date
    /// (undated last; a year before its months, a month before its days)
    /// then id, and filtered. Collects [`Store::events_iter`].
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<LinkedEvent>, Error> {
        self.events_iter(filter)?.collect()
    }

    /// The events of [`Store::events`], one at a time: the rows of
    /// `queries/events.rq` are streamed (Oxigraph holds their sort keys),
    /// and each event's participants, mentions and merge reasons are read
    /// with index lookups when its row comes, so memory holds one event
    /// and not the linked graph.
    pub fn events_iter(&self, filter: &EventFilter) -> Result<EventIter<'_>, Error> {
        let sparql = named_query("events").unwrap_or_default();
        let query = parse_query("events", sparql)?;
        let results = SparqlEvaluator::new()
            .for_query(query)
            .on_store(&self.inner)
            .execute()
            .map_err(|e| Error::sparql("events", e))?;
        let QueryResults::Solutions(rows) = results else {
            return Err(Error::Rdf("events.rq is not a SELECT query".into()));
        };
        let vars: Vec<String> = rows.variables().iter().map(|v| v.as_str().to_owned()).collect();
        for name in ["event", "type", "date", "place", "status", "confidence", "sources", "articles", "id"] {
            if !vars.iter().any(|v| v == name) {
                return Err(Error::Rdf(format!("events.rq has no ?{name}")));
            }
        }
        Ok(EventIter { store: &self.inner, rows, filter: filter.clone(), linked: vocab::linked_graph() })
    }

    /// Every actor of the linked graph, sorted by id.
    pub fn actors(&self) -> Result<Vec<ActorRecord>, Error> {
        // Only the actor nodes and their titles: not the whole linked graph.
        let actors = Resources::load_typed(&self.inner, vocab::linked_graph().as_ref().into(), t::SEM_ACTOR)?;
        read::actors(&actors)
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

    /// [`Store::query_with_params`] that gives up after `limit`
    /// ([`Error::Cancelled`]): the query stops at its next read of the
    /// store (a sort or join busy in memory runs on until then).
    pub fn query_within(
        &self,
        sparql: &str,
        params: &[(String, String)],
        limit: std::time::Duration,
    ) -> Result<QueryOutput, Error> {
        use std::sync::{Arc, Condvar, Mutex};
        let query = parse_query("query", sparql)?;
        let token = CancellationToken::new();
        let done = Arc::new((Mutex::new(false), Condvar::new()));
        let watch = {
            let (token, done) = (token.clone(), done.clone());
            std::thread::spawn(move || {
                let (finished, wake) = &*done;
                let guard = finished.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                let (guard, _) = wake
                    .wait_timeout_while(guard, limit, |finished| !*finished)
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                if !*guard {
                    token.cancel();
                }
            })
        };
        let options = EvalOptions { cancel: Some(token), ..EvalOptions::default() };
        let out = self.evaluate("query", sparql, query, params, &options);
        *done.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = true;
        done.1.notify_all();
        let _ = watch.join();
        out
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
        let mut bound_tested_at_run_time = false;
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
            let term = param_term(name, value)?;
            // The term replaces the variable in the algebra, so the optimizer
            // plans with the constant; it is also bound at the start, which
            // fills a projected parameter's column and covers the rare query
            // where a term cannot replace the variable.
            let replaced = params::substitute(&mut query, &variable, &term);
            if !replaced && tests_bound(sparql, name) {
                bound_tested_at_run_time = true;
            }
            if !replaced || matches!(query, spargebra::Query::Select { .. }) {
                substitutions.push((variable, term));
            }
        }
        let own_dataset = query.dataset().is_some();
        let mut evaluator = SparqlEvaluator::new();
        if bound_tested_at_run_time {
            // The optimizer sees that nothing in the pattern binds the
            // parameter and would fold `BOUND($p)` to false before the
            // binding applies.
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
        let bound = prepared.on_store(&self.inner);
        let Some(plan) = &options.explain else {
            return collect(bound.execute().map_err(eval_error)?, &hidden, options, &eval_error);
        };
        let (results, explanation) = bound.compute_statistics().explain();
        // The statistics are complete once every result has been read.
        let out = collect(results.map_err(eval_error)?, &hidden, options, &eval_error)?;
        let mut json = Vec::new();
        explanation.write_in_json(&mut json)?;
        *plan.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = String::from_utf8_lossy(&json).into_owned();
        Ok(out)
    }

    /// The plan Oxigraph evaluates for a query with these parameters, as
    /// JSON, with the rows and time of every step (the query is run).
    pub fn explain(&self, sparql: &str, params: &[(String, String)]) -> Result<String, Error> {
        let query = parse_query("query", sparql)?;
        let plan = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let options = EvalOptions { explain: Some(plan.clone()), ..EvalOptions::default() };
        self.evaluate("query", sparql, query, params, &options)?;
        let text = plan.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone();
        Ok(text)
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

/// Linked events in the order of `queries/events.rq`, read one at a time
/// (see [`Store::events_iter`]).
pub struct EventIter<'a> {
    store: &'a oxigraph::store::Store,
    rows: oxigraph::sparql::QuerySolutionIter<'a>,
    filter: EventFilter,
    linked: NamedNode,
}

impl EventIter<'_> {
    fn event(&self, row: &oxigraph::sparql::QuerySolution) -> Result<Option<LinkedEvent>, Error> {
        let text = |name: &str| row.get(name).and_then(read::literal_str);
        let need = |name: &str| text(name).ok_or_else(|| Error::Rdf(format!("events.rq: ?{name} unbound")));
        let number = |name: &str| -> Result<usize, Error> {
            need(name)?.parse().map_err(|_| Error::Rdf(format!("events.rq: ?{name} is not a count")))
        };
        let Some(Term::NamedNode(event)) = row.get("event") else {
            return Err(Error::Rdf("events.rq: ?event is not an IRI".into()));
        };
        let kind = read::kind(need("type")?)?;
        let status = read::status(need("status")?)?;
        let date = text("date").map(str::parse).transpose().map_err(Error::Rdf)?;
        // What the row alone can refuse is refused before the event is read.
        let probe = LinkedEvent {
            id: String::new(),
            kind,
            date,
            participants: Vec::new(),
            place: None,
            status,
            confidence: 0.0,
            sources: 0,
            articles: 0,
            mentions: Vec::new(),
            merge_reasons: Vec::new(),
        };
        let unnamed = EventFilter { actor: None, with: None, ..self.filter.clone() };
        if !unnamed.matches(&probe) {
            return Ok(None);
        }
        // A name the filter wants is part of the row's participant list.
        if let Some(list) = text("participants").map(str::to_lowercase) {
            let absent = |name: &Option<String>| name.as_ref().is_some_and(|n| !list.contains(&n.to_lowercase()));
            if absent(&self.filter.actor) || absent(&self.filter.with) {
                return Ok(None);
            }
        }
        let tree = Resources::load_tree(self.store, self.linked.as_ref().into(), event)?;
        let parts = read::event_parts(&tree, &NamedOrBlankNode::from(event.clone()))?;
        let confidence = need("confidence")?;
        let event = LinkedEvent {
            id: need("id")?.to_owned(),
            participants: parts.participants,
            place: text("place").map(str::to_owned),
            confidence: read::parse_float(confidence)
                .ok_or_else(|| Error::Rdf(format!("events.rq: bad confidence {confidence:?}")))?,
            sources: number("sources")?,
            articles: number("articles")?,
            mentions: parts.mentions,
            merge_reasons: parts.merge_reasons,
            ..probe
        };
        Ok(self.filter.matches(&event).then_some(event))
    }
}

impl Iterator for EventIter<'_> {
    type Item = Result<LinkedEvent, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let row = match self.rows.next()? {
                Ok(row) => row,
                Err(e) => return Some(Err(Error::sparql("events", e))),
            };
            match self.event(&row) {
                Ok(Some(event)) => return Some(Ok(event)),
                Ok(None) => continue,
                Err(e) => return Some(Err(e)),
            }
        }
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
    /// Run with statistics and leave the plan (JSON) here.
    pub(crate) explain: Option<std::sync::Arc<std::sync::Mutex<String>>>,
}

/// Reads every result into memory, within the row limit of `options`.
fn collect(
    results: QueryResults<'_>,
    hidden: &[String],
    options: &EvalOptions,
    eval_error: &dyn Fn(QueryEvaluationError) -> Error,
) -> Result<QueryOutput, Error> {
    let too_many = |n: usize| options.max_rows.is_some_and(|max| n >= max);
    Ok(match results {
        QueryResults::Solutions(solutions) => {
            let vars: Vec<String> =
                solutions.variables().iter().map(|v| v.as_str().to_owned()).filter(|v| !hidden.contains(v)).collect();
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
