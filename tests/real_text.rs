//! Real-text matching (issue 13), measured on test sets written for the project
//! (`tests/data/variants/`, see its README):
//!
//! - `systematic.tsv`: one table test per variation kind; every case must be found with its
//!   exact span text and `kb_id`, and each kind's recall must stay at or above its floor;
//! - `real_world.tsv`: renderings as official press and machine translation write them;
//!   recall at or above its floor, and every case not listed as a known miss found exactly;
//! - `real_quoted.tsv`: sentences quoted verbatim from publications nobody on the project
//!   wrote (press, published machine translations, Chinese texts), checked the same way;
//! - `real_heldout.tsv`: the same kind of sentences from sources and topics `real_quoted.tsv`
//!   does not use, collected before the glossary took their wordings (a held-out measure);
//!   its terms the glossary lacks (kb_id `-`) are counted in the report, not tested;
//! - `real_heldout_2.tsv`: a second held-out set of the same kind, from addresses no other set
//!   uses, at least half of it machine translation; read like `real_heldout.tsv`;
//! - `real_heldout_3.tsv`: a third held-out set, from addresses no other set uses, about 40 %
//!   machine translation; read like `real_heldout.tsv`;
//! - `real_heldout_4.tsv`: a fourth, on topics the others cover thinly (finance, state firms,
//!   labour, housing, audits, religion, mass organisations); read like `real_heldout.tsv`;
//! - `real_heldout_5.tsv`: a fifth, on the project's core field (discipline inspection and
//!   anti-corruption, the campaign against organized crime, procuratorates and courts), about
//!   45 % machine translation; read like `real_heldout.tsv`;
//! - `real_heldout_6.tsv`: a sixth, on propaganda and culture, education, science, health,
//!   ethnic affairs and religion, defence, national security and Party building, about 40 %
//!   machine translation; read like `real_heldout.tsv`;
//! - `real_heldout_7.tsv`: a seventh, on local government and administrative reform,
//!   grassroots governance, emergency management and work safety, market regulation, ecology
//!   and China's global initiatives, a third machine translation; read like `real_heldout.tsv`;
//! - `real_heldout_8.tsv`: an eighth, on the 2024–26 economy's slogans, rural revitalization
//!   and common prosperity, Hong Kong and Macao, Taiwan policy, diplomacy, the Fourth Plenum
//!   and the NPC sessions, 45 % machine translation; read like `real_heldout.tsv`;
//! - `real_heldout_9.tsv`: a ninth, back on the project's core field (discipline inspection
//!   and supervision releases of 2024–26, the normalized anti-gang campaign, procuratorates
//!   and courts), 44 % machine translation; read like `real_heldout.tsv`;
//! - `ordinary_en.txt`, `ordinary_zh.txt`: plain sentences built to tempt the risky forms; no
//!   form may fire on them;
//! - a property test: a glossary form embedded in filler with random allowed variation is
//!   found at exactly the offsets where it was put.
//!
//! Cases that fail because the matcher or the glossary is wrong stay in the data and are
//! listed in the `KNOWN_*` arrays below with a reason. The lists are strict: a listed case
//! that starts to pass fails its test, so that it is removed from the list.
//!
//! `recall_report` prints the recall table (`scripts/recall` runs it).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use proptest::prelude::*;
use tifa::glossary::Glossary;
use tifa::matcher::{MatchOptions, Matcher, Span};

const SYSTEMATIC: &str = include_str!("data/variants/systematic.tsv");
const REAL_WORLD: &str = include_str!("data/variants/real_world.tsv");
const REAL_QUOTED: &str = include_str!("data/variants/real_quoted.tsv");
const REAL_HELDOUT: &str = include_str!("data/variants/real_heldout.tsv");
const REAL_HELDOUT_2: &str = include_str!("data/variants/real_heldout_2.tsv");
const REAL_HELDOUT_3: &str = include_str!("data/variants/real_heldout_3.tsv");
const REAL_HELDOUT_4: &str = include_str!("data/variants/real_heldout_4.tsv");
const REAL_HELDOUT_5: &str = include_str!("data/variants/real_heldout_5.tsv");
const REAL_HELDOUT_6: &str = include_str!("data/variants/real_heldout_6.tsv");
const REAL_HELDOUT_7: &str = include_str!("data/variants/real_heldout_7.tsv");
const REAL_HELDOUT_8: &str = include_str!("data/variants/real_heldout_8.tsv");
const REAL_HELDOUT_9: &str = include_str!("data/variants/real_heldout_9.tsv");
const ORDINARY_EN: &str = include_str!("data/variants/ordinary_en.txt");
const ORDINARY_ZH: &str = include_str!("data/variants/ordinary_zh.txt");

/// Systematic cases that fail today: (kb_id, expected span text, a piece of the sentence
/// when the span text alone is ambiguous or "", reason).
const KNOWN_MISSES: &[(&str, &str, &str, &str)] = &[];

/// Real-world cases that fail today, listed as in [`KNOWN_MISSES`].
const REAL_WORLD_KNOWN_MISSES: &[(&str, &str, &str, &str)] = &[
    (
        "zui-gao-ren-min-jian-cha-yuan",
        "top procuratorate",
        "supervised the handling",
        "gated: the sentence has no cue (China, procuratorate, ...) for the generic name",
    ),
    (
        "zui-gao-ren-min-jian-cha-yuan",
        "SPP",
        "issued guidance on lenient",
        "gated: the sentence has no cue (China, procuratorate, ...) for the abbreviation",
    ),
    (
        "ba-xiang-gui-ding",
        "eight rules",
        "",
        "glossary: the press shorthand 'eight rules' is not a form",
    ),
    (
        "liang-ge-que-li",
        "Two Establishments",
        "",
        "gated with no cue in the sentence ('decisive significance of the Two Establishments' is the SPP's stock phrase)",
    ),
    (
        "ping-an-zhong-guo",
        "safe China",
        "",
        "bounds: found as 'construction of a safe China', a form since",
    ),
];

/// Quoted real-world cases that fail today, listed as in [`KNOWN_MISSES`].
const REAL_QUOTED_KNOWN_MISSES: &[(&str, &str, &str, &str)] = &[
    (
        "ke-ji-zi-li-zi-qiang",
        "technological self-reliance and self-improvement",
        "Support and lead high-quality developmen",
        "bounds: leftmost-longest; 'high-level technological self-reliance' starts earlier and wins over the whole 'technological self-reliance and self-improvement'",
    ),
    (
        "ke-ji-zi-li-zi-qiang",
        "scientific and technological self-reliance and strength",
        "On the new journey of comprehensively bu",
        "bounds: leftmost-longest; 'high-level scientific and technological self-reliance' starts earlier",
    ),
    (
        "quan-se-jiao-yi",
        "transactions of money and sex",
        "",
        "glossary: AFP's paraphrase of a CCDI charge; the Chinese (权色 or 钱色交易) is not known, so not added",
    ),
    (
        "bao-hu-san",
        "protective umbrella",
        "rural village oppression",
        "gated: the sentence (a caption) has no cue; its paragraph names the campaign in Chinese",
    ),
    (
        "liu-zhi",
        "retention measures",
        "county level or below",
        "gated: 'retention measures' (machine translation of 留置措施) is ordinary English ('employee retention measures') and the sentence has no cue",
    ),
    (
        "shuang-gui",
        "\"two regulations\"",
        "",
        "glossary: machine translation of 双规; too generic to add",
    ),
    (
        "zhong-yang-zheng-fa-wei",
        "中共政法委",
        "",
        "glossary: a press short form, not official, not added",
    ),
    (
        "fan-fu-bai-ya-dao-xing-sheng-li",
        "overwhelming victory",
        "",
        "elliptical: 'an overwhelming victory' alone stands for the whole term",
    ),
    (
        "bu-gan-fu-bu-neng-fu-bu-xiang-fu",
        "never dare corrupt themselves, as they now have a sense of awe and fear, and are unable and unwilling to be corrupt",
        "",
        "paraphrase: the three parts are split by a clause",
    ),
    (
        "guan-liao-zhu-yi",
        "bureaucratic inefficiency",
        "",
        "glossary: a company site's rendering of 官僚主义, not official; not added",
    ),
    (
        "yan-zhong-wei-ji-wei-fa",
        "serious disciplinary violations and illegal activities",
        "",
        "glossary: machine-translation wording, not added",
    ),
    (
        "bao-hu-san",
        "protective umbrellas",
        "Dig deep",
        "gated: the sentence has no cue; the paragraph before it names the campaign",
    ),
];

/// Ordinary sentences on which a form fires today: (matched text, kb_id, reason). Most are
/// short generic forms that need `gated` and a `cue` in the glossary.
const KNOWN_FALSE_HITS: &[(&str, &str, &str)] = &[];

/// The lowest recall each systematic kind may fall to (a case counts when every expected
/// term is found by its entry, overlapping the expected span). 0.85 is issue 13's target;
/// kinds measured higher are held at their measured value.
const RECALL_FLOOR: &[(&str, f64)] = &[
    ("inflection", 1.0),
    ("article", 1.0),
    ("possessive", 1.0),
    ("conjunction", 1.0),
    ("spelling", 0.9),
    ("number", 1.0),
    ("quote", 1.0),
    ("hyphen", 1.0),
    ("case", 1.0),
    ("linebreak", 1.0),
    ("zh_quote", 1.0),
    ("zh_traditional", 0.9),
    ("zh_linebreak", 1.0),
    ("zh_listmark", 1.0),
];

/// Issue 13's target for real-world renderings is 0.75 (per expected term); measured 0.937.
const REAL_WORLD_RECALL_FLOOR: f64 = 0.9;

/// The same floor for quoted sentences; measured 0.788 before the glossary took their
/// wordings, 0.919 after.
const REAL_QUOTED_RECALL_FLOOR: f64 = 0.9;

/// The kb_id of a held-out term the glossary lacks: counted in the report, never tested.
const LACKING: &str = "-";

/// Held-out quoted cases that fail today, listed as in [`KNOWN_MISSES`]: four misses, then the
/// terms found with other bounds (they count as found in the recall).
const REAL_HELDOUT_KNOWN_MISSES: &[(&str, &str, &str, &str)] = &[
    (
        "zhong-guo-ren-min-zheng-zhi-xie-shang-hui-yi",
        "CPPCC",
        "the National Committee and local committees of the CPPCC",
        "label: 'local committees of the CPPCC' is the local committees' own entry (地方政协), which takes in CPPCC",
    ),
    (
        "ai-guo-zhe-zhi-gang",
        "愛國者治港",
        "全面落實了「愛國者治港」原則",
        "bounds: the glossary's form “爱国者治港”原则 takes in 原則 (found since a form's outer quotes may be left out)",
    ),
    (
        "gao-zhi-liang-fa-zhan",
        "quality development",
        "",
        "glossary: machine translation dropped 高; 'quality development' is ordinary English, not added",
    ),
    (
        "zhong-yang-cai-jing-wei",
        "Central Committee for Financial and Economic Affairs",
        "",
        "matcher: leftmost-longest; 'Party’s Central Committee' (zhong-gong-zhong-yang) starts earlier and wins the overlap",
    ),
    (
        "nei-juan-shi-jing-zheng",
        "內捲",
        "",
        "glossary: 内卷 alone is everyday slang and deliberately not a form",
    ),    // Found by the right entry, with other bounds than the expected span:
    (
        "zhong-yang-zheng-zhi-ju-ji-ti-xue-xi",
        "collective study session of the 20th Central Political Bureau",
        "Today, the 11th coll",
        "bounds: the matcher finds 'collective study session'",
    ),
    (
        "xin-an-quan-guan",
        "common, comprehensive, cooperative and sustainable security",
        "\"As the initiator of",
        "bounds: the matcher finds 'vision of common, comprehensive, cooperative and sustainable security'",
    ),
    (
        "xin-an-quan-guan",
        "common, comprehensive, cooperative and sustainable security",
        "President Xi Jinping proposed ",
        "bounds: the matcher finds 'vision of common, comprehensive, cooperative and sustainable security'",
    ),
    (
        "yi-fa-zhi-guo",
        "overall law-based governance",
        "Since the 18th CPC National Congress, th",
        "bounds: the matcher finds 'law-based governance'",
    ),
    (
        "yi-fa-zhi-guo",
        "overall law-based governance",
        "As an important part",
        "bounds: the matcher finds 'law-based governance'",
    ),
    (
        "fa-zhi-zheng-fu",
        "law-based government",
        "The meeting asked th",
        "bounds: the matcher finds 'building a law-based government'",
    ),
    (
        "shuang-xun-huan",
        "new development pattern with the major domestic cycle as the main body and the international and domestic double cycles reinforcing each other",
        "Therefore, we must a",
        "bounds: the matcher finds 'new development pattern'",
    ),
    (
        "shuang-xun-huan",
        "dual circulation\" development pattern",
        "The core of China's ",
        "bounds: the matcher finds '\"dual circulation\" development pattern'",
    ),
    (
        "shuang-xun-huan",
        "dual circulation” economic development pattern",
        "In this context, the",
        "bounds: the matcher finds 'dual circulation'",
    ),
    (
        "shuang-xun-huan",
        "以国内大循环为主体、国内国际双循环相互促进的新发展格局",
        "习近平总书记指出要充分发挥中国超大规模市",
        "bounds: the matcher finds '国内国际双循环' and '新发展格局'",
    ),
    (
        "shuang-xun-huan",
        "dual circulation\" development paradigm",
        "The \"dual circulatio",
        "bounds: the matcher finds 'dual circulation'",
    ),
    (
        "dang-de-jian-she-xin-de-wei-da-gong-cheng",
        "great new project of Party building in the new era",
        "We must always remai",
        "bounds: the matcher finds 'great new project of Party building'",
    ),
    (
        "zi-wo-ge-ming",
        "Party’s self-revolution",
        "Relying on the Party",
        "bounds: the matcher finds 'self-revolution'",
    ),
    (
        "fang-zhi-gui-mo-xing-fan-pin",
        "prevent any large-scale regression into poverty",
        "President Xi Jinping has consi",
        "bounds: the matcher finds 'large-scale regression into poverty'",
    ),
    (
        "tuo-pin-gong-jian",
        "critical battle against poverty",
        "BEIJING, March 5 (Xi",
        "bounds: the matcher finds 'battle against poverty'",
    ),
    (
        "fang-zhi-gui-mo-xing-fan-pin",
        "forestall any large-scale relapse into poverty",
        "\"We established effe",
        "bounds: the matcher finds 'large-scale relapse into poverty'",
    ),
    (
        "tan-da-feng-tan-zhong-he",
        "dual carbon” goals",
        "Since China’s pledge",
        "bounds: the matcher finds '“dual carbon” goals'",
    ),
    (
        "tan-da-feng-tan-zhong-he",
        "碳達峰、碳中和目標",
        "碳達峰、碳中和目標的實現需要一場深刻的社",
        "bounds: the matcher finds '碳達峰、碳中和'",
    ),
    (
        "feng-qiao-jing-yan",
        "枫桥经验",
        "在此背景下,以源头治理消解矛盾、化解风险",
        "bounds: the matcher finds '新时代“枫桥经验”'",
    ),
    (
        "liu-wen-liu-bao",
        "六穩’、‘六保",
        "“宏觀政策要穩健有效”“要繼續實施積極的",
        "bounds: the matcher finds '六穩' and '六保'",
    ),
    (
        "zhan-lve-ding-li",
        "戰略定力",
        "中央經濟工作會議作出了一系列精準務實部署",
        "bounds: the matcher finds '保持戰略定力'",
    ),
    (
        "wen-zhong-qiu-jin",
        "穩中求進",
        "中共中央總書記習近平主持並發表重要講話強",
        "bounds: the matcher finds '穩中求進工作總基調'",
    ),
    (
        "bei-an-shen-cha",
        "recording and review",
        "The system of record",
        "bounds: the matcher finds 'recording and review of normative documents'",
    ),
    (
        "mian-bei-si-da-jia-zu",
        "four major criminal families in the Kokang region",
        "The four major crimi",
        "bounds: the matcher finds 'four major criminal families'",
    ),
    (
        "duo-dang-he-zuo-zhi-du",
        "multiparty cooperation and political consultation under the leadership of the Communist Party of China",
        "The Chinese People's",
        "bounds: the matcher finds 'multiparty cooperation and political consultation'",
    ),
    (
        "duo-dang-he-zuo-zhi-du",
        "multiparty cooperation and political consultation under the leadership of the Communist Party of China",
        "It is a key mechanis",
        "bounds: the matcher finds 'multiparty cooperation and political consultation'",
    ),
];

/// The floor for the held-out set, per expected term. Measured 0.797 before the glossary took
/// its wordings (the out-of-sample figure), 0.988 after.
const REAL_HELDOUT_RECALL_FLOOR: f64 = 0.95;

/// Cases of the second held-out set that fail today, listed as in [`KNOWN_MISSES`]: six misses,
/// then the terms found with other bounds (they count as found in the recall).
const REAL_HELDOUT_2_KNOWN_MISSES: &[(&str, &str, &str, &str)] = &[
    (
        "gang-ao-ban",
        "Hong Kong and Macao Affairs Office",
        "director of State Council's Hong Kong and Macao Affairs Office",
        "bounds: the glossary's name 'State Council Hong Kong and Macao Affairs Office' takes in the State Council's",
    ),
    (
        "zhong-yang-cai-jing-wei",
        "Central Committee for Financial and Economic Affairs",
        "On 16 October, Qiushi, the main theoreti",
        "matcher: leftmost-longest; 'party’s Central Committee' (zhong-gong-zhong-yang) starts earlier and wins the overlap",
    ),
    (
        "san-da-quan-qiu-chang-yi",
        "Three Global Initiatives",
        "(II) Implementing the \"Three Global Init",
        "gated: a heading with no cue for 'three global initiatives'",
    ),
    (
        "wen-hua-zi-xin",
        "Cultural self-confidence",
        "Cultural self-confidence is the full aff",
        "gated: the sentence (a definition) has no cue for 'cultural self-confidence'",
    ),
    (
        "mei-li-zhong-guo",
        "beautiful China",
        "A green picture of the new era is being ",
        "gated: 'beautiful China' has none of the cues (the sentence speaks of a 'green picture')",
    ),
    (
        "liang-an-guan-xi-he-ping-fa-zhan",
        "cross-strait relations will be able to return to the correct track of peaceful development",
        "By adhering to the \"consensus of '92\" an",
        "paraphrase: a clause splits the term ('cross-strait relations will be able to return to ... peaceful development')",
    ),
    (
        "hei-e-shi-li",
        "evil forces",
        "Some rural areas and industries are the ",
        "glossary: machine translation dropped 黑 of 黑恶势力; 'evil forces' alone is ordinary English (gated under e-shi-li) and the sentence has no cue",
    ),
    // Found by the right entry, with other bounds than the expected span:
    (
        "si-ge-quan-mian",
        "\"four comprehensive\" strategic layout",
        "Since the 18th National Congress of the ",
        "bounds: the matcher finds 'four comprehensive'",
    ),
    (
        "quan-guo-ren-min-dai-biao-da-hui",
        "Fifth Session of the Thirteenth National People's Congress",
        "When participating in the deliberations ",
        "bounds: the matcher finds 'National People's Congress'",
    ),
    (
        "si-ge-quan-mian",
        "\"four comprehensive\" strategic layout",
        "After ten years of sharpening a sword, s",
        "bounds: the matcher finds 'four comprehensive'",
    ),
    (
        "fan-fu-bai-ya-dao-xing-sheng-li",
        "anti-corruption struggle has won an overwhelming victory and has been consolidated in an all-round way",
        "The scholars interviewed pointed out tha",
        "bounds: the matcher finds 'anti-corruption struggle has won an overwhelming victory'",
    ),
    (
        "ba-xiang-gui-ding",
        "spirit of the eight central regulations",
        "On the surface, implementing the spirit ",
        "bounds: the matcher finds 'eight central regulations'",
    ),
    (
        "lao-hu-cang-ying-yi-qi-da",
        "\"fight tigers\", \"slap flies\"",
        "In the eight years since the promulgatio",
        "bounds: the matcher finds 'tigers' and 'slap flies'",
    ),
    (
        "bai-nian-wei-you-zhi-da-bian-ju",
        "profound changes unseen in the world in a century",
        "The profound changes unseen in the world",
        "bounds: the matcher finds 'changes unseen in the world in a century'",
    ),
    (
        "yi-di-fu-pin-ban-qian",
        "relocation for poverty alleviation and relocation in easy places",
        "Under the current standards, all rural p",
        "bounds: the matcher finds 'relocation for poverty alleviation'",
    ),
    (
        "zhong-hua-min-zu-wei-da-fu-xing",
        "Chinese dream of the great rejuvenation of the Chinese nation",
        "Since the 18th National Congress of the ",
        "bounds: the matcher finds 'great rejuvenation of the Chinese nation'",
    ),
    (
        "dang-zhi-hui-qiang",
        "The party commands the guns",
        "The party commands the guns to consolida",
        "bounds: the matcher finds 'party commands the guns'",
    ),
    (
        "wang-luo-sheng-tai",
        "good network ecology",
        "How to further improve the work of pipe ",
        "bounds: the matcher finds 'formation of a good network ecology'",
    ),
    (
        "wang-luo-qiang-guo",
        "build up its strength in cyberspace",
        "In the new era, guided by Xi Jinping Tho",
        "bounds: the matcher finds 'strength in cyberspace'",
    ),
    (
        "zhong-yang-zheng-zhi-ju",
        "Political Bureau of the Central Committee of the Communist Party of China",
        "Wang, also a member of the Political Bur",
        "bounds: the matcher finds 'Political Bureau of the Central Committee'",
    ),
    (
        "yi-dai-yi-lu",
        "high-quality joint construction of the \"Belt and Road\"",
        "(1) Promote high-quality joint construct",
        "bounds: the matcher finds 'Belt and Road'",
    ),
    (
        "shi-si-jie-quan-guo-ren-da",
        "second session of the 14th National People's Congress",
        "Building a community with a shared futur",
        "bounds: the matcher finds '14th National People's Congress'",
    ),
    (
        "yi-dai-yi-lu",
        "high-quality Belt and Road cooperation",
        "The foreign minister said that with this",
        "bounds: the matcher finds 'Belt and Road'",
    ),
    (
        "ren-zui-ren-fa-cong-kuan",
        "system of leniency for those who confess and accept punishment",
        "Article 1: These measures are drafted on",
        "bounds: the matcher finds 'leniency for those who confess and accept punishment'",
    ),
    (
        "guo-tai-ban",
        "Taiwan Affairs Office of China's State Council",
        "The agreement between Lien and Hu takes ",
        "bounds: the matcher finds 'Taiwan Affairs Office'",
    ),
    (
        "san-ge-dai-biao",
        "important thinking of the \"Three Represents\"",
        "Article II  The party's discipline const",
        "bounds: the matcher finds 'Three Represents'",
    ),
    (
        "dang-yao-guan-dang",
        "the party must manage the party and govern the party strictly",
        "Article 3: Adhere to the principle that ",
        "bounds: the matcher finds 'party must manage the party'",
    ),
    (
        "dang-yao-guan-dang",
        "the Party should supervise its own conduct and run itself with strict discipline",
        "\"To forge iron, one must be strong.\" Our",
        "bounds: the matcher finds 'Party should supervise its own conduct and run itself with strict discipline'",
    ),
    (
        "ding-ding-zi-jing-shen",
        "The spirit of perseverance",
        "The spirit of perseverance has long been",
        "bounds: the matcher finds 'spirit of perseverance'",
    ),
    (
        "fa-zhi-zhong-guo",
        "法治中国",
        "着力推进更高水平的平安中国、法治中国建设,自觉在提升国家治理效能中担当作为。",
        "bounds: the matcher finds '法治中国建设'",
    ),
    (
        "liu-wen-liu-bao",
        "“六稳”“六保”",
        "坚决贯彻党中央统筹推进疫情防控和经济社会发展部署,制定实施“11条意见”,服务“",
        "bounds: the matcher finds '六稳”“六保'",
    ),
    (
        "fang-zhi-gui-mo-xing-fan-pin",
        "不发生规模性返贫底线",
        "一是健全防止返贫动态监测和帮扶机制,让群众稳定脱贫的基础更加坚实,坚决守住不发生",
        "bounds: the matcher finds '守住不发生规模性返贫底线'",
    ),
    (
        "gong-gu-tuo-zhan-tuo-pin-gong-jian-cheng-guo",
        "巩固拓展脱贫攻坚成果与乡村振兴战略有效衔接",
        "研究梳理脱贫攻坚工作成果、经验和后续工作要求,有助于加快推进巩固拓展脱贫攻坚成果",
        "bounds: the matcher finds '巩固拓展脱贫攻坚成果'",
    ),
    (
        "shuang-xun-huan",
        "\"dual-circulation\" economic pattern",
        "China has adhered to a \"dual-circulation",
        "bounds: the matcher finds 'dual-circulation'",
    ),
    (
        "shuang-xun-huan",
        "new development pattern with the domestic big cycle as the main body and the domestic and international double cycles promoting each other",
        "The Central Committee of the Communist P",
        "bounds: the matcher finds 'new development pattern' and 'domestic big cycle' and 'double cycles'",
    ),
    (
        "si-ge-zi-xin",
        "road confidence, theoretical confidence, institutional confidence, and most fundamentally, cultural confidence",
        "Xi Jinping pointed out that \"we have to ",
        "bounds: the matcher finds 'road confidence, theoretical confidence, institutional confidence'",
    ),
    (
        "zhong-hua-min-zu-wei-da-fu-xing",
        "Chinese Dream of the Great Rejuvenation of the Chinese Nation",
        "Since the 19th CPC National Congress, Ge",
        "bounds: the matcher finds 'Great Rejuvenation of the Chinese Nation'",
    ),
    (
        "zhu-ti-jiao-yu",
        "education on the theme of learning and implementing socialism with Chinese characteristics for a new era",
        "Focusing on leading cadres at and above ",
        "bounds: the matcher finds 'education on the theme of learning and implementing'",
    ),
    (
        "you-luan-dao-zhi-you-zhi-ji-xing",
        "transition from chaos to governance",
        "As the top central government official i",
        "bounds: the matcher finds 'from chaos to governance'",
    ),
    (
        "shan-shui-lin-tian-hu-cao-sha",
        "统筹山水林田湖草系统治理",
        "2018 年 6 月,习近平总书记在山东考察时强调,良好生态环境是经济社会持续健",
        "bounds: the matcher finds '山水林田湖草'",
    ),
    (
        "guo-tai-ban",
        "Taiwan State Affairs Office of the State Council",
        "Taiwan State Affairs Office of the State",
        "bounds: the matcher finds 'Taiwan State Affairs Office'",
    ),
    (
        "tai-du",
        "“Taiwan independence” separatism",
        "The Chinese government’s position of uph",
        "bounds: the matcher finds 'Taiwan independence'",
    ),
    (
        "ba-xiang-gui-ding",
        "十八届中央政治局关于改进工作作风、密切联系群众的八项规定",
        "2012年12月4日,党的十八大闭幕不到一个月,中央政治局召开会议,审议通过《十",
        "bounds: the matcher finds '八项规定'",
    ),
    (
        "zuo-feng-jian-she",
        "作风建设",
        "2012年12月4日,党的十八大闭幕不到一个月,中央政治局召开会议,审议通过《十",
        "bounds: the matcher finds '加强作风建设'",
    ),
    (
        "wei-ji-ceng-jian-fu",
        "整治形式主义为基层减负",
        "9月10日,中共中央政治局委员、中央书记处书记、中央办公厅主任丁薛祥在京主持召开",
        "bounds: the matcher finds '为基层减负'",
    ),
    (
        "wei-ji-ceng-jian-fu",
        "基层减负年",
        "9月10日,中共中央政治局委员、中央书记处书记、中央办公厅主任丁薛祥在京主持召开",
        "bounds: the matcher finds '基层减负'",
    ),
    (
        "liang-ge-yi-bai-nian",
        "“two hundred years” struggle goal",
        "Seriously studying these new ideas is of",
        "bounds: the matcher finds 'two hundred years'",
    ),
    (
        "zhong-hua-min-zu-wei-da-fu-xing",
        "Chinese dream of the great rejuvenation of the Chinese nation",
        "Seriously studying these new ideas is of",
        "bounds: the matcher finds 'great rejuvenation of the Chinese nation'",
    ),
    (
        "shu-zi-zhong-guo",
        "digital China construction",
        "During his work in Fujian, he creatively",
        "bounds: the matcher finds 'digital China'",
    ),
    (
        "zhong-hua-min-zu-wei-da-fu-xing",
        "Chinese dream of national rejuvenation",
        "The minister said China’s diplomatic eff",
        "bounds: the matcher finds 'national rejuvenation'",
    ),
    (
        "yi-dai-yi-lu",
        "\"One Belt and One Road\" initiatives",
        "Last year, the Chinese president launche",
        "bounds: the matcher finds 'One Belt and One Road'",
    ),
    (
        "sao-hei-chu-e",
        "Sweeping the underworld and evil",
        "Sweeping the underworld and evil is a lo",
        "bounds: the matcher finds 'underworld and evil'",
    ),
    (
        "ling-rong-ren",
        "zero-tolerance attitude",
        "Where there is corruption, there must be",
        "bounds: the matcher finds 'zero-tolerance'",
    ),
    (
        "bu-zheng-zhi-feng",
        "unhealthy tendencies and evil tendencies",
        "Through unremitting efforts, some unheal",
        "bounds: the matcher finds 'unhealthy tendencies'",
    ),
    (
        "guan-dang-zhi-dang-kuan-song-ruan",
        "lax and soft situation of managing the party and administering the party",
        "Through unremitting efforts, some unheal",
        "bounds: the matcher finds 'lax and soft situation of managing the party'",
    ),
    (
        "wu-jin-qu-quan-fu-gai-ling-rong-ren",
        "knows no bounds, and will leave no ground uncovered and show no mercy",
        "This fight knows no bounds, and will lea",
        "bounds: the matcher finds 'leave no ground uncovered and show no mercy'",
    ),
];

