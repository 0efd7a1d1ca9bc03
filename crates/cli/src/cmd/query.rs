//! `annals query` and `annals export`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use annals_query::{named_queries, named_query, DumpFormat};
use anyhow::{bail, Context, Result};

use super::open_read;

pub(crate) fn query(
    store: &Path,
    query: Option<&str>,
    expr: Option<&str>,
    params: &[(String, String)],
    format: &str,
    list: bool,
) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    if list {
        for (name, description, _) in named_queries() {
            writeln!(out, "{name:<24} {description}")?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let text: String = match (query, expr) {
        (_, Some(e)) => e.to_string(),
        (Some(q), None) => match named_query(q) {
            Some(t) => t.to_string(),
            None if Path::new(q).is_file() => std::fs::read_to_string(q).with_context(|| format!("reading {q}"))?,
            None => bail!("{q:?} is neither a bundled query (see `annals query --list`) nor a file"),
        },
        (None, None) => bail!("give a query name, a .rq file, or -e 'SPARQL' (see `annals query --list`)"),
    };
    let format = format.parse().map_err(anyhow::Error::msg)?;
    let store = open_read(store)?;
    let results = store.query_with_params(&text, params)?;
    store.write_results(results, format, &mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn export(store: &Path, format: &str, output: Option<&Path>) -> Result<ExitCode> {
    let format: DumpFormat = format.parse().map_err(anyhow::Error::msg)?;
    let store = open_read(store)?;
    match output {
        Some(p) => {
            let mut f =
                std::io::BufWriter::new(std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?);
            store.export(format, &mut f)?;
            f.flush()?;
        }
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            store.export(format, &mut out)?;
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
