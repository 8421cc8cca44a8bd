//! No silent loss (issue 15): two inputs never share an output; a failed streamed output is
//! never continued by the next input; `--summary` never replaces the output; standard
//! output redirected onto an input, and an output folder inside an input folder, are
//! caught; a replaced output keeps its mode and a symbolic link is written through; the
//! temporary file is on disk before its rename; a killed run's leftovers are removed by the
//! next run; `-j` is capped; a glossary form has a bounded length.

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, SystemTime};

fn tifa(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tifa"))
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("tifa runs")
}

fn mini() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/mini.csv")
        .to_string_lossy()
        .into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every file under `dir`, relative to it, sorted.
fn files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(p) = stack.pop() {
        match fs::read_dir(&p) {
            Ok(rd) => stack.extend(rd.map(|e| e.unwrap().path())),
            Err(_) => out.push(p.strip_prefix(dir).unwrap().to_string_lossy().into_owned()),
        }
    }
    out.sort();
    out
}

fn write(p: &Path, text: &str) {
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, text).unwrap();
}

#[derive(serde::Deserialize)]
struct Record {
    path: String,
    text: String,
}

fn record(p: &Path) -> Record {
    serde_json::from_slice(&fs::read(p).unwrap()).unwrap()
}

/// `tifa annotate d1 d2 d3 -o out/` with a `report.txt` in each: three inputs, one output
/// name. Refused before anything is written (was: two outputs lost, exit 0).
#[test]
fn same_named_inputs_into_one_folder_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for n in ["d1", "d2", "d3"] {
        write(&d.join(n).join("report.txt"), &format!("{n}: nail case"));
    }
    let o = tifa(
        d,
        &["annotate", "-g", &mini(), "d1", "d2", "d3", "-o", "out/"],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        "tifa: out/report.jsonl: d1/report.txt and d2/report.txt would both be written \
         here, one over the other; annotate them into separate output folders\n"
    );
    assert!(
        !d.join("out").exists(),
        "nothing written, not even the folder"
    );

    // The same for streamed JSONL inputs, and for a file named twice.
    for n in ["d1", "d2"] {
        write(&d.join(n).join("r.jsonl"), "{\"text\":\"nail case\"}\n");
    }
    let o = tifa(
        d,
        &[
            "annotate",
            "-g",
            &mini(),
            "--input",
            "jsonl",
            "d1/r.jsonl",
            "d2/r.jsonl",
            "-o",
            "o2/",
        ],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(!d.join("o2").exists());
    let o = tifa(
        d,
        &[
            "annotate",
            "-g",
            &mini(),
            "d1/report.txt",
            "d1/report.txt",
            "-o",
            "o3/",
        ],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));

    // Names that differ only in their extension still both get an output, whatever the order.
    write(&d.join("e/a.txt"), "nail case");
    write(&d.join("e/a.text"), "relationship networks");
    write(&d.join("f/b.txt"), "protective umbrellas");
    let o = tifa(d, &["annotate", "-g", &mini(), "e", "f", "-o", "o4/"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        files(&d.join("o4")),
        ["a.text.jsonl", "a.txt.jsonl", "b.jsonl"]
    );
    assert_eq!(
        record(&d.join("o4/a.text.jsonl")).text,
        "relationship networks"
    );
}

/// A streamed JSONL input whose output cannot be written (here: over the file-size limit,
/// as a full disk would), then a small one: the small one gets its own, whole output (was:
/// its records were appended to the failed input's temporary file, and lost with it, or
/// saved under the other input's name).
#[test]
fn a_failed_streamed_output_is_not_continued_by_the_next_input() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut big = String::new();
    for i in 0..3000 {
        big.push_str(&format!(
            "{{\"n\":{i},\"text\":\"Officials acting as protective umbrellas for the relationship networks, a nail case.\"}}\n"
        ));
    }
    write(&d.join("in/a.jsonl"), &big);
    write(&d.join("in/b.jsonl"), "{\"n\":1,\"text\":\"nail case\"}\n");
    // `ulimit -f 200`: at most 100 KB (dash counts 512-byte blocks) or 200 KB per written
    // file; a.jsonl's output is over 1 MB. SIGXFSZ ignored, so a write past the limit fails
    // with EFBIG instead of ending the process.
    let o = Command::new("sh")
        .current_dir(d)
        .args([
            "-c",
            "trap '' XFSZ; ulimit -f 200; exec \"$0\" \"$@\"",
            env!("CARGO_BIN_EXE_tifa"),
            "annotate",
            "-g",
            &mini(),
            "--input",
            "jsonl",
            "in/a.jsonl",
            "in/b.jsonl",
            "-o",
            "out/",
        ])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("File too large"), "{err}");
    assert_eq!(files(&d.join("out")), ["b.jsonl"], "{err}");
    let b = fs::read_to_string(d.join("out/b.jsonl")).unwrap();
    assert_eq!(b.lines().count(), 1, "{b}");
    assert!(
        b.starts_with("{\"n\":1,\"text\":\"nail case\",\"spans\":["),
        "{b}"
    );
}

