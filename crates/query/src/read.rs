//! Quads -> model values: the inverse of `write.rs`.

use std::collections::HashMap;
use std::str::FromStr;

use annals_extract::model::{ActorKind, ArticleInfo, EventMention, EventType, PartialDate, Participant, Span, Status};
use annals_graph::link::ArticleActor;
use annals_graph::model::{ActorRecord, MentionRecord, TitleSpan};
use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Term};

use crate::vocab::{self, t, RDF_TYPE};
use crate::Error;

/// Every triple of one graph, indexed by subject, so nested nodes can be
/// read back without one query per node.
pub(crate) struct Resources {
    props: HashMap<NamedOrBlankNode, Vec<(NamedNode, Term)>>,
    order: Vec<NamedOrBlankNode>,
}

impl Resources {
    pub(crate) fn load(store: &oxigraph::store::Store, graph: GraphNameRef<'_>) -> Result<Self, Error> {
        let mut props: HashMap<NamedOrBlankNode, Vec<(NamedNode, Term)>> = HashMap::new();
        let mut order = Vec::new();
        for quad in store.quads_for_pattern(None, None, None, Some(graph)) {
            let quad = quad?;
            let entry = props.entry(quad.subject.clone()).or_default();
            if entry.is_empty() {
                order.push(quad.subject);
            }
            entry.push((quad.predicate, quad.object));
        }
        Ok(Resources { props, order })
    }

    /// One node and what it owns: the nodes under its IRI (`<event>/role/0`,
    /// `<event>/mention/0/participant/1`, as `vocab::child` names them) and
    /// the places they name, read with one index lookup per node instead of
    /// a scan of the graph.
    pub(crate) fn load_tree(
        store: &oxigraph::store::Store,
        graph: GraphNameRef<'_>,
        root: &NamedNode,
    ) -> Result<Self, Error> {
        let mut r = Resources { props: HashMap::new(), order: Vec::new() };
        r.add_tree(store, graph, root)?;
        Ok(r)
    }

    /// The trees (see [`Resources::load_tree`]) of every node of type
    /// `class` in `graph`.
    pub(crate) fn load_typed(
        store: &oxigraph::store::Store,
        graph: GraphNameRef<'_>,
        class: NamedNodeRef<'_>,
    ) -> Result<Self, Error> {
        let mut r = Resources { props: HashMap::new(), order: Vec::new() };
        for quad in store.quads_for_pattern(None, Some(RDF_TYPE), Some(class.into()), Some(graph)) {
            if let NamedOrBlankNode::NamedNode(node) = quad?.subject {
                r.add_tree(store, graph, &node)?;
            }
        }
        Ok(r)
    }

    fn add_tree(
        &mut self,
        store: &oxigraph::store::Store,
        graph: GraphNameRef<'_>,
        root: &NamedNode,
    ) -> Result<(), Error> {
        let owned = format!("{}/", root.as_str());
        let mut todo = vec![root.clone()];
        while let Some(node) = todo.pop() {
            let subject = NamedOrBlankNode::from(node);
            if self.props.contains_key(&subject) {
                continue;
            }
            let mut entry = Vec::new();
            for quad in store.quads_for_pattern(Some(subject.as_ref()), None, None, Some(graph)) {
                let quad = quad?;
                if let Term::NamedNode(n) = &quad.object {
                    if n.as_str().starts_with(&owned) || quad.predicate.as_ref() == t::HAS_PLACE {
                        todo.push(n.clone());
                    }
                }
                entry.push((quad.predicate, quad.object));
            }
            self.order.push(subject.clone());
            self.props.insert(subject, entry);
        }
        Ok(())
    }

    pub(crate) fn values(&self, s: &NamedOrBlankNode, p: NamedNodeRef<'static>) -> impl Iterator<Item = &Term> {
        self.props.get(s).into_iter().flatten().filter(move |(q, _)| q.as_ref() == p).map(|(_, o)| o)
    }

    pub(crate) fn one(&self, s: &NamedOrBlankNode, p: NamedNodeRef<'static>) -> Option<&Term> {
        self.values(s, p).next()
    }

