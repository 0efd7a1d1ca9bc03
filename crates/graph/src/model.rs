//! The linked view: one record per real actor and per real event.

use annals_extract::model::{ActorKind, EventType, PartialDate, Span, Status};
use serde::{Deserialize, Serialize};

/// One real actor, merged over every article that names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorRecord {
    /// Stable id derived from the canonical name ("lee-jae-myung").
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    /// ISO 3166 alpha-3 code.
    pub country: Option<String>,
    /// Titles with the dates of the articles that give them.
    pub titles: Vec<TitleSpan>,
    /// Every surface name seen, sorted.
    pub aliases: Vec<String>,
    pub mentions: usize,
    pub sources: usize,
}

/// A title ("Prime Minister") and the first and last document dates that
/// support it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TitleSpan {
    pub title: String,
    pub first: Option<PartialDate>,
    pub last: Option<PartialDate>,
}

/// One real event, with every article mention that reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkedEvent {
    /// Stable id: a hash of the earliest mention's (doc, span, trigger, type, participants).
    pub id: String,
    pub kind: EventType,
    /// The best-supported date, most precise first.
    pub date: Option<PartialDate>,
    /// Canonical actor names; host/visitor first where order matters.
    pub participants: Vec<String>,
    pub place: Option<String>,
    /// Latest status the sources support (occurred beats planned).
    pub status: Status,
    pub confidence: f32,
    /// Independent sources (syndicated copies count once).
    pub sources: usize,
    /// Articles that mention it.
    pub articles: usize,
    pub mentions: Vec<MentionRecord>,
    /// Why the mentions were merged ("same type, participants; dates 2025-11 ~ 2025-11-01").
    pub merge_reasons: Vec<String>,
}

/// What one article says about a linked event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentionRecord {
    pub doc: String,
    pub span: Span,
    pub text: String,
    pub date: Option<PartialDate>,
    pub date_text: Option<String>,
    pub place: Option<String>,
    pub status: Status,
    /// Canonical names, as resolved across articles.
    pub participants: Vec<String>,
    pub confidence: f32,
    /// The article's own date, for status histories.
    pub doc_date: Option<PartialDate>,
}

/// Everything linking produces.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Linked {
    pub actors: Vec<ActorRecord>,
    pub events: Vec<LinkedEvent>,
}
