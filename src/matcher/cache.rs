//! The cache of compiled glossaries: a glossary compiled once is kept on disk and read back
//! by later runs instead of being compiled again (CC-CEDICT: seconds of compiling become a
//! fraction of one; the built-in glossary: most of start-up).
//!
//! A cache file keeps the compiled state in four sections that read apart from each other:
//! the entries and the warnings of loading them; the English phrase set; the matcher's other
//! tables (its patterns, Chinese keys, excludes and cues); the Chinese automaton. With more
//! than one worker this thread reads the phrase set (the largest) while a second one reads
//! the rest: start-up is the serial part of every run. Each entry is decoded when first
//! asked for, from the entries section, which stays mapped for the run (a run that
//! annotates asks for the few entries its documents name). The automaton of every Chinese
//! match (`--overlapping`, `check`, `discover --aligned`) is built on first use; a command
//! that needs it asks for it ([`Compiled::ready_overlapping`]) and it is kept in a second
//! file beside the first (`KEY.overlapping`), read back by later runs: CC-CEDICT's took a
//! second of every `check` to build.
//!
//! Its key is an XXH3-128 hash of the cache format, tifa's version, a fingerprint of the
//! code that writes and reads the files (`build.rs`: a file another build wrote is never
//! read) and every glossary source in load order: a file's path and bytes, the built-in
//! glossary's fingerprint. One file per key, named by it, written to a temporary file in the
//! same folder and renamed into place, so that two runs at once each see a whole file or
//! none. A file is used only when its header names this format and key and its XXH3-128
//! checksum matches its contents (a fast hash: the glossary files and the cache file are
//! hashed on every run); one that fails to read, to check or to deserialize is a miss,
//! compiled afresh and written again. The Chinese automaton is deserialized by `daachorse`
//! without checks, so only from bytes that this checksum has verified.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::SystemTime;

use daachorse::CharwiseDoubleArrayAhoCorasick;
use serde::{Deserialize, Serialize};
use twox_hash::XxHash3_128;

use super::{HanKeys, HashMap, Matcher, Pattern};
use crate::glossary::{
    load_read, read_sources, Columns, Entries, FormKind, Glossary, GlossaryError, GlossarySource,
    Problem, Severity, SourceData, COLUMNS,
};
use crate::text::phrase::{AnchorBasis, PhraseSet};

mod entry_text;

/// Bumped whenever what a cache file holds changes shape or meaning.
pub const FORMAT: u32 = 13;

/// The first bytes of every cache file.
const MAGIC: &[u8; 8] = b"tifa-gc\n";

/// How many sections a cache file has.
const SECTIONS: usize = 5;

/// Header: magic, format, key, the lengths of the sections, the checksum of all.
const HEADER_LEN: usize = 8 + 4 + 16 + SECTIONS * 8 + 16;

mod fingerprints {
    include!(concat!(env!("OUT_DIR"), "/cache_fingerprints.rs"));
}

/// The folder where compiled glossaries are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cache {
    dir: PathBuf,
}

/// How a compile used the cache.
#[derive(Debug)]
pub enum CacheUse {
    /// No cache was asked for.
    Off,
    /// The compiled glossary was read from the cache.
    Hit,
    /// The glossary was compiled and stored in the cache.
    Stored,
    /// The glossary was compiled but could not be stored (an unwritable folder): the run goes
    /// on without.
    NotStored(io::Error),
}

/// A glossary loaded and compiled, from the cache or afresh.
#[derive(Debug)]
pub struct Compiled {
    /// The compiled glossary.
    pub matcher: Matcher,
    /// The warnings of loading it (kept in the cache, so a run from it reports them too).
    pub warnings: Vec<Problem>,
    /// How the cache served.
    pub cache: CacheUse,
    /// The cache file of the glossary and its key, when a cache was used.
    file: Option<(PathBuf, [u8; 16])>,
}

