//! Property tests: the offset map, every renderer's round trip, `-j1` against `-jN`, and the
//! matcher against a naive reference implementation. The invariants themselves live in
//! `tests/support/invariants.rs`, shared with the fuzz targets.

use std::cmp::Reverse;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::OnceLock;

use proptest::prelude::*;

use tifa::batch::{self, AnnotateConfig, Destination, InputMode};
use tifa::glossary::{read_csv, FormKind, Glossary};
use tifa::matcher::{MatchOptions, Matcher, Span};
use tifa::render::Format;
use tifa::text::chinese::{has_traditional, is_cjk};
use tifa::text::fold_form;
use tifa::text::inflect::{form_keys, form_words, variants, word_class, words, Joint, DETERMINERS};
use tifa::text::normalize::normalize;

#[path = "support/invariants.rs"]
mod invariants;

/// A glossary with the shapes that make matching hard: nested and overlapping forms
/// (保护 / 保护伞, `umbrella` / `protective umbrellas`), a self-overlapping form (`la la`),
/// enumeration commas, hyphens, apostrophes, a form that is a word inside another
/// (`nail case` / `toenail`), and plural variants.
const GLOSSARY: &str = "\
id,zh,zh_alt,zh_hant,pinyin,en,en_alt,literal,category,definition
bao-hu-san,保护伞,,保護傘,bǎo hù sǎn,protectors,,protective umbrellas|umbrella of protection,campaign,Officials who shield gangs.
bao-hu,保护,,,bǎo hù,protect,,,policy,To protect.
san,伞,,傘,sǎn,umbrella,,,idiom,An umbrella.
guan-xi-wang,关系网,,關係網,guān xì wǎng,networks of connections,,relationship networks,campaign,Webs of connections.
ding-zi-an,钉子案,,釘子案,dīng zi àn,hard cases,,nail case,campaign,Stubborn cases.
nail,丙,,,bǐng,toenail,,,policy,Test entry.
bu-fang-guo,不放过、不凑数,不放过不凑数,,bù fàng guò bù còu shù,no real case let go,,,campaign,Let none escape.
sao-hei,扫黑除恶,,掃黑除惡,sǎo hēi chú è,anti-gang campaign,,black and evil,campaign,The campaign.
sao-hei-zx,扫黑除恶专项斗争,,,sǎo hēi chú è zhuān xiàng dòu zhēng,special campaign,,special struggle,campaign,The special campaign.
la,啦啦,,,lā lā,la la,,,idiom,Self-overlapping.
people,人民,,,rén mín,People's Procuratorate,,,institution,Apostrophes.
hei-lao-da,黑老大,,,hēi lǎo dà,crime boss,key industry,gang boss|big brother,campaign,Plurals in -es and -ies.
";

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| {
        let (entries, problems) = read_csv(GLOSSARY.as_bytes(), Path::new("p.csv"));
        assert!(problems.is_empty(), "{problems:?}");
        Matcher::new(Glossary {
            entries: entries.into(),
        })
        .expect("the test glossary compiles")
    })
}

/// Pieces random texts are built from: every surface form of the glossary, spelled in
/// several ways, and filler that tests boundaries, folding and the offset map.
fn pieces() -> &'static [String] {
    static P: OnceLock<Vec<String>> = OnceLock::new();
    P.get_or_init(|| {
        let mut v: Vec<String> = Vec::new();
        for e in &matcher().glossary().entries {
            for (_, f) in e.all_forms() {
                v.push(f.to_string());
                v.push(f.to_uppercase());
                v.push(f.replace(' ', "-"));
                v.push(f.replace(' ', "\r\n "));
                v.push(format!("{f}s"));
                v.push(f.chars().take(3).collect());
            }
        }
        for f in [
            "",
            " ",
            "  ",
            "\n",
            "\r\n",
            "-",
            "\u{2014}",
            "x",
            "s",
            "es",
            "toe",
            "a",
            "的",
            "、",
            "，",
            ",",
            "’",
            "'",
            "\"",
            "é",
            "1",
            "_",
            "İ",
            "ǌ",
            "℀",
            "Ⅲ",
            "ﬁ",
            "\u{00AD}",
            "\u{200B}",
            "\u{3000}",
            "ＮＡＩＬ",
            "傘",
            "護",
            "\t",
            "😀",
            // Asides, years, glued quotes and shared heads (crime and gang boss).
            " and ",
            " (",
            ")",
            "(",
            " (CPC) ",
            "（x y）",
            " (a b c d e f g) ",
            " 2022 ",
            "1999",
            "the'",
            "the.",
            "’",
            "crime",
            "gang",
            "nail",
            "hard",
            "cases",
        ] {
            v.push(f.to_string());
        }
        v
    })
}

fn text_from(parts: &[usize]) -> String {
    let p = pieces();
    parts.iter().map(|&i| p[i % p.len()].as_str()).collect()
}

/// Characters the normalizer treats specially, to make arbitrary strings interesting.
fn special_char() -> impl Strategy<Value = char> {
    prop::sample::select(vec![
        ' ', '\n', '\r', '\t', '-', ',', '，', '、', '·', '\u{2014}', '\u{00AD}', '\u{200B}',
        '\u{FEFF}', '\u{3000}', '’', '“', 'İ', 'ǌ', '℀', 'Ⅲ', 'ﬁ', 'Ａ', '保', '護', '傘', 'a',
        'Z', 'ß', 'ẞ', '\u{0301}', '㎒', '①', '½', '\u{2028}',
    ])
}

