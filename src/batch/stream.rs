//! Inputs too long to hold whole (over [`STREAM_ABOVE`]), annotated in windows
//! ([`Windowed`]) and written piece by piece ([`crate::render::Render::piece`]) in their
//! turn among the run's documents, so memory is bounded by the window, not the input.

use std::fs;
use std::io::{self, BufRead, Read, Seek, Write};
use std::sync::atomic::Ordering;

use super::{display, Delivery};
use crate::annotate::{self, entry_counts, Tally, WindowSizes, Windowed, MAX_PIECE_REGIONS};
use crate::diagnostics::Message;
use crate::input::source::{self, Found};
use crate::input::stream::Utf8Stream;
use crate::render::{Carry, Document, Piece};
use crate::text::english::count;
use crate::text::snippet::Place;

/// Inputs longer than this are annotated in windows rather than whole. A document held whole
/// is rendered whole, and its output can be dozens of times its text: Chinese releases' HTML
/// is some 35 times the text, so 10 MB of them took 740 MB as HTML and 210 MB as JSONL (when
/// this was 16 MiB). In windows the same took 110 and 60 MB, and less time (large buffers
/// cost page faults): CSV of 10 MB of Chinese 0.6 of the time on one worker.
pub(super) const STREAM_ABOVE: usize = 2 << 20;

impl Delivery<'_, '_> {
    /// Annotates and writes an input too long to hold, in windows, in input order. The
    /// run's stop flag is checked between windows, so Ctrl-C stops within one window's work.
    /// An encoding error found part way ends the document there: what came before is
    /// written, and the error reported. `false` when the run was interrupted.
    pub(super) fn stream(
        &mut self,
        f: &Found,
        head: Vec<u8>,
        rest: source::Rest,
    ) -> io::Result<bool> {
        let path = display(&f.path);
        let sizes = WindowSizes::for_matcher(self.matcher);
        let mut windows = Windowed::new(self.matcher, self.config.match_options, sizes);
        if let Some(min) = self.min_window {
            windows = windows.on_threads(min);
        }
        // The head is read again in blocks, so only a window's text is held decoded.
        let input = Box::new(io::Cursor::new(head).chain(rest));
        let mut input = Utf8Stream::new(&path, input, self.config.lossy);
        let mut text = String::new();
        let mut out = Written::default();
        let (mut failed, mut exhausted) = (None, false);
        let mut read = |text: &mut String, failed: &mut Option<_>, exhausted: &mut bool| match input
            .read(text)
        {
            Ok(more) => *exhausted = !more,
            Err(e) => {
                *failed = Some(e);
                *exhausted = true;
            }
        };
        // A piece searched and not yet written: this thread places, renders and writes it
        // while the workers search the next one.
        let mut searched: Option<annotate::Unlocated> = None;
        loop {
            while !exhausted && windows.wants_more() {
                read(&mut text, &mut failed, &mut exhausted);
                windows.push(&text);
                text.clear();
            }
            if self.cancel.load(Ordering::Relaxed) {
                return Ok(false);
            }
            let mut next = None;
            let mut written = Ok(());
            let before = searched.take();
            let (ends, ahead) = (exhausted, windows.wants_ahead());
            self.pool.in_place_scope(|scope| {
                let (next, windows) = (&mut next, &mut windows);
                scope.spawn(move |_| *next = windows.next_piece(ends));
                if let Some(p) = before {
                    written = self.write_piece(f, &path, p, &mut out);
                }
                // The next block is read meanwhile, so the next search need not wait for it.
                if ahead && !exhausted {
                    read(&mut text, &mut failed, &mut exhausted);
                }
            });
            windows.push(&text);
            text.clear();
            if let Err(e) = written {
                self.report.errors += 1;
                (self.message)(Message::Error(e.to_string()));
                return Ok(true);
            }
            match next {
                Some(p) => searched = Some(p),
                // A piece stretched by a chain of overlapping matches may need more text.
                None if !exhausted && windows.wants_more() => {}
                None => break,
            }
        }
        let Written {
            carry: _,
            place: _,
            counts,
            spans,
            number,
            chain_cuts,
            tail,
        } = out;
        if number > 0 {
            let done = self.tail(f, tail);
            if let Err(e) = done {
                self.report.errors += 1;
                (self.message)(Message::Error(e.to_string()));
                return Ok(true);
            }
        }
        if let Some(w) = &input.warning {
            (self.message)(Message::Warning(w.to_string()));
        }
        if chain_cuts > 0 {
            (self.message)(Message::Warning(format!(
                "{path}: overlapping matches chained on past {} (a window holds at most {} \
                 MiB): the match crossing each such end may be missing",
                count(chain_cuts as u64, "window end", "window ends"),
                (MAX_PIECE_REGIONS * sizes.region) >> 20
            )));
        }
        if let Some(e) = failed {
            self.report.errors += 1;
            let written = "; the output holds the text before it";
            (self.message)(Message::Error(format!("{e}{written}")));
        }
        self.report.documents += 1;
        self.report.bytes += input.bytes() as u64;
        self.report.spans += spans;
        if let Some(s) = self.summary.as_deref_mut() {
            s.document(&path, counts.counts(), self.matcher.glossary())?;
        }
        Ok(true)
    }

