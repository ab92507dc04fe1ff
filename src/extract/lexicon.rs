//! Word lists that are rules of English news writing rather than gazetteers: the head words that
//! make a name an organisation, event, initiative or place, the words that open sentences, the
//! verbs of speech. Gazetteers of real names live in `data/gazetteers`.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

/// A word list, hashed on first use.
pub struct Words(LazyLock<WordIndex>);

/// The hashed form of a word list, with the first bytes and the longest length of its words so
/// that most words are turned away before hashing.
#[derive(Default)]
pub struct WordIndex {
    set: HashSet<&'static str>,
    first: [u64; 4],
    longest: usize,
}

impl WordIndex {
    fn contains(&self, w: &str) -> bool {
        let Some(&b) = w.as_bytes().first() else {
            return false;
        };
        w.len() <= self.longest
            && self.first[usize::from(b >> 6)] & (1 << (b & 63)) != 0
            && self.set.contains(w)
    }
}

impl FromIterator<&'static str> for WordIndex {
    fn from_iter<I: IntoIterator<Item = &'static str>>(iter: I) -> Self {
        let mut index = WordIndex::default();
        for w in iter {
            if let Some(&b) = w.as_bytes().first() {
                index.first[usize::from(b >> 6)] |= 1 << (b & 63);
            }
            index.longest = index.longest.max(w.len());
            index.set.insert(w);
        }
        index
    }
}

impl Words {
    /// True when `w` is in the list (exact case).
    pub fn contains(&self, w: &&str) -> bool {
        self.0.contains(w)
    }

