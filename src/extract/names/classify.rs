//! Scoring: the evidence for each kind that a run's words, heads and context give.

use super::corpus::lowercase_noun;
use super::*;

/// The weights of the evidence, in units where [`DECIDED`] (2.0) decides a kind on its own.
mod weight {
    /// A country named in a sentence with a match score is a team.
    pub const TEAM_BY_SCORE: f32 = 5.0;
    /// A head word at the end: "… Initiative", "… Forum", "… Council".
    pub const HEAD_WORD: f32 = 3.0;
    /// An organisation head before "of"/"for": "Chamber of Commerce".
    pub const ORG_HEAD_BEFORE_OF: f32 = 3.5;
    /// A place head at the end: "… Province".
    pub const PLACE_HEAD: f32 = 2.5;
    /// A place head before "of": "Republic of …".
    pub const PLACE_HEAD_BEFORE_OF: f32 = 3.5;
    /// A gazetteer country, continent or first-level region.
    pub const COUNTRY: f32 = 4.0;
    /// A gazetteer city of 100,000 people or more.
    pub const BIG_CITY: f32 = 3.0;
    /// A smaller gazetteer city.
    pub const CITY: f32 = 2.0;
    /// Taken off a one-word place the corpus also writes in lowercase ("Reading", "Bath").
    pub const COMMON_WORD_PLACE: f32 = 2.0;
    /// A lone acronym of three letters or more; of two letters.
    pub const ACRONYM_LONG: f32 = 1.5;
    /// See [`ACRONYM_LONG`].
    pub const ACRONYM_SHORT: f32 = 1.0;
    /// "the BBC" not followed by a noun.
    pub const ACRONYM_AFTER_THE: f32 = 1.0;
    /// The most an acronym never seen acting can have.
    pub const ACRONYM_NOT_ACTING_CAP: f32 = 1.5;
    /// A possessive owner before it, or a possessive or verb of saying after it.
    pub const ACRONYM_OWNED_OR_SPEAKING: f32 = 0.5;
    /// An organisation noun before it: "the firm X".
    pub const ORG_NOUN_BEFORE: f32 = 2.0;
    /// A preposition of place before a gazetteer place.
    pub const PLACE_PREPOSITION: f32 = 1.0;
    /// A title phrase and a comma before a name.
    pub const TITLE_PHRASE_BEFORE: f32 = 1.0;
    /// An organisation noun after it: "X Group", "X bank".
    pub const ORG_NOUN_AFTER: f32 = 3.0;
    /// A spokesman or a statement after it: "a Fifa spokesman".
    pub const SPOKESMAN_AFTER: f32 = 2.5;
    /// A verb of saying after a two-word name.
    pub const SPEAKS_AFTER: f32 = 1.0;
    /// An appositive role after it: "X, mayor of …".
    pub const APPOSITIVE_ROLE: f32 = 2.0;
    /// A noun of occupation right before a full name: "analyst Kobita Desai".
    pub const OCCUPATION_BEFORE: f32 = 2.0;
}

/// A sentence as classification asks of it: its index in the article, and what is worked out
/// once for all its names, only when one asks.
pub(super) struct Sentence {
    /// Its index among the article's sentences.
    pub index: usize,
    scored: std::cell::OnceCell<bool>,
}

impl Sentence {
    pub(super) fn new(index: usize) -> Sentence {
        Sentence {
            index,
            scored: std::cell::OnceCell::new(),
        }
    }

    /// Whether `toks`, this sentence's tokens, hold a match score ([`has_score`]); a sentence
    /// that lists thousands of places is read for it once, not once per place.
    fn has_score(&self, toks: &[Token]) -> bool {
        *self.scored.get_or_init(|| has_score(toks))
    }
}

