//! CC-CEDICT import: `traditional simplified [pin1 yin1] /gloss/gloss/` lines (pinyin also
//! as `[[pin1yin1]]`), `#` comment lines, optionally gzip-compressed.
//!
//! Lines are merged by simplified headword — more exactly, by the folded headword, so that
//! headwords the matcher cannot tell apart (乾 and 干) become one entry. The first line gives
//! the pinyin (tone marks) and `en` (its first gloss that is a rendering, not a
//! cross-reference or a classifier); all glosses make the definition, readings beyond the
//! first go to the note. The `source` field credits CC-CEDICT (CC BY-SA 4.0).

use rustc_hash::FxHashMap as HashMap;
use std::io::Read;
use std::path::Path;

use super::{problem, IdAllocator, ImportOptions, Imported};
use crate::glossary::pinyin::numbers_to_marks;
use crate::glossary::{Entry, Origin, Severity};
use crate::text::fold_form;
use crate::text::inflect::form_keys;

/// Credit written into `source`: the definitions are CC-CEDICT's glosses.
pub const CEDICT_SOURCE: &str = "CC-CEDICT (CC BY-SA 4.0): definition from its glosses";

/// One parsed dictionary line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CedictLine<'a> {
    /// The traditional headword.
    pub traditional: &'a str,
    /// The simplified headword.
    pub simplified: &'a str,
    /// Tone numbers, as written (without the brackets).
    pub pinyin: &'a str,
    /// The English glosses, in order.
    pub glosses: Vec<&'a str>,
}

/// Parses one line; `None` for comments and blank lines, `Err` with a reason for bad lines.
pub fn parse_line(line: &str) -> Option<Result<CedictLine<'_>, &'static str>> {
    let line = line.trim_end_matches(['\r', '\n']);
    if line.trim().is_empty() || line.starts_with('#') {
        return None;
    }
    Some(parse_entry(line))
}

fn parse_entry(line: &str) -> Result<CedictLine<'_>, &'static str> {
    let (traditional, rest) = line
        .split_once(' ')
        .ok_or("expected `trad simp [pinyin] /gloss/`")?;
    let (simplified, rest) = rest
        .split_once(' ')
        .ok_or("expected a simplified headword")?;
    let rest = rest.trim_start();
    let (pinyin, rest) = if let Some(r) = rest.strip_prefix("[[") {
        r.split_once("]]").ok_or("unclosed [[pinyin]]")?
    } else if let Some(r) = rest.strip_prefix('[') {
        r.split_once(']').ok_or("unclosed [pinyin]")?
    } else {
        return Err("expected [pinyin] after the headwords");
    };
    let rest = rest.trim();
    let body = rest
        .strip_prefix('/')
        .and_then(|r| r.strip_suffix('/'))
        .ok_or("expected glosses between slashes: /gloss/gloss/")?;
    let glosses: Vec<&str> = body
        .split('/')
        .map(str::trim)
        .filter(|g| !g.is_empty())
        .collect();
    if traditional.is_empty() || simplified.is_empty() {
        return Err("empty headword");
    }
    Ok(CedictLine {
        traditional,
        simplified,
        pinyin: pinyin.trim(),
        glosses,
    })
}

/// Glosses that refer elsewhere rather than translate.
fn is_reference(gloss: &str) -> bool {
    let g = gloss.to_ascii_lowercase();
    g.starts_with("cl:")
        || g.starts_with("variant of ")
        || g.starts_with("old variant of ")
        || g.starts_with("see ")
        || g.starts_with("also written ")
        || g.starts_with("used in ")
        || g.starts_with("abbr. for ")
        || g.starts_with("erhua variant of ")
        || g.starts_with("japanese variant of ")
        || g.starts_with("(old)")
}

struct Group {
    zh: String,
    line: u64,
    /// (pinyin with marks, glosses) per reading, in file order.
    readings: Vec<(String, Vec<String>)>,
    traditional: Vec<String>,
    other_simplified: Vec<String>,
}

