//! JSONL inputs, streamed: lines are read in chunks and each record is annotated on the
//! workers through the one ordered pipeline, while this thread writes the previous chunk and
//! reads the next. A record without text passes through where the format keeps records.

use std::cell::Cell;
use std::fs;
use std::io::{self, BufRead, BufReader};
use std::sync::atomic::{AtomicBool, Ordering};

use super::sink::{Sink, SummaryFile};
use super::{
    display, pipeline, AnnotateConfig, Delivery, Outcome, Rendered, Report, CHUNK_BYTES, CHUNK_DOCS,
};
use crate::annotate::{annotate, entry_counts, merge_counts};
use crate::diagnostics::Message;
use crate::input::source::{self, Found, InputError, InputErrorKind};
use crate::matcher::Matcher;
use crate::render::{Document, Render};

impl Delivery<'_, '_> {
    /// Writes a chunk of rendered JSONL records; `last` closes the input's output.
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
        for ((n, _), r) in lines.iter().zip(results) {
            match r {
                Ok(r) => {
                    if let Some(w) = &r.warning {
                        if matches!(w.kind, InputErrorKind::MissingText(_)) {
                            self.report.errors += 1;
                            (self.message)(Message::Error(w.to_string()));
                        } else {
                            (self.message)(Message::Warning(w.to_string()));
                        }
                    }
                    if r.input_len > 0 {
                        self.report.documents += 1;
                        if let Some(s) = self.summary.as_deref_mut() {
                            s.document(&format!("{path}:{n}"), &r.counts, self.matcher.glossary())
                                .map_err(|e| e.to_string())?;
                        }
                    }
                    self.report.bytes += r.input_len;
                    self.report.spans += r.spans;
                    merge_counts(&mut counts, &r.counts);
                    out.extend_from_slice(&r.bytes);
                }
                Err(e) => {
                    self.report.errors += 1;
                    (self.message)(Message::Error(e.to_string()));
                }
            }
        }
        self.sink
            .part(f, &out, self.renderer, last, &counts)
            .map_err(|e| e.to_string())
    }
}

/// What streaming a JSONL input needs.
pub(super) struct JsonlJob<'a> {
    pub(super) config: &'a AnnotateConfig,
    pub(super) matcher: &'a Matcher,
    pub(super) renderer: &'a dyn Render,
    pub(super) pool: &'a rayon::ThreadPool,
    pub(super) cancel: &'a AtomicBool,
    pub(super) total_bytes: Option<u64>,
}

/// Lines of a JSONL input: (1-based line number, bytes).
type Lines = Vec<(u64, Vec<u8>)>;

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
        let job = &*self;
        pipeline::ordered(
            self.pool,
            || {
                if exhausted {
                    return Ok(None);
                }
                let (lines, last) = read_lines(&mut reader, &mut line_no).map_err(io_err)?;
                exhausted = last;
                Ok(Some((lines, last)))
            },
            |(n, raw)| render_record(&path, *n, raw, job.config, job.matcher, job.renderer),
            |lines, last, results| {
                let mut out = Delivery {
                    report: &mut *report,
                    summary: summary.as_deref_mut(),
                    sink: &mut *sink,
                    renderer: job.renderer,
                    matcher: job.matcher,
                    message: &mut *message,
                };
                out.records(f, &path, &lines, results, last)?;
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

/// Reads the next chunk of lines; `true` when the input is exhausted.
fn read_lines(reader: &mut impl BufRead, line_no: &mut u64) -> io::Result<(Lines, bool)> {
    let mut lines = Vec::new();
    let mut bytes = 0u64;
    while lines.len() < CHUNK_DOCS * 4 && bytes < CHUNK_BYTES {
        let mut buf = Vec::new();
        if reader.read_until(b'\n', &mut buf)? == 0 {
            return Ok((lines, true));
        }
        *line_no += 1;
        bytes += buf.len() as u64;
        lines.push((*line_no, buf));
    }
    Ok((lines, false))
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
        return Ok(Rendered {
            bytes: Vec::new(),
            input_len: 0,
            spans: 0,
            counts: Vec::new(),
            warning: None,
        });
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
            renderer.document(&doc, &ann, matcher.glossary(), &mut bytes);
            Ok(Rendered {
                bytes,
                input_len: raw.len() as u64,
                spans: ann.spans.len() as u64,
                counts: entry_counts(&ann),
                warning,
            })
        }
        // Nothing the user gave is lost: a record without text passes through unchanged in
        // JSONL output, and is reported.
        Err(kind @ InputErrorKind::MissingText(_)) => {
            let mut bytes = Vec::new();
            renderer.pass_through(trimmed, &mut bytes);
            Ok(Rendered {
                bytes,
                input_len: raw.len() as u64,
                spans: 0,
                counts: Vec::new(),
                warning: Some(err(kind)),
            })
        }
        Err(kind) => Err(err(kind)),
    }
}
