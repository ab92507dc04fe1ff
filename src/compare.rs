//! Reports side by side. Which articles tell the same story ([`StoryIndex::related`]), and for
//! two of them ([`StoryIndex::compare`]): the entities both name and those only one names, the
//! sentences that say the same thing, aligned, and the figures that differ between them.
//!
//! Sentences are aligned the way comparable news reports are aligned in the literature (Nelken
//! and Shieber, EACL 2006; Barzilay and Elhadad, EMNLP 2003): a TF-IDF cosine between sentences,
//! with term weights from the whole corpus and the entities and figures two sentences share as
//! extra terms, turned into a global alignment that keeps the order (the heaviest chain of
//! pairs increasing on both sides); pairs far stronger than the rest may cross it, and a
//! sentence may pair with two adjacent sentences of the other side when together they say more.

use crate::corpus::Corpus;
use crate::model::{Article, ArticleMention, FigureKind, Span};
use crate::words::FUNCTION_WORDS;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Terms of an article kept for similarity: its heaviest ones.
const DOC_TERMS: usize = 128;
/// Articles whose term counts are held at once while the dictionary is built.
const COUNT_CHUNK: usize = 1024;
/// Terms of an article that lead to candidates for its related articles.
const SIGNATURE_TERMS: usize = 24;
/// Candidates scored in full for each article's related articles.
const CANDIDATES: usize = 64;
/// The least similarity for two articles to count as related.
pub const RELATED_MIN: f32 = 0.08;
/// The least similarity for two sentences to say the same thing.
pub const PAIR_MIN: f32 = 0.25;
/// A pair this similar is kept even when it breaks the order of the others.
const CROSSING_MIN: f32 = 0.5;
/// A term in more sentences of one article than this says nothing about which of them match.
const SENTENCE_POSTINGS_CAP: usize = 64;
/// Weight of two words in a row against one word.
const BIGRAM_WEIGHT: f32 = 0.5;
/// Sentences of B scored in full for each sentence of A: those sharing the most rare terms.
const SENTENCE_CANDIDATES: usize = 8;
/// Extra weight of an entity or figure term against a word.
const NAMED_BOOST: f32 = 1.5;

/// A sparse unit vector: (term, weight) sorted by term.
type Vector = Vec<(u32, f32)>;

/// What the alignment needs of one article: its entity mentions and figures, in text order.
#[derive(Debug, Default, Clone)]
struct ArticleFacts<'c> {
    /// The corpus's table of the article's mentions.
    mentions: &'c [ArticleMention],
    /// (span, kind, value) of counts, amounts and percentages.
    figures: Vec<(Span, FigureKind, f64)>,
}

/// The facts of article `article`, read from the corpus when needed rather than kept for
/// every article.
fn article_facts(corpus: &Corpus, article: usize) -> ArticleFacts<'_> {
    let Some(text) = corpus.articles.get(article) else {
        return ArticleFacts::default();
    };
    let all = &corpus.resolved.figures;
    let from = all.partition_point(|f| f.article < article);
    let mut figures: Vec<(Span, FigureKind, f64)> = all[from..]
        .iter()
        .take_while(|f| f.article == article)
        .filter(|f| f.kind != FigureKind::Date)
        .filter_map(|f| Some((f.span, f.kind, figure_value(text.slice(f.span))?)))
        .collect();
    figures.sort_unstable_by_key(|f| f.0.start);
    ArticleFacts {
        mentions: corpus.resolved.by_article.of(article),
        figures,
    }
}

/// The items of `list` (in text order, each with its span first) that lie inside `span`.
fn inside<T>(list: &[T], span: Span, at: impl Fn(&T) -> Span) -> &[T] {
    let from = list.partition_point(|x| at(x).start < span.start);
    let len = list[from..]
        .iter()
        .take_while(|x| at(x).end <= span.end)
        .count();
    &list[from..from + len]
}

impl ArticleFacts<'_> {
    /// The entity mentions inside `span`.
    fn mentions_in(&self, span: Span) -> &[ArticleMention] {
        inside(self.mentions, span, |m| m.span())
    }

    /// The figures inside `span`.
    fn figures_in(&self, span: Span) -> &[(Span, FigureKind, f64)] {
        inside(&self.figures, span, |f| f.0)
    }
}

