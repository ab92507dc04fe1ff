//! Article parsing: title, deck, source, authors, date line, furniture, paragraphs and
//! sentences, all as byte spans into the decoded text.

use crate::dates;
use crate::gazetteer;
use crate::load::RawDoc;
use crate::model::{Article, Furniture, FurnitureKind, Span};
use crate::sentences;
use crate::words::PUBLICATION_WORDS;

/// Markers of a photo caption or image credit inside a line.
const CAPTION_MARKERS: &[&str] = &[
    "[Photo",
    "(Photo",
    "Photo:",
    "Photograph:",
    "Picture:",
    "Image:",
    "[Image",
    "Credit:",
    "Photo by ",
    "Photo courtesy",
    "Getty Images",
    "(AP Photo",
    "(Reuters",
];

/// Short trailing lines that page scrapers leave behind.
const TRAILER_STARTS: &[&str] = &[
    "Newspapers in",
    "Newspapers from",
    "Special Report",
    "Related",
    "Advertisement",
    "Read more",
    "Share this",
    "Copyright",
    "©",
    "All rights reserved",
    "Subscribe",
];

#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    span: Span,
    text: &'a str,
}

fn lines_of(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut pos = 0;
    for raw in text.split('\n') {
        let lead = raw.len() - raw.trim_start().len();
        let t = raw.trim();
        if !t.is_empty() {
            let s = pos + lead;
            out.push(Line {
                span: Span::new(s, s + t.len()),
                text: t,
            });
        }
        pos += raw.len() + 1;
    }
    out
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

fn ends_with_terminal(s: &str) -> bool {
    s.trim_end()
        .chars()
        .last()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '"' | '”' | '’' | '\'' | ':' | ';'))
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// The same words in the same order, ignoring case and spacing.
fn same_text(a: &str, b: &str) -> bool {
    let mut x = a.split_whitespace();
    let mut y = b.split_whitespace();
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(p), Some(q)) if p.len() == q.len() && p.to_lowercase() == q.to_lowercase() => {}
            _ => return false,
        }
    }
}

/// A line that is only a person's name: 2-4 capitalised words of letters.
fn is_name_only(s: &str) -> bool {
    s.len() <= 48
        && (2..=4).contains(&s.split_whitespace().count())
        && s.split_whitespace().all(|w| {
            is_capitalised(w)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        })
}

fn is_masthead(line: &str, next: Option<&str>) -> bool {
    let Some(next) = next else { return false };
    let ws: Vec<&str> = line.split_whitespace().collect();
    if ws.is_empty() || ws.len() > 6 || ends_with_terminal(line) {
        return false;
    }
    let last = ws[ws.len() - 1];
    let lead = ws.iter().find(|w| **w != "The").copied().unwrap_or("");
    let named = PUBLICATION_WORDS.contains(&last)
        || ["Daily", "Weekly", "Evening", "Morning", "Sunday"].contains(&lead)
        || (ws.len() == 1
            && last.contains('.')
            && last.chars().all(|c| c.is_alphanumeric() || c == '.'));
    named
        && ws.iter().all(|w| is_capitalised(w) || w.len() <= 3)
        && !ends_with_terminal(next)
        && words(next) <= 25
}

/// The bytes a caption marker can start with.
const CAPTION_STARTS: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < CAPTION_MARKERS.len() {
        t[CAPTION_MARKERS[i].as_bytes()[0] as usize] = true;
        i += 1;
    }
    t
};

fn is_caption_line(s: &str) -> bool {
    let b = s.as_bytes();
    let marked = (0..b.len()).any(|i| {
        CAPTION_STARTS[usize::from(b[i])]
            && CAPTION_MARKERS
                .iter()
                .any(|m| b[i..].starts_with(m.as_bytes()))
    });
    marked && words(s) <= 60
}

fn is_trailer(s: &str) -> bool {
    let n = words(s);
    n <= 5
        && !ends_with_terminal(s)
        && !s.contains(':')
        && (TRAILER_STARTS.iter().any(|t| s.starts_with(t)) || s.starts_with("Newspapers"))
}