    /// True when some entry equals `w` ignoring ASCII case.
    pub fn contains_ignore_case(&self, w: &str) -> bool {
        if self.0.contains(w) {
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
        self.0.contains(titled.as_str()) || self.0.contains(w.to_lowercase().as_str())
    }
}

/// Last words that make a name an organisation ("Ruijin Hospital", "Shanghai Data Group").
const ORG_HEADS_LIST: &[&str] = &[
    "Agency",
    "Airline",
    "Airlines",
    "Airways",
    "Alliance",
    "Assembly",
    "Association",
    "Authority",
    "Bank",
    "Board",
    "Bureau",
    "Cabinet",
    "Center",
    "Centre",
    "Chamber",
    "Church",
    "Club",
    "College",
    "Commission",
    "Committee",
    "Company",
    "Congress",
    "Corporation",
    "Council",
    "Court",
    "Department",
    "Enterprises",
    "Federation",
    "Firm",
    "Foundation",
    "Fund",
    "Government",
    "Group",
    "Holdings",
    "Hospital",
    "Industries",
    "Institute",
    "Institution",
    "International",
    "Laboratories",
    "Labs",
    "League",
    "Media",
    "Ministry",
    "Museum",
    "Navy",
    "Army",
    "Network",
    "Office",
    "Organisation",
    "Organization",
    "Parliament",
    "Partners",
    "Party",
    "Police",
    "Railway",
    "Railways",
    "Reserve",
    "Senate",
    "Service",
    "Services",
    "Society",
    "Solutions",
    "Studio",
    "Studios",
    "Systems",
    "Technologies",
    "Telecom",
    "Trust",
    "Union",
    "United",
    "University",
    "Academy",
    "School",
    "Team",
    "Records",
    "Pictures",
    "Motors",
    "Energy",
    "Airport Authority",
    "Press",
    "News",
    "Times",
    "Post",
    "Journal",
    "Herald",
    "Agency",
    "Consortium",
    "Court",
    "Tribunal",
    "Secretariat",
    "Administration",
    "Forces",
    "Guard",
    "Corps",
    "Brigade",
    "Inc",
    "Ltd",
    "Co",
    "Corp",
    "Plc",
    "PLC",
    "LLC",
    "AG",
    "GmbH",
    "SA",
    "NV",
    "FC",
];

/// Organisation heads that take an "of"/"for" complement ("Ministry of Culture").
const OF_HEADS_LIST: &[&str] = &[
    "Ministry",
    "Department",
    "University",
    "Bank",
    "Church",
    "Chamber",
    "Institute",
    "Academy",
    "College",
    "School",
    "Museum",
    "Federation",
    "Association",
    "Council",
    "Committee",
    "Commission",
    "Board",
    "Bureau",
    "Office",
    "League",
    "Union",
    "Society",
    "Daughters",
    "Sons",
    "Republic",
    "Kingdom",
    "City",
    "Province",
    "Gulf",
    "Bay",
    "Isle",
    "Isles",
    "Sea",
    "Cape",
    "Lake",
    "Port",
    "Mount",
    "House",
    "Court",
    "Party",
    "Order",
    "Festival",
    "Conference",
    "Centre",
    "Center",
    "Secretary",
    "Minister",
    "Director",
    "Governor",
    "Mayor",
    "Chancellor",
    "Duke",
    "Duchess",
    "Prince",
    "Princess",
    "King",
    "Queen",
    "Bishop",
    "Archbishop",
    "Mayoral",
    "Hall",
    "Tower",
    "Palace",
    "Festival",
    "Battle",
    "State",
    "Statue",
    "Gallery",
    "Administration",
    "Organisation",
    "Organization",
    "Agency",
    "Authority",
    "Fund",
    "Court",
    "District",
    "County",
    "Region",
    "Prefecture",
];

/// Last words that make a name an event.
const EVENT_HEADS_LIST: &[&str] = &[
    "Forum",
    "Conference",
    "Expo",
    "Exposition",
    "Summit",
    "Festival",
    "Olympics",
    "Games",
    "Cup",
    "Championship",
    "Championships",
    "Election",
    "Elections",
    "War",
    "Challenge",
    "Fair",
    "Exhibition",
    "Session",
    "Ceremony",
    "Awards",
    "Tournament",
    "Marathon",
    "Week",
    "Day",
    "Congress",
    "Convention",
    "Symposium",
    "Dialogue",
    "Meeting",
    "Talks",
    "Race",
    "Open",
    "Grand Prix",
    "Series",
    "Revolution",
    "Crisis",
    "Derby",
    "Final",
    "Finals",
    "League",
    "Trophy",
    "Show",
    "Gala",
    "Carnival",
    "Parade",
    "Rally",
    "Plenary",
    "Olympiad",
    "Biennale",
];

/// Last words that make a name an initiative, programme or policy.
const INITIATIVE_HEADS_LIST: &[&str] = &[
    "Initiative",
    "Scheme",
    "Programme",
    "Program",
    "Plan",
    "Project",
    "Strategy",
    "Policy",
    "Act",
    "Bill",
    "Agenda",
    "Campaign",
    "Mission",
    "Treaty",
    "Accord",
    "Accords",
    "Agreement",
    "Pact",
    "Deal",
    "Framework",
    "Reform",
    "Reforms",
    "Doctrine",
    "Partnership",
    "Package",
];

/// Last words that make a name a place ("Pudong New Area", "Yangtze River Delta").
const PLACE_HEADS_LIST: &[&str] = &[
    "Island",
    "Islands",
    "River",
    "Mountain",
    "Mountains",
    "Lake",
    "Sea",
    "Ocean",
    "Bay",
    "Valley",
    "Province",
    "State",
    "County",
    "District",
    "Region",
    "Street",
    "Square",
    "Avenue",
    "Road",
    "Delta",
    "Area",
    "Strait",
    "Straits",
    "Peninsula",
    "Coast",
    "Desert",
    "Canal",
    "Harbour",
    "Harbor",
    "Airport",
    "Stadium",
    "Hall",
    "Park",
    "Bridge",
    "Plains",
    "Gulf",
    "Territory",
    "Territories",
    "Prefecture",
    "Municipality",
    "Borough",
    "Township",
    "Village",
    "Heights",
    "Hills",
    "Falls",
    "Basin",
    "Forest",
    "Beach",
    "Highway",
    "Mosque",
    "Temple",
    "Cathedral",
    "Palace",
    "Tower",
    "Memorial",
    "Arena",
    "Station",
    "Port",
    "Zone",
    "Kingdom",
    "Republic",
    "Emirates",
    "Federation",
];

/// Common nouns that, placed just before a name, say it is an organisation ("firm Sunseap").
const ORG_NOUNS_LIST: &[&str] = &[
    "company",
    "firm",
    "group",
    "bank",
    "carrier",
    "airline",
    "maker",
    "giant",
    "retailer",
    "startup",
    "start-up",
    "brand",
    "broadcaster",
    "newspaper",
    "agency",
    "operator",
    "insurer",
    "lender",
    "manufacturer",
    "producer",
    "publisher",
    "developer",
    "distributor",
    "chain",
    "club",
    "side",
    "band",
    "label",
    "network",
    "channel",
    "website",
    "site",
    "service",
    "organisation",
    "organization",
    "charity",
    "party",
    "union",
    "conglomerate",
    "supermarket",
    "farms",
    "foods",
    "mills",
    "works",
    "brewery",
    "studios",
    "motors",
    "airways",
    "holdings",
];

/// Words that, before a name, say it is a place.
const PLACE_PREPOSITIONS_LIST: &[&str] = &[
    "in",
    "to",
    "from",
    "near",
    "across",
    "throughout",
    "outside",
    "inside",
    "via",
];

/// Words that open sentences and are never names by themselves.
const FUNCTION_WORDS_LIST: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "Your",
    "Some",
    "Many",
    "Most",
    "Both",
    "All",
    "Every",
    "Each",
    "No",
    "In",
    "On",
    "At",
    "For",
    "But",
    "And",
    "Or",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "As",
    "So",
    "Also",
    "Then",
    "There",
    "Here",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "Despite",
    "Although",
    "Additionally",
    "Moreover",
    "However",
    "Meanwhile",
    "According",
    "With",
    "From",
    "By",
    "To",
    "Of",
    "Under",
    "Over",
    "Since",
    "Until",
    "During",
    "Among",
    "Between",
    "Against",
    "Through",
    "Without",
    "Within",
    "Why",
    "What",
    "Who",
    "Whom",
    "Whose",
    "Which",
    "Where",
    "How",
    "Yet",
    "Not",
    "Now",
    "Only",
    "Even",
    "Just",
    "Still",
    "Already",
    "Yesterday",
    "Today",
    "Tomorrow",
    "Last",
    "Next",
    "One",
    "Two",
    "Three",
    "Other",
    "Another",
    "Such",
    "Several",
    "Few",
    "More",
    "Less",
    "Such",
    "Once",
    "Thus",
    "Therefore",
    "Instead",
    "Indeed",
    "Overall",
    "Separately",
    "Earlier",
    "Later",
    "Above",
    "Below",
    "Again",
    "Well",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sir",
    "Its",
    "Whether",
    "Unlike",
    "Like",
    "Beyond",
    "Towards",
    "Toward",
    "Upon",
    "Via",
    "Per",
    "Any",
    "Nor",
    "Neither",
    "Either",
    "Because",
    "Though",
    "Unless",
    "Whereas",
    "Wherever",
    "Whenever",
];

