//! The bad-input matrix: each test feeds the real binary one kind of bad input and asserts
//! the exact messages and the exit status, and that every input is unchanged afterwards
//! (hashed before and after). RELIABILITY.md has the table.
//!
//! What "unreadable" and "read-only" mean here: the tests run as root, which ignores
//! permission bits, so `chmod 000` neither stops a read nor a write. An unreadable input is
//! therefore a dangling symlink, a symlink loop, a FIFO (found in a folder), or a folder
//! where a file is expected; an unwritable output is a path under `/proc` (where no file
//! can be created, even by root) or a path through a regular file (`notes.txt/out.jsonl`).

use std::collections::BTreeMap;
use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Record {
    text: String,
    spans: Vec<Span>,
}

#[derive(Debug, Deserialize)]
struct Span {
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
    text: String,
    kb_id: String,
}

struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

impl Run {
    fn stderr_lines(&self) -> Vec<&str> {
        self.stderr.lines().collect()
    }

    fn stdout(&self) -> String {
        String::from_utf8(self.stdout.clone()).expect("output is UTF-8")
    }

    fn records(&self) -> Vec<Record> {
        self.stdout()
            .lines()
            .map(|l| serde_json::from_str(l).expect("a JSONL record"))
            .collect()
    }
}

fn mini() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/mini.csv")
}

/// A hash of every file under `root` (symlinks not followed, FIFOs not opened).
fn snapshot(root: &Path) -> BTreeMap<PathBuf, u64> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(p) = stack.pop() {
        let Ok(meta) = fs::symlink_metadata(&p) else {
            continue;
        };
        if meta.is_dir() {
            for e in fs::read_dir(&p).unwrap() {
                stack.push(e.unwrap().path());
            }
        } else if meta.is_file() {
            let mut h = DefaultHasher::new();
            fs::read(&p).unwrap().hash(&mut h);
            out.insert(p, h.finish());
        } else if meta.file_type().is_symlink() {
            let mut h = DefaultHasher::new();
            fs::read_link(&p).unwrap().hash(&mut h);
            out.insert(p, h.finish());
        }
    }
    out
}

/// Runs tifa in `cwd` with `stdin`, and checks that nothing under `inputs` changed.
fn tifa_in(cwd: &Path, inputs: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    let before = snapshot(inputs);
    let mut child = Command::new(env!("CARGO_BIN_EXE_tifa"))
        .args(args)
        .current_dir(cwd)
        .env("RUST_BACKTRACE", "0")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tifa runs");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(snapshot(inputs), before, "an input changed: {args:?}");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A temp dir with `in/` (inputs) and the test glossary; tifa runs inside it.
struct Bed {
    dir: tempfile::TempDir,
}

impl Bed {
    fn new() -> Bed {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("in")).unwrap();
        fs::copy(mini(), dir.path().join("in/g.csv")).unwrap();
        Bed { dir }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(&p, bytes).unwrap();
        p
    }

    /// `tifa annotate -g in/g.csv ARGS…`
    fn annotate(&self, args: &[&str]) -> Run {
        self.annotate_stdin(args, None)
    }

    fn annotate_stdin(&self, args: &[&str], stdin: Option<&[u8]>) -> Run {
        let mut all = vec!["annotate", "-g", "in/g.csv"];
        all.extend_from_slice(args);
        tifa_in(self.dir.path(), &self.path("in"), &all, stdin)
    }

    fn run(&self, args: &[&str]) -> Run {
        tifa_in(self.dir.path(), &self.path("in"), args, None)
    }
}

// ---------------------------------------------------------------------------------------
// Text inputs.

#[test]
fn empty_input() {
    let bed = Bed::new();
    bed.write("in/empty.txt", "");
    let r = bed.annotate(&["in/empty.txt"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr_lines(),
        ["tifa: error: in/empty.txt: empty file, nothing to annotate"]
    );
    assert!(r.stdout.is_empty());
    let r = bed.annotate_stdin(&[], Some(b""));
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr_lines(),
        ["tifa: error: -: empty file, nothing to annotate"]
    );
}

