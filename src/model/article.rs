//! Articles, their spans, and load warnings.

use serde::Serialize;

/// A half-open range of UTF-8 byte offsets into an article's `text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when `other` lies wholly inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// What a piece of page furniture is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FurnitureKind {
    /// The publication's name printed above the title.
    Masthead,
    /// An author line, or a repeat of one.
    Byline,
    /// The date line under the title.
    Dateline,
    /// The title printed again inside the body.
    RepeatedTitle,
    /// A photo caption.
    Caption,
    /// A photo or image credit.
    Credit,
    /// Trailing page furniture ("Newspapers in English", "Special Reports").
    Trailer,
}

/// A span of the text that is not part of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Furniture {
    /// What it is.
    pub kind: FurnitureKind,
    /// Where it is.
    #[serde(flatten)]
    pub span: Span,
}

/// One parsed article.
#[derive(Debug, Clone, Serialize)]
pub struct Article {
    /// The file's path relative to its corpus root, without extension, or the JSONL `id`.
    pub id: String,
    /// The path the article was read from.
    pub path: String,
    /// The decoded text (BOM removed, line ends normalised to `\n`); every offset points into it.
    pub text: String,
    /// The headline.
    pub title: Option<String>,
    /// The subtitle under the headline.
    pub deck: Option<String>,
    /// The publication, when the text or record names it.
    pub source: Option<String>,
    /// Authors from byline lines.
    pub authors: Vec<String>,
    /// The date line as written, when there is one.
    pub dateline: Option<String>,
    /// The publication date as ISO 8601 (`2017-07-21`), when known.
    pub published: Option<String>,
    /// The `url` of a JSONL record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Where the title is in `text`.
    pub title_span: Option<Span>,
    /// Where the deck is in `text`.
    pub deck_span: Option<Span>,
    /// Body paragraphs, in order.
    pub paragraphs: Vec<Span>,
    /// Sentences of the body (and of title and deck), in order.
    pub sentences: Vec<Span>,
    /// Spans that are not body.
    pub furniture: Vec<Furniture>,
    /// The id as people read it in this corpus ([`crate::text::short_ids`]); empty until the
    /// corpus is known.
    #[serde(skip)]
    pub short: String,
}

impl Article {
    /// The id as people read it: whole segments of it, fewest that tell it apart in its corpus
    /// ("afghan" for "GUM_news_afghan", "sport/199"); the full id until the corpus is known.
    pub fn short_id(&self) -> &str {
        if self.short.is_empty() {
            &self.id
        } else {
            &self.short
        }
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// True when `span` lies inside one body paragraph (not the headline or the deck).
    pub fn in_body(&self, span: Span) -> bool {
        let p = self.paragraphs.partition_point(|p| p.start <= span.start);
        p > 0 && self.paragraphs[p - 1].contains(span)
    }

    /// Number of words in the body.
    pub fn word_count(&self) -> usize {
        self.paragraphs
            .iter()
            .map(|p| count_words(self.slice(*p)))
            .sum()
    }
}

/// How [`count_words`] reads a byte: part of a word, ASCII whitespace, a continuation byte (of
/// the character before it), or the lead byte of a character that may be whitespace (U+0085 to
/// U+3000 begin with these four).
const WORD: u8 = 0;
const SPACE: u8 = 1;
const CONTINUATION: u8 = 2;
const MAYBE_SPACE: u8 = 3;
static WORD_BYTES: [u8; 256] = {
    let mut table = [WORD; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => SPACE,
            0x80..=0xbf => CONTINUATION,
            0xc2 | 0xe1 | 0xe2 | 0xe3 => MAYBE_SPACE,
            _ => WORD,
        };
        b += 1;
    }
    table
};

