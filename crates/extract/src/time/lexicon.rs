//! Word lists from `data/time.ron`, compiled once into one lookup table.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

#[derive(Deserialize)]
struct Raw {
    months: HashMap<String, u8>,
    ambiguous_months: Vec<String>,
    weekdays: HashMap<String, u8>,
    ambiguous_weekdays: Vec<String>,
    cardinals: HashMap<String, u32>,
    ordinals: HashMap<String, u32>,
    units: HashMap<String, String>,
    seasons: HashMap<String, String>,
    day_parts: HashMap<String, String>,
    holidays: HashMap<String, (u8, u8)>,
    past_verbs: Vec<String>,
    future_markers: Vec<String>,
    weak_future_markers: Vec<String>,
    present_verbs: Vec<String>,
    not_past_ed: Vec<String>,
    event_name_words: Vec<String>,
    year_followers: Vec<String>,
    year_preceders: Vec<String>,
}

/// A calendar or clock unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Year,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
    Quarter,
    Decade,
    Century,
    Weekend,
    Fortnight,
    Night,
}

impl Unit {
    fn parse(s: &str) -> Option<Unit> {
        Some(match s {
            "Y" => Unit::Year,
            "M" => Unit::Month,
            "W" => Unit::Week,
            "D" => Unit::Day,
            "H" => Unit::Hour,
            "MIN" => Unit::Minute,
            "S" => Unit::Second,
            "Q" => Unit::Quarter,
            "E" => Unit::Decade,
            "C" => Unit::Century,
            "WE" => Unit::Weekend,
            "FN" => Unit::Fortnight,
            "NI" => Unit::Night,
            _ => return None,
        })
    }
}

/// Closed-class words the grammar tests for by identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Kw {
    #[default]
    None,
    The,
    A,
    An,
    This,
    That,
    These,
    Last,
    Next,
    Past,
    Previous,
    Following,
    Coming,
    Early,
    Late,
    Mid,
    Middle,
    Earlier,
    Later,
    Ago,
    Hence,
    About,
    Around,
    Nearly,
    Almost,
    Approximately,
    Roughly,
    Some,
    Several,
    Few,
    Many,
    More,
    Less,
    Fewer,
    Than,
    At,
    Least,
    Most,
    No,
    Up,
    Over,
    Every,
    Each,
    Per,
    Other,
    Now,
    Today,
    Yesterday,
    Tomorrow,
    Tonight,
    Currently,
    Current,
    Recently,
    Recent,
    Lately,
    Soon,
    Future,
    Nowadays,
    Formerly,
    Previously,
    Fiscal,
    Fy,
    Noon,
    Midnight,
    Midday,
    Of,
    Half,
    And,
    Or,
    So,
    From,
    Before,
    After,
    Same,
    Daily,
    Weekly,
    Monthly,
    Yearly,
    Annually,
    Hourly,
    Nightly,
    Beginning,
    End,
    Start,
    Latest,
    Near,
    Term,
    Present,
    Days,
    Right,
    Then,
    Its,
    Year,
    Am,
    Pm,
    Oclock,
    Long,
    Additional,
    Extra,
    Times,
    Twice,
    Once,
    Full,
    Comparable,
    Corresponding,
    Period,
    Week,
    Month,
    Day,
    Q,
    H,
    S,
    St,
    Nd,
    Rd,
    Th,
    In,
    On,
    For,
    Within,
    Whole,
    Entire,
    Eve,
    Thanksgiving,
    Election,
    Easter,
    Just,
    Decade,
    Century,
    Turn,
    Stretch,
    Moment,
    Gmt,
    Utc,
    Est,
    Edt,
    Pst,
    Cet,
    Bst,
    Kst,
    Ist,
    Jst,
    Local,
    Time,
    Hrs,
    Through,
    To,
    Until,
    Since,
    By,
    Quarter,
    Ended,
    Ending,
    Ends,
    Oh,
    Hundred,
    Thousand,
    Single,
    As,
    Couple,
}

