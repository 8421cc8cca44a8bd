//! `tifa glossary build`: the glossary of the terms a corpus actually uses — which entries
//! occur, how often and in how many documents, in which surface forms, and where first, with
//! a keyword-in-context snippet.
//!
//! Each document is summarized on its own ([`summarize`]), then the summaries are added up
//! in input order ([`UsageTable::add`]), so "first occurrence" means first in input order.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::annotate::annotate;
use crate::glossary::{Entry, Glossary};
use crate::matcher::{MatchOptions, Matcher};
use crate::text::snippet::{squash, Kwic};

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
    let located = annotate(matcher, text, MatchOptions::default()).spans;
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
    /// The entry's id.
    pub id: String,
    /// Occurrences in the corpus.
    pub occurrences: u64,
    /// Documents it occurs in.
    pub documents: u64,
    /// The surface forms seen, most frequent first.
    pub forms: Vec<FormCount>,
    /// `path:line` of the first occurrence.
    pub first: String,
    /// The first occurrence in context.
    pub context: Kwic,
}

/// A surface form and how often the corpus uses it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormCount {
    /// The form as written (whitespace collapsed).
    pub text: String,
    /// Its occurrences.
    pub count: u64,
}

/// Usage added up over a corpus.
#[derive(Debug, Default)]
pub struct UsageTable {
    uses: Vec<TermUse>,
    index: HashMap<usize, usize>,
    /// Documents added.
    pub documents: u64,
}

impl UsageTable {
    /// An empty table.
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

/// The entries used, in report order (for `--format glossary`, `md`, `html`).
pub fn used_entries<'a>(uses: &[TermUse], glossary: &'a Glossary) -> Vec<&'a Entry> {
    uses.iter().map(|u| &glossary.entries[u.entry]).collect()
}
