//! The export document of PRODUCT.md section 6, built from a corpus.

use crate::corpus::Corpus;
use crate::extract::{FigureKind, Kind};
use crate::model::{Article, Warning};
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

/// Build the export document.
pub fn build(corpus: &Corpus) -> Export<'_> {
    let arts = &corpus.articles;
    let r = &corpus.resolved;
    Export {
        articles: arts,
        entities: r
            .entities
            .iter()
            .map(|e| EntityOut {
                id: &e.id,
                kind: e.kind,
                name: &e.name,
                aliases: &e.aliases,
                roles: e
                    .roles
                    .iter()
                    .map(|ro| RoleOut {
                        title: &ro.title,
                        of: ro.of.as_deref(),
                        article: &arts[ro.article].id,
                    })
                    .collect(),
                mentions: e
                    .mentions
                    .iter()
                    .map(|m| MentionOut {
                        article: &arts[m.article].id,
                        start: m.span.start,
                        end: m.span.end,
                        text: arts[m.article].slice(m.span),
                    })
                    .collect(),
            })
            .collect(),
        quotes: r
            .quotes
            .iter()
            .map(|q| QuoteOut {
                article: &arts[q.article].id,
                speaker: q.speaker.map(|s| r.entities[s].id.as_str()),
                text: arts[q.article].slice(q.span),
                start: q.span.start,
                end: q.span.end,
            })
            .collect(),
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
