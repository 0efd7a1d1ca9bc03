//! Interaction events: triggers from `data/events.ron`, participants from
//! the same clause only, then place, date and status.
//!
//! A clause here is the run of tokens around a trigger up to a clause break
//! (`said`, `while`, `who`, `;` ... listed in the lexicon). Participants come
//! from the trigger's frame:
//! - `Verb`: the subject group before the trigger, the object group after it
//!   ("X met Y", "X met with Y and Z"); with no object, a subject group of two
//!   or more ("X and Y met").
//! - `Noun`: "talks between X and Y", "X's meeting with Y", the clause subject
//!   of a light verb ("X held a summit with Y"), "involving X, Y and Z".
//! - `Passive`: "hosted by X" (X is the agent, the clause subject the other).
//!
//! Nothing is taken across a clause break: an event is only as good as the
//! clause that states it.

use std::borrow::Cow;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use serde::Deserialize;

use crate::actors::{actor_kind, lexicon, Chunk, Tag};
use crate::coref;
use crate::model::{EventType, PartialDate, Participant, Span, Status};
use crate::segment::{Token, TokenKind};
use crate::time::Timex;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
enum Frame {
    Verb,
    Noun,
    Passive,
}

#[derive(Debug, Deserialize)]
struct TriggerDef {
    forms: Vec<String>,
    kind: EventType,
    frame: Frame,
    preps: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct EventLexiconFile {
    triggers: Vec<TriggerDef>,
    sign_objects: Vec<String>,
    clause_breaks: Vec<String>,
    negated_cues: Vec<String>,
    planned_cues: Vec<String>,
    proposed_cues: Vec<String>,
    irrealis_cues: Vec<String>,
    denial_cues: Vec<String>,
    hedge_cues: Vec<String>,
    sports_cues: Vec<String>,
    light_verbs: Vec<String>,
}

/// Multi-word cues indexed by their first word: one hash look-up per token
/// instead of a comparison per cue.
#[derive(Default)]
struct Phrases {
    by_first: HashMap<String, Vec<Vec<String>>>,
}

impl Phrases {
    fn new<S: AsRef<str>>(cues: &[S]) -> Phrases {
        let mut p = Phrases::default();
        for c in cues {
            let words: Vec<String> = c.as_ref().split_whitespace().map(str::to_lowercase).collect();
            if let Some(first) = words.first() {
                p.by_first.entry(first.clone()).or_default().push(words);
            }
        }
        p
    }

    /// The cues that start at token `i` of `words`.
    fn at<'s>(&'s self, words: &'s [Cow<'_, str>], i: usize) -> impl Iterator<Item = &'s [String]> + 's {
        words
            .get(i)
            .and_then(|w| self.by_first.get(w.as_ref()))
            .into_iter()
            .flatten()
            .filter(move |p| p.len() <= words.len() - i && p[1..].iter().zip(&words[i + 1..]).all(|(a, b)| a == b))
            .map(Vec::as_slice)
    }

    /// A one-word cue equal to `w`.
    fn has_word(&self, w: &str) -> bool {
        self.by_first.get(w).is_some_and(|v| v.iter().any(|p| p.len() == 1))
    }
}

struct EventLexicon {
    /// first word -> (words, trigger index), longest first
    forms: HashMap<String, Vec<(Vec<String>, usize)>>,
    triggers: Vec<TriggerDef>,
    sign_objects: HashSet<String>,
    clause_breaks: HashSet<String>,
    negated: Phrases,
    planned: HashSet<String>,
    proposed: Phrases,
    irrealis: Phrases,
    denial: Phrases,
    /// "reportedly", "is said to have": a report the text does not vouch for
    hedge: Phrases,
    sports: Phrases,
    light_verbs: Phrases,
    /// "was called off", "was cancelled" after the trigger
    post_negation: Phrases,
    /// "remains unlikely" after a noun trigger
    post_doubt: Phrases,
}

static LEXICON: LazyLock<EventLexicon> = LazyLock::new(|| {
    let file: EventLexiconFile = ron::from_str(include_str!("../../../data/events.ron"))
        .unwrap_or_else(|e| panic!("bundled data/events.ron is invalid: {e}"));
    let split = |s: &str| s.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>();
    let mut forms: HashMap<String, Vec<(Vec<String>, usize)>> = HashMap::default();
    for (i, t) in file.triggers.iter().enumerate() {
        for f in &t.forms {
            let words = split(f);
            forms.entry(words[0].clone()).or_default().push((words, i));
        }
    }
    for v in forms.values_mut() {
        v.sort_by_key(|b| std::cmp::Reverse(b.0.len()));
    }
    let set = |v: &[String]| v.iter().map(|s| s.to_lowercase()).collect::<HashSet<_>>();
    let phrases = |v: &[String]| Phrases::new(v);
    EventLexicon {
        forms,
        sign_objects: set(&file.sign_objects),
        clause_breaks: set(&file.clause_breaks),
        negated: phrases(&file.negated_cues),
        planned: set(&file.planned_cues),
        proposed: phrases(&file.proposed_cues),
        irrealis: phrases(&file.irrealis_cues),
        denial: phrases(&file.denial_cues),
        hedge: phrases(&file.hedge_cues),
        sports: phrases(&file.sports_cues),
        light_verbs: Phrases::new(&file.light_verbs),
        post_negation: Phrases::new(POST_NEGATION),
        post_doubt: Phrases::new(POST_DOUBT),
        triggers: file.triggers,
    }
});

/// Words that make the next word a noun reading of a verb/noun form.
const DETERMINERS: &[&str] = &[
    "a",
    "an",
    "the",
    "'",
    "\u{2019}",
    "bilateral",
    "private",
    "separate",
    "further",
    "fresh",
    "new",
    "formal",
    "his",
    "her",
    "their",
    "its",
    "our",
    "this",
    "that",
    "these",
    "those",
    "'s",
    "\u{2019}s",
    "first",
    "second",
    "third",
    "last",
    "next",
    "previous",
    "planned",
    "upcoming",
    "official",
    "state",
    "historic",
    "rare",
    "brief",
    "short",
    "two-day",
    "three-day",
    "four-day",
    "five-day",
    "one-day",
    "week-long",
    "whose",
    "any",
    "no",
    "another",
    "such",
    "during",
];
const PREPOSITIONS: &[&str] = &[
    "alongside",
    "besides",
    "beyond",
    "unlike",
    "including",
    "following",
    "during",
    "despite",
    "ahead",
    "in",
    "at",
    "of",
    "for",
    "from",
    "to",
    "with",
    "by",
    "on",
    "near",
    "between",
    "into",
    "about",
    "over",
    "against",
    "toward",
    "towards",
    "under",
    "without",
    "like",
    "than",
    "among",
    "amid",
    "via",
];
/// Organization kinds that meet, call, host and sign as actors.
const PUBLIC_BODIES: &[&str] = &["intergovernmental", "un-body", "military-alliance", "forum", "armed-group"];

/// After a noun trigger, words that put the event in doubt: "a meeting
/// between X and Y remains unlikely" states no meeting (proposed at most).
const POST_DOUBT: &[&str] = &["unlikely", "uncertain", "in doubt", "not expected", "far from certain", "doubtful"];

/// What, said after a trigger, undoes it: "talks ... were called off".
const POST_NEGATION: &[&str] = &[
    "called off",
    "was cancelled",
    "were cancelled",
    "was canceled",
    "were canceled",
    "was postponed",
    "were postponed",
    "was scrapped",
    "were scrapped",
    "did not take place",
    "never took place",
    "fell through",
    "was shelved",
    "were shelved",
    "broke down before",
];

/// What a host gives in someone's honour: "a state banquet for X".
const MEALS: &[&str] = &["banquet", "dinner", "lunch", "luncheon", "breakfast", "reception", "ceremony", "gala"];

/// "20th" -> 20, "tenth" -> 10.
fn ordinal(w: &str) -> Option<i32> {
    const WORDS: &[&str] =
        &["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
    if let Some(i) = WORDS.iter().position(|x| *x == w) {
        return Some(i as i32 + 1);
    }
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    (digits.len() < w.len()).then(|| digits.parse().ok()).flatten()
}

/// Verbs of motion that make a visit only with a destination after "to"/"in".
const MOTION_VERBS: &[&str] = &[
    "travel",
    "traveled",
    "travelled",
    "travels",
    "traveling",
    "travelling",
    "go",
    "goes",
    "went",
    "going",
    "head",
    "heading",
    "heads",
    "headed",
    "fly",
    "flew",
    "flies",
    "flying",
];

/// A word of the verb group, or an adverb ("warmly", "briefly").
fn in_verb_group(w: &str) -> bool {
    VERB_GROUP.contains(&w) || (w.len() > 4 && w.ends_with("ly") && w.chars().all(|c| c.is_ascii_lowercase()))
}

/// Words between a subject and its verb: auxiliaries, adverbs, modals.
const VERB_GROUP: &[&str] = &[
    "will",
    "would",
    "also",
    "later",
    "then",
    "has",
    "have",
    "had",
    "is",
    "was",
    "are",
    "were",
    "to",
    "be",
    "been",
    "expected",
    "scheduled",
    "set",
    "due",
    "plans",
    "planned",
    "not",
    "n't",
    "did",
    "does",
    "do",
    "reportedly",
    "finally",
    "last",
    "first",
    "recently",
    "already",
    "once",
    "again",
    "briefly",
    "separately",
    "personally",
    "officially",
    "formally",
    "jointly",
    "both",
    "all",
    "earlier",
    "previously",
    "yesterday",
    "today",
    "shall",
    "may",
    "might",
    "could",
    "can",
    "just",
    "never",
    "subsequently",
    "immediately",
    "waits",
    "waited",
    "waiting",
    "now",
    "soon",
];

/// Verbs that report speech: "X said on Monday (that) ...".
const REPORTING: &[&str] = &["said", "told", "announced", "confirmed", "revealed", "disclosed", "wrote", "posted"];

/// "between the two leaders": nouns for a pair of people.
const PAIR_NOUNS: &[&str] =
    &["leaders", "presidents", "men", "women", "premiers", "ministers", "chancellors", "heads", "counterparts"];
const GROUP_INTRODUCERS: &[&str] = &["involving", "including", "with", "between", "among", "joined"];
const COUNTRY_BODIES: &[&str] = &["government", "side", "authorities", "delegation", "leadership", "administration"];

/// A sentence ready for event extraction.
pub struct SentenceInput<'a> {
    pub text: &'a str,
    /// `text` with ASCII letters lower-cased (the same byte offsets): most
    /// words are read from it without a copy.
    pub lower: &'a str,
    pub span: Span,
    pub headline: bool,
    pub tokens: &'a [Token],
    pub chunks: &'a [Chunk],
    /// Timexes inside this sentence.
    pub timexes: &'a [Timex],
}

/// What the event layer carries from one sentence to the next.
#[derive(Debug, Default)]
pub struct DocContext {
    pub dct: Option<chrono::NaiveDate>,
    /// The first person of the last sentence that had one: what "he" means.
    pub last_subject: Option<Participant>,
    /// The participants of the last two-party event: what "the two leaders" means.
    pub last_pair: Vec<Participant>,
    /// The last distinct persons named, most recent last (at most a few).
    pub recent_persons: Vec<Participant>,
    /// Those of them last named only as the source of a quote ("said X",
    /// "X recalled"): no party to "the two sides".
    pub sources: Vec<String>,
    /// The persons this article has reported travelling, in order.
    pub travellers: Vec<Participant>,
}

