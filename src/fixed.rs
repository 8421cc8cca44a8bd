//! Large tables kept in serde as one run of fixed-width little-endian records (the cache of
//! compiled glossaries, `matcher::cache`).
//!
//! Serde writes a list or a map element by element, and postcard each number as a varint
//! (ten bytes for a 64-bit key with its top bits set): reading back the phrase set's maps,
//! hundreds of thousands of entries for CC-CEDICT, cost a varint loop and a serde call per
//! number. Records of fixed width are read by slicing, and a map is filled at its full size.
//! A table whose length is no whole number of records, or a record that does not decode,
//! fails to deserialize (the cache reads that as a miss).

use std::hash::Hash;

use rustc_hash::FxHashMap;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serializer};

/// A value of a fixed number of bytes.
pub(crate) trait Fixed: Sized {
    const LEN: usize;
    /// Appends exactly `LEN` bytes.
    fn put(&self, out: &mut Vec<u8>);
    /// The value of `LEN` bytes, if they are one.
    fn get(b: &[u8]) -> Option<Self>;
}

/// Unsigned integers, little-endian.
macro_rules! fixed_int {
    ($($t:ty),*) => {$(
        impl Fixed for $t {
            const LEN: usize = std::mem::size_of::<$t>();
            fn put(&self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
            fn get(b: &[u8]) -> Option<$t> {
                Some(<$t>::from_le_bytes(b.try_into().ok()?))
            }
        }
    )*};
}

fixed_int!(u32, u64, u128);

/// As 64 bits; a value beyond this machine's `usize` does not decode.
impl Fixed for usize {
    const LEN: usize = 8;
    fn put(&self, out: &mut Vec<u8>) {
        (*self as u64).put(out);
    }
    fn get(b: &[u8]) -> Option<usize> {
        usize::try_from(u64::get(b)?).ok()
    }
}

impl Fixed for bool {
    const LEN: usize = 1;
    fn put(&self, out: &mut Vec<u8>) {
        out.push(*self as u8);
    }
    fn get(b: &[u8]) -> Option<bool> {
        match b {
            [0] => Some(false),
            [1] => Some(true),
            _ => None,
        }
    }
}

/// Two values, one record (a map's key and value; a key's length and its value).
struct Pair<A, B>(A, B);

impl<A: Fixed, B: Fixed> Fixed for Pair<A, B> {
    const LEN: usize = A::LEN + B::LEN;
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
        self.1.put(out);
    }
    fn get(b: &[u8]) -> Option<Self> {
        let (x, y) = b.split_at_checked(A::LEN)?;
        Some(Pair(A::get(x)?, B::get(y)?))
    }
}

/// The records of `table`, each decoded; an error when they do not all decode.
fn records<'a, T: Fixed, E: serde::de::Error>(
    table: &'a [u8],
) -> Result<impl Iterator<Item = Result<T, E>> + 'a, E> {
    if !table.len().is_multiple_of(T::LEN) {
        return Err(E::custom(
            "a table of fixed-width records has a partial record",
        ));
    }
    Ok(table
        .chunks_exact(T::LEN)
        .map(|b| T::get(b).ok_or_else(|| E::custom("a record does not decode"))))
}

/// A list as one run of records: `#[serde(with = "crate::fixed::list")]`.
pub(crate) mod list {
    use super::*;

    pub(crate) fn serialize<S: Serializer, T: Fixed>(v: &[T], s: S) -> Result<S::Ok, S::Error> {
        let mut out = Vec::with_capacity(v.len() * T::LEN);
        for x in v {
            x.put(&mut out);
        }
        s.serialize_bytes(&out)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>, T: Fixed>(
        d: D,
    ) -> Result<Vec<T>, D::Error> {
        let table: &'de [u8] = Deserialize::deserialize(d)?;
        records(table)?.collect()
    }
}

/// A map as one run of key-value records: `#[serde(with = "crate::fixed::map")]`.
pub(crate) mod map {
    use super::*;

    pub(crate) fn serialize<S: Serializer, K: Fixed + Copy, V: Fixed + Copy>(
        m: &FxHashMap<K, V>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        let mut out = Vec::with_capacity(m.len() * (K::LEN + V::LEN));
        for (k, v) in m {
            Pair(*k, *v).put(&mut out);
        }
        s.serialize_bytes(&out)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>, K: Fixed + Hash + Eq, V: Fixed>(
        d: D,
    ) -> Result<FxHashMap<K, V>, D::Error> {
        let table: &'de [u8] = Deserialize::deserialize(d)?;
        // Filled at its full size at once: grown from empty it is rehashed over and over.
        let mut m = FxHashMap::with_capacity_and_hasher(
            table.len() / (K::LEN + V::LEN),
            Default::default(),
        );
        for pair in records::<Pair<K, V>, D::Error>(table)? {
            let Pair(k, v) = pair?;
            if m.insert(k, v).is_some() {
                return Err(D::Error::custom("a key twice in a map"));
            }
        }
        Ok(m)
    }
}

/// A map with string keys: the keys as one text, then one record for each of the length of
/// its key and its value. `#[serde(with = "crate::fixed::text_map")]`.
pub(crate) mod text_map {
    use super::*;

