//! Throughput of the temporal tagger: `timex_bench DIR [N]` reads every
//! `.tml` file under DIR, strips the XML tags, tags each text N times
//! (default 20) on one thread and prints MB/s.

use std::path::Path;
use std::time::Instant;

use annals_extract::time::tagger;

fn collect(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "tml") {
            if let Ok(s) = std::fs::read_to_string(&p) {
                out.push(strip_tags(&s));
            }
        }
    }
}

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: timex_bench DIR [N]");
        std::process::exit(2);
    };
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(20);
    let mut texts = Vec::new();
    collect(Path::new(dir), &mut texts);
    let bytes: usize = texts.iter().map(String::len).sum();
    let dct = chrono::NaiveDate::from_ymd_opt(2025, 11, 1);
    let t = tagger();
    let mut found = 0usize;
    let start = Instant::now();
    for _ in 0..n {
        for text in &texts {
            found += t.tag(text, dct).len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (bytes * n) as f64 / 1e6;
    println!(
        "{} files, {:.2} MB x {n} = {:.1} MB in {:.2}s: {:.1} MB/s ({} expressions per pass)",
        texts.len(),
        bytes as f64 / 1e6,
        mb,
        secs,
        mb / secs,
        found / n.max(1)
    );
}
