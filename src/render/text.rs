//! `--format text`: the input unchanged, each span followed by a short bracketed gloss with
//! a note number; after the document, the numbered notes give each entry's definition once.

use rustc_hash::FxHashMap;

use super::{spill_full, Carry, Document, Piece, Render, Spill};
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

/// The numbers of a document's notes: its entries in the order their first gloss appears.
/// A text that glosses tens of thousands of entries (CC-CEDICT) numbers each span by a
/// look-up, not by a scan of the entries so far.
#[derive(Debug, Clone, Default)]
pub struct Notes {
    /// Entry indices, in note order.
    order: Vec<usize>,
    /// Entry index → its note number (1-based).
    numbers: FxHashMap<usize, usize>,
}

impl Notes {
    /// The note number of entry `entry`: a new one at its first gloss.
    pub fn number(&mut self, entry: usize) -> usize {
        let next = self.order.len() + 1;
        let order = &mut self.order;
        *self.numbers.entry(entry).or_insert_with(|| {
            order.push(entry);
            next
        })
    }

    /// The entries, in note order.
    pub fn entries<'g>(&self, glossary: &'g Glossary) -> Vec<&'g Entry> {
        self.order.iter().map(|&e| &glossary.entries[e]).collect()
    }
}

/// The glosses of a document's spans (indexed like `ann.spans`) and its notes (empty when
/// it has no span).
pub fn glosses<'g>(ann: &Annotation, glossary: &'g Glossary) -> (Vec<String>, Vec<&'g Entry>) {
    let mut glosses = vec![String::new(); ann.spans.len()];
    let mut notes = Notes::default();
    for (_, i) in gloss_order(ann) {
        let l = &ann.spans[i];
        let note = notes.number(l.span.entry);
        glosses[i] = gloss(&glossary.entries[l.span.entry], l.form(), note);
    }
    (glosses, notes.entries(glossary))
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
        spill: &mut dyn FnMut(&[u8]),
    ) {
        let text = piece.doc.text;
        glossed(text, ann, glossary, &mut carry.notes, out, Some(spill));
        if piece.last {
            notes_after(text, &carry.notes, glossary, out);
        }
    }

    fn extension(&self) -> &'static str {
        "txt"
    }

    fn shows_pieces(&self) -> bool {
        false
    }

    /// A gloss's note number depends on the glosses before it, in the pieces before too.
    fn pieces_apart(&self) -> bool {
        false
    }

    /// With a dense glossary the glosses are some nine times the text.
    fn document_spilled(
        &self,
        doc: &Document<'_>,
        ann: &Annotation,
        glossary: &Glossary,
        out: &mut Vec<u8>,
        spill: Spill<'_>,
    ) {
        let mut notes = Notes::default();
        glossed(doc.text, ann, glossary, &mut notes, out, spill);
        notes_after(doc.text, &notes, glossary, out);
    }
}

/// Writes `text` with each span's gloss after it, numbering the notes in `notes` as the
/// glosses come (as [`glosses`] does), spilling as it goes when `spill` is given.
fn glossed(
    text: &str,
    ann: &Annotation,
    glossary: &Glossary,
    notes: &mut Notes,
    out: &mut Vec<u8>,
    mut spill: Spill<'_>,
) {
    let text = text.as_bytes();
    let mut pos = 0;
    for (end, i) in gloss_order(ann) {
        let l = &ann.spans[i];
        let note = notes.number(l.span.entry);
        out.extend_from_slice(&text[pos..end]);
        out.extend_from_slice(gloss(&glossary.entries[l.span.entry], l.form(), note).as_bytes());
        pos = end;
        if spill_full(out, &mut spill) {
            out.clear();
        }
    }
    out.extend_from_slice(&text[pos..]);
}

/// The notes after a document's (last) text, on a line of their own; none when nothing
/// was glossed.
fn notes_after(text: &str, numbered: &Notes, glossary: &Glossary, out: &mut Vec<u8>) {
    if numbered.order.is_empty() {
        return;
    }
    if !text.ends_with('\n') {
        out.push(b'\n');
    }
    out.extend_from_slice(notes(&numbered.entries(glossary)).as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_numbered_in_the_order_their_entries_are_first_glossed() {
        let mut notes = Notes::default();
        let got: Vec<usize> = [7, 3, 7, 9, 3, 3, 0].map(|e| notes.number(e)).to_vec();
        assert_eq!(got, [1, 2, 1, 3, 2, 2, 4]);
        assert_eq!(notes.order, [7, 3, 9, 0]);
    }
}
