//! Word lists: the rules of English news writing that parsing and extraction read (head words,
//! function words, verbs of speech, abbreviations, currency words). Each is a file in
//! `data/words`, declared once here, compiled in and hashed on first use.

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

/// A word list, declared once (a file in `data/words`, one entry a line, `#` comments) and
/// hashed on first use.
pub struct Words {
    text: &'static str,
    index: OnceLock<WordIndex>,
}

/// The hashed form of a word list, with the first and last bytes and the longest length of its
/// words so that most words are turned away before hashing.
pub struct WordIndex {
    set: HashSet<&'static str>,
    /// A filter before the set: bit `last & 63` of `pairs[first & 63]` is set when some entry
    /// opens with byte `first` and ends with byte `last`. Most words asked are in no list, and
    /// most of them are turned away here without hashing.
    pairs: [u64; 64],
    longest: usize,
}

impl Default for WordIndex {
    fn default() -> Self {
        WordIndex {
            set: HashSet::default(),
            pairs: [0; 64],
            longest: 0,
        }
    }
}

impl WordIndex {
    fn contains(&self, w: &str) -> bool {
        let bytes = w.as_bytes();
        let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
            return false;
        };
        w.len() <= self.longest
            && self.pairs[usize::from(first & 63)] & (1 << (last & 63)) != 0
            && self.set.contains(w)
    }
}

impl FromIterator<&'static str> for WordIndex {
    fn from_iter<I: IntoIterator<Item = &'static str>>(iter: I) -> Self {
        let mut index = WordIndex::default();
        for w in iter {
            let bytes = w.as_bytes();
            if let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) {
                index.pairs[usize::from(first & 63)] |= 1 << (last & 63);
            }
            index.longest = index.longest.max(w.len());
            index.set.insert(w);
        }
        index
    }
}

impl Words {
    /// The list in `text`: one entry a line; blank lines and lines starting with `#` are
    /// not entries.
    pub const fn new(text: &'static str) -> Words {
        Words {
            text,
            index: OnceLock::new(),
        }
    }

    fn index(&self) -> &WordIndex {
        self.index.get_or_init(|| {
            self.text
                .lines()
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect()
        })
    }

    /// True when `w` is in the list (exact case).
    pub fn contains(&self, w: &&str) -> bool {
        self.index().contains(w)
    }

    /// True when some entry equals `w` ignoring ASCII case.
    pub fn contains_ignore_case(&self, w: &str) -> bool {
        let index = self.index();
        if index.contains(w) {
            return true;
        }
        let mut cs = w.chars();
        let titled: String = match cs.next() {
            Some(f) => f
                .to_uppercase()
                .chain(cs.flat_map(char::to_lowercase))
                .collect(),
            None => return false,
        };
        index.contains(titled.as_str()) || index.contains(w.to_lowercase().as_str())
    }
}

/// Last words that make a name an organisation ("Ruijin Hospital", "Shanghai Data Group").
pub static ORG_HEADS: Words = Words::new(include_str!("../data/words/org_heads.txt"));

/// Organisation heads that take an "of"/"for" complement ("Ministry of Culture").
pub static OF_HEADS: Words = Words::new(include_str!("../data/words/of_heads.txt"));

/// Last words that make a name an event.
pub static EVENT_HEADS: Words = Words::new(include_str!("../data/words/event_heads.txt"));

/// Last words that make a name a place ("Pudong New Area", "Yangtze River Delta").
pub static PLACE_HEADS: Words = Words::new(include_str!("../data/words/place_heads.txt"));

/// Words before a place's name that name a part of it, or it as it was ("West Germany").
pub static PLACE_MODIFIERS: Words = Words::new(include_str!("../data/words/place_modifiers.txt"));

/// First words that make a name a place ("Lake Chad", "Mount Kenya").
pub static PLACE_PREFIXES: Words = Words::new(include_str!("../data/words/place_prefixes.txt"));

/// Words after a name that speak for a body ("a Fifa spokesman", "Labour officials").
pub static BODY_SPOKESMEN: Words = Words::new(include_str!("../data/words/body_spokesmen.txt"));

/// Common nouns that, placed just before a name, say it is an organisation ("firm Sunseap").
pub static ORG_NOUNS: Words = Words::new(include_str!("../data/words/org_nouns.txt"));

/// Words that open sentences and are never names by themselves.
pub static FUNCTION_WORDS: Words = Words::new(include_str!("../data/words/function_words.txt"));

/// Verbs that introduce or close a quotation.
pub static SPEECH_VERBS: Words = Words::new(include_str!("../data/words/speech_verbs.txt"));

/// Honorifics: titles that say "person" but are not roles.
pub static HONORIFICS: Words = Words::new(include_str!("../data/words/honorifics.txt"));

/// Title words the nameparser list lacks or abbreviates in news style.
pub static EXTRA_TITLES: Words = Words::new(include_str!("../data/words/extra_titles.txt"));

/// Words of the title list that are too often parts of organisation and place names to be read
/// as a person's title before a name.
pub static NOT_TITLES: Words = Words::new(include_str!("../data/words/not_titles.txt"));

/// Months and weekdays: not entities by themselves.
pub static CALENDAR: Words = Words::new(include_str!("../data/words/calendar.txt"));

/// Nouns that introduce the title of a work ("the film Vera Drake", "her album Soul").
pub static WORK_NOUNS: Words = Words::new(include_str!("../data/words/work_nouns.txt"));

/// Verbs that say a name acts: organisations and people do these; products and measures do not.
pub static AGENT_VERBS: Words = Words::new(include_str!("../data/words/agent_verbs.txt"));