/// An event found in one sentence, before the document-level pass.
#[derive(Debug, Clone)]
pub struct RawEvent {
    pub kind: EventType,
    pub participants: Vec<Participant>,
    pub date: Option<PartialDate>,
    pub date_text: Option<String>,
    pub place: Option<String>,
    pub status: Status,
    pub confidence: f32,
    pub trigger: Span,
}

struct Sent<'a> {
    input: &'a SentenceInput<'a>,
    /// Each token lower-cased; borrowed from the document's lower-cased
    /// text unless it has non-ASCII letters, so a sentence costs few
    /// allocations.
    words: Vec<Cow<'a, str>>,
    /// token -> chunk index covering it
    chunk_at: Vec<Option<usize>>,
}

/// `as_str` for the lower-cased words, as `String` has it.
trait AsStr {
    fn as_str(&self) -> &str;
}

impl AsStr for Cow<'_, str> {
    fn as_str(&self) -> &str {
        self
    }
}

impl<'a> Sent<'a> {
    fn new(input: &'a SentenceInput<'a>) -> Self {
        let words = input
            .tokens
            .iter()
            .map(|t| {
                let w = &input.lower[t.span.start..t.span.end];
                if w.is_ascii() {
                    Cow::Borrowed(w)
                } else {
                    Cow::Owned(input.text[t.span.start..t.span.end].to_lowercase())
                }
            })
            .collect::<Vec<_>>();
        let mut chunk_at = vec![None; input.tokens.len()];
        for (ci, c) in input.chunks.iter().enumerate() {
            for slot in chunk_at.iter_mut().take(c.end).skip(c.start) {
                *slot = Some(ci);
            }
        }
        Sent { input, words, chunk_at }
    }

    fn surface(&self, c: &Chunk) -> &str {
        &self.input.text[c.span.start..c.span.end]
    }

    fn is_break(&self, i: usize) -> bool {
        let lex = &*LEXICON;
        let w = self.words[i].as_str();
        if !lex.clause_breaks.contains(w) {
            return false;
        }
        // "as well as" coordinates; "that" before a noun is a determiner
        let as_well_as = w == "as"
            && (self.words.get(i + 1).is_some_and(|n| n == "well")
                || self.words.get(i.wrapping_sub(2)).is_some_and(|p| p == "as"));
        // "X is said to have met Y": a hedge inside the clause, no report of speech
        let hedge =
            self.words.get(i + 1).is_some_and(|n| n == "to") && self.words.get(i + 2).is_some_and(|n| n == "have");
        !as_well_as && !hedge && !self.short_quote(i)
    }

    /// A quotation mark around a few words inside a clause ("had a \"long and
    /// meaningful\" phone call"): a modifier, not quoted speech.
    fn short_quote(&self, i: usize) -> bool {
        const QUOTES: &[&str] = &["\"", "\u{201c}", "\u{201d}"];
        if !QUOTES.contains(&self.words[i].as_str()) {
            return false;
        }
        let quoted = |a: usize, b: usize| {
            (a + 1..b).all(|k| self.words[k].chars().all(|c| c.is_alphanumeric() || c == '-' || c == '\''))
        };
        let forward = (i + 2..(i + 6).min(self.words.len())).find(|&k| QUOTES.contains(&self.words[k].as_str()));
        let backward =
            (i.saturating_sub(5)..i.saturating_sub(1)).rev().find(|&k| QUOTES.contains(&self.words[k].as_str()));
        // the words inside are plain words, and the quote does not end the sentence
        let inside = |a: usize, b: usize| quoted(a, b) && b + 1 < self.words.len();
        forward.is_some_and(|b| inside(i, b)) || backward.is_some_and(|a| inside(a, i))
    }

    /// Tokens [start, end) of the clause around token `i`.
    fn clause(&self, i: usize) -> (usize, usize) {
        let mut start = i;
        while start > 0 && !self.is_break(start - 1) {
            start -= 1;
        }
        let mut end = i + 1;
        while end < self.words.len() && !self.is_break(end) {
            end += 1;
        }
        (start, end)
    }

    fn participant(&self, ci: usize) -> Option<Participant> {
        let lex = lexicon();
        let c = &self.input.chunks[ci];
        let kind = match c.tag {
            Tag::Unknown(_) => crate::model::ActorKind::Person,
            _ => actor_kind(&c.tag)?,
        };
        let surface = self.surface(c).to_string();
        Some(match &c.tag {
            Tag::Person(p) => Participant {
                name: p.name.clone(),
                kind,
                title: p.title.clone(),
                country: p.country.map(|i| lex.country_iso3(i).to_string()),
                surface,
            },
            Tag::Country(i) | Tag::Capital(i) | Tag::Metonym(i) => Participant {
                name: lex.country_name(*i).to_string(),
                kind,
                title: None,
                country: Some(lex.country_iso3(*i).to_string()),
                surface,
            },
            Tag::Org(i) => {
                let o = &lex.gazetteer.organizations[*i];
                if !PUBLIC_BODIES.contains(&o.kind.as_str()) {
                    return None;
                }
                Participant { name: o.name.clone(), kind, title: None, country: o.country.clone(), surface }
            }
            // an organization we only know by its capitalized name (a ministry,
            // a company) is not a party to a diplomatic interaction
            Tag::OrgName(_) => return None,
            Tag::Unknown(n) => Participant { name: n.clone(), kind, title: None, country: None, surface },
            _ => return None,
        })
    }

    /// Whether chunk `ci` can fill an argument slot: an actor, or an
    /// unplaced capitalized word that is not in a place phrase ("Yoon").
    fn arg(&self, ci: usize) -> bool {
        let c = &self.input.chunks[ci];
        // "US$ 17.4 billion": a currency, not a government
        if self.input.text[c.span.end..].starts_with('$') {
            return false;
        }
        // "at the invitation of (King) Charles": who invited, not who acts
        let mut k = c.start;
        while let Some(p) = k.checked_sub(1).and_then(|j| self.chunk_at[j]).filter(|&p| {
            matches!(self.input.chunks[p].tag, Tag::Title(_) | Tag::Honorific | Tag::Demonym(_) | Tag::Country(_))
        }) {
            k = self.input.chunks[p].start;
        }
        if k >= 2 && self.words[k - 1] == "of" && self.by_invitation(k - 2) {
            return false;
        }
        actor_kind(&c.tag).is_some()
            || matches!(&c.tag, Tag::Unknown(n) if n.chars().count() > 1) && !self.place_context(c.start) && c.start > 0
    }

    /// A chunk that modifies the next one rather than naming a participant:
    /// "South Korea's" in "South Korea's Deputy Foreign Minister Chung".
    fn is_modifier(&self, ci: usize) -> bool {
        let c = &self.input.chunks[ci];
        let next = self.input.chunks.get(ci + 1);
        let adjacent = next.is_some_and(|n| {
            n.start == c.end || (n.start == c.end + 1 && matches!(self.words[c.end].as_str(), "'s" | "\u{2019}s"))
        });
        let next_is_person_or_title = next.is_some_and(|n| {
            matches!(n.tag, Tag::Person(_) | Tag::Title(_) | Tag::Honorific | Tag::OrgName(_) | Tag::Unknown(_))
        });
        matches!(c.tag, Tag::Country(_) | Tag::Capital(_) | Tag::Org(_) | Tag::Demonym(_))
            && adjacent
            && next_is_person_or_title
            || self.words.get(c.end).is_some_and(|w| w == "'s" || w == "\u{2019}s")
                && self
                    .words
                    .get(c.end + 1)
                    .is_some_and(|w| !matches!(w.as_str(), "meeting" | "visit" | "talks" | "trip" | "call"))
                && !matches!(c.tag, Tag::Person(_))
    }

    /// A participant group starting at or after token `from`, before `limit`:
    /// "X", "X and Y", "X, Y and Z", skipping titles and appositions.
    fn group_right(&self, from: usize, limit: usize, max_gap: usize) -> (Vec<usize>, usize) {
        let mut out = Vec::new();
        let mut i = from;
        let mut gap = 0;
        // the first member
        while i < limit {
            if let Some(ci) = self.chunk_at[i] {
                let c = &self.input.chunks[ci];
                if self.arg(ci) && !self.is_modifier(ci) && !self.place_context(c.start) {
                    out.push(ci);
                    i = c.end;
                    break;
                }
                if let Tag::Demonym(country) = c.tag {
                    if self.words.get(c.end).is_some_and(|w| COUNTRY_BODIES.contains(&w.as_str())) {
                        let _ = country;
                        out.push(ci);
                        i = c.end + 1;
                        break;
                    }
                }
                i = c.end;
                continue;
            }
            // "meet in Saudi Arabia on Ukraine": a new prepositional phrase ends the search
            if self.is_break(i) || gap >= max_gap || PREPOSITIONS.contains(&self.words[i].as_str()) {
                return (out, i);
            }
            if self.input.tokens[i].kind == TokenKind::Word && !self.words[i].starts_with(char::is_uppercase) {
                gap += 1;
            }
            i += 1;
        }
        if out.is_empty() {
            return (out, i);
        }
        // more members: "X, Y and Z", "X as well as Y"; an apposition
        // ("X, director-general of ..., and Y") or a parenthesis is skipped
        loop {
            let mut j = i;
            if j < limit && self.words[j] == "(" {
                while j < limit && self.words[j] != ")" {
                    j += 1;
                }
                j += 1;
            }
            if j < limit && self.words[j] == "," && !self.member_at(j + 1, limit) {
                // an apposition runs to the next comma, with no member inside
                let close = (j + 1..limit.min(j + 16)).find(|&k| self.words[k] == "," || self.is_break(k));
                match close {
                    Some(c)
                        if self.words[c] == ","
                            && (j + 1..c).all(|k| {
                                self.chunk_at[k]
                                    .is_none_or(|ci| !self.arg(ci) || self.is_modifier(ci) || self.place_context(k))
                            }) =>
                    {
                        j = c
                    }
                    _ => break,
                }
            }
            // separators
            let mut k = j;
            let mut saw = false;
            while k < limit {
                match self.words[k].as_str() {
                    "," | "and" | "&" => {
                        saw = true;
                        k += 1;
                    }
                    "as" if self.words.get(k + 1).is_some_and(|w| w == "well") => {
                        saw = true;
                        k += 3;
                    }
                    _ => break,
                }
            }
            if !saw {
                break;
            }
            match self.member(k, limit) {
                // "..., the Kremlin said": the source of the report, no member
                Some(ci)
                    if self.words.get(self.input.chunks[ci].end).is_some_and(|w| REPORTING.contains(&w.as_str())) =>
                {
                    break;
                }
                Some(ci) => {
                    out.push(ci);
                    i = self.input.chunks[ci].end;
                }
                None => break,
            }
        }
        (out, i)
    }

    /// People joined to a gathering in `[from, to)`: "along with X",
    /// "together with X", "alongside X", "in the presence of X".
    fn companions(&self, from: usize, to: usize) -> Vec<Participant> {
        let mut out = Vec::new();
        let mut k = from;
        while k + 1 < to {
            let w = self.words[k].as_str();
            let next = self.words[k + 1].as_str();
            let start = match (w, next) {
                ("along" | "together", "with") => Some(k + 2),
                ("alongside", _) => Some(k + 1),
                ("in", "the")
                    if self.words.get(k + 2).is_some_and(|x| x == "presence")
                        && self.words.get(k + 3).is_some_and(|x| x == "of") =>
                {
                    Some(k + 4)
                }
                _ => None,
            };
            match start {
                Some(st) if st < to => {
                    let (group, end) = self.group_right(st, to, 1);
                    out.extend(
                        self.participants_of(&group).into_iter().filter(|p| p.kind == crate::model::ActorKind::Person),
                    );
                    k = end.max(k + 1);
                }
                _ => k += 1,
            }
        }
        out
    }

