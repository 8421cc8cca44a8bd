//! `tifa glossary lint|build|import|export`: checking glossary files, the glossary of the
//! terms a corpus uses, and conversion from and to the exchange and printable formats.

use std::collections::{HashMap, HashSet};
use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use tifa::glossary::exchange::{self, ExchangeFormat, ImportOptions};
use tifa::glossary::{self as model, Entry, Glossary, GlossarySource, Severity};
use tifa::input::source::read_all;
use tifa::lint::OrdinaryText;
use tifa::output::write_to;
use tifa::render::printable::{self, Item};
use tifa::render::usage::{write_report_csv, write_report_json};
use tifa::text::english::count;
use tifa::text::path_in_message;
use tifa::usage::{self, UsageTable};

use super::{
    compile, load, read_corpus, refuse_overwrite, Console, GlossaryArgs, ReadArgs, FAILED_INPUT,
    UNUSABLE,
};
use tifa::diagnostics::Message;

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
pub struct LintArgs {
    /// Glossary files or folders to check (default: the compiled-in glossary).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Glossary file or folder to check, as with every other command (repeatable; the same
    /// as naming it as an argument); `builtin` names the compiled-in glossary.
    #[arg(short = 'g', long = "glossary", value_name = "PATH")]
    pub glossary: Vec<PathBuf>,
    /// A file of ordinary text that holds no glossary term (licence texts, foreign news):
    /// every form that fires on it is listed as a warning (repeatable).
    #[arg(long, value_name = "FILE")]
    pub ordinary: Vec<PathBuf>,
}

