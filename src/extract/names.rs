//! Names in an article: capitalised runs found, titles split off, kinds decided from evidence,
//! and short forms and acronyms joined to the full names they stand for.

use super::lexicon::*;
use super::memo::{self, Fact};
use super::tokens::{strip_possessive, PackedUnits, Token, Units};
use crate::gazetteer::{self, PlaceKind};
pub use crate::model::Kind;
use crate::model::{Article, Span};
pub use crate::text::{initials, is_acronym};
use rustc_hash::FxHashSet as HashSet;
use std::borrow::Cow;
use std::sync::Arc;

/// Evidence for each kind, summed.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores(pub [f32; 5]);

impl Scores {
    /// Add `w` of evidence for `kind`.
    pub fn add(&mut self, kind: Kind, w: f32) {
        self.0[kind.index()] += w;
    }

    /// True when some kind has any evidence.
    pub fn any(&self) -> bool {
        self.0.iter().any(|v| *v > 0.0)
    }

    /// All the evidence together.
    pub fn total(&self) -> f32 {
        self.0.iter().sum()
    }

    /// Add another set of scores.
    pub fn merge(&mut self, other: &Scores) {
        for i in 0..5 {
            self.0[i] += other.0[i];
        }
    }

    /// Keep the stronger evidence of the two for each kind.
    pub fn max_with(&mut self, other: &Scores) {
        for i in 0..5 {
            self.0[i] = self.0[i].max(other.0[i]);
        }
    }

    /// The best kind and its score.
    pub fn best(&self) -> (Kind, f32) {
        let mut best = (Kind::Person, self.0[0]);
        for k in Kind::ALL {
            if self.0[k.index()] > best.1 {
                best = (k, self.0[k.index()]);
            }
        }
        best
    }
}

/// Evidence at or above this decides a kind.
pub const DECIDED: f32 = 2.0;

/// A name found in the text, before corpus-wide resolution.
#[derive(Debug, Clone)]
pub struct NameMention {
    /// Where the name (without title or possessive) is.
    pub span: Span,
    /// The full name it stands for in this article (itself, or the earlier full form).
    pub canonical: String,
    /// Evidence for each kind.
    pub scores: Scores,
    /// True when the kind came from a full form earlier in the article.
    pub linked: bool,
    /// Index of the sentence it is in.
    pub sentence: usize,
    /// `text::name_key(canonical)`, filled in once linking is done.
    pub key: Arc<str>,
}

impl NameMention {
    /// The name as written: its span of the article's `text`.
    pub fn surface<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.span.start..self.span.end).unwrap_or_default()
    }
}

/// A role a person holds, per article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleFact {
    /// The person's canonical name in the article.
    pub person: String,
    /// The title ("Mayor", "Minister for Culture, Community and Youth").
    pub title: String,
    /// The organisation or place it belongs to.
    pub of: Option<String>,
}

/// Collect, in one pass over an article's tokens, what the corpus shows of its words: the words
/// it writes in lowercase; the acronyms it uses as common nouns ("DVDs"; "a PC and"); the
/// capitalised words it shows acting ("BT said", "Yukos's"); and the titles it introduces with a
/// work noun ("the drama Vera Drake").
fn scan_tokens<'a>(toks: &[Token<'a>], lex: &mut Lexicon<'a>) {
    {
        for (k, t) in toks.iter().enumerate() {
            if !t.is_word {
                continue;
            }
            let w = t.text;
            let Some(first) = w.chars().next() else {
                continue;
            };
            if first.is_lowercase() {
                let bare = strip_possessive(w);
                if bare.len() > 1 {
                    lex.lowercase.insert(bare);
                }
                continue;
            }
            if !first.is_uppercase() {
                continue;
            }
            let prev = k.checked_sub(1).map(|i| &toks[i]).filter(|p| p.is_word);
            let next = toks.get(k + 1).filter(|n| n.is_word);
            // Acronyms as common nouns: plural, or after "a"/"an" before a function word.
            if w.len() >= 3 && w.ends_with('s') && is_acronym(&w[..w.len() - 1]) {
                lex.common_acronyms.insert(&w[..w.len() - 1]);
            } else if prev.is_some_and(|p| matches!(p.text, "a" | "an"))
                && next.is_some_and(|n| {
                    matches!(
                        n.text,
                        "and"
                            | "or"
                            | "with"
                            | "for"
                            | "to"
                            | "that"
                            | "which"
                            | "in"
                            | "on"
                            | "at"
                            | "is"
                            | "was"
                    )
                })
                && is_acronym(w)
            {
                lex.common_acronyms.insert(w);
            }
            // A work: capitalised words after a work noun, at most four, "The" dropped.
            if prev.is_some_and(|p| gazetteer::with_lowercase(p.text, |l| WORK_NOUNS.contains(&l)))
            {
                let mut title: Vec<&str> = Vec::new();
                for t in toks[k..].iter().take(4) {
                    if !t.is_capitalised() {
                        break;
                    }
                    let bare = strip_possessive(t.text);
                    title.push(bare);
                    if bare.len() != t.text.len() {
                        break;
                    }
                }
                if title.first() == Some(&"The") {
                    title.remove(0);
                }
                if !title.is_empty() {
                    lex.works.insert(title.join(" "));
                }
            }
            // An actor: a possessor (not "the DS's", not "Nintendo DS's"), or a subject of a
            // verb that organisations and people do.
            let owner = strip_possessive(w);
            if owner.len() < w.len() {
                let inside = prev.is_some_and(|p| {
                    p.text.eq_ignore_ascii_case("the") || p.text.starts_with(char::is_uppercase)
                });
                if !inside {
                    lex.agents.insert(owner);
                }
            } else if next.is_some_and(|n| AGENT_VERBS.contains(&n.text)) {
                lex.agents.insert(w);
            }
        }
    }
}

/// Corpus-wide knowledge gathered before extraction, borrowing its words from the articles.
#[derive(Debug, Default)]
pub struct Lexicon<'a> {
    /// Words seen in lowercase.
    lowercase: HashSet<&'a str>,
    /// Acronyms used as common nouns: after "a"/"an", or with a plural "s" ("PCs", "a DVD").
    common_acronyms: HashSet<&'a str>,
    /// Titles of works: the capitalised words after "film", "album", "novel"... ("Vera Drake").
    works: HashSet<String>,
    /// Capitalised words seen acting: a possessor, or the subject of "said", "announced"...
    agents: HashSet<&'a str>,
}

