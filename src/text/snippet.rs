//! Places in a text: the line and column of an offset, and keyword-in-context snippets.
//! Every task that names a place in a document computes it here, one way.

use super::english::is_word_char;

/// A keyword-in-context snippet: up to `width` characters either side of `range`, on one
/// line (line breaks and runs of whitespace shown as one space).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Kwic {
    /// The text before the term, `…` first when cut.
    pub left: String,
    /// The term itself, whitespace collapsed.
    pub term: String,
    /// The text after the term, `…` last when cut.
    pub right: String,
}

impl Kwic {
    /// The snippet of `range` in `text`, `width` characters either side.
    pub fn new(text: &str, range: std::ops::Range<usize>, width: usize) -> Kwic {
        let before = &text[..range.start];
        let after = &text[range.end..];
        let mut left_start = before
            .char_indices()
            .rev()
            .nth(width.saturating_sub(1))
            .map_or(0, |(i, _)| i);
        // Do not start or end inside a word of a spaced script.
        let word = is_word_char;
        if left_start > 0
            && before[..left_start].chars().next_back().is_some_and(word)
            && before[left_start..].chars().next().is_some_and(word)
        {
            if let Some(ws) = before[left_start..].find(char::is_whitespace) {
                left_start += ws;
            }
        }
        let mut right_end = after
            .char_indices()
            .nth(width)
            .map_or(after.len(), |(i, _)| i);
        if right_end < after.len()
            && after[right_end..].chars().next().is_some_and(word)
            && after[..right_end].chars().next_back().is_some_and(word)
        {
            if let Some(ws) = after[..right_end].rfind(char::is_whitespace) {
                right_end = ws;
            }
        }
        let left = squash(&before[left_start..]);
        let right = squash(&after[..right_end]);
        Kwic {
            left: if left_start > 0 {
                format!("…{}", left.trim_start())
            } else {
                left.trim_start().to_string()
            },
            term: squash(&text[range]),
            right: if right_end < after.len() {
                format!("{}…", right.trim_end())
            } else {
                right.trim_end().to_string()
            },
        }
    }
}

impl std::fmt::Display for Kwic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}«{}»{}", self.left, self.term, self.right)
    }
}

/// Collapses whitespace runs (line breaks included) to one space.
pub fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space && !out.is_empty() {
        out.push(' ');
    }
    // Keep a leading space if the text started with whitespace, so `left` and `term` stay apart.
    if s.starts_with(char::is_whitespace) && !out.is_empty() {
        out.insert(0, ' ');
    }
    out
}

/// 1-based line and column (in characters) of byte `offset` of UTF-8 `bytes` — of a
/// document, or of the part before an encoding error. An offset inside a character counts
/// from that character's start; one past the end is clamped.
pub fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let mut offset = offset.min(bytes.len());
    while offset > 0 && offset < bytes.len() && bytes[offset] & 0xC0 == 0x80 {
        offset -= 1;
    }
    let before = &bytes[..offset];
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    let start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    // Characters are counted by their first bytes, which UTF-8 continuation bytes are not.
    let column = before[start..]
        .iter()
        .filter(|&&b| b & 0xC0 != 0x80)
        .count()
        + 1;
    (line, column)
}

/// A place in a text: 1-based line and column, and the code-point offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in code points.
    pub column: usize,
    /// Code points before the place.
    pub chars: usize,
}

/// Places of offsets in one text asked for in increasing order: each call counts only the
/// stretch since the last one, so placing every span of a document is one pass. An earlier
/// offset is counted again from the start.
#[derive(Debug, Clone)]
pub struct Cursor<'a> {
    bytes: &'a [u8],
    ascii: bool,
    pos: usize,
    chars: usize,
    line: usize,
    line_start_chars: usize,
}