    /// Up to four words before a noun trigger at `k`, skipping names and
    /// parentheses in between (not before `floor`).
    fn noun_lead(&self, k: usize, floor: usize) -> Vec<String> {
        let mut out = Vec::new();
        let mut i = k;
        while i > floor && out.len() < 4 {
            i -= 1;
            if self.words[i] == ")" {
                while i > floor && self.words[i] != "(" {
                    i -= 1;
                }
                continue;
            }
            if let Some(ci) = self.chunk_at[i] {
                i = self.input.chunks[ci].start.max(floor);
                continue;
            }
            out.push(self.words[i].to_string());
        }
        out
    }

    /// The actor whose "'s" stands up to three words before token `k`:
    /// "Xi's first visit", "Koizumi's surprise visit".
    fn possessor(&self, k: usize) -> Option<usize> {
        (k.saturating_sub(3)..k).rev().find_map(|p| {
            let poss = matches!(self.words[p].as_str(), "'s" | "\u{2019}s");
            let between_ok = self.chunk_at[p + 1..k].iter().all(Option::is_none);
            (poss && between_ok && p > 0).then(|| self.chunk_at[p - 1]).flatten().filter(|&ci| self.arg(ci))
        })
    }

    /// The first person named in the sentence before token `k`: what a
    /// "he"/"his" there most likely refers to ("Lavrov said that he ...").
    fn phrase_at(&self, i: usize, words: &[String]) -> bool {
        i + words.len() <= self.words.len() && words.iter().zip(&self.words[i..]).all(|(w, x)| w == x)
    }

    /// The people named in the sentence before token `k`, each once.
    fn people_before(&self, k: usize, kind: EventType) -> Vec<Participant> {
        let before: Vec<usize> = (0..k).filter_map(|t| self.chunk_at[t]).collect();
        let mut named = self.participants_of(&before);
        dedup_participants(&mut named, kind);
        named.retain(|p| p.kind == crate::model::ActorKind::Person);
        named
    }

    /// The speaker of a quote that holds token `k`: the person right before
    /// or right after the first reporting verb after it ("...," Tinubu wrote;
    /// "...," said Ruto).
    fn speaker_after(&self, k: usize) -> Option<Participant> {
        let v = (k + 1..self.words.len()).find(|&i| {
            REPORTING.contains(&self.words[i].as_str()) || matches!(self.words[i].as_str(), "tweeted" | "added")
        })?;
        let before = v.checked_sub(1).and_then(|i| self.chunk_at[i]);
        let after = self.chunk_at.get(v + 1).copied().flatten();
        [before, after].into_iter().flatten().find(|&ci| self.names_person(ci)).and_then(|ci| self.participant(ci))
    }

    /// Whether chunk `ci` names a person: a known one, or an unknown name
    /// in an argument position.
    fn names_person(&self, ci: usize) -> bool {
        match self.input.chunks[ci].tag {
            Tag::Person(_) => true,
            Tag::Unknown(_) => self.arg(ci),
            _ => false,
        }
    }

    fn person_before(&self, k: usize) -> Option<Participant> {
        self.input
            .chunks
            .iter()
            .take_while(|c| c.end <= k)
            .enumerate()
            .filter(|&(ci, _)| self.names_person(ci))
            .find_map(|(ci, _)| self.participant(ci))
    }

    /// Whether the word after a verb trigger starts an object that is a
    /// thing, not an actor: a lowercase noun ("demand", "expectations",
    /// "loans"), possibly after a determiner, with no actor right after.
    fn thing_object(&self, k: usize) -> bool {
        let Some(w) = self.words.get(k) else { return false };
        if self.chunk_at[k].is_some() || self.input.tokens[k].kind != TokenKind::Word || self.is_break(k) {
            return false;
        }
        let free = PREPOSITIONS.contains(&w.as_str())
            || in_verb_group(w)
            || matches!(
                w.as_str(),
                "again"
                    | "twice"
                    | "together"
                    | "separately"
                    | "privately"
                    | "here"
                    | "there"
                    | "this"
                    | "last"
                    | "next"
                    | "on"
                    | "for"
                    | "and"
                    | "or"
                    | "but"
                    | "over"
                    | "earlier"
                    | "later"
                    | "today"
                    | "yesterday"
                    | "tomorrow"
                    | "tonight"
                    | "face-to-face"
                    | "one-on-one"
                    | "by"
                    | "via"
                    | "virtually"
                    | "online"
            );
        if free {
            return false;
        }
        let capitalized = {
            let t = &self.input.tokens[k];
            self.input.text[t.span.start..t.span.end].starts_with(char::is_uppercase)
        };
        // a determiner or lowercase word: a thing unless an actor follows closely ("met the Indian leader")
        !capitalized && !(k + 1..(k + 4).min(self.words.len())).any(|j| self.chunk_at[j].is_some_and(|ci| self.arg(ci)))
    }

    /// Whether two or more different persons are named before token `k`:
    /// then "he" or "his" could be either, and is left unresolved.
    fn ambiguous_before(&self, k: usize) -> bool {
        let mut names: Vec<&str> = self
            .input
            .chunks
            .iter()
            .take_while(|c| c.end <= k)
            .filter_map(|c| match &c.tag {
                Tag::Person(p) => Some(p.name.as_str()),
                _ => None,
            })
            .collect();
        names.sort();
        names.dedup();
        names.len() >= 2
    }

    /// Whether a group member starts at token `k`: an argument chunk,
    /// possibly after modifier chunks, not in a place phrase.
    fn member_at(&self, k: usize, limit: usize) -> bool {
        self.member(k, limit).is_some()
    }

    /// The member chunk starting a group item at `k`, past modifiers
    /// ("South Korea's Deputy Foreign Minister"), a title's "for Foreign
    /// Affairs" and up to two lowercase words ("parliament chairman").
    fn member(&self, k: usize, limit: usize) -> Option<usize> {
        let capitalized = |m: usize| {
            let t = &self.input.tokens[m];
            self.input.text[t.span.start..t.span.end].starts_with(char::is_uppercase)
        };
        let mut m = k;
        let mut loose = 0;
        while m < limit {
            match self.chunk_at[m] {
                Some(ci) if self.arg(ci) && !self.is_modifier(ci) => {
                    return (!self.place_context(m)).then_some(ci);
                }
                Some(ci) => {
                    m = self.input.chunks[ci].end;
                    if matches!(self.input.chunks[ci].tag, Tag::Title(_)) {
                        while m + 1 < limit && matches!(self.words[m].as_str(), "for" | "of") && capitalized(m + 1) {
                            m += 1;
                            while m < limit && capitalized(m) && self.chunk_at[m].is_none_or(|c| !self.arg(c)) {
                                m += 1;
                            }
                        }
                    }
                }
                None if loose < 2
                    && self.input.tokens[m].kind == TokenKind::Word
                    && !capitalized(m)
                    && !self.is_break(m)
                    && !PREPOSITIONS.contains(&self.words[m].as_str())
                    && !matches!(self.words[m].as_str(), "and" | "or") =>
                {
                    loose += 1;
                    m += 1;
                }
                None => return None,
            }
        }
        None
    }

    /// "in Seoul", "at the Kremlin": a place, not an actor.
    fn place_context(&self, tok: usize) -> bool {
        let prev = |k: usize| tok.checked_sub(k).map(|p| self.words[p].as_str());
        let is_place_tag = self.chunk_at[tok].is_some_and(|ci| {
            let c = &self.input.chunks[ci];
            matches!(c.tag, Tag::Country(_) | Tag::Capital(_) | Tag::City(_) | Tag::Metonym(_) | Tag::Unknown(_))
                || self.demonym_capital(c).is_some()
        });
        // "at Korea's Ministry of Foreign Affairs" is whose ministry, not where
        let possessive = self.chunk_at[tok]
            .and_then(|ci| self.words.get(self.input.chunks[ci].end))
            .is_some_and(|w| matches!(w.as_str(), "'s" | "\u{2019}s"));
        // "in Jongno District, central Seoul", "in Gyeongju, South Korea": a place
        // in apposition to a place
        let apposed = || {
            // a known place only: "in Moscow, Xi said" is not a place after a place
            let known = self.chunk_at[tok].is_some_and(|ci| {
                matches!(self.input.chunks[ci].tag, Tag::Country(_) | Tag::Capital(_) | Tag::City(_))
            });
            if !known {
                return false;
            }
            let comma = match (prev(1), prev(2)) {
                (Some(","), _) => tok.checked_sub(1),
                (Some("central" | "downtown" | "northern" | "southern" | "eastern" | "western"), Some(",")) => {
                    tok.checked_sub(2)
                }
                _ => None,
            };
            comma.filter(|&q| q > 0).is_some_and(|q| {
                let mut end = q;
                if matches!(
                    self.words[q - 1].as_str(),
                    "district" | "province" | "county" | "region" | "prefecture" | "state"
                ) {
                    end -= 1;
                }
                end > 0
                    && self.chunk_at[end - 1].is_some_and(|ci| {
                        let c = &self.input.chunks[ci];
                        c.end == end && c.start < tok && self.place_context(c.start)
                    })
            })
        };
        is_place_tag
            && !possessive
            && (apposed()
                || matches!(
                    prev(1),
                    Some("in" | "at" | "to" | "from" | "near" | "into" | "across" | "outside" | "inside")
                )
                || matches!(prev(2), Some("in" | "at" | "to" | "from"))
                    && matches!(
                        prev(1),
                        Some(
                            "the"
                                | "central"
                                | "downtown"
                                | "northern"
                                | "southern"
                                | "eastern"
                                | "western"
                                | "capital"
                                | "nearby"
                        )
                    ))
    }

