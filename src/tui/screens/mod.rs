//! One module a screen: its state, the part of `update` that handles its keys, and its drawing.
//! `app` holds what all screens share (history, overlays, routing); `view` draws the frame
//! around them (breadcrumb, status bar, help, palette) and the shared styles.

pub mod article;
pub mod compare;
pub mod entity;
pub mod help;
pub mod main;
