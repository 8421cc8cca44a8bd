//! The second test suite: tests over the team's shared fixtures, `../shared` beside the
//! repository (a machine-translated release in `seeds/`, third-party TBX, TMX, XLIFF and
//! OmegaT files in `testdata/`). They are compiled only with `--features shared-tests`
//! (`.ci/run` does); plain `cargo test` uses the fixtures inside the repository only.

use std::io::Write;
use std::path::Path;
use std::sync::Mutex;

/// What the shared suite reads, relative to the shared folder.
const NEEDED: &[&str] = &[
    "seeds/000_233ae4298ae7c3b1.txt",
    "testdata/tbx",
    "testdata/glossary",
    "testdata/tmx",
    "testdata/xliff",
];

static REPORTED: Mutex<()> = Mutex::new(());

/// The shared folder as the tests name it: `$TIFA_SHARED` when set (for a checkout that
/// does not sit beside it, such as a git worktree), else `../shared`.
pub fn root() -> String {
    std::env::var("TIFA_SHARED").unwrap_or_else(|_| "../shared".to_string())
}

/// A shared fixture's path, as the tests pass it to tifa (relative to the package root
/// unless `TIFA_SHARED` is absolute); checks the fixtures first, see [`need`].
pub fn path(rel: &str) -> &'static str {
    need();
    Box::leak(format!("{}/{rel}", root()).into_boxed_str())
}

/// Called first by every shared test: when a fixture is missing, the test run ends at once
/// with one line naming it and saying how to get it (not a panic per test).
pub fn need() {
    let package = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = package.join(root());
    let missing: Vec<String> = if root.is_dir() {
        NEEDED
            .iter()
            .map(|p| root.join(p))
            .filter(|p| !p.exists())
            .map(|p| p.display().to_string())
            .collect()
    } else {
        let named = self::root();
        if Path::new(&named).is_absolute() {
            vec![format!("the folder {named}")]
        } else {
            vec![format!("the folder {named} (from {})", package.display())]
        }
    };
    if missing.is_empty() {
        return;
    }
    // Held until the process exits, so other test threads print nothing more.
    let _guard = REPORTED.lock();
    // Written to the stderr handle directly: the test harness captures `eprintln!`.
    let _ = writeln!(
        std::io::stderr(),
        "shared-tests: missing {}: put the team's shared folder (seeds/, testdata/) beside the \
         repository as ../shared or name it with TIFA_SHARED=DIR, or run plain `cargo test`, \
         which needs nothing outside the repository",
        missing.join(", "),
    );
    std::process::exit(1);
}
