//! Aligned segments in: TSV, TMX 1.1/1.4, XLIFF 1.2/2.x, and two line-aligned files.
//!
//! A [`Segment`] is one source/target pair with its 1-based number within its file, so a
//! finding can be traced back. What counts as one segment:
//!
//! - TSV: one data row (blank lines are skipped; the number counts data rows). Columns are
//!   `source` and `target`, or `id`, `source`, `target`; a first row naming the columns
//!   (`id`, `source`/`zh`, `target`/`en`, in any order) is a header. No quoting: a field
//!   runs from tab to tab.
//! - TMX: one `tu`. Its source and target are the `tuv`s of the source and target languages
//!   (`xml:lang` in TMX 1.4, `lang` in 1.1), chosen by [`Languages`] or detected: `zh*` and
//!   `en*` when present, else the header's `srclang` and the first other language. A `tu`
//!   without the source language is skipped (its number is not reused).
//! - XLIFF 1.2: one `trans-unit`, or one `mrk mtype="seg"` of its `seg-source`, paired with
//!   the target's `mrk` of the same `mid`. Groups nest freely.
//! - XLIFF 2.x: one `unit/segment`.
//! - Two line-aligned files: one line of each; the number is the line number.
//!
//! Inline codes (`ph`, `bpt`, `ept`, `it`, `ut` and XLIFF 2's empty markers) hold native
//! markup, not text: their content is left out, and the text around them is kept, so a term
//! split by a code is still one term. Edge whitespace of XML segments is trimmed (it is
//! indentation, not content). A segment without a target is read (`target: None`) and counts.

use std::fmt;

use crate::text::xml::{self, Element, Event, Reader, XmlError};

/// One aligned pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// 1-based number of the segment within its file.
    pub number: usize,
    /// The id the file gives it (`tuid`, `trans-unit` id, TSV id column), or empty.
    pub id: String,
    /// The Chinese text.
    pub source: String,
    /// `None` when the file has no translation for it.
    pub target: Option<String>,
    /// 1-based line of the segment in its file (where its unit starts).
    pub line: usize,
    /// 1-based line of the source text in the file (for two line-aligned files, the line in
    /// the source file; for TSV, the row's line).
    pub source_line: usize,
    /// 1-based line of the target text, likewise.
    pub target_line: usize,
}

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentFormat {
    /// Tab-separated: source, target (or id, source, target), optional header.
    Tsv,
    /// TMX 1.1 or 1.4.
    Tmx,
    /// XLIFF 1.2 or 2.x.
    Xliff,
}

impl SegmentFormat {
    /// The format a file name suggests: `.tsv`/`.tab`, `.tmx`, `.xlf`/`.xliff`/`.sdlxliff`.
    pub fn from_path(path: &str) -> Option<SegmentFormat> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "tsv" | "tab" => Some(SegmentFormat::Tsv),
            "tmx" => Some(SegmentFormat::Tmx),
            "xlf" | "xliff" | "sdlxliff" | "mqxliff" => Some(SegmentFormat::Xliff),
            _ => None,
        }
    }
}

/// Which languages of a multilingual file are source and target (TMX). `None` means detect.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Languages {
    /// The source language (TMX `xml:lang`).
    pub source: Option<String>,
    /// The target language.
    pub target: Option<String>,
}

/// Why a file's segments could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SegmentError {
    /// The XML is malformed or unsafe.
    Xml(XmlError),
    /// A text problem (encoding, a TSV row) at a 1-based line (0: the whole file).
    Text {
        /// 1-based line (0: the whole file).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The file has no segments of the requested kind (not TMX, not XLIFF, no languages).
    Structure(String),
    /// A language asked for (`--source-lang`, `--target-lang`) that the file lacks: the
    /// options, not the file, are wrong.
    Language {
        /// `--source-lang` or `--target-lang`.
        option: &'static str,
        /// The language asked for.
        wanted: String,
        /// The languages the file has, in order of first appearance.
        present: Vec<String>,
    },
}

