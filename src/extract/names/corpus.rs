//! The corpus lexicon: what the whole corpus shows of its words, gathered in one pass before
//! extraction (words written in lowercase, acronyms used as common nouns, names seen acting,
//! titles of works).

use super::*;

/// Collect, in one pass over an article's tokens, what the corpus shows of its words: the words
/// it writes in lowercase; the acronyms it uses as common nouns ("DVDs"; "a PC and"); the
/// capitalised words it shows acting ("BT said", "Yukos's"); and the titles it introduces with a
/// work noun ("the drama Vera Drake").
pub(super) fn scan_tokens<'a>(toks: &[Token<'a>], lex: &mut Lexicon<'a>) {
    {
        for (k, t) in toks.iter().enumerate() {
            if !t.is_word {
                continue;
            }
            let w = t.text;
            let Some(first) = w.chars().next() else {
                continue;
            };
            if first.is_lowercase() {
                let bare = strip_possessive(w);
                if bare.len() > 1 {
                    lex.lowercase.insert(bare);
                }
                continue;
            }
            if !first.is_uppercase() {
                continue;
            }
            let prev = k.checked_sub(1).map(|i| &toks[i]).filter(|p| p.is_word);
            let next = toks.get(k + 1).filter(|n| n.is_word);
            // Acronyms as common nouns: plural, or after "a"/"an" before a function word.
            if w.len() >= 3 && w.ends_with('s') && is_acronym(&w[..w.len() - 1]) {
                lex.common_acronyms.insert(&w[..w.len() - 1]);
            } else if prev.is_some_and(|p| matches!(p.text, "a" | "an"))
                && next.is_some_and(|n| {
                    matches!(
                        n.text,
                        "and"
                            | "or"
                            | "with"
                            | "for"
                            | "to"
                            | "that"
                            | "which"
                            | "in"
                            | "on"
                            | "at"
                            | "is"
                            | "was"
                    )
                })
                && is_acronym(w)
            {
                lex.common_acronyms.insert(w);
            }
            if is_acronym(w) && w.len() >= 3 {
                let modifies = next.is_some_and(|n| lowercase_noun(n.text));
                let uses = lex.acronym_uses.entry(w).or_default();
                uses[usize::from(modifies)] += 1;
                if !modifies
                    && prev.is_some_and(|p| {
                        p.text.eq_ignore_ascii_case("the") || matches!(p.text, "at" | "for" | "on")
                    })
                {
                    uses[2] += 1;
                }
            }
            // A work: capitalised words after a work noun, at most four, "The" dropped.
            if prev.is_some_and(|p| gazetteer::with_lowercase(p.text, |l| WORK_NOUNS.contains(&l)))
            {
                let mut title: Vec<&str> = Vec::new();
                for t in toks[k..].iter().take(4) {
                    if !t.is_capitalised() {
                        break;
                    }
                    let bare = strip_possessive(t.text);
                    title.push(bare);
                    if bare.len() != t.text.len() {
                        break;
                    }
                }
                if title.first() == Some(&"The") {
                    title.remove(0);
                }
                if !title.is_empty() {
                    lex.works.insert(title.join(" "));
                }
            }
            // An actor: a possessor (not "the DS's", not "Nintendo DS's"), or a subject of a
            // verb that organisations and people do.
            let owner = strip_possessive(w);
            if owner.len() < w.len() {
                let inside = prev.is_some_and(|p| {
                    p.text.eq_ignore_ascii_case("the") || p.text.starts_with(char::is_uppercase)
                });
                if !inside {
                    lex.agents.insert(owner);
                }
            } else if next.is_some_and(|n| AGENT_VERBS.contains(&n.text)) {
                lex.agents.insert(w);
            }
        }
    }
}

/// Corpus-wide knowledge gathered before extraction, borrowing its words from the articles.
#[derive(Debug, Default)]
pub struct Lexicon<'a> {
    /// Words seen in lowercase.
    lowercase: HashSet<&'a str>,
    /// Acronyms used as common nouns: after "a"/"an", or with a plural "s" ("PCs", "a DVD").
    common_acronyms: HashSet<&'a str>,
    /// Titles of works: the capitalised words after "film", "album", "novel"... ("Vera Drake").
    works: HashSet<String>,
    /// Capitalised words seen acting: a possessor, or the subject of "said", "announced"...
    agents: HashSet<&'a str>,
    /// Per acronym of three letters or more: the uses that stand alone, those before a
    /// lowercase noun ("GDP growth", "the DVD format"), and those alone after "the" ("the NHL").
    acronym_uses: rustc_hash::FxHashMap<&'a str, [u32; 3]>,
}

