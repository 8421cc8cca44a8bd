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
use tifa::plural::count;

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
                    bar.set_message(count(documents, "document", "documents"));
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
            let mut ordinary = Vec::new();
            for path in &args.ordinary {
                match std::fs::read(path) {
                    Ok(bytes) => ordinary.push(glossary::OrdinaryText {
                        name: path.clone(),
                        text: String::from_utf8_lossy(&bytes).into_owned(),
                    }),
                    Err(e) => {
                        eprintln!("tifa: {}: {e}", path.display());
                        return Ok(UNUSABLE);
                    }
                }
            }
            let problems = glossary::lint(&args.sources(), &ordinary);
            let errors = problems
                .iter()
                .filter(|p| p.severity == Severity::Error)
                .count();
            let warnings = problems.len() - errors;
            for p in &problems {
                eprintln!("{p}");
            }
            eprintln!(
                "{}, {}",
                count(errors as u64, "error", "errors"),
                count(warnings as u64, "warning", "warnings")
            );
            Ok(if errors > 0 { UNUSABLE } else { 0 })
        }
        Command::Glossary(GlossaryCommand::Build(args)) => run_build(args),
        Command::Glossary(GlossaryCommand::Import(args)) => run_import(args),
        Command::Glossary(GlossaryCommand::Export(args)) => run_export(args),
        Command::Discover(args) => run_discover(args),
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

// ---- glossary build / import / export, discover ----

/// Refuses an output file that would replace one of the inputs (exit status 2).
fn refuse_overwrite(output: Option<&std::path::Path>, inputs: &[std::path::PathBuf]) -> Option<u8> {
    let input = tifa::source::overwritten_input(output?, inputs)?;
    eprintln!("tifa: {}", batch::overwrite_error(output?, &input));
    Some(UNUSABLE)
}

/// Writes through `f` to FILE (atomically: a temporary file renamed into place) or stdout.
fn write_output(
    path: Option<&std::path::Path>,
    f: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    match path {
        // A device or FIFO (`-o /dev/null`) is written directly: renaming a temporary file
        // over it would replace it with a regular file.
        Some(p) if std::fs::metadata(p).is_ok_and(|m| !m.is_file() && !m.is_dir()) => {
            let mut w = io::BufWriter::new(std::fs::OpenOptions::new().write(true).open(p)?);
            f(&mut w)?;
            w.flush()
        }
        Some(p) if p.as_os_str() != "-" => {
            let mut tmp = batch::temp_beside(p)?;
            {
                let mut w = io::BufWriter::new(tmp.as_file_mut());
                f(&mut w)?;
                w.flush()?;
            }
            tmp.persist(p).map_err(|e| {
                io::Error::new(e.error.kind(), format!("{}: {}", p.display(), e.error))
            })?;
            Ok(())
        }
        _ => {
            let stdout = io::stdout();
            let mut w = io::BufWriter::new(stdout.lock());
            f(&mut w)?;
            w.flush()
        }
    }
}