    /// The subject group: the first participant chunk of the clause before
    /// the trigger that is not inside a prepositional phrase.
    fn subject(&self, clause_start: usize, trigger: usize) -> Vec<usize> {
        // the verb group right before the trigger: "X will also meet", "X, 70, met"
        let mut k = trigger;
        // past the verb group, and for a noun its article and light verb:
        // "X will have a private meeting", "X held a summit"
        while k > clause_start
            && (in_verb_group(&self.words[k - 1])
                || matches!(self.words[k - 1].as_str(), "a" | "an" | "the")
                || LEXICON.light_verbs.has_word(self.words[k - 1].as_str()))
        {
            k -= 1;
        }
        // "..., Satya Nadella, met": a comma right after a person's name
        let person_at =
            |t: usize| self.chunk_at[t].is_some_and(|ci| matches!(self.input.chunks[ci].tag, Tag::Person(_)));
        if k > clause_start + 1 && self.words[k - 1] == "," && person_at(k - 2) {
            k -= 1;
        }
        // "..., he is scheduled to visit": the subject is the pronoun
        if k > clause_start && matches!(self.words[k - 1].as_str(), "he" | "she" | "they" | "i" | "we") {
            return Vec::new();
        }
        if k > clause_start {
            if let Some(ci) = self.chunk_at[k - 1] {
                let c = &self.input.chunks[ci];
                let after_prep = c.start > 0 && PREPOSITIONS.contains(&self.words[c.start - 1].as_str());
                if self.arg(ci) && !after_prep && !self.is_modifier(ci) {
                    // the whole coordination ending here: walk back over "X, Y and"
                    let mut members = vec![ci];
                    let mut first = ci;
                    loop {
                        // the modifiers glued to this member ("Brazilian Foreign Minister")
                        let mut lead = first;
                        while lead > 0 && {
                            let p = &self.input.chunks[lead - 1];
                            p.end == self.input.chunks[lead].start
                                && (matches!(p.tag, Tag::Title(_) | Tag::Demonym(_) | Tag::Honorific)
                                    || self.is_modifier(lead - 1))
                        } {
                            lead -= 1;
                        }
                        // "North Korea's leader Kim Jong-il", "China's then-premier Li Peng":
                        // a possessive descriptor is a modifier of the member too
                        while lead > 0 && {
                            let p = &self.input.chunks[lead - 1];
                            let between: Vec<&str> =
                                (p.end..self.input.chunks[lead].start).map(|t| self.words[t].as_str()).collect();
                            matches!(p.tag, Tag::Country(_) | Tag::Capital(_) | Tag::Org(_))
                                && matches!(between.first(), Some(&"'s" | &"\u{2019}s"))
                                && between.len() <= 4
                                && between[1..].iter().all(|w| descriptor_word(w) || *w == ",")
                        } {
                            lead -= 1;
                        }
                        if lead == 0 {
                            break;
                        }
                        // past "his Vietnamese counterpart" between "and" and the member
                        let glue = |w: &str| matches!(w, "his" | "her" | "their") || lexicon().role_nouns.contains(w);
                        let mut pi = lead - 1;
                        // "Trump (R) and Putin": a bracketed aside is no member
                        let bracketed = |c: &Chunk| {
                            c.start > 0
                                && self.words[c.start - 1] == "("
                                && self.words.get(c.end).is_some_and(|w| w == ")")
                        };
                        if pi > 0 && bracketed(&self.input.chunks[pi]) {
                            pi -= 1;
                        }
                        while pi > 0
                            && matches!(self.input.chunks[pi].tag, Tag::Demonym(_) | Tag::Title(_))
                            && (self.input.chunks[pi].end..self.input.chunks[pi + 1].start)
                                .all(|t| glue(&self.words[t]))
                        {
                            pi -= 1;
                        }
                        let p = &self.input.chunks[pi];
                        // (a parenthesis is skipped: "Kim Dae-jung (right) and ...")
                        let mut depth = 0usize;
                        let gap: Vec<&str> = (p.end..self.input.chunks[lead].start)
                            .filter(|&t| {
                                let w = self.words[t].as_str();
                                let inside = depth > 0 || w == "(";
                                if w == "(" {
                                    depth += 1;
                                } else if w == ")" {
                                    depth = depth.saturating_sub(1);
                                    return false;
                                }
                                !inside
                            })
                            .filter(|&t| self.chunk_at[t].is_none())
                            .map(|t| self.words[t].as_str())
                            .collect();
                        let joins = gap.first().is_some_and(|w| matches!(*w, "and" | "," | "&"))
                            && gap.len() <= 4
                            && gap.iter().skip(1).all(|w| matches!(*w, "and" | ",") || glue(w));
                        let after_prep = p.start > 0 && PREPOSITIONS.contains(&self.words[p.start - 1].as_str());
                        // "Accompanied by his wife, Peng Liyuan, Xi was welcomed": the
                        // companion of a fronted participle is not in the subject
                        let companion = (p.start.saturating_sub(5)..p.start).any(|t| {
                            self.words[t] == "by"
                                && t > 0
                                && matches!(self.words[t - 1].as_str(), "accompanied" | "flanked" | "joined")
                        });
                        if joins
                            && self.arg(pi)
                            && !self.is_modifier(pi)
                            && p.start >= clause_start
                            && !after_prep
                            && !companion
                        {
                            first = pi;
                            members.push(first);
                        } else {
                            break;
                        }
                    }
                    members.reverse();
                    return members;
                }
            }
        }
        let mut i = clause_start;
        while i < trigger {
            if let Some(ci) = self.chunk_at[i] {
                let c = &self.input.chunks[ci];
                let prev = c.start.checked_sub(1).map_or("", |p| self.words[p].as_str());
                let in_pp = PREPOSITIONS.contains(&prev);
                let after_prep = in_pp || matches!(prev, "a" | "an" | "the" | "his" | "her" | "their" | "its" | "our");
                if self.arg(ci) && !after_prep && !self.is_modifier(ci) {
                    return self.group_right(c.start, trigger, 0).0;
                }
                if in_pp && self.arg(ci) {
                    // "the ministers of Indonesia, Malaysia and Thailand": skip the whole list
                    let (_, end) = self.group_right(c.start, trigger, 0);
                    i = end.max(c.end);
                    continue;
                }
                if let Tag::Demonym(_) = c.tag {
                    if self.words.get(c.end).is_some_and(|w| COUNTRY_BODIES.contains(&w.as_str())) && !after_prep {
                        return vec![ci];
                    }
                }
                i = c.end;
                continue;
            }
            i += 1;
        }
        Vec::new()
    }

    fn participants_of(&self, chunks: &[usize]) -> Vec<Participant> {
        let lex = lexicon();
        // "Microsoft, Cognizant and Intel": an unknown word listed with companies is one
        let companies = chunks.iter().any(|&ci| match self.input.chunks[ci].tag {
            Tag::OrgName(_) => true,
            Tag::Org(i) => !PUBLIC_BODIES.contains(&lex.gazetteer.organizations[i].kind.as_str()),
            _ => false,
        });
        chunks
            .iter()
            .filter(|&&ci| !(companies && matches!(&self.input.chunks[ci].tag, Tag::Unknown(n) if !n.contains(' '))))
            .filter_map(|&ci| {
                let c = &self.input.chunks[ci];
                if let Tag::Demonym(i) = c.tag {
                    return Some(Participant {
                        name: lex.country_name(i).to_string(),
                        kind: crate::model::ActorKind::Country,
                        title: None,
                        country: Some(lex.country_iso3(i).to_string()),
                        surface: self.surface(c).to_string(),
                    });
                }
                self.participant(ci)
            })
            .collect()
    }

    /// A cue starts somewhere in tokens [from, to), outside the sentence's
    /// time expressions ("On May 15" holds no "may").
    fn has_phrase(&self, from: usize, to: usize, phrases: &Phrases) -> bool {
        (from..to).any(|i| phrases.at(&self.words, i).next().is_some() && !self.in_timex(i) && !self.by_invitation(i))
    }

    /// "At the invitation of King Charles, Macron will visit ...": the word
    /// `invitation` (at token `i`) of a visit made by invitation, no proposal.
    fn by_invitation(&self, i: usize) -> bool {
        let w = |k: usize| self.words.get(k).map_or("", |w| w.as_str());
        matches!(w(i), "invitation" | "behest" | "request")
            && w(i + 1) == "of"
            && i >= 2
            && w(i - 1) == "the"
            && matches!(w(i - 2), "at" | "upon" | "on")
    }

    /// "the Indian capital": the capital of the country of demonym chunk `c`.
    fn demonym_capital(&self, c: &Chunk) -> Option<&'static str> {
        let Tag::Demonym(k) = c.tag else { return None };
        let capital = lexicon().gazetteer.countries[k].capital.as_str();
        (self.words.get(c.end).is_some_and(|w| w == "capital") && !capital.is_empty()).then_some(capital)
    }

    /// Token `i` lies inside one of the sentence's time expressions.
    fn in_timex(&self, i: usize) -> bool {
        let t = self.input.tokens[i].span;
        self.input.timexes.iter().any(|x| x.span.start <= t.start && t.end <= x.span.end)
    }

    /// A place in the clause: "in Hangzhou", "at the Kremlin", "in Seoul".
    fn place(&self, start: usize, end: usize) -> Option<String> {
        let lex = lexicon();
        let mut best: Option<(u8, String)> = None;
        for ci in 0..self.input.chunks.len() {
            let c = &self.input.chunks[ci];
            if c.start < start || c.start >= end || !self.place_context(c.start) {
                continue;
            }
            let demonym_capital = self.demonym_capital(c);
            let (rank, name) = match &c.tag {
                Tag::City(_) | Tag::Capital(_) => (3, self.surface(c).to_string()),
                // "in the Indian capital"
                Tag::Demonym(_) if demonym_capital.is_some() => (3, demonym_capital.unwrap_or_default().to_string()),
                Tag::Unknown(n) => (2, n.clone()),
                Tag::Metonym(_) => (1, self.surface(c).trim_start_matches("the ").to_string()),
                Tag::Country(i) if self.surface(c) == lex.gazetteer.countries[*i].capital => {
                    (3, self.surface(c).to_string())
                }
                Tag::Country(i) => (1, lex.country_name(*i).to_string()),
                _ => continue,
            };
            if best.as_ref().is_none_or(|(r, _)| rank > *r) {
                best = Some((rank, name));
            }
        }
        best.map(|(_, n)| n)
    }

    /// A country named as a place; its capital's name when that is the word used.
    fn country_place(&self, k: usize, c: &Chunk) -> String {
        let lex = lexicon();
        let country = &lex.gazetteer.countries[k];
        if self.surface(c) == country.capital {
            country.capital.clone()
        } else {
            country.name.clone()
        }
    }

    /// The destination of a visit: the first place after the trigger.
    fn destination(&self, from: usize, end: usize) -> Option<String> {
        self.destinations(from, end, false).into_iter().next()
    }

    /// The places a visit goes to: "visit Serbia and Hungary" gives both; a
    /// venue ("the Admiralty House in Sydney") gives its city. With
    /// `needs_prep`, only a place after "to"/"in"/"into" counts ("travel
    /// across the country to Anchorage").
    fn destinations(&self, from: usize, end: usize, needs_prep: bool) -> Vec<String> {
        let mut out = Vec::new();
        let mut i = from;
        let mut words = 0;
        // "travel across the country to Anchorage": motion verbs look a little further
        let reach = if needs_prep { 6 } else { 4 };
        while i < end && words < reach {
            if let Some(ci) = self.chunk_at[i] {
                let c = &self.input.chunks[ci];
                let prep_ok = !needs_prep
                    || c.start > 0 && matches!(self.words[c.start - 1].as_str(), "to" | "in" | "into" | "the");
                // "arrived in the Indian capital": that country's capital
                if let Some(capital) = self.demonym_capital(c) {
                    if prep_ok {
                        out.push(capital.to_string());
                    }
                    break;
                }
                let place = match &c.tag {
                    Tag::Country(k) => Some(self.country_place(*k, c)),
                    Tag::Capital(_) | Tag::City(_) | Tag::Metonym(_) => Some(self.surface(c).to_string()),
                    Tag::Unknown(n) => Some(n.clone()),
                    Tag::OrgName(n) => {
                        // a venue: its city when one follows ("... in Sydney")
                        let city = (c.end..(c.end + 3).min(end))
                            .find(|&k| self.words[k] == "in")
                            .and_then(|k| self.destination(k + 1, end));
                        Some(city.unwrap_or_else(|| n.clone()))
                    }
                    Tag::Demonym(_) | Tag::Title(_) => {
                        i = c.end;
                        continue;
                    }
                    _ => None,
                };
                match place {
                    Some(p) if prep_ok => out.push(p),
                    Some(_) => {}
                    None => break,
                }
                // "Serbia and Hungary", "Japan, South Korea and China"
                let mut k = c.end;
                while k < end && matches!(self.words[k].as_str(), "," | "and") {
                    k += 1;
                }
                if k > c.end && k < end && self.chunk_at[k].is_some() && !out.is_empty() {
                    i = k;
                    words = 0;
                    continue;
                }
                if !out.is_empty() {
                    break;
                }
                i = c.end;
                continue;
            }
            if self.is_break(i) || matches!(self.words[i].as_str(), "from" | "," | "or") {
                break;
            }
            words += 1;
            i += 1;
        }
        out
    }
}

