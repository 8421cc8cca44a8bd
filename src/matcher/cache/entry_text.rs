//! The entries of a cache file as one text and a list of lengths: every string field of
//! every entry, one after another, in the order of [`Entry`]'s fields.
//!
//! Read field by field, each string had its length read from the file before it: most of the
//! time of reading the entries (CC-CEDICT: 118,000 entries, a million strings). Here each
//! field is a slice of the text, whose ends are checked not to fall inside a character.
//!
//! A run reads the entries back one at a time, when first asked for ([`Stored`]): reading the
//! file, each entry's fields are only checked and where it starts is noted. A field is checked
//! as UTF-8 when its entry is decoded, so that a run does not check the text of the entries
//! it never uses (the file's checksum has already matched what `Written` wrote).

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use super::Section;
use crate::glossary::{Columns, Entry, EntrySource, Origin};

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

    /// The lengths as the file keeps them: little-endian `u32`s.
    pub fn lengths_le(&self) -> Vec<u8> {
        self.lengths.iter().flat_map(|n| n.to_le_bytes()).collect()
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

/// Where an entry's fields begin: a byte of the text, and a length (counting lengths).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Start {
    text: usize,
    length: usize,
}

/// The fields of [`Entry`] in the order [`Written::push`] writes them: `true` for a list.
const SHAPE: [bool; 16] = [
    false, false, true, true, false, false, true, true, false, false, false, true, false, true,
    true, true,
];

/// Reads entries back from what [`Written`] wrote; every read fails (`None`) rather than
/// panic on lengths that do not fit the text.
pub(super) struct Reader<'a> {
    /// UTF-8 as written.
    text: &'a [u8],
    /// Little-endian `u32`s.
    lengths: &'a [u8],
    at: Start,
}

impl<'a> Reader<'a> {
    /// Reads from the start of `text` and `lengths`, the lengths as little-endian `u32`s.
    pub fn new(text: &'a [u8], lengths: &'a [u8]) -> Reader<'a> {
        Reader {
            text,
            lengths,
            at: Start::default(),
        }
    }

    /// Where the next entry starts.
    pub fn start(&self) -> Start {
        self.at
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

    /// Passes over the next entry, checking what [`Reader::entry`] would read without
    /// copying it.
    pub fn skip(&mut self) -> Option<()> {
        for list in SHAPE {
            let n = if list { self.count()? } else { 1 };
            for _ in 0..n {
                self.field()?;
            }
        }
        Some(())
    }

    /// Whether the text and the lengths were all read.
    pub fn is_done(&self) -> bool {
        self.at.text == self.text.len() && self.at.length * 4 == self.lengths.len()
    }

    fn len(&mut self) -> Option<usize> {
        let at = self.at.length.checked_mul(4)?;
        let bytes = self.lengths.get(at..at.checked_add(4)?)?;
        self.at.length += 1;
        Some(u32::from_le_bytes(bytes.try_into().ok()?) as usize)
    }

    /// A list's count: each string has its length after it, so a count beyond them is none.
    fn count(&mut self) -> Option<usize> {
        let n = self.len()?;
        (n <= self.lengths.len() / 4 - self.at.length).then_some(n)
    }

    /// The next field's bytes: its ends fall on characters.
    fn field(&mut self) -> Option<Range<usize>> {
        let (start, end) = (self.at.text, self.at.text.checked_add(self.len()?)?);
        // A byte that starts a character is not a continuation byte (0b10xx_xxxx).
        let starts_char = |i: usize| match self.text.get(i) {
            Some(b) => b & 0xC0 != 0x80,
            None => i == self.text.len(),
        };
        if !starts_char(start) || !starts_char(end) {
            return None;
        }
        self.at.text = end;
        Some(start..end)
    }

    fn one(&mut self) -> Option<String> {
        let field = self.field()?;
        // UTF-8 as written, which the file's checksum vouches for: the lossy reading copies it
        // as it is (and would mark, not lose, a byte it cannot read).
        Some(String::from_utf8_lossy(&self.text[field]).into_owned())
    }

    fn list(&mut self) -> Option<Vec<String>> {
        let n = self.count()?;
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(self.one()?);
        }
        Some(v)
    }
}

