//! The browser's state and `update`: key presses arrive as messages and change the state; no
//! terminal here, so all of it is unit-tested.

use super::layout::ArticleLayout;
pub use super::layout::BodyMention;
pub use super::screens::article::{ArticleState, Find};
pub use super::screens::compare::{CompareLayout, CompareState, Picker, PickerPurpose};
pub use super::screens::entity::{EntityRow, EntityState};
pub use super::screens::help::HelpState;
pub use super::screens::main::{list_title, ListKind, MainFocus, MainState, LISTS};
use crate::corpus::Corpus;
use crate::search::{Hit, SearchIndex, Target};
use rayon::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

/// Where the user is, for choosing key bindings and hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The lists.
    Main,
    /// An article.
    Article,
    /// An entity.
    Entity,
    /// The search palette.
    Palette,
    /// Typing a search term inside an article.
    Find,
    /// The help overlay: scroll keys move it, `/` filters, other keys close it.
    Help,
    /// Typing a filter into the help.
    HelpFilter,
    /// Two articles side by side.
    Compare,
    /// Picking an article to compare with or to open.
    Picker,
}

/// What a key press asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// Move the selection or scroll up.
    Up,
    /// Move the selection or scroll down.
    Down,
    /// To the top.
    Top,
    /// To the bottom.
    Bottom,
    /// Half a page down.
    HalfDown,
    /// Half a page up.
    HalfUp,
    /// A page down.
    PageDown,
    /// A page up.
    PageUp,
    /// Previous list.
    Left,
    /// Next list.
    Right,
    /// Open the selected item.
    Open,
    /// Back in history.
    Back,
    /// Forward in history.
    Forward,
    /// Next pane.
    NextPane,
    /// Next mention.
    NextHit,
    /// Previous mention.
    PrevHit,
    /// Sort by mentions or by name.
    ToggleSort,
    /// Copy the selection to the clipboard.
    Copy,
    /// Show or hide help.
    ToggleHelp,
    /// Quit.
    Quit,
    /// The terminal changed size.
    Resize(u16, u16),
    /// Open the search palette.
    OpenPalette,
    /// A character typed into the palette.
    Type(char),
    /// Delete the last character of the palette query.
    Erase,
    /// Clear the palette query.
    ClearInput,
    /// Search the article's text.
    OpenFind,
    /// Text pasted (bracketed paste): one insertion into the text field being typed in.
    Paste(std::sync::Arc<str>),
    /// Stop the program until the shell brings it back (`fg`).
    Suspend,
    /// A search finished: which edit of the query it answers, and its hits.
    Searched(u64, Vec<Hit>),
    /// Compare this article with another (opens the picker).
    Compare,
    /// The articles that report the same story (opens the picker to open one).
    Related,
    /// Scroll the two sides together or apart.
    ToggleLock,
    /// Swap the two sides.
    Swap,
    /// Read the article across the whole width, the side list hidden, and back.
    ToggleReading,
    /// The keys have rested (about 50 ms without one): the preview catches up with the
    /// selection.
    Settle,
    /// Move to the entities both or one side name, and back.
    EntitiesPanel,
    /// A key with no use in this screen, as help writes it: the status bar says so until the
    /// next key.
    Unbound(String),
}

/// Something `update` asks the runtime to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Run this search off the input path; answer with [`App::search_done`].
    Search {
        /// Which edit of the query it answers.
        generation: u64,
        /// The query.
        query: String,
    },
    /// Give the terminal back and stop until the shell resumes the program.
    Suspend,
}

/// What is drawn over the current view and gets the keys first.
#[derive(Debug, Clone)]
pub enum Overlay {
    /// The help: every key of the view under it.
    Help(HelpState),
    /// The search palette.
    Palette(Palette),
    /// The article picker.
    Picker(Picker),
}

/// The search palette.
#[derive(Debug, Clone, Default)]
pub struct Palette {
    /// What was typed.
    pub query: String,
    /// Results of the latest finished search for it.
    pub hits: Vec<Hit>,
    /// Selected result.
    pub selected: usize,
    /// Bumped on every edit; a search answer for an older one is dropped.
    pub generation: u64,
    /// The results shown are for an older query.
    pub searching: bool,
}

/// Results the palette keeps.
pub const PALETTE_RESULTS: usize = 200;

/// The longest search text, in characters: enough for any name, and a pasted book cannot make
/// each keystroke slow.
pub const MAX_QUERY: usize = 256;

/// Add typed or pasted `text` to a text field, as one line, up to [`MAX_QUERY`] characters.
/// Returns whether anything was added, and whether some was left out.
pub(in crate::tui) fn append_capped(field: &mut String, text: &str) -> (bool, bool) {
    let mut room = MAX_QUERY.saturating_sub(field.chars().count());
    let mut added = false;
    for c in text.chars() {
        // Line breaks, tabs and other controls in a paste become one space.
        let c = if c.is_whitespace() || c.is_control() {
            if added && field.ends_with(' ') {
                continue;
            }
            ' '
        } else {
            c
        };
        if room == 0 {
            return (added, true);
        }
        field.push(c);
        room -= 1;
        added = true;
    }
    (added, false)
}

/// What an editing key did to a text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::tui) struct Edited {
    /// The text changed.
    pub changed: bool,
    /// Some typed or pasted text was left out at [`MAX_QUERY`].
    pub cut: bool,
}

/// Apply an editing key (a character, a paste, Backspace, clear) to a text field; `None` when
/// `msg` is not one. The one editing rule of the palette, the picker, find and the help filter.
pub(in crate::tui) fn edit_field(field: &mut String, msg: &Msg) -> Option<Edited> {
    let (changed, cut) = match msg {
        Msg::Type(c) => {
            let mut buf = [0u8; 4];
            append_capped(field, c.encode_utf8(&mut buf))
        }
        Msg::Paste(text) => append_capped(field, text),
        Msg::Erase => (field.pop().is_some(), false),
        Msg::ClearInput => {
            let had = !field.is_empty();
            field.clear();
            (had, false)
        }
        _ => return None,
    };
    Some(Edited { changed, cut })
}

/// The message shown when a search text reaches [`MAX_QUERY`].
pub(in crate::tui) fn too_long() -> String {
    format!("a search holds at most {MAX_QUERY} characters; the rest was left out")
}

/// A comparison laid out, with what it is for: ((a, b, side width), layout).
pub(in crate::tui) type CompareCached = ((usize, usize, usize), Rc<CompareLayout>);

/// A screen in the history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    /// The lists.
    Main(MainState),
    /// An article.
    Article(ArticleState),
    /// An entity.
    Entity(EntityState),
    /// Two articles side by side.
    Compare(CompareState),
}

/// The whole browser state.
pub struct App<'c> {
    /// The corpus being browsed.
    pub corpus: &'c Corpus,
    /// Every view opened, oldest first.
    pub history: Vec<View>,
    /// The current view: index into `history`.
    pub at: usize,
    /// What is drawn over the view and takes the keys first: help or the search palette.
    pub overlay: Option<Overlay>,
    /// Terminal width.
    pub width: u16,
    /// Terminal height.
    pub height: u16,
    /// The user asked to quit.
    pub quit: bool,
    /// A short message for the status bar ("copied").
    pub flash: Option<String>,
    /// Per list, its items (article, entity or quote indices) by mentions and by name.
    pub(in crate::tui) orders: Vec<[Vec<usize>; 2]>,
    /// The search index, shared with the search thread.
    pub index: Arc<SearchIndex>,
    /// The last article laid out: (article, width, layout).
    pub(in crate::tui) layout_cache: RefCell<Option<(usize, usize, Rc<ArticleLayout>)>>,
    /// The last entity's rows: (entity, rows).
    pub(in crate::tui) rows_cache: RefCell<Option<(usize, Rc<Vec<EntityRow>>)>>,
    /// Term weights and article vectors for related articles and comparisons, built when first
    /// needed.
    pub(in crate::tui) stories: std::cell::OnceCell<crate::compare::StoryIndex>,
    /// The last comparison laid out: ((a, b, side width), layout).
    pub(in crate::tui) compare_cache: RefCell<Option<CompareCached>>,
    /// Articles are read across the whole width, without the side list of entities.
    pub reading: bool,
}