impl fmt::Display for SegmentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SegmentError::Xml(e) => write!(f, "{e}"),
            SegmentError::Text { line: 0, message } => write!(f, "{message}"),
            SegmentError::Text { line, message } => write!(f, "line {line}: {message}"),
            SegmentError::Structure(m) => write!(f, "{m}"),
            SegmentError::Language {
                option,
                wanted,
                present,
            } => write!(
                f,
                "no text in language {wanted:?} ({option}); the file has {}",
                if present.is_empty() {
                    "no language".to_string()
                } else {
                    present.join(", ")
                }
            ),
        }
    }
}

impl std::error::Error for SegmentError {}

impl From<XmlError> for SegmentError {
    fn from(e: XmlError) -> SegmentError {
        SegmentError::Xml(e)
    }
}

/// A file's segments, with the units left out and why.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segments {
    /// The segments read, in file order.
    pub segments: Vec<Segment>,
    /// The target language, as chosen (TMX) or declared (XLIFF `target-language`,
    /// `trgLang`), when the file says.
    pub target_lang: Option<String>,
    /// Lines of the units skipped because they have no text in the source language.
    pub no_source: Vec<usize>,
    /// Lines of the segments read without a target (no translation, or none in the target
    /// language): nothing in them can be checked.
    pub no_target: Vec<usize>,
    /// Lines of the units marked `translate="no"` (or in such a group), skipped.
    pub not_translatable: Vec<usize>,
}

/// Reads a file's segments in the given format.
pub fn read(
    bytes: &[u8],
    format: SegmentFormat,
    langs: &Languages,
) -> Result<Vec<Segment>, SegmentError> {
    read_segments(bytes, format, langs).map(|s| s.segments)
}

/// Reads a file's segments in the given format, with the units left out.
pub fn read_segments(
    bytes: &[u8],
    format: SegmentFormat,
    langs: &Languages,
) -> Result<Segments, SegmentError> {
    let mut s = match format {
        SegmentFormat::Tsv => Segments {
            segments: read_tsv(&decode_text(bytes)?)?,
            ..Segments::default()
        },
        SegmentFormat::Tmx => read_tmx_segments(bytes, langs)?,
        SegmentFormat::Xliff => read_xliff_segments(bytes, langs)?,
    };
    s.no_target = s
        .segments
        .iter()
        .filter(|seg| seg.target.is_none())
        .map(|seg| seg.line)
        .collect();
    Ok(s)
}

/// Decodes a plain-text input: UTF-8 (BOM optional) or UTF-16 with a BOM.
pub fn decode_text(bytes: &[u8]) -> Result<String, SegmentError> {
    // The XML decoder's byte-order-mark rules are the plain-text ones too.
    xml::decode(bytes).map_err(|e| SegmentError::Text {
        line: e.line,
        message: format!("{}", XmlErrorText(&e)),
    })
}

/// An XML error's message without its place (the caller gives the line).
struct XmlErrorText<'a>(&'a XmlError);

impl fmt::Display for XmlErrorText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = XmlError {
            line: 0,
            column: 0,
            kind: self.0.kind.clone(),
        };
        if self.0.line > 0 {
            write!(f, "column {}: ", self.0.column)?;
        }
        write!(f, "{e}")
    }
}

/// Splits text into lines without their terminators (`\n` or `\r\n`); a final terminator
/// does not start another line.
fn lines(text: &str) -> Vec<&str> {
    let mut v: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    if text.ends_with('\n') || text.is_empty() {
        v.pop();
    }
    v
}

/// Column roles of a TSV file.
#[derive(Debug, Clone, Copy)]
struct TsvColumns {
    id: Option<usize>,
    source: usize,
    target: usize,
    width: usize,
}

