//! Every use of the main crate's API, in one module: the bindings in `lib.rs` see only the
//! plain types below, so a change of the crate's paths or types is repointed here alone.
//!
//! Nothing here matches text: it calls the crate's loader, matcher, locator and checker and
//! copies their results out.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use tifa::annotate::locate;
use tifa::check::{check_segment, render, FindingRecord, ReportFormat, ReportOptions};
use tifa::glossary::{load as load_sources, GlossaryError, GlossarySource, Problem, Severity};
use tifa::input::segments::Segment;
use tifa::matcher::{MatchOptions, Matcher, Span};
use tifa::text::normalize::Normalized;

/// One problem of a glossary, with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProblemData {
    pub file: String,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: u64,
    /// 1-based CSV column; 0 when the problem concerns the whole row or file.
    pub column: u64,
    /// `error` or `warning`.
    pub severity: &'static str,
    pub message: String,
    /// The compiler-style line the CLI prints (`FILE:LINE:COLUMN: error: MESSAGE`).
    pub display: String,
}

/// A glossary that cannot be used, with every problem found.
#[derive(Debug, Clone)]
pub struct LoadError {
    pub problems: Vec<ProblemData>,
}

fn problem(p: &Problem) -> ProblemData {
    ProblemData {
        file: p.file.display().to_string(),
        line: p.line,
        column: p.column,
        severity: match p.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        message: p.message.clone(),
        display: p.to_string(),
    }
}

impl From<GlossaryError> for LoadError {
    fn from(e: GlossaryError) -> LoadError {
        LoadError {
            problems: e.problems.iter().map(problem).collect(),
        }
    }
}

/// One glossary entry's fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryData {
    pub id: String,
    pub zh: String,
    pub zh_alt: Vec<String>,
    pub zh_hant: Vec<String>,
    pub pinyin: String,
    pub en: String,
    pub en_alt: Vec<String>,
    pub literal: Vec<String>,
    pub category: String,
    pub definition: String,
    pub note: String,
    pub see_also: Vec<String>,
    pub source: String,
    /// Forms that count only near another form of the entry or a cue.
    pub gated: Vec<String>,
    /// Every surface form with its kind (`zh`, `zh_alt`, … `literal`), headwords first.
    pub forms: Vec<(&'static str, String)>,
}

/// The entry fields a span record carries.
#[derive(Debug, Clone, Copy)]
pub struct SpanEntry<'a> {
    pub kb_id: &'a str,
    pub label: &'a str,
    pub zh: &'a str,
    pub pinyin: &'a str,
    pub en: &'a str,
}

/// One span, with the values of the CLI's JSONL span object (`src/render/jsonl.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpanData {
    /// Code-point offsets, end exclusive.
    pub start: usize,
    pub end: usize,
    /// UTF-8 byte offsets, end exclusive.
    pub byte_start: usize,
    pub byte_end: usize,
    /// Index of the entry.
    pub entry: usize,
    /// The surface form kind that matched.
    pub form: &'static str,
}

/// Buffers a worker reuses from text to text: the folded text with its offset maps, and the
/// spans found.
#[derive(Debug, Default)]
pub struct Scratch {
    norm: Normalized,
    spans: Vec<Span>,
}

/// One finding of the bilingual check: the CLI's JSONL record (`tifa check --format jsonl`).
pub type FindingData = FindingRecord;

/// A glossary compiled for matching, with an index of its ids.
#[derive(Debug)]
pub struct Compiled {
    matcher: Matcher,
    index: HashMap<String, usize>,
}

impl Compiled {
    fn new(matcher: Matcher) -> Compiled {
        let mut index = HashMap::with_capacity(matcher.glossary().len());
        for (i, e) in matcher.glossary().entries.iter().enumerate() {
            index.entry(e.id.clone()).or_insert(i);
        }
        Compiled { matcher, index }
    }