impl<'c> App<'c> {
    /// The article that `c` and `R` start from: the one open, or the one selected in the
    /// Articles list.
    pub fn article_at_hand(&self) -> Option<usize> {
        match self.view() {
            View::Article(s) => Some(s.article),
            View::Main(s) if LISTS[s.list] == ListKind::Articles => self
                .items(s.list, s.by_name)
                .get(s.selected[s.list])
                .copied(),
            _ => None,
        }
    }

    /// A browser on `corpus` in a terminal of the given size, its search index built.
    pub fn new(corpus: &'c Corpus, width: u16, height: u16) -> App<'c> {
        Self::with_index(corpus, width, height, Arc::new(SearchIndex::build(corpus)))
    }

    /// The corpus's search index, built in the background, has arrived.
    pub fn index_ready(&mut self, index: Arc<SearchIndex>) {
        self.index = index;
    }

    /// [`App::new`] with the search index given: the binary shows the first list with an empty
    /// one and hands over the corpus's own once it is built ([`App::index_ready`]).
    pub fn with_index(
        corpus: &'c Corpus,
        width: u16,
        height: u16,
        index: Arc<SearchIndex>,
    ) -> App<'c> {
        let ents = &corpus.resolved.entities;
        // Every entity's place among all by name (equal names share it): the entity lists sort
        // by it, and quotations by their speaker's, rather than by a copy of the name each.
        let mut by_name: Vec<(String, usize)> = ents
            .par_iter()
            .enumerate()
            .map(|(i, e)| (e.name.to_lowercase(), i))
            .collect();
        by_name.par_sort_unstable();
        let mut name_rank = vec![0u32; ents.len()];
        let mut rank = 0u32;
        let mut before: Option<&str> = None;
        for (name, i) in &by_name {
            if before.is_some_and(|b| b != name) {
                rank += 1;
            }
            before = Some(name);
            if let Some(r) = name_rank.get_mut(*i) {
                *r = rank;
            }
        }
        drop(by_name);
        // Each list's two orders, on both cores.
        let orders = LISTS
            .par_iter()
            .map(|list| {
                let by_count: Vec<usize> = match list {
                    ListKind::Articles => (0..corpus.articles.len()).collect(),
                    ListKind::Entities(k) => {
                        (0..ents.len()).filter(|&i| ents[i].kind == *k).collect()
                    }
                    ListKind::Quotes => (0..corpus.resolved.quotes.len()).collect(),
                    ListKind::Warnings => (0..corpus.warnings.len()).collect(),
                };
                let mut by_name = by_count.clone();
                match list {
                    ListKind::Articles => by_name.sort_by_cached_key(|&i| {
                        corpus.articles[i]
                            .title
                            .clone()
                            .unwrap_or_default()
                            .to_lowercase()
                    }),
                    ListKind::Entities(_) => by_name.sort_by_key(|&i| name_rank.get(i).copied()),
                    ListKind::Quotes => by_name.sort_by_key(|&i| {
                        corpus.resolved.quotes[i]
                            .speaker
                            .and_then(|s| name_rank.get(s).copied())
                            .unwrap_or(u32::MAX)
                    }),
                    ListKind::Warnings => {
                        by_name.sort_by_cached_key(|&i| corpus.warnings[i].path.clone())
                    }
                }
                [by_count, by_name]
            })
            .collect();
        App {
            corpus,
            history: vec![View::Main(MainState {
                list: 0,
                selected: [0; 8],
                tops: [0; 8],
                focus: MainFocus::Items,
                by_name: false,
                preview_row: None,
            })],
            at: 0,
            overlay: None,
            width,
            height,
            quit: false,
            flash: None,
            orders,
            index,
            layout_cache: RefCell::new(None),
            rows_cache: RefCell::new(None),
            stories: std::cell::OnceCell::new(),
            compare_cache: RefCell::new(None),
            reading: false,
        }
    }

    /// The current view.
    pub fn view(&self) -> &View {
        &self.history[self.at]
    }

    pub(in crate::tui) fn view_mut(&mut self) -> &mut View {
        &mut self.history[self.at]
    }

    /// The key context of the current view.
    pub fn context(&self) -> Context {
        if self.palette().is_some() {
            return Context::Palette;
        }
        if self.picker().is_some() {
            return Context::Picker;
        }
        if let View::Article(ArticleState {
            find: Some(Find { editing: true, .. }),
            ..
        }) = self.view()
        {
            return Context::Find;
        }
        match self.view() {
            View::Main(_) => Context::Main,
            View::Article(_) => Context::Article,
            View::Entity(_) => Context::Entity,
            View::Compare(_) => Context::Compare,
        }
    }

    /// Items of a list in the current order.
    pub fn items(&self, list: usize, by_name: bool) -> &[usize] {
        &self.orders[list][usize::from(by_name)]
    }

    /// Rows of a list page: the terminal height less the chrome.
    pub fn page(&self) -> usize {
        usize::from(self.height).saturating_sub(6).max(1)
    }

    pub(in crate::tui) fn open(&mut self, view: View) {
        self.history.truncate(self.at + 1);
        self.history.push(view);
        self.at = self.history.len() - 1;
    }

    /// True while the help overlay is shown.
    pub fn help_open(&self) -> bool {
        matches!(self.overlay, Some(Overlay::Help(_)))
    }

    /// The help overlay, when open.
    pub fn help(&self) -> Option<&HelpState> {
        match &self.overlay {
            Some(Overlay::Help(h)) => Some(h),
            _ => None,
        }
    }

    /// The search palette, when open.
    pub fn palette(&self) -> Option<&Palette> {
        match &self.overlay {
            Some(Overlay::Palette(p)) => Some(p),
            _ => None,
        }
    }

    pub(in crate::tui) fn palette_mut(&mut self) -> Option<&mut Palette> {
        match &mut self.overlay {
            Some(Overlay::Palette(p)) => Some(p),
            _ => None,
        }
    }

    /// Where each scrolled column of the view shown begins in its article's text (None at the
    /// top, where the headline is).
    fn text_tops(&self) -> [Option<usize>; 2] {
        let top = |lay: &super::layout::ArticleLayout, scroll: usize| {
            (scroll > 0)
                .then(|| lay.lines.get(scroll).map(|l| l.start))
                .flatten()
        };
        match self.view() {
            View::Article(s) => [top(&self.article_layout(s.article), s.scroll), None],
            View::Compare(s) => {
                let lay = self.compare_layout(s.a, s.b);
                [0, 1].map(|k| top(&lay.sides[k], s.scroll[k]))
            }
            _ => [None, None],
        }
    }

    /// Scroll the view shown so that its columns begin where [`App::text_tops`] said.
    fn keep_text_tops(&mut self, tops: [Option<usize>; 2]) {
        match self.view().clone() {
            View::Article(mut s) => {
                let lay = self.article_layout(s.article);
                if let Some(line) = tops[0].and_then(|t| lay.line_of(t)) {
                    s.scroll = line;
                }
                *self.view_mut() = View::Article(s);
            }
            View::Compare(mut s) => {
                let lay = self.compare_layout(s.a, s.b);
                let rows = self.compare_rows(s.panel.is_some());
                for ((scroll, top), side) in s.scroll.iter_mut().zip(tops).zip(&lay.sides) {
                    if let Some(line) = top.and_then(|t| side.line_of(t)) {
                        *scroll = line.min(side.lines.len().saturating_sub(rows));
                    }
                }
                *self.view_mut() = View::Compare(s);
            }
            _ => {}
        }
    }

