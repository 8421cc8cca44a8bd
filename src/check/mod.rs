//! Bilingual term QA (`tifa check`): for each aligned segment, where the English target
//! renders a glossary term of the Chinese source literally, leaves it out, leaves Chinese
//! untranslated, or names a term the source does not have.
//!
//! The [`Matcher`] runs on both sides, so every matching rule holds on both: traditional
//! characters and line breaks inside Chinese terms in the source, case, plurals, hyphens and
//! line breaks in the English target.
//!
//! | kind | default severity | when |
//! | --- | --- | --- |
//! | `literal` | error | the target uses a literal rendering of an entry (suggests `en`) |
//! | `untranslated` | error | Han characters left in the target (suggests `en` when they are a term) |
//! | `missing` | warning | a source term has no approved rendering (`en`, `en_alt`) in the target |
//! | `extra` | info | a target term whose entry is not in the source |
//!
//! One problem gets one finding: a source term whose target rendering is literal, or left in
//! Chinese, is reported as `literal` or `untranslated`, not again as `missing`; a literal
//! rendering is not reported again as `extra`. A term nested in a longer source term (扫黑除恶
//! inside 常态化扫黑除恶) counts as present in the source, so its rendering is not `extra`.

mod report;

pub use self::report::{render, FindingRecord, ReportFormat, ReportOptions, CSV_COLUMNS};

use std::collections::HashSet;
use std::fmt;
use std::io::{self, Write};
use std::ops::Range;
use std::path::PathBuf;

use crate::diagnostics::Message;
use crate::glossary::FormKind;
use crate::input::segments::{self, Languages, Segment, SegmentError, SegmentFormat};
use crate::input::source;
use crate::matcher::{MatchOptions, Matcher, Span};
use crate::text::chinese::is_han;
use crate::text::english::count;
use crate::text::path_in_message;

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A literal rendering of a term in the target.
    Literal,
    /// A source term whose target renders it not at all.
    Missing,
    /// Chinese left untranslated in the target.
    Untranslated,
    /// A term in the target whose source has no such term.
    Extra,
}

impl Kind {
    /// Every kind, in report order.
    pub const ALL: [Kind; 4] = [
        Kind::Literal,
        Kind::Missing,
        Kind::Untranslated,
        Kind::Extra,
    ];

    /// The name in reports and `--fail-on`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Literal => "literal",
            Kind::Missing => "missing",
            Kind::Untranslated => "untranslated",
            Kind::Extra => "extra",
        }
    }

    /// How serious a finding of this kind is.
    pub fn severity(self) -> Severity {
        match self {
            Kind::Literal | Kind::Untranslated => Severity::Error,
            Kind::Missing => Severity::Warning,
            Kind::Extra => Severity::Info,
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Worth a look.
    Info,
    /// Probably wrong.
    Warning,
    /// Wrong.
    Error,
}

impl Severity {
    /// The name in reports and `--fail-on`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which text of a segment a range refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The Chinese source.
    Source,
    /// The English target.
    Target,
}

impl Side {
    /// The name in reports and `--fail-on`.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Source => "source",
            Side::Target => "target",
        }
    }
}

/// One finding in one segment. Ranges are byte ranges of the segment's texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// What the finding is about.
    pub kind: Kind,
    /// Index of the entry in the matcher's glossary; `None` for Chinese that is no term.
    pub entry: Option<usize>,
    /// Where `found` is: the target, except for `missing` (the source term).
    pub side: Side,
    /// Byte range of the found text in `side`'s text.
    pub range: Range<usize>,
    /// The entry's term in the source, when the finding is in the target and the source has it.
    pub source_range: Option<Range<usize>>,
    /// The text found (`side`'s text at `range`).
    pub found: String,
    /// What to write instead (the entry's `en`), when there is something to suggest.
    pub suggestion: Option<String>,
}

impl Finding {
    /// How serious the finding is.
    pub fn severity(&self) -> Severity {
        self.kind.severity()
    }
}

