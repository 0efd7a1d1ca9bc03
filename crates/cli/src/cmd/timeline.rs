//! `annals timeline`: DOT, SVG through the real Graphviz `dot`, or text.

use std::io::Write;
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};

use annals_graph::timeline::{to_dot, to_text, within_place, Lane, TimelineOptions};
use anyhow::{bail, Context, Result};

use super::{open_read, Filter};
use crate::cli::{FilterArgs, LaneArg, TimelineFormat};

/// How to draw, beside which events.
pub(crate) struct View {
    pub(crate) place: Option<String>,
    pub(crate) lane: LaneArg,
    pub(crate) max_lanes: usize,
    pub(crate) title: Option<String>,
}

pub(crate) fn run(
    store: &Path,
    args: &FilterArgs,
    format: TimelineFormat,
    output: Option<&Path>,
    view: &View,
) -> Result<ExitCode> {
    let filter = Filter::from_args(args)?;
    let store = open_read(store)?;
    let mut events = filter.events(&store)?;
    if let Some(p) = &view.place {
        events = within_place(&events, p);
    }
    let title = view.title.clone().unwrap_or_else(|| {
        let who = match (&args.actor, &args.with) {
            (Some(a), Some(w)) => format!("{a} and {w}"),
            (Some(a), None) => a.clone(),
            _ => "annals timeline".to_string(),
        };
        let place = view.place.as_deref().map(|p| format!(" in {p}")).unwrap_or_default();
        let period = match (&args.from, &args.to) {
            (None, None) => String::new(),
            (f, t) => format!(", {} to {}", f.as_deref().unwrap_or("…"), t.as_deref().unwrap_or("…")),
        };
        format!("{who}{place}{period}")
    });
    let n = events.len();
    let opts = TimelineOptions {
        title: Some(format!("{title} ({n} event{})", if n == 1 { "" } else { "s" })),
        lane: match view.lane {
            LaneArg::Actor => Lane::Actor,
            LaneArg::Year => Lane::Year,
        },
        max_lanes: view.max_lanes,
    };
    let bytes: Vec<u8> = match format {
        TimelineFormat::Text => to_text(&events).into_bytes(),
        TimelineFormat::Dot => to_dot(&events, &opts).into_bytes(),
        TimelineFormat::Svg => render_svg(&to_dot(&events, &opts))?,
    };
    write_out(output, &bytes)?;
    Ok(ExitCode::SUCCESS)
}

/// Write to a file, or to standard output.
pub(crate) fn write_out(output: Option<&Path>, bytes: &[u8]) -> Result<()> {
    match output {
        Some(p) => std::fs::write(p, bytes).with_context(|| format!("writing {}", p.display()))?,
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)?;
            out.flush()?;
        }
    }
    Ok(())
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