impl<'a> Lexicon<'a> {
    /// Tokenise and scan `articles`.
    pub fn from_articles(articles: &'a [Article]) -> Lexicon<'a> {
        Lexicon::from_articles_keeping_tokens(articles).0
    }

    /// Tokenise and scan `articles`, a few large chunks per thread so that few partial sets are
    /// merged, and keep each article's tokens, packed, so that extraction need not tokenise
    /// again.
    ///
    /// An article whose scan panics (a bug in dossier) gets no tokens and is listed in the third
    /// part, by index, with the panic's message.
    pub fn from_articles_keeping_tokens(
        articles: &'a [Article],
    ) -> (Lexicon<'a>, Vec<PackedUnits>, Vec<(usize, String)>) {
        use rayon::prelude::*;
        let pieces = rayon::current_num_threads().max(1) * 4;
        let chunk = chunk_len(articles.len(), pieces);
        articles
            .par_chunks(chunk)
            .enumerate()
            .map(|(ci, chunk)| {
                let mut lex = Lexicon::default();
                let mut packed = Vec::with_capacity(chunk.len());
                let mut failed = Vec::new();
                for (i, a) in chunk.iter().enumerate() {
                    let scanned = crate::isolate::isolated(|| {
                        Units::of_seen(&a.text, &crate::parse::text_units(a), |toks| {
                            scan_tokens(toks, &mut lex)
                        })
                        .pack()
                    });
                    match scanned {
                        Ok(p) => packed.push(p),
                        Err(msg) => {
                            packed.push(PackedUnits::default());
                            failed.push((ci * chunk_len(articles.len(), pieces) + i, msg));
                        }
                    }
                }
                (lex, packed, failed)
            })
            .reduce(
                Default::default,
                |(lex, mut packed, mut failed), (other, more, more_failed)| {
                    packed.extend(more);
                    failed.extend(more_failed);
                    (lex.merge(other), packed, failed)
                },
            )
    }

    fn merge(mut self, mut other: Lexicon<'a>) -> Lexicon<'a> {
        if self.lowercase.len() < other.lowercase.len() {
            std::mem::swap(&mut self, &mut other);
        }
        self.lowercase.extend(other.lowercase);
        self.common_acronyms.extend(other.common_acronyms);
        self.works.extend(other.works);
        self.agents.extend(other.agents);
        self
    }

    /// True when a capitalised word acts somewhere in the corpus: "BT said", "Yukos's".
    pub fn acts(&self, name: &str) -> bool {
        self.agents.contains(name)
    }

    /// True when a name is the title of a film, book, album or the like in this corpus.
    pub fn is_work(&self, name: &str) -> bool {
        self.works.contains(name)
    }

    /// True when an acronym is used as a common noun in the corpus ("a PC", "DVDs").
    pub fn is_common_acronym(&self, word: &str) -> bool {
        self.common_acronyms.contains(word)
    }

    /// True when `word`, lowercased, is used as an ordinary word somewhere in the corpus.
    pub fn is_common_word(&self, word: &str) -> bool {
        gazetteer::with_lowercase(word, |lower| {
            self.lowercase.contains(lower) || self.lowercase.contains(strip_possessive(lower))
        })
    }
}

/// Articles per chunk of the lexicon scan.
fn chunk_len(articles: usize, pieces: usize) -> usize {
    articles.div_ceil(pieces).max(1)
}

fn is_title_word(w: &str) -> bool {
    memo::ask(w, Fact::Title, title_word)
}

fn title_word(w: &str) -> bool {
    let g = gazetteer::get();
    if EXTRA_TITLES.contains(&w) || HONORIFICS.contains(&w) {
        return true;
    }
    if !w.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    gazetteer::with_lowercase(w, |lower| !NOT_TITLES.contains(&lower)) && g.is_title(w)
}

/// A lowercase word that can head an appositive role: "mayor", "vice-mayor", "member".
fn is_appositive_head(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
        && (is_role_noun(w)
            || w.split('-').any(is_role_noun)
            || (gazetteer::get().is_title(w) && !NOT_TITLES.contains(&w)))
}

fn is_head(list: &Words, w: &str) -> bool {
    list.contains(&w)
}

fn is_any_head(w: &str) -> bool {
    memo::ask(w, Fact::AnyHead, |w| {
        is_head(&ORG_HEADS, w)
            || is_head(&EVENT_HEADS, w)
            || is_head(&INITIATIVE_HEADS, w)
            || is_head(&PLACE_HEADS, w)
    })
}

/// A capitalised run of tokens (indices into the sentence's tokens).
#[derive(Debug, Clone)]
struct Run {
    start: usize,
    end: usize,
    /// Byte span of the name (possessive removed).
    span: Span,
}

/// Extract the names of one article.
pub fn extract_names(
    article: &Article,
    units: &Units,
    lex: &Lexicon,
) -> (Vec<NameMention>, Vec<RoleFact>) {
    extract_names_and(article, units, lex, |_, _| {})
}

/// [`extract_names`], showing `also` each unit's tokens on the way, so that another pass over
/// them (figures) needs no decoding of its own.
pub fn extract_names_and<'a>(
    article: &'a Article,
    units: &Units<'a>,
    lex: &Lexicon,
    mut also: impl FnMut(usize, &[Token<'a>]),
) -> (Vec<NameMention>, Vec<RoleFact>) {
    let text = article.text.as_str();
    let mut mentions: Vec<NameMention> = Vec::new();
    let mut roles: Vec<RoleFact> = Vec::new();
    // Capitalised words this article uses inside sentences: names even where they open one
    // ("Shell said" after "... the oil firm Shell").
    let mut named: HashSet<&str> = HashSet::default();
    units.each(|_, toks| {
        let first = toks.iter().position(|t| t.is_word).unwrap_or(0);
        for (k, t) in toks.iter().enumerate().skip(first + 1) {
            if !t.is_capitalised() {
                continue;
            }
            let after_quote = toks[k - 1]
                .text
                .chars()
                .all(|c| matches!(c, '"' | '“' | '‘' | '\'' | '(' | ':'));
            if !after_quote {
                named.insert(strip_possessive(t.text));
            }
        }
    });
    let mut found: Vec<Run> = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    units.each(|si, toks| {
        also(si, toks);
        if shouting(toks) {
            return;
        }
        runs(text, toks, lex, &named, &mut found);
        for run in found.drain(..) {
            analyse_run(
                text,
                toks,
                run,
                si,
                lex,
                &mut mentions,
                &mut roles,
                &mut words,
            );
        }
    });
    link_in_article(text, &mut mentions, &mut roles);
    name_the_unknown(text, &mut mentions, lex);
    // One key per name of the article, shared by its mentions.
    let mut keys: rustc_hash::FxHashMap<&str, Arc<str>> = rustc_hash::FxHashMap::default();
    let shared: Vec<Arc<str>> = mentions
        .iter()
        .map(|m| {
            keys.entry(m.canonical.as_str())
                .or_insert_with(|| crate::text::name_key(&m.canonical).into())
                .clone()
        })
        .collect();
    drop(keys);
    for (m, key) in mentions.iter_mut().zip(shared) {
        m.key = key;
    }
    (mentions, roles)
}

/// A single capitalised word with no evidence yet, used at least twice in the article and
/// neither an ordinary word, a person's name, a place nor a nationality, is a name of something
/// made: a company, product or body ("Microsoft", "Wikinews"). Nationalities are dropped.
fn name_the_unknown(text: &str, mentions: &mut Vec<NameMention>, lex: &Lexicon) {
    let g = gazetteer::get();
    // "The Aviator" mid-sentence: the title of a work, not a company.
    let titled: HashSet<String> = mentions
        .iter()
        .filter(|m| {
            let before = text[..m.span.start].trim_end_matches(' ');
            before.ends_with("The")
                && !before[..before.len() - 3]
                    .trim_end()
                    .ends_with(['.', '!', '?', '"', '“'])
                && before.len() > 3
        })
        .map(|m| m.canonical.clone())
        .collect();
    mentions.retain(|m| {
        !(m.scores.best().1 < DECIDED
            && !m.surface(text).contains(' ')
            && g.is_demonym(strip_possessive(m.surface(text))))
    });
    let mut counts: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for m in mentions.iter() {
        if !m.canonical.contains(' ') {
            *counts.entry(m.canonical.as_str()).or_insert(0) += 1;
        }
    }
    let promote: Vec<String> = counts
        .into_iter()
        .filter(|(w, n)| {
            *n >= 2
                && w.chars().count() >= 3
                && !w.contains(['\'', '’'])
                && !is_acronym(w)
                && !adjective_like(w)
                && !titled.contains(*w)
                && lex.acts(w)
                && !is_any_head(w)
                && !(w.ends_with('s')
                    && !w.ends_with("ss")
                    && !w.ends_with("us")
                    && !w.ends_with("is"))
                && !lex.is_common_word(w)
                && !g.is_given_name(w)
                && !g.is_surname(w)
                && g.place(w).is_none()
                && !CALENDAR.contains(w)
                && !is_title_word(w)
        })
        .map(|(w, _)| w.to_string())
        .collect();
    for m in mentions.iter_mut() {
        if m.scores.best().1 < DECIDED && promote.contains(&m.canonical) {
            m.scores.add(Kind::Organization, DECIDED);
        }
    }
}

/// Letters and digits mixed ("P2P", "MP3", "3G"): a technical term, not a body's initials.
fn technical_term(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit()) && w.chars().any(|c| c.is_ascii_alphabetic())
}

/// Words shaped like adjectives of nationality or place ("Irish", "Chinese", "Korean", "French").
fn adjective_like(w: &str) -> bool {
    ["sh", "ese", "ian", "ean", "an", "ch", "ic", "i"]
        .iter()
        .any(|s| w.ends_with(s))
        && gazetteer::get().place(w).is_none()
}

/// A headline in capitals: names cannot be told from words.
fn shouting(toks: &[Token]) -> bool {
    let (mut words, mut caps) = (0, 0);
    for t in toks.iter().filter(|t| t.is_word && !t.is_number()) {
        words += 1;
        if t.is_all_caps() {
            caps += 1;
        }
    }
    words >= 4 && caps * 10 >= words * 7
}

fn is_name_token(t: &Token) -> bool {
    t.is_capitalised() && t.text.chars().any(char::is_alphabetic)
}

fn has_possessive(t: &Token) -> bool {
    strip_possessive(t.text).len() != t.text.len()
}

/// Find the capitalised runs of a sentence, with their connectors, into `out`.
fn runs(text: &str, toks: &[Token], lex: &Lexicon, named: &HashSet<&str>, out: &mut Vec<Run>) {
    let first_word = toks.iter().position(|t| t.is_word).unwrap_or(0);
    let mut i = 0;
    while i < toks.len() {
        if !is_name_token(&toks[i]) || is_currency_prefix(toks, i) {
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
            if is_name_token(next) {
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
            let ok = match conn {
                "of" | "for" => {
                    // "District of Bobo Dioulasso" joins, but "Carabobo State of the ... Republic"
                    // is a place inside a place.
                    let place_only = is_head(&PLACE_HEADS, prev) && !is_head(&ORG_HEADS, prev);
                    let headed = (is_head(&OF_HEADS, prev) || is_title_word(prev))
                        && !(place_only && end - 1 != start && !STATE_FORMS.contains(&prev));
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
                            && gazetteer::get().place(last).is_none()
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
                || (at_sentence_start
                    && end - s == 1
                    && lex.is_common_word(bare)
                    && !named.contains(bare))
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
        while e > s
            && (NAME_CONNECTORS.contains(&toks[e - 1].text)
                || toks[e - 1].text == "the"
                || !toks[e - 1].is_word
                || CALENDAR.contains(&toks[e - 1].text))
        {
            e -= 1;
        }
        if e > s {
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

/// Forms of state whose "of" names the country: "Bolivarian Republic of Venezuela".
const STATE_FORMS: &[&str] = &[
    "Republic",
    "Kingdom",
    "Commonwealth",
    "Federation",
    "Emirates",
    "Union",
    "Principality",
    "Sultanate",
];

/// Heads whose complement may list several portfolios: "Ministry of Culture, Community and Youth".
const PORTFOLIO_HEADS: &[&str] = &[
    "Ministry",
    "Department",
    "Committee",
    "Commission",
    "Council",
    "Office",
    "Bureau",
    "Secretary",
    "Minister",
    "Director",
];

/// "US" in "US$17.4 billion" is part of a currency, not a name.
fn is_currency_prefix(toks: &[Token], i: usize) -> bool {
    toks.get(i + 1).is_some_and(|t| {
        matches!(t.text, "$" | "£" | "€" | "¥") && t.span.start == toks[i].span.end
    })
}

/// For a comma inside an of/for complement, where the list "A, B and C" ends, if it is one.
fn comma_list_end(toks: &[Token], comma: usize) -> Option<usize> {
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
fn run_ends_in_head(toks: &[Token], k: usize) -> bool {
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
fn run_words<'a>(toks: &[Token<'a>], run: &Run) -> Vec<&'a str> {
    let mut words = Vec::new();
    fill_run_words(toks, run, &mut words);
    words
}

/// Put the words of a run into `words`, possessive removed from the last.
fn fill_run_words<'a>(toks: &[Token<'a>], run: &Run, words: &mut Vec<&'a str>) {
    words.clear();
    words.extend(toks[run.start..run.end].iter().map(|t| t.text));
    if let Some(last) = words.last_mut() {
        *last = strip_possessive(last);
    }
}

/// `words`, slices of `text`, joined by single spaces: a slice of `text` itself when they are
/// written so there, which they nearly always are.
fn joined<'t>(text: &'t str, words: &[&str]) -> Cow<'t, str> {
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

/// Could these words (slices of `text`) be a person's name?
fn plausible_person(text: &str, words: &[&str]) -> bool {
    if words.is_empty() || words.len() > 4 {
        return false;
    }
    let g = gazetteer::get();
    if words.len() >= 2 && g.place(&joined(text, words)).is_some() {
        return false;
    }
    // A country's initials open a body's name, never a person's: "US Federal Reserve".
    if words.len() >= 2 && is_acronym(words[0]) && g.place(words[0]).is_some() {
        return false;
    }
    // Head words count only at the end: "Bill Gates" is a person, "Finance Bill" is not.
    !is_any_head(words[words.len() - 1]) && words.iter().all(|w| name_word(w))
}

/// Could `w` be one word of a person's name?
fn name_word(w: &str) -> bool {
    memo::ask(w, Fact::NameWord, compute_name_word)
}

fn compute_name_word(w: &str) -> bool {
    if !w.starts_with(char::is_uppercase)
        || !w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        || CALENDAR.contains(&w)
        || FUNCTION_WORDS.contains(&w)
        || is_title_word(w)
    {
        return false;
    }
    // "Shanghai-Hong Kong" joins places, not names.
    let g = gazetteer::get();
    !w.split('-').skip(usize::from(!w.contains('-'))).any(|p| {
        g.place(p)
            .is_some_and(|pl| pl.population >= 100_000 || pl.kind != PlaceKind::City)
    })
}

/// A lone word after a title ("Mr Li", "Baroness Scotland") is a name when it is a known
/// given name or surname, or no ordinary word and no place.
fn single_name_ok(w: &str, lex: &Lexicon) -> bool {
    let g = gazetteer::get();
    g.is_surname(w)
        || g.is_given_name(w)
        || (!lex.is_common_word(w) && g.place(w).is_none() && !is_acronym(w))
}

/// Person-name evidence from the gazetteers of given names and surnames.
fn name_evidence(words: &[&str]) -> f32 {
    let g = gazetteer::get();
    if words.len() < 2 {
        return 0.0;
    }
    let first = words[0];
    let last = words[words.len() - 1];
    let given_first = g.is_given_name(first);
    let surname_last = g.is_surname(last) || last.contains('-');
    let surname_first = g.is_surname(first);
    let known = words
        .iter()
        .filter(|w| g.is_given_name(w) || g.is_surname(w))
        .count();
    if given_first && (surname_last || g.is_given_name(last)) {
        2.5
    } else if given_first
        && words.len() == 2
        && !g.is_given_name(last)
        && g.place(last).is_none()
        && !is_any_head(last)
    {
        // "Andy Warhol": a given name, then a word that is no given name, place or head word.
        2.0
    } else if given_first || (surname_first && known == words.len()) {
        1.5
    } else if known >= 1 {
        1.0
    } else {
        0.0
    }
}

#[allow(clippy::too_many_arguments)]
fn analyse_run<'a>(
    text: &str,
    toks: &[Token<'a>],
    run: Run,
    sentence: usize,
    lex: &Lexicon,
    mentions: &mut Vec<NameMention>,
    roles: &mut Vec<RoleFact>,
    scratch: &mut Vec<&'a str>,
) {
    fill_run_words(toks, &run, scratch);
    let words: &[&str] = scratch;
    let g = gazetteer::get();

    // Titles before a name: "[Shanghai] [Vice Mayor] [Hua Yuan]".
    let last_title = words
        .iter()
        .rposition(|w| is_title_word(w))
        .filter(|&t| t + 1 < words.len() && plausible_person(text, &words[t + 1..]))
        .filter(|&t| {
            t + 2 < words.len()
                || gazetteer::get().is_surname(words[t + 1])
                || gazetteer::get().is_given_name(words[t + 1])
                || (HONORIFICS.contains(&words[t]) && single_name_ok(words[t + 1], lex))
        });
    if let Some(t) = last_title {
        let mut f = t;
        while f > 0 && is_title_word(words[f - 1]) {
            f -= 1;
        }
        let name_tok = run.start + t + 1;
        let span = Span::new(toks[name_tok].span.start, run.span.end);
        let name_words = &words[t + 1..];
        let title_words = &words[f..=t];
        let honorific_only = title_words.iter().all(|w| HONORIFICS.contains(w));
        let mut scores = Scores::default();
        scores.add(Kind::Person, 3.0 + name_evidence(name_words));
        let surface = text[span.start..span.end].to_string();
        if !honorific_only {
            let title: Vec<&str> = title_words
                .iter()
                .filter(|w| !HONORIFICS.contains(w))
                .copied()
                .collect();
            // "British Prime Minister": a nationality is not what the role is "of".
            let of = (f > 0)
                .then(|| words[..f].join(" "))
                .filter(|o| !(f == 1 && adjective_like(o)));
            roles.push(RoleFact {
                person: surface.clone(),
                title: expand_title(&title.join(" ")),
                of,
            });
        }
        if f > 0 {
            // The organisation or place before the title is a mention of its own.
            let pre = Run {
                start: run.start,
                end: run.start + f,
                span: Span::new(toks[run.start].span.start, toks[run.start + f - 1].span.end),
            };
            classify_and_push(text, toks, pre, sentence, lex, mentions, None);
        }
        let _ = lex;
        mentions.push(NameMention {
            span,
            canonical: surface,
            scores,
            linked: false,
            sentence,
            key: Arc::default(),
        });
        appositive_role(text, toks, run.end, mentions.len() - 1, mentions, roles);
        return;
    }
    // A run made only of titles and their complements is a role, not an entity.
    let last_word = words[words.len() - 1];
    if is_title_word(words[0])
        && !(is_head(&ORG_HEADS, last_word)
            || is_head(&EVENT_HEADS, last_word)
            || is_head(&INITIATIVE_HEADS, last_word))
    {
        return;
    }
    // A known place followed by a person's name: "United States Hamdullah Mohib". A person's
    // name has at most four words (`plausible_person`), so only the last cuts are tried: a run
    // of ten thousand capitalised words costs no more than a short one.
    if words.len() >= 3 {
        for cut in (words.len().saturating_sub(4).max(1)..words.len() - 1).rev() {
            if g.place(&joined(text, &words[..cut])).is_some()
                && plausible_person(text, &words[cut..])
                && g.is_given_name(words[cut])
                && words.len() - cut >= 2
            {
                let a = Run {
                    start: run.start,
                    end: run.start + cut,
                    span: Span::new(
                        toks[run.start].span.start,
                        toks[run.start + cut - 1].span.end,
                    ),
                };
                let b = Run {
                    start: run.start + cut,
                    end: run.end,
                    span: Span::new(toks[run.start + cut].span.start, run.span.end),
                };
                classify_and_push(text, toks, a, sentence, lex, mentions, None);
                classify_and_push(text, toks, b, sentence, lex, mentions, None);
                return;
            }
        }
    }
    let end = run.end;
    let start = run.start;
    let plausible = plausible_person(text, words);
    let person_like = plausible
        && (words.len() >= 2 || single_name_ok(words[0], lex) && g.place(words[0]).is_none());
    let known = Some((words, plausible));
    if let Some(idx) = classify_and_push(text, toks, run, sentence, lex, mentions, known) {
        if person_like {
            if let Some((title, of)) = lowercase_title_before(text, toks, start, lex) {
                // A lone word after a lowercase title counts only once linked to a full name.
                if words.len() >= 2 {
                    mentions[idx].scores.add(Kind::Person, 2.0);
                }
                roles.push(RoleFact {
                    person: mentions[idx].canonical.clone(),
                    title,
                    of,
                });
            }
            let before = roles.len();
            appositive_role(text, toks, end, idx, mentions, roles);
            if roles.len() > before {
                mentions[idx].scores.add(Kind::Person, 1.0);
            }
        }
    }
}

fn expand_title(t: &str) -> String {
    match t {
        "PM" => "Prime Minister".into(),
        _ => t.to_string(),
    }
}

/// Classify a run and add it as a mention, unless it is a common noun or a work's title.
/// `known` carries the run's words and whether they could be a person's name, when the caller
/// has worked them out already.
fn classify_and_push(
    text: &str,
    toks: &[Token],
    run: Run,
    sentence: usize,
    lex: &Lexicon,
    mentions: &mut Vec<NameMention>,
    known: Option<(&[&str], bool)>,
) -> Option<usize> {
    let owned;
    let words: &[&str] = match known {
        Some((words, _)) => words,
        None => {
            owned = run_words(toks, &run);
            &owned
        }
    };
    if words.is_empty() {
        return None;
    }
    // "an MOU", "a BMW": a determiner makes it a common noun.
    if words.len() == 1
        && is_acronym(words[0])
        && prev_word(toks, run.start).is_some_and(|w| w == "a" || w == "an")
    {
        return None;
    }
    // The title of a film or a book is not a person or an organisation, nor is "New Year".
    let full = joined(text, words);
    if lex.is_work(&full) || CALENDAR.contains(&full.as_ref()) {
        return None;
    }
    let plausible = known.map_or_else(|| plausible_person(text, words), |(_, p)| p);
    let scores = classify(toks, &run, words, &full, plausible, lex);
    let surface = text[run.span.start..run.span.end].to_string();
    mentions.push(NameMention {
        span: run.span,
        canonical: surface,
        scores,
        linked: false,
        sentence,
        key: Arc::default(),
    });
    Some(mentions.len() - 1)
}

/// Lowercase title words just before a name: "Shanghai mayor Gong Zheng", "party secretary Li Qiang".
fn lowercase_title_before(
    text: &str,
    toks: &[Token],
    start: usize,
    lex: &Lexicon,
) -> Option<(String, Option<String>)> {
    let mut k = start;
    let mut words: Vec<&str> = Vec::new();
    while k > 0 && words.len() < 3 {
        let t = &toks[k - 1];
        let lower_title = t.is_word
            && t.text.chars().next().is_some_and(char::is_lowercase)
            && (is_role_noun(t.text) || (!words.is_empty() && TITLE_MODIFIERS.contains(&t.text)));
        if !lower_title {
            break;
        }
        words.push(t.text);
        k -= 1;
    }
    if words.is_empty() || !words.iter().any(|w| is_role_noun(w)) {
        return None;
    }
    words.reverse();
    let title = capitalise(&words.join(" "));
    // The organisation or place written just before: "Shanghai", "Singapore's".
    let of = (k > 0 && toks[k - 1].is_capitalised()).then(|| {
        let mut j = k - 1;
        while j > 0 && toks[j - 1].is_capitalised() && !has_possessive(&toks[j - 1]) {
            j -= 1;
        }
        let first_word = toks.iter().position(|t| t.is_word).unwrap_or(0);
        while j < k - 1
            && (FUNCTION_WORDS.contains(&toks[j].text)
                || (j == first_word
                    && lex.is_common_word(toks[j].text)
                    && gazetteer::get().place(toks[j].text).is_none()))
        {
            j += 1;
        }
        let last = &toks[k - 1];
        text[toks[j].span.start..last.span.start + strip_possessive(last.text).len()].to_string()
    });
    let of = of.filter(|o| {
        !(FUNCTION_WORDS.contains(&o.as_str())
            || lex.is_common_word(o) && !o.contains(' ') && gazetteer::get().place(o).is_none())
    });
    Some((title, of))
}

/// Words that may precede a role noun inside a lowercase title.
const TITLE_MODIFIERS: &[&str] = &[
    "party",
    "vice",
    "deputy",
    "chief",
    "prime",
    "foreign",
    "finance",
    "senior",
    "general",
    "executive",
    "city",
    "state",
    "former",
    "acting",
    "interim",
    "managing",
    "assistant",
    "associate",
];

/// Weigh the evidence for each kind; `full` is `words` joined, `person_like` whether they
/// could be a person's name.
fn classify(
    toks: &[Token],
    run: &Run,
    words: &[&str],
    full: &str,
    person_like: bool,
    lex: &Lexicon,
) -> Scores {
    let g = gazetteer::get();
    let mut s = Scores::default();
    let last = words[words.len() - 1];
    let n = words.len();
    let place = g.place(full);

    // A country in a sentence with a score ("Sweden defeated South Korea 1 – 0") is a team.
    if n <= 3 && place.is_some() && has_score(toks) {
        s.add(Kind::Organization, 5.0);
    }
    // Head words.
    if is_head(&INITIATIVE_HEADS, last) && n > 1 {
        s.add(Kind::Initiative, 3.0);
    }
    if is_head(&EVENT_HEADS, last) && n > 1 {
        s.add(Kind::Event, 3.0);
    }
    if (is_head(&ORG_HEADS, last) || g.is_org_suffix(last)) && n > 1 {
        s.add(Kind::Organization, 3.0);
    }
    // The head before "of"/"for" decides: "Shanghai Chamber of Commerce", "Committee for Finance".
    let of_head = words
        .iter()
        .position(|w| *w == "of" || *w == "for")
        .filter(|&p| p > 0)
        .map(|p| words[p - 1]);
    if of_head.is_some_and(|h| is_head(&ORG_HEADS, h)) {
        s.add(Kind::Organization, 3.5);
    }
    if is_head(&PLACE_HEADS, last) && n > 1 {
        s.add(Kind::Place, 2.5);
    }
    if of_head.is_some_and(|h| is_head(&PLACE_HEADS, h)) {
        s.add(Kind::Place, 3.5);
    }
    // Gazetteer places.
    if let Some(p) = place {
        let w = match p.kind {
            PlaceKind::Country | PlaceKind::Continent | PlaceKind::Admin => 4.0,
            PlaceKind::City if p.population >= 100_000 => 3.0,
            PlaceKind::City => 2.0,
        };
        let common = n == 1 && lex.is_common_word(full) && !is_acronym(full);
        s.add(Kind::Place, if common { w - 2.0 } else { w });
    }
    // Acronyms.
    let after_number = run.start > 0 && toks[run.start - 1].is_number();
    if n == 1
        && is_acronym(last)
        && g.place(last).is_none()
        && !lex.is_common_acronym(last)
        && !after_number
        && !technical_term(last)
    {
        let mut w: f32 = if last.len() >= 3 { 1.5 } else { 1.0 };
        let next_is_noun = toks.get(run.end).is_some_and(|t| {
            t.is_word
                && t.text.starts_with(|c: char| c.is_lowercase())
                && !t.text.ends_with('s')
                && !t.text.ends_with("ed")
                && !matches!(
                    t.text,
                    "is" | "was"
                        | "has"
                        | "had"
                        | "will"
                        | "would"
                        | "could"
                        | "should"
                        | "may"
                        | "might"
                        | "must"
                        | "can"
                        | "and"
                        | "or"
                        | "to"
                        | "in"
                        | "on"
                        | "for"
                        | "of"
                        | "at"
                        | "by"
                        | "with"
                )
        });
        if prev_word(toks, run.start) == Some("the") && !next_is_noun {
            w += 1.0;
        }
        // An acronym never seen acting (saying, announcing, owning) is a term or a product
        // ("GDP", "the DS"), not a body.
        if !lex.acts(last) {
            w = w.min(1.5);
        }
        // "China's BYD": a possessive owner before it.
        if run.start > 0
            && has_possessive(&toks[run.start - 1])
            && toks[run.start - 1].is_capitalised()
        {
            w += 0.5;
        }
        if has_possessive(&toks[run.end - 1])
            || toks
                .get(run.end)
                .is_some_and(|t| SPEECH_VERBS.contains(&t.text))
        {
            w += 0.5;
        }
        s.add(Kind::Organization, w);
    }
    // Person names.
    if person_like {
        s.add(Kind::Person, name_evidence(words));
    }
    // Context: the words around.
    let before = prev_word(toks, run.start);
    let after = toks.get(run.end);
    if let Some(b) = before {
        let (org_noun, place_preposition, place_only) = gazetteer::with_lowercase(b, |bl| {
            (
                ORG_NOUNS.contains(&bl),
                PLACE_PREPOSITIONS.contains(&bl),
                matches!(bl, "in" | "across" | "throughout" | "inside" | "outside"),
            )
        });
        if org_noun {
            s.add(Kind::Organization, 2.0);
        }
        if place_preposition && place.is_some() {
            s.add(Kind::Place, 1.0);
        }
        // "in Britain", "across Scotland": a lone unknown name after a preposition of place.
        if place_only
            && n == 1
            && !is_acronym(last)
            && !g.is_given_name(last)
            && !lex.is_common_word(last)
            && !adjective_like(last)
            && !CALENDAR.contains(&last)
        {
            s.add(Kind::Place, DECIDED);
        }
    }
    // "Singapore's Senior Minister of State for Trade, Low Yen Ling": a title phrase, then the name.
    if run.start > 0 && toks[run.start - 1].text == "," && n >= 2 && person_like {
        let from = run.start.saturating_sub(16);
        let titled = toks[from..run.start - 1]
            .iter()
            .any(|t| t.is_capitalised() && is_title_word(t.text) && !HONORIFICS.contains(&t.text));
        let sentence_break = toks[from..run.start - 1]
            .iter()
            .any(|t| t.is_word && SPEECH_VERBS.contains(&t.text));
        if titled && !sentence_break {
            s.add(Kind::Person, 1.0);
        }
    }
    if let Some(a) = after {
        if ORG_NOUNS.contains(&a.text)
            && !technical_term(last)
            && a.span.start > toks[run.end - 1].span.end
            && (n >= 2
                || !(adjective_like(last)
                    || is_acronym(last) && (last.len() == 2 || lex.is_common_acronym(last))))
        {
            s.add(Kind::Organization, 3.0);
        }
        if SPEECH_VERBS.contains(&a.text) && n >= 2 && person_like {
            s.add(Kind::Person, 1.0);
        }
        // "X, mayor of ..." : an appositive role.
        if a.text == "," {
            if let Some(next) = toks.get(run.end + 1) {
                if is_appositive_head(next.text) && person_like {
                    s.add(Kind::Person, 2.0);
                }
            }
        }
    }
    s
}

/// A match score in the sentence: "1 – 0", "3-2".
fn has_score(toks: &[Token]) -> bool {
    let small = |s: &str| (1..=2).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_digit());
    toks.iter().enumerate().any(|(i, t)| {
        t.text.starts_with(|c: char| c.is_ascii_digit())
            && (t
                .text
                .split_once('-')
                .is_some_and(|(a, b)| small(a) && small(b))
                || small(t.text)
                    && toks
                        .get(i + 1)
                        .is_some_and(|d| matches!(d.text, "-" | "–" | "—"))
                    && toks.get(i + 2).is_some_and(|n| small(n.text)))
    })
}

fn prev_word<'a>(toks: &[Token<'a>], i: usize) -> Option<&'a str> {
    let mut k = i;
    while k > 0 {
        k -= 1;
        if toks[k].is_word {
            return Some(toks[k].text);
        }
        if toks[k].text != "," {
            return None;
        }
    }
    None
}

/// After a person's name: ", mayor of Dunedin," or ", Singapore's Minister for Culture, ...".
fn appositive_role(
    text: &str,
    toks: &[Token],
    after: usize,
    idx: usize,
    mentions: &[NameMention],
    roles: &mut Vec<RoleFact>,
) {
    if let Some(r) = appositive(text, toks, after) {
        roles.push(RoleFact {
            person: mentions[idx].canonical.clone(),
            title: r.0,
            of: r.1,
        });
    }
}

/// Read an appositive role phrase starting at token `after` (which must be a comma).
fn appositive(text: &str, toks: &[Token], after: usize) -> Option<(String, Option<String>)> {
    if toks.get(after)?.text != "," {
        return None;
    }
    let mut k = after + 1;
    let mut owner: Option<String> = None;
    // "Singapore's Minister ..."
    let mut j = k;
    while toks
        .get(j)
        .is_some_and(|t| t.is_capitalised() && !has_possessive(t))
    {
        j += 1;
    }
    if let Some(t) = toks.get(j) {
        if has_possessive(t) && t.is_capitalised() {
            let first = toks[k].span.start;
            let last = t.span.start + strip_possessive(t.text).len();
            owner = Some(text[first..last].to_string());
            k = j + 1;
        }
    }
    if toks
        .get(k)
        .is_some_and(|t| t.text == "the" || t.text == "a" || t.text == "an")
    {
        k += 1;
    }
    let head = toks.get(k)?;
    let is_role = head.is_word
        && (is_appositive_head(head.text) || (head.is_capitalised() && is_title_word(head.text)));
    if !is_role || head.is_capitalised() && owner.is_none() {
        return None;
    }
    // The title runs to "of"/"with"/"at"/"in", a comma not followed by a list, or the end.
    let start = head.span.start;
    let mut end = head.span.end;
    let mut m = k + 1;
    let mut of: Option<String> = owner;
    while let Some(t) = toks.get(m) {
        if t.text == "," || t.text == "." || t.text == ";" || t.text == "\"" || t.text == "“" {
            // A list of capitalised words inside the title: "for Culture, Community and Youth".
            if t.text == ","
                && toks.get(m + 1).is_some_and(|n| n.is_capitalised())
                && comma_list_end(toks, m).is_some()
            {
                let stop = comma_list_end(toks, m).unwrap_or(m + 1);
                end = toks[stop - 1].span.end;
                m = stop;
                continue;
            }
            break;
        }
        if matches!(t.text, "of" | "with" | "at" | "in") && of.is_none() {
            let mut q = m + 1;
            if toks.get(q).is_some_and(|x| x.text == "the") {
                q += 1;
            }
            let s0 = q;
            while toks.get(q).is_some_and(|x| {
                x.is_capitalised()
                    || (NAME_CONNECTORS.contains(&x.text)
                        && toks.get(q + 1).is_some_and(|y| y.is_capitalised()))
            }) {
                q += 1;
            }
            let modifier = toks.get(q).is_some_and(|x| {
                x.is_word
                    && x.text.chars().next().is_some_and(char::is_lowercase)
                    && !NAME_CONNECTORS.contains(&x.text)
                    && !SPEECH_VERBS.contains(&x.text)
            });
            if q > s0 && !modifier {
                let last = &toks[q - 1];
                let e = last.span.start + strip_possessive(last.text).len();
                of = Some(text[toks[s0].span.start..e].to_string());
                break;
            }
            break;
        }
        if SPEECH_VERBS.contains(&t.text) || m - k > 12 {
            break;
        }
        end = t.span.end;
        m += 1;
    }
    let title = text[start..end].trim().to_string();
    let verbish = title.split_whitespace().any(|w| {
        matches!(
            w,
            "were"
                | "was"
                | "is"
                | "are"
                | "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "said"
                | "says"
                | "who"
                | "which"
                | "that"
        )
    });
    if verbish || title.split_whitespace().count() > 10 {
        return None;
    }
    Some((capitalise(&title), of))
}

fn capitalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut at_word = true;
    for c in s.chars() {
        if at_word && c.is_lowercase() && out.split_whitespace().count() < 3 {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        at_word = c == ' ' || c == '-';
    }
    // Keep short connectors lowercase.
    out.replace(" Of ", " of ")
        .replace(" For ", " for ")
        .replace(" And ", " and ")
}

/// How many candidates a short form is checked against, nearest first, when every one of them
/// shares its first word: enough for any real article, and a bound for a hostile one.
const MAX_SHORT_FORM_CANDIDATES: usize = 256;

/// Join short forms to earlier full names, and acronyms to their expansions, within an article.
/// Every step is a pass over the mentions with hash lookups: linear in the article's names.
fn link_in_article(text: &str, mentions: &mut [NameMention], roles: &mut [RoleFact]) {
    use std::collections::HashMap;
    mentions.sort_by_key(|m| m.span.start);
    // Acronyms defined in brackets: "Prime Minister's Office (PMO)". The expansion ends right
    // before the bracket, so only the nearest mentions before it are candidates.
    let mut defined: Vec<(&str, usize)> = Vec::new();
    for i in 0..mentions.len() {
        let m = &mentions[i];
        if !is_acronym(m.surface(text)) {
            continue;
        }
        let before = text[..m.span.start].trim_end();
        let after = &text[m.span.end..];
        if before.ends_with('(') && after.starts_with(')') {
            let found = (0..i).rev().take(3).find(|&j| {
                let e = mentions[j].span.end;
                if e > m.span.start || m.span.start - e > 8 {
                    return false;
                }
                let gap = text.get(e..m.span.start).unwrap_or("");
                (gap.trim() == "(" || gap.trim_start().starts_with('(') && gap.len() < 4)
                    && acronym_fits(m.surface(text), &mentions[j].canonical)
            });
            if let Some(j) = found {
                defined.push((m.surface(text), j));
            }
        }
    }
    if !defined.is_empty() {
        // Every definition of an acronym adds its evidence; the last one names it.
        let mut by_acronym: HashMap<&str, (String, Scores)> = HashMap::new();
        for (acr, j) in defined {
            let entry = by_acronym
                .entry(acr)
                .or_insert_with(|| (String::new(), Scores::default()));
            entry.0.clone_from(&mentions[j].canonical);
            entry.1.merge(&mentions[j].scores);
        }
        for m in mentions.iter_mut() {
            if let Some((canonical, scores)) = by_acronym.get(m.surface(text)) {
                m.canonical.clone_from(canonical);
                m.scores.merge(scores);
                m.linked = true;
            }
        }
    }
    // Acronyms by initials: "SSCCC" for "Shanghai-Singapore Comprehensive Cooperation Council".
    let open_acronyms = mentions
        .iter()
        .any(|m| !m.linked && is_acronym(m.surface(text)));
    if open_acronyms {
        let mut expansions: HashMap<String, usize> = HashMap::new();
        for (j, m) in mentions.iter().enumerate() {
            if m.canonical.contains([' ', '-']) && !is_acronym(m.surface(text)) {
                expansions.entry(initials(&m.canonical)).or_insert(j);
            }
        }
        for i in 0..mentions.len() {
            if mentions[i].linked || !is_acronym(mentions[i].surface(text)) {
                continue;
            }
            let acr: String = mentions[i]
                .surface(text)
                .chars()
                .filter(char::is_ascii_alphabetic)
                .collect();
            if acr.len() < 2 {
                continue;
            }
            if let Some(&j) = expansions.get(&acr).filter(|&&j| j != i) {
                let (canonical, scores) = (mentions[j].canonical.clone(), mentions[j].scores);
                mentions[i].canonical = canonical;
                mentions[i].scores.merge(&scores);
                mentions[i].linked = true;
            }
        }
    }
    // Long names written two ways with the same initials ("Shanghai-Singapore" and
    // "Singapore-Shanghai ... Council") are one: the first full form wins. Names with the same
    // initials and letters form a group; the first unlinked one of a group stands for it.
    let letters = |s: &str| {
        let mut l: Vec<char> = s
            .chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        l.sort_unstable();
        l
    };
    // By initials first; the sorted letters are worked out only when two long names share them.
    // Per initials: each distinct set of letters (worked out when needed) and its first name.
    type Reps = Vec<(Option<Vec<char>>, usize)>;
    let mut groups: HashMap<String, Reps> = HashMap::new();
    for i in 0..mentions.len() {
        let surface = mentions[i].surface(text);
        if mentions[i].linked || is_acronym(surface) || surface.split_whitespace().nth(2).is_none()
        {
            continue;
        }
        let reps = groups.entry(initials(surface)).or_default();
        if reps.is_empty() {
            reps.push((None, i));
            continue;
        }
        let mine = letters(surface);
        let mut found = None;
        for (lets, j) in reps.iter_mut() {
            let theirs = lets.get_or_insert_with(|| letters(mentions[*j].surface(text)));
            if *theirs == mine {
                found = Some(*j);
                break;
            }
        }
        match found {
            Some(j) if mentions[j].canonical != mentions[i].canonical => {
                let (canonical, scores) = (mentions[j].canonical.clone(), mentions[j].scores);
                mentions[i].canonical = canonical;
                mentions[i].scores.merge(&scores);
                mentions[i].linked = true;
            }
            Some(_) => {}
            None => reps.push((Some(mine), i)),
        }
    }
    // Short forms of people: "Li" or "Mr Li" after "Li Qiang"; "Lee" after "Lee Hsien Loong".
    let full_names: Vec<(usize, String)> = (0..mentions.len())
        .filter(|&j| {
            let (k, sc) = mentions[j].scores.best();
            k == Kind::Person && sc >= DECIDED && mentions[j].canonical.contains(' ')
        })
        .map(|j| (j, mentions[j].canonical.clone()))
        .collect();
    let full_people: Vec<(usize, Vec<&str>)> = full_names
        .iter()
        .map(|(j, c)| (*j, c.split_whitespace().collect()))
        .collect();
    // Every word of a full name (and the first part of a hyphenated one) to the full names that
    // hold it, in text order.
    let mut holding: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, (_, words)) in full_people.iter().enumerate() {
        for &w in words {
            let list = holding.entry(w).or_default();
            if list.last() != Some(&k) {
                list.push(k);
            }
            if let Some(head) = w.split('-').next().filter(|h| h.len() < w.len()) {
                let list = holding.entry(head).or_default();
                if list.last() != Some(&k) {
                    list.push(k);
                }
            }
        }
    }
    let mut renamed: HashMap<String, String> = HashMap::new();
    if !full_people.is_empty() {
        for i in 0..mentions.len() {
            if mentions[i].linked {
                continue;
            }
            let mut ws = mentions[i].surface(text).split_whitespace();
            let words = [ws.next(), ws.next()];
            if ws.next().is_some() {
                continue;
            }
            let n = words.iter().flatten().count();
            let fits = |full: &[&str]| {
                full.len() > n
                    && words.iter().flatten().all(|w| {
                        full.iter()
                            .any(|f| f == w || f.split('-').next() == Some(*w))
                    })
            };
            // Candidates hold the first word; of them the nearest full form before, else the
            // first after.
            let Some(list) = words[0].and_then(|w| holding.get(w)) else {
                continue;
            };
            let split = list.partition_point(|&k| full_people[k].0 < i);
            let chosen = list[..split]
                .iter()
                .rev()
                .take(MAX_SHORT_FORM_CANDIDATES)
                .find(|&&k| fits(&full_people[k].1))
                .or_else(|| {
                    list[split..]
                        .iter()
                        .take(MAX_SHORT_FORM_CANDIDATES)
                        .find(|&&k| full_people[k].0 > i && fits(&full_people[k].1))
                })
                .map(|&k| full_people[k].0);
            if let Some(j) = chosen {
                let canonical = mentions[j].canonical.clone();
                let old = std::mem::replace(&mut mentions[i].canonical, canonical.clone());
                let mut scores = Scores::default();
                scores.add(Kind::Person, DECIDED + 1.0);
                mentions[i].scores = scores;
                mentions[i].linked = true;
                renamed.entry(old).or_insert(canonical);
            }
        }
    }
    // Roles given to a short form belong to its full name (followed through a few renames).
    if !renamed.is_empty() {
        for r in roles.iter_mut() {
            for _ in 0..8 {
                match renamed.get(&r.person) {
                    Some(to) if *to != r.person => r.person.clone_from(to),
                    _ => break,
                }
            }
        }
    }
    // Shorter organisation names inside a longer one: "Ruijin Hospital" in "Shanghai Ruijin Hospital".
    let orgs: Vec<usize> = (0..mentions.len())
        .filter(|&j| {
            !mentions[j].linked
                && mentions[j].scores.best().0 == Kind::Organization
                && mentions[j].canonical.contains(' ')
        })
        .collect();
    // Every ending of an organisation's name that starts after a space, to the first two names
    // that end so.
    let mut endings: HashMap<String, [Option<usize>; 2]> = HashMap::new();
    for &j in &orgs {
        let c = mentions[j].canonical.as_str();
        for (p, _) in c.match_indices(' ') {
            let slot = endings
                .entry(c[p + 1..].to_string())
                .or_insert([None, None]);
            if slot[0].is_none() {
                slot[0] = Some(j);
            } else if slot[1].is_none() && slot[0] != Some(j) {
                slot[1] = Some(j);
            }
        }
    }
    for i in orgs.iter().copied() {
        let s = mentions[i].surface(text);
        let longer = endings
            .get(s)
            .and_then(|slot| slot.iter().flatten().copied().find(|&j| j != i));
        if let Some(j) = longer {
            mentions[i].canonical = mentions[j].canonical.clone();
            mentions[i].linked = true;
        }
    }
}

