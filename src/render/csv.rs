//! `--format csv`: one row per span.

use super::escape::csv_cell;
use super::{Carry, Document, Piece, Render};
use crate::annotate::Annotation;
use crate::glossary::Glossary;

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

    /// The rows of a piece are the rows the whole document would have: lines, columns and
    /// code-point offsets count from the document's start.
    fn piece(
        &self,
        piece: &Piece<'_>,
        ann: &Annotation,
        glossary: &Glossary,
        _carry: &mut Carry,
        out: &mut Vec<u8>,
    ) {
        self.document(&piece.doc, ann, glossary, out);
    }

    fn document(
        &self,
        doc: &Document<'_>,
        ann: &Annotation,
        glossary: &Glossary,
        out: &mut Vec<u8>,
    ) {
        let mut w = ::csv::Writer::from_writer(out);
        let mut num = itoa::Buffer::new();
        let mut fields: [String; 4] = Default::default();
        for l in &ann.spans {
            let e = &glossary.entries[l.span.entry];
            for (f, n) in fields
                .iter_mut()
                .zip([l.line, l.column, l.char_start, l.char_end])
            {
                f.clear();
                f.push_str(num.format(n));
            }
            // Cells from the file name and the glossary are neutralised for spreadsheets; the
            // span's text is the input between the offsets, exactly.
            w.write_record([
                &*csv_cell(doc.path),
                &fields[0],
                &fields[1],
                &fields[2],
                &fields[3],
                &doc.text[l.byte_range()],
                &csv_cell(&e.id),
                &csv_cell(&e.zh),
                &csv_cell(&e.pinyin),
                &csv_cell(&e.en),
                &csv_cell(l.form().as_str()),
                &csv_cell(&e.category),
            ])
            .expect("writing to a Vec cannot fail");
        }
        w.flush().expect("writing to a Vec cannot fail");
    }
}
