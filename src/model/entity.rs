//! The entities dossier finds, with their mentions, roles, quotations and figures: the
//! vocabulary every stage after extraction speaks.

use super::Span;
use serde::Serialize;

/// The five kinds of entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A person.
    Person,
    /// A company, body, team, party or institution.
    Organization,
    /// A country, city, region or site.
    Place,
    /// A forum, conference, election, war or other occurrence.
    Event,
    /// A programme, scheme, policy or plan.
    Initiative,
}

impl Kind {
    /// All kinds, in display order.
    pub const ALL: [Kind; 5] = [
        Kind::Person,
        Kind::Organization,
        Kind::Place,
        Kind::Event,
        Kind::Initiative,
    ];

    /// The lowercase name used in the export.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::Place => "place",
            Kind::Event => "event",
            Kind::Initiative => "initiative",
        }
    }

    /// The kind in prose, as the browser's list headings spell it: "person", "organisation".
    /// (The export and ids keep [`Kind::as_str`].)
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Organization => "organisation",
            other => other.as_str(),
        }
    }

    /// The plural the commands use: "people", "organizations".
    pub fn plural(self) -> &'static str {
        match self {
            Kind::Person => "people",
            Kind::Organization => "organizations",
            Kind::Place => "places",
            Kind::Event => "events",
            Kind::Initiative => "initiatives",
        }
    }

    /// The heading of its list in the browser: "People", "Organisations".
    pub fn heading(self) -> &'static str {
        match self {
            Kind::Person => "People",
            Kind::Organization => "Organisations",
            Kind::Place => "Places",
            Kind::Event => "Events",
            Kind::Initiative => "Initiatives",
        }
    }

    /// The one-letter badge.
    pub fn badge(self) -> char {
        match self {
            Kind::Person => 'P',
            Kind::Organization => 'O',
            Kind::Place => 'L',
            Kind::Event => 'E',
            Kind::Initiative => 'I',
        }
    }

    /// Its place in [`Kind::ALL`], for per-kind arrays.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    /// An amount of money ("US$17.4 billion").
    Money,
    /// A percentage ("35 percent").
    Percent,
    /// A count with its noun ("4,321 foreign ventures").
    Count,
    /// A date or time reference ("October 2003", "yesterday").
    Date,
}

/// A mention of an entity: 12 bytes, as a corpus holds over a million of them (offsets are
/// 32-bit: no file is loaded past 64 MB, and no corpus holds 4 billion articles).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    article: u32,
    start: u32,
    end: u32,
}

impl Mention {
    /// The mention at `span` of article `article`; None past 32-bit offsets.
    pub fn new(article: usize, span: Span) -> Option<Mention> {
        Some(Mention {
            article: u32::try_from(article).ok()?,
            start: u32::try_from(span.start).ok()?,
            end: u32::try_from(span.end).ok()?,
        })
    }

    /// Index of the article.
    pub fn article(&self) -> usize {
        self.article as usize
    }

    /// Where the name is.
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

/// A role held by a person in one article.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Role {
    /// The title ("Mayor").
    pub title: String,
    /// The organisation or place ("Shanghai").
    pub of: Option<String>,
    /// Index of the article.
    pub article: usize,
}

/// A person, organisation, place, event or initiative.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Stable id: `kind/slug`.
    pub id: String,
    /// What it is.
    pub kind: Kind,
    /// Canonical name.
    pub name: String,
    /// Every other surface form seen.
    pub aliases: Vec<String>,
    /// Roles, per article.
    pub roles: Vec<Role>,
    /// Mentions in text order, article by article.
    pub mentions: Vec<Mention>,
}

/// The mentions of an entity in one article: a run of [`Entity::mentions`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleMentions {
    /// Index of the article.
    pub article: usize,
    /// The indices into the entity's mentions of those in this article.
    pub mentions: std::ops::Range<usize>,
}

impl Entity {
    /// Its articles, those that name it most first (ties in article order), each with the run
    /// of its mentions there.
    pub fn articles_most_named_first(&self) -> Vec<ArticleMentions> {
        let mut runs: Vec<ArticleMentions> = Vec::new();
        for (i, m) in self.mentions.iter().enumerate() {
            match runs.last_mut() {
                Some(r) if r.article == m.article() => r.mentions.end = i + 1,
                _ => runs.push(ArticleMentions {
                    article: m.article(),
                    mentions: i..i + 1,
                }),
            }
        }
        runs.sort_by_key(|r| std::cmp::Reverse(r.mentions.len()));
        runs
    }

