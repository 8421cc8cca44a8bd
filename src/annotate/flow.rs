//! A long text's windows searched as a flow of jobs ([`Flow`]), for a caller that reads the
//! text bit by bit and writes it piece by piece ([`super::Windowed::checked_piece`]) while
//! the windows ahead are searched on other threads.
//!
//! Searched a piece at a time, each piece's windows were waited for together: the thread
//! done first sat idle until the other was done, and again while the piece was cut off and
//! the next block of text added (on two threads, one 21 MB file took 1.16 times as long as
//! the same text as files of 1 MB, whose documents never wait so). Here a window is searched
//! as soon as its text is held, and the caller takes each one's spans in turn.
//!
//! The windows are `windows::cuts`'s over the whole text, and their spans are joined as
//! `windows::find` joins them, so they are the spans of the whole text (the property tests
//! hold `windows::find` to the whole-text search). Only leftmost-longest matching comes this
//! way: there a span crosses a piece's cut at most once, where a chain of overlapping
//! matches can stretch a piece past what was searched ([`super::Windowed::next_piece`]).

use std::collections::{BTreeMap, VecDeque};

use super::{out_of_step, WindowSizes};
use crate::matcher::{MatchOptions, Matcher, Span};
use crate::text::{ceil_boundary, floor_boundary};

/// A window for a job: its number, where its searched text starts (`lo`) and the region it
/// keeps spans from (`start..end`), offsets into the whole text, and that text (copied, so
/// that the job owns it while the text held goes on growing).
#[derive(Debug)]
pub struct Window {
    number: usize,
    lo: usize,
    start: usize,
    end: usize,
    text: String,
}

/// A window and the spans of its text, offsets into the whole text.
#[derive(Debug)]
pub struct Searched {
    window: Window,
    spans: Vec<Span>,
}

impl Window {
    /// Searches the window's text (on a worker).
    pub fn search(self, matcher: &Matcher, opts: MatchOptions) -> Searched {
        let spans = shifted(matcher.find(&self.text, opts), self.lo);
        Searched {
            window: self,
            spans,
        }
    }
}

fn shifted(mut spans: Vec<Span>, by: usize) -> Vec<Span> {
    for s in &mut spans {
        s.start += by;
        s.end += by;
    }
    spans
}

/// A piece whose spans are checked ([`super::Windowed::checked_piece`]): where it starts and
/// ends in the whole text, its spans (byte offsets into the piece), and whether it is the
/// text's last.
#[derive(Debug)]
pub struct Checked {
    /// Where the piece starts in the whole text.
    pub offset: usize,
    /// Where it ends.
    pub end: usize,
    /// Its spans, byte offsets into the piece.
    pub spans: Vec<Span>,
    /// Whether it is the text's last piece.
    pub last: bool,
}

/// The windows for a text read in pieces of `pieces` (their overlap, the matcher's smallest):
/// regions of 256 KiB. With no wait between pieces, a window need only be small enough for
/// the workers to share the last ones of the text; a smaller one searches its overlap again
/// more often.
pub fn window_sizes(pieces: WindowSizes) -> WindowSizes {
    WindowSizes {
        region: (256 << 10).max(2 * pieces.overlap),
        overlap: pieces.overlap,
    }
}

/// The windows of a text given bit by bit: cut as its text comes, searched by the caller's
/// jobs, their spans checked in order.
#[derive(Debug)]
pub struct Flow {
    sizes: WindowSizes,
    /// Where the next window's region starts, and its number.
    next_start: usize,
    next_number: usize,
    /// The last window is cut.
    all_cut: bool,
    /// The next window to check, and the windows searched ahead of their turn.
    checking: usize,
    waiting: BTreeMap<usize, Searched>,
    /// The spans the last window checked kept, from the last that the next window's check
    /// looks at (`out_of_step` looks at the last quarter overlap, and at the last span).
    last_kept: Vec<Span>,
    /// Spans checked, not yet taken, by start, as each window kept them (moved, not copied:
    /// Chinese text has a span every few bytes), and how many of the first are taken.
    /// Every span that starts before `checked_to`.
    ready: VecDeque<Vec<Span>>,
    taken: usize,
    checked_to: usize,
}