/// Reads a CC-CEDICT file (plain or gzip).
pub fn read(data: &[u8], path: &Path, opts: &ImportOptions) -> Imported {
    let mut problems = Vec::new();
    let text = match decompress(data) {
        Ok(t) => t,
        Err(e) => {
            problems.push(problem(path, 0, Severity::Error, e));
            return Imported {
                entries: Vec::new(),
                problems,
            };
        }
    };
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::default();
    for (n, line) in text.lines().enumerate() {
        let lineno = n as u64 + 1;
        let parsed = match parse_line(line) {
            None => continue,
            Some(Ok(p)) => p,
            Some(Err(why)) => {
                problems.push(problem(
                    path,
                    lineno,
                    Severity::Warning,
                    format!("{why}; line skipped"),
                ));
                continue;
            }
        };
        let key = fold_form(parsed.simplified);
        if key.is_empty() {
            continue;
        }
        let pinyin = numbers_to_marks(parsed.pinyin);
        let glosses: Vec<String> = parsed.glosses.iter().map(|g| g.to_string()).collect();
        let gi = *by_key.entry(key.clone()).or_insert_with(|| {
            groups.push(Group {
                zh: parsed.simplified.to_string(),
                line: lineno,
                readings: Vec::new(),
                traditional: Vec::new(),
                other_simplified: Vec::new(),
            });
            groups.len() - 1
        });
        let g = &mut groups[gi];
        if parsed.simplified != g.zh {
            // Prefer the headword that is its own folded form (干 over 乾) as `zh`.
            if parsed.simplified == key && g.zh != key {
                let old = std::mem::replace(&mut g.zh, parsed.simplified.to_string());
                g.other_simplified.push(old);
            } else if !g.other_simplified.iter().any(|s| s == parsed.simplified) {
                g.other_simplified.push(parsed.simplified.to_string());
            }
        }
        if parsed.traditional != parsed.simplified
            && !g.traditional.iter().any(|t| t == parsed.traditional)
        {
            g.traditional.push(parsed.traditional.to_string());
        }
        match g.readings.iter_mut().find(|(p, _)| *p == pinyin) {
            Some((_, gs)) => gs.extend(glosses),
            None => g.readings.push((pinyin, glosses)),
        }
    }

    let mut ids = IdAllocator::new();
    let mut entries = Vec::with_capacity(groups.len());
    for g in groups {
        let (pinyin, first_glosses) = g.readings[0].clone();
        // Braces in a form name another entry (`{id}`); CC-CEDICT's are placeholders ("use
        // {a restaurant} as the venue"), read as their words.
        let glosses: Vec<String> = first_glosses
            .iter()
            .map(|x| x.replace(['{', '}'], ""))
            .collect();
        // The first gloss that translates and can be matched (且 "and; moreover": "and"
        // alone is no form).
        let en = (glosses.iter())
            .find(|x| !is_reference(x) && !form_keys(x).is_empty())
            .or(glosses.iter().find(|x| !is_reference(x)))
            .or(glosses.first())
            .cloned()
            .unwrap_or_default();
        let definition = first_glosses.join("; ");
        let note = g.readings[1..]
            .iter()
            .map(|(p, gs)| format!("[{p}] {}", gs.join("; ")))
            .collect::<Vec<_>>()
            .join(" ");
        let note = if note.is_empty() {
            note
        } else {
            format!("Other readings: {note}")
        };
        let id = ids.allocate("", &[&pinyin, &en]);
        entries.push(Entry {
            id,
            zh: g.zh,
            zh_alt: g.other_simplified,
            zh_hant: g.traditional,
            pinyin,
            en,
            category: opts.category.clone(),
            definition,
            note,
            source: CEDICT_SOURCE.to_string(),
            origin: Origin {
                file: path.into(),
                line: g.line,
                columns: Default::default(),
            },
            ..Entry::default()
        });
    }
    Imported { entries, problems }
}

