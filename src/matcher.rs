//! The matcher: the glossary's forms compiled for search, with the boundary, exclusion,
//! context and overlap rules of `DESIGN.md`.
//!
//! English (any form without Han characters) is matched over words by [`PhraseSet`]: a form
//! matches however the text inflects, spells, articles or joins its words, and matches start
//! and end on words by construction. Forms with Han characters are searched leftmost-longest
//! in the folded text with `daachorse`'s character-wise automaton (Chinese has no word
//! boundaries). The two lists of matches are merged leftmost-longest. Then two glossary rules
//! apply: a match inside one of its entry's `exclude` strings is dropped (公安部 in 公安部门),
//! and a match of a `gated` form counts only near another form of its entry or one of its
//! `cue`s.

pub mod cache;
mod keys;
mod lists;

use std::collections::hash_map::Entry as MapEntry;
// Fx hashing: the owner map holds every folded form, 300,000 for CC-CEDICT.
use rustc_hash::FxHashMap as HashMap;

use std::sync::OnceLock;

use daachorse::{
    CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder,
    MatchKind as DaachorseMatchKind,
};

use crate::glossary::{Entry, FormKind, Glossary, GlossaryError, Problem, Severity};
use crate::text::chinese::{has_traditional, is_han};
use crate::text::english::is_word_char;
use crate::text::normalize::{normalize_rejoining, wrapper, Normalized};
use crate::text::phrase::{OtherReadings, PhraseBuilder, PhraseProblem, PhraseSet};
use crate::text::regional::regional_key;
use crate::text::{ceil_boundary, floor_boundary, fold_form};
use keys::HanKeys;

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

/// What a pattern stands for.
#[derive(Debug, Clone, Copy)]
struct Pattern {
    entry: u32,
    form: FormKind,
    /// The form is listed in its entry's `gated` column.
    gated: bool,
}

/// How far (in bytes of folded text, either side) a gated form looks for another form of its
/// entry or a cue: about a paragraph.
pub const CONTEXT_WINDOW: usize = 600;

/// How far past a dropped English match a form starting at a later word of it is looked
/// for, in bytes (then to the end of the word there): a few words, as "(NPC) Standing
/// Committee" after a congress's name. Longer costs a scan that much longer per dropped
/// match (256 bytes: 5 % more instructions on the benchmark, whose gated forms mostly lack cues).
const ENGLISH_REACH: usize = 64;

/// A glossary compiled for matching. Cheap to share across threads (`&Matcher` is `Sync`).
#[derive(Clone)]
pub struct Matcher {
    glossary: Glossary,
    patterns: Vec<Pattern>,
    /// English forms, matched over words, and the English cues, found in the same pass
    /// (their ids index `cue_entries`).
    phrases: PhraseSet,
    /// Folded Chinese keys and their pattern ids.
    han_keys: HanKeys,
    /// Chinese keys, leftmost-longest; values are pattern ids.
    han: Option<CharwiseDoubleArrayAhoCorasick<u32>>,
    /// Chinese keys, every match (overlapping ones too): built on first use, or read from
    /// the cache of compiled glossaries ([`cache::Compiled::ready_overlapping`]). Values as in
    /// `han`.
    overlapping: OnceLock<Option<CharwiseDoubleArrayAhoCorasick<u32>>>,
    /// The longest Chinese key's length in bytes, worked out on first use.
    longest_han: OnceLock<usize>,
    /// Each Chinese key's place in `han_keys`, by its hash, built on first use: the exact
    /// look-ups of lists that share a head or tail ([`lists`]).
    han_exact: OnceLock<rustc_hash::FxHashMap<u64, u32>>,
    /// The longest form, exclusion or cue of any entry, in bytes as written: what a window
    /// must see around its text ([`crate::annotate::WindowSizes::minimum`]). Kept so that a
    /// glossary read from the cache need not decode every entry to know it.
    longest_form: usize,
    /// Folded `exclude` strings by entry.
    excludes: HashMap<u32, Vec<String>>,
    /// Folded Chinese `cue` strings by entry (only entries with gated forms).
    cues: HashMap<u32, Vec<String>>,
    /// The entries each English cue licenses.
    cue_entries: Vec<Vec<u32>>,
    any_gated: bool,
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
    /// folding, a form with no word but articles, or the same form (after folding, and for
    /// English after inflection and spelling) claimed by two entries.
    pub fn new(glossary: Glossary) -> Result<Matcher, GlossaryError> {
        let CuesAndExcludes {
            builder,
            cue_entries,
            cues,
            excludes,
        } = cues_and_excludes(&glossary);
        let Compiled {
            patterns,
            han_keys,
            phrases,
            han,
            mut problems,
        } = compile(&glossary, builder);
        if problems.iter().any(|p| p.severity == Severity::Error) {
            problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
            return Err(GlossaryError { problems });
        }
        let han = han.map_err(|e| GlossaryError {
            problems: vec![Problem {
                file: Default::default(),
                line: 0,
                column: 0,
                severity: Severity::Error,
                message: format!("cannot build the Chinese automaton: {e}"),
            }],
        })?;
        let longest_form = glossary
            .entries
            .iter()
            .flat_map(|e| {
                e.all_forms()
                    .map(|(_, f)| f.len())
                    .chain(e.exclude.iter().chain(&e.cue).map(String::len))
            })
            .max()
            .unwrap_or(0);
        Ok(Matcher {
            any_gated: patterns.iter().any(|p| p.gated),
            longest_form,
            glossary,
            patterns,
            phrases,
            han_keys,
            han,
            overlapping: OnceLock::new(),
            longest_han: OnceLock::new(),
            han_exact: OnceLock::new(),
            excludes,
            cues,
            cue_entries,
        })
    }

