//! Model values -> quads. The inverse lives in `read.rs`; the round-trip
//! tests in `tests/roundtrip.rs` keep the two in step.

use std::collections::{BTreeSet, HashMap};

use annals_extract::model::{ArticleInfo, EventMention, EventType, PartialDate, Span};
use annals_graph::link::ArticleActor;
use annals_graph::model::{Linked, LinkedEvent, MentionRecord};
use oxigraph::model::vocab::xsd;
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term};

use crate::vocab::{self, t, RDF_TYPE};

/// Collects the quads of one named graph.
pub(crate) struct GraphWriter {
    graph: GraphName,
    pub(crate) quads: Vec<Quad>,
}

impl GraphWriter {
    pub(crate) fn new(graph: NamedNode) -> Self {
        GraphWriter { graph: graph.into(), quads: Vec::new() }
    }

    fn add(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        self.quads.push(Quad::new(s.clone(), p, o, self.graph.clone()));
    }

    fn a(&mut self, s: &NamedNode, class: NamedNodeRef<'_>) {
        self.add(s, RDF_TYPE, class.into_owned());
    }

    fn str(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, value: &str) {
        self.add(s, p, Literal::new_simple_literal(value));
    }

    fn opt_str(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, value: Option<&str>) {
        if let Some(v) = value {
            self.str(s, p, v);
        }
    }

    fn int(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, value: usize) {
        self.add(s, p, Literal::new_typed_literal(value.to_string(), xsd::INTEGER));
    }

    fn float(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, value: f32) {
        self.add(s, p, float_literal(value));
    }

    /// `annals:date` typed by precision plus the begin/end days it covers.
    fn date(&mut self, s: &NamedNode, date: Option<PartialDate>) {
        if let Some(d) = date {
            self.add(s, t::DATE, date_literal(d));
            let (begin, end) = d.interval();
            self.add(s, t::HAS_BEGIN, Literal::new_typed_literal(begin.to_string(), xsd::DATE));
            self.add(s, t::HAS_END, Literal::new_typed_literal(end.to_string(), xsd::DATE));
        }
    }

    fn place(&mut self, s: &NamedNode, place: Option<&str>) {
        if let Some(name) = place {
            let node = vocab::place(name);
            self.add(s, t::HAS_PLACE, node.clone());
            self.a(&node, t::SEM_PLACE);
            self.str(&node, t::LABEL, name);
        }
    }

    fn span(&mut self, s: &NamedNode, span: Span, text: &str) {
        let index = |n: usize| Literal::new_typed_literal(n.to_string(), xsd::NON_NEGATIVE_INTEGER);
        self.add(s, t::BEGIN_INDEX, index(span.start));
        self.add(s, t::END_INDEX, index(span.end));
        self.str(s, t::ANCHOR_OF, text);
    }

    /// Names joined with " ; ", in order: SPARQL cannot order a GROUP_CONCAT,
    /// so queries that show participants read this instead.
    fn participant_list<'a>(&mut self, s: &NamedNode, names: impl Iterator<Item = &'a str>) {
        let list: Vec<&str> = names.collect();
        self.str(s, t::PARTICIPANT_LIST, &list.join(" ; "));
    }

    fn kind(&mut self, s: &NamedNode, kind: EventType) {
        self.str(s, t::EVENT_TYPE, kind.as_str());
        self.add(s, t::SEM_EVENT_TYPE, vocab::cameo_concept(kind));
    }
}

/// xsd:float with Rust's shortest round-trip spelling, so `f32` reads back
/// bit for bit.
pub(crate) fn float_literal(value: f32) -> Literal {
    let lexical = if value.is_nan() {
        "NaN".to_owned()
    } else if value.is_infinite() {
        if value > 0.0 { "INF" } else { "-INF" }.to_owned()
    } else {
        value.to_string()
    };
    Literal::new_typed_literal(lexical, xsd::FLOAT)
}

pub(crate) fn date_literal(d: PartialDate) -> Literal {
    let datatype = match d.precision() {
        3 => xsd::DATE,
        2 => xsd::G_YEAR_MONTH,
        _ => xsd::G_YEAR,
    };
    Literal::new_typed_literal(d.to_string(), datatype)
}

/// IRIs for the mentions of one article, in order; a second mention of
/// the same type in the same sentence gets a `-2` suffix.
pub(crate) fn mention_iris(doc: &str, mentions: &[EventMention]) -> Vec<NamedNode> {
    let mut seen: HashMap<(Span, EventType), usize> = HashMap::new();
    mentions
        .iter()
        .map(|m| {
            let n = seen.entry((m.evidence, m.kind)).or_default();
            *n += 1;
            vocab::mention(doc, m.evidence, m.kind, *n)
        })
        .collect()
}

