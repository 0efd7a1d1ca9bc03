//! The analyst queries in `queries/` on the fixture store (see
//! `common/mod.rs`), checked row by row, with and without parameters.

mod common;

use annals_query::{named_queries, named_query, query_parameters, term_text, QueryOutput, Store};
use common::fixture_store;

/// The header line and then one `a | b | c` line per row (unbound = empty).
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

/// The last column (the event id, in most queries) of every row.
fn ids(lines: &[String]) -> Vec<&str> {
    lines[1..].iter().map(|l| l.rsplit(" | ").next().unwrap()).collect()
}

#[test]
fn library_has_the_analyst_questions() {
    let names: Vec<&str> = named_queries().iter().map(|(n, _, _)| *n).collect();
    assert!(names.len() >= 17, "{names:?}");
    for (name, description, sparql) in named_queries() {
        // SPARQLWrapper and YASGUI send queries with GET by default; the
        // endpoint takes request lines up to 8 KB.
        let encoded: usize =
            sparql.bytes().map(|b| if b.is_ascii_alphanumeric() || b"-._~".contains(&b) { 1 } else { 3 }).sum();
        assert!(encoded < 7_600, "{name}: {encoded} bytes URL-encoded, too long for a GET");
        assert!(description.len() > 30 && description.ends_with(['.', ':']), "{name}: {description:?}");
        let header: String = sparql.lines().take_while(|l| l.starts_with('#')).collect::<Vec<_>>().join("\n");
        for p in query_parameters(sparql) {
            // `$x` and `?x` are the same variable in SPARQL: a parameter
            // must not also name something the pattern binds.
            assert!(!sparql.contains(&format!("?{p} ")), "{name}: ${p} is also ?{p}");
            assert!(!sparql.contains(&format!("?{p}\n")), "{name}: ${p} is also ?{p}");
            assert!(header.contains(&format!("${p}")), "{name}: parameter ${p} is not documented in the header");
        }
        // Portable: every prefix the query uses is declared.
        for prefix in ["annals", "sem", "dct", "rdfs", "nif", "schema", "xsd", "skos", "prov", "gaf"] {
            let body = sparql.lines().filter(|l| !l.starts_with('#')).collect::<Vec<_>>().join("\n");
            if body.contains(&format!(" {prefix}:")) || body.contains(&format!("({prefix}:")) {
                assert!(sparql.contains(&format!("PREFIX {prefix}: <")), "{name}: no PREFIX {prefix}:");
            }
        }
    }
    assert_eq!(query_parameters(named_query("country-meetings").unwrap()), ["country1", "country2", "from", "to"]);
    assert_eq!(query_parameters(named_query("events").unwrap()), Vec::<&str>::new());
}

#[test]
fn who_met() {
    let (_dir, store) = fixture_store();
    let xi = run(&store, "who-met", &[("actor", "xi jinping")]);
    assert_eq!(
        xi,
        [
            "date | actor_name | with | type | place | status | sources | id",
            "2025-11-01 | Xi Jinping | Lee Jae-myung | CALL |  | occurred | 1 | e-call",
            "2025-11-01 | Xi Jinping | Lee Jae-myung | MEET | Gyeongju | occurred | 2 | e-meet",
        ]
    );
    // The three-way meeting gives each other participant.
    let wang = run(&store, "who-met", &[("actor", "Wang")]);
    assert_eq!(ids(&wang), ["e-ministers", "e-ministers"]);
    assert!(wang[1].contains("| Wang Yi | Cho Hyun |") && wang[2].contains("| Wang Yi | Kim Min-seok |"));
    // Unbound: every ordered pair of every meeting and call.
    assert_eq!(run(&store, "who-met", &[]).len(), 1 + 2 + 2 + 6);
    assert_eq!(run(&store, "who-met", &[("actor", "nobody")]).len(), 1);
}