/// The floor for the second held-out set, per expected term. Measured 0.828 before the glossary
/// took its wordings (the out-of-sample figure, on the first 175 sentences as committed; 0.809 on
/// all 190 with the final labels), 0.985 after.
const REAL_HELDOUT_2_RECALL_FLOOR: f64 = 0.95;

/// Cases of the third held-out set that fail today, listed as in [`KNOWN_MISSES`]: six misses,
/// and the terms found with other bounds (they count as found in the recall).
const REAL_HELDOUT_3_KNOWN_MISSES: &[(&str, &str, &str, &str)] = &[
    (
        "fa-zhi-si-wei",
        "rule of law thinking and method",
        "The procuratorial public interest litiga",
        "bounds: the matcher finds 'rule of law thinking'",
    ),
    (
        "zhong-gong-zhong-yang-zong-shu-ji",
        "General Secretary",
        "General Secretary Xi Jinping delivered a",
        "bounds: the matcher finds 'General Secretary Xi Jinping'",
    ),
    (
        "ji-lv-chu-fen-tiao-li",
        "newly revised disciplinary regulations",
        "General Secretary Xi Jinping delivered a",
        "bounds: the matcher finds 'disciplinary regulations'",
    ),
    (
        "dang-yao-guan-dang",
        "the party should manage the party and administer the party strictly",
        "Over the past 100 years and more, the pa",
        "bounds: the matcher finds 'party should manage the party'",
    ),
    (
        "ke-ji-zi-li-zi-qiang",
        "high-level scientific and technological self-reliance and self-improvement",
        "A deep grasp of the great significance, ",
        "bounds: the matcher finds 'high-level scientific and technological self-reliance'",
    ),
    (
        "ke-ji-zi-li-zi-qiang",
        "high-level scientific and technological self-reliance and self-reliance",
        "The report of the 20th National Congress",
        "bounds: the matcher finds 'high-level scientific and technological self-reliance'",
    ),
    (
        "dang-jian",
        "strengthening party building",
        "Strengthening inner-party supervision is",
        "bounds: the matcher finds 'party building'",
    ),
    (
        "wei-da-dou-zheng",
        "great struggle with many new historical characteristics",
        "Our party is carrying out a great strugg",
        "bounds: the matcher finds 'great struggle'",
    ),
    (
        "nian-qing-gan-bu",
        "outstanding young cadres",
        "The report of the 20th National Congress",
        "bounds: the matcher finds 'young cadres'",
    ),
    (
        "quan-mian-cong-yan-zhi-dang",
        "comprehensive and strict governance of the party and the army",
        "The conference focused on promoting comp",
        "bounds: the matcher finds 'comprehensive and strict governance of the party'",
    ),
    (
        "zong-jiao-xin-yang-zi-you-zheng-ce",
        "party’s policy of freedom of religious belief",
        "It is necessary to fully implement the p",
        "bounds: the matcher finds 'policy of freedom of religious belief'",
    ),
    (
        "gong-gu-tuo-zhan-tuo-pin-gong-jian-cheng-guo",
        "consolidate and expand poverty alleviation efforts and effectively linked them with rural revitalization",
        "We coordinated efforts to consolidate an",
        "bounds: the matcher finds 'consolidate and expand poverty alleviation efforts'",
    ),
    (
        "san-nong",
        "\"three rural\" work",
        "The meeting pointed out that the party c",
        "bounds: the matcher finds 'three rural'",
    ),
    (
        "gong-tong-fu-yu",
        "all the people’s common prosperity",
        "The meeting pointed out that the party c",
        "bounds: the matcher finds 'common prosperity'",
    ),
    (
        "zhong-gong-zhong-yang-zong-shu-ji",
        "General Secretary",
        "To unify our thoughts and actions to Gen",
        "bounds: the matcher finds 'General Secretary Xi Jinping'",
    ),
    (
        "xiang-cun-zhen-xing",
        "rural rejuvenation strategy",
        "In the 2021 province's strategic assessm",
        "bounds: the matcher finds 'rural rejuvenation'",
    ),
    (
        "xin-fa-zhan-li-nian",
        "fully, accurately, and comprehensively implement the new development concept",
        "Emphasizing the importance of doing a go",
        "bounds: the matcher finds 'new development concept'",
    ),
    (
        "she-mi-zhi-feng",
        "waste",
        "From the CCDI website’s “fight the four ",
        "glossary: 'waste' alone is too generic a form for 奢靡之风",
    ),
    (
        "dang-de-shi-ba-da",
        "Partys 18th National Congress",
        "Since the Partys 18th National Congress,",
        "matcher: the source drops the apostrophe ('Partys'), which no inflection gives",
    ),
    (
        "xin-shi-dai",
        "Socialism with Chinese Characteristics entering a new era",
        "Since the Partys 18th National Congress,",
        "bounds: the matcher finds 'new era'",
    ),
    (
        "yi-gui-zhi-dang",
        "bolstering self-governance through institutional building and rule-based Party self-governance",
        "Since the Partys 18th National Congress,",
        "bounds: the matcher finds 'rule-based Party self-governance'",
    ),
    (
        "dang-nei-fa-gui",
        "Intraparty Rules and Regulations of the Communist Party of China",
        "Since the Partys 18th National Congress,",
        "bounds: the matcher finds 'Intraparty Rules and Regulations'",
    ),
    (
        "jian-cha-ji-guan",
        "pro-curatorial organs",
        "Chinese pro-curatorial organs started ex",
        "matcher: a hyphen inside a word ('pro-curatorial')",
    ),
    (
        "ren-min-jian-cha-yuan",
        "Xuhui Procuratorate",
        "The Xuhui Procuratorate has also establi",
        "bounds: the matcher finds 'Procuratorate'",
    ),
    (
        "fang-zhi-gui-mo-xing-fan-pin",
        "prevent large scale re-emergence of poverty",
        "Officials also said it is vital to help ",
        "bounds: the matcher finds 'large scale re-emergence of poverty'",
    ),
    (
        "xiang-cun-zhen-xing",
        "rural revitalization strategy",
        "The rural revitalization strategy was im",
        "gated: the sentence stands alone, with none of the cues",
    ),
    (
        "zi-you-mao-yi-shi-yan-qu",
        "自由贸易试验区提升战略",
        "优化区域开放布局,实施自由贸易试验区提升战略,发挥好海南自由贸易港、各类开发区等",
        "bounds: the matcher finds '自由贸易试验区'",
    ),
    (
        "yi-di-fu-pin-ban-qian",
        "residents relocated from inhospitable areas",
        "We stepped up support for areas where re",
        "bounds: the matcher finds 'relocated from inhospitable areas'",
    ),
    (
        "da-shui-man-guan",
        "大水漫灌",
        "把年度主要预期目标作为一个有机整体来把握,加强区间调控、定向调控、相机调控、精准",
        "bounds: the matcher finds '不搞“大水漫灌”'",
    ),
    (
        "da-shui-man-guan",
        "a deluge of strong stimulus policies",
        "We took decisive measures to step up mac",
        "bounds: the matcher finds 'deluge of strong stimulus'",
    ),
    (
        "tai-du",
        "\"Taiwan independence\" forces",
        "These actions are stern warning against ",
        "bounds: the matcher finds '\"Taiwan independence\" separatist forces'",
    ),
    (
        "zhan-qu",
        "PLA Eastern Theater Command",
        "The troops of the PLA Eastern Theater Co",
        "bounds: the matcher finds 'Eastern Theater Command'",
    ),
    (
        "tai-du",
        "secessionist attempts for ‘Taiwan independence’",
        "The troops of the PLA Eastern Theater Co",
        "bounds: the matcher finds 'Taiwan independence'",
    ),
    (
        "tai-du",
        "\"Taiwan independence\" separatists",
        "He said the move is a severe warning for",
        "bounds: the matcher finds 'Taiwan independence'",
    ),
    (
        "guo-fang-bu",
        "China's Ministry of National Defense",
        "Zhang Xiaogang, spokesman for China's Mi",
        "bounds: the matcher finds 'Ministry of National Defense'",
    ),
    (
        "zhong-yang-zheng-zhi-ju-wei-yuan",
        "member of the Politburo of the CPC",
        "General Zhang Youxia, member of the Poli",
        "bounds: the matcher finds 'member of the Politburo'",
    ),
    (
        "dang-zhi-hui-qiang",
        "The Party commands the gun",
        "He pointed out that the military will fo",
        "bounds: the matcher finds 'Party commands the gun'",
    ),
    (
        "shi-jie-yi-liu-jun-dui",
        "elevating the people's armed forces to world-class standards",
        "BEIJING -- Xi Jinping said on Sunday ach",
        "bounds: the matcher finds 'armed forces to world-class standards'",
    ),
    (
        "ren-lei-ming-yun-gong-tong-ti",
        "building a community with a shared future for mankind",
        "The Central Conference on Work Relating ",
        "bounds: the matcher finds 'community with a shared future for mankind'",
    ),
    (
        "zhong-guo-te-se-da-guo-wai-jiao",
        "major-country diplomacy with Chinese characteristics for the new era",
        "The Central Conference on Work Relating ",
        "bounds: the matcher finds 'major-country diplomacy with Chinese characteristics'",
    ),
    (
        "ren-lei-ming-yun-gong-tong-ti",
        "building a community with a shared future for mankind",
        "Since the 18th National Congress of the ",
        "bounds: the matcher finds 'community with a shared future for mankind'",
    ),
    (
        "guo-wu-wei-yuan",
        "State Councilor",
        "Chinese State Councilor and Foreign Mini",
        "bounds: the matcher finds 'Chinese State Councilor'",
    ),
    (
        "ren-lei-ming-yun-gong-tong-ti",
        "building a community with a shared future for humanity",
        "It is an important effort to implement t",
        "bounds: the matcher finds 'community with a shared future for humanity'",
    ),
    (
        "ren-lei-ming-yun-gong-tong-ti",
        "building of a community with a shared future for humankind",
        "The building of a community with a share",
        "bounds: the matcher finds 'community with a shared future for humankind'",
    ),
    (
        "sheng-tai-wen-ming",
        "institutional framework for ecological civilization",
        "To advance its modernization journey, Ch",
        "bounds: the matcher finds 'ecological civilization'",
    ),
    (
        "fen-ji-zhen-liao",
        "tiered diagnosis and treatment system",
        "According to Lei, developing a tiered di",
        "bounds: the matcher finds 'tiered diagnosis and treatment'",
    ),
    (
        "yi-lian-ti",
        "tightly-knit medical consortia",
        "According to Lei, building tightly-knit ",
        "bounds: the matcher finds 'medical consortia'",
    ),
    (
        "wen-zhong-qiu-jin",
        "general principle of pursuing progress while ensuring stability",
        "He stressed that to do the economic work",
        "bounds: the matcher finds 'pursuing progress while ensuring stability'",
    ),
    (
        "xin-fa-zhan-li-nian",
        "fully, faithfully and comprehensively implementing the new development philosophy",
        "He called for fully, faithfully and comp",
        "bounds: the matcher finds 'new development philosophy'",
    ),
    (
        "xin-fa-zhan-li-nian",
        "完整、準確、全面貫徹新發展理念",
        "會議要求,市人民政府要堅持以習近平新時代中國特色社會主義思想為指導,全面貫徹落實",
        "bounds: the matcher finds '新發展理念'",
    ),
    (
        "quan-mian-shen-hua-gai-ge",
        "全面深化改革開放",
        "會議要求,市人民政府要堅持以習近平新時代中國特色社會主義思想為指導,全面貫徹落實",
        "bounds: the matcher finds '全面深化改革'",
    ),
    (
        "shi-si-jie-quan-guo-ren-da",
        "十四届全国人大一次会议",
        "2023年3月,习近平总书记在参加十四届全国人大一次会议江苏代表团审议时,强调要",
        "bounds: the matcher finds '十四届全国人大'",
    ),
    (
        "min-zu-tuan-jie-jin-bu",
        "民族团结进步教育",
        "要以铸牢中华民族共同体意识为主线,大力开展民族团结进步教育,加强中华民族共同体历",
        "bounds: the matcher finds '民族团结进步'",
    ),
    (
        "ge-min-zu-jiao-wang-jiao-liu-jiao-rong",
        "各民族交往交流交融",
        "要以铸牢中华民族共同体意识为主线,大力开展民族团结进步教育,加强中华民族共同体历",
        "bounds: the matcher finds '促进各民族交往交流交融'",
    ),
    (
        "she-zang-wen-ti",
        "涉藏工作",
        "要坚决贯彻党中央关于涉藏工作的决策部署,多谋长远之策,多行固本之举,旗帜鲜明地开",
        "bounds: the matcher finds '涉藏'",
    ),
    (
        "du-li-zi-zhu-zi-ban",
        "独立自主自办原则",
        "宗教工作本质上是群众工作,要全面贯彻党的宗教信仰自由政策,依法管理宗教事务,坚持",
        "bounds: the matcher finds '坚持独立自主自办原则'",
    ),
    (
        "dang-de-er-shi-da",
        "党的二十大报告",
        "党的二十大报告提出,“加强城市社区党建工作,推进以党建引领基层治理”“把基层党组",
        "bounds: the matcher finds '党的二十大'",
    ),
    (
        "dang-jian-yin-ling",
        "以党建引领基层治理",
        "党的二十大报告提出,“加强城市社区党建工作,推进以党建引领基层治理”“把基层党组",
        "bounds: the matcher finds '以党建引领'",
    ),
    (
        "zhan-dou-bao-lei",
        "把基层党组织建设成为有效实现党的领导的坚强战斗堡垒",
        "党的二十大报告提出,“加强城市社区党建工作,推进以党建引领基层治理”“把基层党组",
        "bounds: the matcher finds '坚强战斗堡垒'",
    ),
    (
        "li-de-shu-ren",
        "落实立德树人根本任务",
        "金所军强调,要切实提高政治站位,把强化党建引领和落实立德树人根本任务统一起来,把",
        "bounds: the matcher finds '立德树人根本任务'",
    ),
    (
        "dang-de-quan-mian-ling-dao",
        "堅持黨對教育事業的全面領導",
        "《綱要》提出,要堅持黨對教育事業的全面領導,突出促進公平、提高質量,強化戰略引領",
        "bounds: the matcher finds '黨對教育事業的全面領導'",
    ),
    (
        "zhong-yang-quan-mian-guan-zhi-quan",
        "中央对香港全面管治权",
        "战略运筹要实现中央对香港全面管治权和特区高度自治权的高质量结合;框架结构应与民族",
        "bounds: the matcher finds '全面管治权'",
    ),
    (
        "gang-ren-zhi-gang",
        "高度自治权",
        "战略运筹要实现中央对香港全面管治权和特区高度自治权的高质量结合;框架结构应与民族",
        "bounds: the matcher finds '高度自治'",
    ),
    (
        "zhi-hui-fa-yuan",
        "intelligent court system",
        "The word we talk about today is“智慧法院”——i",
        "bounds: the matcher finds 'intelligent court'",
    ),
    (
        "dang-de-quan-mian-ling-dao",
        "Party's overall leadership over education",
        "To adhere to the direction of running a ",
        "bounds: the matcher finds 'Party's overall leadership'",
    ),
    (
        "li-de-shu-ren",
        "fundamental task of educating people by moral education",
        "We should fully implement the Party's ed",
        "bounds: the matcher finds 'educating people by moral education'",
    ),
    (
        "gong-tong-fu-yu",
        "common prosperity of all people",
        "2. Building an education power is a stra",
        "bounds: the matcher finds 'common prosperity'",
    ),
    (
        "zhong-guo-shi-xian-dai-hua",
        "modernization of China",
        "2. Building an education power is a stra",
        "glossary: 'modernization of China' is too generic a form for 中国式现代化",
    ),
    (
        "ke-jiao-xing-guo",
        "strategy of rejuvenating the country through science and education",
        "Otherwise, quality education will not ge",
        "bounds: the matcher finds 'rejuvenating the country through science and education'",
    ),
    (
        "fa-zhi-zhong-guo",
        "法治中国",
        "社会主义法治国家建设深入推进,全面依法治国总体格局基本形成,中国特色社会主义法治",
        "bounds: the matcher finds '法治中国建设'",
    ),
];

/// The floor for the third held-out set, per expected term. Measured 0.794 before the glossary
/// took its wordings (the out-of-sample figure, 258 of 325 terms on the labels as first
/// committed; 0.800 on the final labels), 0.985 after.
const REAL_HELDOUT_3_RECALL_FLOOR: f64 = 0.95;

