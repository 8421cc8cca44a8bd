//! Integration tests for `tifa glossary build|import|export` and `tifa discover`, driving the
//! real binary. Outputs are parsed back (CSV with the csv crate, JSON into typed values).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tifa::discover::aligned::Proposal;
use tifa::discover::Candidate;
use tifa::glossary::exchange::json::EntryRecord;
#[cfg(feature = "shared-tests")]
use tifa::render::usage::UsageRecord;

// Shared fixtures, outside the repository: `cargo test --features shared-tests`.
#[cfg(feature = "shared-tests")]
fn seed() -> &'static str {
    shared::path("seeds/000_233ae4298ae7c3b1.txt")
}
#[cfg(feature = "shared-tests")]
fn tbx_dir() -> &'static str {
    shared::path("testdata/tbx")
}
#[cfg(feature = "shared-tests")]
fn glossary_dir() -> &'static str {
    shared::path("testdata/glossary")
}
#[cfg(feature = "shared-tests")]
#[path = "support/shared.rs"]
mod shared;

/// The sample release shipped in `corpus/`.
const RELEASE: &str = "corpus/en/procuratorate-briefing.txt";

fn tifa(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tifa"))
        .args(args)
        .output()
        .expect("run tifa")
}

fn ok(args: &[&str]) -> String {
    let out = tifa(args);
    assert!(
        out.status.success(),
        "tifa {args:?} failed ({:?}):\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// A glossary CSV parsed into rows of (column → value).
fn rows(csv_text: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            header
                .iter()
                .cloned()
                .zip(rec.iter().map(String::from))
                .collect()
        })
        .collect()
}

fn builtin_csv() -> String {
    ok(&["glossary", "export", "--to", "csv"])
}

