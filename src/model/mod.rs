//! The corpus model, the vocabulary of every stage: articles and their spans, load warnings,
//! and the entities found in them. It imports nothing else of dossier's.

mod article;
mod entity;

pub use article::*;
pub use entity::*;
