//! Timelines drawn from linked events: Graphviz DOT (we write the DOT
//! ourselves; `dot` renders it) and plain text for a terminal.
//!
//! The DOT picture is a grid drawn as one HTML-like table, because a grid is
//! what makes a timeline readable and Graphviz's ranking cannot be trusted
//! to keep lanes straight: time runs left to right in columns (months,
//! quarters or years, whichever keeps the picture a sensible width; only
//! periods with events are drawn), and each lane is one actor (the most
//! active actors, then "other actors") or one year (columns are then the
//! twelve months). Each event is a box: date and type, the other
//! participants, place and number of independent sources. Occurred events
//! are solid blue, planned ones dashed amber, proposals dotted grey, denied
//! ones dotted red. Coarse dates sit in the column of their month, quarter
//! or year, ordered by the middle of their interval; a date known only to
//! the year gets a column of its own before that year's months.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

use annals_extract::model::{EventType, PartialDate, Status};
use chrono::NaiveDate;

use crate::model::LinkedEvent;

/// What a lane of the picture is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Lane {
    /// One lane per actor (the most active ones, then "other actors").
    #[default]
    Actor,
    /// One lane per year; columns are months.
    Year,
}

/// How a timeline is drawn.
#[derive(Debug, Clone)]
pub struct TimelineOptions {
    pub title: Option<String>,
    pub lane: Lane,
    /// Most actor lanes before the rest go to "other actors".
    pub max_lanes: usize,
}

impl Default for TimelineOptions {
    fn default() -> Self {
        TimelineOptions { title: None, lane: Lane::Actor, max_lanes: 10 }
    }
}

/// Events sorted by the middle of their date interval (coarse dates sit in
/// the middle of their month or year), then the more precise first;
/// undated last.
pub fn sort_events(events: &mut [LinkedEvent]) {
    events.sort_by(|a, b| {
        let ka = a.date.map(|d| (midpoint(d), std::cmp::Reverse(d.precision())));
        let kb = b.date.map(|d| (midpoint(d), std::cmp::Reverse(d.precision())));
        ka.is_none().cmp(&kb.is_none()).then(ka.cmp(&kb)).then(a.id.cmp(&b.id))
    });
}

fn midpoint(d: PartialDate) -> NaiveDate {
    let (b, e) = d.interval();
    b + (e - b) / 2
}

/// Keep the events whose place lies within `region` ("Beijing" is within
/// "China"; "Gyeongju" within "South Korea"), by the event's place or any
/// mention's.
pub fn within_place(events: &[LinkedEvent], region: &str) -> Vec<LinkedEvent> {
    events
        .iter()
        .filter(|e| {
            e.place.iter().chain(e.mentions.iter().filter_map(|m| m.place.as_ref())).any(|p| place_within(p, region))
        })
        .cloned()
        .collect()
}

fn place_within(place: &str, region: &str) -> bool {
    use annals_extract::coref::fold;
    let (fp, fr) = (fold(place), fold(region));
    if fr.is_empty() || fp.contains(&fr) {
        return true;
    }
    crate::place::is_country(region)
        && crate::place::country_of(region).is_some()
        && crate::place::country_of(place) == crate::place::country_of(region)
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// A column of the time axis. Ordered: the derive sorts by year, then the
/// year-only column, then months or quarters, undated last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Col {
    /// (year, 0 = year only / whole year, else month 1-12 or quarter 1-4)
    At(i32, u8),
    Undated,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Grain {
    Month,
    Quarter,
    Year,
}

fn col_of(d: Option<PartialDate>, grain: Grain) -> Col {
    match d {
        None => Col::Undated,
        Some(d) => match (grain, d.month) {
            (_, None) | (Grain::Year, _) => Col::At(d.year, 0),
            (Grain::Month, Some(m)) => Col::At(d.year, m),
            (Grain::Quarter, Some(m)) => Col::At(d.year, (m - 1) / 3 + 1),
        },
    }
}

fn col_label(c: Col, grain: Grain, lane: Lane) -> String {
    match (c, grain) {
        (Col::Undated, _) => "undated".into(),
        (Col::At(_, 0), _) if lane == Lane::Year => "year only".into(),
        (Col::At(y, 0), Grain::Year) => format!("{y}"),
        (Col::At(_, 0), _) => "whole year".into(),
        (Col::At(_, m), Grain::Month) => MONTHS[m as usize - 1].into(),
        (Col::At(_, q), _) => format!("Q{q}"),
    }
}

/// The finest grain that keeps the picture at most `max_cols` columns wide.
fn choose_grain(events: &[LinkedEvent], max_cols: usize) -> Grain {
    for grain in [Grain::Month, Grain::Quarter] {
        let mut cols: Vec<Col> = events.iter().map(|e| col_of(e.date, grain)).collect();
        cols.sort();
        cols.dedup();
        if cols.len() <= max_cols {
            return grain;
        }
    }
    Grain::Year
}

fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")
}

