//! Table-driven matching tests: one line per case (glossary forms, text, expected spans),
//! in the manner of aho-corasick's `src/tests.rs`.

use std::path::Path;

use tifa::glossary::{read_csv, Glossary};
use tifa::matcher::{MatchOptions, Matcher};

const GLOSSARY: &str = "\
id,zh,zh_alt,pinyin,en,en_alt,literal,category,definition
bao-hu-san,保护伞,,bǎo hù sǎn,protectors,,protective umbrellas|umbrella of protection,campaign,Officials who shield gangs.
guan-xi-wang,关系网,,guān xì wǎng,networks of connections,,relationship networks,campaign,Webs of connections.
ping-an-zhong-guo,平安中国,,píng ān zhōng guó,Peaceful China,,Safe China,policy,A programme.
ding-zi-an,钉子案,,dīng zi àn,hard cases,,nail case,campaign,Stubborn cases.
gu-tou-an,骨头案,,gǔ tou àn,tough cases,,bone case,campaign,Hard cases.
yuan-tou-zhi-li,源头治理,,yuán tóu zhì lǐ,addressing root causes,,source governance,campaign,Tackling causes.
zui-gao,最高人民检察院,,zuì gāo rén mín jiǎn chá yuàn,Supreme People's Procuratorate,,,institution,The top procuratorate.
bu-fang-guo,不放过、不凑数,不放过不凑数,bù fàng guò bù còu shù,no real case let go,,,campaign,Let none escape.
sao-hei,扫黑除恶,,sǎo hēi chú è,anti-gang campaign,,,campaign,The campaign.
sao-hei-zx,扫黑除恶专项斗争,,sǎo hēi chú è zhuān xiàng dòu zhēng,special campaign,,,campaign,The special campaign.
ab,甲,,jiǎ,ab,,,policy,Test entry ab.
ab-c,乙,,yǐ,ab c,,,policy,Test entry ab c.
nail,丙,,bǐng,toenail,,,policy,Test entry.
";

fn matcher() -> Matcher {
    let (entries, problems) = read_csv(GLOSSARY.as_bytes(), Path::new("test.csv"));
    assert!(problems.is_empty(), "{problems:?}");
    Matcher::new(Glossary {
        entries: entries.into(),
    })
    .expect("test glossary compiles")
}

/// (text, expected [(matched text, kb_id, form)])
type Case = (
    &'static str,
    &'static [(&'static str, &'static str, &'static str)],
);

const CASES: &[Case] = &[
    (
        "SAFE CHINA",
        &[("SAFE CHINA", "ping-an-zhong-guo", "literal")],
    ),
    // A possessive cut off from its word by a space, as machine translation writes it: the
    // word and the term go on past it, and a term ending there ends before it.
    (
        "the Supreme People ’s Procuratorate said",
        &[("Supreme People ’s Procuratorate", "zui-gao", "en")],
    ),
    (
        "the Supreme People' s Procuratorate said",
        &[("Supreme People' s Procuratorate", "zui-gao", "en")],
    ),
    (
        "in Safe China ‘s streets; the word 's' alone",
        &[("Safe China", "ping-an-zhong-guo", "literal")],
    ),
    (
        "building a Safe China.",
        &[("Safe China", "ping-an-zhong-guo", "literal")],
    ),
    (
        "protective\numbrellas",
        &[("protective\numbrellas", "bao-hu-san", "literal")],
    ),
    (
        "protective\r\n  umbrella here",
        &[("protective\r\n  umbrella", "bao-hu-san", "literal")],
    ),
    (
        "the source-governance rule",
        &[("source-governance", "yuan-tou-zhi-li", "literal")],
    ),
    (
        "relationship-networks",
        &[("relationship-networks", "guan-xi-wang", "literal")],
    ),
    (
        "relationship—networks",
        &[("relationship—networks", "guan-xi-wang", "literal")],
    ),
    (
        "Supreme People’s Procuratorate",
        &[("Supreme People’s Procuratorate", "zui-gao", "en")],
    ),
    (
        "Supreme People's Procuratorate",
        &[("Supreme People's Procuratorate", "zui-gao", "en")],
    ),
    (
        "ＳＡＦＥ ＣＨＩＮＡ",
        &[("ＳＡＦＥ ＣＨＩＮＡ", "ping-an-zhong-guo", "literal")],
    ),
    (
        "the nail cases and bone cases",
        &[
            ("nail cases", "ding-zi-an", "literal"),
            ("bone cases", "gu-tou-an", "literal"),
        ],
    ),
    ("\"nail case\"", &[("nail case", "ding-zi-an", "literal")]),
    ("toenail cases", &[("toenail", "nail", "en")]),
    ("backbone cases", &[]),
    ("unsafe Chinaware", &[]),
    ("safe Chinaware", &[]),
    (
        "umbrellas of protection",
        &[("umbrellas of protection", "bao-hu-san", "literal")],
    ),
    // A rejected in-word candidate ("ab c" inside "ab cd") must not hide "ab".
    ("ab cd", &[("ab", "ab", "en")]),
    ("ab c", &[("ab c", "ab-c", "en")]),
    ("xab c", &[]),
    ("保护伞", &[("保护伞", "bao-hu-san", "zh")]),
    ("保護傘", &[("保護傘", "bao-hu-san", "zh_hant")]),
    ("保护\n伞", &[("保护\n伞", "bao-hu-san", "zh")]),
    (
        "打掉保护 \r\n 伞。",
        &[("保护 \r\n 伞", "bao-hu-san", "zh")],
    ),
    (
        "坚持不放过，不凑数",
        &[("不放过，不凑数", "bu-fang-guo", "zh")],
    ),
    ("坚持不放过不凑数", &[("不放过不凑数", "bu-fang-guo", "zh")]),
    (
        "坚持不放过、不凑数",
        &[("不放过、不凑数", "bu-fang-guo", "zh")],
    ),
    (
        "开展扫黑除恶专项斗争",
        &[("扫黑除恶专项斗争", "sao-hei-zx", "zh")],
    ),
    (
        "在protective umbrellas中",
        &[("protective umbrellas", "bao-hu-san", "literal")],
    ),
    (
        "😀𝔘 protective umbrellas",
        &[("protective umbrellas", "bao-hu-san", "literal")],
    ),
    (
        "Line one\r\nSafe\r\nChina\r\n",
        &[("Safe\r\nChina", "ping-an-zhong-guo", "literal")],
    ),
    // Whitespace before a run of Han characters is emitted before the run's map segment
    // (regression: the run's segment started one byte early, widening spans to the run).
    (
        "说。\n\n坚决打掉保护伞和关系网",
        &[
            ("保护伞", "bao-hu-san", "zh"),
            ("关系网", "guan-xi-wang", "zh"),
        ],
    ),
    ("a 保护伞", &[("保护伞", "bao-hu-san", "zh")]),
    ("", &[]),
];

