//! Article text laid out in lines of a given width: header, numbered paragraphs, mentions
//! marked. Pure data, shared by `update` (to scroll to a mention) and `view` (to draw it).

use crate::corpus::Corpus;
use crate::extract::Kind;
use crate::model::Span;
use unicode_width::UnicodeWidthStr;

/// Smallest terminal width the browser draws in.
pub const MIN_WIDTH: u16 = 40;
/// Smallest terminal height the browser draws in.
pub const MIN_HEIGHT: u16 = 10;

/// A mention inside an article body, with its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodyMention {
    /// Where it is.
    pub span: Span,
    /// Entity index.
    pub entity: usize,
}

/// What a piece of a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Body text.
    Plain,
    /// The headline.
    Title,
    /// The subtitle.
    Deck,
    /// Source, authors and date.
    Meta,
    /// The paragraph number column.
    Gutter,
    /// A mention: its kind and index among the article's body mentions.
    Mention(Kind, usize),
}

/// A run of text with one mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The text, safe to draw (no control characters).
    pub text: String,
    /// What it is.
    pub mark: Mark,
    /// Byte offset in the article text where it starts (body text only).
    pub offset: Option<usize>,
    /// Bytes of article text it shows (body text only; `text` may differ in length, since
    /// characters a terminal would act on are replaced or dropped).
    pub len: usize,
}

/// One screen line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Line {
    /// Its pieces.
    pub segments: Vec<Segment>,
    /// Byte offset in the article text where the line starts (body lines only).
    pub start: usize,
    /// True for body lines.
    pub body: bool,
}

impl Line {
    /// The line as plain text.
    pub fn plain(&self) -> String {
        self.segments.iter().map(|s| s.text.as_str()).collect()
    }

    fn trim_end(&mut self) {
        while let Some(last) = self.segments.last_mut() {
            let t = last.text.trim_end_matches(' ').len();
            last.len -= (last.text.len() - t).min(last.len);
            last.text.truncate(t);
            if last.text.is_empty() {
                self.segments.pop();
            } else {
                break;
            }
        }
    }

    fn push(&mut self, text: &str, mark: Mark, offset: Option<usize>, len: usize) {
        match self.segments.last_mut() {
            Some(last) if last.mark == mark => {
                last.text.push_str(text);
                last.len += len;
            }
            _ => self.segments.push(Segment {
                text: text.to_string(),
                mark,
                offset,
                len,
            }),
        }
    }
}

/// An article laid out.
#[derive(Debug, Clone, Default)]
pub struct ArticleLayout {
    /// Every line, header first.
    pub lines: Vec<Line>,
    /// The mentions inside the body, in text order: what [`Mark::Mention`] indexes.
    pub mentions: Vec<BodyMention>,
}

impl ArticleLayout {
    /// The body line holding byte `offset`. Line starts never decrease down the layout, so
    /// this is a binary search.
    pub fn line_of(&self, offset: usize) -> Option<usize> {
        let after = self.lines.partition_point(|l| l.start <= offset);
        self.lines[..after].iter().rposition(|l| l.body)
    }
}

/// Text from the corpus made safe to draw on one line, by the terminal rule of
/// [`crate::present`]: control characters shown as stand-ins, bidi controls and stray zero-width
/// characters dropped, newlines and tabs turned into spaces.
pub fn safe(s: &str) -> String {
    crate::present::one_line(s).into_owned()
}

/// Display width of a string.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Break `text` into pieces of at most `width` columns, at spaces where possible.
pub fn wrap_plain(text: &str, width: usize) -> Vec<String> {
    let mut line = Line::default();
    let mut out = Vec::new();
    let mut cur = 0;
    fill(
        &mut out,
        &mut line,
        &mut cur,
        text,
        &[(0, text.len(), Mark::Plain)],
        width,
    );
    out.push(line);
    out.into_iter().map(|l| l.plain()).collect()
}

/// The mentions of `article` inside its body paragraphs (not the headline's or deck's), in
/// text order.
pub fn body_mentions(corpus: &Corpus, article: usize) -> Vec<BodyMention> {
    let Some(a) = corpus.articles.get(article) else {
        return Vec::new();
    };
    corpus
        .resolved
        .by_article
        .of(article)
        .iter()
        .filter(|m| a.in_body(m.span()))
        .map(|m| BodyMention {
            span: m.span(),
            entity: m.entity(),
        })
        .collect()
}

