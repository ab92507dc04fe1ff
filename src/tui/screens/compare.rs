//! The compare screen: two articles in two columns, each with its header; entities both name
//! drawn alike, aligned sentences marked in the margin, `n`/`N` from pair to pair with both
//! sides scrolled to it, scrolling together or apart, and a strip of the entities both or one
//! side name. Also the article picker that leads to it (related articles first, then every
//! article, narrowed by typing); its state, keys and drawing.

use super::super::app::*;
use super::super::layout::{self, safe, width, ArticleLayout, Mark};
use super::super::view::*;
use crate::compare::{Comparison, StoryIndex};
use crate::model::Span;
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{self, Line};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;
use std::rc::Rc;

/// The narrowest terminal the compare screen draws in: two columns of 29.
pub const COMPARE_MIN_WIDTH: u16 = 60;
/// Related articles listed first in the picker.
const PICKER_RELATED: usize = 20;

/// What Enter does in the article picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerPurpose {
    /// Compare the article with the one picked.
    Compare,
    /// Open the one picked.
    Open,
}

/// The article picker.
#[derive(Debug, Clone, PartialEq)]
pub struct Picker {
    /// The article it picks a partner for.
    pub from: usize,
    /// What Enter does.
    pub purpose: PickerPurpose,
    /// What was typed.
    pub query: String,
    /// The articles listed, with their similarity to `from` when related.
    pub rows: Vec<(usize, Option<f32>)>,
    /// Selected row.
    pub selected: usize,
}

/// Two articles side by side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareState {
    /// The article on the left.
    pub a: usize,
    /// The article on the right.
    pub b: usize,
    /// First line shown, per side.
    pub scroll: [usize; 2],
    /// Both sides scroll together.
    pub locked: bool,
    /// The side that scrolls when they are apart: 0 left, 1 right.
    pub focus: usize,
    /// The aligned pair last jumped to.
    pub pair: Option<usize>,
    /// The entity strip has the keys, with this row selected.
    pub panel: Option<usize>,
}

/// A comparison laid out for one width: the comparison and each side's lines.
pub struct CompareLayout {
    /// What the two articles share and where they align.
    pub cmp: Rc<Comparison>,
    /// The lines of each side.
    pub sides: [Rc<ArticleLayout>; 2],
    /// For each side, per line, the aligned pair its text belongs to.
    pub pair_of_line: [Vec<Option<usize>>; 2],
}

