//! The search index: every entity name and alias, every article title, and (with `q:`) every
//! quotation, scored by fuzzy-matcher's `SkimMatcherV2`. A cheap character prefilter skips
//! candidates that cannot match, and a query that extends the previous one narrows its matches.

use crate::corpus::Corpus;
use crate::extract::Kind;
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
    /// The text matched: a name, an alias, a title or a quotation.
    pub text: String,
    /// True when `text` is an alias of the target's name.
    pub alias: bool,
    /// Mentions of the target, for breaking ties.
    pub weight: usize,
    /// The entity kind, for entities.
    pub kind: Option<Kind>,
    /// The canonical name or title, for display and ties.
    pub name: String,
    /// The letters and digits present, one bit each, for the prefilter.
    mask: u64,
}

/// A candidate that matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index into the candidates.
    pub candidate: usize,
    /// The matcher's score.
    pub score: i64,
    /// Matched character positions in the candidate's text.
    pub indices: Vec<usize>,
}

fn mask_of(s: &str) -> u64 {
    let mut m = 0u64;
    for c in s.chars() {
        let c = c.to_ascii_lowercase();
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

/// Every searchable string of a corpus.
pub struct SearchIndex {
    /// The candidates.
    pub candidates: Vec<Candidate>,
    matcher: SkimMatcherV2,
}

impl SearchIndex {
    /// Index a corpus.
    pub fn build(corpus: &Corpus) -> SearchIndex {
        let mut candidates = Vec::new();
        for (i, e) in corpus.resolved.entities.iter().enumerate() {
            let weight = e.mentions.len();
            candidates.push(Candidate {
                target: Target::Entity(i),
                text: e.name.clone(),
                alias: false,
                weight,
                kind: Some(e.kind),
                name: e.name.clone(),
                mask: mask_of(&e.name),
            });
            for a in &e.aliases {
                candidates.push(Candidate {
                    target: Target::Entity(i),
                    text: a.clone(),
                    alias: true,
                    weight,
                    kind: Some(e.kind),
                    name: e.name.clone(),
                    mask: mask_of(a),
                });
            }
        }
        for (i, a) in corpus.articles.iter().enumerate() {
            let title = a.title.clone().unwrap_or_else(|| a.id.clone());
            candidates.push(Candidate {
                target: Target::Article(i),
                kind: None,
                mask: mask_of(&title),
                text: title.clone(),
                alias: false,
                weight: 0,
                name: title,
            });
        }
        for (i, q) in corpus.resolved.quotes.iter().enumerate() {
            let text = corpus.articles[q.article].slice(q.span).to_string();
            let name = q
                .speaker
                .map(|s| corpus.resolved.entities[s].name.clone())
                .unwrap_or_default();
            candidates.push(Candidate {
                target: Target::Quote(i),
                kind: None,
                mask: mask_of(&text),
                text,
                alias: false,
                weight: 0,
                name,
            });
        }
        Self::from_candidates(candidates)
    }

    /// An index over the given candidates (for benchmarks and tests).
    pub fn from_candidates(candidates: Vec<Candidate>) -> SearchIndex {
        SearchIndex {
            candidates,
            matcher: SkimMatcherV2::default().ignore_case(),
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
    }

    /// A plain candidate for an entity-like name (for benchmarks and tests).
    pub fn entity_candidate(name: &str, target: usize, weight: usize, kind: Kind) -> Candidate {
        Candidate {
            target: Target::Entity(target),
            kind: Some(kind),
            text: name.to_string(),
            alias: false,
            weight,
            name: name.to_string(),
            mask: mask_of(name),
        }
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

    /// Every candidate that passes the filter and matches `query`, with its score, unsorted;
    /// among `within` when given (the matches of a shorter query this one extends).
    pub fn matches(&self, query: &str, within: Option<&[usize]>) -> Vec<(usize, i64)> {
        let (filter, q) = parse_query(query);
        let q = q.trim();
        let qmask = mask_of(q);
        let words: Vec<String> = q.split_whitespace().map(str::to_lowercase).collect();
        let test = |i: usize| -> Option<(usize, i64)> {
            let c = &self.candidates[i];
            // The prefilter: a candidate lacking a letter of the query cannot match.
            if c.mask & qmask != qmask || !Self::admits(c, filter) {
                return None;
            }
            if q.is_empty() {
                return Some((i, 0));
            }
            // A quotation is long enough to hold almost any letters in order: it must contain
            // each word of the query.
            if matches!(c.target, Target::Quote(_)) {
                let lower = c.text.to_lowercase();
                if !words.iter().all(|w| lower.contains(w.as_str())) {
                    return None;
                }
            }
            self.matcher.fuzzy_match(&c.text, q).map(|score| (i, score))
        };
        match within {
            Some(ids) => ids.par_iter().filter_map(|&i| test(i)).collect(),
            None => (0..self.candidates.len())
                .into_par_iter()
                .filter_map(test)
                .collect(),
        }
    }

    /// The best `limit` of `matches`, one per target, ranked: score, then mentions, then name.
    pub fn top(&self, query: &str, matches: &[(usize, i64)], limit: usize) -> Vec<Hit> {
        let c = &self.candidates;
        let cmp = |a: &(usize, i64), b: &(usize, i64)| {
            let (x, y) = (&c[a.0], &c[b.0]);
            b.1.cmp(&a.1)
                .then(y.weight.cmp(&x.weight))
                .then(x.alias.cmp(&y.alias))
                .then(x.name.cmp(&y.name))
                .then(a.0.cmp(&b.0))
        };
        let mut best: Vec<(usize, i64)> = matches.to_vec();
        // Only the head needs sorting; a margin covers several strings of one target.
        let keep = limit.saturating_mul(4).max(limit);
        if best.len() > keep {
            best.select_nth_unstable_by(keep, cmp);
            best.truncate(keep);
        }
        best.sort_unstable_by(cmp);
        let mut seen = rustc_hash::FxHashSet::default();
        best.retain(|(i, _)| seen.insert(c[*i].target));
        best.truncate(limit);
        let q = parse_query(query).1.trim();
        best.into_iter()
            .map(|(i, score)| Hit {
                candidate: i,
                score,
                indices: if q.is_empty() {
                    vec![]
                } else {
                    self.matcher
                        .fuzzy_indices(&c[i].text, q)
                        .map(|x| x.1)
                        .unwrap_or_default()
                },
            })
            .collect()
    }

    /// All hits for `query`, ranked (see [`SearchIndex::top`]).
    pub fn search(&self, query: &str, within: Option<&[usize]>) -> Vec<Hit> {
        let m = self.matches(query, within);
        self.top(query, &m, usize::MAX)
    }
}

/// Search state that remembers the last query, so that typing one more letter only rescans
/// what matched before.
#[derive(Default)]
pub struct Narrowing {
    last_query: String,
    last_matches: Vec<usize>,
}

impl Narrowing {
    /// The best `limit` hits for `query`, narrowing from the previous query when this one
    /// extends it (whatever matches the longer query matched the shorter one).
    pub fn search(&mut self, index: &SearchIndex, query: &str, limit: usize) -> Vec<Hit> {
        let (filter, q) = parse_query(query);
        let (last_filter, last_q) = parse_query(&self.last_query);
        let extends = !last_q.trim().is_empty()
            && filter == last_filter
            && q.starts_with(last_q)
            && query.starts_with(&self.last_query);
        let matches = index.matches(query, extends.then_some(self.last_matches.as_slice()));
        self.last_query = query.to_string();
        self.last_matches = matches.iter().map(|m| m.0).collect();
        index.top(query, &matches, limit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(idx: &SearchIndex, hits: &[Hit]) -> Vec<String> {
        hits.iter()
            .map(|h| idx.candidates[h.candidate].name.clone())
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

    #[test]
    fn the_prefilter_never_drops_a_match() {
        let idx = index(&[("Zürich Insurance", 1), ("O'Brien & Co", 1), ("3M", 1)]);
        for q in ["zur", "obrien", "3m", "& co"] {
            let with = idx.search(q, None).len();
            let all = idx
                .candidates
                .iter()
                .filter(|c| {
                    SkimMatcherV2::default()
                        .ignore_case()
                        .fuzzy_match(&c.text, q)
                        .is_some()
                })
                .count();
            assert_eq!(with, all, "{q}");
        }
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
    fn narrowing_gives_the_same_answer_as_a_fresh_search() {
        let idx = index(&[
            ("Gong Zheng", 6),
            ("Gordon Zhang", 1),
            ("Hong Kong", 10),
            ("Zheng He", 2),
        ]);
        let mut n = Narrowing::default();
        let mut typed = String::new();
        for ch in "gng zhng".chars() {
            typed.push(ch);
            let narrowed = n.search(&idx, &typed, usize::MAX);
            let fresh = idx.search(&typed, None);
            assert_eq!(narrowed, fresh, "after typing {typed:?}");
        }
    }
}
