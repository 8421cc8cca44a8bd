//! Where rendered outputs go: standard output, one file, or one file per input mirroring
//! the input tree (with the renderer's corpus page beside them), and the `--summary` file.
//! Files are written atomically (`crate::output`). Every output path is fixed before
//! anything is written: two inputs that would share one are refused, never overwritten.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{display, Destination};
use crate::annotate::merge_counts;
use crate::glossary::Glossary;
use crate::input::source::Found;
use crate::output::{
    create_dir, resolved, same_output, sync_folder, write_atomic, write_unsynced_with, OutFile,
};
use crate::render::summary::SummaryWriter;
use crate::render::{IndexDoc, Render};

/// The `--summary` file, written under a temporary name and renamed when complete.
pub(super) struct SummaryFile {
    writer: SummaryWriter<io::BufWriter<OutFile>>,
}

impl SummaryFile {
    pub(super) fn create(target: &Path) -> io::Result<SummaryFile> {
        let json = target
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("json"));
        // Checked before any work, not when the finished summary is renamed into place.
        if target.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                format!("{}: is a folder, expected a file", target.display()),
            ));
        }
        let tmp = OutFile::create(target)?;
        Ok(SummaryFile {
            writer: SummaryWriter::new(io::BufWriter::new(tmp), json)?,
        })
    }

    pub(super) fn document(
        &mut self,
        path: &str,
        counts: &[(usize, u32)],
        glossary: &Glossary,
    ) -> io::Result<()> {
        self.writer.document(path, counts, glossary)
    }

    pub(super) fn finish(self) -> io::Result<()> {
        let tmp = self
            .writer
            .finish()?
            .into_inner()
            .map_err(|e| e.into_error())?;
        tmp.commit()
    }
}

/// Writes rendered outputs: to standard output, to one file, or to one file per input.
pub(super) struct Sink<'a> {
    dest: &'a Destination,
    stdout: &'a mut dyn Write,
    file: Option<OutFile>,
    /// In folder mode, the output of every input, fixed by [`plan`] before any is written.
    targets: HashMap<PathBuf, PathBuf>,
    /// Outputs written so far, so that none is ever written twice.
    used: HashSet<PathBuf>,
    /// The open output of a streamed (JSONL) input in folder mode.
    part: Option<Part>,
    buf: Vec<u8>,
    /// The pages written, for the corpus page (formats that have one, into a folder only).
    index: Option<Vec<IndexDoc>>,
    /// The first failed write to the shared output.
    pub(super) fatal: Option<io::Error>,
    /// Folders with outputs renamed into them, synced once each when the sink is dropped.
    unsynced: HashSet<PathBuf>,
}

impl Drop for Sink<'_> {
    fn drop(&mut self) {
        for dir in self.unsynced.drain() {
            sync_folder(&dir);
        }
    }
}

/// The open output of a streamed input.
struct Part {
    out: OutFile,
    target: PathBuf,
    /// The input it belongs to: another input's records never go into it.
    input: PathBuf,
}