/// Cases of the fourth held-out set that fail today, listed as in [`KNOWN_MISSES`]: 15
/// misses, and the terms found with other bounds (they count as found in the recall).
const REAL_HELDOUT_4_KNOWN_MISSES: &[(&str, &str, &str, &str)] = &[
    (
        "zhong-guo-shi-xian-dai-hua",
        "China's modernization",
        "Linking the private economy with China's",
        "gated or too generic: no cue nearby, or a phrase ordinary English uses",
    ),
    (
        "xin-fa-zhan-li-nian",
        "concepts of innovative, coordinated, green, open, and inclusive development",
        "Based on its own national conditions and",
        "bounds: the matcher finds 'innovative, coordinated, green, open, and inclusive development'",
    ),
    (
        "geng-di-hong-xian",
        "red line for its 120 million hectares of cultivated land",
        "It is improving the mechanism for linkin",
        "glossary: a wording tied to one figure, not added",
    ),
    (
        "xin-fang",
        "petition letters",
        "Since its inception, the MVA has transfe",
        "gated or too generic: no cue nearby, or a phrase ordinary English uses",
    ),
    (
        "zhong-yang-ji-wei",
        "Central Commission for Discipline Inspection",
        "The Party's Central Commission for Disci",
        "bounds: the matcher finds 'Party's Central Commission for Discipline Inspection'",
    ),
    (
        "zhong-yang-zheng-zhi-ju-ji-ti-xue-xi",
        "study session of the Political Bureau of the Communist Party of China Central Committee",
        "On September 29, General Secretary Xi Ji",
        "bounds: the matcher finds 'study session of the Political Bureau'",
    ),
    (
        "xi-tong-guan-nian",
        "concept of system",
        "The Party Central Committee adheres to t",
        "gated or too generic: no cue nearby, or a phrase ordinary English uses",
    ),
    (
        "yi-xi-jin-ping-tong-zhi-wei-he-xin-de-dang-zhong-yang",
        "CPC Central Committee with the Supreme Leader as the core",
        "Since the 18th National Congress of the ",
        "glossary: a reposting site's substitution; the other sets label it zhong-gong-zhong-yang",
    ),
    (
        "zong-jiao-zhong-guo-hua",
        "sinicization of religions in China",
        "At a national religious affairs conferen",
        "bounds: the matcher finds 'sinicization of religions'",
    ),
    (
        "zong-jiao-zhong-guo-hua",
        "sinicization of religions in China",
        "Urging religions to adapt to a socialist",
        "bounds: the matcher finds 'sinicization of religions'",
    ),
    (
        "zong-jiao-zhong-guo-hua",
        "religions in China adapt more to the Chinese context",
        "He stressed the importance of ensuring t",
        "glossary: a garbled machine wording, not added",
    ),
    (
        "ji-ji-yin-dao-zong-jiao-yu-she-hui-zhu-yi-she-hui-xiang-shi-ying",
        "provide active advice to religions so that they can adapt to a socialist society",
        "He stressed the importance of ensuring t",
        "glossary: a garbled machine wording, not added",
    ),
    (
        "chang-xiao-ji-zhi",
        "房地产长效机制",
        "22日召开的加快发展保障性租赁住房和进一步做好房地产市场调控工作电视电话会议,传",
        "bounds: the matcher finds '长效机制'",
    ),
    (
        "xin-fa-zhan-li-nian",
        "完整、准确、全面贯彻新发展理念",
        "审计结果表明,在区委、区政府坚强领导下,各有关部门和单位坚持以习近平新时代中国特",
        "bounds: the matcher finds '新发展理念'",
    ),
    (
        "wen-zhong-qiu-jin",
        "稳中求进的工作总基调",
        "2017年12月,习近平主席在全国政协新年茶话会上指出,2018年要全面贯彻中共",
        "bounds: the matcher finds '稳中求进'",
    ),
    (
        "huo-de-gan",
        "sense of gain",
        "Moreover, in what aspects has the GAC fu",
        "gated or too generic: no cue nearby, or a phrase ordinary English uses",
    ),
    (
        "xin-fang",
        "信访制度",
        "党在11月中旬公布的改革蓝图提出将改革信访制度,并建立网上投诉体系。",
        "bounds: the matcher finds '信访'",
    ),
    (
        "zhong-guo-shi-xian-dai-hua",
        "modernization of Chinese-style development",
        "The opinions highlight the importance of",
        "bounds: the matcher finds 'modernization of Chinese-style'",
    ),
    (
        "dang-zhang",
        "Party Constitution",
        "China’s basic economic system has been w",
        "gated or too generic: no cue nearby, or a phrase ordinary English uses",
    ),
    (
        "tuo-pin-gong-jian",
        "critical battle against poverty",
        "China has won the critical battle agains",
        "bounds: the matcher finds 'battle against poverty'",
    ),
    (
        "zhong-yang-zheng-zhi-ju-chang-wei-hui",
        "Standing Committee of the Politbureau of the CPC Central Committee",
        "Its current headmaster is Liu Yunshan, a",
        "bounds: the matcher finds 'Standing Committee of the Politbureau'",
    ),
    (
        "shen-ji-shu",
        "National Audit Office",
        "In its report, the National Audit Office",
        "gated or too generic: no cue nearby, or a phrase ordinary English uses",
    ),
    (
        "ren-da-chang-wei-hui",
        "NPC Standing Committee",
        "On the typical, major issues should be e",
        "matcher: the text says NPC for a provincial congress; the national committee's name wins",
    ),
    (
        "zhong-guo-shi-xian-dai-hua",
        "China’s modernization drive",
        "We must unswervingly follow the path of ",
        "gated or too generic: no cue nearby, or a phrase ordinary English uses",
    ),
    (
        "xin-shi-dai",
        "new era",
        "In reviewing the Party and the people's ",
        "gated or too generic: no cue nearby, or a phrase ordinary English uses",
    ),
    (
        "zhu-lao-zhong-hua-min-zu-gong-tong-ti-yi-shi",
        "consolidation of the sense of community for the Chinese nation",
        "He called for the consolidation of the s",
        "bounds: the matcher finds 'sense of community for the Chinese nation'",
    ),
    (
        "tong-zhan-gong-zuo",
        "统一战线工作发展",
        "2020年12月中共中央颁布新修订的《中国共产党统一战线工作条例》(以下简称《条",
        "bounds: the matcher finds '统一战线工作'",
    ),
    (
        "zong-jiao-zhong-guo-hua",
        "深入推進我國宗教中國化",
        "習近平總書記在2021年全國宗教工作會議上強調,“必須堅持我國宗教中國化方向”,",
        "bounds: the matcher finds '堅持我國宗教中國化方向'",
    ),
    (
        "liang-ge-yi-bai-nian",
        "两个一百年",
        "“四个全面”是党中央治国理政的总方略,是实现“两个一百年”奋斗目标、走向中华民族",
        "bounds: the matcher finds '“两个一百年”奋斗目标'",
    ),
    (
        "si-ge-quan-mian",
        "四个全面",
        "适应协调推动“四个全面”战略布局的时代要求,地方人大及其常委会必须在推动人大工作",
        "bounds: the matcher finds '“四个全面”战略布局'",
    ),
    (
        "zhong-yang-zheng-zhi-ju-ji-ti-xue-xi",
        "collective study of the Political Bureau of the Central Committee",
        "General Secretary Xi Jinping attaches gr",
        "bounds: the matcher finds 'collective study of the Political Bureau'",
    ),
    (
        "zhong-gong-zhong-yang",
        "Central Committee",
        "The Central Committee has specifically i",
        "gated or too generic: no cue nearby, or a phrase ordinary English uses",
    ),
];

/// The floor for the fourth held-out set, per expected term. Measured 0.712 before the glossary
/// took its wordings (the out-of-sample figure, 203 of 285 terms on the labels as first
/// committed; 0.666 of 308 on the final labels), 0.948 after.
const REAL_HELDOUT_4_RECALL_FLOOR: f64 = 0.93;

const REAL_HELDOUT_5_KNOWN_MISSES: &[(&str, &str, &str, &str)] = &[
    (
        "ji-wei-jian-wei",
        "纪委监委",
        "这是卫东区纪委监委坚持标本兼治",
        "bounds: found as 区纪委监委, the district body (the glossary takes the level in, as line 78's label does with 市)",
    ),
    (
        "ji-wei-jian-wei",
        "纪委监委",
        "该区纪委监委坚持以案为鉴",
        "bounds: found as 区纪委监委, the district body (the glossary takes the level in, as line 78's label does with 市)",
    ),
    (
        "jian-cha-dui-xiang",
        "supervision objects",
        "nsively covered all supervision objects.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "ji-wei-jian-wei",
        "municipal commission for discipline inspection and inspection",
        "statistics from the municipal commission for discipline inspection and inspection show",
        "label or glossary: ji-wei takes 'municipal commission for discipline inspection'",
    ),
    (
        "mao-ze-dong-si-xiang",
        "Maoism",
        "f Marxism–Leninism, Maoism, Den",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "quan-mian-cong-yan-zhi-dang",
        "exercise strict self-governance over the party in an all-round way",
        "sify our efforts to exercise strict self-governance over the party in an all-round way, imp",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "he-shu-ban-gong",
        "the disciplinary Inspection Commission and the Supervisory Commission work together",
        "he requirement that the disciplinary Inspection Commission and the Supervisory Commission work together, and",
        "label or glossary: ji-wei takes 'disciplinary Inspection Commission'",
    ),
    (
        "dang-he-guo-jia-jian-du-ti-xi",
        "supervisory system of the Party and the state",
        " should improve the supervisory system of the Party and the state and ",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "shen-cha-diao-cha",
        "review and investigation",
        "quired to conduct a review and investigation, the",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zheng-fa-dui-wu-jiao-yu-zheng-dun",
        "education and rectification of the political and legal contingent",
        "at carrying out the education and rectification of the political and legal contingent is a",
        "bounds: found as 'education and rectification'",
    ),
    (
        "zheng-fa-tie-jun",
        "iron army of politics and law",
        "ant way to forge an iron army of politics and law in t",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zheng-fa-gan-jing",
        "political and legal officers",
        " abuse, and educate political and legal officers to r",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "li-an-shen-cha-diao-cha",
        "filed for investigation and investigation",
        "ction; the case was filed for investigation and investigation of 2",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "liu-zhi",
        "detained",
        "1,760 people were detained; 72,",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "xun-shi-quan-fu-gai",
        "全覆盖",
        "巡视工作在要求上严字当头,在布局上实现“全覆盖”,在巡视",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "kai-chu-dang-ji",
        "revoke the membership",
        " prior decisions to revoke the membership of 1",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "yi-song-jian-cha-ji-guan-shen-cha-qi-su",
        "transferred to the procuratorial organs for legal review and prosecution",
        "ng crimes have been transferred to the procuratorial organs for legal review and prosecution.",
        "label or glossary: jian-cha-ji-guan takes 'procuratorial organs'",
    ),
    (
        "zhong-yang-ji-wei-quan-hui",
        "annual plenary meeting",
        "tion, passed at the annual plenary meeting of t",
        "bounds: found as 'plenary meeting of the top anti-corruption watchdog'",
    ),
    (
        "zhong-yang-xun-shi-zu",
        "teams of discipline inspectors",
        "Ten teams of discipline inspectors were",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "sao-hei-chu-e-zhuan-xiang-dou-zheng",
        "three-year nationwide campaign against organized crime",
        "horities launched a three-year nationwide campaign against organized crime, and",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "chang-tai-hua-sao-hei-chu-e",
        "routine crackdown on organized crime and local bullies",
        "cies deepened their routine crackdown on organized crime and local bullies, mai",
        "label or glossary: you-zu-zhi-fan-zui takes 'organized crime'",
    ),
    (
        "lou-tou-jiu-da",
        "foiling such crimes whenever they emerge",
        "levant offenses and foiling such crimes whenever they emerge.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "bao-hu-san",
        "umbrellas",
        "ty-three cases of ''umbrellas'' pr",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "bao-hu-san",
        "offering protection to gang members",
        "rought to trial for offering protection to gang members, inc",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhong-yang-zheng-zhi-ju-chang-wei",
        "member of the Political Bureau of the Standing Committee of the Central Committee of the Communist Party of China",
        "de by Wu Guanzheng, member of the Political Bureau of the Standing Committee of the Central Committee of the Communist Party of China (CPC",
        "label or glossary: zhong-yang-zheng-zhi-ju takes 'Political Bureau'",
    ),
    (
        "yan-zhong-wei-ji-wei-fa",
        "seriously violating discipline",
        "47, is suspected of seriously violating discipline, the",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "ji-wei",
        "provincial discipline watchdog",
        "ing discipline, the provincial discipline watchdog said",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zi-shou",
        "voluntary surrender",
        "t about a wave of \"voluntary surrender\".",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhu-dong-tou-an",
        "actively voting the case",
        "nary violations and actively voting the case.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "shen-cha-diao-cha",
        "review and investigation",
        "ention due to their review and investigation repo",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "nian-qing-gan-bu",
        "young cadres",
        "How can we help young cadres \"fa",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "li-an-shen-cha-diao-cha",
        "filed for investigation",
        "arty Committee, was filed for investigation and ",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "liu-zhi",
        "detention",
        "r investigation and detention for ",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "shen-cha-diao-cha",
        "review and investigation",
        "The review and investigation work",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhong-yang-ji-wei-quan-hui",
        "sixth plenary session of the Party's top discipline watchdog",
        "hile addressing the sixth plenary session of the Party's top discipline watchdog, the",
        "label or glossary: zhong-guo-gong-chan-dang takes 'Party'",
    ),
    (
        "shuang-kai",
        "expelled from the Party and his post",
        "arty committee, was expelled from the Party and his post for ",
        "label or glossary: kai-chu-dang-ji takes 'expelled from the Party'",
    ),
    (
        "dang-nei-jing-gao",
        "internal Party warning",
        "u City, received an internal Party warning and ",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zheng-wu-ji-guo",
        "administrative demerit",
        "l Party warning and administrative demerit for ",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhong-yang-ji-wei-quan-hui",
        "annual conference",
        " hold its three-day annual conference from",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "yi-an-cu-gai",
        "Using Lai Xiaomin’s case to encourage rectification",
        "The report – “Using Lai Xiaomin’s case to encourage rectification” – s",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "san-yan-san-shi",
        "three strictness and three facts",
        " the principle of \"three strictness and three facts\", a",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "liang-mian-ren",
        "both sides",
        "and Zhou Chunyu are both sides of t",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zheng-zhi-sheng-tai",
        "political ecology",
        "der and promoter of political ecology.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhong-yang-quan-hui",
        "十九届二中、三中、四中、五中全会",
        "社会主义思想为指导,深入贯彻党的十九大和十九届二中、三中、四中、五中全会精神,认真",
        "bounds: found as '二中'",
    ),
    (
        "fa-zhi-zhong-guo",
        "法治中国",
        "着力推进更高水平的平安中国、法治中国建设,自觉",
        "bounds: found as '法治中国建设'",
    ),
    (
        "she-hei-she-e",
        "涉黑涉恶",
        "重拳、下重手,自专项斗争开展以来,共批捕涉黑涉恶犯罪案件2",
        "bounds: found as '涉黑涉恶犯罪'",
    ),
    (
        "zheng-shang-gou-lian",
        "collusion between government officials and business people",
        "orruption involving collusion between government officials and business people, and",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "sao-hei-chu-e-zhuan-xiang-dou-zheng",
        "crackdown on gangs and organized crime",
        "5,548 indicted in a crackdown on gangs and organized crime in C",
        "label or glossary: you-zu-zhi-fan-zui takes 'organized crime'",
    ),
    (
        "bao-hu-san",
        "protection umbrellas",
        "ted for providing \"protection umbrellas\" fo",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "hei-she-hui-xing-zhi-zu-zhi",
        "mafia-style organized crime",
        "ene in all cases of mafia-style organized crime in a",
        "label or glossary: you-zu-zhi-fan-zui takes 'organized crime'",
    ),
    (
        "sao-hei-chu-e-zhuan-xiang-dou-zheng",
        "gang crime crackdown",
        "r-general, said the gang crime crackdown is m",
        "label or glossary: sao-hei-chu-e takes 'gang crime crackdown'",
    ),
    (
        "sao-hei-chu-e-zhuan-xiang-dou-zheng",
        "special task of cracking down on organized crimes",
        "nce China started a special task of cracking down on organized crimes in e",
        "label or glossary: you-zu-zhi-fan-zui takes 'organized crimes'",
    ),
    (
        "jian-cha-ji-guan",
        "procuratorial departments",
        "imes in early 2018, procuratorial departments acro",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "chang-tai-hua-sao-hei-chu-e",
        "fight against organized crime",
        "ina intensified its fight against organized crime, the",
        "label or glossary: you-zu-zhi-fan-zui takes 'organized crime'",
    ),
    (
        "dang-ji-zheng-wu-chu-fen",
        "punished for party discipline and government affairs",
        ", 18605 people were punished for party discipline and government affairs.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "wei-gui-shou-song-li-pin-li-jin",
        "illegal collection and delivery of precious specialties and gifts",
        " in July, including illegal collection and delivery of precious specialties and gifts, ill",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "wei-gui-fa-fang-jin-bu-tie",
        "illegal distribution of subsidies or benefits",
        "g and drinking, and illegal distribution of subsidies or benefits, acc",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "wei-fan-zhong-yang-ba-xiang-gui-ding-jing-shen",
        "mental problems in violation of the eight provisions",
        "n and punishment of mental problems in violation of the eight provisions in J",
        "label or glossary: ba-xiang-gui-ding takes 'violation of the eight provisions'",
    ),
    (
        "wei-fan-zhong-yang-ba-xiang-gui-ding-jing-shen",
        "mental problems in violation of the eight provisions",
        " of 10,928 cases of mental problems in violation of the eight provisions of t",
        "label or glossary: ba-xiang-gui-ding takes 'violation of the eight provisions'",
    ),
    (
        "zhong-gong-zhong-yang",
        "central government of the Mainland Government",
        "The central government of the Mainland Government has ",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "ji-lv-chu-fen-tiao-li",
        "Chinese government disciplinary punishment regulations",
        "ly issued a revised Chinese government disciplinary punishment regulations (her",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "xin-shi-dai",
        "new era",
        "his speech that the new era and ",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "ping-an-zhong-guo",
        "safe Zhuanghe",
        "the construction of safe Zhuanghe.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "ping-an-zhong-guo",
        "safe China",
        "g a higher level of safe China.",
        "bounds: found as 'higher level of safe China'",
    ),
    (
        "zheng-fa-gong-zuo-tiao-li",
        "work regulations on its political and legal affairs",
        "CPC) plans to issue work regulations on its political and legal affairs this",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "dang-dui-zheng-fa-gong-zuo-de-jue-dui-ling-dao",
        "absolute Party leadership",
        "in a move to uphold absolute Party leadership.",
        "label or glossary: zhong-guo-gong-chan-dang takes 'Party'",
    ),
    (
        "wei-fan-zhong-yang-ba-xiang-gui-ding-jing-shen",
        "violations of the spirit of the eight point regulations of the central government",
        "l of 43193 cases of violations of the spirit of the eight point regulations of the central government were",
        "label or glossary: ba-xiang-gui-ding takes 'eight point regulations of the central government'",
    ),
    (
        "dang-ji-zheng-wu-chu-fen",
        "disciplinary and administrative sanctions",
        "ave been subject to disciplinary and administrative sanctions and ",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zu-zhi-chu-li",
        "organizational measures",
        "ative sanctions and organizational measures, res",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "guan-liao-zhu-yi",
        "Bureaucratic",
        "ng in Formalism and Bureaucratic Beha",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "ji-lv-chu-fen-tiao-li",
        "Regulations on Disciplinary Sanctions of the Communist Party of China",
        "rticle 132 of the \"Regulations on Disciplinary Sanctions of the Communist Party of China\" st",
        "label or glossary: zhong-guo-gong-chan-dang takes 'Communist Party of China'",
    ),
    (
        "zuo-feng-jian-she",
        "construction of the style of work",
        "further promote the construction of the style of work, the",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "bu-zuo-wei-luan-zuo-wei",
        "act of disorder",
        "This was a typical act of disorder, and",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "dang-ji-zheng-wu-chu-fen",
        "party and government disciplinary sanctions",
        "they were all given party and government disciplinary sanctions.",
        "label or glossary: dang-ji-zheng-ji-chu-fen takes 'party and government disciplinary sanctions'",
    ),
    (
        "zhong-yang-zheng-zhi-ju-wei-yuan",
        "「中央」政治局委員",
        "今年4月21日,中共「中央」政治局委員、「中央」",
        "bounds: found as '中共「中央」政治局委員'",
    ),
    (
        "zhong-yang-zheng-fa-wei",
        "政法委",
        "4月9日,全國掃黑辦首次新聞發佈會召開,政法委秘書長、掃",
        "label or glossary: zheng-fa-wei takes '政法委'",
    ),
    (
        "quan-guo-sao-hei-ban",
        "掃黑辦",
        "一個月前,4月9日,全國掃黑辦首次新聞發",
        "bounds: found as '全國掃黑辦'",
    ),
    (
        "zhong-yang-ji-wei",
        "top anti-graft body",
        "statements from the top anti-graft body.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "chang-tai-hua-sao-hei-chu-e",
        "routine crackdown on organized crime",
        "rts to continue the routine crackdown on organized crime and ",
        "label or glossary: you-zu-zhi-fan-zui takes 'organized crime'",
    ),
    (
        "la-bang-jie-pai",
        "organised groups within the party",
        "rules of the party, organised groups within the party and ",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "qiang-zhi-cuo-shi",
        "compulsive measures",
        "s been placed under compulsive measures, whi",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "la-piao-hui-xuan",
        "vote buying and canvassing",
        "that Wang conducted vote buying and canvassing in e",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zheng-zhi-ji-lv-he-gui-ju",
        "political code of conduct and rules",
        "tion of the Party's political code of conduct and rules.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhu-dong-tou-an",
        "turned himself in",
        "Since that Wang turned himself in, gav",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "tui-zang-tui-pei",
        "gave back his illicit gains",
        " turned himself in, gave back his illicit gains and ",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "bao-hu-san",
        "umbrellas",
        "nd its protective \"umbrellas\" in",
        "bounds: found as 'protective \\\"umbrellas\\\"'",
    ),
    (
        "sao-hei-chu-e-zhuan-xiang-dou-zheng",
        "campaign against organized crime",
        "he country's latest campaign against organized crime.",
        "label or glossary: sao-hei-chu-e takes 'campaign against organized crime'",
    ),
    (
        "xun-shi",
        "inspection tour system",
        " and perfected, the inspection tour system shou",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "dang-nei-jian-du-tiao-li",
        "Regulations (Tentative) on Inner-Party Supervision of the CPC",
        "3, the CCCPC issued Regulations (Tentative) on Inner-Party Supervision of the CPC so a",
        "label or glossary: dang-nei-jian-du takes 'Inner-Party Supervision'",
    ),
    (
        "xun-shi",
        "inspection tour work",
        "s to make clear the inspection tour work in t",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "dang-nei-fa-gui",
        "inner-party statutes",
        " in the form of the inner-party statutes.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhong-yang-xun-shi-zu",
        "special inspection tour groups",
        "C officially set up special inspection tour groups in 2",
        "label or glossary: zhuan-xiang-xun-shi takes 'special inspection tour'",
    ),
    (
        "xun-shi",
        "inspection work",
        "entral Committee on inspection work, as ",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "xun-shi",
        "inspection and supervision",
        "ps pointed out that inspection and supervision is a",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "xun-shi-ban",
        "Office of the Central Inspection Leading Group",
        "on in charge of the Office of the Central Inspection Leading Group resp",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhu-ti-ze-ren",
        "main responsibility of party management",
        "d unit fulfills the main responsibility of party management, whe",
        "bounds: found as 'main responsibility'",
    ),
    (
        "zhong-yang-ji-wei-quan-hui",
        "Second Plenary Session of the 5 th Central Commission for Discipline Inspection",
        "The Second Plenary Session of the 5 th Central Commission for Discipline Inspection made",
        "label or glossary: zhong-yang-ji-wei takes 'Central Commission for Discipline Inspection'",
    ),
    (
        "jian-cha-wei-yuan-hui",
        "Municipal Supervision Committee",
        "er 10, the Dingzhou Municipal Supervision Committee held",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "ji-wei-jian-wei",
        "Commission for Discipline Inspection and Commission",
        "and Director of the Commission for Discipline Inspection and Commission, att",
        "label or glossary: ji-wei takes 'Commission for Discipline Inspection'",
    ),
];