fn approved(form: FormKind) -> bool {
    matches!(form, FormKind::En | FormKind::EnAlt)
}

/// Checks one segment's target against its source.
pub fn check_segment(matcher: &Matcher, source: &str, target: &str) -> Vec<Finding> {
    let glossary = matcher.glossary();
    let src_spans: Vec<Span> = matcher
        .find(source, MatchOptions::default())
        .into_iter()
        .filter(|s| s.form.is_chinese())
        .collect();
    // Every entry named anywhere in the source, nested terms included.
    let src_all: HashSet<usize> = matcher
        .find(source, MatchOptions { overlapping: true })
        .into_iter()
        .filter(|s| s.form.is_chinese())
        .map(|s| s.entry)
        .collect();
    // The source vouches for its terms: their gated renderings count in the target.
    let tgt_spans = matcher.find_in_context(target, MatchOptions::default(), &src_all);
    let src_range = |entry: usize| {
        src_spans
            .iter()
            .find(|s| s.entry == entry)
            .map(|s| s.start..s.end)
    };
    let en = |entry: usize| glossary.entries[entry].en.clone();

    let mut found = Vec::new();
    let mut rendered: HashSet<usize> = HashSet::new(); // approved, literal or left in Chinese
    for s in &tgt_spans {
        let text = target[s.start..s.end].to_string();
        if s.form == FormKind::Literal {
            rendered.insert(s.entry);
            found.push(Finding {
                kind: Kind::Literal,
                entry: Some(s.entry),
                side: Side::Target,
                range: s.start..s.end,
                source_range: src_range(s.entry),
                found: text,
                suggestion: Some(en(s.entry)),
            });
        } else if approved(s.form) {
            rendered.insert(s.entry);
            if !src_all.contains(&s.entry) {
                found.push(Finding {
                    kind: Kind::Extra,
                    entry: Some(s.entry),
                    side: Side::Target,
                    range: s.start..s.end,
                    source_range: None,
                    found: text,
                    suggestion: None,
                });
            }
        }
    }
    for run in han_runs(target) {
        // The first term inside the run, if any, names the entry.
        let term = tgt_spans
            .iter()
            .find(|s| s.form.is_chinese() && s.start < run.end && s.end > run.start);
        if let Some(t) = term {
            rendered.insert(t.entry);
        }
        found.push(Finding {
            kind: Kind::Untranslated,
            entry: term.map(|t| t.entry),
            side: Side::Target,
            source_range: term.and_then(|t| src_range(t.entry)),
            found: target[run.clone()].to_string(),
            range: run,
            suggestion: term.map(|t| en(t.entry)),
        });
    }
    found.sort_by_key(|f| (f.range.start, f.kind));
    let mut seen = HashSet::new();
    for s in &src_spans {
        if rendered.contains(&s.entry) || !seen.insert(s.entry) {
            continue;
        }
        found.push(Finding {
            kind: Kind::Missing,
            entry: Some(s.entry),
            side: Side::Source,
            range: s.start..s.end,
            source_range: Some(s.start..s.end),
            found: source[s.start..s.end].to_string(),
            suggestion: Some(en(s.entry)),
        });
    }
    found
}

/// Maximal runs of Han characters (whitespace between two Han characters, as left by line
/// wrapping, does not break a run).
fn han_runs(text: &str) -> Vec<Range<usize>> {
    let mut runs: Vec<Range<usize>> = Vec::new();
    let mut cur: Option<Range<usize>> = None;
    let mut gap_ok = false; // only whitespace since the last Han character
    for (i, c) in text.char_indices() {
        if is_han(c) {
            let end = i + c.len_utf8();
            cur = Some(match cur.take() {
                Some(r) if gap_ok => r.start..end,
                Some(r) => {
                    runs.push(r);
                    i..end
                }
                None => i..end,
            });
            gap_ok = true;
        } else if !c.is_whitespace() {
            gap_ok = false;
        }
    }
    runs.extend(cur);
    runs
}

