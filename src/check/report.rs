//! Writing `tifa check` findings: a compiler-style report (`text`), `jsonl`, `csv`, `html`.
//!
//! The JSONL and CSV records are one [`FindingRecord`] per finding; its fields are the
//! schema (see the field docs). Offsets are code points into the text of `side`.

use std::fmt::Write as _;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::{Finding, Kind, Severity, Side};
use crate::input::segments::Segment;
use crate::matcher::Matcher;
use crate::render::escape::{csv_cell, html as escape_html};
use crate::render::html::content_security_policy;
use crate::text::path_in_message;
use crate::text::snippet::line_column;

/// Output formats of `tifa check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// `FILE:SEGMENT: severity: message`, then the segment with the term marked.
    Text,
    /// One JSON object per finding.
    Jsonl,
    /// One row per finding, with a header.
    Csv,
    /// A standalone HTML page with a table of findings.
    Html,
}

/// How to write the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportOptions {
    /// The format.
    pub format: ReportFormat,
    /// ANSI colours in the text report (on a terminal).
    pub color: bool,
}

/// One finding, as written in JSONL and CSV.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingRecord {
    /// The input's path as given (for two line-aligned files, the target file).
    pub file: String,
    /// 1-based number of the segment within its file.
    pub segment: usize,
    /// The segment's id in the file (`tuid`, `trans-unit` id …), or empty.
    pub id: String,
    /// 1-based line of the segment in its file.
    pub line: usize,
    /// `literal`, `missing`, `untranslated` or `extra`.
    pub kind: String,
    /// `error`, `warning` or `info`.
    pub severity: String,
    /// The glossary entry's id; null for untranslated Chinese that is no term.
    pub kb_id: Option<String>,
    /// The entry's Chinese headword.
    pub zh: Option<String>,
    /// The entry's preferred English rendering.
    pub en: Option<String>,
    /// The text found: the literal rendering, the untranslated Chinese, the extra term, or
    /// (for `missing`) the source term.
    pub found: String,
    /// `target`, or `source` for `missing`.
    pub side: String,
    /// Code-point offsets of `found` in the text of `side`, end exclusive.
    pub start: usize,
    /// Code-point offset of the end of `found`.
    pub end: usize,
    /// What to write instead, if anything.
    pub suggestion: Option<String>,
    /// The report's message.
    pub message: String,
}

/// CSV columns, in order (the fields of [`FindingRecord`]).
pub const CSV_COLUMNS: &[&str] = &[
    "file",
    "segment",
    "id",
    "line",
    "kind",
    "severity",
    "kb_id",
    "zh",
    "en",
    "found",
    "side",
    "start",
    "end",
    "suggestion",
    "message",
];

/// The one-line message of a finding.
pub fn message(f: &Finding, matcher: &Matcher) -> String {
    let entry = f.entry.map(|i| &matcher.glossary().entries[i]);
    let term = |e: &crate::glossary::Entry| format!("{} ({})", e.zh, e.id);
    match (f.kind, entry) {
        (Kind::Literal, Some(e)) => format!(
            "literal rendering \u{201C}{}\u{201D} of {}; use \u{201C}{}\u{201D}",
            flat(&f.found),
            term(e),
            e.en
        ),
        (Kind::Missing, Some(e)) => {
            let mut m = format!(
                "missing: {} has no approved rendering in the target; expected \u{201C}{}\u{201D}",
                term(e),
                e.en
            );
            if !e.en_alt.is_empty() {
                let alts: Vec<String> = e
                    .en_alt
                    .iter()
                    .map(|a| format!("\u{201C}{a}\u{201D}"))
                    .collect();
                let _ = write!(m, " (or {})", alts.join(", "));
            }
            m
        }
        (Kind::Untranslated, Some(e)) => format!(
            "untranslated Chinese \u{201C}{}\u{201D} in the target: {}; use \u{201C}{}\u{201D}",
            flat(&f.found),
            term(e),
            e.en
        ),
        (Kind::Untranslated, None) => format!(
            "untranslated Chinese \u{201C}{}\u{201D} in the target",
            flat(&f.found)
        ),
        (Kind::Extra, Some(e)) => format!(
            "extra: \u{201C}{}\u{201D} renders {}, which the source does not contain",
            flat(&f.found),
            term(e)
        ),
        (k, None) => format!("{k}: \u{201C}{}\u{201D}", flat(&f.found)),
    }
}

/// Line breaks inside a term shown on one line.
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn chars(s: &str, byte: usize) -> usize {
    s[..byte].chars().count()
}

