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

use std::collections::{BTreeMap, HashMap};

use annals_extract::coref::fold;
use annals_extract::gazetteer::Gazetteer;
use annals_extract::model::{ActorKind, ArticleInfo, EventMention, EventType, PartialDate, Status};
use petgraph::unionfind::UnionFind;

use crate::model::{ActorRecord, Linked, LinkedEvent, MentionRecord, TitleSpan};

/// Romanization variants of given names that news spells both ways.
const NAME_VARIANTS: &[(&str, &str)] = &[
    ("sergei", "sergey"),
    ("aleksandr", "alexander"),
    ("alexandr", "alexander"),
    ("aleksei", "alexei"),
    ("alexey", "alexei"),
    ("yevgeny", "evgeny"),
    ("yevgeniy", "evgeny"),
    ("dmitri", "dmitry"),
    ("dmitriy", "dmitry"),
    ("yuri", "yury"),
    ("yuriy", "yury"),
    ("andrei", "andrey"),
    ("nikolai", "nikolay"),
    ("mikhail", "mikhail"),
    ("volodymyr", "volodymyr"),
    ("zelenskyy", "zelensky"),
    ("zelenskiy", "zelensky"),
    ("mohammed", "muhammad"),
    ("mohammad", "muhammad"),
    ("mohamed", "muhammad"),
    ("muhammed", "muhammad"),
    ("mohamad", "muhammad"),
    ("erdogan", "erdogan"),
    ("kadhimi", "kadhimi"),
];

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

/// The key two names must share to be one actor.
pub fn actor_key(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let f = fold(w);
            NAME_VARIANTS.iter().find(|(a, _)| *a == f).map_or(f, |(_, b)| (*b).to_string())
        })
        .collect::<Vec<_>>()
        .join("")
}

struct ActorAcc {
    kind: ActorKind,
    spellings: BTreeMap<String, usize>,
    aliases: BTreeMap<String, ()>,
    country: BTreeMap<String, usize>,
    titles: BTreeMap<String, (Option<PartialDate>, Option<PartialDate>)>,
    mentions: usize,
    docs: BTreeMap<String, ()>,
}

