//! Corpus runs: ordering across workers, folder output, bad files in a corpus, summaries.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn tifa() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tifa"))
}

fn mini() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/mini.csv")
}

/// A deterministic corpus of `n` documents in nested folders, with terms in various spellings.
fn corpus(dir: &Path, n: usize) {
    let phrases = [
        "Officials acting as protective umbrellas were removed.",
        "The relationship-networks behind them were broken.",
        "保護傘 and 关系网 were named in the 钉子\n案 report.",
        "Nothing to see in this sentence at all.",
        "NAIL CASES were closed; toenail cases were not.",
    ];
    for i in 0..n {
        let sub = dir.join(format!("d{}", i % 7)).join(format!("e{}", i % 3));
        fs::create_dir_all(&sub).unwrap();
        let mut text = String::new();
        for k in 0..(i % 13 + 1) {
            text.push_str(phrases[(i * 7 + k * 3) % phrases.len()]);
            text.push(if k % 4 == 3 { '\n' } else { ' ' });
        }
        fs::write(sub.join(format!("doc{i:04}.txt")), text).unwrap();
    }
}

fn annotate(args: &[&str], dir: &Path) -> std::process::Output {
    tifa()
        .arg("annotate")
        .arg("-g")
        .arg(mini())
        .args(args)
        .arg(dir)
        .output()
        .unwrap()
}

#[test]
fn output_is_identical_whatever_the_number_of_workers() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path(), 500);
    for format in ["jsonl", "csv", "text"] {
        let one = annotate(&["-f", format, "-j1"], dir.path());
        let four = annotate(&["-f", format, "-j4"], dir.path());
        assert!(one.status.success() && four.status.success());
        assert!(one.stdout.len() > 10_000);
        assert!(
            one.stdout == four.stdout,
            "{format} output differs between -j1 and -j4"
        );
    }
    // Input order is path order.
    let out = annotate(&["-f", "jsonl", "-j2"], dir.path());
    let paths: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["path"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(paths.len(), 500);
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
}

/// A long document (and a long JSONL record) is searched in windows by several workers:
/// the output is that of one worker, byte for byte, and spans cross the windows' cuts.
#[test]
fn a_long_document_on_several_workers_is_annotated_as_on_one() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let en = fs::read_to_string(root.join("corpus/en/procuratorate-briefing.txt")).unwrap();
    let zh = fs::read_to_string(root.join("corpus/zh/01-changtaihua-saohei.txt")).unwrap();
    let mut text = String::new();
    while text.len() < 700_000 {
        text.push_str(&en);
        text.push_str(&zh);
    }
    fs::write(dir.path().join("long.txt"), &text).unwrap();
    let record = serde_json::json!({ "id": 1, "text": text }).to_string();
    fs::write(dir.path().join("long.jsonl"), record + "\n").unwrap();
    for (file, format) in [
        ("long.txt", "jsonl"),
        ("long.txt", "csv"),
        ("long.jsonl", "jsonl"),
    ] {
        let run = |jobs: &str| {
            let mut cmd = tifa();
            cmd.args(["annotate", "-q", "-f", format, jobs]);
            if file.ends_with(".jsonl") {
                cmd.args(["--input", "jsonl"]);
            }
            cmd.arg(dir.path().join(file)).output().unwrap()
        };
        let (one, three) = (run("-j1"), run("-j3"));
        assert!(one.status.success() && three.status.success());
        assert!(one.stdout.len() > 100_000);
        assert!(
            one.stdout == three.stdout,
            "{file} as {format}: output differs between -j1 and -j3"
        );
    }
}

#[test]
fn a_corpus_with_bad_files_processes_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    corpus(d, 20);
    fs::write(d.join("bad.txt"), b"nail case \xc3\x28").unwrap();
    fs::write(d.join("image.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::os::unix::fs::symlink(d.join("vanished.txt"), d.join("gone.txt")).unwrap();
    fs::write(d.join(".hidden.txt"), "nail case").unwrap();
    let out = annotate(&["-f", "jsonl"], d);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let p = |n: &str| d.join(n).display().to_string();
    assert_eq!(
        stderr.lines().collect::<Vec<_>>(),
        [
            format!("tifa: note: {}: hidden file, skipped", p(".hidden.txt")),
            format!("tifa: error: {}: no such file or folder", p("gone.txt")),
            format!("tifa: error: {}: invalid UTF-8 at line 1, column 11 (byte offset 10); convert it to UTF-8 or pass --lossy", p("bad.txt")),
            format!("tifa: note: {}: binary file (NUL byte at offset 8), skipped", p("image.png")),
        ]
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 20);
}

#[test]
fn globs_select_files_in_folders() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("a.txt"), "nail case").unwrap();
    fs::write(d.join("b.md"), "nail case").unwrap();
    fs::write(d.join("draft.txt"), "nail case").unwrap();
    let out = annotate(&["-f", "csv", "--glob", "*.txt", "--glob", "!draft*"], d);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("a.txt") && !text.contains("b.md") && !text.contains("draft.txt"),
        "{text}"
    );
}

