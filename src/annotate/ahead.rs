//! A long text's pieces cut ahead of their search ([`Windowed::cut_ahead`]), so that several
//! are searched, placed and rendered at once, each a job on a worker, while the run's
//! thread reads on; the pieces are taken in turn ([`Windowed::accept`]), their spans checked
//! as `Windowed` checks its own.
//!
//! Searched a piece at a time, a piece's windows were waited for together, and the run's
//! thread rendered each piece while the workers searched the next: the worker done first
//! sat idle at every piece, and on Chinese text the run's thread, rendering dense spans, was
//! the one all waited for. (One 21 MB file took 1.15 times as long as the same text as files
//! of 1 MB, whose documents never wait so.) Here the run's thread only reads, cuts and
//! writes.
//!
//! A piece ahead is cut where `Windowed` cuts one, from where the piece before it was cut:
//! where that piece ends — past a span crossing its cut — is not known until it is
//! searched. The job works it out from its own search, which begins an overlap before the
//! cut, and it is checked in turn: the piece must start where the piece before ended, and
//! the spans it found in the last quarter of the overlap before its start must be those the
//! piece before kept there (as `annotate::out_of_step` checks a window). Where they are not
//! (a chain of overlapping matches puts the searches out of step, or runs on past what was
//! searched), the piece is searched again in turn ([`Windowed::piece_to`]), as `Windowed`
//! searches its pieces. The spans and places are the whole text's, as `Windowed`'s are; a
//! piece is cut where `Windowed` would cut it except after a piece that ran on past its cut
//! while the pieces after it were already out.

use std::cell::RefCell;

use super::{locate_from, out_of_step, Annotation, Piece, WindowSizes, Windowed};
use crate::matcher::{MatchOptions, Matcher, Span};
use crate::text::normalize::Normalized;
use crate::text::snippet::Place;

thread_local! {
    /// A worker's folded text ([`Ahead::search`]).
    static FOLDED: RefCell<Normalized> = RefCell::default();
}

/// Where the pieces ahead have been cut to ([`Windowed::cut_ahead`]), and how many pieces
/// were taken in turn ([`Windowed::accept`], [`Windowed::piece_to`]): a piece ahead is
/// numbered as it is cut, and taken only as the piece of that number.
#[derive(Debug)]
pub(super) struct Cutting {
    /// Where the next piece ahead is cut from, and its place.
    cut: usize,
    place: Place,
    /// Pieces cut, and pieces taken.
    cut_pieces: usize,
    taken: usize,
    /// The texts of pieces taken, for the next pieces cut: a fresh allocation of a MiB
    /// costs its pages' faults each time.
    spare: Vec<String>,
    /// The workers, and how long the text is expected to be, when the pieces may be cut at
    /// any size ([`Windowed::pieces_for`]); else every piece is a whole region.
    sized_for: Option<(usize, Option<usize>)>,
}

impl Default for Cutting {
    fn default() -> Cutting {
        Cutting {
            cut: 0,
            place: super::START,
            cut_pieces: 0,
            taken: 0,
            spare: Vec::new(),
            sized_for: None,
        }
    }
}

/// A piece cut ahead, for a job: its number, its text with an overlap either side, where
/// it was cut from and to, and the place of its cut.
#[derive(Debug)]
pub struct Ahead {
    number: usize,
    /// Offsets into the whole text: where `text` starts, and the piece's cuts.
    lo: usize,
    cut: usize,
    to: usize,
    /// The text from `lo`: the overlap before `cut`, the piece, the overlap after `to`.
    text: String,
    /// The places of `cut` and `to`.
    place: Place,
    to_place: Place,
    /// The whole text ends where `text` ends.
    ends: bool,
    sizes: WindowSizes,
    opts: MatchOptions,
}

/// A piece cut ahead, searched and placed ([`Ahead::search`]): what it holds if it is taken
/// in turn.
#[derive(Debug)]
pub struct Found {
    /// The piece's number (from 0).
    pub number: usize,
    /// Where the piece starts in the whole text: its cut, or past a span that crosses it.
    pub start: usize,
    /// Where it ends: its cut, or past a span that crosses it.
    pub end: usize,
    /// The place of `start`.
    pub place: Place,
    /// The spans from `start` to `end`, placed when the job placed them ([`Ahead::search`]):
    /// byte offsets into the piece; code points, lines and columns into the whole text.
    pub annotation: Annotation,
    /// The spans, when the job did not place them (byte offsets into the piece).
    spans: Vec<Span>,
    /// Whether this is the text's last piece.
    pub last: bool,
    lo: usize,
    to: usize,
    text: String,
    /// The place of `end`.
    end_place: Place,
    /// The spans found in the last quarter overlap before `start`, which must be those the
    /// piece before kept there, and the spans kept from the last quarter overlap before
    /// `end` (and the last one), for the check of the piece after; offsets into the whole
    /// text.
    before: Vec<Span>,
    tail: Vec<Span>,
    /// The search ran on far enough past `end` (half an overlap, or to the text's end) for
    /// the spans before it to be the whole text's.
    searched_past: bool,
}

