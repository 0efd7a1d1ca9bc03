//! The timeline, why, network and path commands on a store built from the
//! hand-written linking fixtures (`tests/linking/`), through the real binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_annals")).args(args).stdin(Stdio::null()).output().expect("run annals")
}

fn ok(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A store holding every linking fixture, built once per test.
fn store(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("annals-timeline-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let cases = root().join("tests/linking");
    ok(&run(&["build", "--quiet", "--store", dir.to_str().unwrap(), cases.to_str().unwrap()]));
    dir
}

fn event_id(store: &str, actor: &str) -> String {
    let out = ok(&run(&["events", "--store", store, "--actor", actor, "--format", "jsonl"]));
    let first = out.lines().next().expect("an event");
    let v: serde_json::Value = serde_json::from_str(first).unwrap();
    v["id"].as_str().unwrap().to_string()
}

#[test]
fn timeline_formats_and_options() {
    let s = store("formats");
    let s = s.to_str().unwrap();
    let text = ok(&run(&["timeline", "--store", s]));
    assert!(text.contains("2025-10-29  MEET   Daniel Otieno ; Lena Brunner @ Geneva  [occurred, 2 sources]"), "{text}");
    let dot = ok(&run(&["timeline", "--store", s, "--format", "dot", "--actor", "Lee Jae-myung"]));
    assert!(dot.starts_with("digraph timeline {") && dot.contains("Shanghai"), "{dot}");
    let year = ok(&run(&["timeline", "--store", s, "--format", "dot", "--lane", "year"]));
    assert!(year.contains(">2025<") || year.contains("<B>2025</B>"), "{year}");
    let place = ok(&run(&["timeline", "--store", s, "--place", "China"]));
    assert!(place.contains("Beijing") && !place.contains("Geneva"), "{place}");
    let svg = ok(&run(&["timeline", "--store", s, "--format", "svg"]));
    assert!(svg.contains("<svg"), "dot did not render");
}

#[test]
fn why_explains_merges_history_and_disagreements() {
    let s = store("why");
    let s = s.to_str().unwrap();
    let id = event_id(s, "Lena Brunner");
    let out = ok(&run(&["why", "--store", s, &id[..8]]));
    assert!(out.contains("planned (from 2025-10-17"), "{out}");
    assert!(out.contains("-> occurred (from 2025-10-30"), "{out}");
    assert!(out.contains("joins"), "{out}");
    let id = event_id(s, "Martin Huber");
    let out = ok(&run(&["why", "--store", s, &id, "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["disagreements"][0]["attribute"], "date", "{out}");
    let id = event_id(s, "Arjun Mehta");
    let out = ok(&run(&["why", "--store", s, &id]));
    assert!(out.contains("(syndicated or reposted copies)"), "{out}");
    let missing = run(&["why", "--store", s, "zzzz"]);
    assert!(!missing.status.success());
}

#[test]
fn network_and_path() {
    let s = store("network");
    let s = s.to_str().unwrap();
    let pairs = ok(&run(&["network", "--store", s]));
    assert!(pairs.contains("Daniel Otieno -- Lena Brunner"), "{pairs}");
    let top = ok(&run(&["network", "--store", s, "--top", "3"]));
    assert_eq!(top.lines().count(), 4, "{top}");
    let ego = ok(&run(&["network", "--store", s, "--actor", "Brunner", "--format", "dot"]));
    assert!(ego.contains("layout=twopi") && ego.contains("Daniel Otieno"), "{ego}");
    let path = ok(&run(&["path", "--store", s, "Brunner", "Otieno"]));
    assert!(path.contains("1 step") && path.contains("2025-10-29"), "{path}");
    let none = run(&["path", "--store", s, "Brunner", "Ishida"]);
    assert_eq!(none.status.code(), Some(1));
}
