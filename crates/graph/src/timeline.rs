//! Timelines drawn from linked events: Graphviz DOT (we write the DOT
//! ourselves; `dot` renders it) and plain text for a terminal.
//!
//! Layout: time runs left to right. Events are grouped in one cluster per
//! month (per year when the timeline spans more than three years), clusters
//! are chained in date order with invisible edges, and each event is a box
//! labelled with its date, type, participants, place and source count.
//! Planned events are dashed, negated ones dotted grey, proposals dotted.

use std::collections::BTreeMap;
use std::fmt::Write;

use annals_extract::model::Status;

use crate::model::LinkedEvent;

/// How a timeline is titled.
#[derive(Debug, Clone, Default)]
pub struct TimelineOptions {
    pub title: Option<String>,
}

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")
}

fn period_key(e: &LinkedEvent, by_year: bool) -> String {
    match e.date {
        None => "undated".to_string(),
        Some(d) if by_year || d.month.is_none() => format!("{:04}", d.year),
        Some(d) => format!("{:04}-{:02}", d.year, d.month.unwrap_or(1)),
    }
}

/// Events sorted by the start of their date interval; undated last.
pub fn sort_events(events: &mut [LinkedEvent]) {
    events.sort_by(|a, b| {
        let ka = a.date.map(|d| (d.interval().0, std::cmp::Reverse(d.precision())));
        let kb = b.date.map(|d| (d.interval().0, std::cmp::Reverse(d.precision())));
        ka.is_none().cmp(&kb.is_none()).then(ka.cmp(&kb)).then(a.id.cmp(&b.id))
    });
}

/// Wrap a participant list so that boxes stay narrow.
fn wrap_names(names: &[String]) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for (i, n) in names.iter().enumerate() {
        let piece = if i + 1 < names.len() { format!("{n}, ") } else { n.clone() };
        if cur.len() + piece.len() > 34 && !cur.is_empty() {
            lines.push(cur.trim_end().to_string());
            cur.clear();
        }
        cur.push_str(&piece);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines.join("\n")
}

/// A DOT timeline of the given events.
pub fn to_dot(events: &[LinkedEvent], opts: &TimelineOptions) -> String {
    let mut events = events.to_vec();
    sort_events(&mut events);
    let years: Vec<i32> = events.iter().filter_map(|e| e.date.map(|d| d.year)).collect();
    let span = years.iter().max().zip(years.iter().min()).map_or(0, |(a, b)| a - b);
    let by_year = span > 3;
    let mut periods: BTreeMap<String, Vec<&LinkedEvent>> = BTreeMap::new();
    for e in &events {
        periods.entry(period_key(e, by_year)).or_default().push(e);
    }
    let mut out = String::new();
    let title = opts.title.clone().unwrap_or_else(|| "annals timeline".to_string());
    let _ = writeln!(out, "digraph timeline {{");
    let _ = writeln!(out, "  graph [rankdir=LR, fontname=\"Helvetica\", labelloc=t, fontsize=18, label=\"{}\", nodesep=0.15, ranksep=0.35, newrank=true];", escape(&title));
    let _ = writeln!(out, "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#eef4fb\", color=\"#35608f\", fontname=\"Helvetica\", fontsize=10];");
    let _ = writeln!(out, "  edge [style=invis];");
    let mut anchors: Vec<String> = Vec::new();
    for (pi, (period, evs)) in periods.iter().enumerate() {
        let anchor = format!("p{pi}");
        let _ = writeln!(out, "  subgraph cluster_{pi} {{");
        let _ = writeln!(
            out,
            "    label=\"{}\"; style=\"rounded\"; color=\"#9aa9b8\"; fontsize=14; fontname=\"Helvetica-Bold\";",
            escape(period)
        );
        let _ = writeln!(out, "    {anchor} [shape=point, style=invis, width=0];");
        // a column per period: events stacked top to bottom in date order
        let mut prev = anchor.clone();
        for e in evs {
            let node = format!("e_{}", e.id);
            let date = e.date.map_or("undated".to_string(), |d| d.to_string());
            let place = e.place.as_deref().map(|p| format!("\\n@ {}", escape(p))).unwrap_or_default();
            let sources = if e.sources == 1 { "1 source".to_string() } else { format!("{} sources", e.sources) };
            let (style, fill, color) = match e.status {
                Status::Occurred => ("rounded,filled", "#eef4fb", "#35608f"),
                Status::Planned => ("rounded,filled,dashed", "#fff7e6", "#b07800"),
                Status::Proposed => ("rounded,filled,dotted", "#f5f5f5", "#777777"),
                Status::Negated => ("rounded,filled,dotted", "#fbeeee", "#a33"),
            };
            let status = if e.status == Status::Occurred { String::new() } else { format!(" ({})", e.status) };
            let _ = writeln!(
                out,
                "    {node} [label=\"{date}  {kind}{status}\\n{names}{place}\\n{sources}\", style=\"{style}\", fillcolor=\"{fill}\", color=\"{color}\"];",
                kind = e.kind,
                names = escape(&wrap_names(&e.participants)),
            );
            let _ = writeln!(out, "    {prev} -> {node} [constraint=false];");
            prev = node;
        }
        let _ = writeln!(out, "  }}");
        anchors.push(anchor);
    }
    // the time axis: periods left to right
    if anchors.len() > 1 {
        let _ = writeln!(out, "  {} [style=invis];", anchors.join(" -> "));
    }
    // stack each period's events under its anchor
    for (pi, (_, evs)) in periods.iter().enumerate() {
        let mut prev = format!("p{pi}");
        for e in evs {
            let node = format!("e_{}", e.id);
            let _ = writeln!(out, "  {{ rank=same; {prev}; {node}; }}");
            prev = node;
        }
    }
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
        let period = period_key(e, false);
        if period != last_period {
            let _ = writeln!(out, "{period}");
            last_period = period;
        }
        let date = e.date.map_or("undated".to_string(), |d| d.to_string());
        let place = e.place.as_deref().map(|p| format!(" @ {p}")).unwrap_or_default();
        let _ = writeln!(
            out,
            "  {date:<10}  {kind:<6} {names}{place}  [{status}, {n} source{s}]",
            kind = e.kind.as_str(),
            names = e.participants.join(" ; "),
            status = e.status,
            n = e.sources,
            s = if e.sources == 1 { "" } else { "s" },
        );
    }
    out
}
