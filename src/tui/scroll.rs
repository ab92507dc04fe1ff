//! Scrolling that sends what changed: when only an article's text moved since the last frame,
//! the terminal's own scroll region moves its rows, and the next frame is drawn over what the
//! terminal then shows, so the diff holds the lines that came into view and little else.

use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::{Frame, Terminal};
use std::ops::Range;

/// The rows of the screen that hold nothing but an article's text, and what they show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextRows {
    /// What is shown, as (view in history, article, text width, screen width, screen height):
    /// rows move as they are only between two frames that show the same.
    pub shows: (usize, usize, usize, u16, u16),
    /// The first text line shown.
    pub top: usize,
    /// The screen rows of the text, whole rows from edge to edge.
    pub rows: Range<u16>,
}

/// How many lines the text moved between two frames (up when positive), when the terminal can
/// move them: the same text in the same rows, moved by less than their height.
pub fn moved(before: &TextRows, after: &TextRows) -> Option<i32> {
    if before.shows != after.shows || before.rows != after.rows {
        return None;
    }
    let by = i64::try_from(after.top).ok()? - i64::try_from(before.top).ok()?;
    let height = i64::from(after.rows.end.saturating_sub(after.rows.start));
    (by != 0 && by.abs() < height)
        .then(|| i32::try_from(by).ok())
        .flatten()
}

/// `frame` as the terminal shows it once its `rows` scrolled by `by` lines (up when positive):
/// the rows that came into view are blank.
pub fn shifted(mut frame: Buffer, rows: Range<u16>, by: i32) -> Buffer {
    let area = frame.area;
    let (start, end) = (rows.start.min(area.height), rows.end.min(area.height));
    let width = usize::from(area.width);
    let height = usize::from(end.saturating_sub(start));
    let n = usize::try_from(by.unsigned_abs())
        .unwrap_or(usize::MAX)
        .min(height);
    let region = usize::from(start) * width..usize::from(end) * width;
    let Some(cells) = frame.content.get_mut(region) else {
        return frame;
    };
    let moved_cells = n * width;
    if by > 0 {
        cells.rotate_left(moved_cells);
        let len = cells.len();
        cells[len - moved_cells..].fill_with(Cell::default);
    } else {
        cells.rotate_right(moved_cells);
        cells[..moved_cells].fill_with(Cell::default);
    }
    frame
}

/// The cells to write to turn `shown` into `next`: those that differ, and between two of them on
/// one row a short run of unchanged plain cells in the same style, which costs fewer bytes
/// written again than a cursor move over them.
pub fn updates<'a>(shown: &Buffer, next: &'a Buffer) -> Vec<(u16, u16, &'a Cell)> {
    /// A cursor move ("ESC [ row ; col H") is six to eight bytes.
    const WORTH_A_MOVE: u16 = 6;
    let changed = shown.diff(next);
    let mut out: Vec<(u16, u16, &Cell)> = Vec::with_capacity(changed.len());
    for (x, y, cell) in changed {
        if let Some(&(px, py, prev)) = out.last() {
            let gap = x.saturating_sub(px).saturating_sub(1);
            if py == y && x > px && gap > 0 && gap <= WORTH_A_MOVE {
                let fill: Option<Vec<&Cell>> = (px + 1..x)
                    .map(|gx| {
                        let c = next.cell((gx, y))?;
                        let plain = c.symbol().len() == 1
                            && c.symbol().is_ascii()
                            && c.diff_option == ratatui::buffer::CellDiffOption::None;
                        let same =
                            c.fg == prev.fg && c.bg == prev.bg && c.modifier == prev.modifier;
                        (plain && same).then_some(c)
                    })
                    .collect();
                if let Some(fill) = fill {
                    out.extend((px + 1..x).zip(fill).map(|(gx, c)| (gx, y, c)));
                }
            }
        }
        out.push((x, y, cell));
    }
    out
}

/// What the last frame drew, kept so that the next frame sends only what changed.
#[derive(Debug, Default)]
pub struct Painted {
    last: Option<(Buffer, Option<TextRows>)>,
    cursor_hidden: bool,
}

impl Painted {
    /// Forget the last frame: the screen was cleared or given away, and the next frame is drawn
    /// whole.
    pub fn forget(&mut self) {
        self.last = None;
        self.cursor_hidden = false;
    }