#[test]
fn country_meetings() {
    let (_dir, store) = fixture_store();
    let all = run(&store, "country-meetings", &[]);
    assert_eq!(
        all,
        [
            "date | type | country_a | actor_a | country_b | actor_b | place | status | sources | id",
            "2025-11-01 | CALL | CHN | Xi Jinping | KOR | Lee Jae-myung |  | occurred | 1 | e-call",
            "2025-11-01 | MEET | CHN | Xi Jinping | KOR | Lee Jae-myung | Gyeongju | occurred | 2 | e-meet",
            "2026 | HOST | CHN | Xi Jinping | KOR | Lee Jae-myung |  | proposed | 1 | e-host",
        ]
    );
    // The order of the two countries picks the column order.
    let kor_chn = run(&store, "country-meetings", &[("country1", "KOR"), ("country2", "CHN")]);
    assert_eq!(ids(&kor_chn), ["e-call", "e-meet", "e-host"]);
    assert!(kor_chn[1].contains("| KOR | Lee Jae-myung | CHN | Xi Jinping |"));
    assert_eq!(ids(&run(&store, "country-meetings", &[("country1", "KOR"), ("country2", "JPN")])), Vec::<&str>::new());
    // Periods at any precision, against dates at any precision.
    let period = |from: &str, to: &str| {
        let lines = run(&store, "country-meetings", &[("country1", "CHN"), ("from", from), ("to", to)]);
        ids(&lines).into_iter().map(str::to_owned).collect::<Vec<_>>()
    };
    assert_eq!(period("2025-11", "2025-11"), ["e-call", "e-meet"]);
    assert_eq!(period("2025-11-02", "2025-12-31"), Vec::<String>::new());
    assert_eq!(period("2026-06-01", "2027"), ["e-host"]);
    assert_eq!(period("2025", "2026-01-01"), ["e-call", "e-meet", "e-host"]);
}

#[test]
fn pair_history() {
    let (_dir, store) = fixture_store();
    let lines = run(&store, "pair-history", &[("a", "Lee"), ("b", "CHN")]);
    assert_eq!(
        lines,
        [
            "date | type | participants | place | status | sources | id",
            "2026 | HOST | Xi Jinping ; Lee Jae-myung |  | proposed | 1 | e-host",
            "2025-11-01 | CALL | Lee Jae-myung ; Xi Jinping |  | occurred | 1 | e-call",
            "2025-11-01 | MEET | Lee Jae-myung ; Xi Jinping | Gyeongju | occurred | 2 | e-meet",
        ]
    );
    assert_eq!(ids(&run(&store, "pair-history", &[("a", "kor"), ("b", "chn")])), ["e-host", "e-call", "e-meet"]);
    assert_eq!(ids(&run(&store, "pair-history", &[("a", "cho"), ("b", "wang yi")])), ["e-ministers"]);
    assert_eq!(ids(&run(&store, "pair-history", &[("a", "cho"), ("b", "xi")])), Vec::<&str>::new());
}

#[test]
fn partners() {
    let (_dir, store) = fixture_store();
    let all = run(&store, "partners", &[]);
    assert_eq!(all.len(), 3);
    assert_eq!(all[0], "a | b | events | first | last | types");
    assert!(all[1].starts_with("Lee Jae-myung | Xi Jinping | 3 | "), "{}", all[1]);
    // Kim Min-seok is not in the actor list, so only one pair of the three-way meeting.
    assert_eq!(all[2], "Cho Hyun | Wang Yi | 1 |  |  | MEET");
    let lee = run(&store, "partners", &[("actor", "lee")]);
    assert_eq!(lee.len(), 2);
    assert!(lee[1].starts_with("Lee Jae-myung | Xi Jinping | 3 | 2025-11-01 | 2026-12-31 | "), "{}", lee[1]);
    let mut types: Vec<&str> = lee[1].rsplit(" | ").next().unwrap().split(' ').collect();
    types.sort();
    assert_eq!(types, ["CALL", "HOST", "MEET"]);
}

#[test]
fn busiest_actors() {
    let (_dir, store) = fixture_store();
    let lines = run(&store, "busiest-actors", &[]);
    assert_eq!(lines[0], "month | name | events | types");
    let counts: Vec<String> = lines[1..].iter().map(|l| l.rsplit_once(" | ").unwrap().0.to_owned()).collect();
    // The 2026 (year-only) HOST and the undated meeting do not count.
    assert_eq!(counts, ["2025-11 | Lee Jae-myung | 2", "2025-11 | Xi Jinping | 2", "2025-12 | Xi Jinping | 1"]);
}

