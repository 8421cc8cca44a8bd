//! `--format html`: the page is parsed back with an HTML parser (scraper, html5ever) and
//! checked — the text region equals the input, every span is highlighted with its card,
//! nothing in the input or the glossary becomes markup, and folder output has an index.

use std::collections::HashSet;
use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use scraper::{CaseSensitivity, ElementRef, Html, Selector};
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

/// Text with every character HTML or Markdown could read as syntax, and terms to highlight.
pub const ADVERSARIAL: &str = concat!(
    "# Not a heading: <script>alert(1)</script> &amp; &lt;b&gt;\n",
    "> not a quote, *not emphasis*, _nor this_, `no code`, [^1] is no footnote\n",
    "1. not a list | a | pipe | table |\n",
    "|---|---|\n",
    "back\\slash\\ and trailing spaces   \n",
    "\tA tab, then the \"nail case\" and the 'bone case'.\n",
    "\n",
    "   \n",
    "  Indented paragraph about protective umbrellas (保护伞) and 关系网,\r\n",
    "with a CRLF line, 打财断血 and a \"><img src=x onerror=alert(1)> attempt.\n",
    "\n\n\n",
    "- dash, + plus, = equals, ~~strike~~, $math$, @cite, ^sup^, ![img](x.png), <http://example.com>\n",
    "---\n",
    "    four spaces: code? 钉子案、骨头案 & <b>bold</b>\n",
    "　full-width space, 2) second, a. alpha, (i) roman, :colon, %percent, wait... -- dash\n",
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

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

/// The text of an element, leaving out the cards (what a reader sees as the text).
fn text_without_cards(el: ElementRef<'_>) -> String {
    fn walk(el: ElementRef<'_>, out: &mut String) {
        for child in el.children() {
            if let Some(t) = child.value().as_text() {
                out.push_str(t);
            } else if let Some(e) = ElementRef::wrap(child) {
                if !e.value().has_class("card", CaseSensitivity::CaseSensitive) {
                    walk(e, out);
                }
            }
        }
    }
    let mut out = String::new();
    walk(el, &mut out);
    out
}

#[derive(Debug, Deserialize)]
struct Record {
    spans: Vec<Span>,
}

#[derive(Debug, Deserialize)]
struct Span {
    text: String,
    kb_id: String,
    form: String,
}

/// The spans tifa finds in `path` (through `--format jsonl`, parsed back).
fn spans(extra: &[&str], path: &str) -> Vec<Span> {
    let mut args = vec!["annotate", "-f", "jsonl"];
    args.extend_from_slice(extra);
    args.push(path);
    let out = tifa(&args, None);
    let rec: Record = serde_json::from_slice(&out.stdout).expect("one JSON record");
    rec.spans
}

/// The spans tifa finds in `input` read from standard input.
fn spans_of_stdin(extra: &[&str], input: &str) -> Vec<Span> {
    let mut args = vec!["annotate", "-f", "jsonl"];
    args.extend_from_slice(extra);
    let out = tifa(&args, Some(input));
    let rec: Record = serde_json::from_slice(&out.stdout).expect("one JSON record");
    rec.spans
}

/// Checks a one-document page against its input and its spans.
fn check_page(html: &str, input: &str, spans: &[Span]) -> Html {
    let page = Html::parse_document(html);
    let articles: Vec<_> = page.select(&sel("article.doc")).collect();
    assert_eq!(articles.len(), 1, "one article");
    let region = articles[0]
        .select(&sel(".text"))
        .next()
        .expect("a text region");
    assert_eq!(
        text_without_cards(region),
        input,
        "the text region equals the input"
    );

    // Every span is a focusable highlight with its own card, in text order.
    let marks: Vec<_> = region.select(&sel("mark.t")).collect();
    assert_eq!(marks.len(), spans.len(), "one highlight per span");
    let mut ids = HashSet::new();
    for (m, s) in marks.iter().zip(spans) {
        assert_eq!(text_without_cards(*m), s.text);
        assert_eq!(m.value().attr("data-e"), Some(s.kb_id.as_str()));
        assert_eq!(m.value().attr("data-form"), Some(s.form.as_str()));
        assert_eq!(m.value().attr("tabindex"), Some("0"));
        let card = m
            .next_siblings()
            .find_map(ElementRef::wrap)
            .expect("a card after the highlight");
        assert!(card
            .value()
            .has_class("card", CaseSensitivity::CaseSensitive));
        assert_eq!(card.value().attr("role"), Some("tooltip"));
        assert_eq!(m.value().attr("aria-describedby"), card.value().attr("id"));
        let card_text = card.text().collect::<String>();
        if s.form == "literal" {
            assert!(
                card_text.contains("Literal rendering"),
                "literal flagged: {card_text}"
            );
        }
        assert!(ids.insert(m.value().attr("id").expect("id").to_string()));
    }
    page
}

#[test]
fn the_sample_page_keeps_the_text_and_highlights_every_span() {
    let input = fs::read_to_string(RELEASE).unwrap();
    let found = spans(&[], RELEASE);
    assert!(found.len() >= 10, "the glossary finds the release's terms");
    let out = tifa(&["annotate", "-f", "html", RELEASE], None);
    let page = check_page(&String::from_utf8(out.stdout).unwrap(), &input, &found);
    let links = page.select(&sel(".terms .glossary .g-occ a")).count();
    assert_eq!(links, found.len());
}

#[cfg(feature = "shared-tests")]
#[test]
fn the_seed_page_keeps_the_text_and_highlights_every_span() {
    shared::need();
    let input = fs::read_to_string(seed()).unwrap();
    let found = spans(&[], seed());
    assert!(found.len() >= 20, "the glossary finds the seed's terms");
    let out = tifa(&["annotate", "-f", "html", seed()], None);
    let page = check_page(&String::from_utf8(out.stdout).unwrap(), &input, &found);

    // The glossary section lists each term once, with one link per occurrence.
    let items: Vec<_> = page.select(&sel(".terms .glossary > li")).collect();
    let distinct: HashSet<&str> = found.iter().map(|s| s.kb_id.as_str()).collect();
    assert_eq!(items.len(), distinct.len());
    let links: usize = items
        .iter()
        .map(|li| li.select(&sel(".g-occ a")).count())
        .sum();
    assert_eq!(links, found.len());
    for expected in [
        "保护伞",
        "关系网",
        "打财断血",
        "钉子案",
        "骨头案",
        "后半篇文章",
        "平安中国",
    ] {
        assert!(
            items.iter().any(|li| li
                .select(&sel(".g-zh"))
                .any(|z| z.text().collect::<String>() == expected)),
            "{expected} listed"
        );
    }
}

#[test]
fn adversarial_text_is_kept_character_for_character() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("adversarial.txt");
    fs::write(&path, ADVERSARIAL).unwrap();
    let p = path.to_str().unwrap();
    let found = spans(&[], p);
    assert!(found.iter().any(|s| s.text == "nail case"));
    assert!(found.iter().any(|s| s.text == "保护伞"));
    let out = tifa(&["annotate", "-f", "html", p], None);
    let page = check_page(&String::from_utf8(out.stdout).unwrap(), ADVERSARIAL, &found);
    assert_eq!(
        page.select(&sel("script")).count(),
        1,
        "only the page's own script"
    );
    assert_eq!(page.select(&sel("img")).count(), 0);
    // The input's `<b>` is text; the only `b` elements are the cards' own.
    for b in page.select(&sel(".text b")) {
        let in_card = b
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| a.value().has_class("card", CaseSensitivity::CaseSensitive));
        assert!(in_card, "a b element in the text");
    }

    // The same from standard input.
    let out = tifa(&["annotate", "-f", "html", "-"], Some(ADVERSARIAL));
    check_page(&String::from_utf8(out.stdout).unwrap(), ADVERSARIAL, &found);
}

