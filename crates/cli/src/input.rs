//! Reading articles from files, directories and standard input.
//!
//! Inputs stream: a directory is walked lazily, a JSON-lines file is read a
//! line at a time, so memory does not grow with the corpus. Bad input is a
//! [`Warning`] naming the file (and line), never the end of the batch.

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use annals_extract::model::Document;
use annals_extract::{html::html_to_document, parse_published};

/// Articles larger than this are skipped: no news article is 50 MB of text.
const MAX_ARTICLE_BYTES: u64 = 50 * 1024 * 1024;

/// Something wrong with one input; the rest of the batch goes on.
#[derive(Debug, Clone)]
pub(crate) struct Warning {
    pub(crate) place: String,
    pub(crate) message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

pub(crate) enum Item {
    Doc(Document),
    Warn(Warning),
}

fn warn(place: impl Into<String>, message: impl Into<String>) -> Item {
    Item::Warn(Warning { place: place.into(), message: message.into() })
}

/// Every file under the given paths, sorted within each directory.
fn expand(paths: &[PathBuf]) -> Vec<Result<PathBuf, Warning>> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Ok(p.clone()));
            continue;
        }
        match fs::metadata(p) {
            Err(e) => out.push(Err(Warning { place: p.display().to_string(), message: format!("cannot read: {e}") })),
            Ok(m) if m.is_dir() => walk(p, &mut out),
            Ok(_) => out.push(Ok(p.clone())),
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Result<PathBuf, Warning>>) {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.push(Err(Warning { place: dir.display().to_string(), message: format!("cannot read directory: {e}") }));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        // a folder's own notes are not articles (name such a file on the
        // command line to read it anyway)
        let stem = name.split('.').next().unwrap_or("").to_ascii_uppercase();
        if name.starts_with('.') || matches!(stem.as_str(), "README" | "LICENSE" | "CHANGELOG" | "NOTICE") {
            continue;
        }
        if p.is_dir() {
            walk(&p, out);
        } else if matches!(extension(&p).as_str(), "txt" | "md" | "jsonl" | "html" | "htm") {
            out.push(Ok(p));
        }
    }
}

fn extension(p: &Path) -> String {
    p.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase()
}

fn stem(p: &Path) -> String {
    p.file_stem().and_then(|s| s.to_str()).unwrap_or("doc").to_string()
}

/// All inputs as a stream of documents and warnings.
pub(crate) fn read_inputs(paths: &[PathBuf]) -> impl Iterator<Item = Item> {
    expand(paths).into_iter().flat_map(|entry| -> Box<dyn Iterator<Item = Item>> {
        match entry {
            Err(w) => Box::new(std::iter::once(Item::Warn(w))),
            Ok(p) if p.as_os_str() == "-" => Box::new(read_stdin().into_iter()),
            Ok(p) => match extension(&p).as_str() {
                "jsonl" => Box::new(read_jsonl_file(p)),
                _ => Box::new(read_file(&p).into_iter()),
            },
        }
    })
}

fn read_stdin() -> Vec<Item> {
    let mut bytes = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
        return vec![warn("<stdin>", format!("cannot read: {e}"))];
    }
    let mut items = Vec::new();
    let Some(text) = decode("<stdin>", &bytes, &mut items) else { return items };
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') {
        for (i, line) in text.lines().enumerate() {
            items.extend(jsonl_line("<stdin>", "stdin", i + 1, line));
        }
    } else if trimmed.starts_with('<') {
        items.push(html_item("<stdin>", "stdin", &text));
    } else {
        items.extend(text_item("<stdin>", "stdin", &text));
    }
    items
}

/// Bytes to text: binary is refused, invalid UTF-8 is repaired with a
/// warning naming the first bad line.
fn decode(place: &str, bytes: &[u8], items: &mut Vec<Item>) -> Option<String> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        items.push(warn(place, "empty file, skipped"));
        return None;
    }
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head.iter().filter(|&&b| b == 0 || (b < 9) || (14..32).contains(&b) && b != 27).count();
    if head.contains(&0) || controls * 20 > head.len() {
        items.push(warn(place, "binary file, not an article: skipped"));
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Some(s.to_string()),
        Err(e) => {
            let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
            items.push(warn(
                format!("{place}:{line}"),
                "invalid UTF-8 (bad bytes replaced with U+FFFD; the rest of the file is read)",
            ));
            Some(String::from_utf8_lossy(bytes).into_owned())
        }
    }
}

fn read_file(p: &Path) -> Vec<Item> {
    let place = p.display().to_string();
    let mut items = Vec::new();
    match fs::metadata(p) {
        Ok(m) if m.len() > MAX_ARTICLE_BYTES => {
            items.push(warn(
                &place,
                format!("{} bytes is too large for one article (limit {MAX_ARTICLE_BYTES}): skipped", m.len()),
            ));
            return items;
        }
        Err(e) => {
            items.push(warn(&place, format!("cannot read: {e}")));
            return items;
        }
        _ => {}
    }
    let bytes = match fs::read(p) {
        Ok(b) => b,
        Err(e) => {
            items.push(warn(&place, format!("cannot read: {e}")));
            return items;
        }
    };
    let Some(text) = decode(&place, &bytes, &mut items) else { return items };
    match extension(p).as_str() {
        "html" | "htm" => items.push(html_item(&place, &stem(p), &text)),
        _ => items.extend(text_item(&place, &stem(p), &text)),
    }
    items
}

