//! Prints the plan Oxigraph evaluates for a bundled query, with the rows
//! and time of every step, as an indented tree.
//!
//! ```sh
//! cargo run --release -p annals-query --example explain -- STORE who-met actor="Xi Jinping"
//! cargo run --release -p annals-query --example explain -- STORE queries/who-met.rq actor=xi
//! ```

use annals_query::{named_query, Store};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: explain STORE QUERY|FILE.rq [NAME=VALUE ...]";
    let store = Store::open_read_only(std::path::Path::new(&args.next().ok_or(usage)?))?;
    let name = args.next().ok_or(usage)?;
    // A bundled query by name, or a query file (to try a change without a rebuild).
    let sparql = match named_query(&name) {
        Some(q) => q.to_owned(),
        None => std::fs::read_to_string(&name)?,
    };
    let params: Vec<(String, String)> = args
        .map(|a| a.split_once('=').map(|(k, v)| (k.to_owned(), v.to_owned())).ok_or(usage))
        .collect::<Result<_, _>>()?;
    let json: serde_json::Value = serde_json::from_str(&store.explain(&sparql, &params)?)?;
    print(&json["plan"], 0);
    Ok(())
}

fn print(node: &serde_json::Value, depth: usize) {
    let name = node["name"].as_str().unwrap_or("?");
    let rows = node["number of results"].as_u64().map(|n| format!(" rows={n}")).unwrap_or_default();
    let ms = node["duration in seconds"].as_f64().map(|s| format!(" {:.1}ms", s * 1e3)).unwrap_or_default();
    println!("{}{name}{rows}{ms}", "  ".repeat(depth));
    for child in node["children"].as_array().into_iter().flatten() {
        print(child, depth + 1);
    }
}
