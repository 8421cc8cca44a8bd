//! Anchors: which runs of words are worth matching. Most runs of form words in a release hold
//! no term ("in the", "work to", "with the source"): a word that begins some form begins them,
//! so each was walked through the trie. Each form (and cue) has one of its words chosen as its
//! anchor, the one seen least in the runs searched so far; a run that holds no word leading to
//! an anchor holds no match (every match holds all its form's words), and is passed over.
//!
//! The anchors are chosen once a matcher has searched enough text to know which words are
//! common ([`CHOOSE_AFTER`]); until then every run is matched, and its words counted.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use serde::{Deserialize, Serialize};

use super::{Lookup, PhraseSet, Token};
use crate::fixed;

/// Bytes of text searched before the anchors are chosen: enough to count the common words
/// (choosing costs about what searching 80 KB of English does: 6.5 M instructions with the
/// built-in glossary).
const CHOOSE_AFTER: usize = 256 * 1024;

/// A long text's counts are added every this many bytes, so that the anchors chosen on
/// their way serve the rest of it.
pub(super) const LEARN_STEP: usize = 64 * 1024;

/// Common English words: of two words of a form seen alike, the other is its anchor.
const COMMON: &[&str] = &[
    "about", "after", "against", "all", "also", "any", "area", "as", "at", "be", "because",
    "before", "between", "but", "by", "can", "case", "come", "country", "day", "do", "down",
    "each", "even", "first", "for", "from", "get", "give", "go", "good", "great", "have", "he",
    "high", "how", "i", "if", "in", "into", "it", "just", "know", "large", "law", "level", "life",
    "like", "line", "local", "long", "make", "man", "many", "may", "more", "most", "must", "my",
    "national", "new", "no", "not", "now", "number", "of", "old", "on", "one", "only", "or",
    "other", "out", "over", "part", "people", "place", "point", "public", "put", "right", "same",
    "say", "see", "she", "should", "so", "some", "state", "such", "take", "than", "that", "there",
    "they", "thing", "three", "through", "time", "to", "two", "under", "up", "upon", "use", "very",
    "way", "we", "well", "what", "when", "which", "who", "will", "with", "work", "would", "year",
    "you",
];

/// The anchors once chosen, shared by every thread searching with the set. Not kept in the
/// cache of compiled glossaries: they depend on the text searched.
#[derive(Default)]
pub(super) struct Anchors {
    /// Bytes of text searched before the anchors are chosen.
    searched: AtomicUsize,
    /// How often each class was seen in a run, by class id.
    counts: Mutex<Vec<u32>>,
    /// What each surface is to the anchors, by its place in the pool.
    chosen: OnceLock<Chosen>,
    /// A thread is choosing: the others search on, matching every run, rather than wait.
    choosing: AtomicBool,
}

impl Clone for Anchors {
    fn clone(&self) -> Anchors {
        let counts = self.counts.lock().map(|c| c.clone()).unwrap_or_default();
        Anchors {
            searched: AtomicUsize::new(self.searched.load(Ordering::Relaxed)),
            counts: Mutex::new(counts),
            chosen: self.chosen.clone(),
            choosing: AtomicBool::new(false),
        }
    }
}

impl std::fmt::Debug for Anchors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Anchors")
            .field("searched", &self.searched.load(Ordering::Relaxed))
            .field("chosen", &self.chosen.get().is_some())
            .finish()
    }
}

impl Anchors {
    /// What each surface is to the anchors (by its place in the pool), once chosen.
    pub(super) fn chosen(&self) -> Option<&Chosen> {
        self.chosen.get()
    }

    /// Counts the classes of the words in `seen` (each as `at` and `len` in the pool), seen
    /// in `bytes` of text, and chooses the anchors once enough text has been searched.
    pub(super) fn learn(&self, set: &PhraseSet, bytes: usize, seen: &[(u32, u32)]) {
        let searched = self.searched.fetch_add(bytes, Ordering::Relaxed) + bytes;
        // A poisoned lock (a panic elsewhere while counting) leaves every run matched.
        let Ok(mut guard) = self.counts.lock() else {
            return;
        };
        let counts = &mut *guard;
        counts.resize(set.root.len(), 0);
        for &(at, len) in seen {
            for &c in &set.pool[at as usize..(at + len) as usize] {
                counts[c as usize] = counts[c as usize].saturating_add(1);
            }
        }
        // One thread chooses, with the lock released: the counts are not needed after.
        if searched >= CHOOSE_AFTER && !self.choosing.swap(true, Ordering::Relaxed) {
            let counts = std::mem::take(counts);
            drop(guard);
            let _ = self.chosen.set(choose(set, &counts));
        }
    }

