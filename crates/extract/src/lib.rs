//! annals-extract: one article in, its interaction events out. No IO.
//!
//! The pipeline, one module per stage, every output keeping byte offsets
//! into the article text:
//! [`clean`] (drop web debris) -> [`segment`] (sentences, tokens) ->
//! [`time`] (TIMEX3 tagging against the document date) -> [`actors`]
//! (gazetteers + name rules) -> [`coref`] (short names to full names) ->
//! [`events`] (trigger frames, participants, place, date, status).
//!
//! ```
//! use annals_extract::{extract, model::{Document, PartialDate}};
//! let doc = Document {
//!     id: "example".into(),
//!     text: "Brazilian President Lula da Silva met Indian Prime Minister Narendra Modi in New Delhi on Tuesday.".into(),
//!     published: Some(PartialDate::ymd(2025, 3, 5)),
//!     ..Default::default()
//! };
//! let out = extract(&doc);
//! assert_eq!(out.mentions.len(), 1);
//! assert_eq!(out.mentions[0].date.unwrap().to_string(), "2025-03-04");
//! ```

pub mod actors;
pub mod clean;
pub mod coref;
pub mod events;
pub mod gazetteer;
pub mod html;
pub mod model;
pub mod place;
pub mod segment;
pub mod time;

use rustc_hash::FxHashSet as HashSet;

use model::{ArticleInfo, Document, EventMention, EventType, PartialDate, Participant, Span};

/// A stage that turns a document into events; the rule-based
/// [`RuleExtractor`] is the only one today, a learned one can sit beside it.
pub trait Extractor: Send + Sync {
    fn extract(&self, doc: &Document) -> Extraction;
}

/// The rules + lexicons + gazetteers extractor.
#[derive(Debug, Default, Clone, Copy)]
pub struct RuleExtractor;

impl Extractor for RuleExtractor {
    fn extract(&self, doc: &Document) -> Extraction {
        extract(doc)
    }
}

/// Everything one article yields.
#[derive(Debug, Clone)]
pub struct Extraction {
    pub info: ArticleInfo,
    pub mentions: Vec<EventMention>,
    pub timexes: Vec<time::Timex>,
    pub sentences: Vec<Span>,
    /// Actors named, with the kind and the words that name them.
    pub actors: Vec<Participant>,
    /// Things worth telling the user (no date found, nothing kept, ...).
    pub diagnostics: Vec<String>,
}