/// The sixth held-out set's terms not found as labelled, with the reason.
const REAL_HELDOUT_6_KNOWN_MISSES: &[(&str, &str, &str, &str)] = &[
    (
        "zhong-gong-zhong-yang-zong-shu-ji",
        "General Secretary",
        "On June 27, 2024, General Secretary Xi Jinping delivered an ",
        "bounds: found as 'General Secretary Xi Jinping'",
    ),
    (
        "zhong-yang-zheng-zhi-ju-ji-ti-xue-xi",
        "All-in-One Study of the Political Bureau of the CPC Central Committee",
        " presiding over the 15th All-in-One Study of the Political Bureau of the CPC Central Committee, from five aspects: impr",
        "label or glossary: zhong-yang-zheng-zhi-ju takes 'Political Bureau of the CPC Central Committee'",
    ),
    (
        "qiang-jun-mu-biao",
        "ambition for a strong military",
        "ntation of the country's ambition for a strong military, according to a circular",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "qiang-jun-si-xiang",
        "supreme leader’s thought of strengthening the army",
        " new era, especially the supreme leader’s thought of strengthening the army, and incorporated integr",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "guo-wu-yuan-ban-gong-ting",
        "State Council",
        "ittee of the CPC and the State Council issued the Opinions on F",
        "label or glossary: guo-wu-yuan takes 'State Council'",
    ),
    (
        "guo-wu-yuan",
        "State Council",
        "On Friday, the State Council issued a policy document",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "ai-guo-wei-sheng-yun-dong",
        "patriotic heath campaign",
        "document re-launching a “patriotic heath campaign” (PHC).",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "jian-kang-zhong-guo",
        "Outline of the Healthy China 2030 Plan",
        "State Council issued the Outline of the Healthy China 2030 Plan and put forward the goal",
        "bounds: found as 'Healthy China 2030'",
    ),
    (
        "xin-shi-dai",
        "new era",
        "c health campaign in the new era.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "guo-wu-yuan",
        "State Council",
        "The State Council of China’s cabinet has i",
        "bounds: found as 'State Council of China'",
    ),
    (
        "zi-wo-ge-ming",
        "Party's self revolution",
        "nificance to promote the Party's self revolution with strict discipline a",
        "bounds: found as 'self revolution'",
    ),
    (
        "guo-jia-zhu-xi",
        "President",
        "On 15 April 2014, President Xi Jinping introduced at",
        "bounds: found as 'President Xi Jinping'",
    ),
    (
        "guo-jia-zhi-li-xian-dai-hua",
        "modernizing the state governance system and capacity",
        "pressing requirement for modernizing the state governance system and capacity, and for achieving long-",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "chang-zhi-jiu-an",
        "long-term political stability",
        "acity, and for achieving long-term political stability.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "tong-chou-fa-zhan-he-an-quan",
        "coordinating development and national security",
        " was the first time that coordinating development and national security had been incorporated in",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "shi-si-wu-gui-hua",
        "14th Five-year Plan",
        "l development during the 14th Five-year Plan period (2021-2025).",
        "bounds: found as '14th Five-year Plan period'",
    ),
    (
        "ke-ji-qiang-guo",
        "科技强国",
        "立自强作为国家发展的战略支撑,进一步明确提出要建设科技强国。",
        "bounds: found as '建设科技强国'",
    ),
    (
        "li-de-shu-ren",
        "立德树人",
        "坚守教育初心,落实立德树人根本任务,回答好“培养什么人、怎样培养人、为谁培养",
        "bounds: found as '立德树人根本任务'",
    ),
    (
        "jiao-yu-qiang-guo",
        "教育强国",
        "把握教育主线,担当教育使命,才能坚定不移地加快建设教育强国。",
        "bounds: found as '建设教育强国'",
    ),
    (
        "jiao-yu-qiang-guo",
        "教育强国",
        "会主义伟大胜利》中指出,优先发展教育事业,强调建设教育强国是中华民族伟大复兴的基础工程,必须把教育事业放在优",
        "bounds: found as '建设教育强国'",
    ),
    (
        "li-de-shu-ren",
        "立德树人",
        "中国共产党百年奋斗教育成就和经验的现实需要,为落实立德树人根本任务、服务中华民族伟大复兴的教育使命构建新的理",
        "bounds: found as '立德树人根本任务'",
    ),
    (
        "liang-ge-da-ju",
        "two overall situations",
        "two overall situations",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhu-lao-zhong-hua-min-zu-gong-tong-ti-yi-shi",
        "firmly build the Chinese nation’s community consciousness",
        ",it is necessary to firmly build the Chinese nation’s community consciousness under the guidance of th",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "ge-min-zu-jiao-wang-jiao-liu-jiao-rong",
        "extensive communication,exchange and integration among all ethnic groups",
        "e Chinese nation,promote extensive communication,exchange and integration among all ethnic groups,continuously build the c",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "guo-jia-zhu-xi",
        "President",
        "tion of a middle school, President Xi stressed the signific",
        "bounds: found as 'President Xi'",
    ),
    (
        "zhu-lao-zhong-hua-min-zu-gong-tong-ti-yi-shi",
        "forge a firm sense of the Chinese nation's community",
        "Second, forge a firm sense of the Chinese nation's community.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhu-lao-zhong-hua-min-zu-gong-tong-ti-yi-shi",
        "forging a strong sense of community",
        "once again stressed that forging a strong sense of community is the main line of the ",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zong-jiao-zhong-guo-hua",
        "Sinicizing the Islamic religion",
        "ly tight to the plan for Sinicizing the Islamic religion in Xinjiang and actively",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "ji-ji-yin-dao-zong-jiao-yu-she-hui-zhu-yi-she-hui-xiang-shi-ying",
        "fitting the Islamic religion into socialist society",
        "ctively take the lead in fitting the Islamic religion into socialist society,” he said at the Noghay ",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhu-lao-zhong-hua-min-zu-gong-tong-ti-yi-shi",
        "shared sense of belonging of the Chinese nation",
        "ing the concepts of “the shared sense of belonging of the Chinese nation” and “ethnic fusion” in ",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "wei-ji-ceng-jian-fu",
        "ease the burdens of those working at the primary level",
        "ials on local efforts to ease the burdens of those working at the primary level in rural areas in recent",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "xing-shi-zhu-yi",
        "xingshi zhuyi",
        "xcuse the translation of xingshi zhuyi; all complaints to Pleco",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "qing-lang-zhuan-xiang-xing-dong",
        "Qinglang·Chengdu World University Games Online Environment Rectification",
        "Qinglang·Chengdu World University Games Online Environment Rectification",
        "bounds: found as 'Qinglang' (the label takes in the local operation's whole name)",
    ),
    (
        "yue-tan",
        "providing problematic Internet companies with tea",
        "providing problematic Internet companies with tea",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhong-gong-zhong-yang-zong-shu-ji",
        "General Secretary",
        "General Secretary Xi Jinping emphasized at",
        "bounds: found as 'General Secretary Xi Jinping'",
    ),
    (
        "zhong-gong-zhong-yang-zong-shu-ji",
        "General Secretary",
        "eristics in the new era, General Secretary Xi Jinping put forward c",
        "bounds: found as 'General Secretary Xi Jinping'",
    ),
    (
        "zhong-gong-zhong-yang-zong-shu-ji",
        "General Secretary",
        "t inspection in Guangxi, General Secretary Xi Jinping stressed the ",
        "bounds: found as 'General Secretary Xi Jinping'",
    ),
    (
        "yi-xue-zhu-hun",
        "Use learning to build soul, use learning to increase wisdom, use learning to uphold style, and use learning to promote performance",
        " cadres to truly achieve Use learning to build soul, use learning to increase wisdom, use learning to uphold style, and use learning to promote performance.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "xi-jin-ping-si-xiang",
        "Xi Jinping’s socialist thought with Chinese characteristics in the new era",
        "ers and cadres said that Xi Jinping’s socialist thought with Chinese characteristics in the new era is contemporary Chinese ",
        "bounds: found as 'Xi Jinping’s socialist thought'",
    ),
    (
        "shi-yi-jie-san-zhong-quan-hui",
        "3rd Plenum of the 11th Party congress",
        "s and policies since the 3rd Plenum of the 11th Party congress.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "min-zhu-sheng-huo-hui",
        "thematic democratic life",
        " history study education thematic democratic life.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhu-lao-zhong-hua-min-zu-gong-tong-ti-yi-shi",
        "strong sense of community",
        "ups in the country and a strong sense of community is key to ethnic unity.”",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhong-guo-te-se-jie-jue-min-zu-wen-ti-de-zheng-que-dao-lu",
        "correct approaches to addressing ethnic problems",
        "We must take correct approaches to addressing ethnic problems, uphold and improve the ",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "ren-lei-ming-yun-gong-tong-ti",
        "人类命运共同体",
        "俄罗斯莫斯科国家关系学院发表重要演讲,首次提出构建人类命运共同体理念,彰显了中国方案的智慧和大国责任担当。",
        "bounds: found as '构建人类命运共同体'",
    ),
    (
        "xi-bu-da-kai-fa",
        "strategy of developing the western regions",
        "c areas, and through the strategy of developing the western regions and the actions to ",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "guan-dang-zhi-dang",
        "governing the party and governing the army",
        "itical responsibility of governing the party and governing the army.",
        "bounds: found as 'political responsibility of governing the party'",
    ),
    (
        "zhong-cheng-gan-jing-dan-dang",
        "loyal, honest, responsible",
        "ality cadre team that is loyal, honest, responsible and capable of carrying ",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "shi-wu-wu-gui-hua",
        "15th Five-Year Plan",
        " of China (CPC), and the 15th Five-Year Plan period is critical to ac",
        "bounds: found as '15th Five-Year Plan period'",
    ),
    (
        "shi-wu-wu-gui-hua",
        "15th Five-Year Plan",
        "na Initiative during the 15th Five-Year Plan period (2026-2030).",
        "bounds: found as '15th Five-Year Plan period'",
    ),
    (
        "mei-li-zhong-guo",
        "beautiful China",
        "Building a beautiful China and a healthy China is a",
        "bounds: found as 'Building a beautiful China'",
    ),
    (
        "ren-min-zhi-shang",
        "prioritizing the people and valuing life above all else",
        "red to the principles of prioritizing the people and valuing life above all else.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "shi-wu-wu-gui-hua-jian-yi",
        "Party Proposals for the 15th 5-year plan",
        "num reviewed and adopted Party Proposals for the 15th 5-year plan.",
        "label or glossary: shi-wu-wu-gui-hua takes '15th 5-year plan'",
    ),
    (
        "shi-wu-wu-gui-hua-jian-yi",
        "proposals for formulating the 15th Five-Year Plan (2026-2030) for national economic and social development",
        "ing aims at studying the proposals for formulating the 15th Five-Year Plan (2026-2030) for national economic and social development, making the top-level de",
        "bounds: found as 'proposals for formulating the 15th Five-Year Plan'",
    ),
    (
        "quan-guo-xuan-chuan-si-xiang-gong-zuo-hui-yi",
        "national meeting on public communication and culture",
        "During a recent national meeting on public communication and culture, Xi Jinping Thought on C",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "xi-jin-ping-si-xiang",
        "Xi’s TSCC for a new era",
        "As an important part of Xi’s TSCC for a new era,cultural thought takes t",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "yi-shi-xing-tai-gong-zuo-ze-ren-zhi",
        "responsibility system",
        "r this work and that the responsibility system for it is fully implemen",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "shuang-jian",
        "Opinions on Further Reducing the Burden of Homework and Off-campus Training for Students in Compulsory Education",
        "Opinions on Further Reducing the Burden of Homework and Off-campus Training for Students in Compulsory Education",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "li-de-shu-ren",
        "Lide Shuren",
        " the fundamental task of Lide Shuren.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "shuang-jian",
        "double reduction",
        " is a major decision -making arrangement",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhong-guo-meng",
        "中华民族伟大复兴的中国梦",
        "的十八大以来,以习近平同志为核心的党中央着眼于实现中华民族伟大复兴的中国梦,围绕实现党在新时代的强军目标,就加快国防和军队现",
        "bounds: found as '中国梦'",
    ),
    (
        "xin-shi-dai",
        "新时代",
        "《吹响新时代练兵备战的号角》一文声称,“军事训练应该瞄准强敌对",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "shi-jie-yi-liu-jun-dui",
        "世界一流军队",
        "“必须加快推进国防和军队现代化,把人民军队全面建成世界一流军队。”",
        "bounds: found as '全面建成世界一流军队'",
    ),
    (
        "guo-fang-he-jun-dui-gai-ge",
        "國防和軍隊改革",
        "共中央總書記、國家主席、中央軍委主席習近平發出深化國防和軍隊改革的動員令——全面實施改革強軍戰略,堅定不移走中國特",
        "bounds: found as '深化國防和軍隊改革'",
    ),
    (
        "zong-jiao-zhong-guo-hua",
        "sinicization of our country’s religions",
        " to the direction of the sinicization of our country’s religions” and put forward clear r",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhong-gong-zhong-yang-zong-shu-ji",
        "General Secretary",
        "rence on Religious Work, General Secretary Xi Jinping stressed that",
        "bounds: found as 'General Secretary Xi Jinping'",
    ),
    (
        "zong-jiao-zhong-guo-hua",
        "sinification of religion in our country",
        "here to the direction of sinification of religion in our country",
        "bounds: found as 'sinification of religion'",
    ),
    (
        "zhong-guo-meng",
        "Chinese dream of the great rejuvenation of the Chinese nation",
        "d the realization of the Chinese dream of the great rejuvenation of the Chinese nation.",
        "bounds: found as 'Chinese dream'",
    ),
    (
        "zong-jiao-zhong-guo-hua",
        "sinicization of religion in our country",
        " to the direction of the sinicization of religion in our country is not only one of the ",
        "bounds: found as 'sinicization of religion'",
    ),
    (
        "shi-jiu-jie-liu-zhong-quan-hui",
        "十九届六中全会",
        "在中国共产党成立一百周年的重要历史时刻,中共十九届六中全会通过了《中共中央关于党的百年奋斗重大成就和历史经验",
        "bounds: found as '中共十九届六中全会'",
    ),
    (
        "jian-kang-zhong-guo",
        "Healthy China Initiative (2019-2030)",
        "hy China Initiative, and Healthy China Initiative (2019-2030) was introduced at the na",
        "bounds: found as 'Healthy China Initiative'",
    ),
    (
        "zhong-gong-zhong-yang-zong-shu-ji",
        "General Secretary",
        "General Secretary Hu Jintao pointed out in",
        "bounds: found as 'General Secretary Hu Jintao'",
    ),
    (
        "wen-hua-zi-xin",
        "self-confidence of the national culture",
        "must always maintain the self-confidence of the national culture, adhere to the excellent",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "jian-kang-zhong-guo",
        "Healthy China",
        "Healthy China includes national physic",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhong-guo-meng",
        "中华民族伟大复兴的中国梦",
        "会主义核心价值观,推动社会主义文化繁荣兴盛,为实现中华民族伟大复兴的中国梦提供强大的精神动力和文化支撑。",
        "bounds: found as '中国梦'",
    ),
];