/// Link the mentions of every article.
pub fn link(articles: &[ArticleInfo], mentions: &[EventMention], aliases: &Aliases) -> Linked {
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
    for p in mentions.iter().flat_map(|m| &m.participants) {
        let words: Vec<&str> = p.name.split_whitespace().collect();
        if p.kind == ActorKind::Person && words.len() >= 2 {
            let full = actor_key(&p.name);
            for w in words {
                let v = by_word.entry(actor_key(w)).or_default();
                if !v.contains(&full) {
                    v.push(full.clone());
                }
            }
        }
    }
    for p in mentions.iter().flat_map(|m| &m.participants) {
        let k = actor_key(&p.name);
        if p.kind != ActorKind::Person || p.name.contains(' ') || forced.contains_key(&k) {
            continue;
        }
        if let Some([full]) = by_word.get(&k).map(Vec::as_slice) {
            let refused = distinct.iter().any(|(a, b)| (a == &k && b == full) || (b == &k && a == full));
            if !refused {
                forced.insert(k, full.clone());
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
            let a = acc.entry(key_of(&p.name)).or_insert_with(|| ActorAcc {
                kind: p.kind,
                spellings: BTreeMap::new(),
                aliases: BTreeMap::new(),
                country: BTreeMap::new(),
                titles: BTreeMap::new(),
                mentions: 0,
                docs: BTreeMap::new(),
            });
            *a.spellings.entry(p.name.clone()).or_default() += 1;
            a.aliases.insert(p.name.clone(), ());
            a.aliases.insert(p.surface.clone(), ());
            if let Some(c) = &p.country {
                *a.country.entry(c.clone()).or_default() += 1;
            }
            if let Some(t) = &p.title {
                let e = a.titles.entry(t.clone()).or_insert((doc_date, doc_date));
                if let Some(d) = doc_date {
                    e.0 = Some(e.0.map_or(d, |x| x.min(d)));
                    e.1 = Some(e.1.map_or(d, |x| x.max(d)));
                }
            }
            a.mentions += 1;
            a.docs.insert(m.doc.clone(), ());
        }
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
            mentions: a.mentions,
            sources: a.docs.len(),
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
    let mut events = Vec::new();
    for ((kind, keys), idxs) in groups {
        for cluster in cluster_mentions(mentions, &idxs) {
            events.push(build_event(kind, &keys, &cluster, mentions, &doc_info, &canonical, &canon_by_raw));
        }
    }
    events.sort_by(|a, b| {
        let da = a.date.map(|d| d.interval().0);
        let db = b.date.map(|d| d.interval().0);
        da.is_none().cmp(&db.is_none()).then(da.cmp(&db)).then(a.id.cmp(&b.id))
    });
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

/// Whether two place names can name the same place: equal, one inside the
/// other ("Hyderabad House, New Delhi"), or a city and its country.
pub fn places_compatible(a: Option<&str>, b: Option<&str>) -> bool {
    let (Some(a), Some(b)) = (a, b) else { return true };
    let (fa, fb) = (fold(a), fold(b));
    if fa.is_empty() || fb.is_empty() || fa.contains(&fb) || fb.contains(&fa) {
        return true;
    }
    let country_of = |p: &str| -> Option<&str> {
        let g = Gazetteer::builtin();
        let f = fold(p);
        g.countries
            .iter()
            .find(|c| {
                fold(&c.name) == f
                    || fold(&c.capital) == f
                    || c.aliases.iter().any(|x| fold(x) == f)
                    || c.cities.iter().any(|x| fold(x) == f)
                    || c.seat_of_government.as_deref().is_some_and(|x| fold(x) == f)
            })
            .map(|c| c.iso3.as_str())
    };
    let is_country = |p: &str| {
        let f = fold(p);
        Gazetteer::builtin().countries.iter().any(|c| fold(&c.name) == f || c.aliases.iter().any(|x| fold(x) == f))
    };
    // only places the gazetteer proves different split an event: an unknown
    // venue ("Hyderabad House") may well be inside a known city
    match (country_of(a), country_of(b)) {
        (Some(x), Some(y)) => x == y && (is_country(a) || is_country(b)),
        _ => true,
    }
}

fn compatible(a: &EventMention, b: &EventMention) -> bool {
    let dates = match (a.date, b.date) {
        (Some(x), Some(y)) => x.compatible(&y),
        _ => true,
    };
    dates && places_compatible(a.place.as_deref(), b.place.as_deref())
}

/// Split one (type, participants) group into events. Dated mentions join
/// the cluster they are compatible with, most precise first; a mention
/// compatible with several clusters, or undated among several, stands alone.
fn cluster_mentions(mentions: &[EventMention], idxs: &[usize]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = idxs.to_vec();
    order.sort_by(|&a, &b| {
        let pa = mentions[a].date.map_or(0, |d| d.precision());
        let pb = mentions[b].date.map_or(0, |d| d.precision());
        pb.cmp(&pa).then(mentions[a].doc.cmp(&mentions[b].doc)).then(mentions[a].evidence.cmp(&mentions[b].evidence))
    });
    let mut uf = UnionFind::<usize>::new(order.len());
    let mut reps: Vec<usize> = Vec::new(); // positions in `order` that head a cluster
    for (pos, &mi) in order.iter().enumerate() {
        let fits: Vec<usize> = reps
            .iter()
            .copied()
            .filter(|&r| {
                // compatible with every member so far
                (0..pos).filter(|&q| uf.equiv(q, r)).all(|q| compatible(&mentions[order[q]], &mentions[mi]))
            })
            .collect();
        match fits.as_slice() {
            [one] => {
                uf.union(*one, pos);
            }
            _ => reps.push(pos),
        }
    }
    let mut clusters: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (pos, &mi) in order.iter().enumerate() {
        clusters.entry(uf.find(pos)).or_default().push(mi);
    }
    clusters.into_values().collect()
}

#[allow(clippy::too_many_arguments)]
fn build_event(
    kind: EventType,
    keys: &[String],
    cluster: &[usize],
    mentions: &[EventMention],
    doc_info: &HashMap<&str, &ArticleInfo>,
    canonical: &HashMap<String, String>,
    canon_by_raw: &HashMap<String, String>,
) -> LinkedEvent {
    let ms: Vec<&EventMention> = cluster.iter().map(|&i| &mentions[i]).collect();
    let first = ms.iter().min_by_key(|m| (m.doc.as_str(), m.evidence.start)).expect("non-empty cluster");
    let id = format!("{:016x}", fnv(&format!("{}:{}:{}", first.doc, first.evidence.start, kind)));
    // best-supported date: most mentions compatible with it, then most precise
    let date = ms
        .iter()
        .filter_map(|m| m.date)
        .max_by_key(|d| (ms.iter().filter(|m| m.date.is_some_and(|x| x.compatible(d))).count(), d.precision()));
    let place = {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for m in &ms {
            if let Some(p) = &m.place {
                *counts.entry(p.as_str()).or_default() += 1;
            }
        }
        counts.into_iter().max_by_key(|(p, n)| (*n, p.len())).map(|(p, _)| p.to_string())
    };
    let status = if ms.iter().any(|m| m.status == Status::Occurred) {
        Status::Occurred
    } else if ms.iter().any(|m| m.status == Status::Planned) {
        Status::Planned
    } else if ms.iter().any(|m| m.status == Status::Negated) {
        Status::Negated
    } else {
        Status::Proposed
    };
    let names = |m: &EventMention| -> Vec<String> {
        m.participants.iter().map(|p| canon_by_raw.get(&p.name).cloned().unwrap_or_else(|| p.name.clone())).collect()
    };
    let participants: Vec<String> =
        keys.iter().map(|k| canonical.get(k).cloned().unwrap_or_else(|| k.clone())).collect();
    let docs: Vec<&str> = {
        let mut d: Vec<&str> = ms.iter().map(|m| m.doc.as_str()).collect();
        d.sort();
        d.dedup();
        d
    };
    let sources = independent_sources(&docs, doc_info);
    let mut records: Vec<MentionRecord> = ms
        .iter()
        .map(|m| MentionRecord {
            doc: m.doc.clone(),
            span: m.evidence,
            text: m.evidence_text.clone(),
            date: m.date,
            date_text: m.date_text.clone(),
            place: m.place.clone(),
            status: m.status,
            participants: names(m),
            confidence: m.confidence,
            doc_date: doc_info.get(m.doc.as_str()).and_then(|a| a.date),
        })
        .collect();
    records.sort_by(|a, b| a.doc.cmp(&b.doc).then(a.span.cmp(&b.span)));
    let mut reasons = Vec::new();
    if ms.len() > 1 {
        let dates: Vec<String> = ms.iter().filter_map(|m| m.date.map(|d| d.to_string())).collect();
        let places: Vec<String> = ms.iter().filter_map(|m| m.place.clone()).collect();
        reasons.push(format!("same type {kind} and participants {}", participants.join(" ; ")));
        if !dates.is_empty() {
            reasons.push(format!("compatible dates: {}", dates.join(" ~ ")));
        }
        if !places.is_empty() {
            reasons.push(format!("compatible places: {}", places.join(" ~ ")));
        }
    }
    let confidence = ms.iter().map(|m| m.confidence).fold(0.0f32, f32::max);
    // corroboration lifts confidence a little, never to certainty
    let confidence = (confidence + 0.05 * (sources.saturating_sub(1)) as f32).min(0.99);
    LinkedEvent {
        id,
        kind,
        date,
        participants,
        place,
        status,
        confidence,
        sources,
        articles: docs.len(),
        mentions: records,
        merge_reasons: reasons,
    }
}

/// Articles whose text is near-identical (MinHash similarity >= 0.5) are
/// one source: syndicated wire copy and reposts.
fn independent_sources(docs: &[&str], info: &HashMap<&str, &ArticleInfo>) -> usize {
    let mut uf = UnionFind::<usize>::new(docs.len());
    for i in 0..docs.len() {
        for j in i + 1..docs.len() {
            let (Some(a), Some(b)) = (info.get(docs[i]), info.get(docs[j])) else { continue };
            if annals_extract::minhash_similarity(&a.minhash, &b.minhash) >= 0.5 {
                uf.union(i, j);
            }
        }
    }
    let mut roots: Vec<usize> = (0..docs.len()).map(|i| uf.find(i)).collect();
    roots.sort();
    roots.dedup();
    roots.len()
}

fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}
