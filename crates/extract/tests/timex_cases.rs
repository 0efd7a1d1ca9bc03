//! Data-driven temporal tagger cases: `tests/timex/cases.tsv` at the
//! workspace root, one `text<TAB>dct<TAB>expected` case per line (see the
//! file's header). Every failing line is reported at once.

use annals_extract::time::tagger;

const CASES: &str = include_str!("../../../tests/timex/cases.tsv");

fn render(text: &str, dct: Option<chrono::NaiveDate>) -> String {
    let found = tagger().tag(text, dct);
    if found.is_empty() {
        return "-".to_string();
    }
    found
        .iter()
        .map(|t| {
            let name = if t.name { " (name)" } else { "" };
            format!("{}={}{name}", &text[t.span.start..t.span.end], t.value)
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

#[test]
fn timex_cases() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (n, line) in CASES.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [text, dct, expected] = fields[..] else {
            failures.push(format!("line {}: expected 3 tab-separated fields, got {}", n + 1, fields.len()));
            continue;
        };
        count += 1;
        // "\n" in the text stands for a line break
        let text = &text.replace("\\n", "\n");
        let dct = if dct == "-" {
            None
        } else {
            match chrono::NaiveDate::parse_from_str(dct, "%Y-%m-%d") {
                Ok(d) => Some(d),
                Err(e) => {
                    failures.push(format!("line {}: bad dct {dct:?}: {e}", n + 1));
                    continue;
                }
            }
        };
        let got = render(text, dct);
        if got != expected.trim() {
            failures.push(format!("line {}: {text}\n    expected: {expected}\n    got:      {got}", n + 1));
        }
    }
    assert!(count >= 150, "only {count} cases");
    assert!(failures.is_empty(), "{} of {count} timex cases fail:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn spans_are_sorted_and_disjoint() {
    for line in CASES.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let text = line.split('\t').next().unwrap_or("");
        let dct = chrono::NaiveDate::from_ymd_opt(2025, 10, 22);
        let found = tagger().tag(text, dct);
        for w in found.windows(2) {
            assert!(w[0].span.end <= w[1].span.start, "overlap in {text:?}: {:?}", w);
        }
        for t in &found {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
    }
}

#[test]
fn document_date_inference() {
    use annals_extract::model::PartialDate;
    use annals_extract::time::infer_document_date;
    let cases: &[(&str, Option<(PartialDate, &str)>)] = &[
        (
            "KAZAN, October 22, 2025. /TASS/. Putin met Xi on Tuesday.",
            Some((PartialDate::ymd(2025, 10, 22), "dateline")),
        ),
        (
            "Published: 12:04 PM, Jan 3, 2026\n\nLee will travel to Beijing.",
            Some((PartialDate::ymd(2026, 1, 3), "byline")),
        ),
        ("Updated 2025-07-02\n\nTalks resumed.", Some((PartialDate::ymd(2025, 7, 2), "byline"))),
        // No year anywhere: the weekday decides (Jan 4 is a Sunday in 2026).
        ("Sunday, January 4\n\nThe ministers met again.", Some((PartialDate::ymd(2026, 1, 4), "weekday agreement"))),
        (
            "The deal was first struck on March 3, 2019 and revised on May 5, 2021.\n\nRelated\nTop story of June 1, 2024",
            Some((PartialDate::ymd(2021, 5, 5), "latest date in text")),
        ),
        // Dates only in a list of other stories: nothing.
        ("Talks resumed.\n\nRead more\nTalks collapse - March 3, 2024", None),
        ("No dates here at all.", None),
    ];
    let mut failures = Vec::new();
    for (text, want) in cases {
        let got = infer_document_date(text).map(|d| (d.date, d.reason));
        let want = want.map(|(d, r)| (d, r.to_string()));
        if got != want {
            failures.push(format!("{text:?}\n    expected {want:?}\n    got      {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