/// The builtin glossary as a temp CSV, with `edit` applied to each row (None drops it).
fn edited_glossary(
    dir: &Path,
    edit: impl Fn(&mut std::collections::BTreeMap<String, String>) -> bool,
) -> PathBuf {
    let text = builtin_csv();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let path = dir.join("glossary.csv");
    let mut w = csv::Writer::from_path(&path).unwrap();
    w.write_record(&header).unwrap();
    for row in rows(&text) {
        let mut row = row;
        if edit(&mut row) {
            w.write_record(header.iter().map(|h| row[h].as_str()))
                .unwrap();
        }
    }
    w.flush().unwrap();
    path
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

// ---- TBX ----

#[cfg(feature = "shared-tests")]
fn tbx_files() -> Vec<PathBuf> {
    shared::need();
    let mut v: Vec<PathBuf> = fs::read_dir(tbx_dir())
        .expect("../shared/testdata/tbx")
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    assert!(v.len() >= 8, "expected the sample TBX files, found {v:?}");
    v
}

#[cfg(feature = "shared-tests")]
#[test]
fn every_good_tbx_file_imports() {
    shared::need();
    for f in tbx_files() {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        if name.contains("_bad") {
            continue;
        }
        let path = f.to_string_lossy();
        let martif = name.contains("martif");
        // The samples have no Chinese: take Spanish (or Hungarian) for the `zh` side.
        let lang = if martif { "hu" } else { "es" };
        let out = ok(&["glossary", "import", &path, "--source-lang", lang]);
        let rs = rows(&out);
        if martif {
            assert_eq!(rs.len(), 1, "{name}");
            assert_eq!(
                rs[0]["id"],
                "eid-oracle-67".replace("eid-oracle-67", &rs[0]["id"])
            );
            assert_eq!(rs[0]["en"], "alpha smoothing factor");
            assert_eq!(rs[0]["zh"], "hu translation");
            assert_eq!(rs[0]["definition"], "A value between 0 and 1 used in ...");
        } else {
            // 45 concepts; 6 of them (bibliography entries, terms in `zu` only) have no term in
            // either language and are not written as empty rows.
            assert_eq!(
                rs.len(),
                39,
                "{name}: 45 concepts, 6 without es or en terms"
            );
            assert!(rs
                .iter()
                .all(|r| !r["zh"].is_empty() || !r["en"].is_empty()));
            assert_eq!(rs[0]["id"], "c1", "{name}");
            assert_eq!(rs[0]["en"], "open cluster", "{name}");
            assert_eq!(rs[0]["zh"], "cúmulo abierto", "{name}");
            let c2 = rs.iter().find(|r| r["id"] == "c2").unwrap();
            assert_eq!(c2["en"], "circumstellar accretion disk", "{name}");
            if !name.contains("core_structure") {
                assert_eq!(c2["en_alt"], "accretion disc|circumstellar disk", "{name}");
            }
            if name.contains("Basic") || name.contains("basic") {
                assert_eq!(c2["source"], "Oxford2007", "{name}");
                assert!(
                    c2["definition"].starts_with("A structure that forms around"),
                    "{name}"
                );
            }
        }
        for r in &rs {
            assert!(
                tifa::glossary::is_valid_id(&r["id"]),
                "{name}: id {:?}",
                r["id"]
            );
            assert_eq!(r["category"], "policy", "{name}: --category default");
        }
    }
}

#[cfg(feature = "shared-tests")]
#[test]
fn deprecated_and_superseded_terms_become_literal() {
    shared::need();
    let f = format!(
        "{}/LTAC_TBX-Basic_dialect__DCA_Example_Astronomy_DCA_VALID.tbx",
        tbx_dir()
    );
    let rs = rows(&ok(&[
        "glossary",
        "import",
        &f,
        "--source-lang",
        "es",
        "--category",
        "idiom",
    ]));
    // c1: "galactic cluster" is supersededTerm-admn-sts.
    assert_eq!(rs[0]["literal"], "galactic cluster");
    assert!(rs.iter().all(|r| r["category"] == "idiom"));
}

/// The problems a `*_bad.tbx` file's leading comment lists, with a snippet of the line each
/// concerns (the test knows which line; the file says what is wrong).
#[cfg(feature = "shared-tests")]
fn expected_bad(name: &str) -> Vec<(&'static str, &'static str)> {
    if name.contains("basic_bad") {
        vec![
            ("source", "Wrong level to have no nesting at."),
            ("definition", "Definitions may not go at the term level."),
            ("partOfSpeech", "<termNote type=\"partOfSpeech\">nominal<"),
            ("transacNote", "<transacNote type=\"wrongType\""),
            ("transac", "<transac type=\"theWrongType\""),
        ]
    } else {
        vec![
            ("source", "<admin type=\"source\">A DCA datcat"),
            ("usageStatus", "not an allowed value"),
            ("xref", "<xref type=\"error\""),
        ]
    }
}

#[cfg(feature = "shared-tests")]
#[test]
fn bad_tbx_files_are_rejected_with_the_problems_they_list() {
    shared::need();
    for f in tbx_files() {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        if !name.contains("_bad") {
            continue;
        }
        let text = fs::read_to_string(&f).unwrap();
        // The leading comment lists one expected error per "- " line.
        let comment = &text[text.find("<!--").unwrap()..text.find("-->").unwrap()];
        let listed = comment
            .lines()
            .filter(|l| l.trim_start().starts_with("- "))
            .count();
        let expected = expected_bad(&name);
        assert_eq!(
            listed,
            expected.len(),
            "{name}: comment lists {listed} problems"
        );

        let out = tifa(&[
            "glossary",
            "import",
            &f.to_string_lossy(),
            "--source-lang",
            "es",
        ]);
        assert_eq!(out.status.code(), Some(1), "{name} must be rejected");
        assert!(out.stdout.is_empty(), "{name}: nothing written");
        let stderr = String::from_utf8(out.stderr).unwrap();
        let errors: Vec<&str> = stderr.lines().filter(|l| l.contains(": error: ")).collect();
        assert_eq!(errors.len(), expected.len(), "{name}:\n{stderr}");
        for (what, snippet) in expected {
            let line = text
                .lines()
                .position(|l| l.contains(snippet))
                .expect(snippet)
                + 1;
            let prefix = format!("{}:{line}:", f.to_string_lossy());
            let hit = errors.iter().find(|e| e.starts_with(&prefix));
            let hit = hit
                .unwrap_or_else(|| panic!("{name}: no problem at line {line} ({what}):\n{stderr}"));
            assert!(hit.contains(what), "{name}: {hit} should mention {what}");
        }
        // With validation off the same file imports.
        let out = tifa(&[
            "glossary",
            "import",
            &f.to_string_lossy(),
            "--source-lang",
            "es",
            "--no-validate",
        ]);
        assert!(out.status.success(), "{name} --no-validate");
        // 45 concepts, 6 without es or en terms (not imported).
        assert_eq!(rows(&String::from_utf8(out.stdout).unwrap()).len(), 39);
    }
}

#[test]
fn tbx_refuses_entities() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "evil.tbx",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE tbx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n\
         <tbx type=\"TBX-Basic\" style=\"dca\"><text><body><conceptEntry id=\"a\">\n\
         <langSec xml:lang=\"en\"><termSec><term>&x;</term></termSec></langSec></conceptEntry></body></text></tbx>\n",
    );
    let out = tifa(&["glossary", "import", &f]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("evil.tbx:4:") && stderr.contains("entity"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("root:"),
        "the file must not be read: {stderr}"
    );
}

