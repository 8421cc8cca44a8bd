//! The cache of compiled glossaries: a run from the cache writes what a fresh compile writes,
//! a changed glossary is compiled afresh, a damaged or unwritable cache never changes a
//! result, `--no-cache` leaves nothing behind. Every test has its own cache folder.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, SystemTime};

use tifa::glossary::{read_sources, Glossary, GlossarySource};
use tifa::matcher::cache::{compile, Cache, CacheUse};
use tifa::{annotate, MatchOptions};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs tifa with its cache in `cache` (never the user's).
fn tifa(cache: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_tifa"))
        .env("TIFA_CACHE_DIR", cache)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "tifa {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Marks a file as last changed `days` ago; that time.
fn age(p: &Path, days: u32) -> SystemTime {
    let when = SystemTime::now() - Duration::from_secs(86_400) * days;
    let f = fs::File::options().append(true).open(p).unwrap();
    f.set_modified(when).unwrap();
    when
}

/// The cache files in a folder.
fn cache_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| rd.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

/// The inputs the outputs are compared on: the sample corpus, and an English and a Chinese
/// text with terms, gated forms, cues and excludes.
fn inputs(dir: &Path) -> Vec<String> {
    let en = dir.join("en.txt");
    fs::write(
        &en,
        "Officials acted as \"protective umbrellas\" for gangs, breaking money and breaking \
         blood. The four winds campaign went on; the Party's Central Committee met.\n",
    )
    .unwrap();
    let zh = dir.join("zh.txt");
    fs::write(
        &zh,
        "扫黑除恶专项斗争中，打财断血，深挖保护伞。公安部门和公安部、纪委监委协同；\
         反对四风，中央八项规定精神。保護傘。\n",
    )
    .unwrap();
    vec![
        root().join("corpus/en").display().to_string(),
        root().join("corpus/zh").display().to_string(),
        root().join("corpus/zh-hant").display().to_string(),
        en.display().to_string(),
        zh.display().to_string(),
    ]
}

fn args<'a>(extra: &[&'a str], inputs: &'a [String]) -> Vec<&'a str> {
    let mut a = vec!["annotate", "-q", "--format", "jsonl"];
    a.extend_from_slice(extra);
    a.extend(inputs.iter().map(String::as_str));
    a
}

/// A run that stores the compiled glossary and a run that reads it write the bytes a run
/// without the cache writes, for the built-in glossary and for glossary files, with and
/// without `--overlapping` (whose automaton is stored and read too).
#[test]
fn cached_output_is_fresh_output() {
    let tmp = tempfile::tempdir().unwrap();
    let files = inputs(tmp.path());
    let folder = tmp.path().join("glossary");
    fs::create_dir(&folder).unwrap();
    for e in fs::read_dir(root().join("glossary")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "csv") {
            fs::copy(&p, folder.join(p.file_name().unwrap())).unwrap();
        }
    }
    let folder = folder.display().to_string();
    for extra in [
        vec![],
        vec!["--overlapping"],
        vec!["-g", folder.as_str()],
        vec!["-g", folder.as_str(), "--overlapping"],
    ] {
        let cache = tmp.path().join(format!("cache{}", extra.len()));
        let fresh = tifa(
            &cache,
            &args(&[&extra[..], &["--no-cache"]].concat(), &files),
        );
        assert!(cache_files(&cache).is_empty());
        let stored = tifa(&cache, &args(&extra, &files));
        // With `--overlapping`, its automaton is kept beside the glossary.
        let kept = 1 + extra.contains(&"--overlapping") as usize;
        assert_eq!(cache_files(&cache).len(), kept, "{extra:?}");
        let read = tifa(&cache, &args(&extra, &files));
        assert!(fresh.stdout.len() > 1000);
        assert_eq!(fresh.stdout, stored.stdout, "{extra:?}");
        assert_eq!(fresh.stdout, read.stdout, "{extra:?}");
        assert_eq!(fresh.stderr, read.stderr, "{extra:?}");
    }
}

/// The entries read from the cache are the entries loaded, field for field, with their
/// files, lines and columns; the second compile is a hit.
#[test]
fn cached_entries_are_the_entries_loaded() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = Cache::new(tmp.path());
    let sources = [GlossarySource::Builtin];
    let first = compile(&sources, Some(&cache)).unwrap();
    assert!(matches!(first.cache, CacheUse::Stored), "{:?}", first.cache);
    let second = compile(&sources, Some(&cache)).unwrap();
    assert!(matches!(second.cache, CacheUse::Hit), "{:?}", second.cache);
    assert_eq!(
        second.matcher.glossary().entries,
        Glossary::builtin().entries
    );
    assert_eq!(
        second.matcher.pattern_count(),
        first.matcher.pattern_count()
    );
}