/// Words into lines of at most `width` characters (a longer word keeps its
/// own line).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for w in text.split(' ') {
        if !cur.is_empty() && cur.chars().count() + 1 + w.chars().count() > width {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

fn short_date(d: Option<PartialDate>) -> String {
    match d {
        None => "undated".into(),
        Some(d) => match (d.month, d.day) {
            (Some(m), Some(day)) => format!("{day} {}", MONTHS[m as usize - 1]),
            (Some(m), None) => format!("{} {}", MONTHS[m as usize - 1], d.year),
            _ => format!("{}", d.year),
        },
    }
}

struct Style {
    fill: &'static str,
    border: &'static str,
    line: &'static str,
}

fn style(s: Status) -> Style {
    match s {
        Status::Occurred => Style { fill: "#e8f0fa", border: "#35608f", line: "rounded" },
        Status::Planned => Style { fill: "#fff4dc", border: "#b07800", line: "dashed" },
        Status::Proposed => Style { fill: "#f3f3f3", border: "#777777", line: "dotted" },
        Status::Negated => Style { fill: "#fbeaea", border: "#aa3333", line: "dotted" },
    }
}

/// The event's box: date and type, who (minus the lane's own actor), where,
/// how many sources.
fn event_cell(e: &LinkedEvent, lane_actor: Option<&str>, band: &str) -> String {
    let st = style(e.status);
    let status = if e.status == Status::Occurred { String::new() } else { format!(" <I>{}</I>", e.status) };
    let mut lines = vec![format!("<B>{}</B>  {}{status}", html(&short_date(e.date)), e.kind.as_str())];
    let others: Vec<&str> = e
        .participants
        .iter()
        .map(String::as_str)
        .filter(|p| Some(*p) != lane_actor || e.participants.len() == 1)
        .collect();
    let who = match (e.kind, lane_actor) {
        (EventType::Visit, Some(_)) if others.len() == 1 && Some(others[0]) == lane_actor => String::new(),
        (_, Some(_)) => format!("with {}", others.join(", ")),
        _ => others.join(", "),
    };
    for l in wrap(&who, 30).into_iter().filter(|l| !l.is_empty()) {
        lines.push(html(&l));
    }
    let sources = if e.sources == 1 { "1 source".to_string() } else { format!("{} sources", e.sources) };
    let place = e.place.as_deref().map(|p| format!("@ {}", html(p))).unwrap_or_default();
    let foot = if place.is_empty() { sources } else { format!("{place} · {sources}") };
    lines.push(format!("<FONT POINT-SIZE=\"9\" COLOR=\"#555555\">{foot}</FONT>"));
    // the box is a one-cell table inside a cell of the lane's colour, so
    // the lane band shows around it
    format!(
        "<TD BGCOLOR=\"{band}\" CELLPADDING=\"1\"><TABLE BORDER=\"0\" CELLPADDING=\"0\" CELLSPACING=\"0\"><TR>\
         <TD BORDER=\"1\" STYLE=\"{}\" COLOR=\"{}\" BGCOLOR=\"{}\" ALIGN=\"LEFT\" BALIGN=\"LEFT\" CELLPADDING=\"4\">{}</TD>\
         </TR></TABLE></TD>",
        st.line,
        st.border,
        st.fill,
        lines.join("<BR/>")
    )
}

/// Lanes for the actor view: repeatedly the actor in most of the events
/// not yet placed, so no lane is empty; each event goes to the first lane
/// among its participants; the rest share "other actors".
fn actor_lanes(events: &[LinkedEvent], max: usize) -> (Vec<String>, Vec<usize>) {
    let mut assign: Vec<Option<usize>> = vec![None; events.len()];
    let mut lanes: Vec<String> = Vec::new();
    while lanes.len() < max {
        let mut count: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, e) in events.iter().enumerate() {
            if assign[i].is_none() {
                for p in &e.participants {
                    *count.entry(p.as_str()).or_default() += 1;
                }
            }
        }
        let Some((best, _)) = count.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0))) else { break };
        let best = best.to_string();
        for (i, e) in events.iter().enumerate() {
            if assign[i].is_none() && e.participants.contains(&best) {
                assign[i] = Some(lanes.len());
            }
        }
        lanes.push(best);
    }
    if assign.iter().any(Option::is_none) {
        lanes.push("other actors".into());
    }
    let other = lanes.len().saturating_sub(1);
    (lanes, assign.into_iter().map(|a| a.unwrap_or(other)).collect())
}

