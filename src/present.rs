//! Presentation helpers shared by the one-shot commands and the browser: one rule that makes text
//! from a corpus safe to put on a terminal, and padding and cutting by display width.
//!
//! The rule, for every terminal output (the JSON export keeps the text exact, escaping instead):
//! - control characters (C0, DEL, C1) are shown as a visible stand-in, never sent;
//! - bidi embeddings, overrides, isolates and marks are dropped, so text cannot reorder a line;
//! - line and paragraph separators (U+2028, U+2029) become spaces;
//! - zero-width characters are dropped, except that zero-width joiners and non-joiners are kept
//!   between two characters of a word or an emoji sequence (Indic and Persian script, family emoji).

use crate::model::{Article, Role, Span};
use std::borrow::Cow;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// "1 mention in 1 article", "6 mentions in 2 articles".
pub fn counts_text(mentions: usize, articles: usize) -> String {
    format!(
        "{} in {}",
        counted(mentions, "mention", "mentions"),
        counted(articles, "article", "articles")
    )
}

/// A count with its noun, singular for one: "1 article", "0 articles", "5 folder notes".
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "Mayor of Shanghai", "UN Secretary General" (initials go before the title, as news writes
/// them), or the title alone.
pub fn role_text(title: &str, of: Option<&str>) -> String {
    match of {
        Some(o) if crate::text::is_acronym(o) => format!("{o} {title}"),
        Some(o) => format!("{title} of {o}"),
        None => title.to_string(),
    }
}

/// "Mayor of Shanghai" for each role, each once, in the order first given.
pub fn distinct_roles(roles: &[Role]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    roles
        .iter()
        .map(|r| role_text(&r.title, r.of.as_deref()))
        .filter(|t| seen.insert(t.clone()))
        .collect()
}

/// Each distinct role once (told apart ignoring case), in the order first given, with the
/// short ids of the articles that give it: "Mayor of Shanghai (001, 004)".
pub fn roles_with_articles(roles: &[Role], articles: &[Article]) -> Vec<String> {
    use std::collections::{HashMap, HashSet};
    let mut out: Vec<(String, Vec<&str>, HashSet<&str>)> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for r in roles {
        let text = role_text(&r.title, r.of.as_deref());
        let short = articles.get(r.article).map_or("?", |a| a.short_id());
        let i = *at.entry(text.to_lowercase()).or_insert_with(|| {
            out.push((text, Vec::new(), HashSet::new()));
            out.len() - 1
        });
        let (_, arts, seen) = &mut out[i];
        if seen.insert(short) {
            arts.push(short);
        }
    }
    out.into_iter()
        .map(|(t, a, _)| format!("{t} ({})", a.join(", ")))
        .collect()
}

/// The block of an article that holds `span`: its paragraph, the title or the deck (the span
/// itself when none does).
pub fn block_of(article: &Article, span: Span) -> Span {
    article
        .paragraphs
        .iter()
        .chain(article.title_span.iter())
        .chain(article.deck_span.iter())
        .find(|p| p.contains(span))
        .copied()
        .unwrap_or(span)
}

/// One keyword-in-context line: up to `width` characters each side of the span, within its
/// block, in whole words; where the context was cut, an ellipsis says so.
pub fn kwic(article: &Article, span: Span, width: usize) -> String {
    let text = &article.text;
    let block = block_of(article, span);
    let before = text.get(block.start..span.start).unwrap_or("");
    let after = text.get(span.end..block.end).unwrap_or("");
    // The left side: the last `width` characters, less the word they cut into.
    let left = match before.char_indices().rev().nth(width.saturating_sub(1)) {
        Some((cut, _)) if cut > 0 => {
            let kept = &before[cut..];
            let whole = if before[..cut].ends_with(char::is_whitespace) {
                kept
            } else {
                kept.find(char::is_whitespace).map_or("", |sp| &kept[sp..])
            };
            format!("…{}", whole.trim_start())
        }
        _ => before.to_string(),
    };
    // The right side: the first `width` characters, less the word they cut into.
    let right = match after.char_indices().nth(width) {
        Some((cut, _)) => {
            let kept = &after[..cut];
            let whole = if after[cut..].starts_with(char::is_whitespace) {
                kept
            } else {
                kept.rfind(char::is_whitespace).map_or("", |sp| &kept[..sp])
            };
            format!("{}…", whole.trim_end())
        }
        None => after.to_string(),
    };
    let flat = |s: &str| s.replace(['\n', '\t'], " ");
    format!(
        "{}[{}]{}",
        flat(&left),
        flat(text.get(span.start..span.end).unwrap_or("")),
        flat(&right)
    )
}

/// What the terminal rule does with one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Sent as it is.
    Keep,
    /// Not sent at all.
    Drop,
    /// Sent as this character instead.
    Replace(char),
}

