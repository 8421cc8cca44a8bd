//! The glossary model: concepts (entries) and the surface forms that name them.
//!
//! A glossary is a list of [`Entry`] values, each with a stable [`Entry::id`], Chinese and
//! English headwords and the other surface forms — alternative Chinese forms, traditional
//! forms, acceptable English renderings and the literal renderings machine translation
//! produces. Every surface form is matched; [`FormKind`] says which kind matched.

mod csv;
mod entries;
pub mod exchange;
mod load;
mod model;
pub mod pinyin;

pub use self::csv::{is_valid_id, read_csv, write_csv, COLUMNS};
pub use self::entries::{Entries, EntrySource, Iter};
pub use self::load::{load, load_read, read_sources, GlossaryError, GlossarySource, SourceData};
pub use self::model::{Columns, Entry, FormKind, Origin, Problem, Severity};

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use crate::strings::Strings;

/// The category vocabulary documented in `glossary/README.md`.
pub const CATEGORIES: &[&str] = &[
    "campaign",
    "institution",
    "procedure",
    "discipline",
    "policy",
    "ideology",
    "slogan",
    "idiom",
];

/// A loaded glossary: entries in load order.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    /// The entries, in file order.
    pub entries: Entries,
}

impl Glossary {
    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// The glossary compiled into the binary from `glossary/*.csv`.
    ///
    /// `build.rs` reads the files with [`read_csv`] (the shipped files are checked by the
    /// tests and by `tifa glossary lint`, so a problem there is a build defect: whatever
    /// loads is kept rather than fail the user) and keeps each entry's fields; here they
    /// become entries again, without parsing the CSV on every run.
    pub fn builtin() -> Glossary {
        let files: Vec<(Arc<Path>, Columns)> = BUILTIN_FILES
            .iter()
            .map(|(name, columns)| {
                let path = Path::new("glossary").join(name);
                (Arc::from(path), Arc::from(*columns))
            })
            .collect();
        let text = |s: &str| s.to_string();
        // Lists are kept joined by `|`, which no item holds.
        let list = |s: &str| -> Vec<String> {
            if s.is_empty() {
                Vec::new()
            } else {
                s.split('|').map(String::from).collect()
            }
        };
        let (fields, origins) = &BUILTIN_ENTRIES;
        let entries: Vec<Entry> = origins
            .iter()
            .enumerate()
            .map(|(i, &(file, line))| {
                let f = |k: usize| fields.get(i * COLUMNS.len() + k);
                Entry {
                    id: text(f(0)),
                    zh: text(f(1)),
                    zh_alt: list(f(2)),
                    zh_hant: list(f(3)),
                    pinyin: text(f(4)),
                    en: text(f(5)),
                    en_alt: list(f(6)),
                    literal: list(f(7)),
                    category: text(f(8)),
                    definition: text(f(9)),
                    note: text(f(10)),
                    see_also: list(f(11)),
                    source: text(f(12)),
                    exclude: list(f(13)),
                    gated: list(f(14)),
                    cue: list(f(15)),
                    origin: Origin {
                        file: files[file].0.clone(),
                        line,
                        columns: files[file].1.clone(),
                    },
                }
            })
            .collect();
        Glossary {
            entries: entries.into(),
        }
    }
}

/// The built-in glossary's files: (file name, the columns of its header).
static BUILTIN_FILES: &[(&str, &[Option<&str>])] =
    include!(concat!(env!("OUT_DIR"), "/builtin_files.rs"));

/// The built-in glossary's entries as `build.rs` read them: the fields of each in
/// [`COLUMNS`] order (lists joined by `|`), one entry after another; and each one's file and
/// line.
static BUILTIN_ENTRIES: (Strings, &[(usize, u64)]) =
    include!(concat!(env!("OUT_DIR"), "/builtin_entries.rs"));

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        let file = self.file.to_string_lossy();
        write!(f, "{}", crate::text::path_in_message(&file))?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
        }
        if self.line > 0 && self.column > 0 {
            write!(f, ":{}", self.column)?;
        }
        write!(f, ": {sev}: {}", self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The entries kept at build time are the entries the CSV files read into, field for
    /// field, with their files, lines and columns.
    #[test]
    fn builtin_entries_are_the_files_read() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("glossary");
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".csv"))
            .collect();
        names.sort();
        let mut want = Vec::new();
        for name in &names {
            let text = std::fs::read(dir.join(name)).unwrap();
            let (mut got, _) = read_csv(&text[..], &Path::new("glossary").join(name));
            want.append(&mut got);
        }
        let got = Glossary::builtin().entries;
        assert!(got.len() > 1000);
        assert_eq!(got.len(), want.len());
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g, w);
        }
    }
}