/// A DOT timeline of the given events.
pub fn to_dot(events: &[LinkedEvent], opts: &TimelineOptions) -> String {
    let mut events = events.to_vec();
    sort_events(&mut events);
    let title = opts.title.clone().unwrap_or_else(|| "annals timeline".to_string());
    // lanes, and the column of each event
    let (lanes, lane_of, cols_of, grain): (Vec<String>, Vec<usize>, Vec<Col>, Grain) = match opts.lane {
        Lane::Actor => {
            let grain = choose_grain(&events, 14);
            let (lanes, assign) = actor_lanes(&events, opts.max_lanes.max(1));
            let cols = events.iter().map(|e| col_of(e.date, grain)).collect();
            (lanes, assign, cols, grain)
        }
        Lane::Year => {
            let mut years: Vec<Option<i32>> = events.iter().map(|e| e.date.map(|d| d.year)).collect();
            years.sort_by_key(|y| (y.is_none(), *y));
            years.dedup();
            let lane_index: HashMap<Option<i32>, usize> = years.iter().enumerate().map(|(i, y)| (*y, i)).collect();
            let lanes = years.iter().map(|y| y.map_or("undated".to_string(), |y| y.to_string())).collect();
            let assign = events.iter().map(|e| lane_index[&e.date.map(|d| d.year)]).collect();
            // one row per year: the column is the month alone
            let cols = events
                .iter()
                .map(|e| match e.date {
                    None => Col::Undated,
                    Some(d) => Col::At(0, d.month.unwrap_or(0)),
                })
                .collect();
            (lanes, assign, cols, Grain::Month)
        }
    };
    let mut columns: Vec<Col> = cols_of.clone();
    columns.sort();
    columns.dedup();
    if opts.lane == Lane::Year {
        // every month of the year, so the columns line up as a calendar
        let mut all: Vec<Col> = (1..=12).map(|m| Col::At(0, m)).collect();
        all.extend(columns.iter().filter(|c| !matches!(c, Col::At(0, 1..=12))));
        all.sort();
        all.dedup();
        columns = all;
    }
    let col_index: HashMap<Col, usize> = columns.iter().enumerate().map(|(i, c)| (*c, i)).collect();
    let mut grid: BTreeMap<(usize, usize), Vec<&LinkedEvent>> = BTreeMap::new();
    for (i, e) in events.iter().enumerate() {
        grid.entry((lane_of[i], col_index[&cols_of[i]])).or_default().push(e);
    }
    let mut t = String::new();
    let _ = writeln!(t, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"2\">");
    // axis: years over their periods (actor lanes), then the periods
    if opts.lane == Lane::Actor && grain != Grain::Year {
        let _ = write!(t, "<TR><TD></TD>");
        let mut i = 0;
        while i < columns.len() {
            let key = match columns[i] {
                Col::At(y, _) => Some(y),
                Col::Undated => None,
            };
            let span = columns[i..]
                .iter()
                .take_while(|c| match c {
                    Col::At(y, _) => Some(*y) == key,
                    Col::Undated => key.is_none(),
                })
                .count();
            let label = key.map_or(String::new(), |y| y.to_string());
            let _ = write!(
                t,
                "<TD COLSPAN=\"{span}\" BGCOLOR=\"#35608f\"><FONT COLOR=\"white\" POINT-SIZE=\"13\"><B>{label}</B></FONT></TD>"
            );
            i += span;
        }
        let _ = writeln!(t, "</TR>");
    }
    let _ = write!(t, "<TR><TD></TD>");
    for c in &columns {
        let _ = write!(
            t,
            "<TD BGCOLOR=\"#dce6f2\"><FONT POINT-SIZE=\"12\"><B>{}</B></FONT></TD>",
            html(&col_label(*c, grain, opts.lane))
        );
    }
    let _ = writeln!(t, "</TR>");
    // a lane is as many rows as its fullest cell has events, so every box
    // keeps its natural height and boxes line up across columns
    for (li, lane) in lanes.iter().enumerate() {
        let band = if li % 2 == 0 { "#f7f7f7" } else { "#ececec" };
        let rows = (0..columns.len()).map(|ci| grid.get(&(li, ci)).map_or(0, Vec::len)).max().unwrap_or(0).max(1);
        let lane_actor = (opts.lane == Lane::Actor && lane != "other actors").then_some(lane.as_str());
        for r in 0..rows {
            let _ = write!(t, "<TR>");
            if r == 0 {
                let _ = write!(
                    t,
                    "<TD ROWSPAN=\"{rows}\" ALIGN=\"RIGHT\" VALIGN=\"TOP\" BGCOLOR=\"{band}\"><FONT POINT-SIZE=\"12\"><B>{}</B></FONT></TD>",
                    wrap(lane, 16).iter().map(|l| html(l)).collect::<Vec<_>>().join("<BR/>")
                );
            }
            for ci in 0..columns.len() {
                match grid.get(&(li, ci)).and_then(|evs| evs.get(r)) {
                    Some(e) => t.push_str(&event_cell(e, lane_actor, band)),
                    None => {
                        let _ = write!(t, "<TD BGCOLOR=\"{band}\"></TD>");
                    }
                }
            }
            let _ = writeln!(t, "</TR>");
        }
    }
    // legend
    let _ = write!(
        t,
        "<TR><TD></TD><TD COLSPAN=\"{}\" ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLSPACING=\"4\"><TR>",
        columns.len()
    );
    for s in [Status::Occurred, Status::Planned, Status::Proposed, Status::Negated] {
        let st = style(s);
        let _ = write!(
            t,
            "<TD BORDER=\"1\" STYLE=\"{}\" COLOR=\"{}\" BGCOLOR=\"{}\"><FONT POINT-SIZE=\"9\">{s}</FONT></TD>",
            st.line, st.border, st.fill
        );
    }
    let _ = writeln!(
        t,
        "<TD><FONT POINT-SIZE=\"9\" COLOR=\"#555555\">sources = independent sources (syndicated copies count once)</FONT></TD></TR></TABLE></TD></TR>"
    );
    let _ = writeln!(t, "</TABLE>");
    let mut out = String::new();
    let _ = writeln!(out, "digraph timeline {{");
    let _ = writeln!(
        out,
        "  graph [fontname=\"Helvetica\", labelloc=t, fontsize=20, label=\"{}\", margin=0.2];",
        escape(&title)
    );
    let _ = writeln!(out, "  node [shape=plaintext, fontname=\"Helvetica\", fontsize=10];");
    let _ = writeln!(out, "  timeline [label=<\n{t}>];");
    let _ = writeln!(out, "}}");
    out
}

