//! Actors: who is named in a sentence.
//!
//! Gazetteer names (countries, demonyms, capitals, cities, organizations,
//! titles) are found with one Aho-Corasick automaton built once from the RON
//! files in `data/`; person names are runs of capitalized words that the
//! gazetteers and the closed-class word list do not claim. Titles, demonyms
//! and appositions around a name give the person a title and a country.
//! Resolution of short forms ("Lee", "the Chinese leader") happens later,
//! per document, in [`crate::coref`].

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::{Deserialize, Serialize};

use crate::gazetteer::Gazetteer;
use crate::model::{ActorKind, PartialDate, Span};
use crate::segment::{lower, Token, TokenKind};

#[derive(Debug, Deserialize)]
pub(crate) struct WordLists {
    pub(crate) not_name_words: Vec<String>,
    pub(crate) name_particles: Vec<String>,
    pub(crate) org_heads: Vec<String>,
    pub(crate) subject_pronouns: Vec<String>,
    pub(crate) pair_phrases: Vec<String>,
    /// Spelling groups of one name; the first is the key.
    pub(crate) name_variants: Vec<Vec<String>>,
    /// Common nouns that make a capitalized run something other than a person.
    pub(crate) non_person_words: Vec<String>,
    /// Roles outside government ("chairman", "research fellow").
    pub(crate) non_government_roles: Vec<String>,
    /// Titles kept with a one-word name ("King Salman").
    pub(crate) regnal_titles: Vec<String>,
    /// Titles of heads of government ("prime minister", "chancellor").
    pub(crate) government_head_titles: Vec<String>,
}

/// What a gazetteer entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Country(usize),
    Demonym(usize),
    /// A capital or seat of government: a place, or that country's
    /// government when it acts ("Seoul urged Beijing").
    Capital(usize),
    /// Buildings that stand for a government ("the Kremlin").
    Metonym(usize),
    City(usize),
    Org(usize),
    Title(usize),
    Honorific,
}

/// The compiled gazetteers and word lists.
pub struct ActorLexicon {
    pub gazetteer: &'static Gazetteer,
    automaton: AhoCorasick,
    entries: Vec<(Entry, String)>,
    pub(crate) words: WordLists,
    not_name: HashSet<String>,
    particles: HashSet<String>,
    org_heads: HashSet<String>,
    /// Lowercased country names, aliases and demonyms -> country index.
    pub country_by_word: HashMap<String, usize>,
    /// Lowercased role nouns ("leader", "counterpart").
    pub(crate) role_nouns: HashSet<String>,
    /// Lowercased titles ("prime minister", "foreign minister").
    pub(crate) lower_titles: HashSet<String>,
    /// Title -> whether it is a head-of-state/government title.
    title_heads: HashMap<String, bool>,
    /// Folded spelling variant -> the folded key of its name ("sergey" -> "sergei").
    variants: HashMap<String, String>,
    /// Lowercased title -> (rank, head).
    title_rank: HashMap<String, (u8, bool)>,
    non_person: HashSet<String>,
    non_government: HashSet<String>,
    regnal: HashSet<String>,
    government_heads: HashSet<String>,
}

static LEXICON: LazyLock<ActorLexicon> = LazyLock::new(ActorLexicon::build);

/// The lexicon built from the bundled data, once per process.
pub fn lexicon() -> &'static ActorLexicon {
    &LEXICON
}

