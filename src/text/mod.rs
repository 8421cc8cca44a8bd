//! Pure text, knowing nothing of glossaries or formats: normalization with its offset map,
//! Chinese characters, English words and their inflection, phrase matching over words,
//! places and snippets, and XML. Every layer above uses
//! these, one copy of each.

pub mod chinese;
pub mod compound;
pub mod english;
pub mod inflect;
pub mod normalize;
pub mod phrase;
pub mod regional;
pub mod snippet;
pub mod surfaces;
pub mod words;
pub mod xml;

use std::borrow::Cow;

/// Folds a surface form the way text is folded, without edge whitespace: the key under
/// which glossary forms are compared, by the matcher and by the exchange formats alike.
pub fn fold_form(form: &str) -> String {
    if form.is_ascii() {
        return fold_ascii_form(form);
    }
    // One buffer per thread: compiling CC-CEDICT folds 300,000 forms, and a fresh folded
    // text and offset map for each cost more than the folding.
    thread_local! {
        static BUFFER: std::cell::RefCell<normalize::Normalized> = Default::default();
    }
    BUFFER.with(|b| {
        let mut norm = b.borrow_mut();
        normalize::normalize_into(form, &mut norm);
        norm.text.trim_matches(' ').to_string()
    })
}

/// [`fold_form`] of an ASCII form, as the normalizer folds ASCII (upper case to lower, each
/// run of whitespace and hyphens to one space) without its offset map: compiling a glossary
/// folds every form, most of them ASCII.
fn fold_ascii_form(form: &str) -> String {
    let mut out = String::with_capacity(form.len());
    let space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '-');
    for part in form.split(space).filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(part);
    }
    out.make_ascii_lowercase();
    out
}

/// Where bytes stop being UTF-8: 1-based line and column (in characters), and byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotUtf8 {
    /// 1-based line of the first invalid byte.
    pub line: usize,
    /// 1-based column of the first invalid byte, in characters.
    pub column: usize,
    /// Byte offset of the first invalid byte in the bytes given.
    pub offset: usize,
}

/// The text of UTF-8 `bytes`, a leading byte-order mark dropped; or where it stops being
/// UTF-8. The one decoder of the files that must be UTF-8 (glossary exchange files).
pub fn utf8(bytes: &[u8]) -> Result<&str, NotUtf8> {
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    std::str::from_utf8(&bytes[bom..]).map_err(|e| {
        let offset = bom + e.valid_up_to();
        let (line, column) = snippet::line_column(bytes, offset);
        NotUtf8 {
            line,
            column,
            offset,
        }
    })
}

/// A file name as shown in a one-line message: a name holding a line break or another
/// control character is quoted with the control characters escaped (`"a\nb.txt"`), so it can
/// neither split the message nor forge a second one. Every other name is returned unchanged.
///
/// ```
/// use tifa::text::path_in_message;
/// assert_eq!(path_in_message("in/a.txt"), "in/a.txt");
/// assert_eq!(path_in_message("in/a\nb.txt"), "\"in/a\\nb.txt\"");
/// ```
pub fn path_in_message(s: &str) -> Cow<'_, str> {
    if s.chars().any(char::is_control) {
        Cow::Owned(format!("{s:?}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// The character boundary of `s` at or before `i` (the end of `s` for any `i` past it).
pub(crate) fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The character boundary of `s` at or after `i` (the end of `s` for any `i` past it).
pub(crate) fn ceil_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(4096))]
        /// The ASCII fold of a form is the normalizer's.
        #[test]
        fn ascii_forms_fold_as_the_normalizer_folds(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Z", "Party", " ", "  ", "-", "--", "\t", "\r\n", "\x0b", "\x0c", ",", "'",
                "\"", "(", ")", ".", "&", "_", "0", "9", "\0", "\x1f", "\x7f", "No.",
            ]), 0..12)
        ) {
            let form = parts.concat();
            let want = normalize::normalize(&form).text.trim_matches(' ').to_string();
            proptest::prop_assert_eq!(fold_form(&form), want, "{:?}", form);
        }
    }

    #[test]
    fn utf8_drops_the_bom_and_places_errors() {
        assert_eq!(utf8(b"\xEF\xBB\xBFab"), Ok("ab"));
        assert_eq!(
            utf8(b"a\n\xE4\xB8\xADb\xFF"),
            Err(NotUtf8 {
                line: 2,
                column: 3,
                offset: 6
            })
        );
    }
}
