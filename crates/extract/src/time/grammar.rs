//! The temporal grammar: recognise expressions over tokens and normalise
//! them as they are found (left to right, so narrative time can follow the
//! text: "On March 3 ... the next day").

use chrono::{Datelike, NaiveDate};

use super::anchor::{self, add_days, add_months, quarter_of, week, ym, ymd, Dir, Tense};
use super::lexicon::{Kw, Unit, AMBIG_MONTH, AMBIG_WEEKDAY, EVENT_NAME, FUTURE, HOLIDAY_HEAD, NOT_PAST_ED, PAST};
use super::lexicon::{PRESENT, WEAK_FUTURE, YEAR_FOLLOWER, YEAR_PRECEDER};
use super::token::{tokenize, Kind, Tok};
use super::{Timex, TimexType};
use crate::model::Span;

/// How far (in days) from a day written with its year a day without one may
/// be and still be read in that year.
const NARRATIVE_DAYS: i64 = 60;

/// A recognised expression: token range, type, value and what it teaches
/// the narrative state.
struct Cand {
    end: usize,
    kind: TimexType,
    value: String,
    /// A day this expression names (becomes the reference for "the next day").
    day: Option<NaiveDate>,
    /// A fiscal quarter this expression names (for "the quarter", "a year earlier").
    quarter: Option<(i32, u32)>,
    /// A multi-quarter reporting period ("the first nine months"): later
    /// "the 1988 period", "a year earlier" compare whole years.
    months: bool,
    /// A year that is part of a name ("the 2000 Olympics"): tagged, as TimeML
    /// does, but no date of anything the text reports.
    name: bool,
    /// The quarter is a fiscal one ("the fiscal first quarter"): it stays the
    /// text's quarter, whatever calendar quarter its end date falls in.
    fiscal: bool,
    /// "the latest quarter", "the most recent period": the quarter a report's
    /// figures are for ("up from last year's" compares with it).
    latest: bool,
    /// A day written with its year ("June 14, 2000").
    dated: bool,
}

impl Cand {
    fn new(end: usize, kind: TimexType, value: String) -> Cand {
        Cand {
            end,
            kind,
            value,
            day: None,
            quarter: None,
            months: false,
            name: false,
            fiscal: false,
            latest: false,
            dated: false,
        }
    }
    fn date(end: usize, value: String) -> Cand {
        Cand::new(end, TimexType::Date, value)
    }
    fn with_day(mut self, d: Option<NaiveDate>) -> Cand {
        self.day = d;
        self
    }
}

/// A quantity: a number, or a vague one ("several", "a few").
#[derive(Debug, Clone, Copy, PartialEq)]
enum Qty {
    N(f64),
    Vague,
}

struct P<'a> {
    text: &'a str,
    t: &'a [Tok],
    dct: Option<NaiveDate>,
    ref_day: Option<(NaiveDate, u32)>,
    quarter: Option<(i32, u32, u32)>,
    /// The last year a date named ("that year", "later that year").
    ref_year: Option<i32>,
    /// The last month a date named ("the same month a year ago").
    ref_month: Option<(i32, u32)>,
    /// The last month named as a month ("sales rose in February"), and its sentence.
    month_named: Option<(i32, u32, u32)>,
    /// The text last named a multi-quarter period, not a quarter.
    months_ctx: bool,
    /// The last quarter named, whatever its role ("that quarter").
    last_q: Option<(i32, u32)>,
    /// The text's quarter was named as a fiscal quarter.
    fiscal_q: bool,
    /// The quarter "the latest quarter/period" last resolved to, and its sentence.
    latest_q: Option<(i32, u32, u32)>,
    /// The first quarter the text took as its own (a report's headline quarter).
    first_q: Option<(i32, u32)>,
    /// The last day written with its year, and its paragraph.
    dated_day: Option<(NaiveDate, u32)>,
}

pub(crate) fn run(text: &str, dct: Option<NaiveDate>) -> Vec<Timex> {
    let toks = tokenize(text);
    let mut p = P {
        text,
        t: &toks,
        dct,
        ref_day: None,
        quarter: None,
        ref_year: None,
        ref_month: None,
        month_named: None,
        months_ctx: false,
        last_q: None,
        fiscal_q: false,
        latest_q: None,
        first_q: None,
        dated_day: None,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let tk = &toks[i];
        // "since '82": an apostrophe can start a year
        let apostrophe_year = tk.kind == Kind::Punct
            && matches!(p.word(i), "'" | "\u{2019}" | "\u{2018}")
            && p.is_num(i + 1)
            && p.glued(i + 1)
            && p.nd(i + 1) == 2;
        if tk.kind == Kind::Punct && !apostrophe_year || (tk.kind == Kind::Word && tk.entry.is_none_or(|e| !e.starts()))
        {
            i += 1;
            continue;
        }
        // most "the"s and numbers skip the rules: nothing time-like follows
        if !apostrophe_year && !p.may_open(i) {
            i += 1;
            continue;
        }
        match p.at(i) {
            Some(c) if c.end > i => {
                if let Some(d) = c.day {
                    p.ref_day = Some((d, toks[i].para));
                    if c.dated {
                        p.dated_day = Some((d, toks[i].para));
                    }
                }
                if c.kind == TimexType::Date
                    && !c.name
                    && c.value.len() >= 4
                    && c.value.as_bytes()[..4].iter().all(u8::is_ascii_digit)
                {
                    p.ref_year = c.value[..4].parse().ok();
                    let v = c.value.as_bytes();
                    if v.len() >= 7 && v[4] == b'-' && v[5].is_ascii_digit() && v[6].is_ascii_digit() {
                        let m = (v[5] - b'0') as u32 * 10 + (v[6] - b'0') as u32;
                        p.ref_month = p.ref_year.map(|y| (y, m));
                        if v.len() == 7 {
                            p.month_named = p.ref_year.map(|y| (y, m, toks[i].sent));
                        }
                    }
                }
                if let Some(q) = parse_quarter(&c.value) {
                    p.last_q = Some(q);
                    if c.latest {
                        p.latest_q = Some((q.0, q.1, toks[i].sent));
                    }
                }
                if let Some((y, q)) = c.quarter {
                    // A report's quarter stays the text's quarter when an earlier
                    // one of the same year is mentioned ("after a flat second quarter"),
                    // unless that one is the company's fiscal quarter.
                    if c.fiscal || p.quarter.is_none_or(|(py, pq, _)| y != py || q >= pq) {
                        p.quarter = Some((y, q, toks[i].sent));
                        p.fiscal_q = c.fiscal;
                        p.first_q = p.first_q.or(Some((y, q)));
                    }
                    p.months_ctx = false;
                }
                if c.months {
                    p.months_ctx = true;
                }
                let span = Span::new(toks[i].s, toks[c.end - 1].e);
                let second = p.second_day(&c);
                out.push(Timex { span, kind: c.kind, value: c.value, name: c.name });
                i = c.end;
                // "April 24 and 25": the second day is a date of its own; a year
                // after it ("Dec. 8-10, 2026") is the year of both.
                if let Some((k, value, year_end)) = second {
                    if let (Some(e), Some(first)) = (year_end, out.last_mut()) {
                        first.value.replace_range(..4, &value[..4]);
                        p.ref_year = value[..4].parse().ok();
                        let span = Span::new(toks[k].s, toks[e - 1].e);
                        out.push(Timex { span, kind: TimexType::Date, value, name: false });
                        i = e;
                    } else {
                        let span = Span::new(toks[k].s, toks[k].e);
                        out.push(Timex { span, kind: TimexType::Date, value, name: false });
                        i = k + 1;
                    }
                    // "the next day" counts from the range's last day
                    if let Some(d) = out.last().and_then(|t| NaiveDate::parse_from_str(&t.value, "%Y-%m-%d").ok()) {
                        p.ref_day = Some((d, toks[k].para));
                    }
                }
            }
            _ => i += 1,
        }
    }
    out
}

/// Years to add to the DCT year for quarter `q` named without a year in a
/// clause of tense `t`, the DCT being in quarter `now`: a quarter two or
/// more ahead told in the past is last year's, one two or more behind told
/// in the future next year's ("will report third-quarter results" in
/// October is this year's).
fn quarter_year_shift(q: u32, now: u32, t: Tense) -> i32 {
    match t {
        Tense::Past if q >= now + 2 => -1,
        Tense::Future if q + 2 <= now => 1,
        _ => 0,
    }
}

/// A unit a vague stretch of time can be counted in ("over the years", "in
/// the weeks ahead"): not nights, weekends or quarters.
fn stretch_unit(u: Unit) -> bool {
    !matches!(u, Unit::Night | Unit::Weekend | Unit::Quarter)
}

/// "1989-Q3" -> (1989, 3).
fn parse_quarter(v: &str) -> Option<(i32, u32)> {
    let b = v.as_bytes();
    if b.len() != 7 || &v[4..6] != "-Q" || !b[..4].iter().all(u8::is_ascii_digit) || !(b'1'..=b'4').contains(&b[6]) {
        return None;
    }
    Some((v[..4].parse().ok()?, (b[6] - b'0') as u32))
}

fn plural_letter(u: Unit) -> &'static str {
    match u {
        Unit::Year => "Y",
        Unit::Month => "M",
        Unit::Week => "W",
        Unit::Day | Unit::Weekend | Unit::Night => "D",
        Unit::Hour => "H",
        Unit::Minute => "M",
        Unit::Second => "S",
        // TimeML counts quarters in Q units: "the past two quarters" P2Q, "every
        // quarter" P1Q, "several quarters" PXQ
        Unit::Quarter => "Q",
        Unit::Decade => "E",
        Unit::Century => "C",
        Unit::Fortnight => "W",
    }
}