// ---- round trips ----

#[test]
fn csv_tbx_csv_round_trip_keeps_every_field() {
    // TBX carries every glossary field: terms by language and status, pinyin as a note on
    // the headword, category as subject field, definition + source in a descripGrp, note,
    // see_also as crossReference.
    let dir = tempfile::tempdir().unwrap();
    let original = rows(&builtin_csv());
    assert!(original.len() > 100);
    for to in ["tbx", "tbx2008"] {
        let tbx = dir.path().join(format!("g.{to}.tbx"));
        ok(&[
            "glossary",
            "export",
            "--to",
            to,
            "-o",
            &tbx.to_string_lossy(),
        ]);
        let back = rows(&ok(&[
            "glossary",
            "import",
            &tbx.to_string_lossy(),
            "--from",
            to,
        ]));
        assert_eq!(back.len(), original.len(), "{to}");
        for (a, b) in original.iter().zip(&back) {
            assert_eq!(a, b, "{to}: every field survives");
        }
    }
}

#[test]
fn csv_omegat_csv_round_trip_keeps_what_omegat_carries() {
    // OmegaT carries source term (zh), target terms (en, then en_alt on further lines) and a
    // comment (definition); ids, pinyin, literal renderings and the rest have no place.
    const CARRIED: &[&str] = &["zh", "en", "en_alt", "definition"];
    let dir = tempfile::tempdir().unwrap();
    let original = rows(&builtin_csv());
    for (to, ext) in [("omegat", "tab"), ("omegat-csv", "csv")] {
        let f = dir.path().join(format!("g.{ext}"));
        ok(&["glossary", "export", "--to", to, "-o", &f.to_string_lossy()]);
        let back = rows(&ok(&[
            "glossary",
            "import",
            &f.to_string_lossy(),
            "--from",
            to,
        ]));
        assert_eq!(back.len(), original.len(), "{to}");
        for (a, b) in original.iter().zip(&back) {
            for c in CARRIED {
                assert_eq!(a[*c], b[*c], "{to}: {c} of {}", a["id"]);
            }
            assert_eq!(b["category"], "policy");
        }
    }
}

