//! Snapshot tests of the timeline pictures: the DOT of every linking case
//! and of a synthetic 200-event corpus, against `tests/timeline/*.dot`
//! (and one text timeline). `UPDATE_EXPECT=1 cargo test -p annals-graph
//! --test timeline` rewrites them; render one with `dot -Tsvg` and look at
//! it before committing.

mod common;
#[path = "../examples/common/synth.rs"]
#[allow(dead_code)]
mod synth;

use std::path::{Path, PathBuf};

use annals_graph::timeline::{sort_events, to_dot, to_text, Lane, TimelineOptions};
use annals_graph::{link, Aliases, LinkedEvent};
use common::{cases_dir, link_dir};

fn expected_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/timeline")
}

/// 200 linked events among a dozen invented actors over two years.
pub(crate) fn synthetic_200() -> Vec<LinkedEvent> {
    let spec = synth::Spec { seed: 11, actors: 12, events: 230, max_reports: 3, first_year: 2024, years: 2 };
    let (articles, mentions) = synth::corpus(&spec);
    let mut events = link(&articles, &mentions, &Aliases::default()).events;
    sort_events(&mut events);
    events.truncate(200);
    events
}

fn check(name: &str, got: &str, mismatched: &mut Vec<String>) {
    let path = expected_dir().join(name);
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    if want != got {
        mismatched.push(format!("{} differs (UPDATE_EXPECT=1 rewrites)", path.display()));
    }
}

#[test]
fn timeline_snapshots() {
    let mut mismatched = Vec::new();
    let mut dirs: Vec<PathBuf> =
        std::fs::read_dir(cases_dir()).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect();
    dirs.sort();
    for dir in dirs {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let events = link_dir(&dir).events;
        let opts = TimelineOptions { title: Some(name.clone()), ..TimelineOptions::default() };
        check(&format!("{name}.dot"), &to_dot(&events, &opts), &mut mismatched);
    }
    let events = synthetic_200();
    assert_eq!(events.len(), 200);
    let title = Some("synthetic: 200 events, 2024-2025".to_string());
    let opts = TimelineOptions { title: title.clone(), ..TimelineOptions::default() };
    check("synthetic-200.dot", &to_dot(&events, &opts), &mut mismatched);
    let opts = TimelineOptions { title, lane: Lane::Year, ..TimelineOptions::default() };
    check("synthetic-200-year.dot", &to_dot(&events, &opts), &mut mismatched);
    check("synthetic-200.txt", &to_text(&events), &mut mismatched);
    assert!(mismatched.is_empty(), "{}", mismatched.join("\n"));
}

#[test]
fn every_event_is_drawn_once() {
    let events = synthetic_200();
    let dot = to_dot(&events, &TimelineOptions::default());
    let boxes = dot.matches("STYLE=\"rounded\"").count()
        + dot.matches("STYLE=\"dashed\"").count()
        + dot.matches("STYLE=\"dotted\"").count();
    // plus the four legend boxes
    assert_eq!(boxes, events.len() + 4);
}
