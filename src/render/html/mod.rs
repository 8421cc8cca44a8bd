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
//! document; written to a folder, each document gets its own page, and [`index`] writes the
//! corpus page beside them.
//!
//! A Content-Security-Policy allows only this module's own style and script (by hash) and no
//! fetch at all, so even a mistake in escaping could not run a script or load anything.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

use sha2::{Digest, Sha256};

use super::escape::html_into as esc;
use super::prose::{self, Term};
use super::{Document, IndexDoc, Render};
use crate::annotate::{merge_counts, Annotation, Located};
use crate::glossary::{Entry, FormKind, Glossary};

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

    fn document(
        &self,
        doc: &Document<'_>,
        ann: &Annotation,
        glossary: &Glossary,
        out: &mut Vec<u8>,
    ) {
        let mut s = String::with_capacity(doc.text.len() * 2 + ann.spans.len() * 600 + 4096);
        Page::new(doc, ann, glossary, &mut s).article();
        out.extend_from_slice(s.as_bytes());
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
        out.extend_from_slice(&index(docs, glossary));
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
    format!("{n} {}", if n == 1 { one } else { many })
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

/// One document being written.
struct Page<'a> {
    text: &'a str,
    path: &'a str,
    ann: &'a Annotation,
    glossary: &'a Glossary,
    key: String,
    terms: Vec<Term>,
    /// Entry index → (1-based number in the document's term list, occurrences).
    number: HashMap<usize, (usize, usize)>,
    /// Whether a span's card has been written (after the first piece of its highlight).
    carded: Vec<bool>,
    out: &'a mut String,
}