/// The named graph of one article: the article node, its event mentions
/// and the actors it names.
pub(crate) fn article_quads(info: &ArticleInfo, mentions: &[EventMention], actors: &[ArticleActor]) -> Vec<Quad> {
    let mut g = GraphWriter::new(vocab::article_graph(&info.id));
    let article = vocab::article(&info.id);
    g.a(&article, t::NEWS_ARTICLE);
    g.a(&article, t::NIF_CONTEXT);
    g.str(&article, t::IDENTIFIER, &info.id);
    if let Some(d) = info.date {
        g.add(&article, t::DATE_PUBLISHED, date_literal(d));
    }
    g.opt_str(&article, t::DATE_INFERRED, info.date_inferred.as_deref());
    g.opt_str(&article, t::SOURCE, info.source.as_deref());
    if let Some(url) = &info.url {
        g.add(&article, t::URL, Literal::new_typed_literal(url, xsd::ANY_URI));
    }
    g.opt_str(&article, t::DCT_TITLE, info.title.as_deref());
    g.str(&article, t::CONTENT_HASH, &info.content_hash);
    let minhash: Vec<String> = info.minhash.iter().map(u32::to_string).collect();
    g.str(&article, t::MINHASH, &minhash.join(" "));
    g.int(&article, t::SENTENCES, info.sentences);
    g.int(&article, t::CHARS, info.chars);

    for (i, (m, iri)) in mentions.iter().zip(mention_iris(&info.id, mentions)).enumerate() {
        g.a(&iri, t::EVENT_MENTION);
        g.int(&iri, t::INDEX, i);
        g.add(&iri, t::REFERENCE_CONTEXT, article.clone());
        g.kind(&iri, m.kind);
        g.str(&iri, t::STATUS, m.status.as_str());
        g.date(&iri, m.date);
        g.opt_str(&iri, t::DATE_TEXT, m.date_text.as_deref());
        g.place(&iri, m.place.as_deref());
        g.float(&iri, t::CONFIDENCE, m.confidence);
        g.span(&iri, m.evidence, &m.evidence_text);
        g.int(&iri, t::TRIGGER_BEGIN, m.trigger.start);
        g.int(&iri, t::TRIGGER_END, m.trigger.end);
        g.participant_list(&iri, m.participants.iter().map(|p| p.name.as_str()));
        for (k, p) in m.participants.iter().enumerate() {
            let node = vocab::child(&iri, "participant", k);
            g.add(&iri, t::PARTICIPANT, node.clone());
            g.a(&node, t::PARTICIPANT_MENTION);
            g.int(&node, t::POSITION, k);
            g.str(&node, t::NAME, &p.name);
            g.str(&node, t::KIND, p.kind.as_str());
            g.opt_str(&node, t::TITLE, p.title.as_deref());
            g.opt_str(&node, t::COUNTRY, p.country.as_deref());
            g.str(&node, t::SURFACE, &p.surface);
        }
    }
    for (n, a) in actors.iter().enumerate() {
        let node = vocab::child(&article, "actor", n);
        g.a(&node, t::ACTOR_MENTION);
        g.int(&node, t::POSITION, n);
        g.add(&node, t::REFERENCE_CONTEXT, article.clone());
        g.str(&node, t::NAME, &a.name);
        g.str(&node, t::KIND, a.kind.as_str());
        g.opt_str(&node, t::COUNTRY, a.country.as_deref());
        for title in &a.titles {
            g.str(&node, t::TITLE, title);
        }
        for alias in &a.aliases {
            g.str(&node, t::SURFACE, alias);
        }
        g.int(&node, t::MENTIONS, a.mentions);
    }
    g.quads
}

/// The linked graph: actors and merged events.
pub(crate) fn linked_quads(linked: &Linked) -> Vec<Quad> {
    let mut g = GraphWriter::new(vocab::linked_graph());
    let mut actor_by_name: HashMap<&str, NamedNode> = HashMap::new();
    for a in &linked.actors {
        let iri = vocab::actor(&a.id);
        actor_by_name.insert(&a.name, iri.clone());
        g.a(&iri, t::SEM_ACTOR);
        g.str(&iri, t::IDENTIFIER, &a.id);
        g.str(&iri, t::LABEL, &a.name);
        g.str(&iri, t::KIND, a.kind.as_str());
        g.opt_str(&iri, t::COUNTRY, a.country.as_deref());
        for alias in &a.aliases {
            g.str(&iri, t::ALT_LABEL, alias);
        }
        for (n, title) in a.titles.iter().enumerate() {
            let node = vocab::child(&iri, "title", n);
            g.add(&iri, t::TITLE_SPAN, node.clone());
            g.a(&node, t::TITLE_SPAN_NODE);
            g.int(&node, t::POSITION, n);
            g.str(&node, t::TITLE, &title.title);
            if let Some(d) = title.first {
                g.add(&node, t::FIRST_SEEN, date_literal(d));
            }
            if let Some(d) = title.last {
                g.add(&node, t::LAST_SEEN, date_literal(d));
            }
        }
        g.int(&iri, t::MENTIONS, a.mentions);
        g.int(&iri, t::SOURCES, a.sources);
    }
    // A participant the actor list does not know still gets a stable IRI.
    let actor_iri =
        |name: &str| actor_by_name.get(name).cloned().unwrap_or_else(|| vocab::actor(&fallback_actor_id(name)));
    for e in &linked.events {
        event_quads(&mut g, e, &actor_iri);
    }
    g.quads
}