impl Ahead {
    /// The piece's number (from 0).
    pub fn number(&self) -> usize {
        self.number
    }

    /// Searches the piece, and places its spans when `locate` says so (else
    /// [`Found::into_piece`] does, in turn): the job's work, on a worker.
    pub fn search(self, matcher: &Matcher, locate: bool) -> Found {
        let Ahead {
            number,
            lo,
            cut,
            to,
            text,
            place,
            to_place,
            ends,
            sizes,
            opts,
        } = self;
        // One job a piece, on one worker: the pieces out keep the workers busy. Cut into
        // windows on several workers as well (`Windowed::on_threads`), a piece's windows
        // waited for each other again, and the 21 MB file took 1.1 times as long on two
        // workers. A worker keeps its folded text from piece to piece.
        let mut spans = Vec::new();
        FOLDED.with_borrow_mut(|norm| matcher.find_into(&text, opts, norm, &mut spans));
        for s in &mut spans {
            s.start += lo;
            s.end += lo;
        }
        let hi = lo + text.len();
        // Where the piece before ends, as it would work it out from these spans; checked in
        // turn against where it did end.
        let start = super::piece_end(&spans, lo, cut);
        let end = super::piece_end(&spans, start, to);
        let searched_past = start < to && (ends || end + sizes.overlap / 2 <= hi);
        let check = start.saturating_sub(sizes.overlap / 4);
        let before = spans
            .iter()
            .filter(|s| s.start >= check && s.start < start)
            .copied()
            .collect();
        spans.retain(|s| s.start >= start && s.start < end);
        let tail_from = end
            .saturating_sub(sizes.overlap / 4)
            .min(spans.last().map_or(end, |s| s.start));
        let tail = spans[spans.partition_point(|s| s.start < tail_from)..].to_vec();
        for s in &mut spans {
            s.start -= start;
            s.end -= start;
        }
        let at = locate_from(&text[cut - lo..start.max(cut) - lo], &[], place).1;
        let end = end.max(start);
        let piece = &text[start - lo..end - lo];
        let (located, end_place) = if locate {
            let (located, end_place) = locate_from(piece, &spans, at);
            spans = Vec::new();
            (located, end_place)
        } else {
            // The run's thread counted up to the cut: only what a span crossing it adds.
            let past = &text[to.min(end) - lo..end - lo];
            (Vec::new(), locate_from(past, &[], to_place).1)
        };
        Found {
            number,
            start,
            end,
            place: at,
            annotation: Annotation { spans: located },
            spans,
            last: ends && end == hi,
            lo,
            to,
            text,
            end_place,
            before,
            tail,
            searched_past,
        }
    }
}

impl Found {
    /// The piece's text.
    pub fn text(&self) -> &str {
        &self.text[self.start - self.lo..self.end - self.lo]
    }

    /// The piece as `Windowed` gives it, its spans placed.
    pub fn into_piece(self) -> Piece {
        let text = self.text().to_string();
        let annotation = if self.spans.is_empty() {
            self.annotation
        } else {
            Annotation {
                spans: locate_from(self.text(), &self.spans, self.place).0,
            }
        };
        Piece {
            text,
            offset: self.start,
            start: self.place,
            annotation,
            last: self.last,
            cut_in_chain: false,
        }
    }
}

/// What becomes of a piece searched ahead, in its turn ([`Windowed::accept`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Turn {
    /// Its spans are the whole text's (it starts where the piece before ended, and the spans
    /// it found before that are those the piece before kept): it is the next piece.
    Taken,
    /// It is out of step: the next piece is [`Windowed::piece_to`]'s, searched again in turn.
    Again,
    /// The pieces before ran on past its cut (a chain of overlapping matches): it has no
    /// text of its own.
    Covered,
}