impl<'a> Cursor<'a> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'a str) -> Cursor<'a> {
        Cursor {
            bytes: text.as_bytes(),
            ascii: text.is_ascii(),
            pos: 0,
            chars: 0,
            line: 1,
            line_start_chars: 0,
        }
    }

    /// The place of byte `offset` (clamped to the text; inside a character, its start).
    pub fn place(&mut self, offset: usize) -> Place {
        let mut offset = offset.min(self.bytes.len());
        while offset < self.bytes.len() && self.bytes[offset] & 0xC0 == 0x80 {
            offset -= 1;
        }
        if offset < self.pos {
            *self = Cursor {
                bytes: self.bytes,
                ascii: self.ascii,
                pos: 0,
                chars: 0,
                line: 1,
                line_start_chars: 0,
            };
        }
        let seg = &self.bytes[self.pos..offset];
        // Between nearby spans (the usual case) the stretch is short and has no line break.
        match memchr::memrchr(b'\n', seg) {
            None => self.chars += self.count(seg),
            Some(last) => {
                self.line += memchr::memchr_iter(b'\n', seg).count();
                self.line_start_chars = self.chars + self.count(&seg[..=last]);
                self.chars = self.line_start_chars + self.count(&seg[last + 1..]);
            }
        }
        self.pos = offset;
        Place {
            line: self.line,
            column: self.chars - self.line_start_chars + 1,
            chars: self.chars,
        }
    }

    /// Code points in `bytes` of this text.
    pub fn count(&self, bytes: &[u8]) -> usize {
        if self.ascii {
            bytes.len()
        } else {
            count_chars(bytes)
        }
    }
}

/// Code points in UTF-8 `bytes`: the bytes that are not continuation bytes (`10xxxxxx`),
/// counted eight at a time (spans and the stretches between them are a few dozen bytes, too
/// short for the compiler's vectorized loop to pay).
fn count_chars(bytes: &[u8]) -> usize {
    if bytes.len() >= 256 {
        return bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count();
    }
    const LOW: u64 = 0x0101_0101_0101_0101;
    let (words, rest) = bytes.as_chunks::<8>();
    let mut continuations = 0;
    for w in words {
        let x = u64::from_le_bytes(*w);
        // Bit 0 of each byte: its bit 7 set and bit 6 clear. The multiplication sums the
        // eight bytes into the top one.
        continuations += (((x >> 7) & !(x >> 6) & LOW).wrapping_mul(LOW) >> 56) as usize;
    }
    continuations += rest.iter().filter(|&&b| b & 0xC0 == 0x80).count();
    bytes.len() - continuations
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kwic() {
        let t = "one two\nthree nail case four five six";
        let s = t.find("nail").unwrap();
        let k = Kwic::new(t, s..s + 9, 8);
        assert_eq!(k.term, "nail case");
        assert_eq!(k.to_string(), "…three «nail case» four…");
        let k = Kwic::new("nail case", 0..9, 10);
        assert_eq!(k.to_string(), "«nail case»");
        assert_eq!(line_column(t.as_bytes(), s).0, 2);
    }

    #[test]
    fn line_and_column() {
        let t = "ab\n中文x";
        assert_eq!(line_column(t.as_bytes(), 0), (1, 1));
        assert_eq!(line_column(t.as_bytes(), 3), (2, 1));
        assert_eq!(line_column(t.as_bytes(), 9), (2, 3));
        // Inside 文: counted from its start.
        assert_eq!(line_column(t.as_bytes(), 7), (2, 2));
        assert_eq!(line_column(t.as_bytes(), 99), (2, 4));
        // The cursor agrees with line_column at every offset, forwards and back.
        let mut c = Cursor::new(t);
        for offset in (0..=t.len()).chain([7, 2, 99]) {
            let p = c.place(offset);
            assert_eq!(
                (p.line, p.column),
                line_column(t.as_bytes(), offset),
                "{offset}"
            );
        }
    }

    #[test]
    fn characters_counted_by_words_are_the_characters() {
        for t in [
            "",
            "a",
            "中文",
            "打“伞”破“网”，保护伞 protective umbrellas é ǌ 𠀀 x",
            "0123456789abcdef中",
            &"保护伞 umbrellas ".repeat(20),
        ] {
            for i in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                for j in (i..=t.len()).filter(|&j| t.is_char_boundary(j)) {
                    assert_eq!(count_chars(&t.as_bytes()[i..j]), t[i..j].chars().count());
                }
            }
        }
    }

    proptest::proptest! {
        /// Short hops and long ones alike, the cursor agrees with `line_column`.
        #[test]
        fn cursor_agrees_with_line_column(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "\n", "中文", "\r\n", "é", "word word word word word word word word ",
            ]), 0..60),
            mut offsets in proptest::collection::vec(0usize..2000, 0..20)
        ) {
            let t = parts.concat();
            offsets.sort_unstable();
            let mut c = Cursor::new(&t);
            for offset in offsets {
                let p = c.place(offset);
                proptest::prop_assert_eq!((p.line, p.column), line_column(t.as_bytes(), offset));
            }
        }
    }
}
