//! The normalizer: folds text so that every spelling of a term compares equal, and keeps a
//! map from the folded text back to the original (matching rules 2, 3 and 5 of `DESIGN.md`).
//!
//! Folding: Unicode lower case; any run of whitespace, hyphens and dashes becomes one space;
//! curly quotes, primes and apostrophes become `'` or `"`; full-width and other compatibility
//! forms become their plain forms (NFKC); zero-width characters and soft hyphens vanish;
//! traditional Han characters become simplified; between two Han characters, whitespace and
//! enumeration punctuation (`、` `，` `,` `·`) vanish; a middle dot elsewhere is a space.
//!
//! The offset map is sparse: one segment per stretch where the folded text advances in step
//! with the original, so plain ASCII prose costs one segment per collapsed whitespace run.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

use crate::text::chinese::{is_han, simplified_block, to_simplified};

/// Folded text and the map back to the original.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The folded text.
    pub text: String,
    segs: Vec<Seg>,
    has_han: bool,
    has_letters: bool,
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
        self.original_range_from(norm, &mut 0)
    }

    /// [`Normalized::original_range`] for ranges visited in increasing order: `hint` is the
    /// segment where the previous range started, so the search usually takes a step or two
    /// instead of a binary search over the whole map.
    pub fn original_range_from(&self, norm: Range<usize>, hint: &mut usize) -> Range<usize> {
        let first = self.seg_from(norm.start, *hint);
        *hint = first;
        let start = {
            let s = &self.segs[first];
            if s.linear {
                s.orig + (norm.start - s.norm)
            } else {
                s.orig
            }
        };
        let end = {
            let s = &self.segs[self.seg_from(norm.end.saturating_sub(1).max(norm.start), first)];
            if s.linear {
                s.orig + (norm.end - s.norm)
            } else {
                s.orig + s.orig_len
            }
        };
        start..end.max(start)
    }

    /// The segment holding folded byte `norm`, searching from segment `hint` onwards when
    /// it lies at or before `norm`: in steps of 1, 2, 4, … and then by halves, so a nearby
    /// segment (the usual case: spans come in order, a few segments apart on Chinese text)
    /// takes a step or two.
    fn seg_from(&self, norm: usize, hint: usize) -> usize {
        let hint = if self.segs.get(hint).is_some_and(|s| s.norm <= norm) {
            hint
        } else {
            0
        };
        let rest = &self.segs[hint..];
        // `rest[lo]` starts at or before `norm`; `rest[lo + step]`, if any, after it.
        let (mut lo, mut step) = (0, 1);
        while lo + step < rest.len() && rest[lo + step].norm <= norm {
            lo += step;
            step *= 2;
        }
        let hi = (lo + step).min(rest.len());
        hint + lo + rest[(lo + 1).min(hi)..hi].partition_point(|s| s.norm <= norm)
    }

    /// Does the folded text contain a Han character?
    pub fn has_han(&self) -> bool {
        self.has_han
    }

    /// Does the folded text contain a letter of a script other than Han?
    pub fn has_letters(&self) -> bool {
        self.has_letters
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
    /// Enumeration punctuation: vanishes between Han characters, else kept as the given char
    /// (a middle dot after a character that is not Han is a space: see `normalize_into`).
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
        '\u{2010}'..='\u{2015}'
        | '\u{2212}'
        | '\u{FE58}'
        | '\u{FE63}'
        | '\u{FF0D}'
        | '\u{2E3A}'
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
    /// An enumeration mark: between two Han characters it becomes one `、`; whitespace,
    /// quotes and brackets vanish there.
    separator: bool,
}

struct Folder<'a> {
    /// The folded text being built, as a `String` so that it needs no UTF-8 check at the end
    /// (on Chinese text that check cost a fifth of the folding).
    buf: String,
    segs: &'a mut Vec<Seg>,
    /// End (in the original) of the last emitted character, to extend linear segments.
    last_orig_end: usize,
    last_han: bool,
    /// A Han character was emitted.
    saw_han: bool,
    /// A letter of another script was emitted.
    saw_letter: bool,
    pending: Vec<Pending>,
    /// Where, in the ASCII run being folded, a byte folds to a space.
    to_space: Vec<usize>,
}