/// A UTF-8 byte-order mark is kept in the text (nothing the user gave is changed), counts
/// as one code point for offsets, and is invisible to matching.
#[test]
fn byte_order_mark() {
    let bed = Bed::new();
    bed.write("in/bom.txt", "\u{FEFF}nail case");
    let r = bed.annotate(&["in/bom.txt"]);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    let recs = r.records();
    assert_eq!(recs[0].text, "\u{FEFF}nail case");
    let s = &recs[0].spans[0];
    assert_eq!((s.start, s.end, s.byte_start, s.byte_end), (1, 10, 3, 12));
    assert_eq!(
        (s.text.as_str(), s.kb_id.as_str()),
        ("nail case", "ding-zi-an")
    );
    // A UTF-16 byte-order mark: UTF-16 is not read, and the message says what to do.
    bed.write("in/utf16.txt", b"\xff\xfen\0a\0i\0l\0");
    bed.write("in/utf16be.txt", b"\xfe\xff\0n\0a\0i\0l");
    let r = bed.annotate(&["in/utf16.txt", "in/utf16be.txt"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr_lines(),
        [
            "tifa: error: in/utf16.txt: UTF-16LE text, skipped; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)",
            "tifa: error: in/utf16be.txt: UTF-16BE text, skipped; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)",
        ]
    );
}

/// CRLF line ends are text: kept in every output, a term may span one, lines count right.
#[test]
fn crlf_line_ends() {
    let bed = Bed::new();
    let text = "first\r\nthe nail\r\ncase\r\n保护\r\n伞\r\n";
    bed.write("in/crlf.txt", text);
    let r = bed.annotate(&["in/crlf.txt"]);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    let rec = &r.records()[0];
    assert_eq!(rec.text, text);
    let got: Vec<(&str, &str)> = rec
        .spans
        .iter()
        .map(|s| (s.text.as_str(), s.kb_id.as_str()))
        .collect();
    assert_eq!(
        got,
        [("nail\r\ncase", "ding-zi-an"), ("保护\r\n伞", "bao-hu-san")]
    );
    let r = bed.annotate(&["-f", "csv", "in/crlf.txt"]);
    let mut rdr = csv::Reader::from_reader(&r.stdout[..]);
    let rows: Vec<(String, usize, usize)> = rdr
        .records()
        .map(|row| {
            let row = row.unwrap();
            (
                row[5].to_string(),
                row[1].parse().unwrap(),
                row[2].parse().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("nail\r\ncase".to_string(), 2, 5),
            ("保护\r\n伞".to_string(), 4, 1)
        ]
    );
    let r = bed.annotate(&["-f", "text", "in/crlf.txt"]);
    assert!(r.stdout().starts_with("first\r\nthe nail\r\ncase [钉子案"));
}

#[test]
fn invalid_and_truncated_utf8() {
    let bed = Bed::new();
    bed.write("in/bad.txt", b"line one\nline two \xff nail case\n");
    // A multi-byte sequence cut off at the end of the file (a truncated download).
    bed.write("in/cut.txt", b"ok\nnail case \xe4\xb8");
    let r = bed.annotate(&["in/bad.txt", "in/cut.txt"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr_lines(),
        [
            "tifa: error: in/bad.txt: invalid UTF-8 at line 2, column 10 (byte offset 18); convert it to UTF-8 or pass --lossy",
            "tifa: error: in/cut.txt: invalid UTF-8 at line 2, column 11 (byte offset 13); convert it to UTF-8 or pass --lossy",
        ]
    );
    assert!(r.stdout.is_empty());
    let r = bed.annotate(&["--lossy", "in/cut.txt"]);
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stderr_lines(),
        ["tifa: warning: in/cut.txt: invalid UTF-8 at line 2, column 11 (byte offset 13); invalid bytes replaced with U+FFFD"]
    );
    let rec = &r.records()[0];
    assert_eq!(rec.text, "ok\nnail case \u{FFFD}");
    assert_eq!(rec.spans.len(), 1);
}

/// NUL bytes: a file named on the command line with a NUL in its first 8 KiB is binary (an
/// error); met in a folder, it is skipped with a note; a NUL after 8 KiB is text.
#[test]
fn nul_bytes() {
    let bed = Bed::new();
    bed.write("in/nul.txt", b"ab\0cd nail case");
    let r = bed.annotate(&["in/nul.txt"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr_lines(),
        ["tifa: error: in/nul.txt: binary file (NUL byte at offset 2), skipped"]
    );
    bed.write("in/dir/nul.bin", b"\0\0\0nail case");
    bed.write("in/dir/ok.txt", "nail case");
    let r = bed.annotate(&["-f", "csv", "in/dir"]);
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stderr_lines(),
        ["tifa: note: in/dir/nul.bin: binary file (NUL byte at offset 0), skipped"]
    );
    assert_eq!(r.stdout().lines().count(), 2, "header and the one span");
    let late = format!("{}\0 nail case", "x".repeat(9000));
    bed.write("in/late.txt", &late);
    let r = bed.annotate(&["in/late.txt"]);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    let rec = &r.records()[0];
    assert_eq!(rec.text, late);
    assert_eq!((rec.spans[0].start, rec.spans[0].end), (9002, 9011));
}

/// A 50 MB document on one line, with a term every 100 KB: read, matched and written in
/// time linear in its size, every span found, the text kept whole.
#[test]
fn fifty_megabyte_single_line() {
    let bed = Bed::new();
    let chunk = "the quick brown fox jumps over the lazy dog, "
        .repeat(100_000 / 45)
        .into_bytes();
    let mut big = Vec::with_capacity(50_100_000);
    let mut terms = 0;
    while big.len() < 50_000_000 {
        big.extend_from_slice(&chunk);
        big.extend_from_slice("protective umbrellas, 关系网 ".as_bytes());
        terms += 2;
    }
    assert!(!big.contains(&b'\n'));
    bed.write("in/big.txt", &big);
    let start = Instant::now();
    let r = bed.annotate(&["-f", "csv", "-o", "out.csv", "in/big.txt"]);
    let took = start.elapsed();
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    // Generous for an unoptimised test build on a shared machine; a quadratic step (a line
    // or column count per span from the start) would take minutes.
    assert!(took < Duration::from_secs(120), "took {took:?}");
    let mut rdr = csv::Reader::from_path(bed.path("out.csv")).unwrap();
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), terms);
    let last = &rows[rows.len() - 1];
    assert_eq!(&last[1], "1", "still line 1");
    assert_eq!(&last[6], "guan-xi-wang");
    let r = bed.annotate(&["-o", "out.jsonl", "in/big.txt"]);
    assert_eq!(r.code, 0);
    let rec: Record = serde_json::from_slice(&fs::read(bed.path("out.jsonl")).unwrap()).unwrap();
    assert_eq!(rec.text.as_bytes(), &big[..]);
    assert_eq!(rec.spans.len(), terms);
}

