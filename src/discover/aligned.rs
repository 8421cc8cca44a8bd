//! `tifa discover --aligned`: new English forms for known entries, from aligned segments
//! (TSV, TMX or XLIFF, read by [`crate::input::segments`]).
//!
//! For each glossary entry found in the Chinese side of the segments, every English n-gram
//! (1–6 words, not starting or ending with a stop word, not overlapping a span the glossary
//! already matches) of the target segments is scored for association with the entry over
//! segments, with Dunning's log-likelihood ratio G² on the 2×2 table (entry present or not ×
//! n-gram present or not). Positively associated n-grams are proposed as new `literal`
//! forms — or `en_alt` when all their content words already occur in the entry's `en` or
//! `en_alt` forms. Quotation marks are evidence too: where the source quotes the entry and
//! the target has as many quotations, the target's quotation at the same place is proposed
//! even from one segment, and ranked before phrases found by association alone. An n-gram that only ever occurs inside a longer proposal with the same
//! counts is left out in favour of the longer one.

use std::collections::{HashMap, HashSet};
use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use crate::matcher::{MatchOptions, Matcher};
use crate::render::escape::csv_cell;
use crate::text::english::{is_stop_word, singular, tokenize};

/// Longest n-gram, in words.
const MAX_WORDS: usize = 6;

/// One aligned segment pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    /// The Chinese side.
    pub source: String,
    /// The English side.
    pub target: String,
    /// 1-based line in its file, for messages.
    pub line: u64,
}

impl Pair {
    /// The pairs of segments read by [`crate::input::segments`] (TSV, TMX, XLIFF); segments without
    /// a translation are left out.
    pub fn from_segments(segments: Vec<crate::input::segments::Segment>) -> Vec<Pair> {
        segments
            .into_iter()
            .filter_map(|s| {
                Some(Pair {
                    target: s.target?,
                    source: s.source,
                    line: s.line as u64,
                })
            })
            .collect()
    }
}

/// A proposed new form for an entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Proposal {
    /// The entry's id.
    pub id: String,
    /// The entry's Chinese headword.
    pub zh: String,
    /// The n-gram as most often written.
    pub phrase: String,
    /// `literal` or `en_alt`.
    pub form: String,
    /// Segments holding both the entry (Chinese side) and the phrase (English side).
    pub joint: u64,
    /// Segments whose Chinese side holds the entry.
    pub entry_segments: u64,
    /// Segments whose English side holds the phrase.
    pub phrase_segments: u64,
    /// Segments where the target quotes the phrase where the source quotes the entry (the
    /// k-th quotation of each side, both sides having as many): ranked first.
    pub quoted: u64,
    /// Log-likelihood ratio G².
    pub score: f64,
    /// Dice coefficient over segments.
    pub dice: f64,
    /// Line of the first segment with both.
    pub line: u64,
}

/// Options of an aligned discovery.
#[derive(Debug, Clone)]
pub struct AlignedOptions {
    /// Fewest segments with both the entry and the phrase.
    pub min_joint: u64,
    /// Most proposals per entry (0: all).
    pub per_entry: usize,
}

impl Default for AlignedOptions {
    fn default() -> Self {
        AlignedOptions {
            min_joint: 2,
            per_entry: 5,
        }
    }
}