/// Weigh the evidence for each kind; `full` is `words` joined, `person_like` whether they
/// could be a person's name.
pub(super) fn classify(
    toks: &[Token],
    sentence: &Sentence,
    run: &Run,
    words: &[&str],
    full: &str,
    person_like: bool,
    lex: &Lexicon,
) -> Scores {
    let g = gazetteer::get();
    let mut s = Scores::default();
    let last = words[words.len() - 1];
    let n = words.len();
    let place = g.place(full);

    // A country in a sentence with a score ("Sweden defeated South Korea 1 – 0") is a team, and
    // so is any name on either side of a result ("Man City 0-2 Man Utd") or at the head of a
    // standings row ("Arsenal 12 9 2 1 27"). Two scores in a row are sets ("Federer 6-3 6-4"),
    // played by people.
    if n <= 3 && place.is_some() && sentence.has_score(toks) || n <= 4 && in_a_result(toks, run) {
        s.add(Kind::Organization, weight::TEAM_BY_SCORE);
    }
    // Head words.
    if is_head(&INITIATIVE_HEADS, last) && n > 1 {
        s.add(Kind::Initiative, weight::HEAD_WORD);
    }
    if is_head(&EVENT_HEADS, last) && n > 1 {
        s.add(Kind::Event, weight::HEAD_WORD);
    }
    if (is_head(&ORG_HEADS, last) || g.is_org_suffix(last)) && n > 1 {
        s.add(Kind::Organization, weight::HEAD_WORD);
    }
    // "FC Basel", "AC Milan": a club's initials before its town.
    if n > 1 && is_acronym(words[0]) && is_head(&ORG_HEADS, words[0]) {
        s.add(Kind::Organization, weight::HEAD_WORD);
    }
    // The head before "of"/"for" decides: "Shanghai Chamber of Commerce", "Committee for Finance".
    let of_head = words
        .iter()
        .position(|w| *w == "of" || *w == "for")
        .filter(|&p| p > 0)
        .map(|p| words[p - 1]);
    if of_head.is_some_and(|h| is_head(&ORG_HEADS, h)) {
        s.add(Kind::Organization, weight::ORG_HEAD_BEFORE_OF);
    }
    // "Irving Independent School District": a body's head before a place's is the body's
    // division, not a place.
    if is_head(&PLACE_HEADS, last) && n > 1 {
        if n > 2 && last == "District" && is_head(&ORG_HEADS, words[n - 2]) {
            s.add(Kind::Organization, weight::HEAD_WORD);
        } else {
            s.add(Kind::Place, weight::PLACE_HEAD);
        }
    }
    if of_head.is_some_and(|h| is_head(&PLACE_HEADS, h)) {
        s.add(Kind::Place, weight::PLACE_HEAD_BEFORE_OF);
    }
    // A small town whose name is shaped like an adjective, written as a modifier ("Olympic
    // gold", "Olympic 100m title", "in Olympic year", "Liberal leader"), is the adjective, not
    // the town.
    let attributive = n == 1
        && place.is_some_and(|p| p.kind == PlaceKind::City && p.population < 100_000)
        && ["ic", "ian", "ean", "ese", "ish", "al"]
            .iter()
            .any(|suffix| full.ends_with(suffix))
        && toks.get(run.end).is_some_and(|t| {
            t.text.starts_with(|c: char| c.is_ascii_digit())
                || t.is_word
                    && t.text.chars().next().is_some_and(char::is_lowercase)
                    && !FUNCTION_WORDS.contains(&t.text)
                    && !SPEECH_VERBS.contains(&t.text)
                    && !AGENT_VERBS.contains(&t.text)
        });
    // Gazetteer places.
    if let Some(p) = place {
        // A small town that is also a given name ("Gloria", "Sandy") needs more than its name.
        let w = if n == 1
            && p.kind == PlaceKind::City
            && p.population < 100_000
            && g.is_given_name(full)
        {
            weight::CITY / 2.0
        } else {
            place_weight(p.kind, p.population)
        };
        let common = n == 1 && lex.is_common_word(full) && !is_acronym(full);
        if !attributive {
            s.add(
                Kind::Place,
                if common {
                    w - weight::COMMON_WORD_PLACE
                } else {
                    w
                },
            );
        }
    }
    // "West Germany", "Southern California": a part of a place, or the place as it was.
    if n >= 2 && place.is_none() && PLACE_MODIFIERS.contains(&words[0]) {
        if let Some(p) = place_of(&words[1..]) {
            s.add(Kind::Place, place_weight(p.kind, p.population));
        }
    }
    // "Washington D.C.", "Washington DC": a city and the initials of its state or district (a
    // country and initials are something of the country's: "US TV").
    if n >= 2
        && place.is_none()
        && is_acronym(last)
        && last.len() <= 5
        && !is_any_head(last)
        && !g.is_org_suffix(last)
    {
        if let Some(p) = place_of(&words[..n - 1])
            .filter(|p| matches!(p.kind, PlaceKind::City | PlaceKind::Admin))
        {
            s.add(Kind::Place, place_weight(p.kind, p.population));
        }
    }
    // "Lake Chad", "Mount Kenya".
    if n >= 2 && PLACE_PREFIXES.contains(&words[0]) && words[1] != "of" {
        s.add(Kind::Place, weight::PLACE_HEAD);
    }
    // "Buffalo Bisons", "Montreal Crystals": a place, then a plural, is a team.
    if n >= 2
        && place.is_none()
        && last.len() >= 4
        && last.ends_with('s')
        && !last.ends_with("ss")
        && !last.ends_with("us")
        && !last.ends_with("is")
        && !is_any_head(last)
        && !g.is_demonym(last)
        && !g.is_given_name(words[0])
        && !PLACE_MODIFIERS.contains(&words[n - 2])
        && (1..n.min(g.place_words() + 1)).any(|j| place_of(&words[..j]).is_some())
    {
        s.add(Kind::Organization, weight::HEAD_WORD);
    }
    // Acronyms.
    let after_number = run.start > 0 && toks[run.start - 1].is_number();
    if n == 1
        && is_acronym(last)
        && g.place(last).is_none()
        && !lex.is_common_acronym(last)
        && !after_number
        && !technical_term(last)
    {
        let mut w: f32 = if last.len() >= 3 {
            weight::ACRONYM_LONG
        } else {
            weight::ACRONYM_SHORT
        };
        let next_is_noun = toks
            .get(run.end)
            .is_some_and(|t| t.is_word && lowercase_noun(t.text));
        if prev_word(toks, run.start) == Some("the") && !next_is_noun {
            w += weight::ACRONYM_AFTER_THE;
        }
        // An acronym never seen acting (saying, announcing, owning) is a term or a product
        // ("GDP", "the DS"), not a body.
        // One the corpus uses standing alone, as names are, is a body all the same ("the NHL").
        if !lex.acts(last) {
            w = if lex.acronym_stands_alone(last) && !next_is_noun {
                w.max(DECIDED)
            } else {
                w.min(weight::ACRONYM_NOT_ACTING_CAP)
            };
        }
        // "China's BYD": a possessive owner before it.
        if run.start > 0
            && has_possessive(&toks[run.start - 1])
            && toks[run.start - 1].is_capitalised()
        {
            w += weight::ACRONYM_OWNED_OR_SPEAKING;
        }
        if has_possessive(&toks[run.end - 1])
            || toks
                .get(run.end)
                .is_some_and(|t| SPEECH_VERBS.contains(&t.text))
        {
            w += weight::ACRONYM_OWNED_OR_SPEAKING;
        }
        s.add(Kind::Organization, w);
    }
    // Person names.
    if person_like {
        s.add(Kind::Person, name_evidence(words, lex));
    }
    // Context: the words around.
    let before = prev_word(toks, run.start);
    let after = toks.get(run.end);
    if let Some(b) = before {
        let (org_noun, place_preposition, place_only) = gazetteer::with_lowercase(b, |bl| {
            (
                ORG_NOUNS.contains(&bl),
                PLACE_PREPOSITIONS.contains(&bl),
                matches!(bl, "in" | "across" | "throughout" | "inside" | "outside"),
            )
        });
        // "Paris-based Euronext", "Nasdaq-listed Oracle": where a body is based or listed.
        let seated = b.rsplit_once('-').is_some_and(|(head, tail)| {
            head.starts_with(char::is_uppercase)
                && matches!(tail, "based" | "listed" | "headquartered")
        });
        if org_noun || seated {
            s.add(Kind::Organization, weight::ORG_NOUN_BEFORE);
        }
        // "principal analyst Kobita Desai", "striker Wayne Rooney": an occupation before a
        // full name is the person's.
        if person_like
            && n >= 2
            && OCCUPATIONS.contains(&b)
            && !words.iter().any(|w| is_any_head(w))
        {
            s.add(Kind::Person, weight::OCCUPATION_BEFORE);
        }
        if place_preposition && place.is_some() {
            s.add(Kind::Place, weight::PLACE_PREPOSITION);
        }
        // "in Britain", "across Scotland": a lone unknown name after a preposition of place,
        // unless it is shaped like a plural ("in Oscars snub") or an adjective ("in
        // Oscar-nominated films").
        if place_only
            && n == 1
            && !attributive
            && !last.ends_with('s')
            && !lowercase_after_hyphen(last)
            && !is_acronym(last)
            && !g.is_given_name(last)
            && !lex.is_common_word(last)
            && !adjective_like(last)
            && !CALENDAR.contains(&last)
        {
            s.add(Kind::Place, DECIDED);
        }
    }
    // "co-founder of Google", "chief executive of Tesco": a body's officer, of a name that is
    // no place and no ordinary words ("director of International Relations" is a department).
    if before == Some("of")
        && place.is_none()
        && run.start >= 2
        && !words.iter().any(|w| lex.is_common_word(w))
        && is_body_officer(toks[run.start - 2].text)
        && !adjective_like(last)
        && !g.is_demonym(last)
        && !lowercase_after_hyphen(last)
        && !toks
            .get(run.end)
            .is_some_and(|t| t.is_word && lowercase_noun(t.text))
    {
        s.add(Kind::Organization, weight::ORG_NOUN_BEFORE);
    }
    // "Leung Kwok-hung of LSD", "Ann Chiang of DAB": a person's name, "of" and initials that
    // are no place: the person and the body they belong to.
    if before == Some("of")
        && n == 1
        && is_acronym(last)
        && last.len() >= 3
        && place.is_none()
        && !lex.is_common_acronym(last)
        && run.start >= 2
        && toks[run.start - 2].is_capitalised()
        && !is_any_head(toks[run.start - 2].text)
    {
        s.add(Kind::Organization, weight::ORG_NOUN_BEFORE);
    }
    if person_like
        && n >= 2
        && toks.get(run.end).is_some_and(|t| t.text == "of")
        && toks
            .get(run.end + 1)
            .is_some_and(|t| t.is_word && is_acronym(t.text) && g.place(t.text).is_none())
    {
        s.add(Kind::Person, weight::APPOSITIVE_ROLE);
    }
    // "the village of Atwick", "the capital of Goa": a settlement or division named.
    if before == Some("of")
        && n <= 3
        && run.start >= 2
        && PLACE_NOUNS.contains(&toks[run.start - 2].text)
        && toks
            .get(run.start.wrapping_sub(3))
            .is_none_or(|t| !t.is_capitalised())
    {
        s.add(Kind::Place, DECIDED);
    }
    // "Singapore's Senior Minister of State for Trade, Low Yen Ling": a title phrase, then the name.
    if run.start > 0 && toks[run.start - 1].text == "," && n >= 2 && person_like {
        let from = run.start.saturating_sub(16);
        let titled = toks[from..run.start - 1]
            .iter()
            .any(|t| t.is_capitalised() && is_title_word(t.text) && !HONORIFICS.contains(&t.text));
        let sentence_break = toks[from..run.start - 1]
            .iter()
            .any(|t| t.is_word && SPEECH_VERBS.contains(&t.text));
        if titled && !sentence_break {
            s.add(Kind::Person, weight::TITLE_PHRASE_BEFORE);
        }
    }
    if let Some(a) = after {
        if ORG_NOUNS.contains(&a.text)
            && !technical_term(last)
            && a.span.start > toks[run.end - 1].span.end
            && (n >= 2
                || !(adjective_like(last)
                    || is_acronym(last) && (last.len() == 2 || lex.is_common_acronym(last))))
        {
            s.add(Kind::Organization, weight::ORG_NOUN_AFTER);
        }
        // "a Fifa spokesman", "Labour officials": a body speaks through them, a person does not.
        if BODY_SPOKESMEN.contains(&a.text)
            && a.span.start > toks[run.end - 1].span.end
            && !g.is_given_name(words[0])
            && !adjective_like(last)
            && (n != 1 || !lex.is_common_word(last))
            && !has_possessive(&toks[run.end - 1])
        {
            s.add(Kind::Organization, weight::SPOKESMAN_AFTER);
        }
        if SPEECH_VERBS.contains(&a.text) && n >= 2 && person_like {
            s.add(Kind::Person, weight::SPEAKS_AFTER);
        }
        // "Dewa Budjana ( born August 30 , 1963 )", "Smith, born in Leeds": only people are born.
        let born = |k: usize| {
            toks.get(k)
                .is_some_and(|t| t.text == "born" || t.text == "née")
        };
        if person_like && (a.text == "(" || a.text == ",") && born(run.end + 1) {
            s.add(Kind::Person, weight::APPOSITIVE_ROLE);
        }
        // "X is an Indonesian guitarist", "Aisby is a hamlet": the words (at most three) after
        // a copula and an article say what the name is.
        let is_a = matches!(a.text, "is" | "was")
            && toks
                .get(run.end + 1)
                .is_some_and(|t| matches!(t.text, "a" | "an"));
        if is_a {
            let what = || {
                toks.iter()
                    .skip(run.end + 2)
                    .take(3)
                    .take_while(|t| t.is_word)
            };
            // A role noun, across at most two adjectives: a person.
            if person_like
                && what()
                    .any(|t| t.text.starts_with(char::is_lowercase) && is_appositive_head(t.text))
            {
                s.add(Kind::Person, weight::APPOSITIVE_ROLE);
            }
            // A settlement or a division, before any capitalised word: a place.
            if n <= 3
                && what()
                    .take_while(|t| !t.is_capitalised())
                    .any(|t| PLACE_NOUNS.contains(&t.text))
            {
                s.add(Kind::Place, DECIDED);
            }
        }
        // "X, mayor of ..." : an appositive role.
        // "nominated for Oscars, composer Andrew Lloyd Webber": a role noun before a name is
        // that name's title, not an appositive.
        if a.text == "," {
            if let Some(next) = toks.get(run.end + 1) {
                let titles_a_name = toks.get(run.end + 2).is_some_and(|t| t.is_capitalised());
                if is_appositive_head(next.text) && person_like && !titles_a_name {
                    s.add(Kind::Person, weight::APPOSITIVE_ROLE);
                }
            }
        }
    }
    s
}