    /// True while the preview shows an earlier selection than the list: [`Msg::Settle`] is due
    /// once the keys rest.
    pub fn unsettled(&self) -> bool {
        matches!(self.view(), View::Main(s) if s.preview_row.is_some())
    }

    /// Where keys go now: [`Context::Help`] (or [`Context::HelpFilter`] while a filter is
    /// typed) while help is shown, else [`App::context`].
    pub fn input_context(&self) -> Context {
        match self.help() {
            Some(h) if h.typing => Context::HelpFilter,
            Some(_) => Context::Help,
            None => self.context(),
        }
    }

    /// Apply a message.
    pub fn update(&mut self, msg: Msg) -> Option<Effect> {
        if let Msg::Searched(generation, hits) = msg {
            // An answer arriving is not a key: it keeps the flash and the help overlay.
            self.search_done(generation, hits);
            return None;
        }
        if msg == Msg::Settle {
            if let View::Main(s) = self.view_mut() {
                s.preview_row = None;
            }
            return None;
        }
        self.flash = None;
        match msg {
            Msg::Unbound(key) => {
                self.flash = Some(format!("{key} does nothing here (? lists the keys)"));
                return None;
            }
            Msg::Quit => {
                self.quit = true;
                return None;
            }
            Msg::Resize(w, h) => {
                // The text at the top of the view shown stays at the top, at the new width.
                let tops = self.text_tops();
                self.width = w;
                self.height = h;
                self.keep_text_tops(tops);
                self.clamp_article_scroll();
                return None;
            }
            Msg::ToggleHelp => {
                self.overlay = if self.help_open() {
                    None
                } else {
                    Some(Overlay::Help(HelpState::default()))
                };
                return None;
            }
            Msg::Suspend => return Some(Effect::Suspend),
            _ => {}
        }
        // A terminal too small to draw in shows only a message: keys that would change what
        // it hides do nothing until it is big enough again.
        if self.width < super::layout::MIN_WIDTH || self.height < super::layout::MIN_HEIGHT {
            return None;
        }
        if let Some(help) = self.help().cloned() {
            // Help takes every key: scrolling and filtering keys act on it, others close it
            // (Esc must not also go back).
            self.update_help(help, msg);
            return None;
        }
        if self.palette().is_some() {
            return self.update_palette(msg);
        }
        if let Some(p) = self.picker().cloned() {
            self.update_picker(p, msg);
            return None;
        }
        if let View::Article(s) = self.view().clone() {
            if let Some(effect) = self.update_find(s, msg.clone()) {
                return effect;
            }
        }
        match msg {
            Msg::OpenPalette => {
                self.overlay = Some(Overlay::Palette(Palette::default()));
                Some(Effect::Search {
                    generation: 0,
                    query: String::new(),
                })
            }
            // Back from a side list or panel is back to the text, as the help says; else back
            // in history.
            Msg::Back => {
                match self.view().clone() {
                    View::Article(mut s) if s.side_focus => {
                        s.side_focus = false;
                        *self.view_mut() = View::Article(s);
                    }
                    View::Compare(s) if s.panel.is_some() => self.update_compare(s, Msg::Back),
                    _ => self.at = self.at.saturating_sub(1),
                }
                None
            }
            Msg::Forward => {
                if self.at + 1 < self.history.len() {
                    self.at += 1;
                } else {
                    self.flash = Some("nothing to go forward to".into());
                }
                None
            }
            Msg::Copy => self.copy(),
            Msg::Compare | Msg::Related => {
                match self.article_at_hand() {
                    Some(a) if self.corpus.articles.len() > 1 => {
                        let purpose = if msg == Msg::Compare {
                            PickerPurpose::Compare
                        } else {
                            PickerPurpose::Open
                        };
                        self.open_picker(a, purpose);
                    }
                    Some(_) => {
                        self.flash = Some("there is no other article to compare with".into())
                    }
                    None => {
                        self.flash = Some("c compares articles: select an article first".into())
                    }
                }
                None
            }
            Msg::Paste(_) => {
                self.flash = Some("paste ignored: press / to search, then paste".into());
                None
            }
            _ => {
                match self.view().clone() {
                    View::Main(s) => self.update_main(s, msg),
                    View::Article(s) => self.update_article(s, msg),
                    View::Entity(s) => self.update_entity(s, msg),
                    View::Compare(s) => self.update_compare(s, msg),
                }
                None
            }
        }
    }

    pub(in crate::tui) fn update_palette(&mut self, msg: Msg) -> Option<Effect> {
        let page = self.page();
        let Some(Overlay::Palette(p)) = &mut self.overlay else {
            return None;
        };
        if let Some(e) = edit_field(&mut p.query, &msg) {
            if e.cut {
                self.flash = Some(too_long());
            }
            if !e.changed {
                return None;
            }
            p.generation += 1;
            p.searching = true;
            return Some(Effect::Search {
                generation: p.generation,
                query: p.query.clone(),
            });
        }
        match msg {
            Msg::Back => self.overlay = None,
            Msg::Open => {
                let target = p
                    .hits
                    .get(p.selected)
                    .map(|h| self.index.candidates[h.candidate].target);
                self.overlay = None;
                match target {
                    Some(Target::Entity(e)) => self.open_entity(e),
                    Some(Target::Article(a)) => self.open_article(a, None),
                    Some(Target::Synthetic(_)) => {
                        self.flash = Some("a made-up name: it leads nowhere".into())
                    }
                    Some(Target::Quote(q)) => {
                        let q = &self.corpus.resolved.quotes[q];
                        self.open_article(q.article, Some(q.span));
                    }
                    None => {}
                }
            }
            m => p.selected = moved(p.selected, p.hits.len(), page, m),
        }
        None
    }

    /// A search finished: show it if it answers the latest edit of the query.
    pub fn search_done(&mut self, generation: u64, mut hits: Vec<Hit>) {
        if let Some(p) = self.palette_mut() {
            if p.generation == generation {
                hits.truncate(PALETTE_RESULTS);
                p.hits = hits;
                p.selected = 0;
                p.searching = false;
            }
        }
    }

