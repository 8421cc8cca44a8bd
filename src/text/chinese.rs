//! Facts about Chinese characters the normalizer needs: which characters are Han, and the
//! simplified form of a traditional character.
//!
//! The traditional → simplified table comes from the `fast2s` crate (MIT). `fast2s` converts
//! whole strings with a few two-character context rules; matching wants a plain
//! character-to-character function that keeps byte lengths, so the table is read out of the
//! crate at build time (`build.rs`: reading it at run time cost every run more than
//! folding a megabyte), and spread on first use into a dense array over the block where all
//! its keys lie.

use std::sync::OnceLock;

const TABLE_START: u32 = 0x4E00;
const TABLE_END: u32 = 0x9FFF;

/// Is `c` a Han ideograph (CJK Unified Ideographs, extensions, compatibility ideographs)?
#[inline]
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x30000..=0x323AF)
}

/// Is `c` in a script written without spaces between words (Han, kana, Hangul), so that a
/// Latin-script term directly beside it still starts or ends on a word boundary?
#[inline]
pub fn is_cjk(c: char) -> bool {
    is_han(c)
        || matches!(c as u32,
            0x3040..=0x30FF | 0x31F0..=0x31FF | 0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F)
}

/// The simplified form of a traditional character; any other character unchanged.
#[inline]
pub fn to_simplified(c: char) -> char {
    let u = c as u32;
    if !(TABLE_START..=TABLE_END).contains(&u) {
        return c;
    }
    table()[(u - TABLE_START) as usize]
}

/// `to_simplified` of U+4E00–U+9FFF, indexed from U+4E00 (the normalizer's fast path: one
/// lookup per character, no range check). Each simplified form is three bytes in UTF-8, as
/// every character of the block is.
pub fn simplified_block() -> &'static [char] {
    table()
}

/// Does `s` contain a character that `to_simplified` changes?
pub fn has_traditional(s: &str) -> bool {
    s.chars().any(|c| to_simplified(c) != c)
}

/// Variant forms `fast2s` leaves alone, found by folding every traditional form of the
/// glossary (its `zh_hant` column, and OpenCC's s2t/s2tw/s2hk renderings of every `zh` and
/// `zh_alt`): 害羣之馬, 回覆. Folding is applied to text and forms alike, so mapping a
/// character that is also simplified (覆 "cover") only merges spellings, never loses a match.
const EXTRA: &[(char, char)] = &[
    ('羣', '群'),
    ('峯', '峰'),
    ('敎', '教'),
    ('鬪', '斗'),
    ('覆', '复'),
    // fast2s turns 疊 into 迭 (a different word); 叠 is its simplified form.
    ('疊', '叠'),
    ('疉', '叠'),
    // Variants the table leaves alone: 痾 for 疴 (猛藥去痾), 崑崙 for 昆仑 (Taiwan and Hong
    // Kong usage). Not 帐 for 账 (旧帐, 帐户): both are simplified characters, and folding
    // them together would make a glossary listing 帐户 and 账户 as two entries unusable
    // (CC-CEDICT does); such spellings go in `zh_alt`.
    ('痾', '疴'),
    ('崑', '昆'),
    ('崙', '仑'),
];

