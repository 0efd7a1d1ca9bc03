//! `annals why EVENT`: one linked event explained: every mention with its
//! article, what that article says (date, place, status), why the mentions
//! were merged, where the sources disagree, the status history, and which
//! articles count as one source.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use annals_extract::model::ArticleInfo;
use annals_graph::{disagreements, source_groups, status_history, LinkedEvent};
use annals_query::EventFilter;
use anyhow::{bail, Context, Result};
use serde_json::json;

use super::open_read;
use super::timeline::write_out;
use crate::cli::WhyFormat;

pub(crate) fn run(store: &Path, query: &str, format: WhyFormat) -> Result<ExitCode> {
    let store = open_read(store)?;
    let events = store.events(&EventFilter::default()).context("reading events from the store")?;
    let q = query.trim().to_lowercase();
    let found: Vec<&LinkedEvent> = match events.iter().find(|e| e.id == q) {
        Some(e) => vec![e],
        None => events.iter().filter(|e| e.id.starts_with(&q)).collect(),
    };
    let e = match found.as_slice() {
        [e] => *e,
        [] => bail!("no event with id or id prefix {query:?} (see `annals events`)"),
        many => bail!(
            "{} events start with {query:?}: {} (give more of the id)",
            many.len(),
            many.iter().take(5).map(|e| e.id.as_str()).collect::<Vec<_>>().join(", ")
        ),
    };
    let articles = store.articles().context("reading articles")?;
    let info: HashMap<&str, &ArticleInfo> = articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut docs: Vec<&str> = e.mentions.iter().map(|m| m.doc.as_str()).collect();
    docs.sort();
    docs.dedup();
    let known: Vec<&ArticleInfo> = docs.iter().filter_map(|d| info.get(d).copied()).collect();
    let groups = source_groups(&known);
    let text = match format {
        WhyFormat::Text => explain_text(e, &info, &groups),
        WhyFormat::Json => format!("{}\n", explain_json(e, &info, &groups)),
    };
    write_out(None, text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

fn or_dash<T: ToString>(v: Option<T>) -> String {
    v.map_or_else(|| "-".to_string(), |v| v.to_string())
}

fn explain_text(e: &LinkedEvent, info: &HashMap<&str, &ArticleInfo>, groups: &[Vec<String>]) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "event {}  {}  {}  {}{}  [{}]",
        e.id,
        e.kind,
        or_dash(e.date),
        e.participants.join(" ; "),
        e.place.as_deref().map(|p| format!(" @ {p}")).unwrap_or_default(),
        e.status
    );
    let _ = writeln!(
        o,
        "  {} independent source{}, {} article{}, {} mention{}; confidence {:.2}",
        e.sources,
        if e.sources == 1 { "" } else { "s" },
        e.articles,
        if e.articles == 1 { "" } else { "s" },
        e.mentions.len(),
        if e.mentions.len() == 1 { "" } else { "s" },
        e.confidence
    );
    let history = status_history(e);
    let steps: Vec<String> =
        history.iter().map(|s| format!("{} (from {}: {})", s.status, or_dash(s.since), s.docs.join(", "))).collect();
    let _ = writeln!(o, "\nstatus history, by article date:\n  {}", steps.join("\n  -> "));
    let _ = writeln!(o, "\nmentions:");
    for (i, m) in e.mentions.iter().enumerate() {
        let a = info.get(m.doc.as_str());
        let source = a.and_then(|a| a.source.clone()).unwrap_or_else(|| "source unknown".into());
        let _ = writeln!(o, "  [{}] {} ({}, published {})", i + 1, m.doc, source, or_dash(m.doc_date));
        if let Some(title) = a.and_then(|a| a.title.as_deref()) {
            let _ = writeln!(o, "      title:   {title}");
        }
        let date_text = m.date_text.as_deref().map(|t| format!(" ({t:?})")).unwrap_or_default();
        let _ = writeln!(
            o,
            "      says:    {} {}{date_text}, {}, {}",
            m.status,
            or_dash(m.date),
            m.place.as_deref().unwrap_or("place not stated"),
            m.participants.join(" ; ")
        );
        let _ = writeln!(o, "      bytes {}..{}: {}", m.span.start, m.span.end, m.text.replace('\n', " "));
    }
    let _ = writeln!(o, "\nwhy these mentions are one event:");
    if e.merge_reasons.is_empty() {
        let _ = writeln!(o, "  a single mention: nothing merged");
    }
    for r in &e.merge_reasons {
        let _ = writeln!(o, "  - {r}");
    }
    let dis = disagreements(e);
    let _ = writeln!(o, "\nwhere sources disagree:");
    if dis.is_empty() {
        let _ = writeln!(o, "  nowhere: every stated date and place agrees or refines another");
    }
    for d in &dis {
        let claims: Vec<String> = d
            .claims
            .iter()
            .map(|c| {
                let words = if c.texts.is_empty() { String::new() } else { format!(" ({})", c.texts.join(", ")) };
                format!("{}{words} per {}", c.value, c.docs.join(", "))
            })
            .collect();
        let best = match d.attribute {
            "date" => format!("; best supported: {}", or_dash(e.date)),
            "place" => format!("; best supported: {}", or_dash(e.place.as_deref())),
            _ => String::new(),
        };
        let _ = writeln!(o, "  {}: {}{best}", d.attribute, claims.join(" | "));
    }
    let _ = writeln!(o, "\nindependent sources (near-identical articles count once):");
    for (i, g) in groups.iter().enumerate() {
        let note = if g.len() > 1 { "  (syndicated or reposted copies)" } else { "" };
        let _ = writeln!(o, "  {}. {}{note}", i + 1, g.join(", "));
    }
    o
}

fn explain_json(e: &LinkedEvent, info: &HashMap<&str, &ArticleInfo>, groups: &[Vec<String>]) -> serde_json::Value {
    json!({
        "id": e.id,
        "type": e.kind.as_str(),
        "date": e.date.map(|d| d.to_string()),
        "participants": e.participants,
        "place": e.place,
        "status": e.status.as_str(),
        "sources": e.sources,
        "articles": e.articles,
        "source_groups": groups,
        "status_history": status_history(e).iter().map(|s| json!({
            "status": s.status.as_str(), "since": s.since.map(|d| d.to_string()), "docs": s.docs,
        })).collect::<Vec<_>>(),
        "merge_reasons": e.merge_reasons,
        "disagreements": disagreements(e).iter().map(|d| json!({
            "attribute": d.attribute,
            "claims": d.claims.iter().map(|c| json!({"value": c.value, "texts": c.texts, "docs": c.docs})).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "mentions": e.mentions.iter().map(|m| {
            let mut v = crate::output::mention_json(m);
            v["source"] = json!(info.get(m.doc.as_str()).and_then(|a| a.source.clone()));
            v["published"] = json!(m.doc_date.map(|d| d.to_string()));
            v
        }).collect::<Vec<_>>(),
    })
}