/// `--summary` naming the output file, or one of the outputs in a folder: refused before
/// any work, the old output untouched (was: the summary replaced the output).
#[test]
fn a_summary_naming_an_output_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(&d.join("a.txt"), "nail case");
    write(&d.join("in/b.txt"), "nail case");
    write(&d.join("out.jsonl"), "earlier output\n");
    for (args, summary, output) in [
        (vec!["a.txt", "-o", "out.jsonl"], "out.jsonl", "out.jsonl"),
        (vec!["a.txt", "-o", "out.jsonl"], "./out.jsonl", "out.jsonl"),
        (vec!["in", "-o", "o/"], "o/b.jsonl", "o/b.jsonl"),
        (
            vec!["a.txt", "-f", "html", "-o", "h/"],
            "h/index.html",
            "h/index.html",
        ),
    ] {
        let m = mini();
        let mut all = vec!["annotate", "-g", &m];
        all.extend(args);
        all.extend(["--summary", summary]);
        let o = tifa(d, &all);
        assert_eq!(o.status.code(), Some(2), "{all:?}: {}", stderr(&o));
        assert_eq!(
            stderr(&o),
            format!(
                "tifa: {summary}: the summary would overwrite the output {output}; choose \
                 another summary file\n"
            )
        );
    }
    assert_eq!(
        fs::read_to_string(d.join("out.jsonl")).unwrap(),
        "earlier output\n"
    );
    assert!(!d.join("o").exists() && !d.join("h").exists());
    assert_eq!(files(d).len(), 3, "{:?}", files(d));
}

