//! The bundled queries, parameters, result formats and dumps on the fixture store.

mod common;

use annals_query::{named_queries, term_text, DumpFormat, Error, QueryOutput, ResultFormat, Store};
use common::fixture_store;

/// Rows as `a | b | c` lines (unbound = empty), for readable assertions.
fn rows(out: &QueryOutput) -> Vec<String> {
    let QueryOutput::Solutions { rows, .. } = out else { panic!("not solutions: {out:?}") };
    rows.iter()
        .map(|r| r.iter().map(|t| t.as_ref().map(term_text).unwrap_or_default()).collect::<Vec<_>>().join(" | "))
        .collect()
}

fn vars(out: &QueryOutput) -> Vec<&str> {
    let QueryOutput::Solutions { vars, .. } = out else { panic!("not solutions") };
    vars.iter().map(String::as_str).collect()
}

fn run(store: &Store, name: &str, params: &[(&str, &str)]) -> QueryOutput {
    let params: Vec<(String, String)> = params.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    store.named_query(name, &params).unwrap()
}

fn render(store: &Store, out: QueryOutput, format: ResultFormat) -> String {
    let mut buf = Vec::new();
    store.write_results(out, format, &mut buf).unwrap();
    String::from_utf8(buf).unwrap()
}

#[test]
fn every_named_query_has_a_description_and_parses() {
    let (_dir, store) = fixture_store();
    let names: Vec<_> = named_queries().iter().map(|(n, _, _)| *n).collect();
    assert_eq!(names[..5], ["events", "meetings", "timeline", "mentions", "actors"]);
    for (name, description, _) in named_queries() {
        assert!(description.len() > 20 && !description.starts_with('#'), "{name}: {description:?}");
        assert!(matches!(store.named_query(name, &[]).unwrap(), QueryOutput::Solutions { .. }));
    }
    assert!(named_queries()[1].1.starts_with("Who met whom when"));
}

#[test]
fn events_query() {
    let (_dir, store) = fixture_store();
    let out = run(&store, "events", &[]);
    assert_eq!(
        vars(&out),
        [
            "event",
            "id",
            "type",
            "date",
            "begin",
            "end",
            "place",
            "status",
            "confidence",
            "sources",
            "articles",
            "participants"
        ]
    );
    let got: Vec<String> = rows(&out).iter().map(|r| r.split_once(" | ").unwrap().1.to_owned()).collect();
    assert_eq!(
        got,
        [
            "e-call | CALL | 2025-11-01 | 2025-11-01 | 2025-11-01 |  | occurred | 0.5 | 1 | 1 | Lee Jae-myung ; Xi Jinping",
            "e-meet | MEET | 2025-11-01 | 2025-11-01 | 2025-11-01 | Gyeongju | occurred | 0.85 | 2 | 2 | Lee Jae-myung ; Xi Jinping",
            "e-visit | VISIT | 2025-12 | 2025-12-01 | 2025-12-31 | Seoul | planned | 0.6 | 1 | 1 | Xi Jinping",
            "e-host | HOST | 2026 | 2026-01-01 | 2026-12-31 |  | proposed | 0.1 | 1 | 1 | Xi Jinping ; Lee Jae-myung",
            "e-ministers | MEET |  |  |  |  | occurred | 0.33333334 | 1 | 1 | Cho Hyun ; Kim Min-seok ; Wang Yi",
        ]
    );
}

#[test]
fn meetings_query() {
    let (_dir, store) = fixture_store();
    let out = run(&store, "meetings", &[]);
    assert_eq!(vars(&out), ["date", "type", "participants", "place", "status", "sources", "id"]);
    assert_eq!(
        rows(&out),
        [
            "2025-11-01 | CALL | Lee Jae-myung ; Xi Jinping |  | occurred | 1 | e-call",
            "2025-11-01 | MEET | Lee Jae-myung ; Xi Jinping | Gyeongju | occurred | 2 | e-meet",
            " | MEET | Cho Hyun ; Kim Min-seok ; Wang Yi |  | occurred | 1 | e-ministers",
        ]
    );
}

