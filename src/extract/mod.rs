//! Extraction: names with their kinds and roles, quotations with speakers, figures and dates,
//! per article. [`crate::resolve`] then joins them across the corpus.

pub mod figures;
pub mod lexicon;
pub mod memo;
pub mod names;
pub mod quotes;
pub mod tokens;

use crate::model::{Article, FurnitureKind, Span};
pub use figures::{Figure, FigureKind};
pub use names::{Kind, Lexicon, NameMention, RoleFact, Scores};
pub use quotes::QuoteFact;
use rustc_hash::FxHashMap;

/// What one article yields, held compactly: a corpus holds every article's at once until
/// resolution has joined them.
#[derive(Debug, Default)]
pub struct ArticleExtraction {
    /// Names found, in text order.
    pub mentions: Vec<MentionFact>,
    /// The full names the mentions stand for, each once.
    pub names: Vec<ArticleName>,
    /// The text of every name and its key, one after the other, that `names` points into.
    pub names_text: String,
    /// Roles of people, as facts of this article.
    pub roles: Vec<RoleFact>,
    /// Quotations.
    pub quotes: Vec<QuoteFact>,
    /// Figures and dates.
    pub figures: Vec<Figure>,
}

/// A full name as one article writes it, shared by the mentions that stand for it: where its
/// canonical form ("Tony Blair") and its key (`text::name_key` of it) lie in
/// [`ArticleExtraction::names_text`], one after the other. Twelve bytes, not two strings of
/// their own: an article of a large corpus names dozens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArticleName {
    start: u32,
    key: u32,
    end: u32,
}

/// A name found in an article, as resolution needs it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MentionFact {
    /// Where the name (without title or possessive) is.
    pub span: Span,
    /// Evidence for each kind.
    pub scores: Scores,
    /// Index of the full name it stands for in [`ArticleExtraction::names`].
    pub name: u32,
}

impl ArticleExtraction {
    /// The canonical name `m` stands for.
    pub fn canonical(&self, m: &MentionFact) -> &str {
        self.names
            .get(m.name as usize)
            .and_then(|n| self.names_text.get(n.start as usize..n.key as usize))
            .unwrap_or("")
    }

    /// The key of the name `m` stands for.
    pub fn key(&self, m: &MentionFact) -> &str {
        self.names
            .get(m.name as usize)
            .and_then(|n| self.names_text.get(n.key as usize..n.end as usize))
            .unwrap_or("")
    }
}

/// Mentions in the compact form a corpus keeps, each distinct full name once.
fn compact(mentions: Vec<NameMention>) -> (Vec<MentionFact>, Vec<ArticleName>, String) {
    let mut names: Vec<ArticleName> = Vec::new();
    let mut text = String::new();
    // Offsets are 32-bit: an article is at most 64 MB, and its distinct names fewer bytes.
    let at = |text: &String| u32::try_from(text.len()).unwrap_or(u32::MAX);
    let mut ids: FxHashMap<String, u32> = FxHashMap::default();
    let mut facts = Vec::with_capacity(mentions.len());
    for m in mentions {
        let name = match ids.get(m.canonical.as_str()) {
            Some(&id) => id,
            None => {
                let id = names.len() as u32;
                let start = at(&text);
                text.push_str(&m.canonical);
                let key = at(&text);
                text.push_str(&m.key);
                names.push(ArticleName {
                    start,
                    key,
                    end: at(&text),
                });
                ids.insert(m.canonical, id);
                id
            }
        };
        facts.push(MentionFact {
            span: m.span,
            scores: m.scores,
            name,
        });
    }
    names.shrink_to_fit();
    text.shrink_to_fit();
    (facts, names, text)
}

/// The tokens of an article's text units ([`crate::parse::text_units`]).
pub fn tokenize_article(article: &Article) -> tokens::Units<'_> {
    tokens::Units::of(&article.text, &crate::parse::text_units(article))
}

/// Extract everything from one article, given its tokens from [`tokenize_article`].
pub fn extract_article(
    article: &Article,
    units: &tokens::Units,
    lex: &Lexicon,
) -> ArticleExtraction {
    panic_if_asked(&article.id);
    // Figures are read from the sentences (not the captions) in the same pass as names.
    let mut figures = Vec::new();
    let sentences = article.sentences.len();
    let (mut mentions, mut roles) = names::extract_names_and(article, units, lex, |si, toks| {
        if si < sentences {
            figures::figures_in(toks, &mut figures);
        }
    });
    add_authors(article, &mut mentions, &mut roles);
    let quotes = quotes::extract_quotes(article, &mentions, &roles);
    first_person_speakers_are_people(article, &quotes, &mut mentions);
    let (mentions, names, names_text) = compact(mentions);
    let mut ex = ArticleExtraction {
        mentions,
        names,
        names_text,
        roles,
        quotes,
        figures,
    };
    ex.roles.shrink_to_fit();
    ex.quotes.shrink_to_fit();
    ex.figures.shrink_to_fit();
    ex
}

/// A one-word name that speaks of itself as "I" ("Mido said: \"There isn't much I have...\"")
/// is a person, whatever else its other uses suggest: bodies say "we".
fn first_person_speakers_are_people(
    article: &Article,
    quotes: &[QuoteFact],
    mentions: &mut [NameMention],
) {
    let first_person = |q: &QuoteFact| {
        article
            .slice(q.span)
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .any(|w| {
                matches!(w, "I" | "my" | "My" | "me" | "myself")
                    || w.starts_with("I'")
                    || w.starts_with("I’")
            })
    };
    let speakers: Vec<&str> = quotes
        .iter()
        .filter_map(|q| {
            q.speaker
                .as_deref()
                .filter(|s| !s.contains(' '))
                .map(|s| (q, s))
        })
        .filter(|(q, _)| first_person(q))
        .map(|(_, s)| s)
        .collect();
    if speakers.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        if speakers.contains(&m.canonical.as_str()) && m.scores.best().0 != Kind::Person {
            m.scores.add(Kind::Person, m.scores.best().1 + 1.0);
        }
    }
}

/// A testing aid: `DOSSIER_PANIC_IN=ID` makes extraction panic on the article with that id, so
/// that tests can show a bug in one article stays a warning about it.
fn panic_if_asked(id: &str) {
    static TARGET: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    let target = TARGET.get_or_init(|| std::env::var("DOSSIER_PANIC_IN").ok());
    if target.as_deref() == Some(id) {
        panic!("DOSSIER_PANIC_IN asked for a panic in {id}");
    }
}

/// Authors named in bylines are people of the article, with the role "Author".
fn add_authors(article: &Article, mentions: &mut Vec<NameMention>, roles: &mut Vec<RoleFact>) {
    let bylines: Vec<Span> = article
        .furniture
        .iter()
        .filter(|f| f.kind == FurnitureKind::Byline)
        .map(|f| f.span)
        .collect();
    for author in &article.authors {
        let found = bylines.iter().find_map(|b| {
            article
                .slice(*b)
                .find(author.as_str())
                .map(|p| Span::new(b.start + p, b.start + p + author.len()))
        });
        let Some(span) = found else { continue };
        let mut scores = names::Scores::default();
        scores.add(Kind::Person, names::DECIDED + 3.0);
        mentions.push(NameMention {
            span,
            canonical: author.clone(),
            scores,
            linked: false,
            sentence: usize::MAX,
            key: crate::text::name_key(author).into(),
        });
        roles.push(RoleFact {
            person: author.clone(),
            title: "Author".into(),
            of: article.source.clone(),
        });
    }
    mentions.sort_by_key(|m| m.span.start);
}
