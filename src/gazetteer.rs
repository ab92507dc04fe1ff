//! Gazetteers generated from real sources by `scripts/gen_gazetteers.py` (see
//! `data/gazetteers/README.md`), compiled into the binary and indexed on first use.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

const PLACES: &str = include_str!("../data/gazetteers/places.tsv");
const GIVEN_NAMES: &str = include_str!("../data/gazetteers/given_names.txt");
const SURNAMES: &str = include_str!("../data/gazetteers/surnames.txt");
const TITLES: &str = include_str!("../data/gazetteers/titles.txt");
const ORG_SUFFIXES: &str = include_str!("../data/gazetteers/org_suffixes.txt");
const MALE_GIVEN_NAMES: &str = include_str!("../data/gazetteers/male_given_names.txt");
const FEMALE_GIVEN_NAMES: &str = include_str!("../data/gazetteers/female_given_names.txt");

/// What sort of place a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    /// A continent.
    Continent,
    /// A country or territory.
    Country,
    /// A first-level division of a state's own standing: a US state, a constituent country of
    /// the UK.
    Admin,
    /// Another first-level subdivision (ISO 3166-2): a province, region or department.
    Region,
    /// A city or town.
    City,
}

/// A place entry: its kind and population (0 when the source gives none).
#[derive(Debug, Clone, Copy)]
pub struct Place {
    /// Continent, country, admin area or city.
    pub kind: PlaceKind,
    /// Population, 0 when unknown.
    pub population: u64,
}

/// The lines of a data file, trimmed, without blank lines and `#` comments.
fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    let mut rest = data;
    std::iter::from_fn(move || loop {
        if rest.is_empty() {
            return None;
        }
        let end = rest.bytes().position(|b| b == b'\n').unwrap_or(rest.len());
        let line = rest.get(..end).unwrap_or_default().trim_ascii();
        rest = rest.get(end + 1..).unwrap_or_default();
        if !line.is_empty() && !line.starts_with('#') {
            return Some(line);
        }
    })
}

/// A line cut at its first tab.
fn split_tab(line: &str) -> Option<(&str, &str)> {
    let at = line.bytes().position(|b| b == b'\t')?;
    Some((line.get(..at)?, line.get(at + 1..)?))
}

/// An upper bound on the entries of a data file.
fn line_count(data: &str) -> usize {
    data.bytes().filter(|&b| b == b'\n').count() + 1
}

/// The entries of a word list, hashed; sized once from its line count.
fn word_set(data: &'static str) -> HashSet<&'static str> {
    let mut set = HashSet::default();
    set.reserve(line_count(data));
    set.extend(entries(data));
    set
}

/// The places file, by name; a country or continent outranks a city of the same name.
fn read_places() -> HashMap<&'static str, Place> {
    let mut places: HashMap<&'static str, Place> = HashMap::default();
    places.reserve(line_count(PLACES));
    for line in entries(PLACES) {
        let Some((name, rest)) = split_tab(line) else {
            continue;
        };
        let (kind, pop) = match split_tab(rest) {
            Some((kind, pop)) => (kind, Some(pop)),
            None => (rest, None),
        };
        let kind = match kind {
            "continent" => PlaceKind::Continent,
            "country" => PlaceKind::Country,
            "admin" => PlaceKind::Admin,
            "region" => PlaceKind::Region,
            _ => PlaceKind::City,
        };
        let population = pop.and_then(|p| p.parse().ok()).unwrap_or(0);
        let entry = places.entry(name).or_insert(Place { kind, population });
        // A country or continent outranks a city of the same name.
        if (kind as u8) < (entry.kind as u8) {
            *entry = Place { kind, population };
        }
    }
    places
}

