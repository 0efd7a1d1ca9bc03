//! Data-driven linking cases: each directory of `tests/linking/` holds short
//! articles written for the purpose, a `checks` file and `expected.txt`, a
//! dump of the linked events (extraction, then linking). Checks the output
//! fails become `FIXME` lines in the dump, so a wrong result is visible and
//! committed, never ignored. `UPDATE_EXPECT=1 cargo test -p annals-graph
//! --test linking` rewrites the dumps; review the diff.

use std::fmt::Write as _;
use std::path::PathBuf;

mod common;

use annals_graph::{disagreements, status_history, Linked, LinkedEvent};
use common::{cases_dir, link_dir};

fn or_dash<T: ToString>(v: Option<T>) -> String {
    v.map_or_else(|| "-".to_string(), |v| v.to_string())
}

fn dump_event(e: &LinkedEvent, out: &mut String) {
    let mut docs: Vec<&str> = e.mentions.iter().map(|m| m.doc.as_str()).collect();
    docs.dedup();
    let _ = writeln!(
        out,
        "{} | {} | {} | {} | {} | sources {}, articles {}, mentions {} | {}",
        or_dash(e.date),
        e.kind,
        e.participants.join(" ; "),
        or_dash(e.place.as_deref()),
        e.status,
        e.sources,
        e.articles,
        e.mentions.len(),
        docs.join(" ")
    );
    for m in &e.mentions {
        let _ = writeln!(
            out,
            "    {} says {} {}{} @ {}",
            m.doc,
            m.status,
            or_dash(m.date),
            m.date_text.as_deref().map(|t| format!(" ({t})")).unwrap_or_default(),
            or_dash(m.place.as_deref())
        );
    }
    let history: Vec<String> =
        status_history(e).iter().map(|s| format!("{} ({})", s.status, or_dash(s.since))).collect();
    if history.len() > 1 {
        let _ = writeln!(out, "    history: {}", history.join(" -> "));
    }
    for d in disagreements(e) {
        let claims: Vec<String> = d
            .claims
            .iter()
            .map(|c| {
                let words = if c.texts.is_empty() { String::new() } else { format!(" ({})", c.texts.join(", ")) };
                format!("{}{words} per {}", c.value, c.docs.join(","))
            })
            .collect();
        let _ = writeln!(out, "    disagree {}: {}", d.attribute, claims.join(" | "));
    }
}

/// Check one `checks` line; `None` when it holds, else what is wrong.
fn check(line: &str, linked: &Linked) -> Option<String> {
    let largest = linked.events.iter().max_by_key(|e| (e.mentions.len(), std::cmp::Reverse(e.id.clone())));
    let words: Vec<&str> = line.split_whitespace().collect();
    let fail = |got: String| Some(format!("FIXME {line}: got {got}"));
    match words.as_slice() {
        ["events", kind, n] => {
            let got = linked.events.iter().filter(|e| e.kind.as_str() == *kind).count();
            (got.to_string() != *n).then(|| format!("FIXME {line}: got {got}"))
        }
        ["mentions", n] => {
            let got = largest.map_or(0, |e| e.mentions.len());
            if got.to_string() != *n {
                return fail(got.to_string());
            }
            None
        }
        ["sources", n] | ["articles", n] => {
            let e = largest?;
            let got = if words[0] == "sources" { e.sources } else { e.articles };
            (got.to_string() != *n).then(|| format!("FIXME {line}: got {got}"))
        }
        ["history", ..] => {
            let want: Vec<&str> = words[1..].iter().copied().filter(|w| *w != "->").collect();
            let got: Vec<String> =
                largest.map(|e| status_history(e).iter().map(|s| s.status.to_string()).collect()).unwrap_or_default();
            (got != want).then(|| format!("FIXME {line}: got {}", got.join(" -> ")))
        }
        ["disagree", attr] => {
            let got: Vec<&str> =
                largest.map(|e| disagreements(e).iter().map(|d| d.attribute).collect()).unwrap_or_default();
            (!got.contains(attr)).then(|| format!("FIXME {line}: got {got:?}"))
        }
        _ => Some(format!("FIXME unknown check {line:?}")),
    }
}

#[test]
fn linking_cases() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut dirs: Vec<PathBuf> =
        std::fs::read_dir(cases_dir()).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect();
    dirs.sort();
    assert!(dirs.len() >= 6, "linking cases missing");
    let mut mismatched = Vec::new();
    for dir in dirs {
        let linked = link_dir(&dir);
        let mut out = String::new();
        let checks = std::fs::read_to_string(dir.join("checks")).unwrap_or_default();
        for line in checks.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            if let Some(fixme) = check(line, &linked) {
                let _ = writeln!(out, "{fixme}");
            }
        }
        for e in &linked.events {
            dump_event(e, &mut out);
        }
        let expected_path = dir.join("expected.txt");
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if update {
            std::fs::write(&expected_path, &out).unwrap();
        } else if expected != out {
            mismatched.push(format!("{}:\n--- expected\n{expected}--- got\n{out}", dir.display()));
        }
    }
    assert!(mismatched.is_empty(), "{}\n(UPDATE_EXPECT=1 rewrites)", mismatched.join("\n"));
}

/// The bundled samples 03 and 04 are one wire story printed by two outlets:
/// one source. No other pair of samples is near-identical.
#[test]
fn syndicated_samples_are_one_source() {
    let dir = cases_dir().join("../../data/samples");
    let mut infos = Vec::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    for p in &names {
        infos.push(annals_extract::extract(&common::read_article(p)).info);
    }
    let mut similar = Vec::new();
    for i in 0..infos.len() {
        for j in i + 1..infos.len() {
            let s = annals_extract::minhash_similarity(&infos[i].minhash, &infos[j].minhash);
            if s >= annals_graph::SYNDICATION_THRESHOLD {
                similar.push(format!("{} {} {s:.2}", &infos[i].id[..2], &infos[j].id[..2]));
            }
        }
    }
    assert_eq!(similar.len(), 1, "{similar:?}");
    assert!(similar[0].starts_with("03 04"), "{similar:?}");
    let refs: Vec<&annals_extract::model::ArticleInfo> =
        infos.iter().filter(|a| a.id.starts_with("03") || a.id.starts_with("04")).collect();
    assert_eq!(annals_graph::source_groups(&refs).len(), 1);
}
