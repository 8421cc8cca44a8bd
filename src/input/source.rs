//! Documents in: files, folders, standard input and JSONL records, with the checks that turn
//! bad input into one clear message (binary data, invalid UTF-8, empty files).

use std::fmt;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::mapped::Mapped;
use crate::text::snippet::line_column;

/// Why an input could not be used.
#[derive(Debug)]
pub enum InputErrorKind {
    /// The file could not be read.
    Io(io::Error),
    /// A NUL byte: not text.
    Binary {
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// Not UTF-8.
    InvalidUtf8 {
        /// 1-based line of the first invalid byte.
        line: usize,
        /// 1-based column, in characters, of the first invalid byte.
        column: usize,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// Invalid UTF-8 read anyway (`--lossy`): the first bad byte, replaced with U+FFFD as
    /// every other one was; a warning, not an error.
    ReplacedUtf8 {
        /// 1-based line of the first invalid byte.
        line: usize,
        /// 1-based column, in characters, of the first invalid byte.
        column: usize,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// Nothing to annotate.
    Empty,
    /// UTF-16 text (it starts with a UTF-16 byte-order mark): not read, since its NUL bytes
    /// would otherwise make it look binary.
    Utf16 {
        /// Big-endian (FE FF) rather than little-endian.
        big_endian: bool,
    },
    /// A JSONL line that is not a JSON object.
    BadRecord(String),
    /// A JSONL line that is not UTF-8.
    RecordUtf8 {
        /// 1-based column, in characters, of the first invalid byte.
        column: usize,
        /// Byte offset in the line of the first invalid byte.
        offset: usize,
    },
    /// A JSONL line longer than [`MAX_RECORD`].
    RecordTooLong {
        /// Its length in bytes.
        bytes: u64,
    },
    /// A JSONL record without the text field, or with a non-string one, or with a string
    /// that is no text (a lone surrogate escape).
    MissingText(MissingText),
    /// An aligned file (TMX, XLIFF, TSV) whose segments could not be read.
    Segments(String),
}

/// Why a JSONL record has no usable text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingText {
    /// The text field's name.
    pub field: String,
    /// The first lone surrogate escape in the field's string (`\ud800`, hex in lower case), if
    /// that is why the string is no text.
    pub lone_surrogate: Option<String>,
}

/// An input problem, with the path (and for JSONL, the line) it concerns.
#[derive(Debug)]
pub struct InputError {
    /// The input's path as given (`-` for standard input).
    pub path: String,
    /// The 1-based line of a JSONL record.
    pub line: Option<u64>,
    /// What is wrong.
    pub kind: InputErrorKind,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", crate::text::path_in_message(&self.path))?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
        }
        match &self.kind {
            InputErrorKind::Io(e) if e.kind() == io::ErrorKind::NotFound => {
                write!(f, ": no such file or folder")
            }
            InputErrorKind::Io(e) if e.raw_os_error() == Some(21) => {
                write!(f, ": is a folder, expected a file")
            }
            InputErrorKind::Io(e) => write!(f, ": cannot read: {e}"),
            InputErrorKind::Binary { offset } => {
                write!(f, ": binary file (NUL byte at offset {offset}), skipped")
            }
            InputErrorKind::InvalidUtf8 {
                line,
                column,
                offset,
            } => write!(
                f,
                ": invalid UTF-8 at line {line}, column {column} (byte offset {offset}); \
                 convert it to UTF-8 or pass --lossy"
            ),
            InputErrorKind::ReplacedUtf8 {
                line,
                column,
                offset,
            } => write!(
                f,
                ": invalid UTF-8 at line {line}, column {column} (byte offset {offset}); \
                 invalid bytes replaced with U+FFFD"
            ),
            InputErrorKind::Empty => write!(f, ": empty file, nothing to annotate"),
            InputErrorKind::Utf16 { big_endian } => write!(
                f,
                ": UTF-16{} text, skipped; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)",
                if *big_endian { "BE" } else { "LE" }
            ),
            InputErrorKind::BadRecord(m) => {
                write!(f, ": not a JSON object: {m}; passed through unchanged")
            }
            InputErrorKind::RecordUtf8 { column, offset } => write!(
                f,
                ": invalid UTF-8 at column {column} (byte offset {offset} in the line); passed \
                 through unchanged (--lossy reads it with U+FFFD)"
            ),
            InputErrorKind::RecordTooLong { bytes } => write!(
                f,
                ": record of {bytes} bytes, longer than the limit of {} MiB; passed through \
                 unchanged",
                MAX_RECORD >> 20
            ),
            InputErrorKind::Segments(m) => write!(f, ": cannot read its segments: {m}"),
            InputErrorKind::MissingText(MissingText {
                field,
                lone_surrogate: Some(escape),
            }) => write!(
                f,
                ": field {field:?} holds a lone surrogate escape ({escape}), which is no \
                 Unicode character, so the record has no text; passed through without spans"
            ),
            InputErrorKind::MissingText(MissingText { field, .. }) => {
                write!(
                    f,
                    ": record has no string field {field:?}; passed through without spans"
                )
            }
        }
    }
}