#[test]
fn actor_titles() {
    let (_dir, store) = fixture_store();
    assert_eq!(
        run(&store, "actor-titles", &[("actor", "LEE")]),
        [
            "name | title | first | last | id",
            "Lee Jae-myung | South Korean President | 2025-11-02 | 2025-11 | lee-jae-myung",
            "Lee Jae-myung | candidate |  |  | lee-jae-myung",
        ]
    );
    assert_eq!(
        run(&store, "actor-titles", &[])[1..],
        [
            "Lee Jae-myung | South Korean President | 2025-11-02 | 2025-11 | lee-jae-myung",
            "Lee Jae-myung | candidate |  |  | lee-jae-myung",
            "Wang Yi | Foreign Minister | 2025-11-02 | 2025-11-02 | wang-yi",
            "Xi Jinping | Chinese President | 2025 |  | xi-jinping",
        ]
    );
}

#[test]
fn visits() {
    let (_dir, store) = fixture_store();
    let all = run(&store, "visits", &[]);
    assert_eq!(
        all,
        [
            "date | type | visitor | host | destination | status | sources | id",
            "2025-12 | VISIT | Xi Jinping |  | Seoul | planned | 1 | e-visit",
            "2026 | HOST | Lee Jae-myung | Xi Jinping |  | proposed | 1 | e-host",
        ]
    );
    assert_eq!(ids(&run(&store, "visits", &[("place", "seoul")])), ["e-visit"]);
    assert_eq!(ids(&run(&store, "visits", &[("place", "Tokyo")])), Vec::<&str>::new());
}

#[test]
fn single_source() {
    let (_dir, store) = fixture_store();
    // e-call has no linked mention in the fixture, so no sentence to show.
    assert_eq!(
        run(&store, "single-source", &[]),
        [
            "date | type | participants | status | doc | outlet | text | id",
            "2025-12 | VISIT | Xi Jinping | planned | 001_yonhap | Yonhap | Xi is expected to visit Seoul in December — a first since 2014. | e-visit",
            "2026 | HOST | Xi Jinping ; Lee Jae-myung | proposed | news/002 xinhua |  | Xi proposed hosting Lee next year. More to come. | e-host",
            " | MEET | Cho Hyun ; Kim Min-seok ; Wang Yi | occurred | 001_yonhap | Yonhap | On November 1, 2025, Lee met Xi in Gyeongju; Cho Hyun met Wang Yi. | e-ministers",
        ]
    );
}

#[test]
fn corroborated() {
    let (_dir, store) = fixture_store();
    assert_eq!(
        run(&store, "corroborated", &[]),
        [
            "sources | articles | date | type | participants | place | status | id",
            "2 | 2 | 2025-11-01 | MEET | Lee Jae-myung ; Xi Jinping | Gyeongju | occurred | e-meet",
        ]
    );
    assert_eq!(
        ids(&run(&store, "corroborated", &[("min", "1")])),
        ["e-meet", "e-call", "e-visit", "e-host", "e-ministers"]
    );
    assert_eq!(ids(&run(&store, "corroborated", &[("min", "3")])), Vec::<&str>::new());
}

#[test]
fn event_sources() {
    let (_dir, store) = fixture_store();
    let expected = [
        "id | type | doc | outlet | published | stated_date | stated_place | stated_status | text",
        "e-meet | MEET | 001_yonhap | Yonhap | 2025-11-02 | 2025-11-01 | Gyeongju | occurred | On November 1, 2025, Lee met Xi in Gyeongju; Cho Hyun met Wang Yi.",
        "e-meet | MEET | news/002 xinhua |  | 2025-11 | 2026 |  | proposed | Xi proposed hosting Lee next year. More to come.",
    ];
    assert_eq!(run(&store, "event-sources", &[]), expected);
    assert_eq!(run(&store, "event-sources", &[("event", "e-meet")]), expected);
    let visit = run(&store, "event-sources", &[("event", "e-visit")]);
    assert_eq!(visit.len(), 2);
    assert!(
        visit[1].starts_with("e-visit | VISIT | 001_yonhap | Yonhap | 2025-11-02 | 2025-12 | Seoul | planned | Xi is")
    );
}

#[test]
fn date_disagreements() {
    let (_dir, store) = fixture_store();
    assert_eq!(
        run(&store, "date-disagreements", &[]),
        [
            "id | type | participants | date | stated_dates",
            "e-meet | MEET | Lee Jae-myung ; Xi Jinping | 2025-11-01 | 2025-11-01 (001_yonhap) ; 2026 (news/002 xinhua)",
        ]
    );
}

