//! Place names against the gazetteer: the lookups live in
//! [`annals_extract::place`], shared by in-article merging and linking.

pub use annals_extract::place::{
    country_and_capital, country_of, is_country, place_rank, places_compatible, places_nested,
};
