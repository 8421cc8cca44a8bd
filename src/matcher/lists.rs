//! Chinese lists whose items share a head or a tail: 二十届二中、三中全会 names 二十届二中全会
//! and 二十届三中全会, 十九届四中、五中全会 names 十九届四中全会 and 十九届五中全会. Each item
//! becomes a span of the entry its full name (head, item, tail) is a key of; the first item's
//! span takes in the head, the last item's the tail (the text has them only there).
//!
//! A list is found from its last item: a match that starts right after a list mark `、`, made
//! of the item and the shared tail (三中全会). The items before it are the runs of as many Han
//! characters between marks; the head, up to [`HEAD`] Han characters right before the first
//! item, is shared only as far as a key needs it (each item takes the longest part of it that
//! makes a key). Another item than the last must name a key with the tail alone, so that the
//! list really shares it; items are two or three characters, the tail two or more.

use crate::text::chinese::is_han;

/// The most Han characters of a shared head (党的十九届, 二十届中央).
const HEAD: usize = 6;

/// The most items of one list.
const ITEMS: usize = 12;

/// The fewest and most Han characters of an item (二中, 十四五), and the fewest of a shared
/// tail (全会). An item of one character is too often the end of the word before the mark
/// (扎扎实实、实事求是 is no list of 实 and 实事求是; nor 吴邦国、国务委员).
const ITEM: (usize, usize) = (2, 3);
const TAIL: usize = 2;

/// A list's items named as keys: where the list runs in folded text (from the first item's
/// span to the last's), and a span (start, end, pattern) per item that names a key.
pub(super) struct SharedList {
    pub start: usize,
    pub end: usize,
    pub spans: Vec<(usize, usize, usize)>,
}

/// The list that ends with `last`, a match (start, end) right after a list mark, when its
/// items share a head or tail that makes keys of them; `key(s)` gives the pattern of the key
/// `s`, if it is one.
pub(super) fn shared_list(
    folded: &str,
    last: (usize, usize),
    key: impl Fn(&str) -> Option<usize>,
) -> Option<SharedList> {
    const MARK: &str = "、";
    let (m_start, m_end) = last;
    let before_mark = folded[..m_start].strip_suffix(MARK)?;
    let han = |s: &str| !s.is_empty() && s.chars().all(is_han);
    let matched = &folded[m_start..m_end];
    // Most matches after a mark start no shared list: no Han character before the mark, or
    // too short a match for an item and a tail.
    if !before_mark.chars().next_back().is_some_and(is_han) || !han(matched) {
        return None;
    }
    let n_chars = matched.chars().count();
    // One buffer for the keys looked up.
    let mut buf = String::new();
    let mut is_key = |parts: &[&str]| {
        buf.clear();
        parts.iter().for_each(|p| buf.push_str(p));
        key(&buf)
    };
    let mut items: Vec<(usize, usize)> = Vec::new();
    // Each length the last item may have (two or three characters, with a tail of two or
    // more), shortest tail first: the item and its tail.
    for len in (ITEM.0..=ITEM.1.min(n_chars.saturating_sub(TAIL))).rev() {
        let split = matched
            .char_indices()
            .nth(len)
            .map_or(matched.len(), |c| c.0);
        let tail = &matched[split..];
        // The items, last first: runs of `len` Han characters between marks.
        items.clear();
        items.push((m_start, m_start + split));
        let mut at = m_start - MARK.len();
        while items.len() < ITEMS {
            let Some((start, _)) = folded[..at].char_indices().rev().nth(len - 1) else {
                break;
            };
            if !han(&folded[start..at]) {
                break;
            }
            items.push((start, at));
            match folded[..start].strip_suffix(MARK) {
                Some(rest) => at = rest.len(),
                None => break,
            }
        }
        // The last item with the tail is the match, a key: one more must be one. A list
        // names each item once: an item repeated (不放过、不放过不凑数) is no list.
        let others = items[1..]
            .iter()
            .filter(|&&(s, e)| is_key(&[&folded[s..e], tail]).is_some())
            .count();
        let name = |&(s, e): &(usize, usize)| &folded[s..e];
        let repeated = (1..items.len()).any(|i| {
            items[..i]
                .iter()
                .any(|earlier| name(earlier) == name(&items[i]))
        });
        if others == 0 || repeated {
            continue;
        }
        items.reverse();
        let first = items[0].0;
        // The head: Han characters right before the first item, nearest first.
        let head_starts: Vec<usize> = folded[..first]
            .char_indices()
            .rev()
            .take(HEAD)
            .take_while(|&(_, c)| is_han(c))
            .map(|(i, _)| i)
            .collect();
        // Each item's key, with the longest part of the head that makes one.
        let n = items.len();
        let mut spans = Vec::new();
        for (i, &(s, e)) in items.iter().enumerate() {
            let item = &folded[s..e];
            let heads = head_starts.iter().rev().map(|&h| &folded[h..first]);
            let named = heads
                .chain(std::iter::once(""))
                .find_map(|head| Some((is_key(&[head, item, tail])?, head.len())));
            if let Some((p, head)) = named {
                let s = if i == 0 { s - head } else { s };
                let e = if i == n - 1 { m_end } else { e };
                spans.push((s, e, p));
            }
        }
        return Some(SharedList {
            start: spans.first().map_or(first, |s| s.0.min(first)),
            end: m_end,
            spans,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str, last: &str, keys: &[&str]) -> Vec<(String, String)> {
        let start = text.rfind(last).unwrap();
        let found = shared_list(text, (start, start + last.len()), |s| {
            keys.iter().position(|k| *k == s)
        });
        found
            .map(|l| {
                l.spans
                    .iter()
                    .map(|&(s, e, p)| (text[s..e].to_string(), keys[p].to_string()))
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn items_share_the_head_and_tail_their_keys_need() {
        let all = [
            "二十届二中全会",
            "二十届三中全会",
            "三中全会",
            "二中全会",
            "四中全会",
        ];
        assert_eq!(
            keys("贯彻党的二十大和二十届二中、三中全会精神", "三中全会", &all),
            [
                ("二十届二中".into(), "二十届二中全会".into()),
                ("三中全会".into(), "二十届三中全会".into())
            ]
        );
        // Without the numbered keys, the items take the unnumbered ones.
        assert_eq!(
            keys("十九届二中、三中、四中全会", "四中全会", &all[2..]),
            [
                ("二中".into(), "二中全会".into()),
                ("三中".into(), "三中全会".into()),
                ("四中全会".into(), "四中全会".into())
            ]
        );
        // One item naming a key is no shared list; nor is a match with no mark before it, an
        // item of one character (the end of the word before the mark) or an item repeated.
        assert!(keys("扎扎实实、实事求是", "实事求是", &["实事求是"]).is_empty());
        assert!(keys("吴邦国、国务委员", "国务委员", &["国务委员"]).is_empty());
        assert!(keys("甲乙、三中全会", "三中全会", &all).is_empty());
        assert!(keys("三中、三中全会", "三中全会", &all).is_empty());
        assert!(keys("二中和三中全会", "三中全会", &all).is_empty());
    }
}
