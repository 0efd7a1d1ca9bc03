//! End-to-end tests: the real `annals` binary on the bundled samples and on
//! bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_annals"))
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("annals-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn run(args: &[&str]) -> Output {
    bin().args(args).stdin(Stdio::null()).output().expect("run annals")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn build(store: &Path, inputs: &[&Path]) -> Output {
    let mut cmd = bin();
    cmd.arg("build").arg("--quiet").arg("--store").arg(store);
    for i in inputs {
        cmd.arg(i);
    }
    cmd.stdin(Stdio::null()).output().expect("run annals build")
}

fn events_json(store: &Path) -> Vec<serde_json::Value> {
    let o = run(&["events", "--format", "jsonl", "--store", store.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o).lines().map(|l| serde_json::from_str(l).expect("json line")).collect()
}

#[test]
fn samples_build_and_answer() {
    let store = tmp("samples");
    let o = build(&store, &[&root().join("data/samples")]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("15 documents read"), "{}", stderr(&o));
    let events = events_json(&store);
    // the Lavrov-Vieira call is told by two outlets with two spellings: one event
    let call = events
        .iter()
        .find(|e| e["type"] == "CALL" && e["participants"].to_string().contains("Lavrov"))
        .expect("the Lavrov-Vieira call");
    assert_eq!(call["date"], "2025-03-06");
    assert_eq!(call["participants"].as_array().unwrap().len(), 2);
    assert!(call["mentions"].as_array().unwrap().len() >= 2, "{call}");
    for m in call["mentions"].as_array().unwrap() {
        let text = m["text"].as_str().unwrap();
        assert!(!text.is_empty() && m["end"].as_u64() > m["start"].as_u64());
    }
    // the summit: planned in one article, occurred in others, one event
    let summit: Vec<&serde_json::Value> = events
        .iter()
        .filter(|e| e["type"] == "MEET" && e["date"] == "2025-03-04" && e["participants"].to_string().contains("Modi"))
        .collect();
    assert_eq!(summit.len(), 1, "{summit:?}");
    assert_eq!(summit[0]["status"], "occurred");
    assert!(summit[0]["sources"].as_u64().unwrap() >= 3);
    // the editorial states no event
    assert!(!events.iter().any(|e| e["mentions"].to_string().contains("12_standard_editorial")));
    // filters
    let o = run(&[
        "events",
        "--format",
        "jsonl",
        "--store",
        store.to_str().unwrap(),
        "--actor",
        "Lavrov",
        "--type",
        "CALL",
    ]);
    assert_eq!(stdout(&o).lines().count(), 1);
    // meetings come from queries/meetings.rq
    let o = run(&["meetings", "--store", store.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("2025-03-06"), "{}", stdout(&o));
    // timelines
    let o = run(&["timeline", "--store", store.to_str().unwrap(), "--format", "dot"]);
    let dot = stdout(&o);
    assert!(dot.starts_with("digraph timeline {") && dot.contains("CALL"), "{dot}");
    let o = run(&["timeline", "--store", store.to_str().unwrap(), "--format", "text", "--actor", "Lavrov"]);
    assert!(stdout(&o).contains("2025-03-06  CALL"), "{}", stdout(&o));
    if Command::new("dot").arg("-V").output().is_ok() {
        let o = run(&["timeline", "--store", store.to_str().unwrap(), "--format", "svg"]);
        assert!(stdout(&o).contains("<svg"), "{}", stderr(&o));
    }
    let _ = std::fs::remove_dir_all(&store);
}

#[test]
fn second_build_changes_nothing() {
    let store = tmp("rebuild");
    let samples = root().join("data/samples");
    assert!(build(&store, &[&samples]).status.success());
    let first = stdout(&run(&["export", "--format", "nquads", "--store", store.to_str().unwrap()]));
    let o = build(&store, &[&samples]);
    assert!(stderr(&o).contains("0 new or changed, 15 unchanged"), "{}", stderr(&o));
    let second = stdout(&run(&["export", "--format", "nquads", "--store", store.to_str().unwrap()]));
    assert!(!first.is_empty());
    assert_eq!(first, second);
    let _ = std::fs::remove_dir_all(&store);
}

#[test]
fn new_articles_link_with_stored_ones() {
    let store = tmp("incremental");
    let samples = root().join("data/samples");
    assert!(build(&store, &[&samples.join("07_wire_lavrov_vieira_call.txt")]).status.success());
    assert!(build(&store, &[&samples.join("08_post_lavrov_telephone.txt")]).status.success());
    let events = events_json(&store);
    let calls: Vec<_> = events.iter().filter(|e| e["type"] == "CALL").collect();
    assert_eq!(calls.len(), 1, "{calls:?}");
    assert_eq!(calls[0]["mentions"].as_array().unwrap().len(), 2);
    let _ = std::fs::remove_dir_all(&store);
}

#[test]
fn bad_inputs_are_named_and_the_batch_goes_on() {
    let store = tmp("bad");
    let bad = root().join("tests/fixtures/bad");
    let good = root().join("data/samples/07_wire_lavrov_vieira_call.txt");
    let missing = bad.join("does-not-exist.txt");
    let o = build(&store, &[&bad, &good, &missing]);
    let err = stderr(&o);
    assert!(o.status.success(), "some input was readable: {err}");
    assert!(err.contains("binary.txt: binary file"), "{err}");
    assert!(err.contains("empty.txt: empty file"), "{err}");
    assert!(err.contains("invalid_utf8.txt:") && err.contains("invalid UTF-8"), "{err}");
    assert!(err.contains("broken.jsonl:2: invalid JSON"), "{err}");
    assert!(err.contains("frontmatter_only.md: no article text"), "{err}");
    assert!(err.contains("does-not-exist.txt: cannot read"), "{err}");
    let events = events_json(&store);
    // the good lines of broken.jsonl, the repaired UTF-8 file and the soup page still count
    let text = serde_json::to_string(&events).unwrap();
    assert!(text.contains("Lavrov"), "{text}");
    assert!(text.contains("Tamm") || text.contains("Lehtinen"), "{text}");
    let _ = std::fs::remove_dir_all(&store);

    // nothing readable at all: exit code 1
    let store = tmp("bad-only");
    let o = build(&store, &[&bad.join("binary.txt"), &bad.join("empty.txt")]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&store);
}

#[test]
fn corrupt_store_is_a_clear_error() {
    let store = tmp("corrupt");
    std::fs::create_dir_all(&store).unwrap();
    std::fs::write(store.join("CURRENT"), b"garbage\n").unwrap();
    std::fs::write(store.join("MANIFEST-000001"), b"\x00\x01garbage").unwrap();
    let o = run(&["events", "--store", store.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.starts_with("error:") && err.contains(store.to_str().unwrap()), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let o = run(&["events", "--store", "/nonexistent/annals.db"]);
    assert_eq!(o.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&store);
}

#[test]
fn timex_prints_character_offsets() {
    let mut child =
        bin().args(["timex", "--dct", "2026-01-03"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all("Erdoğan’s aide said he will meet Lee on Monday.".as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let line = String::from_utf8(out.stdout).unwrap();
    let v: serde_json::Value = serde_json::from_str(line.lines().next().expect("one timex")).unwrap();
    assert_eq!(v["value"], "2026-01-05");
    assert_eq!(v["type"], "DATE");
    // "Monday" starts at character 40 (the ğ and ’ are one character each)
    assert_eq!(v["start"], 40);
    assert_eq!(v["end"], 46);
}

#[test]
fn extract_and_query_list() {
    let o = run(&["extract", root().join("tests/cases/simple_met_date.txt").to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("MEET"), "{}", stdout(&o));
    let o = run(&["query", "--list"]);
    for name in ["meetings", "events", "timeline"] {
        assert!(stdout(&o).lines().any(|l| l.starts_with(name)), "{}", stdout(&o));
    }
}

/// An actor the article names but who takes part in no event is an actor
/// all the same: listed with its title, mentions and sources, shown by
/// `annals actor`, and kept the same by a rebuild.
#[test]
fn actors_named_in_no_event_are_actors() {
    let store = tmp("named-only");
    let article = root().join("tests/fixtures/actors/named_not_in_event.txt");
    let o = build(&store, &[&article]);
    assert!(o.status.success(), "{}", stderr(&o));
    let s = store.to_str().unwrap();
    let events = events_json(&store);
    assert_eq!(events.len(), 1, "{events:?}");
    assert!(!events[0]["participants"].to_string().contains("Lee Jae-yong"), "{events:?}");

    let o = run(&["actors", "--format", "jsonl", "--store", s]);
    assert!(o.status.success(), "{}", stderr(&o));
    let actors: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let names: Vec<&str> = actors.iter().map(|a| a["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"Lee Jae-myung") && names.contains(&"Xi Jinping"), "{names:?}");
    let lee = actors.iter().find(|a| a["name"] == "Lee Jae-yong").expect("Lee Jae-yong is an actor");
    assert_eq!(lee["kind"], "person");
    assert_eq!(lee["mentions"], 2, "{lee}");
    assert_eq!(lee["sources"], 1, "{lee}");
    assert_eq!(lee["titles"][0]["title"], "Chairman", "{lee}");
    assert_eq!(lee["titles"][0]["first"], "2025-03-04", "{lee}");
    // Lee Jae-myung is named once, in the event.
    let president = actors.iter().find(|a| a["name"] == "Lee Jae-myung").unwrap();
    assert_eq!(president["mentions"], 1, "{president}");
    // organizations of the gazetteer named outside any event are actors too
    let samsung = actors.iter().find(|a| a["name"] == "Samsung Electronics").expect("Samsung is an actor");
    assert_eq!(samsung["kind"], "organization", "{samsung}");

    let o = run(&["actors", "--kind", "person", "--store", s]);
    assert!(stdout(&o).contains("Lee Jae-yong"), "{}", stdout(&o));
    let o = run(&["actor", "lee jae-yong", "--format", "jsonl", "--store", s]);
    assert!(o.status.success(), "{}", stderr(&o));
    let shown: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(shown["name"], "Lee Jae-yong");
    assert_eq!(shown["events"], serde_json::json!([]));
    let o = run(&["actor", "Lee Jae-yong", "--store", s]);
    assert!(stdout(&o).contains("mentions: 2 in 1 sources"), "{}", stdout(&o));

    // The SPARQL view agrees.
    let o = run(&["query", "actors", "--format", "csv", "--store", s]);
    assert!(stdout(&o).lines().any(|l| l.starts_with("Lee Jae-yong,person,")), "{}", stdout(&o));

    // Rebuilding the same article writes the same quads.
    let first = stdout(&run(&["export", "--format", "nquads", "--store", s]));
    assert!(first.contains("https://annals.example.org/ns#ActorMention"), "no actor records in the article graph");
    let o = build(&store, &[&article]);
    assert!(stderr(&o).contains("0 new or changed, 1 unchanged"), "{}", stderr(&o));
    assert_eq!(stdout(&run(&["export", "--format", "nquads", "--store", s])), first);
    let _ = std::fs::remove_dir_all(&store);
}