/// Lay out `article` for a text column `width` wide.
pub fn article(corpus: &Corpus, article: usize, width: usize) -> ArticleLayout {
    let mentions = body_mentions(corpus, article);
    let a = &corpus.articles[article];
    let ents = &corpus.resolved.entities;
    let width = width.max(10);
    let mut lines: Vec<Line> = Vec::new();
    let header = |text: &str, mark: Mark, lines: &mut Vec<Line>| {
        for piece in wrap_plain(text, width) {
            let mut l = Line::default();
            l.push(&piece, mark, None, 0);
            lines.push(l);
        }
    };
    header(a.title.as_deref().unwrap_or(&a.id), Mark::Title, &mut lines);
    if let Some(d) = &a.deck {
        header(d, Mark::Deck, &mut lines);
    }
    let mut meta: Vec<String> = Vec::new();
    if let Some(s) = &a.source {
        meta.push(s.clone());
    }
    if !a.authors.is_empty() {
        meta.push(format!("by {}", a.authors.join(", ")));
    }
    if let Some(p) = a.published.as_ref().or(a.dateline.as_ref()) {
        meta.push(p.clone());
    }
    meta.push(a.short_id().to_string());
    header(&meta.join(" · "), Mark::Meta, &mut lines);

    const GUTTER: usize = 4;
    let text_width = width.saturating_sub(GUTTER).max(6);
    let mut next_mention = 0;
    for (pi, p) in a.paragraphs.iter().enumerate() {
        // The blank line before a paragraph starts where it does, so that starts never decrease.
        lines.push(Line {
            start: p.start,
            ..Line::default()
        });
        let mut para_lines: Vec<Line> = Vec::new();
        let mut line = Line {
            start: p.start,
            body: true,
            ..Line::default()
        };
        let mut cur = 0;
        // Pieces of the paragraph between mention boundaries.
        let mut pos = p.start;
        while next_mention < mentions.len() && mentions[next_mention].span.end <= p.start {
            next_mention += 1;
        }
        let mut k = next_mention;
        let mut pieces: Vec<(usize, usize, Mark)> = Vec::new();
        while k < mentions.len() && mentions[k].span.start < p.end {
            let m = mentions[k];
            if m.span.start >= pos {
                if m.span.start > pos {
                    pieces.push((pos, m.span.start, Mark::Plain));
                }
                pieces.push((
                    m.span.start,
                    m.span.end.min(p.end),
                    Mark::Mention(ents[m.entity].kind, k),
                ));
                pos = m.span.end.min(p.end);
            }
            k += 1;
        }
        next_mention = k;
        if pos < p.end {
            pieces.push((pos, p.end, Mark::Plain));
        }
        fill(
            &mut para_lines,
            &mut line,
            &mut cur,
            &a.text,
            &pieces,
            text_width,
        );
        para_lines.push(line);
        for (i, mut l) in para_lines.into_iter().enumerate() {
            let gutter = if i == 0 {
                format!("{:>3} ", pi + 1)
            } else {
                " ".repeat(GUTTER)
            };
            l.segments.insert(
                0,
                Segment {
                    text: gutter,
                    mark: Mark::Gutter,
                    offset: None,
                    len: 0,
                },
            );
            l.body = true;
            lines.push(l);
        }
    }
    ArticleLayout { lines, mentions }
}