    /// The curated glossary compiled into the crate, compiled for matching once per process.
    pub fn builtin() -> Result<Arc<Compiled>, LoadError> {
        static BUILTIN: OnceLock<Result<Arc<Compiled>, LoadError>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                let glossary = tifa::glossary::Glossary::builtin();
                Ok(Arc::new(Compiled::new(Matcher::new(glossary)?)))
            })
            .clone()
    }

    /// Loads glossary files and folders in order; `None` stands for the compiled-in glossary
    /// (`builtin` on the command line). Returns the glossary and its warnings.
    pub fn load(paths: &[Option<PathBuf>]) -> Result<(Arc<Compiled>, Vec<ProblemData>), LoadError> {
        let sources: Vec<GlossarySource> = paths
            .iter()
            .map(|p| match p {
                None => GlossarySource::Builtin,
                Some(p) => GlossarySource::Path(p.clone()),
            })
            .collect();
        let (glossary, warnings) = load_sources(&sources)?;
        let matcher = Matcher::new(glossary)?;
        Ok((
            Arc::new(Compiled::new(matcher)),
            warnings.iter().map(problem).collect(),
        ))
    }

    pub fn len(&self) -> usize {
        self.matcher.glossary().len()
    }

    /// The index of the entry with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// The fields of entry `i` (`i < len()`).
    pub fn entry(&self, i: usize) -> EntryData {
        let e = &self.matcher.glossary().entries[i];
        EntryData {
            id: e.id.clone(),
            zh: e.zh.clone(),
            zh_alt: e.zh_alt.clone(),
            zh_hant: e.zh_hant.clone(),
            pinyin: e.pinyin.clone(),
            en: e.en.clone(),
            en_alt: e.en_alt.clone(),
            literal: e.literal.clone(),
            category: e.category.clone(),
            definition: e.definition.clone(),
            note: e.note.clone(),
            see_also: e.see_also.clone(),
            source: e.source.clone(),
            gated: e.gated.clone(),
            forms: e
                .all_forms()
                .map(|(k, f)| (k.as_str(), f.to_string()))
                .collect(),
        }
    }

    /// The fields of entry `i` that a span record carries.
    pub fn span_entry(&self, i: usize) -> SpanEntry<'_> {
        let e = &self.matcher.glossary().entries[i];
        SpanEntry {
            kb_id: &e.id,
            label: &e.category,
            zh: &e.zh,
            pinyin: &e.pinyin,
            en: &e.en,
        }
    }

    /// Finds and locates the terms of `text`, as `tifa annotate` does.
    pub fn annotate(&self, text: &str, overlapping: bool) -> Vec<SpanData> {
        self.annotate_with(text, overlapping, &mut Scratch::default())
    }

    /// [`Compiled::annotate`] with a worker's buffers: what `tifa::annotate::annotate` does
    /// (find, then locate), without allocating the folded text afresh for each of many
    /// short texts.
    pub fn annotate_with(
        &self,
        text: &str,
        overlapping: bool,
        scratch: &mut Scratch,
    ) -> Vec<SpanData> {
        let opts = MatchOptions { overlapping };
        self.matcher
            .find_into(text, opts, &mut scratch.norm, &mut scratch.spans);
        locate(text, &scratch.spans)
            .iter()
            .map(|l| SpanData {
                start: l.char_start,
                end: l.char_end,
                byte_start: l.span.start,
                byte_end: l.span.end,
                entry: l.span.entry,
                form: l.form().as_str(),
            })
            .collect()
    }

    /// Checks one aligned segment (`number` is 1-based) as `tifa check` does, and returns its
    /// findings as the records of `tifa check --format jsonl` (`file` and `id` empty).
    pub fn check(&self, number: usize, source: &str, target: &str) -> Vec<FindingData> {
        let findings = check_segment(&self.matcher, source, target);
        if findings.is_empty() {
            return Vec::new();
        }
        let seg = Segment {
            number,
            id: String::new(),
            source: source.to_string(),
            target: Some(target.to_string()),
            line: number,
            source_line: number,
            target_line: number,
        };
        let opts = ReportOptions {
            format: ReportFormat::Jsonl,
            color: false,
        };
        let mut out = Vec::new();
        render(&opts, "", &seg, &findings, &self.matcher, &mut out);
        // The crate writes one JSON record per line; read them back rather than re-derive
        // the message and offsets here.
        out.split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .filter_map(|l| serde_json::from_slice(l).ok())
            .collect()
    }
}
