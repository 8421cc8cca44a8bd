//! `--format md`: the output is parsed back with pulldown-cmark (footnotes and tables on, as
//! on GitHub) — the text region renders to the input's paragraphs character for character,
//! every footnote reference has its definition, and nothing becomes markup.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::io::Write;
use std::process::{Command, Output, Stdio};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::Deserialize;

/// The sample release shipped in `corpus/`.
const RELEASE: &str = "corpus/en/procuratorate-briefing.txt";
/// A real machine-translated release, in the shared fixtures (`--features shared-tests`).
#[cfg(feature = "shared-tests")]
fn seed() -> &'static str {
    shared::path("seeds/000_233ae4298ae7c3b1.txt")
}

#[cfg(feature = "shared-tests")]
#[path = "support/shared.rs"]
mod shared;

/// Every construct of CommonMark, GFM and Pandoc's Markdown that plain text could trigger.
const ADVERSARIAL: &str = concat!(
    "# Not a heading: <script>alert(1)</script> &amp; &lt;b&gt; &copy; &#65;\n",
    "> not a quote, *not emphasis*, _nor this_, **nor**, `no code`, ``two``, [^1] no footnote\n",
    "1. not a list | a | pipe | table |\n",
    "|---|---|\n",
    "back\\slash\\ and trailing spaces   \n",
    "a line ending in a backslash\\\n",
    "\tA tab, then the \"nail case\" and the 'bone case'.\n",
    "\n",
    "   \n",
    "  Indented paragraph about protective umbrellas (保护伞) and 关系网,\r\n",
    "with a CRLF line, 打财断血 and a \"><img src=x onerror=alert(1)> attempt.\n",
    "\n\n\n",
    "- dash\n",
    "+ plus\n",
    "* star\n",
    "===\n",
    "---\n",
    "***\n",
    "    four spaces: code? 钉子案、骨头案 & <b>bold</b> <!-- comment -->\n",
    "```\n",
    "~~~ fence\n",
    "[link](http://example.com) [ref][x] ![img](x.png) <http://example.com> www.example.com\n",
    "[x]: http://example.com\n",
    "[^1]: not a definition\n",
    "~~strike~~ $math$ @cite ^sup^ H~2~O {#id} \\(paren\\) :emoji: %percent\n",
    ": colon start\n",
    "2) second  (i) roman  a. alpha\n",
    "(a) paren list\n",
    "B. capital\n",
    "#. pandoc list\n",
    "wait... -- dash --- em \"quotes\" 'single' it's\n",
    "<div>html block</div>\n",
    "\u{3000}full-width space start and end\u{3000}\n",
    "the nail case(ding) then the nail case: and the bone case!\n",
    "nail case\n",
);

fn tifa(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tifa"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tifa runs");
    {
        let mut input = child.stdin.take().expect("stdin");
        if let Some(s) = stdin {
            input.write_all(s.as_bytes()).expect("write stdin");
        }
    }
    let out = child.wait_with_output().expect("tifa finishes");
    assert!(
        out.status.success(),
        "tifa {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[derive(Debug, Deserialize)]
struct Record {
    spans: Vec<Span>,
}

#[derive(Debug, Deserialize)]
struct Span {
    kb_id: String,
    form: String,
}

fn spans(extra: &[&str], stdin: &str) -> Vec<Span> {
    let mut args = vec!["annotate", "-f", "jsonl"];
    args.extend_from_slice(extra);
    args.push("-");
    let out = tifa(&args, Some(stdin));
    let rec: Record = serde_json::from_slice(&out.stdout).expect("one JSON record");
    rec.spans
}

fn markdown(extra: &[&str], stdin: &str) -> String {
    let mut args = vec!["annotate", "-f", "md"];
    args.extend_from_slice(extra);
    args.push("-");
    String::from_utf8(tifa(&args, Some(stdin)).stdout).unwrap()
}

fn options() -> Options {
    Options::ENABLE_FOOTNOTES | Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// The input's paragraphs as a reader sees them: runs of non-blank lines, trimmed at the
/// ends (written independently of the renderer).
fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for line in text.split('\n').chain(std::iter::once("")) {
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(cur.join("\n").trim().to_string());
                cur.clear();
            }
        } else {
            cur.push(line);
        }
    }
    out
}

