//! `annals actors` (every actor in the store) and `annals actor NAME` (one
//! actor with its aliases, roles over time and events).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use annals_extract::actors::name_key;
use annals_extract::model::ActorKind;
use annals_graph::ActorRecord;
use annals_query::EventFilter;
use anyhow::{Context, Result};

use super::open_read;
use crate::cli::EventFormat;
use crate::output::{csv_field, event_csv, event_json, table, EVENT_CSV_HEADER};

fn parse_kind(kind: Option<&str>) -> Result<Option<ActorKind>> {
    kind.map(|k| match k.to_ascii_lowercase().as_str() {
        "person" => Ok(ActorKind::Person),
        "organization" | "organisation" | "org" => Ok(ActorKind::Organization),
        "country" => Ok(ActorKind::Country),
        "group" => Ok(ActorKind::Group),
        other => Err(anyhow::anyhow!("--kind: unknown kind {other:?} (person, organization, country, group)")),
    })
    .transpose()
}

fn titles_text(a: &ActorRecord) -> String {
    a.titles
        .iter()
        .map(|t| match (t.first, t.last) {
            (Some(f), Some(l)) if f == l => format!("{} ({f})", t.title),
            (Some(f), Some(l)) => format!("{} ({f}..{l})", t.title),
            _ => t.title.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn actor_json(a: &ActorRecord) -> serde_json::Value {
    serde_json::json!({
        "id": a.id,
        "name": a.name,
        "kind": a.kind.as_str(),
        "country": a.country,
        "titles": a.titles.iter().map(|t| serde_json::json!({
            "title": t.title,
            "first": t.first.map(|d| d.to_string()),
            "last": t.last.map(|d| d.to_string()),
        })).collect::<Vec<_>>(),
        "aliases": a.aliases,
        "mentions": a.mentions,
        "sources": a.sources,
    })
}

/// `annals actors`: one row per actor, most mentioned first.
pub(crate) fn list(store: &Path, kind: Option<&str>, format: EventFormat) -> Result<ExitCode> {
    let kind = parse_kind(kind)?;
    let store = open_read(store)?;
    let mut actors = store.actors().context("reading actors from the store")?;
    actors.retain(|a| kind.is_none_or(|k| a.kind == k));
    actors.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.name.cmp(&b.name)));
    let mut out = std::io::stdout().lock();
    match format {
        EventFormat::Jsonl => {
            for a in &actors {
                writeln!(out, "{}", actor_json(a))?;
            }
        }
        EventFormat::Csv => {
            writeln!(out, "id,name,kind,country,titles,aliases,mentions,sources")?;
            for a in &actors {
                writeln!(
                    out,
                    "{},{},{},{},{},{},{},{}",
                    csv_field(&a.id),
                    csv_field(&a.name),
                    a.kind.as_str(),
                    a.country.as_deref().unwrap_or(""),
                    csv_field(&titles_text(a)),
                    csv_field(&a.aliases.join(" ; ")),
                    a.mentions,
                    a.sources
                )?;
            }
        }
        EventFormat::Table => {
            let rows: Vec<Vec<String>> = actors
                .iter()
                .map(|a| {
                    vec![
                        a.name.clone(),
                        a.kind.as_str().to_string(),
                        a.country.clone().unwrap_or_else(|| "-".into()),
                        titles_text(a),
                        a.mentions.to_string(),
                        a.sources.to_string(),
                    ]
                })
                .collect();
            write!(out, "{}", table(&["name", "kind", "country", "titles", "mentions", "sources"], &rows))?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The actors a name denotes: an exact id, canonical name or alias (after
/// folding case, accents, hyphens and romanization variants) first; failing
/// that, the actors whose name contains the words given.
fn find<'a>(actors: &'a [ActorRecord], query: &str) -> Vec<&'a ActorRecord> {
    let key = name_key(query);
    let exact: Vec<&ActorRecord> = actors
        .iter()
        .filter(|a| a.id == query || name_key(&a.name) == key || a.aliases.iter().any(|x| name_key(x) == key))
        .collect();
    if !exact.is_empty() {
        return exact;
    }
    let q = query.to_lowercase();
    actors.iter().filter(|a| a.name.to_lowercase().contains(&q)).collect()
}

/// `annals actor NAME`: the actor, its aliases and roles, and its events.
pub(crate) fn show(store: &Path, name: &str, format: EventFormat) -> Result<ExitCode> {
    let store = open_read(store)?;
    let actors = store.actors().context("reading actors from the store")?;
    let found = find(&actors, name);
    let a = match found.as_slice() {
        [] => {
            eprintln!("annals: no actor named {name:?} (see `annals actors`)");
            return Ok(ExitCode::FAILURE);
        }
        [one] => *one,
        many => {
            eprintln!("annals: {name:?} names {} actors; be more precise:", many.len());
            for a in many {
                eprintln!(
                    "  {} ({}{})",
                    a.name,
                    a.kind.as_str(),
                    a.country.as_deref().map(|c| format!(", {c}")).unwrap_or_default()
                );
            }
            return Ok(ExitCode::FAILURE);
        }
    };
    let filter = EventFilter { actor: Some(a.name.clone()), ..Default::default() };
    let mut events = store.events(&filter).context("reading events from the store")?;
    // the filter matches names containing the text: keep this actor's own events
    events.retain(|e| e.participants.iter().any(|p| p == &a.name));
    let mut out = std::io::stdout().lock();
    match format {
        EventFormat::Jsonl => {
            let mut v = actor_json(a);
            v["events"] = serde_json::Value::Array(events.iter().map(event_json).collect());
            writeln!(out, "{v}")?;
        }
        EventFormat::Csv => {
            writeln!(out, "{EVENT_CSV_HEADER}")?;
            for e in &events {
                writeln!(out, "{}", event_csv(e))?;
            }
        }
        EventFormat::Table => {
            writeln!(out, "{} ({})", a.name, a.kind.as_str())?;
            if let Some(c) = &a.country {
                writeln!(out, "country:  {c}")?;
            }
            for t in &a.titles {
                let span = match (t.first, t.last) {
                    (Some(f), Some(l)) if f == l => format!(" ({f})"),
                    (Some(f), Some(l)) => format!(" ({f} .. {l})"),
                    _ => String::new(),
                };
                writeln!(out, "title:    {}{span}", t.title)?;
            }
            writeln!(out, "aliases:  {}", a.aliases.join("; "))?;
            writeln!(out, "mentions: {} in {} sources", a.mentions, a.sources)?;
            writeln!(out)?;
            let rows: Vec<Vec<String>> = events.iter().map(crate::output::event_row).collect();
            write!(out, "{}", table(&["date", "type", "participants", "place", "status", "sources"], &rows))?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
