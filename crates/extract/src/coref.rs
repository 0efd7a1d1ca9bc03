//! In-document coreference for persons.
//!
//! One pass collects every full name (two words or more) with its titles and
//! country; a second pass rewrites short forms to the full name:
//! - a variant spelling ("Lee Jae Myung" / "Lee Jae-myung") is folded;
//! - a single name ("Lee", "President Lee") becomes the full name that has it
//!   as its first or last word, preferring the person named most often and
//!   then one with a head-of-state title; two equally likely people leave it
//!   unresolved;
//! - "the Chinese leader", "his South Korean counterpart" become the person of
//!   that nationality named most recently (with a head title for "leader").
//!   Pronouns are handled by the event layer, which knows the clause subject.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::actors::{lexicon, Chunk, PersonName, Tag};
use crate::segment::{lower, Lower, Token};

/// Fold case, spaces, hyphens and diacritics-free punctuation.
pub fn fold(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    // ASCII decomposes to itself: skip the normalizer (most names)
    if name.is_ascii() {
        return name.bytes().filter(u8::is_ascii_alphanumeric).map(|b| b.to_ascii_lowercase() as char).collect();
    }
    name.nfkd()
        .filter(|c| c.is_alphanumeric())
        .flat_map(|c| c.to_lowercase())
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
}

#[derive(Debug, Clone, Default)]
struct Person {
    /// surface -> count, to pick the canonical spelling
    spellings: HashMap<String, usize>,
    count: usize,
    title: Option<String>,
    country: Option<usize>,
    head: bool,
    first_word: String,
    last_word: String,
    /// inner words ("Lula" in "Luiz Inacio Lula da Silva")
    inner: Vec<String>,
    /// order of first mention in the article
    first: usize,
}

impl Person {
    /// The person as a tag of the chunks that name them.
    fn tag(&self) -> Tag {
        Tag::Person(PersonName {
            name: self.canonical(),
            title: self.title.clone(),
            country: self.country,
            head: self.head,
        })
    }

    fn canonical(&self) -> String {
        let mut v: Vec<(&String, &usize)> = self.spellings.iter().collect();
        // most frequent; ties: hyphenated ("Jae-myung"), then alphabetical
        v.sort_by(|a, b| b.1.cmp(a.1).then(b.0.contains('-').cmp(&a.0.contains('-'))).then(a.0.cmp(b.0)));
        v.first().map(|(s, _)| (*s).clone()).unwrap_or_default()
    }
}

/// One sentence's tagged material, as coref and events see it.
pub struct SentenceChunks<'a> {
    pub tokens: &'a [Token],
    pub chunks: &'a mut Vec<Chunk>,
}

