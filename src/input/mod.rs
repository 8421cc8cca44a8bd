//! Input readers: the documents of a run (files, folders, standard input, JSONL records)
//! and aligned segments (TSV, TMX, XLIFF). They turn bytes into text and say where a problem
//! is; they know nothing of glossaries.

pub mod mapped;
pub mod segments;
pub mod source;
pub mod stream;

use std::path::Path;

use self::segments::{Languages, Segment};
use self::source::{InputError, InputErrorKind};

/// Reads one document of a corpus pass: an aligned file (TMX, XLIFF, TSV, by its extension)
/// as its segments' text ([`segments_text`]), so its markup is never taken for prose; any
/// other file (or `-`) as text.
pub fn read_document(path: &Path, lossy: bool) -> Result<(String, Option<InputError>), InputError> {
    let shown = path.to_string_lossy();
    let raw = source::read_all(path)?;
    match source::aligned_format(path) {
        Some(format) => {
            let segs = segments::read(&raw, format, &Languages::default()).map_err(|e| {
                InputError::new(shown.as_ref(), InputErrorKind::Segments(e.to_string()))
            })?;
            Ok((segments_text(&segs), None))
        }
        None => source::decode(&shown, raw, lossy),
    }
}

/// The text of aligned segments, each source and target text on the line it occupies in its
/// file (texts that share a line are separated by a tab), so `path:line` locations found in
/// it point into the file; the markup between them is left out.
pub fn segments_text(segs: &[Segment]) -> String {
    let mut s = String::new();
    let mut line = 1;
    for seg in segs {
        let target = seg.target.as_deref().unwrap_or_default();
        for (at, text) in [
            (seg.source_line, seg.source.as_str()),
            (seg.target_line, target),
        ] {
            if text.is_empty() {
                continue;
            }
            if at > line {
                s.extend(std::iter::repeat_n('\n', at - line));
                line = at;
            } else if !s.is_empty() && !s.ends_with('\n') {
                s.push('\t');
            }
            s.push_str(text);
            line += text.matches('\n').count();
        }
    }
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::snippet::line_column;

    #[test]
    fn segments_keep_their_lines() {
        let seg = |source_line, target_line, source: &str, target: Option<&str>| Segment {
            number: 1,
            id: String::new(),
            source: source.into(),
            target: target.map(Into::into),
            line: source_line,
            source_line,
            target_line,
        };
        let text = segments_text(&[
            seg(3, 4, "保护伞", Some("protective umbrellas")),
            seg(6, 6, "钉子案", Some("nail case")),
            seg(8, 8, "关系网", None),
        ]);
        assert_eq!(
            text,
            "\n\n保护伞\nprotective umbrellas\n\n钉子案\tnail case\n\n关系网\n"
        );
        assert_eq!(
            line_column(text.as_bytes(), text.find("nail").unwrap()).0,
            6
        );
    }
}
