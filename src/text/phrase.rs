//! English phrase matching over words: a form matches however the text inflects, spells,
//! quotes or joins its words.
//!
//! Folded text is cut into words with `unicode-segmentation` (UAX #29). Every word of a form
//! has a class ([`word_class`]: `breaking` → `break`), and every surface [`variants`] lists
//! for it (inflections, possessive, British and American spelling, number words) leads to
//! that class; a surface shared by two classes leads to both. A form is the sequence of its
//! words' classes with the joint before each ([`form_words`]: articles, determiners and
//! conjunctions are not words of a form), kept in a trie. Text matches a form when its words
//! lead to the form's classes in order and what lies between two of them is only spaces,
//! quotes, up to two articles or determiners — plus, where the form has "and", "," or "&",
//! one or two of those — or exactly the punctuation the form has there (`No. 1`). Matching
//! is leftmost-longest over words, or every match with [`PhraseSet::find_overlapping`].

use std::cmp::Reverse;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use crate::fixed::{self, Fixed};
use crate::text::inflect::{
    form_words, gap_joint, variants, word_class, words, Joint, DETERMINERS,
};
use crate::text::surfaces::{ACRONYM, NOUN, UNINFLECTED};
use crate::text::words::{for_each_word, Wanted};

mod anchor;

/// Joint ids in the trie: spaces (and quotes, articles); a conjunction; then one id per
/// punctuation string that some form has between two words.
const TIGHT: u32 = 0;
const CONJUNCTION: u32 = 1;
const BREAK: u32 = u32::MAX;

/// Set on the id of a cue's hit. Cues share the trie and the one pass over the words with
/// the forms (a second pass cost a quarter of the English search), but never compete with
/// them: a cue is found wherever it is, inside a term too.
const CUE: u32 = 1 << 31;

/// What a word of text is to the forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
enum Lookup {
    /// A surface of some form or cue words: their classes, as (start, length) in the pool,
    /// and whether one of them begins a form, or a cue.
    Classes {
        at: u32,
        len: u32,
        starts: bool,
        starts_cue: bool,
    },
    /// An article or determiner: skipped between the words of a term.
    Determiner,
    /// "and": a conjunction between the parts of a term.
    Conjunction,
    /// No word of any form: a term never runs across it.
    Other,
    /// A bracketed aside right after a word of a form (a token from its `(` to its `)`).
    Aside,
    /// A year, no word of any form, right after a word of a form.
    Year,
    /// A word inside an aside that is no word of any form: the run goes on past it.
    Inside,
}

/// Builds a [`PhraseSet`]: add every form, then [`PhraseBuilder::build`].
#[derive(Default)]
pub struct PhraseBuilder {
    /// Each folded form (cut into words by `build`, on every core), its pattern, and whether
    /// it was generated (a wording of a `{name}`), which gives way silently to a form written
    /// out.
    forms: Vec<(String, u32, bool)>,
    /// Each cue's words and id.
    cues: Vec<(FormWords, u32)>,
    /// Words written in capitals that end in `S` ([`PhraseBuilder::add_uninflected`]), folded.
    acronyms: FxHashSet<String>,
    /// Other words of three or more capitals (`PLAC`, `SOE`), folded: matched with a plural.
    plural_acronyms: FxHashSet<String>,
    /// One-word forms and cues written as names (`Party`), folded.
    names: FxHashSet<String>,
}

/// A form's words, each with the joint before it.
type FormWords = Vec<(String, Joint)>;

/// Why a form cannot be a phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhraseProblem {
    /// The form has no word but articles and conjunctions.
    NoWords {
        /// The form's pattern.
        pattern: u32,
    },
    /// Two patterns have the same words and joints: the second never matches.
    Same {
        /// The pattern that never matches.
        pattern: u32,
        /// The pattern with the same words before it.
        first: u32,
    },
}

impl PhraseBuilder {
    /// Adds a folded form, standing for `pattern` (a `String` is kept as it is, not copied).
    pub fn add(&mut self, folded: impl Into<String>, pattern: u32) {
        self.forms.push((folded.into(), pattern, false));
    }

    /// Adds a generated wording: it is filed after every written form, and where it equals
    /// one (of any entry) it is dropped without a problem.
    pub fn add_generated(&mut self, folded: impl Into<String>, pattern: u32) {
        self.forms.push((folded.into(), pattern, true));
    }

    /// Adds a folded cue, standing for `cue` (below 2^31). Its hits come apart from the
    /// forms' ([`PhraseSet::find`]); a cue with no words is left out.
    pub fn add_cue(&mut self, folded: &str, cue: u32) {
        self.cues.push((form_words(folded), cue));
    }

    /// Notes the words of a form or cue, as written (before folding), that are matched
    /// uninflected: acronyms, words of three or more capitals ending in `S` (`OCTS`, `BRICS`,
    /// `MPS`), wherever the glossary writes them so; and names, a form or cue that is one word
    /// with a capital and then small letters, not ending in `s` (`Party`, `the Party`,
    /// `Politburo`). Such a word is matched as it is and with its possessive, never as a
    /// plural: "OCTS" is not the plural of "Oct", the month in every dateline, and "both
    /// parties" are not the Party. A name is marked only where it is the whole form
    /// ("Party committees" keeps its inflections). Other words of three or more capitals
    /// (`PLAC`, `SOE`) are acronyms too, matched as written, with their plural in `s` and
    /// possessives, never inflected as English words ("PLAC" is not "place").
    pub fn add_uninflected(&mut self, written: &str) {
        for w in written.split(|c: char| !c.is_ascii_alphanumeric()) {
            if w.len() >= 3 && w.bytes().all(|b| b.is_ascii_uppercase()) {
                match w.ends_with('S') {
                    true => self.acronyms.insert(w.to_ascii_lowercase()),
                    false => self.plural_acronyms.insert(w.to_ascii_lowercase()),
                };
            }
        }
        let name = written.trim();
        let name = ["the ", "The "]
            .iter()
            .find_map(|a| name.strip_prefix(a))
            .unwrap_or(name);
        let mut letters = name.bytes();
        if letters.next().is_some_and(|b| b.is_ascii_uppercase())
            && letters.all(|b| b.is_ascii_lowercase())
            && name.len() >= 2
            && !name.ends_with('s')
        {
            self.names.insert(name.to_ascii_lowercase());
        }
    }