#[test]
fn status_history() {
    let (_dir, store) = fixture_store();
    assert_eq!(
        run(&store, "status-history", &[]),
        [
            "id | type | participants | published | stated_status | stated_date | doc",
            "e-meet | MEET | Lee Jae-myung ; Xi Jinping | 2025-11 | proposed | 2026 | news/002 xinhua",
            "e-meet | MEET | Lee Jae-myung ; Xi Jinping | 2025-11-02 | occurred | 2025-11-01 | 001_yonhap",
        ]
    );
}

#[test]
fn planned_not_occurred() {
    let (_dir, store) = fixture_store();
    assert_eq!(
        run(&store, "planned-not-occurred", &[]),
        [
            "date | type | participants | place | status | sources | overdue | id",
            "2025-12 | VISIT | Xi Jinping | Seoul | planned | 1 | false | e-visit",
            "2026 | HOST | Xi Jinping ; Lee Jae-myung |  | proposed | 1 | false | e-host",
        ]
    );
}

/// A planned meeting whose date has passed, and a planned meeting that a
/// later report says happened, on top of the fixture.
#[test]
fn planned_not_occurred_overdue_and_fulfilled() {
    use annals_extract::model::Status;
    let (_dir, store) = fixture_store();
    let mut linked = common::linked();
    let mut late = linked.events[2].clone(); // e-visit, planned for 2025-12
    late.id = "e-old-plan".into();
    late.date = Some(common::date("2025-10"));
    let mut fulfilled = late.clone();
    fulfilled.id = "e-fulfilled-plan".into();
    fulfilled.participants = vec!["Wang Yi".into()];
    let mut happened = fulfilled.clone();
    happened.id = "e-happened".into();
    happened.status = Status::Occurred;
    linked.events.extend([late, fulfilled, happened]);
    store.replace_linked(&linked).unwrap();
    let lines = run(&store, "planned-not-occurred", &[]);
    assert_eq!(ids(&lines), ["e-old-plan", "e-visit", "e-host"]);
    // The newest article is from 2025-11-02: October is over, December is not.
    assert!(lines[1].ends_with("| planned | 1 | true | e-old-plan"), "{}", lines[1]);
}

/// Queries of one's own may test `BOUND($p)`: the parameter is replaced by
/// its term before planning, so the optimizer sees it bound.
#[test]
fn bound_parameters_in_own_queries() {
    let (_dir, store) = fixture_store();
    let q = "SELECT ?id WHERE { GRAPH <https://annals.example.org/graph/linked> { ?e dct:identifier ?id ; annals:status ?s . \
             FILTER (!BOUND($status) || ?s = STR($status)) } } ORDER BY ?id";
    let ids = |params: &[(String, String)]| {
        let QueryOutput::Solutions { rows, .. } = store.query_with_params(q, params).unwrap() else { panic!() };
        rows.iter().map(|r| term_text(r[0].as_ref().unwrap())).collect::<Vec<_>>()
    };
    assert_eq!(ids(&[("status".into(), "planned".into())]), ["e-visit"]);
    assert_eq!(ids(&[]).len(), 5);
}

/// A name parameter is an IRI, an id, a canonical name or an alias first,
/// and part of a name (any case) only when nothing is named exactly so.
#[test]
fn names_resolve_exactly_first() {
    let (_dir, store) = fixture_store();
    let xi = |name: &str| -> Vec<String> {
        ids(&run(&store, "timeline", &[("actor", name)])).into_iter().map(str::to_owned).collect()
    };
    let all_xi: Vec<String> = vec!["e-call".into(), "e-meet".into(), "e-visit".into(), "e-host".into()];
    assert_eq!(xi("<https://annals.example.org/id/actor/xi-jinping>"), all_xi);
    assert_eq!(xi("xi-jinping"), all_xi);
    assert_eq!(xi("Xi Jinping"), all_xi);
    assert_eq!(xi("xi jin"), all_xi);
    // An IRI that is no actor names nothing (no fallback to its text).
    assert_eq!(xi("<https://annals.example.org/id/actor/nobody>"), Vec::<String>::new());
    // "Wang" is nobody's name or alias: every name containing it.
    assert_eq!(ids(&run(&store, "actor-titles", &[("actor", "wang")])), ["wang-yi"]);
    // A language-tagged literal is no stored name; its text still matches by substring.
    assert_eq!(ids(&run(&store, "actor-titles", &[("actor", "\"Wang Yi\"@en")])), ["wang-yi"]);
}