    /// Chooses the anchors now, from what has been counted.
    #[cfg(test)]
    pub(super) fn choose_now(&self, set: &PhraseSet) {
        let counts = self.counts.lock().map(|c| c.clone()).unwrap_or_default();
        self.chosen.get_or_init(|| choose(set, &counts));
    }
}

/// What a surface is to the chosen anchors, each anchor as the bit of its class id modulo
/// 64: the anchors it leads to, and the anchors of the forms and cues it may begin.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Anchored {
    pub(super) leads: u64,
    pub(super) begins: u64,
}

/// The anchors chosen, by a surface's place in the pool (`Lookup::Classes::at`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Chosen {
    /// What the surface is to the anchors.
    by_place: Vec<Anchored>,
    /// One bit a place: does the surface lead to an anchor? Every word of a run is asked
    /// ([`last_anchor`]), and these bits stay in the first-level cache where the places'
    /// records, read at random among the surface table's lines, missed it nearly every
    /// other time.
    leads: Vec<u64>,
}

impl Chosen {
    /// What the surface at `at` is to the anchors.
    #[inline]
    fn get(&self, at: u32) -> Anchored {
        self.by_place.get(at as usize).copied().unwrap_or_default()
    }

    /// Does the surface at `at` lead to an anchor?
    #[inline]
    fn leads(&self, at: u32) -> bool {
        self.leads
            .get(at as usize / 64)
            .is_some_and(|w| w >> (at % 64) & 1 != 0)
    }
}

/// The bit of a class in [`Anchored`].
fn bit(class: u32) -> u64 {
    1 << (class % 64)
}

/// The last word of the run that leads to an anchor.
#[inline]
pub(super) fn last_anchor(run: &[Token], chosen: &Chosen) -> Option<usize> {
    run.iter().rposition(|t| match t.lookup {
        Lookup::Classes { at, .. } => chosen.leads(at),
        _ => false,
    })
}

/// Which of the words of `run` up to `last` may begin a match, in `worth`: those where some
/// form or cue they begin has its anchor's bit among the words from there on (every match
/// holds all its form's words, so one whose anchor is not ahead cannot start there). Of the
/// words the last anchor left, this passes over nearly half (116,000 walks of the trie per
/// 4 MB of English became 65,000).
pub(super) fn worth(run: &[Token], last: usize, chosen: &Chosen, worth: &mut Vec<bool>) {
    worth.clear();
    worth.resize(last + 1, false);
    let mut ahead = 0;
    for k in (0..=last).rev() {
        if let Lookup::Classes { at, .. } = run[k].lookup {
            let a = chosen.get(at);
            ahead |= a.leads;
            worth[k] = a.begins & ahead != 0;
        }
    }
}

/// The classes of the words of a run, for [`Anchors::learn`].
pub(super) fn classes_of(run: &[Token], out: &mut Vec<(u32, u32)>) {
    out.extend(run.iter().filter_map(|t| match t.lookup {
        Lookup::Classes { at, len, .. } => Some((at, len)),
        _ => None,
    }));
}

/// What choosing the anchors needs that does not depend on the text: built with the set and
/// kept with it in the cache, so that choosing, once per process, is one pass over the
/// forms' words. Worked out from the trie's maps at each choice, it cost 12 M instructions
/// on every run, while the worker choosing held the lock the other worker was waiting on.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(super) struct Basis {
    /// By class: how it ranks among classes seen alike ([`Basis::tie`]).
    #[serde(with = "fixed::list")]
    tie: Vec<u32>,
    /// Each form's and cue's classes, from its last word to its first, path after path.
    #[serde(with = "fixed::list")]
    paths: Vec<u32>,
    /// Where each path ends in `paths`.
    #[serde(with = "fixed::list")]
    path_ends: Vec<u32>,
    /// Every surface's classes as their place in the pool, `at << 32 | len`, once each.
    #[serde(with = "fixed::list")]
    surfaces: Vec<u64>,
}

