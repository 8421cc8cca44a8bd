//! Invariants that must hold for every input, shared by the property tests
//! (`tests/properties.rs`) and the fuzz targets (`fuzz/fuzz_targets/`), which include this
//! file by path. Each check returns `Err(what broke)` instead of panicking, so a caller can
//! add the input to the message.
//!
//! It depends only on `tifa`, `serde`, `serde_json`, `csv`, `scraper` (HTML) and
//! `pulldown-cmark` (Markdown), which both crates have.

#![allow(dead_code)]

use serde::Deserialize;

use tifa::annotate::{annotate, Annotation};
use tifa::matcher::{MatchOptions, Matcher};
use tifa::render::{Document, Format, SpanRecord, CSV_HEADER};
use tifa::text::normalize::normalize;

/// Every output format of `tifa annotate`. The match in [`render_round_trip`] is exhaustive,
/// so a new format does not compile until it has a round-trip check.
pub const FORMATS: &[Format] = &[
    Format::Jsonl,
    Format::Csv,
    Format::Text,
    Format::Html,
    Format::Md,
];

macro_rules! ensure {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+));
        }
    };
}

/// The normalizer's offset map: for every character of the folded text, the original range
/// is non-empty, lies inside the text on character boundaries, and both ends are monotone
/// along the folded text. The whole folded text maps into the text too.
pub fn offset_map(text: &str) -> Result<(), String> {
    let n = normalize(text);
    let (mut last_start, mut last_end) = (0, 0);
    for (i, c) in n.text.char_indices() {
        let r = n.original_range(i..i + c.len_utf8());
        ensure!(
            r.start < r.end && r.end <= text.len(),
            "folded {c:?} at {i} maps to {r:?}, outside the text (len {})",
            text.len()
        );
        ensure!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "folded {c:?} at {i} maps to {r:?}, not on character boundaries"
        );
        ensure!(
            r.start >= last_start && r.end >= last_end,
            "map not monotone at folded {i}: {r:?} after {last_start}..{last_end}"
        );
        (last_start, last_end) = (r.start, r.end);
    }
    if !n.text.is_empty() {
        let r = n.original_range(0..n.text.len());
        ensure!(
            r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "the whole folded text maps to {r:?}"
        );
    }
    Ok(())
}

/// Byte offset of every code point, plus the end: `bounds[k]` is where character `k` starts.
fn char_bounds(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    v.push(text.len());
    v
}

/// The spans themselves: sorted by start, inside the text on character boundaries, code
/// point offsets agreeing with byte offsets, line and column right, and (without
/// `overlapping`) not overlapping.
pub fn spans(text: &str, ann: &Annotation, opts: MatchOptions) -> Result<(), String> {
    let bounds = char_bounds(text);
    let mut last_start = 0;
    let mut last_end = 0;
    for l in &ann.spans {
        let (s, e) = (l.span.start, l.span.end);
        ensure!(
            s < e && e <= text.len(),
            "span {s}..{e} outside text of {} bytes",
            text.len()
        );
        ensure!(
            text.is_char_boundary(s) && text.is_char_boundary(e),
            "span {s}..{e} not on character boundaries"
        );
        ensure!(s >= last_start, "spans not sorted by start");
        ensure!(
            opts.overlapping || s >= last_end,
            "span {s}..{e} overlaps the previous one ending at {last_end}"
        );
        ensure!(
            bounds.get(l.char_start) == Some(&s) && bounds.get(l.char_end) == Some(&e),
            "code-point offsets {}..{} disagree with bytes {s}..{e}",
            l.char_start,
            l.char_end
        );
        let before = &text[..s];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = text[line_start..s].chars().count() + 1;
        ensure!(
            (l.line, l.column) == (line, column),
            "span {s}..{e} at line {}, column {}; expected {line}, {column}",
            l.line,
            l.column
        );
        last_start = s;
        last_end = last_end.max(e);
    }
    Ok(())
}

/// A JSONL output record as a consumer reads it.
#[derive(Debug, Deserialize)]
pub struct DocRecord {
    pub path: String,
    pub text: String,
    pub spans: Vec<SpanRecord>,
}

