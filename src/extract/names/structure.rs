//! The structure of newswire that a sentence reader misses: datelines ("LONDON, March 3
//! (Reuters) -", "LAGOS 2004-05-11") and text written in capitals (headlines, section lines),
//! read through its case-folded form against the article's own names and the gazetteers.

use super::*;

/// The tokens of a dateline's place at the start of a unit, when the unit opens with one: words
/// in capitals, then perhaps a comma and a region or country in ordinary case, then a date (a
/// month, or digits such as 1996-08-30) or an agency in brackets.
pub(super) fn dateline_place(toks: &[Token]) -> Option<std::ops::Range<usize>> {
    let caps = toks
        .iter()
        .take_while(|t| {
            t.is_all_caps() && t.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
        })
        .count();
    if caps == 0 || caps > 3 {
        return None;
    }
    let mut k = caps;
    if toks.get(k).is_some_and(|t| t.text == ",") {
        k += 1;
        let region = toks[k..]
            .iter()
            .take(4)
            .take_while(|t| t.is_capitalised() && !CALENDAR.contains(&t.text) && !t.is_all_caps())
            .count();
        k += region;
        if toks.get(k).is_some_and(|t| t.text == ",") {
            k += 1;
        }
    }
    let dated = toks.get(k).is_some_and(|t| {
        CALENDAR.contains(&t.text)
            || t.text == "("
            || t.text.len() >= 8
                && t.text.starts_with(|c: char| c.is_ascii_digit())
                && t.text
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b'-' || b == b'/')
    });
    dated.then_some(0..caps)
}

/// The words of `toks[range]` written as a name is ("AL-AIN" as "Al-Ain", "UNITED ARAB
/// EMIRATES" as "United Arab Emirates").
pub(super) fn case_folded(toks: &[Token], range: std::ops::Range<usize>) -> String {
    let mut out = String::new();
    for t in &toks[range] {
        if !out.is_empty() {
            out.push(' ');
        }
        let mut start = true;
        for c in t.text.chars() {
            if start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            start = !c.is_alphabetic() && c != '\'' && c != '’';
        }
    }
    out
}

/// Names in a unit written in capitals, read through their case-folded form: the longest span of
/// up to four words in capitals that the article names in ordinary case, or that the gazetteer
/// knows as a place, becomes a mention of it; a lone word in capitals that is no ordinary word
/// becomes a mention that the rest of the corpus may give a kind.
pub(super) fn names_in_capitals(
    toks: &[Token],
    sentence: usize,
    known: &rustc_hash::FxHashMap<String, (String, Scores)>,
    lex: &Lexicon,
    mentions: &mut Vec<NameMention>,
) {
    let g = gazetteer::get();
    let word = |t: &Token| t.is_all_caps() && t.text.chars().any(char::is_alphabetic);
    let mut i = 0;
    while i < toks.len() {
        if !word(&toks[i]) {
            i += 1;
            continue;
        }
        let mut run_end = i;
        while run_end < toks.len() && word(&toks[run_end]) {
            run_end += 1;
        }
        let mut k = i;
        while k < run_end {
            let mut taken = 0;
            for len in (1..=(run_end - k).min(4)).rev() {
                let folded = case_folded(toks, k..k + len);
                let key = crate::text::name_key(&folded);
                let span = Span::new(toks[k].span.start, toks[k + len - 1].span.end);
                let (canonical, scores) = if let Some((canonical, scores)) = known.get(&key) {
                    (canonical.clone(), *scores)
                } else if let Some(p) = g.place(&folded).filter(|p| {
                    // "RUGBY", "SURPRISE": a small town's name the corpus also writes as a word.
                    !(len == 1 && p.kind == PlaceKind::City && lex.is_common_word(&folded))
                }) {
                    let mut s = Scores::default();
                    s.add(
                        Kind::Place,
                        if p.kind == PlaceKind::City {
                            DECIDED
                        } else {
                            DECIDED + 1.0
                        },
                    );
                    (folded, s)
                } else if len == 1
                    && folded.chars().count() >= 3
                    && !lex.is_common_word(&folded)
                    && !FUNCTION_WORDS.contains(&folded.as_str())
                    && !CALENDAR.contains(&folded.as_str())
                    && !is_title_word(&folded)
                {
                    (folded, Scores::default())
                } else {
                    continue;
                };
                mentions.push(NameMention {
                    span,
                    canonical,
                    scores,
                    linked: false,
                    sentence,
                    key: Arc::default(),
                });
                taken = len;
                break;
            }
            k += taken.max(1);
        }
        i = run_end;
    }
}