impl Cache {
    /// A cache in this folder (created when first written).
    pub fn new(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: dir.into() }
    }

    /// The folder of the environment: `$TIFA_CACHE_DIR`, else `$XDG_CACHE_HOME/tifa`, else
    /// `~/.cache/tifa`; `None` when none is set.
    pub fn from_env() -> Option<Cache> {
        let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        if let Some(dir) = var("TIFA_CACHE_DIR") {
            return Some(Cache::new(dir));
        }
        if let Some(dir) = var("XDG_CACHE_HOME") {
            return Some(Cache::new(PathBuf::from(dir).join("tifa")));
        }
        var("HOME").map(|home| Cache::new(PathBuf::from(home).join(".cache").join("tifa")))
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file that keeps the sources' compiled glossary.
    pub fn file_for(&self, read: &[SourceData]) -> PathBuf {
        self.file(&key(read))
    }

    fn file(&self, key: &[u8; 16]) -> PathBuf {
        let name: String = key.iter().map(|b| format!("{b:02x}")).collect();
        self.dir.join(format!("{name}.glossary"))
    }
}

/// Loads and compiles the glossary of `sources`, through `cache` when one is given. Fails
/// like [`crate::glossary::load`] and [`Matcher::new`], with every problem (warnings first).
pub fn compile(
    sources: &[GlossarySource],
    cache: Option<&Cache>,
) -> Result<Compiled, GlossaryError> {
    compile_on(sources, cache, 1)
}

/// Like [`compile`], reading a cache file on up to `threads` threads (two at most are used:
/// one for the entries, one for the rest). One thread reads it all on the caller's.
pub fn compile_on(
    sources: &[GlossarySource],
    cache: Option<&Cache>,
    threads: usize,
) -> Result<Compiled, GlossaryError> {
    let read = read_sources(sources);
    let Some(cache) = cache else {
        let (matcher, warnings) = compile_read(read)?;
        return Ok(Compiled {
            matcher,
            warnings,
            cache: CacheUse::Off,
            file: None,
        });
    };
    let key = key(&read);
    let file = cache.file(&key);
    // A cache file needs no source bytes: they go before it is read, which is when memory
    // peaks on a short input (CC-CEDICT's 22 MB were held beside the 106 MB decoded).
    drop(read);
    if let Some((matcher, warnings)) = decode_file(&file, &key, threads) {
        // Marked as used, so that pruning keeps it (a read-only file stays as it is).
        if let Ok(f) = fs::File::options().append(true).open(&file) {
            let _ = f.set_modified(SystemTime::now());
        }
        return Ok(Compiled {
            matcher,
            warnings,
            cache: CacheUse::Hit,
            file: Some((file, key)),
        });
    }
    // Read again for the build; should the files have changed meanwhile, the key is of
    // what is built.
    let read = read_sources(sources);
    let key = self::key(&read);
    let file = cache.file(&key);
    let (matcher, warnings) = compile_read(read)?;
    let cache_use = match store(&cache.dir, &file, &key, &matcher, &warnings) {
        Ok(()) => CacheUse::Stored,
        Err(e) => CacheUse::NotStored(e),
    };
    Ok(Compiled {
        matcher,
        warnings,
        cache: cache_use,
        file: Some((file, key)),
    })
}

/// Starts a file of the automaton of every Chinese match.
const OVERLAPPING_MAGIC: &[u8; 8] = b"tifa-ov\n";
/// Magic, format, key and checksum.
const OVERLAPPING_HEADER: usize = 8 + 4 + 16 + 16;

impl Compiled {
    /// Readies the matcher's automaton of every Chinese match
    /// ([`MatchOptions::overlapping`](crate::MatchOptions::overlapping)): read from the file
    /// beside the glossary's cache file, else built and written there for later runs. Without
    /// a cache, or where the file cannot be written, it is built here all the same.
    pub fn ready_overlapping(&self) {
        let Some((file, key)) = &self.file else {
            self.matcher.overlapping_automaton();
            return;
        };
        let path = file.with_extension("overlapping");
        if let Some(automaton) = read_overlapping(&path, key) {
            // Unset until now: this is its only setter.
            let _ = self.matcher.overlapping.set(Some(automaton));
            return;
        }
        if let Some(automaton) = self.matcher.overlapping_automaton() {
            let _ = store_overlapping(&path, key, &automaton.serialize());
        }
    }
}