impl std::error::Error for InputError {}

impl InputError {
    /// An error about a whole input.
    pub fn new(path: impl Into<String>, kind: InputErrorKind) -> InputError {
        InputError {
            path: path.into(),
            line: None,
            kind,
        }
    }
}

/// How many leading bytes are inspected for a NUL byte, as git and ripgrep do.
const BINARY_SNIFF: usize = 8192;

/// Checks the start of an input for what makes it no text: nothing at all, a UTF-16
/// byte-order mark, a NUL byte in the first 8 KiB.
pub fn sniff(path: &str, head: &[u8]) -> Result<(), InputError> {
    if head.is_empty() {
        return Err(InputError::new(path, InputErrorKind::Empty));
    }
    if let [a @ (0xFF | 0xFE), b @ (0xFF | 0xFE), ..] = head[..] {
        if a != b {
            let big_endian = a == 0xFE;
            return Err(InputError::new(path, InputErrorKind::Utf16 { big_endian }));
        }
    }
    // memchr: a byte loop here was a twentieth of the work on a folder of 8 KB documents.
    if let Some(offset) = memchr::memchr(0, &head[..head.len().min(BINARY_SNIFF)]) {
        return Err(InputError::new(path, InputErrorKind::Binary { offset }));
    }
    Ok(())
}

/// Decodes a whole input as text. With `lossy`, invalid UTF-8 is replaced (U+FFFD) and the
/// first problem is returned beside the text as a warning.
pub fn decode(
    path: &str,
    bytes: Vec<u8>,
    lossy: bool,
) -> Result<(String, Option<InputError>), InputError> {
    sniff(path, &bytes)?;
    match String::from_utf8(bytes) {
        Ok(s) => Ok((s, None)),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let (line, column) = line_column(&bytes, offset);
            if lossy {
                let warning = InputError::new(
                    path,
                    InputErrorKind::ReplacedUtf8 {
                        line,
                        column,
                        offset,
                    },
                );
                Ok((String::from_utf8_lossy(&bytes).into_owned(), Some(warning)))
            } else {
                Err(InputError::new(
                    path,
                    InputErrorKind::InvalidUtf8 {
                        line,
                        column,
                        offset,
                    },
                ))
            }
        }
    }
}

/// Reads a file or standard input (`-`) whole. Takes the path itself, not its display
/// form, so a file whose name is not UTF-8 is still found.
pub fn read_all(path: impl AsRef<Path>) -> Result<Vec<u8>, InputError> {
    let path = path.as_ref();
    let mut buf = Vec::new();
    let res = if path.as_os_str() == "-" {
        io::stdin().lock().read_to_end(&mut buf)
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut buf))
    };
    res.map_err(|e| InputError::new(path.to_string_lossy(), InputErrorKind::Io(e)))?;
    Ok(buf)
}

