//! The normalizer: folds text so that every spelling of a term compares equal, and keeps a
//! map from the folded text back to the original (matching rules 2, 3 and 5 of `DESIGN.md`).
//!
//! Folding: Unicode lower case; any run of whitespace, hyphens and dashes becomes one space;
//! curly quotes, primes and apostrophes become `'` or `"`; full-width and other compatibility
//! forms become their plain forms (NFKC); zero-width characters and soft hyphens vanish;
//! traditional Han characters become simplified; between two Han characters, whitespace and
//! enumeration punctuation (`、` `，` `,` `·`) vanish.
//!
//! The offset map is sparse: one segment per stretch where the folded text advances in step
//! with the original, so plain ASCII prose costs one segment per collapsed whitespace run.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

use crate::chinese::{is_han, to_simplified};

/// Folded text and the map back to the original.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    pub text: String,
    segs: Vec<Seg>,
}

/// A stretch of folded text starting at byte `norm`, produced from the original starting at
/// byte `orig`. A linear segment advances byte for byte with the original; an atomic one is a
/// single replacement of `orig_len` original bytes, which offsets inside it cannot split.
#[derive(Debug, Clone, Copy)]
struct Seg {
    norm: usize,
    orig: usize,
    orig_len: usize,
    linear: bool,
}

impl Normalized {
    /// The original byte range that produced the folded byte range `norm`. Both ends of
    /// `norm` must be character boundaries of the folded text; the result always lies on
    /// character boundaries of the original.
    pub fn original_range(&self, norm: Range<usize>) -> Range<usize> {
        let start = {
            let s = &self.segs[self.seg_at(norm.start)];
            if s.linear {
                s.orig + (norm.start - s.norm)
            } else {
                s.orig
            }
        };
        let end = {
            let s = &self.segs[self.seg_at(norm.end.saturating_sub(1).max(norm.start))];
            if s.linear {
                s.orig + (norm.end - s.norm)
            } else {
                s.orig + s.orig_len
            }
        };
        start..end.max(start)
    }

    fn seg_at(&self, norm: usize) -> usize {
        self.segs.partition_point(|s| s.norm <= norm).saturating_sub(1)
    }

    /// Number of map segments (for benchmarks and tests of the map's sparseness).
    pub fn segments(&self) -> usize {
        self.segs.len()
    }
}

/// Folds `text`. Reuse a [`Normalized`] with [`normalize_into`] to avoid allocation.
pub fn normalize(text: &str) -> Normalized {
    let mut out = Normalized::default();
    normalize_into(text, &mut out);
    out
}

/// What the folding does with one character.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Whitespace, hyphens and dashes: runs collapse to one space.
    Space,
    /// Enumeration punctuation: vanishes between Han characters, else kept as the given char.
    Enum(char),
    /// Invisible: vanishes.
    Drop,
    /// Anything else.
    Other,
}

#[inline]
fn classify(c: char) -> Class {
    match c {
        ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '-' => Class::Space,
        ',' | '，' | '､' => Class::Enum(','),
        '、' => Class::Enum('、'),
        '·' | '・' | '‧' | '•' => Class::Enum('·'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' | '\u{2E3A}'
        | '\u{2E3B}' => Class::Space,
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => Class::Drop,
        c if c.is_whitespace() => Class::Space,
        _ => Class::Other,
    }
}

/// Something seen but not yet emitted, because whether it vanishes depends on what follows:
/// whitespace and enumeration punctuation right after a Han character.
#[derive(Clone)]
struct Pending {
    orig: Range<usize>,
    out: char,
}

struct Folder<'a> {
    out: &'a mut Normalized,
    /// End (in the original) of the last emitted character, to extend linear segments.
    last_orig_end: usize,
    last_han: bool,
    pending: Vec<Pending>,
}

impl Folder<'_> {
    #[inline]
    fn emit_str(&mut self, orig: Range<usize>, s: &str) {
        let norm = self.out.text.len();
        let linear = s.len() == orig.len();
        let extend = linear
            && orig.start == self.last_orig_end
            && self.out.segs.last().is_some_and(|l| l.linear);
        if !extend {
            self.out.segs.push(Seg {
                norm,
                orig: orig.start,
                orig_len: orig.len(),
                linear,
            });
        }
        self.out.text.push_str(s);
        self.last_orig_end = orig.end;
    }

    #[inline]
    fn emit_char(&mut self, orig: Range<usize>, c: char) {
        let mut buf = [0u8; 4];
        self.emit_str(orig, c.encode_utf8(&mut buf));
    }

    /// Called before emitting a visible character: pending items vanish if they sit
    /// between two Han characters, and are emitted otherwise.
    #[inline]
    fn settle(&mut self, next_is_han: bool) {
        if self.pending.is_empty() {
            return;
        }
        if self.last_han && next_is_han {
            self.pending.clear();
            return;
        }
        let mut pending = std::mem::take(&mut self.pending);
        for p in pending.drain(..) {
            let p: Pending = p;
            self.emit_char(p.orig, p.out);
        }
        self.pending = pending;
    }

    fn space(&mut self, orig: Range<usize>) {
        match self.pending.last_mut() {
            Some(p) if p.out == ' ' && p.orig.end == orig.start => p.orig.end = orig.end,
            _ => self.pending.push(Pending { orig, out: ' ' }),
        }
    }
}