fn header_role(name: &str) -> Option<&'static str> {
    match name.trim().to_ascii_lowercase().as_str() {
        "id" | "key" | "segment" | "tuid" => Some("id"),
        "source" | "src" | "zh" | "zh-cn" | "zh_cn" | "zh-hans" | "chinese" => Some("source"),
        "target" | "tgt" | "en" | "en-us" | "en-gb" | "english" | "translation" => Some("target"),
        _ => None,
    }
}

/// Reads TSV segments (see the module docs).
pub fn read_tsv(text: &str) -> Result<Vec<Segment>, SegmentError> {
    let mut out = Vec::new();
    let mut cols: Option<TsvColumns> = None;
    for (i, line) in lines(text).into_iter().enumerate() {
        let lineno = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let c = match cols {
            Some(c) => c,
            None => {
                let roles: Vec<Option<&str>> = fields.iter().map(|f| header_role(f)).collect();
                let pos = |r: &str| roles.iter().position(|x| *x == Some(r));
                if let (Some(source), Some(target)) = (pos("source"), pos("target")) {
                    cols = Some(TsvColumns {
                        id: pos("id"),
                        source,
                        target,
                        width: fields.len(),
                    });
                    continue;
                }
                let c = match fields.len() {
                    2 => TsvColumns {
                        id: None,
                        source: 0,
                        target: 1,
                        width: 2,
                    },
                    3 => TsvColumns {
                        id: Some(0),
                        source: 1,
                        target: 2,
                        width: 3,
                    },
                    n => {
                        return Err(SegmentError::Text {
                            line: lineno,
                            message: format!(
                                "expected 2 tab-separated columns (source, target) or 3 \
                                 (id, source, target), found {n}; or name them in a header row"
                            ),
                        })
                    }
                };
                cols = Some(c);
                c
            }
        };
        if fields.len() != c.width {
            return Err(SegmentError::Text {
                line: lineno,
                message: format!(
                    "expected {} tab-separated columns like the first row, found {}",
                    c.width,
                    fields.len()
                ),
            });
        }
        out.push(Segment {
            number: out.len() + 1,
            id: c
                .id
                .map_or_else(String::new, |i| fields[i].trim().to_string()),
            source: fields[c.source].to_string(),
            target: Some(fields[c.target].to_string()),
            line: lineno,
            source_line: lineno,
            target_line: lineno,
        });
    }
    Ok(out)
}

/// Pairs two line-aligned texts. The numbers are line numbers.
pub fn read_line_pairs(source: &str, target: &str) -> Result<Vec<Segment>, SegmentError> {
    let (s, t) = (lines(source), lines(target));
    if s.len() != t.len() {
        return Err(SegmentError::Structure(format!(
            "the source has {} lines and the target {}: line-aligned files must have as many",
            s.len(),
            t.len()
        )));
    }
    Ok(s.into_iter()
        .zip(t)
        .enumerate()
        .map(|(i, (s, t))| Segment {
            number: i + 1,
            id: String::new(),
            source: s.to_string(),
            target: Some(t.to_string()),
            line: i + 1,
            source_line: i + 1,
            target_line: i + 1,
        })
        .collect())
}

/// Inline-code elements whose content is native markup, not text.
const CODES: &[&str] = &["ph", "bpt", "ept", "it", "ut"];

/// The text of a segment element, inline codes left out, edges trimmed.
fn segment_text(e: &Element) -> String {
    e.text_where(|c| !CODES.contains(&c.name.as_str()))
        .trim()
        .to_string()
}

/// Does language tag `lang` belong to `want` (`zh` takes `zh-CN`; case-insensitive)?
fn lang_matches(lang: &str, want: &str) -> bool {
    let (l, w) = (lang.to_ascii_lowercase(), want.to_ascii_lowercase());
    l == w || (l.starts_with(&w) && matches!(l.as_bytes().get(w.len()), Some(b'-' | b'_')))
}

struct Tu {
    number: usize,
    id: String,
    line: usize,
    /// The unit's own `srclang`, which overrides the header's.
    srclang: Option<String>,
    /// (language, text, line of the text) of each `tuv`.
    variants: Vec<(String, String, usize)>,
}

