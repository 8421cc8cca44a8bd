//! `tifa discover`: candidate terms the glossary lacks, ranked for a curator.
//!
//! Three kinds of evidence, added up per candidate over a corpus:
//!
//! - **quoted English phrases** of 2–8 words (`"…"`, `“…”`, `‘…’`): machine translation keeps
//!   the quotation marks Chinese writers put around official formulations;
//! - **quoted Chinese phrases** (`“…”` `「…」` `『…』`) of 2–12 characters;
//! - **recurring multi-word expressions**: English word n-grams of 2–6 words that stay inside
//!   one clause and neither start nor end with a stop word.
//!
//! Ranking is by a C-value termhood score (Frantzi, Ananiadou & Mima 2000): longer phrases
//! score more, and a phrase mostly seen inside longer candidates scores less. A quoted
//! occurrence counts [`QUOTE_WEIGHT`] times, since quoting marks a formulation as a term.
//! Text the glossary already matches is skipped, so known terms and their parts never come
//! back as candidates.
//!
//! Counting is per document ([`summarize`]) and then added up in input order
//! ([`Discovery::add`]); contexts are collected afterwards for the winners only
//! ([`Discovery::finish`]), from the documents they were seen in.

pub mod aligned;

use std::collections::{HashMap, VecDeque};
use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use crate::glossary::exchange::IdAllocator;
use crate::glossary::{Entry, COLUMNS};
use crate::matcher::{MatchOptions, Matcher};
use crate::text::chinese::is_han;
use crate::text::english::{is_stop_word, singular, tokenize, Token, Tokens};
use crate::text::snippet::{line_column, squash, Kwic};

/// How many times a quoted occurrence counts.
pub const QUOTE_WEIGHT: f64 = 4.0;
/// Longest recurring n-gram, in words.
const MAX_NGRAM: usize = 6;
/// Quoted English phrases: 2–8 words.
const QUOTED_WORDS: std::ops::RangeInclusive<usize> = 2..=8;
/// Quoted Chinese phrases: 2–12 characters.
const QUOTED_CHARS: std::ops::RangeInclusive<usize> = 2..=12;
/// Characters of context either side.
const CONTEXT: usize = 50;

/// What kind of evidence produced a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// An English phrase quoted at least once.
    Quoted,
    /// A Chinese phrase quoted at least once.
    QuotedZh,
    /// An English n-gram seen at least `min_count` times, never quoted.
    Recurring,
}

impl Kind {
    /// The name in CSV and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Quoted => "quoted",
            Kind::QuotedZh => "quoted_zh",
            Kind::Recurring => "recurring",
        }
    }
}

/// Options of a discovery run.
#[derive(Debug, Clone)]
pub struct DiscoverOptions {
    /// Fewest occurrences of an unquoted n-gram to count as recurring.
    pub min_count: u64,
    /// Most candidates reported (0: all).
    pub limit: usize,
}

impl Default for DiscoverOptions {
    fn default() -> Self {
        DiscoverOptions {
            min_count: 2,
            limit: 100,
        }
    }
}

/// Counts for one key in one document.
#[derive(Debug, Clone, Copy, Default)]
struct Count {
    count: u32,
    quoted: u32,
    zh: bool,
}

/// One document's candidate counts.
#[derive(Debug, Default)]
pub struct DocCounts {
    path: String,
    /// The text, for the contexts of the candidates that rank.
    text: String,
    counts: HashMap<String, Count>,
}

