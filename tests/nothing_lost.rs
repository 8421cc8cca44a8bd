//! Nothing lost: no command modifies an input (hashed before and after), an interrupted run
//! leaves no partial output, and an error in one file costs no other file its output.

use std::collections::BTreeMap;
use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A hash of every file (and symlink target) under `dir`.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, u64> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(p) = stack.pop() {
        let meta = fs::symlink_metadata(&p).unwrap();
        let mut h = DefaultHasher::new();
        if meta.is_dir() {
            for e in fs::read_dir(&p).unwrap() {
                stack.push(e.unwrap().path());
            }
            continue;
        } else if meta.file_type().is_symlink() {
            fs::read_link(&p).unwrap().hash(&mut h);
        } else {
            fs::read(&p).unwrap().hash(&mut h);
        }
        out.insert(p, h.finish());
    }
    out
}

fn tifa(cwd: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tifa"))
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Every command, every output form, and every attempt to write over an input: the inputs
/// hash the same afterwards.
#[test]
fn no_command_modifies_its_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let inp = d.join("in");
    fs::create_dir_all(inp.join("docs/sub")).unwrap();
    fs::copy(root().join("tests/data/mini.csv"), inp.join("g.csv")).unwrap();
    for name in ["pairs.tsv", "pairs.tmx", "pairs.xlf"] {
        fs::copy(root().join("corpus/aligned").join(name), inp.join(name)).unwrap();
    }
    fs::write(
        inp.join("docs/a.txt"),
        "Officials acting as protective umbrellas.\r\n",
    )
    .unwrap();
    fs::write(
        inp.join("docs/sub/b.txt"),
        "保護傘 and 关系网 in the 钉子\n案 report.",
    )
    .unwrap();
    fs::write(inp.join("docs/bad.txt"), b"nail case \xff").unwrap();
    fs::write(
        inp.join("r.jsonl"),
        "{\"id\":1,\"text\":\"nail case\"}\n{\"id\":2}\n",
    )
    .unwrap();
    let (code, _) = tifa(
        d,
        &[
            "glossary", "export", "-g", "in/g.csv", "--to", "tbx", "-o", "g.tbx",
        ],
    );
    assert_eq!(code, 0);
    fs::rename(d.join("g.tbx"), inp.join("g.tbx")).unwrap();
    let before = snapshot(&inp);

    let mut runs: Vec<(Vec<&str>, i32)> = Vec::new();
    for format in ["jsonl", "csv", "text", "html", "md"] {
        runs.push((
            vec!["annotate", "-g", "in/g.csv", "-f", format, "in/docs"],
            1,
        ));
        runs.push((
            vec![
                "annotate", "-g", "in/g.csv", "-f", format, "in/docs", "-o", "out",
            ],
            1,
        ));
    }
    runs.extend([
        (
            vec![
                "annotate",
                "-g",
                "in/g.csv",
                "in/docs",
                "-o",
                "all.jsonl",
                "--summary",
                "s.csv",
            ],
            1,
        ),
        (
            vec![
                "annotate",
                "-g",
                "in/g.csv",
                "--input",
                "jsonl",
                "in/r.jsonl",
                "-o",
                "o2/",
            ],
            1,
        ),
        (
            vec!["check", "in/pairs.tsv", "in/pairs.tmx", "in/pairs.xlf"],
            1,
        ),
        (vec!["glossary", "lint", "in/g.csv"], 0),
        (
            vec!["glossary", "import", "in/g.tbx", "-o", "imported.csv"],
            0,
        ),
        (
            vec![
                "glossary",
                "build",
                "-g",
                "in/g.csv",
                "in/docs",
                "-o",
                "built.csv",
            ],
            1,
        ),
        (
            vec!["discover", "-g", "in/g.csv", "in/docs", "-o", "found.csv"],
            1,
        ),
        // Attempts to write over an input are refused.
        (
            vec![
                "annotate",
                "-g",
                "in/g.csv",
                "-f",
                "text",
                "in/docs/a.txt",
                "-o",
                "in/docs/a.txt",
            ],
            2,
        ),
        (
            vec![
                "annotate",
                "-g",
                "in/g.csv",
                "in/docs",
                "-o",
                "in/docs/sub/b.txt",
            ],
            2,
        ),
        (
            vec![
                "annotate",
                "-g",
                "in/g.csv",
                "in/docs/a.txt",
                "--summary",
                "in/docs/a.txt",
            ],
            2,
        ),
        // The output folder is the input folder: refused before any work.
        (
            vec![
                "annotate", "-g", "in/g.csv", "-f", "text", "in/docs", "-o", "in/docs",
            ],
            2,
        ),
        (
            vec![
                "glossary", "export", "-g", "in/g.csv", "--to", "tbx", "-o", "in/g.csv",
            ],
            2,
        ),
        (vec!["glossary", "import", "in/g.tbx", "-o", "in/g.tbx"], 2),
        (
            vec![
                "glossary",
                "build",
                "-g",
                "in/g.csv",
                "in/docs",
                "-o",
                "in/docs/a.txt",
            ],
            2,
        ),
    ]);
    for (args, want) in runs {
        let (code, stderr) = tifa(d, &args);
        assert_eq!(code, want, "{args:?}: {stderr}");
        assert_eq!(snapshot(&inp), before, "{args:?} changed an input");
    }
}

