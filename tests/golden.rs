//! Every output format on `corpus/`, compared byte for byte with the golden files in
//! `tests/data/golden/`, made with the binary before the crate was regrouped by layer, so a
//! restructuring that changes any output fails here. The glossary is a snapshot
//! (`tests/data/golden-glossary/`): curating `glossary/` never changes these outputs, only a
//! change of code can.
//!
//! After a deliberate change of output, regenerate them with
//! `TIFA_BLESS=1 cargo test --test golden` and review the diff. `TIFA_BIN=/path/to/tifa`
//! runs another build instead (to make the golden files with the build before a change).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// One run of the binary: a name (the golden file or folder), its arguments; `{out}` stands
/// for a fresh folder whose files are compared too.
const CASES: &[(&str, &[&str])] = &[
    (
        "annotate.text",
        &[
            "annotate",
            "-g",
            "tests/data/golden-glossary",
            "-f",
            "text",
            "corpus/zh",
            "corpus/zh-hant",
            "corpus/en",
        ],
    ),
    (
        "annotate.jsonl",
        &[
            "annotate",
            "-g",
            "tests/data/golden-glossary",
            "-f",
            "jsonl",
            "corpus/zh",
            "corpus/zh-hant",
            "corpus/en",
        ],
    ),
    (
        "annotate.csv",
        &[
            "annotate",
            "-g",
            "tests/data/golden-glossary",
            "-f",
            "csv",
            "corpus/zh",
            "corpus/zh-hant",
            "corpus/en",
        ],
    ),
    (
        "annotate.md",
        &[
            "annotate",
            "-g",
            "tests/data/golden-glossary",
            "-f",
            "md",
            "corpus/zh",
            "corpus/zh-hant",
            "corpus/en",
        ],
    ),
    (
        "annotate.html",
        &[
            "annotate",
            "-g",
            "tests/data/golden-glossary",
            "-f",
            "html",
            "corpus/en/procuratorate-briefing.txt",
        ],
    ),
    (
        "annotate.overlapping",
        &[
            "annotate",
            "-g",
            "tests/data/golden-glossary",
            "--overlapping",
            "corpus/zh",
            "corpus/en",
        ],
    ),
    (
        "annotate-dir.html",
        &[
            "annotate",
            "-g",
            "tests/data/golden-glossary",
            "-f",
            "html",
            "-j",
            "2",
            "corpus/zh",
            "corpus/en",
            "-o",
            "{out}/",
        ],
    ),
    (
        "annotate-dir.jsonl",
        &[
            "annotate",
            "-g",
            "tests/data/golden-glossary",
            "-f",
            "jsonl",
            "corpus/zh",
            "corpus/en",
            "-o",
            "{out}/",
        ],
    ),
    (
        "annotate-dir.md",
        &[
            "annotate",
            "-g",
            "tests/data/golden-glossary",
            "-f",
            "md",
            "corpus/zh-hant",
            "-o",
            "{out}/",
        ],
    ),
    (
        "annotate-summary.csv",
        &[
            "annotate",
            "-g",
            "tests/data/golden-glossary",
            "corpus/zh",
            "--summary",
            "{out}/summary.csv",
            "-o",
            "{out}/all.jsonl",
        ],
    ),
    (
        "annotate-summary.json",
        &[
            "annotate",
            "-g",
            "tests/data/golden-glossary",
            "corpus/zh",
            "corpus/en",
            "--summary",
            "{out}/summary.json",
            "-o",
            "{out}/all.csv",
            "-f",
            "csv",
        ],
    ),
    (
        "records.jsonl",
        &[
            "annotate",
            "-g",
            "tests/data/golden-glossary",
            "--input",
            "jsonl",
            "tests/data/records.jsonl",
        ],
    ),
    (
        "records.html",
        &[
            "annotate",
            "-g",
            "tests/data/golden-glossary",
            "--input",
            "jsonl",
            "-f",
            "html",
            "tests/data/records.jsonl",
        ],
    ),
    (
        "records-dir.csv",
        &[
            "annotate",
            "-g",
            "tests/data/golden-glossary",
            "--input",
            "jsonl",
            "-f",
            "csv",
            "-j",
            "2",
            "tests/data/records.jsonl",
            "corpus/en",
            "-o",
            "{out}/",
            "--summary",
            "{out}/summary.csv",
        ],
    ),
    (
        "records-dir.html",
        &[
            "annotate",
            "-g",
            "tests/data/golden-glossary",
            "--input",
            "jsonl",
            "-f",
            "html",
            "tests/data/records.jsonl",
            "-o",
            "{out}/",
        ],
    ),
    (
        "build.csv",
        &[
            "glossary",
            "build",
            "-g",
            "tests/data/golden-glossary",
            "-f",
            "csv",
            "corpus/zh",
            "corpus/en",
        ],
    ),
    (
        "build.glossary",
        &[
            "glossary",
            "build",
            "-g",
            "tests/data/golden-glossary",
            "-f",
            "glossary",
            "corpus/zh",
            "corpus/en",
        ],
    ),
    (
        "build.md",
        &[
            "glossary",
            "build",
            "-g",
            "tests/data/golden-glossary",
            "-f",
            "md",
            "corpus/zh",
            "corpus/en",
        ],
    ),
    (
        "build.html",
        &[
            "glossary",
            "build",
            "-g",
            "tests/data/golden-glossary",
            "-f",
            "html",
            "corpus/zh",
            "corpus/en",
        ],
    ),
    (
        "build.json",
        &[
            "glossary",
            "build",
            "-g",
            "tests/data/golden-glossary",
            "-f",
            "json",
            "corpus/zh",
            "corpus/en",
        ],
    ),
    (
        "export.csv",
        &[
            "glossary",
            "export",
            "-g",
            "tests/data/golden-glossary/procedure.csv",
            "-g",
            "tests/data/golden-glossary/slogan.csv",
            "--to",
            "csv",
        ],
    ),
    (
        "export.json",
        &[
            "glossary",
            "export",
            "-g",
            "tests/data/golden-glossary/procedure.csv",
            "-g",
            "tests/data/golden-glossary/slogan.csv",
            "--to",
            "json",
        ],
    ),
    (
        "export.tbx",
        &[
            "glossary",
            "export",
            "-g",
            "tests/data/golden-glossary/procedure.csv",
            "-g",
            "tests/data/golden-glossary/slogan.csv",
            "--to",
            "tbx",
        ],
    ),
    (
        "export.tbx2008",
        &[
            "glossary",
            "export",
            "-g",
            "tests/data/golden-glossary/procedure.csv",
            "-g",
            "tests/data/golden-glossary/slogan.csv",
            "--to",
            "tbx2008",
        ],
    ),
    (
        "export.omegat",
        &[
            "glossary",
            "export",
            "-g",
            "tests/data/golden-glossary/procedure.csv",
            "-g",
            "tests/data/golden-glossary/slogan.csv",
            "--to",
            "omegat",
        ],
    ),
    (
        "export.omegat-csv",
        &[
            "glossary",
            "export",
            "-g",
            "tests/data/golden-glossary/procedure.csv",
            "-g",
            "tests/data/golden-glossary/slogan.csv",
            "--to",
            "omegat-csv",
        ],
    ),
    (
        "export.md",
        &[
            "glossary",
            "export",
            "-g",
            "tests/data/golden-glossary/procedure.csv",
            "-g",
            "tests/data/golden-glossary/slogan.csv",
            "--to",
            "md",
        ],
    ),
    (
        "export.html",
        &[
            "glossary",
            "export",
            "-g",
            "tests/data/golden-glossary/procedure.csv",
            "-g",
            "tests/data/golden-glossary/slogan.csv",
            "--to",
            "html",
        ],
    ),
    (
        "check.text",
        &[
            "check",
            "-g",
            "tests/data/golden-glossary",
            "--color",
            "never",
            "-f",
            "text",
            "corpus/aligned/pairs.tsv",
            "--fail-on",
            "none",
        ],
    ),
    (
        "check.jsonl",
        &[
            "check",
            "-g",
            "tests/data/golden-glossary",
            "-f",
            "jsonl",
            "corpus/aligned/pairs.tmx",
            "--fail-on",
            "none",
        ],
    ),
    (
        "check.csv",
        &[
            "check",
            "-g",
            "tests/data/golden-glossary",
            "-f",
            "csv",
            "corpus/aligned/pairs.xlf",
            "--fail-on",
            "none",
        ],
    ),
    (
        "check.html",
        &[
            "check",
            "-g",
            "tests/data/golden-glossary",
            "-f",
            "html",
            "corpus/aligned/pairs.tsv",
            "--fail-on",
            "none",
        ],
    ),
    (
        "discover.glossary",
        &[
            "discover",
            "-g",
            "tests/data/mini.csv",
            "--min-count",
            "2",
            "corpus/zh",
            "corpus/en",
        ],
    ),
    (
        "discover.csv",
        &[
            "discover",
            "-g",
            "tests/data/golden-glossary",
            "-f",
            "csv",
            "--min-count",
            "1",
            "corpus/zh",
            "corpus/en",
        ],
    ),
    (
        "discover.json",
        &[
            "discover",
            "-f",
            "json",
            "-g",
            "tests/data/mini.csv",
            "corpus/zh",
            "corpus/en",
        ],
    ),
    (
        "discover-aligned.csv",
        &[
            "discover",
            "-g",
            "tests/data/golden-glossary",
            "--aligned",
            "corpus/aligned/pairs.tsv",
        ],
    ),
    (
        "discover-aligned.json",
        &[
            "discover",
            "-g",
            "tests/data/golden-glossary",
            "-f",
            "json",
            "--aligned",
            "corpus/aligned/pairs.tmx",
        ],
    ),
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The files under `dir`, relative paths sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p.strip_prefix(dir).unwrap().to_path_buf());
            }
        }
    }
    out.sort();
    out
}

