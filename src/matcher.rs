//! The matcher: one Aho-Corasick automaton over the folded surface forms of every entry,
//! with the word-boundary and overlap rules of `DESIGN.md` (rules 1, 2, 4 and 6).
//!
//! Latin-script keys are searched leftmost-longest with `aho-corasick`. A leftmost search
//! that rejects an in-word candidate would skip past a valid match that overlaps it
//! (aho-corasick issue #73), so when a candidate fails the boundary rule, an overlapping
//! (`Standard`) search over the rejected stretch finds every candidate there, and
//! leftmost-longest selection among the valid ones happens here. Keys with Han characters,
//! which have no boundary rule, are searched with `daachorse`'s character-wise automaton.
//! The overlapping automaton also serves `--overlapping`; it is built on first use.

use std::collections::hash_map::Entry as MapEntry;
// Fx hashing: the owner map holds every folded form, 300,000 for CC-CEDICT.
use rustc_hash::FxHashMap as HashMap;

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Input, MatchKind};
use daachorse::{
    CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder,
    MatchKind as DaachorseMatchKind,
};

use crate::glossary::{Entry, FormKind, Glossary, GlossaryError, Problem, Severity};
use crate::text::chinese::{has_traditional, is_han};
use crate::text::english::{is_word_char, plural, singular};
use crate::text::fold_form;
use crate::text::normalize::{normalize_into, Normalized};

/// A match in the original text: byte offsets, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Byte offset of the start in the original text.
    pub start: usize,
    /// Byte offset of the end, exclusive.
    pub end: usize,
    /// Index of the entry in [`Matcher::glossary`].
    pub entry: usize,
    /// Which kind of form matched.
    pub form: FormKind,
}

/// What a pattern of the automaton stands for.
#[derive(Debug, Clone, Copy)]
struct Pattern {
    entry: u32,
    form: FormKind,
    /// The pattern starts (ends) with a word character, so the text must have a word
    /// boundary there.
    bounded_start: bool,
    bounded_end: bool,
    /// The key lives in the character-wise automaton: it has a Han character, or no letter
    /// at all (a few imported forms such as "16"), which keeps the Latin automaton for text
    /// with letters.
    charwise: bool,
    /// The key has a Han character: no boundary rule applies.
    han: bool,
}

/// A glossary compiled for matching. Cheap to share across threads (`&Matcher` is `Sync`).
///
/// Keys with a Han character go into a character-wise double-array automaton (`daachorse`),
/// which stays fast with CC-CEDICT's hundred thousand Chinese headwords; the others into a
/// byte automaton (`aho-corasick`: a DFA for curated-size glossaries). Both search
/// leftmost-longest; their matches are merged.
#[derive(Clone)]
pub struct Matcher {
    glossary: Glossary,
    patterns: Vec<Pattern>,
    /// Folded keys, by pattern index.
    keys: Vec<String>,
    /// Latin-script keys, leftmost-longest, built on first use (Chinese text may never need
    /// it); `latin_ids` maps its pattern ids to ours.
    latin: OnceLock<Option<AhoCorasick>>,
    latin_ids: Vec<u32>,
    /// Keys with Han characters (and the rare keys without letters), leftmost-longest;
    /// values are our pattern ids.
    han: Option<CharwiseDoubleArrayAhoCorasick<u32>>,
    /// Some key has neither Han characters nor letters, so text without Han characters
    /// still needs the character-wise search.
    letterless: bool,
    /// Overlapping automaton over every key, built on first use: for `--overlapping`, and to
    /// rescue the stretch of a Latin candidate that failed the boundary rule.
    overlapping: OnceLock<Option<AhoCorasick>>,
    /// Length of the longest key, which bounds the stretch an overlapping search must cover.
    max_len: usize,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("entries", &self.glossary.len())
            .field("patterns", &self.patterns.len())
            .finish_non_exhaustive()
    }
}

/// Options for a search.
#[derive(Debug, Clone, Copy, Default)]
pub struct MatchOptions {
    /// Report nested and overlapping matches too, not only the leftmost-longest ones.
    pub overlapping: bool,
}