/// Run the whole pipeline on one document.
pub fn extract(doc: &Document) -> Extraction {
    let text = doc.text.as_str();
    let mut diagnostics = Vec::new();
    let (blocks, _stats) = clean::clean(text);
    let sents = segment::sentences(text, &blocks);
    let (date, date_inferred) = match doc.published {
        Some(d) => (Some(d), None),
        None => match time::infer_document_date(text) {
            Some(inf) => (Some(inf.date), Some(inf.reason)),
            None => {
                diagnostics.push("no document date in metadata or text: relative dates left unresolved".into());
                (None, None)
            }
        },
    };
    let published = date.and_then(|d| d.to_naive());
    let mut timexes = time::tagger().tag(text, published);
    // wire copy is dated where it was filed: "WASHINGTON, Feb. 28 (Xinhua) --"
    // in a story published on March 1 sets its "Friday" and "today"
    let dct = match dateline_anchor(text, &timexes, published) {
        Some(anchor) => {
            timexes = time::tagger().tag(text, Some(anchor));
            Some(anchor)
        }
        None => published,
    };
    let tokens: Vec<Vec<segment::Token>> = sents.iter().map(|s| segment::tokens(text, s.span)).collect();
    let mut chunks: Vec<Vec<actors::Chunk>> = tokens.iter().map(|t| actors::tag_sentence(text, t)).collect();
    {
        let mut view: Vec<coref::SentenceChunks<'_>> =
            tokens.iter().zip(chunks.iter_mut()).map(|(t, c)| coref::SentenceChunks { tokens: t, chunks: c }).collect();
        coref::resolve(text, &mut view);
    }
    let mut ctx = events::DocContext { dct, ..Default::default() };
    let lower = text.to_ascii_lowercase();
    let lex = actors::lexicon();
    let mut raw: Vec<(usize, events::RawEvent)> = Vec::new();
    let mut actor_list: Vec<Participant> = Vec::new();
    let mut tx_start = 0;
    for (si, s) in sents.iter().enumerate() {
        while tx_start < timexes.len() && timexes[tx_start].span.start < s.span.start {
            tx_start += 1;
        }
        let mut tx_end = tx_start;
        while tx_end < timexes.len() && timexes[tx_end].span.end <= s.span.end {
            tx_end += 1;
        }
        let input = events::SentenceInput {
            text,
            lower: &lower,
            span: s.span,
            headline: s.headline,
            tokens: &tokens[si],
            chunks: &chunks[si],
            timexes: &timexes[tx_start..tx_end],
        };
        for e in events::sentence_events(&input, &mut ctx) {
            raw.push((si, e));
        }
        for c in &chunks[si] {
            if let (Some(kind), actors::Tag::Person(p)) = (actors::actor_kind(&c.tag), &c.tag) {
                // a capitalized run in a Title Case headline ("Leaders Vow To Improve
                // Bilateral Ties"), or a pair of countries ("China-South Korea"), is no person
                let bare = p.title.is_none() && p.country.is_none();
                if bare && (title_case_line(text, c.span) || names_countries(&p.name)) {
                    continue;
                }
                actor_list.push(Participant {
                    name: p.name.clone(),
                    kind,
                    title: p.title.clone(),
                    country: p.country.map(|i| actors::lexicon().country_iso3(i).to_string()),
                    surface: text[c.span.start..c.span.end].to_string(),
                });
            }
            // countries by name and the organizations of the gazetteer are actors
            // too (a capital or a building only stands for a government when it acts)
            let other = match c.tag {
                actors::Tag::Country(i) => Some((
                    lex.country_name(i).to_string(),
                    model::ActorKind::Country,
                    Some(lex.country_iso3(i).to_string()),
                )),
                actors::Tag::Org(i) => {
                    let o = &lex.gazetteer.organizations[i];
                    Some((o.name.clone(), model::ActorKind::Organization, o.country.clone()))
                }
                _ => None,
            };
            if let Some((name, kind, country)) = other {
                actor_list.push(Participant {
                    name,
                    kind,
                    title: None,
                    country,
                    surface: text[c.span.start..c.span.end].to_string(),
                });
            }
        }
    }
    let raw: Vec<(usize, events::RawEvent, bool)> = raw
        .into_iter()
        .map(|(si, mut e)| {
            let weak = e.date.is_none();
            if weak {
                if let Some((d, why)) = context_date(&e, si, &sents, &timexes, text, dct) {
                    e.date = Some(d);
                    e.date_text = Some(why);
                    e.confidence = (e.confidence - 0.1).max(0.05);
                }
            }
            (si, e, weak)
        })
        .collect();
    let raw = same_occasion_dates(raw);
    let raw = arrival_dates(raw, text, &sents);
    let raw = nest_in_visits(raw, text);
    let mut mentions = merge_in_document(doc, text, &sents, raw);
    place_from_visits(&mut mentions);
    refine_places(&mut mentions, text, &sents, &tokens, &chunks, &timexes);
    possessive_day(&mut mentions, text, &timexes);
    let info = ArticleInfo {
        id: doc.id.clone(),
        date,
        date_inferred,
        source: doc.source.clone(),
        url: doc.url.clone(),
        title: doc.title.clone(),
        content_hash: content_hash(text),
        minhash: minhash(text),
        sentences: sents.len(),
        chars: text.chars().count(),
    };
    if sents.is_empty() {
        diagnostics.push("no article text left after cleaning".into());
    }
    Extraction {
        info,
        mentions,
        timexes,
        sentences: sents.iter().map(|s| s.span).collect(),
        actors: actor_list,
        diagnostics,
    }
}

/// "Tech leaders, including X, Y and Z, met Modi on Tuesday ... X said he
/// had a deep discussion with Modi": a meeting with no date of its own whose
/// people all took part in one dated meeting or call of the same article was
/// part of it, and takes its day; so does a larger meeting that two of them
/// had on that day ("X met Y along with Z"). Two different dated candidates
/// leave it alone.
fn same_occasion_dates(mut raw: Vec<(usize, events::RawEvent, bool)>) -> Vec<(usize, events::RawEvent, bool)> {
    let meetlike = |k: EventType| matches!(k, EventType::Meet | EventType::Call | EventType::Host);
    let mut updates = Vec::new();
    for (i, (_, e, weak)) in raw.iter().enumerate() {
        let own_day = e.date.is_some_and(|d| d.day.is_some()) && !*weak;
        if !*weak || own_day || !meetlike(e.kind) || e.status != model::Status::Occurred {
            continue;
        }
        let mine = folded_names(&e.participants);
        let found = raw
            .iter()
            .filter(|(_, o, o_weak)| {
                !*o_weak
                    && meetlike(o.kind)
                    && o.status == model::Status::Occurred
                    && o.date.is_some_and(|d| d.day.is_some())
            })
            // all of its people there, or two of them when it has more ("X met Y along
            // with Z" after "X and Y shared a fist bump on Friday")
            .filter(|(_, o, _)| {
                let theirs = folded_names(&o.participants);
                mine.is_subset(&theirs) || mine.len() > 2 && mine.intersection(&theirs).count() >= 2
            })
            .map(|(_, o, _)| (o.date.expect("dated"), o.date_text.clone()));
        if let Some((d, why)) = only_one(found, |a, b| a.0 == b.0) {
            if e.date.is_none_or(|own| own.compatible(&d)) {
                updates.push((i, d, why));
            }
        }
    }
    for (i, d, why) in updates {
        let e = &mut raw[i].1;
        e.date = Some(d);
        e.date_text = Some(format!("(same occasion: {})", why.unwrap_or_default()));
    }
    raw
}