/// The automaton of a file that [`store_overlapping`] wrote for `key`; `None` when it cannot
/// be read or does not check.
fn read_overlapping(path: &Path, key: &[u8; 16]) -> Option<CharwiseDoubleArrayAhoCorasick<u32>> {
    let f = fs::File::open(path).ok()?;
    let check = |bytes: &[u8]| {
        let (header, body) = bytes.split_at_checked(OVERLAPPING_HEADER)?;
        let (magic, rest) = header.split_at(8);
        let (format, rest) = rest.split_at(4);
        let (file_key, checksum) = rest.split_at(16);
        let whole = magic == OVERLAPPING_MAGIC
            && format == FORMAT.to_le_bytes()
            && file_key == key
            && XxHash3_128::oneshot(body).to_le_bytes() == checksum;
        whole.then(|| automaton_from_verified(body)).flatten()
    };
    match map(&f, None) {
        Some(bytes) => check(&bytes),
        None => check(&fs::read(path).ok()?),
    }
}

/// Writes the automaton's bytes for `key` to `path`, through a temporary file renamed into
/// place, as [`store`] does.
fn store_overlapping(path: &Path, key: &[u8; 16], automaton: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new().prefix(".tmp-").tempfile_in(dir)?;
    tmp.write_all(OVERLAPPING_MAGIC)?;
    tmp.write_all(&FORMAT.to_le_bytes())?;
    tmp.write_all(key)?;
    tmp.write_all(&XxHash3_128::oneshot(automaton).to_le_bytes())?;
    tmp.write_all(automaton)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Decodes a cache file, mapped rather than read: reading copied its megabytes into fresh
/// pages, a fifth of start-up (page faults and the copy, `perf`), where mapping lets the
/// decoder read the page cache in place. A file that cannot be mapped (a file system without
/// it, an empty file) is read instead; `None` when it cannot be opened or does not decode.
///
/// The entries section is mapped again on its own and kept for the entries decoded later
/// ([`entry_text::Stored`]); the rest of the file is unmapped once read.
fn decode_file(file: &Path, key: &[u8; 16], threads: usize) -> Option<(Matcher, Vec<Problem>)> {
    let f = fs::File::open(file).ok()?;
    match map(&f, None) {
        Some(bytes) => decode(&bytes, key, threads, |r| {
            let section = map(&f, Some(r.clone())).map(Section::Mapped);
            section.or_else(|| Section::copied(&bytes, r))
        }),
        None => {
            let bytes = fs::read(file).ok()?;
            decode(&bytes, key, threads, |r| Section::copied(&bytes, r))
        }
    }
}

/// The file mapped, whole or these bytes of it.
#[allow(unsafe_code)]
fn map(f: &fs::File, part: Option<std::ops::Range<usize>>) -> Option<memmap2::Mmap> {
    let mut options = memmap2::MmapOptions::new();
    if let Some(r) = part {
        options.offset(r.start as u64).len(r.len());
    } else {
        // The checksum reads every byte of the whole file anyway: its pages mapped in one
        // call rather than fault by fault (142 faults fewer with the built-in glossary,
        // start-up 0.86 of the time on one worker).
        options.populate();
    }
    // SAFETY: a cache file is written whole and renamed into place (`store`), never changed
    // after; a file another run prunes meanwhile stays mapped until this one drops the map
    // (the entries section's at the end of the run).
    unsafe { options.map(f) }.ok()
}

/// A cache file's entries section, kept for the entries decoded when first asked for.
enum Section {
    Mapped(memmap2::Mmap),
    Read(Vec<u8>),
}

impl Section {
    /// These bytes of a file read rather than mapped.
    fn copied(bytes: &[u8], part: std::ops::Range<usize>) -> Option<Section> {
        Some(Section::Read(bytes.get(part)?.to_vec()))
    }
}

impl std::ops::Deref for Section {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Section::Mapped(m) => m,
            Section::Read(v) => v,
        }
    }
}