    /// Builds the word classes and the trie. Problems name forms that can never match.
    pub fn build(mut self) -> (PhraseSet, Vec<PhraseProblem>) {
        // Written forms first (stable), so a generated wording never takes their place.
        self.forms.sort_by_key(|f| f.2);
        let acronyms = std::mem::take(&mut self.acronyms);
        let plural_acronyms = std::mem::take(&mut self.plural_acronyms);
        let names = std::mem::take(&mut self.names);
        let mark = |mut ws: FormWords| {
            let one = ws.len() == 1;
            for (w, _) in &mut ws {
                let bare = w.strip_suffix(NOUN).unwrap_or(w);
                if acronyms.contains(bare) || (one && names.contains(bare)) {
                    *w = [bare, UNINFLECTED].concat();
                } else if plural_acronyms.contains(bare) {
                    *w = [bare, ACRONYM].concat();
                }
            }
            ws
        };
        let forms: Vec<(FormWords, u32, bool)> = std::mem::take(&mut self.forms)
            .into_par_iter()
            .map(|(folded, pattern, generated)| (mark(form_words(&folded)), pattern, generated))
            .collect();
        if !acronyms.is_empty() || !plural_acronyms.is_empty() || !names.is_empty() {
            for cue in &mut self.cues {
                cue.0 = mark(std::mem::take(&mut cue.0));
            }
        }
        let mut set = PhraseSet {
            surfaces: Surfaces::default(),
            pool: Vec::new(),
            punctuation: FxHashMap::default(),
            edges: FxHashMap::default(),
            tight: FxHashMap::default(),
            conjoined: FxHashMap::default(),
            nodes: vec![Node::default()],
            root: Vec::new(),
            digits: false,
            max_words: 0,
            words: Wanted::Ascii,
            anchors: anchor::Anchors::default(),
            basis: AnchorBasis::default(),
        };
        // Classes: one per distinct word class; every surface of a form word leads to it.
        // The distinct words in order of first use (which numbers the classes).
        let mut word_ids: FxHashMap<&str, u32> = FxHashMap::default();
        let mut distinct: Vec<&str> = Vec::new();
        let all_words = forms
            .iter()
            .map(|f| &f.0)
            .chain(self.cues.iter().map(|c| &c.0));
        for ws in all_words {
            for (w, _) in ws {
                if let std::collections::hash_map::Entry::Vacant(v) = word_ids.entry(w) {
                    v.insert(u32::MAX);
                    distinct.push(w);
                }
            }
        }
        // A word's class and surfaces take the `english` crate's tables and most of the build
        // (CC-CEDICT: 37,000 words, two thirds of the phrase set's instructions): worked out
        // on every core, in order.
        let worked: Vec<(String, Vec<String>)> = distinct
            .par_iter()
            .map(|w| (word_class(w), variants(w)))
            .collect();
        let mut class_ids: FxHashMap<String, u32> = FxHashMap::default();
        let mut surface_classes: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        surface_classes.reserve(8 * distinct.len());
        for (w, (class, surfaces)) in distinct.iter().zip(worked) {
            let next = class_ids.len() as u32;
            let c = *class_ids.entry(class).or_insert(next);
            word_ids.insert(w, c);
            for s in surfaces {
                let list = surface_classes.entry(s).or_default();
                if !list.contains(&c) {
                    list.push(c);
                }
            }
        }
        let first = |ws: &FormWords| ws.first().map(|(w, _)| word_ids[w.as_str()]);
        let first_classes: rustc_hash::FxHashSet<u32> =
            forms.iter().filter_map(|f| first(&f.0)).collect();
        let cue_first_classes: rustc_hash::FxHashSet<u32> =
            self.cues.iter().filter_map(|c| first(&c.0)).collect();
        set.max_words = (forms.iter().map(|f| f.0.len()))
            .chain(self.cues.iter().map(|c| c.0.len()))
            .max()
            .unwrap_or(0);
        let (mut ascii, mut han) = (true, false);
        // Surfaces with the same classes share their place in the pool (a word's inflections
        // share its list): the pool, and the anchors chosen by place ([`anchor`]), are then a
        // fraction of the surfaces, and a text reaches few places of either.
        let mut places: FxHashMap<Vec<u32>, u32> = FxHashMap::default();
        for (s, list) in surface_classes {
            set.digits |= s.bytes().any(|b| b.is_ascii_digit());
            ascii &= s.is_ascii();
            han |= s.chars().any(crate::text::chinese::is_han);
            let starts = list.iter().any(|c| first_classes.contains(c));
            let starts_cue = list.iter().any(|c| cue_first_classes.contains(c));
            let len = list.len() as u32;
            let at = *places.entry(list).or_insert_with_key(|list| {
                let at = set.pool.len() as u32;
                set.pool.extend(list);
                at
            });
            let lookup = Lookup::Classes {
                at,
                len,
                starts,
                starts_cue,
            };
            set.surfaces.insert(&s, lookup);
        }
        set.words = match (ascii, han) {
            (true, _) => Wanted::Ascii,
            (false, false) => Wanted::NoHan,
            (false, true) => Wanted::All,
        };
        // Articles, determiners and "and" are never words of a form (see `form_words`), so in
        // text they are always skipped, even where a form word's inflection spells one
        // ("its" from "it").
        for d in DETERMINERS {
            set.surfaces.insert(d, Lookup::Determiner);
        }
        set.surfaces.insert("and", Lookup::Conjunction);

        let mut problems = Vec::new();
        for (ws, pattern, generated) in &forms {
            if ws.is_empty() {
                problems.push(PhraseProblem::NoWords { pattern: *pattern });
                continue;
            }
            let node = set.insert(ws, &word_ids);
            match set.nodes[node as usize].accept() {
                Some(_) if *generated => {}
                Some(first) => problems.push(PhraseProblem::Same {
                    pattern: *pattern,
                    first,
                }),
                None => set.nodes[node as usize].accept = *pattern,
            }
        }
        for (ws, cue) in &self.cues {
            if !ws.is_empty() {
                let node = set.insert(ws, &word_ids) as usize;
                // Two cues alike are one: the caller gives both one id.
                if set.nodes[node].cue().is_none() {
                    set.nodes[node].cue = *cue;
                }
            }
        }
        set.root = vec![u32::MAX; class_ids.len()];
        for (&(node, class, joint), &child) in &set.edges {
            set.nodes[node as usize].leads |= 1 << (class & 63);
            if node == 0 && joint == TIGHT {
                set.root[class as usize] = child;
            }
        }
        // The two commonest joints keyed by one integer (one multiply to hash).
        set.edges.retain(|&(node, class, joint), &mut child| {
            let key = (node as u64) << 32 | class as u64;
            let moved = match joint {
                TIGHT => set.tight.insert(key, child),
                CONJUNCTION => set.conjoined.insert(key, child),
                _ => return true,
            };
            debug_assert!(moved.is_none(), "an edge is unique");
            false
        });
        set.basis = AnchorBasis(anchor::Basis::new(&set));
        (set, problems)
    }
}

impl PhraseSet {
    /// Adds the path of `ws` to the trie: the node it ends at.
    fn insert(&mut self, ws: &FormWords, word_ids: &FxHashMap<&str, u32>) -> u32 {
        let mut node = 0u32;
        for (w, joint) in ws {
            let j = match joint {
                Joint::Tight => TIGHT,
                Joint::Conjunction => CONJUNCTION,
                Joint::Punctuation(p) => {
                    let next = self.punctuation.len() as u32 + 2;
                    *self
                        .punctuation
                        .entry(p.clone().into_boxed_str())
                        .or_insert(next)
                }
            };
            let next = self.nodes.len() as u32;
            let child = *self
                .edges
                .entry((node, word_ids[w.as_str()], j))
                .or_insert(next);
            if child == next {
                self.nodes.push(Node::default());
            }
            node = child;
        }
        node
    }
}

/// Compiled English forms (and cues). Serde keeps them in the cache of compiled glossaries
/// (`matcher::cache`), which reads back only what it wrote.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PhraseSet {
    /// Surface → what it is to the forms (its classes, as (start, length) in `pool`).
    surfaces: Surfaces,
    #[serde(with = "fixed::list")]
    pool: Vec<u32>,
    /// Punctuation a form has between two words → joint id.
    #[serde(with = "fixed::text_map")]
    punctuation: FxHashMap<Box<str>, u32>,
    /// Trie: (node, class, joint) → child node. Node 0 is the root. Once built it holds the
    /// punctuation joints only: the others move to `tight` and `conjoined`.
    edges: FxHashMap<(u32, u32, u32), u32>,
    /// Trie edges with joint [`TIGHT`], keyed by `node << 32 | class`.
    #[serde(with = "fixed::map")]
    tight: FxHashMap<u64, u32>,
    /// Trie edges with joint [`CONJUNCTION`], keyed alike.
    #[serde(with = "fixed::map")]
    conjoined: FxHashMap<u64, u32>,
    /// The trie's nodes, by id: what each completes and where it leads.
    #[serde(with = "fixed::list")]
    nodes: Vec<Node>,
    /// The root's child by class (`u32::MAX`: none): every candidate starts there, so its
    /// edges are looked up by index rather than hashed.
    #[serde(with = "fixed::list")]
    root: Vec<u32>,
    /// Some surface has a digit (so text without letters may still hold a form).
    digits: bool,
    /// The most words a form has.
    max_words: usize,
    /// The words of text that need a look-up: ASCII ones only when every surface is ASCII
    /// (the built-in glossary); all but Han characters when no surface holds one (CC-CEDICT's
    /// English forms hold `é` and `ō`: a run of Han characters is then one look-up).
    words: Wanted,
    /// Which runs are worth matching, once chosen ([`anchor`]).
    #[serde(skip)]
    anchors: anchor::Anchors,
    /// What choosing the anchors needs that does not depend on the text: kept in the cache
    /// apart from the set ([`PhraseSet::anchor_basis`]).
    #[serde(skip)]
    basis: AnchorBasis,
}

