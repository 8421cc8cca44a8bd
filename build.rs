//! Compiles the curated glossary (`glossary/*.csv`) into the binary, read into entries
//! (`src/glossary/csv.rs`, the library's reader), with what start-up would otherwise work
//! out from it on every run: the surfaces and class of every English word of its forms
//! (`src/text/surfaces.rs`, the same code the library runs on other words), and the
//! traditional → simplified characters of `fast2s`.
use std::collections::BTreeSet;
use std::{env, fs, path::Path};

use unicode_segmentation::UnicodeSegmentation;

#[allow(dead_code)]
#[path = "src/text/surfaces.rs"]
mod surfaces;

/// The glossary's data and its CSV reader, as the library has them.
#[allow(dead_code)]
mod glossary {
    #[path = "../src/glossary/csv.rs"]
    mod csv;
    #[path = "../src/glossary/model.rs"]
    mod model;
    pub use self::csv::{read_csv, COLUMNS};
    pub use self::model::*;
}

/// The columns whose forms go through word matching (Chinese ones are skipped by their
/// words having no surfaces worth listing; they cost nothing at run time either way).
const WORD_COLUMNS: &[&str] = &["en", "en_alt", "literal", "gated", "cue"];

fn main() {
    println!("cargo:rerun-if-changed=glossary");
    println!("cargo:rerun-if-changed=src/text/surfaces.rs");
    println!("cargo:rerun-if-changed=src/glossary/csv.rs");
    println!("cargo:rerun-if-changed=src/glossary/model.rs");
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("glossary");
    let out = Path::new(&env::var("OUT_DIR").unwrap()).to_path_buf();
    let mut names: Vec<String> = fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".csv"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    // Each file read as the library reads it, the entries kept field by field.
    let mut files = String::from("&[\n");
    let mut fields = StringTable::default();
    let mut origins = String::from("&[\n");
    let mut words: BTreeSet<String> = BTreeSet::new();
    for (k, n) in names.iter().enumerate() {
        let p = dir.join(n);
        println!("cargo:rerun-if-changed={}", p.display());
        let text = fs::read(&p).unwrap();
        form_words(&text, &mut words);
        let (got, _problems) = glossary::read_csv(&text[..], &Path::new("glossary").join(n));
        let columns: Vec<Option<&str>> = match got.first() {
            Some(e) => e.origin.columns.to_vec(),
            None => Vec::new(),
        };
        files.push_str(&format!("    ({n:?}, &{columns:?}),\n"));
        for e in &got {
            let join = |v: &[String]| v.join("|");
            let row: [String; 16] = [
                e.id.clone(),
                e.zh.clone(),
                join(&e.zh_alt),
                join(&e.zh_hant),
                e.pinyin.clone(),
                e.en.clone(),
                join(&e.en_alt),
                join(&e.literal),
                e.category.clone(),
                e.definition.clone(),
                e.note.clone(),
                join(&e.see_also),
                e.source.clone(),
                join(&e.exclude),
                join(&e.gated),
                join(&e.cue),
            ];
            assert_eq!(glossary::COLUMNS.len(), row.len());
            row.iter().for_each(|f| fields.push(f));
            origins.push_str(&format!("    ({k}, {}),\n", e.origin.line));
        }
    }
    files.push_str("]\n");
    origins.push_str("]\n");
    fs::write(out.join("builtin_files.rs"), files).unwrap();
    let entries = format!("({}, {origins})", fields.expression());
    fs::write(out.join("builtin_entries.rs"), entries).unwrap();

    // Each word, its class and its surfaces in a row; where each word's row starts.
    let mut table = StringTable::default();
    let mut starts = String::from("&[");
    for w in &words {
        starts.push_str(&format!("{},", table.ends.len()));
        table.push(w);
        table.push(&surfaces::word_class(w));
        surfaces::variants(w).iter().for_each(|v| table.push(v));
    }
    starts.push_str(&format!("{}]", table.ends.len()));
    let words = format!("({}, {starts})", table.expression());
    fs::write(out.join("builtin_words.rs"), words).unwrap();

    // The traditional → simplified characters of `fast2s` (src/text/chinese.rs): each
    // character of the main CJK block converted alone, kept when it becomes one other
    // 3-byte character.
    let mut pairs = String::from("&[\n");
    for u in 0x4E00..=0x9FFF_u32 {
        let Some(c) = char::from_u32(u) else {
            continue;
        };
        let converted = fast2s::convert(&c.to_string());
        let mut chars = converted.chars();
        if let (Some(s), None) = (chars.next(), chars.next()) {
            if s != c && s.len_utf8() == 3 {
                pairs.push_str(&format!("    ({c:?}, {s:?}),\n"));
            }
        }
    }
    pairs.push_str("]\n");
    fs::write(out.join("fast2s_pairs.rs"), pairs).unwrap();

    cache_fingerprints(&out);
}

