//! Hand-made fixtures: two articles with mentions and the linked view a
//! linker could make of them.
#![allow(dead_code, unreachable_pub)]

use annals_extract::model::{ActorKind, ArticleInfo, EventMention, EventType, PartialDate, Participant, Span, Status};
use annals_graph::model::{ActorRecord, Linked, LinkedEvent, MentionRecord, TitleSpan};
use annals_query::{ArticleActor, Store};

pub fn date(s: &str) -> PartialDate {
    s.parse().unwrap()
}

fn person(name: &str, title: Option<&str>, country: &str, surface: &str) -> Participant {
    Participant {
        name: name.into(),
        kind: ActorKind::Person,
        title: title.map(Into::into),
        country: Some(country.into()),
        surface: surface.into(),
    }
}

pub fn articles() -> Vec<(ArticleInfo, Vec<EventMention>)> {
    let lee = person("Lee Jae-myung", Some("South Korean President"), "KOR", "Lee");
    let xi = person("Xi Jinping", Some("Chinese President"), "CHN", "the Chinese leader");
    let a1 = ArticleInfo {
        id: "001_yonhap".into(),
        date: Some(date("2025-11-02")),
        date_inferred: None,
        source: Some("Yonhap".into()),
        url: Some("https://en.yna.co.kr/view/AEN2025?section=nk&x=1".into()),
        title: Some("Lee, Xi hold summit in \"Gyeongju\"".into()),
        content_hash: "9f86d081884c7d65".into(),
        minhash: vec![0, 7, u32::MAX, 42],
        sentences: 12,
        chars: 1834,
    };
    let s1 = "On November 1, 2025, Lee met Xi in Gyeongju; Cho Hyun met Wang Yi.";
    let m1 = EventMention {
        doc: a1.id.clone(),
        kind: EventType::Meet,
        participants: vec![lee.clone(), xi.clone()],
        date: Some(date("2025-11-01")),
        date_text: Some("On November 1, 2025".into()),
        place: Some("Gyeongju".into()),
        status: Status::Occurred,
        confidence: 0.85,
        evidence: Span::new(0, s1.len()),
        evidence_text: s1.into(),
        trigger: Span::new(25, 28),
    };
    // Same sentence, same type: must not collide with m1.
    let m2 = EventMention {
        participants: vec![
            Participant {
                name: "Cho Hyun".into(),
                kind: ActorKind::Person,
                title: None,
                country: None,
                surface: "Cho Hyun".into(),
            },
            person("Wang Yi", Some("Foreign Minister"), "CHN", "Wang Yi"),
        ],
        date: None,
        date_text: None,
        place: None,
        confidence: 1.0 / 3.0,
        trigger: Span::new(54, 57),
        ..m1.clone()
    };
    let s3 = "Xi is expected to visit Seoul in December — a first since 2014.";
    let m3 = EventMention {
        doc: a1.id.clone(),
        kind: EventType::Visit,
        participants: vec![xi.clone()],
        date: Some(date("2025-12")),
        date_text: Some("in December".into()),
        place: Some("Seoul".into()),
        status: Status::Planned,
        confidence: 0.6,
        evidence: Span::new(70, 70 + s3.len()),
        evidence_text: s3.into(),
        trigger: Span::new(87, 92),
    };
    let a2 = ArticleInfo {
        id: "news/002 xinhua".into(),
        date: Some(date("2025-11")),
        date_inferred: Some("dateline".into()),
        source: None,
        url: None,
        title: None,
        content_hash: "deadbeef".into(),
        minhash: vec![],
        sentences: 3,
        chars: 200,
    };
    let s4 = "Xi proposed hosting Lee next year.\nMore to come.";
    let m4 = EventMention {
        doc: a2.id.clone(),
        kind: EventType::Host,
        participants: vec![xi.clone(), lee.clone()],
        date: Some(date("2026")),
        date_text: Some("next year".into()),
        place: None,
        status: Status::Proposed,
        confidence: 0.1,
        evidence: Span::new(5, 5 + s4.len()),
        evidence_text: s4.into(),
        trigger: Span::new(17, 24),
    };
    vec![(a1, vec![m1, m2, m3]), (a2, vec![m4])]
}