/// Runs one case; returns (relative name, bytes) of everything it wrote.
fn outputs(name: &str, args: &[&str]) -> Vec<(PathBuf, Vec<u8>)> {
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().to_str().unwrap();
    let args: Vec<String> = args.iter().map(|a| a.replace("{out}", out_dir)).collect();
    let bin = std::env::var_os("TIFA_BIN").unwrap_or_else(|| env!("CARGO_BIN_EXE_tifa").into());
    let run = Command::new(bin)
        .args(&args)
        .current_dir(root())
        .output()
        .unwrap();
    // The exit status is part of the output (a JSONL record without text fails its input).
    let status = format!("{:?}\n", run.status.code());
    assert!(
        matches!(run.status.code(), Some(0 | 1)),
        "{name}: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let mut got = vec![
        (PathBuf::from("stdout"), run.stdout),
        (PathBuf::from("status"), status.into_bytes()),
    ];
    for f in files(tmp.path()) {
        let bytes = fs::read(tmp.path().join(&f)).unwrap();
        got.push((PathBuf::from("files").join(f), bytes));
    }
    got
}

#[test]
fn every_format_matches_its_golden_output() {
    let bless = std::env::var_os("TIFA_BLESS").is_some();
    let golden = root().join("tests/data/golden");
    let mut failed = Vec::new();
    for (name, args) in CASES {
        let dir = golden.join(name);
        let got = outputs(name, args);
        if bless {
            let _ = fs::remove_dir_all(&dir);
            for (rel, bytes) in &got {
                let p = dir.join(rel);
                fs::create_dir_all(p.parent().unwrap()).unwrap();
                fs::write(p, bytes).unwrap();
            }
            continue;
        }
        let want: Vec<PathBuf> = files(&dir);
        let mut got_names: Vec<PathBuf> = got.iter().map(|(p, _)| p.clone()).collect();
        got_names.sort();
        if want != got_names {
            failed.push(format!("{name}: files {got_names:?}, golden {want:?}"));
            continue;
        }
        for (rel, bytes) in &got {
            if fs::read(dir.join(rel)).unwrap() != *bytes {
                failed.push(format!("{name}/{}", rel.display()));
            }
        }
    }
    assert!(failed.is_empty(), "outputs differ from golden: {failed:#?}");
}

