//! The escapers of the printers: one per output language, so every printer escapes the same
//! way — HTML, Markdown, and CSV cells that spreadsheets would run as formulas. (XML for the
//! exchange formats is escaped by `text::xml`, below the printers.)

use std::borrow::Cow;

/// Appends `s` escaped for HTML element content and quoted attribute values. A carriage
/// return is written as a character reference, since the HTML parser would turn a raw one
/// into `\n`.
pub fn html_into(out: &mut String, s: &str) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            b'\r' => "&#13;",
            // The parser drops NUL; make the loss visible instead.
            0 => "&#xFFFD;",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

/// `s` escaped for HTML (see [`html_into`]).
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    html_into(&mut out, s);
    out
}

/// Escapes Markdown inline punctuation so glossary text prints literally; line breaks
/// become spaces.
pub fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '{' | '}' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

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
/// use tifa::render::escape::csv_cell;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(
            html("a<b>&\"'\r\0"),
            "a&lt;b&gt;&amp;&quot;&#39;&#13;&#xFFFD;"
        );
        assert_eq!(md("*a* [b]\nc"), "\\*a\\* \\[b\\] c");
    }
}
