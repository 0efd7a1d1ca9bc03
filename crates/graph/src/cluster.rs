//! Event coreference: the mentions of one (type, participants) group split
//! into real events, and each event's best-supported values.
//!
//! Mentions are taken most precise date first, so every cluster is headed
//! by its most precise date and a mention is compatible with all members
//! exactly when it is compatible with the head's date and with each
//! distinct place of the cluster. Clusters are bucketed by (year, month),
//! so a mention looks only at clusters it could join: linking is near
//! linear in the number of mentions (see `examples/link_bench.rs`).
//!
//! A mention compatible with one candidate joins it. Among several, it
//! joins the best-supported one (same exact day, same place name, status
//! consistent with its article's date) only when that one is strictly
//! better than the rest; otherwise it stands alone: linking never guesses.

use std::collections::{BTreeMap, HashMap, HashSet};

use annals_extract::coref::fold;
use annals_extract::model::{ArticleInfo, EventMention, EventType, PartialDate, Status};
use chrono::{Datelike, NaiveDate};
use petgraph::unionfind::UnionFind;

use crate::model::{LinkedEvent, MentionRecord};
use crate::place::{country_of, place_rank, places_compatible, places_nested};

/// How far (days) an undated mention's referent may lie from its article's
/// date: news reports what happens around its publication.
const UNDATED_WINDOW_DAYS: i64 = 60;
/// Slack (days) when checking that a planned event lies after the article
/// and an occurred one before it: time zones, publication lag, multi-day
/// visits.
const STATUS_SLACK_DAYS: i64 = 3;
/// MinHash similarity above which two articles are one source (syndicated
/// wire copy, reposts).
pub const SYNDICATION_THRESHOLD: f32 = 0.5;

/// One event in the making.
pub(crate) struct Cluster {
    /// Mention indices, head first.
    pub(crate) members: Vec<usize>,
    /// The head's date: the most precise of the cluster.
    date: Option<PartialDate>,
    /// Distinct places, as written.
    places: Vec<String>,
    docs: HashSet<String>,
    /// The head's date interval, or its article's date for undated clusters.
    anchor: Option<(NaiveDate, NaiveDate)>,
    /// Why each member joined.
    pub(crate) reasons: Vec<String>,
}

type DocInfo<'a> = HashMap<&'a str, &'a ArticleInfo>;

fn doc_date(info: &DocInfo<'_>, doc: &str) -> Option<PartialDate> {
    info.get(doc).and_then(|a| a.date)
}

fn days(n: i64) -> chrono::TimeDelta {
    chrono::TimeDelta::days(n)
}

/// Bucket key of a dated cluster: (year, month or 0).
fn bucket(d: PartialDate) -> (i32, u8) {
    (d.year, d.month.unwrap_or(0))
}

/// How one mention fits one candidate cluster.
struct Fit {
    score: i32,
    why: Vec<String>,
}

fn fit(m: &EventMention, c: &Cluster, info: &DocInfo<'_>) -> Option<Fit> {
    let mut score = 0;
    let mut why = Vec::new();
    match (m.date, c.date) {
        (Some(a), Some(b)) if !a.compatible(&b) => return None,
        (Some(a), Some(b)) if a == b && a.precision() == 3 => {
            score += 2;
            why.push(format!("same day {a}"));
        }
        (Some(a), Some(b)) if a == b => {
            score += 1;
            why.push(format!("same date {a}"));
        }
        (Some(a), Some(b)) => {
            score += 1;
            why.push(format!("date {a} compatible with {b}"));
        }
        (None, Some(b)) => why.push(format!("undated, near its article's date; event {b}")),
        (_, None) => why.push("both undated, articles close in time".to_string()),
    }
    if let Some(p) = &m.place {
        // two cities of one country on the very same day: one source names
        // the venue, another the dateline ("Brdo Castle" / "Ljubljana"); the
        // claims stay visible as a disagreement
        let same_day = m.date.is_some_and(|d| d.precision() == 3 && Some(d) == c.date);
        let mut differing: Vec<&str> = Vec::new();
        for q in &c.places {
            if !places_compatible(Some(p), Some(q)) {
                if same_day && country_of(p).is_some() && country_of(p) == country_of(q) {
                    differing.push(q);
                } else {
                    return None;
                }
            }
        }
        let fp = fold(p);
        if !differing.is_empty() {
            why.push(format!("place {p} differs from {} in the same country on the same day", differing.join(", ")));
        } else if c.places.iter().any(|q| fold(q) == fp) {
            score += 2;
            why.push(format!("same place {p}"));
        } else if !c.places.is_empty() {
            score += 1;
            why.push(format!("place {p} compatible with {}", c.places.join(", ")));
        }
    }
    // an article speaks of planned events after its date and of occurred
    // ones before it
    if let (Some(dd), Some((begin, end))) = (doc_date(info, &m.doc).and_then(|d| d.to_naive()), c.anchor) {
        let consistent = match m.status {
            Status::Planned | Status::Proposed => end >= dd - days(STATUS_SLACK_DAYS),
            Status::Occurred => begin <= dd + days(STATUS_SLACK_DAYS),
            Status::Negated => true,
        };
        if consistent {
            score += 1;
            why.push(format!("{} consistent with its article's date {dd}", m.status));
        } else if m.date.is_none() {
            return None;
        } else {
            score -= 1;
            why.push(format!("{} though its article is dated {dd}", m.status));
        }
    }
    Some(Fit { score, why })
}