/// Reads TMX segments (see the module docs).
pub fn read_tmx(bytes: &[u8], langs: &Languages) -> Result<Vec<Segment>, SegmentError> {
    read_tmx_segments(bytes, langs).map(|s| s.segments)
}

fn read_tmx_segments(bytes: &[u8], langs: &Languages) -> Result<Segments, SegmentError> {
    let text = xml::decode(bytes)?;
    let mut r = Reader::new(&text);
    let mut srclang = None;
    let mut tus = Vec::new();
    let mut root_seen = false;
    loop {
        match r.next_event()? {
            Event::Start(tag) => {
                if !root_seen {
                    root_seen = true;
                    if tag.name != "tmx" {
                        return Err(SegmentError::Structure(format!(
                            "not a TMX file: the root element is <{}>, expected <tmx>",
                            tag.qname
                        )));
                    }
                    continue;
                }
                match tag.name.as_str() {
                    "header" => srclang = tag.attr("srclang").map(str::to_string),
                    "tu" => {
                        let tu = r.read_element(tag)?;
                        let variants = tu
                            .children_named("tuv")
                            .map(|v| {
                                let lang = v.attr("lang").unwrap_or_default().to_string();
                                let seg = v.child("seg");
                                let text = seg.map(segment_text).unwrap_or_default();
                                (lang, text, seg.map_or(v.line, |s| s.line))
                            })
                            .collect();
                        tus.push(Tu {
                            number: tus.len() + 1,
                            id: tu.attr("tuid").unwrap_or_default().to_string(),
                            line: tu.line,
                            srclang: tu
                                .attr("srclang")
                                .filter(|s| !s.eq_ignore_ascii_case("*all*"))
                                .map(str::to_string),
                            variants,
                        });
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let (source, target) = tmx_languages(&tus, srclang.as_deref(), langs)?;
    let find = |tu: &'_ Tu, want: &str| -> Option<usize> {
        tu.variants
            .iter()
            .position(|(l, _, _)| l.eq_ignore_ascii_case(want))
            .or_else(|| {
                tu.variants
                    .iter()
                    .position(|(l, _, _)| lang_matches(l, want))
            })
    };
    let mut out = Segments {
        target_lang: target.clone(),
        ..Segments::default()
    };
    for tu in &tus {
        // A unit's own srclang, when no language was asked for and the file's choice is
        // not in the unit: the unit says which of its variants is the source.
        let own = tu
            .srclang
            .as_deref()
            .filter(|_| langs.source.is_none())
            .filter(|s| find(tu, s).is_some());
        let Some(s) = find(tu, &source).or_else(|| own.and_then(|s| find(tu, s))) else {
            out.no_source.push(tu.line);
            continue;
        };
        let own_source = find(tu, &source).is_none();
        let t = match target.as_deref().and_then(|t| find(tu, t)) {
            // The target is never the source variant itself.
            Some(t) if t != s => Some(t),
            // A unit with its own source language: its other language is the target.
            _ if own_source && langs.target.is_none() => (0..tu.variants.len())
                .find(|&i| i != s && !lang_matches(&tu.variants[i].0, &tu.variants[s].0)),
            _ => None,
        };
        let (_, source_text, source_line) = &tu.variants[s];
        out.segments.push(Segment {
            number: tu.number,
            id: tu.id.clone(),
            source: source_text.clone(),
            target: t.map(|t| tu.variants[t].1.clone()),
            line: tu.line,
            source_line: *source_line,
            target_line: t.map_or(*source_line, |t| tu.variants[t].2),
        });
    }
    Ok(out)
}

/// Chooses the source and target languages of a TMX file.
fn tmx_languages(
    tus: &[Tu],
    srclang: Option<&str>,
    langs: &Languages,
) -> Result<(String, Option<String>), SegmentError> {
    let all: Vec<&str> = tus
        .iter()
        .flat_map(|t| t.variants.iter().map(|(l, _, _)| l.as_str()))
        .collect();
    let has = |want: &str| all.iter().any(|l| lang_matches(l, want));
    for (option, asked) in [
        ("--source-lang", &langs.source),
        ("--target-lang", &langs.target),
    ] {
        if let Some(want) = asked.as_deref().filter(|w| !has(w) && !tus.is_empty()) {
            return Err(SegmentError::Language {
                option,
                wanted: want.to_string(),
                present: distinct(&all).into_iter().map(String::from).collect(),
            });
        }
    }
    let source = match &langs.source {
        Some(s) => s.clone(),
        None if has("zh") => "zh".to_string(),
        None => match srclang.filter(|s| !s.eq_ignore_ascii_case("*all*") && has(s)) {
            Some(s) => s.to_string(),
            None => match all.first() {
                Some(l) => l.to_string(),
                None => return Ok((String::new(), None)), // no tu: no segments
            },
        },
    };
    if !has(&source) && !tus.is_empty() {
        return Err(SegmentError::Structure(format!(
            "no tuv in source language {source:?}; languages present: {}",
            distinct(&all).join(", ")
        )));
    }
    let is_source = |l: &str| l.eq_ignore_ascii_case(&source) || lang_matches(l, &source);
    let target = match &langs.target {
        Some(t) => Some(t.clone()),
        None if has("en") && !lang_matches(&source, "en") => Some("en".to_string()),
        None => all.iter().find(|l| !is_source(l)).map(|l| l.to_string()),
    };
    Ok((source, target))
}

fn distinct<'a>(v: &[&'a str]) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for l in v {
        if !out.contains(l) {
            out.push(l);
        }
    }
    out
}

/// Reads XLIFF 1.2 or 2.x segments (see the module docs).
pub fn read_xliff(bytes: &[u8]) -> Result<Vec<Segment>, SegmentError> {
    read_xliff_segments(bytes, &Languages::default()).map(|s| s.segments)
}

/// Reads XLIFF segments: the languages the file declares (`source-language` and
/// `target-language` of each 1.2 `<file>`, `srcLang` and `trgLang` of a 2.x `<xliff>`) must
/// be the ones asked for; units marked `translate="no"`, or in a group so marked, are
/// skipped and counted.
fn read_xliff_segments(bytes: &[u8], langs: &Languages) -> Result<Segments, SegmentError> {
    let text = xml::decode(bytes)?;
    let mut r = Reader::new(&text);
    let mut out = Segments::default();
    let mut root_seen = false;
    // `translate` of each open group: inherited, `yes` resets it.
    let mut groups: Vec<bool> = Vec::new();
    let check_langs = |source: Option<&str>, target: Option<&str>, out: &mut Segments| {
        let present: Vec<String> = [source, target]
            .into_iter()
            .flatten()
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect();
        for (option, asked, declared) in [
            ("--source-lang", &langs.source, source),
            ("--target-lang", &langs.target, target),
        ] {
            if let (Some(want), Some(have)) = (asked, declared.filter(|d| !d.is_empty())) {
                if !lang_matches(have, want) {
                    return Err(SegmentError::Language {
                        option,
                        wanted: want.clone(),
                        present,
                    });
                }
            }
        }
        if out.target_lang.is_none() {
            out.target_lang = target.filter(|t| !t.is_empty()).map(String::from);
        }
        Ok(())
    };
    loop {
        match r.next_event()? {
            Event::Start(tag) => {
                if !root_seen {
                    root_seen = true;
                    if tag.name != "xliff" {
                        return Err(SegmentError::Structure(format!(
                            "not an XLIFF file: the root element is <{}>, expected <xliff>",
                            tag.qname
                        )));
                    }
                    check_langs(tag.attr("srcLang"), tag.attr("trgLang"), &mut out)?;
                    continue;
                }
                let no = |translate: Option<&str>, inherited: bool| match translate {
                    Some(t) if t.trim().eq_ignore_ascii_case("no") => true,
                    Some(t) if t.trim().eq_ignore_ascii_case("yes") => false,
                    _ => inherited,
                };
                let inherited = groups.last().copied().unwrap_or(false);
                match tag.name.as_str() {
                    "file" => check_langs(
                        tag.attr("source-language"),
                        tag.attr("target-language"),
                        &mut out,
                    )?,
                    "group" => groups.push(no(tag.attr("translate"), inherited)),
                    "trans-unit" | "unit" => {
                        let skip = no(tag.attr("translate"), inherited);
                        let v2 = tag.name == "unit";
                        let unit = r.read_element(tag)?;
                        if skip {
                            out.not_translatable.push(unit.line);
                        } else if v2 {
                            unit2(&unit, &mut out.segments);
                        } else {
                            trans_unit(&unit, &mut out.segments);
                        }
                    }
                    _ => {}
                }
            }
            Event::End(name) if name == "group" => {
                groups.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// XLIFF 1.2: a `trans-unit`, segmented by `seg-source` when it has one.
fn trans_unit(tu: &Element, out: &mut Vec<Segment>) {
    let id = tu.attr("id").unwrap_or_default();
    let target = tu.child("target");
    // (text, line of the text) of the source and the target.
    type Text = (String, usize);
    let mut push = |id: String, source: Text, target: Option<Text>, line: usize| {
        out.push(Segment {
            number: out.len() + 1,
            id,
            source_line: source.1,
            target_line: target.as_ref().map_or(source.1, |t| t.1),
            source: source.0,
            target: target.map(|t| t.0),
            line,
        })
    };
    let text = |e: &Element| (segment_text(e), e.line);
    if let Some(seg_source) = tu.child("seg-source") {
        let marks = seg_marks(seg_source);
        if !marks.is_empty() {
            let target_marks = target.map(seg_marks).unwrap_or_default();
            let single = marks.len() == 1 && target_marks.is_empty();
            for m in marks {
                let mid = m.attr("mid").unwrap_or_default();
                let t = if single {
                    target.map(text)
                } else {
                    target_marks
                        .iter()
                        .find(|t| t.attr("mid") == Some(mid))
                        .map(|t| text(t))
                };
                push(format!("{id}/{mid}"), text(m), t, m.line);
            }
            return;
        }
    }
    let source = tu.child("source").map_or((String::new(), tu.line), text);
    push(id.to_string(), source, target.map(text), tu.line);
}

/// The `mrk mtype="seg"` elements of a `seg-source` or `target`, at any depth.
fn seg_marks(e: &Element) -> Vec<&Element> {
    e.descendants_named("mrk")
        .into_iter()
        .filter(|m| m.attr("mtype") == Some("seg"))
        .collect()
}

/// XLIFF 2: a `unit`'s `segment`s.
fn unit2(unit: &Element, out: &mut Vec<Segment>) {
    let uid = unit.attr("id").unwrap_or_default();
    for (i, seg) in unit.children_named("segment").enumerate() {
        let id = match seg.attr("id") {
            Some(s) => format!("{uid}/{s}"),
            None => format!("{uid}/{}", i + 1),
        };
        let source = seg.child("source");
        let target = seg.child("target");
        let source_line = source.map_or(seg.line, |e| e.line);
        out.push(Segment {
            number: out.len() + 1,
            id,
            source: source.map(segment_text).unwrap_or_default(),
            target: target.map(segment_text),
            line: seg.line,
            source_line,
            target_line: target.map_or(source_line, |e| e.line),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(segs: &[Segment]) -> Vec<(String, String)> {
        segs.iter()
            .map(|s| (s.source.clone(), s.target.clone().unwrap_or_default()))
            .collect()
    }

    #[test]
    fn tsv_shapes() {
        let two = read_tsv("保护伞\tumbrella\r\n\n打财断血\tcut\n").unwrap();
        assert_eq!(
            pairs(&two),
            [
                ("保护伞".into(), "umbrella".into()),
                ("打财断血".into(), "cut".into())
            ]
        );
        assert_eq!((two[1].number, two[1].line), (2, 3));
        let three = read_tsv("a1\t保护伞\tumbrella\n").unwrap();
        assert_eq!(three[0].id, "a1");
        let header = read_tsv("en\tid\tzh\nx\t7\t伞\n").unwrap();
        assert_eq!(
            (header[0].id.as_str(), header[0].source.as_str()),
            ("7", "伞")
        );
        assert_eq!(header[0].target.as_deref(), Some("x"));
        let e = read_tsv("a\tb\nc\n").unwrap_err();
        assert!(matches!(e, SegmentError::Text { line: 2, .. }), "{e}");
        assert!(matches!(
            read_tsv("abc\n"),
            Err(SegmentError::Text { line: 1, .. })
        ));
    }

    #[test]
    fn line_pairs() {
        let s = read_line_pairs("一\n二\n", "one\r\ntwo").unwrap();
        assert_eq!(
            pairs(&s),
            [("一".into(), "one".into()), ("二".into(), "two".into())]
        );
        assert!(read_line_pairs("一\n二\n", "one\n").is_err());
    }

    #[test]
    fn tmx_detects_zh_and_en_and_skips_codes() {
        let doc = r#"<tmx version="1.4"><header srclang="en"/><body>
<tu tuid="t1"><tuv xml:lang="en-US"><seg>protective <ph>&lt;b&gt;</ph>umbrellas</seg></tuv>
<tuv xml:lang="zh-CN"><seg>保护<bpt i="1">&lt;b&gt;</bpt>伞<ept i="1">&lt;/b&gt;</ept></seg></tuv></tu>
<tu><tuv xml:lang="fr"><seg>x</seg></tuv></tu>
<tu><tuv xml:lang="zh-CN"><seg>钉子案</seg></tuv></tu>
</body></tmx>"#;
        let s = read_tmx(doc.as_bytes(), &Languages::default()).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(
            (s[0].source.as_str(), s[0].target.as_deref()),
            ("保护伞", Some("protective umbrellas"))
        );
        assert_eq!((s[0].number, s[0].id.as_str(), s[0].line), (1, "t1", 2));
        assert_eq!((s[1].number, s[1].target.as_deref()), (3, None));
        let fr = Languages {
            source: Some("fr".into()),
            target: Some("en".into()),
        };
        let s = read_tmx(doc.as_bytes(), &fr).unwrap();
        assert_eq!((s.len(), s[0].number, s[0].target.as_deref()), (1, 2, None));
        assert!(matches!(
            read_tmx(
                doc.as_bytes(),
                &Languages {
                    source: Some("de".into()),
                    target: None
                }
            ),
            Err(SegmentError::Language {
                option: "--source-lang",
                ..
            })
        ));
        assert!(matches!(
            read_tmx(b"<xliff/>", &Languages::default()),
            Err(SegmentError::Structure(_))
        ));
    }

    #[test]
    fn tmx_unit_srclang_overrides_the_header() {
        let doc = r#"<tmx version="1.4"><header srclang="en-US"/><body>
<tu><tuv xml:lang="en-US"><seg>protectors</seg></tuv><tuv xml:lang="fr"><seg>protecteurs</seg></tuv></tu>
<tu srclang="fr"><tuv xml:lang="fr"><seg>parapluie</seg></tuv><tuv xml:lang="de"><seg>Schirm</seg></tuv></tu>
<tu><tuv xml:lang="de"><seg>nur Deutsch</seg></tuv></tu>
</body></tmx>"#;
        let s = read_segments(doc.as_bytes(), SegmentFormat::Tmx, &Languages::default()).unwrap();
        assert_eq!(
            pairs(&s.segments),
            [
                ("protectors".into(), "protecteurs".into()),
                ("parapluie".into(), "Schirm".into())
            ]
        );
        assert_eq!(s.no_source, [4]);
        assert_eq!(s.target_lang.as_deref(), Some("fr"));
        let e = read_segments(
            doc.as_bytes(),
            SegmentFormat::Tmx,
            &Languages {
                source: None,
                target: Some("ja".into()),
            },
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "no text in language \"ja\" (--target-lang); the file has en-US, fr, de"
        );
    }

    #[test]
    fn xliff_languages_and_translate_no() {
        let doc = r#"<xliff version="1.2"><file source-language="zh-CN" target-language="ja-JP"><body>
<trans-unit id="a"><source>保护伞</source><target>保護傘</target></trans-unit>
<trans-unit id="b" translate="no"><source>钉子案</source></trans-unit>
<group translate="no"><trans-unit id="c"><source>x</source></trans-unit>
<group translate="yes"><trans-unit id="d"><source>y</source></trans-unit></group></group>
<trans-unit id="e"><source>z</source></trans-unit>
</body></file></xliff>"#;
        let s = read_segments(doc.as_bytes(), SegmentFormat::Xliff, &Languages::default()).unwrap();
        let ids: Vec<&str> = s.segments.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["a", "d", "e"]);
        assert_eq!(s.not_translatable, [3, 4]);
        assert_eq!(s.no_target, [5, 6]);
        assert_eq!(s.target_lang.as_deref(), Some("ja-JP"));
        let en = Languages {
            source: Some("zh".into()),
            target: Some("en".into()),
        };
        let e = read_segments(doc.as_bytes(), SegmentFormat::Xliff, &en).unwrap_err();
        assert_eq!(
            e.to_string(),
            "no text in language \"en\" (--target-lang); the file has zh-CN, ja-JP"
        );
        let v2 = r#"<xliff version="2.0" srcLang="zh" trgLang="en"><file id="f">
<unit id="u1" translate="no"><segment><source>保护伞</source></segment></unit>
<unit id="u2"><segment><source>钉子案</source><target>nail case</target></segment></unit>
</file></xliff>"#;
        let s = read_segments(v2.as_bytes(), SegmentFormat::Xliff, &Languages::default()).unwrap();
        assert_eq!(s.segments.len(), 1);
        assert_eq!(s.not_translatable, [2]);
        assert_eq!(s.target_lang.as_deref(), Some("en"));
    }

    #[test]
    fn xliff12_segments_pair_by_mid() {
        let doc = r#"<xliff version="1.2"><file><body><group><trans-unit id="a">
<source>保护伞。打财断血。</source>
<seg-source><mrk mtype="seg" mid="1">保护伞。</mrk><mrk mtype="seg" mid="2">打财断血。</mrk></seg-source>
<target><mrk mtype="seg" mid="2">breaking money</mrk><mrk mtype="seg" mid="1">umbrellas</mrk></target>
<alt-trans><target>ignored</target></alt-trans>
</trans-unit><trans-unit id="b"><source>钉子<x id="1"/>案</source></trans-unit></group></body></file></xliff>"#;
        let s = read_xliff(doc.as_bytes()).unwrap();
        assert_eq!(
            s.iter()
                .map(|s| (s.id.as_str(), s.source.as_str(), s.target.as_deref()))
                .collect::<Vec<_>>(),
            [
                ("a/1", "保护伞。", Some("umbrellas")),
                ("a/2", "打财断血。", Some("breaking money")),
                ("b", "钉子案", None)
            ]
        );
    }

    #[test]
    fn formats_from_paths() {
        assert_eq!(
            SegmentFormat::from_path("a/b.TMX"),
            Some(SegmentFormat::Tmx)
        );
        assert_eq!(
            SegmentFormat::from_path("x.xlf"),
            Some(SegmentFormat::Xliff)
        );
        assert_eq!(SegmentFormat::from_path("x.tsv"), Some(SegmentFormat::Tsv));
        assert_eq!(SegmentFormat::from_path("x.txt"), None);
    }
}
