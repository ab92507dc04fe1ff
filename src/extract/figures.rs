//! Figures (money, percentages, counts with their noun) and dates (explicit and relative),
//! each with its span, kept as written.

use super::lexicon::{CALENDAR, FUNCTION_WORDS};
use super::tokens::Token;
use crate::dates::{is_weekday, month_number};
pub use crate::model::FigureKind;
use crate::model::Span;
use crate::words::{CURRENCY_PREFIXES, CURRENCY_WORDS, PERIODS, RELATIVE, SCALES, SYMBOLS};

/// One figure in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// Where it is.
    pub span: Span,
    /// What it measures.
    pub kind: FigureKind,
}

fn is_number(t: &Token) -> bool {
    t.is_number()
}

fn numeric_value_is_year(t: &str) -> bool {
    t.len() == 4
        && t.bytes().all(|b| b.is_ascii_digit())
        && matches!(t.parse::<u32>(), Ok(1800..=2100))
}

/// The figures and dates of one sentence's tokens, added to `out`.
pub fn figures_in(toks: &[Token], out: &mut Vec<Figure>) {
    let mut i = 0;
    while i < toks.len() {
        if let Some((end, kind)) = figure_at(toks, i) {
            out.push(Figure {
                span: Span::new(toks[i].span.start, toks[end - 1].span.end),
                kind,
            });
            i = end;
        } else {
            i += 1;
        }
    }
}

/// A figure starting at token `i`: its end (exclusive token index) and kind.
fn figure_at(toks: &[Token], i: usize) -> Option<(usize, FigureKind)> {
    let t = &toks[i];
    // Most words cannot open a figure: in lowercase, only a relative date can.
    if t.text.starts_with(|c: char| c.is_ascii_lowercase())
        && !matches!(
            t.text,
            "yesterday" | "today" | "tomorrow" | "tonight" | "last" | "this" | "next"
        )
    {
        return None;
    }
    if !t.is_word && !SYMBOLS.contains(&t.text) {
        return None;
    }
    let get = |k: usize| toks.get(k).map(|t| t.text);
    // Money with a symbol: "US$17.4 billion", "$1.13bn", "NZ $ 26 million", "HK$10,000".
    let mut k = i;
    if get(i + 1).is_some_and(|s| SYMBOLS.contains(&s)) && CURRENCY_PREFIXES.contains(&t.text) {
        k = i + 1;
    }
    if SYMBOLS.contains(&toks[k].text) && toks.get(k + 1).is_some_and(is_number) {
        let mut end = k + 2;
        if get(end).is_some_and(|s| SCALES.contains(&s)) {
            end += 1;
        }
        return Some((end, FigureKind::Money));
    }
    if (t.text == "RMB" || t.text == "USD" || t.text == "EUR")
        && toks.get(i + 1).is_some_and(is_number)
    {
        let mut end = i + 2;
        if get(end).is_some_and(|s| SCALES.contains(&s)) {
            end += 1;
        }
        return Some((end, FigureKind::Money));
    }
    if !is_number(t) {
        // Dates and relative dates written in words.
        return word_date_at(toks, i);
    }
    let mut end = i + 1;
    if get(end).is_some_and(|s| SCALES.contains(&s)) {
        end += 1;
    }
    match get(end) {
        Some("%") => return Some((end + 1, FigureKind::Percent)),
        Some("percent") => return Some((end + 1, FigureKind::Percent)),
        Some("per") if get(end + 1) == Some("cent") => return Some((end + 2, FigureKind::Percent)),
        Some(w) if CURRENCY_WORDS.contains(&w) => return Some((end + 1, FigureKind::Money)),
        _ => {}
    }
    // "21 July 2017", "July 15" handled by word_date_at from the month; here "21 July".
    if let Some(m) = get(i + 1) {
        if month_number(m).is_some()
            && m.chars().next().is_some_and(char::is_uppercase)
            && t.text.len() <= 2
        {
            let mut e = i + 2;
            if toks.get(e).is_some_and(|x| numeric_value_is_year(x.text)) {
                e += 1;
            }
            return Some((e, FigureKind::Date));
        }
    }
    if numeric_value_is_year(t.text) && end == i + 1 {
        return Some((i + 1, FigureKind::Date));
    }
    // A count with its noun: one or two words.
    let noun_ok = |x: &Token| {
        x.is_word
            && x.text.chars().all(|c| c.is_alphabetic() || c == '-')
            && !FUNCTION_WORDS.contains(&x.text)
            && !FUNCTION_WORDS.contains_ignore_case(x.text)
            && !CALENDAR.contains(&x.text)
            && !matches!(
                x.text,
                "to" | "and"
                    | "or"
                    | "of"
                    | "in"
                    | "on"
                    | "at"
                    | "by"
                    | "was"
                    | "were"
                    | "is"
                    | "are"
                    | "has"
                    | "have"
                    | "had"
                    | "will"
                    | "would"
                    | "a"
                    | "an"
                    | "the"
                    | "than"
                    | "times"
                    | "from"
                    | "for"
                    | "with"
                    | "per"
            )
    };
    let stops_phrase =
        |x: &Token| x.text.ends_with("ing") || x.text.ends_with("ed") || x.text.ends_with("ly");
    let ordinal = ["st", "nd", "rd", "th"]
        .iter()
        .any(|suf| t.text.ends_with(suf));
    let head_ok =
        |x: &Token| x.text.chars().next().is_some_and(char::is_lowercase) || x.text.ends_with('s');
    if !ordinal
        && toks.get(end).is_some_and(|x| noun_ok(x) && head_ok(x))
        && !toks.get(end).is_some_and(stops_phrase)
    {
        let mut e = end + 1;
        if toks.get(e).is_some_and(|x| {
            noun_ok(x) && !stops_phrase(x) && x.text.chars().next().is_some_and(char::is_lowercase)
        }) && !toks[end].text.ends_with('s')
        {
            e += 1;
        }
        return Some((e, FigureKind::Count));
    }
    None
}

