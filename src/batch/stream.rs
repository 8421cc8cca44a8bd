//! Inputs too long to hold (over [`STREAM_ABOVE`]), annotated in windows
//! ([`Windowed`]) and written piece by piece ([`crate::render::Render::piece`]) in their
//! turn among the run's documents, so memory is bounded by the window, not the input.

use std::fs;
use std::io::{self, BufRead, Read, Seek, Write};
use std::sync::atomic::Ordering;

use super::{display, Delivery};
use crate::annotate::{entry_counts, Tally, WindowSizes, Windowed, MAX_PIECE_REGIONS};
use crate::diagnostics::Message;
use crate::input::source::{self, Found};
use crate::input::stream::Utf8Stream;
use crate::render::{Carry, Document, Piece};
use crate::text::english::count;

/// Inputs longer than this are annotated in windows rather than whole.
pub(super) const STREAM_ABOVE: usize = 16 << 20;

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
        let (mut carry, mut counts, mut spans, mut number) =
            (Carry::default(), Tally::default(), 0, 0);
        let (mut failed, mut exhausted, mut chain_cuts) = (None, false, 0);
        let mut tail: Option<fs::File> = None;
        loop {
            while !exhausted && windows.wants_more() {
                text.clear();
                match input.read(&mut text) {
                    Ok(more) => exhausted = !more,
                    Err(e) => {
                        failed = Some(e);
                        exhausted = true;
                    }
                }
                windows.push(&text);
            }
            if self.cancel.load(Ordering::Relaxed) {
                return Ok(false);
            }
            // Each window is searched on the run's workers.
            let Some(piece) = self.pool.install(|| windows.piece(exhausted)) else {
                // A piece stretched by a chain of overlapping matches may need more text.
                if !exhausted && windows.wants_more() {
                    continue;
                }
                break;
            };
            let doc = Document {
                path: &path,
                text: &piece.text,
                record: None,
            };
            let info = Piece {
                doc,
                number,
                offset: piece.offset,
                line: piece.start.line,
                last: piece.last,
            };
            let mut bytes = Vec::new();
            let glossary = self.matcher.glossary();
            self.renderer
                .piece(&info, &piece.annotation, glossary, &mut carry, &mut bytes);
            chain_cuts += usize::from(piece.cut_in_chain);
            let piece_counts = entry_counts(&piece.annotation);
            spans += piece.annotation.spans.len() as u64;
            counts.add(&piece_counts);
            let written = self
                .sink
                .part(f, &bytes, self.renderer, false, &piece_counts)
                .and_then(|()| spool(&mut tail, &mut carry.tail));
            if let Err(e) = written {
                self.report.errors += 1;
                (self.message)(Message::Error(e.to_string()));
                return Ok(true);
            }
            number += 1;
        }
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

    /// Writes the tail a streamed document's renderer set aside, and closes its output.
    fn tail(&mut self, f: &Found, tail: Option<fs::File>) -> io::Result<()> {
        if let Some(mut file) = tail {
            file.seek(io::SeekFrom::Start(0))?;
            let mut reader = io::BufReader::with_capacity(1 << 20, file);
            loop {
                let buf = reader.fill_buf()?;
                if buf.is_empty() {
                    break;
                }
                let n = buf.len();
                self.sink.part(f, buf, self.renderer, false, &[])?;
                reader.consume(n);
            }
        }
        self.sink.part(f, &[], self.renderer, true, &[])
    }
}

/// Moves a streamed document's tail bytes to an anonymous temporary file, so memory stays
/// bounded however many spans a long input has.
fn spool(file: &mut Option<fs::File>, bytes: &mut Vec<u8>) -> io::Result<()> {
    if bytes.is_empty() {
        return Ok(());
    }
    let f = match file {
        Some(f) => f,
        None => file.insert(tempfile::tempfile()?),
    };
    f.write_all(bytes)?;
    bytes.clear();
    Ok(())
}