impl<'a> Sink<'a> {
    /// Opens the output for the inputs `found`. Before anything is written, it refuses (as
    /// an `InvalidInput` error) two inputs that would share an output, and a `summary` file
    /// that would be one of the outputs.
    pub(super) fn new(
        dest: &'a Destination,
        renderer: &dyn Render,
        stdout: &'a mut dyn Write,
        found: &[Found],
        summary: Option<&Path>,
    ) -> io::Result<Sink<'a>> {
        let mut targets = HashMap::new();
        let mut index = None;
        let file = match dest {
            Destination::File(p) => {
                if let Some(s) = summary.filter(|s| same_output(s, p)) {
                    return Err(summary_overwrites(s, p));
                }
                Some(OutFile::create(p)?)
            }
            Destination::Dir(d) => {
                let page = renderer.corpus_page().map(|page| d.join(page));
                targets = plan(d, renderer.extension(), found, page.as_deref())?;
                // Compared below the folder, without a system call per output.
                let below = summary.and_then(|s| {
                    let rel = resolved(s).strip_prefix(resolved(d)).ok()?.to_path_buf();
                    Some((s, d.join(rel)))
                });
                if let Some((s, t)) = below {
                    if page.as_ref() == Some(&t) || targets.values().any(|o| *o == t) {
                        return Err(summary_overwrites(s, &t));
                    }
                }
                create_dir(d)?;
                index = page.map(|_| Vec::new());
                None
            }
            Destination::Stdout => None,
        };
        Ok(Sink {
            dest,
            stdout,
            file,
            targets,
            used: HashSet::new(),
            part: None,
            buf: Vec::new(),
            fatal: None,
            index,
            unsynced: HashSet::new(),
        })
    }

    /// Remembers a failed write to the shared output (a closed pipe, a full disk): it ends
    /// the run, since every later document would fail the same way.
    pub(super) fn fail(&mut self, res: io::Result<()>) {
        if let Err(e) = res {
            self.fatal.get_or_insert(e);
        }
    }

    fn shared(&mut self) -> Option<&mut dyn Write> {
        match self.dest {
            Destination::Stdout => Some(&mut *self.stdout),
            Destination::File(_) => self.file.as_mut().map(|f| f as &mut dyn Write),
            Destination::Dir(_) => None,
        }
    }

    pub(super) fn begin(&mut self, r: &dyn Render) -> io::Result<()> {
        self.buf.clear();
        r.begin(&mut self.buf);
        let buf = std::mem::take(&mut self.buf);
        if let Some(w) = self.shared() {
            w.write_all(&buf)?;
        }
        self.buf = buf;
        Ok(())
    }

    pub(super) fn end(&mut self, r: &dyn Render, glossary: &Glossary) -> io::Result<()> {
        // A streamed output still open belongs to an input that failed part-way: it is
        // removed, and left out of the corpus page.
        self.drop_part();
        self.buf.clear();
        r.end(&mut self.buf);
        let buf = std::mem::take(&mut self.buf);
        if let Some(w) = self.shared() {
            w.write_all(&buf)?;
            w.flush()?;
        }
        if let Some(f) = self.file.take() {
            f.commit()?;
        }
        if let (Destination::Dir(d), Some(docs), Some(page)) =
            (self.dest, &self.index, r.corpus_page())
        {
            let mut out = Vec::new();
            r.corpus(docs, glossary, &mut out);
            write_atomic(&d.join(page), &out)?;
        }
        Ok(())
    }

    /// Writes one whole document's output: what was spilled to a temporary file, if
    /// anything, then `bytes`. Errors are messages naming the output path.
    pub(super) fn document(
        &mut self,
        f: &Found,
        spilled: Option<fs::File>,
        bytes: &[u8],
        r: &dyn Render,
        counts: &[(usize, u32)],
    ) -> Result<(), String> {
        if let Some(w) = self.shared() {
            let res = write_document(w, spilled, bytes);
            self.fail(res);
            return Ok(());
        }
        let target = self.target(f)?;
        let (mut head, mut tail) = (Vec::new(), Vec::new());
        r.begin(&mut head);
        r.end(&mut tail);
        let dir = write_unsynced_with(&target, |w| {
            w.write_all(&head)?;
            write_document(w, spilled, bytes)?;
            w.write_all(&tail)
        })
        .map_err(|e| e.to_string())?;
        self.unsynced.extend(dir);
        self.indexed(f, &target, counts, true);
        Ok(())
    }

    /// Records a page for the corpus index.
    fn indexed(&mut self, f: &Found, target: &Path, counts: &[(usize, u32)], anchored: bool) {
        if let (Destination::Dir(d), Some(index)) = (self.dest, self.index.as_mut()) {
            index.push(IndexDoc {
                path: display(&f.path),
                page: target.strip_prefix(d).unwrap_or(target).to_path_buf(),
                counts: counts.to_vec(),
                anchored,
            });
        }
    }

    /// Writes part of a streamed input's output; `last` closes it. After an error the
    /// output is dropped (its temporary file removed), and the next input starts its own.
    pub(super) fn part(
        &mut self,
        f: &Found,
        bytes: &[u8],
        r: &dyn Render,
        last: bool,
        counts: &[(usize, u32)],
    ) -> io::Result<()> {
        if let Some(w) = self.shared() {
            let res = w.write_all(bytes);
            self.fail(res);
            return Ok(());
        }
        if self.part.as_ref().is_some_and(|p| p.input != f.path) {
            // Left open by an input that failed part-way (an unreadable line).
            self.drop_part();
        }
        let res = self.write_part(f, bytes, r, last, counts);
        if res.is_err() {
            self.drop_part();
        }
        res
    }

    fn write_part(
        &mut self,
        f: &Found,
        bytes: &[u8],
        r: &dyn Render,
        last: bool,
        counts: &[(usize, u32)],
    ) -> io::Result<()> {
        if self.part.is_none() {
            let target = self.target(f).map_err(io::Error::other)?;
            let mut out = OutFile::create(&target)?;
            let mut head = Vec::new();
            r.begin(&mut head);
            out.write_all(&head)?;
            self.indexed(f, &target, &[], false);
            self.part = Some(Part {
                out,
                target,
                input: f.path.clone(),
            });
        }
        if let Some(page) = self.index.as_mut().and_then(|i| i.last_mut()) {
            merge_counts(&mut page.counts, counts);
        }
        let part = self.part.as_mut().expect("opened above");
        part.out.write_all(bytes)?;
        if last {
            let mut tail = Vec::new();
            r.end(&mut tail);
            part.out.write_all(&tail)?;
            let part = self.part.take().expect("opened above");
            let dir = part.out.commit_unsynced()?;
            self.unsynced.extend(dir);
        }
        Ok(())
    }

    /// Drops the open streamed output, removing its temporary file and its corpus-page entry.
    fn drop_part(&mut self) {
        if let Some(part) = self.part.take() {
            let page = part.target.strip_prefix(self.dir()).unwrap_or(&part.target);
            if let Some(index) = self.index.as_mut() {
                if index.last().is_some_and(|d| d.page == page) {
                    index.pop();
                }
            }
        }
    }

    fn dir(&self) -> &Path {
        match self.dest {
            Destination::Dir(d) => d,
            _ => Path::new(""),
        }
    }

    /// The output planned for an input (folder mode), checked once more so that no output
    /// is written twice or over its own input.
    fn target(&mut self, f: &Found) -> Result<PathBuf, String> {
        let Some(target) = self.targets.get(&f.path).cloned() else {
            return Err(format!("{}: no output planned for it", display(&f.path)));
        };
        if !self.used.insert(target.clone()) {
            return Err(format!(
                "{}: already written by another input; not overwritten",
                target.display()
            ));
        }
        if same_file(&target, &f.path) {
            return Err(format!(
                "{}: output would overwrite the input; choose another output folder",
                target.display()
            ));
        }
        Ok(target)
    }
}