/// What choosing the anchors needs that does not depend on the text ([`anchor::Basis`]). The
/// cache of compiled glossaries keeps it apart from the set, so that it is read on the
/// second thread at start-up while the set is read on the first (the set took 6.5 ms, the
/// rest 3.5, and the basis was a sixth of the set).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AnchorBasis(anchor::Basis);

/// A node of the trie: the pattern and the cue it completes ([`NONE`]: none) and the
/// classes of its children, as bits of their ids modulo 64 (zero when no form runs on from
/// it: most words tried at a node lead nowhere, and one bit settles most of them without
/// hashing). The three are kept side by side because a walk reads all three at each node it
/// reaches: one cache line, where three lists cost three.
#[derive(Debug, Clone, Copy)]
struct Node {
    leads: u64,
    accept: u32,
    cue: u32,
}

/// No pattern or cue: both stay below 2^31, the bit that tells a cue's hit from a form's.
const NONE: u32 = u32::MAX;

impl Default for Node {
    fn default() -> Node {
        Node {
            leads: 0,
            accept: NONE,
            cue: NONE,
        }
    }
}

impl Node {
    /// The pattern the node completes.
    #[inline]
    fn accept(self) -> Option<u32> {
        (self.accept != NONE).then_some(self.accept)
    }

    /// The cue the node completes.
    #[inline]
    fn cue(self) -> Option<u32> {
        (self.cue != NONE).then_some(self.cue)
    }
}

impl Fixed for Node {
    const LEN: usize = 16;

    fn put(&self, out: &mut Vec<u8>) {
        self.leads.put(out);
        self.accept.put(out);
        self.cue.put(out);
    }

    fn get(b: &[u8]) -> Option<Node> {
        let (leads, rest) = b.split_at_checked(8)?;
        let (accept, cue) = rest.split_at_checked(4)?;
        Some(Node {
            leads: u64::get(leads)?,
            accept: u32::get(accept)?,
            cue: u32::get(cue)?,
        })
    }
}

/// Surfaces by word. Every word of the text is looked up, so a word of up to fifteen bytes
/// (nearly every word) is keyed by its bytes packed in an integer with its length in the top
/// byte: hashing and comparing it is a multiplication or two and one comparison, where a
/// string key costs a byte loop and a `memcmp` (a sixth of the English search, when words of
/// eight bytes or more, "development", "construction", had string keys).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Surfaces {
    /// Words of up to seven bytes.
    #[serde(with = "fixed::map")]
    short: FxHashMap<u64, Lookup>,
    /// Words of eight to fifteen bytes.
    #[serde(with = "fixed::map")]
    mid: FxHashMap<u128, Lookup>,
    #[serde(with = "fixed::text_map")]
    long: FxHashMap<Box<str>, Lookup>,
}

/// A word's key in [`Surfaces`].
enum Key<'a> {
    Short(u64),
    Mid(u128),
    Long(&'a str),
}

/// A lookup as a cache file keeps it: a tag (for [`Lookup::Classes`], 0 to 3 with `starts`
/// and `starts_cue` as its bits), then `at` and `len`.
impl Fixed for Lookup {
    const LEN: usize = 9;

    fn put(&self, out: &mut Vec<u8>) {
        let (tag, at, len) = match *self {
            Lookup::Classes {
                at,
                len,
                starts,
                starts_cue,
            } => (starts as u8 | (starts_cue as u8) << 1, at, len),
            Lookup::Determiner => (4, 0, 0),
            Lookup::Conjunction => (5, 0, 0),
            Lookup::Other => (6, 0, 0),
            Lookup::Aside => (7, 0, 0),
            Lookup::Year => (8, 0, 0),
            Lookup::Inside => (9, 0, 0),
        };
        out.push(tag);
        at.put(out);
        len.put(out);
    }

    fn get(b: &[u8]) -> Option<Lookup> {
        let (&tag, rest) = b.split_first()?;
        let (at, len) = rest.split_at_checked(4)?;
        let (at, len) = (u32::get(at)?, u32::get(len)?);
        Some(match tag {
            0..=3 => Lookup::Classes {
                at,
                len,
                starts: tag & 1 != 0,
                starts_cue: tag & 2 != 0,
            },
            4 => Lookup::Determiner,
            5 => Lookup::Conjunction,
            6 => Lookup::Other,
            7 => Lookup::Aside,
            8 => Lookup::Year,
            9 => Lookup::Inside,
            _ => return None,
        })
    }
}

impl Surfaces {
    /// The key of a word: its bytes, little-endian, and its length in the top byte.
    #[inline]
    fn key(w: &str) -> Key<'_> {
        let b = w.as_bytes();
        let packed = || {
            let mut k = 0u128;
            for (i, &c) in b.iter().enumerate() {
                k |= (c as u128) << (8 * i);
            }
            k
        };
        match b.len() {
            0..=7 => Key::Short(packed() as u64 | (b.len() as u64) << 56),
            8..=15 => Key::Mid(packed() | (b.len() as u128) << 120),
            _ => Key::Long(w),
        }
    }

    fn insert(&mut self, w: &str, lookup: Lookup) {
        match Self::key(w) {
            Key::Short(k) => self.short.insert(k, lookup),
            Key::Mid(k) => self.mid.insert(k, lookup),
            Key::Long(w) => self.long.insert(w.into(), lookup),
        };
    }

    /// Every surface's length in bytes and lookup.
    fn iter(&self) -> impl Iterator<Item = (usize, &Lookup)> {
        let short = self.short.iter().map(|(&k, l)| ((k >> 56) as usize, l));
        let mid = self.mid.iter().map(|(&k, l)| ((k >> 120) as usize, l));
        let long = self.long.iter().map(|(w, l)| (w.len(), l));
        short.chain(mid).chain(long)
    }

    /// What the word `text[start..start + len]` is to the forms. Always inlined: left a
    /// call, it handed its 12-byte answer back through memory, once for every word of the
    /// text (1 % of the English search's instructions).
    #[inline(always)]
    fn get_in(&self, text: &str, start: usize, len: usize) -> Lookup {
        // The sixteen bytes from the word's start, where the text has them, masked to the
        // word: the key without a byte loop.
        if len <= 15 {
            if let Some(b) = text.as_bytes().get(start..start + 16) {
                let bytes: [u8; 16] = b.try_into().unwrap_or_default();
                let v = u128::from_le_bytes(bytes);
                let found = if len <= 7 {
                    let mask = (1u64 << (8 * len)) - 1;
                    self.short.get(&((v as u64 & mask) | (len as u64) << 56))
                } else {
                    let mask = (1u128 << (8 * len)) - 1;
                    self.mid.get(&((v & mask) | (len as u128) << 120))
                };
                return found.copied().unwrap_or(Lookup::Other);
            }
        }
        self.get(&text[start..start + len])
    }

    #[inline]
    fn get(&self, w: &str) -> Lookup {
        match Self::key(w) {
            Key::Short(k) => self.short.get(&k),
            Key::Mid(k) => self.mid.get(&k),
            Key::Long(w) => self.long.get(w),
        }
        .copied()
        .unwrap_or(Lookup::Other)
    }
}

/// Is the part of a word after its first full stop that of an address (`csrc.nist.gov`,
/// `xinhua.net`), not a new sentence? Another full stop, or a top-level domain.
pub fn is_address(after: &str) -> bool {
    const DOMAINS: &[&str] = &[
        "com", "net", "org", "gov", "edu", "int", "mil", "info", "cn", "hk", "mo", "tw", "uk",
        "us", "io", "de", "fr", "jp", "eu",
    ];
    after.contains('.') || DOMAINS.contains(&after)
}

/// A word of text and what it is to the forms.
#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    lookup: Lookup,
    /// An aside or a year right after a word of a form: a term may run past it.
    skippable: bool,
}

