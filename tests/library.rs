//! The library as a Rust program embeds it, through the names re-exported at the crate root
//! and `tifa::render`: build a matcher, annotate, render, and handle a glossary error.

use tifa::render::{Document, Format, Render};
use tifa::{
    annotate, Annotation, Entry, FormKind, Glossary, GlossaryError, Located, MatchOptions, Matcher,
    Problem, Span,
};

fn entry(id: &str, zh: &str, en: &str, literal: &str) -> Entry {
    Entry {
        id: id.into(),
        zh: zh.into(),
        en: en.into(),
        literal: vec![literal.into()],
        category: "campaign".into(),
        definition: "A test entry.".into(),
        ..Entry::default()
    }
}

#[test]
fn annotate_and_render_through_the_crate_root() {
    let glossary = Glossary {
        entries: vec![entry(
            "bao-hu-san",
            "保护伞",
            "corrupt official protector",
            "protective umbrella",
        )]
        .into(),
    };
    let matcher = Matcher::new(glossary).expect("a valid glossary");
    let text = "Two \"protective umbrellas\" (保護傘) were dug out.";
    let ann: Annotation = annotate(&matcher, text, MatchOptions::default());
    let spans: Vec<(&str, FormKind, usize)> = ann
        .spans
        .iter()
        .map(|l: &Located| (&text[l.byte_range()], l.form(), l.column))
        .collect();
    assert_eq!(
        spans,
        [
            ("protective umbrellas", FormKind::Literal, 6),
            ("保護傘", FormKind::ZhHant, 29)
        ]
    );
    let first: Span = ann.spans[0].span;
    assert_eq!(matcher.entry(&first).id, "bao-hu-san");

    // Renderers take the glossary, not the matcher.
    let doc = Document {
        path: "-",
        text,
        record: None,
    };
    let renderer: Box<dyn Render> = Format::Text.renderer();
    let mut out = Vec::new();
    renderer.begin(&mut out);
    renderer.document(&doc, &ann, matcher.glossary(), &mut out);
    renderer.end(&mut out);
    let out = String::from_utf8(out).unwrap();
    assert!(out.starts_with("Two \"protective umbrellas"), "{out}");
    assert!(out.contains("corrupt official protector"), "{out}");
    assert_eq!(renderer.extension(), "txt");
    assert_eq!(Format::Html.renderer().corpus_page(), Some("index.html"));
    assert_eq!(Format::Jsonl.renderer().corpus_page(), None);
}

#[test]
fn a_bad_glossary_is_a_typed_error_with_its_problems() {
    // The same literal rendering in two entries cannot tell them apart.
    let glossary = Glossary {
        entries: vec![
            entry("a-a", "甲", "first", "same words"),
            entry("b-b", "乙", "second", "same words"),
        ]
        .into(),
    };
    let Err(err) = Matcher::new(glossary) else {
        panic!("two entries with one form must not compile");
    };
    let err: GlossaryError = err;
    let problems: &[Problem] = &err.problems;
    assert!(err.has_errors());
    assert!(
        problems.iter().any(|p| p.message.contains("same words")),
        "{err}"
    );
}

#[test]
fn records_without_text_pass_through_only_where_the_format_keeps_records() {
    let record = br#"{"id": 7}"#;
    let mut jsonl = Vec::new();
    Format::Jsonl.renderer().pass_through(record, &mut jsonl);
    assert_eq!(jsonl, b"{\"id\": 7}");
    for format in [Format::Text, Format::Csv, Format::Html, Format::Md] {
        let mut out = Vec::new();
        format.renderer().pass_through(record, &mut out);
        assert!(out.is_empty(), "{format:?}");
    }
}
