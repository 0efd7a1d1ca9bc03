//! IRIs of the annals vocabulary and of the things it describes.
//!
//! Every IRI is a pure function of ids that the pipeline computes
//! deterministically, so building the same articles twice gives the same
//! IRIs. `docs/vocabulary.md` documents each term.

use annals_extract::model::{EventType, Span};
use oxigraph::model::{NamedNode, NamedNodeRef};

/// Own terms.
pub const NS: &str = "https://annals.example.org/ns#";
/// Instances (events, actors, articles, mentions, places).
pub const ID: &str = "https://annals.example.org/id/";
/// Named graphs.
pub const GRAPH: &str = "https://annals.example.org/graph/";

pub const SEM: &str = "http://semanticweb.cs.vu.nl/2009/11/sem/";
pub const PROV: &str = "http://www.w3.org/ns/prov#";
pub const NIF: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
pub const GAF: &str = "http://groundedannotationframework.org/gaf#";
pub const SCHEMA: &str = "http://schema.org/";
pub const DCT: &str = "http://purl.org/dc/terms/";
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";

/// Prefixes declared for every query and used by Turtle/TriG output.
pub const PREFIXES: &[(&str, &str)] = &[
    ("annals", NS),
    ("id", ID),
    ("sem", SEM),
    ("prov", PROV),
    ("nif", NIF),
    ("gaf", GAF),
    ("schema", SCHEMA),
    ("dct", DCT),
    ("skos", SKOS),
    ("rdf", RDF),
    ("rdfs", RDFS),
    ("xsd", XSD),
];

fn iri(s: String) -> NamedNode {
    NamedNode::new_unchecked(s)
}

pub(crate) fn term(ns: &str, local: &str) -> NamedNode {
    iri(format!("{ns}{local}"))
}

pub(crate) fn annals(local: &str) -> NamedNode {
    term(NS, local)
}

pub(crate) const RDF_TYPE: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");