fn unicode_string() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![any::<char>(), special_char()], 0..48)
        .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// The offset map is monotone and lands on character boundaries inside the text, for
    /// arbitrary Unicode.
    #[test]
    fn offset_map_is_monotone_on_char_boundaries(text in unicode_string()) {
        if let Err(e) = invariants::offset_map(&text) {
            prop_assert!(false, "{} for {:?}", e, text);
        }
    }

    /// The same for texts made of glossary forms and filler.
    #[test]
    fn offset_map_holds_on_glossary_texts(parts in prop::collection::vec(any::<usize>(), 0..16)) {
        let text = text_from(&parts);
        if let Err(e) = invariants::offset_map(&text) {
            prop_assert!(false, "{} for {:?}", e, text);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Every renderer's output, stripped of its markup, gives back the input: the JSONL
    /// `text` field and its span texts, CSV rows' text between their offsets, and the text
    /// output minus its glosses.
    #[test]
    fn every_renderer_gives_back_the_input(
        parts in prop::collection::vec(any::<usize>(), 0..20),
        overlapping in any::<bool>(),
    ) {
        let text = text_from(&parts);
        let opts = MatchOptions { overlapping };
        if let Err(e) = invariants::annotate_everywhere(matcher(), &text, opts) {
            prop_assert!(false, "{} for {:?}", e, text);
        }
    }

    /// The same on arbitrary Unicode.
    #[test]
    fn every_renderer_gives_back_arbitrary_unicode(text in unicode_string()) {
        if let Err(e) = invariants::annotate_everywhere(matcher(), &text, MatchOptions::default()) {
            prop_assert!(false, "{} for {:?}", e, text);
        }
    }

    /// A JSONL input record keeps every field and gains spans into its text.
    #[test]
    fn jsonl_records_keep_their_fields(
        parts in prop::collection::vec(any::<usize>(), 0..12),
        id in any::<i64>(),
        extra in unicode_string(),
    ) {
        let text = text_from(&parts);
        let line = serde_json::json!({"id": id, "text": text, "meta": {"x": extra}}).to_string();
        prop_assert!(tifa::input::source::parse_record(&line, "text").is_ok());
        if let Err(e) = invariants::jsonl_record(matcher(), &line, "text") {
            prop_assert!(false, "{} for {:?}", e, line);
        }
    }

    /// The optimised matcher agrees with the naive reference, in both overlap modes.
    #[test]
    fn matcher_agrees_with_the_naive_reference(
        parts in prop::collection::vec(any::<usize>(), 0..20),
        overlapping in any::<bool>(),
    ) {
        let text = text_from(&parts);
        let opts = MatchOptions { overlapping };
        let got = matcher().find(&text, opts);
        let want = reference_find(matcher().glossary(), &text, opts);
        prop_assert_eq!(got, want, "text {:?}", text);
    }
}

// ---------------------------------------------------------------------------------------
// The naive reference matcher.

/// One pattern of the reference: its entry and kind, whether it is gated, and either the
/// folded Chinese keys or the English words with the joint before each.
struct RefPattern {
    entry: usize,
    form: FormKind,
    gated: bool,
    chinese: Vec<String>,
    english: Vec<(String, Joint)>,
}

fn reference_patterns(g: &Glossary) -> Vec<RefPattern> {
    let mut pats = Vec::new();
    for (ei, e) in g.entries.iter().enumerate() {
        let gated: Vec<String> = e.gated.iter().map(|x| fold_form(x)).collect();
        for (kind, f) in e.all_forms() {
            let key = fold_form(f);
            let p = RefPattern {
                entry: ei,
                form: kind,
                gated: gated.contains(&key),
                chinese: if key.chars().any(tifa::text::chinese::is_han) {
                    form_keys(f)
                } else {
                    vec![]
                },
                english: if key.chars().any(tifa::text::chinese::is_han) {
                    vec![]
                } else {
                    form_words(&key)
                },
            };
            pats.push(p);
        }
    }
    pats
}

/// Does text word `w` stand for form word `f`? It does when `w` is a surface of some form
/// word of the glossary whose class is `f`'s (the surfaces of a word are the spellings
/// `variants` lists).
fn same_word(vocab: &[(String, Vec<String>)], w: &str, f: &str) -> bool {
    if DETERMINERS.contains(&w) || w == "and" {
        return false;
    }
    let class = word_class(f);
    vocab
        .iter()
        .any(|(v, surfaces)| word_class(v) == class && surfaces.iter().any(|s| s == w))
}

/// What the reference's English search knows: the text, its words, the form words' surfaces
/// and the classes that begin a form.
struct RefText<'a> {
    folded: &'a str,
    ws: Vec<(usize, &'a str)>,
    vocab: &'a [(String, Vec<String>)],
}

impl RefText<'_> {
    fn end(&self, k: usize) -> usize {
        self.ws[k].0 + self.ws[k].1.len()
    }

    /// Is `w` a surface of a form word (not an article or "and")?
    fn is_surface(&self, w: &str) -> bool {
        !DETERMINERS.contains(&w)
            && w != "and"
            && self.vocab.iter().any(|(_, s)| s.iter().any(|x| x == w))
    }

    /// What a term may pass over right after its word `k`, with `skip`: a bracketed aside
    /// of one to six words in at most 64 bytes, after only spaces and quotes; or a year
    /// after only spaces and quotes. The offset after it and the index of the next word.
    fn skipped_after(&self, k: usize) -> Option<(usize, usize)> {
        let rest = &self.folded[self.end(k)..];
        let after_quotes = rest.trim_start_matches([' ', '"', '\'']);
        if let Some(inner) = after_quotes.strip_prefix('(') {
            let open = self.folded.len() - inner.len() - 1;
            let close = inner.find(['(', ')'])?;
            let n = words(&inner[..close]).count();
            if inner[close..].starts_with(')') && close <= 64 && (1..=6).contains(&n) {
                let end = open + close + 2;
                let next = (k + 1..self.ws.len())
                    .find(|&x| self.ws[x].0 >= end)
                    .unwrap_or(self.ws.len());
                return Some((end, next));
            }
            return None;
        }
        let (s, w) = *self.ws.get(k + 1)?;
        let year = w.len() == 4
            && (w.starts_with("19") || w.starts_with("20"))
            && w.bytes().all(|b| b.is_ascii_digit());
        let tight = self.folded[self.end(k)..s]
            .chars()
            .all(|c| " \"'".contains(c));
        (year && tight).then_some((s + w.len(), k + 2))
    }

    /// The next surface word after word `k`, across articles and "and" only, with `skip` past
    /// what [`RefText::skipped_after`] allows first: its index and the conjunction marks on
    /// the way (each gap holding `,` or `&` counts one, as does each "and").
    fn next_surface(&self, k: usize, skip: bool) -> Option<(usize, usize)> {
        let (mut from, mut j) = (self.end(k), k + 1);
        if skip {
            if let Some((f, n)) = self.skipped_after(k) {
                (from, j) = (f, n);
            }
        }
        let first = j;
        let (mut dets, mut conj) = (0, 0);
        while j < self.ws.len() && !self.is_surface(self.ws[j].1) {
            match self.ws[j].1 {
                w if DETERMINERS.contains(&w) => dets += 1,
                "and" => conj += 1,
                _ => return None,
            }
            j += 1;
        }
        if j >= self.ws.len() || dets > 2 {
            return None;
        }
        // Only spaces, quotes and conjunction marks between the words passed.
        let mut at = from;
        for x in first..=j {
            let gap = &self.folded[at..self.ws[x].0];
            if !gap.chars().all(|c| " \"',&".contains(c)) {
                return None;
            }
            conj += usize::from(gap.contains([',', '&']));
            at = self.end(x);
        }
        Some((j, conj))
    }

    /// The index of the word after word `k` that stands for form word `f` with `joint`
    /// before it.
    fn step(&self, k: usize, f: &str, joint: &Joint, skip: bool) -> Option<usize> {
        if let Joint::Punctuation(punct) = joint {
            // The punctuation right after the word (never where something is passed over),
            // then only articles or determiners with spaces or quotes between them.
            if skip && self.skipped_after(k).is_some() {
                return None;
            }
            let mut j = k + 1;
            while j < self.ws.len() && !self.is_surface(self.ws[j].1) {
                if !DETERMINERS.contains(&self.ws[j].1) {
                    return None;
                }
                j += 1;
            }
            let ok = j < self.ws.len()
                && j - (k + 1) <= 2
                && same_word(self.vocab, self.ws[j].1, f)
                && self.folded[self.end(k)..self.ws[k + 1].0].trim_matches(' ') == punct
                && (k + 2..=j).all(|x| {
                    self.folded[self.end(x - 1)..self.ws[x].0]
                        .chars()
                        .all(|c| " \"'".contains(c))
                });
            return ok.then_some(j);
        }
        let (j, conj) = self.next_surface(k, skip)?;
        let ok = same_word(self.vocab, self.ws[j].1, f)
            && match joint {
                Joint::Tight => conj == 0,
                _ => conj <= 2,
            };
        ok.then_some(j)
    }

    /// The words of pattern `p` from word `i`: the index of each, when it matches.
    fn path(&self, i: usize, p: &[(String, Joint)], skip: bool) -> Option<Vec<usize>> {
        if !same_word(self.vocab, self.ws[i].1, &p[0].0) {
            return None;
        }
        let mut path = vec![i];
        for (f, joint) in &p[1..] {
            path.push(self.step(*path.last()?, f, joint, skip)?);
        }
        Some(path)
    }

    /// Elliptical coordination: the first `m` words of pattern `p` match from `i` (X); after
    /// a conjunction, a pattern of as many words as `p` matches (Y H), Y of `m` words; and
    /// `p`'s other words stand at H's (a head of one word or more: "second and third plenary
    /// sessions of ..."). The index of X's last word, for each `m` that matches.
    fn elliptical(
        &self,
        i: usize,
        p: &[(String, Joint)],
        pats: &[RefPattern],
        skip: bool,
    ) -> Vec<usize> {
        let n = p.len();
        let mut ends = Vec::new();
        for m in 1..n {
            let Some(x) = self.path(i, &p[..m], skip) else {
                continue;
            };
            let k = x[m - 1];
            let Some((y, conj)) = self.next_surface(k, skip) else {
                continue;
            };
            if !(1..=2).contains(&conj) {
                continue;
            }
            let shares_head = pats
                .iter()
                .filter(|q| q.english.len() == n)
                .filter_map(|q| self.path(y, &q.english, skip))
                .any(|q| (m..n).all(|j| self.step(q[j - 1], &p[j].0, &p[j].1, skip) == Some(q[j])));
            if shares_head {
                ends.push(k);
            }
        }
        ends
    }
}

