//! Every example command in the README and in `docs/` is run against the shipped corpus and
//! checked for the exit status the README documents, so the documentation cannot drift.
//!
//! The commands are parsed from the Markdown itself: `sh` blocks, `console` blocks (`$ `
//! lines; the lines shown after one must appear in its output, except lines with `…`), and
//! unlabelled blocks whose lines start with `tifa `. Comments (` # …`) and line
//! continuations (`\`) are handled; `tifa` is the binary under test.
//!
//! Each command runs with `bash -o pipefail` in its own scratch folder holding copies of
//! `corpus/` and `glossary/`, where the example file names stand for files of the corpus, as
//! [`EXAMPLE_FILES`] lists: `release.txt` is `corpus/en/procuratorate-briefing.txt`, and so
//! on. A few commands are not run, for the reasons [`NOT_RUN`] gives. Expected exit status:
//! 1 for `tifa check` (the corpus's pairs have findings, and findings set 1), 0 otherwise.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// How the scratch folder gets an example file.
enum Make {
    /// A copy of a repository file.
    Copy(&'static str),
    /// The corpus's plain-text documents as JSON Lines, the text in `body`.
    Jsonl,
    /// A repository file, gzip-compressed.
    Gzip(&'static str),
    /// The compiled-in glossary exported with `tifa glossary export --to FORMAT`.
    Export(&'static str),
}

/// Example file names used in the documentation, and what stands for each.
const EXAMPLE_FILES: &[(&str, Make)] = &[
    (
        "release.txt",
        Make::Copy("corpus/en/procuratorate-briefing.txt"),
    ),
    ("translation.tmx", Make::Copy("corpus/aligned/pairs.tmx")),
    ("pairs.tmx", Make::Copy("corpus/aligned/pairs.tmx")),
    ("pairs.tsv", Make::Copy("corpus/aligned/pairs.tsv")),
    ("docs.jsonl", Make::Jsonl),
    (
        "cedict_1_0_ts_utf-8_mdbg.txt.gz",
        Make::Gzip("tests/data/cedict-sample.u8"),
    ),
    ("terms.tbx", Make::Export("tbx")),
    ("glossary.txt", Make::Export("omegat")),
];

/// Commands shown but not run, each with the reason.
const NOT_RUN: &[(&str, &str)] = &[
    ("cargo test", "it is the command running this test"),
    (
        "spark-submit ",
        "needs a Spark cluster; scripts/spark-test runs the same script in local mode",
    ),
    (
        "pip install ./python",
        "builds the Python package; scripts/python-test (run by .ci/run) does it in a venv",
    ),
    (
        "scripts/python-test",
        "installs Python packages from PyPI; .ci/run runs it",
    ),
];

/// Documentation files whose examples are run.
fn documents() -> Vec<PathBuf> {
    let root = root();
    let mut v = vec![root.join("README.md")];
    let mut docs: Vec<PathBuf> = fs::read_dir(root.join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    docs.sort();
    v.extend(docs);
    v
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// An example command: where it is, the command line, and the output lines shown for it.
#[derive(Debug)]
struct Example {
    place: String,
    command: String,
    shown: Vec<String>,
}

/// The example commands of a Markdown text.
fn examples(name: &str, md: &str) -> Vec<Example> {
    let mut out: Vec<Example> = Vec::new();
    let mut fence: Option<String> = None;
    let mut pending = String::new();
    for (i, line) in md.lines().enumerate() {
        let place = format!("{name}:{}", i + 1);
        if let Some(info) = line.trim_start().strip_prefix("```") {
            fence = match fence {
                None => Some(info.trim().to_string()),
                Some(_) => None,
            };
            continue;
        }
        let Some(lang) = fence.as_deref() else {
            continue;
        };
        let command = match lang {
            "sh" | "bash" | "shell" => {
                let line = strip_comment(line);
                if let Some(head) = line.strip_suffix('\\') {
                    pending.push_str(head);
                    pending.push(' ');
                    continue;
                }
                let full = format!("{pending}{line}");
                pending.clear();
                full
            }
            "console" => match line.strip_prefix("$ ") {
                Some(c) => c.to_string(),
                None => {
                    if let Some(last) = out.last_mut() {
                        last.shown.push(line.to_string());
                    }
                    continue;
                }
            },
            "" if line.starts_with("tifa ") => strip_comment(line).to_string(),
            _ => continue,
        };
        let command = command.trim().to_string();
        if !command.is_empty() {
            out.push(Example {
                place,
                command,
                shown: Vec::new(),
            });
        }
    }
    out
}

/// A line without its shell comment (` # …`).
fn strip_comment(line: &str) -> &str {
    match line.find(" # ") {
        Some(i) => line[..i].trim_end(),
        None => line.trim_end(),
    }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

fn tifa_bin() -> &'static str {
    env!("CARGO_BIN_EXE_tifa")
}

/// The scratch folder: the corpus, the glossary and every example file.
fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let root = root();
    copy_dir(&root.join("corpus"), &d.join("corpus"));
    copy_dir(&root.join("glossary"), &d.join("glossary"));
    for (name, make) in EXAMPLE_FILES {
        let target = d.join(name);
        match make {
            Make::Copy(from) => {
                fs::copy(root.join(from), &target).unwrap();
            }
            Make::Jsonl => {
                let mut s = String::new();
                for sub in ["en", "zh", "zh-hant"] {
                    let mut files: Vec<PathBuf> = fs::read_dir(root.join("corpus").join(sub))
                        .unwrap()
                        .map(|e| e.unwrap().path())
                        .collect();
                    files.sort();
                    for f in files {
                        let body = fs::read_to_string(&f).unwrap();
                        let id = f
                            .strip_prefix(&root)
                            .unwrap()
                            .to_string_lossy()
                            .into_owned();
                        s.push_str(&serde_json::json!({ "id": id, "body": body }).to_string());
                        s.push('\n');
                    }
                }
                fs::write(&target, s).unwrap();
            }
            Make::Gzip(from) => {
                let mut gz = flate2::write::GzEncoder::new(
                    fs::File::create(&target).unwrap(),
                    flate2::Compression::default(),
                );
                gz.write_all(&fs::read(root.join(from)).unwrap()).unwrap();
                gz.finish().unwrap();
            }
            Make::Export(format) => {
                let out = Command::new(tifa_bin())
                    .args(["glossary", "export", "--to", format, "-o"])
                    .arg(&target)
                    .output()
                    .unwrap();
                assert!(out.status.success(), "export {format}");
            }
        }
    }
    dir
}

#[test]
fn every_documented_command_runs_with_the_documented_status() {
    let mut all = Vec::new();
    for doc in documents() {
        let name = doc
            .strip_prefix(root())
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let ex = examples(&name, &fs::read_to_string(&doc).unwrap());
        if name == "README.md" {
            // The set-up block, the examples block and the Spark block.
            assert!(ex.len() >= 13, "README examples not found: {ex:?}");
        }
        all.extend(ex);
    }
    let template = scratch();
    let bin_dir = Path::new(tifa_bin()).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut ran = 0;
    let mut failures = Vec::new();
    for ex in &all {
        if let Some((_, why)) = NOT_RUN.iter().find(|(c, _)| ex.command.starts_with(c)) {
            assert!(!why.is_empty());
            continue;
        }
        // The set-up command builds and runs the binary; here the binary is already built.
        let command = match ex.command.strip_prefix("cargo run --release -- ") {
            Some(rest) => format!("tifa {rest}"),
            None => ex.command.clone(),
        };
        assert!(
            command.starts_with("tifa ") || command.contains("| tifa "),
            "{}: `{}` is neither a tifa command nor listed in NOT_RUN",
            ex.place,
            ex.command
        );
        let expected = if command.starts_with("tifa check") {
            1
        } else {
            0
        };
        // Each command in a fresh copy, so one example's output cannot break the next.
        let dir = tempfile::tempdir().unwrap();
        copy_dir(template.path(), dir.path());
        let out = Command::new("bash")
            .args(["-o", "pipefail", "-c", &command])
            .current_dir(dir.path())
            .env("PATH", &path)
            .output()
            .expect("bash runs");
        ran += 1;
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        if out.status.code() != Some(expected) {
            failures.push(format!(
                "{}: `{command}` exited with {:?}, expected {expected}: {stderr}",
                ex.place,
                out.status.code()
            ));
            continue;
        }
        if stderr.lines().any(|l| l.starts_with("tifa: error")) {
            failures.push(format!(
                "{}: `{command}` reported errors: {stderr}",
                ex.place
            ));
        }
        let output: Vec<&str> = stdout.lines().chain(stderr.lines()).collect();
        for shown in &ex.shown {
            if !shown.contains('…') && !output.contains(&shown.as_str()) {
                failures.push(format!(
                    "{}: `{command}` does not print the line shown: {shown}",
                    ex.place
                ));
            }
        }
    }
    assert!(ran >= 20, "only {ran} commands ran");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn examples_are_parsed_from_the_markdown() {
    let md = "text\n```sh\ntifa a x.txt   # comment\ntifa b \\\n  --flag y\n```\n\
              ```console\n$ tifa c\nout 1\n…\n```\n```\ntifa d\nnot a command\n```\n\
              ```json\n{\"tifa \": 1}\n```\n";
    let ex = examples("t.md", md);
    let got: Vec<(&str, &str, usize)> = ex
        .iter()
        .map(|e| (e.place.as_str(), e.command.as_str(), e.shown.len()))
        .collect();
    assert_eq!(
        got,
        [
            ("t.md:3", "tifa a x.txt", 0),
            ("t.md:5", "tifa b    --flag y", 0),
            ("t.md:8", "tifa c", 2),
            ("t.md:13", "tifa d", 0),
        ]
    );
}