/// "Xi was welcomed at Paris Orly Airport by Prime Minister Attal": a
/// meeting at an airport with no date of its own is the traveller's arrival,
/// and takes the day of the one dated arrival (an occurred visit) this
/// article reports for a participant.
fn arrival_dates(
    mut raw: Vec<(usize, events::RawEvent, bool)>,
    text: &str,
    sents: &[segment::Sentence],
) -> Vec<(usize, events::RawEvent, bool)> {
    let mut updates = Vec::new();
    for (i, (si, e, weak)) in raw.iter().enumerate() {
        let sentence = &text[sents[*si].span.start..sents[*si].span.end];
        let at_airport = sentence.to_lowercase().contains("airport");
        if !*weak || e.date.is_some_and(|d| d.day.is_some()) || !at_airport || e.kind == EventType::Call {
            continue;
        }
        let people = folded_names(&e.participants);
        let arrivals = raw.iter().filter_map(|(_, v, v_weak)| {
            let arrived = v.kind == EventType::Visit && v.status == model::Status::Occurred && !*v_weak;
            let traveller = v.participants.first().is_some_and(|p| people.contains(&coref::fold(&p.name)));
            v.date.filter(|d| arrived && traveller && d.day.is_some())
        });
        if let Some(d) = only_one(arrivals, |a, b| a == b) {
            if e.date.is_none_or(|own| own.compatible(&d)) {
                updates.push((i, d));
            }
        }
    }
    for (i, d) in updates {
        let e = &mut raw[i].1;
        e.date = Some(d);
        e.date_text = Some("(arrival)".to_string());
    }
    raw
}

/// Events "during his visit" happen inside that visit: an event whose
/// sentence opens with such a phrase, and whose date came from context
/// only, takes the date and (if it has none) the destination of the last
/// visit this article reported for one of its participants.
fn nest_in_visits(mut raw: Vec<(usize, events::RawEvent, bool)>, text: &str) -> Vec<(usize, events::RawEvent, bool)> {
    const NESTING: &[&str] = &[
        "during his visit",
        "during her visit",
        "during the visit",
        "during his trip",
        "during her trip",
        "during the trip",
        "during his stay",
        "during her stay",
        "while in",
        "during his state visit",
    ];
    let mut last_visits: Vec<(Vec<String>, Option<PartialDate>, Option<String>)> = Vec::new();
    for (_, e, weak) in raw.iter_mut() {
        let names: Vec<String> = e.participants.iter().map(|p| coref::fold(&p.name)).collect();
        if e.kind == model::EventType::Visit {
            last_visits.push((names, e.date, e.place.clone()));
            continue;
        }
        let head = &text[e.trigger.start.saturating_sub(400)..e.trigger.start].to_lowercase();
        let sentence_head = head.rsplit(['.', '\n']).next().unwrap_or("");
        if !*weak || !NESTING.iter().any(|n| sentence_head.contains(n)) {
            continue;
        }
        if let Some((_, d, p)) = last_visits.iter().rev().find(|(v, _, _)| v.iter().any(|n| names.contains(n))) {
            if d.is_some() {
                e.date = *d;
                e.date_text = Some("(during the visit)".into());
            }
            if e.place.is_none() {
                e.place = p.clone();
            }
        }
    }
    raw
}

/// The date of a dateline ("WASHINGTON, Feb. 28 (Xinhua) --": an upper-case
/// place and a comma at the start of a line near the top) when it is one to
/// three days before the publication date: the day the story was filed,
/// which its relative dates count from.
fn dateline_anchor(
    text: &str,
    timexes: &[time::Timex],
    published: Option<chrono::NaiveDate>,
) -> Option<chrono::NaiveDate> {
    let published = published?;
    timexes.iter().take_while(|t| t.span.start < 2000).find_map(|t| {
        let place = time::dateline_place(text, t.span.start)?;
        if place.chars().filter(|c| c.is_alphabetic()).count() < 3 {
            return None;
        }
        let d = t.date().filter(|d| d.day.is_some())?.to_naive()?;
        (1..=3).contains(&(published - d).num_days()).then_some(d)
    })
}

