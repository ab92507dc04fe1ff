//! Sentence splitting that knows abbreviations, initials, dotted acronyms, decimals and quotes.

use crate::model::Span;
use crate::words::{MAYBE_END, NEVER_END, OPENERS};

/// Split `span` of `text` into sentence spans, trimmed of surrounding whitespace.
pub fn split(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let Some(slice) = text.get(span.start..span.end) else {
        return out;
    };
    let bytes = slice.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'.' || b == b'!' || b == b'?' {
            let mut end = i + 1;
            // Closing punctuation and quotes belong to the sentence they close.
            loop {
                let rest = &slice[end..];
                if let Some(c) = rest.chars().next() {
                    if matches!(c, '.' | '!' | '?' | '"' | '\'' | ')' | ']' | '”' | '’') {
                        end += c.len_utf8();
                        continue;
                    }
                }
                break;
            }
            let rest = &slice[end..];
            let ws = rest.len() - rest.trim_start().len();
            if ws == 0 && end < slice.len() {
                i = end;
                continue;
            }
            let next_start = end + ws;
            if next_start >= slice.len() || ends_sentence(slice, i, b, &slice[next_start..]) {
                push_trimmed(&mut out, slice, span.start, start, end);
                start = next_start;
            }
            i = end.max(i + 1);
            continue;
        }
        i += 1;
    }
    push_trimmed(&mut out, slice, span.start, start, slice.len());
    out
}

fn push_trimmed(out: &mut Vec<Span>, slice: &str, base: usize, start: usize, end: usize) {
    let Some(piece) = slice.get(start..end) else {
        return;
    };
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let s = base + start + lead;
        out.push(Span::new(s, s + trimmed.len()));
    }
}

/// Decide whether the punctuation at `at` ends a sentence, given what follows it.
fn ends_sentence(slice: &str, at: usize, mark: u8, next: &str) -> bool {
    let first = next.chars().next().unwrap_or(' ');
    let opens = first.is_uppercase()
        || first.is_ascii_digit()
        || matches!(first, '"' | '“' | '‘' | '\'' | '(' | '[' | '-' | '–' | '—');
    if !opens {
        return false;
    }
    if mark != b'.' {
        return true;
    }
    let before = &slice[..at];
    let token_start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘'))
        .map(|p| p + before[p..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let token = &before[token_start..];
    if token.is_empty() {
        return true;
    }
    let next_word: &str = next
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    // The abbreviations are short: longer words are looked up in neither list.
    if NEVER_END.contains(&token) {
        return false;
    }
    if MAYBE_END.contains(&token) {
        return OPENERS.contains(&next_word);
    }
    // A single initial ("J. K. Rowling").
    let mut chars = token.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return false;
        }
    }
    // A dotted acronym ("U.S", "D.C", "a.m").
    if token.contains('.') && token.chars().all(|c| c.is_alphabetic() || c == '.') {
        return OPENERS.contains(&next_word);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text, Span::new(0, text.len()))
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn titles_and_initials_do_not_end_sentences() {
        assert_eq!(
            sentences("Mr Li met Dr. Tan. J. K. Rowling wrote. Then he left."),
            vec![
                "Mr Li met Dr. Tan.",
                "J. K. Rowling wrote.",
                "Then he left."
            ]
        );
    }

    #[test]
    fn numbers_and_decimals_stay_whole() {
        assert_eq!(
            sentences("It grew to US$17.4 billion. No. 5 District joined. Fine."),
            vec![
                "It grew to US$17.4 billion.",
                "No. 5 District joined.",
                "Fine."
            ]
        );
    }

    #[test]
    fn dotted_acronyms_end_a_sentence_only_before_an_opener() {
        assert_eq!(
            sentences("He flew to the U.S. The visit ended. Washington D.C. Mayor spoke."),
            vec![
                "He flew to the U.S.",
                "The visit ended.",
                "Washington D.C. Mayor spoke."
            ]
        );
    }

    #[test]
    fn company_suffixes_do_not_split_names() {
        assert_eq!(
            sentences("CrimsonLogic Pte Ltd. signed. Acme Co. It grew."),
            vec!["CrimsonLogic Pte Ltd. signed.", "Acme Co.", "It grew."]
        );
    }

    #[test]
    fn quotations_close_with_their_sentence() {
        assert_eq!(
            sentences("\"We want it.\" He said so. \"Why?\" she asked. \"Go!\" It ended."),
            vec![
                "\"We want it.\"",
                "He said so.",
                "\"Why?\" she asked.",
                "\"Go!\"",
                "It ended."
            ]
        );
        assert_eq!(
            sentences("“Strengthening it is key,” the mayor said. Gong left."),
            vec!["“Strengthening it is key,” the mayor said.", "Gong left."]
        );
    }

    #[test]
    fn spans_are_offsets_into_the_whole_text() {
        let text = "Title\n\nOne. Two.";
        let spans = split(text, Span::new(7, text.len()));
        assert_eq!(spans, vec![Span::new(7, 11), Span::new(12, 16)]);
    }
}
