//! Bundled gazetteers: countries, organizations and person titles.
//!
//! The data lives in RON files under `data/` at the workspace root and is
//! compiled into the binary with `include_str!`, so [`Gazetteer::builtin`]
//! never does IO. The structs below mirror the files field for field
//! (`deny_unknown_fields`), so a typo in a data file fails the unit tests
//! instead of being silently ignored.
//!
//! Strings are stored as news writes them (capitalized, with diacritics where
//! used, often with an ASCII twin next to them). Matching code should compare
//! case- and diacritic-insensitively where it makes sense, except for all-caps
//! acronyms ("US", "CAR", "AP"), which only mean the entity when written so.

use std::sync::LazyLock;

use serde::Deserialize;

const COUNTRIES_RON: &str = include_str!("../../../data/countries.ron");
const ORGANIZATIONS_RON: &str = include_str!("../../../data/organizations.ron");
const TITLES_RON: &str = include_str!("../../../data/titles.ron");

/// A sovereign state or a state-like entity news treats as one (Taiwan,
/// Kosovo, Palestine, Hong Kong, ...).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// The short name English news uses most ("South Korea").
    pub name: String,
    /// ISO 3166-1 alpha-3 ("KOR"); "XKX" for Kosovo.
    pub iso3: String,
    /// ISO 3166-1 alpha-2 ("KR"); "XK" for Kosovo.
    pub iso2: String,
    /// Other names: official long form, abbreviations, former names, spelling
    /// variants ("Republic of Korea", "ROK", "S. Korea").
    pub aliases: Vec<String>,
    /// Adjective and noun forms ("South Korean", "South Koreans").
    pub demonyms: Vec<String>,
    /// Official capital.
    pub capital: String,
    /// Where the government actually sits, only when it differs from `capital`
    /// (Netherlands: The Hague).
    pub seat_of_government: Option<String>,
    /// Major cities, diplomatic venues and regions news uses as places.
    pub cities: Vec<String>,
    /// Buildings or words standing for the government ("Blue House", "Kremlin").
    pub metonyms: Vec<String>,
    /// Titles of the head of state and/or government ("President", "Prime Minister").
    pub leader_titles: Vec<String>,
}

/// An international body, company, party, armed group, news agency, ...
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    pub name: String,
    pub aliases: Vec<String>,
    /// One of [`ORGANIZATION_KINDS`].
    pub kind: String,
    /// ISO alpha-3 of the home country; `None` for international bodies.
    pub country: Option<String>,
}

/// The values `Organization::kind` takes in the bundled data.
pub const ORGANIZATION_KINDS: &[&str] = &[
    "intergovernmental",
    "forum",
    "un-body",
    "military-alliance",
    "central-bank",
    "company",
    "party",
    "ngo",
    "news-agency",
    "armed-group",
    "ministry-generic",
];

/// A title or role written before or after a person's name.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Title {
    pub title: String,
    /// Seniority, 1 (junior) to 10 (head of state/government).
    pub rank: u8,
    /// Head of state/government level.
    pub head: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Titles {
    pub titles: Vec<Title>,
    /// Words that may prefix a title ("Vice", "Acting", "Former", "Then-").
    pub modifiers: Vec<String>,
    /// Generic lower-case nouns for coreference ("leader", "counterpart").
    pub role_nouns: Vec<String>,
    /// Honorifics written directly before a name ("Mr.", "Sheikh", "Gen.").
    pub honorifics: Vec<String>,
}

/// All three gazetteers together.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    pub countries: Vec<Country>,
    pub organizations: Vec<Organization>,
    pub titles: Titles,
}

static BUILTIN: LazyLock<Gazetteer> = LazyLock::new(|| {
    Gazetteer::parse(COUNTRIES_RON, ORGANIZATIONS_RON, TITLES_RON)
        .unwrap_or_else(|e| panic!("bundled gazetteer data is broken: {e}"))
});

impl Gazetteer {
    /// The gazetteers compiled into the binary, parsed once on first use.
    ///
    /// Panics (with the file name and position) if the bundled RON is broken;
    /// the unit tests make sure it is not.
    pub fn builtin() -> &'static Gazetteer {
        &BUILTIN
    }

    /// Parses the three gazetteer files from their text. The error names the
    /// file that failed ("data/countries.ron: 12:5: ...").
    pub fn parse(countries: &str, organizations: &str, titles: &str) -> Result<Gazetteer, String> {
        let countries: Vec<Country> = ron::from_str(countries).map_err(|e| format!("data/countries.ron: {e}"))?;
        let organizations: Vec<Organization> =
            ron::from_str(organizations).map_err(|e| format!("data/organizations.ron: {e}"))?;
        let titles: Titles = ron::from_str(titles).map_err(|e| format!("data/titles.ron: {e}"))?;
        Ok(Gazetteer { countries, organizations, titles })
    }

    /// The country with this ISO alpha-3 code.
    pub fn country(&self, iso3: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.iso3 == iso3)
    }
}