#[test]
fn timeline_query_with_and_without_actor() {
    let (_dir, store) = fixture_store();
    let all = run(&store, "timeline", &[]);
    assert_eq!(vars(&all), ["begin", "end", "date", "type", "participants", "place", "status", "sources", "id"]);
    assert_eq!(
        rows(&all),
        [
            "2025-11-01 | 2025-11-01 | 2025-11-01 | CALL | Lee Jae-myung ; Xi Jinping |  | occurred | 1 | e-call",
            "2025-11-01 | 2025-11-01 | 2025-11-01 | MEET | Lee Jae-myung ; Xi Jinping | Gyeongju | occurred | 2 | e-meet",
            "2025-12-01 | 2025-12-31 | 2025-12 | VISIT | Xi Jinping | Seoul | planned | 1 | e-visit",
            "2026-01-01 | 2026-12-31 | 2026 | HOST | Xi Jinping ; Lee Jae-myung |  | proposed | 1 | e-host",
            " |  |  | MEET | Cho Hyun ; Kim Min-seok ; Wang Yi |  | occurred | 1 | e-ministers",
        ]
    );
    let ids =
        |out: &QueryOutput| rows(out).iter().map(|r| r.rsplit(" | ").next().unwrap().to_owned()).collect::<Vec<_>>();
    assert_eq!(ids(&run(&store, "timeline", &[("actor", "wang")])), ["e-ministers"]);
    assert_eq!(ids(&run(&store, "timeline", &[("$actor", "LEE JAE")])), ["e-call", "e-meet", "e-host"]);
    assert!(ids(&run(&store, "timeline", &[("actor", "nobody")])).is_empty());
}

#[test]
fn mentions_query() {
    let (_dir, store) = fixture_store();
    let out = run(&store, "mentions", &[]);
    assert_eq!(
        vars(&out),
        ["doc", "begin", "end", "type", "date", "place", "status", "participants", "confidence", "text"]
    );
    let got: Vec<String> = rows(&out).iter().map(|r| r.rsplit_once(" | ").unwrap().0.to_owned()).collect();
    assert_eq!(
        got,
        [
            "001_yonhap | 0 | 66 | MEET | 2025-11-01 | Gyeongju | occurred | Lee Jae-myung ; Xi Jinping | 0.85",
            "001_yonhap | 0 | 66 | MEET |  |  | occurred | Cho Hyun ; Wang Yi | 0.33333334",
            "001_yonhap | 70 | 135 | VISIT | 2025-12 | Seoul | planned | Xi Jinping | 0.6",
            "news/002 xinhua | 5 | 53 | HOST | 2026 |  | proposed | Xi Jinping ; Lee Jae-myung | 0.1",
        ]
    );
    // Newlines in the sentence survive in the data; the table flattens them.
    assert!(rows(&out)[3].ends_with("| Xi proposed hosting Lee next year. More to come."));
}

#[test]
fn actors_query() {
    let (_dir, store) = fixture_store();
    let out = run(&store, "actors", &[]);
    assert_eq!(vars(&out), ["name", "kind", "country", "titles", "aliases", "mentions", "sources", "id"]);
    let got = rows(&out);
    assert_eq!(got.len(), 4);
    assert_eq!(
        got[0],
        "Xi Jinping | person | CHN | Chinese President | Xi ; the Chinese leader | 3 | 1 | xi-jinping".replace(
            "Xi ; the Chinese leader",
            if got[0].contains("Xi ; the") { "Xi ; the Chinese leader" } else { "the Chinese leader ; Xi" },
        )
    );
    assert!(got[1].starts_with("Lee Jae-myung | person | KOR | "), "{}", got[1]);
    assert!(got[1].contains("South Korean President") && got[1].contains("candidate"));
    assert_eq!(got[2], "Cho Hyun | person |  |  | Cho Hyun | 1 | 1 | cho-hyun");
    assert_eq!(got[3], "Wang Yi | person | CHN | Foreign Minister | Wang Yi | 1 | 1 | wang-yi");
}

#[test]
fn params_are_bound_as_terms_not_spliced() {
    let (_dir, store) = fixture_store();
    let q = "SELECT ?id WHERE { GRAPH ?g { ?e dct:identifier ?id ; annals:status $status } } ORDER BY ?id";
    let p = |v: &str| vec![("status".to_string(), v.to_string())];
    assert_eq!(rows(&store.query_with_params(q, &p("planned")).unwrap()), ["e-visit"]);
    // An injection attempt is just a string that matches nothing.
    assert!(rows(&store.query_with_params(q, &p("planned\" } } #")).unwrap()).is_empty());
    // N-Triples syntax gives a typed term.
    let q = "SELECT ?id WHERE { GRAPH ?g { ?e dct:identifier ?id ; annals:date $d } }";
    let d = vec![("d".to_string(), "\"2025-12\"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>".to_string())];
    assert_eq!(rows(&store.query_with_params(q, &d).unwrap()), ["e-visit"]);
    let bad = vec![("d".to_string(), "<not an iri".to_string())];
    assert!(matches!(store.query_with_params(q, &bad), Err(Error::Param { .. })));
    // A misspelt parameter is an error, not an unfiltered result.
    let typo = vec![("dd".to_string(), "x".to_string())];
    let err = store.query_with_params(q, &typo).unwrap_err();
    assert_eq!(err.to_string(), "query parameter $dd: query has no variable $dd");
    // ASK and CONSTRUCT take parameters too.
    let ask = "ASK { GRAPH ?g { ?e annals:status ?s } }";
    let s = |v: &str| vec![("s".to_string(), v.to_string())];
    assert_eq!(store.query_with_params(ask, &s("negated")).unwrap(), QueryOutput::Boolean(false));
    assert_eq!(store.query_with_params(ask, &s("proposed")).unwrap(), QueryOutput::Boolean(true));
}

