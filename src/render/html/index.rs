//! The corpus page of a folder of HTML outputs: the documents with their term counts, a chart
//! of the most frequent terms, and for each term the documents it occurs in.

use std::fmt::Write as _;
use std::path::Path;

use super::{doc_name, esc, esc_flat, footer, head, plural, CSS};
use crate::annotate::merge_counts;
use crate::glossary::{Entry, Glossary};
use crate::render::prose;
use crate::render::IndexDoc;

/// A relative URL for a page path: components joined by `/`, percent-encoded.
fn href(page: &Path) -> String {
    let mut out = String::new();
    for (i, c) in page.components().enumerate() {
        if i > 0 {
            out.push('/');
        }
        for b in c.as_os_str().to_string_lossy().bytes() {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                out.push(b as char);
            } else {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

/// Opens a link to a document's page, at its entry for a term when the page has one.
fn doc_link(s: &mut String, d: &IndexDoc, entry: Option<&Entry>) {
    s.push_str("<a href=\"");
    esc(s, &href(&d.page));
    if let (Some(e), true) = (entry, d.anchored) {
        let _ = write!(s, "#{}-g-", prose::doc_key(&d.path));
        esc(s, &e.id);
    }
    s.push_str("\">");
}

/// The corpus page of a folder of HTML outputs: the documents with their term counts, a chart
/// of the most frequent terms, and for each term the documents it occurs in.
pub(super) fn index(docs: &[IndexDoc], glossary: &Glossary) -> Vec<u8> {
    let entries = &glossary.entries;
    // Totals per entry, most frequent first; ties in glossary order.
    let mut totals: Vec<(usize, u32)> = Vec::new();
    for d in docs {
        merge_counts(&mut totals, &d.counts);
    }
    totals.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let occurrences: u64 = totals.iter().map(|t| t.1 as u64).sum();

    let mut s = String::with_capacity(CSS.len() + 4096 + docs.len() * 400);
    head(&mut s, "Corpus \u{b7} tifa");
    s.push_str("<body class=\"index\">\n<main class=\"wide\">\n<header class=\"doc-head\">\n");
    s.push_str("<p class=\"kicker\">tifa \u{b7} corpus report</p>\n");
    let _ = writeln!(
        s,
        "<h1>{}</h1>",
        plural(docs.len(), "document", "documents")
    );
    let _ = writeln!(
        s,
        "<p class=\"stats\">{} of {}</p>\n</header>",
        plural(occurrences as usize, "occurrence", "occurrences"),
        plural(totals.len(), "glossary term", "glossary terms")
    );

    // The chart: one bar per term, linking to the term's documents below.
    const TOP: usize = 20;
    if !totals.is_empty() {
        let shown = &totals[..totals.len().min(TOP)];
        let max = shown[0].1.max(1) as f64;
        let (w, row) = (640.0, 44.0);
        let h = row * shown.len() as f64;
        let _ = write!(
            s,
            "<section aria-labelledby=\"chart-h\">\n<h2 id=\"chart-h\">Most frequent terms</h2>\n\
             <figure class=\"chart\"><svg viewBox=\"0 0 {w} {h}\" role=\"img\" \
             aria-labelledby=\"chart-cap\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        );
        for (r, &(entry, count)) in shown.iter().enumerate() {
            let e = &entries[entry];
            let y = r as f64 * row;
            let len = (count as f64 / max * w).max(3.0);
            s.push_str("<a href=\"#term-");
            esc(&mut s, &e.id);
            s.push_str("\"><title>");
            esc_flat(&mut s, &e.zh);
            let _ = write!(
                s,
                " \u{2014} {}</title>",
                plural(count as usize, "occurrence", "occurrences")
            );
            let _ = write!(
                s,
                "<rect class=\"row\" x=\"0\" y=\"{y}\" width=\"{w}\" height=\"{row}\"/>\
                 <text class=\"label\" x=\"0\" y=\"{:.1}\"><tspan class=\"zh\">",
                y + 16.0
            );
            esc_flat(&mut s, &e.zh);
            s.push_str("</tspan>  ");
            esc_flat(&mut s, &truncate(&e.en, 60));
            let _ = writeln!(
                s,
                "</text><text class=\"count\" x=\"{w}\" y=\"{:.1}\" text-anchor=\"end\">{count}</text>\
                 <rect class=\"track\" x=\"0\" y=\"{:.1}\" width=\"{w}\" height=\"12\" rx=\"3\"/>\
                 <rect class=\"bar\" x=\"0\" y=\"{:.1}\" width=\"{len:.1}\" height=\"12\" rx=\"3\"/></a>",
                y + 16.0,
                y + 24.0,
                y + 24.0
            );
        }
        let _ = write!(
            s,
            "</svg><figcaption id=\"chart-cap\">The {} most frequent glossary terms across the \
             corpus, by occurrences. Each bar links to the documents the term occurs in.\
             </figcaption></figure>\n</section>\n",
            shown.len()
        );
    }

    // The documents.
    s.push_str(
        "<section aria-labelledby=\"docs-h\">\n<h2 id=\"docs-h\">Documents</h2>\n\
         <div class=\"scroll\"><table class=\"docs\">\n<thead><tr><th scope=\"col\">Document</th>\
         <th scope=\"col\" class=\"num\">Occurrences</th><th scope=\"col\" class=\"num\">Terms</th>\
         <th scope=\"col\">Most used</th></tr></thead>\n<tbody>\n",
    );
    for d in docs {
        let count: u64 = d.counts.iter().map(|c| c.1 as u64).sum();
        s.push_str("<tr><th scope=\"row\">");
        doc_link(&mut s, d, None);
        esc(&mut s, &d.path);
        let _ = write!(
            s,
            "</a></th><td class=\"num\">{count}</td><td class=\"num\">{}</td><td>",
            d.counts.len()
        );
        let mut top = d.counts.clone();
        top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for (j, &(entry, n)) in top.iter().take(3).enumerate() {
            if j > 0 {
                s.push_str(", ");
            }
            doc_link(&mut s, d, Some(&entries[entry]));
            s.push_str("<span lang=\"zh-Hans\">");
            esc_flat(&mut s, &entries[entry].zh);
            let _ = write!(s, "</span></a>\u{a0}\u{d7}{n}");
        }
        s.push_str("</td></tr>\n");
    }
    s.push_str("</tbody>\n</table></div>\n</section>\n");

    // Every term, with the documents it occurs in.
    if !totals.is_empty() {
        s.push_str(
            "<section aria-labelledby=\"terms-h\">\n<h2 id=\"terms-h\">Terms</h2>\n\
             <ol class=\"glossary corpus\">\n",
        );
        for (n, &(entry, count)) in totals.iter().enumerate() {
            let e = &entries[entry];
            s.push_str("<li id=\"term-");
            esc(&mut s, &e.id);
            let _ = write!(
                s,
                "\"><span class=\"g-num\" aria-hidden=\"true\">{}</span>",
                n + 1
            );
            s.push_str("<div class=\"g-head\"><span class=\"g-zh\" lang=\"zh-Hans\">");
            esc_flat(&mut s, &e.zh);
            s.push_str("</span> <span class=\"g-py\" lang=\"zh-Latn-pinyin\">");
            esc_flat(&mut s, &e.pinyin);
            s.push_str("</span> <span class=\"chip\">");
            esc_flat(&mut s, &e.category);
            s.push_str("</span></div>\n<div class=\"g-en\">");
            esc_flat(&mut s, &e.en);
            s.push_str("</div>\n<p class=\"g-def\">");
            esc_flat(&mut s, &e.definition);
            s.push_str("</p>\n<p class=\"g-occ\"><span class=\"g-count\">");
            s.push_str(&plural(count as usize, "occurrence", "occurrences"));
            s.push_str("</span> in");
            // A term of a large corpus lists its first documents only.
            const LIMIT: usize = 200;
            let mut listed = 0;
            for d in docs {
                let Some(c) = d.counts.iter().find(|c| c.0 == entry) else {
                    continue;
                };
                listed += 1;
                if listed <= LIMIT {
                    s.push(' ');
                    doc_link(&mut s, d, Some(e));
                    esc(&mut s, doc_name(&d.path));
                    let _ = write!(s, "</a>\u{a0}\u{d7}{}", c.1);
                }
            }
            if listed > LIMIT {
                let _ = write!(s, " and {} more documents", listed - LIMIT);
            }
            s.push_str("</p>\n</li>\n");
        }
        s.push_str("</ol>\n</section>\n");
    }
    s.push_str("</main>\n");
    footer(&mut s);
    s.push_str("</body>\n</html>\n");
    s.into_bytes()
}

/// At most `n` characters, with an ellipsis when cut.
fn truncate(s: &str, n: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= n {
        return s;
    }
    let mut t: String = s.chars().take(n - 1).collect();
    t.push('\u{2026}');
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrefs_are_percent_encoded() {
        assert_eq!(href(Path::new("a b/c#1.html")), "a%20b/c%231.html");
        assert_eq!(href(Path::new("报告.html")), "%E6%8A%A5%E5%91%8A.html");
    }
}