    /// The text `y` copies in the current view.
    pub fn selection_text(&self) -> Option<String> {
        let corpus = self.corpus;
        let ents = &corpus.resolved.entities;
        if let Some(p) = self.palette() {
            let h = p.hits.get(p.selected)?;
            return Some(self.index.text_of(corpus, h.candidate).to_string());
        }
        match self.view() {
            View::Main(s) => {
                let item = *self.items(s.list, s.by_name).get(s.selected[s.list])?;
                Some(match LISTS[s.list] {
                    ListKind::Articles => corpus.articles[item]
                        .title
                        .clone()
                        .unwrap_or_else(|| corpus.articles[item].id.clone()),
                    ListKind::Entities(_) => ents[item].name.clone(),
                    ListKind::Quotes => {
                        let q = &corpus.resolved.quotes[item];
                        corpus.articles[q.article].slice(q.span).to_string()
                    }
                    ListKind::Warnings => {
                        let w = &corpus.warnings[item];
                        format!("{}: {}", w.path, w.message)
                    }
                })
            }
            View::Article(s) => {
                if s.side_focus {
                    let side = self.article_entities(s.article);
                    return side
                        .get(s.side_selected)
                        .map(|(e, _)| ents[*e].name.clone());
                }
                let lay = self.article_layout(s.article);
                if let Some(m) = s.mention.and_then(|i| lay.mentions.get(i)) {
                    return Some(ents[m.entity].name.clone());
                }
                lay.lines.get(s.scroll).map(|l| l.plain())
            }
            View::Entity(s) => match self.entity_rows(s.entity).get(s.selected)? {
                EntityRow::Mention(i) => {
                    // The whole sentence, as written.
                    let m = ents[s.entity].mentions[*i];
                    let a = &corpus.articles[m.article()];
                    let sentence = crate::parse::text_units(a)
                        .into_iter()
                        .find(|u| u.contains(m.span()))
                        .unwrap_or(m.span());
                    Some(a.slice(sentence).to_string())
                }
                EntityRow::Quote(q) => {
                    let q = &corpus.resolved.quotes[*q];
                    Some(corpus.articles[q.article].slice(q.span).to_string())
                }
                EntityRow::Related(e, _) => Some(ents[*e].name.clone()),
                EntityRow::Article(a, _, _) => corpus.articles[*a].title.clone(),
                EntityRow::Heading(_) | EntityRow::Group(_) => None,
            },
            View::Compare(s) => {
                if let Some(sel) = s.panel {
                    let rows = self.compare_panel_rows(s.a, s.b);
                    return rows.get(sel).map(|(_, e)| ents[*e].name.clone());
                }
                let lay = self.compare_layout(s.a, s.b);
                let side = if s.locked { 0 } else { s.focus };
                lay.sides[side].lines.get(s.scroll[side]).map(|l| l.plain())
            }
        }
    }

    pub(in crate::tui) fn copy(&mut self) -> Option<Effect> {
        let text = self.selection_text()?;
        let shown: String = text.chars().take(40).collect();
        self.flash = Some(format!(
            "copied “{shown}{}”",
            if text.chars().count() > 40 { "…" } else { "" }
        ));
        Some(Effect::Copy(text))
    }

    /// The breadcrumb: where the user is, from the lists down.
    pub fn breadcrumb(&self) -> Vec<String> {
        let corpus = self.corpus;
        let last = self.at;
        self.history[..=self.at]
            .iter()
            .enumerate()
            .map(|(i, v)| match v {
                View::Main(s) => list_title(LISTS[s.list]).to_string(),
                // Each crumb says what is open, whatever list it was reached from: an article
                // by its short id (and its title when it is the one open), an entity with its
                // kind.
                View::Article(s) => {
                    let a = &corpus.articles[s.article];
                    match &a.title {
                        Some(t) if i == last => format!("{} {t}", a.short_id()),
                        _ => a.short_id().to_string(),
                    }
                }
                View::Entity(s) => {
                    let e = &corpus.resolved.entities[s.entity];
                    format!("{} ({})", e.name, e.kind.noun())
                }
                View::Compare(s) => format!(
                    "compare {} with {}",
                    corpus.articles[s.a].short_id(),
                    corpus.articles[s.b].short_id()
                ),
            })
            .collect()
    }
}

/// Move a selection of `len` rows by a message.
pub(in crate::tui) fn moved(sel: usize, len: usize, page: usize, msg: Msg) -> usize {
    if len == 0 {
        return 0;
    }
    let last = len - 1;
    match msg {
        Msg::Down => (sel + 1).min(last),
        Msg::Up => sel.saturating_sub(1),
        Msg::Top => 0,
        Msg::Bottom => last,
        Msg::HalfDown => (sel + page / 2).min(last),
        Msg::HalfUp => sel.saturating_sub(page / 2),
        Msg::PageDown => (sel + page).min(last),
        Msg::PageUp => sel.saturating_sub(page),
        _ => sel.min(last),
    }
}

/// Pressing keys in tests, the way the binary's loop does.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    /// The key events a string stands for: characters as themselves, and `<Enter>`, `<Esc>`,
    /// `<Tab>`, `<BS>`, `<Up>`, `<Down>`, `<Left>`, `<Right>`, `<PgDn>`, `<PgUp>`, `<C-x>`.
    pub fn key_events(keys: &str) -> Vec<KeyEvent> {
        let mut out = Vec::new();
        let mut chars = keys.chars();
        while let Some(c) = chars.next() {
            if c != '<' {
                out.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
                continue;
            }
            let name: String = chars.by_ref().take_while(|&c| c != '>').collect();
            let code = match name.as_str() {
                "Enter" => KeyCode::Enter,
                "Esc" => KeyCode::Esc,
                "Tab" => KeyCode::Tab,
                "BS" => KeyCode::Backspace,
                "Up" => KeyCode::Up,
                "Down" => KeyCode::Down,
                "Left" => KeyCode::Left,
                "Right" => KeyCode::Right,
                "PgDn" => KeyCode::PageDown,
                "PgUp" => KeyCode::PageUp,
                ctrl if ctrl.starts_with("C-") => {
                    let c = ctrl.chars().nth(2).unwrap_or('c');
                    out.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
                    continue;
                }
                other => panic!("unknown key <{other}>"),
            };
            out.push(KeyEvent::new(code, KeyModifiers::NONE));
        }
        out
    }

    /// Press keys as the binary does: each through the key table, in the context the one
    /// before left, into `update`; searches are answered at once. The effects, in order.
    pub fn press(app: &mut App, keys: &str) -> Vec<Effect> {
        let mut effects = Vec::new();
        for event in key_events(keys) {
            for key in super::super::keys::expand(event) {
                let Some(msg) = super::super::keys::message_for(key, app.input_context()) else {
                    continue;
                };
                match app.update(msg) {
                    Some(Effect::Search { generation, query }) => {
                        let hits = app.index.search(&query, None);
                        app.update(Msg::Searched(generation, hits));
                    }
                    Some(e) => effects.push(e),
                    None => {}
                }
            }
        }
        effects
    }
}

#[cfg(test)]
mod tests {
    use super::testing::press;
    use super::*;
    use crate::extract::Kind;

    fn corpus() -> Corpus {
        Corpus::open(&[]).expect("seeds load")
    }

    #[test]
    fn keys_do_nothing_while_the_terminal_is_too_small_to_show_them() {
        let c = corpus();
        let mut app = App::new(&c, 20, 5);
        press(&mut app, "l?<Enter>j");
        assert!(app.overlay.is_none(), "no help opened unseen");
        let View::Main(s) = app.view().clone() else {
            panic!("no article opened unseen")
        };
        let View::Main(fresh) = App::new(&c, 20, 5).view().clone() else {
            panic!()
        };
        assert_eq!(
            (s.list, s.selected),
            (fresh.list, fresh.selected),
            "no list changed and no row moved unseen"
        );
        app.update(Msg::Resize(80, 24));
        press(&mut app, "?");
        assert!(app.overlay.is_some(), "at 80x24 keys act again");
        press(&mut app, "q");
        let mut small = App::new(&c, 20, 5);
        press(&mut small, "q");
        assert!(small.quit, "q still quits");
    }