    /// The longest form, exclusion or cue of any entry, in bytes.
    pub fn longest_form(&self) -> usize {
        self.longest_form
    }

    fn overlapping_automaton(&self) -> Option<&CharwiseDoubleArrayAhoCorasick<u32>> {
        self.overlapping
            .get_or_init(|| {
                han_automaton(&self.han_keys, DaachorseMatchKind::Standard)
                    .ok()
                    .flatten()
            })
            .as_ref()
    }

    /// The glossary the matcher was built from.
    pub fn glossary(&self) -> &Glossary {
        &self.glossary
    }

    /// The entry a span names.
    pub fn entry(&self, span: &Span) -> &Entry {
        &self.glossary.entries[span.entry]
    }

    /// Number of patterns: folded forms, and the variants of Chinese forms with list marks.
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

    /// Like [`Matcher::find`], for text whose context names some entries already (the source
    /// of a translated segment): their gated forms count without a cue nearby.
    pub fn find_in_context(
        &self,
        text: &str,
        opts: MatchOptions,
        context: &std::collections::HashSet<usize>,
    ) -> Vec<Span> {
        let mut norm = Normalized::default();
        let mut spans = Vec::new();
        self.search(text, opts, &mut norm, &mut spans, Some(context));
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
        self.search(text, opts, norm, spans, None)
    }

    fn search(
        &self,
        text: &str,
        opts: MatchOptions,
        norm: &mut Normalized,
        spans: &mut Vec<Span>,
        context: Option<&std::collections::HashSet<usize>>,
    ) {
        spans.clear();
        if self.patterns.is_empty() {
            return;
        }
        normalize_rejoining(text, norm, &|w| self.phrases.is_form_word(w));
        let folded = norm.text.as_str();
        // Accepted matches in folded coordinates: (start, end, pattern).
        // A match per hundred bytes where terms are dense: sized once for a document or a
        // window, not grown (a text of gigabytes grows it past the first megabyte).
        let mut found: Vec<(usize, usize, usize)> =
            Vec::with_capacity((folded.len() / 128).clamp(8, 1 << 16));
        // English cues anywhere in the text: (start, end, cue).
        let mut cue_hits: Vec<(usize, usize, usize)> = Vec::new();
        // How far other readings of the words of English matches may run.
        let mut others = Vec::new();
        // Every English form has a letter or digit; text without letters has no English
        // words worth scanning (and Chinese text would be a word per character).
        let english = !self.phrases.is_empty()
            && (norm.has_letters()
                || (self.phrases.has_digits() && folded.bytes().any(|b| b.is_ascii_digit())));
        if opts.overlapping {
            if english {
                self.phrases
                    .find_overlapping(folded, &mut found, &mut cue_hits);
            }
            if norm.has_han() {
                if let Some(ac) = self.overlapping_automaton() {
                    found.extend(
                        ac.find_overlapping_iter(folded)
                            .map(|m| (m.start(), m.end(), m.value() as usize)),
                    );
                }
            }
            found.sort_unstable_by_key(|&(s, e, p)| (s, std::cmp::Reverse(e), p));
        } else {
            if english {
                self.phrases
                    .find_noting_others(folded, &mut found, &mut cue_hits, &mut others);
            }
            if let (Some(han), true) = (&self.han, norm.has_han()) {
                let han_found = han
                    .leftmost_find_iter(folded)
                    .map(|m| (m.start(), m.end(), m.value() as usize));
                found = merge(found, han_found);
                if folded.contains('、') {
                    self.share_lists(folded, &mut found);
                }
            }
        }
        cue_hits.sort_unstable();
        let dropped =
            self.apply_glossary_rules(folded, norm.has_han(), &mut found, &cue_hits, context);
        if !opts.overlapping && !dropped.is_empty() {
            self.refill(
                folded,
                norm.has_han(),
                english,
                &mut found,
                &dropped,
                &cue_hits,
                &others,
                context,
            );
        }
        let mut hint = 0;
        spans.reserve(found.len());
        for (s, e, p) in found {
            let pat = self.patterns[p];
            let mut r = norm.original_range_from(s..e, &mut hint);
            let mut form = pat.form;
            // Traditional characters and quotes inside a term fold to other bytes, so an
            // original span equal to its folded text (the usual case) needs no further look.
            if pat.form.is_chinese() && text.as_bytes()[r.clone()] != folded.as_bytes()[s..e] {
                if matches!(form, FormKind::Zh | FormKind::ZhAlt)
                    && has_traditional(&text[r.clone()])
                {
                    form = FormKind::ZhHant;
                }
                r = balance_quotes(text, r);
            }
            spans.push(Span {
                start: r.start,
                end: r.end,
                entry: pat.entry as usize,
                form,
            });
        }
        if opts.overlapping {
            // Two forms of one entry can match one stretch of text.
            spans.sort_by_key(|x| (x.start, std::cmp::Reverse(x.end), x.entry));
            spans.dedup_by_key(|x| (x.start, x.end, x.entry));
        } else {
            // Taking in a quote around a term may reach into the next term when the two share
            // it (`保护伞"protective umbrellas`): the quote stays with the first.
            let mut last_end = 0;
            spans.retain_mut(|x| {
                x.start = x.start.max(last_end);
                let keep = x.start < x.end;
                if keep {
                    last_end = x.end;
                }
                keep
            });
        }
    }

