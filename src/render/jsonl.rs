//! `--format jsonl`: one JSON object per document (the record of `DESIGN.md`).
//!
//! The wire structs are separate from the domain types, so the schema is stated in one place.

use serde::{Deserialize, Serialize};

use super::{Carry, Document, Piece, Render};
use crate::annotate::Annotation;
use crate::glossary::Glossary;

/// One span of the `spans` array. Offsets are code points into `text`, end exclusive; byte
/// offsets are given too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanRecord {
    /// Code-point offset of the start.
    pub start: usize,
    /// Code-point offset of the end, exclusive.
    pub end: usize,
    /// Byte offset of the start.
    pub byte_start: usize,
    /// Byte offset of the end, exclusive.
    pub byte_end: usize,
    /// The text of the span.
    pub text: String,
    /// The entry's category.
    pub label: String,
    /// The entry's id.
    pub kb_id: String,
    /// The entry's Chinese headword.
    pub zh: String,
    /// Its pinyin.
    pub pinyin: String,
    /// Its preferred English rendering.
    pub en: String,
    /// Which kind of surface form matched: zh, zh_alt, zh_hant, en, en_alt, literal.
    pub form: String,
}

#[derive(Serialize)]
struct SpanOut<'a> {
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
    text: &'a str,
    label: &'a str,
    kb_id: &'a str,
    zh: &'a str,
    pinyin: &'a str,
    en: &'a str,
    form: &'a str,
}

#[derive(Serialize)]
struct DocOut<'a> {
    path: &'a str,
    text: &'a str,
    spans: Vec<SpanOut<'a>>,
}

/// One JSON object per document: its path (or, for JSONL input, its record's fields), its text and its spans.
pub struct JsonlRenderer;

fn spans<'a>(doc: &Document<'a>, ann: &Annotation, glossary: &'a Glossary) -> Vec<SpanOut<'a>> {
    ann.spans
        .iter()
        .map(|l| {
            let e = &glossary.entries[l.span.entry];
            SpanOut {
                start: l.char_start,
                end: l.char_end,
                byte_start: l.span.start,
                byte_end: l.span.end,
                text: &doc.text[l.byte_range()],
                label: &e.category,
                kb_id: &e.id,
                zh: &e.zh,
                pinyin: &e.pinyin,
                en: &e.en,
                form: l.form().as_str(),
            }
        })
        .collect()
}

impl Render for JsonlRenderer {
    /// A document read in windows is the record a whole one gets, byte for byte: its text
    /// is written as its pieces come, its spans go to the tail (they follow the text).
    fn piece(
        &self,
        piece: &Piece<'_>,
        ann: &Annotation,
        glossary: &Glossary,
        carry: &mut Carry,
        out: &mut Vec<u8>,
    ) {
        if piece.number == 0 {
            out.extend_from_slice(b"{\"path\":");
            serde_json::to_writer(&mut *out, piece.doc.path).expect("writing to a Vec cannot fail");
            out.extend_from_slice(b",\"text\":\"");
            carry.tail.extend_from_slice(b",\"spans\":[");
        }
        // JSON escapes character by character, so the pieces' escaped texts, quotes left
        // off, make the whole text's.
        let text = serde_json::to_vec(piece.doc.text).expect("a string serializes");
        out.extend_from_slice(&text[1..text.len() - 1]);
        for mut s in spans(&piece.doc, ann, glossary) {
            if carry.spans > 0 {
                carry.tail.push(b',');
            }
            carry.spans += 1;
            s.byte_start += piece.offset;
            s.byte_end += piece.offset;
            serde_json::to_writer(&mut carry.tail, &s).expect("writing to a Vec cannot fail");
        }
        if piece.last {
            out.push(b'"');
            carry.tail.extend_from_slice(b"]}\n");
        }
    }

    /// A line without a usable record passes through unchanged, so nothing the user gave is
    /// lost and output lines stay in step with input lines.
    fn pass_through(&self, line: &[u8], out: &mut Vec<u8>) {
        out.extend_from_slice(line);
    }

    fn extension(&self) -> &'static str {
        "jsonl"
    }

    fn document(
        &self,
        doc: &Document<'_>,
        ann: &Annotation,
        glossary: &Glossary,
        out: &mut Vec<u8>,
    ) {
        let spans = spans(doc, ann, glossary);
        match doc.record {
            // Keep the input record byte for byte and append `spans` before its closing brace.
            Some(record) => {
                let body = record.trim_end();
                let body = &body[..body.len() - 1]; // the caller checked it is an object
                out.extend_from_slice(body.trim_end().as_bytes());
                if !body.trim_end().ends_with('{') {
                    out.push(b',');
                }
                out.extend_from_slice(b"\"spans\":");
                serde_json::to_writer(&mut *out, &spans).expect("writing to a Vec cannot fail");
                out.push(b'}');
            }
            None => {
                let d = DocOut {
                    path: doc.path,
                    text: doc.text,
                    spans,
                };
                serde_json::to_writer(&mut *out, &d).expect("writing to a Vec cannot fail");
            }
        }
        out.push(b'\n');
    }
}