impl Folder<'_> {
    /// Records that the folded bytes from `norm_start` to the end of `buf` came from `orig`.
    #[inline]
    fn record(&mut self, orig: Range<usize>, norm_start: usize) {
        let linear = self.buf.len() - norm_start == orig.len();
        let extend = linear
            && orig.start == self.last_orig_end
            && self.segs.last().is_some_and(|l| l.linear);
        if !extend {
            self.segs.push(Seg {
                norm: norm_start,
                orig: orig.start,
                orig_len: orig.len(),
                linear,
            });
        }
        self.last_orig_end = orig.end;
    }

    #[inline]
    fn emit_str(&mut self, orig: Range<usize>, s: &str) {
        let norm = self.buf.len();
        self.buf.push_str(s);
        self.record(orig, norm);
    }

    /// Emits a replacement that offsets cannot split: a character folded into several
    /// characters is one atomic segment even when it happens to keep its byte length
    /// (`ǌ` → `nj`, `℀` → `a/c`), or an offset inside it would map inside the original
    /// character.
    fn emit_atomic(&mut self, orig: Range<usize>, s: &str) {
        let norm = self.buf.len();
        self.buf.push_str(s);
        self.segs.push(Seg {
            norm,
            orig: orig.start,
            orig_len: orig.len(),
            linear: false,
        });
        self.last_orig_end = orig.end;
    }

    #[inline]
    fn emit_char(&mut self, orig: Range<usize>, c: char) {
        let norm = self.buf.len();
        self.buf.push(c);
        self.record(orig, norm);
    }

    /// Called before emitting a visible character: pending items vanish if they sit
    /// between two Han characters, and are emitted otherwise.
    #[inline]
    fn settle(&mut self, next_is_han: bool) {
        if self.pending.is_empty() {
            return;
        }
        if self.last_han && next_is_han {
            // Between two Han characters: a list separator is kept as one `、` (so 三、农业
            // never reads as 三农), everything else pending vanishes.
            if let Some(p) = self.pending.iter().find(|p| p.separator).cloned() {
                self.emit_char(p.orig, '、');
            }
            self.pending.clear();
            return;
        }
        let mut pending = std::mem::take(&mut self.pending);
        for p in pending.drain(..) {
            self.emit_char(p.orig, p.out);
        }
        self.pending = pending;
    }

    fn space(&mut self, orig: Range<usize>) {
        match self.pending.last_mut() {
            Some(p) if p.out == ' ' && p.orig.end == orig.start => p.orig.end = orig.end,
            _ => self.pending.push(Pending {
                orig,
                out: ' ',
                separator: false,
            }),
        }
    }

    /// Folds a run of ASCII starting at `start`, as long as no decision needs context: it
    /// stops before a whitespace run of two or more (which collapses), and before a space
    /// followed by a non-ASCII character (which may be more whitespace). Returns where it
    /// stopped.
    ///
    /// English prose is almost all such runs, so this is the normalizer's hot loop: the run
    /// is found sixteen bytes at a time ([`plain_block`]) and copied as a `&str` (no UTF-8
    /// check), lower-cased in place; the few bytes that fold to a space (a lone line break,
    /// tab or hyphen) are noted on the way and replaced after.
    #[inline]
    fn ascii_run(&mut self, text: &str, start: usize) -> usize {
        let bytes = text.as_bytes();
        let mut i = start;
        self.to_space.clear();
        loop {
            while let Some(block) = bytes.get(i..i + BLOCK + 1) {
                if !plain_block(block) {
                    break;
                }
                i += BLOCK;
            }
            // Byte by byte up to the next plain block or the run's end.
            let Some(&b) = bytes.get(i) else { break };
            if b >= 0x80 {
                break;
            }
            if ASCII_FOLD[b as usize] == b' ' {
                match bytes.get(i + 1) {
                    Some(&n) if n < 0x80 && ASCII_FOLD[n as usize] != b' ' => {}
                    None => {}
                    _ => break,
                }
                if b != b' ' {
                    self.to_space.push(i - start);
                }
            }
            i += 1;
        }
        if i > start {
            if !self.saw_letter {
                self.saw_letter = bytes[start..i].iter().any(u8::is_ascii_alphabetic);
            }
            let norm = self.buf.len();
            self.buf.push_str(&text[start..i]);
            self.buf[norm..].make_ascii_lowercase();
            for &k in &self.to_space {
                self.buf.replace_range(norm + k..norm + k + 1, " ");
            }
            self.record(start..i, norm);
            self.last_han = false;
        }
        i
    }
}

