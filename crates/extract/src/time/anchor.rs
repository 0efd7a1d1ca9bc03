//! Calendar arithmetic and the choice of year / week for underspecified
//! expressions, given the document date and the tense of the clause.

use chrono::{Datelike, Duration, NaiveDate};

/// What the clause around an expression says about when it happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    Unknown,
}

/// Which occurrence of a named day, month or season is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dir {
    /// "last Friday": strictly before the document date.
    Last,
    /// "next Friday": strictly after.
    Next,
    /// "this Friday": in the current week / year.
    This,
    /// A bare name: decided by the tense of the clause.
    Auto,
}

pub(crate) fn ymd(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

pub(crate) fn ym(y: i32, m: u32) -> String {
    format!("{y:04}-{m:02}")
}

pub(crate) fn week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

pub(crate) fn quarter_of(d: NaiveDate) -> u32 {
    (d.month() - 1) / 3 + 1
}

pub(crate) fn add_days(d: NaiveDate, n: i64) -> NaiveDate {
    d.checked_add_signed(Duration::days(n)).unwrap_or(d)
}

/// Add months, keeping the day when it exists (clamped otherwise).
pub(crate) fn add_months(d: NaiveDate, n: i32) -> NaiveDate {
    let total = d.year() * 12 + d.month0() as i32 + n;
    let (y, m) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
    let mut day = d.day();
    loop {
        if let Some(x) = NaiveDate::from_ymd_opt(y, m, day) {
            return x;
        }
        if day <= 28 {
            return d;
        }
        day -= 1;
    }
}

/// The date of weekday `wd` (1 = Monday) meant relative to `dct`.
pub(crate) fn weekday(dct: NaiveDate, wd: u32, dir: Dir, tense: Tense) -> NaiveDate {
    let d0 = dct.weekday().number_from_monday() as i64;
    let wd = wd as i64;
    let back = (d0 - wd).rem_euclid(7);
    let fwd = (wd - d0).rem_euclid(7);
    let offset = match dir {
        Dir::Last => -(if back == 0 { 7 } else { back }),
        Dir::Next => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        Dir::This => wd - d0,
        Dir::Auto => match tense {
            Tense::Future => fwd,
            _ => -back,
        },
    };
    add_days(dct, offset)
}

/// The year of a month/day given without one: the closest occurrence,
/// pulled towards the past or future by the tense.
pub(crate) fn year_for_day(dct: NaiveDate, m: u32, d: u32, tense: Tense) -> Option<i32> {
    let y = dct.year();
    let cands: Vec<NaiveDate> = (y - 1..=y + 1).filter_map(|yy| NaiveDate::from_ymd_opt(yy, m, d)).collect();
    if cands.is_empty() {
        return None;
    }
    let past = cands.iter().rev().find(|c| **c <= dct).copied();
    let future = cands.iter().find(|c| **c >= dct).copied();
    let dist = |c: NaiveDate| (c - dct).num_days().abs();
    let nearest = *cands.iter().min_by_key(|c| dist(**c))?;
    let pick = match (tense, past, future) {
        (Tense::Past, Some(p), Some(f)) if dist(p) > 200 && dist(f) < 100 => f,
        (Tense::Past, Some(p), _) => p,
        (Tense::Future, Some(p), Some(f)) if dist(f) > 200 && dist(p) < 100 => p,
        (Tense::Future, _, Some(f)) => f,
        _ => nearest,
    };
    Some(pick.year())
}

/// The year of a month named without one.
pub(crate) fn year_for_month(dct: NaiveDate, m: u32, dir: Dir, tense: Tense) -> i32 {
    let y = dct.year();
    let dm = dct.month() as i32;
    let m = m as i32;
    match dir {
        // "last February" said in March is a year ago (the month just gone is "last month").
        Dir::Last => {
            if m < dm - 1 {
                y
            } else {
                y - 1
            }
        }
        Dir::Next => {
            if m > dm {
                y
            } else {
                y + 1
            }
        }
        Dir::This => y,
        Dir::Auto => match tense {
            Tense::Past if m > dm && m - dm <= 1 => y,
            Tense::Past => {
                if m <= dm {
                    y
                } else {
                    y - 1
                }
            }
            Tense::Future if m < dm && dm - m <= 1 => y,
            Tense::Future => {
                if m >= dm {
                    y
                } else {
                    y + 1
                }
            }
            // Without a tense, news mostly looks back: later months are last
            // year's, except early months seen from the end of the year.
            Tense::Unknown => {
                if m - dm > 4 {
                    y - 1
                } else if dm - m > 9 {
                    y + 1
                } else {
                    y
                }
            }
        },
    }
}

/// Season codes in calendar order and the months they (roughly) start and end.
pub(crate) fn season_year(dct: NaiveDate, code: &str, dir: Dir, tense: Tense) -> i32 {
    let y = dct.year();
    let m = dct.month();
    // Month in which the season ends (winter: February of the next year counts as the same winter).
    let (start, end) = match code {
        "SP" => (3, 5),
        "SU" => (6, 8),
        "FA" => (9, 11),
        _ => (12, 14),
    };
    let current = m >= start && m <= end || (code == "WI" && m <= 2);
    let winter_y = if code == "WI" && m <= 2 { y - 1 } else { y };
    match dir {
        Dir::This => winter_y,
        Dir::Last => {
            if code == "WI" {
                if m <= 2 {
                    y - 2
                } else {
                    y - 1
                }
            } else if m > end && m <= end + 3 {
                y
            } else {
                y - 1
            }
        }
        Dir::Next => {
            if code == "WI" {
                if m <= 2 {
                    y
                } else if m == 12 {
                    y + 1
                } else {
                    y
                }
            } else if m < start {
                y
            } else {
                y + 1
            }
        }
        Dir::Auto => {
            if current {
                winter_y
            } else {
                match tense {
                    Tense::Past => {
                        if code != "WI" && m > end {
                            y
                        } else {
                            y - 1
                        }
                    }
                    _ => {
                        if code == "WI" || m < start {
                            y
                        } else {
                            y + 1
                        }
                    }
                }
            }
        }
    }
}

/// Easter Sunday of year `y` (Gregorian calendar, anonymous algorithm).
pub(crate) fn easter(y: i32) -> NaiveDate {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, month as u32, day as u32).unwrap_or_default()
}

/// Date of the `n`th `wd` of month `m` (US holidays: Thanksgiving).
pub(crate) fn nth_weekday(y: i32, m: u32, wd: u32, n: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let d0 = first.weekday().number_from_monday();
    let offset = (wd + 7 - d0) % 7 + (n - 1) * 7;
    NaiveDate::from_ymd_opt(y, m, 1 + offset)
}