/// Lowercase words that may join capitalised words inside a name.
const NAME_CONNECTORS_LIST: &[&str] = &[
    "of", "for", "and", "&", "de", "del", "della", "da", "di", "du", "des", "la", "le", "van",
    "von", "der", "den", "bin", "al", "el", "y", "on", "upon",
];

/// Verbs that introduce or close a quotation.
const SPEECH_VERBS_LIST: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "noted",
    "notes",
    "stressed",
    "explained",
    "asked",
    "asks",
    "continued",
    "insisted",
    "warned",
    "argued",
    "declared",
    "announced",
    "remarked",
    "wrote",
    "writes",
    "commented",
    "replied",
    "recalled",
    "emphasized",
    "emphasised",
    "claimed",
    "stated",
    "admitted",
    "acknowledged",
    "suggested",
    "urged",
    "concluded",
    "observed",
    "pointed",
    "highlighted",
    "believes",
    "thinks",
    "predicted",
];

/// Honorifics: titles that say "person" but are not roles.
const HONORIFICS_LIST: &[&str] = &[
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Sir", "Dame", "Lord", "Lady", "Madam", "Mister", "Mr.",
    "Mrs.", "Ms.", "Dr.",
];

/// Title words the nameparser list lacks or abbreviates in news style.
const EXTRA_TITLES_LIST: &[&str] = &[
    "PM",
    "Vice",
    "Vice-Mayor",
    "Vice-President",
    "Deputy",
    "Executive",
    "Chief",
    "Premier",
    "Chairman",
    "Chairwoman",
    "Chairperson",
    "MP",
    "MEP",
    "Spokesman",
    "Spokeswoman",
    "Boss",
    "Coach",
    "Striker",
    "Midfielder",
    "Defender",
    "Goalkeeper",
    "Skipper",
    "Chancellor",
    "Administrator",
    "Ambassador",
    "Emeritus",
    "Councillor",
    "Commissioner",
    "Secretary-General",
    "Director-General",
    "Attorney-General",
    "Inspector",
    "Superintendent",
    "Constable",
];

