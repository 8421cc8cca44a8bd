//! Output files: written under a temporary name beside the target, flushed to disk and
//! renamed into place when complete, so an interrupted run (or a crash) leaves nothing
//! partial; devices and FIFOs written directly; an output that would replace an input
//! refused. A file that is replaced keeps its mode, and a symbolic link is written through.

use std::collections::HashSet;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

/// Writes through `f` to `path` — a file, written atomically, or `-` or nothing for `stdout`.
pub fn write_to(
    path: Option<&Path>,
    stdout: &mut dyn Write,
    f: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    match path {
        Some(p) if p.as_os_str() != "-" => {
            let mut file = OutFile::create(p)?;
            {
                let mut w = io::BufWriter::new(&mut file);
                f(&mut w)?;
                w.flush()?;
            }
            file.commit()
        }
        _ => {
            let mut w = io::BufWriter::new(&mut *stdout);
            f(&mut w)?;
            w.flush()?;
            drop(w);
            // Out before anything the command says next on standard error.
            stdout.flush()
        }
    }
}

/// The input an output file would replace, if any: `output` is the same file as one of
/// `inputs`, a file inside a folder among them, or the file standard input (`-`) is
/// redirected from. A device or FIFO (`-o /dev/null`) never counts: writing it replaces
/// nothing.
pub fn overwritten_input(output: &Path, inputs: &[PathBuf]) -> Option<PathBuf> {
    let out = fs::canonicalize(output).ok().filter(|p| p.is_file())?;
    inputs
        .iter()
        .find(|i| {
            let i: &Path = if i.as_os_str() == "-" {
                Path::new("/dev/stdin")
            } else {
                i
            };
            fs::canonicalize(i).is_ok_and(|c| out == c || (c.is_dir() && out.starts_with(&c)))
        })
        .cloned()
}

/// The input that is the file `out` describes (same device and inode), if any: for an output
/// opened before the run, such as standard output redirected onto an input (`1<>
/// input.jsonl`, or `> in/all.jsonl` while `in` is read). `-` is standard input.
#[cfg(unix)]
pub fn input_open_as<'a>(
    out: &fs::Metadata,
    inputs: impl IntoIterator<Item = &'a Path>,
) -> Option<PathBuf> {
    use std::os::unix::fs::MetadataExt;
    if !out.is_file() {
        return None;
    }
    inputs
        .into_iter()
        .find(|i| {
            let i = if i.as_os_str() == "-" {
                Path::new("/dev/stdin")
            } else {
                i
            };
            fs::metadata(i).is_ok_and(|m| m.dev() == out.dev() && m.ino() == out.ino())
        })
        .map(Path::to_path_buf)
}

/// Would writing `a` and `b` write the same file? Compared by the real path each names (a
/// symbolic link is its target), whether or not the files exist yet.
pub fn same_output(a: &Path, b: &Path) -> bool {
    resolved(a) == resolved(b)
}

/// The real path of a file that may not exist yet: the real path of its nearest existing
/// folder, and the rest of the path as written.
pub fn resolved(p: &Path) -> PathBuf {
    let p = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    for base in p.ancestors() {
        if let Ok(real) = fs::canonicalize(base) {
            return real.join(p.strip_prefix(base).unwrap_or(Path::new("")));
        }
    }
    p
}

/// The error for an output file that would replace one of `inputs`, if it would.
pub fn refuse_overwrite(output: &Path, inputs: &[PathBuf]) -> Option<io::Error> {
    overwritten_input(output, inputs).map(|input| overwrite_error(output, &input))
}

/// The error for an output that would replace an input.
pub fn overwrite_error(output: &Path, input: &Path) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!(
            "{}: output would overwrite the input {}; choose another output file",
            output.display(),
            if input.as_os_str() == "-" {
                "read from standard input".to_string()
            } else {
                input.display().to_string()
            }
        ),
    )
}

fn with_path(p: &Path, e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", p.display()))
}