#[test]
fn paragraphs_and_line_breaks_are_kept() {
    let text = "First line\nsecond line of one paragraph.\n\n  Second paragraph.\n\n\n\nThird.";
    let out = tifa(&["annotate", "-f", "html", "-"], Some(text));
    let page = Html::parse_document(&String::from_utf8(out.stdout).unwrap());
    let paras: Vec<String> = page
        .select(&sel(".text > p"))
        .map(|p| text_without_cards(p))
        .collect();
    assert_eq!(
        paras,
        [
            "First line\nsecond line of one paragraph.",
            "Second paragraph.",
            "Third."
        ]
    );
}

const PAYLOADS: [&str; 2] = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
];

/// A glossary whose every free-text field carries the payloads.
fn hostile_glossary(dir: &Path) -> String {
    let path = dir.join("hostile.csv");
    let [a, b] = PAYLOADS;
    let mut w = csv::Writer::from_path(&path).unwrap();
    w.write_record([
        "id",
        "zh",
        "pinyin",
        "en",
        "en_alt",
        "literal",
        "category",
        "definition",
        "note",
    ])
    .unwrap();
    w.write_record([
        "ding-zi-an",
        &format!("钉子案{a}"),
        &format!("dìng zi àn {b}"),
        &format!("stubborn case {a}"),
        "",
        "nail case",
        "procedure",
        &format!("Definition {a} {b}"),
        &format!("Note {b}"),
    ])
    .unwrap();
    w.write_record([
        "xss",
        "跨站",
        &format!("kuà zhàn {a}"),
        &format!("cross site {b}"),
        "",
        // The payload itself is a literal form, so it is matched and highlighted.
        b,
        "procedure",
        &format!("{b}{a}"),
        "",
    ])
    .unwrap();
    w.flush().unwrap();
    path.to_str().unwrap().to_string()
}

