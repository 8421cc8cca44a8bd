//! The command line (clap), turned at once into plain config structs.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use tifa::batch::{AnnotateConfig, Destination, InputMode};
use tifa::glossary::GlossarySource;
use tifa::matcher::MatchOptions;
use tifa::render::Format;

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
    Annotate(AnnotateArgs),
    /// Work with glossary files.
    #[command(subcommand)]
    Glossary(GlossaryCommand),
    /// Bilingual term QA of aligned Chinese/English segments (TSV, TMX, XLIFF, or two
    /// line-aligned files): literal renderings, missing terms, untranslated Chinese.
    Check(crate::check_cli::CheckArgs),
}

#[derive(Debug, Subcommand)]
pub enum GlossaryCommand {
    /// Check glossary files and report every problem, like a compiler.
    Lint(LintArgs),
}

#[derive(Debug, Args)]
pub struct GlossaryArgs {
    /// Glossary CSV file or folder (repeatable); `builtin` names the compiled-in glossary.
    /// Without this flag the compiled-in glossary is used.
    #[arg(short = 'g', long = "glossary", value_name = "PATH")]
    pub glossary: Vec<PathBuf>,
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
    /// Replace invalid UTF-8 with U+FFFD (with a warning) instead of skipping the file.
    #[arg(long)]
    pub lossy: bool,
    /// Number of parallel workers (default: all cores).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
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

#[derive(Debug, Args)]
pub struct LintArgs {
    /// Glossary files or folders to check (default: the shipped `glossary/` folder, or the
    /// compiled-in glossary when there is none).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
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
            jobs: self
                .jobs
                .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
            match_options: MatchOptions {
                overlapping: self.overlapping,
            },
            input_mode: match self.input {
                InputArg::Text => InputMode::Text,
                InputArg::Jsonl => InputMode::Jsonl,
            },
            text_field: self.text_field.clone(),
            lossy: self.lossy,
            globs: self.glob.clone(),
            summary: self.summary.clone(),
        }
    }
}
