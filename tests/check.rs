//! `tifa check` end to end: the project's aligned corpus (`corpus/aligned/`) in TSV, TMX and
//! XLIFF, every output format parsed back, exit statuses, line-aligned pairs.

use std::path::{Path, PathBuf};
use std::process::Command;

use tifa::check::{FindingRecord, CSV_COLUMNS};
use tifa::glossary::Glossary;
use tifa::input::segments::{self, Languages, SegmentFormat};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn tifa(args: &[&str], dir: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tifa"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn jsonl(stdout: &str) -> Vec<FindingRecord> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// The findings on `corpus/aligned/pairs.*`, checked by hand: (segment, kind, kb_id, found).
/// Every literal rendering written into the English is here, and nothing else is flagged.
/// Renderings that official English uses ("protective umbrellas", "procuratorial organs",
/// "Four Consciousnesses", "Supreme Procuratorate") are approved forms, not findings.
const EXPECTED: &[(usize, &str, &str, &str)] = &[
    (
        1,
        "literal",
        "da-cai-duan-xue",
        "breaking money and breaking blood",
    ),
    (2, "literal", "she-hei-fu-bai", "underworld corruption"),
    (2, "literal", "guan-xi-wang", "relationship networks"),
    (3, "literal", "ding-zi-an", "nail case"),
    (3, "literal", "gu-tou-an", "bone case"),
    (4, "literal", "hei-cai-qing-di", "bottom of the black money"),
    (
        5,
        "literal",
        "hou-ban-pian-wen-zhang",
        "second half article",
    ),
    (
        5,
        "literal",
        "sao-hei-chu-e",
        "anti-criminal and evil-doing",
    ),
    (
        6,
        "literal",
        "bu-fang-guo-bu-cou-shu",
        "do not let go, do not make up the number",
    ),
    (7, "literal", "si-hui-fu-ran", "resurgence of ashes"),
    (7, "literal", "hei-e-shi-li", "underworld forces"),
    (8, "literal", "she-hei-she-e", "involving gangs and crimes"),
    (8, "literal", "si-da-hang-ye", "four major industries"),
    (9, "literal", "yuan-tou-zhi-li", "source governance"),
    (
        10,
        "literal",
        "chang-tai-hua-sao-hei-chu-e",
        "normalization of anti-criminal work",
    ),
    (
        13,
        "literal",
        "da-san-po-wang",
        "break the umbrella and break the net",
    ),
    (14, "missing", "bao-hu-san", "保护伞"),
    (16, "literal", "tao-lu-dai", "routine loan"),
    (
        19,
        "literal",
        "dao-ren-xiang-nei",
        "turning the knife edge inward",
    ),
    (
        19,
        "literal",
        "gua-gu-liao-du",
        "scraping the bone to heal the poison",
    ),
    (20, "literal", "hai-qun-zhi-ma", "horses of the group"),
    (
        20,
        "literal",
        "zhuang-shi-duan-wan",
        "strong man breaks his wrist",
    ),
    (24, "literal", "si-fa-jiu-zhu", "judicial rescue"),
    (26, "literal", "gua-pai-du-ban", "listed supervision"),
    (
        27,
        "literal",
        "tong-yi-ba-guan-ding-xing",
        "unified control and qualitative system",
    ),
    (
        28,
        "literal",
        "yi-an-san-cha",
        "one case, three investigations",
    ),
    (30, "literal", "xian-suo-qing-cang", "clue clearance"),
    (
        30,
        "literal",
        "tao-fan-qing-ling",
        "zero clearing of fugitives",
    ),
    (34, "literal", "cun-ba", "village hegemons"),
    (
        35,
        "literal",
        "quan-mian-cong-yan-zhi-dang",
        "strictly govern the party in an all-round way",
    ),
    (36, "literal", "zhu-ti-ze-ren", "subject responsibility"),
    (
        38,
        "literal",
        "feng-qiao-jing-yan",
        "Maple Bridge experience",
    ),
    (39, "untranslated", "bao-hu-san", "保护伞"),
    (40, "untranslated", "hang-ye-qing-yuan", "行业清源"),
    (41, "untranslated", "", "专人"),
    (42, "missing", "hei-e-shi-li", "黑恶势力"),
    (43, "extra", "ren-min-jian-cha-yuan", "procuratorate"),
    (43, "missing", "jian-cha-ji-guan", "检察机关"),
    (43, "missing", "li-an-jian-du", "立案监督"),
    (
        44,
        "extra",
        "sao-hei-chu-e",
        "campaign against organized crime",
    ),
];

fn key(r: &FindingRecord) -> (usize, String, String, String) {
    (
        r.segment,
        r.kind.clone(),
        r.kb_id.clone().unwrap_or_default(),
        r.found.clone(),
    )
}

fn check_corpus_file(name: &str, dir: &Path) -> Vec<FindingRecord> {
    let (code, stdout, stderr) = tifa(&["check", "-f", "jsonl", name], dir);
    assert_eq!(code, 1, "literal renderings are errors: {stderr}");
    assert!(
        stderr.contains("47 segments in 1 file: 34 errors, 4 warnings, 2 info"),
        "{stderr}"
    );
    jsonl(&stdout)
}

#[test]
fn aligned_corpus_findings_are_exact_in_every_format() {
    let dir = root().join("corpus/aligned");
    let glossary = Glossary::builtin();
    let want: Vec<(usize, String, String, String)> = EXPECTED
        .iter()
        .map(|(s, k, id, f)| (*s, k.to_string(), id.to_string(), f.to_string()))
        .collect();
    let tsv = check_corpus_file("pairs.tsv", &dir);
    assert_eq!(tsv.iter().map(key).collect::<Vec<_>>(), want);
    for r in &tsv {
        assert_eq!(r.file, "pairs.tsv");
        assert_eq!(r.id, format!("p{:02}", r.segment));
        assert_eq!(r.line, r.segment + 1, "one header line");
        let entry = r
            .kb_id
            .as_deref()
            .map(|id| glossary.get(id).expect("a real id"));
        // The suggestion is the entry's preferred rendering, for every kind that suggests.
        match r.kind.as_str() {
            "literal" | "missing" => {
                assert_eq!(
                    r.suggestion.as_deref(),
                    Some(entry.unwrap().en.as_str()),
                    "{r:?}"
                )
            }
            "untranslated" => assert_eq!(r.suggestion, entry.map(|e| e.en.clone())),
            "extra" => assert_eq!(r.suggestion, None),
            k => panic!("unknown kind {k}"),
        }
        let sev = match r.kind.as_str() {
            "literal" | "untranslated" => "error",
            "missing" => "warning",
            _ => "info",
        };
        assert_eq!(r.severity, sev);
        if let Some(e) = entry {
            assert_eq!(r.zh.as_deref(), Some(e.zh.as_str()));
        }
    }
    // The TMX and the XLIFF hold the same pairs, so the same findings come out.
    for other in ["pairs.tmx", "pairs.xlf"] {
        let got = check_corpus_file(other, &dir);
        assert_eq!(got.iter().map(key).collect::<Vec<_>>(), want, "{other}");
        let ids: Vec<&str> = got.iter().map(|r| r.id.as_str()).collect();
        let tsv_ids: Vec<&str> = tsv.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, tsv_ids, "{other}");
    }
}