impl Windowed<'_> {
    /// Cuts the pieces ahead at sizes that suit `workers`, for a text expected to be `len`
    /// bytes long (`None`: not known, as on standard input): see
    /// [`Windowed::region_ahead`]. Without, every piece but the last is a whole region.
    pub fn pieces_for(mut self, workers: usize, len: Option<usize>) -> Self {
        self.ahead.sized_for = Some((workers.max(1), len));
        self
    }

    /// The region of the piece cut ahead from `cut`. The first pieces are small (an
    /// eighth of the window's region, or two overlaps), doubling up to the region, so
    /// that the workers start once a little text is read (a MiB read took a millisecond
    /// while they waited); toward the end of a text of known length each piece is a share
    /// of what is left (half a worker's), down to the smallest, so that the workers finish
    /// together (a last MiB searched alone left the others idle a twentieth of the run on
    /// 21 MB).
    fn region_ahead(&self, cut: usize) -> usize {
        let WindowSizes { region, overlap } = self.sizes;
        let Some((workers, expected)) = self.ahead.sized_for else {
            return region;
        };
        let smallest = (region / 8).max(2 * overlap).min(region);
        let mut r = cut.min(region);
        if let Some(len) = expected {
            r = r.min(len.saturating_sub(cut) / (workers + 1));
        }
        r.max(smallest)
    }

    /// Whether more text must be held before the next piece can be cut ahead.
    pub fn wants_more_ahead(&self) -> bool {
        let cut = self.ahead.cut;
        self.at + self.buf.len() < cut + self.region_ahead(cut) + self.sizes.overlap
    }

    /// The next piece cut ahead of its turn, with a copy of its text and the overlap either
    /// side, for a job ([`Ahead::search`]); `end` says no more text will come. `None` once
    /// every piece is cut, or (only while more text may come) until more text is held
    /// ([`Windowed::wants_more_ahead`]).
    pub fn cut_ahead(&mut self, end: bool) -> Option<Ahead> {
        let overlap = self.sizes.overlap;
        let held_end = self.at + self.buf.len();
        let cut = self.ahead.cut;
        if cut >= held_end {
            return None;
        }
        // As `Windowed::next_piece_to` cuts, from this cut, with this piece's region.
        let region = self.region_ahead(cut);
        let to = if end && held_end <= cut + region + overlap {
            held_end
        } else if held_end < cut + region + overlap {
            return None;
        } else {
            self.cut_from(cut, region)
        };
        // The text held starts an overlap before the first piece not yet taken, which starts
        // at or before this one's cut.
        let lo = self.ceil(cut.saturating_sub(overlap).max(self.at));
        let hi = self.floor((to + overlap).min(held_end));
        let mut text = self.ahead.spare.pop().unwrap_or_default();
        text.push_str(&self.buf[lo - self.at..hi - self.at]);
        let place = self.ahead.place;
        self.ahead.place = locate_from(&self.buf[cut - self.at..to - self.at], &[], place).1;
        let piece = Ahead {
            number: self.ahead.cut_pieces,
            lo,
            cut,
            to,
            text,
            place,
            to_place: self.ahead.place,
            ends: end && hi == held_end,
            sizes: self.sizes,
            opts: self.opts,
        };
        self.ahead.cut = to;
        self.ahead.cut_pieces += 1;
        Some(piece)
    }

    /// Takes a piece searched ahead in its turn ([`Turn`]).
    pub fn accept(&mut self, found: &Found) -> Turn {
        if found.to <= self.next {
            return Turn::Covered;
        }
        let in_step = found.searched_past
            && found.number == self.ahead.taken
            && found.start == self.next
            && out_of_step(&found.before, &self.prev, self.next, self.sizes.overlap).is_none();
        if in_step {
            self.prev.clone_from(&found.tail);
            self.next = found.end;
            self.place = found.end_place;
            self.taken();
            return Turn::Taken;
        }
        Turn::Again
    }

    /// Keeps the text of a piece taken for a piece cut later (no more are kept than were
    /// ever out at once).
    pub fn recycle(&mut self, found: Found) {
        let mut text = found.text;
        text.clear();
        self.ahead.spare.push(text);
    }

    /// The piece `found` was cut for, searched in turn and ending where it was cut (as the
    /// piece ahead would), when [`Windowed::accept`] said [`Turn::Again`]. `None` (only
    /// while more text may come) until more text is held ([`Windowed::wants_more`]): then
    /// call it again.
    pub fn piece_to(&mut self, end: bool, found: &Found) -> Option<Piece> {
        let (piece, place) = self.next_piece_to(end, Some(found.to))?.locate(self.place);
        self.place = place;
        self.taken();
        Some(piece)
    }

    /// Counts a piece taken. Where it ran on past the pieces cut (past a span crossing the
    /// last cut, or a chain of overlapping matches), the next piece is cut from its end.
    fn taken(&mut self) {
        self.ahead.taken += 1;
        if self.ahead.cut < self.next {
            self.ahead.cut = self.next;
            self.ahead.place = self.place;
        }
        self.let_go();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::Glossary;

    /// A piece ahead is taken only when it starts where the piece before ended and the spans
    /// it found before its start are those the piece before kept there.
    #[test]
    fn a_piece_out_of_step_with_the_one_before_is_searched_again() {
        let m = Matcher::new(Glossary::builtin()).unwrap();
        let min = WindowSizes::minimum(&m);
        let text = "打击保护伞，扫黑除恶。\n".repeat(3 * min.region / 30);
        let cut = |w: &mut Windowed<'_>| w.cut_ahead(true).unwrap().search(&m, true);
        for tamper in [None, Some("before"), Some("start")] {
            let mut w = Windowed::new(&m, MatchOptions::default(), min);
            w.push(&text);
            let (first, mut second) = (cut(&mut w), cut(&mut w));
            assert!(!second.before.is_empty(), "the check sees spans");
            match tamper {
                Some("before") => second.before[0].end += 1,
                Some(_) => second.start += 1,
                None => {}
            }
            assert_eq!(w.accept(&first), Turn::Taken);
            let want = if tamper.is_some() {
                Turn::Again
            } else {
                Turn::Taken
            };
            assert_eq!(w.accept(&second), want, "{tamper:?}");
        }
    }
}