/// The date a timex gives an event: its calendar date, or for a week
/// ("this weekend", "next week") the month of that week's Thursday.
pub fn event_date(t: &Timex) -> Option<PartialDate> {
    if t.kind != crate::time::TimexType::Date && t.kind != crate::time::TimexType::Time {
        return None;
    }
    t.date().or_else(|| {
        let v = t.value.as_str();
        let year: i32 = v.get(..4)?.parse().ok()?;
        let week: u32 = v.get(6..8)?.parse().ok()?;
        if v.get(4..6)? != "-W" {
            return None;
        }
        let thursday = chrono::NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Thu)?;
        let d = PartialDate::from_naive(thursday);
        Some(PartialDate::ym(d.year, d.month?))
    })
}

/// Find the events of one sentence.
pub fn sentence_events(input: &SentenceInput<'_>, ctx: &mut DocContext) -> Vec<RawEvent> {
    let lex = &*LEXICON;
    let s = Sent::new(input);
    let n = s.words.len();
    let mut out = Vec::new();
    let mut i = 0;
    let mut triggers: Vec<(usize, usize, usize)> = Vec::new(); // (start, end, trigger idx)
    while i < n {
        let Some(cands) = lex.forms.get(s.words[i].as_str()) else {
            i += 1;
            continue;
        };
        // a word inside a name ("Summit" in "G20 Summit") is not a trigger
        if s.chunk_at[i].is_some() {
            i += 1;
            continue;
        }
        let prev = i.checked_sub(1).map(|p| s.words[p].as_str()).unwrap_or("");
        let prev2 = i.checked_sub(2).map(|p| s.words[p].as_str()).unwrap_or("");
        let noun_context = DETERMINERS.contains(&prev)
            || prev.ends_with("-day")
            || prev.ends_with("-minute")
            // "an individual meeting", "a brief meeting"
            || matches!(prev2, "a" | "an" | "the" | "their" | "his" | "her") && s.chunk_at[i - 1].is_none()
            // "the Meloni-Trump meeting"
            || matches!(prev2, "a" | "an" | "the") && s.words[i - 1].contains('-')
            // "his Saudi Arabia stop", "Ramaphosa's Washington visit"
            || i > 0 && s.chunk_at[i - 1].is_some_and(|ci| {
                let c = &s.input.chunks[ci];
                matches!(c.tag, Tag::Country(_) | Tag::Capital(_) | Tag::City(_) | Tag::Metonym(_))
                    && c.start > 0
                    && matches!(s.words[c.start - 1].as_str(), "a" | "an" | "the" | "his" | "her" | "their" | "'s" | "\u{2019}s")
            });
        let mut found = None;
        for (words, ti) in cands {
            if !s.phrase_at(i, words) {
                continue;
            }
            let frame = lex.triggers[*ti].frame;
            // a form that is both verb and noun ("visit"): the determiner decides
            let both = cands.iter().any(|(w2, t2)| w2 == words && lex.triggers[*t2].frame != frame);
            if both && (frame == Frame::Noun) != noun_context {
                continue;
            }
            found = Some((i, i + words.len(), *ti));
            break;
        }
        match found {
            Some(t) => {
                triggers.push(t);
                i = t.1;
            }
            None => i += 1,
        }
    }
    let first_person = input.chunks.iter().position(|c| matches!(c.tag, Tag::Person(_)));
    // sentence-wide cues, looked for once
    let (denial, sports) = if triggers.is_empty() {
        (false, false)
    } else {
        (s.has_phrase(0, n, &lex.denial), s.has_phrase(0, n, &lex.sports))
    };
    let question = !triggers.is_empty() && input.text[input.span.start..input.span.end].trim_end().ends_with('?');
    for (idx, &(ts, te, ti)) in triggers.iter().enumerate() {
        let def = &lex.triggers[ti];
        let (cs, ce) = s.clause(ts);
        // segment of this trigger: not past the neighbouring triggers
        let next_trigger = triggers.get(idx + 1).map_or(ce, |t| t.0.min(ce));
        let prev_trigger_end = idx.checked_sub(1).map_or(cs, |p| triggers[p].1.max(cs));
        let window_start = ts.saturating_sub(6).max(cs);
        // hypotheticals, generic statements, questions and denials state no event
        let opens_conditional = cs > 0 && matches!(s.words[cs - 1].as_str(), "if" | "unless" | "whether");
        if denial || question || opens_conditional || s.has_phrase(cs, ts, &lex.irrealis) {
            continue;
        }
        // "a visiting professor", "the visiting team": an adjective, not a verb
        if def.frame != Frame::Noun && ts > 0 && matches!(s.words[ts - 1].as_str(), "a" | "an" | "the") {
            continue;
        }
        let mut parts: Vec<Participant> = Vec::new();
        let mut splits: Vec<Vec<Participant>> = Vec::new();
        // the people a host receives, when the frame names them after the verb
        let mut guests: Vec<Participant> = Vec::new();
        let mut conf: f32 = 0.9;
        let subject_chunks = {
            // "Han, who met Xi": the relative pronoun's antecedent
            if cs > 1 && s.words[cs - 1] == "who" && s.words[cs - 2] == "," {
                s.chunk_at[cs - 3.min(cs)].map(|ci| vec![ci]).unwrap_or_default()
            } else {
                s.subject(cs, ts)
            }
        };
        let mut subject = s.participants_of(&subject_chunks);
        let subject_names: Vec<String> = subject.iter().map(|p| coref::fold(&p.name)).collect();
        // a participle clause shares the main subject: "X left after holding talks with Y"
        let participle = cs > 0
            && matches!(s.words[cs - 1].as_str(), "after" | "before" | "while" | "when" | "since")
            && s.words[cs].ends_with("ing");
        if subject.is_empty() && participle {
            subject.extend(s.person_before(cs - 1));
        }
        // "Upon receiving Lula in the Oval Office, Biden said ...": a fronted
        // participle clause takes the subject of the main clause after its comma
        let fronted = s.words[ts].ends_with("ing")
            && (ts == 0
                || ts == 1 && matches!(s.words[0].as_str(), "upon" | "after" | "on" | "while" | "before" | "when"));
        if subject.is_empty() && fronted {
            // the main subject after the comma, past its modifiers ("US President Joe Biden")
            let comma = (te..n).find(|&k| s.words[k] == ",");
            let mut k = comma.map_or(n, |c| c + 1);
            while let Some(ci) = s.chunk_at.get(k).copied().flatten() {
                let c = &s.input.chunks[ci];
                match c.tag {
                    Tag::Person(_) => {
                        subject = s.participants_of(&[ci]);
                        break;
                    }
                    Tag::Country(_) | Tag::Demonym(_) | Tag::Title(_) | Tag::Honorific => k = c.end,
                    _ => break,
                }
            }
        }
        if subject.is_empty() {
            subject = pronoun_or_pair(&s, cs, ts, ctx);
            if !subject.is_empty() {
                conf -= 0.15;
            }
        }
        let obj_from = (te..(te + 7).min(next_trigger))
            .take_while(|&k| !s.is_break(k) || s.words[k] == "(" || s.words[k] == ")")
            .find(|&k| def.preps.iter().any(|p| p == &s.words[k]))
            .filter(|&k| s.chunk_at[te..k].iter().all(Option::is_none))
            .map_or(te, |k| k + 1);
        match (def.kind, def.frame) {
            (EventType::Visit, Frame::Verb) | (EventType::Visit, Frame::Noun) => {
                let mut visitor = subject.clone();
                // "his Saudi Arabia stop", "Ramaphosa's White House visit", "the Israel leg
                // of the tour": a place right before the noun is where the visit goes
                let place_mod = (def.frame == Frame::Noun)
                    .then(|| ts.checked_sub(1).and_then(|k| s.chunk_at[k]))
                    .flatten()
                    .filter(|&ci| {
                        matches!(
                            s.input.chunks[ci].tag,
                            Tag::Country(_) | Tag::Capital(_) | Tag::City(_) | Tag::Metonym(_)
                        )
                    });
                if s.words[ts] == "leg" && place_mod.is_none() {
                    continue;
                }
                // the noun phrase starts before its place modifier
                let head = place_mod.map_or(ts, |ci| s.input.chunks[ci].start);
                // "X's visit to P", "visit by X"
                if def.frame == Frame::Noun {
                    let during =
                        (head.saturating_sub(3)..head).any(|k| matches!(s.words[k].as_str(), "during" | "on" | "upon"));
                    if let Some(ci) = s.possessor(head) {
                        visitor = s.participants_of(&[ci]);
                    } else if s.words.get(head.wrapping_sub(1)).is_some_and(|w| matches!(w.as_str(), "my" | "our")) {
                        // "... the start of my state visit to France," Tinubu wrote: the
                        // speaker of the quote travels, never a person the quote names
                        visitor = s.speaker_after(head).into_iter().collect();
                        conf -= 0.15;
                    } else if s.words.get(head.wrapping_sub(1)).is_some_and(|w| matches!(w.as_str(), "his" | "her")) {
                        visitor = if s.ambiguous_before(head - 1) {
                            Vec::new()
                        } else {
                            s.person_before(head - 1).or_else(|| ctx.last_subject.clone()).into_iter().collect()
                        };
                        conf -= 0.15;
                    } else if let Some(p) = (te..next_trigger).find(|&k| s.words[k] == "by") {
                        visitor = s.participants_of(&s.group_right(p + 1, next_trigger, 2).0);
                    } else if s.words.get(te).is_some_and(|w| w == "of") && s.words[ts] != "leg" {
                        // "the visit of Polish Deputy Foreign Minister X to Bucharest"
                        visitor = s.participants_of(&s.group_right(te + 1, next_trigger, 1).0);
                    } else if during {
                        // "X gave ... during a trip to Saudi Arabia": the clause subject travels
                        conf -= 0.1;
                    } else if !s.has_phrase(prev_trigger_end, ts, &lex.light_verbs) {
                        visitor.clear();
                    }
                }
                let route = (def.frame == Frame::Noun).then(|| itinerary(&s, te)).flatten();
                let dest_from = if def.frame == Frame::Noun {
                    // "visit to X", "trip to X", "stop this week in X"
                    (te..next_trigger.min(te + 4))
                        .find(|&k| matches!(s.words[k].as_str(), "to" | "in"))
                        .map(|k| k + 1)
                        .or(route.map(|(from, _, _)| from))
                } else {
                    Some(te)
                };
                // the itinerary's own clause bounds its places
                let dest_end = match route {
                    Some((from, end, _)) if dest_from == Some(from) => end,
                    _ => next_trigger,
                };
                let needs_prep =
                    def.frame == Frame::Verb && MOTION_VERBS.contains(&s.words[ts].as_str()) && te == ts + 1;
                let mut dests =
                    dest_from.map(|f| s.destinations(f, dest_end.max(f + 1).min(n), needs_prep)).unwrap_or_default();
                if dests.is_empty() {
                    if let Some(ci) = place_mod {
                        let c = &s.input.chunks[ci];
                        dests.push(match c.tag {
                            Tag::Country(k) | Tag::Capital(k) => s.country_place(k, c),
                            _ => s.surface(c).to_string(),
                        });
                    }
                }
                // "came to a standstill", "was in talks": weak verbs need a known place right after
                let weak = matches!(s.words[ts].as_str(), "came" | "come" | "went" | "was" | "is");
                if weak
                    && !s.chunk_at.get(te).copied().flatten().is_some_and(|ci| {
                        matches!(s.input.chunks[ci].tag, Tag::Country(_) | Tag::Capital(_) | Tag::City(_))
                    })
                {
                    dests.clear();
                }
                // "was in Kuala Lumpur throughout the period" is where someone was, not a
                // trip: "was in" is a visit only with a time of its own ("was in Paris on Monday")
                if matches!(s.words[ts].as_str(), "was" | "is") {
                    let (a, b) = (input.tokens[cs].span.start, input.tokens[ce - 1].span.end);
                    if !input.timexes.iter().any(|t| t.span.start >= a && t.span.end <= b && event_date(t).is_some()) {
                        dests.clear();
                    }
                }
                // a person travels; "Seoul ... plans to visit Tokyo" names no traveller
                // a government travels as its leader: "Seoul ... plans to visit Tokyo"
                // is the visit of the South Korean head of state or government
                // this article names, if it names exactly one
                for v in visitor.iter_mut().filter(|p| p.kind == crate::model::ActorKind::Country) {
                    let leaders: Vec<&Participant> = ctx
                        .recent_persons
                        .iter()
                        .filter(|p| {
                            p.country == v.country && p.title.as_deref().is_some_and(|t| lexicon().is_head_title(t))
                        })
                        .collect();
                    // else the one traveller of that country this article already reported
                    let travellers: Vec<&Participant> = if ctx.travellers.len() == 1 {
                        // the article's only traveller, unless known to be of another country
                        ctx.travellers.iter().filter(|p| p.country.is_none() || p.country == v.country).collect()
                    } else {
                        ctx.travellers.iter().filter(|p| p.country.is_some() && p.country == v.country).collect()
                    };
                    // several leaders (a former one named too): the one already travelling
                    let travelling_leaders: Vec<&&Participant> =
                        leaders.iter().filter(|l| travellers.iter().any(|t| t.name == l.name)).collect();
                    let pick = match (leaders.as_slice(), travellers.as_slice(), travelling_leaders.as_slice()) {
                        ([leader], _, _) => Some(*leader),
                        ([], [traveller], _) => Some(*traveller),
                        (_, _, [leader]) => Some(**leader),
                        _ => None,
                    };
                    if let Some(person) = pick {
                        *v = person.clone();
                        conf -= 0.2;
                    }
                }
                // a person travels; a country with no named leader gives no visit
                visitor.retain(|p| p.kind == crate::model::ActorKind::Person);
                if visitor.is_empty() {
                    continue;
                }
                // a traveller is someone the article sends somewhere
                if !dests.is_empty() {
                    for v in &visitor {
                        if !ctx.travellers.iter().any(|t| t.name == v.name) {
                            ctx.travellers.push(v.clone());
                        }
                    }
                }
                let found: Vec<(Vec<Participant>, Option<String>)> =
                    dests.into_iter().map(|d| (visitor.clone(), Some(d))).collect();
                let clause = (cs, ce, prev_trigger_end, next_trigger, window_start);
                let before = out.len();
                emit(&mut out, &s, input, ctx, (def.kind, def.frame), found, (ts, te), clause, conf);
                // "a trip which includes two days in Shanghai": the stops ahead are planned
                if let Some((_, _, true)) = route.filter(|r| dest_from == Some(r.0)) {
                    for e in out[before..].iter_mut().filter(|e| e.status == Status::Occurred) {
                        if e.date.is_none_or(|d| d.day.is_none()) {
                            e.status = Status::Planned;
                        }
                    }
                }
                continue;
            }
            (_, Frame::Verb) if passive_by(&s, ts, te, next_trigger).is_some() => {
                let by = passive_by(&s, ts, te, next_trigger).unwrap_or(te);
                let agent = s.participants_of(&s.group_right(by + 1, next_trigger, 1).0);
                if agent.is_empty() || subject.is_empty() {
                    continue;
                }
                parts.extend(agent);
                parts.extend(subject);
            }
            (_, Frame::Passive) => {
                let agent = s.participants_of(&s.group_right(te, next_trigger, 1).0);
                // the clause subject is the other party: "Lee will attend a banquet hosted by Xi"
                if agent.is_empty() || subject.is_empty() {
                    continue;
                }
                parts.extend(agent);
                parts.extend(subject);
            }
            (EventType::Sign, Frame::Verb) => {
                let has_object = (te..next_trigger.min(te + 8)).any(|k| lex.sign_objects.contains(s.words[k].as_str()));
                if !has_object {
                    continue;
                }
                parts.extend(subject);
                if let Some(w) = (te..next_trigger).find(|&k| s.words[k] == "with") {
                    parts.extend(s.participants_of(&s.group_right(w + 1, next_trigger, 1).0));
                }
                if parts.len() < 2 {
                    parts.extend(ctx.last_pair.iter().cloned());
                    conf -= 0.2;
                }
            }
            (_, Frame::Verb)
                if obj_from == te
                    && s.thing_object(te)
                    && !(def.kind == EventType::Host
                        && (te..(te + 5).min(n)).any(|k| MEALS.contains(&s.words[k].as_str()))) =>
            {
                // "meet customer demand", "received loans": the object is a thing
                continue;
            }
            (_, Frame::Verb) => {
                let (obj, _) = s.group_right(obj_from, next_trigger, 4);
                let object = s.participants_of(&obj);
                if object.is_empty() && def.kind == EventType::Host {
                    // "host a state banquet in Lee's honour", "a dinner for Lee"
                    let meal = (te..next_trigger.min(te + 5)).any(|k| MEALS.contains(&s.words[k].as_str()));
                    let honour = (te..next_trigger)
                        .find(|&k| matches!(s.words[k].as_str(), "honour" | "honor" | "for"))
                        .filter(|_| meal);
                    if let Some(h) = honour {
                        let back = (te..h).rev().find_map(|k| s.chunk_at[k]);
                        // "in honour of X": the guest comes after "of"
                        let after = if s.words.get(h + 1).is_some_and(|w| w == "of") { h + 2 } else { h + 1 };
                        let fwd = s.group_right(after, next_trigger, 1).0;
                        parts.extend(subject.clone());
                        match (back, fwd.is_empty()) {
                            (_, false) => parts.extend(s.participants_of(&fwd)),
                            (Some(ci), true) => parts.extend(s.participants_of(&[ci])),
                            _ => {}
                        }
                    }
                } else {
                    // "X met Y and Z": one meeting per pair, unless the
                    // subject itself is a group ("X and Y met Z")
                    if subject.len() == 1 && object.len() >= 2 && matches!(def.kind, EventType::Meet | EventType::Call)
                    {
                        splits = object.iter().map(|o| vec![subject[0].clone(), o.clone()]).collect();
                    }
                    if def.kind == EventType::Host {
                        guests = object.clone();
                    }
                    parts.extend(subject);
                    parts.extend(object);
                }
            }
            (_, Frame::Noun) => {
                // "talks between X and Y"
                let between = (te..next_trigger).find(|&k| s.words[k] == "between").or_else(|| {
                    // "the meeting of X and Y"
                    let the = (ts.saturating_sub(2)..ts).any(|k| s.words[k] == "the");
                    (the && s.words.get(te).is_some_and(|w| w == "of")).then_some(te)
                });
                if let Some(b) = between {
                    parts.extend(s.participants_of(&s.group_right(b + 1, next_trigger.max(b + 2).min(n), 2).0));
                    // "a phone call between the two leaders": the pair the text is about
                    let pair_words = s.words.get(b + 1..(b + 4).min(n)).unwrap_or_default();
                    let two_people = pair_words.len() == 3
                        && pair_words[0] == "the"
                        && pair_words[1] == "two"
                        && PAIR_NOUNS.contains(&pair_words[2].as_str());
                    if parts.is_empty() && two_people {
                        let named = s.people_before(ts, def.kind);
                        if named.len() == 2 {
                            parts.extend(named);
                        } else if named.is_empty() && ctx.last_pair.len() == 2 {
                            parts.extend(ctx.last_pair.iter().cloned());
                        }
                        conf -= 0.15;
                    }
                }
                // "X invited Y ... during a phone call": the clause's two parties
                // the words before the noun, past a name and its parenthesis:
                // "during the Asia-Pacific Economic Cooperation (APEC) meeting"
                let lead = s.noun_lead(ts, prev_trigger_end.max(cs));
                let during = lead.iter().any(|w| matches!(w.as_str(), "during" | "at" | "on" | "in"))
                    && lead.iter().any(|w| matches!(w.as_str(), "a" | "an" | "the" | "their" | "his" | "her"))
                    || lead.iter().any(|w| w == "their");
                if during && parts.is_empty() {
                    let subj = s.subject(cs, ts);
                    if subj.len() >= 2 {
                        // "X and Y exchanged gifts during the summit": the subject group met
                        parts.extend(s.participants_of(&subj));
                        conf -= 0.1;
                    } else if let Some(&last) = subj.last() {
                        let after = s.input.chunks[last].end;
                        let (obj, _) = s.group_right(after, ts, 6);
                        if !obj.is_empty() {
                            parts.extend(s.participants_of(&subj));
                            parts.extend(s.participants_of(&obj));
                            conf -= 0.1;
                        }
                    }
                }
                // "the Trump-Zelensky meeting": two people the article named, joined by a hyphen
                if parts.is_empty() {
                    parts.extend(hyphen_pair(&s, ts, ctx));
                }
                // "their one-on-one talks": the two people the sentence names before
                if parts.is_empty() && ts > 0 && lead.iter().any(|w| w == "their") {
                    let named = s.people_before(ts, def.kind);
                    if named.len() == 2 {
                        parts.extend(named);
                        conf -= 0.1;
                    }
                }
                // "X welcomed Y ahead of official talks": talks with no party of their
                // own, after an event of this sentence, are between its parties
                let follows = lead.iter().any(|w| matches!(w.as_str(), "ahead" | "before" | "after" | "following"))
                    || cs > 0 && matches!(s.words[cs - 1].as_str(), "before" | "after");
                // "X met Y at the Kremlin, with formal talks planned for tomorrow": talks
                // scheduled in an absolute "with" clause after an event of this sentence
                let scheduled =
                    s.words.get(te).is_some_and(|w| matches!(w.as_str(), "planned" | "scheduled" | "set" | "due"))
                        && s.words.get(te + 1).is_some_and(|w| matches!(w.as_str(), "for" | "on"))
                        && lead.iter().any(|w| w == "with");
                if parts.is_empty() && (follows && !s.words[ts..te].iter().any(|w| w == "summit") || scheduled) {
                    if let Some(prev) = out.last().filter(|e: &&RawEvent| e.participants.len() == 2) {
                        parts.extend(prev.participants.iter().cloned());
                        conf -= 0.15;
                    }
                }
                // "X's meeting with Y"
                let possessor = s.possessor(ts);
                if let Some(ci) = possessor {
                    parts.extend(s.participants_of(&[ci]));
                } else if parts.is_empty()
                    && s.words.get(ts.wrapping_sub(1)).is_some_and(|w| matches!(w.as_str(), "his" | "her"))
                {
                    if !s.ambiguous_before(ts - 1) {
                        parts.extend(s.person_before(ts - 1).or_else(|| ctx.last_subject.clone()));
                    }
                    conf -= 0.15;
                } else if parts.is_empty() {
                    // the clause subject through a light verb: "X held talks with Y"
                    let light = (prev_trigger_end..ts).any(|k| lex.light_verbs.has_word(s.words[k].as_str()));
                    if light {
                        parts.extend(subject.clone());
                    }
                }
                for k in te..next_trigger.min(te + 12) {
                    if GROUP_INTRODUCERS.contains(&s.words[k].as_str()) && s.words[k] != "between" {
                        parts.extend(s.participants_of(&s.group_right(k + 1, next_trigger, 2).0));
                        break;
                    }
                }
                conf -= 0.05;
            }
        }
        // "X, Y and Z had individual meetings with W", "... met W separately": one meeting each
        let separate = matches!(def.kind, EventType::Meet | EventType::Call)
            && (cs..ce)
                .any(|k| matches!(s.words[k].as_str(), "individual" | "separate" | "separately" | "individually"));
        if separate && subject_names.len() >= 2 {
            let others: Vec<Participant> =
                parts.iter().filter(|p| !subject_names.contains(&coref::fold(&p.name))).cloned().collect();
            if !others.is_empty() {
                splits = parts
                    .iter()
                    .filter(|p| subject_names.contains(&coref::fold(&p.name)))
                    .map(|p| std::iter::once(p.clone()).chain(others.iter().cloned()).collect())
                    .collect();
            }
        }
        if matches!(def.kind, EventType::Meet | EventType::Call) && !parts.is_empty() && !separate {
            // "X met Y along with Z", "X, together with Y, met Z", "in the presence of Z":
            // one gathering with everyone
            let extra = s.companions(cs, ce);
            if !extra.is_empty() {
                for split in &mut splits {
                    split.extend(extra.iter().cloned());
                }
                parts.extend(extra);
            }
        }
        dedup_participants(&mut parts, def.kind);
        if sports && parts.iter().all(|p| p.kind == crate::model::ActorKind::Country) {
            continue;
        }
        if def.kind == EventType::Host {
            // a host receives people or governments, not a company or a summit
            parts.retain(|p| p.kind != crate::model::ActorKind::Organization);
        }
        if parts.len() < 2 {
            continue;
        }
        let next_is_gathering = triggers.get(idx + 1).is_some_and(|t| lex.triggers[t.2].frame == Frame::Noun);
        let mut place = s
            .place(te, next_trigger.max(te))
            .or_else(|| s.place(prev_trigger_end.max(cs), ts))
            // "met ... on the margins of the ASEAN summit in Vientiane"
            .or_else(|| if next_is_gathering { s.place(next_trigger, ce) } else { None });
        let mut welcomed_to = None;
        if def.kind == EventType::Host && def.frame == Frame::Verb {
            // "welcomed X to the Elysee", "welcome X to Admiralty House"; "to the
            // country" is the host's country
            let to = (te..next_trigger.min(te + 8)).find(|&k| s.words[k] == "to" && k > te);
            welcomed_to = to.and_then(|k| {
                s.destination(k + 1, next_trigger.max(k + 2).min(n)).or_else(|| {
                    let the_country = s.words.get(k + 1..k + 3).is_some_and(|w| w[0] == "the" && w[1] == "country");
                    let host_country = parts.first().and_then(|p| p.country.clone());
                    host_country
                        .filter(|_| the_country)
                        .and_then(|iso| lexicon().gazetteer.country(&iso).map(|c| c.name.clone()))
                })
            });
            if place.is_none() {
                place = welcomed_to.clone();
            }
        }
        // a welcome at the airport is a meeting on arrival, not a hosting
        let at_airport = place.as_deref().is_some_and(|p| p.to_lowercase().contains("airport"))
            || (cs..ce).any(|k| {
                matches!(s.words[k].as_str(), "airport" | "airfield" | "tarmac" | "airbase")
                    // "welcomed X at the foot of his plane", "on the steps of the aircraft"
                    || matches!(s.words[k].as_str(), "plane" | "aircraft" | "jet")
                        && k >= 2
                        && s.words[k - 2..k].iter().any(|w| matches!(w.as_str(), "his" | "her" | "the" | "their"))
                        && (k.saturating_sub(5)..k).any(|j| matches!(s.words[j].as_str(), "foot" | "steps" | "stairs" | "door"))
            });
        let kind = if def.kind == EventType::Host && at_airport { EventType::Meet } else { def.kind };
        if splits.is_empty() {
            splits.push(parts);
        }
        let found = splits.into_iter().map(|parts| (parts, place.clone())).collect();
        let clause = (cs, ce, prev_trigger_end, next_trigger, window_start);
        emit(&mut out, &s, input, ctx, (kind, def.frame), found, (ts, te), clause, conf);
        // "Macron welcomed Tinubu to Paris": Tinubu came to Paris
        guests.retain(|p| p.kind == crate::model::ActorKind::Person);
        // (a town or a country: "to the Elysee" says where the welcome was, not the trip)
        let welcomed_to = welcomed_to.filter(|d| crate::place::country_of(d).is_some());
        if let (Some(dest), false) = (welcomed_to, guests.is_empty()) {
            let found = guests.into_iter().map(|g| (vec![g], Some(dest.clone()))).collect();
            emit(&mut out, &s, input, ctx, (EventType::Visit, Frame::Verb), found, (ts, te), clause, conf - 0.1);
        }
    }
    for (ci, c) in input.chunks.iter().enumerate() {
        // a name alone on its line ("Talking Point" in a menu, a byline, a photo
        // credit) is no antecedent for "the leaders" or "he"
        // (only white space may stand between it and the line breaks: a test
        // that reads no further than that space, so one-line texts stay linear)
        let alone = {
            let text = input.text;
            let left = text[..c.span.start].trim_end_matches(|ch: char| ch.is_whitespace() && ch != '\n');
            let right = text[c.span.end..].trim_start_matches(|ch: char| ch.is_whitespace() && ch != '\n');
            (left.is_empty() || left.ends_with('\n')) && (right.is_empty() || right.starts_with('\n'))
        };
        // nor is a bare name in a Title Case line (a menu, a headline: "South
        // Asia Asia Pacific"), which the actor list leaves out too
        let bare = |p: &crate::actors::PersonName| p.title.is_none() && p.country.is_none();
        if matches!(&c.tag, Tag::Person(p) if !(bare(p) && (alone || crate::title_case_line(input.text, c.span)))) {
            if let Some(p) = s.participant(ci) {
                let reports = |k: Option<usize>| {
                    k.and_then(|k| s.words.get(k)).is_some_and(|w| {
                        REPORTING.contains(&w.as_str()) || matches!(w.as_str(), "recalled" | "added" | "noted" | "says")
                    })
                };
                ctx.sources.retain(|n| *n != p.name);
                if reports(c.start.checked_sub(1)) || reports(Some(c.end)) {
                    ctx.sources.push(p.name.clone());
                }
                ctx.recent_persons.retain(|q| q.name != p.name);
                ctx.recent_persons.push(p);
            }
        }
    }
    if ctx.recent_persons.len() > 6 {
        let extra = ctx.recent_persons.len() - 6;
        ctx.recent_persons.drain(..extra);
    }
    if let Some(fp) = first_person {
        if let Some(p) = s.participant(fp) {
            ctx.last_subject = Some(p);
        }
    }
    out
}

