//! The article screen: header, numbered paragraphs with every mention marked, the article's
//! entities beside it, and search in its text; its state and keys.

use super::super::app::*;
use super::super::layout::{self, ArticleLayout};
use crate::model::Span;
use std::collections::HashMap;
use std::rc::Rc;

/// An article open for reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleState {
    /// Article index.
    pub article: usize,
    /// First body line shown.
    pub scroll: usize,
    /// The selected mention: index into the article's body mentions.
    pub mention: Option<usize>,
    /// The side list of entities has the keys.
    pub side_focus: bool,
    /// Selected row of the side list.
    pub side_selected: usize,
    /// A plain-text search in the article, when one is typed or active.
    pub find: Option<Find>,
    /// A passage to show marked: the quotation the article was opened for.
    pub highlight: Option<Span>,
}

/// A plain-text search inside an article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Find {
    /// The term.
    pub term: String,
    /// Still being typed.
    pub editing: bool,
    /// The current hit.
    pub hit: Option<usize>,
}

impl App<'_> {
    /// Width of the article text column.
    pub fn article_text_width(&self) -> usize {
        let w = usize::from(self.width);
        // Long lines are hard to read: at most 100 columns of text.
        if w >= 100 {
            w.saturating_sub(2 + 32)
        } else {
            w.saturating_sub(2)
        }
        .clamp(10, 100)
    }

    /// The wrapped lines of an article at the current width.
    ///
    /// Laid out once per article and width and kept: a key press in an 8 MB article does not
    /// wrap it again.
    pub fn article_layout(&self, article: usize) -> Rc<ArticleLayout> {
        let width = self.article_text_width();
        let mut cache = self.layout_cache.borrow_mut();
        if let Some((a, w, lay)) = cache.as_ref() {
            if *a == article && *w == width {
                return Rc::clone(lay);
            }
        }
        let lay = Rc::new(layout::article(
            self.corpus,
            article,
            &self.body_mentions[article],
            width,
        ));
        *cache = Some((article, width, Rc::clone(&lay)));
        lay
    }

    /// Entities of an article for the side list: (entity, mentions in the body), most first.
    pub fn article_entities(&self, article: usize) -> Vec<(usize, usize)> {
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for m in &self.body_mentions[article] {
            *counts.entry(m.entity).or_insert(0) += 1;
        }
        let mut v: Vec<(usize, usize)> = counts.into_iter().collect();
        let ents = &self.corpus.resolved.entities;
        v.sort_by(|a, b| b.1.cmp(&a.1).then(ents[a.0].name.cmp(&ents[b.0].name)));
        v
    }

    /// Open an article, scrolled to show `span` when given, with that mention selected.
    pub fn open_article(&mut self, article: usize, span: Option<Span>) {
        let mention =
            span.and_then(|s| self.body_mentions[article].iter().position(|m| m.span == s));
        let mut state = ArticleState {
            article,
            scroll: 0,
            mention,
            side_focus: false,
            side_selected: 0,
            find: None,
            // A span that is not a mention (a quotation) is shown marked instead.
            highlight: if mention.is_none() { span } else { None },
        };
        if let Some(s) = span {
            let lay = self.article_layout(article);
            if let Some(line) = lay.line_of(s.start) {
                state.scroll = line.saturating_sub(self.article_rows() / 3);
            }
        }
        self.open(View::Article(state));
    }

    /// Rows available for article text.
    pub fn article_rows(&self) -> usize {
        usize::from(self.height).saturating_sub(2).max(1)
    }

    /// Plain-text hits of `term` in an article's body, ignoring ASCII case.
    pub fn find_hits(&self, article: usize, term: &str) -> Vec<Span> {
        let a = &self.corpus.articles[article];
        let needle = term.to_ascii_lowercase();
        if needle.is_empty() {
            return Vec::new();
        }
        let mut hits = Vec::new();
        for p in &a.paragraphs {
            let hay = a.slice(*p).to_ascii_lowercase();
            let mut from = 0;
            while let Some(i) = hay[from..].find(&needle) {
                let start = p.start + from + i;
                hits.push(Span::new(start, start + needle.len()));
                from += i + needle.len().max(1);
            }
        }
        hits
    }

    /// Keys of the in-article search. `Some(effect)` when the message was used here.
    pub(in crate::tui) fn update_find(
        &mut self,
        mut s: ArticleState,
        msg: Msg,
    ) -> Option<Option<Effect>> {
        let rows = self.article_rows();
        let editing = s.find.as_ref().is_some_and(|f| f.editing);
        let active = s.find.as_ref().is_some_and(|f| !f.term.is_empty());
        match (msg.clone(), editing) {
            (Msg::OpenFind, _) => {
                s.find = Some(Find {
                    editing: true,
                    ..Find::default()
                })
            }
            (Msg::Type(c), true) => {
                if let Some(f) = s.find.as_mut() {
                    let mut buf = [0u8; 4];
                    if append_capped(&mut f.term, c.encode_utf8(&mut buf)).1 {
                        self.flash = Some(too_long());
                    }
                }
            }
            (Msg::Paste(text), true) => {
                if let Some(f) = s.find.as_mut() {
                    if append_capped(&mut f.term, &text).1 {
                        self.flash = Some(too_long());
                    }
                }
            }
            (Msg::Erase, true) => {
                if let Some(f) = s.find.as_mut() {
                    f.term.pop();
                }
            }
            (Msg::ClearInput, true) => {
                if let Some(f) = s.find.as_mut() {
                    f.term.clear();
                }
            }
            (Msg::Back, true) => s.find = None,
            (Msg::Back, false) if active => s.find = None,
            (Msg::Open, true) | (Msg::NextHit, false) | (Msg::PrevHit, false)
                if active || editing =>
            {
                let term = s.find.as_ref().map(|f| f.term.clone()).unwrap_or_default();
                let hits = self.find_hits(s.article, &term);
                let lay = self.article_layout(s.article);
                let max_scroll = lay.lines.len().saturating_sub(rows);
                if let Some(f) = s.find.as_mut() {
                    f.editing = false;
                    if f.term.is_empty() {
                        s.find = None;
                    } else if hits.is_empty() {
                        f.hit = None;
                        self.flash = Some(format!("“{}” is not in this article", f.term));
                    } else {
                        let next = match (f.hit, msg) {
                            (Some(i), Msg::PrevHit) => (i + hits.len() - 1) % hits.len(),
                            (Some(i), Msg::NextHit) => (i + 1) % hits.len(),
                            _ => {
                                let top = lay.lines.get(s.scroll).map_or(0, |l| l.start);
                                hits.iter().position(|h| h.start >= top).unwrap_or(0)
                            }
                        };
                        f.hit = Some(next);
                        if let Some(line) = lay.line_of(hits[next].start) {
                            if line < s.scroll || line >= s.scroll + rows {
                                s.scroll = line.saturating_sub(rows / 3).min(max_scroll);
                            }
                        }
                    }
                }
            }
            (_, true) => {}
            _ => return None,
        }
        *self.view_mut() = View::Article(s);
        Some(None)
    }

    pub(in crate::tui) fn update_article(&mut self, mut s: ArticleState, msg: Msg) {
        let lay = self.article_layout(s.article);
        let rows = self.article_rows();
        let max_scroll = lay.lines.len().saturating_sub(rows);
        let mentions = &self.body_mentions[s.article];
        let side = self.article_entities(s.article);
        if s.side_focus {
            match msg {
                Msg::NextPane => s.side_focus = false,
                Msg::Open => {
                    if let Some(&(e, _)) = side.get(s.side_selected) {
                        self.open_entity(e);
                        return;
                    }
                }
                m => s.side_selected = moved(s.side_selected, side.len(), rows, m),
            }
            *self.view_mut() = View::Article(s);
            return;
        }
        match msg {
            Msg::Down => s.scroll = (s.scroll + 1).min(max_scroll),
            Msg::Up => s.scroll = s.scroll.saturating_sub(1),
            Msg::HalfDown => s.scroll = (s.scroll + rows / 2).min(max_scroll),
            Msg::HalfUp => s.scroll = s.scroll.saturating_sub(rows / 2),
            Msg::PageDown => s.scroll = (s.scroll + rows.saturating_sub(1).max(1)).min(max_scroll),
            Msg::PageUp => s.scroll = s.scroll.saturating_sub(rows.saturating_sub(1).max(1)),
            Msg::Top => s.scroll = 0,
            Msg::Bottom => s.scroll = max_scroll,
            Msg::NextPane if !side.is_empty() => {
                s.side_focus = true;
                // Start on the entity of the selected mention.
                if let Some(m) = s.mention.and_then(|i| mentions.get(i)) {
                    s.side_selected = side.iter().position(|(e, _)| *e == m.entity).unwrap_or(0);
                }
            }
            Msg::NextHit | Msg::PrevHit if !mentions.is_empty() => {
                {
                    let next = match (s.mention, msg) {
                        (Some(i), Msg::NextHit) => (i + 1) % mentions.len(),
                        (Some(i), _) => (i + mentions.len() - 1) % mentions.len(),
                        (None, Msg::NextHit) => {
                            // The first mention on screen or after it.
                            let top = lay.lines.get(s.scroll).map_or(0, |l| l.start);
                            mentions
                                .iter()
                                .position(|m| m.span.start >= top)
                                .unwrap_or(0)
                        }
                        (None, _) => mentions.len() - 1,
                    };
                    s.mention = Some(next);
                    if let Some(line) = lay.line_of(mentions[next].span.start) {
                        if line < s.scroll || line >= s.scroll + rows {
                            s.scroll = line.saturating_sub(rows / 3).min(max_scroll);
                        }
                    }
                }
            }
            Msg::Open => {
                if let Some(m) = s.mention.and_then(|i| mentions.get(i)).copied() {
                    let article = s.article;
                    *self.view_mut() = View::Article(s);
                    self.open_entity_at(m.entity, Some((article, m.span)));
                    return;
                }
            }
            _ => {}
        }
        *self.view_mut() = View::Article(s);
    }

    pub(in crate::tui) fn clamp_article_scroll(&mut self) {
        for i in 0..self.history.len() {
            if let View::Article(s) = &self.history[i] {
                let lines = self.article_layout(s.article).lines.len();
                let max = lines.saturating_sub(self.article_rows());
                if let View::Article(s) = &mut self.history[i] {
                    s.scroll = s.scroll.min(max);
                }
            }
        }
    }
}