const REAL_HELDOUT_7_KNOWN_MISSES: &[(&str, &str, &str, &str)] = &[
    (
        "fang-guan-fu",
        "放管服",
        "转变政府职能是行政体制改革的核心,“放管服”改革是政府职能转变的关键抓手。",
        "bounds: found as '“放管服”改革'",
    ),
    (
        "fang-guan-fu",
        "放管服”改革",
        "“放管服”改革是党的十八大以来党和政府在行政体制改革中的新举措,致力于打造",
        "bounds: found as '“放管服”改革'",
    ),
    (
        "xin-shi-dai",
        "新时代",
        "营商环境优化是新时代政府通过“放管服”改革实现职能转变和经济转型发展的新要求。",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "fang-guan-fu",
        "放管服”改革",
        "营商环境优化是新时代政府通过“放管服”改革实现职能转变和经济转型发展的新要求。",
        "bounds: found as '“放管服”改革'",
    ),
    (
        "fang-guan-fu",
        "放管服”改革",
        "“放管服”改革是推动政府职能转变的一场刀刃向内的自我革命,是一场从理念到体",
        "bounds: found as '“放管服”改革'",
    ),
    (
        "dang-de-shi-ba-da",
        "18th National Congress",
        "Since the 18th National Congress,the Central government has be",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "fang-guan-fu",
        "delegation of power and optimization of government service",
        "stly promoting the reform of “delegation of power and optimization of government service” to stimulate the vitality of",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "fang-guan-fu",
        "放管服”改革",
        "十八大以来,党中央和国务院切实推进“放管服”改革,优化营商环境,以激发社会主义市场经济的活力,促进国民经济的",
        "bounds: found as '“放管服”改革'",
    ),
    (
        "feng-qiao-jing-yan",
        "Fengqiao Experience\" in the new era",
        "hering to and developing the \"Fengqiao Experience\" in the new era.",
        "bounds: found as 'Fengqiao Experience'",
    ),
    (
        "xiao-shi-bu-chu-cun",
        "not turning over contradictions",
        "ions on the spot, insisted on not turning over contradictions, and realized \"less arrests a",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "feng-qiao-jing-yan",
        "fengqiao jingyan",
        "the “Fengqiao experience”, or fengqiao jingyan, is a mechanism for mobilisin",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "feng-qiao-jing-yan",
        "Fengqiao experience in the ‘new era’",
        "nt the latest example of the “Fengqiao experience in the ‘new era’”, referencing the phrase used",
        "bounds: found as 'Fengqiao experience'",
    ),
    (
        "guo-jia-zhu-xi",
        "President",
        "eferencing the phrase used by President Xi Jinping to describe China ",
        "bounds: found as 'President Xi Jinping'",
    ),
    (
        "quan-qiu-fa-zhan-chang-yi",
        "Global Development Initiative (GDI)",
        "ore of this framework are the Global Development Initiative (GDI), Global Security Initiative (",
        "bounds: found as 'Global Development Initiative'",
    ),
    (
        "quan-qiu-an-quan-chang-yi",
        "Global Security Initiative (GSI)",
        "Development Initiative (GDI), Global Security Initiative (GSI), Global Civilization Initiati",
        "bounds: found as 'Global Security Initiative'",
    ),
    (
        "quan-qiu-wen-ming-chang-yi",
        "Global Civilization Initiative (GCI)",
        "al Security Initiative (GSI), Global Civilization Initiative (GCI), and the recently proposed Gl",
        "bounds: found as 'Global Civilization Initiative'",
    ),
    (
        "quan-qiu-zhi-li-chang-yi",
        "Global Governance Initiative (GGI)",
        "I), and the recently proposed Global Governance Initiative (GGI).",
        "bounds: found as 'Global Governance Initiative'",
    ),
    (
        "jie-su-ji-ban",
        "接诉即办”改革",
        "“接诉即办”改革以“热线联动”为切入点,通过回应型公安、服务型公安和整体型政",
        "bounds: found as '“接诉即办”改革'",
    ),
    (
        "jie-su-ji-ban",
        "Immediate Action on Request reform",
        "Since the Immediate Action on Request reform in 2019,Beijing has taken the",
        "bounds: found as 'Immediate Action on Request'",
    ),
    (
        "he-zhang-zhi",
        "river and lake chiefs",
        "h a total of over 1.2 million river and lake chiefs at five levels – provincial, ",
        "bounds: found as 'river'",
    ),
    (
        "lv-shui-qing-shan",
        "clean water and green mountains are invaluable assets",
        "tablish the strong sense that clean water and green mountains are invaluable assets to realize the new era of soc",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "xin-shi-dai",
        "new era",
        "aluable assets to realize the new era of socialist ecological civil",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "he-zhang-zhi",
        "river and lake chiefs",
        "-, county- and township-level river and lake chiefs, and more than 900,000 chiefs",
        "bounds: found as 'river'",
    ),
    (
        "guo-jia-zhu-xi",
        "President",
        "ture for mankind put forth by President Xi Jinping.",
        "bounds: found as 'President Xi Jinping'",
    ),
    (
        "guo-jia-zhu-xi",
        "President",
        "l involvement and advocacy of President Xi Jinping, the development o",
        "bounds: found as 'President Xi Jinping'",
    ),
    (
        "zhong-gong-yu-shi-jie-zheng-dang-gao-ceng-dui-hua-hui",
        "CPC World Political Party Conference",
        "ointed out in a speech at the CPC World Political Party Conference in March 2023, where he also ",
        "label or glossary: zhong-guo-gong-chan-dang takes 'CPC'",
    ),
    (
        "lv-shui-qing-shan",
        "lush mountains and lucid waters",
        "and preserving and sustaining lush mountains and lucid waters.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "dang-de-er-shi-da",
        "20th National Congress of the Communist Party of China (CPC)",
        "The report of the 20th National Congress of the Communist Party of China (CPC) made it clear that building a",
        "bounds: found as '20th National Congress of the Communist Party of China'",
    ),
    (
        "ying-ji-guan-li-bu",
        "Emergency Management Department",
        "ccording to the news from the Emergency Management Department on August 31, the Emergency M",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "guo-wu-yuan-an-wei-hui",
        "Safety Committee of the State Council",
        "The Office of the Safety Committee of the State Council and the Emergency Management ",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "ying-ji-guan-li-bu",
        "Emergency Management Department",
        " of the State Council and the Emergency Management Department issued the “National Major Ac",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "tan-da-feng-tan-zhong-he",
        "dual carbon\" goals",
        "d committed to achieving its \"dual carbon\" goals, even amid recent setbacks fr",
        "bounds: found as '\"dual carbon\" goals'",
    ),
    (
        "tan-da-feng",
        "peak carbon emissions",
        " country’s climate goals – to peak carbon emissions by 2030 and to achieve carbon",
        "label or glossary: tan-da-feng-tan-zhong-he takes 'peak carbon emissions by 2030'",
    ),
    (
        "da-yue-jin",
        "Great Leap Forward",
        "uction should not be another “Great Leap Forward” in the country.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "si-ge-zui-yan",
        "four strictest\" requirements",
        "ommunist Party of China, the \"four strictest\" requirements have pointed out the directio",
        "bounds: found as '\"four strictest\" requirements'",
    ),
    (
        "si-ge-zui-yan",
        "the strictest standards, the strictest supervision, the most severe punishment, and the most serious accountability",
        "With the strictest standards, the strictest supervision, the most severe punishment, and the most serious accountability, we will speed up the establi",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "dang-de-shi-jiu-da",
        "Nineteenth National Congress",
        "The Nineteenth National Congress proposed that we should stren",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "gong-jian-gong-zhi-gong-xiang",
        "pattern of social governance with common governance and sharing",
        "ocial governance,and create a pattern of social governance with common governance and sharing.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhong-gong-zhong-yang-zong-shu-ji",
        "General Secretary",
        "ge of development and reform, General Secretary Xi Jinping inspected Beijing ",
        "bounds: found as 'General Secretary Xi Jinping'",
    ),
    (
        "di-fang-zheng-xie",
        "Beijing Municipal Committee of the Chinese People’s Political Consultative Conference (CPPCC)",
        "d suggestions from members of Beijing Municipal Committee of the Chinese People’s Political Consultative Conference (CPPCC).",
        "bounds: found as 'Municipal Committee of the Chinese People’s Political Consultative Conference'",
    ),
    (
        "dang-de-er-shi-da",
        "20th National Congress of the Communist Party of China (CPC)",
        "e successful convening of the 20th National Congress of the Communist Party of China (CPC) has drawn a grand blueprint f",
        "bounds: found as '20th National Congress of the Communist Party of China'",
    ),
    (
        "feng-gao-lang-ji",
        "high winds and high waves",
        "nternational environment with high winds and high waves and the arduous task of domes",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "fang-guan-fu",
        "streamline administration and delegate power, improve regulation, and upgrade services",
        "We will deepen reforms to streamline administration and delegate power, improve regulation, and upgrade services with a focus on creating a ma",
        "bounds: found as 'reforms to streamline administration and delegate power, improve regulation, and upgrade services'",
    ),
    (
        "ying-shang-huan-jing",
        "market-oriented, law-based and internationalized business environment",
        "es with a focus on creating a market-oriented, law-based and internationalized business environment.",
        "bounds: found as 'business environment'",
    ),
    (
        "shi-chang-jue-ding-xing-zuo-yong",
        "the market plays the decisive role in the allocation of resources",
        "t and the market, seeing that the market plays the decisive role in the allocation of resources and the government better ful",
        "bounds: found as 'market plays the decisive role in the allocation of resources'",
    ),
    (
        "dang-wei",
        "Communist Party Committee",
        "es, with government and local Communist Party Committee officials serving as forest c",
        "bounds: found as 'Party Committee'",
    ),
    (
        "lin-zhang-zhi",
        "Forest Head System",
        " of the Leading Group for the Forest Head System of the State Forestry and Gra",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "dang-wei",
        "party committee",
        "f responsible comrades of the party committee and the government are the ch",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "lin-zhang-zhi",
        "chief forest chiefs",
        "ee and the government are the chief forest chiefs, and all localities have esta",
        "bounds: found as 'forest chiefs'",
    ),
    (
        "lin-zhang-zhi",
        "General forest chiefs",
        "“General forest chiefs” should be appointed in all p",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "lin-zhang-zhi",
        "forest chief” scheme",
        "d a guideline to implement a “forest chief” scheme nationwide amid the country’s",
        "bounds: found as '“forest chief” scheme'",
    ),
    (
        "zhong-gong-zhong-yang-zong-shu-ji",
        "General Secretary",
        "ction of the \"Belt and Road\", General Secretary Xi Jinping, standing at the h",
        "bounds: found as 'General Secretary Xi Jinping'",
    ),
    (
        "liang-ge-da-ju",
        "overall situation of the great rejuvenation strategy of the Chinese nation and the great changes in the world in a hundred years",
        "he height of coordinating the overall situation of the great rejuvenation strategy of the Chinese nation and the great changes in the world in a hundred years, comprehensively summarized t",
        "label or glossary: zhong-hua-min-zu-wei-da-fu-xing takes 'great rejuvenation'",
    ),
    (
        "gong-shang-gong-jian-gong-xiang",
        "joint consultation, co-construction and sharing",
        "\" adheres to the principle of joint consultation, co-construction and sharing, condenses the consensus of p",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "yi-dai-yi-lu-gao-feng-lun-tan",
        "Belt and Road Forum for International Cooperation (BRF)",
        "opening ceremony of the third Belt and Road Forum for International Cooperation (BRF), injecting confidence and imp",
        "bounds: found as 'Belt and Road Forum for International Cooperation'",
    ),
    (
        "yi-dai-yi-lu",
        "Belt and Road Initiative (BRI)",
        "pire every participant in the Belt and Road Initiative (BRI) and demonstrate China’s commi",
        "bounds: found as 'Belt and Road Initiative'",
    ),
    (
        "guo-jia-zhu-xi",
        "President",
        "intly achieve modernization.\" President Xi Jinping delivered a keynot",
        "bounds: found as 'President Xi Jinping'",
    ),
    (
        "zhong-gong-zhong-yang-zong-shu-ji",
        "General Secretary",
        "po, initiated and promoted by General Secretary Xi Jinping, has become an imp",
        "bounds: found as 'General Secretary Xi Jinping'",
    ),
    (
        "guo-jia-zhu-xi",
        "主席",
        "2022年,习近平主席着眼全人类前途命运和安危福祉,郑重提出全球安全倡议,强调人类",
        "bounds: found as '习近平主席'",
    ),
    (
        "guo-jia-zhu-xi",
        "主席",
        "作论坛北京峰会就中非携手落实全球安全倡议达成重要共识,习近平主席宣布中方将同非洲开展安全共筑伙伴行动,建立落实全球安全倡议伙",
        "bounds: found as '习近平主席'",
    ),
    (
        "guo-jia-zhu-xi",
        "主席",
        "10年前,習近平主席提出建構人類命運共同體理念,目的就是回答「人類向何處去」的世",
        "bounds: found as '習近平主席'",
    ),
    (
        "guo-jia-zhu-xi",
        "主席",
        "2021年以来,习近平主席先后提出全球发展倡议、全球安全倡议、全球文明倡议,为应对层出",
        "bounds: found as '习近平主席'",
    ),
    (
        "qiu-shi-za-zhi",
        "求是",
        "10月16日出版的第20期《求是》雜誌將發表中共總書記、國家主席習近平的文章《推動落實全球發",
        "bounds: found as '《求是》雜誌'",
    ),
    (
        "guo-jia-zhu-xi",
        "主席",
        "着眼于推动人类社会发展进步,习近平主席近年来先后提出全球发展倡议、全球安全倡议、全球文明倡议,为完",
        "bounds: found as '习近平主席'",
    ),
    (
        "ji-wei-shu-ji",
        "Municipal Commission for Discipline Inspection Secretary",
        "une 4th, municipal committee, Municipal Commission for Discipline Inspection Secretary Cao Jiansong, municipal CPPCC",
        "label or glossary: ji-wei takes 'Municipal Commission for Discipline Inspection'",
    ),
    (
        "di-fang-zheng-xie",
        "CPPCC",
        "etary Cao Jiansong, municipal CPPCC Vice Chairman, Secretary of m",
        "bounds: found as 'municipal CPPCC'",
    ),
    (
        "lin-zhang-zhi",
        "village-level forest chief",
        "ary of the village branch and village-level forest chief, who had just returned from p",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "wei-ji-ceng-jian-fu",
        "reduce the burden on the grassroots",
        "for inspectors to effectively reduce the burden on the grassroots.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "liu-wen-liu-bao",
        "six stability",
        "t work priorities, serve the \"six stability\" and \"six guarantees\" during ",
        "bounds: found as '\"six stability\" and \"six guarantees\"'",
    ),
    (
        "liu-wen-liu-bao",
        "six guarantees",
        "erve the \"six stability\" and \"six guarantees\" during the inspection period",
        "bounds: found as '\"six stability\" and \"six guarantees\"'",
    ),
    (
        "si-ge-zui-yan",
        "developing standards, conducting regulation, imposing penalties and seeking accountability",
        "pledged unwavering efforts in developing standards, conducting regulation, imposing penalties and seeking accountability to ensure food safety.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "guo-jia-zhu-xi",
        "president",
        "Specifically, the president highlighted the country’s “du",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "ren-lei-ming-yun-gong-tong-ti",
        "building a community with a shared future for mankind",
        "eland based on the concept of building a community with a shared future for mankind.",
        "bounds: found as 'community with a shared future for mankind'",
    ),
    (
        "zhong-gong-zhong-yang-zong-shu-ji",
        "General Secretary",
        "In 2023, General Secretary Xi Jinping emphasized at the ",
        "bounds: found as 'General Secretary Xi Jinping'",
    ),
    (
        "ren-yu-zi-ran-he-xie-gong-sheng",
        "modernization characterized by harmony between man and nature",
        "accelerate the advancement of modernization characterized by harmony between man and nature.",
        "bounds: found as 'harmony between man and nature'",
    ),
    (
        "zhong-gong-zhong-yang-zong-shu-ji",
        "General Secretary",
        " Anyang City, Henan Province, General Secretary Xi Jinping immediately made i",
        "bounds: found as 'General Secretary Xi Jinping'",
    ),
    (
        "ren-min-zhi-shang",
        "supremacy of the people and the supremacy of life",
        "s should always adhere to the supremacy of the people and the supremacy of life, compact production safety re",
        "bounds: found as 'supremacy of the people'",
    ),
    (
        "zhong-gong-zhong-yang-zong-shu-ji",
        "General Secretary",
        "the Communist Party of China, General Secretary Xi Jinping has always put the",
        "bounds: found as 'General Secretary Xi Jinping'",
    ),
    (
        "zhong-yang-dang-xiao",
        "Central Party School (National School of Administration)",
        "From August 26th to 30th, the Central Party School (National School of Administration), the Ministry of Emergency Ma",
        "bounds: found as 'Central Party School'",
    ),
    (
        "quan-qiu-fa-zhan-chang-yi",
        "Global Development Initiative (GDI)",
        "nt Xi Jinping has put forward Global Development Initiative (GDI), Global Security Initiative (",
        "bounds: found as 'Global Development Initiative'",
    ),
    (
        "quan-qiu-an-quan-chang-yi",
        "Global Security Initiative (GSI)",
        "Development Initiative (GDI), Global Security Initiative (GSI) and Global Civilization Initi",
        "bounds: found as 'Global Security Initiative'",
    ),
    (
        "quan-qiu-wen-ming-chang-yi",
        "Global Civilization Initiative (GCI)",
        "Security Initiative (GSI) and Global Civilization Initiative (GCI), providing Chinese solutions ",
        "bounds: found as 'Global Civilization Initiative'",
    ),
    (
        "guo-jia-zhu-xi",
        "President",
        "embly in September last year, President Xi Jinping put forth the Glob",
        "bounds: found as 'President Xi Jinping'",
    ),
    (
        "quan-qiu-fa-zhan-chang-yi",
        "Global Development Initiative (GDI)",
        "dent Xi Jinping put forth the Global Development Initiative (GDI) with an aim to refocus intern",
        "bounds: found as 'Global Development Initiative'",
    ),
    (
        "guo-jia-zhu-xi",
        "President",
        "lobal development challenges, President Xi Jinping solemnly put forwa",
        "bounds: found as 'President Xi Jinping'",
    ),
    (
        "dang-jian-yin-ling",
        "party building and lead grassroots governance",
        " Party proposes to strengthen party building and lead grassroots governance.",
        "label or glossary: dang-jian takes 'party building'",
    ),
    (
        "dang-jian-yin-ling",
        "party building leading grassroots governance",
        " improve the effectiveness of party building leading grassroots governance in megacities, we should adhe",
        "label or glossary: dang-jian takes 'party building'",
    ),
    (
        "feng-qiao-jing-yan",
        "Fengqiao Experience” in the new era",
        "ld adhere to and develop the “Fengqiao Experience” in the new era, improve the urban and rural ",
        "bounds: found as 'Fengqiao Experience'",
    ),
    (
        "zi-zhi-fa-zhi-de-zhi-xiang-jie-he",
        "autonomy, rule of law and moral governance",
        "vernance system that combines autonomy, rule of law and moral governance under the leadership of the P",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "gong-jian-gong-zhi-gong-xiang",
        "social governance system of co-construction, co-governance and sharing",
        "organization, and improve the social governance system of co-construction, co-governance and sharing.",
        "bounds: found as 'co-construction, co-governance and sharing'",
    ),
    (
        "tan-da-feng",
        "Carbon Peak",
        "overnment issued the \"Sichuan Carbon Peak Implementation Plan\", which p",
        "bounds: found as 'Carbon Peak Implementation Plan'",
    ),
    (
        "shi-si-wu-gui-hua",
        "14th Five-Year Plan",
        "ich proposed that during the \"14th Five-Year Plan\" period, significant progress",
        "bounds: found as '\"14th Five-Year Plan\" period'",
    ),
    (
        "quan-qiu-an-quan-chang-yi",
        "Global Security Initiative (GSI)",
        "ping introduced the idea of a Global Security Initiative (GSI) during his speech at the Boao",
        "bounds: found as 'Global Security Initiative'",
    ),
    (
        "xin-an-quan-guan",
        "common, 2) comprehensive, 3) cooperative and 4) sustainable security",
        "e four pillars of the GSI, 1) common, 2) comprehensive, 3) cooperative and 4) sustainable security, have all the elements and in",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "fu-wu-xing-zheng-fu",
        "service-oriented government that should satisfy the general public",
        "ional Congress and to build a service-oriented government that should satisfy the general public, Shanghai has been accelerati",
        "bounds: found as 'service-oriented government'",
    ),
    (
        "di-xian-si-wei",
        "bottom line thinking",
        "els should further strengthen bottom line thinking, enforce main responsibility,",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhong-gong-zhong-yang-zong-shu-ji",
        "General Secretary",
        "o the 20th anniversary of the General Secretary's instructions to adhere to a",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhong-gong-zhong-yang-zong-shu-ji",
        "general secretary",
        "ce Exhibition Hall, the first general secretary pointed out that it is necess",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "feng-qiao-jing-yan",
        "Fengqiao experience\" in the new era",
        "to adhere to and develop the \"Fengqiao experience\" in the new era, adhere to the party's mass l",
        "bounds: found as 'Fengqiao experience'",
    ),
    (
        "xiao-shi-bu-chu-cun",
        "not turning in contradictions",
        "g on the masses, insisting on not turning in contradictions, resolving them on the spot, ",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zi-zhi-fa-zhi-de-zhi-xiang-jie-he",
        "autonomy, rule by virtue and rule by law",
        "he mass line and implementing autonomy, rule by virtue and rule by law are the ways to carry forward",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "feng-qiao-jing-yan",
        "Fengqiao Experience\" in the new era",
        "he ways to carry forward the \"Fengqiao Experience\" in the new era, which has certain guiding si",
        "bounds: found as 'Fengqiao Experience'",
    ),
    (
        "zhong-gong-zhong-yang-zong-shu-ji",
        "General Secretary",
        "Party Congress on October 16, General Secretary Xi Jinping discussed the opti",
        "bounds: found as 'General Secretary Xi Jinping'",
    ),
    (
        "feng-qiao-jing-yan",
        "Fengqiao jingyan",
        " “Fengqiao Experience” (枫桥经验, Fengqiao jingyan) as the model solution (CCTV,",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "shang-hai-he-zuo-zu-zhi",
        "Shanghai Corporation Organization",
        "He made the proposal in the Shanghai Corporation Organization plus meeting held at the Tian",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "shi-si-wu-gui-hua",
        "Outline of the 14th Five-Year Plan for Economic and Social Development",
        "een incorporated into China's Outline of the 14th Five-Year Plan for Economic and Social Development and is being replicated natio",
        "bounds: found as 'Outline of the 14th Five-Year Plan'",
    ),
    (
        "guo-wu-yuan",
        "State Council",
        "The State Council recently issued the \"Opinions",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "huo-de-gan",
        "sense of gain",
        "ction costs, and enhances the sense of gain for enterprises and the publi",
        "bounds: found as 'enhances the sense of gain'",
    ),
    (
        "gao-xiao-ban-cheng-yi-jian-shi",
        "One Thing Done Efficiently",
        "ive reform initiative called \"One Thing Done Efficiently.\"",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "fang-guan-fu",
        "reform of streamlining administration, delegating powers and improving regulations and services",
        " of Zhejiang's efforts in the reform of streamlining administration, delegating powers and improving regulations and services.",
        "bounds: found as 'streamlining administration, delegating powers'",
    ),
];
const REAL_HELDOUT_8_KNOWN_MISSES: &[(&str, &str, &str, &str)] = &[
    (
        "zhong-gong-zhong-yang-zong-shu-ji",
        "General Secretary",
        "gsu delegation this time, the General Secretary made further arrangements to ",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "yin-di-zhi-yi",
        "Adjust measures to local conditions",
        "\"Adjust measures to local conditions\", just four words, contains a",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhong-gong-zhong-yang-zong-shu-ji",
        "General Secretary",
        "Since last year, General Secretary Xi Jinping has published a se",
        "bounds: found as 'General Secretary Xi Jinping'",
    ),
    (
        "ke-ji-zi-li-zi-qiang",
        "high level of self-reliance and strength in science and technology",
        "ove faster toward achieving a high level of self-reliance and strength in science and technology, effectively deliver breakthr",
        "bounds: found as 'self-reliance and strength in science and technology'",
    ),
    (
        "shi-wu-wu-gui-hua",
        "十五五’时期",
        "能大呼隆、一哄而起、一哄而散,一定要因地制宜,各有千秋”“‘十五五’时期,必须把因地制宜发展新质生产力摆在更加突出的战略位置”。",
        "bounds: found as '‘十五五’时期'",
    ),
    (
        "da-shui-man-guan",
        "大水漫灌",
        "发展新质生产力绝非一套可以简单复制的模板,更不能搞“大水漫灌”和“一刀切”,必须立足一方水土,找准自身的方位与路径,方能",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "shi-si-jie-quan-guo-ren-da",
        "十四届全国人大二次会议",
        "——2024年3月5日,习近平总书记在参加十四届全国人大二次会议江苏代表团审议时强调",
        "bounds: found as '十四届全国人大'",
    ),
    (
        "fa-gong-wei",
        "Law Working Committee of the Standing Committee of the National People's Congress",
        "he Economic Law Office of the Law Working Committee of the Standing Committee of the National People's Congress, said that at present, the pr",
        "label or glossary: quan-guo-ren-da-chang-wei-hui takes 'Standing Committee of the National People's Congress'",
    ),
    (
        "zhong-gong-zhong-yang",
        "Party Central Committee's",
        "vate Economy has elevated the Party Central Committee's major guidelines, policies an",
        "bounds: found as 'Party Central Committee'",
    ),
    (
        "shi-wu-wu-gui-hua",
        "15th Five-Year Plan\" period",
        "During the \"15th Five-Year Plan\" period, comprehensively expanding do",
        "bounds: found as '\"15th Five-Year Plan\" period'",
    ),
    (
        "kuo-da-nei-xu",
        "comprehensively expanding domestic demand",
        "\"15th Five-Year Plan\" period, comprehensively expanding domestic demand is of great significance for ",
        "bounds: found as 'expanding domestic demand'",
    ),
    (
        "qian-wan-gong-cheng",
        "Thousand Village Demonstration and Ten Thousand Villages Renovation\" Project",
        "plying the Experience of the \"Thousand Village Demonstration and Ten Thousand Villages Renovation\" Project to Effectively and Effectivel",
        "bounds: found as '\"Thousand Village Demonstration and Ten Thousand Villages Renovation\" Project'",
    ),
    (
        "zhong-gong-zhong-yang-zong-shu-ji",
        "General Secretary",
        "The document mentioned that General Secretary Xi Jinping personally planned",
        "bounds: found as 'General Secretary Xi Jinping'",
    ),
    (
        "qian-wan-gong-cheng",
        "Thousand Village Demonstration, Ten Thousand Villages Improvement\" project",
        "lly planned and promoted the \"Thousand Village Demonstration, Ten Thousand Villages Improvement\" project (hereinafter referred to as t",
        "bounds: found as 'Thousand Village Demonstration, Ten Thousand Villages Improvement'",
    ),
    (
        "zhong-yang-yi-hao-wen-jian",
        "Central Government Document No. 1",
        "This year’s Central Government Document No. 1 takes the lead in learning an",
        "label or glossary: guo-wu-yuan takes 'Central Government'",
    ),
    (
        "zhong-yang-zheng-zhi-ju-ji-ti-xue-xi",
        "collective study conducted by the Political Bureau of the Central Committee",
        "In a recent third collective study conducted by the Political Bureau of the Central Committee, Chinese President Xi Jinping",
        "bounds: found as 'collective study'",
    ),
    (
        "ke-ji-zi-li-zi-qiang",
        "high-level scientific and technological self-reliance and self-improvement",
        " research in order to achieve high-level scientific and technological self-reliance and self-improvement.",
        "bounds: found as 'high-level scientific and technological self-reliance'",
    ),
    (
        "shi-wu-wu-gui-hua-jian-yi",
        "十五五”規劃建議",
        "從2023年習近平總書記提出“投資於人”,到“十五五”規劃建議對“投資於人”作出重要部署,再到中央經濟工作會議強調“必須堅",
        "bounds: found as '“十五五”規劃建議'",
    ),
    (
        "shi-si-jie-quan-guo-ren-da",
        "third session of the 14th National People's Congress (NPC)",
        "The third session of the 14th National People's Congress (NPC) opened on the morning of Marc",
        "bounds: found as '14th National People's Congress'",
    ),
    (
        "guo-wu-yuan-zong-li",
        "Premier",
        "According to the agenda, Premier Li Qiang delivered the Govern",
        "bounds: found as 'Premier Li Qiang'",
    ),
    (
        "shi-si-jie-quan-guo-ren-da",
        "third session of the 14th National People's Congress",
        "On March 5, 2025, the third session of the 14th National People's Congress was held at the Great Hall of",
        "bounds: found as '14th National People's Congress'",
    ),
    (
        "guo-wu-yuan-zong-li",
        "Premier",
        "eat Hall of the People, where Premier Li Qiang delivered the govern",
        "bounds: found as 'Premier Li Qiang'",
    ),
    (
        "shi-si-jie-quan-guo-ren-da",
        "十四届全国人大四次会议",
        "3月5日,在十四届全国人大四次会议上,李强总理作政府工作报告时多次强调“纵深推进全国统一大市场",
        "bounds: found as '十四届全国人大'",
    ),
    (
        "guo-wu-yuan-zong-li",
        "总理",
        "3月5日,在十四届全国人大四次会议上,李强总理作政府工作报告时多次强调“纵深推进全国统一大市场建设”,并对",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "nei-juan-shi-jing-zheng",
        "内卷式”竞争",
        "“内卷式”竞争首次被写入报告整治清单,释放出明确信号。",
        "bounds: found as '“内卷式”竞争'",
    ),
    (
        "di-fang-bao-hu-he-shi-chang-fen-ge",
        "市場分割和地方保護",
        "但也要看到,實踐中還有一些妨礙全國統一大市場建設的問題,市場分割和地方保護比較突出,要素和資源市場建設不完善,商品和服務市場質量體系尚",
        "label or glossary: di-fang-bao-hu-zhu-yi takes '地方保護'",
    ),
    (
        "guo-jia-fa-gai-wei",
        "National Development and Reform Commission (NDRC)",
        "a's top economic planner, the National Development and Reform Commission (NDRC), on Tuesday released a guidel",
        "bounds: found as 'National Development and Reform Commission'",
    ),
    (
        "zhong-gong-zhong-yang",
        "Central Committee of the Communist Party",
        ", released on April 10 by the Central Committee of the Communist Party and the State Council, also m",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "shi-si-jie-quan-guo-ren-da",
        "十四届全国人大三次会议",
        "总书记在参加十四届全国人大三次会议江苏代表团审议时强调,要深化要素市场化配置改革,主动破除地方",
        "bounds: found as '十四届全国人大'",
    ),
    (
        "nei-juan-shi-jing-zheng",
        "内卷式”竞争",
        "调,要深化要素市场化配置改革,主动破除地方保护、市场分割和“内卷式”竞争。",
        "bounds: found as '“内卷式”竞争'",
    ),
    (
        "nei-juan-shi-jing-zheng",
        "内卷式”恶性竞争",
        "去年7月,中共中央政治局会议指出,要强化行业自律,防止“内卷式”恶性竞争;去年12月,中央经济工作会议提出,综合整治“内卷式”竞争,",
        "bounds: found as '“内卷式”恶性竞争'",
    ),
    (
        "yao-su-shi-chang-hua-pei-zhi",
        "reform of market-oriented allocation of factors",
        "\"We should deepen the reform of market-oriented allocation of factors and take the initiative to el",
        "bounds: found as 'market-oriented allocation of factors'",
    ),
    (
        "di-fang-bao-hu-he-shi-chang-fen-ge",
        "local protection, market segmentation",
        "e the initiative to eliminate local protection, market segmentation and\" involution \"competition.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "yi-xi-jin-ping-tong-zhi-wei-he-xin-de-dang-zhong-yang",
        "Party Central Committee, with Comrade Xi Jinping as its core",
        "rasping the market rules, the Party Central Committee, with Comrade Xi Jinping as its core, has deployed a comprehensive",
        "label or glossary: zhong-gong-zhong-yang takes 'Party Central Committee'",
    ),
    (
        "nei-juan-shi-jing-zheng",
        "comprehensive rectification of the \"involution\" competition",
        "g as its core, has deployed a comprehensive rectification of the \"involution\" competition.",
        "bounds: found as '\"involution\" competition'",
    ),
    (
        "zheng-fu-gong-zuo-bao-gao",
        "work report of the Beijing Municipal Government",
        "This year’s work report of the Beijing Municipal Government proposed to fully stimulate t",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "gong-ping-jing-zheng-shen-cha",
        "reviews of fair competition",
        "ess entities, conduct regular reviews of fair competition in policies and measures, and",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "nei-juan-shi-jing-zheng",
        "comprehensively rectify involutional competition",
        "in policies and measures, and comprehensively rectify involutional competition.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "nei-juan-shi-jing-zheng",
        "deeply rectifying involutional competition",
        "eld at the end of last year, “deeply rectifying involutional competition” was listed as a key annual t",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "nei-juan-shi-jing-zheng",
        "comprehensive rectification of involution competition",
        "Beijing News:In 2025, \"comprehensive rectification of involution competition\" was written into the governm",
        "bounds: found as 'involution competition'",
    ),
    (
        "quan-guo-ren-min-dai-biao-da-hui",
        "National People’s Congress (NPC)",
        "25, during the opening of the National People’s Congress (NPC) in Beijing.",
        "bounds: found as 'National People’s Congress'",
    ),
    (
        "nei-juan-shi-jing-zheng",
        "involuted’ vicious competition",
        "led for the need to “prevent ‘involuted’ vicious competition”.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "nei-juan-shi-jing-zheng",
        "involutionary\" competition",
        "scipline and prevent vicious \"involutionary\" competition.",
        "bounds: found as '\"involutionary\" competition'",
    ),
    (
        "er-shi-jie-si-zhong-quan-hui",
        "fourth plenum",
        "on convened this week for its fourth plenum and issued a communiqué calli",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "ke-ji-zi-li-zi-qiang",
        "technological self-reliance",
        "ion towards manufacturing and technological self-reliance.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "shi-wu-wu-gui-hua-jian-yi",
        "15th Five-Year Plan\" proposal",
        "The \"15th Five-Year Plan\" proposal, adopted at the Fourth Plenar",
        "bounds: found as '\"15th Five-Year Plan\" proposal'",
    ),
    (
        "tou-zi-yu-ren",
        "investing in both material and human resources",
        "th promoting consumption, and investing in both material and human resources.\"",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "shi-wu-wu-gui-hua-jian-yi",
        "15th Five-Year Plan\" proposal",
        "sions early last year to the \"15th Five-Year Plan\" proposal, and then to the recently hel",
        "bounds: found as '\"15th Five-Year Plan\" proposal'",
    ),
    (
        "guo-jia-zhu-xi",
        "President",
        "published an article based on President Xi Jinping’s remarks on consu",
        "bounds: found as 'President Xi Jinping'",
    ),
    (
        "shi-wu-wu-gui-hua-jian-yi",
        "five-year plan proposals",
        "A book introducing the five-year plan proposals, produced by a Communist Part",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "kuo-da-nei-xu",
        "expanding domestic demand",
        "Therefore, the key to expanding domestic demand lies in boosting confidence.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "tou-zi-yu-ren",
        "investing in the people",
        "ts share a major principle – “investing in the people.”",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhong-gong-zhong-yang-zong-shu-ji",
        "General Secretary",
        "In 2003, General Secretary Xi Jinping made a strategic d",
        "bounds: found as 'General Secretary Xi Jinping'",
    ),
    (
        "qian-wan-gong-cheng",
        "Thousand Villages Demonstration and Ten Thousand Villages Renovation\" project",
        "The \"Thousand Villages Demonstration and Ten Thousand Villages Renovation\" project (referred to as \"Ten Thousand",
        "bounds: found as '\"Thousand Villages Demonstration and Ten Thousand Villages Renovation\" project'",
    ),
    (
        "zhong-gong-zhong-yang-zong-shu-ji",
        "General Secretary",
        "on made by the Supreme Leader General Secretary during his work in Zhejiang.",
        "bounds: found as 'Supreme Leader General Secretary'",
    ),
    (
        "zhong-gong-zhong-yang-zong-shu-ji",
        "General Secretary",
        "osition of the Supreme Leader General Secretary on the work of agriculture, r",
        "bounds: found as 'Supreme Leader General Secretary'",
    ),
    (
        "san-nong",
        "work of agriculture, rural areas and farmers",
        "ader General Secretary on the work of agriculture, rural areas and farmers.",
        "bounds: found as 'agriculture, rural areas and farmers'",
    ),
    (
        "nong-cun-ren-ju-huan-jing-zheng-zhi",
        "human settlement environment improvement",
        " million project\" as a simple human settlement environment improvement project.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "fang-zhi-gui-mo-xing-fan-pin",
        "ensure that no scale will return to poverty",
        " of poverty alleviation\" and \"ensure that no scale will return to poverty.\"",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhong-gong-zhong-yang-zong-shu-ji",
        "General Secretary",
        "On February 25 last year, General Secretary Xi Jinping solemnly announced",
        "bounds: found as 'General Secretary Xi Jinping'",
    ),
    (
        "san-nong",
        "agriculture and rural\" work",
        " completed, the focus of the \"agriculture and rural\" work focused on comprehensively pr",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "xiang-cun-zhen-xing",
        "comprehensively promoting rural revitalization",
        "re and rural\" work focused on comprehensively promoting rural revitalization.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "san-nong",
        "三农”工作",
        "实现由集中资源支持脱贫攻坚向全面推进乡村振兴平稳过渡,推动“三农”工作重心历史性转移。",
        "bounds: found as '“三农”工作'",
    ),
    (
        "fang-zhi-gui-mo-xing-fan-pin",
        "防止规模性返贫",
        "动态监测和帮扶机制,对易返贫致贫人口及时发现、及时帮扶,守住防止规模性返贫底线。",
        "bounds: found as '防止规模性返贫底线'",
    ),
    (
        "gong-gu-tuo-zhan-tuo-pin-gong-jian-cheng-guo",
        "consolidating the achievements in poverty alleviation and effectively bridging the transition to rural revitalization",
        "also the five-year period for consolidating the achievements in poverty alleviation and effectively bridging the transition to rural revitalization.",
        "bounds: found as 'consolidating the achievements in poverty alleviation'",
    ),
    (
        "xiang-cun-zhen-xing",
        "comprehensively promote rural revitalization",
        "Central documents proposed to comprehensively promote rural revitalization and accelerate agricultural a",
        "bounds: found as 'rural revitalization'",
    ),
    (
        "fang-zhi-gui-mo-xing-fan-pin",
        "prevent large-scale poverty reduction",
        "talization,one of which is to prevent large-scale poverty reduction and consolidate and improve t",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "gong-gu-tuo-zhan-tuo-pin-gong-jian-cheng-guo",
        "consolidate and improve the achievements made in poverty alleviation",
        "e-scale poverty reduction and consolidate and improve the achievements made in poverty alleviation.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhong-gong-zhong-yang",
        "CPC Central Committee's",
        "ion, which fully reflects the CPC Central Committee's insufficiency in addressing m",
        "bounds: found as 'CPC Central Committee'",
    ),
    (
        "ba-ba-zhan-lue",
        "Eighth Eighth Strategy",
        "ent history of Zhejiang, the \"Eighth Eighth Strategy\" is an important milestone an",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhong-gong-zhong-yang-zong-shu-ji",
        "General Secretary",
        "On August 17, General Secretary Xi Jinping presided over the ",
        "bounds: found as 'General Secretary Xi Jinping'",
    ),
    (
        "yi-ren-min-wei-zhong-xin",
        "people-centered development thinking",
        "opment, we must adhere to the people-centered development thinking, take the initiative to adapt",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhong-yang-cai-jing-wei",
        "Central Committee for Financial and Economic Affairs",
        "ting of the Communist Party’s Central Committee for Financial and Economic Affairs on Tuesday.",
        "bounds: found as 'Party’s Central Committee for Financial and Economic Affairs'",
    ),
    (
        "wan-shan-xiang-gang-xuan-ju-zhi-du",
        "revamped electoral system",
        "new chief executive under the revamped electoral system, which ensures that only high",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "gang-ao-ban",
        "Hong Kong-Macao Office",
        " Xia Baolong, Director of the Hong Kong-Macao Office, on the principle of “patriot",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "xiang-gang-te-bie-xing-zheng-qu",
        "Hong Kong Special Administrative Region (HKSAR)",
        "atriots, and the power of the Hong Kong Special Administrative Region (HKSAR) must be in the hands of patri",
        "bounds: found as 'Hong Kong Special Administrative Region'",
    ),
    (
        "xiang-gang-guo-an-fa",
        "National Security Law",
        "ion and implementation of the National Security Law, Hong Kong has been questione",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "you-luan-dao-zhi-you-zhi-ji-xing",
        "transition from governance to prosperity",
        "that Hong Kong is promoting a transition from governance to prosperity, some overseas politicians tr",
        "bounds: found as 'from governance to prosperity'",
    ),
    (
        "wei-hu-guo-jia-an-quan-tiao-li",
        "Hong Kong's national security ordinance",
        "ulation and implementation of Hong Kong's national security ordinance will undoubtedly further soli",
        "bounds: found as 'national security ordinance'",
    ),
    (
        "you-luan-dao-zhi-you-zhi-ji-xing",
        "transition from governance to prosperity",
        "velopment, promoting a faster transition from governance to prosperity, the office said.",
        "bounds: found as 'from governance to prosperity'",
    ),
    (
        "ao-men-te-bie-xing-zheng-qu",
        "Macao Special Administrative Region (SAR)",
        "h-term chief executive of the Macao Special Administrative Region (SAR).",
        "bounds: found as 'Macao Special Administrative Region'",
    ),
    (
        "yi-guo-liang-zhi",
        "one country, two systems\" with distinctive Macao features",
        "ed in advancing the cause of \"one country, two systems\" with distinctive Macao features, Xi noted, stressing that Mac",
        "bounds: found as 'one country, two systems'",
    ),
    (
        "guo-jia-zhu-xi",
        "President",
        "hat, with the genuine care of President Xi Jinping and the steadfast ",
        "bounds: found as 'President Xi Jinping'",
    ),
    (
        "yi-guo-liang-zhi",
        "One country, two systems” principle, enriched with Macao characteristics",
        "essful implementation of the “One country, two systems” principle, enriched with Macao characteristics.",
        "bounds: found as 'One country, two systems'",
    ),
    (
        "shi-wu-wu-gui-hua",
        "十五五」規劃綱要",
        "六日到台灣代表團進行工作交流，強調大陸國台辦將堅決貫徹落實「十五五」規劃綱要有關任務要求。",
        "bounds: found as '「十五五」規劃綱要'",
    ),
    (
        "di-yi-jia-yuan",
        "first homeland",
        "ntly building and sharing the first homeland and creating a model for cros",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "guo-jia-zhu-xi",
        "President",
        "e the 18th National Congress, President Xi Jinping has visited Fujian",
        "bounds: found as 'President Xi Jinping'",
    ),
    (
        "guo-jia-zhu-xi",
        "President",
        "President Xi stressed the need to “take",
        "bounds: found as 'President Xi'",
    ),
    (
        "di-yi-jia-yuan",
        "first homeland for Taiwanese individuals and businesses",
        "It aims to be the first homeland for Taiwanese individuals and businesses, exploring new paths for inte",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "he-ping-tong-yi",
        "peaceful unification",
        "Chen reaffirmed that \"peaceful unification and one country, two systems\"",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhong-gong-zhong-yang-zong-shu-ji",
        "General Secretary",
        "nd implementing the spirit of General Secretary Xi Jinping's important speech",
        "bounds: found as 'General Secretary Xi Jinping'",
    ),
    (
        "wu-wei-yi-ti",
        "五位一體”總體布局",
        "持穩中求進工作總基調，完整準確全面貫徹新發展理念，統籌推進“五位一體”總體布局，協調推進“四個全面”戰略布局，統籌國內國際兩個大局，統籌發",
        "bounds: found as '“五位一體”總體布局'",
    ),
    (
        "si-ge-quan-mian",
        "四個全面”戰略布局",
        "全面貫徹新發展理念，統籌推進“五位一體”總體布局，協調推進“四個全面”戰略布局，統籌國內國際兩個大局，統籌發展和安全，進一步全面深化改革，",
        "bounds: found as '“四個全面”戰略布局'",
    ),
    (
        "shi-wu-wu-gui-hua",
        "十五五」時期",
        "全會審議並通過《建議》文件，明確「十五五」時期（2026—2030年）是「基本實現社會主義現代化的關鍵階段",
        "bounds: found as '「十五五」時期'",
    ),
    (
        "shi-wu-wu-gui-hua",
        "15th Five-Year” period",
        "mmittee pointed out that the “15th Five-Year” period is a crucial time for laying ",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "shi-si-wu-gui-hua",
        "14th Five-Year” plan",
        "nization cause following the “14th Five-Year” plan.",
        "bounds: found as '“14th Five-Year” plan'",
    ),
    (
        "dang-de-er-shi-da",
        "Party's 20 Congresses",
        "d implement the spirit of the Party's 20 Congresses。",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
];
const REAL_HELDOUT_9_KNOWN_MISSES: &[(&str, &str, &str, &str)] = &[
    (
        "sao-hei-chu-e",
        "combat and eliminate organized crime",
        "ed all-out efforts to further combat and eliminate organized crime to ensure social stability an",
        "label or glossary: you-zu-zhi-fan-zui takes 'organized crime'",
    ),
    (
        "sao-hei-chu-e",
        "combating organized crime",
        "s at a national conference on combating organized crime held for public security auth",
        "label or glossary: you-zu-zhi-fan-zui takes 'organized crime'",
    ),
    (
        "hei-she-hui-xing-zhi-zu-zhi",
        "mafia-like crime rings",
        "h the law, and of dismantling mafia-like crime rings as well as their shelters and",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "da-san-po-wang",
        "shelters and networks",
        " crime rings as well as their shelters and networks.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "hei-e-shi-li",
        "organised crime and evil forces",
        "rately and forcefully against organised crime and evil forces, and also resolutely crack do",
        "label or glossary: e-shi-li takes 'evil forces'",
    ),
    (
        "da-san-po-wang",
        "crack down on protective umbrellas and break networks",
        "l forces, and also resolutely crack down on protective umbrellas and break networks to ensure that our actions ar",
        "label or glossary: bao-hu-san takes 'protective umbrellas'",
    ),
    (
        "sao-hei-chu-e-zhuan-xiang-dou-zheng",
        "anti-organised crime drive",
        "In 2021, the anti-organised crime drive was declared an “overwhelming",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "ying-tan-yi-fu",
        "fly, greed, ant, and corruption",
        "e direction of punishing the \"fly, greed, ant, and corruption\" around the masses is at the ",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "dang-zu-zhi-shu-ji",
        "village party branch secretaries",
        "cus on key minorities such as village party branch secretaries and village committee directo",
        "bounds: found as 'party branch secretaries'",
    ),
    (
        "zheng-feng-su-ji",
        "promoting integrity, discipline and anti-corruption",
        "e adhered to the principle of promoting integrity, discipline and anti-corruption at the grassroots level, main",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "fan-fu-gao-ya-tai-shi",
        "high-pressure situation",
        "assroots level, maintaining a high-pressure situation of \"punishment\", and achievin",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "xing-xiang-gong-cheng",
        "image projects",
        "local reality and engaged in \"image projects\" that wasted money and hurt t",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "fan-fu-bai-gong-jian-zhan-chi-jiu-zhan",
        "comprehensive and enduring battle",
        "e Party to decisively win the comprehensive and enduring battle against during a speech on Mo",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "guo-wu-yuan",
        "State Council",
        "arty members group of China's State Council on Wednesday convened to stud",
        "bounds: found as 'China's State Council'",
    ),
    (
        "bu-gan-fu-bu-neng-fu-bu-xiang-fu",
        "一体推进“三不腐”",
        "新时代以来,一体推进“三不腐”的工作取得了显著成效。",
        "bounds: found as '三不腐'",
    ),
    (
        "she-hei-she-e",
        "heinous crimes",
        "rocuratorial organs punishing heinous crimes in the field of engineering c",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "hei-she-hui-xing-zhi-zu-zhi",
        "underworld type organization",
        "eased this time include three underworld type organization crimes and one criminal group",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "e-shi-li-fan-zui-ji-tuan",
        "criminal group crime committed by evil forces",
        "e organization crimes and one criminal group crime committed by evil forces.",
        "label or glossary: e-shi-li takes 'evil forces'",
    ),
    (
        "zui-gao-ren-min-fa-yuan",
        "top court",
        "China's top court has called on courts nationwi",
        "bounds: found as 'China's top court'",
    ),
    (
        "xiang-cun-zhen-xing",
        "rural revitalization",
        " and supporting the country's rural revitalization efforts,\" the top court said.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zui-gao-ren-min-fa-yuan",
        "top court",
        " revitalization efforts,\" the top court said.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "shi-si-wu-gui-hua",
        "14th Five-Year Plan",
        "e goals and tasks during the \"14th Five-Year Plan\" period.",
        "bounds: found as '\"14th Five-Year Plan\" period'",
    ),
    (
        "zhong-yang-ji-wei-quan-hui",
        "Third Plenary Session of the 20th ** Commission for Discipline Inspection of the Communist Party of China",
        "om January 8 to 10, 2024, the Third Plenary Session of the 20th ** Commission for Discipline Inspection of the Communist Party of China was held in Beijing.",
        "label or glossary: ji-wei takes 'Commission for Discipline Inspection'",
    ),
    (
        "zhong-yang-ji-wei-chang-wei-hui",
        "Standing Committee of the Discipline Inspection Commission",
        "omrade Li Xi on behalf of the Standing Committee of the Discipline Inspection Commission on the \"In-depth Study and Im",
        "label or glossary: ji-wei takes 'Discipline Inspection Commission'",
    ),
    (
        "zi-wo-ge-ming-zhong-yao-si-xiang",
        "Important Ideas of the General Secretary on the Party's Self-Revolution",
        "udy and Implementation of the Important Ideas of the General Secretary on the Party's Self-Revolution and Promote the High-quality ",
        "label or glossary: zi-wo-ge-ming takes 'Self-Revolution'",
    ),
    (
        "xin-zheng-cheng",
        "New Journey",
        "n and Supervision Work in the New Journey\".",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhong-guan-gan-bu",
        "central-level officials",
        "vely released news that three central-level officials, including li xiangang, forme",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "ren-da-chang-wei-hui",
        "standing committee of the heilongjiang provincial people's congress",
        "up and deputy director of the standing committee of the heilongjiang provincial people's congress, liu yuejin (vice-ministerial",
        "label or glossary: di-fang-ren-da takes 'provincial people's congress'",
    ),
    (
        "zheng-xie-wei-yuan",
        "member of the 13th national committee of the chinese people's political consultative conference",
        "jin (vice-ministerial level), member of the 13th national committee of the chinese people's political consultative conference, and li yong, former deputy s",
        "label or glossary: quan-guo-zheng-xie takes 'national committee of the chinese people's political consultative conference'",
    ),
    (
        "bo-duo-zheng-zhi-quan-li",
        "permanently stripped of his political rights",
        "Tang was also permanently stripped of his political rights.",
        "bounds: found as 'stripped of his political rights'",
    ),
    (
        "mo-shou-cai-chan",
        "All personal assets will be confiscated",
        "All personal assets will be confiscated, and illicit funds will be se",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhong-yang-ji-wei",
        "最高反腐敗監督機構",
        "中國最高反腐敗監督機構週五表示,2024年已對官員提起超過4000起紀律案件,試圖",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zheng-wu-chu-fen",
        "行政制裁",
        "0人因未遵守共產黨紀律而受到懲罰,270,000人因所謂的“行政制裁”而受到懲罰。",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "dang-de-ji-lv-jian-she",
        "党的纪律建设",
        ",这是党的历史上首次开展以党纪为主题的集中性学习教育,是加强党的纪律建设、推动全面从严治党向纵深发展的重要举措。",
        "bounds: found as '加强党的纪律建设'",
    ),
    (
        "ba-xiang-gui-ding",
        "eight-point decision",
        " of this effort is the CPC’s “eight-point decision” on improving Party and gover",
        "bounds: found as '“eight-point decision” on improving Party and government conduct'",
    ),
    (
        "xun-shi",
        "disciplinary inspection",
        "forts to promote high-quality disciplinary inspection, thus providing a strong guar",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "quan-mian-shen-hua-gai-ge",
        "further comprehensively deepening reform",
        "viding a strong guarantee for further comprehensively deepening reform and advancing Chinese moderni",
        "bounds: found as 'comprehensively deepening reform'",
    ),
    (
        "zheng-zhi-jian-du",
        "political oversight",
        "onduct targeted and effective political oversight.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "ling-dao-gan-bu",
        "leading officials",
        "ficials, tighten oversight of leading officials, strengthen regulation and ov",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "ba-xiang-gui-ding-jing-shen-xue-xi-jiao-yu",
        "campaign to implement the central Party leadership's eight-point decision on improving Party and government conduct",
        "hina carried out an intensive campaign to implement the central Party leadership's eight-point decision on improving Party and government conduct.",
        "label or glossary: ba-xiang-gui-ding takes 'eight-point decision on improving Party and government conduct'",
    ),
    (
        "ba-xiang-gui-ding-jing-shen-xue-xi-jiao-yu",
        "study and education campaign to advance the implementation of the Party's eight-point decision on improving conduct",
        " groups tasked with guiding a study and education campaign to advance the implementation of the Party's eight-point decision on improving conduct was held in Beijing on Friday",
        "label or glossary: zhong-guo-gong-chan-dang takes 'Party'",
    ),
    (
        "zhong-yang-ji-wei-guo-jia-jian-wei",
        "Central Commission for Discipline Inspection and the State Supervision Commission",
        "Since the Central Commission for Discipline Inspection and the State Supervision Commission held a meeting on April 3 to ",
        "label or glossary: zhong-yang-ji-wei takes 'Central Commission for Discipline Inspection'",
    ),
    (
        "qun-zhong-shen-bian-bu-zheng-zhi-feng-he-fu-bai-wen-ti",
        "unhealthy practices and corruption around the masses",
        " centralized rectification of unhealthy practices and corruption around the masses across the country, as of Apr",
        "label or glossary: bu-zheng-zhi-feng takes 'unhealthy practices'",
    ),
    (
        "ying-tan-yi-fu",
        "fly greed and ant rot",
        " rectification work aimed at \"fly greed and ant rot\" is being rolled out in all l",
        "label or glossary: ying-tan takes 'fly greed'",
    ),
    (
        "wen-ti-xian-suo",
        "problem clues",
        " carry out a 'big doxxing' of problem clues\", Yunnan specifically propose",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "qun-zhong-shen-bian-bu-zheng-zhi-feng-he-fu-bai-wen-ti",
        "corruption issues around the people",
        "oots level, resolutely punish corruption issues around the people, and focus on the pain points",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "da-san-po-wang",
        "umbrella breaking",
        " institutionalization of the \"umbrella breaking\" campaign against organized c",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "sao-hei-chu-e",
        "campaign against organized crime and evil",
        "on of the \"umbrella breaking\" campaign against organized crime and evil.",
        "bounds: found as 'campaign against organized crime'",
    ),
    (
        "qun-zhong-shen-bian-bu-zheng-zhi-feng-he-fu-bai-wen-ti",
        "unhealthy practices and corruption issues around the people",
        "rt greater efforts to rectify unhealthy practices and corruption issues around the people, and effectively enhance the ",
        "label or glossary: bu-zheng-zhi-feng takes 'unhealthy practices'",
    ),
    (
        "dang-ji-zheng-wu-chu-fen",
        "disciplined by the Party and government",
        "Among them, 22415 people were disciplined by the Party and government, marking the 130th consecutiv",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "qun-zhong-shen-bian-bu-zheng-zhi-feng-he-fu-bai-wen-ti",
        "unhealthy practices and corruption around the masses",
        "o deepen the rectification of unhealthy practices and corruption around the masses, and strive to promote more a",
        "label or glossary: bu-zheng-zhi-feng takes 'unhealthy practices'",
    ),
    (
        "yi-ren-min-wei-zhong-xin",
        "development concept centered on the people",
        "n organs should adhere to the development concept centered on the people, actively fulfill their dutie",
        "bounds: found as 'centered on the people'",
    ),
    (
        "qun-zhong-shen-bian-bu-zheng-zhi-feng-he-fu-bai-wen-ti",
        "unhealthy practices and corruption around the masses",
        ", deepen the rectification of unhealthy practices and corruption around the masses, and win the trust of the peo",
        "label or glossary: bu-zheng-zhi-feng takes 'unhealthy practices'",
    ),
    (
        "qun-zhong-shen-bian-bu-zheng-zhi-feng-he-fu-bai-wen-ti",
        "unhealthy practices and corruption among the people",
        "centrated campaign to rectify unhealthy practices and corruption among the people.",
        "label or glossary: bu-zheng-zhi-feng takes 'unhealthy practices'",
    ),
    (
        "qun-zhong-shen-bian-bu-zheng-zhi-feng-he-fu-bai-wen-ti",
        "unhealthy practices and corruption among the people",
        "ke greater efforts to correct unhealthy practices and corruption among the people.",
        "label or glossary: bu-zheng-zhi-feng takes 'unhealthy practices'",
    ),
    (
        "qun-zhong-shen-bian-bu-zheng-zhi-feng-he-fu-bai-wen-ti",
        "unhealthy practices and corruption among the people",
        "ntrated rectification work on unhealthy practices and corruption among the people.",
        "label or glossary: bu-zheng-zhi-feng takes 'unhealthy practices'",
    ),
    (
        "liang-ge-wei-hu",
        "two protections",
        "olitical inspections, regard “two protections” as the most basic obligation",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "xun-shi-zheng-gai",
        "inspections and rectifications",
        "nd pragmatic in strengthening inspections and rectifications, consolidate rectification ta",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "biao-ben-jian-zhi",
        "treatment of both symptoms and root causes",
        "ction results, and deepen the treatment of both symptoms and root causes.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "jian-cha-ji-guan-supervisory",
        "supervisory organ of the state",
        " Law, which established a new supervisory organ of the state to investigate corruption and",
        "bounds: found as 'supervisory organ'",
    ),
    (
        "qu-bao-hou-shen",
        "bail out for summons",
        " revision bill are similar to bail out for summons and residential surveillance.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "jian-cha-fa",
        "Supervision Law",
        " the decision on amending the Supervision Law.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "jian-cha-quan-fu-gai",
        "full coverage of supervision of public officials",
        "haracteristics, and achieving full coverage of supervision of public officials.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "gui-fan-hua-fa-zhi-hua-zheng-gui-hua",
        "standardization, rule of law and normalization",
        "rong guarantee to promote the standardization, rule of law and normalization of supervision work.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "ba-xiang-gui-ding-jing-shen-xue-xi-jiao-yu",
        "implementing the Central Eight – point Regulation and conducting learning and education",
        "ral – level working group for implementing the Central Eight – point Regulation and conducting learning and education, along with the Office of the",
        "label or glossary: ba-xiang-gui-ding takes 'Central Eight – point Regulation'",
    ),
    (
        "wei-gui-chi-he",
        "improper eating and drinking",
        "ers and officials engaging in improper eating and drinking during the learning and educa",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "ba-xiang-gui-ding-jing-shen-xue-xi-jiao-yu",
        "learning and education",
        "int Regulation and conducting learning and education, along with the Office of the",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "wei-fan-zhong-yang-ba-xiang-gui-ding-jing-shen",
        "violated the Central Eight – point Regulation",
        "ation period, which seriously violated the Central Eight – point Regulation.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "wei-gui-jie-shou-yan-qing",
        "accepted and provided banquets that could potentially influence the impartial execution of official duties",
        "They accepted and provided banquets that could potentially influence the impartial execution of official duties, thus seriously breaching the",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "wei-fan-zhong-yang-ba-xiang-gui-ding-jing-shen",
        "breaching the eight – point regulations of the Central Committee",
        "ficial duties, thus seriously breaching the eight – point regulations of the Central Committee.",
        "label or glossary: ba-xiang-gui-ding takes 'eight – point regulations'",
    ),
    (
        "ba-xiang-gui-ding",
        "Eight Regulations' of the Central Committee",
        "ed at studying the so-called 'Eight Regulations' of the Central Committee, with one individual dying la",
        "bounds: found as ''Eight Regulations' of the Central Committee'",
    ),
    (
        "zhong-yang-ji-wei-guo-jia-jian-wei",
        "中共中央紀委國家監委",
        "中共中央紀委國家監委28日公布，2025年共查處違反「中央八項規定精神」問題29",
        "label or glossary: zhong-yang-ji-wei takes '中共中央紀委'",
    ),
    (
        "zhong-yang-ji-wei-guo-jia-jian-wei",
        "中共中央紀委國家監委",
        "中共中央紀委國家監委表示，要持續對違規吃喝、違規收送禮品禮金等易發多發問題深化整",
        "label or glossary: zhong-yang-ji-wei takes '中共中央紀委'",
    ),
    (
        "gong-kuan-lv-you",
        "公款出國(境)旅遊",
        "整治;對以調研考察、開展黨建活動、培訓的名義搞公款旅遊,變相公款出國(境)旅遊等問題嚴肅查處;對借民生項目違規建設樓堂館所等新動向密切關注",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "yi-gui-yi-ji-yi-fa",
        "依規依紀",
        "吃喝、違規收送禮品禮金等突出問題持續做好監督,對頂風違紀問題依規依紀從嚴查處,確保節日風清氣正。",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhong-gong-zhong-yang-zong-shu-ji",
        "General Secretary",
        "ons and Answers\", focusing on General Secretary Xi Jinping Experts and schola",
        "bounds: found as 'General Secretary Xi Jinping'",
    ),
    (
        "dang-ji-chu-fen",
        "party discipline sanctions",
        "Issue 20: What party discipline sanctions will party members face if th",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "dang-feng-lian-zheng-jian-she",
        "improve conduct within the party, strengthen integrity",
        "buro also discussed a plan to improve conduct within the party, strengthen integrity and combat graft, official ne",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "yi-ke-bu-ting-tui-jin-fan-fu-bai-dou-zheng",
        "push forward the fight against corruption, not stopping for a moment",
        "ng on Thursday to \"resolutely push forward the fight against corruption, not stopping for a moment, not yielding an inch.\"",
        "label or glossary: fan-fu-bai-dou-zheng takes 'fight against corruption'",
    ),
    (
        "zheng-ji-guan",
        "correct view of performance",
        "The move aims to establish a \"correct view of performance\" among cadres and ensure the ",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "ji-jian-jian-cha-ji-guan",
        "disciplinary inspection and supervision authorities",
        "The disciplinary inspection and supervision authorities nationwide punished 983,000 i",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "ji-yan-yu-fa-ji-zai-fa-qian",
        "Party discipline should be even more stringent than the law",
        "as upheld the principles that Party discipline should be even more stringent than the law and that discipline and law e",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "ji-fa-guan-tong-fa-fa-xian-jie",
        "discipline and law enforcement efforts should go hand in hand",
        "ringent than the law and that discipline and law enforcement efforts should go hand in hand.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "tan-hua-han-xun",
        "oral and written inquiries",
        "self-criticism activities and oral and written inquiries, which are to be conducted re",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "hong-hong-lian-chu-chu-han",
        "redden and sweat",
        "minor misconduct are made to \"redden and sweat\"; 2) light penalties and mino",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "dang-ji-qing-chu-fen",
        "light penalties and minor organizational adjustments to official positions",
        "ade to \"redden and sweat\"; 2) light penalties and minor organizational adjustments to official positions, which are to be applied in t",
        "label or glossary: zu-zhi-chu-li takes 'organizational adjustments'",
    ),
    (
        "dang-ji-zhong-chu-fen",
        "heavy penalties and major adjustments to official positions",
        " in the majority of cases; 3) heavy penalties and major adjustments to official positions, which are to be applied in a",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "yan-zhong-wei-ji-wei-fa",
        "serious violations of discipline and suspected criminal activity",
        "all number of cases involving serious violations of discipline and suspected criminal activity.",
        "bounds: found as 'serious violations of discipline'",
    ),
    (
        "cheng-qing-zheng-ming",
        "clarify and restore the reputation",
        "rsonal gain, we must promptly clarify and restore the reputation of young cadres who have been",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "nian-qing-gan-bu",
        "young cadres",
        "and restore the reputation of young cadres who have been wrongfully accu",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "jian-cha-wei-yuan-hui",
        "Municipal Supervisory Commission",
        "on and Deputy Director of the Municipal Supervisory Commission, discussed three “degrees” co",
        "bounds: found as 'Supervisory Commission'",
    ),
    (
        "ji-jian-jian-cha-ji-guan",
        "disciplinary inspection and supervision authorities",
        "The disciplinary inspection and supervision authorities must elevate the selection an",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "liu-zhi",
        "detained",
        "n organs filed 877,000 cases, detained 38,000 people, and imposed pa",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "dang-ji-zheng-wu-chu-fen",
        "party discipline and administrative sanctions",
        "ed 38,000 people, and imposed party discipline and administrative sanctions on 889,000 people.",
        "label or glossary: zheng-wu-chu-fen takes 'administrative sanctions'",
    ),
    (
        "fan-fu-gao-ya-tai-shi",
        "high-pressure anti-corruption environment",
        "Even in the high-pressure anti-corruption environment, there are still people who c",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "dang-de-shi-ba-da",
        "党的十八大",
        "律、廉洁纪律和生活纪律,构成严重职务违法并涉嫌受贿犯罪,且在党的十八大后不收敛、不收手,性质严重,影响恶劣,应予严肃处理。",
        "label or glossary: bu-shou-lian-bu-shou-shou takes '党的十八大后不收敛、不收手'",
    ),
    (
        "bu-shou-lian-bu-shou-shou",
        "不收敛、不收手",
        "和生活纪律,构成严重职务违法并涉嫌受贿犯罪,且在党的十八大后不收敛、不收手,性质严重,影响恶劣,应予严肃处理。",
        "bounds: found as '党的十八大后不收敛、不收手'",
    ),
    (
        "kai-chu-gong-zhi",
        "开除公职",
        "报中共中央批准,决定给予王一新开除党籍处分;由国家监委给予其开除公职处分;终止其黑龙江省第十三次党代会代表资格;收缴其违纪违法所",
        "bounds: found as '开除公职处分'",
    ),
    (
        "qun-zhong-shen-bian-bu-zheng-zhi-feng-he-fu-bai-wen-ti",
        "群眾身邊不正之風與腐敗問題",
        "整治群眾身邊不正之風與腐敗問題，直接關乎人心向背。",
        "label or glossary: bu-zheng-zhi-feng takes '不正之風'",
    ),
    (
        "quan-guo-ren-da-chang-wei-hui",
        "常委會",
        "5年，在以習近平同志為核心的黨中央堅強領導下，在全國人大及其常委會有力監督下，最高人民檢察院堅持以習近平新時代中國特色社會主義",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhong-yang-quan-hui",
        "二十屆歷次全會",
        "思想為指導，深入學習貫徹習近平法治思想，全面貫徹黨的二十大和二十屆歷次全會精神，認真落實十四屆全國人大三次會議決議，深刻領悟“兩個確立",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "shi-si-jie-quan-guo-ren-da",
        "十四屆全國人大三次會議",
        "平法治思想，全面貫徹黨的二十大和二十屆歷次全會精神，認真落實十四屆全國人大三次會議決議，深刻領悟“兩個確立”的決定性意義，增強“四個意識”、堅",
        "bounds: found as '十四屆全國人大'",
    ),
    (
        "yi-ba-shou",
        "“一把手”",
        "践悟习近平法治思想常态化机制,分级分类开展政治轮训,推动实施“一把手”、青年干部政治能力提升行动,不断提高检察人员的政治判断力、政",
        "bounds: found as '一把手'",
    ),
    (
        "zhong-gong-zhong-yang-zong-shu-ji",
        "General Secretary",
        "”, what new requirements does General Secretary Xi Jinping have for party dis",
        "bounds: found as 'General Secretary Xi Jinping'",
    ),
    (
        "zhong-gong-zhong-yang-zong-shu-ji",
        "General Secretary",
        "y and implement the spirit of General Secretary Xi Jinping's important speech",
        "bounds: found as 'General Secretary Xi Jinping'",
    ),
    (
        "quan-mian-cong-yan-zhi-dang",
        "comprehensive and strict governance of the CPC",
        "le requirement to promote the comprehensive and strict governance of the CPC to extend to grassroots level",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "qun-zhong-shen-bian-bu-zheng-zhi-feng-he-fu-bai-wen-ti",
        "irregularities and corruptions on the people’s doorsteps",
        "and further crack down on the irregularities and corruptions on the people’s doorsteps.",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhong-yang-ji-wei-guo-jia-jian-wei-wang-zhan",
        "website of the CCDI and NCS",
        "blished on November 25 on the website of the CCDI and NCS, it said data and public sent",
        "bounds: found as 'website of the CCDI'",
    ),
    (
        "ying-tan",
        "corruption of “small flies”",
        "nt progress made in combating corruption of “small flies” and the fact that the existin",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhong-yang-ji-wei-quan-hui",
        "Second Plenary Session of the 20th ** Commission for Discipline Inspection",
        "The Second Plenary Session of the 20th ** Commission for Discipline Inspection emphasized that it is necessa",
        "label or glossary: ji-wei takes 'Commission for Discipline Inspection'",
    ),
    (
        "chi-na-qia-yao",
        "eat and take cards",
        "asses, at least they will not eat and take cards, then the foundation will cer",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "qun-zhong-shen-bian-bu-zheng-zhi-feng-he-fu-bai-wen-ti",
        "corruption and unhealthy practices around the masses",
        "he future, there will be more corruption and unhealthy practices around the masses to be investigated and dealt ",
        "label or glossary: bu-zheng-zhi-feng takes 'unhealthy practices'",
    ),
    (
        "yi-yao-ling-yu-fu-bai-ji-zhong-zheng-zhi",
        "anti-corruption efforts in the medical field",
        "at this may indicate that the anti-corruption efforts in the medical field are increasingly targeting th",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "guan-jian-shao-shu",
        "the key few",
        "stitution staff, but also on \"the key few\" closer to the upstream of th",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zuo-feng-jian-she",
        "building the party’s style",
        "an important internal task of building the party’s style and caring for the grassroots",
        "label or glossary: zhong-guo-gong-chan-dang takes 'party'",
    ),
    (
        "zi-wo-ge-ming-zhong-yao-si-xiang",
        "Party self-reform",
        "houghts on Party building and Party self-reform.",
        "label or glossary: zi-wo-ge-ming takes 'Party self-reform'",
    ),
    (
        "zhui-tao-zhui-zang",
        "tracking and recovering fugitives",
        "f an integrated mechanism for tracking and recovering fugitives, according to a decision made",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhong-yang-zhui-tao-ban",
        "fugitive repatriation and asset recovery office under the Central Anti-Corruption Coordination Group",
        "meeting on Tuesday of China's fugitive repatriation and asset recovery office under the Central Anti-Corruption Coordination Group, Xinhua News Agency reported.",
        "bounds: found as 'fugitive repatriation and asset recovery office'",
    ),
    (
        "lie-hu-xing-dong",
        "Fox Hunt",
        "curity (MPS) will launch the \"Fox Hunt\" campaign, while the People's",
        "bounds: found as '\"Fox Hunt\" campaign'",
    ),
    (
        "feng-fu-tong-cha-tong-zhi",
        "investigation and treatment of corruption",
        "s, and thoroughly promote the investigation and treatment of corruption, and firmly crack down on the",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "yin-xing-bian-yi",
        "hidden changes",
        " and firmly crack down on the hidden changes of the \"four winds\".",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "si-feng",
        "four winds",
        "on the hidden changes of the \"four winds\".",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "wei-gui-jie-shou-yan-qing",
        "accepted banquets provided by the parties involved in handling cases in violation of regulations",
        "Xiao repeatedly accepted banquets provided by the parties involved in handling cases in violation of regulations, violating the spirit of the ",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zheng-wu-ji-da-guo",
        "major demerit in government affairs",
        "arning within the party and a major demerit in government affairs.",
        "bounds: found as 'major demerit'",
    ),
    (
        "ying-tan-yi-fu",
        "Fly greed, ant corruption",
        "Fly greed, ant corruption \"gnaws on the vital interests",
        "label or glossary: ying-tan takes 'Fly greed'",
    ),
    (
        "qun-zhong-shen-bian-bu-zheng-zhi-feng-he-fu-bai-wen-ti",
        "unhealthy practices and corruption around the masses",
        " efforts to resolutely punish unhealthy practices and corruption around the masses.",
        "label or glossary: bu-zheng-zhi-feng takes 'unhealthy practices'",
    ),
    (
        "zheng-feng-su-ji",
        "promoting good conduct and discipline",
        "notice on doing a good job in promoting good conduct and discipline during the 2026 New Year and ",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zheng-feng-su-ji",
        "promoting good conduct and discipline",
        "notice on doing a good job in promoting good conduct and discipline during the 2026 New Year and ",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zheng-feng-su-ji",
        "promotion of good conduct and discipline",
        "stival period, strengthen the promotion of good conduct and discipline, and create a clean and uprig",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "feng-qing-qi-zheng",
        "clean and upright",
        " and discipline, and create a clean and upright festive atmosphere.",
        "label or glossary: qing-zheng-lian-jie takes 'clean and upright'",
    ),
    (
        "si-feng",
        "four winds",
        "During festivals, the \"four winds\" problem is prone to occur fr",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "ming-cha-an-fang",
        "unannounced visit",
        "n for Discipline Inspection's unannounced visit were those who violated the s",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "wei-fan-zhong-yang-ba-xiang-gui-ding-jing-shen",
        "violated the spirit of the eight regulations",
        "nnounced visit were those who violated the spirit of the eight regulationsFormalism, bureaucracy, hedoni",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "xing-shi-zhu-yi",
        "Formalism",
        "pirit of the eight regulationsFormalism, bureaucracy, hedonism and ex",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "she-mi-zhi-feng",
        "extravagance",
        "sm, bureaucracy, hedonism and extravaganceParty members and public offic",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "wei-gui-pei-bei-shi-yong-gong-wu-yong-che",
        "Public buses for private use",
        "4.Public buses for private useusing official vehicles for pr",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "wei-gui-pei-bei-shi-yong-gong-wu-yong-che",
        "equipping and using official vehicles beyond the standard",
        "cles for private purposes, or equipping and using official vehicles beyond the standard, or purchasing and using new ",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "yi-gui-zhi-dang",
        "governing the party in accordance with rules and regulations",
        " regulations and insisting on governing the party in accordance with rules and regulations is an inevitable choice to bu",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "ji-wei",
        "township disciplinary committees",
        "nt personnel and expertise in township disciplinary committees [2]",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "da-zao-da-xiao",
        "打早除小",
        "会上获悉,2023年,我区坚持以打开路、惩治并举、标本兼治、打早除小,开展涉黑涉恶全量线索起底清仓攻坚专项行动,围绕社会治安重点",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "xian-suo-qing-cang",
        "线索起底清仓",
        "坚持以打开路、惩治并举、标本兼治、打早除小,开展涉黑涉恶全量线索起底清仓攻坚专项行动,围绕社会治安重点地区、重点行业领域,多手段深挖",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
    (
        "zhi-wu-fan-zui",
        "duty-related criminal cases",
        "d over 114,000 individuals in duty-related criminal cases and more than 16,000 for brib",
        "glossary: not a form of the entry, or a gated form with no cue in the sentence",
    ),
];

/// The floor for the fifth held-out set, per expected term. Measured 0.737 before the glossary
/// took its wordings (the out-of-sample figure, 361 of 490 terms), 0.812 after (398: the
/// wordings were added only where a second source attests them).
const REAL_HELDOUT_5_RECALL_FLOOR: f64 = 0.80;
/// The sixth held-out set's floor: 0.823 of 440 terms before the glossary took any of its
/// wordings (press 0.655, machine translation 0.786, Chinese 0.981), 0.907 after.
const REAL_HELDOUT_6_RECALL_FLOOR: f64 = 0.88;
/// The seventh held-out set's floor: 0.816 of 413 terms before the glossary took any of its wordings (press 0.829,
/// machine translation 0.701, Chinese 0.922; 0.644 exact), 0.901 after.
const REAL_HELDOUT_7_RECALL_FLOOR: f64 = 0.88;
/// The eighth held-out set's floor: 0.833 of 479 terms before the glossary took any of its wordings (press 0.808,
/// machine translation 0.771, Chinese 0.940; 0.691 exact), 0.923 after.
const REAL_HELDOUT_8_RECALL_FLOOR: f64 = 0.90;
/// The ninth held-out set's floor: 0.724 of 565 terms before the glossary took any of its
/// wordings (press 0.623, machine translation 0.630, Chinese 0.900; 0.673 exact), 0.795 after.
const REAL_HELDOUT_9_RECALL_FLOOR: f64 = 0.78;

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| Matcher::new(Glossary::builtin()).expect("the builtin glossary compiles"))
}