impl ActorLexicon {
    fn build() -> ActorLexicon {
        let gazetteer = Gazetteer::builtin();
        let words: WordLists = ron::from_str(include_str!("../../../data/lexicon.ron"))
            .unwrap_or_else(|e| panic!("bundled data/lexicon.ron is invalid: {e}"));
        let mut entries: Vec<(Entry, String)> = Vec::new();
        let mut country_by_word = HashMap::default();
        for (i, c) in gazetteer.countries.iter().enumerate() {
            for n in std::iter::once(&c.name).chain(&c.aliases) {
                entries.push((Entry::Country(i), n.clone()));
                country_by_word.entry(n.to_lowercase()).or_insert(i);
            }
            for d in &c.demonyms {
                entries.push((Entry::Demonym(i), d.clone()));
                country_by_word.entry(d.to_lowercase()).or_insert(i);
            }
            entries.push((Entry::Capital(i), c.capital.clone()));
            if let Some(s) = &c.seat_of_government {
                entries.push((Entry::Capital(i), s.clone()));
            }
            for m in &c.metonyms {
                entries.push((Entry::Metonym(i), m.clone()));
                entries.push((Entry::Metonym(i), format!("the {m}")));
            }
            for city in &c.cities {
                entries.push((Entry::City(i), city.clone()));
            }
        }
        for (i, o) in gazetteer.organizations.iter().enumerate() {
            for n in std::iter::once(&o.name).chain(&o.aliases) {
                entries.push((Entry::Org(i), n.clone()));
            }
        }
        for (i, t) in gazetteer.titles.titles.iter().enumerate() {
            entries.push((Entry::Title(i), t.title.clone()));
            let lower = t.title.to_lowercase();
            if lower != t.title {
                entries.push((Entry::Title(i), lower));
            }
        }
        for h in &gazetteer.titles.honorifics {
            entries.push((Entry::Honorific, h.clone()));
        }
        // the first entry wins on identical strings: keep countries before cities
        let mut seen = HashSet::default();
        entries.retain(|(_, s)| !s.is_empty() && seen.insert(s.clone()));
        // a DFA: 4% fewer instructions per article than a contiguous NFA
        // (callgrind, extract_bench), for ~40 MB and ~0.15 s to build it
        // once per process. A hash look-up per word start was tried too
        // and cost more than the automaton.
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(entries.iter().map(|(_, s)| s.as_str()))
            .expect("gazetteer automaton");
        let lower_set = |v: &[String]| v.iter().map(|s| s.to_lowercase()).collect::<HashSet<_>>();
        let mut variants = HashMap::default();
        for group in &words.name_variants {
            let key = crate::coref::fold(&group[0]);
            for v in group {
                variants.insert(crate::coref::fold(v), key.clone());
            }
        }
        ActorLexicon {
            variants,
            title_rank: gazetteer.titles.titles.iter().map(|t| (t.title.to_lowercase(), (t.rank, t.head))).collect(),
            gazetteer,
            automaton,
            not_name: lower_set(&words.not_name_words),
            non_person: lower_set(&words.non_person_words),
            non_government: lower_set(&words.non_government_roles),
            regnal: lower_set(&words.regnal_titles),
            government_heads: lower_set(&words.government_head_titles),
            particles: lower_set(&words.name_particles),
            org_heads: lower_set(&words.org_heads),
            role_nouns: lower_set(&gazetteer.titles.role_nouns),
            lower_titles: gazetteer.titles.titles.iter().map(|t| t.title.to_lowercase()).collect(),
            title_heads: gazetteer.titles.titles.iter().map(|t| (t.title.clone(), t.head)).collect(),
            country_by_word,
            entries,
            words,
        }
    }

    pub fn country_iso3(&self, idx: usize) -> &str {
        &self.gazetteer.countries[idx].iso3
    }
    pub fn country_name(&self, idx: usize) -> &str {
        &self.gazetteer.countries[idx].name
    }
    /// Whether a one-word name keeps this title as part of its name ("King Salman").
    pub fn is_regnal_title(&self, title: &str) -> bool {
        self.regnal.contains(&title.to_lowercase())
    }

    /// Whether two titles are the same office in two countries: the same
    /// title, or both a head of government's ("chancellor" and "premier").
    pub fn same_office(&self, a: &str, b: &str) -> bool {
        let (a, b) = (a.to_lowercase(), b.to_lowercase());
        a == b || self.government_heads.contains(&a) && self.government_heads.contains(&b)
    }

    /// Whether a title is a head-of-state or head-of-government one.
    pub fn is_head_title(&self, title: &str) -> bool {
        self.title_heads.get(title).copied().unwrap_or(false)
    }

    pub(crate) fn is_particle(&self, w: &str) -> bool {
        self.particles.contains(w)
    }
}

/// What a chunk of a sentence is.
#[derive(Debug, Clone, PartialEq)]
pub enum Tag {
    Person(PersonName),
    Country(usize),
    Capital(usize),
    Metonym(usize),
    City(usize),
    Org(usize),
    /// An organization not in the gazetteer ("Asan Institute for Policy Studies").
    OrgName(String),
    Demonym(usize),
    Title(String),
    Honorific,
    /// A capitalized word or run we cannot place yet (a surname, a town).
    Unknown(String),
}

/// A person as named in one place.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonName {
    pub name: String,
    pub title: Option<String>,
    /// Index into the gazetteer's countries.
    pub country: Option<usize>,
    /// Whether the title is a head-of-state/government one.
    pub head: bool,
}

/// A tagged run of tokens `[start, end)` in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Chunk {
    pub start: usize,
    pub end: usize,
    pub span: Span,
    pub tag: Tag,
}

fn is_capitalized(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

fn at_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
}

