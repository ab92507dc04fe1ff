//! Word tokens with byte spans, the unit the extractors work on.

use crate::model::Span;

/// A word or punctuation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token's text.
    pub text: &'a str,
    /// Where it is in the article text.
    pub span: Span,
    /// True for words (letters or digits), false for punctuation.
    pub is_word: bool,
}

impl<'a> Token<'a> {
    /// First character is an uppercase letter.
    pub fn is_capitalised(&self) -> bool {
        self.is_word
            && match self.text.as_bytes().first() {
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => self.text.chars().next().is_some_and(char::is_uppercase),
            }
    }

    /// Two or more letters, all uppercase ("SSCCC", "U.S.").
    pub fn is_all_caps(&self) -> bool {
        if !self.is_word
            || self
                .text
                .as_bytes()
                .first()
                .is_some_and(u8::is_ascii_lowercase)
            || !self
                .text
                .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        {
            return false;
        }
        let mut letters = 0;
        for c in self.text.chars() {
            if c.is_lowercase() {
                return false;
            }
            if c.is_alphabetic() {
                letters += 1;
            }
        }
        letters >= 2
    }

    /// Starts with a digit.
    pub fn is_number(&self) -> bool {
        self.is_word && self.text.chars().next().is_some_and(|c| c.is_ascii_digit())
    }
}

fn joins(prev: char, c: char, next: Option<char>) -> bool {
    let next_alnum = next.is_some_and(char::is_alphanumeric);
    match c {
        '-' | '‐' | '&' => prev.is_alphanumeric() && next_alnum,
        '\'' | '’' => prev.is_alphabetic() && next.is_some_and(char::is_alphabetic),
        '.' => {
            // Dotted acronyms (U.S.) and decimals (17.4).
            (prev.is_uppercase() && next.is_some_and(char::is_uppercase))
                || (prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()))
        }
        ',' => prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
        _ => false,
    }
}

/// The character at byte `i` of `s`, if `i` is inside it: ASCII without decoding.
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii() {
        Some(char::from(b))
    } else {
        s.get(i..)?.chars().next()
    }
}

/// How the tokenizer treats a byte: ASCII bytes are classed at once, the others decoded.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Alnum,
    Punct,
    NonAscii,
}

const CLASSES: [Class; 256] = {
    let mut t = [Class::NonAscii; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            Class::Alnum
        } else if c.is_ascii_whitespace() || c == 0x0b {
            Class::Space
        } else {
            Class::Punct
        };
        b += 1;
    }
    t
};

/// Tokenise `span` of `text`: words keep inner hyphens, apostrophes, ampersands, dots of
/// acronyms and decimal points; a dotted acronym keeps its final dot ("U.S.").
pub fn tokenize(text: &str, span: Span) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    tokenize_into(text, span, &mut out);
    out
}

/// The tokens of several spans of one text (an article's sentences), kept packed and decoded
/// one span at a time into a reused buffer: each token is four bytes (its distance from the
/// last token's end, its length and whether it is a word), so a corpus keeps every article's
/// tokens between passes in less than its text (a token of 32 KB or more, or after a gap of
/// 64 KB or more, takes twelve).
#[derive(Debug, Default)]
pub struct Units<'a> {
    text: &'a str,
    tokens: Vec<u32>,
    /// Where each span's entries end in `tokens`.
    ends: Vec<u32>,
    /// Each span's first byte, from which its first token's gap counts.
    starts: Vec<usize>,
}

/// The gap field of an entry whose gap and length follow it in two entries of their own.
const WIDE: u32 = 0xffff;
/// Longest length an entry holds itself.
const MAX_LEN: usize = 0x7fff;

fn push_token(tokens: &mut Vec<u32>, pos: usize, t: &Token) {
    let gap = t.span.start.saturating_sub(pos);
    let len = t.span.len();
    let word = u32::from(t.is_word);
    if gap < WIDE as usize && len <= MAX_LEN {
        tokens.push((gap as u32) << 16 | (len as u32) << 1 | word);
    } else {
        let wide = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        tokens.extend([WIDE << 16 | word, wide(gap), wide(len)]);
    }
}

