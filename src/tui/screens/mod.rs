//! One module a screen: its state, and the part of `update` that handles its keys.

pub mod article;
pub mod entity;
pub mod main;