/// Which findings make `tifa check` exit with status 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailOn {
    kinds: HashSet<Kind>,
    /// Findings of this severity or worse.
    at_least: Option<Severity>,
}

impl Default for FailOn {
    /// Errors.
    fn default() -> FailOn {
        FailOn {
            kinds: HashSet::new(),
            at_least: Some(Severity::Error),
        }
    }
}

impl FailOn {
    /// Parses a comma-separated list of kinds (`literal`, `missing`, `untranslated`, `extra`),
    /// severities (`error`, `warning`, `info`: that severity or worse), `all` or `none`.
    pub fn parse(list: &str) -> Result<FailOn, String> {
        let mut f = FailOn {
            kinds: HashSet::new(),
            at_least: None,
        };
        for word in list.split(',').map(str::trim).filter(|w| !w.is_empty()) {
            let sev = match word {
                "error" | "errors" => Some(Severity::Error),
                "warning" | "warnings" => Some(Severity::Warning),
                "info" | "all" => Some(Severity::Info),
                "none" => None,
                _ => match Kind::ALL.iter().find(|k| k.as_str() == word) {
                    Some(k) => {
                        f.kinds.insert(*k);
                        continue;
                    }
                    None => {
                        return Err(format!(
                            "unknown --fail-on value {word:?}; use kinds (literal, missing, \
                             untranslated, extra), severities (error, warning, info), all or none"
                        ))
                    }
                },
            };
            if let Some(s) = sev {
                f.at_least = Some(f.at_least.map_or(s, |a| a.min(s)));
            }
        }
        Ok(f)
    }

    /// Whether a finding of `kind` makes the exit status 1.
    pub fn fails(&self, kind: Kind) -> bool {
        self.kinds.contains(&kind) || self.at_least.is_some_and(|s| kind.severity() >= s)
    }
}

/// One input of `tifa check`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckInput {
    /// A TSV, TMX or XLIFF file (`format` overrides the extension).
    File(PathBuf),
    /// Two line-aligned files.
    Pair {
        /// The Chinese file.
        source: PathBuf,
        /// The English file.
        target: PathBuf,
    },
}

/// Everything `tifa check` needs, already validated.
#[derive(Debug, Clone)]
pub struct CheckConfig {
    /// The inputs, in order.
    pub inputs: Vec<CheckInput>,
    /// The format of every file input, instead of guessing it from the extension.
    pub input_format: Option<SegmentFormat>,
    /// Which languages of a TMX file are source and target.
    pub languages: Languages,
    /// How to write the report.
    pub report: ReportOptions,
    /// Which findings make the exit status 1.
    pub fail_on: FailOn,
}

/// What a check run found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckReport {
    /// Inputs read.
    pub files: u64,
    /// Segments checked.
    pub segments: u64,
    /// Findings of severity error.
    pub errors: u64,
    /// Findings of severity warning.
    pub warnings: u64,
    /// Findings of severity info.
    pub infos: u64,
    /// Findings that `--fail-on` selects.
    pub failing: u64,
    /// Inputs that could not be read.
    pub input_errors: u64,
    /// Inputs that lack a language named by `--source-lang` or `--target-lang` (among
    /// `input_errors`): the command exits 2.
    pub language_errors: u64,
}

impl CheckReport {
    /// The summary line.
    pub fn summary(&self) -> String {
        format!(
            "{} in {}: {}, {}, {} info{}",
            count(self.segments, "segment", "segments"),
            count(self.files, "file", "files"),
            count(self.errors, "error", "errors"),
            count(self.warnings, "warning", "warnings"),
            self.infos,
            if self.input_errors > 0 {
                format!(
                    "; {} unreadable",
                    count(self.input_errors, "input", "inputs")
                )
            } else {
                String::new()
            }
        )
    }
}

