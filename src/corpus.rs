//! The parsed corpus held in memory, and how it is built from paths or the bundled seeds.

use crate::extract::{self, ArticleExtraction, Kind, Lexicon};
use crate::load::{self, Loaded};
use crate::model::{Article, Warning};
use crate::parse;
use crate::resolve::{self, Entity, Resolved};
use anyhow::Result;
use rayon::prelude::*;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// How long each phase of building the corpus took.
#[derive(Debug, Clone, Default)]
pub struct Timings {
    /// Walking, reading and decoding files.
    pub read: Duration,
    /// Parsing articles.
    pub parse: Duration,
    /// Scanning the corpus for how it uses its words (the lexicon extraction consults).
    pub lexicon: Duration,
    /// Extracting names, quotes and figures.
    pub extract: Duration,
    /// Resolving entities across the corpus.
    pub resolve: Duration,
}

impl Timings {
    /// All phases together.
    pub fn total(&self) -> Duration {
        self.read + self.parse + self.lexicon + self.extract + self.resolve
    }
}

/// Every article of a corpus with its load report.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Parsed articles, in path order.
    pub articles: Vec<Article>,
    /// Problems met while loading.
    pub warnings: Vec<Warning>,
    /// Files skipped because dossier does not read their format.
    pub skipped_other: usize,
    /// Bytes read.
    pub bytes: u64,
    /// Entities, quotes and figures.
    pub resolved: Resolved,
    /// Time per phase.
    pub timings: Timings,
}

impl Corpus {
    /// Load and parse the corpus at `paths`, or the bundled seeds when `paths` is empty.
    pub fn open(paths: &[PathBuf]) -> Result<Corpus> {
        let t0 = Instant::now();
        crate::gazetteer::warm_up();
        let loaded = if paths.is_empty() {
            load::load_seeds()
        } else {
            load::load_paths(paths)?
        };
        let read = t0.elapsed();
        Ok(Self::from_loaded(loaded, read))
    }

    /// Parse what a load produced.
    pub fn from_loaded(loaded: Loaded, read: Duration) -> Corpus {
        let t1 = Instant::now();
        let articles: Vec<Article> = loaded
            .docs
            .into_par_iter()
            .map(parse::parse_owned)
            .collect();
        let parse = t1.elapsed();
        let t2 = Instant::now();
        let (lex, tokens) = Lexicon::from_articles_keeping_tokens(&articles);
        let lexicon = t2.elapsed();
        let t3 = Instant::now();
        let extractions: Vec<ArticleExtraction> = articles
            .par_iter()
            .zip(tokens)
            .map(|(a, packed)| extract::extract_article(a, &packed.unpack(&a.text), &lex))
            .collect();
        let extract = t3.elapsed();
        let t4 = Instant::now();
        let resolved = resolve::resolve(&articles, &extractions);
        // Freed on both threads: the per-article extractions are many small allocations.
        extractions.into_par_iter().for_each(drop);
        drop(lex);
        let resolve = t4.elapsed();
        Corpus {
            articles,
            warnings: loaded.warnings,
            skipped_other: loaded.skipped_other,
            bytes: loaded.bytes,
            resolved,
            timings: Timings {
                read,
                parse,
                lexicon,
                extract,
                resolve,
            },
        }
    }

    /// Words in all article bodies.
    pub fn word_count(&self) -> usize {
        self.articles.iter().map(Article::word_count).sum()
    }

    /// The article whose id is `key`, or the only one whose id starts with `key`.
    pub fn find_article(&self, key: &str) -> ArticleLookup<'_> {
        if let Some(a) = self.articles.iter().find(|a| a.id == key) {
            return ArticleLookup::Found(a);
        }
        let matches: Vec<&Article> = self
            .articles
            .iter()
            .filter(|a| a.id.starts_with(key))
            .collect();
        match matches.len() {
            0 => ArticleLookup::None,
            1 => ArticleLookup::Found(matches[0]),
            _ => ArticleLookup::Ambiguous(matches.iter().map(|a| a.id.clone()).collect()),
        }
    }
}

impl Corpus {
    /// Entities of one kind, most mentioned first.
    pub fn entities_of(&self, kind: Kind) -> impl Iterator<Item = (usize, &Entity)> {
        self.resolved
            .entities
            .iter()
            .enumerate()
            .filter(move |(_, e)| e.kind == kind)
    }

    /// Entities whose name or an alias matches `query`: exact names first, then aliases, then
    /// names containing every word of the query. Returns the indices of the best tier.
    pub fn find_entities(&self, query: &str) -> Vec<usize> {
        let q = resolve::name_key(query);
        let ents = &self.resolved.entities;
        let tiers: [&dyn Fn(&Entity) -> bool; 3] = [
            &|e| resolve::name_key(&e.name) == q,
            &|e| e.aliases.iter().any(|a| resolve::name_key(a) == q),
            &|e| {
                let name = resolve::name_key(&e.name);
                q.split(' ').all(|w| name.split([' ', '-']).any(|n| n == w))
            },
        ];
        for tier in tiers {
            let hits: Vec<usize> = (0..ents.len()).filter(|&i| tier(&ents[i])).collect();
            if !hits.is_empty() {
                return hits;
            }
        }
        Vec::new()
    }
}

/// The outcome of looking an article up by id or prefix.
#[derive(Debug)]
pub enum ArticleLookup<'a> {
    /// Exactly one article.
    Found(&'a Article),
    /// Several ids start with the key.
    Ambiguous(Vec<String>),
    /// No article matches.
    None,
}