/// What a parse of the output holds.
#[derive(Debug, Default)]
struct Parsed {
    /// Rendered paragraphs of the text region, footnote references left out.
    paragraphs: Vec<String>,
    /// Footnote references in the text region, in order.
    text_refs: Vec<String>,
    /// Per text region (document): its paragraphs and its number of footnote references.
    regions: Vec<(Vec<String>, usize)>,
    /// All footnote references and definitions.
    refs: BTreeSet<String>,
    defs: Vec<String>,
    table_rows: usize,
    /// Markup found inside the text region (none is expected).
    markup: Vec<String>,
}

fn parse(md: &str) -> Parsed {
    let mut p = Parsed::default();
    let mut in_text = false;
    let mut in_table_body = false;
    let mut para: Option<String> = None;
    for event in Parser::new_ext(md, options()) {
        match &event {
            Event::Html(h) | Event::InlineHtml(h) if h.contains("/tifa:text") => in_text = false,
            Event::Html(h) | Event::InlineHtml(h) if h.contains("tifa:text") => {
                in_text = true;
                p.regions.push((Vec::new(), 0));
            }
            Event::FootnoteReference(label) => {
                p.refs.insert(label.to_string());
                if in_text {
                    p.text_refs.push(label.to_string());
                    p.regions.last_mut().expect("in a region").1 += 1;
                }
            }
            Event::Start(Tag::FootnoteDefinition(label)) => p.defs.push(label.to_string()),
            Event::Start(Tag::TableHead) => in_table_body = false,
            Event::End(TagEnd::TableHead) => in_table_body = true,
            Event::Start(Tag::TableRow) if in_table_body => p.table_rows += 1,
            // The markers' own wrappers; HTML from the input would show as `Html` events.
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => {}
            _ if !in_text => {}
            Event::Start(Tag::Paragraph) => para = Some(String::new()),
            Event::End(TagEnd::Paragraph) => {
                let text = para.take().unwrap_or_default();
                p.regions
                    .last_mut()
                    .expect("in a region")
                    .0
                    .push(text.clone());
                p.paragraphs.push(text);
            }
            Event::Text(t) => para.get_or_insert_with(String::new).push_str(t),
            Event::SoftBreak | Event::HardBreak => para.get_or_insert_with(String::new).push('\n'),
            other => p.markup.push(format!("{other:?}")),
        }
    }
    p
}

/// Checks a one-document Markdown output against its input and spans.
fn check(md: &str, input: &str, spans: &[Span]) -> Parsed {
    let p = parse(md);
    assert!(p.markup.is_empty(), "markup in the text: {:?}", p.markup);
    assert_eq!(
        p.paragraphs,
        paragraphs(input),
        "the text renders as the input"
    );
    // A footnote after each span, naming its entry (literal renderings have their own note).
    let want: Vec<String> = spans
        .iter()
        .map(|s| {
            if s.form == "literal" {
                format!("{}--literal", s.kb_id)
            } else {
                s.kb_id.clone()
            }
        })
        .collect();
    assert_eq!(p.text_refs, want);
    // Every reference has its definition, and every definition is used, once.
    let defs: BTreeSet<String> = p.defs.iter().cloned().collect();
    assert_eq!(defs.len(), p.defs.len(), "one definition per label");
    assert_eq!(p.refs, defs, "references and definitions match");
    // One table row per term.
    let terms: BTreeSet<&str> = spans.iter().map(|s| s.kb_id.as_str()).collect();
    assert_eq!(p.table_rows, terms.len());
    p
}

#[test]
fn the_sample_release_round_trips_through_a_markdown_parser() {
    let input = fs::read_to_string(RELEASE).unwrap();
    let found = spans(&[], &input);
    assert!(found.len() >= 10, "the glossary finds the release's terms");
    let md = markdown(&[], &input);
    let p = check(&md, &input, &found);
    assert!(p.text_refs.contains(&"ding-zi-an--literal".to_string()));
}

#[cfg(feature = "shared-tests")]
#[test]
fn the_seed_round_trips_through_a_markdown_parser() {
    shared::need();
    let input = fs::read_to_string(seed()).unwrap();
    let found = spans(&[], &input);
    assert!(found.len() >= 20, "the glossary finds the seed's terms");
    let md = markdown(&[], &input);
    let p = check(&md, &input, &found);
    assert!(p.text_refs.contains(&"ding-zi-an--literal".to_string()));
}

#[test]
fn adversarial_text_renders_as_itself() {
    let found = spans(&[], ADVERSARIAL);
    let ids: Vec<&str> = found.iter().map(|s| s.kb_id.as_str()).collect();
    for id in [
        "ding-zi-an",
        "gu-tou-an",
        "bao-hu-san",
        "guan-xi-wang",
        "da-cai-duan-xue",
    ] {
        assert!(ids.contains(&id), "{id} found in the adversarial text");
    }
    let md = markdown(&[], ADVERSARIAL);
    check(&md, ADVERSARIAL, &found);
}

