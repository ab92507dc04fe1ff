//! dossier: parse a folder of news articles, extract who and what they name, and browse it.
//!
//! The pipeline: [`load`] reads and decodes files, [`parse`] turns each into an [`model::Article`],
//! and [`corpus::Corpus`] holds the result.

pub mod corpus;
pub mod dates;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod index;
pub mod isolate;
pub mod load;
pub mod model;
pub mod parse;
pub mod present;
pub mod resolve;
pub mod sentences;
#[cfg(feature = "tui")]
pub mod tui;
