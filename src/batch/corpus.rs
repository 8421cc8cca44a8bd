//! Whole-corpus passes for `glossary build` and `discover`: every document of the inputs is
//! read, decoded and summarized on parallel workers, and the summaries are handed back in
//! input order, so results never depend on the number of workers.
//!
//! File handling is `source`'s (expand, read_all, decode); only the summary differs per
//! command.

use std::path::PathBuf;

use rayon::prelude::*;

use crate::source::{self, Found, InputError, WalkNote};

/// What happened to one input, in input order.
pub enum Event<T> {
    /// A document's summary, with a warning when it was decoded lossily.
    Document(T, Option<InputError>),
    /// An input that could not be read.
    Error(InputError),
    /// A file skipped on purpose while walking a folder.
    Note(String),
}

/// How many documents go to the workers at once.
const CHUNK: usize = 256;

/// Reads every document under `inputs` (files, folders, `-`; none means standard input),
/// summarizes each with `summarize(path, text)` on `jobs` workers, and passes the results to
/// `sink` in input order.
pub fn for_each_document<T: Send>(
    inputs: &[PathBuf],
    jobs: usize,
    lossy: bool,
    summarize: impl Fn(&str, &str) -> T + Sync,
    mut sink: impl FnMut(Event<T>),
) -> std::io::Result<()> {
    let inputs = if inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        inputs.to_vec()
    };
    let mut notes = Vec::new();
    let found: Vec<Found> = source::expand(&inputs, &source::Globs::default(), &mut notes);
    for n in notes {
        match n {
            WalkNote::Skipped(p, why) => sink(Event::Note(format!("{}: {why}", p.display()))),
            WalkNote::Error(e) => sink(Event::Error(e)),
        }
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .build()
        .map_err(std::io::Error::other)?;
    for chunk in found.chunks(CHUNK) {
        let results: Vec<Result<(T, Option<InputError>), InputError>> = pool.install(|| {
            chunk
                .par_iter()
                .map(|f| {
                    let path = f.path.to_string_lossy().into_owned();
                    let raw = source::read_all(&f.path)?;
                    let (text, warning) = source::decode(&path, raw, lossy)?;
                    Ok((summarize(&path, &text), warning))
                })
                .collect()
        });
        for r in results {
            sink(match r {
                Ok((t, w)) => Event::Document(t, w),
                Err(e) => Event::Error(e),
            });
        }
    }
    Ok(())
}

/// A keyword-in-context snippet: up to `width` characters either side of `range`, on one
/// line (line breaks and runs of whitespace shown as one space).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Kwic {
    pub left: String,
    pub term: String,
    pub right: String,
}

impl Kwic {
    pub fn new(text: &str, range: std::ops::Range<usize>, width: usize) -> Kwic {
        let before = &text[..range.start];
        let after = &text[range.end..];
        let mut left_start = before
            .char_indices()
            .rev()
            .nth(width.saturating_sub(1))
            .map_or(0, |(i, _)| i);
        // Do not start or end inside a word of a spaced script.
        let word = crate::matcher::is_word_char;
        if left_start > 0
            && before[..left_start].chars().next_back().is_some_and(word)
            && before[left_start..].chars().next().is_some_and(word)
        {
            if let Some(ws) = before[left_start..].find(char::is_whitespace) {
                left_start += ws;
            }
        }
        let mut right_end = after
            .char_indices()
            .nth(width)
            .map_or(after.len(), |(i, _)| i);
        if right_end < after.len()
            && after[right_end..].chars().next().is_some_and(word)
            && after[..right_end].chars().next_back().is_some_and(word)
        {
            if let Some(ws) = after[..right_end].rfind(char::is_whitespace) {
                right_end = ws;
            }
        }
        let left = squash(&before[left_start..]);
        let right = squash(&after[..right_end]);
        Kwic {
            left: if left_start > 0 {
                format!("…{}", left.trim_start())
            } else {
                left.trim_start().to_string()
            },
            term: squash(&text[range]),
            right: if right_end < after.len() {
                format!("{}…", right.trim_end())
            } else {
                right.trim_end().to_string()
            },
        }
    }
}

impl std::fmt::Display for Kwic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}«{}»{}", self.left, self.term, self.right)
    }
}

/// Collapses whitespace runs (line breaks included) to one space.
pub fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space && !out.is_empty() {
        out.push(' ');
    }
    // Keep a leading space if the text started with whitespace, so `left` and `term` stay apart.
    if s.starts_with(char::is_whitespace) && !out.is_empty() {
        out.insert(0, ' ');
    }
    out
}

/// The 1-based line of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kwic() {
        let t = "one two\nthree nail case four five six";
        let s = t.find("nail").unwrap();
        let k = Kwic::new(t, s..s + 9, 8);
        assert_eq!(k.term, "nail case");
        assert_eq!(k.to_string(), "…three «nail case» four…");
        let k = Kwic::new("nail case", 0..9, 10);
        assert_eq!(k.to_string(), "«nail case»");
        assert_eq!(line_of(t, s), 2);
    }
}