fn compile_read(read: Vec<SourceData>) -> Result<(Matcher, Vec<Problem>), GlossaryError> {
    let (glossary, warnings) = load_read(read)?;
    match Matcher::new(glossary) {
        Ok(m) => Ok((m, warnings)),
        Err(GlossaryError { problems }) => Err(GlossaryError {
            problems: warnings.into_iter().chain(problems).collect(),
        }),
    }
}

/// The key of a compiled glossary: everything its compiled state depends on.
fn key(read: &[SourceData]) -> [u8; 16] {
    let mut h = XxHash3_128::new();
    let mut field = |bytes: &[u8]| {
        h.write(&(bytes.len() as u64).to_le_bytes());
        h.write(bytes);
    };
    field(MAGIC);
    field(&FORMAT.to_le_bytes());
    field(env!("CARGO_PKG_VERSION").as_bytes());
    field(&fingerprints::CODE.to_le_bytes());
    // Matcher::new has no options; any that changes compiling goes here.
    for data in read {
        match data {
            SourceData::Builtin => {
                field(b"builtin");
                field(&fingerprints::BUILTIN.to_le_bytes());
            }
            SourceData::File { path, bytes } => {
                field(b"file");
                field(path.as_os_str().as_encoded_bytes());
                field(bytes);
            }
            SourceData::Unreadable(p) => {
                field(b"unreadable");
                field(format!("{p:?}").as_bytes());
            }
        }
    }
    h.finish_128().to_le_bytes()
}

/// The entries section as a cache file keeps it (written from borrowed parts).
#[derive(Serialize)]
struct EntriesRef<'a> {
    files: Vec<(&'a Path, Vec<Option<&'static str>>)>,
    /// The entries' fields (`entry_text`), UTF-8 (read back as bytes: each field is
    /// checked as it is decoded).
    #[serde(with = "serde_bytes")]
    text: &'a [u8],
    /// Their lengths, little-endian `u32`s.
    #[serde(with = "serde_bytes")]
    lengths: &'a [u8],
    /// Each entry's origin: a file of `files`, a line.
    origins: Vec<(u32, u64)>,
    warnings: Vec<(&'a Path, u64, u64, bool, &'a str)>,
}

/// [`EntriesRef`] read back: the same fields in the same order.
#[derive(Deserialize)]
struct EntriesSection<'a> {
    files: Vec<(PathBuf, Vec<Option<String>>)>,
    #[serde(with = "serde_bytes")]
    text: &'a [u8],
    #[serde(with = "serde_bytes")]
    lengths: &'a [u8],
    origins: Vec<(u32, u64)>,
    warnings: Vec<(PathBuf, u64, u64, bool, String)>,
}

/// The matcher's tables as a cache file keeps them (written from borrowed parts).
#[derive(Serialize)]
struct TablesRef<'a> {
    patterns: Vec<(u32, u8, bool)>,
    han_keys: &'a HanKeys,
    has_han: bool,
    excludes: &'a HashMap<u32, Vec<String>>,
    cues: &'a HashMap<u32, Vec<String>>,
    cue_entries: &'a [Vec<u32>],
    any_gated: bool,
    longest_form: usize,
}

/// [`TablesRef`] read back: the same fields in the same order.
#[derive(Deserialize)]
struct Tables {
    patterns: Vec<(u32, u8, bool)>,
    han_keys: HanKeys,
    has_han: bool,
    excludes: HashMap<u32, Vec<String>>,
    cues: HashMap<u32, Vec<String>>,
    cue_entries: Vec<Vec<u32>>,
    any_gated: bool,
    longest_form: usize,
}