#[test]
fn the_three_aligned_files_hold_the_same_pairs() {
    let dir = root().join("corpus/aligned");
    let read = |name: &str| {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        let f = SegmentFormat::from_path(name).unwrap();
        segments::read(&bytes, f, &Languages::default())
            .unwrap()
            .into_iter()
            .map(|s| (s.number, s.id, s.source, s.target.unwrap()))
            .collect::<Vec<_>>()
    };
    let tsv = read("pairs.tsv");
    assert!(tsv.len() >= 40);
    assert_eq!(read("pairs.tmx"), tsv);
    assert_eq!(read("pairs.xlf"), tsv);
}

#[test]
fn utf16_tmx_and_line_aligned_pairs_give_the_same_findings() {
    let corpus = root().join("corpus/aligned");
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    // The corpus TMX re-encoded as UTF-16LE and UTF-16BE, each with its byte-order mark.
    let text = std::fs::read_to_string(corpus.join("pairs.tmx")).unwrap();
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    std::fs::write(t.join("le.tmx"), le).unwrap();
    std::fs::write(t.join("be.tmx"), be).unwrap();
    // And as two line-aligned files, without the header, with CRLF line ends on one side.
    let tsv = std::fs::read_to_string(corpus.join("pairs.tsv")).unwrap();
    let rows: Vec<Vec<&str>> = tsv
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    let zh: String = rows.iter().map(|r| format!("{}\n", r[1])).collect();
    let en: String = rows.iter().map(|r| format!("{}\r\n", r[2])).collect();
    std::fs::write(t.join("zh.txt"), zh).unwrap();
    std::fs::write(t.join("en.txt"), en).unwrap();

    let want: Vec<_> = EXPECTED
        .iter()
        .map(|e| (e.0, e.1.to_string(), e.2.to_string()))
        .collect();
    let short = |r: &FindingRecord| {
        (
            r.segment,
            r.kind.clone(),
            r.kb_id.clone().unwrap_or_default(),
        )
    };
    for args in [
        vec!["check", "-f", "jsonl", "le.tmx"],
        vec!["check", "-f", "jsonl", "be.tmx"],
        vec![
            "check", "-f", "jsonl", "--source", "zh.txt", "--target", "en.txt",
        ],
    ] {
        let (code, stdout, stderr) = tifa(&args, t);
        assert_eq!(code, 1, "{stderr}");
        let got = jsonl(&stdout);
        assert_eq!(got.iter().map(short).collect::<Vec<_>>(), want, "{args:?}");
        if args.contains(&"--source") {
            assert!(got
                .iter()
                .all(|r| r.file == "en.txt" && r.line == r.segment));
        }
    }
}

