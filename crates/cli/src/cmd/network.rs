//! `annals network` (who met whom, most connected actors, ego networks) and
//! `annals path A B` (the shortest chain of meetings between two actors).

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use annals_extract::model::{EventType, Status};
use annals_graph::{pairs_to_dot, LinkedEvent, Network};
use annals_query::EventFilter;
use anyhow::{bail, Context, Result};

use super::timeline::{render_svg, write_out};
use super::{open_read, parse_date};
use crate::cli::{NetworkArgs, TimelineFormat};

/// What to show of the network.
pub(crate) struct View {
    pub(crate) actor: Option<String>,
    pub(crate) depth: usize,
    pub(crate) top: Option<usize>,
    pub(crate) format: TimelineFormat,
}

/// The events that make edges: occurred ones (and planned ones when asked)
/// in the period; denied meetings and mere proposals never link actors.
fn network(store: &Path, args: &NetworkArgs) -> Result<(Network, String)> {
    let kind = args.kind.as_deref().map(str::parse::<EventType>).transpose().map_err(anyhow::Error::msg)?;
    let (from, to) = (parse_date("from", &args.from)?, parse_date("to", &args.to)?);
    let store = open_read(store)?;
    let events: Vec<LinkedEvent> = store
        .events(&EventFilter { kind, ..EventFilter::default() })
        .context("reading events from the store")?
        .into_iter()
        .filter(|e| e.status == Status::Occurred || (args.planned && e.status == Status::Planned))
        .collect();
    let period = match (&args.from, &args.to) {
        (None, None) => String::new(),
        (f, t) => format!(", {} to {}", f.as_deref().unwrap_or("…"), t.as_deref().unwrap_or("…")),
    };
    Ok((Network::new(&events, from, to), period))
}

fn resolve(net: &Network, name: &str) -> Result<String> {
    match net.find_all(name).as_slice() {
        [one] => Ok(one.clone()),
        [] => bail!("no actor named {name:?} takes part in an event in this period"),
        many => bail!("{name:?} could be {}: say which", many.join(", ")),
    }
}

pub(crate) fn run(store: &Path, args: &NetworkArgs, view: &View, output: Option<&Path>) -> Result<ExitCode> {
    let (net, period) = network(store, args)?;
    let (pairs, center, title) = match &view.actor {
        Some(a) => {
            let a = resolve(&net, a)?;
            let pairs = net.ego(&a, view.depth);
            let title = format!("{a}: ego network, depth {}{period}", view.depth);
            (pairs, Some(a), title)
        }
        None => (net.pairs(), None, format!("who met whom{period}")),
    };
    if let Some(n) = view.top {
        let mut o = String::new();
        let _ = writeln!(o, "{:<32} {:>8} {:>7}", "actor", "partners", "events");
        for (name, partners, events) in net.most_connected(n) {
            let _ = writeln!(o, "{name:<32} {partners:>8} {events:>7}");
        }
        write_out(output, o.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    let bytes = match view.format {
        TimelineFormat::Text => {
            let mut o = String::new();
            let (actors, links) = net.size();
            let _ = writeln!(o, "# {title}: {} pairs ({actors} actors, {links} links in the period)", pairs.len());
            for (a, b, n) in &pairs {
                let _ = writeln!(o, "{n:>4}  {a} -- {b}");
            }
            o.into_bytes()
        }
        TimelineFormat::Dot => pairs_to_dot(&pairs, center.as_deref(), &title).into_bytes(),
        TimelineFormat::Svg => render_svg(&pairs_to_dot(&pairs, center.as_deref(), &title))?,
    };
    write_out(output, &bytes)?;
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn path(store: &Path, args: &NetworkArgs, a: &str, b: &str) -> Result<ExitCode> {
    let (net, _) = network(store, args)?;
    let (a, b) = (resolve(&net, a)?, resolve(&net, b)?);
    let Some(steps) = net.path(&a, &b) else {
        println!("no chain of meetings links {a} and {b}");
        return Ok(ExitCode::from(1));
    };
    let mut o = String::new();
    let _ = writeln!(o, "{a} -> {b}: {} step{}", steps.len(), if steps.len() == 1 { "" } else { "s" });
    for s in &steps {
        let _ = writeln!(
            o,
            "  {} -- {}  {} {}{}  [{}{}]",
            s.from,
            s.to,
            s.kind,
            s.date.map_or_else(|| "undated".to_string(), |d| d.to_string()),
            s.place.as_deref().map(|p| format!(" @ {p}")).unwrap_or_default(),
            s.event_id,
            if s.shared > 1 { format!(", latest of {} shared events", s.shared) } else { String::new() }
        );
    }
    write_out(None, o.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