/// Tag the actors, places and titles of one sentence.
pub fn tag_sentence(text: &str, tokens: &[Token]) -> Vec<Chunk> {
    let lex = lexicon();
    if tokens.is_empty() {
        return Vec::new();
    }
    let sent = Span::new(tokens[0].span.start, tokens[tokens.len() - 1].span.end);
    let sentence = &text[sent.start..sent.end];
    // token index by byte offset
    // tokens are sorted: find the token starting/ending at a byte offset by binary search
    let tok_at_start = |b: usize| tokens.binary_search_by_key(&b, |t| t.span.start).ok();
    let tok_at_end = |b: usize| tokens.binary_search_by_key(&b, |t| t.span.end).ok();
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut covered = vec![false; tokens.len()];
    for m in lex.automaton.find_iter(sentence) {
        let (s, e) = (sent.start + m.start(), sent.start + m.end());
        if !at_word_boundary(text, s, e) {
            continue;
        }
        // "U.S." may be one token with its period, or the match may end on "'s"
        let (Some(ts), Some(te)) = (tok_at_start(s), tok_at_end(e)) else { continue };
        let (entry, surface) = &lex.entries[m.pattern().as_usize()];
        // "US$ 40 billion", "HK$": a currency, not the country
        if text[e..].starts_with('$') {
            continue;
        }
        let tag = match *entry {
            Entry::Country(i) => Tag::Country(i),
            Entry::Demonym(i) => Tag::Demonym(i),
            Entry::Capital(i) => Tag::Capital(i),
            Entry::Metonym(i) => Tag::Metonym(i),
            Entry::City(i) => Tag::City(i),
            Entry::Org(i) => Tag::Org(i),
            Entry::Title(i) => Tag::Title(lex.gazetteer.titles.titles[i].title.clone()),
            Entry::Honorific => Tag::Honorific,
        };
        // a lowercase title ("minister") only counts next to a name; a
        // sentence-initial "The" in a metonym is fine
        if matches!(tag, Tag::Title(_)) && !is_capitalized(surface) {
            let next_cap = tokens.get(te + 1).is_some_and(|t| is_capitalized(&text[t.span.start..t.span.end]));
            if !next_cap {
                continue;
            }
        }
        for c in covered.iter_mut().take(te + 1).skip(ts) {
            *c = true;
        }
        chunks.push(Chunk { start: ts, end: te + 1, span: Span::new(s, e), tag });
    }
    // capitalized runs the gazetteer did not claim
    let word = |i: usize| &text[tokens[i].span.start..tokens[i].span.end];
    let mut i = 0;
    let free_word = |i: usize| i < tokens.len() && !covered[i] && tokens[i].kind == TokenKind::Word;
    // one buffer for the words of every name
    let mut words: Vec<&str> = Vec::new();
    while i < tokens.len() {
        // every way a name starts needs a free capitalized word
        if !free_word(i) || !is_capitalized(word(i)) {
            i += 1;
            continue;
        }
        // "Park Min-seo", "Moon Jae-in": a listed word ("park", "moon") starts
        // a name when an East Asian given name follows
        let surname_first = || free_word(i + 1) && hyphenated_given_name(word(i + 1));
        // "Jan Lipavsky" (not "Jan 4"), "General Secretary To Lam": a given name
        // that is also a month or a preposition starts a name before another name
        // word, the preposition only right after a title
        let ambiguous_given = || {
            let next_name = free_word(i + 1) && name_word(lex, word(i + 1)) && !calendar_word(word(i + 1));
            next_name
                && match lower(word(i)).as_str() {
                    "jan" | "jun" | "may" | "min" | "sun" => true,
                    "to" | "le" | "an" | "do" => chunks.iter().any(|c| c.end == i && matches!(c.tag, Tag::Title(_))),
                    _ => false,
                }
        };
        if !(name_word(lex, word(i)) || surname_first() || ambiguous_given()) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        // the words of the name, with initials keeping their period ("F.")
        words.clear();
        words.push(word(i));
        loop {
            let continues = free_word(end)
                && (name_word(lex, word(end)) || continues_name(lex, tokens, text, end) || article_particle(word(end)));
            // "Ursula von der Leyen", "Lula da Silva": particles, then a name word
            let particles =
                (end..tokens.len()).take_while(|&k| free_word(k) && lex.is_particle(&lower(word(k)))).count();
            if continues {
                words.push(word(end));
                end += 1;
            } else if particles > 0 && free_word(end + particles) && name_word(lex, word(end + particles)) {
                words.extend((end..=end + particles).map(word));
                end += particles + 1;
            } else if is_initial_letter(word(end - 1))
                && end + 1 < tokens.len()
                && word(end) == "."
                && free_word(end + 1)
                && name_word(lex, word(end + 1))
            {
                // "John F. Kennedy": the period of an initial, then the name goes on
                if let Some(last) = words.last_mut() {
                    *last = &text[tokens[end - 1].span.start..tokens[end].span.end];
                }
                words.push(word(end + 1));
                end += 2;
            } else {
                break;
            }
        }
        let name = words.join(" ");
        let last = lower(words.last().copied().unwrap_or_default());
        let all_caps = words.iter().all(|w| !w.chars().any(|c| c.is_lowercase()));
        // a product or an index, not a person: a digit ("A380"), a capital
        // inside a word ("MacBook", "iPhone"; not "McCain", "MacArthur",
        // "DiCaprio"), or a common noun ("Dow Jones Industrial Average")
        let thing = words.iter().any(|w| {
            let l = lower(w);
            w.chars().any(|c| c.is_ascii_digit()) || lex.non_person.contains(l.as_str()) || inner_capital(w)
        });
        let tag = if lex.org_heads.contains(last.as_str()) || (all_caps && words.len() == 1 && word(start).len() > 1) {
            Tag::OrgName(name)
        } else if thing {
            Tag::Unknown(name)
        } else if words.len() >= 2 && !all_caps {
            Tag::Person(PersonName { name, title: None, country: None, head: false })
        } else {
            Tag::Unknown(name)
        };
        chunks.push(Chunk { start, end, span: Span::new(tokens[start].span.start, tokens[end - 1].span.end), tag });
        i = end;
    }
    chunks.sort_by_key(|c| c.start);
    extend_org_names(text, tokens, &mut chunks);
    // "Cognizant India", "Samsung Electronics America": a country right after an
    // organization's name is part of that name
    let mut k = 1;
    while k < chunks.len() {
        // (an unknown word too, when a title follows: "Cognizant India chairman")
        let title_next = chunks.get(k + 1).is_some_and(|c| c.start == chunks[k].end && matches!(c.tag, Tag::Title(_)))
            || tokens.get(chunks[k].end).is_some_and(|t| {
                lex.lower_titles.contains(lower(&text[t.span.start..t.span.end]).as_str())
                    && text[t.span.start..t.span.end].chars().next().is_some_and(char::is_lowercase)
            });
        let joined = chunks[k - 1].end == chunks[k].start
            && matches!(chunks[k].tag, Tag::Country(_))
            && (matches!(chunks[k - 1].tag, Tag::OrgName(_) | Tag::Org(_))
                || matches!(&chunks[k - 1].tag, Tag::Unknown(n) if !n.contains(' ')) && title_next);
        if joined {
            let name = format!(
                "{} {}",
                &text[chunks[k - 1].span.start..chunks[k - 1].span.end],
                &text[chunks[k].span.start..chunks[k].span.end]
            );
            chunks[k - 1] = Chunk {
                start: chunks[k - 1].start,
                end: chunks[k].end,
                span: Span::new(chunks[k - 1].span.start, chunks[k].span.end),
                tag: Tag::OrgName(name),
            };
            chunks.remove(k);
        } else {
            k += 1;
        }
    }
    // "Cognizant CEO Ravi Kumar": a name right before a title is the employer
    for i in 1..chunks.len() {
        if chunks[i - 1].end == chunks[i].start && matches!(chunks[i].tag, Tag::Title(_)) {
            if let Tag::Unknown(n) = &chunks[i - 1].tag {
                if !n.contains(' ') {
                    chunks[i - 1].tag = Tag::OrgName(n.clone());
                }
            }
        }
    }
    attach_titles(text, tokens, &mut chunks);
    predicate_titles(text, tokens, &mut chunks);
    chunks
}

