//! Tables of strings compiled into the binary (`build.rs`) as one text and where each string
//! ends.
//!
//! A `&[&str]` table is a pointer for each string, and in a position-independent executable
//! the loader fixes up every one of them at each start, before `main`, on pages it must copy
//! first. The built-in glossary's fields and its words' surfaces were 114,000 of the
//! binary's 181,000 such fix-ups: about 2 ms of every run, whether or not it read them.
//! Offsets need none.

/// Strings kept as one text: string `i` is `text[ends[i - 1]..ends[i]]` (from 0 for the
/// first).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Strings {
    pub(crate) text: &'static str,
    pub(crate) ends: &'static [u32],
}

impl Strings {
    /// String `i`. `build.rs` ends every string on a character boundary.
    pub(crate) fn get(&self, i: usize) -> &'static str {
        let start = match i {
            0 => 0,
            _ => self.ends[i - 1] as usize,
        };
        &self.text[start..self.ends[i] as usize]
    }

    /// Strings `range`, in order.
    pub(crate) fn slice(
        &self,
        range: std::ops::Range<usize>,
    ) -> impl ExactSizeIterator<Item = &'static str> + '_ {
        range.map(|i| self.get(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_string_is_its_part_of_the_text() {
        let s = Strings {
            text: "沈阳one",
            ends: &[6, 6, 9],
        };
        assert_eq!(s.get(0), "沈阳");
        assert_eq!(s.get(1), "");
        assert_eq!(s.get(2), "one");
        assert_eq!(s.slice(1..3).collect::<Vec<_>>(), ["", "one"]);
    }
}
