//! Reading glossary CSV files (schema in `DESIGN.md`).

use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use super::{Entry, Origin, Problem, Severity};

/// The glossary columns in their canonical order.
pub const COLUMNS: &[&str] = &[
    "id",
    "zh",
    "zh_alt",
    "zh_hant",
    "pinyin",
    "en",
    "en_alt",
    "literal",
    "category",
    "definition",
    "note",
    "see_also",
    "source",
    "exclude",
    "gated",
    "cue",
];

const REQUIRED: &[&str] = &["id", "zh", "pinyin", "en", "category", "definition"];

/// The columns whose values are forms: matched in text, so compiled into the matcher.
const FORM_COLUMNS: &[&str] = &[
    "zh", "zh_alt", "zh_hant", "en", "en_alt", "literal", "exclude", "gated", "cue",
];

/// The longest form a glossary may hold, in characters. The longest curated form has 146
/// (an `en_alt` rendering of 科学立法、严格执法、公正司法、全民守法); about ten times that
/// leaves room for any real formulation, while a 100 KB "form" (pasted text, a quote left
/// open) is reported here instead of costing half a minute and gigabytes in the matcher.
pub const MAX_FORM_CHARS: usize = 1_500;

/// Reads one glossary CSV. Returns the entries that could be read and every problem found;
/// a row with an error is still returned when its id is usable, so later checks see it.
pub fn read_csv<R: Read>(mut rdr: R, path: &Path) -> (Vec<Entry>, Vec<Problem>) {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    let problem = |line: u64, column: u64, message: String| Problem {
        file: path.to_path_buf(),
        line,
        column,
        severity: Severity::Error,
        message,
    };
    let mut data = Vec::new();
    if let Err(e) = rdr.read_to_end(&mut data) {
        problems.push(problem(0, 0, format!("cannot read: {e}")));
        return (entries, problems);
    }
    let body = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&data);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body);
    // One record, reused for every row.
    let mut record = ::csv::ByteRecord::new();

    // Header: every column must be known and appear once; required ones must be present.
    let header = match reader.read_byte_record(&mut record) {
        Ok(false) => {
            problems.push(problem(1, 0, "empty file: expected a header row".into()));
            return (entries, problems);
        }
        Err(e) => {
            problems.push(csv_problem(path, &e));
            return (entries, problems);
        }
        Ok(true) => record.clone(),
    };
    let mut fields: Vec<Option<&'static str>> = Vec::with_capacity(header.len());
    for (i, raw) in header.iter().enumerate() {
        let col = i as u64 + 1;
        let name = String::from_utf8_lossy(raw);
        let name = name.trim();
        match COLUMNS.iter().find(|c| **c == name) {
            None => {
                problems.push(problem(
                    1,
                    col,
                    format!(
                        "unknown column {name:?} (known columns: {})",
                        COLUMNS.join(", ")
                    ),
                ));
                fields.push(None);
            }
            Some(c) if fields.contains(&Some(*c)) => {
                problems.push(problem(1, col, format!("duplicate column {name:?}")));
                fields.push(None);
            }
            Some(c) => fields.push(Some(*c)),
        }
    }
    for req in REQUIRED {
        if !fields.contains(&Some(*req)) {
            problems.push(problem(1, 0, format!("missing required column {req:?}")));
        }
    }
    let columns: Arc<[Option<&'static str>]> = fields.into();
    let file: Arc<Path> = Arc::from(path);

    let mut lines = LineCounter::new(body);
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                problems.push(csv_problem(path, &e));
                continue;
            }
        }
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
        if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue; // blank line
        }
        if record.len() != columns.len() {
            // A quote left open swallows the following lines into one field: say so, since
            // the field count alone does not point at the cause.
            let hint = match record
                .iter()
                .position(|f| f.iter().any(|b| matches!(b, b'\n' | b'\r')))
            {
                Some(i) if record.len() < columns.len() => format!(
                    "; field {} runs over several lines: is a closing quote (\") missing?",
                    i + 1
                ),
                _ => String::new(),
            };
            problems.push(problem(
                line,
                0,
                format!(
                    "row has {} fields but the header has {}{hint}",
                    record.len(),
                    columns.len()
                ),
            ));
        }
        let mut entry = Entry {
            origin: Origin {
                file: file.clone(),
                line,
                columns: columns.clone(),
            },
            ..Entry::default()
        };
        let mut bad_utf8 = false;
        for (i, raw) in record.iter().enumerate() {
            let Some(Some(name)) = columns.get(i) else {
                continue;
            };
            let value = match std::str::from_utf8(raw) {
                Ok(v) => v.trim(),
                Err(e) => {
                    problems.push(problem(
                        line,
                        i as u64 + 1,
                        format!(
                            "invalid UTF-8 in column {name:?} at byte {}",
                            e.valid_up_to()
                        ),
                    ));
                    bad_utf8 = true;
                    continue;
                }
            };
            set_field(&mut entry, name, value);
        }
        for name in FORM_COLUMNS {
            // A form of no more bytes than the limit has no more characters: only longer
            // ones are counted.
            if let Some(len) = forms(&entry, name)
                .filter(|f| f.len() > MAX_FORM_CHARS)
                .map(|f| f.chars().count())
                .find(|&n| n > MAX_FORM_CHARS)
            {
                problems.push(problem(
                    line,
                    entry.origin.column(name),
                    format!(
                        "a form in column {name:?} is {len} characters long; forms are at most \
                         {MAX_FORM_CHARS} (is a closing quote missing?)"
                    ),
                ));
            }
        }
        for req in REQUIRED {
            if columns.contains(&Some(*req)) && field_is_empty(&entry, req) && !bad_utf8 {
                problems.push(problem(
                    line,
                    entry.origin.column(req),
                    format!("missing required field {req:?}"),
                ));
            }
        }
        if !entry.id.is_empty() && !is_valid_id(&entry.id) {
            problems.push(problem(
                line,
                entry.origin.column("id"),
                format!(
                    "malformed id {:?}: use lower-case ASCII words joined by '-', like \"bao-hu-san\"",
                    entry.id
                ),
            ));
        }
        entries.push(entry);
    }
    (entries, problems)
}

