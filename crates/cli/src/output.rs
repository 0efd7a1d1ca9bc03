//! Turning linked events into JSON lines, CSV and tables.

use annals_graph::{LinkedEvent, MentionRecord};
use serde_json::json;

/// The table columns of one event: date, type, participants, place, status, sources.
pub(crate) fn event_row(e: &LinkedEvent) -> Vec<String> {
    vec![
        e.date.map(|d| d.to_string()).unwrap_or_else(|| "-".into()),
        e.kind.to_string(),
        e.participants.join(" ; "),
        e.place.clone().unwrap_or_else(|| "-".into()),
        e.status.to_string(),
        e.sources.to_string(),
    ]
}

/// One event as the `annals events --format jsonl` contract prints it.
pub(crate) fn event_json(e: &LinkedEvent) -> serde_json::Value {
    json!({
        "id": e.id,
        "type": e.kind.as_str(),
        "date": e.date.map(|d| d.to_string()),
        "participants": e.participants,
        "place": e.place,
        "status": e.status.as_str(),
        "confidence": (f64::from(e.confidence) * 100.0).round() / 100.0,
        "sources": e.sources,
        "articles": e.articles,
        "mentions": e.mentions.iter().map(mention_json).collect::<Vec<_>>(),
        "merge_reasons": e.merge_reasons,
    })
}

/// What one article says about a linked event.
pub(crate) fn mention_json(m: &MentionRecord) -> serde_json::Value {
    json!({
        "doc": m.doc,
        "start": m.span.start,
        "end": m.span.end,
        "text": m.text,
        "date": m.date.map(|d| d.to_string()),
        "date_text": m.date_text,
        "place": m.place,
        "status": m.status.as_str(),
        "participants": m.participants,
        "confidence": (f64::from(m.confidence) * 100.0).round() / 100.0,
    })
}

/// Quote a CSV field when needed (RFC 4180).
/// The CSV columns every event listing shares: id, date, type, participants, place, status, sources.
pub(crate) const EVENT_CSV_HEADER: &str = "id,date,type,participants,place,status,sources";

/// One event's values for `EVENT_CSV_HEADER`, comma-separated.
pub(crate) fn event_csv(e: &LinkedEvent) -> String {
    format!(
        "{},{},{},{},{},{},{}",
        e.id,
        e.date.map(|d| d.to_string()).unwrap_or_default(),
        e.kind,
        csv_field(&e.participants.join(" ; ")),
        csv_field(e.place.as_deref().unwrap_or("")),
        e.status,
        e.sources
    )
}

pub(crate) fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Print rows as aligned columns; the last column is not padded.
pub(crate) fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(c.chars().count().min(60));
        }
    }
    let mut out = String::new();
    let line = |cells: Vec<String>, out: &mut String| {
        let n = cells.len();
        for (i, c) in cells.into_iter().enumerate() {
            let c: String = if c.chars().count() > 60 { c.chars().take(57).chain("...".chars()).collect() } else { c };
            if i + 1 == n {
                out.push_str(&c);
            } else {
                out.push_str(&format!("{c:<w$}  ", w = widths[i]));
            }
        }
        out.push('\n');
    };
    line(header.iter().map(|s| s.to_string()).collect(), &mut out);
    line(widths.iter().map(|w| "-".repeat(*w)).collect(), &mut out);
    for r in rows {
        line(r.clone(), &mut out);
    }
    out
}
