//! Annotation: a document's text and the glossary spans found in it, with every position a
//! consumer may want (byte and code-point offsets, line and column).

use crate::glossary::FormKind;
use crate::matcher::{MatchOptions, Matcher, Span, CONTEXT_WINDOW};
use crate::text::snippet::{Cursor, Place};
use crate::text::{ceil_boundary, floor_boundary};

pub mod ahead;
pub mod windows;

/// A span with all its positions in the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Located {
    /// The span: byte offsets, entry and form.
    pub span: Span,
    /// Code-point offset of the start.
    pub char_start: usize,
    /// Code-point offset of the end, exclusive.
    pub char_end: usize,
    /// 1-based line of the span's start.
    pub line: usize,
    /// 1-based column of the span's start, in code points.
    pub column: usize,
}

/// A document's annotations.
#[derive(Debug, Clone, Default)]
pub struct Annotation {
    /// The spans, by start.
    pub spans: Vec<Located>,
}

impl Located {
    /// Byte offsets in the original text.
    pub fn byte_range(&self) -> std::ops::Range<usize> {
        self.span.start..self.span.end
    }

    /// Which kind of form matched.
    pub fn form(&self) -> FormKind {
        self.span.form
    }
}

/// Finds the terms of `text` and locates them.
pub fn annotate(matcher: &Matcher, text: &str, opts: MatchOptions) -> Annotation {
    let spans = matcher.find(text, opts);
    Annotation {
        spans: locate(text, &spans),
    }
}

/// [`annotate`] on the current rayon pool's threads: a text long enough for more than one
/// window is cut into windows searched at once ([`windows`]), with the matcher's smallest
/// window sizes `min` ([`WindowSizes::minimum`], worked out once by the caller); the spans
/// are the same. On a pool of one thread, or for a short text, it is [`annotate`].
pub fn annotate_on_threads(
    matcher: &Matcher,
    text: &str,
    opts: MatchOptions,
    min: WindowSizes,
) -> Annotation {
    let spans = find_on_threads(matcher, text, opts, min);
    Annotation {
        spans: locate(text, &spans),
    }
}

/// The spans of [`annotate_on_threads`], before they are located.
fn find_on_threads(
    matcher: &Matcher,
    text: &str,
    opts: MatchOptions,
    min: WindowSizes,
) -> Vec<Span> {
    let threads = rayon::current_num_threads();
    let sizes = windows::sizes(min, text.len(), threads);
    if threads > 1 && windows::is_cut(sizes, text.len()) {
        windows::find(matcher, text, opts, sizes)
    } else {
        matcher.find(text, opts)
    }
}

/// Occurrences per entry: (entry index, count), sorted by entry index.
pub fn entry_counts(ann: &Annotation) -> Vec<(usize, u32)> {
    let Some(max) = ann.spans.iter().map(|l| l.span.entry).max() else {
        return Vec::new();
    };
    // A tally per entry index: a sort of every span's entry cost as much as placing the
    // spans on a Chinese text (a term every 30 bytes). A few spans are sorted instead,
    // rather than tallied over a glossary's worth of zeros.
    if ann.spans.len() > 64 && max < 64 * ann.spans.len() {
        let mut tally = vec![0u32; max + 1];
        for l in &ann.spans {
            tally[l.span.entry] += 1;
        }
        return tally
            .into_iter()
            .enumerate()
            .filter(|&(_, n)| n > 0)
            .collect();
    }
    let mut ids: Vec<usize> = ann.spans.iter().map(|l| l.span.entry).collect();
    ids.sort_unstable();
    let mut out: Vec<(usize, u32)> = Vec::new();
    for id in ids {
        match out.last_mut() {
            Some((last, n)) if *last == id => *n += 1,
            _ => out.push((id, 1)),
        }
    }
    out
}

