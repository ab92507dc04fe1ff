//! The entity screen: name, kind, aliases, roles, its articles, every mention in context
//! grouped under its article, quotes and the entities named in the same sentences; its state
//! and keys.

use super::super::app::*;
use super::super::layout::{safe, width};
use super::super::view::*;
use crate::model::Span;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{self, Line};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
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
    /// An article that names the entity: its index, the entity's first mention in it (index
    /// into the entity's mentions) and how many mentions it holds.
    Article(usize, usize, usize),
    /// The article the mentions below it are in (a sub-heading of the Mentions section).
    Group(usize),
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
        !matches!(self, EntityRow::Heading(_) | EntityRow::Group(_))
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
        // Its articles, each with the first of its mentions there and their number, those that
        // name it most first: a profile before a passing mention.
        let articles = e.articles_most_named_first();
        let mut rows = vec![EntityRow::Heading(format!("Articles ({})", articles.len()))];
        rows.extend(
            articles
                .iter()
                .map(|r| EntityRow::Article(r.article, r.mentions.start, r.mentions.len())),
        );
        rows.push(EntityRow::Heading(format!(
            "Mentions ({})",
            e.mentions.len()
        )));
        // Grouped under the article they are in, in the same order.
        for r in &articles {
            rows.push(EntityRow::Group(r.article));
            rows.extend(r.mentions.clone().map(EntityRow::Mention));
        }
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
            let a = &corpus.articles[m.article()];
            let at = a.sentences.partition_point(|s| s.start <= m.span().start);
            let Some(sentence) = at.checked_sub(1).map(|i| a.sentences[i]) else {
                continue;
            };
            if !sentence.contains(m.span()) {
                continue;
            }
            // Body sentences only: those of the headline and deck are not read here. A body
            // sentence lies in one paragraph, so every mention in it is in the body.
            if !a.in_body(sentence) {
                continue;
            }
            // The article's mentions are in text order: those of the sentence are one run.
            let all = corpus.resolved.by_article.of(m.article());
            let from = all.partition_point(|o| o.span().start < sentence.start);
            for other in all[from..]
                .iter()
                .take_while(|o| o.span().start < sentence.end)
            {
                if other.entity() != entity && sentence.contains(other.span()) {
                    *counts.entry(other.entity()).or_insert(0) += 1;
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
            rows.iter().position(|r| matches!(r, EntityRow::Mention(i) if mentions[*i].article() == article && mentions[*i].span() == span))
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
                    Some(EntityRow::Mention(i)) | Some(EntityRow::Article(_, i, _)) => {
                        let m = self.corpus.resolved.entities[s.entity].mentions[*i];
                        self.open_article(m.article(), Some(m.span()));
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

pub(in crate::tui) fn draw_entity(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let View::Entity(s) = app.view() else { return };
    let corpus = app.corpus;
    let ents = &corpus.resolved.entities;
    let e = &ents[s.entity];
    let w = usize::from(area.width).saturating_sub(2);
    let mut head: Vec<Line> = vec![Line::from(vec![
        text::Span::styled(safe(&e.name), theme.kind(e.kind)),
        text::Span::raw("  "),
        badge(theme, e.kind),
        text::Span::styled(format!(" {}", e.kind.noun()), theme.dim()),
    ])];
    if !e.aliases.is_empty() {
        head.push(Line::from(fit(
            &format!("also: {}", safe(&e.aliases.join(", "))),
            w,
        )));
    }
    let roles = crate::present::distinct_roles(&e.roles);
    if !roles.is_empty() {
        head.push(Line::from(fit(
            &format!("roles: {}", safe(&roles.join("; "))),
            w,
        )));
    }
    head.push(Line::from(text::Span::styled(
        crate::present::counts_text(e.mentions.len(), e.articles().len()),
        theme.dim(),
    )));
    let head_h = head.len() as u16 + 1;
    let parts = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Length(head_h), Constraint::Min(1)])
        .split(area);
    let inner = |r: Rect| Rect {
        x: r.x + 1,
        width: r.width.saturating_sub(1),
        ..r
    };
    frame.render_widget(Paragraph::new(head), inner(parts[0]));

    let rows = app.entity_rows(s.entity);
    let h = usize::from(parts[1].height);
    let top = if s.selected < h {
        0
    } else {
        s.selected + 1 - h.max(1) / 2 - h.max(1) % 2
    };
    let top = top.min(rows.len().saturating_sub(h));
    // One width for the article column, so the keywords line up.
    let short = |a: usize| safe(corpus.articles[a].short_id());
    let id_w = e
        .mentions
        .iter()
        .map(|m| width(&short(m.article())))
        .max()
        .unwrap_or(0)
        .min(ID_COLUMN);
    let mut lines: Vec<Line> = Vec::new();
    for (i, row) in rows.iter().enumerate().skip(top).take(h) {
        let mut line = match row {
            EntityRow::Heading(t) => Line::from(text::Span::styled(
                t.clone(),
                Style::default().add_modifier(Modifier::BOLD),
            )),
            EntityRow::Group(ai) => {
                let a = &corpus.articles[*ai];
                let id = safe(a.short_id());
                Line::from(vec![
                    text::Span::styled(format!("  {id} "), theme.dim()),
                    text::Span::styled(
                        fit(
                            &safe(a.title.as_deref().unwrap_or("(untitled)")),
                            w.saturating_sub(width(&id) + 3),
                        ),
                        theme.dim().add_modifier(Modifier::ITALIC),
                    ),
                ])
            }
            EntityRow::Mention(mi) => {
                let m = e.mentions[*mi];
                let a = &corpus.articles[m.article()];
                let text = &a.text;
                let para = crate::present::block_of(a, m.span());
                // The keyword starts at a fixed column, context on both sides.
                let avail = w.saturating_sub(MENTION_INDENT);
                let left_w = avail * 2 / 5;
                let left = tail_fit(
                    &safe(text.get(para.start..m.span().start).unwrap_or("")),
                    left_w,
                );
                let right = head_fit(
                    &safe(text.get(m.span().end..para.end).unwrap_or("")),
                    avail.saturating_sub(left_w + width(a.slice(m.span()))),
                );
                Line::from(vec![
                    text::Span::raw(" ".repeat(MENTION_INDENT)),
                    text::Span::raw(crate::present::pad_left(&left, left_w)),
                    text::Span::styled(
                        safe(a.slice(m.span())),
                        theme.kind(e.kind).add_modifier(Modifier::BOLD),
                    ),
                    text::Span::raw(right),
                ])
            }
            EntityRow::Article(ai, _, n) => {
                let a = &corpus.articles[*ai];
                let id = crate::present::pad(&fit(&short(*ai), ID_COLUMN), id_w);
                let count = crate::present::counted(*n, "mention", "mentions");
                let date = a.published.as_deref().map(safe).unwrap_or_default();
                let tail = if date.is_empty() {
                    format!("  {count}")
                } else {
                    format!("  {date} · {count}")
                };
                let title = fit(
                    &safe(a.title.as_deref().unwrap_or("(untitled)")),
                    w.saturating_sub(width(&id) + 3 + width(&tail)),
                );
                Line::from(vec![
                    text::Span::styled(format!("  {id} "), theme.dim()),
                    text::Span::raw(title),
                    text::Span::styled(tail, theme.dim()),
                ])
            }
            EntityRow::Quote(qi) => {
                let q = &corpus.resolved.quotes[*qi];
                let a = &corpus.articles[q.article];
                let id = safe(a.short_id());
                Line::from(vec![
                    text::Span::styled(format!("  {id} "), theme.dim()),
                    text::Span::raw(fit(
                        &format!("“{}”", safe(a.slice(q.span))),
                        w.saturating_sub(width(&id) + 3),
                    )),
                ])
            }
            EntityRow::Related(oi, n) => {
                let o = &ents[*oi];
                Line::from(vec![
                    text::Span::raw("  "),
                    badge(theme, o.kind),
                    text::Span::raw(" "),
                    text::Span::styled(
                        fit(&safe(&o.name), w.saturating_sub(12)),
                        theme.kind(o.kind),
                    ),
                    text::Span::styled(format!("  ×{n}"), theme.dim()),
                ])
            }
        };
        if i == s.selected {
            line = line.style(selected());
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), inner(parts[1]));
}

/// Columns before a mention's context, under its article's sub-heading.
const MENTION_INDENT: usize = 4;

/// The last `w` columns of a string, with an ellipsis when cut.
pub(in crate::tui) fn tail_fit(s: &str, w: usize) -> String {
    if width(s) <= w {
        return s.to_string();
    }
    let mut out: Vec<char> = Vec::new();
    let mut used = 1;
    for c in s.chars().rev() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + cw > w {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.reverse();
    if w == 0 {
        return String::new();
    }
    let kept: String = out.into_iter().collect();
    // Less the word the cut fell into.
    let cut_a_word = s[..s.len() - kept.len()].ends_with(|c: char| !c.is_whitespace())
        && !kept.starts_with(char::is_whitespace);
    let whole = if cut_a_word {
        kept.find(char::is_whitespace).map_or("", |sp| &kept[sp..])
    } else {
        &kept
    };
    format!("…{}", whole.trim_start())
}

/// The start of `s` in at most `w` columns, cut at a word's end with "…" when it is longer.
fn head_fit(s: &str, w: usize) -> String {
    if width(s) <= w {
        return s.to_string();
    }
    let fitted = fit(s, w);
    let Some(kept) = fitted.strip_suffix('…') else {
        return fitted.to_string();
    };
    let cut_a_word = s[kept.len()..].starts_with(|c: char| !c.is_whitespace())
        && !kept.ends_with(char::is_whitespace);
    let whole = if cut_a_word {
        kept.rfind(char::is_whitespace).map_or("", |sp| &kept[..sp])
    } else {
        kept
    };
    format!("{}…", whole.trim_end())
}