/// "his trip, which includes two days each in Beijing and Shanghai": where
/// the relative clause after a visit noun says the trip goes (the token after
/// its "in" or "to", the end of that clause, and whether the stops are still
/// ahead: "includes" rather than "included").
fn itinerary(s: &Sent<'_>, te: usize) -> Option<(usize, usize, bool)> {
    let w = |k: usize| s.words.get(k).map(AsStr::as_str);
    if w(te) != Some(",") || !matches!(w(te + 1), Some("which" | "that")) {
        return None;
    }
    let verb = (te + 2..te + 4).find(|&k| {
        matches!(w(k), Some("includes" | "include" | "included" | "including" | "covers" | "covered" | "takes"))
    })?;
    let end = (verb + 1..s.words.len()).find(|&k| matches!(w(k), Some(";" | "." | "but"))).unwrap_or(s.words.len());
    let ahead = !matches!(w(verb), Some("included" | "covered"));
    (verb + 1..(verb + 8).min(end)).find(|&k| matches!(w(k), Some("in" | "to"))).map(|k| (k + 1, end, ahead))
}

/// A word that can follow "Country's" in a descriptor before a name:
/// "leader", "then-leader", "former president", "top diplomat".
fn descriptor_word(w: &str) -> bool {
    let lex = lexicon();
    let w = w.strip_prefix("then-").unwrap_or(w);
    matches!(w, "former" | "top" | "new" | "then" | "late" | "chief" | "senior")
        || lex.role_nouns.contains(w)
        || lex.lower_titles.contains(w)
}

