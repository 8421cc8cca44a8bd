//! The glossary model: concepts (entries) and the surface forms that name them.
//!
//! A glossary is a list of [`Entry`] values, each with a stable [`Entry::id`], Chinese and
//! English headwords and the other surface forms — alternative Chinese forms, traditional
//! forms, acceptable English renderings and the literal renderings machine translation
//! produces. Every surface form is matched; [`FormKind`] says which kind matched.

mod csv;
pub mod exchange;
mod load;
pub mod pinyin;

pub use self::csv::{is_valid_id, read_csv, write_csv, COLUMNS};
pub use self::load::{load, GlossaryError, GlossarySource};

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

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

/// One concept of the glossary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    /// Stable identifier: a lower-case ASCII slug.
    pub id: String,
    /// Chinese headword, simplified.
    pub zh: String,
    /// Other Chinese forms (abbreviations, variants).
    pub zh_alt: Vec<String>,
    /// Traditional-character forms.
    pub zh_hant: Vec<String>,
    /// Pinyin with tone marks.
    pub pinyin: String,
    /// Preferred English rendering.
    pub en: String,
    /// Other acceptable English renderings.
    pub en_alt: Vec<String>,
    /// Literal renderings machine translation produces.
    pub literal: Vec<String>,
    /// One of [`CATEGORIES`].
    pub category: String,
    /// What the term means.
    pub definition: String,
    /// Usage note.
    pub note: String,
    /// Ids of related entries.
    pub see_also: Vec<String>,
    /// Where the entry comes from.
    pub source: String,
    /// Longer strings in which a form of this entry must not fire (公安部 in 公安部门).
    pub exclude: Vec<String>,
    /// Forms of this entry too generic to count alone ("four winds"): they count only near
    /// another form of the entry or one of its [`Entry::cue`]s.
    pub gated: Vec<String>,
    /// Words or phrases whose presence nearby licenses the entry's gated forms.
    pub cue: Vec<String>,
    /// Where the entry was read from, for messages.
    pub origin: Origin,
}

/// The file and line an entry came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    /// The glossary file (`builtin/…` for the compiled-in glossary).
    pub file: PathBuf,
    /// 1-based line of the row.
    pub line: u64,
    /// The file's header, so messages can name the column of a field.
    pub columns: Arc<[Option<&'static str>]>,
}

impl Origin {
    /// The 1-based CSV column of a field, or 0 when the file has no such column.
    pub fn column(&self, name: &str) -> u64 {
        self.columns
            .iter()
            .position(|c| *c == Some(name))
            .map_or(0, |i| i as u64 + 1)
    }
}

/// Which kind of surface form of an entry matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FormKind {
    /// The Chinese headword.
    Zh,
    /// An alternative Chinese form.
    ZhAlt,
    /// A traditional-character form.
    ZhHant,
    /// The preferred English rendering.
    En,
    /// An alternative English rendering.
    EnAlt,
    /// A literal rendering.
    Literal,
}

impl FormKind {
    /// Every kind, in column order.
    pub const ALL: [FormKind; 6] = [
        FormKind::Zh,
        FormKind::ZhAlt,
        FormKind::ZhHant,
        FormKind::En,
        FormKind::EnAlt,
        FormKind::Literal,
    ];

    /// The column name, which is also the name used in output records.
    pub fn as_str(self) -> &'static str {
        match self {
            FormKind::Zh => "zh",
            FormKind::ZhAlt => "zh_alt",
            FormKind::ZhHant => "zh_hant",
            FormKind::En => "en",
            FormKind::EnAlt => "en_alt",
            FormKind::Literal => "literal",
        }
    }

    /// Whether the form is Chinese (no word-boundary rule applies).
    pub fn is_chinese(self) -> bool {
        matches!(self, FormKind::Zh | FormKind::ZhAlt | FormKind::ZhHant)
    }
}

impl fmt::Display for FormKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Entry {
    /// The surface forms of one kind.
    pub fn forms(&self, kind: FormKind) -> &[String] {
        match kind {
            FormKind::Zh => std::slice::from_ref(&self.zh),
            FormKind::ZhAlt => &self.zh_alt,
            FormKind::ZhHant => &self.zh_hant,
            FormKind::En => std::slice::from_ref(&self.en),
            FormKind::EnAlt => &self.en_alt,
            FormKind::Literal => &self.literal,
        }
    }

    /// Every surface form with its kind, in priority order (headwords first).
    pub fn all_forms(&self) -> impl Iterator<Item = (FormKind, &str)> {
        FormKind::ALL.into_iter().flat_map(move |k| {
            self.forms(k)
                .iter()
                .filter(|f| !f.is_empty())
                .map(move |f| (k, f.as_str()))
        })
    }
}

/// A loaded glossary: entries in load order.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    /// The entries, in file order.
    pub entries: Vec<Entry>,
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
    pub fn builtin() -> Glossary {
        let mut entries = Vec::new();
        for (name, text) in BUILTIN {
            let path = Path::new("glossary").join(name);
            // The shipped files are checked by the tests and by `tifa glossary lint`, so a
            // problem here is a build defect; keep whatever loads rather than fail the user.
            let (mut got, _problems) = read_csv(text.as_bytes(), &path);
            entries.append(&mut got);
        }
        Glossary { entries }
    }
}

include!(concat!(env!("OUT_DIR"), "/builtin_glossary.rs"));

/// How bad a [`Problem`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The glossary loads; the row or field may be wrong.
    Warning,
    /// The glossary cannot be used until it is fixed.
    Error,
}

/// One problem found in a glossary file, with the place it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The glossary file.
    pub file: PathBuf,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: u64,
    /// 1-based CSV column (field) number; 0 when the problem concerns the whole row or file.
    pub column: u64,
    /// How bad it is.
    pub severity: Severity,
    /// What is wrong, and how to fix it.
    pub message: String,
}

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
