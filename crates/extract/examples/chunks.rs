//! Development aid: print each sentence's tagged chunks (actors, places,
//! titles) for a JSON-lines file of articles.
//! `cargo run -p annals-extract --example chunks -- ARTICLES.jsonl`
use annals_extract::{actors, clean, segment};

fn main() {
    let path = std::env::args().nth(1).expect("usage: chunks ARTICLES.jsonl");
    for line in std::fs::read_to_string(path).expect("read").lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        let text = v["text"].as_str().unwrap_or_default();
        let (blocks, _) = clean::clean(text);
        for s in segment::sentences(text, &blocks) {
            let toks = segment::tokens(text, s.span);
            println!("# {}", &text[s.span.start..s.span.end]);
            for c in actors::tag_sentence(text, &toks) {
                println!("   {:?} {:?}", &text[c.span.start..c.span.end], c.tag);
            }
        }
    }
}
