//! The search index: every entity name and alias, every article title, and (with `q:`) every
//! quotation. A query is read as fzf's extended search reads it: words in any order, each of
//! which must match, `'exact`, `'word'`, `^prefix`, `suffix$`, `!not` and `a | b`. A plain word
//! matches within one word of a candidate, by its letters in order (scored by fuzzy-matcher's
//! `SkimMatcherV2`) or, from three letters on, within one edit of the start of a word (ranked
//! below every in-order match). Case and accents are ignored. A cheap letter prefilter skips
//! candidates that cannot match, and a query that extends the previous one narrows its matches.

use crate::corpus::Corpus;
use crate::extract::Kind;
use crate::text::fold;
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use rayon::prelude::*;
use serde::Serialize;

/// What a search result points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Target {
    /// An entity (index into the resolved entities).
    Entity(usize),
    /// An article (index into the articles).
    Article(usize),
    /// A quotation (index into the quotes).
    Quote(usize),
    /// A made-up name added for trying the search at scale; it leads nowhere.
    Synthetic(usize),
}

/// The kind filters: `p:` `o:` `l:` `e:` `i:` `a:` `q:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    /// Entities of one kind.
    Kind(Kind),
    /// Article titles.
    Articles,
    /// Quotation texts.
    Quotes,
}

impl Filter {
    /// The filter a `--kind` word or a one-letter prefix names: singular or plural, British or
    /// American, short or in full ("org", "organisations", "o").
    pub fn parse(word: &str) -> Option<Filter> {
        Some(match word.to_ascii_lowercase().as_str() {
            "p" | "person" | "persons" | "people" => Filter::Kind(Kind::Person),
            "o" | "org" | "orgs" | "organization" | "organizations" | "organisation"
            | "organisations" => Filter::Kind(Kind::Organization),
            "l" | "loc" | "place" | "places" | "location" | "locations" => {
                Filter::Kind(Kind::Place)
            }
            "e" | "event" | "events" => Filter::Kind(Kind::Event),
            "i" | "initiative" | "initiatives" => Filter::Kind(Kind::Initiative),
            "a" | "article" | "articles" => Filter::Articles,
            "q" | "quote" | "quotes" => Filter::Quotes,
            _ => return None,
        })
    }
}

/// One searchable string.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// What it leads to.
    pub target: Target,
    /// The text matched: a name, an alias or a title; empty for a quotation of the corpus,
    /// whose words [`SearchIndex::text_of`] reads from it.
    pub text: Box<str>,
    /// True when `text` is an alias of the target's name.
    pub alias: bool,
    /// Mentions of the target, for breaking ties.
    pub weight: u32,
    /// The entity kind, for entities.
    pub kind: Option<Kind>,
    /// The canonical name or title, for display and ties.
    pub name: Box<str>,
    /// `text` folded (lowercase, no accents), character for character.
    folded: Box<str>,
    /// The letters and digits present in `folded`, one bit each, for the prefilter.
    mask: u64,
    /// For an alias, the target's name folded and its letter mask: a `!term` excludes the
    /// target by either.
    folded_name: Option<Box<(String, u64)>>,
    /// Where the ids of `folded`'s words lie in the index's word list, once indexed.
    words: Option<(u32, u32)>,
    /// Its place among all candidates ordered by (alias, name, index), once indexed, so that
    /// ranking compares numbers and not names.
    order: u32,
}

impl Candidate {
    /// Fewer mentions, then its place by name, as one number: [`Match::tie`].
    fn tie(&self) -> u64 {
        let fewer = u64::from(u32::MAX - self.weight);
        fewer << 32 | u64::from(self.order)
    }

    /// Quotation `quote`, matched by its words `text` (kept folded; shown from the corpus) and
    /// ordered by its speaker's `name`.
    fn quotation(quote: usize, text: &str, name: String) -> Candidate {
        let mut c = Candidate::new(Target::Quote(quote), String::new(), false, 0, None, name);
        c.folded = fold(text).into_boxed_str();
        c.mask = mask_of(&c.folded);
        c
    }

    fn new(
        target: Target,
        text: String,
        alias: bool,
        weight: usize,
        kind: Option<Kind>,
        name: String,
    ) -> Candidate {
        let folded = fold(&text).into_boxed_str();
        let mask = mask_of(&folded);
        let folded_name = alias.then(|| {
            let f = fold(&name);
            let m = mask_of(&f);
            Box::new((f, m))
        });
        Candidate {
            target,
            text: text.into_boxed_str(),
            alias,
            weight: u32::try_from(weight).unwrap_or(u32::MAX),
            kind,
            name: name.into_boxed_str(),
            folded,
            mask,
            folded_name,
            words: None,
            order: u32::MAX,
        }
    }
}

/// The words of quotation `quote` of `corpus` ("" for one it does not hold).
fn quote_text(corpus: &Corpus, quote: usize) -> &str {
    corpus
        .resolved
        .quotes
        .get(quote)
        .and_then(|q| Some(corpus.articles.get(q.article)?.slice(q.span)))
        .unwrap_or("")
}

/// A candidate that matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index into the candidates.
    pub candidate: usize,
    /// The matcher's score (higher is better), summed over the query's words.
    pub score: i64,
    /// Query words that matched only within one edit (ranked below in-order matches).
    pub edits: u32,
    /// Matched character positions in the candidate's text.
    pub indices: Vec<usize>,
}

/// A candidate that passed a query, before ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// Index into the candidates.
    pub candidate: usize,
    /// The summed score.
    pub score: i64,
    /// Query words matched only within one edit.
    pub edits: u32,
    /// The candidate's tie-breaks, fewer mentions then its name order, as one number, so
    /// that ranking never reads the candidates.
    tie: u64,
}

/// One bit per letter or digit of an already folded string.
fn mask_of(folded: &str) -> u64 {
    let mut m = 0u64;
    for c in folded.chars() {
        m |= match c {
            'a'..='z' => 1 << (c as u32 - 'a' as u32),
            '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
            ' ' => 0,
            _ if c.is_alphanumeric() => 1 << 36,
            _ => 1 << 37,
        };
    }
    m
}

/// Split `p:lee` into its filter and query.
pub fn parse_query(q: &str) -> (Option<Filter>, &str) {
    if let Some((prefix, rest)) = q.split_once(':') {
        if prefix.len() == 1 {
            if let Some(f) = Filter::parse(prefix) {
                return (Some(f), rest.trim_start());
            }
        }
    }
    (None, q)
}

/// How one term of a query matches, as fzf's extended search syntax writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    /// `word`: its letters in order within one word, or within one edit of a word's start.
    Fuzzy,
    /// `'word`: the letters together, anywhere.
    Exact,
    /// `'word'`: the letters together, bounded by non-letters at both ends.
    ExactWord,
    /// `^word`: the text starts with it.
    Prefix,
    /// `word$`: the text ends with it.
    Suffix,
    /// `^word$`: the text is it.
    Equal,
}

/// One term of a query, folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// How it matches.
    pub kind: TermKind,
    /// `!word`: the candidate must not match it.
    pub negated: bool,
    /// The text to match, folded.
    pub text: String,
    /// Its letters, one bit each.
    mask: u64,
    /// Its characters, for edits.
    chars: Vec<char>,
}

/// A query: every group must match, and a group matches when any of its terms does (`a | b`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// The groups, in the order typed.
    pub groups: Vec<Vec<Term>>,
}

