//! The main screen: the list of lists, the selected list and a preview; its state and keys.

use super::super::app::*;
use crate::extract::Kind;

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
    /// Which pane has the keys.
    pub focus: MainFocus,
    /// Sorted by name instead of by mentions.
    pub by_name: bool,
}

impl App<'_> {
    pub(in crate::tui) fn update_main(&mut self, mut s: MainState, msg: Msg) {
        let len = self.items(s.list, s.by_name).len();
        let page = self.page();
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
            (_, m) => s.selected[s.list] = moved(s.selected[s.list], len, page, m),
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