#[test]
fn summary_counts_each_entry_per_document() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("in");
    fs::create_dir(&d).unwrap();
    fs::write(d.join("a.txt"), "nail case, nail cases, 保护伞").unwrap();
    fs::write(d.join("b.txt"), "nothing").unwrap();
    let csv_path = dir.path().join("s.csv");
    let json_path = dir.path().join("s.json");
    for p in [&csv_path, &json_path] {
        let out = annotate(&["-f", "csv", "--summary", p.to_str().unwrap()], &d);
        assert!(out.status.success());
    }
    let mut rdr = csv::Reader::from_path(&csv_path).unwrap();
    let rows: Vec<(String, String, String, String, u32)> =
        rdr.deserialize().map(Result::unwrap).collect();
    let a = d.join("a.txt").display().to_string();
    assert_eq!(
        rows,
        [
            (
                a.clone(),
                "bao-hu-san".into(),
                "保护伞".into(),
                "protectors".into(),
                1
            ),
            (
                a.clone(),
                "ding-zi-an".into(),
                "钉子案".into(),
                "hard cases".into(),
                2
            ),
        ]
    );
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&json_path).unwrap()).unwrap();
    assert_eq!(json[0]["counts"]["ding-zi-an"], 2);
    assert_eq!(json[1]["counts"], serde_json::json!({}));
}

#[test]
fn output_never_overwrites_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("a.txt"), "nail case").unwrap();
    fs::write(d.join("b.txt"), "保护伞").unwrap();
    let out = tifa()
        .args(["annotate", "-f", "text", "-g"])
        .arg(mini())
        .arg(d)
        .arg("-o")
        .arg(d)
        .output()
        .unwrap();
    // Refused before any work: its outputs would land among its inputs (exit 2).
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(fs::read_to_string(d.join("a.txt")).unwrap(), "nail case");
    assert_eq!(fs::read_dir(d).unwrap().count(), 2, "nothing written");
    assert!(String::from_utf8_lossy(&out.stderr).contains("the output folder is the input folder"));
}

#[test]
fn outputs_get_ordinary_file_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "nail case").unwrap();
    let out = dir.path().join("a.jsonl");
    let st = tifa()
        .args(["annotate", "-g"])
        .arg(mini())
        .arg(dir.path().join("a.txt"))
        .arg("-o")
        .arg(&out)
        .status()
        .unwrap();
    assert!(st.success());
    // Readable by others, as a file made by any other tool would be (tempfile makes 0600).
    let mode = fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode & 0o044, 0o044, "mode {mode:o}");
}

/// A document whose output is many times its text (every few characters a term) is set
/// aside in a temporary file as it is rendered; written out, to standard output or to a
/// folder, it is what rendering it whole gives.
#[test]
fn a_dense_document_is_written_as_rendered_whole() {
    use tifa::glossary::Glossary;
    use tifa::matcher::{MatchOptions, Matcher};
    use tifa::render::{Document, Format};

    let dir = tempfile::tempdir().unwrap();
    let (input, out) = (dir.path().join("in"), dir.path().join("out"));
    fs::create_dir(&input).unwrap();
    let text = "查处保护伞。\n".repeat(50_000);
    fs::write(input.join("dense.txt"), &text).unwrap();
    fs::write(input.join("later.txt"), "保护伞\n").unwrap();
    let matcher = Matcher::new(Glossary::builtin()).unwrap();
    let ann = tifa::annotate(&matcher, &text, MatchOptions::default());
    assert_eq!(ann.spans.len(), 50_000);
    let path = input.join("dense.txt").to_string_lossy().into_owned();
    let doc = Document {
        path: &path,
        text: &text,
        record: None,
    };
    for (format, name) in [
        (Format::Html, "html"),
        (Format::Jsonl, "jsonl"),
        (Format::Csv, "csv"),
    ] {
        let r = format.renderer();
        let mut body = Vec::new();
        r.document(&doc, &ann, matcher.glossary(), &mut body);
        assert!(body.len() > 5 << 20, "{name}: {} bytes", body.len());
        let mut want = Vec::new();
        r.begin(&mut want);
        want.extend_from_slice(&body);
        r.end(&mut want);

        let run = tifa()
            .args(["annotate", "-q", "-j2", "-f", name])
            .arg(input.join("dense.txt"))
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(0), "{name}");
        assert!(run.stdout == want, "{name}: standard output differs");

        let run = tifa()
            .args(["annotate", "-q", "-j2", "-f", name])
            .arg(&input)
            .arg("-o")
            .arg(&out)
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(0), "{name}");
        let got = fs::read(out.join(format!("dense.{name}"))).unwrap();
        assert!(got == want, "{name}: the folder's file differs");
        assert!(out.join(format!("later.{name}")).exists());
    }
}