/// "Lee last met Xi on November 1 ... in South Korea" and, elsewhere in the
/// article, "Xi, accompanied by Lee, reviews a guard of honour in Gyeongju,
/// South Korea, on November 1": an event placed only in a country (or not at
/// all) takes the town of another sentence that names all its people, the
/// same day and a town of that country.
fn refine_places(
    mentions: &mut [EventMention],
    text: &str,
    sents: &[segment::Sentence],
    tokens: &[Vec<segment::Token>],
    chunks: &[Vec<actors::Chunk>],
    timexes: &[time::Timex],
) {
    let lex = actors::lexicon();
    for m in mentions.iter_mut() {
        let Some(day) = m.date.filter(|d| d.day.is_some()) else { continue };
        let country = match m.place.as_deref() {
            Some(p) if place::is_country(p) => place::country_of(p).map(str::to_string),
            Some(_) => continue,
            None => None,
        };
        let people = folded_names(&m.participants);
        // a call has no venue
        if people.len() < 2
            || m.kind == EventType::Call
            || m.participants.iter().any(|p| p.kind != model::ActorKind::Person)
        {
            continue;
        }
        let mut towns: Vec<String> = Vec::new();
        for (si, s) in sents.iter().enumerate() {
            let named: HashSet<String> = chunks[si]
                .iter()
                .filter_map(|c| match &c.tag {
                    actors::Tag::Person(p) => Some(coref::fold(&p.name)),
                    _ => None,
                })
                .collect();
            let same_day =
                timexes.iter().filter(|t| s.span.contains(t.span)).any(|t| events::event_date(t) == Some(day));
            // another sentence: its own sentence already gave what place it has
            if !same_day || !people.is_subset(&named) || s.span.contains(m.evidence) {
                continue;
            }
            for c in &chunks[si] {
                let k = match c.tag {
                    actors::Tag::City(k) | actors::Tag::Capital(k) => k,
                    _ => continue,
                };
                let iso = lex.country_iso3(k);
                let preceded = c.start > 0
                    && tokens[si]
                        .get(c.start - 1)
                        .is_some_and(|t| matches!(&text[t.span.start..t.span.end], "in" | "at" | "to" | "central"));
                if preceded && country.as_deref().is_none_or(|cc| cc == iso) {
                    let town = text[c.span.start..c.span.end].to_string();
                    if !towns.contains(&town) {
                        towns.push(town);
                    }
                }
            }
        }
        if let [town] = towns.as_slice() {
            m.place = Some(town.clone());
        }
    }
}

/// The folded names of an event's participants.
fn folded_names(parts: &[Participant]) -> HashSet<String> {
    parts.iter().map(|p| coref::fold(&p.name)).collect()
}

/// The one value `items` yields, when all it yields are the same (by `same`);
/// none when it yields nothing or two different values.
fn only_one<T>(items: impl IntoIterator<Item = T>, same: impl Fn(&T, &T) -> bool) -> Option<T> {
    let mut items = items.into_iter();
    let first = items.next()?;
    items.all(|x| same(&x, &first)).then_some(first)
}

/// Whether the line around `span` is in Title Case: at least four words of
/// four letters or more, four in five of them capitalized.
pub(crate) fn title_case_line(text: &str, span: Span) -> bool {
    // a headline is short: look no further than 300 bytes either side
    const HEADLINE: usize = 300;
    let mut lo = span.start.saturating_sub(HEADLINE);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (span.end + HEADLINE).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    let start = match text[lo..span.start].rfind('\n') {
        Some(p) => lo + p + 1,
        None if lo == 0 => 0,
        None => return false,
    };
    let end = match text[span.end..hi].find('\n') {
        Some(p) => span.end + p,
        None if hi == text.len() => hi,
        None => return false,
    };
    // a line that ends as a sentence does ("... on Wednesday.") is prose,
    // however many names it holds
    if text[start..end].trim_end().ends_with(['.', '!', '?']) {
        return false;
    }
    let (mut words, mut caps) = (0usize, 0usize);
    for w in text[start..end].split(|c: char| !c.is_alphanumeric() && c != '-') {
        if w.chars().nth(3).is_some() {
            words += 1;
            caps += usize::from(w.chars().next().is_some_and(char::is_uppercase));
        }
    }
    words >= 4 && caps * 5 >= words * 4
}