/// A role a body has and a place does not: "chairman", "co-founder", "chief executive".
pub(super) fn is_body_officer(word: &str) -> bool {
    gazetteer::with_lowercase(word, |r| {
        matches!(
            r,
            "chairman"
                | "chairwoman"
                | "chief"
                | "executive"
                | "director"
                | "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "founder"
                | "co-founder"
                | "owner"
                | "ceo"
                | "boss"
                | "editor"
        )
    })
}

/// The gazetteer place these words name, joined by spaces.
fn place_of(words: &[&str]) -> Option<gazetteer::Place> {
    match words {
        [one] => gazetteer::get().place(one),
        _ => gazetteer::get().place(&words.join(" ")),
    }
}

/// The weight of a gazetteer place of `kind` and `population`.
fn place_weight(kind: PlaceKind, population: u64) -> f32 {
    match kind {
        PlaceKind::Country | PlaceKind::Continent | PlaceKind::Admin => weight::COUNTRY,
        PlaceKind::Region => weight::BIG_CITY,
        PlaceKind::City if population >= 100_000 => weight::BIG_CITY,
        PlaceKind::City => weight::CITY,
    }
}

/// The length in tokens of a match score starting at `i` ("3-2" or "3 – 2"), if one does.
fn score_at(toks: &[Token], i: usize) -> Option<usize> {
    let small = |s: &str| (1..=2).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_digit());
    let t = toks
        .get(i)
        .filter(|t| t.text.starts_with(|c: char| c.is_ascii_digit()))?;
    let len = if t
        .text
        .split_once('-')
        .is_some_and(|(a, b)| small(a) && small(b))
    {
        1
    } else if small(t.text)
        && toks
            .get(i + 1)
            .is_some_and(|d| matches!(d.text, "-" | "–" | "—"))
        && toks.get(i + 2).is_some_and(|n| small(n.text))
    {
        3
    } else {
        return None;
    };
    // "aged 8–10 years", "between 3-5 per cent": a range of a quantity, not a result.
    let ranged = i > 0 && matches!(toks[i - 1].text, "aged" | "ages" | "between" | "from")
        || toks.get(i + len).is_some_and(|u| {
            matches!(
                u.text,
                "years"
                    | "year"
                    | "months"
                    | "weeks"
                    | "days"
                    | "hours"
                    | "minutes"
                    | "seconds"
                    | "per"
                    | "percent"
                    | "%"
                    | "million"
                    | "billion"
                    | "metres"
                    | "meters"
                    | "miles"
                    | "km"
                    | "kg"
                    | "times"
                    | "am"
                    | "pm"
            )
        });
    (!ranged).then_some(len)
}