/// No element, attribute or script beyond the page's own.
fn assert_inert(page: &Html) {
    assert_eq!(
        page.select(&sel("script")).count(),
        1,
        "only the page's own script"
    );
    assert_eq!(page.select(&sel("img")).count(), 0, "no img element");
    for el in page.select(&sel("*")) {
        for (name, _) in el.value().attrs() {
            assert!(!name.starts_with("on"), "event handler attribute {name}");
        }
        assert!(el.value().name() != "iframe" && el.value().name() != "object");
    }
}

#[test]
fn payloads_in_the_text_and_the_glossary_stay_text() {
    let dir = tempfile::tempdir().unwrap();
    let g = hostile_glossary(dir.path());
    let text = format!(
        "The {0} nail case and {1} here; {1} again.\n\n{0}",
        PAYLOADS[0], PAYLOADS[1]
    );
    let input = dir.path().join("in.txt");
    fs::write(&input, &text).unwrap();
    let input = input.to_str().unwrap();
    let found = spans(&["-g", &g], input);
    assert_eq!(found.iter().filter(|s| s.kb_id == "xss").count(), 2);
    let out = tifa(&["annotate", "-f", "html", "-g", &g, input], None);
    let html = String::from_utf8(out.stdout).unwrap();
    let page = check_page(&html, &text, &found);
    assert_inert(&page);
    // The payloads are shown as text in the cards and the term list, not dropped.
    let cards: String = page.select(&sel(".card")).flat_map(|c| c.text()).collect();
    assert!(cards.contains(PAYLOADS[0]) && cards.contains(PAYLOADS[1]));
    let terms: String = page.select(&sel(".terms")).flat_map(|c| c.text()).collect();
    assert!(terms.contains(&format!("钉子案{}", PAYLOADS[0])));

    // The corpus index shows glossary fields too.
    let out_dir = dir.path().join("site");
    let second = dir.path().join("second.txt");
    fs::write(&second, "another nail case").unwrap();
    tifa(
        &[
            "annotate",
            "-f",
            "html",
            "-q",
            "-g",
            &g,
            "-o",
            out_dir.to_str().unwrap(),
            input,
            second.to_str().unwrap(),
        ],
        None,
    );
    let index = Html::parse_document(&fs::read_to_string(out_dir.join("index.html")).unwrap());
    assert_eq!(
        index.select(&sel("script")).count(),
        0,
        "the index has no script"
    );
    assert_eq!(index.select(&sel("img")).count(), 0);
    let all: String = index.root_element().text().collect();
    assert!(all.contains(PAYLOADS[1]));
}

#[test]
fn the_page_fetches_nothing() {
    let out = tifa(&["annotate", "-f", "html", RELEASE], None);
    let page = Html::parse_document(&String::from_utf8(out.stdout).unwrap());
    let loaders: Vec<_> = page
        .select(&sel("[src], link, iframe, object, embed"))
        .collect();
    assert!(
        loaders.is_empty(),
        "elements that load something: {loaders:?}"
    );
    for a in page.select(&sel("[href]")) {
        let href = a.value().attr("href").unwrap();
        assert!(href.starts_with('#'), "link out of the page: {href}");
    }
    let csp = page
        .select(&sel("meta[http-equiv=Content-Security-Policy]"))
        .next()
        .expect("a security policy");
    assert!(csp
        .value()
        .attr("content")
        .unwrap()
        .starts_with("default-src 'none'"));
    assert!(page.select(&sel("meta[name=viewport]")).next().is_some());
}