    /// Gives the items of Chinese lists that share a head or tail (二十届二中、三中全会) the
    /// entries their full names are keys of ([`lists`]), in place of what was found there.
    fn share_lists(&self, folded: &str, found: &mut Vec<(usize, usize, usize)>) {
        use std::hash::BuildHasher;
        let hash = |s: &str| rustc_hash::FxBuildHasher.hash_one(s);
        let exact = self.han_exact.get_or_init(|| {
            let mut m = rustc_hash::FxHashMap::default();
            for (i, (k, _)) in self.han_keys.iter().enumerate() {
                m.entry(hash(k)).or_insert(i as u32);
            }
            m
        });
        let key = |s: &str| {
            let i = *exact.get(&hash(s))?;
            let (k, p) = self.han_keys.get(i as usize)?;
            (k == s).then_some(p as usize)
        };
        let shared: Vec<lists::SharedList> = found
            .iter()
            .filter(|&&(s, _, p)| self.patterns[p].form.is_chinese() && folded[..s].ends_with('、'))
            .filter_map(|&(s, e, _)| lists::shared_list(folded, (s, e), key))
            .collect();
        if shared.is_empty() {
            return;
        }
        for list in shared {
            // Not where a match runs across either end of the list, nor where one inside it
            // runs across a list mark: a term there (不放过、不凑数) is no list item.
            let across = |at: usize| found.iter().any(|&(s, e, _)| s < at && e > at);
            let term_with_mark = found
                .iter()
                .any(|&(s, e, _)| s >= list.start && e <= list.end && folded[s..e].contains('、'));
            if across(list.start) || across(list.end) || term_with_mark {
                continue;
            }
            found.retain(|&(s, e, _)| e <= list.start || s >= list.end);
            found.extend(list.spans);
        }
        found.sort_unstable_by_key(|&(s, e, p)| (s, std::cmp::Reverse(e), p));
    }

    /// Drops matches inside one of their entry's `exclude` strings, and matches of gated
    /// forms with no other form of their entry and no cue nearby.
    /// Gives the matches dropped. `cue_hits` is sorted.
    fn apply_glossary_rules(
        &self,
        folded: &str,
        has_han: bool,
        found: &mut Vec<(usize, usize, usize)>,
        cue_hits: &[(usize, usize, usize)],
        context: Option<&std::collections::HashSet<usize>>,
    ) -> Vec<(usize, usize, usize)> {
        let mut dropped = Vec::new();
        if !self.excludes.is_empty() {
            found.retain(|&(s, e, p)| {
                let entry = self.patterns[p].entry;
                let keep = self
                    .excludes
                    .get(&entry)
                    .is_none_or(|xs| !xs.iter().any(|x| inside(folded, s, e, x)));
                if !keep {
                    dropped.push((s, e, p));
                }
                keep
            });
        }
        if !self.any_gated || !found.iter().any(|&(_, _, p)| self.patterns[p].gated) {
            return dropped;
        }
        // Matches by entry, sorted by start, to look for another form nearby.
        let licensed: Vec<bool> = found
            .iter()
            .map(|&(s, e, p)| {
                let pat = self.patterns[p];
                if !pat.gated || context.is_some_and(|c| c.contains(&(pat.entry as usize))) {
                    return true;
                }
                let (lo, hi) = (s.saturating_sub(CONTEXT_WINDOW), e + CONTEXT_WINDOW);
                // Matches are sorted by start and a form is far shorter than the look-back.
                let from = found.partition_point(|f| f.0 + 4 * CONTEXT_WINDOW < lo);
                let near_form =
                    found[from..]
                        .iter()
                        .take_while(|f| f.0 <= hi)
                        .any(|&(s2, e2, p2)| {
                            let q = self.patterns[p2];
                            // Another gated form of the entry counts too, but not the same
                            // form again: two wordings of one idea ("performance project and
                            // image project") name it, a phrase repeated does not.
                            let other = !q.gated || (p2 != p && (e2 <= s || s2 >= e));
                            q.entry == pat.entry && other && e2 >= lo
                        });
                if near_form {
                    return true;
                }
                // A cue inside the match itself does not count ("Party" is no cue for "Party"),
                // nor one inside a string the entry excludes (以上率下 in 以上率下降). A cue that
                // holds the whole match and more does: it names the form's context ("since
                // the 18th National Congress" for "18th National Congress").
                let excluded = |cs: usize, ce: usize| {
                    self.excludes
                        .get(&pat.entry)
                        .is_some_and(|xs| xs.iter().any(|x| inside(folded, cs, ce, x)))
                };
                let around = |cs: usize, ce: usize| cs <= s && ce >= e && ce - cs > e - s;
                let apart = |cs: usize, ce: usize| {
                    (ce <= s || cs >= e || around(cs, ce)) && !excluded(cs, ce)
                };
                let from = cue_hits.partition_point(|c| c.0 + 4 * CONTEXT_WINDOW < lo);
                let english =
                    cue_hits[from..]
                        .iter()
                        .take_while(|c| c.0 <= hi)
                        .any(|&(cs, ce, c)| {
                            // The entry first: the exclusion test compares bytes.
                            ce >= lo && self.cue_entries[c].contains(&pat.entry) && apart(cs, ce)
                        });
                // Chinese cues (they hold a Han character) only where the text has one.
                english
                    || has_han
                        && self.cues.get(&pat.entry).is_some_and(|cues| {
                            let (lo, hi) = (floor_boundary(folded, lo), ceil_boundary(folded, hi));
                            let window = &folded[lo..hi];
                            cues.iter().any(|c| {
                                term_positions(window, c).any(|i| apart(lo + i, lo + i + c.len()))
                            })
                        })
            })
            .collect();
        let mut k = 0;
        found.retain(|&m| {
            k += 1;
            if !licensed[k - 1] {
                dropped.push(m);
            }
            licensed[k - 1]
        });
        dropped
    }

