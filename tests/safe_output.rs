//! Safe output (issue 15): CSV cells a spreadsheet would run as formulas are neutralised in
//! every CSV report (and not in the glossary CSV, which must read back exactly); a file name
//! with a line break cannot split or forge a message; glossary problems in CRLF and CR-only
//! files name the right line; a JSONL text with a lone surrogate escape says so.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn tifa(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tifa"))
        .current_dir(dir)
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
    let d = std::env::temp_dir().join(format!("tifa-safe-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&d);
    fs::create_dir_all(&d).unwrap();
    d
}

/// Every cell of a CSV text, parsed.
fn cells(csv: &[u8]) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv)
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

/// No cell starts with a formula character, and every cell that `expect` names is there.
fn assert_neutral(what: &str, csv: &[u8], expect: &[&str]) {
    let rows = cells(csv);
    assert!(
        rows.len() > 1,
        "{what}: no rows in {}",
        String::from_utf8_lossy(csv)
    );
    for row in &rows {
        for c in row {
            assert!(
                !c.starts_with(['=', '+', '-', '@']),
                "{what}: formula cell {c:?} in {row:?}"
            );
        }
    }
    let all: Vec<&String> = rows.iter().flatten().collect();
    for e in expect {
        assert!(
            all.iter().any(|c| c == e),
            "{what}: no cell {e:?} in {rows:?}"
        );
    }
}

