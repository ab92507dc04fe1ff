//! dossier: parse a folder of news articles, extract who and what they name, and browse it.
//!
//! The modules, in pipeline order; each imports only modules above it (`tests/layers.rs`
//! checks this):
//!
//! - [`model`]: the vocabulary (spans, articles, warnings, entity kinds, entities, quotes).
//! - [`text`]: string helpers every stage uses (name keys, initials, acronyms).
//! - [`words`]: the word lists of news writing (files in `data/words`), each declared once.
//! - [`isolate`]: a panic in one article becomes a warning about it.
//! - [`gazetteer`]: places, given names, surnames, titles and legal forms, from data files.
//! - [`load`]: walk folders, read and decode files, report every problem.
//! - [`sentences`], [`dates`], [`parse`]: each file becomes an [`model::Article`].
//! - [`extract`]: names with kinds and roles, quotations, figures, per article.
//! - [`resolve`]: the same name across articles is one entity.
//! - [`corpus`]: the stages run in order, in parallel, over a whole corpus.
//! - [`search`]: fuzzy search over every entity, alias, title and quote.
//! - [`compare`]: related articles, and two articles compared: entities, aligned sentences, figures.
//! - [`export`]: the corpus as JSON.
//! - [`present`]: what the commands and the browser show alike, safe for a terminal.
//! - [`tui`] (feature `tui`): the browser, as state, update and view.
//!
//! The one-shot commands (`src/cli.rs`) belong to the binary and use this library.

pub mod model;
pub mod text;
pub mod words;
pub mod isolate;
pub mod memory;
pub mod gazetteer;
pub mod load;
pub mod sentences;
pub mod dates;
pub mod parse;
pub mod extract;
pub mod resolve;
pub mod corpus;
pub mod search;
pub mod compare;
pub mod export;
pub mod present;
#[cfg(feature = "tui")]
pub mod tui;
