//! Renderers: one per output format behind one trait, picked through [`Format`].
//!
//! A renderer writes a whole document into a byte buffer, so parallel workers can render
//! independently and the buffers are written in input order.

mod csv;
pub mod escape;
pub mod html;
mod jsonl;
mod md;
pub mod printable;
pub mod prose;
pub mod summary;
mod text;
pub mod usage;

pub use self::csv::{CsvRenderer, CSV_HEADER};
pub use self::html::HtmlRenderer;
pub use self::jsonl::{JsonlRenderer, SpanRecord};
pub use self::md::MdRenderer;
pub use self::text::{gloss, glosses, notes, Notes, TextRenderer};

use std::path::PathBuf;

use crate::annotate::Annotation;
use crate::glossary::Glossary;

/// One input document.
#[derive(Debug, Clone, Copy)]
pub struct Document<'a> {
    /// The input's path as given (`-` for stdin); for a JSONL record, `path:line`.
    pub path: &'a str,
    /// The text, decoded.
    pub text: &'a str,
    /// For a JSONL input record: the record itself, whose fields are kept in the output.
    pub record: Option<&'a str>,
}

/// A piece of a document too long to hold whole, annotated in windows
/// ([`crate::annotate::Windowed`]) and written piece by piece.
#[derive(Debug, Clone, Copy)]
pub struct Piece<'a> {
    /// The document's path, and the piece's text (spans' byte offsets point into it).
    pub doc: Document<'a>,
    /// 0-based number of the piece.
    pub number: usize,
    /// Byte offset of the piece in the document.
    pub offset: usize,
    /// The 1-based line the piece starts on.
    pub line: usize,
    /// Whether this is the document's last piece.
    pub last: bool,
}

/// What a renderer carries from one piece of a document to the next.
#[derive(Debug, Clone, Default)]
pub struct Carry {
    /// Entries in the order their first gloss appeared (the notes of `--format text`).
    pub notes: Notes,
    /// Spans written so far.
    pub spans: u64,
    /// Bytes that follow the document's last piece, in order (JSONL's spans, which come
    /// after its text): the runner moves them aside, to disk, after each piece and writes
    /// them after the last one.
    pub tail: Vec<u8>,
}

/// Output formats of `tifa annotate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The input with a bracketed gloss after each term (`render::text`).
    Text,
    /// One JSON object per document (`render::jsonl`).
    Jsonl,
    /// One row per span (`render::csv`).
    Csv,
    /// A self-contained reading page (`render::html`).
    Html,
    /// Markdown with footnotes (`render::md`).
    Md,
}

impl Format {
    /// The renderer of this format.
    pub fn renderer(self) -> Box<dyn Render> {
        match self {
            Format::Text => Box::new(TextRenderer),
            Format::Jsonl => Box::new(JsonlRenderer),
            Format::Csv => Box::new(CsvRenderer),
            Format::Html => Box::new(HtmlRenderer),
            Format::Md => Box::new(MdRenderer),
        }
    }
}

/// One document's output page in a folder of outputs, for the corpus page.
#[derive(Debug, Clone)]
pub struct IndexDoc {
    /// The input's path as given.
    pub path: String,
    /// The page, relative to the output folder.
    pub page: PathBuf,
    /// Occurrences per entry (index into the glossary).
    pub counts: Vec<(usize, u32)>,
    /// Whether the page holds this one document, so its term anchors can be linked; a JSONL
    /// input's page holds one article per record and is linked as a whole.
    pub anchored: bool,
}

/// How much output a renderer holds before it spills ([`Render::document_spilled`],
/// [`Render::piece`]).
pub const SPILL_AT: usize = 4 << 20;

/// Where a renderer hands what it has written so far, when it may ([`SPILL_AT`]).
pub type Spill<'a> = Option<&'a mut dyn FnMut(&[u8])>;

