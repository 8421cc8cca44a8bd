//! The command line: clap's view of the arguments, one file per subcommand, each turning its
//! arguments into a library config at once and running it. Argument groups that several
//! subcommands share live here. Nothing here prints: messages go to a [`Console`], which
//! `main` provides.

pub mod annotate;
pub mod check;
pub mod discover;
pub mod glossary;

use std::io::{self, Write};
use std::mem::ManuallyDrop;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

use clap::{Args, Parser, Subcommand};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::flag;

use tifa::batch::corpus::{for_each_document, Event};
use tifa::diagnostics::Message;
use tifa::glossary::{self as model, GlossaryError, GlossarySource, Problem};
use tifa::matcher::cache::{self, Cache};
use tifa::matcher::Matcher;

/// Exit statuses of `DESIGN.md`: some input failed.
pub const FAILED_INPUT: u8 = 1;
/// The command could not run at all (bad arguments, an unusable glossary).
pub const UNUSABLE: u8 = 2;
/// 128 + SIGINT, as shells report an interrupted command.
pub const INTERRUPTED: u8 = 130;

/// The signals that stop a run cleanly: Ctrl-C, `kill` (a service manager stopping it) and a
/// closed terminal.
const STOP_SIGNALS: [i32; 3] = [SIGINT, SIGTERM, SIGHUP];

/// The stop request: set by SIGINT, SIGTERM or SIGHUP, read by the library between pieces
/// of work (the `cancel` flag of `tifa::batch::run`), which then removes its temporary
/// outputs. A second signal ends the process at once.
pub struct Stop {
    /// Set when a stop signal arrives.
    pub cancel: Arc<AtomicBool>,
    /// The signal that arrived (its number), or 0.
    signal: Arc<AtomicUsize>,
}

impl Stop {
    /// Installs the handlers. Until then a signal ends the process as usual, which is fine
    /// before any output is opened.
    pub fn install() -> io::Result<Stop> {
        let stop = Stop {
            cancel: Arc::new(AtomicBool::new(false)),
            signal: Arc::new(AtomicUsize::new(0)),
        };
        for sig in STOP_SIGNALS {
            // In this order: the first signal finds the flag clear and only sets it; a second
            // finds it set and exits (signal-hook runs actions in registration order).
            flag::register_conditional_shutdown(sig, 128 + sig, Arc::clone(&stop.cancel))?;
            flag::register_usize(sig, Arc::clone(&stop.signal), sig as usize)?;
            flag::register(sig, Arc::clone(&stop.cancel))?;
        }
        Ok(stop)
    }

    /// The exit status for the signal that stopped the run: 128 + its number, as shells
    /// report a command a signal ended (130, 143, 129).
    pub fn status(&self) -> u8 {
        match self.signal.load(Ordering::Relaxed) {
            0 => INTERRUPTED,
            n => 128u8.saturating_add(n as u8),
        }
    }

    /// What stopped the run, for its one message.
    pub fn reason(&self) -> &'static str {
        match self.signal.load(Ordering::Relaxed) as i32 {
            SIGTERM => "terminated (SIGTERM)",
            SIGHUP => "hung up (SIGHUP)",
            _ => "interrupted",
        }
    }
}

/// Where a command's messages go: standard error, through `main`.
pub trait Console {
    /// An error, warning, note or progress report.
    fn message(&mut self, m: Message);
    /// A line as it is (a glossary problem, a summary).
    fn line(&mut self, s: &str);
    /// The progress display is no longer needed.
    fn finish_progress(&mut self) {}
}

/// Find Chinese official formulations (提法) in Chinese and English text and link each to a
/// curated bilingual glossary.
#[derive(Debug, Parser)]
#[command(name = "tifa", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Annotate files, folders (recursively) or standard input.
    Annotate(annotate::AnnotateArgs),
    /// Work with glossary files.
    #[command(subcommand)]
    Glossary(glossary::GlossaryCommand),
    /// Candidate terms the glossary lacks, as a glossary CSV to curate; with `--aligned`,
    /// new English forms for known entries from aligned segments.
    Discover(discover::DiscoverArgs),
    /// Bilingual term QA of aligned Chinese/English segments (TSV, TMX, XLIFF, or two
    /// line-aligned files): literal renderings, missing terms, untranslated Chinese.
    Check(check::CheckArgs),
}

/// Runs a command; its output goes to `out` (standard output), its messages to `console`.
/// Returns the exit status.
pub fn run(cli: Cli, out: &mut dyn Write, console: &mut dyn Console) -> io::Result<u8> {
    match cli.command {
        Command::Annotate(args) => annotate::run(args, out, console),
        Command::Check(args) => check::run(args, out, console),
        Command::Glossary(cmd) => glossary::run(cmd, out, console),
        Command::Discover(args) => discover::run(args, out, console),
    }
}

