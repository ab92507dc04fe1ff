//! Isolation: a bug that panics while one article is handled becomes a warning about that
//! article, and the rest of the corpus opens. Such a caught panic prints nothing (the browser may
//! own the terminal) and leaves the terminal alone.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    static WHERE: RefCell<Option<String>> = const { RefCell::new(None) };
}

static HOOK: Once = Once::new();

/// True while this thread runs inside [`isolated`]: a panic hook that restores the terminal
/// must leave it alone then, since the panic will be caught.
pub fn active() -> bool {
    DEPTH.with(Cell::get) > 0
}

/// Put the quiet hook in front of whatever panic hook is installed. Called by [`isolated`]; a
/// hook installed afterwards should check [`active`] itself.
pub fn install_hook() {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if active() {
                let at = info
                    .location()
                    .map(|l| format!("{}:{}", l.file(), l.line()));
                WHERE.with(|w| *w.borrow_mut() = at);
            } else {
                previous(info);
            }
        }));
    });
}

/// Run `f`; a panic inside it comes back as `Err` with its message and where it happened.
pub fn isolated<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    install_hook();
    DEPTH.with(|d| d.set(d.get() + 1));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    result.map_err(|payload| {
        let msg = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        let at = WHERE.with(|w| w.borrow_mut().take());
        match at {
            Some(at) => format!("{msg} (at {at})"),
            None => msg,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_with_its_place() {
        let r: Result<(), String> = isolated(|| {
            let v: Vec<u8> = Vec::new();
            let i = v.len() + 3;
            let _ = v[i];
        });
        let msg = r.err().unwrap_or_default();
        assert!(msg.contains("index out of bounds"), "{msg}");
        assert!(msg.contains("isolate.rs"), "{msg}");
        assert!(!active());
        assert_eq!(isolated(|| 7), Ok(7));
    }
}
