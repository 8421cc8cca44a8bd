//! The batch runner of `tifa annotate`: reads documents, annotates them on parallel workers,
//! and writes the rendered outputs in input order, whatever the number of workers.
//!
//! Every worker renders a whole document into its own buffer; buffers are written in input
//! order ([`pipeline::ordered`]), so outputs never interleave and `-j1` equals `-jN` byte for
//! byte. Work goes out in chunks bounded in documents and bytes, which bounds memory by the
//! chunk, not the corpus. The runner names no format: the renderer's hooks do what differs.

pub mod corpus;
mod jsonl;
pub mod pipeline;
mod sink;
mod stream;

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use self::jsonl::JsonlJob;
use self::sink::{Sink, SummaryFile};
use self::stream::STREAM_ABOVE;
use crate::annotate::{
    annotate, annotate_on_threads, entry_counts, windows, Annotation, WindowSizes,
};
use crate::diagnostics::Message;
use crate::glossary::Glossary;
use crate::input::source::{self, Found, Globs, InputError, InputErrorKind, WalkNote};
use crate::matcher::{MatchOptions, Matcher};
use crate::output::{overwrite_error, overwritten_input, same_output};
use crate::render::{Document, Format, Render};
use crate::text::english::count;

/// How inputs are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputMode {
    /// Each file is one document.
    Text,
    /// Each line of each file is a JSON object holding a document.
    Jsonl,
}

/// Where outputs go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// Standard output.
    Stdout,
    /// One file for everything, written atomically.
    File(PathBuf),
    /// One output file per input, mirroring the input tree.
    Dir(PathBuf),
}

/// Everything `tifa annotate` needs, already validated.
#[derive(Debug, Clone)]
pub struct AnnotateConfig {
    /// Files and folders; empty or `-` means standard input.
    pub inputs: Vec<PathBuf>,
    /// Output format.
    pub format: Format,
    /// Where outputs go.
    pub destination: Destination,
    /// Parallel workers.
    pub jobs: usize,
    /// Matching choices.
    pub match_options: MatchOptions,
    /// How inputs are read.
    pub input_mode: InputMode,
    /// With JSONL input: the field holding the text.
    pub text_field: String,
    /// Replace invalid UTF-8 instead of failing the input.
    pub lossy: bool,
    /// Read long files with read calls, not memory maps ([`crate::input::mapped`]).
    pub no_mmap: bool,
    /// Include/exclude patterns for files found in folders.
    pub globs: Vec<String>,
    /// Per-document entry counts: CSV, or JSON when the name ends in `.json`.
    pub summary: Option<PathBuf>,
}

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Documents annotated.
    pub documents: u64,
    /// Input bytes read.
    pub bytes: u64,
    /// Spans found.
    pub spans: u64,
    /// Inputs (or records) that failed; the exit status is 1 when this is not zero.
    pub errors: u64,
    /// Wall-clock time of the run.
    pub elapsed: Duration,
}

impl Report {
    /// The final summary line.
    pub fn summary(&self) -> String {
        let secs = self.elapsed.as_secs_f64();
        let mb = self.bytes as f64 / 1e6;
        format!(
            "{}, {:.1} MB, {}, {} in {:.2} s ({:.1} MB/s)",
            count(self.documents, "document", "documents"),
            mb,
            count(self.spans, "span", "spans"),
            count(self.errors, "error", "errors"),
            secs,
            if secs > 0.0 { mb / secs } else { 0.0 }
        )
    }
}

/// Chunk limits: enough work to keep every worker busy, little enough to bound memory.
const CHUNK_DOCS: usize = 512;
const CHUNK_BYTES: u64 = 8 << 20;

/// The most rendered output held in memory across the documents in flight (two chunks of
/// them). Output can be a hundred times the input (HTML of Chinese with CC-CEDICT: 512
/// documents of 16 KB took 1.2 GB), so chunks shrink to the output seen so far, and past
/// this a document's output waits in a temporary file for its turn.
const HELD_OUTPUT: usize = 64 << 20;

/// Rendered output in flight, and the output the input has given so far ([`HELD_OUTPUT`]).
#[derive(Default)]
pub(super) struct Held {
    /// Output held by documents rendered and not yet written.
    bytes: AtomicUsize,
    /// Input and output bytes of the documents rendered so far.
    input: AtomicU64,
    output: AtomicU64,
}

