//! Glossary exchange: the formats `tifa glossary import` reads and `export` writes, and the
//! clean-up that makes imported entries load (ids generated as unique ASCII slugs, required
//! fields filled where the file allows, forms that would clash in the matcher dropped).
//!
//! Every reader returns entries plus [`Problem`]s; a problem of severity `Error` means the
//! file is rejected (a TBX file breaking its dialect's rules, say), warnings are reported
//! and the entries kept.

// Fx hashing: these maps hold every form of glossaries as large as CC-CEDICT.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::io::{self, Write};
use std::path::Path;

pub mod cedict;
pub mod json;
pub mod omegat;
pub mod tbx;

use crate::glossary::{is_valid_id, read_csv, write_csv, Entry, Problem, Severity};
use crate::text::inflect::owner_keys;

/// The formats of `import` and `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExchangeFormat {
    /// The glossary CSV of `DESIGN.md`.
    Csv,
    /// A JSON array of entry objects.
    Json,
    /// TBX v3 (ISO 30042:2019), DCA style; exported as TBX-Basic.
    Tbx,
    /// TBX 2008 (`martif`).
    Tbx2008,
    /// OmegaT tab-separated glossary: source, target, comment.
    OmegatTab,
    /// OmegaT CSV glossary: source, target, comment.
    OmegatCsv,
    /// CC-CEDICT dictionary lines (import only; `.gz` is read too).
    Cedict,
}

impl ExchangeFormat {
    /// The format's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            ExchangeFormat::Csv => "csv",
            ExchangeFormat::Json => "json",
            ExchangeFormat::Tbx => "tbx",
            ExchangeFormat::Tbx2008 => "tbx2008",
            ExchangeFormat::OmegatTab => "omegat",
            ExchangeFormat::OmegatCsv => "omegat-csv",
            ExchangeFormat::Cedict => "cedict",
        }
    }

    /// Whether `export` writes this format (CC-CEDICT is read only).
    pub fn can_export(self) -> bool {
        self != ExchangeFormat::Cedict
    }

    /// Guesses an input format from the file name and its first bytes.
    pub fn detect(path: &Path, data: &[u8]) -> Option<ExchangeFormat> {
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        let head = String::from_utf8_lossy(&data[..data.len().min(4096)]);
        let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
        match ext {
            "tbx" | "xml" => Some(if head.contains("<martif") {
                ExchangeFormat::Tbx2008
            } else {
                ExchangeFormat::Tbx
            }),
            "json" => Some(ExchangeFormat::Json),
            "tab" | "tsv" | "utf8" => Some(ExchangeFormat::OmegatTab),
            "u8" => Some(ExchangeFormat::Cedict),
            _ if name.contains("cedict") => Some(ExchangeFormat::Cedict),
            "csv" => {
                let first = head
                    .trim_start_matches('\u{feff}')
                    .lines()
                    .next()
                    .unwrap_or("");
                let cols: Vec<&str> = first.split(',').map(str::trim).collect();
                if cols.contains(&"id") && cols.contains(&"zh") {
                    Some(ExchangeFormat::Csv)
                } else {
                    Some(ExchangeFormat::OmegatCsv)
                }
            }
            "txt" => Some(ExchangeFormat::OmegatTab),
            _ => None,
        }
    }
}

/// Choices for imports.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Category of imported entries whose file says nothing usable.
    pub category: String,
    /// Language whose terms fill `zh`, `zh_alt` (and `zh_hant` for `zh-Hant`, `zh-TW` …).
    pub source_lang: String,
    /// Language whose terms fill `en`, `en_alt` and `literal`.
    pub target_lang: String,
    /// Check a TBX file against its dialect's rules and reject it when it breaks them.
    pub validate: bool,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            category: "policy".into(),
            source_lang: "zh".into(),
            target_lang: "en".into(),
            validate: true,
        }
    }
}

/// What an import produced: the entries and the problems seen. Any `Error` problem means
/// the file is rejected.
#[derive(Debug, Default)]
pub struct Imported {
    /// The entries read, made loadable.
    pub entries: Vec<Entry>,
    /// Everything wrong with the file, errors and warnings.
    pub problems: Vec<Problem>,
}

impl Imported {
    /// Whether the file is rejected.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }

    /// Whether the file lacks the source or target language asked for: the options, not
    /// the file, are wrong (the command line exits 2, as for a bad argument).
    pub fn lacks_language(&self) -> bool {
        self.problems
            .iter()
            .any(|p| p.severity == Severity::Error && p.message.starts_with(tbx::LANGUAGE_MISSING))
    }
}

