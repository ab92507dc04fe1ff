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
    /// The filter a `--kind` word or a one-letter prefix names.
    pub fn parse(word: &str) -> Option<Filter> {
        Some(match word.to_ascii_lowercase().as_str() {
            "p" | "person" | "people" => Filter::Kind(Kind::Person),
            "o" | "organization" | "organizations" | "organisation" | "organisations" => {
                Filter::Kind(Kind::Organization)
            }
            "l" | "place" | "places" => Filter::Kind(Kind::Place),
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

    /// Candidates that pass the filter and could match `query` (the prefilter), among `within`
    /// when given (the matches of a shorter query this one extends).
    pub fn search(&self, query: &str, within: Option<&[usize]>) -> Vec<Hit> {
        let (filter, q) = parse_query(query);
        let q = q.trim();
        let qmask = mask_of(q);
        let test = |i: usize| -> Option<Hit> {
            let c = &self.candidates[i];
            if c.mask & qmask != qmask || !Self::admits(c, filter) {
                return None;
            }
            if q.is_empty() {
                return Some(Hit {
                    candidate: i,
                    score: 0,
                    indices: vec![],
                });
            }
            // A quotation is long enough to hold almost any letters in order: its words must
            // each contain a word of the query.
            if matches!(c.target, Target::Quote(_)) {
                let lower = c.text.to_lowercase();
                if !q
                    .split_whitespace()
                    .all(|w| lower.contains(&w.to_lowercase()))
                {
                    return None;
                }
            }
            self.matcher
                .fuzzy_indices(&c.text, q)
                .map(|(score, indices)| Hit {
                    candidate: i,
                    score,
                    indices,
                })
        };
        let mut hits: Vec<Hit> = match within {
            Some(ids) => ids.par_iter().filter_map(|&i| test(i)).collect(),
            None => (0..self.candidates.len())
                .into_par_iter()
                .filter_map(test)
                .collect(),
        };
        self.rank(&mut hits);
        hits
    }

    /// Best first: score, then mentions, then name; one hit per target (its best string).
    fn rank(&self, hits: &mut Vec<Hit>) {
        let c = &self.candidates;
        hits.sort_by(|a, b| {
            let (x, y) = (&c[a.candidate], &c[b.candidate]);
            b.score
                .cmp(&a.score)
                .then(y.weight.cmp(&x.weight))
                .then(x.alias.cmp(&y.alias))
                .then(x.name.cmp(&y.name))
        });
        let mut seen = rustc_hash::FxHashSet::default();
        hits.retain(|h| seen.insert(c[h.candidate].target));
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
    /// Search `query`, narrowing from the previous query when this one extends it.
    pub fn search(&mut self, index: &SearchIndex, query: &str) -> Vec<Hit> {
        let extends = !self.last_query.is_empty()
            && query.starts_with(&self.last_query)
            && parse_query(query).0 == parse_query(&self.last_query).0
            && !parse_query(&self.last_query).1.trim().is_empty();
        let hits = if extends {
            // Matches come back deduplicated by target; keep every candidate of those targets.
            index.search(query, Some(&self.last_matches))
        } else {
            index.search(query, None)
        };
        self.last_query = query.to_string();
        self.last_matches = if parse_query(query).1.trim().is_empty() {
            Vec::new()
        } else {
            let targets: rustc_hash::FxHashSet<Target> = hits
                .iter()
                .map(|h| index.candidates[h.candidate].target)
                .collect();
            (0..index.candidates.len())
                .filter(|&i| targets.contains(&index.candidates[i].target))
                .collect()
        };
        hits
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
            let narrowed = n.search(&idx, &typed);
            let fresh = idx.search(&typed, None);
            assert_eq!(narrowed, fresh, "after typing {typed:?}");
        }
    }
}