/// Term weights of the whole corpus and a vector per article, built once, used for related
/// articles and for aligning two articles' sentences.
#[derive(Debug, Default)]
pub struct StoryIndex {
    terms: FxHashMap<Box<str>, u32>,
    idf: Vec<f32>,
    docs: Vec<Vector>,
    /// Term to (article, weight) for the signature terms of every article.
    postings: Vec<Vec<(u32, f32)>>,
}

/// Another article that reports the same story.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Related {
    /// Article index.
    pub article: usize,
    /// Cosine similarity of the two articles' weighted terms, in [0, 1].
    pub similarity: f32,
}

/// Sentences of A and of B that say the same thing: one or two adjacent ones on each side (never
/// two on both).
#[derive(Debug, Clone, PartialEq)]
pub struct AlignedPair {
    /// Indices into [`Comparison::sentences_a`], ascending and adjacent.
    pub a: Vec<usize>,
    /// Indices into [`Comparison::sentences_b`], ascending and adjacent.
    pub b: Vec<usize>,
    /// Cosine similarity, in [0, 1].
    pub similarity: f32,
}

/// What a differing figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// A count of something ("12 people").
    Count,
    /// An amount of money.
    Money,
    /// A percentage.
    Percent,
    /// A score or result ("2-1", "38-8").
    Score,
}

impl Measure {
    /// Its name in JSON and text.
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Count => "count",
            Measure::Money => "money",
            Measure::Percent => "percent",
            Measure::Score => "score",
        }
    }
}

/// Two aligned sentences giving different numbers for the same thing.
#[derive(Debug, Clone, PartialEq)]
pub struct DifferingFigure {
    /// Index into [`Comparison::aligned`].
    pub pair: usize,
    /// The figure in A.
    pub a: Span,
    /// The figure in B.
    pub b: Span,
    /// What they measure.
    pub kind: Measure,
}

/// The scores in a text ("2-1", "38–8"): two numbers of at most three digits joined by a hyphen
/// or an en dash, not part of a longer run of digits, dashes or letters; each with its span
/// (offset by `base`) and the two numbers, smaller first (a result is the same whichever side is
/// named first).
fn scores_in(text: &str, base: usize) -> Vec<(Span, (u32, u32))> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit()
            || (i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'-'))
        {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let first = &text[start..i];
        let dash = if text[i..].starts_with('-') {
            1
        } else if text[i..].starts_with('\u{2013}') {
            3
        } else {
            0
        };
        if dash == 0 || first.len() > 3 {
            continue;
        }
        let second_start = i + dash;
        let mut j = second_start;
        while j < bytes.len() && bytes[j].is_ascii_digit() {
            j += 1;
        }
        let second = &text[second_start..j];
        let ends_clean =
            j >= bytes.len() || !(bytes[j].is_ascii_alphanumeric() || bytes[j] == b'-');
        if !second.is_empty() && second.len() <= 3 && ends_clean {
            if let (Ok(x), Ok(y)) = (first.parse::<u32>(), second.parse::<u32>()) {
                out.push((Span::new(base + start, base + j), (x.min(y), x.max(y))));
            }
        }
        i = j.max(i + 1);
    }
    out
}

/// Two articles compared.
#[derive(Debug, Clone, Default)]
pub struct Comparison {
    /// Article index of side A.
    pub a: usize,
    /// Article index of side B.
    pub b: usize,
    /// Entities both name, most mentioned first.
    pub shared: Vec<usize>,
    /// Entities only A names.
    pub only_a: Vec<usize>,
    /// Entities only B names.
    pub only_b: Vec<usize>,
    /// The sentences of A, in order (title and deck included).
    pub sentences_a: Vec<Span>,
    /// The sentences of B.
    pub sentences_b: Vec<Span>,
    /// Aligned sentences, in the order of A.
    pub aligned: Vec<AlignedPair>,
    /// Figures that differ between aligned sentences.
    pub differing: Vec<DifferingFigure>,
}

impl Comparison {
    /// The span of A's side of a pair (from its first sentence to its last).
    pub fn span_a(&self, pair: &AlignedPair) -> Span {
        side_span(&self.sentences_a, &pair.a)
    }

    /// The span of B's side of a pair.
    pub fn span_b(&self, pair: &AlignedPair) -> Span {
        side_span(&self.sentences_b, &pair.b)
    }
}