/// Editing one byte of a glossary file compiles it afresh: the results follow the file.
#[test]
fn changed_glossary_is_compiled_afresh() {
    let tmp = tempfile::tempdir().unwrap();
    let g = tmp.path().join("g.csv");
    let text = tmp.path().join("t.txt");
    fs::write(
        &text,
        "They acted as protective umbrellas. 他们充当保护伞和保护网。",
    )
    .unwrap();
    let cache = tmp.path().join("cache");
    let (gs, ts) = (g.display().to_string(), text.display().to_string());
    let run = |extra: &[&str]| {
        let mut a = vec!["annotate", "-q", "--format", "jsonl", "-g", &gs, &ts];
        a.extend_from_slice(extra);
        tifa(&cache, &a).stdout
    };
    fs::write(
        &g,
        "id,zh,pinyin,en,category,definition\nbao-hu-san,保护伞,bǎo hù sǎn,protective umbrella,campaign,Protection.\n",
    )
    .unwrap();
    let before = run(&[]);
    assert_eq!(run(&[]), before);
    let english = |out: &[u8]| String::from_utf8_lossy(out).contains(r#""form":"en""#);
    assert!(english(&before));
    // One byte of the English form: "umbrella" becomes "umbrello", which the text lacks.
    let mut bytes = fs::read(&g).unwrap();
    let at = bytes.windows(8).position(|w| w == b"umbrella").unwrap() + 7;
    bytes[at] = b'o';
    fs::write(&g, &bytes).unwrap();
    let after = run(&[]);
    assert_ne!(after, before);
    assert!(!english(&after));
    assert!(String::from_utf8_lossy(&after).contains(r#""form":"zh""#));
    assert_eq!(after, run(&["--no-cache"]));
    assert_eq!(cache_files(&cache).len(), 2);
}

/// A cache file truncated, emptied, with a bit flipped anywhere, or of another key is
/// ignored: the glossary is compiled afresh, the results are right and the file is written
/// again.
#[test]
fn damaged_cache_file_is_rebuilt() {
    let tmp = tempfile::tempdir().unwrap();
    let files = inputs(tmp.path());
    let cache = tmp.path().join("cache");
    let fresh = tifa(&cache, &args(&["--no-cache"], &files)).stdout;
    tifa(&cache, &args(&[], &files));
    let file = cache_files(&cache).pop().unwrap();
    let good = fs::read(&file).unwrap();
    // The header (magic, format, key, the five sections' lengths, checksum), then the
    // sections: entries, the phrase set, its anchor basis, the matcher's other tables, the
    // Chinese automaton.
    let length = |at: usize| u64::from_le_bytes(good[at..at + 8].try_into().unwrap()) as usize;
    let entries = 84..84 + length(28);
    let phrases = entries.end..entries.end + length(36);
    let basis = phrases.end..phrases.end + length(44);
    let tables = basis.end..basis.end + length(52);
    assert_eq!(tables.end + length(60), good.len());
    let flip = |at: usize| {
        let mut b = good.clone();
        b[at] ^= 0x10;
        b
    };
    let other = tmp.path().join("other.csv");
    fs::write(&other, "id,zh,pinyin,en,category,definition\nx,保护伞,bǎo hù sǎn,protective umbrella,campaign,Protection.\n").unwrap();
    let damaged: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("header cut", good[..40].to_vec()),
        ("truncated", good[..good.len() / 2].to_vec()),
        ("last byte cut", good[..good.len() - 1].to_vec()),
        ("a byte added", [&good[..], b"x"].concat()),
        ("magic", flip(0)),
        ("format", flip(9)),
        ("key", flip(20)),
        ("entries length", flip(30)),
        ("phrase set length", flip(38)),
        ("basis length", flip(46)),
        ("tables length", flip(54)),
        ("automaton length", flip(62)),
        ("checksum", flip(76)),
        ("entries", flip(entries.start + entries.len() / 2)),
        ("phrase set", flip(phrases.start + phrases.len() / 2)),
        ("basis", flip(basis.start + basis.len() / 2)),
        ("tables", flip(tables.start + tables.len() / 2)),
        ("automaton", flip(good.len() - 20)),
        ("garbage", vec![0xAB; good.len()]),
    ];
    let sources = [GlossarySource::Builtin];
    let lib_cache = Cache::new(&cache);
    assert_eq!(
        lib_cache.file_for(&read_sources(&sources)),
        file,
        "the file is named by its key"
    );
    for (what, bytes) in damaged {
        fs::write(&file, &bytes).unwrap();
        let out = tifa(&cache, &args(&[], &files));
        assert_eq!(out.stdout, fresh, "{what}");
        assert!(out.stderr.is_empty(), "{what}");
        assert_eq!(fs::read(&file).unwrap(), good, "{what}: written again");
        // The library says what happened.
        fs::write(&file, &bytes).unwrap();
        let c = compile(&sources, Some(&lib_cache)).unwrap();
        assert!(matches!(c.cache, CacheUse::Stored), "{what}: {:?}", c.cache);
        let c = compile(&sources, Some(&lib_cache)).unwrap();
        assert!(matches!(c.cache, CacheUse::Hit), "{what}: {:?}", c.cache);
    }
    // A file written for another glossary, put in this one's place, is not read.
    let other_sources = [GlossarySource::Path(other)];
    compile(&other_sources, Some(&lib_cache)).unwrap();
    let other_file = lib_cache.file_for(&read_sources(&other_sources));
    fs::copy(&other_file, &file).unwrap();
    let c = compile(&sources, Some(&lib_cache)).unwrap();
    assert!(matches!(c.cache, CacheUse::Stored), "{:?}", c.cache);
    assert_eq!(tifa(&cache, &args(&[], &files)).stdout, fresh);
}

/// A cache folder that cannot be made or written is no error: the run goes on, silently.
#[test]
fn unwritable_cache_still_works() {
    let tmp = tempfile::tempdir().unwrap();
    let files = inputs(tmp.path());
    let fresh = tifa(&tmp.path().join("c"), &args(&["--no-cache"], &files));
    // A folder under a regular file cannot be made, whoever runs the tests (root too).
    let blocker = tmp.path().join("a-file");
    fs::write(&blocker, "").unwrap();
    let cache = blocker.join("cache");
    let out = tifa(&cache, &args(&[], &files));
    assert_eq!(out.stdout, fresh.stdout);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let c = compile(&[GlossarySource::Builtin], Some(&Cache::new(&cache))).unwrap();
    assert!(matches!(c.cache, CacheUse::NotStored(_)), "{:?}", c.cache);
}

/// `--no-cache` neither reads nor writes the cache, on every command that compiles a
/// glossary.
#[test]
fn no_cache_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let files = inputs(tmp.path());
    let cache = tmp.path().join("cache");
    tifa(&cache, &args(&["--no-cache"], &files));
    tifa(
        &cache,
        &["glossary", "build", "--no-cache", files[3].as_str()],
    );
    tifa(&cache, &["discover", "--no-cache", files[4].as_str()]);
    assert!(!cache.exists());
    // Without it, the same commands share one file.
    tifa(&cache, &args(&[], &files));
    tifa(&cache, &["glossary", "build", files[3].as_str()]);
    assert_eq!(cache_files(&cache).len(), 1);
    // And a damaged file is not read with --no-cache (nor repaired).
    let file = cache_files(&cache).pop().unwrap();
    fs::write(&file, b"damaged").unwrap();
    let out = tifa(&cache, &args(&["--no-cache"], &files));
    assert!(!out.stdout.is_empty());
    assert_eq!(fs::read(&file).unwrap(), b"damaged");
}

/// Runs at once on an empty cache all write the same results and leave one whole file.
#[test]
fn concurrent_runs() {
    let tmp = tempfile::tempdir().unwrap();
    let files = inputs(tmp.path());
    let cache = tmp.path().join("cache");
    let fresh = tifa(&cache, &args(&["--no-cache"], &files)).stdout;
    let children: Vec<_> = (0..4)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_tifa"))
                .env("TIFA_CACHE_DIR", &cache)
                .args(args(&[], &files))
                .stdout(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(out.status.success());
        assert_eq!(out.stdout, fresh);
    }
    let left = cache_files(&cache);
    assert_eq!(left.len(), 1, "{left:?}");
    let c = compile(&[GlossarySource::Builtin], Some(&Cache::new(&cache))).unwrap();
    assert!(matches!(c.cache, CacheUse::Hit));
}

/// A matcher read from the cache finds what a fresh one finds, span for span, on a text with
/// every kind of form (the library, without rendering).
#[test]
fn cached_matcher_finds_the_same_spans() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = Cache::new(tmp.path());
    let sources = [GlossarySource::Builtin];
    let fresh = compile(&sources, None).unwrap().matcher;
    compile(&sources, Some(&cache)).unwrap();
    let hit = compile(&sources, Some(&cache)).unwrap();
    assert!(matches!(hit.cache, CacheUse::Hit));
    let mut text = String::new();
    for e in &fresh.glossary().entries {
        for (_, f) in e.all_forms() {
            text.push_str(f);
            text.push_str(". ");
        }
        for c in &e.cue {
            text.push_str(c);
            text.push(' ');
        }
    }
    for opts in [MatchOptions::default(), MatchOptions { overlapping: true }] {
        let a = annotate(&fresh, &text, opts);
        let b = annotate(&hit.matcher, &text, opts);
        assert!(a.spans.len() > 1000);
        assert_eq!(a.spans, b.spans);
    }
}