/// One row of a variants TSV.
#[derive(Debug)]
struct Case {
    line: usize,
    kind: String,
    text: String,
    /// (kb_id, span text)
    expected: Vec<(String, String)>,
}

fn unescape(s: &str) -> String {
    s.replace("\\r", "\r")
        .replace("\\t", "\t")
        .replace("\\n", "\n")
}

fn parse_tsv(data: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    for (i, line) in data.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') || line.starts_with("kind\t") {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        // A fifth column, where there is one, names the source and is not read.
        assert!(
            cols.len() == 4 || cols.len() == 5,
            "line {}: four or five tab-separated columns",
            i + 1
        );
        let ids: Vec<&str> = cols[2].split('|').collect();
        let spans: Vec<&str> = cols[3].split('|').collect();
        assert_eq!(
            ids.len(),
            spans.len(),
            "line {}: as many ids as spans",
            i + 1
        );
        let text = unescape(cols[1]);
        let expected: Vec<(String, String)> = ids
            .iter()
            .zip(&spans)
            .map(|(id, span)| (id.to_string(), unescape(span)))
            .collect();
        for (_, span) in &expected {
            assert!(
                text.contains(span.as_str()),
                "line {}: expected span {span:?} is not in the sentence",
                i + 1
            );
        }
        cases.push(Case {
            line: i + 1,
            kind: cols[0].to_string(),
            text,
            expected,
        });
    }
    cases
}