/// The rest of an input longer than [`read_head`]'s limit, still to be read.
pub enum Rest {
    /// Read on from where the head ends.
    Read(Box<dyn Read + Send>),
    /// A regular file, mapped from its start ([`Mapped`]): the head is read again.
    Mapped(Mapped),
}

/// Reads a file or standard input (`-`) up to `limit` bytes; an input longer than that also
/// gives back the rest, to be read on in windows (a device such as `/dev/zero` never
/// ends): with `map`, a regular file known to be longer is mapped ([`Mapped`]). Takes the
/// path itself, not its display form.
pub fn read_head(
    path: impl AsRef<Path>,
    limit: usize,
    map: bool,
) -> Result<(Vec<u8>, Option<Rest>), InputError> {
    let path = path.as_ref();
    let err = |e| InputError::new(path.to_string_lossy(), InputErrorKind::Io(e));
    // A file's length sizes the buffer: read into an empty one, an 8 KB document took a
    // dozen reads (a small first read, then doubling) and as many reallocations.
    let (mut reader, len, file): (Box<dyn Read + Send>, u64, _) = if path.as_os_str() == "-" {
        (Box::new(io::stdin()), 0, None)
    } else {
        let file = std::fs::File::open(path).map_err(err)?;
        let meta = file.metadata().ok();
        let len = meta.as_ref().map_or(0, |m| m.len());
        // A regular file known to be read in windows is mapped (a second handle to it).
        let mapped = map && meta.is_some_and(|m| m.is_file()) && len > limit as u64;
        let kept = mapped.then(|| file.try_clone().ok()).flatten();
        (Box::new(file), len, kept)
    };
    // A file known to be longer than the limit is read on in windows anyway: only enough
    // to tell binary data is read here, so the first window's search need not wait for
    // the limit's worth of reading (16 MiB took a worker a tenth of a 20 MB run).
    let known_long = len > limit as u64;
    let want = if known_long {
        STREAM_HEAD.min(limit) as u64
    } else {
        limit as u64 + 1
    };
    let mut head = Vec::with_capacity(len.min(want) as usize);
    (&mut reader)
        .take(want)
        .read_to_end(&mut head)
        .map_err(err)?;
    if let Some(mapped) = file.and_then(|f| Mapped::open(f, 0)) {
        return Ok((head, Some(Rest::Mapped(mapped))));
    }
    let more = known_long || head.len() > limit;
    Ok((head, more.then_some(Rest::Read(reader))))
}

/// How much of a file known to be read in windows [`read_head`] reads: more than the
/// binary sniff looks at.
const STREAM_HEAD: usize = 64 << 10;

/// One JSONL record: its text, kept with the raw record so its fields can be kept.
pub struct Record {
    /// The text field's value.
    pub text: String,
    /// The byte range of a `spans` member the record already has (tifa's own output read
    /// again), with the comma that separates it from its neighbour: cut out, so the new
    /// spans replace it.
    pub old_spans: Option<std::ops::Range<usize>>,
}

/// The longest JSONL record (line) read; a longer one is passed through unread, since
/// holding it would bound memory by the input rather than by the chunk.
pub const MAX_RECORD: usize = 16 << 20;

/// Parses one JSONL line: it must be an object whose `text_field` is a string.
pub fn parse_record(line: &str, text_field: &str) -> Result<Record, InputErrorKind> {
    use serde_json::value::RawValue;
    let map: std::collections::HashMap<std::borrow::Cow<'_, str>, &RawValue> =
        serde_json::from_str(line).map_err(|e| InputErrorKind::BadRecord(e.to_string()))?;
    let missing = |lone_surrogate| {
        InputErrorKind::MissingText(MissingText {
            field: text_field.to_string(),
            lone_surrogate,
        })
    };
    let raw = map.get(text_field).ok_or_else(|| missing(None))?;
    let text: String =
        serde_json::from_str(raw.get()).map_err(|_| missing(lone_surrogate(raw.get())))?;
    let old_spans = map
        .get("spans")
        .filter(|_| text_field != "spans")
        .and_then(|v| member_range(line, v.get()));
    Ok(Record { text, old_spans })
}