/// Initials of multi-word countries of a million people or more ("UK"), unless two share them.
fn country_initials(places: &HashMap<&'static str, Place>) -> HashMap<String, &'static str> {
    let mut country_initials: HashMap<String, &'static str> = HashMap::default();
    let mut clashes: HashSet<String> = HashSet::default();
    for (name, p) in places {
        if p.kind != PlaceKind::Country || !name.contains(' ') || p.population < 1_000_000 {
            continue;
        }
        let ini: String = name
            .split([' ', '-'])
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .filter_map(|w| w.chars().next())
            .collect();
        if ini.len() >= 2 && country_initials.insert(ini.clone(), name).is_some() {
            clashes.insert(ini);
        }
    }
    for c in clashes {
        country_initials.remove(&c);
    }
    country_initials
}

/// The first four letters of every country and continent name.
fn demonym_stems(places: &HashMap<&'static str, Place>) -> HashSet<String> {
    places
        .iter()
        .filter(|(n, p)| {
            matches!(p.kind, PlaceKind::Country | PlaceKind::Continent) && n.chars().count() >= 4
        })
        .map(|(n, _)| n.chars().take(4).collect())
        .collect()
}

/// The indexed gazetteers.
pub struct Gazetteer {
    places: HashMap<&'static str, Place>,
    given: HashSet<&'static str>,
    surnames: HashSet<&'static str>,
    titles: HashSet<&'static str>,
    org_suffixes: HashSet<&'static str>,
    /// Initials of multi-word countries ("UK" for United Kingdom), unless two countries share them.
    country_initials: HashMap<String, &'static str>,
    /// First four letters of every country and continent name.
    demonym_stems: HashSet<String>,
    /// The most words in a place's name.
    place_words: usize,
}

impl Gazetteer {
    /// Index every list; the two long name lists are hashed on threads of their own while the
    /// places are read.
    fn build() -> Self {
        std::thread::scope(|scope| {
            let given = scope.spawn(|| word_set(GIVEN_NAMES));
            let surnames = scope.spawn(|| word_set(SURNAMES));
            let places = read_places();
            Gazetteer {
                place_words: places
                    .keys()
                    .map(|name| name.split(' ').count())
                    .max()
                    .unwrap_or(1),
                demonym_stems: demonym_stems(&places),
                country_initials: country_initials(&places),
                places,
                given: given.join().unwrap_or_else(|_| word_set(GIVEN_NAMES)),
                surnames: surnames.join().unwrap_or_else(|_| word_set(SURNAMES)),
                titles: word_set(TITLES),
                org_suffixes: word_set(ORG_SUFFIXES),
            }
        })
    }

    /// The most words a place's name has: a longer run of words names no place.
    pub fn place_words(&self) -> usize {
        self.place_words
    }

    /// The place called exactly `name`, if any; "U.S." is read as "US", and an acronym made of
    /// a country's initials ("UK") as that country.
    pub fn place(&self, name: &str) -> Option<Place> {
        if let Some(p) = self.places.get(name) {
            return Some(*p);
        }
        if name.len() <= 8 && name.chars().all(|c| c.is_ascii_uppercase() || c == '.') {
            let bare: String = name.chars().filter(|c| *c != '.').collect();
            if let Some(p) = self.places.get(bare.as_str()) {
                return Some(*p);
            }
            if let Some(full) = self.country_initials.get(&bare) {
                return self.places.get(full).copied();
            }
        }
        None
    }

    /// True when `word` names the people of a country ("Afghan", "Belgians", "Chinese").
    pub fn is_demonym(&self, word: &str) -> bool {
        let w = word.trim_end_matches('s');
        let stem = w.char_indices().nth(4).map_or(w, |(i, _)| &w[..i]);
        w.chars().count() >= 5
            && !self.places.contains_key(w)
            && ["an", "ian", "ese", "ish", "i", "ic", "ean", "er"]
                .iter()
                .any(|suf| w.ends_with(suf))
            && self.demonym_stems.contains(stem)
    }

    /// True when `word` is a known given name ("Fiona").
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given.contains(word)
    }

    /// True when `word` is a known surname ("Lee", or "LEE" in capitals).
    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(word)
            || (!word.chars().any(char::is_lowercase)
                && self.surnames.contains(title_case(word).as_str()))
    }

    /// True when `word` (any case) is a person's title or honorific ("Mayor", "Dr").
    pub fn is_title(&self, word: &str) -> bool {
        with_lowercase(word.trim_end_matches('.'), |w| self.titles.contains(w))
    }

    /// True when `phrase` (any case) is a company's legal form ("Ltd", "Pte Ltd", "Co").
    pub fn is_org_suffix(&self, phrase: &str) -> bool {
        with_lowercase(phrase.trim_end_matches('.'), |w| {
            self.org_suffixes.contains(w)
        })
    }
}

/// Run `f` on the lowercase form of `word`, without allocating for short ASCII words.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if !word
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        return f(word);
    }
    let mut buf = [0u8; 32];
    if let Some(dst) = buf.get_mut(..word.len()).filter(|_| word.is_ascii()) {
        dst.copy_from_slice(word.as_bytes());
        dst.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(dst) {
            return f(lower);
        }
    }
    f(&word.to_lowercase())
}

fn title_case(word: &str) -> String {
    let mut cs = word.chars();
    match cs.next() {
        Some(f) => f
            .to_uppercase()
            .chain(cs.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

static G: OnceLock<Gazetteer> = OnceLock::new();

/// The gazetteers, indexed on first call.
/// A person's sex as a given name tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    /// A man's name ("Tony").
    Male,
    /// A woman's name ("Donna").
    Female,
}

/// The sex that `given` names, when it names only one ("Tony", "Donna"; not "Kim" or
/// "Jamie"). The two lists are hashed the first time one is asked, not at load.
pub fn sex_of_given_name(given: &str) -> Option<Sex> {
    static MALE: OnceLock<HashSet<&'static str>> = OnceLock::new();
    static FEMALE: OnceLock<HashSet<&'static str>> = OnceLock::new();
    if MALE
        .get_or_init(|| word_set(MALE_GIVEN_NAMES))
        .contains(given)
    {
        Some(Sex::Male)
    } else if FEMALE
        .get_or_init(|| word_set(FEMALE_GIVEN_NAMES))
        .contains(given)
    {
        Some(Sex::Female)
    } else {
        None
    }
}

pub fn get() -> &'static Gazetteer {
    G.get_or_init(Gazetteer::build)
}

/// Start indexing the gazetteers on another thread, so that they are ready when parsing needs them.
pub fn warm_up() {
    if G.get().is_none() {
        std::thread::spawn(|| {
            get();
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_places_names_and_titles_are_known() {
        let g = get();
        assert_eq!(g.place("China").map(|p| p.kind), Some(PlaceKind::Country));
        assert_eq!(g.place("Dunedin").map(|p| p.kind), Some(PlaceKind::City));
        assert!(g.place("Gong Zheng").is_none());
        assert_eq!(g.place("UK").map(|p| p.kind), Some(PlaceKind::Country));
        assert_eq!(g.place("U.S.").map(|p| p.kind), Some(PlaceKind::Country));
        assert!(g.is_demonym("Afghan") && g.is_demonym("Belgians") && !g.is_demonym("Google"));
        assert!(g.is_given_name("Fiona"));
        assert!(g.is_surname("Lee") && g.is_surname("LEE"));
        assert!(g.is_title("Mayor") && g.is_title("Dr."));
        assert!(g.is_org_suffix("Ltd") && g.is_org_suffix("pte ltd"));
    }
}