/// A name-only line names a person when it is not in capitals and its first word is a known
/// given name or surname (Chinese names put the surname first), and it is not a place.
fn looks_like_person(s: &str) -> bool {
    let g = gazetteer::get();
    let first = s.split_whitespace().next().unwrap_or("");
    let last = s.split_whitespace().last().unwrap_or("");
    const VENUE_WORDS: &[&str] = &[
        "Park", "Road", "Lane", "Street", "Stadium", "Arena", "Ground", "Hall", "Square", "Centre",
        "Center", "Court", "Field", "Gardens", "Bridge", "Palace", "House", "Club",
    ];
    s.chars().any(char::is_lowercase)
        && !VENUE_WORDS.contains(&last)
        && (g.is_given_name(first) || g.is_surname(first))
        && g.place(s).is_none()
}

/// Split a run of names: "Jane Doe and John Roe", "A, B and C".
fn split_names(s: &str) -> Vec<String> {
    s.split(" and ")
        .flat_map(|p| p.split(','))
        .flat_map(|p| p.split(" & "))
        .map(|p| {
            p.split_whitespace()
                .filter(|w| !w.contains('@'))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|p| is_name_only(p))
        .collect()
}

/// Authors named by a byline line, or None when the line is not a byline.
fn byline_authors(s: &str, directly_under_title: bool) -> Option<Vec<String>> {
    if let Some(rest) = s.strip_prefix("By ").or_else(|| s.strip_prefix("BY ")) {
        if words(s) <= 14 && !ends_with_terminal(rest) || rest.ends_with('.') && words(s) <= 8 {
            let main = rest.split(" - ").next().unwrap_or(rest);
            let names = split_names(main.trim_end_matches('.'));
            if !names.is_empty() {
                return Some(names);
            }
        }
        return None;
    }
    let dashed = ["- ", "– ", "— "].iter().find_map(|d| s.strip_prefix(d));
    if let Some(rest) = dashed {
        const EXTRA: &str = "additional reporting by";
        let at = rest.char_indices().map(|(i, _)| i).find(|&i| {
            rest.get(i..i + EXTRA.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(EXTRA))
        });
        let (main, extra) = match at {
            Some(p) => (&rest[..p], rest.get(p + EXTRA.len()..)),
            None => (rest, None),
        };
        let mut names = split_names(main);
        if let Some(extra) = extra {
            names.extend(split_names(extra));
        }
        if !names.is_empty() && words(s) <= 16 {
            return Some(names);
        }
        return None;
    }
    if directly_under_title && is_name_only(s) && looks_like_person(s) {
        return Some(vec![s.split_whitespace().collect::<Vec<_>>().join(" ")]);
    }
    None
}

/// Parse a decoded document into an article.
pub fn parse(raw: &RawDoc) -> Article {
    let mut article = parse_without_text(raw);
    article.text = raw.text.clone();
    article
}

/// The sentences entities are read from: title, deck and body, then photo captions.
pub fn text_units(article: &Article) -> Vec<Span> {
    let mut units = article.sentences.clone();
    for f in &article.furniture {
        if f.kind == FurnitureKind::Caption {
            // Without a bracketed credit: "... [Photo provided to chinadaily.com.cn]".
            let text = article.slice(f.span);
            let end = text.find('[').map_or(f.span.end, |p| f.span.start + p);
            units.extend(sentences::split(
                &article.text,
                Span::new(f.span.start, end),
            ));
        }
    }
    units
}

/// Parse a decoded document into an article that takes over its text.
pub fn parse_owned(raw: RawDoc) -> Article {
    let mut article = parse_without_text(&raw);
    article.text = raw.text;
    article
}

/// Everything of the article but its text, which the caller moves or copies in.
fn parse_without_text(raw: &RawDoc) -> Article {
    let text = raw.text.as_str();
    let lines = lines_of(text);
    let mut furniture = Vec::new();
    let mut authors: Vec<String> = Vec::new();
    let mut source = None;
    let mut dateline = None;
    let mut published = None;
    let mut i = 0;

    if raw.record.is_none()
        && lines.len() >= 3
        && is_masthead(lines[0].text, lines.get(1).map(|l| l.text))
    {
        furniture.push(Furniture {
            kind: FurnitureKind::Masthead,
            span: lines[0].span,
        });
        source = Some(lines[0].text.to_string());
        i = 1;
    }

    let title_line = lines.get(i).copied();
    if title_line.is_some() {
        i += 1;
    }
    let title_text = title_line.map(|l| l.text);

    // The header: deck, bylines and a date line, in any order, before the body.
    let mut deck: Option<Line> = None;
    let mut body_start_in_line: Option<usize> = None;
    while let Some(line) = lines.get(i).copied() {
        if let Some((len, iso)) = dates::parse_date_prefix(line.text) {
            let date_end = line.span.start + len;
            furniture.push(Furniture {
                kind: FurnitureKind::Dateline,
                span: Span::new(line.span.start, date_end),
            });
            dateline = Some(text[line.span.start..date_end].to_string());
            published = Some(iso);
            let rest = &text[date_end..line.span.end];
            if rest.trim().is_empty() {
                i += 1;
            } else {
                body_start_in_line = Some(date_end + (rest.len() - rest.trim_start().len()));
            }
            break;
        }
        let under_title =
            deck.is_none() && authors.is_empty() || deck.is_some() && authors.is_empty();
        if let Some(names) = byline_authors(line.text, under_title) {
            furniture.push(Furniture {
                kind: FurnitureKind::Byline,
                span: line.span,
            });
            for n in names {
                if !authors.contains(&n) {
                    authors.push(n);
                }
            }
            i += 1;
            continue;
        }
        if deck.is_none()
            && !is_caption_line(line.text)
            && is_deck(line, &lines[i + 1..], title_text, source.is_some())
        {
            deck = Some(line);
            i += 1;
            continue;
        }
        break;
    }

    // The body, with furniture set apart.
    let mut body_lines: Vec<Line> = Vec::new();
    if let (Some(start), Some(line)) = (body_start_in_line, lines.get(i)) {
        body_lines.push(Line {
            span: Span::new(start, line.span.end),
            text: &text[start..line.span.end],
        });
        i += 1;
    }
    let rest = lines.get(i..).unwrap_or(&[]);
    let mut trailer_from = rest.len();
    while trailer_from > 0 && is_trailer(rest[trailer_from - 1].text) {
        trailer_from -= 1;
    }
    let deck_text = deck.map(|d| d.text);
    let mut image_block = 0u8; // 2 after a repeated title: a credit then a caption may follow
    for (k, line) in rest.iter().enumerate() {
        let kind = if k >= trailer_from {
            Some(FurnitureKind::Trailer)
        } else if title_text.is_some_and(|t| same_text(t, line.text)) {
            image_block = 2;
            Some(FurnitureKind::RepeatedTitle)
        } else if authors.iter().any(|a| same_text(a, line.text)) {
            Some(FurnitureKind::Byline)
        } else if is_caption_line(line.text) {
            Some(FurnitureKind::Caption)
        } else if image_block > 0 && is_name_only(line.text) {
            image_block = 1;
            Some(FurnitureKind::Credit)
        } else if image_block > 0
            && words(line.text) <= 30
            && sentences::split(text, line.span).len() == 1
            && !deck_text.is_some_and(|d| same_text(d, line.text))
        {
            image_block = 0;
            Some(FurnitureKind::Caption)
        } else {
            image_block = 0;
            None
        };
        match kind {
            Some(kind) => furniture.push(Furniture {
                kind,
                span: line.span,
            }),
            None => body_lines.push(*line),
        }
    }

    let paragraphs = group_paragraphs(text, &body_lines);
    let mut sentences = Vec::new();
    if let Some(t) = title_line {
        sentences.extend(sentences::split(text, t.span));
    }
    if let Some(d) = deck {
        sentences.extend(sentences::split(text, d.span));
    }
    for p in &paragraphs {
        sentences.extend(sentences::split(text, *p));
    }
    furniture.sort_by_key(|f| f.span);

    let mut title = title_line.map(|l| l.text.to_string());
    let mut url = None;
    if let Some(rec) = &raw.record {
        if rec.title.is_some() {
            title = rec.title.clone();
        }
        if rec.source.is_some() {
            source = rec.source.clone();
        }
        if !rec.authors.is_empty() {
            authors = rec.authors.clone();
        }
        if let Some(d) = &rec.date {
            published = dates::parse_date(d).or(published);
            dateline = dateline.or_else(|| Some(d.clone()));
        }
        url = rec.url.clone();
    }

    Article {
        id: raw.id.clone(),
        path: raw.path.clone(),
        title,
        deck: deck.map(|d| d.text.to_string()),
        source,
        authors,
        dateline,
        published,
        url,
        title_span: title_line.map(|l| l.span),
        deck_span: deck.map(|d| d.span),
        paragraphs,
        sentences,
        furniture,
        short: String::new(),
        text: String::new(),
    }
}

/// Whether the line after the title is a subtitle: it has no closing period and is short,
/// or a byline follows it, or the body repeats it.
fn is_deck(line: Line, after: &[Line], title: Option<&str>, masthead: bool) -> bool {
    let n = words(line.text);
    if !(4..=45).contains(&n) || title.is_some_and(|t| same_text(t, line.text)) {
        return false;
    }
    let next_is_header = after.first().is_some_and(|l| {
        byline_authors(l.text, true).is_some() || dates::parse_date_prefix(l.text).is_some()
    });
    let unpunctuated = !ends_with_terminal(line.text) && n <= 40;
    let repeated = after.iter().take(12).any(|l| same_text(l.text, line.text));
    repeated || (unpunctuated && masthead) || (next_is_header && n <= 40)
}

/// Paragraphs: one per line, except that hard-wrapped lines (all short, no blank line between)
/// join into one.
fn group_paragraphs(text: &str, lines: &[Line]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let mut j = k + 1;
        // Lines are contiguous when only a single newline separates them.
        while j < lines.len()
            && text[lines[j - 1].span.end..lines[j].span.start]
                .matches('\n')
                .count()
                == 1
        {
            j += 1;
        }
        let block = &lines[k..j];
        let wrapped = block.len() > 1
            && block[..block.len() - 1]
                .iter()
                .all(|l| l.text.len() <= 100 && !l.text.ends_with('.'));
        if wrapped {
            out.push(Span::new(
                block[0].span.start,
                block[block.len() - 1].span.end,
            ));
        } else {
            out.extend(block.iter().map(|l| l.span));
        }
        k = j;
    }
    out
}

