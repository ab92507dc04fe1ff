//! The main screen: the list of lists, the selected list and a preview; its state and keys.

use super::super::app::*;
use super::super::layout::{safe, width};
use super::super::view::*;
use crate::extract::Kind;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;

/// The lists on the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    /// Articles.
    Articles,
    /// Entities of a kind.
    Entities(Kind),
    /// Quotations.
    Quotes,
    /// The load report: every problem met while loading.
    Warnings,
}

/// The lists in display order.
pub const LISTS: [ListKind; 8] = [
    ListKind::Articles,
    ListKind::Entities(Kind::Person),
    ListKind::Entities(Kind::Organization),
    ListKind::Entities(Kind::Place),
    ListKind::Entities(Kind::Event),
    ListKind::Entities(Kind::Initiative),
    ListKind::Quotes,
    ListKind::Warnings,
];

/// A list's name.
pub fn list_title(list: ListKind) -> &'static str {
    match list {
        ListKind::Articles => "Articles",
        ListKind::Entities(kind) => kind.heading(),
        ListKind::Quotes => "Quotes",
        ListKind::Warnings => "Load warnings",
    }
}

/// Which pane of the main screen has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MainFocus {
    /// The list of lists.
    Lists,
    /// The items of the selected list.
    Items,
}

/// The main screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MainState {
    /// Index into [`LISTS`].
    pub list: usize,
    /// Selected row of each list.
    pub selected: [usize; 8],
    /// The first row shown of each list: it moves only as far as keeps the selection in view.
    pub tops: [usize; 8],
    /// Which pane has the keys.
    pub focus: MainFocus,
    /// Sorted by name instead of by mentions.
    pub by_name: bool,
    /// While keys move the selection, the row the preview still shows: it is drawn again once
    /// the keys rest, so a held `j` sends list rows only.
    pub preview_row: Option<usize>,
}

impl App<'_> {
    pub(in crate::tui) fn update_main(&mut self, mut s: MainState, msg: Msg) {
        let len = self.items(s.list, s.by_name).len();
        let page = self.page();
        let shown = s.preview_row.take().unwrap_or(s.selected[s.list]);
        match (s.focus, msg) {
            (MainFocus::Lists, Msg::Down) | (_, Msg::Right) => s.list = (s.list + 1) % LISTS.len(),
            (MainFocus::Lists, Msg::Up) | (_, Msg::Left) => {
                s.list = (s.list + LISTS.len() - 1) % LISTS.len()
            }
            (MainFocus::Lists, Msg::Open) => s.focus = MainFocus::Items,
            (MainFocus::Lists, Msg::Top) => s.list = 0,
            (MainFocus::Lists, Msg::Bottom) => s.list = LISTS.len() - 1,
            (_, Msg::NextPane) => {
                s.focus = match s.focus {
                    MainFocus::Lists => MainFocus::Items,
                    MainFocus::Items => MainFocus::Lists,
                }
            }
            (_, Msg::ToggleSort) => {
                // The selected item stays selected in the new order.
                let item = self
                    .items(s.list, s.by_name)
                    .get(s.selected[s.list])
                    .copied();
                s.by_name = !s.by_name;
                if let Some(item) = item {
                    s.selected[s.list] = self
                        .items(s.list, s.by_name)
                        .iter()
                        .position(|&i| i == item)
                        .unwrap_or(0);
                }
            }
            (MainFocus::Items, Msg::Open) => {
                if let Some(&item) = self.items(s.list, s.by_name).get(s.selected[s.list]) {
                    *self.view_mut() = View::Main(s);
                    match LISTS[self.main_list()] {
                        ListKind::Articles => self.open_article(item, None),
                        ListKind::Entities(_) => self.open_entity(item),
                        ListKind::Quotes => {
                            let q = &self.corpus.resolved.quotes[item];
                            self.open_article(q.article, Some(q.span));
                        }
                        ListKind::Warnings => {
                            // A file decoded with a warning is still an article: open it.
                            let path = &self.corpus.warnings[item].path;
                            if let Some(a) =
                                self.corpus.articles.iter().position(|a| &a.path == path)
                            {
                                self.open_article(a, None);
                            }
                        }
                    }
                    return;
                }
            }
            (focus, m) => {
                s.selected[s.list] = moved(s.selected[s.list], len, page, m);
                let h = items_height(self.width, self.height);
                s.tops[s.list] = view_top(s.tops[s.list], s.selected[s.list], h, len);
                // A move through the items leaves the preview where it was until the keys rest.
                if focus == MainFocus::Items && s.selected[s.list] != shown {
                    s.preview_row = Some(shown);
                }
            }
        }
        *self.view_mut() = View::Main(s);
    }

    pub(in crate::tui) fn main_list(&self) -> usize {
        match self.view() {
            View::Main(s) => s.list,
            _ => 0,
        }
    }
}

