//! The named queries bundled from `queries/*.rq`.

use std::sync::OnceLock;

const SOURCES: &[(&str, &str)] = &[
    ("events", include_str!("../../../queries/events.rq")),
    ("meetings", include_str!("../../../queries/meetings.rq")),
    ("timeline", include_str!("../../../queries/timeline.rq")),
    ("mentions", include_str!("../../../queries/mentions.rq")),
    ("actors", include_str!("../../../queries/actors.rq")),
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