impl Basis {
    pub(super) fn new(set: &PhraseSet) -> Basis {
        let classes = set.root.len();
        // Each class's longest surface, and whether a surface is common English.
        let mut longest = vec![0; classes];
        let mut common = vec![false; classes];
        let mut each = |len: usize, l: &Lookup, is_common: bool| {
            if let Lookup::Classes { at, len: n, .. } = *l {
                for &c in &set.pool[at as usize..(at + n) as usize] {
                    longest[c as usize] = longest[c as usize].max(len);
                    common[c as usize] |= is_common;
                }
            }
        };
        for (len, l) in set.surfaces.iter() {
            each(len, l, false);
        }
        for w in COMMON {
            each(w.len(), &set.surfaces.get(w), true);
        }
        let tie = (0..classes)
            .map(|c| Basis::tie(common[c], longest[c]))
            .collect();
        // The node and class each node of the trie is reached from: every form and cue is
        // the path to the node it ends at.
        let mut parent = vec![(u32::MAX, 0u32); set.nodes.len()];
        for (class, &child) in set.root.iter().enumerate() {
            if child != u32::MAX {
                parent[child as usize] = (0, class as u32);
            }
        }
        for (&key, &child) in set.tight.iter().chain(&set.conjoined) {
            parent[child as usize] = ((key >> 32) as u32, key as u32);
        }
        for (&(node, class, _), &child) in &set.edges {
            parent[child as usize] = (node, class);
        }
        let (mut paths, mut path_ends) = (Vec::new(), Vec::new());
        let ends = (0..set.nodes.len())
            .filter(|&n| set.nodes[n].accept().is_some() || set.nodes[n].cue().is_some());
        for end in ends {
            let mut node = end as u32;
            while node != 0 && node != u32::MAX {
                let (up, class) = parent[node as usize];
                paths.push(class);
                node = up;
            }
            path_ends.push(paths.len() as u32);
        }
        let mut surfaces: Vec<u64> = set
            .surfaces
            .iter()
            .filter_map(|(_, l)| match *l {
                Lookup::Classes { at, len, .. } => Some((at as u64) << 32 | len as u64),
                _ => None,
            })
            .collect();
        surfaces.sort_unstable();
        surfaces.dedup();
        Basis {
            tie,
            paths,
            path_ends,
            surfaces,
        }
    }

    /// Of two classes seen alike, the smaller ranks first: one with no common English
    /// surface, then one with the longer surface.
    fn tie(common: bool, longest: usize) -> u32 {
        let reversed = (i32::MAX as u32).saturating_sub(longest.min(i32::MAX as usize) as u32);
        (common as u32) << 31 | reversed
    }
}