impl Matcher {
    /// Compiles a glossary. Fails with every form problem at once: a form empty after
    /// folding, or the same folded form claimed by two entries.
    pub fn new(glossary: Glossary) -> Result<Matcher, GlossaryError> {
        let (table, problems) = compile(&glossary);
        if problems.iter().any(|p| p.severity == Severity::Error) {
            return Err(GlossaryError { problems });
        }
        let (keys, patterns): (Vec<String>, Vec<Pattern>) = table.into_iter().unzip();
        let build_error = |message: String| GlossaryError {
            problems: vec![Problem {
                file: Default::default(),
                line: 0,
                column: 0,
                severity: Severity::Error,
                message,
            }],
        };
        let latin_ids: Vec<u32> = (0..patterns.len() as u32)
            .filter(|&i| !patterns[i as usize].charwise)
            .collect();
        let letterless = patterns.iter().any(|p| p.charwise && !p.han);
        let han_pairs: Vec<(&str, u32)> = (0..patterns.len() as u32)
            .filter(|&i| patterns[i as usize].charwise)
            .map(|i| (keys[i as usize].as_str(), i))
            .collect();
        let han = if han_pairs.is_empty() {
            None
        } else {
            Some(
                CharwiseDoubleArrayAhoCorasickBuilder::new()
                    .match_kind(DaachorseMatchKind::LeftmostLongest)
                    .build_with_values(han_pairs)
                    .map_err(|e| build_error(format!("cannot build the Chinese automaton: {e}")))?,
            )
        };
        let matcher = Matcher {
            glossary,
            max_len: keys.iter().map(String::len).max().unwrap_or(0),
            patterns,
            keys,
            latin: OnceLock::new(),
            latin_ids,
            han,
            letterless,
            overlapping: OnceLock::new(),
        };
        Ok(matcher)
    }

    /// The Latin automaton, built on first use. Building fails only past aho-corasick's size
    /// limits (billions of states), far beyond any glossary.
    fn latin_automaton(&self) -> Option<&AhoCorasick> {
        self.latin
            .get_or_init(|| {
                let keys: Vec<&str> = self
                    .latin_ids
                    .iter()
                    .map(|&i| self.keys[i as usize].as_str())
                    .collect();
                build(&keys, MatchKind::LeftmostLongest).ok()
            })
            .as_ref()
    }

    fn overlapping_automaton(&self) -> Option<&AhoCorasick> {
        self.overlapping
            .get_or_init(|| build(&self.keys, MatchKind::Standard).ok())
            .as_ref()
    }

    /// Does the match satisfy the word-boundary rule in the folded text?
    #[inline]
    fn bounded(&self, folded: &str, start: usize, end: usize, pattern: usize) -> bool {
        let p = &self.patterns[pattern];
        let word_before = || {
            folded[..start]
                .chars()
                .next_back()
                .is_some_and(is_word_char)
        };
        let word_after = || folded[end..].chars().next().is_some_and(is_word_char);
        let rejected = (p.bounded_start && word_before()) || (p.bounded_end && word_after());
        !rejected
    }

    /// The glossary the matcher was built from.
    pub fn glossary(&self) -> &Glossary {
        &self.glossary
    }

    /// The entry a span names.
    pub fn entry(&self, span: &Span) -> &Entry {
        &self.glossary.entries[span.entry]
    }

    /// Number of folded patterns in the automaton (forms and their plural variants).
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// Finds the terms of `text`, sorted by start (then longest first).
    pub fn find(&self, text: &str, opts: MatchOptions) -> Vec<Span> {
        let mut norm = Normalized::default();
        let mut spans = Vec::new();
        self.find_into(text, opts, &mut norm, &mut spans);
        spans
    }