fn html_item(place: &str, id: &str, html: &str) -> Item {
    let (doc, diags) = html_to_document(id, html);
    if doc.text.trim().is_empty() {
        return warn(place, "no text in this page: skipped");
    }
    if let Some(d) = diags.first() {
        // not fatal: the document is still built
        eprintln!("warning: {place}: {d}");
    }
    Item::Doc(doc)
}

/// A text article with optional front matter.
fn text_item(place: &str, id: &str, text: &str) -> Vec<Item> {
    let mut doc = Document { id: id.to_string(), ..Default::default() };
    let mut items = Vec::new();
    let body = match front_matter(text) {
        Some((fields, body)) => {
            for (k, v) in fields {
                match k.as_str() {
                    "published" | "date" => match parse_published(&v) {
                        Some(d) => doc.published = Some(d),
                        None => items
                            .push(warn(place, format!("front matter: cannot read date {v:?}; inferring from text"))),
                    },
                    "source" => doc.source = Some(v),
                    "url" => doc.url = Some(v),
                    "title" => doc.title = Some(v),
                    "id" => doc.id = v,
                    _ => {}
                }
            }
            body
        }
        None => text,
    };
    if body.trim().is_empty() {
        items.push(warn(place, "no article text after the front matter: skipped"));
        return items;
    }
    doc.text = body.to_string();
    items.push(Item::Doc(doc));
    items
}

/// `---` / `key: value` lines / `---` at the top of a file.
fn front_matter(text: &str) -> Option<(Vec<(String, String)>, &str)> {
    let rest = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = rest.strip_prefix("---\n").or_else(|| rest.strip_prefix("---\r\n"))?;
    let end = rest.find("\n---")?;
    let fields = rest[..end]
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_lowercase(), v.trim().trim_matches('"').to_string()))
        .collect();
    let after = &rest[end + 4..];
    let body = after.strip_prefix("\r\n").or_else(|| after.strip_prefix('\n')).unwrap_or(after);
    Some((fields, body))
}

fn read_jsonl_file(p: PathBuf) -> impl Iterator<Item = Item> {
    let place = p.display().to_string();
    let id_base = stem(&p);
    let reader = fs::File::open(&p).map(BufReader::new);
    let mut first: Option<Item> = None;
    let lines: Box<dyn Iterator<Item = (usize, std::io::Result<Vec<u8>>)>> = match reader {
        Ok(r) => Box::new(r.split(b'\n').enumerate()),
        Err(e) => {
            first = Some(warn(&place, format!("cannot read: {e}")));
            Box::new(std::iter::empty())
        }
    };
    first.into_iter().chain(lines.flat_map(move |(i, line)| -> Vec<Item> {
        let lineno = i + 1;
        match line {
            Err(e) => vec![warn(format!("{place}:{lineno}"), format!("cannot read: {e}"))],
            Ok(bytes) => match std::str::from_utf8(&bytes) {
                Ok(s) => jsonl_line(&place, &id_base, lineno, s).into_iter().collect(),
                Err(_) => vec![warn(format!("{place}:{lineno}"), "invalid UTF-8: line skipped")],
            },
        }
    }))
}

fn jsonl_line(place: &str, id_base: &str, lineno: usize, line: &str) -> Option<Item> {
    let line = line.trim();
    if line.is_empty() {
        return None;
    }
    let here = format!("{place}:{lineno}");
    let v: serde_json::Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return Some(warn(here, format!("invalid JSON ({e}): line skipped"))),
    };
    let Some(text) = v.get("text").and_then(|t| t.as_str()) else {
        return Some(warn(here, "no \"text\" field: line skipped"));
    };
    if text.trim().is_empty() {
        return Some(warn(here, "empty \"text\": line skipped"));
    }
    let field = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
    let published = field("published");
    let parsed = published.as_deref().and_then(parse_published);
    if published.is_some() && parsed.is_none() {
        eprintln!("warning: {here}: cannot read published date {published:?}; inferring from text");
    }
    Some(Item::Doc(Document {
        id: field("id").unwrap_or_else(|| format!("{id_base}-{lineno}")),
        text: text.to_string(),
        published: parsed,
        source: field("source"),
        url: field("url"),
        title: field("title"),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_fields_and_body() {
        let (f, body) = front_matter("---\npublished: 2025-07-02\nsource: X\n---\nBody text.\n").unwrap();
        assert_eq!(f[0], ("published".to_string(), "2025-07-02".to_string()));
        assert_eq!(body, "Body text.\n");
        assert!(front_matter("No front matter").is_none());
    }
}
