//! `annals serve`: the store over the SPARQL 1.1 Protocol.

use std::net::{SocketAddr, ToSocketAddrs};
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use annals_query::endpoint::{Endpoint, EndpointConfig};
use anyhow::{bail, Context, Result};

use super::open_read;

/// The flags of `annals serve`, checked.
pub(crate) struct ServeConfig {
    pub(crate) bind: String,
    pub(crate) timeout_ms: u64,
    pub(crate) max_rows: usize,
    pub(crate) threads: usize,
    pub(crate) union_default_graph: bool,
    pub(crate) quiet: bool,
}

pub(crate) fn run(store: &Path, config: ServeConfig) -> Result<ExitCode> {
    let addr = resolve(&config.bind)?;
    if config.timeout_ms == 0 || config.max_rows == 0 || config.threads == 0 {
        bail!("--timeout-ms, --max-rows and --threads must be above 0");
    }
    if !addr.ip().is_loopback() {
        eprintln!("warning: listening on {addr}, which other machines can reach; the endpoint has no authentication");
    }
    let store = open_read(store)?;
    let endpoint = Endpoint::new(
        store,
        EndpointConfig {
            timeout: Duration::from_millis(config.timeout_ms),
            max_rows: config.max_rows,
            threads: config.threads,
            union_default_graph: config.union_default_graph,
            log: !config.quiet,
        },
    )?;
    let running = endpoint.serve(addr).with_context(|| format!("listening on {addr}"))?;
    // Tests and scripts read this line to find the port.
    eprintln!("listening on http://{}/ (SPARQL endpoint: http://{}/sparql)", running.addr(), running.addr());
    running.join()?;
    Ok(ExitCode::SUCCESS)
}

fn resolve(bind: &str) -> Result<SocketAddr> {
    bind.to_socket_addrs()
        .with_context(|| format!("--bind {bind:?}: expected HOST:PORT, e.g. 127.0.0.1:7878"))?
        .next()
        .with_context(|| format!("--bind {bind:?} resolves to no address"))
}