/// Variant characters (异体字) of Japanese, Taiwanese and Hong Kong usage that fold to the
/// simplified form of their standard character (覇 → 霸, 晩 → 晚), read from OpenCC's
/// JPVariants, TWVariants and HKVariants tables (Apache-2.0), reversed and simplified.
/// Characters that are themselves in everyday simplified use (予, 欠, 著, 疏 …) are left out:
/// folding them would merge distinct words.
const VARIANTS: &[(char, char)] = &[
    ('両', '两'),
    ('乗', '乘'),
    ('亀', '龟'),
    ('亜', '亚'),
    ('仏', '佛'),
    ('仮', '假'),
    ('伝', '传'),
    ('価', '价'),
    ('倹', '俭'),
    ('児', '儿'),
    ('円', '圆'),
    ('処', '处'),
    ('剣', '剑'),
    ('剤', '剂'),
    ('剰', '剩'),
    ('労', '劳'),
    ('効', '效'),
    ('勅', '敕'),
    ('勧', '劝'),
    ('勲', '勋'),
    ('単', '单'),
    ('厳', '严'),
    ('収', '收'),
    ('呉', '吴'),
    ('呪', '咒'),
    ('唖', '哑'),
    ('営', '营'),
    ('噛', '啮'),
    ('団', '团'),
    ('囲', '围'),
    ('図', '图'),
    ('圏', '圈'),
    ('圧', '压'),
    ('塁', '垒'),
    ('塩', '盐'),
    ('増', '增'),
    ('壊', '坏'),
    ('壌', '壤'),
    ('壱', '壹'),
    ('売', '卖'),
    ('変', '变'),
    ('奨', '奖'),
    ('嬢', '娘'),
    ('実', '实'),
    ('寛', '宽'),
    ('対', '对'),
    ('専', '专'),
    ('巌', '岩'),
    ('巣', '巢'),
    ('巻', '卷'),
    ('帯', '带'),
    ('帰', '归'),
    ('庁', '厅'),
    ('広', '广'),
    ('廃', '废'),
    ('弐', '贰'),
    ('弾', '弹'),
    ('従', '从'),
    ('徳', '德'),
    ('徴', '征'),
    ('応', '应'),
    ('恵', '惠'),
    ('悩', '恼'),
    ('悪', '恶'),
    ('懐', '怀'),
    ('戦', '战'),
    ('戸', '户'),
    ('戻', '戾'),
    ('払', '拂'),
    ('抜', '拔'),
    ('択', '择'),
    ('拝', '拜'),
    ('拠', '据'),
    ('拡', '扩'),
    ('挙', '举'),
    ('挿', '插'),
    ('捜', '搜'),
    ('掲', '揭'),
    ('掻', '搔'),
    ('揺', '摇'),
    ('摂', '摄'),
    ('撃', '击'),
    ('撹', '搅'),
    ('敍', '叙'),
    ('斉', '齐'),
    ('斎', '斋'),
    ('晩', '晚'),
    ('暁', '晓'),
    ('暦', '历'),
    ('曽', '曾'),
    ('枱', '台'),
    ('栄', '荣'),
    ('桜', '樱'),
    ('桟', '栈'),
    ('検', '检'),
    ('楡', '榆'),
    ('楽', '乐'),
    ('様', '样'),
    ('権', '权'),
    ('歓', '欢'),
    ('歩', '步'),
    ('歯', '齿'),
    ('歳', '岁'),
    ('歴', '历'),
    ('毎', '每'),
    ('気', '气'),
    ('汚', '污'),
    ('沢', '泽'),
    ('浄', '净'),
    ('浜', '滨'),
    ('涙', '泪'),
    ('渇', '渴'),
    ('済', '济'),
    ('渉', '涉'),
    ('渋', '涩'),
    ('渓', '溪'),
    ('満', '满'),
    ('溌', '泼'),
    ('滝', '泷'),
    ('瀬', '濑'),
    ('焔', '焰'),
    ('焼', '烧'),
    ('犠', '牺'),
    ('猟', '猎'),
    ('獣', '兽'),
    ('畳', '叠'),
    ('痩', '瘦'),
    ('痺', '痹'),
    ('発', '发'),
    ('皐', '皋'),
    ('県', '县'),
    ('砕', '碎'),
    ('稲', '稻'),
    ('穂', '穗'),
    ('穏', '稳'),
    ('穣', '穰'),
    ('竃', '灶'),
    ('竜', '龙'),
    ('簷', '檐'),
    ('粋', '粹'),
    ('粛', '肃'),
    ('粧', '妆'),
    ('糭', '粽'),
    ('糸', '丝'),
    ('経', '经'),
    ('絵', '绘'),
    ('継', '继'),
    ('続', '续'),
    ('総', '总'),
    ('縁', '缘'),
    ('縄', '绳'),
    ('縦', '纵'),
    ('繊', '纤'),
    ('繋', '系'),
    ('繍', '绣'),
    ('聡', '聪'),
    ('聴', '听'),
    ('脳', '脑'),
    ('臓', '脏'),
    ('舎', '舍'),
    ('舗', '铺'),
    ('茘', '荔'),
    ('荘', '庄'),
    ('蔵', '藏'),
    ('薫', '薰'),
    ('薬', '药'),
    ('蛍', '萤'),
    ('蝋', '蜡'),
    ('衞', '卫'),
    ('覇', '霸'),
    ('覚', '觉'),
    ('覧', '览'),
    ('観', '观'),
    ('訳', '译'),
    ('読', '读'),
    ('譲', '让'),
    ('豊', '丰'),
    ('賛', '赞'),
    ('転', '转'),
    ('軽', '轻'),
    ('輌', '辆'),
    ('辺', '边'),
    ('逓', '递'),
    ('遅', '迟'),
    ('郷', '乡'),
    ('酔', '醉'),
    ('醗', '酦'),
    ('醤', '酱'),
    ('醸', '酿'),
    ('釈', '释'),
    ('鉄', '铁'),
    ('鉱', '矿'),
    ('銭', '钱'),
    ('鋳', '铸'),
    ('錬', '炼'),
    ('関', '关'),
    ('闘', '斗'),
    ('陥', '陷'),
    ('険', '险'),
    ('隠', '隐'),
    ('雑', '杂'),
    ('霊', '灵'),
    ('頼', '赖'),
    ('顕', '显'),
    ('駅', '驿'),
    ('駆', '驱'),
    ('騒', '骚'),
    ('験', '验'),
    ('髄', '髓'),
    ('髪', '发'),
    ('鴎', '鸥'),
    ('鶏', '鸡'),
    ('鹸', '碱'),
    ('黒', '黑'),
    ('黙', '默'),
    ('鼈', '鳖'),
    ('齢', '龄'),
];