    /// Renders a piece of a streamed document and writes it; its tail bytes (JSONL's spans)
    /// go to the document's temporary file.
    fn write_piece(
        &mut self,
        f: &Found,
        path: &str,
        piece: annotate::Unlocated,
        out: &mut Written,
    ) -> io::Result<()> {
        let (piece, end) = piece.locate(out.place.unwrap_or(annotate::START));
        out.place = Some(end);
        let doc = Document {
            path,
            text: &piece.text,
            record: None,
        };
        let info = Piece {
            doc,
            number: out.number,
            offset: piece.offset,
            line: piece.start.line,
            last: piece.last,
        };
        let mut bytes = Vec::new();
        let glossary = self.matcher.glossary();
        // What the renderer spills goes out as it comes; after a failure, nothing more.
        let mut spilled = Ok(());
        let (sink, renderer) = (&mut self.sink, self.renderer);
        renderer.piece(
            &info,
            &piece.annotation,
            glossary,
            &mut out.carry,
            &mut bytes,
            &mut |b| {
                if spilled.is_ok() {
                    spilled = sink.part(f, b, renderer, false, &[]);
                }
            },
        );
        out.chain_cuts += usize::from(piece.cut_in_chain);
        let piece_counts = entry_counts(&piece.annotation);
        out.spans += piece.annotation.spans.len() as u64;
        out.counts.add(&piece_counts);
        out.number += 1;
        spilled
            .and_then(|()| {
                self.sink
                    .part(f, &bytes, self.renderer, false, &piece_counts)
            })
            .and_then(|()| spool(&mut out.tail, &mut out.carry.tail))
    }

    /// Writes the tail a streamed document's renderer set aside, and closes its output.
    fn tail(&mut self, f: &Found, tail: Option<fs::File>) -> io::Result<()> {
        if let Some(file) = tail {
            copy_spilled(&file, |b| self.sink.part(f, b, self.renderer, false, &[]))?;
        }
        self.sink.part(f, &[], self.renderer, true, &[])
    }
}

/// What the pieces of a streamed document written so far add up to.
#[derive(Default)]
struct Written {
    carry: Carry,
    /// Where the last piece written ends (none before the first).
    place: Option<Place>,
    counts: Tally,
    spans: u64,
    number: usize,
    /// Pieces that end inside a chain of overlapping matches ([`annotate::Piece::cut_in_chain`]).
    chain_cuts: usize,
    /// The document's tail bytes, set aside.
    tail: Option<fs::File>,
}

/// Moves a streamed document's tail bytes to an anonymous temporary file, so memory stays
/// bounded however many spans a long input has.
fn spool(file: &mut Option<fs::File>, bytes: &mut Vec<u8>) -> io::Result<()> {
    spool_bytes(file, bytes)?;
    bytes.clear();
    Ok(())
}

/// Reads a file of bytes set aside back from its start, handing them to `write` a MiB at a
/// time.
pub(super) fn copy_spilled(
    mut file: &fs::File,
    mut write: impl FnMut(&[u8]) -> io::Result<()>,
) -> io::Result<()> {
    file.seek(io::SeekFrom::Start(0))?;
    let mut reader = io::BufReader::with_capacity(1 << 20, file);
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        let n = buf.len();
        write(buf)?;
        reader.consume(n);
    }
}

/// Appends `bytes` to an anonymous temporary file, made on the first bytes.
pub(super) fn spool_bytes(file: &mut Option<fs::File>, bytes: &[u8]) -> io::Result<()> {
    if bytes.is_empty() {
        return Ok(());
    }
    let f = match file {
        Some(f) => f,
        None => file.insert(tempfile::tempfile()?),
    };
    f.write_all(bytes)
}