/// The words of folded text as the matcher takes them: UAX #29 words, a word glued to the
/// one before by a quote or a full stop (`the'one`, `punished.sky`) cut in two when it is no
/// surface itself, a letter is on each side of its first quote or full stop, and the part
/// after it (two letters or more) is a surface of a word that begins some form, or, for a
/// full stop, the part before it (two letters or more) is a surface of a word of a form.
fn reference_words<'a>(
    folded: &'a str,
    vocab: &[(String, Vec<String>)],
    pats: &[RefPattern],
) -> Vec<(usize, &'a str)> {
    let starts: Vec<String> = pats
        .iter()
        .filter_map(|p| p.english.first().map(|(w, _)| word_class(w)))
        .collect();
    let begins = |w: &str| {
        !DETERMINERS.contains(&w)
            && w != "and"
            && vocab
                .iter()
                .any(|(v, s)| starts.contains(&word_class(v)) && s.iter().any(|x| x == w))
    };
    let known = |w: &str| {
        DETERMINERS.contains(&w)
            || w == "and"
            || vocab.iter().any(|(_, s)| s.iter().any(|x| x == w))
    };
    let mut out = Vec::new();
    for (s, w) in words(folded) {
        if let Some(q) = w.find(['\'', '.']) {
            let b = w.as_bytes();
            let of_a_form = |w: &str| vocab.iter().any(|(_, s)| s.iter().any(|x| x == w));
            if !known(w)
                && q > 0
                && b[q - 1].is_ascii_alphabetic()
                && b.get(q + 1).is_some_and(u8::is_ascii_alphabetic)
                && ((w.len() - q > 2 && begins(&w[q + 1..]))
                    || (b[q] == b'.' && q >= 2 && of_a_form(&w[..q])))
                && !(b[q] == b'.' && tifa::text::phrase::is_address(&w[q + 1..]))
            {
                out.push((s, &w[..q]));
                out.push((s + q + 1, &w[q + 1..]));
                continue;
            }
        }
        out.push((s, w));
    }
    out
}