fn side_span(sentences: &[Span], idx: &[usize]) -> Span {
    let first = idx.first().and_then(|&i| sentences.get(i));
    let last = idx.last().and_then(|&i| sentences.get(i));
    match (first, last) {
        (Some(f), Some(l)) => Span::new(f.start, l.end),
        _ => Span::new(0, 0),
    }
}

/// The content words of a text, lowercased, function words and single letters dropped, a plural
/// `s` taken off.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter_map(|w| {
            w.chars().nth(1)?;
            let lower = w.to_lowercase();
            (!FUNCTION_WORDS.contains(&lower.as_str())).then(|| stem(lower))
        })
        .collect()
}

/// A light English stem: "cities" and "city", "reports" and "report" meet.
fn stem(mut w: String) -> String {
    if w.len() > 4 && w.ends_with("ies") {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        w.pop();
    }
    w
}

/// The number a figure's text gives: digits with separators, scaled by a following "million",
/// "billion" or "thousand"; None when it has no digits.
pub fn figure_value(text: &str) -> Option<f64> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let rest = &text[start..];
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(rest.len());
    let digits: String = rest[..end].chars().filter(|c| *c != ',').collect();
    let value: f64 = digits.trim_end_matches('.').parse().ok()?;
    let after = rest[end..].trim_start().to_lowercase();
    let scale = [
        ("trillion", 1e12),
        ("billion", 1e9),
        ("bn", 1e9),
        ("million", 1e6),
        ("m ", 1e6),
        ("thousand", 1e3),
    ]
    .iter()
    .find(|(w, _)| after.starts_with(w))
    .map_or(1.0, |(_, s)| *s);
    Some(value * scale)
}

/// What a count counts: its last word, stemmed ("cities" in "13 cities").
fn counted_thing(text: &str) -> String {
    text.split_whitespace()
        .last()
        .map(|w| {
            stem(
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase(),
            )
        })
        .unwrap_or_default()
}

fn entity_term(entity: usize) -> String {
    format!("#e{entity}")
}

fn figure_term(kind: FigureKind, value: f64) -> String {
    format!("#n{kind:?}{value}")
}

/// Term frequencies to a unit vector, keeping the `keep` heaviest terms (the norm is that of
/// all of them, so a cosine stays within [0, 1]).
fn unit_vector(counts: &FxHashMap<u32, (f32, f32)>, idf: &[f32], keep: usize) -> Vector {
    unit_vector_and_norm(counts, idf, keep).0
}

/// [`unit_vector`] and the length of the weighted vector before it was made a unit.
fn unit_vector_and_norm(
    counts: &FxHashMap<u32, (f32, f32)>,
    idf: &[f32],
    keep: usize,
) -> (Vector, f32) {
    let mut v: Vector = counts
        .iter()
        .map(|(&t, &(tf, boost))| {
            // Ids past the dictionary carry their weight in `boost`.
            let w = (1.0 + tf.ln()) * idf.get(t as usize).copied().unwrap_or(1.0) * boost;
            (t, w)
        })
        .filter(|(_, w)| *w > 0.0)
        .collect();
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm == 0.0 {
        return (Vec::new(), 0.0);
    }
    if v.len() > keep {
        v.select_nth_unstable_by(keep - 1, |x, y| y.1.total_cmp(&x.1));
        v.truncate(keep);
        // Held for the life of the index: the terms past `keep` would otherwise keep their room.
        v.shrink_to_fit();
    }
    for x in &mut v {
        x.1 /= norm;
    }
    v.sort_unstable_by_key(|x| x.0);
    (v, norm)
}

fn cosine(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot.clamp(0.0, 1.0)
}

/// Two sentences read as one (their weighted vectors added, each `(unit vector, length)`), as a
/// unit vector.
fn joined(a: &(Vector, f32), b: &(Vector, f32)) -> Vector {
    let mut m: FxHashMap<u32, f32> = FxHashMap::default();
    for &(t, w) in &a.0 {
        *m.entry(t).or_default() += w * a.1;
    }
    for &(t, w) in &b.0 {
        *m.entry(t).or_default() += w * b.1;
    }
    let norm = m
        .values()
        .map(|w| w * w)
        .sum::<f32>()
        .sqrt()
        .max(f32::MIN_POSITIVE);
    let mut v: Vector = m.into_iter().map(|(t, w)| (t, w / norm)).collect();
    v.sort_unstable_by_key(|x| x.0);
    v
}