    /// Gives the text of leftmost-longest matches that the glossary's rules dropped (a gated
    /// form with no cue nearby, a form inside an `exclude` string) back to the other forms:
    /// the matches of every other form that the rules keep and that start inside a dropped
    /// match, leftmost-longest ("ensures the CPC's position as the governing party": with no
    /// cue for the gated form that took the whole phrase, "CPC" is still found). Such a
    /// match may run past the dropped one (二十届中央军委委员: with 二十届中央 excluded before
    /// 军委, 中央军委委员 is found), taking in the kept matches nested in it ("session of the
    /// National People's Congress (NPC) Standing Committee": the aside's "NPC" gives way to
    /// the Standing Committee) but none that runs past its end. `found` is sorted by start;
    /// so is `others`, how far other readings of the words of English matches may run
    /// ([`PhraseSet::find_noting_others`]): no other form is looked for where none can be.
    #[allow(clippy::too_many_arguments)]
    fn refill(
        &self,
        folded: &str,
        has_han: bool,
        english: bool,
        found: &mut Vec<(usize, usize, usize)>,
        dropped: &[(usize, usize, usize)],
        cue_hits: &[(usize, usize, usize)],
        others: &[OtherReadings],
        context: Option<&std::collections::HashSet<usize>>,
    ) {
        let mut candidates = Vec::new();
        let longest_han = *self.longest_han.get_or_init(|| {
            self.han_keys
                .iter()
                .map(|(k, _)| k.len())
                .max()
                .unwrap_or(0)
        });
        for &(s, e, p) in dropped {
            let inner = &folded[s..e];
            let mut hits = Vec::new();
            // Where another reading of the words may end at most (an English match that has
            // none is not searched again).
            let other_end = match others.binary_search_by_key(&(s, e, p), |o| o.0) {
                Ok(i) => others[i].1,
                Err(_) => Some(folded.len()),
            };
            if let (true, Some(other_end)) = (
                english && inner.bytes().any(|b| b.is_ascii_alphanumeric()),
                other_end,
            ) {
                // A form from the dropped match's first word that ran past it would have
                // been chosen over it: only one from a later word can, and a few words past
                // it at most. The piece ends between words, so no word is cut short (a run
                // of letters other than ASCII is not followed: a Han character is a word of
                // its own, and a long line of them must not be searched per drop).
                let one_word = inner
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b >= 0x80);
                let mut reach = if one_word {
                    e
                } else {
                    ceil_boundary(folded, (e + ENGLISH_REACH).min(other_end).max(e))
                };
                let b = folded.as_bytes();
                while reach < b.len() && b[reach].is_ascii_alphanumeric() {
                    reach += 1;
                }
                self.phrases
                    .find_overlapping(&folded[s..reach], &mut hits, &mut Vec::new());
                hits.retain(|h| h.0 < inner.len());
            }
            // Every Chinese match at each character: the leftmost-longest automaton from
            // there gives the longest, and again short of its end the next (the overlapping
            // automaton would be built for a few characters, and over CC-CEDICT's keys that
            // takes a second).
            if let (Some(han), true) = (&self.han, has_han && inner.bytes().any(|b| b >= 0x80)) {
                for (i, _) in inner.char_indices() {
                    // No further than a form can run from here.
                    let reach = ceil_boundary(folded, folded.len().min(s + i + longest_han));
                    let from = &folded[s..reach];
                    let mut end = from.len();
                    while let Some(m) = han.leftmost_find_iter(&from[i..end]).next() {
                        if m.start() != 0 {
                            break;
                        }
                        hits.push((i, i + m.end(), m.value() as usize));
                        end = floor_boundary(from, i + m.end() - 1);
                    }
                }
            }
            // The dropped entry on the same words is the same match, whichever of its
            // forms spells them ("masses line" is "the mass line" inflected).
            let entry = self.patterns[p].entry;
            candidates.extend(
                hits.into_iter()
                    .map(|(a, b, q)| (s + a, s + b, q))
                    .filter(|&(a, b, q)| (a, b) != (s, e) || self.patterns[q].entry != entry),
            );
        }
        if candidates.is_empty() {
            return;
        }
        // The rules again, with the matches kept around them (another form of an entry
        // nearby licenses its gated forms).
        let mut all = found.clone();
        all.extend(&candidates);
        all.sort_unstable();
        all.dedup();
        let mut refused = self.apply_glossary_rules(folded, has_han, &mut all, cue_hits, context);
        refused.sort_unstable();
        candidates.retain(|m| refused.binary_search(m).is_err());
        candidates.sort_unstable_by_key(|&(s, e, p)| (s, std::cmp::Reverse(e), p));
        let mut end = 0;
        let mut taken = Vec::new();
        // Kept matches a candidate takes in: it starts further left, so leftmost-longest
        // gives it the words of a match nested in it (never of one that runs past its end).
        // `found` holds no overlaps: its ends are sorted as its starts are.
        let mut nested = Vec::new();
        for (s, e, p) in candidates {
            if s < end {
                continue;
            }
            let from = found.partition_point(|f| f.1 <= s);
            let to = from + found[from..].partition_point(|f| f.0 < e);
            if found[from..to].iter().any(|f| f.1 > e) {
                continue;
            }
            nested.extend(from..to);
            taken.push((s, e, p));
            end = e;
        }
        if !nested.is_empty() {
            let mut k = 0;
            found.retain(|_| {
                k += 1;
                nested.binary_search(&(k - 1)).is_err()
            });
        }
        found.extend(taken);
        found.sort_unstable_by_key(|&(s, e, p)| (s, std::cmp::Reverse(e), p));
    }
}