/// 1-based line numbers from byte offsets, counting a line break as `\r\n`, `\n` or a lone
/// `\r` (the csv crate counts `\n` only, so a CR-only file was all line 1, and its record
/// positions in a CRLF file could point at the `\n` of the previous line's break). Offsets
/// are asked for in increasing order, so the whole file is scanned once.
struct LineCounter<'a> {
    body: &'a [u8],
    pos: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(body: &'a [u8]) -> Self {
        LineCounter {
            body,
            pos: 0,
            line: 1,
        }
    }

    /// The line on which the record at byte offset `byte` starts.
    fn line_at(&mut self, byte: u64) -> u64 {
        let mut at = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.body.len());
        // A record never starts with a line break: skip the rest of the previous one.
        while matches!(self.body.get(at), Some(b'\r' | b'\n')) {
            at += 1;
        }
        if at < self.pos {
            // Not expected (offsets increase); count from the start rather than go wrong.
            self.pos = 0;
            self.line = 1;
        }
        let seg = &self.body[self.pos..at];
        if memchr::memchr(b'\r', seg).is_none() {
            // The usual case, counted with the vectorized search.
            self.line += memchr::memchr_iter(b'\n', seg).count() as u64;
        } else {
            for i in self.pos..at {
                match self.body[i] {
                    b'\n' => self.line += 1,
                    b'\r' if self.body.get(i + 1) != Some(&b'\n') => self.line += 1,
                    _ => {}
                }
            }
        }
        self.pos = at;
        self.line
    }
}

fn csv_problem(path: &Path, e: &::csv::Error) -> Problem {
    let line = e.position().map_or(0, |p| p.line());
    Problem {
        file: path.to_path_buf(),
        line,
        column: 0,
        severity: Severity::Error,
        message: format!("malformed CSV: {e}"),
    }
}

fn split_multi(value: &str) -> Vec<String> {
    value
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

fn set_field(e: &mut Entry, name: &str, value: &str) {
    match name {
        "id" => e.id = value.to_string(),
        "zh" => e.zh = value.to_string(),
        "zh_alt" => e.zh_alt = split_multi(value),
        "zh_hant" => e.zh_hant = split_multi(value),
        "pinyin" => e.pinyin = value.to_string(),
        "en" => e.en = value.to_string(),
        "en_alt" => e.en_alt = split_multi(value),
        "literal" => e.literal = split_multi(value),
        "category" => e.category = value.to_string(),
        "definition" => e.definition = value.to_string(),
        "note" => e.note = value.to_string(),
        "see_also" => e.see_also = split_multi(value),
        "source" => e.source = value.to_string(),
        "exclude" => e.exclude = split_multi(value),
        "gated" => e.gated = split_multi(value),
        "cue" => e.cue = split_multi(value),
        _ => {}
    }
}

/// The forms in a form column.
fn forms<'a>(e: &'a Entry, name: &str) -> impl Iterator<Item = &'a str> {
    let (one, many): (Option<&String>, &[String]) = match name {
        "zh" => (Some(&e.zh), &[]),
        "en" => (Some(&e.en), &[]),
        "zh_alt" => (None, &e.zh_alt),
        "zh_hant" => (None, &e.zh_hant),
        "en_alt" => (None, &e.en_alt),
        "literal" => (None, &e.literal),
        "exclude" => (None, &e.exclude),
        "gated" => (None, &e.gated),
        "cue" => (None, &e.cue),
        _ => (None, &[]),
    };
    one.into_iter().chain(many).map(String::as_str)
}

fn field_is_empty(e: &Entry, name: &str) -> bool {
    match name {
        "id" => e.id.is_empty(),
        "zh" => e.zh.is_empty(),
        "pinyin" => e.pinyin.is_empty(),
        "en" => e.en.is_empty(),
        "category" => e.category.is_empty(),
        "definition" => e.definition.is_empty(),
        _ => false,
    }
}

/// `[a-z0-9]+(-[a-z0-9]+)*`
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Writes entries as a glossary CSV with the canonical columns.
pub fn write_csv<W: std::io::Write>(entries: &[Entry], out: W) -> std::io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(COLUMNS)?;
    for e in entries {
        let join = |v: &[String]| v.join("|");
        w.write_record([
            e.id.as_str(),
            &e.zh,
            &join(&e.zh_alt),
            &join(&e.zh_hant),
            &e.pinyin,
            &e.en,
            &join(&e.en_alt),
            &join(&e.literal),
            &e.category,
            &e.definition,
            &e.note,
            &join(&e.see_also),
            &e.source,
            &join(&e.exclude),
            &join(&e.gated),
            &join(&e.cue),
        ])?;
    }
    w.flush()
}
