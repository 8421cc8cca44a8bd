//! `--format jsonl`: one JSON object per document (the record of `DESIGN.md`).
//!
//! The wire structs are separate from the domain types, so the schema is stated in one place.

use serde::{Deserialize, Serialize};

use super::{spill_full, Carry, Document, Piece, Render, Spill};
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

/// A span as written. `Serialize` states the record's shape; [`SpanOut::write`] writes it
/// byte for byte as serde_json would (the tests hold it to that).
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

impl SpanOut<'_> {
    /// Appends the span's JSON object to `out`. serde_json escapes a string a byte at a
    /// time through a table and writes a field through its serializer's state: on English
    /// text with a span every 300 bytes that was a twentieth of a JSONL run's time.
    fn write(&self, out: &mut Vec<u8>) {
        let mut number = |name: &[u8], n: usize| {
            out.extend_from_slice(name);
            out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
        };
        number(b"{\"start\":", self.start);
        number(b",\"end\":", self.end);
        number(b",\"byte_start\":", self.byte_start);
        number(b",\"byte_end\":", self.byte_end);
        let fields: [(&[u8], &str); 7] = [
            (b",\"text\":\"", self.text),
            (b"\",\"label\":\"", self.label),
            (b"\",\"kb_id\":\"", self.kb_id),
            (b"\",\"zh\":\"", self.zh),
            (b"\",\"pinyin\":\"", self.pinyin),
            (b"\",\"en\":\"", self.en),
            (b"\",\"form\":\"", self.form),
        ];
        for (name, value) in fields {
            out.extend_from_slice(name);
            escape_into(value, out);
        }
        out.extend_from_slice(b"\"}");
    }
}

/// One JSON object per document: its path (or, for JSONL input, its record's fields), its
/// text and its spans.
pub struct JsonlRenderer;

/// A document's spans as records, one at a time (with a dense glossary, all at once were
/// several times the text).
fn spans<'a>(
    doc: &Document<'a>,
    ann: &'a Annotation,
    glossary: &'a Glossary,
) -> impl Iterator<Item = SpanOut<'a>> + 'a {
    let text = doc.text;
    ann.spans.iter().map(|l| {
        let e = &glossary.entries[l.span.entry];
        SpanOut {
            start: l.char_start,
            end: l.char_end,
            byte_start: l.span.start,
            byte_end: l.span.end,
            text: &text[l.byte_range()],
            label: &e.category,
            kb_id: &e.id,
            zh: &e.zh,
            pinyin: &e.pinyin,
            en: &e.en,
            form: l.form().as_str(),
        }
    })
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
        _spill: &mut dyn FnMut(&[u8]),
    ) {
        if piece.number == 0 {
            begin(piece.doc.path, out);
            carry.tail.extend_from_slice(b",\"spans\":[");
        }
        // JSON escapes character by character, so the pieces' escaped texts make the whole
        // text's.
        escape_into(piece.doc.text, out);
        for mut s in spans(&piece.doc, ann, glossary) {
            if carry.spans > 0 {
                carry.tail.push(b',');
            }
            carry.spans += 1;
            s.byte_start += piece.offset;
            s.byte_end += piece.offset;
            s.write(&mut carry.tail);
        }
        if piece.last {
            out.push(b'"');
            carry.tail.extend_from_slice(b"]}\n");
        }
    }

    /// The spans of a piece rendered apart follow those before it after a comma.
    fn join(&self, carry: &mut Carry, piece: Carry) {
        if carry.spans > 0 && piece.spans > 0 {
            carry.tail.push(b',');
        }
        carry.spans += piece.spans;
        carry.tail.extend_from_slice(&piece.tail);
    }

    /// A line without a usable record passes through unchanged, so nothing the user gave is
    /// lost and output lines stay in step with input lines.
    fn pass_through(&self, line: &[u8], out: &mut Vec<u8>) {
        out.extend_from_slice(line);
    }

    fn extension(&self) -> &'static str {
        "jsonl"
    }

    fn shows_pieces(&self) -> bool {
        false
    }

    /// A record's spans are some 34 times its text with CC-CEDICT over Chinese: they are
    /// written one at a time, as serde_json writes the array of them.
    fn document_spilled(
        &self,
        doc: &Document<'_>,
        ann: &Annotation,
        glossary: &Glossary,
        out: &mut Vec<u8>,
        mut spill: Spill<'_>,
    ) {
        let mut spans_into = |out: &mut Vec<u8>| {
            out.push(b'[');
            for (k, s) in spans(doc, ann, glossary).enumerate() {
                if k > 0 {
                    out.push(b',');
                }
                s.write(out);
                if spill_full(out, &mut spill) {
                    out.clear();
                }
            }
            out.push(b']');
        };
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
                spans_into(out);
                out.push(b'}');
            }
            None => {
                begin(doc.path, out);
                escape_into(doc.text, out);
                out.extend_from_slice(b"\",\"spans\":");
                spans_into(out);
                out.push(b'}');
            }
        }
        out.push(b'\n');
    }
}