/// What a scan of words saw beyond the words.
#[derive(Debug, Clone, Copy, Default)]
struct Scanned {
    /// It stopped at its limit with more words to look at.
    cut: bool,
    /// It met an aside or a year right after a word.
    skippable: bool,
}

/// Where a scan of words stopped: the next token, the end of the last one, the joint so
/// far and what lies in it, and whether an aside or a year came right after a word.
#[derive(Debug, Clone, Copy)]
struct Cursor {
    i: usize,
    /// None before the first token.
    last_end: Option<usize>,
    joint: u32,
    conjunctions: u8,
    determiners: u8,
    skippable: bool,
}

impl Default for Cursor {
    fn default() -> Cursor {
        Cursor {
            i: 0,
            last_end: None,
            joint: BREAK,
            conjunctions: 0,
            determiners: 0,
            skippable: false,
        }
    }
}

/// A word of text that leads to some class, and the joint that precedes it.
#[derive(Debug, Clone, Copy)]
struct Word {
    end: usize,
    classes: (u32, u32),
    joint: u32,
}

impl PhraseSet {
    /// Is the set empty?
    pub fn is_empty(&self) -> bool {
        self.nodes.len() <= 1
    }

    /// Does some form have a word with a digit?
    pub fn has_digits(&self) -> bool {
        self.digits
    }

    /// What choosing the anchors needs, which the set's own serde form leaves out.
    pub fn anchor_basis(&self) -> &AnchorBasis {
        &self.basis
    }

    /// The set read back, with the basis kept apart from it.
    pub fn with_anchor_basis(mut self, basis: AnchorBasis) -> PhraseSet {
        self.basis = basis;
        self
    }

    /// Calls `visit(run, worth)` for every run of [`PhraseSet::runs`] that may hold a match:
    /// one holding a word that leads to an anchor ([`anchor`]); a match may start at the
    /// words `worth` marks, up to the last such word ([`anchor::worth`]). Until the anchors
    /// are chosen, every run with all its words, and the classes seen are counted.
    fn anchored_runs(&self, folded: &str, mut visit: impl FnMut(&[Token], &[bool])) {
        let mut chosen = self.anchors.chosen();
        let (mut seen, mut worth) = (Vec::new(), Vec::new());
        // The text before this offset is counted.
        let mut counted = 0;
        self.runs(folded, |run| match chosen {
            Some(chosen) => {
                if let Some(last) = anchor::last_anchor(run, chosen) {
                    anchor::worth(run, last, chosen, &mut worth);
                    visit(run, &worth);
                }
            }
            None => {
                anchor::classes_of(run, &mut seen);
                worth.clear();
                worth.resize(run.len(), true);
                visit(run, &worth);
                let at = run.last().map_or(counted, |t| t.end);
                if at - counted >= anchor::LEARN_STEP {
                    self.anchors.learn(self, at - counted, &seen);
                    seen.clear();
                    counted = at;
                    chosen = self.anchors.chosen();
                }
            }
        });
        if chosen.is_none() {
            self.anchors.learn(self, folded.len() - counted, &seen);
        }
    }

    /// Calls `visit(run)` for every run of words that a form could run through: words of
    /// forms, articles and conjunctions, up to a word of no form (which no term crosses) or
    /// the end of the text. Each word is cut and looked up once. A bracketed aside right
    /// after a word of a form ([`aside_end`]) joins the run as one token and the words inside
    /// it follow, so a term can run past it and a term inside it is still found; a year right
    /// after a word of a form joins it too; a word glued to the one before by a quote
    /// (`the'one`) is taken as two when the second begins a form.
    fn runs(&self, folded: &str, mut visit: impl FnMut(&[Token])) {
        if self.is_empty() {
            return;
        }
        // Sized for a long run: growing it word by word cost more than the run on short texts.
        let mut run: Vec<Token> = Vec::with_capacity(64);
        let mut any_start = false;
        // Words before this offset are inside an aside: they never break the run.
        let mut aside = 0;
        // Inlined into each place the cut calls it (the hot loop of English text).
        for_each_word(
            folded,
            self.words,
            #[inline(always)]
            |start, w, glued| {
                let mut lookup = self.surfaces.get_in(folded, start, w.len());
                // Where the token starts: an ordinal's number before its cut-off suffix.
                let mut from = start;
                // A digit and a space before the word first: it is rarely so, where a word
                // of two letters ("of", "to") is too common a guess for the branch.
                let b = folded.as_bytes();
                if start >= 2
                    && b[start - 2].is_ascii_digit()
                    && b[start - 1] == b' '
                    && w.len() == 2
                {
                    if let Some((number, l)) = self.spaced_ordinal(folded, start, w) {
                        // The number, when the run took it, gives way to the whole ordinal.
                        if run.last().is_some_and(|t| t.start == number) {
                            run.pop();
                        }
                        (from, lookup) = (number, l);
                    }
                }
                let skippable = is_year(w)
                    && matches!(run.last(), Some(t) if matches!(t.lookup, Lookup::Classes { .. })
                    && gap_joint(&folded.as_bytes()[t.end..start]) == Some(Joint::Tight));
                if lookup == Lookup::Other {
                    if skippable {
                        lookup = Lookup::Year;
                    } else if let Some(t) = self.spaced_possessive(folded, start, w, &run) {
                        // The word before takes in its possessive; the run goes on.
                        if let Some(last) = run.last_mut() {
                            *last = t;
                        }
                        return;
                    } else if glued
                        && self.split_glued(folded, start, w, &mut run, &mut aside, &mut visit)
                    {
                        any_start = true;
                        return;
                    } else if start < aside {
                        lookup = Lookup::Inside;
                    } else {
                        if any_start {
                            visit(&run);
                        }
                        run.clear();
                        any_start = false;
                        return;
                    }
                }
                any_start |= matches!(
                    lookup,
                    Lookup::Classes { starts, starts_cue, .. } if starts || starts_cue
                );
                push(
                    folded,
                    &mut run,
                    &mut aside,
                    from,
                    start + w.len(),
                    lookup,
                    skippable,
                );
            },
        );
        if any_start {
            visit(&run);
        }
    }

    /// A possessive cut off from its word by a space (`China 's`, `China ’s`, `China' s`, as
    /// machine translation writes it): the last token of `run` taken together with it, as
    /// the word's possessive, when `w` at `start` is that `s` and the word is a word of a form.
    /// Inlined so that the look at `w`, all that most words of no form get, costs no call.
    #[inline]
    fn spaced_possessive(
        &self,
        folded: &str,
        start: usize,
        w: &str,
        run: &[Token],
    ) -> Option<Token> {
        if w != "s" {
            return None;
        }
        let t = run.last()?;
        if !matches!(t.lookup, Lookup::Classes { .. }) {
            return None;
        }
        let gap = folded.get(t.end..start)?;
        if gap != " '" && gap != "' " {
            return None;
        }
        let word = &folded[t.start..t.end];
        let lookup = self.surfaces.get(&[word, "'s"].concat());
        matches!(lookup, Lookup::Classes { .. }).then_some(Token {
            end: start + 1,
            lookup,
            ..*t
        })
    }

    /// An ordinal whose suffix a space cut off from its number (`14 th`, from a page that
    /// raised the suffix): where the number starts and the lookup of the whole ordinal, when
    /// `w` at `start` is that suffix and the ordinal is a word of a form.
    #[inline]
    fn spaced_ordinal(&self, folded: &str, start: usize, w: &str) -> Option<(usize, Lookup)> {
        if !matches!(w, "st" | "nd" | "rd" | "th") {
            return None;
        }
        let before = folded.get(..start)?.strip_suffix(' ')?;
        let from = before.len() - before.bytes().rev().take_while(u8::is_ascii_digit).count();
        if from == before.len() || from > 0 && before.as_bytes()[from - 1].is_ascii_alphanumeric() {
            return None;
        }
        let lookup = self.surfaces.get(&[&before[from..], w].concat());
        matches!(lookup, Lookup::Classes { .. }).then_some((from, lookup))
    }

