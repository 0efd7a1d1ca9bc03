//! Builds a store of synthetic linked events and times the bundled queries
//! on it (the numbers in docs/sparql.md).
//!
//! ```sh
//! cargo run --release -p annals-query --example synthetic -- 100000 /tmp/annals-100k.db
//! ```
//!
//! Events are deterministic (a fixed-seed generator): 2,000 actors from 30
//! countries with a skewed activity (a few are very busy), six event types,
//! dates from 2015 to 2025 at day, month or year precision (some undated),
//! one to three reporting articles per event with now and then a different
//! date or an earlier "planned" report, four mentions per article.

use std::path::PathBuf;
use std::time::Instant;

use annals_extract::model::{ActorKind, ArticleInfo, EventMention, EventType, Participant, Span, Status};
use annals_graph::model::{ActorRecord, Linked, LinkedEvent, MentionRecord, TitleSpan};
use annals_query::{named_queries, named_query, Error, QueryOutput, Store};

const ACTORS: usize = 2_000;
const COUNTRIES: &[&str] = &[
    "KOR", "CHN", "JPN", "USA", "RUS", "IND", "BRA", "FRA", "DEU", "GBR", "ITA", "ESP", "CAN", "MEX", "ARG", "ZAF",
    "NGA", "EGY", "TUR", "IRN", "SAU", "IDN", "VNM", "THA", "PHL", "AUS", "NZL", "PAK", "UKR", "POL",
];
const TYPES: &[EventType] = &[
    EventType::Meet,
    EventType::Meet,
    EventType::Call,
    EventType::Visit,
    EventType::Host,
    EventType::Sign,
    EventType::Invite,
];
const MENTIONS_PER_ARTICLE: usize = 4;

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Skewed towards 0: actor 0 is the busiest.
    fn skewed(&mut self, n: usize) -> usize {
        let x = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((x * x * x) * n as f64) as usize
    }
}

/// Days since 2015-01-01 to `YYYY-MM-DD`.
fn day(mut offset: usize) -> String {
    let mut year = 2015;
    loop {
        let len = if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) { 366 } else { 365 };
        if offset < len {
            break;
        }
        offset -= len;
        year += 1;
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let months = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut month = 0;
    while offset >= months[month] {
        offset -= months[month];
        month += 1;
    }
    format!("{year}-{:02}-{:02}", month + 1, offset + 1)
}

fn actor_name(i: usize) -> String {
    match i {
        0 => "Xi Jinping".into(),
        1 => "Lee Jae-myung".into(),
        _ => format!("Official {i:04}"),
    }
}