/// The text of a plain or gzip-compressed file.
fn decompress(data: &[u8]) -> Result<String, String> {
    let bytes: std::borrow::Cow<'_, [u8]> = if data.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(data)
            .read_to_end(&mut out)
            .map_err(|e| format!("cannot decompress gzip data: {e}"))?;
        out.into()
    } else {
        data.into()
    };
    match crate::text::utf8(&bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => Err(format!("invalid UTF-8 at byte offset {}", e.offset)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines() {
        let l = parse_line("保護傘 保护伞 [bao3 hu4 san3] /protective umbrella/fig. person affording protection (esp. corrupt)/")
            .unwrap()
            .unwrap();
        assert_eq!(l.traditional, "保護傘");
        assert_eq!(l.simplified, "保护伞");
        assert_eq!(l.pinyin, "bao3 hu4 san3");
        assert_eq!(l.glosses.len(), 2);
        let l = parse_line("關係網 关系网 [[guan1xi5wang3]] /network of relationships/")
            .unwrap()
            .unwrap();
        assert_eq!(numbers_to_marks(l.pinyin), "guān xi wǎng");
        assert!(parse_line("# comment").is_none());
        assert!(parse_line("").is_none());
        assert!(parse_line("abc def").unwrap().is_err());
        assert!(parse_line("abc def [x] no slashes").unwrap().is_err());
    }

    #[test]
    fn merges_readings_and_headwords() {
        let data = "# CC-CEDICT\n\
            乾 干 [gan1] /dry/clean/\n\
            幹 干 [gan4] /to do/to work/\n\
            干 干 [gan1] /to concern/shield/\n\
            乾 乾 [qian2] /one of the Eight Trigrams/\n\
            行 行 [xing2] /to walk/CL:個|个[ge4]/\n\
            行 行 [hang2] /row/line/\n\
            這個 这个 [zhe4 ge5] /this one/\n";
        let got = read(
            data.as_bytes(),
            Path::new("c.u8"),
            &ImportOptions::default(),
        );
        assert!(got.problems.is_empty(), "{:?}", got.problems);
        let zhs: Vec<&str> = got.entries.iter().map(|e| e.zh.as_str()).collect();
        assert_eq!(zhs, ["干", "行", "这个"]);
        let gan = &got.entries[0];
        assert_eq!(gan.pinyin, "gān");
        assert_eq!(gan.definition, "dry; clean; to concern; shield");
        assert_eq!(gan.zh_hant, ["乾", "幹"]);
        assert_eq!(gan.zh_alt, ["乾"]);
        assert!(gan.note.contains("[gàn] to do; to work"), "{}", gan.note);
        assert!(
            gan.note.contains("[qián] one of the Eight Trigrams"),
            "{}",
            gan.note
        );
        assert_eq!(got.entries[1].en, "to walk");
        assert_eq!(got.entries[2].pinyin, "zhè ge");
        assert_eq!(got.entries[2].id, "zhe-ge");
        assert!(got.entries[2].source.contains("CC-CEDICT"));
    }

    /// A gloss with CC-CEDICT's braces becomes a form that compiles: braces in a form would
    /// name another entry.
    #[test]
    fn braces_are_not_names() {
        let data =
            "假座 假座 [jia3 zuo4] /to use as a venue (e.g. use {a restaurant} as the venue)/\n";
        let got = read(
            data.as_bytes(),
            Path::new("c.u8"),
            &ImportOptions::default(),
        );
        assert_eq!(
            got.entries[0].en,
            "to use as a venue (e.g. use a restaurant as the venue)"
        );
        let glossary = crate::glossary::Glossary {
            entries: got.entries.into(),
        };
        assert!(crate::matcher::Matcher::new(glossary).is_ok());
    }

    /// `en` is the first gloss that can be matched; an entry with none is left out, so the
    /// imported file loads (it did not: `en` was left empty).
    #[test]
    fn en_is_a_gloss_that_can_be_matched() {
        let data = "且 且 [qie3] /and/moreover/yet/\n這些 这些 [zhe4 xie1] /these/\n";
        let mut got = read(
            data.as_bytes(),
            Path::new("c.u8"),
            &ImportOptions::default(),
        );
        assert_eq!(got.entries[0].en, "moreover");
        let warnings = super::super::make_loadable(&mut got.entries, Path::new("c.u8"));
        assert_eq!(got.entries.len(), 1, "{warnings:?}");
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].message.contains("\"these\""), "{warnings:?}");
        let mut csv = Vec::new();
        crate::glossary::write_csv(&got.entries, &mut csv).unwrap();
        let (entries, problems) = crate::glossary::read_csv(csv.as_slice(), Path::new("c.csv"));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(entries.len(), 1);
    }
}