/// Resolve persons across the sentences of one document, in place.
pub fn resolve(text: &str, sentences: &mut [SentenceChunks<'_>]) {
    let lex = lexicon();
    let mut people: HashMap<String, Person> = HashMap::default();
    // every word of every full name in the document
    let full_words: HashSet<String> = sentences
        .iter()
        .flat_map(|s| s.chunks.iter())
        .filter_map(|c| match &c.tag {
            Tag::Person(p) if p.name.contains(' ') => Some(p.name.split_whitespace().map(fold).collect::<Vec<_>>()),
            _ => None,
        })
        .flatten()
        .collect();
    for s in sentences.iter() {
        for c in s.chunks.iter() {
            if let Tag::Person(p) = &c.tag {
                let words: Vec<&str> = p.name.split_whitespace().collect();
                // a one-word name counts as a person of its own only with a
                // title or nationality ("Brazilian President Lula")
                if words.len() < 2 && p.title.is_none() && p.country.is_none() {
                    continue;
                }
                // "President Lee" next to "Lee Jae-myung" is a short form, not a person of its own
                if words.len() < 2 && full_words.contains(&fold(words[0])) {
                    continue;
                }
                // a bare name in a Title Case line (a menu: "Middle East South Asia Asia
                // Pacific") is no one later mentions can refer to
                if p.title.is_none() && p.country.is_none() && crate::title_case_line(text, c.span) {
                    continue;
                }
                let order = people.len();
                let e = people.entry(fold(&p.name)).or_insert_with(|| Person { first: order, ..Default::default() });
                // "King Salman", "Pope Francis": a monarch known by one name keeps the title
                let display = match p.title.as_deref() {
                    Some(t) if one_name(&words) && lex.is_regnal_title(t) => format!("{t} {}", p.name),
                    _ => p.name.clone(),
                };
                *e.spellings.entry(display).or_default() += 1;
                e.count += 1;
                e.title = e.title.take().or(p.title.clone());
                e.country = e.country.or(p.country);
                e.head |= p.head;
                e.first_word = fold(words[0]);
                e.last_word = fold(words[words.len() - 1]);
                e.inner = words[1..words.len().saturating_sub(1).max(1)]
                    .iter()
                    .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && w.len() > 2)
                    .map(|w| fold(w))
                    .collect();
            }
        }
    }
    // a misspelling is the same person: "Volodymr Zelensky" beside
    // "Volodymyr Zelensky" (long names one edit apart, same number of words)
    let mut redirect: HashMap<String, String> = HashMap::default();
    {
        let mut keys: Vec<&String> = people.keys().collect();
        // the spelling used more often wins, then the one used first
        keys.sort_by(|a, b| people[*b].count.cmp(&people[*a].count).then(people[*a].first.cmp(&people[*b].first)));
        for (i, minor) in keys.iter().enumerate() {
            for major in &keys[..i] {
                if redirect.contains_key(*major) || minor.len() < 10 {
                    continue;
                }
                let words = |k: &String| people[k].spellings.keys().next().map_or(0, |s| s.split_whitespace().count());
                if words(minor) == words(major) && one_edit(minor, major) {
                    redirect.insert((*minor).clone(), (*major).clone());
                    break;
                }
            }
        }
        for (minor, major) in &redirect {
            if let Some(p) = people.remove(minor) {
                let m = people.get_mut(major).expect("major key");
                m.count += p.count;
                m.title = m.title.take().or(p.title);
                m.country = m.country.or(p.country);
                m.head |= p.head;
            }
        }
    }
    // a short word -> the people whose first or last word it is
    let mut by_word: HashMap<String, Vec<String>> = HashMap::default();
    for (key, p) in &people {
        by_word.entry(p.first_word.clone()).or_default().push(key.clone());
        if p.last_word != p.first_word {
            by_word.entry(p.last_word.clone()).or_default().push(key.clone());
        }
    }
    // inner words count only where no first/last word claims them
    for (key, p) in &people {
        for w in &p.inner {
            if !people.values().any(|q| &q.first_word == w || &q.last_word == w) {
                let v = by_word.entry(w.clone()).or_default();
                if !v.contains(key) {
                    v.push(key.clone());
                }
            }
        }
    }
    let pick = |word: &str, hint: &PersonName| -> Option<String> {
        let cands = by_word.get(&fold(word))?;
        // "King Salman" is not "Crown Prince Mohammed bin Salman"
        let cands: Vec<&String> = cands
            .iter()
            .filter(|k| match (hint.title.as_deref(), people[*k].title.as_deref()) {
                (Some(a), Some(b)) => titles_agree(a, b),
                _ => true,
            })
            .collect();
        if cands.is_empty() {
            return None;
        }
        let score = |k: &String| {
            let p = &people[k];
            let country_ok = hint.country.is_none() || p.country.is_none() || hint.country == p.country;
            (country_ok, p.count, p.head)
        };
        let mut sorted: Vec<&String> = cands;
        sorted.sort_by(|a, b| score(b).cmp(&score(a)).then(a.cmp(b)));
        let best = sorted[0];
        match sorted.get(1) {
            Some(second) if score(second) == score(best) => None,
            _ => Some(best.clone()),
        }
    };
    let mut recent: Vec<String> = Vec::new(); // person keys, most recent last
                                              // "the crown prince, known as MBS": fold(alias) -> person key
    let mut aliases: HashMap<String, String> = HashMap::default();
    for s in sentences.iter_mut() {
        let tokens = s.tokens;
        let word = |i: usize| lower(&text[tokens[i].span.start..tokens[i].span.end]);
        bare_titles(text, tokens, s.chunks, &people);
        define_aliases(text, tokens, s.chunks, &people, &mut aliases);
        let mut descriptor_chunks: Vec<Chunk> = Vec::new();
        // people named earlier in this sentence, in order
        let mut in_sentence: Vec<String> = Vec::new();
        let mut remove: Vec<usize> = Vec::new();
        // people named later in this sentence: "welcomed his Chinese counterpart
        // to Moscow, calling Xi Jinping a dear friend"
        let ahead: Vec<(usize, String)> = s
            .chunks
            .iter()
            .enumerate()
            .filter_map(|(ci, c)| match &c.tag {
                Tag::Person(p) => {
                    let k = fold(&p.name);
                    let k = redirect.get(&k).cloned().unwrap_or(k);
                    people.contains_key(&k).then_some((ci, k))
                }
                _ => None,
            })
            .collect();
        for (ci, c) in s.chunks.iter_mut().enumerate() {
            let unknown = matches!(c.tag, Tag::Unknown(_));
            match &mut c.tag {
                Tag::Person(p) => {
                    let key = fold(&p.name);
                    let key = redirect.get(&key).cloned().unwrap_or(key);
                    let key = if people.contains_key(&key) {
                        Some(key)
                    } else if !p.name.contains(' ') {
                        pick(&p.name, p)
                    } else {
                        None
                    };
                    if let Some(k) = key {
                        let person = &people[&k];
                        p.name = person.canonical();
                        p.title = p.title.take().or(person.title.clone());
                        p.country = p.country.or(person.country);
                        p.head |= person.head;
                        recent.retain(|r| r != &k);
                        in_sentence.push(k.clone());
                        recent.push(k);
                    } else if one_name(&p.name.split_whitespace().collect::<Vec<_>>()) {
                        if let Some(t) = p.title.clone().filter(|t| lex.is_regnal_title(t)) {
                            p.name = format!("{t} {}", p.name);
                        }
                    }
                }
                Tag::Unknown(n) | Tag::OrgName(n) if aliases.contains_key(&fold(n)) || !n.contains(' ') => {
                    // an alias ("MBS") or a short name ("Lee") of a person of the article
                    let alias = aliases.get(&fold(n)).cloned();
                    let key = alias.or_else(|| {
                        let hint = PersonName { name: n.clone(), title: None, country: None, head: false };
                        unknown.then(|| pick(n, &hint)).flatten()
                    });
                    if let Some(k) = key {
                        c.tag = people[&k].tag();
                        recent.retain(|r| r != &k);
                        in_sentence.push(k.clone());
                        recent.push(k);
                    }
                }
                Tag::Demonym(country) => {
                    // "the Chinese leader", "his Chinese counterpart"
                    let det = c.start.checked_sub(1).map(word);
                    let det_ok = matches!(det.as_deref(), Some("the" | "his" | "her" | "their" | "its"));
                    // "leader", or a two-word title: "prime minister", "foreign minister"
                    let two = (c.end + 1 < tokens.len()).then(|| format!("{} {}", word(c.end), word(c.end + 1)));
                    let (noun, len) = match two {
                        Some(t) if lex.lower_titles.contains(&t) => (Lower::Long(t), 2),
                        _ => (if c.end < tokens.len() { word(c.end) } else { Lower::Same("") }, 1),
                    };
                    if !det_ok || !(lex.role_nouns.contains(noun.as_str()) || lex.lower_titles.contains(noun.as_str()))
                    {
                        continue;
                    }
                    // "his Indian counterpart Narendra Modi": a title of the name that follows
                    let named_next = tokens
                        .get(c.end + len)
                        .is_some_and(|t| text[t.span.start..t.span.end].chars().next().is_some_and(char::is_uppercase));
                    if named_next {
                        continue;
                    }
                    let wants_head =
                        matches!(noun.as_str(), "leader" | "president" | "premier" | "head" | "prime minister");
                    let fits = |k: &&String, unknown_ok: bool| {
                        let p = &people[*k];
                        (p.country == Some(*country) || unknown_ok && p.country.is_none()) && (!wants_head || p.head)
                    };
                    // "Yoon and Xi held a summit and the South Korean leader
                    // ...": a descriptor refers back into its own sentence
                    // first. A person of unknown nationality there is taken
                    // only when no one of that nationality is named in it.
                    // "his Indian counterpart" is someone else than the
                    // person the sentence already names
                    let counterpart = noun.starts_with("counterpart");
                    let same_sentence = in_sentence.iter().rev().find(|k| fits(k, false)).or_else(|| {
                        if counterpart {
                            return None;
                        }
                        let unknown: Vec<&String> = in_sentence.iter().filter(|k| fits(k, true)).collect();
                        match unknown.as_slice() {
                            [one] => Some(*one),
                            _ => None,
                        }
                    });
                    // "his French counterpart" has the title of the person whose counterpart
                    // he is: a president's is the president, not the prime minister
                    let same_rank = || {
                        // whose counterpart: the last person named of another country
                        let other = |k: &&String| people[*k].country.is_some_and(|c| c != *country);
                        let anchor =
                            in_sentence.iter().rev().find(other).or_else(|| recent.iter().rev().find(other))?;
                        let title = people[anchor].title.as_deref()?;
                        let ranked: Vec<&String> = people
                            .keys()
                            .filter(|k| fits(k, false))
                            .filter(|k| people[*k].title.as_deref().is_some_and(|t| lex.same_office(t, title)))
                            .collect();
                        match ranked.as_slice() {
                            [one] => Some(*one),
                            _ => None,
                        }
                    };
                    let ranked = if counterpart { same_rank() } else { None };
                    let later = || {
                        let fitting: Vec<&String> =
                            ahead.iter().filter(|(i, k)| *i > ci && fits(&k, true)).map(|(_, k)| k).collect();
                        match fitting.as_slice() {
                            [one] => Some(*one),
                            _ => None,
                        }
                    };
                    let found = ranked
                        .or(same_sentence)
                        .or_else(|| recent.iter().rev().find(|k| fits(k, false)))
                        .or_else(later);
                    if let Some(k) = found {
                        descriptor_chunks.push(person_chunk(c.start - 1, c.end + len, tokens, &people[k]));
                        remove.push(ci);
                    }
                }
                _ => {}
            }
        }
        for ci in remove.into_iter().rev() {
            s.chunks.remove(ci);
        }
        if !descriptor_chunks.is_empty() {
            s.chunks.extend(descriptor_chunks);
            s.chunks.sort_by_key(|c| c.start);
        }
    }
}

