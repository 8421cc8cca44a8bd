//! The shipped glossary: size, coverage of the concepts the project promises, lint, and the
//! false-positive budget on ordinary English prose.

use std::path::Path;

use tifa::glossary::{Glossary, GlossarySource, Severity};
use tifa::lint::lint;
use tifa::matcher::{MatchOptions, Matcher};

/// Concepts the issues name; each must be found as one whole span of its own entry.
const PROMISED: &[&str] = &[
    // Core pipeline issue: the seed release's concepts.
    "扫黑除恶",
    "扫黑除恶专项斗争",
    "常态化",
    "涉黑涉恶",
    "黑恶势力",
    "不放过、不凑数",
    "源头治理",
    "政治自觉·思想自觉·行动自觉",
    "高位推动",
    "政法队伍教育整顿",
    "害群之马",
    "保护伞",
    "关系网",
    "打财断血",
    "黑财清底",
    "死灰复燃",
    "后半篇文章",
    "平安中国",
    "司法救助",
    "绿色通道",
    "挂牌督办",
    "钉子案",
    "骨头案",
    "四大行业",
    "统一把关定性",
    "检察建议",
    "最高人民检察院",
    "检察机关",
    // Curated glossary issue.
    "六清",
    "线索清仓",
    "逃犯清零",
    "案件清结",
    "伞网清除",
    "行业清源",
    "一案三查",
    "打伞破网",
    "套路贷",
    "软暴力",
    "村霸",
    "黑社会性质组织",
    "恶势力",
    "全面从严治党",
    "八项规定",
    "四风",
    "老虎苍蝇一起打",
    "不敢腐不能腐不想腐",
    "天网行动",
    "刀刃向内",
    "刮骨疗毒",
    "两个维护",
    "四个意识",
    "四个自信",
    "枫桥经验",
    "共同富裕",
    "人类命运共同体",
    "以人民为中心",
    "底线思维",
    "斗争精神",
    "政治站位",
    "层层压实责任",
    "一刀切",
    "形式主义",
    "官僚主义",
    "法治中国",
    "放管服",
];

fn builtin() -> Matcher {
    Matcher::new(Glossary::builtin()).expect("the shipped glossary compiles")
}

#[test]
fn shipped_glossary_has_250_entries_and_every_promised_concept() {
    let m = builtin();
    assert!(
        m.glossary().len() >= 250,
        "only {} entries",
        m.glossary().len()
    );
    for zh in PROMISED {
        // A gated form (绿色通道 is an ordinary phrase too) counts only beside a cue: give it one.
        let gated_cue = m
            .glossary()
            .entries
            .iter()
            .find(|e| e.gated.iter().any(|g| g == zh))
            .and_then(|e| e.cue.first());
        let text = match gated_cue {
            Some(cue) => format!("{zh}。{cue}"),
            None => zh.to_string(),
        };
        let spans: Vec<_> = m
            .find(&text, MatchOptions::default())
            .into_iter()
            .filter(|s| s.start == 0)
            .collect();
        assert_eq!(spans.len(), 1, "{zh}: {spans:?}");
        let s = spans[0];
        assert_eq!((s.start, s.end), (0, zh.len()), "{zh} is not matched whole");
        let e = m.entry(&s);
        assert!(
            e.zh == *zh || e.zh_alt.iter().any(|a| a == zh),
            "{zh} linked to {}",
            e.id
        );
    }
}

#[test]
fn shipped_glossary_lints_clean() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("glossary");
    let problems = lint(&[GlossarySource::Path(dir)], &[]);
    let errors: Vec<String> = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| p.to_string())
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn every_entry_is_complete() {
    let g = Glossary::builtin();
    for e in &g.entries {
        assert!(
            !e.definition.is_empty() && !e.pinyin.is_empty() && !e.en.is_empty(),
            "{}",
            e.id
        );
        assert!(
            tifa::glossary::CATEGORIES.contains(&e.category.as_str()),
            "{}",
            e.id
        );
    }
}

/// Spans allowed in the licence texts, each with why it is acceptable. Empty: today the
/// glossary fires on none of them.
const JUSTIFIED: &[(&str, &str, &str)] = &[
    // (file, matched text, why)
];

#[test]
fn false_positive_budget_on_licence_texts() {
    let m = builtin();
    let dir = Path::new("/usr/share/common-licenses");
    let mut bytes = 0usize;
    let mut found = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for p in names {
        if p.is_symlink() || !p.is_file() {
            continue;
        }
        let text = std::fs::read_to_string(&p).unwrap();
        bytes += text.len();
        for s in m.find(&text, MatchOptions::default()) {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            found.push((
                name,
                text[s.start..s.end].to_string(),
                m.entry(&s).id.clone(),
            ));
        }
    }
    assert!(
        bytes > 200_000,
        "the licence texts are missing ({bytes} bytes)"
    );
    let budget = bytes / 100_000;
    assert!(
        found.len() <= budget,
        "{} spans in {bytes} bytes (budget {budget}): {found:?}",
        found.len()
    );
    for (file, text, id) in &found {
        assert!(
            JUSTIFIED.iter().any(|(f, t, _)| f == file && t == text),
            "unjustified span {text:?} ({id}) in {file}"
        );
    }
}