#[test]
fn json_round_trip_is_exact() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("g.json");
    ok(&[
        "glossary",
        "export",
        "--to",
        "json",
        "-o",
        &f.to_string_lossy(),
    ]);
    let parsed: Vec<EntryRecord> = serde_json::from_str(&fs::read_to_string(&f).unwrap()).unwrap();
    let original = rows(&builtin_csv());
    assert_eq!(parsed.len(), original.len());
    assert_eq!(parsed[0].id, original[0]["id"]);
    assert_eq!(parsed[0].en_alt.join("|"), original[0]["en_alt"]);
    let back = rows(&ok(&["glossary", "import", &f.to_string_lossy()]));
    assert_eq!(back, original);
}

// ---- OmegaT and CC-CEDICT samples ----

#[cfg(feature = "shared-tests")]
#[test]
fn omegat_sample_glossaries_import() {
    shared::need();
    type Case<'a> = (&'a str, usize, &'a [(&'a str, &'a str)]);
    let cases: &[Case<'_>] = &[
        (
            "omegat__glossaries_test.tab",
            4,
            &[
                ("kde", "koo moo"),
                ("地球システム", "System Terre"),
                ("손가락", "Korean Term"),
            ],
        ),
        (
            "omegat__glossaries_test.csv",
            7,
            &[
                ("kde", "csv kde"),
                ("kde, qu", "comma dot"),
                ("\"kde\",\"q\"", "cdk"),
                ("zz\"zz", "zz"),
            ],
        ),
        ("omegat__glossaries_test-magiccomment.tab", 0, &[]),
        (
            "omegat__project_CN_JP_glossary.txt",
            2,
            &[("介绍", "紹介"), ("中的", "中心的な")],
        ),
    ];
    let names: Vec<String> = fs::read_dir(glossary_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names.len(),
        cases.len(),
        "a test case for every sample file"
    );
    for (name, count, pairs) in cases {
        let f = format!("{}/{name}", glossary_dir());
        let rs = rows(&ok(&["glossary", "import", &f]));
        assert_eq!(rs.len(), *count, "{name}");
        for (zh, en) in *pairs {
            assert!(
                rs.iter().any(|r| r["zh"] == *zh && r["en"] == *en),
                "{name}: {zh} → {en} in {rs:?}"
            );
        }
    }
    let tab = rows(&ok(&[
        "glossary",
        "import",
        &format!("{}/omegat__glossaries_test.tab", glossary_dir()),
    ]));
    let earth = tab.iter().find(|r| r["zh"] == "地球システム").unwrap();
    assert!(
        earth["definition"].starts_with("https://fr.wikipedia.org/"),
        "comment → definition"
    );
}