/// Adds per-entry counts into others (the records of one JSONL input share a page).
pub fn merge_counts(into: &mut Vec<(usize, u32)>, more: &[(usize, u32)]) {
    // Small lists (a few terms a record) are looked through; large ones go through a tally's
    // index (a window of Chinese text names tens of thousands of CC-CEDICT entries).
    if into.len().saturating_mul(more.len()) <= 1 << 12 {
        for &(entry, n) in more {
            match into.iter_mut().find(|c| c.0 == entry) {
                Some(c) => c.1 += n,
                None => into.push((entry, n)),
            }
        }
        return;
    }
    let mut tally = Tally::from_counts(std::mem::take(into));
    tally.add(more);
    *into = tally.counts;
}

/// Per-entry counts summed piece by piece, in the order [`merge_counts`] leaves them, with
/// an index of where each entry is kept from piece to piece: each piece then costs its own
/// length. A 20 MB file of Chinese text with CC-CEDICT, counted by looking through the
/// running list for each entry of each window, spent 30 of its 35 s there.
#[derive(Debug, Default)]
pub struct Tally {
    counts: Vec<(usize, u32)>,
    at: rustc_hash::FxHashMap<usize, usize>,
}

impl Tally {
    /// A tally that goes on from `counts`.
    pub fn from_counts(counts: Vec<(usize, u32)>) -> Tally {
        let mut at = rustc_hash::FxHashMap::default();
        for (i, c) in counts.iter().enumerate() {
            // The first place of an entry, as a look through the list finds it.
            at.entry(c.0).or_insert(i);
        }
        Tally { counts, at }
    }

    /// Adds counts of more text.
    pub fn add(&mut self, more: &[(usize, u32)]) {
        for &(entry, n) in more {
            match self.at.entry(entry) {
                std::collections::hash_map::Entry::Occupied(o) => self.counts[*o.get()].1 += n,
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(self.counts.len());
                    self.counts.push((entry, n));
                }
            }
        }
    }

    /// The counts so far.
    pub fn counts(&self) -> &[(usize, u32)] {
        &self.counts
    }
}

/// Computes code-point offsets and line/column for spans sorted by start, in one pass.
pub fn locate(text: &str, spans: &[Span]) -> Vec<Located> {
    locate_from(text, spans, START).0
}

/// The place of a text's first character.
pub const START: Place = Place {
    line: 1,
    column: 1,
    chars: 0,
};

/// [`locate`] for a piece of a longer text that starts at `base`: byte offsets stay in the
/// piece, code-point offsets, lines and columns count from the text's start. Also returns
/// the place of the piece's end.
fn locate_from(text: &str, spans: &[Span], base: Place) -> (Vec<Located>, Place) {
    let mut cursor = Cursor::new(text);
    let at = |cursor: &mut Cursor<'_>, offset: usize| {
        let p = cursor.place(offset);
        Place {
            line: base.line + p.line - 1,
            column: if p.line == 1 {
                base.column + p.column - 1
            } else {
                p.column
            },
            chars: base.chars + p.chars,
        }
    };
    let located = spans
        .iter()
        .map(|s| {
            // Spans are sorted by start, so the cursor only moves forward.
            let p = at(&mut cursor, s.start);
            Located {
                span: *s,
                char_start: p.chars,
                char_end: p.chars + cursor.count(&text.as_bytes()[s.start..s.end]),
                line: p.line,
                column: p.column,
            }
        })
        .collect();
    let end = at(&mut cursor, text.len());
    (located, end)
}

/// How a text too long to hold is annotated in windows: each window owns a region of about
/// `region` bytes and is searched with `overlap` bytes of the text on either side, so a match
/// crossing a cut, the context a gated form needs (600 bytes of folded text either side) and
/// the quote a Chinese span takes in are all seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WindowSizes {
    /// Bytes of text a window owns, before its cut is moved to a line end.
    pub region: usize,
    /// Bytes of text searched before and after the region.
    pub overlap: usize,
}

impl WindowSizes {
    /// The smallest sizes that find what a whole-text search finds: the overlap holds the
    /// gating context four times over and the longest form, exclusion or cue eight times
    /// (whitespace, articles and quotes a match spans make it longer than its form).
    pub fn minimum(matcher: &Matcher) -> WindowSizes {
        let longest = matcher.longest_form();
        let overlap = 4 * CONTEXT_WINDOW + 8 * longest;
        WindowSizes {
            region: 2 * overlap,
            overlap,
        }
    }