fn jobs(j: Option<usize>) -> usize {
    j.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// Prints a corpus pass's messages; returns the number of failed inputs.
fn corpus_message<T>(event: tifa::corpus::Event<T>, mut keep: impl FnMut(T)) -> u64 {
    use tifa::corpus::Event;
    match event {
        Event::Document(t, warning) => {
            if let Some(w) = warning {
                eprintln!("tifa: warning: {w}");
            }
            keep(t);
            0
        }
        Event::Error(e) => {
            eprintln!("tifa: error: {e}");
            1
        }
        Event::Note(n) => {
            eprintln!("tifa: note: {n}");
            0
        }
    }
}

fn run_build(args: cli::BuildArgs) -> io::Result<u8> {
    use cli::BuildFormat;
    use tifa::glossary::printable::{self, Item};
    use tifa::glossary::usage::{self, UsageTable};
    if let Some(code) = refuse_overwrite(args.output.as_deref(), &args.paths) {
        return Ok(code);
    }
    let Some(matcher) = compile(&args.glossary.sources()) else {
        return Ok(UNUSABLE);
    };
    let mut table = UsageTable::new();
    let mut failed = 0;
    tifa::corpus::for_each_document(
        &args.paths,
        jobs(args.jobs),
        args.lossy,
        |path, text| usage::summarize(&matcher, path, text),
        |ev| failed += corpus_message(ev, |doc| table.add(&matcher, doc)),
    )?;
    let uses = table.finish();
    write_output(args.output.as_deref(), |out| match args.format {
        BuildFormat::Csv => usage::write_report_csv(&uses, &matcher, out),
        BuildFormat::Json => usage::write_report_json(&uses, &matcher, out),
        BuildFormat::Glossary => {
            let mut entries: Vec<glossary::Entry> = usage::used_entries(&uses, &matcher)
                .into_iter()
                .cloned()
                .collect();
            // Cross-references to entries the corpus does not use would not load.
            let ids: std::collections::HashSet<String> =
                entries.iter().map(|e| e.id.clone()).collect();
            for e in &mut entries {
                e.see_also.retain(|s| ids.contains(s));
            }
            glossary::write_csv(&entries, out)
        }
        BuildFormat::Md | BuildFormat::Html => {
            let items: Vec<Item<'_>> = uses
                .iter()
                .map(|u| Item {
                    entry: &matcher.glossary().entries[u.entry],
                    usage: Some(u),
                })
                .collect();
            if args.format == BuildFormat::Md {
                printable::write_markdown(&items, out)
            } else {
                printable::write_html(&items, out)
            }
        }
    })?;
    Ok(if failed > 0 { FAILED_INPUT } else { 0 })
}

fn run_import(args: cli::ImportArgs) -> io::Result<u8> {
    use tifa::glossary::exchange::{self, ExchangeFormat, ImportOptions};
    // For messages only: a name with a line break is quoted.
    let path = tifa::safe_output::path_in_message(&args.input.to_string_lossy()).into_owned();
    if let Some(code) = refuse_overwrite(args.output.as_deref(), std::slice::from_ref(&args.input))
    {
        return Ok(code);
    }
    let data = match tifa::source::read_all(&args.input) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("tifa: error: {e}");
            return Ok(FAILED_INPUT);
        }
    };
    let format = match args
        .from
        .map(|f| f.format())
        .or_else(|| ExchangeFormat::detect(&args.input, &data))
    {
        Some(f) => f,
        None => {
            eprintln!(
                "tifa: error: {path}: cannot tell the format from the file name; \
                 pass --from tbx|tbx2008|omegat|omegat-csv|cedict|json|csv"
            );
            return Ok(UNUSABLE);
        }
    };
    if !format.can_import() {
        eprintln!("tifa: error: {} is an export-only format", format.name());
        return Ok(UNUSABLE);
    }
    let opts = ImportOptions {
        category: args.category,
        source_lang: args.source_lang,
        target_lang: args.target_lang,
        validate: !args.no_validate,
    };
    let imported = exchange::import(format, &data, &args.input, &opts);
    for p in &imported.problems {
        eprintln!("{p}");
    }
    if imported.has_errors() {
        eprintln!("tifa: {path}: rejected; nothing written");
        return Ok(if imported.lacks_language() {
            UNUSABLE
        } else {
            FAILED_INPUT
        });
    }
    write_output(args.output.as_deref(), |out| {
        glossary::write_csv(&imported.entries, out)
    })?;
    eprintln!(
        "tifa: {path}: {} imported",
        count(imported.entries.len() as u64, "entry", "entries")
    );
    Ok(0)
}