impl Held {
    /// The input bytes a chunk may take: at the output-to-input ratio seen so far, what
    /// renders to half of [`HELD_OUTPUT`] (two chunks are in flight), up to [`CHUNK_BYTES`].
    /// The first two chunks are fetched before any output is seen: an eighth of that.
    fn chunk_bytes(&self) -> u64 {
        let input = self.input.load(Ordering::Relaxed) as u128;
        let output = self.output.load(Ordering::Relaxed) as u128;
        if input == 0 {
            return CHUNK_BYTES / 8;
        }
        if output <= input {
            return CHUNK_BYTES;
        }
        let fits = (HELD_OUTPUT as u128 / 2) * input / output;
        (fits.min(CHUNK_BYTES as u128) as u64).max(1)
    }

    /// Releases `bytes` of output held, now written.
    fn release(&self, bytes: usize) {
        let before = self.bytes.fetch_sub(bytes, Ordering::Relaxed);
        debug_assert!(before >= bytes, "released {bytes} of {before} bytes held");
    }

    /// Counts a document of `input` bytes whose output is `output` bytes, `held` of them in
    /// memory: false, with nothing held, when holding them would pass [`HELD_OUTPUT`].
    fn hold(&self, input: u64, output: u64, held: usize) -> bool {
        self.input.fetch_add(input, Ordering::Relaxed);
        self.output.fetch_add(output, Ordering::Relaxed);
        if self.bytes.fetch_add(held, Ordering::Relaxed) + held > HELD_OUTPUT {
            self.bytes.fetch_sub(held, Ordering::Relaxed);
            return false;
        }
        true
    }
}

/// Lines of a JSONL input handed out at once.
const JSONL_CHUNK_LINES: usize = CHUNK_DOCS * 4;

/// The number of workers for `items` pieces of work: `jobs`, but at least one and no more
/// than the pieces of work in one chunk, since no more can run at once.
pub(crate) fn workers(jobs: usize, items: usize) -> usize {
    jobs.clamp(1, items.clamp(1, JSONL_CHUNK_LINES))
}

/// What a worker produces for one input.
type Outcome = Result<Rendered, InputError>;

struct Rendered {
    bytes: Vec<u8>,
    input_len: u64,
    spans: u64,
    /// Entry index and occurrences, for `--summary`.
    counts: Vec<(usize, u32)>,
    warning: Option<InputError>,
    /// An annotated document (a JSONL line passed through is none).
    document: bool,
    /// An input too long to hold: its first bytes and the rest, annotated in windows when
    /// its turn comes.
    stream: Option<(Vec<u8>, source::Rest)>,
    /// The start of the output, set aside in a temporary file as it was rendered (it comes
    /// before `bytes`), or why it could not be.
    spilled: io::Result<Option<fs::File>>,
}

impl Rendered {
    /// The bytes it holds that [`Held`] counts: a document's (a line passed through is not
    /// counted, nor is an output set aside whole).
    fn held(&self) -> usize {
        if self.document {
            self.bytes.len()
        } else {
            0
        }
    }
}

/// Runs `tifa annotate`. `stdout` receives output when the destination is standard output;
/// `message` receives every error, warning, note and progress report as it happens. When
/// `cancel` becomes true the run stops once the documents in progress are done (the rest
/// of their chunk is not started, and not written), and no partial output file is left
/// behind.
pub fn run(
    config: &AnnotateConfig,
    matcher: &Matcher,
    stdout: &mut dyn Write,
    message: &mut dyn FnMut(Message),
    cancel: &AtomicBool,
) -> io::Result<Report> {
    let inputs = Inputs::find(config)?;
    run_inputs(config, inputs, matcher, stdout, message, cancel)
}

/// The files a run reads, found by walking its inputs before its glossary is needed (the
/// command line walks the folders while the glossary compiles), with what the walk noted.
#[derive(Debug)]
pub struct Inputs {
    found: Vec<Found>,
    notes: Vec<WalkNote>,
}

impl Inputs {
    /// Walks `config`'s inputs (standard input when it names none) through its globs; an
    /// error when a glob does not parse.
    pub fn find(config: &AnnotateConfig) -> io::Result<Inputs> {
        let globs = Globs::new(&config.globs)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
        let inputs = if config.inputs.is_empty() {
            vec![PathBuf::from("-")]
        } else {
            config.inputs.clone()
        };
        let mut notes = Vec::new();
        let found = source::expand(&inputs, &globs, &mut notes);
        Ok(Inputs { found, notes })
    }

    /// The files found, in the order they are read.
    pub fn paths(&self) -> impl Iterator<Item = &Path> {
        self.found.iter().map(|f| f.path.as_path())
    }
}