impl<'a> Page<'a> {
    fn new(
        doc: &Document<'a>,
        ann: &'a Annotation,
        glossary: &'a Glossary,
        out: &'a mut String,
    ) -> Page<'a> {
        let terms = prose::terms(ann);
        let number = terms
            .iter()
            .enumerate()
            .map(|(i, t)| (t.entry, (i + 1, t.spans.len())))
            .collect();
        Page {
            text: doc.text,
            path: doc.path,
            ann,
            glossary,
            key: prose::doc_key(doc.path),
            terms,
            number,
            carded: vec![false; ann.spans.len()],
            out,
        }
    }

    fn entry(&self, i: usize) -> &'a Entry {
        &self.glossary.entries[self.ann.spans[i].span.entry]
    }

    fn article(&mut self) {
        let lang = if prose::mostly_chinese(self.text) {
            "zh"
        } else {
            "en"
        };
        let _ = writeln!(
            self.out,
            "<article class=\"doc\" id=\"{}\" lang=\"{lang}\">",
            self.key
        );
        self.header();
        self.text_region();
        self.glossary();
        self.out.push_str("</article>\n");
    }

    fn header(&mut self) {
        let s = &mut *self.out;
        s.push_str(
            "<header class=\"doc-head\">\n<p class=\"kicker\">tifa \u{b7} annotated text</p>\n<h1>",
        );
        let name = doc_name(self.path);
        esc(s, name);
        s.push_str("</h1>\n");
        if name != self.path && self.path != "-" {
            s.push_str("<p class=\"path\">");
            esc(s, self.path);
            s.push_str("</p>\n");
        }
        let spans = self.ann.spans.len();
        s.push_str("<p class=\"stats\">");
        if spans == 0 {
            s.push_str("No glossary terms found.");
        } else {
            let literal = self.terms.iter().map(|t| t.literal).sum::<usize>();
            let _ = write!(
                s,
                "{} of {}",
                plural(spans, "occurrence", "occurrences"),
                plural(self.terms.len(), "term", "terms")
            );
            if literal > 0 {
                let _ = write!(
                    s,
                    " \u{b7} <span class=\"hl f-lit\">{}</span> to review",
                    plural(literal, "literal rendering", "literal renderings")
                );
            }
        }
        s.push_str("</p>\n");
        // The legend names only the kinds of highlight the text has.
        let mut kinds: Vec<&str> = self
            .ann
            .spans
            .iter()
            .map(|l| form_class(l.form()))
            .collect();
        kinds.sort_unstable();
        kinds.dedup();
        if !kinds.is_empty() {
            s.push_str("<ul class=\"legend\" aria-label=\"Highlight colours\">");
            for k in ["f-zh", "f-en", "f-alt", "f-lit"] {
                if kinds.contains(&k) {
                    let label = match k {
                        "f-zh" => "Chinese term",
                        "f-en" => "preferred rendering",
                        "f-alt" => "accepted rendering",
                        _ => "literal rendering",
                    };
                    let _ = write!(s, "<li><span class=\"hl {k}\">{label}</span></li>");
                }
            }
            s.push_str("</ul>\n");
        }
        s.push_str("</header>\n");
    }

    /// The text: paragraphs as `<p>`, separators as plain text between them.
    fn text_region(&mut self) {
        let spans = &self.ann.spans;
        let ranges: Vec<Range<usize>> = spans.iter().map(|l| l.byte_range()).collect();
        let mut paras = prose::paragraphs(self.text, &ranges);
        // A highlight is never cut by a paragraph's edge: widen a paragraph to the spans that
        // reach past it (a form starting or ending in whitespace, which curated forms don't).
        for r in &ranges {
            let i = paras.partition_point(|p| p.end <= r.start);
            if let Some(p) = paras.get_mut(i) {
                if p.start < r.end {
                    p.start = p.start.min(r.start);
                    p.end = p.end.max(r.end);
                }
            }
        }
        self.out.push_str("<div class=\"text\">");
        let (mut pos, mut next) = (0, 0);
        for p in &paras {
            if p.start < pos {
                continue; // swallowed by a widened neighbour
            }
            esc(self.out, &self.text[pos..p.start]);
            // Spans starting before this paragraph lie wholly in a separator: only
            // whitespace, nothing to highlight.
            while next < spans.len() && spans[next].span.start < p.start {
                next += 1;
            }
            let first = next;
            while next < spans.len() && spans[next].span.start < p.end {
                next += 1;
            }
            self.out.push_str("<p>");
            self.paragraph(p.clone(), first..next);
            self.out.push_str("</p>");
            pos = p.end;
        }
        esc(self.out, &self.text[pos..]);
        self.out.push_str("</div>\n");
    }

    /// A paragraph with its highlights. Overlapping highlights (with `--overlapping`) that
    /// cross rather than nest are closed and reopened, as HTML requires; the first piece is
    /// the focusable one and carries the card.
    fn paragraph(&mut self, range: Range<usize>, ids: Range<usize>) {
        let spans = &self.ann.spans;
        let mut opens: Vec<usize> = ids
            .filter(|&i| spans[i].span.start < spans[i].span.end)
            .collect();
        opens.sort_by_key(|&i| (spans[i].span.start, std::cmp::Reverse(spans[i].span.end), i));
        let mut bounds: Vec<usize> = opens
            .iter()
            .flat_map(|&i| [spans[i].span.start, spans[i].span.end.min(range.end)])
            .collect();
        bounds.sort_unstable();
        bounds.dedup();
        let mut stack: Vec<usize> = Vec::new();
        let (mut pos, mut oi) = (range.start, 0);
        for b in bounds {
            esc(self.out, &self.text[pos..b]);
            pos = b;
            let ends_here =
                |stack: &[usize]| stack.iter().any(|&i| spans[i].span.end.min(range.end) == b);
            if ends_here(&stack) {
                let mut reopen = Vec::new();
                while let Some(top) = stack.pop() {
                    self.out.push_str("</mark>");
                    if !self.carded[top] {
                        self.card(top);
                        self.carded[top] = true;
                    }
                    if spans[top].span.end.min(range.end) != b {
                        reopen.push(top);
                    }
                    if !ends_here(&stack) {
                        break;
                    }
                }
                for &i in reopen.iter().rev() {
                    self.open(i, false);
                    stack.push(i);
                }
            }
            while oi < opens.len() && spans[opens[oi]].span.start == b {
                self.open(opens[oi], true);
                stack.push(opens[oi]);
                oi += 1;
            }
        }
        esc(self.out, &self.text[pos..range.end]);
        while let Some(top) = stack.pop() {
            self.out.push_str("</mark>");
            if !self.carded[top] {
                self.card(top);
                self.carded[top] = true;
            }
        }
    }

    fn open(&mut self, i: usize, first: bool) {
        let l: &Located = &self.ann.spans[i];
        let e = self.entry(i);
        let class = form_class(l.form());
        let s = &mut *self.out;
        if !first {
            let _ = write!(s, "<mark class=\"hl {class} t-cont\" data-e=\"");
            esc(s, &e.id);
            s.push_str("\">");
            return;
        }
        let n = self.number.get(&l.span.entry).map_or(0, |x| x.0);
        let k = i + 1;
        let key = &self.key;
        let _ = write!(
            s,
            "<mark class=\"hl {class} t\" id=\"{key}-o{k}\" tabindex=\"0\" \
             aria-describedby=\"{key}-c{k}\" data-n=\"{n}\" data-form=\"{}\" data-e=\"",
            l.form().as_str()
        );
        esc(s, &e.id);
        s.push_str("\">");
    }

    /// The card of span `i`: Chinese, pinyin, preferred English, a flag for literal and
    /// alternative renderings, the definition, the note, the category.
    fn card(&mut self, i: usize) {
        let l = &self.ann.spans[i];
        let e = self.entry(i);
        let count = self.number.get(&l.span.entry).map_or(0, |x| x.1);
        let key = &self.key;
        let s = &mut *self.out;
        let k = i + 1;
        let _ = write!(
            s,
            "<span class=\"card\" role=\"tooltip\" id=\"{key}-c{k}\">"
        );
        s.push_str("<span class=\"c-top\"><span class=\"c-zh\" lang=\"zh-Hans\">");
        esc_flat(s, &e.zh);
        s.push_str("</span> <span class=\"c-py\" lang=\"zh-Latn-pinyin\">");
        esc_flat(s, &e.pinyin);
        s.push_str("</span></span><span class=\"c-en\">");
        esc_flat(s, &e.en);
        s.push_str("</span>");
        let surface = &self.text[l.byte_range()];
        match l.form() {
            FormKind::Literal => {
                s.push_str(
                    "<span class=\"c-flag f-lit\"><b>Literal rendering.</b> Prefer \u{201c}",
                );
                esc_flat(s, &e.en);
                s.push_str("\u{201d}.</span>");
            }
            FormKind::EnAlt => {
                s.push_str("<span class=\"c-flag f-alt\">Accepted rendering; the glossary prefers \u{201c}");
                esc_flat(s, &e.en);
                s.push_str("\u{201d}.</span>");
            }
            FormKind::ZhAlt | FormKind::ZhHant if surface != e.zh => {
                s.push_str("<span class=\"c-flag f-zh\">");
                esc(s, prose::form_label(l.form()));
                s.push_str(" of <span lang=\"zh-Hans\">");
                esc_flat(s, &e.zh);
                s.push_str("</span>.</span>");
            }
            _ => {}
        }
        s.push_str("<span class=\"c-def\">");
        esc_flat(s, &e.definition);
        s.push_str("</span>");
        if !e.note.trim().is_empty() {
            s.push_str("<span class=\"c-note\">");
            esc_flat(s, &e.note);
            s.push_str("</span>");
        }
        s.push_str("<span class=\"c-foot\"><span class=\"chip\">");
        esc_flat(s, &e.category);
        s.push_str("</span><a tabindex=\"-1\" href=\"#");
        let _ = write!(s, "{key}-g-");
        esc(s, &e.id);
        let _ = write!(
            s,
            "\">{} in this text</a></span></span>",
            plural(count, "occurrence", "occurrences")
        );
    }

    /// The terms of the document, in the order they first occur, each with its occurrences.
    fn glossary(&mut self) {
        let key = self.key.clone();
        let s = &mut *self.out;
        let _ = write!(
            s,
            "<section class=\"terms\" aria-labelledby=\"{key}-terms\">\n<h2 id=\"{key}-terms\">Terms in this text</h2>\n"
        );
        if self.terms.is_empty() {
            s.push_str("<p class=\"none\">The glossary has no term that occurs in this text.</p>\n</section>\n");
            return;
        }
        s.push_str("<ol class=\"glossary\">\n");
        for (n, t) in self.terms.iter().enumerate() {
            let e = &self.glossary.entries[t.entry];
            s.push_str("<li id=\"");
            let _ = write!(s, "{key}-g-");
            esc(s, &e.id);
            let _ = write!(
                s,
                "\"><span class=\"g-num\" aria-hidden=\"true\">{}</span>",
                n + 1
            );
            s.push_str("<div class=\"g-head\"><span class=\"g-zh\" lang=\"zh-Hans\">");
            esc_flat(s, &e.zh);
            s.push_str("</span> <span class=\"g-py\" lang=\"zh-Latn-pinyin\">");
            esc_flat(s, &e.pinyin);
            s.push_str("</span> <span class=\"chip\">");
            esc_flat(s, &e.category);
            s.push_str("</span></div>\n<div class=\"g-en\">");
            esc_flat(s, &e.en);
            s.push_str("</div>\n<p class=\"g-def\">");
            esc_flat(s, &e.definition);
            s.push_str("</p>\n");
            if !e.note.trim().is_empty() {
                s.push_str("<p class=\"g-note\">");
                esc_flat(s, &e.note);
                s.push_str("</p>\n");
            }
            // The surface forms found, each with its count, in order of first use.
            let mut found: Vec<(String, FormKind, usize)> = Vec::new();
            for &i in &t.spans {
                let l = &self.ann.spans[i];
                let surface = self.text[l.byte_range()]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                match found.iter_mut().find(|f| f.0 == surface && f.1 == l.form()) {
                    Some(f) => f.2 += 1,
                    None => found.push((surface, l.form(), 1)),
                }
            }
            s.push_str("<p class=\"g-found\">Found as ");
            for (j, (surface, form, c)) in found.iter().enumerate() {
                if j > 0 {
                    s.push_str(", ");
                }
                let _ = write!(
                    s,
                    "<span class=\"hl {}\" title=\"{}\">",
                    form_class(*form),
                    prose::form_label(*form)
                );
                esc(s, surface);
                s.push_str("</span>");
                if *c > 1 {
                    let _ = write!(s, "\u{a0}\u{d7}{c}");
                }
            }
            s.push_str("</p>\n<p class=\"g-occ\"><span class=\"g-count\">");
            s.push_str(&plural(t.spans.len(), "occurrence", "occurrences"));
            if t.literal > 0 {
                let _ = write!(s, ", {} literal", t.literal);
            }
            s.push_str("</span>");
            for (j, &i) in t.spans.iter().enumerate() {
                let l = &self.ann.spans[i];
                let _ = write!(
                    s,
                    " <a href=\"#{key}-o{}\" class=\"{}\" title=\"line {}, column {}\">{}</a>",
                    i + 1,
                    form_class(l.form()),
                    l.line,
                    l.column,
                    j + 1
                );
            }
            s.push_str("</p>\n</li>\n");
        }
        s.push_str("</ol>\n</section>\n");
    }
}