#[test]
fn syntax_errors_carry_the_position() {
    let (_dir, store) = fixture_store();
    let err = store.query("SELECT ?x WHERE {\n  ?x ?y \n}").unwrap_err();
    let Error::Sparql { query_name, message } = &err else { panic!("{err:?}") };
    assert_eq!(query_name, "query");
    assert!(message.contains("3:1") || message.contains("2:"), "{message}");
    let err = store.named_query("nope", &[]).unwrap_err();
    assert!(err.to_string().contains("meetings"), "{err}");
}

#[test]
fn table_csv_json_xml() {
    let (_dir, store) = fixture_store();
    let q = "SELECT ?id ?place WHERE { GRAPH <https://annals.example.org/graph/linked> { ?e a sem:Event ; dct:identifier ?id OPTIONAL { ?e sem:hasPlace/rdfs:label ?place } } } ORDER BY ?id";
    let out = || store.query(q).unwrap();
    assert_eq!(
        render(&store, out(), ResultFormat::Table),
        "id           place\n-----------  --------\ne-call\ne-host\ne-meet       Gyeongju\ne-ministers\ne-visit      Seoul\n"
    );
    let csv = render(&store, out(), ResultFormat::Csv);
    assert!(csv.starts_with("id,place\r\ne-call,\r\n"), "{csv:?}");
    let tsv = render(&store, out(), ResultFormat::Tsv);
    assert!(tsv.starts_with("?id\t?place\n\"e-call\"\t\n"), "{tsv:?}");
    let json: serde_json::Value = serde_json::from_str(&render(&store, out(), ResultFormat::Json)).unwrap();
    assert_eq!(json["head"]["vars"], serde_json::json!(["id", "place"]));
    assert_eq!(json["results"]["bindings"][2]["place"]["value"], "Gyeongju");
    let xml = render(&store, out(), ResultFormat::Xml);
    assert!(xml.contains("<binding name=\"place\"><literal>Seoul</literal></binding>"), "{xml}");
    // SELECT results have no Turtle form.
    let mut sink = Vec::new();
    assert!(matches!(store.write_results(out(), ResultFormat::Turtle, &mut sink), Err(Error::Format(_))));
}

#[test]
fn ask_and_construct() {
    let (_dir, store) = fixture_store();
    let ask = store.query("ASK { GRAPH ?g { ?e annals:eventType \"VISIT\" } }").unwrap();
    assert_eq!(ask, QueryOutput::Boolean(true));
    assert_eq!(render(&store, ask.clone(), ResultFormat::Table), "true\n");
    assert!(render(&store, ask, ResultFormat::Json).contains("\"boolean\":true"));

    let q = "CONSTRUCT { ?e sem:hasActor ?a } WHERE { GRAPH ?g { ?e a sem:Event ; dct:identifier \"e-visit\" ; sem:hasActor ?a } }";
    let graph = store.query(q).unwrap();
    let QueryOutput::Graph(triples) = &graph else { panic!() };
    assert_eq!(triples.len(), 1);
    assert_eq!(
        render(&store, graph.clone(), ResultFormat::NTriples),
        "<https://annals.example.org/id/event/e-visit> <http://semanticweb.cs.vu.nl/2009/11/sem/hasActor> <https://annals.example.org/id/actor/xi-jinping> .\n"
    );
    let ttl = render(&store, graph.clone(), ResultFormat::Turtle);
    assert!(ttl.contains("@prefix sem:") && ttl.contains("sem:hasActor"), "{ttl}");
    let mut sink = Vec::new();
    assert!(store.write_results(graph, ResultFormat::Csv, &mut sink).is_err());
}