    #[test]
    fn a_resize_keeps_the_text_at_the_top_and_the_pair_in_view() {
        let c = corpus();
        let mut app = App::new(&c, 80, 24);
        press(&mut app, "<Enter>jjjjjjjjjjjj");
        let View::Article(a) = app.view().clone() else {
            panic!("Enter opens the article")
        };
        let lay = app.article_layout(a.article);
        let line = &lay.lines[a.scroll];
        assert!(line.body && a.scroll > 0, "scrolled into the body");
        let before = line.start;
        app.update(Msg::Resize(60, 20));
        let View::Article(a) = app.view().clone() else {
            panic!()
        };
        let lay = app.article_layout(a.article);
        let next_body = lay.lines[a.scroll + 1..].iter().find(|l| l.body);
        assert!(
            lay.lines[a.scroll].start <= before && next_body.is_none_or(|l| l.start > before),
            "the line at the top holds the text that was at the top"
        );
        // In a comparison, the pair jumped to stays on screen on both sides.
        let mut app = App::new(&c, 200, 50);
        // 002 and the report of the same story, 003.
        press(&mut app, "jjc<Enter>nnn");
        app.update(Msg::Resize(80, 24));
        let View::Compare(s) = app.view().clone() else {
            panic!("c Enter compares")
        };
        let lay = app.compare_layout(s.a, s.b);
        let pair = &lay.cmp.aligned[s.pair.expect("n jumped to a pair")];
        let rows = app.compare_rows(false);
        for (k, start) in [lay.cmp.span_a(pair).start, lay.cmp.span_b(pair).start]
            .into_iter()
            .enumerate()
        {
            let line = lay.sides[k].line_of(start).expect("the pair is laid out");
            assert!(
                (s.scroll[k]..s.scroll[k] + rows).contains(&line),
                "side {k}: the pair's line {line} is off the screen from {}",
                s.scroll[k]
            );
        }
    }

    #[test]
    fn the_side_list_counts_an_entitys_mentions_as_its_card_does() {
        let c = corpus();
        let app = App::new(&c, 120, 40);
        for article in 0..c.articles.len() {
            let side = app.article_entities(article);
            assert!(!side.is_empty());
            for (e, n) in side {
                let card = c.resolved.entities[e]
                    .mentions
                    .iter()
                    .filter(|m| m.article() == article)
                    .count();
                assert_eq!(
                    n, card,
                    "{} in article {article}",
                    c.resolved.entities[e].name
                );
            }
        }
    }

    #[test]
    fn back_from_the_side_list_or_the_entity_panel_is_back_to_the_text() {
        let c = corpus();
        let mut app = App::new(&c, 200, 50);
        press(&mut app, "<Enter><Tab>j");
        let View::Article(a) = app.view().clone() else {
            panic!("Enter opens the article")
        };
        assert!(a.side_focus, "Tab gives the side list the keys");
        for back in ["<Esc>", "<BS>"] {
            press(&mut app, back);
            let View::Article(a) = app.view().clone() else {
                panic!("{back} in the side list leaves the article open")
            };
            assert!(!a.side_focus, "{back} gives the keys back to the text");
            press(&mut app, "<Tab>");
        }
        press(&mut app, "<Esc><Esc>");
        assert!(
            matches!(app.view(), View::Main(_)),
            "Esc from the text goes back"
        );
        // In a comparison, Esc closes the entity panel first.
        press(&mut app, "c<Enter>e");
        let View::Compare(s) = app.view().clone() else {
            panic!("c Enter compares")
        };
        assert!(s.panel.is_some(), "e opens the entity panel");
        press(&mut app, "<Esc>");
        let View::Compare(s) = app.view().clone() else {
            panic!("Esc in the panel leaves the comparison open")
        };
        assert!(s.panel.is_none());
        press(&mut app, "<Esc>");
        assert!(
            matches!(app.view(), View::Main(_)),
            "then back to the list it was opened from"
        );
    }

    #[test]
    fn keys_pressed_take_the_binary_s_path() {
        let c = corpus();
        let mut app = App::new(&c, 80, 24);
        // Help opens, and a key bound to nothing still closes it without acting.
        press(&mut app, "?");
        assert!(app.help_open());
        press(&mut app, "x");
        assert!(!app.help_open());
        assert!(matches!(app.view(), View::Main(_)));
        // Esc in help closes help and does not go back.
        press(&mut app, "<Enter>?<Esc>");
        assert!(!app.help_open());
        assert_eq!(app.context(), Context::Article);
        // The palette: type, search, open.
        press(&mut app, "<Esc>/gong zheng<Enter>");
        let View::Entity(s) = app.view() else {
            panic!("the entity view, got {:?}", app.view());
        };
        assert_eq!(c.resolved.entities[s.entity].name, "Gong Zheng");
        // A search answer keeps the help overlay open.
        press(&mut app, "?");
        app.update(Msg::Searched(99, Vec::new()));
        assert!(app.help_open());
        press(&mut app, "q");
        assert!(!app.quit, "q closed help first");
        press(&mut app, "q");
        assert!(app.quit);
    }

    fn entity_named(c: &Corpus, name: &str) -> usize {
        c.resolved
            .entities
            .iter()
            .position(|e| e.name == name)
            .unwrap_or_else(|| panic!("no entity {name}"))
    }

    fn main_state(app: &App) -> MainState {
        match app.view() {
            View::Main(s) => s.clone(),
            other => panic!("expected the main view, got {other:?}"),
        }
    }

    #[test]
    fn lists_move_and_wrap_and_selection_stays_in_range() {
        let c = corpus();
        let mut app = App::new(&c, 80, 24);
        press(&mut app, "G");
        assert_eq!(main_state(&app).selected[0], 4);
        press(&mut app, "j");
        assert_eq!(main_state(&app).selected[0], 4, "no move past the end");
        press(&mut app, "h");
        assert_eq!(main_state(&app).list, LISTS.len() - 1, "lists wrap around");
        press(&mut app, "l");
        press(&mut app, "l");
        assert_eq!(
            LISTS[main_state(&app).list],
            ListKind::Entities(Kind::Person)
        );
    }

    #[test]
    fn open_step_to_a_mention_open_its_entity_and_go_back_twice() {
        let c = corpus();
        let mut app = App::new(&c, 80, 24);
        press(&mut app, "G"); // article 004
        press(&mut app, "<Enter>");
        let View::Article(a) = app.view().clone() else {
            panic!("article not opened")
        };
        assert_eq!(c.articles[a.article].id, "004_8802dec5a64da894");
        press(&mut app, "n");
        let View::Article(a) = app.view().clone() else {
            panic!()
        };
        let first = a.mention.expect("a mention selected");
        let entity = app.article_layout(a.article).mentions[first].entity;
        press(&mut app, "<Enter>");
        let View::Entity(es) = app.view().clone() else {
            panic!("entity not opened")
        };
        assert_eq!(es.entity, entity);
        let EntityRow::Mention(mi) = app.entity_rows(entity)[es.selected] else {
            panic!("a mention row is selected")
        };
        let m = c.resolved.entities[entity].mentions[mi];
        assert_eq!(
            (m.article(), m.span()),
            (
                a.article,
                app.article_layout(a.article).mentions[first].span
            ),
            "the row of the mention we came from"
        );
        assert_eq!(app.breadcrumb().len(), 3);
        press(&mut app, "<Esc>");
        assert_eq!(
            app.view(),
            &View::Article(a.clone()),
            "back returns to the same mention"
        );
        press(&mut app, "<Esc>");
        assert_eq!(main_state(&app).selected[0], 4, "and to the same selection");
        press(&mut app, "]");
        assert_eq!(app.view(), &View::Article(a), "forward again");
    }

    #[test]
    fn opening_from_history_middle_drops_the_forward_views() {
        let c = corpus();
        let mut app = App::new(&c, 80, 24);
        press(&mut app, "<Enter>");
        press(&mut app, "<Esc>");
        press(&mut app, "j");
        press(&mut app, "<Enter>");
        assert_eq!(app.history.len(), 2);
        let View::Article(a) = app.view() else {
            panic!()
        };
        assert_eq!(a.article, 1);
    }

