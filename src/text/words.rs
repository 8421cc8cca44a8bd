//! Cutting folded text into words fast: the same words as [`words`] (UAX #29 via
//! `unicode-segmentation`), with the segmenter run only where the text is not plain ASCII.
//!
//! The phrase matcher looks at every word of English text, so the cut runs over every byte.
//! UAX #29 always breaks right after a space that an ASCII character other than a space
//! follows, and on both sides of a Han character of the main block that no combining mark
//! follows (no rule joins a Han character, or an ASCII one, to the other): the text falls
//! into chunks that segment independently. An ASCII chunk is cut here by the rules for
//! ASCII (letters, digits and `_` join; `.` `'` `:` between letters and `.` `'` `,` `;`
//! between digits join too); any other chunk goes to the segmenter.

use crate::text::inflect::words;

/// Which words the caller looks at: the others may come merged, one call for several.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, serde::Serialize, serde::Deserialize)]
pub enum Wanted {
    /// Every word, exactly as [`words`] yields them.
    #[default]
    All,
    /// Every word but those holding a Han character: a run of Han characters that UAX #29
    /// cuts one word per character may come as one call (a glossary whose English forms
    /// hold `é` or `ō` but no Han character, such as CC-CEDICT's, over Chinese text).
    NoHan,
    /// Words made of ASCII only: a chunk whose words all hold a non-ASCII character may come
    /// as one call with the whole chunk (which holds a non-ASCII character too), so Chinese
    /// text costs a glance per chunk.
    Ascii,
}

/// Calls `f(start, word, glued)` for every word of `folded`, in order, exactly as [`words`]
/// yields them but for the words `wanted` leaves out; `glued` tells whether the word holds a
/// `'` or a `.` (`party's`, `the'one`, `construction.primary`, `u.s`), found as the word is
/// cut.
#[inline]
pub fn for_each_word<'a>(folded: &'a str, wanted: Wanted, mut f: impl FnMut(usize, &'a str, bool)) {
    let b = folded.as_bytes();
    let mut start = 0;
    while start < b.len() {
        // The commonest chunk: letters and digits, then spaces, then ASCII (or the end, or a
        // Han character): one word, found with one look at each byte.
        let mut j = alnum_end(b, start);
        if j > start && b.get(j).is_none_or(|&c| c == b' ') {
            let mut k = j;
            while k < b.len() && b[k] == b' ' {
                k += 1;
            }
            if k == b.len() || b[k] < 0x80 || han_at(b, k) {
                f(start, &folded[start..j], false);
                start = k;
                continue;
            }
        }
        // The common chunk: ASCII other than spaces, then spaces, then ASCII (or the end, or
        // a Han character). Its words are cut where it is found, with no second look.
        while j < b.len() && b[j] < 0x80 && b[j] != b' ' {
            j += 1;
        }
        let mut k = j;
        while k < b.len() && b[k] == b' ' {
            k += 1;
        }
        let plain = if k > j {
            k == b.len() || b[k] < 0x80 || han_at(b, k)
        } else {
            k > start && (k == b.len() || han_at(b, k))
        };
        if plain {
            ascii_words(folded, start..j, &mut f);
            start = k;
            continue;
        }
        let ascii_only = wanted == Wanted::Ascii;
        let (mut end, ascii, ascii_alnum, han) = chunk_end(b, start, ascii_only);
        let chunk = &folded[start..end];
        if ascii {
            ascii_words(folded, start..end, &mut f);
        } else if ascii_only && !ascii_alnum {
            // Every word here holds a non-ASCII character; one call stands for them all.
            if han || chunk.chars().any(char::is_alphanumeric) {
                f(start, chunk, false);
            }
        } else if han && end - start == 3 {
            // One Han character, which UAX #29 makes a word of its own: the commonest chunk
            // of Chinese text, cut without the segmenter. With `NoHan`, the Han characters
            // after it that are words of their own too come with it.
            if wanted == Wanted::NoHan {
                while han_at(b, end)
                    && b.get(end + 3)
                        .is_none_or(|&n| n < 0x80 || han_at(b, end + 3))
                {
                    end += 3;
                }
            }
            f(start, &folded[start..end], false);
        } else {
            for (i, w) in words(chunk) {
                f(start + i, w, w.contains(['\'', '.']));
            }
        }
        start = end;
    }
}

