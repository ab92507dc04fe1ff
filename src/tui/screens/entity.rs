//! The entity screen: name, kind, aliases, roles, every mention in context, quotes and the
//! entities named in the same sentences; its state and keys.

use super::super::app::*;
use crate::model::Span;
use std::collections::HashMap;
use std::rc::Rc;

/// An entity open for reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityState {
    /// Entity index.
    pub entity: usize,
    /// Selected row: index into the selectable rows.
    pub selected: usize,
}

/// A row of the entity view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntityRow {
    /// A section heading.
    Heading(String),
    /// A mention: index into the entity's mentions.
    Mention(usize),
    /// A quotation by this person: index into the corpus quotes.
    Quote(usize),
    /// An entity named in the same sentences, with how often.
    Related(usize, usize),
}

impl EntityRow {
    /// Rows the selection can rest on.
    pub fn selectable(&self) -> bool {
        !matches!(self, EntityRow::Heading(_))
    }
}

impl App<'_> {
    /// Rows of an entity view, built once per entity and kept while it is shown: a key does
    /// not rebuild them.
    pub fn entity_rows(&self, entity: usize) -> Rc<Vec<EntityRow>> {
        if let Some((e, rows)) = self.rows_cache.borrow().as_ref() {
            if *e == entity {
                return Rc::clone(rows);
            }
        }
        let rows = Rc::new(self.build_entity_rows(entity));
        *self.rows_cache.borrow_mut() = Some((entity, Rc::clone(&rows)));
        rows
    }

    pub(in crate::tui) fn build_entity_rows(&self, entity: usize) -> Vec<EntityRow> {
        let e = &self.corpus.resolved.entities[entity];
        let mut rows = vec![EntityRow::Heading(format!(
            "Mentions ({})",
            e.mentions.len()
        ))];
        rows.extend((0..e.mentions.len()).map(EntityRow::Mention));
        let quotes: Vec<usize> = self
            .corpus
            .resolved
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| q.speaker == Some(entity))
            .map(|(i, _)| i)
            .collect();
        if !quotes.is_empty() {
            rows.push(EntityRow::Heading(format!("Quotes ({})", quotes.len())));
            rows.extend(quotes.into_iter().map(EntityRow::Quote));
        }
        let related = self.related(entity);
        if !related.is_empty() {
            rows.push(EntityRow::Heading("Named in the same sentences".into()));
            rows.extend(
                related
                    .into_iter()
                    .take(20)
                    .map(|(e, n)| EntityRow::Related(e, n)),
            );
        }
        rows
    }

    /// Entities most often named in the same sentences as `entity`.
    pub fn related(&self, entity: usize) -> Vec<(usize, usize)> {
        let corpus = self.corpus;
        let e = &corpus.resolved.entities[entity];
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for m in &e.mentions {
            let a = &corpus.articles[m.article];
            let at = a.sentences.partition_point(|s| s.start <= m.span.start);
            let Some(sentence) = at.checked_sub(1).map(|i| a.sentences[i]) else {
                continue;
            };
            if !sentence.contains(m.span) {
                continue;
            }
            // The article's mentions are in text order: those of the sentence are one run.
            let body = &self.body_mentions[m.article];
            let from = body.partition_point(|o| o.span.start < sentence.start);
            for other in body[from..]
                .iter()
                .take_while(|o| o.span.start < sentence.end)
            {
                if other.entity != entity && sentence.contains(other.span) {
                    *counts.entry(other.entity).or_insert(0) += 1;
                }
            }
        }
        let mut v: Vec<(usize, usize)> = counts.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    }

    /// Open an entity.
    pub fn open_entity(&mut self, entity: usize) {
        self.open_entity_at(entity, None);
    }

    /// Open an entity with the row of one of its mentions selected (the one the user came from).
    pub fn open_entity_at(&mut self, entity: usize, from: Option<(usize, Span)>) {
        let rows = self.entity_rows(entity);
        let mentions = &self.corpus.resolved.entities[entity].mentions;
        let at_mention = from.and_then(|(article, span)| {
            rows.iter().position(|r| matches!(r, EntityRow::Mention(i) if mentions[*i].article == article && mentions[*i].span == span))
        });
        let first = at_mention
            .or_else(|| rows.iter().position(EntityRow::selectable))
            .unwrap_or(0);
        self.open(View::Entity(EntityState {
            entity,
            selected: first,
        }));
    }

    /// The rows of an entity view the selection can rest on, and which of them is selected.
    pub fn entity_selection(&self, s: &EntityState) -> (Vec<usize>, usize) {
        let selectable: Vec<usize> = self
            .entity_rows(s.entity)
            .iter()
            .enumerate()
            .filter(|(_, r)| r.selectable())
            .map(|(i, _)| i)
            .collect();
        let pos = selectable
            .iter()
            .position(|&r| r == s.selected)
            .unwrap_or(0);
        (selectable, pos)
    }

    pub(in crate::tui) fn update_entity(&mut self, mut s: EntityState, msg: Msg) {
        let rows = self.entity_rows(s.entity);
        let (selectable, pos) = self.entity_selection(&s);
        match msg {
            Msg::Open => {
                match rows.get(s.selected) {
                    Some(EntityRow::Mention(i)) => {
                        let m = self.corpus.resolved.entities[s.entity].mentions[*i];
                        self.open_article(m.article, Some(m.span));
                    }
                    Some(EntityRow::Quote(q)) => {
                        let q = &self.corpus.resolved.quotes[*q];
                        self.open_article(q.article, Some(q.span));
                    }
                    Some(EntityRow::Related(e, _)) => self.open_entity(*e),
                    _ => {}
                }
                return;
            }
            m => {
                let new = moved(pos, selectable.len(), self.page(), m);
                s.selected = selectable.get(new).copied().unwrap_or(s.selected);
            }
        }
        *self.view_mut() = View::Entity(s);
    }
}
