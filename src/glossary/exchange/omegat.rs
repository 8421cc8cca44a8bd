//! OmegaT glossaries: one term pair per line — source term, target term, optional comment —
//! tab-separated (`.tab`, `.txt`, `.utf8`) or as CSV. Lines starting with `#` are comments
//! (the first may carry an Emacs-style `-*- coding: utf-8 -*-` declaration).
//!
//! Mapping: source → `zh`, target → `en`, comment → `definition`. Several lines with the same
//! source term are one entry: the first target is `en`, the others `en_alt`. Export writes
//! `zh`/`en` with the definition as comment, then one line per `en_alt`; the other fields
//! have no place in the format.

use std::io::{self, Write};
use std::path::Path;

use rustc_hash::FxHashMap;

use super::{problem, ImportOptions, Imported};
use crate::glossary::{Entry, Origin, Severity};

/// Reads an OmegaT glossary. `csv` selects the CSV variant.
pub fn read(data: &[u8], path: &Path, opts: &ImportOptions, csv: bool) -> Imported {
    let mut problems = Vec::new();
    let text = match crate::text::utf8(data) {
        Ok(t) => t,
        Err(e) => {
            problems.push(problem(
                path,
                e.line as u64,
                Severity::Error,
                format!(
                    "invalid UTF-8 at byte offset {}; OmegaT glossaries must be UTF-8",
                    e.offset
                ),
            ));
            return Imported {
                entries: Vec::new(),
                problems,
            };
        }
    };
    if let Some(enc) = declared_coding(text) {
        if !enc.eq_ignore_ascii_case("utf-8") && !enc.eq_ignore_ascii_case("utf8") {
            problems.push(problem(
                path,
                1,
                Severity::Error,
                format!("the file declares coding {enc:?}; convert it to UTF-8"),
            ));
            return Imported {
                entries: Vec::new(),
                problems,
            };
        }
    }
    let rows = if csv {
        csv_rows(text, path, &mut problems)
    } else {
        tab_rows(text)
    };
    let mut entries: Vec<Entry> = Vec::new();
    // Each source term's entry, found by a look-up (a scan of the entries so far was
    // quadratic: 118,000 rows took 30 s).
    let mut by_source: FxHashMap<String, usize> = FxHashMap::default();
    for (line, fields) in rows {
        let get = |i: usize| fields.get(i).map_or("", |s| s.trim());
        let (source, target, comment) = (get(0), get(1), get(2));
        if source.is_empty() && target.is_empty() {
            continue;
        }
        if source.is_empty() || target.is_empty() {
            problems.push(problem(
                path,
                line,
                Severity::Warning,
                "expected a source term and a target term; line skipped".into(),
            ));
            continue;
        }
        if let Some(&i) = by_source.get(source) {
            let e = &mut entries[i];
            if e.en != target && !e.en_alt.iter().any(|a| a == target) {
                e.en_alt.push(target.to_string());
            }
            if e.definition.is_empty() {
                e.definition = comment.to_string();
            }
            continue;
        }
        by_source.insert(source.to_string(), entries.len());
        entries.push(Entry {
            zh: source.to_string(),
            en: target.to_string(),
            definition: comment.to_string(),
            category: opts.category.clone(),
            origin: Origin {
                file: path.into(),
                line,
                columns: Default::default(),
            },
            ..Entry::default()
        });
    }
    Imported { entries, problems }
}

/// The coding an Emacs-style magic comment on the first line declares.
fn declared_coding(text: &str) -> Option<&str> {
    let first = text.lines().next()?;
    if !first.starts_with('#') {
        return None;
    }
    let inner = first.split("-*-").nth(1)?;
    let (_, value) = inner.split_once("coding:")?;
    Some(value.trim().trim_end_matches(';').trim())
}

/// Tab-separated rows, comments skipped. A line without a tab whose fields are separated by
/// runs of two or more spaces (tabs expanded by an editor) is split there.
fn tab_rows(text: &str) -> Vec<(u64, Vec<String>)> {
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<String> = if line.contains('\t') {
            line.split('\t').map(String::from).collect()
        } else {
            line.split("  ")
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect()
        };
        rows.push((n as u64 + 1, fields));
    }
    rows
}

fn csv_rows(
    text: &str,
    path: &Path,
    problems: &mut Vec<crate::glossary::Problem>,
) -> Vec<(u64, Vec<String>)> {
    let mut rows = Vec::new();
    let mut rdr = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    for rec in rdr.records() {
        match rec {
            Ok(r) => {
                let line = r.position().map_or(0, |p| p.line());
                rows.push((line, r.iter().map(String::from).collect()));
            }
            Err(e) => problems.push(problem(
                path,
                e.position().map_or(0, |p| p.line()),
                Severity::Error,
                format!("malformed CSV: {e}"),
            )),
        }
    }
    rows
}

/// Writes an OmegaT glossary. Tabs and line breaks inside a field become spaces in the
/// tab-separated variant, which cannot quote.
pub fn write(entries: &[Entry], out: &mut dyn Write, csv: bool) -> io::Result<()> {
    let lines = entries.iter().flat_map(|e| {
        std::iter::once((e.zh.as_str(), e.en.as_str(), e.definition.as_str())).chain(
            e.en_alt
                .iter()
                .map(move |a| (e.zh.as_str(), a.as_str(), "")),
        )
    });
    if csv {
        let mut w = ::csv::WriterBuilder::new().flexible(true).from_writer(out);
        for (s, t, c) in lines {
            if c.is_empty() {
                w.write_record([s, t])?;
            } else {
                w.write_record([s, t, c])?;
            }
        }
        w.flush()
    } else {
        writeln!(
            out,
            "# Glossary in tab-separated format -*- coding: utf-8 -*-"
        )?;
        let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
        for (s, t, c) in lines {
            if c.is_empty() {
                writeln!(out, "{}\t{}", clean(s), clean(t))?;
            } else {
                writeln!(out, "{}\t{}\t{}", clean(s), clean(t), clean(c))?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_comment() {
        assert_eq!(
            declared_coding("# foobar -*- coding: utf-8 -*-\n"),
            Some("utf-8")
        );
        assert_eq!(
            declared_coding("# x -*- coding: latin-1; -*-"),
            Some("latin-1")
        );
        assert_eq!(declared_coding("kde\tkoo"), None);
        let got = read(
            b"# -*- coding: latin-1 -*-\na\tb\n",
            Path::new("g.tab"),
            &ImportOptions::default(),
            false,
        );
        assert!(got.has_errors());
    }

    #[test]
    fn groups_targets() {
        let data = "# c\n保护伞\tprotective umbrella\tofficials shielding gangs\n保护伞\tumbrella\n\n关系网\r\n";
        let got = read(
            data.as_bytes(),
            Path::new("g.tab"),
            &ImportOptions::default(),
            false,
        );
        assert_eq!(got.entries.len(), 1);
        assert_eq!(got.entries[0].en_alt, ["umbrella"]);
        assert_eq!(got.entries[0].definition, "officials shielding gangs");
        assert_eq!(got.problems.len(), 1);
        assert_eq!(got.problems[0].line, 5);
    }
}