impl<'a> Lexicon<'a> {
    /// Tokenise and scan `articles`.
    pub fn from_articles(articles: &'a [Article]) -> Lexicon<'a> {
        Lexicon::from_articles_keeping_tokens(articles).0
    }

    /// Tokenise and scan `articles`, a few large chunks per thread so that few partial sets are
    /// merged, and keep each article's tokens, packed, so that extraction need not tokenise
    /// again.
    ///
    /// An article whose scan panics (a bug in dossier) gets no tokens and is listed in the third
    /// part, by index, with the panic's message.
    pub fn from_articles_keeping_tokens(
        articles: &'a [Article],
    ) -> (Lexicon<'a>, Vec<PackedUnits>, Vec<(usize, String)>) {
        use rayon::prelude::*;
        let pieces = rayon::current_num_threads().max(1) * 4;
        let chunk = chunk_len(articles.len(), pieces);
        articles
            .par_chunks(chunk)
            .enumerate()
            .map(|(ci, chunk)| {
                let mut lex = Lexicon::default();
                let mut packed = Vec::with_capacity(chunk.len());
                let mut failed = Vec::new();
                for (i, a) in chunk.iter().enumerate() {
                    let scanned = crate::isolate::isolated(|| {
                        Units::of_seen(&a.text, &crate::parse::text_units(a), |toks| {
                            scan_tokens(toks, &mut lex)
                        })
                        .pack()
                    });
                    match scanned {
                        Ok(p) => packed.push(p),
                        Err(msg) => {
                            packed.push(PackedUnits::default());
                            failed.push((ci * chunk_len(articles.len(), pieces) + i, msg));
                        }
                    }
                }
                (lex, packed, failed)
            })
            .reduce(
                Default::default,
                |(lex, mut packed, mut failed), (other, more, more_failed)| {
                    packed.extend(more);
                    failed.extend(more_failed);
                    (lex.merge(other), packed, failed)
                },
            )
    }

    fn merge(mut self, mut other: Lexicon<'a>) -> Lexicon<'a> {
        if self.lowercase.len() < other.lowercase.len() {
            std::mem::swap(&mut self, &mut other);
        }
        self.lowercase.extend(other.lowercase);
        self.common_acronyms.extend(other.common_acronyms);
        self.works.extend(other.works);
        self.agents.extend(other.agents);
        for (w, more) in other.acronym_uses {
            let uses = self.acronym_uses.entry(w).or_default();
            for (u, m) in uses.iter_mut().zip(more) {
                *u += m;
            }
        }
        self
    }

    /// True when a capitalised word acts somewhere in the corpus: "BT said", "Yukos's".
    pub fn acts(&self, name: &str) -> bool {
        self.agents.contains(name)
    }

    /// True when the corpus uses an acronym of three letters or more as the name of a body: it
    /// stands alone at least twice (or once after "the", "at", "for" or "on" when it is no
    /// ordinary word in capitals, as "the REAL artists" is), at least twice as often as it
    /// modifies a noun, as a term does ("GDP growth"), and in at least a quarter of its uses
    /// after those words ("the NHL", "at MIT", where a term goes bare: "GDP rose", "by SMS").
    pub fn acronym_stands_alone(&self, word: &str) -> bool {
        self.acronym_uses
            .get(word)
            .is_some_and(|&[alone, modifying, after_the]| {
                (alone >= 2 || after_the >= 1 && !self.is_common_word(word))
                    && modifying * 2 <= alone
                    && after_the * 4 >= alone + modifying
            })
    }

    /// True when a name is the title of a film, book, album or the like in this corpus.
    pub fn is_work(&self, name: &str) -> bool {
        self.works.contains(name)
    }

    /// True when an acronym is used as a common noun in the corpus ("a PC", "DVDs").
    pub fn is_common_acronym(&self, word: &str) -> bool {
        self.common_acronyms.contains(word)
    }

    /// True when `word`, lowercased, is used as an ordinary word somewhere in the corpus.
    pub fn is_common_word(&self, word: &str) -> bool {
        gazetteer::with_lowercase(word, |lower| {
            self.lowercase.contains(lower) || self.lowercase.contains(strip_possessive(lower))
        })
    }
}

/// A lowercase word that reads as a noun after a modifier: not a function word, verb form or
/// preposition ("growth" in "GDP growth", not "said" or "and").
pub(super) fn lowercase_noun(w: &str) -> bool {
    w.starts_with(|c: char| c.is_lowercase())
        && !w.ends_with('s')
        && !w.ends_with("ed")
        && !matches!(
            w,
            "is" | "was"
                | "has"
                | "had"
                | "will"
                | "would"
                | "could"
                | "should"
                | "may"
                | "might"
                | "must"
                | "can"
                | "and"
                | "or"
                | "to"
                | "in"
                | "on"
                | "for"
                | "of"
                | "at"
                | "by"
                | "with"
        )
        // "before", "after", "during": the function words, listed capitalised.
        && !FUNCTION_WORDS.contains_ignore_case(w)
}

/// Articles per chunk of the lexicon scan.
pub(super) fn chunk_len(articles: usize, pieces: usize) -> usize {
    articles.div_ceil(pieces).max(1)
}