/// The n-gram keys of one target segment (each once), with the surface of each.
fn segment_ngrams(
    matcher: &Matcher,
    text: &str,
    source_entries: &std::collections::HashSet<usize>,
) -> Vec<(String, String)> {
    // The source vouches for its terms: their gated renderings are glossary forms here.
    let spans = matcher.find_in_context(text, MatchOptions::default(), source_entries);
    let covered = |s: usize, e: usize| {
        let i = spans.partition_point(|x| x.end <= s);
        spans.get(i).is_some_and(|x| x.start < e)
    };
    let tokens = tokenize(text);
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for i in 0..tokens.len() {
        if is_stop_word(&tokens[i].key) || tokens[i].numeric {
            continue;
        }
        for n in 1..=MAX_WORDS {
            let j = i + n - 1;
            let Some(last) = tokens.get(j) else { break };
            if last.clause != tokens[i].clause || covered(tokens[i].start, last.end) {
                break;
            }
            if is_stop_word(&last.key) || last.numeric {
                continue;
            }
            let mut key = tokens[i..j]
                .iter()
                .map(|t| t.key.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            if n > 1 {
                key.push(' ');
            }
            key.push_str(&singular(&last.key));
            if seen.insert(key.clone()) {
                let surface = crate::text::snippet::squash(&text[tokens[i].start..last.end])
                    .trim()
                    .to_string();
                out.push((key, surface));
            }
        }
    }
    out
}

/// G² for the 2×2 table with cells `k11` (both), `k12` (entry only), `k21` (phrase only),
/// `k22` (neither).
pub fn llr(k11: f64, k12: f64, k21: f64, k22: f64) -> f64 {
    fn xlx(x: f64) -> f64 {
        if x > 0.0 {
            x * x.ln()
        } else {
            0.0
        }
    }
    let n = k11 + k12 + k21 + k22;
    let g = xlx(k11) + xlx(k12) + xlx(k21) + xlx(k22)
        - xlx(k11 + k12)
        - xlx(k21 + k22)
        - xlx(k11 + k21)
        - xlx(k12 + k22)
        + xlx(n);
    (2.0 * g).max(0.0)
}

/// Proposes new forms for the entries found in the Chinese side of `pairs`.
pub fn propose(matcher: &Matcher, pairs: &[Pair], opts: &AlignedOptions) -> Vec<Proposal> {
    let n = pairs.len() as f64;
    // Per segment: the entries of the source, the n-grams of the target.
    let mut entry_segs: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut phrase_count: HashMap<String, u64> = HashMap::new();
    let mut seg_ngrams: Vec<Vec<(String, String)>> = Vec::with_capacity(pairs.len());
    // (entry, phrase key) → (segments where the target quotes the phrase where the source
    // quotes the entry, surface).
    let mut quoted: HashMap<(usize, String), (u64, String)> = HashMap::new();
    for (si, p) in pairs.iter().enumerate() {
        let src_spans = matcher.find(&p.source, MatchOptions { overlapping: true });
        for (entry, key, surface) in quote_aligned(matcher, &p.source, &src_spans, &p.target) {
            let q = quoted.entry((entry, key)).or_insert((0, surface));
            q.0 += 1;
        }
        let mut entries: Vec<usize> = src_spans
            .into_iter()
            .filter(|s| s.form.is_chinese())
            .map(|s| s.entry)
            .collect();
        entries.sort_unstable();
        entries.dedup();
        for &e in &entries {
            entry_segs.entry(e).or_default().push(si);
        }
        let source_entries: std::collections::HashSet<usize> = entries.iter().copied().collect();
        let grams = segment_ngrams(matcher, &p.target, &source_entries);
        for (k, _) in &grams {
            *phrase_count.entry(k.clone()).or_default() += 1;
        }
        seg_ngrams.push(grams);
    }
    let mut entries: Vec<(&usize, &Vec<usize>)> = entry_segs.iter().collect();
    entries.sort();
    let mut out = Vec::new();
    for (&ei, segs) in entries {
        let entry = &matcher.glossary().entries[ei];
        let known_words: HashSet<String> = std::iter::once(&entry.en)
            .chain(&entry.en_alt)
            .flat_map(|f| tokenize(f).into_iter().map(|t| singular(&t.key)))
            .collect();
        // Joint counts, first line and surfaces (most frequent surface wins).
        let mut joint: HashMap<&str, (u64, u64, HashMap<&str, u64>)> = HashMap::new();
        for &si in segs {
            for (k, surface) in &seg_ngrams[si] {
                let j = joint
                    .entry(k.as_str())
                    .or_insert((0, pairs[si].line, HashMap::new()));
                j.0 += 1;
                *j.2.entry(surface.as_str()).or_default() += 1;
            }
        }
        for ((qe, k), (_, surface)) in &quoted {
            if *qe == ei && !joint.contains_key(k.as_str()) {
                let line = segs.first().map_or(0, |&si| pairs[si].line);
                let mut surfaces = HashMap::new();
                surfaces.insert(surface.as_str(), 1);
                joint.insert(k.as_str(), (1, line, surfaces));
            }
        }
        let ne = segs.len() as f64;
        let mut props: Vec<Proposal> = Vec::new();
        for (k, (j, line, surfaces)) in &joint {
            let q = quoted.get(&(ei, k.to_string())).map_or(0, |x| x.0);
            if *j < opts.min_joint && q == 0 {
                continue;
            }
            let np = phrase_count.get(*k).copied().unwrap_or(0).max(q).max(*j) as f64;
            let k11 = *j as f64;
            // Only positive association: seen with the entry more often than chance.
            if k11 / ne <= np / n {
                continue;
            }
            let score = llr(k11, ne - k11, np - k11, n - ne - np + k11);
            let phrase = surfaces
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map_or(k.to_string(), |(s, _)| s.to_string());
            let content: Vec<String> = k
                .split(' ')
                .filter(|w| !is_stop_word(w))
                .map(singular)
                .collect();
            let form = if !content.is_empty() && content.iter().all(|w| known_words.contains(w)) {
                "en_alt"
            } else {
                "literal"
            };
            props.push(Proposal {
                id: entry.id.clone(),
                zh: entry.zh.clone(),
                phrase,
                form: form.into(),
                joint: *j,
                entry_segments: ne as u64,
                phrase_segments: np as u64,
                quoted: q,
                score: (score * 1000.0).round() / 1000.0,
                dice: ((2.0 * k11 / (ne + np)) * 1000.0).round() / 1000.0,
                line: *line,
            });
        }
        // Drop a phrase contained in a longer proposal with the same counts.
        let keys: Vec<(String, u64, u64)> = props
            .iter()
            .map(|p| {
                (
                    phrase_key(&p.phrase),
                    p.joint + 1000 * p.quoted,
                    p.phrase_segments,
                )
            })
            .collect();
        let mut keep = vec![true; props.len()];
        for (a, (ka, ja, pa)) in keys.iter().enumerate() {
            for (b, (kb, jb, pb)) in keys.iter().enumerate() {
                if a != b && ja == jb && pa == pb && kb.len() > ka.len() && contains_words(kb, ka) {
                    keep[a] = false;
                }
            }
        }
        let mut props: Vec<Proposal> = props
            .into_iter()
            .zip(keep)
            .filter(|(_, k)| *k)
            .map(|(p, _)| p)
            .collect();
        props.sort_by(|a, b| {
            b.quoted
                .cmp(&a.quoted)
                .then(b.score.total_cmp(&a.score))
                .then(b.joint.cmp(&a.joint))
                .then(a.phrase.len().cmp(&b.phrase.len()))
                .then(a.phrase.cmp(&b.phrase))
        });
        if opts.per_entry > 0 {
            props.truncate(opts.per_entry);
        }
        out.extend(props);
    }
    out
}

/// Quotation alignment: when source and target have as many quotations, the k-th source
/// quotation that is exactly one entry's Chinese form pairs with the k-th target quotation
/// (1–8 words, not already a glossary form). Returns (entry, phrase key, surface).
fn quote_aligned(
    matcher: &Matcher,
    source: &str,
    src_spans: &[crate::matcher::Span],
    target: &str,
) -> Vec<(usize, String, String)> {
    let sq = super::quotes(source);
    let tq = super::quotes(target);
    if sq.is_empty() || sq.len() != tq.len() {
        return Vec::new();
    }
    let source_entries: std::collections::HashSet<usize> =
        src_spans.iter().map(|s| s.entry).collect();
    let tgt_spans = matcher.find_in_context(target, MatchOptions::default(), &source_entries);
    let mut out = Vec::new();
    for (s, t) in sq.iter().zip(&tq) {
        let inner = source[s.clone()].trim();
        let Some(span) = src_spans.iter().find(|x| {
            x.form.is_chinese()
                && x.start >= s.start
                && x.end <= s.end
                && source[x.start..x.end].trim() == inner
        }) else {
            continue;
        };
        let phrase = crate::text::snippet::squash(target[t.clone()].trim())
            .trim()
            .to_string();
        let words = tokenize(&phrase).len();
        let covered = tgt_spans.iter().any(|x| x.start < t.end && x.end > t.start);
        if (1..=8).contains(&words) && !covered && !phrase.chars().any(crate::text::chinese::is_han)
        {
            out.push((span.entry, phrase_key(&phrase), phrase));
        }
    }
    out
}

fn phrase_key(phrase: &str) -> String {
    let toks = tokenize(phrase);
    let n = toks.len();
    toks.iter()
        .enumerate()
        .map(|(i, t)| {
            if i + 1 == n {
                singular(&t.key)
            } else {
                t.key.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Does the word sequence `long` contain `short` as consecutive words (the last word of
/// `short` compared in the singular)?
fn contains_words(long: &str, short: &str) -> bool {
    let l: Vec<String> = long.split(' ').map(singular).collect();
    let s: Vec<String> = short.split(' ').map(singular).collect();
    l.windows(s.len()).any(|w| w == s.as_slice())
}

/// Columns of `discover --aligned` CSV output.
pub const PROPOSAL_COLUMNS: &[&str] = &[
    "id",
    "zh",
    "phrase",
    "form",
    "quoted",
    "joint",
    "entry_segments",
    "phrase_segments",
    "score",
    "dice",
    "line",
];

/// Writes proposals as CSV.
pub fn write_csv(props: &[Proposal], out: &mut dyn Write) -> io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(PROPOSAL_COLUMNS)?;
    for p in props {
        w.write_record([
            &*csv_cell(&p.id),
            &csv_cell(&p.zh),
            &csv_cell(&p.phrase),
            &csv_cell(&p.form),
            &p.quoted.to_string(),
            &p.joint.to_string(),
            &p.entry_segments.to_string(),
            &p.phrase_segments.to_string(),
            &p.score.to_string(),
            &p.dice.to_string(),
            &p.line.to_string(),
        ])?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn llr_is_zero_for_independence_and_grows_with_association() {
        assert!(llr(10.0, 10.0, 10.0, 10.0).abs() < 1e-9);
        assert!(llr(10.0, 0.0, 0.0, 30.0) > llr(8.0, 2.0, 2.0, 28.0));
    }
}