/// "Yoon became president", "Kim was elected prime minister", "Ruto was
/// sworn in as president": a capitalized word that takes a title through
/// such a verb is a person holding that title.
fn predicate_titles(text: &str, tokens: &[Token], chunks: &mut [Chunk]) {
    let lex = lexicon();
    let word = |i: usize| text[tokens[i].span.start..tokens[i].span.end].to_lowercase();
    for c in chunks.iter_mut() {
        let name = match &c.tag {
            Tag::Unknown(n) => n.clone(),
            Tag::Person(p) if p.title.is_none() => p.name.clone(),
            _ => continue,
        };
        let mut i = c.end;
        let verb = |i: usize| if i < tokens.len() { word(i) } else { String::new() };
        match verb(i).as_str() {
            "became" | "becomes" | "become" => i += 1,
            "was" | "is" | "has" | "had" => {
                let mut j = i + 1;
                if verb(j) == "been" {
                    j += 1;
                }
                if !matches!(
                    verb(j).as_str(),
                    "elected" | "appointed" | "named" | "sworn" | "inaugurated" | "re-elected"
                ) {
                    continue;
                }
                i = j + 1;
                if verb(i) == "in" {
                    i += 1;
                }
            }
            _ => continue,
        }
        while matches!(verb(i).as_str(), "the" | "a" | "an" | "as" | "new" | "country's" | "nation's") {
            i += 1;
        }
        let title = (1..=3).rev().find_map(|n| {
            (i + n <= tokens.len())
                .then(|| (i..i + n).map(&word).collect::<Vec<_>>().join(" "))
                .filter(|t| lex.lower_titles.contains(t))
        });
        let Some(title) = title else { continue };
        let known = lex.gazetteer.titles.titles.iter().find(|t| t.title.to_lowercase() == title);
        c.tag = Tag::Person(PersonName {
            name,
            title: known.map(|t| t.title.clone()),
            country: None,
            head: known.is_some_and(|t| t.head),
        });
    }
}

