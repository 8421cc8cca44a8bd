//! Where rendered outputs go: standard output, one file, or one file per input mirroring
//! the input tree (with the renderer's corpus page beside them), and the `--summary` file.
//! Files are written atomically (`crate::output`).

use std::collections::HashSet;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{display, Destination};
use crate::annotate::merge_counts;
use crate::glossary::Glossary;
use crate::input::source::Found;
use crate::output::{create_dir, write_atomic, OutFile};
use crate::render::summary::SummaryWriter;
use crate::render::{IndexDoc, Render};

/// The `--summary` file, written under a temporary name and renamed when complete.
pub(super) struct SummaryFile {
    writer: SummaryWriter<io::BufWriter<OutFile>>,
    target: PathBuf,
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
            target: target.to_path_buf(),
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
        tmp.commit(&self.target)
    }
}

/// Writes rendered outputs: to standard output, to one file, or to one file per input.
pub(super) struct Sink<'a> {
    dest: &'a Destination,
    /// File extension of per-input outputs.
    extension: &'static str,
    stdout: &'a mut dyn Write,
    file: Option<OutFile>,
    /// Output paths already used, so two inputs never write the same output.
    used: HashSet<PathBuf>,
    /// Inputs whose mirrored output name another input shares (`a.txt`, `a.md`): each of
    /// them keeps its full name (`a.txt.html`, `a.md.html`), so names do not depend on order.
    full_names: HashSet<PathBuf>,
    /// The open output of a streamed (JSONL) input in folder mode, and its path.
    part: Option<(OutFile, PathBuf)>,
    buf: Vec<u8>,
    /// The pages written, for the corpus page (formats that have one, into a folder only).
    index: Option<Vec<IndexDoc>>,
    /// The first failed write to the shared output.
    pub(super) fatal: Option<io::Error>,
}

impl<'a> Sink<'a> {
    pub(super) fn new(
        dest: &'a Destination,
        renderer: &dyn Render,
        stdout: &'a mut dyn Write,
    ) -> io::Result<Sink<'a>> {
        let mut used = HashSet::new();
        let mut index = None;
        let file = match dest {
            Destination::File(p) => Some(OutFile::create(p)?),
            Destination::Dir(d) => {
                create_dir(d)?;
                if let Some(page) = renderer.corpus_page() {
                    // Reserved for the corpus page: an input `index.txt` gets `index.txt.html`.
                    used.insert(d.join(page));
                    index = Some(Vec::new());
                }
                None
            }
            Destination::Stdout => None,
        };
        Ok(Sink {
            dest,
            extension: renderer.extension(),
            stdout,
            file,
            used,
            full_names: HashSet::new(),
            part: None,
            buf: Vec::new(),
            fatal: None,
            index,
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
        self.buf.clear();
        r.end(&mut self.buf);
        let buf = std::mem::take(&mut self.buf);
        if let Some(w) = self.shared() {
            w.write_all(&buf)?;
            w.flush()?;
        }
        if let (Destination::File(p), Some(f)) = (self.dest, self.file.take()) {
            f.commit(p)?;
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

    /// Writes one whole document's output. Errors are messages naming the output path.
    pub(super) fn document(
        &mut self,
        f: &Found,
        bytes: &[u8],
        r: &dyn Render,
        counts: &[(usize, u32)],
    ) -> Result<(), String> {
        if let Some(w) = self.shared() {
            let res = w.write_all(bytes);
            self.fail(res);
            return Ok(());
        }
        let target = self.target(f)?;
        let mut out = Vec::new();
        r.begin(&mut out);
        out.extend_from_slice(bytes);
        r.end(&mut out);
        write_atomic(&target, &out).map_err(|e| e.to_string())?;
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

    /// Writes part of a streamed input's output; `last` closes it.
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
        if self.part.is_none() {
            let target = self.target(f).map_err(io::Error::other)?;
            let mut t = OutFile::create(&target)?;
            let mut head = Vec::new();
            r.begin(&mut head);
            t.write_all(&head)?;
            self.indexed(f, &target, &[], false);
            self.used.insert(target.clone());
            self.part = Some((t, target));
        }
        if let Some(page) = self.index.as_mut().and_then(|i| i.last_mut()) {
            merge_counts(&mut page.counts, counts);
        }
        let (t, _) = self.part.as_mut().expect("opened above");
        t.write_all(bytes)?;
        if last {
            let mut tail = Vec::new();
            r.end(&mut tail);
            t.write_all(&tail)?;
            // The path chosen when the output was opened, which differs from the mirrored one
            // when two inputs map to the same output.
            let (t, target) = self.part.take().expect("opened above");
            t.commit(&target)?;
        }
        Ok(())
    }

    /// Notes the inputs whose mirrored outputs would share a name (or take a reserved one).
    pub(super) fn plan(&mut self, found: &[Found]) {
        if !matches!(self.dest, Destination::Dir(_)) {
            return;
        }
        let mut by_target: std::collections::HashMap<PathBuf, Vec<&Path>> =
            std::collections::HashMap::new();
        for f in found {
            by_target
                .entry(self.target_path(f))
                .or_default()
                .push(&f.path);
        }
        for (target, inputs) in by_target {
            if inputs.len() > 1 || self.used.contains(&target) {
                self.full_names
                    .extend(inputs.into_iter().map(Path::to_path_buf));
            }
        }
    }

    /// The output path mirroring an input under the output folder.
    fn target_path(&self, f: &Found) -> PathBuf {
        let Destination::Dir(dir) = self.dest else {
            unreachable!("only folder outputs have per-input targets")
        };
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
        dir.join(rel).with_extension(self.extension)
    }

    fn target(&mut self, f: &Found) -> Result<PathBuf, String> {
        let mut target = self.target_path(f);
        if self.used.contains(&target) || self.full_names.contains(&f.path) {
            // `a.txt` and `a.md` would both become `a.jsonl`: both keep their full names.
            let mut name = f.path.file_name().unwrap_or_default().to_os_string();
            name.push(".");
            name.push(self.extension);
            target.set_file_name(name);
        }
        if same_file(&target, &f.path) {
            return Err(format!(
                "{}: output would overwrite the input; choose another output folder",
                target.display()
            ));
        }
        self.used.insert(target.clone());
        Ok(target)
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}