/// A cache file: the header, the entries, the phrase set, its anchor basis and the matcher's
/// other tables (postcard each), the Chinese automaton (daachorse's own format). `None` when it cannot be
/// serialized (a path not in UTF-8).
fn encode(key: &[u8; 16], m: &Matcher, warnings: &[Problem]) -> Option<Vec<u8>> {
    // Every field is named: a field added to the matcher fails to compile here until the
    // cache keeps it (and FORMAT is bumped).
    let Matcher {
        glossary,
        patterns,
        phrases,
        han_keys,
        han,
        overlapping: _,
        longest_han: _,
        han_exact: _,
        excludes,
        cues,
        cue_entries,
        any_gated,
        longest_form,
    } = m;
    let mut files: Vec<(&Path, &Arc<[Option<&'static str>]>)> = Vec::new();
    let mut origins = Vec::with_capacity(glossary.entries.len());
    for e in &glossary.entries {
        let o = &e.origin;
        let same = |(p, c): &(&Path, &Arc<[Option<&'static str>]>)| {
            *p == &*o.file && (Arc::ptr_eq(c, &o.columns) || c[..] == o.columns[..])
        };
        let file = match files.iter().rposition(same) {
            Some(i) => i,
            None => {
                files.push((&o.file, &o.columns));
                files.len() - 1
            }
        };
        origins.push((file as u32, o.line));
    }
    let mut written = entry_text::Written::default();
    for e in &glossary.entries {
        written.push(e);
    }
    let lengths = written.lengths_le();
    let entries = EntriesRef {
        files: files.iter().map(|(p, c)| (*p, c.to_vec())).collect(),
        text: written.text.as_bytes(),
        lengths: &lengths,
        origins,
        warnings: warnings
            .iter()
            .map(|p| {
                let error = p.severity == Severity::Error;
                (
                    p.file.as_path(),
                    p.line,
                    p.column,
                    error,
                    p.message.as_str(),
                )
            })
            .collect(),
    };
    let tables = TablesRef {
        patterns: patterns
            .iter()
            .map(|p| (p.entry, form_index(p.form), p.gated))
            .collect(),
        han_keys,
        has_han: han.is_some(),
        excludes,
        cues,
        cue_entries,
        any_gated: *any_gated,
        longest_form: *longest_form,
    };
    let sections: [Vec<u8>; SECTIONS] = [
        postcard::to_allocvec(&entries).ok()?,
        postcard::to_allocvec(phrases).ok()?,
        postcard::to_allocvec(phrases.anchor_basis()).ok()?,
        postcard::to_allocvec(&tables).ok()?,
        han.as_ref().map(|h| h.serialize()).unwrap_or_default(),
    ];
    let mut checksum = XxHash3_128::new();
    for s in &sections {
        checksum.write(s);
    }
    let body: usize = sections.iter().map(Vec::len).sum();
    let mut out = Vec::with_capacity(HEADER_LEN + body);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(key);
    for s in &sections {
        out.extend_from_slice(&(s.len() as u64).to_le_bytes());
    }
    out.extend_from_slice(&checksum.finish_128().to_le_bytes());
    for s in &sections {
        out.extend_from_slice(s);
    }
    Some(out)
}

/// The compiled glossary of a cache file, or `None` when the file is not a whole, intact
/// file of this format and key. With `threads` above one, the phrase set is read on this
/// thread and the rest on a second one (one that cannot be started leaves the work to this
/// one). The entries are decoded when first asked for, from the entries section that `keep`
/// is given the place of.
fn decode(
    bytes: &[u8],
    key: &[u8; 16],
    threads: usize,
    keep: impl FnOnce(std::ops::Range<usize>) -> Option<Section>,
) -> Option<(Matcher, Vec<Problem>)> {
    let (header, body) = bytes.split_at_checked(HEADER_LEN)?;
    let (magic, rest) = header.split_at(8);
    let (format, rest) = rest.split_at(4);
    let (file_key, rest) = rest.split_at(16);
    let (lengths, checksum) = rest.split_at(SECTIONS * 8);
    let mut sections = [&body[..0]; SECTIONS];
    let mut at = 0usize;
    for (section, len) in sections.iter_mut().zip(lengths.chunks_exact(8)) {
        let len = usize::try_from(u64::from_le_bytes(len.try_into().ok()?)).ok()?;
        *section = body.get(at..at.checked_add(len)?)?;
        at += len;
    }
    if magic != MAGIC || format != FORMAT.to_le_bytes() || file_key != key || at != body.len() {
        return None;
    }
    let [entries, phrases, basis, tables, automaton] = sections;
    let entries_at = HEADER_LEN..HEADER_LEN + entries.len();
    // The phrase set reads any bytes safely, so it is read while the checksum is worked out;
    // the automaton only once the checksum has matched, and last (daachorse's reader
    // trusts its bytes). The set's anchor basis is read with the rest, which took half as
    // long as the set.
    let rest = || {
        if XxHash3_128::oneshot(body).to_le_bytes() != checksum {
            return None;
        }
        let entries = decode_entries(entries)?;
        let basis = whole::<AnchorBasis>(basis)?;
        Some((entries, decode_tables(tables, automaton)?, basis))
    };
    let (rest, phrases) = if threads > 1 {
        std::thread::scope(|s| {
            let aside = std::thread::Builder::new().spawn_scoped(s, rest);
            let phrases = whole::<PhraseSet>(phrases);
            let rest = match aside {
                Ok(handle) => handle.join().ok().flatten(),
                Err(_) => rest(),
            };
            (rest, phrases)
        })
    } else {
        let rest = rest();
        let phrases = rest.as_ref().and_then(|_| whole(phrases));
        (rest, phrases)
    };
    let (((index, warnings), mut matcher, basis), phrases) = (rest?, phrases?);
    if matcher
        .patterns
        .iter()
        .any(|p| p.entry as usize >= index.len())
    {
        return None;
    }
    let stored = index.keep(keep(entries_at)?)?;
    matcher.glossary = Glossary {
        entries: Entries::stored(Box::new(stored)),
    };
    matcher.phrases = phrases.with_anchor_basis(basis);
    Some((matcher, warnings))
}

/// A section read as postcard, which must take all of it.
fn whole<'a, T: Deserialize<'a>>(section: &'a [u8]) -> Option<T> {
    match postcard::take_from_bytes(section) {
        Ok((value, [])) => Some(value),
        _ => None,
    }
}

/// The entries section: where each entry starts, with its origin, and the warnings of
/// loading them.
fn decode_entries(section: &[u8]) -> Option<(entry_text::Index, Vec<Problem>)> {
    let stored: EntriesSection = whole(section)?;
    let files: Vec<(Arc<Path>, Columns)> = stored
        .files
        .into_iter()
        .map(|(path, columns)| {
            let columns: Option<Vec<Option<&'static str>>> = columns
                .into_iter()
                .map(|c| match c {
                    None => Some(None),
                    Some(name) => COLUMNS.iter().find(|k| **k == name).map(|k| Some(*k)),
                })
                .collect();
            Some((Arc::from(path), Arc::from(columns?)))
        })
        .collect::<Option<_>>()?;
    let index =
        entry_text::Index::new(section, stored.text, stored.lengths, stored.origins, files)?;
    let warnings = stored
        .warnings
        .into_iter()
        .map(|(file, line, column, error, message)| Problem {
            file,
            line,
            column,
            severity: if error {
                Severity::Error
            } else {
                Severity::Warning
            },
            message,
        })
        .collect();
    Some((index, warnings))
}

/// The tables section and the automaton: a matcher whose glossary and phrase set are still
/// empty.
fn decode_tables(section: &[u8], automaton: &[u8]) -> Option<Matcher> {
    let stored: Tables = whole(section)?;
    let han = if stored.has_han {
        Some(automaton_from_verified(automaton)?)
    } else {
        None
    };
    let patterns = stored
        .patterns
        .into_iter()
        .map(|(entry, form, gated)| {
            Some(Pattern {
                entry,
                form: *FormKind::ALL.get(form as usize)?,
                gated,
            })
        })
        .collect::<Option<_>>()?;
    Some(Matcher {
        glossary: Glossary::default(),
        patterns,
        phrases: PhraseSet::default(),
        han_keys: stored.han_keys,
        han,
        overlapping: OnceLock::new(),
        longest_han: OnceLock::new(),
        han_exact: OnceLock::new(),
        excludes: stored.excludes,
        cues: stored.cues,
        cue_entries: stored.cue_entries,
        any_gated: stored.any_gated,
        longest_form: stored.longest_form,
    })
}

/// The Chinese automaton from bytes that `serialize` wrote, as checked by the file's
/// checksum: `daachorse` reads them without checks of its own.
#[allow(unsafe_code)]
fn automaton_from_verified(bytes: &[u8]) -> Option<CharwiseDoubleArrayAhoCorasick<u32>> {
    // SAFETY: `decode` calls this only with the automaton section of a cache file whose
    // checksum matched, and `read_overlapping` with the body of a file whose checksum
    // matched: bytes that `CharwiseDoubleArrayAhoCorasick::serialize` of this very build (the
    // key holds the code's fingerprint, so also daachorse's version) wrote.
    let (automaton, rest) =
        unsafe { CharwiseDoubleArrayAhoCorasick::<u32>::deserialize_unchecked(bytes) };
    rest.is_empty().then_some(automaton)
}

fn form_index(kind: FormKind) -> u8 {
    FormKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or_default() as u8
}

/// Writes the cache file: to a temporary file in the folder, renamed into place.
fn store(
    dir: &Path,
    file: &Path,
    key: &[u8; 16],
    m: &Matcher,
    warnings: &[Problem],
) -> io::Result<()> {
    let bytes = encode(key, m, warnings)
        .ok_or_else(|| io::Error::other("the glossary has a path that is not UTF-8"))?;
    fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new().prefix(".tmp-").tempfile_in(dir)?;
    tmp.write_all(&bytes)?;
    tmp.persist(file).map_err(|e| e.error)?;
    prune(dir, file);
    Ok(())
}

/// At most this many compiled glossaries are kept in a folder: every new build of tifa and
/// every edit of a glossary makes a new one.
pub const KEEP: usize = 16;

/// Removes the compiled glossaries beyond the [`KEEP`] most recently used (all but `kept`),
/// and temporary files a killed run left over an hour ago. Best effort: a file another run
/// removes first, or cannot be removed, is passed over.
fn prune(dir: &Path, kept: &Path) {
    let Ok(listing) = fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    let mut files: Vec<(SystemTime, PathBuf)> = Vec::new();
    for e in listing.flatten() {
        let path = e.path();
        let Some(modified) = e.metadata().and_then(|m| m.modified()).ok() else {
            continue;
        };
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(".tmp-") {
            if now
                .duration_since(modified)
                .is_ok_and(|age| age.as_secs() > 3600)
            {
                let _ = fs::remove_file(&path);
            }
        } else if name.ends_with(".glossary") && path != kept {
            files.push((modified, path));
        }
    }
    // Newest first; `kept` counts as the newest.
    files.sort_by_key(|f| std::cmp::Reverse(f.0));
    for (_, path) in files.into_iter().skip(KEEP.saturating_sub(1)) {
        let _ = fs::remove_file(path.with_extension("overlapping"));
        let _ = fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::{load, Entry};
    use crate::matcher::MatchOptions;

    fn builtin() -> (Matcher, Vec<Problem>) {
        let (glossary, warnings) = load(&[GlossarySource::Builtin]).unwrap();
        (Matcher::new(glossary).unwrap(), warnings)
    }

    /// [`decode`] with the entries section copied out of `bytes`, as from a file that
    /// cannot be mapped.
    fn read_back(bytes: &[u8], key: &[u8; 16], threads: usize) -> Option<(Matcher, Vec<Problem>)> {
        decode(bytes, key, threads, |r| Section::copied(bytes, r))
    }

    /// Read on one thread or on two, a cache file gives back the glossary it was written
    /// from: the same entries with their origins, the same warnings and the same spans.
    #[test]
    fn sections_read_on_two_threads_as_on_one() {
        let (m, warnings) = builtin();
        let key = [7; 16];
        let bytes = encode(&key, &m, &warnings).unwrap();
        let text: String = m
            .glossary()
            .entries
            .iter()
            .flat_map(|e| e.all_forms().map(|(_, f)| f.to_string()))
            .collect::<Vec<_>>()
            .join(". ");
        let spans = m.find(&text, MatchOptions::default());
        assert!(spans.len() > 1000);
        for threads in [1, 2, 3] {
            let (back, back_warnings) = read_back(&bytes, &key, threads).unwrap();
            assert_eq!(back.glossary().entries, m.glossary().entries, "{threads}");
            assert_eq!(back_warnings, warnings, "{threads}");
            assert_eq!(
                back.find(&text, MatchOptions::default()),
                spans,
                "{threads}"
            );
            // The entries of one file share its path and header: one allocation, not one
            // an entry.
            let entries: Vec<&Entry> = back.glossary().entries.iter().collect();
            let same_file = entries
                .windows(2)
                .filter(|w| w[0].origin.file == w[1].origin.file);
            assert!(same_file.clone().count() > 1000);
            for w in same_file {
                assert!(Arc::ptr_eq(&w[0].origin.file, &w[1].origin.file));
                assert!(Arc::ptr_eq(&w[0].origin.columns, &w[1].origin.columns));
            }
        }
    }

    /// A glossary read back decodes no entry until one is asked for: searching decodes none,
    /// and a span's entry is decoded when its record is written.
    #[test]
    fn entries_are_decoded_only_when_asked_for() {
        let (m, warnings) = builtin();
        let key = [7; 16];
        let bytes = encode(&key, &m, &warnings).unwrap();
        for threads in [1, 2] {
            let (back, _) = read_back(&bytes, &key, threads).unwrap();
            let entries = &back.glossary().entries;
            assert_eq!(entries.decoded(), 0);
            let text = "Two protective umbrellas (保护伞) were dug out.";
            let spans = back.find(text, MatchOptions::default());
            assert_eq!(spans.len(), 2);
            assert_eq!(entries.decoded(), 0);
            let ann = crate::annotate::annotate(&back, text, MatchOptions::default());
            let csv = crate::render::Format::Csv.renderer();
            let mut out = Vec::new();
            let doc = crate::render::Document {
                path: "t.txt",
                text,
                record: None,
            };
            csv.document(&doc, &ann, back.glossary(), &mut out);
            assert!(String::from_utf8(out).unwrap().contains("bao-hu-san"));
            assert_eq!(entries.decoded(), 1, "{threads}");
        }
    }

    /// A byte changed in any section, or a section cut short, is a miss on any number of
    /// threads (the checksum covers them all; the lengths must add up to the file).
    #[test]
    fn a_damaged_section_is_a_miss() {
        let (m, warnings) = builtin();
        let key = [7; 16];
        let bytes = encode(&key, &m, &warnings).unwrap();
        // The sections' lengths follow the magic, the format and the key.
        let lengths = 28..28 + SECTIONS * 8;
        let length = |i: usize| {
            let at = lengths.start + 8 * i;
            u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap()) as usize
        };
        let mut starts = vec![HEADER_LEN];
        for i in 0..SECTIONS {
            starts.push(starts[i] + length(i));
        }
        assert_eq!(starts[SECTIONS], bytes.len());
        for &at in &starts[..SECTIONS] {
            let mut damaged = bytes.clone();
            damaged[at + 3] ^= 1;
            for threads in [1, 2] {
                assert!(
                    read_back(&damaged, &key, threads).is_none(),
                    "{at} {threads}"
                );
            }
        }
        // Lengths that move a byte from one section to the next still add up, but the
        // sections no longer read.
        for i in 0..SECTIONS - 1 {
            let mut moved = bytes.clone();
            let at = lengths.start + 8 * i;
            moved[at..at + 8].copy_from_slice(&(length(i) as u64 - 1).to_le_bytes());
            moved[at + 8..at + 16].copy_from_slice(&(length(i + 1) as u64 + 1).to_le_bytes());
            let sum = XxHash3_128::oneshot(&moved[HEADER_LEN..]).to_le_bytes();
            moved[lengths.end..HEADER_LEN].copy_from_slice(&sum);
            for threads in [1, 2] {
                assert!(read_back(&moved, &key, threads).is_none(), "{i} {threads}");
            }
        }
        assert!(read_back(&bytes, &[8; 16], 2).is_none(), "another key");
    }
}