/// The output of every input under the folder `dir`: the input's path below the folder it
/// was found in (a named file: its name), with the format's extension. Inputs whose outputs
/// would share a name (`a.txt` and `a.md`), or take the corpus page's, keep their full names
/// (`a.txt.html`, `a.md.html`), whatever their order. Inputs that would still share an output
/// — the same relative path under two input folders (`d1/report.txt`, `d2/report.txt`) —
/// are refused, since one output would silently replace the other.
fn plan(
    dir: &Path,
    extension: &str,
    found: &[Found],
    page: Option<&Path>,
) -> io::Result<HashMap<PathBuf, PathBuf>> {
    let mirrored = |f: &Found| -> PathBuf {
        let rel = if f.path.as_os_str() == "-" {
            PathBuf::from("stdin")
        } else if f.path == f.root {
            PathBuf::from(f.path.file_name().unwrap_or(f.path.as_os_str()))
        } else {
            f.path
                .strip_prefix(&f.root)
                .unwrap_or(&f.path)
                .to_path_buf()
        };
        dir.join(rel).with_extension(extension)
    };
    let mut sharing: HashMap<PathBuf, usize> = HashMap::new();
    for f in found {
        *sharing.entry(mirrored(f)).or_default() += 1;
    }
    let mut targets = HashMap::new();
    let mut by_target: HashMap<PathBuf, &Path> = HashMap::new();
    for f in found {
        let mut target = mirrored(f);
        if sharing[&target] > 1 || Some(target.as_path()) == page {
            let mut name = f.path.file_name().unwrap_or_default().to_os_string();
            name.push(".");
            name.push(extension);
            target.set_file_name(name);
        }
        let clash = by_target
            .get(&target)
            .copied()
            .or(page.filter(|p| *p == target));
        if let Some(other) = clash {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "{}: {} and {} would both be written here, one over the other; \
                     annotate them into separate output folders",
                    mirrored(f).display(),
                    display(other),
                    display(&f.path)
                ),
            ));
        }
        by_target.insert(target.clone(), &f.path);
        targets.insert(f.path.clone(), target);
    }
    Ok(targets)
}