/// Opens a document's record, up to its text's first character: `{"path":…,"text":"`.
fn begin(path: &str, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\"path\":");
    serde_json::to_writer(&mut *out, path).expect("writing to a Vec cannot fail");
    out.extend_from_slice(b",\"text\":\"");
}

/// Writes `text` as the inside of a JSON string, byte for byte as serde_json writes it. The
/// runs with nothing to escape are found eight bytes at a time: serde_json looks each byte
/// up in a table, and on English text that was a fifth of the time of a JSONL run.
fn escape_into(text: &str, out: &mut Vec<u8>) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Whether a byte of `w` is zero, or below 0x20: exact as a yes or no.
    let zero = |w: u64| w.wrapping_sub(ONES) & !w & HIGH;
    let control = |w: u64| w.wrapping_sub(ONES * 0x20) & !w & HIGH;
    let bytes = text.as_bytes();
    let (mut copied, mut i) = (0, 0);
    while i < bytes.len() {
        if let Some(eight) = bytes
            .get(i..i + 8)
            .and_then(|b| <[u8; 8]>::try_from(b).ok())
        {
            let w = u64::from_le_bytes(eight);
            let quote = zero(w ^ (ONES * u64::from(b'"')));
            let backslash = zero(w ^ (ONES * u64::from(b'\\')));
            if control(w) | quote | backslash == 0 {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        let short = match b {
            b'"' => b'"',
            b'\\' => b'\\',
            0x08 => b'b',
            b'\t' => b't',
            b'\n' => b'n',
            0x0C => b'f',
            b'\r' => b'r',
            0x00..=0x1F => 0,
            _ => {
                i += 1;
                continue;
            }
        };
        out.extend_from_slice(&bytes[copied..i]);
        if short != 0 {
            out.extend_from_slice(&[b'\\', short]);
        } else {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            let (hi, lo) = (HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xF)]);
            out.extend_from_slice(&[b'\\', b'u', b'0', b'0', hi, lo]);
        }
        i += 1;
        copied = i;
    }
    out.extend_from_slice(&bytes[copied..]);
}

#[cfg(test)]
mod tests {
    use super::{escape_into, SpanOut};
    use proptest::prelude::*;

    fn serde(text: &str) -> Vec<u8> {
        let quoted = serde_json::to_vec(text).unwrap();
        quoted[1..quoted.len() - 1].to_vec()
    }

    fn escaped(text: &str) -> Vec<u8> {
        let mut out = Vec::new();
        escape_into(text, &mut out);
        out
    }

    /// Every ASCII character and some wider ones, at every place in an eight-byte step.
    #[test]
    fn text_is_escaped_as_serde_json_escapes_it() {
        let chars = (0u8..0x80)
            .map(char::from)
            .chain(['é', '保', '\u{7f}', '😀']);
        for c in chars {
            for at in 0..17 {
                let text = format!("{}{c}{}", "a".repeat(at), "b".repeat(17 - at));
                assert_eq!(escaped(&text), serde(&text), "{c:?} at {at}");
            }
        }
        assert_eq!(escaped(""), b"");
    }

    proptest! {
        #[test]
        fn a_span_is_written_as_serde_json_writes_it(
            numbers in proptest::array::uniform4(any::<usize>()),
            strings in proptest::array::uniform7("(\\PC|[\\x00-\\x1f\"\\\\]|[a-z ]{0,8}){0,6}"),
        ) {
            let span = SpanOut {
                start: numbers[0],
                end: numbers[1],
                byte_start: numbers[2],
                byte_end: numbers[3],
                text: &strings[0],
                label: &strings[1],
                kb_id: &strings[2],
                zh: &strings[3],
                pinyin: &strings[4],
                en: &strings[5],
                form: &strings[6],
            };
            let mut written = Vec::new();
            span.write(&mut written);
            prop_assert_eq!(written, serde_json::to_vec(&span).unwrap());
        }

        #[test]
        fn any_text_is_escaped_as_serde_json_escapes_it(
            text in "(\\PC|[\\x00-\\x1f\"\\\\]|[a-z ]{0,12}){0,40}",
        ) {
            prop_assert_eq!(escaped(&text), serde(&text));
        }
    }
}