/// Reads `data` in `format`. `path` is used in messages only.
pub fn import(format: ExchangeFormat, data: &[u8], path: &Path, opts: &ImportOptions) -> Imported {
    let mut imported = match format {
        ExchangeFormat::Csv => {
            let (entries, problems) = read_csv(data, path);
            return Imported { entries, problems };
        }
        ExchangeFormat::Json => json::read(data, path),
        ExchangeFormat::Tbx | ExchangeFormat::Tbx2008 => tbx::read(data, path, opts),
        ExchangeFormat::OmegatTab => omegat::read(data, path, opts, false),
        ExchangeFormat::OmegatCsv => omegat::read(data, path, opts, true),
        ExchangeFormat::Cedict => cedict::read(data, path, opts),
    };
    let mut warnings = make_loadable(&mut imported.entries, path);
    imported.problems.append(&mut warnings);
    imported
}

/// Writes `entries` in `format`.
pub fn export(format: ExchangeFormat, entries: &[Entry], out: &mut dyn Write) -> io::Result<()> {
    match format {
        ExchangeFormat::Csv => write_csv(entries, out),
        ExchangeFormat::Json => json::write(entries, out),
        ExchangeFormat::Tbx => tbx::write_v3(entries, out),
        ExchangeFormat::Tbx2008 => tbx::write_2008(entries, out),
        ExchangeFormat::OmegatTab => omegat::write(entries, out, false),
        ExchangeFormat::OmegatCsv => omegat::write(entries, out, true),
        ExchangeFormat::Cedict => Err(io::Error::new(
            io::ErrorKind::Unsupported,
            "CC-CEDICT is an import-only format",
        )),
    }
}

pub(crate) fn problem(path: &Path, line: u64, severity: Severity, message: String) -> Problem {
    Problem {
        file: path.to_path_buf(),
        line,
        column: 0,
        severity,
        message,
    }
}

/// Hands out unique ids: the wanted one when it is a valid, unused slug, else a slug made
/// from the hints, with `-2`, `-3` … appended when taken.
#[derive(Debug, Default)]
pub struct IdAllocator {
    used: HashSet<String>,
}

impl IdAllocator {
    /// An allocator with no id taken.
    pub fn new() -> IdAllocator {
        IdAllocator::default()
    }

    /// Marks an id as taken.
    pub fn reserve(&mut self, id: &str) {
        self.used.insert(id.to_string());
    }

    /// A unique id: `wanted` when it is a valid, unused slug, else one made from `hints`.
    pub fn allocate(&mut self, wanted: &str, hints: &[&str]) -> String {
        if is_valid_id(wanted) && !self.used.contains(wanted) {
            self.used.insert(wanted.to_string());
            return wanted.to_string();
        }
        let base = hints
            .iter()
            .map(|h| slug(h))
            .find(|s| !s.is_empty())
            .unwrap_or_else(|| "entry".to_string());
        let mut id = base.clone();
        let mut n = 2;
        while self.used.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.used.insert(id.clone());
        id
    }
}

/// An ASCII slug of a text: tone marks and other diacritics dropped (`ü` → `v`), lower
/// case, runs of anything else to one `-`; at most eight words.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut words = 0;
    let mut in_word = false;
    for c in text.chars() {
        let base = ascii_base(c);
        match base {
            Some(b) if b.is_ascii_alphanumeric() => {
                if !in_word {
                    if words == 8 {
                        break;
                    }
                    if !out.is_empty() {
                        out.push('-');
                    }
                    words += 1;
                    in_word = true;
                }
                out.push(b.to_ascii_lowercase());
            }
            _ => in_word = false,
        }
    }
    out
}

/// The ASCII letter under a Latin letter with diacritics (Pinyin's and common European ones).
fn ascii_base(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c);
    }
    let groups: [(&str, char); 9] = [
        ("āáǎàâäãåĀÁǍÀÂÄÃÅ", 'a'),
        ("ēéěèêëĒÉĚÈÊË", 'e'),
        ("īíǐìîïĪÍǏÌÎÏ", 'i'),
        ("ōóǒòôöõŌÓǑÒÔÖÕ", 'o'),
        ("ūúǔùûŪÚǓÙÛ", 'u'),
        ("üǖǘǚǜÜǕǗǙǛ", 'v'),
        ("ñńňÑŃŇ", 'n'),
        ("çÇ", 'c'),
        ("ḿ", 'm'),
    ];
    groups.iter().find(|(s, _)| s.contains(c)).map(|(_, b)| *b)
}