/// Standard output redirected onto an input (`1<> x.jsonl`), or into an input folder (`>
/// in/all.jsonl`): refused, the input untouched (was: the input overwritten while read).
#[test]
fn standard_output_onto_an_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text = "{\"n\":1,\"text\":\"nail case\"}\n".repeat(200);
    write(&d.join("x.jsonl"), &text);
    write(&d.join("in/a.txt"), "nail case");
    let run = |args: &[&str], stdin: Stdio, stdout: fs::File| {
        Command::new(env!("CARGO_BIN_EXE_tifa"))
            .current_dir(d)
            .args(["annotate", "-g", &mini()])
            .args(args)
            .stdin(stdin)
            .stdout(stdout)
            .output()
            .unwrap()
    };
    let rw = || {
        fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(d.join("x.jsonl"))
            .unwrap()
    };
    let o = run(&["--input", "jsonl", "x.jsonl"], Stdio::null(), rw());
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        "tifa: standard output: output would overwrite the input x.jsonl; choose another \
         output file\n"
    );
    // Standard input and standard output the same file (`< x.jsonl 1<> x.jsonl`).
    let o = run(&["--input", "jsonl"], Stdio::from(rw()), rw());
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("read from standard input"),
        "{}",
        stderr(&o)
    );
    assert_eq!(fs::read_to_string(d.join("x.jsonl")).unwrap(), text);

    let o = run(
        &["in"],
        Stdio::null(),
        fs::File::create(d.join("in/all.jsonl")).unwrap(),
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("the input in/all.jsonl"),
        "{}",
        stderr(&o)
    );
    assert_eq!(fs::read_to_string(d.join("in/a.txt")).unwrap(), "nail case");

    // Standard output to another file is fine.
    let o = run(
        &["in/a.txt"],
        Stdio::null(),
        fs::File::create(d.join("ok.jsonl")).unwrap(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(record(&d.join("ok.jsonl")).text, "nail case");
}

/// `tifa annotate in -o in/out/` twice: the second run does not read the first run's
/// outputs (was: it annotated them, and their outputs, on every run). `-o in` is refused.
#[test]
fn an_output_folder_inside_an_input_folder_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(&d.join("in/a.txt"), "nail case");
    write(&d.join("in/sub/b.txt"), "protective umbrellas");
    let first = tifa(d, &["annotate", "-g", &mini(), "in", "-o", "in/out/"]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert_eq!(stderr(&first), "", "nothing in the folder yet");
    let second = tifa(d, &["annotate", "-g", &mini(), "in", "-o", "in/out/"]);
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    assert_eq!(
        stderr(&second),
        "tifa: note: in/out/: the output folder is inside an input folder; 2 files in it not \
         read as input\n"
    );
    assert_eq!(files(&d.join("in/out")), ["a.jsonl", "sub/b.jsonl"]);
    assert_eq!(record(&d.join("in/out/a.jsonl")).path, "in/a.txt");

    let o = tifa(d, &["annotate", "-g", &mini(), "in", "-o", "in"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).starts_with("tifa: in: the output folder is the input folder in;"),
        "{}",
        stderr(&o)
    );
    assert_eq!(files(&d.join("in")).len(), 4, "nothing written");
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(p).unwrap().permissions().mode() & 0o7777
}

/// A re-run keeps an existing output's mode (was: 0644 or 0600, whatever it had been), and
/// writes through a symbolic link: the link stays, the file it names is replaced (was: the
/// link replaced by a plain file). A link to nothing is refused.
#[cfg(unix)]
#[test]
fn a_replaced_output_keeps_its_mode_and_links() {
    use std::os::unix::fs::{symlink, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(&d.join("a.txt"), "nail case");
    for (name, m) in [
        ("out.jsonl", 0o640),
        ("ro.jsonl", 0o444),
        ("x.jsonl", 0o755),
    ] {
        write(&d.join(name), "old\n");
        fs::set_permissions(d.join(name), fs::Permissions::from_mode(m)).unwrap();
        let o = tifa(d, &["annotate", "-g", &mini(), "a.txt", "-o", name]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_eq!(mode(&d.join(name)), m, "{name}");
        assert_eq!(record(&d.join(name)).text, "nail case");
    }
    // The summary and the outputs in a folder likewise.
    write(&d.join("o/a.jsonl"), "old\n");
    fs::set_permissions(d.join("o/a.jsonl"), fs::Permissions::from_mode(0o600)).unwrap();
    write(&d.join("s.csv"), "old\n");
    fs::set_permissions(d.join("s.csv"), fs::Permissions::from_mode(0o604)).unwrap();
    let o = tifa(
        d,
        &[
            "annotate",
            "-g",
            &mini(),
            "a.txt",
            "-o",
            "o/",
            "--summary",
            "s.csv",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        (mode(&d.join("o/a.jsonl")), mode(&d.join("s.csv"))),
        (0o600, 0o604)
    );

    write(&d.join("kept/real.jsonl"), "old\n");
    symlink("kept/real.jsonl", d.join("link.jsonl")).unwrap();
    let o = tifa(d, &["annotate", "-g", &mini(), "a.txt", "-o", "link.jsonl"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(fs::symlink_metadata(d.join("link.jsonl"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(record(&d.join("kept/real.jsonl")).text, "nail case");
    assert_eq!(
        files(&d.join("kept")),
        ["real.jsonl"],
        "no temporary file left"
    );

    symlink("nowhere/x.jsonl", d.join("dangling.jsonl")).unwrap();
    let o = tifa(
        d,
        &["annotate", "-g", &mini(), "a.txt", "-o", "dangling.jsonl"],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).starts_with("tifa: dangling.jsonl: a symbolic link to nothing"),
        "{}",
        stderr(&o)
    );
    assert!(!d.join("nowhere").exists());
}

/// The system calls of `tifa ARGS` run in `dir`, those named in `calls` (strace's
/// `trace=`), each line's call with its arguments and result; `None` (the test skipped)
/// where strace is not installed.
fn traced(dir: &Path, calls: &str, args: &[&str]) -> Option<String> {
    if Command::new("strace").arg("-V").output().is_err() {
        eprintln!("strace is not installed: skipped");
        return None;
    }
    let o = Command::new("strace")
        .current_dir(dir)
        .args(["-f", "-o", "trace", "-e", &format!("trace={calls}")])
        .arg(env!("CARGO_BIN_EXE_tifa"))
        .args(args)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    Some(fs::read_to_string(dir.join("trace")).unwrap())
}

/// The call of each line of a trace, without its process id.
fn calls(trace: &str) -> Vec<&str> {
    trace
        .lines()
        .filter_map(|l| l.split_once(' ').map(|(_, c)| c.trim_start()))
        .collect()
}

/// The temporary output is flushed to disk (fsync) before it is renamed into place, and the
/// folder after: seen with strace, where it is installed.
#[test]
fn the_output_is_on_disk_before_its_rename() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(&d.join("a.txt"), "nail case");
    let mini = mini();
    let args = ["annotate", "-g", &mini, "a.txt", "-o", "out.jsonl"];
    let Some(trace) = traced(d, "openat,fsync,fdatasync,rename,renameat,renameat2", &args) else {
        return;
    };
    let calls = calls(&trace);
    // The temporary file's descriptor, from its openat.
    let open = calls
        .iter()
        .find(|c| c.starts_with("openat(") && c.contains(".tifa-"))
        .unwrap_or_else(|| panic!("no temporary file opened:\n{trace}"));
    let fd = open.rsplit("= ").next().unwrap().trim();
    let synced = calls
        .iter()
        .position(|c| c.starts_with(&format!("fsync({fd})")))
        .unwrap_or_else(|| panic!("the temporary file (fd {fd}) never synced:\n{trace}"));
    let renamed = calls
        .iter()
        .position(|c| c.starts_with("rename") && c.contains("out.jsonl"))
        .unwrap_or_else(|| panic!("no rename:\n{trace}"));
    assert!(synced < renamed, "fsync after the rename:\n{trace}");
    assert!(
        calls[renamed..].iter().any(|c| c.starts_with("fsync(")),
        "the folder is not synced after the rename:\n{trace}"
    );
}

/// A folder of outputs: each file is synced before its rename, and each folder once, after
/// the renames into it (not once per file).
#[test]
fn a_folder_of_outputs_is_synced_once_after_its_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for f in ["in/a.txt", "in/b.txt", "in/sub/c.txt"] {
        fs::create_dir_all(d.join(f).parent().unwrap()).unwrap();
        write(&d.join(f), "nail case");
    }
    // Without the cache: a cache miss writes (and syncs) the compiled glossary too.
    let mini = mini();
    let args = [
        "annotate",
        "--no-cache",
        "-g",
        &mini,
        "-f",
        "csv",
        "in",
        "-o",
        "out/",
    ];
    let Some(trace) = traced(d, "fsync,rename,renameat,renameat2", &args) else {
        return;
    };
    let calls: Vec<&str> = calls(&trace)
        .into_iter()
        .filter(|c| c.starts_with("fsync(") || c.starts_with("rename"))
        .collect();
    let renames: Vec<usize> = (0..calls.len())
        .filter(|&i| calls[i].starts_with("rename"))
        .collect();
    assert_eq!(renames.len(), 3, "{trace}");
    for &r in &renames {
        assert!(r > 0 && calls[r - 1].starts_with("fsync("), "{trace}");
    }
    // After the last rename: the two folders, out/ and out/sub/, once each.
    let last = *renames.last().unwrap();
    assert_eq!(calls.len() - last - 1, 2, "{trace}");
    assert!(
        calls[last + 1..].iter().all(|c| c.starts_with("fsync(")),
        "{trace}"
    );
}

/// Temporary files left by a killed run are removed by the next run writing into their
/// folder, when they are tifa's own name, over a minute old and not held by a live process
/// (a lock tells); nothing else is touched.
#[test]
fn leftovers_of_a_killed_run_are_removed_by_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(&d.join("a.txt"), "nail case");
    let old = SystemTime::now() - Duration::from_secs(3600);
    let make = |name: &str, aged: bool| {
        let p = d.join("out").join(name);
        write(&p, "partial");
        if aged {
            fs::File::options()
                .write(true)
                .open(&p)
                .unwrap()
                .set_modified(old)
                .unwrap();
        }
    };
    make(".tifa-Ab12xZ.part", true); // a killed run's: removed
    make(".tifa-q9Q9q9.part", false); // just made: may be a live run's, kept
    make(".tifa-held01.part", true); // held by a live process below: kept
    make(".tifa-notours.part", true); // not our pattern: kept
    make("tifa-Ab12xZ.part", true); // kept
    make("notes.txt", true); // kept
    make("sub/.tifa-Cd34yW.part", true); // another folder, not written into: kept
    let held = fs::File::open(d.join("out/.tifa-held01.part")).unwrap();
    held.lock().unwrap();
    let o = tifa(
        d,
        &["annotate", "-g", &mini(), "a.txt", "-o", "out/all.jsonl"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    drop(held);
    assert_eq!(
        files(&d.join("out")),
        [
            ".tifa-held01.part",
            ".tifa-notours.part",
            ".tifa-q9Q9q9.part",
            "all.jsonl",
            "notes.txt",
            "sub/.tifa-Cd34yW.part",
            "tifa-Ab12xZ.part",
        ]
    );
}

/// `--summary in/summary.json`, an output file inside an input folder: the second run leaves
/// the first run's file out of the walk with a note and replaces it (was: allowed once, then
/// refused as "would overwrite the input"). An input named by the user is still refused.
#[test]
fn output_file_inside_an_input_folder_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(&d.join("in/a.txt"), "nail case");
    let args = [
        "annotate",
        "-g",
        &mini(),
        "in",
        "-o",
        "out",
        "--summary",
        "in/summary.json",
    ];
    let o = tifa(d, &args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(files(&d.join("out")), ["a.jsonl"]);
    let o = tifa(d, &args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("in/summary.json: the output file is inside an input folder"),
        "{}",
        stderr(&o)
    );
    assert_eq!(files(&d.join("out")), ["a.jsonl"]);
    assert!(fs::read_to_string(d.join("in/summary.json"))
        .unwrap()
        .contains("a.txt"));
    let o = tifa(
        d,
        &[
            "annotate",
            "-g",
            &mini(),
            "in/summary.json",
            "-o",
            "in/summary.json",
        ],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(fs::read_to_string(d.join("in/summary.json"))
        .unwrap()
        .contains("a.txt"));
}

/// `-j 100000` runs with as many workers as there is work (was: minutes spent starting
/// threads, then an abort).
#[test]
fn workers_are_capped_by_the_work() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(&d.join("a.txt"), "nail case");
    write(&d.join("r.jsonl"), "{\"text\":\"nail case\"}\n");
    let m = mini();
    for args in [
        ["annotate", "-j", "100000", "a.txt"].as_slice(),
        &["annotate", "-j", "100000", "--input", "jsonl", "r.jsonl"],
        &["discover", "-j", "100000", "a.txt"],
    ] {
        let o = tifa(d, &[args, &["-g", &m]].concat());
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    }
}

/// A glossary form over 1,500 characters is an error naming its file, line and column, found
/// at once (was: a 100 KB form took half a minute to load and exhausted memory with
/// `--overlapping`). The longest curated form is well within the bound.
#[test]
fn a_glossary_form_has_a_bounded_length() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let head = "id,zh,pinyin,en,en_alt,category,definition\n";
    let long = "umbrella ".repeat(100_000 / 9);
    write(
        &d.join("g.csv"),
        &format!(
            "{head}bao-hu-san,保护伞,bǎo hù sǎn,protectors,{long},campaign,Shields.\n\
             guan-xi-wang,{},guān xì wǎng,networks,,campaign,Webs.\n",
            "关".repeat(1_501)
        ),
    );
    write(&d.join("a.txt"), "protectors");
    let o = tifa(d, &["annotate", "-g", "g.csv", "a.txt"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        format!(
            "g.csv:2:5: error: a form in column \"en_alt\" is {} characters long; forms are at \
             most 1500 (is a closing quote missing?)\n\
             g.csv:3:2: error: a form in column \"zh\" is 1501 characters long; forms are at \
             most 1500 (is a closing quote missing?)\n\
             tifa: the glossary is unusable; fix the errors above\n",
            long.trim().chars().count()
        )
    );
    // At the bound: accepted.
    write(
        &d.join("ok.csv"),
        &format!(
            "{head}bao-hu-san,保护伞,bǎo hù sǎn,protectors,{},campaign,Shields.\n",
            "u".repeat(1_500)
        ),
    );
    let o = tifa(d, &["annotate", "-g", "ok.csv", "a.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}