#[test]
fn offsets_are_code_points_into_the_side_they_name() {
    let dir = root().join("corpus/aligned");
    let (_, stdout, _) = tifa(&["check", "-f", "jsonl", "pairs.tsv"], &dir);
    let tsv = std::fs::read_to_string(dir.join("pairs.tsv")).unwrap();
    let rows: Vec<Vec<&str>> = tsv
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    for r in jsonl(&stdout) {
        let row = &rows[r.segment - 1];
        let text = if r.side == "source" { row[1] } else { row[2] };
        let found: String = text.chars().skip(r.start).take(r.end - r.start).collect();
        assert_eq!(found, r.found, "{r:?}");
    }
}

#[test]
fn csv_parses_back_to_the_jsonl_records() {
    let dir = root().join("corpus/aligned");
    let (_, json_out, _) = tifa(&["check", "-f", "jsonl", "pairs.tsv"], &dir);
    let (code, csv_out, _) = tifa(&["check", "-f", "csv", "pairs.tsv"], &dir);
    assert_eq!(code, 1);
    let mut rdr = csv::Reader::from_reader(csv_out.as_bytes());
    assert_eq!(
        rdr.headers().unwrap().iter().collect::<Vec<_>>(),
        CSV_COLUMNS
    );
    // Empty CSV cells stand for JSON nulls.
    let rows: Vec<FindingRecord> = rdr.deserialize().map(Result::unwrap).collect();
    let json: Vec<FindingRecord> = jsonl(&json_out)
        .into_iter()
        .map(|mut r| {
            r.kb_id = r.kb_id.filter(|s| !s.is_empty());
            r
        })
        .collect();
    assert_eq!(rows, json);
}

#[test]
fn text_report_is_compiler_style_and_plain_off_a_terminal() {
    let dir = root().join("corpus/aligned");
    let (code, stdout, stderr) = tifa(&["check", "pairs.tsv"], &dir);
    assert_eq!(code, 1, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), EXPECTED.len() * 3);
    assert_eq!(
        lines[0],
        format!(
            "pairs.tsv:2: error: literal rendering \u{201C}breaking money and breaking blood\u{201D} \
             of 打财断血 (da-cai-duan-xue); use \u{201C}{}\u{201D}",
            Glossary::builtin().get("da-cai-duan-xue").unwrap().en
        )
    );
    assert_eq!(lines[1], "    source | 严格落实“[[打财断血]]”系列部署。");
    assert_eq!(
        lines[2],
        "    target | Strictly implement the series of deployments of \"[[breaking money and breaking blood]]\"."
    );
    assert!(!stdout.contains('\x1b'));
    let (_, colored, _) = tifa(&["check", "--color", "always", "pairs.tsv"], &dir);
    assert!(colored.contains("\x1b[1;31merror:"));
}