/// Bytes [`plain_block`] looks at in one step.
const BLOCK: usize = 16;

/// Do the first [`BLOCK`] bytes of `b` (which holds one more) fold by case alone and let an
/// ASCII run go on: printable ASCII but `-`, and no space followed by whitespace, a hyphen,
/// a control character or a non-ASCII byte? Written as one pass over the block with no
/// early exit, so the compiler checks the sixteen bytes at once.
#[inline]
fn plain_block(b: &[u8]) -> bool {
    let mut bad = false;
    for k in 0..BLOCK {
        let (c, n) = (b[k], b[k + 1]);
        // Outside 0x20..=0x7E, or a hyphen.
        let c_bad = c.wrapping_sub(0x20) > 0x5E || c == b'-';
        // A space, or outside 0x21..=0x7E, or a hyphen.
        let n_bad = n.wrapping_sub(0x21) > 0x5D || n == b'-';
        bad |= c_bad | (c == b' ' && n_bad);
    }
    !bad
}

impl Folder<'_> {
    /// Folds a run of Han characters of U+4E00–U+9FFF (three UTF-8 bytes each, lead byte
    /// E4–E9) starting at `start`, traditional to simplified; simplified forms are three
    /// bytes too, so the run maps linearly. Returns where it stopped.
    #[inline]
    fn han_run(&mut self, text: &str, start: usize) -> usize {
        let bytes = text.as_bytes();
        let han_at = |i: usize| match bytes[i..] {
            [b0 @ 0xE4..=0xE9, b1, b2, ..] => {
                let c = ((b0 as u32 & 0x0F) << 12) | ((b1 as u32 & 0x3F) << 6) | (b2 as u32 & 0x3F);
                (c >= 0x4E00).then_some(c)
            }
            _ => None,
        };
        if han_at(start).is_none() {
            return start;
        }
        // Pending whitespace or punctuation is settled first: it precedes the run in the
        // folded text, and the run's segment must start after it.
        self.settle(true);
        let norm = self.buf.len();
        // One pass: the run is copied as it is in stretches between its traditional
        // characters (few), which are replaced by their simplified forms.
        let table = simplified_block();
        // The run goes on over the punctuation of a Chinese sentence that folds to three
        // bytes too: `。`, and `，` or `、` between two Han characters (one `、`), as the
        // character-by-character path below folds them; the stretch maps linearly.
        let (mut i, mut copied, mut last_han) = (start, start, false);
        loop {
            if let Some(c) = han_at(i) {
                let s = table[(c - 0x4E00) as usize];
                if s as u32 != c && s.len_utf8() == 3 {
                    self.buf.push_str(&text[copied..i]);
                    self.buf.push(s);
                    copied = i + 3;
                }
                last_han = true;
                i += 3;
                continue;
            }
            match bytes.get(i..i + 3) {
                Some([0xE3, 0x80, 0x82]) => {}
                Some([0xE3, 0x80, 0x81]) if last_han && han_at(i + 3).is_some() => {}
                Some([0xEF, 0xBC, 0x8C]) if last_han && han_at(i + 3).is_some() => {
                    self.buf.push_str(&text[copied..i]);
                    self.buf.push('、');
                    copied = i + 3;
                }
                _ => break,
            }
            last_han = false;
            i += 3;
        }
        self.buf.push_str(&text[copied..i]);
        self.record(start..i, norm);
        self.last_han = last_han;
        self.saw_han = true;
        i
    }
}

