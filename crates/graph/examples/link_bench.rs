//! Linking at scale: `cargo run --release -p annals-graph --example
//! link_bench [MENTIONS] [ACTORS]` links synthetic mentions (default
//! 100,000 among 2,000 actors; few actors make huge (type, participants)
//! groups, the worst case for clustering) and prints the time linking takes. Measure peak memory with
//! `/usr/bin/time -v target/release/examples/link_bench`.

#[path = "common/synth.rs"]
mod synth;

use std::time::Instant;

use annals_graph::{link, Aliases};

fn main() {
    let target: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let actors: usize = std::env::args().nth(2).and_then(|a| a.parse().ok()).unwrap_or(2_000);
    // about 1.9 reports per real event; generate enough, keep `target`
    let spec = synth::Spec { seed: 7, actors, events: target * 6 / 10, max_reports: 4, first_year: 2010, years: 16 };
    let t = Instant::now();
    let (articles, mut mentions) = synth::corpus(&spec);
    mentions.truncate(target);
    let kept: std::collections::HashSet<&str> = mentions.iter().map(|m| m.doc.as_str()).collect();
    let articles: Vec<_> = articles.iter().filter(|a| kept.contains(a.id.as_str())).cloned().collect();
    let generated = t.elapsed();
    let t = Instant::now();
    let linked = link(&articles, &mentions, &Aliases::default());
    let took = t.elapsed();
    let biggest = linked.events.iter().map(|e| e.mentions.len()).max().unwrap_or(0);
    println!(
        "{} mentions ({} articles, generated in {:.2} s) -> {} actors, {} events (largest {} mentions) in {:.3} s ({:.1} µs per mention)",
        mentions.len(),
        articles.len(),
        generated.as_secs_f64(),
        linked.actors.len(),
        linked.events.len(),
        biggest,
        took.as_secs_f64(),
        took.as_secs_f64() * 1e6 / mentions.len().max(1) as f64
    );
}