/// A month or weekday word inside a name ("Kim Min Jun", "Theresa May"):
/// capitalized, after a name word, and not followed by a number.
fn continues_name(lex: &ActorLexicon, tokens: &[Token], text: &str, i: usize) -> bool {
    let w = &text[tokens[i].span.start..tokens[i].span.end];
    let next_is_number = tokens.get(i + 1).is_some_and(|t| t.kind == TokenKind::Number);
    is_capitalized(w)
        && !next_is_number
        && matches!(lower(w).as_str(), "jun" | "may" | "mar" | "sun" | "min" | "august" | "june" | "april")
        && lex.not_name.contains(lower(w).as_str())
}

/// "Min-seo", "Jae-in", "Geun-hye": a capitalized syllable, a hyphen, a
/// lowercase syllable.
fn hyphenated_given_name(w: &str) -> bool {
    let Some((a, b)) = w.split_once('-') else { return false };
    is_capitalized(a)
        && a.chars().count() <= 5
        && !b.is_empty()
        && b.chars().count() <= 5
        && b.chars().all(|c| c.is_lowercase())
}

/// "al-Assad", "el-Sisi", "bin-Zayed": an Arabic article or particle
/// joined to a capitalized name.
fn article_particle(w: &str) -> bool {
    let Some((a, b)) = w.split_once('-') else { return false };
    matches!(a, "al" | "el" | "ad" | "as" | "ash" | "at" | "az" | "ar" | "an" | "ibn" | "bin" | "abu" | "ul" | "ud")
        && is_capitalized(b)
}

fn is_initial_letter(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(|x| x.is_uppercase()) && c.next().is_none()
}