/// The span a match covers: first word to last, less a final possessive, widened over the
/// quotes around it when it has quotes inside.
fn reference_span(folded: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    if folded[..e].ends_with("'s") && e - s > 2 {
        e -= 2;
    }
    for q in ['"', '\''] {
        if reference_quotes_inside(&folded[s..e], q) {
            if folded[..s].ends_with(q) {
                s -= 1;
            }
            if folded[e..].starts_with(q) {
                e += 1;
            }
        }
    }
    (s, e)
}

/// Does the span quote with `q`? A `'` with a letter or digit on both sides is an apostrophe.
fn reference_quotes_inside(span: &str, q: char) -> bool {
    let cs: Vec<char> = span.chars().collect();
    let word = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    (0..cs.len())
        .any(|i| cs[i] == q && (q == '"' || !(i > 0 && word(cs.get(i - 1)) && word(cs.get(i + 1)))))
}

/// A Chinese span takes in the partner of an unpaired quote or bracket right outside it.
fn reference_balance(text: &str, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let (mut start, mut end) = (r.start, r.end);
    for (open, close) in [
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
    ] {
        let inner: Vec<char> = text[start..end].chars().collect();
        let opens = inner.iter().filter(|&&c| c == open).count();
        let closes = inner.iter().filter(|&&c| c == close).count();
        if opens > closes && text[end..].starts_with(close) {
            end += close.len_utf8();
        } else if closes > opens && text[..start].ends_with(open) {
            start -= open.len_utf8();
        }
    }
    for q in ['"', '\''] {
        if text[start..end].chars().filter(|&c| c == q).count() % 2 == 1 {
            if text[end..].starts_with(q) {
                end += 1;
            } else if text[..start].ends_with(q) {
                start -= 1;
            }
        }
    }
    start..end
}

/// Folds the text; finds English patterns word by word at every word and Chinese keys at
/// every character position by brute force; picks leftmost-longest non-overlapping spans
/// (or all, with `overlapping`); then drops matches inside an `exclude` string of their
/// entry and gated matches with no other form of their entry and no cue within the window.
fn reference_find(g: &Glossary, text: &str, opts: MatchOptions) -> Vec<Span> {
    let pats = reference_patterns(g);
    let mut vocab: Vec<(String, Vec<String>)> = Vec::new();
    for p in &pats {
        for (w, _) in &p.english {
            if !vocab.iter().any(|(v, _)| v == w) {
                vocab.push((w.clone(), variants(w)));
            }
        }
    }
    let norm = normalize(text);
    let folded = norm.text.as_str();
    let rt = RefText {
        folded,
        ws: reference_words(folded, &vocab, &pats),
        vocab: &vocab,
    };
    let ws = &rt.ws;
    let has_letters = folded
        .chars()
        .any(|c| c.is_alphabetic() && !tifa::text::chinese::is_han(c));
    let has_digits = folded.bytes().any(|b| b.is_ascii_digit());
    // English candidates: (start word, end word, elliptical, pattern), with and without
    // passing over asides and years (the matcher looks both ways and keeps every match).
    let mut english: Vec<(usize, usize, bool, usize)> = Vec::new();
    if has_letters || has_digits {
        for i in 0..ws.len() {
            for (pi, p) in pats.iter().enumerate() {
                if p.english.is_empty() {
                    continue;
                }
                for skip in [false, true] {
                    if let Some(path) = rt.path(i, &p.english, skip) {
                        english.push((i, *path.last().unwrap(), false, pi));
                    }
                    for k in rt.elliptical(i, &p.english, &pats, skip) {
                        english.push((i, k, true, pi));
                    }
                }
            }
        }
    }
    english.sort_by_key(|&(i, k, ell, p)| (i, Reverse(k), ell, p));
    english.dedup();
    let to_bytes = |(i, k, _, p): (usize, usize, bool, usize)| {
        let (s, e) = reference_span(folded, ws[i].0, rt.end(k));
        (s, e, p)
    };
    let mut chinese: Vec<(usize, usize, usize)> = Vec::new();
    for (pi, p) in pats.iter().enumerate() {
        for key in &p.chinese {
            for (i, _) in folded.char_indices() {
                if folded[i..].starts_with(key.as_str()) {
                    chinese.push((i, i + key.len(), pi));
                }
            }
        }
    }
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    if opts.overlapping {
        found.extend(english.into_iter().map(to_bytes));
        found.extend(chinese);
    } else {
        // English: leftmost-longest over words (ties to a match naming its form in full, then
        // to the first pattern); `english` is in that order.
        let mut next = 0;
        let mut picked = Vec::new();
        for c in english {
            if c.0 >= next {
                next = c.1 + 1;
                picked.push(to_bytes(c));
            }
        }
        // Chinese: leftmost-longest over characters.
        chinese.sort_by_key(|&(s, e, p)| (s, Reverse(e), p));
        let mut last_end = 0;
        for c in chinese {
            if c.0 >= last_end {
                last_end = c.1;
                picked.push(c);
            }
        }
        picked.sort_by_key(|&(s, e, p)| (s, Reverse(e), p));
        let mut last_end = 0;
        for c in picked {
            if c.0 >= last_end {
                last_end = c.1;
                found.push(c);
            }
        }
    }
    // Exclusions.
    found.retain(|&(s, e, p)| {
        let entry = &g.entries[pats[p].entry];
        !entry.exclude.iter().any(|x| {
            let x = fold_form(x);
            (0..=s).any(|i| {
                folded.is_char_boundary(i)
                    && folded[i..].starts_with(x.as_str())
                    && i + x.len() >= e
            })
        })
    });
    // Gating.
    let window = 600;
    let keep: Vec<bool> = found
        .iter()
        .map(|&(s, e, p)| {
            if !pats[p].gated {
                return true;
            }
            let entry = pats[p].entry;
            let (lo, hi) = (s.saturating_sub(window), e + window);
            found.iter().any(|&(s2, e2, p2)| {
                pats[p2].entry == entry && !pats[p2].gated && e2 >= lo && s2 <= hi
            }) || g.entries[entry].cue.iter().any(|c| {
                let c = fold_form(c);
                // A cue that begins or ends inside the window counts.
                let (mut lo, mut hi) =
                    (lo.saturating_sub(c.len()), (hi + c.len()).min(folded.len()));
                while !folded.is_char_boundary(lo) {
                    lo -= 1;
                }
                while !folded.is_char_boundary(hi) {
                    hi += 1;
                }
                let hay = &folded[lo..hi];
                let (wlo, whi) = (s.saturating_sub(window), e + window);
                hay.match_indices(c.as_str()).any(|(i, _)| {
                    if lo + i > whi || lo + i + c.len() < wlo {
                        return false;
                    }
                    let wc = |ch: char| ch.is_alphanumeric() && !is_cjk(ch);
                    let b = hay[..i].chars().next_back().is_some_and(wc);
                    let a = hay[i + c.len()..].chars().next().is_some_and(wc);
                    !((c.chars().next().is_some_and(wc) && b)
                        || (c.chars().next_back().is_some_and(wc) && a))
                })
            })
        })
        .collect();
    let found: Vec<_> = found
        .into_iter()
        .zip(keep)
        .filter_map(|(f, k)| k.then_some(f))
        .collect();
    let mut out = Vec::new();
    for (s, e, pi) in found {
        let p = &pats[pi];
        let mut r = norm.original_range(s..e);
        if !p.chinese.is_empty() && text[r.clone()] != folded[s..e] {
            r = reference_balance(text, r);
        }
        let form = if matches!(p.form, FormKind::Zh | FormKind::ZhAlt)
            && has_traditional(&text[r.clone()])
        {
            FormKind::ZhHant
        } else {
            p.form
        };
        out.push(Span {
            start: r.start,
            end: r.end,
            entry: p.entry,
            form,
        });
    }
    if opts.overlapping {
        out.sort_by_key(|x| (x.start, Reverse(x.end), x.entry));
        out.dedup_by_key(|x| (x.start, x.end, x.entry));
    } else {
        // A quote taken in by two neighbouring terms stays with the first.
        let mut last_end = 0;
        out.retain_mut(|x| {
            x.start = x.start.max(last_end);
            let keep = x.start < x.end;
            if keep {
                last_end = x.end;
            }
            keep
        });
    }
    out
}