/// A name right before or right after a single match score, or followed by three small
/// numbers or more, as at the head of a standings row.
fn in_a_result(toks: &[Token], run: &Run) -> bool {
    let digit = |t: &Token| t.text.starts_with(|c: char| c.is_ascii_digit());
    if toks.get(run.end).is_some_and(digit) {
        let small = |t: &Token| {
            (1..=3).contains(&t.text.len()) && t.text.bytes().all(|c| c.is_ascii_digit())
        };
        if score_at(toks, run.end).is_some_and(|len| score_at(toks, run.end + len).is_none()) {
            return true;
        }
        if toks.len() >= run.end + 3 && toks[run.end..run.end + 3].iter().all(small) {
            return true;
        }
    }
    if run.start == 0
        || !toks[run.start - 1]
            .text
            .ends_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    // "a 24-18 Six Nations win": after a score and before a noun, the name modifies the noun.
    let modifies = toks.get(run.end).is_some_and(|t| {
        t.is_word
            && t.text.starts_with(|c: char| c.is_lowercase())
            && !matches!(
                t.text,
                "and"
                    | "or"
                    | "in"
                    | "on"
                    | "at"
                    | "for"
                    | "to"
                    | "with"
                    | "after"
                    | "before"
                    | "as"
                    | "but"
                    | "while"
                    | "when"
                    | "from"
                    | "by"
                    | "is"
                    | "was"
                    | "are"
                    | "were"
                    | "has"
                    | "had"
                    | "have"
            )
    });
    !modifies
        && (1..=3).any(|len| {
            run.start >= len
                && score_at(toks, run.start - len) == Some(len)
                && (run.start - len < 1 || score_at(toks, run.start - len - 1).is_none())
        })
}

/// A match score in the sentence: "1 – 0", "3-2".
pub(super) fn has_score(toks: &[Token]) -> bool {
    (0..toks.len()).any(|i| score_at(toks, i).is_some())
}

pub(super) fn prev_word<'a>(toks: &[Token<'a>], i: usize) -> Option<&'a str> {
    let mut k = i;
    while k > 0 {
        k -= 1;
        if toks[k].is_word {
            return Some(toks[k].text);
        }
        if toks[k].text != "," {
            return None;
        }
    }
    None
}