/// `lint --ordinary`: a form that fires on ordinary text is listed with its count and first
/// place; a gated form near no cue does not fire, and forms absent from the text are quiet.
#[test]
fn lint_lists_forms_that_fire_on_ordinary_text() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.csv");
    std::fs::write(
        &g,
        "id,zh,pinyin,en,en_alt,category,definition,gated,cue\n\
         yuan-tou-zhi-li,源头治理,yuán tóu zhì lǐ,governance at the source,source control,policy,Tackling problems where they start.,source control,governance\n\
         da-cai-duan-xue,打财断血,dǎ cái duàn xuè,cut off gang finances,breaking money,campaign,Seizing gang assets.,,\n",
    )
    .unwrap();
    let text = "Use source control for code.\nWe keep breaking money jars.\n";
    let ordinary = [tifa::lint::OrdinaryText {
        name: "plain.txt".into(),
        text: text.into(),
    }];
    let problems = lint(&[GlossarySource::Path(g)], &ordinary);
    let msgs: Vec<String> = problems.iter().map(|p| p.message.clone()).collect();
    assert_eq!(
        msgs,
        ["en_alt form of \"da-cai-duan-xue\" fires on ordinary text 1 time, first at plain.txt:2: \"breaking money\" (gate it, exclude the longer word, or drop it)"]
    );
    assert!(problems.iter().all(|p| p.severity == Severity::Warning));
}

/// An `exclude` string may hold an English form in any wording the form matches (a plural,
/// a comma for "and", "one" for the plural "Ones"): lint accepts it, and it keeps the form out of that phrase. A string
/// holding no wording of a form is still an error.
#[test]
fn an_exclude_may_hold_any_wording_of_a_form() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.csv");
    std::fs::write(
        &g,
        "id,zh,pinyin,en,en_alt,category,definition,exclude\n\
         zhu-ti-ze-ren,主体责任,zhǔ tǐ zé rèn,main responsibility,,discipline,The Party committee's duty.,main responsibilities and main business\n\
         zi-xin,自信自强,zì xìn zì qiáng,self-confidence and self-reliance,,ideology,Trust in one's own strength.,\"self-esteem, self-confidence, self-reliance and self-improvement\"|self-esteem\n\
         yi-ba-shou,一把手,yī bǎ shǒu,top leader,Number Ones,institution,The chief official.,number one project\n",
    )
    .unwrap();
    let problems = lint(&[GlossarySource::Path(g.clone())], &[]);
    let msgs: Vec<String> = problems.iter().map(|p| p.message.clone()).collect();
    assert_eq!(
        msgs,
        ["exclude string \"self-esteem\" contains no form of the entry, so it never applies"]
    );
    let (entries, _) = tifa::glossary::read_csv(
        std::fs::read_to_string(&g)
            .unwrap()
            .replace("|self-esteem", "")
            .as_bytes(),
        &g,
    );
    let m = Matcher::new(Glossary {
        entries: entries.into(),
    })
    .unwrap();
    let text = "Their main responsibilities and main business differ; the main responsibilities \
                stay. Women's self-esteem, self-confidence, self-reliance and self-improvement. \
                The number one project; the number ones.";
    let found: Vec<&str> = m
        .find(text, MatchOptions::default())
        .iter()
        .map(|s| &text[s.start..s.end])
        .collect();
    assert_eq!(found, ["main responsibilities", "number ones"]);
}

/// A form in quotes is found where the quotes vanish (`“断流”` in `黄河断流`), so an `exclude`
/// string holding the bare term is one lint accepts, and it stops that match.
#[test]
fn an_exclude_may_hold_a_quoted_form_without_its_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.csv");
    std::fs::write(
        &g,
        "id,zh,pinyin,en,category,definition,exclude\n\
         duan-liu,“断流”,duàn liú,Cut-Off-the-Flow,policy,An operation.,黄河断流|断水\n",
    )
    .unwrap();
    let problems = lint(&[GlossarySource::Path(g.clone())], &[]);
    let msgs: Vec<String> = problems.iter().map(|p| p.message.clone()).collect();
    assert_eq!(
        msgs,
        ["exclude string \"断水\" contains no form of the entry, so it never applies"]
    );
    let (entries, _) = tifa::glossary::read_csv(std::fs::read(&g).unwrap().as_slice(), &g);
    let m = Matcher::new(Glossary {
        entries: entries.into(),
    })
    .unwrap();
    let text = "黄河断流。开展“断流”行动。";
    let found: Vec<usize> = m
        .find(text, MatchOptions::default())
        .iter()
        .map(|s| s.start)
        .collect();
    // Only the operation in quotes: the Yellow River's 断流 is excluded.
    let quoted = text.find("“断流”").unwrap();
    assert!(
        found.len() == 1 && (quoted..quoted + 6).contains(&found[0]),
        "{found:?}"
    );
}
