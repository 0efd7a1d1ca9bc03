//! `annals events` and `annals meetings`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use annals_extract::model::Status;
use anyhow::{Context, Result};

use super::{open_read, Filter};
use crate::cli::{EventFormat, FilterArgs};
use crate::output::{csv_field, event_csv, event_json, table, EVENT_CSV_HEADER};

pub(crate) fn events(store: &Path, args: &FilterArgs, format: EventFormat) -> Result<ExitCode> {
    let filter = Filter::from_args(args)?;
    let store = open_read(store)?;
    // JSON lines and CSV are written as the store yields events, one at a
    // time; the table needs every row for its column widths.
    let events = store
        .events_iter(&filter.store)
        .context("reading events from the store")?
        .map(|e| e.context("reading events from the store"))
        .filter(|e| {
            e.as_ref().map_or(true, |e| {
                (filter.include_proposed || e.status != Status::Proposed) && e.confidence >= filter.min_confidence
            })
        });
    let mut out = std::io::stdout().lock();
    match format {
        EventFormat::Jsonl => {
            for e in events {
                writeln!(out, "{}", event_json(&e?))?;
            }
        }
        EventFormat::Csv => {
            writeln!(out, "{EVENT_CSV_HEADER},confidence,evidence")?;
            for e in events {
                let e = e?;
                let evidence = e.mentions.first().map(|m| m.text.as_str()).unwrap_or("");
                writeln!(out, "{},{:.2},{}", event_csv(&e), e.confidence, csv_field(evidence))?;
            }
        }
        EventFormat::Table => {
            let events = events.collect::<Result<Vec<_>>>()?;
            let rows: Vec<Vec<String>> = events
                .iter()
                .map(|e| {
                    let mut row = crate::output::event_row(e);
                    row.push(e.mentions.first().map(|m| m.text.clone()).unwrap_or_default());
                    row
                })
                .collect();
            write!(
                out,
                "{}",
                table(&["date", "type", "participants", "place", "status", "sources", "evidence"], &rows)
            )?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The "who met whom when" view is the SPARQL in queries/meetings.rq: what
/// the CLI shows is what SPARQL gives.
pub(crate) fn meetings(store: &Path, format: &str) -> Result<ExitCode> {
    let store = open_read(store)?;
    let format = format.parse().map_err(anyhow::Error::msg)?;
    let out = store.named_query("meetings", &[]).context("running queries/meetings.rq")?;
    let mut stdout = std::io::stdout().lock();
    store.write_results(out, format, &mut stdout)?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}