/// A Chinese span with a quote or bracket inside (打“伞”破“网) takes in the partner of an
/// unpaired one right outside it (打“伞”破“网”), so it holds what the text quotes.
fn balance_quotes(text: &str, mut r: std::ops::Range<usize>) -> std::ops::Range<usize> {
    const PAIRS: [(char, char); 10] = [
        ('“', '”'),
        ('‘', '’'),
        ('「', '」'),
        ('『', '』'),
        ('《', '》'),
        ('〈', '〉'),
        ('【', '】'),
        ('〔', '〕'),
        ('（', '）'),
        ('(', ')'),
    ];
    // Most spans hold no quote or bracket: one pass over their characters tells.
    let quoted = text[r.clone()].chars().any(|c| {
        matches!(
            c,
            '“' | '”'
                | '‘'
                | '’'
                | '「'
                | '」'
                | '『'
                | '』'
                | '《'
                | '》'
                | '〈'
                | '〉'
                | '【'
                | '】'
                | '〔'
                | '〕'
                | '（'
                | '）'
                | '('
                | ')'
                | '"'
                | '\''
        )
    });
    if !quoted {
        return r;
    }
    for (open, close) in PAIRS {
        let inner = &text[r.clone()];
        let (opens, closes) = (inner.matches(open).count(), inner.matches(close).count());
        if opens > closes && text[r.end..].starts_with(close) {
            r.end += close.len_utf8();
        } else if closes > opens && text[..r.start].ends_with(open) {
            r.start -= open.len_utf8();
        }
    }
    for q in ['"', '\''] {
        if text[r.clone()].matches(q).count() % 2 == 1 {
            if text[r.end..].starts_with(q) {
                r.end += 1;
            } else if text[..r.start].ends_with(q) {
                r.start -= 1;
            }
        }
    }
    r
}

/// Is folded `[s, e)` inside an occurrence of `x`? Every place `x` could start and still
/// cover the match is compared, which is a handful of bytes: cheaper than setting up a
/// substring search for each match. (A byte-wise match of a whole `str` always starts on a
/// character boundary.)
fn inside(folded: &str, s: usize, e: usize, x: &str) -> bool {
    let (b, x) = (folded.as_bytes(), x.as_bytes());
    // The first byte before the rest: a call to compare the rest costs more than the look.
    (e.saturating_sub(x.len())..=s)
        .any(|i| x.first().is_none_or(|c| b.get(i) == Some(c)) && b.get(i..i + x.len()) == Some(x))
}

/// Where `hay` has `term` on word boundaries (where `term` starts or ends with a word
/// character).
fn term_positions<'a>(hay: &'a str, term: &'a str) -> impl Iterator<Item = usize> + 'a {
    let starts_word = term.chars().next().is_some_and(is_word_char);
    let ends_word = term.chars().next_back().is_some_and(is_word_char);
    hay.match_indices(term).map(|(i, _)| i).filter(move |&i| {
        let before = hay[..i].chars().next_back().is_some_and(is_word_char);
        let after = hay[i + term.len()..]
            .chars()
            .next()
            .is_some_and(is_word_char);
        !((starts_word && before) || (ends_word && after))
    })
}

/// Merges two lists of non-overlapping matches sorted by start into one, leftmost first
/// and longest first where they overlap.
fn merge(
    a: Vec<(usize, usize, usize)>,
    b: impl Iterator<Item = (usize, usize, usize)>,
) -> Vec<(usize, usize, usize)> {
    let b: Vec<(usize, usize, usize)> = b.collect();
    if b.is_empty() {
        return a;
    }
    let key = |&(s, e, p): &(usize, usize, usize)| (s, std::cmp::Reverse(e), p);
    // Both lists come sorted (each search reports its matches left to right): one pass
    // merges them, where sorting their concatenation took a tenth of a search of Chinese
    // text with CC-CEDICT (a match every few characters).
    let mut all = if a.is_sorted_by_key(key) && b.is_sorted_by_key(key) {
        let mut all = Vec::with_capacity(a.len() + b.len());
        let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
        while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
            let next = if key(x) <= key(y) { a.next() } else { b.next() };
            all.extend(next);
        }
        all.extend(a.chain(b));
        all
    } else {
        let mut all: Vec<(usize, usize, usize)> = a.into_iter().chain(b).collect();
        all.sort_unstable_by_key(key);
        all
    };
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