#[test]
fn cases() {
    let m = matcher();
    for (text, want) in CASES {
        let spans = m.find(text, MatchOptions::default());
        let got: Vec<(&str, &str, &str)> = spans
            .iter()
            .map(|s| {
                (
                    &text[s.start..s.end],
                    m.entry(s).id.as_str(),
                    s.form.as_str(),
                )
            })
            .collect();
        assert_eq!(&got, want, "text {text:?}");
    }
}

#[test]
fn overlapping_reports_nested_terms() {
    let m = matcher();
    let text = "开展扫黑除恶专项斗争";
    let all = m.find(text, MatchOptions { overlapping: true });
    let got: Vec<(&str, &str)> = all
        .iter()
        .map(|s| (&text[s.start..s.end], m.entry(s).id.as_str()))
        .collect();
    assert_eq!(
        got,
        [("扫黑除恶专项斗争", "sao-hei-zx"), ("扫黑除恶", "sao-hei")]
    );
    let text = "ab c";
    let all = m.find(text, MatchOptions { overlapping: true });
    let got: Vec<&str> = all.iter().map(|s| m.entry(s).id.as_str()).collect();
    assert_eq!(got, ["ab-c", "ab"]);
}

#[test]
fn same_form_in_two_entries_is_an_error() {
    let csv = "id,zh,pinyin,en,category,definition\n\
               a,保护伞,bǎo hù sǎn,protective umbrella,campaign,One.\n\
               b,关系网,guān xì wǎng,Protective-Umbrella,campaign,Two.\n";
    let (entries, problems) = read_csv(csv.as_bytes(), Path::new("g.csv"));
    assert!(problems.is_empty());
    let err = Matcher::new(Glossary {
        entries: entries.into(),
    })
    .unwrap_err();
    let msgs: Vec<String> = err.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        msgs,
        ["g.csv:3:4: error: en form \"Protective-Umbrella\" of \"b\" is already a form of \"a\" (g.csv:2), as \"protective umbrella\" (forms compare after inflection, spelling and articles)"]
    );
}

#[test]
fn form_empty_after_normalization_is_an_error() {
    let csv = "id,zh,pinyin,en,category,definition\na,保护伞,bǎo hù sǎn, - ,campaign,One.\n";
    let (entries, _) = read_csv(csv.as_bytes(), Path::new("g.csv"));
    let err = Matcher::new(Glossary {
        entries: entries.into(),
    })
    .unwrap_err();
    assert_eq!(err.problems.len(), 1);
    assert_eq!(err.problems[0].line, 2);
    assert_eq!(err.problems[0].column, 4);
    assert!(err.problems[0]
        .message
        .contains("empty after normalization"));
}

/// The matcher of a glossary given as CSV text (named `g.csv` in messages), which must load
/// without a problem.
fn matcher_from(csv: &str) -> Matcher {
    let (entries, problems) = read_csv(csv.as_bytes(), Path::new("g.csv"));
    assert!(problems.is_empty(), "{problems:?}");
    Matcher::new(Glossary {
        entries: entries.into(),
    })
    .unwrap()
}

/// The text of each span the matcher finds, leftmost-longest.
fn spans_text(m: &Matcher, text: &str) -> Vec<String> {
    m.find(text, MatchOptions::default())
        .iter()
        .map(|s| text[s.start..s.end].to_string())
        .collect()
}

/// Each span the matcher finds, leftmost-longest: its entry's id and its text.
fn entry_spans(m: &Matcher, text: &str) -> Vec<(String, String)> {
    m.find(text, MatchOptions::default())
        .iter()
        .map(|s| {
            let id = m.glossary().entries[s.entry].id.clone();
            (id, text[s.start..s.end].to_string())
        })
        .collect()
}

/// Text taken from a PDF or a printed page breaks words at line ends with a hyphen: a term
/// is found across the break when the rejoined word is one of the glossary's words, and the
/// span covers the hyphen and the line break.
#[test]
fn a_word_split_at_a_line_end_is_rejoined() {
    let m = matcher_from(
        "id,zh,pinyin,en,en_alt,category,definition\n\
         zyjw,中央纪委,zhōng yāng jì wěi,Central Commission for Discipline Inspection,,institution,The discipline body.\n\
         bxgd,八项规定,bā xiàng guī dìng,eight-point rules,,policy,Frugality rules.\n",
    );
    let text = "The Central Commission for Discipline In-\r\nspection said; the eight-\npoint rules; the Central Commission for Dis-\n  cipline Inspection.";
    assert_eq!(
        spans_text(&m, text),
        [
            "Central Commission for Discipline In-\r\nspection",
            "eight-\npoint rules",
            "Central Commission for Dis-\n  cipline Inspection",
        ]
    );
}