/// Counts the candidates of one document.
pub fn summarize(matcher: &Matcher, path: &str, text: &str) -> DocCounts {
    let spans = matcher.find(text, MatchOptions::default());
    let covered = |s: usize, e: usize| {
        // Spans are sorted by start; any span overlapping [s, e)?
        let i = spans.partition_point(|x| x.end <= s);
        spans.get(i).is_some_and(|x| x.start < e)
    };
    let mut counts: HashMap<String, Count> = HashMap::new();
    // The words from each word on, as far as the longest n-gram: a long document's words
    // are never all held at once.
    let mut words = Tokens::new(text);
    let mut window: VecDeque<Token> = words.by_ref().take(MAX_NGRAM).collect();
    while !window.is_empty() {
        let tokens = window.make_contiguous();
        count_from(tokens, &covered, &mut counts);
        window.pop_front();
        window.extend(words.next());
    }
    for q in quotes(text) {
        let inner = &text[q.clone()];
        let trimmed =
            inner.trim_matches(|c: char| c.is_whitespace() || ",.;:!?，。；：！？".contains(c));
        if trimmed.is_empty() {
            continue;
        }
        let s = q.start + inner.find(trimmed).unwrap_or(0);
        let e = s + trimmed.len();
        if covered(s, e) {
            continue;
        }
        if trimmed.chars().any(is_han) {
            let n = trimmed.chars().count();
            let all_han = trimmed.chars().all(|c| is_han(c) || "、·".contains(c));
            if all_han && QUOTED_CHARS.contains(&n) {
                let c = counts.entry(trimmed.to_string()).or_default();
                c.quoted += 1;
                c.zh = true;
            }
            continue;
        }
        let toks = tokenize(trimmed);
        if !QUOTED_WORDS.contains(&toks.len()) || toks.iter().all(|t| t.numeric) {
            continue;
        }
        counts.entry(ngram_key(&toks)).or_default().quoted += 1;
    }
    // A Chinese quoted phrase counts every time it appears in the document.
    for (k, c) in counts.iter_mut() {
        if c.zh {
            c.count = c.count.max(text.matches(k.as_str()).count() as u32);
        }
    }
    DocCounts {
        path: path.to_string(),
        text: text.to_string(),
        counts,
    }
}

/// Counts the n-grams that start at the first of `tokens` (the words from there on, at
/// least as many as the longest n-gram where the text has them).
fn count_from(
    tokens: &[Token],
    covered: &impl Fn(usize, usize) -> bool,
    counts: &mut HashMap<String, Count>,
) {
    let first = &tokens[0];
    if is_stop_word(&first.key) || first.numeric {
        return;
    }
    for n in 2..=MAX_NGRAM {
        let j = n - 1;
        let Some(last) = tokens.get(j) else { break };
        if last.clause != first.clause {
            break;
        }
        if covered(first.start, last.end) {
            break;
        }
        if last.numeric
            || (n > 2 && !is_connector(&tokens[j - 1].key) && is_stop_word(&tokens[j - 1].key))
        {
            // A number, or a function word that does not join a term ("have", "was"),
            // inside: no longer n-gram from here is a term either.
            break;
        }
        if is_stop_word(&last.key) {
            continue;
        }
        counts.entry(ngram_key(&tokens[..=j])).or_default().count += 1;
    }
}

/// Function words that occur inside terms ("breaking money and breaking blood", "umbrella
/// of protection"); other stop words inside a phrase mark it as a clause, not a term.
fn is_connector(word: &str) -> bool {
    matches!(
        word,
        "of" | "and"
            | "the"
            | "for"
            | "in"
            | "on"
            | "to"
            | "with"
            | "against"
            | "a"
            | "an"
            | "or"
            | "by"
    )
}

/// The key of an n-gram: its words, lower case, the last one singular.
fn ngram_key(tokens: &[Token]) -> String {
    let mut key = String::new();
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 {
            key.push(' ');
        }
        if i + 1 == tokens.len() {
            key.push_str(&singular(&t.key));
        } else {
            key.push_str(&t.key);
        }
    }
    key
}

/// Byte ranges of the insides of quotations: `"…"` pairs within a paragraph, `“…”`, `‘…’`,
/// `「…」`, `『…』`. An apostrophe (`’` between letters) does not close `‘`.
pub fn quotes(text: &str) -> Vec<std::ops::Range<usize>> {
    const MAX_LEN: usize = 300;
    let mut out = Vec::new();
    // Byte offsets, the characters read where needed: a document's characters are not held
    // as an array (16 bytes each: 335 MB for 21 MB of English).
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        let Some(close) = closing(c) else {
            i += c.len_utf8();
            continue;
        };
        let start = i + c.len_utf8();
        let mut prev = c;
        let mut found = None;
        for (p, d) in text[start..].char_indices().map(|(k, d)| (start + k, d)) {
            let after = p + d.len_utf8();
            if p - start > MAX_LEN
                || (d == '\n'
                    && text[after..]
                        .trim_start_matches([' ', '\t', '\r'])
                        .starts_with('\n'))
            {
                break;
            }
            if close.contains(&d) {
                let apostrophe = d == '’'
                    && text[after..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
                    && prev.is_alphanumeric();
                if !apostrophe {
                    found = Some((p, after));
                    break;
                }
            }
            // A new opening quote of the same kind before a close: start again from there.
            if d == c && c != '"' {
                break;
            }
            prev = d;
        }
        match found {
            Some((p, after)) => {
                out.push(start..p);
                i = after;
            }
            None => i += c.len_utf8(),
        }
    }
    out
}

