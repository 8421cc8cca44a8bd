//! `tifa check`: its arguments (clap), turned at once into a [`CheckConfig`], and the glue
//! that runs it and reports its messages.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use tifa::check::{self, CheckConfig, CheckInput, FailOn, ReportFormat, ReportOptions};
use tifa::diagnostics::Message;
use tifa::input::segments::{Languages, SegmentFormat};

use super::{compile, Console, GlossaryArgs, FAILED_INPUT, UNUSABLE};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CheckFormatArg {
    /// `FILE:SEGMENT: severity: message`, then the segment with the term marked.
    Text,
    /// One JSON object per finding.
    Jsonl,
    /// One row per finding, with a header.
    Csv,
    /// A standalone HTML page with a table of findings.
    Html,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum InputFormatArg {
    /// Tab-separated: source, target (or id, source, target), optional header row.
    Tsv,
    /// TMX 1.1 or 1.4.
    Tmx,
    /// XLIFF 1.2 or 2.x.
    Xliff,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Aligned files: .tsv, .tmx, .xlf/.xliff (or name the format with --input-format).
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Chinese file of a line-aligned pair (line N of it is the source of line N of --target).
    #[arg(long, value_name = "FILE", requires = "target")]
    pub source: Option<PathBuf>,
    /// English file of a line-aligned pair.
    #[arg(long, value_name = "FILE", requires = "source")]
    pub target: Option<PathBuf>,
    #[command(flatten)]
    pub glossary: GlossaryArgs,
    /// Input format of FILEs, instead of guessing it from the extension.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormatArg>,
    /// TMX source language (default: zh* when present, else the header's srclang).
    #[arg(long, value_name = "LANG")]
    pub source_lang: Option<String>,
    /// TMX target language (default: en* when present, else the first other language).
    #[arg(long, value_name = "LANG")]
    pub target_lang: Option<String>,
    /// Output format.
    #[arg(short, long, value_enum, default_value = "text")]
    pub format: CheckFormatArg,
    /// Which findings make the exit status 1: kinds (literal, missing, untranslated, extra),
    /// severities (error, warning, info: that severity or worse), all or none;
    /// comma-separated.
    #[arg(long, value_name = "LIST", default_value = "error")]
    pub fail_on: String,
    /// Colour the text report.
    #[arg(long, value_enum, default_value = "auto", value_name = "WHEN")]
    pub color: ColorArg,
    /// No summary line on standard error.
    #[arg(short, long)]
    pub quiet: bool,
}

impl CheckArgs {
    /// The plain config, or the message for a bad argument.
    pub fn config(&self) -> Result<CheckConfig, String> {
        let mut inputs: Vec<CheckInput> =
            self.files.iter().cloned().map(CheckInput::File).collect();
        if let (Some(s), Some(t)) = (&self.source, &self.target) {
            inputs.push(CheckInput::Pair {
                source: s.clone(),
                target: t.clone(),
            });
        }
        if inputs.is_empty() {
            return Err(
                "nothing to check: give aligned files (tifa check FILE.tmx …) or a \
                        line-aligned pair (tifa check --source zh.txt --target en.txt)"
                    .into(),
            );
        }
        let fail_on = FailOn::parse(&self.fail_on)?;
        let format = match self.format {
            CheckFormatArg::Text => ReportFormat::Text,
            CheckFormatArg::Jsonl => ReportFormat::Jsonl,
            CheckFormatArg::Csv => ReportFormat::Csv,
            CheckFormatArg::Html => ReportFormat::Html,
        };
        let color = format == ReportFormat::Text
            && match self.color {
                ColorArg::Always => true,
                ColorArg::Never => false,
                ColorArg::Auto => io::stdout().is_terminal(),
            };
        Ok(CheckConfig {
            inputs,
            input_format: self.input_format.map(|f| match f {
                InputFormatArg::Tsv => SegmentFormat::Tsv,
                InputFormatArg::Tmx => SegmentFormat::Tmx,
                InputFormatArg::Xliff => SegmentFormat::Xliff,
            }),
            languages: Languages {
                source: self.source_lang.clone(),
                target: self.target_lang.clone(),
            },
            report: ReportOptions { format, color },
            fail_on,
        })
    }
}

/// Runs `tifa check` and returns the exit status.
pub fn run(args: CheckArgs, out: &mut dyn Write, console: &mut dyn Console) -> io::Result<u8> {
    let config = match args.config() {
        Ok(c) => c,
        Err(m) => {
            console.line(&format!("tifa: {m}"));
            return Ok(UNUSABLE);
        }
    };
    let Some(matcher) = compile(&args.glossary, 1, true, console) else {
        return Ok(UNUSABLE);
    };
    let mut message = |m: Message| match m {
        // Checking is quick and sequential: no progress bar.
        Message::Progress { .. } => {}
        m => console.message(m),
    };
    let report = check::run(&config, &matcher, out, &mut message)?;
    out.flush()?;
    if !args.quiet {
        console.line(&format!("tifa: {}", report.summary()));
    }
    Ok(if report.language_errors > 0 {
        UNUSABLE
    } else if report.failing > 0 || report.input_errors > 0 {
        FAILED_INPUT
    } else {
        0
    })
}
