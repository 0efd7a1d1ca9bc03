//! `annals extract` (one article, before linking) and `annals timex`.

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use annals_extract::model::PartialDate;
use annals_extract::{extract as run_extract, time};
use anyhow::{bail, Context, Result};
use serde_json::json;

use crate::cli::EventFormat;
use crate::input::{read_inputs, Item};
use crate::output::{csv_field, table};

pub(crate) fn extract(path: &Path, format: EventFormat, dct: Option<&str>) -> Result<ExitCode> {
    let dct: Option<PartialDate> = dct.map(str::parse).transpose().map_err(anyhow::Error::msg)?;
    let mut out = std::io::stdout().lock();
    let mut any = false;
    for item in read_inputs(&[path.to_path_buf()]) {
        let mut doc = match item {
            Item::Warn(w) => {
                eprintln!("warning: {w}");
                continue;
            }
            Item::Doc(d) => d,
        };
        any = true;
        if doc.published.is_none() {
            doc.published = dct;
        }
        let ex = run_extract(&doc);
        for d in &ex.diagnostics {
            eprintln!("note: {}: {d}", doc.id);
        }
        let date = ex.info.date.map(|d| d.to_string()).unwrap_or_else(|| "unknown".into());
        let how = ex.info.date_inferred.as_deref().map(|r| format!(" (inferred: {r})")).unwrap_or_default();
        match format {
            EventFormat::Jsonl => {
                for m in &ex.mentions {
                    writeln!(out, "{}", serde_json::to_string(m)?)?;
                }
            }
            EventFormat::Csv => {
                writeln!(out, "doc,date,type,participants,place,status,confidence,evidence")?;
                for m in &ex.mentions {
                    let names: Vec<&str> = m.participants.iter().map(|p| p.name.as_str()).collect();
                    writeln!(
                        out,
                        "{},{},{},{},{},{},{:.2},{}",
                        m.doc,
                        m.date.map(|d| d.to_string()).unwrap_or_default(),
                        m.kind,
                        csv_field(&names.join(" ; ")),
                        csv_field(m.place.as_deref().unwrap_or("")),
                        m.status,
                        m.confidence,
                        csv_field(&m.evidence_text)
                    )?;
                }
            }
            EventFormat::Table => {
                writeln!(
                    out,
                    "{}: document date {date}{how}, {} sentences, {} events",
                    doc.id,
                    ex.info.sentences,
                    ex.mentions.len()
                )?;
                let rows: Vec<Vec<String>> = ex
                    .mentions
                    .iter()
                    .map(|m| {
                        vec![
                            m.date.map(|d| d.to_string()).unwrap_or_else(|| "-".into()),
                            m.kind.to_string(),
                            m.participants.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(" ; "),
                            m.place.clone().unwrap_or_else(|| "-".into()),
                            m.status.to_string(),
                            format!("{:.2}", m.confidence),
                            format!("{}..{}", m.evidence.start, m.evidence.end),
                        ]
                    })
                    .collect();
                write!(out, "{}", table(&["date", "type", "participants", "place", "status", "conf", "span"], &rows))?;
            }
        }
    }
    if !any {
        bail!("nothing could be read from {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// TIMEX3 tagging of standard input: one JSON line per expression with
/// character (Unicode scalar) offsets, as the brief's contract says.
pub(crate) fn timex(dct: Option<&str>) -> Result<ExitCode> {
    let dct = match dct {
        Some(s) => Some(
            s.parse::<PartialDate>()
                .ok()
                .and_then(|d| d.to_naive())
                .with_context(|| format!("--dct {s:?}: expected YYYY-MM-DD"))?,
        ),
        None => None,
    };
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).context("reading standard input (must be UTF-8)")?;
    let timexes = time::tagger().tag(&text, dct);
    let mut out = std::io::stdout().lock();
    for (t, (start, end)) in timexes.iter().zip(time::char_spans(&text, &timexes)) {
        let mut row = json!({"start": start, "end": end, "type": t.kind.as_str(), "value": t.value});
        if t.name {
            // a year inside a name ("the 2023 Asian Games"): no event date
            row["name"] = json!(true);
        }
        writeln!(out, "{row}")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
