//! Candidate runs: the stretches of capitalised words (with their connectors) that may name
//! something.

use super::*;

/// A headline in capitals: names cannot be told from words.
pub(super) fn shouting(toks: &[Token]) -> bool {
    let (mut words, mut caps) = (0, 0);
    for t in toks.iter().filter(|t| t.is_word && !t.is_number()) {
        words += 1;
        if t.is_all_caps() {
            caps += 1;
        }
    }
    words >= 4 && caps * 10 >= words * 7
}

pub(super) fn is_name_token(t: &Token) -> bool {
    t.is_capitalised() && t.text.chars().any(char::is_alphabetic) && !name_made_adjective(t.text)
}

pub(super) fn has_possessive(t: &Token) -> bool {
    strip_possessive(t.text).len() != t.text.len()
}

/// True when the capitalised words from `k` hold a place or a place's head word
/// ("the Bolivarian Republic of Venezuela").
fn names_a_place(toks: &[Token], k: usize) -> bool {
    let g = gazetteer::get();
    toks.get(k..)
        .unwrap_or_default()
        .iter()
        .take_while(|t| is_name_token(t))
        .any(|t| {
            let w = strip_possessive(t.text);
            is_head(&PLACE_HEADS, w) || g.place(w).is_some()
        })
}

/// Find the capitalised runs of a sentence, with their connectors, into `out`.
pub(super) fn runs(
    text: &str,
    toks: &[Token],
    lex: &Lexicon,
    named: &HashSet<&str>,
    out: &mut Vec<Run>,
) {
    let first_word = toks.iter().position(|t| t.is_word).unwrap_or(0);
    let mut i = 0;
    while i < toks.len() {
        if !is_name_token(&toks[i]) || is_currency_prefix(toks, i) {
            i += 1;
            continue;
        }
        // A credit label ("Image: Nick Moreau") is no name, nor part of the one before it.
        let credit_label = |k: usize| {
            CREDIT_LABELS.contains(&toks[k].text) && toks.get(k + 1).is_some_and(|t| t.text == ":")
        };
        if credit_label(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        let mut has_of = false;
        let mut portfolio = false;
        loop {
            if has_possessive(&toks[end - 1]) {
                // "Prime Minister's Office": a possessive continues only into an organisation head.
                if end < toks.len()
                    && is_name_token(&toks[end])
                    && is_head(&ORG_HEADS, toks[end].text)
                {
                    end += 1;
                    continue;
                }
                break;
            }
            let Some(next) = toks.get(end) else { break };
            if is_name_token(next) && !credit_label(end) {
                end += 1;
                continue;
            }
            if !next.is_word {
                // A list inside an "of/for" complement: "for Culture, Community and Youth".
                if next.text == "," && portfolio {
                    if let Some(stop) = comma_list_end(toks, end) {
                        end = stop;
                        continue;
                    }
                }
                break;
            }
            let conn = next.text;
            if !NAME_CONNECTORS.contains(&conn) {
                break;
            }
            // The word after the connector (and an optional "the").
            let mut k = end + 1;
            if toks.get(k).is_some_and(|t| t.text == "the") && (conn == "of" || conn == "for") {
                k += 1;
            }
            let Some(after) = toks.get(k) else { break };
            if !is_name_token(after) {
                break;
            }
            let prev = strip_possessive(toks[end - 1].text);
            // "Bosnia and Herzegovina", "Newcastle upon Tyne": a place named with a connector.
            let g = gazetteer::get();
            let known_place = k == end + 1
                && (1..=3.min(end - start)).any(|back| {
                    let words: Vec<&str> = toks[end - back..=k].iter().map(|t| t.text).collect();
                    g.place(&joined(text, &words)).is_some()
                });
            let ok = known_place
                || match conn {
                    "of" | "for" => {
                        // "District of Bobo Dioulasso" joins, but "Carabobo State of the ... Republic"
                        // is a place inside a place.
                        // "Baseball Hall of Fame" joins too: its complement names no place.
                        let place_only = is_head(&PLACE_HEADS, prev) && !is_head(&ORG_HEADS, prev);
                        let headed = (is_head(&OF_HEADS, prev) || is_title_word(prev))
                            && !(place_only
                                && end - 1 != start
                                && !STATE_FORMS.contains(&prev)
                                && names_a_place(toks, k));
                        if headed {
                            has_of = true;
                            portfolio |= is_title_word(prev) || PORTFOLIO_HEADS.contains(&prev);
                        }
                        headed
                    }
                    "and" | "&" => {
                        has_of || {
                            let left = &toks[start..end];
                            let last = strip_possessive(left[left.len() - 1].text);
                            left.len() <= 2
                                && !is_any_head(last)
                                && g.place(last).is_none()
                                && run_ends_in_head(toks, k)
                        }
                    }
                    "on" | "upon" => is_head(&EVENT_HEADS, prev) || is_head(&OF_HEADS, prev),
                    _ => true,
                };
            if !ok {
                break;
            }
            end = k + 1;
        }
        // Trim: opening function words, a sentence-initial common word, calendar words.
        let mut s = start;
        let known_whole = end - start > 1 && {
            let whole: Vec<&str> = toks[start..end]
                .iter()
                .map(|t| strip_possessive(t.text))
                .collect();
            let g = gazetteer::get();
            g.place(&joined(text, &whole)).is_some()
                || g.place(&joined(text, &whole[..2])).is_some()
        };
        while s < end && !known_whole {
            let w = toks[s].text;
            let at_sentence_start = s == first_word
                || toks.get(s.wrapping_sub(1)).is_some_and(|p| {
                    matches!(p.text, "\"" | "“" | "‘" | "'" | "(" | ":" | "—" | "–")
                });
            let bare = strip_possessive(w);
            if FUNCTION_WORDS.contains(&bare)
                || CALENDAR.contains(&bare)
                // "(WHO)", "WHO say": written in capitals, a word is not the common word.
                || (at_sentence_start
                    && end - s == 1
                    && lex.is_common_word(bare)
                    && !named.contains(bare)
                    && !(bare.len() >= 3 && is_acronym(bare)))
                || (at_sentence_start
                    && end - s > 1
                    && lex.is_common_word(bare)
                    && !is_title_word(bare)
                    && !is_any_head(bare)
                    && !gazetteer::get().is_given_name(bare))
            {
                s += 1;
                continue;
            }
            break;
        }
        let mut e = end;
        // "Theresa May": the month is kept as a surname.
        let surname = |e: usize| {
            e >= s + 2
                && toks[e - 2].is_word
                && month_as_surname(toks[e - 2].text, toks[e - 1].text)
        };
        while e > s
            && (NAME_CONNECTORS.contains(&toks[e - 1].text)
                || toks[e - 1].text == "the"
                || !toks[e - 1].is_word
                || (CALENDAR.contains(&toks[e - 1].text) && !surname(e)))
        {
            e -= 1;
        }
        // "Paul Boateng MP", "Ian MacDonald QC": the letters after two names are a seat or an
        // honour, not part of the name.
        if e >= s + 3 && POST_NOMINALS.contains(&strip_possessive(toks[e - 1].text)) {
            e -= 1;
        }
        // "George Bush-style", "Grammy Award-winning", "New York-based": names that open a
        // hyphenated adjective are part of the modifier.
        let opens_adjective = e == end
            && toks.get(end).is_some_and(|t| {
                name_made_adjective(t.text) && t.span.start == toks[end - 1].span.end + 1
            });
        // A name runs to a dozen words at most in news ("New York State Department of Health
        // and State University of New York"); a longer stretch of capitalised words is a
        // heading or a list, and a name thousands of words long would be copied into every
        // fact that names it.
        if e > s && e - s <= MAX_NAME_TOKENS && !opens_adjective {
            let last = &toks[e - 1];
            let bare_end = last.span.start + strip_possessive(last.text).len();
            out.push(Run {
                start: s,
                end: e,
                span: Span::new(toks[s].span.start, bare_end),
            });
        }
        i = end.max(i + 1);
    }
}

/// The most words and connectors a name is made of.
const MAX_NAME_TOKENS: usize = 32;

/// "US" in "US$17.4 billion" is part of a currency, not a name.
pub(super) fn is_currency_prefix(toks: &[Token], i: usize) -> bool {
    toks.get(i + 1).is_some_and(|t| {
        matches!(t.text, "$" | "£" | "€" | "¥") && t.span.start == toks[i].span.end
    })
}

/// For a comma inside an of/for complement, where the list "A, B and C" ends, if it is one.
pub(super) fn comma_list_end(toks: &[Token], comma: usize) -> Option<usize> {
    let mut k = comma;
    loop {
        // Expect ", Cap..." or " and Cap..."
        let sep = toks.get(k)?;
        if sep.text != "," && sep.text != "and" {
            return None;
        }
        let mut j = k + 1;
        if sep.text == "," && toks.get(j).is_some_and(|t| t.text == "and") {
            j += 1;
        }
        if !toks.get(j).is_some_and(|t| {
            is_name_token(t)
                && !FUNCTION_WORDS.contains(&t.text)
                && !t.text.starts_with("I’")
                && !t.text.starts_with("I'")
        }) {
            return None;
        }
        while toks.get(j).is_some_and(is_name_token) {
            j += 1;
        }
        if sep.text == "and" || toks.get(k + 1).is_some_and(|t| t.text == "and") {
            return Some(j);
        }
        k = j;
    }
}

/// True when the capitalised words from `k` end in an organisation, event or initiative head.
pub(super) fn run_ends_in_head(toks: &[Token], k: usize) -> bool {
    let mut j = k;
    while toks.get(j).is_some_and(is_name_token) {
        j += 1;
    }
    j > k && {
        let w = strip_possessive(toks[j - 1].text);
        is_head(&ORG_HEADS, w) || is_head(&EVENT_HEADS, w) || is_head(&INITIATIVE_HEADS, w)
    }
}

/// The words of a run, possessive removed from the last.
pub(super) fn run_words<'a>(toks: &[Token<'a>], run: &Run) -> Vec<&'a str> {
    let mut words = Vec::new();
    fill_run_words(toks, run, &mut words);
    words
}

