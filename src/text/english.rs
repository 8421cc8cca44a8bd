//! English words: what a word character is (the matcher's boundary rule), tokens with their
//! clause, a stop-word list, and the regular singular that discovery folds phrase keys with.
//! (The matcher's inflections — irregular ones too — are `inflect`'s.)

use super::chinese::is_cjk;

/// A word character for the boundary rule: a letter or digit of a script written with
/// spaces between words. Han, kana and Hangul are not, so `在nail case中` still matches.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() && !is_cjk(c)
    }
}

/// A word of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the text: start.
    pub start: usize,
    /// Byte range in the text: end.
    pub end: usize,
    /// Lower case, curly apostrophes straightened.
    pub key: String,
    /// Clauses are separated by punctuation other than hyphens and apostrophes, by
    /// paragraph breaks and by Chinese text; n-grams stay inside one.
    pub clause: u32,
    /// All digits (and digit punctuation): never a term boundary.
    pub numeric: bool,
}

/// Splits text into words. A word is a run of letters and digits of spaced scripts, with
/// apostrophes inside (`people's`); hyphens separate words but not clauses.
pub fn tokenize(text: &str) -> Vec<Token> {
    Tokens::new(text).collect()
}

/// The words of a text one at a time, as [`tokenize`] gives them all: a pass that looks a
/// few words ahead need not hold a long document's words at once.
pub struct Tokens<'a> {
    text: &'a str,
    iter: std::iter::Peekable<std::str::CharIndices<'a>>,
    clause: u32,
    newlines: u32,
}

impl<'a> Tokens<'a> {
    /// The words of `text`.
    pub fn new(text: &'a str) -> Tokens<'a> {
        Tokens {
            text,
            iter: text.char_indices().peekable(),
            clause: 0,
            newlines: 0,
        }
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let iter = &mut self.iter;
        while let Some((i, c)) = iter.next() {
            if is_word_char(c) {
                let start = i;
                let mut end = i + c.len_utf8();
                let mut key = String::new();
                key.extend(c.to_lowercase());
                while let Some(&(j, d)) = iter.peek() {
                    if is_word_char(d) {
                        key.extend(d.to_lowercase());
                        end = j + d.len_utf8();
                        iter.next();
                    } else if matches!(d, '\'' | '’') {
                        // An apostrophe inside a word: keep it when a letter follows.
                        let mut ahead = iter.clone();
                        ahead.next();
                        if ahead.peek().is_some_and(|&(_, e)| is_word_char(e)) {
                            key.push('\'');
                            iter.next();
                        } else {
                            break;
                        }
                    } else {
                        break;
                    }
                }
                let numeric = key.bytes().all(|b| b.is_ascii_digit());
                self.newlines = 0;
                return Some(Token {
                    start,
                    end,
                    key,
                    clause: self.clause,
                    numeric,
                });
            }
            if c == '\n' {
                self.newlines += 1;
                if self.newlines >= 2 {
                    self.clause += 1;
                }
            } else if c.is_whitespace() {
            } else if matches!(c, '-' | '‐' | '‑' | '\'' | '’') {
                self.newlines = 0;
            } else if c == '.' || c == ',' {
                // A digit group separator (5,341 or 5.25) does not end a clause.
                let prev_digit = self.text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|p| p.is_ascii_digit());
                let next_digit = iter.peek().is_some_and(|&(_, n)| n.is_ascii_digit());
                if !(prev_digit && next_digit) {
                    self.clause += 1;
                }
                self.newlines = 0;
            } else {
                self.clause += 1;
                self.newlines = 0;
                if is_cjk(c) {
                    // Skip the rest of a CJK run at once.
                    while iter.peek().is_some_and(|&(_, d)| is_cjk(d)) {
                        iter.next();
                    }
                }
            }
        }
        None
    }
}

/// English function words that never start or end a term.
pub const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "across",
    "after",
    "again",
    "against",
    "all",
    "also",
    "although",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "either",
    "etc",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "it's",
    "its",
    "itself",
    "just",
    "last",
    "less",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "neither",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "per",
    "same",
    "several",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "thus",
    "to",
    "too",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "well",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "said",
    "says",
    "say",
    "first",
    "second",
    "third",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "year",
    "years",
    "day",
    "days",
    "month",
    "months",
    "time",
    "times",
    "way",
    "ways",
    "like",
    "let",
    "make",
    "made",
    "take",
    "took",
    "give",
    "given",
    "various",
    "certain",
    "relevant",
    "related",
    "new",
    "total",
];

/// Is `word` (lower case) a stop word?
pub fn is_stop_word(word: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| STOP_WORDS.iter().copied().collect())
        .contains(word)
}

/// The regular singular of a lower-case English word (`umbrellas` → `umbrella`,
/// `industries` → `industry`, `cases` → `case`); other words unchanged. Words under four
/// letters are left alone: `gas` and `bus` are not plurals.
pub fn singular(w: &str) -> String {
    let n = w.len();
    if n < 4 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return w.to_string();
    }
    if w.ends_with("ies") && n > 4 {
        format!("{}y", &w[..n - 3])
    } else if ["sses", "xes", "zes", "ches", "shes"]
        .iter()
        .any(|s| w.ends_with(s))
    {
        w[..n - 2].to_string()
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w[..n - 1].to_string()
    } else {
        w.to_string()
    }
}

/// `n` and the noun in the number `n` takes: "1 document", "2 documents", "0 errors".
pub fn count(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_clauses() {
        let t = tokenize("The People's anti-crime work, 5,341 cases.\n\nNew 扫黑 para");
        let keys: Vec<(&str, u32)> = t.iter().map(|t| (t.key.as_str(), t.clause)).collect();
        assert_eq!(
            keys,
            [
                ("the", 0),
                ("people's", 0),
                ("anti", 0),
                ("crime", 0),
                ("work", 0),
                ("5", 1),
                ("341", 1),
                ("cases", 1),
                ("new", 3),
                ("para", 4)
            ]
        );
        assert!(t[5].numeric);
    }

    #[test]
    fn counts_agree() {
        assert_eq!(count(1, "document", "documents"), "1 document");
        assert_eq!(count(0, "error", "errors"), "0 errors");
        assert_eq!(count(2, "entry", "entries"), "2 entries");
    }

    #[test]
    fn singulars() {
        for (w, s) in [
            ("umbrellas", "umbrella"),
            ("cases", "case"),
            ("industries", "industry"),
            ("boxes", "box"),
            ("process", "process"),
            ("status", "status"),
            ("gas", "gas"),
            ("bus", "bus"),
        ] {
            assert_eq!(singular(w), s);
        }
    }
}