impl<'a> Units<'a> {
    /// Tokenise each of `spans` of `text`.
    pub fn of(text: &'a str, spans: &[Span]) -> Units<'a> {
        Self::of_seen(text, spans, |_| {})
    }

    /// Tokenise each of `spans` of `text`, showing `see` each span's tokens as they are made
    /// (a pass that needs them once reads them here instead of decoding them again).
    pub fn of_seen(text: &'a str, spans: &[Span], mut see: impl FnMut(&[Token<'a>])) -> Units<'a> {
        let bytes: usize = spans.iter().map(Span::len).sum();
        let mut units = Units {
            text,
            tokens: Vec::with_capacity(bytes / 4 + 8),
            ends: Vec::with_capacity(spans.len()),
            starts: Vec::with_capacity(spans.len()),
        };
        let mut buf = Vec::new();
        for span in spans {
            buf.clear();
            tokenize_into(text, *span, &mut buf);
            see(&buf);
            let mut pos = span.start;
            for t in &buf {
                push_token(&mut units.tokens, pos, t);
                pos = t.span.end;
            }
            units.ends.push(units.tokens.len() as u32);
            units.starts.push(span.start);
        }
        units
    }

    /// The number of spans.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when there are no spans.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The tokens of span `i`.
    pub fn get(&self, i: usize) -> Vec<Token<'a>> {
        let mut out = Vec::new();
        self.decode(i, &mut out);
        out
    }

    fn decode(&self, i: usize, out: &mut Vec<Token<'a>>) {
        let start = i.checked_sub(1).map_or(0, |p| self.ends[p] as usize);
        let end = self.ends.get(i).map_or(start, |&e| e as usize);
        let text = self.text;
        out.clear();
        let mut pos = self.starts.get(i).copied().unwrap_or_default();
        let mut entries = self.tokens.get(start..end).unwrap_or_default().iter();
        while let Some(&e) = entries.next() {
            let (gap, len) = if e >> 16 == WIDE {
                let gap = entries.next().copied().unwrap_or_default();
                let len = entries.next().copied().unwrap_or_default();
                (gap as usize, len as usize)
            } else {
                ((e >> 16) as usize, (e >> 1) as usize & MAX_LEN)
            };
            let from = pos + gap;
            pos = from + len;
            out.push(Token {
                text: text.get(from..pos).unwrap_or_default(),
                span: Span::new(from, pos),
                is_word: e & 1 == 1,
            });
        }
    }

    /// Call `f` with the index and the tokens of each span, in order, decoded into one reused
    /// buffer.
    pub fn each(&self, mut f: impl FnMut(usize, &[Token<'a>])) {
        let mut buf = Vec::new();
        for i in 0..self.len() {
            self.decode(i, &mut buf);
            f(i, &buf);
        }
    }

    /// The tokens without their text, to be kept between passes.
    pub fn pack(mut self) -> PackedUnits {
        self.tokens.shrink_to_fit();
        PackedUnits {
            tokens: self.tokens,
            ends: self.ends,
            starts: self.starts,
        }
    }
}

/// [`Units`] without their text.
#[derive(Debug, Default)]
pub struct PackedUnits {
    tokens: Vec<u32>,
    ends: Vec<u32>,
    starts: Vec<usize>,
}

impl PackedUnits {
    /// The tokens again, over the `text` they were made from.
    pub fn unpack(self, text: &str) -> Units<'_> {
        Units {
            text,
            tokens: self.tokens,
            ends: self.ends,
            starts: self.starts,
        }
    }
}

