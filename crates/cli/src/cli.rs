//! Command-line arguments (clap derive; doc comments are the help text).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// annals: news articles in, an event timeline knowledge graph out.
#[derive(Debug, Parser)]
#[command(name = "annals", version, about, long_about = None)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Args, Clone)]
pub(crate) struct StoreArg {
    /// The store directory (an Oxigraph RocksDB database).
    #[arg(long, env = "ANNALS_STORE", default_value = "annals.db")]
    pub(crate) store: PathBuf,
}

#[derive(Debug, Args, Clone, Default)]
pub(crate) struct FilterArgs {
    /// Only events with a participant whose name contains this.
    #[arg(long)]
    pub(crate) actor: Option<String>,
    /// Only events where `--actor` is with a participant whose name contains this.
    #[arg(long)]
    pub(crate) with: Option<String>,
    /// Only events of this type (MEET, CALL, VISIT, HOST, SIGN, INVITE).
    #[arg(long = "type")]
    pub(crate) kind: Option<String>,
    /// Only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    pub(crate) from: Option<String>,
    /// Only events on or before this date.
    #[arg(long)]
    pub(crate) to: Option<String>,
    /// Only events with this status (occurred, planned, proposed, negated).
    #[arg(long)]
    pub(crate) status: Option<String>,
    /// Include proposals (invitations, offers), which are left out by default.
    #[arg(long)]
    pub(crate) all: bool,
    /// Only events with at least this confidence (0 to 1).
    #[arg(long, default_value_t = 0.0)]
    pub(crate) min_confidence: f32,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum EventFormat {
    Jsonl,
    Csv,
    Table,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum TimelineFormat {
    Dot,
    Svg,
    Text,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Read articles (.txt .md .jsonl .html, directories, `-` for stdin) into the store and link them.
    Build {
        /// Files or directories (recursively); `-` reads standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        store: StoreArg,
        /// A RON file of names to merge or keep apart (see docs/user-guide.md).
        #[arg(long)]
        aliases: Option<PathBuf>,
        /// Never draw a progress bar.
        #[arg(long)]
        quiet: bool,
    },
    /// Linked events, one per real event, with every mention.
    Events {
        #[command(flatten)]
        store: StoreArg,
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, value_enum, default_value_t = EventFormat::Table)]
        format: EventFormat,
    },
    /// Who met whom when: meetings and calls (the SPARQL in queries/meetings.rq).
    Meetings {
        #[command(flatten)]
        store: StoreArg,
        /// Output format: table, csv, tsv, json, xml.
        #[arg(long, default_value = "table")]
        format: String,
    },
    /// A timeline of events: Graphviz DOT, SVG (through `dot`), or text.
    Timeline {
        #[command(flatten)]
        store: StoreArg,
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, value_enum, default_value_t = TimelineFormat::Text)]
        format: TimelineFormat,
        /// Write here instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Run SPARQL: a bundled query by name, a .rq file, or `-e 'QUERY'`.
    Query {
        #[command(flatten)]
        store: StoreArg,
        /// A bundled query name (see --list) or a .rq file.
        query: Option<String>,
        /// The query text itself.
        #[arg(short = 'e', long = "expr", conflicts_with = "query")]
        expr: Option<String>,
        /// Fill a `$name` variable: --param actor="Xi Jinping" (repeatable).
        #[arg(long = "param", value_parser = parse_param)]
        params: Vec<(String, String)>,
        /// table, csv, tsv, json, xml (SELECT/ASK); turtle, ntriples (CONSTRUCT).
        #[arg(long, default_value = "table")]
        format: String,
        /// List the bundled queries.
        #[arg(long)]
        list: bool,
    },
    /// Dump the whole store as N-Quads, TriG or Turtle.
    Export {
        #[command(flatten)]
        store: StoreArg,
        #[arg(long, default_value = "nquads")]
        format: String,
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// What one article yields before linking (for debugging rules).
    Extract {
        /// An article file (.txt .md .html .jsonl) or `-`.
        path: PathBuf,
        #[arg(long, value_enum, default_value_t = EventFormat::Table)]
        format: EventFormat,
        /// The document date, when the file has none.
        #[arg(long)]
        dct: Option<String>,
    },
    /// Time expressions in standard input, as JSON lines (character offsets).
    Timex {
        /// The document creation date (YYYY-MM-DD).
        #[arg(long)]
        dct: Option<String>,
    },
}

fn parse_param(s: &str) -> Result<(String, String), String> {
    let (k, v) = s.split_once('=').ok_or_else(|| format!("expected NAME=VALUE, got {s:?}"))?;
    Ok((k.trim_start_matches('$').to_string(), v.to_string()))
}
