//! tifa (提法, "official formulation") finds Chinese policy terms in Chinese text and in its
//! English translations — including the literal renderings machine translation produces —
//! and links every occurrence to a curated bilingual glossary.
//!
//! The pipeline: a [`Glossary`](glossary::Glossary) is compiled into a
//! [`Matcher`](matcher::Matcher); [`annotate`](annotate::annotate) finds and locates the spans
//! of a text; a [`Render`](render::Render) writes them out.
//!
//! ```
//! use tifa::{annotate::annotate, glossary::Glossary, matcher::{MatchOptions, Matcher}};
//!
//! let matcher = Matcher::new(Glossary::builtin()).unwrap();
//! let text = "It cracked down on \"protective umbrellas\" (保護傘).";
//! let ann = annotate(&matcher, text, MatchOptions::default());
//! let ids: Vec<&str> = ann.spans.iter().map(|l| matcher.entry(&l.span).id.as_str()).collect();
//! assert_eq!(ids, ["bao-hu-san", "bao-hu-san"]);
//! assert_eq!(&text[ann.spans[0].byte_range()], "protective umbrellas");
//! ```

pub mod annotate;
pub mod batch;
pub mod check;
pub mod chinese;
pub mod corpus;
pub mod discover;
pub mod glossary;
pub mod matcher;
pub mod normalize;
pub mod phrase;
pub mod plural;
pub mod render;
pub mod safe_output;
pub mod segment;
pub mod source;
pub mod summary;
pub mod text;
pub mod xml;