/// A name of one word, or one word and a regnal number ("Abdullah II").
fn one_name(words: &[&str]) -> bool {
    match words {
        [_] => true,
        [_, n] => n.len() <= 5 && n.chars().all(|c| matches!(c, 'I' | 'V' | 'X')),
        _ => false,
    }
}

/// Whether two titles may be one person's: equal, or one part of the other
/// ("Prince" / "Crown Prince").
fn titles_agree(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    a.contains(&b) || b.contains(&a) || lexicon().same_office(&a, &b)
}

/// Whether `a` becomes `b` by one insertion, deletion or substitution.
fn one_edit(a: &str, b: &str) -> bool {
    if a.len().abs_diff(b.len()) > 8 || a.chars().count().abs_diff(b.chars().count()) > 1 {
        return false;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        short[prefix + 1.min(short.len() - prefix)..] == long[prefix + 1.min(long.len() - prefix)..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

/// The person a chunk names, as a key of `people`, when it is one of them.
fn person_key(chunk: &Chunk, people: &HashMap<String, Person>) -> Option<String> {
    match &chunk.tag {
        Tag::Person(p) => Some(fold(&p.name)).filter(|k| people.contains_key(k)),
        _ => None,
    }
}

fn person_chunk(start: usize, end: usize, tokens: &[Token], person: &Person) -> Chunk {
    Chunk {
        start,
        end,
        span: crate::model::Span::new(tokens[start].span.start, tokens[end - 1].span.end),
        tag: person.tag(),
    }
}

/// "the king", "the crown prince", "the president": a title with no name and
/// no nationality names the one person of the article who holds it. Two
/// holders ("President Biden" and "President Putin"), a complement ("the
/// president of the club") or an adjective ("the former president") leave
/// it alone.
fn bare_titles(text: &str, tokens: &[Token], chunks: &mut Vec<Chunk>, people: &HashMap<String, Person>) {
    let lex = lexicon();
    let word = |i: usize| lower(&text[tokens[i].span.start..tokens[i].span.end]);
    let covered = |i: usize, chunks: &[Chunk]| {
        chunks.iter().any(|c| c.start <= i && i < c.end && !matches!(c.tag, Tag::Title(_)))
    };
    let mut found: Vec<(usize, usize, String)> = Vec::new();
    // "prime minister": two words looked up without an allocation each
    let mut two_buf = String::new();
    let mut i = 0;
    while i + 1 < tokens.len() {
        let surface = &text[tokens[i].span.start..tokens[i].span.end];
        if !surface.eq_ignore_ascii_case("the") || covered(i + 1, chunks) {
            i += 1;
            continue;
        }
        let two = (i + 2 < tokens.len()).then(|| {
            two_buf.clear();
            two_buf.push_str(&word(i + 1));
            two_buf.push(' ');
            two_buf.push_str(&word(i + 2));
        });
        let (noun, len) = match two {
            Some(()) if lex.lower_titles.contains(&two_buf) && !covered(i + 2, chunks) => {
                (Lower::Long(two_buf.clone()), 2)
            }
            _ => (word(i + 1), 1),
        };
        let end = i + 1 + len;
        let next = tokens.get(end).map(|t| &text[t.span.start..t.span.end]);
        // "the president of ...", "the president-elect", "the king Charles"
        let complement = next.is_some_and(|n| {
            matches!(n, "of" | "for" | "-elect" | "-") || n.chars().next().is_some_and(char::is_uppercase)
        });
        if !lex.lower_titles.contains(noun.as_str()) || complement {
            i += 1;
            continue;
        }
        let holders: Vec<&String> = people
            .iter()
            .filter(|(_, p)| {
                p.title.as_deref().is_some_and(|t| {
                    let t = t.to_lowercase();
                    t == noun || t.ends_with(&format!(" {noun}"))
                })
            })
            .map(|(k, _)| k)
            .collect();
        if let [one] = holders.as_slice() {
            found.push((i, end, (*one).clone()));
        }
        i = end;
    }
    if found.is_empty() {
        return;
    }
    for (start, end, key) in found {
        chunks.retain(|c| c.end <= start || c.start >= end);
        chunks.push(person_chunk(start, end, tokens, &people[&key]));
    }
    chunks.sort_by_key(|c| c.start);
}

/// "Mohammed bin Salman, known as MBS," / "the crown prince, known by his
/// initials MBS": the name after `known as` stands for the person before it,
/// from there to the end of the article.
fn define_aliases(
    text: &str,
    tokens: &[Token],
    chunks: &[Chunk],
    people: &HashMap<String, Person>,
    aliases: &mut HashMap<String, String>,
) {
    let word = |i: usize| tokens.get(i).map_or(Lower::Same(""), |t| lower(&text[t.span.start..t.span.end]));
    for c in chunks {
        let Some(key) = person_key(c, people) else { continue };
        let mut i = c.end;
        if word(i) != "," {
            continue;
        }
        i += 1;
        if matches!(word(i).as_str(), "better" | "popularly" | "widely" | "commonly" | "also" | "often") {
            i += 1;
        }
        if word(i) != "known" {
            continue;
        }
        i += 1;
        if word(i) == "as" {
            i += 1;
        } else if word(i) == "by" && matches!(word(i + 1).as_str(), "his" | "her" | "the") {
            i += 2;
            if !matches!(word(i).as_str(), "initials" | "acronym" | "nickname" | "name") {
                continue;
            }
            i += 1;
        } else {
            continue;
        }
        if let Some(alias) = chunks.iter().find(|a| a.start == i) {
            let surface = &text[alias.span.start..alias.span.end];
            if matches!(alias.tag, Tag::Unknown(_) | Tag::OrgName(_) | Tag::Person(_)) {
                aliases.insert(fold(surface), key.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_ignores_case_space_hyphen_accents() {
        assert_eq!(fold("Lee Jae-myung"), fold("lee jae myung"));
        assert_eq!(fold("Erdoğan"), "erdogan");
    }

    #[test]
    fn one_edit_apart() {
        assert!(one_edit("volodymrzelensky", "volodymyrzelensky"));
        assert!(one_edit("sergeilavrov", "sergeylavrov"));
        assert!(!one_edit("kimjongun", "kimjongil"));
        assert!(!one_edit("leejaemyung", "leejaeyong"));
        assert!(one_edit("abc", "abc"));
    }
}
