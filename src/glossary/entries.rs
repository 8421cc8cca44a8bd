//! A glossary's entries, in load order: held as they were read, or read back from the cache
//! of compiled glossaries one at a time, when first asked for.
//!
//! A run that annotates needs only the entries its documents name, and from the cache the
//! search needs none: decoding every entry up front (60,000 strings for the built-in glossary,
//! a million for CC-CEDICT) was half of start-up's instructions and most of its memory.

use std::fmt;
use std::ops::{Index, Range};
use std::sync::{Arc, OnceLock};

use super::Entry;

/// Where entries not yet decoded are read from (`matcher::cache`).
pub trait EntrySource: Send + Sync {
    /// How many entries there are.
    fn count(&self) -> usize;
    /// The entry at `index` (below [`EntrySource::count`]). A source is checked when it is made,
    /// so that every entry decodes.
    fn entry(&self, index: usize) -> Entry;
}

/// A glossary's entries.
#[derive(Clone, Default)]
pub struct Entries(Store);

#[derive(Clone)]
enum Store {
    Held(Vec<Entry>),
    /// Shared by the clones, which then decode each entry once between them.
    Stored(Arc<Stored>),
}

impl Default for Store {
    fn default() -> Store {
        Store::Held(Vec::new())
    }
}

struct Stored {
    decoded: Box<[OnceLock<Box<Entry>>]>,
    source: Box<dyn EntrySource>,
}

impl Entries {
    /// Entries decoded from `source` when first asked for.
    pub fn stored(source: Box<dyn EntrySource>) -> Entries {
        let decoded = (0..source.count()).map(|_| OnceLock::new()).collect();
        Entries(Store::Stored(Arc::new(Stored { decoded, source })))
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        match &self.0 {
            Store::Held(v) => v.len(),
            Store::Stored(s) => s.decoded.len(),
        }
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The entry at `index`, if there is one.
    pub fn get(&self, index: usize) -> Option<&Entry> {
        match &self.0 {
            Store::Held(v) => v.get(index),
            Store::Stored(s) => {
                let slot = s.decoded.get(index)?;
                Some(slot.get_or_init(|| Box::new(s.source.entry(index))))
            }
        }
    }

    /// The entries in order.
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            entries: self,
            range: 0..self.len(),
        }
    }

    /// How many entries have been decoded (all of them when held).
    #[cfg(test)]
    pub(crate) fn decoded(&self) -> usize {
        match &self.0 {
            Store::Held(v) => v.len(),
            Store::Stored(s) => s.decoded.iter().filter(|e| e.get().is_some()).count(),
        }
    }

    /// The entries, owned.
    pub fn into_vec(self) -> Vec<Entry> {
        match self.0 {
            Store::Held(v) => v,
            Store::Stored(_) => self.iter().cloned().collect(),
        }
    }
}

impl From<Vec<Entry>> for Entries {
    fn from(entries: Vec<Entry>) -> Entries {
        Entries(Store::Held(entries))
    }
}

impl Index<usize> for Entries {
    type Output = Entry;

    fn index(&self, index: usize) -> &Entry {
        match self.get(index) {
            Some(e) => e,
            None => panic!("entry {index} of {}", self.len()),
        }
    }
}

impl PartialEq for Entries {
    fn eq(&self, other: &Entries) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl fmt::Debug for Entries {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// The entries in order ([`Entries::iter`]).
#[derive(Clone)]
pub struct Iter<'a> {
    entries: &'a Entries,
    range: Range<usize>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = &'a Entry;

    fn next(&mut self) -> Option<&'a Entry> {
        let i = self.range.next()?;
        self.entries.get(i)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.range.size_hint()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let i = self.range.next_back()?;
        self.entries.get(i)
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a Entries {
    type Item = &'a Entry;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Entries named by number, counting how many were decoded.
    struct Numbered {
        n: usize,
        decoded: Arc<AtomicUsize>,
    }

    impl EntrySource for Numbered {
        fn count(&self) -> usize {
            self.n
        }
        fn entry(&self, index: usize) -> Entry {
            self.decoded.fetch_add(1, Ordering::Relaxed);
            Entry {
                id: format!("e{index}"),
                ..Default::default()
            }
        }
    }

    fn numbered(n: usize) -> (Entries, Arc<AtomicUsize>) {
        let decoded = Arc::new(AtomicUsize::new(0));
        let source = Numbered {
            n,
            decoded: decoded.clone(),
        };
        (Entries::stored(Box::new(source)), decoded)
    }

    /// Only the entries asked for are decoded, each once, however often and by however many
    /// clones they are asked for.
    #[test]
    fn stored_entries_are_decoded_once_when_first_asked_for() {
        let (entries, decoded) = numbered(1000);
        assert_eq!(entries.len(), 1000);
        assert_eq!(decoded.load(Ordering::Relaxed), 0);
        assert_eq!(entries[7].id, "e7");
        let copy = entries.clone();
        assert_eq!(copy[7].id, "e7");
        assert_eq!(entries.get(999).map(|e| e.id.as_str()), Some("e999"));
        assert!(entries.get(1000).is_none());
        assert_eq!(decoded.load(Ordering::Relaxed), 2);
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| assert_eq!(entries[500].id, "e500"));
            }
        });
        assert_eq!(decoded.load(Ordering::Relaxed), 3);
    }

    /// Stored entries read as the same entries held would: in order, from either end, equal.
    #[test]
    fn stored_entries_read_as_held_ones() {
        let (stored, _) = numbered(5);
        let held: Entries = stored.clone().into_vec().into();
        assert_eq!(stored, held);
        let ids: Vec<&str> = stored.iter().rev().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["e4", "e3", "e2", "e1", "e0"]);
        assert_eq!(stored.iter().len(), 5);
        assert_ne!(stored, Entries::from(Vec::new()));
        assert!(Entries::default().is_empty());
    }
}