/// "China-South Korea": a name made of country names.
fn names_countries(name: &str) -> bool {
    let lex = actors::lexicon();
    name.split(['-', ' ']).any(|part| lex.country_by_word.contains_key(&part.to_lowercase()))
        && name.split('-').all(|part| lex.country_by_word.contains_key(&part.trim().to_lowercase()))
}

/// "In a readout of Wednesday's phone call, ...": a day named as the
/// possessor of a call or meeting noun dates the article's one call (or
/// meeting) that has no day of its own, when its month agrees.
fn possessive_day(mentions: &mut [EventMention], text: &str, timexes: &[time::Timex]) {
    const NOUNS: &[(EventType, &[&str])] = &[
        (EventType::Call, &["phone call", "telephone call", "video call", "call", "phone conversation"]),
        (EventType::Meet, &["meeting", "talks", "summit", "bilateral meeting"]),
    ];
    for (kind, nouns) in NOUNS {
        let days = timexes.iter().filter_map(|t| {
            let d = events::event_date(t).filter(|d| d.day.is_some())?;
            let after = &text[t.span.end..];
            let rest = after.strip_prefix("'s ").or_else(|| after.strip_prefix("\u{2019}s "))?.to_lowercase();
            let names_event =
                nouns.iter().any(|n| rest.starts_with(n) && !rest[n.len()..].starts_with(char::is_alphanumeric));
            names_event.then(|| (d, &text[t.span.start..t.span.end]))
        });
        let Some((day, words)) = only_one(days, |a, b| a.0 == b.0) else { continue };
        let mut open = mentions.iter_mut().filter(|m| m.kind == *kind && m.date.is_none_or(|d| d.day.is_none()));
        let (Some(m), None) = (open.next(), open.next()) else { continue };
        if m.date.is_none_or(|own| own.compatible(&day)) {
            m.date = Some(day);
            m.date_text = Some(format!("({words}'s)"));
        }
    }
}

/// Words that set an undated event in the past, away from the news peg.
const PAST_CUES: &[&str] = &[
    "last",
    "previous",
    "previously",
    "earlier",
    "former",
    "formerly",
    "then",
    "then-",
    "ago",
    "once",
    "history",
    "historic",
    "historically",
    "anniversary",
    "since",
    "predecessor",
    "decades",
    "years",
    "past",
    "first-ever",
    "years-long",
    "used",
    "had",
];

/// Where the traveller is: an event with no place of its own, sharing a
/// participant with a dated visit (occurred or planned) this article reported
/// before it at a compatible date, happens at that visit's destination (the
/// most specific one when the article names both "China" and "Beijing").
fn place_from_visits(mentions: &mut [EventMention]) {
    // where people were, and for how long: a visit covers a week from its
    // first day, any other event with a place its own day and the two after
    let stays: Vec<(Vec<String>, PartialDate, i64, String, usize)> = mentions
        .iter()
        .filter(|m| matches!(m.status, model::Status::Occurred | model::Status::Planned))
        .filter_map(|m| {
            let names = m.participants.iter().map(|p| coref::fold(&p.name)).collect();
            let days = if m.kind == model::EventType::Visit { 7 } else { 2 };
            Some((names, m.date?, days, m.place.clone()?, m.trigger.start))
        })
        .collect();
    let covers = |d: &PartialDate, days: i64, date: &PartialDate| match (d.precision(), date.precision()) {
        (3, 3) => {
            let (a, b) = (d.interval().0, date.interval().0);
            b >= a && (b - a).num_days() <= days
        }
        _ => d.compatible(date),
    };
    for m in mentions.iter_mut().filter(|m| m.kind != model::EventType::Visit && m.place.is_none()) {
        let Some(date) = m.date else { continue };
        let names: Vec<String> = m.participants.iter().map(|p| coref::fold(&p.name)).collect();
        let mut found: Vec<&String> = stays
            .iter()
            .filter(|(v, d, days, _, at)| {
                *at < m.trigger.start && v.iter().any(|n| names.contains(n)) && covers(d, *days, &date)
            })
            .map(|(_, _, _, p, _)| p)
            .collect();
        // a city before a country
        found.sort_by_key(|p| place::is_country(p));
        if let Some(p) = found.first() {
            m.place = Some((*p).clone());
        }
    }
}

/// How far from the document date a date may be and still serve as the
/// narrative time of an undated event.
const NARRATIVE_WINDOW_DAYS: i64 = 45;