/// Read one term: `!` negates; `'` makes it exact (and a closing `'` bounds it to whole words);
/// `^` anchors it at the start and `$` at the end. A term with nothing left after its operators
/// is dropped (it is still being typed), and so is a word made of operators only.
fn parse_term(word: &str) -> Option<Term> {
    if word.chars().all(|c| matches!(c, '!' | '^' | '\'' | '$')) {
        return None;
    }
    let mut w = word;
    let negated = w.len() > 1 && w.starts_with('!');
    if negated {
        w = &w[1..];
    }
    let mut kind = if negated {
        TermKind::Exact
    } else {
        TermKind::Fuzzy
    };
    if w.len() > 1 && w.starts_with('\'') {
        w = &w[1..];
        kind = if !negated && w.len() > 1 && w.ends_with('\'') {
            w = &w[..w.len() - 1];
            TermKind::ExactWord
        } else if negated {
            TermKind::Fuzzy
        } else {
            TermKind::Exact
        };
    } else if w.len() > 1 && w.starts_with('^') {
        w = &w[1..];
        kind = if w.len() > 1 && w.ends_with('$') {
            w = &w[..w.len() - 1];
            TermKind::Equal
        } else {
            TermKind::Prefix
        };
    } else if w.len() > 1 && w.ends_with('$') {
        w = &w[..w.len() - 1];
        kind = TermKind::Suffix;
    }
    if w.is_empty() {
        return None;
    }
    let text = fold(&w.replace("\\ ", " "));
    let mask = mask_of(&text);
    let chars = text.chars().collect();
    Some(Term {
        kind,
        negated,
        text,
        mask,
        chars,
    })
}

