//! The seed release (`../shared/seeds/`, a real machine-translated release): every rendering
//! of its policy concepts is linked to the right entry, and nothing else is linked. Part of
//! the shared suite: `cargo test --features shared-tests`.
#![cfg(feature = "shared-tests")]

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use tifa::render::SpanRecord;

#[path = "support/shared.rs"]
mod shared;

fn seed() -> &'static str {
    shared::path("seeds/000_233ae4298ae7c3b1.txt")
}

/// Every span expected in the seed, as (text, kb_id, occurrences), reviewed by hand against
/// the release: the literal renderings of the campaign's vocabulary, the institutions it
/// names, and nothing else.
const EXPECTED: &[(&str, &str, usize)] = &[
    ("China News Service", "zhong-guo-xin-wen-she", 1),
    (
        "Supreme People's Procuratorate",
        "zui-gao-ren-min-jian-cha-yuan",
        5,
    ),
    ("First Procuratorate", "di-yi-jian-cha-ting", 1),
    // "Chief Prosecutor Zhang Jun": 检察长, the SPP's head (a gated form, licensed by the
    // procuratorate around it).
    ("Chief Prosecutor", "jian-cha-zhang", 1),
    ("procuratorial organs", "jian-cha-ji-guan", 7),
    // 批准逮捕 is "approve the arrest" in official English: any tense of it links.
    ("approved the arrest", "pi-zhun-dai-bu", 2),
    ("Procuratorial organs", "jian-cha-ji-guan", 1),
    ("procuratorial organ", "jian-cha-ji-guan", 2),
    ("involving gangs and crimes", "she-hei-she-e", 2),
    ("involving gangsters and crimes", "she-hei-she-e", 1),
    ("involving underworld crimes", "she-hei-she-e", 2),
    ("involved in underworld crimes", "she-hei-she-e", 1),
    ("black-related", "she-hei-she-e", 1),
    ("gangland-related crimes", "she-hei-she-e", 1),
    ("special struggle", "sao-hei-chu-e-zhuan-xiang-dou-zheng", 2),
    (
        "special procuratorial struggle",
        "sao-hei-chu-e-zhuan-xiang-dou-zheng",
        1,
    ),
    (
        "gangster-killer special projects",
        "sao-hei-chu-e-zhuan-xiang-dou-zheng",
        1,
    ),
    (
        "normalization of anti-criminal work",
        "chang-tai-hua-sao-hei-chu-e",
        1,
    ),
    ("normalized implementation", "chang-tai-hua", 1),
    ("anti-criminal and anti-evil", "sao-hei-chu-e", 1),
    ("fight against gangsterism and evil", "sao-hei-chu-e", 1),
    ("gangsters and gangsters", "sao-hei-chu-e", 2),
    ("Underworld and Evil", "sao-hei-chu-e", 1),
    ("eliminating underworld and evil", "sao-hei-chu-e", 1),
    ("anti-criminal and evil-doing", "sao-hei-chu-e", 1),
    (
        "do not let go, do not make up the number",
        "bu-fang-guo-bu-cou-shu",
        1,
    ),
    (
        "not letting go, not making up the number",
        "bu-fang-guo-bu-cou-shu",
        2,
    ),
    ("source governance", "yuan-tou-zhi-li", 2),
    (
        "political consciousness, ideological consciousness and action consciousness",
        "san-ge-zi-jue",
        1,
    ),
    ("promotion of high-level deployment", "gao-wei-tui-dong", 1),
    (
        "educate and rectify the political and legal teams",
        "zheng-fa-dui-wu-jiao-yu-zheng-dun",
        1,
    ),
    (
        "crimes committed by judicial staff",
        "si-fa-zhi-wu-fan-zui",
        1,
    ),
    ("black sheep", "hai-qun-zhi-ma", 1),
    ("underworld corruption", "she-hei-fu-bai", 1),
    ("protective umbrellas", "bao-hu-san", 1),
    ("relationship networks", "guan-xi-wang", 1),
    ("breaking money and breaking blood", "da-cai-duan-xue", 1),
    ("underworld forces", "hei-e-shi-li", 1),
    ("resurgence of ashes", "si-hui-fu-ran", 1),
    ("bottom of the black money", "hei-cai-qing-di", 1),
    ("construction of a safe China", "ping-an-zhong-guo", 1),
    ("second half article", "hou-ban-pian-wen-zhang", 1),
    ("provincial procuratorate", "sheng-ren-min-jian-cha-yuan", 1),
    ("Provincial Procuratorate", "sheng-ren-min-jian-cha-yuan", 1),
    ("judicial relief", "si-fa-jiu-zhu", 1),
    ("green channel", "lv-se-tong-dao", 1),
    ("four major industries", "si-da-hang-ye", 2),
    ("listed and supervised", "gua-pai-du-ban", 1),
    ("listed supervision", "gua-pai-du-ban", 1),
    ("nail case", "ding-zi-an", 1),
    ("bone case", "gu-tou-an", 1),
    (
        "unified control and qualitative system",
        "tong-yi-ba-guan-ding-xing",
        1,
    ),
    ("procuratorial recommendations", "jian-cha-jian-yi", 1),
];

#[derive(serde::Deserialize)]
struct Record {
    text: String,
    spans: Vec<SpanRecord>,
}

fn annotate_seed() -> Record {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join(seed());
    let out = Command::new(env!("CARGO_BIN_EXE_tifa"))
        .arg("annotate")
        .arg(&seed)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn seed_renderings_link_to_the_right_entries_and_nothing_else() {
    let rec = annotate_seed();
    let mut got: BTreeMap<(String, String), usize> = BTreeMap::new();
    for s in &rec.spans {
        *got.entry((s.text.clone(), s.kb_id.clone())).or_default() += 1;
    }
    let want: BTreeMap<(String, String), usize> = EXPECTED
        .iter()
        .map(|(t, id, n)| ((t.to_string(), id.to_string()), *n))
        .collect();
    let missing: Vec<_> = want
        .iter()
        .filter(|(k, n)| got.get(*k) != Some(n))
        .collect();
    let unexpected: Vec<_> = got.iter().filter(|(k, _)| !want.contains_key(*k)).collect();
    assert!(
        missing.is_empty() && unexpected.is_empty(),
        "missing or miscounted: {missing:?}\nunexpected: {unexpected:?}"
    );
}

#[test]
fn seed_offsets_agree_with_the_text() {
    let rec = annotate_seed();
    let chars: Vec<char> = rec.text.chars().collect();
    for s in &rec.spans {
        assert_eq!(&rec.text[s.byte_start..s.byte_end], s.text);
        assert_eq!(chars[s.start..s.end].iter().collect::<String>(), s.text);
    }
    // The seed's concepts named by the core issue are all there.
    for id in [
        "bao-hu-san",
        "guan-xi-wang",
        "da-cai-duan-xue",
        "hei-cai-qing-di",
        "hou-ban-pian-wen-zhang",
        "ding-zi-an",
        "gu-tou-an",
        "bu-fang-guo-bu-cou-shu",
        "si-hui-fu-ran",
        "ping-an-zhong-guo",
    ] {
        assert!(rec.spans.iter().any(|s| s.kb_id == id), "{id} not found");
    }
}
