//! Person evidence and word classes: titles, head words, name-like words, and how much a run
//! of words looks like a person's name.

use super::*;

pub(super) fn is_title_word(w: &str) -> bool {
    memo::ask(w, Fact::Title, title_word)
}

pub(super) fn title_word(w: &str) -> bool {
    let g = gazetteer::get();
    if EXTRA_TITLES.contains(&w) || HONORIFICS.contains(&w) {
        return true;
    }
    if !w.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    // The general list is of titles as written in a sentence ("Gen", "Rev", "Bp"); written in
    // capitals the same letters are an acronym ("BP", "HR", "RA"), unless a news title list
    // has them so ("PM", "MP", "CEO").
    if is_acronym(w) {
        return false;
    }
    // "St." is "St", the saint of a place's name ("St. Louis"), as much as "St" is.
    gazetteer::with_lowercase(w, |lower| {
        !NOT_TITLES.contains(&lower.trim_end_matches('.'))
    }) && g.is_title(w)
}

/// A lowercase word that can head an appositive role: "mayor", "vice-mayor", "member".
pub(super) fn is_appositive_head(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
        && (is_role_noun(w)
            || w.split('-').any(is_role_noun)
            || (gazetteer::get().is_title(w) && !NOT_TITLES.contains(&w)))
}

pub(super) fn is_head(list: &Words, w: &str) -> bool {
    list.contains(&w)
}

pub(super) fn is_any_head(w: &str) -> bool {
    memo::ask(w, Fact::AnyHead, |w| {
        is_head(&ORG_HEADS, w)
            || is_head(&EVENT_HEADS, w)
            || is_head(&INITIATIVE_HEADS, w)
            || is_head(&PLACE_HEADS, w)
    })
}

/// A word whose last part (after its last hyphen, if any) is lowercase ("Blu-ray",
/// "Oscar-nominated", "Aberdeen-based"): a thing's name or a modifier, not a body's or a place's.
pub(super) fn lowercase_after_hyphen(w: &str) -> bool {
    w.rsplit('-')
        .next()
        .is_some_and(|p| p.starts_with(char::is_lowercase))
}

/// A hyphenated adjective made on a name ("London-based", "Oscar-nominated", "British-born",
/// "Nato-led"): a modifier of what follows, no name itself.
pub(super) fn name_made_adjective(w: &str) -> bool {
    let Some((head, tail)) = w.rsplit_once('-') else {
        return false;
    };
    let participle =
        (tail.ends_with("ed") && tail.len() >= 4) || (tail.ends_with("ing") && tail.len() >= 6);
    head.starts_with(char::is_uppercase)
        && tail.chars().all(|c| c.is_ascii_lowercase())
        && (participle || COMPOUND_TAILS.contains(&tail))
}

/// Letters and digits mixed ("P2P", "MP3", "3G"): a technical term, not a body's initials.
pub(super) fn technical_term(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit()) && w.chars().any(|c| c.is_ascii_alphabetic())
}

/// Words shaped like adjectives of nationality or place ("Irish", "Chinese", "Korean", "French").
pub(super) fn adjective_like(w: &str) -> bool {
    ["sh", "ese", "ian", "ean", "an", "ch", "ic", "i"]
        .iter()
        .any(|s| w.ends_with(s))
        && gazetteer::get().place(w).is_none()
}

/// Could these words (slices of `text`) be a person's name?
pub(super) fn plausible_person(text: &str, words: &[&str]) -> bool {
    if words.is_empty() || words.len() > 4 {
        return false;
    }
    let g = gazetteer::get();
    if words.len() >= 2 && g.place(&joined(text, words)).is_some() {
        return false;
    }
    // A country's initials open a body's name, never a person's: "US Federal Reserve".
    if words.len() >= 2 && is_acronym(words[0]) && g.place(words[0]).is_some() {
        return false;
    }
    // "Five Panamanian players": a count opens no one's name.
    let count = matches!(
        words[0],
        "One"
            | "Two"
            | "Three"
            | "Four"
            | "Five"
            | "Six"
            | "Seven"
            | "Eight"
            | "Nine"
            | "Ten"
            | "Eleven"
            | "Twelve"
            | "Twenty"
            | "Hundreds"
            | "Thousands"
            | "Dozens"
            | "Millions"
    );
    if words.len() >= 2 && count {
        return false;
    }
    // Head words count only at the end: "Bill Gates" is a person, "Finance Bill" is not.
    let last = words.len() - 1;
    !is_any_head(words[last])
        && words
            .iter()
            .enumerate()
            .all(|(k, w)| name_word(w) || (k == last && k > 0 && month_as_surname(words[k - 1], w)))
}