/// The bytes of the object member whose value is `value` (a slice of `line`), with one
/// comma beside it, so cutting them out leaves a valid object.
fn member_range(line: &str, value: &str) -> Option<std::ops::Range<usize>> {
    let b = line.as_bytes();
    let v_start = (value.as_ptr() as usize).checked_sub(line.as_ptr() as usize)?;
    let v_end = v_start + value.len();
    let back = |mut i: usize| {
        while i > 0 && b[i - 1].is_ascii_whitespace() {
            i -= 1;
        }
        i
    };
    // Back over `"key"` and the colon: the key's opening quote is the first quote before
    // its closing one that no backslash escapes.
    let colon = back(v_start).checked_sub(1).filter(|&i| b[i] == b':')?;
    let close = back(colon).checked_sub(1).filter(|&i| b[i] == b'"')?;
    let mut open = close;
    loop {
        open = memchr::memrchr(b'"', &b[..open])?;
        let slashes = b[..open].iter().rev().take_while(|&&c| c == b'\\').count();
        if slashes % 2 == 0 {
            break;
        }
    }
    let before = back(open);
    if before > 0 && b[before - 1] == b',' {
        return Some(before - 1..v_end);
    }
    // The first member: take the comma after it instead.
    let mut end = v_end;
    while end < b.len() && b[end].is_ascii_whitespace() {
        end += 1;
    }
    if b.get(end) == Some(&b',') {
        end += 1;
        while end < b.len() && b[end].is_ascii_whitespace() {
            end += 1;
        }
    }
    Some(open..end)
}

/// The first `\uXXXX` escape in a JSON string literal that is a surrogate without its pair.
fn lone_surrogate(json: &str) -> Option<String> {
    let b = json.as_bytes();
    let unit = |i: usize| -> Option<u16> {
        if b.get(i) == Some(&b'\\') && b.get(i + 1) == Some(&b'u') {
            u16::from_str_radix(json.get(i + 2..i + 6)?, 16).ok()
        } else {
            None
        }
    };
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        match unit(i) {
            Some(u @ 0xD800..=0xDBFF) => {
                if matches!(unit(i + 6), Some(0xDC00..=0xDFFF)) {
                    i += 12;
                    continue;
                }
                return Some(format!("\\u{u:04x}"));
            }
            Some(u @ 0xDC00..=0xDFFF) => return Some(format!("\\u{u:04x}")),
            Some(_) => i += 6,
            // Any other escape is two characters (`\\`, `\"` …).
            None => i += 2,
        }
    }
    None
}

/// A file found under an input argument, with the argument it came from (for mirroring).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The file.
    pub path: PathBuf,
    /// The input argument (a folder, or the file itself).
    pub root: PathBuf,
    /// Found by walking a folder (not named by the user): binary files are skipped with a
    /// note rather than reported as errors.
    pub walked: bool,
    /// Its length when it was found (0 for standard input, or a file that could not be
    /// looked at): what the work is cut into chunks by. Looked at while the folders are
    /// walked, which goes on while the glossary is read: after, it was a serial tenth of a
    /// run over a folder of 8 KB documents on two workers.
    pub len: u64,
}