/// Makes entries load: unique valid ids, and no surface form that folds to a form another
/// entry (or the same entry, for the headwords) already holds. Headwords are claimed first,
/// then English headwords, then the other forms, so an alternative form never pushes out
/// another entry's headword. Clashing alternative forms are dropped, a clashing `en` is told
/// apart by its Chinese headword, and an entry whose `zh` clashes is dropped. An `en` with
/// nothing to match, or still another entry's, gives way to the entry's first English
/// alternative that can take its place; an entry with none is dropped (a glossary file needs
/// `en` in every row). Returns a warning for each entry dropped or `en` replaced.
pub fn make_loadable(entries: &mut Vec<Entry>, path: &Path) -> Vec<Problem> {
    let mut warnings = Vec::new();
    let mut owner: HashMap<String, usize> = HashMap::default();
    // Pass 1: Chinese headwords.
    let mut kept = Vec::with_capacity(entries.len());
    for e in std::mem::take(entries) {
        if !e.zh.is_empty() {
            let keys = owner_keys(&e.zh);
            let why = if keys.is_empty() {
                "has no letters or characters to match"
            } else if keys.iter().any(|k| owner.contains_key(k)) {
                "folds to a term already imported"
            } else {
                for k in keys {
                    owner.insert(k, kept.len());
                }
                ""
            };
            if !why.is_empty() {
                warnings.push(problem(
                    path,
                    e.origin.line,
                    Severity::Warning,
                    format!("{:?} {why}; entry skipped", e.zh),
                ));
                continue;
            }
        }
        kept.push(e);
    }
    // Pass 2: English headwords. Entries left without one are dropped at the end (their
    // index is still every form's owner until then), with the warning given here.
    let mut no_en = vec![false; kept.len()];
    for (idx, e) in kept.iter_mut().enumerate() {
        if e.en.is_empty() {
            continue;
        }
        let mut keys = owner_keys(&e.en);
        // Like a Chinese headword, an English one with nothing to match (`-`) would make
        // the matcher reject the whole glossary.
        let taken = |keys: &[String], owner: &HashMap<String, usize>| {
            keys.iter().any(|k| owner.get(k).is_some_and(|&o| o != idx))
        };
        if !keys.is_empty() && taken(&keys, &owner) && !e.zh.is_empty() {
            e.en = format!("{} ({})", e.en, e.zh);
            keys = owner_keys(&e.en);
        }
        if keys.is_empty() || taken(&keys, &owner) {
            let why = if keys.is_empty() {
                "has no letters or characters to match"
            } else {
                "is already a form of another entry"
            };
            // The first alternative that can be matched and is nobody else's takes its place.
            let alternative = (e.en_alt.iter().chain(&e.literal))
                .map(|a| (a, owner_keys(a)))
                .find(|(_, k)| !k.is_empty() && !taken(k, &owner))
                .map(|(a, k)| (a.clone(), k));
            let message = match &alternative {
                Some((a, _)) => format!("en {:?} {why}; {a:?} takes its place", e.en),
                None => format!(
                    "en {:?} {why}, and no alternative can take its place; entry not imported",
                    e.en
                ),
            };
            warnings.push(problem(path, e.origin.line, Severity::Warning, message));
            e.en.clear();
            let Some((a, k)) = alternative else {
                no_en[idx] = true;
                continue;
            };
            e.en_alt.retain(|x| *x != a);
            e.literal.retain(|x| *x != a);
            e.en = a;
            keys = k;
        }
        {
            for k in keys {
                owner.insert(k, idx);
            }
        }
    }
    // Pass 3: the other forms. A form may repeat one of the entry's own (a traditional form
    // that folds to the simplified headword is still worth recording, and the matcher
    // accepts it), so only forms of other entries are dropped.
    let keep_unique = |forms: &mut Vec<String>, owner: &mut HashMap<String, usize>, idx: usize| {
        forms.retain(|f| {
            let keys = owner_keys(f);
            if keys.is_empty() || keys.iter().any(|k| owner.get(k).is_some_and(|&o| o != idx)) {
                return false;
            }
            for k in keys {
                owner.insert(k, idx);
            }
            true
        });
    };
    for (idx, e) in kept.iter_mut().enumerate() {
        keep_unique(&mut e.zh_alt, &mut owner, idx);
        keep_unique(&mut e.zh_hant, &mut owner, idx);
        keep_unique(&mut e.en_alt, &mut owner, idx);
        keep_unique(&mut e.literal, &mut owner, idx);
    }
    // An entry left with no term at all (its forms were other entries') would be an empty
    // row: not imported.
    let mut idx = 0;
    kept.retain(|e| {
        idx += 1;
        if no_en[idx - 1] {
            return false;
        }
        let has_term = !e.zh.is_empty()
            || !e.en.is_empty()
            || [&e.zh_alt, &e.zh_hant, &e.en_alt, &e.literal]
                .iter()
                .any(|v| !v.is_empty());
        let why = if !has_term {
            "entry left with no term (its terms are other entries' forms); not imported"
        } else if e.en.is_empty() {
            "entry left with no English to match (a glossary row needs `en`); not imported"
        } else {
            return true;
        };
        warnings.push(problem(path, e.origin.line, Severity::Warning, why.into()));
        false
    });
    let mut ids = IdAllocator::new();
    for e in &mut kept {
        let wanted = std::mem::take(&mut e.id);
        e.id = ids.allocate(&wanted, &[&e.pinyin, &e.en, &e.zh]);
    }
    // see_also may name ids of the source file that were replaced; keep those that exist.
    let valid: HashSet<String> = kept.iter().map(|e: &Entry| e.id.clone()).collect();
    for e in &mut kept {
        e.see_also.retain(|s| valid.contains(s) && *s != e.id);
    }
    *entries = kept;
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("bǎo hù sǎn"), "bao-hu-san");
        assert_eq!(slug("lǜ sè tōng dào"), "lv-se-tong-dao");
        assert_eq!(slug("Nail Case!"), "nail-case");
        assert_eq!(slug("保护伞"), "");
        assert_eq!(slug("a b c d e f g h i j"), "a-b-c-d-e-f-g-h");
    }

    #[test]
    fn ids_are_unique_slugs() {
        let mut a = IdAllocator::new();
        assert_eq!(a.allocate("c1", &["x"]), "c1");
        assert_eq!(a.allocate("c1", &["shì"]), "shi");
        assert_eq!(a.allocate("", &["shì"]), "shi-2");
        assert_eq!(a.allocate("Bad Id", &["", "保护"]), "entry");
        assert_eq!(a.allocate("", &[]), "entry-2");
    }

    /// An entry with a Chinese headword, an English one and English alternatives.
    fn mk(zh: &str, en: &str, alt: &[&str]) -> Entry {
        Entry {
            zh: zh.into(),
            en: en.into(),
            en_alt: alt.iter().map(|s| s.to_string()).collect(),
            ..Entry::default()
        }
    }

    #[test]
    fn clashing_forms_are_dropped() {
        let mut es = vec![
            mk("干", "to do", &["dry"]),
            mk("乾", "dry", &[]),
            mk("是", "to be", &["To  Be", "is"]),
            mk("为", "to be", &["dry", "for"]),
        ];
        let w = make_loadable(&mut es, Path::new("x"));
        assert_eq!(es.len(), 3, "乾 folds to 干 and is skipped: {w:?}");
        assert_eq!(es[1].en_alt, ["To  Be", "is"], "own duplicates are kept");
        assert_eq!(es[2].en, "to be (为)");
        assert_eq!(es[2].en_alt, ["for"]);
        assert_eq!(w.len(), 1);
    }

    /// An `en` that cannot be a form gives way to an alternative; with none the entry is
    /// left out, since a glossary row without `en` does not load.
    #[test]
    fn an_en_that_cannot_match_gives_way() {
        let mut es = vec![
            mk("且", "and", &["the", "moreover", "yet"]),
            mk("这些", "these", &[]),
            mk("甲", "first", &[]),
            mk("", "first", &["second"]),
        ];
        let w = make_loadable(&mut es, Path::new("x"));
        let en: Vec<&str> = es.iter().map(|e| e.en.as_str()).collect();
        assert_eq!(en, ["moreover", "first", "second"], "{w:?}");
        assert_eq!(es[0].en_alt, ["yet"], "'the' has nothing to match either");
        assert_eq!(w.len(), 3, "{w:?}");
        assert!(w[1].message.contains("entry not imported"), "{w:?}");
    }

    /// Forms the phrase set reads as one noun (`feeling`, `feelings`) are one owner's, so the
    /// import compiles (CC-CEDICT has such pairs: 情味 and 情怀).
    #[test]
    fn noun_readings_are_one_form() {
        let mut es = vec![
            mk("情味", "feeling", &[]),
            mk("情怀", "feelings", &["sentiments"]),
            mk("苦头", "sufferings", &[]),
            mk("忧患", "suffering", &[]),
        ];
        for e in es.iter_mut() {
            e.pinyin = "x".into();
            e.definition = format!("about {}", e.zh);
        }
        make_loadable(&mut es, Path::new("x"));
        assert_eq!(es[1].en, "feelings (情怀)");
        assert_eq!(es[3].en, "suffering (忧患)");
        let entries: Vec<Entry> = (es.iter().enumerate())
            .map(|(i, e)| Entry {
                id: format!("e{i}"),
                category: "policy".into(),
                ..e.clone()
            })
            .collect();
        if let Err(e) = crate::matcher::Matcher::new(crate::glossary::Glossary {
            entries: entries.into(),
        }) {
            panic!("{e:?}");
        }
    }
}
