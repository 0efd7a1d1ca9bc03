//! Cross-article linking: one actor per real person, one event per real
//! event.
//!
//! Actors are keyed by their folded name after romanization variants are
//! mapped ("Sergei"/"Sergey"); distinct given names never merge. Events are
//! grouped by type and participant keys, then split into clusters whose
//! dates are compatible (a month-level "in November" joins a "November 1";
//! two different days never join) and whose places are compatible (a city
//! joins its country). A mention compatible with two clusters joins neither:
//! it becomes its own event rather than a guess.

use std::collections::{BTreeMap, HashMap, HashSet};

use annals_extract::actors::{same_person, PersonFacts};
use annals_extract::model::{ActorKind, ArticleInfo, EventMention, EventType, PartialDate, Participant};
use serde::{Deserialize, Serialize};

use crate::cluster::{cluster_mentions, EventContext};
use crate::model::{ActorRecord, Linked, TitleSpan};

/// User-supplied knowledge about names: force or forbid merges.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct Aliases {
    /// Canonical name -> other names that denote the same actor.
    #[serde(default)]
    pub same: BTreeMap<String, Vec<String>>,
    /// Pairs of names that must never be merged.
    #[serde(default)]
    pub distinct: Vec<(String, String)>,
}

impl Aliases {
    /// Parse an aliases file (RON).
    pub fn parse(text: &str) -> Result<Aliases, String> {
        ron::from_str(text).map_err(|e| e.to_string())
    }
}

/// One actor as one article names it, whether or not it takes part in an
/// event there: what the store keeps of an article's actor mentions, so
/// that linking knows every actor, not only event participants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleActor {
    pub doc: String,
    /// Canonical name within the article ("Lee Jae-myung" for "Lee" too).
    pub name: String,
    pub kind: ActorKind,
    /// ISO 3166 alpha-3 code, the one the article gives most often.
    pub country: Option<String>,
    /// Every title the article gives, sorted.
    pub titles: Vec<String>,
    /// Every form of words that names it, sorted.
    pub aliases: Vec<String>,
    /// How many times the article names it.
    pub mentions: usize,
}

impl ArticleActor {
    /// One record per (name, kind) from an article's actor mentions (one
    /// [`Participant`] per mention, as `annals_extract::Extraction::actors`
    /// lists them), sorted by name then kind.
    pub fn from_mentions(doc: &str, mentions: &[Participant]) -> Vec<ArticleActor> {
        struct Acc<'a> {
            countries: BTreeMap<&'a str, usize>,
            titles: BTreeMap<&'a str, ()>,
            aliases: BTreeMap<&'a str, ()>,
            mentions: usize,
        }
        let mut by_name: BTreeMap<(&str, ActorKind), Acc<'_>> = BTreeMap::new();
        for p in mentions {
            let a = by_name.entry((p.name.as_str(), p.kind)).or_insert_with(|| Acc {
                countries: BTreeMap::new(),
                titles: BTreeMap::new(),
                aliases: BTreeMap::new(),
                mentions: 0,
            });
            if let Some(c) = &p.country {
                *a.countries.entry(c).or_default() += 1;
            }
            if let Some(t) = &p.title {
                a.titles.insert(t, ());
            }
            a.aliases.insert(&p.surface, ());
            a.mentions += 1;
        }
        by_name
            .into_iter()
            .map(|((name, kind), a)| ArticleActor {
                doc: doc.to_owned(),
                name: name.to_owned(),
                kind,
                // most often given; ties go to the first in code order
                country: a.countries.iter().max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(x.0))).map(|(c, _)| c.to_string()),
                titles: a.titles.keys().map(|t| t.to_string()).collect(),
                aliases: a.aliases.keys().map(|t| t.to_string()).collect(),
                mentions: a.mentions,
            })
            .collect()
    }
}

/// The key two names must share to be one actor: case, spaces, hyphens,
/// accents and romanization variants folded (`data/lexicon.ron`).
pub fn actor_key(name: &str) -> String {
    annals_extract::actors::name_key(name)
}

/// What the articles say of one name, to decide whether two names can be
/// one person.
#[derive(Default)]
struct NameFacts {
    name: String,
    country: Option<String>,
    titles: Vec<String>,
    seen: Option<(PartialDate, PartialDate)>,
}

impl NameFacts {
    fn view(&self) -> PersonFacts<'_> {
        PersonFacts { name: &self.name, country: self.country.as_deref(), titles: &self.titles, seen: self.seen }
    }

    fn same_person(&self, other: &NameFacts) -> bool {
        same_person(&self.view(), &other.view())
    }
}