    /// Subjects typed `class`, in storage order.
    pub(crate) fn of_type(&self, class: NamedNodeRef<'static>) -> Vec<NamedOrBlankNode> {
        self.order
            .iter()
            .filter(|s| self.values(s, RDF_TYPE).any(|o| matches!(o, Term::NamedNode(n) if n.as_ref() == class)))
            .cloned()
            .collect()
    }

    pub(crate) fn opt_str(&self, s: &NamedOrBlankNode, p: NamedNodeRef<'static>) -> Option<String> {
        self.one(s, p).and_then(literal_str).map(str::to_owned)
    }

    pub(crate) fn str(&self, s: &NamedOrBlankNode, p: NamedNodeRef<'static>) -> Result<String, Error> {
        self.opt_str(s, p).ok_or_else(|| missing(s, p))
    }

    pub(crate) fn parse<T: FromStr>(&self, s: &NamedOrBlankNode, p: NamedNodeRef<'static>) -> Result<T, Error> {
        let raw = self.str(s, p)?;
        raw.parse().map_err(|_| Error::Rdf(format!("{s} {p}: cannot read {raw:?}")))
    }

    pub(crate) fn float(&self, s: &NamedOrBlankNode, p: NamedNodeRef<'static>) -> Result<f32, Error> {
        let raw = self.str(s, p)?;
        parse_float(&raw).ok_or_else(|| Error::Rdf(format!("{s} {p}: not a float: {raw:?}")))
    }

    pub(crate) fn date(&self, s: &NamedOrBlankNode, p: NamedNodeRef<'static>) -> Result<Option<PartialDate>, Error> {
        match self.opt_str(s, p) {
            None => Ok(None),
            Some(raw) => raw.parse().map(Some).map_err(|e| Error::Rdf(format!("{s} {p}: {e}"))),
        }
    }

    /// The place label behind `sem:hasPlace`.
    pub(crate) fn place(&self, s: &NamedOrBlankNode) -> Option<String> {
        match self.one(s, t::HAS_PLACE)? {
            Term::NamedNode(n) => self.opt_str(&n.clone().into(), t::LABEL),
            _ => None,
        }
    }

    /// Objects of `p` that are nodes, sorted by their `annals:position`.
    pub(crate) fn ordered(
        &self,
        s: &NamedOrBlankNode,
        p: NamedNodeRef<'static>,
    ) -> Result<Vec<NamedOrBlankNode>, Error> {
        let mut nodes = Vec::new();
        for o in self.values(s, p) {
            let node = match o {
                Term::NamedNode(n) => NamedOrBlankNode::from(n.clone()),
                Term::BlankNode(b) => NamedOrBlankNode::from(b.clone()),
                _ => return Err(Error::Rdf(format!("{s} {p}: expected a node, found {o}"))),
            };
            let position: usize = self.parse(&node, t::POSITION)?;
            nodes.push((position, node));
        }
        nodes.sort_by_key(|(position, _)| *position);
        Ok(nodes.into_iter().map(|(_, n)| n).collect())
    }

    fn span(&self, s: &NamedOrBlankNode) -> Result<Span, Error> {
        Ok(Span::new(self.parse(s, t::BEGIN_INDEX)?, self.parse(s, t::END_INDEX)?))
    }
}

fn missing(s: &NamedOrBlankNode, p: NamedNodeRef<'static>) -> Error {
    Error::Rdf(format!("{s} has no {p}"))
}

pub(crate) fn literal_str(term: &Term) -> Option<&str> {
    match term {
        Term::Literal(l) => Some(l.value()),
        _ => None,
    }
}

pub(crate) fn parse_float(raw: &str) -> Option<f32> {
    match raw {
        "INF" | "+INF" => Some(f32::INFINITY),
        "-INF" => Some(f32::NEG_INFINITY),
        "NaN" => Some(f32::NAN),
        _ => raw.parse().ok(),
    }
}

fn parse_enum<T: FromStr<Err = String>>(raw: &str) -> Result<T, Error> {
    raw.parse().map_err(Error::Rdf)
}

