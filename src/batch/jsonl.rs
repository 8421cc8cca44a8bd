//! JSONL inputs, streamed: lines are read in chunks and each record is annotated on the
//! workers through the one ordered pipeline, while this thread writes the previous chunk and
//! reads the next. A record without text passes through where the format keeps records.

use std::cell::Cell;
use std::fs;
use std::io::{self, BufRead, BufReader, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use super::sink::{Sink, SummaryFile};
use super::{
    annotate_document, display, pipeline, render_held, AnnotateConfig, Delivery, Held, Outcome,
    Rendered, Report, CHUNK_DOCS,
};
use crate::annotate::{entry_counts, merge_counts, WindowSizes};
use crate::diagnostics::Message;
use crate::input::source::{self, Found, InputError, InputErrorKind, MAX_RECORD};
use crate::matcher::Matcher;
use crate::render::{Document, Render, SPILL_AT};
use crate::text::snippet::line_column;

impl Delivery<'_, '_> {
    /// Writes a chunk of rendered JSONL records; `last` closes the input's output. Every line
    /// gives one output line in formats that carry records: annotated, or passed through.
    fn records(
        &mut self,
        f: &Found,
        path: &str,
        lines: &Lines,
        results: Vec<Outcome>,
        last: bool,
    ) -> Result<(), String> {
        let mut out = Vec::new();
        let mut counts = Vec::new();
        for ((n, line), r) in lines.iter().zip(results) {
            // `render_record` never fails: an unusable line is passed through and reported.
            let Ok(r) = r else { continue };
            let spilled = match r.spilled {
                Ok(spilled) => spilled,
                Err(e) => {
                    // The record's output is lost: the line passes through, as one unusable.
                    self.report.errors += 1;
                    (self.message)(Message::Error(format!(
                        "{path}:{n}: its output could not be set aside in a temporary file \
                         while it was rendered: {e}; passed through unannotated"
                    )));
                    if let Line::Read(raw) = line {
                        self.renderer.pass_through(line_body(raw), &mut out);
                        self.renderer.pass_through(b"\n", &mut out);
                    }
                    continue;
                }
            };
            if let Some(w) = &r.warning {
                if matches!(w.kind, InputErrorKind::ReplacedUtf8 { .. }) {
                    (self.message)(Message::Warning(w.to_string()));
                } else {
                    self.report.errors += 1;
                    (self.message)(Message::Error(w.to_string()));
                }
            }
            if r.document {
                self.report.documents += 1;
                if let Some(s) = self.summary.as_deref_mut() {
                    s.document(&format!("{path}:{n}"), &r.counts, self.matcher.glossary())
                        .map_err(|e| e.to_string())?;
                }
            }
            self.report.bytes += r.input_len;
            self.report.spans += r.spans;
            merge_counts(&mut counts, &r.counts);
            if let Some(file) = spilled {
                // What was set aside comes first, copied through in blocks.
                self.sink
                    .part(f, &out, self.renderer, false, &[])
                    .map_err(|e| e.to_string())?;
                out.clear();
                super::stream::copy_spilled(&file, |block| {
                    self.sink.part(f, block, self.renderer, false, &[])
                })
                .map_err(|e| e.to_string())?;
            }
            out.extend_from_slice(&r.bytes);
            if out.len() >= SPILL_AT {
                self.sink
                    .part(f, &out, self.renderer, false, &[])
                    .map_err(|e| e.to_string())?;
                out.clear();
            }
            if let Line::TooLong(file, _) = line {
                // Copied through in pieces: the line is never held whole.
                self.sink
                    .part(f, &out, self.renderer, false, &[])
                    .map_err(|e| e.to_string())?;
                out.clear();
                copy_through(file, self.renderer, |piece| {
                    self.sink.part(f, piece, self.renderer, false, &[])
                })
                .map_err(|e| e.to_string())?;
            }
        }
        self.sink
            .part(f, &out, self.renderer, last, &counts)
            .map_err(|e| e.to_string())
    }
}

/// Passes a spooled line through the renderer in pieces, with its line end.
fn copy_through(
    file: &fs::File,
    renderer: &dyn Render,
    mut write: impl FnMut(&[u8]) -> io::Result<()>,
) -> io::Result<()> {
    let mut piece = Vec::new();
    super::stream::copy_spilled(file, |buf| {
        piece.clear();
        renderer.pass_through(line_body(buf), &mut piece);
        write(&piece)
    })?;
    piece.clear();
    renderer.pass_through(b"\n", &mut piece);
    write(&piece)
}

/// A line without its line end (`\n`; a `\r` before it is kept, as the line's own byte).
fn line_body(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\n").unwrap_or(line)
}

/// What streaming a JSONL input needs.
pub(super) struct JsonlJob<'a> {
    pub(super) config: &'a AnnotateConfig,
    pub(super) matcher: &'a Matcher,
    pub(super) renderer: &'a dyn Render,
    pub(super) pool: &'a rayon::ThreadPool,
    pub(super) cancel: &'a AtomicBool,
    pub(super) total_bytes: Option<u64>,
    /// The matcher's smallest window sizes when there are several workers: a long record is
    /// searched in windows.
    pub(super) min_window: Option<WindowSizes>,
}