#[test]
fn reference_finds_self_overlapping_forms_after_a_rejected_one() {
    let m = matcher();
    let text = "xla la la";
    let want = reference_find(m.glossary(), text, MatchOptions::default());
    assert_eq!(
        want.iter()
            .map(|s| &text[s.start..s.end])
            .collect::<Vec<_>>(),
        ["la la"]
    );
    assert_eq!(want[0].start, 4);
    assert_eq!(m.find(text, MatchOptions::default()), want);
}

/// A head of more than one word: "umbrellas, umbrella of protection" names `umbrella of
/// protection` in its first conjunct, in overlapping mode, and the reference agrees.
#[test]
fn reference_shares_heads_of_several_words() {
    let m = matcher();
    let text = "protective umbrellas，umbrella of protection傘";
    let opts = MatchOptions { overlapping: true };
    let want = reference_find(m.glossary(), text, opts);
    let bao_hu_san = m
        .glossary()
        .entries
        .iter()
        .position(|e| e.id == "bao-hu-san");
    assert!(want
        .iter()
        .any(|s| &text[s.start..s.end] == "umbrellas" && Some(s.entry) == bao_hu_san));
    assert_eq!(m.find(text, opts), want);
}

// ---------------------------------------------------------------------------------------
// -j1 against -jN.

