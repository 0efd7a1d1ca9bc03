use std::path::PathBuf;

/// Why a store could not be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenFailure {
    /// Another process (or another handle in this one) holds the write lock.
    Locked,
    /// The directory exists but is not a readable store.
    Corrupt,
    /// Read-only open of a path with no store.
    Missing,
    /// Anything else (permissions, disk full, ...).
    Other,
}

/// Everything that can go wrong in this crate.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("{}", open_message(path, *kind, message))]
    Open { path: PathBuf, kind: OpenFailure, message: String },
    /// A query did not parse or failed to evaluate. `message` carries the
    /// parser's line:column position.
    #[error("SPARQL error in {query_name}: {message}")]
    Sparql { query_name: String, message: String },
    /// The query ran past its time limit and was stopped.
    #[error("the query was cancelled: it ran longer than the time limit")]
    Cancelled,
    /// The result has more rows (or triples) than allowed.
    #[error("the result has more than {limit} rows or triples (add a LIMIT or raise the limit)")]
    TooManyResults { limit: usize },
    /// A `$name` parameter could not be bound.
    #[error("query parameter ${name}: {message}")]
    Param { name: String, message: String },
    /// The store holds data this crate does not understand.
    #[error("unexpected RDF in the store: {0}")]
    Rdf(String),
    /// A result or dump format that does not fit the data.
    #[error("{0}")]
    Format(String),
    #[error("store error: {0}")]
    Storage(#[from] oxigraph::store::StorageError),
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
}

fn open_message(path: &std::path::Path, kind: OpenFailure, message: &str) -> String {
    let path = path.display();
    match kind {
        OpenFailure::Locked => format!(
            "store {path} is locked by another annals process (only one may write at a time; \
             wait for it to finish or use a read-only command): {message}"
        ),
        OpenFailure::Corrupt => format!(
            "store {path} is corrupt or not an annals store (delete it and run `annals build` again): {message}"
        ),
        OpenFailure::Missing => format!("no store at {path}: run `annals build` first"),
        OpenFailure::Other => format!("cannot open store {path}: {message}"),
    }
}

impl Error {
    pub(crate) fn open(path: &std::path::Path, error: oxigraph::store::StorageError, read_only: bool) -> Error {
        use oxigraph::store::StorageError;
        let message = error.to_string();
        let lower = message.to_ascii_lowercase();
        // RocksDB says "lock hold by current process" (same process) or
        // "While lock file: .../LOCK: Resource temporarily unavailable".
        let locked = ["lock hold", "while lock", "/lock:", "resource temporarily unavailable"];
        let kind = if matches!(error, StorageError::Corruption(_))
            || lower.contains("corrupt")
            || lower.contains("column family")
        {
            OpenFailure::Corrupt
        } else if locked.iter().any(|l| lower.contains(l)) {
            OpenFailure::Locked
        } else if read_only && (lower.contains("no such file") || lower.contains("does not exist")) {
            OpenFailure::Missing
        } else {
            OpenFailure::Other
        };
        Error::Open { path: path.to_path_buf(), kind, message }
    }

    pub(crate) fn sparql(query_name: &str, error: impl std::fmt::Display) -> Error {
        Error::Sparql { query_name: query_name.to_owned(), message: error.to_string() }
    }
}
