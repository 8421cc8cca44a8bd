//! `--format csv`: one row per span.

use rustc_hash::FxHashMap;

use super::escape::csv_cell;
use super::{spill_full, Carry, Document, Piece, Render, Spill};
use crate::annotate::Annotation;
use crate::glossary::{FormKind, Glossary};

/// The header row of CSV output.
pub const CSV_HEADER: &[&str] = &[
    "path", "line", "column", "start", "end", "text", "kb_id", "zh", "pinyin", "en", "form",
    "label",
];

/// One row per span: the document, the offsets, the entry and the form.
pub struct CsvRenderer;

impl Render for CsvRenderer {
    fn begin(&self, out: &mut Vec<u8>) {
        let mut w = ::csv::Writer::from_writer(out);
        w.write_record(CSV_HEADER)
            .expect("writing to a Vec cannot fail");
    }

    fn extension(&self) -> &'static str {
        "csv"
    }

    fn shows_pieces(&self) -> bool {
        false
    }

    /// The rows of a piece are the rows the whole document would have: lines, columns and
    /// code-point offsets count from the document's start.
    fn piece(
        &self,
        piece: &Piece<'_>,
        ann: &Annotation,
        glossary: &Glossary,
        _carry: &mut Carry,
        out: &mut Vec<u8>,
        spill: &mut dyn FnMut(&[u8]),
    ) {
        self.document_spilled(&piece.doc, ann, glossary, out, Some(spill));
    }

    /// A document's rows are some 20 times its text with CC-CEDICT over Chinese.
    fn document_spilled(
        &self,
        doc: &Document<'_>,
        ann: &Annotation,
        glossary: &Glossary,
        out: &mut Vec<u8>,
        mut spill: Spill<'_>,
    ) {
        // A row is the document's path, four numbers, the span's text, then cells that depend
        // only on the entry and the form: those are written once per document and copied
        // for every other span of the same entry and form (on Chinese text, writing each
        // row's cells afresh cost as much as the search).
        let path = {
            let mut p = Vec::new();
            cell(&mut p, csv_cell(doc.path).as_bytes());
            p
        };
        let mut tails: FxHashMap<(usize, FormKind), std::ops::Range<usize>> = FxHashMap::default();
        let mut arena: Vec<u8> = Vec::new();
        let mut num = itoa::Buffer::new();
        for l in &ann.spans {
            out.extend_from_slice(&path);
            for n in [l.line, l.column, l.char_start, l.char_end] {
                out.push(b',');
                out.extend_from_slice(num.format(n).as_bytes());
            }
            out.push(b',');
            // The span's text is the input between the offsets, exactly.
            cell(out, doc.text[l.byte_range()].as_bytes());
            let tail = tails.entry((l.span.entry, l.form())).or_insert_with(|| {
                let e = &glossary.entries[l.span.entry];
                let start = arena.len();
                // Cells from the glossary are neutralised for spreadsheets.
                for c in [
                    e.id.as_str(),
                    &e.zh,
                    &e.pinyin,
                    &e.en,
                    l.form().as_str(),
                    &e.category,
                ] {
                    arena.push(b',');
                    cell(&mut arena, csv_cell(c).as_bytes());
                }
                arena.push(b'\n');
                start..arena.len()
            });
            out.extend_from_slice(&arena[tail.clone()]);
            if spill_full(out, &mut spill) {
                out.clear();
            }
        }
    }
}

/// Appends one CSV cell as the `csv` crate writes it by default: in quotes, with quotes
/// doubled, when it holds a comma, a quote or a line break; as it is otherwise.
fn cell(out: &mut Vec<u8>, s: &[u8]) {
    if s.iter().any(|&b| matches!(b, b',' | b'"' | b'\n' | b'\r')) {
        out.push(b'"');
        for &b in s {
            if b == b'"' {
                out.push(b'"');
            }
            out.push(b);
        }
        out.push(b'"');
    } else {
        out.extend_from_slice(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::Strategy as _;

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(2048))]
        /// Rows written cell by cell are the rows the `csv` crate writes.
        #[test]
        fn cells_as_the_csv_crate_writes_them(
            row in proptest::collection::vec(
                proptest::collection::vec(proptest::sample::select(vec![
                    "a", "保护伞", ",", "\"", "\n", "\r", "\r\n", " ", "'", "=", "#", "\t", "\0",
                ]), 0..6).prop_map(|parts| parts.concat()),
                1..6,
            )
        ) {
            let mut want = Vec::new();
            {
                let mut w = ::csv::Writer::from_writer(&mut want);
                w.write_record(&row).unwrap();
                w.flush().unwrap();
            }
            let mut got = Vec::new();
            for (i, c) in row.iter().enumerate() {
                if i > 0 {
                    got.push(b',');
                }
                cell(&mut got, c.as_bytes());
            }
            got.push(b'\n');
            // A row of one empty cell is the one the crate quotes (`""`), and never ours.
            if row != [""] {
                proptest::prop_assert_eq!(got, want, "{:?}", row);
            }
        }
    }
}