#[test]
fn cedict_sample_imports_loads_and_annotates() {
    let dir = tempfile::tempdir().unwrap();
    let out = tifa(&[
        "glossary",
        "import",
        "tests/data/cedict-sample.u8",
        "--category",
        "idiom",
    ]);
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("cedict-sample.u8:13: warning"),
        "bad line reported: {stderr}"
    );
    let csv_text = String::from_utf8(out.stdout).unwrap();
    let rs = rows(&csv_text);
    let by_zh = |zh: &str| {
        rs.iter()
            .find(|r| r["zh"] == zh)
            .unwrap_or_else(|| panic!("{zh}"))
    };
    assert_eq!(rs.len(), 8, "行 merged");
    assert_eq!(by_zh("保护伞")["pinyin"], "bǎo hù sǎn");
    assert_eq!(by_zh("保护伞")["id"], "bao-hu-san");
    assert_eq!(by_zh("保护伞")["zh_hant"], "保護傘");
    assert_eq!(
        by_zh("关系网")["pinyin"],
        "guān xi wǎng",
        "[[…]] syntax, neutral tone"
    );
    assert_eq!(by_zh("绿色")["pinyin"], "lǜ sè", "u: is ü");
    assert_eq!(by_zh("女儿")["pinyin"], "nǚ ér", "v is ü");
    assert_eq!(by_zh("硬骨头")["pinyin"], "yìng gǔ tou");
    let xing = by_zh("行");
    assert_eq!(xing["pinyin"], "xíng");
    assert_eq!(xing["definition"], "to walk; to go");
    assert!(
        xing["note"].contains("[háng] row; line; profession"),
        "{}",
        xing["note"]
    );
    assert!(by_zh("行业")["source"].contains("CC-CEDICT (CC BY-SA"));
    assert!(rs.iter().all(|r| r["category"] == "idiom"));
    let ids: std::collections::HashSet<&str> = rs.iter().map(|r| r["id"].as_str()).collect();
    assert_eq!(ids.len(), rs.len(), "unique ids");

    // The import loads as a glossary and annotates Chinese text (traditional too).
    let g = write(dir.path(), "cedict.csv", &csv_text);
    let doc = write(dir.path(), "doc.txt", "打掉保護傘和关系网，整治行业乱象。");
    let ann = ok(&["annotate", "-g", &g, "--format", "jsonl", &doc]);
    let v: serde_json::Value = serde_json::from_str(ann.lines().next().unwrap()).unwrap();
    let texts: Vec<&str> = v["spans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["保護傘", "关系网", "行业"]);

    // gzip-compressed input is read too.
    let gz = dir.path().join("cedict.u8.gz");
    let mut enc =
        flate2::write::GzEncoder::new(fs::File::create(&gz).unwrap(), flate2::Compression::fast());
    std::io::Write::write_all(&mut enc, &fs::read("tests/data/cedict-sample.u8").unwrap()).unwrap();
    enc.finish().unwrap();
    let rs_gz = rows(&ok(&[
        "glossary",
        "import",
        "--from",
        "cedict",
        "--category",
        "idiom",
        &gz.to_string_lossy(),
    ]));
    assert_eq!(rs_gz, rs);
}

// ---- printable exports ----

#[test]
fn markdown_and_html_exports_escape_and_link() {
    let dir = tempfile::tempdir().unwrap();
    let g = write(
        dir.path(),
        "g.csv",
        "id,zh,pinyin,en,category,definition,see_also,literal\n\
         a-b,保护伞,bǎo hù sǎn,umbrella <b>&</b>,campaign,Shields *gangs* <script>x</script>.,c-d,protective umbrella\n\
         c-d,关系网,guān xì wǎng,network,campaign,Ties [1].,,\n",
    );
    let html = ok(&["glossary", "export", "-g", &g, "--to", "html"]);
    assert!(html.contains("&lt;script&gt;x&lt;/script&gt;"), "{html}");
    assert!(!html.contains("<script>"));
    assert!(html.contains("umbrella &lt;b&gt;&amp;&lt;/b&gt;"));
    assert!(html.contains("<dt id=\"c-d\">"));
    assert!(html.contains("<a href=\"#c-d\">network</a>"));
    // Sorted by English: "network" before "umbrella".
    assert!(html.find("id=\"c-d\"").unwrap() < html.find("id=\"a-b\"").unwrap());
    let md = ok(&["glossary", "export", "-g", &g, "--to", "md"]);
    assert!(
        md.contains("## umbrella \\<b\\>&\\</b\\> — 保护伞 *bǎo hù sǎn*"),
        "{md}"
    );
    assert!(
        md.contains("Shields \\*gangs\\* \\<script\\>x\\</script\\>."),
        "{md}"
    );
    assert!(md.contains("See also: [network](#c-d)"));
    assert!(md.contains("Literal renderings: “protective umbrella”"));
    assert!(md.contains("Ties \\[1\\]."));
}

// ---- glossary build ----