/// Split one (type, participants) group into events.
pub(crate) fn cluster_mentions(mentions: &[EventMention], idxs: &[usize], info: &DocInfo<'_>) -> Vec<Cluster> {
    let mut order: Vec<usize> = idxs.to_vec();
    order.sort_by(|&a, &b| {
        let pa = mentions[a].date.map_or(0, |d| d.precision());
        let pb = mentions[b].date.map_or(0, |d| d.precision());
        pb.cmp(&pa).then(mentions[a].doc.cmp(&mentions[b].doc)).then(mentions[a].evidence.cmp(&mentions[b].evidence))
    });
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut dated: HashMap<(i32, u8), Vec<usize>> = HashMap::new();
    let mut undated: HashMap<i32, Vec<usize>> = HashMap::new();
    for mi in order {
        let m = &mentions[mi];
        let dd = doc_date(info, &m.doc).and_then(|d| d.to_naive());
        let candidates: Vec<usize> = match (m.date, dd) {
            (Some(d), _) => {
                let months: Vec<u8> = match d.month {
                    Some(mo) => vec![mo, 0],
                    None => (0..=12).collect(),
                };
                months.iter().filter_map(|&mo| dated.get(&(d.year, mo))).flatten().copied().collect()
            }
            (None, Some(dd)) => {
                let (lo, hi) = (dd - days(UNDATED_WINDOW_DAYS), dd + days(UNDATED_WINDOW_DAYS));
                let mut near: Vec<usize> = Vec::new();
                for y in lo.year()..=hi.year() {
                    near.extend((0..=12u8).filter_map(|mo| dated.get(&(y, mo))).flatten());
                    near.extend(undated.get(&y).into_iter().flatten());
                }
                near.into_iter().filter(|&c| clusters[c].anchor.is_some_and(|(b, e)| e >= lo && b <= hi)).collect()
            }
            (None, None) => (0..clusters.len()).collect(),
        };
        let mut fits: Vec<(usize, Fit)> =
            candidates.into_iter().filter_map(|c| fit(m, &clusters[c], info).map(|f| (c, f))).collect();
        fits.sort_by(|a, b| b.1.score.cmp(&a.1.score).then(a.0.cmp(&b.0)));
        let chosen = match fits.as_slice() {
            [] => None,
            [(c, f)] => Some((*c, f.why.join("; "))),
            [(c, f), (_, g), ..] if f.score > g.score => {
                Some((*c, format!("{}; best of {} candidate events", f.why.join("; "), fits.len())))
            }
            _ => None,
        };
        match chosen {
            Some((c, why)) => {
                let head = &mentions[clusters[c].members[0]];
                let reason = format!(
                    "{}@{} joins {}@{}: same {} and participants; {why}",
                    m.doc, m.evidence.start, head.doc, head.evidence.start, m.kind
                );
                let cl = &mut clusters[c];
                cl.members.push(mi);
                cl.reasons.push(reason);
                cl.docs.insert(m.doc.clone());
                if let Some(p) = &m.place {
                    if !cl.places.iter().any(|q| fold(q) == fold(p)) {
                        cl.places.push(p.clone());
                    }
                }
            }
            None => {
                let id = clusters.len();
                let anchor = m.date.map(|d| d.interval()).or(dd.map(|d| (d, d)));
                match (m.date, dd) {
                    (Some(d), _) => dated.entry(bucket(d)).or_default().push(id),
                    (None, Some(dd)) => undated.entry(dd.year()).or_default().push(id),
                    (None, None) => {}
                }
                clusters.push(Cluster {
                    members: vec![mi],
                    date: m.date,
                    places: m.place.iter().cloned().collect(),
                    docs: HashSet::from([m.doc.clone()]),
                    anchor,
                    reasons: Vec::new(),
                });
            }
        }
    }
    merge_adjacent_days(clusters)
}