/// A note about a skipped file (hidden, or excluded by a glob), or an error walking a folder.
#[derive(Debug)]
pub enum WalkNote {
    /// A file skipped, and why.
    Skipped(PathBuf, &'static str),
    /// A folder that could not be read.
    Error(InputError),
}

/// Include/exclude patterns for files found in folders, ripgrep style: `*.txt` includes,
/// `!*.log` excludes; with any include pattern, only matching files are kept.
#[derive(Debug, Clone, Default)]
pub struct Globs {
    include: Option<globset::GlobSet>,
    exclude: Option<globset::GlobSet>,
}

impl Globs {
    /// Compiles patterns; an invalid pattern is an error naming it.
    pub fn new(patterns: &[String]) -> Result<Globs, String> {
        let mut inc = globset::GlobSetBuilder::new();
        let mut exc = globset::GlobSetBuilder::new();
        let (mut n_inc, mut n_exc) = (0, 0);
        for p in patterns {
            let (builder, pat, n) = match p.strip_prefix('!') {
                Some(rest) => (&mut exc, rest, &mut n_exc),
                None => (&mut inc, p.as_str(), &mut n_inc),
            };
            let glob = globset::GlobBuilder::new(pat)
                .literal_separator(false)
                .build()
                .map_err(|e| format!("invalid --glob {p:?}: {e}"))?;
            builder.add(glob);
            *n += 1;
        }
        let build =
            |b: globset::GlobSetBuilder, n: usize| -> Result<Option<globset::GlobSet>, String> {
                if n == 0 {
                    Ok(None)
                } else {
                    b.build()
                        .map(Some)
                        .map_err(|e| format!("invalid --glob: {e}"))
                }
            };
        Ok(Globs {
            include: build(inc, n_inc)?,
            exclude: build(exc, n_exc)?,
        })
    }

    /// Does an include pattern name this file (given as for [`Globs::keeps`])?
    pub fn includes(&self, rel: &Path) -> bool {
        let name = rel.file_name().map(Path::new).unwrap_or(rel);
        self.include
            .as_ref()
            .is_some_and(|set| set.is_match(rel) || set.is_match(name))
    }

    /// No pattern was given: every file is kept, and none is included by name.
    pub fn is_empty(&self) -> bool {
        self.include.is_none() && self.exclude.is_none()
    }

    /// Is a file, given by its path relative to the folder argument, kept?
    pub fn keeps(&self, rel: &Path) -> bool {
        let name = rel.file_name().map(Path::new).unwrap_or(rel);
        let hit = |set: &globset::GlobSet| set.is_match(rel) || set.is_match(name);
        self.include.as_ref().is_none_or(hit) && !self.exclude.as_ref().is_some_and(hit)
    }
}

/// Expands input arguments into files: folders recursively, in name order; hidden files and
/// folders inside a folder are skipped with a note; `globs` filter files found in folders.
/// Symlink loops are reported, not followed forever.
pub fn expand(args: &[PathBuf], globs: &Globs, notes: &mut Vec<WalkNote>) -> Vec<Found> {
    expand_with(args, globs, AlignedFiles::Skip, notes)
}

/// [`expand`], choosing what to do with aligned files met in folders.
pub fn expand_with(
    args: &[PathBuf],
    globs: &Globs,
    aligned: AlignedFiles,
    notes: &mut Vec<WalkNote>,
) -> Vec<Found> {
    let mut out = Vec::new();
    for arg in args {
        let named = |len| Found {
            path: arg.clone(),
            root: arg.clone(),
            walked: false,
            len,
        };
        if arg.as_os_str() == "-" {
            out.push(named(0));
            continue;
        }
        match std::fs::metadata(arg) {
            Ok(m) if m.is_dir() => walk(arg, globs, aligned, &mut out, notes),
            Ok(m) => out.push(named(m.len())),
            // A missing or unreadable path is reported when it is read, in input order.
            Err(_) => out.push(named(0)),
        }
    }
    out
}

/// What a folder walk does with aligned files (TMX, XLIFF, TSV).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum AlignedFiles {
    /// Skip them with a note (`annotate`: its offsets point into a file's text, and the
    /// segments' text is not the file's).
    #[default]
    Skip,
    /// Keep them, to be read as their segments' text (`input::read_document`; `discover`
    /// and `glossary build`).
    Read,
}

