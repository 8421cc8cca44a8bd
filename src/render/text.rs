//! `--format text`: the input unchanged, each span followed by a bracketed gloss.

use super::{Document, Render};
use crate::annotate::Annotation;
use crate::glossary::{Entry, FormKind, Glossary};

/// The input text with a bracketed gloss after each term.
pub struct TextRenderer;

/// The bracketed gloss: what the reader lacks. An English match gets the Chinese and pinyin;
/// a literal or alternative rendering also the preferred English; a Chinese match the pinyin
/// and English.
pub fn gloss(entry: &Entry, form: FormKind) -> String {
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
    format!(" [{head}: {}]", entry.definition)
}

impl Render for TextRenderer {
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
        // Glosses go after the end of each span; nested spans (with --overlapping) are
        // glossed in the order they end.
        let mut ends: Vec<(usize, usize)> = ann
            .spans
            .iter()
            .enumerate()
            .map(|(i, l)| (l.span.end, i))
            .collect();
        ends.sort_unstable();
        let mut pos = 0;
        for (end, i) in ends {
            out.extend_from_slice(&doc.text.as_bytes()[pos..end]);
            let l = &ann.spans[i];
            out.extend_from_slice(gloss(&glossary.entries[l.span.entry], l.form()).as_bytes());
            pos = end;
        }
        out.extend_from_slice(&doc.text.as_bytes()[pos..]);
    }
}