    /// A word glued to the one before it by a quote (`the'one`) or a full stop with no space
    /// after it (`construction.primary`): pushes the part before the glue, or ends the run
    /// there when it is no word of a form, then the part after it, or ends the run after the
    /// part before. False, with nothing done, when the word is not such a word
    /// ([`PhraseSet::glue_at`]).
    #[inline(never)]
    fn split_glued(
        &self,
        folded: &str,
        start: usize,
        w: &str,
        run: &mut Vec<Token>,
        aside: &mut usize,
        visit: &mut dyn FnMut(&[Token]),
    ) -> bool {
        let Some(glue) = self.glue_at(w) else {
            return false;
        };
        for (at, part) in [(start, &w[..glue]), (start + glue + 1, &w[glue + 1..])] {
            let lookup = match self.surfaces.get(part) {
                Lookup::Other if at < *aside => Lookup::Inside,
                lookup => lookup,
            };
            if lookup == Lookup::Other {
                // The run ends before the part (a run where no form starts gives nothing).
                visit(run);
                run.clear();
            } else {
                push(folded, run, aside, at, at + part.len(), lookup, false);
            }
        }
        true
    }

    /// Where to cut a word glued to the one before it by a quote (`the'one`, from
    /// `the’One Country`) or by a full stop that lost its space (`construction.primary`,
    /// which UAX #29 keeps one word, as it does `u.s`): the first quote's or full stop's
    /// offset, when a letter is on each side of it and the part after it, of two letters or
    /// more, is a word that begins a form; or, for a full stop, when the part before it, of
    /// two letters or more, is a word of a form (`democracy.the`).
    fn glue_at(&self, w: &str) -> Option<usize> {
        let q = w.find(['\'', '.'])?;
        let b = w.as_bytes();
        if q == 0
            || !b[q - 1].is_ascii_alphabetic()
            || !b.get(q + 1).is_some_and(u8::is_ascii_alphabetic)
        {
            return None;
        }
        let begins = w.len() - q > 2
            && matches!(
                self.surfaces.get(&w[q + 1..]),
                Lookup::Classes { starts: true, .. }
            );
        let ends =
            b[q] == b'.' && q >= 2 && matches!(self.surfaces.get(&w[..q]), Lookup::Classes { .. });
        let address = b[q] == b'.' && is_address(&w[q + 1..]);
        ((begins || ends) && !address).then_some(q)
    }

    /// The words from the first of `run` that a form could run through: each with its
    /// classes and the joint before it, up to the first joint no form crosses or twice the
    /// longest form's length (a shared head lies beyond the next conjunct). Empty when the
    /// first word begins no form or cue. Stops after `limit` words. With `skip`, asides and years right after a word are
    /// passed over as if they were not there; without, they end the words as any bracket or
    /// number does (a form may still spell a bracket out).
    fn scan(
        &self,
        folded: &str,
        run: &[Token],
        out: &mut Vec<Word>,
        limit: usize,
        skip: bool,
    ) -> Scanned {
        out.clear();
        let mut at = Cursor::default();
        self.scan_on(folded, run, out, limit, skip, &mut at)
    }

    /// [`PhraseSet::scan`] on from where a scan with a lower limit stopped (`at`; a fresh
    /// cursor starts at the first word), adding to `out` what a scan with this limit from the
    /// start would have found beyond it: a candidate whose forms run on is not scanned again.
    fn scan_on(
        &self,
        folded: &str,
        run: &[Token],
        out: &mut Vec<Word>,
        limit: usize,
        skip: bool,
        at: &mut Cursor,
    ) -> Scanned {
        if !matches!(
            run.first(),
            Some(Token {
                lookup: Lookup::Classes { starts, starts_cue, .. },
                ..
            }) if *starts || *starts_cue
        ) {
            return Scanned::default();
        }
        // A shared head needs the next conjunct's words too: up to twice the longest form.
        let cap = 2 * self.max_words;
        let limit = limit.min(cap);
        let mut scanned = Scanned {
            cut: false,
            skippable: at.skippable,
        };
        let mut i = at.i;
        let mut last_end = at.last_end.unwrap_or(run[0].start);
        let mut joint = at.joint;
        let (mut conjunctions, mut determiners) = (at.conjunctions, at.determiners);
        while let Some(t) = run.get(i) {
            if joint == BREAK && !out.is_empty() {
                break;
            }
            if out.len() >= limit {
                scanned.cut = limit < cap;
                break;
            }
            i += 1;
            // An aside or a year right after a word just pushed.
            if t.skippable && out.last().is_some_and(|w| w.end == run[i - 2].end) {
                scanned.skippable = true;
                if skip {
                    last_end = t.end;
                    // The words inside an aside.
                    while run.get(i).is_some_and(|x| x.start < t.end) {
                        i += 1;
                    }
                    continue;
                }
                if t.lookup == Lookup::Aside {
                    continue;
                }
            }
            let gap_start = last_end;
            // Bytes: a `str` slice would check both ends for a character boundary.
            let gap = &folded.as_bytes()[last_end..t.start];
            last_end = t.end;
            if joint != BREAK {
                match gap_joint(gap) {
                    Some(Joint::Conjunction) => conjunctions = conjunctions.saturating_add(1),
                    Some(_) => {}
                    None => {
                        // Punctuation a form spells out, right after a word (not after
                        // something skipped).
                        let right_after = out.last().is_some_and(|w| w.end == gap_start);
                        let gap = &folded[gap_start..t.start];
                        joint = match self.punctuation.get(gap.trim_matches(' ')) {
                            Some(&id)
                                if joint == TIGHT
                                    && conjunctions + determiners == 0
                                    && right_after =>
                            {
                                id
                            }
                            _ => BREAK,
                        };
                    }
                }
            }
            match t.lookup {
                Lookup::Determiner => {
                    determiners = determiners.saturating_add(1);
                    if determiners > 2 {
                        joint = BREAK;
                    }
                }
                Lookup::Conjunction => {
                    conjunctions = conjunctions.saturating_add(1);
                    if joint > CONJUNCTION {
                        joint = BREAK;
                    }
                }
                Lookup::Classes { at, len, .. } => {
                    let j = match joint {
                        TIGHT | CONJUNCTION if conjunctions > 2 => BREAK,
                        TIGHT | CONJUNCTION if conjunctions > 0 => CONJUNCTION,
                        j => j,
                    };
                    out.push(Word {
                        end: t.end,
                        classes: (at, len),
                        joint: j,
                    });
                    joint = TIGHT;
                    conjunctions = 0;
                    determiners = 0;
                }
                Lookup::Other | Lookup::Inside | Lookup::Year | Lookup::Aside => break,
            }
        }
        *at = Cursor {
            i,
            last_end: Some(last_end),
            joint,
            conjunctions,
            determiners,
            skippable: scanned.skippable,
        };
        scanned
    }

    /// Walks the trie from the first word of `ws` at the root, calling
    /// `accept(end_word, pattern, elliptical)` at every form end (and `accept(end_word,
    /// CUE | cue, false)` at every cue end). A word leading to several
    /// classes tries each. `more` is set when a form runs on past the last word of `ws`. The
    /// walk keeps its own stack: a form may have thousands of words. A form whose last word
    /// is shared with the next conjunct ends too ([`PhraseSet::elliptical`]).
    fn walk(
        &self,
        ws: &[Word],
        stack: &mut Vec<(usize, u32)>,
        more: &mut bool,
        accept: &mut impl FnMut(usize, u32, bool),
    ) {
        stack.clear();
        stack.push((0, 0));
        while let Some((k, node)) = stack.pop() {
            let w = ws[k];
            let (at, len) = w.classes;
            for &class in &self.pool[at as usize..(at + len) as usize] {
                for &j in joints(node, &w.joint) {
                    if let Some(child) = self.child(node, class, j) {
                        let n = self.nodes[child as usize];
                        if let Some(p) = n.accept() {
                            accept(k, p, false);
                        }
                        if let Some(c) = n.cue() {
                            accept(k, CUE | c, false);
                        }
                        let inner = n.leads != 0;
                        match ws.get(k + 1) {
                            Some(next) => {
                                stack.push((k + 1, child));
                                if inner && next.joint == CONJUNCTION {
                                    self.elliptical(ws, k, child, more, accept);
                                }
                            }
                            None => *more |= inner,
                        }
                    }
                }
            }
        }
    }

