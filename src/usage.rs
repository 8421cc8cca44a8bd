//! `tifa glossary build`: the glossary of the terms a corpus actually uses — which entries
//! occur, how often and in how many documents, in which surface forms, and where first, with
//! a keyword-in-context snippet.
//!
//! Each document is summarized on its own ([`summarize`]), then the summaries are added up
//! in input order ([`UsageTable::add`]), so "first occurrence" means first in input order.

use std::collections::HashMap;
use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use crate::annotate::locate;
use crate::corpus::{squash, Kwic};
use crate::glossary::Entry;
use crate::matcher::{MatchOptions, Matcher};

/// How many characters of context either side of the first occurrence.
const CONTEXT: usize = 40;

/// One document's use of one entry.
#[derive(Debug, Clone)]
struct DocUse {
    occurrences: u64,
    /// Surface text (whitespace collapsed) → count, in order of first appearance.
    forms: Vec<(String, u64)>,
    line: usize,
    context: Kwic,
}

/// The terms of one document.
#[derive(Debug, Clone, Default)]
pub struct DocUsage {
    path: String,
    /// Entry index → use, in order of first occurrence.
    uses: Vec<(usize, DocUse)>,
}

/// Finds the terms of one document.
pub fn summarize(matcher: &Matcher, path: &str, text: &str) -> DocUsage {
    let spans = matcher.find(text, MatchOptions::default());
    let located = locate(text, &spans);
    let mut uses: Vec<(usize, DocUse)> = Vec::new();
    let mut index: HashMap<usize, usize> = HashMap::new();
    for l in &located {
        let surface = squash(&text[l.byte_range()]).trim().to_string();
        let i = *index.entry(l.span.entry).or_insert_with(|| {
            uses.push((
                l.span.entry,
                DocUse {
                    occurrences: 0,
                    forms: Vec::new(),
                    line: l.line,
                    context: Kwic::new(text, l.byte_range(), CONTEXT),
                },
            ));
            uses.len() - 1
        });
        let u = &mut uses[i].1;
        u.occurrences += 1;
        match u.forms.iter_mut().find(|(f, _)| *f == surface) {
            Some((_, n)) => *n += 1,
            None => u.forms.push((surface, 1)),
        }
    }
    DocUsage {
        path: path.to_string(),
        uses,
    }
}

/// One entry's use in the corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermUse {
    /// Index of the entry in the matcher's glossary.
    #[serde(skip)]
    pub entry: usize,
    pub id: String,
    pub occurrences: u64,
    pub documents: u64,
    /// The surface forms seen, most frequent first.
    pub forms: Vec<FormCount>,
    /// `path:line` of the first occurrence.
    pub first: String,
    pub context: Kwic,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormCount {
    pub text: String,
    pub count: u64,
}

/// Usage added up over a corpus.
#[derive(Debug, Default)]
pub struct UsageTable {
    uses: Vec<TermUse>,
    index: HashMap<usize, usize>,
    pub documents: u64,
}

impl UsageTable {
    pub fn new() -> UsageTable {
        UsageTable::default()
    }

    /// Adds one document's summary; call in input order.
    pub fn add(&mut self, matcher: &Matcher, doc: DocUsage) {
        self.documents += 1;
        for (entry, u) in doc.uses {
            let i = *self.index.entry(entry).or_insert_with(|| {
                self.uses.push(TermUse {
                    entry,
                    id: matcher.glossary().entries[entry].id.clone(),
                    occurrences: 0,
                    documents: 0,
                    forms: Vec::new(),
                    first: format!("{}:{}", doc.path, u.line),
                    context: u.context.clone(),
                });
                self.uses.len() - 1
            });
            let t = &mut self.uses[i];
            t.occurrences += u.occurrences;
            t.documents += 1;
            for (f, n) in u.forms {
                // Forms differing only in case are one form, shown as first seen.
                match t
                    .forms
                    .iter_mut()
                    .find(|x| x.text.to_lowercase() == f.to_lowercase())
                {
                    Some(x) => x.count += n,
                    None => t.forms.push(FormCount { text: f, count: n }),
                }
            }
        }
    }

    /// The entries used, most frequent first (ties: more documents, then first seen).
    pub fn finish(self) -> Vec<TermUse> {
        let mut uses = self.uses;
        for u in &mut uses {
            u.forms.sort_by_key(|f| std::cmp::Reverse(f.count));
        }
        uses.sort_by_key(|u| std::cmp::Reverse((u.occurrences, u.documents)));
        uses
    }
}

/// Report columns of `glossary build --format csv`.
pub const REPORT_COLUMNS: &[&str] = &[
    "id",
    "zh",
    "pinyin",
    "en",
    "category",
    "occurrences",
    "documents",
    "forms",
    "first",
    "context",
];

/// Writes the usage report as CSV: one row per entry used.
pub fn write_report_csv(
    uses: &[TermUse],
    matcher: &Matcher,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(REPORT_COLUMNS)?;
    for u in uses {
        let e = &matcher.glossary().entries[u.entry];
        w.write_record([
            e.id.as_str(),
            &e.zh,
            &e.pinyin,
            &e.en,
            &e.category,
            &u.occurrences.to_string(),
            &u.documents.to_string(),
            &format_forms(&u.forms),
            &u.first,
            &u.context.to_string(),
        ])?;
    }
    w.flush()
}

/// `text×count|text×count`, most frequent first.
pub fn format_forms(forms: &[FormCount]) -> String {
    forms
        .iter()
        .map(|f| format!("{}×{}", f.text, f.count))
        .collect::<Vec<_>>()
        .join("|")
}

/// A report row as JSON: the entry's fields and its use.
#[derive(Debug, Serialize, Deserialize)]
pub struct UsageRecord {
    pub entry: super::json::EntryRecord,
    #[serde(flatten)]
    pub usage: TermUse,
}

/// Writes the usage report as a JSON array.
pub fn write_report_json(
    uses: &[TermUse],
    matcher: &Matcher,
    out: &mut dyn Write,
) -> io::Result<()> {
    let records: Vec<UsageRecord> = uses
        .iter()
        .map(|u| UsageRecord {
            entry: (&matcher.glossary().entries[u.entry]).into(),
            usage: u.clone(),
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &records)?;
    writeln!(out)
}

/// The entries used, in report order (for `--format glossary`, `md`, `html`).
pub fn used_entries<'a>(uses: &[TermUse], matcher: &'a Matcher) -> Vec<&'a Entry> {
    uses.iter()
        .map(|u| &matcher.glossary().entries[u.entry])
        .collect()
}
