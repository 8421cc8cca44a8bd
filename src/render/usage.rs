//! The reports of `tifa glossary build`: the terms a corpus uses as CSV rows or a JSON array.

use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use super::escape::csv_cell;
use crate::glossary::exchange::json::EntryRecord;
use crate::glossary::Glossary;
use crate::usage::{FormCount, TermUse};

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
    glossary: &Glossary,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(REPORT_COLUMNS)?;
    for u in uses {
        let e = &glossary.entries[u.entry];
        w.write_record([
            &*csv_cell(&e.id),
            &csv_cell(&e.zh),
            &csv_cell(&e.pinyin),
            &csv_cell(&e.en),
            &csv_cell(&e.category),
            &u.occurrences.to_string(),
            &u.documents.to_string(),
            &csv_cell(&format_forms(&u.forms)),
            &csv_cell(&u.first),
            &csv_cell(&u.context.to_string()),
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
    /// The entry's fields.
    pub entry: EntryRecord,
    /// Its use in the corpus.
    #[serde(flatten)]
    pub usage: TermUse,
}

/// Writes the usage report as a JSON array.
pub fn write_report_json(
    uses: &[TermUse],
    glossary: &Glossary,
    out: &mut dyn Write,
) -> io::Result<()> {
    let records: Vec<UsageRecord> = uses
        .iter()
        .map(|u| UsageRecord {
            entry: (&glossary.entries[u.entry]).into(),
            usage: u.clone(),
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &records)?;
    writeln!(out)
}