    /// The distinct articles it is mentioned in, in order.
    pub fn articles(&self) -> Vec<usize> {
        let mut v: Vec<usize> = self.mentions.iter().map(Mention::article).collect();
        v.dedup();
        v
    }
}

/// A quotation with its speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Index of the article.
    pub article: usize,
    /// The quoted words.
    pub span: Span,
    /// Index of the speaker entity.
    pub speaker: Option<usize>,
}

/// A figure or date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureRef {
    /// Index of the article.
    pub article: usize,
    /// Where it is.
    pub span: Span,
    /// What it measures.
    pub kind: FigureKind,
}

/// Everything extracted from the corpus, resolved.
#[derive(Debug, Default)]
pub struct Resolved {
    /// Entities, by kind then by mention count.
    pub entities: Vec<Entity>,
    /// Quotations in article order.
    pub quotes: Vec<Quote>,
    /// Figures in article order.
    pub figures: Vec<FigureRef>,
    /// Every article's entity mentions in text order.
    pub by_article: MentionsByArticle,
}

/// An entity mention as its article lists it: where, and whose. Offsets are 32-bit (no file
/// is loaded past 64 MB), so the table costs 12 bytes a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArticleMention {
    start: u32,
    end: u32,
    entity: u32,
}

impl ArticleMention {
    /// Where the name is.
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// Index of the entity.
    pub fn entity(&self) -> usize {
        self.entity as usize
    }
}

/// The mentions of all entities, article by article and in text order within each (ties in
/// entity order): one table, built once, that the browser, related articles and comparisons
/// read rather than each keeping a copy.
#[derive(Debug, Default)]
pub struct MentionsByArticle {
    /// Where each article's run begins in `mentions`, and one past the last run's end.
    starts: Vec<usize>,
    mentions: Vec<ArticleMention>,
}

impl MentionsByArticle {
    /// The table of `entities`' mentions in a corpus of `articles` articles. Mentions of
    /// articles past the count are left out.
    pub fn build(articles: usize, entities: &[Entity]) -> MentionsByArticle {
        let fits = |m: &Mention| m.article() < articles && m.start <= m.end;
        let mut starts = vec![0usize; articles + 1];
        for m in entities
            .iter()
            .flat_map(|e| &e.mentions)
            .filter(|m| fits(m))
        {
            starts[m.article() + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut next = starts.clone();
        let empty = ArticleMention {
            start: 0,
            end: 0,
            entity: 0,
        };
        let mut mentions = vec![empty; starts[articles]];
        for (ei, e) in entities.iter().enumerate() {
            let Ok(entity) = u32::try_from(ei) else {
                break;
            };
            for m in e.mentions.iter().filter(|m| fits(m)) {
                let at = &mut next[m.article()];
                mentions[*at] = ArticleMention {
                    start: m.start,
                    end: m.end,
                    entity,
                };
                *at += 1;
            }
        }
        for w in starts.windows(2) {
            mentions[w[0]..w[1]].sort_by_key(|m| m.start);
        }
        MentionsByArticle { starts, mentions }
    }

    /// The mentions in article `article`, in text order; none for an article it does not
    /// know.
    pub fn of(&self, article: usize) -> &[ArticleMention] {
        let next = article.checked_add(1).and_then(|n| self.starts.get(n));
        match (self.starts.get(article), next) {
            (Some(&from), Some(&to)) => self.mentions.get(from..to).unwrap_or_default(),
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(name: &str, mentions: &[(usize, usize, usize)]) -> Entity {
        Entity {
            id: name.to_lowercase(),
            kind: Kind::Person,
            name: name.into(),
            aliases: Vec::new(),
            roles: Vec::new(),
            mentions: mentions
                .iter()
                .filter_map(|&(article, start, end)| Mention::new(article, Span::new(start, end)))
                .collect(),
        }
    }

    #[test]
    fn each_article_lists_every_entitys_mentions_in_text_order() {
        let entities = [
            entity("Blair", &[(0, 40, 45), (2, 0, 5)]),
            entity("Brown", &[(0, 10, 15), (0, 60, 65), (9, 0, 5)]),
        ];
        let table = MentionsByArticle::build(3, &entities);
        let of = |a| {
            table
                .of(a)
                .iter()
                .map(|m| (m.span().start, m.entity()))
                .collect::<Vec<_>>()
        };
        assert_eq!(of(0), [(10, 1), (40, 0), (60, 1)]);
        assert_eq!(of(1), []);
        assert_eq!(of(2), [(0, 0)]);
        // An article past the corpus (a stray index) has nothing, and nothing panics.
        assert_eq!(of(9), []);
        assert_eq!(table.of(usize::MAX), []);
    }
}