    #[test]
    fn the_keys_of_less_scroll_the_article_as_in_less() {
        let c = corpus();
        let mut app = App::new(&c, 80, 24);
        press(&mut app, "<Enter>");
        let scroll = |app: &App| match app.view() {
            View::Article(a) => a.scroll,
            _ => panic!("not in the article"),
        };
        let page = {
            press(&mut app, "<PgDn>");
            let p = scroll(&app);
            press(&mut app, "g");
            p
        };
        assert!(page > 1);
        for (keys, want) in [
            ("f", page),
            ("b", 0),
            ("<C-f>", page),
            ("<C-b>", 0),
            ("<C-e>", 1),
            ("<C-e><C-e><C-y>", 2),
        ] {
            press(&mut app, keys);
            assert_eq!(scroll(&app), want, "after {keys}");
        }
    }

    #[test]
    fn the_preview_follows_the_selection_once_the_keys_rest() {
        let c = corpus();
        let mut app = App::new(&c, 120, 40);
        assert!(!app.unsettled());
        press(&mut app, "jjj");
        let s = main_state(&app);
        assert_eq!(s.selected[s.list], 3);
        // The preview still shows the row it showed before the keys.
        assert_eq!(s.preview_row, Some(0));
        assert!(app.unsettled());
        app.update(Msg::Settle);
        assert_eq!(main_state(&app).preview_row, None);
        assert!(!app.unsettled());
        // Anything but a move shows the selection at once, and a flash outlives the settling.
        press(&mut app, "j");
        press(&mut app, "s");
        assert_eq!(main_state(&app).preview_row, None);
        press(&mut app, "j");
        app.flash = Some("copied".into());
        app.update(Msg::Settle);
        assert_eq!(app.flash.as_deref(), Some("copied"));
    }

    #[test]
    fn a_narrow_list_has_whole_rows_that_scroll_by_one() {
        let c = corpus();
        let mut app = App::new(&c, 80, 24);
        // People: eighteen, more than the fourteen rows the list has at 80x24.
        press(&mut app, "l");
        let rows = app
            .text_rows()
            .unwrap_or_else(|| panic!("a focused list below 100 columns has whole rows"));
        assert_eq!(rows.rows, 1..15);
        let mut tops = vec![rows.top];
        for _ in 0..17 {
            press(&mut app, "j");
            tops.extend(app.text_rows().map(|r| r.top));
        }
        assert_eq!(tops.len(), 18);
        assert!(
            tops.windows(2).all(|w| w[1] == w[0] || w[1] == w[0] + 1),
            "{tops:?}"
        );
        assert_eq!(tops.last(), Some(&4), "{tops:?}");
        // Back up within the rows: the list stays put.
        press(&mut app, "kkk");
        assert_eq!(app.text_rows().map(|r| r.top), Some(4));
        // With the list of lists in view, or side by side at 120 columns, rows are drawn.
        press(&mut app, "<Tab>");
        assert!(app.text_rows().is_none());
        let mut wide = App::new(&c, 120, 40);
        press(&mut wide, "l");
        assert!(wide.text_rows().is_none());
    }

    #[test]
    fn reading_mode_shows_the_text_alone_and_keeps_the_place() {
        let c = corpus();
        let mut app = App::new(&c, 200, 24);
        press(&mut app, "<Enter>");
        press(&mut app, "jjj");
        assert!(app.article_side_width() >= 32);
        // Beside the side list the text rows are not whole rows: they are drawn, not scrolled.
        assert!(app.text_rows().is_none());
        let top_before = {
            let View::Article(a) = app.view().clone() else {
                panic!()
            };
            app.article_layout(a.article).lines[a.scroll].start
        };
        press(&mut app, "r");
        assert!(app.reading);
        assert_eq!(app.article_side_width(), 0);
        assert_eq!(app.article_text_width(), 100);
        let rows = app
            .text_rows()
            .unwrap_or_else(|| panic!("reading mode has whole text rows"));
        assert_eq!(rows.rows, 1..23);
        assert!(rows.top > 0);
        let View::Article(a) = app.view().clone() else {
            panic!()
        };
        let lay = app.article_layout(a.article);
        let shown = lay.lines[a.scroll].start..lay.lines[a.scroll + 1].start;
        assert!(
            shown.contains(&top_before) || lay.lines[a.scroll].start == top_before,
            "the line at the top stays at the top"
        );
        press(&mut app, "j");
        assert_eq!(app.text_rows().map(|r| r.top), Some(rows.top + 1));
        // There is no side list to move to.
        press(&mut app, "<Tab>");
        let View::Article(a) = app.view().clone() else {
            panic!()
        };
        assert!(!a.side_focus);
        // It stays on for the next article, and r again brings the side list back.
        press(&mut app, "<Esc>jj<Enter>");
        assert!(app.reading && app.text_rows().is_some());
        press(&mut app, "r");
        assert!(!app.reading && app.text_rows().is_none());
        // On a narrow terminal the text has whole rows anyway; an overlay has none.
        let mut narrow = App::new(&c, 80, 24);
        press(&mut narrow, "<Enter>");
        assert!(narrow.text_rows().is_some());
        press(&mut narrow, "?");
        assert!(narrow.text_rows().is_none());
    }

    #[test]
    fn article_scrolling_stays_within_the_text() {
        let c = corpus();
        let mut app = App::new(&c, 80, 24);
        press(&mut app, "<Enter>");
        press(&mut app, "<PgUp>");
        let View::Article(a) = app.view().clone() else {
            panic!()
        };
        assert_eq!(a.scroll, 0);
        press(&mut app, "G");
        let View::Article(a) = app.view().clone() else {
            panic!()
        };
        let lines = app.article_layout(a.article).lines.len();
        assert_eq!(a.scroll, lines - app.article_rows());
        press(&mut app, "j");
        let View::Article(b) = app.view().clone() else {
            panic!()
        };
        assert_eq!(a.scroll, b.scroll, "no scrolling past the end");
        // A narrower terminal makes more lines; a taller one keeps the scroll in range.
        app.update(Msg::Resize(80, 200));
        let View::Article(c2) = app.view().clone() else {
            panic!()
        };
        assert_eq!(c2.scroll, 0);
    }

    #[test]
    fn an_entity_mention_opens_its_article_at_that_mention() {
        let c = corpus();
        let mut app = App::new(&c, 80, 24);
        let gong = entity_named(&c, "Gong Zheng");
        app.open_entity(gong);
        press(&mut app, "G");
        press(&mut app, "g");
        press(&mut app, "<Enter>");
        let View::Article(a) = app.view().clone() else {
            panic!("article not opened")
        };
        let m = a.mention.expect("the mention is selected");
        assert_eq!(app.article_layout(a.article).mentions[m].entity, gong);
    }

