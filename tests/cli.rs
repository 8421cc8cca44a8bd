//! Integration tests driving the real binary: output formats parsed back, bad input.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use tifa::render::SpanRecord;

fn tifa() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tifa"))
}

fn mini() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/mini.csv")
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = tifa()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The binary may exit before reading everything (an unusable glossary, say).
    let _ = child.stdin.take().unwrap().write_all(input);
    child.wait_with_output().unwrap()
}

#[derive(serde::Deserialize)]
struct Record {
    path: String,
    text: String,
    spans: Vec<SpanRecord>,
}

const TEXT: &str = "😀 Officials acting as “protective\r\numbrellas” and relationship-networks.\n保護傘 and 钉子\n案.\n";

#[test]
fn jsonl_round_trip_offsets_agree() {
    let mini = mini();
    let out = run_stdin(&["annotate", "-g", mini.to_str().unwrap()], TEXT.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1);
    let rec: Record = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(rec.path, "-");
    assert_eq!(rec.text, TEXT);
    let ids: Vec<(&str, &str)> = rec
        .spans
        .iter()
        .map(|s| (s.kb_id.as_str(), s.form.as_str()))
        .collect();
    assert_eq!(
        ids,
        [
            ("bao-hu-san", "literal"),
            ("guan-xi-wang", "literal"),
            ("bao-hu-san", "zh_hant"),
            ("ding-zi-an", "zh")
        ]
    );
    let chars: Vec<char> = rec.text.chars().collect();
    for s in &rec.spans {
        assert_eq!(&rec.text[s.byte_start..s.byte_end], s.text);
        let by_chars: String = chars[s.start..s.end].iter().collect();
        assert_eq!(by_chars, s.text);
    }
    assert_eq!(rec.spans[0].text, "protective\r\numbrellas");
    assert_eq!(rec.spans[3].text, "钉子\n案");
    assert_eq!(rec.spans[0].zh, "保护伞");
    assert_eq!(rec.spans[0].label, "campaign");
}

#[derive(Debug, serde::Deserialize, PartialEq)]
struct CsvRow {
    path: String,
    line: usize,
    column: usize,
    start: usize,
    end: usize,
    text: String,
    kb_id: String,
    zh: String,
    pinyin: String,
    en: String,
    form: String,
    label: String,
}

#[test]
fn csv_round_trip() {
    let mini = mini();
    let out = run_stdin(
        &["annotate", "-f", "csv", "-g", mini.to_str().unwrap()],
        TEXT.as_bytes(),
    );
    assert!(out.status.success());
    let mut rdr = csv::Reader::from_reader(&out.stdout[..]);
    let rows: Vec<CsvRow> = rdr.deserialize().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    let chars: Vec<char> = TEXT.chars().collect();
    let lines: Vec<&str> = TEXT.split('\n').collect();
    for r in &rows {
        let t: String = chars[r.start..r.end].iter().collect();
        assert_eq!(t, r.text);
        // line/column point at the span's first character.
        let line: Vec<char> = lines[r.line - 1].chars().collect();
        assert_eq!(line[r.column - 1], r.text.chars().next().unwrap(), "{r:?}");
    }
    assert_eq!((rows[2].line, rows[2].column), (3, 1));
    assert_eq!(rows[0].pinyin, "bǎo hù sǎn");
}

#[test]
fn text_format_keeps_input_and_adds_glosses() {
    let mini = mini();
    let out = run_stdin(
        &["annotate", "-f", "text", "-g", mini.to_str().unwrap()],
        b"Beware protective umbrellas here.",
    );
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Beware protective umbrellas [保护伞 bǎo hù sǎn, \u{201C}protectors\u{201D}; note 1] here.\n\
         \nNotes\n\
         1. 保护伞: Officials who shield criminal gangs.\n"
    );
}

#[test]
fn text_format_gives_each_definition_once_per_document() {
    let mini = mini();
    let out = run_stdin(
        &["annotate", "-f", "text", "-g", mini.to_str().unwrap()],
        "保护伞 and protective umbrellas, then the nail case and protective umbrellas again.\n"
            .as_bytes(),
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.matches("Officials who shield criminal gangs.").count(),
        1,
        "{text}"
    );
    assert_eq!(text.matches("; note 1]").count(), 3, "{text}");
    assert_eq!(text.matches("; note 2]").count(), 1, "{text}");
    let notes = text.split_once("\nNotes\n").expect("a notes section").1;
    assert_eq!(notes.lines().count(), 2, "{notes}");
    assert!(notes.starts_with("1. 保护伞: "), "{notes}");
    assert!(
        notes.lines().nth(1).unwrap().starts_with("2. 钉子案: "),
        "{notes}"
    );
}