/// "PMO" fits "Prime Minister's Office": same first letter, and its letters appear in order
/// among the name's capitals.
fn acronym_fits(acr: &str, name: &str) -> bool {
    let caps: Vec<char> = name.chars().filter(char::is_ascii_uppercase).collect();
    let letters: Vec<char> = acr.chars().filter(char::is_ascii_alphabetic).collect();
    if letters.is_empty() || caps.first() != letters.first() {
        return false;
    }
    let mut it = caps.iter();
    letters.iter().all(|l| it.any(|c| c == l))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::RawDoc;

    fn names(text: &str) -> (Vec<(String, String, Kind)>, Vec<RoleFact>) {
        let a = crate::parse::parse(&RawDoc {
            id: "t".into(),
            path: "t".into(),
            text: text.into(),
            record: None,
        });
        let lex = Lexicon::from_articles(std::slice::from_ref(&a));
        let units = Units::of(&a.text, &crate::parse::text_units(&a));
        let (ms, roles) = extract_names(&a, &units, &lex);
        (
            ms.into_iter()
                .filter(|m| m.scores.best().1 >= DECIDED)
                .map(|m| {
                    (
                        m.surface(&a.text).to_string(),
                        m.canonical,
                        m.scores.best().0,
                    )
                })
                .collect(),
            roles,
        )
    }

    fn has(ms: &[(String, String, Kind)], surface: &str, canonical: &str, kind: Kind) -> bool {
        ms.iter()
            .any(|(s, c, k)| s == surface && c == canonical && *k == kind)
    }

    #[test]
    fn titles_are_roles_not_names() {
        let (ms, roles) = names("Headline here\n\nAt the meeting, Shanghai Mayor Gong Zheng spoke about trade. Gong said it went well.\n");
        assert!(has(&ms, "Gong Zheng", "Gong Zheng", Kind::Person), "{ms:?}");
        assert!(has(&ms, "Gong", "Gong Zheng", Kind::Person), "{ms:?}");
        assert!(has(&ms, "Shanghai", "Shanghai", Kind::Place), "{ms:?}");
        assert_eq!(
            roles,
            vec![RoleFact {
                person: "Gong Zheng".into(),
                title: "Mayor".into(),
                of: Some("Shanghai".into())
            }]
        );
    }

    #[test]
    fn honorifics_and_abbreviated_titles_link_to_the_full_name() {
        let (ms, roles) = names("T\n\nThe party secretary Li Qiang told Prime Minister Lee Hsien Loong yesterday. Mr Li briefed PM Lee on trade.\n");
        assert!(has(&ms, "Li", "Li Qiang", Kind::Person), "{ms:?}");
        assert!(has(&ms, "Lee", "Lee Hsien Loong", Kind::Person), "{ms:?}");
        assert!(
            roles
                .iter()
                .any(|r| r.person == "Lee Hsien Loong" && r.title == "Prime Minister"),
            "{roles:?}"
        );
    }

    #[test]
    fn appositives_give_roles_with_their_place() {
        let (ms, roles) = names("T\n\nJules Radich, mayor of Dunedin, New Zealand, agreed. Ning Guang, president of Ruijin Hospital, said so.\n");
        assert!(
            has(&ms, "Jules Radich", "Jules Radich", Kind::Person),
            "{ms:?}"
        );
        assert!(
            has(
                &ms,
                "Ruijin Hospital",
                "Ruijin Hospital",
                Kind::Organization
            ),
            "{ms:?}"
        );
        assert!(
            roles.contains(&RoleFact {
                person: "Jules Radich".into(),
                title: "Mayor".into(),
                of: Some("Dunedin".into())
            }),
            "{roles:?}"
        );
        assert!(
            roles.contains(&RoleFact {
                person: "Ning Guang".into(),
                title: "President".into(),
                of: Some("Ruijin Hospital".into())
            }),
            "{roles:?}"
        );
    }

    #[test]
    fn acronyms_join_their_expansion() {
        let (ms, _) = names("T\n\nThe Shanghai-Singapore Comprehensive Cooperation Council met. The SSCCC grew, said a Prime Minister's Office (PMO) statement. The PMO said more.\n");
        assert!(
            has(
                &ms,
                "SSCCC",
                "Shanghai-Singapore Comprehensive Cooperation Council",
                Kind::Organization
            ),
            "{ms:?}"
        );
        assert!(
            ms.iter()
                .filter(|(s, c, _)| s == "PMO" && c == "Prime Minister's Office")
                .count()
                == 2,
            "{ms:?}"
        );
    }

    #[test]
    fn names_with_connectors_and_heads() {
        let (ms, _) = names("T\n\nThey met the Ministry of Culture, Community and Youth and the Belt and Road Initiative team at the Hong Kong-Shanghai Cooperation Conference’s session.\n");
        assert!(
            has(
                &ms,
                "Ministry of Culture, Community and Youth",
                "Ministry of Culture, Community and Youth",
                Kind::Organization
            ),
            "{ms:?}"
        );
        assert!(
            has(
                &ms,
                "Belt and Road Initiative",
                "Belt and Road Initiative",
                Kind::Initiative
            ),
            "{ms:?}"
        );
        assert!(
            has(
                &ms,
                "Hong Kong-Shanghai Cooperation Conference",
                "Hong Kong-Shanghai Cooperation Conference",
                Kind::Event
            ),
            "{ms:?}"
        );
    }

    #[test]
    fn a_country_s_initials_open_a_body_not_a_person() {
        let (ms, _) = names("Rates\n\nThe US Federal Reserve raised rates, and UK Coal said it would close a pit.\n");
        assert!(
            has(
                &ms,
                "US Federal Reserve",
                "US Federal Reserve",
                Kind::Organization
            ),
            "{ms:?}"
        );
        assert!(ms.iter().all(|(_, _, k)| *k != Kind::Person), "{ms:?}");
    }

    #[test]
    fn sentence_openers_are_not_names() {
        let (ms, _) = names("T\n\nDespite the rain, Dunedin thrived. Additionally, he spoke. We did additionally. And despite it all.\n");
        assert!(
            ms.iter()
                .all(|(s, _, _)| s != "Despite" && s != "Additionally"),
            "{ms:?}"
        );
        assert!(has(&ms, "Dunedin", "Dunedin", Kind::Place), "{ms:?}");
    }
}

#[cfg(test)]
mod work_tests {
    use super::*;
    use crate::load::RawDoc;

    #[test]
    fn titles_of_works_are_not_people() {
        let a = crate::parse::parse(&RawDoc {
            id: "t".into(),
            path: "t".into(),
            text: "Oscars\n\nThe drama Vera Drake won praise. Vera Drake was made by Mike Leigh, who said so.\n".into(),
            record: None,
        });
        let lex = Lexicon::from_articles(std::slice::from_ref(&a));
        assert!(lex.is_work("Vera Drake"));
        let units = Units::of(&a.text, &crate::parse::text_units(&a));
        let (ms, _) = extract_names(&a, &units, &lex);
        assert!(ms.iter().all(|m| m.canonical != "Vera Drake"), "{ms:?}");
        assert!(ms.iter().any(|m| m.canonical == "Mike Leigh"), "{ms:?}");
    }
}