    /// The sizes used for long inputs: 1 MiB regions (or the minimum) and the minimum
    /// overlap. A region's HTML page is some twenty times its text where terms are dense,
    /// which is what bounds the region. Every piece searches its overlap on either side
    /// again, so it is kept to the minimum: 64 KiB either side of a 1 MiB region made the
    /// search of a long English input an eighth longer.
    pub fn for_matcher(matcher: &Matcher) -> WindowSizes {
        let min = WindowSizes::minimum(matcher);
        WindowSizes {
            region: min.region.max(1 << 20),
            overlap: min.overlap,
        }
    }
}

/// Where a window whose region starts at `start` must be searched again, or `None` when its
/// `spans` are in step with those the previous window kept (`prev`): the spans starting in
/// the last quarter of the overlap before the region must be the same. Where they are not (a
/// chain of overlapping matches longer than the overlap puts leftmost-longest matching out
/// of step), the two searches agree from the start of the previous window's last span.
fn out_of_step(spans: &[Span], prev: &[Span], start: usize, overlap: usize) -> Option<usize> {
    if start == 0 {
        return None;
    }
    let check = start.saturating_sub(overlap / 4);
    let mine = spans.iter().filter(|s| s.start >= check && s.start < start);
    let theirs = prev.iter().filter(|s| s.start >= check);
    (!mine.eq(theirs)).then(|| prev.last().map_or(start, |s| s.start))
}

/// A piece as the search leaves it (`Windowed::next_piece_to`): its spans not yet placed in
/// lines and columns, which is done from where the piece before ended
/// ([`Unlocated::locate`]).
#[derive(Debug, Clone)]
pub struct Unlocated {
    /// The piece's text.
    pub text: String,
    /// Byte offset of the piece in the whole text.
    pub offset: usize,
    /// The spans, byte offsets into the piece, sorted by start.
    pub spans: Vec<Span>,
    /// Whether this is the text's last piece.
    pub last: bool,
    /// As [`Piece::cut_in_chain`].
    pub cut_in_chain: bool,
}

impl Unlocated {
    /// The piece, its spans placed from `start` (the place where the previous piece ended,
    /// or the text's start), and the place where it ends.
    pub fn locate(self, start: Place) -> (Piece, Place) {
        let (located, end) = locate_from(&self.text, &self.spans, start);
        let piece = Piece {
            text: self.text,
            offset: self.offset,
            start,
            annotation: Annotation { spans: located },
            last: self.last,
            cut_in_chain: self.cut_in_chain,
        };
        (piece, end)
    }
}

/// One piece of a text annotated in windows: the text from the end of the previous piece to
/// the cut (moved past any span crossing it), and its spans.
#[derive(Debug, Clone)]
pub struct Piece {
    /// The piece's text.
    pub text: String,
    /// Byte offset of the piece in the whole text.
    pub offset: usize,
    /// The place of the piece's start in the whole text.
    pub start: Place,
    /// The spans: byte offsets into the piece; code points, lines and columns into the
    /// whole text.
    pub annotation: Annotation,
    /// Whether this is the text's last piece.
    pub last: bool,
    /// Whether the piece ends inside a chain of overlapping matches (`--overlapping`) longer
    /// than a piece may grow ([`MAX_PIECE_REGIONS`]): the one match that crosses the end of
    /// the text searched for it may be missing.
    pub cut_in_chain: bool,
}

/// Where a piece from `from` cut at `cut` ends: at the cut, or past it where a span it keeps
/// reaches further (one pass: the spans come sorted by start).
fn piece_end(spans: &[Span], from: usize, cut: usize) -> usize {
    let mut end_at = cut;
    for s in spans.iter().skip_while(|s| s.start < from) {
        if s.start >= end_at {
            break;
        }
        end_at = end_at.max(s.end);
    }
    end_at
}

