//! `--format md`: the text with a footnote after each span and a table of the terms at the end,
//! for GitHub, Pandoc and any CommonMark renderer.
//!
//! Layout of one document:
//!
//! ```text
//! # name
//!
//! <!-- tifa:text -->
//!
//! …the text, a footnote reference after each span…
//!
//! <!-- /tifa:text -->
//!
//! ## Terms in this text
//!
//! | # | Chinese | Pinyin | English | Category | Found as | Count |
//!
//! [^bao-hu-san]: …
//! [^bao-hu-san--literal]: …
//! ```
//!
//! Footnotes are one per entry: `[^id]`, and `[^id--literal]` for the entry's literal
//! renderings (ids never contain `--`, so the labels cannot collide). Rendered, the text
//! region's paragraphs are the input's paragraphs character for character: every character
//! Markdown, GFM or Pandoc's Markdown could read as syntax is backslash-escaped, whitespace at
//! the start and end of a line is written as character references (it would be stripped, or
//! start a code block), and a line break inside a paragraph is a hard break (`\` at the end of
//! the line). What Markdown cannot keep is the number of blank lines and the indentation
//! between paragraphs: each separator becomes one paragraph break.

use std::fmt::Write as _;

use super::prose::{self, Term};
use super::{spill_text, write_str_spilling, Document, Render, Spill};
use crate::annotate::Annotation;
use crate::glossary::{Entries, Entry, FormKind, Glossary};

/// The renderer of `--format md`.
pub struct MdRenderer;

/// Marks the start and end of the text region, for scripts and tests.
pub const TEXT_START: &str = "<!-- tifa:text -->";
pub const TEXT_END: &str = "<!-- /tifa:text -->";

impl Render for MdRenderer {
    fn extension(&self) -> &'static str {
        "md"
    }

    /// With a dense glossary (CC-CEDICT over Chinese) a page is many times its text: it
    /// spills in its text, table and footnotes as they grow.
    fn document_spilled(
        &self,
        doc: &Document<'_>,
        ann: &Annotation,
        glossary: &Glossary,
        out: &mut Vec<u8>,
        spill: Spill<'_>,
    ) {
        let reserve = doc.text.len() * 5 / 4 + ann.spans.len() * 300 + 1024;
        write_str_spilling(out, reserve, spill, |s, mut spill| {
            write_document(doc, ann, glossary, s, &mut spill)
        });
    }
}

/// An entry's footnote label: `id`, or `id--literal` for its literal renderings (ids are
/// slugs, `[a-z0-9]+(-[a-z0-9]+)*`, checked when the glossary loads).
struct Label<'a>(&'a Entry, FormKind);

impl std::fmt::Display for Label<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.id)?;
        if self.1 == FormKind::Literal {
            f.write_str("--literal")?;
        }
        Ok(())
    }
}

fn write_document(
    doc: &Document<'_>,
    ann: &Annotation,
    glossary: &Glossary,
    s: &mut String,
    spill: &mut Spill<'_>,
) {
    let entries = &glossary.entries;
    s.push_str("# ");
    let name = if doc.path == "-" {
        "Standard input"
    } else {
        doc.path
    };
    inline(s, name, true, false);
    s.push_str("\n\n");
    let terms = prose::terms(ann);
    if ann.spans.is_empty() {
        s.push_str("No glossary terms found\\.\n\n");
    } else {
        let literal: usize = terms.iter().map(|t| t.literal).sum();
        let _ = write!(
            s,
            "{} occurrence{} of {} term{}",
            ann.spans.len(),
            if ann.spans.len() == 1 { "" } else { "s" },
            terms.len(),
            if terms.len() == 1 { "" } else { "s" }
        );
        if literal > 0 {
            let _ = write!(
                s,
                ", {literal} literal rendering{} to review",
                if literal == 1 { "" } else { "s" }
            );
        }
        s.push_str("\\.\n\n");
    }
    s.push_str(TEXT_START);
    s.push_str("\n\n");
    text(doc.text, ann, glossary, s, spill);
    s.push_str(TEXT_END);
    s.push_str("\n\n");
    if terms.is_empty() {
        return;
    }
    table(doc.text, ann, &terms, entries, s, spill);
    footnotes(ann, &terms, entries, s, spill);
}