/// The marks that close a quotation `open` opens, if it opens one.
fn closing(open: char) -> Option<&'static [char]> {
    Some(match open {
        '"' => &['"', '”'],
        '“' => &['”', '"'],
        '‘' => &['’'],
        '「' => &['」'],
        '『' => &['』'],
        _ => return None,
    })
}

/// A candidate's totals over the corpus.
#[derive(Debug, Clone, Default)]
struct Stat {
    count: u64,
    quoted: u64,
    documents: u64,
    zh: bool,
    /// Indices of the first three documents it was seen in, and how many there are: held
    /// in place, since a corpus has millions of n-grams (a `Vec` each was a heap block each).
    docs: [u32; 3],
    seen_in: u8,
}

impl Stat {
    /// The first three documents it was seen in.
    fn docs(&self) -> &[u32] {
        &self.docs[..usize::from(self.seen_in)]
    }
}

/// Candidate counts added up over a corpus.
#[derive(Debug, Default)]
pub struct Discovery {
    stats: HashMap<String, Stat>,
    paths: Vec<String>,
    /// Every document's text, by document index. Kept rather than read again for the
    /// contexts: standard input cannot be read twice, a file may have changed in between,
    /// and a corpus to discover terms in fits in memory.
    texts: Vec<String>,
}

/// One occurrence shown to the curator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Context {
    /// `path:line`.
    pub at: String,
    #[serde(flatten)]
    /// The occurrence in context.
    pub kwic: Kwic,
}

/// A candidate term.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// The phrase as most often written (whitespace collapsed).
    pub phrase: String,
    /// What kind of candidate it is.
    pub kind: Kind,
    /// Occurrences (quoted or not).
    pub count: u64,
    /// Quoted occurrences.
    pub quoted: u64,
    /// Documents it occurs in.
    pub documents: u64,
    /// Rank: longer and more frequent phrases score higher.
    pub score: f64,
    /// Up to three, from different documents where possible.
    pub contexts: Vec<Context>,
}

impl Discovery {
    /// An empty discovery.
    pub fn new() -> Discovery {
        Discovery::default()
    }

    /// Adds one document's counts; call in input order.
    pub fn add(&mut self, doc: DocCounts) {
        let di = self.paths.len() as u32;
        self.paths.push(doc.path);
        self.texts.push(doc.text);
        for (k, c) in doc.counts {
            let s = self.stats.entry(k).or_default();
            s.count += u64::from(c.count.max(c.quoted));
            s.quoted += u64::from(c.quoted);
            s.documents += 1;
            s.zh |= c.zh;
            if s.seen_in < 3 {
                s.docs[usize::from(s.seen_in)] = di;
                s.seen_in += 1;
            }
        }
    }