fn actor_country(i: usize) -> &'static str {
    match i {
        0 => "CHN",
        1 => "KOR",
        _ => COUNTRIES[i % COUNTRIES.len()],
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(100_000);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "/tmp/annals-synthetic.db".into()));
    // `--reuse`: time the queries on a store an earlier run built.
    let reuse = args.next().as_deref() == Some("--reuse");
    if dir.exists() && !reuse {
        std::fs::remove_dir_all(&dir)?;
    }
    let mut rng = Rng(42);

    let actors: Vec<ActorRecord> = (0..ACTORS)
        .map(|i| ActorRecord {
            id: actor_name(i).to_lowercase().replace(' ', "-"),
            name: actor_name(i),
            kind: ActorKind::Person,
            country: Some(actor_country(i).into()),
            titles: vec![
                TitleSpan {
                    title: "Foreign Minister".into(),
                    first: Some(day(i % 1000).parse().unwrap()),
                    last: Some(day(1000 + i % 1000).parse().unwrap()),
                },
                TitleSpan { title: "President".into(), first: Some(day(2000 + i % 1000).parse().unwrap()), last: None },
            ],
            aliases: vec![actor_name(i)],
            mentions: 0,
            sources: 0,
        })
        .collect();

    let mut events = Vec::with_capacity(n);
    let mut mentions: Vec<EventMention> = Vec::new();
    let mut doc_dates = Vec::new();
    for i in 0..n {
        let kind = TYPES[rng.below(TYPES.len())];
        let a = rng.skewed(ACTORS);
        let mut b = rng.skewed(ACTORS);
        if b == a {
            b = (a + 1 + rng.below(ACTORS - 1)) % ACTORS;
        }
        let mut people = vec![a, b];
        if kind == EventType::Visit {
            people.truncate(1);
        }
        let offset = rng.below(4000);
        let precision = rng.below(100);
        let date_text = day(offset);
        let date = match precision {
            0..=4 => None,
            5..=14 => Some(date_text[..4].to_string()),
            15..=34 => Some(date_text[..7].to_string()),
            _ => Some(date_text.clone()),
        };
        let status = match rng.below(100) {
            0..=79 => Status::Occurred,
            80..=91 => Status::Planned,
            92..=96 => Status::Proposed,
            _ => Status::Negated,
        };
        let place = (rng.below(3) > 0).then(|| format!("City {:03}", rng.below(200)));
        let names: Vec<String> = people.iter().map(|&p| actor_name(p)).collect();
        let reports = 1 + rng.below(3);
        let mut records = Vec::new();
        for r in 0..reports {
            let doc_index = mentions.len() / MENTIONS_PER_ARTICLE;
            let doc = format!("synthetic-{doc_index:07}");
            let mut m_date = date.clone();
            let mut m_status = status;
            if r > 0 && rng.below(20) == 0 {
                m_date = Some(day(offset + 1 + rng.below(30)));
            }
            if r == 0 && reports > 1 && status == Status::Occurred && rng.below(5) == 0 {
                m_status = Status::Planned;
            }
            let text =
                format!("{} {} {} in {}.", names[0], kind.as_str().to_lowercase(), names.last().unwrap(), date_text);
            let start = (mentions.len() % MENTIONS_PER_ARTICLE) * 200;
            let span = Span::new(start, start + text.len());
            let m_date = m_date.map(|d| d.parse().unwrap());
            mentions.push(EventMention {
                doc: doc.clone(),
                kind,
                participants: people
                    .iter()
                    .map(|&p| Participant {
                        name: actor_name(p),
                        kind: ActorKind::Person,
                        title: Some("Foreign Minister".into()),
                        country: Some(actor_country(p).into()),
                        surface: actor_name(p),
                    })
                    .collect(),
                date: m_date,
                date_text: Some(date_text.clone()),
                place: place.clone(),
                status: m_status,
                confidence: 0.8,
                evidence: span,
                evidence_text: text.clone(),
                trigger: Span::new(start, start + 3),
            });
            if doc_dates.len() <= doc_index {
                doc_dates.push(day((offset + r * 3).min(4100)));
            }
            records.push(MentionRecord {
                doc,
                span,
                text,
                date: m_date,
                date_text: Some(date_text.clone()),
                place: place.clone(),
                status: m_status,
                participants: names.clone(),
                confidence: 0.8,
                doc_date: Some(doc_dates[doc_index].parse().unwrap()),
            });
        }
        events.push(LinkedEvent {
            id: format!("ev{i:07}"),
            kind,
            date: date.map(|d| d.parse().unwrap()),
            participants: names,
            place,
            status,
            confidence: 0.8,
            sources: reports,
            articles: reports,
            mentions: records,
            merge_reasons: vec!["synthetic".into()],
        });
    }

    if !reuse {
        build(&dir, n, actors, events, &mentions, &doc_dates)?;
    }
    time_queries(&dir)
}

fn build(
    dir: &std::path::Path,
    n: usize,
    actors: Vec<ActorRecord>,
    events: Vec<LinkedEvent>,
    mentions: &[EventMention],
    doc_dates: &[String],
) -> Result<(), Box<dyn std::error::Error>> {
    let started = Instant::now();
    let store = Store::open(dir)?;
    let mut article_count = 0;
    for (doc_index, chunk) in mentions.chunks(MENTIONS_PER_ARTICLE).enumerate() {
        let info = ArticleInfo {
            id: chunk[0].doc.clone(),
            date: Some(doc_dates[doc_index].parse().unwrap()),
            date_inferred: None,
            source: Some(format!("Outlet {}", doc_index % 50)),
            url: None,
            title: None,
            content_hash: format!("{doc_index:x}"),
            minhash: vec![1, 2, 3],
            sentences: 10,
            chars: 1000,
        };
        store.put_article(&info, chunk, &[])?;
        article_count += 1;
    }
    let articles_time = started.elapsed();
    store.replace_linked(&Linked { actors, events })?;
    let build_time = started.elapsed();
    let quads = store.quad_count()?;
    drop(store);
    let size: u64 = std::fs::read_dir(dir)?.filter_map(|e| e.ok()?.metadata().ok()).map(|m| m.len()).sum();
    println!(
        "built {n} events, {} mentions, {article_count} articles, {quads} quads in {:.1} s \
         (articles {:.1} s, linked graph {:.1} s); store {:.0} MB on disk",
        mentions.len(),
        build_time.as_secs_f64(),
        articles_time.as_secs_f64(),
        (build_time - articles_time).as_secs_f64(),
        size as f64 / 1e6,
    );

    Ok(())
}