#[test]
fn ids_are_unique_and_every_anchor_has_a_target() {
    let out = tifa(&["annotate", "-f", "html", RELEASE], None);
    let page = Html::parse_document(&String::from_utf8(out.stdout).unwrap());
    let mut ids = HashSet::new();
    for el in page.select(&sel("[id]")) {
        assert!(
            ids.insert(el.value().attr("id").unwrap().to_string()),
            "duplicate id"
        );
    }
    let mut links = 0;
    for a in page.select(&sel("a[href^='#']")) {
        let target = &a.value().attr("href").unwrap()[1..];
        assert!(ids.contains(target), "no target for #{target}");
        links += 1;
    }
    assert!(links > 20);
}

#[test]
fn several_documents_on_standard_output_make_one_page() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    fs::write(&a, "The nail case.").unwrap();
    fs::write(&b, "保护伞 and 关系网.").unwrap();
    let out = tifa(
        &[
            "annotate",
            "-f",
            "html",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
        None,
    );
    let html = String::from_utf8(out.stdout).unwrap();
    assert_eq!(html.matches("<!DOCTYPE html>").count(), 1);
    let page = Html::parse_document(&html);
    let articles: Vec<_> = page.select(&sel("article.doc")).collect();
    assert_eq!(articles.len(), 2);
    let texts: Vec<String> = articles
        .iter()
        .map(|a| text_without_cards(a.select(&sel(".text")).next().unwrap()))
        .collect();
    assert_eq!(texts, ["The nail case.", "保护伞 and 关系网."]);
    assert_eq!(page.select(&sel("script")).count(), 1);
    let mut ids = HashSet::new();
    for el in page.select(&sel("[id]")) {
        assert!(
            ids.insert(el.value().attr("id").unwrap().to_string()),
            "duplicate id across documents"
        );
    }
}

#[test]
fn a_folder_gets_a_page_per_document_and_a_corpus_index() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir_all(corpus.join("sub")).unwrap();
    fs::write(
        corpus.join("a.txt"),
        "The nail case and the bone case. Another nail case.",
    )
    .unwrap();
    fs::write(
        corpus.join("sub/b.txt"),
        "保护伞、关系网 and the nail case.",
    )
    .unwrap();
    // An input named like the index does not replace it.
    fs::write(corpus.join("index.txt"), "关系网").unwrap();
    let out = dir.path().join("site");
    tifa(
        &[
            "annotate",
            "-f",
            "html",
            "-q",
            "-o",
            out.to_str().unwrap(),
            corpus.to_str().unwrap(),
        ],
        None,
    );
    for page in ["a.html", "sub/b.html", "index.txt.html", "index.html"] {
        assert!(out.join(page).is_file(), "{page} written");
    }
    let leftovers: Vec<_> = fs::read_dir(&out)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".tifa-"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files left");

    let index = Html::parse_document(&fs::read_to_string(out.join("index.html")).unwrap());
    let rows: Vec<_> = index.select(&sel("table.docs tbody tr")).collect();
    assert_eq!(rows.len(), 3);
    // The chart: a bar per term, the most frequent first, each linking to the term's entry.
    let bars: Vec<_> = index.select(&sel(".chart svg a")).collect();
    assert!(!bars.is_empty());
    let first = bars[0].value().attr("href").unwrap();
    assert_eq!(first, "#term-ding-zi-an", "nail case occurs most");
    let counts: Vec<u32> = index
        .select(&sel(".chart svg text.count"))
        .map(|t| t.text().collect::<String>().parse().unwrap())
        .collect();
    assert_eq!(counts[0], 3);
    assert!(counts.windows(2).all(|w| w[0] >= w[1]));
    for bar in &bars {
        let id = &bar.value().attr("href").unwrap()[1..];
        assert!(
            index.select(&sel(&format!("[id='{id}']"))).next().is_some(),
            "#{id} exists"
        );
    }
    // Each term links to where it occurs: a page, at the term's entry there.
    let links: Vec<String> = index
        .select(&sel("[id='term-ding-zi-an'] .g-occ a"))
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(links.len(), 2);
    for link in &links {
        let (file, frag) = link.split_once('#').expect("an anchor");
        let page = Html::parse_document(&fs::read_to_string(out.join(file)).unwrap());
        let entry = page
            .select(&sel(&format!("[id='{frag}']")))
            .next()
            .expect("the anchor exists");
        assert!(entry.text().any(|t| t.contains("钉子案")));
    }
}