fn run_batch(inputs: &[PathBuf], format: Format, mode: InputMode, jobs: usize) -> (Vec<u8>, u64) {
    let config = AnnotateConfig {
        inputs: inputs.to_vec(),
        format,
        destination: Destination::Stdout,
        jobs,
        match_options: MatchOptions::default(),
        input_mode: mode,
        text_field: "text".into(),
        lossy: false,
        no_mmap: false,
        globs: vec![],
        summary: None,
    };
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let cancel = AtomicBool::new(false);
    let report = batch::run(
        &config,
        matcher(),
        &mut out,
        &mut |m| {
            if let tifa::diagnostics::Message::Error(e) = m {
                errors.push(e)
            }
        },
        &cancel,
    )
    .expect("the run completes");
    assert_eq!(report.errors as usize, errors.len());
    (out, report.errors)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// One worker and several give the same bytes, in every format, for random corpora of
    /// text files (some empty or invalid, which are reported) and of JSONL files.
    #[test]
    fn one_worker_equals_several(
        docs in prop::collection::vec(
            (prop::collection::vec(any::<usize>(), 0..12), 0u8..10), 1..24),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut jsonl = String::new();
        for (i, (parts, kind)) in docs.iter().enumerate() {
            let text = text_from(parts);
            let sub = dir.path().join(format!("d{}", i % 3));
            std::fs::create_dir_all(&sub).unwrap();
            let bytes = match kind {
                0 => b"bad \xff utf-8".to_vec(),
                _ => text.clone().into_bytes(),
            };
            std::fs::write(sub.join(format!("{i:03}.txt")), bytes).unwrap();
            if *kind == 1 {
                jsonl.push_str("{\"no_text\": 1}\n");
            } else {
                jsonl.push_str(&serde_json::json!({"n": i, "text": text}).to_string());
                jsonl.push('\n');
            }
        }
        let j = dir.path().join("records.jsonl");
        std::fs::write(&j, &jsonl).unwrap();
        let texts = [dir.path().join("d0"), dir.path().join("d1"), dir.path().join("d2")];
        let texts: Vec<PathBuf> = texts.into_iter().filter(|p| p.exists()).collect();
        for &format in invariants::FORMATS {
            let one = run_batch(&texts, format, InputMode::Text, 1);
            let three = run_batch(&texts, format, InputMode::Text, 3);
            prop_assert!(one == three, "{:?} text output differs between -j1 and -j3", format);
            let one = run_batch(std::slice::from_ref(&j), format, InputMode::Jsonl, 1);
            let three = run_batch(std::slice::from_ref(&j), format, InputMode::Jsonl, 3);
            prop_assert!(one == three, "{:?} JSONL output differs between -j1 and -j3", format);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Annotation in windows, as long inputs are read.

/// The property-test glossary with gated forms and cues (English and Chinese), so windows
/// are checked on what needs context too.
fn gated_matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| {
        let mut csv = GLOSSARY.replace(
            "category,definition\n",
            "category,definition,gated,cue\n",
        );
        csv = csv
            .lines()
            .map(|l| format!("{l},,\n"))
            .collect::<String>()
            .replacen("category,definition,gated,cue,,", "category,definition,gated,cue", 1);
        csv.push_str(
            "e-shi-li,恶势力,,,è shì lì,vicious organization,,evil forces,campaign,Gangs.,evil forces,gang|扫黑\n\
             lv-se,绿色通道,,,lǜ sè tōng dào,green channel,,,policy,Fast track.,绿色通道|green channel,审批\n",
        );
        let (entries, problems) = read_csv(csv.as_bytes(), Path::new("w.csv"));
        assert!(problems.is_empty(), "{problems:?}");
        Matcher::new(Glossary { entries: entries.into() }).expect("the window glossary compiles")
    })
}

/// Pieces of window texts: the property pieces and the gated forms, cues and quotes.
fn window_pieces() -> &'static [String] {
    static P: OnceLock<Vec<String>> = OnceLock::new();
    P.get_or_init(|| {
        let mut v = pieces().to_vec();
        for f in [
            "evil forces",
            "Evil-Forces",
            "gang",
            "gangs",
            "扫黑",
            "恶势力",
            "绿色通道",
            "审批",
            "green channel",
            "“",
            "”",
            "打“伞",
            "”破",
            "la la ",
            "la la la la la la ",
            "\n\n",
            ". ",
            "。",
        ] {
            v.push(f.to_string());
        }
        // Filler to push cues and forms out of each other's context.
        v.push("lorem ipsum dolor sit amet ".repeat(12));
        v.push("这是一个普通的句子。".repeat(10));
        v
    })
}

/// Where a block of `feed` bytes of `text` from `at` ends, as a long input is read in blocks:
/// on the character boundary at or after it.
fn block_end(text: &str, at: usize, feed: usize) -> usize {
    let mut to = (at + feed).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    to
}

/// Annotates `text` in windows of `sizes`, fed `feed` bytes at a time (on character
/// boundaries): the pieces' texts and spans, with byte offsets into the whole text.
fn windowed(
    m: &Matcher,
    text: &str,
    opts: MatchOptions,
    sizes: tifa::annotate::WindowSizes,
    feed: usize,
) -> (String, Vec<tifa::Located>) {
    let mut w = tifa::annotate::Windowed::new(m, opts, sizes);
    let (mut out, mut spans) = (String::new(), Vec::new());
    let mut take = |p: tifa::annotate::Piece| {
        out.push_str(&p.text);
        spans.extend(p.annotation.spans.into_iter().map(|mut l| {
            l.span.start += p.offset;
            l.span.end += p.offset;
            l
        }));
    };
    let mut at = 0;
    while at < text.len() {
        let to = block_end(text, at, feed);
        w.push(&text[at..to]);
        at = to;
        while !w.wants_more() {
            match w.piece(false) {
                Some(p) => take(p),
                None => break,
            }
        }
    }
    while let Some(p) = w.piece(true) {
        take(p);
    }
    (out, spans)
}

/// Annotates `text` as a long input is annotated: pieces cut ahead of their search
/// (`annotate::ahead`) for `workers` and the length `expected` (`Windowed::pieces_for`), up
/// to `out` at a time, searched in reverse order (as jobs may come back), every other one
/// placed by its job, and taken in turn, or searched again in turn where a piece ahead is
/// out of step. The pieces' texts and spans, as [`windowed`] gives them, how many pieces
/// were searched again, and how many end inside a chain of overlapping matches
/// (`Piece::cut_in_chain`).
fn ahead(
    m: &Matcher,
    text: &str,
    opts: MatchOptions,
    sizes: tifa::annotate::WindowSizes,
    feed: usize,
    (out, workers, expected): (usize, usize, Option<usize>),
) -> (String, Vec<tifa::Located>, usize, usize) {
    use tifa::annotate::ahead::Turn;
    let mut w = tifa::annotate::Windowed::new(m, opts, sizes).pieces_for(workers, expected);
    let (mut back, mut spans, mut again, mut cuts) = (String::new(), Vec::new(), 0, 0);
    let mut at = 0;
    let mut push = |w: &mut tifa::annotate::Windowed<'_>| {
        let to = block_end(text, at, feed);
        w.push(&text[at..to]);
        at = to;
        at == text.len()
    };
    let mut ended = text.is_empty();
    loop {
        let mut cut = Vec::new();
        while cut.len() < out {
            if !ended && w.wants_more_ahead() {
                ended = push(&mut w);
            } else if let Some(piece) = w.cut_ahead(ended) {
                cut.push(piece);
            } else {
                break;
            }
        }
        if cut.is_empty() {
            break;
        }
        let mut found: Vec<_> = cut
            .into_iter()
            .rev()
            .enumerate()
            .map(|(k, p)| p.search(m, k % 2 == 0))
            .collect();
        found.reverse();
        for f in found {
            let piece = match w.accept(&f) {
                Turn::Taken => Some(f.into_piece()),
                Turn::Covered => None,
                Turn::Again => {
                    again += 1;
                    loop {
                        match w.piece_to(ended, &f) {
                            Some(p) => break Some(p),
                            None if !ended && w.wants_more() => ended = push(&mut w),
                            None => break None,
                        }
                    }
                }
            };
            if let Some(p) = piece {
                back.push_str(&p.text);
                cuts += usize::from(p.cut_in_chain);
                spans.extend(p.annotation.spans.into_iter().map(|mut l| {
                    l.span.start += p.offset;
                    l.span.end += p.offset;
                    l
                }));
            }
        }
    }
    (back, spans, again, cuts)
}

