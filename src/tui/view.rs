//! Drawing: the state in, a frame out, nothing else.

use super::app::{App, ListKind, View, LISTS};
use super::keys;
use super::layout::{safe, width};
use crate::extract::Kind;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;

pub use super::layout::{MIN_HEIGHT, MIN_WIDTH};

/// Colours on or off (`NO_COLOR`).
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    /// Use the 16 ANSI colours.
    pub color: bool,
}

impl Theme {
    pub(in crate::tui) fn fg(&self, c: Color) -> Style {
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

    pub(in crate::tui) fn dim(&self) -> Style {
        if self.color {
            Style::default().fg(Color::DarkGray)
        } else {
            Style::default()
        }
    }
}

pub(in crate::tui) fn selected() -> Style {
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

pub(in crate::tui) fn badge(theme: &Theme, kind: Kind) -> Span<'static> {
    Span::styled(format!("[{}]", kind.badge()), theme.kind(kind))
}

/// Draw the whole browser.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    draw_screen(frame, app, theme);
    neutralise_buffer(frame.buffer_mut());
}

/// The widest article id shown in front of a keyword-in-context line; longer ones are cut.
pub(in crate::tui) const ID_COLUMN: usize = 24;

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
        View::Main(_) => super::screens::main::draw_main(frame, app, theme, rows[1]),
        View::Article(_) => super::screens::article::draw_article(frame, app, theme, rows[1]),
        View::Entity(_) => super::screens::entity::draw_entity(frame, app, theme, rows[1]),
        View::Compare(_) => super::screens::compare::draw_compare(frame, app, theme, rows[1]),
    }
    draw_status(frame, app, theme, rows[2]);
    if app.palette().is_some() {
        draw_palette(frame, app, theme, rows[1]);
    }
    if app.picker().is_some() {
        super::screens::compare::draw_picker(frame, app, theme, rows[1]);
    }
    if app.help_open() {
        super::screens::help::draw_help(frame, app, theme, area);
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
    let mut spans = vec![Span::styled(shown.clone(), style)];
    // With the list of lists hidden, the header names the other lists and the keys to them.
    if let View::Main(s) = app.view() {
        if super::screens::main::lists_hidden(area.width, s.focus) {
            let others: Vec<&str> = (1..LISTS.len())
                .map(|k| super::app::list_title(LISTS[(s.list + k) % LISTS.len()]))
                .collect();
            let room = w.saturating_sub(width(&shown));
            let rest = fit(&format!("   h l  {}", others.join(" · ")), room);
            spans.push(Span::styled(rest, theme.dim()));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The hints while a search term is typed in an article, from the key table.
fn find_hints() -> String {
    keys::hints(super::app::Context::Find)
        .into_iter()
        .map(|(key, what)| format!("{key} {what}"))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn draw_status(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    if let View::Article(s) = app.view() {
        if let Some(f) = s.find.as_ref().filter(|f| f.editing) {
            let line = Line::from(vec![
                Span::styled("/", theme.fg(Color::Cyan).add_modifier(Modifier::BOLD)),
                Span::raw(safe(&f.term)),
                Span::styled("▏", theme.fg(Color::Cyan)),
                Span::styled(format!("   {}", find_hints()), theme.dim()),
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
        (None, View::Compare(s)) => {
            let lay = app.compare_layout(s.a, s.b);
            let n = lay.cmp.aligned.len();
            let together = if s.locked { "together" } else { "apart" };
            match s.pair.and_then(|p| lay.cmp.aligned.get(p).map(|x| (p, x))) {
                Some((p, x)) => {
                    let differ = lay.cmp.differing.iter().filter(|d| d.pair == p).count();
                    format!(
                        "pair {}/{n} · {:.2}{} · {together}",
                        p + 1,
                        x.similarity,
                        if differ > 0 { " · figures differ" } else { "" }
                    )
                }
                None => format!("{n} aligned · {together}"),
            }
        }
    };
    // The position on the right always shows, and so does "? help"; then "q quit", then the
    // other hints in table order, whole ones only, shown in table order.
    // "c compare" only where there is an article to compare.
    let mut hints = keys::hints(app.context());
    if app.article_at_hand().is_none() {
        hints.retain(|h| h.1 != "compare");
    }
    // The picker of the article to compare with says what Enter does there, as its title does.
    if app
        .picker()
        .is_some_and(|p| p.purpose == super::screens::compare::PickerPurpose::Compare)
    {
        for hint in hints.iter_mut().filter(|h| h.1 == "open") {
            hint.1 = "compare";
        }
    }
    let cost = |(key, what): &(String, &str)| width(key) + width(what) + 3;
    let help_cost: usize = hints.iter().filter(|h| h.1 == "help").map(cost).sum();
    let right = crate::present::fit(
        &right,
        usize::from(area.width).saturating_sub(help_cost + 1),
    )
    .into_owned();
    let room = usize::from(area.width).saturating_sub(width(&right) + 1);
    let rank = |what: &str| match what {
        "help" => 0,
        "quit" => 1,
        _ => 2,
    };
    let mut order: Vec<usize> = (0..hints.len()).collect();
    order.sort_by_key(|&i| rank(hints[i].1));
    let mut keep = vec![false; hints.len()];
    let mut used = 0;
    for i in order {
        let w = cost(&hints[i]);
        if used + w <= room {
            used += w;
            keep[i] = true;
        }
    }
    let mut spans: Vec<Span> = Vec::new();
    for (i, (key, what)) in hints.into_iter().enumerate() {
        if !keep[i] {
            continue;
        }
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
            crate::search::Target::Entity(e) => {
                (badge(theme, ents[e].kind), theme.kind(ents[e].kind))
            }
            crate::search::Target::Article(_) => {
                (Span::styled("[A]", theme.dim()), Style::default())
            }
            crate::search::Target::Quote(_) => (Span::styled("[Q]", theme.dim()), Style::default()),
            crate::search::Target::Synthetic(_) => {
                (Span::styled("[S]", theme.dim()), Style::default())
            }
        };
        let mut spans = vec![Span::raw(" "), badge_span, Span::raw(" ")];
        // The matched text, its matched characters emphasised.
        let budget = iw.saturating_sub(6);
        // Two reports may share a title: an article's id stays in view, its title cut first.
        let id = match c.target {
            crate::search::Target::Article(a) => {
                let id = format!("  {}", safe(app.corpus.articles[a].short_id()));
                fit(&id, budget / 2)
            }
            _ => String::new(),
        };
        let shown = fit(
            &safe(app.index.text_of(app.corpus, hit.candidate)),
            budget.saturating_sub(width(&id)),
        );
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
        } else if matches!(c.target, crate::search::Target::Quote(_)) && !c.name.is_empty() {
            let extra = format!("  — {}", safe(&c.name));
            spans.push(Span::styled(
                fit(&extra, budget.saturating_sub(used)),
                theme.dim(),
            ));
        } else if !id.is_empty() {
            spans.push(Span::styled(id, theme.dim()));
        }
        let mut line = Line::from(spans);
        if row == p.selected {
            line = line.style(selected());
        }
        lines.push(line);
    }
    if p.hits.is_empty() && !p.searching {
        lines.push(Line::from(Span::styled(" nothing matches", theme.dim())));
    } else if p.searching && app.index.candidates.is_empty() && !app.corpus.articles.is_empty() {
        // The search index is built after the first list; the answer comes once it is.
        lines.push(Line::from(Span::styled(" indexing names…", theme.dim())));
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
                crate::search::Target::Synthetic(_) => {}
                crate::search::Target::Entity(e) => {
                    let ent = &ents[e];
                    let roles = crate::present::distinct_roles(&ent.roles);
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
                        // Context on each side that fits the line, so both ends are whole words.
                        let name_w = crate::present::width(&ent.name);
                        let side = (iw.saturating_sub(name_w + 4) / 2).clamp(8, 40);
                        plines.push(Line::from(Span::styled(
                            fit(
                                &safe(&crate::present::kwic(
                                    &corpus.articles[m.article()],
                                    m.span(),
                                    side,
                                )),
                                iw,
                            ),
                            theme.dim(),
                        )));
                    }
                }
                crate::search::Target::Article(a) => {
                    let art = &corpus.articles[a];
                    let id = format!("{}  ", safe(art.short_id()));
                    plines.push(Line::from(vec![
                        Span::styled(fit(&id, iw), theme.dim()),
                        Span::styled(
                            fit(
                                &safe(art.title.as_deref().unwrap_or_default()),
                                iw.saturating_sub(width(&id)),
                            ),
                            Style::default().add_modifier(Modifier::BOLD),
                        ),
                    ]));
                    if let Some(par) = art.paragraphs.first() {
                        plines.push(Line::from(fit(&safe(art.slice(*par)), iw)));
                    }
                }
                // The whole quotation as far as the preview holds it, under where it was said.
                crate::search::Target::Quote(q) => {
                    let qq = &corpus.resolved.quotes[q];
                    let art = &corpus.articles[qq.article];
                    let speaker = qq
                        .speaker
                        .and_then(|e| ents.get(e))
                        .map_or_else(|| "speaker unknown".to_string(), |e| safe(&e.name));
                    let source = format!(
                        "— {speaker} · {} {}",
                        safe(art.short_id()),
                        safe(art.title.as_deref().unwrap_or_default())
                    );
                    plines.push(Line::from(Span::styled(fit(&source, iw), theme.dim())));
                    let rows = usize::from(preview_h.saturating_sub(2));
                    let words = crate::present::wrap(&safe(art.slice(qq.span)), iw.max(1));
                    let cut = words.len() > rows;
                    for (i, line) in words.into_iter().take(rows).enumerate() {
                        let line = if cut && i + 1 == rows {
                            fit(&format!("{line} …"), iw)
                        } else {
                            line
                        };
                        plines.push(Line::from(line));
                    }
                }
            }
        }
        let block = Block::default()
            .borders(Borders::TOP)
            .border_style(theme.dim());
        frame.render_widget(Paragraph::new(plines).block(block), prev_area);
    }
}