/// Same as [`Gazetteer::builtin`].
pub fn builtin() -> &'static Gazetteer {
    Gazetteer::builtin()
}

/// Same as [`Gazetteer::parse`].
pub fn parse(countries: &str, organizations: &str, titles: &str) -> Result<Gazetteer, String> {
    Gazetteer::parse(countries, organizations, titles)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

    /// Demonyms deliberately shared by two countries (documented in countries.ron).
    const SHARED_DEMONYMS: &[&str] = &["congolese", "dominican", "dominicans"];

    fn g() -> &'static Gazetteer {
        Gazetteer::builtin()
    }

    fn key(s: &str) -> String {
        s.to_lowercase()
    }

    fn country(iso3: &str) -> &'static Country {
        g().country(iso3).unwrap_or_else(|| panic!("no country {iso3}"))
    }

    fn has(list: &[String], s: &str) -> bool {
        list.iter().any(|x| x == s)
    }

    #[test]
    fn all_files_parse() {
        let g = Gazetteer::parse(COUNTRIES_RON, ORGANIZATIONS_RON, TITLES_RON).unwrap();
        assert!(!g.organizations.is_empty());
        assert!(!g.titles.titles.is_empty());
        assert!(!g.titles.modifiers.is_empty());
        assert!(!g.titles.role_nouns.is_empty());
        assert!(!g.titles.honorifics.is_empty());
        // The free functions agree with the associated ones.
        assert_eq!(builtin().countries.len(), g.countries.len());
        assert!(parse(COUNTRIES_RON, ORGANIZATIONS_RON, TITLES_RON).is_ok());
    }

    #[test]
    fn parse_error_names_the_file() {
        let e = Gazetteer::parse(COUNTRIES_RON, "[ (name: ", TITLES_RON).unwrap_err();
        assert!(e.starts_with("data/organizations.ron:"), "{e}");
        let e = Gazetteer::parse("[(name: \"X\", bogus: 1)]", ORGANIZATIONS_RON, TITLES_RON).unwrap_err();
        assert!(e.starts_with("data/countries.ron:"), "{e}");
        let e = Gazetteer::parse(COUNTRIES_RON, ORGANIZATIONS_RON, "()").unwrap_err();
        assert!(e.starts_with("data/titles.ron:"), "{e}");
    }

    #[test]
    fn enough_countries() {
        assert!(g().countries.len() >= 190, "{} countries", g().countries.len());
    }

    #[test]
    fn iso_codes_are_well_formed_and_unique() {
        let mut iso3 = HashSet::default();
        let mut iso2 = HashSet::default();
        for c in &g().countries {
            assert!(c.iso3.len() == 3 && c.iso3.bytes().all(|b| b.is_ascii_uppercase()), "{}", c.iso3);
            assert!(c.iso2.len() == 2 && c.iso2.bytes().all(|b| b.is_ascii_uppercase()), "{}", c.iso2);
            assert!(iso3.insert(c.iso3.as_str()), "duplicate iso3 {}", c.iso3);
            assert!(iso2.insert(c.iso2.as_str()), "duplicate iso2 {}", c.iso2);
        }
    }

    #[test]
    fn no_empty_or_padded_strings() {
        let check = |what: &str, s: &str| {
            assert!(!s.is_empty() && s.trim() == s, "{what}: {s:?}");
        };
        for c in &g().countries {
            check("country name", &c.name);
            check("capital", &c.capital);
            assert!(!c.demonyms.is_empty(), "{} has no demonyms", c.name);
            assert!(!c.leader_titles.is_empty(), "{} has no leader titles", c.name);
            if let Some(seat) = &c.seat_of_government {
                check("seat", seat);
                assert_ne!(seat, &c.capital, "{}: seat equals capital", c.name);
            }
            for s in c.aliases.iter().chain(&c.demonyms).chain(&c.cities).chain(&c.metonyms).chain(&c.leader_titles) {
                check(&c.name, s);
            }
        }
        for o in &g().organizations {
            check("org name", &o.name);
            for a in &o.aliases {
                check(&o.name, a);
            }
        }
        let t = &g().titles;
        for s in t.titles.iter().map(|t| &t.title).chain(&t.modifiers).chain(&t.role_nouns).chain(&t.honorifics) {
            assert!(!s.is_empty() && s.trim() == s, "titles: {s:?}");
        }
    }

    #[test]
    fn country_names_and_aliases_are_unique() {
        let mut seen: HashMap<String, &str> = HashMap::default();
        for c in &g().countries {
            let mut own = HashSet::default();
            for n in std::iter::once(&c.name).chain(&c.aliases) {
                if !own.insert(key(n)) {
                    continue; // case variant within one record ("mainland China")
                }
                if let Some(other) = seen.insert(key(n), &c.iso3) {
                    panic!("name {n:?} used by {other} and {}", c.iso3);
                }
            }
        }
    }

    #[test]
    fn demonyms_are_unique_except_documented() {
        let mut seen: HashMap<String, &str> = HashMap::default();
        let mut shared_seen = HashSet::default();
        for c in &g().countries {
            for d in &c.demonyms {
                let k = key(d);
                if let Some(other) = seen.insert(k.clone(), &c.iso3) {
                    assert!(SHARED_DEMONYMS.contains(&k.as_str()), "demonym {d:?} used by {other} and {}", c.iso3);
                    shared_seen.insert(k);
                }
            }
        }
        // The allow-list must not go stale.
        for s in SHARED_DEMONYMS {
            assert!(shared_seen.contains(*s), "{s} is no longer shared; drop it from SHARED_DEMONYMS");
        }
    }

    #[test]
    fn names_places_and_demonyms_do_not_cross_countries() {
        // Every string a country owns, by kind, so one country's city cannot be
        // another country's name ("Georgia", "Victoria") or demonym.
        let mut names: HashMap<String, &str> = HashMap::default();
        let mut demonyms: HashMap<String, HashSet<&str>> = HashMap::default();
        for c in &g().countries {
            for n in std::iter::once(&c.name).chain(&c.aliases) {
                names.insert(key(n), &c.iso3);
            }
            for d in &c.demonyms {
                demonyms.entry(key(d)).or_default().insert(&c.iso3);
            }
        }
        let mut places: HashMap<String, &str> = HashMap::default();
        for c in &g().countries {
            for d in &c.demonyms {
                if let Some(other) = names.get(&key(d)) {
                    assert_eq!(*other, c.iso3, "demonym {d:?} of {} is a name of {other}", c.iso3);
                }
            }
            let own_places: HashSet<String> = std::iter::once(&c.capital)
                .chain(c.seat_of_government.as_ref())
                .chain(&c.cities)
                .chain(&c.metonyms)
                .map(|p| key(p))
                .collect();
            for p in own_places {
                if let Some(other) = names.get(&p) {
                    assert_eq!(*other, c.iso3, "place {p:?} of {} is a name of {other}", c.iso3);
                }
                if let Some(others) = demonyms.get(&p) {
                    assert!(others.contains(c.iso3.as_str()), "place {p:?} of {} is a demonym of {others:?}", c.iso3);
                }
                if let Some(other) = places.insert(p.clone(), &c.iso3) {
                    panic!("place {p:?} listed under {other} and {}", c.iso3);
                }
            }
        }
    }

    #[test]
    fn organizations_are_consistent() {
        let iso3: HashSet<&str> = g().countries.iter().map(|c| c.iso3.as_str()).collect();
        let country_names: HashSet<String> =
            g().countries.iter().flat_map(|c| std::iter::once(&c.name).chain(&c.aliases)).map(|s| key(s)).collect();
        let mut seen: HashMap<String, &str> = HashMap::default();
        for o in &g().organizations {
            assert!(ORGANIZATION_KINDS.contains(&o.kind.as_str()), "{}: unknown kind {:?}", o.name, o.kind);
            if let Some(c) = &o.country {
                assert!(iso3.contains(c.as_str()), "{}: unknown country {c}", o.name);
            }
            let own: HashSet<String> = std::iter::once(&o.name).chain(&o.aliases).map(|s| key(s)).collect();
            for n in own {
                assert!(!country_names.contains(&n), "organization name {n:?} ({}) is a country name", o.name);
                if let Some(other) = seen.insert(n.clone(), &o.name) {
                    panic!("organization name {n:?} used by {other:?} and {:?}", o.name);
                }
            }
        }
    }

    #[test]
    fn titles_are_consistent() {
        let t = &g().titles;
        let mut seen = HashSet::default();
        for x in &t.titles {
            assert!(seen.insert(x.title.as_str()), "duplicate title {}", x.title);
            assert!((1..=10).contains(&x.rank), "{}: rank {}", x.title, x.rank);
            assert!(!x.head || x.rank >= 9, "{}: head title with rank {}", x.title, x.rank);
        }
        for (what, list) in [("modifier", &t.modifiers), ("role noun", &t.role_nouns), ("honorific", &t.honorifics)] {
            let mut s = HashSet::default();
            for x in list {
                assert!(s.insert(x.as_str()), "duplicate {what} {x}");
            }
        }
        for r in &t.role_nouns {
            assert_eq!(r, &r.to_lowercase(), "role nouns are lower case: {r}");
        }
        // Every leader title a country uses is a known title.
        for c in &g().countries {
            for lt in &c.leader_titles {
                assert!(seen.contains(lt.as_str()), "{}: leader title {lt:?} missing from titles.ron", c.name);
            }
        }
    }

    #[test]
    fn spot_checks() {
        let kor = country("KOR");
        assert_eq!(kor.name, "South Korea");
        assert_eq!(kor.capital, "Seoul");
        assert_eq!(kor.iso2, "KR");
        assert!(has(&kor.metonyms, "Blue House"));

        let chn = country("CHN");
        assert!(has(&chn.demonyms, "Chinese"));
        assert!(has(&chn.aliases, "PRC"));
        assert!(has(&chn.metonyms, "Zhongnanhai"));

        assert!(has(&country("AZE").demonyms, "Azerbaijani"));
        assert!(has(&country("ARE").demonyms, "Emirati"));
        assert!(has(&country("BHR").demonyms, "Bahraini"));
        assert!(has(&country("UKR").demonyms, "Ukrainian"));
        assert!(has(&country("KAZ").demonyms, "Kazakh"));
        assert!(has(&country("PHL").demonyms, "Filipino"));
        assert!(has(&country("PHL").demonyms, "Philippine"));

        let usa = country("USA");
        assert!(has(&usa.aliases, "U.S."));
        assert_eq!(usa.capital, "Washington");
        assert!(has(&usa.metonyms, "White House"));

        let gbr = country("GBR");
        assert!(has(&gbr.aliases, "UK") && has(&gbr.aliases, "Britain"));
        assert!(has(&gbr.metonyms, "Downing Street"));
        assert!(has(&country("RUS").metonyms, "Kremlin"));
        assert!(has(&country("PRK").aliases, "DPRK"));

        let tur = country("TUR");
        assert!(has(&tur.aliases, "Türkiye") && has(&tur.aliases, "Turkiye"));
        let civ = country("CIV");
        assert!(civ.name == "Ivory Coast" && has(&civ.aliases, "Côte d'Ivoire") && has(&civ.aliases, "Cote d'Ivoire"));

        assert_eq!(country("NLD").seat_of_government.as_deref(), Some("The Hague"));
        assert_eq!(country("BOL").seat_of_government.as_deref(), Some("La Paz"));
        assert_eq!(country("ZAF").seat_of_government.as_deref(), Some("Pretoria"));
        assert_eq!(country("FRA").seat_of_government, None);
        for iso in ["TWN", "XKX", "PSE", "HKG", "MAC", "GRL", "PRI", "VAT"] {
            country(iso);
        }

        let org =
            |name: &str| g().organizations.iter().find(|o| o.name == name).unwrap_or_else(|| panic!("no org {name}"));
        let asean = org("Association of Southeast Asian Nations");
        assert!(has(&asean.aliases, "ASEAN") && asean.kind == "intergovernmental" && asean.country.is_none());
        let samsung = org("Samsung Electronics");
        assert!(samsung.kind == "company" && samsung.country.as_deref() == Some("KOR"));
        assert_eq!(org("North Atlantic Treaty Organization").kind, "military-alliance");
        assert_eq!(org("Yonhap News Agency").kind, "news-agency");
        assert_eq!(org("Group of Twenty").kind, "forum");

        let title = |s: &str| g().titles.titles.iter().find(|t| t.title == s).unwrap_or_else(|| panic!("no title {s}"));
        assert!(title("President").head && title("President").rank == 10);
        assert!(!title("Foreign Minister").head);
        title("Defence Minister");
        title("Defense Secretary");
        assert!(has(&g().titles.honorifics, "Mr."));
        assert!(has(&g().titles.role_nouns, "counterpart"));
        assert!(has(&g().titles.modifiers, "Deputy"));
    }
}