/// A window text made of `parts`, and window sizes `grow` per cent (region, overlap) above
/// the window glossary's minimum.
fn window_case(parts: &[usize], grow: (usize, usize)) -> (String, tifa::annotate::WindowSizes) {
    let p = window_pieces();
    let text = parts.iter().map(|&i| p[i % p.len()].as_str()).collect();
    let min = tifa::annotate::WindowSizes::minimum(gated_matcher());
    let sizes = tifa::annotate::WindowSizes {
        region: min.region + min.region * grow.0 / 100,
        overlap: min.overlap + min.overlap * grow.1 / 100,
    };
    (text, sizes)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Windows of any size at or above the minimum find exactly the whole-text spans, with
    /// the same byte and code-point offsets, lines and columns, and their pieces give back
    /// the text, read in blocks of any length: taken one after another, and cut ahead of
    /// their search, searched out of turn and taken in turn (a long input's pieces, each a
    /// job on a worker, `out` at a time); every match or leftmost-longest.
    #[test]
    fn windows_find_what_the_whole_text_search_finds(
        parts in prop::collection::vec(any::<usize>(), 500..3000),
        overlapping in any::<bool>(),
        grow in (0usize..200, 0usize..100),
        feed in 1usize..20_000,
        out in 1usize..5,
        workers in 1usize..4,
        expected in 0usize..4,
    ) {
        let (text, sizes) = window_case(&parts, grow);
        // The length known, not known (standard input), or wrongly guessed (a file that
        // grew or shrank while it was read).
        let expected = [Some(text.len()), None, Some(text.len() / 2), Some(2 * text.len())]
            [expected];
        let (m, opts) = (gated_matcher(), MatchOptions { overlapping });
        let whole = tifa::annotate(m, &text, opts).spans;
        let (back, spans) = windowed(m, &text, opts, sizes, feed);
        prop_assert!(back == text, "the pieces give back the text");
        prop_assert_eq!(&spans, &whole, "sizes {:?}, {} bytes", sizes, text.len());
        let (back, spans, _, _) = ahead(m, &text, opts, sizes, feed, (out, workers, expected));
        prop_assert!(back == text, "the pieces cut ahead give back the text");
        prop_assert_eq!(spans, whole, "cut ahead: sizes {:?}, {} bytes", sizes, text.len());
    }

    /// A text searched in windows on several threads (`annotate::windows`, what `-j` and
    /// the Python package's `n_jobs` do with a long text) has exactly the whole-text spans,
    /// on any number of threads and windows of any size at or above the minimum.
    #[test]
    fn windows_on_threads_find_what_the_whole_text_search_finds(
        parts in prop::collection::vec(any::<usize>(), 500..3000),
        overlapping in any::<bool>(),
        grow in 0usize..200,
        threads in 1usize..4,
    ) {
        let (text, sizes) = window_case(&parts, (grow, 0));
        let (m, opts) = (gated_matcher(), MatchOptions { overlapping });
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        let spans = pool.install(|| tifa::annotate::windows::find(m, &text, opts, sizes));
        prop_assert_eq!(
            spans,
            m.find(&text, opts),
            "sizes {:?}, {} threads, {} bytes",
            sizes,
            threads,
            text.len()
        );
    }
}

/// A chain of self-overlapping matches longer than the overlap (`la la la …`): a window
/// that starts inside it would pair the words the other way; the check against the
/// previous window puts it back in step.
#[test]
fn windows_keep_in_step_through_a_chain_of_overlapping_matches() {
    let m = gated_matcher();
    let min = tifa::annotate::WindowSizes::minimum(m);
    for text in [
        "la ".repeat(40_000),
        format!("x {}", "la ".repeat(40_000)),
        "啦".repeat(30_001),
    ] {
        let whole = tifa::annotate(m, &text, MatchOptions::default()).spans;
        assert!(whole.len() > 10_000);
        let mut searched_again = 0;
        // Every alignment of the windows' starts against the chain.
        for shift in 0..6 {
            let sizes = tifa::annotate::WindowSizes {
                region: min.region + shift,
                overlap: min.overlap + 7 * shift,
            };
            let (back, spans) = windowed(m, &text, MatchOptions::default(), sizes, 7_777);
            assert_eq!(back, text);
            assert_eq!(spans, whole, "{sizes:?}");
            // Pieces cut ahead inside the chain are out of step, and searched again in turn.
            let (back, spans, again, _) = ahead(
                m,
                &text,
                MatchOptions::default(),
                sizes,
                7_777,
                (3, 2, Some(text.len())),
            );
            assert_eq!(back, text);
            assert!(spans == whole, "{sizes:?}, cut ahead");
            searched_again += again;
            // The windows searched at once on two threads, every match or leftmost-longest.
            for overlapping in [false, true] {
                let opts = MatchOptions { overlapping };
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(2)
                    .build()
                    .unwrap();
                let spans = pool.install(|| tifa::annotate::windows::find(m, &text, opts, sizes));
                assert!(spans == m.find(&text, opts), "{sizes:?}, {opts:?}");
            }
        }
        assert!(searched_again > 0, "no piece cut ahead was searched again");
    }
}

