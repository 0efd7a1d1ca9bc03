//! Data-driven extraction cases: `tests/cases/NAME.txt` (first lines
//! `# published: DATE` and `# expect: TYPE | names ; ... | date | place | status`)
//! against `tests/cases/NAME.expected`, a sorted dump of what the extractor
//! finds. Expectations the output misses or contradicts are written into the
//! dump as `FIXME` lines, so a wrong output is visible and committed, never
//! ignored. `UPDATE_EXPECT=1 cargo test -p annals-extract --test cases`
//! rewrites the dumps; review the diff.

use std::path::{Path, PathBuf};

use annals_extract::coref::fold;
use annals_extract::model::{Document, EventMention};
use annals_extract::{extract, parse_published};

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases")
}

fn line(m: &EventMention) -> String {
    let names: Vec<&str> = m.participants.iter().map(|p| p.name.as_str()).collect();
    format!(
        "{} | {} | {} | {} | {} | {}..{}",
        m.date.map(|d| d.to_string()).unwrap_or_else(|| "-".into()),
        m.kind,
        names.join(" ; "),
        m.place.as_deref().unwrap_or("-"),
        m.status,
        m.evidence.start,
        m.evidence.end
    )
}

/// Whether an output mention satisfies an `# expect:` line
/// (type, participant set, date, status; the place only when given).
fn satisfies(m: &EventMention, expect: &str) -> bool {
    let f: Vec<&str> = expect.split('|').map(str::trim).collect();
    if f.len() < 5 {
        return false;
    }
    let mut want: Vec<String> = f[1].split(';').map(|n| fold(n.trim())).collect();
    let mut got: Vec<String> = m.participants.iter().map(|p| fold(&p.name)).collect();
    want.sort();
    got.sort();
    let names_ok = want.len() == got.len()
        && want.iter().zip(&got).all(|(w, g)| w == g || w.contains(g.as_str()) || g.contains(w.as_str()));
    let date = m.date.map(|d| d.to_string()).unwrap_or_else(|| "-".into());
    let place_ok = f[3] == "-"
        || m.place.as_deref().is_some_and(|p| fold(p).contains(&fold(f[3])) || fold(f[3]).contains(&fold(p)));
    m.kind.as_str() == f[0] && names_ok && date == f[2] && m.status.as_str() == f[4] && place_ok
}

fn dump(path: &Path) -> (String, usize) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut published = None;
    let mut expects = Vec::new();
    let mut body = Vec::new();
    for l in text.lines() {
        if let Some(d) = l.strip_prefix("# published:") {
            published = parse_published(d.trim());
        } else if let Some(e) = l.strip_prefix("# expect:") {
            if e.trim() != "none" {
                expects.push(e.trim().to_string());
            }
        } else if !l.starts_with('#') {
            body.push(l);
        }
    }
    let doc = Document {
        id: path.file_stem().unwrap().to_string_lossy().into(),
        text: body.join("\n"),
        published,
        ..Default::default()
    };
    let mentions = extract(&doc).mentions;
    let mut lines: Vec<String> = mentions.iter().map(line).collect();
    lines.sort();
    let mut fixmes = 0;
    for e in &expects {
        if !mentions.iter().any(|m| satisfies(m, e)) {
            lines.push(format!("FIXME missing: {e}"));
            fixmes += 1;
        }
    }
    for m in &mentions {
        if !expects.iter().any(|e| satisfies(m, e)) {
            lines.push(format!("FIXME unexpected: {}", line(m)));
            fixmes += 1;
        }
    }
    (lines.join("\n") + "\n", fixmes)
}

#[test]
fn extraction_cases() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(cases_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 20, "expected the case files under tests/cases");
    let mut failures = Vec::new();
    let (mut total_fixmes, mut clean) = (0, 0);
    for p in &paths {
        let (got, fixmes) = dump(p);
        total_fixmes += fixmes;
        clean += usize::from(fixmes == 0);
        let exp_path = p.with_extension("expected");
        if update {
            std::fs::write(&exp_path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&exp_path).unwrap_or_default();
        if want != got {
            failures.push(format!("{}:\n--- expected\n{want}--- got\n{got}", p.display()));
        }
    }
    eprintln!("{} cases, {clean} fully right, {total_fixmes} FIXME lines", paths.len());
    assert!(
        failures.is_empty(),
        "{} cases changed (UPDATE_EXPECT=1 to accept):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