/// Strings as one text and where each ends: `crate::strings::Strings`, which says why.
#[derive(Default)]
struct StringTable {
    text: String,
    ends: Vec<usize>,
}

impl StringTable {
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.ends.push(self.text.len());
    }

    /// The table as a Rust expression.
    fn expression(&self) -> String {
        assert!(u32::try_from(self.text.len()).is_ok());
        format!(
            "crate::strings::Strings {{ text: {:?}, ends: &{:?} }}",
            self.text, self.ends
        )
    }
}

/// Fingerprints for the cache of compiled glossaries (`src/matcher/cache.rs`): of the code
/// that writes and reads its files (the sources, the manifest and the lock file: a file
/// written by other code is never read, whatever the version number says), and of the
/// built-in glossary's files.
fn cache_fingerprints(out: &Path) {
    use std::hash::Hasher;
    let root = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).to_path_buf();
    for p in ["src", "build.rs", "Cargo.toml", "Cargo.lock"] {
        println!("cargo:rerun-if-changed={p}");
    }
    let fingerprint = |paths: &[std::path::PathBuf]| -> u64 {
        let mut h = std::hash::DefaultHasher::new();
        for p in paths {
            let rel = p.strip_prefix(&root).unwrap_or(p);
            h.write(rel.to_string_lossy().as_bytes());
            let bytes = fs::read(p).unwrap_or_default();
            h.write_u64(bytes.len() as u64);
            h.write(&bytes);
        }
        h.finish()
    };
    let mut code = Vec::new();
    list_files(&root.join("src"), &mut code);
    for p in ["build.rs", "Cargo.toml", "Cargo.lock"] {
        code.push(root.join(p));
    }
    let mut builtin = Vec::new();
    list_files(&root.join("glossary"), &mut builtin);
    builtin.retain(|p| p.extension().is_some_and(|x| x == "csv"));
    fs::write(
        out.join("cache_fingerprints.rs"),
        format!(
            "/// The code's fingerprint.\npub const CODE: u64 = {};\n/// The built-in glossary's.\npub const BUILTIN: u64 = {};\n",
            fingerprint(&code),
            fingerprint(&builtin)
        ),
    )
    .unwrap();
}

/// Every file under `dir`, recursively, sorted.
fn list_files(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    let mut here: Vec<std::path::PathBuf> = fs::read_dir(dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    here.sort();
    for p in here {
        if p.is_dir() {
            list_files(&p, files);
        } else {
            files.push(p);
        }
    }
}

/// The words the matcher will ask about for the forms of one glossary file: a superset is
/// harmless (a word never asked for costs a little table), a word left out is worked out at
/// run time. Forms are folded roughly as the normalizer folds them (lower case, straight
/// apostrophes), cut into words the same way (UAX #29), with and without a possessive.
fn form_words(csv: &[u8], words: &mut BTreeSet<String>) {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(csv);
    let Ok(header) = rdr.headers().cloned() else {
        return;
    };
    let columns: Vec<usize> = header
        .iter()
        .enumerate()
        .filter(|(_, h)| WORD_COLUMNS.contains(&h.trim()))
        .map(|(i, _)| i)
        .collect();
    for record in rdr.records().flatten() {
        for &i in &columns {
            for form in record.get(i).unwrap_or_default().split('|') {
                let folded: String = form
                    .to_lowercase()
                    .chars()
                    .map(|c| match c {
                        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{FF07}' | '`' => '\'',
                        c => c,
                    })
                    .collect();
                let form: Vec<&str> = folded
                    .unicode_words()
                    .map(|w| w.trim_matches('_'))
                    .filter(|w| !w.is_empty())
                    .collect();
                for (k, w) in form.iter().enumerate() {
                    words.insert(w.to_string());
                    let bare = surfaces::strip_possessive(w);
                    words.insert(bare.to_string());
                    // As `inflect::form_words` marks it.
                    if surfaces::noun_reading(bare, form.get(k + 1).copied()) {
                        words.insert([bare, surfaces::NOUN].concat());
                    }
                }
            }
        }
    }
}
