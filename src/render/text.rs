//! `--format text`: the input unchanged, each span followed by a short bracketed gloss with
//! a note number; after the document, the numbered notes give each entry's definition once.

use super::{Carry, Document, Piece, Render};
use crate::annotate::Annotation;
use crate::glossary::{Entry, FormKind, Glossary};

/// The input text with a short gloss after each term and the entries' notes after it.
pub struct TextRenderer;

/// The bracketed gloss after a span: what the reader lacks, and the number of the entry's
/// note. An English match gets the Chinese and pinyin; a literal or alternative rendering
/// also the preferred English; a Chinese match the pinyin and English.
pub fn gloss(entry: &Entry, form: FormKind, note: usize) -> String {
    let head = match form {
        FormKind::En => format!("{} {}", entry.zh, entry.pinyin),
        FormKind::EnAlt | FormKind::Literal => {
            format!(
                "{} {}, \u{201C}{}\u{201D}",
                entry.zh, entry.pinyin, entry.en
            )
        }
        FormKind::Zh | FormKind::ZhAlt | FormKind::ZhHant => {
            format!("{}, \u{201C}{}\u{201D}", entry.pinyin, entry.en)
        }
    };
    format!(" [{head}; note {note}]")
}

/// The notes after a document: its entries in the order their first gloss appears, each
/// its Chinese headword and definition (the glosses already give pinyin and English).
pub fn notes(entries: &[&Entry]) -> String {
    let mut s = String::from("\nNotes\n");
    for (i, e) in entries.iter().enumerate() {
        s.push_str(&format!("{}. {}: {}\n", i + 1, e.zh, e.definition));
    }
    s
}

/// The glosses of a document's spans (indexed like `ann.spans`) and its notes (empty when
/// it has no span).
pub fn glosses<'g>(ann: &Annotation, glossary: &'g Glossary) -> (Vec<String>, Vec<&'g Entry>) {
    let mut glosses = vec![String::new(); ann.spans.len()];
    let mut entries: Vec<&Entry> = Vec::new();
    for (_, i) in gloss_order(ann) {
        let l = &ann.spans[i];
        let entry = &glossary.entries[l.span.entry];
        let note = match entries.iter().position(|e| std::ptr::eq(*e, entry)) {
            Some(k) => k + 1,
            None => {
                entries.push(entry);
                entries.len()
            }
        };
        glosses[i] = gloss(entry, l.form(), note);
    }
    (glosses, entries)
}

/// Glosses go after the end of each span; nested spans (with --overlapping) are glossed in
/// the order they end: (end, index into `ann.spans`).
fn gloss_order(ann: &Annotation) -> Vec<(usize, usize)> {
    let mut ends: Vec<(usize, usize)> = ann
        .spans
        .iter()
        .enumerate()
        .map(|(i, l)| (l.span.end, i))
        .collect();
    ends.sort_unstable();
    ends
}

impl Render for TextRenderer {
    /// A document read in windows: its text and glosses as its pieces come, numbered across
    /// the pieces, and the notes after the last.
    fn piece(
        &self,
        piece: &Piece<'_>,
        ann: &Annotation,
        glossary: &Glossary,
        carry: &mut Carry,
        out: &mut Vec<u8>,
    ) {
        let text = piece.doc.text.as_bytes();
        let mut pos = 0;
        for (end, i) in gloss_order(ann) {
            let l = &ann.spans[i];
            let note = match carry.notes.iter().position(|&e| e == l.span.entry) {
                Some(k) => k + 1,
                None => {
                    carry.notes.push(l.span.entry);
                    carry.notes.len()
                }
            };
            out.extend_from_slice(&text[pos..end]);
            out.extend_from_slice(
                gloss(&glossary.entries[l.span.entry], l.form(), note).as_bytes(),
            );
            pos = end;
        }
        out.extend_from_slice(&text[pos..]);
        if piece.last && !carry.notes.is_empty() {
            if !text.ends_with(b"\n") {
                out.push(b'\n');
            }
            let entries: Vec<&Entry> = carry.notes.iter().map(|&e| &glossary.entries[e]).collect();
            out.extend_from_slice(notes(&entries).as_bytes());
        }
    }

    fn extension(&self) -> &'static str {
        "txt"
    }

    fn document(
        &self,
        doc: &Document<'_>,
        ann: &Annotation,
        glossary: &Glossary,
        out: &mut Vec<u8>,
    ) {
        let (glosses, entries) = glosses(ann, glossary);
        let mut pos = 0;
        for (end, i) in gloss_order(ann) {
            out.extend_from_slice(&doc.text.as_bytes()[pos..end]);
            out.extend_from_slice(glosses[i].as_bytes());
            pos = end;
        }
        out.extend_from_slice(&doc.text.as_bytes()[pos..]);
        if !entries.is_empty() {
            if !doc.text.ends_with('\n') {
                out.push(b'\n');
            }
            out.extend_from_slice(notes(&entries).as_bytes());
        }
    }
}
