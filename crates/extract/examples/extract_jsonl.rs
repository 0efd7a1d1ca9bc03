//! Development aid: run extraction on a JSON-lines file of articles and print
//! one per-document event row per line (the scorer's per-document format).
//! `cargo run --release -p annals-extract --example extract_jsonl -- ARTICLES.jsonl [--debug]`
use annals_extract::{extract, model::Document, parse_published};

fn main() {
    let path = std::env::args().nth(1).expect("usage: extract_jsonl ARTICLES.jsonl [--debug]");
    // --debug: the whole extraction, to check that a speed change keeps the output
    let debug = std::env::args().any(|a| a == "--debug");
    let text = std::fs::read_to_string(&path).expect("read");
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        let doc = Document {
            id: v["id"].as_str().unwrap_or_default().to_string(),
            text: v["text"].as_str().unwrap_or_default().to_string(),
            published: v["published"].as_str().and_then(parse_published),
            ..Default::default()
        };
        let extraction = extract(&doc);
        if debug {
            println!("{extraction:?}");
            continue;
        }
        for m in extraction.mentions {
            let row = serde_json::json!({
                "doc": m.doc, "type": m.kind, "date": m.date.map(|d| d.to_string()),
                "participants": m.participants.iter().map(|p| p.name.clone()).collect::<Vec<_>>(),
                "place": m.place, "status": m.status, "evidence": m.evidence_text,
            });
            println!("{row}");
        }
    }
}