/// Drops from `found` the files a folder walk met inside the output folder `dir` (`tifa
/// annotate in -o in/out/`): they are earlier outputs, and reading them as inputs would
/// annotate the annotations on every run. Returns how many were dropped. An output folder
/// that is an input folder itself is refused: its outputs would land among its inputs.
pub(super) fn skip_output_folder(found: &mut Vec<Found>, dir: &Path) -> io::Result<usize> {
    // A folder not made yet holds no outputs.
    let Ok(out) = fs::canonicalize(dir) else {
        return Ok(0);
    };
    // For each input folder: where the output folder is below it, if it is.
    let mut below: HashMap<PathBuf, Option<PathBuf>> = HashMap::new();
    for f in found.iter().filter(|f| f.walked) {
        if below.contains_key(&f.root) {
            continue;
        }
        let rel = fs::canonicalize(&f.root)
            .ok()
            .and_then(|root| out.strip_prefix(root).ok().map(Path::to_path_buf));
        if rel.as_ref().is_some_and(|r| r.as_os_str().is_empty()) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "{}: the output folder is the input folder {}; choose an output folder \
                     outside it (or one inside it, which is then not read)",
                    dir.display(),
                    display(&f.root)
                ),
            ));
        }
        below.insert(f.root.clone(), rel);
    }
    let before = found.len();
    found.retain(|f| {
        let inside = f.walked
            && below
                .get(&f.root)
                .and_then(Option::as_ref)
                .is_some_and(|rel| {
                    f.path
                        .strip_prefix(&f.root)
                        .is_ok_and(|p| p.starts_with(rel))
                });
        !inside
    });
    Ok(before - found.len())
}

fn summary_overwrites(summary: &Path, output: &Path) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!(
            "{}: the summary would overwrite the output {}; choose another summary file",
            summary.display(),
            output.display()
        ),
    )
}

fn same_file(a: &Path, b: &Path) -> bool {
    // An output not written yet (nearly every one) is no input: one look, not a walk of
    // every folder on both paths.
    if fs::symlink_metadata(a).is_err() {
        return false;
    }
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// Writes a document's output: what was spilled, read back from the start, then `bytes`.
fn write_document(w: &mut dyn Write, spilled: Option<fs::File>, bytes: &[u8]) -> io::Result<()> {
    if let Some(file) = spilled {
        super::stream::copy_spilled(&file, |b| w.write_all(b))?;
    }
    w.write_all(bytes)
}