/// The width from which the main screen shows the list, its preview and the list of lists side
/// by side.
pub(in crate::tui) const WIDE: u16 = 100;

/// Below [`WIDE`], the list of lists is hidden while the selected list has the focus: the list
/// takes whole rows (room for its titles, and rows the terminal can scroll), and `Tab` brings
/// the list of lists back.
pub(in crate::tui) fn lists_hidden(width: u16, focus: MainFocus) -> bool {
    width < WIDE && focus == MainFocus::Items
}

/// The rows the selected list has on a main screen area `height` rows high, below [`WIDE`]: all
/// of them, or all but the preview's eight.
pub(in crate::tui) fn narrow_items_height(height: u16) -> u16 {
    if height >= 18 {
        height - 8
    } else {
        height
    }
}

/// The first item shown in a list of `len` items `h` rows high with item `sel` selected, when
/// `stored` was first before: it moves only as far as brings the selection into view, so a
/// move by one scrolls by one row at most (and the terminal can move the rest).
pub(in crate::tui) fn view_top(stored: usize, sel: usize, h: usize, len: usize) -> usize {
    stored
        .min(sel)
        .max((sel + 1).saturating_sub(h))
        .min(len.saturating_sub(h))
}

/// How many rows the selected list has on a terminal `width` x `height`.
pub(in crate::tui) fn items_height(width: u16, height: u16) -> usize {
    let main = height.saturating_sub(2);
    usize::from(if width >= WIDE {
        main
    } else {
        narrow_items_height(main)
    })
    .max(1)
}

impl App<'_> {
    /// The screen rows of the selected list, when it has whole rows (below [`WIDE`], with the
    /// focus on it and no overlay), with the item at their top: the terminal can move them.
    pub fn list_rows(&self) -> Option<crate::tui::scroll::TextRows> {
        let View::Main(s) = self.view() else {
            return None;
        };
        let big_enough = self.width >= MIN_WIDTH && self.height >= MIN_HEIGHT;
        if self.overlay.is_some() || !lists_hidden(self.width, s.focus) || !big_enough {
            return None;
        }
        let h = items_height(self.width, self.height);
        let len = self.items(s.list, s.by_name).len();
        let sel = s.selected[s.list].min(len.saturating_sub(1));
        Some(crate::tui::scroll::TextRows {
            // Not an article: the list and its order, which no article index reaches.
            shows: (
                self.at,
                usize::MAX - (s.list * 2 + usize::from(s.by_name)),
                len,
                self.width,
                self.height,
            ),
            top: view_top(s.tops[s.list], sel, h, len),
            rows: 1..1 + u16::try_from(h).unwrap_or(u16::MAX),
        })
    }
}

pub(in crate::tui) fn draw_main(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let View::Main(s) = app.view() else { return };
    let wide = area.width >= WIDE;
    // The list of lists, unless hidden; then the rest of the screen.
    let cols = if lists_hidden(area.width, s.focus) {
        vec![area]
    } else {
        let cols = Layout::default()
            .direction(Direction::Horizontal)
            .constraints(if wide {
                vec![
                    Constraint::Length(21),
                    Constraint::Percentage(45),
                    Constraint::Min(10),
                ]
            } else {
                vec![Constraint::Length(21), Constraint::Min(10)]
            })
            .split(area);
        draw_lists(frame, app, s, theme, cols[0]);
        cols[1..].to_vec()
    };

    let (items_area, preview_area) = match cols[..] {
        [items, preview] => (items, Some(preview)),
        _ => {
            let rest = cols[0];
            let h = narrow_items_height(rest.height);
            let items = Rect { height: h, ..rest };
            let preview = (h < rest.height).then(|| Rect {
                y: rest.y + h,
                height: rest.height - h,
                ..rest
            });
            (items, preview)
        }
    };
    draw_items(frame, app, theme, items_area);
    if let Some(p) = preview_area {
        draw_preview(frame, app, theme, p, wide);
    }
}