/// The segment format of an aligned file met in a folder, by its extension.
pub fn aligned_format(path: &Path) -> Option<crate::input::segments::SegmentFormat> {
    use crate::input::segments::SegmentFormat;
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "tmx" => Some(SegmentFormat::Tmx),
        "xlf" | "xliff" | "sdlxliff" | "mqxliff" => Some(SegmentFormat::Xliff),
        "tsv" => Some(SegmentFormat::Tsv),
        _ => None,
    }
}

/// Why a file met in a folder is not read as a document: aligned segments, glossaries and
/// Markdown are files of another kind, whose markup would be read as prose (`discover`
/// would propose `tuv xml` as a term). A file named on the command line, or one an include
/// `--glob` names, is read as text all the same.
pub fn not_prose(path: &Path) -> Option<&'static str> {
    use crate::input::segments::SegmentFormat;
    if let Some(format) = aligned_format(path) {
        return Some(match format {
            SegmentFormat::Tmx => {
                "aligned segments (TMX), not prose: skipped; check them with `tifa check`"
            }
            SegmentFormat::Xliff => {
                "aligned segments (XLIFF), not prose: skipped; check them with `tifa check`"
            }
            SegmentFormat::Tsv => {
                "aligned segments (TSV), not prose: skipped; check them with `tifa check`"
            }
        });
    }
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "tbx" => "a glossary (TBX), not prose: skipped; import it with `tifa glossary import`",
        "md" | "markdown" => "Markdown, not plain text: skipped; name the file to read it as text",
        _ => return None,
    })
}

/// The lengths of the files a walk finds, each looked up by its name in its folder, which
/// is opened once: given the whole path, the kernel looks up every folder on it again for
/// each file (a third of the walk of a folder of 2,431 files).
#[derive(Default)]
struct Lengths {
    /// The folders open, by depth: a walk comes back to a folder's files after each of its
    /// subfolders.
    #[cfg(unix)]
    folders: Vec<Option<(PathBuf, rustix::fd::OwnedFd)>>,
}

impl Lengths {
    /// The length of the file a walk found (0 when it cannot be looked at: it is reported
    /// when it is read).
    fn of(&mut self, e: &walkdir::DirEntry) -> u64 {
        #[cfg(unix)]
        if e.depth() > 0 {
            use rustix::fs::{AtFlags, Mode, OFlags};
            use std::os::unix::ffi::OsStrExt;
            let name = name_of(e);
            let path = e.path().as_os_str().as_bytes();
            // The folder is the path before the name's `/` (`/` itself for `/name`).
            let slash = path.len().checked_sub(name.len() + 1);
            if let Some(slash) = slash.filter(|&at| path[at] == b'/') {
                let folder = &path[..slash.max(1)];
                let depth = e.depth() - 1;
                if self.folders.len() <= depth {
                    self.folders.resize_with(depth + 1, || None);
                }
                let open = &mut self.folders[depth];
                if !matches!(open, Some((f, _)) if f.as_os_str().as_bytes() == folder) {
                    let folder = Path::new(std::ffi::OsStr::from_bytes(folder));
                    let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
                    *open = rustix::fs::open(folder, flags, Mode::empty())
                        .ok()
                        .map(|fd| (folder.to_path_buf(), fd));
                }
                if let Some((_, fd)) = open {
                    // Symbolic links are followed, as `fs::metadata` follows them.
                    return rustix::fs::statat(&*fd, name, AtFlags::empty())
                        .map_or(0, |st| u64::try_from(st.st_size).unwrap_or(0));
                }
            }
        }
        std::fs::metadata(e.path()).map_or(0, |m| m.len())
    }
}

