//! Regression tests for bugs found by fuzzing and by the bad-input matrix, each named after
//! the bug. RELIABILITY.md lists them with the fuzz target or test that found them.

use std::fs;
use std::process::{Command, Stdio};

use tifa::annotate::annotate;
use tifa::glossary::{Entry, Glossary};
use tifa::matcher::{MatchOptions, Matcher};

#[path = "support/invariants.rs"]
mod invariants;

fn entry(id: &str, zh: &str, en: &str) -> Entry {
    Entry {
        id: id.into(),
        zh: zh.into(),
        pinyin: "p".into(),
        en: en.into(),
        category: "campaign".into(),
        definition: "D.".into(),
        ..Entry::default()
    }
}

/// Found by fuzz target `normalize`: a character whose folding is several characters of
/// the same total byte length (`ǌ` U+01CC → `nj`, `℀` U+2100 → `a/c`, `Ⅲ` → `iii`) was
/// mapped byte for byte, so an offset inside the folding landed inside the original
/// character. A term ending there (`protective umbrell℀` → `… umbrella/c`) gave a span
/// that was not on a character boundary: the JSONL and CSV renderers panicked, and the
/// text renderer wrote invalid UTF-8.
#[test]
fn multi_char_folding_of_equal_byte_length_maps_to_whole_characters() {
    for text in ["ǌ", "℀", "Ⅲ", "Ĳ", "x ǈ y", "protective umbrell℀ and more"] {
        invariants::offset_map(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
    }
    let m = Matcher::new(Glossary {
        entries: vec![entry("bao-hu-san", "保护伞", "protective umbrella")].into(),
    })
    .unwrap();
    let text = "protective umbrell℀ and more";
    let ann = annotate(&m, text, MatchOptions::default());
    assert_eq!(ann.spans.len(), 1);
    // The span takes the whole character whose folding it ends in.
    assert_eq!(&text[ann.spans[0].byte_range()], "protective umbrell℀");
    invariants::annotate_everywhere(&m, text, MatchOptions::default()).unwrap();

    // End to end: every format succeeds.
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.csv");
    fs::write(
        &g,
        "id,zh,pinyin,en,category,definition\nbao-hu-san,保护伞,p,protective umbrella,campaign,D.\n",
    )
    .unwrap();
    for format in ["jsonl", "csv", "text"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_tifa"))
            .args(["annotate", "-f", format, "-g"])
            .arg(&g)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8(out.stdout).expect("output is UTF-8");
        assert!(stdout.contains("protective umbrell℀"), "{format}: {stdout}");
    }
}

/// Found writing the `tbx` fuzz target (whose invariant is that an import without errors
/// compiles into a matcher): `glossary import` cleared alternative forms and Chinese
/// headwords with nothing to match, but kept an English headword like `-`, so the
/// imported glossary was rejected as a whole ("en form \"-\" … is empty after
/// normalization"). Then it was left empty, which the CSV reader refuses: now the first
/// alternative that can be matched takes its place.
#[test]
fn imported_english_headword_without_letters_gives_way() {
    use tifa::glossary::exchange::{import, ExchangeFormat, ImportOptions};
    let tbx = r#"<tbx type="TBX-Basic" style="dca" xml:lang="en"><tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader><text><body><conceptEntry id="a"><langSec xml:lang="zh"><termSec><term>保护伞</term></termSec></langSec><langSec xml:lang="en"><termSec><term>-</term></termSec><termSec><term>umbrella</term></termSec></langSec></conceptEntry></body></text></tbx>"#;
    let imported = import(
        ExchangeFormat::Tbx,
        tbx.as_bytes(),
        std::path::Path::new("dash.tbx"),
        &ImportOptions::default(),
    );
    assert!(!imported.has_errors(), "{:?}", imported.problems);
    let e = &imported.entries[0];
    assert_eq!((e.zh.as_str(), e.en.as_str()), ("保护伞", "umbrella"));
    assert!(e.en_alt.is_empty());
    assert_eq!(
        imported.problems[0].to_string(),
        "dash.tbx:1: warning: en \"-\" has no letters or characters to match; \"umbrella\" takes its place"
    );
    Matcher::new(Glossary {
        entries: imported.entries.into(),
    })
    .expect("an imported glossary compiles");
}
