//! Direct quotations, straight or curly, each with its speaker where the text allows.

use super::lexicon::{is_role_noun, PERSON_PRONOUNS, SPEECH_VERBS};
use super::names::{Kind, NameMention, RoleFact, DECIDED};
use super::tokens::tokenize;
use crate::model::{Article, Span};

/// A quotation in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteFact {
    /// The quoted words, without the quotation marks.
    pub span: Span,
    /// The speaker's canonical name in the article, when known.
    pub speaker: Option<String>,
}

/// Shortest quotation, in words, taken as speech without a verb of saying next to it.
const MIN_WORDS: usize = 5;

fn opens(prev: Option<char>) -> bool {
    prev.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | ':' | '-'))
}

/// Find quoted stretches in a paragraph: (open mark start, inner span, close mark end, closed).
fn quoted_spans(text: &str, para: Span) -> Vec<(usize, Span, usize, bool)> {
    let slice = &text[para.start..para.end];
    let mut out = Vec::new();
    // The open quotation: (mark start, inner start, mark).
    let mut open: Option<(usize, usize, char)> = None;
    // Only '"' and the curly marks (which start with the byte E2) matter: skip to them.
    let marks = slice
        .bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'"' || b == 0xE2)
        .map(|(i, _)| i);
    for i in marks {
        let Some(c) = slice.get(i..).and_then(|r| r.chars().next()) else {
            continue;
        };
        let prev = slice.get(..i).and_then(|r| r.chars().next_back());
        match (c, open) {
            ('“', None) => open = Some((i, i + c.len_utf8(), '“')),
            ('"', None) if opens(prev) => open = Some((i, i + 1, '"')),
            ('”', Some((ms, is, _))) | ('"', Some((ms, is, '"'))) => {
                out.push((
                    para.start + ms,
                    Span::new(para.start + is, para.start + i),
                    para.start + i + c.len_utf8(),
                    true,
                ));
                open = None;
            }
            _ => {}
        }
    }
    if let Some((ms, is, _)) = open {
        // A quotation running on to the next paragraph, as news style writes it.
        out.push((
            para.start + ms,
            Span::new(para.start + is, para.end),
            para.end,
            false,
        ));
    }
    out
}

/// Everything known about people in the article, for attribution.
struct People<'a> {
    mentions: &'a [NameMention],
    roles: &'a [RoleFact],
}

impl People<'_> {
    fn person_at(&self, span: Span) -> Option<&NameMention> {
        self.mentions
            .iter()
            .find(|m| span.contains(m.span) && is_person(m))
    }

    /// Who "he" or "she" is: in the latest sentence before `pos` that names a person, the one
    /// who speaks there ("Gong said ..."), else the first named (the subject, as a rule).
    fn pronoun_before(&self, text: &str, pos: usize) -> Option<&NameMention> {
        let last = self
            .mentions
            .iter()
            .filter(|m| m.span.end <= pos && is_person(m))
            .max_by_key(|m| m.span.start)?;
        let in_sentence: Vec<&NameMention> = self
            .mentions
            .iter()
            .filter(|m| m.sentence == last.sentence && m.span.end <= pos && is_person(m))
            .collect();
        in_sentence
            .iter()
            .find(|m| speaks_after(text, m.span))
            .or_else(|| {
                in_sentence
                    .iter()
                    .find(|m| !text[m.span.end..].starts_with(['\'', '’']))
            })
            .copied()
            .or(Some(last))
    }

    fn by_role(&self, role: &str, pos: usize) -> Option<String> {
        let role = role.to_lowercase();
        let holders: Vec<&str> = self
            .roles
            .iter()
            .filter(|r| {
                r.title
                    .to_lowercase()
                    .split(|c: char| !c.is_alphabetic())
                    .any(|w| w == role)
            })
            .map(|r| r.person.as_str())
            .collect();
        // The holder mentioned most recently before the quotation.
        self.mentions
            .iter()
            .filter(|m| m.span.end <= pos && holders.contains(&m.canonical.as_str()))
            .max_by_key(|m| m.span.start)
            .map(|m| m.canonical.clone())
            .or_else(|| holders.first().map(|s| s.to_string()))
    }
}

/// A verb of saying right after a name: "Ning said".
fn speaks_after(text: &str, span: Span) -> bool {
    let rest = text[span.end..].trim_start();
    let word: &str = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    SPEECH_VERBS.contains(&word)
}

fn is_person(m: &NameMention) -> bool {
    let (k, s) = m.scores.best();
    k == Kind::Person && s >= DECIDED
}

/// Who is named as speaking in `window` (the words next to the quotation)?
fn speaker_in(
    text: &str,
    window: Span,
    quote_start: usize,
    people: &People,
) -> Option<Option<String>> {
    let toks = tokenize(text, window);
    let words: Vec<_> = toks.iter().filter(|t| t.is_word).take(12).collect();
    let verb_at = words
        .iter()
        .position(|t| SPEECH_VERBS.contains(&t.text) || t.text == "according")?;
    if verb_at > 8 {
        return None;
    }
    // A named person near the verb.
    let near = Span::new(
        window.start,
        words.get(verb_at + 4).map_or(window.end, |t| t.span.end),
    );
    if let Some(m) = people.person_at(near) {
        return Some(Some(m.canonical.clone()));
    }
    for t in &words {
        if PERSON_PRONOUNS.contains(&t.text) {
            return Some(
                people
                    .pronoun_before(text, quote_start)
                    .map(|m| m.canonical.clone()),
            );
        }
        if is_role_noun(t.text) && t.text.chars().next().is_some_and(char::is_lowercase) {
            return Some(people.by_role(t.text, quote_start));
        }
    }
    Some(None)
}