#[derive(Debug, Args)]
pub struct GlossaryArgs {
    /// Glossary CSV file or folder (repeatable); `builtin` names the compiled-in glossary.
    /// Without this flag the compiled-in glossary is used.
    #[arg(short = 'g', long = "glossary", value_name = "PATH")]
    pub glossary: Vec<PathBuf>,
    /// Compile the glossary afresh, without reading or writing the cache of compiled
    /// glossaries ($TIFA_CACHE_DIR, else $XDG_CACHE_HOME/tifa, else ~/.cache/tifa).
    #[arg(long)]
    pub no_cache: bool,
}

impl GlossaryArgs {
    pub fn sources(&self) -> Vec<GlossarySource> {
        if self.glossary.is_empty() {
            return vec![GlossarySource::Builtin];
        }
        self.glossary
            .iter()
            .map(|p| {
                if p.as_os_str() == "builtin" {
                    GlossarySource::Builtin
                } else {
                    GlossarySource::Path(p.clone())
                }
            })
            .collect()
    }
}

/// How a corpus is read: shared by `annotate`, `glossary build` and `discover`.
#[derive(Debug, Args)]
pub struct ReadArgs {
    /// Replace invalid UTF-8 with U+FFFD (with a warning) instead of skipping the file.
    #[arg(long)]
    pub lossy: bool,
    /// Number of parallel workers (default: all cores).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
}

impl ReadArgs {
    /// The number of workers.
    pub fn jobs(&self) -> usize {
        self.jobs
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
    }
}

/// Loads the glossary, reporting its problems; `None` when it is unusable.
pub fn load(sources: &[GlossarySource], console: &mut dyn Console) -> Option<model::Glossary> {
    match model::load(sources) {
        Ok((g, warnings)) => {
            report(&warnings, console);
            Some(g)
        }
        Err(GlossaryError { problems }) => {
            unusable(&problems, console);
            None
        }
    }
}

/// Loads and compiles the glossary, through the cache of compiled glossaries unless
/// `--no-cache`, reporting its problems; `None` when it is unusable. A cache that cannot be
/// written is no error: the run goes on. The matcher is never dropped: the process ends
/// after the command, and freeing hundreds of thousands of strings one by one first would
/// cost a tenth of a second with CC-CEDICT. A cache file is read on two threads when the run
/// has more than one worker (`jobs`). A command that finds every match (`overlapping`) gets
/// its automaton ready here, from the cache when it is there.
pub fn compile(
    args: &GlossaryArgs,
    jobs: usize,
    overlapping: bool,
    console: &mut dyn Console,
) -> Option<ManuallyDrop<Matcher>> {
    let cache = if args.no_cache {
        None
    } else {
        Cache::from_env()
    };
    match cache::compile_on(&args.sources(), cache.as_ref(), jobs) {
        Ok(compiled) => {
            report(&compiled.warnings, console);
            if overlapping {
                compiled.ready_overlapping();
            }
            Some(ManuallyDrop::new(compiled.matcher))
        }
        Err(GlossaryError { problems }) => {
            unusable(&problems, console);
            None
        }
    }
}

fn report(problems: &[Problem], console: &mut dyn Console) {
    for p in problems {
        console.line(&p.to_string());
    }
}

fn unusable(problems: &[Problem], console: &mut dyn Console) {
    report(problems, console);
    console.line("tifa: the glossary is unusable; fix the errors above");
}

/// Refuses an output file that would replace one of the inputs (exit status 2).
pub fn refuse_overwrite(
    output: Option<&std::path::Path>,
    inputs: &[PathBuf],
    console: &mut dyn Console,
) -> Option<u8> {
    let e = tifa::output::refuse_overwrite(output?, inputs)?;
    console.line(&format!("tifa: {e}"));
    Some(UNUSABLE)
}

/// Reads every document of `paths` (none: standard input), summarizes each on the workers
/// and hands the summaries to `keep` in input order, reporting unreadable inputs; returns the
/// number of those.
pub fn read_corpus<T: Send>(
    paths: &[PathBuf],
    read: &ReadArgs,
    summarize: impl Fn(&str, &str) -> T + Sync,
    mut keep: impl FnMut(T),
    console: &mut dyn Console,
) -> io::Result<u64> {
    let mut failed = 0;
    for_each_document(
        paths,
        read.jobs(),
        read.lossy,
        summarize,
        |event| match event {
            Event::Document(t, warning) => {
                if let Some(w) = warning {
                    console.message(Message::Warning(w.to_string()));
                }
                keep(t);
            }
            Event::Error(e) => {
                failed += 1;
                console.message(Message::Error(e.to_string()));
            }
            Event::Note(n) => console.message(Message::Note(n)),
        },
    )?;
    Ok(failed)
}