const KEYWORDS: &[(&str, Kw)] = &[
    ("the", Kw::The),
    ("a", Kw::A),
    ("an", Kw::An),
    ("this", Kw::This),
    ("that", Kw::That),
    ("these", Kw::These),
    ("last", Kw::Last),
    ("next", Kw::Next),
    ("past", Kw::Past),
    ("previous", Kw::Previous),
    ("following", Kw::Following),
    ("coming", Kw::Coming),
    ("early", Kw::Early),
    ("late", Kw::Late),
    ("mid", Kw::Mid),
    ("middle", Kw::Middle),
    ("earlier", Kw::Earlier),
    ("later", Kw::Later),
    ("ago", Kw::Ago),
    ("hence", Kw::Hence),
    ("about", Kw::About),
    ("around", Kw::Around),
    ("nearly", Kw::Nearly),
    ("almost", Kw::Almost),
    ("approximately", Kw::Approximately),
    ("roughly", Kw::Roughly),
    ("some", Kw::Some),
    ("several", Kw::Several),
    ("few", Kw::Few),
    ("many", Kw::Many),
    ("more", Kw::More),
    ("less", Kw::Less),
    ("fewer", Kw::Fewer),
    ("than", Kw::Than),
    ("at", Kw::At),
    ("least", Kw::Least),
    ("most", Kw::Most),
    ("no", Kw::No),
    ("up", Kw::Up),
    ("over", Kw::Over),
    ("every", Kw::Every),
    ("each", Kw::Each),
    ("per", Kw::Per),
    ("other", Kw::Other),
    ("now", Kw::Now),
    ("today", Kw::Today),
    ("yesterday", Kw::Yesterday),
    ("tomorrow", Kw::Tomorrow),
    ("tonight", Kw::Tonight),
    ("currently", Kw::Currently),
    ("current", Kw::Current),
    ("recently", Kw::Recently),
    ("recent", Kw::Recent),
    ("lately", Kw::Lately),
    ("soon", Kw::Soon),
    ("future", Kw::Future),
    ("nowadays", Kw::Nowadays),
    ("formerly", Kw::Formerly),
    ("previously", Kw::Previously),
    ("fiscal", Kw::Fiscal),
    ("fy", Kw::Fy),
    ("noon", Kw::Noon),
    ("midnight", Kw::Midnight),
    ("midday", Kw::Midday),
    ("of", Kw::Of),
    ("half", Kw::Half),
    ("and", Kw::And),
    ("or", Kw::Or),
    ("so", Kw::So),
    ("from", Kw::From),
    ("before", Kw::Before),
    ("after", Kw::After),
    ("same", Kw::Same),
    ("daily", Kw::Daily),
    ("weekly", Kw::Weekly),
    ("monthly", Kw::Monthly),
    ("yearly", Kw::Yearly),
    ("annually", Kw::Annually),
    ("hourly", Kw::Hourly),
    ("nightly", Kw::Nightly),
    ("beginning", Kw::Beginning),
    ("end", Kw::End),
    ("start", Kw::Start),
    ("latest", Kw::Latest),
    ("near", Kw::Near),
    ("term", Kw::Term),
    ("present", Kw::Present),
    ("days", Kw::Days),
    ("right", Kw::Right),
    ("then", Kw::Then),
    ("its", Kw::Its),
    ("year", Kw::Year),
    ("am", Kw::Am),
    ("pm", Kw::Pm),
    ("clock", Kw::Oclock),
    ("long", Kw::Long),
    ("additional", Kw::Additional),
    ("extra", Kw::Extra),
    ("times", Kw::Times),
    ("twice", Kw::Twice),
    ("once", Kw::Once),
    ("full", Kw::Full),
    ("comparable", Kw::Comparable),
    ("corresponding", Kw::Corresponding),
    ("period", Kw::Period),
    ("week", Kw::Week),
    ("month", Kw::Month),
    ("day", Kw::Day),
    ("q", Kw::Q),
    ("h", Kw::H),
    ("s", Kw::S),
    ("st", Kw::St),
    ("nd", Kw::Nd),
    ("rd", Kw::Rd),
    ("th", Kw::Th),
    ("in", Kw::In),
    ("on", Kw::On),
    ("for", Kw::For),
    ("within", Kw::Within),
    ("whole", Kw::Whole),
    ("entire", Kw::Entire),
    ("eve", Kw::Eve),
    ("thanksgiving", Kw::Thanksgiving),
    ("election", Kw::Election),
    ("easter", Kw::Easter),
    ("just", Kw::Just),
    ("decade", Kw::Decade),
    ("century", Kw::Century),
    ("turn", Kw::Turn),
    ("stretch", Kw::Stretch),
    ("moment", Kw::Moment),
    ("gmt", Kw::Gmt),
    ("utc", Kw::Utc),
    ("est", Kw::Est),
    ("edt", Kw::Edt),
    ("pst", Kw::Pst),
    ("cet", Kw::Cet),
    ("bst", Kw::Bst),
    ("kst", Kw::Kst),
    ("ist", Kw::Ist),
    ("jst", Kw::Jst),
    ("local", Kw::Local),
    ("time", Kw::Time),
    ("hrs", Kw::Hrs),
    ("through", Kw::Through),
    ("to", Kw::To),
    ("until", Kw::Until),
    ("since", Kw::Since),
    ("by", Kw::By),
    ("quarter", Kw::Quarter),
    ("ended", Kw::Ended),
    ("ending", Kw::Ending),
    ("ends", Kw::Ends),
    ("oh", Kw::Oh),
    ("hundred", Kw::Hundred),
    ("thousand", Kw::Thousand),
    ("pdt", Kw::Pst),
    ("single", Kw::Single),
    ("as", Kw::As),
    ("couple", Kw::Couple),
];