/// [`run`] on inputs already found ([`Inputs::find`] with the same `config`).
pub fn run_inputs(
    config: &AnnotateConfig,
    inputs: Inputs,
    matcher: &Matcher,
    stdout: &mut dyn Write,
    message: &mut dyn FnMut(Message),
    cancel: &AtomicBool,
) -> io::Result<Report> {
    let started = Instant::now();
    let renderer = config.format.renderer();
    let mut report = Report::default();
    let Inputs { mut found, notes } = inputs;
    if let Destination::Dir(d) = &config.destination {
        let skipped = sink::skip_output_folder(&mut found, d)?;
        if skipped > 0 {
            message(Message::Note(format!(
                "{}: the output folder is inside an input folder; {} in it not read as input",
                crate::text::path_in_message(&d.to_string_lossy()),
                count(skipped as u64, "file", "files")
            )));
        }
    }
    let outputs = match &config.destination {
        Destination::File(p) => Some(p),
        _ => None,
    };
    // An output file that a folder walk met (`tifa annotate in -o in/all.jsonl`, run a
    // second time) is the previous run's output, not an input: reading it would annotate the
    // annotations and then replace it while it is read.
    for out in outputs.into_iter().chain(&config.summary) {
        let before = found.len();
        found.retain(|f| !(f.walked && same_output(out, &f.path)));
        if found.len() < before {
            message(Message::Note(format!(
                "{}: the output file is inside an input folder; not read as input",
                crate::text::path_in_message(&out.to_string_lossy())
            )));
        }
    }
    // An output file that is one of the inputs named by the user would replace it: refused
    // before any work.
    let paths: Vec<PathBuf> = found.iter().map(|f| f.path.clone()).collect();
    for out in outputs.into_iter().chain(&config.summary) {
        if let Some(input) = overwritten_input(out, &paths) {
            return Err(overwrite_error(out, &input));
        }
    }
    for n in notes {
        match n {
            WalkNote::Skipped(p, why) => message(Message::Note(format!("{}: {why}", p.display()))),
            WalkNote::Error(e) => {
                report.errors += 1;
                message(Message::Error(e.to_string()));
            }
        }
    }
    // More workers than pieces of work would only cost threads (`-j 100000` spent minutes
    // starting them, then aborted). A long input is searched in windows on several
    // workers: it counts as a piece of work per smallest region of text.
    let items = match config.input_mode {
        InputMode::Text => found
            .iter()
            .map(|f| 1 + (f.len / windows::MIN_REGION as u64) as usize)
            .sum::<usize>(),
        InputMode::Jsonl => JSONL_CHUNK_LINES,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(workers(config.jobs, items))
        .build()
        .map_err(io::Error::other)?;
    // Worked out from every form, so only when windows can go to several workers.
    let min_window = (pool.current_num_threads() > 1).then(|| WindowSizes::minimum(matcher));
    let total_bytes: u64 = found.iter().map(|f| f.len).sum();
    let total_bytes = (!found.iter().any(|f| f.path.as_os_str() == "-")).then_some(total_bytes);

    let mut sink = Sink::new(
        &config.destination,
        &*renderer,
        stdout,
        &found,
        config.summary.as_deref(),
    )?;
    let mut summary = match &config.summary {
        Some(p) => Some(SummaryFile::create(p)?),
        None => None,
    };
    sink.begin(&*renderer)?;
    let progress = |report: &Report, message: &mut dyn FnMut(Message)| {
        message(Message::Progress {
            documents: report.documents,
            bytes: report.bytes,
            total_bytes,
        })
    };
    let held = Held::default();
    match config.input_mode {
        InputMode::Text => {
            pipeline::ordered(
                &pool,
                chunks(&found, &held),
                |f: &&Found| {
                    // Once stopped, the rest of the chunk in progress is not started: a stop
                    // waits for one document per worker, not for a whole chunk.
                    if cancel.load(Ordering::Relaxed) {
                        let stopped = io::Error::from(io::ErrorKind::Interrupted);
                        return Err(InputError::new(
                            display(&f.path),
                            InputErrorKind::Io(stopped),
                        ));
                    }
                    render_file(f, config, matcher, min_window, &*renderer, &held)
                },
                |chunk, (), results| {
                    if cancel.load(Ordering::Relaxed) {
                        // Not delivered: the outputs already written are whole, and the run
                        // ends as interrupted.
                        return Ok(());
                    }
                    let delivered: usize = results
                        .iter()
                        .map(|r| r.as_ref().map_or(0, Rendered::held))
                        .sum();
                    let mut out = Delivery {
                        report: &mut report,
                        summary: summary.as_mut(),
                        sink: &mut sink,
                        renderer: &*renderer,
                        matcher,
                        message: &mut *message,
                        config,
                        cancel,
                        pool: &pool,
                        min_window,
                    };
                    let done = out.files(&chunk, results);
                    held.release(delivered);
                    done?;
                    progress(&report, message);
                    // A failed write to the shared output ends the run.
                    sink.fatal.take().map_or(Ok(()), Err)
                },
                || cancel.load(Ordering::Relaxed),
            )?;
        }
        InputMode::Jsonl => {
            for f in &found {
                if cancel.load(Ordering::Relaxed) {
                    break;
                }
                let mut job = JsonlJob {
                    config,
                    matcher,
                    renderer: &*renderer,
                    pool: &pool,
                    cancel,
                    total_bytes,
                    min_window,
                };
                let res = job.run(f, &mut sink, &mut report, summary.as_mut(), message);
                if let Some(e) = sink.fatal.take() {
                    return Err(e);
                }
                if let Err(e) = res {
                    report.errors += 1;
                    message(Message::Error(e));
                }
            }
        }
    }
    if cancel.load(Ordering::Relaxed) {
        // Dropping the sink removes its temporary files: nothing partial is left.
        return Err(io::Error::new(
            io::ErrorKind::Interrupted,
            "interrupted; no partial output was kept",
        ));
    }
    sink.end(&*renderer, matcher.glossary())?;
    if let Some(s) = summary {
        s.finish()?;
    }
    report.elapsed = started.elapsed();
    Ok(report)
}

/// Where rendered chunks go: output, summary, report and messages.
struct Delivery<'a, 's> {
    report: &'a mut Report,
    summary: Option<&'a mut SummaryFile>,
    sink: &'a mut Sink<'s>,
    renderer: &'a dyn Render,
    matcher: &'a Matcher,
    message: &'a mut dyn FnMut(Message),
    config: &'a AnnotateConfig,
    cancel: &'a AtomicBool,
    /// The workers, for an input too long to hold (searched in windows on them).
    pool: &'a rayon::ThreadPool,
    /// The matcher's smallest window sizes ([`WindowSizes::minimum`]) when there are
    /// several workers.
    min_window: Option<WindowSizes>,
}

impl Delivery<'_, '_> {
    fn files(
        &mut self,
        chunk: &[&Found],
        results: Vec<Result<Rendered, InputError>>,
    ) -> io::Result<()> {
        for (f, r) in chunk.iter().zip(results) {
            match r {
                Ok(Rendered {
                    stream: Some((head, rest)),
                    ..
                }) => {
                    if !self.stream(f, head, rest)? {
                        // Interrupted: nothing after it is written.
                        return Ok(());
                    }
                }
                Ok(r) => {
                    let spilled = match r.spilled {
                        Ok(spilled) => spilled,
                        Err(e) => {
                            self.report.errors += 1;
                            (self.message)(Message::Error(format!(
                                "{}: its output could not be set aside in a temporary file \
                                 while it was rendered: {e}; not written",
                                display(&f.path)
                            )));
                            continue;
                        }
                    };
                    if let Some(w) = &r.warning {
                        (self.message)(Message::Warning(w.to_string()));
                    }
                    self.report.documents += 1;
                    self.report.bytes += r.input_len;
                    self.report.spans += r.spans;
                    if let Some(s) = self.summary.as_deref_mut() {
                        s.document(&display(&f.path), &r.counts, self.matcher.glossary())?;
                    }
                    if let Err(e) =
                        self.sink
                            .document(f, spilled, &r.bytes, self.renderer, &r.counts)
                    {
                        self.report.errors += 1;
                        (self.message)(Message::Error(e));
                    }
                }
                // A binary file met while walking a folder is skipped, not a failure.
                Err(e) if f.walked && matches!(e.kind, InputErrorKind::Binary { .. }) => {
                    (self.message)(Message::Note(e.to_string()));
                }
                Err(e) => {
                    self.report.errors += 1;
                    (self.message)(Message::Error(e.to_string()));
                }
            }
        }
        Ok(())
    }
}

/// Hands out `found` in chunks bounded in documents and bytes (each file's length when it
/// was found; fewer bytes as the output grows, [`Held::chunk_bytes`]), for
/// [`pipeline::ordered`].
pub(super) fn chunks<'a, E>(
    found: &'a [Found],
    held: &'a Held,
) -> impl FnMut() -> Result<Option<(Vec<&'a Found>, ())>, E> + 'a {
    let mut start = 0;
    move || {
        let mut bytes = 0u64;
        let mut end = start;
        let most = held.chunk_bytes();
        while end < found.len() && end - start < CHUNK_DOCS && bytes < most {
            bytes += found[end].len;
            end += 1;
        }
        let chunk: Vec<&Found> = found[start..end].iter().collect();
        start = end;
        Ok((!chunk.is_empty()).then_some((chunk, ())))
    }
}

fn display(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// Annotates a document; with several workers (`min_window` given), a long one is searched
/// in windows by the workers left idle.
fn annotate_document(
    matcher: &Matcher,
    text: &str,
    opts: MatchOptions,
    min_window: Option<WindowSizes>,
) -> Annotation {
    match min_window {
        Some(min) => annotate_on_threads(matcher, text, opts, min),
        None => annotate(matcher, text, opts),
    }
}

fn render_file(
    f: &Found,
    config: &AnnotateConfig,
    matcher: &Matcher,
    min_window: Option<WindowSizes>,
    renderer: &dyn Render,
    held: &Held,
) -> Result<Rendered, InputError> {
    let path = display(&f.path);
    let (raw, rest) = source::read_head(&f.path, STREAM_ABOVE, !config.no_mmap)?;
    if let Some(rest) = rest {
        // Binary data is found before anything is written.
        source::sniff(&path, &raw)?;
        return Ok(Rendered {
            bytes: Vec::new(),
            input_len: 0,
            spans: 0,
            counts: Vec::new(),
            warning: None,
            document: true,
            stream: Some((raw, rest)),
            spilled: Ok(None),
        });
    }
    let input_len = raw.len() as u64;
    let (text, warning) = source::decode(&path, raw, config.lossy)?;
    let ann = annotate_document(matcher, &text, config.match_options, min_window);
    let doc = Document {
        path: &path,
        text: &text,
        record: None,
    };
    let bytes = Vec::with_capacity(text.len() + text.len() / 2);
    let (bytes, spilled) = render_held(renderer, &doc, &ann, matcher.glossary(), bytes, held);
    Ok(Rendered {
        bytes,
        input_len,
        spans: ann.spans.len() as u64,
        counts: entry_counts(&ann),
        warning,
        document: true,
        stream: None,
        spilled,
    })
}

/// Renders a document after `bytes`. Its output can be a hundred times its text (HTML with
/// a dense glossary): what passes the renderer's bound ([`Render::document_spilled`]) goes
/// to a temporary file until its turn comes, and so does the rest when the documents in
/// flight hold too much already ([`Held`]). The bytes held, and the file (or why it could
/// not be written).
fn render_held(
    renderer: &dyn Render,
    doc: &Document<'_>,
    ann: &Annotation,
    glossary: &Glossary,
    mut bytes: Vec<u8>,
    held: &Held,
) -> (Vec<u8>, io::Result<Option<fs::File>>) {
    let (mut file, mut failed, spilled) = (None, None, std::cell::Cell::new(0));
    let mut spill = |b: &[u8]| {
        spilled.set(spilled.get() + b.len());
        if failed.is_none() {
            failed = stream::spool_bytes(&mut file, b).err();
        }
    };
    renderer.document_spilled(doc, ann, glossary, &mut bytes, Some(&mut spill));
    let output = (spilled.get() + bytes.len()) as u64;
    if !held.hold(doc.text.len() as u64, output, bytes.len()) {
        spill(&bytes);
        bytes = Vec::new();
    }
    (bytes, failed.map_or(Ok(file), Err))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Chunks shrink to what renders to half the bound; output past the bound is not held.
    #[test]
    fn chunks_and_held_output_follow_the_output_seen() {
        let held = Held::default();
        // Nothing seen yet: small chunks.
        assert_eq!(held.chunk_bytes(), CHUNK_BYTES / 8);
        // Output no larger than the input: whole chunks.
        assert!(held.hold(1000, 1000, 1000));
        assert_eq!(held.chunk_bytes(), CHUNK_BYTES);
        // A hundred times the input: what renders to half the bound.
        assert!(held.hold(1000, 199_000, 199_000));
        assert_eq!(held.chunk_bytes(), (HELD_OUTPUT as u64 / 2) / 100);
        // Past the bound, nothing more is held, but the output is still counted.
        assert!(!held.hold(10, HELD_OUTPUT as u64, HELD_OUTPUT));
        assert_eq!(held.bytes.load(Ordering::Relaxed), 200_000);
        assert_eq!(
            held.output.load(Ordering::Relaxed),
            200_000 + HELD_OUTPUT as u64
        );
    }
}
