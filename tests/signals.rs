//! Signals (issue 15): SIGTERM and SIGHUP stop a run as Ctrl-C does — no partial output,
//! temporary files removed, one message, exit status 128 + the signal — and a second signal
//! ends the process at once. No timing: each run is blocked reading a pipe when signalled,
//! and the signal is seen when the pipe closes.

#![cfg(unix)]

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

fn mini() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/mini.csv")
        .to_string_lossy()
        .into_owned()
}

/// Every file under `dir`.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(p) = stack.pop() {
        match fs::read_dir(&p) {
            Ok(rd) => stack.extend(rd.map(|e| e.unwrap().path())),
            Err(_) => out.push(p),
        }
    }
    out
}

fn until(what: &str, ready: impl Fn() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(start.elapsed() < Duration::from_secs(60), "never {what}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// `tifa annotate --input jsonl - -o <out>` reading a pipe that stays open: once its
/// temporary output exists, its signal handlers are installed and it is blocked reading.
fn blocked_run(d: &Path, out: &str) -> Child {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tifa"))
        .current_dir(d)
        .args([
            "annotate",
            "-q",
            "-g",
            &mini(),
            "--input",
            "jsonl",
            "-",
            "-o",
            out,
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // One whole record, so the output is not empty when the run is stopped.
    let stdin = child.stdin.as_mut().unwrap();
    stdin.write_all(b"{\"text\":\"nail case\"}\n").unwrap();
    stdin.flush().unwrap();
    let dir = d.join(out).parent().unwrap().to_path_buf();
    until("opened its output", || {
        fs::read_dir(&dir).is_ok_and(|mut r| r.next().is_some())
    });
    // A signal sent while the run still works on the record (a loaded machine) is seen at
    // once, and the run ends before a second one comes.
    until("blocked reading its input", || reading_stdin(child.id()));
    child
}

/// Whether a thread of `pid` is blocked in `read` on its standard input, by
/// `/proc/PID/task/*/syscall` (its first two fields: the system call and its first
/// argument); true where that cannot be read, as the wait for the output file is then all.
fn reading_stdin(pid: u32) -> bool {
    #[cfg(target_arch = "x86_64")]
    const READ: &str = "0";
    #[cfg(target_arch = "aarch64")]
    const READ: &str = "63";
    #[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
    return true;
    #[cfg(any(target_arch = "x86_64", target_arch = "aarch64"))]
    {
        let Ok(tasks) = fs::read_dir(format!("/proc/{pid}/task")) else {
            return true;
        };
        let mut readable = false;
        for t in tasks.flatten() {
            let Ok(call) = fs::read_to_string(t.path().join("syscall")) else {
                continue;
            };
            readable = true;
            let mut fields = call.split_whitespace();
            if fields.next() == Some(READ) && fields.next() == Some("0x0") {
                return true;
            }
        }
        !readable
    }
}

fn kill(child: &Child, signal: &str) {
    let sent = Command::new("kill")
        .args([&format!("-{signal}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success(), "the run was still going when signalled");
}

/// Whether `pid` has a signal pending (sent, not yet delivered).
fn pending(pid: u32) -> bool {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status.lines().any(|l| {
        (l.starts_with("SigPnd:") || l.starts_with("ShdPnd:"))
            && l.split_whitespace()
                .nth(1)
                .is_some_and(|m| !m.trim_matches('0').is_empty())
    })
}

/// SIGINT, SIGTERM, SIGHUP: exit status 130, 143, 129, one line naming the signal, and the
/// output never appears (was: SIGTERM and SIGHUP ended the process at once, leaving its
/// `.tifa-*.part` file, with no message).
#[test]
fn a_stop_signal_leaves_no_partial_output() {
    for (signal, status, message) in [
        ("INT", 130, "tifa: interrupted; no partial output was kept"),
        (
            "TERM",
            143,
            "tifa: terminated (SIGTERM); no partial output was kept",
        ),
        (
            "HUP",
            129,
            "tifa: hung up (SIGHUP); no partial output was kept",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let mut child = blocked_run(d, "res/all.jsonl");
        kill(&child, signal);
        // The run sees the stop once its read returns: close the pipe.
        drop(child.stdin.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(status), "SIG{signal}: {stderr}");
        assert_eq!(stderr.lines().collect::<Vec<_>>(), [message], "SIG{signal}");
        assert_eq!(files(&d.join("res")), Vec::<PathBuf>::new(), "SIG{signal}");
    }
}

/// A second signal ends the process at once, even while it is blocked; the temporary file
/// it leaves is removed by the next run into that folder once it is over a minute old (its
/// lock died with the process).
#[test]
fn a_second_signal_ends_the_run_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut child = blocked_run(d, "res/all.jsonl");
    kill(&child, "TERM");
    // Delivered (and so handled) before the second is sent: two pending signals are one.
    until("delivered the first signal", || !pending(child.id()));
    kill(&child, "TERM");
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("still running after a second SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    assert_eq!(status.code(), Some(143));
    let left = files(&d.join("res"));
    assert_eq!(left.len(), 1, "{left:?}");
    let name = left[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with(".tifa-") && name.ends_with(".part"),
        "{name}"
    );
    drop(child.stdin.take());

    fs::File::options()
        .write(true)
        .open(&left[0])
        .unwrap()
        .set_modified(SystemTime::now() - Duration::from_secs(120))
        .unwrap();
    fs::write(d.join("a.txt"), "nail case").unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_tifa"))
        .current_dir(d)
        .args(["annotate", "-g", &mini(), "a.txt", "-o", "res/a.jsonl"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(files(&d.join("res")), [d.join("res/a.jsonl")]);
}

/// Once stopped, the documents of the chunk in progress that no worker has started are left
/// alone: a stop waits for one document per worker, not for the whole chunk (up to 512
/// documents or 8 MB; was: Ctrl-C took seconds on a corpus of large files). The worker is
/// held on a FIFO among the inputs while the signal is sent.
#[test]
fn a_stop_does_not_wait_for_the_rest_of_the_chunk() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("a.txt"), "nail case").unwrap();
    let made = Command::new("mkfifo").arg(d.join("fifo")).status().unwrap();
    assert!(made.success());
    let mut args = vec!["a.txt".to_string(), "fifo".to_string()];
    for i in 0..50 {
        fs::write(d.join(format!("b{i:02}.txt")), "protective umbrellas").unwrap();
        args.push(format!("b{i:02}.txt"));
    }
    let child = Command::new(env!("CARGO_BIN_EXE_tifa"))
        .current_dir(d)
        .args(["annotate", "-q", "-j1", "-g", &mini(), "-o", "out/"])
        .args(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Opening the FIFO for writing returns once the worker has opened it for reading.
    let fifo = d.join("fifo");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(fs::File::create(fifo).unwrap()));
    let mut writer = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("the worker never opened the FIFO");
    kill(&child, "INT");
    writer.write_all(b"relationship networks").unwrap();
    drop(writer);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert_eq!(files(&d.join("out")), Vec::<PathBuf>::new(), "{stderr}");
}