    /// Like [`Matcher::find`], reusing the caller's buffers.
    pub fn find_into(
        &self,
        text: &str,
        opts: MatchOptions,
        norm: &mut Normalized,
        spans: &mut Vec<Span>,
    ) {
        spans.clear();
        if self.patterns.is_empty() {
            return;
        }
        normalize_into(text, norm);
        let folded = norm.text.as_str();
        // Accepted matches in folded coordinates: (start, end, pattern).
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        if opts.overlapping {
            if let Some(ac) = self.overlapping_automaton() {
                for m in ac.find_overlapping_iter(folded) {
                    let p = m.pattern().as_usize();
                    if self.bounded(folded, m.start(), m.end(), p) {
                        found.push((m.start(), m.end(), p));
                    }
                }
            }
            found.sort_unstable_by_key(|&(s, e, p)| (s, std::cmp::Reverse(e), p));
        } else {
            // Every Latin key has a letter, so text without letters cannot match one.
            if norm.has_letters() {
                if let Some(latin) = self.latin_automaton() {
                    self.find_latin(latin, folded, &mut found);
                }
            }
            let charwise_possible = norm.has_han() || self.letterless;
            if let (Some(han), true) = (&self.han, charwise_possible) {
                let han_found = han
                    .leftmost_find_iter(folded)
                    .map(|m| (m.start(), m.end(), m.value() as usize))
                    .filter(|&(s, e, p)| self.patterns[p].han || self.bounded(folded, s, e, p));
                found = merge(found, han_found);
            }
        }
        let mut hint = 0;
        for (s, e, p) in found {
            let pat = self.patterns[p];
            let r = norm.original_range_from(s..e, &mut hint);
            let mut form = pat.form;
            // Traditional characters fold to different bytes, so an original span equal to its
            // folded text (the usual case) needs no look at its characters.
            if matches!(form, FormKind::Zh | FormKind::ZhAlt)
                && text.as_bytes()[r.clone()] != folded.as_bytes()[s..e]
                && has_traditional(&text[r.clone()])
            {
                form = FormKind::ZhHant;
            }
            spans.push(Span {
                start: r.start,
                end: r.end,
                entry: pat.entry as usize,
                form,
            });
        }
        if opts.overlapping {
            // A form and its plural variant can both match one stretch of text.
            spans.sort_by_key(|x| (x.start, std::cmp::Reverse(x.end), x.entry));
            spans.dedup_by_key(|x| (x.start, x.end, x.entry));
        }
    }

    /// Leftmost-longest Latin matches that pass the boundary rule.
    fn find_latin(
        &self,
        latin: &AhoCorasick,
        folded: &str,
        found: &mut Vec<(usize, usize, usize)>,
    ) {
        let mut pos = 0;
        while pos < folded.len() {
            let Some(m) = latin.find(Input::new(folded).range(pos..)) else {
                break;
            };
            let p = self.latin_ids[m.pattern().as_usize()] as usize;
            if self.bounded(folded, m.start(), m.end(), p) {
                found.push((m.start(), m.end(), p));
                pos = m.end();
                continue;
            }
            // Rejected: the leftmost valid candidate starting inside the rejected stretch,
            // if any, is the next match.
            match self.rescue(folded, m.start(), m.end()) {
                Some(c) => {
                    pos = c.1;
                    found.push(c);
                }
                None => pos = m.end(),
            }
        }
    }

    /// The leftmost-longest candidate that passes the boundary rule among those starting in
    /// `start..end` of the folded text.
    fn rescue(&self, folded: &str, start: usize, end: usize) -> Option<(usize, usize, usize)> {
        let ac = self.overlapping_automaton()?;
        let window = start..(end + self.max_len).min(folded.len());
        let mut best: Option<(usize, usize, usize)> = None;
        for m in ac.find_overlapping_iter(Input::new(folded).range(window)) {
            let (s, e, p) = (m.start(), m.end(), m.pattern().as_usize());
            if s >= end || self.patterns[p].charwise || !self.bounded(folded, s, e, p) {
                continue;
            }
            let better = best.is_none_or(|(bs, be, bp)| {
                (s, std::cmp::Reverse(e), p) < (bs, std::cmp::Reverse(be), bp)
            });
            if better {
                best = Some((s, e, p));
            }
        }
        best
    }
}

/// Merges two lists of non-overlapping matches sorted by start into one, leftmost first
/// and longest first where they overlap.
fn merge(
    a: Vec<(usize, usize, usize)>,
    b: impl Iterator<Item = (usize, usize, usize)>,
) -> Vec<(usize, usize, usize)> {
    let mut b = b.peekable();
    if b.peek().is_none() {
        return a;
    }
    let mut all: Vec<(usize, usize, usize)> = a.into_iter().chain(b).collect();
    all.sort_unstable_by_key(|&(s, e, p)| (s, std::cmp::Reverse(e), p));
    let mut last_end = 0;
    all.retain(|&(s, e, _)| {
        let keep = s >= last_end;
        if keep {
            last_end = e;
        }
        keep
    });
    all
}

/// Builds an automaton: a DFA for curated-size glossaries (several times faster than the
/// NFA), the contiguous NFA when the DFA would be too large (CC-CEDICT-size glossaries).
fn build<K: AsRef<[u8]>>(
    keys: &[K],
    kind: MatchKind,
) -> Result<AhoCorasick, aho_corasick::BuildError> {
    let dfa = (keys.len() <= 20_000).then_some(AhoCorasickKind::DFA);
    AhoCorasickBuilder::new()
        .match_kind(kind)
        .kind(dfa)
        .build(keys)
        .or_else(|_| AhoCorasickBuilder::new().match_kind(kind).build(keys))
}

