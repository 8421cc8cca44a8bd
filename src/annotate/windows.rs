//! One long text searched on several threads: cut into windows by the rule the streaming of
//! a long input follows ([`super::Windowed`]), the windows searched at once on the current
//! rayon pool, and their spans joined as `Windowed` joins its pieces, so that they are the
//! spans of one pass over the whole text.
//!
//! A window owns the region between two cuts and is searched with `overlap` bytes of text on
//! either side (the context a gated form needs, a match crossing a cut); it keeps the spans
//! that start in its region. Before keeping anything, a window checks the spans it found in
//! the last quarter of the overlap before its region against those the previous window kept
//! there; where they differ (a chain of overlapping matches longer than the overlap puts
//! leftmost-longest matching out of step) it searches again from the start of the previous
//! window's last span, where the two searches agree.
//!
//! Two differences from `Windowed`, whose pieces become pages: a region is not stretched
//! past a span that crosses its cut (a page must hold its spans; a list of spans need not,
//! and with `overlapping` a chain of overlapping matches would stretch it past the text
//! searched and lose the span that crosses the search's end), and cuts fall at character
//! boundaries rather than line ends.

use rayon::prelude::*;

use super::{out_of_step, WindowSizes};
use crate::matcher::{MatchOptions, Matcher, Span};
use crate::text::normalize::Normalized;
use crate::text::{ceil_boundary, floor_boundary};

/// The largest region a window owns: the command line's.
const MAX_REGION: usize = 1 << 20;

/// The smallest region worth a window of its own: searching the overlap on either side costs
/// a tenth of it at most (the shipped glossary's overlap is about 3 KB).
pub const MIN_REGION: usize = 64 << 10;

/// Windows per thread, so that a thread that finishes early takes another window (the
/// threads share the machine with other work, and terms are not spread evenly).
const WINDOWS_PER_THREAD: usize = 4;

/// The window sizes for a text of `len` bytes on `threads` threads, given the matcher's
/// smallest ([`WindowSizes::minimum`]): its overlap (which finds what a whole-text search
/// finds) and regions of a quarter of a thread's share, between 64 KiB (or the smallest
/// region) and 1 MiB. A text no longer than a region and an overlap is one window.
pub fn sizes(min: WindowSizes, len: usize, threads: usize) -> WindowSizes {
    let share = len.div_ceil(threads.max(1) * WINDOWS_PER_THREAD);
    let smallest = MIN_REGION.max(min.region);
    WindowSizes {
        region: share.clamp(smallest, MAX_REGION.max(smallest)),
        overlap: min.overlap,
    }
}

/// Whether a text of `len` bytes is cut at all.
pub fn is_cut(sizes: WindowSizes, len: usize) -> bool {
    len > sizes.region.max(1).saturating_add(sizes.overlap)
}

/// Where `text` is cut into windows: `0`, the cuts, `text.len()`. A window owns at least
/// `region` bytes (the last one up to `region + overlap`, as in `Windowed`).
pub fn cuts(text: &str, sizes: WindowSizes) -> Vec<usize> {
    let step = sizes.region.max(1);
    let mut cuts = vec![0];
    let mut at = 0;
    while is_cut(sizes, text.len() - at) {
        let cut = floor_boundary(text, at.saturating_add(step));
        // A region shorter than a character ends after it.
        at = if cut > at {
            cut
        } else {
            ceil_boundary(text, at + 1)
        };
        cuts.push(at);
    }
    if text.len() > at {
        cuts.push(text.len());
    }
    cuts
}

/// The spans of `text`, sorted by start, searched in windows on the current rayon pool's
/// threads (run it inside `ThreadPool::install` to choose the pool): the same spans as
/// `matcher.find(text, opts)`.
pub fn find(matcher: &Matcher, text: &str, opts: MatchOptions, sizes: WindowSizes) -> Vec<Span> {
    let cuts = cuts(text, sizes);
    let overlap = sizes.overlap;
    let bounds: Vec<(usize, usize)> = cuts
        .windows(2)
        .map(|w| {
            (
                ceil_boundary(text, w[0].saturating_sub(overlap)),
                floor_boundary(text, (w[1] + overlap).min(text.len())),
            )
        })
        .collect();
    let searched: Vec<Vec<Span>> = bounds
        .par_iter()
        .map_init(Normalized::default, |norm, &(lo, hi)| {
            search(matcher, text, opts, lo, hi, norm)
        })
        .collect();

    let mut kept: Vec<Span> = Vec::new();
    // Where the previous window's spans begin in `kept`.
    let mut prev_from = 0;
    for (k, mut spans) in searched.into_iter().enumerate() {
        let (lo, hi) = bounds[k];
        let (start, end) = (cuts[k], cuts[k + 1]);
        if let Some(from) = out_of_step(&spans, &kept[prev_from..], start, overlap) {
            let from = from.max(lo);
            spans = search(matcher, text, opts, from, hi, &mut Normalized::default());
        }
        prev_from = kept.len();
        kept.extend(
            spans
                .into_iter()
                .filter(|s| s.start >= start && s.start < end),
        );
    }
    kept
}

/// The spans of `text[lo..hi]`, with offsets into `text`.
fn search(
    matcher: &Matcher,
    text: &str,
    opts: MatchOptions,
    lo: usize,
    hi: usize,
    norm: &mut Normalized,
) -> Vec<Span> {
    let mut spans = Vec::new();
    matcher.find_into(&text[lo..hi], opts, norm, &mut spans);
    for s in &mut spans {
        s.start += lo;
        s.end += lo;
    }
    spans
}
