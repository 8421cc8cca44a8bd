//! `--summary FILE`: per document, how often each entry occurs. CSV in long form (one row
//! per document and entry: `path,kb_id,zh,en,count`), or JSON
//! (`[{"path": …, "counts": {"kb_id": n, …}}, …]`), streamed as documents finish.

use std::io::{self, Write};

use serde::Serialize;

use super::escape::csv_cell;
use crate::glossary::Glossary;

/// Writes the summary as documents finish.
pub struct SummaryWriter<W: Write> {
    out: W,
    json: bool,
    first: bool,
}

#[derive(Serialize)]
struct JsonDoc<'a> {
    path: &'a str,
    counts: std::collections::BTreeMap<&'a str, u32>,
}

impl<W: Write> SummaryWriter<W> {
    /// Starts a summary (`json`, or CSV) on `out`.
    pub fn new(mut out: W, json: bool) -> io::Result<Self> {
        if json {
            out.write_all(b"[")?;
        } else {
            out.write_all(b"path,kb_id,zh,en,count\n")?;
        }
        Ok(SummaryWriter {
            out,
            json,
            first: true,
        })
    }

    /// One document's counts: (entry index, occurrences), sorted by entry index.
    pub fn document(
        &mut self,
        path: &str,
        counts: &[(usize, u32)],
        glossary: &Glossary,
    ) -> io::Result<()> {
        let entries = &glossary.entries;
        if self.json {
            let doc = JsonDoc {
                path,
                counts: counts
                    .iter()
                    .map(|&(e, n)| (entries[e].id.as_str(), n))
                    .collect(),
            };
            self.out
                .write_all(if self.first { b"\n" } else { b",\n" })?;
            serde_json::to_writer(&mut self.out, &doc)?;
        } else {
            let mut w = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(&mut self.out);
            for &(e, n) in counts {
                let entry = &entries[e];
                w.write_record([
                    &*csv_cell(path),
                    &csv_cell(&entry.id),
                    &csv_cell(&entry.zh),
                    &csv_cell(&entry.en),
                    &n.to_string(),
                ])?;
            }
            w.flush()?;
        }
        self.first = false;
        Ok(())
    }

    /// Closes the summary and returns the writer.
    /// Ends the summary and hands back the writer.
    pub fn finish(mut self) -> io::Result<W> {
        if self.json {
            self.out.write_all(b"\n]\n")?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}
