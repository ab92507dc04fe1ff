//! The help overlay: every key of the view under it, wrapped to the box so nothing is cut off,
//! scrolled with the usual keys and filtered by typing after `/`; its state, keys and drawing.

use super::super::app::*;
use super::super::keys;
use super::super::layout::{safe, width, wrap_plain};
use super::super::view::Theme;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

/// The help overlay's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelpState {
    /// First row shown.
    pub scroll: usize,
    /// Only keys whose names or descriptions contain this (case-insensitive) are listed.
    pub filter: String,
    /// Letters typed go into the filter.
    pub typing: bool,
}

/// What a row of the help is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpRowKind {
    /// A heading.
    Heading,
    /// A key and (part of) what it does.
    Key,
    /// The legend of kind badges.
    Legend,
    /// Space between parts.
    Blank,
}

/// One row of the help, already wrapped to the box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    /// The key column (empty on a continuation row).
    pub keys: String,
    /// The text column.
    pub text: String,
    /// What the row is.
    pub kind: HelpRowKind,
}

/// The widest the help box gets.
pub const HELP_WIDTH: u16 = 76;

/// The width of the key column for a box whose inside is `inner` columns.
fn key_column(inner: usize) -> usize {
    (inner / 3).clamp(8, 22)
}

const LEGEND: &str = "Kinds: [P] person  [O] organisation  [L] place  [E] event  [I] initiative";

/// The rows of the help for the keys of `ctx`, wrapped to a box `inner` columns wide inside.
pub fn help_rows(ctx: Context, filter: &str, inner: usize) -> Vec<HelpRow> {
    let inner = inner.max(12);
    let kw = key_column(inner);
    let text_w = inner.saturating_sub(kw).max(4);
    let needle = filter.to_lowercase();
    let row = |keys: String, text: String, kind| HelpRow { keys, text, kind };
    let mut rows = vec![
        row(String::new(), "Keys".into(), HelpRowKind::Heading),
        row(String::new(), String::new(), HelpRowKind::Blank),
    ];
    let mut listed = 0;
    for b in keys::bindings_for(ctx) {
        let names = b
            .keys
            .iter()
            .map(keys::key_name)
            .collect::<Vec<_>>()
            .join(" ");
        if !needle.is_empty()
            && !names.to_lowercase().contains(&needle)
            && !b.help.to_lowercase().contains(&needle)
        {
            continue;
        }
        listed += 1;
        let mut pieces = wrap_plain(b.help, text_w).into_iter();
        if width(&names) + 1 > kw {
            // Keys wider than their column get a row of their own.
            rows.push(row(names, String::new(), HelpRowKind::Key));
        } else {
            rows.push(row(
                names,
                pieces.next().unwrap_or_default(),
                HelpRowKind::Key,
            ));
        }
        rows.extend(pieces.map(|p| row(String::new(), p, HelpRowKind::Key)));
    }
    if listed == 0 {
        rows.push(row(
            String::new(),
            format!("no key matches “{}”", safe(filter)),
            HelpRowKind::Legend,
        ));
    }
    rows.push(row(String::new(), String::new(), HelpRowKind::Blank));
    rows.extend(
        wrap_plain(LEGEND, inner)
            .into_iter()
            .map(|p| row(String::new(), p, HelpRowKind::Legend)),
    );
    rows
}

/// Where the help box goes in a screen of `area`, and how many rows it shows: it is as tall as
/// its rows (plus a filter line while one is typed or set), at most the screen.
pub fn help_box(area: Rect, rows: usize, filter_line: bool) -> (Rect, usize) {
    let w = HELP_WIDTH.min(area.width);
    let want = rows + 2 + usize::from(filter_line);
    let h = u16::try_from(want).unwrap_or(u16::MAX).min(area.height);
    let rect = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    let visible = usize::from(h)
        .saturating_sub(2 + usize::from(filter_line))
        .max(1);
    (rect, visible)
}

impl App<'_> {
    /// The help rows for the current view and filter in a screen of `area`, the box they go
    /// in, and how many of them it shows.
    pub fn help_page(&self, help: &HelpState, area: Rect) -> (Vec<HelpRow>, Rect, usize) {
        let inner = usize::from(HELP_WIDTH.min(area.width)).saturating_sub(2);
        let rows = help_rows(self.context(), &help.filter, inner);
        let filter_line = help.typing || !help.filter.is_empty();
        let (rect, visible) = help_box(area, rows.len(), filter_line);
        (rows, rect, visible)
    }

    /// Keys while help is shown: scroll, filter, close.
    pub(in crate::tui) fn update_help(&mut self, mut help: HelpState, msg: Msg) {
        let (rows, _, visible) = self.help_page(&help, Rect::new(0, 0, self.width, self.height));
        let last = rows.len().saturating_sub(visible);
        let page = visible.max(1);
        if help.typing {
            if edit_field(&mut help.filter, &msg).is_some() {
                help.scroll = 0;
                self.overlay = Some(Overlay::Help(help));
                return;
            }
            match msg {
                Msg::Open => help.typing = false,
                Msg::Back => {
                    help.filter.clear();
                    help.typing = false;
                }
                _ => {}
            }
            self.overlay = Some(Overlay::Help(help));
            return;
        }
        match msg {
            Msg::Down
            | Msg::Up
            | Msg::PageDown
            | Msg::PageUp
            | Msg::HalfDown
            | Msg::HalfUp
            | Msg::Top
            | Msg::Bottom => help.scroll = moved(help.scroll, last + 1, page, msg),
            Msg::OpenFind => help.typing = true,
            Msg::Back if !help.filter.is_empty() => {
                help.filter.clear();
                help.scroll = 0;
            }
            _ => {
                self.overlay = None;
                return;
            }
        }
        self.overlay = Some(Overlay::Help(help));
    }
}