/// "the Trump-Zelensky meeting", "a Modi-Albanese bilateral": a hyphenated
/// pair of names just before a noun trigger (an adjective may come between),
/// each half the first or last word of a person named earlier in the article.
fn hyphen_pair(s: &Sent<'_>, ts: usize, ctx: &DocContext) -> Vec<Participant> {
    let chunk = (ts.saturating_sub(2)..ts).rev().find_map(|k| s.chunk_at[k]).map(|ci| &s.input.chunks[ci]);
    let Some(c) = chunk.filter(|c| c.end + 1 >= ts && matches!(c.tag, Tag::Unknown(_))) else {
        return Vec::new();
    };
    let halves: Vec<&str> = s.surface(c).split('-').collect();
    let [a, b] = halves.as_slice() else { return Vec::new() };
    let find = |half: &str| {
        let key = coref::fold(half);
        let hits: Vec<&Participant> = ctx
            .recent_persons
            .iter()
            .filter(|p| {
                let words: Vec<String> = p.name.split_whitespace().map(coref::fold).collect();
                words.len() >= 2 && (words[0] == key || words[words.len() - 1] == key)
            })
            .collect();
        match hits.as_slice() {
            [one] => Some((*one).clone()),
            _ => None,
        }
    };
    match (find(a), find(b)) {
        (Some(x), Some(y)) if x.name != y.name => vec![x, y],
        _ => Vec::new(),
    }
}

fn dedup_participants(parts: &mut Vec<Participant>, kind: EventType) {
    let mut seen = HashSet::default();
    parts.retain(|p| seen.insert(crate::coref::fold(&p.name)));
    if kind.symmetric() {
        parts.sort_by(|a, b| a.name.cmp(&b.name));
    }
}

/// A participle clause ("..., before continuing to Shanghai") shares the
/// tense of its main clause: is that clause a plan ("Lee will ...")?
fn participle_main_planned(s: &Sent<'_>, cs: usize) -> bool {
    let participle = cs > 0
        && matches!(s.words[cs - 1].as_str(), "after" | "before" | "while" | "when" | "since")
        && s.words[cs].ends_with("ing");
    participle
        && s.words[..cs]
            .iter()
            .any(|w| matches!(w.as_str(), "will" | "'ll" | "shall" | "scheduled" | "expected" | "plans"))
}

/// "was welcomed (at the airport) by X": the position of "by" when the
/// trigger is a past participle after a form of "be", or "by" follows it.
fn passive_by(s: &Sent<'_>, ts: usize, te: usize, end: usize) -> Option<usize> {
    let be = ts > 0 && matches!(s.words[ts - 1].as_str(), "was" | "were" | "is" | "are" | "been" | "be" | "being");
    if s.words.get(te).is_some_and(|w| w == "by") {
        return Some(te);
    }
    if !be {
        return None;
    }
    (te..end.min(te + 8)).find(|&k| s.words[k] == "by")
}

