//! Loading glossaries from files, folders and the compiled-in copy, with the checks that
//! span files (duplicate ids).

use std::collections::hash_map::Entry as MapEntry;
use std::fmt;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;

use super::{read_csv, Glossary, Problem, Severity};

/// Where glossary entries come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GlossarySource {
    /// The curated glossary compiled into the binary (`builtin` on the command line).
    Builtin,
    /// A CSV file, or a folder whose `*.csv` files are read in name order.
    Path(PathBuf),
}

/// A glossary that cannot be used: every problem found, errors and warnings.
#[derive(Debug, Clone)]
pub struct GlossaryError {
    /// Every problem found, errors and warnings.
    pub problems: Vec<Problem>,
}

impl fmt::Display for GlossaryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for GlossaryError {}

impl GlossaryError {
    /// Whether any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }
}

/// Reads every source and checks ids across them. Returns the glossary and its warnings, or
/// every problem when any is an error.
pub fn load(sources: &[GlossarySource]) -> Result<(Glossary, Vec<Problem>), GlossaryError> {
    load_read(read_sources(sources))
}

/// A glossary source read into memory: what [`load_read`] parses, and what the cache of
/// compiled glossaries hashes, so that what it keeps is what these very bytes compile to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceData {
    /// The compiled-in glossary.
    Builtin,
    /// A glossary CSV file.
    File {
        /// The file, as its entries and problems name it.
        path: PathBuf,
        /// Its bytes.
        bytes: Vec<u8>,
    },
    /// A file or folder that could not be read.
    Unreadable(Problem),
}

/// Reads the files of every source, in load order (a folder's `*.csv` files in name order).
pub fn read_sources(sources: &[GlossarySource]) -> Vec<SourceData> {
    let mut read = Vec::new();
    for source in sources {
        match source {
            GlossarySource::Builtin => read.push(SourceData::Builtin),
            GlossarySource::Path(p) => {
                let mut problems = Vec::new();
                let files = csv_files(p, &mut problems);
                read.extend(problems.into_iter().map(SourceData::Unreadable));
                for file in files {
                    let mut bytes = Vec::new();
                    let data = match fs::File::open(&file) {
                        Err(e) => {
                            SourceData::Unreadable(file_problem(&file, format!("cannot open: {e}")))
                        }
                        Ok(mut f) => match f.read_to_end(&mut bytes) {
                            Err(e) => SourceData::Unreadable(file_problem(
                                &file,
                                format!("cannot read: {e}"),
                            )),
                            Ok(_) => SourceData::File { path: file, bytes },
                        },
                    };
                    read.push(data);
                }
            }
        }
    }
    read
}

/// Parses sources read by [`read_sources`] and checks ids across them, like [`load`].
pub fn load_read(read: Vec<SourceData>) -> Result<(Glossary, Vec<Problem>), GlossaryError> {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    for data in read {
        match data {
            SourceData::Builtin => entries.extend(Glossary::builtin().entries.into_vec()),
            SourceData::File { path, bytes } => {
                let (got, mut probs) = read_csv(&bytes[..], &path);
                // The first file's entries are kept as read (CC-CEDICT: 50 MB not copied).
                if entries.is_empty() {
                    entries = got;
                } else {
                    entries.extend(got);
                }
                problems.append(&mut probs);
            }
            SourceData::Unreadable(p) => problems.push(p),
        }
    }
    let glossary = Glossary {
        entries: entries.into(),
    };
    problems.extend(duplicate_ids(&glossary));
    if problems.iter().any(|p| p.severity == Severity::Error) {
        Err(GlossaryError { problems })
    } else {
        Ok((glossary, problems))
    }
}

fn file_problem(path: &Path, message: String) -> Problem {
    Problem {
        file: path.to_path_buf(),
        line: 0,
        column: 0,
        severity: Severity::Error,
        message,
    }
}

/// The CSV files a glossary path names: the file itself, or a folder's `*.csv` files.
fn csv_files(path: &Path, problems: &mut Vec<Problem>) -> Vec<PathBuf> {
    match fs::metadata(path) {
        Err(e) => {
            problems.push(file_problem(path, format!("cannot read glossary: {e}")));
            Vec::new()
        }
        Ok(m) if m.is_dir() => {
            let mut files: Vec<PathBuf> = match fs::read_dir(path) {
                Ok(rd) => rd
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv")))
                    .collect(),
                Err(e) => {
                    problems.push(file_problem(path, format!("cannot list folder: {e}")));
                    Vec::new()
                }
            };
            files.sort();
            if files.is_empty() {
                problems.push(file_problem(
                    path,
                    "folder holds no glossary *.csv file".into(),
                ));
            }
            files
        }
        Ok(_) => vec![path.to_path_buf()],
    }
}

fn duplicate_ids(g: &Glossary) -> Vec<Problem> {
    // Fx hashing, sized at once, one look-up an id: with SipHash, growing and a look-up
    // before each insert, CC-CEDICT's 118,000 ids cost 0.2 G instructions.
    let mut seen: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(g.entries.len(), Default::default());
    let mut problems = Vec::new();
    for (i, e) in g.entries.iter().enumerate() {
        if e.id.is_empty() {
            continue;
        }
        let first = match seen.entry(e.id.as_str()) {
            MapEntry::Occupied(o) => *o.get(),
            MapEntry::Vacant(v) => {
                v.insert(i);
                continue;
            }
        };
        let f = &g.entries[first];
        problems.push(Problem {
            file: e.origin.file.to_path_buf(),
            line: e.origin.line,
            column: e.origin.column("id"),
            severity: Severity::Error,
            message: format!(
                "duplicate id {:?}, first defined at {}:{}",
                e.id,
                f.origin.file.display(),
                f.origin.line
            ),
        });
    }
    problems
}