impl LintArgs {
    /// The glossaries to check: the arguments, then the `-g` paths; the compiled-in one when
    /// neither names any.
    pub fn sources(&self) -> Vec<GlossarySource> {
        let paths: Vec<PathBuf> = self.paths.iter().chain(&self.glossary).cloned().collect();
        GlossaryArgs {
            glossary: paths,
            no_cache: true,
        }
        .sources()
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
    #[command(flatten)]
    pub read: ReadArgs,
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

/// What an exchange argument names: an exchange format, or a printable one (export only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A format of `glossary::exchange`.
    Exchange(ExchangeFormat),
    /// Printable Markdown (`html`: false) or HTML.
    Printable {
        /// HTML rather than Markdown.
        html: bool,
    },
}

impl ExchangeArg {
    /// The format this argument names.
    pub fn target(self) -> Target {
        use ExchangeFormat as F;
        Target::Exchange(match self {
            ExchangeArg::Csv => F::Csv,
            ExchangeArg::Json => F::Json,
            ExchangeArg::Tbx => F::Tbx,
            ExchangeArg::Tbx2008 => F::Tbx2008,
            ExchangeArg::Omegat => F::OmegatTab,
            ExchangeArg::OmegatCsv => F::OmegatCsv,
            ExchangeArg::Cedict => F::Cedict,
            ExchangeArg::Md => return Target::Printable { html: false },
            ExchangeArg::Html => return Target::Printable { html: true },
        })
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

/// Runs a `tifa glossary` subcommand and returns the exit status.
pub fn run(cmd: GlossaryCommand, out: &mut dyn Write, console: &mut dyn Console) -> io::Result<u8> {
    match cmd {
        GlossaryCommand::Lint(args) => lint(args, console),
        GlossaryCommand::Build(args) => build(args, out, console),
        GlossaryCommand::Import(args) => import(args, out, console),
        GlossaryCommand::Export(args) => export(args, out, console),
    }
}

fn lint(args: LintArgs, console: &mut dyn Console) -> io::Result<u8> {
    let mut ordinary = Vec::new();
    for path in &args.ordinary {
        match std::fs::read(path) {
            Ok(bytes) => ordinary.push(OrdinaryText {
                name: path.clone(),
                text: String::from_utf8_lossy(&bytes).into_owned(),
            }),
            Err(e) => {
                console.line(&format!("tifa: {}: {e}", path.display()));
                return Ok(UNUSABLE);
            }
        }
    }
    let problems = tifa::lint::lint(&args.sources(), &ordinary);
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    for p in &problems {
        console.line(&p.to_string());
    }
    console.line(&format!(
        "{}, {}",
        count(errors as u64, "error", "errors"),
        count(warnings as u64, "warning", "warnings")
    ));
    Ok(if errors > 0 { UNUSABLE } else { 0 })
}

fn build(args: BuildArgs, out: &mut dyn Write, console: &mut dyn Console) -> io::Result<u8> {
    if let Some(code) = refuse_overwrite(args.output.as_deref(), &args.paths, console) {
        return Ok(code);
    }
    let Some(matcher) = compile(&args.glossary, args.read.jobs(), false, console) else {
        return Ok(UNUSABLE);
    };
    let mut table = UsageTable::new();
    let failed = read_corpus(
        &args.paths,
        &args.read,
        |path, text| usage::summarize(&matcher, path, text),
        |doc| table.add(&matcher, doc),
        console,
    )?;
    let uses = table.finish();
    let glossary = matcher.glossary();
    write_to(args.output.as_deref(), out, |out| match args.format {
        BuildFormat::Csv => write_report_csv(&uses, glossary, out),
        BuildFormat::Json => write_report_json(&uses, glossary, out),
        BuildFormat::Glossary => {
            let mut entries: Vec<Entry> =
                with_named(usage::used_entries(&uses, glossary), glossary)
                    .into_iter()
                    .cloned()
                    .collect();
            // Cross-references to entries the corpus does not use would not load.
            let ids: HashSet<String> = entries.iter().map(|e| e.id.clone()).collect();
            for e in &mut entries {
                e.see_also.retain(|s| ids.contains(s));
            }
            model::write_csv(&entries, out)
        }
        BuildFormat::Md | BuildFormat::Html => {
            let items: Vec<Item<'_>> = uses
                .iter()
                .map(|u| Item {
                    entry: &glossary.entries[u.entry],
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

/// `entries`, then the entries their forms name (`{id}`, and names built on names): a form
/// naming an entry the glossary lacks would not load.
fn with_named<'a>(mut entries: Vec<&'a Entry>, glossary: &'a Glossary) -> Vec<&'a Entry> {
    let by_id: HashMap<&str, &Entry> = glossary
        .entries
        .iter()
        .map(|e| (e.id.as_str(), e))
        .collect();
    let mut have: HashSet<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    let mut i = 0;
    while i < entries.len() {
        let e = entries[i];
        for form in std::iter::once(&e.en).chain(&e.en_alt).chain(&e.literal) {
            let named = form.split('{').skip(1).filter_map(|s| s.split_once('}'));
            for (id, _) in named {
                if let Some(&n) = by_id.get(id) {
                    if have.insert(n.id.as_str()) {
                        entries.push(n);
                    }
                }
            }
        }
        i += 1;
    }
    entries
}

fn import(args: ImportArgs, out: &mut dyn Write, console: &mut dyn Console) -> io::Result<u8> {
    // For messages only: a name with a line break is quoted.
    let path = path_in_message(&args.input.to_string_lossy()).into_owned();
    let inputs = std::slice::from_ref(&args.input);
    if let Some(code) = refuse_overwrite(args.output.as_deref(), inputs, console) {
        return Ok(code);
    }
    let data = match read_all(&args.input) {
        Ok(d) => d,
        Err(e) => {
            console.message(Message::Error(e.to_string()));
            return Ok(FAILED_INPUT);
        }
    };
    let target = args
        .from
        .map(|f| f.target())
        .or_else(|| ExchangeFormat::detect(&args.input, &data).map(Target::Exchange));
    let format = match target {
        Some(Target::Exchange(f)) => f,
        Some(Target::Printable { html }) => {
            let name = if html { "html" } else { "md" };
            console.message(Message::Error(format!("{name} is an export-only format")));
            return Ok(UNUSABLE);
        }
        None => {
            console.message(Message::Error(format!(
                "{path}: cannot tell the format from the file name; \
                 pass --from tbx|tbx2008|omegat|omegat-csv|cedict|json|csv"
            )));
            return Ok(UNUSABLE);
        }
    };
    let opts = ImportOptions {
        category: args.category,
        source_lang: args.source_lang,
        target_lang: args.target_lang,
        validate: !args.no_validate,
    };
    let imported = exchange::import(format, &data, &args.input, &opts);
    for p in &imported.problems {
        console.line(&p.to_string());
    }
    if imported.has_errors() {
        console.line(&format!("tifa: {path}: rejected; nothing written"));
        return Ok(if imported.lacks_language() {
            UNUSABLE
        } else {
            FAILED_INPUT
        });
    }
    write_to(args.output.as_deref(), out, |out| {
        model::write_csv(&imported.entries, out)
    })?;
    console.line(&format!(
        "tifa: {path}: {} imported",
        count(imported.entries.len() as u64, "entry", "entries")
    ));
    Ok(0)
}

fn export(args: ExportArgs, out: &mut dyn Write, console: &mut dyn Console) -> io::Result<u8> {
    let target = args.to.target();
    if let Some(code) = refuse_overwrite(args.output.as_deref(), &args.glossary.glossary, console) {
        return Ok(code);
    }
    if let Target::Exchange(f) = target {
        if !f.can_export() {
            console.message(Message::Error(format!(
                "{} is an import-only format",
                f.name()
            )));
            return Ok(UNUSABLE);
        }
    }
    let Some(glossary) = load(&args.glossary.sources(), console) else {
        return Ok(UNUSABLE);
    };
    let entries = glossary.entries.into_vec();
    write_to(args.output.as_deref(), out, |out| match target {
        Target::Exchange(f) => exchange::export(f, &entries, out),
        Target::Printable { html } => printable::write_glossary(&entries, html, out),
    })?;
    Ok(0)
}