/// "he" / "she" as the subject; "the two leaders".
fn pronoun_or_pair(s: &Sent<'_>, cs: usize, ts: usize, ctx: &DocContext) -> Vec<Participant> {
    let lex = lexicon();
    let clause = s.words[cs..ts].join(" ");
    // the phrase opening the clause, or between spaces inside it
    let inside = |p: &str| {
        let b = clause.as_bytes();
        clause.match_indices(p).any(|(at, _)| at > 0 && b[at - 1] == b' ' && b.get(at + p.len()) == Some(&b' '))
    };
    let pair = lex.words.pair_phrases.iter().any(|p| clause.starts_with(p.as_str()) || inside(p));
    let they = s.words.get(cs).is_some_and(|w| w == "they")
        || ts.checked_sub(1).is_some_and(|p| s.words[p] == "they")
        || (cs..ts)
            .rev()
            .take_while(|&k| in_verb_group(&s.words[k]) || s.words[k] == "they")
            .any(|k| s.words[k] == "they");
    if pair || they {
        // a group named earlier in this sentence, else the last pair of the article
        let group: Vec<Participant> = s
            .input
            .chunks
            .iter()
            .enumerate()
            .take_while(|(_, c)| c.end <= cs)
            .filter(|(ci, c)| matches!(c.tag, Tag::Person(_)) && !s.is_modifier(*ci))
            .filter_map(|(ci, _)| s.participant(ci))
            .collect();
        if group.len() >= 2 {
            return group;
        }
        if !ctx.last_pair.is_empty() {
            return ctx.last_pair.clone();
        }
        // the last two people named as actors, not as sources of quotes
        let actors: Vec<&Participant> = ctx.recent_persons.iter().filter(|p| !ctx.sources.contains(&p.name)).collect();
        let n = actors.len();
        return if n >= 2 { actors[n - 2..].iter().map(|p| (*p).clone()).collect() } else { Vec::new() };
    }
    // the pronoun right before the verb group, or opening the clause
    let mut k = ts;
    while k > cs && in_verb_group(&s.words[k - 1]) {
        k -= 1;
    }
    let is_pronoun = |p: usize| lex.words.subject_pronouns.iter().any(|w| *w == s.words[p]);
    let pron = [k.checked_sub(1), Some(cs)]
        .into_iter()
        .flatten()
        .find(|&p| p < ts && is_pronoun(p))
        // "said on Feb. 12 he had held talks": the pronoun after a fronted date
        .or_else(|| (cs..ts).find(|&p| is_pronoun(p) && (p..ts).all(|q| s.chunk_at[q].is_none())));
    let Some(p) = pron else { return Vec::new() };
    // "Lavrov said that he will visit": a person earlier in the sentence
    s.person_before(p).or_else(|| ctx.last_subject.clone()).into_iter().collect()
}

/// Push one event per (participants, place) found for a trigger.
#[allow(clippy::too_many_arguments)]
fn emit(
    out: &mut Vec<RawEvent>,
    s: &Sent<'_>,
    input: &SentenceInput<'_>,
    ctx: &mut DocContext,
    (kind, frame): (EventType, Frame),
    found: Vec<(Vec<Participant>, Option<String>)>,
    trigger: (usize, usize),
    clause: (usize, usize, usize, usize, usize),
    conf: f32,
) {
    for (parts, place) in found {
        push_event(out, s, input, ctx, kind, frame, parts, place, trigger, clause, conf);
    }
}

#[allow(clippy::too_many_arguments)]
fn push_event(
    out: &mut Vec<RawEvent>,
    s: &Sent<'_>,
    input: &SentenceInput<'_>,
    ctx: &mut DocContext,
    kind: EventType,
    frame: Frame,
    mut parts: Vec<Participant>,
    place: Option<String>,
    (ts, te): (usize, usize),
    (cs, ce, prev_end, next_start, window_start): (usize, usize, usize, usize, usize),
    conf: f32,
) {
    let lex = &*LEXICON;
    let verb = frame != Frame::Noun;
    dedup_participants(&mut parts, kind);
    // date: the timex after the trigger in its segment, else before it in the clause
    let tok_span = |a: usize, b: usize| Span::new(input.tokens[a].span.start, input.tokens[b.max(a + 1) - 1].span.end);
    // a participle clause after a comma has its own time: "X and Y failed at
    // a summit, leaving European leaders scrambling Saturday"
    let participle = (te..ce.min(s.words.len()))
        .find(|&k| {
            s.words[k] == ","
                && s.words.get(k + 1).is_some_and(|w| w.len() > 5 && w.ends_with("ing"))
                && s.chunk_at.get(k + 1).is_some_and(Option::is_none)
        })
        .unwrap_or(ce);
    let after_end = next_start.min(participle);
    let after = tok_span(te.min(s.words.len() - 1), after_end.max(te + 1).min(s.words.len()));
    let before = tok_span(cs.max(prev_end), ts.max(cs.max(prev_end) + 1));
    let first_in_clause = prev_end <= cs;
    let usable = |t: &&Timex| event_date(t).is_some();
    let date_tx = input
        .timexes
        .iter()
        .filter(usable)
        .find(|t| after.contains(t.span) && t.span.start >= input.tokens[te - 1].span.end)
        .or_else(|| input.timexes.iter().filter(usable).rfind(|t| before.contains(t.span)))
        .or_else(|| {
            // a clause-initial date phrase before the subject: "On Nov. 1, X met Y"
            let clause = tok_span(cs, participle.max(cs + 1));
            // not a date a later event of the sentence plans for itself ("..., with
            // formal talks planned for tomorrow")
            let later_plan = |t: &Timex| {
                (next_start..s.words.len().min(ce)).take_while(|&k| input.tokens[k].span.start < t.span.start).any(
                    |k| {
                        lex.planned.contains(s.words[k].as_str()) && s.words[k] != "to"
                            || lex.proposed.has_word(&s.words[k])
                    },
                )
            };
            input.timexes.iter().filter(usable).find(|t| first_in_clause && clause.contains(t.span) && !later_plan(t))
        });
    // "the president said on Feb. 12 he had held a conversation with X": a past
    // event reported with a date and no date of its own happened by then; the
    // report's day is the news peg
    let date_tx = date_tx.or_else(|| {
        let reported = cs >= 2 && (cs.saturating_sub(6)..cs).any(|k| REPORTING.contains(&s.words[k].as_str()));
        let clause_start = input.tokens[cs.min(s.words.len() - 1)].span.start;
        let lead = Span::new(input.tokens[cs.saturating_sub(5)].span.start, clause_start);
        // a past perfect ("he had held talks"), or a past verb ("he met")
        let past = (cs..ts).any(|k| s.words[k] == "had")
            || frame != Frame::Noun && !(cs..ts).any(|k| lex.planned.contains(s.words[k].as_str()));
        (reported && past).then(|| input.timexes.iter().filter(usable).rfind(|t| lead.contains(t.span))).flatten()
    });
    let mut date = date_tx.and_then(event_date);
    // "Saturday marks the 20th anniversary of X's visit": the visit is 20 years before
    // (the anniversary may be in the main clause: "Saturday marks the 20th
    // anniversary of X's visit to Pyongyang, when he met Y")
    let anniversary = (ts.saturating_sub(8).max(cs)..ts).find(|&k| s.words[k] == "anniversary").or_else(|| {
        (0..ts).rev().find(|&k| s.words[k] == "anniversary" && s.words.get(k + 1).is_some_and(|w| w == "of"))
    });
    if let Some(a) = anniversary {
        let years = a.checked_sub(1).and_then(|k| ordinal(&s.words[k]));
        if date.is_none() || a < cs {
            // the date the anniversary falls on
            let at = tok_span(0, a);
            date = input.timexes.iter().filter(usable).rfind(|t| at.contains(t.span)).and_then(event_date);
        }
        date = match (date, years) {
            (Some(d), Some(n)) => Some(PartialDate { year: d.year - n, ..d }),
            _ => None,
        };
    }
    // status
    let window = window_start..ts;
    let trigger_words = &s.words[ts..te];
    let mut status = Status::Occurred;
    let near = ts.saturating_sub(4).max(cs);
    // a noun's predicate may come after a relative clause: "A meeting between X and Y,
    // which had been expected on the same day, was called off" (up to the next trigger word)
    let predicate_end = if frame == Frame::Noun && next_start >= ce {
        let trigger_at = |k: usize| {
            lex.forms.get(s.words[k].as_str()).is_some_and(|cands| cands.iter().any(|(words, _)| s.phrase_at(k, words)))
        };
        (ce + 1..s.words.len()).find(|&k| trigger_at(k)).unwrap_or(s.words.len())
    } else {
        ce
    };
    let called_off = s.has_phrase(te, predicate_end, &lex.post_negation);
    // "failed to meet" negates; "failed at a summit to reach an accord" does not negate the summit
    let negated_before = (near..ts).any(|i| {
        lex.negated.at(&s.words, i).any(|p| !p[0].starts_with("fail") || s.words.get(i + 1).is_some_and(|w| w == "to"))
    });
    if negated_before || called_off {
        status = Status::Negated;
    } else if kind == EventType::Invite
        || s.has_phrase(window.start, ts, &lex.proposed)
        // "X reportedly met Y": hedged, not stated as fact
        || s.has_phrase(window.start, ts, &lex.hedge)
        || frame == Frame::Noun && s.has_phrase(te, predicate_end, &lex.post_doubt)
        || frame == Frame::Noun
            && s.has_phrase(0, ts, &lex.proposed)
            && date.is_none_or(|d| ctx.dct.is_none_or(|c| d.interval().0 > c))
    {
        status = Status::Proposed;
    } else if trigger_words[0] == "to"
        || (cs..ts).any(|k| lex.planned.contains(s.words[k].as_str()) && (s.words[k] != "to" || k + 1 == ts && verb))
        || participle_main_planned(s, cs)
        || input.headline && s.words.get(ts.wrapping_sub(1)).is_some_and(|w| w == "to")
        // "is heading to France", "are flying to Tokyo": on the way, not there yet
        || kind == EventType::Visit
            && matches!(trigger_words[0].as_str(), "heading" | "headed" | "travelling" | "traveling" | "flying")
            && s.words.get(ts.wrapping_sub(1)).is_some_and(|w| matches!(w.as_str(), "is" | "are" | "'s"))
    {
        status = Status::Planned;
    }
    let dct = ctx.dct;
    if let (Some(d), Some(dct)) = (date, dct) {
        let (begin, _) = d.interval();
        if begin > dct && status == Status::Occurred {
            status = Status::Planned;
        }
        // a purpose clause in a past report: "arrived on June 2 to meet X"
        let weak_plan = status == Status::Planned
            && !window.clone().any(|k| {
                matches!(
                    s.words[k].as_str(),
                    "will" | "'ll" | "scheduled" | "expected" | "set" | "due" | "plans" | "upcoming" | "next"
                )
            });
        if weak_plan && d.interval().1 < dct {
            status = Status::Occurred;
        }
    }
    let mut confidence = conf;
    if input.headline {
        confidence -= 0.1;
    }
    if parts.len() >= 2 {
        ctx.last_pair = parts.clone();
    }
    out.push(RawEvent {
        kind,
        participants: parts,
        date,
        date_text: date_tx.map(|t| input.text[t.span.start..t.span.end].to_string()),
        place,
        status,
        confidence: confidence.clamp(0.05, 1.0),
        trigger: tok_span(ts, te),
    });
}