/// Draw the help over the screen.
pub(in crate::tui) fn draw_help(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let Some(help) = app.help() else { return };
    let (rows, rect, visible) = app.help_page(help, area);
    let inner = usize::from(rect.width).saturating_sub(2);
    let kw = key_column(inner);
    let last = rows.len().saturating_sub(visible);
    let scroll = help.scroll.min(last);
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let mut lines: Vec<Line> = rows
        .iter()
        .skip(scroll)
        .take(visible)
        .map(|r| match r.kind {
            HelpRowKind::Heading => Line::from(Span::styled(r.text.clone(), bold)),
            HelpRowKind::Legend => Line::from(Span::styled(r.text.clone(), theme.dim())),
            HelpRowKind::Blank => Line::default(),
            HelpRowKind::Key => Line::from(vec![
                Span::styled(
                    format!(
                        "{}{}",
                        r.keys,
                        " ".repeat(kw.saturating_sub(width(&r.keys)))
                    ),
                    bold,
                ),
                Span::raw(r.text.clone()),
            ]),
        })
        .collect();
    if help.typing || !help.filter.is_empty() {
        lines.push(Line::from(vec![
            Span::styled("/", theme.fg(Color::Cyan).add_modifier(Modifier::BOLD)),
            Span::raw(safe(&help.filter)),
            Span::styled(if help.typing { "▏" } else { "" }, theme.fg(Color::Cyan)),
            Span::styled(
                if help.typing {
                    "  Enter keep · Esc clear"
                } else {
                    "  Esc clears"
                },
                theme.dim(),
            ),
        ]));
    }
    let position = if rows.len() > visible {
        format!(
            " {}-{} of {} · j/k scroll ",
            scroll + 1,
            (scroll + visible).min(rows.len()),
            rows.len()
        )
    } else {
        String::new()
    };
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" help · / filter · Esc closes ")
        .title_bottom(Line::from(position).right_aligned())
        .border_style(theme.fg(Color::Cyan));
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::tui::app::testing::press;

    /// The text the help shows, row by row, at the app's size.
    fn shown(app: &App) -> Vec<String> {
        let help = app.help().cloned().unwrap_or_default();
        let (rows, _, visible) = app.help_page(&help, Rect::new(0, 0, app.width, app.height));
        let scroll = help.scroll.min(rows.len().saturating_sub(visible));
        rows.iter()
            .skip(scroll)
            .take(visible)
            .map(|r| format!("{} {}", r.keys, r.text))
            .collect()
    }

    #[test]
    fn every_key_and_the_legend_are_in_the_rows_whole_at_any_width() {
        for ctx in [Context::Main, Context::Article, Context::Entity] {
            for inner in [20, 38, 74] {
                let rows = help_rows(ctx, "", inner);
                let all: String = rows
                    .iter()
                    .map(|r| format!("{} {}", r.keys, r.text))
                    .collect::<Vec<_>>()
                    .join(" ");
                let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
                for b in keys::bindings_for(ctx) {
                    assert!(
                        words(&all).contains(&words(b.help)),
                        "{ctx:?} at {inner}: {:?} is not in the help",
                        b.help
                    );
                }
                assert!(words(&all).contains("[I] initiative"));
                for r in &rows {
                    let used = match r.kind {
                        HelpRowKind::Key if !r.text.is_empty() => {
                            width(&r.keys).max(key_column(inner)) + width(&r.text)
                        }
                        _ => width(&r.keys).max(width(&r.text)),
                    };
                    assert!(
                        used <= inner.max(12),
                        "{ctx:?} at {inner}: a row is wider than the box: {r:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn at_80x24_the_help_scrolls_to_its_last_row_and_q_closes_it() {
        let c = Corpus::open(&[]).expect("seeds");
        let mut app = App::new(&c, 80, 24);
        press(&mut app, "?");
        let first = shown(&app);
        assert!(first.iter().any(|r| r.contains("move down")));
        assert!(
            !first.iter().any(|r| r.contains("[I] initiative")),
            "the seeds' main view has more keys than 24 rows hold: {first:?}"
        );
        press(&mut app, "G");
        let last = shown(&app);
        assert!(
            last.iter().any(|r| r.contains("[I] initiative")),
            "{last:?}"
        );
        assert!(last.iter().any(|r| r.contains("quit")), "{last:?}");
        press(&mut app, "k");
        assert_ne!(shown(&app), last, "k scrolls back up");
        press(&mut app, "q");
        assert!(!app.help_open());
        assert!(!app.quit, "q in help closes the help, not dossier");
    }

    #[test]
    fn slash_filters_the_keys_and_esc_clears_then_closes() {
        let c = Corpus::open(&[]).expect("seeds");
        let mut app = App::new(&c, 80, 24);
        press(&mut app, "?/sort");
        let rows = shown(&app);
        let keys: Vec<&String> = rows.iter().filter(|r| !r.trim().is_empty()).collect();
        assert!(
            keys.iter().any(|r| r.contains("sort by mentions")),
            "{rows:?}"
        );
        assert!(!keys.iter().any(|r| r.contains("move down")), "{rows:?}");
        press(&mut app, "?");
        assert_eq!(app.help().map(|h| h.filter.as_str()), Some("sort?"));
        press(&mut app, "<BS><Enter>j");
        assert!(app.help_open(), "Enter keeps the filter; j does not close");
        press(&mut app, "<Esc>");
        assert_eq!(app.help().map(|h| h.filter.as_str()), Some(""));
        press(&mut app, "<Esc>");
        assert!(!app.help_open());
    }
}