/// `text` parsed as the article `t`, for tests of the passes after parsing.
#[cfg(test)]
pub(crate) fn parse_text(text: &str) -> Article {
    parse(&RawDoc {
        id: "t".into(),
        path: "t".into(),
        text: text.into(),
        record: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Article {
        parse(&RawDoc {
            id: "t".into(),
            path: "t.txt".into(),
            text: text.into(),
            record: None,
        })
    }

    fn furniture_texts(a: &Article, kind: FurnitureKind) -> Vec<&str> {
        a.furniture
            .iter()
            .filter(|f| f.kind == kind)
            .map(|f| a.slice(f.span))
            .collect()
    }

    #[test]
    fn title_then_paragraphs() {
        let a = doc("Ad sales boost profit\n\nProfits rose 76% to $1.13bn.\n\nThe firm grew.\n");
        assert_eq!(a.title.as_deref(), Some("Ad sales boost profit"));
        assert_eq!(a.deck, None);
        assert_eq!(a.paragraphs.len(), 2);
        assert_eq!(a.slice(a.paragraphs[0]), "Profits rose 76% to $1.13bn.");
    }

    #[test]
    fn masthead_deck_and_dashed_byline_with_email() {
        let a = doc("The Daily Planet\n\nCity signs deal\n\nMayor says the two cities agree on 6 projects\n\n- Lois Lane lois@planet.com Additional reporting by Jimmy Olsen\n\nThe city signed.\n");
        assert_eq!(a.source.as_deref(), Some("The Daily Planet"));
        assert_eq!(a.title.as_deref(), Some("City signs deal"));
        assert_eq!(
            a.deck.as_deref(),
            Some("Mayor says the two cities agree on 6 projects")
        );
        assert_eq!(a.authors, vec!["Lois Lane", "Jimmy Olsen"]);
        assert_eq!(a.paragraphs.len(), 1);
    }

    #[test]
    fn by_line_names_several_authors() {
        let a = doc("Storm hits coast\nBy Jane Doe and John Roe\nThe storm hit.\n");
        assert_eq!(a.authors, vec!["Jane Doe", "John Roe"]);
        assert_eq!(a.slice(a.paragraphs[0]), "The storm hit.");
    }

    #[test]
    fn dateline_gives_published_date_even_on_the_body_line() {
        let a = doc("Flag vote\n\nThursday, May 7, 2015 On Tuesday, the government spoke.\n");
        assert_eq!(a.published.as_deref(), Some("2015-05-07"));
        assert_eq!(a.dateline.as_deref(), Some("Thursday, May 7, 2015"));
        assert_eq!(
            a.slice(a.paragraphs[0]),
            "On Tuesday, the government spoke."
        );
    }

    #[test]
    fn captions_credits_repeated_titles_and_trailers_are_furniture() {
        let a = doc("Cities meet\n\nAnn Lee\n\nCities meet\nSam Poe\n\nDelegates at the forum.\n\nThe forum opened. It went well.\n\nA photo shows the hall. [Photo provided to example.com]\n\nIt closed.\n\nSpecial Reports");
        assert_eq!(a.authors, vec!["Ann Lee"]);
        assert_eq!(
            furniture_texts(&a, FurnitureKind::RepeatedTitle),
            vec!["Cities meet"]
        );
        assert_eq!(furniture_texts(&a, FurnitureKind::Credit), vec!["Sam Poe"]);
        assert_eq!(
            furniture_texts(&a, FurnitureKind::Caption),
            vec![
                "Delegates at the forum.",
                "A photo shows the hall. [Photo provided to example.com]"
            ]
        );
        assert_eq!(
            furniture_texts(&a, FurnitureKind::Trailer),
            vec!["Special Reports"]
        );
        let body: Vec<&str> = a.paragraphs.iter().map(|p| a.slice(*p)).collect();
        assert_eq!(body, vec!["The forum opened. It went well.", "It closed."]);
    }

    #[test]
    fn a_venue_or_shouted_line_under_the_title_is_not_a_byline() {
        let a = doc("Rovers 2-1 City\n\nEwood Park\n\nRovers won.");
        assert!(a.authors.is_empty());
        let c =
            doc("Brentford v Southampton\n\nGriffin Park\n\nTuesday, 1 March\n\nBrentford lost.");
        assert!(c.authors.is_empty());
        let b = doc("Game wins award\n\nWORLD OF WARCRAFT\n\nIt won.");
        assert!(b.authors.is_empty());
    }

    #[test]
    fn an_unpunctuated_first_paragraph_without_masthead_is_body() {
        let a = doc("Brewers switch\n\nJapanese brewers are making money from beer-flavoured drinks\n\nSales rose.");
        assert_eq!(a.deck, None);
        assert_eq!(a.paragraphs.len(), 2);
    }

    #[test]
    fn hard_wrapped_lines_join_into_one_paragraph() {
        let a =
            doc("T\n\nThis line is wrapped\nat a short width and\ncontinues here.\n\nNext one.");
        let body: Vec<&str> = a.paragraphs.iter().map(|p| a.slice(*p)).collect();
        assert_eq!(body.len(), 2);
        assert!(body[0].starts_with("This line") && body[0].ends_with("here."));
    }

    #[test]
    fn a_long_first_paragraph_is_not_a_deck() {
        let a = doc("Title here\nThe fifth meeting convened in the city this week with the signing of 15 memorandums.\nMore.");
        assert_eq!(a.deck, None);
        assert_eq!(a.paragraphs.len(), 2);
    }
}