/// Bidi embeddings, overrides, isolates and marks.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Invisible characters that are dropped wherever they are.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{180E}' | '\u{FFF9}'..='\u{FFFB}'
    )
}

/// Joiners, kept only inside a cluster.
fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}') || ('\u{E0020}'..='\u{E007F}').contains(&c)
}

/// A character a joiner may stand between: a letter, digit, mark or symbol (emoji), not space,
/// punctuation or anything the rule removes.
fn joinable(c: Option<char>) -> bool {
    c.is_some_and(|c| {
        !c.is_whitespace()
            && !c.is_control()
            && !c.is_ascii_punctuation()
            && !is_bidi_control(c)
            && !is_invisible(c)
            && !matches!(c, '\u{2028}' | '\u{2029}')
    })
}

/// The visible stand-in for a control character: the Control Pictures block for C0 and DEL,
/// U+FFFD for C1.
fn stand_in(c: char) -> char {
    match c as u32 {
        n @ 0..=0x1F => char::from_u32(0x2400 + n).unwrap_or('\u{FFFD}'),
        0x7F => '\u{2421}',
        _ => '\u{FFFD}',
    }
}

/// True for a character the rule ever changes (whatever its neighbours), newline and tab included.
pub fn needs_care(c: char) -> bool {
    c.is_control()
        || is_bidi_control(c)
        || is_invisible(c)
        || is_joiner(c)
        || matches!(c, '\u{2028}' | '\u{2029}')
}

/// What happens to `c` between `prev` and `next`. Newline and tab are control characters here;
/// callers that keep lines handle them first.
pub fn action(c: char, prev: Option<char>, next: Option<char>) -> Action {
    if c.is_control() {
        Action::Replace(stand_in(c))
    } else if is_bidi_control(c) || is_invisible(c) {
        Action::Drop
    } else if matches!(c, '\u{2028}' | '\u{2029}') {
        Action::Replace(' ')
    } else if is_joiner(c) {
        if joinable(prev) && (joinable(next) || is_joiner(next.unwrap_or(' '))) {
            Action::Keep
        } else {
            Action::Drop
        }
    } else {
        Action::Keep
    }
}

fn apply(s: &str, keep_lines: bool) -> Cow<'_, str> {
    if !s.chars().any(needs_care) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut prev: Option<char> = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        match c {
            '\n' | '\t' if keep_lines => out.push(c),
            '\n' | '\t' => out.push(' '),
            _ => match action(c, prev, next) {
                Action::Keep => out.push(c),
                Action::Drop => {}
                Action::Replace(r) => out.push(r),
            },
        }
        prev = Some(c);
    }
    Cow::Owned(out)
}

/// Text for a terminal that keeps its lines: newlines and tabs stay, everything else by the rule.
pub fn for_terminal(s: &str) -> Cow<'_, str> {
    apply(s, true)
}

/// Text for one line of a terminal: newlines and tabs become spaces, everything else by the rule.
pub fn one_line(s: &str) -> Cow<'_, str> {
    apply(s, false)
}