/// The text region: paragraphs, each span followed by its footnote reference.
fn text(text: &str, ann: &Annotation, glossary: &Glossary, s: &mut String, spill: &mut Spill<'_>) {
    let paras = prose::paragraphs(text, &[]);
    // Footnote references, by the byte offset they follow; one that would fall between
    // paragraphs (a span ending in whitespace) goes at the end of the paragraph before it.
    // Kept as span numbers (a dense glossary has millions of spans), labelled as written.
    let spans = &ann.spans;
    let mut refs: Vec<usize> = (0..spans.len()).collect();
    refs.sort_by_key(|&i| spans[i].span.end);
    let end = |r: usize| spans[r].span.end;
    let label = |r: usize| Label(&glossary.entries[spans[r].span.entry], spans[r].form());
    let mut ri = 0;
    for (pi, p) in paras.iter().enumerate() {
        let limit = paras.get(pi + 1).map_or(usize::MAX, |n| n.start);
        let mut lines = Vec::new();
        let mut ls = p.start;
        for line in text[p.clone()].split('\n') {
            lines.push(ls..ls + line.len());
            ls += line.len() + 1;
        }
        for (li, line) in lines.iter().enumerate() {
            let body = &text[line.clone()];
            let lead = body.len() - body.trim_start().len();
            let trail = body.trim_end().len();
            let (bs, be) = (line.start + lead, line.start + trail.max(lead));
            entities(s, &text[line.start..bs]);
            let last_line = li + 1 == lines.len();
            let (mut pos, mut at_start, mut after_ref) = (bs, true, false);
            // References of spans ending on this line; the last line also takes those ending
            // before the next paragraph.
            let stop = if last_line { limit } else { line.end + 1 };
            while ri < refs.len() && end(refs[ri]) < stop {
                spill_text(s, spill);
                let at = end(refs[ri]).clamp(pos, be);
                inline(s, &text[pos..at], at_start, after_ref);
                at_start &= at == pos;
                pos = at;
                let _ = write!(s, "[^{}]", label(refs[ri]));
                after_ref = true;
                ri += 1;
            }
            inline(s, &text[pos..be], at_start, after_ref);
            entities(s, &text[be..line.end]);
            if !last_line {
                s.push_str("\\\n");
            }
            spill_text(s, spill);
        }
        s.push_str("\n\n");
    }
    // References before the first paragraph or after the last cannot occur (spans cover
    // text), but none may be lost: every reference has its definition.
    if ri < refs.len() {
        for &r in &refs[ri..] {
            let _ = write!(s, "[^{}]", label(r));
        }
        s.push_str("\n\n");
    }
}

/// Whitespace as numeric character references, which Markdown keeps.
fn entities(s: &mut String, ws: &str) {
    for c in ws.chars() {
        let _ = write!(s, "&#{};", c as u32);
    }
}

/// Escapes inline text so that CommonMark, GFM and Pandoc's Markdown render it unchanged.
/// `line_start`: the text starts a line, where block markers (`#`, `-`, `1.`, `:` …) count;
/// `after_ref`: it follows a footnote reference, where `(` would start a link destination.
fn inline(s: &mut String, text: &str, line_start: bool, after_ref: bool) {
    let b = text.as_bytes();
    // A list marker at the start of a line: digits or letters (Pandoc's fancy lists)
    // followed by `.` or `)`.
    let mut marker_delim = None;
    if line_start {
        let run = b
            .iter()
            .take(10)
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if run > 0 && run < 10 && matches!(b.get(run), Some(b'.' | b')')) {
            marker_delim = Some(run);
        }
    }
    for (i, c) in text.char_indices() {
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '^' | '$' | '@'
            | '"' | '\'' | '!' | '{' => true,
            // An emoji shortcode (`:smile:`, Pandoc's gfm and commonmark_x) or, at the start
            // of a line, a Pandoc definition.
            ':' => (line_start && i == 0) || emoji_at(&b[i + 1..]),
            // Runs that Pandoc's smart punctuation would turn into dashes or an ellipsis.
            '-' => {
                (i > 0 && b[i - 1] == b'-') || b.get(i + 1) == Some(&b'-') || (line_start && i == 0)
            }
            '.' => {
                let run_start = b[..i].iter().rev().take_while(|&&x| x == b'.').count();
                let run_end = b[i..].iter().take_while(|&&x| x == b'.').count();
                run_start + run_end >= 3 || marker_delim == Some(i)
            }
            ')' => marker_delim == Some(i),
            '#' | '+' | '=' | '%' => line_start && i == 0,
            '(' => i == 0 && (line_start || after_ref),
            '\n' | '\r' => {
                // Only in table cells and headings, which are flattened by the caller.
                let _ = write!(s, "&#{};", c as u32);
                continue;
            }
            _ => false,
        };
        if escape {
            s.push('\\');
        }
        s.push(c);
    }
}

/// Whether the text after a `:` completes an emoji shortcode: `name:`.
fn emoji_at(rest: &[u8]) -> bool {
    let n = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'+' | b'-'))
        .count();
    n > 0 && rest.get(n) == Some(&b':')
}