#[test]
fn jsonl_records_share_their_file_s_page() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("docs.jsonl");
    fs::write(
        &input,
        "{\"text\": \"The nail case.\"}\n{\"text\": \"The bone case and the nail case.\"}\n",
    )
    .unwrap();
    let out = dir.path().join("site");
    let other = dir.path().join("x.jsonl");
    fs::write(&other, "{\"text\": \"保护伞\"}\n").unwrap();
    tifa(
        &[
            "annotate",
            "-f",
            "html",
            "-q",
            "--input",
            "jsonl",
            "-o",
            out.to_str().unwrap(),
            input.to_str().unwrap(),
            other.to_str().unwrap(),
        ],
        None,
    );
    let page = Html::parse_document(&fs::read_to_string(out.join("docs.html")).unwrap());
    assert_eq!(page.select(&sel("article.doc")).count(), 2);
    let index = Html::parse_document(&fs::read_to_string(out.join("index.html")).unwrap());
    let counts: Vec<String> = index
        .select(&sel("table.docs tbody tr td.num"))
        .map(|t| t.text().collect())
        .collect();
    // docs.jsonl: 3 occurrences of 2 terms; x.jsonl: 1 of 1.
    assert_eq!(counts, ["3", "2", "1", "1"]);
}

#[cfg(feature = "shared-tests")]
#[test]
fn overlapping_spans_of_the_seed_nest_and_keep_the_text() {
    // With --overlapping the seed has nested spans: "Supreme People's Procuratorate" holds
    // "People's Procuratorate" holds "Procuratorate".
    shared::need();
    let input = fs::read_to_string(seed()).unwrap();
    let found = spans(&["--overlapping"], seed());
    let out = tifa(&["annotate", "-f", "html", "--overlapping", seed()], None);
    let page = check_page(&String::from_utf8(out.stdout).unwrap(), &input, &found);
    assert!(
        page.select(&sel("mark.t mark.t")).next().is_some(),
        "nested highlights"
    );
}

#[test]
fn overlapping_spans_nest_and_keep_the_text() {
    // Nested: "Supreme People's Procuratorate" holds "People's Procuratorate" holds
    // "Procuratorate".
    let input = "The Supreme People's Procuratorate spoke.\n";
    let found = spans_of_stdin(&["--overlapping"], input);
    assert!(found.len() >= 2, "nested spans: {found:?}");
    let out = tifa(&["annotate", "-f", "html", "--overlapping"], Some(input));
    let page = check_page(&String::from_utf8(out.stdout).unwrap(), input, &found);
    assert!(
        page.select(&sel("mark.t mark.t")).next().is_some(),
        "nested highlights"
    );

    // Spans that cross (not nest) are split; the text and the order of entries survive.
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.csv");
    fs::write(
        &g,
        "id,zh,pinyin,en,category,definition\n\
         ab,甲乙,jiǎ yǐ,alpha beta,policy,First.\n\
         bc,乙丙,yǐ bǐng,beta gamma,policy,Second.\n",
    )
    .unwrap();
    let text = "x alpha beta gamma y\n\n甲乙丙";
    let out = tifa(
        &[
            "annotate",
            "-f",
            "html",
            "--overlapping",
            "-g",
            g.to_str().unwrap(),
            "-",
        ],
        Some(text),
    );
    let page = Html::parse_document(&String::from_utf8(out.stdout).unwrap());
    let region = page.select(&sel(".text")).next().unwrap();
    assert_eq!(text_without_cards(region), text);
    let entries: Vec<&str> = region
        .select(&sel("mark.t"))
        .map(|m| m.value().attr("data-e").unwrap())
        .collect();
    assert_eq!(entries, ["ab", "bc", "ab", "bc"]);
    assert_eq!(region.select(&sel(".card")).count(), 4);
}