pub(crate) fn kind(raw: &str) -> Result<EventType, Error> {
    parse_enum(raw)
}

pub(crate) fn status(raw: &str) -> Result<Status, Error> {
    parse_enum(raw)
}

fn actor_kind(raw: &str) -> Result<ActorKind, Error> {
    match raw {
        "person" => Ok(ActorKind::Person),
        "organization" => Ok(ActorKind::Organization),
        "country" => Ok(ActorKind::Country),
        "group" => Ok(ActorKind::Group),
        _ => Err(Error::Rdf(format!("unknown actor kind {raw:?}"))),
    }
}

/// The article graphs in the store, sorted by article id.
pub(crate) fn article_graphs(store: &oxigraph::store::Store) -> Result<Vec<(String, NamedNode)>, Error> {
    let mut graphs = Vec::new();
    for g in store.named_graphs() {
        if let NamedOrBlankNode::NamedNode(n) = g? {
            if let Some(id) = n.as_str().strip_prefix(vocab::ARTICLE_GRAPH_PREFIX).and_then(vocab::decode) {
                graphs.push((id, n));
            }
        }
    }
    graphs.sort();
    Ok(graphs)
}

pub(crate) fn article(r: &Resources, id: &str) -> Result<Option<ArticleInfo>, Error> {
    let node: NamedOrBlankNode = vocab::article(id).into();
    if r.one(&node, RDF_TYPE).is_none() {
        return Ok(None);
    }
    let minhash = r.str(&node, t::MINHASH)?;
    let minhash = minhash
        .split_whitespace()
        .map(|v| v.parse().map_err(|_| Error::Rdf(format!("{node}: bad minhash value {v:?}"))))
        .collect::<Result<_, _>>()?;
    Ok(Some(ArticleInfo {
        id: r.str(&node, t::IDENTIFIER)?,
        date: r.date(&node, t::DATE_PUBLISHED)?,
        date_inferred: r.opt_str(&node, t::DATE_INFERRED),
        source: r.opt_str(&node, t::SOURCE),
        url: r.opt_str(&node, t::URL),
        title: r.opt_str(&node, t::DCT_TITLE),
        content_hash: r.str(&node, t::CONTENT_HASH)?,
        minhash,
        sentences: r.parse(&node, t::SENTENCES)?,
        chars: r.parse(&node, t::CHARS)?,
    }))
}

/// The mentions of one article graph, in the order `put_article` got them.
pub(crate) fn article_mentions(r: &Resources, doc: &str) -> Result<Vec<EventMention>, Error> {
    let mut mentions = Vec::new();
    for node in r.of_type(t::EVENT_MENTION) {
        let index: usize = r.parse(&node, t::INDEX)?;
        let participants = r
            .ordered(&node, t::PARTICIPANT)?
            .iter()
            .map(|p| {
                Ok(Participant {
                    name: r.str(p, t::NAME)?,
                    kind: actor_kind(&r.str(p, t::KIND)?)?,
                    title: r.opt_str(p, t::TITLE),
                    country: r.opt_str(p, t::COUNTRY),
                    surface: r.str(p, t::SURFACE)?,
                })
            })
            .collect::<Result<_, Error>>()?;
        let mention = EventMention {
            doc: doc.to_owned(),
            kind: kind(&r.str(&node, t::EVENT_TYPE)?)?,
            participants,
            date: r.date(&node, t::DATE)?,
            date_text: r.opt_str(&node, t::DATE_TEXT),
            place: r.place(&node),
            status: status(&r.str(&node, t::STATUS)?)?,
            confidence: r.float(&node, t::CONFIDENCE)?,
            evidence: r.span(&node)?,
            evidence_text: r.str(&node, t::ANCHOR_OF)?,
            trigger: Span::new(r.parse(&node, t::TRIGGER_BEGIN)?, r.parse(&node, t::TRIGGER_END)?),
        };
        mentions.push((index, mention));
    }
    mentions.sort_by_key(|(index, _)| *index);
    Ok(mentions.into_iter().map(|(_, m)| m).collect())
}