/// The date an undated event takes from its context: the nearest date
/// expression before it in its sentence or the one before (the narrative
/// time: "On Sunday, Xi arrived in Paris. He was welcomed by ..."), when that
/// date is near the document date; failing that, for the headline and lead
/// (the news peg), the document date's month. Anything else stays undated.
fn context_date(
    e: &events::RawEvent,
    si: usize,
    sents: &[segment::Sentence],
    timexes: &[time::Timex],
    text: &str,
    dct: Option<chrono::NaiveDate>,
) -> Option<(PartialDate, String)> {
    let lo = sents[si.saturating_sub(1)].span.start;
    let near = |d: &PartialDate| {
        dct.is_none_or(|c| {
            let (b, end) = d.interval();
            let w = chrono::Duration::days(NARRATIVE_WINDOW_DAYS);
            end >= c - w && b <= c + w && d.precision() >= 2
        })
    };
    // the tagger reports expressions in text order: look at the window only
    let between = |a: usize, b: usize| {
        let from = timexes.partition_point(|t| t.span.start < a);
        &timexes[from..timexes.partition_point(|t| t.span.start < b).max(from)]
    };
    let from_context = between(lo, e.trigger.start)
        .iter()
        .filter(|t| t.span.end <= e.trigger.start)
        // "Saturday marks the 20th anniversary of ...": that date is not the event's
        .filter(|t| !text[t.span.end..e.trigger.start].contains("anniversary"))
        .filter_map(|t| events::event_date(t).filter(near).map(|d| (d, t)))
        // a plan does not happen on a day already past ("landed on Wednesday ...
        // a tour which includes a stop in Hanoi")
        // nor has a thing that happened a day still to come
        .rfind(|(d, _)| match e.status {
            model::Status::Planned => dct.is_none_or(|c| d.interval().1 >= c),
            model::Status::Occurred => dct.is_none_or(|c| d.interval().0 <= c),
            _ => true,
        })
        .map(|(d, t)| (d, format!("(context: {})", &text[t.span.start..t.span.end])));
    from_context.or_else(|| {
        // news reports the present: an undated event told as happening or
        // planned, with nothing in its sentence that sets it in the past
        // ("last", "former", "ago", a distant year), is of the document's month
        let sentence = &text[sents[si].span.start..e.trigger.start.max(sents[si].span.start)];
        let lower = sentence.to_lowercase();
        let past = lower.split(|ch: char| !ch.is_alphanumeric() && ch != '-').any(|w| PAST_CUES.contains(&w));
        let distant = between(sents[si].span.start, sents[si].span.end).iter().any(|t| {
            sents[si].span.contains(t.span)
                && t.date().is_some_and(|d| {
                    // "this year" is no distant date
                    let same_year = d.month.is_none() && dct.is_some_and(|c| chrono::Datelike::year(&c) == d.year);
                    !same_year && !near(&PartialDate { day: None, ..d }) && d.year > 1000
                })
        });
        let current = matches!(e.status, model::Status::Occurred | model::Status::Planned);
        let c = dct.filter(|_| current && (si < 3 || !past && !distant))?;
        let d = PartialDate::from_naive(c);
        Some((PartialDate::ym(d.year, d.month?), "(document month)".to_string()))
    })
}

/// Within one article, reports of the same event (same type and
/// participants, compatible dates) are one mention: the first sentence that
/// states it is the evidence, later ones may add a date or a place.
fn merge_in_document(
    doc: &Document,
    text: &str,
    sents: &[segment::Sentence],
    raw: Vec<(usize, events::RawEvent, bool)>,
) -> Vec<EventMention> {
    // whether each output mention's date came from context only
    let mut weak: Vec<bool> = Vec::new();
    let mut out: Vec<EventMention> = Vec::new();
    let key = |parts: &[Participant]| {
        let mut k: Vec<String> = parts.iter().map(|p| coref::fold(&p.name)).collect();
        k.sort();
        k
    };
    // "a conversation" of two people the article says spoke by phone is that call
    let conversation = |span: Span| {
        let w = text[span.start..span.end].to_lowercase();
        w == "conversation" || w == "conversations"
    };
    let call_keys: Vec<Vec<String>> =
        raw.iter().filter(|(_, e, _)| e.kind == EventType::Call).map(|(_, e, _)| key(&e.participants)).collect();
    for (si, mut e, e_weak) in raw {
        let k = key(&e.participants);
        if e.kind == EventType::Meet && conversation(e.trigger) && call_keys.contains(&k) {
            e.kind = EventType::Call;
        }
        let same = out.iter_mut().enumerate().find(|(i, m)| {
            let loose = weak[*i] || e_weak;
            m.kind == e.kind
                && key(&m.participants) == k
                && match (m.date, e.date) {
                    (Some(a), Some(b)) => loose || a.compatible(&b),
                    _ => true,
                }
                && (m.status == e.status
                    || m.date.is_some() && m.date == e.date && !loose
                    // a stop still ahead of a traveller already there: "lands in
                    // Beijing" then "a trip which includes two days in Beijing"
                    || m.kind == EventType::Visit
                        && m.status == model::Status::Occurred
                        && e.status == model::Status::Planned
                        && m.place.is_some()
                        && matches!((m.date, e.date), (Some(a), Some(b)) if a.compatible(&b)))
                && same_place(m.kind, m.place.as_deref(), e.place.as_deref())
        });
        if let Some((i, m)) = same {
            if let Some(d) = e.date {
                let replaces =
                    if weak[i] != e_weak { weak[i] } else { m.date.is_none_or(|md| d.precision() > md.precision()) };
                if replaces {
                    weak[i] = e_weak;
                    m.date = Some(d);
                    m.date_text = e.date_text.clone();
                }
            }
            if m.place.is_none() {
                m.place = e.place.clone();
            }
            // a firmer statement wins: occurred over planned, anything over proposed
            if e.status == model::Status::Occurred && m.status == model::Status::Planned && e.date.is_some() {
                m.status = e.status;
            }
            m.confidence = m.confidence.max(e.confidence);
            continue;
        }
        let s = sents[si].span;
        weak.push(e_weak);
        out.push(EventMention {
            doc: doc.id.clone(),
            kind: e.kind,
            participants: e.participants,
            date: e.date,
            date_text: e.date_text,
            place: e.place,
            status: e.status,
            confidence: e.confidence,
            evidence: s,
            evidence_text: text[s.start..s.end].to_string(),
            trigger: e.trigger,
        });
    }
    out
}

