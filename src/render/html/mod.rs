//! `--format html`: a self-contained reading page (inline CSS and JS, nothing fetched).
//!
//! Each document is an `<article>`: a header, the text (`div.text`, one `<p>` per paragraph,
//! line breaks kept by `white-space: pre-wrap`), and the terms it uses (`section.terms`).
//! Every span is a focusable `<mark class="t">` followed by its card (`span.card`,
//! `role=tooltip`), which CSS shows on hover and on focus; the script only positions it. The
//! text region's text content, cards left out, is the input text exactly: separators between
//! paragraphs are kept as text between the `<p>` elements.
//!
//! [`Render::begin`] and [`Render::end`] open and close the page, so several documents
//! written to one output (standard output, one file) become one page with an article per
//! document; written to a folder, each document gets its own page, and the corpus page
//! (`index.rs`) is written beside them.
//!
//! A Content-Security-Policy allows only this module's own style and script (by hash) and no
//! fetch at all, so even a mistake in escaping could not run a script or load anything.

mod index;
mod page;

use std::fmt::Write as _;
use std::sync::OnceLock;

use sha2::{Digest, Sha256};

use self::page::Page;
use super::escape::html_into as esc;
use super::{write_str_spilling, Document, IndexDoc, Render, Spill};
use crate::annotate::Annotation;
use crate::glossary::{FormKind, Glossary};
use crate::text::english::count;

const CSS: &str = include_str!("assets/tifa.css");
const JS: &str = include_str!("assets/tifa.js");

/// The renderer of `--format html`.
pub struct HtmlRenderer;

impl Render for HtmlRenderer {
    fn begin(&self, out: &mut Vec<u8>) {
        let mut s = String::with_capacity(CSS.len() + 1024);
        head(&mut s, "Annotated text \u{b7} tifa");
        s.push_str("<body>\n<main>\n");
        out.extend_from_slice(s.as_bytes());
    }

    fn extension(&self) -> &'static str {
        "html"
    }

    /// With a dense glossary (CC-CEDICT over Chinese) a page is some 126 times its text.
    fn document_spilled(
        &self,
        doc: &Document<'_>,
        ann: &Annotation,
        glossary: &Glossary,
        out: &mut Vec<u8>,
        spill: Spill<'_>,
    ) {
        let reserve = doc.text.len() * 2 + ann.spans.len() * 600 + 4096;
        write_str_spilling(out, reserve, spill, |s, spill| {
            // Coerced to the page's lifetime.
            let spill = spill.map(|f| -> &mut dyn FnMut(&[u8]) { f });
            Page::new(doc, ann, glossary, s, spill).article()
        });
    }

    fn end(&self, out: &mut Vec<u8>) {
        let mut s = String::with_capacity(JS.len() + 512);
        s.push_str("</main>\n");
        footer(&mut s);
        s.push_str("<script>");
        s.push_str(JS);
        s.push_str("</script>\n</body>\n</html>\n");
        out.extend_from_slice(s.as_bytes());
    }

    fn corpus_page(&self) -> Option<&'static str> {
        Some("index.html")
    }

    fn corpus(&self, docs: &[IndexDoc], glossary: &Glossary, out: &mut Vec<u8>) {
        out.extend_from_slice(&index::index(docs, glossary));
    }
}

/// The document head: metadata, the security policy and the style sheet.
fn head(s: &mut String, title: &str) {
    s.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    s.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    s.push_str("<meta name=\"color-scheme\" content=\"light dark\">\n");
    s.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"");
    s.push_str(policy());
    s.push_str("\">\n");
    let _ = writeln!(
        s,
        "<meta name=\"generator\" content=\"tifa {}\">",
        env!("CARGO_PKG_VERSION")
    );
    s.push_str("<title>");
    esc(s, title);
    s.push_str("</title>\n<style>");
    s.push_str(CSS);
    s.push_str("</style>\n</head>\n");
}

fn footer(s: &mut String) {
    let _ = writeln!(
        s,
        "<footer class=\"made\">Annotated by tifa {} \u{b7} hover or focus a highlighted term \
         for its card; <kbd>Tab</kbd> moves between terms, <kbd>Esc</kbd> closes a card.</footer>",
        env!("CARGO_PKG_VERSION")
    );
}

/// The Content-Security-Policy: nothing may be fetched; only our style and script run.
fn policy() -> &'static str {
    static POLICY: OnceLock<String> = OnceLock::new();
    POLICY.get_or_init(|| content_security_policy(CSS, Some(JS)))
}

