//! The folded Chinese keys of a compiled glossary and their patterns, kept in one buffer.
//!
//! CC-CEDICT has about 300,000 keys: a `String` each cost an allocation apiece to build and
//! to read back from the cache of compiled glossaries, and a page of memory every dozen keys.
//! The keys build the leftmost-longest automaton, and the overlapping one on first use.

use serde::{Deserialize, Serialize};

/// Keys in insertion order, each with its pattern id.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct HanKeys {
    /// Every key, one after another.
    text: String,
    /// Where each key ends in `text` (it starts where the one before ends).
    #[serde(with = "crate::fixed::list")]
    ends: Vec<usize>,
    /// Each key's pattern.
    #[serde(with = "crate::fixed::list")]
    patterns: Vec<u32>,
}

impl HanKeys {
    pub(crate) fn with_capacity(keys: usize) -> HanKeys {
        HanKeys {
            text: String::new(),
            ends: Vec::with_capacity(keys),
            patterns: Vec::with_capacity(keys),
        }
    }

    pub(crate) fn push(&mut self, key: &str, pattern: u32) {
        self.text.push_str(key);
        self.ends.push(self.text.len());
        self.patterns.push(pattern);
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The `i`th key and its pattern.
    pub(crate) fn get(&self, i: usize) -> Option<(&str, u32)> {
        let start = match i {
            0 => 0,
            _ => *self.ends.get(i - 1)?,
        };
        let end = *self.ends.get(i)?;
        Some((self.text.get(start..end)?, *self.patterns.get(i)?))
    }

    /// The keys and their patterns, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, u32)> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(&self.ends)
            .zip(&self.patterns)
            .map(|((start, &end), &p)| (self.text.get(start..end).unwrap_or_default(), p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_come_back_in_order_with_their_patterns() {
        let mut keys = HanKeys::with_capacity(3);
        for (k, p) in [("保护伞", 4), ("打", 0), ("扫黑除恶", 9)] {
            keys.push(k, p);
        }
        let back: Vec<(&str, u32)> = keys.iter().collect();
        assert_eq!(back, [("保护伞", 4), ("打", 0), ("扫黑除恶", 9)]);
        assert_eq!(keys.get(2), Some(("扫黑除恶", 9)));
        assert_eq!(keys.get(3), None);
    }

    #[test]
    fn ends_that_cut_a_character_give_empty_keys_not_a_panic() {
        let keys = HanKeys {
            text: "保护".into(),
            ends: vec![1, 9],
            patterns: vec![1, 2],
        };
        assert_eq!(keys.iter().collect::<Vec<_>>(), [("", 1), ("", 2)]);
    }
}