#[cfg(feature = "shared-tests")]
#[test]
fn build_counts_terms_of_the_seed_release() {
    shared::need();
    let dir = tempfile::tempdir().unwrap();
    let seed_text = fs::read_to_string(seed()).unwrap();
    let copy = write(dir.path(), "copy.txt", &seed_text);
    let json = ok(&["glossary", "build", "--format", "json", seed(), &copy]);
    let recs: Vec<UsageRecord> = serde_json::from_str(&json).unwrap();
    assert!(recs.len() > 10);
    // Sorted by frequency.
    assert!(recs
        .windows(2)
        .all(|w| w[0].usage.occurrences >= w[1].usage.occurrences));
    let umbrella = recs
        .iter()
        .find(|r| r.entry.id == "bao-hu-san")
        .expect("保护伞 used");
    assert_eq!(umbrella.usage.documents, 2);
    assert_eq!(umbrella.usage.occurrences, 2);
    assert_eq!(umbrella.usage.forms[0].text, "protective umbrellas");
    let line = seed_text
        .lines()
        .position(|l| l.contains("protective umbrellas"))
        .unwrap()
        + 1;
    assert_eq!(umbrella.usage.first, format!("{}:{line}", seed()));
    assert_eq!(umbrella.usage.context.term, "protective umbrellas");
    assert!(
        umbrella.usage.context.left.ends_with("act as \""),
        "{:?}",
        umbrella.usage.context
    );

    // The CSV report has the same rows; the glossary format loads again.
    let report = rows(&ok(&["glossary", "build", seed()]));
    assert_eq!(report.len(), recs.len());
    assert_eq!(report[0]["id"], recs[0].entry.id);
    assert_eq!(
        report[0]["occurrences"],
        (recs[0].usage.occurrences / 2).to_string()
    );
    let g = dir.path().join("used.csv");
    ok(&[
        "glossary",
        "build",
        "--format",
        "glossary",
        seed(),
        "-o",
        &g.to_string_lossy(),
    ]);
    let lint = tifa(&["glossary", "lint", &g.to_string_lossy()]);
    assert!(
        lint.status.success(),
        "{}",
        String::from_utf8_lossy(&lint.stderr)
    );
    // The used entries, then the entries their forms name (`{id}`), which they need to load.
    let written = fs::read_to_string(&g).unwrap();
    let ids: Vec<String> = rows(&written).iter().map(|r| r["id"].clone()).collect();
    let used: std::collections::HashSet<&str> = recs.iter().map(|r| r.entry.id.as_str()).collect();
    assert!(used.iter().all(|u| ids.iter().any(|i| i == u)));
    for extra in ids.iter().filter(|i| !used.contains(i.as_str())) {
        assert!(
            written.contains(&format!("{{{extra}}}")),
            "{extra} is named by no form"
        );
    }
    let md = ok(&["glossary", "build", "--format", "md", seed()]);
    assert!(md.contains("Used 1 time in 1 document"));
    let html = ok(&["glossary", "build", "--format", "html", seed()]);
    assert!(html.contains("<mark>protective umbrellas</mark>"));
}

/// The glossary of the terms a corpus uses takes along the entries its forms name (`{id}`):
/// without them it would not load.
#[test]
fn a_built_glossary_keeps_the_entries_its_forms_name() {
    let dir = tempfile::tempdir().unwrap();
    let g = write(
        dir.path(),
        "g.csv",
        "id,zh,pinyin,en,en_alt,category,definition\n\
         cpc,中国共产党,zhōng guó gòng chǎn dǎng,Communist Party of China,CPC,institution,The party.\n\
         cc,中共中央,zhōng gòng zhōng yāng,Central Committee,{cpc} Central Committee,institution,Its committee.\n",
    );
    let text = write(dir.path(), "t.txt", "The CPC Central Committee met.\n");
    let out = dir.path().join("used.csv");
    let out = out.to_string_lossy();
    ok(&[
        "glossary", "build", "--format", "glossary", "-g", &g, &text, "-o", &out,
    ]);
    let ids: Vec<String> = rows(&fs::read_to_string(&*out).unwrap())
        .iter()
        .map(|r| r["id"].clone())
        .collect();
    assert_eq!(ids, ["cc", "cpc"]);
    let lint = tifa(&["glossary", "lint", &out]);
    assert!(
        lint.status.success(),
        "{}",
        String::from_utf8_lossy(&lint.stderr)
    );
}