/// Folds every surface form of the glossary into the automaton's pattern table, adding the
/// singular and plural variants of English forms. Explicit forms take precedence over
/// variants; the same explicit form in two entries is an error.
fn compile(glossary: &Glossary) -> (Vec<(String, Pattern)>, Vec<Problem>) {
    let mut table: Vec<(String, Pattern)> = Vec::new();
    let mut owner: HashMap<String, (usize, bool)> = HashMap::default(); // key -> (table index, explicit)
    let mut problems = Vec::new();
    let mut variants = Vec::new();
    for (ei, entry) in glossary.entries.iter().enumerate() {
        for (kind, form) in entry.all_forms() {
            let key = fold_form(form);
            let problem = |message: String| Problem {
                file: entry.origin.file.clone(),
                line: entry.origin.line,
                column: entry.origin.column(kind.as_str()),
                severity: Severity::Error,
                message,
            };
            if key.is_empty() {
                problems.push(problem(format!(
                    "{kind} form {form:?} of {:?} is empty after normalization",
                    entry.id
                )));
                continue;
            }
            let pattern = Pattern {
                entry: ei as u32,
                form: kind,
                bounded_start: key.chars().next().is_some_and(is_word_char),
                bounded_end: key.chars().next_back().is_some_and(is_word_char),
                han: key.chars().any(is_han),
                charwise: key.chars().any(is_han) || !key.chars().any(char::is_alphabetic),
            };
            match owner.entry(key.clone()) {
                MapEntry::Occupied(o) => {
                    let (ti, explicit) = *o.get();
                    let other = table[ti].1.entry as usize;
                    if other != ei && explicit {
                        let o = &glossary.entries[other];
                        problems.push(problem(format!(
                            "{kind} form {form:?} of {:?} is already a form of {:?} ({}:{})",
                            entry.id,
                            o.id,
                            o.origin.file.display(),
                            o.origin.line
                        )));
                    } else if !explicit {
                        // An explicit form displaces another entry's generated variant.
                        table[ti].1 = pattern;
                        o.into_mut().1 = true;
                    }
                }
                MapEntry::Vacant(v) => {
                    v.insert((table.len(), true));
                    table.push((key.clone(), pattern));
                }
            }
            if !kind.is_chinese() {
                variants.push((key, pattern));
            }
        }
    }
    for (key, pattern) in variants {
        for v in number_variants(&key) {
            if let MapEntry::Vacant(slot) = owner.entry(v.clone()) {
                slot.insert((table.len(), false));
                table.push((v, pattern));
            }
        }
    }
    (table, problems)
}

/// Singular and plural variants of an English form: its last word, and the word before a
/// following "of" ("umbrella of protection" / "umbrellas of protection").
fn number_variants(key: &str) -> Vec<String> {
    let words: Vec<&str> = key.split(' ').collect();
    let mut heads = vec![words.len() - 1];
    if let Some(i) = words.iter().position(|w| *w == "of") {
        if i > 0 {
            heads.push(i - 1);
        }
    }
    let mut out = Vec::new();
    for h in heads {
        for w in word_variants(words[h]) {
            let mut ws = words.clone();
            ws[h] = &w;
            let v = ws.join(" ");
            if v != key && !out.contains(&v) {
                out.push(v);
            }
        }
    }
    out
}

/// Regular English singular and plural of a lower-case word (not of irregular ones).
fn word_variants(w: &str) -> Vec<String> {
    if w.len() < 3 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let singular = Some(singular(w)).filter(|s| s != w);
    if let Some(s) = &singular {
        out.push(s.clone());
    }
    out.push(plural(singular.as_deref().unwrap_or(w)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number() {
        assert_eq!(word_variants("case"), ["cases"]);
        assert_eq!(word_variants("umbrellas"), ["umbrella", "umbrellas"]);
        assert_eq!(word_variants("industries"), ["industry", "industries"]);
        assert_eq!(word_variants("consciousness"), ["consciousnesses"]);
        assert_eq!(word_variants("boxes"), ["box", "boxes"]);
        assert_eq!(
            number_variants("umbrella of protection"),
            ["umbrella of protections", "umbrellas of protection"]
        );
    }
}