/// The glossary's forms, compiled.
struct Compiled {
    patterns: Vec<Pattern>,
    han_keys: HanKeys,
    phrases: PhraseSet,
    han: Result<Option<CharwiseDoubleArrayAhoCorasick<u32>>, daachorse::errors::DaachorseError>,
    problems: Vec<Problem>,
}

/// An automaton over the Chinese keys (leftmost-longest for the search, standard for every
/// match); `None` without keys.
fn han_automaton(
    han_keys: &HanKeys,
    kind: DaachorseMatchKind,
) -> Result<Option<CharwiseDoubleArrayAhoCorasick<u32>>, daachorse::errors::DaachorseError> {
    if han_keys.is_empty() {
        return Ok(None);
    }
    CharwiseDoubleArrayAhoCorasickBuilder::new()
        .match_kind(kind)
        // One block searched for free slots, not 16: CC-CEDICT's automaton builds in about
        // half the instructions (callgrind), a third larger, and searches as fast
        // (BENCHMARKS.md).
        .num_free_blocks(1)
        .build_with_values(han_keys.iter())
        .map(Some)
}

/// The English cues to find with the forms, the entries each licenses, the Chinese cues and
/// the `exclude` strings, by entry.
struct CuesAndExcludes {
    builder: PhraseBuilder,
    cue_entries: Vec<Vec<u32>>,
    cues: HashMap<u32, Vec<String>>,
    excludes: HashMap<u32, Vec<String>>,
}

/// Folds every entry's cues and `exclude` strings; the English cues go into a phrase
/// builder that the forms join.
fn cues_and_excludes(glossary: &Glossary) -> CuesAndExcludes {
    let fold_all = |v: &[String]| -> Vec<String> {
        v.iter()
            .map(|x| fold_form(x))
            .filter(|x| !x.is_empty())
            .collect()
    };
    let mut excludes = HashMap::default();
    let mut cues = HashMap::default();
    let mut builder = PhraseBuilder::default();
    let mut cue_entries: Vec<Vec<u32>> = Vec::new();
    let mut cue_ids: HashMap<String, u32> = HashMap::default();
    // Many entries share cues and gated forms: each string's keys are computed once.
    let mut keys_of: HashMap<String, Vec<String>> = HashMap::default();
    let mut form_keys = |s: &str| -> Vec<String> {
        keys_of
            .entry(s.to_string())
            .or_insert_with(|| crate::text::inflect::form_keys(s))
            .clone()
    };
    for (i, e) in glossary.entries.iter().enumerate() {
        if !e.exclude.is_empty() {
            excludes.insert(i as u32, fold_all(&e.exclude));
        }
        if e.gated.is_empty() {
            continue;
        }
        // A cue that is itself one of the entry's gated forms licenses nothing: otherwise
        // "Party" would vouch for "party" wherever the word repeats.
        let gated: Vec<Vec<String>> = e.gated.iter().map(|g| form_keys(g)).collect();
        // Each cue with its keys.
        type Keyed = Vec<(String, Vec<String>)>;
        let (chinese, english): (Keyed, Keyed) = fold_all(&e.cue)
            .into_iter()
            .map(|c| {
                let k = form_keys(&c);
                (c, k)
            })
            .filter(|(_, k)| !gated.contains(k))
            .partition(|(c, _)| c.chars().any(is_han));
        cues.insert(i as u32, chinese.into_iter().map(|(c, _)| c).collect());
        for c in &e.cue {
            builder.add_uninflected(c);
        }
        for (c, mut keys) in english {
            let Some(key) = keys.pop() else {
                continue;
            };
            let next = cue_entries.len() as u32;
            let id = *cue_ids.entry(key).or_insert_with(|| {
                builder.add_cue(&c, next);
                cue_entries.push(Vec::new());
                next
            });
            cue_entries[id as usize].push(i as u32);
        }
    }
    CuesAndExcludes {
        builder,
        cue_entries,
        cues,
        excludes,
    }
}

/// A folded Chinese key without the quotes and brackets at its ends, when it has some there
/// and a Han character right inside them: the matcher finds such a form without them too
/// (`“断流”` in `黄河断流`), so lint looks for it in `exclude` strings so too.
pub(crate) fn unwrap_quotes(key: &str) -> Option<String> {
    let inner = key.trim_matches(|c| wrapper(c).is_some());
    let han_inside = inner.starts_with(is_han) || inner.ends_with(is_han);
    (inner.len() < key.len() && han_inside && inner.chars().any(is_han)).then(|| inner.to_string())
}