/// Last words that name an organisation's legal form: "Labour" is the Labour Party, "Microsoft"
/// the Microsoft Corporation (but "Microsoft Office" is not Microsoft).
pub static LEGAL_FORMS: Words = Words::new(include_str!("../data/words/legal_forms.txt"));

/// Symbols.
pub static SYMBOLS: Words = Words::new(include_str!("../data/words/symbols.txt"));

/// Currency prefixes.
pub static CURRENCY_PREFIXES: Words =
    Words::new(include_str!("../data/words/currency_prefixes.txt"));

/// Currency words.
pub static CURRENCY_WORDS: Words = Words::new(include_str!("../data/words/currency_words.txt"));

/// Scales.
pub static SCALES: Words = Words::new(include_str!("../data/words/scales.txt"));

/// Relative.
pub static RELATIVE: Words = Words::new(include_str!("../data/words/relative.txt"));

/// Periods.
pub static PERIODS: Words = Words::new(include_str!("../data/words/periods.txt"));

/// Forms of state whose "of" names the country: "Bolivarian Republic of Venezuela".
pub static STATE_FORMS: Words = Words::new(include_str!("../data/words/state_forms.txt"));

/// Heads whose complement may list several portfolios: "Ministry of Culture, Community and Youth".
pub static PORTFOLIO_HEADS: Words = Words::new(include_str!("../data/words/portfolio_heads.txt"));

/// Words that may precede a role noun inside a lowercase title.
pub static TITLE_MODIFIERS: Words = Words::new(include_str!("../data/words/title_modifiers.txt"));

/// Titles and abbreviations after which a period never ends a sentence.
pub static NEVER_END: Words = Words::new(include_str!("../data/words/never_end.txt"));

/// Abbreviations that end a sentence only when a sentence-opening word follows.
pub static MAYBE_END: Words = Words::new(include_str!("../data/words/maybe_end.txt"));

/// Capitalised words that commonly open a sentence; after an ambiguous period (an acronym such
/// as "U.S." or an abbreviation such as "Ltd.") they signal a new sentence.
pub static OPENERS: Words = Words::new(include_str!("../data/words/openers.txt"));

/// Last words of publication names ("South China Morning Post", "The Straits Times").
pub static PUBLICATION_WORDS: Words =
    Words::new(include_str!("../data/words/publication_words.txt"));

/// Last words that make a name an initiative, programme or policy.
pub static INITIATIVE_HEADS: Words = Words::new(include_str!("../data/words/initiative_heads.txt"));

/// Lowercase nouns of settlements and divisions ("the village of Atwick", "Aisby is a hamlet").
pub static PLACE_NOUNS: Words = Words::new(include_str!("../data/words/place_nouns.txt"));

/// Words that, before a name, say it is a place.
pub static PLACE_PREPOSITIONS: Words =
    Words::new(include_str!("../data/words/place_prepositions.txt"));

/// Lowercase words that may join capitalised words inside a name.
pub static NAME_CONNECTORS: Words = Words::new(include_str!("../data/words/name_connectors.txt"));

/// Pronouns that stand for a person already named.
pub static PERSON_PRONOUNS: Words = Words::new(include_str!("../data/words/person_pronouns.txt"));

/// Words of sport reporting (`data/words/sport_words.txt`).
pub static SPORT_WORDS: Words = Words::new(include_str!("../data/words/sport_words.txt"));

/// Words before a place that make it a competitor in a sport report: "joined Tottenham".
pub static COMPETITOR_BEFORE: Words =
    Words::new(include_str!("../data/words/competitor_before.txt"));

/// Words after a place that make it a competitor in a sport report: "Chelsea striker".
pub static COMPETITOR_AFTER: Words = Words::new(include_str!("../data/words/competitor_after.txt"));

/// Words that make a title another office than the bare title ("deputy", "shadow").
pub static RANK_MODIFIERS: Words = Words::new(include_str!("../data/words/rank_modifiers.txt"));

/// Words that open a clause set before the main one ("As", "While", "Despite").
pub static SUBORDINATORS: Words = Words::new(include_str!("../data/words/subordinators.txt"));

/// Things written that speak in a report without a named writer ("the advert said").
pub static DOCUMENT_NOUNS: Words = Words::new(include_str!("../data/words/document_nouns.txt"));

/// The months ("May" after a given name is a surname: "Theresa May").
pub static MONTHS: Words = Words::new(include_str!("../data/words/months.txt"));

/// Honorifics that mark a man ("Mr", "Sir", "Lord").
pub static MALE_HONORIFICS: Words = Words::new(include_str!("../data/words/male_honorifics.txt"));

/// Honorifics that mark a woman ("Mrs", "Ms", "Dame").
pub static FEMALE_HONORIFICS: Words =
    Words::new(include_str!("../data/words/female_honorifics.txt"));

/// Letters after a person's name for a seat or an honour ("Paul Boateng MP").
pub static POST_NOMINALS: Words = Words::new(include_str!("../data/words/post_nominals.txt"));

/// Last parts of hyphenated adjectives that are not participles ("London-based" is found by
/// its ending; "British-born", "Nato-led" by this list).
pub static COMPOUND_TAILS: Words = Words::new(include_str!("../data/words/compound_tails.txt"));

/// Nouns of occupation written before a person's name ("principal analyst Kobita Desai").
pub static OCCUPATIONS: Words = Words::new(include_str!("../data/words/occupations.txt"));

/// Labels of a photo or image credit before a colon ("Image: Nick Moreau").
pub static CREDIT_LABELS: Words = Words::new(include_str!("../data/words/credit_labels.txt"));