/// The end of the run of ASCII letters and digits at `i`: eight bytes at a time where the
/// text has them (the hottest loop of English text: a byte loop cost seven instructions a
/// byte).
#[inline(always)]
fn alnum_end(b: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = b.get(i..i + 8) {
        let mask = alnum_mask(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
        if mask != HIGH {
            return i + ((!mask & HIGH).trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && ALNUM[b[i] as usize] {
        i += 1;
    }
    i
}

/// The high bit of each byte.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Each byte repeated over the eight bytes of a word.
const fn rep(c: u8) -> u64 {
    c as u64 * 0x0101_0101_0101_0101
}

/// The high bit of each byte of `x` that is an ASCII letter or digit, found for all eight at
/// once: for a byte `c` below 0x80, `c + (0x80 - lo)` has its high bit set when `c >= lo`
/// and no carry leaves the byte; an ASCII letter with 0x20 set is a small letter.
#[inline(always)]
fn alnum_mask(x: u64) -> u64 {
    let low = x & !HIGH;
    let folded = low | rep(0x20);
    let letter = (folded + rep(0x80 - b'a')) & !(folded + rep(0x7F - b'z'));
    let digit = (low + rep(0x80 - b'0')) & !(low + rep(0x7F - b'9'));
    (letter | digit) & !x & HIGH
}

/// ASCII letters and digits, by byte: one load per byte in the hottest loop.
static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    while k < 256 {
        t[k] = (k as u8).is_ascii_alphanumeric();
        k += 1;
    }
    t
};

/// Is a Han character of U+4E00–U+9FFF encoded at `b[i..i + 3]`?
#[inline]
fn han_at(b: &[u8], i: usize) -> bool {
    match b.get(i..i + 3) {
        Some(&[b0 @ 0xE4..=0xE9, b1, _]) => b0 > 0xE4 || b1 >= 0xB8,
        _ => false,
    }
}

/// The end of the chunk starting at `start` (the next place UAX #29 surely breaks with no
/// look across), whether the chunk is all ASCII, whether it has an ASCII letter or digit,
/// and whether it has a Han character. With `whole_han`, a run of Han characters is one
/// chunk (a caller that looks at ASCII words only need not see them one by one).
#[inline]
fn chunk_end(b: &[u8], start: usize, whole_han: bool) -> (usize, bool, bool, bool) {
    let mut ascii = true;
    let mut alnum = false;
    let mut han = false;
    let mut i = start;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            alnum |= c.is_ascii_alphanumeric();
            i += 1;
            // After a space, before an ASCII character other than a space.
            if c == b' ' {
                match b.get(i) {
                    Some(&n) if n < 0x80 && n != b' ' => return (i, ascii, alnum, han),
                    _ => {}
                }
            }
            // Between an ASCII character and a Han one.
            if han_at(b, i) {
                return (i, ascii, alnum, han);
            }
        } else if han_at(b, i) {
            i += 3;
            han = true;
            // After a Han character, before an ASCII or Han one.
            if b.get(i).is_some_and(|&n| n < 0x80) || (!whole_han && han_at(b, i)) {
                return (i, false, alnum, han);
            }
            ascii = false;
        } else {
            ascii = false;
            i += 1;
        }
    }
    (i, ascii, alnum, han)
}

/// Word-break class of an ASCII byte.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cls {
    Letter,
    Digit,
    /// `_`
    Underscore,
    /// `:` joins letters only.
    MidLetter,
    /// `.` and `'` join letters and digits.
    MidBoth,
    /// `,` and `;` join digits only.
    MidNum,
    Other,
}

/// [`cls`] by byte, looked up rather than worked out in the word cut's inner loop.
static CLS: [Cls; 256] = {
    let mut t = [Cls::Other; 256];
    let mut k = 0;
    while k < 256 {
        t[k] = class_of(k as u8);
        k += 1;
    }
    t
};

