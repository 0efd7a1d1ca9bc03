//! The named queries bundled from `queries/*.rq`.

use std::sync::OnceLock;

macro_rules! bundled {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../../queries/", $name, ".rq")))),*]
    };
}

/// In the order `annals query --list` shows them: the views the other
/// commands read first, then the analyst questions.
const SOURCES: &[(&str, &str)] = bundled![
    "events",
    "meetings",
    "timeline",
    "mentions",
    "actors",
    "who-met",
    "country-meetings",
    "pair-history",
    "partners",
    "busiest-actors",
    "actor-titles",
    "visits",
    "single-source",
    "corroborated",
    "event-sources",
    "date-disagreements",
    "status-history",
    "planned-not-occurred",
];

/// `(name, description, sparql)` for every bundled query; the description
/// is the file's first `#` comment line.
pub fn named_queries() -> &'static [(&'static str, &'static str, &'static str)] {
    static QUERIES: OnceLock<Vec<(&'static str, &'static str, &'static str)>> = OnceLock::new();
    QUERIES.get_or_init(|| {
        SOURCES
            .iter()
            .map(|(name, sparql)| {
                let description =
                    sparql.lines().find_map(|l| l.trim_start().strip_prefix('#')).map(str::trim).unwrap_or_default();
                (*name, description, *sparql)
            })
            .collect()
    })
}

/// The SPARQL text of a bundled query.
pub fn named_query(name: &str) -> Option<&'static str> {
    named_queries().iter().find(|(n, _, _)| *n == name).map(|(_, _, q)| *q)
}

/// The `$name` parameters a query text uses (in order of first use), so
/// that `--list` and the endpoint can say what each query takes.
pub fn query_parameters(sparql: &str) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    for (at, _) in sparql.match_indices('$') {
        let rest = &sparql[at + 1..];
        let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
        let name = &rest[..end];
        // `$` also appears in comments ("$actor-style"); a comment line is not the query.
        let line_start = sparql[..at].rfind('\n').map_or(0, |i| i + 1);
        if !name.is_empty() && !sparql[line_start..at].trim_start().starts_with('#') && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}