#[test]
fn fail_on_sets_the_exit_status() {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    // Only a warning (missing) and an info (extra).
    std::fs::write(
        t.join("soft.tsv"),
        "严厉打击黑恶势力。\tCrack down hard on gangs.\n会议召开。\tChina's campaign against organized crime.\n",
    )
    .unwrap();
    let status = |extra: &[&str]| {
        let mut args = vec!["check", "-q", "soft.tsv"];
        args.extend_from_slice(extra);
        tifa(&args, t).0
    };
    assert_eq!(status(&[]), 0, "default: errors only");
    assert_eq!(status(&["--fail-on", "warning"]), 1);
    assert_eq!(status(&["--fail-on", "extra"]), 1);
    assert_eq!(status(&["--fail-on", "literal,untranslated"]), 0);
    assert_eq!(status(&["--fail-on", "info"]), 1);
    let (code, _, stderr) = tifa(&["check", "soft.tsv", "--fail-on", "fatal"], t);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("unknown --fail-on value \"fatal\""),
        "{stderr}"
    );
    let corpus = root().join("corpus/aligned");
    assert_eq!(
        tifa(&["check", "-q", "--fail-on", "none", "pairs.tsv"], &corpus).0,
        0
    );
}

#[test]
fn html_escapes_everything() {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    std::fs::write(
        t.join("x&<y>.tsv"),
        "<b>钉子案</b>\t<script>alert(\"nail case\")</script> & 'more'\n",
    )
    .unwrap();
    let (code, html, _) = tifa(&["check", "-f", "html", "x&<y>.tsv"], t);
    assert_eq!(code, 1);
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    assert!(
        !html.contains("<script>") && !html.contains("<b>"),
        "{html}"
    );
    assert!(
        html.contains("&lt;script&gt;alert(&quot;<mark>nail case</mark>&quot;)"),
        "{html}"
    );
    assert!(html.contains("x&amp;&lt;y&gt;.tsv:1"), "{html}");
    assert!(html.contains("&amp; &#39;more&#39;"), "{html}");
    assert_eq!(html.matches("<tr class=").count(), 1);
}

#[test]
fn bad_inputs_are_reported_and_the_run_goes_on() {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    std::fs::write(t.join("a.txt"), "x\n").unwrap();
    std::fs::write(t.join("bad.tsv"), "保护伞\tumbrella\nno tab here\n").unwrap();
    std::fs::write(t.join("zh.txt"), "一\n二\n").unwrap();
    std::fs::write(t.join("en.txt"), "one\n").unwrap();
    std::fs::write(t.join("ok.tsv"), "钉子案\tnail case\n").unwrap();
    let (code, stdout, stderr) = tifa(
        &[
            "check",
            "a.txt",
            "bad.tsv",
            "missing.tmx",
            "ok.tsv",
            "--source",
            "zh.txt",
            "--target",
            "en.txt",
        ],
        t,
    );
    assert_eq!(code, 1);
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("tifa: error:"))
        .collect();
    assert_eq!(errors.len(), 4, "{stderr}");
    assert!(
        errors[0].contains("a.txt: unknown input format; name it with --input-format"),
        "{stderr}"
    );
    assert!(
        errors[1].starts_with("tifa: error: bad.tsv:2: expected 2 tab-separated columns"),
        "{stderr}"
    );
    assert!(errors[2].contains("missing.tmx: no such file"), "{stderr}");
    assert!(
        errors[3].contains("zh.txt and en.txt: the source has 2 lines and the target 1"),
        "{stderr}"
    );
    assert!(
        stdout.starts_with("ok.tsv:1: error: literal rendering \u{201C}nail case\u{201D}"),
        "{stdout}"
    );
    // --input-format overrides the extension.
    std::fs::write(t.join("b.txt"), "钉子案\tnail case\n").unwrap();
    let (code, stdout, _) = tifa(
        &["check", "-f", "jsonl", "--input-format", "tsv", "b.txt"],
        t,
    );
    assert_eq!((code, jsonl(&stdout).len()), (1, 1));
    // Nothing to check is a usage error.
    let (code, _, stderr) = tifa(&["check"], t);
    assert_eq!(code, 2);
    assert!(stderr.contains("nothing to check"), "{stderr}");
}
