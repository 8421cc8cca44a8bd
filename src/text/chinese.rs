//! Facts about Chinese characters the normalizer needs: which characters are Han, and the
//! simplified form of a traditional character.
//!
//! The traditional → simplified table comes from the `fast2s` crate (MIT). `fast2s` converts
//! whole strings with a few two-character context rules; matching wants a plain
//! character-to-character function that keeps byte lengths, so the table is read out of the
//! crate once, on first use, into a dense array over the block where all its keys lie.

use std::sync::OnceLock;

const TABLE_START: u32 = 0x4E00;
const TABLE_END: u32 = 0x9FFF;

/// Is `c` a Han ideograph (CJK Unified Ideographs, extensions, compatibility ideographs)?
#[inline]
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x30000..=0x323AF)
}

/// Is `c` in a script written without spaces between words (Han, kana, Hangul), so that a
/// Latin-script term directly beside it still starts or ends on a word boundary?
#[inline]
pub fn is_cjk(c: char) -> bool {
    is_han(c)
        || matches!(c as u32,
            0x3040..=0x30FF | 0x31F0..=0x31FF | 0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F)
}

/// The simplified form of a traditional character; any other character unchanged.
#[inline]
pub fn to_simplified(c: char) -> char {
    let u = c as u32;
    if !(TABLE_START..=TABLE_END).contains(&u) {
        return c;
    }
    table()[(u - TABLE_START) as usize]
}

/// `to_simplified` for a code point known to lie in U+4E00–U+9FFF (the normalizer's fast
/// path): one table lookup, no range check on the character.
#[inline]
pub fn simplified_in_block(u: u32) -> char {
    table()[(u - TABLE_START) as usize]
}

/// Does `s` contain a character that `to_simplified` changes?
pub fn has_traditional(s: &str) -> bool {
    s.chars().any(|c| to_simplified(c) != c)
}

/// Variant forms `fast2s` leaves alone, found by folding every traditional form of the
/// glossary (its `zh_hant` column, and OpenCC's s2t/s2tw/s2hk renderings of every `zh` and
/// `zh_alt`): 害羣之馬, 回覆. Folding is applied to text and forms alike, so mapping a
/// character that is also simplified (覆 "cover") only merges spellings, never loses a match.
const EXTRA: &[(char, char)] = &[
    ('羣', '群'),
    ('峯', '峰'),
    ('敎', '教'),
    ('鬪', '斗'),
    ('覆', '复'),
];

fn table() -> &'static [char] {
    static TABLE: OnceLock<Box<[char]>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut buf = String::with_capacity(4);
        let mut table: Box<[char]> = (TABLE_START..=TABLE_END)
            .map(|u| {
                let c = char::from_u32(u).expect("the CJK block has no surrogates");
                buf.clear();
                buf.push(c);
                let converted = fast2s::convert(&buf);
                let mut out = converted.chars();
                match (out.next(), out.next()) {
                    // Keep only one-to-one conversions that stay a 3-byte character, so the
                    // normalizer can map offsets linearly.
                    (Some(s), None) if s.len_utf8() == 3 => s,
                    _ => c,
                }
            })
            .collect();
        for &(t, s) in EXTRA {
            table[(t as u32 - TABLE_START) as usize] = s;
        }
        table
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_traditional_and_keeps_simplified() {
        for (t, s) in [
            ('護', '护'),
            ('傘', '伞'),
            ('惡', '恶'),
            ('財', '财'),
            ('斷', '断'),
        ] {
            assert_eq!(to_simplified(t), s, "{t}");
            assert_eq!(to_simplified(s), s, "{s}");
        }
        assert_eq!(to_simplified('a'), 'a');
        assert!(has_traditional("保護傘"));
        assert!(!has_traditional("保护伞"));
    }

    #[test]
    fn han_and_cjk() {
        assert!(is_han('伞') && is_han('𠀀'));
        assert!(!is_han('a') && !is_han('、'));
        assert!(is_cjk('カ') && is_cjk('한'));
    }
}