/// Everything the tagger knows about one lower-cased word.
#[derive(Debug, Clone, Default)]
pub(crate) struct Entry {
    pub(crate) month: u8,
    pub(crate) weekday: u8,
    pub(crate) cardinal: Option<u32>,
    pub(crate) ordinal: u32,
    pub(crate) unit: Option<Unit>,
    pub(crate) plural: bool,
    pub(crate) season: Option<&'static str>,
    pub(crate) day_part: Option<&'static str>,
    pub(crate) flags: u32,
    pub(crate) kw: Kw,
}

pub(crate) const AMBIG_MONTH: u32 = 1;
pub(crate) const AMBIG_WEEKDAY: u32 = 1 << 1;
pub(crate) const PAST: u32 = 1 << 2;
pub(crate) const FUTURE: u32 = 1 << 3;
pub(crate) const NOT_PAST_ED: u32 = 1 << 4;
pub(crate) const EVENT_NAME: u32 = 1 << 5;
pub(crate) const YEAR_FOLLOWER: u32 = 1 << 6;
pub(crate) const YEAR_PRECEDER: u32 = 1 << 7;
pub(crate) const WEAK_FUTURE: u32 = 1 << 8;
pub(crate) const PRESENT: u32 = 1 << 9;
/// The first word of a holiday's name ("christmas", "new").
pub(crate) const HOLIDAY_HEAD: u32 = 1 << 10;

impl Kw {
    /// Keywords the rules read around an expression but that never open one
    /// ("in", "of", "for", "since", "'s": TimeML leaves prepositions and
    /// conjunctions outside the extent; none started one in 2,000 or more
    /// uses each over TBAQ and the development set).
    fn context_only(self) -> bool {
        matches!(
            self,
            Kw::And
                | Kw::Of
                | Kw::To
                | Kw::S
                | Kw::Or
                | Kw::In
                | Kw::On
                | Kw::By
                | Kw::As
                | Kw::Its
                | Kw::For
                | Kw::From
                | Kw::Than
                | Kw::Since
                | Kw::Until
                | Kw::Through
                | Kw::Within
        )
    }
}

impl Entry {
    /// Whether the word can carry the time of an expression opened by a
    /// determiner ("the third quarter", "a week", "that day"): a starter that
    /// is no determiner, approximator or bare function word.
    pub(crate) fn timeish(&self) -> bool {
        self.starts()
            && !matches!(
                self.kw,
                Kw::The
                    | Kw::A
                    | Kw::An
                    | Kw::This
                    | Kw::That
                    | Kw::These
                    | Kw::Its
                    | Kw::About
                    | Kw::Around
                    | Kw::Nearly
                    | Kw::Almost
                    | Kw::Approximately
                    | Kw::Roughly
                    | Kw::More
                    | Kw::Less
                    | Kw::Fewer
                    | Kw::At
                    | Kw::Least
                    | Kw::Most
                    | Kw::No
                    | Kw::Up
                    | Kw::Over
                    | Kw::Other
                    | Kw::So
                    | Kw::Before
                    | Kw::After
                    | Kw::Right
                    | Kw::Then
                    | Kw::Just
            )
    }

    /// Whether an expression can start at this word. Words listed only for
    /// what they say about their neighbours (tense markers such as "said" or
    /// "will", event-name words, year contexts) cannot: the grammar skips
    /// them without trying its rules.
    pub(crate) fn starts(&self) -> bool {
        self.month > 0
            || self.weekday > 0
            || self.cardinal.is_some()
            || self.ordinal > 0
            || self.unit.is_some()
            || self.season.is_some()
            || self.day_part.is_some()
            || self.kw != Kw::None && !self.kw.context_only()
            || self.flags & HOLIDAY_HEAD != 0
    }
}

pub(crate) struct Lexicon {
    /// Lower-case words (as bytes: looked up without a UTF-8 check).
    words: HashMap<Vec<u8>, Entry>,
    /// For each pair of first and last letters a-z, a bit per word length
    /// (up to 31) that some entry has: most words of a text are rejected
    /// without hashing.
    shapes: Box<[u32; 26 * 26]>,
    /// Multi-word holiday names, lower-case, with their month and day.
    pub(crate) holidays: Vec<(Vec<String>, u8, u8)>,
}