/// One line of a JSONL input.
enum Line {
    /// The line's bytes, its line end included.
    Read(Vec<u8>),
    /// A line longer than [`MAX_RECORD`], spooled to an anonymous temporary file, and its
    /// length.
    TooLong(fs::File, u64),
}

/// Lines of a JSONL input: (1-based line number, line).
type Lines = Vec<(u64, Line)>;

impl JsonlJob<'_> {
    /// Streams one JSONL input: lines are read in chunks and annotated in parallel, while
    /// this thread writes the previous chunk and reads the next. Memory is bounded by the
    /// chunks, not the file.
    pub(super) fn run(
        &mut self,
        f: &Found,
        sink: &mut Sink<'_>,
        report: &mut Report,
        mut summary: Option<&mut SummaryFile>,
        message: &mut dyn FnMut(Message),
    ) -> Result<(), String> {
        let path = display(&f.path);
        let io_err = |e| InputError::new(&*path, InputErrorKind::Io(e)).to_string();
        let reader: Box<dyn io::Read> = if path == "-" {
            Box::new(io::stdin().lock())
        } else {
            Box::new(fs::File::open(&f.path).map_err(io_err)?)
        };
        let mut reader = BufReader::with_capacity(1 << 16, reader);
        let mut line_no = 0u64;
        let mut exhausted = false;
        // Set when a write to the shared output fails: nothing more is read.
        let halted = Cell::new(false);
        let held = Held::default();
        let job = &*self;
        pipeline::ordered(
            self.pool,
            || {
                if exhausted {
                    return Ok(None);
                }
                let (lines, last) =
                    read_lines(&mut reader, &mut line_no, held.chunk_bytes()).map_err(io_err)?;
                exhausted = last;
                Ok(Some((lines, last)))
            },
            |(n, line)| render_record(&path, *n, line, job, &held),
            |lines, last, results| {
                let delivered: usize = results
                    .iter()
                    .map(|r| r.as_ref().map_or(0, Rendered::held))
                    .sum();
                let mut out = Delivery {
                    report: &mut *report,
                    summary: summary.as_deref_mut(),
                    sink: &mut *sink,
                    renderer: job.renderer,
                    matcher: job.matcher,
                    message: &mut *message,
                    config: job.config,
                    cancel: job.cancel,
                    pool: job.pool,
                    min_window: job.min_window,
                };
                let done = out.records(f, &path, &lines, results, last);
                held.release(delivered);
                done?;
                message(Message::Progress {
                    documents: report.documents,
                    bytes: report.bytes,
                    total_bytes: job.total_bytes,
                });
                halted.set(sink.fatal.is_some());
                Ok(())
            },
            || halted.get() || job.cancel.load(Ordering::Relaxed),
        )
    }
}

/// Reads the next chunk of lines, up to `most` bytes of them ([`Held::chunk_bytes`]); `true`
/// when the input is exhausted.
fn read_lines(
    reader: &mut impl BufRead,
    line_no: &mut u64,
    most: u64,
) -> io::Result<(Lines, bool)> {
    let mut lines = Vec::new();
    let mut bytes = 0u64;
    while lines.len() < CHUNK_DOCS * 4 && bytes < most {
        let Some(line) = read_line(reader)? else {
            return Ok((lines, true));
        };
        *line_no += 1;
        bytes += match &line {
            Line::Read(b) => b.len() as u64,
            // Only its name is held.
            Line::TooLong(..) => 0,
        };
        lines.push((*line_no, line));
    }
    Ok((lines, false))
}