impl StoryIndex {
    /// Build the index of a corpus: one pass over every article's words, in parallel.
    pub fn build(corpus: &Corpus) -> StoryIndex {
        let n = corpus.articles.len();
        let count = |ai: usize, a: &Article| {
            let f = article_facts(corpus, ai);
            let mut counts: FxHashMap<String, (f32, f32)> = FxHashMap::default();
            for w in words(&a.text) {
                counts.entry(w).or_insert((0.0, 1.0)).0 += 1.0;
            }
            for m in f.mentions {
                counts
                    .entry(entity_term(m.entity()))
                    .or_insert((0.0, NAMED_BOOST))
                    .0 += 1.0;
            }
            for &(_, kind, value) in &f.figures {
                counts
                    .entry(figure_term(kind, value))
                    .or_insert((0.0, NAMED_BOOST))
                    .0 += 1.0;
            }
            counts
        };
        // The dictionary and each term's document frequency, from the term counts of a chunk
        // of articles at a time (counted in parallel): every article's counts held at once
        // took 0.7 GB at 20x BBC. The counts are made again for the vectors below.
        let mut terms: FxHashMap<Box<str>, u32> = FxHashMap::default();
        let mut df: Vec<u32> = Vec::new();
        for (chunk, arts) in corpus.articles.chunks(COUNT_CHUNK).enumerate() {
            let counted: Vec<FxHashMap<String, (f32, f32)>> = arts
                .par_iter()
                .enumerate()
                .map(|(i, a)| count(chunk * COUNT_CHUNK + i, a))
                .collect();
            for counts in counted {
                for (w, _) in counts {
                    let next = terms.len() as u32;
                    let id = *terms.entry(w.into_boxed_str()).or_insert(next);
                    if id as usize == df.len() {
                        df.push(0);
                    }
                    df[id as usize] += 1;
                }
            }
        }
        let total = n as f32 + 1.0;
        let idf: Vec<f32> = df.iter().map(|&d| (total / d.max(1) as f32).ln()).collect();
        let docs: Vec<Vector> = corpus
            .articles
            .par_iter()
            .enumerate()
            .map(|(ai, a)| {
                let counts = count(ai, a);
                let mut ids: FxHashMap<u32, (f32, f32)> = FxHashMap::default();
                ids.reserve(counts.len());
                for (w, c) in counts {
                    if let Some(&id) = terms.get(w.as_str()) {
                        ids.insert(id, c);
                    }
                }
                unit_vector(&ids, &idf, DOC_TERMS)
            })
            .collect();
        let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); idf.len()];
        for (ai, d) in docs.iter().enumerate() {
            let mut sig: Vec<(u32, f32)> = d.clone();
            if sig.len() > SIGNATURE_TERMS {
                sig.select_nth_unstable_by(SIGNATURE_TERMS - 1, |x, y| y.1.total_cmp(&x.1));
                sig.truncate(SIGNATURE_TERMS);
            }
            for (t, w) in sig {
                if let Some(p) = postings.get_mut(t as usize) {
                    p.push((ai as u32, w));
                }
            }
        }
        StoryIndex {
            terms,
            idf,
            docs,
            postings,
        }
    }

    /// Number of articles indexed.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// True when no article is indexed.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The other articles that report the same story as `article`, most similar first, at most
    /// `limit`. The work is the postings of its signature terms, bounded by how many articles
    /// share them, then a full cosine for the best candidates.
    pub fn related(&self, article: usize, limit: usize) -> Vec<Related> {
        let Some(doc) = self.docs.get(article) else {
            return Vec::new();
        };
        let mut sig: Vec<(u32, f32)> = doc.clone();
        if sig.len() > SIGNATURE_TERMS {
            sig.select_nth_unstable_by(SIGNATURE_TERMS - 1, |x, y| y.1.total_cmp(&x.1));
            sig.truncate(SIGNATURE_TERMS);
        }
        let mut acc: FxHashMap<u32, f32> = FxHashMap::default();
        for (t, w) in sig {
            for &(other, ow) in self.postings.get(t as usize).into_iter().flatten() {
                if other as usize != article {
                    *acc.entry(other).or_default() += w * ow;
                }
            }
        }
        let mut candidates: Vec<(u32, f32)> = acc.into_iter().collect();
        if candidates.len() > CANDIDATES {
            candidates.select_nth_unstable_by(CANDIDATES - 1, |x, y| y.1.total_cmp(&x.1));
            candidates.truncate(CANDIDATES);
        }
        let mut out: Vec<Related> = candidates
            .into_iter()
            .map(|(other, _)| Related {
                article: other as usize,
                similarity: cosine(doc, &self.docs[other as usize]),
            })
            .filter(|r| r.similarity >= RELATED_MIN)
            .collect();
        out.sort_by(|x, y| {
            y.similarity
                .total_cmp(&x.similarity)
                .then(x.article.cmp(&y.article))
        });
        out.truncate(limit);
        out
    }

    /// A sentence's vector: its words, the entities mentioned in it and the figures in it.
    fn sentence_vector(&self, text: &str, span: Span, facts: &ArticleFacts) -> (Vector, f32) {
        let mut counts: FxHashMap<u32, (f32, f32)> = FxHashMap::default();
        let ids: Vec<u32> = words(text.get(span.start..span.end).unwrap_or(""))
            .iter()
            .filter_map(|w| self.terms.get(w.as_str()).copied())
            .collect();
        for &t in &ids {
            counts.entry(t).or_insert((0.0, 1.0)).0 += 1.0;
        }
        // Two content words in a row that both sentences have ("13 cities", "12 countries") are
        // the same wording: weighted as their words are, on ids past the dictionary's.
        let base = self.idf.len() as u64;
        for w in ids.windows(2) {
            let idf = |t: u32| self.idf.get(t as usize).copied().unwrap_or(0.0);
            let key = (u64::from(w[0]) << 32 | u64::from(w[1])).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            let id = base + (key >> 33) % (u64::from(u32::MAX) - base).max(1);
            counts
                .entry(u32::try_from(id).unwrap_or(u32::MAX))
                .or_insert((0.0, BIGRAM_WEIGHT * (idf(w[0]) + idf(w[1])) / 2.0))
                .0 += 1.0;
        }
        for m in facts.mentions_in(span) {
            if let Some(&t) = self.terms.get(entity_term(m.entity()).as_str()) {
                counts.entry(t).or_insert((0.0, NAMED_BOOST)).0 += 1.0;
            }
        }
        for &(_, kind, value) in facts.figures_in(span) {
            if let Some(&t) = self.terms.get(figure_term(kind, value).as_str()) {
                counts.entry(t).or_insert((0.0, NAMED_BOOST)).0 += 1.0;
            }
        }
        unit_vector_and_norm(&counts, &self.idf, usize::MAX)
    }

    /// Compare articles `a` and `b` of `corpus` (the corpus this index was built from).
    pub fn compare(&self, corpus: &Corpus, a: usize, b: usize) -> Comparison {
        let (Some(art_a), Some(art_b)) = (corpus.articles.get(a), corpus.articles.get(b)) else {
            return Comparison::default();
        };
        let facts_a = &article_facts(corpus, a);
        let facts_b = &article_facts(corpus, b);
        // Entities: both, only A, only B; most mentioned (in the two articles) first.
        let mut count: FxHashMap<usize, (usize, usize)> = FxHashMap::default();
        for m in facts_a.mentions {
            count.entry(m.entity()).or_default().0 += 1;
        }
        for m in facts_b.mentions {
            count.entry(m.entity()).or_default().1 += 1;
        }
        let mut ranked: Vec<(usize, (usize, usize))> = count.into_iter().collect();
        let ents = &corpus.resolved.entities;
        ranked.sort_by(|x, y| {
            (y.1 .0 + y.1 .1)
                .cmp(&(x.1 .0 + x.1 .1))
                .then_with(|| ents[x.0].name.cmp(&ents[y.0].name))
        });
        let mut cmp = Comparison {
            a,
            b,
            sentences_a: art_a.sentences.clone(),
            sentences_b: art_b.sentences.clone(),
            ..Comparison::default()
        };
        for (e, (in_a, in_b)) in ranked {
            match (in_a > 0, in_b > 0) {
                (true, true) => cmp.shared.push(e),
                (true, false) => cmp.only_a.push(e),
                _ => cmp.only_b.push(e),
            }
        }
        let va: Vec<(Vector, f32)> = cmp
            .sentences_a
            .par_iter()
            .map(|s| self.sentence_vector(&art_a.text, *s, facts_a))
            .collect();
        let vb: Vec<(Vector, f32)> = cmp
            .sentences_b
            .par_iter()
            .map(|s| self.sentence_vector(&art_b.text, *s, facts_b))
            .collect();
        cmp.aligned = align(&va, &vb);
        cmp.differing = differing_figures(&cmp, art_a, art_b, facts_a, facts_b);
        cmp
    }
}

