//! Output that other programs cannot misread: CSV cells a spreadsheet would run as a formula,
//! and file names that would break a one-line message.

use std::borrow::Cow;

/// A CSV cell as spreadsheets should read it: a cell that starts with `=`, `+`, `-` or `@`
/// (or a tab or carriage return, which some spreadsheets skip before one) would be run as a
/// formula, so it gets a leading apostrophe, the mark spreadsheets read as "this is text".
/// Every other cell is returned unchanged, and so is `-` alone (standard input's name, which
/// no spreadsheet reads as a formula).
///
/// Used by every CSV report (annotate, check, discover, glossary build, the summary); not by
/// the glossary CSV itself, which must read back exactly as it was written.
///
/// ```
/// use tifa::safe_output::csv_cell;
/// assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
/// assert_eq!(csv_cell("-dash.txt"), "'-dash.txt");
/// assert_eq!(csv_cell("report.txt"), "report.txt");
/// assert_eq!(csv_cell("-"), "-");
/// ```
pub fn csv_cell(s: &str) -> Cow<'_, str> {
    if s == "-" {
        return Cow::Borrowed(s);
    }
    match s.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => Cow::Owned(format!("'{s}")),
        _ => Cow::Borrowed(s),
    }
}

/// A file name as shown in a one-line message: a name holding a line break or another
/// control character is quoted with the control characters escaped (`"a\nb.txt"`), so it can
/// neither split the message nor forge a second one. Every other name is returned unchanged.
///
/// ```
/// use tifa::safe_output::path_in_message;
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
