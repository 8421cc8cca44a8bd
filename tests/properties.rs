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
        Matcher::new(Glossary { entries }).expect("the test glossary compiles")
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

/// One pattern of the reference: a folded form, its entry and kind, and whether it needs a
/// word boundary at each end.
struct RefPattern {
    key: String,
    entry: usize,
    form: FormKind,
    bounded_start: bool,
    bounded_end: bool,
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk(c)
}

/// Regular English singular and plural of a lower-case ASCII word of three letters or
/// more (DESIGN.md rule 3), written out plainly.
fn number_forms(w: &str) -> Vec<String> {
    if w.len() < 3 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return vec![];
    }
    let singular = if w.len() > 4 && w.ends_with("ies") {
        Some(format!("{}y", &w[..w.len() - 3]))
    } else if ["sses", "xes", "zes", "ches", "shes"]
        .iter()
        .any(|s| w.ends_with(s))
    {
        Some(w[..w.len() - 2].to_string())
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        Some(w[..w.len() - 1].to_string())
    } else {
        None
    };
    let base = singular.clone().unwrap_or_else(|| w.to_string());
    let vowel_before_y = base.len() >= 2 && b"aeiou".contains(&base.as_bytes()[base.len() - 2]);
    let plural = if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|s| base.ends_with(s))
    {
        format!("{base}es")
    } else if base.ends_with('y') && !vowel_before_y {
        format!("{}ies", &base[..base.len() - 1])
    } else {
        format!("{base}s")
    };
    singular.into_iter().chain([plural]).collect()
}

/// Patterns in priority order: every explicit form (first claim of a folded key wins),
/// then the number variants of English forms (on the last word, and on the word before
/// `of`), which never displace an explicit form.
fn reference_patterns(g: &Glossary) -> Vec<RefPattern> {
    let mut pats: Vec<RefPattern> = Vec::new();
    let mut english = Vec::new();
    for (ei, e) in g.entries.iter().enumerate() {
        for (kind, f) in e.all_forms() {
            let key = fold_form(f);
            let p = RefPattern {
                bounded_start: key.chars().next().is_some_and(word_char),
                bounded_end: key.chars().next_back().is_some_and(word_char),
                key: key.clone(),
                entry: ei,
                form: kind,
            };
            if !kind.is_chinese() {
                english.push((key.clone(), ei, kind, p.bounded_start, p.bounded_end));
            }
            if !pats.iter().any(|q| q.key == key) {
                pats.push(p);
            }
        }
    }
    for (key, entry, form, bs, be) in english {
        let words: Vec<&str> = key.split(' ').collect();
        let mut heads = vec![words.len() - 1];
        if let Some(i) = words.iter().position(|w| *w == "of").filter(|&i| i > 0) {
            heads.push(i - 1);
        }
        for h in heads {
            for v in number_forms(words[h]) {
                let mut ws = words.clone();
                ws[h] = &v;
                let variant = ws.join(" ");
                if !pats.iter().any(|q| q.key == variant) {
                    pats.push(RefPattern {
                        key: variant,
                        entry,
                        form,
                        bounded_start: bs,
                        bounded_end: be,
                    });
                }
            }
        }
    }
    pats
}

/// Folds the text, finds every occurrence of every pattern by brute force at every
/// character position (not `str::match_indices`, which skips overlapping occurrences of
/// one pattern: in `xla la la`, `la la` at 1 is rejected by the boundary rule, and the one
/// at 4 must still be seen), keeps those on word boundaries, then picks leftmost-longest
/// non-overlapping spans (or all, with `overlapping`).
fn reference_find(g: &Glossary, text: &str, opts: MatchOptions) -> Vec<Span> {
    let pats = reference_patterns(g);
    let norm = normalize(text);
    let folded = norm.text.as_str();
    let mut cands: Vec<(usize, usize, usize)> = Vec::new(); // (start, end, pattern)
    for (pi, p) in pats.iter().enumerate() {
        for (i, _) in folded.char_indices() {
            if !folded[i..].starts_with(&p.key) {
                continue;
            }
            let end = i + p.key.len();
            let before = folded[..i].chars().next_back();
            let after = folded[end..].chars().next();
            if p.bounded_start && before.is_some_and(word_char) {
                continue;
            }
            if p.bounded_end && after.is_some_and(word_char) {
                continue;
            }
            cands.push((i, end, pi));
        }
    }
    cands.sort_by_key(|&(s, e, p)| (s, Reverse(e), p));
    let mut out = Vec::new();
    let mut last_end = 0;
    for (s, e, pi) in cands {
        if !opts.overlapping && s < last_end {
            continue;
        }
        let p = &pats[pi];
        let r = norm.original_range(s..e);
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
        last_end = e;
    }
    if opts.overlapping {
        out.sort_by_key(|x| (x.start, Reverse(x.end), x.entry));
        out.dedup_by_key(|x| (x.start, x.end, x.entry));
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