/// The entries of a cache file, decoded one at a time: its entries section, kept mapped (or
/// read), and where in it each entry starts.
pub(super) struct Stored {
    section: Section,
    index: Index,
}

/// What reading an entries section found: where its text and lengths lie in it, where each
/// entry starts, each entry's file (of `files`) and line.
pub(super) struct Index {
    text: Range<usize>,
    lengths: Range<usize>,
    starts: Vec<Start>,
    origins: Vec<(u32, u64)>,
    files: Vec<(Arc<Path>, Columns)>,
}

impl Index {
    /// Checks the entries of a `section` whose `text` and `lengths` are slices of
    /// it, and notes where each starts; `None` when one does not read, or a file is missing.
    pub fn new(
        section: &[u8],
        text: &[u8],
        lengths: &[u8],
        origins: Vec<(u32, u64)>,
        files: Vec<(Arc<Path>, Columns)>,
    ) -> Option<Index> {
        let mut reader = Reader::new(text, lengths);
        let mut starts = Vec::with_capacity(origins.len());
        for &(file, _) in &origins {
            files.get(file as usize)?;
            starts.push(reader.start());
            reader.skip()?;
        }
        if !reader.is_done() {
            return None;
        }
        Some(Index {
            text: within(section, text)?,
            lengths: within(section, lengths)?,
            starts,
            origins,
            files,
        })
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// The entries, read from `section` (the bytes this index was made from, kept).
    pub fn keep(self, section: Section) -> Option<Stored> {
        if section.len() < self.text.end.max(self.lengths.end) {
            return None;
        }
        Some(Stored {
            section,
            index: self,
        })
    }
}

/// Where `part`, a slice of `whole`, lies in it.
fn within(whole: &[u8], part: &[u8]) -> Option<Range<usize>> {
    let start = (part.as_ptr() as usize).checked_sub(whole.as_ptr() as usize)?;
    let end = start.checked_add(part.len())?;
    (end <= whole.len()).then_some(start..end)
}

impl EntrySource for Stored {
    fn count(&self) -> usize {
        self.index.len()
    }

    fn entry(&self, i: usize) -> Entry {
        let Index {
            text,
            lengths,
            starts,
            origins,
            files,
        } = &self.index;
        let (file, line) = origins[i];
        let (file, columns) = &files[file as usize];
        let origin = Origin {
            file: file.clone(),
            line,
            columns: columns.clone(),
        };
        let mut reader = Reader {
            text: &self.section[text.clone()],
            lengths: &self.section[lengths.clone()],
            at: starts[i],
        };
        // Every entry was read over when the section was ([`Index::new`]).
        reader
            .entry(origin)
            .expect("a cache entry checked when its file was read")
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
        let lengths = w.lengths_le();
        let mut r = Reader::new(w.text.as_bytes(), &lengths);
        let mut skipping = Reader::new(w.text.as_bytes(), &lengths);
        let mut back = Vec::new();
        for _ in &written {
            assert_eq!(r.start(), skipping.start());
            back.push(r.entry(Origin::default()).unwrap());
            skipping.skip().unwrap();
        }
        assert!(r.is_done() && skipping.is_done());
        assert_eq!(back, written);
        // One entry too many is no entry.
        assert!(r.entry(Origin::default()).is_none());
        assert!(skipping.skip().is_none());
    }

    #[test]
    fn lengths_that_do_not_fit_the_text_read_as_nothing() {
        let mut w = Written::default();
        for e in &entries() {
            w.push(e);
        }
        // Read and skipped over alike.
        let read_all = |text: &str, lengths: &[u32]| {
            let lengths: Vec<u8> = lengths.iter().flat_map(|n| n.to_le_bytes()).collect();
            let mut r = Reader::new(text.as_bytes(), &lengths);
            let read = (0..3).all(|_| r.entry(Origin::default()).is_some()) && r.is_done();
            let mut r = Reader::new(text.as_bytes(), &lengths);
            let skipped = (0..3).all(|_| r.skip().is_some()) && r.is_done();
            assert_eq!(read, skipped);
            read
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