fn sentences(data: &str) -> Vec<&str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

fn id_of(span: &Span) -> &'static str {
    &matcher().entry(span).id
}

/// How one expected term fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// Found by its entry with exactly the expected span.
    Exact,
    /// Found by its entry, overlapping the expected span, with other bounds.
    Overlap,
    Missed,
}

fn outcome(text: &str, spans: &[Span], id: &str, want: &str) -> Outcome {
    let start = text.find(want).expect("checked when parsing");
    let end = start + want.len();
    let mine = spans.iter().filter(|s| id_of(s) == id);
    let mut best = Outcome::Missed;
    for s in mine {
        if &text[s.start..s.end] == want {
            return Outcome::Exact;
        }
        if s.start < end && start < s.end {
            best = Outcome::Overlap;
        }
    }
    best
}

/// Every (case, expected term, outcome) of a set.
fn run(cases: &[Case]) -> Vec<(&Case, &str, &str, Outcome)> {
    let mut out = Vec::new();
    for case in cases {
        let spans = matcher().find(&case.text, MatchOptions::default());
        for (id, want) in &case.expected {
            out.push((
                case,
                id.as_str(),
                want.as_str(),
                outcome(&case.text, &spans, id, want),
            ));
        }
    }
    out
}

/// Recall by kind: (found, total), a case found when every term is Exact or Overlap.
fn recall_by_kind(cases: &[Case]) -> BTreeMap<String, (usize, usize)> {
    let results = run(cases);
    let mut by_kind: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for case in cases {
        let found = results
            .iter()
            .filter(|r| std::ptr::eq(r.0, case))
            .all(|r| r.3 != Outcome::Missed);
        let e = by_kind.entry(case.kind.clone()).or_default();
        e.0 += usize::from(found);
        e.1 += 1;
    }
    by_kind
}

/// Checks every term of `cases` against `known`: unlisted terms must be Exact; listed ones
/// must still fail (so a fix shows up). Returns the failure messages.
fn check_exact(cases: &[Case], known: &[(&str, &str, &str, &str)]) -> Vec<String> {
    let mut failures = Vec::new();
    for (case, id, want, got) in run(cases) {
        let listed = known
            .iter()
            .any(|k| k.0 == id && k.1 == want && case.text.contains(k.2));
        match (got == Outcome::Exact, listed) {
            (true, true) => failures.push(format!(
                "line {}: {id} {want:?} now matches exactly: remove it from the known misses",
                case.line
            )),
            (false, false) => {
                let spans = matcher().find(&case.text, MatchOptions::default());
                let found: Vec<(&str, &str)> = spans
                    .iter()
                    .map(|s| (id_of(s), &case.text[s.start..s.end]))
                    .collect();
                failures.push(format!(
                    "line {} ({}): {id} {want:?} {got:?} in {:?}; found {found:?}",
                    case.line, case.kind, case.text
                ))
            }
            _ => {}
        }
    }
    failures
}

fn systematic() -> &'static [Case] {
    static C: OnceLock<Vec<Case>> = OnceLock::new();
    C.get_or_init(|| parse_tsv(SYSTEMATIC))
}

fn real_world() -> &'static [Case] {
    static C: OnceLock<Vec<Case>> = OnceLock::new();
    C.get_or_init(|| parse_tsv(REAL_WORLD))
}

fn real_quoted() -> &'static [Case] {
    static C: OnceLock<Vec<Case>> = OnceLock::new();
    C.get_or_init(|| parse_tsv(REAL_QUOTED))
}

/// The held-out cases without the terms the glossary lacks (a case left with none is dropped).
fn real_heldout() -> &'static [Case] {
    static C: OnceLock<Vec<Case>> = OnceLock::new();
    C.get_or_init(|| without_lacking(REAL_HELDOUT))
}

/// The second held-out set, read the same way.
fn real_heldout_2() -> &'static [Case] {
    static C: OnceLock<Vec<Case>> = OnceLock::new();
    C.get_or_init(|| without_lacking(REAL_HELDOUT_2))
}

/// The third held-out set, read the same way.
fn real_heldout_3() -> &'static [Case] {
    static C: OnceLock<Vec<Case>> = OnceLock::new();
    C.get_or_init(|| without_lacking(REAL_HELDOUT_3))
}

