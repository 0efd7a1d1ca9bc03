//! Throughput of the whole extraction pipeline (cleaning, sentences, time,
//! actors, events) on one core.
//!
//! `cargo run --release -p annals-extract --example extract_bench -- PATH... [--rounds N]`
//! PATH: .txt files, .jsonl article files (their "text" fields) or
//! directories of MEANTIME / TimeML .xml/.tml files (tokens or text between
//! tags are joined back into text). Prints documents, MB, seconds, MB/s.
use std::path::Path;
use std::time::Instant;

use annals_extract::{extract, model::Document, model::PartialDate};

fn xml_text(xml: &str) -> String {
    // MEANTIME: <token ...>word</token>; TimeML: text with inline tags
    let mut out = String::with_capacity(xml.len() / 2);
    let mut in_tag = false;
    let mut last_was_token_end = false;
    for c in xml.chars() {
        match c {
            '<' => {
                in_tag = true;
                if !last_was_token_end {
                    out.push(' ');
                }
                last_was_token_end = true;
            }
            '>' => in_tag = false,
            _ if !in_tag => {
                out.push(c);
                last_was_token_end = false;
            }
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn collect(path: &Path, docs: &mut Vec<String>) {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path).unwrap().filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for e in entries {
            collect(&e, docs);
        }
        return;
    }
    let Ok(text) = std::fs::read_to_string(path) else { return };
    match path.extension().and_then(|e| e.to_str()) {
        Some("jsonl") => {
            for line in text.lines() {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                    if let Some(t) = v["text"].as_str() {
                        docs.push(t.to_string());
                    }
                }
            }
        }
        Some("xml") | Some("tml") => docs.push(xml_text(&text)),
        Some("txt") => docs.push(text),
        _ => {}
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rounds: usize = args
        .iter()
        .position(|a| a == "--rounds")
        .and_then(|i| args.get(i + 1))
        .and_then(|r| r.parse().ok())
        .unwrap_or(5)
        .max(1);
    let mut texts = Vec::new();
    for a in args.iter().filter(|a| !a.starts_with("--") && a.parse::<usize>().is_err()) {
        collect(Path::new(a), &mut texts);
    }
    let docs: Vec<Document> = texts
        .into_iter()
        .enumerate()
        .map(|(i, text)| Document {
            id: format!("d{i}"),
            text,
            published: Some(PartialDate::ymd(2025, 6, 1)),
            ..Default::default()
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    // warm up the lexicons (built once per process)
    let _ = extract(&docs[0]);
    let start = Instant::now();
    let mut events = 0;
    // each round timed alone too: on a shared (virtual) machine the median
    // and best rounds show what the code does, the total what the machine gave
    let mut round_secs = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let round = Instant::now();
        for d in &docs {
            events += extract(d).mentions.len();
        }
        round_secs.push(round.elapsed().as_secs_f64());
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (bytes * rounds) as f64 / 1e6;
    round_secs.sort_by(f64::total_cmp);
    let per_round = |s: f64| bytes as f64 / 1e6 / s;
    println!(
        "{} documents, {:.2} MB x {rounds} rounds, {:.3} s, {:.1} MB/s on one core (median round {:.1}, best {:.1}), {} event mentions per round",
        docs.len(),
        bytes as f64 / 1e6,
        secs,
        mb / secs,
        per_round(round_secs[round_secs.len() / 2]),
        per_round(round_secs[0]),
        events / rounds
    );
}
