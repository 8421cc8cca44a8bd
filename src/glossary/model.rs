//! The glossary's data: entries, where each came from, the kinds of form, and the problems a
//! glossary file can have.
//!
//! Self-contained (std only) on purpose: `build.rs` compiles this file and `csv.rs` too, to
//! read the built-in glossary once, at build time.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

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
    /// One of [`CATEGORIES`](crate::glossary::CATEGORIES).
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

/// A glossary file's header: each column's name, `None` for a column tifa does not know.
pub type Columns = Arc<[Option<&'static str>]>;

/// The file and line an entry came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The glossary file (`builtin/…` for the compiled-in glossary), shared by the entries of
    /// a file: a path of its own for each of CC-CEDICT's 118,000 entries was an allocation
    /// apiece to read and to bring back from the cache of compiled glossaries.
    pub file: Arc<Path>,
    /// 1-based line of the row.
    pub line: u64,
    /// The file's header, so messages can name the column of a field.
    pub columns: Columns,
}

impl Default for Origin {
    /// No file, no line, no columns: shared empty values, so a default origin allocates
    /// nothing.
    fn default() -> Origin {
        static FILE: OnceLock<Arc<Path>> = OnceLock::new();
        static COLUMNS: OnceLock<Columns> = OnceLock::new();
        Origin {
            file: FILE.get_or_init(|| Arc::from(Path::new(""))).clone(),
            line: 0,
            columns: COLUMNS.get_or_init(|| Arc::from([])).clone(),
        }
    }
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
