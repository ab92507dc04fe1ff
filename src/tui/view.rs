//! Drawing: the state in, a frame out, nothing else.

use super::app::{list_title, App, EntityRow, ListKind, MainFocus, View, LISTS};
use super::keys;
use super::layout::{safe, width, Mark};
use crate::extract::Kind;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;

/// Smallest terminal the browser draws in.
pub const MIN_WIDTH: u16 = 40;
/// Smallest terminal height the browser draws in.
pub const MIN_HEIGHT: u16 = 10;

/// Colours on or off (`NO_COLOR`).
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    /// Use the 16 ANSI colours.
    pub color: bool,
}

impl Theme {
    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::default().fg(c)
        } else {
            Style::default()
        }
    }

    /// The style of a kind: a colour and a text attribute, so kinds differ without colour too.
    pub fn kind(&self, kind: Kind) -> Style {
        let (c, m) = match kind {
            Kind::Person => (Color::Cyan, Modifier::BOLD),
            Kind::Organization => (Color::Yellow, Modifier::UNDERLINED),
            Kind::Place => (Color::Green, Modifier::ITALIC),
            Kind::Event => (Color::Magenta, Modifier::BOLD | Modifier::ITALIC),
            Kind::Initiative => (Color::Blue, Modifier::UNDERLINED | Modifier::ITALIC),
        };
        self.fg(c).add_modifier(m)
    }

    fn dim(&self) -> Style {
        if self.color {
            Style::default().fg(Color::DarkGray)
        } else {
            Style::default()
        }
    }
}

fn selected() -> Style {
    Style::default().add_modifier(Modifier::REVERSED)
}

/// Cut a string to `w` display columns, with an ellipsis when cut.
pub fn fit(s: &str, w: usize) -> String {
    if width(s) <= w {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + cw + 1 > w {
            break;
        }
        out.push(c);
        used += cw;
    }
    if w > 0 {
        out.push('…');
    }
    out
}

fn badge(theme: &Theme, kind: Kind) -> Span<'static> {
    Span::styled(format!("[{}]", kind.badge()), theme.kind(kind))
}

/// Draw the whole browser.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    draw_screen(frame, app, theme);
    neutralise_buffer(frame.buffer_mut());
}

/// The widest article id shown in front of a keyword-in-context line; longer ones are cut.
const ID_COLUMN: usize = 24;

/// "Mayor of Shanghai" for each role, each once, in the order first given.
fn distinct_roles(roles: &[crate::resolve::Role]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    roles
        .iter()
        .map(|r| crate::present::role_text(&r.title, r.of.as_deref()))
        .filter(|t| seen.insert(t.clone()))
        .collect()
}

/// The last step of every frame: no cell may hold a character the terminal would act on, whatever
/// path the text took to get there (the terminal rule of [`crate::present`]). Such characters have
/// no width, so dropping them keeps the layout.
pub fn neutralise_buffer(buf: &mut ratatui::buffer::Buffer) {
    for cell in buf.content.iter_mut() {
        if let std::borrow::Cow::Owned(safe) = crate::present::cell_symbol(cell.symbol()) {
            cell.set_symbol(&safe);
        }
    }
}