struct ActorAcc {
    kind: ActorKind,
    spellings: BTreeMap<String, usize>,
    aliases: BTreeMap<String, ()>,
    country: BTreeMap<String, usize>,
    titles: BTreeMap<String, (Option<PartialDate>, Option<PartialDate>)>,
    /// Per article: (times a participant, times named in its actor records).
    per_doc: BTreeMap<String, (usize, usize)>,
}

impl ActorAcc {
    fn new(kind: ActorKind) -> Self {
        ActorAcc {
            kind,
            spellings: BTreeMap::new(),
            aliases: BTreeMap::new(),
            country: BTreeMap::new(),
            titles: BTreeMap::new(),
            per_doc: BTreeMap::new(),
        }
    }

    fn title(&mut self, title: &str, doc_date: Option<PartialDate>) {
        let e = self.titles.entry(title.to_owned()).or_insert((doc_date, doc_date));
        if let Some(d) = doc_date {
            e.0 = Some(e.0.map_or(d, |x| x.min(d)));
            e.1 = Some(e.1.map_or(d, |x| x.max(d)));
        }
    }
}

/// Link the mentions of every article.
pub fn link(articles: &[ArticleInfo], mentions: &[EventMention], aliases: &Aliases) -> Linked {
    link_with_actors(articles, mentions, &[], aliases)
}

