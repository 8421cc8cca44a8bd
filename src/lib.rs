//! tifa (提法, "official formulation") finds Chinese policy terms in Chinese text and in its
//! English translations — including the literal renderings machine translation produces —
//! and links every occurrence to a curated bilingual glossary.
//!
//! The pipeline: a [`Glossary`] is compiled into a [`Matcher`]; [`annotate()`] finds and
//! locates the spans of a text; a [`Render`](render::Render) writes them out, given the
//! glossary.
//!
//! ```
//! use tifa::{annotate, Glossary, MatchOptions, Matcher};
//!
//! let matcher = Matcher::new(Glossary::builtin()).unwrap();
//! let text = "It cracked down on \"protective umbrellas\" (保護傘).";
//! let ann = annotate(&matcher, text, MatchOptions::default());
//! let ids: Vec<&str> = ann.spans.iter().map(|l| matcher.entry(&l.span).id.as_str()).collect();
//! assert_eq!(ids, ["bao-hu-san", "bao-hu-san"]);
//! assert_eq!(&text[ann.spans[0].byte_range()], "protective umbrellas");
//! ```
//!
//! The modules are layers, each importing only those below it:
//!
//! - [`text`]: normalization, Chinese characters, English words, places and snippets, XML;
//! - [`glossary`]: the model, its CSV and loader, and the exchange formats;
//! - [`matcher`], then [`annotate`](mod@annotate) (document → located spans) and [`usage`] (corpus → terms
//!   used);
//! - [`render`]: every printer; [`input`] and [`output`]: reading and writing files;
//! - [`batch`]: the format-agnostic runner; then the tasks [`check`], [`discover`], [`lint`].

// Denied, not forbidden: one function reads back the Chinese automaton the glossary cache
// wrote, after checking its checksum (`matcher::cache`).
#![deny(unsafe_code)]
#![warn(missing_docs)]

pub mod annotate;
pub mod batch;
pub mod check;
pub mod diagnostics;
pub mod discover;
mod fixed;
pub mod glossary;
pub mod input;
pub mod lint;
pub mod matcher;
pub mod output;
pub mod render;
mod strings;
pub mod text;
pub mod usage;

pub use crate::annotate::{annotate, Annotation, Located};
pub use crate::glossary::{Entries, Entry, FormKind, Glossary, GlossaryError, Problem};
pub use crate::matcher::{MatchOptions, Matcher, Span};

/// Test cases drawn from a fixed sequence: `next(n)` is a number below `n`, the same on every
/// run (a linear congruential generator).
#[cfg(test)]
pub(crate) fn test_numbers(mut seed: u64) -> impl FnMut(u64) -> usize {
    move |n| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) % n) as usize
    }
}
