//! A read-only [SPARQL 1.1 Protocol](https://www.w3.org/TR/sparql11-protocol/)
//! endpoint over the store, for `annals serve`.
//!
//! - `GET /sparql?query=...`, `POST /sparql` with an `application/sparql-query`
//!   body or an `application/x-www-form-urlencoded` form (`/` answers the
//!   same requests, and shows a query page when asked for nothing);
//!   `default-graph-uri` and `named-graph-uri` select the dataset.
//! - Results by content negotiation (`Accept`) or a `format` (or `output`)
//!   parameter: SPARQL JSON, XML, CSV, TSV for SELECT and ASK; Turtle,
//!   N-Triples, JSON-LD, RDF/XML for CONSTRUCT and DESCRIBE.
//! - Updates are refused (403); bad SPARQL is a 400 with the parser's
//!   message; a query past its time limit is cancelled (503); a result past
//!   the row limit is refused (413).
//! - CORS: every answer allows any origin, and `OPTIONS` answers preflights,
//!   so browser tools such as YASGUI can use the endpoint.
//! - `GET /queries` lists the bundled queries as JSON (for the query page).
//!
//! Each query runs in its own thread, at most `threads` at once (others
//! wait for a slot, within their time limit). A request whose query is not
//! done by the deadline cancels it through Oxigraph's cancellation token,
//! gives its slot back and answers 503 at once; the query stops at its next
//! read of the store.

use std::io::Read;
use std::net::{SocketAddr, TcpListener};
use std::sync::{mpsc, Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

use oxhttp::model::header::{self, HeaderName};
use oxhttp::model::{Body, HeaderValue, Method, Request, Response, StatusCode};
use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxigraph::model::NamedNode;
use oxigraph::sparql::CancellationToken;

use crate::format::{write_results, ResultFormat};
use crate::{named_queries, parse_query, query_parameters, Error, EvalOptions, Store};

/// Limits and choices of one endpoint.
#[derive(Debug, Clone)]
pub struct EndpointConfig {
    /// Cancel a query that runs longer (including its wait for a worker).
    pub timeout: Duration,
    /// Refuse results with more rows (SELECT) or triples (CONSTRUCT).
    pub max_rows: usize,
    /// Queries evaluated at once; more requests wait their turn.
    pub threads: usize,
    /// Evaluate queries that name no graph over the union of all graphs
    /// (the store's default graph is empty).
    pub union_default_graph: bool,
    /// Print one line per request on standard error.
    pub log: bool,
}

impl Default for EndpointConfig {
    fn default() -> Self {
        EndpointConfig {
            timeout: Duration::from_secs(10),
            max_rows: 100_000,
            threads: 4,
            union_default_graph: false,
            log: false,
        }
    }
}

/// Largest request body read (a query or a form).
const MAX_BODY: u64 = 1 << 20;
/// Connections served at once; each is a thread, mostly idle in keep-alive.
const MAX_CONNECTIONS: usize = 64;

const INDEX_HTML: &str = include_str!("endpoint.html");

/// The SPARQL endpoint of one store.
pub struct Endpoint {
    store: Arc<Store>,
    config: EndpointConfig,
    slots: Slots,
}

/// A running endpoint: where it listens, and a handle to wait on.
pub struct RunningEndpoint {
    addr: SocketAddr,
    server: oxhttp::ListeningServer,
}

impl RunningEndpoint {
    /// The address the server listens on (the real port when 0 was asked).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Serves until the process ends.
    pub fn join(self) -> Result<(), Error> {
        Ok(self.server.join()?)
    }
}

/// Admission: at most `limit` queries evaluate at once.
struct Slots {
    busy: Mutex<usize>,
    freed: Condvar,
    limit: usize,
}

/// A taken slot, given back on drop.
struct Slot<'a>(&'a Slots);

impl Slots {
    fn new(limit: usize) -> Slots {
        Slots { busy: Mutex::new(0), freed: Condvar::new(), limit: limit.max(1) }
    }

    /// Waits for a free slot until `deadline`.
    fn take(&self, deadline: Instant) -> Option<Slot<'_>> {
        let mut busy = self.busy.lock().unwrap_or_else(PoisonError::into_inner);
        while *busy >= self.limit {
            let left = deadline.checked_duration_since(Instant::now())?;
            busy = self.freed.wait_timeout(busy, left).unwrap_or_else(PoisonError::into_inner).0;
        }
        *busy += 1;
        Some(Slot(self))
    }
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        *self.0.busy.lock().unwrap_or_else(PoisonError::into_inner) -= 1;
        self.0.freed.notify_one();
    }
}

