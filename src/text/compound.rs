//! Compounds written closed or hyphenated: official English writes "grassroots" and
//! "grass-roots", "anti-corruption" and "anticorruption", "policymaking" and
//! "policy-making" for the same word. A hyphen already equals a space in matching, so a
//! form covers "grass roots" when it writes "grass-roots"; this module gives a form the
//! other spelling of each such compound, as a generated wording of the same form.
//!
//! Only compounds whose two spellings are both in use are alternated: a prefix that English
//! joins either way (`anti`, `non`, `counter` …) or a second part that it does (`roots`,
//! `making` …). Any other hyphenated pair (`law-based`, `eight-point`) is left alone.

/// Prefixes written with or without a hyphen. A closed word is split after one only when
/// at least four letters follow (`nonpublic`, not `nonce`); `re`, `de`, `co`, `pre` and
/// `sub` are not split (`reform`, `develop`, `cooperation`, `present` are words of their
/// own), only joined where a form writes them hyphenated (`re-education`).
const PREFIXES: &[(&str, bool)] = &[
    ("anti", true),
    ("non", true),
    ("counter", true),
    ("intra", true),
    ("inter", true),
    ("multi", true),
    ("socio", true),
    ("semi", true),
    ("post", true),
    ("re", false),
    ("de", false),
    ("co", false),
    ("pre", false),
    ("sub", false),
];

/// Second parts written with or without a hyphen (`grass-roots`, `policymaking`,
/// `peacekeeping`, `fundraising`, `nationwide`, `lifelong`). A closed word is split before
/// one only when at least four letters come before it.
const SECOND_PARTS: &[&str] = &[
    "roots", "making", "maker", "makers", "keeping", "keeper", "keepers", "raising", "wide",
    "long", "blowing", "blower", "blowers",
];

/// The other spellings of `form` (as written): each compound it writes hyphenated written
/// closed, each closed one hyphenated, one at a time and, when there are several, all at
/// once. Empty when it has none.
pub fn other_spellings(form: &str) -> Vec<String> {
    // Each alternation: the byte range of the compound in `form` and its other spelling.
    let mut changes: Vec<(usize, usize, String)> = Vec::new();
    let b = form.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphabetic() || (i > 0 && b[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let end = word_end(b, i);
        let word = &form[i..end];
        if b.get(end) == Some(&b'-') && b.get(end + 1).is_some_and(u8::is_ascii_alphabetic) {
            let second_end = word_end(b, end + 1);
            let second = &form[end + 1..second_end];
            // Not part of a longer chain (`people-to-people`).
            let chain = b.get(second_end) == Some(&b'-') || (i > 0 && b[i - 1] == b'-');
            if !chain && (is_prefix(word) || second_part(second)) {
                changes.push((i, second_end, [word, second].concat()));
            }
            i = second_end;
            continue;
        }
        // A closed word, not a part of a hyphenated one.
        let alone = b.get(end) != Some(&b'-') && (i == 0 || b[i - 1] != b'-');
        if alone {
            if let Some(split) = split_point(word) {
                changes.push((i, end, format!("{}-{}", &word[..split], &word[split..])));
            }
        }
        i = end;
    }
    let apply = |which: &[&(usize, usize, String)]| {
        let mut out = String::with_capacity(form.len() + 4);
        let mut at = 0;
        for (s, e, with) in which {
            out.push_str(&form[at..*s]);
            out.push_str(with);
            at = *e;
        }
        out.push_str(&form[at..]);
        out
    };
    let mut out: Vec<String> = changes.iter().map(|c| apply(&[c])).collect();
    if changes.len() > 1 {
        out.push(apply(&changes.iter().collect::<Vec<_>>()));
    }
    out
}

fn word_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_alphabetic() {
        i += 1;
    }
    i
}

fn is_prefix(word: &str) -> bool {
    PREFIXES.iter().any(|(p, _)| word.eq_ignore_ascii_case(p))
}

fn second_part(word: &str) -> bool {
    SECOND_PARTS.iter().any(|s| word.eq_ignore_ascii_case(s))
}

/// Where a closed compound splits: after a prefix that may be split, with five letters or
/// more after it, or before a second part, with four letters or more before it.
fn split_point(word: &str) -> Option<usize> {
    // Every split leaves five letters after a prefix of three or more, or four before a
    // second part of four or more: a shorter word (most are) has none. `word` is ASCII
    // letters, compared without a lower-case copy (CC-CEDICT's 83,000 English forms).
    if word.len() < 8 {
        return None;
    }
    let starts = |p: &str| word[..p.len().min(word.len())].eq_ignore_ascii_case(p);
    let ends = |s: &str| word[word.len().saturating_sub(s.len())..].eq_ignore_ascii_case(s);
    for (p, splits) in PREFIXES {
        if *splits && starts(p) && word.len() >= p.len() + 5 {
            return Some(p.len());
        }
    }
    SECOND_PARTS
        .iter()
        .filter(|s| ends(s) && word.len() >= s.len() + 4)
        .map(|s| word.len() - s.len())
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compounds_alternate() {
        assert_eq!(
            other_spellings("grass-roots governance"),
            ["grassroots governance"]
        );
        assert_eq!(
            other_spellings("grassroots Party building"),
            ["grass-roots Party building"]
        );
        assert_eq!(
            other_spellings("Anti-Corruption Law"),
            ["AntiCorruption Law"]
        );
        assert_eq!(
            other_spellings("nongovernmental groups"),
            ["non-governmental groups"]
        );
        assert_eq!(other_spellings("re-education camps"), ["reeducation camps"]);
        assert_eq!(
            other_spellings("anticorruption and grass-roots work"),
            [
                "anti-corruption and grass-roots work",
                "anticorruption and grassroots work",
                "anti-corruption and grassroots work"
            ]
        );
        assert_eq!(other_spellings("policymaking"), ["policy-making"]);
    }

    /// `split_point` as first written, with a lower-case copy of every word.
    fn split_point_by_copy(word: &str) -> Option<usize> {
        let lower = word.to_ascii_lowercase();
        for (p, splits) in PREFIXES {
            if *splits && lower.starts_with(p) && lower.len() >= p.len() + 5 {
                return Some(p.len());
            }
        }
        SECOND_PARTS
            .iter()
            .filter(|s| lower.ends_with(*s) && lower.len() >= s.len() + 4)
            .map(|s| lower.len() - s.len())
            .max()
    }

    proptest::proptest! {
        #[test]
        fn split_point_agrees_with_a_lower_case_copy(
            word in "(Anti|NON|counter|intra|Inter|multi|socio|semi|post|re|de|co|pre|sub)?[a-zA-Z]{0,7}(roots|MAKING|maker|makers|keeping|keeper|keepers|raising|wide|long|blowing|blower|blowers)?",
        ) {
            proptest::prop_assert_eq!(split_point(&word), split_point_by_copy(&word));
        }
    }

    #[test]
    fn other_words_stay() {
        for form in [
            "law-based governance",
            "reform and opening up",
            "eight-point rules",
            "people-to-people exchanges",
            "non",
            "nonce",
            "present a long list",
            "interests",
            "develop",
            "Belt and Road",
        ] {
            assert!(other_spellings(form).is_empty(), "{form}");
        }
    }
}