/// Text for a table cell or a footnote: whitespace runs as one space, escaped.
fn flat(s: &mut String, text: &str) {
    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    inline(s, &t, false, false);
}

fn table(
    text: &str,
    ann: &Annotation,
    terms: &[Term],
    entries: &Entries,
    s: &mut String,
    spill: &mut Spill<'_>,
) {
    s.push_str("## Terms in this text\n\n");
    s.push_str("| # | Chinese | Pinyin | English | Category | Found as | Count |\n");
    s.push_str("| --: | --- | --- | --- | --- | --- | --: |\n");
    for (n, t) in terms.iter().enumerate() {
        spill_text(s, spill);
        let e = &entries[t.entry];
        let _ = write!(s, "| {} | ", n + 1);
        flat(s, &e.zh);
        let _ = write!(s, "[^{}] | ", Label(e, FormKind::En));
        flat(s, &e.pinyin);
        s.push_str(" | ");
        flat(s, &e.en);
        s.push_str(" | ");
        flat(s, &e.category);
        s.push_str(" | ");
        let mut found: Vec<(String, FormKind, usize)> = Vec::new();
        for &i in &t.spans {
            let l = &ann.spans[i];
            let surface = text[l.byte_range()]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            match found.iter_mut().find(|f| f.0 == surface && f.1 == l.form()) {
                Some(f) => f.2 += 1,
                None => found.push((surface, l.form(), 1)),
            }
        }
        for (j, (surface, form, c)) in found.iter().enumerate() {
            if j > 0 {
                s.push_str(", ");
            }
            s.push('\u{201c}');
            flat(s, surface);
            s.push('\u{201d}');
            if *c > 1 {
                let _ = write!(s, " ×{c}");
            }
            if *form == FormKind::Literal {
                s.push_str(" \\(literal\\)");
            }
        }
        let _ = writeln!(s, " | {} |", t.spans.len());
    }
    s.push('\n');
}

fn footnotes(
    ann: &Annotation,
    terms: &[Term],
    entries: &Entries,
    s: &mut String,
    spill: &mut Spill<'_>,
) {
    for t in terms {
        spill_text(s, spill);
        let e = &entries[t.entry];
        let _ = write!(s, "[^{}]: **", Label(e, FormKind::En));
        flat(s, &e.zh);
        s.push_str("** ");
        flat(s, &e.pinyin);
        s.push_str(" — “");
        flat(s, &e.en);
        s.push_str("” \\(");
        flat(s, &e.category);
        s.push_str("\\)\\. ");
        flat(s, &e.definition);
        if !e.note.trim().is_empty() {
            s.push(' ');
            flat(s, &e.note);
        }
        s.push('\n');
        if t.spans
            .iter()
            .any(|&i| ann.spans[i].form() == FormKind::Literal)
        {
            let _ = write!(
                s,
                "\n[^{}]: Literal rendering of **",
                Label(e, FormKind::Literal)
            );
            flat(s, &e.zh);
            s.push_str("** ");
            flat(s, &e.pinyin);
            s.push_str("; prefer “");
            flat(s, &e.en);
            s.push_str("” \\(");
            flat(s, &e.category);
            s.push_str("\\)\\. ");
            flat(s, &e.definition);
            s.push('\n');
        }
        s.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_table() {
        // (input, at line start, expected)
        let cases = [
            ("plain words", false, "plain words"),
            ("*a* _b_ `c`", false, "\\*a\\* \\_b\\_ \\`c\\`"),
            ("[^1] | x", false, "\\[\\^1\\] \\| x"),
            ("<script>&amp;", false, "\\<script\\>\\&amp;"),
            ("# title", true, "\\# title"),
            ("a # b", true, "a # b"),
            ("1. first", true, "1\\. first"),
            ("12) x", true, "12\\) x"),
            ("a. x", true, "a\\. x"),
            ("2021. Then", false, "2021. Then"),
            ("- item", true, "\\- item"),
            ("a - b -- c", false, "a - b \\-\\- c"),
            ("wait...", false, "wait\\.\\.\\."),
            ("People's \"x\"", false, "People\\'s \\\"x\\\""),
            ("> quote", true, "\\> quote"),
            ("钉子案", true, "钉子案"),
            (
                "at 10:30, :smile: {#id}",
                false,
                "at 10:30, \\:smile: \\{#id}",
            ),
            (": term", true, "\\: term"),
        ];
        for (input, start, want) in cases {
            let mut s = String::new();
            inline(&mut s, input, start, false);
            assert_eq!(s, want, "{input:?}");
        }
    }
}