    #[test]
    fn the_entity_view_lists_its_articles_and_enter_opens_one_at_its_first_mention() {
        let c = corpus();
        let mut app = App::new(&c, 80, 24);
        let gong = entity_named(&c, "Gong Zheng");
        app.open_entity(gong);
        let rows = app.entity_rows(gong);
        let articles: Vec<(usize, usize)> = rows
            .iter()
            .filter_map(|r| match r {
                EntityRow::Article(a, _, n) => Some((*a, *n)),
                _ => None,
            })
            .collect();
        let total: usize = articles.iter().map(|(_, n)| n).sum();
        assert_eq!(articles.len(), 2, "{rows:?}");
        // Shanghai is named 9, 5, 23, 20 and 11 times in the seeds, in article order.
        let shanghai = entity_named(&c, "Shanghai");
        let counts: Vec<usize> = app
            .entity_rows(shanghai)
            .iter()
            .filter_map(|r| match r {
                EntityRow::Article(_, _, n) => Some(*n),
                _ => None,
            })
            .collect();
        assert!(
            counts.len() > 2 && counts.windows(2).all(|w| w[0] >= w[1]),
            "the article that names it most comes first: {counts:?}"
        );
        let groups: Vec<usize> = rows
            .iter()
            .filter_map(|r| match r {
                EntityRow::Group(a) => Some(*a),
                _ => None,
            })
            .collect();
        assert_eq!(
            groups,
            articles.iter().map(|(a, _)| *a).collect::<Vec<_>>(),
            "the mentions' groups follow the articles' order"
        );
        assert_eq!(total, c.resolved.entities[gong].mentions.len());
        // The first row the selection rests on is the first article; j goes to the second.
        press(&mut app, "j<Enter>");
        let View::Article(a) = app.view().clone() else {
            panic!("article not opened")
        };
        assert_eq!(a.article, articles[1].0);
        let m = a.mention.expect("the mention is selected");
        let first = c.resolved.entities[gong]
            .mentions
            .iter()
            .find(|x| x.article() == a.article)
            .expect("a mention there");
        assert_eq!(app.article_layout(a.article).mentions[m].span, first.span());
    }

    #[test]
    fn mentions_are_grouped_under_their_article_and_the_selection_steps_over_the_groups() {
        let c = corpus();
        let mut app = App::new(&c, 80, 24);
        let gong = entity_named(&c, "Gong Zheng");
        app.open_entity(gong);
        let rows = app.entity_rows(gong);
        let mentions = &c.resolved.entities[gong].mentions;
        // Each mention sits under the group of its own article.
        let mut group = None;
        let mut groups = 0;
        for r in rows.iter() {
            match r {
                EntityRow::Group(a) => {
                    group = Some(*a);
                    groups += 1;
                }
                EntityRow::Mention(i) => assert_eq!(group, Some(mentions[*i].article())),
                EntityRow::Heading(_) => group = None,
                _ => {}
            }
        }
        assert_eq!(groups, 2);
        // From the last mention of the first article, j lands on the first of the second.
        let first_art = mentions[0].article();
        let last_of_first = mentions
            .iter()
            .rposition(|m| m.article() == first_art)
            .unwrap_or(0);
        let at = rows
            .iter()
            .position(|r| *r == EntityRow::Mention(last_of_first))
            .unwrap_or(0);
        let View::Entity(mut s) = app.view().clone() else {
            panic!("entity not open")
        };
        s.selected = at;
        *app.view_mut() = View::Entity(s);
        press(&mut app, "j");
        let View::Entity(s) = app.view().clone() else {
            panic!("entity not open")
        };
        assert_eq!(rows[s.selected], EntityRow::Mention(last_of_first + 1));
    }

    #[test]
    fn a_key_without_a_use_says_so_until_the_next_key() {
        let c = corpus();
        let mut app = App::new(&c, 80, 24);
        let before = app.view().clone();
        press(&mut app, "%");
        assert_eq!(
            app.flash.as_deref(),
            Some("% does nothing here (? lists the keys)")
        );
        assert_eq!(app.view(), &before, "the key did nothing else");
        press(&mut app, "j");
        assert_eq!(app.flash, None);
        // Back and forward with no history that way say so too.
        press(&mut app, "<Esc>");
        assert_eq!(
            app.flash.as_deref(),
            Some("Esc does nothing here (? lists the keys)")
        );
        press(&mut app, "]");
        assert_eq!(app.flash.as_deref(), Some("nothing to go forward to"));
        // In a text field the same key is typed, not refused.
        press(&mut app, "/%");
        assert_eq!(app.flash, None);
    }

    #[test]
    fn on_a_wide_terminal_the_side_list_gets_the_room_the_text_leaves() {
        let c = corpus();
        for (w, text, side) in [(80, 78, 0), (120, 86, 32), (160, 100, 58), (200, 100, 60)] {
            let app = App::new(&c, w, 40);
            assert_eq!(
                (app.article_text_width(), app.article_side_width()),
                (text, side),
                "at {w} columns"
            );
        }
    }

    #[test]
    fn help_opens_and_any_key_closes_it_without_acting() {
        let c = corpus();
        let mut app = App::new(&c, 80, 24);
        press(&mut app, "<Enter>");
        press(&mut app, "?");
        assert!(app.help_open());
        press(&mut app, "<Esc>");
        assert!(!app.help_open());
        assert_eq!(
            app.context(),
            Context::Article,
            "Esc closed help, did not go back"
        );
    }

    #[test]
    fn a_paste_is_one_capped_insertion_and_ignored_outside_text_fields() {
        let c = corpus();
        let mut app = App::new(&c, 80, 24);
        app.update(Msg::Paste("gong".into()));
        assert!(app
            .flash
            .as_deref()
            .is_some_and(|f| f.starts_with("paste ignored")));
        assert!(app.palette().is_none());
        press(&mut app, "<C-p>");
        let big: String = "gong zheng\n".repeat(100_000);
        let effect = app.update(Msg::Paste(big.as_str().into()));
        let query = app
            .palette()
            .as_ref()
            .map(|p| p.query.clone())
            .unwrap_or_default();
        assert_eq!(query.chars().count(), MAX_QUERY);
        assert!(query.starts_with("gong zheng gong zheng"), "{query}");
        assert!(!query.contains('\n'));
        assert!(matches!(effect, Some(Effect::Search { generation: 1, .. })));
        assert!(app
            .flash
            .as_deref()
            .is_some_and(|f| f.contains("at most 256")));
        // A full query takes no more typing, and says so.
        assert_eq!(app.update(Msg::Type('x')), None);
        assert!(app
            .flash
            .as_deref()
            .is_some_and(|f| f.contains("at most 256")));
        // The in-article search takes a paste too.
        press(&mut app, "<Esc>");
        press(&mut app, "<Enter>");
        press(&mut app, "/");
        app.update(Msg::Paste("Shanghai".into()));
        let View::Article(s) = app.view() else {
            panic!("article view expected");
        };
        assert_eq!(s.find.as_ref().map(|f| f.term.as_str()), Some("Shanghai"));
    }

    #[test]
    fn a_key_in_a_long_article_does_not_lay_it_out_again() {
        let c = corpus();
        let mut app = App::new(&c, 80, 24);
        press(&mut app, "<Enter>");
        let View::Article(s) = app.view() else {
            panic!("article view expected");
        };
        let first = app.article_layout(s.article);
        press(&mut app, "j");
        let View::Article(s) = app.view() else {
            panic!("article view expected");
        };
        let article = s.article;
        assert!(Rc::ptr_eq(&first, &app.article_layout(article)));
        // A new width lays it out anew.
        app.update(Msg::Resize(100, 30));
        assert!(!Rc::ptr_eq(&first, &app.article_layout(article)));
    }

    #[test]
    fn a_key_in_an_entity_view_does_not_build_its_rows_again() {
        let c = corpus();
        let mut app = App::new(&c, 80, 24);
        let gong = entity_named(&c, "Gong Zheng");
        app.open_entity(gong);
        let first = app.entity_rows(gong);
        press(&mut app, "jj");
        assert!(Rc::ptr_eq(&first, &app.entity_rows(gong)));
    }

    #[test]
    fn copy_gives_the_selected_name() {
        let c = corpus();
        let mut app = App::new(&c, 80, 24);
        press(&mut app, "l");
        let e = app.update(Msg::Copy);
        let first_person = &c.resolved.entities[app.items(1, false)[0]].name;
        assert_eq!(e, Some(Effect::Copy(first_person.clone())));
        assert!(app
            .flash
            .as_deref()
            .is_some_and(|f| f.starts_with("copied")));
    }