/// An entry's file name. Below the root, a walk's paths are its folders' paths joined with
/// the names read: the name is what follows the last `/`. `DirEntry::file_name` parses the
/// path into components each time, a sixth of the walk of a folder of 2,431 files when it
/// sorted them by name.
fn name_of(e: &walkdir::DirEntry) -> &std::ffi::OsStr {
    #[cfg(unix)]
    if e.depth() > 0 {
        use std::os::unix::ffi::OsStrExt;
        let b = e.path().as_os_str().as_bytes();
        if let Some(slash) = memchr::memrchr(b'/', b) {
            return std::ffi::OsStr::from_bytes(&b[slash + 1..]);
        }
    }
    e.file_name()
}

fn walk(
    root: &Path,
    globs: &Globs,
    aligned: AlignedFiles,
    out: &mut Vec<Found>,
    notes: &mut Vec<WalkNote>,
) {
    let mut lengths = Lengths::default();
    let mut walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by(|a, b| name_of(a).cmp(name_of(b)))
        .into_iter();
    while let Some(entry) = walker.next() {
        match entry {
            Ok(e) => {
                let hidden = e.depth() > 0 && name_of(&e).as_encoded_bytes().first() == Some(&b'.');
                if hidden {
                    let what = if e.file_type().is_dir() {
                        "hidden folder, skipped"
                    } else {
                        "hidden file, skipped"
                    };
                    notes.push(WalkNote::Skipped(e.path().to_path_buf(), what));
                    if e.file_type().is_dir() {
                        walker.skip_current_dir();
                    }
                    continue;
                }
                if e.file_type().is_dir() {
                    continue;
                }
                // Parsing the paths costs: not done when there is no pattern.
                let rel = || e.path().strip_prefix(root).unwrap_or(e.path());
                if !globs.is_empty() && !globs.keeps(rel()) {
                    continue;
                }
                let read_aligned =
                    aligned == AlignedFiles::Read && aligned_format(e.path()).is_some();
                if let Some(why) =
                    not_prose(e.path()).filter(|_| !globs.includes(rel()) && !read_aligned)
                {
                    notes.push(WalkNote::Skipped(e.into_path(), why));
                    continue;
                }
                if !e.file_type().is_file() {
                    // Not read: a FIFO would block the run until something writes to it.
                    notes.push(WalkNote::Skipped(
                        e.into_path(),
                        "not a regular file (FIFO, socket or device), skipped",
                    ));
                    continue;
                }
                let len = lengths.of(&e);
                out.push(Found {
                    path: e.into_path(),
                    root: root.to_path_buf(),
                    walked: true,
                    len,
                });
            }
            Err(e) => {
                let path = e
                    .path()
                    .map_or_else(|| root.display().to_string(), |p| p.display().to_string());
                let kind = if e.loop_ancestor().is_some() {
                    InputErrorKind::Io(io::Error::other("symbolic link loop, not followed"))
                } else {
                    InputErrorKind::Io(
                        e.into_io_error()
                            .unwrap_or_else(|| io::Error::other("walk error")),
                    )
                };
                notes.push(WalkNote::Error(InputError::new(path, kind)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn decode_rejects_bad_input() {
        assert!(matches!(
            decode("x", vec![], false),
            Err(InputError {
                kind: InputErrorKind::Empty,
                ..
            })
        ));
        assert!(matches!(
            decode("x", b"ab\0c".to_vec(), false),
            Err(InputError {
                kind: InputErrorKind::Binary { offset: 2 },
                ..
            })
        ));
        let e = decode("x", b"ok\nab\xffc".to_vec(), false).unwrap_err();
        assert!(matches!(
            e.kind,
            InputErrorKind::InvalidUtf8 {
                line: 2,
                column: 3,
                offset: 5
            }
        ));
        let (s, w) = decode("x", b"ab\xffc".to_vec(), true).unwrap();
        assert_eq!(s, "ab\u{FFFD}c");
        assert!(w.is_some());
    }

    #[test]
    fn globs() {
        let g = Globs::new(&["*.txt".into(), "!draft*".into()]).unwrap();
        assert!(g.keeps(Path::new("a/b.txt")));
        assert!(!g.keeps(Path::new("a/b.md")));
        assert!(!g.keeps(Path::new("a/draft-1.txt")));
        assert!(Globs::default().keeps(Path::new("x")));
        assert!(Globs::new(&["a[".into()]).is_err());
    }

    #[test]
    fn a_walk_finds_files_in_name_order_with_their_lengths() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path().join("corpus");
        // Byte order is not name order: `a-b` sorts before `a`'s files by bytes ('-' < '/').
        for (path, text) in [
            ("b.txt", "bb"),
            ("a/z.txt", "z"),
            ("a-b/x.txt", "xxxx"),
            ("a.txt", ""),
            ("a/deeper/y y.txt", "yyy"),
            ("a/.hidden.txt", "h"),
        ] {
            let path = root.join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, text).unwrap();
        }
        #[cfg(unix)]
        std::os::unix::fs::symlink(root.join("a-b/x.txt"), root.join("c.txt")).unwrap();
        let mut notes = Vec::new();
        let found = expand(std::slice::from_ref(&root), &Globs::default(), &mut notes);
        let got: Vec<(String, u64)> = found
            .iter()
            .map(|f| {
                let rel = f.path.strip_prefix(&root).unwrap();
                (rel.to_string_lossy().into_owned(), f.len)
            })
            .collect();
        let mut want = vec![
            ("a/deeper/y y.txt", 3),
            ("a/z.txt", 1),
            ("a-b/x.txt", 4),
            ("a.txt", 0),
            ("b.txt", 2),
        ];
        if cfg!(unix) {
            // A link is followed: its length is its target's.
            want.push(("c.txt", 4));
        }
        let want: Vec<(String, u64)> = want.into_iter().map(|(p, n)| (p.into(), n)).collect();
        assert_eq!(got, want);
        assert!(matches!(&notes[..], [WalkNote::Skipped(p, _)] if p.ends_with(".hidden.txt")));
        assert!(Globs::default().is_empty());
        assert!(!Globs::new(&["!*.md".into()]).unwrap().is_empty());
    }

    #[test]
    fn records() {
        assert_eq!(
            parse_record(r#"{"id":1,"text":"a\nb"}"#, "text")
                .unwrap()
                .text,
            "a\nb"
        );
        assert!(matches!(
            parse_record(r#"{"id":1}"#, "text"),
            Err(InputErrorKind::MissingText(_))
        ));
        assert_eq!(lone_surrogate(r#""a\ud800b""#).as_deref(), Some("\\ud800"));
        assert_eq!(lone_surrogate(r#""\\ud800 \ud83d\ude00""#), None);
        assert_eq!(
            lone_surrogate(r#""\ud83d\ude00 \uDC00""#).as_deref(),
            Some("\\udc00")
        );
        assert!(matches!(
            parse_record("[1]", "text"),
            Err(InputErrorKind::BadRecord(_))
        ));
    }

    #[test]
    fn old_spans_are_cut_out_with_one_comma() {
        let cases = [
            (r#"{"text":"x","spans":[1,2]}"#, r#"{"text":"x"}"#),
            (r#"{"spans" : [] , "text":"x"}"#, r#"{"text":"x"}"#),
            (
                r#"{"a":1, "spans":{"k":"}"}, "text":"x"}"#,
                r#"{"a":1, "text":"x"}"#,
            ),
            (r#"{"text":"x\"","spans":null}"#, r#"{"text":"x\""}"#),
            (r#"{"text":"x"}"#, r#"{"text":"x"}"#),
        ];
        for (line, want) in cases {
            let rec = parse_record(line, "text").unwrap();
            let mut got = line.to_string();
            if let Some(r) = rec.old_spans {
                got.replace_range(r, "");
            }
            assert_eq!(got, want, "{line}");
            serde_json::from_str::<serde_json::Value>(&got).unwrap();
        }
    }
}
