//! Every use of the main crate's API, in one module: the bindings in `lib.rs` see only the
//! plain types below, so a change of the crate's paths or types is repointed here alone.
//!
//! Nothing here matches text: it calls the crate's loader (through the cache of compiled
//! glossaries), matcher, locator and checker and copies their results out;
//! [`tifa::annotate::windows`] runs the matcher on the windows of a long text at once.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use tifa::annotate::{locate, windows, WindowSizes};
use tifa::check::{check_segment, render, FindingRecord, ReportFormat, ReportOptions};
use tifa::glossary::{GlossaryError, GlossarySource, Problem, Severity};
use tifa::input::segments::Segment;
use tifa::matcher::cache::{self, Cache, CacheUse};
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

/// How the cache of compiled glossaries served a compile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheStatus {
    /// Not used (`cache=False`, or no cache folder in the environment).
    Off,
    /// Read from the cache.
    Hit,
    /// Compiled and stored in the cache.
    Stored,
    /// Compiled, but the cache folder could not be written.
    NotStored,
}

impl CacheStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CacheStatus::Off => "off",
            CacheStatus::Hit => "hit",
            CacheStatus::Stored => "stored",
            CacheStatus::NotStored => "not stored",
        }
    }
}

/// The spans' code-point offsets (one forward pass over the text) and fields.
fn located(text: &str, spans: &[Span]) -> Vec<SpanData> {
    locate(text, spans)
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

/// One finding of the bilingual check: the CLI's JSONL record (`tifa check --format jsonl`).
pub type FindingData = FindingRecord;

/// A glossary compiled for matching, with an index of its ids.
#[derive(Debug)]
pub struct Compiled {
    matcher: Matcher,
    index: HashMap<String, usize>,
    /// The matcher's smallest windows (worked out from every form, so once).
    min_window: WindowSizes,
}

impl Compiled {
    fn new(matcher: Matcher) -> Compiled {
        let mut index = HashMap::with_capacity(matcher.glossary().len());
        for (i, e) in matcher.glossary().entries.iter().enumerate() {
            index.entry(e.id.clone()).or_insert(i);
        }
        let min_window = WindowSizes::minimum(&matcher);
        Compiled {
            matcher,
            index,
            min_window,
        }
    }

    /// The curated glossary compiled into the crate, compiled for matching once per process:
    /// read from the cache of compiled glossaries, or compiled afresh and stored there, when
    /// `use_cache` (the first call decides). Also says how the cache served.
    pub fn builtin(use_cache: bool) -> Result<(Arc<Compiled>, CacheStatus), LoadError> {
        static BUILTIN: OnceLock<Result<(Arc<Compiled>, CacheStatus), LoadError>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                let (core, _, status) = Compiled::load(&[None], use_cache)?;
                Ok((core, status))
            })
            .clone()
    }

    /// Loads glossary files and folders in order; `None` stands for the compiled-in glossary
    /// (`builtin` on the command line). Goes through the cache of compiled glossaries
    /// (`$TIFA_CACHE_DIR`, else `$XDG_CACHE_HOME/tifa`, else `~/.cache/tifa`) when
    /// `use_cache`, as the command line does unless `--no-cache`. Returns the glossary, its
    /// warnings and how the cache served.
    pub fn load(
        paths: &[Option<PathBuf>],
        use_cache: bool,
    ) -> Result<(Arc<Compiled>, Vec<ProblemData>, CacheStatus), LoadError> {
        let sources: Vec<GlossarySource> = paths
            .iter()
            .map(|p| match p {
                None => GlossarySource::Builtin,
                Some(p) => GlossarySource::Path(p.clone()),
            })
            .collect();
        let store = if use_cache { Cache::from_env() } else { None };
        let compiled = cache::compile(&sources, store.as_ref())?;
        let status = match compiled.cache {
            CacheUse::Off => CacheStatus::Off,
            CacheUse::Hit => CacheStatus::Hit,
            CacheUse::Stored => CacheStatus::Stored,
            CacheUse::NotStored(_) => CacheStatus::NotStored,
        };
        Ok((
            Arc::new(Compiled::new(compiled.matcher)),
            compiled.warnings.iter().map(problem).collect(),
            status,
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
        located(text, &scratch.spans)
    }

    /// [`Compiled::annotate_with`] on `pool`'s threads: a text long enough for more than one
    /// window is cut into windows searched at once ([`windows`]); the spans are the same.
    /// Called on one of the pool's threads, the windows go to whichever threads are idle.
    pub fn annotate_on(
        &self,
        text: &str,
        overlapping: bool,
        scratch: &mut Scratch,
        pool: &rayon::ThreadPool,
    ) -> Vec<SpanData> {
        let sizes = windows::sizes(self.min_window, text.len(), pool.current_num_threads());
        if !windows::is_cut(sizes, text.len()) {
            return self.annotate_with(text, overlapping, scratch);
        }
        let opts = MatchOptions { overlapping };
        let spans = pool.install(|| windows::find(&self.matcher, text, opts, sizes));
        located(text, &spans)
    }

    /// [`Compiled::annotate_on`] with regions of `region` bytes (at least the matcher's
    /// smallest), for tests: many windows in a short text.
    pub fn annotate_in_windows(
        &self,
        text: &str,
        overlapping: bool,
        region: usize,
        pool: &rayon::ThreadPool,
    ) -> Vec<SpanData> {
        let opts = MatchOptions { overlapping };
        let sizes = self.window_sizes(region);
        let spans = pool.install(|| windows::find(&self.matcher, text, opts, sizes));
        located(text, &spans)
    }

    /// The byte offsets where [`Compiled::annotate_in_windows`] cuts `text`, first `0`, last
    /// the text's length.
    pub fn window_cuts(&self, text: &str, region: usize) -> Vec<usize> {
        windows::cuts(text, self.window_sizes(region))
    }

    fn window_sizes(&self, region: usize) -> WindowSizes {
        WindowSizes {
            region: region.max(self.min_window.region),
            overlap: self.min_window.overlap,
        }
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