fn season_code(s: &str) -> &'static str {
    match s {
        "SP" => "SP",
        "SU" => "SU",
        "FA" => "FA",
        _ => "WI",
    }
}

fn part_code(s: &str) -> &'static str {
    match s {
        "MO" => "MO",
        "AF" => "AF",
        "EV" => "EV",
        _ => "NI",
    }
}

impl Lexicon {
    fn build() -> Lexicon {
        let raw: Raw = ron::from_str(include_str!("../../../../data/time.ron"))
            .expect("data/time.ron is valid (checked by the test suite)");
        let mut words: HashMap<Vec<u8>, Entry> = HashMap::default();
        fn slot<'m>(words: &'m mut HashMap<Vec<u8>, Entry>, w: &str) -> &'m mut Entry {
            words.entry(w.as_bytes().to_vec()).or_default()
        }
        for (w, m) in &raw.months {
            slot(&mut words, w).month = *m;
        }
        for w in &raw.ambiguous_months {
            slot(&mut words, w).flags |= AMBIG_MONTH;
        }
        for (w, d) in &raw.weekdays {
            slot(&mut words, w).weekday = *d;
        }
        for w in &raw.ambiguous_weekdays {
            slot(&mut words, w).flags |= AMBIG_WEEKDAY;
        }
        for (w, n) in &raw.cardinals {
            slot(&mut words, w).cardinal = Some(*n);
        }
        for (w, n) in &raw.ordinals {
            slot(&mut words, w).ordinal = *n;
        }
        for (w, u) in &raw.units {
            let entry = slot(&mut words, w);
            entry.unit = Unit::parse(u);
            entry.plural = w.ends_with('s') && !matches!(w.as_str(), "hrs" | "yrs" | "mins") || w == "centuries";
            if matches!(w.as_str(), "hrs" | "yrs" | "mins") {
                entry.plural = true;
            }
        }
        for (w, s) in &raw.seasons {
            slot(&mut words, w).season = Some(season_code(s));
        }
        for (w, s) in &raw.day_parts {
            slot(&mut words, w).day_part = Some(part_code(s));
        }
        for w in &raw.past_verbs {
            slot(&mut words, w).flags |= PAST;
        }
        for w in &raw.future_markers {
            slot(&mut words, w).flags |= FUTURE;
        }
        for w in &raw.weak_future_markers {
            slot(&mut words, w).flags |= WEAK_FUTURE;
        }
        for w in &raw.present_verbs {
            slot(&mut words, w).flags |= PRESENT;
        }
        for w in &raw.not_past_ed {
            slot(&mut words, w).flags |= NOT_PAST_ED;
        }
        for w in &raw.event_name_words {
            slot(&mut words, w).flags |= EVENT_NAME;
        }
        for w in &raw.year_followers {
            slot(&mut words, w).flags |= YEAR_FOLLOWER;
        }
        for w in &raw.year_preceders {
            slot(&mut words, w).flags |= YEAR_PRECEDER;
        }
        for (w, k) in KEYWORDS {
            slot(&mut words, w).kw = *k;
        }
        let mut holidays = Vec::new();
        for (name, (m, d)) in &raw.holidays {
            let parts: Vec<String> = name.split([' ', '\'']).filter(|s| !s.is_empty()).map(str::to_string).collect();
            slot(&mut words, &parts[0]).flags |= HOLIDAY_HEAD;
            holidays.push((parts, *m, *d));
        }
        // Longest names first so "christmas eve" wins over "christmas".
        holidays.sort_by_key(|h| std::cmp::Reverse(h.0.len()));
        let mut shapes = Box::new([0u32; 26 * 26]);
        for w in words.keys() {
            if let Some(i) = Self::shape_slot(w) {
                shapes[i] |= 1 << w.len();
            }
        }
        Lexicon { words, shapes, holidays }
    }

    fn shape_slot(word: &[u8]) -> Option<usize> {
        let first = word.first()?.to_ascii_lowercase();
        let last = word.last()?.to_ascii_lowercase();
        (first.is_ascii_lowercase() && last.is_ascii_lowercase() && word.len() < 32)
            .then(|| (first - b'a') as usize * 26 + (last - b'a') as usize)
    }

    /// False when no entry has the first letter, last letter and length of
    /// `word` (any case); true otherwise, and for words that do not start
    /// and end with an ASCII letter.
    pub(crate) fn may_have(&self, word: &[u8]) -> bool {
        Self::shape_slot(word).is_none_or(|i| self.shapes[i] & (1 << word.len()) != 0)
    }

    /// Look up a lower-case word.
    pub(crate) fn get(&self, lower: &[u8]) -> Option<&Entry> {
        self.words.get(lower)
    }
}

pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::build);