#[test]
fn bad_inputs_are_reported_and_the_rest_processed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("good.txt"), "the nail case").unwrap();
    fs::write(d.join("bad-utf8.txt"), b"nail case \xff\xfe").unwrap();
    fs::write(d.join("empty.txt"), b"").unwrap();
    fs::write(d.join("binary.bin"), b"\x7fELF\0\0\x01nail case").unwrap();
    let mini = mini();
    let out = tifa()
        .args(["annotate", "-f", "csv", "-g"])
        .arg(&mini)
        .arg(d.join("missing.txt"))
        .arg(d)
        .arg(d.join("good.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let p = |n: &str| d.join(n).display().to_string();
    let want = [
        format!("tifa: error: {}: no such file or folder", p("missing.txt")),
        format!("tifa: error: {}: invalid UTF-8 at line 1, column 11 (byte offset 10); convert it to UTF-8 or pass --lossy", p("bad-utf8.txt")),
        format!("tifa: note: {}: binary file (NUL byte at offset 4), skipped", p("binary.bin")),
        format!("tifa: error: {}: empty file, nothing to annotate", p("empty.txt")),
    ];
    assert_eq!(stderr.lines().collect::<Vec<_>>(), want);
    let stdout = String::from_utf8(out.stdout).unwrap();
    // good.txt twice: once from the folder, once named directly.
    assert_eq!(stdout.matches("good.txt").count(), 2, "{stdout}");
}

#[test]
fn lossy_reads_invalid_utf8_with_a_warning() {
    let mini = mini();
    let out = run_stdin(
        &["annotate", "--lossy", "-g", mini.to_str().unwrap()],
        b"nail case \xff",
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("warning: -: invalid UTF-8"));
    let rec: Record = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rec.text, "nail case \u{FFFD}");
    assert_eq!(rec.spans.len(), 1);
}

#[test]
fn malformed_glossary_is_unusable_with_every_problem() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.csv");
    fs::write(
        &g,
        "id,zh,pinyin,en,category,definition,colour\n\
         Bad Id,保护伞,bǎo hù sǎn,protective umbrella,campaign,One.,red\n\
         ok,关系网,guān xì wǎng,,campaign,Two.,\n\
         ok,关系网2,guān xì wǎng,protective umbrellas,campaign,Three.,\n",
    )
    .unwrap();
    let out = run_stdin(&["annotate", "-g", g.to_str().unwrap()], b"x");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let f = g.display();
    let want = vec![
        format!("{f}:1:7: error: unknown column \"colour\" (known columns: id, zh, zh_alt, zh_hant, pinyin, en, en_alt, literal, category, definition, note, see_also, source, exclude, gated, cue)"),
        format!("{f}:2:1: error: malformed id \"Bad Id\": use lower-case ASCII words joined by '-', like \"bao-hu-san\""),
        format!("{f}:3:4: error: missing required field \"en\""),
        format!("{f}:4:1: error: duplicate id \"ok\", first defined at {f}:3"),
        "tifa: the glossary is unusable; fix the errors above".to_string(),
    ];
    assert_eq!(stderr.lines().map(String::from).collect::<Vec<_>>(), want);
}

#[test]
fn missing_glossary_file_is_unusable() {
    let out = run_stdin(&["annotate", "-g", "/nonexistent/g.csv"], b"x");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .starts_with("/nonexistent/g.csv: error: cannot read glossary:"));
}

#[test]
fn folder_output_mirrors_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("in");
    fs::create_dir_all(src.join("sub")).unwrap();
    fs::write(src.join("a.txt"), "nail case").unwrap();
    fs::write(src.join("sub/b.txt"), "保护伞").unwrap();
    let out_dir = dir.path().join("out");
    let mini = mini();
    let out = tifa()
        .args(["annotate", "-f", "jsonl", "-g"])
        .arg(&mini)
        .arg(&src)
        .arg("-o")
        .arg(&out_dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let a: Record =
        serde_json::from_str(&fs::read_to_string(out_dir.join("a.jsonl")).unwrap()).unwrap();
    let b: Record =
        serde_json::from_str(&fs::read_to_string(out_dir.join("sub/b.jsonl")).unwrap()).unwrap();
    assert_eq!(a.spans[0].kb_id, "ding-zi-an");
    assert_eq!(b.spans[0].kb_id, "bao-hu-san");
    let leftovers: Vec<_> = walk(&out_dir)
        .into_iter()
        .filter(|p| p.to_string_lossy().contains(".part"))
        .collect();
    assert!(leftovers.is_empty());
}

fn walk(d: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(d).unwrap() {
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
fn jsonl_input_keeps_fields() {
    let mini = mini();
    let input = "{\"id\": 12345678901234567890, \"lang\":\"en\", \"text\":\"a nail case\", \"score\": 1.10}\n\
                 {\"id\": 2, \"body\": \"no text field\"}\n\
                 {\"text\":\"保护伞\"}\n";
    let out = run_stdin(
        &["annotate", "--input", "jsonl", "-g", mini.to_str().unwrap()],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3);
    // Fields are kept byte for byte, spans appended.
    assert!(lines[0].starts_with("{\"id\": 12345678901234567890, \"lang\":\"en\", \"text\":\"a nail case\", \"score\": 1.10,\"spans\":["));
    assert_eq!(lines[1], "{\"id\": 2, \"body\": \"no text field\"}");
    let v: serde_json::Value = serde_json::from_str(lines[2]).unwrap();
    assert_eq!(v["spans"][0]["kb_id"], "bao-hu-san");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap().trim(),
        "tifa: error: -:2: record has no string field \"text\"; passed through without spans"
    );
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    fs::write(
        &big,
        "protective umbrellas and nail cases. ".repeat(200_000),
    )
    .unwrap();
    let mut child = tifa()
        .args(["annotate", "-f", "text", "-g"])
        .arg(mini())
        .arg(&big)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}