/// The characters of the block that `fast2s` converts one to one into another 3-byte
/// character (so the normalizer can map offsets linearly), with what they become: read out
/// of the crate by `build.rs`, each character converted alone.
static FAST2S: &[(char, char)] = include!(concat!(env!("OUT_DIR"), "/fast2s_pairs.rs"));

fn table() -> &'static [char] {
    static TABLE: OnceLock<Box<[char]>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: Box<[char]> = (TABLE_START..=TABLE_END)
            .map(|u| char::from_u32(u).expect("the CJK block has no surrogates"))
            .collect();
        for &(t, s) in FAST2S.iter().chain(EXTRA).chain(VARIANTS) {
            table[(t as u32 - TABLE_START) as usize] = s;
        }
        table
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_traditional_and_keeps_simplified() {
        for (t, s) in [
            ('護', '护'),
            ('傘', '伞'),
            ('惡', '恶'),
            ('財', '财'),
            ('斷', '断'),
        ] {
            assert_eq!(to_simplified(t), s, "{t}");
            assert_eq!(to_simplified(s), s, "{s}");
        }
        assert_eq!(to_simplified('a'), 'a');
        assert_eq!(to_simplified('覇'), '霸');
        assert_eq!(to_simplified('疊'), '叠');
        assert_eq!(to_simplified('崑'), '昆');
        assert_eq!(to_simplified('痾'), '疴');
        assert_eq!(to_simplified('予'), '予');
        assert!(has_traditional("保護傘"));
        assert!(!has_traditional("保护伞"));
    }

    /// The table read at build time is the crate's conversion of each character alone.
    #[test]
    fn table_is_each_character_converted_alone() {
        let extra: std::collections::HashSet<char> =
            EXTRA.iter().chain(VARIANTS).map(|&(t, _)| t).collect();
        let mut n = 0;
        for u in TABLE_START..=TABLE_END {
            let c = char::from_u32(u).unwrap();
            if extra.contains(&c) {
                continue;
            }
            let alone = fast2s::convert(&c.to_string());
            let mut out = alone.chars();
            let want = match (out.next(), out.next()) {
                (Some(s), None) if s.len_utf8() == 3 => s,
                _ => c,
            };
            assert_eq!(to_simplified(c), want, "{c}");
            n += (want != c) as usize;
        }
        assert!(n > 2000, "only {n} characters convert");
    }

    /// The normalizer overwrites a character of the block with its simplified form in place.
    #[test]
    fn simplified_forms_are_three_bytes() {
        let bad: Vec<char> = simplified_block()
            .iter()
            .copied()
            .filter(|s| s.len_utf8() != 3)
            .collect();
        assert!(bad.is_empty(), "{bad:?}");
    }

    #[test]
    fn han_and_cjk() {
        assert!(is_han('伞') && is_han('𠀀'));
        assert!(!is_han('a') && !is_han('、'));
        assert!(is_cjk('カ') && is_cjk('한'));
    }
}