/// Two reports of one meeting a day apart ("Tuesday" in one source,
/// "Wednesday" in another) are one event when no article reports both days,
/// both name a place and the places agree, and neither day could pair with
/// another: the disagreement is kept and shown, not hidden as two events.
fn merge_adjacent_days(mut clusters: Vec<Cluster>) -> Vec<Cluster> {
    let by_day: HashMap<NaiveDate, Vec<usize>> = {
        let mut m: HashMap<NaiveDate, Vec<usize>> = HashMap::new();
        for (i, c) in clusters.iter().enumerate() {
            if let Some(d) = c.date.and_then(|d| d.to_naive()) {
                m.entry(d).or_default().push(i);
            }
        }
        m
    };
    let agree = |a: &Cluster, b: &Cluster| {
        !a.places.is_empty()
            && !b.places.is_empty()
            && a.docs.is_disjoint(&b.docs)
            && a.places.iter().all(|p| b.places.iter().all(|q| places_compatible(Some(p), Some(q))))
    };
    let mut edges: Vec<(usize, usize)> = Vec::new();
    for (day, here) in &by_day {
        let Some(next) = by_day.get(&(*day + days(1))) else { continue };
        for &a in here {
            for &b in next {
                if agree(&clusters[a], &clusters[b]) {
                    edges.push((a, b));
                }
            }
        }
    }
    let mut degree = vec![0usize; clusters.len()];
    for &(a, b) in &edges {
        degree[a] += 1;
        degree[b] += 1;
    }
    edges.sort();
    let mut gone = vec![false; clusters.len()];
    for (a, b) in edges {
        if degree[a] != 1 || degree[b] != 1 {
            continue;
        }
        let taken = std::mem::take(&mut clusters[b].members);
        let reasons = std::mem::take(&mut clusters[b].reasons);
        let places = std::mem::take(&mut clusters[b].places);
        let (da, db) = (clusters[a].date, clusters[b].date);
        let fmt = |d: Option<PartialDate>| d.map(|d| d.to_string()).unwrap_or_default();
        let all_places: Vec<String> = clusters[a].places.iter().chain(&places).cloned().collect();
        let ca = &mut clusters[a];
        ca.reasons.push(format!(
            "reports dated {} and {} are one day apart with agreeing places ({}) and no article reports both: \
             one event, sources disagree on the day",
            fmt(da),
            fmt(db),
            all_places.join(", ")
        ));
        ca.members.extend(taken);
        ca.reasons.extend(reasons);
        for p in places {
            if !ca.places.iter().any(|q| fold(q) == fold(&p)) {
                ca.places.push(p);
            }
        }
        gone[b] = true;
    }
    clusters.into_iter().zip(gone).filter(|(_, g)| !g).map(|(c, _)| c).collect()
}