/// Renders `text` in `format` and reads the output back: the input must come back whole
/// (JSONL `text`; CSV rows' `text` equal to the input between their offsets; text output
/// minus its glosses; the HTML page's text region minus its cards, as an HTML parser reads
/// it; the Markdown text region's paragraphs, as a CommonMark parser renders them), and
/// every span's fields must agree with the annotation.
pub fn render_round_trip(
    matcher: &Matcher,
    text: &str,
    ann: &Annotation,
    format: Format,
) -> Result<(), String> {
    let path = "dir/doc.txt";
    let doc = Document {
        path,
        text,
        record: None,
    };
    let r = format.renderer();
    let mut out = Vec::new();
    // The HTML page's head and foot are fixed (style sheet, script): only the document's
    // article is parsed, which keeps the check fast enough to fuzz.
    if format != Format::Html {
        r.begin(&mut out);
    }
    r.document(&doc, ann, matcher.glossary(), &mut out);
    if format != Format::Html {
        r.end(&mut out);
    }
    let bounds = char_bounds(text);
    let slice = |start: usize, end: usize| -> Result<&str, String> {
        match (bounds.get(start), bounds.get(end)) {
            (Some(&s), Some(&e)) if s <= e => Ok(&text[s..e]),
            _ => Err(format!("offsets {start}..{end} outside the text")),
        }
    };
    match format {
        Format::Jsonl => {
            let out = std::str::from_utf8(&out).map_err(|e| format!("JSONL not UTF-8: {e}"))?;
            ensure!(
                out.ends_with('\n') && out.matches('\n').count() == 1,
                "JSONL output is not one line"
            );
            let rec: DocRecord =
                serde_json::from_str(out).map_err(|e| format!("JSONL does not parse: {e}"))?;
            ensure!(rec.text == text, "JSONL text differs from the input");
            ensure!(rec.path == path, "JSONL path {:?}", rec.path);
            ensure!(
                rec.spans.len() == ann.spans.len(),
                "JSONL has {} spans, the annotation {}",
                rec.spans.len(),
                ann.spans.len()
            );
            for (s, l) in rec.spans.iter().zip(&ann.spans) {
                ensure!(
                    s.text == slice(s.start, s.end)?,
                    "JSONL span text {:?} is not the input between {}..{}",
                    s.text,
                    s.start,
                    s.end
                );
                ensure!(
                    text.get(s.byte_start..s.byte_end) == Some(s.text.as_str()),
                    "JSONL span byte offsets {}..{} disagree with its text",
                    s.byte_start,
                    s.byte_end
                );
                let e = matcher.entry(&l.span);
                ensure!(
                    s.kb_id == e.id && s.form == l.form().as_str() && s.label == e.category,
                    "JSONL span fields differ from the entry"
                );
            }
        }
        Format::Csv => {
            let mut rdr = csv::ReaderBuilder::new()
                .has_headers(true)
                .from_reader(&out[..]);
            let header = rdr.headers().map_err(|e| format!("CSV header: {e}"))?;
            ensure!(
                header.iter().eq(CSV_HEADER.iter().copied()),
                "CSV header {header:?}"
            );
            let mut n = 0;
            for (row, l) in rdr.records().zip(&ann.spans) {
                let row = row.map_err(|e| format!("CSV does not parse: {e}"))?;
                let num = |i: usize| -> Result<usize, String> {
                    row[i]
                        .parse()
                        .map_err(|_| format!("CSV field {i} not a number: {:?}", &row[i]))
                };
                let (line, column, start, end) = (num(1)?, num(2)?, num(3)?, num(4)?);
                ensure!(&row[0] == path, "CSV path {:?}", &row[0]);
                ensure!(
                    &row[5] == slice(start, end)?,
                    "CSV text {:?} is not the input between {start}..{end}",
                    &row[5]
                );
                ensure!(
                    (line, column, start, end) == (l.line, l.column, l.char_start, l.char_end),
                    "CSV positions differ from the annotation"
                );
                ensure!(
                    row[6] == matcher.entry(&l.span).id,
                    "CSV kb_id {:?}",
                    &row[6]
                );
                n += 1;
            }
            ensure!(
                n == ann.spans.len(),
                "CSV has {n} rows, the annotation {} spans",
                ann.spans.len()
            );
        }
        Format::Text => {
            let out = std::str::from_utf8(&out).map_err(|e| format!("text not UTF-8: {e}"))?;
            let stripped = strip_glosses(out, text, ann, matcher)?;
            ensure!(
                stripped == text,
                "text output minus glosses differs from the input"
            );
        }
        Format::Html => {
            let out = std::str::from_utf8(&out).map_err(|e| format!("HTML not UTF-8: {e}"))?;
            html_round_trip(out, text, ann)?;
        }
        Format::Md => {
            let out = std::str::from_utf8(&out).map_err(|e| format!("Markdown not UTF-8: {e}"))?;
            md_round_trip(out, text, ann)?;
        }
    }
    Ok(())
}