/// Read a query as fzf does: terms split at spaces (`\ ` is a space inside a term), `|`
/// between two terms joins them into one group.
pub fn parse_terms(q: &str) -> Query {
    let mut words: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut chars = q.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek() == Some(&' ') {
            cur.push_str("\\ ");
            chars.next();
        } else if c.is_whitespace() {
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    let mut groups: Vec<Vec<Term>> = Vec::new();
    let mut join = false;
    for w in &words {
        if w == "|" {
            join = !groups.is_empty();
            continue;
        }
        let Some(t) = parse_term(w) else { continue };
        match groups.last_mut() {
            Some(g) if join => g.push(t),
            _ => groups.push(vec![t]),
        }
        join = false;
    }
    Query { groups }
}

/// True when `w` is a subsequence of `text`.
fn in_order(w: &str, text: &str) -> bool {
    if w.len() > text.len() {
        return false;
    }
    if w.is_ascii() {
        let mut t = text.bytes();
        return w.bytes().all(|c| t.any(|x| x == c));
    }
    let mut t = text.chars();
    w.chars().all(|c| t.any(|x| x == c))
}

/// True when `w` is within one edit of some prefix of `word`: a substitution, an insertion or
/// a deletion when `w` has four letters or more, a swap of two neighbours from three.
fn near_prefix(w: &[char], word: &[char]) -> bool {
    let n = w.len();
    if n < 3 {
        return false;
    }
    let same = w.iter().zip(word).take_while(|(a, b)| a == b).count();
    if same == n {
        return true;
    }
    let eq = |a: &[char], b: Option<&[char]>| b == Some(a);
    let i = same;
    // Two neighbours swapped.
    if i + 1 < n
        && word.get(i + 1) == Some(&w[i])
        && word.get(i) == Some(&w[i + 1])
        && eq(&w[i + 2..], word.get(i + 2..n))
    {
        return true;
    }
    if n < 4 {
        return false;
    }
    // One letter wrong, one too many, one missing.
    eq(&w[i + 1..], word.get(i + 1..n))
        || eq(&w[i + 1..], word.get(i..n - 1))
        || eq(&w[i..], word.get(i + 1..n + 1))
}

/// Every searchable string of a corpus (none, by default).
#[derive(Default)]
pub struct SearchIndex {
    /// The candidates.
    pub candidates: Vec<Candidate>,
    matcher: SkimMatcherV2,
    /// Every distinct word of the names and titles (folded, split at whitespace), so that a
    /// query word is scored once per word rather than once per candidate that holds it.
    vocabulary: Vocabulary,
    /// Each candidate's letter mask, side by side, so that a keystroke turns most candidates
    /// away by reading 8 bytes each rather than the candidate.
    masks: Vec<u64>,
    /// What a keystroke reads of each candidate that passes the masks, side by side: a name's
    /// fuzzy words are scored from these without reading the candidate.
    rows: Vec<Row>,
    /// The candidates in ranking order among equal scores: by [`Row::tie`].
    by_tie: Vec<u32>,
}

/// Candidates [`SearchIndex::head_at_best_score`] reads, per hit wanted, before it gives up.
const QUICK_READS_PER_HIT: usize = 64;

/// A query made ready to test candidates with: its filter, terms, the words' scores of its
/// fuzzy terms, and the letters each group needs.
struct Scan {
    filter: Option<Filter>,
    bit: u8,
    parsed: Query,
    scores: Vec<Vec<Option<WordScores>>>,
    needs: Vec<Vec<(u64, u32)>>,
}

/// The part of a candidate a fuzzy keystroke reads (see [`SearchIndex::rows`]).
#[derive(Debug, Clone, Copy)]
struct Row {
    /// [`Match::tie`].
    tie: u64,
    /// [`Candidate::words`].
    words: Option<(u32, u32)>,
    /// Bit [`filter_bit`] of each filter that admits it.
    admitted: u8,
}

/// The bit that stands for `filter` in [`Row::admitted`].
fn filter_bit(filter: Option<Filter>) -> u8 {
    let at = match filter {
        None => 0,
        Some(Filter::Quotes) => 1,
        Some(Filter::Articles) => 2,
        Some(Filter::Kind(k)) => {
            3 + match k {
                Kind::Person => 0,
                Kind::Organization => 1,
                Kind::Place => 2,
                Kind::Event => 3,
                Kind::Initiative => 4,
            }
        }
    };
    1 << at
}

/// The distinct words of the candidates' texts and, for each candidate, which of them it holds.
#[derive(Default)]
struct Vocabulary {
    words: Vec<(String, u64)>,
    ids: rustc_hash::FxHashMap<String, u32>,
    /// The word ids of every indexed candidate, one run per candidate.
    of_candidates: Vec<u32>,
    /// For each word, how many times the candidates hold it.
    uses: Vec<u32>,
}

impl Vocabulary {
    /// Record the words of `c` (not of quotations, which are matched as wholes).
    fn index(&mut self, c: &mut Candidate) {
        if matches!(c.target, Target::Quote(_)) {
            return;
        }
        let start = self.of_candidates.len();
        for w in c.folded.split_whitespace() {
            let id = match self.ids.get(w) {
                Some(&id) => id,
                None => {
                    let id = self.words.len() as u32;
                    self.words.push((w.to_string(), mask_of(w)));
                    self.ids.insert(w.to_string(), id);
                    self.uses.push(0);
                    id
                }
            };
            if let Some(n) = self.uses.get_mut(id as usize) {
                *n = n.saturating_add(1);
            }
            self.of_candidates.push(id);
        }
        c.words = Some((start as u32, self.of_candidates.len() as u32));
    }
}

/// A fuzzy term's score against every word of the vocabulary (`i64::MIN` where it does not
/// match in order), and for a term of three letters or more, whether some segment of the word
/// starts within one edit of it (see [`near_segment`]).
struct WordScores(Vec<i64>, Vec<bool>);

impl SearchIndex {
    /// Index a corpus.
    pub fn build(corpus: &Corpus) -> SearchIndex {
        let mut candidates = Vec::new();
        for (i, e) in corpus.resolved.entities.iter().enumerate() {
            let weight = e.mentions.len();
            let target = Target::Entity(i);
            candidates.push(Candidate::new(
                target,
                e.name.clone(),
                false,
                weight,
                Some(e.kind),
                e.name.clone(),
            ));
            for a in &e.aliases {
                candidates.push(Candidate::new(
                    target,
                    a.clone(),
                    true,
                    weight,
                    Some(e.kind),
                    e.name.clone(),
                ));
            }
        }
        for (i, a) in corpus.articles.iter().enumerate() {
            let title = a.title.clone().unwrap_or_else(|| a.id.clone());
            candidates.push(Candidate::new(
                Target::Article(i),
                title.clone(),
                false,
                0,
                None,
                title,
            ));
        }
        // A quotation's words stay in the corpus: the index keeps them folded, for matching,
        // and reads them from the corpus to show them.
        for (i, q) in corpus.resolved.quotes.iter().enumerate() {
            let name = q
                .speaker
                .and_then(|s| corpus.resolved.entities.get(s))
                .map(|e| e.name.clone())
                .unwrap_or_default();
            candidates.push(Candidate::quotation(i, quote_text(corpus, i), name));
        }
        Self::from_candidates(candidates)
    }

    /// The text candidate `i` matched, as shown: its own, or a quotation's words from the
    /// corpus the index was built from.
    pub fn text_of<'a>(&'a self, corpus: &'a Corpus, i: usize) -> &'a str {
        match self.candidates.get(i) {
            Some(c) => match c.target {
                Target::Quote(q) if c.text.is_empty() => quote_text(corpus, q),
                _ => &c.text,
            },
            None => "",
        }
    }

    /// An index over the given candidates (for benchmarks and tests).
    pub fn from_candidates(mut candidates: Vec<Candidate>) -> SearchIndex {
        let mut vocabulary = Vocabulary::default();
        for c in &mut candidates {
            vocabulary.index(c);
        }
        let mut index = SearchIndex {
            candidates,
            matcher: SkimMatcherV2::default().ignore_case(),
            vocabulary,
            masks: Vec::new(),
            rows: Vec::new(),
            by_tie: Vec::new(),
        };
        index.order();
        index.lay_out_rows();
        index
    }

    /// Fill the masks and rows from the candidates (numbered by [`SearchIndex::order`]).
    fn lay_out_rows(&mut self) {
        let filters = [
            None,
            Some(Filter::Quotes),
            Some(Filter::Articles),
            Some(Filter::Kind(Kind::Person)),
            Some(Filter::Kind(Kind::Organization)),
            Some(Filter::Kind(Kind::Place)),
            Some(Filter::Kind(Kind::Event)),
            Some(Filter::Kind(Kind::Initiative)),
        ];
        self.masks = self.candidates.iter().map(|c| c.mask).collect();
        self.rows = self
            .candidates
            .iter()
            .map(|c| Row {
                tie: c.tie(),
                words: c.words,
                admitted: filters
                    .iter()
                    .filter(|&&f| Self::admits(c, f))
                    .map(|&f| filter_bit(f))
                    .fold(0, |a, b| a | b),
            })
            .collect();
        let rows = &self.rows;
        let mut by_tie: Vec<u32> = (0..rows.len())
            .filter_map(|i| u32::try_from(i).ok())
            .collect();
        by_tie.par_sort_unstable_by_key(|&i| rows[i as usize].tie);
        self.by_tie = by_tie;
    }

    /// Number the candidates by (alias, name, index), the ranking's last tie-breaks.
    fn order(&mut self) {
        let c = &self.candidates;
        let mut by_name: Vec<usize> = (0..c.len()).collect();
        by_name.par_sort_unstable_by(|&a, &b| {
            (c[a].alias, &c[a].name, a).cmp(&(c[b].alias, &c[b].name, b))
        });
        for (rank, i) in by_name.into_iter().enumerate() {
            if let Some(c) = self.candidates.get_mut(i) {
                c.order = u32::try_from(rank).unwrap_or(u32::MAX);
            }
        }
    }

    /// Add `n` made-up names ("synthetic name 0000042"), for trying the palette at scale
    /// (`DOSSIER_EXTRA_CANDIDATES=1000000 dossier`). They lead nowhere.
    pub fn add_synthetic(&mut self, n: usize) {
        let first = self.candidates.len();
        self.candidates.extend((0..n).map(|i| {
            let name = format!("synthetic name {i:07}");
            let mut c = Self::entity_candidate(&name, 0, 0, Kind::Person);
            c.target = Target::Synthetic(first + i);
            c.kind = None;
            c
        }));
        for c in &mut self.candidates[first..] {
            self.vocabulary.index(c);
        }
        self.order();
        self.lay_out_rows();
    }

    /// A plain candidate for an entity-like name (for benchmarks and tests).
    pub fn entity_candidate(name: &str, target: usize, weight: usize, kind: Kind) -> Candidate {
        Candidate::new(
            Target::Entity(target),
            name.to_string(),
            false,
            weight,
            Some(kind),
            name.to_string(),
        )
    }

    fn admits(c: &Candidate, filter: Option<Filter>) -> bool {
        match (filter, c.target) {
            (None, Target::Quote(_)) => false,
            (None, _) => true,
            (Some(Filter::Quotes), t) => matches!(t, Target::Quote(_)),
            (Some(Filter::Articles), t) => matches!(t, Target::Article(_)),
            (Some(Filter::Kind(k)), Target::Entity(_)) => c.kind == Some(k),
            (Some(Filter::Kind(_)), _) => false,
        }
    }

    /// How `c` meets a term without its negation: the score and whether it took an edit;
    /// `scores` is the term's score for every word, when it was worth working out.
    fn meets(&self, c: &Candidate, t: &Term, scores: Option<&WordScores>) -> Option<(i64, bool)> {
        let quote = matches!(c.target, Target::Quote(_));
        let words = match (scores, c.words) {
            (Some(s), Some((a, b))) => self
                .vocabulary
                .of_candidates
                .get(a as usize..b as usize)
                .map(|ids| (s, ids)),
            _ => None,
        };
        self.meets_text(&c.folded, c.mask, quote, t, words)
    }

    /// [`SearchIndex::meets`] for candidate `i`, read from its row alone when `t` is a fuzzy
    /// term scored word by word.
    fn meets_at(&self, i: usize, t: &Term, scores: Option<&WordScores>) -> Option<(i64, bool)> {
        if let (Some(s), TermKind::Fuzzy, Some(row), Some(&mask)) =
            (scores, t.kind, self.rows.get(i), self.masks.get(i))
        {
            if let Some(ids) = row
                .words
                .and_then(|(a, b)| self.vocabulary.of_candidates.get(a as usize..b as usize))
            {
                // The text is not read for a fuzzy term given its words' scores.
                return self.meets_text("", mask, false, t, Some((s, ids)));
            }
        }
        self.meets(self.candidates.get(i)?, t, scores)
    }

    /// How a folded text with letter mask `mask` meets a term (`quote` for quotations);
    /// `words`, the term's score for each word and the ids of the text's words, spares
    /// scoring each word again.
    fn meets_text(
        &self,
        f: &str,
        mask: u64,
        quote: bool,
        t: &Term,
        words: Option<(&WordScores, &[u32])>,
    ) -> Option<(i64, bool)> {
        let missing = (t.mask & !mask).count_ones();
        if missing > 1 {
            return None;
        }
        let w = t.text.as_str();
        let exact =
            |found: bool| found.then(|| (self.matcher.fuzzy_match(f, w).unwrap_or(1), false));
        match t.kind {
            TermKind::Exact => exact(missing == 0 && f.contains(w)),
            TermKind::ExactWord => exact(missing == 0 && word_at(f, w).is_some()),
            TermKind::Prefix => exact(missing == 0 && f.starts_with(w)),
            TermKind::Suffix => exact(missing == 0 && f.trim_end().ends_with(w)),
            TermKind::Equal => exact(missing == 0 && f.trim() == w),
            // A quotation is long enough to hold almost any letters in order: it must contain
            // the word.
            TermKind::Fuzzy if quote => exact(missing == 0 && f.contains(w)),
            TermKind::Fuzzy => {
                if missing == 0 {
                    let best = match words {
                        Some((scores, ids)) => ids
                            .iter()
                            .filter_map(|&id| scores.0.get(id as usize).copied())
                            .filter(|&s| s != i64::MIN)
                            .max(),
                        None => f
                            .split_whitespace()
                            .filter(|word| in_order(w, word))
                            .filter_map(|word| self.matcher.fuzzy_match(word, w))
                            .max(),
                    };
                    if let Some(score) = best {
                        return Some((score, false));
                    }
                }
                let n = t.chars.len();
                if n < 3 || (missing == 1 && n < 4) {
                    return None;
                }
                // The words of `f` are its segments joined by hyphens: a segment is near when
                // it is near in one of them.
                let near = match words {
                    Some((scores, ids)) if !scores.1.is_empty() => ids
                        .iter()
                        .any(|&id| scores.1.get(id as usize).copied().unwrap_or(false)),
                    _ => near_segment(f, &t.chars).is_some(),
                };
                near.then_some((n as i64, true))
            }
        }
    }

    /// A fuzzy term's score against every word of the vocabulary, and whether each word is
    /// within an edit of it, worked out in parallel.
    fn word_scores(&self, t: &Term) -> WordScores {
        let w = t.text.as_str();
        let words = &self.vocabulary.words;
        let scores = words
            .par_iter()
            .map(|(word, mask)| {
                if t.mask & !mask == 0 && in_order(w, word) {
                    self.matcher.fuzzy_match(word, w).unwrap_or(i64::MIN)
                } else {
                    i64::MIN
                }
            })
            .collect();
        let near = if t.chars.len() >= 3 {
            words
                .par_iter()
                .map(|(word, mask)| {
                    // A word lacking two of the term's letters is not within one edit.
                    (t.mask & !mask).count_ones() <= 1 && near_segment(word, &t.chars).is_some()
                })
                .collect()
        } else {
            Vec::new()
        };
        WordScores(scores, near)
    }

    /// How `c` meets a whole query: the summed score and the words that took an edit.
    /// `scores` holds, for each term, its word scores when they were worked out.
    fn score(
        &self,
        i: usize,
        query: &Query,
        scores: &[Vec<Option<WordScores>>],
    ) -> Option<(i64, u32)> {
        let mut score = 0i64;
        let mut edits = 0u32;
        for (g, group) in query.groups.iter().enumerate() {
            let mut best: Option<(i64, bool)> = None;
            for (k, t) in group.iter().enumerate() {
                let table = scores
                    .get(g)
                    .and_then(|s| s.get(k))
                    .and_then(Option::as_ref);
                let got = match (self.meets_at(i, t, table), t.negated) {
                    (Some(m), false) => Some(m),
                    // "blair !tony" leaves Tony Blair out, found by his alias "Blair" or not.
                    (None, true) => match self.candidates.get(i)?.folded_name.as_deref() {
                        Some((name, mask))
                            if self.meets_text(name, *mask, false, t, None).is_some() =>
                        {
                            None
                        }
                        _ => Some((0, false)),
                    },
                    _ => None,
                };
                best = match (best, got) {
                    (Some(b), Some(g)) if (g.1, -g.0) < (b.1, -b.0) => Some(g),
                    (None, g) => g,
                    (b, _) => b,
                };
            }
            let (s, edited) = best?;
            score += s;
            edits += u32::from(edited);
        }
        Some((score, edits))
    }

    /// Every candidate that passes the filter and matches `query`, unsorted; among `within`
    /// when given (the matches of a shorter query this one extends).
    pub fn matches(&self, query: &str, within: Option<&[usize]>) -> Vec<Match> {
        self.matches_of(&self.scan_for(query, within), within)
    }

    /// The matches of the query `scan` was made from, among `within` when given.
    fn matches_of(&self, scan: &Scan, within: Option<&[usize]>) -> Vec<Match> {
        match within {
            Some(ids) => ids.par_iter().filter_map(|&i| self.test(i, scan)).collect(),
            None => (0..self.candidates.len())
                .into_par_iter()
                .filter_map(|i| self.test(i, scan))
                .collect(),
        }
    }

    /// What [`SearchIndex::matches`] finds, as the candidates alone, with the best `keep` of
    /// the matches by the ranking of [`SearchIndex::top`]: each core keeps only the head of
    /// what it finds, so that a first letter over a million names does not gather a third of
    /// them to rank.
    pub fn matches_and_head(
        &self,
        query: &str,
        within: Option<&[usize]>,
        keep: usize,
    ) -> (Vec<usize>, Vec<Match>) {
        self.matches_and_head_of(&self.scan_for(query, within), within, keep)
    }

    /// [`SearchIndex::matches_and_head`] for a query made ready.
    fn matches_and_head_of(
        &self,
        scan: &Scan,
        within: Option<&[usize]>,
        keep: usize,
    ) -> (Vec<usize>, Vec<Match>) {
        let keep = keep.max(1);
        let cmp = |a: &Match, b: &Match| self.rank(a, b);
        // The best `keep` of `head`, and the worst of them: what a later match must beat.
        let trim = |head: &mut Vec<Match>| -> Option<Match> {
            if head.len() > keep {
                head.select_nth_unstable_by(keep - 1, cmp);
                head.truncate(keep);
                return head.last().copied();
            }
            None
        };
        // Fixed shares, each scanned by a plain loop into its own lists, then joined in order.
        let n = within.map_or(self.candidates.len(), <[usize]>::len);
        let share = n
            .div_ceil(rayon::current_num_threads().max(1) * 8)
            .max(4096);
        let parts: Vec<(Vec<usize>, Vec<Match>)> = (0..n.div_ceil(share))
            .into_par_iter()
            .map(|p| {
                let (mut ids, mut head) = (Vec::new(), Vec::new());
                let mut bound: Option<Match> = None;
                for k in p * share..n.min((p + 1) * share) {
                    let i = match within {
                        Some(w) => w[k],
                        None => k,
                    };
                    if let Some(m) = self.test(i, scan) {
                        ids.push(i);
                        if bound.is_none_or(|b| cmp(&m, &b).is_lt()) {
                            head.push(m);
                            if head.len() >= keep.saturating_mul(2) {
                                bound = trim(&mut head);
                            }
                        }
                    }
                }
                trim(&mut head);
                (ids, head)
            })
            .collect();
        let mut ids = Vec::with_capacity(parts.iter().map(|p| p.0.len()).sum());
        let mut head = Vec::new();
        for (part_ids, part_head) in parts {
            ids.extend(part_ids);
            head.extend(part_head);
        }
        trim(&mut head);
        (ids, head)
    }

    /// The best `limit` hits' matches for `scan`, found without scanning every candidate when
    /// that can be known: when each group of the query is one fuzzy word, no candidate scores
    /// more than the sum of each word's best score in the vocabulary, and the candidates are
    /// read in ranking order among equal scores (more mentions first, then by name), so the
    /// first `limit` targets that reach that sum are the answer. A first letter over a million
    /// names reads a few thousand. None when the query is not of that form or too few reach the
    /// sum early.
    fn head_at_best_score(&self, scan: &Scan, limit: usize) -> Option<Vec<Match>> {
        if limit == 0
            || scan.filter == Some(Filter::Quotes)
            || scan.parsed.groups.is_empty()
            || self.by_tie.len() != self.candidates.len()
        {
            return None;
        }
        let mut best = 0i64;
        // At most this many candidates reach the best score: the fewest, over the groups, that
        // hold a word at its best.
        let mut reaching = u64::MAX;
        for (g, group) in scan.parsed.groups.iter().enumerate() {
            let [t] = group.as_slice() else {
                return None;
            };
            if t.negated || t.kind != TermKind::Fuzzy {
                return None;
            }
            let table = scan.scores.get(g)?.first()?.as_ref()?;
            let top = table.0.iter().copied().filter(|&s| s != i64::MIN).max()?;
            best = best.checked_add(top)?;
            let holding: u64 = table
                .0
                .iter()
                .zip(&self.vocabulary.uses)
                .filter(|(&s, _)| s == top)
                .map(|(_, &n)| u64::from(n))
                .sum();
            reaching = reaching.min(holding);
        }
        // Too few reach it to be met early in a read of the allowed length: not worth trying.
        let reads = limit.saturating_mul(QUICK_READS_PER_HIT);
        let expected =
            (limit as u64).saturating_mul(self.candidates.len() as u64) / reaching.max(1);
        if reaching < limit as u64 || expected > reads as u64 {
            return None;
        }
        let mut head = Vec::new();
        let mut targets = rustc_hash::FxHashSet::default();
        for &i in self.by_tie.iter().take(reads) {
            let i = i as usize;
            let Some(m) = self.test(i, scan) else {
                continue;
            };
            if m.edits == 0 && m.score == best && targets.insert(self.candidates.get(i)?.target) {
                head.push(m);
                if targets.len() == limit {
                    return Some(head);
                }
            }
        }
        None
    }

    /// The candidates that match the query `scan` was made from (among `within`), in order;
    /// None if `stop` is raised before they are all read.
    fn ids_of(
        &self,
        scan: &Scan,
        within: Option<&[usize]>,
        stop: &std::sync::atomic::AtomicBool,
    ) -> Option<Vec<usize>> {
        use std::sync::atomic::Ordering;
        let n = within.map_or(self.candidates.len(), <[usize]>::len);
        // Shares small enough that a raised `stop` is seen within a millisecond or so.
        let share = n
            .div_ceil(rayon::current_num_threads().max(1) * 16)
            .clamp(1, 16_384);
        let parts: Vec<Option<Vec<usize>>> = (0..n.div_ceil(share))
            .into_par_iter()
            .map(|p| {
                if stop.load(Ordering::Relaxed) {
                    return None;
                }
                let ids = (p * share..n.min((p + 1) * share))
                    .map(|k| within.map_or(k, |w| w[k]))
                    .filter(|&i| self.test(i, scan).is_some())
                    .collect();
                Some(ids)
            })
            .collect();
        let parts: Vec<Vec<usize>> = parts.into_iter().collect::<Option<_>>()?;
        Some(parts.concat())
    }

    /// `query` made ready to test the candidates `within` (all when None) with, its fuzzy
    /// terms scored against the vocabulary first when that pays: when more of the words are
    /// read in the candidates scanned than there are words.
    fn scan_for(&self, query: &str, within: Option<&[usize]>) -> Scan {
        let scanned = within.map_or(self.candidates.len(), <[usize]>::len);
        let held = self.vocabulary.of_candidates.len();
        let by_word = held.saturating_mul(scanned) / self.candidates.len().max(1)
            >= self.vocabulary.words.len();
        self.scan(query, by_word)
    }

    /// A query made ready to test candidates with.
    fn scan(&self, query: &str, by_word: bool) -> Scan {
        let (filter, q) = parse_query(query);
        let parsed = parse_terms(q);
        let scores: Vec<Vec<Option<WordScores>>> = parsed
            .groups
            .iter()
            .map(|g| {
                g.iter()
                    .map(|t| (by_word && t.kind == TermKind::Fuzzy).then(|| self.word_scores(t)))
                    .collect()
            })
            .collect();
        // A term turns away a text that lacks one of its letters, or two for a fuzzy word of
        // four letters or more, which may match within an edit (see `meets_text`); a group
        // holding a negated term turns away nothing. Per group: each term's letters and the
        // letters it may lack.
        let needs: Vec<Vec<(u64, u32)>> = parsed
            .groups
            .iter()
            .filter(|g| !g.iter().any(|t| t.negated))
            .map(|g| {
                g.iter()
                    .map(|t| {
                        let edits = u32::from(t.kind == TermKind::Fuzzy && t.chars.len() >= 4);
                        (t.mask, edits)
                    })
                    .collect()
            })
            .collect();
        Scan {
            filter,
            bit: filter_bit(filter),
            parsed,
            scores,
            needs,
        }
    }

    /// Candidate `i` as a match of the query `scan` was made from, if it is one.
    #[inline]
    fn test(&self, i: usize, scan: &Scan) -> Option<Match> {
        // A candidate added without a mask beside it is read whole.
        if let Some(&mask) = self.masks.get(i) {
            let could = scan.needs.iter().all(|g| {
                g.iter()
                    .any(|&(letters, edits)| (letters & !mask).count_ones() <= edits)
            });
            if !could {
                return None;
            }
        }
        let tie = match self.rows.get(i) {
            Some(row) if row.admitted & scan.bit == 0 => return None,
            Some(row) => row.tie,
            None => {
                let c = self.candidates.get(i)?;
                if !Self::admits(c, scan.filter) {
                    return None;
                }
                c.tie()
            }
        };
        let (score, edits) = self.score(i, &scan.parsed, &scan.scores)?;
        Some(Match {
            candidate: i,
            score,
            edits,
            tie,
        })
    }

    /// The ranking of matches: in-order matches before those that took an edit, then score,
    /// then mentions, then name.
    fn rank(&self, a: &Match, b: &Match) -> std::cmp::Ordering {
        let c = &self.candidates;
        let by_name = || match (c.get(a.candidate), c.get(b.candidate)) {
            (Some(x), Some(y)) => x
                .alias
                .cmp(&y.alias)
                .then(x.name.cmp(&y.name))
                .then(a.candidate.cmp(&b.candidate)),
            _ => a.candidate.cmp(&b.candidate),
        };
        (a.edits, b.score, a.tie)
            .cmp(&(b.edits, a.score, b.tie))
            .then_with(by_name)
    }

    /// The best `limit` of `matches`, one per target, ranked: in-order matches before those
    /// that took an edit, then score, then mentions, then name.
    pub fn top(&self, query: &str, matches: &[Match], limit: usize) -> Vec<Hit> {
        let c = &self.candidates;
        let cmp = |a: &Match, b: &Match| self.rank(a, b);
        // Only the head needs sorting; a margin covers several strings of one target (the
        // margin `Narrowing::search` keeps too).
        let keep = limit.saturating_mul(4).max(limit);
        // Many matches (a first letter over a million names): each core keeps the head of its
        // share, and the heads are ranked together.
        let share = matches
            .len()
            .div_ceil(rayon::current_num_threads().max(1) * 4)
            .max(keep.saturating_mul(2))
            .max(1);
        let mut best: Vec<Match> = if matches.len() > share {
            matches
                .par_chunks(share)
                .flat_map_iter(|part| {
                    let mut head = part.to_vec();
                    if head.len() > keep {
                        head.select_nth_unstable_by(keep, cmp);
                        head.truncate(keep);
                    }
                    head
                })
                .collect()
        } else {
            matches.to_vec()
        };
        if best.len() > keep {
            best.select_nth_unstable_by(keep, cmp);
            best.truncate(keep);
        }
        best.sort_unstable_by(cmp);
        let mut seen = rustc_hash::FxHashSet::default();
        best.retain(|m| seen.insert(c[m.candidate].target));
        best.truncate(limit);
        let parsed = parse_terms(parse_query(query).1);
        best.into_iter()
            .map(|m| Hit {
                candidate: m.candidate,
                score: m.score,
                edits: m.edits,
                indices: self.highlight(&c[m.candidate], &parsed),
            })
            .collect()
    }

    /// The character positions of `c.text` that the query's terms matched, sorted.
    fn highlight(&self, c: &Candidate, query: &Query) -> Vec<usize> {
        let f = &*c.folded;
        let mut out: Vec<usize> = Vec::new();
        let chars_before = |byte: usize| f[..byte].chars().count();
        let span = |out: &mut Vec<usize>, byte: usize, len: usize| {
            let from = chars_before(byte);
            out.extend(from..from + len);
        };
        for t in query.groups.iter().flatten().filter(|t| !t.negated) {
            if self.meets(c, t, None).is_none() {
                continue;
            }
            let n = t.chars.len();
            match t.kind {
                TermKind::Exact | TermKind::Equal | TermKind::Prefix => {
                    if let Some(b) = f.find(t.text.as_str()) {
                        span(&mut out, b, n);
                    }
                }
                TermKind::ExactWord => {
                    if let Some(b) = word_at(f, &t.text) {
                        span(&mut out, b, n);
                    }
                }
                TermKind::Suffix => {
                    if let Some(b) = f.trim_end().rfind(t.text.as_str()) {
                        span(&mut out, b, n);
                    }
                }
                TermKind::Fuzzy => {
                    let best = word_starts(f)
                        .iter()
                        .filter(|(_, w)| in_order(&t.text, w))
                        .filter_map(|(at, w)| {
                            self.matcher
                                .fuzzy_indices(w, &t.text)
                                .map(|(s, ix)| (s, *at, ix))
                        })
                        .max_by_key(|x| x.0);
                    if let Some((_, at, ix)) = best {
                        let from = chars_before(at);
                        out.extend(ix.into_iter().map(|i| from + i));
                    } else if let Some((at, seg)) = near_segment(f, &t.chars) {
                        span(&mut out, at, seg.chars().count().min(n));
                    }
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// All hits for `query`, ranked (see [`SearchIndex::top`]).
    pub fn search(&self, query: &str, within: Option<&[usize]>) -> Vec<Hit> {
        let m = self.matches(query, within);
        self.top(query, &m, usize::MAX)
    }
}

/// Longest query word that may match within one edit.
const EDIT_BUFFER: usize = 64;

/// The byte offset of `w` in `f` where it stands as a whole word (no letter or digit on
/// either side).
fn word_at(f: &str, w: &str) -> Option<usize> {
    f.match_indices(w).map(|(at, _)| at).find(|&at| {
        let before = f[..at].chars().next_back();
        let after = f[at + w.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The words of `f` (split at whitespace), each with its byte offset.
fn word_starts(f: &str) -> Vec<(usize, &str)> {
    f.split_whitespace().map(|w| (offset_in(f, w), w)).collect()
}

/// The byte offset of `part`, a slice of `f`, within `f`.
fn offset_in(f: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(f.as_ptr() as usize)
}

/// The first segment of `f` (split at whitespace and hyphens) whose start `w` is within one
/// edit of (see [`near_prefix`]), with its byte offset; `w` longer than [`EDIT_BUFFER`] never is.
fn near_segment<'f>(f: &'f str, w: &[char]) -> Option<(usize, &'f str)> {
    let n = w.len();
    if n >= EDIT_BUFFER {
        return None;
    }
    let mut buf = ['\0'; EDIT_BUFFER];
    f.split(|ch: char| ch.is_whitespace() || ch == '-')
        .find(|seg| {
            let mut m = 0;
            for ch in seg.chars().take(n + 1) {
                buf[m] = ch;
                m += 1;
            }
            near_prefix(w, &buf[..m])
        })
        .map(|seg| (offset_in(f, seg), seg))
}

/// True when a query may be answered from the matches of `last`: it adds letters to the end of
/// `last`'s last word (of four letters or more, whose edits then only get fewer) or adds words,
/// and neither uses `|` or `!` (which widen as they grow).
fn narrows(last: &str, next: &str) -> bool {
    let Some(added) = next.strip_prefix(last) else {
        return false;
    };
    if last.trim().is_empty() || [last, next].iter().any(|q| q.contains(['|', '!', '\\'])) {
        return false;
    }
    let last_word = last.split_whitespace().next_back().unwrap_or("");
    let ends_in_space =
        last.ends_with(char::is_whitespace) || added.starts_with(char::is_whitespace);
    if ends_in_space {
        return true;
    }
    let core = |w: &str| -> Vec<char> { w.trim_start_matches(['^', '\'']).chars().collect() };
    let was = core(last_word);
    // One letter grown to two: neither takes an edit, so a text holding the two in order, or
    // starting with them, or containing them, holds the one.
    let grown = next
        .get(last.len() - last_word.len()..)
        .and_then(|rest| rest.split_whitespace().next())
        .map(core);
    let one_to_two = was.len() == 1
        && grown.is_some_and(|g| g.len() == 2 && g.iter().all(|c| c.is_alphanumeric()))
        && was.iter().all(|c| c.is_alphanumeric());
    one_to_two || (!last_word.ends_with(['$', '\'']) && was.len() >= 4)
}

/// Search state that remembers the last query, so that typing one more letter only rescans
/// what matched before.
#[derive(Default)]
pub struct Narrowing {
    last_query: String,
    /// What the last query matched; None while that is left for [`Narrowing::prepare`].
    last_matches: Option<Vec<usize>>,
    /// While it is left: the matches of the query before, which hold the last one's.
    pending_within: Option<Vec<usize>>,
}

impl Narrowing {
    /// The best `limit` hits for `query`, narrowing from the previous query when this one
    /// extends it (whatever matches the longer query matched the shorter one).
    ///
    /// When the answer is found without reading every candidate (see
    /// `SearchIndex::head_at_best_score`), what the query matched is left for
    /// [`Narrowing::prepare`]; the next query narrows only once it has run.
    pub fn search(&mut self, index: &SearchIndex, query: &str, limit: usize) -> Vec<Hit> {
        let (filter, q) = parse_query(query);
        let (last_filter, last_q) = parse_query(&self.last_query);
        let extends =
            filter == last_filter && query.starts_with(&self.last_query) && narrows(last_q, q);
        let within = self.last_matches.take().filter(|_| extends);
        self.pending_within = None;
        self.last_query = query.to_string();
        let scan = index.scan_for(query, within.as_deref());
        if let Some(head) = index.head_at_best_score(&scan, limit) {
            self.pending_within = within;
            return index.top(query, &head, limit);
        }
        // The head `top` ranks from: a margin covers several strings of one target.
        let keep = limit.saturating_mul(4).max(limit);
        let (ids, head) = index.matches_and_head_of(&scan, within.as_deref(), keep);
        self.last_matches = Some(ids);
        index.top(query, &head, limit)
    }

    /// Find what the last query matched, if [`Narrowing::search`] left it: the work to do
    /// between keystrokes, so that the next one narrows.
    pub fn prepare(&mut self, index: &SearchIndex) {
        self.prepare_unless(index, &std::sync::atomic::AtomicBool::new(false));
    }

    /// [`Narrowing::prepare`], given up as soon as `stop` is raised (a key has come): the next
    /// query then reads every candidate, as if the last had never been prepared.
    pub fn prepare_unless(&mut self, index: &SearchIndex, stop: &std::sync::atomic::AtomicBool) {
        if self.last_matches.is_none() && !self.last_query.is_empty() {
            let within = self.pending_within.as_deref();
            let scan = index.scan_for(&self.last_query, within);
            if let Some(ids) = index.ids_of(&scan, within, stop) {
                self.last_matches = Some(ids);
                self.pending_within = None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(idx: &SearchIndex, hits: &[Hit]) -> Vec<String> {
        hits.iter()
            .map(|h| idx.candidates[h.candidate].name.to_string())
            .collect()
    }

    fn index(words: &[(&str, usize)]) -> SearchIndex {
        SearchIndex::from_candidates(
            words
                .iter()
                .enumerate()
                .map(|(i, (n, w))| SearchIndex::entity_candidate(n, i, *w, Kind::Person))
                .collect(),
        )
    }

    #[test]
    fn fuzzy_matches_rank_by_score_then_mentions_then_name() {
        let idx = index(&[("Gong Zheng", 6), ("Gordon Zhang", 1), ("Hong Kong", 10)]);
        let hits = idx.search("gng zhng", None);
        assert_eq!(names(&idx, &hits)[0], "Gong Zheng");
        let tie = index(&[("Ann Lee", 1), ("Bob Lee", 5)]);
        let hits = tie.search("lee", None);
        assert_eq!(
            names(&tie, &hits),
            vec!["Bob Lee", "Ann Lee"],
            "more mentions first on equal scores"
        );
    }

    /// The rule the search states, written the slow way: each query word within one word of
    /// the candidate, by its letters in order or within one edit of a word's start (any edit
    /// from four letters, a swap of neighbours at three).
    fn slow_rule(text: &str, query: &str) -> bool {
        let f = fold(text);
        query.split_whitespace().map(fold).all(|w| {
            let n = w.chars().count();
            f.split_whitespace().any(|word| in_order(&w, word))
                || f.split(|c: char| c.is_whitespace() || c == '-').any(|seg| {
                    let seg: Vec<char> = seg.chars().collect();
                    (0..=seg.len()).any(|k| {
                        let p: String = seg[..k].iter().collect();
                        let d = crate::text::edit_distance(&w, &p);
                        let mut a: Vec<char> = w.chars().collect();
                        let mut b: Vec<char> = p.chars().collect();
                        a.sort_unstable();
                        b.sort_unstable();
                        (n >= 4 && d <= 1) || (n == 3 && (d == 0 || (d == 1 && a == b)))
                    })
                })
        })
    }

    #[test]
    fn the_prefilter_never_drops_a_match_and_nothing_else_is_found() {
        let texts = [
            "Zürich Insurance",
            "O'Brien & Co",
            "3M",
            "Hua Yuan",
            "Tony Blair",
            "Kilroy-Silk",
            "Arsène Wenger",
            "Australian Broadcasting Corporation",
            "Blain Smith",
        ];
        let idx = index(&texts.iter().map(|t| (*t, 1)).collect::<Vec<_>>());
        for q in [
            "zur",
            "zuerich",
            "obrien",
            "3m",
            "& co",
            "hau",
            "yaun",
            "blaire",
            "silk",
            "slik",
            "wengre",
            "taliban",
            "blair",
            "smiht",
            "insurence",
            "corp",
            "bra",
        ] {
            let found: Vec<&str> = idx
                .search(q, None)
                .iter()
                .map(|h| idx.candidates[h.candidate].text.as_ref())
                .collect();
            let mut expected: Vec<&str> =
                texts.iter().copied().filter(|t| slow_rule(t, q)).collect();
            let mut got = found.clone();
            got.sort_unstable();
            expected.sort_unstable();
            assert_eq!(got, expected, "{q}");
        }
    }

    #[test]
    fn scoring_each_word_once_gives_what_scoring_each_candidate_gives() {
        let idx = index(&[
            ("Mary Jones", 3),
            ("Jones Mary", 2),
            ("Mary-Kate Olsen", 1),
            ("Hua Yuan", 4),
            ("Arsène Wenger", 9),
            ("Museum of Modern Art", 1),
            ("m", 1),
        ]);
        for q in [
            "m",
            "ma",
            "mary",
            "jon ma",
            "hau",
            "'mary",
            "^ma",
            "jones$",
            "!jones m",
            "wen | mus",
            "marry",
            "p:m",
            "modren art",
            // Within an edit, of a segment after a hyphen and of the first letters.
            "kaet olsen",
            "wneger",
            "muesum",
        ] {
            assert_eq!(
                idx.matches_of(&idx.scan(q, true), None),
                idx.matches_of(&idx.scan(q, false), None),
                "{q}"
            );
        }
        // The swapped letters of "Kate" are found, as an edit, by the words' table.
        let m = idx.matches_of(&idx.scan("kaet olsen", true), None);
        assert!(m.iter().any(|m| m.candidate == 2 && m.edits == 1), "{m:?}");
    }

    fn first(idx: &SearchIndex, q: &str) -> Option<String> {
        idx.search(q, None)
            .first()
            .map(|h| idx.candidates[h.candidate].name.to_string())
    }

    #[test]
    fn misspellings_word_order_and_accents_are_forgiven() {
        let idx = index(&[
            ("Hua Yuan", 3),
            ("Tony Blair", 40),
            ("Gordon Brown", 30),
            ("Arsène Wenger", 12),
            ("Tony Banks", 2),
        ]);
        for (q, want) in [
            ("hua yaun", "Hua Yuan"),
            ("hau yuan", "Hua Yuan"),
            ("tony blaire", "Tony Blair"),
            ("gordon borwn", "Gordon Brown"),
            ("gordon bor", "Gordon Brown"),
            ("blair tony", "Tony Blair"),
            ("wenger arsene", "Arsène Wenger"),
            ("arsène wenger", "Arsène Wenger"),
            ("ARSENE", "Arsène Wenger"),
        ] {
            assert_eq!(first(&idx, q).as_deref(), Some(want), "{q}");
        }
    }

    #[test]
    fn a_match_that_took_an_edit_ranks_below_every_match_in_order() {
        // "Blain" is one letter from "blair" and has far more mentions; it still comes last.
        let idx = index(&[("Blain Smith", 500), ("Tony Blair", 1)]);
        let hits = idx.search("blair", None);
        assert_eq!(names(&idx, &hits), ["Tony Blair", "Blain Smith"]);
        assert_eq!((hits[0].edits, hits[1].edits), (0, 1));
        // Three letters tolerate a swap but not a wrong letter; shorter words no edit at all.
        assert_eq!(first(&idx, "tnoy").as_deref(), Some("Tony Blair"));
        assert_eq!(first(&idx, "ton").as_deref(), Some("Tony Blair"));
        assert!(idx.search("tpn", None).is_empty());
        assert!(idx.search("ot", None).is_empty());
    }

    #[test]
    fn letters_scattered_over_several_words_are_not_a_match() {
        let idx = index(&[("Australian Broadcasting Corporation", 9)]);
        assert!(idx.search("taliban", None).is_empty());
        assert!(idx.search("abc", None).is_empty());
        assert_eq!(idx.search("austr broad", None).len(), 1);
    }

    #[test]
    fn fzf_operators_work_as_fzf_documents_them() {
        let idx = index(&[
            ("Gordon Brown", 30),
            ("Brownlow Medal", 2),
            ("Tony Blair", 40),
            ("Cherie Blair", 5),
            ("Brown University", 1),
        ]);
        let found = |q: &str| {
            let mut v = names(&idx, &idx.search(q, None));
            v.sort();
            v
        };
        assert_eq!(
            found("'rown"),
            ["Brown University", "Brownlow Medal", "Gordon Brown"]
        );
        assert_eq!(found("'brown'"), ["Brown University", "Gordon Brown"]);
        assert_eq!(found("^brown"), ["Brown University", "Brownlow Medal"]);
        assert_eq!(found("brown$"), ["Gordon Brown"]);
        assert_eq!(found("^gordon brown$"), ["Gordon Brown"]);
        assert_eq!(found("blair !tony"), ["Cherie Blair"]);
        // A negation leaves out the target, whichever of its names would have matched.
        let mut alias = SearchIndex::entity_candidate("Blair", 1, 40, Kind::Person);
        alias.alias = true;
        alias.name = "Tony Blair".into();
        alias.folded_name = Some(Box::new(("tony blair".into(), mask_of("tony blair"))));
        let aliased = SearchIndex::from_candidates(vec![
            SearchIndex::entity_candidate("Cherie Blair", 0, 5, Kind::Person),
            alias,
        ]);
        assert_eq!(
            names(&aliased, &aliased.search("blair !tony", None)),
            ["Cherie Blair"]
        );
        assert_eq!(found("!^brown brown"), ["Gordon Brown"]);
        assert_eq!(found("cherie | gordon"), ["Cherie Blair", "Gordon Brown"]);
        assert_eq!(found("^brown | ^tony medal"), ["Brownlow Medal"]);
        // Exact terms do not forgive: a swapped letter finds nothing.
        assert!(found("'borwn").is_empty());
        // Operators still being typed are no term at all.
        assert_eq!(found("blair !").len(), 2);
        assert_eq!(found("blair |").len(), 2);
        assert_eq!(
            parse_terms("a\\ b").groups[0][0].text,
            "a b",
            "an escaped space stays in its term"
        );
    }

    #[test]
    fn highlights_mark_the_letters_each_word_matched() {
        let idx = index(&[("Tony Blair", 1)]);
        let hit = &idx.search("blair tny", None)[0];
        // "Tony Blair": t0 o1 n2 y3 _4 b5 l6 a7 i8 r9
        assert_eq!(hit.indices, [0, 2, 3, 5, 6, 7, 8, 9]);
        let hit = &idx.search("^ton", None)[0];
        assert_eq!(hit.indices, [0, 1, 2]);
    }

    #[test]
    fn prefixes_filter_kinds() {
        assert_eq!(
            parse_query("p:lee"),
            (Some(Filter::Kind(Kind::Person)), "lee")
        );
        assert_eq!(
            parse_query("a: hong kong"),
            (Some(Filter::Articles), "hong kong")
        );
        assert_eq!(parse_query("x:lee"), (None, "x:lee"));
        assert_eq!(parse_query("lee"), (None, "lee"));
    }

    #[test]
    fn the_head_of_many_matches_is_the_head_of_them_all_ranked() {
        let texts: Vec<String> = (0..6000)
            .map(|i| format!("Anna Marsh{} {}", i % 37, i * 7919 % 6011))
            .collect();
        let words: Vec<(&str, usize)> = texts
            .iter()
            .enumerate()
            .map(|(i, n)| (n.as_str(), i % 13))
            .collect();
        let idx = index(&words);
        for q in ["a", "m", "ma"] {
            let m = idx.matches(q, None);
            assert!(m.len() > 4000, "{q}: {} matches", m.len());
            let all = idx.search(q, None);
            let head = idx.top(q, &m, 10);
            assert_eq!(names(&idx, &head), names(&idx, &all[..10]), "{q}");
            // The palette's search keeps each core's head only, and every match's candidate.
            let (ids, kept) = idx.matches_and_head(q, None, 40);
            let mut found: Vec<usize> = m.iter().map(|m| m.candidate).collect();
            found.sort_unstable();
            let mut ids_sorted = ids.clone();
            ids_sorted.sort_unstable();
            assert_eq!(ids_sorted, found, "{q}");
            assert_eq!(kept.len(), 40);
            assert_eq!(idx.top(q, &kept, 10), head, "{q}");
        }
        // A first letter that every name holds at the start of a word: the first ten in ranking
        // order are the answer, read without the rest.
        assert!(idx.head_at_best_score(&idx.scan("m", true), 10).is_some());
        // Typed a letter at a time with the palette's limit: without the work between keystrokes
        // that lets each narrow the last, with it, and with it given up (a key came), when the
        // next keystroke reads everything instead.
        let stopped = std::sync::atomic::AtomicBool::new(true);
        for between in ["none", "prepared", "given up"] {
            let mut n = Narrowing::default();
            for q in [
                "m", "ma", "mar", "mars", "marsh", "marsh1", "marsh1 ", "marsh1 5",
            ] {
                let fresh = idx.top(q, &idx.matches(q, None), 10);
                assert_eq!(n.search(&idx, q, 10), fresh, "{q}, between keys: {between}");
                match between {
                    "prepared" => n.prepare(&idx),
                    "given up" => n.prepare_unless(&idx, &stopped),
                    _ => {}
                }
            }
        }
    }

    #[test]
    fn a_second_letter_narrows_and_a_third_does_not() {
        assert!(narrows("m", "ma"));
        assert!(narrows("mary l", "mary le"));
        assert!(narrows("^m", "^ma"));
        assert!(narrows("m", "ma lee"));
        // Three letters may match by two swapped, which two never do.
        assert!(!narrows("ma", "mar"));
        assert!(!narrows("m", "mar"));
        assert!(!narrows("m", "m$"));
        assert!(!narrows("m", "m'"));
        assert!(narrows("mary", "marya"));
    }

    #[test]
    fn narrowing_gives_the_same_answer_as_a_fresh_search() {
        let idx = index(&[
            ("Gong Zheng", 6),
            ("Gordon Zhang", 1),
            ("Hong Kong", 10),
            ("Zheng He", 2),
        ]);
        for query in [
            "gng zhng",
            "bxai zheng",
            "zhang !gor",
            "'zhe | kong",
            "hogn kogn",
            "zhen$ g",
            "^go zh",
            "'zh gong",
            "g' z",
            "hk",
            "zg ho",
        ] {
            let mut n = Narrowing::default();
            let mut typed = String::new();
            for ch in query.chars() {
                typed.push(ch);
                let narrowed = n.search(&idx, &typed, usize::MAX);
                let fresh = idx.search(&typed, None);
                assert_eq!(narrowed, fresh, "after typing {typed:?}");
            }
        }
    }

    #[test]
    fn a_quotation_is_found_by_its_words_and_shown_from_the_corpus_whole() {
        let corpus = Corpus::open(&[]).expect("the bundled seeds");
        let idx = SearchIndex::build(&corpus);
        let mut shown = 0;
        for (i, c) in idx.candidates.iter().enumerate() {
            if let Target::Quote(q) = c.target {
                let quote = &corpus.resolved.quotes[q];
                let words = corpus.articles[quote.article].slice(quote.span);
                assert_eq!(idx.text_of(&corpus, i), words);
                shown += 1;
            }
        }
        assert!(shown > 10, "the seeds' quotations are candidates: {shown}");
        // A word of the first quotation finds it, and the marked characters lie in its text.
        let quote = &corpus.resolved.quotes[0];
        let words = corpus.articles[quote.article].slice(quote.span);
        let word = words
            .split_whitespace()
            .max_by_key(|w| w.len())
            .expect("a word");
        let hits = idx.search(&format!("q:{word}"), None);
        let hit = hits
            .iter()
            .find(|h| idx.candidates[h.candidate].target == Target::Quote(0))
            .expect("the quotation found by its longest word");
        let chars = idx.text_of(&corpus, hit.candidate).chars().count();
        assert!(!hit.indices.is_empty() && hit.indices.iter().all(|&c| c < chars));
    }
}