fn run_export(args: cli::ExportArgs) -> io::Result<u8> {
    use tifa::glossary::exchange;
    let format = args.to.format();
    if let Some(code) = refuse_overwrite(args.output.as_deref(), &args.glossary.glossary) {
        return Ok(code);
    }
    if !format.can_export() {
        eprintln!("tifa: error: {} is an import-only format", format.name());
        return Ok(UNUSABLE);
    }
    let glossary = match glossary::load(&args.glossary.sources()) {
        Ok((g, warnings)) => {
            for w in &warnings {
                eprintln!("{w}");
            }
            g
        }
        Err(GlossaryError { problems }) => {
            for p in &problems {
                eprintln!("{p}");
            }
            eprintln!("tifa: the glossary is unusable; fix the errors above");
            return Ok(UNUSABLE);
        }
    };
    write_output(args.output.as_deref(), |out| {
        exchange::export(format, &glossary.entries, out)
    })?;
    Ok(0)
}

fn run_discover(args: cli::DiscoverArgs) -> io::Result<u8> {
    use cli::DiscoverFormat;
    use tifa::discover::{self, aligned, DiscoverOptions, Discovery};
    let inputs: Vec<std::path::PathBuf> = args.paths.iter().chain(&args.aligned).cloned().collect();
    if let Some(code) = refuse_overwrite(args.output.as_deref(), &inputs) {
        return Ok(code);
    }
    let Some(matcher) = compile(&args.glossary.sources()) else {
        return Ok(UNUSABLE);
    };
    if let Some(pairs_path) = &args.aligned {
        let path = pairs_path.to_string_lossy().into_owned();
        let Some(format) = tifa::segment::SegmentFormat::from_path(&path) else {
            eprintln!(
                "tifa: error: {path}: expected aligned segments in a .tsv, .tmx or .xlf file"
            );
            return Ok(UNUSABLE);
        };
        let segments = tifa::source::read_all(&path)
            .map_err(|e| e.to_string())
            .and_then(|raw| {
                tifa::segment::read(&raw, format, &Default::default())
                    .map_err(|e| format!("{path}: {e}"))
            });
        let pairs = match segments {
            Ok(s) => aligned::Pair::from_segments(s),
            Err(e) => {
                eprintln!("tifa: error: {e}");
                return Ok(FAILED_INPUT);
            }
        };
        let mut opts = aligned::AlignedOptions::default();
        if let Some(n) = args.min_count {
            opts.min_joint = n;
        }
        if let Some(n) = args.limit {
            opts.per_entry = n;
        }
        let props = aligned::propose(&matcher, &pairs, &opts);
        write_output(args.output.as_deref(), |out| match args.format {
            Some(DiscoverFormat::Json) => {
                serde_json::to_writer_pretty(&mut *out, &props)?;
                writeln!(out)
            }
            _ => aligned::write_csv(&props, out),
        })?;
        return Ok(0);
    }
    let mut disc = Discovery::new();
    let mut failed = 0;
    tifa::corpus::for_each_document(
        &args.paths,
        jobs(args.jobs),
        args.lossy,
        |path, text| discover::summarize(&matcher, path, text),
        |ev| failed += corpus_message(ev, |doc| disc.add(doc)),
    )?;
    let mut opts = DiscoverOptions::default();
    if let Some(n) = args.min_count {
        opts.min_count = n;
    }
    if let Some(n) = args.limit {
        opts.limit = n;
    }
    let cands = disc.finish(&opts);
    let taken: Vec<&str> = matcher
        .glossary()
        .entries
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    write_output(args.output.as_deref(), |out| {
        match args.format.unwrap_or(DiscoverFormat::Glossary) {
            DiscoverFormat::Glossary => discover::write_csv(&cands, &taken, false, out),
            DiscoverFormat::Csv => discover::write_csv(&cands, &taken, true, out),
            DiscoverFormat::Json => {
                serde_json::to_writer_pretty(&mut *out, &cands)?;
                writeln!(out)
            }
        }
    })?;
    Ok(if failed > 0 { FAILED_INPUT } else { 0 })
}
