//! Output files: written under a temporary name beside the target and renamed into place
//! when complete, so an interrupted run leaves nothing partial; devices and FIFOs written
//! directly; an output that would replace an input refused.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

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
            file.commit(p)
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
/// 0600, since it becomes the user's output.
pub fn temp_beside(target: &Path) -> io::Result<tempfile::NamedTempFile> {
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    create_dir(&dir)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".tifa-").suffix(".part");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(&dir).map_err(|e| {
        // tempfile's message ends with its random temporary name (`at path
        // ".tifa-x1y2.part"`), which the user never asked for: name the target instead.
        let msg = e.to_string();
        let msg = msg.split(" at path ").next().unwrap_or_default();
        io::Error::new(
            e.kind(),
            format!("{}: cannot write: {msg}", target.display()),
        )
    })
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
    let mut t = OutFile::create(target)?;
    t.write_all(bytes).map_err(|e| with_path(target, e))?;
    t.commit(target)
}

/// An output file. A regular file (or a new one) is written under a temporary name and
/// renamed into place when complete, so an interrupted run leaves nothing partial. A target
/// that exists and is not a regular file — `/dev/null`, a FIFO, a terminal — is written
/// directly: renaming over it would replace the device or FIFO with a regular file (as
/// root, `-o /dev/null` replaced the system's /dev/null).
pub enum OutFile {
    /// A temporary file beside the target.
    Atomic(tempfile::NamedTempFile),
    /// The target itself.
    Direct(fs::File),
}

impl OutFile {
    /// Opens the output for `target`.
    pub fn create(target: &Path) -> io::Result<OutFile> {
        match fs::metadata(target) {
            Ok(m) if !m.is_file() && !m.is_dir() => fs::OpenOptions::new()
                .write(true)
                .open(target)
                .map(OutFile::Direct)
                .map_err(|e| with_path(target, e)),
            _ => temp_beside(target).map(OutFile::Atomic),
        }
    }

    /// Puts the finished output in place.
    pub fn commit(self, target: &Path) -> io::Result<()> {
        match self {
            OutFile::Atomic(t) => {
                t.persist(target).map_err(|e| with_path(target, e.error))?;
                Ok(())
            }
            OutFile::Direct(mut f) => f.flush(),
        }
    }
}

impl Write for OutFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            OutFile::Atomic(t) => t.write(buf),
            OutFile::Direct(f) => f.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            OutFile::Atomic(t) => t.write_all(buf),
            OutFile::Direct(f) => f.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            OutFile::Atomic(t) => t.flush(),
            OutFile::Direct(f) => f.flush(),
        }
    }
}
