//! Stores that cannot be opened give a clear error, never a panic.

use std::path::Path;

use annals_query::{Error, OpenFailure, Store};

fn failure(result: Result<Store, Error>) -> (OpenFailure, String) {
    match result {
        Err(e @ Error::Open { kind, .. }) => (kind, e.to_string()),
        Err(e) => panic!("unexpected error {e:?}"),
        Ok(_) => panic!("opened"),
    }
}

#[test]
fn second_writer_is_told_the_store_is_locked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    let _first = Store::open(&path).unwrap();
    let (kind, message) = failure(Store::open(&path));
    assert_eq!(kind, OpenFailure::Locked, "{message}");
    assert!(message.contains("locked by another annals process"), "{message}");
    assert!(message.contains(&path.display().to_string()));
}

#[test]
fn reader_alongside_writer_is_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    let _writer = Store::open(&path).unwrap();
    let reader = Store::open_read_only(&path).unwrap();
    assert_eq!(reader.quad_count().unwrap(), 0);
}

#[test]
fn missing_store_for_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nothing-here");
    let (kind, message) = failure(Store::open_read_only(&path));
    assert_eq!(kind, OpenFailure::Missing);
    assert_eq!(message, format!("no store at {}: run `annals build` first", path.display()));
    assert!(!path.exists(), "a read-only open must not create the store");
}

fn write(path: &Path, name: &str, content: &[u8]) {
    std::fs::write(path.join(name), content).unwrap();
}

#[test]
fn corrupt_store_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    std::fs::create_dir(&path).unwrap();
    write(&path, "CURRENT", b"MANIFEST-000042\n");
    write(&path, "MANIFEST-000042", b"\x00\x01garbage garbage garbage\xff\xfe");
    write(&path, "000007.sst", b"not a table");
    for result in [Store::open(&path), Store::open_read_only(&path)] {
        let (kind, message) = failure(result);
        assert_eq!(kind, OpenFailure::Corrupt, "{message}");
        assert!(message.contains("corrupt"), "{message}");
    }
}

#[test]
fn garbage_directory_is_not_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "notes.txt", b"my notes");
    let (kind, message) = failure(Store::open(dir.path()));
    assert_eq!(kind, OpenFailure::Corrupt, "{message}");
    assert!(message.contains("not an annals store"), "{message}");
    // A plain file is not a store either.
    let (kind, _) = failure(Store::open(&dir.path().join("notes.txt")));
    assert_eq!(kind, OpenFailure::Corrupt);
}

#[test]
fn empty_directory_becomes_a_store() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.quad_count().unwrap(), 0);
}

#[test]
fn missing_parent_directories_are_created() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("a/b/store")).unwrap();
    assert_eq!(store.quad_count().unwrap(), 0);
}