/// Words of the title list that are too often parts of organisation and place names to be read
/// as a person's title before a name.
const NOT_TITLES_LIST: &[&str] = &[
    "national",
    "united",
    "states",
    "state",
    "us",
    "uk",
    "federal",
    "first",
    "group",
    "strategy",
    "security",
    "information",
    "technical",
    "social",
    "royal",
    "special",
    "high",
    "grand",
    "most",
    "right",
    "his",
    "her",
    "english",
    "british",
    "army",
    "navy",
    "police",
    "customs",
    "district",
    "division",
    "revenue",
    "tax",
    "television",
    "radio",
    "travel",
    "software",
    "computer",
    "film",
    "opera",
    "rock",
    "blues",
    "ballet",
    "classical",
    "law",
    "legal",
    "military",
    "municipal",
    "political",
    "civil",
    "corporate",
    "financial",
    "marketing",
    "intelligence",
    "knowledge",
    "discovery",
    "mystery",
    "credit",
    "business",
    "baseball",
    "soccer",
    "family",
    "familie",
    "host",
    "resident",
    "voice",
    "bench",
    "banner",
    "flag",
    "flying",
    "air",
    "wing",
    "field",
    "private",
    "operating",
    "excellent",
    "judicial",
    "presiding",
    "designated",
    "hereditary",
    "metropolitan",
    "mathematics",
    "analytics",
    "award-winning",
    "behavioral",
    "biblical",
    "kingdom",
    "model",
    "master",
    "count",
    "saint",
    "st",
    "ab",
    "me",
    "pro",
    "player",
    "staff",
    "international",
    "foreign",
    "supreme",
    "general",
    "theater",
    "theatre",
    "company",
    "primate",
    "champion",
    "economist",
];

/// Months and weekdays: not entities by themselves.
const CALENDAR_LIST: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Christmas",
    "Easter",
    "New Year",
];

/// Pronouns that stand for a person already named.
const PERSON_PRONOUNS_LIST: &[&str] = &["he", "she", "He", "She"];

/// Words for people's roles that a quotation may be attributed to ("the mayor said").
pub fn is_role_noun(word: &str) -> bool {
    crate::gazetteer::with_lowercase(word, role_noun)
}

fn role_noun(w: &str) -> bool {
    matches!(
        w,
        "mayor"
            | "minister"
            | "president"
            | "governor"
            | "secretary"
            | "chairman"
            | "chief"
            | "executive"
            | "director"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "official"
            | "ambassador"
            | "premier"
            | "leader"
            | "manager"
            | "coach"
            | "senator"
            | "professor"
            | "chancellor"
            | "commissioner"
            | "boss"
            | "founder"
            | "head"
            | "vice-mayor"
            | "vice-president"
            | "captain"
            | "judge"
            | "officer"
            | "member"
            | "representative"
            | "delegate"
            | "deputy"
            | "adviser"
            | "advisor"
            | "secretary-general"
            | "ceo"
            | "chairwoman"
            | "co-founder"
            | "owner"
            | "editor"
            | "correspondent"
            | "governor-general"
            | "mp"
            | "lawmaker"
            | "councillor"
            | "envoy"
    )
}