    /// Ranks the candidates and collects their contexts (re-reading the documents they were
    /// seen in; a document that cannot be read again just gives no context).
    pub fn finish(self, opts: &DiscoverOptions) -> Vec<Candidate> {
        let weighted = |s: &Stat| s.count as f64 + QUOTE_WEIGHT * s.quoted as f64;
        let kept: HashMap<&str, &Stat> = self
            .stats
            .iter()
            .filter(|(_, s)| s.quoted > 0 || s.count >= opts.min_count)
            .map(|(k, s)| (k.as_str(), s))
            .collect();
        // C-value nesting: for each kept candidate, the kept candidates containing it.
        let mut nested: HashMap<&str, (f64, u32)> = HashMap::new();
        for (k, s) in &kept {
            if s.zh {
                let chars: Vec<char> = k.chars().collect();
                for n in 2..chars.len() {
                    for w in chars.windows(n) {
                        let sub: String = w.iter().collect();
                        if let Some((kk, _)) = kept.get_key_value(sub.as_str()) {
                            let e = nested.entry(kk).or_default();
                            e.0 += weighted(s);
                            e.1 += 1;
                        }
                    }
                }
                continue;
            }
            let words: Vec<&str> = k.split(' ').collect();
            for n in 2..words.len() {
                for (i, w) in words.windows(n).enumerate() {
                    let mut sub = w.join(" ");
                    if i + n < words.len() {
                        // Keys end in a singular word; an inner window may not.
                        let last = singular(w[n - 1]);
                        sub = w[..n - 1]
                            .iter()
                            .copied()
                            .chain([last.as_str()])
                            .collect::<Vec<_>>()
                            .join(" ");
                    }
                    if let Some((kk, _)) = kept.get_key_value(sub.as_str()) {
                        let e = nested.entry(kk).or_default();
                        e.0 += weighted(s);
                        e.1 += 1;
                    }
                }
            }
        }
        let mut ranked: Vec<(&str, &Stat, f64)> = kept
            .iter()
            .map(|(k, s)| {
                let len = if s.zh {
                    (k.chars().count() as f64 / 2.0).ceil()
                } else {
                    k.split(' ').count() as f64
                };
                let f = weighted(s);
                let f = match nested.get(k) {
                    Some((sum, n)) => f - sum / f64::from(*n),
                    None => f,
                };
                (*k, *s, (len + 1.0).log2() * f)
            })
            .filter(|(_, s, score)| *score > 0.0 || s.quoted > 0)
            .collect();
        ranked.sort_by(|a, b| {
            b.2.total_cmp(&a.2)
                .then(b.1.count.cmp(&a.1.count))
                .then(a.0.cmp(b.0))
        });
        if opts.limit > 0 {
            ranked.truncate(opts.limit);
        }

        // Each document the winners were seen in is cut into words once, for all of them: a
        // corpus of one long document was cut again for every candidate.
        let mut found: HashMap<(u32, &str), Vec<std::ops::Range<usize>>> = HashMap::new();
        let mut keys_by_doc: HashMap<u32, Vec<(&str, bool)>> = HashMap::new();
        for (key, s, _) in &ranked {
            for &di in s.docs() {
                keys_by_doc.entry(di).or_default().push((key, s.zh));
            }
        }
        let mut docs: Vec<_> = keys_by_doc.into_iter().collect();
        docs.sort_unstable_by_key(|(di, _)| *di);
        for (di, keys) in docs {
            let text = self.texts[di as usize].as_str();
            let (zh, en): (Vec<_>, Vec<_>) = keys.into_iter().partition(|&(_, zh)| zh);
            let en: Vec<&str> = en.into_iter().map(|(key, _)| key).collect();
            for (key, _) in zh {
                let places = text.match_indices(key).map(|(i, m)| i..i + m.len());
                found.insert((di, key), places.take(3).collect());
            }
            for (key, places) in english_occurrences(text, &en) {
                found.insert((di, key), places);
            }
        }

        let mut out = Vec::with_capacity(ranked.len());
        for (key, s, score) in ranked {
            let mut contexts = Vec::new();
            let mut phrase = None;
            for &di in s.docs() {
                let text = self.texts[di as usize].as_str();
                let per_doc = if s.docs().len() >= 3 { 1 } else { 3 };
                let places = found.remove(&(di, key)).unwrap_or_default();
                for r in places.into_iter().take(per_doc) {
                    if contexts.len() == 3 {
                        break;
                    }
                    phrase.get_or_insert_with(|| squash(&text[r.clone()]).trim().to_string());
                    contexts.push(Context {
                        at: format!(
                            "{}:{}",
                            self.paths[di as usize],
                            line_column(text.as_bytes(), r.start).0
                        ),
                        kwic: Kwic::new(text, r, CONTEXT),
                    });
                }
            }
            out.push(Candidate {
                phrase: phrase.unwrap_or_else(|| key.to_string()),
                kind: if s.zh {
                    Kind::QuotedZh
                } else if s.quoted > 0 {
                    Kind::Quoted
                } else {
                    Kind::Recurring
                },
                count: s.count,
                quoted: s.quoted,
                documents: s.documents,
                score: (score * 100.0).round() / 100.0,
                contexts,
            });
        }
        out
    }
}

