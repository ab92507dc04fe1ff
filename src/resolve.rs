//! Resolution across the corpus: the same full name is one entity; kinds left open in one
//! article are decided by the evidence of all; a bare surname never joins two people.

use crate::extract::names::{Scores, DECIDED};
use crate::extract::{ArticleExtraction, FigureKind, Kind};
use crate::model::{Article, Span};
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

/// A mention of an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Index of the article.
    pub article: usize,
    /// Where the name is.
    pub span: Span,
}

/// A role held by a person in one article.
#[derive(Debug, Clone, PartialEq, Eq)]
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

impl Entity {
    /// The distinct articles it is mentioned in, in order.
    pub fn articles(&self) -> Vec<usize> {
        let mut v: Vec<usize> = self.mentions.iter().map(|m| m.article).collect();
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
}

/// Last words that name an organisation's legal form: "Labour" is the Labour Party, "Microsoft"
/// the Microsoft Corporation (but "Microsoft Office" is not Microsoft).
const LEGAL_FORMS: &[&str] = &[
    "Party",
    "Group",
    "Inc",
    "Ltd",
    "Corporation",
    "Corp",
    "Company",
    "Co",
    "Plc",
    "PLC",
    "Holdings",
    "LLC",
    "AG",
    "GmbH",
    "SA",
    "NV",
];

/// The key that makes two names one entity.
pub fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for w in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if w.is_ascii() {
            out.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            continue;
        }
        for c in w.chars() {
            match c {
                '’' | '‘' => out.push('\''),
                '‐' | '–' => out.push('-'),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

fn slug(name: &str) -> String {
    let mut s = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            s.extend(c.to_lowercase());
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    s.trim_end_matches('-').to_string()
}

/// Evidence for names across the corpus.
#[derive(Default)]
struct Evidence<'a> {
    /// Per name, the number of articles whose own evidence decided each kind.
    votes: HashMap<&'a str, Scores>,
    /// Per name, the strongest evidence any one article gave for each kind.
    strongest: HashMap<&'a str, Scores>,
}

impl<'a> Evidence<'a> {
    fn add(&mut self, key: &'a str, s: &Scores) {
        self.strongest.entry(key).or_default().max_with(s);
        let (kind, score) = s.best();
        if score >= DECIDED {
            self.votes.entry(key).or_default().0[kind as usize] += 1.0;
        }
    }

    fn merge(mut self, mut other: Evidence<'a>) -> Evidence<'a> {
        if self.strongest.len() < other.strongest.len() {
            std::mem::swap(&mut self, &mut other);
        }
        for (k, s) in other.strongest {
            self.strongest.entry(k).or_default().max_with(&s);
        }
        for (k, v) in other.votes {
            self.votes.entry(k).or_default().merge(&v);
        }
        self
    }
}

/// Join per-article extractions into corpus entities.
pub fn resolve(articles: &[Article], extractions: &[ArticleExtraction]) -> Resolved {
    // Evidence per name across the corpus: one vote per article whose own evidence decided a
    // kind; names never decided anywhere fall back to their strongest single evidence. Weak
    // evidence does not add up across articles.
    // Evidence per name within each article: its strongest.
    let locals: Vec<HashMap<&str, Scores>> = extractions
        .par_iter()
        .map(|ex| {
            let mut local: HashMap<&str, Scores> = HashMap::default();
            for m in &ex.mentions {
                local.entry(m.key.as_str()).or_default().max_with(&m.scores);
            }
            local
        })
        .collect();
    let chunk = locals
        .len()
        .div_ceil(rayon::current_num_threads().max(1) * 4)
        .max(1);
    let Evidence { votes, strongest } = locals
        .par_chunks(chunk)
        .map(|chunk| {
            let mut ev = Evidence::default();
            for local in chunk {
                for (&k, s) in local {
                    ev.add(k, s);
                }
            }
            ev
        })
        .reduce(Evidence::default, Evidence::merge);
    // A kind decided elsewhere is carried to a lone word only when several articles agree.
    let corpus_kind = |key: &str| -> Option<Kind> {
        if let Some(v) = votes.get(key) {
            let total: f32 = v.0.iter().sum();
            return (total >= 2.0 || key.contains(' ')).then(|| v.best().0);
        }
        strongest
            .get(key)
            .map(Scores::best)
            .filter(|(_, s)| *s >= DECIDED)
            .map(|(k, _)| k)
    };

    // The kind each mention is counted under, or none: decided per article, in parallel.
    let kinds: Vec<Vec<Option<Kind>>> = extractions
        .par_iter()
        .zip(&locals)
        .map(|(ex, local)| {
            ex.mentions
                .iter()
                .map(|m| {
                    let key = m.key.as_str();
                    let (lk, ls) = local
                        .get(key)
                        .map(Scores::best)
                        .unwrap_or((Kind::Person, 0.0));
                    if ls >= DECIDED {
                        Some(lk)
                    } else {
                        corpus_kind(key)
                    }
                })
                .collect()
        })
        .collect();

    let mut index: HashMap<(Kind, &str), usize> = HashMap::default();
    let mut entities: Vec<Entity> = Vec::new();
    let mut surfaces: Vec<HashMap<&str, usize>> = Vec::new();
    let mut article_people: Vec<HashMap<&str, usize>> = vec![HashMap::default(); articles.len()];

    for (ai, (ex, kinds)) in extractions.iter().zip(&kinds).enumerate() {
        for (m, kind) in ex.mentions.iter().zip(kinds) {
            let key = m.key.as_str();
            let Some(kind) = *kind else { continue };
            let idx = *index.entry((kind, key)).or_insert_with(|| {
                entities.push(Entity {
                    id: format!("{}/{}", kind.as_str(), slug(&m.canonical)),
                    kind,
                    name: m.canonical.clone(),
                    aliases: vec![],
                    roles: vec![],
                    mentions: vec![],
                });
                surfaces.push(HashMap::default());
                entities.len() - 1
            });
            entities[idx].mentions.push(Mention {
                article: ai,
                span: m.span,
            });
            *surfaces[idx]
                .entry(m.surface(&articles[ai].text))
                .or_insert(0) += 1;
            if kind == Kind::Person {
                article_people[ai].insert(key, idx);
            }
        }
        for r in &ex.roles {
            if let Some(&idx) = article_people[ai].get(name_key(&r.person).as_str()) {
                let role = Role {
                    title: r.title.clone(),
                    of: r.of.clone(),
                    article: ai,
                };
                if !entities[idx].roles.contains(&role) {
                    entities[idx].roles.push(role);
                }
            }
        }
    }

    // Across articles, an acronym joins the one name of its kind it abbreviates ("EU" the
    // European Union), and an organisation's short name the one full name that adds a head word
    // ("Labour" the Labour Party). When several names fit, nothing is joined.
    let mut merged_into: Vec<Option<usize>> = vec![None; entities.len()];
    {
        use crate::extract::names::{initials, is_acronym};
        let mut by_initials: HashMap<(Kind, String), Vec<usize>> = HashMap::default();
        let mut by_short: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, e) in entities.iter().enumerate() {
            if e.name.contains(' ') && !e.name.split([' ', '-']).any(is_acronym) {
                by_initials
                    .entry((e.kind, initials(&e.name)))
                    .or_default()
                    .push(i);
            }
            if e.kind == Kind::Organization {
                if let Some((short, head)) = e.name.rsplit_once(' ') {
                    if !short.contains(' ') && LEGAL_FORMS.contains(&head) {
                        by_short.entry(name_key(short)).or_default().push(i);
                    }
                }
            }
        }
        for i in 0..entities.len() {
            let e = &entities[i];
            let target = if is_acronym(&e.name) && e.kind != Kind::Person {
                let letters: String = e.name.chars().filter(char::is_ascii_alphabetic).collect();
                by_initials.get(&(e.kind, letters))
            } else if e.kind == Kind::Organization && !e.name.contains(' ') {
                by_short.get(&name_key(&e.name))
            } else {
                None
            };
            // One fitting name, or one far more often named than the next ("European Union"
            // 182 times, "Europe Union" 11).
            if let Some(cands) = target {
                let mut c: Vec<usize> = cands.clone();
                c.sort_by_key(|&j| std::cmp::Reverse(entities[j].mentions.len()));
                let dominant = c.len() == 1
                    || entities[c[0]].mentions.len() >= 3 * entities[c[1]].mentions.len();
                if dominant {
                    merged_into[i] = Some(c[0]);
                }
            }
        }
        for from in 0..entities.len() {
            let Some(to) = merged_into[from] else {
                continue;
            };
            let moved = std::mem::take(&mut entities[from].mentions);
            let roles = std::mem::take(&mut entities[from].roles);
            entities[to].mentions.extend(moved);
            entities[to]
                .mentions
                .sort_by_key(|m| (m.article, m.span.start));
            for r in roles {
                if !entities[to].roles.contains(&r) {
                    entities[to].roles.push(r);
                }
            }
            let surf = std::mem::take(&mut surfaces[from]);
            for (s, n) in surf {
                *surfaces[to].entry(s).or_insert(0) += n;
            }
        }
    }

    // Aliases: every surface other than the canonical name.
    entities
        .par_iter_mut()
        .zip(&surfaces)
        .for_each(|(e, surf)| {
            let mut names: Vec<(&&str, &usize)> = surf.iter().collect();
            names.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let key = name_key(&e.name);
            e.aliases = names
                .into_iter()
                .filter(|(s, _)| name_key(s) != key)
                .map(|(s, _)| s.to_string())
                .collect();
        });

    let per_article: Vec<(Vec<Quote>, Vec<FigureRef>)> = extractions
        .par_iter()
        .zip(&article_people)
        .enumerate()
        .map(|(ai, (ex, people))| {
            let quotes = ex.quotes.iter().map(|q| Quote {
                article: ai,
                span: q.span,
                speaker: q
                    .speaker
                    .as_ref()
                    .and_then(|s| people.get(name_key(s).as_str()).copied()),
            });
            let figures = ex.figures.iter().map(|f| FigureRef {
                article: ai,
                span: f.span,
                kind: f.kind,
            });
            (quotes.collect(), figures.collect())
        })
        .collect();
    let mut quotes = Vec::new();
    let mut figures = Vec::new();
    for (q, f) in per_article {
        quotes.extend(q);
        figures.extend(f);
    }

    // Order: by kind, then most mentioned, then name; remap quote speakers.
    let mut order: Vec<usize> = (0..entities.len())
        .filter(|&i| merged_into[i].is_none())
        .collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&entities[a], &entities[b]);
        x.kind
            .cmp(&y.kind)
            .then(y.mentions.len().cmp(&x.mentions.len()))
            .then(x.name.cmp(&y.name))
    });
    let mut new_index = vec![0; entities.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    for q in &mut quotes {
        q.speaker = q.speaker.map(|s| new_index[s]);
    }
    let mut slots: Vec<Option<Entity>> = entities.into_iter().map(Some).collect();
    let mut entities: Vec<Entity> = order.iter().filter_map(|&i| slots[i].take()).collect();
    // Ids stay unique even when two names share a slug.
    let mut seen: HashMap<String, usize> = HashMap::default();
    for e in &mut entities {
        let n = seen.entry(e.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            e.id = format!("{}-{}", e.id, n);
        }
    }
    Resolved {
        entities,
        quotes,
        figures,
    }
}
