//! What the renderers for people (HTML and Markdown) share: the paragraphs of a text and the
//! terms a document uses.
//!
//! A paragraph is a maximal run of non-blank lines, trimmed of the whitespace before its first
//! and after its last character; everything between two paragraphs (line breaks, blank lines,
//! indentation) is a separator.

use std::ops::Range;

use crate::annotate::Annotation;
use crate::glossary::FormKind;

/// The paragraphs of `text`, as byte ranges in order. A separator that would cut one of the
/// `keep` ranges (a span running over a blank line) does not split: the paragraphs around it
/// stay one. `keep` is sorted by start (spans are).
pub fn paragraphs(text: &str, keep: &[Range<usize>]) -> Vec<Range<usize>> {
    paragraphs_counted(text, keep, &mut 0)
}

/// [`paragraphs`], counting its steps (lines read and `keep` ranges passed) into `steps`, so
/// a test can check the work is linear in the input.
fn paragraphs_counted(text: &str, keep: &[Range<usize>], steps: &mut usize) -> Vec<Range<usize>> {
    debug_assert!(keep.windows(2).all(|w| w[0].start <= w[1].start));
    let mut out = Vec::new();
    // The `keep` ranges starting before the current line, passed once in order, and the
    // furthest end among them: a separator is kept when that end lies past the paragraph.
    // (Asking every range at every separator made long documents quadratic.)
    let (mut next_keep, mut keep_end) = (0, 0);
    // The paragraph being read: its start and the end of its last non-blank line.
    let mut open: Option<(usize, usize)> = None;
    let mut blank_since = false;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let ls = line_start;
        line_start += line.len();
        let body = line.strip_suffix('\n').unwrap_or(line);
        let trimmed = body.trim_start();
        if trimmed.trim_end().is_empty() {
            blank_since = open.is_some();
            continue;
        }
        let cs = ls + (body.len() - trimmed.len());
        let ce = ls + body.trim_end().len();
        *steps += 1;
        while next_keep < keep.len() && keep[next_keep].start < cs {
            keep_end = keep_end.max(keep[next_keep].end);
            next_keep += 1;
            *steps += 1;
        }
        open = Some(match open {
            None => (cs, ce),
            Some((ps, pe)) if blank_since && keep_end <= pe => {
                out.push(ps..pe);
                (cs, ce)
            }
            Some((ps, _)) => (ps, ce),
        });
        blank_since = false;
    }
    if let Some((ps, pe)) = open {
        out.push(ps..pe);
    }
    out
}

/// One entry's occurrences in a document.
#[derive(Debug, Clone)]
pub struct Term {
    /// Index of the entry in the glossary.
    pub entry: usize,
    /// Indices into the annotation's spans, in text order.
    pub spans: Vec<usize>,
    /// How many of the spans are literal renderings.
    pub literal: usize,
}

/// The entries a document uses, in the order they first occur.
pub fn terms(ann: &Annotation) -> Vec<Term> {
    let mut out: Vec<Term> = Vec::new();
    let mut slot = std::collections::HashMap::new();
    for (i, l) in ann.spans.iter().enumerate() {
        let k = *slot.entry(l.span.entry).or_insert_with(|| {
            out.push(Term {
                entry: l.span.entry,
                spans: Vec::new(),
                literal: 0,
            });
            out.len() - 1
        });
        let t = &mut out[k];
        t.spans.push(i);
        t.literal += (l.form() == FormKind::Literal) as usize;
    }
    out
}

/// A short stable id for a document, from its path: element ids on a page holding several
/// documents must not collide, and the corpus index must be able to compute them.
pub fn doc_key(path: &str) -> String {
    // FNV-1a: stable across runs and platforms, unlike the standard library's hasher.
    let mut h: u32 = 0x811c_9dc5;
    for b in path.bytes() {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("d{h:08x}")
}

/// What a reader should know about the kind of form that matched.
pub fn form_label(form: FormKind) -> &'static str {
    match form {
        FormKind::Zh => "Chinese headword",
        FormKind::ZhAlt => "alternative Chinese form",
        FormKind::ZhHant => "traditional Chinese form",
        FormKind::En => "preferred English rendering",
        FormKind::EnAlt => "accepted English rendering",
        FormKind::Literal => "literal rendering",
    }
}

/// Whether a text is mostly Chinese (for the `lang` of a page and its fonts).
pub fn mostly_chinese(text: &str) -> bool {
    let (mut han, mut latin) = (0usize, 0usize);
    for c in text.chars().take(20_000) {
        if crate::text::chinese::is_han(c) {
            han += 1;
        } else if c.is_alphabetic() {
            latin += 1;
        }
    }
    // A Chinese character carries about as much as a short English word.
    han * 3 > latin
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, keep: &[Range<usize>]) -> Vec<&'a str> {
        paragraphs(text, keep)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn paragraph_table() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("\n \n\t\n", &[]),
            ("one", &["one"]),
            ("one\ntwo", &["one\ntwo"]),
            ("one\n\ntwo", &["one", "two"]),
            ("  one  \n \n\n  two\n", &["one", "two"]),
            ("a\r\n\r\nb\r\n", &["a", "b"]),
            ("a\n  indented\nc\n\n\n\nd", &["a\n  indented\nc", "d"]),
            ("\u{3000}全角\n\n中文", &["全角", "中文"]),
        ];
        for (text, want) in cases {
            assert_eq!(texts(text, &[]), *want, "{text:?}");
        }
    }

    #[test]
    fn a_span_over_a_blank_line_keeps_its_paragraphs_together() {
        let text = "nail\n\ncase and more\n\nend";
        let span = 0..10;
        assert_eq!(
            texts(text, std::slice::from_ref(&span)),
            ["nail\n\ncase and more", "end"]
        );
        // A span that does not reach over the separator changes nothing.
        let span = 6..10;
        assert_eq!(
            texts(text, std::slice::from_ref(&span)),
            ["nail", "case and more", "end"]
        );
    }

    #[test]
    fn paragraphs_take_linear_work() {
        // Every paragraph holds a span, as in a long annotated document: the work must grow
        // with the text, not with paragraphs times spans.
        let steps = |n: usize| {
            let text = "a nail case here\n\n".repeat(n);
            let keep: Vec<Range<usize>> = (0..n).map(|i| i * 18 + 2..i * 18 + 11).collect();
            let mut steps = 0;
            let paras = paragraphs_counted(&text, &keep, &mut steps);
            assert_eq!(paras.len(), n);
            steps
        };
        let (small, large) = (steps(2_000), steps(8_000));
        assert!(
            large < small * 5,
            "4x the text took {large} steps, vs {small}"
        );
    }

    #[test]
    fn doc_keys_are_stable_and_distinct() {
        assert_eq!(doc_key("a.txt"), doc_key("a.txt"));
        assert_ne!(doc_key("a.txt"), doc_key("b.txt"));
        assert_eq!(doc_key("").len(), 9);
    }
}
