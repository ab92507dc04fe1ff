//! Resolution across the corpus: the same full name is one entity; kinds left open in one
//! article are decided by the evidence of all; a bare surname never joins two people.

use crate::extract::names::{Scores, DECIDED};
use crate::extract::{ArticleExtraction, MentionFact};
use crate::model::{Article, Kind, MentionsByArticle};
pub use crate::model::{Entity, FigureRef, Mention, Quote, Resolved, Role};
pub use crate::text::name_key;
use crate::words::LEGAL_FORMS;
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

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

/// The mentions of one name that are counted as one kind: one entity, before merging.
struct Piece {
    kind: Kind,
    /// Every mention as (article, mention) indices, in corpus order; never empty.
    mentions: Vec<(u32, u32)>,
}

impl Piece {
    /// The first mention.
    fn first(&self) -> (u32, u32) {
        self.mentions[0]
    }
}

/// A mention as (hash of its key, article index, mention index).
type Item = (u64, u32, u32);

/// The mentions of each key, together and in corpus order: every mention as (key hash,
/// article, mention), and the ranges of that list that hold one key each. `hash` only buckets
/// the keys: keys that share a hash are sorted apart by the keys themselves.
fn mentions_by_key(
    mentions: &[Vec<MentionFact>],
    extractions: &[ArticleExtraction],
    hash: fn(&str) -> u64,
) -> (Vec<Item>, Vec<Range<usize>>) {
    // Filled in place, article by article on both cores: collecting a flattened parallel
    // iterator would hold the list twice.
    let total = mentions.iter().map(Vec::len).sum();
    let mut items: Vec<Item> = vec![(0, 0, 0); total];
    let mut parts: Vec<&mut [Item]> = Vec::with_capacity(mentions.len());
    let mut rest = items.as_mut_slice();
    for ms in mentions {
        let n = ms.len().min(rest.len());
        let (part, tail) = std::mem::take(&mut rest).split_at_mut(n);
        parts.push(part);
        rest = tail;
    }
    parts
        .into_par_iter()
        .zip(mentions.par_iter().zip(extractions.par_iter()))
        .enumerate()
        .for_each(|(ai, (part, (ms, ex)))| {
            for (mi, (slot, m)) in part.iter_mut().zip(ms).enumerate() {
                *slot = (hash(ex.key(m)), ai as u32, mi as u32);
            }
        });
    items.par_sort_unstable();
    let key =
        |&(_, ai, mi): &Item| extractions[ai as usize].key(&mentions[ai as usize][mi as usize]);
    let mut buckets: Vec<(usize, &mut [Item])> = Vec::new();
    let mut at = 0;
    for g in items.chunk_by_mut(|x, y| x.0 == y.0) {
        let len = g.len();
        buckets.push((at, g));
        at += len;
    }
    let groups: Vec<Range<usize>> = buckets
        .into_par_iter()
        .flat_map_iter(|(at, g)| {
            let first = key(&g[0]);
            let mut ranges = Vec::new();
            if g.iter().all(|it| key(it) == first) {
                ranges.push(at..at + g.len());
            } else {
                g.sort_by(|x, y| key(x).cmp(key(y)).then(x.cmp(y)));
                let mut start = 0;
                for part in g.chunk_by(|x, y| key(x) == key(y)) {
                    ranges.push(at + start..at + start + part.len());
                    start += part.len();
                }
            }
            ranges
        })
        .collect();
    (items, groups)
}

/// A hash of a name's key that groups its mentions; equal hashes are checked by the keys.
fn key_hash(key: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(key)
}