    #[test]
    fn sorting_by_name_orders_the_list() {
        let c = corpus();
        let mut app = App::new(&c, 80, 24);
        press(&mut app, "l");
        // The list as shown: whatever order the state says is on.
        let shown = |app: &App| -> Vec<String> {
            let s = main_state(app);
            app.items(s.list, s.by_name)
                .iter()
                .map(|&i| c.resolved.entities[i].name.to_lowercase())
                .collect()
        };
        let by_mentions = shown(&app);
        let mut sorted = by_mentions.clone();
        sorted.sort();
        assert_ne!(
            by_mentions, sorted,
            "the seeds' people are not already in name order"
        );
        press(&mut app, "s");
        assert_eq!(shown(&app), sorted, "s sorts the shown list by name");
        press(&mut app, "s");
        assert_eq!(shown(&app), by_mentions, "s again goes back to mentions");
    }

    #[test]
    fn quotations_by_name_are_in_their_speakers_name_order_unattributed_last() {
        let c = corpus();
        let app = App::new(&c, 80, 24);
        let list = LISTS
            .iter()
            .position(|l| matches!(l, ListKind::Quotes))
            .expect("a list of quotations");
        let speaker = |i: usize| {
            c.resolved.quotes[i]
                .speaker
                .map(|s| c.resolved.entities[s].name.to_lowercase())
        };
        let shown: Vec<Option<String>> =
            app.items(list, true).iter().map(|&i| speaker(i)).collect();
        assert!(
            shown.len() > 10,
            "the seeds hold quotations: {}",
            shown.len()
        );
        let mut expected: Vec<usize> = (0..c.resolved.quotes.len()).collect();
        expected.sort_by_key(|&i| (speaker(i).is_none(), speaker(i)));
        assert_eq!(app.items(list, true), expected.as_slice(), "{shown:?}");
    }
}

#[cfg(test)]
mod search_tests {
    use super::testing::press;
    use super::*;

    #[test]
    fn the_palette_finds_gong_zheng_and_enter_opens_his_entity() {
        let c = Corpus::open(&[]).expect("seeds");
        let mut app = App::new(&c, 80, 24);
        press(&mut app, "<C-p>");
        assert_eq!(app.context(), Context::Palette);
        press(&mut app, "gng zhng");
        let p = app.palette().expect("palette open");
        let top = &app.index.candidates[p.hits[0].candidate];
        assert_eq!(&*top.name, "Gong Zheng");
        press(&mut app, "<Enter>");
        assert!(app.palette().is_none());
        let View::Entity(s) = app.view() else {
            panic!("entity view expected")
        };
        assert_eq!(c.resolved.entities[s.entity].name, "Gong Zheng");
    }

    #[test]
    fn an_older_search_answer_never_replaces_a_newer_one() {
        let c = Corpus::open(&[]).expect("seeds");
        let mut app = App::new(&c, 80, 24);
        press(&mut app, "<C-p>");
        let Some(Effect::Search {
            generation: g1,
            query: q1,
        }) = app.update(Msg::Type('s'))
        else {
            panic!()
        };
        let Some(Effect::Search {
            generation: g2,
            query: q2,
        }) = app.update(Msg::Type('s'))
        else {
            panic!()
        };
        assert!(g2 > g1);
        let newer = app.index.search(&q2, None);
        app.search_done(g2, newer.clone());
        app.search_done(g1, app.index.search(&q1, None));
        assert_eq!(app.palette().map(|p| p.hits.clone()), Some(newer));
        press(&mut app, "<C-u>");
        assert_eq!(app.palette().map(|p| p.query.as_str()), Some(""));
        press(&mut app, "<Esc>");
        assert!(app.palette().is_none(), "Esc closes the palette");
        assert_eq!(app.context(), Context::Main, "and does not go back");
    }

    #[test]
    fn find_in_the_article_steps_through_hits() {
        let c = Corpus::open(&[]).expect("seeds");
        let mut app = App::new(&c, 80, 24);
        press(&mut app, "<Enter>");
        press(&mut app, "/");
        assert_eq!(app.context(), Context::Find);
        for ch in "SINGAPORE".chars() {
            app.update(Msg::Type(ch));
        }
        press(&mut app, "<Enter>");
        let View::Article(s) = app.view().clone() else {
            panic!()
        };
        let hits = app.find_hits(s.article, "singapore");
        assert!(hits.len() >= 5, "{hits:?}");
        assert_eq!(s.find.as_ref().and_then(|f| f.hit), Some(0));
        press(&mut app, "n");
        press(&mut app, "N");
        press(&mut app, "N");
        let View::Article(s) = app.view().clone() else {
            panic!()
        };
        assert_eq!(
            s.find.as_ref().and_then(|f| f.hit),
            Some(hits.len() - 1),
            "wraps backwards"
        );
        let last_line = app
            .article_layout(s.article)
            .line_of(hits[hits.len() - 1].start)
            .expect("line");
        assert!(
            last_line >= s.scroll && last_line < s.scroll + app.article_rows(),
            "the hit is on screen"
        );
        press(&mut app, "<Esc>");
        let View::Article(s) = app.view().clone() else {
            panic!("Esc clears the search first")
        };
        assert!(s.find.is_none());
        press(&mut app, "n");
        let View::Article(s) = app.view().clone() else {
            panic!()
        };
        assert!(
            s.mention.is_some(),
            "without a search, n steps through mentions"
        );
    }
}

#[cfg(test)]
mod report_tests {
    use super::testing::press;
    use super::*;

    #[test]
    fn the_load_report_lists_every_warning_and_opens_a_lossy_article() {
        let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
        let c = Corpus::open(&[dir]).expect("fixtures load");
        let mut app = App::new(&c, 80, 24);
        press(&mut app, "h");
        assert_eq!(LISTS[main_list(&app)], ListKind::Warnings);
        assert_eq!(app.items(main_list(&app), false).len(), c.warnings.len());
        let lossy = (0..c.warnings.len())
            .find(|&i| {
                c.warnings[app.items(main_list(&app), false)[i]]
                    .message
                    .contains("lossily")
            })
            .expect("the invalid UTF-8 warning");
        for _ in 0..lossy {
            press(&mut app, "j");
        }
        press(&mut app, "<Enter>");
        let View::Article(a) = app.view() else {
            panic!("the lossy article opens")
        };
        assert!(c.articles[a.article].path.ends_with("invalid_utf8.txt"));
    }

    fn main_list(app: &App) -> usize {
        match app.view() {
            View::Main(s) => s.list,
            _ => usize::MAX,
        }
    }
}

#[cfg(test)]
mod quote_tests {
    use super::testing::press;
    use super::*;

    #[test]
    fn a_quote_opens_its_article_with_the_quotation_marked() {
        let c = Corpus::open(&[]).expect("seeds");
        let mut app = App::new(&c, 80, 24);
        for _ in 0..6 {
            press(&mut app, "l");
        }
        let View::Main(m) = app.view().clone() else {
            panic!()
        };
        assert_eq!(LISTS[m.list], ListKind::Quotes);
        let q = c.resolved.quotes[app.items(m.list, false)[0]].clone();
        press(&mut app, "<Enter>");
        let View::Article(a) = app.view().clone() else {
            panic!("article opened")
        };
        assert_eq!(a.article, q.article);
        assert_eq!(a.highlight, Some(q.span));
        let line = app
            .article_layout(a.article)
            .line_of(q.span.start)
            .expect("on a line");
        assert!(
            line >= a.scroll && line < a.scroll + app.article_rows(),
            "the quotation is on screen"
        );
    }
}
