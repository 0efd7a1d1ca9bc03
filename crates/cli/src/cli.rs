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

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum LaneArg {
    Actor,
    Year,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum WhyFormat {
    Text,
    Json,
}

/// Which events make the actor network.
#[derive(Debug, Args, Clone, Default)]
pub(crate) struct NetworkArgs {
    /// Only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    pub(crate) from: Option<String>,
    /// Only events on or before this date.
    #[arg(long)]
    pub(crate) to: Option<String>,
    /// Only events of this type (default: every type with two or more participants).
    #[arg(long = "type")]
    pub(crate) kind: Option<String>,
    /// Include planned events (only occurred ones count by default).
    #[arg(long)]
    pub(crate) planned: bool,
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
        /// Only events whose place lies within this one ("China" keeps Beijing).
        #[arg(long)]
        place: Option<String>,
        /// One lane per actor (the most active ones) or per year (DOT/SVG).
        #[arg(long, value_enum, default_value_t = LaneArg::Actor)]
        lane: LaneArg,
        /// Most actor lanes before the rest are drawn as "other actors".
        #[arg(long, default_value_t = 10)]
        max_lanes: usize,
        /// A title for the picture.
        #[arg(long)]
        title: Option<String>,
    },
    /// Explain one linked event: its mentions, why they were merged, where sources disagree.
    Why {
        #[command(flatten)]
        store: StoreArg,
        /// An event id or a unique prefix of one.
        event: String,
        #[arg(long, value_enum, default_value_t = WhyFormat::Text)]
        format: WhyFormat,
    },
    /// Who met whom: pairs weighted by shared events, the most connected actors, or one actor's ego network.
    Network {
        #[command(flatten)]
        store: StoreArg,
        #[command(flatten)]
        net: NetworkArgs,
        /// The actor at the centre of an ego network.
        #[arg(long)]
        actor: Option<String>,
        /// How many steps from `--actor` the ego network reaches.
        #[arg(long, default_value_t = 1)]
        depth: usize,
        /// List the N most connected actors (distinct partners, then events).
        #[arg(long)]
        top: Option<usize>,
        #[arg(long, value_enum, default_value_t = TimelineFormat::Text)]
        format: TimelineFormat,
        /// Write here instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// The shortest chain of meetings linking two actors, with dates.
    Path {
        #[command(flatten)]
        store: StoreArg,
        #[command(flatten)]
        net: NetworkArgs,
        /// From this actor (a name or part of one).
        from_actor: String,
        /// To this actor.
        to_actor: String,
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
        /// table, csv, tsv, json, xml (SELECT/ASK); turtle, ntriples, jsonld, rdfxml (CONSTRUCT).
        #[arg(long, default_value = "table")]
        format: String,
        /// List the bundled queries.
        #[arg(long)]
        list: bool,
    },
    /// Dump the whole store as N-Quads, TriG, Turtle or JSON-LD.
    Export {
        #[command(flatten)]
        store: StoreArg,
        /// nquads, trig, jsonld (named graphs kept) or turtle (graphs merged).
        #[arg(long, default_value = "nquads")]
        format: String,
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Serve the store as a read-only SPARQL 1.1 endpoint (/sparql) with a query page (/).
    Serve {
        #[command(flatten)]
        store: StoreArg,
        /// Address to listen on; port 0 picks a free port (printed on stderr). Loopback by default.
        #[arg(long, default_value = "127.0.0.1:7878")]
        bind: String,
        /// Cancel a query after this many milliseconds (answers 503).
        #[arg(long, default_value_t = 10_000)]
        timeout_ms: u64,
        /// Refuse results with more rows or triples than this (answers 413).
        #[arg(long, default_value_t = 100_000)]
        max_rows: usize,
        /// Queries evaluated at once; further requests wait their turn.
        #[arg(long, default_value_t = 4)]
        threads: usize,
        /// Let queries that name no graph see the union of all graphs (the default graph is empty).
        #[arg(long)]
        union_default_graph: bool,
        /// Do not log requests on stderr.
        #[arg(long)]
        quiet: bool,
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
    /// Actors in the store: people, organizations, countries, with titles and sources.
    Actors {
        #[command(flatten)]
        store: StoreArg,
        /// Only actors of this kind (person, organization, country, group).
        #[arg(long)]
        kind: Option<String>,
        #[arg(long, value_enum, default_value_t = EventFormat::Table)]
        format: EventFormat,
    },
    /// One actor: its aliases, roles over time and events.
    Actor {
        #[command(flatten)]
        store: StoreArg,
        /// A name, alias or id ("Lee Jae-myung", "Lee Jae Myung", "lee-jae-myung").
        name: String,
        #[arg(long, value_enum, default_value_t = EventFormat::Table)]
        format: EventFormat,
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