/// An error answer: status and a plain-text message.
struct Refusal {
    status: StatusCode,
    message: String,
}

fn refuse(status: StatusCode, message: impl Into<String>) -> Refusal {
    Refusal { status, message: message.into() }
}

impl From<Error> for Refusal {
    fn from(e: Error) -> Refusal {
        let status = match &e {
            Error::Sparql { .. } | Error::Param { .. } => StatusCode::BAD_REQUEST,
            Error::Cancelled => StatusCode::SERVICE_UNAVAILABLE,
            Error::TooManyResults { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Error::Format(_) => StatusCode::NOT_ACCEPTABLE,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        refuse(status, e.to_string())
    }
}

impl Endpoint {
    /// An endpoint over `store` (open it read-only).
    pub fn new(store: Store, config: EndpointConfig) -> Result<Endpoint, Error> {
        let slots = Slots::new(config.threads);
        Ok(Endpoint { store: Arc::new(store), config, slots })
    }

    /// Starts serving on `addr` in background threads. Port 0 picks a free
    /// port; [`RunningEndpoint::addr`] says which.
    pub fn serve(self, addr: SocketAddr) -> Result<RunningEndpoint, Error> {
        // oxhttp binds inside `spawn` and does not report the port, so a
        // free port is found first (the OS does not hand it out again at once).
        let addr = if addr.port() == 0 { TcpListener::bind(addr)?.local_addr()? } else { addr };
        let endpoint = Arc::new(self);
        let server = oxhttp::Server::new(move |request| endpoint.handle(request))
            .bind(addr)
            .with_global_timeout(Duration::from_secs(60))
            .with_max_concurrent_connections(MAX_CONNECTIONS)
            .with_server_name(concat!("annals/", env!("CARGO_PKG_VERSION")))
            .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?
            .spawn()?;
        Ok(RunningEndpoint { addr, server })
    }

    /// Answers one HTTP request.
    pub fn handle(&self, request: &mut Request<Body>) -> Response<Body> {
        let start = Instant::now();
        let mut response = self.route(request).unwrap_or_else(|r| {
            let mut body = r.message;
            body.push('\n');
            text_response(r.status, "text/plain; charset=utf-8", body)
        });
        let headers = response.headers_mut();
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
        if self.config.log {
            eprintln!(
                "{} {} {} {:.1} ms",
                request.method(),
                request.uri().path(),
                response.status().as_u16(),
                start.elapsed().as_secs_f64() * 1e3
            );
        }
        response
    }

    fn route(&self, request: &mut Request<Body>) -> Result<Response<Body>, Refusal> {
        let path = request.uri().path().to_owned();
        let url_params = parse_form(request.uri().query().unwrap_or_default());
        let method = request.method().clone();
        match (path.as_str(), method) {
            ("/" | "/sparql" | "/queries", Method::OPTIONS) => Ok(preflight(request)),
            ("/", Method::GET) if url_params.is_empty() => {
                Ok(text_response(StatusCode::OK, "text/html; charset=utf-8", INDEX_HTML.to_owned()))
            }
            ("/queries", Method::GET) => Ok(self.list_queries()),
            ("/" | "/sparql", Method::GET) => {
                let accept = header_str(request, header::ACCEPT);
                self.sparql(url_params, None, accept.as_deref())
            }
            ("/" | "/sparql", Method::POST) => {
                let accept = header_str(request, header::ACCEPT);
                let content_type = header_str(request, header::CONTENT_TYPE).unwrap_or_default();
                let media = content_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
                let body = read_body(request)?;
                match media.as_str() {
                    "application/sparql-query" => self.sparql(url_params, Some(body), accept.as_deref()),
                    "application/x-www-form-urlencoded" => {
                        let mut params = url_params;
                        params.extend(parse_form(&body));
                        self.sparql(params, None, accept.as_deref())
                    }
                    "application/sparql-update" => Err(read_only()),
                    "" => Err(refuse(
                        StatusCode::UNSUPPORTED_MEDIA_TYPE,
                        "a POST needs Content-Type application/sparql-query or application/x-www-form-urlencoded",
                    )),
                    other => Err(refuse(
                        StatusCode::UNSUPPORTED_MEDIA_TYPE,
                        format!(
                            "unsupported Content-Type {other}: use application/sparql-query or \
                             application/x-www-form-urlencoded"
                        ),
                    )),
                }
            }
            ("/" | "/sparql" | "/queries", _) => {
                let mut response = text_response(
                    StatusCode::METHOD_NOT_ALLOWED,
                    "text/plain; charset=utf-8",
                    "use GET or POST (the endpoint is read-only)\n".into(),
                );
                response.headers_mut().insert(header::ALLOW, HeaderValue::from_static("GET, POST, OPTIONS"));
                Ok(response)
            }
            _ => Err(refuse(StatusCode::NOT_FOUND, format!("no such page {path}: the endpoint is /sparql"))),
        }
    }

    /// Runs the query of a protocol request.
    fn sparql(
        &self,
        params: Vec<(String, String)>,
        body_query: Option<String>,
        accept: Option<&str>,
    ) -> Result<Response<Body>, Refusal> {
        let values = |name: &str| params.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect::<Vec<_>>();
        if !values("update").is_empty() {
            return Err(read_only());
        }
        let mut queries = values("query");
        queries.extend(body_query);
        let sparql = match queries.len() {
            1 => queries.remove(0),
            0 => return Err(refuse(StatusCode::BAD_REQUEST, "missing the query parameter (or a query body)")),
            _ => return Err(refuse(StatusCode::BAD_REQUEST, "more than one query given")),
        };
        let query = match parse_query("query", &sparql) {
            Ok(q) => q,
            Err(e) if parses_as_update(&sparql) => {
                drop(e);
                return Err(read_only());
            }
            Err(e) => return Err(e.into()),
        };
        let graph = matches!(query, spargebra::Query::Construct { .. } | spargebra::Query::Describe { .. });
        let format_param = values("format").into_iter().chain(values("output")).next();
        let format = negotiate(graph, format_param.as_deref(), accept)?;

        let iris = |name: &str| -> Result<Option<Vec<NamedNode>>, Refusal> {
            let list = values(name);
            if list.is_empty() {
                return Ok(None);
            }
            list.iter()
                .map(|iri| {
                    NamedNode::new(iri.as_str())
                        .map_err(|e| refuse(StatusCode::BAD_REQUEST, format!("{name} {iri:?} is not an IRI: {e}")))
                })
                .collect::<Result<Vec<_>, _>>()
                .map(Some)
        };
        let token = CancellationToken::new();
        let options = EvalOptions {
            cancel: Some(token.clone()),
            max_rows: Some(self.config.max_rows),
            default_graphs: iris("default-graph-uri")?,
            named_graphs: iris("named-graph-uri")?,
            union_default_graph: self.config.union_default_graph,
            explain: None,
        };

        let deadline = Instant::now() + self.config.timeout;
        let cancelled = || -> Refusal {
            token.cancel();
            Error::Cancelled.into()
        };
        let Some(slot) = self.slots.take(deadline) else {
            return Err(cancelled());
        };
        let (send, receive) = mpsc::channel();
        let store = Arc::clone(&self.store);
        std::thread::Builder::new()
            .name("sparql query".into())
            .spawn(move || {
                let _ = send.send(store.evaluate("query", &sparql, query, &[], &options));
            })
            .map_err(|e| refuse(StatusCode::INTERNAL_SERVER_ERROR, format!("starting a query thread: {e}")))?;
        let left = deadline.saturating_duration_since(Instant::now());
        let result = receive.recv_timeout(left);
        // A cancelled query stops at its next read of the store; one busy in
        // memory (a big join or sort) runs on, but no longer holds a slot.
        drop(slot);
        let output = match result {
            Ok(result) => result?,
            Err(_) => return Err(cancelled()),
        };
        let mut body = Vec::new();
        write_results(output, format.result_format(), &mut body)?;
        let mut response = Response::builder()
            .status(StatusCode::OK)
            .header(header::CONTENT_TYPE, format.content_type())
            .header(header::VARY, "Accept")
            .body(Body::from(body))
            .map_err(|e| refuse(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        Ok(response)
    }

    fn list_queries(&self) -> Response<Body> {
        let list: Vec<serde_json::Value> = named_queries()
            .iter()
            .map(|(name, description, sparql)| {
                serde_json::json!({
                    "name": name,
                    "description": description,
                    "parameters": query_parameters(sparql),
                    "sparql": sparql,
                })
            })
            .collect();
        text_response(StatusCode::OK, "application/json", serde_json::Value::Array(list).to_string())
    }
}

fn read_only() -> Refusal {
    refuse(
        StatusCode::FORBIDDEN,
        "this endpoint is read-only: SPARQL Update is refused (rebuild the store with `annals build`)",
    )
}

/// Whether text that is not a query is an update, so that the answer can
/// say "read-only" rather than "syntax error".
fn parses_as_update(sparql: &str) -> bool {
    let mut parser = spargebra::SparqlParser::new();
    for (prefix, iri) in crate::vocab::PREFIXES {
        parser = parser.with_prefix(*prefix, *iri).expect("static prefixes are valid IRIs");
    }
    parser.parse_update(sparql).is_ok()
}

fn preflight(request: &Request<Body>) -> Response<Body> {
    let allow_headers = header_str(request, header::ACCESS_CONTROL_REQUEST_HEADERS)
        .and_then(|h| HeaderValue::from_str(&h).ok())
        .unwrap_or_else(|| HeaderValue::from_static("Accept, Content-Type"));
    let mut response = text_response(StatusCode::NO_CONTENT, "text/plain", String::new());
    let headers = response.headers_mut();
    headers.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("GET, POST, OPTIONS"));
    headers.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, allow_headers);
    headers.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("86400"));
    headers.insert(header::ALLOW, HeaderValue::from_static("GET, POST, OPTIONS"));
    response
}

fn text_response(status: StatusCode, content_type: &'static str, body: String) -> Response<Body> {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

fn header_str(request: &Request<Body>, name: HeaderName) -> Option<String> {
    request.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned)
}

fn read_body(request: &mut Request<Body>) -> Result<String, Refusal> {
    let mut bytes = Vec::new();
    request
        .body_mut()
        .take(MAX_BODY + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| refuse(StatusCode::BAD_REQUEST, format!("reading the request body: {e}")))?;
    if bytes.len() as u64 > MAX_BODY {
        return Err(refuse(StatusCode::PAYLOAD_TOO_LARGE, format!("the request body is over {MAX_BODY} bytes")));
    }
    String::from_utf8(bytes).map_err(|_| refuse(StatusCode::BAD_REQUEST, "the request body is not UTF-8"))
}

/// `a=1&b=x+y%21` -> `[("a", "1"), ("b", "x y!")]`.
fn parse_form(text: &str) -> Vec<(String, String)> {
    text.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = |b: u8| (b as char).to_digit(16);
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(hi), Some(lo)) => {
                        out.push((hi * 16 + lo) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The serialization chosen for one answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Negotiated {
    Results(ResultFormat),
    Graph(RdfFormat),
}

impl Negotiated {
    fn result_format(self) -> ResultFormat {
        match self {
            Negotiated::Results(f) => f,
            Negotiated::Graph(RdfFormat::NTriples) => ResultFormat::NTriples,
            Negotiated::Graph(RdfFormat::JsonLd { .. }) => ResultFormat::JsonLd,
            Negotiated::Graph(RdfFormat::RdfXml) => ResultFormat::RdfXml,
            Negotiated::Graph(_) => ResultFormat::Turtle,
        }
    }

    fn content_type(self) -> &'static str {
        match self {
            Negotiated::Results(ResultFormat::Json) => "application/sparql-results+json",
            Negotiated::Results(ResultFormat::Xml) => "application/sparql-results+xml",
            Negotiated::Results(ResultFormat::Csv) => "text/csv; charset=utf-8",
            Negotiated::Results(_) => "text/tab-separated-values; charset=utf-8",
            Negotiated::Graph(RdfFormat::NTriples) => "application/n-triples",
            Negotiated::Graph(RdfFormat::JsonLd { .. }) => "application/ld+json",
            Negotiated::Graph(RdfFormat::RdfXml) => "application/rdf+xml",
            Negotiated::Graph(_) => "text/turtle",
        }
    }
}

const JSON_LD: RdfFormat = RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() };

/// A `format` value or a media type, for a graph result or not; `None`
/// when it does not fit. Short names follow SPARQLWrapper and Fuseki
/// (`json` means JSON-LD for a graph, `xml` RDF/XML).
fn format_for(name: &str, graph: bool) -> Option<Negotiated> {
    use Negotiated::{Graph, Results};
    let name = name.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    Some(match (name.as_str(), graph) {
        ("*/*" | "application/*", false) => Results(ResultFormat::Json),
        ("*/*" | "application/*" | "text/*", true) => Graph(RdfFormat::Turtle),
        ("json" | "srj" | "application/sparql-results+json" | "application/json", false) => Results(ResultFormat::Json),
        ("xml" | "srx" | "rdf" | "application/sparql-results+xml" | "application/xml" | "text/xml", false) => {
            Results(ResultFormat::Xml)
        }
        ("csv" | "text/csv", false) => Results(ResultFormat::Csv),
        ("tsv" | "text/tab-separated-values" | "text/*", false) => Results(ResultFormat::Tsv),
        ("turtle" | "ttl" | "n3" | "text/turtle" | "application/x-turtle" | "text/n3", true) => {
            Graph(RdfFormat::Turtle)
        }
        ("ntriples" | "n-triples" | "nt" | "application/n-triples" | "text/plain", true) => Graph(RdfFormat::NTriples),
        ("json" | "jsonld" | "json-ld" | "application/ld+json" | "application/json", true) => Graph(JSON_LD),
        ("xml" | "rdf" | "rdfxml" | "rdf+xml" | "application/rdf+xml" | "application/xml" | "text/xml", true) => {
            Graph(RdfFormat::RdfXml)
        }
        _ => return None,
    })
}

/// The `format` parameter wins; then the first acceptable type of the
/// `Accept` header by quality; then JSON (SELECT, ASK) or Turtle (graphs).
fn negotiate(graph: bool, format: Option<&str>, accept: Option<&str>) -> Result<Negotiated, Refusal> {
    let kind = if graph { "CONSTRUCT/DESCRIBE" } else { "SELECT/ASK" };
    let offer = if graph { "turtle, ntriples, jsonld, rdfxml" } else { "json, xml, csv, tsv" };
    if let Some(name) = format {
        return format_for(name, graph).ok_or_else(|| {
            refuse(StatusCode::NOT_ACCEPTABLE, format!("format {name:?} does not fit {kind} results (one of {offer})"))
        });
    }
    let Some(accept) = accept.filter(|a| !a.trim().is_empty()) else {
        return Ok(format_for("*/*", graph).expect("a default for both kinds"));
    };
    let mut ranges: Vec<(f32, &str)> = accept
        .split(',')
        .map(|range| {
            let mut parts = range.split(';');
            let media = parts.next().unwrap_or_default().trim();
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            (q, media)
        })
        .filter(|(q, _)| *q > 0.0)
        .collect();
    // Stable: equal qualities keep the client's order.
    ranges.sort_by(|a, b| b.0.total_cmp(&a.0));
    ranges.iter().find_map(|(_, media)| format_for(media, graph)).ok_or_else(|| {
        refuse(StatusCode::NOT_ACCEPTABLE, format!("cannot answer {kind} results as {accept} (formats: {offer})"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_decode() {
        assert_eq!(
            parse_form("query=SELECT+*%20WHERE+%7B%7D&format=json&x"),
            [("query".into(), "SELECT * WHERE {}".into()), ("format".into(), "json".into()), ("x".into(), "".into())]
        );
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("caf%C3%A9"), "café");
        assert_eq!(percent_decode("%é%"), "%é%");
    }

    #[test]
    fn negotiation() {
        let pick = |graph, format, accept| negotiate(graph, format, accept).ok().map(Negotiated::result_format);
        assert_eq!(pick(false, None, None), Some(ResultFormat::Json));
        assert_eq!(pick(true, None, None), Some(ResultFormat::Turtle));
        assert_eq!(pick(false, None, Some("text/csv")), Some(ResultFormat::Csv));
        assert_eq!(pick(false, None, Some("text/html,application/xml;q=0.9,*/*;q=0.8")), Some(ResultFormat::Xml));
        assert_eq!(pick(false, None, Some("text/csv;q=0.5, application/sparql-results+xml")), Some(ResultFormat::Xml));
        assert_eq!(pick(true, None, Some("application/n-triples")), Some(ResultFormat::NTriples));
        assert_eq!(pick(true, Some("json"), Some("text/turtle")), Some(ResultFormat::JsonLd));
        assert_eq!(pick(false, Some("tsv"), None), Some(ResultFormat::Tsv));
        assert_eq!(pick(true, Some("csv"), None), None);
        assert_eq!(pick(false, None, Some("image/png")), None);
        assert_eq!(pick(false, None, Some("text/csv;q=0")), None);
    }
}