/// Link the mentions of every article, with the actors each article names
/// ([`ArticleActor`]): an actor named in no event is still an actor, and
/// an actor's mentions count every time an article names it (the larger
/// of that and its event participations, per article).
///
/// Event participants decide canonical names and countries as [`link`]
/// does; the records add the actors no event has, their aliases, titles,
/// mentions and sources.
pub fn link_with_actors(
    articles: &[ArticleInfo],
    mentions: &[EventMention],
    named: &[ArticleActor],
    aliases: &Aliases,
) -> Linked {
    let doc_info: HashMap<&str, &ArticleInfo> = articles.iter().map(|a| (a.id.as_str(), a)).collect();
    // user aliases: any listed name maps to its canonical key
    let mut forced: HashMap<String, String> = HashMap::new();
    for (canon, others) in &aliases.same {
        for o in others {
            forced.insert(actor_key(o), actor_key(canon));
        }
        forced.insert(actor_key(canon), actor_key(canon));
    }
    // a one-word person name ("Lula", "Lavrov") joins the one full name
    // that contains that word, when exactly one does; "Kim" among several
    // Kims stays apart
    let distinct: Vec<(String, String)> = aliases.distinct.iter().map(|(a, b)| (actor_key(a), actor_key(b))).collect();
    let mut by_word: HashMap<String, Vec<String>> = HashMap::new();
    // every person name: event participants, then the actors articles name
    let person_names = |with_named: bool| {
        let from_events = mentions.iter().flat_map(|m| &m.participants).map(|p| (p.name.as_str(), p.kind));
        let from_named = named.iter().filter(move |_| with_named).map(|r| (r.name.as_str(), r.kind));
        from_events.chain(from_named).filter(|(_, k)| *k == ActorKind::Person)
    };
    // the full names a one-word name may join: event participants only (a
    // full name named in no event does not block the join: on the seeds,
    // counting them cost cross-document links without saving a wrong merge)
    for (name, _) in person_names(false) {
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() >= 2 {
            let full = actor_key(name);
            for w in words {
                let v = by_word.entry(actor_key(w)).or_default();
                if !v.contains(&full) {
                    v.push(full.clone());
                }
            }
        }
    }
    // what the articles say of each name: country, titles, dates
    let mut facts: HashMap<String, NameFacts> = HashMap::new();
    for m in mentions {
        let doc_date = doc_info.get(m.doc.as_str()).and_then(|a| a.date);
        for p in m.participants.iter().filter(|p| p.kind == ActorKind::Person) {
            let f = facts.entry(actor_key(&p.name)).or_default();
            if f.name.is_empty() {
                f.name = p.name.clone();
            }
            if f.country.is_none() {
                f.country = p.country.clone();
            }
            if let Some(t) = &p.title {
                if !f.titles.contains(t) {
                    f.titles.push(t.clone());
                }
            }
            if let Some(d) = doc_date {
                f.seen = Some(f.seen.map_or((d, d), |(a, b)| (a.min(d), b.max(d))));
            }
        }
    }
    // names no event has: what their articles say of them
    let in_events: HashSet<String> = facts.keys().cloned().collect();
    for r in named.iter().filter(|r| r.kind == ActorKind::Person) {
        let k = actor_key(&r.name);
        if in_events.contains(&k) {
            continue;
        }
        let f = facts.entry(k).or_default();
        if f.name.is_empty() {
            f.name = r.name.clone();
        }
        if f.country.is_none() {
            f.country = r.country.clone();
        }
        for t in &r.titles {
            if !f.titles.contains(t) {
                f.titles.push(t.clone());
            }
        }
        if let Some(d) = doc_info.get(r.doc.as_str()).and_then(|a| a.date) {
            f.seen = Some(f.seen.map_or((d, d), |(a, b)| (a.min(d), b.max(d))));
        }
    }
    for (name, _) in person_names(true) {
        let k = actor_key(name);
        if name.contains(' ') || forced.contains_key(&k) {
            continue;
        }
        let (Some(cands), Some(single)) = (by_word.get(&k), facts.get(&k)) else { continue };
        // among the full names containing this word, those that can be the
        // same person (country, role, time): join only when one is left
        let fitting: Vec<&String> =
            cands.iter().filter(|full| facts.get(*full).is_some_and(|other| single.same_person(other))).collect();
        if let [full] = fitting.as_slice() {
            let refused = distinct.iter().any(|(a, b)| (a == &k && b == *full) || (b == &k && a == *full));
            if !refused {
                forced.insert(k, (*full).clone());
            }
        }
    }
    let key_of = |name: &str| {
        let k = actor_key(name);
        forced.get(&k).cloned().unwrap_or(k)
    };
    // 1. actors
    let mut acc: BTreeMap<String, ActorAcc> = BTreeMap::new();
    for m in mentions {
        let doc_date = doc_info.get(m.doc.as_str()).and_then(|a| a.date);
        for p in &m.participants {
            let a = acc.entry(key_of(&p.name)).or_insert_with(|| ActorAcc::new(p.kind));
            *a.spellings.entry(p.name.clone()).or_default() += 1;
            a.aliases.insert(p.name.clone(), ());
            a.aliases.insert(p.surface.clone(), ());
            if let Some(c) = &p.country {
                *a.country.entry(c.clone()).or_default() += 1;
            }
            if let Some(t) = &p.title {
                a.title(t, doc_date);
            }
            a.per_doc.entry(m.doc.clone()).or_default().0 += 1;
        }
    }
    // actors the articles name, in events or not: names, countries and
    // spellings only where no event participant gave them
    let participants: HashSet<String> = acc.keys().cloned().collect();
    for r in named {
        let doc_date = doc_info.get(r.doc.as_str()).and_then(|a| a.date);
        let key = key_of(&r.name);
        let fresh = !participants.contains(&key);
        let a = acc.entry(key).or_insert_with(|| ActorAcc::new(r.kind));
        if fresh {
            *a.spellings.entry(r.name.clone()).or_default() += r.mentions;
            if let Some(c) = &r.country {
                *a.country.entry(c.clone()).or_default() += r.mentions;
            }
        }
        a.aliases.insert(r.name.clone(), ());
        for alias in &r.aliases {
            a.aliases.insert(alias.clone(), ());
        }
        for t in &r.titles {
            a.title(t, doc_date);
        }
        a.per_doc.entry(r.doc.clone()).or_default().1 += r.mentions;
    }
    let mut canonical: HashMap<String, String> = HashMap::new();
    let mut actors: Vec<ActorRecord> = Vec::new();
    for (key, a) in &acc {
        let user_canon = aliases.same.keys().find(|c| actor_key(c) == *key).cloned();
        let name = user_canon.unwrap_or_else(|| {
            let mut v: Vec<(&String, &usize)> = a.spellings.iter().collect();
            v.sort_by(|x, y| y.1.cmp(x.1).then(y.0.contains('-').cmp(&x.0.contains('-'))).then(x.0.cmp(y.0)));
            v[0].0.clone()
        });
        canonical.insert(key.clone(), name.clone());
        let country = a.country.iter().max_by_key(|(_, n)| **n).map(|(c, _)| c.clone());
        actors.push(ActorRecord {
            id: slug(&name),
            name,
            kind: a.kind,
            country,
            titles: a.titles.iter().map(|(t, (f, l))| TitleSpan { title: t.clone(), first: *f, last: *l }).collect(),
            aliases: a.aliases.keys().cloned().collect(),
            mentions: a.per_doc.values().map(|&(events, named)| events.max(named)).sum(),
            sources: a.per_doc.len(),
        });
    }
    let canon_by_raw: HashMap<String, String> = mentions
        .iter()
        .flat_map(|m| &m.participants)
        .map(|p| (p.name.clone(), canonical.get(&key_of(&p.name)).cloned().unwrap_or_else(|| p.name.clone())))
        .collect();
    // 2. events: group by type + participant keys
    let mut groups: BTreeMap<(EventType, Vec<String>), Vec<usize>> = BTreeMap::new();
    for (i, m) in mentions.iter().enumerate() {
        let mut keys: Vec<String> = m.participants.iter().map(|p| key_of(&p.name)).collect();
        if m.kind.symmetric() {
            keys.sort();
        }
        keys.dedup();
        groups.entry((m.kind, keys)).or_default().push(i);
    }
    let ctx = EventContext { mentions, doc_info: &doc_info, canonical: &canonical, canon_by_raw: &canon_by_raw };
    let mut events = Vec::new();
    for ((kind, keys), idxs) in groups {
        for cluster in cluster_mentions(mentions, &idxs, &doc_info) {
            events.push(ctx.build_event(kind, &keys, cluster));
        }
    }
    events.sort_by(|a, b| {
        let da = a.date.map(|d| d.interval().0);
        let db = b.date.map(|d| d.interval().0);
        da.is_none().cmp(&db.is_none()).then(da.cmp(&db)).then(a.id.cmp(&b.id))
    });
    // ids must be unique even if two events start from the same words
    let mut seen: HashMap<String, usize> = HashMap::new();
    for e in &mut events {
        let n = seen.entry(e.id.clone()).or_default();
        *n += 1;
        if *n > 1 {
            e.id = format!("{}-{}", e.id, n);
        }
    }
    Linked { actors, events }
}

