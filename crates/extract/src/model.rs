//! Plain data shared by every stage: documents in, mentions out.
//!
//! Offsets are byte offsets into [`Document::text`] (the cleaned-up main text
//! for HTML, the body after front matter for text files), end exclusive.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// One article, as the CLI read it. Extraction never does IO: the caller
/// fills this in.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub text: String,
    /// Publication date from metadata, if any.
    pub published: Option<PartialDate>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
}

/// A byte range into a document's text, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// A calendar date known to year, month or day precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn ymd(year: i32, month: u8, day: u8) -> Self {
        PartialDate { year, month: Some(month), day: Some(day) }
    }
    pub fn ym(year: i32, month: u8) -> Self {
        PartialDate { year, month: Some(month), day: None }
    }
    pub fn y(year: i32) -> Self {
        PartialDate { year, month: None, day: None }
    }
    pub fn from_naive(d: chrono::NaiveDate) -> Self {
        use chrono::Datelike;
        PartialDate::ymd(d.year(), d.month() as u8, d.day() as u8)
    }
    /// The full date, when the day is known.
    pub fn to_naive(self) -> Option<chrono::NaiveDate> {
        chrono::NaiveDate::from_ymd_opt(self.year, self.month? as u32, self.day? as u32)
    }
    /// 1 = year, 2 = month, 3 = day.
    pub fn precision(&self) -> u8 {
        match (self.month, self.day) {
            (Some(_), Some(_)) => 3,
            (Some(_), None) => 2,
            _ => 1,
        }
    }
    /// True when one date is a refinement of the other ("2025-11" and
    /// "2025-11-01"), or they are equal.
    pub fn compatible(&self, other: &PartialDate) -> bool {
        self.year == other.year
            && (self.month.is_none() || other.month.is_none() || self.month == other.month)
            && (self.day.is_none() || other.day.is_none() || self.day == other.day)
    }
    /// First and last day covered by this date.
    pub fn interval(&self) -> (chrono::NaiveDate, chrono::NaiveDate) {
        use chrono::NaiveDate;
        let first_month = self.month.unwrap_or(1) as u32;
        let last_month = self.month.unwrap_or(12) as u32;
        let begin =
            NaiveDate::from_ymd_opt(self.year, first_month, self.day.unwrap_or(1) as u32).unwrap_or(NaiveDate::MIN);
        let end = match self.day {
            Some(d) => NaiveDate::from_ymd_opt(self.year, last_month, d as u32),
            None => {
                let (ny, nm) = if last_month == 12 { (self.year + 1, 1) } else { (self.year, last_month + 1) };
                NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt())
            }
        }
        .unwrap_or(NaiveDate::MAX);
        (begin, end)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = String;
    /// Accepts `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, and a longer ISO timestamp
    /// (whose date part is kept).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let head = s.get(..10.min(s.len())).unwrap_or(s);
        let parts: Vec<&str> = head.split('-').collect();
        let num = |p: &str| p.parse::<i32>().map_err(|_| format!("not a date: {s:?}"));
        let date = match parts.as_slice() {
            [y] if y.len() == 4 => PartialDate::y(num(y)?),
            [y, m] if y.len() == 4 => PartialDate::ym(num(y)?, num(m)? as u8),
            [y, m, d] if y.len() == 4 => PartialDate::ymd(num(y)?, num(m)? as u8, num(d.get(..2).unwrap_or(d))? as u8),
            _ => return Err(format!("not a date: {s:?}")),
        };
        let month_ok = date.month.is_none_or(|m| (1..=12).contains(&m));
        let day_ok = date.day.is_none() || date.to_naive().is_some();
        if month_ok && day_ok {
            Ok(date)
        } else {
            Err(format!("not a date: {s:?}"))
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Interaction types. Codes follow CAMEO where one fits (see `data/events.ron`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EventType {
    Meet,
    Call,
    Visit,
    Host,
    Sign,
    Invite,
}

impl EventType {
    pub const ALL: [EventType; 6] =
        [EventType::Meet, EventType::Call, EventType::Visit, EventType::Host, EventType::Sign, EventType::Invite];
    pub fn as_str(&self) -> &'static str {
        match self {
            EventType::Meet => "MEET",
            EventType::Call => "CALL",
            EventType::Visit => "VISIT",
            EventType::Host => "HOST",
            EventType::Sign => "SIGN",
            EventType::Invite => "INVITE",
        }
    }
    /// Whether participants are an unordered set (MEET) or ordered roles
    /// (HOST: host first; VISIT: the visitor).
    pub fn symmetric(&self) -> bool {
        matches!(self, EventType::Meet | EventType::Call | EventType::Sign)
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EventType {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EventType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| format!("unknown event type {s:?} (one of MEET, CALL, VISIT, HOST, SIGN, INVITE)"))
    }
}

/// What the text says about whether the event happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Occurred,
    Planned,
    Proposed,
    Negated,
}

impl Status {
    pub fn as_str(&self) -> &'static str {
        match self {
            Status::Occurred => "occurred",
            Status::Planned => "planned",
            Status::Proposed => "proposed",
            Status::Negated => "negated",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "occurred" => Ok(Status::Occurred),
            "planned" => Ok(Status::Planned),
            "proposed" => Ok(Status::Proposed),
            "negated" => Ok(Status::Negated),
            _ => Err(format!("unknown status {s:?} (one of occurred, planned, proposed, negated)")),
        }
    }
}

/// What kind of thing an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organization,
    Country,
    Group,
}

impl ActorKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::Country => "country",
            ActorKind::Group => "group",
        }
    }
}

/// One participant as one article names it, already resolved inside the
/// article (a bare surname becomes the full name mentioned earlier).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Participant {
    /// Canonical name within the article ("Lee Jae-myung").
    pub name: String,
    pub kind: ActorKind,
    /// Title or role the article gives ("South Korean President").
    pub title: Option<String>,
    /// ISO 3166 alpha-3 code of the actor's country, when known.
    pub country: Option<String>,
    /// The words in the text that name this participant.
    pub surface: String,
}

/// One event as one article states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventMention {
    pub doc: String,
    pub kind: EventType,
    /// Ordered for HOST (host first) and VISIT (visitor); sorted otherwise.
    pub participants: Vec<Participant>,
    pub date: Option<PartialDate>,
    /// The words giving the date ("on Monday"), when one was found.
    pub date_text: Option<String>,
    pub place: Option<String>,
    pub status: Status,
    /// 0..1: how sure the rule that produced this is.
    pub confidence: f32,
    /// The sentence that states the event.
    pub evidence: Span,
    pub evidence_text: String,
    /// The trigger word(s) ("met", "talks").
    pub trigger: Span,
}

/// What the store keeps about an article besides its events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleInfo {
    pub id: String,
    /// Document date: from metadata, or inferred from the text.
    pub date: Option<PartialDate>,
    /// Why the date was inferred ("dateline", "weekday agreement"); None
    /// when it came from metadata.
    pub date_inferred: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    /// FNV-1a hash of the text, hex: the same text builds to the same store.
    pub content_hash: String,
    /// 64 MinHash values over word 5-shingles, to spot syndicated copies.
    pub minhash: Vec<u32>,
    pub sentences: usize,
    pub chars: usize,
}
