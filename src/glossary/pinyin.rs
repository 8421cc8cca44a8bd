//! Pinyin with tone numbers (`bao3 hu4 san3`, CC-CEDICT's `[[bao3hu4san3]]`) to Hanyu Pinyin
//! with tone marks (`bǎo hù sǎn`).
//!
//! The mark goes on `a` or `e` when there is one, on the `o` of `ou`, else on the last vowel;
//! `u:` and `v` are `ü`; tone 5 (neutral) and a missing number leave the syllable unmarked.

/// Converts a whole pinyin string. Syllables are separated by spaces; within a token, each
/// tone digit ends a syllable, so `bao3hu4san3` becomes three syllables.
pub fn numbers_to_marks(pinyin: &str) -> String {
    let mut syllables = Vec::new();
    for token in pinyin.split_whitespace() {
        let mut cur = String::new();
        for c in token.chars() {
            cur.push(c);
            if ('1'..='5').contains(&c) {
                syllables.push(syllable(&cur));
                cur.clear();
            }
        }
        if !cur.is_empty() {
            syllables.push(syllable(&cur));
        }
    }
    syllables.join(" ")
}

/// Converts one syllable such as `lu:4`, `nv3`, `ma5` or `Xi1`.
pub fn syllable(s: &str) -> String {
    let (body, tone) = match s.chars().last() {
        Some(d @ '1'..='5') => (&s[..s.len() - 1], d as u8 - b'0'),
        _ => (s, 5),
    };
    let body = body.replace("u:", "ü").replace("U:", "Ü");
    let mut chars: Vec<char> = body
        .chars()
        .map(|c| match c {
            'v' => 'ü',
            'V' => 'Ü',
            c => c,
        })
        .collect();
    if tone == 5 {
        return chars.into_iter().collect();
    }
    let lower: Vec<char> = chars
        .iter()
        .map(|c| c.to_lowercase().next().unwrap_or(*c))
        .collect();
    let is_vowel = |c: char| "aeiouü".contains(c);
    let target = lower
        .iter()
        .position(|&c| c == 'a' || c == 'e')
        .or_else(|| lower.windows(2).position(|w| w == ['o', 'u']))
        .or_else(|| lower.iter().rposition(|&c| is_vowel(c)));
    if let Some(i) = target {
        chars[i] = mark(chars[i], tone);
    }
    chars.into_iter().collect()
}

fn mark(c: char, tone: u8) -> char {
    const TABLE: [(char, [char; 4]); 12] = [
        ('a', ['ā', 'á', 'ǎ', 'à']),
        ('e', ['ē', 'é', 'ě', 'è']),
        ('i', ['ī', 'í', 'ǐ', 'ì']),
        ('o', ['ō', 'ó', 'ǒ', 'ò']),
        ('u', ['ū', 'ú', 'ǔ', 'ù']),
        ('ü', ['ǖ', 'ǘ', 'ǚ', 'ǜ']),
        ('A', ['Ā', 'Á', 'Ǎ', 'À']),
        ('E', ['Ē', 'É', 'Ě', 'È']),
        ('I', ['Ī', 'Í', 'Ǐ', 'Ì']),
        ('O', ['Ō', 'Ó', 'Ǒ', 'Ò']),
        ('U', ['Ū', 'Ú', 'Ǔ', 'Ù']),
        ('Ü', ['Ǖ', 'Ǘ', 'Ǚ', 'Ǜ']),
    ];
    TABLE
        .iter()
        .find(|(b, _)| *b == c)
        .map_or(c, |(_, m)| m[(tone - 1) as usize])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tone_marks() {
        let cases = [
            ("bao3 hu4 san3", "bǎo hù sǎn"),
            ("bao3hu4san3", "bǎo hù sǎn"),
            ("guan1 xi5 wang3", "guān xi wǎng"),
            ("lu:4 se4", "lǜ sè"),
            ("nv3 er2", "nǚ ér"),
            ("lu:e4", "lüè"),
            ("zhou1 shou3", "zhōu shǒu"),
            ("gui4 liu2", "guì liú"),
            ("Xi1 An1", "Xī Ān"),
            ("er4", "èr"),
            ("r5", "r"),
            ("m2", "m"),
            ("xiong2", "xióng"),
            ("dui4", "duì"),
            ("A A zhi4", "A A zhì"),
            ("Lu:3", "Lǚ"),
        ];
        for (input, want) in cases {
            assert_eq!(numbers_to_marks(input), want, "{input}");
        }
    }
}