    /// Draw a frame whose text rows are `text`, writing only the cells that changed. When only
    /// the text moved since the last frame, the terminal scrolls those rows first and the frame
    /// is drawn over what it then shows.
    pub fn draw<B: Backend>(
        &mut self,
        terminal: &mut Terminal<B>,
        text: Option<TextRows>,
        render: impl FnOnce(&mut Frame),
    ) -> Result<(), B::Error> {
        // A new size clears the screen.
        terminal.autoresize()?;
        let area = terminal.get_frame().area();
        let shown = match self.last.take() {
            Some((frame, before)) if frame.area == area => {
                match scroll_between(before.as_ref(), text.as_ref()) {
                    Some((rows, by)) => {
                        let lines = u16::try_from(by.unsigned_abs()).unwrap_or(u16::MAX);
                        if by > 0 {
                            terminal
                                .backend_mut()
                                .scroll_region_up(rows.clone(), lines)?;
                        } else {
                            terminal
                                .backend_mut()
                                .scroll_region_down(rows.clone(), lines)?;
                        }
                        shifted(frame, rows, by)
                    }
                    None => frame,
                }
            }
            _ => Buffer::empty(area),
        };
        render(&mut terminal.get_frame());
        let next = terminal.current_buffer_mut().clone();
        terminal
            .backend_mut()
            .draw(updates(&shown, &next).into_iter())?;
        if !self.cursor_hidden {
            terminal.hide_cursor()?;
            self.cursor_hidden = true;
        }
        // The frame drawn becomes ratatui's previous one, and the next is drawn on a clean
        // buffer.
        terminal.swap_buffers();
        terminal.backend_mut().flush()?;
        self.last = Some((next, text));
        Ok(())
    }
}

/// The rows and lines to scroll between the text rows of two frames, if any.
fn scroll_between(
    before: Option<&TextRows>,
    after: Option<&TextRows>,
) -> Option<(Range<u16>, i32)> {
    let (before, after) = (before?, after?);
    moved(before, after).map(|by| (after.rows.clone(), by))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;
    use ratatui::widgets::Paragraph;

    fn lines(from: usize, n: usize) -> String {
        (from..from + n)
            .map(|i| {
                let letter = char::from(b'a' + u8::try_from(i % 26).unwrap_or(0));
                format!("{i} {}", letter.to_string().repeat(10))
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn rows(top: usize) -> TextRows {
        TextRows {
            shows: (0, 0, 20, 20, 8),
            top,
            rows: 1..7,
        }
    }

    fn render(top: usize) -> impl FnOnce(&mut Frame) {
        move |f: &mut Frame| {
            let area = f.area();
            f.render_widget(
                Paragraph::new("header"),
                ratatui::layout::Rect { height: 1, ..area },
            );
            f.render_widget(
                Paragraph::new(lines(top, 6)),
                ratatui::layout::Rect {
                    y: 1,
                    height: 6,
                    ..area
                },
            );
            f.render_widget(
                Paragraph::new(format!("at {top}")),
                ratatui::layout::Rect {
                    y: 7,
                    height: 1,
                    ..area
                },
            );
        }
    }

    fn screen(t: &Terminal<TestBackend>) -> Vec<String> {
        let b = t.backend().buffer();
        (0..b.area.height)
            .map(|y| {
                (0..b.area.width)
                    .map(|x| b[(x, y)].symbol().to_string())
                    .collect::<String>()
                    .trim_end()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn a_scrolled_screen_shows_what_a_whole_redraw_shows() {
        let mut t = Terminal::new(TestBackend::new(20, 8)).unwrap_or_else(|e| panic!("{e}"));
        let mut fresh = Terminal::new(TestBackend::new(20, 8)).unwrap_or_else(|e| panic!("{e}"));
        let mut painted = Painted::default();
        painted
            .draw(&mut t, Some(rows(0)), render(0))
            .unwrap_or_else(|e| panic!("{e}"));
        for top in [1, 2, 5, 4, 0, 3, 9, 2] {
            painted
                .draw(&mut t, Some(rows(top)), render(top))
                .unwrap_or_else(|e| panic!("{e}"));
            fresh.clear().unwrap_or_else(|e| panic!("{e}"));
            fresh.draw(render(top)).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(screen(&t), screen(&fresh), "after scrolling to {top}");
        }
        assert_eq!(screen(&t)[1], "2 cccccccccc");
    }

    /// The frame `render(top)` draws on a fresh terminal.
    fn drawn(top: usize) -> Buffer {
        let mut t = Terminal::new(TestBackend::new(20, 8)).unwrap_or_else(|e| panic!("{e}"));
        t.draw(render(top))
            .unwrap_or_else(|e| panic!("{e}"))
            .buffer
            .clone()
    }

    #[test]
    fn a_one_line_scroll_redraws_one_line_and_the_status() {
        let prev = drawn(0);
        let next = drawn(1);
        let whole = prev.diff(&next).len();
        let after_scroll = shifted(prev.clone(), 1..7, 1).diff(&next).len();
        // "6 gggggggggg" comes into view (its space is a blank cell) and "at 0" becomes "at 1".
        assert_eq!(after_scroll, 11 + 1, "{whole} cells without the scroll");
        assert!(
            whole >= 5 * after_scroll,
            "{whole} cells without the scroll"
        );
    }

    #[test]
    fn rows_move_only_between_frames_of_the_same_text() {
        assert_eq!(moved(&rows(3), &rows(4)), Some(1));
        assert_eq!(moved(&rows(4), &rows(1)), Some(-3));
        assert_eq!(moved(&rows(4), &rows(4)), None);
        // A page or more is drawn whole.
        assert_eq!(moved(&rows(0), &rows(6)), None);
        let other = TextRows {
            shows: (0, 1, 20, 20, 8),
            ..rows(4)
        };
        assert_eq!(moved(&rows(3), &other), None);
    }
}