fn slug(name: &str) -> String {
    let mut s = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            s.extend(c.to_lowercase());
        } else if !s.ends_with('-') {
            s.push('-');
        }
    }
    s.trim_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use annals_extract::model::{Span, Status};

    fn article(id: &str, date: &str) -> ArticleInfo {
        ArticleInfo {
            id: id.into(),
            date: date.parse().ok(),
            date_inferred: None,
            source: None,
            url: None,
            title: None,
            content_hash: id.into(),
            minhash: vec![1; 64],
            sentences: 1,
            chars: 10,
        }
    }

    fn named(name: &str, title: Option<&str>, country: Option<&str>, surface: &str) -> Participant {
        Participant {
            name: name.into(),
            kind: ActorKind::Person,
            title: title.map(Into::into),
            country: country.map(Into::into),
            surface: surface.into(),
        }
    }

    #[test]
    fn article_actors_group_by_name() {
        let got = ArticleActor::from_mentions(
            "a",
            &[
                named("Lee Jae-yong", Some("Chairman"), None, "Samsung Chairman Lee Jae-yong"),
                named("Lee Jae-myung", Some("President"), Some("KOR"), "Lee Jae-myung"),
                named("Lee Jae-yong", None, None, "Lee"),
            ],
        );
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].name, "Lee Jae-yong");
        assert_eq!(got[1].mentions, 2);
        assert_eq!(got[1].titles, ["Chairman"]);
        assert_eq!(got[1].aliases, ["Lee", "Samsung Chairman Lee Jae-yong"]);
        assert_eq!(got[0].country.as_deref(), Some("KOR"));
    }

    #[test]
    fn actors_named_in_no_event_are_linked_too() {
        let arts = vec![article("a", "2025-03-04"), article("b", "2025-03-05")];
        let meet = EventMention {
            doc: "a".into(),
            kind: EventType::Meet,
            participants: vec![
                named("Sergey Lavrov", Some("Foreign Minister"), Some("RUS"), "Sergey Lavrov"),
                named("Mauro Vieira", None, Some("BRA"), "Mauro Vieira"),
            ],
            date: None,
            date_text: None,
            place: None,
            status: Status::Occurred,
            confidence: 0.9,
            evidence: Span::new(0, 10),
            evidence_text: "text".into(),
            trigger: Span::new(0, 3),
        };
        let mut records = ArticleActor::from_mentions(
            "a",
            &[
                named("Sergey Lavrov", Some("Foreign Minister"), Some("RUS"), "Sergey Lavrov"),
                named("Sergey Lavrov", None, None, "Lavrov"),
                named("Sergey Lavrov", None, None, "Lavrov"),
                named("Mauro Vieira", None, Some("BRA"), "Mauro Vieira"),
                named("Lee Jae-yong", Some("Chairman"), None, "Lee Jae-yong"),
            ],
        );
        // Another article names Lavrov by surname only, in no event.
        records.extend(ArticleActor::from_mentions("b", &[named("Lavrov", None, Some("RUS"), "Lavrov")]));
        let linked = link_with_actors(&arts, std::slice::from_ref(&meet), &records, &Aliases::default());
        let find = |name: &str| linked.actors.iter().find(|a| a.name == name);
        let lee = find("Lee Jae-yong").expect("an actor named in no event");
        assert_eq!((lee.mentions, lee.sources), (1, 1));
        assert_eq!(lee.titles[0].title, "Chairman");
        // Three namings in article a, one in b (the surname joins the full name).
        let lavrov = find("Sergey Lavrov").unwrap();
        assert_eq!((lavrov.mentions, lavrov.sources), (4, 2));
        assert!(lavrov.aliases.contains(&"Lavrov".to_string()));
        assert!(find("Lavrov").is_none());
        // Events are those of `link`.
        assert_eq!(linked.events, link(&arts, &[meet], &Aliases::default()).events);
    }
}