/// The record of a finding.
pub fn record(path: &str, seg: &Segment, f: &Finding, matcher: &Matcher) -> FindingRecord {
    let entry = f.entry.map(|i| &matcher.glossary().entries[i]);
    let text = match f.side {
        Side::Source => seg.source.as_str(),
        Side::Target => seg.target.as_deref().unwrap_or_default(),
    };
    FindingRecord {
        file: path.to_string(),
        segment: seg.number,
        id: seg.id.clone(),
        line: seg.line,
        kind: f.kind.as_str().to_string(),
        severity: f.severity().as_str().to_string(),
        kb_id: entry.map(|e| e.id.clone()),
        zh: entry.map(|e| e.zh.clone()),
        en: entry.map(|e| e.en.clone()),
        found: f.found.clone(),
        side: f.side.as_str().to_string(),
        start: chars(text, f.range.start),
        end: chars(text, f.range.end),
        suggestion: f.suggestion.clone(),
        message: message(f, matcher),
    }
}

/// Written once before the first finding.
pub fn begin(opts: &ReportOptions, out: &mut Vec<u8>) {
    match opts.format {
        ReportFormat::Csv => {
            let mut w = csv_writer(out);
            let _ = w.write_record(CSV_COLUMNS);
            let _ = w.flush();
        }
        ReportFormat::Html => out.extend_from_slice(html_head().as_bytes()),
        ReportFormat::Text | ReportFormat::Jsonl => {}
    }
}

/// Written once after the last finding.
pub fn end(opts: &ReportOptions, out: &mut Vec<u8>) {
    if opts.format == ReportFormat::Html {
        out.extend_from_slice(b"</tbody>\n</table>\n</body>\n</html>\n");
    }
}

/// A record with every text cell neutralised for spreadsheets ([`csv_cell`]).
fn csv_record(mut r: FindingRecord) -> FindingRecord {
    let cell = |s: &mut String| {
        if let std::borrow::Cow::Owned(c) = csv_cell(s) {
            *s = c;
        }
    };
    for s in [&mut r.file, &mut r.id, &mut r.found, &mut r.message] {
        cell(s);
    }
    for s in [&mut r.kb_id, &mut r.zh, &mut r.en, &mut r.suggestion]
        .into_iter()
        .flatten()
    {
        cell(s);
    }
    r
}

fn csv_writer(out: &mut Vec<u8>) -> csv::Writer<&mut Vec<u8>> {
    csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out)
}

/// Writes one segment's findings.
pub fn render(
    opts: &ReportOptions,
    path: &str,
    seg: &Segment,
    findings: &[Finding],
    matcher: &Matcher,
    out: &mut Vec<u8>,
) {
    for f in findings {
        match opts.format {
            ReportFormat::Jsonl => {
                let r = record(path, seg, f, matcher);
                // A record of strings and numbers always serializes.
                if serde_json::to_writer(&mut *out, &r).is_ok() {
                    out.push(b'\n');
                }
            }
            ReportFormat::Csv => {
                let r = csv_record(record(path, seg, f, matcher));
                let mut w = csv_writer(out);
                let _ = w.serialize(&r);
                let _ = w.flush();
            }
            ReportFormat::Text => text(opts.color, path, seg, f, matcher, out),
            ReportFormat::Html => html_row(path, seg, f, matcher, out),
        }
    }
}

const RESET: &str = "\x1b[0m";

fn color_of(s: Severity) -> &'static str {
    match s {
        Severity::Error => "\x1b[1;31m",
        Severity::Warning => "\x1b[1;33m",
        Severity::Info => "\x1b[1;36m",
    }
}

/// The ranges a finding marks in the source and the target.
fn marks(f: &Finding) -> (Option<Range<usize>>, Option<Range<usize>>) {
    match f.side {
        Side::Source => (Some(f.range.clone()), None),
        Side::Target => (f.source_range.clone(), Some(f.range.clone())),
    }
}

/// The line of the file where the finding's text is: the line of the side it marks (the
/// target's for a target finding), plus the line breaks inside the text before it.
fn line_of_finding(seg: &Segment, f: &Finding) -> usize {
    let (text, line) = match f.side {
        Side::Source => (seg.source.as_str(), seg.source_line),
        Side::Target => (seg.target.as_deref().unwrap_or_default(), seg.target_line),
    };
    line + line_column(text.as_bytes(), f.range.start).0 - 1
}

