//! Printable glossaries in Markdown and HTML: one section per entry — English rendering,
//! Chinese headword and pinyin, category, definition, the other forms, literal renderings,
//! note, cross-references (as links to the other entries) and source; for `glossary build`
//! also how often and where the corpus uses the term.
//!
//! Every piece of glossary text is escaped for the output format: Markdown punctuation is
//! backslash-escaped, HTML special characters become entities.

use std::collections::HashMap;
use std::io::{self, Write};

use super::escape::{html as escape_html, md as escape_md};
use super::html::content_security_policy;
use super::usage::format_forms;
use crate::glossary::Entry;
use crate::text::english::count;
use crate::usage::TermUse;

/// One entry to print, with its corpus use when there is one.
#[derive(Debug, Clone, Copy)]
pub struct Item<'a> {
    /// The entry.
    pub entry: &'a Entry,
    /// How a corpus uses it (`glossary build`).
    pub usage: Option<&'a TermUse>,
}

/// Writes a whole glossary, sorted by English headword, as Markdown or (`html`) HTML: the
/// printable formats of `glossary export`.
pub fn write_glossary(entries: &[Entry], html: bool, out: &mut dyn Write) -> io::Result<()> {
    let mut sorted: Vec<&Entry> = entries.iter().collect();
    sorted.sort_by_cached_key(|e| (e.en.to_lowercase(), e.zh.clone()));
    let items: Vec<Item<'_>> = sorted
        .into_iter()
        .map(|entry| Item { entry, usage: None })
        .collect();
    if html {
        write_html(&items, out)
    } else {
        write_markdown(&items, out)
    }
}

fn title(e: &Entry) -> &str {
    if e.en.is_empty() {
        &e.zh
    } else {
        &e.en
    }
}

/// How a printable format writes the pieces of an entry's bullet list.
struct Markup {
    escape: fn(&str) -> String,
    /// Escaped Chinese text, marked as such.
    zh: fn(String) -> String,
    /// A link to another entry, by id and title.
    link: fn(&str, &str) -> String,
    /// Where the corpus first uses a term, with its context.
    first_use: fn(&TermUse) -> String,
}

const MARKDOWN: Markup = Markup {
    escape: escape_md,
    zh: |s| s,
    link: |id, title| format!("[{}](#{id})", escape_md(title)),
    first_use: |u| {
        format!(
            "`{}`: {}",
            u.first.replace('`', "'"),
            escape_md(&u.context.to_string())
        )
    },
};

const HTML: Markup = Markup {
    escape: escape_html,
    zh: |s| format!("<span lang=\"zh\">{s}</span>"),
    link: |id, title| {
        format!(
            "<a href=\"#{}\">{}</a>",
            escape_html(id),
            escape_html(title)
        )
    },
    first_use: |u| {
        format!(
            "<code>{}</code>: {}<mark>{}</mark>{}",
            escape_html(&u.first),
            escape_html(&u.context.left),
            escape_html(&u.context.term),
            escape_html(&u.context.right)
        )
    },
};

/// The bullets under an entry: other renderings and forms, literal renderings, note,
/// cross-references, source and corpus use — the same list in every printable format.
fn bullets(item: &Item<'_>, ids: &HashMap<&str, &Entry>, m: &Markup) -> Vec<String> {
    let e = item.entry;
    let esc = m.escape;
    let join = |v: &[String]| v.iter().map(|s| esc(s)).collect::<Vec<_>>().join("; ");
    let mut bullets = Vec::new();
    if !e.en_alt.is_empty() {
        bullets.push(format!("Also rendered: {}", join(&e.en_alt)));
    }
    let zh_other: Vec<String> = e.zh_alt.iter().chain(&e.zh_hant).cloned().collect();
    if !zh_other.is_empty() {
        bullets.push(format!("Other Chinese forms: {}", (m.zh)(join(&zh_other))));
    }
    if !e.literal.is_empty() {
        let lits: Vec<String> = e.literal.iter().map(|l| format!("“{}”", esc(l))).collect();
        bullets.push(format!("Literal renderings: {}", lits.join("; ")));
    }
    if !e.note.is_empty() {
        bullets.push(format!("Note: {}", esc(&e.note)));
    }
    if !e.see_also.is_empty() {
        let links: Vec<String> = e
            .see_also
            .iter()
            .map(|s| match ids.get(s.as_str()) {
                Some(o) => (m.link)(s, title(o)),
                None => esc(s),
            })
            .collect();
        bullets.push(format!("See also: {}", links.join(", ")));
    }
    if !e.source.is_empty() {
        bullets.push(format!("Source: {}", esc(&e.source)));
    }
    if let Some(u) = item.usage {
        bullets.push(format!(
            "Used {} in {}, as {}; first at {}",
            count(u.occurrences, "time", "times"),
            count(u.documents, "document", "documents"),
            esc(&format_forms(&u.forms).replace('|', ", ")),
            (m.first_use)(u)
        ));
    }
    bullets
}