/// Each form's and cue's anchor: of its words' classes, the one seen least in `counts` (then
/// not common English, then the one with the longest surface, then the nearest its end).
/// Gives, by a surface's place in the pool, what it is to the anchors.
fn choose(set: &PhraseSet, counts: &[u32]) -> Chosen {
    let basis = &set.basis.0;
    let rank = |c: u32| {
        let c = c as usize;
        (
            counts.get(c).copied().unwrap_or(0),
            basis.tie.get(c).copied().unwrap_or(u32::MAX),
        )
    };
    let mut anchor = vec![false; set.root.len()];
    // By class: the bits of the anchors of the forms and cues it begins.
    let mut begins = vec![0u64; set.root.len()];
    let mut from = 0;
    for &end in &basis.path_ends {
        let path = basis.paths.get(from..end as usize).unwrap_or_default();
        from = end as usize;
        let mut best: Option<u32> = None;
        for &class in path {
            if best.is_none_or(|b| rank(class) < rank(b)) {
                best = Some(class);
            }
        }
        let Some(best) = best else { continue };
        if let Some(a) = anchor.get_mut(best as usize) {
            *a = true;
        }
        // A path runs from its form's last word to its first.
        if let Some(b) = path
            .last()
            .and_then(|&first| begins.get_mut(first as usize))
        {
            *b |= bit(best);
        }
    }
    let mut by_place = vec![Anchored::default(); set.pool.len()];
    let mut leads = vec![0u64; set.pool.len().div_ceil(64)];
    for &s in &basis.surfaces {
        let (at, len) = ((s >> 32) as usize, s as u32 as usize);
        if let (Some(list), Some(c)) = (set.pool.get(at..at + len), by_place.get_mut(at)) {
            for &k in list {
                if anchor.get(k as usize) == Some(&true) {
                    c.leads |= bit(k);
                }
                c.begins |= begins.get(k as usize).copied().unwrap_or(0);
            }
            if c.leads != 0 {
                leads[at / 64] |= 1 << (at % 64);
            }
        }
    }
    Chosen { by_place, leads }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::super::{PhraseBuilder, PhraseSet};
    use crate::text::normalize::normalize;

    /// Forms with common words, shared heads, asides, years, punctuation and one-word forms;
    /// and cues.
    fn set() -> PhraseSet {
        let forms = [
            "protective umbrella",
            "nail case",
            "power-sex trade",
            "power-money trade",
            "Communist Party of China Central Committee",
            "Communist Party of China",
            "CPC",
            "Sky Net campaign",
            "Sky Net",
            "one country, two systems",
            "Made in China 2025",
            "Document No. 1",
            "tigers and flies",
            "source control",
            "rule of law",
            "case",
            "work style",
            "to the letter",
            "program",
        ];
        let mut b = PhraseBuilder::default();
        for (i, f) in forms.iter().enumerate() {
            b.add(normalize(f).text, i as u32);
        }
        for (i, c) in ["party", "central committee", "the law"].iter().enumerate() {
            b.add_cue(&normalize(c).text, i as u32);
        }
        let (s, problems) = b.build();
        assert!(problems.is_empty(), "{problems:?}");
        s
    }

    /// Words and marks random text is made of: the forms' words and their inflections,
    /// articles, conjunctions, possessives, brackets, quotes, years, numbers, other words.
    const PIECES: &[&str] = &[
        "protective",
        "umbrella",
        "umbrellas",
        "nail",
        "cases",
        "case",
        "power-sex",
        "power-money",
        "trade",
        "trades",
        "communist",
        "party",
        "party's",
        "of",
        "china",
        "central",
        "committee",
        "cpc",
        "sky",
        "net",
        "campaign",
        "one",
        "country",
        "two",
        "systems",
        "made",
        "in",
        "2025",
        "2022",
        "document",
        "no.",
        "1",
        "tigers",
        "flies",
        "source",
        "control",
        "rule",
        "law",
        "work",
        "style",
        "to",
        "letter",
        "program",
        "the",
        "a",
        "its",
        "and",
        "&",
        ",",
        ".",
        "(",
        ")",
        "'s",
        "'",
        "\"",
        "-",
        "s",
        "lorem",
        "x",
        "中",
        "é",
        "_",
        "ipsum",
        "(cpc)",
        "the'one",
        "china's",
    ];

    /// Matches and cues, as `find` gives them.
    type Found = Vec<(usize, usize, usize)>;

    fn found(s: &PhraseSet, text: &str, overlapping: bool) -> (Found, Found) {
        let (mut out, mut cues) = (Vec::new(), Vec::new());
        if overlapping {
            s.find_overlapping(text, &mut out, &mut cues);
        } else {
            s.find(text, &mut out, &mut cues);
        }
        (out, cues)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        /// Passing over the runs that hold no anchor finds what matching every run finds,
        /// whichever anchors were chosen.
        #[test]
        fn anchors_change_no_match(
            pieces in proptest::collection::vec((0..PIECES.len(), 0..4usize), 1..300),
            learn in proptest::collection::vec(0..PIECES.len(), 0..200),
            overlapping in any::<bool>(),
        ) {
            let template = set();
            let mut text = String::new();
            for (p, gap) in pieces {
                text.push_str(PIECES[p]);
                text.push_str(["", " ", "  ", " "][gap]);
            }
            let text = normalize(&text).text;
            let learned: Vec<&str> = learn.iter().map(|&p| PIECES[p]).collect();
            let anchored = template.clone();
            anchored.find(&learned.join(" "), &mut Vec::new(), &mut Vec::new());
            anchored.anchors.choose_now(&anchored);
            prop_assert!(anchored.anchors.chosen().is_some());
            let every = template.clone();
            prop_assert_eq!(
                found(&anchored, &text, overlapping),
                found(&every, &text, overlapping),
                "{:?}", text
            );
            prop_assert!(every.anchors.chosen().is_none());
        }
    }

    /// A set of `forms`, its anchors chosen after searching `text`.
    fn chosen_after(forms: &[&str], text: &str) -> PhraseSet {
        let mut b = PhraseBuilder::default();
        for (i, f) in forms.iter().enumerate() {
            b.add(*f, i as u32);
        }
        let s = b.build().0;
        s.find(text, &mut Vec::new(), &mut Vec::new());
        s.anchors.choose_now(&s);
        s
    }

    /// A word that begins a form is matched from only when that form's anchor lies ahead of
    /// it in the run: in "sky nail case", where "case" and "net" are the anchors, "sky"
    /// (which begins only "sky net") is passed over, "nail" is not, and "case" begins
    /// nothing.
    #[test]
    fn a_word_is_matched_from_only_with_its_forms_anchor_ahead() {
        let s = chosen_after(&["nail case", "sky net"], &"nail sky x ".repeat(100));
        let chosen = s.anchors.chosen().expect("chosen");
        let text = "sky nail case";
        let mut runs = Vec::new();
        s.runs(text, |run| runs.push(run.to_vec()));
        let [run] = &runs[..] else {
            panic!("one run: {runs:?}");
        };
        let last = super::last_anchor(run, chosen);
        assert_eq!(last, Some(2));
        let mut marked = Vec::new();
        super::worth(run, 2, chosen, &mut marked);
        assert_eq!(marked, [false, true, false]);
        let mut out = Vec::new();
        s.find(text, &mut out, &mut Vec::new());
        assert_eq!(out, [(4, 13, 0)]);
    }

    /// The basis a cache file keeps chooses what the one built with the set chooses.
    #[test]
    fn a_set_read_back_chooses_the_same_anchors() {
        let built = set();
        let bytes = postcard::to_allocvec(&built).expect("a set serializes");
        let basis = postcard::to_allocvec(built.anchor_basis()).expect("its basis too");
        let back: PhraseSet = postcard::from_bytes(&bytes).expect("and reads back");
        let back = back.with_anchor_basis(postcard::from_bytes(&basis).expect("with it"));
        let text = "the nail case of the sky net campaign under the rule of law, case by case";
        for s in [&built, &back] {
            s.find(text, &mut Vec::new(), &mut Vec::new());
            s.anchors.choose_now(s);
        }
        let chosen = built.anchors.chosen().expect("chosen");
        assert_eq!(Some(chosen), back.anchors.chosen());
        let places = &chosen.by_place;
        assert!(places.iter().any(|a| a.leads != 0) && places.iter().any(|a| a.leads == 0));
        // The bits say what the places' records say.
        for (at, a) in places.iter().enumerate() {
            assert_eq!(chosen.leads(at as u32), a.leads != 0, "place {at}");
        }
    }

    /// A form's anchor is its word seen least: where "nail" is common and "case" rare,
    /// "case" anchors "nail case", and a run of "nail" alone is not matched.
    #[test]
    fn the_word_seen_least_is_the_anchor() {
        let s = chosen_after(&["nail case", "nail gun"], &"nail x ".repeat(100));
        let chosen = s.anchors.chosen().expect("chosen");
        let anchored = |w: &str| match s.surfaces.get(w) {
            super::Lookup::Classes { at, .. } => chosen.leads(at),
            _ => panic!("{w} is a surface"),
        };
        assert!(anchored("case") && anchored("cases") && anchored("gun"));
        assert!(!anchored("nail"));
        let mut out = Vec::new();
        s.find("a nail case, a nail. nail guns", &mut out, &mut Vec::new());
        assert_eq!(out, [(2, 11, 0), (21, 30, 1)]);
    }
}
