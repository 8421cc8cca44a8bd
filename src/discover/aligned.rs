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

use std::collections::HashSet;
use std::io::{self, Write};

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
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

/// Strings numbered in the order first seen.
#[derive(Default)]
struct Names {
    ids: FxHashMap<String, u32>,
    names: Vec<String>,
}

impl Names {
    /// The number of `s`, given it now if it has none.
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(s.to_string());
        self.ids.insert(s.to_string(), id);
        id
    }

    fn name(&self, id: u32) -> &str {
        &self.names[id as usize]
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
    let mut seen = FxHashSet::default();
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

/// What an entry's segments say of one n-gram key.
struct Joint {
    /// Segments holding both.
    segments: u64,
    /// The line of the first of them.
    line: u64,
    /// The key's surfaces (by number) with their counts: the most frequent is proposed. A
    /// key has a few at most, told apart by case and punctuation.
    surfaces: Vec<(u32, u64)>,
}

/// Segment pairs read on the cores at once.
const PAIRS_AT_ONCE: usize = 1024;

/// What one segment pair holds.
struct ReadPair {
    /// Quotations aligned: (entry, phrase key, surface).
    quotes: Vec<(usize, String, String)>,
    /// The entries whose Chinese forms the source holds, each once, in order.
    entries: Vec<usize>,
    /// The target's n-gram keys with their surfaces.
    grams: Vec<(String, String)>,
}

fn read_pair(matcher: &Matcher, p: &Pair) -> ReadPair {
    let src_spans = matcher.find(&p.source, MatchOptions { overlapping: true });
    let quotes = quote_aligned(matcher, &p.source, &src_spans, &p.target);
    let mut entries: Vec<usize> = src_spans
        .into_iter()
        .filter(|s| s.form.is_chinese())
        .map(|s| s.entry)
        .collect();
    entries.sort_unstable();
    entries.dedup();
    let source_entries: HashSet<usize> = entries.iter().copied().collect();
    let grams = segment_ngrams(matcher, &p.target, &source_entries);
    ReadPair {
        quotes,
        entries,
        grams,
    }
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
    // Every n-gram key and surface is held once, by number: a segment lists numbers.
    let mut keys = Names::default();
    let mut surfaces = Names::default();
    // Per segment: the entries of the source, the n-grams of the target.
    let mut entry_segs: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    let mut phrase_count: Vec<u64> = Vec::new();
    let mut seg_ngrams: Vec<Vec<(u32, u32)>> = Vec::with_capacity(pairs.len());
    // (entry, phrase key) → (segments where the target quotes the phrase where the source
    // quotes the entry, surface).
    let mut quoted: FxHashMap<(usize, u32), (u64, u32)> = FxHashMap::default();
    // Segments are read on every core, a chunk at a time (so that only a chunk's strings
    // are held before they are numbered), and added up in order.
    let mut si = 0;
    for chunk in pairs.chunks(PAIRS_AT_ONCE) {
        let read: Vec<ReadPair> = chunk.par_iter().map(|p| read_pair(matcher, p)).collect();
        for r in read {
            for (entry, key, surface) in r.quotes {
                let key = keys.id(&key);
                let q = quoted
                    .entry((entry, key))
                    .or_insert_with(|| (0, surfaces.id(&surface)));
                q.0 += 1;
            }
            for &e in &r.entries {
                entry_segs.entry(e).or_default().push(si);
            }
            let grams: Vec<(u32, u32)> = r
                .grams
                .iter()
                .map(|(k, surface)| (keys.id(k), surfaces.id(surface)))
                .collect();
            phrase_count.resize(keys.names.len(), 0);
            for &(k, _) in &grams {
                phrase_count[k as usize] += 1;
            }
            seg_ngrams.push(grams);
            si += 1;
        }
    }
    phrase_count.resize(keys.names.len(), 0);
    let mut entries: Vec<(&usize, &Vec<usize>)> = entry_segs.iter().collect();
    entries.sort();
    // Each entry's quoted phrases (key, surface), found without a pass over all of them.
    let mut quoted_by_entry: FxHashMap<usize, Vec<(u32, u32)>> = FxHashMap::default();
    for (&(qe, k), &(_, surface)) in &quoted {
        quoted_by_entry.entry(qe).or_default().push((k, surface));
    }
    let mut out = Vec::new();
    for (&ei, segs) in entries {
        let entry = &matcher.glossary().entries[ei];
        let known_words: HashSet<String> = std::iter::once(&entry.en)
            .chain(&entry.en_alt)
            .flat_map(|f| tokenize(f).into_iter().map(|t| singular(&t.key)))
            .collect();
        let mut joint: FxHashMap<u32, Joint> = FxHashMap::default();
        for &si in segs {
            for &(k, surface) in &seg_ngrams[si] {
                let j = joint.entry(k).or_insert_with(|| Joint {
                    segments: 0,
                    line: pairs[si].line,
                    surfaces: Vec::new(),
                });
                j.segments += 1;
                match j.surfaces.iter_mut().find(|(s, _)| *s == surface) {
                    Some((_, c)) => *c += 1,
                    None => j.surfaces.push((surface, 1)),
                }
            }
        }
        for &(k, surface) in quoted_by_entry.get(&ei).into_iter().flatten() {
            joint.entry(k).or_insert_with(|| Joint {
                segments: 1,
                line: segs.first().map_or(0, |&si| pairs[si].line),
                surfaces: vec![(surface, 1)],
            });
        }
        let ne = segs.len() as f64;
        let mut props: Vec<Proposal> = Vec::new();
        for (&k, seen) in &joint {
            let (j, line, surfs) = (&seen.segments, &seen.line, &seen.surfaces);
            let q = quoted.get(&(ei, k)).map_or(0, |x| x.0);
            if *j < opts.min_joint && q == 0 {
                continue;
            }
            let np = phrase_count[k as usize].max(q).max(*j) as f64;
            let k11 = *j as f64;
            // Only positive association: seen with the entry more often than chance.
            if k11 / ne <= np / n {
                continue;
            }
            let score = llr(k11, ne - k11, np - k11, n - ne - np + k11);
            let k = keys.name(k);
            let phrase = surfs
                .iter()
                .map(|&(s, c)| (surfaces.name(s), c))
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
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
        let keep = not_contained(&keys);
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

/// Whether each proposal, given as (key, joint, phrase segments), is kept: not held by a
/// longer key as consecutive words (compared in the singular) with the same counts. Every
/// run of words of each key is looked up among the keys with its counts, so an entry with
/// thousands of proposals costs no comparison of every pair.
fn not_contained(keys: &[(String, u64, u64)]) -> Vec<bool> {
    let words: Vec<Vec<String>> = keys
        .iter()
        .map(|(k, _, _)| k.split(' ').map(singular).collect())
        .collect();
    let mut by_words: FxHashMap<(&[String], u64, u64), Vec<usize>> = FxHashMap::default();
    for (a, (_, j, p)) in keys.iter().enumerate() {
        by_words.entry((&words[a], *j, *p)).or_default().push(a);
    }
    let mut keep = vec![true; keys.len()];
    for (b, (kb, j, p)) in keys.iter().enumerate() {
        let w = &words[b];
        for n in 1..=w.len() {
            for run in w.windows(n) {
                for &a in by_words.get(&(run, *j, *p)).into_iter().flatten() {
                    if a != b && kb.len() > keys[a].0.len() {
                        keep[a] = false;
                    }
                }
            }
        }
    }
    keep
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
    fn a_proposal_inside_a_longer_one_with_the_same_counts_is_dropped() {
        let keys: Vec<(String, u64, u64)> = [
            ("nail case", 2, 3),
            ("big nail cases", 2, 3),
            ("big case", 2, 3),
            ("protective umbrella", 2, 4),
            ("protective umbrella of corruption", 3, 4),
            ("umbrella", 2, 5),
        ]
        .into_iter()
        .map(|(k, j, p)| (k.to_string(), j, p))
        .collect();
        // "nail case" is inside "big nail cases" (compared in the singular), with the same
        // counts; "big case" is not a run of its words; the umbrellas' counts differ.
        assert_eq!(not_contained(&keys), [false, true, true, true, true, true]);
    }

    #[test]
    fn llr_is_zero_for_independence_and_grows_with_association() {
        assert!(llr(10.0, 10.0, 10.0, 10.0).abs() < 1e-9);
        assert!(llr(10.0, 0.0, 0.0, 30.0) > llr(8.0, 2.0, 2.0, 28.0));
    }
}