/// How many regions a piece may grow to, past its cut, to hold a chain of overlapping
/// matches: a piece is held whole, with its spans and its rendered output.
pub const MAX_PIECE_REGIONS: usize = 2;

/// Annotates a text given bit by bit, in windows ([`WindowSizes`]), so memory is bounded by
/// the window, not by the text. The pieces' spans are the spans of the whole text: each
/// window keeps the spans that start in its region, and checks the spans it finds in the
/// overlap before the region against those the previous window kept there. Where they
/// differ — a chain of overlapping matches longer than the overlap (`la la la …`) puts
/// leftmost-longest matching out of step — the window is searched again from the start of
/// the previous window's last span, where the two searches agree by construction. A piece
/// holds its spans whole: where a span crosses the cut, the piece ends past it, and the text
/// is searched on further when a chain of overlapping matches runs past what was searched,
/// up to [`MAX_PIECE_REGIONS`] regions ([`Piece::cut_in_chain`] says when a chain is longer).
pub struct Windowed<'m> {
    matcher: &'m Matcher,
    opts: MatchOptions,
    sizes: WindowSizes,
    /// The text held, from byte `at` of the whole text.
    buf: String,
    at: usize,
    /// Where the next piece starts, and its place.
    next: usize,
    place: Place,
    /// The spans of the previous piece (offsets into the whole text).
    prev: Vec<Span>,
    /// The matcher's smallest window sizes, when a window is searched on the current
    /// rayon pool's threads ([`Windowed::on_threads`]).
    threads: Option<WindowSizes>,
    /// How far the text must be held before the next piece can be cut, when a chain of
    /// overlapping matches runs past the window ([`Windowed::piece`]).
    need: usize,
    /// The pieces cut ahead of their search ([`ahead`]).
    ahead: ahead::Cutting,
}

impl<'m> Windowed<'m> {
    /// Starts annotating a text.
    pub fn new(matcher: &'m Matcher, opts: MatchOptions, sizes: WindowSizes) -> Windowed<'m> {
        Windowed {
            matcher,
            opts,
            sizes,
            buf: String::new(),
            at: 0,
            next: 0,
            place: START,
            prev: Vec::new(),
            threads: None,
            need: 0,
            ahead: ahead::Cutting::default(),
        }
    }

    /// Searches each window on the current rayon pool's threads, cut into smaller windows
    /// ([`annotate_on_threads`]; `min` is [`WindowSizes::minimum`]). The spans are the same.
    pub fn on_threads(mut self, min: WindowSizes) -> Windowed<'m> {
        self.threads = Some(min);
        self
    }

    /// Adds text.
    pub fn push(&mut self, text: &str) {
        self.buf.push_str(text);
    }

    /// Adds the text `read` appends to the text held (a block read goes there with no copy
    /// in between); gives back what `read` gives.
    pub fn push_with<R>(&mut self, read: impl FnOnce(&mut String) -> R) -> R {
        let held = self.buf.len();
        let r = read(&mut self.buf);
        debug_assert!(self.buf.len() >= held, "text held was taken away");
        r
    }

    /// Whether a window needs more text than is held before the next piece can be cut.
    pub fn wants_more(&self) -> bool {
        let window = self.next + self.sizes.region + self.sizes.overlap;
        self.at + self.buf.len() < window.max(self.need)
    }

    /// The next piece; `end` says no more text will come. `None` once the text is done, or
    /// (only while more text may come) when the piece needs more text than is held:
    /// [`Windowed::wants_more`] then says so.
    pub fn piece(&mut self, end: bool) -> Option<Piece> {
        let (piece, end_place) = self.next_piece_to(end, None)?.locate(self.place);
        self.place = end_place;
        Some(piece)
    }