#[test]
fn exports() {
    let (_dir, store) = fixture_store();
    let dump = |f: DumpFormat| {
        let mut buf = Vec::new();
        store.export(f, &mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    };
    let nquads = dump(DumpFormat::NQuads);
    assert_eq!(nquads.lines().count(), store.quad_count().unwrap());
    assert!(nquads.contains(
        "<https://annals.example.org/id/article/news%2F002%20xinhua> <http://purl.org/dc/terms/identifier> \"news/002 xinhua\" <https://annals.example.org/graph/article/news%2F002%20xinhua> ."
    ));
    // The second MEET of the same sentence gets its own IRI.
    assert!(nquads.contains("<https://annals.example.org/id/mention/001_yonhap/0-66-MEET-2> "));

    let trig = dump(DumpFormat::TriG);
    assert!(trig.contains("@prefix annals: <https://annals.example.org/ns#>"));
    assert!(trig.contains("<https://annals.example.org/graph/linked> {"), "{}", &trig[..2000.min(trig.len())]);

    // Turtle: every graph merged, shared triples (place nodes) written once.
    let ttl = dump(DumpFormat::Turtle);
    let reparsed = Store::open(&_dir.path().join("ttl")).unwrap();
    reparsed.inner().load_from_slice(oxigraph::io::RdfFormat::Turtle, ttl.as_bytes()).unwrap();
    let distinct = store
        .inner()
        .iter()
        .map(|q| oxigraph::model::Triple::from(q.unwrap()))
        .collect::<std::collections::HashSet<_>>()
        .len();
    assert_eq!(reparsed.quad_count().unwrap(), distinct);
    assert!(distinct < store.quad_count().unwrap());

    // JSON-LD keeps the graphs: every quad reads back.
    let jsonld = dump(DumpFormat::JsonLd);
    let from_jsonld = Store::open(&_dir.path().join("jsonld")).unwrap();
    let format = oxigraph::io::RdfFormat::JsonLd { profile: oxigraph::io::JsonLdProfileSet::empty() };
    from_jsonld.inner().load_from_slice(format, jsonld.as_bytes()).unwrap();
    assert_eq!(from_jsonld.quad_count().unwrap(), store.quad_count().unwrap());
    assert!(store.inner().iter().all(|q| from_jsonld.inner().contains(&q.unwrap()).unwrap()));
    assert!(jsonld.contains("\"@graph\""), "{}", &jsonld[..500]);

    assert_eq!("trig".parse::<DumpFormat>().unwrap(), DumpFormat::TriG);
    assert_eq!("N-Quads".parse::<DumpFormat>().unwrap(), DumpFormat::NQuads);
    assert!("rdfxml".parse::<DumpFormat>().is_err());
    assert_eq!("json-ld".parse::<DumpFormat>().unwrap(), DumpFormat::JsonLd);
    assert_eq!("tsv".parse::<ResultFormat>().unwrap(), ResultFormat::Tsv);
    assert!("yaml".parse::<ResultFormat>().is_err());
}

/// docs/annals.ttl parses and gives a label and a comment to every
/// `annals:` term the store uses.
#[test]
fn ontology_documents_every_term_in_use() {
    use oxigraph::model::{NamedNodeRef, Term};
    let ontology = oxigraph::store::Store::new().unwrap();
    let ttl = include_str!("../../../docs/annals.ttl");
    ontology.load_from_slice(oxigraph::io::RdfFormat::Turtle, ttl).unwrap();
    let label = NamedNodeRef::new("http://www.w3.org/2000/01/rdf-schema#label").unwrap();
    let comment = NamedNodeRef::new("http://www.w3.org/2000/01/rdf-schema#comment").unwrap();

    let (_dir, store) = fixture_store();
    let mut used = std::collections::BTreeSet::new();
    for quad in store.inner().iter() {
        let quad = quad.unwrap();
        used.insert(quad.predicate.clone());
        if let Term::NamedNode(n) = quad.object {
            used.insert(n);
        }
    }
    used.retain(|n| n.as_str().starts_with("https://annals.example.org/ns#"));
    assert!(used.len() > 40, "{used:?}");
    for term in &used {
        for p in [label, comment] {
            let found = ontology.quads_for_pattern(Some(term.as_ref().into()), Some(p), None, None).next();
            assert!(found.is_some(), "{term} has no {p} in docs/annals.ttl");
        }
    }
}

/// The SPARQL examples in docs/vocabulary.md run and find something.
#[test]
fn vocabulary_examples_run() {
    let (_dir, store) = fixture_store();
    let doc = include_str!("../../../docs/vocabulary.md");
    let blocks: Vec<&str> = doc
        .split("```sparql\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap())
        .filter(|b| b.starts_with("SELECT") || b.starts_with("ASK"))
        .collect();
    assert_eq!(blocks.len(), 3);
    let results: Vec<Vec<String>> = blocks.iter().map(|q| rows(&store.query(q).unwrap())).collect();
    assert_eq!(results[0], ["2025-11-01 | Lee Jae-myung | Gyeongju"]);
    assert_eq!(results[1], ["Yonhap | On November 1, 2025, Lee met Xi in Gyeongju; Cho Hyun met Wang Yi."]);
    assert_eq!(results[2], ["e-meet | 2025-11-01, 2026"]);
}
