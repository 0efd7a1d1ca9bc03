//! A small tokenizer for the temporal grammar: words, numbers and single
//! punctuation marks, each with byte offsets, sentence and paragraph indices.
//!
//! Letters and digits are split apart ("10pm" -> "10" "pm", "Q3" -> "Q" "3");
//! `glued` says a token touches the previous one, so the grammar can ask for
//! "third-quarter" or "1990s" written as one word.

use super::lexicon::{Entry, Kw, LEXICON};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Num,
    Punct,
}

#[derive(Debug, Clone)]
pub(crate) struct Tok {
    pub(crate) s: usize,
    pub(crate) e: usize,
    pub(crate) kind: Kind,
    pub(crate) entry: Option<&'static Entry>,
    /// Value of a number token (saturating), 0 otherwise.
    pub(crate) num: u64,
    /// Number of digits of a number token.
    pub(crate) nd: u8,
    /// First character is upper case.
    pub(crate) cap: bool,
    /// No white space between this token and the previous one.
    pub(crate) glued: bool,
    pub(crate) sent: u32,
    pub(crate) para: u32,
}

impl Tok {
    pub(crate) fn kw(&self) -> Kw {
        self.entry.map_or(Kw::None, |e| e.kw)
    }
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "prof", "no", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "u.s", "inc", "corp", "co", "ltd",
    "jr", "sr", "mt", "ft", "a.m", "p.m", "e.g", "i.e", "approx", "est",
];

fn lookup(word: &str) -> Option<&'static Entry> {
    let lex = &*LEXICON;
    let bytes = word.as_bytes();
    if bytes.len() > 24 || !lex.may_have(bytes) {
        return None;
    }
    if !bytes.iter().any(u8::is_ascii_uppercase) {
        return lex.get(bytes);
    }
    let mut buf = [0u8; 24];
    for (d, b) in buf.iter_mut().zip(bytes) {
        *d = b.to_ascii_lowercase();
    }
    lex.get(&buf[..bytes.len()])
}

/// Lines shorter than this (in bytes) end a sentence at their line break.
const SHORT_LINE: usize = 60;

/// A word that cannot end a line that ends a sentence: the sentence runs on.
fn runs_on(w: &str) -> bool {
    const GLUE: &[&str] = &[
        "a", "an", "the", "on", "in", "at", "of", "to", "for", "from", "with", "by", "and", "or", "but", "that", "as",
        "since", "until", "before", "after", "last", "next", "this", "early", "late", ",",
    ];
    GLUE.iter().any(|g| w.eq_ignore_ascii_case(g))
}

/// Split `text` into tokens. Cheap: one pass over the bytes, one hash
/// look-up per ASCII word.
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 5 + 4);
    let mut i = 0;
    let mut sent = 0u32;
    let mut para = 0u32;
    let mut glued = false;
    let mut newlines = 0u32;
    let mut pending_boundary = false;
    // where the current line starts, and whether the last line ended short
    let mut line_start = 0;
    let mut short_line = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            if newlines == 0 {
                short_line = i - line_start < SHORT_LINE;
            }
            newlines += 1;
            glued = false;
            i += 1;
            line_start = i;
            continue;
        }
        if b == b' ' || b == b'\t' || b == b'\r' {
            glued = false;
            i += 1;
            continue;
        }
        if newlines >= 2 {
            para += 1;
            sent += 1;
            pending_boundary = false;
        } else if newlines == 1
            && (pending_boundary || short_line && toks.last().is_some_and(|t| !runs_on(&text[t.s..t.e])))
        {
            // a short line without a closing stop is a headline, a byline or
            // a date line: it ends there (a hard-wrapped paragraph's lines are
            // long, and a line ending in "on" or "the" goes on)
            sent += 1;
            pending_boundary = false;
        }
        let start = i;
        let (kind, end) = if b.is_ascii_digit() {
            let mut j = i;
            while j < bytes.len() && bytes[j].is_ascii_digit() {
                j += 1;
            }
            (Kind::Num, j)
        } else if b.is_ascii_alphabetic() || b >= 0x80 && text[i..].chars().next().is_some_and(char::is_alphabetic) {
            let mut j = i;
            while j < bytes.len() {
                let c = bytes[j];
                if c.is_ascii_alphabetic() {
                    j += 1;
                } else if c >= 0x80 {
                    let ch = text[j..].chars().next().unwrap_or(' ');
                    if ch.is_alphabetic() {
                        j += ch.len_utf8();
                    } else {
                        break;
                    }
                } else if c == b'.'
                    && j + 2 < bytes.len()
                    && bytes[j + 1].is_ascii_alphabetic()
                    && bytes[j + 2] == b'.'
                    && j - i == 1
                {
                    // "a.m." / "p.m." / "U.S." kept together (without the final dot).
                    j += 2;
                } else {
                    break;
                }
            }
            (Kind::Word, j)
        } else {
            let ch = text[i..].chars().next().map_or(1, char::len_utf8);
            (Kind::Punct, i + ch)
        };
        let slice = &text[start..end];
        if pending_boundary {
            let c = slice.chars().next().unwrap_or(' ');
            // "$6.1 million", "U.S.A": a stop glued to a letter or digit ends no sentence.
            if !(glued && c.is_alphanumeric())
                && (c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\u{201c}' | '\'' | '('))
            {
                sent += 1;
            }
            pending_boundary = false;
        }
        let (num, nd) = if kind == Kind::Num {
            let mut v: u64 = 0;
            for d in slice.bytes() {
                v = v.saturating_mul(10).saturating_add((d - b'0') as u64);
            }
            (v, slice.len().min(255) as u8)
        } else {
            (0, 0)
        };
        let entry = if kind == Kind::Word { lookup(slice) } else { None };
        let cap = slice.chars().next().is_some_and(char::is_uppercase);
        toks.push(Tok { s: start, e: end, kind, entry, num, nd, cap, glued, sent, para });
        if kind == Kind::Punct && matches!(slice, "." | "!" | "?" | ";") {
            let prev_abbrev = toks.len() >= 2 && {
                let p = &toks[toks.len() - 2];
                p.e == start
                    && p.kind == Kind::Word
                    && (p.e - p.s == 1 || ABBREVIATIONS.iter().any(|a| text[p.s..p.e].eq_ignore_ascii_case(a)))
            };
            if slice != "." || !prev_abbrev {
                pending_boundary = true;
            }
        }
        newlines = 0;
        glued = true;
        i = end;
    }
    toks
}