/// Whether two places named in one article can be the same event's: one
/// missing, the same words, or (except for visits, whose legs differ by
/// destination) a city and its country.
fn same_place(kind: model::EventType, a: Option<&str>, b: Option<&str>) -> bool {
    let (Some(a), Some(b)) = (a, b) else { return true };
    let (fa, fb) = (coref::fold(a), coref::fold(b));
    if fa == fb || fa.contains(&fb) || fb.contains(&fa) {
        return true;
    }
    if kind == model::EventType::Visit {
        // a visit to China and one to Beijing are one trip; one to Shanghai is another leg
        return place::country_and_capital(a, b);
    }
    place::places_compatible(Some(a), Some(b))
}

/// FNV-1a, 64 bits, hex: a content fingerprint, stable across builds.
pub fn content_hash(text: &str) -> String {
    format!("{:016x}", fnv1a(text.as_bytes(), 0))
}

fn fnv1a(bytes: &[u8], seed: u64) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325 ^ seed.wrapping_mul(0x9E3779B97F4A7C15);
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// Size of a text's MinHash sketch (see [`minhash`]).
pub const MINHASH_K: usize = 64;

/// A bottom-k MinHash sketch of the text's lowercased word 5-shingles: the
/// [`MINHASH_K`] smallest distinct shingle hashes, ascending (all of them for
/// a short text). Two articles whose sketches mostly agree share most of
/// their text (syndicated copies); see [`minhash_similarity`].
///
/// One hash per shingle and a rare insertion into a 64-value list: about ten
/// times cheaper than 64 hash functions per shingle, and exact for texts of
/// fewer than 64 shingles.
pub fn minhash(text: &str) -> Vec<u32> {
    let mut sketch: Vec<u32> = Vec::with_capacity(MINHASH_K + 1);
    let mut window = [0u64; 5];
    let mut n = 0usize;
    // the five words in text order, oldest first, folded as
    // rotl(w0, 52) ^ rotl(w1, 39) ^ rotl(w2, 26) ^ rotl(w3, 13) ^ w4,
    // kept rolling: a word in rotates all by 13, the oldest leaves at 65 = 1
    let mut base = 0u64;
    let mut add_word = |h: u64| {
        let oldest = std::mem::replace(&mut window[n % 5], h);
        base = base.rotate_left(13) ^ oldest.rotate_left(1) ^ h;
        n += 1;
        if n < 5 {
            return;
        }
        let h = (base ^ (base >> 29)).wrapping_mul(0xff51afd7ed558ccd);
        let v = (h ^ (h >> 32)) as u32;
        if sketch.len() == MINHASH_K && v >= sketch[MINHASH_K - 1] {
            return;
        }
        if let Err(at) = sketch.binary_search(&v) {
            sketch.insert(at, v);
            sketch.truncate(MINHASH_K);
        }
    };
    // hash each lowercased word once (FNV-1a over its characters); a
    // shingle's hash combines five of them.
    const FNV: u64 = 0xcbf29ce484222325;
    let fnv = |h: u64, c: u64| (h ^ c).wrapping_mul(0x100000001b3);
    // ASCII bytes through a table (lower-case letter or digit, 0 for
    // anything else); other characters decoded one by one
    const ASCII: [u8; 128] = {
        let mut t = [0u8; 128];
        let mut b = 0;
        while b < 128 {
            let c = b as u8;
            if c.is_ascii_alphanumeric() {
                t[b] = c.to_ascii_lowercase();
            }
            b += 1;
        }
        t
    };
    let (mut h, mut in_word) = (FNV, false);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (alnum, step) = if b < 0x80 {
            let l = ASCII[b as usize];
            if l != 0 {
                h = fnv(h, l as u64);
            }
            (l != 0, 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            if c.is_alphanumeric() {
                h = c.to_lowercase().fold(h, |h, l| fnv(h, l as u64));
            }
            (c.is_alphanumeric(), c.len_utf8())
        };
        i += step;
        if alnum {
            in_word = true;
        } else if in_word {
            add_word(h);
            h = FNV;
            in_word = false;
        }
    }
    if in_word {
        add_word(h);
    }
    sketch
}

