//! Synthetic event mentions for benchmarks and picture fixtures: invented
//! actors, real capitals, several reports per real event with the date at
//! day or month precision and the place as a city or its country, a few
//! planned-then-occurred pairs. Deterministic for a given seed.

use annals_extract::model::{ActorKind, ArticleInfo, EventMention, EventType, PartialDate, Participant, Span, Status};

/// A small xorshift generator: no dependency, same numbers everywhere.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E3779B97F4A7C15) | 1)
    }
    pub(crate) fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Skewed towards small numbers: popular actors meet more.
    pub(crate) fn skewed(&mut self, n: usize) -> usize {
        let a = self.below(n);
        let b = self.below(n);
        a.min(b)
    }
}

const GIVEN: &[&str] = &[
    "Ana", "Boris", "Chen", "Dara", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kemal", "Lena", "Marta",
    "Nils", "Olga", "Pavel", "Rosa", "Samir", "Tomas", "Ugo", "Vera", "Wen", "Yara", "Zoran",
];
const FAMILY: &[&str] = &[
    "Varela", "Morota", "Brunner", "Otieno", "Ishida", "Kranjc", "Lindner", "Dvorak", "Huber", "Moura", "Mehta",
    "Nakamura", "Okafor", "Petrov", "Quinn", "Rahman", "Silva", "Tanaka", "Ulloa", "Vidal", "Weber", "Xu", "Yilmaz",
    "Zeller", "Abara", "Bello", "Castro", "Duarte", "Egan", "Ferraz",
];
/// (city, country)
const PLACES: &[(&str, &str)] = &[
    ("Paris", "France"),
    ("Berlin", "Germany"),
    ("Tokyo", "Japan"),
    ("Seoul", "South Korea"),
    ("Beijing", "China"),
    ("New Delhi", "India"),
    ("Brasilia", "Brazil"),
    ("Nairobi", "Kenya"),
    ("Geneva", "Switzerland"),
    ("Vienna", "Austria"),
    ("Ottawa", "Canada"),
    ("Canberra", "Australia"),
    ("Jakarta", "Indonesia"),
    ("Madrid", "Spain"),
    ("Rome", "Italy"),
    ("Cairo", "Egypt"),
];

/// Invented person names: every (given, family) pair, shuffled by index.
pub(crate) fn actor_name(i: usize) -> String {
    let g = GIVEN[i % GIVEN.len()];
    let f = FAMILY[(i / GIVEN.len() + i * 7) % FAMILY.len()];
    if i < GIVEN.len() * FAMILY.len() {
        format!("{g} {f}")
    } else {
        format!("{g} {f}-{}", i / (GIVEN.len() * FAMILY.len()))
    }
}

fn person(name: &str) -> Participant {
    Participant { name: name.into(), kind: ActorKind::Person, title: None, country: None, surface: name.into() }
}

/// What a synthetic corpus looks like.
pub(crate) struct Spec {
    pub(crate) seed: u64,
    pub(crate) actors: usize,
    /// Real events; each is reported 1 to `max_reports` times.
    pub(crate) events: usize,
    pub(crate) max_reports: usize,
    pub(crate) first_year: i32,
    pub(crate) years: i32,
}

/// Articles and mentions: one article per report.
pub(crate) fn corpus(spec: &Spec) -> (Vec<ArticleInfo>, Vec<EventMention>) {
    let mut rng = Rng::new(spec.seed);
    let mut articles = Vec::new();
    let mut mentions = Vec::new();
    let kinds = [
        EventType::Meet,
        EventType::Meet,
        EventType::Meet,
        EventType::Call,
        EventType::Visit,
        EventType::Host,
        EventType::Sign,
    ];
    for ev in 0..spec.events {
        let kind = kinds[rng.below(kinds.len())];
        let a = rng.skewed(spec.actors);
        let mut b = rng.skewed(spec.actors);
        if b == a {
            b = (a + 1 + rng.below(spec.actors - 1)) % spec.actors;
        }
        let names: Vec<String> = match kind {
            EventType::Visit => vec![actor_name(a)],
            _ => vec![actor_name(a), actor_name(b)],
        };
        let year = spec.first_year + rng.below(spec.years as usize) as i32;
        let month = 1 + rng.below(12) as u8;
        let day = 1 + rng.below(28) as u8;
        let (city, country) = PLACES[rng.below(PLACES.len())];
        let planned_first = rng.below(8) == 0;
        let proposed = rng.below(30) == 0;
        let reports = 1 + rng.skewed(spec.max_reports);
        for r in 0..reports {
            let id = format!("a{ev:06}-{r}");
            // reports come out from a week before to two weeks after
            let doc = chrono::NaiveDate::from_ymd_opt(year, month as u32, day as u32).unwrap()
                + chrono::TimeDelta::days(rng.below(21) as i64 - 7);
            let before = r == 0 && planned_first;
            let date = match rng.below(4) {
                0 => PartialDate::ym(year, month),
                _ => PartialDate::ymd(year, month, day),
            };
            let place = match rng.below(4) {
                0 => None,
                1 => Some(country.to_string()),
                _ => Some(city.to_string()),
            };
            let status = if proposed {
                Status::Proposed
            } else if before {
                Status::Planned
            } else {
                Status::Occurred
            };
            let doc_date = if before { doc - chrono::TimeDelta::days(10) } else { doc };
            let minhash: Vec<u32> = (0..64).map(|_| rng.next() as u32).collect();
            articles.push(ArticleInfo {
                id: id.clone(),
                date: Some(PartialDate::from_naive(doc_date)),
                date_inferred: None,
                source: None,
                url: None,
                title: None,
                content_hash: id.clone(),
                minhash,
                sentences: 3,
                chars: 400,
            });
            mentions.push(EventMention {
                doc: id,
                kind,
                participants: names.iter().map(|n| person(n)).collect(),
                date: Some(date),
                date_text: None,
                place,
                status,
                confidence: 0.8,
                evidence: Span::new(0, 80),
                evidence_text: format!("{} {} {}", names.join(" and "), kind, city),
                trigger: Span::new(10, 14),
            });
        }
    }
    (articles, mentions)
}