/// Nouns that introduce the title of a work ("the film Vera Drake", "her album Soul").
const WORK_NOUNS_LIST: &[&str] = &[
    "film",
    "films",
    "movie",
    "drama",
    "comedy",
    "biopic",
    "thriller",
    "album",
    "novel",
    "musical",
    "sitcom",
    "documentary",
    "blockbuster",
    "opera",
    "ballet",
    "epic",
    "cartoon",
    "anthem",
];

/// Verbs that say a name acts: organisations and people do these; products and measures do not.
const AGENT_VERBS_LIST: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "announced",
    "reported",
    "posted",
    "plans",
    "planned",
    "wants",
    "hopes",
    "agreed",
    "bought",
    "sold",
    "launched",
    "employs",
    "owns",
    "warned",
    "denied",
    "confirmed",
    "insisted",
    "argued",
    "claimed",
    "admitted",
    "revealed",
    "urged",
    "accused",
    "signed",
    "won",
    "beat",
    "lost",
    "expects",
    "believes",
    "refused",
    "rejected",
    "decided",
];

/// Set form of the list above it in this file.
pub static WORK_NOUNS: Words = Words(LazyLock::new(|| WORK_NOUNS_LIST.iter().copied().collect()));
/// Set form of the list above it in this file.
pub static AGENT_VERBS: Words = Words(LazyLock::new(|| AGENT_VERBS_LIST.iter().copied().collect()));
/// Set form of the list above it in this file.
pub static ORG_HEADS: Words = Words(LazyLock::new(|| ORG_HEADS_LIST.iter().copied().collect()));
/// Set form of the list above it in this file.
pub static OF_HEADS: Words = Words(LazyLock::new(|| OF_HEADS_LIST.iter().copied().collect()));
/// Set form of the list above it in this file.
pub static EVENT_HEADS: Words = Words(LazyLock::new(|| EVENT_HEADS_LIST.iter().copied().collect()));
/// Set form of the list above it in this file.
pub static INITIATIVE_HEADS: Words = Words(LazyLock::new(|| {
    INITIATIVE_HEADS_LIST.iter().copied().collect()
}));
/// Set form of the list above it in this file.
pub static PLACE_HEADS: Words = Words(LazyLock::new(|| PLACE_HEADS_LIST.iter().copied().collect()));
/// Set form of the list above it in this file.
pub static ORG_NOUNS: Words = Words(LazyLock::new(|| ORG_NOUNS_LIST.iter().copied().collect()));
/// Set form of the list above it in this file.
pub static PLACE_PREPOSITIONS: Words = Words(LazyLock::new(|| {
    PLACE_PREPOSITIONS_LIST.iter().copied().collect()
}));
/// Set form of the list above it in this file.
pub static FUNCTION_WORDS: Words = Words(LazyLock::new(|| {
    FUNCTION_WORDS_LIST.iter().copied().collect()
}));
/// Set form of the list above it in this file.
pub static NAME_CONNECTORS: Words = Words(LazyLock::new(|| {
    NAME_CONNECTORS_LIST.iter().copied().collect()
}));
/// Set form of the list above it in this file.
pub static SPEECH_VERBS: Words = Words(LazyLock::new(|| {
    SPEECH_VERBS_LIST.iter().copied().collect()
}));
/// Set form of the list above it in this file.
pub static HONORIFICS: Words = Words(LazyLock::new(|| HONORIFICS_LIST.iter().copied().collect()));
/// Set form of the list above it in this file.
pub static EXTRA_TITLES: Words = Words(LazyLock::new(|| {
    EXTRA_TITLES_LIST.iter().copied().collect()
}));
/// Set form of the list above it in this file.
pub static NOT_TITLES: Words = Words(LazyLock::new(|| NOT_TITLES_LIST.iter().copied().collect()));
/// Set form of the list above it in this file.
pub static CALENDAR: Words = Words(LazyLock::new(|| CALENDAR_LIST.iter().copied().collect()));
/// Set form of the list above it in this file.
pub static PERSON_PRONOUNS: Words = Words(LazyLock::new(|| {
    PERSON_PRONOUNS_LIST.iter().copied().collect()
}));