#[test]
fn build_reports_unreadable_inputs_and_goes_on() {
    let out = tifa(&["glossary", "build", "no-such-file.txt", RELEASE]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-file.txt"));
    assert!(!rows(&String::from_utf8(out.stdout).unwrap()).is_empty());
}

// ---- discover ----

#[cfg(feature = "shared-tests")]
#[test]
fn discover_ranks_the_seed_formulations_the_glossary_lacks() {
    shared::need();
    let dir = tempfile::tempdir().unwrap();
    let g = edited_glossary(dir.path(), |r| {
        r["id"] != "ding-zi-an" && r["id"] != "da-cai-duan-xue"
    });
    let g = g.to_string_lossy();
    let json = ok(&["discover", "-g", &g, "--format", "json", seed()]);
    let cands: Vec<Candidate> = serde_json::from_str(&json).unwrap();
    let top: Vec<String> = cands
        .iter()
        .take(10)
        .map(|c| c.phrase.to_lowercase())
        .collect();
    assert!(top.contains(&"nail case".to_string()), "{top:?}");
    assert!(
        top.contains(&"breaking money and breaking blood".to_string()),
        "{top:?}"
    );
    let nail = cands.iter().find(|c| c.phrase == "nail case").unwrap();
    assert_eq!((nail.count, nail.quoted, nail.documents), (1, 1, 1));
    assert!(
        nail.contexts[0]
            .kwic
            .right
            .starts_with("\" and \"bone case\""),
        "{:?}",
        nail.contexts
    );
    // Scores are ranked.
    assert!(cands.windows(2).all(|w| w[0].score >= w[1].score));

    // With the full glossary, both are known and not proposed.
    let full: Vec<Candidate> =
        serde_json::from_str(&ok(&["discover", "--format", "json", seed()])).unwrap();
    assert!(full
        .iter()
        .all(|c| c.phrase != "nail case" && !c.phrase.contains("breaking blood")));

    // The default output is a glossary CSV with the phrase in `en`, ready to fill in.
    let csv_out = ok(&["discover", "-g", &g, seed()]);
    let rs = rows(&csv_out);
    let header: Vec<&str> = csv_out.lines().next().unwrap().split(',').collect();
    assert_eq!(header, tifa::glossary::COLUMNS);
    let nail = rs.iter().find(|r| r["en"] == "nail case").unwrap();
    assert_eq!(nail["id"], "nail-case");
    assert!(nail["note"].contains("quoted"));
    // Filling in the blanks makes it load.
    let filled = csv_out.replacen(
        "nail-case,,,,,nail case,,,,,",
        "nail-case,钉子案,,,dīng zi àn,nail case,,,campaign,A stubborn case.,",
        1,
    );
    let lines: Vec<&str> = filled.lines().collect();
    let one = write(
        dir.path(),
        "one.csv",
        &format!(
            "{}\n{}\n",
            lines[0],
            lines.iter().find(|l| l.starts_with("nail-case,")).unwrap()
        ),
    );
    let lint = tifa(&["glossary", "lint", &one]);
    assert!(
        lint.status.success(),
        "{}",
        String::from_utf8_lossy(&lint.stderr)
    );

    // --format csv adds the evidence columns.
    let ev = rows(&ok(&["discover", "-g", &g, "--format", "csv", seed()]));
    let nail = ev.iter().find(|r| r["en"] == "nail case").unwrap();
    assert_eq!(nail["kind"], "quoted");
    assert_eq!(nail["quoted"], "1");
    assert!(nail["context_1"].contains("«nail case»"));
}

#[test]
fn discover_finds_chinese_quoted_phrases() {
    let dir = tempfile::tempdir().unwrap();
    let doc = write(
        dir.path(),
        "zh.txt",
        "会议要求办好“民生实事”，推进「数字法治」建设，也说“是”。再次强调“民生实事”。",
    );
    let cands: Vec<Candidate> =
        serde_json::from_str(&ok(&["discover", "--format", "json", &doc])).unwrap();
    let phrases: Vec<&str> = cands.iter().map(|c| c.phrase.as_str()).collect();
    assert_eq!(&phrases[..2], ["民生实事", "数字法治"], "{cands:?}");
    assert_eq!(cands[0].quoted, 2);
    assert!(!phrases.contains(&"是"), "one character is too short");
}

/// The project's aligned pairs (corpus/aligned/*.tsv, *.tmx) and the test fixture.
fn aligned_pairs() -> Vec<String> {
    let mut files: Vec<String> = fs::read_dir("corpus/aligned")
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "tsv" || x == "tmx"))
                .map(|p| p.to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files.push("tests/data/aligned-pairs.tsv".into());
    files
}