/// A file's segments, read.
pub struct CheckedFile {
    /// The path reported (the target file for a pair).
    pub path: String,
    /// Its segments, in file order.
    pub segments: Vec<Segment>,
    /// The target language the file declares or that was chosen in it (TMX, XLIFF).
    pub target_lang: Option<String>,
    /// What was left out of the file and why, one message each (units without the source
    /// language, segments without a target, units marked `translate="no"`).
    pub left_out: Vec<String>,
}

/// Why an input could not be checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// What went wrong, naming the file.
    pub message: String,
    /// The file lacks a language named by `--source-lang` or `--target-lang`: the options
    /// are wrong (exit 2), not the file.
    pub wrong_language: bool,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<String> for ReadError {
    fn from(message: String) -> ReadError {
        ReadError {
            message,
            wrong_language: false,
        }
    }
}

/// `N units … (line L)` / `(lines A, B, …)`.
fn left_out(path: &str, lines: &[usize], one: &str, many: &str, what: &str) -> Option<String> {
    let n = lines.len();
    if n == 0 {
        return None;
    }
    let mut shown: Vec<String> = lines.iter().take(10).map(usize::to_string).collect();
    if n > 10 {
        shown.push("…".into());
    }
    Some(format!(
        "{path}: {n} {} {what} ({} {})",
        if n == 1 { one } else { many },
        if n == 1 { "line" } else { "lines" },
        shown.join(", ")
    ))
}

/// Does language tag `lang` belong to `want` (`en` takes `en-US`)?
fn lang_is(lang: &str, want: &str) -> bool {
    let l = lang.to_ascii_lowercase();
    l == want || (l.starts_with(want) && matches!(l.as_bytes().get(want.len()), Some(b'-' | b'_')))
}

/// Reads one input's segments.
pub fn read_input(input: &CheckInput, config: &CheckConfig) -> Result<CheckedFile, ReadError> {
    match input {
        CheckInput::File(p) => {
            let path = p.display().to_string();
            let shown = path_in_message(&path);
            let format = match config
                .input_format
                .or_else(|| SegmentFormat::from_path(&path))
            {
                Some(f) => f,
                None => {
                    return Err(format!(
                        "{shown}: unknown input format; name it with --input-format tsv|tmx|xliff, \
                         or give two line-aligned files with --source and --target"
                    )
                    .into())
                }
            };
            let bytes = source::read_all(p).map_err(|e| e.to_string())?;
            let read = segments::read_segments(&bytes, format, &config.languages).map_err(|e| {
                ReadError {
                    message: located(&shown, &e),
                    wrong_language: matches!(e, SegmentError::Language { .. }),
                }
            })?;
            let left_out = [
                left_out(
                    &shown,
                    &read.no_source,
                    "unit has",
                    "units have",
                    "no text in the source language: skipped",
                ),
                left_out(
                    &shown,
                    &read.no_target,
                    "segment has",
                    "segments have",
                    "no target: not checked",
                ),
                left_out(
                    &shown,
                    &read.not_translatable,
                    "unit is",
                    "units are",
                    "marked translate=\"no\": skipped",
                ),
            ]
            .into_iter()
            .flatten()
            .collect();
            Ok(CheckedFile {
                path,
                segments: read.segments,
                target_lang: read.target_lang,
                left_out,
            })
        }
        CheckInput::Pair {
            source: s,
            target: t,
        } => {
            let (sp, tp) = (s.display().to_string(), t.display().to_string());
            let (ssp, stp) = (path_in_message(&sp), path_in_message(&tp));
            let read = |p: &std::path::Path, shown: &str| -> Result<String, String> {
                let bytes = source::read_all(p).map_err(|e| e.to_string())?;
                segments::decode_text(&bytes).map_err(|e| located(shown, &e))
            };
            let (st, tt) = (read(s, &ssp)?, read(t, &stp)?);
            let segments =
                segments::read_line_pairs(&st, &tt).map_err(|e| format!("{ssp} and {stp}: {e}"))?;
            Ok(CheckedFile {
                path: tp,
                segments,
                target_lang: None,
                left_out: Vec::new(),
            })
        }
    }
}