/// The automaton of every Chinese match, once a command readies it, is kept beside the
/// compiled glossary: the next run reads it rather than building it again and finds the same
/// spans; a damaged file is built and written again.
#[test]
fn the_overlapping_automaton_is_kept_beside_the_glossary() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = Cache::new(tmp.path());
    let sources = [GlossarySource::Builtin];
    let fresh = compile(&sources, None).unwrap().matcher;
    // Every Chinese form, run together: forms inside forms, and across their joins.
    let text: String = fresh
        .glossary()
        .entries
        .iter()
        .flat_map(|e| std::iter::once(&e.zh).chain(&e.zh_alt))
        .map(String::as_str)
        .collect();
    let overlapping = MatchOptions { overlapping: true };
    let want = annotate(&fresh, &text, overlapping).spans;
    assert!(want.len() > 1000);

    let side = cache
        .file_for(&read_sources(&sources))
        .with_extension("overlapping");
    compile(&sources, Some(&cache)).unwrap().ready_overlapping();
    let written = fs::read(&side).unwrap();
    // Aged, so that a file written again would show.
    let long_ago = age(&side, 1);
    let hit = compile(&sources, Some(&cache)).unwrap();
    assert!(matches!(hit.cache, CacheUse::Hit));
    hit.ready_overlapping();
    assert_eq!(fs::metadata(&side).unwrap().modified().unwrap(), long_ago);
    assert_eq!(annotate(&hit.matcher, &text, overlapping).spans, want);

    let mut damaged = written.clone();
    let last = damaged.len() - 1;
    damaged[last] ^= 1;
    fs::write(&side, &damaged).unwrap();
    let again = compile(&sources, Some(&cache)).unwrap();
    again.ready_overlapping();
    assert_eq!(annotate(&again.matcher, &text, overlapping).spans, want);
    assert!(fs::read(&side).unwrap() == written, "not written again");
}

