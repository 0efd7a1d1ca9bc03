//! Shared by the graph tests: reading the hand-written fixture articles.
#![allow(dead_code, unreachable_pub)]

use std::path::{Path, PathBuf};

use annals_extract::model::{Document, EventMention};
use annals_extract::{extract, parse_published};
use annals_graph::{link, Aliases, Linked};

pub fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/linking")
}

/// An article with `---` front matter (published, source, title).
pub fn read_article(path: &Path) -> Document {
    let text = std::fs::read_to_string(path).unwrap();
    let id = path.file_stem().unwrap().to_string_lossy().into_owned();
    let mut doc = Document { id, text: text.clone(), published: None, source: None, url: None, title: None };
    if let Some(rest) = text.strip_prefix("---\n") {
        let (head, body) = rest.split_once("\n---\n").expect("closed front matter");
        for line in head.lines() {
            let (k, v) = line.split_once(':').expect("key: value");
            let v = v.trim().to_string();
            match k.trim() {
                "published" => doc.published = parse_published(&v),
                "source" => doc.source = Some(v),
                "title" => doc.title = Some(v),
                _ => {}
            }
        }
        doc.text = body.to_string();
    }
    doc
}

/// Extract and link every article of a case directory.
pub fn link_dir(dir: &Path) -> Linked {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    paths.sort();
    let mut infos = Vec::new();
    let mut mentions: Vec<EventMention> = Vec::new();
    for p in paths {
        let ex = extract(&read_article(&p));
        infos.push(ex.info);
        mentions.extend(ex.mentions);
    }
    link(&infos, &mentions, &Aliases::default())
}