/// The HTML article, parsed by html5ever (through scraper): one article whose text region,
/// cards left out, is the input; without overlapping spans, one highlight per span whose
/// text is the span's.
fn html_round_trip(html: &str, text: &str, ann: &Annotation) -> Result<(), String> {
    use scraper::{CaseSensitivity, ElementRef, Html, Selector};
    fn without_cards(el: ElementRef<'_>, out: &mut String) {
        for child in el.children() {
            if let Some(t) = child.value().as_text() {
                out.push_str(t);
            } else if let Some(e) = ElementRef::wrap(child) {
                if !e.value().has_class("card", CaseSensitivity::CaseSensitive) {
                    without_cards(e, out);
                }
            }
        }
    }
    let sel = |s: &str| Selector::parse(s).expect("valid selector");
    let page = Html::parse_fragment(html);
    let articles: Vec<_> = page.select(&sel("article.doc")).collect();
    ensure!(articles.len() == 1, "{} articles", articles.len());
    let region = articles[0]
        .select(&sel(".text"))
        .next()
        .ok_or("no text region")?;
    let mut got = String::new();
    without_cards(region, &mut got);
    // HTML cannot carry U+0000: a parser reads it, raw or as `&#0;`, as U+FFFD.
    let html_text = |s: &str| s.replace('\0', "\u{FFFD}");
    ensure!(
        got == html_text(text),
        "HTML text region differs from the input: {got:?}"
    );
    let overlapping = ann
        .spans
        .windows(2)
        .any(|w| w[1].span.start < w[0].span.end);
    if !overlapping {
        let marks: Vec<_> = region.select(&sel("mark.t")).collect();
        ensure!(
            marks.len() == ann.spans.len(),
            "{} highlights for {} spans",
            marks.len(),
            ann.spans.len()
        );
        for (m, l) in marks.iter().zip(&ann.spans) {
            let mut t = String::new();
            without_cards(*m, &mut t);
            ensure!(
                t == html_text(&text[l.byte_range()]),
                "highlight {t:?} is not its span"
            );
        }
    }
    Ok(())
}

/// The input's paragraphs as a reader sees them: runs of non-blank lines, trimmed at the
/// ends (as `tests/markdown.rs` defines them, independently of the renderer).
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for line in text.split('\n').chain(std::iter::once("")) {
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(cur.join("\n").trim().to_string());
                cur.clear();
            }
        } else {
            cur.push(line);
        }
    }
    out
}

/// The Markdown output, parsed by pulldown-cmark with footnotes and tables: the text region
/// renders to the input's paragraphs with no markup, with one footnote reference per span.
fn md_round_trip(md: &str, text: &str, ann: &Annotation) -> Result<(), String> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let opts = Options::ENABLE_FOOTNOTES | Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut in_text = false;
    let mut para: Option<String> = None;
    let mut paras = Vec::new();
    let mut refs = 0;
    let mut markup = Vec::new();
    for event in Parser::new_ext(md, opts) {
        match &event {
            Event::Html(h) | Event::InlineHtml(h) if h.contains("/tifa:text") => in_text = false,
            Event::Html(h) | Event::InlineHtml(h) if h.contains("tifa:text") => in_text = true,
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => {}
            _ if !in_text => {}
            Event::FootnoteReference(_) => refs += 1,
            Event::Start(Tag::Paragraph) => para = Some(String::new()),
            Event::End(TagEnd::Paragraph) => paras.push(para.take().unwrap_or_default()),
            Event::Text(t) => para.get_or_insert_with(String::new).push_str(t),
            Event::SoftBreak | Event::HardBreak => para.get_or_insert_with(String::new).push('\n'),
            other => markup.push(format!("{other:?}")),
        }
    }
    ensure!(markup.is_empty(), "markup in the Markdown text: {markup:?}");
    let want = paragraphs(text);
    ensure!(
        paras == want,
        "Markdown paragraphs {paras:?} differ from the input's {want:?}"
    );
    ensure!(
        refs == ann.spans.len(),
        "{refs} footnote references for {} spans",
        ann.spans.len()
    );
    Ok(())
}

