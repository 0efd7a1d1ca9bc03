//! Temporal tagging: find the dates, times, durations and sets in news text
//! and normalise them to TIMEX3 values against the document date.
//!
//! ```
//! use annals_extract::time::tagger;
//! let dct = chrono::NaiveDate::from_ymd_opt(2026, 1, 3);
//! let found = tagger().tag("Lee will meet Xi on Monday.", dct);
//! assert_eq!(found[0].value, "2026-01-05");
//! ```
//!
//! How it works (see `docs/time.md`): a byte-level tokenizer looks every
//! word up once in the word lists of `data/time.ron`; a hand-written grammar
//! tries its rules only at tokens that can start an expression (numbers and
//! known words), keeps the longest match, and normalises it on the spot,
//! walking the text left to right so that narrative expressions ("the next
//! day") follow the last date the text named. Underspecified dates (a bare
//! weekday, a month and day without a year) take the tense of the clause
//! into account.
//!
//! Value conventions without a document date: relative expressions keep
//! their unknown parts masked (`XXXX-XX-XX`, `XXXX-WXX-1`, `XXXX-11-01`,
//! `XXXX`), `now` is `PRESENT_REF`, `recently` `PAST_REF`, `soon`
//! `FUTURE_REF`; nothing is ever taken from the clock.

mod anchor;
mod grammar;
mod infer;
mod lexicon;
mod token;

use std::sync::LazyLock;

use crate::model::{PartialDate, Span};

pub(crate) use infer::dateline_place;
pub use infer::{infer_document_date, InferredDate};

/// TimeML type of a temporal expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(&self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

impl std::fmt::Display for TimexType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One temporal expression found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Timex {
    /// Byte offsets into the text, end exclusive.
    pub span: Span,
    pub kind: TimexType,
    /// TIMEX3 value: "2025-11-01", "2025-11", "2025", "2025-W27", "2025-SU",
    /// "199", "P4D", "PT24H", "XXXX-XX-03", "PRESENT_REF", "2025-11-01T22:09", ...
    pub value: String,
    /// The expression is a year inside a name ("the 2023 Asian Games", "the
    /// 1994 Clinic Access Act"): a temporal expression, but not the date of
    /// anything the text reports, so [`Timex::date`] gives None.
    pub name: bool,
}

impl Timex {
    /// The calendar date this names, when the value is YYYY, YYYY-MM or
    /// YYYY-MM-DD (or a TIME value whose date part is full), else None.
    pub fn date(&self) -> Option<PartialDate> {
        if self.name {
            return None;
        }
        let v = self.value.as_bytes();
        let digits = |r: std::ops::Range<usize>| v.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
        let ok = match v.len() {
            4 => digits(0..4),
            7 => digits(0..4) && v[4] == b'-' && digits(5..7),
            10 => digits(0..4) && v[4] == b'-' && digits(5..7) && v[7] == b'-' && digits(8..10),
            n if n > 10 => {
                self.kind == TimexType::Time
                    && digits(0..4)
                    && v[4] == b'-'
                    && digits(5..7)
                    && v[7] == b'-'
                    && digits(8..10)
                    && v[10] == b'T'
            }
            _ => false,
        };
        if !ok {
            return None;
        }
        self.value.parse().ok()
    }
}

/// The temporal tagger. Its word lists are compiled once (see [`tagger`]);
/// tagging allocates only the token vector and the results.
pub struct TimeTagger {
    _private: (),
}

impl TimeTagger {
    pub fn new() -> Self {
        // Force the word lists now so the first `tag` call is not slower.
        LazyLock::force(&lexicon::LEXICON);
        TimeTagger { _private: () }
    }

    /// Find and normalize every temporal expression. `dct` is the document
    /// creation date; with None, relative expressions stay unresolved
    /// ("XXXX-XX-XX"-style or PRESENT_REF etc.), never guessed from the clock.
    /// The result is sorted by start and non-overlapping.
    pub fn tag(&self, text: &str, dct: Option<chrono::NaiveDate>) -> Vec<Timex> {
        grammar::run(text, dct)
    }
}

impl Default for TimeTagger {
    fn default() -> Self {
        TimeTagger::new()
    }
}

static TAGGER: LazyLock<TimeTagger> = LazyLock::new(TimeTagger::new);

/// The shared tagger.
pub fn tagger() -> &'static TimeTagger {
    &TAGGER
}

/// Character (Unicode scalar) offsets of each timex, end exclusive, in one
/// pass over the text: what `annals timex` prints. The timexes must be
/// sorted and non-overlapping, as [`TimeTagger::tag`] returns them.
pub fn char_spans(text: &str, timexes: &[Timex]) -> Vec<(usize, usize)> {
    let (mut chars, mut last) = (0usize, 0usize);
    let mut to_char = |b: usize| {
        chars += text[last..b].chars().count();
        last = b;
        chars
    };
    timexes.iter().map(|t| (to_char(t.span.start), to_char(t.span.end))).collect()
}