/// A temporary file in the target's folder, so the final rename is atomic. It is created
/// with the mode an ordinary new file gets (0666 less the umask), not tempfile's private
/// 0600, since it becomes the user's output. It is locked while this process has it open,
/// which tells a later run that it is not a leftover (`remove_leftovers`).
pub fn temp_beside(target: &Path) -> io::Result<tempfile::NamedTempFile> {
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    remove_leftovers(&dir);
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    // The folder is made (with its parents) only when the file cannot be made without it:
    // not once more for every output of a folder.
    let temp = match builder.tempfile_in(&dir) {
        Ok(t) => Ok(t),
        Err(_) => {
            create_dir(&dir)?;
            builder.tempfile_in(&dir)
        }
    };
    let temp = temp.map_err(|e| {
        // tempfile's message ends with its random temporary name (`at path
        // ".tifa-x1y2.part"`), which the user never asked for: name the target instead.
        let msg = e.to_string();
        let msg = msg.split(" at path ").next().unwrap_or_default();
        io::Error::new(
            e.kind(),
            format!("{}: cannot write: {msg}", target.display()),
        )
    })?;
    // Where the file system has no locks, leftovers are simply never removed.
    let _ = temp.as_file().try_lock();
    Ok(temp)
}

/// The temporary names: `.tifa-` and six random letters or digits (tempfile's default), then
/// `.part`.
const TEMP_PREFIX: &str = ".tifa-";
const TEMP_SUFFIX: &str = ".part";
const TEMP_RANDOM_LEN: usize = 6;

/// How old a temporary file must be before a later run may remove it. A live run locks its
/// temporary file just after creating it; this margin covers that moment.
const LEFTOVER_AGE: Duration = Duration::from_secs(60);

/// Is `name` one of our temporary names (never a file the user made)?
fn is_temp_name(name: &std::ffi::OsStr) -> bool {
    name.to_str()
        .and_then(|n| n.strip_prefix(TEMP_PREFIX)?.strip_suffix(TEMP_SUFFIX))
        .is_some_and(|r| r.len() == TEMP_RANDOM_LEN && r.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Removes the temporary files a killed run left in `dir` (`kill -9`, a power cut: no
/// handler ran), once per folder and process. Only files with our temporary name, older than
/// [`LEFTOVER_AGE`] and not locked are removed: a lock is held by every live run on its
/// temporary files and released by the system when a run dies, so a run in progress in the
/// same folder, however long, keeps its files. Best effort: a file that cannot be checked
/// stays.
fn remove_leftovers(dir: &Path) {
    static CLEARED: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);
    {
        let mut cleared = CLEARED.lock().unwrap_or_else(|e| e.into_inner());
        if !cleared
            .get_or_insert_with(HashSet::new)
            .insert(dir.to_path_buf())
        {
            return;
        }
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        if !is_temp_name(&entry.file_name()) {
            continue;
        }
        let old = entry.metadata().is_ok_and(|m| {
            m.is_file()
                && m.modified()
                    .is_ok_and(|t| now.duration_since(t).is_ok_and(|age| age > LEFTOVER_AGE))
        });
        if !old {
            continue;
        }
        let path = entry.path();
        // Held while removing, so no other run can take it meanwhile.
        if let Ok(f) = fs::File::open(&path) {
            if f.try_lock().is_ok() {
                let _ = fs::remove_file(&path);
            }
        }
    }
}

/// Creates a folder and its parents. When a file stands where a folder is needed (`-o
/// notes.txt/out/`), the error names that file rather than saying "File exists".
pub fn create_dir(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir).map_err(|e| {
        match dir
            .ancestors()
            .find(|a| !a.as_os_str().is_empty() && a.exists() && !a.is_dir())
        {
            Some(file) => io::Error::new(
                io::ErrorKind::NotADirectory,
                format!("{}: is a file, expected a folder", file.display()),
            ),
            None => with_path(dir, e),
        }
    })
}

/// Writes a whole file under a temporary name, then renames it into place.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(dir) = write_unsynced(target, bytes)? {
        sync_folder(&dir);
    }
    Ok(())
}

/// Writes a whole file as [`write_atomic`] does, leaving its folder to sync: returned (see
/// [`OutFile::commit_unsynced`]).
pub fn write_unsynced(target: &Path, bytes: &[u8]) -> io::Result<Option<PathBuf>> {
    write_unsynced_with(target, |w| w.write_all(bytes))
}