/// The text renderer's output with every gloss and the notes taken out. Each gloss must sit
/// right after the end of its span (nested spans: in the order they end); the notes, one per
/// entry, follow the text.
pub fn strip_glosses(
    out: &str,
    text: &str,
    ann: &Annotation,
    matcher: &Matcher,
) -> Result<String, String> {
    let mut ends: Vec<(usize, usize)> = ann
        .spans
        .iter()
        .enumerate()
        .map(|(i, l)| (l.span.end, i))
        .collect();
    ends.sort_unstable();
    let (glosses, entries) = tifa::render::glosses(ann, matcher.glossary());
    let distinct: std::collections::HashSet<&str> = ann
        .spans
        .iter()
        .map(|l| matcher.entry(&l.span).id.as_str())
        .collect();
    ensure!(
        entries.len() == distinct.len(),
        "{} notes for {} entries",
        entries.len(),
        distinct.len()
    );
    let mut stripped = String::with_capacity(text.len());
    let mut rest = out;
    let mut pos = 0;
    for (end, i) in ends {
        // The text up to the span's end comes through unchanged...
        let piece = text.get(pos..end).ok_or("span end not in the text")?;
        rest = rest
            .strip_prefix(piece)
            .ok_or_else(|| format!("text output lost the input before byte {end}"))?;
        stripped.push_str(piece);
        // ...followed by the span's gloss.
        rest = rest
            .strip_prefix(glosses[i].as_str())
            .ok_or_else(|| format!("no gloss after the span ending at byte {end}"))?;
        pos = end;
    }
    if !entries.is_empty() {
        let mut notes = String::new();
        if !text.ends_with('\n') {
            notes.push('\n');
        }
        notes.push_str(&tifa::render::notes(&entries));
        rest = rest
            .strip_suffix(notes.as_str())
            .ok_or("the notes do not end the text output")?;
    }
    stripped.push_str(rest);
    Ok(stripped)
}

/// Annotates `text` and checks the spans and every renderer's round trip.
pub fn annotate_everywhere(
    matcher: &Matcher,
    text: &str,
    opts: MatchOptions,
) -> Result<(), String> {
    let ann = annotate(matcher, text, opts);
    spans(text, &ann, opts)?;
    for &f in FORMATS {
        render_round_trip(matcher, text, &ann, f).map_err(|e| format!("{f:?}: {e}"))?;
    }
    Ok(())
}

