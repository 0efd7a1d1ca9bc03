//! Cleaning: keep the lines of an article that are its text, drop web-page
//! debris (menus, share widgets, repeated captions, comment boxes, lists of
//! other stories). Nothing is rewritten: the result is a list of byte ranges
//! of the original text, so every later offset still points into it.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::model::Span;

#[derive(Debug, Deserialize)]
struct DebrisLexicon {
    list_markers: Vec<String>,
    end_markers: Vec<String>,
    short_line_phrases: Vec<String>,
    exact_lines: Vec<String>,
}

static DEBRIS: LazyLock<DebrisLexicon> = LazyLock::new(|| {
    ron::from_str(include_str!("../../../data/debris.ron"))
        .unwrap_or_else(|e| panic!("bundled data/debris.ron is invalid: {e}"))
});

/// One kept line of the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub span: Span,
    /// The first kept line when it reads like a headline (short, no final
    /// period): its tense rules differ ("Lee to visit China").
    pub headline: bool,
}

/// What cleaning dropped, for diagnostics.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CleanStats {
    pub lines: usize,
    pub kept: usize,
    pub duplicates: usize,
}

/// What cleaning needs to know of a line, read in one pass over its
/// characters.
struct LineFacts {
    words: usize,
    /// Share of letters that are Latin script; debris in other scripts
    /// (forum menus, CJK buttons) is dropped from English articles.
    latin_share: f32,
    /// A hash of the line with case and runs of white space folded: two
    /// lines with the same key are the same text (a caption printed twice).
    key: u64,
}

fn line_facts(line: &str) -> LineFacts {
    let fnv = |h: u64, c: char| (h ^ c as u64).wrapping_mul(0x100000001b3);
    let (mut words, mut in_word, mut latin, mut letters) = (0usize, false, 0usize, 0usize);
    let mut key: u64 = 0xcbf29ce484222325;
    for c in line.chars() {
        if c.is_whitespace() {
            in_word = false;
            continue;
        }
        if !in_word {
            if words > 0 {
                key = fnv(key, ' ');
            }
            words += 1;
            in_word = true;
        }
        if c.is_ascii() {
            key = fnv(key, c.to_ascii_lowercase());
            if c.is_ascii_alphabetic() {
                letters += 1;
                latin += 1;
            }
        } else {
            key = c.to_lowercase().fold(key, fnv);
            if c.is_alphabetic() {
                letters += 1;
                latin += usize::from(('\u{00C0}'..='\u{024F}').contains(&c));
            }
        }
    }
    let latin_share = if letters == 0 { 0.0 } else { latin as f32 / letters as f32 };
    LineFacts { words, latin_share, key }
}

fn reads_like_prose(line: &str, n: usize) -> bool {
    n >= 12 && line.trim_end().ends_with(['.', '!', '?', '"', '\u{201d}', ')'])
}

/// The start of `s` lower-cased, up to about `max` bytes: the markers and
/// phrases a line is tested for are short, so a long line need not be
/// lower-cased whole.
fn lower_prefix(s: &str, max: usize) -> String {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end += 1;
    }
    s[..end].to_lowercase()
}

fn is_debris(line: &str, lower: &str, facts: &LineFacts) -> bool {
    let lex = &*DEBRIS;
    let n = facts.words;
    if n == 0 || facts.latin_share < 0.5 {
        return true;
    }
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if lex.exact_lines.iter().any(|e| e == bare) {
        return true;
    }
    if n < 12 && lex.short_line_phrases.iter().any(|p| lower.contains(p.as_str())) {
        return true;
    }
    // breadcrumbs: "Home > National > Diplomacy"
    if n < 12 && (line.contains(" > ") || line.contains(" » ") || line.contains(" | ")) {
        return true;
    }
    // bullets and one-word widgets: "• -2", "ⓕ font-size"
    if n <= 3 && !line.chars().any(|c| c.is_ascii_lowercase()) && !line.chars().any(|c| c.is_ascii_digit()) {
        return n == 1 || line.trim_start().starts_with(['•', '·', '-', '*', '\u{24d5}']);
    }
    n <= 2 && line.trim_start().starts_with(['•', '·', '*', '\u{24d5}'])
}

fn starts_with_marker(lower: &str, markers: &[String]) -> bool {
    let t = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    markers
        .iter()
        .any(|m| t.starts_with(m.as_str()) && t[m.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric()))
}

/// Split `text` into kept lines.
pub fn clean(text: &str) -> (Vec<Block>, CleanStats) {
    let lex = &*DEBRIS;
    let mut stats = CleanStats::default();
    let mut blocks: Vec<Block> = Vec::new();
    let mut seen: HashSet<u64> = HashSet::default();
    let mut in_list = false;
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            continue;
        }
        stats.lines += 1;
        let facts = line_facts(line);
        let n = facts.words;
        // short lines are matched against whole phrases and lines; a long one
        // only by its start (end and list markers)
        let lower = if n < 12 { line.to_lowercase() } else { lower_prefix(line, 200) };
        if n < 12 && starts_with_marker(&lower, &lex.end_markers)
            || lex.end_markers.iter().any(|m| lower.trim_start().starts_with(m.as_str()))
        {
            break;
        }
        if n <= 8 && starts_with_marker(&lower, &lex.list_markers) {
            in_list = true;
            continue;
        }
        if in_list {
            if reads_like_prose(line, n) {
                in_list = false;
            } else {
                continue;
            }
        }
        if is_debris(line, &lower, &facts) {
            continue;
        }
        // a photo caption printed twice, or the headline again under a menu
        if !seen.insert(facts.key) {
            stats.duplicates += 1;
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let trail = line.trim_end().len();
        let headline = blocks.is_empty() && n <= 25 && !line.trim_end().ends_with(['.', '!', '?', ':']);
        blocks.push(Block { span: Span::new(start + lead, start + trail), headline });
    }
    stats.kept = blocks.len();
    (blocks, stats)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(text: &str) -> Vec<&str> {
        clean(text).0.iter().map(|b| &text[b.span.start..b.span.end]).collect()
    }

    #[test]
    fn drops_menus_duplicates_and_story_lists() {
        let text = "Leaders agree to talk\nHome > World > Asia\nFacebook share button\n\
            The two ministers met in Hanoi on Monday and agreed to keep talking, officials said.\n\
            The two ministers met in Hanoi on Monday and agreed to keep talking, officials said.\n\
            Related stories\nMinisters to meet in Hanoi\nJune 3, 2025\n\
            A spokesman said the next round would be held in Jakarta later in the year, pending approval.\n\
            Log in to comment\nA comment that should not be read as news text.\n";
        assert_eq!(
            kept(text),
            vec![
                "Leaders agree to talk",
                "The two ministers met in Hanoi on Monday and agreed to keep talking, officials said.",
                "A spokesman said the next round would be held in Jakarta later in the year, pending approval.",
            ]
        );
        assert!(clean(text).0[0].headline);
    }

    #[test]
    fn drops_other_scripts_and_keeps_offsets() {
        let text = "返回列表 发布新帖\nThe envoy arrived in Nairobi.\n";
        let (blocks, _) = clean(text);
        assert_eq!(blocks.len(), 1);
        assert_eq!(&text[blocks[0].span.start..blocks[0].span.end], "The envoy arrived in Nairobi.");
    }
}
