//! Inputs too long to hold whole (over 2 MiB) are annotated in windows: the outputs hold what
//! annotating the whole text gives, memory stays bounded, and binary data is found before
//! anything is read past the first window.

use std::fs;
use std::path::Path;
use std::process::Command;

use tifa::glossary::Glossary;
use tifa::matcher::{MatchOptions, Matcher};
use tifa::render::{Document, Format};

fn corpus(rel: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
}

/// About 18 MiB of English and Chinese, with CRLF line ends in places and a 3 MiB line, so
/// window cuts fall at line ends, inside lines and inside runs of Chinese.
fn long_text() -> String {
    let en = corpus("corpus/en/procuratorate-briefing.txt");
    let zh = corpus("corpus/zh/01-changtaihua-saohei.txt");
    let mut s = String::new();
    while s.len() < 9 << 20 {
        s.push_str(&en);
        s.push_str(&zh.replace('\n', "\r\n"));
    }
    let line = format!("{} {}", en, zh).replace(['\n', '\r'], " ");
    while s.len() < 12 << 20 {
        s.push_str(&line);
    }
    s.push('\n');
    while s.len() < 18 << 20 {
        s.push_str(&zh);
        s.push_str(&en);
    }
    s
}

fn tifa(dir: &Path, args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tifa"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// CSV, text and JSONL outputs of a long input are byte for byte those of the whole text,
/// on one worker and on three (the pieces then searched and rendered out of turn, and
/// written in turn); the HTML page holds the text, in one article per piece.
#[test]
fn a_long_input_is_annotated_as_a_whole_one_would_be() {
    let dir = tempfile::tempdir().unwrap();
    let text = long_text();
    fs::write(dir.path().join("long.txt"), &text).unwrap();
    let matcher = Matcher::new(Glossary::builtin()).unwrap();
    let ann = tifa::annotate(&matcher, &text, MatchOptions::default());
    assert!(ann.spans.len() > 100_000);
    let doc = Document {
        path: "long.txt",
        text: &text,
        record: None,
    };
    for (format, name) in [
        (Format::Csv, "csv"),
        (Format::Text, "text"),
        (Format::Jsonl, "jsonl"),
    ] {
        let r = format.renderer();
        let mut want = Vec::new();
        r.begin(&mut want);
        r.document(&doc, &ann, matcher.glossary(), &mut want);
        r.end(&mut want);
        // Mapped (the default for a long file) and read in blocks.
        for jobs in [&["-j1"][..], &["-j3"], &["-j3", "--no-mmap"]] {
            let args = [&["annotate"], jobs, &["-f", name, "long.txt"]].concat();
            let (code, got, err) = tifa(dir.path(), &args);
            assert_eq!((code, err.as_str()), (0, ""));
            assert!(
                got == want,
                "{name} output differs from the whole text's ({jobs:?})"
            );
        }
    }

    let (code, got, _) = tifa(dir.path(), &["annotate", "-f", "html", "long.txt"]);
    assert_eq!(code, 0);
    let page = String::from_utf8(got).unwrap();
    assert!(page.ends_with("</html>\n"));
    assert!(page.matches("<article").count() > 10);
    assert!(page.contains("long.txt \u{b7} part 2, from line "));

    // The formats that show the parts cut them alike on any number of workers (the others
    // cut pieces sized for the workers, which their output does not show).
    for name in ["html", "md"] {
        let run = |jobs| {
            let (code, got, err) = tifa(dir.path(), &["annotate", jobs, "-f", name, "long.txt"]);
            assert_eq!((code, err.as_str()), (0, ""));
            got
        };
        assert!(
            run("-j1") == run("-j3"),
            "{name}: parts differ with the workers"
        );
    }
}

/// An input of a few MiB is already annotated in windows: its HTML page comes in parts, so
/// that the page of a long release (some 35 times its text for Chinese) is never held whole;
/// its CSV is still the whole text's.
#[test]
fn a_few_mebibytes_are_annotated_in_windows() {
    let dir = tempfile::tempdir().unwrap();
    let zh = corpus("corpus/zh/01-changtaihua-saohei.txt");
    let text = zh.repeat((3 << 20) / zh.len() + 1);
    fs::write(dir.path().join("zh.txt"), &text).unwrap();
    let (code, got, _) = tifa(dir.path(), &["annotate", "-f", "html", "zh.txt"]);
    assert_eq!(code, 0);
    let page = String::from_utf8(got).unwrap();
    assert!(page.contains("zh.txt \u{b7} part 3, from line "));

    let matcher = Matcher::new(Glossary::builtin()).unwrap();
    let ann = tifa::annotate(&matcher, &text, MatchOptions::default());
    let doc = Document {
        path: "zh.txt",
        text: &text,
        record: None,
    };
    let r = Format::Csv.renderer();
    let mut want = Vec::new();
    r.begin(&mut want);
    r.document(&doc, &ann, matcher.glossary(), &mut want);
    r.end(&mut want);
    let (code, got, _) = tifa(dir.path(), &["annotate", "-f", "csv", "zh.txt"]);
    assert_eq!(code, 0);
    assert!(got == want, "CSV output differs from the whole text's");
}

/// A device that never ends is found binary in its first bytes, not read forever.
#[test]
fn dev_zero_is_binary() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = tifa(dir.path(), &["annotate", "/dev/zero"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert_eq!(
        err,
        "tifa: error: /dev/zero: binary file (NUL byte at offset 0), skipped\n"
    );
}

/// Invalid UTF-8 deep in a long input is placed in the whole file; what came before it is
/// written and closed, and the run fails.
#[test]
fn invalid_utf8_deep_in_a_long_input() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = "nail case\n".repeat(2 << 20).into_bytes();
    let at = bytes.len() - 5;
    bytes[at] = 0xFF;
    fs::write(dir.path().join("bad.txt"), &bytes).unwrap();
    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    let mut outputs = Vec::new();
    for read in [&[][..], &["--no-mmap"]] {
        let args = [&["annotate", "-f", "csv"], read, &["bad.txt"]].concat();
        let (code, out, err) = tifa(dir.path(), &args);
        assert_eq!(code, 1, "{err}");
        assert_eq!(
            err,
            format!(
                "tifa: error: bad.txt: invalid UTF-8 at line {line}, column 6 (byte offset \
                 {at}); convert it to UTF-8 or pass --lossy; the output holds the text before \
                 it\n"
            )
        );
        outputs.push(out);
    }
    // The rows before it, mapped or read.
    assert!(outputs[0].len() > 1_000_000);
    assert!(outputs[0] == outputs[1]);
}

/// SIGINT while a long input is being annotated stops the run between windows, not at the
/// end of the input: exit 130; written to a file, nothing partial is left; written to
/// standard output, the rows stop early in the input.
#[test]
fn an_interrupted_long_input_stops_between_windows() {
    use std::io::Read;
    use std::process::Stdio;
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text = long_text();
    let lines = text.lines().count();
    fs::write(d.join("long.txt"), &text).unwrap();
    let interrupt = |pid: u32| {
        let pid = pid.to_string();
        assert!(Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .unwrap()
            .success());
    };

    let child = Command::new(env!("CARGO_BIN_EXE_tifa"))
        .args(["annotate", "-f", "csv", "long.txt", "-o", "out.csv"])
        .current_dir(d)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Interrupted once the first windows are in the temporary output.
    let part_size = || {
        fs::read_dir(d)
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().starts_with(".tifa-"))
            .map(|e| e.metadata().map_or(0, |m| m.len()))
            .sum::<u64>()
    };
    let start = Instant::now();
    while part_size() < 100_000 {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "nothing written"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    interrupt(child.id());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "tifa: interrupted; no partial output was kept\n"
    );
    let left: Vec<_> = fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["long.txt"]);

    let mut child = Command::new(env!("CARGO_BIN_EXE_tifa"))
        .args(["annotate", "-f", "csv", "long.txt"])
        .current_dir(d)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut got = vec![0; 100_000];
    stdout.read_exact(&mut got).unwrap();
    interrupt(child.id());
    stdout.read_to_end(&mut got).unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(130));
    let last = String::from_utf8_lossy(&got);
    let last = last.lines().rev().nth(1).unwrap();
    let line: usize = last.split(',').nth(1).unwrap().parse().unwrap();
    assert!(line < lines / 2, "rows up to line {line} of {lines}");
}