fn fmt_num(n: f64) -> String {
    if (n - n.round()).abs() < 1e-9 {
        format!("{}", n.round() as i64)
    } else {
        let s = format!("{n:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// TIMEX3 duration value for `q` `u`s.
fn duration_value(q: Qty, u: Unit) -> String {
    let clock = matches!(u, Unit::Hour | Unit::Minute | Unit::Second);
    let t = if clock { "T" } else { "" };
    match q {
        Qty::Vague => format!("P{t}X{}", plural_letter(u)),
        Qty::N(n) => {
            let (n, letter) = match u {
                Unit::Decade => (n * 10.0, "Y"),
                Unit::Quarter => (n, "Q"),
                Unit::Century => (n * 100.0, "Y"),
                Unit::Fortnight => (n * 2.0, "W"),
                Unit::Weekend => (n * 2.0, "D"),
                Unit::Minute if n.fract() != 0.0 => {
                    let m = n.trunc() as i64;
                    let sec = (n.fract() * 60.0).round() as i64;
                    return format!("PT{m}M{sec}S");
                }
                Unit::Hour if n.fract() != 0.0 => {
                    let h = n.trunc() as i64;
                    let m = (n.fract() * 60.0).round() as i64;
                    return if h == 0 { format!("PT{m}M") } else { format!("PT{h}H{m}M") };
                }
                Unit::Year if n.fract() != 0.0 && (n * 12.0).fract().abs() < 1e-9 => {
                    let months = (n * 12.0) as i64;
                    return if months >= 12 {
                        format!("P{}Y{}M", months / 12, months % 12)
                    } else {
                        format!("P{months}M")
                    };
                }
                _ => (n, plural_letter(u)),
            };
            format!("P{t}{}{letter}", fmt_num(n))
        }
    }
}

const DECADE_WORDS: &[(&str, u32)] = &[
    ("twenties", 2),
    ("thirties", 3),
    ("forties", 4),
    ("fifties", 5),
    ("sixties", 6),
    ("seventies", 7),
    ("eighties", 8),
    ("nineties", 9),
];

impl<'a> P<'a> {
    // ---- token helpers -------------------------------------------------

    fn n(&self) -> usize {
        self.t.len()
    }
    fn word(&self, i: usize) -> &'a str {
        match self.t.get(i) {
            Some(t) => &self.text[t.s..t.e],
            None => "",
        }
    }
    fn is(&self, i: usize, w: &str) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Word) && self.word(i).eq_ignore_ascii_case(w)
    }
    fn kw(&self, i: usize) -> Kw {
        self.t.get(i).map_or(Kw::None, Tok::kw)
    }
    fn punct(&self, i: usize, c: &str) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Punct) && self.word(i) == c
    }
    fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.glued)
    }
    fn is_num(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Num)
    }
    fn num(&self, i: usize) -> u64 {
        self.t.get(i).map_or(0, |t| t.num)
    }
    fn nd(&self, i: usize) -> u8 {
        self.t.get(i).map_or(0, |t| t.nd)
    }
    fn cap(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.cap)
    }
    fn same_sent(&self, a: usize, b: usize) -> bool {
        match (self.t.get(a), self.t.get(b)) {
            (Some(x), Some(y)) => x.sent == y.sent,
            _ => false,
        }
    }
    /// A time word (a time-carrying entry, "a.m"/"p.m", a decade word such
    /// as "nineties"), or a number when `numbers`, in tokens i+1 ..= i+4 of
    /// the same sentence.
    fn time_ahead(&self, i: usize, numbers: bool) -> bool {
        (i + 1..(i + 5).min(self.n())).take_while(|&k| self.same_sent(i, k)).any(|k| {
            let t = &self.t[k];
            let w = self.word(k);
            numbers && t.kind == Kind::Num
                || t.entry.is_some_and(|e| e.timeish())
                || t.kind == Kind::Word
                    && (w.eq_ignore_ascii_case("a.m")
                        || w.eq_ignore_ascii_case("p.m")
                        || DECADE_WORDS.iter().any(|(d, _)| w.eq_ignore_ascii_case(d)))
        })
    }

    /// Whether token i is worth trying the rules at (see `run`): a word that
    /// carries no time itself ("the", "about", "over" ...) needs a time word
    /// or number close after it; a number is a year, part of a written date
    /// ("24/02/2022", "10:30"), or needs a time word close after it ("three
    /// days", "5 December", "10pm"; not "2,000 troops").
    fn may_open(&self, i: usize) -> bool {
        let t = &self.t[i];
        if t.kind == Kind::Num {
            let written_date = self.t.get(i + 1).is_some_and(|n| {
                n.glued && matches!(self.word(i + 1), ":" | "." | "/" | "-" | "\u{2013}") && self.is_num(i + 2)
            });
            return self.nd(i) == 4 || written_date || self.time_ahead(i, false);
        }
        t.entry.is_none_or(|e| e.timeish()) || self.time_ahead(i, true)
    }

    /// Token i opens its sentence, perhaps after a quotation mark.
    fn sentence_start(&self, i: usize) -> bool {
        let first = |k: usize| k == 0 || !self.same_sent(k - 1, k);
        first(i) || matches!(self.word(i - 1), "\"" | "\u{201c}" | "\u{201d}" | "'") && first(i - 1)
    }
    fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        let t = self.t.get(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        let e = t.entry?;
        e.unit.map(|u| (u, e.plural))
    }
    /// "Z" when the clock time ending at token `end` is given in UTC/GMT.
    fn utc(&self, end: usize) -> &'static str {
        if end > 0 && matches!(self.kw(end - 1), Kw::Gmt | Kw::Utc) {
            "Z"
        } else {
            ""
        }
    }
    /// A line break between token k-1 and token k.
    fn newline_before(&self, k: usize) -> bool {
        match (k.checked_sub(1).and_then(|p| self.t.get(p)), self.t.get(k)) {
            (Some(a), Some(b)) => self.text.as_bytes()[a.e..b.s].contains(&b'\n'),
            _ => false,
        }
    }
    /// A hyphen glued on both sides: "third-quarter", "mid-2024".
    fn hyphen(&self, i: usize) -> bool {
        (self.punct(i, "-") || self.punct(i, "\u{2010}") || self.punct(i, "\u{2011}"))
            && self.glued(i)
            && self.glued(i + 1)
    }
    /// Skip an optional glued period after an abbreviation.
    fn dot(&self, i: usize) -> usize {
        if self.punct(i, ".") && self.glued(i) {
            i + 1
        } else {
            i
        }
    }

    // ---- small constituents ----------------------------------------------

    /// A month name: (end, month, weak). Weak names ("May", "march", "Jan")
    /// need support from the context before they count.
    fn month(&self, i: usize) -> Option<(usize, u32, bool)> {
        let t = self.t.get(i)?;
        let e = t.entry?;
        if t.kind != Kind::Word || e.month == 0 {
            return None;
        }
        let w = self.word(i);
        let abbrev = w.len() <= 4 && !["may", "june", "july"].iter().any(|m| w.eq_ignore_ascii_case(m));
        let weak = e.flags & AMBIG_MONTH != 0;
        if (weak || abbrev) && !t.cap {
            return None;
        }
        let end = if abbrev { self.dot(i + 1) } else { i + 1 };
        Some((end, e.month as u32, weak))
    }

    fn weekday(&self, i: usize) -> Option<(usize, u32, bool)> {
        let t = self.t.get(i)?;
        let e = t.entry?;
        if t.kind != Kind::Word || e.weekday == 0 {
            return None;
        }
        let weak = e.flags & AMBIG_WEEKDAY != 0;
        if weak && !t.cap {
            return None;
        }
        let end = if weak { self.dot(i + 1) } else { i + 1 };
        Some((end, e.weekday as u32, weak))
    }

    /// Day of month: "3", "3rd", "third", "twenty-first".
    fn day(&self, i: usize) -> Option<(usize, u32)> {
        if self.is_num(i) {
            let (v, nd) = (self.num(i), self.nd(i));
            if nd > 2 || v == 0 || v > 31 {
                return None;
            }
            let mut end = i + 1;
            if self.glued(end) && matches!(self.kw(end), Kw::St | Kw::Nd | Kw::Rd | Kw::Th) {
                end += 1;
            }
            // "3:30", "3.5", "3,000" are not days.
            if self.glued(end)
                && (self.punct(end, ":") || self.punct(end, ".") || self.punct(end, ","))
                && self.is_num(end + 1)
                && self.glued(end + 1)
            {
                return None;
            }
            return Some((end, v as u32));
        }
        self.ordinal_word(i)
    }

    fn ordinal_word(&self, i: usize) -> Option<(usize, u32)> {
        let e = self.t.get(i)?.entry?;
        if e.ordinal > 0 {
            return Some((i + 1, e.ordinal));
        }
        // "twenty-first", "thirty first"
        let tens = e.cardinal?;
        if tens == 20 || tens == 30 {
            let j = if self.hyphen(i + 1) { i + 2 } else { i + 1 };
            let o = self.t.get(j)?.entry?.ordinal;
            if (1..=9).contains(&o) && tens + o <= 31 {
                return Some((j + 1, tens + o));
            }
        }
        None
    }

    /// A four-digit year (1000-2199), an apostrophe year ('98) or a spoken
    /// year ("nineteen ninety-six").
    fn year(&self, i: usize) -> Option<(usize, i32)> {
        if self.is_num(i) && self.nd(i) == 4 && (1000..=2199).contains(&self.num(i)) {
            // not "1,000" or "2015.5"
            if self.glued(i + 1) && (self.punct(i + 1, "%") || self.is_num(i + 1)) {
                return None;
            }
            // "2082.1 points", "1,2000"
            if (self.punct(i + 1, ".") || self.punct(i + 1, ","))
                && self.glued(i + 1)
                && self.is_num(i + 2)
                && self.glued(i + 2)
            {
                return None;
            }
            if self.glued(i) && i > 0 && (self.punct(i - 1, "$") || self.punct(i - 1, ",") && self.is_num(i - 2)) {
                return None;
            }
            return Some((i + 1, self.num(i) as i32));
        }
        if (self.punct(i, "'") || self.punct(i, "\u{2019}"))
            && self.is_num(i + 1)
            && self.nd(i + 1) == 2
            && self.glued(i + 1)
        {
            // only after a month ("Aug. '98") or a year preposition ("since '82")
            if i > 0 && self.month(i - 1).is_some_and(|m| m.0 == i)
                || i > 1 && self.punct(i - 1, ".")
                || i > 0
                    && self.t[i - 1].kind == Kind::Word
                    && self.t[i - 1].entry.is_some_and(|e| e.flags & YEAR_PRECEDER != 0 && e.month == 0)
            {
                let v = self.num(i + 1) as i32;
                return Some((i + 2, if v < 30 { 2000 + v } else { 1900 + v }));
            }
        }
        self.spoken_year(i)
    }

    fn spoken_year(&self, i: usize) -> Option<(usize, i32)> {
        let e = self.t.get(i)?.entry?;
        let c = e.cardinal?;
        if c == 19 || c == 20 && !self.is(i + 1, "percent") {
            let (end, rest) = self.cardinal_words(i + 1)?;
            if (10..=99).contains(&rest) && !self.is(end, "percent") && self.unit(end).is_none() {
                if c == 20 && rest < 10 {
                    return None;
                }
                return Some((end, (c * 100 + rest) as i32));
            }
        }
        if c == 2 && self.is(i + 1, "thousand") {
            let mut end = i + 2;
            let mut v = 2000;
            let j = if self.is(end, "and") { end + 1 } else { end };
            if let Some((e2, r)) = self.cardinal_words(j) {
                if r < 100 {
                    v += r;
                    end = e2;
                }
            }
            if self.unit(end).is_some() || self.is(end, "people") {
                return None;
            }
            return Some((end, v as i32));
        }
        None
    }

    /// Number words: "seven", "twenty-four", "twenty four".
    fn cardinal_words(&self, i: usize) -> Option<(usize, u32)> {
        let t = self.t.get(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        let c = t.entry?.cardinal?;
        if matches!(self.kw(i), Kw::Hundred | Kw::Thousand) || self.is(i, "dozen") || self.is(i, "couple") {
            return None;
        }
        if (20..100).contains(&c) && c % 10 == 0 {
            let j = if self.hyphen(i + 1) { i + 2 } else { i + 1 };
            if let Some(u) = self.t.get(j).and_then(|t| t.entry).and_then(|e| e.cardinal) {
                if (1..=9).contains(&u) && t.kind == Kind::Word {
                    return Some((j + 1, c + u));
                }
            }
        }
        let mut end = i + 1;
        let mut v = c;
        if c < 10 && self.is(end, "hundred") {
            v *= 100;
            end += 1;
        }
        Some((end, v))
    }

    /// A quantity before a unit: digits, number words, "a few", "several".
    fn qty(&self, i: usize) -> Option<(usize, Qty)> {
        if self.is_num(i) {
            let mut v = self.num(i) as f64;
            let mut end = i + 1;
            // "1.5", "2,000"
            if self.punct(end, ".") && self.glued(end) && self.is_num(end + 1) && self.glued(end + 1) {
                let frac = self.word(end + 1);
                v += format!("0.{frac}").parse::<f64>().unwrap_or(0.0);
                end += 2;
            } else if self.punct(end, ",") && self.glued(end) && self.is_num(end + 1) && self.nd(end + 1) == 3 {
                v = v * 1000.0 + self.num(end + 1) as f64;
                end += 2;
            } else if self.is_num(end)
                && self.punct(end + 1, "/")
                && self.is_num(end + 2)
                && self.glued(end + 1)
                && self.glued(end + 2)
                && self.num(end + 2) > 0
            {
                // "2 1/2"
                v += self.num(end) as f64 / self.num(end + 2) as f64;
                end += 3;
            }
            return Some((end, Qty::N(v)));
        }
        match self.kw(i) {
            Kw::A | Kw::An => {
                if self.kw(i + 1) == Kw::Few {
                    return Some((i + 2, Qty::Vague));
                }
                if self.is(i + 1, "couple") {
                    let j = if self.kw(i + 2) == Kw::Of { i + 3 } else { i + 2 };
                    return Some((j, Qty::N(2.0)));
                }
                if self.is(i + 1, "dozen") {
                    return Some((i + 2, Qty::N(12.0)));
                }
                if self.kw(i + 1) == Kw::Half {
                    return Some((i + 2, Qty::N(0.5)));
                }
                // "a hundred years", "a thousand years"
                if matches!(self.kw(i + 1), Kw::Hundred | Kw::Thousand) {
                    let n = if self.kw(i + 1) == Kw::Hundred { 100.0 } else { 1000.0 };
                    return Some((i + 2, Qty::N(n)));
                }
                Some((i + 1, Qty::N(1.0)))
            }
            Kw::Several | Kw::Few | Kw::Many | Kw::Some => Some((i + 1, Qty::Vague)),
            // "the worst single-day decline"
            Kw::Single if self.hyphen(i + 1) => Some((i + 1, Qty::N(1.0))),
            _ => {
                if self.is(i, "couple") {
                    let j = if self.kw(i + 1) == Kw::Of { i + 2 } else { i + 1 };
                    return Some((j, Qty::N(2.0)));
                }
                if self.is(i, "dozen") {
                    return Some((i + 1, Qty::N(12.0)));
                }
                let (end, v) = self.cardinal_words(i)?;
                Some((end, Qty::N(v as f64)))
            }
        }
    }

    /// A quantity and a unit: "two weeks", "24 hours", "a year and a half",
    /// "several months", "four-day" (adjectival, singular unit).
    fn measure(&self, i: usize) -> Option<(usize, Qty, Unit)> {
        let (mut j, mut q) = self.qty(i)?;
        // "2 1/2 years" is rare in news; "one and a half years" is not.
        if self.kw(j) == Kw::And && self.kw(j + 1) == Kw::A && self.kw(j + 2) == Kw::Half {
            if let Qty::N(n) = q {
                q = Qty::N(n + 0.5);
                j += 3;
            }
        }
        // "more", "additional": "20 more years"
        if matches!(self.kw(j), Kw::More | Kw::Additional | Kw::Extra) {
            j += 1;
        }
        // "eight trading days", "five business days"
        if ["trading", "business", "working"].iter().any(|w| self.is(j, w))
            && matches!(self.unit(j + 1), Some((Unit::Day, true)))
        {
            j += 1;
        }
        // "six straight days", "two consecutive quarters"
        if ["straight", "consecutive", "successive"].iter().any(|w| self.is(j, w)) && self.unit(j + 1).is_some() {
            j += 1;
        }
        let hy = self.hyphen(j);
        let uj = if hy { j + 1 } else { j };
        let (u, plural) = self.unit(uj)?;
        // "a months-long probe": the article goes with the noun, not the unit.
        if plural && q == Qty::N(1.0) && matches!(self.kw(i), Kw::A | Kw::An) {
            return None;
        }
        // "1988 quarter" is a year, "a year-earlier loss" an adjective of its own
        if self.is_num(i) && self.nd(i) == 4 && !plural {
            return None;
        }
        if self.hyphen(uj + 1) && matches!(self.kw(uj + 2), Kw::Earlier | Kw::Ago | Kw::End) {
            return None;
        }
        if matches!(u, Unit::Night | Unit::Weekend) && !plural && !hy {
            // "one night" is a duration but "a night" is too vague to help.
            if q == Qty::N(1.0) && matches!(self.kw(i), Kw::A | Kw::An) {
                return None;
            }
        }
        let mut end = uj + 1;
        // "a year and a half"
        if self.kw(end) == Kw::And && self.kw(end + 1) == Kw::A && self.kw(end + 2) == Kw::Half {
            if let Qty::N(n) = q {
                q = Qty::N(n + 0.5);
                end += 3;
            }
        }
        // "the four-day", "10-year"; but not "30-year-old"
        if hy && self.hyphen(end) && self.is(end + 1, "old") {
            return None;
        }
        if self.hyphen(end) && self.is(end + 1, "long") {
            end += 2;
        }
        Some((end, q, u))
    }

    // ---- tense -------------------------------------------------------------

    /// A tense marker at token k: (tense, strong). "to meet", "would" are weak.
    fn marker(&self, k: usize) -> Option<(Tense, bool)> {
        let m = self.marker0(k)?;
        let w = self.word(k);
        // "had been due to expire", "had been scheduled to close": a plan
        // seen from the past.
        if m == Tense::Future && w.eq_ignore_ascii_case("to") && k > 0 && self.had_before(k - 1) {
            return Some((Tense::Past, true));
        }
        let weak = if m == Tense::Future {
            // "is to resume", "set to resume": a firm plan
            let firm_to = k > 0
                && [
                    "is",
                    "are",
                    "set",
                    "due",
                    "going",
                    "agreed",
                    "decided",
                    "promised",
                    "vowed",
                    "pledged",
                    "plans",
                    "hopes",
                    "intends",
                    "plan",
                    "planning",
                    "hope",
                    "intend",
                    "preparing",
                ]
                .iter()
                .any(|x| self.is(k - 1, x));
            // "would be traveling": a planned event, not a hypothetical.
            let progressive =
                w.eq_ignore_ascii_case("would") && self.is(k + 1, "be") && self.word(k + 2).ends_with("ing");
            (w.eq_ignore_ascii_case("to") && !firm_to)
                || !progressive && self.t[k].entry.is_some_and(|e| e.flags & WEAK_FUTURE != 0)
        } else {
            // regular -ed forms are often adjectives ("the unspecified date")
            self.t[k].entry.is_none_or(|e| e.flags & PAST == 0)
        };
        Some((m, !weak))
    }

    /// "had" or "had been" right before token k.
    fn had_before(&self, k: usize) -> bool {
        k > 0 && (self.is(k - 1, "had") || k > 1 && self.is(k - 1, "been") && self.is(k - 2, "had"))
    }

    fn marker0(&self, k: usize) -> Option<Tense> {
        let t = &self.t[k];
        if t.kind != Kind::Word {
            return None;
        }
        // "lower-than-expected earnings", "long-planned": part of an adjective.
        if k > 0 && self.hyphen(k - 1) {
            return None;
        }
        let w = self.word(k);
        // "could not be reached", "couldn't say", "neither he nor she could be
        // located": a past inability.
        if w.eq_ignore_ascii_case("could") {
            let negated = self.is(k + 1, "not")
                || self.is(k + 1, "n't")
                || (k.saturating_sub(10)..k).any(|x| {
                    self.same_sent(x, k) && ["neither", "nor", "nobody", "never"].iter().any(|n| self.is(x, n))
                });
            if negated {
                return Some(Tense::Past);
            }
        }
        if w.eq_ignore_ascii_case("to") {
            // "to meet": an infinitive points forward.
            let nx = self.t.get(k + 1)?;
            if nx.kind == Kind::Word && !nx.cap && nx.entry.is_none_or(|e| e.kw == Kw::None && e.unit.is_none()) {
                let nw = self.word(k + 1);
                if !nw.ends_with("ing") && !nw.ends_with("ed") {
                    return Some(Tense::Future);
                }
            }
            return None;
        }
        let past = if let Some(e) = t.entry {
            if e.flags & (FUTURE | WEAK_FUTURE) != 0 {
                // "next to the embassy" is a place.
                if e.kw == Kw::Next && self.is(k + 1, "to") {
                    return None;
                }
                if self.had_before(k) {
                    return Some(Tense::Past);
                }
                return Some(Tense::Future);
            }
            if e.flags & NOT_PAST_ED != 0 {
                return None;
            }
            e.flags & PAST != 0
        } else {
            false
        };
        let sent_start = k == 0 || !self.same_sent(k - 1, k);
        let ed = w.len() >= 5
            && w.ends_with("ed")
            && (!t.cap || sent_start)
            && w.bytes().skip(1).all(|b| b.is_ascii_lowercase());
        if !(past || ed) {
            return None;
        }
        if k > 0 {
            // "will be paid", "to be held": a participle after a modal points forward;
            // "the reduced dividend": an adjective, not a verb.
            let p1 = self.word(k - 1);
            let modal = |x: &str| {
                ["will", "would", "to", "shall", "ll", "must", "should"].iter().any(|m| x.eq_ignore_ascii_case(m))
            };
            if p1.eq_ignore_ascii_case("be") {
                return if k > 1 && modal(self.word(k - 2)) { Some(Tense::Future) } else { None };
            }
            if modal(p1) && !past {
                return Some(Tense::Future);
            }
            if ed
                && !past
                && matches!(
                    self.kw(k - 1),
                    Kw::The | Kw::A | Kw::An | Kw::Its | Kw::This | Kw::That | Kw::More | Kw::Most
                )
            {
                return None;
            }
            if ["is", "are", "very", "well", "his", "her", "their", "our", "still"]
                .iter()
                .any(|m| p1.eq_ignore_ascii_case(m))
            {
                return None;
            }
        }
        Some(Tense::Past)
    }

    /// Tense of the clause around tokens i..j: the nearest marker to the
    /// left within the sentence, then to the right.
    fn tense(&self, i: usize, j: usize) -> Tense {
        let decide = |found: &[(Tense, bool)]| -> Option<Tense> {
            // The nearest strong marker decides; among weak ones a past verb
            // beats an infinitive ("gathered to mark ... on Friday").
            if let Some(m) = found.iter().find(|m| m.1) {
                return Some(m.0);
            }
            if found.iter().any(|m| m.0 == Tense::Past) {
                return Some(Tense::Past);
            }
            found.first().map(|m| m.0)
        };
        let mut left = Vec::new();
        let mut k = i;
        let mut steps = 0;
        while k > 0 && steps < 16 {
            k -= 1;
            steps += 1;
            if !self.same_sent(k, i) {
                break;
            }
            // "Just ahead of the trip, the department on Sunday issued...":
            // "ahead of" speaks for its own object, not for a date further on.
            if i - k > 3 && self.is(k, "ahead") && self.is(k + 1, "of") {
                continue;
            }
            if let Some(x) = self.marker(k) {
                left.push(x);
            }
        }
        // "A service planned for Saturday was canceled": a finite verb right
        // after the date (no comma between) outranks weak future markers on
        // the left ("planned", "to join"); not a relative clause ("on Friday
        // that will let ...").
        if !left.is_empty() && left.iter().all(|m| !m.1 && m.0 == Tense::Future) && self.same_sent(j, i) {
            if let Some((t, true)) = self.marker(j) {
                if self.t[j].entry.is_some_and(|e| e.flags & (PAST | FUTURE) != 0) {
                    return t;
                }
            }
        }
        if let Some(t) = decide(&left) {
            return t;
        }
        let mut right = Vec::new();
        let mut k = j;
        let mut steps = 0;
        while k < self.n() && steps < 10 && self.same_sent(k, i) {
            if let Some(x) = self.marker(k) {
                right.push(x);
            }
            k += 1;
            steps += 1;
        }
        if let Some(t) = decide(&right) {
            return t;
        }
        if left.iter().chain(right.iter()).any(|m| m.0 == Tense::Future) {
            return Tense::Future;
        }
        Tense::Unknown
    }

    /// "April 24 and 25", "on March 3 or 4": a bare day number joined to a
    /// month-and-day date is another day of that month: (token, value).
    fn second_day(&self, c: &Cand) -> Option<(usize, String, Option<usize>)> {
        let last = c.end.checked_sub(1)?;
        if c.kind != TimexType::Date || c.value.len() != 10 || !self.is_num(last) || self.nd(last) > 2 {
            return None;
        }
        let k = c.end + 1;
        if !self.range_joint(c.end) || !self.is_num(k) || self.nd(k) > 2 || !self.same_sent(last, k) {
            return None;
        }
        let (d1, d2) = (self.num(last), self.num(k));
        let glued_ok = !self.glued(k + 1) || [".", ",", ";", ")"].contains(&self.word(k + 1));
        if d2 <= d1 || d2 > 31 || !glued_ok {
            return None;
        }
        // "May 3 and 4 p.m.", "March 3 and 4 percent", "June 5 and 6 others"
        if self.t.get(k + 1).is_some_and(|t| {
            t.kind == Kind::Word && (t.entry.is_some() || !t.cap) || self.word(k + 1) == "%" || self.word(k + 1) == ":"
        }) && !matches!(self.kw(k + 1), Kw::In | Kw::On | Kw::At | Kw::For | Kw::By | Kw::And | Kw::Since | Kw::To)
        {
            return None;
        }
        // "Dec. 8-10, 2026": the year closes the range
        let after = if self.punct(k + 1, ",") { k + 2 } else { k + 1 };
        let year = self.year(after).filter(|_| self.is_num(after) && self.same_sent(k, after));
        let mut v = format!("{}{:02}", &c.value[..8], d2);
        if let Some((_, y)) = year {
            v.replace_range(..4, &format!("{y:04}"));
        }
        if v.starts_with(|ch: char| ch.is_ascii_digit()) {
            let y = v[..4].parse().ok()?;
            let m = v[5..7].parse().ok()?;
            NaiveDate::from_ymd_opt(y, m, d2 as u32)?;
        }
        Some((k, v, year.map(|(e, _)| e)))
    }

    /// A word or mark joining two days of one month: "24 and 25", "8-10",
    /// "8 to 10", "8 through 10".
    fn range_joint(&self, k: usize) -> bool {
        matches!(self.kw(k), Kw::And | Kw::Or)
            || self.hyphen(k)
            || self.punct(k, "\u{2013}")
            || self.is(k, "to")
            || self.is(k, "through")
    }

    /// "8-10 December", "between 8 and 10 December": the first day of a
    /// range written before the month is a date of its own (the first day is
    /// when an event opens).
    fn range_start(&self, i: usize) -> Option<Cand> {
        if !self.is_num(i) || self.nd(i) > 2 || !self.range_joint(i + 1) || !self.is_num(i + 2) {
            return None;
        }
        let (d1, d2) = (self.num(i), self.num(i + 2));
        let c = self.day_month(i + 2).filter(|c| c.kind == TimexType::Date && c.value.len() == 10)?;
        if d1 == 0 || d1 >= d2 || !self.same_sent(i, c.end - 1) {
            return None;
        }
        let v = format!("{}{d1:02}", &c.value[..8]);
        let day = match (c.value[..4].parse(), c.value[5..7].parse()) {
            (Ok(y), Ok(m)) => Some(NaiveDate::from_ymd_opt(y, m, d1 as u32)?),
            _ => None,
        };
        Some(Cand::date(i + 1, v).with_day(day))
    }

    /// Reference day for narrative expressions: the last day named in this
    /// paragraph, else earlier in the text.
    fn ref_day(&self) -> Option<NaiveDate> {
        self.ref_day.map(|r| r.0)
    }

    // ---- the grammar -------------------------------------------------------

    /// Longest expression starting at token i, with leading modifiers.
    fn at(&self, i: usize) -> Option<Cand> {
        // Approximators belong to the extent: "about two years", "nearly a decade ago".
        let mut j = i;
        match self.kw(i) {
            // TimeBank keeps "nearly"/"almost" with a quantity ("nearly two years",
            // "almost a decade ago") and "around" with a clock time or a day
            // ("around 7:15 p.m.", "around Nov. 1"); "about", "just" stay out.
            Kw::Nearly | Kw::Almost if self.measure(i + 1).is_some() => {
                return self.core(i + 1).filter(|c| c.kind != TimexType::Set);
            }
            Kw::Around if self.weekday(i + 1).is_none() => {
                return self
                    .core(i + 1)
                    .filter(|c| c.kind == TimexType::Time || c.day.is_some() && c.kind == TimexType::Date);
            }
            Kw::About | Kw::Around | Kw::Nearly | Kw::Almost | Kw::Approximately | Kw::Roughly | Kw::Just => {
                return None
            }
            Kw::More | Kw::Less | Kw::Fewer if self.kw(i + 1) == Kw::Than => j = i + 2,
            Kw::At if matches!(self.kw(i + 1), Kw::Least | Kw::Most) => j = i + 2,
            Kw::No if self.kw(i + 1) == Kw::More && self.kw(i + 2) == Kw::Than => j = i + 3,
            Kw::Up if self.is(i + 1, "to") => j = i + 2,
            // "over a week", "in over six years": more than; "over three years",
            // "over the past year" (during) stay outside.
            Kw::Over
                if matches!(self.kw(i + 1), Kw::A | Kw::An) && self.measure(i + 1).is_some()
                    || i > 0 && matches!(self.kw(i - 1), Kw::In | Kw::Just) && self.measure(i + 1).is_some() =>
            {
                return self.core(i + 1).filter(|c| c.kind == TimexType::Duration || c.value.ends_with("_REF"));
            }
            Kw::Over => return None,
            _ => {}
        }
        if j > i {
            let c = self.core(j)?;
            // Only quantities take approximators; "about Friday" is not a thing,
            // but "around Nov. 1" is.
            return Some(c);
        }
        self.core(i)
    }

    fn core(&self, i: usize) -> Option<Cand> {
        let mut best: Option<Cand> = None;
        let mut consider = |c: Option<Cand>| {
            if let Some(c) = c {
                if best.as_ref().is_none_or(|b| c.end > b.end) {
                    best = Some(c);
                }
            }
        };
        let t = &self.t[i];
        if t.kind == Kind::Num {
            consider(self.iso(i));
            consider(self.day_month(i));
            consider(self.range_start(i));
            consider(self.clock(i));
            consider(self.year_expr(i));
            consider(self.decade(i));
            consider(self.measure_expr(i));
            consider(self.quarter_num(i));
        } else {
            consider(self.month_day(i));
            consider(self.weekday_expr(i));
            consider(self.deictic(i));
            consider(self.relative(i));
            consider(self.measure_expr(i));
            consider(self.quarter(i));
            consider(self.decade(i));
            consider(self.year_expr(i));
            consider(self.set(i));
            consider(self.clock(i));
            consider(self.holiday(i));
            consider(self.day_month(i));
            consider(self.part_of(i));
            consider(self.season_of_year(i));
            consider(self.narrative(i));
            consider(self.week_of_month(i));
            consider(self.misc(i));
            consider(self.quarter_num(i));
        }
        let c = best?;
        Some(self.attach_time(i, c))
    }

    /// "17 Oct 2025 10:09PM", "Friday 10 p.m.", "2025-11-01 22:09": a clock
    /// time right after a date joins it.
    fn attach_time(&self, _i: usize, c: Cand) -> Cand {
        if c.kind != TimexType::Date {
            return c;
        }
        let Some(d) = c.day else { return c };
        if !c.value.starts_with(|ch: char| ch.is_ascii_digit()) || c.value.len() != 10 {
            return c;
        }
        let mut j = c.end;
        if self.punct(j, ",") {
            j += 1;
        }
        if self.is(j, "at") {
            return c;
        }
        if let Some((end, hh, mm)) = self.clock_core(j) {
            if !self.same_sent(j, c.end.saturating_sub(1)) {
                return c;
            }
            let v = format!("{}T{:02}:{:02}{}", ymd(d), hh, mm, self.utc(end));
            return Cand::new(end, TimexType::Time, v).with_day(Some(d));
        }
        c
    }

    /// "2025-11-01", "2025-11-01T22:09", "2025/11/01", "11/01/2025", "01.11.2025".
    fn iso(&self, i: usize) -> Option<Cand> {
        let n0 = self.num(i);
        let sep = self.word(i + 1);
        if !(sep == "-" || sep == "/" || sep == ".") || !self.glued(i + 1) || !self.is_num(i + 2) || !self.glued(i + 2)
        {
            return None;
        }
        let sep2_ok = self.word(i + 3) == sep && self.glued(i + 3) && self.is_num(i + 4) && self.glued(i + 4);
        let (y, m, d, end) = if self.nd(i) == 4 && sep != "." {
            if !sep2_ok {
                // "2025-11" as a month
                if sep == "-" && self.nd(i + 2) == 2 && (1..=12).contains(&self.num(i + 2)) && !self.glued(i + 3) {
                    let v = ym(n0 as i32, self.num(i + 2) as u32);
                    return Some(Cand::date(i + 3, v));
                }
                return None;
            }
            (n0 as i32, self.num(i + 2) as u32, self.num(i + 4) as u32, i + 5)
        } else if sep2_ok && self.nd(i + 4) == 4 && self.nd(i) <= 2 && self.nd(i + 2) <= 2 {
            let (a, b) = (n0 as u32, self.num(i + 2) as u32);
            // US order month/day/year unless the first number cannot be a month;
            // day.month.year with dots.
            let (m, d) = if sep == "." || a > 12 { (b, a) } else { (a, b) };
            (self.num(i + 4) as i32, m, d, i + 5)
        } else if sep2_ok && sep == "/" && self.nd(i + 4) == 2 && self.nd(i) <= 2 && self.nd(i + 2) <= 2 {
            // "7/8/07": US order with a two-digit year
            let (a, b) = (n0 as u32, self.num(i + 2) as u32);
            let (m, d) = if a > 12 { (b, a) } else { (a, b) };
            let yy = self.num(i + 4) as i32;
            (if yy < 50 { 2000 + yy } else { 1900 + yy }, m, d, i + 5)
        } else {
            return None;
        };
        let date = NaiveDate::from_ymd_opt(y, m, d)?;
        if self.glued(end) && (self.is_num(end) || self.word(end) == sep) {
            return None;
        }
        // "T22:09" or " 22:09"
        let mut j = end;
        if self.glued(j) && self.is(j, "T") && self.is_num(j + 1) {
            j += 1;
        }
        if let Some((e2, hh, mm)) = self.clock_core(j) {
            if j == end || self.glued(j) || j == end + 1 {
                let v = format!("{}T{:02}:{:02}{}", ymd(date), hh, mm, self.utc(e2));
                return Some(Cand::new(e2, TimexType::Time, v).with_day(Some(date)));
            }
        }
        Some(Cand::date(end, ymd(date)).with_day(Some(date)))
    }

    /// A full or partial date with the day after the month: "Sept. 3, 2015",
    /// "Jan. 4", "August 1988", "January 2026", "May".
    fn month_day(&self, i: usize) -> Option<Cand> {
        let (mut j, m, weak) = self.month(i)?;
        if self.kw(j) == Kw::The {
            j += 1;
        }
        if let Some((dend, d)) = self.day(j) {
            // "March 12, 1999" / "March 12 1999"
            let mut end = dend;
            let mut year = None;
            let k = if self.punct(end, ",") { end + 1 } else { end };
            if let Some((yend, y)) = self.year(k) {
                year = Some(y);
                end = yend;
            }
            // "May 5 people" is not a date (abbreviations such as "Aug." are
            // not ordinary words: "the Aug. 7 bombings" is).
            if year.is_none()
                && weak
                && (self.is(i, "may") || self.is(i, "march"))
                && self.is_num(j)
                && self.t.get(dend).is_some_and(|t| t.kind == Kind::Word && !t.cap && t.entry.is_none())
            {
                return None;
            }
            // not "May 2009" read as day
            if self.is_num(j) && self.nd(j) > 2 {
                return None;
            }
            return self.finish_md(i, end, year, m, d);
        }
        // "August 1988", "January of 2026", "January nineteen ninety-seven"
        let k = if self.kw(j) == Kw::Of || self.punct(j, ",") { j + 1 } else { j };
        if let Some((yend, y)) = self.year(k) {
            return Some(Cand::date(yend, ym(y, m)));
        }
        // "June last year", "January this year"
        if matches!(self.kw(j), Kw::Last | Kw::This | Kw::Next) && self.kw(j + 1) == Kw::Year {
            let dct = self.dct?;
            let y = dct.year()
                + match self.kw(j) {
                    Kw::Last => -1,
                    Kw::Next => 1,
                    _ => 0,
                };
            return Some(Cand::date(j + 2, ym(y, m)));
        }
        // Month alone.
        if weak {
            // "the March accession": a month modifying a noun, as the
            // unambiguous months do ("the October slaying")
            let the_noun = i > 0
                && self.kw(i - 1) == Kw::The
                && self.t.get(j).is_some_and(|t| t.kind == Kind::Word && !t.cap && t.entry.is_none());
            let ok_prev = i > 0
                && (self.t[i - 1].entry.is_some_and(|e| e.flags & YEAR_PRECEDER != 0)
                    || the_noun
                    || matches!(self.kw(i - 1), Kw::Last | Kw::This | Kw::Next | Kw::Early | Kw::Late | Kw::Mid));
            if !ok_prev || !self.cap(i) {
                return None;
            }
            // "in May said" (a name)? Keep it simple: a following capitalised word breaks it.
            if self.cap(j) && self.t.get(j).is_some_and(|t| t.kind == Kind::Word) && self.same_sent(i, j) {
                return None;
            }
        }
        let value = match self.dct {
            Some(dct) => {
                let tense = self.tense(i, j);
                ym(anchor::year_for_month(dct, m, Dir::Auto, tense), m)
            }
            None => format!("XXXX-{m:02}"),
        };
        Some(Cand::date(j, value))
    }

    fn finish_md(&self, i: usize, end: usize, year: Option<i32>, m: u32, d: u32) -> Option<Cand> {
        let mut end = end;
        // "Jan. 4." keeps its glued period only when it is an abbreviation; the
        // sentence period is not part of the date.
        match year {
            Some(y) => {
                let date = NaiveDate::from_ymd_opt(y, m, d)?;
                let mut c = Cand::date(end, ymd(date)).with_day(Some(date));
                c.dated = true;
                Some(c)
            }
            None => match self.dct {
                Some(dct) => {
                    // "the fiscal year ended Jan. 31": a period that has ended,
                    // however long ago.
                    let ended = i > 0 && self.kw(i - 1) == Kw::Ended;
                    // "The June 14, 2000 issue ... On June 15, the two sides ...": a
                    // story told in another year goes on in it, when the day is
                    // within two months of a day the text just wrote with that year
                    let told = self.dated_day.filter(|(x, para)| {
                        x.year() != dct.year()
                            && self.t[i].para <= para + 1
                            && NaiveDate::from_ymd_opt(x.year(), m, d)
                                .is_some_and(|md| (md - *x).num_days().abs() <= NARRATIVE_DAYS)
                    });
                    let y = if let Some((x, _)) = told {
                        x.year()
                    } else if ended {
                        [dct.year(), dct.year() - 1]
                            .into_iter()
                            .find(|&y| NaiveDate::from_ymd_opt(y, m, d).is_some_and(|x| x <= dct))?
                    } else {
                        anchor::year_for_day(dct, m, d, self.tense(i, end))?
                    };
                    let date = NaiveDate::from_ymd_opt(y, m, d)?;
                    // "(Yonhap)" style dateline tails are not part of the date.
                    if self.punct(end, ")") && self.glued(end) && i > 0 && self.punct(i - 1, "(") {
                        end += 0;
                    }
                    Some(Cand::date(end, ymd(date)).with_day(Some(date)))
                }
                None => {
                    if d > 31 || m > 12 {
                        return None;
                    }
                    Some(Cand::date(end, format!("XXXX-{m:02}-{d:02}")))
                }
            },
        }
    }

    /// "3 September 2015", "17 Oct 2025", "the 18th of March", "on the 18th".
    fn day_month(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let the = self.kw(i) == Kw::The;
        if the {
            j += 1;
        }
        let (dend, d) = self.day(j)?;
        let k = if self.kw(dend) == Kw::Of { dend + 1 } else { dend };
        if let Some((mend, m, _)) = self.month(k) {
            let mut end = mend;
            let mut year = None;
            let y0 = if self.punct(end, ",") { end + 1 } else { end };
            if let Some((yend, y)) = self.year(y0) {
                year = Some(y);
                end = yend;
            }
            return self.finish_md(i, end, year, m, d);
        }
        // "on the 18th": a bare ordinal day needs "the" and "on" before it, or a
        // suffix ("18th"); the month comes from the document date.
        if the && i > 0 && self.kw(i - 1) == Kw::On {
            let ordinal = !self.is_num(j) || dend > j + 1;
            if !ordinal {
                return None;
            }
            // not "the 18th century" / "the first round"
            if self.t.get(dend).is_some_and(|t| t.kind == Kind::Word) && self.same_sent(dend, i) {
                return None;
            }
            return match self.dct {
                Some(dct) => {
                    let tense = self.tense(i, dend);
                    let mut cands = vec![];
                    for off in [-1, 0, 1] {
                        let base = add_months(NaiveDate::from_ymd_opt(dct.year(), dct.month(), 1)?, off);
                        if let Some(x) = NaiveDate::from_ymd_opt(base.year(), base.month(), d) {
                            cands.push(x);
                        }
                    }
                    let pick = match tense {
                        Tense::Past => cands.iter().rev().find(|c| **c <= dct).copied(),
                        Tense::Future => cands.iter().find(|c| **c >= dct).copied(),
                        Tense::Unknown => cands.iter().min_by_key(|c| (**c - dct).num_days().abs()).copied(),
                    }?;
                    Some(Cand::date(dend, ymd(pick)).with_day(Some(pick)))
                }
                None => Some(Cand::date(dend, format!("XXXX-XX-{d:02}"))),
            };
        }
        None
    }

    /// Weekdays, with an attached date or part of day: "Friday", "Friday,
    /// Oct. 23", "Friday (Oct 17)", "Monday morning", "Tuesday night".
    fn weekday_expr(&self, i: usize) -> Option<Cand> {
        let (end, wd, weak) = self.weekday(i)?;
        // attached explicit date
        let mut j = end;
        let paren = self.punct(j, "(");
        if self.punct(j, ",") || paren {
            j += 1;
        }
        // A headline ending in a weekday does not run into a date line below it.
        let line_break = j == end && self.newline_before(j);
        let exp = self.month_day(j).or_else(|| self.day_month(j)).or_else(|| self.iso(j)).filter(|_| !line_break);
        if let Some(c) = exp {
            if c.day.is_some() || c.value.len() == 10 {
                let mut e = c.end;
                if paren {
                    if !self.punct(e, ")") {
                        return None;
                    }
                    e += 1;
                }
                // A weekday that agrees with the date confirms it; when the year
                // was guessed and disagrees, prefer a year where they agree.
                let mut c2 = Cand { end: e, ..c };
                if let (Some(d), None) = (c2.day, self.year_in(j, c2.end)) {
                    if d.weekday().number_from_monday() != wd {
                        for y in [d.year() - 1, d.year() + 1] {
                            if let Some(x) = NaiveDate::from_ymd_opt(y, d.month(), d.day()) {
                                if x.weekday().number_from_monday() == wd {
                                    c2.value = ymd(x);
                                    c2.day = Some(x);
                                    break;
                                }
                            }
                        }
                    }
                }
                return Some(self.attach_time(i, c2));
            }
        }
        if weak {
            return None;
        }
        self.weekday_value(i, end, wd, Dir::Auto)
    }

    /// "until Tuesday", "extended the deadline until 9 a.m. EST Tuesday": a
    /// deadline runs on from the clause's time, so a bare weekday after
    /// "until" is the next one (or today).
    fn until_before(&self, i: usize) -> bool {
        let mut k = i;
        while k > 0 && i - k < 8 {
            k -= 1;
            let clockish = self.is_num(k)
                || self.punct(k, ":")
                || self.punct(k, ".")
                || self.punct(k, ",")
                || matches!(
                    self.kw(k),
                    Kw::Am | Kw::Pm | Kw::Noon | Kw::Midnight | Kw::Gmt | Kw::Utc | Kw::Est | Kw::Edt | Kw::Pst
                )
                || self.word(k).eq_ignore_ascii_case("a.m")
                || self.word(k).eq_ignore_ascii_case("p.m")
                // "until 8pm (local time) on Sunday"
                || self.kw(k) == Kw::On && !self.cap(k)
                || self.is(k, "local")
                || self.is(k, "time") && self.is(k.wrapping_sub(1), "local");
            if !clockish {
                return matches!(self.kw(k), Kw::Until) || self.is(k, "till");
            }
        }
        false
    }

    /// "meet separately Monday", "opens Tuesday": a present-tense scheduling
    /// verb right before token i (an -ly adverb may come between).
    fn present_verb_before(&self, i: usize) -> bool {
        let mut k = i;
        for _ in 0..2 {
            if k == 0 || !self.same_sent(k - 1, i) || self.t[k - 1].kind != Kind::Word {
                return false;
            }
            k -= 1;
            if self.t[k].entry.is_some_and(|e| e.flags & PRESENT != 0) && !self.cap(k) {
                return true;
            }
            if !self.word(k).ends_with("ly") {
                return false;
            }
        }
        false
    }

    /// Whether tokens a..b contain an explicit year.
    fn year_in(&self, a: usize, b: usize) -> Option<i32> {
        (a..b).find_map(|k| if self.is_num(k) && self.nd(k) == 4 { Some(self.num(k) as i32) } else { None })
    }

    /// Value of weekday wd spanning tokens i..end, with an optional part of day after.
    fn weekday_value(&self, i: usize, end: usize, wd: u32, dir: Dir) -> Option<Cand> {
        // "Until Thursday, they had not called him a suspect": a past perfect
        // looks back from that day.
        let had = (i.saturating_sub(8)..(end + 8).min(self.n())).any(|k| self.same_sent(k, i) && self.is(k, "had"));
        let mut tense = if self.until_before(i) && !had { Tense::Future } else { self.tense(i, end) };
        if tense == Tense::Unknown && self.present_verb_before(i) {
            tense = Tense::Future;
        }
        let date = self.dct.map(|dct| anchor::weekday(dct, wd, dir, tense));
        let base = match date {
            Some(d) => ymd(d),
            None => format!("XXXX-WXX-{wd}"),
        };
        // "Monday morning", "Tuesday night"
        if let Some(p) = self.t.get(end).and_then(|t| t.entry).and_then(|e| e.day_part) {
            if self.t[end].kind == Kind::Word && !self.is(end, "overnight") {
                // TBAQ gives "Friday night" the day itself (10 times, counting
                // the ones where only "Friday" is tagged; TNI 7, TEV 3) and
                // "Friday morning" too (5; TMO 3; MEANTIME uses TMO).
                // "Friday evening" keeps TEV (3 of 3), "afternoon" TAF.
                if (p == "NI" || p == "MO") && date.is_some() {
                    return Some(Cand::date(end + 1, base).with_day(date));
                }
                return Some(Cand::new(end + 1, TimexType::Time, format!("{base}T{p}")).with_day(date));
            }
        }
        Some(Cand::date(end, base).with_day(date))
    }

    /// today, yesterday, tomorrow, tonight, now, recently, the future...
    fn deictic(&self, i: usize) -> Option<Cand> {
        let dct = self.dct;
        let day = |off: i64| dct.map(|d| add_days(d, off));
        let dayv = |off: i64| match dct {
            Some(d) => ymd(add_days(d, off)),
            None => "XXXX-XX-XX".to_string(),
        };
        let with_part = |end: usize, off: i64| -> Cand {
            if let Some(p) = self.t.get(end).and_then(|t| t.entry).and_then(|e| e.day_part) {
                if self.t[end].kind == Kind::Word {
                    return Cand::new(end + 1, TimexType::Time, format!("{}T{p}", dayv(off))).with_day(day(off));
                }
            }
            Cand::date(end, dayv(off)).with_day(day(off))
        };
        match self.kw(i) {
            // "today's youth" is generic, "today's editions", "today's vote" are the day.
            Kw::Today if (self.punct(i + 1, "'") || self.punct(i + 1, "\u{2019}")) && self.is(i + 2, "s") => {
                let mut k = i + 3;
                while self.t.get(k).is_some_and(|t| t.kind == Kind::Word && !t.cap) && k < i + 5 {
                    let w = self.word(k);
                    if [
                        "edition",
                        "editions",
                        "issue",
                        "newspaper",
                        "newspapers",
                        "paper",
                        "papers",
                        "quiz",
                        "program",
                        "programme",
                        "broadcast",
                        "show",
                        "meeting",
                        "session",
                        "trading",
                        "vote",
                        "election",
                        "talks",
                        "announcement",
                        "speech",
                        "deadline",
                        "hearing",
                        "game",
                        "match",
                        "race",
                        "summit",
                        "ceremony",
                        "rally",
                        "report",
                    ]
                    .iter()
                    .any(|x| w.eq_ignore_ascii_case(x))
                    {
                        return Some(Cand::date(i + 1, dayv(0)).with_day(day(0)));
                    }
                    k += 1;
                }
                None
            }
            Kw::Today => Some(with_part(i + 1, 0)),
            Kw::Yesterday => Some(with_part(i + 1, -1)),
            Kw::Tomorrow => Some(with_part(i + 1, 1)),
            Kw::Tonight => Some(Cand::new(i + 1, TimexType::Time, format!("{}TNI", dayv(0))).with_day(day(0))),
            // "Now, he says, ...", "Currently, ...": a sentence-initial adverb
            // with a comma is a discourse marker (TBAQ leaves all 5 such uses
            // untagged), not the present time.
            Kw::Now | Kw::Currently if self.sentence_start(i) && self.punct(i + 1, ",") => None,
            Kw::Now => Some(Cand::date(i + 1, "PRESENT_REF".into())),
            // "the then-current chairman": the present of a past time.
            Kw::Then if self.kw(i + 1) == Kw::Current || self.hyphen(i + 1) && self.kw(i + 2) == Kw::Current => {
                let end = if self.kw(i + 1) == Kw::Current { i + 2 } else { i + 3 };
                Some(Cand::date(end, "PAST_REF".into()))
            }

            Kw::Currently | Kw::Nowadays => Some(Cand::date(i + 1, "PRESENT_REF".into())),
            // "the current crisis", "its current chairman": an adjective before a
            // noun (not "current account", "current affairs", "the current year").
            Kw::Current
                if !self.cap(i)
                    && self.t.get(i + 1).is_some_and(|t| {
                        t.kind == Kind::Word && !t.cap && t.entry.is_none_or(|e| e.unit.is_none() && e.kw == Kw::None)
                    })
                    && !["account", "accounts", "affairs", "events", "flows", "flow", "density"]
                        .iter()
                        .any(|w| self.is(i + 1, w))
                    && self.same_sent(i, i + 1) =>
            {
                Some(Cand::date(i + 1, "PRESENT_REF".into()))
            }
            Kw::These if self.is(i + 1, "days") => Some(Cand::date(i + 2, "PRESENT_REF".into())),
            Kw::Recently | Kw::Lately => Some(Cand::date(i + 1, "PAST_REF".into())),

            Kw::More if self.kw(i + 1) == Kw::Recently => Some(Cand::date(i + 2, "PAST_REF".into())),

            Kw::The | Kw::A => {
                let j = i + 1;
                // "the future", "the near future", "the near term", "the short term", "the past"
                if self.kw(j) == Kw::Future {
                    return Some(Cand::date(j + 1, "FUTURE_REF".into()));
                }
                if self.kw(j) == Kw::Near && matches!(self.kw(j + 1), Kw::Future | Kw::Term) {
                    return Some(Cand::date(j + 2, "FUTURE_REF".into()));
                }
                if (self.is(j, "short") || self.is(j, "long")) && self.kw(j + 1) == Kw::Term && self.kw(i) == Kw::The {
                    return Some(Cand::date(j + 2, "FUTURE_REF".into()));
                }
                if self.kw(i) == Kw::The
                    && self.kw(j) == Kw::Past
                    && !self.t.get(j + 1).is_some_and(|t| {
                        t.kind == Kind::Num
                            || t.entry.is_some_and(|e| {
                                e.unit.is_some()
                                    || e.cardinal.is_some()
                                    || matches!(e.kw, Kw::Few | Kw::Several | Kw::Couple)
                            })
                    })
                {
                    return Some(Cand::date(j + 1, "PAST_REF".into()));
                }
                if self.kw(i) == Kw::The
                    && self.kw(j) == Kw::Present
                    && !self.t.get(j + 1).is_some_and(|t| {
                        t.kind == Kind::Word && !matches!(t.entry.map(|e| e.kw), Some(Kw::And | Kw::Or))
                    })
                {
                    return Some(Cand::date(j + 1, "PRESENT_REF".into()));
                }
                None
            }
            Kw::At if self.kw(i + 1) == Kw::Present => None,
            _ => None,
        }
    }

    /// "last year", "this month", "next week", "early next year", "later this
    /// month", "last November", "this summer", "last Friday", "the past year".
    fn relative(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        // early / late / mid / earlier / later
        let mut edge = false;
        if matches!(self.kw(j), Kw::Early | Kw::Late | Kw::Earlier | Kw::Later | Kw::Mid) {
            edge = true;
            j += 1;
            if self.hyphen(j) {
                j += 1;
            }
        }
        let the = self.kw(j) == Kw::The;
        if the {
            j += 1;
        }
        let dir_kw = self.kw(j);
        let dir = match dir_kw {
            Kw::Last | Kw::Past | Kw::Previous => Dir::Last,
            Kw::Next | Kw::Coming | Kw::Following => Dir::Next,
            Kw::This | Kw::Current => Dir::This,
            _ => {
                // "early November", "mid-2024", "late Tuesday"
                if edge && !the {
                    return self.edge_plain(i, j);
                }
                return None;
            }
        };
        // "the following day" / "the previous year" are narrative.
        if matches!(dir_kw, Kw::Following | Kw::Previous) {
            return None;
        }
        if !the
            && matches!(dir_kw, Kw::Past | Kw::Coming | Kw::Current)
            && !(dir_kw == Kw::Coming && i > 0 && self.kw(i - 1) == Kw::This)
        {
            // "past year" without "the" is fine too ("over past year") but rare; keep.
        }
        let mut k = j + 1;
        // "This Week" (a programme name) mid-sentence
        if dir_kw == Kw::This && self.cap(j) && self.cap(j + 1) && j > 0 && self.same_sent(j - 1, j) {
            return None;
        }
        // "this past spring", "this coming Sunday"
        if dir_kw == Kw::This && matches!(self.kw(k), Kw::Past | Kw::Coming) {
            k += 1;
        }
        let dir = if dir_kw == Kw::This && self.kw(j + 1) == Kw::Past {
            Dir::Last
        } else if dir_kw == Kw::This && self.kw(j + 1) == Kw::Coming {
            Dir::Next
        } else {
            dir
        };
        let dct = self.dct;
        // "the past 24 hours", "the next two weeks", "the last few days", "the coming weeks"
        if matches!(dir_kw, Kw::Past | Kw::Last | Kw::Next | Kw::Coming) {
            if let Some((end, q, u)) = self.measure(k) {
                return Some(Cand::new(end, TimexType::Duration, duration_value(q, u)));
            }
            if let Some((u, true)) = self.unit(k) {
                // "the coming weeks", "the past months"
                let v = if u == Unit::Year && dir_kw == Kw::Past {
                    "PAST_REF".to_string()
                } else {
                    duration_value(Qty::Vague, u)
                };
                let kind = if v.ends_with("REF") { TimexType::Date } else { TimexType::Duration };
                return Some(Cand::new(k + 1, kind, v));
            }
        }
        // unit
        if let Some((u, false)) = self.unit(k) {
            let end = k + 1;
            let Some(dct) = dct else {
                let v = match u {
                    Unit::Year => "XXXX".to_string(),
                    Unit::Month => "XXXX-XX".to_string(),
                    Unit::Week => "XXXX-WXX".to_string(),
                    Unit::Weekend => "XXXX-WXX-WE".to_string(),
                    Unit::Quarter => "XXXX-QX".to_string(),
                    Unit::Night => "XXXX-XX-XXTNI".to_string(),
                    Unit::Decade => "XXX".to_string(),
                    Unit::Century => "XX".to_string(),
                    _ => return None,
                };
                let kind = if u == Unit::Night { TimexType::Time } else { TimexType::Date };
                return Some(Cand::new(end, kind, v));
            };
            let off: i32 = match dir {
                Dir::Last => -1,
                Dir::Next => 1,
                _ => 0,
            };
            // "the past year" / "the last decade" read as durations in TimeML
            // only with a number; "the past year" is the previous year.
            let v = match u {
                // "Sales in the latest period rose 13% from last year's": the
                // same quarter a year back.
                Unit::Year if dir == Dir::Last && !the && !self.months_ctx => match self.latest_q {
                    Some((y, q, s)) if s + 1 >= self.t[i].sent => format!("{:04}-Q{q}", y - 1),
                    _ => format!("{:04}", dct.year() - 1),
                },
                Unit::Year => format!("{:04}", dct.year() + off),
                Unit::Month => {
                    let d = add_months(dct, off);
                    ym(d.year(), d.month())
                }
                Unit::Week => week(add_days(dct, 7 * off as i64)),
                Unit::Weekend => format!("{}-WE", week(add_days(dct, 7 * off as i64))),
                Unit::Quarter => {
                    // "This quarter's loss" in a report on the quarter just ended
                    // is that quarter.
                    if dir == Dir::This && !the && self.punct(end, "'") && self.is(end + 1, "s") {
                        if let Some((y, q, _)) = self.quarter {
                            if self.tense(i, end) != Tense::Future {
                                let mut cand = Cand::date(end, format!("{y}-Q{q}"));
                                cand.quarter = Some((y, q));
                                return Some(cand);
                            }
                        }
                    }
                    let d = add_months(dct, 3 * off);
                    let c = format!("{}-Q{}", d.year(), quarter_of(d));
                    let mut cand = Cand::date(end, c);
                    cand.quarter = Some((d.year(), quarter_of(d)));
                    return Some(cand);
                }
                Unit::Decade => {
                    if dir == Dir::Last && the {
                        return Some(Cand::new(end, TimexType::Duration, "P10Y".into()));
                    }
                    format!("{:03}", (dct.year() + 10 * off) / 10)
                }
                Unit::Century => {
                    // "this century" is P100Y in TBAQ (2 of 2); "the past century" too.
                    if (dir == Dir::Last && the) || dir == Dir::This {
                        return Some(Cand::new(end, TimexType::Duration, "P100Y".into()));
                    }
                    format!("{:02}", (dct.year() + 100 * off) / 100)
                }
                Unit::Night if dir == Dir::Last => {
                    let d = add_days(dct, -1);
                    return Some(Cand::new(end, TimexType::Time, format!("{}TNI", ymd(d))).with_day(Some(d)));
                }
                Unit::Night if dir == Dir::This => {
                    return Some(Cand::new(end, TimexType::Time, format!("{}TNI", ymd(dct))).with_day(Some(dct)));
                }
                _ => {
                    // "this morning", "this afternoon"
                    return None;
                }
            };
            return Some(Cand::date(end, v));
        }
        // "this morning", "this afternoon", "this evening"
        if let Some(p) = self.t.get(k).and_then(|t| t.entry).and_then(|e| e.day_part) {
            if dir == Dir::This && self.t[k].kind == Kind::Word {
                let v = match dct {
                    Some(d) => format!("{}T{p}", ymd(d)),
                    None => format!("XXXX-XX-XXT{p}"),
                };
                return Some(Cand::new(k + 1, TimexType::Time, v).with_day(dct));
            }
        }
        // month name: "last November", "this September"
        if let Some((end, m, _)) = self.month(k) {
            if self.day(end).is_some() {
                return None;
            }
            let v = match dct {
                Some(d) => ym(anchor::year_for_month(d, m, dir, self.tense(i, end)), m),
                None => format!("XXXX-{m:02}"),
            };
            return Some(Cand::date(end, v));
        }
        // season: "last fall", "this summer"
        if let Some(s) = self.t.get(k).and_then(|t| t.entry).and_then(|e| e.season) {
            // "this past spring": the latest one, even when it ended months ago.
            let this_past = dir_kw == Kw::This && self.kw(j + 1) == Kw::Past;
            let v = match dct {
                Some(d) if this_past => {
                    let y = anchor::season_year(d, s, Dir::This, Tense::Past);
                    let started = match s {
                        "SP" => 3,
                        "SU" => 6,
                        "FA" => 9,
                        _ => 12,
                    };
                    let y = if s != "WI" && d.month() < started { y - 1 } else { y };
                    format!("{y}-{s}")
                }
                Some(d) => format!("{}-{s}", anchor::season_year(d, s, dir, self.tense(i, k + 1))),
                None => format!("XXXX-{s}"),
            };
            return Some(Cand::date(k + 1, v));
        }
        // weekday: "last Friday", "next Monday", "this coming Sunday"
        if let Some((end, wd, _)) = self.weekday(k) {
            let mut c = self.weekday_value(i, end, wd, dir)?;
            // "this coming Sunday, March eighth"
            let mut e = c.end;
            if self.punct(e, ",") {
                e += 1;
            }
            if let Some(x) = self.month_day(e) {
                if x.day.is_some() {
                    c = Cand { end: x.end, ..x };
                }
            }
            return Some(c);
        }
        None
    }

    /// "early November", "mid-2024", "late 1990", "early Tuesday", "late last week" (handled by relative).
    fn edge_plain(&self, i: usize, j: usize) -> Option<Cand> {
        // "mid-afternoon", "late morning", "mid-afternoon yesterday", "early evening Friday"
        if let Some(p) = self.t.get(j).filter(|t| t.kind == Kind::Word).and_then(|t| t.entry).and_then(|e| e.day_part) {
            if self.is(j, "overnight") {
                return None;
            }
            let mut end = j + 1;
            let mut day = None;
            let after = match self.kw(end) {
                Kw::Today | Kw::Yesterday | Kw::Tomorrow => self.deictic(end),
                _ => self.weekday(end).and_then(
                    |(e, wd, weak)| {
                        if weak {
                            None
                        } else {
                            self.weekday_value(end, e, wd, Dir::Auto)
                        }
                    },
                ),
            };
            if let Some(c) = after.filter(|c| c.kind == TimexType::Date && c.day.is_some()) {
                day = c.day;
                end = c.end;
            }
            let v = match day.or(self.dct) {
                Some(d) => format!("{}T{p}", ymd(d)),
                None => format!("XXXX-XX-XXT{p}"),
            };
            return Some(Cand::new(end, TimexType::Time, v).with_day(day));
        }
        if let Some(c) = self.month_day(j) {
            if c.day.is_none() {
                return Some(c);
            }
        }
        if let Some(c) = self.year_expr(j) {
            return Some(c);
        }
        if let Some(c) = self.decade(j) {
            return Some(c);
        }
        if let Some(c) = self.deictic(j) {
            if matches!(self.kw(j), Kw::Today | Kw::Yesterday | Kw::Tomorrow) {
                return Some(c);
            }
        }
        if let Some((end, wd, false)) = self.weekday(j) {
            return self.weekday_value(i, end, wd, Dir::Auto);
        }
        None
    }

    /// Durations and "ago" expressions: "two weeks", "24 hours", "four-day",
    /// "a decade ago", "three years earlier", "two days later".
    fn measure_expr(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let the = matches!(self.kw(j), Kw::The | Kw::Its | Kw::That);
        if the {
            j += 1;
        }
        // "the first nine months", "the first two years"
        if the && self.kw(j) == Kw::None && self.t.get(j).and_then(|t| t.entry).is_some_and(|e| e.ordinal == 1) {
            j += 1;
        }
        // "the latest nine months", "the year-earlier nine months"
        if the && self.kw(i) == Kw::The {
            if self.kw(j) == Kw::Latest {
                j += 1;
            } else if self.kw(j) == Kw::Year && self.hyphen(j + 1) && matches!(self.kw(j + 2), Kw::Earlier | Kw::Ago) {
                j += 3;
            }
        }
        // ranges: "two to three weeks", "12 to 18 months", "two or three days"
        let mut range = false;
        if let Some((qe, _)) = self.qty(j) {
            if (self.is(qe, "to") || self.kw(qe) == Kw::Or)
                && self.qty(qe + 1).is_some_and(|(e2, _)| self.unit(e2).is_some())
            {
                j = qe + 1;
                range = true;
            }
        }
        let (mut end, mut q, u) = self.measure(j)?;
        // "will one day be": some time in the future, not a duration
        if j == i
            && self.is(i, "one")
            && end == i + 2
            && self.is(i + 1, "day")
            && i > 0
            && ["will", "would", "could", "might", "may", "can", "should", "shall"].iter().any(|m| self.is(i - 1, m))
        {
            return Some(Cand::date(end, "FUTURE_REF".into()));
        }
        if range {
            q = Qty::Vague;
        }
        let uw = end - 1;
        let hyphenated = (j..end).any(|k| self.hyphen(k));
        // "37 years old", "a 30-year-old"
        if self.is(end, "old") || self.hyphen(end) && self.is(end + 1, "old") {
            return None;
        }
        // "three-quarters", "a quarter of", "a second", "60 Minutes"; but "two
        // consecutive quarters of growth", "several quarters of losses" are times.
        let run_of =
            (j..end).any(|k| ["consecutive", "straight", "successive", "several", "few"].iter().any(|w| self.is(k, w)));
        if u == Unit::Quarter && (hyphenated || self.kw(end) == Kw::Of && !run_of || self.hyphen(end)) {
            return None;
        }
        if u == Unit::Second && matches!(self.kw(j), Kw::A | Kw::An) {
            return None;
        }
        if self.cap(uw) && self.same_sent(uw.saturating_sub(1), uw) && uw > i {
            return None;
        }
        // "$5 a year", "24 hours a day", "four flights a week": rates, not times.
        if !the
            && matches!(self.kw(i), Kw::A | Kw::An | Kw::Per)
            && q == Qty::N(1.0)
            && !matches!(self.kw(end), Kw::Ago | Kw::Earlier | Kw::Later)
        {
            let prev_num = i > 0
                && (self.is_num(i - 1)
                    || matches!(self.kw(i - 1), Kw::Times | Kw::Twice | Kw::Once)
                    || self.word(i - 1).ends_with("illion")
                    || self.t[i - 1].kind == Kind::Word
                        && !self.t[i - 1].cap
                        && self.word(i - 1).ends_with('s')
                        && i > 1
                        && (self.is_num(i - 2) || self.t[i - 2].entry.is_some_and(|e| e.cardinal.is_some())));
            if prev_num || self.kw(i) == Kw::Per {
                return None;
            }
        }
        // "15 million instructions per second"
        if i > 0 && self.kw(i - 1) == Kw::Per {
            return None;
        }
        // "24 hours a day", "seven days a week": a rate, not a duration
        if matches!(self.kw(end), Kw::A | Kw::An | Kw::Per) && matches!(self.unit(end + 1), Some((_, false))) {
            return None;
        }
        // "a year or so", "a year or two"
        if self.kw(end) == Kw::Or
            && (self.kw(end + 1) == Kw::So || self.qty(end + 1).is_some_and(|(e2, _)| self.unit(e2).is_none()))
        {
            end = self.qty(end + 1).map_or(end + 2, |(e2, _)| e2);
        }
        // "ago", "earlier", "from now"
        match self.kw(end) {
            Kw::Ago => return self.shift(i, end + 1, q, u, -1, false),
            Kw::Hence => return self.shift(i, end + 1, q, u, 1, false),
            Kw::From if self.kw(end + 1) == Kw::Now => return self.shift(i, end + 2, q, u, 1, false),
            // "in three weeks' time", "in a year's time": that long from now
            _ if matches!(self.word(end), "'" | "\u{2019}") && self.is(end + 1, "time") => {
                return self.shift(i, end + 2, q, u, 1, false)
            }
            _ if matches!(self.word(end), "'" | "\u{2019}") && self.is(end + 1, "s") && self.is(end + 2, "time") => {
                return self.shift(i, end + 3, q, u, 1, false)
            }
            Kw::Earlier if !the => return self.shift(i, end + 1, q, u, -1, true),
            _ => {}
        }
        // Adjectival durations leave their determiner out: "the [two-week] crisis".
        let start_ok = !(the && hyphenated);
        if !start_ok {
            return None;
        }
        let mut c = Cand::new(end, TimexType::Duration, duration_value(q, u));
        // "the first nine months", "the first half": a reporting period of several quarters
        if the && u == Unit::Month && matches!(q, Qty::N(n) if n >= 6.0 && n % 3.0 == 0.0) {
            c.months = true;
        }
        Some(c)
    }

    /// "the weekend", "recent years", "for years", "year-earlier", "the year",
    /// "the fiscal year".
    fn misc(&self, i: usize) -> Option<Cand> {
        let dct = self.dct;
        // "the summer", "the early summer": the season of the DCT year the tense points at
        if self.kw(i) == Kw::The {
            let mut j = i + 1;
            if matches!(self.kw(j), Kw::Early | Kw::Late) {
                j += 1;
            }
            if let Some(s) = self.t.get(j).and_then(|t| t.entry).and_then(|e| e.season) {
                let next = self.t.get(j + 1);
                // not "the summer of 1990" (season_of), "the fall in prices", "the Spring Festival"
                let free = !self.cap(j)
                    && next.is_none_or(|t| {
                        t.kind == Kind::Punct
                            || !self.same_sent(j, j + 1)
                            || t.entry.is_some_and(|e| e.flags & YEAR_FOLLOWER != 0 && e.kw != Kw::Of && e.kw != Kw::In)
                    });
                if free && !(s == "FA" && self.is(j, "fall") && j == i + 1) {
                    let v = match dct {
                        Some(d) => format!("{}-{s}", anchor::season_year(d, s, Dir::Auto, self.tense(i, j + 1))),
                        None => format!("XXXX-{s}"),
                    };
                    return Some(Cand::date(j + 1, v));
                }
            }
        }
        // "the weekend"
        if self.kw(i) == Kw::The && self.is(i + 1, "weekend") {
            let v = match dct {
                Some(d) => {
                    let wd = d.weekday().number_from_monday() as i64;
                    let future = self.tense(i, i + 2) == Tense::Future;
                    let base = if wd >= 6 || future { d } else { add_days(d, -7) };
                    format!("{}-WE", week(base))
                }
                None => "XXXX-WXX-WE".into(),
            };
            return Some(Cand::date(i + 2, v));
        }
        // Bare "the week" ("For the week, the index fell", "the week's busiest
        // session"): TBAQ tags it 4 times of 4, always as the DCT year with an
        // unknown week ("1989-WXX"). Not "the week of/before/after/ahead/ended",
        // nor "days of the week".
        if self.kw(i) == Kw::The && self.kw(i + 1) == Kw::Week && !self.hyphen(i + 2) {
            let blocked = matches!(
                self.kw(i + 2),
                Kw::Of | Kw::Before | Kw::After | Kw::Earlier | Kw::Ended | Kw::Ending | Kw::Ends
            ) || self.is(i + 2, "ahead")
                || self.is(i + 2, "later")
                || (i >= 2 && self.is(i - 1, "of") && (self.is(i - 2, "day") || self.is(i - 2, "days")));
            if !blocked {
                let v = match dct {
                    Some(d) => format!("{:04}-WXX", d.year()),
                    None => "XXXX-WXX".into(),
                };
                return Some(Cand::date(i + 2, v));
            }
        }
        // "It's the second day of the offensive", "today is the eighth day of
        // the blockade": the DCT's day (TBAQ 2 of 2).
        if self.kw(i) == Kw::The {
            if let Some((j, _)) = self.ordinal_word(i + 1) {
                let is = i >= 2
                    && (self.is(i - 1, "is")
                        || self.is(i - 1, "s") && (self.punct(i - 2, "'") || self.punct(i - 2, "\u{2019}")));
                let subj = if is && self.is(i - 1, "is") { i - 2 } else { i.saturating_sub(3) };
                if is && self.is(j, "day") && (self.is(subj, "it") || self.kw(subj) == Kw::Today) {
                    let v = dct.map_or("XXXX-XX-XX".to_string(), ymd);
                    return Some(Cand::date(j + 1, v).with_day(dct));
                }
            }
        }
        // "recent years", "recent weeks"
        if self.kw(i) == Kw::Recent {
            if let Some((u, true)) = self.unit(i + 1) {
                if u == Unit::Year {
                    return Some(Cand::date(i + 2, "PAST_REF".into()));
                }
                return Some(Cand::new(i + 2, TimexType::Duration, duration_value(Qty::Vague, u)));
            }
            return None;
        }
        // "a day-long meeting", "the decades-long feud"
        if let Some((u, plural)) = self.unit(i) {
            if self.hyphen(i + 1) && self.kw(i + 2) == Kw::Long && !matches!(u, Unit::Night | Unit::Weekend) {
                let q = if plural { Qty::Vague } else { Qty::N(1.0) };
                return Some(Cand::new(i + 3, TimexType::Duration, duration_value(q, u)));
            }
        }
        // "for years", "within weeks", "for decades"
        if let Some((u, true)) = self.unit(i) {
            let prev_ok =
                i > 0 && ["for", "within", "after", "took", "lasted", "spent"].iter().any(|w| self.is(i - 1, w));
            if prev_ok && !matches!(u, Unit::Night | Unit::Weekend) && !self.cap(i) {
                let mut end = i + 1;
                if self.kw(end) == Kw::Or && self.unit(end + 1).is_some_and(|x| x.1) {
                    end += 2;
                }
                return Some(Cand::new(end, TimexType::Duration, duration_value(Qty::Vague, u)));
            }
            // "the first time in years", "their highest level in decades"
            let superlative = |k: usize| {
                self.is(k, "first") || self.word(k).len() > 4 && self.word(k).ends_with("est") && !self.cap(k)
            };
            if i >= 3
                && self.is(i - 1, "in")
                && (superlative(i - 2) || superlative(i - 3) && self.t[i - 2].kind == Kind::Word)
                && stretch_unit(u)
                && !self.cap(i)
            {
                return Some(Cand::new(i + 1, TimexType::Duration, duration_value(Qty::Vague, u)));
            }
            // "In the years that followed", "in the months since"
            if i >= 2
                && self.is(i - 2, "in")
                && self.kw(i - 1) == Kw::The
                && (self.kw(i + 1) == Kw::That && self.is(i + 2, "followed") || self.kw(i + 1) == Kw::Since)
                && stretch_unit(u)
            {
                return Some(Cand::new(i + 1, TimexType::Duration, duration_value(Qty::Vague, u)));
            }
        }
        // "the week before last", "the year before last": two back
        if self.kw(i) == Kw::The && self.kw(i + 2) == Kw::Before && self.kw(i + 3) == Kw::Last {
            if let (Some((u @ (Unit::Week | Unit::Month | Unit::Year), false)), Some(d)) = (self.unit(i + 1), dct) {
                let v = match u {
                    Unit::Week => week(add_days(d, -14)),
                    Unit::Month => {
                        let m = add_months(d, -2);
                        ym(m.year(), m.month())
                    }
                    _ => format!("{:04}", d.year() - 2),
                };
                return Some(Cand::date(i + 4, v));
            }
        }
        // "ended the day at 8,017", "For the day, the index fell": the trading
        // day the text is about (MEANTIME 6 of 6; TBAQ has none).
        if self.kw(i) == Kw::The && self.kw(i + 1) == Kw::Day && i > 0 && !self.hyphen(i + 2) {
            const CLOSE: [&str; 13] = [
                "end",
                "ends",
                "ended",
                "ending",
                "finish",
                "finished",
                "finishing",
                "close",
                "closed",
                "closing",
                "start",
                "began",
                "for",
            ];
            if CLOSE.iter().any(|w| self.is(i - 1, w)) && !matches!(self.kw(i + 2), Kw::Before | Kw::After | Kw::Of) {
                let d = self.ref_day.filter(|r| r.1 == self.t[i].para).map(|r| r.0).or(dct);
                let v = d.map_or("XXXX-XX-XX".to_string(), ymd);
                return Some(Cand::date(i + 2, v).with_day(d));
            }
        }
        // "over the years", "in the weeks ahead": a vague stretch of time
        if self.kw(i) == Kw::The {
            if let Some((u, true)) = self.unit(i + 1) {
                let ahead = self.is(i + 2, "ahead");
                if (ahead || i > 0 && self.is(i - 1, "over")) && stretch_unit(u) && !self.cap(i + 1) {
                    let end = if ahead { i + 3 } else { i + 2 };
                    return Some(Cand::new(end, TimexType::Duration, duration_value(Qty::Vague, u)));
                }
            }
        }
        // "year-earlier", "year-ago" as adjectives (a following "quarter"/"period" is quarter()'s)
        if self.kw(i) == Kw::Year && self.hyphen(i + 1) && matches!(self.kw(i + 2), Kw::Earlier | Kw::Ago) {
            let v = match (self.quarter.filter(|_| !self.months_ctx), dct) {
                (Some((y, q, _)), _) => format!("{}-Q{q}", y - 1),
                (_, Some(d)) => format!("{:04}", d.year() - 1),
                _ => "XXXX".into(),
            };
            return Some(Cand::date(i + 3, v));
        }
        // "the same month a year ago", "the same week last year"
        if self.kw(i) == Kw::The && self.kw(i + 1) == Kw::Same {
            if let (Some((u, false)), Some(end)) = (self.unit(i + 2), self.year_back(i + 3)) {
                let base = self.ref_month.or(dct.map(|d| (d.year(), d.month())));
                let v = match (u, base) {
                    (Unit::Month, Some((y, m))) => ym(y - 1, m),
                    (Unit::Month, None) => "XXXX-XX".into(),
                    (Unit::Year, _) => return None,
                    (_, Some((y, _))) => format!("{:04}", y - 1),
                    (_, None) => "XXXX".into(),
                };
                return Some(Cand::date(end, v));
            }
        }
        // "the year", "the fiscal year", "the full year", "the current fiscal year"
        if self.kw(i) == Kw::The {
            let mut j = i + 1;
            let mut off = 0;
            let mut modifier = false;
            let mut whole = false;
            while matches!(self.kw(j), Kw::Fiscal | Kw::Full | Kw::Current | Kw::Latest | Kw::Whole | Kw::Entire) {
                if self.kw(j) == Kw::Latest {
                    off = -1;
                }
                whole |= matches!(self.kw(j), Kw::Full | Kw::Whole | Kw::Entire);
                modifier = true;
                j += 1;
            }
            if self.kw(j) == Kw::Year && !self.hyphen(j + 1) {
                let prep =
                    i > 0 && ["for", "in", "of", "during", "through", "throughout"].iter().any(|w| self.is(i - 1, w));
                if !modifier && !prep {
                    return None;
                }
                if matches!(self.kw(j + 1), Kw::Ended | Kw::Ending | Kw::Ends)
                    || self.is(j + 1, "to") && self.is_num(j + 2)
                {
                    return Some(Cand::new(j + 1, TimexType::Duration, "P1Y".into()));
                }
                if matches!(self.kw(j + 1), Kw::Before | Kw::After | Kw::Ago | Kw::Earlier) {
                    return None;
                }
                // "a loss in the fourth quarter of 2005 and for the entire year"
                // (in January): the year of the quarter the text reports on
                let year = match self.quarter.filter(|_| whole && off == 0) {
                    Some((y, _, _)) => Some(y),
                    None => dct.map(|d| d.year() + off),
                };
                let v = year.map_or("XXXX".to_string(), |y| format!("{y:04}"));
                return Some(Cand::date(j + 1, v));
            }
        }
        None
    }

    /// "two days ago" (sign -1), "in three weeks' time"/"three weeks from now" (+1);
    /// `narrative`: "three days later" counts from the last date named.
    fn shift(&self, _i: usize, end: usize, q: Qty, u: Unit, sign: i64, narrative: bool) -> Option<Cand> {
        let anchor = if narrative { self.ref_day().or(self.dct) } else { self.dct };
        let Qty::N(n) = q else {
            let v = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
            return Some(Cand::date(end, v.into()));
        };
        let Some(base) = anchor else {
            let v = match u {
                Unit::Year | Unit::Decade | Unit::Century => "XXXX",
                Unit::Month | Unit::Quarter => "XXXX-XX",
                Unit::Week | Unit::Fortnight => "XXXX-WXX",
                Unit::Hour | Unit::Minute | Unit::Second => "XXXX-XX-XXTXX:XX",
                _ => "XXXX-XX-XX",
            };
            return Some(Cand::date(end, v.into()));
        };
        let n = n.round() as i64;
        // "a year earlier" next to a fiscal quarter means the same quarter a year before.
        if matches!(u, Unit::Year) && n == 1 {
            if let Some((y, qq, _)) = self.quarter.filter(|_| !self.months_ctx) {
                {
                    let mut c = Cand::date(end, format!("{}-Q{qq}", y as i64 + sign));
                    c.quarter = None;
                    return Some(c);
                }
            }
        }
        let c = match u {
            Unit::Day | Unit::Night | Unit::Weekend => {
                let d = add_days(base, sign * n);
                Cand::date(end, ymd(d)).with_day(Some(d))
            }
            Unit::Week | Unit::Fortnight => {
                let mult = if u == Unit::Fortnight { 14 } else { 7 };
                let d = add_days(base, sign * n * mult);
                // "two weeks ago" counts back to a day (TBAQ 2 days to 1 week,
                // MEANTIME 1 day); "in two weeks" is a week.
                if sign < 0 && !narrative {
                    Cand::date(end, ymd(d)).with_day(Some(d))
                } else {
                    Cand::date(end, week(d))
                }
            }
            Unit::Month => {
                let d = add_months(base, (sign * n) as i32);
                Cand::date(end, ym(d.year(), d.month()))
            }
            Unit::Quarter => {
                let d = add_months(base, (sign * n * 3) as i32);
                Cand::date(end, format!("{}-Q{}", d.year(), quarter_of(d)))
            }
            Unit::Year => Cand::date(end, format!("{:04}", base.year() as i64 + sign * n)),
            Unit::Decade => Cand::date(end, format!("{:04}", base.year() as i64 + sign * n * 10)),
            Unit::Century => Cand::date(end, format!("{:02}", (base.year() as i64 + sign * n * 100) / 100)),
            Unit::Hour | Unit::Minute | Unit::Second => {
                Cand::new(end, TimexType::Time, format!("{}T{}", ymd(base), "XX:XX"))
            }
        };
        Some(c)
    }

    /// Clock times: "10pm", "10:30 a.m.", "22:09", "noon", "midnight".
    fn clock(&self, i: usize) -> Option<Cand> {
        // "10:35 a.m. (0735 GMT)": the same moment in another zone, part of
        // the time before it (TBAQ 1 of 1 untagged).
        if i >= 2 && self.punct(i - 1, "(") {
            let k = if self.punct(i - 2, ".") { i.checked_sub(3) } else { Some(i - 2) };
            if k.is_some_and(|k| matches!(self.kw(k), Kw::Am | Kw::Pm) || self.is(k, "a.m") || self.is(k, "p.m")) {
                return None;
            }
        }
        let (end, hh, mm) = self.clock_core(i)?;
        // a following day: "10 p.m. Tuesday", "noon Saturday", "midnight Friday"
        let mut date = None;
        let mut e = end;
        let after = if self.punct(end, ",") { end + 1 } else { end };
        let day_at = |k: usize| {
            self.weekday_expr(k)
                .or_else(|| self.month_day(k))
                .or_else(|| self.day_month(k))
                .or_else(|| match self.kw(k) {
                    Kw::Today | Kw::Yesterday | Kw::Tomorrow => self.deictic(k),
                    _ => None,
                })
                .filter(|c| c.kind == TimexType::Date && c.day.is_some())
        };
        // "3:30 pm local time on Thursday", "noon on Monday": the day after
        // "on" dates the time, and stays an expression of its own
        let mut on = end;
        if self.punct(on, ".") && self.glued(on) {
            on += 1;
        }
        if self.is(on, "local") && self.is(on + 1, "time") {
            on += 2;
        }
        let on_day = (self.kw(on) == Kw::On && !self.cap(on) && self.same_sent(end.saturating_sub(1), on + 1))
            .then(|| day_at(on + 1))
            .flatten();
        if let Some(c) = day_at(after) {
            date = c.day;
            e = c.end;
        } else if let Some(c) = on_day {
            date = c.day;
        } else if let Some(after) =
            [after, after + 1].into_iter().find(|&k| self.punct(k, "(") && (k == after || self.punct(after, ".")))
        {
            // "10:35 a.m. (0735 GMT) Friday", "at 4 in the morning (4 a.m. EDT
            // Thursday)": the day inside or right after a parenthesis gives the
            // date; the extent stays the clock time.
            if let Some(close) = (after + 1..(after + 12).min(self.n())).find(|&k| self.punct(k, ")")) {
                date = (after + 1..=close + 1)
                    .filter(|&k| self.t.get(k).is_some_and(|t| t.kind == Kind::Word))
                    .find_map(|k| day_at(k).and_then(|c| c.day));
            }
        }
        let dd = date.or(self.ref_day.filter(|r| r.1 == self.t[i].para).map(|r| r.0)).or(self.dct);
        let base = match dd {
            Some(d) => ymd(d),
            None => "XXXX-XX-XX".into(),
        };
        let z = self.utc(end);
        let v = if hh == 24 { format!("{base}T24:00{z}") } else { format!("{base}T{hh:02}:{mm:02}{z}") };
        Some(Cand::new(e, TimexType::Time, v).with_day(date))
    }

    /// (end, hour, minute) of a clock time.
    fn clock_core(&self, i: usize) -> Option<(usize, u32, u32)> {
        match self.kw(i) {
            // "High Noon" (a film), "high noon" (a showdown)
            Kw::Noon if i > 0 && self.is(i - 1, "high") => return None,
            Kw::Noon | Kw::Midday => return Some((i + 1, 12, 0)),
            Kw::Midnight => return Some((i + 1, 24, 0)),
            _ => {}
        }
        // "0800 UTC", "1630 GMT": four digits need a time zone
        if self.is_num(i) && self.nd(i) == 4 && matches!(self.kw(i + 1), Kw::Gmt | Kw::Utc) && !self.glued(i + 1) {
            let (h, m) = (self.num(i) as u32 / 100, self.num(i) as u32 % 100);
            if h <= 23 && m <= 59 {
                return Some((i + 2, h, m));
            }
        }
        if !self.is_num(i) || self.nd(i) > 2 {
            return None;
        }
        let mut h = self.num(i) as u32;
        let mut m = 0;
        let mut end = i + 1;
        let mut has_min = false;
        let dot_sep = self.punct(end, ".") && {
            let a = self.word(end + 2);
            matches!(self.kw(end + 2), Kw::Am | Kw::Pm)
                || a.eq_ignore_ascii_case("a.m")
                || a.eq_ignore_ascii_case("p.m")
        };
        if (self.punct(end, ":") || dot_sep)
            && self.glued(end)
            && self.is_num(end + 1)
            && self.glued(end + 1)
            && self.nd(end + 1) == 2
        {
            m = self.num(end + 1) as u32;
            end += 2;
            has_min = true;
            // seconds
            if self.punct(end, ":") && self.glued(end) && self.is_num(end + 1) && self.nd(end + 1) == 2 {
                end += 2;
            }
        }
        if h > 24 || m > 59 {
            return None;
        }
        let ampm = match self.kw(end) {
            Kw::Am => Some(false),
            Kw::Pm => Some(true),
            _ => {
                let w = self.word(end);
                if w.eq_ignore_ascii_case("a.m") {
                    Some(false)
                } else if w.eq_ignore_ascii_case("p.m") {
                    Some(true)
                } else {
                    None
                }
            }
        };
        if let Some(pm) = ampm {
            if h == 0 || h > 12 {
                return None;
            }
            end += 1;
            // "a.m." final period, only when glued and not ending the sentence:
            // kept before a date, a zone or a comma/parenthesis ("7:15 p.m.,",
            // "10:35 a.m. (0735 GMT)"; TBAQ 2 of 2), left out before a
            // lower-case word ("10 p.m. as he stood"; TBAQ 2 of 2).
            let punct_after = [",", ";", "(", ")"].iter().any(|c| self.punct(end + 1, c));
            if self.punct(end, ".")
                && self.glued(end)
                && (punct_after
                    || self.t.get(end + 1).is_some_and(|t| {
                        t.entry.is_some_and(|e| {
                            e.weekday > 0
                                || e.month > 0
                                || matches!(
                                    e.kw,
                                    Kw::Gmt
                                        | Kw::Utc
                                        | Kw::Est
                                        | Kw::Edt
                                        | Kw::Pst
                                        | Kw::Cet
                                        | Kw::Bst
                                        | Kw::Kst
                                        | Kw::Ist
                                        | Kw::Jst
                                )
                        })
                    }))
            {
                end += 1;
            }
            if pm && h < 12 {
                h += 12;
            } else if !pm && h == 12 {
                h = 0;
            }
        } else if self.is(end, "o") && self.punct(end + 1, "'") && self.kw(end + 2) == Kw::Oclock {
            end += 3;
        } else if !has_min
            && (1..=12).contains(&h)
            && (self.kw(end) == Kw::In && self.kw(end + 1) == Kw::The || self.kw(end) == Kw::At)
        {
            // "4 in the morning", "8 in the evening", "11 at night"
            let k = if self.kw(end) == Kw::At { end + 1 } else { end + 2 };
            let part = self.t.get(k).filter(|t| t.kind == Kind::Word).and_then(|t| t.entry).and_then(|e| e.day_part);
            match part {
                Some("MO") if self.kw(end) == Kw::In => h %= 12,
                Some("AF" | "EV") if self.kw(end) == Kw::In => h = h % 12 + 12,
                Some("NI") if self.kw(end) == Kw::At && self.is(k, "night") => {
                    if h >= 6 {
                        h = h % 12 + 12;
                    }
                }
                _ => return None,
            }
            end = k + 1;
        } else if !has_min {
            return None;
        } else {
            // "22:09" needs to look like a clock: minutes given; not a score "3:1"
            if i > 0 && self.t[i].glued && !self.punct(i - 1, "(") && !self.is(i - 1, "T") {
                return None;
            }
        }
        // time zones
        if matches!(
            self.kw(end),
            Kw::Gmt | Kw::Utc | Kw::Est | Kw::Edt | Kw::Pst | Kw::Cet | Kw::Bst | Kw::Kst | Kw::Ist | Kw::Jst
        ) {
            end += 1;
        }
        Some((end, h, m))
    }

    /// Bare years and "fiscal 2025", "mid-2024", "the year 2000", "year-end".
    fn year_expr(&self, i: usize) -> Option<Cand> {
        // "fiscal 1989", "fiscal year 1989", "FY2025", "FY 2025"
        if matches!(self.kw(i), Kw::Fiscal | Kw::Fy) {
            let mut j = i + 1;
            if self.kw(j) == Kw::Year {
                j += 1;
            }
            if let Some((end, y)) = self.year(j) {
                return Some(Cand::date(end, format!("{y:04}")));
            }
            // "fiscal '98" / "FY25"
            if self.is_num(j) && self.nd(j) == 2 && self.kw(i) == Kw::Fy {
                return Some(Cand::date(j + 1, format!("20{:02}", self.num(j))));
            }
            return None;
        }
        // "the year 2000", "the year two thousand"
        if self.kw(i) == Kw::The && self.kw(i + 1) == Kw::Year {
            if let Some((end, y)) = self.year(i + 2) {
                return Some(Cand::date(end, format!("{y:04}")));
            }
            return None;
        }
        // "year-end", "year end", "year's end"
        let year_end = if self.kw(i) != Kw::Year {
            None
        } else if self.hyphen(i + 1) && self.kw(i + 2) == Kw::End {
            Some(i + 3)
        } else if self.kw(i + 1) == Kw::End && !self.glued(i + 1) {
            Some(i + 2)
        } else if (self.punct(i + 1, "'") || self.punct(i + 1, "\u{2019}"))
            && self.is(i + 2, "s")
            && self.kw(i + 3) == Kw::End
        {
            Some(i + 4)
        } else {
            None
        };
        if let Some(end) = year_end {
            // "year-end results", "a year end bonus" are adjectives, still the year's end.
            let v = self.dct.map_or("XXXX".to_string(), |d| format!("{:04}", d.year()));
            return Some(Cand::date(end, v));
        }
        let (end, y) = self.year(i)?;
        if self.is_num(i) {
            // decades are handled elsewhere
            if self.glued(end) && (self.is(end, "s") || self.punct(end, "'")) {
                return None;
            }
            // "2025-26", "1990-91": a span of years; tag the first only when
            // followed by a short year (season names are not dates either).
            if self.hyphen(end) && self.is_num(end + 1) {
                return None;
            }
            let prev_ok = i > 0
                && (self.t[i - 1].entry.is_some_and(|e| e.flags & YEAR_PRECEDER != 0 || e.month > 0)
                    || self.punct(i - 1, "-") && i > 1 && matches!(self.kw(i - 2), Kw::Mid | Kw::Early | Kw::Late));
            // Event names: "2023 Asian Games", "the 2022 World Cup"; "the 2024
            // Election Act": a capitalised name after "the YEAR" is an edition of
            // something ("the 1988 period" is handled by quarter()). TimeML tags
            // the year (TBAQ: 5 of 6 such years), so it is kept, marked as a name.
            let the_name = (self.kw(i.wrapping_sub(1)) == Kw::The || i > 0 && self.punct(i - 1, "'"))
                && self.t.get(end).is_some_and(|t| t.kind == Kind::Word && t.cap)
                && self.same_sent(i, end);
            if self.event_name_after(end) || the_name {
                return (1900..=2100).contains(&y).then(|| Cand { name: true, ..Cand::date(end, format!("{y:04}")) });
            }
            let prev_det = i > 0
                && (matches!(self.kw(i - 1), Kw::The | Kw::Its | Kw::That | Kw::This)
                    || ["his", "her", "their", "our"].iter().any(|w| self.is(i - 1, w))
                    || self.is(i - 1, "s") && i > 1 && self.punct(i - 2, "'"));
            let next_plural =
                self.t.get(end).is_some_and(|t| t.kind == Kind::Word && !t.cap && self.word(end).ends_with('s'));
            if !(prev_ok || prev_det && !next_plural && (1900..=2100).contains(&y)) {
                if !(1900..=2100).contains(&y) {
                    return None;
                }
                if let Some(t) = self.t.get(end) {
                    if t.kind == Kind::Word
                        && !t.cap
                        && t.entry.is_none_or(|e| e.flags & YEAR_FOLLOWER == 0 && e.month == 0)
                    {
                        return None;
                    }
                    if t.kind == Kind::Punct && matches!(self.word(end), "%" | "$") {
                        return None;
                    }
                }
                // a number among numbers: "1990 to 2000 units"? keep.
                if i > 0 && (self.punct(i - 1, "$") || self.punct(i - 1, "#") || self.is(i - 1, "No")) {
                    return None;
                }
            }
        }
        Some(Cand::date(end, format!("{y:04}")))
    }

    /// Whether capitalised words after a year name an event: "2023 Asian Games".
    fn event_name_after(&self, end: usize) -> bool {
        let mut k = end;
        let mut seen = 0;
        while k < self.n() && seen < 4 && self.same_sent(k, end.saturating_sub(1)) {
            let t = &self.t[k];
            if t.kind != Kind::Word || !t.cap {
                break;
            }
            if t.entry.is_some_and(|e| e.month > 0 || e.weekday > 0) && seen == 0 {
                return false;
            }
            if t.entry.is_some_and(|e| e.flags & EVENT_NAME != 0) {
                return true;
            }
            k += 1;
            seen += 1;
        }
        false
    }

    /// "the 1990s", "1990s", "the '80s", "the early 1980s", "the nineties",
    /// "the 20th century".
    fn decade(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        if self.kw(j) == Kw::The {
            j += 1;
        }
        if matches!(self.kw(j), Kw::Early | Kw::Late | Kw::Mid) {
            j += 1;
            if self.hyphen(j) {
                j += 1;
            }
        }
        // 1990s
        if self.is_num(j) && self.nd(j) == 4 && self.num(j).is_multiple_of(10) {
            let mut e = j + 1;
            if self.punct(e, "'") && self.glued(e) {
                e += 1;
            }
            if self.glued(e) && self.is(e, "s") {
                return Some(Cand::date(e + 1, format!("{:03}", self.num(j) / 10)));
            }
        }
        // '80s, 80s
        let k = if (self.punct(j, "'") || self.punct(j, "\u{2019}")) && self.glued(j + 1) { j + 1 } else { j };
        if self.is_num(k)
            && self.nd(k) == 2
            && self.num(k).is_multiple_of(10)
            && self.glued(k + 1)
            && self.is(k + 1, "s")
            && (k > j || self.kw(i) == Kw::The)
        {
            let d = self.num(k) / 10;
            let c = if d <= 2 { 200 + d } else { 190 + d };
            return Some(Cand::date(k + 2, format!("{c:03}")));
        }
        // the nineties
        if j > i {
            let w = self.word(j);
            if let Some((_, d)) = DECADE_WORDS.iter().find(|(x, _)| w.eq_ignore_ascii_case(x)) {
                if self.kw(i) == Kw::The {
                    return Some(Cand::date(j + 1, format!("19{d}")));
                }
            }
        }
        // the 20th century; "a 20th century democrat", "the fabled 11th century temple"
        if self.kw(i) == Kw::The || j == i && self.is_num(i) {
            if let Some((e, o)) = self.day(j) {
                if self.kw(e) == Kw::Century || self.is(e, "century") {
                    return Some(Cand::date(e + 1, format!("{:02}", o - 1)));
                }
            }
        }
        None
    }

    /// Quarters and halves: "the third quarter", "third-quarter", "Q3 2025",
    /// "the fourth quarter of 1990", "the first half of 2025", "the quarter",
    /// "the year-earlier quarter", "the latest period".
    fn quarter(&self, i: usize) -> Option<Cand> {
        // "that quarter": the last quarter named.
        if self.kw(i) == Kw::That && self.kw(i + 1) == Kw::Quarter && !self.hyphen(i + 2) {
            let (y, q) = self.last_q?;
            return Some(Cand::date(i + 2, format!("{y:04}-Q{q}")));
        }
        let mut j = i;
        let mut explicit_year: Option<i32> = None;
        let mut year_off = 0;
        let mut latest = false;
        let mut current = false;
        let mut fiscal = false;
        // determiners and possessives
        let det = self.kw(j);
        match self.kw(j) {
            Kw::The | Kw::Its | Kw::This | Kw::That | Kw::A => j += 1,
            Kw::Next | Kw::Last if self.kw(j + 1) == Kw::Year && self.punct(j + 2, "'") => {
                year_off = if self.kw(j) == Kw::Next { 1 } else { -1 };
                j += 2;
                if self.is(j + 1, "s") {
                    j += 2;
                }
            }
            _ => {}
        }
        if self.kw(i) == Kw::This && self.kw(i + 1) == Kw::Year && self.punct(i + 2, "'") {
            j = i + 4;
        }
        // year-ago / year-earlier / comparable / corresponding
        if self.kw(j) == Kw::Year && self.hyphen(j + 1) && matches!(self.kw(j + 2), Kw::Ago | Kw::Earlier) {
            year_off = -1;
            j += 3;
        }
        while matches!(
            self.kw(j),
            Kw::Comparable | Kw::Corresponding | Kw::Fiscal | Kw::Latest | Kw::Current | Kw::Same
        ) || self.is(j, "flat")
            || self.is(j, "recent")
        {
            if matches!(self.kw(j), Kw::Latest) || self.is(j, "recent") {
                latest = true;
            }
            if self.kw(j) == Kw::Current {
                current = true;
            }
            if self.kw(j) == Kw::Fiscal {
                fiscal = true;
            }
            j += 1;
            if self.hyphen(j) {
                j += 1;
            }
        }
        // "the 1988 third quarter", "the 1988 period"
        if let Some((e, y)) = self.year(j) {
            if self.is_num(j) {
                explicit_year = Some(y);
                j = e;
            }
        }
        let mut ordinal = self.t.get(j).and_then(|t| t.entry).map_or(0, |e| e.ordinal);
        // "the final quarter" is the fourth
        if self.is(j, "final") && (self.kw(j + 1) == Kw::Quarter || self.hyphen(j + 1) && self.kw(j + 2) == Kw::Quarter)
        {
            ordinal = 4;
        }
        let mut k: usize;
        let mut q: Option<u32> = None;
        let mut half: Option<u32> = None;
        let mut nine_months = false;
        if (ordinal == 1 || self.is(j, "last")) && self.is(j + 1, "two") && self.is(j + 2, "quarters") && j > i {
            // "the first two quarters of 1990": a half
            half = Some(if ordinal == 1 { 1 } else { 2 });
            k = j + 3;
        } else if (1..=4).contains(&ordinal) || self.is_num(j) && (1..=4).contains(&self.num(j)) && self.glued(j + 1) {
            let n = if ordinal > 0 { ordinal } else { self.num(j) as u32 };
            k = j + 1;
            if ordinal == 0 && matches!(self.kw(k), Kw::St | Kw::Nd | Kw::Rd | Kw::Th) {
                k += 1;
            }
            let hy = self.hyphen(k);
            if hy {
                k += 1;
                // "the third-quarter loss": the determiner belongs to the noun.
                if j > i && matches!(det, Kw::The | Kw::Its | Kw::That | Kw::A) {
                    return None;
                }
            }
            if self.kw(k) == Kw::Quarter && self.hyphen(k + 1) {
                return None;
            }
            if self.kw(k) == Kw::Quarter {
                q = Some(n);
                k += 1;
            } else if self.kw(k) == Kw::Half && n <= 2 {
                half = Some(n);
                k += 1;
            } else {
                return None;
            }
        } else if self.kw(j) == Kw::Last && self.kw(j + 1) == Kw::Half && j > i {
            half = Some(2);
            k = j + 2;
        } else if self.kw(j) == Kw::Quarter || self.kw(j) == Kw::Period && j > i {
            // "the quarter", "the latest period", "the 1988 period"
            if j == i {
                return None;
            }
            k = j + 1;
        } else if self.is(j, "nine") && self.is(j + 1, "months") && j > i {
            nine_months = true;
            k = j + 2;
        } else {
            return None;
        }
        // "the quarter-to-quarter comparison": a kind of comparison, no quarter.
        if nine_months || self.hyphen(k) && self.is(k + 1, "to") {
            return None;
        }
        // "of 1990", "1990", "of this year", "of next year", "of the year"
        let mut e = k;
        let yk = if self.kw(e) == Kw::Of { e + 1 } else { e };
        if let Some((ye, y)) = self.year(yk) {
            if self.is_num(yk) {
                explicit_year = Some(y);
                e = ye;
            }
        } else if self.kw(e) == Kw::Of
            && matches!(self.kw(e + 1), Kw::This | Kw::Next | Kw::Last | Kw::The)
            && self.kw(e + 2) == Kw::Year
        {
            year_off += match self.kw(e + 1) {
                Kw::Next => 1,
                Kw::Last => -1,
                _ => 0,
            };
            e += 3;
        }
        let dct = self.dct;
        let ctx = self.quarter.map(|(y, q, _)| (y, q));
        // the quarter is the text's quarter, not one named here
        let mut from_ctx = false;
        let (year, qn) = if let Some(h) = half {
            // "the last half of the '80s": one expression, valued as the decade
            // (TBAQ 1 of 1; TimeML has no half-decade value).
            if explicit_year.is_none() && self.kw(k) == Kw::Of {
                if let Some(d) = self.decade(k + 1).filter(|d| d.kind == TimexType::Date) {
                    return Some(Cand::date(d.end, d.value));
                }
            }
            let y = explicit_year.or(dct.map(|d| d.year() + year_off));
            let mut c = Cand::date(
                e,
                match y {
                    Some(y) => format!("{y:04}-H{h}"),
                    None => format!("XXXX-H{h}"),
                },
            );
            // a half still to come is no results period
            c.months = !matches!((explicit_year, dct), (Some(y), Some(d)) if y > d.year());
            return Some(c);
        } else if let Some(qn) = q {
            let y = match explicit_year {
                Some(y) => Some(y),
                None => dct.map(|d| {
                    let mut y = d.year() + year_off;
                    // a quarter that has not started yet, in a past-tense clause, is last
                    // year's; one long over, in a future clause, next year's
                    // (the future only when the quarter sets the time: "will reopen in
                    // the second quarter", not "after a flat second quarter, it expects")
                    let sets_time = i > 0 && ["in", "by", "during", "until"].iter().any(|w| self.is(i - 1, w));
                    let tense = match self.tense(i, e) {
                        Tense::Future if !sets_time => Tense::Unknown,
                        t => t,
                    };
                    if year_off == 0 {
                        y += quarter_year_shift(qn, quarter_of(d), tense);
                    }
                    y
                }),
            };
            (y, Some(qn))
        } else {
            // "the quarter", "the latest period", "the year-ago quarter"
            let last_done = dct.map(|d| {
                let p = add_months(d, -3);
                (p.year(), quarter_of(p))
            });
            // "the latest quarter" is one that has ended, even after the text
            // has mentioned the current one ("a fourth-quarter charge"), unless
            // the current one is the quarter the report opened with: a company
            // reporting its "fourth quarter" in November has a fiscal year.
            let ctx = ctx.filter(|c| !latest || last_done.is_none_or(|l| *c <= l) || Some(*c) == self.first_q);
            let base = if current { dct.map(|d| (d.year(), quarter_of(d))) } else { ctx.or(last_done) };
            from_ctx = !current && ctx.is_some();
            if explicit_year.is_none()
                && year_off == 0
                && !latest
                && !current
                && self.kw(j) == Kw::Period
                && self.year_back(e).is_none()
            {
                return None;
            }
            // after "the first nine months", "the 1988 period" is that span of 1988
            if self.months_ctx && self.kw(j) == Kw::Period && !current {
                let y = explicit_year.or(dct.map(|d| d.year() + year_off));
                return Some(Cand::date(e, y.map_or("XXXX".into(), |y| format!("{y:04}"))));
            }
            match base {
                Some((y, qn)) => (Some(explicit_year.unwrap_or(y + year_off)), Some(qn)),
                None => (None, None),
            }
        };
        let mut qn = qn?;
        let mut year = year;
        // A quarter the text takes from its fiscal quarter ("the fiscal first
        // quarter ... the quarter ended Sept. 29") is that fiscal quarter.
        let from_fiscal = from_ctx && self.fiscal_q;
        // "the quarter ended Sept. 30": the calendar quarter holding most of
        // the three months before that date ("ended July 31" is Q2).
        if q.is_none() && explicit_year.is_none() && !from_fiscal && matches!(self.kw(e), Kw::Ended | Kw::Ending) {
            if let Some(c) = self.month_day(e + 1) {
                if let Some(d) = c.day {
                    let mid = add_days(d, -45);
                    qn = quarter_of(mid);
                    year = Some(mid.year());
                }
            }
        }
        // "the second quarter ended Oct. 31" (a fiscal quarter): the year of that date.
        if q.is_some() && explicit_year.is_none() && year_off == 0 && matches!(self.kw(e), Kw::Ended) {
            if let Some(d) = self.month_day(e + 1).and_then(|c| c.day) {
                year = Some(d.year());
            }
        }
        if j > i && matches!(det, Kw::Its | Kw::A | Kw::That) && explicit_year.is_none() && year_off == 0 {
            return None;
        }
        // "the same period last year", "the quarter a year ago", "the
        // corresponding quarter of the previous year": one expression, a year back.
        let mut back = false;
        if explicit_year.is_none() && year_off == 0 {
            if let Some(t) = self.year_back(e) {
                // "sales rose in February from the same period last year": the month
                // named in the sentence, a year back.
                if q.is_none() && self.kw(j) == Kw::Period {
                    if let Some((y, m, _)) = self.month_named.filter(|m| m.2 == self.t[i].sent) {
                        return Some(Cand::date(t, ym(y - 1, m)));
                    }
                }
                e = t;
                back = true;
                year = year.map(|y| y - 1);
            }
        }
        let mut c = Cand::date(
            e,
            match year {
                Some(y) => format!("{y:04}-Q{qn}"),
                None => format!("XXXX-Q{qn}"),
            },
        );
        c.latest = latest && q.is_none() && explicit_year.is_none() && year_off == 0 && !back;
        if let Some(y) = year {
            // "the 1988 quarter" looks back; it does not become the text's quarter
            // nor does a quarter still to come ("expect losses through the third
            // quarter of 1990", "to continue into the fourth quarter"):
            // results are reported for quarters that have ended or are ending.
            let done = self.dct.is_none_or(|d| {
                let p = add_months(d, -3);
                (y, qn) <= (p.year(), quarter_of(p))
                    || (y, qn) == (d.year(), quarter_of(d)) && self.tense(i, e) != Tense::Future
            });
            if year_off == 0 && !back && (explicit_year.is_none() || q.is_some()) && done {
                c.quarter = Some((y, qn));
                c.fiscal = fiscal && q.is_some() || from_fiscal;
            }
        }
        Some(c)
    }

    /// End of a "one year back" tail at token k: "last year", "of last year",
    /// "of the previous year", "a year ago", "a year earlier", "the year before".
    fn year_back(&self, k: usize) -> Option<usize> {
        let k0 = if self.kw(k) == Kw::Of { k + 1 } else { k };
        match (self.kw(k0), self.kw(k0 + 1), self.kw(k0 + 2)) {
            (Kw::Last, Kw::Year, _) => Some(k0 + 2),
            (Kw::The, Kw::Last | Kw::Previous, Kw::Year) => Some(k0 + 3),
            (Kw::A, Kw::Year, Kw::Ago | Kw::Earlier) if k0 == k => Some(k0 + 3),
            (Kw::The, Kw::Year, Kw::Before) if k0 == k => Some(k0 + 3),
            _ => None,
        }
    }

    /// "Q3", "Q3 2025", "3Q".
    fn quarter_num(&self, i: usize) -> Option<Cand> {
        let half = match self.kw(i) {
            Kw::Q => false,
            Kw::H => true,
            _ => return None,
        };
        if !self.cap(i) || !self.is_num(i + 1) || !self.glued(i + 1) || self.nd(i + 1) != 1 {
            return None;
        }
        let n = self.num(i + 1) as u32;
        if n == 0 || n > 4 || half && n > 2 {
            return None;
        }
        let mut end = i + 2;
        let year = if let Some((e, y)) = self.year(end).or_else(|| self.year(end + 1).filter(|_| self.punct(end, ",")))
        {
            end = e;
            Some(y)
        } else if self.punct(end, "'") && self.is_num(end + 1) && self.nd(end + 1) == 2 {
            end += 2;
            Some(2000 + self.num(end - 1) as i32)
        } else {
            // "will reopen in Q2" in a December story: next year's
            self.dct.map(|d| {
                let shift = if half { 0 } else { quarter_year_shift(n, quarter_of(d), self.tense(i, end)) };
                d.year() + shift
            })
        };
        let letter = if half { "H" } else { "Q" };
        let v = match year {
            Some(y) => format!("{y:04}-{letter}{n}"),
            None => format!("XXXX-{letter}{n}"),
        };
        let mut c = Cand::date(end, v);
        if let (false, Some(y)) = (half, year) {
            c.quarter = Some((y, n));
        }
        Some(c)
    }

    /// SET: "every year", "each Monday", "daily", "weekly", "annually".
    fn set(&self, i: usize) -> Option<Cand> {
        let simple = match self.kw(i) {
            // "average daily volume" is a statistic, not a recurrence (TBAQ 0 of 2).
            Kw::Daily if i > 0 && self.is(i - 1, "average") => return None,
            Kw::Daily => Some("P1D"),
            Kw::Weekly => Some("P1W"),
            Kw::Monthly => Some("P1M"),
            Kw::Yearly => Some("P1Y"),
            // "annually" is left untagged: TBAQ tags it 2 times of 6.
            Kw::Annually => return None,
            Kw::Hourly => Some("PT1H"),
            Kw::Nightly => Some("P1D"),
            _ => None,
        };
        if let Some(v) = simple {
            return Some(Cand::new(i + 1, TimexType::Set, v.into()));
        }
        if !matches!(self.kw(i), Kw::Every | Kw::Each | Kw::Per) {
            return None;
        }
        // "instructions per second", "$5 per year" are rates; "twice per week" is a set.
        if self.kw(i) == Kw::Per && !(i > 0 && matches!(self.kw(i - 1), Kw::Times | Kw::Twice | Kw::Once)) {
            return None;
        }
        let mut j = i + 1;
        if self.kw(j) == Kw::Other {
            let (u, _) = self.unit(j + 1)?;
            return Some(Cand::new(j + 2, TimexType::Set, duration_value(Qty::N(2.0), u)));
        }
        if self.kw(j) == Kw::Single {
            j += 1;
        }
        if let Some((u, _)) = self.unit(j) {
            let v = match u {
                Unit::Weekend => "XXXX-WXX-WE".to_string(),
                Unit::Night => "XXXX-XX-XXTNI".to_string(),
                _ => duration_value(Qty::N(1.0), u),
            };
            return Some(Cand::new(j + 1, TimexType::Set, v));
        }
        if let Some((end, q, u)) = self.measure(j) {
            return Some(Cand::new(end, TimexType::Set, duration_value(q, u)));
        }
        if self.kw(i) == Kw::Per {
            return None;
        }
        if let Some((end, wd, _)) = self.weekday(j) {
            if let Some(p) = self.t.get(end).and_then(|t| t.entry).and_then(|e| e.day_part) {
                return Some(Cand::new(end + 1, TimexType::Set, format!("XXXX-WXX-{wd}T{p}")));
            }
            return Some(Cand::new(end, TimexType::Set, format!("XXXX-WXX-{wd}")));
        }
        if let Some((end, m, _)) = self.month(j) {
            return Some(Cand::new(end, TimexType::Set, format!("XXXX-{m:02}")));
        }
        if let Some(s) = self.t.get(j).and_then(|t| t.entry).and_then(|e| e.season) {
            return Some(Cand::new(j + 1, TimexType::Set, format!("XXXX-{s}")));
        }
        if let Some(p) = self.t.get(j).and_then(|t| t.entry).and_then(|e| e.day_part) {
            return Some(Cand::new(j + 1, TimexType::Set, format!("XXXX-XX-XXT{p}")));
        }
        None
    }

    /// Fixed holidays: "Christmas", "New Year's Day", "Thanksgiving".
    fn holiday(&self, i: usize) -> Option<Cand> {
        if !self.cap(i) {
            return None;
        }
        let lex = &*super::lexicon::LEXICON;
        let mut found: Option<(usize, u32, u32)> = None;
        if self.t[i].entry.is_some_and(|e| e.flags & HOLIDAY_HEAD != 0) {
            'outer: for (parts, m, d) in &lex.holidays {
                let mut k = i;
                for p in parts {
                    while self.punct(k, "'") || self.punct(k, "\u{2019}") {
                        k += 1;
                    }
                    if !self.is(k, p) {
                        continue 'outer;
                    }
                    k += 1;
                }
                found = Some((k, *m as u32, *d as u32));
                break;
            }
        }
        let (end, date_of) = if let Some((end, m, d)) = found {
            (end, Box::new(move |y: i32| NaiveDate::from_ymd_opt(y, m, d)) as Box<dyn Fn(i32) -> Option<NaiveDate>>)
        } else if self.kw(i) == Kw::Thanksgiving {
            let end = if self.is(i + 1, "Day") { i + 2 } else { i + 1 };
            (end, Box::new(|y: i32| anchor::nth_weekday(y, 11, 4, 4)) as Box<dyn Fn(i32) -> Option<NaiveDate>>)
        } else if self.kw(i) == Kw::Easter {
            // "Easter", "Easter Sunday", "Easter Monday"; "Easter week" is the
            // ISO week that ends on Easter Sunday.
            let (end, shift) = if self.is(i + 1, "Sunday") || self.is(i + 1, "Day") {
                (i + 2, 0)
            } else if self.is(i + 1, "Monday") {
                (i + 2, 1)
            } else if self.is(i + 1, "week") {
                let tense = self.tense(i, i + 2);
                let y = self.dct.map(|d| {
                    let e = anchor::easter(d.year());
                    match tense {
                        Tense::Past if add_days(e, -6) > d => d.year() - 1,
                        Tense::Future if e < d => d.year() + 1,
                        _ => d.year(),
                    }
                });
                let v = y.map_or("XXXX-WXX".to_string(), |y| week(anchor::easter(y)));
                return Some(Cand::date(i + 2, v));
            } else {
                (i + 1, 0)
            };
            (
                end,
                Box::new(move |y: i32| Some(add_days(anchor::easter(y), shift)))
                    as Box<dyn Fn(i32) -> Option<NaiveDate>>,
            )
        } else if self.kw(i) == Kw::Election && self.is(i + 1, "Day") {
            // US general election: the Tuesday after the first Monday in November.
            (
                i + 2,
                Box::new(|y: i32| anchor::nth_weekday(y, 11, 1, 1).map(|d| add_days(d, 1)))
                    as Box<dyn Fn(i32) -> Option<NaiveDate>>,
            )
        } else {
            return None;
        };
        // explicit year: "Christmas 2024"
        if let Some((ye, y)) = self.year(end) {
            let d = date_of(y)?;
            return Some(Cand::date(ye, ymd(d)).with_day(Some(d)));
        }
        let Some(dct) = self.dct else {
            return Some(Cand::date(end, "XXXX-XX-XX".into()));
        };
        let tense = self.tense(i, end);
        let cands: Vec<NaiveDate> = (dct.year() - 1..=dct.year() + 1).filter_map(&date_of).collect();
        let pick = match tense {
            Tense::Past => cands.iter().rev().find(|c| **c <= dct),
            Tense::Future => cands.iter().find(|c| **c >= dct),
            Tense::Unknown => cands.iter().min_by_key(|c| (**c - dct).num_days().abs()),
        }?;
        let _ = Datelike::year(pick);
        Some(Cand::date(end, ymd(*pick)).with_day(Some(*pick)))
    }

    /// "the beginning of October", "the end of 1990", "the end of the year",
    /// "the middle of October", "the end of the month".
    fn part_of(&self, i: usize) -> Option<Cand> {
        if self.kw(i) != Kw::The
            || !matches!(self.kw(i + 1), Kw::Beginning | Kw::End | Kw::Start | Kw::Middle | Kw::Turn)
            || self.kw(i + 2) != Kw::Of
        {
            return None;
        }
        let j = i + 3;
        if let Some(c) = self.month_day(j).or_else(|| self.year_expr(j)).or_else(|| self.relative(j)) {
            if c.day.is_none() {
                return Some(Cand { day: None, ..c });
            }
        }
        if self.kw(j) == Kw::The {
            if let Some((u, false)) = self.unit(j + 1) {
                let dct = self.dct;
                let v = match (u, dct) {
                    (Unit::Year, Some(d)) => format!("{:04}", d.year()),
                    (Unit::Month, Some(d)) => ym(d.year(), d.month()),
                    (Unit::Week, Some(d)) => week(d),
                    (Unit::Year, None) => "XXXX".into(),
                    (Unit::Month, None) => "XXXX-XX".into(),
                    _ => return None,
                };
                return Some(Cand::date(j + 2, v));
            }
        }
        None
    }

    /// "the last week of March", "the first week of June 2009": the ISO week
    /// holding most of that week of the month.
    fn week_of_month(&self, i: usize) -> Option<Cand> {
        if self.kw(i) != Kw::The || self.kw(i + 2) != Kw::Week || self.kw(i + 3) != Kw::Of {
            return None;
        }
        let last = matches!(self.kw(i + 1), Kw::Last) || self.is(i + 1, "final");
        let n = self.t.get(i + 1).and_then(|t| t.entry).map_or(0, |e| e.ordinal);
        if !last && !(1..=5).contains(&n) {
            return None;
        }
        let c = self.month_day(i + 4)?;
        if c.day.is_some() || c.value.len() != 7 {
            return None;
        }
        let v = match c.value[..4].parse::<i32>() {
            Ok(y) => {
                let m: u32 = c.value[5..7].parse().ok()?;
                let first = NaiveDate::from_ymd_opt(y, m, 1)?;
                let d = if last { add_days(add_months(first, 1), -4) } else { add_days(first, 3 + 7 * (n as i64 - 1)) };
                week(d)
            }
            Err(_) => "XXXX-WXX".to_string(),
        };
        Some(Cand::date(c.end, v))
    }

    /// A season with its year: "the winter of 1994", "summer 1990", "the
    /// spring of nineteen ninety-one".
    fn season_of_year(&self, i: usize) -> Option<Cand> {
        let the = self.kw(i) == Kw::The;
        let j = if the { i + 1 } else { i };
        let s = self.t.get(j).and_then(|t| t.entry).and_then(|e| e.season)?;
        if self.t[j].kind != Kind::Word || self.cap(j) && j > 0 && self.same_sent(j - 1, j) {
            return None;
        }
        let of = self.kw(j + 1) == Kw::Of;
        let k = if of { j + 2 } else { j + 1 };
        let (end, y) = self.year(k)?;
        // "prices fall 2000 points": without "of", digits and "the" or a preposition
        let prep = i > 0
            && ["in", "during", "since", "by", "until", "through", "from", "for", "of", "before", "after"]
                .iter()
                .any(|w| self.is(i - 1, w));
        if !of && (!self.is_num(k) || self.unit(end).is_some() || !(the || prep)) {
            return None;
        }
        Some(Cand::date(end, format!("{y:04}-{s}")))
    }

    /// Narrative time: "the next day", "the following day", "the day before",
    /// "the previous day", "that day", "the same day", "the following week",
    /// "that year", "earlier that day".
    fn narrative(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        if matches!(self.kw(j), Kw::Earlier | Kw::Later) && self.kw(j + 1) == Kw::That {
            j += 1;
        }
        // "the previous Friday", "the following Monday": counted from the last day named
        if j == i && self.kw(j) == Kw::The && matches!(self.kw(j + 1), Kw::Previous | Kw::Following) {
            if let Some((end, wd, false)) = self.weekday(j + 2) {
                let dir = if self.kw(j + 1) == Kw::Previous { Dir::Last } else { Dir::Next };
                let base = self.ref_day().or(self.dct);
                return Some(match base {
                    Some(b) => {
                        let d = anchor::weekday(b, wd, dir, Tense::Unknown);
                        Cand::date(end, ymd(d)).with_day(Some(d))
                    }
                    None => Cand::date(end, format!("XXXX-WXX-{wd}")),
                });
            }
        }
        // "the next morning", "that evening", "the previous night": a part of
        // the day, counted from the last day named.
        let part_at =
            |k: usize| self.t.get(k).filter(|t| t.kind == Kind::Word).and_then(|t| t.entry).and_then(|e| e.day_part);
        let part = match (self.kw(j), self.kw(j + 1)) {
            (Kw::The, Kw::Next | Kw::Following) => part_at(j + 2).map(|p| (j + 3, 1, p)),
            (Kw::The, Kw::Previous) => part_at(j + 2).map(|p| (j + 3, -1, p)),
            (Kw::That, _) => part_at(j + 1).map(|p| (j + 2, 0, p)),
            _ => None,
        };
        if let Some((end, off, p)) = part.filter(|x| !self.is(x.0 - 1, "overnight")) {
            let d = self.ref_day().map(|b| add_days(b, off));
            let v = match d {
                Some(d) => format!("{}T{p}", ymd(d)),
                None => format!("XXXX-XX-XXT{p}"),
            };
            return Some(Cand::new(end, TimexType::Time, v).with_day(d));
        }
        // "the day before last Tuesday", "the day after Nov. 3": a day from a day;
        // "the week of March 6": the week holding that day.
        if j == i && self.kw(j) == Kw::The {
            let k = j + 2;
            let inner =
                |k: usize| self.core(k).filter(|c| c.kind == TimexType::Date && c.day.is_some() && c.value.len() == 10);
            match (self.kw(j + 1), self.kw(k)) {
                (Kw::Day, Kw::Before | Kw::After) => {
                    if let Some(c) = inner(k + 1) {
                        let d = add_days(c.day?, if self.kw(k) == Kw::Before { -1 } else { 1 });
                        return Some(Cand::date(c.end, ymd(d)).with_day(Some(d)));
                    }
                }
                (Kw::Week, Kw::Of) => {
                    if let Some(c) = inner(k + 1) {
                        return Some(Cand::date(c.end, week(c.day?)));
                    }
                }
                _ => {}
            }
        }
        let (end, off, u) = match (self.kw(j), self.kw(j + 1), self.kw(j + 2)) {
            (Kw::The, Kw::Next | Kw::Following, _) => {
                let (u, false) = self.unit(j + 2)? else {
                    return None;
                };
                (j + 3, 1, u)
            }
            (Kw::The, Kw::Previous, _) => {
                let (u, false) = self.unit(j + 2)? else {
                    return None;
                };
                (j + 3, -1, u)
            }
            (Kw::The, Kw::Same, _) | (Kw::That, Kw::Same, _) => {
                let (u, false) = self.unit(j + 2)? else {
                    return None;
                };
                (j + 3, 0, u)
            }
            (Kw::The, Kw::Day | Kw::Year | Kw::Week | Kw::Month, Kw::Before | Kw::After) => {
                let (u, _) = self.unit(j + 1)?;
                // "the day after the election" compares with something else
                if self.kw(j + 2) == Kw::After
                    && self.t.get(j + 3).is_some_and(|t| t.kind == Kind::Word && !t.cap)
                    && self.same_sent(j, j + 3)
                    && !matches!(self.kw(j + 3), Kw::And | Kw::Or | Kw::So)
                {
                    return None;
                }
                if self.kw(j + 2) == Kw::Before
                    && self.t.get(j + 3).is_some_and(|t| t.kind == Kind::Word && !t.cap)
                    && self.same_sent(j, j + 3)
                    && !matches!(self.kw(j + 3), Kw::And | Kw::Or | Kw::So)
                {
                    return None;
                }
                (j + 3, if self.kw(j + 2) == Kw::Before { -1 } else { 1 }, u)
            }
            (Kw::That, Kw::Day | Kw::Year | Kw::Week | Kw::Month, _) => {
                let (u, _) = self.unit(j + 1)?;
                (j + 2, 0, u)
            }
            (Kw::That, _, _) => {
                let (u, _) = self.unit(j + 1)?;
                if !matches!(u, Unit::Night) {
                    return None;
                }
                (j + 2, 0, u)
            }
            _ => return None,
        };
        if u == Unit::Year {
            if let Some(y) = self.ref_year.or(self.ref_day().map(|d| d.year())) {
                return Some(Cand::date(end, format!("{:04}", y as i64 + off)));
            }
        }
        // "In March ... The following month": the last month named (a day
        // names its month too, so this is never older than the last day).
        if u == Unit::Month {
            if let Some((y, m)) = self.ref_month {
                let d = add_months(NaiveDate::from_ymd_opt(y, m, 1)?, off as i32);
                return Some(Cand::date(end, ym(d.year(), d.month())));
            }
        }
        let base = self.ref_day();
        let Some(b) = base else {
            // "trades made that day" with no day named before: generic, not a
            // date of the text (TBAQ 0 of 2 tagged).
            if self.kw(j) == Kw::That && self.dct.is_some() {
                return None;
            }
            let v = match u {
                Unit::Year => "XXXX",
                Unit::Month => "XXXX-XX",
                Unit::Week => "XXXX-WXX",
                _ => "XXXX-XX-XX",
            };
            return Some(Cand::date(end, v.into()));
        };
        Some(match u {
            Unit::Day => {
                let d = add_days(b, off);
                Cand::date(end, ymd(d)).with_day(Some(d))
            }
            Unit::Night => Cand::new(end, TimexType::Time, format!("{}TNI", ymd(add_days(b, off)))),
            Unit::Week => Cand::date(end, week(add_days(b, 7 * off))),
            Unit::Month => {
                let d = add_months(b, off as i32);
                Cand::date(end, ym(d.year(), d.month()))
            }
            Unit::Year => Cand::date(end, format!("{:04}", b.year() as i64 + off)),
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::run;

    #[test]
    fn headline_weekday_does_not_take_the_date_line() {
        let text = "Airline will delay launch until Friday\nSeptember 18, 2008\nThe airline said on Monday that the flight will leave Friday.";
        let dct = chrono::NaiveDate::from_ymd_opt(2008, 9, 18);
        let found = run(text, dct);
        let spans: Vec<(&str, &str)> =
            found.iter().map(|t| (&text[t.span.start..t.span.end], t.value.as_str())).collect();
        assert_eq!(spans[0], ("Friday", "2008-09-19"));
        assert_eq!(spans[1], ("September 18, 2008", "2008-09-18"));
    }
}