/// Folds every surface form of the glossary: Chinese forms into keys (a form with list marks
/// also without them), English forms into phrases. The same form in two entries is an error.
fn compile(glossary: &Glossary, mut phrases: PhraseBuilder) -> Compiled {
    // Sized for about three forms an entry (CC-CEDICT has 2.6): grown one by one, the
    // tables of 300,000 forms are copied many times over.
    let n = 3 * glossary.entries.len();
    let mut patterns: Vec<Pattern> = Vec::with_capacity(n);
    // For messages: the entry and form behind each pattern.
    let mut origins: Vec<(usize, FormKind, &str)> = Vec::with_capacity(n);
    let mut han_keys = HanKeys::with_capacity(n);
    // Chinese key -> pattern.
    let mut owner: HashMap<String, u32> = HashMap::with_capacity_and_hasher(n, Default::default());
    // Chinese keys without a form's outer quotes, and their patterns.
    let mut unwrapped: Vec<(String, u32)> = Vec::new();
    // Chinese keys in Taiwan's wording (网路强国 for 网络强国), and their patterns.
    let mut regional: Vec<(String, u32)> = Vec::new();
    let mut problems = Vec::new();
    let problem = |entry: &Entry, kind: FormKind, message: String| Problem {
        file: entry.origin.file.to_path_buf(),
        line: entry.origin.line,
        column: entry.origin.column(kind.as_str()),
        severity: Severity::Error,
        message,
    };
    let by_id: HashMap<&str, usize> = glossary
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    for (ei, entry) in glossary.entries.iter().enumerate() {
        let gated: Vec<String> = entry.gated.iter().map(|g| fold_form(g)).collect();
        for (kind, form) in entry.all_forms() {
            let key = fold_form(form);
            if key.is_empty() {
                problems.push(problem(
                    entry,
                    kind,
                    format!(
                        "{kind} form {form:?} of {:?} is empty after normalization",
                        entry.id
                    ),
                ));
                continue;
            }
            let pattern = Pattern {
                entry: ei as u32,
                form: kind,
                gated: gated.contains(&key),
            };
            let id = patterns.len() as u32;
            patterns.push(pattern);
            origins.push((ei, kind, form));
            if !key.chars().any(is_han) {
                phrases.add_uninflected(form);
                // A form without names is its one wording, folded already.
                if !form.contains('{') {
                    phrases.add(key, id);
                    // "grassroots" for "grass-roots": a generated wording, giving way.
                    for other in crate::text::compound::other_spellings(form) {
                        phrases.add_generated(fold_form(&other), id);
                    }
                    continue;
                }
                match expand_names(form, &by_id, glossary) {
                    // The wordings of a form with `{name}`s give way to written forms.
                    Ok(forms) => {
                        for f in forms {
                            for other in crate::text::compound::other_spellings(&f) {
                                phrases.add_generated(fold_form(&other), id);
                            }
                            phrases.add_generated(fold_form(&f), id);
                        }
                    }
                    Err(message) => problems.push(problem(entry, kind, message)),
                }
                continue;
            }
            // A list mark between the parts of a Chinese term may also be left out.
            let bare = key
                .contains('、')
                .then(|| key.chars().filter(|&c| c != '、').collect::<String>());
            // A form that begins or ends with a quote or bracket ("净网"专项行动) is also
            // found without it: between two Han characters the text's quotes vanish
            // (开展"净网"专项行动 folds to 开展净网专项行动), and the span takes the quotes
            // back in. Such a key gives way to any form written out, so it is added last.
            // A form in Taiwan's wording (网路强国 for 网络强国) gives way likewise.
            for k in std::iter::once(&key).chain(&bare) {
                unwrapped.extend(unwrap_quotes(k).map(|u| (u, id)));
                regional.extend(regional_key(k).map(|r| (r, id)));
            }
            for k in std::iter::once(key).chain(bare) {
                // The key moves into the map, and the keys' buffer copies it from there.
                match owner.entry(k) {
                    MapEntry::Occupied(o) => {
                        let other = patterns[*o.get() as usize].entry as usize;
                        if other != ei {
                            let o = &glossary.entries[other];
                            problems.push(problem(
                                entry,
                                kind,
                                format!(
                                    "{kind} form {form:?} of {:?} is already a form of {:?} ({}:{})",
                                    entry.id,
                                    o.id,
                                    o.origin.file.display(),
                                    o.origin.line
                                ),
                            ));
                        }
                    }
                    MapEntry::Vacant(v) => {
                        han_keys.push(v.key(), id);
                        v.insert(id);
                    }
                }
            }
        }
    }
    for (k, id) in unwrapped.into_iter().chain(regional) {
        if let MapEntry::Vacant(v) = owner.entry(k) {
            han_keys.push(v.key(), id);
            v.insert(id);
        }
    }
    // The phrase set and the Chinese automaton do not depend on each other: they are built
    // at once (the automaton is wasted work only for a glossary with errors). The automaton
    // gets a thread of its own rather than one of the pool's: the phrase set's word work
    // then has every worker of the pool, where beside a `rayon::join` it had the one left
    // (CC-CEDICT: 3.0 G instructions against the automaton's 2.2 G, the longer of the two).
    let ((phrases, phrase_problems), han) = std::thread::scope(|s| {
        let han = std::thread::Builder::new().spawn_scoped(s, || {
            han_automaton(&han_keys, DaachorseMatchKind::LeftmostLongest)
        });
        let phrases = phrases.build();
        let han = match han {
            Ok(thread) => thread
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            // No thread to be had: built here after the phrase set.
            Err(_) => han_automaton(&han_keys, DaachorseMatchKind::LeftmostLongest),
        };
        (phrases, han)
    });
    for pp in phrase_problems {
        match pp {
            PhraseProblem::NoWords { pattern } => {
                let (ei, kind, form) = origins[pattern as usize];
                let entry = &glossary.entries[ei];
                problems.push(problem(
                    entry,
                    kind,
                    format!(
                        "{kind} form {form:?} of {:?} has no word but articles and conjunctions",
                        entry.id
                    ),
                ));
            }
            PhraseProblem::Same { pattern, first } => {
                let (ei, kind, form) = origins[pattern as usize];
                let (fi, _, first_form) = origins[first as usize];
                if fi == ei {
                    continue; // two spellings of one form of one entry
                }
                let (entry, o) = (&glossary.entries[ei], &glossary.entries[fi]);
                problems.push(problem(
                    entry,
                    kind,
                    format!(
                        "{kind} form {form:?} of {:?} is already a form of {:?} ({}:{}), as {first_form:?} (forms compare after inflection, spelling and articles)",
                        entry.id,
                        o.id,
                        o.origin.file.display(),
                        o.origin.line
                    ),
                ));
            }
        }
    }
    Compiled {
        patterns,
        han_keys,
        phrases,
        han,
        problems,
    }
}

