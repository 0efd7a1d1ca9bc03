//! `annals build`: read, extract (in parallel), store, link.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use annals_extract::{Extraction, Extractor, RuleExtractor};
use annals_graph::link::{link_with_actors, ArticleActor};
use annals_graph::Aliases;
use annals_query::Store;
use anyhow::{Context, Result};
use rayon::prelude::*;

use crate::input::{read_inputs, Item};

/// Documents extracted together; bounded so memory stays flat on big corpora.
const BATCH: usize = 256;

#[derive(Default)]
struct Summary {
    read: usize,
    new: usize,
    unchanged: usize,
    sentences: usize,
    mentions: usize,
    warnings: usize,
}

pub(crate) fn run(paths: &[PathBuf], store_path: &Path, aliases: Option<&Path>, quiet: bool) -> Result<ExitCode> {
    let started = Instant::now();
    let aliases = match aliases {
        Some(p) => {
            let text = std::fs::read_to_string(p).with_context(|| format!("reading aliases file {}", p.display()))?;
            Aliases::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?
        }
        None => Aliases::default(),
    };
    let store = Store::open(store_path).with_context(|| format!("opening store {}", store_path.display()))?;
    let progress = (!quiet && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {elapsed} {pos} documents {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar
    });
    let mut summary = Summary::default();
    let mut batch = Vec::with_capacity(BATCH);
    let extractor = RuleExtractor;
    let flush = |batch: &mut Vec<annals_extract::model::Document>, summary: &mut Summary| -> Result<()> {
        // a bug in a rule must not cost the rest of the batch: a panic on
        // one article is reported and that article skipped
        let results: Vec<(String, Option<Extraction>)> =
            batch.par_iter().map(|d| (d.id.clone(), std::panic::catch_unwind(|| extractor.extract(d)).ok())).collect();
        for (id, ex) in results {
            let Some(ex) = ex else {
                eprintln!("warning: {id}: internal error while extracting (please report it): article skipped");
                summary.warnings += 1;
                continue;
            };
            summary.sentences += ex.info.sentences;
            summary.mentions += ex.mentions.len();
            for d in &ex.diagnostics {
                eprintln!("note: {}: {d}", ex.info.id);
            }
            let actors = ArticleActor::from_mentions(&ex.info.id, &ex.actors);
            // unchanged text, and stored with its actors (stores built
            // before actors were kept lack them: store those again)
            if store.article_hash(&ex.info.id)?.as_deref() == Some(ex.info.content_hash.as_str())
                && (actors.is_empty() || store.article_has_actors(&ex.info.id)?)
            {
                summary.unchanged += 1;
                continue;
            }
            store.put_article(&ex.info, &ex.mentions, &actors).with_context(|| format!("storing {}", ex.info.id))?;
            summary.new += 1;
        }
        if let Some(bar) = &progress {
            bar.inc(batch.len() as u64);
        }
        batch.clear();
        Ok(())
    };
    for item in read_inputs(paths) {
        match item {
            Item::Warn(w) => {
                summary.warnings += 1;
                match &progress {
                    Some(bar) => bar.suspend(|| eprintln!("warning: {w}")),
                    None => eprintln!("warning: {w}"),
                }
            }
            Item::Doc(d) => {
                summary.read += 1;
                batch.push(d);
                if batch.len() == BATCH {
                    flush(&mut batch, &mut summary)?;
                }
            }
        }
    }
    flush(&mut batch, &mut summary)?;
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    // link everything the store holds, old and new
    let articles = store.articles().context("reading articles back")?;
    let mentions = store.mentions().context("reading mentions back")?;
    let named = store.article_actors().context("reading actors back")?;
    let linked = link_with_actors(&articles, &mentions, &named, &aliases);
    store.replace_linked(&linked).context("writing linked events")?;
    eprintln!(
        "built {}: {} documents read ({} new or changed, {} unchanged), {} sentences, {} event mentions, \
         {} articles in store, {} actors, {} linked events, {} warnings, {:.2} s",
        store_path.display(),
        summary.read,
        summary.new,
        summary.unchanged,
        summary.sentences,
        summary.mentions,
        articles.len(),
        linked.actors.len(),
        linked.events.len(),
        summary.warnings,
        started.elapsed().as_secs_f64()
    );
    if summary.read == 0 {
        eprintln!("error: no article could be read");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
