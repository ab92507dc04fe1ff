//! The article screen: header, numbered paragraphs with every mention marked, the article's
//! entities beside it, and search in its text; its state and keys.

use super::super::app::*;
use super::super::layout::{self, ArticleLayout};
use super::super::layout::{safe, width, Mark};
use super::super::view::*;
use crate::model::Span;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{self, Line};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;
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
        if w >= 100 && !self.reading {
            w.saturating_sub(2 + self.article_side_width())
        } else {
            w.saturating_sub(2)
        }
        .clamp(10, 100)
    }

    /// Columns of the side list of entities beside the text, on terminals of 100 columns or
    /// more: 32, and on wider ones what the text (at most 100) leaves, up to 60, so that long
    /// names are not cut while the screen has room.
    pub fn article_side_width(&self) -> usize {
        let w = usize::from(self.width);
        if w < 100 || self.reading {
            return 0;
        }
        let text = w.saturating_sub(2 + 32).clamp(10, 100);
        w.saturating_sub(text + 2).clamp(32, 60)
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
        let lay = Rc::new(layout::article(self.corpus, article, width));
        *cache = Some((article, width, Rc::clone(&lay)));
        lay
    }

    /// Entities of an article for the side list: (entity, its mentions in the article), most
    /// first.
    pub fn article_entities(&self, article: usize) -> Vec<(usize, usize)> {
        // Every mention in the article, the headline's and captions' too, as the entity's card
        // counts them.
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for m in self.corpus.resolved.by_article.of(article) {
            *counts.entry(m.entity()).or_insert(0) += 1;
        }
        let mut v: Vec<(usize, usize)> = counts.into_iter().collect();
        let ents = &self.corpus.resolved.entities;
        v.sort_by(|a, b| b.1.cmp(&a.1).then(ents[a.0].name.cmp(&ents[b.0].name)));
        v
    }

    /// Open an article, scrolled to show `span` when given, with that mention selected.
    pub fn open_article(&mut self, article: usize, span: Option<Span>) {
        let mention = span.and_then(|s| {
            self.article_layout(article)
                .mentions
                .iter()
                .position(|m| m.span == s)
        });
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

    /// The screen rows that show the open article's text and nothing else (whole rows: in
    /// reading mode, or on a terminal too narrow for the side list), with the line at their top;
    /// on the main screen, the rows of the selected list when it has whole rows.
    pub fn text_rows(&self) -> Option<crate::tui::scroll::TextRows> {
        if let View::Main(_) = self.view() {
            return self.list_rows();
        }
        let View::Article(s) = self.view() else {
            return None;
        };
        let whole_rows = self.article_side_width() == 0 && !s.side_focus;
        let big_enough = self.width >= MIN_WIDTH && self.height >= MIN_HEIGHT;
        if self.overlay.is_some() || !whole_rows || !big_enough {
            return None;
        }
        Some(crate::tui::scroll::TextRows {
            shows: (
                self.at,
                s.article,
                self.article_text_width(),
                self.width,
                self.height,
            ),
            top: s.scroll,
            rows: 1..self.height.saturating_sub(1),
        })
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
            (Msg::Type(_) | Msg::Paste(_) | Msg::Erase | Msg::ClearInput, true) => {
                if let Some(f) = s.find.as_mut() {
                    if edit_field(&mut f.term, &msg).is_some_and(|e| e.cut) {
                        self.flash = Some(too_long());
                    }
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
        let mentions = &lay.mentions;
        let side = self.article_entities(s.article);
        // Reading mode has no side list to focus (a view opened before it was turned on may
        // still say so).
        if self.reading {
            s.side_focus = false;
        }
        if msg == Msg::ToggleReading {
            // The text is wrapped again at its new width; the line at the top stays in view.
            let top = lay.lines.get(s.scroll).map(|l| l.start);
            self.reading = !self.reading;
            s.side_focus = false;
            let lay = self.article_layout(s.article);
            let max_scroll = lay.lines.len().saturating_sub(rows);
            s.scroll = top
                .and_then(|t| lay.line_of(t))
                .unwrap_or(s.scroll)
                .min(max_scroll);
            *self.view_mut() = View::Article(s);
            return;
        }
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
            Msg::NextPane if !side.is_empty() && !self.reading => {
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

pub(in crate::tui) fn draw_article(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let View::Article(s) = app.view() else { return };
    let wide = area.width >= 100;
    let (text_area, side_area) = if app.reading {
        // The text column, centred.
        let cols = u16::try_from(app.article_text_width() + 2).unwrap_or(area.width);
        let cols = cols.min(area.width);
        let left = (area.width - cols) / 2;
        (
            Rect {
                x: area.x + left,
                width: cols,
                ..area
            },
            None,
        )
    } else if wide {
        let cols = Layout::default()
            .direction(Direction::Horizontal)
            .constraints([
                Constraint::Min(20),
                Constraint::Length(u16::try_from(app.article_side_width()).unwrap_or(32)),
            ])
            .split(area);
        (cols[0], Some(cols[1]))
    } else if s.side_focus {
        (Rect::default(), Some(area))
    } else {
        (area, None)
    };
    if text_area.height > 0 {
        let lay = app.article_layout(s.article);
        let find_term = s.find.as_ref().filter(|f| !f.term.is_empty());
        let (hits, current) = match find_term {
            Some(f) => {
                let hits = app.find_hits(s.article, &f.term);
                let current = f.hit.and_then(|i| hits.get(i)).copied();
                (hits, current)
            }
            // The quotation the article was opened for, marked as the current hit.
            None => (s.highlight.into_iter().collect(), s.highlight),
        };
        let text = &app.corpus.articles[s.article].text;
        let mut lines: Vec<Line> = Vec::new();
        for l in lay
            .lines
            .iter()
            .skip(s.scroll)
            .take(usize::from(text_area.height))
        {
            let spans: Vec<text::Span> = l
                .segments
                .iter()
                .flat_map(|seg| {
                    let style = match seg.mark {
                        Mark::Plain => Style::default(),
                        Mark::Title => Style::default().add_modifier(Modifier::BOLD),
                        Mark::Deck => Style::default().add_modifier(Modifier::ITALIC),
                        Mark::Meta | Mark::Gutter => theme.dim(),
                        Mark::Mention(kind, i) => {
                            let st = theme.kind(kind);
                            if s.mention == Some(i) {
                                st.add_modifier(Modifier::REVERSED)
                            } else {
                                st
                            }
                        }
                    };
                    with_hits(seg, style, text, &hits, current)
                })
                .collect();
            lines.push(Line::from(spans));
        }
        let inner = Rect {
            x: text_area.x + 1,
            width: text_area.width.saturating_sub(1),
            ..text_area
        };
        frame.render_widget(Paragraph::new(lines), inner);
    }
    if let Some(side) = side_area {
        let ents = &app.corpus.resolved.entities;
        let list = app.article_entities(s.article);
        let h = usize::from(side.height.saturating_sub(1));
        let top = s.side_selected.saturating_sub(h.saturating_sub(1));
        let mut lines = vec![Line::from(text::Span::styled(
            format!("Entities ({})", list.len()),
            Style::default().add_modifier(Modifier::BOLD),
        ))];
        let w = usize::from(side.width).saturating_sub(2);
        for (row, (e, n)) in list.iter().enumerate().skip(top).take(h) {
            let ent = &ents[*e];
            let count = n.to_string();
            let name = fit(&safe(&ent.name), w.saturating_sub(5 + count.len()));
            let pad = w.saturating_sub(4 + width(&name) + count.len());
            let mut line = Line::from(vec![
                badge(theme, ent.kind),
                text::Span::raw(" "),
                text::Span::styled(name, theme.kind(ent.kind)),
                text::Span::raw(" ".repeat(pad)),
                text::Span::styled(count, theme.dim()),
            ]);
            if s.side_focus && row == s.side_selected {
                line = line.style(selected());
            }
            lines.push(line);
        }
        let block = Block::default()
            .borders(Borders::LEFT)
            .border_style(theme.dim());
        frame.render_widget(Paragraph::new(lines).block(block), side);
    }
}

/// A body segment as spans, with the plain-text search hits in it marked (the current one in
/// reverse video). `hits` are in text order.
pub(in crate::tui) fn with_hits(
    seg: &super::super::layout::Segment,
    style: Style,
    text: &str,
    hits: &[crate::model::Span],
    current: Option<crate::model::Span>,
) -> Vec<text::Span<'static>> {
    let Some(offset) = seg.offset.filter(|_| !hits.is_empty()) else {
        return vec![text::Span::styled(seg.text.clone(), style)];
    };
    let end = offset.saturating_add(seg.len);
    let Some(original) = text.get(offset..end) else {
        return vec![text::Span::styled(seg.text.clone(), style)];
    };
    // Walk the article's characters and draw each as the segment drew it, styled by the hit it
    // falls in; the hits are visited in order, once.
    let mut out: Vec<text::Span<'static>> = Vec::new();
    let mut buf = String::new();
    let mut buf_style = style;
    let mut h = hits.partition_point(|x| x.end <= offset);
    let mut prev: Option<char> = None;
    let mut chars = original.char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        let next = chars.peek().map(|&(_, c)| c);
        let pos = offset + i;
        while h < hits.len() && hits[h].end <= pos {
            h += 1;
        }
        let st = match hits.get(h).filter(|x| x.start <= pos) {
            Some(x) if Some(*x) == current => style.add_modifier(Modifier::REVERSED),
            Some(_) => style.add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            None => style,
        };
        let shown = match ch {
            '\n' | '\t' => Some(' '),
            c => match crate::present::action(c, prev, next) {
                crate::present::Action::Keep => Some(c),
                crate::present::Action::Drop => None,
                crate::present::Action::Replace(r) => Some(r),
            },
        };
        prev = Some(ch);
        let Some(shown) = shown else { continue };
        if st != buf_style && !buf.is_empty() {
            out.push(text::Span::styled(std::mem::take(&mut buf), buf_style));
        }
        buf_style = st;
        buf.push(shown);
    }
    if !buf.is_empty() {
        out.push(text::Span::styled(buf, buf_style));
    }
    out
}