impl Flow {
    /// A flow of windows of `sizes` (a window's region, and the overlap searched on either
    /// side of it).
    pub fn new(sizes: WindowSizes) -> Flow {
        Flow {
            sizes,
            next_start: 0,
            next_number: 0,
            all_cut: false,
            checking: 0,
            waiting: BTreeMap::new(),
            last_kept: Vec::new(),
            ready: VecDeque::new(),
            taken: 0,
            checked_to: 0,
        }
    }

    /// Where the text must be held from, for the windows still to be cut.
    pub fn held_from(&self) -> usize {
        self.next_start.saturating_sub(self.sizes.overlap)
    }

    /// The next window whose text `held` (the text from byte `at`) holds; `end` says the
    /// text ends there. None until more text comes, and once every window is cut.
    pub fn next_window(&mut self, held: &str, at: usize, end: bool) -> Option<Window> {
        let WindowSizes { region, overlap } = self.sizes;
        let held_end = at + held.len();
        let start = self.next_start;
        if self.all_cut || start < at {
            return None;
        }
        if start >= held_end {
            self.all_cut = end;
            return None;
        }
        // As `windows::cuts`: a window is cut `region` on while more than a region and an
        // overlap are left; the last one takes the rest.
        let last = held_end - start <= region.max(1).saturating_add(overlap);
        if last && !end {
            return None;
        }
        let floor = |i: usize| floor_boundary(held, i - at) + at;
        let ceil = |i: usize| ceil_boundary(held, i - at) + at;
        let (stop, hi) = if last {
            (held_end, held_end)
        } else {
            let cut = floor(start + region.max(1));
            // A region shorter than a character ends after it.
            let stop = if cut > start { cut } else { ceil(start + 1) };
            (stop, floor(stop + overlap))
        };
        let lo = ceil(start.saturating_sub(overlap).max(at));
        let window = Window {
            number: self.next_number,
            lo,
            start,
            end: stop,
            text: held[lo - at..hi - at].to_string(),
        };
        self.next_start = stop;
        self.next_number += 1;
        self.all_cut = last;
        Some(window)
    }

    /// Windows cut and not yet checked.
    pub fn in_flight(&self) -> usize {
        self.next_number - self.checking
    }

    /// Every window is cut and checked.
    pub fn done(&self) -> bool {
        self.all_cut && self.in_flight() == 0
    }

    /// Takes a window back from its job, and checks every window whose turn has come: its
    /// spans in the overlap before its region against those the window before kept (as
    /// `windows::find` does), searched again from the last of those where they differ.
    pub fn check(&mut self, searched: Searched, matcher: &Matcher, opts: MatchOptions) {
        self.waiting.insert(searched.window.number, searched);
        while let Some(Searched {
            window: w,
            mut spans,
        }) = self.waiting.remove(&self.checking)
        {
            if let Some(from) = out_of_step(&spans, &self.last_kept, w.start, self.sizes.overlap) {
                let from = from.max(w.lo);
                spans = shifted(matcher.find(&w.text[from - w.lo..], opts), from);
            }
            spans.retain(|s| s.start >= w.start && s.start < w.end);
            let check = w.end.saturating_sub(self.sizes.overlap / 4);
            let tail = spans.partition_point(|s| s.start < check);
            self.last_kept = spans[tail.min(spans.len().saturating_sub(1))..].to_vec();
            if !spans.is_empty() {
                self.ready.push_back(spans);
            }
            self.checked_to = w.end;
            self.checking += 1;
        }
    }

    /// Every span that starts before this is checked.
    pub fn checked_to(&self) -> usize {
        self.checked_to
    }

    /// The checked spans not yet taken, by start.
    pub fn ready(&self) -> impl Iterator<Item = &Span> {
        let taken = self.taken;
        (self.ready.iter().enumerate()).flat_map(move |(i, v)| &v[if i == 0 { taken } else { 0 }..])
    }

    /// Takes the checked spans that start before `end`, their offsets made relative to
    /// `from`.
    pub fn take_before(&mut self, end: usize, from: usize) -> Vec<Span> {
        let mut taken = Vec::new();
        while let Some(first) = self.ready.front() {
            let rest = &first[self.taken..];
            let n = rest.partition_point(|s| s.start < end);
            taken.extend(rest[..n].iter().map(|s| Span {
                start: s.start - from,
                end: s.end - from,
                ..*s
            }));
            if n < rest.len() {
                self.taken += n;
                break;
            }
            self.ready.pop_front();
            self.taken = 0;
        }
        taken
    }
}
