//! The escapers of the printers: one per output language, so every printer escapes the same
//! way. (XML for the exchange formats is escaped by `text::xml`, below the printers.)

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