/// Reads one line (`None` at the end of the input). A line longer than [`MAX_RECORD`] goes
/// to a temporary file as it is read, so memory stays bounded whatever the input.
fn read_line(reader: &mut impl BufRead) -> io::Result<Option<Line>> {
    let mut buf = Vec::new();
    let mut spool: Option<(fs::File, u64)> = None;
    loop {
        let avail = reader.fill_buf()?;
        if avail.is_empty() {
            break;
        }
        let (take, done) = match memchr::memchr(b'\n', avail) {
            Some(i) => (i + 1, true),
            None => (avail.len(), false),
        };
        match spool.as_mut() {
            Some((file, n)) => {
                file.write_all(&avail[..take])?;
                *n += take as u64;
            }
            None => {
                buf.extend_from_slice(&avail[..take]);
                if buf.len() > MAX_RECORD {
                    let mut file = tempfile::tempfile()?;
                    file.write_all(&buf)?;
                    spool = Some((file, buf.len() as u64));
                    buf = Vec::new();
                }
            }
        }
        reader.consume(take);
        if done {
            break;
        }
    }
    Ok(match spool {
        Some((file, n)) => Some(Line::TooLong(file, n)),
        None if buf.is_empty() => None,
        None => Some(Line::Read(buf)),
    })
}

/// Annotates one line, or passes it through unchanged when it holds no usable record (no
/// text field, not a JSON object, not UTF-8, too long), with the problem as a warning that
/// the delivery reports as an error. A blank line passes through silently. A byte-order mark
/// at the start of a line is skipped (an editor's, on the first line of a file), and a
/// `spans` member the record already has (tifa's own output) is replaced.
fn render_record(
    path: &str,
    line_no: u64,
    line: &Line,
    job: &JsonlJob<'_>,
    held: &Held,
) -> Outcome {
    let (config, matcher, renderer) = (job.config, job.matcher, job.renderer);
    let problem = |kind| InputError {
        path: path.to_string(),
        line: Some(line_no),
        kind,
    };
    let raw = match line {
        Line::Read(raw) => raw.as_slice(),
        Line::TooLong(_, bytes) => {
            // The delivery copies it through from its file.
            let kind = InputErrorKind::RecordTooLong { bytes: *bytes };
            return Ok(passed(Vec::new(), *bytes, Some(problem(kind))));
        }
    };
    let input_len = raw.len() as u64;
    let body = line_body(raw);
    let pass = |warning| {
        let mut bytes = Vec::new();
        renderer.pass_through(body, &mut bytes);
        renderer.pass_through(b"\n", &mut bytes);
        Ok(passed(bytes, input_len, warning))
    };
    let unmarked = body.strip_prefix("\u{feff}".as_bytes()).unwrap_or(body);
    let (record, warning) = match std::str::from_utf8(unmarked) {
        Ok(s) => (std::borrow::Cow::Borrowed(s), None),
        Err(e) if config.lossy => {
            let offset = e.valid_up_to();
            let column = line_column(unmarked, offset).1;
            let kind = InputErrorKind::ReplacedUtf8 {
                line: 1,
                column,
                offset,
            };
            (String::from_utf8_lossy(unmarked), Some(problem(kind)))
        }
        Err(e) => {
            let offset = e.valid_up_to();
            let column = line_column(unmarked, offset).1;
            return pass(Some(problem(InputErrorKind::RecordUtf8 { column, offset })));
        }
    };
    let trimmed = record.trim();
    if trimmed.is_empty() {
        return pass(None);
    }
    let rec = match source::parse_record(trimmed, &config.text_field) {
        Ok(rec) => rec,
        Err(kind) => return pass(Some(problem(kind))),
    };
    let kept: std::borrow::Cow<'_, str> = match rec.old_spans {
        Some(r) => {
            let mut s = trimmed.to_string();
            s.replace_range(r, "");
            s.into()
        }
        None => trimmed.into(),
    };
    let doc_path = format!("{path}:{line_no}");
    let ann = annotate_document(matcher, &rec.text, config.match_options, job.min_window);
    let doc = Document {
        path: &doc_path,
        text: &rec.text,
        record: Some(&kept),
    };
    let bytes = Vec::with_capacity(kept.len() * 2);
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

/// The outcome of a line passed through: no document, no spans.
fn passed(bytes: Vec<u8>, input_len: u64, warning: Option<InputError>) -> Rendered {
    Rendered {
        bytes,
        input_len,
        spans: 0,
        counts: Vec::new(),
        warning,
        document: false,
        stream: None,
        spilled: Ok(None),
    }
}
