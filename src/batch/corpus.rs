//! Whole-corpus passes for `glossary build` and `discover`: every document of the inputs is
//! read, decoded and summarized on parallel workers, and the summaries are handed back in
//! input order (through the one [`ordered`] pipeline), so results never depend on the
//! number of workers.
//!
//! File handling is `input`'s (expand, and [`read_document`], which reads an aligned file as
//! its segments' text); only the summary differs per command.

use std::path::PathBuf;

use super::pipeline::ordered;
use super::{chunks, Held};
use crate::input::read_document;
use crate::input::source::{self, AlignedFiles, Found, InputError, WalkNote};
use crate::text::path_in_message;

/// What happened to one input, in input order.
pub enum Event<T> {
    /// A document's summary, with a warning when it was decoded lossily.
    Document(T, Option<InputError>),
    /// An input that could not be read.
    Error(InputError),
    /// A file skipped on purpose while walking a folder.
    Note(String),
}

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
    let found: Vec<Found> = source::expand_with(
        &inputs,
        &source::Globs::default(),
        AlignedFiles::Read,
        &mut notes,
    );
    for n in notes {
        match n {
            WalkNote::Skipped(p, why) => sink(Event::Note(format!(
                "{}: {why}",
                path_in_message(&p.to_string_lossy())
            ))),
            WalkNote::Error(e) => sink(Event::Error(e)),
        }
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(super::workers(jobs, found.len().min(super::CHUNK_DOCS)))
        .build()
        .map_err(std::io::Error::other)?;
    // Summaries are small: chunks stay bounded by their input alone.
    let held = Held::default();
    ordered(
        &pool,
        chunks(&found, &held),
        |f: &&Found| -> Result<(T, Option<InputError>), InputError> {
            let path = f.path.to_string_lossy().into_owned();
            let (text, warning) = read_document(&f.path, lossy)?;
            Ok((summarize(&path, &text), warning))
        },
        |_, (), results| {
            for r in results {
                sink(match r {
                    Ok((t, w)) => Event::Document(t, w),
                    Err(e) => Event::Error(e),
                });
            }
            Ok(())
        },
        || false,
    )
}
