//! `tifa discover`: candidate terms the glossary lacks, from a corpus; with `--aligned`, new
//! English forms for known entries, from aligned segments.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use tifa::diagnostics::Message;
use tifa::discover::{self, aligned, DiscoverOptions, Discovery};
use tifa::input::segments::{self, SegmentFormat};
use tifa::input::source::read_all;
use tifa::output::write_to;

use super::{
    compile, read_corpus, refuse_overwrite, Console, GlossaryArgs, ReadArgs, FAILED_INPUT, UNUSABLE,
};

/// Formats of `discover`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiscoverFormat {
    /// Glossary CSV to curate: the glossary columns only, evidence in `note`.
    Glossary,
    /// The glossary columns, then evidence columns (kind, counts, score, contexts).
    Csv,
    /// JSON array of candidates (or proposals with --aligned).
    Json,
}

#[derive(Debug, Args)]
pub struct DiscoverArgs {
    /// Files or folders of the corpus; `-` or nothing reads standard input.
    #[arg(value_name = "PATH", conflicts_with = "aligned")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub glossary: GlossaryArgs,
    /// Aligned segments (TSV: Chinese<TAB>English per line, optional header): propose new
    /// English forms for the entries found in them.
    #[arg(long, value_name = "PAIRS")]
    pub aligned: Option<PathBuf>,
    /// Output format (default: glossary; with --aligned, CSV of proposals).
    #[arg(short, long, value_enum)]
    pub format: Option<DiscoverFormat>,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Fewest occurrences of an unquoted phrase (with --aligned: fewest shared segments).
    #[arg(long, value_name = "N")]
    pub min_count: Option<u64>,
    /// Most candidates (with --aligned: most proposals per entry); 0 for all.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    #[command(flatten)]
    pub read: ReadArgs,
}

/// Runs `tifa discover` and returns the exit status.
pub fn run(args: DiscoverArgs, out: &mut dyn Write, console: &mut dyn Console) -> io::Result<u8> {
    let inputs: Vec<PathBuf> = args.paths.iter().chain(&args.aligned).cloned().collect();
    if let Some(code) = refuse_overwrite(args.output.as_deref(), &inputs, console) {
        return Ok(code);
    }
    let Some(matcher) = compile(
        &args.glossary,
        args.read.jobs(),
        args.aligned.is_some(),
        console,
    ) else {
        return Ok(UNUSABLE);
    };
    if let Some(pairs_path) = &args.aligned {
        let path = pairs_path.to_string_lossy().into_owned();
        let Some(format) = SegmentFormat::from_path(&path) else {
            console.message(Message::Error(format!(
                "{path}: expected aligned segments in a .tsv, .tmx or .xlf file"
            )));
            return Ok(UNUSABLE);
        };
        let segments = read_all(&path).map_err(|e| e.to_string()).and_then(|raw| {
            segments::read(&raw, format, &Default::default()).map_err(|e| format!("{path}: {e}"))
        });
        let pairs = match segments {
            Ok(s) => aligned::Pair::from_segments(s),
            Err(e) => {
                console.message(Message::Error(e));
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
        write_to(args.output.as_deref(), out, |out| match args.format {
            Some(DiscoverFormat::Json) => {
                serde_json::to_writer_pretty(&mut *out, &props)?;
                writeln!(out)
            }
            _ => aligned::write_csv(&props, out),
        })?;
        return Ok(0);
    }
    let mut disc = Discovery::new();
    let failed = read_corpus(
        &args.paths,
        &args.read,
        |path, text| discover::summarize(&matcher, path, text),
        |doc| disc.add(doc),
        console,
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
    write_to(args.output.as_deref(), out, |out| {
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