fn word_date_at(toks: &[Token], i: usize) -> Option<(usize, FigureKind)> {
    let t = &toks[i];
    let get = |k: usize| toks.get(k).map(|t| t.text);
    if RELATIVE.contains(&t.text) {
        return Some((i + 1, FigureKind::Date));
    }
    if matches!(t.text, "last" | "this" | "next" | "Last" | "This" | "Next") {
        if let Some(p) = get(i + 1) {
            if PERIODS.contains(&p)
                || is_weekday(p)
                || month_number(p).is_some()
                    && p.chars().next().is_some_and(char::is_uppercase)
                    && p.len() > 3
            {
                return Some((i + 2, FigureKind::Date));
            }
        }
        return None;
    }
    if is_weekday(t.text) && t.is_capitalised() {
        let mut e = i + 1;
        // "Friday, July 21, 2017"
        if get(e) == Some(",") && get(e + 1).and_then(month_number).is_some() {
            if let Some((end, _)) = month_date(toks, e + 1) {
                e = end;
            }
        }
        return Some((e, FigureKind::Date));
    }
    if t.is_capitalised() && t.text.len() > 2 {
        if let Some((end, _)) = month_date(toks, i) {
            return Some((end, FigureKind::Date));
        }
    }
    None
}

/// "July 21, 2017", "October 2003", "July 15": a month with a day or year after it.
fn month_date(toks: &[Token], i: usize) -> Option<(usize, ())> {
    let m = toks.get(i)?;
    month_number(m.text)?;
    if !m.is_capitalised() || m.text == "May" && !toks.get(i + 1).is_some_and(|t| t.is_number()) {
        return None;
    }
    let mut e = i + 1;
    let next = toks.get(e)?;
    if next.is_number() && next.text.len() <= 2 {
        e += 1;
        if toks.get(e).is_some_and(|t| t.text == ",")
            && toks
                .get(e + 1)
                .is_some_and(|t| numeric_value_is_year(t.text))
        {
            e += 2;
        } else if toks.get(e).is_some_and(|t| numeric_value_is_year(t.text)) {
            e += 1;
        }
        return Some((e, ()));
    }
    if numeric_value_is_year(next.text) {
        return Some((e + 1, ()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(body: &str) -> Vec<(String, FigureKind)> {
        let a = crate::parse::parse_text(&format!("Title\n\n{body}"));
        let units = super::super::tokens::Units::of(&a.text, &a.sentences);
        let mut found = Vec::new();
        units.each(|_, toks| figures_in(toks, &mut found));
        found
            .into_iter()
            .map(|f| (a.slice(f.span).to_string(), f.kind))
            .collect()
    }

    #[test]
    fn money_in_many_notations() {
        let f = figures("It rose from US$2 billion in 2003 to US$17.4 billion, and $1.13bn (£600m), NZ $ 26 million, HK$10,000 and 20 billion yuan.");
        let money: Vec<&str> = f
            .iter()
            .filter(|x| x.1 == FigureKind::Money)
            .map(|x| x.0.as_str())
            .collect();
        assert_eq!(
            money,
            vec![
                "US$2 billion",
                "US$17.4 billion",
                "$1.13bn",
                "£600m",
                "NZ $ 26 million",
                "HK$10,000",
                "20 billion yuan"
            ]
        );
    }

    #[test]
    fn percentages_counts_and_dates() {
        let f = figures("He said 4,321 foreign ventures opened, a 35 percent rise and 76% more, across 13 cities in 12 countries since October 2003, on Thursday and yesterday, last year.");
        let got: Vec<(&str, FigureKind)> = f.iter().map(|(s, k)| (s.as_str(), *k)).collect();
        assert_eq!(
            got,
            vec![
                ("4,321 foreign ventures", FigureKind::Count),
                ("35 percent", FigureKind::Percent),
                ("76%", FigureKind::Percent),
                ("13 cities", FigureKind::Count),
                ("12 countries", FigureKind::Count),
                ("October 2003", FigureKind::Date),
                ("Thursday", FigureKind::Date),
                ("yesterday", FigureKind::Date),
                ("last year", FigureKind::Date),
            ]
        );
    }
}
