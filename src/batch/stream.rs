//! Inputs too long to hold whole (over [`STREAM_ABOVE`]), annotated in windows
//! ([`Windowed`]) and written piece by piece ([`crate::render::Render::piece`]) in their
//! turn among the run's documents, so memory is bounded by the window, not the input.

use std::fs;
use std::io::{self, BufRead, Read, Seek, Write};
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::Ordering;
use std::sync::mpsc;

use super::{display, Delivery};
use crate::annotate::flow::{self, Flow, Searched};
use crate::annotate::{self, entry_counts, Tally, WindowSizes, Windowed, MAX_PIECE_REGIONS};
use crate::diagnostics::Message;
use crate::input::source::{self, Found, InputError};
use crate::input::stream::Utf8Stream;
use crate::matcher::Span;
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
        let mut input = Reader {
            input: Utf8Stream::new(&path, input, self.config.lossy),
            failed: None,
            exhausted: false,
        };
        let mut out = Written::default();
        // Leftmost-longest matching on several workers: the windows go as a flow of jobs.
        let streamed = if self.min_window.is_some() && !self.config.match_options.overlapping {
            self.flow(f, &path, &mut windows, &mut input, &mut out)
        } else {
            self.pieces(f, &path, &mut windows, &mut input, &mut out)
        };
        match streamed {
            Streamed::Done => {}
            Streamed::Interrupted => return Ok(false),
            Streamed::NotWritten(e) => {
                self.report.errors += 1;
                (self.message)(Message::Error(e.to_string()));
                return Ok(true);
            }
        }
        self.ended(f, &path, &input.input, input.failed, out, sizes)
    }

    /// Searches the input a piece at a time (its windows at once on the workers): this
    /// thread places, renders and writes a piece while the workers search the next one.
    fn pieces(
        &mut self,
        f: &Found,
        path: &str,
        windows: &mut Windowed,
        input: &mut Reader,
        out: &mut Written,
    ) -> Streamed {
        let mut text = String::new();
        let mut searched: Option<annotate::Unlocated> = None;
        loop {
            while !input.exhausted && windows.wants_more() {
                input.read(&mut text);
                windows.push(&text);
                text.clear();
            }
            if self.cancel.load(Ordering::Relaxed) {
                return Streamed::Interrupted;
            }
            let mut next = None;
            let mut written = Ok(());
            let before = searched.take();
            let (ends, ahead) = (input.exhausted, windows.wants_ahead());
            self.pool.in_place_scope(|scope| {
                let (next, windows) = (&mut next, &mut *windows);
                scope.spawn(move |_| *next = windows.next_piece(ends));
                if let Some(p) = before {
                    written = self.write_piece(f, path, p, out);
                }
                // The next block is read meanwhile, so the next search need not wait for it.
                if ahead && !input.exhausted {
                    input.read(&mut text);
                }
            });
            windows.push(&text);
            text.clear();
            if let Err(e) = written {
                return Streamed::NotWritten(e);
            }
            match next {
                Some(p) => searched = Some(p),
                // A piece stretched by a chain of overlapping matches may need more text.
                None if !input.exhausted && windows.wants_more() => {}
                None => return Streamed::Done,
            }
        }
    }

    /// Searches the input's windows as a flow of jobs ([`flow`]; leftmost-longest matching
    /// only): each window as soon as its text is read, a few for each worker in flight, so
    /// that no worker waits for another between pieces. This thread reads, cuts the windows,
    /// checks their spans in turn, and places, renders and writes each piece once its spans
    /// are checked.
    fn flow(
        &mut self,
        f: &Found,
        path: &str,
        windows: &mut Windowed,
        input: &mut Reader,
        out: &mut Written,
    ) -> Streamed {
        let (matcher, opts) = (self.matcher, self.config.match_options);
        let mut flow = Flow::new(flow::window_sizes(WindowSizes::for_matcher(matcher)));
        let most = 4 * self.pool.current_num_threads();
        let (tx, rx) = mpsc::channel::<std::thread::Result<Searched>>();
        let mut streamed = Streamed::Done;
        self.pool.in_place_scope(|scope| loop {
            if self.cancel.load(Ordering::Relaxed) {
                streamed = Streamed::Interrupted;
                return;
            }
            // Text up to two pieces ahead, and the windows it holds.
            while !input.exhausted && windows.wants_ahead() {
                windows.push_with(|held| input.read(held));
            }
            while flow.in_flight() < most {
                let (held, at) = windows.held();
                let Some(window) = flow.next_window(held, at, input.exhausted) else {
                    break;
                };
                let tx = tx.clone();
                scope.spawn(move |_| {
                    // A panic goes to this thread, which waits for the window.
                    let searched =
                        panic::catch_unwind(AssertUnwindSafe(|| window.search(matcher, opts)));
                    // The receiver outlives the scope.
                    let _ = tx.send(searched);
                });
            }
            if let Some(p) = windows.checked_piece(input.exhausted, &mut flow) {
                if let Err(e) = self.write_checked(f, path, windows, &p, out) {
                    streamed = Streamed::NotWritten(e);
                    return;
                }
            } else if flow.in_flight() > 0 {
                match rx.recv() {
                    Ok(Ok(searched)) => flow.check(searched, matcher, opts),
                    Ok(Err(payload)) => panic::resume_unwind(payload),
                    // This thread holds a sender: never.
                    Err(_) => return,
                }
            } else if input.exhausted {
                return;
            } else {
                windows.push_with(|held| input.read(held));
            }
        });
        streamed
    }

    /// The end of a streamed document: its tail, its warnings and errors, and its counts.
    fn ended(
        &mut self,
        f: &Found,
        path: &str,
        input: &Utf8Stream,
        failed: Option<InputError>,
        out: Written,
        sizes: WindowSizes,
    ) -> io::Result<bool> {
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
            s.document(path, counts.counts(), self.matcher.glossary())?;
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
        out.chain_cuts += usize::from(piece.cut_in_chain);
        let text = Text {
            text: &piece.text,
            offset: piece.offset,
            last: piece.last,
        };
        self.write_text(f, path, text, &piece.spans, out)
    }

    /// [`Delivery::write_piece`] for a piece whose text is where it was read
    /// ([`Windowed::checked_piece`]).
    fn write_checked(
        &mut self,
        f: &Found,
        path: &str,
        windows: &Windowed,
        piece: &flow::Checked,
        out: &mut Written,
    ) -> io::Result<()> {
        let text = Text {
            text: windows.text_of(piece),
            offset: piece.offset,
            last: piece.last,
        };
        self.write_text(f, path, text, &piece.spans, out)
    }

    /// Places a piece's spans (byte offsets into it), renders it and writes it.
    fn write_text(
        &mut self,
        f: &Found,
        path: &str,
        piece: Text<'_>,
        spans: &[Span],
        out: &mut Written,
    ) -> io::Result<()> {
        let start = out.place.unwrap_or(annotate::START);
        let (annotation, end) = annotate::place(piece.text, spans, start);
        out.place = Some(end);
        let doc = Document {
            path,
            text: piece.text,
            record: None,
        };
        let info = Piece {
            doc,
            number: out.number,
            offset: piece.offset,
            line: start.line,
            last: piece.last,
        };
        let mut bytes = Vec::new();
        let glossary = self.matcher.glossary();
        // What the renderer spills goes out as it comes; after a failure, nothing more.
        let mut spilled = Ok(());
        let (sink, renderer) = (&mut self.sink, self.renderer);
        renderer.piece(
            &info,
            &annotation,
            glossary,
            &mut out.carry,
            &mut bytes,
            &mut |b| {
                if spilled.is_ok() {
                    spilled = sink.part(f, b, renderer, false, &[]);
                }
            },
        );
        let piece_counts = entry_counts(&annotation);
        out.spans += annotation.spans.len() as u64;
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

/// A piece's text, where it starts in the whole text, and whether it is the text's last.
struct Text<'a> {
    text: &'a str,
    offset: usize,
    last: bool,
}

/// How streaming a document ended.
enum Streamed {
    Done,
    /// The run's stop flag was set: nothing more is written.
    Interrupted,
    /// Output could not be written.
    NotWritten(io::Error),
}

/// A long input read block by block, and how the reading ended.
struct Reader {
    input: Utf8Stream,
    /// An encoding or read error ends the input where it is found.
    failed: Option<InputError>,
    exhausted: bool,
}

impl Reader {
    /// Reads the next block onto `text`.
    fn read(&mut self, text: &mut String) {
        match self.input.read(text) {
            Ok(more) => self.exhausted = !more,
            Err(e) => {
                self.failed = Some(e);
                self.exhausted = true;
            }
        }
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