    /// [`Windowed::piece`] with its spans not yet placed ([`Unlocated::locate`]), cut at
    /// `cut` when given (a cut made ahead, [`Windowed::piece_to`]).
    fn next_piece_to(&mut self, end: bool, cut: Option<usize>) -> Option<Unlocated> {
        let WindowSizes { region, overlap } = self.sizes;
        let held_end = self.at + self.buf.len();
        if self.next >= held_end {
            return None;
        }
        let cut = match cut {
            Some(c) if c <= held_end => c,
            Some(c) => {
                self.need = c + overlap;
                return None;
            }
            None if end && held_end <= self.next + region + overlap => held_end,
            None => self.cut_from(self.next, region),
        };
        let lo = self.ceil(self.next.saturating_sub(overlap).max(self.at));
        let mut search_to = cut + overlap;
        let most = self.next + MAX_PIECE_REGIONS * region + overlap;
        let (mut spans, end_at, cut_in_chain) = loop {
            let hi = self.floor(search_to.min(held_end));
            let spans = self.in_step(lo, hi);
            let end_at = piece_end(&spans, self.next, cut);
            // The spans that start before `end_at` are the whole text's when the search ran
            // on well past it (or to the text's end). A chain of overlapping matches can
            // stretch the piece to the end of what was searched, where the match crossing
            // that end was not seen: then the text is searched further, twice as far each
            // time, so that a chain costs time in proportion to its length.
            if (end && hi == held_end) || end_at + overlap / 2 <= hi {
                break (spans, end_at, false);
            }
            let further = (end_at + overlap.max(end_at - self.next)).min(most);
            if further <= search_to {
                break (spans, end_at, true);
            }
            search_to = further;
            if search_to > held_end && !end {
                self.need = search_to;
                return None;
            }
        };
        self.need = 0;
        let (next, at) = (self.next, self.at);
        spans.retain(|s| s.start >= next && s.start < end_at);
        let text = self.buf[next - at..end_at - at].to_string();
        let local: Vec<Span> = spans
            .iter()
            .map(|s| Span {
                start: s.start - next,
                end: s.end - next,
                ..*s
            })
            .collect();
        let piece = Unlocated {
            text,
            offset: next,
            spans: local,
            last: end && end_at == held_end,
            cut_in_chain,
        };
        self.prev = spans;
        self.next = end_at;
        self.let_go();
        Some(piece)
    }

    /// Lets go of the text held more than an overlap behind the next piece: it is never
    /// searched again.
    fn let_go(&mut self) {
        let WindowSizes { region, overlap } = self.sizes;
        let keep_from = self.ceil(self.next.saturating_sub(overlap).max(self.at));
        if keep_from - self.at > region {
            self.buf.drain(..keep_from - self.at);
            self.at = keep_from;
        }
    }

    /// The spans of held text `lo..hi`, searched again where they are out of step with the
    /// previous piece's ([`out_of_step`]).
    fn in_step(&self, lo: usize, hi: usize) -> Vec<Span> {
        let spans = self.find(lo, hi);
        match out_of_step(&spans, &self.prev, self.next, self.sizes.overlap) {
            Some(from) => self.find(from.max(lo), hi),
            None => spans,
        }
    }

    /// The spans of held text `lo..hi`, with offsets into the whole text.
    fn find(&self, lo: usize, hi: usize) -> Vec<Span> {
        let text = &self.buf[lo - self.at..hi - self.at];
        let mut spans = match self.threads {
            Some(min) => find_on_threads(self.matcher, text, self.opts, min),
            None => self.matcher.find(text, self.opts),
        };
        for s in &mut spans {
            s.start += lo;
            s.end += lo;
        }
        spans
    }

    /// Where to cut a piece from `from` with this region: after the last line break in the
    /// second half of the region, else after the last sentence end there (a piece of HTML or
    /// Markdown output then ends where a reader pauses), else at the character boundary at
    /// or before the region's end.
    fn cut_from(&self, from: usize, region: usize) -> usize {
        let target = self.floor((from + region).min(self.at + self.buf.len()));
        let from = self.ceil(target.saturating_sub(region / 2).max(from + 1).min(target));
        let stretch = &self.buf[from - self.at..target - self.at];
        if let Some(i) = memchr::memrchr(b'\n', stretch.as_bytes()) {
            return from + i + 1;
        }
        let full_stop = stretch
            .rfind(['。', '！', '？'])
            .map(|i| i + '。'.len_utf8());
        let stop = stretch.rfind(". ").map(|i| i + 2);
        from + full_stop.max(stop).unwrap_or(stretch.len())
    }