fn fallback_actor_id(name: &str) -> String {
    name.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join("-")
}

fn role(kind: EventType, position: usize) -> NamedNodeRef<'static> {
    match (kind, position) {
        (EventType::Host, 0) => t::HOST,
        (EventType::Host, _) | (EventType::Visit, 0) => t::VISITOR,
        _ => t::PARTICIPANT_ROLE,
    }
}

fn event_quads(g: &mut GraphWriter, e: &LinkedEvent, actor_iri: &dyn Fn(&str) -> NamedNode) {
    let iri = vocab::event(&e.id);
    g.a(&iri, t::SEM_EVENT);
    g.str(&iri, t::IDENTIFIER, &e.id);
    g.kind(&iri, e.kind);
    g.date(&iri, e.date);
    g.place(&iri, e.place.as_deref());
    g.str(&iri, t::STATUS, e.status.as_str());
    g.float(&iri, t::CONFIDENCE, e.confidence);
    g.int(&iri, t::SOURCES, e.sources);
    g.int(&iri, t::ARTICLES, e.articles);
    g.participant_list(&iri, e.participants.iter().map(String::as_str));
    for (n, name) in e.participants.iter().enumerate() {
        let actor = actor_iri(name);
        g.add(&iri, t::HAS_ACTOR, actor.clone());
        let node = vocab::child(&iri, "participant", n);
        g.add(&iri, t::ROLE, node.clone());
        g.a(&node, t::SEM_ROLE);
        g.int(&node, t::POSITION, n);
        g.add(&node, t::VALUE, actor);
        g.str(&node, t::NAME, name);
        g.add(&node, t::ROLE_TYPE, role(e.kind, n).into_owned());
    }
    for (n, reason) in e.merge_reasons.iter().enumerate() {
        let node = vocab::child(&iri, "reason", n);
        g.add(&iri, t::MERGE_REASON, node.clone());
        g.a(&node, t::MERGE_REASON_NODE);
        g.int(&node, t::POSITION, n);
        g.str(&node, t::VALUE, reason);
    }
    let mut articles = BTreeSet::new();
    for (n, m) in e.mentions.iter().enumerate() {
        articles.insert(m.doc.as_str());
        linked_mention_quads(g, &iri, e.kind, n, m, actor_iri);
    }
    for doc in articles {
        g.add(&iri, t::WAS_DERIVED_FROM, vocab::article(doc));
    }
}

fn linked_mention_quads(
    g: &mut GraphWriter,
    event: &NamedNode,
    kind: EventType,
    n: usize,
    m: &MentionRecord,
    actor_iri: &dyn Fn(&str) -> NamedNode,
) {
    // The article mention this record summarises: the first mention of this
    // type in that sentence (see `vocab::mention`).
    let mention = vocab::mention(&m.doc, m.span, kind, 1);
    g.add(event, t::DENOTED_BY, mention.clone());
    let node = vocab::child(event, "mention", n);
    g.add(event, t::LINKED_MENTION_P, node.clone());
    g.a(&node, t::LINKED_MENTION);
    g.int(&node, t::POSITION, n);
    g.add(&node, t::MENTION, mention);
    g.add(&node, t::REFERENCE_CONTEXT, vocab::article(&m.doc));
    g.span(&node, m.span, &m.text);
    g.date(&node, m.date);
    g.opt_str(&node, t::DATE_TEXT, m.date_text.as_deref());
    g.place(&node, m.place.as_deref());
    g.str(&node, t::STATUS, m.status.as_str());
    g.float(&node, t::CONFIDENCE, m.confidence);
    if let Some(d) = m.doc_date {
        g.add(&node, t::DOC_DATE, date_literal(d));
    }
    g.participant_list(&node, m.participants.iter().map(String::as_str));
    for (k, name) in m.participants.iter().enumerate() {
        let p = vocab::child(&node, "participant", k);
        g.add(&node, t::PARTICIPANT, p.clone());
        g.int(&p, t::POSITION, k);
        g.str(&p, t::NAME, name);
        g.add(&p, t::VALUE, actor_iri(name));
    }
}