/// Writes a Markdown glossary.
pub fn write_markdown(items: &[Item<'_>], out: &mut dyn Write) -> io::Result<()> {
    let ids: HashMap<&str, &Entry> = items
        .iter()
        .map(|i| (i.entry.id.as_str(), i.entry))
        .collect();
    writeln!(out, "# Glossary\n")?;
    writeln!(
        out,
        "{} {}.\n",
        items.len(),
        if items.len() == 1 { "entry" } else { "entries" }
    )?;
    for item in items {
        let e = item.entry;
        writeln!(out, "<a id=\"{}\"></a>\n", escape_html(&e.id))?;
        write!(out, "## {}", escape_md(title(e)))?;
        if !e.en.is_empty() {
            write!(out, " — {}", escape_md(&e.zh))?;
        }
        if !e.pinyin.is_empty() {
            write!(out, " *{}*", escape_md(&e.pinyin))?;
        }
        writeln!(out, "\n")?;
        if !e.category.is_empty() || !e.definition.is_empty() {
            let cat = if e.category.is_empty() {
                String::new()
            } else {
                format!("*{}.* ", escape_md(&e.category))
            };
            writeln!(out, "{cat}{}\n", escape_md(&e.definition))?;
        }
        let bullets = bullets(item, &ids, &MARKDOWN);
        for b in &bullets {
            writeln!(out, "- {b}")?;
        }
        if !bullets.is_empty() {
            writeln!(out)?;
        }
    }
    Ok(())
}

/// The style sheet of the HTML glossary (hashed into its Content-Security-Policy).
const CSS: &str = "
body { font-family: serif; max-width: 48em; margin: 2em auto; line-height: 1.4; }
dt { font-weight: bold; margin-top: 1em; }
.zh { font-weight: normal; } .pinyin { font-style: italic; font-weight: normal; }
.cat { font-variant: small-caps; } dd ul { margin: 0.3em 0; padding-left: 1.2em; }
mark { background: #fe9; }
@media print { dt { break-after: avoid; } }
";

/// Writes a standalone HTML glossary.
pub fn write_html(items: &[Item<'_>], out: &mut dyn Write) -> io::Result<()> {
    let ids: HashMap<&str, &Entry> = items
        .iter()
        .map(|i| (i.entry.id.as_str(), i.entry))
        .collect();
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
         <title>Glossary</title>\n<style>{CSS}</style>\n</head>\n<body>\n<h1>Glossary</h1>\n\
         <p>{} {}.</p>\n<dl>",
        content_security_policy(CSS, None),
        items.len(),
        if items.len() == 1 { "entry" } else { "entries" }
    )?;
    for item in items {
        let e = item.entry;
        write!(
            out,
            "<dt id=\"{}\">{}",
            escape_html(&e.id),
            escape_html(title(e))
        )?;
        if !e.en.is_empty() {
            write!(
                out,
                " — <span class=\"zh\" lang=\"zh-Hans\">{}</span>",
                escape_html(&e.zh)
            )?;
        }
        if !e.pinyin.is_empty() {
            write!(
                out,
                " <span class=\"pinyin\" lang=\"zh-Latn-pinyin\">{}</span>",
                escape_html(&e.pinyin)
            )?;
        }
        writeln!(out, "</dt>")?;
        write!(out, "<dd>")?;
        if !e.category.is_empty() {
            write!(
                out,
                "<span class=\"cat\">{}.</span> ",
                escape_html(&e.category)
            )?;
        }
        write!(out, "{}", escape_html(&e.definition))?;
        let bullets = bullets(item, &ids, &HTML);
        if !bullets.is_empty() {
            write!(out, "<ul>")?;
            for b in &bullets {
                write!(out, "<li>{b}</li>")?;
            }
            write!(out, "</ul>")?;
        }
        writeln!(out, "</dd>")?;
    }
    writeln!(out, "</dl>\n</body>\n</html>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_html("<b>&\"x'"), "&lt;b&gt;&amp;&quot;x&#39;");
        assert_eq!(
            escape_md("*a* [b](c) #1 a|b"),
            "\\*a\\* \\[b\\](c) \\#1 a\\|b"
        );
    }
}