/// Every match of a chain of self-overlapping matches: a piece holds its spans, so the chain
/// stretches it past the text searched for it, which is then searched on (a span was lost at
/// each cut when it was not); a chain longer than a piece may grow is cut, and each piece
/// that ends in it says so.
#[test]
fn windows_find_every_match_of_a_chain_of_overlapping_matches() {
    use tifa::annotate::{WindowSizes, Windowed, MAX_PIECE_REGIONS};
    let m = gated_matcher();
    let min = WindowSizes::minimum(m);
    let every = MatchOptions { overlapping: true };
    for text in ["la ".repeat(40_000), "啦".repeat(30_001)] {
        let whole = tifa::annotate(m, &text, every).spans;
        assert!(whole.len() > 10_000);
        for (region, shift) in [
            (min.region, 0),
            (min.region + 5, 3),
            (50_000, 0),
            (61_111, 7),
        ] {
            let sizes = WindowSizes {
                region,
                overlap: min.overlap + shift,
            };
            let mut w = Windowed::new(m, every, sizes);
            let (mut back, mut spans, mut cuts) = (String::new(), Vec::new(), 0);
            let mut at = 0;
            loop {
                while at < text.len() && w.wants_more() {
                    let to = block_end(&text, at, 7_777);
                    w.push(&text[at..to]);
                    at = to;
                }
                let Some(p) = w.piece(at == text.len()) else {
                    if at < text.len() {
                        continue;
                    }
                    break;
                };
                back.push_str(&p.text);
                cuts += usize::from(p.cut_in_chain);
                spans.extend(p.annotation.spans.into_iter().map(|mut l| {
                    l.span.start += p.offset;
                    l.span.end += p.offset;
                    l
                }));
            }
            // Cut ahead, the pieces in the chain are searched again in turn, as above.
            let (back_ahead, spans_ahead, _, cuts_ahead) =
                ahead(m, &text, every, sizes, 7_777, (3, 2, Some(text.len())));
            for (back, spans, cuts) in [(back, spans, cuts), (back_ahead, spans_ahead, cuts_ahead)]
            {
                assert!(
                    back == text,
                    "{sizes:?}: {} of {} bytes given back",
                    back.len(),
                    text.len()
                );
                if text.len() <= MAX_PIECE_REGIONS * region {
                    assert_eq!(cuts, 0, "{sizes:?}");
                    assert!(spans == whole, "{sizes:?}");
                } else {
                    // At most the match crossing each cut is missing, and nothing else differs.
                    assert!(cuts > 0, "{sizes:?}");
                    assert!(whole.len() - spans.len() <= cuts, "{sizes:?}");
                    assert!(spans.iter().all(|s| whole.contains(s)), "{sizes:?}");
                }
            }
        }
    }
}

/// A gated form licensed by a cue on the other side of a cut is found, once; one whose cue
/// is just too far is not.
#[test]
fn windows_see_a_cue_across_a_cut() {
    let m = gated_matcher();
    let min = tifa::annotate::WindowSizes::minimum(m);
    // Without a line break, the first cut falls at `region` exactly.
    for (first, second) in [("gang ", "evil forces "), ("evil forces ", "gang ")] {
        for before in [2, 100, 598, 1_000] {
            for after in [0, 100, 590, 700] {
                let text = format!(
                    "{}{first}{}{second}{}",
                    "x ".repeat((min.region - before) / 2),
                    "x ".repeat(before / 2 + after / 2),
                    "x ".repeat(min.region)
                );
                let whole = tifa::annotate(m, &text, MatchOptions::default()).spans;
                let (_, spans) = windowed(m, &text, MatchOptions::default(), min, 4_096);
                assert_eq!(spans, whole, "{first}{before} {second}{after}");
            }
        }
    }
}

/// The matcher and the reference agree where the rules for asides, years, glued quotes and
/// shared heads apply, and find what those rules promise.
#[test]
fn reference_agrees_on_asides_years_glued_quotes_and_shared_heads() {
    let m = matcher();
    let cases: &[(&str, &[&str])] = &[
        (
            "protective (CPC) umbrellas",
            &["protective (CPC) umbrellas"],
        ),
        (
            "protective （x y） umbrellas",
            &["protective （x y） umbrellas"],
        ),
        ("\"protective\" (a b), umbrellas", &["umbrellas"]),
        ("protective (a b c d e f g) umbrellas", &["umbrellas"]),
        ("protective (a (b) c) umbrellas", &["umbrellas"]),
        ("protective umbrellas (CPC)", &["protective umbrellas"]),
        ("protective 2022 umbrellas", &["protective 2022 umbrellas"]),
        ("protective 1850 umbrellas", &["umbrellas"]),
        ("the'protective umbrellas", &["protective umbrellas"]),
        ("fred'umbrella", &["umbrella"]),
        ("fred.umbrella", &["umbrella"]),
        ("protective.umbrellas", &["umbrellas"]),
        ("protective umbrellas.fred", &["protective umbrellas"]),
        ("protective umbrellas.fred.cn", &[]),
        ("protective umbrellas.com", &[]),
        ("protective umbrellas'fred", &[]),
        ("don't", &[]),
        ("crime and gang boss", &["crime", "gang boss"]),
        ("crime, gang boss", &["crime", "gang boss"]),
        ("hard and nail cases", &["hard", "nail cases"]),
        ("crime and gang", &[]),
        ("crime and big boss", &[]),
        ("crime (x) and gang 2022 boss", &["crime", "gang 2022 boss"]),
        (
            "relationship (x) networks (y) of connections",
            &["relationship (x) networks"],
        ),
    ];
    for &(text, want) in cases {
        for overlapping in [false, true] {
            let opts = MatchOptions { overlapping };
            let got = m.find(text, opts);
            assert_eq!(got, reference_find(m.glossary(), text, opts), "{text:?}");
        }
        let got: Vec<&str> = m
            .find(text, MatchOptions::default())
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(got, want, "{text:?}");
    }
}
