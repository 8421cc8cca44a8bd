//! The corpus runner: reads documents, annotates them on parallel workers, and writes the
//! rendered outputs in input order, whatever the number of workers.
//!
//! Every worker renders a whole document into its own buffer; buffers are written in input
//! order, so outputs never interleave and `-j1` equals `-jN` byte for byte. Work goes out in
//! chunks bounded in documents and bytes, which bounds memory by the chunk, not the corpus.

use std::collections::HashSet;
use std::fs;
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::annotate::annotate;
use crate::matcher::{MatchOptions, Matcher};
use crate::render::{Document, Format, Render};
use crate::source::{self, Found, InputError, InputErrorKind, WalkNote};

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
    pub format: Format,
    pub destination: Destination,
    pub jobs: usize,
    pub match_options: MatchOptions,
    pub input_mode: InputMode,
    pub text_field: String,
    pub lossy: bool,
}

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub documents: u64,
    pub bytes: u64,
    pub spans: u64,
    /// Inputs (or records) that failed; the exit status is 1 when this is not zero.
    pub errors: u64,
    pub elapsed: Duration,
}

impl Report {
    /// The final summary line.
    pub fn summary(&self) -> String {
        let secs = self.elapsed.as_secs_f64();
        let mb = self.bytes as f64 / 1e6;
        format!(
            "{} documents, {:.1} MB, {} spans, {} errors in {:.2} s ({:.1} MB/s)",
            self.documents,
            mb,
            self.spans,
            self.errors,
            secs,
            if secs > 0.0 { mb / secs } else { 0.0 }
        )
    }
}

/// A message for the user: errors count against the exit status, notes do not.
#[derive(Debug)]
pub enum Message {
    Error(String),
    Warning(String),
    Note(String),
}

/// Chunk limits: enough work to keep every worker busy, little enough to bound memory.
const CHUNK_DOCS: usize = 512;
const CHUNK_BYTES: u64 = 64 << 20;

struct Rendered {
    bytes: Vec<u8>,
    input_len: u64,
    spans: u64,
    warning: Option<InputError>,
}

/// Runs `tifa annotate`. `stdout` receives output when the destination is standard output;
/// `message` receives every error, warning and note as it happens.
pub fn run(
    config: &AnnotateConfig,
    matcher: &Matcher,
    stdout: &mut dyn Write,
    message: &mut dyn FnMut(Message),
) -> io::Result<Report> {
    let started = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.jobs.max(1))
        .build()
        .map_err(io::Error::other)?;
    let renderer = config.format.renderer();
    let mut report = Report::default();

    let inputs = if config.inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        config.inputs.clone()
    };
    let mut notes = Vec::new();
    let found = source::expand(&inputs, &mut notes);
    for n in notes {
        match n {
            WalkNote::Skipped(p, why) => message(Message::Note(format!("{}: {why}", p.display()))),
            WalkNote::Error(e) => {
                report.errors += 1;
                message(Message::Error(e.to_string()));
            }
        }
    }

    let mut sink = Sink::new(&config.destination, config.format, stdout, &found)?;
    sink.begin(&*renderer)?;
    match config.input_mode {
        InputMode::Text => {
            let mut start = 0;
            while start < found.len() {
                let end = chunk_end(&found, start);
                let chunk = &found[start..end];
                let results: Vec<Result<Rendered, InputError>> = pool.install(|| {
                    chunk
                        .par_iter()
                        .map(|f| render_file(f, config, matcher, &*renderer))
                        .collect()
                });
                for (f, r) in chunk.iter().zip(results) {
                    match r {
                        Ok(r) => {
                            if let Some(w) = &r.warning {
                                message(Message::Warning(w.to_string()));
                            }
                            report.documents += 1;
                            report.bytes += r.input_len;
                            report.spans += r.spans;
                            if let Err(e) = sink.document(f, &r.bytes, &*renderer) {
                                report.errors += 1;
                                message(Message::Error(e));
                            }
                        }
                        Err(e) => {
                            report.errors += 1;
                            message(Message::Error(e.to_string()));
                        }
                    }
                }
                start = end;
            }
        }
        InputMode::Jsonl => {
            for f in &found {
                if let Err(e) = run_jsonl(f, config, matcher, &*renderer, &pool, &mut sink, &mut report, message) {
                    report.errors += 1;
                    message(Message::Error(e));
                }
            }
        }
    }
    sink.end(&*renderer)?;
    report.elapsed = started.elapsed();
    Ok(report)
}