/// Folds `text` into `out`, replacing its previous contents.
pub fn normalize_into(text: &str, out: &mut Normalized) {
    out.text.clear();
    out.segs.clear();
    out.text.reserve(text.len());
    let mut f = Folder {
        out,
        last_orig_end: usize::MAX,
        last_han: false,
        pending: Vec::new(),
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII fast path: copy a run of ordinary ASCII bytes, lower-cased, in one go.
        let run = bytes[i..]
            .iter()
            .position(|&b| !b.is_ascii() || ASCII_SPECIAL[b as usize])
            .unwrap_or(bytes.len() - i);
        if run > 0 {
            f.settle(false);
            let start = f.out.text.len();
            // The run is ASCII, so it is valid UTF-8 on its own and lower-casing keeps lengths.
            f.emit_str(i..i + run, &text[i..i + run]);
            f.out.text[start..].make_ascii_lowercase();
            f.last_han = false;
            i += run;
            continue;
        }
        let c = text[i..].chars().next().expect("i is a char boundary");
        let orig = i..i + c.len_utf8();
        i = orig.end;
        match classify(c) {
            Class::Space => f.space(orig),
            Class::Drop => {}
            Class::Enum(e) => {
                if f.last_han {
                    f.pending.push(Pending { orig, out: e });
                } else {
                    f.settle(false);
                    f.emit_char(orig, e);
                }
            }
            Class::Other => fold_other(&mut f, orig, c),
        }
    }
    // Trailing whitespace or punctuation stays in the folded text; it cannot be part of a
    // match, but keeping it keeps the folded text a faithful image of the original.
    f.settle(false);
}

/// Bytes the ASCII fast path must hand to the per-character path: whitespace, hyphens and
/// commas (which may vanish between Han characters).
static ASCII_SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let special = b" \t\n\r\x0b\x0c-,";
    let mut k = 0;
    while k < special.len() {
        t[special[k] as usize] = true;
        k += 1;
    }
    t
};

fn fold_other(f: &mut Folder<'_>, orig: Range<usize>, c: char) {
    if is_han(c) {
        f.settle(true);
        f.emit_char(orig, to_simplified(c));
        f.last_han = true;
        return;
    }
    f.settle(false);
    f.last_han = false;
    let quote = match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{2035}' | '\u{02BC}'
        | '\u{FF07}' | '`' | '\u{00B4}' => Some('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{2036}' | '\u{FF02}'
        | '\u{00AB}' | '\u{00BB}' => Some('"'),
        _ => None,
    };
    if let Some(q) = quote {
        f.emit_char(orig, q);
        return;
    }
    // Compatibility forms (full-width letters, ligatures) to plain ones, then lower case.
    // A compatibility decomposition may itself yield a space or a hyphen (U+3000 is handled
    // as whitespace above; full-width hyphen as a dash), so those are folded again here.
    let mut folded = String::new();
    for d in std::iter::once(c).nfkc() {
        for l in d.to_lowercase() {
            folded.push(match classify(l) {
                Class::Space => ' ',
                _ => l,
            });
        }
    }
    f.emit_str(orig, &folded);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (input, folded)
    const FOLDS: &[(&str, &str)] = &[
        ("SAFE CHINA", "safe china"),
        ("Safe  \n China", "safe china"),
        ("source-governance", "source governance"),
        ("source \u{2014} governance", "source governance"),
        ("People\u{2019}s", "people's"),
        ("\u{201C}nail case\u{201D}", "\"nail case\""),
        ("ＳＡＦＥ　ＣＨＩＮＡ", "safe china"),
        ("uni\u{FB01}ed", "unified"),
        ("protec\u{00AD}tive", "protective"),
        ("保護傘", "保护伞"),
        ("保护\n伞", "保护伞"),
        ("保护 \r\n 伞", "保护伞"),
        ("不放过，不凑数", "不放过不凑数"),
        ("不放过、不凑数", "不放过不凑数"),
        ("不放过,不凑数", "不放过不凑数"),
        ("政治自觉·思想自觉", "政治自觉思想自觉"),
        ("保护伞, umbrella", "保护伞, umbrella"),
        ("a, b", "a, b"),
        ("İstanbul", "i\u{307}stanbul"),
        ("\r\nx", " x"),
    ];

    #[test]
    fn folds() {
        for (input, want) in FOLDS {
            assert_eq!(normalize(input).text, *want, "input {input:?}");
        }
    }

    /// Every folded character boundary maps into the original on character boundaries, and
    /// mapping is monotone.
    #[test]
    fn map_lands_on_boundaries_and_is_monotone() {
        for (input, _) in FOLDS {
            let n = normalize(input);
            let mut last = 0;
            for (i, c) in n.text.char_indices() {
                let r = n.original_range(i..i + c.len_utf8());
                assert!(input.is_char_boundary(r.start) && input.is_char_boundary(r.end));
                assert!(r.start >= last, "{input:?} at {i}");
                last = r.start;
            }
        }
    }

    #[test]
    fn maps_back() {
        let input = "The  “Protective\r\nUmbrellas” of 保護\n傘";
        let n = normalize(input);
        let find = |s: &str| {
            let p = n.text.find(s).unwrap();
            &input[n.original_range(p..p + s.len())]
        };
        assert_eq!(find("protective umbrellas"), "Protective\r\nUmbrellas");
        assert_eq!(find("保护伞"), "保護\n傘");
        assert_eq!(find("the"), "The");
        assert_eq!(find("\"protective"), "“Protective");
    }

    #[test]
    fn ascii_prose_map_is_sparse() {
        let n = normalize("one two three.\n\nFour five six, seven.");
        assert_eq!(n.segments(), 3, "one segment, then the paragraph break, then one more");
    }
}