/// Percent-encodes everything except RFC 3986 unreserved characters, so any
/// id becomes one safe path segment and decodes back unchanged.
pub(crate) fn encode(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Inverse of [`encode`]; `None` for malformed input.
pub(crate) fn decode(segment: &str) -> Option<String> {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = segment.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

pub(crate) fn article(id: &str) -> NamedNode {
    iri(format!("{ID}article/{}", encode(id)))
}

/// The document id inside an article IRI.
pub(crate) fn article_id(iri: &str) -> Option<String> {
    decode(iri.strip_prefix(ID)?.strip_prefix("article/")?)
}

pub(crate) fn event(id: &str) -> NamedNode {
    iri(format!("{ID}event/{}", encode(id)))
}

pub(crate) fn actor(id: &str) -> NamedNode {
    iri(format!("{ID}actor/{}", encode(id)))
}

pub(crate) fn place(name: &str) -> NamedNode {
    iri(format!("{ID}place/{}", encode(name)))
}

/// `mention/<doc>/<start>-<end>-<TYPE>`: one event type stated in one
/// sentence. `nth` > 1 disambiguates a second mention of the same type in
/// the same sentence (`-2`, `-3`, ...).
pub(crate) fn mention(doc: &str, evidence: Span, kind: EventType, nth: usize) -> NamedNode {
    let base = format!("{ID}mention/{}/{}-{}-{}", encode(doc), evidence.start, evidence.end, kind.as_str());
    if nth > 1 {
        iri(format!("{base}-{nth}"))
    } else {
        iri(base)
    }
}

/// A node owned by `parent` (participant, title, reason, ...).
pub(crate) fn child(parent: &NamedNode, kind: &str, n: usize) -> NamedNode {
    iri(format!("{}/{kind}/{n}", parent.as_str()))
}

pub(crate) fn article_graph(id: &str) -> NamedNode {
    iri(format!("{GRAPH}article/{}", encode(id)))
}

pub(crate) const ARTICLE_GRAPH_PREFIX: &str = "https://annals.example.org/graph/article/";

pub fn linked_graph() -> NamedNode {
    iri(format!("{GRAPH}linked"))
}

/// CAMEO code for each event type; see `docs/vocabulary.md` for the reasons.
pub fn cameo_code(kind: EventType) -> &'static str {
    match kind {
        EventType::Meet => "040",
        EventType::Call => "041",
        EventType::Visit => "042",
        EventType::Host => "043",
        EventType::Sign => "057",
        EventType::Invite => "036",
    }
}

/// The SKOS concept for an event type (`annals:cameo040`).
pub fn cameo_concept(kind: EventType) -> NamedNode {
    annals(&format!("cameo{}", cameo_code(kind)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_round_trips() {
        for id in ["002_548e2d166db6910e", "a b/c?d#e%f", "Lee Jae-myung", "Göteborg", ""] {
            assert_eq!(decode(&encode(id)).as_deref(), Some(id));
        }
        assert_eq!(encode("a b/é"), "a%20b%2F%C3%A9");
    }
}

macro_rules! terms {
    ($ns:literal; $($name:ident = $local:literal),* $(,)?) => {
        $(pub(crate) const $name: NamedNodeRef<'static> = NamedNodeRef::new_unchecked(concat!($ns, $local));)*
    };
}

/// Terms as constants, so writer and reader cannot disagree on a spelling.
pub(crate) mod t {
    use oxigraph::model::NamedNodeRef;

    terms!("https://annals.example.org/ns#";
        EVENT_MENTION = "EventMention",
        PARTICIPANT_MENTION = "ParticipantMention",
        ACTOR_MENTION = "ActorMention",
        LINKED_MENTION = "LinkedMention",
        MERGE_REASON_NODE = "MergeReason",
        TITLE_SPAN_NODE = "TitleSpan",
        HOST = "Host",
        VISITOR = "Visitor",
        PARTICIPANT_ROLE = "Participant",
        EVENT_TYPE = "eventType",
        STATUS = "status",
        DATE = "date",
        DATE_TEXT = "dateText",
        CONFIDENCE = "confidence",
        INDEX = "index",
        POSITION = "position",
        NAME = "name",
        KIND = "kind",
        TITLE = "title",
        COUNTRY = "country",
        SURFACE = "surface",
        PARTICIPANT = "participant",
        PARTICIPANT_LIST = "participantList",
        ROLE = "role",
        TRIGGER_BEGIN = "triggerBegin",
        TRIGGER_END = "triggerEnd",
        DATE_INFERRED = "dateInferred",
        CONTENT_HASH = "contentHash",
        MINHASH = "minhash",
        SENTENCES = "sentences",
        CHARS = "chars",
        SOURCES = "sources",
        ARTICLES = "articles",
        MENTIONS = "mentions",
        MERGE_REASON = "mergeReason",
        LINKED_MENTION_P = "linkedMention",
        MENTION = "mention",
        DOC_DATE = "docDate",
        TITLE_SPAN = "titleSpan",
        FIRST_SEEN = "firstSeen",
        LAST_SEEN = "lastSeen",
    );
    terms!("http://semanticweb.cs.vu.nl/2009/11/sem/";
        SEM_EVENT = "Event",
        SEM_ACTOR = "Actor",
        SEM_PLACE = "Place",
        SEM_ROLE = "Role",
        HAS_ACTOR = "hasActor",
        HAS_PLACE = "hasPlace",
        HAS_BEGIN = "hasBeginTimeStamp",
        HAS_END = "hasEndTimeStamp",
        SEM_EVENT_TYPE = "eventType",
        ROLE_TYPE = "roleType",
    );
    terms!("http://www.w3.org/ns/prov#"; WAS_DERIVED_FROM = "wasDerivedFrom");
    terms!("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
        NIF_CONTEXT = "Context",
        BEGIN_INDEX = "beginIndex",
        END_INDEX = "endIndex",
        ANCHOR_OF = "anchorOf",
        REFERENCE_CONTEXT = "referenceContext",
    );
    terms!("http://groundedannotationframework.org/gaf#"; DENOTED_BY = "denotedBy");
    terms!("http://schema.org/";
        NEWS_ARTICLE = "NewsArticle",
        DATE_PUBLISHED = "datePublished",
        URL = "url",
    );
    terms!("http://purl.org/dc/terms/";
        IDENTIFIER = "identifier",
        SOURCE = "source",
        DCT_TITLE = "title",
    );
    terms!("http://www.w3.org/2004/02/skos/core#"; ALT_LABEL = "altLabel");
    terms!("http://www.w3.org/1999/02/22-rdf-syntax-ns#"; VALUE = "value");
    terms!("http://www.w3.org/2000/01/rdf-schema#"; LABEL = "label");
}
