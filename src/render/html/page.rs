//! One document's article: its header, the text with every span highlighted and carded, and
//! the list of the terms it uses.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Range;

use super::{doc_name, esc, esc_flat, form_class, plural};
use crate::annotate::{Annotation, Located};
use crate::glossary::{Entry, FormKind, Glossary};
use crate::render::prose::{self, Term};
use crate::render::{spill_text, Document, Spill};

/// One document being written.
pub(super) struct Page<'a> {
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
    /// Where what is written so far goes once it passes [`crate::render::SPILL_AT`]
    /// ([`crate::render::Render::document_spilled`]); none when the page is held whole.
    spill: Spill<'a>,
}

impl<'a> Page<'a> {
    pub(super) fn new(
        doc: &Document<'a>,
        ann: &'a Annotation,
        glossary: &'a Glossary,
        out: &'a mut String,
        spill: Spill<'a>,
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
            spill,
        }
    }

    /// Hands what is written so far to `spill` once it passes
    /// [`SPILL_AT`](crate::render::SPILL_AT).
    fn spill(&mut self) {
        spill_text(self.out, &mut self.spill);
    }

    fn entry(&self, i: usize) -> &'a Entry {
        &self.glossary.entries[self.ann.spans[i].span.entry]
    }

    pub(super) fn article(&mut self) {
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
            self.spill();
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
            spill_text(s, &mut self.spill);
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
                spill_text(s, &mut self.spill);
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