/// The first three places (byte ranges) of each English key in `text`: windows of words
/// whose key it is (punctuation between the words allowed). The text is cut into words
/// once; a key is tried only where its first word is.
fn english_occurrences<'k>(
    text: &str,
    keys: &[&'k str],
) -> HashMap<&'k str, Vec<std::ops::Range<usize>>> {
    let mut by_first: HashMap<&str, Vec<(&'k str, usize)>> = HashMap::new();
    // A one-word key ends in its singular, so its first word is not the text's.
    let mut single: Vec<&'k str> = Vec::new();
    for &key in keys {
        let n = key.split(' ').count();
        match key.split_once(' ') {
            Some((first, _)) => by_first.entry(first).or_default().push((key, n)),
            None => single.push(key),
        }
    }
    let mut out: HashMap<&'k str, Vec<std::ops::Range<usize>>> = HashMap::new();
    // The words from each word on, as many as the longest key has.
    let longest = keys.iter().map(|k| k.split(' ').count()).max().unwrap_or(0);
    let mut words = Tokens::new(text);
    let mut window: VecDeque<Token> = words.by_ref().take(longest).collect();
    while !window.is_empty() {
        let tokens = window.make_contiguous();
        let tried = by_first
            .get(tokens[0].key.as_str())
            .into_iter()
            .flatten()
            .copied();
        for (key, n) in tried.chain(single.iter().map(|&k| (k, 1))) {
            let Some(w) = tokens.get(..n) else {
                continue;
            };
            let places = out.entry(key).or_default();
            if places.len() < 3 && ngram_key(w) == key {
                places.push(w[0].start..w[n - 1].end);
            }
        }
        window.pop_front();
        window.extend(words.next());
    }
    out
}

/// Columns of `discover --format csv` after the glossary columns.
pub const EVIDENCE_COLUMNS: &[&str] = &[
    "kind",
    "count",
    "quoted",
    "documents",
    "score",
    "context_1",
    "context_2",
    "context_3",
];

/// The candidates as glossary entries to curate: the phrase in `en` (or `zh`), a unique id,
/// everything else blank. `taken` holds the ids already used by the glossary.
pub fn as_entries(cands: &[Candidate], taken: &[&str], evidence_in_note: bool) -> Vec<Entry> {
    let mut ids = IdAllocator::new();
    for t in taken {
        ids.reserve(t);
    }
    cands
        .iter()
        .map(|c| {
            let zh = c.kind == Kind::QuotedZh;
            let mut e = Entry {
                id: ids.allocate("", &[&c.phrase, "candidate"]),
                ..Entry::default()
            };
            if zh {
                e.zh = c.phrase.clone();
            } else {
                e.en = c.phrase.clone();
            }
            if evidence_in_note {
                e.note = evidence(c);
            }
            e
        })
        .collect()
}

/// A one-line summary of the evidence for a candidate.
pub fn evidence(c: &Candidate) -> String {
    let mut s = format!(
        "discover: {} ({}), score {}, {} {} ({} quoted) in {} {}",
        c.kind.as_str(),
        if c.kind == Kind::Recurring {
            "recurring phrase"
        } else {
            "quoted phrase"
        },
        c.score,
        c.count,
        if c.count == 1 {
            "occurrence"
        } else {
            "occurrences"
        },
        c.quoted,
        c.documents,
        if c.documents == 1 {
            "document"
        } else {
            "documents"
        },
    );
    if let Some(ctx) = c.contexts.first() {
        s.push_str(&format!("; {}: {}", ctx.at, ctx.kwic));
    }
    s
}