/// Find the quotations of an article and attribute them.
pub fn extract_quotes(
    article: &Article,
    mentions: &[NameMention],
    roles: &[RoleFact],
) -> Vec<QuoteFact> {
    let text = article.text.as_str();
    let people = People { mentions, roles };
    let mut out: Vec<QuoteFact> = Vec::new();
    let mut last_speaker: Option<String> = None;
    let mut carried = false; // the previous paragraph ended inside a quotation
    for para in &article.paragraphs {
        let spans = quoted_spans(text, *para);
        let starts_with_quote = spans.first().is_some_and(|q| q.0 == para.start);
        let mut para_quotes: Vec<QuoteFact> = Vec::new();
        for (mark_start, inner, mark_end, closed) in spans {
            let words = text[inner.start..inner.end].split_whitespace().count();
            // After the quote: to the end of the sentence.
            let after_end = text[mark_end..para.end]
                .find(['.', '!', '?'])
                .map_or(para.end, |p| mark_end + p);
            let after = Span::new(mark_end, after_end);
            // Before the quote: back to the previous sentence end, and it must end in ':' or ','.
            let before_start = text[para.start..mark_start]
                .char_indices()
                .rfind(|&(_, c)| matches!(c, '.' | '!' | '?' | '”' | '"'))
                .map_or(para.start, |(p, c)| para.start + p + c.len_utf8());
            let before = Span::new(before_start, mark_start);
            let before_txt = text[before.start..before.end].trim_end();
            let mut speaker = if closed {
                speaker_in(text, after, mark_start, &people)
            } else {
                None
            };
            if speaker.is_none() && (before_txt.ends_with(':') || before_txt.ends_with(',')) {
                speaker = speaker_in(text, before, mark_start, &people);
            }
            let attributed = speaker.is_some();
            if !attributed && words < MIN_WORDS {
                continue; // a quoted word or phrase, not a quotation
            }
            let who = match speaker {
                Some(s) => s,
                // A paragraph that is all quotation continues the previous speaker.
                None if starts_with_quote && (carried || last_speaker.is_some()) => {
                    last_speaker.clone()
                }
                None => None,
            };
            // Trim the closing comma or space inside the marks.
            let inner_text = &text[inner.start..inner.end];
            let trimmed = inner_text.trim_end_matches([',', ' ']).trim_start();
            let lead = inner_text.len() - inner_text.trim_start().len();
            let span = Span::new(inner.start + lead, inner.start + lead + trimmed.len());
            if span.is_empty() {
                continue;
            }
            para_quotes.push(QuoteFact { span, speaker: who });
            carried = !closed;
        }
        // A quotation opened without a speaker and attributed later in the paragraph
        // ("The defining feature ... " then "...," he said) shares that speaker.
        if let Some(known) = para_quotes.iter().rev().find_map(|q| q.speaker.clone()) {
            for q in para_quotes.iter_mut().filter(|q| q.speaker.is_none()) {
                q.speaker = Some(known.clone());
            }
            last_speaker = Some(known);
        } else if !para_quotes.is_empty() && !starts_with_quote {
            last_speaker = None;
        }
        if para_quotes.is_empty() {
            carried = false;
            // A paragraph of reported speech ("Ning said this was ...") makes its speaker the
            // one a following all-quotation paragraph continues; any other named person ends the run.
            let in_para: Vec<&NameMention> = people
                .mentions
                .iter()
                .filter(|m| para.contains(m.span) && is_person(m))
                .collect();
            if let Some(sayer) = in_para.iter().find(|m| speaks_after(text, m.span)) {
                last_speaker = Some(sayer.canonical.clone());
            } else if !in_para.is_empty() {
                last_speaker = None;
            }
        }
        out.extend(para_quotes);
    }
    // Run-on quotations whose attribution comes in the next paragraph ("...world," he said).
    for i in (0..out.len().saturating_sub(1)).rev() {
        if out[i].speaker.is_none() && out[i + 1].speaker.is_some() {
            let next_para = article
                .paragraphs
                .iter()
                .position(|p| p.contains(out[i + 1].span));
            let this_para = article
                .paragraphs
                .iter()
                .position(|p| p.contains(out[i].span));
            if let (Some(a), Some(b)) = (this_para, next_para) {
                let ends_in_straight_quote = text
                    .get(article.paragraphs[a].start..article.paragraphs[a].end)
                    .is_some_and(|p| p.ends_with('"'));
                if b == a + 1 && !ends_in_straight_quote {
                    out[i].speaker = out[i + 1].speaker.clone();
                }
            }
        }
    }
    out
}