/// Every pair of sentences at least `min` alike that share a term, as (i, j, similarity):
/// through an inverted index of B's terms that leaves out terms in more than
/// `SENTENCE_POSTINGS_CAP` of B's sentences, so the work grows with the terms of A times a
/// bounded number of B's sentences each, never with |A| x |B|.
fn candidate_pairs(
    va: &[(Vector, f32)],
    vb: &[(Vector, f32)],
    min: f32,
) -> Vec<(usize, usize, f32)> {
    let mut index: FxHashMap<u32, Vec<(u32, f32)>> = FxHashMap::default();
    for (j, (v, _)) in vb.iter().enumerate() {
        for &(t, w) in v {
            index.entry(t).or_default().push((j as u32, w));
        }
    }
    let mut acc = vec![0.0f32; vb.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    for (i, (v, _)) in va.iter().enumerate() {
        for &(t, w) in v {
            let Some(list) = index.get(&t) else { continue };
            if list.len() > SENTENCE_POSTINGS_CAP {
                continue;
            }
            for &(j, wj) in list {
                let j = j as usize;
                if acc[j] == 0.0 {
                    touched.push(j);
                }
                acc[j] += w * wj;
            }
        }
        // The sentences sharing the most of the rarer terms are scored in full (the terms too
        // common to index count too): the similarity kept is the whole cosine.
        if touched.len() > SENTENCE_CANDIDATES {
            touched.select_nth_unstable_by(SENTENCE_CANDIDATES - 1, |&x, &y| {
                acc[y].total_cmp(&acc[x])
            });
        }
        for (rank, &j) in touched.iter().enumerate() {
            if rank < SENTENCE_CANDIDATES {
                let sim = cosine(v, &vb[j].0);
                if sim >= min {
                    out.push((i, j, sim));
                }
            }
        }
        for &j in &touched {
            acc[j] = 0.0;
        }
        touched.clear();
    }
    out
}

/// A Fenwick tree over B's sentences of the best chain ending at or before each one.
struct BestBefore {
    tree: Vec<(f32, usize)>,
}

impl BestBefore {
    fn new(n: usize) -> Self {
        BestBefore {
            tree: vec![(0.0, usize::MAX); n + 1],
        }
    }

    /// Best (score, pair) over positions < `j`.
    fn before(&self, j: usize) -> (f32, usize) {
        let mut best = (0.0, usize::MAX);
        let mut k = j;
        while k > 0 {
            if self.tree[k].0 > best.0 {
                best = self.tree[k];
            }
            k &= k - 1;
        }
        best
    }

    fn offer(&mut self, j: usize, value: (f32, usize)) {
        let mut k = j + 1;
        while k < self.tree.len() {
            if value.0 > self.tree[k].0 {
                self.tree[k] = value;
            }
            k += k & k.wrapping_neg();
        }
    }
}

/// The global alignment of two articles' sentences, each `(unit vector, length)`.
fn align(va: &[(Vector, f32)], vb: &[(Vector, f32)]) -> Vec<AlignedPair> {
    let mut pairs = candidate_pairs(va, vb, PAIR_MIN * 0.5);
    pairs.sort_by_key(|p| (p.0, p.1));
    let sim: FxHashMap<(usize, usize), f32> = pairs.iter().map(|&(i, j, s)| ((i, j), s)).collect();
    // Anchors: pairs far stronger than usual that are each other's best match. They stay
    // whatever their order, so a report that tells the same things in another order is
    // aligned whole, and the chain is not tempted to trade them for weaker pairs in order.
    let mut best_a: Vec<Option<(usize, f32)>> = vec![None; va.len()];
    let mut best_b: Vec<Option<(usize, f32)>> = vec![None; vb.len()];
    for &(i, j, s) in &pairs {
        if best_a[i].is_none_or(|(_, b)| s > b) {
            best_a[i] = Some((j, s));
        }
        if best_b[j].is_none_or(|(_, b)| s > b) {
            best_b[j] = Some((i, s));
        }
    }
    let mut used_a = vec![false; va.len()];
    let mut used_b = vec![false; vb.len()];
    let mut chain: Vec<(usize, usize, f32)> = Vec::new();
    for (i, best) in best_a.iter().enumerate() {
        if let Some((j, s)) = *best {
            if s >= CROSSING_MIN && best_b[j].is_some_and(|(bi, _)| bi == i) {
                used_a[i] = true;
                used_b[j] = true;
                chain.push((i, j, s));
            }
        }
    }
    // The heaviest chain increasing in both i and j among the other pairs: pairs of one i are
    // scored against the tree as it was before that i, so no sentence is used twice.
    let strong: Vec<(usize, usize, f32)> = pairs
        .iter()
        .copied()
        .filter(|p| p.2 >= PAIR_MIN && !used_a[p.0] && !used_b[p.1])
        .collect();
    let mut tree = BestBefore::new(vb.len());
    let mut score = vec![0.0f32; strong.len()];
    let mut prev = vec![usize::MAX; strong.len()];
    let mut k = 0;
    while k < strong.len() {
        let i = strong[k].0;
        let end = strong[k..]
            .iter()
            .position(|p| p.0 != i)
            .map_or(strong.len(), |n| k + n);
        for p in k..end {
            let (best, from) = tree.before(strong[p].1);
            score[p] = best + strong[p].2;
            prev[p] = from;
        }
        for p in k..end {
            tree.offer(strong[p].1, (score[p], p));
        }
        k = end;
    }
    let mut at = (0..strong.len()).max_by(|&x, &y| score[x].total_cmp(&score[y]));
    while let Some(p) = at.filter(|&p| p < strong.len()) {
        chain.push(strong[p]);
        used_a[strong[p].0] = true;
        used_b[strong[p].1] = true;
        at = Some(prev[p]);
    }
    // Pairs far stronger than usual stay even when they cross the chain.
    let mut crossing: Vec<(usize, usize, f32)> = strong
        .iter()
        .copied()
        .filter(|p| p.2 >= CROSSING_MIN && !used_a[p.0] && !used_b[p.1])
        .collect();
    crossing.sort_by(|x, y| y.2.total_cmp(&x.2));
    for (i, j, s) in crossing {
        if !used_a[i] && !used_b[j] {
            used_a[i] = true;
            used_b[j] = true;
            chain.push((i, j, s));
        }
    }
    // A sentence pairs with two adjacent ones of the other side when together they say more.
    let mut out: Vec<AlignedPair> = Vec::with_capacity(chain.len());
    for (i, j, s) in chain {
        let mut pair = AlignedPair {
            a: vec![i],
            b: vec![j],
            similarity: s,
        };
        let widen_b = [j.checked_sub(1), Some(j + 1)]
            .into_iter()
            .flatten()
            .filter(|&n| n < vb.len() && !used_b[n] && sim.contains_key(&(i, n)))
            .map(|n| (n, cosine(&va[i].0, &joined(&vb[j], &vb[n]))))
            .max_by(|x, y| x.1.total_cmp(&y.1));
        let widen_a = [i.checked_sub(1), Some(i + 1)]
            .into_iter()
            .flatten()
            .filter(|&n| n < va.len() && !used_a[n] && sim.contains_key(&(n, j)))
            .map(|n| (n, cosine(&vb[j].0, &joined(&va[i], &va[n]))))
            .max_by(|x, y| x.1.total_cmp(&y.1));
        match (widen_a, widen_b) {
            (Some((n, sa)), Some((_, sb))) if sa > s && sa >= sb => {
                used_a[n] = true;
                pair.a = vec![i.min(n), i.max(n)];
                pair.similarity = sa;
            }
            (_, Some((n, sb))) if sb > s => {
                used_b[n] = true;
                pair.b = vec![j.min(n), j.max(n)];
                pair.similarity = sb;
            }
            (Some((n, sa)), _) if sa > s => {
                used_a[n] = true;
                pair.a = vec![i.min(n), i.max(n)];
                pair.similarity = sa;
            }
            _ => {}
        }
        out.push(pair);
    }
    out.sort_by_key(|p| (p.a.first().copied(), p.b.first().copied()));
    out
}

/// Pairs whose sentences give different numbers for the same thing: a count of the same noun,
/// or the one amount or percentage each side gives.
fn differing_figures(
    cmp: &Comparison,
    art_a: &crate::model::Article,
    art_b: &crate::model::Article,
    facts_a: &ArticleFacts,
    facts_b: &ArticleFacts,
) -> Vec<DifferingFigure> {
    let mut out = Vec::new();
    for (pi, pair) in cmp.aligned.iter().enumerate() {
        let fa = facts_a.figures_in(cmp.span_a(pair));
        let fb = facts_b.figures_in(cmp.span_b(pair));
        for &(sa, kind, va) in fa {
            let thing = counted_thing(art_a.slice(sa));
            let same = |&&(sb, kb, _): &&(Span, FigureKind, f64)| {
                kb == kind && (kind != FigureKind::Count || counted_thing(art_b.slice(sb)) == thing)
            };
            let theirs: Vec<&(Span, FigureKind, f64)> = fb.iter().filter(same).collect();
            let ours = fa
                .iter()
                .filter(|f| {
                    f.1 == kind
                        && (kind != FigureKind::Count || counted_thing(art_a.slice(f.0)) == thing)
                })
                .count();
            // One figure of the thing on each side, and not the same number.
            if let [&(sb, _, vb)] = theirs.as_slice() {
                if ours == 1 && (va - vb).abs() > f64::EPSILON * va.abs().max(1.0) {
                    out.push(DifferingFigure {
                        pair: pi,
                        a: sa,
                        b: sb,
                        kind: match kind {
                            FigureKind::Money => Measure::Money,
                            FigureKind::Percent => Measure::Percent,
                            _ => Measure::Count,
                        },
                    });
                }
            }
        }
        // One score each side, and not the same result.
        let (span_a, span_b) = (cmp.span_a(pair), cmp.span_b(pair));
        let sa = scores_in(art_a.slice(span_a), span_a.start);
        let sb = scores_in(art_b.slice(span_b), span_b.start);
        if let ([(at_a, va)], [(at_b, vb)]) = (sa.as_slice(), sb.as_slice()) {
            if va != vb {
                out.push(DifferingFigure {
                    pair: pi,
                    a: *at_a,
                    b: *at_b,
                    kind: Measure::Score,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_are_two_short_numbers_joined_by_a_dash() {
        let found: Vec<(u32, u32)> =
            scores_in("Italy 8-38 Wales, then 2–1 in 2003-2004 and COVID-19", 0)
                .into_iter()
                .map(|s| s.1)
                .collect();
        assert_eq!(found, vec![(8, 38), (1, 2)]);
        let at = scores_in("won 3-0.", 10);
        assert_eq!(at[0].0, Span::new(14, 17));
    }

    #[test]
    fn figure_values_read_separators_and_scales() {
        assert_eq!(figure_value("4,321 foreign ventures"), Some(4321.0));
        assert_eq!(figure_value("US$20 billion"), Some(20e9));
        assert_eq!(figure_value("35 percent"), Some(35.0));
        assert_eq!(figure_value("£1.5bn"), Some(1.5e9));
        assert_eq!(figure_value("no digits"), None);
    }

    #[test]
    fn the_chain_keeps_order_and_a_strong_crossing_pair() {
        // Unit vectors on single terms: sentence i of A is term i; B is a permutation.
        let v = |t: u32| (vec![(t, 1.0f32)], 1.0);
        let va: Vec<(Vector, f32)> = (0..5).map(v).collect();
        let vb: Vec<(Vector, f32)> = [0, 1, 3, 2, 4, 9].into_iter().map(v).collect();
        let pairs = align(&va, &vb);
        let got: Vec<(usize, usize)> = pairs.iter().map(|p| (p.a[0], p.b[0])).collect();
        // 2 and 3 swap places: one of them is in the chain, the other crosses it.
        assert_eq!(got, vec![(0, 0), (1, 1), (2, 3), (3, 2), (4, 4)]);
        assert!(pairs.iter().all(|p| (p.similarity - 1.0).abs() < 1e-6));
    }

    #[test]
    fn a_sentence_pairs_with_two_adjacent_ones_when_they_say_more_together() {
        let va: Vec<(Vector, f32)> = vec![(vec![(1, 0.6), (2, 0.8f32)], 1.0)];
        let vb: Vec<(Vector, f32)> = vec![(vec![(1, 1.0)], 1.0), (vec![(2, 1.0)], 1.0)];
        let pairs = align(&va, &vb);
        assert_eq!(pairs.len(), 1, "{pairs:?}");
        assert_eq!(pairs[0].b, vec![0, 1]);
        assert!(pairs[0].similarity > 0.95);
    }
}