/// "Theresa May", "Brian May": a month after a given name that is no place and no calendar
/// word is a surname, not a date.
pub(super) fn month_as_surname(given: &str, month: &str) -> bool {
    let g = gazetteer::get();
    MONTHS.contains(&month)
        && g.is_given_name(given)
        && g.place(given).is_none()
        && !CALENDAR.contains(&given)
}

/// Could `w` be one word of a person's name?
pub(super) fn name_word(w: &str) -> bool {
    memo::ask(w, Fact::NameWord, compute_name_word)
}

pub(super) fn compute_name_word(w: &str) -> bool {
    if !w.starts_with(char::is_uppercase)
        || !w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        || CALENDAR.contains(&w)
        || FUNCTION_WORDS.contains(&w)
        || is_title_word(w)
    {
        return false;
    }
    // "Shanghai-Hong Kong" joins places, not names.
    let g = gazetteer::get();
    !w.split('-').skip(usize::from(!w.contains('-'))).any(|p| {
        g.place(p)
            .is_some_and(|pl| pl.population >= 100_000 || pl.kind != PlaceKind::City)
    })
}

/// A lone word after a title ("Mr Li", "Baroness Scotland") is a name when it is a known
/// given name or surname, or no ordinary word and no place.
pub(super) fn single_name_ok(w: &str, lex: &Lexicon) -> bool {
    let g = gazetteer::get();
    g.is_surname(w)
        || g.is_given_name(w)
        || (!lex.is_common_word(w) && g.place(w).is_none() && !is_acronym(w))
}

/// Shaped like an English plural: a final "s" that is not "ss" ("Nations", "Dems", "Falcons").
pub(super) fn plural_shaped(w: &str) -> bool {
    w.ends_with('s') && !w.ends_with("ss")
}

/// After a given name, one word or two of no other kind: no ordinary word, place, head word,
/// acronym, plural or "-based" compound ("Andy Warhol", "Marcus Oduya Benvenisti").
fn unknown_after_given(words: &[&str], lex: &Lexicon) -> bool {
    let g = gazetteer::get();
    let of_no_other_kind =
        |w: &&str| g.place(w).is_none() && !is_any_head(w) && !lex.is_common_word(w);
    match words {
        [_, last] => of_no_other_kind(last),
        [first, rest @ ..] if rest.len() == 2 => {
            let last = rest[1];
            !lex.is_common_word(first)
                && !g.is_demonym(first)
                && !plural_shaped(last)
                && rest.iter().all(|w| {
                    of_no_other_kind(w)
                        && !is_acronym(w)
                        && w.chars().any(char::is_lowercase)
                        && !w
                            .split('-')
                            .skip(1)
                            .any(|p| p.starts_with(char::is_lowercase))
                })
        }
        _ => false,
    }
}

/// Person-name evidence from the gazetteers of given names and surnames.
pub(super) fn name_evidence(words: &[&str], lex: &Lexicon) -> f32 {
    let g = gazetteer::get();
    // A generation after the name ("Ken Griffey Jr.", "Henry Ford II") says nothing either way.
    let words = match words {
        [name @ .., "Jr" | "Jr." | "Sr" | "Sr." | "II" | "III" | "IV"] if name.len() >= 2 => name,
        _ => words,
    };
    if words.len() < 2 {
        return 0.0;
    }
    let first = words[0];
    let last = words[words.len() - 1];
    // "Man City", "Golden Globe": two ordinary words are a name of something else.
    let given_first =
        g.is_given_name(first) && !(lex.is_common_word(first) && lex.is_common_word(last));
    let surname_last = g.is_surname(last) || last.contains('-');
    let surname_first = g.is_surname(first);
    let known = words
        .iter()
        .filter(|w| g.is_given_name(w) || g.is_surname(w))
        .count();
    if given_first && (surname_last || g.is_given_name(last) && !lex.is_common_word(last)) {
        2.5
    } else if given_first && !g.is_given_name(last) && unknown_after_given(words, lex) {
        // "Andy Warhol": a given name, then a word that is no given name, place, head word or
        // ordinary word ("Tony Award", "Man City").
        2.0
    } else if given_first || (surname_first && known == words.len()) {
        1.5
    } else if known >= 1 {
        1.0
    } else {
        0.0
    }
}