#[inline]
fn cls(c: u8) -> Cls {
    CLS[c as usize]
}

const fn class_of(c: u8) -> Cls {
    match c {
        b'a'..=b'z' | b'A'..=b'Z' => Cls::Letter,
        b'0'..=b'9' => Cls::Digit,
        b'_' => Cls::Underscore,
        b':' => Cls::MidLetter,
        b'.' | b'\'' => Cls::MidBoth,
        b',' | b';' => Cls::MidNum,
        _ => Cls::Other,
    }
}

/// The words of the all-ASCII chunk `text[chunk]`, by UAX #29's rules for ASCII, without
/// the underscores around them (as [`words`]). Letters and digits are found eight at a time
/// in the whole text, past the chunk's end (where a space or the text's end stops them): the
/// chunk's last bytes went one at a time, a branch per byte that was hard to guess.
#[inline]
fn ascii_words<'a>(
    text: &'a str,
    chunk: std::ops::Range<usize>,
    f: &mut impl FnMut(usize, &'a str, bool),
) {
    let whole = text.as_bytes();
    let b = &whole[..chunk.end];
    let mut i = chunk.start;
    while i < b.len() {
        let first = cls(b[i]);
        if !matches!(first, Cls::Letter | Cls::Digit | Cls::Underscore) {
            i += 1;
            continue;
        }
        let s = i;
        let mut glued = false;
        i += 1;
        loop {
            // Letters and digits eight at a time; then what follows them.
            i = alnum_end(whole, i).min(b.len());
            let Some(&at) = b.get(i) else { break };
            let c = cls(at);
            match c {
                Cls::Letter | Cls::Digit | Cls::Underscore => i += 1,
                Cls::MidLetter | Cls::MidBoth | Cls::MidNum => {
                    let prev = cls(b[i - 1]);
                    let next = b.get(i + 1).map(|&n| cls(n));
                    let joins = matches!(
                        (prev, c, next),
                        (
                            Cls::Letter,
                            Cls::MidLetter | Cls::MidBoth,
                            Some(Cls::Letter)
                        ) | (Cls::Digit, Cls::MidBoth | Cls::MidNum, Some(Cls::Digit))
                    );
                    if !joins {
                        break;
                    }
                    glued |= matches!(b[i], b'\'' | b'.');
                    i += 2;
                }
                Cls::Other => break,
            }
        }
        // Underscores around a word are not part of it (as in `words`).
        let (mut ws, mut we) = (s, i);
        while ws < we && b[ws] == b'_' {
            ws += 1;
        }
        while we > ws && b[we - 1] == b'_' {
            we -= 1;
        }
        if ws < we {
            f(ws, &text[ws..we], glued);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fast(s: &str, wanted: Wanted) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        for_each_word(s, wanted, |i, w, glued| {
            // The flag is right for every word but a merged chunk of non-ASCII words.
            assert!(
                glued == w.contains(['\'', '.'])
                    || (wanted == Wanted::Ascii && !w.is_ascii() && !glued),
                "{w:?}"
            );
            out.push((i, w.to_string()))
        });
        out
    }

    /// The words `wanted` keeps, from `got` and from the segmenter, and every word it may
    /// merge covered by one call that holds only words it may merge.
    fn check_merged(s: &str, got: &[(usize, String)], wanted: Wanted) -> Result<(), String> {
        let merged = |w: &str| match wanted {
            Wanted::All => false,
            Wanted::NoHan => w.chars().any(crate::text::chinese::is_han),
            Wanted::Ascii => !w.is_ascii(),
        };
        let want = slow(s);
        let keep = |v: &[(usize, String)]| -> Vec<(usize, String)> {
            v.iter().filter(|(_, w)| !merged(w)).cloned().collect()
        };
        if keep(got) != keep(&want) {
            return Err(format!("{s:?}: {got:?} against {want:?}"));
        }
        for (i, w) in want.iter().filter(|(_, w)| merged(w)) {
            let covered = got
                .iter()
                .any(|(j, g)| merged(g) && *j <= *i && j + g.len() >= i + w.len());
            if !covered {
                return Err(format!("{s:?}: {w:?} at {i} not covered: {got:?}"));
            }
        }
        if wanted == Wanted::NoHan {
            // Only Han characters are merged, and only with Han characters.
            for (_, g) in got
                .iter()
                .filter(|(_, g)| !want.iter().any(|(_, w)| w == g))
            {
                if !g.chars().all(crate::text::chinese::is_han) {
                    return Err(format!("{s:?}: merged {g:?}"));
                }
            }
        }
        Ok(())
    }

    fn slow(s: &str) -> Vec<(usize, String)> {
        words(s).map(|(i, w)| (i, w.to_string())).collect()
    }

    #[test]
    fn alnum_mask_agrees_with_the_byte_table() {
        for c in 0..=255u8 {
            for at in 0..8 {
                let mut bytes = [b'a'; 8];
                bytes[at] = c;
                let want = if c.is_ascii_alphanumeric() {
                    HIGH
                } else {
                    HIGH & !(0x80 << (8 * at))
                };
                assert_eq!(
                    alnum_mask(u64::from_le_bytes(bytes)),
                    want,
                    "{c:#x} at {at}"
                );
                bytes = [0xFF; 8];
                bytes[at] = c;
                let want = if c.is_ascii_alphanumeric() {
                    0x80 << (8 * at)
                } else {
                    0
                };
                assert_eq!(
                    alnum_mask(u64::from_le_bytes(bytes)),
                    want,
                    "{c:#x} at {at}"
                );
            }
        }
    }

    #[test]
    fn same_words_as_the_segmenter() {
        for s in [
            "the party's \"tigers\" and flies",
            "u.s. policy: 1,000.5 yuan; a:b a.1 1.a 1'2 x'y _nail case_ __ _ a_1",
            "中国共产党party的2018年 policy。中文 text",
            "café naïve x\u{301}y  \u{93e}ab a\u{200d}b 🇨🇳🇨🇳 x  \u{301}y",
            "a\tb\r\nc\u{b}d e. f, 1, 2 1,2 3;4 a;b 'a' .a. ,1,",
            "カタカナ abc ﾃｽﾄ שלום\"א a\u{2019}b",
        ] {
            assert_eq!(fast(s, Wanted::All), slow(s), "{s:?}");
        }
    }

    #[test]
    fn ascii_only_merges_foreign_chunks_only() {
        let s = "中文 party 中 x。y";
        check_merged(s, &fast(s, Wanted::Ascii), Wanted::Ascii).unwrap();
    }

    #[test]
    fn no_han_merges_runs_of_han_characters_only() {
        let s = "中华人民共和国café 中文。naïve 中\u{301}文x";
        let got = fast(s, Wanted::NoHan);
        check_merged(s, &got, Wanted::NoHan).unwrap();
        assert!(
            got.iter().any(|(i, w)| *i == 0 && w == "中华人民共和国"),
            "{got:?}"
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(2048))]
        #[test]
        fn same_words_on_random_text(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Z", "q", "1", "0", "_", ".", "'", ":", ",", ";", " ", "  ", "\"", "-", "\t",
                "\n", "\r", "中", "國", "。", "é", "\u{301}", "\u{93e}", "\u{200d}", "\u{ad}",
                "🇨", "👍", "ﾃ", "カ", "א", "\u{2019}", "·", "ab", "12", "ｱ", "\u{3000}",
            ]), 0..40),
            wanted in proptest::sample::select(vec![Wanted::All, Wanted::NoHan, Wanted::Ascii]),
        ) {
            let s: String = parts.concat();
            let got = fast(&s, wanted);
            if wanted == Wanted::All {
                proptest::prop_assert_eq!(got, slow(&s), "{:?}", s);
            } else if let Err(e) = check_merged(&s, &got, wanted) {
                return Err(proptest::test_runner::TestCaseError::fail(e));
            }
        }
    }
}