/// A plain-text timeline, one event per line, grouped by month.
pub fn to_text(events: &[LinkedEvent]) -> String {
    let mut events = events.to_vec();
    sort_events(&mut events);
    let mut out = String::new();
    let mut last_period = String::new();
    for e in &events {
        let period = match e.date {
            None => "undated".to_string(),
            Some(d) if d.month.is_none() => format!("{:04}", d.year),
            Some(d) => format!("{:04}-{:02}", d.year, d.month.unwrap_or(1)),
        };
        if period != last_period {
            let _ = writeln!(out, "{period}");
            last_period = period;
        }
        let date = e.date.map_or("undated".to_string(), |d| d.to_string());
        let place = e.place.as_deref().map(|p| format!(" @ {p}")).unwrap_or_default();
        let mark = match e.status {
            Status::Occurred => ' ',
            Status::Planned => '~',
            Status::Proposed => '?',
            Status::Negated => '!',
        };
        let _ = writeln!(
            out,
            "  {mark} {date:<10}  {kind:<6} {names}{place}  [{status}, {n} source{s}]",
            kind = e.kind.as_str(),
            names = e.participants.join(" ; "),
            status = e.status,
            n = e.sources,
            s = if e.sources == 1 { "" } else { "s" },
        );
    }
    out
}
