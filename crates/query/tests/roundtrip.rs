//! What goes in comes back out, exactly.

mod common;

use annals_extract::model::{EventType, Status};
use annals_query::{DumpFormat, EventFilter, Store};
use common::{article_actors, articles, date, fixture_store, linked};

fn dump(store: &Store) -> String {
    let mut out = Vec::new();
    store.export(DumpFormat::NQuads, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn mentions_round_trip() {
    let (_dir, store) = fixture_store();
    let expected: Vec<_> = articles().into_iter().flat_map(|(_, m)| m).collect();
    let got = store.mentions().unwrap();
    assert_eq!(got, expected);
    // f32 is stored as xsd:float in its shortest spelling: bit-exact.
    assert_eq!(got[1].confidence.to_bits(), (1.0f32 / 3.0).to_bits());
}

#[test]
fn article_actors_round_trip() {
    let (_dir, store) = fixture_store();
    let expected: Vec<_> = articles().iter().flat_map(|(a, _)| article_actors(&a.id)).collect();
    assert_eq!(store.article_actors().unwrap(), expected);
    assert!(store.article_has_actors("001_yonhap").unwrap());
    // An article stored without actor records (as before they were kept).
    let (info, mentions) = articles().remove(0);
    store.put_article(&info, &mentions, &[]).unwrap();
    assert!(!store.article_has_actors("001_yonhap").unwrap());
    assert_eq!(store.article_actors().unwrap(), article_actors("news/002 xinhua"));
}

#[test]
fn articles_round_trip() {
    let (_dir, store) = fixture_store();
    let expected: Vec<_> = articles().into_iter().map(|(a, _)| a).collect();
    assert_eq!(store.articles().unwrap(), expected);
    assert_eq!(store.article_hash("001_yonhap").unwrap().as_deref(), Some("9f86d081884c7d65"));
    assert_eq!(store.article_hash("news/002 xinhua").unwrap().as_deref(), Some("deadbeef"));
    assert_eq!(store.article_hash("nope").unwrap(), None);
}

#[test]
fn put_article_replaces_the_article_graph() {
    let (_dir, store) = fixture_store();
    let (mut info, mentions) = articles().remove(0);
    info.content_hash = "changed".into();
    store.put_article(&info, &mentions[2..], &[]).unwrap();
    let got = store.mentions().unwrap();
    assert_eq!(got.iter().filter(|m| m.doc == info.id).collect::<Vec<_>>(), vec![&mentions[2]]);
    assert_eq!(store.article_hash(&info.id).unwrap().as_deref(), Some("changed"));
    // The other article is untouched.
    assert_eq!(got.iter().filter(|m| m.doc != info.id).count(), 1);
}

#[test]
fn mention_of_another_document_is_refused() {
    let (_dir, store) = fixture_store();
    let (info, _) = articles().remove(0);
    let (_, other) = articles().remove(1);
    assert!(store.put_article(&info, &other, &[]).is_err());
    assert!(store.put_article(&info, &[], &article_actors("news/002 xinhua")).is_err());
}

#[test]
fn rebuilding_changes_nothing() {
    let (_dir, store) = fixture_store();
    let before = dump(&store);
    let count = store.quad_count().unwrap();
    for (info, mentions) in articles() {
        store.put_article(&info, &mentions, &article_actors(&info.id)).unwrap();
    }
    store.replace_linked(&linked()).unwrap();
    assert_eq!(dump(&store), before);
    assert_eq!(store.quad_count().unwrap(), count);
    // Same IRIs from a second, independent store.
    let (_dir2, other) = fixture_store();
    assert_eq!(dump(&other), before);
}

#[test]
fn events_round_trip_in_date_then_id_order() {
    let (_dir, store) = fixture_store();
    let expected = linked().events;
    let got = store.events(&EventFilter::default()).unwrap();
    assert_eq!(got, expected);

    // Input order does not matter.
    let mut shuffled = linked();
    shuffled.events.reverse();
    store.replace_linked(&shuffled).unwrap();
    assert_eq!(store.events(&EventFilter::default()).unwrap(), expected);
}

#[test]
fn actors_round_trip_sorted_by_id() {
    let (_dir, store) = fixture_store();
    assert_eq!(store.actors().unwrap(), linked().actors);
}

#[test]
fn replace_linked_replaces() {
    let (_dir, store) = fixture_store();
    let mut smaller = linked();
    smaller.events.truncate(1);
    smaller.actors.truncate(1);
    store.replace_linked(&smaller).unwrap();
    assert_eq!(store.events(&EventFilter::default()).unwrap(), smaller.events);
    assert_eq!(store.actors().unwrap(), smaller.actors);
    // Article graphs are not the linked graph's business.
    assert_eq!(store.mentions().unwrap().len(), 4);
    store.replace_linked(&Default::default()).unwrap();
    assert!(store.events(&EventFilter::default()).unwrap().is_empty());
}

fn ids(store: &Store, filter: EventFilter) -> Vec<String> {
    store.events(&filter).unwrap().into_iter().map(|e| e.id).collect()
}

#[test]
fn event_filters() {
    let (_dir, store) = fixture_store();
    let f = EventFilter::default;
    assert_eq!(ids(&store, EventFilter { actor: Some("XI".into()), ..f() }), ["e-call", "e-meet", "e-visit", "e-host"]);
    assert_eq!(
        ids(&store, EventFilter { actor: Some("lee".into()), with: Some("jinping".into()), ..f() }),
        ["e-call", "e-meet", "e-host"]
    );
    // `with` needs a second participant.
    assert!(ids(&store, EventFilter { actor: Some("xi".into()), with: Some("xi".into()), ..f() }).is_empty());
    assert_eq!(ids(&store, EventFilter { with: Some("wang".into()), ..f() }), ["e-ministers"]);
    assert_eq!(ids(&store, EventFilter { kind: Some(EventType::Meet), ..f() }), ["e-meet", "e-ministers"]);
    assert_eq!(ids(&store, EventFilter { status: Some(Status::Planned), ..f() }), ["e-visit"]);
    // Interval overlap at any precision; undated events drop out.
    assert_eq!(ids(&store, EventFilter { from: Some(date("2025-11-15")), ..f() }), ["e-visit", "e-host"]);
    assert_eq!(ids(&store, EventFilter { to: Some(date("2025-11")), ..f() }), ["e-call", "e-meet"]);
    assert_eq!(
        ids(&store, EventFilter { from: Some(date("2026-03-01")), to: Some(date("2026-03-31")), ..f() }),
        ["e-host"]
    );
    assert_eq!(
        ids(&store, EventFilter { from: Some(date("2025")), to: Some(date("2025")), ..f() }),
        ["e-call", "e-meet", "e-visit"]
    );
}

#[test]
fn store_survives_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    {
        let store = Store::open(&path).unwrap();
        for (info, mentions) in articles() {
            store.put_article(&info, &mentions, &[]).unwrap();
        }
        store.replace_linked(&linked()).unwrap();
    }
    let store = Store::open_read_only(&path).unwrap();
    assert_eq!(store.events(&EventFilter::default()).unwrap(), linked().events);
    assert_eq!(store.mentions().unwrap().len(), 4);
}