/// Put the words of a run into `words`, possessive removed from the last.
pub(super) fn fill_run_words<'a>(toks: &[Token<'a>], run: &Run, words: &mut Vec<&'a str>) {
    words.clear();
    words.extend(toks[run.start..run.end].iter().map(|t| t.text));
    if let Some(last) = words.last_mut() {
        *last = strip_possessive(last);
    }
}

/// `words`, slices of `text`, joined by single spaces: a slice of `text` itself when they are
/// written so there, which they nearly always are.
pub(super) fn joined<'t>(text: &'t str, words: &[&str]) -> Cow<'t, str> {
    let base = text.as_ptr() as usize;
    let offset = |w: &str| (w.as_ptr() as usize).wrapping_sub(base);
    if let (Some(first), Some(last)) = (words.first(), words.last()) {
        let (start, end) = (offset(first), offset(last).wrapping_add(last.len()));
        let spaced = words.windows(2).all(|p| {
            let gap = offset(p[0]).wrapping_add(p[0].len());
            gap.wrapping_add(1) == offset(p[1]) && text.as_bytes().get(gap) == Some(&b' ')
        });
        if let Some(slice) = text.get(start..end).filter(|_| spaced && end >= start) {
            return Cow::Borrowed(slice);
        }
    }
    Cow::Owned(words.join(" "))
}
