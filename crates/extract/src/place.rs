//! Place names against the gazetteer: which country a place is in, whether
//! two place names can denote the same place, and whether one refines the
//! other ("Beijing" inside "China").
//!
//! The gazetteer is indexed once per process, so a comparison is a few hash
//! lookups: linking compares places for every candidate cluster.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use crate::coref::fold;
use crate::gazetteer::Gazetteer;

struct PlaceIndex {
    /// folded place name -> ISO3 of the country it lies in (first wins)
    country_of: HashMap<String, String>,
    /// folded names of countries themselves (name and aliases)
    countries: HashMap<String, ()>,
    /// folded capital (and seat of government) -> ISO3
    capitals: HashMap<String, String>,
}

fn index() -> &'static PlaceIndex {
    static INDEX: OnceLock<PlaceIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut country_of = HashMap::default();
        let mut countries = HashMap::default();
        let mut capitals = HashMap::default();
        for c in &Gazetteer::builtin().countries {
            for n in std::iter::once(&c.capital).chain(c.seat_of_government.iter()) {
                capitals.entry(fold(n)).or_insert_with(|| c.iso3.clone());
            }
            let names = std::iter::once(&c.name)
                .chain(std::iter::once(&c.capital))
                .chain(&c.aliases)
                .chain(&c.cities)
                .chain(c.seat_of_government.iter());
            for n in names {
                country_of.entry(fold(n)).or_insert_with(|| c.iso3.clone());
            }
            // aliases include capital metonyms ("Beijing" for China's
            // government): as a place, a capital is a city
            let cities: Vec<String> = std::iter::once(&c.capital)
                .chain(&c.cities)
                .chain(c.seat_of_government.iter())
                .map(|n| fold(n))
                .collect();
            for n in std::iter::once(&c.name).chain(&c.aliases) {
                let f = fold(n);
                if !cities.contains(&f) {
                    countries.insert(f, ());
                }
            }
        }
        PlaceIndex { country_of, countries, capitals }
    })
}

/// The ISO3 code of the country a place name lies in, when the gazetteer
/// knows it ("Gyeongju" -> "KOR", "South Korea" -> "KOR").
pub fn country_of(place: &str) -> Option<&'static str> {
    index().country_of.get(&fold(place)).map(String::as_str)
}

/// Whether the name is a country ("China", "Republic of Korea").
pub fn is_country(place: &str) -> bool {
    index().countries.contains_key(&fold(place))
}

/// Whether two place names can name the same place: equal, one inside the
/// other ("Hyderabad House, New Delhi"), a city and its country, or a venue
/// the gazetteer does not know. Unknown places never split an event; only
/// places the gazetteer proves different do (Paris and Berlin; Beijing and
/// Shanghai).
pub fn places_compatible(a: Option<&str>, b: Option<&str>) -> bool {
    let (Some(a), Some(b)) = (a, b) else { return true };
    let (fa, fb) = (fold(a), fold(b));
    if fa.is_empty() || fb.is_empty() || fa.contains(&fb) || fb.contains(&fa) {
        return true;
    }
    let ix = index();
    match (ix.country_of.get(&fa), ix.country_of.get(&fb)) {
        (Some(x), Some(y)) => x == y && (ix.countries.contains_key(&fa) || ix.countries.contains_key(&fb)),
        _ => true,
    }
}

/// Whether one name refines the other: equal, one contains the other's
/// words, or a city and its own country. "Brdo Castle" and "Ljubljana" are
/// compatible (the gazetteer cannot tell) but neither refines the other, so
/// they are shown as a disagreement.
pub fn places_nested(a: &str, b: &str) -> bool {
    let (fa, fb) = (fold(a), fold(b));
    if fa.contains(&fb) || fb.contains(&fa) {
        return true;
    }
    let ix = index();
    match (ix.country_of.get(&fa), ix.country_of.get(&fb)) {
        (Some(x), Some(y)) => x == y && (ix.countries.contains_key(&fa) || ix.countries.contains_key(&fb)),
        _ => false,
    }
}

/// Whether one name is a country and the other its capital ("China" and
/// "Beijing", in either order): one trip, where another city is another leg.
pub fn country_and_capital(a: &str, b: &str) -> bool {
    let ix = index();
    let (fa, fb) = (fold(a), fold(b));
    let pair = |country: &str, capital: &str| {
        ix.countries.contains_key(country)
            && ix.capitals.get(capital).is_some_and(|iso| ix.country_of.get(country) == Some(iso))
    };
    pair(&fa, &fb) || pair(&fb, &fa)
}

/// How specific a place name is: 0 for a country, 1 for anything smaller.
pub fn place_rank(place: &str) -> u8 {
    u8::from(!is_country(place))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cities_countries_and_venues() {
        assert!(places_compatible(Some("Beijing"), Some("China")));
        assert!(!places_compatible(Some("Beijing"), Some("Shanghai")));
        assert!(!places_compatible(Some("Paris"), Some("Berlin")));
        assert!(places_compatible(Some("Brdo Castle"), Some("Ljubljana")));
        assert!(places_nested("Beijing", "China"));
        assert!(!places_nested("Brdo Castle", "Ljubljana"));
        assert_eq!(country_of("Gyeongju"), Some("KOR"));
    }
}