/// Query times, in process, read-only like `annals query` and `annals serve`.
///
/// Environment: `ONLY=a,b` times just those queries (`PARAMS=only` or
/// `PARAMS=none`: just the cases with or without parameters); `CAP=120` gives up on a
/// query after that many seconds (shown as "> cap"); `RUNS=3` runs each
/// query that many times (once when the first run took over 10 s) and shows
/// the first and the median; `QUERY_DIR=queries` reads `NAME.rq` from there
/// instead of the bundled text (to try a change without a rebuild).
fn time_queries(dir: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
    let opened = Instant::now();
    let store = Store::open_read_only(dir)?;
    println!("opened in {:.1} s", opened.elapsed().as_secs_f64());
    let mut cases: Vec<(&str, Vec<(String, String)>)> =
        named_queries().iter().map(|(name, _, _)| (*name, vec![])).collect();
    let p = |pairs: &[(&str, &str)]| pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect::<Vec<_>>();
    cases.push(("who-met", p(&[("actor", "Lee Jae-myung")])));
    cases.push(("who-met", p(&[("actor", "official 004")])));
    cases.push((
        "country-meetings",
        p(&[("country1", "KOR"), ("country2", "CHN"), ("from", "2020"), ("to", "2020-06")]),
    ));
    cases.push(("pair-history", p(&[("a", "Xi Jinping"), ("b", "KOR")])));
    cases.push(("partners", p(&[("actor", "Official 0042")])));
    cases.push(("actor-titles", p(&[("actor", "Official 0042")])));
    cases.push(("event-sources", p(&[("event", "ev0004242")])));
    cases.push(("visits", p(&[("place", "City 042")])));
    cases.push(("timeline", p(&[("actor", "Official 0042")])));
    cases.push(("corroborated", p(&[("min", "3")])));
    let only = std::env::var("ONLY").unwrap_or_default();
    cases.retain(|(name, _)| only.is_empty() || only.split(',').any(|o| o == *name));
    // PARAMS=only: just the cases with parameters; PARAMS=none: just the whole tables.
    match std::env::var("PARAMS").as_deref() {
        Ok("only") => cases.retain(|(_, params)| !params.is_empty()),
        Ok("none") => cases.retain(|(_, params)| params.is_empty()),
        _ => {}
    }
    let cap = std::time::Duration::from_secs(std::env::var("CAP").ok().and_then(|c| c.parse().ok()).unwrap_or(120));
    let runs: usize = std::env::var("RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(3);
    let query_dir = std::env::var("QUERY_DIR").ok();
    println!("| query | parameters | rows | first ms | median ms |");
    println!("|-------|------------|-----:|---------:|----------:|");
    for (name, params) in &cases {
        let sparql = match &query_dir {
            Some(d) => std::fs::read_to_string(std::path::Path::new(d).join(format!("{name}.rq")))?,
            None => named_query(name).ok_or("no such query")?.to_owned(),
        };
        let shown: Vec<String> = params.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let mut times = Vec::new();
        let mut rows = 0;
        let mut over = false;
        for run in 0..runs.max(1) {
            let t = Instant::now();
            let out = match store.query_within(&sparql, params, cap) {
                Err(Error::Cancelled) => {
                    over = true;
                    break;
                }
                r => r?,
            };
            times.push(t.elapsed().as_secs_f64() * 1e3);
            rows = match out {
                QueryOutput::Solutions { rows, .. } => rows.len(),
                QueryOutput::Graph(t) => t.len(),
                QueryOutput::Boolean(_) => 1,
            };
            if run == 0 && times[0] > 10_000.0 {
                break;
            }
        }
        if over {
            println!("| {name} | {} | | > {} s | |", shown.join(" "), cap.as_secs());
            continue;
        }
        let first = times[0];
        times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        println!("| {name} | {} | {rows} | {first:.0} | {median:.0} |", shown.join(" "));
    }
    Ok(())
}