/// `path:line:column: message` for a segment error.
fn located(path: &str, e: &SegmentError) -> String {
    match e {
        SegmentError::Xml(x) if x.line > 0 => {
            let mut x = x.clone();
            let (l, c) = (x.line, x.column);
            x.line = 0;
            format!("{path}:{l}:{c}: {x}")
        }
        SegmentError::Text { line, message } if *line > 0 => format!("{path}:{line}: {message}"),
        _ => format!("{path}: {e}"),
    }
}

/// Runs `tifa check`: reads every input, checks its segments, writes the report to `out`.
pub fn run(
    config: &CheckConfig,
    matcher: &Matcher,
    out: &mut dyn Write,
    message: &mut dyn FnMut(Message),
) -> io::Result<CheckReport> {
    let mut report = CheckReport::default();
    let mut buf = Vec::new();
    report::begin(&config.report, &mut buf);
    out.write_all(&buf)?;
    for input in &config.inputs {
        let file = match read_input(input, config) {
            Ok(f) => f,
            Err(e) => {
                report.input_errors += 1;
                if e.wrong_language {
                    report.language_errors += 1;
                }
                message(Message::Error(e.message));
                continue;
            }
        };
        report.files += 1;
        for m in &file.left_out {
            message(Message::Note(m.clone()));
        }
        // The glossary's renderings are English: in another target language only untranslated
        // Chinese can be found, and not even that where the language writes Han characters
        // (Japanese kanji, Korean hanja) — they are not untranslated Chinese.
        let target_lang = file.target_lang.as_deref().unwrap_or("en");
        let english = lang_is(target_lang, "en");
        let han = ["ja", "ko", "zh"].iter().any(|w| lang_is(target_lang, w));
        if !english {
            message(Message::Note(format!(
                "{}: the target language is {target_lang}, not English: renderings are not \
                 checked{}",
                path_in_message(&file.path),
                if han {
                    ", nor untranslated Chinese (its script has Han characters)"
                } else {
                    ", only untranslated Chinese"
                }
            )));
        }
        for seg in &file.segments {
            report.segments += 1;
            let Some(target) = &seg.target else { continue };
            let mut findings = check_segment(matcher, &seg.source, target);
            if !english {
                findings.retain(|f| f.kind == Kind::Untranslated && !han);
            }
            for f in &findings {
                match f.severity() {
                    Severity::Error => report.errors += 1,
                    Severity::Warning => report.warnings += 1,
                    Severity::Info => report.infos += 1,
                }
                if config.fail_on.fails(f.kind) {
                    report.failing += 1;
                }
            }
            buf.clear();
            render(
                &config.report,
                &file.path,
                seg,
                &findings,
                matcher,
                &mut buf,
            );
            out.write_all(&buf)?;
        }
    }
    buf.clear();
    report::end(&config.report, &mut buf);
    out.write_all(&buf)?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_runs_span_wrapped_lines() {
        let t = "a 保护\n伞 b 钉子案。x";
        let runs: Vec<&str> = han_runs(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(runs, ["保护\n伞", "钉子案"]);
    }

    #[test]
    fn fail_on() {
        let d = FailOn::default();
        assert!(d.fails(Kind::Literal) && d.fails(Kind::Untranslated));
        assert!(!d.fails(Kind::Missing) && !d.fails(Kind::Extra));
        let w = FailOn::parse("warning").unwrap();
        assert!(w.fails(Kind::Missing) && w.fails(Kind::Literal) && !w.fails(Kind::Extra));
        let k = FailOn::parse("extra").unwrap();
        assert!(k.fails(Kind::Extra) && !k.fails(Kind::Literal));
        assert!(!FailOn::parse("none").unwrap().fails(Kind::Literal));
        assert!(FailOn::parse("all").unwrap().fails(Kind::Extra));
        assert!(FailOn::parse("bogus").is_err());
    }
}
