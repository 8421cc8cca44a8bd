//! Interchange correctness (issue 15): TBX DCT files read as fully as DCA and validated,
//! TBX core structure checked, a language the file lacks refused (exit 2) for `glossary
//! import` and `check`, XLIFF and TMX language attributes honoured, units without the
//! chosen languages counted, `translate="no"` units skipped, Japanese targets not taken for
//! untranslated Chinese, and concepts without terms not written as empty rows.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn tifa(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tifa"))
        .args(args)
        .output()
        .expect("tifa runs")
}

fn data(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("tifa-interchange-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&d);
    fs::create_dir_all(&d).unwrap();
    d
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Glossary CSV rows as maps from column to value.
fn rows(csv: &[u8]) -> Vec<HashMap<String, String>> {
    let mut r = csv::Reader::from_reader(csv);
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    r.records()
        .map(|rec| {
            header
                .iter()
                .cloned()
                .zip(rec.unwrap().iter().map(String::from))
                .collect()
        })
        .collect()
}

fn tbx_v3(style: &str, body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <tbx type=\"TBX-Basic\" style=\"{style}\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\" \
         xmlns:basic=\"http://www.tbxinfo.net/ns/basic\">\n<text>\n<body>\n{body}</body>\n</text>\n</tbx>\n"
    )
}

// ---- TBX ----

#[test]
fn tbx_dct_is_read_as_fully_as_dca() {
    let out = tifa(&["glossary", "import", &data("dct-basic.tbx")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rs = rows(&out.stdout);
    assert_eq!(rs.len(), 2);
    let b = &rs[0];
    assert_eq!(b["id"], "bao-hu-san");
    assert_eq!(b["zh"], "保护伞");
    // The preferred term wins over the first; deprecated and superseded terms are literal
    // renderings, never approved ones.
    assert_eq!(b["en"], "protectors");
    assert_eq!(b["en_alt"], "official protector");
    assert_eq!(b["literal"], "protective umbrella|umbrella of protection");
    assert_eq!(b["category"], "campaign");
    assert_eq!(b["definition"], "Officials who shield criminal gangs.");
    assert_eq!(b["source"], "Test fixture");
    assert_eq!(b["see_also"], "guan-xi-wang");
    let g = &rs[1];
    assert_eq!(
        g["definition"],
        "Webs of personal connections that shield gangs."
    );
    assert_eq!(g["source"], "Second fixture source");
    assert_eq!(g["note"], "Subject field: Organised crime");

    // The same concept in DCA style reads the same.
    let dca = fs::read_to_string(data("dct-basic.tbx"))
        .unwrap()
        .replace("style=\"dct\"", "style=\"dca\"")
        .replace(
            "<basic:administrativeStatus>",
            "<termNote type=\"administrativeStatus\">",
        )
        .replace("</basic:administrativeStatus>", "</termNote>")
        .replace("<basic:partOfSpeech>", "<termNote type=\"partOfSpeech\">")
        .replace("</basic:partOfSpeech>", "</termNote>")
        .replace("<basic:definition>", "<descrip type=\"definition\">")
        .replace("</basic:definition>", "</descrip>")
        .replace("<basic:subjectField>", "<descrip type=\"subjectField\">")
        .replace("</basic:subjectField>", "</descrip>")
        .replace("<basic:source>", "<admin type=\"source\">")
        .replace("</basic:source>", "</admin>")
        .replace(
            "<basic:crossReference target",
            "<ref type=\"crossReference\" target",
        )
        .replace("</basic:crossReference>", "</ref>");
    let dir = temp("dca");
    let p = write(&dir, "dca.tbx", &dca);
    let out_dca = tifa(&["glossary", "import", &p]);
    assert!(out_dca.status.success(), "{}", stderr(&out_dca));
    assert_eq!(
        String::from_utf8_lossy(&out_dca.stdout),
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn tbx_dct_picklists_and_categories_are_validated() {
    let dir = temp("dct-bad");
    let body = "<conceptEntry id=\"c1\">\n\
        <langSec xml:lang=\"zh\"><termSec><term>保护伞</term></termSec></langSec>\n\
        <langSec xml:lang=\"en\">\n\
        <termSec><term>protectors</term>\n\
        <basic:administrativeStatus>approvedTerm-admn-sts</basic:administrativeStatus>\n\
        <basic:partOfSpeech>nominal</basic:partOfSpeech>\n\
        <basic:definition>Not at the term level.</basic:definition>\n\
        <basic:colour>red</basic:colour>\n\
        </termSec></langSec>\n</conceptEntry>\n";
    let p = write(&dir, "bad.tbx", &tbx_v3("dct", body));
    let out = tifa(&["glossary", "import", &p]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    let errors: Vec<&str> = err.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(errors.len(), 4, "{err}");
    assert!(
        errors[0].contains("bad.tbx:9:")
            && errors[0].contains(
                "administrativeStatus value \"approvedTerm-admn-sts\" is not in its picklist"
            ),
        "{err}"
    );
    assert!(
        errors[1].contains("bad.tbx:10:") && errors[1].contains("partOfSpeech value \"nominal\""),
        "{err}"
    );
    assert!(
        errors[2].contains("bad.tbx:11:") && errors[2].contains("definition at the termSec level"),
        "{err}"
    );
    assert!(
        errors[3].contains("bad.tbx:12:")
            && errors[3].contains("<basic:colour> is not a data category of TBX-Basic"),
        "{err}"
    );
}

#[test]
fn a_second_term_in_one_term_section_is_an_error() {
    let dir = temp("two-terms");
    let body = "<conceptEntry id=\"c1\">\n\
        <langSec xml:lang=\"zh\"><termSec><term>保护伞</term></termSec></langSec>\n\
        <langSec xml:lang=\"en\"><termSec>\n\
        <term>protectors</term>\n\
        <term>protective umbrellas</term>\n\
        </termSec></langSec>\n\
        <langSec xml:lang=\"fr\"></langSec>\n</conceptEntry>\n";
    let p = write(&dir, "two.tbx", &tbx_v3("dca", body));
    let out = tifa(&["glossary", "import", &p]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "{p}:9:1: error: a second <term> \"protective umbrellas\" in one <termSec> (after \"protectors\"): each term needs its own term section"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!("{p}:11:1: warning: <langSec> has no term section")),
        "{err}"
    );
    // TBX 2008 likewise.
    let martif = "<martif type=\"TBX\"><text><body><termEntry id=\"c1\">\n\
        <langSet xml:lang=\"zh\"><tig><term>保护伞</term><term>关系网</term></tig></langSet>\n\
        <langSet xml:lang=\"en\"><tig><term>protectors</term></tig></langSet>\n\
        </termEntry></body></text></martif>\n";
    let p2 = write(&dir, "two-2008.tbx", martif);
    let out = tifa(&["glossary", "import", &p2]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("a second <term> \"关系网\" in one <tig>"),
        "{}",
        stderr(&out)
    );
    // Without validation: imported, with a warning that names the term left out.
    let out = tifa(&["glossary", "import", &p, "--no-validate"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("warning: a second <term> \"protective umbrellas\""));
    assert!(stderr(&out).contains("; not imported"));
}

#[test]
fn tbx_import_refuses_a_language_the_file_lacks() {
    let out = tifa(&[
        "glossary",
        "import",
        &data("dct-basic.tbx"),
        "--source-lang",
        "es",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(
        err.contains("error: no terms in language \"es\" (--source-lang); the file has zh, en"),
        "{err}"
    );
    let out = tifa(&[
        "glossary",
        "import",
        &data("dct-basic.tbx"),
        "--target-lang",
        "de",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("no terms in language \"de\" (--target-lang); the file has zh, en"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn concepts_without_terms_in_either_language_are_not_empty_rows() {
    let dir = temp("termless");
    let body = "<conceptEntry id=\"c1\">\n\
        <langSec xml:lang=\"zh\"><termSec><term>保护伞</term></termSec></langSec>\n\
        <langSec xml:lang=\"en\"><termSec><term>protectors</term></termSec></langSec>\n\
        </conceptEntry>\n\
        <conceptEntry id=\"c2\">\n\
        <langSec xml:lang=\"zu\"><termSec><term>Bally2005</term></termSec></langSec>\n\
        </conceptEntry>\n";
    let p = write(&dir, "t.tbx", &tbx_v3("dca", body));
    let out = tifa(&["glossary", "import", &p]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rs = rows(&out.stdout);
    assert_eq!(rs.len(), 1, "{rs:?}");
    assert_eq!(rs[0]["id"], "c1");
    assert!(
        stderr(&out).contains(&format!(
            "{p}:9: warning: 1 concept entry has no term in \"zh\" or \"en\", not imported"
        )),
        "{}",
        stderr(&out)
    );
}

// ---- check ----

#[test]
fn check_refuses_a_language_the_file_lacks() {
    let g = data("mini.csv");
    for (file, option, lang, present) in [
        ("zh-ja.tmx", "--target-lang", "en", "zh-CN, ja-JP"),
        ("zh-ja.tmx", "--source-lang", "ko", "zh-CN, ja-JP"),
        ("units.xlf", "--target-lang", "ja", "zh-CN, en-US"),
        ("units.xlf", "--source-lang", "de", "zh-CN, en-US"),
    ] {
        let f = data(file);
        let out = tifa(&["check", "-g", &g, option, lang, &f]);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{file} {option}: {}",
            stderr(&out)
        );
        let err = stderr(&out);
        assert!(
            err.contains(&format!(
                "tifa: error: {f}: no text in language \"{lang}\" ({option}); the file has {present}"
            )),
            "{err}"
        );
        assert!(out.stdout.is_empty());
    }
    // A language the file has is fine.
    let out = tifa(&["check", "-g", &g, "--target-lang", "en", &data("units.xlf")]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out)); // the literal rendering
}

#[test]
fn japanese_targets_are_not_untranslated_chinese() {
    let f = data("zh-ja.tmx");
    let out = tifa(&["check", "-g", &data("mini.csv"), "--format", "jsonl", &f]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "tifa: note: {f}: the target language is ja-JP, not English: renderings are not checked, nor untranslated Chinese"
        )),
        "{err}"
    );
    // The unit without the source language is counted and named, not dropped silently.
    assert!(
        err.contains(&format!(
            "tifa: note: {f}: 1 unit has no text in the source language: skipped (line 13)"
        )),
        "{err}"
    );
    assert!(
        err.contains("tifa: 2 segments in 1 file: 0 errors"),
        "{err}"
    );
}

#[test]
fn xliff_translate_no_units_are_skipped_and_reported() {
    let f = data("units.xlf");
    let out = tifa(&["check", "-g", &data("mini.csv"), "--format", "jsonl", &f]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let records: Vec<serde_json::Value> = String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // Only the literal rendering of unit 1: the untranslated Chinese of units 2 and 3
    // (translate="no", directly and through their group) is not reported.
    assert_eq!(records.len(), 1, "{records:?}");
    assert_eq!(records[0]["kind"], "literal");
    assert_eq!(records[0]["id"], "1");
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "tifa: note: {f}: 2 units are marked translate=\"no\": skipped (lines 6, 8)"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "tifa: note: {f}: 1 segment has no target: not checked (line 10)"
        )),
        "{err}"
    );
}

#[test]
fn tmx_unit_srclang_is_honoured() {
    let dir = temp("srclang");
    let p = write(
        &dir,
        "mixed.tmx",
        "<tmx version=\"1.4\"><header srclang=\"en-US\"/><body>\n\
         <tu><tuv xml:lang=\"en-US\"><seg>protectors</seg></tuv><tuv xml:lang=\"fr\"><seg>protecteurs</seg></tuv></tu>\n\
         <tu srclang=\"fr\"><tuv xml:lang=\"fr\"><seg>parapluie</seg></tuv><tuv xml:lang=\"de\"><seg>Schirm</seg></tuv></tu>\n\
         <tu><tuv xml:lang=\"de\"><seg>nur Deutsch</seg></tuv></tu>\n\
         </body></tmx>\n",
    );
    let out = tifa(&["check", "-g", &data("mini.csv"), &p]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    // The second unit's own srclang (fr) makes it a segment (was: skipped, since it has no
    // en-US); the third, in no source language, is counted and named.
    assert!(err.contains("tifa: 2 segments in 1 file"), "{err}");
    assert!(
        err.contains(&format!(
            "tifa: note: {p}: 1 unit has no text in the source language: skipped (line 4)"
        )),
        "{err}"
    );
}
