//! The actors and places named in texts, as JSON lines with character
//! offsets: what `scripts/meantime_actors.py` scores against MEANTIME.
//!
//! Input (standard input or a file): one JSON object per line,
//! `{"id": ..., "text": ...}`. Output: one line per mention,
//! `{"doc", "start", "end", "text", "class", "name", "key", "title", "country"}`
//! where `start`/`end` count Unicode scalar values (end exclusive), `name` is
//! the canonical name inside the document and `key` the cross-document key.
//!
//! `cargo run --release -p annals-extract --example actors_eval -- DOCS.jsonl`
use std::io::{BufRead, Write};

use annals_extract::actors::document_mentions;

fn main() {
    let input: Box<dyn BufRead> = match std::env::args().nth(1) {
        Some(p) if p != "-" => Box::new(std::io::BufReader::new(std::fs::File::open(&p).expect("open input"))),
        _ => Box::new(std::io::stdin().lock()),
    };
    let mut out = std::io::stdout().lock();
    for line in input.lines() {
        let line = line.expect("read input");
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line).expect("a JSON object per line");
        let id = v["id"].as_str().unwrap_or_default();
        let text = v["text"].as_str().unwrap_or_default();
        // byte offset -> character offset
        let mut chars = vec![0usize; text.len() + 1];
        let mut n = 0;
        for (b, c) in text.char_indices() {
            for slot in &mut chars[b..b + c.len_utf8()] {
                *slot = n;
            }
            n += 1;
        }
        chars[text.len()] = n;
        for m in document_mentions(text) {
            let row = serde_json::json!({
                "doc": id,
                "start": chars[m.span.start],
                "end": chars[m.span.end],
                "text": &text[m.span.start..m.span.end],
                "class": m.class,
                "name": m.name,
                "key": m.key,
                "title": m.title,
                "country": m.country,
            });
            writeln!(out, "{row}").expect("write");
        }
    }
}
