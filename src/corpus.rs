//! The parsed corpus held in memory, and how it is built from paths or the bundled seeds.

use crate::extract::{self, ArticleExtraction, Kind, Lexicon};
use crate::isolate;
use crate::load::{self, LoadOptions, Loaded};
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
    /// A folder's notes skipped (README, LICENSE, COPYING, CHANGELOG).
    pub skipped_notes: usize,
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
        Self::open_with(paths, &LoadOptions::default())
    }

    /// [`Corpus::open`] with options for links and the limit on text held.
    pub fn open_with(paths: &[PathBuf], options: &LoadOptions) -> Result<Corpus> {
        let t0 = Instant::now();
        crate::gazetteer::warm_up();
        let loaded = if paths.is_empty() {
            load::load_seeds()
        } else {
            load::load_paths_with(paths, options)?
        };
        let read = t0.elapsed();
        Ok(Self::from_loaded(loaded, read))
    }

    /// Parse what a load produced.
    pub fn from_loaded(loaded: Loaded, read: Duration) -> Corpus {
        let mut warnings = loaded.warnings;
        let t1 = Instant::now();
        // Each article is parsed and extracted in isolation: a bug that panics on one becomes a
        // warning naming its file, and the rest of the corpus opens.
        let parsed: Vec<Result<Article, Warning>> = loaded
            .docs
            .into_par_iter()
            .map(|doc| {
                let path = doc.path.clone();
                isolate::isolated(|| parse::parse_owned(doc)).map_err(|msg| {
                    Warning::new(
                        path,
                        format!("dossier failed to parse this file ({msg}); skipped"),
                    )
                })
            })
            .collect();
        let mut articles = Vec::with_capacity(parsed.len());
        for p in parsed {
            match p {
                Ok(a) => articles.push(a),
                Err(w) => warnings.push(w),
            }
        }
        let ids: Vec<&str> = articles.iter().map(|a: &Article| a.id.as_str()).collect();
        let shorts = crate::text::short_ids(&ids);
        for (a, short) in articles.iter_mut().zip(shorts) {
            a.short = short;
        }
        let parse = t1.elapsed();
        let t2 = Instant::now();
        let (lex, tokens, failed) = Lexicon::from_articles_keeping_tokens(&articles);
        for (i, msg) in failed {
            if let Some(a) = articles.get(i) {
                warnings.push(extraction_failed(a, &msg));
            }
        }
        let lexicon = t2.elapsed();
        let t3 = Instant::now();
        let extracted: Vec<Result<ArticleExtraction, String>> = articles
            .par_iter()
            .zip(tokens)
            .map(|(a, packed)| {
                isolate::isolated(|| extract::extract_article(a, &packed.unpack(&a.text), &lex))
            })
            .collect();
        let mut extractions = Vec::with_capacity(extracted.len());
        for (a, e) in articles.iter().zip(extracted) {
            extractions.push(e.unwrap_or_else(|msg| {
                warnings.push(extraction_failed(a, &msg));
                ArticleExtraction::default()
            }));
        }
        drop(lex);
        // The tokens are gone; resolution's tables are new allocations.
        crate::memory::release();
        let extract = t3.elapsed();
        let t4 = Instant::now();
        let resolved = isolate::isolated(|| resolve::resolve(&articles, extractions))
            .unwrap_or_else(|msg| {
                warnings.push(Warning::new(
                    "(corpus)",
                    format!("dossier failed to join names across articles ({msg}); no entities are shown"),
                ));
                Resolved::default()
            });
        crate::memory::release();
        let resolve = t4.elapsed();
        Corpus {
            articles,
            warnings,
            skipped_other: loaded.skipped_other,
            skipped_notes: loaded.skipped_notes,
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
        self.articles.par_iter().map(Article::word_count).sum()
    }

    /// The article `key` names: its id or short id; else the articles whose ids start with it,
    /// the file it was read from, the articles with it as their whole title, or those whose
    /// titles contain it (three letters or more; case and accents ignored), first that answers.
    pub fn find_article(&self, key: &str) -> ArticleLookup<'_> {
        if let Some(a) = self
            .articles
            .iter()
            .find(|a| a.id == key)
            .or_else(|| self.articles.iter().find(|a| a.short == key))
        {
            return ArticleLookup::Found(a);
        }
        let by_id: Vec<&Article> = self
            .articles
            .iter()
            .filter(|a| a.id.starts_with(key))
            .collect();
        if !by_id.is_empty() {
            return ArticleLookup::of(by_id);
        }
        // The last segments of an id ("199" for "business/199" and "sport/199").
        let by_segments: Vec<&Article> = self
            .articles
            .iter()
            .filter(|a| {
                a.id.strip_suffix(key)
                    .is_some_and(|head| head.ends_with(['/', '_', '-']))
            })
            .collect();
        if !by_segments.is_empty() {
            return ArticleLookup::of(by_segments);
        }
        // The file it was read from, however the path is written.
        let path = std::path::Path::new(key);
        if path.is_file() {
            let wanted = path.canonicalize().ok();
            let by_path: Vec<&Article> = self
                .articles
                .iter()
                .filter(|a| {
                    a.path == key
                        || (wanted.is_some()
                            && std::path::Path::new(&a.path).canonicalize().ok() == wanted)
                })
                .collect();
            if !by_path.is_empty() {
                return ArticleLookup::of(by_path);
            }
        }
        // A path inside the corpus, from wherever it is typed ("sport/199.txt").
        if key.contains(['/', '.']) {
            let tail = key.trim_start_matches("./");
            let by_tail: Vec<&Article> = self
                .articles
                .iter()
                .filter(|a| {
                    a.path
                        .strip_suffix(tail)
                        .is_some_and(|head| head.is_empty() || head.ends_with('/'))
                })
                .collect();
            if !by_tail.is_empty() {
                return ArticleLookup::of(by_tail);
            }
        }
        // Its title, whole or in part, ignoring case and accents.
        let folded = crate::text::fold(key.trim());
        if folded.chars().count() < 3 {
            return ArticleLookup::None;
        }
        let titles: Vec<(&Article, String)> = self
            .articles
            .iter()
            .filter_map(|a| Some((a, crate::text::fold(a.title.as_deref()?))))
            .collect();
        let with = |keep: &dyn Fn(&str) -> bool| -> Vec<&Article> {
            titles
                .iter()
                .filter(|(_, t)| keep(t))
                .map(|(a, _)| *a)
                .collect()
        };
        let whole = with(&|t| t == folded);
        if !whole.is_empty() {
            return ArticleLookup::of(whole);
        }
        // Every word of it starts a word of the title, in any order ("chelsea mutu" for
        // "Chelsea sack Mutu"); a number is a whole word ("199" is not in "1990").
        let wanted: Vec<&str> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let in_words = |t: &str| {
            let words: Vec<&str> = t.split(|c: char| !c.is_alphanumeric()).collect();
            !wanted.is_empty()
                && wanted.iter().all(|w| {
                    let number = w.chars().all(|c| c.is_ascii_digit());
                    words
                        .iter()
                        .any(|t| if number { t == w } else { t.starts_with(w) })
                })
        };
        ArticleLookup::of(with(&in_words))
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

impl Corpus {
    /// Every broken offset in the corpus, described: a span outside its article's text or off a
    /// character boundary, paragraphs out of order, a mention that is empty, padded with spaces
    /// or crosses a paragraph, a speaker that is no entity or that the quote's article does not
    /// name. Empty for a sound corpus; the tests
    /// and fuzz targets hold every input to it.
    pub fn span_violations(&self) -> Vec<String> {
        let mut out = Vec::new();
        let valid = |a: &Article, sp: crate::model::Span| {
            sp.start <= sp.end
                && sp.end <= a.text.len()
                && a.text.is_char_boundary(sp.start)
                && a.text.is_char_boundary(sp.end)
        };
        for a in &self.articles {
            let spans = a
                .paragraphs
                .iter()
                .chain(&a.sentences)
                .chain(a.furniture.iter().map(|f| &f.span))
                .chain(a.title_span.iter())
                .chain(a.deck_span.iter());
            for sp in spans {
                if !valid(a, *sp) {
                    out.push(format!("{}: span {sp:?} is not in its text", a.id));
                }
            }
            for w in a.paragraphs.windows(2) {
                if w[0].end > w[1].start {
                    out.push(format!(
                        "{}: paragraphs {:?} and {:?} overlap",
                        a.id, w[0], w[1]
                    ));
                }
            }
        }
        let ents = &self.resolved.entities;
        for e in ents {
            for m in &e.mentions {
                let Some(a) = self.articles.get(m.article()) else {
                    out.push(format!("{}: mention in no article", e.id));
                    continue;
                };
                if !valid(a, m.span()) || m.span().is_empty() {
                    out.push(format!(
                        "{}: mention {:?} is not in {}",
                        e.id,
                        m.span(),
                        a.id
                    ));
                    continue;
                }
                let surface = a.slice(m.span());
                if surface.trim() != surface {
                    out.push(format!("{}: mention {surface:?} is padded", e.id));
                }
                let inside = a
                    .paragraphs
                    .iter()
                    .chain(a.title_span.iter())
                    .chain(a.deck_span.iter())
                    .chain(a.furniture.iter().map(|f| &f.span))
                    .any(|p| p.contains(m.span()));
                if !inside {
                    out.push(format!(
                        "{}: mention {surface:?} crosses a paragraph of {}",
                        e.id, a.id
                    ));
                }
            }
        }
        for q in &self.resolved.quotes {
            match self.articles.get(q.article) {
                Some(a) if valid(a, q.span) => {}
                _ => out.push(format!("quote {:?} is not in its article", q.span)),
            }
            match q.speaker.map(|s| ents.get(s)) {
                Some(None) => out.push(format!(
                    "quote {:?} has a speaker that is no entity",
                    q.span
                )),
                Some(Some(e)) if !e.mentions.iter().any(|m| m.article() == q.article) => {
                    out.push(format!(
                        "quote {:?} is given to {}, whom its article does not name",
                        q.span, e.id
                    ))
                }
                _ => {}
            }
        }
        for f in &self.resolved.figures {
            match self.articles.get(f.article) {
                Some(a) if valid(a, f.span) && !f.span.is_empty() => {}
                _ => out.push(format!("figure {:?} is not in its article", f.span)),
            }
        }
        out
    }
}

/// The warning for an article whose extraction panicked: it stays, without entities.
fn extraction_failed(a: &Article, msg: &str) -> Warning {
    Warning::new(
        a.path.clone(),
        format!("dossier failed to extract names from this file ({msg}); shown without them"),
    )
}

/// The outcome of looking an article up by id or prefix.
#[derive(Debug)]
pub enum ArticleLookup<'a> {
    /// Exactly one article.
    Found(&'a Article),
    /// Several articles answer to the key.
    Ambiguous(Vec<&'a Article>),
    /// No article matches.
    None,
}

impl<'a> ArticleLookup<'a> {
    fn of(mut found: Vec<&'a Article>) -> ArticleLookup<'a> {
        match found.len() {
            0 => ArticleLookup::None,
            1 => ArticleLookup::Found(found.remove(0)),
            _ => ArticleLookup::Ambiguous(found),
        }
    }
}