/// A relative URL for a page path: components joined by `/`, percent-encoded.
fn href(page: &Path) -> String {
    let mut out = String::new();
    for (i, c) in page.components().enumerate() {
        if i > 0 {
            out.push('/');
        }
        for b in c.as_os_str().to_string_lossy().bytes() {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                out.push(b as char);
            } else {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

/// Opens a link to a document's page, at its entry for a term when the page has one.
fn doc_link(s: &mut String, d: &IndexDoc, entry: Option<&Entry>) {
    s.push_str("<a href=\"");
    esc(s, &href(&d.page));
    if let (Some(e), true) = (entry, d.anchored) {
        let _ = write!(s, "#{}-g-", prose::doc_key(&d.path));
        esc(s, &e.id);
    }
    s.push_str("\">");
}

/// The corpus page of a folder of HTML outputs: the documents with their term counts, a chart
/// of the most frequent terms, and for each term the documents it occurs in.
fn index(docs: &[IndexDoc], glossary: &Glossary) -> Vec<u8> {
    let entries = &glossary.entries;
    // Totals per entry, most frequent first; ties in glossary order.
    let mut totals: Vec<(usize, u32)> = Vec::new();
    for d in docs {
        merge_counts(&mut totals, &d.counts);
    }
    totals.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let occurrences: u64 = totals.iter().map(|t| t.1 as u64).sum();

    let mut s = String::with_capacity(CSS.len() + 4096 + docs.len() * 400);
    head(&mut s, "Corpus \u{b7} tifa");
    s.push_str("<body class=\"index\">\n<main class=\"wide\">\n<header class=\"doc-head\">\n");
    s.push_str("<p class=\"kicker\">tifa \u{b7} corpus report</p>\n");
    let _ = writeln!(
        s,
        "<h1>{}</h1>",
        plural(docs.len(), "document", "documents")
    );
    let _ = writeln!(
        s,
        "<p class=\"stats\">{} of {}</p>\n</header>",
        plural(occurrences as usize, "occurrence", "occurrences"),
        plural(totals.len(), "glossary term", "glossary terms")
    );

    // The chart: one bar per term, linking to the term's documents below.
    const TOP: usize = 20;
    if !totals.is_empty() {
        let shown = &totals[..totals.len().min(TOP)];
        let max = shown[0].1.max(1) as f64;
        let (w, row) = (640.0, 44.0);
        let h = row * shown.len() as f64;
        let _ = write!(
            s,
            "<section aria-labelledby=\"chart-h\">\n<h2 id=\"chart-h\">Most frequent terms</h2>\n\
             <figure class=\"chart\"><svg viewBox=\"0 0 {w} {h}\" role=\"img\" \
             aria-labelledby=\"chart-cap\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        );
        for (r, &(entry, count)) in shown.iter().enumerate() {
            let e = &entries[entry];
            let y = r as f64 * row;
            let len = (count as f64 / max * w).max(3.0);
            s.push_str("<a href=\"#term-");
            esc(&mut s, &e.id);
            s.push_str("\"><title>");
            esc_flat(&mut s, &e.zh);
            let _ = write!(
                s,
                " \u{2014} {}</title>",
                plural(count as usize, "occurrence", "occurrences")
            );
            let _ = write!(
                s,
                "<rect class=\"row\" x=\"0\" y=\"{y}\" width=\"{w}\" height=\"{row}\"/>\
                 <text class=\"label\" x=\"0\" y=\"{:.1}\"><tspan class=\"zh\">",
                y + 16.0
            );
            esc_flat(&mut s, &e.zh);
            s.push_str("</tspan>  ");
            esc_flat(&mut s, &truncate(&e.en, 60));
            let _ = writeln!(
                s,
                "</text><text class=\"count\" x=\"{w}\" y=\"{:.1}\" text-anchor=\"end\">{count}</text>\
                 <rect class=\"track\" x=\"0\" y=\"{:.1}\" width=\"{w}\" height=\"12\" rx=\"3\"/>\
                 <rect class=\"bar\" x=\"0\" y=\"{:.1}\" width=\"{len:.1}\" height=\"12\" rx=\"3\"/></a>",
                y + 16.0,
                y + 24.0,
                y + 24.0
            );
        }
        let _ = write!(
            s,
            "</svg><figcaption id=\"chart-cap\">The {} most frequent glossary terms across the \
             corpus, by occurrences. Each bar links to the documents the term occurs in.\
             </figcaption></figure>\n</section>\n",
            shown.len()
        );
    }

    // The documents.
    s.push_str(
        "<section aria-labelledby=\"docs-h\">\n<h2 id=\"docs-h\">Documents</h2>\n\
         <div class=\"scroll\"><table class=\"docs\">\n<thead><tr><th scope=\"col\">Document</th>\
         <th scope=\"col\" class=\"num\">Occurrences</th><th scope=\"col\" class=\"num\">Terms</th>\
         <th scope=\"col\">Most used</th></tr></thead>\n<tbody>\n",
    );
    for d in docs {
        let count: u64 = d.counts.iter().map(|c| c.1 as u64).sum();
        s.push_str("<tr><th scope=\"row\">");
        doc_link(&mut s, d, None);
        esc(&mut s, &d.path);
        let _ = write!(
            s,
            "</a></th><td class=\"num\">{count}</td><td class=\"num\">{}</td><td>",
            d.counts.len()
        );
        let mut top = d.counts.clone();
        top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for (j, &(entry, n)) in top.iter().take(3).enumerate() {
            if j > 0 {
                s.push_str(", ");
            }
            doc_link(&mut s, d, Some(&entries[entry]));
            s.push_str("<span lang=\"zh-Hans\">");
            esc_flat(&mut s, &entries[entry].zh);
            let _ = write!(s, "</span></a>\u{a0}\u{d7}{n}");
        }
        s.push_str("</td></tr>\n");
    }
    s.push_str("</tbody>\n</table></div>\n</section>\n");

    // Every term, with the documents it occurs in.
    if !totals.is_empty() {
        s.push_str(
            "<section aria-labelledby=\"terms-h\">\n<h2 id=\"terms-h\">Terms</h2>\n\
             <ol class=\"glossary corpus\">\n",
        );
        for (n, &(entry, count)) in totals.iter().enumerate() {
            let e = &entries[entry];
            s.push_str("<li id=\"term-");
            esc(&mut s, &e.id);
            let _ = write!(
                s,
                "\"><span class=\"g-num\" aria-hidden=\"true\">{}</span>",
                n + 1
            );
            s.push_str("<div class=\"g-head\"><span class=\"g-zh\" lang=\"zh-Hans\">");
            esc_flat(&mut s, &e.zh);
            s.push_str("</span> <span class=\"g-py\" lang=\"zh-Latn-pinyin\">");
            esc_flat(&mut s, &e.pinyin);
            s.push_str("</span> <span class=\"chip\">");
            esc_flat(&mut s, &e.category);
            s.push_str("</span></div>\n<div class=\"g-en\">");
            esc_flat(&mut s, &e.en);
            s.push_str("</div>\n<p class=\"g-def\">");
            esc_flat(&mut s, &e.definition);
            s.push_str("</p>\n<p class=\"g-occ\"><span class=\"g-count\">");
            s.push_str(&plural(count as usize, "occurrence", "occurrences"));
            s.push_str("</span> in");
            // A term of a large corpus lists its first documents only.
            const LIMIT: usize = 200;
            let mut listed = 0;
            for d in docs {
                let Some(c) = d.counts.iter().find(|c| c.0 == entry) else {
                    continue;
                };
                listed += 1;
                if listed <= LIMIT {
                    s.push(' ');
                    doc_link(&mut s, d, Some(e));
                    esc(&mut s, doc_name(&d.path));
                    let _ = write!(s, "</a>\u{a0}\u{d7}{}", c.1);
                }
            }
            if listed > LIMIT {
                let _ = write!(s, " and {} more documents", listed - LIMIT);
            }
            s.push_str("</p>\n</li>\n");
        }
        s.push_str("</ol>\n</section>\n");
    }
    s.push_str("</main>\n");
    footer(&mut s);
    s.push_str("</body>\n</html>\n");
    s.into_bytes()
}

/// At most `n` characters, with an ellipsis when cut.
fn truncate(s: &str, n: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= n {
        return s;
    }
    let mut t: String = s.chars().take(n - 1).collect();
    t.push('\u{2026}');
    t
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn hrefs_are_percent_encoded() {
        assert_eq!(href(Path::new("a b/c#1.html")), "a%20b/c%231.html");
        assert_eq!(href(Path::new("报告.html")), "%E6%8A%A5%E5%91%8A.html");
    }

    #[test]
    fn document_names() {
        assert_eq!(doc_name("-"), "Standard input");
        assert_eq!(doc_name("corpus/a.txt"), "a.txt");
        assert_eq!(doc_name("a.txt"), "a.txt");
        assert_eq!(doc_name("dir/"), "dir");
    }
}