/// The end of the chunk starting at `start`.
fn chunk_end(found: &[Found], start: usize) -> usize {
    let mut bytes = 0u64;
    let mut end = start;
    while end < found.len() && end - start < CHUNK_DOCS && bytes < CHUNK_BYTES {
        bytes += fs::metadata(&found[end].path).map_or(0, |m| m.len());
        end += 1;
    }
    end
}

fn display(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

fn render_file(
    f: &Found,
    config: &AnnotateConfig,
    matcher: &Matcher,
    renderer: &dyn Render,
) -> Result<Rendered, InputError> {
    let path = display(&f.path);
    let raw = source::read_all(&path)?;
    let input_len = raw.len() as u64;
    let (text, warning) = source::decode(&path, raw, config.lossy)?;
    let ann = annotate(matcher, &text, config.match_options);
    let mut bytes = Vec::with_capacity(text.len() + text.len() / 2);
    let doc = Document {
        path: &path,
        text: &text,
        record: None,
    };
    renderer.document(&doc, &ann, matcher, &mut bytes);
    Ok(Rendered {
        bytes,
        input_len,
        spans: ann.spans.len() as u64,
        warning,
    })
}

/// Streams one JSONL input: lines are read in chunks, annotated in parallel, written in order.
#[allow(clippy::too_many_arguments)]
fn run_jsonl(
    f: &Found,
    config: &AnnotateConfig,
    matcher: &Matcher,
    renderer: &dyn Render,
    pool: &rayon::ThreadPool,
    sink: &mut Sink<'_>,
    report: &mut Report,
    message: &mut dyn FnMut(Message),
) -> Result<(), String> {
    let path = display(&f.path);
    let reader: Box<dyn io::Read> = if path == "-" {
        Box::new(io::stdin().lock())
    } else {
        Box::new(fs::File::open(&f.path).map_err(|e| InputError::new(&*path, InputErrorKind::Io(e)).to_string())?)
    };
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let mut out = Vec::new();
    let mut line_no = 0u64;
    let mut eof = false;
    while !eof {
        // Read a chunk of lines.
        let mut lines: Vec<(u64, Vec<u8>)> = Vec::new();
        let mut bytes = 0u64;
        while lines.len() < CHUNK_DOCS * 4 && bytes < CHUNK_BYTES {
            let mut buf = Vec::new();
            match reader.read_until(b'\n', &mut buf) {
                Ok(0) => {
                    eof = true;
                    break;
                }
                Ok(n) => {
                    line_no += 1;
                    bytes += n as u64;
                    lines.push((line_no, buf));
                }
                Err(e) => return Err(InputError::new(&*path, InputErrorKind::Io(e)).to_string()),
            }
        }
        let results: Vec<Result<Rendered, InputError>> = pool.install(|| {
            lines
                .par_iter()
                .map(|(n, raw)| render_record(&path, *n, raw, config, matcher, renderer))
                .collect()
        });
        out.clear();
        for r in results {
            match r {
                Ok(r) => {
                    if let Some(w) = &r.warning {
                        report.errors += matches!(w.kind, InputErrorKind::MissingText(_)) as u64;
                        message(Message::Error(w.to_string()));
                    }
                    if r.input_len > 0 {
                        report.documents += 1;
                    }
                    report.bytes += r.input_len;
                    report.spans += r.spans;
                    out.extend_from_slice(&r.bytes);
                }
                Err(e) => {
                    report.errors += 1;
                    message(Message::Error(e.to_string()));
                }
            }
        }
        sink.part(f, &out, renderer, eof).map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn render_record(
    path: &str,
    line: u64,
    raw: &[u8],
    config: &AnnotateConfig,
    matcher: &Matcher,
    renderer: &dyn Render,
) -> Result<Rendered, InputError> {
    let err = |kind| InputError {
        path: path.to_string(),
        line: Some(line),
        kind,
    };
    let (record, warning) = source::decode(path, raw.to_vec(), config.lossy).map_err(|mut e| {
        e.line = Some(line);
        e
    })?;
    let trimmed = record.trim();
    if trimmed.is_empty() {
        return Ok(Rendered { bytes: Vec::new(), input_len: 0, spans: 0, warning: None });
    }
    let doc_path = format!("{path}:{line}");
    match source::parse_record(trimmed, &config.text_field) {
        Ok(rec) => {
            let ann = annotate(matcher, &rec.text, config.match_options);
            let mut bytes = Vec::with_capacity(trimmed.len() * 2);
            let doc = Document {
                path: &doc_path,
                text: &rec.text,
                record: Some(trimmed),
            };
            renderer.document(&doc, &ann, matcher, &mut bytes);
            Ok(Rendered {
                bytes,
                input_len: raw.len() as u64,
                spans: ann.spans.len() as u64,
                warning,
            })
        }
        // Nothing the user gave is lost: a record without text passes through unchanged in
        // JSONL output, and is reported.
        Err(kind @ InputErrorKind::MissingText(_)) => {
            let mut bytes = Vec::new();
            if config.format == Format::Jsonl {
                bytes.extend_from_slice(trimmed.as_bytes());
                bytes.push(b'\n');
            }
            Ok(Rendered { bytes, input_len: raw.len() as u64, spans: 0, warning: Some(err(kind)) })
        }
        Err(kind) => Err(err(kind)),
    }
}

/// Writes rendered outputs: to standard output, to one file, or to one file per input.
struct Sink<'a> {
    dest: &'a Destination,
    format: Format,
    stdout: &'a mut dyn Write,
    file: Option<tempfile::NamedTempFile>,
    /// Output paths already used, so two inputs never write the same output.
    used: HashSet<PathBuf>,
    /// The open output of a streamed (JSONL) input in folder mode.
    part: Option<tempfile::NamedTempFile>,
    buf: Vec<u8>,
}

impl<'a> Sink<'a> {
    fn new(
        dest: &'a Destination,
        format: Format,
        stdout: &'a mut dyn Write,
        _found: &[Found],
    ) -> io::Result<Sink<'a>> {
        let file = match dest {
            Destination::File(p) => Some(temp_beside(p)?),
            Destination::Dir(d) => {
                fs::create_dir_all(d).map_err(|e| with_path(d, e))?;
                None
            }
            Destination::Stdout => None,
        };
        Ok(Sink { dest, format, stdout, file, used: HashSet::new(), part: None, buf: Vec::new() })
    }

    fn shared(&mut self) -> Option<&mut dyn Write> {
        match self.dest {
            Destination::Stdout => Some(&mut *self.stdout),
            Destination::File(_) => self.file.as_mut().map(|f| f as &mut dyn Write),
            Destination::Dir(_) => None,
        }
    }

    fn begin(&mut self, r: &dyn Render) -> io::Result<()> {
        self.buf.clear();
        r.begin(&mut self.buf);
        let buf = std::mem::take(&mut self.buf);
        if let Some(w) = self.shared() {
            w.write_all(&buf)?;
        }
        self.buf = buf;
        Ok(())
    }

    fn end(&mut self, r: &dyn Render) -> io::Result<()> {
        self.buf.clear();
        r.end(&mut self.buf);
        let buf = std::mem::take(&mut self.buf);
        if let Some(w) = self.shared() {
            w.write_all(&buf)?;
            w.flush()?;
        }
        if let (Destination::File(p), Some(f)) = (self.dest, self.file.take()) {
            f.persist(p).map_err(|e| with_path(p, e.error))?;
        }
        Ok(())
    }

    /// Writes one whole document's output. Errors are messages naming the output path.
    fn document(&mut self, f: &Found, bytes: &[u8], r: &dyn Render) -> Result<(), String> {
        if let Some(w) = self.shared() {
            return w.write_all(bytes).map_err(|e| format!("cannot write output: {e}"));
        }
        let target = self.target(f)?;
        let mut out = Vec::new();
        r.begin(&mut out);
        out.extend_from_slice(bytes);
        r.end(&mut out);
        write_atomic(&target, &out).map_err(|e| e.to_string())
    }

    /// Writes part of a streamed input's output; `last` closes it.
    fn part(&mut self, f: &Found, bytes: &[u8], r: &dyn Render, last: bool) -> io::Result<()> {
        if let Some(w) = self.shared() {
            return w.write_all(bytes);
        }
        if self.part.is_none() {
            let target = self.target(f).map_err(io::Error::other)?;
            let mut t = temp_beside(&target)?;
            let mut head = Vec::new();
            r.begin(&mut head);
            t.write_all(&head)?;
            self.part = Some(t);
            self.used.insert(target);
        }
        let t = self.part.as_mut().expect("opened above");
        t.write_all(bytes)?;
        if last {
            let mut tail = Vec::new();
            r.end(&mut tail);
            t.write_all(&tail)?;
            let target = self.target_path(f);
            let t = self.part.take().expect("opened above");
            t.persist(&target).map_err(|e| with_path(&target, e.error))?;
        }
        Ok(())
    }

    /// The output path mirroring an input under the output folder.
    fn target_path(&self, f: &Found) -> PathBuf {
        let Destination::Dir(dir) = self.dest else {
            unreachable!("only folder outputs have per-input targets")
        };
        let rel = if f.path.as_os_str() == "-" {
            PathBuf::from("stdin")
        } else if f.path == f.root {
            PathBuf::from(f.path.file_name().unwrap_or(f.path.as_os_str()))
        } else {
            f.path.strip_prefix(&f.root).unwrap_or(&f.path).to_path_buf()
        };
        dir.join(rel).with_extension(self.format.extension())
    }

    fn target(&mut self, f: &Found) -> Result<PathBuf, String> {
        let mut target = self.target_path(f);
        if self.used.contains(&target) {
            // `a.txt` and `a.md` would both become `a.jsonl`: keep the full name for the second.
            let mut name = f.path.file_name().unwrap_or_default().to_os_string();
            name.push(".");
            name.push(self.format.extension());
            target.set_file_name(name);
        }
        if same_file(&target, &f.path) {
            return Err(format!(
                "{}: output would overwrite the input; choose another output folder",
                target.display()
            ));
        }
        self.used.insert(target.clone());
        Ok(target)
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

fn with_path(p: &Path, e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", p.display()))
}

/// A temporary file in the target's folder, so the final rename is atomic.
fn temp_beside(target: &Path) -> io::Result<tempfile::NamedTempFile> {
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&dir).map_err(|e| with_path(&dir, e))?;
    tempfile::Builder::new()
        .prefix(".tifa-")
        .suffix(".part")
        .tempfile_in(&dir)
        .map_err(|e| with_path(target, e))
}

/// Writes a whole file under a temporary name, then renames it into place.
fn write_atomic(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut t = temp_beside(target)?;
    t.write_all(bytes).map_err(|e| with_path(target, e))?;
    t.persist(target).map_err(|e| with_path(target, e.error))?;
    Ok(())
}
