//! What a user who just cloned the project meets: folder inputs on the shipped corpus, `-g`
//! on every command that reads a glossary, wording, and the lint rule that keeps the
//! project's own working material out of glossary text.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn tifa(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tifa"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("tifa runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const MINI: &str = "tests/data/mini.csv";

// ---- folder inputs ----

/// The corpus's files that are not prose, in walk order: `annotate` skips them all;
/// `discover` and `glossary build` read the aligned ones as their segments' text.
const NOT_PROSE: [&str; 4] = [
    "corpus/README.md",
    "corpus/aligned/pairs.tmx",
    "corpus/aligned/pairs.tsv",
    "corpus/aligned/pairs.xlf",
];

fn assert_skipped_with_notes(o: &Output, skipped: &[&str]) {
    let err = stderr(o);
    let notes: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("tifa: note: "))
        .collect();
    assert_eq!(notes.len(), skipped.len(), "{err}");
    for (note, path) in notes.iter().zip(skipped) {
        assert!(
            note.starts_with(&format!("tifa: note: {path}: ")) && note.contains("skipped"),
            "{note}"
        );
    }
}

#[test]
fn discover_on_the_corpus_reads_segments_and_proposes_no_markup() {
    let o = tifa(&["discover", "--format", "csv", "--limit", "0", "corpus/"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_skipped_with_notes(&o, &NOT_PROSE[..1]);
    let out = stdout(&o);
    for markup in [
        "tuv",
        "xml",
        "trans-unit",
        "<seg",
        "tuid",
        "xliff",
        "srclang",
    ] {
        assert!(
            !out.to_lowercase().contains(markup),
            "{markup} proposed:\n{out}"
        );
    }
    // The English of the aligned pairs is read, on its lines: line 16 of the TMX holds the
    // third pair's English.
    assert!(out.contains("\naccordance-with-the-law,"), "{out}");
    assert!(
        out.contains("corpus/aligned/pairs.tmx:16: …handle the"),
        "{out}"
    );
}

#[test]
fn glossary_build_on_the_corpus_reads_segments_and_prose() {
    let o = tifa(&["glossary", "build", "--format", "json", "corpus/"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_skipped_with_notes(&o, &NOT_PROSE[..1]);
    let recs: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    let umbrella = recs
        .iter()
        .find(|r| r["id"] == "bao-hu-san")
        .expect("保护伞 used");
    // First seen on line 11 of the TMX, in the second pair's Chinese; five text documents
    // and the three aligned files use it.
    assert_eq!(
        umbrella["first"], "corpus/aligned/pairs.tmx:11",
        "{umbrella}"
    );
    assert_eq!(umbrella["documents"], 8, "{umbrella}");
    let out = stdout(&o);
    assert!(!out.contains("tuv") && !out.contains("trans-unit"), "{out}");
    assert!(!out.contains("corpus/README.md"), "{out}");
}

#[test]
fn annotate_writes_one_consistently_named_page_per_document() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let o = tifa(&[
        "annotate",
        "-f",
        "html",
        "corpus/",
        "-o",
        site.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_skipped_with_notes(&o, &NOT_PROSE);
    let mut pages: Vec<String> = walk(&site)
        .iter()
        .map(|p| {
            p.strip_prefix(&site)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    pages.sort();
    assert_eq!(
        pages,
        [
            "en/procuratorate-briefing.html",
            "index.html",
            "zh-hant/01-changtaihua-saohei.html",
            "zh-hant/02-jiaoyu-zhengdun.html",
            "zh-hant/03-sifa-jiuzhu.html",
            "zh/01-changtaihua-saohei.html",
            "zh/02-jiaoyu-zhengdun.html",
            "zh/03-sifa-jiuzhu.html",
        ]
    );
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn inputs_sharing_a_name_all_keep_their_full_names() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    fs::create_dir(&docs).unwrap();
    fs::write(docs.join("a.log"), "nail case").unwrap();
    fs::write(docs.join("a.txt"), "保护伞").unwrap();
    fs::write(docs.join("b.txt"), "关系网").unwrap();
    let site = dir.path().join("site");
    let o = tifa(&[
        "annotate",
        "-g",
        MINI,
        "-f",
        "html",
        docs.to_str().unwrap(),
        "-o",
        site.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for page in ["a.log.html", "a.txt.html", "b.html", "index.html"] {
        assert!(site.join(page).is_file(), "{page}");
    }
    assert!(!site.join("a.html").exists());
}

#[test]
fn named_files_are_read_as_given_and_a_glob_can_include_markdown() {
    let o = tifa(&["annotate", "-g", MINI, "corpus/README.md"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("\"path\":\"corpus/README.md\""));
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.md"), "the nail case").unwrap();
    let o = tifa(&[
        "annotate",
        "-g",
        MINI,
        "--glob",
        "*.md",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("ding-zi-an"), "{}", stdout(&o));
}

// ---- -g everywhere ----

#[test]
fn every_command_that_reads_a_glossary_takes_g() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("doc.txt");
    fs::write(&doc, "the nail case and 保护伞\n").unwrap();
    let doc = doc.to_str().unwrap();
    let tsv = "corpus/aligned/pairs.tsv";
    let runs: [&[&str]; 7] = [
        &["annotate", "-g", MINI, doc],
        &["check", "-g", MINI, tsv],
        &["glossary", "lint", "-g", MINI],
        &["glossary", "build", "-g", MINI, doc],
        &["glossary", "export", "-g", MINI, "--to", "json"],
        &["discover", "-g", MINI, doc],
        &["discover", "-g", MINI, "--aligned", tsv],
    ];
    for args in runs {
        let o = tifa(args);
        // `check` exits 1 on findings; everything else succeeds.
        assert!(
            o.status.code() == Some(0) || (args[0] == "check" && o.status.code() == Some(1)),
            "{args:?}: {}",
            stderr(&o)
        );
    }
    // lint -g lints that file (a broken one fails), like a PATH argument.
    let bad = dir.path().join("bad.csv");
    fs::write(&bad, "id,zh\nx,\n").unwrap();
    let o = tifa(&["glossary", "lint", "-g", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("bad.csv:"), "{}", stderr(&o));
}

// ---- the lint rule: no working material in glossary text ----

#[test]
fn lint_rejects_mentions_of_the_working_material() {
    let f = "tests/data/workshop-mention.csv";
    let o = tifa(&["glossary", "lint", f]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    let errors: Vec<&str> = err.lines().filter(|l| l.contains(": error: ")).collect();
    // The note of row 2 (column 7) and the source of row 3 (column 8); the seed industry of
    // row 4 is a policy term, not the working material.
    assert_eq!(errors.len(), 2, "{err}");
    assert!(
        errors[0].starts_with(&format!("{f}:2:7: error: note mentions")),
        "{err}"
    );
    assert!(
        errors[1].starts_with(&format!("{f}:3:8: error: source mentions")),
        "{err}"
    );
    assert!(err.ends_with("2 errors, 0 warnings\n"), "{err}");
}

// ---- wording ----

#[test]
fn counts_agree_with_their_nouns() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("one.txt");
    fs::write(&f, "the nail case\n").unwrap();
    let o = tifa(&["annotate", "--stats", "-g", MINI, f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.starts_with("tifa: 1 document, "), "{err}");
    assert!(err.contains(" MB, 1 span, 0 errors in "), "{err}");
    let o = tifa(&["glossary", "lint", MINI]);
    assert_eq!(stderr(&o), "0 errors, 0 warnings\n");
}

#[test]
fn the_lossy_warning_does_not_ask_for_lossy() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("bad.txt");
    fs::write(&f, b"the nail case \xff here").unwrap();
    let o = tifa(&["annotate", "--lossy", "-g", MINI, f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("warning: ") && err.contains("invalid UTF-8 at line 1"),
        "{err}"
    );
    assert!(!err.contains("--lossy"), "{err}");
    assert!(err.contains("replaced with U+FFFD"), "{err}");
}

// ---- check: FILE:LINE of the text ----

#[test]
fn check_reports_the_line_of_the_text_not_the_segment_number() {
    // The first pair's English is on line 8 of the TMX (its <tu> on line 6), line 7 of the
    // XLIFF, line 2 of the TSV (after the header).
    for (file, line) in [
        ("corpus/aligned/pairs.tmx", 8),
        ("corpus/aligned/pairs.xlf", 7),
        ("corpus/aligned/pairs.tsv", 2),
    ] {
        let o = tifa(&["check", file]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        let out = stdout(&o);
        let first = out.lines().next().unwrap();
        assert!(
            first.starts_with(&format!("{file}:{line}: error: literal rendering")),
            "{first}"
        );
        let text = fs::read_to_string(root().join(file)).unwrap();
        assert!(
            text.lines()
                .nth(line - 1)
                .unwrap()
                .contains("breaking money and breaking blood"),
            "{file}:{line}"
        );
    }
}