/// Add the pieces of text `(start, end, mark)` of `text` (byte offsets into it, in order) to
/// the lines being filled, each drawn through [`safe`]. A line breaks only at spaces, so a word
/// made of several pieces (a mention and the comma after it) stays on one line; a word longer
/// than the line is split by characters. Offsets stay those of `text`.
fn fill(
    out: &mut Vec<Line>,
    line: &mut Line,
    cur: &mut usize,
    text: &str,
    pieces: &[(usize, usize, Mark)],
    width: usize,
) {
    // Atoms: runs of spaces or of other characters, never crossing a piece.
    let mut atoms: Vec<(usize, &str, Mark, bool)> = Vec::new();
    for &(ps, pe, mark) in pieces {
        let piece = text.get(ps..pe).unwrap_or("");
        let mut start = 0;
        let mut prev_space: Option<bool> = None;
        for (i, c) in piece.char_indices() {
            let sp = shown_as_space(c);
            if let Some(p) = prev_space.filter(|p| *p != sp) {
                atoms.push((ps + start, &piece[start..i], mark, p));
                start = i;
            }
            prev_space = Some(sp);
        }
        if let Some(p) = prev_space {
            atoms.push((ps + start, &piece[start..], mark, p));
        }
    }
    let mut i = 0;
    while i < atoms.len() {
        let (at, raw, mark, is_space) = atoms[i];
        if is_space {
            i += 1;
            if *cur == 0 {
                continue;
            }
            let shown = safe(raw);
            let w = width_of(&shown);
            if *cur + w > width {
                break_line(out, line, at + raw.len());
                *cur = 0;
                continue;
            }
            line.push(&shown, mark, Some(at), raw.len());
            *cur += w;
            continue;
        }
        // A word: this atom and the non-space atoms right after it.
        let mut end = i + 1;
        while end < atoms.len() && !atoms[end].3 {
            end += 1;
        }
        let word: Vec<(usize, &str, Mark, String)> = atoms[i..end]
            .iter()
            .map(|&(at, raw, mark, _)| (at, raw, mark, safe(raw)))
            .collect();
        i = end;
        let w: usize = word.iter().map(|a| width_of(&a.3)).sum();
        if *cur + w > width && *cur > 0 {
            break_line(out, line, at);
            *cur = 0;
        }
        if w <= width {
            if *cur == 0 {
                line.start = at;
            }
            for (at, raw, mark, shown) in &word {
                line.push(shown, *mark, Some(*at), raw.len());
            }
            *cur += w;
            continue;
        }
        // A word longer than the line: split it by characters.
        for (at, raw, mark, _) in &word {
            for (ci, c) in raw.char_indices() {
                let mut buf = [0u8; 4];
                let one = safe(c.encode_utf8(&mut buf));
                let cw = width_of(&one);
                if *cur + cw > width && *cur > 0 {
                    break_line(out, line, at + ci);
                    *cur = 0;
                }
                line.push(&one, *mark, Some(at + ci), c.len_utf8());
                *cur += cw;
            }
        }
    }
}

/// Characters drawn as a space, where a line may break.
fn shown_as_space(c: char) -> bool {
    matches!(c, ' ' | '\n' | '\t' | '\u{2028}' | '\u{2029}')
}

/// End the current line (without its trailing spaces) and start one at byte `start`.
fn break_line(out: &mut Vec<Line>, line: &mut Line, start: usize) {
    line.trim_end();
    let body = line.body;
    out.push(std::mem::replace(
        line,
        Line {
            start,
            body,
            ..Line::default()
        },
    ));
}

fn width_of(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_respects_display_width_of_cjk_and_emoji() {
        let lines = wrap_plain("上海 和 香港 sign 🤝 deals today", 8);
        assert!(lines.iter().all(|l| width(l) <= 8), "{lines:?}");
        assert_eq!(lines.join(" "), "上海 和 香港 sign 🤝 deals today");
    }

    #[test]
    fn control_characters_never_reach_the_screen() {
        let s = safe("a\u{1b}[31mred\u{7}\tb");
        assert!(!s.chars().any(|c| c.is_control()), "{s:?}");
        assert!(s.contains("[31mred"));
    }

    #[test]
    fn a_line_never_breaks_between_a_mention_and_the_comma_after_it() {
        let text = "chaired by the mayor Gong Zheng, who led a delegation";
        let at = text.find("Gong").unwrap_or(0);
        let end = at + "Gong Zheng".len();
        let pieces = [
            (0, at, Mark::Plain),
            (at, end, Mark::Mention(Kind::Person, 0)),
            (end, text.len(), Mark::Plain),
        ];
        for width in 10..text.len() {
            let (mut out, mut line, mut cur) = (Vec::new(), Line::default(), 0);
            fill(&mut out, &mut line, &mut cur, text, &pieces, width);
            out.push(line);
            let shown: Vec<String> = out.iter().map(Line::plain).collect();
            assert!(
                shown
                    .iter()
                    .all(|l| !l.starts_with(',') && width_of(l) <= width),
                "at {width}: {shown:?}"
            );
            assert_eq!(shown.join(" "), text, "at {width}");
        }
    }

    #[test]
    fn long_words_are_split() {
        let lines = wrap_plain("abcdefghijklmnop", 5);
        assert_eq!(lines, vec!["abcde", "fghij", "klmno", "p"]);
    }
}
