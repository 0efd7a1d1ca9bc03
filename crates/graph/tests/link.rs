//! Linking on small hand-made fixtures.

use annals_extract::model::{ActorKind, ArticleInfo, EventMention, EventType, PartialDate, Participant, Span, Status};
use annals_graph::{link, Aliases, Network};

fn person(name: &str) -> Participant {
    Participant { name: name.into(), kind: ActorKind::Person, title: None, country: None, surface: name.into() }
}

fn article(id: &str, date: &str, minhash: Vec<u32>) -> ArticleInfo {
    ArticleInfo {
        id: id.into(),
        date: date.parse().ok(),
        date_inferred: None,
        source: None,
        url: None,
        title: None,
        content_hash: id.into(),
        minhash,
        sentences: 1,
        chars: 10,
    }
}

fn mention(
    doc: &str,
    kind: EventType,
    names: &[&str],
    date: Option<&str>,
    place: Option<&str>,
    status: Status,
) -> EventMention {
    EventMention {
        doc: doc.into(),
        kind,
        participants: names.iter().map(|n| person(n)).collect(),
        date: date.map(|d| d.parse::<PartialDate>().unwrap()),
        date_text: None,
        place: place.map(str::to_string),
        status,
        confidence: 0.9,
        evidence: Span::new(0, 10),
        evidence_text: "text".into(),
        trigger: Span::new(0, 3),
    }
}

#[test]
fn planned_then_occurred_is_one_event_with_its_history() {
    let arts = vec![article("a", "2025-02-28", vec![1; 64]), article("b", "2025-03-05", vec![2; 64])];
    let ms = vec![
        mention(
            "a",
            EventType::Meet,
            &["Narendra Modi", "Lula"],
            Some("2025-03-04"),
            Some("New Delhi"),
            Status::Planned,
        ),
        mention(
            "b",
            EventType::Meet,
            &["Narendra Modi", "Luiz Inacio Lula da Silva"],
            Some("2025-03"),
            Some("India"),
            Status::Occurred,
        ),
    ];
    let linked = link(&arts, &ms, &Aliases::default());
    assert_eq!(linked.events.len(), 1, "{:#?}", linked.events);
    let e = &linked.events[0];
    assert_eq!(e.status, Status::Occurred);
    assert_eq!(e.date.unwrap().to_string(), "2025-03-04");
    assert_eq!(e.participants, vec!["Luiz Inacio Lula da Silva", "Narendra Modi"]);
    let statuses: Vec<Status> = e.mentions.iter().map(|m| m.status).collect();
    assert_eq!(statuses, vec![Status::Planned, Status::Occurred]);
    assert!(!e.merge_reasons.is_empty());
}

#[test]
fn two_meetings_of_one_pair_in_a_week_stay_apart() {
    let arts = vec![article("a", "2025-03-11", vec![1; 64]), article("b", "2025-03-14", vec![2; 64])];
    let ms = vec![
        mention(
            "a",
            EventType::Meet,
            &["Kim Min-jun", "Haruka Ishida"],
            Some("2025-03-11"),
            Some("Kuala Lumpur"),
            Status::Occurred,
        ),
        mention(
            "b",
            EventType::Meet,
            &["Kim Min Jun", "Haruka Ishida"],
            Some("2025-03-14"),
            Some("Seoul"),
            Status::Occurred,
        ),
        // month-level: compatible with both, so it joins neither
        mention("b", EventType::Meet, &["Kim Min-jun", "Haruka Ishida"], Some("2025-03"), None, Status::Occurred),
    ];
    let linked = link(&arts, &ms, &Aliases::default());
    assert_eq!(linked.events.len(), 3, "{:#?}", linked.events);
}