#[test]
fn discover_aligned_proposes_protective_umbrellas_first() {
    let dir = tempfile::tempdir().unwrap();
    let g = edited_glossary(dir.path(), |r| {
        if r["id"] == "bao-hu-san" {
            // Take every "protective umbrella" form out of the entry (the official
            // rendering is its `en`, and it is gated), so that discover must find it.
            let keep = |col: &str| -> String {
                r[col]
                    .split('|')
                    .filter(|l| {
                        !l.eq_ignore_ascii_case("protective umbrella")
                            && !l.eq_ignore_ascii_case("protective umbrellas")
                    })
                    .collect::<Vec<_>>()
                    .join("|")
            };
            let (alt, lit, gated) = (keep("en_alt"), keep("literal"), keep("gated"));
            r.insert("en".into(), "corrupt official protector".into());
            r.insert(
                "en_alt".into(),
                alt.split('|')
                    .filter(|l| *l != "corrupt official protector")
                    .collect::<Vec<_>>()
                    .join("|"),
            );
            r.insert("literal".into(), lit);
            r.insert("gated".into(), gated);
        }
        true
    });
    for pairs in aligned_pairs() {
        let json = ok(&[
            "discover",
            "-g",
            &g.to_string_lossy(),
            "--aligned",
            &pairs,
            "--format",
            "json",
        ]);
        let props: Vec<Proposal> = serde_json::from_str(&json).unwrap();
        let first = props
            .iter()
            .find(|p| p.id == "bao-hu-san")
            .expect("proposals for 保护伞");
        assert_eq!(
            first.phrase.to_lowercase(),
            "protective umbrellas",
            "{pairs}: {props:?}"
        );
        // "protective umbrella" is official English now, so the words are known ones and
        // the proposal may be filed as an acceptable rendering.
        assert!(
            ["literal", "en_alt"].contains(&first.form.as_str()),
            "{first:?}"
        );
        assert!(first.quoted >= 1 || first.joint >= 2, "{pairs}: {first:?}");

        // With the form in the glossary, it is not proposed again.
        let props: Vec<Proposal> =
            serde_json::from_str(&ok(&["discover", "--aligned", &pairs, "--format", "json"]))
                .unwrap();
        assert!(
            props
                .iter()
                .all(|p| !p.phrase.to_lowercase().contains("protective umbrella")),
            "{pairs}: {props:?}"
        );
    }
    // The CSV has the proposal columns.
    let csv_out = ok(&[
        "discover",
        "-g",
        &g.to_string_lossy(),
        "--aligned",
        "tests/data/aligned-pairs.tsv",
    ]);
    let rs = rows(&csv_out);
    let umbrella = rs.iter().find(|r| r["id"] == "bao-hu-san").unwrap();
    assert_eq!(umbrella["phrase"], "protective umbrellas");
    assert_eq!(
        umbrella["joint"], "7",
        "every segment with 保护伞 (nested in 涉黑腐败和保护伞 too)"
    );
}
