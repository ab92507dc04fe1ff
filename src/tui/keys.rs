//! The one key table: it turns key presses into messages, and feeds the help overlay and the
//! status-bar hints, so the three cannot disagree.

use super::app::{Context, Msg};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with the modifiers that must be held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl, if it must be held.
    pub ctrl: bool,
}

const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

/// One line of the key table.
#[derive(Debug, Clone)]
pub struct Binding {
    /// Keys that send the message.
    pub keys: &'static [Key],
    /// The message.
    pub msg: Msg,
    /// What it does, for the help overlay.
    pub help: &'static str,
    /// A short word for the status bar, when it is worth a place there.
    pub hint: Option<&'static str>,
    /// Where it applies.
    pub contexts: &'static [Context],
}

use Context::*;

/// The views (not the palette, where letters are typed).
const ALL: &[Context] = &[Main, Article, Entity, Compare];

/// Where the moving keys work: the views and the help.
const SCROLLING: &[Context] = &[Main, Article, Entity, Compare, Help];

/// Every key dossier knows.
pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: &[code(KeyCode::Esc)],
        msg: Msg::Back,
        help: "clear the filter, or close the help",
        hint: Some("close"),
        contexts: &[Help],
    },
    Binding {
        keys: &[k('q'), k('?')],
        msg: Msg::ToggleHelp,
        help: "close the help (so does any key without a use here)",
        hint: None,
        contexts: &[Help],
    },
    Binding {
        keys: &[k('/')],
        msg: Msg::OpenFind,
        help: "filter the keys by name or description",
        hint: Some("filter"),
        contexts: &[Help],
    },
    Binding {
        keys: &[code(KeyCode::Esc)],
        msg: Msg::Back,
        help: "clear the filter",
        hint: Some("clear"),
        contexts: &[HelpFilter],
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        msg: Msg::Open,
        help: "keep the filter",
        hint: Some("keep"),
        contexts: &[HelpFilter],
    },
    Binding {
        keys: &[code(KeyCode::Backspace)],
        msg: Msg::Erase,
        help: "delete a character",
        hint: None,
        contexts: &[HelpFilter],
    },
    Binding {
        keys: &[ctrl('c')],
        msg: Msg::Quit,
        help: "quit",
        hint: None,
        contexts: &[Help, HelpFilter],
    },
    Binding {
        keys: &[code(KeyCode::Esc)],
        msg: Msg::Back,
        help: "close the search",
        hint: Some("close"),
        contexts: &[Palette, Picker],
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        msg: Msg::Open,
        help: "open the selected result",
        hint: Some("open"),
        contexts: &[Palette, Picker],
    },
    Binding {
        keys: &[code(KeyCode::Down), ctrl('n'), ctrl('j')],
        msg: Msg::Down,
        help: "next result",
        hint: None,
        contexts: &[Palette, Picker],
    },
    Binding {
        keys: &[code(KeyCode::Up), ctrl('p'), ctrl('k')],
        msg: Msg::Up,
        help: "previous result",
        hint: None,
        contexts: &[Palette, Picker],
    },
    Binding {
        keys: &[code(KeyCode::Backspace)],
        msg: Msg::Erase,
        help: "delete a character",
        hint: None,
        contexts: &[Palette, Picker],
    },
    Binding {
        keys: &[ctrl('u')],
        msg: Msg::ClearInput,
        help: "clear the query",
        hint: Some("clear"),
        contexts: &[Palette, Picker],
    },
    Binding {
        keys: &[ctrl('c')],
        msg: Msg::Quit,
        help: "quit",
        hint: None,
        contexts: &[Palette, Picker],
    },
    Binding {
        keys: &[code(KeyCode::Esc)],
        msg: Msg::Back,
        help: "stop searching the text",
        hint: Some("cancel"),
        contexts: &[Find],
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        msg: Msg::Open,
        help: "go to the first hit",
        hint: Some("find"),
        contexts: &[Find],
    },
    Binding {
        keys: &[code(KeyCode::Backspace)],
        msg: Msg::Erase,
        help: "delete a character",
        hint: None,
        contexts: &[Find],
    },
    Binding {
        keys: &[ctrl('u')],
        msg: Msg::ClearInput,
        help: "clear the term",
        hint: None,
        contexts: &[Find],
    },
    Binding {
        keys: &[k('/')],
        msg: Msg::OpenPalette,
        help: "search everything (p: o: l: e: i: a: q: filter by kind)",
        hint: Some("search"),
        contexts: &[Main, Entity],
    },
    Binding {
        keys: &[ctrl('p')],
        msg: Msg::OpenPalette,
        help: "search everything (p: o: l: e: i: a: q: filter by kind)",
        hint: None,
        contexts: ALL,
    },
    Binding {
        keys: &[k('/')],
        msg: Msg::OpenFind,
        help: "search this article's text (then n/N)",
        hint: Some("find"),
        contexts: &[Article],
    },
    Binding {
        keys: &[k('j'), code(KeyCode::Down), ctrl('e')],
        msg: Msg::Down,
        help: "move down",
        hint: None,
        contexts: SCROLLING,
    },
    Binding {
        keys: &[k('k'), code(KeyCode::Up), ctrl('y')],
        msg: Msg::Up,
        help: "move up",
        hint: None,
        contexts: SCROLLING,
    },
    Binding {
        keys: &[k('g'), code(KeyCode::Home)],
        msg: Msg::Top,
        help: "go to the top",
        hint: None,
        contexts: SCROLLING,
    },
    Binding {
        keys: &[k('G'), code(KeyCode::End)],
        msg: Msg::Bottom,
        help: "go to the bottom",
        hint: None,
        contexts: SCROLLING,
    },
    Binding {
        keys: &[ctrl('d')],
        msg: Msg::HalfDown,
        help: "half a page down",
        hint: None,
        contexts: SCROLLING,
    },
    Binding {
        keys: &[ctrl('u')],
        msg: Msg::HalfUp,
        help: "half a page up",
        hint: None,
        contexts: SCROLLING,
    },
    Binding {
        keys: &[code(KeyCode::PageDown), k(' '), k('f'), ctrl('f')],
        msg: Msg::PageDown,
        help: "a page down",
        hint: None,
        contexts: SCROLLING,
    },
    Binding {
        keys: &[code(KeyCode::PageUp), k('b'), ctrl('b')],
        msg: Msg::PageUp,
        help: "a page up",
        hint: None,
        contexts: SCROLLING,
    },
    Binding {
        keys: &[k('h'), code(KeyCode::Left)],
        msg: Msg::Left,
        help: "previous list",
        hint: None,
        contexts: &[Main],
    },
    Binding {
        keys: &[k('l'), code(KeyCode::Right)],
        msg: Msg::Right,
        help: "next list",
        hint: None,
        contexts: &[Main],
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        msg: Msg::Open,
        help: "open the selected item",
        hint: Some("open"),
        contexts: ALL,
    },
    Binding {
        keys: &[code(KeyCode::Esc), code(KeyCode::Backspace), ctrl('o')],
        msg: Msg::Back,
        help: "back (in the entity strip: back to the text)",
        hint: Some("back"),
        contexts: &[Article, Entity, Compare],
    },
    Binding {
        keys: &[k(']')],
        msg: Msg::Forward,
        help: "forward again",
        hint: None,
        contexts: ALL,
    },
    Binding {
        keys: &[code(KeyCode::Tab)],
        msg: Msg::NextPane,
        help: "next pane",
        hint: Some("pane"),
        contexts: &[Main, Article],
    },
    Binding {
        keys: &[k('r')],
        msg: Msg::ToggleReading,
        help: "reading mode: the text alone, across the screen (r again: the entities beside it)",
        hint: Some("read"),
        contexts: &[Article],
    },
    Binding {
        keys: &[k('n')],
        msg: Msg::NextHit,
        help: "next mention (next hit while searching the text)",
        hint: Some("mention"),
        contexts: &[Article],
    },
    Binding {
        keys: &[k('N')],
        msg: Msg::PrevHit,
        help: "previous mention",
        hint: None,
        contexts: &[Article],
    },
    Binding {
        keys: &[k('n')],
        msg: Msg::NextHit,
        help: "next aligned pair, both sides scrolled to it",
        hint: Some("pair"),
        contexts: &[Compare],
    },
    Binding {
        keys: &[k('N')],
        msg: Msg::PrevHit,
        help: "previous aligned pair",
        hint: None,
        contexts: &[Compare],
    },
    Binding {
        keys: &[k('=')],
        msg: Msg::ToggleLock,
        help: "scroll the sides together / apart",
        hint: Some("lock"),
        contexts: &[Compare],
    },
    Binding {
        keys: &[code(KeyCode::Tab)],
        msg: Msg::NextPane,
        help: "switch the side that scrolls (when apart)",
        hint: None,
        contexts: &[Compare],
    },
    Binding {
        keys: &[k('x')],
        msg: Msg::Swap,
        help: "swap the sides",
        hint: Some("swap"),
        contexts: &[Compare],
    },
    Binding {
        keys: &[k('e')],
        msg: Msg::EntitiesPanel,
        help: "the entities both or one side name (Enter opens one; e again leaves)",
        hint: Some("entities"),
        contexts: &[Compare],
    },
    Binding {
        keys: &[k('c')],
        msg: Msg::Compare,
        help: "compare with another article (related ones first)",
        hint: Some("compare"),
        contexts: &[Main, Article],
    },
    Binding {
        keys: &[k('R')],
        msg: Msg::Related,
        help: "the articles that report the same story: pick one to open",
        hint: Some("related"),
        contexts: &[Article],
    },
    Binding {
        keys: &[k('s')],
        msg: Msg::ToggleSort,
        help: "sort by mentions / by name",
        hint: Some("sort"),
        contexts: &[Main],
    },
    Binding {
        keys: &[k('y')],
        msg: Msg::Copy,
        help: "copy the selected name, quote or line (OSC 52)",
        hint: Some("copy"),
        contexts: ALL,
    },
    Binding {
        keys: &[k('?')],
        msg: Msg::ToggleHelp,
        help: "show or hide this help",
        hint: Some("help"),
        contexts: ALL,
    },
    Binding {
        keys: &[k('q'), ctrl('c')],
        msg: Msg::Quit,
        help: "quit",
        hint: Some("quit"),
        contexts: ALL,
    },
];

