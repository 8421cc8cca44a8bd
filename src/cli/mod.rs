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
    /// Candidate terms the glossary lacks, as a glossary CSV to curate; with `--aligned`,
    /// new English forms for known entries from aligned segments.
    Discover(DiscoverArgs),
    /// Bilingual term QA of aligned Chinese/English segments (TSV, TMX, XLIFF, or two
    /// line-aligned files): literal renderings, missing terms, untranslated Chinese.
    Check(crate::check_cli::CheckArgs),
}

#[derive(Debug, Subcommand)]
pub enum GlossaryCommand {
    /// Check glossary files and report every problem, like a compiler.
    Lint(LintArgs),
    /// The glossary of the terms a corpus uses, most frequent first.
    Build(BuildArgs),
    /// Convert a TBX, OmegaT, CC-CEDICT, JSON or CSV glossary into a glossary CSV.
    Import(ImportArgs),
    /// Write the glossary as TBX, OmegaT, JSON, CSV, Markdown or HTML.
    Export(ExportArgs),
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

/// Formats of `glossary build`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BuildFormat {
    /// Report: one row per entry used, with counts, forms, first occurrence and context.
    Csv,
    /// The entries used, as a glossary CSV (loadable with -g).
    Glossary,
    /// Printable Markdown glossary with usage.
    Md,
    /// Printable HTML glossary with usage.
    Html,
    /// JSON array: each entry's fields and its usage.
    Json,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Files or folders of the corpus; `-` or nothing reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub glossary: GlossaryArgs,
    /// Output format.
    #[arg(short, long, value_enum, default_value = "csv")]
    pub format: BuildFormat,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace invalid UTF-8 with U+FFFD (with a warning) instead of skipping the file.
    #[arg(long)]
    pub lossy: bool,
    /// Number of parallel workers (default: all cores).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
}

/// Glossary exchange formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExchangeArg {
    /// Glossary CSV (the schema of DESIGN.md).
    Csv,
    /// JSON array of entry objects.
    Json,
    /// TBX v3 (ISO 30042:2019), TBX-Basic, DCA style.
    Tbx,
    /// TBX 2008 (martif).
    Tbx2008,
    /// OmegaT tab-separated glossary.
    Omegat,
    /// OmegaT CSV glossary.
    OmegatCsv,
    /// CC-CEDICT (import only; .gz accepted).
    Cedict,
    /// Printable Markdown (export only).
    Md,
    /// Printable HTML (export only).
    Html,
}

impl ExchangeArg {
    pub fn format(self) -> tifa::glossary::exchange::ExchangeFormat {
        use tifa::glossary::exchange::ExchangeFormat as F;
        match self {
            ExchangeArg::Csv => F::Csv,
            ExchangeArg::Json => F::Json,
            ExchangeArg::Tbx => F::Tbx,
            ExchangeArg::Tbx2008 => F::Tbx2008,
            ExchangeArg::Omegat => F::OmegatTab,
            ExchangeArg::OmegatCsv => F::OmegatCsv,
            ExchangeArg::Cedict => F::Cedict,
            ExchangeArg::Md => F::Markdown,
            ExchangeArg::Html => F::Html,
        }
    }
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file to import (`-` for standard input).
    #[arg(value_name = "FILE")]
    pub input: PathBuf,
    /// Its format (default: guessed from the file name and contents).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub from: Option<ExchangeArg>,
    /// Write the glossary CSV to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Category of the imported entries (TBX subject fields that name a category win).
    #[arg(long, default_value = "policy", value_name = "CATEGORY")]
    pub category: String,
    /// TBX language whose terms fill zh, zh_alt, zh_hant.
    #[arg(long, default_value = "zh", value_name = "LANG")]
    pub source_lang: String,
    /// TBX language whose terms fill en, en_alt, literal.
    #[arg(long, default_value = "en", value_name = "LANG")]
    pub target_lang: String,
    /// Import a TBX file even when it breaks its dialect's rules.
    #[arg(long)]
    pub no_validate: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub glossary: GlossaryArgs,
    /// Output format.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub to: ExchangeArg,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

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
    /// Replace invalid UTF-8 with U+FFFD (with a warning) instead of skipping the file.
    #[arg(long)]
    pub lossy: bool,
    /// Number of parallel workers (default: all cores).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
}
