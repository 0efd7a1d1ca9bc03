//! Guess a document's date from its text when metadata has none.

use chrono::{Datelike, NaiveDate};

use super::{tagger, Timex, TimexType};
use crate::model::PartialDate;

/// A document date inferred from the text when metadata has none.
#[derive(Debug, Clone, PartialEq)]
pub struct InferredDate {
    pub date: PartialDate,
    /// Why: "byline", "dateline", "weekday agreement", "latest date in text".
    pub reason: String,
}

/// Weekday/date agreement without any year in the text picks the agreeing
/// year closest to this one (a constant, so results never depend on the clock).
const PIVOT_YEAR: i32 = 2026;

/// Lines that open a list of other stories; the text after them is ignored.
const FOOTER_MARKERS: &[&str] = &[
    "related",
    "top 10 stories",
    "top stories",
    "more from",
    "read more",
    "read also",
    "see also",
    "recommended",
    "you may also like",
    "you might also like",
    "most read",
    "most popular",
    "trending",
    "latest news",
    "more stories",
    "more news",
    "also read",
    "editor's picks",
    "popular stories",
];

const BYLINE_WORDS: &[&str] =
    &["published", "updated", "posted", "date:", "last updated", "first published", "modified"];

fn body(text: &str) -> &str {
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let l = line.trim().trim_start_matches(['#', '*', '-', ' ']).to_ascii_lowercase();
        if pos > 0 && FOOTER_MARKERS.iter().any(|m| l.starts_with(m) && l.len() < m.len() + 40) {
            return &text[..pos];
        }
        pos += line.len();
    }
    text
}

fn line_of(text: &str, at: usize) -> &str {
    let s = text[..at].rfind('\n').map_or(0, |p| p + 1);
    let e = text[at..].find('\n').map_or(text.len(), |p| at + p);
    &text[s..e]
}

fn weekday_in(surface: &str) -> Option<u32> {
    let w: String = surface.chars().take_while(|c| c.is_alphabetic()).collect::<String>().to_ascii_lowercase();
    let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    if w.len() < 3 {
        return None;
    }
    days.iter().position(|d| w.starts_with(d)).map(|p| p as u32 + 1)
}

/// Month and day of a masked value "XXXX-MM-DD".
fn masked_md(v: &str) -> Option<(u32, u32)> {
    let r = v.strip_prefix("XXXX-")?;
    let (m, d) = r.get(..5)?.split_once('-')?;
    Some((m.parse().ok()?, d.parse().ok()?))
}

fn full(t: &Timex) -> Option<PartialDate> {
    t.date().filter(|d| d.day.is_some())
}

/// Datelines ("KAZAN, October 22. /TASS/.", "SEOUL, Jan. 4 (Yonhap) --"),
/// bylines with dates ("Published: 12:04 PM, Jan 3, 2026", "Updated
/// 2025-07-02"), weekday/date agreement ("Sunday, January 4" with no year ->
/// the nearest year in which Jan 4 is a Sunday), the latest explicit full
/// date in the body as a weak fallback. Never from lists of other stories.
pub fn infer_document_date(text: &str) -> Option<InferredDate> {
    let body = body(text);
    let found = tagger().tag(body, None);
    let head_end = body.char_indices().nth(1200).map_or(body.len(), |(i, _)| i);
    let latest_year = found.iter().filter_map(|t| t.date()).map(|d| d.year).filter(|y| (1900..2100).contains(y)).max();
    let inferred = |date: PartialDate, reason: &str| Some(InferredDate { date, reason: reason.to_string() });

    // 1. A byline near the top.
    for t in found.iter().filter(|t| t.span.start < head_end) {
        let ls = body[..t.span.start].rfind('\n').map_or(0, |p| p + 1);
        let before = body[ls..t.span.start].to_ascii_lowercase();
        let _ = line_of;
        if BYLINE_WORDS.iter().any(|w| before.contains(w)) {
            if let Some(d) = full(t) {
                return inferred(d, "byline");
            }
        }
    }
    // 2. A dateline: an upper-case place, a comma, then the date, at the start of a line.
    for t in found.iter().filter(|t| t.span.start < head_end && matches!(t.kind, TimexType::Date | TimexType::Time)) {
        if dateline_place(body, t.span.start).is_none() {
            continue;
        }
        if let Some(d) = full(t) {
            return inferred(d, "dateline");
        }
        if let Some((m, d)) = masked_md(&t.value) {
            let wd = weekday_in(&body[t.span.start..t.span.end]);
            if let Some(date) = agree(m, d, wd, latest_year) {
                return inferred(PartialDate::from_naive(date), "dateline");
            }
        }
    }
    // 3. Weekday/date agreement anywhere in the head: "Sunday, January 4".
    for t in found.iter().filter(|t| t.span.start < head_end) {
        let surface = &body[t.span.start..t.span.end];
        let Some(wd) = weekday_in(surface) else { continue };
        if let Some(d) = full(t) {
            let nd = d.to_naive()?;
            if nd.weekday().number_from_monday() == wd {
                return inferred(d, "weekday agreement");
            }
        } else if let Some((m, d)) = masked_md(&t.value) {
            if let Some(date) = agree(m, d, Some(wd), latest_year) {
                return inferred(PartialDate::from_naive(date), "weekday agreement");
            }
        }
    }
    // 4. The latest explicit full date of the body.
    let latest = found.iter().filter_map(full).filter(|d| (1900..2100).contains(&d.year)).max()?;
    inferred(latest, "latest date in text")
}

/// The place of a dateline whose date starts at byte `at`: the upper-case
/// words and comma that open its line ("WASHINGTON, Feb. 28 (Xinhua) --").
pub(crate) fn dateline_place(text: &str, at: usize) -> Option<&str> {
    // a dateline place is short: look back no further than its longest form,
    // so a text without line breaks is not scanned once per date
    let mut lo = at.saturating_sub(64);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let line_start = match text[lo..at].rfind('\n') {
        Some(p) => lo + p + 1,
        None if lo == 0 => 0,
        None => return None,
    };
    let place = text[line_start..at].trim_end().strip_suffix(',')?.trim();
    let mut letters = place.chars().filter(|c| c.is_alphabetic()).peekable();
    let upper = letters.peek().is_some() && letters.all(char::is_uppercase);
    (upper && place.len() <= 40).then_some(place)
}

/// The year for month/day: from the weekday when given (closest agreeing
/// year to the text's latest year, or to PIVOT_YEAR), else the text's latest year.
fn agree(m: u32, d: u32, wd: Option<u32>, latest_year: Option<i32>) -> Option<NaiveDate> {
    let pivot = latest_year.unwrap_or(PIVOT_YEAR);
    match wd {
        Some(wd) => (0..=7)
            .flat_map(|k| [pivot + k, pivot - k])
            .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
            .find(|x| x.weekday().number_from_monday() == wd),
        None => NaiveDate::from_ymd_opt(latest_year?, m, d),
    }
}