/// At most this many wordings come from one form with `{id}` names in it.
const MAX_EXPANSIONS: usize = 256;

/// An English form with `{id}` in it stands for every wording with one of entry `id`'s
/// English names there (its `en` and `en_alt`): names are declared once and reused, so
/// `{zhong-guo-gong-chan-dang} Central Committee` also reads "CPC Central Committee" and
/// "Communist Party of China Central Committee". A form without braces is itself.
fn expand_names(
    form: &str,
    by_id: &HashMap<&str, usize>,
    glossary: &Glossary,
) -> Result<Vec<String>, String> {
    expand_names_to(form, by_id, glossary, NAME_DEPTH)
}

/// How deep names built on names expand: `{zhong-gong-zhong-yang}` stands for "CPC Central
/// Committee" too, a name written `{zhong-guo-gong-chan-dang} Central Committee`. A name
/// deeper than this (or one naming itself) is left out.
const NAME_DEPTH: usize = 3;

fn expand_names_to(
    form: &str,
    by_id: &HashMap<&str, usize>,
    glossary: &Glossary,
    depth: usize,
) -> Result<Vec<String>, String> {
    let mut out = vec![String::new()];
    let mut rest = form;
    while let Some(open) = rest.find('{') {
        let Some(len) = rest[open..].find('}') else {
            return Err(format!("form {form:?} has a '{{' without its '}}'"));
        };
        let id = &rest[open + 1..open + len];
        let Some(&named) = by_id.get(id) else {
            return Err(format!(
                "form {form:?} names {{{id}}}, which is no entry's id"
            ));
        };
        let e = &glossary.entries[named];
        let mut names: Vec<String> = Vec::new();
        for n in std::iter::once(&e.en).chain(&e.en_alt) {
            if n.is_empty() {
                continue;
            }
            if !n.contains('{') {
                names.push(n.clone());
            } else if depth > 0 {
                // A name built on names: its wordings, where they expand.
                if let Ok(more) = expand_names_to(n, by_id, glossary, depth - 1) {
                    names.extend(more);
                }
            }
        }
        names.dedup();
        let head = &rest[..open];
        out = out
            .iter()
            .flat_map(|o| names.iter().map(move |n| format!("{o}{head}{n}")))
            .collect();
        if out.len() > MAX_EXPANSIONS {
            return Err(format!(
                "form {form:?} stands for more than {MAX_EXPANSIONS} wordings"
            ));
        }
        rest = &rest[open + len + 1..];
    }
    Ok(out.into_iter().map(|o| o + rest).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `merge` as it was written first: sort the concatenation, keep the leftmost-longest.
    fn merge_by_sorting(
        a: Vec<(usize, usize, usize)>,
        b: Vec<(usize, usize, usize)>,
    ) -> Vec<(usize, usize, usize)> {
        let mut all: Vec<_> = a.into_iter().chain(b).collect();
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

    #[test]
    fn merging_two_sorted_lists_keeps_what_sorting_kept() {
        // Matches laid out by a small generator: runs of spans of lengths 1 to 4 from
        // starts 0 to 3 bytes apart, both lists sorted, one of them also unsorted.
        let mut next = crate::test_numbers(7);
        for round in 0..200 {
            let mut lists = [Vec::new(), Vec::new()];
            for (i, list) in lists.iter_mut().enumerate() {
                let mut at = 0;
                for _ in 0..next(40) {
                    at += next(4);
                    let len = 1 + next(4);
                    list.push((at, at + len, i * 100 + next(3)));
                    at += len;
                }
            }
            let [mut a, b] = lists;
            if round % 5 == 0 {
                a.reverse();
            }
            assert_eq!(
                merge(a.clone(), b.clone().into_iter()),
                merge_by_sorting(a, b),
                "round {round}"
            );
        }
    }

    /// Every occurrence counts, those overlapping another too: in "la la la" the match
    /// "la la" at 3 lies inside the exclusion's occurrence at 3, which a search for
    /// non-overlapping occurrences (0, then past it) never sees.
    #[test]
    fn inside_sees_overlapping_occurrences() {
        let text = "la la la";
        assert!(inside(text, 3, 8, "la la"));
        assert!(inside(text, 3, 5, "la la"));
        assert!(!inside(text, 2, 8, "la la"));
        assert!(!inside(text, 0, 8, "la la"));
        assert!(inside("保护伞下", 0, 9, "保护伞"));
        assert!(!inside("保护伞下", 3, 12, "保护伞"));
    }
}
