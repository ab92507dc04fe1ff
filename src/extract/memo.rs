//! What the gazetteers and word lists say of a word never changes, but the extractor asks the
//! same questions of the same words many times ("is Minister a title?"). Each thread keeps the
//! answers it has worked out, one entry per word.

use rustc_hash::FxHasher;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// A question asked of single words.
#[derive(Debug, Clone, Copy)]
#[repr(u8)]
pub enum Fact {
    /// A title or honorific ("Minister", "Mr").
    Title = 0,
    /// Could be one word of a person's name.
    NameWord = 1,
    /// A head word of an organisation, event, initiative or place.
    AnyHead = 2,
}

#[derive(Debug, Clone, Copy, Default)]
struct Answers {
    known: u8,
    yes: u8,
}

/// Words kept before the memo starts afresh, so that a long session's memory stays bounded.
const CAPACITY: usize = 1 << 17;

thread_local! {
    static MEMO: RefCell<HashMap<Box<str>, Answers, BuildHasherDefault<FxHasher>>> =
        const { RefCell::new(HashMap::with_hasher(BuildHasherDefault::new())) };
}

/// The answer to `fact` for `word`: remembered, or worked out by `compute` and remembered.
/// `compute` may itself ask other facts.
pub fn ask(word: &str, fact: Fact, compute: impl FnOnce(&str) -> bool) -> bool {
    let bit = 1u8 << (fact as u8);
    let seen = MEMO.with(|m| m.borrow().get(word).copied());
    if let Some(a) = seen.filter(|a| a.known & bit != 0) {
        return a.yes & bit != 0;
    }
    let yes = compute(word);
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= CAPACITY {
            m.clear();
        }
        let a = match m.get_mut(word) {
            Some(a) => a,
            None => m.entry(word.into()).or_default(),
        };
        a.known |= bit;
        if yes {
            a.yes |= bit;
        }
    });
    yes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_worked_out_once_per_word_and_fact() {
        let mut calls = 0;
        assert!(ask("Zyxwv", Fact::Title, |_| {
            calls += 1;
            true
        }));
        assert!(ask("Zyxwv", Fact::Title, |_| {
            calls += 1;
            false
        }));
        assert!(!ask("Zyxwv", Fact::NameWord, |_| {
            calls += 1;
            false
        }));
        assert_eq!(calls, 2);
    }
}