/// [`write_unsynced`] with the file's bytes written by `write`, in as many writes as it likes.
pub fn write_unsynced_with(
    target: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<Option<PathBuf>> {
    let mut t = OutFile::create(target)?;
    write(&mut t).map_err(|e| with_path(target, e))?;
    t.commit_unsynced()
}

/// An output file. A regular file (or a new one) is written under a temporary name and
/// renamed into place when complete, so an interrupted run leaves nothing partial. A target
/// that exists and is not a regular file — `/dev/null`, a FIFO, a terminal — is written
/// directly: renaming over it would replace the device or FIFO with a regular file (as
/// root, `-o /dev/null` replaced the system's /dev/null).
pub enum OutFile {
    /// A temporary file beside the file it will replace.
    Atomic {
        /// The temporary file.
        temp: tempfile::NamedTempFile,
        /// The file it becomes: the target, or the file a symbolic link target names.
        target: PathBuf,
    },
    /// The target itself.
    Direct(fs::File),
}

impl OutFile {
    /// Opens the output for `target`. A symbolic link is written through: the file it names
    /// is replaced and the link stays (replacing the link itself would quietly detach the
    /// output from where the link's owner keeps it). A link to nothing is refused.
    pub fn create(target: &Path) -> io::Result<OutFile> {
        let target = match fs::symlink_metadata(target) {
            Ok(m) if m.file_type().is_symlink() => fs::canonicalize(target).map_err(|e| {
                io::Error::new(
                    e.kind(),
                    format!(
                        "{}: a symbolic link to nothing ({e}); remove it or choose another output",
                        target.display()
                    ),
                )
            })?,
            _ => target.to_path_buf(),
        };
        match fs::metadata(&target) {
            Ok(m) if !m.is_file() && !m.is_dir() => fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .map(OutFile::Direct)
                .map_err(|e| with_path(&target, e)),
            existing => {
                let temp = temp_beside(&target)?;
                if let Ok(m) = existing.as_ref() {
                    if m.is_file() {
                        keep_owner_and_mode(temp.as_file(), m);
                    }
                }
                Ok(OutFile::Atomic { temp, target })
            }
        }
    }

    /// Puts the finished output in place: its data on disk first, so that after a crash the
    /// name holds the old file or the whole new one, never an empty or partial one.
    pub fn commit(self) -> io::Result<()> {
        if let Some(dir) = self.commit_unsynced()? {
            sync_folder(&dir);
        }
        Ok(())
    }

    /// Puts the finished output in place as [`OutFile::commit`] does, but leaves the folder
    /// it was renamed in unsynced: returned, for the caller to sync once for all its files
    /// ([`sync_folder`]). A folder of 20,000 outputs was synced 20,000 times.
    pub fn commit_unsynced(self) -> io::Result<Option<PathBuf>> {
        match self {
            OutFile::Atomic { temp, target } => {
                temp.as_file()
                    .sync_all()
                    .map_err(|e| with_path(&target, e))?;
                temp.persist(&target)
                    .map_err(|e| with_path(&target, e.error))?;
                let dir = match target.parent() {
                    Some(d) if !d.as_os_str().is_empty() => d,
                    _ => Path::new("."),
                };
                Ok(Some(dir.to_path_buf()))
            }
            OutFile::Direct(mut f) => f.flush().map(|()| None),
        }
    }
}

/// Makes the renames into a folder durable. Not every system can sync a folder, so a
/// failure changes nothing.
pub fn sync_folder(dir: &Path) {
    let _ = fs::File::open(dir).and_then(|d| d.sync_all());
}

/// Gives the file that replaces an existing output the old file's mode (and, where this
/// process may, its owner and group): a re-run changes the content only.
fn keep_owner_and_mode(new: &fs::File, old: &fs::Metadata) {
    let _ = new.set_permissions(old.permissions());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = std::os::unix::fs::fchown(new, Some(old.uid()), Some(old.gid()));
    }
}

impl Write for OutFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            OutFile::Atomic { temp, .. } => temp.write(buf),
            OutFile::Direct(f) => f.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            OutFile::Atomic { temp, .. } => temp.write_all(buf),
            OutFile::Direct(f) => f.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            OutFile::Atomic { temp, .. } => temp.flush(),
            OutFile::Direct(f) => f.flush(),
        }
    }
}