/// Estimated shingle Jaccard similarity of two texts from their [`minhash`]
/// sketches: among the [`MINHASH_K`] smallest hashes of both texts together,
/// the share found in both sketches (exact when both texts are short).
pub fn minhash_similarity(a: &[u32], b: &[u32]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let sorted = |x: &[u32]| {
        let mut v = x.to_vec();
        v.sort_unstable();
        v.dedup();
        v
    };
    let (a, b) = (sorted(a), sorted(b));
    let (mut i, mut j, mut union, mut both) = (0, 0, 0usize, 0usize);
    while union < MINHASH_K && (i < a.len() || j < b.len()) {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x == y => {
                both += 1;
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x < y => i += 1,
            (Some(_), None) => i += 1,
            _ => j += 1,
        }
        union += 1;
    }
    both as f32 / union as f32
}

/// Parse a document date given as text in metadata.
pub fn parse_published(s: &str) -> Option<PartialDate> {
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case_lines_and_country_pairs() {
        let text = "Talks Likely to Improve Bilateral Ties, Officials Say\nThe minister met Ana Duarte.";
        let at = |w: &str| {
            let s = text.find(w).expect("word");
            Span::new(s, s + w.len())
        };
        assert!(title_case_line(text, at("Improve Bilateral")));
        assert!(!title_case_line(text, at("Ana Duarte")));
        // a sentence full of names is still prose when it ends as one
        let prose = "Kenyan President Tinubu Welcomed Ghanaian Leader John Mahama Wednesday.";
        assert!(!title_case_line(prose, Span::new(prose.find("John").expect("name"), prose.len() - 1)));
        assert!(names_countries("China-South Korea"));
        assert!(!names_countries("Lee Jae-myung"));
        assert!(!names_countries("Georgia Meloni"));
    }

    #[test]
    fn minhash_estimates_shingle_overlap() {
        let a = "the two ministers met in the capital on tuesday and agreed to share border data";
        assert_eq!(minhash_similarity(&minhash(a), &minhash(a)), 1.0);
        // short texts are compared exactly: 6 shared shingles, 14 in all
        let b = "the two ministers met in the capital on tuesday and signed a deal";
        let s = minhash_similarity(&minhash(a), &minhash(b));
        assert!((s - 6.0 / 14.0).abs() < 1e-6, "{s}");
        // long texts: one changed sentence among many keeps them near-identical
        let body: String =
            (0..300).map(|i| format!("Sentence {i} of the wire report tells part {}. ", i * 7)).collect();
        let edited = body.replace("Sentence 150 of the wire report", "A different line of the local edition");
        let s = minhash_similarity(&minhash(&body), &minhash(&edited));
        assert!(s > 0.9, "{s}");
        let other: String = (0..300).map(|i| format!("Another story {i} about markets {}. ", i * 3)).collect();
        assert!(minhash_similarity(&minhash(&body), &minhash(&other)) < 0.1);
        assert_eq!(minhash_similarity(&minhash("too short"), &minhash("too short")), 0.0);
        assert!(minhash(&body).len() == MINHASH_K && minhash(&body).windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn dateline_within_three_days_anchors_relative_dates() {
        let text = "Headline\n\nROME, Feb. 28 (Agency) -- The two met on Friday.";
        let published = chrono::NaiveDate::from_ymd_opt(2025, 3, 1);
        let timexes = time::tagger().tag(text, published);
        assert_eq!(dateline_anchor(text, &timexes, published), chrono::NaiveDate::from_ymd_opt(2025, 2, 28));
        let late = chrono::NaiveDate::from_ymd_opt(2025, 3, 10);
        let timexes = time::tagger().tag(text, late);
        assert_eq!(dateline_anchor(text, &timexes, late), None);
    }
}