/// One row of the entity strip: (heading, entity).
type PanelRow = (&'static str, usize);

impl App<'_> {
    /// The corpus's story index: the one built in the background after the load, or built now
    /// when it is needed first.
    pub fn stories(&self) -> &StoryIndex {
        self.stories.get_or_init(|| StoryIndex::build(self.corpus))
    }

    /// The story index built in the background has arrived (kept unless one was built already).
    pub fn stories_ready(&mut self, stories: StoryIndex) {
        let _ = self.stories.set(stories);
    }

    /// The picker's rows for `query`: related articles first (best first), then every other
    /// article; with a query, only those whose title or id it fuzzily matches, best first
    /// within each group.
    pub fn picker_rows(&self, from: usize, query: &str) -> Vec<(usize, Option<f32>)> {
        let related = self.stories().related(from, PICKER_RELATED);
        let articles = &self.corpus.articles;
        let matcher = SkimMatcherV2::default();
        let score = |a: usize| -> Option<i64> {
            if query.is_empty() {
                return Some(0);
            }
            let art = &articles[a];
            let title = art.title.as_deref().unwrap_or("");
            let t = matcher.fuzzy_match(title, query);
            let i = matcher.fuzzy_match(&art.id, query);
            t.max(i)
        };
        let mut first: Vec<(usize, Option<f32>, i64)> = related
            .iter()
            .filter_map(|r| score(r.article).map(|s| (r.article, Some(r.similarity), s)))
            .collect();
        if !query.is_empty() {
            first.sort_by_key(|x| std::cmp::Reverse(x.2));
        }
        let mut rest: Vec<(usize, Option<f32>, i64)> = (0..articles.len())
            .filter(|&a| a != from && !related.iter().any(|r| r.article == a))
            .filter_map(|a| score(a).map(|s| (a, None, s)))
            .collect();
        if !query.is_empty() {
            rest.sort_by(|x, y| y.2.cmp(&x.2).then(x.0.cmp(&y.0)));
        }
        first
            .into_iter()
            .chain(rest)
            .map(|(a, sim, _)| (a, sim))
            .collect()
    }

    /// Open the picker for `from`.
    pub(in crate::tui) fn open_picker(&mut self, from: usize, purpose: PickerPurpose) {
        let rows = self.picker_rows(from, "");
        self.overlay = Some(Overlay::Picker(Picker {
            from,
            purpose,
            query: String::new(),
            rows,
            selected: 0,
        }));
    }

    /// The picker, when open.
    pub fn picker(&self) -> Option<&Picker> {
        match &self.overlay {
            Some(Overlay::Picker(p)) => Some(p),
            _ => None,
        }
    }

    /// Keys in the picker: type to narrow, move, Enter to compare or open, Esc to close.
    pub(in crate::tui) fn update_picker(&mut self, mut p: Picker, msg: Msg) {
        let page = self.page();
        let edited = match edit_field(&mut p.query, &msg) {
            Some(e) => e.changed,
            None => match msg {
                Msg::Back => {
                    self.overlay = None;
                    return;
                }
                Msg::Open => {
                    self.overlay = None;
                    if let Some(&(b, _)) = p.rows.get(p.selected) {
                        match p.purpose {
                            PickerPurpose::Compare => self.open_compare(p.from, b),
                            PickerPurpose::Open => self.open_article(b, None),
                        }
                    }
                    return;
                }
                m => {
                    p.selected = moved(p.selected, p.rows.len(), page, m);
                    false
                }
            },
        };
        if edited {
            p.rows = self.picker_rows(p.from, &p.query);
            p.selected = 0;
        }
        self.overlay = Some(Overlay::Picker(p));
    }

    /// Open the comparison of articles `a` and `b`.
    pub fn open_compare(&mut self, a: usize, b: usize) {
        self.open(View::Compare(CompareState {
            a,
            b,
            scroll: [0, 0],
            locked: true,
            focus: 0,
            pair: None,
            panel: None,
        }));
    }

    /// Width of each side's text.
    pub fn compare_side_width(&self) -> usize {
        (usize::from(self.width).saturating_sub(3) / 2).max(10)
    }

    /// Rows for the two columns: the screen less the chrome and the entity strip.
    pub fn compare_rows(&self, panel_open: bool) -> usize {
        let strip = if panel_open { 10 } else { 4 };
        usize::from(self.height).saturating_sub(2 + strip).max(1)
    }

    /// The comparison of `a` and `b` laid out at the current width (kept for the last pair).
    pub fn compare_layout(&self, a: usize, b: usize) -> Rc<CompareLayout> {
        let w = self.compare_side_width();
        if let Some((key, lay)) = self.compare_cache.borrow().as_ref() {
            if *key == (a, b, w) {
                return Rc::clone(lay);
            }
        }
        let cmp = Rc::new(self.stories().compare(self.corpus, a, b));
        let side = |art: usize| Rc::new(layout::article(self.corpus, art, w.saturating_sub(1)));
        let sides = [side(a), side(b)];
        let pair_of_line = [0, 1].map(|k| {
            let spans: Vec<(Span, usize)> = {
                let mut v: Vec<(Span, usize)> = cmp
                    .aligned
                    .iter()
                    .enumerate()
                    .map(|(pi, p)| {
                        let s = if k == 0 { cmp.span_a(p) } else { cmp.span_b(p) };
                        (s, pi)
                    })
                    .collect();
                v.sort_by_key(|x| x.0.start);
                v
            };
            sides[k]
                .lines
                .iter()
                .map(|l| {
                    if !l.body {
                        return None;
                    }
                    let at = spans.partition_point(|(s, _)| s.start <= l.start);
                    at.checked_sub(1)
                        .and_then(|i| spans.get(i))
                        .filter(|(s, _)| l.start < s.end)
                        .map(|(_, pi)| *pi)
                })
                .collect()
        });
        let lay = Rc::new(CompareLayout {
            cmp,
            sides,
            pair_of_line,
        });
        *self.compare_cache.borrow_mut() = Some(((a, b, w), Rc::clone(&lay)));
        lay
    }

    /// The rows of the entity strip: both, only the left, only the right.
    pub fn compare_panel_rows(&self, a: usize, b: usize) -> Vec<PanelRow> {
        let lay = self.compare_layout(a, b);
        let c = &lay.cmp;
        c.shared
            .iter()
            .map(|&e| ("both", e))
            .chain(c.only_a.iter().map(|&e| ("left", e)))
            .chain(c.only_b.iter().map(|&e| ("right", e)))
            .collect()
    }

    pub(in crate::tui) fn update_compare(&mut self, mut s: CompareState, msg: Msg) {
        let lay = self.compare_layout(s.a, s.b);
        let rows = self.compare_rows(s.panel.is_some());
        let max = [0, 1].map(|k| lay.sides[k].lines.len().saturating_sub(rows));
        if let Some(sel) = s.panel {
            let panel = self.compare_panel_rows(s.a, s.b);
            match msg {
                Msg::EntitiesPanel | Msg::Back => s.panel = None,
                Msg::Open => {
                    if let Some(&(_, e)) = panel.get(sel) {
                        *self.view_mut() = View::Compare(s);
                        self.open_entity(e);
                        return;
                    }
                }
                m => s.panel = Some(moved(sel, panel.len(), 8, m)),
            }
            *self.view_mut() = View::Compare(s);
            return;
        }
        let sides: Vec<usize> = if s.locked { vec![0, 1] } else { vec![s.focus] };
        let step = |s: &mut CompareState, by: isize| {
            for &k in &sides {
                let v = s.scroll[k] as isize + by;
                s.scroll[k] = (v.max(0) as usize).min(max[k]);
            }
        };
        let page = rows.saturating_sub(1).max(1) as isize;
        match msg {
            Msg::Down => step(&mut s, 1),
            Msg::Up => step(&mut s, -1),
            Msg::HalfDown => step(&mut s, page / 2),
            Msg::HalfUp => step(&mut s, -(page / 2)),
            Msg::PageDown => step(&mut s, page),
            Msg::PageUp => step(&mut s, -page),
            Msg::Top => step(&mut s, isize::MIN / 2),
            Msg::Bottom => step(&mut s, isize::MAX / 2),
            Msg::ToggleLock => {
                s.locked = !s.locked;
                self.flash = Some(
                    if s.locked {
                        "sides scroll together"
                    } else {
                        "sides scroll apart (Tab switches side)"
                    }
                    .into(),
                );
            }
            Msg::NextPane => s.focus = 1 - s.focus,
            Msg::Swap => {
                s = CompareState {
                    a: s.b,
                    b: s.a,
                    scroll: [s.scroll[1], s.scroll[0]],
                    focus: 1 - s.focus,
                    pair: None,
                    ..s
                };
            }
            Msg::EntitiesPanel => s.panel = Some(0),
            Msg::NextHit | Msg::PrevHit => {
                let n = lay.cmp.aligned.len();
                if n == 0 {
                    self.flash = Some("no sentences of these two say the same thing".into());
                } else {
                    let next = match (s.pair, &msg) {
                        (Some(p), Msg::NextHit) => (p + 1) % n,
                        (Some(p), _) => (p + n - 1) % n,
                        (None, Msg::NextHit) => 0,
                        (None, _) => n - 1,
                    };
                    s.pair = Some(next);
                    let pair = &lay.cmp.aligned[next];
                    let starts = [lay.cmp.span_a(pair).start, lay.cmp.span_b(pair).start];
                    for k in 0..2 {
                        if let Some(line) = lay.sides[k].line_of(starts[k]) {
                            s.scroll[k] = line.saturating_sub(2).min(max[k]);
                        }
                    }
                }
            }
            _ => {}
        }
        *self.view_mut() = View::Compare(s);
    }
}