/// The base64 SHA-256 of `s`, as a CSP hash source spells it.
fn sha256_base64(s: &str) -> String {
    use sha2::{Digest, Sha256};
    const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let d = Sha256::digest(s.as_bytes());
    let mut out = String::new();
    for c in d.chunks(3) {
        let n = c
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..4 {
            out.push(if i <= c.len() {
                B64[(n >> (18 - 6 * i) & 63) as usize] as char
            } else {
                '='
            });
        }
    }
    out
}

#[test]
fn every_html_output_sets_a_content_security_policy_for_its_own_style() {
    let mut pages = 0;
    for (name, args) in CASES {
        if !name.ends_with(".html") {
            continue;
        }
        for (rel, bytes) in outputs(name, args) {
            if rel == Path::new("status") {
                continue;
            }
            let page = String::from_utf8(bytes).unwrap();
            if page.is_empty() {
                continue;
            }
            pages += 1;
            let policy = page
                .split("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .unwrap_or_else(|| panic!("{name}/{}: no policy", rel.display()));
            assert!(policy.starts_with("default-src 'none'"), "{policy}");
            let style = page
                .split("<style>")
                .nth(1)
                .and_then(|rest| rest.split("</style>").next())
                .unwrap();
            assert!(
                policy.contains(&format!("style-src 'sha256-{}'", sha256_base64(style))),
                "{name}/{}: the policy does not allow its style sheet",
                rel.display()
            );
        }
    }
    // annotate (one page, a folder of four and its index), JSONL records (one page, a folder
    // of one and its index), build, export, check.
    assert_eq!(pages, 12);
}