    fn floor(&self, i: usize) -> usize {
        floor_boundary(&self.buf, i - self.at) + self.at
    }

    fn ceil(&self, i: usize) -> usize {
        ceil_boundary(&self.buf, i - self.at) + self.at
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::Glossary;

    #[test]
    fn large_counts_merge_as_small_ones_do() {
        // Counts of many entries (the indexed path) against the look through each list.
        let mut next = crate::test_numbers(11);
        for round in 0..20 {
            let mut into: Vec<(usize, u32)> = (0..200 + next(300))
                .map(|_| (next(2000), 1 + next(5) as u32))
                .collect();
            if round % 2 == 0 {
                into.sort_unstable();
                into.dedup_by_key(|c| c.0);
            }
            let more: Vec<(usize, u32)> = (0..200 + next(300))
                .map(|_| (next(2000), 1 + next(5) as u32))
                .collect();
            let mut expected = into.clone();
            for &(entry, n) in &more {
                match expected.iter_mut().find(|c| c.0 == entry) {
                    Some(c) => c.1 += n,
                    None => expected.push((entry, n)),
                }
            }
            let mut tally = Tally::from_counts(into.clone());
            merge_counts(&mut into, &more);
            assert_eq!(into, expected, "round {round}");
            // A tally goes on piece after piece as the merge does.
            tally.add(&more[..more.len() / 2]);
            tally.add(&more[more.len() / 2..]);
            assert_eq!(tally.counts(), expected, "round {round}, tallied");
        }
    }

    proptest::proptest! {
        /// Tallied or sorted, the counts are those of a count by map.
        #[test]
        fn entry_counts_count_each_entry(
            entries in proptest::collection::vec(
                proptest::prop_oneof![0usize..8, 0usize..5000],
                0..400,
            )
        ) {
            let ann = Annotation {
                spans: entries
                    .iter()
                    .map(|&entry| Located {
                        span: Span { start: 0, end: 1, entry, form: FormKind::Zh },
                        char_start: 0,
                        char_end: 1,
                        line: 1,
                        column: 1,
                    })
                    .collect(),
            };
            let mut want = std::collections::BTreeMap::new();
            for &e in &entries {
                *want.entry(e).or_insert(0u32) += 1;
            }
            let want: Vec<(usize, u32)> = want.into_iter().collect();
            proptest::prop_assert_eq!(entry_counts(&ann), want);
        }
    }

    /// The texts of the pieces `text` is cut into, with 40-byte regions.
    fn pieces(text: &str) -> Vec<String> {
        let m = Matcher::new(Glossary::default()).unwrap();
        let sizes = WindowSizes {
            region: 40,
            overlap: 8,
        };
        let mut w = Windowed::new(&m, MatchOptions::default(), sizes);
        w.push(text);
        std::iter::from_fn(|| w.piece(true).map(|p| p.text)).collect()
    }

    #[test]
    fn cuts_prefer_line_ends_then_sentence_ends() {
        let cases: &[(&str, &[&str])] = &[
            (
                "one two three four five\nsix seven eight nine ten eleven",
                &[
                    "one two three four five\n",
                    "six seven eight nine ten eleven",
                ],
            ),
            (
                "这是一个很长句子。这是另一个句子没有完结",
                &["这是一个很长句子。", "这是另一个句子没有完结"],
            ),
            (
                "One sentence ends here. Then another and more words after it",
                &[
                    "One sentence ends here. ",
                    "Then another and more words after it",
                ],
            ),
            (
                "保护伞保护伞保护伞保护伞保护伞保护伞",
                // No break: at the character boundary before the region's end.
                &["保护伞保护伞保护伞保护伞保", "护伞保护伞"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(pieces(text), *want, "{text}");
        }
    }
}