/// The list of lists, each with its count; the selected one marked.
fn draw_lists(frame: &mut Frame, app: &App, s: &MainState, theme: &Theme, area: Rect) {
    let mut lines: Vec<Line> = Vec::new();
    for (i, list) in LISTS.iter().enumerate() {
        let n = app.items(i, false).len();
        let label = format!("{:<13}{:>5}", list_title(*list), n);
        let style = if i == s.list {
            if s.focus == MainFocus::Lists {
                selected()
            } else {
                Style::default().add_modifier(Modifier::BOLD)
            }
        } else {
            Style::default()
        };
        let marker = if i == s.list { "▸" } else { " " };
        lines.push(Line::from(vec![
            Span::raw(marker),
            Span::styled(label, style),
        ]));
    }
    let lists_block = Block::default()
        .borders(Borders::RIGHT)
        .border_style(theme.dim());
    frame.render_widget(Paragraph::new(lines).block(lists_block), area);
}

pub(in crate::tui) fn draw_items(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let View::Main(s) = app.view() else { return };
    let items = app.items(s.list, s.by_name);
    let corpus = app.corpus;
    let ents = &corpus.resolved.entities;
    let h = usize::from(area.height);
    let sel = s.selected[s.list].min(items.len().saturating_sub(1));
    let top = view_top(s.tops[s.list], sel, h, items.len());
    let w = usize::from(area.width).saturating_sub(1);
    let mut lines: Vec<Line> = Vec::new();
    // One column for the ids in view, so that the titles line up; at most a third of the row.
    let id_w = match LISTS[s.list] {
        ListKind::Articles => items
            .iter()
            .skip(top)
            .take(h)
            .map(|&i| width(&safe(corpus.articles[i].short_id())))
            .max()
            .unwrap_or(0)
            .min(w / 3),
        _ => 0,
    };
    // The names in view set the name column (and so where the counts line up), so that a wide
    // list does not leave its counts far from the names.
    let names_w = match LISTS[s.list] {
        ListKind::Entities(_) => items
            .iter()
            .skip(top)
            .take(h)
            .map(|&i| width(&safe(&ents[i].name)))
            .max()
            .unwrap_or(0),
        _ => 0,
    };
    for (row, &item) in items.iter().enumerate().skip(top).take(h) {
        let mut spans: Vec<Span> = vec![Span::raw(" ")];
        match LISTS[s.list] {
            ListKind::Articles => {
                let a = &corpus.articles[item];
                let id = fit(&safe(a.short_id()), id_w);
                let pad = id_w.saturating_sub(width(&id));
                let title = safe(a.title.as_deref().unwrap_or("(untitled)"));
                spans.push(Span::styled(
                    format!("{id}{} ", " ".repeat(pad)),
                    theme.dim(),
                ));
                spans.push(Span::raw(fit(&title, w.saturating_sub(id_w + 2))));
            }
            ListKind::Entities(kind) => {
                let e = &ents[item];
                let count = format!("{}", e.mentions.len());
                spans.push(badge(theme, kind));
                spans.push(Span::raw(" "));
                let name_w = w.saturating_sub(5 + count.len() + 1).min(names_w.max(24));
                let name = fit(&safe(&e.name), name_w);
                let pad = name_w.saturating_sub(width(&name));
                spans.push(Span::styled(name, theme.kind(kind)));
                spans.push(Span::raw(" ".repeat(pad + 1)));
                spans.push(Span::styled(count, theme.dim()));
            }
            ListKind::Quotes => {
                let q = &corpus.resolved.quotes[item];
                let who = q
                    .speaker
                    .map_or("?".to_string(), |sp| ents[sp].name.clone());
                let text = safe(corpus.articles[q.article].slice(q.span));
                spans.push(Span::styled(
                    format!("{}: ", safe(&who)),
                    theme.kind(Kind::Person),
                ));
                spans.push(Span::raw(fit(
                    &format!("“{text}”"),
                    w.saturating_sub(width(&who) + 3),
                )));
            }
            ListKind::Warnings => {
                let warn = &corpus.warnings[item];
                spans.push(Span::styled(fit(&safe(&warn.path), w / 2), theme.dim()));
                spans.push(Span::raw(" "));
                spans.push(Span::raw(fit(
                    &safe(&warn.message),
                    w.saturating_sub(w / 2 + 1),
                )));
            }
        }
        // The selection marks the row's text (a title, a name, a quote) and leaves its id,
        // badge and count as they are, so a move rewrites two texts and not two whole rows.
        if row == sel {
            let mark = if s.focus == MainFocus::Items {
                selected()
            } else {
                Style::default().add_modifier(Modifier::BOLD)
            };
            let text = match LISTS[s.list] {
                ListKind::Entities(_) => 3,
                ListKind::Warnings => 3,
                ListKind::Articles | ListKind::Quotes => 2,
            };
            if let Some(span) = spans.get_mut(text) {
                span.style = span.style.patch(mark);
            }
        }
        lines.push(Line::from(spans));
    }
    if items.is_empty() {
        lines.push(Line::from(Span::styled(" (none)", theme.dim())));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

pub(in crate::tui) fn draw_preview(
    frame: &mut Frame,
    app: &App,
    theme: &Theme,
    area: Rect,
    wide: bool,
) {
    let View::Main(s) = app.view() else { return };
    let row = s.preview_row.unwrap_or(s.selected[s.list]);
    let Some(&item) = app.items(s.list, s.by_name).get(row) else {
        return;
    };
    let corpus = app.corpus;
    let ents = &corpus.resolved.entities;
    let mut lines: Vec<Line> = Vec::new();
    match LISTS[s.list] {
        ListKind::Articles => {
            let a = &corpus.articles[item];
            lines.push(Line::from(Span::styled(
                safe(a.title.as_deref().unwrap_or("(untitled)")),
                Style::default().add_modifier(Modifier::BOLD),
            )));
            if let Some(d) = &a.deck {
                lines.push(Line::from(Span::styled(
                    safe(d),
                    Style::default().add_modifier(Modifier::ITALIC),
                )));
            }
            let mut meta = vec![];
            if let Some(src) = &a.source {
                meta.push(src.clone());
            }
            if !a.authors.is_empty() {
                meta.push(format!("by {}", a.authors.join(", ")));
            }
            if let Some(p) = &a.published {
                meta.push(p.clone());
            }
            meta.push(crate::present::counted(a.word_count(), "word", "words"));
            lines.push(Line::from(Span::styled(
                safe(&meta.join(" · ")),
                theme.dim(),
            )));
            if let Some(p) = a.paragraphs.first() {
                lines.push(Line::default());
                lines.push(Line::from(safe(a.slice(*p))));
            }
        }
        ListKind::Entities(kind) => {
            let e = &ents[item];
            lines.push(Line::from(vec![
                badge(theme, kind),
                Span::raw(" "),
                Span::styled(safe(&e.name), theme.kind(kind)),
            ]));
            lines.push(Line::from(Span::styled(
                crate::present::counts_text(e.mentions.len(), e.articles().len()),
                theme.dim(),
            )));
            if !e.aliases.is_empty() {
                lines.push(Line::from(format!("also: {}", safe(&e.aliases.join(", ")))));
            }
            // Each role once, with the articles that give it.
            for role in crate::present::roles_with_articles(&e.roles, &corpus.articles)
                .iter()
                .take(3)
            {
                lines.push(Line::from(safe(role)));
            }
            for m in e.mentions.iter().take(if wide { 8 } else { 2 }) {
                let a = &corpus.articles[m.article()];
                lines.push(Line::from(Span::styled(
                    safe(&crate::present::kwic(a, m.span(), 30)),
                    theme.dim(),
                )));
            }
        }
        ListKind::Quotes => {
            let q = &corpus.resolved.quotes[item];
            let a = &corpus.articles[q.article];
            let who = q
                .speaker
                .map_or("(speaker unknown)".to_string(), |sp| ents[sp].name.clone());
            lines.push(Line::from(Span::styled(
                safe(&who),
                theme.kind(Kind::Person),
            )));
            lines.push(Line::from(Span::styled(
                safe(a.title.as_deref().unwrap_or(&a.id)),
                theme.dim(),
            )));
            lines.push(Line::default());
            lines.push(Line::from(format!("“{}”", safe(a.slice(q.span)))));
        }
        ListKind::Warnings => {
            let warn = &corpus.warnings[item];
            lines.push(Line::from(Span::styled(
                safe(&warn.path),
                Style::default().add_modifier(Modifier::BOLD),
            )));
            lines.push(Line::from(safe(&warn.message)));
        }
    }
    let block = Block::default()
        .borders(if wide { Borders::LEFT } else { Borders::TOP })
        .border_style(theme.dim());
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        area,
    );
}