    /// The trie's child of `node` by a word of `class` with joint `joint` before it.
    #[inline]
    fn child(&self, node: u32, class: u32, joint: u32) -> Option<u32> {
        if node == 0 {
            self.root
                .get(class as usize)
                .copied()
                .filter(|&c| c != u32::MAX)
        } else {
            if self.nodes[node as usize].leads >> (class & 63) & 1 == 0 {
                return None;
            }
            let key = (node as u64) << 32 | class as u64;
            match joint {
                TIGHT => self.tight.get(&key),
                CONJUNCTION => self.conjoined.get(&key),
                _ => self.edges.get(&(node, class, joint)),
            }
            .copied()
        }
    }

    /// Elliptical coordination: the first conjunct of `X and Y H` names the form `X H` when
    /// `Y H` is a form too, with as many words ("power-sex and power-money trades": `power-sex`
    /// is `power-sex trade`; "the second and third plenary sessions of the 20th CPC Central
    /// Committee": `second` is the second plenary session). `ws[..=k]` is X, walked to
    /// `node`, and a conjunction comes before `ws[k + 1]`; Y has as many words as X, and the
    /// head H one or more. Calls `accept(k, pattern, true)` for each form `X H`: the span is
    /// X alone.
    #[inline(never)]
    fn elliptical(
        &self,
        ws: &[Word],
        k: usize,
        node: u32,
        more: &mut bool,
        accept: &mut impl FnMut(usize, u32, bool),
    ) {
        let h = 2 * k + 2;
        // The nodes X and the head's words so far lead to.
        let (mut nodes, mut next) = (vec![node], Vec::new());
        for i in h..ws.len().min(h + self.max_words) {
            let (at, len) = ws[i].classes;
            next.clear();
            for &n in &nodes {
                for &class in &self.pool[at as usize..(at + len) as usize] {
                    for &j in joints(n, &ws[i].joint) {
                        let Some(c) = self.child(n, class, j) else {
                            continue;
                        };
                        // `Y H` must be a form: the conjunct shares a head only with a term.
                        if let Some(p) = self.nodes[c as usize].accept() {
                            if self.is_form(&ws[k + 1..=i]) {
                                accept(k, p, true);
                            }
                        }
                        if self.nodes[c as usize].leads != 0 {
                            next.push(c);
                        }
                    }
                }
            }
            if next.is_empty() {
                return;
            }
            std::mem::swap(&mut nodes, &mut next);
        }
        // The words ran out with the head still going.
        *more = true;
    }

    /// Is `w` (folded) a word of some form, in any of its spellings?
    pub fn is_form_word(&self, w: &str) -> bool {
        matches!(self.surfaces.get(w), Lookup::Classes { .. })
    }

    /// Does some form run through exactly the words of `ws`, from the first to the last?
    fn is_form(&self, ws: &[Word]) -> bool {
        let mut stack = vec![(0usize, 0u32)];
        while let Some((k, node)) = stack.pop() {
            let w = ws[k];
            let (at, len) = w.classes;
            for &class in &self.pool[at as usize..(at + len) as usize] {
                for &j in joints(node, &w.joint) {
                    match self.child(node, class, j) {
                        Some(c) if k + 1 < ws.len() => stack.push((k + 1, c)),
                        Some(c) if self.nodes[c as usize].accept().is_some() => return true,
                        _ => {}
                    }
                }
            }
        }
        false
    }

    /// The commonest candidate ("to", "in", "work" before a word): a word, one space and a
    /// word that no form lets follow it. Its only matches are the forms and cues of the
    /// first word alone, put in `hits`; false, with nothing done, for any other candidate.
    #[inline]
    fn first_word_only(
        &self,
        folded: &str,
        run: &[Token],
        hits: &mut Vec<(usize, u32, bool)>,
    ) -> bool {
        let [t0, t1, ..] = run else {
            return false;
        };
        let (
            Lookup::Classes {
                at: a0, len: l0, ..
            },
            Lookup::Classes {
                at: a1, len: l1, ..
            },
        ) = (t0.lookup, t1.lookup)
        else {
            return false;
        };
        if t1.skippable || t1.start != t0.end + 1 || folded.as_bytes()[t0.end] != b' ' {
            return false;
        }
        let first = &self.pool[a0 as usize..(a0 + l0) as usize];
        let second = &self.pool[a1 as usize..(a1 + l1) as usize];
        // A form's conjunction joint takes words only spaces apart too (see `joints`).
        let follows = |node: u32, c: u32| {
            self.child(node, c, TIGHT).is_some() || self.child(node, c, CONJUNCTION).is_some()
        };
        let roots = || first.iter().filter_map(|&c| self.child(0, c, TIGHT));
        if roots().any(|node| second.iter().any(|&c| follows(node, c))) {
            return false;
        }
        for node in roots() {
            let n = self.nodes[node as usize];
            if let Some(p) = n.accept() {
                hits.push((t0.end, p, false));
            }
            if let Some(c) = n.cue() {
                hits.push((t0.end, CUE | c, false));
            }
        }
        true
    }

    /// The forms matching from the first word of `run`: `hits` gets (end, pattern,
    /// elliptical) for each, `ws` the words (`stack` is the walk's).
    fn matches_from(
        &self,
        folded: &str,
        run: &[Token],
        ws: &mut Vec<Word>,
        hits: &mut Vec<(usize, u32, bool)>,
        stack: &mut Vec<(usize, u32)>,
    ) {
        hits.clear();
        if self.first_word_only(folded, run, hits) {
            return;
        }
        // Most candidates end within two words ("to the", "in a"): cut two, and four times
        // as many again only while a form runs on past them (a run of words of forms can be
        // long, and the longest form sets no bound worth scanning to every time).
        let mut limit = 2;
        let mut at = Cursor::default();
        ws.clear();
        let mut scanned = self.scan_on(folded, run, ws, limit, false, &mut at);
        if ws.is_empty() {
            return;
        }
        let mut more = false;
        let w: &[Word] = ws;
        self.walk(w, stack, &mut more, &mut |k, p, e| {
            hits.push((w[k].end, p, e))
        });
        while scanned.cut && more {
            hits.clear();
            more = false;
            limit = limit.saturating_mul(4);
            scanned = self.scan_on(folded, run, ws, limit, false, &mut at);
            let w: &[Word] = ws;
            self.walk(w, stack, &mut more, &mut |k, p, e| {
                hits.push((w[k].end, p, e))
            });
        }
        // An aside or a year after a word: the words again, passing over them.
        if scanned.skippable {
            self.scan(folded, run, ws, usize::MAX, true);
            let w: &[Word] = ws;
            self.walk(w, stack, &mut more, &mut |k, p, e| {
                hits.push((w[k].end, p, e))
            });
            hits.sort_unstable();
            hits.dedup();
        }
    }

    /// Leftmost-longest matches in folded text: (start, end, pattern), sorted by start. Of
    /// two matches ending alike, one that names its form in full beats an elliptical one.
    /// Every cue, inside a match too, goes to `cues`: (start, end, cue).
    pub fn find(
        &self,
        folded: &str,
        out: &mut Vec<(usize, usize, usize)>,
        cues: &mut Vec<(usize, usize, usize)>,
    ) {
        self.find_noting_others(folded, out, cues, &mut Vec::new());
    }

