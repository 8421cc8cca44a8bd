//! The `tifa` binary: parses arguments, runs a command, prints messages, sets the exit status.
//! This is the only place that prints errors.

mod check_cli;
mod cli;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use clap::Parser;

use cli::{Cli, Command, GlossaryCommand};
use tifa::batch::{self, Message};
use tifa::glossary::{self, GlossaryError, GlossarySource, Problem, Severity};
use tifa::matcher::Matcher;

/// Exit statuses of `DESIGN.md`.
const FAILED_INPUT: u8 = 1;
const UNUSABLE: u8 = 2;
/// 128 + SIGINT, as shells report an interrupted command.
const INTERRUPTED: u8 = 130;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tifa: {e}");
            ExitCode::from(UNUSABLE)
        }
    }
}

fn run(cli: Cli) -> io::Result<u8> {
    match cli.command {
        Command::Annotate(args) => {
            let Some(matcher) = compile(&args.glossary.sources()) else {
                return Ok(UNUSABLE);
            };
            let config = args.config();
            let interactive = io::stderr().is_terminal() && !args.quiet;
            let bar = progress_bar(interactive);
            let cancel = Arc::new(AtomicBool::new(false));
            let flag = cancel.clone();
            // Ctrl-C stops after the chunk in progress, so temporary outputs are removed.
            let _ = ctrlc::set_handler(move || flag.store(true, Ordering::Relaxed));
            let stdout = io::stdout();
            let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
            let mut print = |m: Message| match m {
                Message::Error(s) => bar.suspend(|| eprintln!("tifa: error: {s}")),
                Message::Warning(s) => bar.suspend(|| eprintln!("tifa: warning: {s}")),
                Message::Note(s) => bar.suspend(|| eprintln!("tifa: note: {s}")),
                Message::Progress {
                    documents,
                    bytes,
                    total_bytes,
                } => {
                    if let Some(t) = total_bytes {
                        bar.set_length(t);
                    }
                    bar.set_position(bytes);
                    bar.set_message(format!("{documents} documents"));
                }
            };
            let result = batch::run(&config, &matcher, &mut out, &mut print, &cancel);
            bar.finish_and_clear();
            let report = match result {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {
                    eprintln!("tifa: {e}");
                    return Ok(INTERRUPTED);
                }
                r => r?,
            };
            out.flush()?;
            if (interactive || args.stats) && !args.quiet {
                eprintln!("tifa: {}", report.summary());
            }
            Ok(if report.errors > 0 { FAILED_INPUT } else { 0 })
        }
        Command::Check(args) => check_cli::run(args),
        Command::Glossary(GlossaryCommand::Lint(args)) => {
            let sources: Vec<GlossarySource> = if args.paths.is_empty() {
                vec![GlossarySource::Builtin]
            } else {
                args.paths.into_iter().map(GlossarySource::Path).collect()
            };
            let problems = glossary::lint(&sources);
            let errors = problems
                .iter()
                .filter(|p| p.severity == Severity::Error)
                .count();
            let warnings = problems.len() - errors;
            for p in &problems {
                eprintln!("{p}");
            }
            eprintln!("{errors} errors, {warnings} warnings");
            Ok(if errors > 0 { UNUSABLE } else { 0 })
        }
    }
}

/// A progress bar on standard error (documents, MB, MB/s, ETA), hidden when not interactive.
fn progress_bar(interactive: bool) -> ProgressBar {
    if !interactive {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(
            "{msg} {bytes}/{total_bytes} {binary_bytes_per_sec} ETA {eta} {wide_bar}",
        )
        .expect("the template is valid"),
    );
    bar
}

/// Loads and compiles the glossary, printing its problems; `None` when it is unusable.
pub(crate) fn compile(sources: &[GlossarySource]) -> Option<Matcher> {
    let report = |problems: &[Problem]| {
        for p in problems {
            eprintln!("{p}");
        }
    };
    let glossary = match glossary::load(sources) {
        Ok((g, warnings)) => {
            report(&warnings);
            g
        }
        Err(GlossaryError { problems }) => {
            report(&problems);
            eprintln!("tifa: the glossary is unusable; fix the errors above");
            return None;
        }
    };
    match Matcher::new(glossary) {
        Ok(m) => Some(m),
        Err(GlossaryError { problems }) => {
            report(&problems);
            eprintln!("tifa: the glossary is unusable; fix the errors above");
            None
        }
    }
}