/// Draw the compare screen.
pub(in crate::tui) fn draw_compare(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let View::Compare(s) = app.view() else { return };
    if area.width < COMPARE_MIN_WIDTH {
        let msg = format!(
            "Two articles side by side need {COMPARE_MIN_WIDTH} columns; this terminal has {}. Widen it, or press Esc.",
            area.width
        );
        frame.render_widget(
            Paragraph::new(msg).wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
        return;
    }
    let lay = app.compare_layout(s.a, s.b);
    let cmp = &lay.cmp;
    let rows = app
        .compare_rows(s.panel.is_some())
        .min(usize::from(area.height));
    let col = app.compare_side_width();
    let shared: std::collections::HashSet<usize> = cmp.shared.iter().copied().collect();
    let differing: Vec<[Span; 2]> = cmp.differing.iter().map(|d| [d.a, d.b]).collect();
    let articles = [s.a, s.b];
    for k in 0..2 {
        let x = area.x + if k == 0 { 0 } else { (col + 3) as u16 };
        let rect = Rect {
            x,
            y: area.y,
            width: (col as u16).min(area.width.saturating_sub(x - area.x)),
            height: rows as u16,
        };
        let text = &app.corpus.articles[articles[k]].text;
        let mut lines: Vec<Line> = Vec::new();
        for (li, l) in lay.sides[k]
            .lines
            .iter()
            .enumerate()
            .skip(s.scroll[k])
            .take(rows)
        {
            let pair = lay.pair_of_line[k].get(li).copied().flatten();
            let marker = match pair {
                Some(p) if s.pair == Some(p) => {
                    text::Span::styled("▌", theme.fg(Color::Cyan).add_modifier(Modifier::REVERSED))
                }
                Some(_) => text::Span::styled("▌", theme.fg(Color::Cyan)),
                None => text::Span::raw(" "),
            };
            let mut spans = vec![marker];
            for seg in &l.segments {
                let mut style = match seg.mark {
                    Mark::Plain => Style::default(),
                    Mark::Title => Style::default().add_modifier(Modifier::BOLD),
                    Mark::Deck => Style::default().add_modifier(Modifier::ITALIC),
                    Mark::Meta | Mark::Gutter => theme.dim(),
                    Mark::Mention(kind, i) => {
                        let e = lay.sides[k].mentions.get(i).map(|m| m.entity);
                        if e.is_some_and(|e| shared.contains(&e)) {
                            theme
                                .kind(kind)
                                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
                        } else {
                            theme.dim()
                        }
                    }
                };
                if let Some(off) = seg.offset {
                    if differing
                        .iter()
                        .any(|d| d[k].start <= off && off < d[k].end)
                    {
                        style = theme
                            .fg(Color::Red)
                            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
                    }
                }
                spans.extend(super::article::with_hits(seg, style, text, &[], None));
            }
            lines.push(Line::from(spans));
        }
        frame.render_widget(Paragraph::new(lines), rect);
    }
    // The rule between the columns: bold on the side that has the keys when apart.
    let sep_x = area.x + col as u16 + 1;
    let sep: Vec<Line> = (0..rows)
        .map(|_| {
            Line::from(text::Span::styled(
                if s.locked {
                    "│"
                } else if s.focus == 0 {
                    "◂"
                } else {
                    "▸"
                },
                theme.dim(),
            ))
        })
        .collect();
    frame.render_widget(
        Paragraph::new(sep),
        Rect {
            x: sep_x,
            y: area.y,
            width: 1,
            height: rows as u16,
        },
    );
    // The entity strip.
    let strip = Rect {
        x: area.x,
        y: area.y + rows as u16,
        width: area.width,
        height: area.height.saturating_sub(rows as u16),
    };
    draw_strip(frame, app, theme, s, cmp, strip);
}

fn draw_strip(
    frame: &mut Frame,
    app: &App,
    theme: &Theme,
    s: &CompareState,
    cmp: &Comparison,
    area: Rect,
) {
    let ents = &app.corpus.resolved.entities;
    let ids = [
        app.corpus.articles[s.a].short_id().to_string(),
        app.corpus.articles[s.b].short_id().to_string(),
    ];
    let w = usize::from(area.width);
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(theme.dim())
        .title(format!(
            " entities: {} both · {} only {} · {} only {} · e {} ",
            cmp.shared.len(),
            cmp.only_a.len(),
            safe(&ids[0]),
            cmp.only_b.len(),
            safe(&ids[1]),
            if s.panel.is_some() {
                "closes"
            } else {
                "lists them"
            }
        ));
    let lines: Vec<Line> = match s.panel {
        None => [("both", &cmp.shared), ("only left", &cmp.only_a)]
            .into_iter()
            .map(|(label, list)| {
                let names: Vec<String> = list.iter().map(|&e| safe(&ents[e].name)).collect();
                Line::from(vec![
                    text::Span::styled(
                        format!("{label}: "),
                        Style::default().add_modifier(Modifier::BOLD),
                    ),
                    text::Span::raw(fit(&names.join(", "), w.saturating_sub(width(label) + 2))),
                ])
            })
            .chain(std::iter::once({
                let names: Vec<String> = cmp.only_b.iter().map(|&e| safe(&ents[e].name)).collect();
                Line::from(vec![
                    text::Span::styled(
                        "only right: ",
                        Style::default().add_modifier(Modifier::BOLD),
                    ),
                    text::Span::raw(fit(&names.join(", "), w.saturating_sub(12))),
                ])
            }))
            .collect(),
        Some(sel) => {
            let rows = app.compare_panel_rows(s.a, s.b);
            let h = usize::from(area.height.saturating_sub(1)).max(1);
            let top = sel.saturating_sub(h.saturating_sub(1));
            rows.iter()
                .enumerate()
                .skip(top)
                .take(h)
                .map(|(i, (label, e))| {
                    let ent = &ents[*e];
                    let mut line = Line::from(vec![
                        text::Span::styled(format!("{label:<6}"), theme.dim()),
                        badge(theme, ent.kind),
                        text::Span::raw(" "),
                        text::Span::styled(
                            fit(&safe(&ent.name), w.saturating_sub(12)),
                            theme.kind(ent.kind),
                        ),
                    ]);
                    if i == sel {
                        line = line.style(selected());
                    }
                    line
                })
                .collect()
        }
    };
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// Draw the article picker over the screen.
pub(in crate::tui) fn draw_picker(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let Some(p) = app.picker() else { return };
    let w = area.width.saturating_sub(4).clamp(20.min(area.width), 110);
    let rect = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y,
        width: w,
        height: area.height,
    };
    frame.render_widget(Clear, rect);
    let from = &app.corpus.articles[p.from];
    let title = match p.purpose {
        PickerPurpose::Compare => " compare with · related first · Enter compares · Esc closes ",
        PickerPurpose::Open => " related articles · Enter opens · Esc closes ",
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(title)
        .border_style(theme.fg(Color::Cyan));
    let inner = usize::from(w.saturating_sub(2));
    let mut lines = vec![
        Line::from(vec![
            text::Span::styled("› ", theme.fg(Color::Cyan).add_modifier(Modifier::BOLD)),
            text::Span::raw(safe(&p.query)),
            text::Span::styled("▏", theme.fg(Color::Cyan)),
        ]),
        Line::from(text::Span::styled(
            fit(
                &format!(
                    "{} articles · for {}",
                    p.rows.len(),
                    safe(from.title.as_deref().unwrap_or(&from.id))
                ),
                inner,
            ),
            theme.dim(),
        )),
    ];
    let h = usize::from(rect.height.saturating_sub(4)).max(1);
    let top = p.selected.saturating_sub(h.saturating_sub(1));
    if p.rows.is_empty() {
        lines.push(Line::from("no match"));
    }
    for (i, &(a, sim)) in p.rows.iter().enumerate().skip(top).take(h) {
        let art = &app.corpus.articles[a];
        let sim_text = sim.map_or("    ".to_string(), |s| format!("{s:.2}"));
        let id = fit(&safe(art.short_id()), 14);
        let title = safe(art.title.as_deref().unwrap_or(""));
        let used = 4 + 2 + width(&id) + 2;
        let mut line = Line::from(vec![
            text::Span::styled(sim_text, theme.fg(Color::Green)),
            text::Span::raw("  "),
            text::Span::styled(id, theme.dim()),
            text::Span::raw("  "),
            text::Span::raw(fit(&title, inner.saturating_sub(used))),
        ]);
        if i == p.selected {
            line = line.style(selected());
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::tui::app::testing::press;

    fn id_of(app: &App, article: usize) -> String {
        app.corpus.articles[article].short_id().to_string()
    }

    #[test]
    fn c_picks_the_related_report_first_and_n_scrolls_both_sides_to_each_pair() {
        let c = Corpus::open(&[]).expect("seeds");
        let mut app = App::new(&c, 160, 48);
        // The third article of the list is 002.
        press(&mut app, "jj<Enter>");
        let View::Article(a) = app.view().clone() else {
            panic!("an article, got {:?}", app.view());
        };
        assert_eq!(id_of(&app, a.article), "002");
        press(&mut app, "c");
        let p = app.picker().cloned().expect("the picker");
        assert_eq!(id_of(&app, p.rows[0].0), "003", "the related report first");
        assert!(p.rows[0].1.is_some_and(|s| s > 0.0));
        assert_eq!(p.rows.len(), 4, "every other article is listed");
        // Typing narrows it.
        press(&mut app, "hong");
        let narrowed = app.picker().map(|p| p.rows.clone()).unwrap_or_default();
        let first = narrowed.first().map(|r| r.0).unwrap_or(0);
        assert!(narrowed.len() < 4, "typing narrows the list: {narrowed:?}");
        assert_eq!(
            id_of(&app, first),
            "004",
            "the Hong Kong report matches best"
        );
        press(&mut app, "<C-u><Enter>");
        let View::Compare(s) = app.view().clone() else {
            panic!("the compare screen, got {:?}", app.view());
        };
        assert_eq!(
            (id_of(&app, s.a), id_of(&app, s.b)),
            ("002".into(), "003".into())
        );
        assert!(s.locked, "the sides scroll together at first");
        // n: both sides scrolled to the first aligned pair.
        press(&mut app, "n");
        let View::Compare(s) = app.view().clone() else {
            panic!()
        };
        assert_eq!(s.pair, Some(0));
        let lay = app.compare_layout(s.a, s.b);
        let pair = &lay.cmp.aligned[0];
        for (k, start) in [lay.cmp.span_a(pair).start, lay.cmp.span_b(pair).start]
            .into_iter()
            .enumerate()
        {
            let line = lay.sides[k].line_of(start).expect("the pair is laid out");
            assert!(
                (s.scroll[k]..s.scroll[k] + app.compare_rows(false)).contains(&line),
                "side {k}: line {line} is not on screen from {}",
                s.scroll[k]
            );
        }
        // Together, j moves both; apart, only the focused side.
        let before = s.scroll;
        press(&mut app, "j");
        let View::Compare(s) = app.view().clone() else {
            panic!()
        };
        assert_eq!(s.scroll, [before[0] + 1, before[1] + 1]);
        press(&mut app, "=j");
        let View::Compare(t) = app.view().clone() else {
            panic!()
        };
        assert!(!t.locked);
        assert_eq!(t.scroll, [s.scroll[0] + 1, s.scroll[1]]);
        press(&mut app, "<Tab>j");
        let View::Compare(u) = app.view().clone() else {
            panic!()
        };
        assert_eq!(u.scroll, [t.scroll[0], t.scroll[1] + 1]);
        // x swaps the sides.
        press(&mut app, "x");
        let View::Compare(v) = app.view().clone() else {
            panic!()
        };
        assert_eq!(
            (id_of(&app, v.a), id_of(&app, v.b)),
            ("003".into(), "002".into())
        );
        // e lists the entities; Enter opens one; back returns to the comparison.
        press(&mut app, "e");
        let View::Compare(w) = app.view().clone() else {
            panic!()
        };
        assert_eq!(w.panel, Some(0));
        press(&mut app, "<Enter>");
        assert!(matches!(app.view(), View::Entity(_)), "{:?}", app.view());
        press(&mut app, "<Esc>");
        let View::Compare(w) = app.view().clone() else {
            panic!("back from the entity is the comparison")
        };
        assert_eq!(w.panel, Some(0), "with the panel it was left from");
        // Esc closes the panel, then leaves the comparison.
        press(&mut app, "<Esc>");
        assert!(matches!(app.view(), View::Compare(s) if s.panel.is_none()));
        press(&mut app, "<Esc>");
        assert!(matches!(app.view(), View::Article(_)));
    }

    #[test]
    fn shift_r_opens_a_related_article() {
        let c = Corpus::open(&[]).expect("seeds");
        let mut app = App::new(&c, 80, 24);
        press(&mut app, "jjj<Enter>R<Enter>");
        let View::Article(a) = app.view().clone() else {
            panic!("an article, got {:?}", app.view());
        };
        assert_eq!(id_of(&app, a.article), "002");
    }
}