/// Append the tokens of `span` of `text` to `out`.
pub fn tokenize_into<'a>(text: &'a str, span: Span, out: &mut Vec<Token<'a>>) {
    let Some(slice) = text.get(span.start..span.end) else {
        return;
    };
    let bytes = slice.as_bytes();
    let class = |j: usize| bytes.get(j).map(|&b| CLASSES[usize::from(b)]);
    let mut i = 0;
    while let Some(cl) = class(i) {
        // ASCII bytes are classed by the table; other characters are decoded and asked.
        let c = match cl {
            Class::NonAscii => match char_at(slice, i) {
                Some(c) => c,
                None => break,
            },
            _ => char::from(bytes[i]),
        };
        let (space, alnum) = match cl {
            Class::NonAscii => (c.is_whitespace(), c.is_alphanumeric()),
            _ => (cl == Class::Space, cl == Class::Alnum),
        };
        if space {
            i += c.len_utf8();
            continue;
        }
        if !alnum {
            let end = i + c.len_utf8();
            out.push(Token {
                text: &slice[i..end],
                span: Span::new(span.start + i, span.start + end),
                is_word: false,
            });
            i = end;
            continue;
        }
        // A word: letters and digits, with joining punctuation between them.
        let start = i;
        let mut prev = c;
        let mut j = i + c.len_utf8();
        loop {
            let run = j;
            while class(j) == Some(Class::Alnum) {
                j += 1;
            }
            if j > run {
                prev = char::from(bytes[j - 1]);
            }
            let Some(cj) = char_at(slice, j) else { break };
            if cj.is_alphanumeric() {
                prev = cj;
                j += cj.len_utf8();
                continue;
            }
            let after = j + cj.len_utf8();
            let next = char_at(slice, after);
            match next {
                Some(n) if joins(prev, cj, next) => {
                    prev = n;
                    j = after + n.len_utf8();
                }
                _ => break,
            }
        }
        let mut end = j;
        let word = &slice[start..end];
        // Keep the closing dot of a dotted acronym, and of a middle initial inside a name
        // ("George W. Bush": the initial, its dot, a space and a capital in the same sentence).
        let initial = || {
            let mut cs = word.chars();
            cs.next().is_some_and(char::is_uppercase)
                && cs.next().is_none()
                && bytes.get(end + 1) == Some(&b' ')
                && char_at(slice, end + 2).is_some_and(char::is_uppercase)
        };
        // And of the abbreviations that are part of a name: "St. Louis", "Mt. Hood", "Clay
        // Tice Jr.".
        let in_a_name = || {
            matches!(word, "Jr" | "Sr")
                || matches!(word, "St" | "Mt" | "Ft")
                    && bytes.get(end + 1) == Some(&b' ')
                    && char_at(slice, end + 2).is_some_and(char::is_uppercase)
        };
        if bytes.get(end) == Some(&b'.')
            && (word.contains('.') && word.chars().all(|c| c.is_uppercase() || c == '.')
                || initial()
                || in_a_name())
        {
            end += 1;
        }
        out.push(Token {
            text: &slice[start..end],
            span: Span::new(span.start + start, span.start + end),
            is_word: true,
        });
        i = end;
    }
}

/// Strip a possessive "'s" / "’s" (or a bare trailing apostrophe) from a word, giving the
/// shorter text and byte length.
pub fn strip_possessive(word: &str) -> &str {
    if !word.ends_with(['s', 'S']) {
        return word;
    }
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(w) = word.strip_suffix(suffix) {
            if !w.is_empty() {
                return w;
            }
        }
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s, Span::new(0, s.len()))
            .into_iter()
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn words_keep_their_inner_punctuation() {
        assert_eq!(
            words("Shanghai E&P's Ka-chiu paid US$17.4 billion, 4,321 ventures in the U.S. today."),
            vec![
                "Shanghai", "E&P's", "Ka-chiu", "paid", "US", "$", "17.4", "billion", ",", "4,321",
                "ventures", "in", "the", "U.S.", "today", "."
            ]
        );
        assert_eq!(
            words("“Hi,” he said"),
            vec!["“", "Hi", ",", "”", "he", "said"]
        );
    }

    #[test]
    fn packed_tokens_unpack_to_the_same_tokens() {
        let text = "Title\n\n“Shanghai’s E&P,” he said. US$17.4 billion in the U.S.";
        let spans = [Span::new(0, 5), Span::new(7, 37), Span::new(38, text.len())];
        let units = Units::of(text, &spans);
        let direct: Vec<Vec<Token>> = spans.iter().map(|s| tokenize(text, *s)).collect();
        let again = units.pack().unpack(text);
        assert_eq!(again.len(), spans.len());
        for (i, want) in direct.iter().enumerate() {
            assert_eq!(&again.get(i), want);
        }
        let mut seen = Vec::new();
        again.each(|i, toks| seen.push((i, toks.to_vec())));
        assert_eq!(seen.len(), 3);
        assert_eq!(seen[1].1, direct[1]);
        assert_eq!(again.get(1)[1].text, "Shanghai’s");
    }

    #[test]
    fn a_long_token_and_a_long_gap_unpack_whole() {
        let word = "a".repeat(40_000);
        let text = format!("Start{}{word} end.", " ".repeat(70_000));
        let spans = [Span::new(0, text.len())];
        let units = Units::of(&text, &spans).pack().unpack(&text);
        assert_eq!(units.get(0), tokenize(&text, spans[0]));
        assert_eq!(units.get(0)[1].text.len(), 40_000);
        assert_eq!(units.get(0)[2].text, "end");
    }

    #[test]
    fn possessives_come_off() {
        assert_eq!(strip_possessive("Shanghai’s"), "Shanghai");
        assert_eq!(strip_possessive("Xi"), "Xi");
    }
}
