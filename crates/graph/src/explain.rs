//! What a linked event's sources say, computed from its mentions: where they
//! disagree (dates, places, occurred versus denied) and how its status
//! changed from article to article. Nothing here is stored: the mentions
//! keep every claim, so these views can always be recomputed.

use std::collections::BTreeMap;

use annals_extract::coref::fold;
use annals_extract::model::{PartialDate, Status};

use crate::model::LinkedEvent;
use crate::place::{country_of, places_nested};

/// One value some articles state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub value: String,
    /// The words the articles used for it ("Tuesday"), when known.
    pub texts: Vec<String>,
    /// The articles stating it, sorted.
    pub docs: Vec<String>,
}

/// An attribute the sources do not agree on, with every claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    /// "date", "place" or "status".
    pub attribute: &'static str,
    pub claims: Vec<Claim>,
}

/// One step of a status history: a status and the articles, from the
/// earliest dated, that state it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusStep {
    pub status: Status,
    /// The date of the first article stating it.
    pub since: Option<PartialDate>,
    pub docs: Vec<String>,
}

fn claims<K: Ord>(items: impl Iterator<Item = (K, String, Option<String>, String)>) -> Vec<Claim> {
    let mut by: BTreeMap<K, Claim> = BTreeMap::new();
    for (key, value, text, doc) in items {
        let c = by.entry(key).or_insert_with(|| Claim { value, texts: Vec::new(), docs: Vec::new() });
        if let Some(t) = text {
            if !c.texts.contains(&t) {
                c.texts.push(t);
            }
        }
        if !c.docs.contains(&doc) {
            c.docs.push(doc);
        }
    }
    let mut out: Vec<Claim> = by.into_values().collect();
    for c in &mut out {
        c.docs.sort();
        c.texts.sort();
    }
    out
}

/// Where the sources of an event disagree. A coarser value that the finer
/// one refines ("November" and "November 1", "China" and "Beijing") is not a
/// disagreement, nor is a venue the gazetteer does not know beside a place
/// it knows; two different days or two places neither of which contains
/// the other are, and every claim is listed with its articles.
pub fn disagreements(e: &LinkedEvent) -> Vec<Disagreement> {
    let mut out = Vec::new();
    let dates: Vec<PartialDate> = e.mentions.iter().filter_map(|m| m.date).collect();
    if dates.iter().any(|a| dates.iter().any(|b| !a.compatible(b))) {
        out.push(Disagreement {
            attribute: "date",
            claims: claims(
                e.mentions
                    .iter()
                    .filter_map(|m| m.date.map(|d| (d, d.to_string(), m.date_text.clone(), m.doc.clone()))),
            ),
        });
    }
    let places: Vec<&str> = e.mentions.iter().filter_map(|m| m.place.as_deref()).collect();
    // an unknown venue beside a known city ("Hyderabad House", "New Delhi")
    // is most likely inside it: not a disagreement
    let differ = |a: &str, b: &str| !places_nested(a, b) && country_of(a).is_some() == country_of(b).is_some();
    if places.iter().any(|a| places.iter().any(|b| differ(a, b))) {
        out.push(Disagreement {
            attribute: "place",
            claims: claims(
                e.mentions.iter().filter_map(|m| m.place.as_ref().map(|p| (fold(p), p.clone(), None, m.doc.clone()))),
            ),
        });
    }
    let said = |s: Status| e.mentions.iter().any(|m| m.status == s);
    if said(Status::Negated) && (said(Status::Occurred) || said(Status::Planned)) {
        out.push(Disagreement {
            attribute: "status",
            claims: claims(e.mentions.iter().map(|m| (m.status, m.status.to_string(), None, m.doc.clone()))),
        });
    }
    out
}

/// The event's status as its articles report it, in article-date order
/// (undated articles last): "planned (2025-10-17) -> occurred (2025-10-30)".
/// Consecutive articles with the same status make one step.
pub fn status_history(e: &LinkedEvent) -> Vec<StatusStep> {
    let mut ms: Vec<_> = e.mentions.iter().collect();
    ms.sort_by(|a, b| {
        a.doc_date.is_none().cmp(&b.doc_date.is_none()).then(a.doc_date.cmp(&b.doc_date)).then(a.doc.cmp(&b.doc))
    });
    let mut out: Vec<StatusStep> = Vec::new();
    for m in ms {
        match out.last_mut() {
            Some(step) if step.status == m.status => {
                if !step.docs.contains(&m.doc) {
                    step.docs.push(m.doc.clone());
                }
            }
            _ => out.push(StatusStep { status: m.status, since: m.doc_date, docs: vec![m.doc.clone()] }),
        }
    }
    out
}
