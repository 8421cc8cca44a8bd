//! `tifa annotate`: its arguments, turned into an [`AnnotateConfig`] and run by the batch
//! runner, with Ctrl-C stopping it cleanly.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use tifa::batch::{self, AnnotateConfig, Destination, InputMode};
use tifa::diagnostics::Message;
use tifa::matcher::MatchOptions;
use tifa::render::Format;

use super::{compile, Console, GlossaryArgs, ReadArgs, Stop, FAILED_INPUT, UNUSABLE};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    /// The input with a bracketed gloss after each term.
    Text,
    /// One JSON object per document, with its spans.
    Jsonl,
    /// One row per span.
    Csv,
    /// A self-contained reading page; with a folder output, one page per document and an
    /// index.html for the corpus.
    Html,
    /// Markdown: a footnote after each term, a table of the terms at the end.
    Md,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum InputArg {
    /// Each file is one document.
    Text,
    /// Each line is a JSON object; the text is in `--text-field`.
    Jsonl,
}

#[derive(Debug, Args)]
pub struct AnnotateArgs {
    /// Files or folders to annotate; `-` or nothing reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub glossary: GlossaryArgs,
    /// Output format.
    #[arg(short, long, value_enum, default_value = "jsonl")]
    pub format: FormatArg,
    /// Write to FILE, or to a folder (one output per input, mirroring the input tree) when
    /// the path is an existing folder, ends with `/`, or there are several inputs.
    #[arg(short, long, value_name = "FILE|DIR")]
    pub output: Option<PathBuf>,
    /// Report nested and overlapping matches too, not only the leftmost-longest ones.
    #[arg(long)]
    pub overlapping: bool,
    /// How to read inputs.
    #[arg(long, value_enum, default_value = "text")]
    pub input: InputArg,
    /// With `--input jsonl`: the field holding the text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_field: String,
    #[command(flatten)]
    pub read: ReadArgs,
    /// Read long files with read calls, not memory maps (mapped, a file another program
    /// cuts shorter while tifa reads it ends the run, as with ripgrep).
    #[arg(long)]
    pub no_mmap: bool,
    /// Include (`*.txt`) or exclude (`!*.log`) files found in folders; repeatable.
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,
    /// Write per-document entry counts to FILE (CSV, or JSON when it ends in `.json`).
    #[arg(long, value_name = "FILE")]
    pub summary: Option<PathBuf>,
    /// Print the summary line (documents, MB, spans, errors, time, MB/s) even when standard
    /// error is not a terminal.
    #[arg(long)]
    pub stats: bool,
    /// No progress bar and no summary line.
    #[arg(short, long)]
    pub quiet: bool,
}

impl AnnotateArgs {
    pub fn config(&self) -> AnnotateConfig {
        let destination = match &self.output {
            None => Destination::Stdout,
            Some(p) if p.as_os_str() == "-" => Destination::Stdout,
            Some(p) => {
                let dir = p.is_dir()
                    || p.to_string_lossy().ends_with('/')
                    || self.paths.len() > 1
                    || self.paths.iter().any(|x| x.is_dir());
                if dir {
                    Destination::Dir(p.clone())
                } else {
                    Destination::File(p.clone())
                }
            }
        };
        AnnotateConfig {
            inputs: self.paths.clone(),
            format: match self.format {
                FormatArg::Text => Format::Text,
                FormatArg::Jsonl => Format::Jsonl,
                FormatArg::Csv => Format::Csv,
                FormatArg::Html => Format::Html,
                FormatArg::Md => Format::Md,
            },
            destination,
            jobs: self.read.jobs(),
            match_options: MatchOptions {
                overlapping: self.overlapping,
            },
            input_mode: match self.input {
                InputArg::Text => InputMode::Text,
                InputArg::Jsonl => InputMode::Jsonl,
            },
            text_field: self.text_field.clone(),
            lossy: self.read.lossy,
            no_mmap: self.no_mmap,
            globs: self.glob.clone(),
            summary: self.summary.clone(),
        }
    }
}

/// Runs `tifa annotate` and returns the exit status.
pub fn run(args: AnnotateArgs, out: &mut dyn Write, console: &mut dyn Console) -> io::Result<u8> {
    let config = args.config();
    // The folders are walked while the glossary compiles: both come before any document,
    // and a folder of thousands of files takes about as long to list as the glossary to load.
    let (matcher, inputs) = std::thread::scope(|s| {
        let walk = s.spawn(|| batch::Inputs::find(&config));
        let matcher = compile(&args.glossary, args.read.jobs(), args.overlapping, console);
        let inputs = walk
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (matcher, inputs)
    });
    let Some(matcher) = matcher else {
        return Ok(UNUSABLE);
    };
    let inputs = inputs?;
    if let Some(input) = stdout_is_input(&config, &inputs) {
        let e = tifa::output::overwrite_error(std::path::Path::new("standard output"), &input);
        console.line(&format!("tifa: {e}"));
        return Ok(UNUSABLE);
    }
    let interactive = io::stderr().is_terminal() && !args.quiet;
    // Ctrl-C, SIGTERM and SIGHUP stop the run after the work in progress, so temporary
    // outputs are removed.
    let stop = Stop::install()?;
    let mut message = |m: Message| match m {
        Message::Progress { .. } if !interactive => {}
        m => console.message(m),
    };
    let result = batch::run_inputs(&config, inputs, &matcher, out, &mut message, &stop.cancel);
    console.finish_progress();
    let report = match result {
        Err(e) if e.kind() == io::ErrorKind::Interrupted => {
            console.line(&format!(
                "tifa: {}; no partial output was kept",
                stop.reason()
            ));
            return Ok(stop.status());
        }
        r => r?,
    };
    out.flush()?;
    if (interactive || args.stats) && !args.quiet {
        console.line(&format!("tifa: {}", report.summary()));
    }
    Ok(if report.errors > 0 { FAILED_INPUT } else { 0 })
}

/// The input that standard output is redirected onto, if any (`tifa annotate x.jsonl 1<>
/// x.jsonl`, or `tifa annotate in > in/all.jsonl`): writing it would overwrite the input
/// while it is read. Only when standard output is a regular file, so a terminal or a pipe
/// costs nothing.
fn stdout_is_input(config: &AnnotateConfig, inputs: &batch::Inputs) -> Option<PathBuf> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        if config.destination != Destination::Stdout {
            return None;
        }
        let fd = io::stdout().as_fd().try_clone_to_owned().ok()?;
        let out = std::fs::File::from(fd).metadata().ok()?;
        if !out.is_file() {
            return None;
        }
        tifa::output::input_open_as(&out, inputs.paths())
    }
    #[cfg(not(unix))]
    {
        let _ = (config, inputs);
        None
    }
}