#[test]
fn csv_reports_neutralise_formula_cells() {
    let dir = temp("csv");
    let g = data("formula.csv");
    fs::write(
        dir.join("=1+1.txt"),
        "保护伞 and protective umbrellas and protectors.\n",
    )
    .unwrap();
    fs::write(
        dir.join("@pairs.tsv"),
        "保护伞很多。\tThere are many protective umbrellas.\n",
    )
    .unwrap();
    fs::write(
        dir.join("-quotes.txt"),
        "“钉子案”很多。\"nail case\" and \"nail case\".\n“钉子案” again \"nail case\".\n",
    )
    .unwrap();
    fs::write(
        dir.join("aligned.tsv"),
        "保护伞很多。\tMany protectors.\n保护伞很多。\tMany protectors.\n",
    )
    .unwrap();

    let out = tifa(&dir, &["annotate", "-g", &g, "--format", "csv", "=1+1.txt"]);
    assert!(out.status.success(), "{out:?}");
    assert_neutral(
        "annotate csv",
        &out.stdout,
        &[
            "'=1+1.txt",
            "'+protectors",
            "'=HYPERLINK(\"http://x\",\"pinyin\")",
            "'@campaign",
            // The span's text is the input between the offsets, untouched.
            "protective umbrellas",
        ],
    );

    let out = tifa(
        &dir,
        &["annotate", "-g", &g, "--summary", "s.csv", "=1+1.txt"],
    );
    assert!(out.status.success(), "{out:?}");
    assert_neutral(
        "summary csv",
        &fs::read(dir.join("s.csv")).unwrap(),
        &["'=1+1.txt", "'+protectors"],
    );

    let out = tifa(&dir, &["check", "-g", &g, "--format", "csv", "@pairs.tsv"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_neutral("check csv", &out.stdout, &["'@pairs.tsv", "'+protectors"]);

    let out = tifa(
        &dir,
        &["glossary", "build", "-g", &g, "-f", "csv", "=1+1.txt"],
    );
    assert!(out.status.success(), "{out:?}");
    assert_neutral(
        "glossary build csv",
        &out.stdout,
        &["'+protectors", "'@campaign", "'=1+1.txt:1"],
    );

    let out = tifa(
        &dir,
        &[
            "discover",
            "-g",
            &g,
            "-f",
            "csv",
            "--min-count",
            "1",
            "--",
            "-quotes.txt",
        ],
    );
    assert!(out.status.success(), "{out:?}");
    let rows = cells(&out.stdout);
    assert!(
        rows.iter()
            .flatten()
            .any(|c| c.starts_with("'-quotes.txt:1: ")),
        "{rows:?}"
    );
    assert_neutral("discover csv", &out.stdout, &[]);

    let out = tifa(
        &dir,
        &[
            "discover",
            "-g",
            &g,
            "--aligned",
            "aligned.tsv",
            "--min-count",
            "1",
        ],
    );
    assert!(out.status.success(), "{out:?}");
    let rows = cells(&out.stdout);
    assert_eq!(rows[0][0], "id", "{rows:?}");
    for row in &rows {
        for c in row {
            assert!(
                !c.starts_with(['=', '+', '-', '@']),
                "discover --aligned: {c:?}"
            );
        }
    }
}

#[test]
fn standard_input_keeps_its_name_in_csv() {
    let dir = temp("stdin");
    let mut child = Command::new(env!("CARGO_BIN_EXE_tifa"))
        .current_dir(&dir)
        .args(["annotate", "-g", &data("formula.csv"), "--format", "csv"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write as _;
    child
        .stdin
        .take()
        .unwrap()
        .write_all("保护伞\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let rows = cells(&out.stdout);
    assert_eq!(rows[1][0], "-", "{rows:?}");
    assert_eq!(rows[1][9], "'+protectors", "{rows:?}");
}

#[test]
fn glossary_csv_export_round_trips_formula_cells_exactly() {
    let dir = temp("export");
    let g = data("formula.csv");
    let out = tifa(&dir, &["glossary", "export", "--to", "csv", "-g", &g]);
    assert!(out.status.success(), "{out:?}");
    let rows = cells(&out.stdout);
    let header = &rows[0];
    let row = &rows[1];
    let col = |name: &str| &row[header.iter().position(|h| h == name).unwrap()];
    assert_eq!(col("pinyin"), "=HYPERLINK(\"http://x\",\"pinyin\")");
    assert_eq!(col("en"), "+protectors");
    assert_eq!(col("category"), "@campaign");
    assert_eq!(col("definition"), "-Officials who shield criminal gangs.");
}

#[test]
fn a_line_break_in_a_file_name_cannot_forge_a_message() {
    let dir = temp("newline");
    let forged = "a\ntifa: error: forged.txt";
    fs::write(dir.join(forged), "").unwrap();
    let out = tifa(&dir, &["annotate", "-g", &data("mini.csv"), forged]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err.lines().collect::<Vec<_>>(),
        ["tifa: error: \"a\\ntifa: error: forged.txt\": empty file, nothing to annotate"]
    );

    let bad = "b\nc.tmx";
    fs::write(dir.join(bad), "x").unwrap();
    let out = tifa(&dir, &["check", "-g", &data("mini.csv"), bad]);
    let err = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].starts_with("tifa: error: \"b\\nc.tmx\":1:"),
        "{err}"
    );

    let tbx = "t\nx.tbx";
    fs::write(dir.join(tbx), "x").unwrap();
    let out = tifa(&dir, &["glossary", "import", tbx]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err.lines().collect::<Vec<_>>(),
        [
            "\"t\\nx.tbx\":1:2: error: not a readable TBX file: no root element: not an XML document",
            "tifa: \"t\\nx.tbx\": rejected; nothing written"
        ]
    );

    let gloss = "g\r\nx.csv";
    fs::write(dir.join(gloss), "id,zh\n").unwrap();
    let out = tifa(&dir, &["glossary", "lint", gloss]);
    let err = String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap();
    assert!(
        err.lines()
            .filter(|l| l.contains(": error:"))
            .all(|l| l.starts_with("\"g\\r\\nx.csv\":")),
        "{err}"
    );
    assert!(
        err.contains("\"g\\r\\nx.csv\":1: error: missing required column"),
        "{err}"
    );
}

#[test]
fn glossary_errors_name_the_right_line_in_crlf_and_cr_files() {
    let dir = temp("lines");
    let lf = "id,zh,pinyin,en,category,definition\n\
              ok-one,保护伞,bǎo,protectors,c,d\n\
              \"multi\nline\",x,y,z,c,d\n\
              BAD,关系网,g,networks,c,d\n\
              ok-two,钉子案,d,hard cases,c,\n";
    for (name, text) in [
        ("lf.csv", lf.to_string()),
        ("crlf.csv", lf.replace('\n', "\r\n")),
        ("cr.csv", lf.replace('\n', "\r")),
    ] {
        fs::write(dir.join(name), text).unwrap();
        let out = tifa(&dir, &["glossary", "lint", name]);
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            text.contains(&format!("{name}:5:1: error: malformed id \"BAD\"")),
            "{text}"
        );
        assert!(
            text.contains(&format!(
                "{name}:6:6: error: missing required field \"definition\""
            )),
            "{text}"
        );
    }
}

#[test]
fn a_lone_surrogate_escape_is_named() {
    let dir = temp("surrogate");
    fs::write(
        dir.join("r.jsonl"),
        "{\"text\":\"a\\ud800b\"}\n{\"text\":\"ok \\ud83d\\ude00\"}\n{\"id\":1}\n",
    )
    .unwrap();
    let out = tifa(
        &dir,
        &[
            "annotate",
            "-g",
            &data("mini.csv"),
            "--input",
            "jsonl",
            "r.jsonl",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err.lines().collect::<Vec<_>>(),
        [
            "tifa: error: r.jsonl:1: field \"text\" holds a lone surrogate escape (\\ud800), \
             which is no Unicode character, so the record has no text; passed through without spans",
            "tifa: error: r.jsonl:3: record has no string field \"text\"; passed through without spans",
        ]
    );
    // Passed through unchanged: one output line per input line.
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().next(), Some("{\"text\":\"a\\ud800b\"}"));
    assert_eq!(stdout.lines().count(), 3);
}