/// Join per-article extractions into corpus entities.
///
/// Takes the extractions so that their mentions, the bulk of them, are freed as soon as the
/// entities hold their own.
pub fn resolve(articles: &[Article], mut extractions: Vec<ArticleExtraction>) -> Resolved {
    let mentions: Vec<Vec<MentionFact>> = extractions
        .iter_mut()
        .map(|ex| std::mem::take(&mut ex.mentions))
        .collect();
    let extractions = extractions;
    let (items, groups) = mentions_by_key(&mentions, &extractions, key_hash);
    let mention_at = |(ai, mi): (u32, u32)| &mentions[ai as usize][mi as usize];
    let mention = |&(_, ai, mi): &Item| mention_at((ai, mi));
    let canonical_at =
        |(ai, mi): (u32, u32)| extractions[ai as usize].canonical(mention_at((ai, mi)));
    let groups: Vec<&[Item]> = groups.into_iter().map(|r| &items[r]).collect();

    // Per key, the kind of each of its mentions becomes an entity ("piece") of that kind. Within
    // an article, a name's kind comes from its strongest evidence there when that decides; else
    // from the corpus: one vote per article whose own evidence decided a kind, or, for names
    // never decided anywhere, the strongest single evidence. Weak evidence does not add up
    // across articles, and a kind decided elsewhere is carried to a lone word only when two
    // articles or more agree and most of those that decide agree.
    let mut pieces: Vec<Piece> = groups
        .par_iter()
        .flat_map_iter(|group| {
            let articles: Vec<&[Item]> = group.chunk_by(|x, y| x.1 == y.1).collect();
            let locals: Vec<Scores> = articles
                .iter()
                .map(|run| {
                    let mut local = Scores::default();
                    for it in *run {
                        local.max_with(&mention(it).scores);
                    }
                    local
                })
                .collect();
            let mut votes = Scores::default();
            let mut strongest = Scores::default();
            for local in &locals {
                strongest.max_with(local);
                let (kind, score) = local.best();
                if score >= DECIDED {
                    votes.add(kind, 1.0);
                }
            }
            let corpus_kind = if votes.any() {
                // A lone word needs two articles that agree, and more of them than disagree
                // ("Olympic" a team in one report and a town in another is neither elsewhere).
                let (kind, agree) = votes.best();
                let several_words = canonical_at((group[0].1, group[0].2)).contains(' ');
                (several_words || agree >= 2.0 && agree * 2.0 > votes.total()).then_some(kind)
            } else {
                Some(strongest.best())
                    .filter(|(_, s)| *s >= DECIDED)
                    .map(|(k, _)| k)
            };
            let mut by_kind: Vec<Piece> = Vec::new();
            for (run, local) in articles.iter().zip(&locals) {
                let (lk, ls) = local.best();
                let Some(kind) = (if ls >= DECIDED { Some(lk) } else { corpus_kind }) else {
                    continue;
                };
                let at = match by_kind.iter().position(|p| p.kind == kind) {
                    Some(at) => at,
                    None => {
                        by_kind.push(Piece {
                            kind,
                            mentions: Vec::new(),
                        });
                        by_kind.len() - 1
                    }
                };
                by_kind[at]
                    .mentions
                    .extend(run.iter().map(|it| (it.1, it.2)));
            }
            by_kind
        })
        .collect();

    // Entities in the order the corpus first names them, as a reader meets them.
    drop(groups);
    drop(items);
    pieces.par_sort_unstable_by_key(Piece::first);
    let built: Vec<(Entity, HashMap<&str, usize>, &str)> = pieces
        .par_iter()
        .map(|p| {
            let first = canonical_at(p.first());
            let (ai, mi) = p.first();
            let key = extractions[ai as usize].key(mention_at((ai, mi)));
            let mut surfaces: HashMap<&str, usize> = HashMap::default();
            let mentions = p
                .mentions
                .iter()
                .filter_map(|&(ai, mi)| {
                    let m = mention_at((ai, mi));
                    *surfaces
                        .entry(articles[ai as usize].slice(m.span))
                        .or_insert(0) += 1;
                    Mention::new(ai as usize, m.span)
                })
                .collect();
            let entity = Entity {
                id: format!("{}/{}", p.kind.as_str(), slug(first)),
                kind: p.kind,
                name: first.to_string(),
                aliases: vec![],
                roles: vec![],
                mentions,
            };
            (entity, surfaces, key)
        })
        .collect();
    let mut entities = Vec::with_capacity(built.len());
    let mut surfaces = Vec::with_capacity(built.len());
    let mut keys = Vec::with_capacity(built.len());
    for (e, s, k) in built {
        entities.push(e);
        surfaces.push(s);
        keys.push(k);
    }
    // Every mention the entities need is theirs now.
    drop(pieces);
    mentions.into_par_iter().for_each(drop);
    crate::memory::release();

    // The people of each article by key, for its roles; and its people and organisations, for
    // its quotes' speakers.
    let mut article_people: Vec<HashMap<&str, usize>> = vec![HashMap::default(); articles.len()];
    let mut article_speakers: Vec<HashMap<&str, usize>> = vec![HashMap::default(); articles.len()];
    for (idx, (e, &key)) in entities.iter().zip(&keys).enumerate() {
        if e.kind != Kind::Person && e.kind != Kind::Organization {
            continue;
        }
        // An entity's mentions come article by article: one entry per article it is named in.
        for ai in e
            .mentions
            .chunk_by(|a, b| a.article() == b.article())
            .filter_map(|run| run.first())
            .map(|m| m.article())
        {
            if e.kind == Kind::Person {
                article_people[ai].insert(key, idx);
            }
            article_speakers[ai].entry(key).or_insert(idx);
        }
    }
    drop(keys);
    // A person of the same key as an organisation speaks first.
    for (speakers, people) in article_speakers.iter_mut().zip(&article_people) {
        for (key, &idx) in people {
            speakers.insert(key, idx);
        }
    }
    // One spelling per title across the corpus, the one written most ("Vice-President" and
    // "Vice President" are one title).
    let mut spellings: HashMap<&str, (String, usize)> = HashMap::default();
    for r in extractions.iter().flat_map(|ex| &ex.roles) {
        spellings
            .entry(r.title.as_str())
            .or_insert_with(|| (name_key(&r.title), 0))
            .1 += 1;
    }
    let mut by_key: HashMap<&str, (&str, usize)> = HashMap::default();
    for (title, (key, n)) in &spellings {
        let best = by_key.entry(key.as_str()).or_insert((title, 0));
        if *n > best.1 || *n == best.1 && *title < best.0 {
            *best = (title, *n);
        }
    }
    let spelling = |title: &str| -> String {
        spellings
            .get(title)
            .and_then(|(key, _)| by_key.get(key.as_str()))
            .map_or_else(|| title.to_string(), |(t, _)| t.to_string())
    };
    for (ai, ex) in extractions.iter().enumerate() {
        for r in &ex.roles {
            if let Some(&idx) = article_people[ai].get(name_key(&r.person).as_str()) {
                let title = spelling(&r.title);
                let role = Role {
                    title,
                    of: r.of.clone(),
                    article: ai,
                };
                // Roles come article by article: a repeat can only be among this article's.
                let roles = &mut entities[idx].roles;
                let repeated = roles
                    .iter()
                    .rev()
                    .take_while(|x| x.article == ai)
                    .any(|x| *x == role);
                if !repeated {
                    roles.push(role);
                }
            }
        }
    }

    drop(article_people);
    // Across articles, an acronym joins the one name of its kind it abbreviates ("EU" the
    // European Union), and an organisation's short name the one full name that adds a head word
    // ("Labour" the Labour Party). When several names fit, nothing is joined.
    let mut merged_into: Vec<Option<usize>> = vec![None; entities.len()];
    {
        use crate::text::{initials, is_acronym};
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
                // An acronym joins its expansion only when some article names both (there the
                // acronym was already read as the full name, so the full name was written with
                // it): "BP" in business news is not "Bloc Party" of the music pages.
                let together =
                    !is_acronym(&e.name) || surfaces[c[0]].contains_key(e.name.as_str()) || {
                        let mine: std::collections::HashSet<usize> =
                            e.mentions.iter().map(|m| m.article()).collect();
                        entities[c[0]]
                            .mentions
                            .iter()
                            .any(|m| mine.contains(&m.article()))
                    };
                if dominant && together {
                    merged_into[i] = Some(c[0]);
                }
            }
        }
        // Each entity that others join is sorted once, however many join it.
        let mut joined: Vec<bool> = vec![false; entities.len()];
        for from in 0..entities.len() {
            let Some(to) = merged_into[from] else {
                continue;
            };
            let moved = std::mem::take(&mut entities[from].mentions);
            let roles = std::mem::take(&mut entities[from].roles);
            entities[to].mentions.extend(moved);
            entities[to].roles.extend(roles);
            joined[to] = true;
            let surf = std::mem::take(&mut surfaces[from]);
            for (s, n) in surf {
                *surfaces[to].entry(s).or_insert(0) += n;
            }
        }
        for (e, _) in entities.iter_mut().zip(&joined).filter(|(_, j)| **j) {
            e.mentions.sort_by_key(|m| (m.article(), m.span().start));
            let mut seen: std::collections::HashSet<Role> = std::collections::HashSet::new();
            let roles = std::mem::take(&mut e.roles);
            e.roles = roles
                .into_iter()
                .filter(|r| seen.insert(r.clone()))
                .collect();
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

    drop(surfaces);
    let mut quotes: Vec<Quote> = extractions
        .par_iter()
        .zip(&article_speakers)
        .enumerate()
        .flat_map_iter(|(ai, (ex, people))| {
            ex.quotes.iter().map(move |q| Quote {
                article: ai,
                span: q.span,
                speaker: q
                    .speaker
                    .as_ref()
                    .and_then(|s| people.get(name_key(s).as_str()).copied()),
            })
        })
        .collect();
    drop(article_speakers);
    let figures: Vec<FigureRef> = extractions
        .par_iter()
        .enumerate()
        .flat_map_iter(|(ai, ex)| {
            ex.figures.iter().map(move |f| FigureRef {
                article: ai,
                span: f.span,
                kind: f.kind,
            })
        })
        .collect();

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
    // A speaker joined into another entity ("SFA" into "Scottish Football Association") is
    // that entity.
    for q in &mut quotes {
        q.speaker = q.speaker.map(|s| new_index[merged_into[s].unwrap_or(s)]);
    }
    let mut slots: Vec<Option<Entity>> = entities.into_iter().map(Some).collect();
    let mut entities: Vec<Entity> = order.iter().filter_map(|&i| slots[i].take()).collect();
    // Ids stay unique even when two names share a slug: a later one takes the first free
    // `ID-N`.
    crate::model::make_unique(entities.iter_mut().map(|e| &mut e.id), "-");
    // Freed on both cores: the extractions are many small allocations.
    extractions.into_par_iter().for_each(drop);
    let by_article = MentionsByArticle::build(articles.len(), &entities);
    Resolved {
        entities,
        quotes,
        figures,
        by_article,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{extract_article, tokenize_article, Lexicon};

    /// The mentions of each key, as (key, [(article, mention)]), in the order they come.
    fn grouped(ex: &[ArticleExtraction], hash: fn(&str) -> u64) -> Vec<(String, Vec<(u32, u32)>)> {
        let mentions: Vec<Vec<MentionFact>> = ex.iter().map(|e| e.mentions.clone()).collect();
        let (items, groups) = mentions_by_key(&mentions, ex, hash);
        let mut out: Vec<(String, Vec<(u32, u32)>)> = groups
            .into_iter()
            .map(|r| {
                let g = &items[r];
                let e = &ex[g[0].1 as usize];
                let key = e.key(&e.mentions[g[0].2 as usize]).to_string();
                (key, g.iter().map(|&(_, a, m)| (a, m)).collect())
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn keys_that_share_a_hash_are_still_told_apart() {
        let loaded = crate::load::load_seeds();
        let articles: Vec<Article> = loaded.docs.iter().map(crate::parse::parse).collect();
        let lex = Lexicon::from_articles(&articles);
        let ex: Vec<ArticleExtraction> = articles
            .iter()
            .map(|a| extract_article(a, &tokenize_article(a), &lex))
            .collect();
        let by_hash = grouped(&ex, key_hash);
        // Every key colliding with every other: the groups must come out the same.
        let all_collide = grouped(&ex, |_| 7);
        assert!(by_hash.len() > 50, "{}", by_hash.len());
        assert_eq!(by_hash, all_collide);
        let gong = by_hash.iter().find(|(k, _)| k == "gong zheng");
        assert!(gong.is_some_and(|(_, ms)| ms.len() >= 3), "{gong:?}");
    }
}