/// Hands `out` to `spill` when it holds [`SPILL_AT`] bytes or more; true when it did, and
/// the caller then clears `out`.
pub(crate) fn spill_full(out: &[u8], spill: &mut Spill<'_>) -> bool {
    match spill {
        Some(spill) if out.len() >= SPILL_AT => {
            spill(out);
            true
        }
        _ => false,
    }
}

/// [`spill_full`] for a renderer that writes text: `s` handed to `spill` and cleared.
pub(crate) fn spill_text(s: &mut String, spill: &mut Spill<'_>) {
    if spill_full(s.as_bytes(), spill) {
        s.clear();
    }
}

/// [`write_str`] for a renderer that may spill: what `out` holds is handed out first (the
/// text is written in place only into an empty buffer), and no more is reserved than is
/// held before it spills.
pub(crate) fn write_str_spilling<'s>(
    out: &mut Vec<u8>,
    mut reserve: usize,
    mut spill: Spill<'s>,
    write: impl FnOnce(&mut String, Spill<'s>),
) {
    if let Some(spill) = spill.as_mut() {
        if !out.is_empty() {
            spill(out);
            out.clear();
        }
        reserve = reserve.min(SPILL_AT * 2);
    }
    write_str(out, reserve, |s| write(s, spill));
}

/// Runs `write` with `out` as a `String` when `out` is empty (each document and each piece
/// of a streamed one is rendered into a buffer of its own), so that a renderer that writes
/// text appends to the output in place. Written into a `String` of its own and then copied,
/// a dense document's page was held twice: 126 MB of HTML for every MiB of Chinese text with
/// CC-CEDICT, and a fresh allocation that size costs its pages' faults each time.
pub(crate) fn write_str(out: &mut Vec<u8>, reserve: usize, write: impl FnOnce(&mut String)) {
    if out.is_empty() {
        // An empty buffer is valid UTF-8, and keeps its capacity through the conversions.
        if let Ok(mut s) = String::from_utf8(std::mem::take(out)) {
            s.reserve(reserve);
            write(&mut s);
            // A guess well over what was written is not held past the document.
            if s.capacity() > 2 * s.len() + 4096 {
                s.shrink_to_fit();
            }
            *out = s.into_bytes();
            return;
        }
    }
    let mut s = String::with_capacity(reserve);
    write(&mut s);
    out.extend_from_slice(s.as_bytes());
}