    pub(crate) fn serialize<S: Serializer, V: Fixed + Copy>(
        m: &FxHashMap<Box<str>, V>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        let mut text = String::new();
        let mut table = Vec::with_capacity(m.len() * (4 + V::LEN));
        for (k, v) in m {
            text.push_str(k);
            let len = u32::try_from(k.len()).map_err(serde::ser::Error::custom)?;
            Pair(len, *v).put(&mut table);
        }
        serde::Serialize::serialize(&(text, serde_bytes::Bytes::new(&table)), s)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>, V: Fixed>(
        d: D,
    ) -> Result<FxHashMap<Box<str>, V>, D::Error> {
        let (text, table): (&'de str, &'de [u8]) = Deserialize::deserialize(d)?;
        let mut m =
            FxHashMap::with_capacity_and_hasher(table.len() / (4 + V::LEN), Default::default());
        let mut at = 0usize;
        for record in records::<Pair<u32, V>, D::Error>(table)? {
            let Pair(len, v) = record?;
            let end = at.checked_add(len as usize);
            let Some(key) = end.and_then(|end| text.get(at..end)) else {
                return Err(D::Error::custom("a record does not decode"));
            };
            at += key.len();
            if m.insert(Box::from(key), v).is_some() {
                return Err(D::Error::custom("a key twice in a map"));
            }
        }
        if at != text.len() {
            return Err(D::Error::custom("the keys' text is not all keys"));
        }
        Ok(m)
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    use super::*;

    /// A record with a tag that may not decode (the tables below test that).
    impl Fixed for Option<u32> {
        const LEN: usize = 5;
        fn put(&self, out: &mut Vec<u8>) {
            out.push(self.is_some() as u8);
            self.unwrap_or(0).put(out);
        }
        fn get(b: &[u8]) -> Option<Option<u32>> {
            let (tag, value) = b.split_first()?;
            match tag {
                0 => Some(None),
                1 => Some(Some(u32::get(value)?)),
                _ => None,
            }
        }
    }

    #[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
    struct Tables {
        #[serde(with = "list")]
        accept: Vec<Option<u32>>,
        #[serde(with = "list")]
        inner: Vec<bool>,
        #[serde(with = "map")]
        edges: FxHashMap<u64, u32>,
        #[serde(with = "text_map")]
        words: FxHashMap<Box<str>, u32>,
    }

    fn tables() -> Tables {
        Tables {
            accept: vec![None, Some(0), Some(u32::MAX), None],
            inner: vec![true, false, true],
            edges: [(u64::MAX, 7), (0, 0), (1 << 56 | 0x0065_7461_7473, 9)]
                .into_iter()
                .collect(),
            words: [
                (Box::from("statement"), 1),
                (Box::from("保护伞"), 2),
                (Box::from(""), 3),
            ]
            .into_iter()
            .collect(),
        }
    }

    #[test]
    fn tables_come_back_whole() {
        let t = tables();
        let bytes = postcard::to_allocvec(&t).unwrap();
        assert_eq!(postcard::from_bytes::<Tables>(&bytes).unwrap(), t);
        let empty = postcard::to_allocvec(&Tables::default()).unwrap();
        assert_eq!(
            postcard::from_bytes::<Tables>(&empty).unwrap(),
            Tables::default()
        );
    }

    /// A record that does not decode, a partial record, a key twice or a key cut inside a
    /// character is an error, never a panic.
    #[test]
    fn bad_tables_are_errors() {
        let t = tables();
        let bytes = postcard::to_allocvec(&t).unwrap();
        // Layout: accept (length byte, 4 records of 5), inner (length byte, 3 of 1), ...
        let accept_tag = 1;
        let inner = 1 + 20 + 1;
        let mut bad = bytes.clone();
        bad[accept_tag] = 2;
        assert!(postcard::from_bytes::<Tables>(&bad).is_err(), "tag");
        let mut bad = bytes.clone();
        bad[inner] = 2;
        assert!(postcard::from_bytes::<Tables>(&bad).is_err(), "bool");
        // The accept list one byte short: the partial record.
        let mut bad = bytes.clone();
        bad[0] = 19;
        bad.remove(20);
        assert!(postcard::from_bytes::<Tables>(&bad).is_err(), "partial");
        let twice = Tables {
            edges: [(5, 1)].into_iter().collect(),
            ..Default::default()
        };
        let mut bad = postcard::to_allocvec(&twice).unwrap();
        // The map's one record written twice (its length byte doubled).
        let at = bad.len() - 2 - 12;
        let record = bad[at..at + 12].to_vec();
        bad[at - 1] = 24;
        bad.splice(at..at, record);
        assert!(postcard::from_bytes::<Tables>(&bad).is_err(), "twice");
        let cut = Tables {
            words: [(Box::from("保"), 1)].into_iter().collect(),
            ..Default::default()
        };
        let mut bad = postcard::to_allocvec(&cut).unwrap();
        // The key's length record: 3 -> 1, inside 保.
        let len_at = bad.len() - 8;
        bad[len_at] = 1;
        assert!(postcard::from_bytes::<Tables>(&bad).is_err(), "cut");
        for n in 0..bytes.len() {
            let _ = postcard::from_bytes::<Tables>(&bytes[..n]);
        }
    }
}