/// One terminal cell's grapheme made safe: control characters are dropped (they have no width,
/// so the layout stays), the rest by the rule; a cell left empty holds a space.
pub fn cell_symbol(sym: &str) -> Cow<'_, str> {
    if !sym.chars().any(needs_care) {
        return Cow::Borrowed(sym);
    }
    let mut out = String::new();
    let mut prev: Option<char> = None;
    let mut chars = sym.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        if !c.is_control() {
            match action(c, prev, next) {
                Action::Keep => out.push(c),
                Action::Drop => {}
                Action::Replace(r) => out.push(r),
            }
        }
        prev = Some(c);
    }
    if out.is_empty() {
        out.push(' ');
    }
    Cow::Owned(out)
}

/// JSON text made safe to print on a terminal without changing what it says: the characters the
/// terminal rule would touch are written as `\uXXXX` escapes (valid only inside JSON strings,
/// which is the only place they can be in serialised JSON).
pub fn escape_json_for_terminal(json: &str) -> Cow<'_, str> {
    let risky =
        |c: char| (c.is_control() && c != '\n' && c != '\t') || (needs_care(c) && !c.is_ascii());
    if !json.chars().any(risky) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if risky(c) {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{u:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Display width in terminal columns.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` cut to at most `max` columns, with `…` when something was cut.
pub fn fit(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw > max - 1 {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    Cow::Owned(out)
}

/// `s` padded with spaces to at least `cols` columns; a wider `s` is left whole.
pub fn pad(s: &str, cols: usize) -> String {
    let mut out = s.to_string();
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(width(s))));
    out
}

/// `s` padded on the left to at least `cols` columns.
pub fn pad_left(s: &str, cols: usize) -> String {
    let mut out: String = std::iter::repeat_n(' ', cols.saturating_sub(width(s))).collect();
    out.push_str(s);
    out
}

/// `text` broken into lines of at most `cols` columns, at spaces where it can be; a word wider
/// than a line is split by characters.
pub fn wrap(text: &str, cols: usize) -> Vec<String> {
    let cols = cols.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split_whitespace() {
        let w = width(word);
        if used > 0 && used + 1 + w > cols {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if w > cols {
            for c in word.chars() {
                let cw = UnicodeWidthChar::width(c).unwrap_or(0);
                if used + cw > cols && used > 0 {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push(c);
                used += cw;
            }
            continue;
        }
        if used > 0 {
            line.push(' ');
            used += 1;
        }
        line.push_str(word);
        used += w;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Two articles compared, as text within `cols` columns: both headers, then the sentences side by
/// side in reading order, aligned pairs joined by `≈` (with the figures that differ), then the
/// entities both name and those only one names.
pub fn comparison_text(
    corpus: &crate::corpus::Corpus,
    cmp: &crate::compare::Comparison,
    cols: usize,
) -> String {
    let cols = cols.max(40);
    let col = (cols - 3) / 2;
    let (a, b) = (&corpus.articles[cmp.a], &corpus.articles[cmp.b]);
    let mut out = String::new();
    let side_by_side = |out: &mut String, left: &str, right: &str, sep: &str| {
        let l = wrap(&one_line(left), col);
        let r = wrap(&one_line(right), col);
        for k in 0..l.len().max(r.len()) {
            let lt = l.get(k).map_or("", String::as_str);
            let rt = r.get(k).map_or("", String::as_str);
            let line = format!("{}{sep}{rt}", pad(lt, col));
            out.push_str(line.trim_end());
            out.push('\n');
        }
    };
    let header = |art: &Article| {
        let mut h = format!("{}  {}", art.short_id(), art.title.as_deref().unwrap_or(""));
        let meta: Vec<&str> = [art.source.as_deref(), art.published.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if !meta.is_empty() {
            h.push_str(" · ");
            h.push_str(&meta.join(" · "));
        }
        h
    };
    side_by_side(&mut out, &header(a), &header(b), " │ ");
    out.push_str(&format!(
        "{}┼{}\n",
        "─".repeat(col + 1),
        "─".repeat(col + 1)
    ));
    let text_of = |art: &Article, spans: &[Span], idx: &[usize]| -> String {
        idx.iter()
            .filter_map(|&i| spans.get(i))
            .map(|s| art.slice(*s))
            .collect::<Vec<_>>()
            .join(" ")
    };
    // Reading order: A's sentences in turn; before a pair, B's sentences up to it.
    let mut pair_at: Vec<Option<usize>> = vec![None; cmp.sentences_a.len()];
    let mut paired_b = vec![false; cmp.sentences_b.len()];
    for (pi, p) in cmp.aligned.iter().enumerate() {
        if let Some(slot) = p.a.first().and_then(|&i| pair_at.get_mut(i)) {
            *slot = Some(pi);
        }
        for &j in &p.b {
            if let Some(x) = paired_b.get_mut(j) {
                *x = true;
            }
        }
    }
    let paired_a: Vec<bool> = {
        let mut v = vec![false; cmp.sentences_a.len()];
        for p in &cmp.aligned {
            for &i in &p.a {
                if let Some(x) = v.get_mut(i) {
                    *x = true;
                }
            }
        }
        v
    };
    let mut next_b = 0;
    let flush_b = |out: &mut String, next_b: &mut usize, upto: usize| {
        while *next_b < upto.min(cmp.sentences_b.len()) {
            if !paired_b[*next_b] {
                side_by_side(out, "", &text_of(b, &cmp.sentences_b, &[*next_b]), " │ ");
            }
            *next_b += 1;
        }
    };
    for i in 0..cmp.sentences_a.len() {
        if let Some(pi) = pair_at[i] {
            let p = &cmp.aligned[pi];
            let first_b = p.b.first().copied().unwrap_or(0);
            if first_b >= next_b {
                flush_b(&mut out, &mut next_b, first_b);
            }
            out.push_str(&format!("≈ {} · {:.2}\n", pi + 1, p.similarity));
            side_by_side(
                &mut out,
                &text_of(a, &cmp.sentences_a, &p.a),
                &text_of(b, &cmp.sentences_b, &p.b),
                " ≈ ",
            );
            for d in cmp.differing.iter().filter(|d| d.pair == pi) {
                out.push_str(&fit(
                    &format!(
                        "  figures differ: {} ≠ {}\n",
                        one_line(a.slice(d.a)),
                        one_line(b.slice(d.b))
                    ),
                    cols,
                ));
            }
            next_b = next_b.max(p.b.last().map_or(0, |j| j + 1));
        } else if !paired_a[i] {
            side_by_side(&mut out, &text_of(a, &cmp.sentences_a, &[i]), "", " │ ");
        }
    }
    flush_b(&mut out, &mut next_b, cmp.sentences_b.len());
    let ents = &corpus.resolved.entities;
    let list = |out: &mut String, label: String, list: &[usize]| {
        let names: Vec<String> = list
            .iter()
            .map(|&e| format!("[{}] {}", ents[e].kind.badge(), one_line(&ents[e].name)))
            .collect();
        let line = format!("{label} ({}): {}", list.len(), names.join(", "));
        for l in wrap(&line, cols) {
            out.push_str(&l);
            out.push('\n');
        }
    };
    out.push('\n');
    list(&mut out, "Named by both".into(), &cmp.shared);
    list(&mut out, format!("Only in {}", a.short_id()), &cmp.only_a);
    list(&mut out, format!("Only in {}", b.short_id()), &cmp.only_b);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_read_as_news_writes_them() {
        assert_eq!(
            role_text("Secretary General", Some("UN")),
            "UN Secretary General"
        );
        assert_eq!(role_text("Mayor", Some("Shanghai")), "Mayor of Shanghai");
        assert_eq!(role_text("Home Secretary", None), "Home Secretary");
    }

    fn article_of(text: &str) -> Article {
        Article {
            id: "a".into(),
            path: "a.txt".into(),
            text: text.into(),
            title: None,
            deck: None,
            source: None,
            authors: Vec::new(),
            dateline: None,
            published: None,
            url: None,
            title_span: None,
            deck_span: None,
            paragraphs: vec![Span::new(0, text.len())],
            sentences: Vec::new(),
            furniture: Vec::new(),
            short: String::new(),
        }
    }

    #[test]
    fn kwic_keeps_whole_words_and_marks_where_it_cut() {
        let text =
            "At the meeting, Shanghai Mayor Gong Zheng highlighted the council's achievements.";
        let a = article_of(text);
        let at = text.find("Gong").unwrap_or(0);
        let span = Span::new(at, at + "Gong Zheng".len());
        assert_eq!(kwic(&a, span, 12), "…Mayor [Gong Zheng] highlighted…");
        // Cut right at a word's edge on the left: the whole word stays.
        assert_eq!(
            kwic(&a, span, 15),
            "…Shanghai Mayor [Gong Zheng] highlighted…"
        );
        // Nothing cut, no ellipsis.
        assert_eq!(
            kwic(&a, span, 200),
            "At the meeting, Shanghai Mayor [Gong Zheng] highlighted the council's achievements."
        );
        // One long word cut: only the ellipsis is left of it.
        let b = article_of("Supercalifragilistic Gong");
        assert_eq!(kwic(&b, Span::new(21, 25), 5), "…[Gong]");
    }

    #[test]
    fn escapes_never_pass() {
        let s = one_line("a\u{1b}]0;pwned\u{7}b\u{1b}[2Jc\u{9b}31m\u{7f}");
        assert!(!s.chars().any(|c| c.is_control()), "{s:?}");
        assert_eq!(
            s,
            "a\u{241b}]0;pwned\u{2407}b\u{241b}[2Jc\u{fffd}31m\u{2421}"
        );
    }

    #[test]
    fn bidi_separators_and_zero_width_are_neutralised() {
        let s = for_terminal(
            "evil\u{202e}txt.exe\u{2066}x\u{2069} a\u{2028}b\u{2029}c \u{200b}d\u{feff}",
        );
        assert_eq!(s, "eviltxt.exex a b c d");
        // Newlines and tabs stay in multi-line output, go in one-line output.
        assert_eq!(for_terminal("a\n\tb"), "a\n\tb");
        assert_eq!(one_line("a\n\tb"), "a  b");
    }

    #[test]
    fn joiners_stay_inside_clusters_only() {
        let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}";
        assert_eq!(for_terminal(family), family);
        let persian = "می\u{200c}خواهم";
        assert_eq!(for_terminal(persian), persian);
        let hindi = "क्\u{200d}ष";
        assert_eq!(for_terminal(hindi), hindi);
        assert_eq!(
            for_terminal("\u{200d}start end\u{200d} mid \u{200c} x"),
            "start end mid  x"
        );
    }

    #[test]
    fn cells_lose_what_the_terminal_would_act_on() {
        assert_eq!(cell_symbol("a"), "a");
        assert_eq!(cell_symbol("\u{1b}"), " ");
        assert_eq!(cell_symbol("e\u{202e}"), "e");
        assert_eq!(cell_symbol(" \u{200d}"), " ");
        let family = "\u{1f468}\u{200d}\u{1f469}";
        assert_eq!(cell_symbol(family), family);
    }

    #[test]
    fn json_escapes_keep_the_text() {
        let raw =
            serde_json::to_string("a\u{1b}b\u{9b}c\u{202e}d\u{2028}e\u{1f468}\u{200d}\u{1f469}")
                .unwrap_or_default();
        let safe = escape_json_for_terminal(&raw);
        assert!(
            !safe.chars().any(|c| c.is_control() || needs_care(c)),
            "{safe}"
        );
        let back: String = serde_json::from_str(&safe).unwrap_or_default();
        assert_eq!(
            back,
            "a\u{1b}b\u{9b}c\u{202e}d\u{2028}e\u{1f468}\u{200d}\u{1f469}"
        );
    }

    #[test]
    fn padding_and_cutting_go_by_columns() {
        assert_eq!(pad("上海", 6), "上海  ");
        assert_eq!(pad("abcdefgh", 5), "abcdefgh");
        assert_eq!(pad(&fit("abcdefgh", 5), 5), "abcd…");
        assert_eq!(pad_left("7", 3), "  7");
        assert_eq!(fit("上海市政府", 5), "上海…");
        let long = "x".repeat(70_000);
        assert_eq!(width(&pad(&fit(&long, 40), 40)), 40);
    }
}