/// The actors one article graph names, in the order `put_article` got them.
pub(crate) fn article_actors(r: &Resources, doc: &str) -> Result<Vec<ArticleActor>, Error> {
    let mut actors = Vec::new();
    for node in r.of_type(t::ACTOR_MENTION) {
        let position: usize = r.parse(&node, t::POSITION)?;
        let strings = |p| {
            let mut v: Vec<String> = r.values(&node, p).filter_map(literal_str).map(str::to_owned).collect();
            v.sort();
            v
        };
        actors.push((
            position,
            ArticleActor {
                doc: doc.to_owned(),
                name: r.str(&node, t::NAME)?,
                kind: actor_kind(&r.str(&node, t::KIND)?)?,
                country: r.opt_str(&node, t::COUNTRY),
                titles: strings(t::TITLE),
                aliases: strings(t::SURFACE),
                mentions: r.parse(&node, t::MENTIONS)?,
            },
        ));
    }
    actors.sort_by_key(|(position, _)| *position);
    Ok(actors.into_iter().map(|(_, a)| a).collect())
}

pub(crate) fn actors(r: &Resources) -> Result<Vec<ActorRecord>, Error> {
    let mut actors = Vec::new();
    for node in r.of_type(t::SEM_ACTOR) {
        let titles = r
            .ordered(&node, t::TITLE_SPAN)?
            .iter()
            .map(|n| {
                Ok(TitleSpan {
                    title: r.str(n, t::TITLE)?,
                    first: r.date(n, t::FIRST_SEEN)?,
                    last: r.date(n, t::LAST_SEEN)?,
                })
            })
            .collect::<Result<_, Error>>()?;
        let mut aliases: Vec<String> =
            r.values(&node, t::ALT_LABEL).filter_map(literal_str).map(str::to_owned).collect();
        aliases.sort();
        actors.push(ActorRecord {
            id: r.str(&node, t::IDENTIFIER)?,
            name: r.str(&node, t::LABEL)?,
            kind: actor_kind(&r.str(&node, t::KIND)?)?,
            country: r.opt_str(&node, t::COUNTRY),
            titles,
            aliases,
            mentions: r.parse(&node, t::MENTIONS)?,
            sources: r.parse(&node, t::SOURCES)?,
        });
    }
    actors.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(actors)
}

/// The ordered parts of a linked event that one SPARQL row cannot hold:
/// participants, merge reasons and mention records.
pub(crate) struct EventParts {
    pub(crate) participants: Vec<String>,
    pub(crate) merge_reasons: Vec<String>,
    pub(crate) mentions: Vec<MentionRecord>,
}

pub(crate) fn event_parts(r: &Resources, event: &NamedOrBlankNode) -> Result<EventParts, Error> {
    let names = |node: &NamedOrBlankNode, p| -> Result<Vec<String>, Error> {
        r.ordered(node, p)?.iter().map(|n| r.str(n, t::NAME)).collect()
    };
    let participants = names(event, t::ROLE)?;
    let merge_reasons =
        r.ordered(event, t::MERGE_REASON)?.iter().map(|n| r.str(n, t::VALUE)).collect::<Result<_, _>>()?;
    let mut mentions = Vec::new();
    for node in r.ordered(event, t::LINKED_MENTION_P)? {
        let doc = match r.one(&node, t::REFERENCE_CONTEXT) {
            Some(Term::NamedNode(n)) => vocab::article_id(n.as_str()),
            _ => None,
        }
        .ok_or_else(|| missing(&node, t::REFERENCE_CONTEXT))?;
        mentions.push(MentionRecord {
            doc,
            span: r.span(&node)?,
            text: r.str(&node, t::ANCHOR_OF)?,
            date: r.date(&node, t::DATE)?,
            date_text: r.opt_str(&node, t::DATE_TEXT),
            place: r.place(&node),
            status: status(&r.str(&node, t::STATUS)?)?,
            participants: names(&node, t::PARTICIPANT)?,
            confidence: r.float(&node, t::CONFIDENCE)?,
            doc_date: r.date(&node, t::DOC_DATE)?,
        });
    }
    Ok(EventParts { participants, merge_reasons, mentions })
}