/// The fourth held-out set, read the same way.
fn real_heldout_4() -> &'static [Case] {
    static C: OnceLock<Vec<Case>> = OnceLock::new();
    C.get_or_init(|| without_lacking(REAL_HELDOUT_4))
}

/// The fifth held-out set, read the same way.
fn real_heldout_5() -> &'static [Case] {
    static C: OnceLock<Vec<Case>> = OnceLock::new();
    C.get_or_init(|| without_lacking(REAL_HELDOUT_5))
}

fn real_heldout_6() -> &'static [Case] {
    static C: OnceLock<Vec<Case>> = OnceLock::new();
    C.get_or_init(|| without_lacking(REAL_HELDOUT_6))
}

fn real_heldout_7() -> &'static [Case] {
    static C: OnceLock<Vec<Case>> = OnceLock::new();
    C.get_or_init(|| without_lacking(REAL_HELDOUT_7))
}

fn real_heldout_8() -> &'static [Case] {
    static C: OnceLock<Vec<Case>> = OnceLock::new();
    C.get_or_init(|| without_lacking(REAL_HELDOUT_8))
}

fn real_heldout_9() -> &'static [Case] {
    static C: OnceLock<Vec<Case>> = OnceLock::new();
    C.get_or_init(|| without_lacking(REAL_HELDOUT_9))
}

fn without_lacking(data: &str) -> Vec<Case> {
    parse_tsv(data)
        .into_iter()
        .filter_map(|mut case| {
            case.expected.retain(|e| e.0 != LACKING);
            (!case.expected.is_empty()).then_some(case)
        })
        .collect()
}

/// How many terms of a held-out set the glossary lacks.
fn lacking(data: &str) -> usize {
    parse_tsv(data)
        .iter()
        .flat_map(|c| &c.expected)
        .filter(|e| e.0 == LACKING)
        .count()
}

/// The table test of one systematic kind.
fn check_kind(kind: &str) {
    let cases: Vec<&Case> = systematic().iter().filter(|c| c.kind == kind).collect();
    assert!(cases.len() >= 10, "{kind}: only {} cases", cases.len());
    let entries: std::collections::BTreeSet<&str> = cases
        .iter()
        .flat_map(|c| c.expected.iter().map(|e| e.0.as_str()))
        .collect();
    assert!(entries.len() >= 5, "{kind}: only {} entries", entries.len());
    let owned: Vec<Case> = cases
        .iter()
        .map(|c| Case {
            line: c.line,
            kind: c.kind.clone(),
            text: c.text.clone(),
            expected: c.expected.clone(),
        })
        .collect();
    let failures = check_exact(&owned, KNOWN_MISSES);
    assert!(failures.is_empty(), "{kind}:\n{}", failures.join("\n"));
    let (found, total) = recall_by_kind(&owned)[kind];
    let floor = RECALL_FLOOR
        .iter()
        .find(|f| f.0 == kind)
        .map_or(0.85, |f| f.1);
    let recall = found as f64 / total as f64;
    assert!(
        recall >= floor,
        "{kind}: recall {found}/{total} = {recall:.3} < {floor}"
    );
}

macro_rules! kind_tests {
    ($($name:ident => $kind:literal,)*) => {
        $(
            #[test]
            fn $name() {
                check_kind($kind);
            }
        )*

        #[test]
        fn every_kind_has_a_table_test() {
            let tested = [$($kind),*];
            for case in systematic() {
                assert!(tested.contains(&case.kind.as_str()), "untested kind {}", case.kind);
            }
            assert_eq!(RECALL_FLOOR.len(), tested.len());
        }
    };
}

kind_tests! {
    inflection_of_every_word => "inflection",
    articles_and_determiners => "article",
    possessive => "possessive",
    conjunctions => "conjunction",
    british_and_american_spelling => "spelling",
    digits_and_number_words => "number",
    quotes_around_a_word => "quote",
    hyphen_and_space => "hyphen",
    letter_case => "case",
    line_breaks => "linebreak",
    chinese_quotes_inside_terms => "zh_quote",
    chinese_traditional_and_variants => "zh_traditional",
    chinese_line_breaks => "zh_linebreak",
    chinese_list_marks => "zh_listmark",
}

#[test]
fn known_misses_name_real_cases() {
    for (set, known) in [
        (systematic(), KNOWN_MISSES),
        (real_world(), REAL_WORLD_KNOWN_MISSES),
        (real_quoted(), REAL_QUOTED_KNOWN_MISSES),
        (real_heldout(), REAL_HELDOUT_KNOWN_MISSES),
        (real_heldout_2(), REAL_HELDOUT_2_KNOWN_MISSES),
        (real_heldout_3(), REAL_HELDOUT_3_KNOWN_MISSES),
        (real_heldout_4(), REAL_HELDOUT_4_KNOWN_MISSES),
        (real_heldout_5(), REAL_HELDOUT_5_KNOWN_MISSES),
        (real_heldout_6(), REAL_HELDOUT_6_KNOWN_MISSES),
        (real_heldout_7(), REAL_HELDOUT_7_KNOWN_MISSES),
        (real_heldout_8(), REAL_HELDOUT_8_KNOWN_MISSES),
        (real_heldout_9(), REAL_HELDOUT_9_KNOWN_MISSES),
    ] {
        for k in known {
            assert!(
                set.iter()
                    .any(|c| c.text.contains(k.2)
                        && c.expected.iter().any(|e| e.0 == k.0 && e.1 == k.1)),
                "known miss {k:?} is not a case"
            );
        }
    }
}

/// A real-world set: at least `min` cases over `min_entries` entries, every case not listed
/// in `known` found exactly, and recall per expected term at or above `floor`.
fn check_real(cases: &[Case], known: &[(&str, &str, &str, &str)], min: (usize, usize), floor: f64) {
    assert!(cases.len() >= min.0, "{} cases", cases.len());
    let entries: std::collections::BTreeSet<&str> = cases
        .iter()
        .flat_map(|c| c.expected.iter().map(|e| e.0.as_str()))
        .collect();
    assert!(entries.len() >= min.1, "{} entries", entries.len());
    let failures = check_exact(cases, known);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let results = run(cases);
    let found = results.iter().filter(|r| r.3 != Outcome::Missed).count();
    let recall = found as f64 / results.len() as f64;
    assert!(
        recall >= floor,
        "recall {found}/{} = {recall:.3} < {floor}",
        results.len()
    );
}

#[test]
fn real_world_renderings() {
    check_real(
        real_world(),
        REAL_WORLD_KNOWN_MISSES,
        (100, 30),
        REAL_WORLD_RECALL_FLOOR,
    );
}

#[test]
fn real_quoted_sentences() {
    check_real(
        real_quoted(),
        REAL_QUOTED_KNOWN_MISSES,
        (150, 80),
        REAL_QUOTED_RECALL_FLOOR,
    );
}

#[test]
fn real_heldout_sentences() {
    check_real(
        real_heldout(),
        REAL_HELDOUT_KNOWN_MISSES,
        (150, 80),
        REAL_HELDOUT_RECALL_FLOOR,
    );
    assert!(lacking(REAL_HELDOUT) > 0, "no term marked as lacking");
}

#[test]
fn real_heldout_2_sentences() {
    check_real(
        real_heldout_2(),
        REAL_HELDOUT_2_KNOWN_MISSES,
        (150, 80),
        REAL_HELDOUT_2_RECALL_FLOOR,
    );
    assert!(lacking(REAL_HELDOUT_2) > 0, "no term marked as lacking");
}

#[test]
fn real_heldout_3_sentences() {
    check_real(
        real_heldout_3(),
        REAL_HELDOUT_3_KNOWN_MISSES,
        (140, 80),
        REAL_HELDOUT_3_RECALL_FLOOR,
    );
    assert!(lacking(REAL_HELDOUT_3) > 0, "no term marked as lacking");
}

#[test]
fn real_heldout_4_sentences() {
    check_real(
        real_heldout_4(),
        REAL_HELDOUT_4_KNOWN_MISSES,
        (120, 80),
        REAL_HELDOUT_4_RECALL_FLOOR,
    );
    assert!(lacking(REAL_HELDOUT_4) > 0, "no term marked as lacking");
}

#[test]
fn real_heldout_5_sentences() {
    check_real(
        real_heldout_5(),
        REAL_HELDOUT_5_KNOWN_MISSES,
        (120, 60),
        REAL_HELDOUT_5_RECALL_FLOOR,
    );
}

#[test]
fn real_heldout_6_sentences() {
    check_real(
        real_heldout_6(),
        REAL_HELDOUT_6_KNOWN_MISSES,
        (120, 60),
        REAL_HELDOUT_6_RECALL_FLOOR,
    );
}

#[test]
fn real_heldout_7_sentences() {
    check_real(
        real_heldout_7(),
        REAL_HELDOUT_7_KNOWN_MISSES,
        (120, 60),
        REAL_HELDOUT_7_RECALL_FLOOR,
    );
}

#[test]
fn real_heldout_8_sentences() {
    check_real(
        real_heldout_8(),
        REAL_HELDOUT_8_KNOWN_MISSES,
        (120, 60),
        REAL_HELDOUT_8_RECALL_FLOOR,
    );
}

#[test]
fn real_heldout_9_sentences() {
    check_real(
        real_heldout_9(),
        REAL_HELDOUT_9_KNOWN_MISSES,
        (120, 60),
        REAL_HELDOUT_9_RECALL_FLOOR,
    );
}

fn check_ordinary(data: &str, min: usize) {
    let lines = sentences(data);
    assert!(lines.len() >= min, "{} sentences", lines.len());
    let mut failures = Vec::new();
    let mut seen_known = vec![false; KNOWN_FALSE_HITS.len()];
    for line in &lines {
        for s in matcher().find(line, MatchOptions::default()) {
            let text = &line[s.start..s.end];
            let id = id_of(&s);
            match KNOWN_FALSE_HITS
                .iter()
                .position(|k| k.0 == text && k.1 == id)
            {
                Some(i) => seen_known[i] = true,
                None => failures.push(format!("{id} fires on {text:?} in {line:?}")),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    for (k, seen) in KNOWN_FALSE_HITS.iter().zip(seen_known) {
        let in_this_set = lines.iter().any(|l| l.contains(k.0));
        assert!(
            !in_this_set || seen,
            "{k:?} no longer fires: remove it from KNOWN_FALSE_HITS"
        );
    }
}

#[test]
fn no_form_fires_on_ordinary_english() {
    check_ordinary(ORDINARY_EN, 40);
}

#[test]
fn no_form_fires_on_ordinary_chinese() {
    check_ordinary(ORDINARY_ZH, 40);
}

/// Prints recall per kind for every set (`scripts/recall`), and how many held-out terms the
/// glossary lacks; asserts only that the sets load.
#[test]
fn recall_report() {
    let mut rows: Vec<(String, usize, usize, usize)> = Vec::new();
    for (name, cases) in [
        ("systematic", systematic()),
        ("real_world", real_world()),
        ("real_quoted", real_quoted()),
        ("real_heldout", real_heldout()),
        ("real_heldout_2", real_heldout_2()),
        ("real_heldout_3", real_heldout_3()),
        ("real_heldout_4", real_heldout_4()),
        ("real_heldout_5", real_heldout_5()),
        ("real_heldout_6", real_heldout_6()),
        ("real_heldout_7", real_heldout_7()),
        ("real_heldout_8", real_heldout_8()),
        ("real_heldout_9", real_heldout_9()),
    ] {
        let results = run(cases);
        for (kind, (found, total)) in recall_by_kind(cases) {
            let exact = cases
                .iter()
                .filter(|c| c.kind == kind)
                .filter(|c| {
                    results
                        .iter()
                        .filter(|r| std::ptr::eq(r.0, *c))
                        .all(|r| r.3 == Outcome::Exact)
                })
                .count();
            rows.push((format!("{name}/{kind}"), found, exact, total));
        }
        let found: usize = rows
            .iter()
            .filter(|r| r.0.starts_with(name))
            .map(|r| r.1)
            .sum();
        let exact: usize = rows
            .iter()
            .filter(|r| r.0.starts_with(name))
            .map(|r| r.2)
            .sum();
        let total: usize = rows
            .iter()
            .filter(|r| r.0.starts_with(name))
            .map(|r| r.3)
            .sum();
        rows.push((format!("{name}/ALL"), found, exact, total));
        // Real-world recall is also counted per expected term, as the floor is.
        if name != "systematic" {
            let terms = results.len();
            let found = results.iter().filter(|r| r.3 != Outcome::Missed).count();
            let exact = results.iter().filter(|r| r.3 == Outcome::Exact).count();
            rows.push((format!("{name}/terms"), found, exact, terms));
        }
    }
    assert!(rows.len() > 4);
    println!(
        "RECALL {:<28} {:>6} {:>6} {:>6} {:>7} {:>7}",
        "set/kind", "found", "exact", "cases", "recall", "exact%"
    );
    for (name, found, exact, total) in rows {
        println!(
            "RECALL {:<28} {:>6} {:>6} {:>6} {:>7.3} {:>7.3}",
            name,
            found,
            exact,
            total,
            found as f64 / total as f64,
            exact as f64 / total as f64
        );
    }
    println!(
        "RECALL real_heldout: {} terms the glossary lacks (kb_id -), not counted above",
        lacking(REAL_HELDOUT)
    );
    println!(
        "RECALL real_heldout_2: {} terms the glossary lacks (kb_id -), not counted above",
        lacking(REAL_HELDOUT_2)
    );
    println!(
        "RECALL real_heldout_3: {} terms the glossary lacks (kb_id -), not counted above",
        lacking(REAL_HELDOUT_3)
    );
    println!(
        "RECALL real_heldout_4: {} terms the glossary lacks (kb_id -), not counted above",
        lacking(REAL_HELDOUT_4)
    );
    println!(
        "RECALL real_heldout_5: {} terms the glossary lacks (kb_id -), not counted above",
        lacking(REAL_HELDOUT_5)
    );
    println!(
        "RECALL real_heldout_6: {} terms the glossary lacks (kb_id -), not counted above",
        lacking(REAL_HELDOUT_6)
    );
    println!(
        "RECALL real_heldout_7: {} terms the glossary lacks (kb_id -), not counted above",
        lacking(REAL_HELDOUT_7)
    );
    println!(
        "RECALL real_heldout_8: {} terms the glossary lacks (kb_id -), not counted above",
        lacking(REAL_HELDOUT_8)
    );
    println!(
        "RECALL real_heldout_9: {} terms the glossary lacks (kb_id -), not counted above",
        lacking(REAL_HELDOUT_9)
    );
}

// ---------------------------------------------------------------------------------------
// Property test: a form embedded in filler, with random allowed variation, is found at the
// offsets where it was put.

/// Forms of the builtin glossary, one token per space; `a/b/c` lists a word's allowed
/// variants (inflections, spellings, digits, `and`/`&`). A `-` inside a token may become a
/// space or a dash. None of these forms is gated.
const FORMS: &[(&str, &str)] = &[
    (
        "break/breaks/broke/breaking the umbrella/umbrellas and/& break/breaks/broke/breaking the net/nets",
        "da-san-po-wang",
    ),
    (
        "network/networks of corrupt connections",
        "guan-xi-wang",
    ),
    (
        "mafia-style organization/organizations/organisation/organisations",
        "hei-she-hui-xing-zhi-zu-zhi",
    ),
    ("criminal gangs and/& evil forces", "hei-e-shi-li"),
    (
        "hit/hits/hitting money and/& cut/cuts/cutting blood",
        "da-cai-duan-xue",
    ),
    (
        "Central Commission for Discipline Inspection",
        "zhong-yang-ji-wei",
    ),
    ("Belt and/& Road Initiative", "yi-dai-yi-lu"),
    ("eight-point/8-point rule/rules", "ba-xiang-gui-ding"),
    ("two-faced official/officials", "liang-mian-ren"),
    (
        "dual responsibility/responsibilities of each post",
        "yi-gang-shuang-ze",
    ),
    ("village bully/bullies", "cun-ba"),
    (
        "criminal group/groups of the evil-force type",
        "e-shi-li-fan-zui-ji-tuan",
    ),
    ("Fox Hunt operation/operations", "lie-hu-xing-dong"),
    ("Sky Net campaign/campaigns", "tian-wang-xing-dong"),
    ("naked official/officials", "luo-guan"),
    (
        "hunt/hunts/hunting/hunted tigers and/& swat/swats/swatting/swatted flies",
        "lao-hu-cang-ying-yi-qi-da",
    ),
    ("Chinese Dream", "zhong-guo-meng"),
    (
        "Global Civilization/Civilisation Initiative",
        "quan-qiu-wen-ming-chang-yi",
    ),
    ("new quality productive forces", "xin-zhi-sheng-chan-li"),
    ("people-to-people exchange/exchanges", "ren-wen-jiao-liu"),
    ("head-of-state diplomacy", "yuan-shou-wai-jiao"),
    (
        "normalized/normalised campaign/campaigns against organized/organised crime",
        "chang-tai-hua-sao-hei-chu-e",
    ),
    (
        "three/3 meetings and/& one/1 lecture/lectures",
        "san-hui-yi-ke",
    ),
    (
        "Chinese path/paths to modernization/modernisation",
        "zhong-guo-shi-xian-dai-hua",
    ),
    ("six/6 clearances", "liu-qing"),
];

/// Words that are in no form and make none with their neighbours.
const FILLER: &[&str] = &[
    "river", "table", "morning", "yellow", "quietly", "garden", "window", "bicycle", "coffee",
    "music", "paper", "stone", "winter", "apple", "walked", "slowly", "bright", "ocean", "pencil",
    "kitchen", "Tuesday", "cheerful", "violin", "tomato",
];

/// Words that an article must not be put before.
const NO_ARTICLE_BEFORE: &[&str] = &["and", "&", "of", "to", "for", "against", "the"];

/// The random choices for one embedded form.
#[derive(Debug, Clone)]
struct Variation {
    form: usize,
    /// Index into each token's variants (taken modulo their number).
    variant: Vec<usize>,
    /// Per token: 0 as written, 1 lower case, 2 upper case, 3 title case.
    case: Vec<u8>,
    /// Per token: how its hyphens are written (0 `-`, 1 space, 2 `–`).
    hyphen: Vec<u8>,
    /// Per gap between tokens: 0 space, 1 two spaces, 2 line break, 3 space, line break, space.
    gap: Vec<u8>,
    /// Put `the` or `a` before this token (when allowed).
    article: Option<(usize, bool)>,
    /// Wrap this token in quotes (straight or curly).
    quote: Option<(usize, bool)>,
    before: Vec<usize>,
    after: Vec<usize>,
    /// Punctuation after the form: 0 none, 1 `.`, 2 `,`.
    end: u8,
}

fn variation() -> impl Strategy<Value = Variation> {
    const MAX: usize = 12;
    (
        0..FORMS.len(),
        prop::collection::vec(0usize..5, MAX),
        prop::collection::vec(0u8..4, MAX),
        prop::collection::vec(0u8..3, MAX),
        prop::collection::vec(0u8..4, MAX),
        prop::option::of((0usize..MAX, any::<bool>())),
        prop::option::of((0usize..MAX, any::<bool>())),
        prop::collection::vec(0..FILLER.len(), 0..6),
        prop::collection::vec(0..FILLER.len(), 0..6),
        0u8..3,
    )
        .prop_map(
            |(form, variant, case, hyphen, gap, article, quote, before, after, end)| Variation {
                form,
                variant,
                case,
                hyphen,
                gap,
                article,
                quote,
                before,
                after,
                end,
            },
        )
}

fn recase(word: &str, how: u8) -> String {
    match how {
        1 => word.to_lowercase(),
        2 => word.to_uppercase(),
        3 => {
            let mut c = word.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        }
        _ => word.to_string(),
    }
}

/// Builds the text; returns it with the byte range the form occupies.
fn build(v: &Variation) -> (String, usize, usize) {
    let (form, _) = FORMS[v.form];
    let tokens: Vec<&str> = form.split(' ').collect();
    let mut words: Vec<String> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let variants: Vec<&str> = token.split('/').collect();
        let word = variants[v.variant[i] % variants.len()];
        let word = recase(word, v.case[i]);
        let word = match v.hyphen[i] {
            1 => word.replace('-', " "),
            2 => word.replace('-', "–"),
            _ => word,
        };
        words.push(word);
    }
    if let Some((at, the)) = v.article {
        let at = at % tokens.len();
        let base = tokens[at].split('/').next().unwrap_or("");
        let prev = if at > 0 { tokens[at - 1] } else { "" };
        if at > 0 && !NO_ARTICLE_BEFORE.contains(&base) && !NO_ARTICLE_BEFORE.contains(&prev) {
            let article = if the { "the" } else { "a" };
            words[at] = format!("{article} {}", words[at]);
        }
    }
    if let Some((at, curly)) = v.quote {
        let at = at % tokens.len();
        // Quote a word, not an inserted article or a conjunction.
        let base = tokens[at].split('/').next().unwrap_or("");
        if !["and/&", "of", "to", "for", "against", "the"].contains(&tokens[at]) && base != "and" {
            let (open, close) = if curly { ("“", "”") } else { ("\"", "\"") };
            let w = &words[at];
            words[at] = match w.rsplit_once(' ') {
                Some((article, word)) if word != w => format!("{article} {open}{word}{close}"),
                _ => format!("{open}{w}{close}"),
            };
        }
    }
    let mut term = String::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            term.push_str(match v.gap[i] {
                1 => "  ",
                2 => "\n",
                3 => " \n ",
                _ => " ",
            });
        }
        term.push_str(w);
    }
    let mut text = String::new();
    for &f in &v.before {
        text.push_str(FILLER[f]);
        text.push(' ');
    }
    let start = text.len();
    text.push_str(&term);
    let end = text.len();
    text.push_str(match v.end {
        1 => ".",
        2 => ",",
        _ => "",
    });
    for &f in &v.after {
        text.push(' ');
        text.push_str(FILLER[f]);
    }
    (text, start, end)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn varied_form_in_filler_is_found_at_its_offsets(v in variation()) {
        let (text, start, end) = build(&v);
        let id = FORMS[v.form].1;
        let spans = matcher().find(&text, MatchOptions::default());
        let found: Vec<(usize, usize, &str)> =
            spans.iter().map(|s| (s.start, s.end, id_of(s))).collect();
        prop_assert_eq!(
            found,
            vec![(start, end, id)],
            "text {:?}, expected {:?}",
            text,
            &text[start..end]
        );
    }
}

#[test]
fn every_property_form_is_a_glossary_form() {
    // The first variant of each token, joined, must be found alone as its entry.
    for (form, id) in FORMS {
        let plain: Vec<&str> = form
            .split(' ')
            .map(|t| t.split('/').next().unwrap_or(""))
            .collect();
        let plain = plain.join(" ");
        let spans = matcher().find(&plain, MatchOptions::default());
        assert!(
            spans.len() == 1 && id_of(&spans[0]) == *id && spans[0].end == plain.len(),
            "{plain:?}: {:?}",
            spans
                .iter()
                .map(|s| (id_of(s), &plain[s.start..s.end]))
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn the_property_generator_builds_what_it_says() {
    // Form 0: break the umbrella and break the net.
    let v = Variation {
        form: 0,
        variant: vec![2, 0, 1, 1, 3, 0, 1, 0, 0, 0, 0, 0],
        case: vec![3, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        hyphen: vec![0; 12],
        gap: vec![0, 0, 2, 0, 0, 1, 0, 0, 0, 0, 0, 0],
        article: None,
        quote: Some((2, true)),
        before: vec![0, 1],
        after: vec![2],
        end: 1,
    };
    let (text, start, end) = build(&v);
    assert_eq!(
        text,
        "river table Broke the\n“UMBRELLAS” & breaking  the nets. morning"
    );
    assert_eq!(
        &text[start..end],
        "Broke the\n“UMBRELLAS” & breaking  the nets"
    );
    // Form 2: mafia-style organization, hyphen as a dash, an article before the noun.
    let v = Variation {
        form: 2,
        variant: vec![0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        case: vec![0; 12],
        hyphen: vec![2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        gap: vec![0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        article: Some((1, false)),
        quote: Some((1, false)),
        before: vec![],
        after: vec![],
        end: 0,
    };
    let (text, start, end) = build(&v);
    assert_eq!(text, "mafia–style \n a \"organisation\"");
    assert_eq!((start, end), (0, text.len()));
}