/// Taiwan's words for a mainland slogan's words (網路強國 for 网络强国, 高品質發展 for
/// 高质量发展) find it; a form that holds the regional word itself keeps its own sense
/// (政治品质 is "political character", not 质量).
#[test]
fn taiwan_wordings_of_a_chinese_form_are_found() {
    let m = matcher_from(
        "id,zh,pinyin,en,en_alt,category,definition\n\
         wang-luo,网络强国,wǎng luò qiáng guó,cyber power,,policy,Test entry.\n\
         gao-zhi-liang,高质量发展,gāo zhì liàng fā zhǎn,high-quality development,,policy,Test entry.\n\
         pin-zhi,政治品质,zhèng zhì pǐn zhì,political character,,discipline,Test entry.\n",
    );
    assert_eq!(
        spans_text(
            &m,
            "建設網路強國，推動高品質發展；建设网络强国；其政治品質極差"
        ),
        ["網路強國", "高品質發展", "网络强国", "政治品質"]
    );
}

/// An ordinal whose suffix a space cut off (`14 th`, from a page that raised the suffix) is
/// the ordinal; a number alone is not.
#[test]
fn an_ordinal_with_its_suffix_cut_off_is_the_ordinal() {
    let m = matcher_from(
        "id,zh,pinyin,en,en_alt,category,definition\n\
         shi-si-wu,十四五,shí sì wǔ,14th Five-Year Plan,,policy,The plan.\n\
         shi-ba-da,十八大,shí bā dà,18th National Congress of the CPC,,institution,The congress.\n",
    );
    assert_eq!(
        spans_text(
            &m,
            "the 14 th Five-Year Plan; the 18 th National Congress of the CPC; the 14 Five-Year Plan; a 2 14th Five-Year Plan"
        ),
        [
            "14 th Five-Year Plan",
            "18 th National Congress of the CPC",
            "14th Five-Year Plan"
        ]
    );
}

/// A plural noun in a form finds its singular in text, also where the spelling allows two
/// singulars (`cases` of `case` or of `cas`; `boxes` of `box` or of `boxe`).
#[test]
fn a_plural_in_a_form_finds_the_singular() {
    let m = matcher_from(
        "id,zh,pinyin,en,en_alt,category,definition\n\
         she-an,涉案企业合规,shè àn qǐ yè hé guī,compliance of enterprises involved in cases,,procedure,Compliance reform.\n\
         yuan-an,冤假错案,yuān jiǎ cuò àn,false and wrong cases,,procedure,Miscarriages of justice.\n\
         xiang-zi,箱子,xiāng zi,sealed ballot boxes,,policy,Test entry.\n",
    );
    let text = "the compliance of enterprises involved in the case; one false and wrong case; \
                a sealed ballot box; compliance of enterprise involved in cases";
    assert_eq!(
        spans_text(&m, text),
        [
            "compliance of enterprises involved in the case",
            "false and wrong case",
            "sealed ballot box",
            "compliance of enterprise involved in cases",
        ]
    );
}

mod property {
    use super::*;
    use proptest::prelude::*;

    /// Forms to embed, with the id they must be linked to.
    const FORMS: &[(&str, &str)] = &[
        ("protective umbrellas", "bao-hu-san"),
        ("relationship networks", "guan-xi-wang"),
        ("safe china", "ping-an-zhong-guo"),
        ("nail case", "ding-zi-an"),
        ("supreme people's procuratorate", "zui-gao"),
        ("保护伞", "bao-hu-san"),
        ("钉子案", "ding-zi-an"),
        ("不放过、不凑数", "bu-fang-guo"),
    ];
    /// Filler that cannot extend or create a term.
    const FILLER: &[&str] = &[
        "lorem",
        "ipsum",
        "dolor",
        "the",
        "of",
        "2021",
        "😀",
        "𝔘",
        "é",
        "—",
        ".",
        ",",
        "“",
        "”",
        "（",
        "）",
        "在",
        "中",
        "年",
        "\t",
        "Ünïcödé",
        "İ",
    ];

