//! Replays every committed fuzz corpus input (`fuzz/corpus/TARGET/`) through the same
//! target body the fuzzer runs (`target_TARGET` in tests/support/invariants.rs), under
//! plain `cargo test`: the corpora guard against regressions without cargo-fuzz, a
//! sanitizer or a nightly compiler. `scripts/fuzz-replay` does the same through the real
//! fuzz binaries.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use rayon::prelude::*;

#[path = "support/invariants.rs"]
mod invariants;

fn replay(target: &str, body: fn(&[u8])) {
    // REPLAY_DIR=DIR replays another folder instead (say, fuzz/artifacts/TARGET).
    let dir = match std::env::var_os("REPLAY_DIR") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz/corpus")
            .join(target),
    };
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "{target}: empty corpus");
    let failed: Vec<String> = inputs
        .par_iter()
        .filter_map(|p| {
            let data = std::fs::read(p).unwrap();
            catch_unwind(AssertUnwindSafe(|| body(&data)))
                .err()
                .map(|_| p.display().to_string())
        })
        .collect();
    assert!(
        failed.is_empty(),
        "{target}: {} of {} inputs fail: {failed:?}",
        failed.len(),
        inputs.len()
    );
}

#[test]
fn normalize_corpus() {
    replay("normalize", invariants::target_normalize);
}

#[test]
fn annotate_corpus() {
    replay("annotate", invariants::target_annotate);
}

#[test]
fn glossary_csv_corpus() {
    replay("glossary_csv", invariants::target_glossary_csv);
}

#[test]
fn tmx_corpus() {
    replay("tmx", invariants::target_tmx);
}

#[test]
fn xliff_corpus() {
    replay("xliff", invariants::target_xliff);
}

#[test]
fn tbx_corpus() {
    replay("tbx", invariants::target_tbx);
}
