//! One module per subcommand; each turns parsed flags into a plain
//! config before doing any work.

mod actors;
mod build;
mod events;
mod extract;
mod network;
mod query;
mod serve;
mod timeline;
mod why;

use std::process::ExitCode;

use annals_extract::model::{EventType, PartialDate, Status};
use annals_query::{EventFilter, Store};
use anyhow::{Context, Result};

use crate::cli::{Command, FilterArgs};

pub(crate) fn run(command: Command) -> Result<ExitCode> {
    match command {
        Command::Build { paths, store, aliases, quiet } => build::run(&paths, &store.store, aliases.as_deref(), quiet),
        Command::Events { store, filter, format } => events::events(&store.store, &filter, format),
        Command::Meetings { store, format } => events::meetings(&store.store, &format),
        Command::Timeline { store, filter, format, output, place, lane, max_lanes, title } => {
            let view = timeline::View { place, lane, max_lanes, title };
            timeline::run(&store.store, &filter, format, output.as_deref(), &view)
        }
        Command::Why { store, event, format } => why::run(&store.store, &event, format),
        Command::Network { store, net, actor, depth, top, format, output } => {
            let view = network::View { actor, depth, top, format };
            network::run(&store.store, &net, &view, output.as_deref())
        }
        Command::Path { store, net, from_actor, to_actor } => network::path(&store.store, &net, &from_actor, &to_actor),
        Command::Query { store, query, expr, params, format, list } => {
            query::query(&store.store, query.as_deref(), expr.as_deref(), &params, &format, list)
        }
        Command::Export { store, format, output } => query::export(&store.store, &format, output.as_deref()),
        Command::Serve { store, bind, timeout_ms, max_rows, threads, union_default_graph, quiet } => serve::run(
            &store.store,
            serve::ServeConfig { bind, timeout_ms, max_rows, threads, union_default_graph, quiet },
        ),
        Command::Extract { path, format, dct } => extract::extract(&path, format, dct.as_deref()),
        Command::Timex { dct } => extract::timex(dct.as_deref()),
        Command::Actors { store, kind, format } => actors::list(&store.store, kind.as_deref(), format),
        Command::Actor { store, name, format } => actors::show(&store.store, &name, format),
    }
}

fn parse_date(flag: &str, v: &Option<String>) -> Result<Option<PartialDate>> {
    v.as_deref()
        .map(|s| {
            s.parse::<PartialDate>().map_err(|e| anyhow::anyhow!("--{flag}: {e} (use YYYY, YYYY-MM or YYYY-MM-DD)"))
        })
        .transpose()
}

/// Flags to the store's filter, plus what the store does not filter.
pub(crate) struct Filter {
    pub(crate) store: EventFilter,
    pub(crate) include_proposed: bool,
    pub(crate) min_confidence: f32,
}

impl Filter {
    pub(crate) fn from_args(a: &FilterArgs) -> Result<Filter> {
        let kind = a.kind.as_deref().map(str::parse::<EventType>).transpose().map_err(anyhow::Error::msg)?;
        let status = a.status.as_deref().map(str::parse::<Status>).transpose().map_err(anyhow::Error::msg)?;
        Ok(Filter {
            store: EventFilter {
                actor: a.actor.clone(),
                with: a.with.clone(),
                kind,
                from: parse_date("from", &a.from)?,
                to: parse_date("to", &a.to)?,
                status,
            },
            include_proposed: a.all || status == Some(Status::Proposed),
            min_confidence: a.min_confidence,
        })
    }

    pub(crate) fn events(&self, store: &Store) -> Result<Vec<annals_graph::LinkedEvent>> {
        let mut events = store.events(&self.store).context("reading events from the store")?;
        events
            .retain(|e| (self.include_proposed || e.status != Status::Proposed) && e.confidence >= self.min_confidence);
        Ok(events)
    }
}

pub(crate) fn open_read(path: &std::path::Path) -> Result<Store> {
    Store::open_read_only(path).with_context(|| format!("opening store {}", path.display()))
}