    /// Spells a form with random case, whitespace, line breaks and hyphens between words.
    fn vary(form: &str, seed: &[u8]) -> String {
        let mut out = String::new();
        let mut k = 0;
        let mut next = || {
            k += 1;
            seed[k % seed.len()]
        };
        for c in form.chars() {
            if c == ' ' {
                out.push_str(["\n", "  ", "-", " \r\n ", "\u{2014}", " "][next() as usize % 6]);
            } else if c == '\'' {
                out.push(['\'', '\u{2019}'][next() as usize % 2]);
            } else if next() % 2 == 0 {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn embedded_terms_are_found(
            parts in proptest::collection::vec((0..FILLER.len(), 0..FILLER.len(), proptest::option::of(0..FORMS.len())), 1..12),
            seed in proptest::collection::vec(any::<u8>(), 1..16),
        ) {
            let m = matcher();
            let mut text = String::new();
            let mut embedded = Vec::new();
            for (a, b, form) in parts {
                text.push_str(FILLER[a]);
                text.push(' ');
                if let Some(f) = form {
                    let (form, id) = FORMS[f];
                    let start = text.len();
                    text.push_str(&vary(form, &seed));
                    embedded.push((start, text.len(), id));
                    text.push(' ');
                }
                text.push_str(FILLER[b]);
                text.push(' ');
            }
            let spans = m.find(&text, MatchOptions::default());
            for (s, e, id) in &embedded {
                prop_assert!(
                    spans.iter().any(|x| x.start == *s && x.end == *e && m.entry(x).id == *id),
                    "{:?} not found in {:?}: {:?}", &text[*s..*e], text, spans
                );
            }
            let mut last_end = 0;
            for x in &spans {
                prop_assert!(text.is_char_boundary(x.start) && text.is_char_boundary(x.end));
                prop_assert!(x.start < x.end);
                prop_assert!(x.start >= last_end, "overlap in {:?}", spans);
                last_end = x.end;
            }
            // Every span's text folds to one of its entry's forms.
            for x in &spans {
                let folded = tifa::text::fold_form(&text[x.start..x.end]);
                let e = m.entry(x);
                let forms: Vec<String> = e.all_forms().map(|(_, f)| tifa::text::fold_form(f)).collect();
                prop_assert!(
                    forms.iter().any(|f| folded == *f || folded.starts_with(f.as_str()) || f.starts_with(folded.as_str())),
                    "{folded:?} is not a form of {}", e.id
                );
            }
        }
    }
}

#[test]
fn forms_without_letters_keep_the_boundary_rule() {
    let csv = "id,zh,pinyin,en,category,definition\n\
               shi-liu,十六,shí liù,16,policy,Sixteen.\n\
               bao-hu-san,保护伞,bǎo hù sǎn,protective umbrella,campaign,One.\n";
    let m = matcher_from(csv);
    let ids = |text: &str| -> Vec<(String, String)> {
        m.find(text, MatchOptions::default())
            .iter()
            .map(|s| (text[s.start..s.end].to_string(), m.entry(s).id.clone()))
            .collect()
    };
    assert_eq!(
        ids("page 16 of 160"),
        [("16".to_string(), "shi-liu".to_string())]
    );
    assert_eq!(
        ids("第16页的保护伞"),
        [
            ("16".into(), "shi-liu".into()),
            ("保护伞".into(), "bao-hu-san".into())
        ]
    );
    assert!(ids("2016").is_empty());
}

/// Names declared once and reused: `{id}` in an English form stands for each English name of
/// that entry.
#[test]
fn names_declared_once_are_reused_in_other_forms() {
    let csv = "id,zh,pinyin,en,en_alt,category,definition\n\
               cpc,中国共产党,zhōng guó gòng chǎn dǎng,Communist Party of China,CPC|Chinese Communist Party,institution,The party.\n\
               cc,中共中央,zhōng gòng zhōng yāng,{cpc} Central Committee,Central Committee of the {cpc},institution,Its committee.\n";
    // Each span's text and entry.
    fn links<'a>(m: &'a Matcher, text: &'a str) -> Vec<(&'a str, &'a str)> {
        m.find(text, MatchOptions::default())
            .iter()
            .map(|s| (&text[s.start..s.end], m.entry(s).id.as_str()))
            .collect()
    }
    let m = matcher_from(csv);
    let text = "The Central Committee of the Communist Party of China met. \
                The CPC Central Committee said the Chinese Communist Party Central Committee agreed.";
    assert_eq!(
        links(&m, text),
        [
            ("Central Committee of the Communist Party of China", "cc"),
            ("CPC Central Committee", "cc"),
            ("Chinese Communist Party Central Committee", "cc"),
        ]
    );
    // A name built on names expands too; a name that names itself is left out.
    let nested = format!(
        "{csv}pl,全会,quán huì,plenary session,plenary session of the {{cc}}|plenum of the {{pl}},institution,Its plenum.\n"
    );
    let m = matcher_from(&nested);
    let text = "The plenary session of the CPC Central Committee closed.";
    assert_eq!(
        links(&m, text),
        [("plenary session of the CPC Central Committee", "pl")]
    );
    let bad = "id,zh,pinyin,en,category,definition\nx,中共中央,zhōng gòng zhōng yāng,{nobody} Central Committee,institution,X.\n";
    let (entries, _) = read_csv(bad.as_bytes(), Path::new("g.csv"));
    let err = Matcher::new(Glossary {
        entries: entries.into(),
    })
    .unwrap_err();
    assert_eq!(
        err.problems[0].to_string(),
        "g.csv:2:4: error: form \"{nobody} Central Committee\" names {nobody}, which is no entry's id"
    );
}

/// `exclude` strings and `gated` forms with `cue`s: 公安部 is not found inside 公安部门; a
/// gated form counts only beside another form of its entry or a cue (in any inflection), and
/// never licenses itself.
#[test]
fn exclusions_and_gated_forms() {
    let csv = "id,zh,pinyin,en,en_alt,category,definition,exclude,gated,cue\n\
               gong-an-bu,公安部,gōng ān bù,Ministry of Public Security,,institution,The police ministry.,公安部门,,\n\
               si-feng,四风,sì fēng,four malfeasances,four winds,slogan,Four bad work styles.,,four winds,discipline inspection|corrupt official\n\
               dang,中国共产党,zhōng guó gòng chǎn dǎng,Communist Party of China,Party|CPC,institution,The party.,,Party,Party|CPC\n";
    let m = matcher_from(csv);
    let found = |text: &str| spans_text(&m, text);
    assert_eq!(found("公安部发布通知"), ["公安部"]);
    assert!(found("各地公安部门").is_empty());
    assert!(found("The four winds blew across the plain.").is_empty());
    assert_eq!(
        found("Discipline inspection found the four winds in the bureau."),
        ["four winds"]
    );
    assert_eq!(
        found("Corrupt officials showed the four winds."),
        ["four winds"],
        "a cue in another inflection"
    );
    assert_eq!(
        found("The four winds, that is the four malfeasances."),
        ["four winds", "four malfeasances"],
        "another form of the entry licenses it"
    );
    assert!(
        found("We had a party.").is_empty(),
        "a gated form is not its own cue"
    );
    assert_eq!(found("The CPC said the Party will lead."), ["CPC", "Party"]);
    // A cue that begins inside the context window counts though it ends past it (it was
    // cut at the window's edge and lost).
    let window = tifa::matcher::CONTEXT_WINDOW;
    let filler = |n: usize| "x ".repeat(n / 2);
    let text = format!("the four winds {}discipline inspection", filler(window - 2));
    let cue_at = text.find("discipline").unwrap();
    let term_end = text.find("winds").unwrap() + "winds".len();
    assert!(cue_at <= term_end + window && cue_at + 10 > term_end + window);
    assert_eq!(found(&text), ["four winds"]);
    let text = format!("the four winds {}discipline inspection", filler(window + 2));
    assert!(found(&text).is_empty(), "a cue beyond the window");
}

/// A cue that holds the whole gated form and more names the form's context and licenses it;
/// one that is the form itself, or overlaps it only in part, does not.
#[test]
fn a_cue_around_a_gated_form_licenses_it() {
    let csv = "id,zh,pinyin,en,en_alt,category,definition,exclude,gated,cue\n\
               shi-ba-da,十八大,shí bā dà,18th CPC National Congress,18th National Congress,institution,The congress.,,18th National Congress,since the 18th National Congress\n\
               si-feng,四风,sì fēng,four malfeasances,four winds,slogan,Four bad work styles.,,four winds,winds of change\n";
    let m = matcher_from(csv);
    let found = |text: &str| spans_text(&m, text);
    assert_eq!(
        found("Since the 18th National Congress, reform has deepened."),
        ["18th National Congress"]
    );
    assert!(found("The 18th National Congress of the union met.").is_empty());
    assert!(
        found("The four winds of change blew.").is_empty(),
        "a cue that overlaps the form in part"
    );
}

/// A head of several words shared by two conjuncts: in "the second and third plenary
/// sessions of the 20th Central Committee", `second` is the second plenary session. The
/// first conjunct alone names nothing when its own form is missing.
#[test]
fn a_shared_head_of_several_words() {
    let csv = "id,zh,pinyin,en,category,definition\n\
               p2,二十届二中全会,èr shí jiè èr zhōng quán huì,second plenary session of the 20th Central Committee,institution,A plenum.\n\
               p3,二十届三中全会,èr shí jiè sān zhōng quán huì,third plenary session of the 20th Central Committee,institution,A plenum.\n";
    let m = matcher_from(csv);
    let found = |text: &str| spans_text(&m, text);
    assert_eq!(
        found("the second and third plenary sessions of the 20th Central Committee"),
        [
            "second",
            "third plenary sessions of the 20th Central Committee"
        ]
    );
    assert_eq!(
        found("the first and third plenary sessions of the 20th Central Committee"),
        ["third plenary sessions of the 20th Central Committee"]
    );
}

/// A cue inside a string its entry excludes licenses nothing: 以上率下 is a cue of its own
/// entry, and 以上率下降 ("the rate above … fell") is excluded.
#[test]
fn a_cue_inside_an_excluded_string_is_no_cue() {
    let csv = "id,zh,pinyin,en,en_alt,category,definition,exclude,gated,cue\n\
               yl,以上率下,yǐ shàng shuài xià,lead by example from the top,lead by example,idiom,Leaders set the example.,以上率下降,lead by example,以上率下\n";
    let m = matcher_from(csv);
    let found = |text: &str| spans_text(&m, text);
    assert!(found("该市六十岁以上率下降。Leaders lead by example.").is_empty());
    assert_eq!(
        found("坚持以上率下。Leaders lead by example."),
        ["以上率下", "lead by example"]
    );
}

/// Two different gated forms of one entry license each other (two wordings of one idea name
/// it); the same gated form repeated does not.
#[test]
fn two_gated_wordings_of_an_entry_license_each_other() {
    let csv = "id,zh,pinyin,en,en_alt,category,definition,exclude,gated,cue\n\
               image,形象工程,xíng xiàng gōng chéng,image project,performance project,discipline,Showcase works.,,image project|performance project,vanity\n";
    let m = matcher_from(csv);
    let found = |text: &str| spans_text(&m, text);
    assert_eq!(
        found("It halted a performance project and an image project."),
        ["performance project", "image project"]
    );
    assert!(found("One image project, then another image project.").is_empty());
    assert!(found("The image project won a prize.").is_empty());
    assert_eq!(found("A vanity image project."), ["image project"]);
}

/// A match the rules drop gives its text back to the other forms: a gated form that took a
/// whole phrase with no cue nearby hides no form inside it, and neither does a form inside
/// one of its entry's `exclude` strings. Both were lost before.
#[test]
fn a_dropped_match_hides_no_other_form() {
    let csv = "id,zh,pinyin,en,en_alt,category,definition,exclude,gated,cue\n\
               position,执政地位,zhí zhèng dì wèi,ruling position,CPC's ruling position,policy,The standing.,,ruling position|CPC's ruling position,Central Committee\n\
               cpc,中国共产党,zhōng guó gòng chǎn dǎng,Communist Party of China,CPC,institution,The party.,,,\n\
               gong-an-bu,公安部,gōng ān bù,Ministry of Public Security,,institution,The ministry.,公安部门,,\n\
               gong-an,公安,gōng ān,public security,,institution,The police.,,,\n\
               mass-line,群众路线,qún zhòng lù xiàn,the mass line,masses line,policy,The principle.,,the mass line,Mao\n";
    let m = matcher_from(csv);
    let found = |text: &str| spans_text(&m, text);
    assert_eq!(found("This keeps the CPC's ruling position."), ["CPC"]);
    assert_eq!(
        found("The Central Committee keeps the CPC's ruling position."),
        ["CPC's ruling position"]
    );
    assert_eq!(found("各地公安部门"), ["公安"]);
    assert_eq!(found("公安部发布通知"), ["公安部"]);
    // The dropped entry's other form on the same words is the same match, dropped too.
    assert!(found("The mass line of customers stretched.").is_empty());
    assert_eq!(found("Mao spoke of the mass line."), ["mass line"]);
    // Every match is still reported once, where the rules keep it.
    let all = m.find(
        "This keeps the CPC's ruling position.",
        MatchOptions { overlapping: true },
    );
    assert_eq!(all.len(), 1);
}

/// A form that starts inside a dropped match and runs past it is found too, up to the next
/// match kept: 二十届中央 excluded before 军委 leaves 中央军委委员 to be found, and an English
/// gated form with no cue leaves a form that runs on past it.
#[test]
fn a_dropped_match_gives_way_to_a_form_running_past_it() {
    let csv = "id,zh,pinyin,en,en_alt,category,definition,exclude,gated,cue\n\
               cc20,二十届中央委员会,èr shí jiè,20th Central Committee,,institution,The committee.,二十届中央军委,,\n\
               cc20-short,二十届中央,èr shí jiè,20th Central,,institution,The committee.,二十届中央军委,,\n\
               cmc-member,中央军委委员,zhōng yāng jūn wěi wěi yuán,member of the Central Military Commission,,institution,A member.,,,\n\
               cmc,中央军委,zhōng yāng jūn wěi,Central Military Commission,,institution,The commission.,,,\n\
               governing,执政党,zhí zhèng dǎng,governing party,the ruling party,policy,The party in power.,,the ruling party,Beijing\n\
               power,执政能力,zhí zhèng néng lì,party's governing capacity,,policy,Its capacity.,,,\n";
    let m = matcher_from(csv);
    let found = |text: &str| spans_text(&m, text);
    assert_eq!(found("二十届中央军委委员张某"), ["中央军委委员"]);
    assert_eq!(
        found("二十届中央军委委员。中央军委"),
        ["中央军委委员", "中央军委"]
    );
    assert_eq!(
        found("二十届中央军委。二十届中央"),
        ["中央军委", "二十届中央"]
    );
    // "the ruling party", gated and with no cue, is dropped; the form from its last word on
    // runs past it.
    assert_eq!(
        found("It is the ruling party's governing capacity."),
        ["party's governing capacity"]
    );
    // It takes in a match kept nested in it, as leftmost-longest would have, and none that
    // runs past its end.
    let csv = "id,zh,pinyin,en,en_alt,category,definition,exclude,gated,cue\n\
               session,全国人大会议,quán guó,session of the National People's Congress,,institution,The session.,session of the National People's Congress (NPC) Standing Committee,,\n\
               npc,全国人大,quán guó rén dà,National People's Congress,NPC,institution,The congress.,,,\n\
               npcsc,全国人大常委会,quán guó rén dà cháng wěi huì,National People's Congress Standing Committee,,institution,Its standing body.,,,\n\
               cmc,中央军委,zhōng yāng jūn wěi,Central Military Commission,,institution,The commission.,,,\n\
               cc20,二十届中央,èr shí jiè,20th Central,,institution,The committee.,二十届中央军,,\n\
               jw,军委委员会,jūn wěi,x,,institution,Test.,,,\n";
    let m = matcher_from(csv);
    assert_eq!(
        spans_text(
            &m,
            "a session of the National People's Congress (NPC) Standing Committee"
        ),
        ["National People's Congress (NPC) Standing Committee"]
    );
    // 中央军委 would end inside 军委委员会, kept after the excluded 二十届中央: not taken.
    assert_eq!(spans_text(&m, "二十届中央军委委员会"), ["军委委员会"]);
}

/// A plural that ends a form, or comes before a preposition or a conjunction, is a noun there:
/// its verb forms are not the form ("the Party's ruling status" is not "Party rules"); a
/// plural before its object is a verb and keeps them ("abused his power").
#[test]
fn a_plural_noun_is_not_its_verb() {
    let csv = "id,zh,pinyin,en,en_alt,category,definition\n\
               rules,党内法规,dǎng nèi fǎ guī,Party rules,rules and regulations of the Party,policy,The rules.\n\
               abuse,滥用职权,làn yòng zhí quán,abuses his power,,discipline,The crime.\n\
               checks,制约,zhì yuē,checks on power,,policy,The checks.\n\
               building,党的建设,dǎng de jiàn shè,Party building,,policy,The building.\n\
               deepen,深化改革,shēn huà gǎi gé,deepening reform,,policy,The reform.\n";
    let m = matcher_from(csv);
    let found = |text: &str| spans_text(&m, text);
    for ruling in [
        "Consolidate the Party's ruling status.",
        "the party ruling the country",
        "As the ruling party, it was ruled by the party's ruling faction.",
    ] {
        assert!(found(ruling).is_empty(), "{ruling}");
    }
    assert_eq!(found("He broke the Party rules."), ["Party rules"]);
    assert_eq!(found("one Party rule"), ["Party rule"]);
    assert_eq!(found("the Party's rules"), ["Party's rules"]);
    assert_eq!(
        found("rules and regulations of the Party"),
        ["rules and regulations of the Party"]
    );
    assert_eq!(found("He abused his power."), ["abused his power"]);
    assert_eq!(found("abusing his power"), ["abusing his power"]);
    assert_eq!(found("a check on power"), ["check on power"]);
    assert!(found("checked on power").is_empty());
    // A gerund that ends a form is a noun too; one before its object is a verb.
    assert!(found("The Party built a strong army and builds consensus.").is_empty());
    assert_eq!(
        found("Party building and Party buildings"),
        ["Party building", "Party buildings"]
    );
    assert_eq!(found("they deepened reform"), ["deepened reform"]);
}

/// An acronym the glossary writes in capitals ending in `S` is no plural: "OCTS" is not the
/// month "Oct" of a dateline, in a form or a cue.
#[test]
fn an_acronym_in_capitals_is_no_plural() {
    let csv = "id,zh,pinyin,en,en_alt,category,definition,gated,cue\n\
               octs,一国两制,yī guó liǎng zhì,one country two systems,OCTS,policy,The principle.,OCTS,HKSAR\n\
               soes,国有企业,guó yǒu qǐ yè,state-owned enterprises,SOEs,policy,The firms.,,\n\
               mps,公安部刑事侦查局,gōng ān bù xíng shì zhēn chá jú,MPS Criminal Investigation Bureau,,institution,The bureau.,,\n\
               summit,金砖峰会,jīn zhuān fēng huì,summit,,institution,The summit.,summit,BRICS\n";
    let m = matcher_from(csv);
    let found = |text: &str| spans_text(&m, text);
    assert_eq!(
        found("HONG KONG, Oct. 1 -- The HKSAR government keeps OCTS."),
        ["OCTS"]
    );
    assert!(found("The MP Criminal Investigation Bureau").is_empty());
    assert_eq!(
        found("the MPS criminal investigation bureau"),
        ["MPS criminal investigation bureau"]
    );
    // In a cue too: "BRIC" does not vouch for a form that "BRICS" licenses.
    assert!(found("BRIC leaders met at the summit.").is_empty());
    assert_eq!(found("BRICS leaders met at the summit."), ["summit"]);
    // A plural written with a small `s` is still one.
    assert_eq!(found("one SOE and two SOEs"), ["SOE", "SOEs"]);
}

/// An acronym in capitals not ending in `S` is matched as written, with its plural and
/// possessive, never as an inflected English word: "PLAC" folded with "place" before.
#[test]
fn an_acronym_in_capitals_is_no_english_word() {
    let csv = "id,zh,pinyin,en,en_alt,category,definition\n\
               plac,中央政法委,zhōng yāng zhèng fǎ wěi,Central Political and Legal Affairs Commission,Central PLAC,institution,The commission.\n";
    let m = matcher_from(csv);
    let found = |text: &str| spans_text(&m, text);
    assert!(found("a central place in cultural life").is_empty());
    assert!(found("the central placing of it").is_empty());
    assert_eq!(
        found("The Central PLAC's members; the central PLACs."),
        ["Central PLAC", "central PLACs"]
    );
}

/// A one-word form written as a name (`Party`, `the Politburo`) is matched as it is and with
/// its possessive, never as a plural: "both parties" and "political parties" are not the
/// CPC; where "Party" is a word of a longer form, that form still inflects.
#[test]
fn a_one_word_name_is_no_plural() {
    let csv = "id,zh,pinyin,en,en_alt,category,definition,gated,cue\n\
               cpc,中国共产党,zhōng guó gòng chǎn dǎng,Communist Party of China,CPC|Party,institution,The party.,Party,China\n\
               pb,中央政治局,zhōng yāng zhèng zhì jú,Political Bureau,the Politburo,institution,The bureau.,,\n\
               dw,党委,dǎng wěi,Party committee,,institution,The committee.,,\n";
    let m = matcher_from(csv);
    let found = |text: &str| spans_text(&m, text);
    assert_eq!(
        found("In China both parties signed; Marxist political parties met the Party's leaders."),
        ["Party"]
    );
    assert_eq!(found("China: the party leads."), ["party"]);
    assert_eq!(found("the Politburo and other politburos"), ["Politburo"]);
    assert_eq!(
        found("China's Party committees and the party committee"),
        ["Party committees", "party committee"]
    );
}

/// A compound official English writes closed or hyphenated is found either way, whichever
/// way the glossary writes it; a hyphenated pair that English never closes stays as written.
#[test]
fn compounds_closed_or_hyphenated() {
    let csv = "id,zh,pinyin,en,en_alt,category,definition\n\
               jc,基层治理,jī céng zhì lǐ,grass-roots governance,,policy,Local governance.\n\
               fb,反腐败,fǎn fǔ bài,anticorruption campaign,,policy,The campaign.\n\
               yf,依法治国,yī fǎ zhì guó,law-based governance,,policy,Rule by law.\n";
    let m = matcher_from(csv);
    let found = |text: &str| spans_text(&m, text);
    assert_eq!(
        found("Grassroots governance, grass roots governance and grass-roots governance."),
        [
            "Grassroots governance",
            "grass roots governance",
            "grass-roots governance"
        ]
    );
    assert_eq!(
        found("the anti-corruption campaigns and the Anticorruption Campaign"),
        ["anti-corruption campaigns", "Anticorruption Campaign"]
    );
    assert_eq!(
        found("lawbased governance; law based governance"),
        ["law based governance"]
    );
}

/// A Chinese form that begins or ends with a quote is found wherever the text has the
/// term, after a Han character too, where the text's quotes vanish; the span takes in the
/// text's quotes around the term. Another entry's written form keeps its own text.
#[test]
fn chinese_forms_with_outer_quotes() {
    let csv = "id,zh,zh_alt,pinyin,en,category,definition\n\
               jw,净网行动,“净网”专项行动,jìng wǎng xíng dòng,Clean Network campaign,campaign,A campaign.\n\
               pj,浦江经验,新时代“浦江经验”,pǔ jiāng jīng yàn,Pujiang experience,policy,A practice.\n\
               xs,新时代浦江经验,,xīn shí dài pǔ jiāng jīng yàn,Pujiang experience of the new era,policy,Another.\n";
    let m = matcher_from(csv);
    let links = |text: &str| entry_spans(&m, text);
    let one = |id: &str, span: &str| vec![(id.to_string(), span.to_string())];
    assert_eq!(
        links("公安部开展“净网”专项行动。"),
        one("jw", "“净网”专项行动")
    );
    assert_eq!(links("“净网”专项行动"), one("jw", "“净网”专项行动"));
    assert_eq!(links("開展「淨網」專項行動"), one("jw", "「淨網」專項行動"));
    // 新时代浦江经验 is written out by xs: the unquoted key of pj gives way to it.
    assert_eq!(links("坚持新时代浦江经验。"), one("xs", "新时代浦江经验"));
    assert_eq!(
        links("坚持新时代“浦江经验”的做法"),
        one("xs", "新时代“浦江经验”")
    );
}

/// Issue 13's real-text wordings: a bracketed abbreviation or gloss inside a term (never at
/// its end), a year inside a campaign name, a quote glued to the word before a term, and a
/// head shared by two conjuncts. Each failed before its rule.
#[test]
fn asides_years_glued_quotes_and_shared_heads() {
    let csv = "id,zh,pinyin,en,en_alt,category,definition\n\
               cpc,中国共产党,zhōng guó gòng chǎn dǎng,Communist Party of China,CPC|Party,institution,The party.\n\
               shuang-kai,开除党籍、开除公职,kāi chú,expelled from the Party and dismissed from public office,expelled from the {cpc} and dismissed from public office,discipline,Both.\n\
               ccdi,中央纪委,zhōng yāng jì wěi,Central Commission for Discipline Inspection,CCDI|Central Commission for Discipline Inspection of the {cpc},institution,The commission.\n\
               spp-dang-zu,最高检党组,zuì gāo jiǎn dǎng zǔ,Supreme People's Procuratorate Party Group,,institution,Its Party group.\n\
               spp,最高人民检察院,zuì gāo rén mín jiǎn chá yuàn,Supreme People's Procuratorate,SPP,institution,The procuratorate.\n\
               laohu,老虎苍蝇一起打,lǎo hǔ,tigers and flies,,discipline,Both.\n\
               tianwang,天网行动,tiān wǎng,Sky Net campaign,Sky Net operation|Sky Net,discipline,The campaign.\n\
               qinglang,清朗,qīng lǎng,Qinglang campaign,,policy,Online clean-up.\n\
               octs,一国两制,yī guó liǎng zhì,\"one country, two systems\",,policy,The arrangement.\n\
               lwh,两个维护,liǎng gè wéi hù,two safeguards,,policy,Loyalty.\n\
               qs,权色交易,quán sè,power-sex trade,,discipline,Power for sex.\n\
               qq,权钱交易,quán qián,power-money trade,,discipline,Power for money.\n";
    let m = matcher_from(csv);
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "He was expelled from the Communist Party of China (CPC) and dismissed from public office.",
            &[("expelled from the Communist Party of China (CPC) and dismissed from public office", "shuang-kai")],
        ),
        (
            "the Central Commission for Discipline Inspection (CCDI) of the Communist Party of China said",
            &[("Central Commission for Discipline Inspection (CCDI) of the Communist Party of China", "ccdi")],
        ),
        (
            "the Supreme People's Procuratorate (SPP) Party Group met",
            &[("Supreme People's Procuratorate (SPP) Party Group", "spp-dang-zu")],
        ),
        (
            "the Supreme People's Procuratorate (SPP) said",
            &[("Supreme People's Procuratorate", "spp"), ("SPP", "spp")],
        ),
        (
            "hunting \"tigers\" (corrupt senior officials) and \"flies\" alike",
            &[("\"tigers\" (corrupt senior officials) and \"flies\"", "laohu")],
        ),
        (
            "the Party （CPC） and dismissed",
            &[("Party", "cpc"), ("CPC", "cpc")],
        ),
        (
            "The Sky Net 2022 campaign and the \"Sky Net 2020\" operation and the Qinglang 2023 campaign.",
            &[
                ("Sky Net 2022 campaign", "tianwang"),
                ("\"Sky Net 2020\" operation", "tianwang"),
                ("Qinglang 2023 campaign", "qinglang"),
            ],
        ),
        (
            "Improving the’One Country, Two Systems’ System; the\"two safeguards\" matter.",
            &[("One Country, Two Systems", "octs"), ("two safeguards", "lwh")],
        ),
        (
            "engaged in power-sex and power-money trades",
            &[("power-sex", "qs"), ("power-money trades", "qq")],
        ),
        // A full stop that lost its space: UAX #29 keeps `trades.Sky` one word.
        (
            "engaged in power-sex trades.Sky Net 2022 campaign results.Power-money trade",
            &[
                ("power-sex trades", "qs"),
                ("Sky Net 2022 campaign", "tianwang"),
                ("Power-money trade", "qq"),
            ],
        ),
        // No aside of more than six words, none at a term's end, no year after a comma.
        (
            "the Sky Net (a drive run by many agencies of the state) campaign",
            &[("Sky Net", "tianwang")],
        ),
        ("Sky Net, 2022 campaign", &[("Sky Net", "tianwang")]),
        ("the Sky Net 1850 campaign", &[("Sky Net", "tianwang")]),
        // A shared head only where the other conjunct is a term too.
        ("power-sex and power trades", &[]),
    ];
    for &(text, want) in cases {
        let got: Vec<(&str, &str)> = m
            .find(text, MatchOptions::default())
            .iter()
            .map(|s| (&text[s.start..s.end], m.entry(s).id.as_str()))
            .collect();
        assert_eq!(got, want, "{text:?}");
    }
}

