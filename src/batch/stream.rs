//! Inputs too long to hold whole (over [`STREAM_ABOVE`]), annotated in windows
//! ([`Windowed`]) and written piece by piece ([`crate::render::Render::piece`]) in their
//! turn among the run's documents, so memory is bounded by the window, not the input.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, BufRead, Read, Seek, Write};
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::Ordering;
use std::sync::mpsc;
use std::thread;

use super::{display, Delivery};
use crate::annotate::ahead::Turn;
use crate::annotate::{self, entry_counts, Tally, WindowSizes, Windowed, MAX_PIECE_REGIONS};
use crate::diagnostics::Message;
use crate::input::source::{self, Found, InputError};
use crate::input::stream::Utf8Stream;
use crate::matcher::Matcher;
use crate::render::{Carry, Document, Piece, Render, SPILL_AT};
use crate::text::english::count;

/// Inputs longer than this are annotated in windows rather than whole. A document held whole
/// is rendered whole, and its output can be dozens of times its text: Chinese releases' HTML
/// is some 35 times the text, so 10 MB of them took 740 MB as HTML and 210 MB as JSONL (when
/// this was 16 MiB). In windows the same took 110 and 60 MB, and less time (large buffers
/// cost page faults): CSV of 10 MB of Chinese 0.6 of the time on one worker.
pub(super) const STREAM_ABOVE: usize = 2 << 20;