fn draw_screen(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = format!(
            "Terminal too small ({}x{}); dossier needs {}x{}.",
            area.width, area.height, MIN_WIDTH, MIN_HEIGHT
        );
        frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
        return;
    }
    let rows = Layout::default()
        .direction(Direction::Vertical)
        .constraints([
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .split(area);
    draw_breadcrumb(frame, app, theme, rows[0]);
    match app.view() {
        View::Main(_) => draw_main(frame, app, theme, rows[1]),
        View::Article(_) => draw_article(frame, app, theme, rows[1]),
        View::Entity(_) => draw_entity(frame, app, theme, rows[1]),
    }
    draw_status(frame, app, theme, rows[2]);
    if app.palette().is_some() {
        draw_palette(frame, app, theme, rows[1]);
    }
    if app.help_open() {
        draw_help(frame, app, theme, area);
    }
}

fn draw_breadcrumb(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let crumbs = app.breadcrumb();
    let mut text = String::from("dossier");
    for c in &crumbs {
        text.push_str(" › ");
        text.push_str(&safe(c));
    }
    // Keep the end (where the user is) when it does not fit.
    let w = usize::from(area.width);
    let shown = if width(&text) > w {
        let chars: Vec<char> = text.chars().collect();
        let mut tail = String::new();
        let mut used = 1;
        for c in chars.iter().rev() {
            let cw = unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
            if used + cw > w {
                break;
            }
            tail.insert(0, *c);
            used += cw;
        }
        format!("…{tail}")
    } else {
        text
    };
    let style = theme.fg(Color::Cyan).add_modifier(Modifier::BOLD);
    frame.render_widget(Paragraph::new(Line::from(Span::styled(shown, style))), area);
}

fn draw_status(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    if let View::Article(s) = app.view() {
        if let Some(f) = s.find.as_ref().filter(|f| f.editing) {
            let line = Line::from(vec![
                Span::styled("/", theme.fg(Color::Cyan).add_modifier(Modifier::BOLD)),
                Span::raw(safe(&f.term)),
                Span::styled("▏", theme.fg(Color::Cyan)),
                Span::styled("   Enter find · Esc cancel", theme.dim()),
            ]);
            frame.render_widget(Paragraph::new(line), area);
            return;
        }
    }
    let right = match (&app.flash, app.view()) {
        (Some(f), _) => safe(f),
        (None, View::Article(s)) if s.find.as_ref().is_some_and(|f| f.hit.is_some()) => {
            let f = s
                .find
                .as_ref()
                .map(|f| (f.term.clone(), f.hit.unwrap_or(0)))
                .unwrap_or_default();
            let n = app.find_hits(s.article, &f.0).len();
            format!("hit {}/{n} “{}” · Esc clears", f.1 + 1, safe(&f.0))
        }
        (None, View::Article(s)) => {
            let lines = app.article_layout(s.article).lines.len();
            let last = (s.scroll + app.article_rows()).min(lines);
            if last >= lines {
                format!(
                    "lines {}-{lines} of {lines} (end)",
                    (s.scroll + 1).min(lines.max(1))
                )
            } else {
                format!("lines {}-{last} of {lines}", s.scroll + 1)
            }
        }
        (None, View::Main(s)) => {
            let n = app.items(s.list, s.by_name).len();
            let order = match (LISTS[s.list], s.by_name) {
                (ListKind::Articles, false) => "in corpus order",
                (ListKind::Articles, true) => "by title",
                (ListKind::Quotes, false) => "in article order",
                (ListKind::Quotes, true) => "by speaker",
                (ListKind::Warnings, false) => "in load order",
                (ListKind::Warnings, true) => "by path",
                (_, false) => "by mentions",
                (_, true) => "by name",
            };
            format!("{}/{} · {order}", (s.selected[s.list] + 1).min(n), n)
        }
        (None, View::Entity(s)) => {
            let (selectable, pos) = app.entity_selection(s);
            format!("{}/{}", (pos + 1).min(selectable.len()), selectable.len())
        }
    };
    // The position on the right always shows; hints fill what is left, whole ones only.
    let room = usize::from(area.width).saturating_sub(width(&right) + 1);
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0;
    for (key, what) in keys::hints(app.context()) {
        let w = width(&key) + width(what) + 3;
        if used + w > room {
            break;
        }
        used += w;
        spans.push(Span::styled(
            key,
            Style::default().add_modifier(Modifier::BOLD),
        ));
        spans.push(Span::raw(format!(" {what}  ")));
    }
    let left_w: usize = spans.iter().map(|s| width(&s.content)).sum();
    let pad = usize::from(area.width).saturating_sub(left_w + width(&right) + 1);
    spans.push(Span::raw(" ".repeat(pad)));
    spans.push(Span::styled(right, theme.dim()));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_main(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let View::Main(s) = app.view() else { return };
    let wide = area.width >= 100;
    let cols = if wide {
        Layout::default()
            .direction(Direction::Horizontal)
            .constraints([
                Constraint::Length(21),
                Constraint::Percentage(45),
                Constraint::Min(10),
            ])
            .split(area)
    } else {
        Layout::default()
            .direction(Direction::Horizontal)
            .constraints([Constraint::Length(21), Constraint::Min(10)])
            .split(area)
    };
    // The list of lists.
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
    frame.render_widget(Paragraph::new(lines).block(lists_block), cols[0]);

    let (items_area, preview_area) = if wide {
        (cols[1], Some(cols[2]))
    } else if area.height >= 18 {
        let split = Layout::default()
            .direction(Direction::Vertical)
            .constraints([Constraint::Min(5), Constraint::Length(8)])
            .split(cols[1]);
        (split[0], Some(split[1]))
    } else {
        (cols[1], None)
    };
    draw_items(frame, app, theme, items_area);
    if let Some(p) = preview_area {
        draw_preview(frame, app, theme, p, wide);
    }
}

fn draw_items(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let View::Main(s) = app.view() else { return };
    let items = app.items(s.list, s.by_name);
    let corpus = app.corpus;
    let ents = &corpus.resolved.entities;
    let h = usize::from(area.height);
    let sel = s.selected[s.list].min(items.len().saturating_sub(1));
    let top = sel
        .saturating_sub(h.saturating_sub(1))
        .max(sel.saturating_sub(h / 2).min(items.len().saturating_sub(h)));
    let top = if sel < h { 0 } else { top };
    let w = usize::from(area.width).saturating_sub(1);
    let mut lines: Vec<Line> = Vec::new();
    for (row, &item) in items.iter().enumerate().skip(top).take(h) {
        let mut spans: Vec<Span> = vec![Span::raw(" ")];
        match LISTS[s.list] {
            ListKind::Articles => {
                let a = &corpus.articles[item];
                let id = safe(crate::present::short_id(&a.id));
                let title = safe(a.title.as_deref().unwrap_or("(untitled)"));
                spans.push(Span::styled(format!("{id} "), theme.dim()));
                spans.push(Span::raw(fit(&title, w.saturating_sub(width(&id) + 2))));
            }
            ListKind::Entities(kind) => {
                let e = &ents[item];
                let count = format!("{}", e.mentions.len());
                spans.push(badge(theme, kind));
                spans.push(Span::raw(" "));
                let name_w = w.saturating_sub(5 + count.len() + 1);
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
        let mut line = Line::from(spans);
        if row == sel {
            line = line.style(if s.focus == MainFocus::Items {
                selected()
            } else {
                Style::default().add_modifier(Modifier::BOLD)
            });
        }
        lines.push(line);
    }
    if items.is_empty() {
        lines.push(Line::from(Span::styled(" (none)", theme.dim())));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn draw_preview(frame: &mut Frame, app: &App, theme: &Theme, area: Rect, wide: bool) {
    let View::Main(s) = app.view() else { return };
    let Some(&item) = app.items(s.list, s.by_name).get(s.selected[s.list]) else {
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
            meta.push(format!("{} words", a.word_count()));
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
            for r in e.roles.iter().take(3) {
                let of =
                    r.of.as_deref()
                        .map(|o| format!(" of {o}"))
                        .unwrap_or_default();
                lines.push(Line::from(format!("{}{}", safe(&r.title), safe(&of))));
            }
            for m in e.mentions.iter().take(if wide { 8 } else { 2 }) {
                let a = &corpus.articles[m.article];
                lines.push(Line::from(Span::styled(
                    safe(&crate::present::kwic(a, m.span, 30)),
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

fn draw_article(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let View::Article(s) = app.view() else { return };
    let wide = area.width >= 100;
    let (text_area, side_area) = if wide {
        let cols = Layout::default()
            .direction(Direction::Horizontal)
            .constraints([Constraint::Min(20), Constraint::Length(32)])
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
            let spans: Vec<Span> = l
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
        let mut lines = vec![Line::from(Span::styled(
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
                Span::raw(" "),
                Span::styled(name, theme.kind(ent.kind)),
                Span::raw(" ".repeat(pad)),
                Span::styled(count, theme.dim()),
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

fn draw_entity(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let View::Entity(s) = app.view() else { return };
    let corpus = app.corpus;
    let ents = &corpus.resolved.entities;
    let e = &ents[s.entity];
    let w = usize::from(area.width).saturating_sub(2);
    let mut head: Vec<Line> = vec![Line::from(vec![
        Span::styled(safe(&e.name), theme.kind(e.kind)),
        Span::raw("  "),
        badge(theme, e.kind),
        Span::styled(format!(" {}", e.kind.as_str()), theme.dim()),
    ])];
    if !e.aliases.is_empty() {
        head.push(Line::from(fit(
            &format!("also: {}", safe(&e.aliases.join(", "))),
            w,
        )));
    }
    let roles = distinct_roles(&e.roles);
    if !roles.is_empty() {
        head.push(Line::from(fit(
            &format!("roles: {}", safe(&roles.join("; "))),
            w,
        )));
    }
    head.push(Line::from(Span::styled(
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
    let short = |a: usize| {
        let id = &corpus.articles[a].id;
        safe(crate::present::short_id(id))
    };
    let id_w = e
        .mentions
        .iter()
        .map(|m| width(&short(m.article)))
        .max()
        .unwrap_or(0)
        .min(ID_COLUMN);
    let mut lines: Vec<Line> = Vec::new();
    for (i, row) in rows.iter().enumerate().skip(top).take(h) {
        let mut line = match row {
            EntityRow::Heading(t) => Line::from(Span::styled(
                t.clone(),
                Style::default().add_modifier(Modifier::BOLD),
            )),
            EntityRow::Mention(mi) => {
                let m = e.mentions[*mi];
                let a = &corpus.articles[m.article];
                let id = crate::present::pad(&fit(&short(m.article), ID_COLUMN), id_w);
                let text = &a.text;
                let para = crate::present::block_of(a, m.span);
                // The keyword starts at a fixed column, context on both sides.
                let avail = w.saturating_sub(width(&id) + 3);
                let left_w = avail * 2 / 5;
                let left = tail_fit(
                    &safe(text.get(para.start..m.span.start).unwrap_or("")),
                    left_w,
                );
                let right = fit(
                    &safe(text.get(m.span.end..para.end).unwrap_or("")),
                    avail.saturating_sub(left_w + width(a.slice(m.span))),
                );
                Line::from(vec![
                    Span::styled(format!("  {id} "), theme.dim()),
                    Span::raw(crate::present::pad_left(&left, left_w)),
                    Span::styled(
                        safe(a.slice(m.span)),
                        theme.kind(e.kind).add_modifier(Modifier::BOLD),
                    ),
                    Span::raw(right),
                ])
            }
            EntityRow::Quote(qi) => {
                let q = &corpus.resolved.quotes[*qi];
                let a = &corpus.articles[q.article];
                let id = safe(crate::present::short_id(&a.id));
                Line::from(vec![
                    Span::styled(format!("  {id} "), theme.dim()),
                    Span::raw(fit(
                        &format!("“{}”", safe(a.slice(q.span))),
                        w.saturating_sub(width(&id) + 3),
                    )),
                ])
            }
            EntityRow::Related(oi, n) => {
                let o = &ents[*oi];
                Line::from(vec![
                    Span::raw("  "),
                    badge(theme, o.kind),
                    Span::raw(" "),
                    Span::styled(
                        fit(&safe(&o.name), w.saturating_sub(12)),
                        theme.kind(o.kind),
                    ),
                    Span::styled(format!("  ×{n}"), theme.dim()),
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

/// The last `w` columns of a string, with an ellipsis when cut.
fn tail_fit(s: &str, w: usize) -> String {
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
    format!("…{}", out.into_iter().collect::<String>())
}

fn draw_help(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let mut lines: Vec<Line> = vec![
        Line::from(Span::styled(
            "Keys",
            Style::default().add_modifier(Modifier::BOLD),
        )),
        Line::default(),
    ];
    for b in keys::bindings_for(app.context()) {
        let names: Vec<String> = b.keys.iter().map(keys::key_name).collect();
        lines.push(Line::from(vec![
            Span::styled(
                format!("{:<22}", names.join(" ")),
                Style::default().add_modifier(Modifier::BOLD),
            ),
            Span::raw(b.help),
        ]));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        "Kinds: [P] person  [O] organisation  [L] place  [E] event  [I] initiative",
        theme.dim(),
    )));
    let h = (lines.len() as u16 + 2).min(area.height);
    let w = 76.min(area.width);
    let rect = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" help · any key closes ")
        .border_style(theme.fg(Color::Cyan));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        rect,
    );
}

fn draw_palette(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let Some(p) = app.palette() else { return };
    let corpus = app.corpus;
    let ents = &corpus.resolved.entities;
    let w = area
        .width
        .saturating_sub(4)
        .min(110)
        .max(20.min(area.width));
    let rect = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y,
        width: w,
        height: area.height,
    };
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" search · p: o: l: e: i: a: q: filter · Esc closes ")
        .border_style(theme.fg(Color::Cyan));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    if inner.height < 2 || inner.width < 4 {
        return;
    }
    let iw = usize::from(inner.width);
    let count = if p.searching {
        "…".to_string()
    } else {
        format!("{}", p.hits.len())
    };
    let input = Line::from(vec![
        Span::styled("> ", theme.fg(Color::Cyan).add_modifier(Modifier::BOLD)),
        Span::raw(safe(&p.query)),
        Span::styled("▏", theme.fg(Color::Cyan)),
        Span::raw(" ".repeat(iw.saturating_sub(width(&p.query) + 4 + count.len()))),
        Span::styled(count, theme.dim()),
    ]);
    frame.render_widget(Paragraph::new(input), Rect { height: 1, ..inner });
    let preview_h: u16 = if inner.height >= 14 { 4 } else { 0 };
    let list_area = Rect {
        y: inner.y + 1,
        height: inner.height.saturating_sub(1 + preview_h),
        ..inner
    };
    let h = usize::from(list_area.height);
    let top = p.selected.saturating_sub(h.saturating_sub(1));
    let mut lines: Vec<Line> = Vec::new();
    for (row, hit) in p.hits.iter().enumerate().skip(top).take(h) {
        let c = &app.index.candidates[hit.candidate];
        let (badge_span, name_style) = match c.target {
            crate::index::Target::Entity(e) => {
                (badge(theme, ents[e].kind), theme.kind(ents[e].kind))
            }
            crate::index::Target::Article(_) => {
                (Span::styled("[A]", theme.dim()), Style::default())
            }
            crate::index::Target::Quote(_) => (Span::styled("[Q]", theme.dim()), Style::default()),
            crate::index::Target::Synthetic(_) => {
                (Span::styled("[S]", theme.dim()), Style::default())
            }
        };
        let mut spans = vec![Span::raw(" "), badge_span, Span::raw(" ")];
        // The matched text, its matched characters emphasised.
        let budget = iw.saturating_sub(6);
        let shown = fit(&safe(&c.text), budget);
        let hl = name_style.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        let mut used = 0;
        for (ci, ch) in shown.chars().enumerate() {
            let st = if hit.indices.contains(&ci) {
                hl
            } else {
                name_style
            };
            spans.push(Span::styled(ch.to_string(), st));
            used += unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        }
        if c.alias {
            let extra = format!("  → {}", safe(&c.name));
            spans.push(Span::styled(
                fit(&extra, budget.saturating_sub(used)),
                theme.dim(),
            ));
        } else if matches!(c.target, crate::index::Target::Quote(_)) && !c.name.is_empty() {
            let extra = format!("  — {}", safe(&c.name));
            spans.push(Span::styled(
                fit(&extra, budget.saturating_sub(used)),
                theme.dim(),
            ));
        }
        let mut line = Line::from(spans);
        if row == p.selected {
            line = line.style(selected());
        }
        lines.push(line);
    }
    if p.hits.is_empty() && !p.searching {
        lines.push(Line::from(Span::styled(" nothing matches", theme.dim())));
    }
    frame.render_widget(Paragraph::new(lines), list_area);
    if preview_h > 0 {
        let prev_area = Rect {
            y: list_area.y + list_area.height,
            height: preview_h,
            ..inner
        };
        let mut plines: Vec<Line> = Vec::new();
        if let Some(hit) = p.hits.get(p.selected) {
            match app.index.candidates[hit.candidate].target {
                crate::index::Target::Synthetic(_) => {}
                crate::index::Target::Entity(e) => {
                    let ent = &ents[e];
                    let roles = distinct_roles(&ent.roles);
                    plines.push(Line::from(vec![
                        Span::styled(safe(&ent.name), theme.kind(ent.kind)),
                        Span::styled(
                            format!(
                                "  {}",
                                crate::present::counts_text(
                                    ent.mentions.len(),
                                    ent.articles().len()
                                )
                            ),
                            theme.dim(),
                        ),
                    ]));
                    if !roles.is_empty() {
                        plines.push(Line::from(fit(&safe(&roles.join("; ")), iw)));
                    }
                    if let Some(m) = ent.mentions.first() {
                        plines.push(Line::from(Span::styled(
                            fit(
                                &safe(&crate::present::kwic(
                                    &corpus.articles[m.article],
                                    m.span,
                                    40,
                                )),
                                iw,
                            ),
                            theme.dim(),
                        )));
                    }
                }
                crate::index::Target::Article(a) => {
                    let art = &corpus.articles[a];
                    plines.push(Line::from(Span::styled(
                        fit(&safe(art.title.as_deref().unwrap_or(&art.id)), iw),
                        Style::default().add_modifier(Modifier::BOLD),
                    )));
                    if let Some(par) = art.paragraphs.first() {
                        plines.push(Line::from(fit(&safe(art.slice(*par)), iw)));
                    }
                }
                crate::index::Target::Quote(q) => {
                    let qq = &corpus.resolved.quotes[q];
                    let art = &corpus.articles[qq.article];
                    plines.push(Line::from(Span::styled(
                        fit(&safe(art.title.as_deref().unwrap_or(&art.id)), iw),
                        theme.dim(),
                    )));
                }
            }
        }
        let block = Block::default()
            .borders(Borders::TOP)
            .border_style(theme.dim());
        frame.render_widget(Paragraph::new(plines).block(block), prev_area);
    }
}

/// A body segment as spans, with the plain-text search hits in it marked (the current one in
/// reverse video). `hits` are in text order.
fn with_hits(
    seg: &super::layout::Segment,
    style: Style,
    text: &str,
    hits: &[crate::model::Span],
    current: Option<crate::model::Span>,
) -> Vec<Span<'static>> {
    let Some(offset) = seg.offset.filter(|_| !hits.is_empty()) else {
        return vec![Span::styled(seg.text.clone(), style)];
    };
    let end = offset.saturating_add(seg.len);
    let Some(original) = text.get(offset..end) else {
        return vec![Span::styled(seg.text.clone(), style)];
    };
    // Walk the article's characters and draw each as the segment drew it, styled by the hit it
    // falls in; the hits are visited in order, once.
    let mut out: Vec<Span<'static>> = Vec::new();
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
            out.push(Span::styled(std::mem::take(&mut buf), buf_style));
        }
        buf_style = st;
        buf.push(shown);
    }
    if !buf.is_empty() {
        out.push(Span::styled(buf, buf_style));
    }
    out
}