/// Folds `text` into `out`, replacing its previous contents.
pub fn normalize_into(text: &str, out: &mut Normalized) {
    normalize_rejoining(text, out, &|_| false);
}

/// [`normalize_into`], also rejoining a word that a hyphen at the end of a line split
/// ("Discipline In-⏎spection", as text taken from a PDF or a printed page has it) when the
/// rejoined word is one `is_word` knows; otherwise the hyphen and line break are one space, as
/// in "eight-⏎point". A soft hyphen at the end of a line always rejoins: it marks a break
/// inside a word.
pub fn normalize_rejoining(text: &str, out: &mut Normalized, is_word: &dyn Fn(&str) -> bool) {
    let mut buf = std::mem::take(&mut out.text);
    buf.clear();
    buf.reserve(text.len());
    out.segs.clear();
    let mut f = Folder {
        buf,
        segs: &mut out.segs,
        last_orig_end: usize::MAX,
        last_han: false,
        saw_han: false,
        saw_letter: false,
        pending: Vec::new(),
        to_space: Vec::new(),
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII fast path, unless a space or comma right after a Han character must wait to
        // see what follows.
        if b < 0x80
            && !(f.last_han
                && (ASCII_FOLD[b as usize] == b' '
                    || matches!(b, b',' | b'"' | b'\'' | b'(' | b')')))
        {
            if ASCII_FOLD[b as usize] != b' ' {
                f.settle(false);
            }
            if f.pending.is_empty() {
                let j = f.ascii_run(text, i);
                if j > i {
                    i = j;
                    continue;
                }
            }
        }
        // Han fast path: a run of characters of the main CJK block, mapped to simplified.
        if (0xE4..=0xE9).contains(&b) {
            let j = f.han_run(text, i);
            if j > i {
                i = j;
                continue;
            }
        }
        let c = text[i..].chars().next().expect("i is a char boundary");
        let orig = i..i + c.len_utf8();
        i = orig.end;
        let class = classify(c);
        if matches!(c, '-' | '\u{2010}' | '\u{00AD}') && f.pending.is_empty() {
            if let Some(next) = rejoin(text, i, &f.buf, c == '\u{00AD}', is_word) {
                // Nothing is emitted for the hyphen and line break: the map's next segment
                // starts after them, so a term across the break covers them in the original.
                i = next;
                continue;
            }
        }
        match class {
            Class::Space => f.space(orig),
            Class::Drop => {}
            Class::Enum(e) => {
                if f.last_han {
                    f.pending.push(Pending {
                        orig,
                        out: e,
                        separator: true,
                    });
                } else if e == '·' {
                    // A middle dot joins the words around it into one for UAX #29
                    // ("Qinglang·Chengdu"): outside Chinese it separates them, as a space.
                    f.space(orig);
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
    let (has_han, has_letters) = (f.saw_han, f.saw_letter);
    out.text = f.buf;
    out.has_han = has_han;
    out.has_letters = has_letters;
}

/// Where the second part of a word split at a line end starts, when the text from `after`
/// (just past a hyphen) is spaces or tabs, one line break, spaces or tabs, then letters that
/// make one word with the letters `folded` ends in (a word `is_word` knows, unless `soft`).
fn rejoin(
    text: &str,
    after: usize,
    folded: &str,
    soft: bool,
    is_word: &dyn Fn(&str) -> bool,
) -> Option<usize> {
    let first = folded.len()
        - folded
            .bytes()
            .rev()
            .take_while(u8::is_ascii_alphabetic)
            .count();
    let first = &folded[first..];
    let bytes = text.as_bytes();
    let blank = |k: &mut usize| {
        while matches!(bytes.get(*k), Some(b' ' | b'\t')) {
            *k += 1;
        }
    };
    let mut k = after;
    blank(&mut k);
    match bytes.get(k) {
        Some(b'\r') if bytes.get(k + 1) == Some(&b'\n') => k += 2,
        Some(b'\n' | b'\r') => k += 1,
        _ => return None,
    }
    blank(&mut k);
    let second = &bytes[k..];
    let second = &second[..second
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count()];
    if first.is_empty() || second.is_empty() {
        return None;
    }
    let mut word = String::with_capacity(first.len() + second.len());
    word.push_str(first);
    word.extend(second.iter().map(|b| b.to_ascii_lowercase() as char));
    (soft || is_word(&word)).then_some(k)
}

/// The ASCII fold: upper case to lower case; whitespace and hyphens to a space.
static ASCII_FOLD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut k = 0;
    while k < 128 {
        t[k] = match k as u8 {
            b'A'..=b'Z' => k as u8 + 32,
            b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c' | b'-' => b' ',
            _ => k as u8,
        };
        k += 1;
    }
    t
};

/// [`ASCII_FOLD`] by arithmetic.
#[inline]
fn fold_ascii(b: u8) -> u8 {
    let upper = (b.wrapping_sub(b'A') < 26) as u8;
    let space = b.wrapping_sub(b'\t') < 5 || b == b'-';
    if space {
        b' '
    } else {
        b + (upper << 5)
    }
}

fn fold_other(f: &mut Folder<'_>, orig: Range<usize>, c: char) {
    // Quotes and brackets right after a Han character wait: inside a Chinese term
    // (打“伞”破“网”) they vanish.
    if f.last_han {
        if let Some(out) = wrapper(c) {
            f.pending.push(Pending {
                orig,
                out,
                separator: false,
            });
            return;
        }
    }
    if is_han(c) {
        f.settle(true);
        f.emit_char(orig, to_simplified(c));
        f.last_han = true;
        f.saw_han = true;
        return;
    }
    f.settle(false);
    f.last_han = false;
    // The punctuation of Chinese text first: it is common, and `is_alphabetic` and the
    // NFKC check below cost more than the rest of the folding of a character.
    if is_plain_punctuation(c) {
        f.emit_char(orig, c);
        return;
    }
    if let Some(a) = fullwidth_ascii(c) {
        f.saw_letter |= a.is_ascii_alphabetic();
        f.emit_char(orig, fold_ascii(a) as char);
        return;
    }
    let alphabetic = c.is_alphabetic();
    f.saw_letter |= alphabetic;
    let quote = match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{2035}'
        | '\u{02BC}' | '\u{FF07}' | '`' | '\u{00B4}' => Some('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{2036}'
        | '\u{FF02}' | '\u{00AB}' | '\u{00BB}' => Some('"'),
        _ => None,
    };
    if let Some(q) = quote {
        f.emit_char(orig, q);
        return;
    }
    // Most other characters (CJK punctuation, symbols) are already folded.
    if !alphabetic
        && unicode_normalization::is_nfkc_quick(std::iter::once(c))
            == unicode_normalization::IsNormalized::Yes
    {
        f.emit_char(orig, c);
        return;
    }
    let folded = fold_compatible(c);
    if folded.chars().nth(1).is_some() {
        f.emit_atomic(orig, &folded);
    } else {
        f.emit_str(orig, &folded);
    }
}

/// Compatibility forms (full-width letters, ligatures) to plain ones, then lower case.
/// A compatibility decomposition may itself yield a space or a hyphen (U+3000 is handled
/// as whitespace above; full-width hyphen as a dash), so those are folded again here.
fn fold_compatible(c: char) -> String {
    let mut folded = String::new();
    for d in std::iter::once(c).nfkc() {
        for l in d.to_lowercase() {
            folded.push(match classify(l) {
                Class::Space => ' ',
                _ => l,
            });
        }
    }
    folded
}

/// CJK punctuation that folding leaves as it is (no letter, already in NFKC form): `、`,
/// `。`, the corner, angle and lenticular brackets.
#[inline]
fn is_plain_punctuation(c: char) -> bool {
    matches!(c, '\u{3001}'..='\u{3004}' | '\u{3008}'..='\u{301F}')
}

/// The ASCII character a full-width form (U+FF01–U+FF5E: `：`, `；`, `！`, `？`, `（`, `Ａ`)
/// stands for: what NFKC makes of it.
#[inline]
fn fullwidth_ascii(c: char) -> Option<u8> {
    matches!(c, '\u{FF01}'..='\u{FF5E}').then(|| (c as u32 - 0xFEE0) as u8)
}

/// The folded form of a quote or bracket that may sit inside a Chinese term, or `None` for
/// any other character.
pub(crate) fn wrapper(c: char) -> Option<char> {
    Some(match c {
        '"' | '\'' | '(' | ')' => c,
        '\u{2018}' | '\u{2019}' | '\u{FF07}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{FF02}' => '"',
        '\u{FF08}' => '(',
        '\u{FF09}' => ')',
        '「' | '」' | '『' | '』' | '《' | '》' | '〈' | '〉' | '【' | '】' | '〔' | '〕' => {
            c
        }
        _ => return None,
    })
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
        ("不放过，不凑数", "不放过、不凑数"),
        ("不放过、不凑数", "不放过、不凑数"),
        ("不放过,不凑数", "不放过、不凑数"),
        ("不放过， \n不凑数", "不放过、不凑数"),
        ("政治自觉·思想自觉", "政治自觉、思想自觉"),
        ("Qinglang·Chengdu", "qinglang chengdu"),
        ("Qinglang · Chengdu", "qinglang chengdu"),
        ("清朗·Chengdu", "清朗·chengdu"),
        ("三、农业", "三、农业"),
        ("一。二，三、四，“五”。", "一。二、三、四、五\"。"),
        ("國，。、，\n家、", "国,。、, 家、"),
        ("家。 國，，家", "家。 国、家"),
        ("打“伞”破“网”", "打伞破网\""),
        ("打\"伞\"破\"网\"。", "打伞破网\"。"),
        ("《党章》规定", "《党章规定"),
        ("学习《党章》", "学习党章》"),
        ("称“保护伞”", "称保护伞\""),
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
    fn rejoins_a_word_split_at_a_line_end_when_the_word_is_known() {
        let known = |w: &str| matches!(w, "inspection" | "dismissed");
        let fold = |input: &str| {
            let mut n = Normalized::default();
            normalize_rejoining(input, &mut n, &known);
            n
        };
        // (input, folded)
        let cases = [
            ("Discipline In-\nspection", "discipline inspection"),
            ("IN-\r\nSPECTION", "inspection"),
            ("dis- \n\tmissed", "dismissed"),
            ("dis\u{2010}\nmissed", "dismissed"),
            // Not a known word: the hyphen and line break are a space, as before.
            ("eight-\npoint", "eight point"),
            // A soft hyphen marks a break inside a word, known or not.
            ("protec\u{00AD}\ntive", "protective"),
            // Not at a line end, or not between letters: no rejoining.
            ("in-spection", "in spection"),
            ("in -\nspection", "in spection"),
            ("in-\n\nspection", "in spection"),
            ("in-\n2024", "in 2024"),
        ];
        for (input, want) in cases {
            assert_eq!(fold(input).text, want, "input {input:?}");
        }
        // Without a word list only the soft hyphen rejoins.
        assert_eq!(normalize("dis-\nmissed").text, "dis missed");
        // The rejoined word maps back over the hyphen and the line break.
        let input = "the In-\r\nspection office";
        let n = fold(input);
        let at = n.text.find("inspection").unwrap();
        assert_eq!(
            &input[n.original_range(at..at + "inspection".len())],
            "In-\r\nspection"
        );
    }

    #[test]
    fn ascii_fold_by_arithmetic_is_the_table() {
        for b in 0..128u8 {
            assert_eq!(fold_ascii(b), ASCII_FOLD[b as usize], "byte {b}");
        }
    }

    /// The fast paths for Chinese punctuation and full-width forms fold as the general
    /// path does.
    #[test]
    fn punctuation_fast_paths_fold_as_the_general_path() {
        for c in (0u32..0x11_0000).filter_map(char::from_u32) {
            if is_plain_punctuation(c) {
                assert!(!c.is_alphabetic(), "{c:?}");
                assert_eq!(
                    unicode_normalization::is_nfkc_quick(std::iter::once(c)),
                    unicode_normalization::IsNormalized::Yes,
                    "{c:?}"
                );
            }
            if let Some(a) = fullwidth_ascii(c) {
                assert_eq!(
                    fold_compatible(c),
                    char::from(fold_ascii(a)).to_string(),
                    "{c:?}"
                );
                assert_eq!(c.is_alphabetic(), a.is_ascii_alphabetic(), "{c:?}");
            }
        }
        assert_eq!(normalize("问题：ＡＢ！（一）。").text, "问题:ab!(一)。");
    }

    /// Line breaks, tabs and hyphens inside a run of ASCII fold to single spaces.
    #[test]
    fn ascii_runs_fold_lone_whitespace() {
        for (input, want) in [
            ("Cross-Strait\tRelations", "cross strait relations"),
            ("-a\nB-", " a b "),
            ("x-", "x "),
        ] {
            assert_eq!(normalize(input).text, want, "{input:?}");
        }
    }

    /// The segment found from any hint is the last one starting at or before the byte, as
    /// a scan of the whole map finds it.
    #[test]
    fn segment_search_from_any_hint_is_the_scan() {
        let input = "打“伞”破“网”， 保護\n傘 ＡＢ：“Protective  Umbrellas”、ǌ三、农业 x“y”z";
        let n = normalize(input);
        assert!(n.segments() > 8, "a map with many segments");
        for norm in 0..n.text.len() + 2 {
            let want = n.segs.iter().rposition(|s| s.norm <= norm).unwrap();
            for hint in 0..n.segments() + 2 {
                assert_eq!(n.seg_from(norm, hint), want, "byte {norm}, hint {hint}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(2048))]

        /// ASCII text folds to lower case with every run of whitespace and hyphens one
        /// space, and each byte of it maps back to its own byte: whatever lengths the runs
        /// the block-at-a-time path skips have, and wherever a lone line break, hyphen,
        /// double space or control character falls in or across a block.
        #[test]
        fn ascii_folds_by_the_plain_rule(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Bc", "word", "LONGERWORDS", " ", "  ", "\n", "\n\n", "\t", "-", " - ",
                "'", ".", ",", "\x01", "\x7f", "0", "x\r\ny",
            ]), 0..64),
        ) {
            let input: String = parts.concat();
            let mut want = String::new();
            for c in input.chars() {
                if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '-') {
                    if !want.ends_with(' ') {
                        want.push(' ');
                    }
                } else {
                    want.push(c.to_ascii_lowercase());
                }
            }
            let n = normalize(&input);
            proptest::prop_assert_eq!(&n.text, &want, "{:?}", input);
            for (k, c) in n.text.char_indices() {
                let r = n.original_range(k..k + 1);
                if c != ' ' {
                    proptest::prop_assert_eq!(
                        input[r].to_ascii_lowercase(),
                        c.to_string(),
                        "byte {} of {:?}",
                        k,
                        input
                    );
                }
            }
        }
    }

    #[test]
    fn ascii_prose_map_is_sparse() {
        let n = normalize("one two three.\n\nFour five six, seven.");
        assert_eq!(
            n.segments(),
            3,
            "one segment, then the paragraph break, then one more"
        );
    }
}