/// The message for a key press in a context, if any. In the palette, any other printable
/// character is typed into the query.
pub fn message_for(event: KeyEvent, ctx: Context) -> Option<Msg> {
    let ctrl_held = event.modifiers.contains(KeyModifiers::CONTROL);
    let bound = BINDINGS
        .iter()
        .filter(|b| b.contexts.contains(&ctx))
        .find(|b| {
            b.keys
                .iter()
                .any(|key| key.code == event.code && key.ctrl == ctrl_held)
        })
        .map(|b| b.msg.clone());
    match (bound, ctx, event.code) {
        (Some(m), _, _) => Some(m),
        // In help, a key without a use there closes it and does nothing else.
        (None, Context::Help, _) => Some(Msg::ToggleHelp),
        (
            None,
            Context::Palette | Context::Find | Context::HelpFilter | Context::Picker,
            KeyCode::Char(c),
        ) if !ctrl_held && !c.is_control() => Some(Msg::Type(c)),
        // Elsewhere a key without a use says so, once: letters, digits, marks and the named
        // keys a user reaches for (not a lone modifier or a media key).
        (
            None,
            _,
            KeyCode::Char(_)
            | KeyCode::Enter
            | KeyCode::Tab
            | KeyCode::Backspace
            | KeyCode::Esc
            | KeyCode::Left
            | KeyCode::Right
            | KeyCode::Up
            | KeyCode::Down
            | KeyCode::Home
            | KeyCode::End
            | KeyCode::PageUp
            | KeyCode::PageDown
            | KeyCode::Delete
            | KeyCode::F(_),
        ) => Some(Msg::Unbound(key_name(&Key {
            code: event.code,
            ctrl: ctrl_held,
        }))),
        _ => None,
    }
}

/// The keys a key event stands for. A key with Alt held is how terminals deliver Esc typed just
/// before it ("Esc j" arrives as Alt-j), so it is read as Esc and then the key: "back" stays
/// reliable on slow links.
pub fn expand(event: KeyEvent) -> Vec<KeyEvent> {
    if event.modifiers.contains(KeyModifiers::ALT) {
        vec![
            KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
            KeyEvent::new(event.code, event.modifiers - KeyModifiers::ALT),
        ]
    } else {
        vec![event]
    }
}

/// How a key is written in help and hints: "j", "↓", "Ctrl-d", "Enter".
pub fn key_name(key: &Key) -> String {
    let base = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Down => "↓".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::PageUp => "PgUp".into(),
        other => format!("{other:?}"),
    };
    if key.ctrl {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

/// Bindings that apply in a context.
pub fn bindings_for(ctx: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.contexts.contains(&ctx))
}

/// The status-bar hints for a context: "Enter open  Esc back  ? help  q quit".
pub fn hints(ctx: Context) -> Vec<(String, &'static str)> {
    bindings_for(ctx)
        .filter_map(|b| b.hint.map(|h| (key_name(&b.keys[0]), h)))
        .collect()
}