/// A JSONL input line (`--input jsonl`): when it is a record tifa accepts, its output is
/// the same JSON object with `spans` added, and the spans point into its text field.
pub fn jsonl_record(matcher: &Matcher, line: &str, field: &str) -> Result<(), String> {
    let Ok(rec) = tifa::input::source::parse_record(line, field) else {
        return Ok(());
    };
    let trimmed = line.trim();
    let ann = annotate(matcher, &rec.text, MatchOptions::default());
    let doc = Document {
        path: "x.jsonl:1",
        text: &rec.text,
        record: Some(trimmed),
    };
    let mut out = Vec::new();
    Format::Jsonl
        .renderer()
        .document(&doc, &ann, matcher.glossary(), &mut out);
    // Compared as raw JSON values, so numbers serde_json cannot hold (1e400) still compare.
    type Raw<'a> = std::collections::BTreeMap<String, &'a serde_json::value::RawValue>;
    let mut got: Raw<'_> = serde_json::from_slice(&out).map_err(|e| {
        format!(
            "output record does not parse: {e}: {:?}",
            String::from_utf8_lossy(&out)
        )
    })?;
    let spans = got.remove("spans").ok_or("output record has no spans")?;
    let want: Raw<'_> = serde_json::from_str(trimmed).map_err(|e| format!("input record: {e}"))?;
    ensure!(
        got.len() == want.len()
            && got
                .iter()
                .zip(&want)
                .all(|((k, v), (k2, v2))| k == k2 && v.get() == v2.get()),
        "output record lost or changed input fields"
    );
    let spans: Vec<SpanRecord> =
        serde_json::from_str(spans.get()).map_err(|e| format!("spans do not parse: {e}"))?;
    let bounds = char_bounds(&rec.text);
    ensure!(spans.len() == ann.spans.len(), "span count differs");
    for s in &spans {
        let (Some(&b), Some(&e)) = (bounds.get(s.start), bounds.get(s.end)) else {
            return Err(format!("span {}..{} outside the text", s.start, s.end));
        };
        ensure!(rec.text[b..e] == s.text, "record span text differs");
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Fuzz target bodies. Each fuzz target (fuzz/fuzz_targets/NAME.rs) is one call to
// `target_NAME`, and tests/fuzz_corpus.rs replays every committed corpus input through the
// same function under `cargo test`. Each panics, naming the input, when an invariant breaks.

/// The curated glossary compiled once.
pub fn builtin_matcher() -> &'static Matcher {
    static M: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
    M.get_or_init(|| {
        Matcher::new(tifa::glossary::Glossary::builtin()).expect("the curated glossary compiles")
    })
}

/// The normalizer and its offset map, on any bytes read as (lossy) UTF-8.
pub fn target_normalize(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Err(e) = offset_map(&text) {
        panic!("{e}\ninput: {text:?}");
    }
    // Forms fold with the same function. Not asserted: folding is not idempotent for some
    // compatibility characters (‴ folds to ′′′, whose ′ folds to '), which matching does
    // not need, since text and forms are folded once each by the same function.
    let _ = tifa::text::fold_form(&text);
}

/// Annotate end to end with the curated glossary through every renderer, in both overlap
/// modes; the same bytes also as a `--input jsonl` record line.
pub fn target_annotate(data: &[u8]) {
    let matcher = builtin_matcher();
    // What `tifa annotate` does with a file's bytes: decode (lossily here, so every input
    // reaches the matcher), annotate, render.
    let Ok((text, _)) = tifa::input::source::decode("fuzz", data.to_vec(), true) else {
        return;
    };
    // Every format by default; with overlapping spans, the plain formats (reading the HTML
    // and Markdown back is most of the cost of an input, and the property tests and
    // tests/html.rs cover overlapping spans there).
    if let Err(e) = annotate_everywhere(matcher, &text, MatchOptions::default()) {
        panic!("{e}\ninput: {text:?}");
    }
    let opts = MatchOptions { overlapping: true };
    let ann = annotate(matcher, &text, opts);
    let checked = spans(&text, &ann, opts).and_then(|()| {
        [Format::Jsonl, Format::Csv, Format::Text]
            .into_iter()
            .try_for_each(|f| render_round_trip(matcher, &text, &ann, f))
    });
    if let Err(e) = checked {
        panic!("{e}\noverlapping: true\ninput: {text:?}");
    }
    if let Err(e) = jsonl_record(matcher, &text, "text") {
        panic!("{e}\ninput: {text:?}");
    }
}

