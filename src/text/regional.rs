//! Words that Taiwan's usage (and often Hong Kong's) writes differently from the mainland's,
//! not only in other characters: 網路 for 网络, 品質 for 质量, 數位 for 数字. Taiwanese and
//! overseas media reporting the mainland's slogans often put them in their own words
//! (網路強國, 高品質發展, 航太強國), which folding traditional characters to simplified ones
//! cannot reach.
//!
//! A Chinese form holding a mainland word also gets a generated key with the regional word,
//! in folded (simplified) characters, as text folds to. The generated key gives way to any
//! form written out. The text is never folded by this table: traditional characters do not
//! mean Taiwanese words (Hong Kong media quote mainland releases in traditional characters,
//! and there 政治品質 is the mainland's 政治品质, "political character", not 质量).

use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::OnceLock;

/// (mainland word, the regional word as it folds), longest first where one holds another.
const WORDS: &[(&str, &str)] = &[
    ("人工智能", "人工智慧"),
    ("互联网", "网际网路"),
    ("网络", "网路"),
    ("质量", "品质"),
    ("信息", "资讯"),
    ("数字", "数位"),
    ("软件", "软体"),
    ("硬件", "硬体"),
    ("航天", "航太"),
    ("芯片", "晶片"),
    ("视频", "视讯"),
];

/// The mainland words of `WORDS` in one automaton: a key is read once, not once a word
/// (CC-CEDICT's quarter of a million keys asked eleven `contains` each took 0.4 G
/// instructions of its first build). Leftmost-longest reads 互联网络 as 互联网 + 络, as
/// replacing the words one after another in `WORDS`' order did.
fn mainland() -> &'static AhoCorasick {
    static AUTOMATON: OnceLock<AhoCorasick> = OnceLock::new();
    AUTOMATON.get_or_init(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(WORDS.iter().map(|(mainland, _)| mainland))
            .expect("eleven short words build")
    })
}

/// The folded key `key` with every mainland word of `WORDS` in its regional wording, when
/// it holds one.
pub fn regional_key(key: &str) -> Option<String> {
    let automaton = mainland();
    automaton.is_match(key).then(|| {
        let mut out = String::with_capacity(key.len() + 6);
        automaton.replace_all_with(key, &mut out, |found, _, out| {
            out.push_str(WORDS[found.pattern().as_usize()].1);
            true
        });
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regional_wordings_of_a_key() {
        assert_eq!(regional_key("网络强国").as_deref(), Some("网路强国"));
        assert_eq!(regional_key("高质量发展").as_deref(), Some("高品质发展"));
        assert_eq!(
            regional_key("国家互联网信息办公室").as_deref(),
            Some("国家网际网路资讯办公室")
        );
        assert_eq!(regional_key("全面从严治党"), None);
    }

    /// The words replaced one after another, in `WORDS`' order: what the automaton's one
    /// pass must agree with.
    fn one_after_another(key: &str) -> Option<String> {
        let mut out: Option<String> = None;
        for (mainland, regional) in WORDS {
            let current = out.as_deref().unwrap_or(key);
            if current.contains(mainland) {
                out = Some(current.replace(mainland, regional));
            }
        }
        out
    }

    #[test]
    fn one_pass_agrees_with_replacing_word_by_word() {
        // Every sequence of up to three pieces drawn from the words, their halves (互联 and
        // 网络 overlap in 互联网络) and characters of no word.
        let mut pieces: Vec<String> = vec!["强".into(), "国".into(), "联".into()];
        for (mainland, regional) in WORDS {
            pieces.push(mainland.to_string());
            pieces.push(regional.to_string());
            let chars: Vec<char> = mainland.chars().collect();
            pieces.push(chars[..chars.len() / 2].iter().collect());
            pieces.push(chars[chars.len() / 2..].iter().collect());
        }
        for a in &pieces {
            for b in &pieces {
                for c in &pieces {
                    let key = format!("{a}{b}{c}");
                    assert_eq!(regional_key(&key), one_after_another(&key), "{key}");
                }
            }
        }
        assert!(regional_key("互联网络").is_some());
    }
}