/// Writes `n` documents of about `size` bytes into `dir`.
fn big_corpus(dir: &Path, n: usize, size: usize) -> Vec<PathBuf> {
    let line = "Officials acting as protective umbrellas for the relationship networks were removed; 保护伞 关系网. ";
    let body = line.repeat(size / line.len() + 1);
    (0..n)
        .map(|i| {
            let p = dir.join(format!("d{:02}/doc{i:04}.txt", i % 10));
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(&p, format!("{i}\n{body}")).unwrap();
            p
        })
        .collect()
}

/// Every file under `dir` (names only).
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(p) = stack.pop() {
        match fs::read_dir(&p) {
            Ok(rd) => stack.extend(rd.map(|e| e.unwrap().path())),
            Err(_) => out.push(p),
        }
    }
    out.sort();
    out
}

/// Files under `dir` whose name marks a temporary output.
fn leftovers(dir: &Path) -> Vec<PathBuf> {
    files(dir)
        .into_iter()
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.starts_with(".tifa-") || n.ends_with(".part")
        })
        .collect()
}

/// Starts `tifa annotate` and sends it SIGINT once `ready` says so; returns the exit code and
/// standard error.
fn interrupt(cwd: &Path, args: &[&str], ready: impl Fn() -> bool) -> (i32, String) {
    let child = Command::new(env!("CARGO_BIN_EXE_tifa"))
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while !ready() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "never ready to interrupt"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    let pid = child.id().to_string();
    let sent = Command::new("kill").args(["-INT", &pid]).status().unwrap();
    assert!(sent.success(), "the run was still going when interrupted");
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[derive(serde::Deserialize)]
struct Record {
    path: String,
    text: String,
}

/// SIGINT during a run into a folder: exit status 130, no temporary file left, and every
/// output that exists is complete (its record is its whole input).
#[test]
fn an_interrupted_run_leaves_no_partial_output() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mini = root().join("tests/data/mini.csv");
    // Three chunks of 512 documents: the interrupt comes while the second is rendered, so
    // the third is never written.
    let inputs = big_corpus(&d.join("in"), 1200, 14_000);
    let out = d.join("out");
    let (code, stderr) = interrupt(
        d,
        &[
            "annotate",
            "-q",
            "-g",
            mini.to_str().unwrap(),
            "-j2",
            "in",
            "-o",
            "out",
        ],
        || fs::read_dir(&out).is_ok_and(|mut r| r.next().is_some()),
    );
    assert_eq!(code, 130, "{stderr}");
    assert_eq!(
        stderr.lines().collect::<Vec<_>>(),
        ["tifa: interrupted; no partial output was kept"]
    );
    assert_eq!(leftovers(&out), Vec::<PathBuf>::new());
    let written = files(&out);
    assert!(
        !written.is_empty() && written.len() < inputs.len(),
        "{} of {} written: interrupted mid-run",
        written.len(),
        inputs.len()
    );
    for w in &written {
        let rec: Record = serde_json::from_slice(&fs::read(w).unwrap())
            .unwrap_or_else(|e| panic!("{}: partial output: {e}", w.display()));
        assert_eq!(rec.text, fs::read_to_string(d.join(&rec.path)).unwrap());
    }

    // A JSONL input streamed into one file, and into a folder: the half-written output
    // (seen as its temporary file) is removed, and the output never appears.
    // Four chunks of 2048 records.
    let mut jsonl = String::new();
    let records = 7000;
    let text = fs::read_to_string(&inputs[0]).unwrap()[..1000].to_string();
    for i in 0..records {
        jsonl.push_str(&serde_json::json!({ "n": i, "text": text }).to_string());
        jsonl.push('\n');
    }
    fs::write(d.join("big.jsonl"), jsonl).unwrap();
    for (out, dir, done) in [
        ("res/all.jsonl", "res", "res/all.jsonl"),
        ("o3/", "o3", "o3/big.jsonl"),
    ] {
        let (code, stderr) = interrupt(
            d,
            &[
                "annotate",
                "-q",
                "-g",
                mini.to_str().unwrap(),
                "--input",
                "jsonl",
                "big.jsonl",
                "-o",
                out,
            ],
            || d.join(dir).exists() && !leftovers(&d.join(dir)).is_empty(),
        );
        assert_eq!(code, 130, "{stderr}");
        assert_eq!(leftovers(&d.join(dir)), Vec::<PathBuf>::new());
        // A folder output finished before the interrupt was seen may stay: whole.
        if let Ok(written) = fs::read_to_string(d.join(done)) {
            assert_eq!(
                out, "o3/",
                "one output file appears only at the end of the run"
            );
            assert_eq!(written.lines().count(), records, "a whole output");
        }
    }
}