// ---------------------------------------------------------------------------------------
// JSONL inputs.

/// Records without the `--text-field` (or with a non-string one) pass through unchanged and
/// are reported; a record cut off at the end of the file passes through and is reported; a
/// blank line stays; the rest are annotated. One output line per input line.
#[test]
fn text_field_missing_in_some_records() {
    let bed = Bed::new();
    bed.write(
        "in/r.jsonl",
        "{\"id\":1,\"body\":\"nail case\"}\n{\"id\":2,\"text\":\"x\"}\n{\"id\":3,\"body\":5}\n\n{\"id\":4,\"body\":\"保护伞\"}\n{\"id\":5,\"body\":\"保护伞",
    );
    let r = bed.annotate(&["--input", "jsonl", "--text-field", "body", "in/r.jsonl"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr_lines(),
        [
            "tifa: error: in/r.jsonl:2: record has no string field \"body\"; passed through without spans",
            "tifa: error: in/r.jsonl:3: record has no string field \"body\"; passed through without spans",
            "tifa: error: in/r.jsonl:6: not a JSON object: EOF while parsing a string at line 1 column 25; passed through unchanged",
        ]
    );
    let lines: Vec<String> = r.stdout().lines().map(String::from).collect();
    assert_eq!(lines.len(), 6);
    assert_eq!(lines[3], "");
    assert_eq!(lines[5], "{\"id\":5,\"body\":\"保护伞");
    let out: Vec<serde_json::Value> = lines[..3]
        .iter()
        .chain(&lines[4..5])
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: Vec<i64> = out.iter().map(|v| v["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, [1, 2, 3, 4]);
    assert_eq!(out[0]["spans"][0]["kb_id"], "ding-zi-an");
    assert_eq!(out[1], serde_json::json!({"id": 2, "text": "x"}));
    assert_eq!(out[2], serde_json::json!({"id": 3, "body": 5}));
    assert_eq!(out[3]["spans"][0]["kb_id"], "bao-hu-san");
}

/// No JSONL line is ever dropped: a byte-order mark on the first line is accepted; invalid
/// JSON, invalid UTF-8 and a lone surrogate escape pass through byte for byte, each reported
/// with its file and line; the exit status is 1.
#[test]
fn jsonl_lines_are_never_dropped() {
    let bed = Bed::new();
    let lines: [&[u8]; 5] = [
        b"\xef\xbb\xbf{\"id\":1,\"text\":\"nail case\"}",
        b"{\"id\":2,\"text\":\"bad \xff nail case\"}",
        b"{not json}",
        b"{\"id\":3,\"text\":\"a\\ud800b\"}",
        b"{\"id\":4,\"text\":\"\xe4\xbf\x9d\xe6\x8a\xa4\xe4\xbc\x9e\"}",
    ];
    bed.write("in/r.jsonl", lines.join(&b"\n"[..]));
    let r = bed.annotate(&["--input", "jsonl", "in/r.jsonl"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr_lines(),
        [
            "tifa: error: in/r.jsonl:2: invalid UTF-8 at column 21 (byte offset 20 in the line); passed through unchanged (--lossy reads it with U+FFFD)",
            "tifa: error: in/r.jsonl:3: not a JSON object: key must be a string at line 1 column 2; passed through unchanged",
            "tifa: error: in/r.jsonl:4: field \"text\" holds a lone surrogate escape (\\ud800), which is no Unicode character, so the record has no text; passed through without spans",
        ]
    );
    let out: Vec<&[u8]> = r.stdout.split(|&b| b == b'\n').collect();
    assert_eq!(out.len(), lines.len() + 1, "one line out per line in");
    let first: serde_json::Value = serde_json::from_slice(out[0]).unwrap();
    assert_eq!(first["spans"][0]["kb_id"], "ding-zi-an");
    assert_eq!(&out[1..4], &lines[1..4]);
    let last: serde_json::Value = serde_json::from_slice(out[4]).unwrap();
    assert_eq!(last["spans"][0]["kb_id"], "bao-hu-san");
    // With --lossy the line with invalid UTF-8 is read, with a warning.
    let r = bed.annotate(&["--input", "jsonl", "--lossy", "in/r.jsonl"]);
    let second: serde_json::Value =
        serde_json::from_str(r.stdout().lines().nth(1).unwrap()).unwrap();
    assert_eq!(second["spans"][0]["kb_id"], "ding-zi-an");
}

/// tifa's own JSONL output read again: `spans` is replaced (one key, no error), so the
/// output is the same.
#[test]
fn jsonl_output_annotated_again_replaces_spans() {
    let bed = Bed::new();
    bed.write(
        "in/r.jsonl",
        "{\"spans\":[{\"old\":true}], \"text\":\"nail case\", \"id\":1}\n{\"id\":2,\"text\":\"保护伞\"}\n",
    );
    let r = bed.annotate(&["--input", "jsonl", "in/r.jsonl", "-o", "once.jsonl"]);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    let once = fs::read_to_string(bed.path("once.jsonl")).unwrap();
    assert!(once.starts_with("{\"text\":\"nail case\", \"id\":1,\"spans\":[{\"start\":0,"));
    assert_eq!(once.matches("\"spans\"").count(), 2);
    let r = bed.annotate(&["--input", "jsonl", "once.jsonl"]);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    assert_eq!(r.stdout(), once);
}

/// A line longer than the record limit (16 MiB) is passed through unread and unchanged,
/// reported with its file and line; the lines after it are annotated.
#[test]
fn jsonl_record_over_the_limit() {
    let bed = Bed::new();
    let long = format!("{{\"text\":\"{}\"}}", "x".repeat(17 << 20));
    bed.write(
        "in/r.jsonl",
        format!("{{\"text\":\"nail case\"}}\n{long}\n{{\"text\":\"nail case\"}}\n"),
    );
    let r = bed.annotate(&["--input", "jsonl", "-f", "jsonl", "in/r.jsonl"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr_lines(),
        [format!(
            "tifa: error: in/r.jsonl:2: record of {} bytes, longer than the limit of 16 MiB; passed through unchanged",
            long.len() + 1
        )]
    );
    let out = r.stdout();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1], long);
    assert!(lines[2].contains("ding-zi-an"));
}

// ---------------------------------------------------------------------------------------
// Files that cannot be read, folders, symlinks, odd names.

#[test]
fn unreadable_inputs() {
    let bed = Bed::new();
    std::os::unix::fs::symlink("nowhere.txt", bed.path("in/dangling.txt")).unwrap();
    fs::create_dir(bed.path("in/folder.tmx")).unwrap();
    bed.write("in/ok.txt", "nail case");
    // A dangling symlink named on the command line.
    let r = bed.annotate(&["-f", "csv", "in/dangling.txt", "in/ok.txt"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr_lines(),
        ["tifa: error: in/dangling.txt: no such file or folder"]
    );
    assert_eq!(r.stdout().lines().count(), 2);
    // A folder where a file is expected.
    let r = bed.run(&["check", "in/folder.tmx"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr_lines(),
        [
            "tifa: error: in/folder.tmx: is a folder, expected a file",
            "tifa: 0 segments in 0 files: 0 errors, 0 warnings, 0 info; 1 input unreadable",
        ]
    );
    let r = bed.annotate(&["--summary", "in", "in/ok.txt"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stderr_lines(), ["tifa: in: is a folder, expected a file"]);
    assert!(r.stdout.is_empty(), "refused before any work");
    // A FIFO in a folder, matching --glob: named in a note, not opened (it would block).
    bed.write("in/d/a.txt", "nail case");
    let fifo = bed.path("in/d/pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let r = bed.annotate(&["-f", "csv", "--glob", "*.txt", "in/d"]);
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stderr_lines(),
        ["tifa: note: in/d/pipe.txt: not a regular file (FIFO, socket or device), skipped"]
    );
    assert_eq!(r.stdout().lines().count(), 2);
}

/// A folder whose symlinks loop back to an ancestor, and to themselves: every real file is
/// read once, each loop is reported once, and the run ends.
#[test]
fn folder_with_a_symlink_loop() {
    let bed = Bed::new();
    bed.write("in/d/a.txt", "nail case");
    bed.write("in/d/sub/b.txt", "保护伞");
    std::os::unix::fs::symlink("..", bed.path("in/d/sub/up")).unwrap();
    std::os::unix::fs::symlink("self", bed.path("in/d/self")).unwrap();
    let r = bed.annotate(&["-f", "csv", "in/d"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr_lines(),
        [
            "tifa: error: in/d/self: cannot read: Too many levels of symbolic links (os error 40)",
            "tifa: error: in/d/sub/up: cannot read: symbolic link loop, not followed",
        ]
    );
    let paths: Vec<String> = r
        .stdout()
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap().to_string())
        .collect();
    assert_eq!(paths, ["in/d/a.txt", "in/d/sub/b.txt"]);
}

/// Spaces, a newline, bytes that are not UTF-8 and a leading dash in file names: every file
/// is read, its output in a folder keeps its exact name, and messages show the name.
#[test]
fn odd_characters_in_paths() {
    let bed = Bed::new();
    let names: [&[u8]; 4] = [
        b"a b.txt",
        b"new\nline.txt",
        b"bad\xffname.txt",
        b"-dash.txt",
    ];
    for n in names {
        let p = bed.path("in/odd").join(std::ffi::OsStr::from_bytes(n));
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(&p, "nail case").unwrap();
    }
    let r = bed.annotate(&["-f", "csv", "in/odd"]);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    let mut rdr = csv::Reader::from_reader(&r.stdout[..]);
    let paths: Vec<String> = rdr.records().map(|x| x.unwrap()[0].to_string()).collect();
    assert_eq!(
        paths,
        [
            "in/odd/-dash.txt",
            "in/odd/a b.txt",
            "in/odd/bad\u{FFFD}name.txt",
            "in/odd/new\nline.txt"
        ]
    );
    let r = bed.annotate(&["-o", "out", "in/odd"]);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    let mut outs: Vec<Vec<u8>> = fs::read_dir(bed.path("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().as_bytes().to_vec())
        .collect();
    outs.sort();
    let want: Vec<&[u8]> = vec![
        b"-dash.jsonl",
        b"a b.jsonl",
        b"bad\xffname.jsonl",
        b"new\nline.jsonl",
    ];
    assert_eq!(outs, want);
    // A leading dash is an option unless it comes after `--`.
    fs::copy(bed.path("in/odd/-dash.txt"), bed.path("-dash.txt")).unwrap();
    let r = bed.annotate(&["-dash.txt"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stderr_lines()[0], "error: unexpected argument '-d' found");
    assert_eq!(
        r.stderr_lines()[2],
        "  tip: to pass '-d' as a value, use '-- -d'"
    );
    let r = bed.annotate(&["-f", "csv", "--", "-dash.txt"]);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    // The CSV cell is neutralised for spreadsheets (a leading `-` starts a formula).
    assert!(r.stdout().contains("\n'-dash.txt,1,1,0,9,nail case,"));
    // Error messages carry the odd name as it displays.
    let p = bed
        .path("in/odd2")
        .join(std::ffi::OsStr::from_bytes(b"x\xfe y.txt"));
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(&p, b"\xff").unwrap();
    let r = bed.annotate(&["in/odd2"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr_lines(),
        ["tifa: error: in/odd2/x\u{FFFD} y.txt: invalid UTF-8 at line 1, column 1 (byte offset 0); convert it to UTF-8 or pass --lossy"]
    );
}

// ---------------------------------------------------------------------------------------
// Outputs that cannot be written.

#[test]
fn output_into_a_read_only_place() {
    let bed = Bed::new();
    bed.write("in/a.txt", "nail case");
    bed.write("in/b.txt", "保护伞");
    bed.write("notes.txt", "a file, not a folder");
    // /proc: no file can be created there, even by root.
    let r = bed.annotate(&["in/a.txt", "-o", "/proc/tifa-out.jsonl"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr_lines(),
        ["tifa: /proc/tifa-out.jsonl: cannot write: No such file or directory (os error 2)"]
    );
    let r = bed.annotate(&["in/a.txt", "in/b.txt", "-o", "/proc/tifa-out/"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr_lines(),
        ["tifa: /proc/tifa-out/: No such file or directory (os error 2)"]
    );
    let r = bed.annotate(&["in/a.txt", "--summary", "/proc/tifa-summary.csv"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr_lines(),
        ["tifa: /proc/tifa-summary.csv: cannot write: No such file or directory (os error 2)"]
    );
    // A regular file where a folder is needed.
    for out in ["notes.txt/out.jsonl", "notes.txt/deeper/out.jsonl"] {
        let r = bed.annotate(&["in/a.txt", "-o", out]);
        assert_eq!(r.code, 2);
        assert_eq!(
            r.stderr_lines(),
            ["tifa: notes.txt: is a file, expected a folder"]
        );
    }
    let r = bed.annotate(&["in/a.txt", "in/b.txt", "-o", "notes.txt"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr_lines(),
        ["tifa: notes.txt: is a file, expected a folder"]
    );
    assert_eq!(
        fs::read_to_string(bed.path("notes.txt")).unwrap(),
        "a file, not a folder"
    );
    // Nothing was left behind anywhere.
    let left: Vec<String> = fs::read_dir(bed.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".tifa-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

// ---------------------------------------------------------------------------------------
// XML: tifa check on .tmx and .xlf, tifa glossary import on .tbx.

const LAUGHS: &str = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
"#;

fn nested(open: &str, close: &str, n: usize) -> String {
    format!("{}{}", open.repeat(n), close.repeat(n))
}

#[test]
fn hostile_and_broken_xml() {
    let bed = Bed::new();
    let secret = bed.write("secret.txt", "TOP-SECRET-CONTENT");
    let xxe = |root: &str, body: &str| {
        format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE {root} [<!ENTITY xxe SYSTEM \"file://{}\">]>\n{body}\n",
            secret.display()
        )
    };
    let files: Vec<(&str, String)> = vec![
        (
            "malformed.tmx",
            "<tmx version=\"1.4\"><body>\n<tu><tuv xml:lang=\"zh\"><seg>保护伞</tuv></tu>\n</body></tmx>\n".into(),
        ),
        (
            "truncated.tmx",
            "<tmx version=\"1.4\"><body><tu><tuv xml:lang=\"zh\"><seg>保护".into(),
        ),
        (
            "truncated.xlf",
            "<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>保护伞</source><tar".into(),
        ),
        (
            "deep.tmx",
            format!("<tmx version=\"1.4\"><body>{}</body></tmx>", nested("<x>", "</x>", 100_000)),
        ),
        (
            "deep.xlf",
            format!(
                "<xliff version=\"1.2\"><file><body>{}</body></file></xliff>",
                nested("<group>", "</group>", 100_000)
            ),
        ),
        (
            "laughs.tmx",
            format!("{LAUGHS}<tmx version=\"1.4\"><body><tu><tuv xml:lang=\"zh\"><seg>&lol9;</seg></tuv></tu></body></tmx>\n"),
        ),
        (
            "xxe.xlf",
            xxe("xliff", "<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>保护伞</source><target>&xxe;</target></trans-unit></body></file></xliff>"),
        ),
        ("good.tsv", "钉子案\tnail case\n".into()),
    ];
    let mut args = vec!["check", "--color", "never"];
    for (name, body) in &files {
        bed.write(&format!("in/{name}"), body);
    }
    let names: Vec<String> = files.iter().map(|(n, _)| format!("in/{n}")).collect();
    args.extend(names.iter().map(String::as_str));
    let start = Instant::now();
    let r = bed.run(&args);
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(r.code, 1);
    let entity = "only the five predefined XML entities and character references are read (DTD and external entities are never expanded)";
    assert_eq!(
        r.stderr_lines(),
        [
            "tifa: error: in/malformed.tmx:2:32: malformed XML: ill-formed document: expected `</seg>`, but `</tuv>` was found".to_string(),
            "tifa: error: in/truncated.tmx:1:56: the document ends inside element <seg>, which is never closed".into(),
            "tifa: error: in/truncated.xlf:1:73: malformed XML: syntax error: tag not closed: `>` not found before end of input".into(),
            "tifa: error: in/deep.tmx:1:788: elements nested deeper than 256".into(),
            "tifa: error: in/deep.xlf:1:1805: elements nested deeper than 256".into(),
            format!("tifa: error: in/laughs.tmx:14:54: reference to entity &lol9; — {entity}"),
            format!("tifa: error: in/xxe.xlf:3:81: reference to entity &xxe; — {entity}"),
            "tifa: 1 segment in 1 file: 1 error, 0 warnings, 0 info; 7 inputs unreadable".into(),
        ]
    );
    // The good file after them is still checked; the secret is never read.
    assert!(r
        .stdout()
        .starts_with("in/good.tsv:1: error: literal rendering"));
    assert!(!r.stdout().contains("TOP-SECRET") && !r.stderr.contains("TOP-SECRET"));
}

#[test]
fn hostile_and_broken_tbx() {
    let bed = Bed::new();
    let secret = bed.write("secret.txt", "TOP-SECRET-CONTENT");
    let entity = "only the five predefined XML entities and character references are read (DTD and external entities are never expanded)";
    let xxe = format!(
        "<!DOCTYPE tbx [<!ENTITY xxe SYSTEM \"file://{}\">]>\n<tbx><text><body><conceptEntry id=\"a\"><langSec xml:lang=\"zh\"><termSec><term>&xxe;</term></termSec></langSec></conceptEntry></body></text></tbx>",
        secret.display()
    );
    let cases: Vec<(&str, String, String)> = vec![
        (
            "deep.tbx",
            format!("<tbx>{}</tbx>", nested("<x>", "</x>", 100_000)),
            "in/deep.tbx:1:771: error: not a readable TBX file: elements nested deeper than 256".into(),
        ),
        (
            "laughs.tbx",
            format!("{LAUGHS}<tbx><text><body><conceptEntry id=\"a\"><langSec xml:lang=\"zh\"><termSec><term>&lol9;</term></termSec></langSec></conceptEntry></body></text></tbx>"),
            format!("in/laughs.tbx:14:77: error: not a readable TBX file: reference to entity &lol9; — {entity}"),
        ),
        (
            "xxe.tbx",
            xxe,
            format!("in/xxe.tbx:2:77: error: not a readable TBX file: reference to entity &xxe; — {entity}"),
        ),
        (
            "truncated.tbx",
            "<tbx><text><body><conceptEntry id=\"a\"><langSec xml:lang=\"zh\"><termSec><term>保护".into(),
            "in/truncated.tbx:1:79: error: not a readable TBX file: the document ends inside element <term>, which is never closed".into(),
        ),
    ];
    for (name, body, want) in cases {
        bed.write(&format!("in/{name}"), body);
        let path = format!("in/{name}");
        let r = bed.run(&["glossary", "import", &path, "-o", "out.csv"]);
        assert_eq!(r.code, 1, "{name}: {}", r.stderr);
        assert_eq!(
            r.stderr_lines(),
            [want, format!("tifa: {path}: rejected; nothing written")]
        );
        assert!(!r.stderr.contains("TOP-SECRET"));
        assert!(!bed.path("out.csv").exists(), "{name}: no glossary written");
    }
}

// ---------------------------------------------------------------------------------------
// Glossary CSV.

fn glossary_errors(bed: &Bed, name: &str, csv: &str) -> Vec<String> {
    bed.write(&format!("in/{name}"), csv);
    bed.write("in/x.txt", "nail case");
    let path = format!("in/{name}");
    let r = tifa_in(
        bed.dir.path(),
        &bed.path("in"),
        &["annotate", "-g", &path, "in/x.txt"],
        None,
    );
    assert_eq!(r.code, 2, "{name}");
    assert!(r.stdout.is_empty());
    r.stderr_lines().into_iter().map(String::from).collect()
}

#[test]
fn glossary_csv_ragged_rows_bad_quotes_duplicate_headers() {
    let bed = Bed::new();
    let unusable = "tifa: the glossary is unusable; fix the errors above";
    assert_eq!(
        glossary_errors(
            &bed,
            "ragged.csv",
            "id,zh,pinyin,en,category,definition\nx,保护伞,p,protectors,campaign\ny,关系网,p,networks,campaign,D.,extra\n"
        ),
        [
            "in/ragged.csv:2: error: row has 5 fields but the header has 6",
            "in/ragged.csv:2:6: error: missing required field \"definition\"",
            "in/ragged.csv:3: error: row has 7 fields but the header has 6",
            unusable,
        ]
    );
    assert_eq!(
        glossary_errors(
            &bed,
            "quotes.csv",
            "id,zh,pinyin,en,category,definition\nx,保护伞,p,\"protec\"tors,campaign,D.\ny,\"关系网,p,networks,campaign,D.\nz,钉子案,p,hard cases,campaign,D.\n"
        ),
        [
            "in/quotes.csv:3: error: row has 2 fields but the header has 6; field 2 runs over several lines: is a closing quote (\") missing?",
            "in/quotes.csv:3:3: error: missing required field \"pinyin\"",
            "in/quotes.csv:3:4: error: missing required field \"en\"",
            "in/quotes.csv:3:5: error: missing required field \"category\"",
            "in/quotes.csv:3:6: error: missing required field \"definition\"",
            unusable,
        ]
    );
    assert_eq!(
        glossary_errors(
            &bed,
            "dup.csv",
            "id,zh,pinyin,en,category,definition,en\nx,保护伞,p,protectors,campaign,D.,other\n"
        ),
        ["in/dup.csv:1:7: error: duplicate column \"en\"", unusable]
    );
}