/// A segment text on one line with a range marked: `[[…]]`, or coloured.
fn marked(text: &str, range: Option<&Range<usize>>, color: Option<&str>) -> String {
    let one = |s: &str| s.replace(['\r', '\n', '\t'], " ");
    match range {
        None => one(text),
        Some(r) => {
            let (open, close) = match color {
                Some(c) => (format!("{c}\x1b[4m"), RESET.to_string()),
                None => ("[[".to_string(), "]]".to_string()),
            };
            format!(
                "{}{open}{}{close}{}",
                one(&text[..r.start]),
                one(&text[r.clone()]),
                one(&text[r.end..])
            )
        }
    }
}

fn text(color: bool, path: &str, seg: &Segment, f: &Finding, matcher: &Matcher, out: &mut Vec<u8>) {
    let sev = f.severity();
    let c = color.then(|| color_of(sev));
    let line = line_of_finding(seg, f);
    let mut s = String::new();
    let path = path_in_message(path);
    match c {
        Some(c) => {
            let _ = write!(s, "\x1b[1m{path}:{line}:{RESET} {c}{sev}:{RESET} ");
        }
        None => {
            let _ = write!(s, "{path}:{line}: {sev}: ");
        }
    }
    s.push_str(&message(f, matcher));
    s.push('\n');
    let (sm, tm) = marks(f);
    let target = seg.target.as_deref().unwrap_or_default();
    let _ = writeln!(s, "    source | {}", marked(&seg.source, sm.as_ref(), c));
    let _ = writeln!(s, "    target | {}", marked(target, tm.as_ref(), c));
    out.extend_from_slice(s.as_bytes());
}

fn html_marked(text: &str, range: Option<&Range<usize>>) -> String {
    match range {
        None => escape_html(text),
        Some(r) => format!(
            "{}<mark>{}</mark>{}",
            escape_html(&text[..r.start]),
            escape_html(&text[r.clone()]),
            escape_html(&text[r.end..])
        ),
    }
}

fn html_row(path: &str, seg: &Segment, f: &Finding, matcher: &Matcher, out: &mut Vec<u8>) {
    let r = record(path, seg, f, matcher);
    let (sm, tm) = marks(f);
    let target = seg.target.as_deref().unwrap_or_default();
    let opt = |o: &Option<String>| escape_html(o.as_deref().unwrap_or_default());
    let row = format!(
        "<tr class=\"{sev}\"><td>{file}:{segno}</td><td>{id}</td><td class=\"sev\">{sev}</td>\
         <td>{kind}</td><td>{zh}<br><small>{kb}</small></td><td>{sug}</td>\
         <td lang=\"zh\">{src}</td><td lang=\"en\">{tgt}</td></tr>\n",
        sev = escape_html(&r.severity),
        file = escape_html(&r.file),
        segno = r.segment,
        id = escape_html(&r.id),
        kind = escape_html(&r.kind),
        zh = opt(&r.zh),
        kb = opt(&r.kb_id),
        sug = opt(&r.suggestion),
        src = html_marked(&seg.source, sm.as_ref()),
        tgt = html_marked(target, tm.as_ref()),
    );
    out.extend_from_slice(row.as_bytes());
}

/// The style sheet of the HTML report (hashed into its Content-Security-Policy).
const HTML_CSS: &str = "body { font-family: system-ui, sans-serif; margin: 1.5em; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: .35em .5em; text-align: left; vertical-align: top; }
mark { background: #ffe08a; }
tr.error .sev { color: #b00020; font-weight: bold; }
tr.warning .sev { color: #8a6d00; font-weight: bold; }
tr.info .sev { color: #2b6cb0; }
small { color: #666; }
";

/// The HTML report's head, with its Content-Security-Policy.
fn html_head() -> String {
    format!(
        "<!DOCTYPE html>
<html lang=\"en\">
<head>
<meta charset=\"utf-8\">
<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">
<title>tifa check</title>
<style>
{HTML_CSS}</style>
</head>
<body>
<h1>tifa check</h1>
<table>
<thead><tr><th>segment</th><th>id</th><th>severity</th><th>kind</th><th>term</th><th>suggestion</th><th>source</th><th>target</th></tr></thead>
<tbody>
",
        content_security_policy(&format!("\n{HTML_CSS}"), None)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(
            escape_html("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(
            html_marked("a<b>c", Some(&(1..4))),
            "a<mark>&lt;b&gt;</mark>c"
        );
    }

    #[test]
    fn marks_on_one_line() {
        assert_eq!(marked("a\nbc d", Some(&(2..4)), None), "a [[bc]] d");
    }
}