#[test]
fn adversarial_lines_render_as_themselves_one_by_one() {
    // Each line alone is a document whose text it starts: the hardest place for a block
    // marker. The lines go in as JSONL records, one document each, in one run.
    let lines: Vec<&str> = ADVERSARIAL
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect();
    let jsonl: String = lines
        .iter()
        .map(|l| format!("{}\n", serde_json::json!({ "text": l })))
        .collect();
    let run = |format: &str| {
        let out = tifa(
            &["annotate", "--input", "jsonl", "-f", format, "-"],
            Some(&jsonl),
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let counts: Vec<usize> = run("jsonl")
        .lines()
        .map(|l| serde_json::from_str::<Record>(l).unwrap().spans.len())
        .collect();
    let p = parse(&run("md"));
    assert!(p.markup.is_empty(), "markup {:?}", p.markup);
    assert_eq!(p.regions.len(), lines.len());
    for ((line, (paras, refs)), n) in lines.iter().zip(&p.regions).zip(counts) {
        assert_eq!(*paras, paragraphs(line), "{line:?}");
        assert_eq!(*refs, n, "{line:?}");
    }
}

#[test]
fn glossary_fields_cannot_inject_markup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.csv");
    let a = "<script>alert(1)</script>";
    let b = "\"><img src=x onerror=alert(1)>";
    let mut w = csv::Writer::from_path(&path).unwrap();
    w.write_record([
        "id",
        "zh",
        "pinyin",
        "en",
        "literal",
        "category",
        "definition",
        "note",
    ])
    .unwrap();
    w.write_record([
        "ding-zi-an",
        &format!("钉子案{a}"),
        &format!("dìng | zi *àn* {b}"),
        &format!("stubborn [case]({b}) | {a}"),
        &format!("nail case|{b}"),
        "procedure",
        &format!("Definition {a}\n\n# {b}"),
        &format!("Note ` {b} [^x]"),
    ])
    .unwrap();
    w.flush().unwrap();
    let g = path.to_str().unwrap();
    let text = format!("The nail case, {a} and {b}.");
    let found = spans(&["-g", g], &text);
    assert_eq!(found.len(), 2);
    let md = markdown(&["-g", g], &text);
    check(&md, &text, &found);
    // Rendered to HTML, nothing is an element.
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, Parser::new_ext(&md, options()));
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("<h1>#") && html.matches("<h1>").count() == 1);
    // The table keeps its columns: a `|` in a field is escaped.
    let header_cells = md
        .lines()
        .find(|l| l.starts_with("| # |"))
        .unwrap()
        .matches(" | ")
        .count();
    let row = md
        .lines()
        .find(|l| l.starts_with("| 1 |"))
        .expect("a table row");
    let unescaped = row
        .match_indices(" | ")
        .filter(|(i, _)| !row[..*i].ends_with('\\'))
        .count();
    assert_eq!(unescaped, header_cells);
}

#[test]
fn footnotes_and_table_name_each_term_once() {
    let text = "The nail case, another nail case and 钉子案; the bone case.";
    let found = spans(&[], text);
    let md = markdown(&[], text);
    let p = check(&md, text, &found);
    let mut per_label: HashMap<&str, usize> = HashMap::new();
    for r in &p.text_refs {
        *per_label.entry(r.as_str()).or_default() += 1;
    }
    assert_eq!(per_label.get("ding-zi-an--literal"), Some(&2));
    assert_eq!(per_label.get("ding-zi-an"), Some(&1));
    assert_eq!(p.table_rows, 2);
}

#[test]
fn several_documents_each_get_a_section() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    fs::write(&a, "The nail case.").unwrap();
    fs::write(&b, "The bone case.").unwrap();
    let out = tifa(
        &[
            "annotate",
            "-f",
            "md",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
        None,
    );
    let md = String::from_utf8(out.stdout).unwrap();
    let p = parse(&md);
    assert_eq!(p.paragraphs, ["The nail case.", "The bone case."]);
    let defs: BTreeSet<String> = p.defs.iter().cloned().collect();
    assert_eq!(p.refs, defs);
    let h1 = Parser::new_ext(&md, options())
        .filter(|e| {
            matches!(
                e,
                Event::Start(Tag::Heading {
                    level: pulldown_cmark::HeadingLevel::H1,
                    ..
                })
            )
        })
        .count();
    assert_eq!(h1, 2);
}
