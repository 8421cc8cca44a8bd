//! The entries of a cache file as one text and a list of lengths: every string field of
//! every entry, one after another, in the order of [`Entry`]'s fields.
//!
//! Read field by field, each string was checked as UTF-8 on its own and its length read
//! from the file before it: most of the time of reading the entries (CC-CEDICT: 118,000
//! entries, a million strings). The text is checked once, as a whole, and each field is a
//! slice of it (a slice's ends are checked to fall on characters: a few instructions).

use crate::glossary::{Entry, Origin};

/// Entries written out: the text and, for each entry, the length of each string field and,
/// before the strings of a list field, how many it has.
#[derive(Default)]
pub(super) struct Written {
    pub text: String,
    pub lengths: Vec<u32>,
}

impl Written {
    /// Writes every field of `e` but its origin (kept apart).
    pub fn push(&mut self, e: &Entry) {
        // Every field is named: a field added to entries fails to compile here until the
        // cache keeps it.
        let Entry {
            id,
            zh,
            zh_alt,
            zh_hant,
            pinyin,
            en,
            en_alt,
            literal,
            category,
            definition,
            note,
            see_also,
            source,
            exclude,
            gated,
            cue,
            origin: _,
        } = e;
        self.one(id);
        self.one(zh);
        self.list(zh_alt);
        self.list(zh_hant);
        self.one(pinyin);
        self.one(en);
        self.list(en_alt);
        self.list(literal);
        self.one(category);
        self.one(definition);
        self.one(note);
        self.list(see_also);
        self.one(source);
        self.list(exclude);
        self.list(gated);
        self.list(cue);
    }

    fn one(&mut self, s: &str) {
        self.text.push_str(s);
        self.length(s.len());
    }

    fn list(&mut self, v: &[String]) {
        self.length(v.len());
        for s in v {
            self.one(s);
        }
    }

    /// A field of 4 GiB or more is kept as the longest length, which reads back as no
    /// entry: the cache file is a miss, never a wrong entry.
    fn length(&mut self, n: usize) {
        self.lengths.push(u32::try_from(n).unwrap_or(u32::MAX));
    }
}

/// Reads entries back from what [`Written`] wrote; every read fails (`None`) rather than
/// panic on lengths that do not fit the text.
pub(super) struct Reader<'a> {
    text: &'a str,
    at: usize,
    lengths: std::slice::Iter<'a, u32>,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str, lengths: &'a [u32]) -> Reader<'a> {
        Reader {
            text,
            at: 0,
            lengths: lengths.iter(),
        }
    }

    /// The next entry, with this origin.
    pub fn entry(&mut self, origin: Origin) -> Option<Entry> {
        Some(Entry {
            id: self.one()?,
            zh: self.one()?,
            zh_alt: self.list()?,
            zh_hant: self.list()?,
            pinyin: self.one()?,
            en: self.one()?,
            en_alt: self.list()?,
            literal: self.list()?,
            category: self.one()?,
            definition: self.one()?,
            note: self.one()?,
            see_also: self.list()?,
            source: self.one()?,
            exclude: self.list()?,
            gated: self.list()?,
            cue: self.list()?,
            origin,
        })
    }

    /// Whether the text and the lengths were all read.
    pub fn is_done(&self) -> bool {
        self.at == self.text.len() && self.lengths.len() == 0
    }

    fn len(&mut self) -> Option<usize> {
        Some(*self.lengths.next()? as usize)
    }

    fn one(&mut self) -> Option<String> {
        let end = self.at.checked_add(self.len()?)?;
        let s = self.text.get(self.at..end)?;
        self.at = end;
        Some(s.to_owned())
    }

    fn list(&mut self) -> Option<Vec<String>> {
        // Each string has its length after the count: a count beyond them is no list.
        let n = self.len()?;
        if n > self.lengths.len() {
            return None;
        }
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(self.one()?);
        }
        Some(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries() -> Vec<Entry> {
        let s = |x: &str| x.to_string();
        vec![
            Entry {
                id: s("bao-hu-san"),
                zh: s("保护伞"),
                zh_hant: vec![s("保護傘")],
                en: s("protective umbrella"),
                literal: vec![s("protective umbrellas"), s("umbrella")],
                definition: s("Officials who shield criminal gangs."),
                cue: vec![s("黑恶"), String::new()],
                ..Default::default()
            },
            Entry::default(),
            Entry {
                id: s("x"),
                gated: vec![s("x")],
                ..Default::default()
            },
        ]
    }

    #[test]
    fn entries_come_back_field_for_field() {
        let mut w = Written::default();
        let written = entries();
        for e in &written {
            w.push(e);
        }
        let mut r = Reader::new(&w.text, &w.lengths);
        let back: Vec<Entry> = (0..written.len())
            .map(|_| r.entry(Origin::default()).unwrap())
            .collect();
        assert!(r.is_done());
        assert_eq!(back, written);
        // One entry too many is no entry.
        assert!(r.entry(Origin::default()).is_none());
    }

    #[test]
    fn lengths_that_do_not_fit_the_text_read_as_nothing() {
        let mut w = Written::default();
        for e in &entries() {
            w.push(e);
        }
        let read_all = |text: &str, lengths: &[u32]| {
            let mut r = Reader::new(text, lengths);
            let all = (0..3).all(|_| r.entry(Origin::default()).is_some());
            all && r.is_done()
        };
        assert!(read_all(&w.text, &w.lengths));
        // A length into the middle of a character, past the end, a count beyond the list,
        // a length short by one, a text with a byte too many.
        for (i, change) in [(1, 1), (0, 1000), (2, u32::MAX), (3, 1000), (0, 1)] {
            let mut lengths = w.lengths.clone();
            lengths[i] = lengths[i].wrapping_add(change);
            assert!(!read_all(&w.text, &lengths), "{i} {change}");
        }
        let mut lengths = w.lengths.clone();
        lengths[0] -= 1;
        assert!(!read_all(&w.text, &lengths));
        assert!(!read_all(&format!("{}x", w.text), &w.lengths));
        assert!(!read_all(&w.text, &w.lengths[..w.lengths.len() - 1]));
    }
}