/// The glossary CSV loader: entries and problems, never a panic; a file read without
/// errors writes back and reads again to the same entries, and compiles into a matcher
/// whose spans over its own forms are valid.
pub fn target_glossary_csv(data: &[u8]) {
    use std::path::Path;
    use tifa::glossary::{read_csv, write_csv, Glossary, Severity};
    let (entries, problems) = read_csv(data, Path::new("fuzz.csv"));
    for p in &problems {
        let m = p.to_string();
        assert!(m.starts_with("fuzz.csv"), "{m}");
    }
    // Only a file read without errors need round-trip: a row whose only content is in an
    // unknown column reads as an empty entry (and an error), and writes as a blank line.
    if problems.iter().any(|p| p.severity == Severity::Error) {
        return;
    }
    let mut out = Vec::new();
    write_csv(&entries, &mut out).expect("writing to a Vec cannot fail");
    let (again, _) = read_csv(&out[..], Path::new("fuzz.csv"));
    assert_eq!(entries.len(), again.len(), "CSV round trip");
    for (a, b) in entries.iter().zip(&again) {
        assert_eq!(
            (&a.id, &a.zh, &a.en, &a.literal, &a.en_alt, &a.zh_alt),
            (&b.id, &b.zh, &b.en, &b.literal, &b.en_alt, &b.zh_alt),
            "CSV round trip"
        );
    }
    let Ok(matcher) = Matcher::new(Glossary {
        entries: entries.into(),
    }) else {
        return;
    };
    let text: String = matcher
        .glossary()
        .entries
        .iter()
        .flat_map(|e| e.all_forms().map(|(_, f)| f.to_string()))
        .collect::<Vec<_>>()
        .join(" | ");
    for opts in [MatchOptions::default(), MatchOptions { overlapping: true }] {
        let ann = annotate(&matcher, &text, opts);
        if let Err(e) = spans(&text, &ann, opts) {
            panic!("{e}\ntext: {text:?}");
        }
    }
}

/// The TMX reader (and the XML layer under it): segments or one error, never a panic.
pub fn target_tmx(data: &[u8]) {
    use tifa::input::segments::{read_tmx, Languages};
    for langs in [
        Languages::default(),
        Languages {
            source: Some("en".into()),
            target: Some("zh".into()),
        },
    ] {
        match read_tmx(data, &langs) {
            Ok(segs) => {
                for w in segs.windows(2) {
                    assert!(w[0].number < w[1].number, "segment numbers not increasing");
                }
                assert!(segs.iter().all(|s| s.number >= 1 && s.line >= 1));
            }
            Err(e) => {
                let _ = e.to_string();
            }
        }
    }
    let _ = tifa::text::xml::parse(data);
}

/// The XLIFF 1.2/2.x reader: segments or one error, never a panic.
pub fn target_xliff(data: &[u8]) {
    match tifa::input::segments::read_xliff(data) {
        Ok(segs) => assert!(segs.iter().all(|s| s.number >= 1)),
        Err(e) => {
            let _ = e.to_string();
        }
    }
}

/// The TBX reader through `glossary import`: entries and problems, never a panic; an
/// import without errors compiles into a matcher (the import promises a loadable
/// glossary), and exports to TBX v3 and 2008 and imports again to the same forms.
pub fn target_tbx(data: &[u8]) {
    use std::path::Path;
    use tifa::glossary::exchange::{export, import, ExchangeFormat, ImportOptions};
    use tifa::glossary::Glossary;
    let path = Path::new("fuzz.tbx");
    let imported = import(ExchangeFormat::Tbx, data, path, &ImportOptions::default());
    for p in &imported.problems {
        let _ = p.to_string();
    }
    if imported.has_errors() {
        return;
    }
    let entries = imported.entries;
    if let Err(e) = Matcher::new(Glossary {
        entries: entries.clone().into(),
    }) {
        panic!("an imported glossary does not compile: {e}");
    }
    for format in [ExchangeFormat::Tbx, ExchangeFormat::Tbx2008] {
        let mut out = Vec::new();
        export(format, &entries, &mut out).expect("writing to a Vec cannot fail");
        let again = import(format, &out, path, &ImportOptions::default());
        assert!(
            !again.has_errors(),
            "{format:?} export does not import: {:?}",
            again.problems
        );
        assert_eq!(again.entries.len(), entries.len(), "{format:?} round trip");
        // Forms in order, headword first. An entry whose headword was left empty (its `en`
        // was another entry's form) comes back with its first alternative as headword:
        // the TBX has no preferred term to say otherwise.
        let forms = |e: &tifa::glossary::Entry| {
            let chinese: Vec<String> = std::iter::once(&e.zh)
                .chain(&e.zh_alt)
                .filter(|f| !f.is_empty())
                .cloned()
                .collect();
            let english: Vec<String> = std::iter::once(&e.en)
                .chain(&e.en_alt)
                .filter(|f| !f.is_empty())
                .cloned()
                .collect();
            (chinese, english, e.literal.clone())
        };
        for (a, b) in entries.iter().zip(&again.entries) {
            assert_eq!(forms(a), forms(b), "{format:?} round trip");
        }
    }
}