/// The folder keeps the most recently used compiled glossaries: older ones beyond
/// `cache::KEEP` and stale temporary files are removed when a new one is written, and a
/// file read from the cache counts as used.
#[test]
fn old_files_are_pruned() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let cache = Cache::new(dir);
    // The built-in glossary's file, used long ago but read now: it stays.
    let builtin = [GlossarySource::Builtin];
    compile(&builtin, Some(&cache)).unwrap();
    let builtin_file = cache.file_for(&read_sources(&builtin));
    age(&builtin_file, 100);
    assert!(matches!(
        compile(&builtin, Some(&cache)).unwrap().cache,
        CacheUse::Hit
    ));
    // Twenty others, the first the oldest.
    let old: Vec<PathBuf> = (0..20)
        .map(|i| {
            let p = dir.join(format!("{i:032x}.glossary"));
            fs::write(&p, b"old").unwrap();
            age(&p, 50 - i);
            p
        })
        .collect();
    // Each one's automaton of every match beside it, which goes with it.
    for p in &old {
        fs::write(p.with_extension("overlapping"), b"old").unwrap();
    }
    let stale_tmp = dir.join(".tmp-left");
    fs::write(&stale_tmp, b"half").unwrap();
    age(&stale_tmp, 1);
    let fresh_tmp = dir.join(".tmp-writing");
    fs::write(&fresh_tmp, b"half").unwrap();
    // A new glossary is compiled and stored: the folder is pruned.
    let g = dir.join("g.csv");
    fs::write(
        &g,
        "id,zh,pinyin,en,category,definition\nx,保护伞,bǎo hù sǎn,protective umbrella,campaign,P.\n",
    )
    .unwrap();
    let mine = [GlossarySource::Path(g)];
    assert!(matches!(
        compile(&mine, Some(&cache)).unwrap().cache,
        CacheUse::Stored
    ));
    let left: Vec<PathBuf> = cache_files(dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "glossary"))
        .collect();
    assert_eq!(left.len(), tifa::matcher::cache::KEEP, "{left:?}");
    assert!(left.contains(&cache.file_for(&read_sources(&mine))));
    assert!(left.contains(&builtin_file));
    // The newest of the twenty stay, the oldest go.
    assert!(left.contains(&old[19]));
    assert!(!left.contains(&old[0]));
    assert!(old[19].with_extension("overlapping").exists());
    assert!(!old[0].with_extension("overlapping").exists());
    assert!(!stale_tmp.exists());
    assert!(fresh_tmp.exists());
}