pub fn linked() -> Linked {
    let actor =
        |id: &str, name: &str, country: Option<&str>, titles: Vec<TitleSpan>, aliases: &[&str], n: usize| ActorRecord {
            id: id.into(),
            name: name.into(),
            kind: ActorKind::Person,
            country: country.map(Into::into),
            titles,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: n,
            sources: 1,
        };
    let title = |t: &str, first: Option<&str>, last: Option<&str>| TitleSpan {
        title: t.into(),
        first: first.map(date),
        last: last.map(date),
    };
    let actors = vec![
        actor("cho-hyun", "Cho Hyun", None, vec![], &["Cho Hyun"], 1),
        actor(
            "lee-jae-myung",
            "Lee Jae-myung",
            Some("KOR"),
            vec![title("South Korean President", Some("2025-11-02"), Some("2025-11")), title("candidate", None, None)],
            &["Lee", "Lee Jae-myung"],
            2,
        ),
        actor(
            "wang-yi",
            "Wang Yi",
            Some("CHN"),
            vec![title("Foreign Minister", Some("2025-11-02"), Some("2025-11-02"))],
            &["Wang Yi"],
            1,
        ),
        actor(
            "xi-jinping",
            "Xi Jinping",
            Some("CHN"),
            vec![title("Chinese President", Some("2025"), None)],
            &["Xi", "the Chinese leader"],
            3,
        ),
    ];
    let arts = articles();
    let record = |doc: usize, m: usize, participants: &[&str]| {
        let (info, mentions) = &arts[doc];
        let mention = &mentions[m];
        MentionRecord {
            doc: info.id.clone(),
            span: mention.evidence,
            text: mention.evidence_text.clone(),
            date: mention.date,
            date_text: mention.date_text.clone(),
            place: mention.place.clone(),
            status: mention.status,
            participants: participants.iter().map(|p| p.to_string()).collect(),
            confidence: mention.confidence,
            doc_date: info.date,
        }
    };
    let names = |n: &[&str]| n.iter().map(|p| p.to_string()).collect::<Vec<_>>();
    // In the order `events()` returns them: by date, then id; undated last.
    let events = vec![
        LinkedEvent {
            id: "e-call".into(),
            kind: EventType::Call,
            date: Some(date("2025-11-01")),
            participants: names(&["Lee Jae-myung", "Xi Jinping"]),
            place: None,
            status: Status::Occurred,
            confidence: 0.5,
            sources: 1,
            articles: 1,
            mentions: vec![],
            merge_reasons: vec![],
        },
        LinkedEvent {
            id: "e-meet".into(),
            kind: EventType::Meet,
            date: Some(date("2025-11-01")),
            participants: names(&["Lee Jae-myung", "Xi Jinping"]),
            place: Some("Gyeongju".into()),
            status: Status::Occurred,
            confidence: 0.85,
            sources: 2,
            articles: 2,
            mentions: vec![
                record(0, 0, &["Lee Jae-myung", "Xi Jinping"]),
                record(1, 0, &["Xi Jinping", "Lee Jae-myung"]),
            ],
            merge_reasons: vec![
                "same type, participants".into(),
                "dates 2025-11 ~ 2025-11-01".into(),
                "a reason".into(),
            ],
        },
        LinkedEvent {
            id: "e-visit".into(),
            kind: EventType::Visit,
            date: Some(date("2025-12")),
            participants: names(&["Xi Jinping"]),
            place: Some("Seoul".into()),
            status: Status::Planned,
            confidence: 0.6,
            sources: 1,
            articles: 1,
            mentions: vec![record(0, 2, &["Xi Jinping"])],
            merge_reasons: vec![],
        },
        LinkedEvent {
            id: "e-host".into(),
            kind: EventType::Host,
            date: Some(date("2026")),
            participants: names(&["Xi Jinping", "Lee Jae-myung"]),
            place: None,
            status: Status::Proposed,
            confidence: 0.1,
            sources: 1,
            articles: 1,
            mentions: vec![record(1, 0, &["Xi Jinping", "Lee Jae-myung"])],
            merge_reasons: vec![],
        },
        LinkedEvent {
            id: "e-ministers".into(),
            kind: EventType::Meet,
            date: None,
            // "Kim Min-seok" is not in the actor list.
            participants: names(&["Cho Hyun", "Kim Min-seok", "Wang Yi"]),
            place: None,
            status: Status::Occurred,
            confidence: 1.0 / 3.0,
            sources: 1,
            articles: 1,
            mentions: vec![record(0, 1, &["Cho Hyun", "Wang Yi"])],
            merge_reasons: vec![],
        },
    ];
    Linked { actors, events }
}

/// The actors each fixture article names: the event participants, and in
/// 001_yonhap also Kim Jong Un, named in no event.
pub fn article_actors(doc: &str) -> Vec<ArticleActor> {
    let actor = |name: &str, kind: ActorKind, country: Option<&str>, titles: &[&str], aliases: &[&str], n: usize| {
        ArticleActor {
            doc: doc.to_owned(),
            name: name.to_owned(),
            kind,
            country: country.map(str::to_owned),
            titles: titles.iter().map(|t| t.to_string()).collect(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: n,
        }
    };
    match doc {
        "001_yonhap" => vec![
            actor("Cho Hyun", ActorKind::Person, None, &[], &["Cho Hyun"], 1),
            actor("Kim Jong Un", ActorKind::Person, Some("PRK"), &["North Korean leader"], &["Kim", "Kim Jong Un"], 2),
            actor("Lee Jae-myung", ActorKind::Person, Some("KOR"), &["South Korean President"], &["Lee"], 3),
            actor("Wang Yi", ActorKind::Person, Some("CHN"), &[], &["Wang Yi"], 1),
            actor("Xi Jinping", ActorKind::Person, Some("CHN"), &[], &["Xi"], 2),
        ],
        _ => vec![actor("Xi Jinping", ActorKind::Person, Some("CHN"), &[], &["Xi"], 1)],
    }
}

/// A store in a fresh temporary directory, filled with the fixtures.
pub fn fixture_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("store")).unwrap();
    for (info, mentions) in articles() {
        store.put_article(&info, &mentions, &article_actors(&info.id)).unwrap();
    }
    store.replace_linked(&linked()).unwrap();
    (dir, store)
}
