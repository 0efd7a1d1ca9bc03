//! `annals timeline`: DOT, SVG through the real Graphviz `dot`, or text.

use std::io::Write;
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};

use annals_graph::timeline::{to_dot, to_text, TimelineOptions};
use anyhow::{bail, Context, Result};

use super::{open_read, Filter};
use crate::cli::{FilterArgs, TimelineFormat};

pub(crate) fn run(store: &Path, args: &FilterArgs, format: TimelineFormat, output: Option<&Path>) -> Result<ExitCode> {
    let filter = Filter::from_args(args)?;
    let store = open_read(store)?;
    let events = filter.events(&store)?;
    let title = match (&args.actor, &args.with) {
        (Some(a), Some(w)) => format!("{a} and {w}"),
        (Some(a), None) => a.clone(),
        _ => "annals timeline".to_string(),
    };
    let opts = TimelineOptions { title: Some(format!("{title} ({} events)", events.len())) };
    let bytes: Vec<u8> = match format {
        TimelineFormat::Text => to_text(&events).into_bytes(),
        TimelineFormat::Dot => to_dot(&events, &opts).into_bytes(),
        TimelineFormat::Svg => render_svg(&to_dot(&events, &opts))?,
    };
    match output {
        Some(p) => std::fs::write(p, &bytes).with_context(|| format!("writing {}", p.display()))?,
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes)?;
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Render DOT to SVG with Graphviz's `dot`.
pub(crate) fn render_svg(dot: &str) -> Result<Vec<u8>> {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .context("running Graphviz `dot` (install it: apt-get install graphviz, or scripts/setup)")?;
    child.stdin.take().context("dot stdin")?.write_all(dot.as_bytes())?;
    let out = child.wait_with_output()?;
    if !out.status.success() {
        bail!("dot failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    Ok(out.stdout)
}
