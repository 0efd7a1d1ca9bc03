//! Data-driven tests of actor recognition, in-document coreference and the
//! cross-document person rules: `tests/actors/*.tsv` (our own sentences;
//! each file's header says what its columns mean).

use annals_extract::actors::{document_mentions, name_key, same_person, ActorMention, PersonFacts};
use annals_extract::model::PartialDate;

fn rows(file: &str) -> Vec<(usize, Vec<String>)> {
    let path = format!("{}/tests/actors/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').map(str::to_string).collect()))
        .collect()
}

fn mention<'a>(all: &'a [ActorMention], text: &str, surface: &str) -> Option<&'a ActorMention> {
    all.iter().find(|m| &text[m.span.start..m.span.end] == surface)
}

fn field_ok(want: &str, got: Option<&str>) -> bool {
    match want {
        "*" => true,
        "-" => got.is_none(),
        w => got == Some(w),
    }
}

#[test]
fn mentions() {
    let mut failures = Vec::new();
    for (line, r) in rows("mentions.tsv") {
        let [text, surface, class, name, country, title] = r.as_slice() else {
            panic!("mentions.tsv:{line}: expected 6 columns, got {}", r.len())
        };
        let all = document_mentions(text);
        let Some(m) = mention(&all, text, surface) else {
            failures.push(format!("mentions.tsv:{line}: no mention {surface:?} in {all:?}"));
            continue;
        };
        let ok = (class == "*" || m.class == class)
            && (name == "*" || &m.name == name)
            && field_ok(country, m.country.as_deref())
            && field_ok(title, m.title.as_deref());
        if !ok {
            failures.push(format!(
                "mentions.tsv:{line}: {surface:?}: want {class} {name:?} {country} {title:?}, got {} {:?} {:?} {:?}",
                m.class, m.name, m.country, m.title
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn left_unresolved() {
    let mut failures = Vec::new();
    for (line, r) in rows("unresolved.tsv") {
        let [text, surface] = r.as_slice() else { panic!("unresolved.tsv:{line}: expected 2 columns") };
        let all = document_mentions(text);
        if let Some(m) = mention(&all, text, surface) {
            if m.class == "person" && &m.name != surface {
                failures.push(format!("unresolved.tsv:{line}: {surface:?} was resolved to {:?}", m.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn years(s: &str) -> Option<(PartialDate, PartialDate)> {
    let (a, b) = s.split_once('-')?;
    Some((a.parse().ok()?, b.parse().ok()?))
}

#[test]
fn same_or_distinct_people() {
    let mut failures = Vec::new();
    for (line, r) in rows("same_person.tsv") {
        let [a, b, ca, cb, ta, tb, ya, yb, want] = r.as_slice() else {
            panic!("same_person.tsv:{line}: expected 9 columns, got {}", r.len())
        };
        let titles = |t: &str| -> Vec<String> {
            if t == "-" {
                Vec::new()
            } else {
                t.split(';').map(|x| x.trim().to_string()).collect()
            }
        };
        let (ta, tb) = (titles(ta), titles(tb));
        let facts = |name: &'static str, c: &'static str, t: &'static [String], y: &str| PersonFacts {
            name,
            country: (c != "-").then_some(c),
            titles: t,
            seen: years(y),
        };
        // the test data lives for the whole test: leak it to keep the closure simple
        let leak = |s: &str| -> &'static str { Box::leak(s.to_string().into_boxed_str()) };
        let ta: &'static [String] = Box::leak(ta.into_boxed_slice());
        let tb: &'static [String] = Box::leak(tb.into_boxed_slice());
        let fa = facts(leak(a), leak(ca), ta, ya);
        let fb = facts(leak(b), leak(cb), tb, yb);
        let got = same_person(&fa, &fb);
        let back = same_person(&fb, &fa);
        let want_same = match want.as_str() {
            "same" => true,
            "distinct" => false,
            w => panic!("same_person.tsv:{line}: expected same or distinct, got {w:?}"),
        };
        if got != want_same || back != got {
            failures.push(format!("same_person.tsv:{line}: {a:?} / {b:?}: want {want}, got {got} (reversed {back})"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn keys_fold_spelling_only() {
    assert_eq!(name_key("Sergei Lavrov"), name_key("Sergey Lavrov"));
    assert_eq!(name_key("Erdoğan"), name_key("Erdogan"));
    assert_eq!(name_key("Kim Jong Un"), name_key("Kim Jong-un"));
    assert_eq!(name_key("LEE JAE-MYUNG"), name_key("Lee Jae Myung"));
    assert_ne!(name_key("Lee Jae-myung"), name_key("Lee Jae-yong"));
    assert_ne!(name_key("Lee Jae-myung"), name_key("Lee Dong-gyu"));
}