/// The Content-Security-Policy of a self-contained page whose only style sheet is `style`
/// and only script `script`: nothing may be fetched, nothing else runs. Every HTML output of
/// tifa sets one.
pub fn content_security_policy(style: &str, script: Option<&str>) -> String {
    let script = script
        .map(|js| format!("script-src '{}'; ", sha256_source(js)))
        .unwrap_or_default();
    format!(
        "default-src 'none'; style-src '{}'; {script}img-src data:; base-uri 'none'; \
         form-action 'none'",
        sha256_source(style)
    )
}

/// A CSP hash source: `sha256-` and the base64 of the digest.
fn sha256_source(s: &str) -> String {
    const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let d = Sha256::digest(s.as_bytes());
    let mut out = String::from("sha256-");
    for c in d.chunks(3) {
        let n = c
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= c.len() {
                out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Text for a card or a list: runs of whitespace (line breaks included) as one space.
fn esc_flat(out: &mut String, s: &str) {
    let mut first = true;
    for w in s.split_whitespace() {
        if !first {
            out.push(' ');
        }
        esc(out, w);
        first = false;
    }
}

/// The class of a highlight for a kind of form.
fn form_class(form: FormKind) -> &'static str {
    match form {
        FormKind::Zh | FormKind::ZhAlt | FormKind::ZhHant => "f-zh",
        FormKind::En => "f-en",
        FormKind::EnAlt => "f-alt",
        FormKind::Literal => "f-lit",
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    count(n as u64, one, many)
}

/// The name shown for a document: the file name of its path.
fn doc_name(path: &str) -> &str {
    if path == "-" {
        return "Standard input";
    }
    path.rsplit(['/', '\\'])
        .find(|s| !s.is_empty())
        .unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{Carry, Piece, SPILL_AT};

    #[test]
    fn escaping_table() {
        let cases = [
            ("plain", "plain"),
            ("<script>", "&lt;script&gt;"),
            ("a&amp;b", "a&amp;amp;b"),
            ("\"'", "&quot;&#39;"),
            ("a\r\nb", "a&#13;\nb"),
            ("钉子案", "钉子案"),
        ];
        for (input, want) in cases {
            let mut s = String::new();
            esc(&mut s, input);
            assert_eq!(s, want, "{input:?}");
        }
    }

    #[test]
    fn csp_hash_matches_a_known_digest() {
        // `echo -n abc | openssl dgst -sha256 -binary | base64`
        assert_eq!(
            sha256_source("abc"),
            "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        );
        assert_eq!(
            sha256_source(""),
            "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
        );
    }

    /// A piece whose page is several times [`SPILL_AT`] is handed out in parts, none much
    /// over it, after what the buffer held; together they are the page held whole.
    #[test]
    fn a_piece_is_spilled_as_its_page_grows() {
        let matcher = crate::matcher::Matcher::new(Glossary::builtin()).unwrap();
        let text = "查处保护伞。\n".repeat(20_000);
        let ann = crate::annotate(&matcher, &text, crate::matcher::MatchOptions::default());
        assert_eq!(ann.spans.len(), 20_000);
        let piece = Piece {
            doc: Document {
                path: "long.txt",
                text: &text,
                record: None,
            },
            number: 2,
            offset: 0,
            line: 40_001,
            last: false,
        };
        let (mut spilled, mut parts) = (Vec::new(), Vec::new());
        let mut out = b"<before>".to_vec();
        HtmlRenderer.piece(
            &piece,
            &ann,
            matcher.glossary(),
            &mut Carry::default(),
            &mut out,
            &mut |b| {
                parts.push(b.len());
                spilled.extend_from_slice(b);
            },
        );
        spilled.extend_from_slice(&out);

        let mut whole = b"<before>".to_vec();
        let doc = Document {
            path: "long.txt \u{b7} part 3, from line 40001",
            ..piece.doc
        };
        HtmlRenderer.document(&doc, &ann, matcher.glossary(), &mut whole);
        assert!(whole.len() > 3 * SPILL_AT, "{} bytes", whole.len());
        assert!(spilled == whole, "the spilled parts are not the page");
        assert_eq!(parts[0], b"<before>".len());
        assert!(parts.len() > 3, "{parts:?}");
        assert!(
            parts
                .iter()
                .chain([&out.len()])
                .all(|&n| n < SPILL_AT + 4096),
            "{parts:?}, then {}",
            out.len()
        );
    }

    #[test]
    fn document_names() {
        assert_eq!(doc_name("-"), "Standard input");
        assert_eq!(doc_name("corpus/a.txt"), "a.txt");
        assert_eq!(doc_name("a.txt"), "a.txt");
        assert_eq!(doc_name("dir/"), "dir");
    }
}