impl Delivery<'_, '_> {
    /// Annotates and writes an input too long to hold, in windows, in input order: each
    /// piece is cut ahead and searched, placed and rendered as a job on the workers
    /// ([`annotate::ahead`]), while this thread reads on and writes the pieces done, in
    /// turn. The run's stop flag is checked between pieces, so Ctrl-C stops within a few
    /// pieces' work. An encoding error found part way ends the document there: what came
    /// before is written, and the error reported. `false` when the run was interrupted.
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
        let workers = self.pool.current_num_threads();
        if !self.renderer.shows_pieces() {
            // A file's length as found; standard input's is not known.
            let expected = usize::try_from(f.len)
                .ok()
                .filter(|&len| len > 0 && f.path.as_os_str() != "-");
            windows = windows.pieces_for(workers, expected);
        }
        // The head is read again (in blocks, or from the map of the whole file), so only a
        // window's text is held decoded.
        let input = match rest {
            source::Rest::Read(r) => source::Rest::Read(Box::new(io::Cursor::new(head).chain(r))),
            mapped @ source::Rest::Mapped(_) => mapped,
        };
        let mut reader = Reader {
            input: Utf8Stream::new(&path, input, self.config.lossy),
            failed: None,
            exhausted: false,
        };
        let mut out = Written::default();
        let (matcher, renderer) = (self.matcher, self.renderer);
        // With one worker, this thread renders while the worker searches the next pieces:
        // rendered on the worker too, 10 MB of Chinese took 1.2 times as long.
        let apart = renderer.pieces_apart() && workers > 1;
        let (mut interrupted, mut failed_write) = (false, None);
        self.pool.in_place_scope(|scope| {
            let (done_tx, done_rx) = mpsc::channel::<(usize, thread::Result<Done>)>();
            let mut early = BTreeMap::new();
            let (mut cut, mut taken) = (0, 0);
            loop {
                let most = pieces_out(workers, out.last, sizes.region);
                while !interrupted && failed_write.is_none() && cut - taken < most {
                    if self.cancel.load(Ordering::Relaxed) {
                        interrupted = true;
                    } else if !reader.exhausted && windows.wants_more_ahead() {
                        reader.read_into(&mut windows);
                    } else if let Some(piece) = windows.cut_ahead(reader.exhausted) {
                        let (done_tx, path, number) = (done_tx.clone(), &path, piece.number());
                        scope.spawn(move |_| {
                            // A job that panics still answers, so this thread does not wait
                            // for it for ever: the panic goes on there.
                            let done = panic::catch_unwind(AssertUnwindSafe(|| {
                                let mut found = piece.search(matcher, apart);
                                let rendered =
                                    apart.then(|| render(renderer, matcher, path, &mut found));
                                Done { found, rendered }
                            }));
                            // The receiver waits for every piece out.
                            let _ = done_tx.send((number, done));
                        });
                        cut += 1;
                    } else {
                        break;
                    }
                }
                if taken == cut {
                    break;
                }
                let done = match early.remove(&taken) {
                    Some(done) => done,
                    None => loop {
                        let (number, done) = done_rx.recv().expect("a job sends before it ends");
                        if number == taken {
                            break done;
                        }
                        early.insert(number, done);
                    },
                };
                let done = done.unwrap_or_else(|p| panic::resume_unwind(p));
                taken += 1;
                if interrupted || failed_write.is_some() {
                    continue;
                }
                if let Err(e) = self.take(f, &path, done, &mut windows, &mut reader, &mut out) {
                    failed_write = Some(e);
                }
            }
        });
        if interrupted {
            return Ok(false);
        }
        if let Some(e) = failed_write {
            self.report.errors += 1;
            (self.message)(Message::Error(e.to_string()));
            return Ok(true);
        }
        let Written {
            carry: _,
            last: _,
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
        let input = reader.input;
        if let Some(w) = input.warning() {
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
        if let Some(e) = reader.failed {
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

    /// Takes a piece searched ahead in its turn and writes it: as the job rendered it when
    /// its spans are the whole text's, else searched again in turn and rendered here.
    fn take(
        &mut self,
        f: &Found,
        path: &str,
        done: Done,
        windows: &mut Windowed<'_>,
        reader: &mut Reader,
        out: &mut Written,
    ) -> io::Result<()> {
        match windows.accept(&done.found) {
            Turn::Taken => {}
            Turn::Covered => return Ok(()),
            Turn::Again => loop {
                // With several workers the search is cut into windows on them.
                let exhausted = reader.exhausted;
                match self
                    .pool
                    .install(|| windows.piece_to(exhausted, &done.found))
                {
                    Some(piece) => return self.write_piece(f, path, piece, out),
                    // A piece stretched by a chain of overlapping matches may need more text.
                    None if !reader.exhausted && windows.wants_more() => reader.read_into(windows),
                    None => return Ok(()),
                }
            },
        }
        match done.rendered {
            Some(r) => {
                let len = done.found.end - done.found.start;
                let written = self.write_rendered(f, r, len, out);
                windows.recycle(done.found);
                written
            }
            None => self.write_piece(f, path, done.found.into_piece(), out),
        }
    }

    /// Writes a piece a job rendered.
    fn write_rendered(
        &mut self,
        f: &Found,
        r: Rendered,
        len: usize,
        out: &mut Written,
    ) -> io::Result<()> {
        let (spilled, tail) = r.spilled.map_err(|e| {
            io::Error::new(
                e.kind(),
                format!(
                    "{}: its output could not be set aside in a temporary file while it was \
                     rendered: {e}",
                    display(&f.path)
                ),
            )
        })?;
        if let Some(file) = spilled {
            copy_spilled(&file, |b| self.sink.part(f, b, self.renderer, false, &[]))?;
        }
        out.counts.add(&r.counts);
        out.spans += r.spans;
        out.last = Some((r.spans, len as u64));
        out.number += 1;
        self.sink
            .part(f, &r.bytes, self.renderer, false, &r.counts)?;
        // A tail set aside follows what the join adds before it.
        self.renderer.join(&mut out.carry, r.carry);
        spool(&mut out.tail, &mut out.carry.tail)?;
        match tail {
            Some(file) => copy_spilled(&file, |b| spool_bytes(&mut out.tail, b)),
            None => Ok(()),
        }
    }

    /// Renders a piece of a streamed document here, in turn, and writes it; its tail bytes
    /// (JSONL's spans) go to the document's temporary file.
    fn write_piece(
        &mut self,
        f: &Found,
        path: &str,
        piece: annotate::Piece,
        out: &mut Written,
    ) -> io::Result<()> {
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
        out.last = Some((piece.annotation.spans.len() as u64, piece.text.len() as u64));
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

/// A streamed input, read a block at a time into the windows.
struct Reader {
    input: Utf8Stream,
    /// The encoding error that ended the input early, if one did.
    failed: Option<InputError>,
    exhausted: bool,
}

impl Reader {
    fn read_into(&mut self, windows: &mut Windowed<'_>) {
        match windows.push_with(|text| self.input.read(text)) {
            Ok(more) => self.exhausted = !more,
            Err(e) => {
                self.failed = Some(e);
                self.exhausted = true;
            }
        }
    }
}

/// A piece searched ahead, and what the job rendered of it (formats whose pieces render
/// apart, [`crate::render::Render::pieces_apart`]).
struct Done {
    found: annotate::ahead::Found,
    rendered: Option<Rendered>,
}

/// A piece rendered on a worker: its output (what passed [`SPILL_AT`] set aside in a
/// temporary file, and the rest), what it carries (its tail over `SPILL_AT` set aside in a
/// file of its own), its spans and its per-entry counts.
struct Rendered {
    spilled: io::Result<(Option<fs::File>, Option<fs::File>)>,
    bytes: Vec<u8>,
    carry: Carry,
    spans: u64,
    counts: Vec<(usize, u32)>,
}

/// Renders a piece searched ahead, apart from the pieces before it (on a worker), and lets
/// go of its spans: a piece rendered waits its turn with its output only (a MiB of Chinese
/// has hundreds of thousands of spans with CC-CEDICT).
fn render(
    renderer: &dyn Render,
    matcher: &Matcher,
    path: &str,
    found: &mut annotate::ahead::Found,
) -> Rendered {
    let info = Piece {
        doc: Document {
            path,
            text: found.text(),
            record: None,
        },
        number: found.number,
        offset: found.start,
        line: found.place.line,
        last: found.last,
    };
    let (mut carry, mut bytes, mut file) = (Carry::default(), Vec::new(), None);
    let mut spilled = Ok(());
    renderer.piece(
        &info,
        &found.annotation,
        matcher.glossary(),
        &mut carry,
        &mut bytes,
        &mut |b| {
            if spilled.is_ok() {
                spilled = spool_bytes(&mut file, b);
            }
        },
    );
    let mut tail = None;
    if carry.tail.len() > SPILL_AT && spilled.is_ok() {
        spilled = spool_bytes(&mut tail, &carry.tail);
        carry.tail = Vec::new();
    }
    let counts = entry_counts(&found.annotation);
    let spans = std::mem::take(&mut found.annotation.spans).len() as u64;
    Rendered {
        spilled: spilled.map(|()| (file, tail)),
        bytes,
        carry,
        spans,
        counts,
    }
}

/// What the pieces of a streamed document written so far add up to.
#[derive(Default)]
struct Written {
    carry: Carry,
    counts: Tally,
    spans: u64,
    /// The spans and bytes of the last piece written (none before the first).
    last: Option<(u64, u64)>,
    number: usize,
    /// Pieces that end inside a chain of overlapping matches ([`annotate::Piece::cut_in_chain`]).
    chain_cuts: usize,
    /// The document's tail bytes, set aside.
    tail: Option<fs::File>,
}

/// What the pieces out at once may hold between them while they are rendered, going by the
/// spans of the last piece written: a span found, placed and rendered takes up to 256 bytes
/// while its piece renders ([`PLACED_SPAN`]: 32 found, 64 placed, some 100 of JSONL). With
/// CC-CEDICT a MiB of Chinese has 300,000 spans or more: unbounded, sixteen workers would
/// hold well over a GB.
const HELD_BY_PIECES: u64 = 192 << 20;
const PLACED_SPAN: u64 = 256;

/// How many pieces may be out at once: enough to keep every worker busy while this thread
/// writes (two more than workers), fewer where the spans are dense ([`HELD_BY_PIECES`]),
/// and never fewer than two, so that a piece is searched while the one before is written.
/// The spans a piece may hold go by the last piece written (`last`: its spans and bytes),
/// as if it had been a whole `region` (the first pieces are smaller). Until the first piece
/// is written, nothing is known of the spans: two.
fn pieces_out(workers: usize, last: Option<(u64, u64)>, region: usize) -> usize {
    let Some((spans, bytes)) = last else {
        return 2;
    };
    let per_piece = spans.saturating_mul(region as u64) / bytes.max(1);
    let fit = HELD_BY_PIECES / per_piece.saturating_mul(PLACED_SPAN).max(1);
    usize::try_from(fit)
        .unwrap_or(usize::MAX)
        .clamp(2, workers + 2)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dense_spans_keep_fewer_pieces_out() {
        const MIB: usize = 1 << 20;
        let piece = |spans| Some((spans, MIB as u64));
        // The built-in glossary over English: a few thousand spans a piece.
        assert_eq!(pieces_out(2, piece(3_000), MIB), 4);
        assert_eq!(pieces_out(16, piece(3_000), MIB), 18);
        assert_eq!(pieces_out(16, piece(0), MIB), 18);
        // Before the first piece is written, nothing is known: two.
        assert_eq!(pieces_out(16, None, MIB), 2);
        // CC-CEDICT over Chinese: 300,000 spans a piece or more.
        assert_eq!(pieces_out(16, piece(300_000), MIB), 2);
        assert_eq!(pieces_out(16, piece(100_000), MIB), 7);
        assert_eq!(pieces_out(1, piece(u64::MAX), MIB), 2);
        // A first piece of an eighth of the region, as dense: as few as a whole one.
        assert_eq!(pieces_out(16, Some((12_500, MIB as u64 / 8)), MIB), 7);
        assert_eq!(pieces_out(16, Some((1, 0)), MIB), 2);
    }
}