#[test]
fn different_cities_of_different_countries_split() {
    let arts = vec![article("a", "2025-03-11", vec![1; 64]), article("b", "2025-03-12", vec![2; 64])];
    let ms = vec![
        mention("a", EventType::Meet, &["A Person", "B Person"], Some("2025-03"), Some("Paris"), Status::Occurred),
        mention("b", EventType::Meet, &["A Person", "B Person"], Some("2025-03"), Some("Berlin"), Status::Occurred),
    ];
    assert_eq!(link(&arts, &ms, &Aliases::default()).events.len(), 2);
}

#[test]
fn syndicated_copies_count_as_one_source() {
    let mut copy = vec![7u32; 64];
    copy[0] = 9;
    let arts = vec![
        article("a", "2025-03-04", vec![7; 64]),
        article("b", "2025-03-05", copy),
        article("c", "2025-03-05", vec![3; 64]),
    ];
    let ms: Vec<EventMention> = ["a", "b", "c"]
        .iter()
        .map(|d| mention(d, EventType::Sign, &["X Y", "Z W"], Some("2025-03-04"), None, Status::Occurred))
        .collect();
    let linked = link(&arts, &ms, &Aliases::default());
    assert_eq!(linked.events.len(), 1);
    assert_eq!(linked.events[0].articles, 3);
    assert_eq!(linked.events[0].sources, 2);
}

#[test]
fn people_sharing_a_surname_never_merge() {
    let arts = vec![article("a", "2026-01-04", vec![1; 64])];
    let ms = vec![
        mention("a", EventType::Meet, &["Lee Jae-myung", "Xi Jinping"], Some("2026-01-05"), None, Status::Planned),
        mention("a", EventType::Meet, &["Lee Jae-yong", "Xi Jinping"], Some("2026-01-05"), None, Status::Planned),
        mention("a", EventType::Call, &["Sergei Lavrov", "Wang Yi"], Some("2026-01-02"), None, Status::Occurred),
        mention("a", EventType::Call, &["Sergey Lavrov", "Wang Yi"], Some("2026-01-02"), None, Status::Occurred),
    ];
    let linked = link(&arts, &ms, &Aliases::default());
    let names: Vec<&str> = linked.actors.iter().map(|a| a.name.as_str()).collect();
    assert!(names.contains(&"Lee Jae-myung") && names.contains(&"Lee Jae-yong"), "{names:?}");
    // romanization variants are one minister
    assert_eq!(names.iter().filter(|n| n.contains("Lavrov")).count(), 1, "{names:?}");
    assert_eq!(linked.events.len(), 3);
}

#[test]
fn aliases_file_forces_and_forbids() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/examples/aliases.ron")).unwrap();
    let aliases = Aliases::parse(&text).unwrap();
    let arts = vec![article("a", "2022-07-15", vec![1; 64])];
    let ms = vec![
        mention("a", EventType::Meet, &["Joe Biden", "MBS"], Some("2022-07-15"), None, Status::Occurred),
        mention(
            "a",
            EventType::Meet,
            &["Joe Biden", "Mohammed bin Salman"],
            Some("2022-07-15"),
            None,
            Status::Occurred,
        ),
    ];
    let linked = link(&arts, &ms, &aliases);
    assert_eq!(linked.events.len(), 1);
    assert!(linked.events[0].participants.contains(&"Mohammed bin Salman".to_string()));
}

#[test]
fn network_paths_and_pairs() {
    let arts = vec![article("a", "2025-01-01", vec![1; 64])];
    let ms = vec![
        mention("a", EventType::Meet, &["A A", "B B"], Some("2025-01-02"), None, Status::Occurred),
        mention("a", EventType::Meet, &["B B", "C C"], Some("2025-01-03"), None, Status::Occurred),
    ];
    let linked = link(&arts, &ms, &Aliases::default());
    let net = Network::new(&linked.events, None, None);
    let path = net.path("A A", "C C").unwrap();
    assert_eq!(path.len(), 2);
    assert_eq!(path[1].to, "C C");
    assert_eq!(net.most_connected(1)[0].0, "B B");
}