/// Writes candidates as a glossary CSV (evidence in `note`), or with `evidence_columns`, the
/// glossary columns followed by [`EVIDENCE_COLUMNS`].
pub fn write_csv(
    cands: &[Candidate],
    taken: &[&str],
    evidence_columns: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let entries = as_entries(cands, taken, !evidence_columns);
    if !evidence_columns {
        return crate::glossary::write_csv(&entries, out);
    }
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(COLUMNS.iter().chain(EVIDENCE_COLUMNS))?;
    for (e, c) in entries.iter().zip(cands) {
        let mut row: Vec<String> = vec![
            e.id.clone(),
            e.zh.clone(),
            String::new(),
            String::new(),
            String::new(),
            e.en.clone(),
        ];
        row.resize(COLUMNS.len(), String::new());
        row.extend([
            c.kind.as_str().to_string(),
            c.count.to_string(),
            c.quoted.to_string(),
            c.documents.to_string(),
            c.score.to_string(),
        ]);
        for i in 0..3 {
            row.push(
                c.contexts
                    .get(i)
                    .map_or(String::new(), |x| format!("{}: {}", x.at, x.kwic)),
            );
        }
        // Not a glossary file (that is the format above, which must read back exactly): a
        // report, neutralised for spreadsheets.
        w.write_record(
            row.iter()
                .map(|c| crate::render::escape::csv_cell(c).into_owned()),
        )?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_quotes() {
        let t = "a \"nail case\" and “bone case”, ‘people’s war’ 「钉子案」 \"x\n\ny\" 『骨头』";
        let got: Vec<&str> = quotes(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            got,
            ["nail case", "bone case", "people’s war", "钉子案", "骨头"]
        );
    }

    /// The quotations found over an array of the text's characters, as `quotes` once did:
    /// the reference it is checked against.
    fn quotes_by_chars(text: &str) -> Vec<std::ops::Range<usize>> {
        let mut out = Vec::new();
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            let (pos, c) = chars[i];
            let Some(close) = closing(c) else {
                i += 1;
                continue;
            };
            let start = pos + c.len_utf8();
            let mut j = i + 1;
            let mut found = None;
            while j < chars.len() {
                let (p, d) = chars[j];
                let blank_line = d == '\n'
                    && text[p + 1..]
                        .trim_start_matches([' ', '\t', '\r'])
                        .starts_with('\n');
                if p - start > 300 || blank_line {
                    break;
                }
                if close.contains(&d) {
                    let apostrophe = d == '’'
                        && chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphanumeric())
                        && chars[j - 1].1.is_alphanumeric();
                    if !apostrophe {
                        found = Some((p, j));
                        break;
                    }
                }
                if d == c && c != '"' {
                    break;
                }
                j += 1;
            }
            match found {
                Some((p, j)) => {
                    out.push(start..p);
                    i = j + 1;
                }
                None => i += 1,
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn quotes_are_those_found_over_an_array_of_characters(
            text in "[a1 \n\t\"“”‘’「」『』é中,]{0,400}"
        ) {
            proptest::prop_assert_eq!(quotes(&text), quotes_by_chars(&text));
        }
    }

    #[test]
    fn english_occurrences_are_the_first_three_windows_of_each_key() {
        let t = "Nail cases, nail-case; the NAIL CASE. Nail Case and nail cases again.\n\
                 Umbrellas of protection; an umbrella of protection. Policies, policy.";
        let keys = [
            "nail case",
            "umbrella of protection",
            "policy",
            "cases again",
            "no such",
        ];
        let got = english_occurrences(t, &keys);
        let texts = |k: &str| -> Vec<&str> { got[k].iter().map(|r| &t[r.clone()]).collect() };
        // The first three only, in text order; a key's last word matches in any number.
        assert_eq!(texts("nail case"), ["Nail cases", "nail-case", "NAIL CASE"]);
        // Only the last word is folded to its singular.
        assert_eq!(texts("umbrella of protection"), ["umbrella of protection"]);
        // A one-word key is its singular: both words are its places.
        assert_eq!(texts("policy"), ["Policies", "policy"]);
        // Windows of two keys may overlap ("nail cases again").
        assert_eq!(texts("cases again"), ["cases again"]);
        assert!(got.get("no such").is_none_or(|p| p.is_empty()));
    }
}
