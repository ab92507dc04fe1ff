//! The export document of PRODUCT.md section 6, built from a corpus.

use crate::corpus::Corpus;
use crate::extract::{FigureKind, Kind};
use crate::model::{Article, Quote, Warning};
use crate::resolve::Entity;
use serde::Serialize;

/// The whole parsed corpus as one JSON document.
#[derive(Serialize)]
pub struct Export<'a> {
    /// Every article.
    pub articles: &'a [Article],
    /// Every entity.
    pub entities: Vec<EntityOut<'a>>,
    /// Every quotation.
    pub quotes: Vec<QuoteOut<'a>>,
    /// Every figure and date.
    pub figures: Vec<FigureOut<'a>>,
    /// Load warnings.
    pub warnings: &'a [Warning],
}

/// An entity in the export.
#[derive(Serialize)]
pub struct EntityOut<'a> {
    /// `kind/slug`.
    pub id: &'a str,
    /// Kind.
    pub kind: Kind,
    /// Canonical name.
    pub name: &'a str,
    /// Other surface forms.
    pub aliases: &'a [String],
    /// Roles per article.
    pub roles: Vec<RoleOut<'a>>,
    /// Every mention.
    pub mentions: Vec<MentionOut<'a>>,
}

/// A role in the export.
#[derive(Serialize)]
pub struct RoleOut<'a> {
    /// Title.
    pub title: &'a str,
    /// Organisation or place.
    pub of: Option<&'a str>,
    /// Article id.
    pub article: &'a str,
}

/// A mention in the export.
#[derive(Serialize)]
pub struct MentionOut<'a> {
    /// Article id.
    pub article: &'a str,
    /// Byte offset.
    pub start: usize,
    /// Byte offset.
    pub end: usize,
    /// `text[start..end]`.
    pub text: &'a str,
}

/// A quotation in the export.
#[derive(Serialize)]
pub struct QuoteOut<'a> {
    /// Article id.
    pub article: &'a str,
    /// Speaker entity id, or null.
    pub speaker: Option<&'a str>,
    /// The quoted words.
    pub text: &'a str,
    /// Byte offset.
    pub start: usize,
    /// Byte offset.
    pub end: usize,
}

/// A figure in the export.
#[derive(Serialize)]
pub struct FigureOut<'a> {
    /// Article id.
    pub article: &'a str,
    /// Money, percent, count or date.
    pub kind: FigureKind,
    /// As written.
    pub text: &'a str,
    /// Byte offset.
    pub start: usize,
    /// Byte offset.
    pub end: usize,
}

/// An entity's roles as the export gives them, each with the article that gives it.
pub fn roles_out<'a>(corpus: &'a Corpus, e: &'a Entity) -> Vec<RoleOut<'a>> {
    e.roles
        .iter()
        .map(|ro| RoleOut {
            title: &ro.title,
            of: ro.of.as_deref(),
            article: corpus
                .articles
                .get(ro.article)
                .map_or("", |a| a.id.as_str()),
        })
        .collect()
}

/// One quotation as the export gives it.
pub fn quote_out<'a>(corpus: &'a Corpus, q: &'a Quote) -> QuoteOut<'a> {
    let art = &corpus.articles[q.article];
    QuoteOut {
        article: &art.id,
        speaker: q.speaker.map(|s| corpus.resolved.entities[s].id.as_str()),
        text: art.slice(q.span),
        start: q.span.start,
        end: q.span.end,
    }
}

/// One entity as the export gives it.
pub fn entity_out<'a>(corpus: &'a Corpus, e: &'a Entity) -> EntityOut<'a> {
    let arts = &corpus.articles;
    EntityOut {
        id: &e.id,
        kind: e.kind,
        name: &e.name,
        aliases: &e.aliases,
        roles: roles_out(corpus, e),
        mentions: e
            .mentions
            .iter()
            .map(|m| MentionOut {
                article: &arts[m.article()].id,
                start: m.span().start,
                end: m.span().end,
                text: arts[m.article()].slice(m.span()),
            })
            .collect(),
    }
}

/// An article that names an entity, on its card.
#[derive(Serialize)]
pub struct CardArticle<'a> {
    /// The article's id.
    pub id: &'a str,
    /// Its headline.
    pub title: Option<&'a str>,
    /// The entity's mentions in it.
    pub mentions: usize,
}

/// One entity's card, as `dossier show --json` prints it: the export's entity, the articles
/// that name it (most mentions first) and the quotations it is the speaker of.
#[derive(Serialize)]
pub struct Card<'a> {
    /// The entity.
    #[serde(flatten)]
    pub entity: EntityOut<'a>,
    /// The articles that name it.
    pub articles: Vec<CardArticle<'a>>,
    /// Its quotations.
    pub quotes: Vec<QuoteOut<'a>>,
}

/// The card of entity `idx`.
pub fn card(corpus: &Corpus, idx: usize) -> Card<'_> {
    let r = &corpus.resolved;
    let e = &r.entities[idx];
    let arts = &corpus.articles;
    let mut per_article: rustc_hash::FxHashMap<usize, usize> = Default::default();
    for m in &e.mentions {
        *per_article.entry(m.article()).or_default() += 1;
    }
    let mut counts: Vec<(usize, usize)> = per_article.into_iter().collect();
    counts.sort_by_key(|&(a, n)| (std::cmp::Reverse(n), a));
    Card {
        entity: entity_out(corpus, e),
        articles: counts
            .into_iter()
            .map(|(a, n)| CardArticle {
                id: &arts[a].id,
                title: arts[a].title.as_deref(),
                mentions: n,
            })
            .collect(),
        quotes: r
            .quotes
            .iter()
            .filter(|q| q.speaker == Some(idx))
            .map(|q| quote_out(corpus, q))
            .collect(),
    }
}

/// Build the export document.
pub fn build(corpus: &Corpus) -> Export<'_> {
    let arts = &corpus.articles;
    let r = &corpus.resolved;
    Export {
        articles: arts,
        entities: r.entities.iter().map(|e| entity_out(corpus, e)).collect(),
        quotes: r.quotes.iter().map(|q| quote_out(corpus, q)).collect(),
        figures: r
            .figures
            .iter()
            .map(|f| FigureOut {
                article: &arts[f.article].id,
                kind: f.kind,
                text: arts[f.article].slice(f.span),
                start: f.span.start,
                end: f.span.end,
            })
            .collect(),
        warnings: &corpus.warnings,
    }
}