/// Writes annotated documents in one format. The runner calls these hooks and names no
/// format: what differs between formats is here.
pub trait Render: Sync + Send {
    /// File extension of the outputs written into a folder.
    fn extension(&self) -> &'static str;
    /// Written once before the first document of an output (a CSV header, say).
    fn begin(&self, _out: &mut Vec<u8>) {}
    /// Writes one document, held whole.
    fn document(
        &self,
        doc: &Document<'_>,
        ann: &Annotation,
        glossary: &Glossary,
        out: &mut Vec<u8>,
    ) {
        self.document_spilled(doc, ann, glossary, out, None);
    }
    /// Writes one document. With a `spill`, what is written so far is handed to it (which
    /// writes it out) and `out` cleared whenever `out` passes [`SPILL_AT`] (`spill_full`),
    /// so that a document's output is not held whole: every format does so, as any can be
    /// many times the text with a dense glossary.
    fn document_spilled(
        &self,
        doc: &Document<'_>,
        ann: &Annotation,
        glossary: &Glossary,
        out: &mut Vec<u8>,
        spill: Spill<'_>,
    );
    /// Writes one piece of a document read in windows. By default each piece is written as
    /// a document of its own, named by its number and first line (HTML's articles,
    /// Markdown's sections): the pieces' texts together are the document's text.
    ///
    /// What the renderer spills ([`Render::document_spilled`]) goes to `spill`, which writes
    /// it out: the piece is not held whole.
    fn piece(
        &self,
        piece: &Piece<'_>,
        ann: &Annotation,
        glossary: &Glossary,
        _carry: &mut Carry,
        out: &mut Vec<u8>,
        spill: &mut dyn FnMut(&[u8]),
    ) {
        let path = format!(
            "{} \u{b7} part {}, from line {}",
            piece.doc.path,
            piece.number + 1,
            piece.line
        );
        let doc = Document {
            path: &path,
            ..piece.doc
        };
        self.document_spilled(&doc, ann, glossary, out, Some(spill));
    }
    /// Whether the output shows where a document read in windows was cut into pieces (by
    /// default, a part each). Where it does not, the pieces may be cut at any size: small at
    /// the start and end of a long input, so that the workers start early and finish
    /// together ([`crate::annotate::Windowed::pieces_for`]); where it does, every piece
    /// but the last is a whole region, the same parts on every run.
    fn shows_pieces(&self) -> bool {
        true
    }
    /// Whether a piece is rendered apart from the pieces before it, on a worker, with a
    /// [`Carry`] of its own that [`Render::join`] then joins to theirs: every format but
    /// one whose pieces depend on what came before (text's notes, numbered as they come).
    fn pieces_apart(&self) -> bool {
        true
    }
    /// Joins what a piece rendered apart carries (`piece`) to what the pieces before it
    /// carried.
    fn join(&self, carry: &mut Carry, piece: Carry) {
        carry.spans += piece.spans;
        carry.tail.extend_from_slice(&piece.tail);
    }
    /// Written once after the last document of an output.
    fn end(&self, _out: &mut Vec<u8>) {}
    /// Bytes of an input line that holds no usable record (no text, not JSON, not UTF-8), its
    /// line end given apart: formats that carry records keep them (JSONL), others write
    /// nothing.
    fn pass_through(&self, _line: &[u8], _out: &mut Vec<u8>) {}
    /// The file name of the corpus page written beside the documents' outputs in a folder
    /// (HTML's `index.html`), for formats that have one.
    fn corpus_page(&self) -> Option<&'static str> {
        None
    }
    /// Writes the corpus page over the documents' pages.
    fn corpus(&self, _docs: &[IndexDoc], _glossary: &Glossary, _out: &mut Vec<u8>) {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::{MatchOptions, Matcher};

    /// Every format's document spilled is the document held whole, handed out in parts, none
    /// much over [`SPILL_AT`], after what the buffer held: over many lines, and over one
    /// long line.
    #[test]
    fn a_document_spilled_is_the_document_held_whole() {
        let matcher = Matcher::new(Glossary::builtin()).unwrap();
        // The long line's output alone is over SPILL_AT in every format.
        let text = "查处保护伞。\n".repeat(40_000) + &"查处保护伞。".repeat(150_000);
        let ann = crate::annotate(&matcher, &text, MatchOptions::default());
        let doc = Document {
            path: "dense.txt",
            text: &text,
            record: None,
        };
        for format in [
            Format::Html,
            Format::Jsonl,
            Format::Csv,
            Format::Text,
            Format::Md,
        ] {
            let r = format.renderer();
            let mut whole = b"<before>".to_vec();
            r.document(&doc, &ann, matcher.glossary(), &mut whole);
            let (mut spilled, mut parts) = (Vec::new(), Vec::new());
            let mut out = b"<before>".to_vec();
            let mut spill = |b: &[u8]| {
                parts.push(b.len());
                spilled.extend_from_slice(b);
            };
            r.document_spilled(&doc, &ann, matcher.glossary(), &mut out, Some(&mut spill));
            spilled.extend_from_slice(&out);
            assert!(spilled == whole, "{format:?}: the spilled parts differ");
            assert!(!parts.is_empty(), "{format:?}: never spilled");
            assert!(
                parts
                    .iter()
                    .chain([&out.len()])
                    .all(|&n| n < SPILL_AT + 4096),
                "{format:?}: {parts:?}, then {}",
                out.len()
            );
        }
    }
}