/// A Chinese list whose items share a tail names each item's full term (十九届四中、五中全会);
/// but where a term of the glossary runs across a list mark inside the stretch (不放过、不凑数),
/// the stretch is that term, not a list.
#[test]
fn chinese_lists_share_a_tail_but_not_across_a_term() {
    let csv = "id,zh,zh_alt,pinyin,en,category,definition\n\
               p4,十九届四中全会,四中全会,shí jiǔ jiè sì zhōng quán huì,Fourth Plenary Session of the 19th Central Committee,institution,A plenum.\n\
               p5,十九届五中全会,五中全会,shí jiǔ jiè wǔ zhōng quán huì,Fifth Plenary Session of the 19th Central Committee,institution,A plenum.\n\
               bu,不放过、不凑数,不放过不凑数,bù fàng guò bù còu shù,no real case let go,campaign,Let none escape.\n";
    let m = matcher_from(csv);
    let ids = |text: &str| entry_spans(&m, text);
    assert_eq!(
        ids("贯彻十九届四中、五中全会精神"),
        [
            ("p4".into(), "十九届四中".into()),
            ("p5".into(), "五中全会".into())
        ]
    );
    assert_eq!(
        ids("不放过、不凑数、不放过不凑数"),
        [
            ("bu".into(), "不放过、不凑数".into()),
            ("bu".into(), "不放过不凑数".into())
        ]
    );
}
