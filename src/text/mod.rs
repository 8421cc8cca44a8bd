//! The text layer: pure functions over text, no glossary.

pub mod inflect;
