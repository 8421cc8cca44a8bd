//! The second test suite: tests over the team's shared fixtures, `../shared` beside the
//! repository (a machine-translated release in `seeds/`, third-party TBX, TMX, XLIFF and
//! OmegaT files in `testdata/`). They are compiled only with `--features shared-tests`
//! (`.ci/run` does); plain `cargo test` uses the fixtures inside the repository only.

use std::io::Write;
use std::path::Path;
use std::sync::Mutex;

/// What the shared suite reads, relative to the package root.
const NEEDED: &[&str] = &[
    "../shared/seeds/000_233ae4298ae7c3b1.txt",
    "../shared/testdata/tbx",
    "../shared/testdata/glossary",
    "../shared/testdata/tmx",
    "../shared/testdata/xliff",
];

static REPORTED: Mutex<()> = Mutex::new(());

/// Called first by every shared test: when a fixture is missing, the test run ends at once
/// with one line naming it and saying how to get it (not a panic per test).
pub fn need() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let missing: Vec<&str> = NEEDED
        .iter()
        .copied()
        .filter(|p| !root.join(p).exists())
        .collect();
    if missing.is_empty() {
        return;
    }
    // Held until the process exits, so other test threads print nothing more.
    let _guard = REPORTED.lock();
    // Written to the stderr handle directly: the test harness captures `eprintln!`.
    let _ = writeln!(
        std::io::stderr(),
        "shared-tests: missing {} ({}): put the team's shared folder (seeds/, testdata/) beside \
         the repository as ../shared, or run plain `cargo test`, which needs nothing outside it",
        missing.join(", "),
        root.parent().unwrap_or(root).join("shared").display(),
    );
    std::process::exit(1);
}
