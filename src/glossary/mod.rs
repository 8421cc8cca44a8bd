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
    pub id: String,
    pub zh: String,
    pub zh_alt: Vec<String>,
    pub zh_hant: Vec<String>,
    pub pinyin: String,
    pub en: String,
    pub en_alt: Vec<String>,
    pub literal: Vec<String>,
    pub category: String,
    pub definition: String,
    pub note: String,
    pub see_also: Vec<String>,
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
    pub file: PathBuf,
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
    Zh,
    ZhAlt,
    ZhHant,
    En,
    EnAlt,
    Literal,
}

impl FormKind {
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
    pub entries: Vec<Entry>,
}

impl Glossary {
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

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
    Warning,
    Error,
}

/// One problem found in a glossary file, with the place it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    pub line: u64,
    /// 1-based CSV column (field) number; 0 when the problem concerns the whole row or file.
    pub column: u64,
    pub severity: Severity,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{}", self.file.display())?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
        }
        if self.line > 0 && self.column > 0 {
            write!(f, ":{}", self.column)?;
        }
        write!(f, ": {sev}: {}", self.message)
    }
}