    /// [`PhraseSet::find`], and in `others`, for each match (by start), how far another
    /// reading of its words may run: `None` when it has none (no other form matches from
    /// its first word, and no word after it inside it begins a form), else the end of its
    /// run of words, which no form crosses. A match that a glossary rule drops is searched
    /// again for what else its words may be (`Matcher::refill`): not at all, or no further.
    pub fn find_noting_others(
        &self,
        folded: &str,
        out: &mut Vec<(usize, usize, usize)>,
        cues: &mut Vec<(usize, usize, usize)>,
        others: &mut Vec<OtherReadings>,
    ) {
        let (mut ws, mut hits, mut stack) = (Vec::new(), Vec::new(), Vec::new());
        let mut free = 0;
        self.anchored_runs(folded, |run, worth| {
            for k in (0..worth.len()).filter(|&k| worth[k]) {
                let Lookup::Classes {
                    starts, starts_cue, ..
                } = run[k].lookup
                else {
                    continue;
                };
                let inside = run[k].start < free;
                if !(starts && !inside || starts_cue) {
                    continue;
                }
                self.matches_from(folded, &run[k..], &mut ws, &mut hits, &mut stack);
                let mut best: Option<(usize, u32, bool)> = None;
                for &(end, p, elliptical) in &hits {
                    if p & CUE != 0 {
                        cues.push(widen_quotes(folded, run[k].start, end, p & !CUE));
                    } else if !inside
                        && best.is_none_or(|b| {
                            (end, !elliptical, Reverse(p)) > (b.0, !b.2, Reverse(b.1))
                        })
                    {
                        best = Some((end, p, elliptical));
                    }
                }
                if let Some((end, pattern, _)) = best {
                    let found = widen_quotes(folded, run[k].start, end, pattern);
                    out.push(found);
                    free = end;
                    let other_reading = hits
                        .iter()
                        .any(|&(e, p, _)| p & CUE == 0 && (e, p) != (end, pattern));
                    let inner_start = run[k + 1..]
                        .iter()
                        .take_while(|t| t.start < end)
                        .any(|t| matches!(t.lookup, Lookup::Classes { starts: true, .. }));
                    let run_end = run.last().map_or(end, |t| t.end);
                    others.push((found, (other_reading || inner_start).then_some(run_end)));
                }
            }
        });
    }

    /// Every match, nested and overlapping ones too: (start, end, pattern); every cue goes to
    /// `cues`.
    pub fn find_overlapping(
        &self,
        folded: &str,
        out: &mut Vec<(usize, usize, usize)>,
        cues: &mut Vec<(usize, usize, usize)>,
    ) {
        let (mut ws, mut hits, mut stack) = (Vec::new(), Vec::new(), Vec::new());
        self.anchored_runs(folded, |run, worth| {
            for k in (0..worth.len()).filter(|&k| worth[k]) {
                self.matches_from(folded, &run[k..], &mut ws, &mut hits, &mut stack);
                for &(end, p, _) in &hits {
                    let hit = widen_quotes(folded, run[k].start, end, p & !CUE);
                    if p & CUE != 0 {
                        cues.push(hit);
                    } else {
                        out.push(hit);
                    }
                }
            }
        });
    }
}

/// A match, and how far another reading of its words may run ([`PhraseSet::find_noting_others`]).
pub type OtherReadings = ((usize, usize, usize), Option<usize>);

/// Pushes a word onto `run`, and after a word of a form the aside that follows it
/// ([`aside_end`]); `aside` is then where the aside ends.
#[inline(always)]
fn push(
    folded: &str,
    run: &mut Vec<Token>,
    aside: &mut usize,
    start: usize,
    end: usize,
    lookup: Lookup,
    skippable: bool,
) {
    run.push(Token {
        start,
        end,
        lookup,
        skippable,
    });
    // Most words are followed by a space and a letter: no aside. That is looked at first, as
    // it is rarely otherwise, where whether the word is one of a form is anyone's guess.
    let b = folded.as_bytes();
    let next = match b.get(end) {
        Some(b' ') => b.get(end + 1),
        next => next,
    };
    if matches!(next, Some(b'(' | b'"' | b'\'' | b' ')) && matches!(lookup, Lookup::Classes { .. })
    {
        if let Some((open, close)) = aside_end(folded, end) {
            run.push(Token {
                start: open,
                end: close,
                lookup: Lookup::Aside,
                skippable: true,
            });
            *aside = close;
        }
    }
}

/// The joints of the forms that a word with `joint` before it may take from `node`: any at
/// the root; a form's conjunction joint also takes words only spaces apart.
#[inline]
fn joints(node: u32, joint: &u32) -> &[u32] {
    if node == 0 {
        return &[TIGHT];
    }
    match *joint {
        BREAK => &[],
        TIGHT => &[TIGHT, CONJUNCTION],
        CONJUNCTION => &[CONJUNCTION],
        _ => std::slice::from_ref(joint),
    }
}

/// Is the word a year (1900–2099)? A year right after a word of a form may sit inside the
/// term ("Sky Net 2022 campaign").
#[inline]
fn is_year(w: &str) -> bool {
    let b = w.as_bytes();
    // The first byte first: a word rarely starts with a digit, where a word of four letters
    // is too common for the branch to guess.
    b.first().is_some_and(u8::is_ascii_digit)
        && b.len() == 4
        && (b.starts_with(b"19") || b.starts_with(b"20"))
        && b.iter().all(u8::is_ascii_digit)
}

/// The most words and bytes a bracketed aside holds.
const ASIDE_WORDS: usize = 6;
const ASIDE_BYTES: usize = 64;

/// A bracketed aside right after a word ending at `end`: its `(` and the offset after its
/// `)`. Only spaces and quotes come between the word and `(`; the brackets hold one to
/// [`ASIDE_WORDS`] words in at most [`ASIDE_BYTES`] bytes and no other bracket — an
/// abbreviation or a short gloss ("Communist Party of China (CPC) Central Committee",
/// "tigers" (corrupt senior officials) and "flies"). Full-width brackets fold to these.
#[inline(never)]
fn aside_end(folded: &str, end: usize) -> Option<(usize, usize)> {
    let b = folded.as_bytes();
    let mut open = end;
    while matches!(b.get(open), Some(b' ' | b'"' | b'\'')) {
        open += 1;
    }
    if b.get(open) != Some(&b'(') {
        return None;
    }
    let inner = &b[open + 1..];
    let close = inner
        .iter()
        .take(ASIDE_BYTES + 1)
        .position(|&c| c == b'(' || c == b')')?;
    if inner[close] != b')' {
        return None;
    }
    let n = words(&folded[open + 1..open + 1 + close])
        .take(ASIDE_WORDS + 1)
        .count();
    (1..=ASIDE_WORDS)
        .contains(&n)
        .then_some((open, open + close + 2))
}

/// The span of a match from the start of its first word to the end of its last. A possessive
/// `'s` at the end is grammar, not term (`the Party's`). A match with quotes inside it
/// (`tigers" and "flies`, `nail" cases`, `red' genes`) takes in the quotes right around it, so the span
/// holds what the text quotes; a term quoted whole stays without its quotes.
#[inline]
fn widen_quotes(folded: &str, mut start: usize, mut end: usize, p: u32) -> (usize, usize, usize) {
    let b = folded.as_bytes();
    // Most spans hold no quote at all: one look for either mark settles them.
    if memchr::memchr2(b'"', b'\'', &b[start..end]).is_none() {
        return (start, end, p as usize);
    }
    // Also when a space comes before or after the apostrophe (`China 's`).
    for tail in [&b" 's"[..], b"' s", b"'s"] {
        if b[..end].ends_with(tail) && end - start > tail.len() {
            end -= tail.len();
            break;
        }
    }
    for q in [b'"', b'\''] {
        if quotes_inside(&b[start..end], q) {
            if start > 0 && b[start - 1] == q {
                start -= 1;
            }
            if b.get(end) == Some(&q) {
                end += 1;
            }
        }
    }
    (start, end, p as usize)
}

