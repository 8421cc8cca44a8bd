//! Annotation: a document's text and the glossary spans found in it, with every position a
//! consumer may want (byte and code-point offsets, line and column).

use crate::glossary::FormKind;
use crate::matcher::{MatchOptions, Matcher, Span};
use crate::text::snippet::Cursor;

/// A span with all its positions in the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Located {
    /// The span: byte offsets, entry and form.
    pub span: Span,
    /// Code-point offset of the start.
    pub char_start: usize,
    /// Code-point offset of the end, exclusive.
    pub char_end: usize,
    /// 1-based line of the span's start.
    pub line: usize,
    /// 1-based column of the span's start, in code points.
    pub column: usize,
}

/// A document's annotations.
#[derive(Debug, Clone, Default)]
pub struct Annotation {
    /// The spans, by start.
    pub spans: Vec<Located>,
}

impl Located {
    /// Byte offsets in the original text.
    pub fn byte_range(&self) -> std::ops::Range<usize> {
        self.span.start..self.span.end
    }

    /// Which kind of form matched.
    pub fn form(&self) -> FormKind {
        self.span.form
    }
}

/// Finds the terms of `text` and locates them.
pub fn annotate(matcher: &Matcher, text: &str, opts: MatchOptions) -> Annotation {
    let spans = matcher.find(text, opts);
    Annotation {
        spans: locate(text, &spans),
    }
}

/// Occurrences per entry: (entry index, count), sorted by entry index.
pub fn entry_counts(ann: &Annotation) -> Vec<(usize, u32)> {
    let mut ids: Vec<usize> = ann.spans.iter().map(|l| l.span.entry).collect();
    ids.sort_unstable();
    let mut out: Vec<(usize, u32)> = Vec::new();
    for id in ids {
        match out.last_mut() {
            Some((last, n)) if *last == id => *n += 1,
            _ => out.push((id, 1)),
        }
    }
    out
}

/// Adds per-entry counts into others (the records of one JSONL input share a page).
pub fn merge_counts(into: &mut Vec<(usize, u32)>, more: &[(usize, u32)]) {
    for &(entry, n) in more {
        match into.iter_mut().find(|c| c.0 == entry) {
            Some(c) => c.1 += n,
            None => into.push((entry, n)),
        }
    }
}

/// Computes code-point offsets and line/column for spans sorted by start, in one pass.
pub fn locate(text: &str, spans: &[Span]) -> Vec<Located> {
    let mut cursor = Cursor::new(text);
    spans
        .iter()
        .map(|s| {
            // Spans are sorted by start, so the cursor only moves forward.
            let at = cursor.place(s.start);
            Located {
                span: *s,
                char_start: at.chars,
                char_end: at.chars + cursor.count(&text.as_bytes()[s.start..s.end]),
                line: at.line,
                column: at.column,
            }
        })
        .collect()
}
