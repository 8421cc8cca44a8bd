//! JSON glossaries: an array of entry objects with the CSV columns as keys; multi-valued
//! fields are arrays of strings (a `|`-separated string is accepted too). Missing keys are
//! empty; unknown keys are an error, as unknown CSV columns are.

use std::io::{self, Write};
use std::path::Path;

use serde::{Deserialize, Deserializer, Serialize};

use super::{problem, Imported};
use crate::glossary::{is_valid_id, Entry, Origin, Severity};

/// The wire form of an entry.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EntryRecord {
    /// Stable identifier (a slug).
    pub id: String,
    /// Chinese headword, simplified.
    pub zh: String,
    #[serde(deserialize_with = "multi")]
    /// Other Chinese forms.
    pub zh_alt: Vec<String>,
    #[serde(deserialize_with = "multi")]
    /// Traditional forms.
    pub zh_hant: Vec<String>,
    /// Pinyin with tone marks.
    pub pinyin: String,
    /// Preferred English rendering.
    pub en: String,
    #[serde(deserialize_with = "multi")]
    /// Other acceptable English renderings.
    pub en_alt: Vec<String>,
    #[serde(deserialize_with = "multi")]
    /// Literal renderings machine translation produces.
    pub literal: Vec<String>,
    /// One of the glossary categories.
    pub category: String,
    /// What the term means.
    pub definition: String,
    /// Usage note.
    pub note: String,
    #[serde(deserialize_with = "multi")]
    /// Ids of related entries.
    pub see_also: Vec<String>,
    /// Where the entry comes from.
    pub source: String,
    /// Longer strings in which a form must not fire.
    #[serde(deserialize_with = "multi")]
    pub exclude: Vec<String>,
    /// Forms that count only near another form or a cue.
    #[serde(deserialize_with = "multi")]
    pub gated: Vec<String>,
    /// Words whose presence nearby licenses the gated forms.
    #[serde(deserialize_with = "multi")]
    pub cue: Vec<String>,
}

fn multi<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Multi {
        List(Vec<String>),
        Joined(String),
    }
    Ok(match Multi::deserialize(d)? {
        Multi::List(v) => v,
        Multi::Joined(s) => s
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect(),
    })
}

impl From<&Entry> for EntryRecord {
    fn from(e: &Entry) -> Self {
        EntryRecord {
            id: e.id.clone(),
            zh: e.zh.clone(),
            zh_alt: e.zh_alt.clone(),
            zh_hant: e.zh_hant.clone(),
            pinyin: e.pinyin.clone(),
            en: e.en.clone(),
            en_alt: e.en_alt.clone(),
            literal: e.literal.clone(),
            category: e.category.clone(),
            definition: e.definition.clone(),
            note: e.note.clone(),
            see_also: e.see_also.clone(),
            source: e.source.clone(),
            exclude: e.exclude.clone(),
            gated: e.gated.clone(),
            cue: e.cue.clone(),
        }
    }
}

impl EntryRecord {
    /// The entry, read from `origin`.
    pub fn into_entry(self, origin: Origin) -> Entry {
        Entry {
            id: self.id,
            zh: self.zh,
            zh_alt: self.zh_alt,
            zh_hant: self.zh_hant,
            pinyin: self.pinyin,
            en: self.en,
            en_alt: self.en_alt,
            literal: self.literal,
            category: self.category,
            definition: self.definition,
            note: self.note,
            see_also: self.see_also,
            source: self.source,
            exclude: self.exclude,
            gated: self.gated,
            cue: self.cue,
            origin,
        }
    }
}

/// Reads a JSON array of entries. Problems name the line of the offending entry.
pub fn read(data: &[u8], path: &Path) -> Imported {
    let mut problems = Vec::new();
    let text = match crate::text::utf8(data) {
        Ok(t) => t,
        Err(e) => {
            let line = e.line as u64;
            problems.push(problem(path, line, Severity::Error, "invalid UTF-8".into()));
            return Imported {
                entries: Vec::new(),
                problems,
            };
        }
    };
    let values: Vec<&serde_json::value::RawValue> = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            problems.push(problem(
                path,
                e.line() as u64,
                Severity::Error,
                format!("expected a JSON array of entry objects: {e}"),
            ));
            return Imported {
                entries: Vec::new(),
                problems,
            };
        }
    };
    let mut entries = Vec::new();
    // Lines are counted on from the previous entry's: counting from the start for each
    // was quadratic (CC-CEDICT's 118,000 entries took 97 s).
    let (mut counted, mut line) = (0, 1);
    for raw in values {
        // The raw value borrows from `data`, so its line is its offset's line.
        let offset = raw.get().as_ptr() as usize - text.as_ptr() as usize;
        line += memchr::memchr_iter(b'\n', &text.as_bytes()[counted..offset]).count() as u64;
        counted = offset;
        match serde_json::from_str::<EntryRecord>(raw.get()) {
            Ok(r) => {
                if !r.id.is_empty() && !is_valid_id(&r.id) {
                    problems.push(problem(
                        path,
                        line,
                        Severity::Warning,
                        format!("malformed id {:?} replaced", r.id),
                    ));
                }
                entries.push(r.into_entry(Origin {
                    file: path.into(),
                    line,
                    columns: Default::default(),
                }));
            }
            Err(e) => problems.push(problem(
                path,
                line,
                Severity::Error,
                format!("bad entry: {e}"),
            )),
        }
    }
    Imported { entries, problems }
}

/// Writes entries as a pretty-printed JSON array.
pub fn write(entries: &[Entry], out: &mut dyn Write) -> io::Result<()> {
    let records: Vec<EntryRecord> = entries.iter().map(EntryRecord::from).collect();
    serde_json::to_writer_pretty(&mut *out, &records)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_entry_and_problem_names_the_line_its_object_starts_on() {
        let text = "[\n  {\"id\": \"a\", \"zh\": \"钉子案\"},\n\n  {\n    \"id\": \"b\",\n    \"zh\": 1\n  },\n  {\"id\": \"Bad Id\", \"zh\": \"保护伞\"},\n  {\"id\": \"c\",\n   \"zh\": \"打财断血\"}\n]\n";
        let got = read(text.as_bytes(), Path::new("g.json"));
        let lines: Vec<(&str, u64)> = got
            .entries
            .iter()
            .map(|e| (e.zh.as_str(), e.origin.line))
            .collect();
        assert_eq!(lines, [("钉子案", 2), ("保护伞", 8), ("打财断血", 9)]);
        let problems: Vec<(u64, Severity)> =
            got.problems.iter().map(|p| (p.line, p.severity)).collect();
        assert_eq!(problems, [(4, Severity::Error), (8, Severity::Warning)]);
    }
}
