//! The project's Chinese documents (`corpus/zh/`, `corpus/zh-hant/`): every glossary term
//! written into them is found, in the simplified text, in its traditional version, and in
//! line-wrapped versions made here (hard line breaks inside terms, as PDF extraction leaves).

use std::path::PathBuf;
use std::process::Command;

use serde::Deserialize;
use tifa::glossary::Glossary;
use tifa::text::fold_form;

/// The manifest: the terms each document was written with, by entry id, in order of first
/// use. (The matcher may find more — 上访 inside 网上访谈 is one such false friend — but
/// never fewer.)
const MANIFEST: &[(&str, &[&str])] = &[
    (
        "01-changtaihua-saohei.txt",
        &[
            "zui-gao-ren-min-jian-cha-yuan",
            "chang-tai-hua-sao-hei-chu-e",
            "zhong-guo-xin-wen-she",
            "jian-cha-ji-guan",
            "san-ge-zi-jue",
            "chang-tai-hua",
            "pi-zhun-dai-bu",
            "she-hei-she-e",
            "ti-qi-gong-su",
            "gao-wei-tui-dong",
            "sao-hei-chu-e-zhuan-xiang-dou-zheng",
            "bu-fang-guo-bu-cou-shu",
            "tong-yi-ba-guan-ding-xing",
            "hei-she-hui-xing-zhi-zu-zhi",
            "e-shi-li-fan-zui-ji-tuan",
            "shen-wa-che-cha",
            "hei-e-shi-li",
            "bao-hu-san",
            "yi-an-san-cha",
            "da-san-po-wang",
            "da-cai-duan-xue",
            "hei-cai-qing-di",
            "si-hui-fu-ran",
            "ding-zi-an",
            "gu-tou-an",
            "gua-pai-du-ban",
            "guan-xi-wang",
            "yuan-tou-zhi-li",
            "si-da-hang-ye",
            "jian-cha-jian-yi",
            "hang-ye-qing-yuan",
            "hang-ye-luan-xiang",
            "fan-you-zu-zhi-fan-zui-fa",
            "da-zao-da-xiao",
            "hou-ban-pian-wen-zhang",
            "ping-an-zhong-guo",
        ],
    ),
    (
        "02-jiaoyu-zhengdun.txt",
        &[
            "zheng-fa-dui-wu-jiao-yu-zheng-dun",
            "xin-hua-she",
            "zhong-yang-zheng-fa-wei",
            "zheng-fa-ji-guan",
            "dao-ren-xiang-nei",
            "gua-gu-liao-du",
            "zhuang-shi-duan-wan",
            "hai-qun-zhi-ma",
            "quan-mian-cong-yan-zhi-dang",
            "yan-zhong-wei-ji-wei-fa",
            "zheng-fa-gan-jing",
            "dang-ji-chu-fen",
            "kai-chu-dang-ji",
            "zhu-dong-tou-an",
            "zheng-fa-xi-tong",
            "zhu-ti-ze-ren",
            "yi-gang-shuang-ze",
            "ceng-ceng-ya-shi-ze-ren",
            "ba-xiang-gui-ding",
            "si-feng",
            "xing-shi-zhu-yi",
            "guan-liao-zhu-yi",
            "chang-tai-hua-sao-hei-chu-e",
            "she-hei-fu-bai",
            "bao-hu-san",
            "chang-xiao-ji-zhi",
            "ren-min-fa-yuan",
            "ren-min-jian-cha-yuan",
            "zhong-yang-ji-wei-guo-jia-jian-wei",
            "zi-wo-ge-ming",
            "zheng-fa-dui-wu",
            "si-ge-yi-shi",
            "si-ge-zi-xin",
            "liang-ge-wei-hu",
            "liang-ge-que-li",
        ],
    ),
    (
        "03-sifa-jiuzhu.txt",
        &[
            "jian-cha-ji-guan",
            "sao-hei-chu-e",
            "hou-ban-pian-wen-zhang",
            "jian-cha-ri-bao",
            "chang-tai-hua-sao-hei-chu-e",
            "si-fa-jiu-zhu",
            "ping-an-zhong-guo",
            "she-hei-she-e",
            "lv-se-tong-dao",
            "tao-lu-dai",
            "xiao-yuan-dai",
            "bao-li-cui-shou",
            "kuan-yan-xiang-ji",
            "ren-zui-ren-fa-cong-kuan",
            "shao-bu-shen-su-shen-ya",
            "ruan-bao-li",
            "cun-ba",
            "zong-zu-e-shi-li",
            "shi-ba",
            "li-an-jian-du",
            "zhen-cha-jian-du",
            "ti-qi-gong-su",
            "jian-cha-jian-yi",
            "yuan-tou-zhi-li",
            "su-yuan-zhi-li",
            "feng-qiao-jing-yan",
            "ren-min-tiao-jie",
            "jian-cha-ting-zheng",
            "qun-zhong-lai-xin",
            "liu-qing",
            "xian-suo-qing-cang",
            "tao-fan-qing-ling",
            "an-jian-qing-jie",
            "san-wang-qing-chu",
            "hei-cai-qing-di",
        ],
    ),
];