/// The words of `s` as `split_whitespace` counts them. Text without whitespace outside ASCII
/// (most news: a pound sign, a curly quote or a dash is no obstacle) is counted as word starts,
/// a byte that is no space after one that is, in loops without branches that the compiler turns
/// into vector code; other text goes byte by byte through a table.
pub fn count_words(s: &str) -> usize {
    let bytes = s.as_bytes();
    if has_wide_space(bytes) {
        return count_words_by_table(s);
    }
    let space = |b: u8| (b == b' ') | (b.wrapping_sub(b'\t') < 5);
    // A byte after an ASCII space, like the first, begins a character.
    let first = bytes.first().map_or(0, |&b| usize::from(!space(b)));
    let after = bytes.get(1..).unwrap_or_default();
    // Counted in 32 bits a chunk (which vectorises better than 64), summed in 64.
    const CHUNK: usize = 1 << 24;
    first
        + bytes
            .chunks(CHUNK)
            .zip(after.chunks(CHUNK))
            .map(|(before, next)| {
                before
                    .iter()
                    .zip(next)
                    .map(|(&before, &b)| u32::from(space(before) & !space(b)))
                    .sum::<u32>() as usize
            })
            .sum::<usize>()
}

/// True when `bytes` may hold a whitespace character outside ASCII (U+0085, U+00A0, U+1680,
/// U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F, U+3000), read by its first bytes; a text
/// that ends in a lead byte of one is taken to.
fn has_wide_space(bytes: &[u8]) -> bool {
    let tail = bytes.len().saturating_sub(2);
    let wide = |(&a, (&b, &c)): (&u8, (&u8, &u8))| {
        let tri = |x: u8, y: u8, z: u8| (a == x) & (b == y) & (c == z);
        ((a == 0xc2) & ((b == 0x85) | (b == 0xa0)))
            | ((a == 0xe1) & (b == 0x9a))
            | ((a == 0xe2) & (b == 0x80) & ((c <= 0x8a) | (c == 0xa8) | (c == 0xa9) | (c == 0xaf)))
            | tri(0xe2, 0x81, 0x9f)
            | tri(0xe3, 0x80, 0x80)
    };
    let (second, third) = (
        bytes.get(1..).unwrap_or_default(),
        bytes.get(2..).unwrap_or_default(),
    );
    bytes
        .iter()
        .zip(second.iter().zip(third))
        .fold(false, |seen, triple| seen | wide(triple))
        || bytes
            .get(tail..)
            .unwrap_or_default()
            .iter()
            .any(|&b| WORD_BYTES[usize::from(b)] == MAYBE_SPACE)
}

/// [`count_words`] for any text, read byte by byte through a table: only the lead bytes of the
/// characters outside ASCII that can be whitespace are decoded, and a continuation byte is
/// whatever its character is.
fn count_words_by_table(s: &str) -> usize {
    let mut words = 0;
    let mut gap = true;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        match WORD_BYTES[usize::from(b)] {
            WORD => {
                words += usize::from(gap);
                gap = false;
            }
            SPACE => gap = true,
            CONTINUATION => {}
            _ => {
                let space = s
                    .get(i..)
                    .and_then(|rest| rest.chars().next())
                    .is_some_and(char::is_whitespace);
                words += usize::from(gap && !space);
                gap = space;
            }
        }
    }
    words
}

/// A problem met while loading; the load goes on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// The file or folder concerned.
    pub path: String,
    /// What happened, in one line.
    pub message: String,
}

impl Warning {
    /// A warning about `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Warning {
            path: path.into(),
            message: message.into(),
        }
    }
}

/// Make every id unique: an id already taken by an earlier one becomes the first free
/// `ID{sep}N` (N from 2). Returns, for each id changed, its index and the id it had.
pub fn make_unique<'a>(
    ids: impl Iterator<Item = &'a mut String>,
    sep: &str,
) -> Vec<(usize, String)> {
    use std::collections::{HashMap, HashSet};
    let mut ids: Vec<&mut String> = ids.collect();
    let mut taken: HashSet<String> = HashSet::with_capacity(ids.len());
    let mut clashes = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        if !taken.insert(id.to_string()) {
            clashes.push(i);
        }
    }
    let mut next: HashMap<String, usize> = HashMap::new();
    let mut changed = Vec::with_capacity(clashes.len());
    for i in clashes {
        let old = ids[i].clone();
        let n = next.entry(old.clone()).or_insert(2);
        let mut id = format!("{old}{sep}{n}");
        while taken.contains(&id) {
            *n += 1;
            id = format!("{old}{sep}{n}");
        }
        *n += 1;
        taken.insert(id.clone());
        *ids[i] = id;
        changed.push((i, old));
    }
    changed
}