/// Weekdays and months: "the Ministry of Defence on Monday" ends before them.
fn calendar_word(w: &str) -> bool {
    matches!(
        lower(w).as_str(),
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

/// A capital after a lowercase letter, past the surname prefixes that
/// have one ("Mc", "Mac", "De", "Di", "La", "Le", "Van", "Von", "O'").
fn inner_capital(w: &str) -> bool {
    let rest = ["Mac", "Mc", "De", "Di", "Da", "La", "Le", "Van", "Von", "Du"]
        .iter()
        .find_map(|p| w.strip_prefix(p))
        .unwrap_or(w);
    rest.chars().zip(rest.chars().skip(1)).any(|(a, b)| a.is_lowercase() && b.is_uppercase())
}

fn name_word(lex: &ActorLexicon, w: &str) -> bool {
    // the cheap tests first: most words are not capitalized
    if !is_capitalized(w) || !w.chars().any(|c| c.is_alphabetic()) {
        return false;
    }
    let l = lower(w);
    !lex.not_name.contains(l.as_str()) || lex.org_heads.contains(l.as_str())
}

/// "Ministry of Foreign Affairs", "Asan Institute for Policy Studies": an
/// org head followed by "of"/"for" + capitalized words is one organization.
fn extend_org_names(text: &str, tokens: &[Token], chunks: &mut Vec<Chunk>) {
    let word = |i: usize| &text[tokens[i].span.start..tokens[i].span.end];
    let mut i = 0;
    while i < chunks.len() {
        if let Tag::OrgName(name) = &chunks[i].tag {
            let mut end = chunks[i].end;
            let mut name = name.clone();
            while end + 1 < tokens.len()
                && matches!(word(end), "of" | "for" | "on")
                && is_capitalized(word(end + 1))
                && !calendar_word(word(end + 1))
            {
                let mut e = end + 1;
                while e < tokens.len() && is_capitalized(word(e)) && !calendar_word(word(e)) {
                    e += 1;
                }
                name = format!("{name} {} {}", word(end), (end + 1..e).map(word).collect::<Vec<_>>().join(" "));
                end = e;
            }
            if end > chunks[i].end {
                chunks[i].end = end;
                chunks[i].span.end = tokens[end - 1].span.end;
                chunks[i].tag = Tag::OrgName(name);
                let stop = end;
                let mut j = i + 1;
                while j < chunks.len() && chunks[j].start < stop {
                    chunks.remove(j);
                }
                j = i + 1;
                let _ = j;
            }
        }
        i += 1;
    }
}

/// Give persons the titles and countries written around them:
/// "Chinese President Xi Jinping", "Russia's Foreign Minister Sergei Lavrov",
/// "Liu Jinsong, director-general ... at China's Foreign Ministry,".
fn attach_titles(text: &str, tokens: &[Token], chunks: &mut [Chunk]) {
    let lex = lexicon();
    let word = |i: usize| &text[tokens[i].span.start..tokens[i].span.end];
    let heads = &lex.title_heads;
    for ci in 0..chunks.len() {
        // a single capitalized word after a title is a person ("President Lee")
        let after_title = ci > 0
            && matches!(chunks[ci - 1].tag, Tag::Title(_) | Tag::Honorific)
            && chunks[ci - 1].end == chunks[ci].start;
        if after_title {
            if let Tag::Unknown(n) = &chunks[ci].tag {
                chunks[ci].tag = Tag::Person(PersonName { name: n.clone(), title: None, country: None, head: false });
            }
        }
        if !matches!(chunks[ci].tag, Tag::Person(_)) {
            continue;
        }
        let mut title: Option<String> = None;
        let mut country: Option<usize> = None;
        // walk left over adjacent title/demonym/country chunks
        let mut j = ci;
        let mut expect = chunks[ci].start;
        while j > 0 {
            let prev = &chunks[j - 1];
            let gap_ok = prev.end == expect
                || (prev.end + 1 == expect && matches!(word(prev.end), "'s" | "\u{2019}s" | "'" | "-"));
            if !gap_ok {
                break;
            }
            match &prev.tag {
                Tag::Title(t) if title.is_none() => title = Some(t.clone()),
                Tag::Title(_) | Tag::Honorific => {}
                Tag::Demonym(c) | Tag::Country(c) => country = country.or(Some(*c)),
                _ => break,
            }
            expect = prev.start;
            j -= 1;
        }
        // apposition: "Name, title ... Country's ...,"
        if title.is_none() && tokens.get(chunks[ci].end).is_some_and(|t| word_is(text, t, ",")) {
            let mut k = ci + 1;
            let limit = (chunks[ci].end + 16).min(tokens.len());
            let close =
                (chunks[ci].end + 1..limit).find(|&t| matches!(word(t), "," | "." | ";" | "(")).unwrap_or(limit);
            while k < chunks.len() && chunks[k].start < close {
                match &chunks[k].tag {
                    Tag::Title(t) if title.is_none() => title = Some(t.clone()),
                    Tag::Demonym(c) | Tag::Country(c) | Tag::Capital(c) if country.is_none() => country = Some(*c),
                    Tag::Person(_) => break,
                    _ => {}
                }
                k += 1;
            }
            // lowercase role words in the apposition: "a research fellow", "director-general"
            if title.is_none() {
                let role = (chunks[ci].end + 1..close).map(word).find(|w| {
                    let l = w.to_lowercase();
                    lex.role_nouns.contains(&l) || l.contains("minister") || l.contains("director")
                });
                title = role.map(str::to_string);
            }
        }
        if let Tag::Person(p) = &mut chunks[ci].tag {
            p.head = title.as_deref().is_some_and(|t| heads.get(t).copied().unwrap_or(false));
            p.title = title;
            p.country = country;
        }
    }
}

fn word_is(text: &str, t: &Token, w: &str) -> bool {
    &text[t.span.start..t.span.end] == w
}

/// The actor kind a tag names, when it can be a participant.
pub fn actor_kind(tag: &Tag) -> Option<ActorKind> {
    match tag {
        Tag::Person(_) => Some(ActorKind::Person),
        Tag::Country(_) | Tag::Capital(_) | Tag::Metonym(_) => Some(ActorKind::Country),
        Tag::Org(_) | Tag::OrgName(_) => Some(ActorKind::Organization),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Names across documents: one key per spelling family, and the rules that
// accept or refuse treating two person records as one real person.

/// The words of a person's name as keys: each word folded (case, diacritics,
/// inner hyphens and apostrophes) and mapped through the romanization
/// variants of `data/lexicon.ron` ("Sergey" -> "sergei"). Honorifics and
/// trailing periods of initials are dropped.
pub fn name_words(name: &str) -> Vec<String> {
    let lex = lexicon();
    name.split_whitespace()
        .filter(|w| {
            !matches!(w.trim_end_matches('.').to_lowercase().as_str(), "mr" | "mrs" | "ms" | "dr" | "jr" | "sr")
        })
        .map(|w| {
            let f = crate::coref::fold(w);
            lex.variants.get(&f).cloned().unwrap_or(f)
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// The key two spellings of one name share: "Lee Jae-myung", "Lee Jae Myung"
/// and "LEE JAE-MYUNG" give one key, "Sergei Lavrov" and "Sergey Lavrov"
/// another, "Erdoğan" and "Erdogan" a third. Spacing inside a name does not
/// matter ("Kim Jong Un" = "Kim Jong-un").
pub fn name_key(name: &str) -> String {
    let joined = name_words(name).concat();
    // a hyphen-split given name may itself be a listed variant ("jongun")
    lexicon().variants.get(&joined).cloned().unwrap_or(joined)
}

/// What one source says about a person, for deciding whether two records
/// are one real person.
#[derive(Debug, Clone, Copy, Default)]
pub struct PersonFacts<'a> {
    /// The name as written (full or one word).
    pub name: &'a str,
    /// ISO 3166 alpha-3 code of the person's country, when known.
    pub country: Option<&'a str>,
    /// Titles and roles the sources give ("President", "research fellow").
    pub titles: &'a [String],
    /// First and last document dates that name this person.
    pub seen: Option<(PartialDate, PartialDate)>,
}

/// Years two mentions of a one-word name may lie apart and still be
/// taken for the same holder of a role ("President Lee" in 2008 and 2025
/// are two presidents).
const SHORT_NAME_YEARS: i32 = 6;

fn title_level(t: &str) -> Option<(u8, bool)> {
    let lex = lexicon();
    let l = t.to_lowercase();
    let l = l.trim();
    lex.title_rank.get(l).copied().or_else(|| {
        // "South Korean President", "Deputy Foreign Minister": the longest known title inside
        lex.title_rank
            .iter()
            .filter(|(k, _)| l.ends_with(k.as_str()) && k.len() > 2)
            .max_by_key(|(k, _)| k.len())
            .map(|(_, v)| *v)
    })
}

/// Whether two role sets cannot belong to one person at one time: one side
/// holds a head-of-state or government title and every role of the other is
/// outside government (a company chairman, a research fellow, an unknown
/// role word).
fn roles_conflict(a: &[String], b: &[String]) -> bool {
    let head = |v: &[String]| v.iter().any(|t| title_level(t).is_some_and(|(_, h)| h));
    let lex = lexicon();
    let outside = |v: &[String]| {
        !v.is_empty()
            && v.iter().all(|t| {
                let l = t.to_lowercase();
                let last = l.rsplit(' ').next().unwrap_or("");
                lex.non_government.contains(&l)
                    || lex.non_government.contains(last)
                    || title_level(t).is_none_or(|(r, h)| !h && r <= 5)
            })
    };
    (head(a) && outside(b)) || (head(b) && outside(a))
}

fn is_initial(w: &str) -> bool {
    w.chars().count() == 1
}

fn word_matches(a: &str, b: &str) -> bool {
    a == b || (is_initial(a) && b.starts_with(a)) || (is_initial(b) && a.starts_with(b))
}

/// Whether `short` appears in `long` in order (initials match the words
/// they abbreviate).
fn subsequence(short: &[String], long: &[String]) -> bool {
    let mut it = long.iter();
    short.iter().all(|w| it.any(|l| word_matches(w, l)))
}

/// Whether two person records may be one real person.
///
/// Names decide first: the same key is the same name; a one-word name may
/// be the surname (last word), the first word (East Asian order: "Lee" of
/// "Lee Jae-myung") or a distinctive inner word ("Lula") of a full name;
/// two full names agree when one is the other with words left out
/// ("Tayyip Erdogan" / "Recep Tayyip Erdogan", "George Bush" / "George W.
/// Bush") and never when their given names differ ("Lee Jae-myung" /
/// "Lee Jae-yong"). Then facts may refuse: two known, different countries;
/// a head-of-state title on one side and only non-government roles on the
/// other; a one-word name seen years away from the full name's dates.
/// The caller still needs uniqueness ("Kim" next to several Kims stays
/// apart): this says *may*, not *must*.
pub fn same_person(a: &PersonFacts<'_>, b: &PersonFacts<'_>) -> bool {
    if let (Some(x), Some(y)) = (a.country, b.country) {
        if x != y {
            return false;
        }
    }
    if roles_conflict(a.titles, b.titles) {
        return false;
    }
    let (wa, wb) = (name_words(a.name), name_words(b.name));
    if wa.is_empty() || wb.is_empty() {
        return false;
    }
    if name_key(a.name) == name_key(b.name) {
        return true;
    }
    let (short, long) = if wa.len() <= wb.len() { (&wa, &wb) } else { (&wb, &wa) };
    if short.len() == 1 {
        let w = &short[0];
        let particle = lexicon().is_particle(w);
        let hit = !particle
            && !is_initial(w)
            && (long.first() == Some(w)
                || long.last() == Some(w)
                || long[1..long.len() - 1].iter().any(|x| x == w && x.len() > 3));
        if !hit {
            return false;
        }
        if let (Some((a0, a1)), Some((b0, b1))) = (a.seen, b.seen) {
            let gap = if a1 < b0 {
                b0.year - a1.year
            } else if b1 < a0 {
                a0.year - b1.year
            } else {
                0
            };
            if gap > SHORT_NAME_YEARS {
                return false;
            }
        }
        return true;
    }
    // two full names: same family name (first or last word), and the shorter
    // is the longer with words left out
    let same_family = word_matches(&short[0], &long[0]) || word_matches(short.last().unwrap(), long.last().unwrap());
    same_family && word_matches(short.last().unwrap(), long.last().unwrap()) && subsequence(short, long)
}

/// A name of an actor or place in a document, after in-document coreference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorMention {
    /// Byte offsets into the document text.
    pub span: Span,
    /// "person", "organization", "country", "location" (a city, region or
    /// venue), "nationality" (a demonym such as "Chinese").
    pub class: &'static str,
    /// The canonical name within the document ("Lee Jae-myung" for "Lee").
    pub name: String,
    /// Cross-document key: [`name_key`] for persons and unlisted
    /// organizations, the ISO code for countries, the gazetteer name for
    /// listed organizations.
    pub key: String,
    pub title: Option<String>,
    /// ISO 3166 alpha-3 of the actor's country, when known.
    pub country: Option<String>,
}

/// Every actor and place named in one document, resolved inside it: the
/// same clean -> segment -> tag -> coreference steps as [`crate::extract`].
/// Capitalized words that no rule places are left out.
pub fn document_mentions(text: &str) -> Vec<ActorMention> {
    let lex = lexicon();
    let (blocks, _) = crate::clean::clean(text);
    let sents = crate::segment::sentences(text, &blocks);
    let tokens: Vec<Vec<Token>> = sents.iter().map(|s| crate::segment::tokens(text, s.span)).collect();
    let mut chunks: Vec<Vec<Chunk>> = tokens.iter().map(|t| tag_sentence(text, t)).collect();
    {
        let mut view: Vec<crate::coref::SentenceChunks<'_>> = tokens
            .iter()
            .zip(chunks.iter_mut())
            .map(|(t, c)| crate::coref::SentenceChunks { tokens: t, chunks: c })
            .collect();
        crate::coref::resolve(text, &mut view);
    }
    let iso = |i: usize| Some(lex.country_iso3(i).to_string());
    let mut out = Vec::new();
    for c in chunks.into_iter().flatten() {
        let surface = &text[c.span.start..c.span.end];
        let (class, name, key, title, country) = match c.tag {
            Tag::Person(p) => {
                let key = name_key(&p.name);
                ("person", p.name, key, p.title, p.country.and_then(iso))
            }
            Tag::Country(i) | Tag::Capital(i) | Tag::Metonym(i) => {
                let class = if matches!(c.tag, Tag::Country(_)) { "country" } else { "location" };
                (class, lex.country_name(i).to_string(), lex.country_iso3(i).to_string(), None, iso(i))
            }
            Tag::City(i) => ("location", surface.to_string(), name_key(surface), None, iso(i)),
            Tag::Demonym(i) => {
                ("nationality", lex.country_name(i).to_string(), lex.country_iso3(i).to_string(), None, iso(i))
            }
            Tag::Org(i) => {
                let o = &lex.gazetteer.organizations[i];
                ("organization", o.name.clone(), name_key(&o.name), None, o.country.clone())
            }
            Tag::OrgName(n) => {
                let key = name_key(&n);
                ("organization", n, key, None, None)
            }
            Tag::Title(_) | Tag::Honorific | Tag::Unknown(_) => continue,
        };
        out.push(ActorMention { span: c.span, class, name, key, title, country });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::tokens;

    fn tags(text: &str) -> Vec<(String, Tag)> {
        let toks = tokens(text, Span::new(0, text.len()));
        tag_sentence(text, &toks).into_iter().map(|c| (text[c.span.start..c.span.end].to_string(), c.tag)).collect()
    }

    fn person(text: &str, name: &str) -> PersonName {
        tags(text)
            .into_iter()
            .find_map(|(_, t)| match t {
                Tag::Person(p) if p.name == name => Some(p),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no person {name} in {:?}", tags(text)))
    }

    #[test]
    fn titles_and_nationality() {
        let p = person("Chinese President Xi Jinping met Lula in Brasilia.", "Xi Jinping");
        assert_eq!(p.title.as_deref(), Some("President"));
        assert_eq!(lexicon().country_iso3(p.country.unwrap()), "CHN");
        assert!(p.head);
        let p = person("Russia's Foreign Minister Sergei Lavrov arrived.", "Sergei Lavrov");
        assert_eq!(lexicon().country_iso3(p.country.unwrap()), "RUS");
    }

    #[test]
    fn apposition_gives_title_and_country() {
        let p = person(
            "Liu Jinsong, director-general of Asian affairs at China's Foreign Ministry, said so.",
            "Liu Jinsong",
        );
        assert_eq!(lexicon().country_iso3(p.country.unwrap()), "CHN");
        assert!(p.title.is_some());
    }

    #[test]
    fn capitals_and_orgs() {
        let t = tags("Seoul urged Beijing and the Asan Institute for Policy Studies to act.");
        assert!(matches!(t[0].1, Tag::Capital(_)));
        // "Beijing" is listed as an alias of China too: either way it names the government
        assert!(matches!(t[1].1, Tag::Capital(_) | Tag::Country(_)));
        assert!(t.iter().any(|(s, tag)| s == "Asan Institute for Policy Studies" && matches!(tag, Tag::OrgName(_))));
    }
}
