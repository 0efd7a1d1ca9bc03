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

#[test]
fn debug_q() {
    let (_dir, store) = fixture_store();
    for q in [
        "SELECT ?name ?title WHERE { GRAPH <https://annals.example.org/graph/linked> { ?actor a sem:Actor ; rdfs:label ?name ; annals:titleSpan ?span . ?span annals:title ?title ; annals:position ?position . } }",
        "SELECT ?name ?title WHERE { GRAPH <https://annals.example.org/graph/linked> { ?actor a sem:Actor ; rdfs:label ?name ; annals:titleSpan ?span . ?span annals:title ?title . OPTIONAL { ?span annals:firstSeen ?first } FILTER (!BOUND($actor) || CONTAINS(LCASE(?name), LCASE(STR($actor)))) } }",
        "SELECT ?name ?title WHERE { GRAPH <https://annals.example.org/graph/linked> { ?actor a sem:Actor ; rdfs:label ?name ; annals:titleSpan ?span . ?span annals:title ?title . OPTIONAL { ?span annals:firstSeen ?first } } }",
        "SELECT ?id WHERE { GRAPH <https://annals.example.org/graph/linked> { ?event dct:identifier ?id ; annals:articles ?articles . FILTER (BOUND($event) && ?id = STR($event) || !BOUND($event) && ?articles > 1) } }",
        "SELECT ?id WHERE { GRAPH <https://annals.example.org/graph/linked> { ?event dct:identifier ?id ; annals:articles ?articles . FILTER (!BOUND($event) && ?articles > 1) } }",
    ] {
        let mut buf = Vec::new();
        let out = store.query(q).unwrap();
        store.write_results(out, annals_query::ResultFormat::Table, &mut buf).unwrap();
        println!("{}", String::from_utf8(buf).unwrap());
    }
}