/// Errors in some inputs (unreadable, invalid, empty, UTF-16, binary, a dangling link) and
/// in one output (its path taken by a folder) cost no other file its output. (Errors met
/// walking the folder, like the dangling link, are reported before any file is read.)
#[test]
fn an_error_in_one_file_loses_no_other_output() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mini = root().join("tests/data/mini.csv");
    let good: Vec<PathBuf> = big_corpus(&d.join("in"), 40, 2_000);
    fs::write(d.join("in/d00/bad.txt"), b"nail case \xff").unwrap();
    fs::write(d.join("in/d01/empty.txt"), b"").unwrap();
    fs::write(d.join("in/d02/utf16.txt"), b"\xff\xfen\0").unwrap();
    fs::write(d.join("in/d03/image.png"), b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    std::os::unix::fs::symlink("gone.txt", d.join("in/d04/link.txt")).unwrap();
    // The output of in/d05/doc0005.txt cannot be written: a folder holds its name.
    fs::create_dir_all(d.join("out/d05/doc0005.jsonl")).unwrap();
    let before = snapshot(&d.join("in"));
    let (code, stderr) = tifa(
        d,
        &["annotate", "-g", mini.to_str().unwrap(), "in", "-o", "out"],
    );
    assert_eq!(code, 1);
    assert_eq!(
        stderr.lines().collect::<Vec<_>>(),
        [
            "tifa: error: in/d04/link.txt: no such file or folder",
            "tifa: error: in/d00/bad.txt: invalid UTF-8 at line 1, column 11 (byte offset 10); convert it to UTF-8 or pass --lossy",
            "tifa: error: in/d01/empty.txt: empty file, nothing to annotate",
            "tifa: error: in/d02/utf16.txt: UTF-16LE text, skipped; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)",
            "tifa: note: in/d03/image.png: binary file (NUL byte at offset 8), skipped",
            "tifa: error: out/d05/doc0005.jsonl: Is a directory (os error 21)",
        ]
    );
    assert_eq!(snapshot(&d.join("in")), before);
    for g in &good {
        let rel = g
            .strip_prefix(d.join("in"))
            .unwrap()
            .with_extension("jsonl");
        let o = d.join("out").join(&rel);
        if rel == Path::new("d05/doc0005.jsonl") {
            continue;
        }
        let rec: Record = serde_json::from_slice(&fs::read(&o).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", o.display()));
        assert_eq!(rec.text, fs::read_to_string(g).unwrap());
    }
    assert_eq!(leftovers(&d.join("out")), Vec::<PathBuf>::new());
}