#[derive(Debug, Deserialize)]
struct Doc {
    text: String,
    spans: Vec<Span>,
}

#[derive(Debug, Deserialize)]
struct Span {
    start: usize,
    end: usize,
    text: String,
    kb_id: String,
    form: String,
}

fn annotate(text: &str) -> Doc {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.txt");
    std::fs::write(&path, text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_tifa"))
        .args(["annotate", "-f", "jsonl", "-q"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn corpus(variant: &str, name: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(variant)
        .join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Hard-wraps every `width` characters of each paragraph with `brk`, as a PDF extractor does.
fn wrap(text: &str, width: usize, brk: &str) -> String {
    let mut out = String::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for (j, c) in line.chars().enumerate() {
            if j > 0 && j % width == 0 {
                out.push_str(brk);
            }
            out.push(c);
        }
    }
    out
}

fn ids(doc: &Doc) -> Vec<&str> {
    doc.spans.iter().map(|s| s.kb_id.as_str()).collect()
}

#[test]
fn every_term_is_found_in_simplified_traditional_and_wrapped_text() {
    let glossary = Glossary::builtin();
    for (name, manifest) in MANIFEST {
        let simplified = corpus("zh", name);
        let s = annotate(&simplified);
        let found = ids(&s);
        for id in *manifest {
            assert!(glossary.get(id).is_some(), "{name}: {id} is no glossary id");
            assert!(
                found.contains(id),
                "{name}: {id} not found in the simplified text"
            );
        }
        // Spans are exactly the text between their offsets.
        for sp in &s.spans {
            let t: String = s
                .text
                .chars()
                .skip(sp.start)
                .take(sp.end - sp.start)
                .collect();
            assert_eq!(t, sp.text);
        }

        // Traditional: the same terms, in the same order, found through traditional forms.
        let traditional = corpus("zh-hant", name);
        assert_ne!(traditional, simplified);
        let t = annotate(&traditional);
        assert_eq!(ids(&t), found, "{name}: traditional");
        let hant = t.spans.iter().filter(|s| s.form == "zh_hant").count();
        assert!(
            hant * 2 > t.spans.len(),
            "{name}: most spans are traditional forms"
        );
        // And at the same places: the two versions are character for character aligned.
        let pos = |d: &Doc| d.spans.iter().map(|s| (s.start, s.end)).collect::<Vec<_>>();
        assert_eq!(pos(&t), pos(&s), "{name}");

        // Wrapped, simplified and traditional, with LF and with CRLF plus indentation.
        for (text, label) in [(&simplified, "simplified"), (&traditional, "traditional")] {
            for (width, brk) in [(11, "\n"), (7, "\r\n  ")] {
                let wrapped = wrap(text, width, brk);
                let w = annotate(&wrapped);
                assert_eq!(ids(&w), found, "{name}: {label} wrapped at {width}");
                let broken = w.spans.iter().filter(|s| s.text.contains('\n')).count();
                assert!(
                    broken >= 5,
                    "{name}: only {broken} terms were split by a line break"
                );
                for sp in &w.spans {
                    let t: String = w
                        .text
                        .chars()
                        .skip(sp.start)
                        .take(sp.end - sp.start)
                        .collect();
                    assert_eq!(t, sp.text);
                    assert!(!sp.text.starts_with(char::is_whitespace));
                    assert!(!sp.text.ends_with(char::is_whitespace));
                }
            }
        }
    }
}

/// Rule 5: the traditional → simplified folding covers every character of every glossary
/// form that has a traditional form of the same length: it folds to the headword, or to
/// another simplified form of the entry it spells (舊帳 to 旧帐, beside 旧账).
#[test]
fn every_traditional_form_folds_to_its_simplified_form() {
    let glossary = Glossary::builtin();
    let mut checked = 0;
    for e in &glossary.entries {
        for h in &e.zh_hant {
            if h.chars().count() != e.zh.chars().count() {
                continue; // a different wording, not a character-for-character spelling
            }
            // 著 is an everyday simplified character (著作) too, which folding keeps: a
            // traditional form with it (摸著石頭過河) is a form of its own.
            if h.contains('著') {
                continue;
            }
            let folded = fold_form(h);
            let simplified: Vec<String> = std::iter::once(&e.zh)
                .chain(&e.zh_alt)
                .map(|z| fold_form(z))
                .collect();
            assert!(
                simplified.contains(&folded),
                "{}: {h} folds to {folded}, none of {simplified:?}",
                e.id
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} traditional forms");
}