/// Articles grouped into independent sources: articles whose text is
/// near-identical (MinHash similarity >= [`SYNDICATION_THRESHOLD`]) are
/// one source. Groups and their members are sorted.
pub fn source_groups(articles: &[&ArticleInfo]) -> Vec<Vec<String>> {
    let mut uf = UnionFind::<usize>::new(articles.len());
    for i in 0..articles.len() {
        for j in i + 1..articles.len() {
            if annals_extract::minhash_similarity(&articles[i].minhash, &articles[j].minhash) >= SYNDICATION_THRESHOLD {
                uf.union(i, j);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate() {
        groups.entry(uf.find(i)).or_default().push(a.id.clone());
    }
    let mut out: Vec<Vec<String>> = groups.into_values().collect();
    for g in &mut out {
        g.sort();
    }
    out.sort();
    out
}

/// What building an event needs to look up.
pub(crate) struct EventContext<'a> {
    pub(crate) mentions: &'a [EventMention],
    pub(crate) doc_info: &'a DocInfo<'a>,
    pub(crate) canonical: &'a HashMap<String, String>,
    pub(crate) canon_by_raw: &'a HashMap<String, String>,
}

impl EventContext<'_> {
    pub(crate) fn build_event(&self, kind: EventType, keys: &[String], cluster: Cluster) -> LinkedEvent {
        let ms: Vec<&EventMention> = cluster.members.iter().map(|&i| &self.mentions[i]).collect();
        // one sentence can report several events: the trigger and the
        // participants keep their ids apart
        let first =
            ms.iter().min_by_key(|m| (m.doc.as_str(), m.evidence.start, m.trigger.start)).expect("non-empty cluster");
        let id = format!(
            "{:016x}",
            fnv(&format!("{}:{}:{}:{}:{}", first.doc, first.evidence.start, first.trigger.start, kind, keys.join("|")))
        );
        let docs: Vec<&str> = {
            let mut d: Vec<&str> = ms.iter().map(|m| m.doc.as_str()).collect();
            d.sort();
            d.dedup();
            d
        };
        // independent sources: docs the store knows are grouped by MinHash;
        // an unknown doc is a source of its own
        let known: Vec<&ArticleInfo> = docs.iter().filter_map(|d| self.doc_info.get(d).copied()).collect();
        let groups = source_groups(&known);
        let mut group_of: HashMap<&str, usize> = HashMap::new();
        for (gi, g) in groups.iter().enumerate() {
            for d in g {
                group_of.insert(d.as_str(), gi);
            }
        }
        let unknown = docs.iter().filter(|d| !group_of.contains_key(**d)).count();
        let sources = groups.len() + unknown;
        let source_of =
            |m: &EventMention| group_of.get(m.doc.as_str()).map_or_else(|| m.doc.clone(), |g| g.to_string());
        let support = |pred: &dyn Fn(&EventMention) -> bool| -> usize {
            let mut s: Vec<String> = ms.iter().filter(|m| pred(m)).map(|m| source_of(m)).collect();
            s.sort();
            s.dedup();
            s.len()
        };
        // best-supported date: most independent sources agreeing with it,
        // then most precise, then earliest
        let date = {
            let mut cands: Vec<PartialDate> = ms.iter().filter_map(|m| m.date).collect();
            cands.sort();
            cands.dedup();
            cands
                .into_iter()
                .map(|d| (support(&|m: &EventMention| m.date.is_some_and(|x| x.compatible(&d))), d.precision(), d))
                .max_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)).then(b.2.cmp(&a.2)))
                .map(|(_, _, d)| d)
        };
        // best-supported place: most sources agreeing (a country agrees
        // with its cities), then the most specific, then most stated
        let place = {
            let mut cands: Vec<&str> = ms.iter().filter_map(|m| m.place.as_deref()).collect();
            cands.sort();
            cands.dedup();
            cands
                .into_iter()
                .map(|p| {
                    let agree = support(&|m: &EventMention| m.place.as_deref().is_some_and(|q| places_nested(p, q)));
                    let exact = support(&|m: &EventMention| m.place.as_deref() == Some(p));
                    (agree, place_rank(p), exact, p)
                })
                .max_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)).then(b.3.cmp(a.3)))
                .map(|(_, _, _, p)| p.to_string())
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
            m.participants
                .iter()
                .map(|p| self.canon_by_raw.get(&p.name).cloned().unwrap_or_else(|| p.name.clone()))
                .collect()
        };
        let participants: Vec<String> =
            keys.iter().map(|k| self.canonical.get(k).cloned().unwrap_or_else(|| k.clone())).collect();
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
                doc_date: doc_date(self.doc_info, &m.doc),
            })
            .collect();
        records.sort_by(|a, b| a.doc.cmp(&b.doc).then(a.span.cmp(&b.span)));
        let mut reasons = cluster.reasons;
        reasons.sort();
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
}

fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}