/// Does the span hold the quote mark `q` as a quote? A single quote between two letters or
/// digits is an apostrophe ("Party's"), not a quote (curly ones fold to these two marks).
fn quotes_inside(span: &[u8], q: u8) -> bool {
    (0..span.len()).any(|i| {
        span[i] == q
            && (q == b'"'
                || i == 0
                || i + 1 == span.len()
                || !span[i - 1].is_ascii_alphanumeric()
                || !span[i + 1].is_ascii_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::normalize;

    /// Every kind of lookup comes back from its record as it was; a tag beyond them, or a
    /// record of another length, does not decode.
    #[test]
    fn lookups_come_back_from_their_records() {
        let mut all = vec![
            Lookup::Determiner,
            Lookup::Conjunction,
            Lookup::Other,
            Lookup::Aside,
            Lookup::Year,
            Lookup::Inside,
        ];
        for (starts, starts_cue) in [(false, false), (true, false), (false, true), (true, true)] {
            all.push(Lookup::Classes {
                at: 70_000,
                len: 3,
                starts,
                starts_cue,
            });
        }
        for l in all {
            let mut b = Vec::new();
            l.put(&mut b);
            assert_eq!(b.len(), Lookup::LEN);
            assert_eq!(Lookup::get(&b), Some(l));
            assert_eq!(Lookup::get(&b[..8]), None);
        }
        assert_eq!(Lookup::get(&[10, 0, 0, 0, 0, 0, 0, 0, 0]), None);
    }

    fn set(forms: &[&str]) -> PhraseSet {
        let mut b = PhraseBuilder::default();
        for (i, f) in forms.iter().enumerate() {
            b.add(&normalize(f).text, i as u32);
        }
        let (s, problems) = b.build();
        assert!(problems.is_empty(), "{problems:?}");
        s
    }

    fn found(s: &PhraseSet, text: &str) -> Vec<String> {
        let n = normalize(text);
        let mut out = Vec::new();
        s.find(&n.text, &mut out, &mut Vec::new());
        out.iter()
            .map(|&(a, b, _)| text[n.original_range(a..b)].to_string())
            .collect()
    }

    /// A match with no other reading of its words is noted so, and one whose words may read
    /// otherwise (a word inside it begins a form, or another form ends from its first word)
    /// with the end of its run of words.
    #[test]
    fn matches_note_how_far_other_readings_may_run() {
        let s = set(&[
            "nail case",
            "protective umbrella",
            "umbrella",
            "sky net",
            "sky",
        ]);
        let text = "a nail case, then protective umbrella nail x, sky net";
        let (mut out, mut others) = (Vec::new(), Vec::new());
        s.find_noting_others(text, &mut out, &mut Vec::new(), &mut others);
        let noted: Vec<(&str, Option<&str>)> = others
            .iter()
            .map(|&((a, b, _), end)| (&text[a..b], end.map(|e| &text[a..e])))
            .collect();
        assert_eq!(
            noted,
            [
                ("nail case", None),
                ("protective umbrella", Some("protective umbrella nail")),
                ("sky net", Some("sky net")),
            ]
        );
        assert_eq!(out, others.iter().map(|o| o.0).collect::<Vec<_>>());
    }

    /// Words of every length are found, keyed in 64 bits, 128 bits or as strings, with
    /// sixteen bytes of text after them or fewer (the end of the text).
    #[test]
    fn words_of_every_length_are_looked_up() {
        let words: Vec<String> = (1..=20)
            .map(|n| ["abcdefghijklmnopqrst"[..n].to_string(), "z".into()].concat())
            .collect();
        let forms: Vec<String> = words.iter().map(|w| format!("{w} end")).collect();
        let s = set(&forms.iter().map(String::as_str).collect::<Vec<_>>());
        for (w, form) in words.iter().zip(&forms) {
            assert_eq!(
                found(&s, &format!("{form} and more text after it")),
                [form.as_str()]
            );
            assert_eq!(found(&s, form), [form.as_str()]);
            // One letter short or one more is another word.
            assert!(found(&s, &format!("{} end", &w[1..])).is_empty(), "{w}");
            assert!(found(&s, &format!("{w}z end")).is_empty(), "{w}");
            assert!(s.is_form_word(w), "{w}");
        }
    }

    /// A form of thousands of words is walked without deep recursion (it overflowed the
    /// stack).
    #[test]
    fn a_very_long_form() {
        let form = vec!["alpha beta"; 10_000].join(" ");
        let s = set(&[&form]);
        assert_eq!(found(&s, &format!("x {form} y")), [form.as_str()]);
    }

    #[test]
    fn joints() {
        let s = set(&["tigers and flies", "source control", "Document No. 1"]);
        assert_eq!(found(&s, "tigers, flies"), ["tigers, flies"]);
        assert_eq!(found(&s, "tigers & flies"), ["tigers & flies"]);
        assert_eq!(
            found(&s, "the tigers and the flies"),
            ["tigers and the flies"]
        );
        assert_eq!(
            found(&s, "\"tigers\" and \"flies\""),
            ["\"tigers\" and \"flies\""]
        );
        assert_eq!(found(&s, "source and control"), Vec::<String>::new());
        assert_eq!(found(&s, "source. Control"), Vec::<String>::new());
        assert_eq!(found(&s, "sources controlled"), ["sources controlled"]);
        assert_eq!(
            found(&s, "the No. 1 central document"),
            Vec::<String>::new()
        );
        assert_eq!(found(&s, "Central Document No. 1."), ["Document No. 1"]);
        assert_eq!(found(&s, "document no 1"), Vec::<String>::new());
    }

    /// The rules of issue 13's real-text misses: an aside or a year inside a term, a quote
    /// glued to the word before, a head shared by two conjuncts.
    #[test]
    fn asides_years_glued_quotes_and_shared_heads() {
        let s = set(&[
            "power-sex trade",
            "power-money trade",
            "Communist Party of China Central Committee",
            "Communist Party of China",
            "CPC",
            "Sky Net campaign",
            "Sky Net",
            "one country, two systems",
            "Made in China 2025",
            "Made in China",
            "Document No. 1",
        ]);
        assert_eq!(
            found(&s, "power-sex and power-money trades"),
            ["power-sex", "power-money trades"]
        );
        // Five words for a shared head, more than the longest form has.
        let short = set(&["power-sex trade", "power-money trade"]);
        assert_eq!(
            found(&short, "power-sex and power-money trades"),
            ["power-sex", "power-money trades"]
        );
        assert_eq!(
            found(&short, "power-sex and power-money"),
            Vec::<String>::new()
        );
        assert_eq!(
            found(&s, "the Communist Party of China (CPC) Central Committee"),
            ["Communist Party of China (CPC) Central Committee"]
        );
        assert_eq!(
            found(&s, "the Communist Party of China (CPC)."),
            ["Communist Party of China", "CPC"]
        );
        assert_eq!(
            found(&s, "the Communist Party of China （CPC） Central Committee"),
            ["Communist Party of China （CPC） Central Committee"]
        );
        assert_eq!(
            found(&s, "Sky Net 2022 campaign"),
            ["Sky Net 2022 campaign"]
        );
        assert_eq!(found(&s, "Sky Net 2022"), ["Sky Net"]);
        assert_eq!(found(&s, "Sky Net, 2022 campaign"), ["Sky Net"]);
        assert_eq!(found(&s, "Made in China 2025"), ["Made in China 2025"]);
        assert_eq!(
            found(&s, "the’One Country, Two Systems’ System"),
            ["One Country, Two Systems"]
        );
        assert_eq!(found(&s, "Document (x) No. 1"), ["Document (x) No. 1"]);
        assert_eq!(found(&s, "Document No. (x) 1"), Vec::<String>::new());
        // A full stop that lost its space ends one sentence; the next starts a term.
        assert_eq!(
            found(&s, "were punished.Sky Net 2022 campaign"),
            ["Sky Net 2022 campaign"]
        );
        assert_eq!(
            found(&s, "the Sky Net.Made in China"),
            ["Sky Net", "Made in China"]
        );
        // An address is no sentence break.
        assert_eq!(
            found(&s, "see cpc.nist.gov and cpc.com"),
            Vec::<String>::new()
        );
        assert_eq!(found(&s, "the CPC.Sky Net"), ["CPC", "Sky Net"]);
        // The full stop is no joint a form runs across.
        assert_eq!(found(&s, "Sky.Net"), Vec::<String>::new());
        assert_eq!(found(&s, "a.Sky Net"), ["Sky Net"]);
        assert_eq!(found(&s, "the Sky Net.The end"), ["Sky Net"]);
        assert_eq!(
            found(&s, "Sky Net.Made in China.X"),
            ["Sky Net", "Made in China"]
        );
    }
}
