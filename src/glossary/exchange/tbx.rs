//! TBX: TermBase eXchange, v3 (ISO 30042:2019, `tbx/text/body/conceptEntry/langSec/termSec`,
//! TBX-Basic, TBX-Min and TBX-Core dialects, DCA style) and TBX 2008 (`martif/text/body/
//! termEntry/langSet/tig`), read and written. XML goes through [`crate::text::xml`], which never
//! expands DTD or external entities.
//!
//! Mapping, one concept entry per glossary entry:
//!
//! | glossary | TBX |
//! | --- | --- |
//! | `id` | `conceptEntry/@id` (`termEntry/@id`), when it is a valid slug |
//! | `zh`, `zh_alt` | terms of the source language (`--source-lang`, default `zh`): the preferred one, then the others |
//! | `zh_hant` | terms of `zh-Hant`, `zh-TW`, `zh-HK`, `zh-MO` |
//! | `pinyin` | a `note` `pinyin: …` on the headword's term section |
//! | `en`, `en_alt`, `literal` | target-language terms: `preferredTerm-admn-sts`, `admittedTerm-admn-sts`, `deprecatedTerm-admn-sts` (and `supersededTerm`; `usageStatus` `preferred`/`admitted`/`deprecated`, `notRecommended`, `obsolete` likewise) |
//! | `category` | `descrip type="subjectField"` when it names a category |
//! | `definition`, `source` | `descrip type="definition"` and the `admin type="source"` grouped with it in a `descripGrp` |
//! | `note` | concept-level `note`s |
//! | `see_also` | `ref type="crossReference"` targets |
//!
//! On import the file is checked against the rules of its dialect (data categories allowed,
//! the level each may appear at, picklist values), each problem with its line.

use std::collections::HashSet;
use std::io::{self, Write};
use std::path::Path;

use super::{problem, ImportOptions, Imported};
use crate::glossary::{Entry, Origin, Problem, Severity, CATEGORIES};
use crate::text::xml::{self, escape as esc, Element};

/// Element names whose subtrees hold no terminology (header, back matter).
const NOT_BODY: &[&str] = &["tbxHeader", "martifHeader", "back"];

/// Reads a TBX v3 or TBX 2008 file, one concept entry at a time: a termbase is never held
/// as one tree (CC-CEDICT as a 100 MB TBX file took 2.1 GB so).
pub fn read(data: &[u8], path: &Path, opts: &ImportOptions) -> Imported {
    let unreadable = |e: xml::XmlError| Imported {
        entries: Vec::new(),
        problems: vec![Problem {
            file: path.to_path_buf(),
            line: e.line as u64,
            column: e.column as u64,
            severity: Severity::Error,
            message: format!("not a readable TBX file: {}", e.kind_message()),
        }],
    };
    let file = match xml::decode(data).and_then(|text| read_concepts(&text, path, opts)) {
        Ok(f) => f,
        Err(e) => return unreadable(e),
    };
    let root = &file.root;
    if root.name != "tbx" && root.name != "martif" {
        return Imported {
            entries: Vec::new(),
            problems: vec![problem(
                path,
                root.line as u64,
                Severity::Error,
                format!(
                    "root element is <{}>, expected <tbx> (TBX v3) or <martif> (TBX 2008)",
                    root.qname
                ),
            )],
        };
    }
    let mut problems = file.validation;
    // TBX v3's concept entries, then TBX 2008's (a file normally has one kind).
    let [mut concepts, terms] = file.concepts;
    concepts.structure.extend(terms.structure);
    concepts.entries.extend(terms.entries);
    concepts.termless.extend(terms.termless);
    for lang in terms.langs {
        if !concepts.langs.contains(&lang) {
            concepts.langs.push(lang);
        }
    }
    problems.extend(concepts.structure);
    let Concepts {
        entries,
        termless,
        langs: langs_seen,
        ..
    } = concepts;
    let mut lacking = false;
    if !entries.is_empty() || !termless.is_empty() {
        for (lang, flag, field) in [
            (&opts.source_lang, "--source-lang", "`zh`"),
            (&opts.target_lang, "--target-lang", "`en`"),
        ] {
            if !langs_seen.iter().any(|l| lang_matches(l, lang)) {
                lacking = true;
                problems.push(problem(
                    path,
                    0,
                    Severity::Error,
                    format!(
                        "{LANGUAGE_MISSING} {lang:?} ({flag}); the file has {}; pass {flag} to \
                         choose the language for {field}",
                        shown_languages(&langs_seen)
                    ),
                ));
            }
        }
    }
    if !termless.is_empty() && !lacking {
        problems.push(problem(
            path,
            termless[0],
            Severity::Warning,
            format!(
                "{} concept {} no term in {:?} or {:?}, not imported{}",
                termless.len(),
                if termless.len() == 1 {
                    "entry has"
                } else {
                    "entries have"
                },
                opts.source_lang,
                opts.target_lang,
                if termless.len() > 1 {
                    format!(" (lines {})", shown_lines(&termless))
                } else {
                    String::new()
                }
            ),
        ));
    }
    Imported { entries, problems }
}

/// The languages of a file for a message: `en, hu`, or `none` (language sections without
/// `xml:lang` show as `(no xml:lang)`).
fn shown_languages(langs: &[String]) -> String {
    if langs.is_empty() {
        return "no language sections".into();
    }
    langs
        .iter()
        .map(|l| {
            if l.is_empty() {
                "(no xml:lang)"
            } else {
                l.as_str()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Up to ten line numbers, then `…`.
fn shown_lines(lines: &[u64]) -> String {
    let mut s = lines
        .iter()
        .take(10)
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    if lines.len() > 10 {
        s.push_str(", …");
    }
    s
}

/// The start of the message for a language the file lacks (see
/// [`Imported::lacks_language`](super::Imported::lacks_language)).
pub const LANGUAGE_MISSING: &str = "no terms in language";

/// The concept entries of one kind, read in document order.
#[derive(Default)]
struct Concepts {
    entries: Vec<Entry>,
    /// Lines of concept entries with no term in either language.
    termless: Vec<u64>,
    /// Languages that have terms, in the order first seen.
    langs: Vec<String>,
    /// Problems of structure ([`concept_structure`]).
    structure: Vec<Problem>,
}

impl Concepts {
    fn add(&mut self, c: &Element, path: &Path, opts: &ImportOptions) {
        concept_structure(c, path, opts.validate, &mut self.structure);
        // The languages that have terms (an empty language section is no language of the
        // file's).
        for l in lang_sections(c) {
            let has_term = term_sections(l)
                .filter_map(term_of)
                .any(|t| !clean(&t.text()).is_empty());
            let lang = l.attr("lang").unwrap_or("").to_string();
            if has_term && !self.langs.contains(&lang) {
                self.langs.push(lang);
            }
        }
        let e = concept_to_entry(c, path, opts);
        // A concept with no term in either language would be an empty row.
        if [&e.zh_alt, &e.zh_hant, &e.en_alt, &e.literal]
            .iter()
            .all(|v| v.is_empty())
            && e.zh.is_empty()
            && e.en.is_empty()
        {
            self.termless.push(e.origin.line);
        } else {
            self.entries.push(e);
        }
    }
}

/// A TBX file as read: its root element (without content), the problems of its dialect's
/// rules, and its concept entries (`conceptEntry`, then `termEntry`).
struct TbxFile {
    root: Element,
    validation: Vec<Problem>,
    concepts: [Concepts; 2],
}

/// The names of concept entries: TBX v3's, TBX 2008's.
const CONCEPT_NAMES: [&str; 2] = ["conceptEntry", "termEntry"];

/// Reads the file element by element. Each child of the first `text/body` (normally a
/// concept entry), and each concept entry met elsewhere, is read as a tree of its own,
/// checked and turned into entries, and dropped. A file that is not well-formed anywhere
/// is an error, as it was when it was read whole.
fn read_concepts(text: &str, path: &Path, opts: &ImportOptions) -> Result<TbxFile, xml::XmlError> {
    let mut r = xml::Reader::new(text);
    let mut root: Option<Element> = None;
    // The names of the open elements outside the trees read.
    let mut open: Vec<String> = Vec::new();
    // Whether the first `text/body` under the root is open, or was; how many `text`
    // elements the root has had (only the first one's body is the body).
    let (mut in_body, mut had_body, mut texts) = (false, false, 0);
    let mut walked: Vec<Problem> = Vec::new();
    let mut concepts: [Concepts; 2] = Default::default();
    let mut dialect = String::new();
    let mut validating = false;
    loop {
        match r.next_event()? {
            xml::Event::Start(tag) => {
                if root.is_none() {
                    dialect = tag.attr("type").unwrap_or("").to_string();
                    validating = opts.validate && tag.name == "tbx";
                    open.push(tag.name.clone());
                    root = Some(Element::new(tag));
                    continue;
                }
                if open.is_empty() {
                    // Content after the root: checked, not read.
                    r.skip_element()?;
                    continue;
                }
                let body_child = in_body && open.len() == 3;
                let kind = CONCEPT_NAMES.iter().position(|&n| n == tag.name);
                if !body_child && kind.is_none() {
                    if open.len() == 1 && tag.name == "text" {
                        texts += 1;
                    }
                    let first_text = texts == 1 && open.len() == 2 && open[1] == "text";
                    if !had_body && first_text && tag.name == "body" {
                        (in_body, had_body) = (true, true);
                        if validating {
                            walk(&dialect, &Element::new(tag.clone()), &[], path, &mut walked);
                        }
                    }
                    open.push(tag.name);
                    continue;
                }
                let e = r.read_element(tag)?;
                if body_child && validating {
                    walk(&dialect, &e, &["body"], path, &mut walked);
                }
                for (k, name) in CONCEPT_NAMES.iter().enumerate() {
                    if kind == Some(k) {
                        concepts[k].add(&e, path, opts);
                    }
                    for c in e.descendants_named(name) {
                        concepts[k].add(c, path, opts);
                    }
                }
            }
            xml::Event::End(_) => {
                if in_body && open.len() == 3 {
                    in_body = false;
                }
                open.pop();
            }
            xml::Event::Text(_) => {}
            xml::Event::Eof => break,
        }
    }
    let root = root.unwrap_or_else(|| Element::new(xml::Tag::default()));
    let mut validation = Vec::new();
    if validating {
        validation = root_problems(&root, path);
        if had_body {
            validation.extend(walked);
        } else {
            validation.push(Problem {
                file: path.to_path_buf(),
                line: root.line as u64,
                column: root.column as u64,
                severity: Severity::Error,
                message: "no <text><body> holding concept entries".into(),
            });
        }
        validation.sort_by_key(|p| p.line);
    }
    Ok(TbxFile {
        root,
        validation,
        concepts,
    })
}

/// The core structure both TBX versions share: every concept has language sections, every
/// language section names its language and holds term sections, every term section
/// (`termSec`, `tig`, `ntig`) holds exactly one term. A second term in one term section
/// would be lost without a word: an error (a warning with `--no-validate`, the first term
/// imported and the others named). The other breaches lose nothing: warnings.
fn concept_structure(c: &Element, path: &Path, validate: bool, out: &mut Vec<Problem>) {
    let mut report = |e: &Element, message: String| {
        let loses_a_term = message.starts_with("a second <term>");
        out.push(Problem {
            file: path.to_path_buf(),
            line: e.line as u64,
            column: e.column as u64,
            severity: if loses_a_term && validate {
                Severity::Error
            } else {
                Severity::Warning
            },
            message,
        })
    };
    {
        if lang_sections(c).next().is_none() {
            report(c, format!("<{}> has no language section", c.qname));
        }
        for l in lang_sections(c) {
            if l.attr("lang").is_none_or(|v| v.trim().is_empty()) {
                report(
                    l,
                    format!("<{}> has no xml:lang naming its language", l.qname),
                );
            }
            if term_sections(l).next().is_none() {
                report(l, format!("<{}> has no term section", l.qname));
            }
            for t in term_sections(l) {
                let holder = t.child("termGrp").unwrap_or(t);
                let terms: Vec<&Element> = holder.children_named("term").collect();
                match terms.as_slice() {
                    [] => report(t, format!("<{}> has no <term>", t.qname)),
                    [_] => {}
                    [first, rest @ ..] => {
                        for extra in rest {
                            report(
                                extra,
                                format!(
                                    "a second <term> {:?} in one <{}> (after {:?}): each term \
                                     needs its own term section{}",
                                    clean(&extra.text()),
                                    t.qname,
                                    clean(&first.text()),
                                    if validate { "" } else { "; not imported" }
                                ),
                            );
                        }
                    }
                }
            }
        }
    }
}

trait KindMessage {
    fn kind_message(&self) -> String;
}

impl KindMessage for xml::XmlError {
    /// The message without the position, which the problem carries.
    fn kind_message(&self) -> String {
        let s = self.to_string();
        match s.split_once(": ") {
            Some((pos, rest)) if pos.starts_with("line ") => rest.to_string(),
            _ => s,
        }
    }
}

fn lang_sections(c: &Element) -> impl Iterator<Item = &Element> {
    c.elements()
        .filter(|e| e.name == "langSec" || e.name == "langSet")
}

/// Does `lang` (`zh-CN`) belong to `wanted` (`zh`)?
fn lang_matches(lang: &str, wanted: &str) -> bool {
    let (l, w) = (lang.to_ascii_lowercase(), wanted.to_ascii_lowercase());
    l == w || l.starts_with(&format!("{w}-")) || l.starts_with(&format!("{w}_"))
}

fn is_traditional_tag(lang: &str) -> bool {
    let l = lang.to_ascii_lowercase().replace('_', "-");
    ["zh-hant", "zh-tw", "zh-hk", "zh-mo"]
        .iter()
        .any(|t| l == *t || l.starts_with(&format!("{t}-")))
}

/// Term sections of a language section: `termSec`, `tig`, `ntig`.
fn term_sections(l: &Element) -> impl Iterator<Item = &Element> {
    l.elements()
        .filter(|e| matches!(e.name.as_str(), "termSec" | "tig" | "ntig"))
}

/// The term of a term section (`ntig` keeps it in `termGrp`).
fn term_of(t: &Element) -> Option<&Element> {
    t.child("term")
        .or_else(|| t.child("termGrp").and_then(|g| g.child("term")))
}

fn clean(s: &str) -> String {
    crate::text::snippet::squash(s).trim().to_string()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Status {
    Preferred,
    Admitted,
    Deprecated,
    Unknown,
}

/// The data category of an element, as the DCA element name and type, in either style:
/// DCA writes `<termNote type="administrativeStatus">`, DCT names the category as the
/// element (`<basic:administrativeStatus>`, `<min:administrativeStatus>`). `None` for
/// structure elements and for a DCA element without a type.
fn data_category(e: &Element) -> Option<(&str, &str)> {
    let name = e.name.as_str();
    let dca = match name {
        "descrip" | "admin" | "termNote" | "transac" | "transacNote" | "ref" | "xref" | "date" => {
            return Some((name, e.attr("type")?))
        }
        "partOfSpeech"
        | "administrativeStatus"
        | "usageStatus"
        | "termType"
        | "grammaticalGender"
        | "termLocation"
        | "geographicalUsage" => "termNote",
        "definition" | "context" | "subjectField" => "descrip",
        "source" | "customerSubset" | "projectSubset" => "admin",
        "transactionType" => "transac",
        "responsibility" => "transacNote",
        "crossReference" => "ref",
        "xGraphic" | "externalCrossReference" => "xref",
        _ => return None,
    };
    Some((dca, name))
}

/// Is `e` the data category `kind` (`descrip`, `admin` …) of type `ty`, in either style?
fn is_category(e: &Element, kind: &str, ty: &str) -> bool {
    data_category(e) == Some((kind, ty))
}

fn status_of(t: &Element) -> Status {
    let notes = t
        .elements()
        .chain(t.child("termGrp").into_iter().flat_map(|g| g.elements()))
        .chain(
            t.elements()
                .filter(|e| e.name == "termNoteGrp")
                .flat_map(|g| g.elements()),
        );
    for n in notes {
        if !is_category(n, "termNote", "administrativeStatus")
            && !is_category(n, "termNote", "usageStatus")
        {
            continue;
        }
        let v = n.text();
        let v = v.trim();
        return match v.strip_suffix("-admn-sts").unwrap_or(v) {
            "preferredTerm" | "preferred" => Status::Preferred,
            "admittedTerm" | "admitted" => Status::Admitted,
            "deprecatedTerm" | "supersededTerm" | "deprecated" | "superseded"
            | "notRecommended" | "obsolete" => Status::Deprecated,
            _ => Status::Unknown,
        };
    }
    Status::Unknown
}

/// `descrip`s of a type directly in `e` or in its `descripGrp`s, each with its group.
fn descrips<'a>(e: &'a Element, ty: &'a str) -> Vec<(&'a Element, Option<&'a Element>)> {
    let mut out = Vec::new();
    for c in e.elements() {
        if is_category(c, "descrip", ty) {
            out.push((c, None));
        } else if c.name == "descripGrp" {
            for d in c.elements() {
                if is_category(d, "descrip", ty) {
                    out.push((d, Some(c)));
                }
            }
        }
    }
    out
}

fn concept_to_entry(c: &Element, path: &Path, opts: &ImportOptions) -> Entry {
    let mut e = Entry {
        id: c.attr("id").unwrap_or("").to_string(),
        origin: Origin {
            file: path.into(),
            line: c.line as u64,
            columns: Default::default(),
        },
        ..Entry::default()
    };
    let mut notes: Vec<String> = Vec::new();
    for n in c.children_named("note") {
        let text = clean(&n.text());
        // tifa's matching columns travel as prefixed concept notes (see `write_body`).
        let field = MATCHING_NOTES
            .iter()
            .find_map(|(prefix, name)| Some((*name, text.strip_prefix(prefix)?)));
        match field {
            Some((name, value)) => {
                let values = value.split('|').map(|v| v.trim().to_string());
                match name {
                    "exclude" => e.exclude.extend(values),
                    "gated" => e.gated.extend(values),
                    _ => e.cue.extend(values),
                }
            }
            None => notes.push(text),
        }
    }

    // Category from the subject field, when it names one.
    if let Some((sf, _)) = descrips(c, "subjectField").first() {
        let v = clean(&sf.text());
        if CATEGORIES.contains(&v.to_lowercase().as_str()) {
            e.category = v.to_lowercase();
        } else if !v.is_empty() {
            notes.push(format!("Subject field: {v}"));
        }
    }
    if e.category.is_empty() {
        e.category = opts.category.clone();
    }

    // Definition: the target language's, else the concept's, else any language's.
    let mut defs: Vec<(&Element, Option<&Element>)> = Vec::new();
    for l in lang_sections(c) {
        if lang_matches(l.attr("lang").unwrap_or(""), &opts.target_lang) {
            defs.extend(descrips(l, "definition"));
        }
    }
    defs.extend(descrips(c, "definition"));
    for l in lang_sections(c) {
        defs.extend(descrips(l, "definition"));
    }
    if let Some((d, grp)) = defs.first() {
        e.definition = clean(&d.text());
        let sources: Vec<String> = grp
            .iter()
            .flat_map(|g| g.elements())
            .filter(|a| is_category(a, "admin", "source"))
            .map(|a| clean(&a.text()))
            .collect();
        e.source = sources.join("; ");
    }
    if e.source.is_empty() {
        e.source = c
            .elements()
            .filter(|a| is_category(a, "admin", "source"))
            .map(|a| clean(&a.text()))
            .collect::<Vec<_>>()
            .join("; ");
    }
    e.see_also = c
        .elements()
        .filter(|r| is_category(r, "ref", "crossReference"))
        .filter_map(|r| r.attr("target").map(String::from))
        .collect();

    for l in lang_sections(c) {
        let lang = l.attr("lang").unwrap_or("");
        let source_side = lang_matches(lang, &opts.source_lang);
        let target_side = lang_matches(lang, &opts.target_lang);
        if !source_side && !target_side {
            continue;
        }
        notes.extend(l.children_named("note").map(|n| clean(&n.text())));
        let mut terms: Vec<(String, Status, &Element)> = term_sections(l)
            .filter_map(|t| term_of(t).map(|term| (clean(&term.text()), status_of(t), t)))
            .filter(|(s, _, _)| !s.is_empty())
            .collect();
        // Preferred terms first, keeping file order otherwise.
        terms.sort_by_key(|(_, s, _)| *s != Status::Preferred);
        for (term, status, sec) in terms {
            if source_side {
                for n in sec.children_named("note") {
                    let text = clean(&n.text());
                    if let Some(p) = text.strip_prefix("pinyin:") {
                        if e.pinyin.is_empty() {
                            e.pinyin = p.trim().to_string();
                        }
                    }
                }
                if is_traditional_tag(lang) && opts.source_lang.eq_ignore_ascii_case("zh") {
                    e.zh_hant.push(term);
                } else if e.zh.is_empty() {
                    e.zh = term;
                } else {
                    e.zh_alt.push(term);
                }
            } else {
                match status {
                    Status::Deprecated => e.literal.push(term),
                    _ if e.en.is_empty() && status != Status::Admitted => e.en = term,
                    _ => e.en_alt.push(term),
                }
            }
        }
    }
    if e.en.is_empty() && !e.en_alt.is_empty() {
        e.en = e.en_alt.remove(0);
    }
    // A traditional-only concept still needs a headword.
    if e.zh.is_empty() && !e.zh_hant.is_empty() {
        e.zh = e
            .zh_hant
            .iter()
            .map(|t| t.chars().map(crate::text::chinese::to_simplified).collect())
            .next()
            .unwrap_or_default();
    }
    e.note = notes
        .into_iter()
        .filter(|n| !n.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    e
}

// ---- validation ----

// The rules of the TBX v3 dialects for the data categories used in this project's sample
// files: which categories a dialect allows, at which level, and with which values. The root
// is checked on its own (`root_problems`), the body as it is read (`walk`).

/// The problems of the root element under its dialect's rules: its type and style.
fn root_problems(root: &Element, path: &Path) -> Vec<Problem> {
    let mut messages = Vec::new();
    if root.attr("type").unwrap_or("").is_empty() {
        messages.push(
            "<tbx> has no type attribute naming its dialect (TBX-Basic, TBX-Min …)".to_string(),
        );
    }
    let style = match root.attr("style") {
        // DCT names elements after data categories (`<basic:definition>`): checked by the
        // same rules, through `data_category`.
        Some("dca" | "dct") => None,
        Some(s) => Some(format!("style {s:?} is neither \"dca\" nor \"dct\"")),
        None => Some("<tbx> has no style attribute (\"dca\" or \"dct\")".into()),
    };
    messages.extend(style);
    messages
        .into_iter()
        .map(|message| Problem {
            file: path.to_path_buf(),
            line: root.line as u64,
            column: root.column as u64,
            severity: Severity::Error,
            message,
        })
        .collect()
}

/// Checks `e` and everything in it against the dialect's rules, `parents` being the names
/// of the elements around it from `body` on.
fn walk(dialect: &str, e: &Element, parents: &[&str], path: &Path, out: &mut Vec<Problem>) {
    let mut stack: Vec<(&Element, Vec<&str>)> = vec![(e, parents.to_vec())];
    while let Some((e, parents)) = stack.pop() {
        if NOT_BODY.contains(&e.name.as_str()) {
            continue;
        }
        if let Some(message) = check_element(dialect, e, &parents) {
            out.push(Problem {
                file: path.to_path_buf(),
                line: e.line as u64,
                column: e.column as u64,
                severity: Severity::Error,
                message,
            });
        }
        let mut chain = parents.clone();
        chain.push(e.name.as_str());
        let children: Vec<&Element> = e.elements().collect();
        for c in children.into_iter().rev() {
            stack.push((c, chain.clone()));
        }
    }
}

/// The level an element is at: its parent, looking through `*Grp` wrappers.
fn level<'a>(parents: &[&'a str]) -> &'a str {
    parents
        .iter()
        .rev()
        .find(|p| !p.ends_with("Grp"))
        .copied()
        .unwrap_or("")
}

const DATA_CATEGORY_ELEMENTS: &[&str] = &[
    "descrip",
    "admin",
    "termNote",
    "transac",
    "transacNote",
    "ref",
    "xref",
    "date",
    "descripGrp",
    "adminGrp",
    "transacGrp",
    "termNoteGrp",
];

/// The one problem of an element, if any.
fn check_element(dialect: &str, e: &Element, parents: &[&str]) -> Option<String> {
    // In DCT style the element names the category: check it as its DCA equivalent.
    let (name, ty) = match data_category(e) {
        Some((kind, ty)) => (kind, Some(ty)),
        None => (e.name.as_str(), e.attr("type")),
    };
    if e.qname.contains(':')
        && data_category(e).is_none()
        && matches!(dialect, "TBX-Basic" | "TBX-Min" | "TBX-Core")
    {
        return Some(format!("<{}> is not a data category of {dialect}", e.qname));
    }
    if ty == Some("") {
        return Some(format!(
            "<{name}> has an empty type: a data category must be declared"
        ));
    }
    let parent = parents.last().copied().unwrap_or("");
    let lvl = level(parents);
    if name == "termNote" && lvl != "termSec" {
        return Some(format!(
            "<termNote> in <{parent}>: term notes are allowed only at the termSec level"
        ));
    }
    match dialect {
        "TBX-Core" => {
            if DATA_CATEGORY_ELEMENTS.contains(&name) {
                return Some(format!(
                    "<{name}> is not allowed in TBX-Core, which declares no data categories"
                ));
            }
            None
        }
        "TBX-Min" => {
            if matches!(name, "ref" | "xref" | "transac" | "transacNote" | "date")
                || (name.ends_with("Grp") && name != "termNoteGrp")
            {
                return Some(format!("<{name}> is not allowed in TBX-Min"));
            }
            let allowed: &[&str] = match name {
                "descrip" => &["subjectField"],
                "admin" => &["customerSubset"],
                "termNote" => &["partOfSpeech", "administrativeStatus", "usageStatus"],
                _ => return None,
            };
            check_category(dialect, e, (name, ty.unwrap_or("")), allowed, lvl, parent)
        }
        "TBX-Basic" => {
            let allowed: &[&str] = match name {
                "descrip" => &["definition", "context", "subjectField"],
                "admin" => &["source", "customerSubset", "projectSubset"],
                "termNote" => &[
                    "partOfSpeech",
                    "administrativeStatus",
                    "usageStatus",
                    "termType",
                    "grammaticalGender",
                    "termLocation",
                    "geographicalUsage",
                ],
                "transac" => &["transactionType"],
                "transacNote" => &["responsibility"],
                "ref" => &["crossReference"],
                "xref" => &["xGraphic", "externalCrossReference"],
                _ => return None,
            };
            check_category(dialect, e, (name, ty.unwrap_or("")), allowed, lvl, parent)
        }
        _ => None,
    }
}

/// Checks a data-category element: allowed type, level, picklist value.
fn check_category(
    dialect: &str,
    e: &Element,
    (name, ty): (&str, &str),
    allowed: &[&str],
    lvl: &str,
    parent: &str,
) -> Option<String> {
    if !allowed.contains(&ty) {
        return Some(if ty.is_empty() {
            format!("<{name}> without a type attribute")
        } else {
            format!(
                "<{name} type=\"{ty}\"> is not allowed in {dialect} (allowed types: {})",
                allowed.join(", ")
            )
        });
    }
    let in_grp = parent.ends_with("Grp");
    match (name, ty) {
        ("admin", "source") if lvl == "conceptEntry" && !in_grp => {
            return Some(
                "<admin type=\"source\"> directly in <conceptEntry>: at the concept level a source \
                 must be grouped with the definition it supports in a <descripGrp>"
                    .into(),
            )
        }
        ("descrip", "definition") if lvl != "conceptEntry" && lvl != "langSec" => {
            return Some(format!(
                "definition at the {lvl} level: a definition may appear only at the conceptEntry or langSec level"
            ))
        }
        ("descrip", "subjectField") if lvl != "conceptEntry" => {
            return Some(format!("subject field at the {lvl} level: only the conceptEntry level is allowed"))
        }
        ("descrip", "context") if lvl != "termSec" => {
            return Some(format!("context at the {lvl} level: only the termSec level is allowed"))
        }
        ("xref", "xGraphic") if lvl != "conceptEntry" && lvl != "langSec" => {
            return Some(format!("image (xGraphic) at the {lvl} level: only conceptEntry or langSec"))
        }
        _ => {}
    }
    let picklist: &[&str] = match ty {
        "partOfSpeech" => &["noun", "verb", "adjective", "adverb", "other"],
        "administrativeStatus" => &[
            "preferredTerm-admn-sts",
            "admittedTerm-admn-sts",
            "deprecatedTerm-admn-sts",
            "supersededTerm-admn-sts",
        ],
        "usageStatus" => &[
            "preferred",
            "admitted",
            "deprecated",
            "notRecommended",
            "obsolete",
            "superseded",
        ],
        "termType" => &[
            "fullForm",
            "acronym",
            "abbreviation",
            "shortForm",
            "variant",
            "phrase",
        ],
        "grammaticalGender" => &["masculine", "feminine", "neuter", "other"],
        _ => return None,
    };
    let value = e.text();
    let value = value.trim();
    if !picklist.contains(&value) {
        return Some(format!(
            "{ty} value {value:?} is not in its picklist ({})",
            picklist.join(", ")
        ));
    }
    None
}

// ---- writing ----

/// The matching columns that TBX has no place for, carried as concept notes with a prefix.
const MATCHING_NOTES: [(&str, &str); 3] = [
    ("tifa-exclude:", "exclude"),
    ("tifa-gated:", "gated"),
    ("tifa-cue:", "cue"),
];

/// The fields each TBX export carries: all of them, pinyin as a `pinyin: …` note.
pub const CARRIED_FIELDS: &[&str] = crate::glossary::COLUMNS;

struct Names {
    concept: &'static str,
    lang: &'static str,
    term: &'static str,
}

/// Writes TBX v3, dialect TBX-Basic, DCA style.
pub fn write_v3(entries: &[Entry], out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        out,
        "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">"
    )?;
    writeln!(
        out,
        "\t<tbxHeader>\n\t\t<fileDesc>\n\t\t\t<sourceDesc>\n\t\t\t\t<p>Exported by tifa from its glossary</p>\n\t\t\t</sourceDesc>\n\t\t</fileDesc>\n\t</tbxHeader>"
    )?;
    write_body(
        entries,
        out,
        &Names {
            concept: "conceptEntry",
            lang: "langSec",
            term: "termSec",
        },
    )?;
    writeln!(out, "</tbx>")
}

/// Writes TBX 2008 (`martif`).
pub fn write_2008(entries: &[Entry], out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(out, "<martif type=\"TBX\" xml:lang=\"en\">")?;
    writeln!(
        out,
        "\t<martifHeader>\n\t\t<fileDesc>\n\t\t\t<sourceDesc>\n\t\t\t\t<p>Exported by tifa from its glossary</p>\n\t\t\t</sourceDesc>\n\t\t</fileDesc>\n\t</martifHeader>"
    )?;
    write_body(
        entries,
        out,
        &Names {
            concept: "termEntry",
            lang: "langSet",
            term: "tig",
        },
    )?;
    writeln!(out, "</martif>")
}

fn write_body(entries: &[Entry], out: &mut dyn Write, n: &Names) -> io::Result<()> {
    let ids: HashSet<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    writeln!(out, "\t<text>\n\t\t<body>")?;
    for e in entries {
        writeln!(out, "\t\t\t<{} id=\"{}\">", n.concept, esc(&e.id))?;
        if !e.category.is_empty() {
            writeln!(
                out,
                "\t\t\t\t<descrip type=\"subjectField\">{}</descrip>",
                esc(&e.category)
            )?;
        }
        if !e.definition.is_empty() {
            writeln!(out, "\t\t\t\t<descripGrp>")?;
            writeln!(
                out,
                "\t\t\t\t\t<descrip type=\"definition\">{}</descrip>",
                esc(&e.definition)
            )?;
            if !e.source.is_empty() {
                writeln!(
                    out,
                    "\t\t\t\t\t<admin type=\"source\">{}</admin>",
                    esc(&e.source)
                )?;
            }
            writeln!(out, "\t\t\t\t</descripGrp>")?;
        }
        if !e.note.is_empty() {
            writeln!(out, "\t\t\t\t<note>{}</note>", esc(&e.note))?;
        }
        for ((prefix, _), values) in MATCHING_NOTES.iter().zip([&e.exclude, &e.gated, &e.cue]) {
            if !values.is_empty() {
                writeln!(
                    out,
                    "\t\t\t\t<note>{prefix} {}</note>",
                    esc(&values.join("|"))
                )?;
            }
        }
        for s in e.see_also.iter().filter(|s| ids.contains(s.as_str())) {
            writeln!(
                out,
                "\t\t\t\t<ref type=\"crossReference\" target=\"{}\">{}</ref>",
                esc(s),
                esc(s)
            )?;
        }
        let zh: Vec<(&str, &str, Option<&str>)> = std::iter::once((
            e.zh.as_str(),
            "preferredTerm-admn-sts",
            Some(e.pinyin.as_str()),
        ))
        .chain(
            e.zh_alt
                .iter()
                .map(|a| (a.as_str(), "admittedTerm-admn-sts", None)),
        )
        .filter(|(t, _, _)| !t.is_empty())
        .collect();
        write_lang(out, n, "zh", &zh)?;
        let hant: Vec<(&str, &str, Option<&str>)> = e
            .zh_hant
            .iter()
            .map(|a| (a.as_str(), "admittedTerm-admn-sts", None))
            .collect();
        write_lang(out, n, "zh-Hant", &hant)?;
        let en: Vec<(&str, &str, Option<&str>)> =
            std::iter::once((e.en.as_str(), "preferredTerm-admn-sts", None))
                .chain(
                    e.en_alt
                        .iter()
                        .map(|a| (a.as_str(), "admittedTerm-admn-sts", None)),
                )
                .chain(
                    e.literal
                        .iter()
                        .map(|a| (a.as_str(), "deprecatedTerm-admn-sts", None)),
                )
                .filter(|(t, _, _)| !t.is_empty())
                .collect();
        write_lang(out, n, "en", &en)?;
        writeln!(out, "\t\t\t</{}>", n.concept)?;
    }
    writeln!(out, "\t\t</body>\n\t</text>")
}

fn write_lang(
    out: &mut dyn Write,
    n: &Names,
    lang: &str,
    terms: &[(&str, &str, Option<&str>)],
) -> io::Result<()> {
    if terms.is_empty() {
        return Ok(());
    }
    writeln!(out, "\t\t\t\t<{} xml:lang=\"{lang}\">", n.lang)?;
    for (term, status, pinyin) in terms {
        writeln!(out, "\t\t\t\t\t<{}>", n.term)?;
        writeln!(out, "\t\t\t\t\t\t<term>{}</term>", esc(term))?;
        writeln!(
            out,
            "\t\t\t\t\t\t<termNote type=\"administrativeStatus\">{status}</termNote>"
        )?;
        if let Some(p) = pinyin.filter(|p| !p.is_empty()) {
            writeln!(out, "\t\t\t\t\t\t<note>pinyin: {}</note>", esc(p))?;
        }
        writeln!(out, "\t\t\t\t\t</{}>", n.term)?;
    }
    writeln!(out, "\t\t\t\t</{}>", n.lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> Entry {
        Entry {
            id: "bao-hu-san".into(),
            zh: "保护伞".into(),
            zh_alt: vec!["保护网".into()],
            zh_hant: vec!["保護傘".into()],
            pinyin: "bǎo hù sǎn".into(),
            en: "corrupt official protector".into(),
            en_alt: vec!["official protection".into()],
            literal: vec![
                "protective umbrella".into(),
                "umbrella of <protection> & co".into(),
            ],
            category: "campaign".into(),
            definition: "An official who shields a gang.".into(),
            note: "Paired with 关系网.".into(),
            see_also: vec!["guan-xi-wang".into()],
            source: "Seed release".into(),
            exclude: vec!["保护伞下".into()],
            gated: vec!["official protection".into()],
            cue: vec!["gang".into(), "黑社会".into()],
            origin: Origin::default(),
        }
    }

    #[test]
    fn round_trip_v3_and_2008() {
        let mut other = entry();
        other.id = "guan-xi-wang".into();
        other.zh = "关系网".into();
        other.zh_alt.clear();
        other.zh_hant.clear();
        other.en = "network".into();
        other.en_alt.clear();
        other.literal.clear();
        other.see_also.clear();
        let entries = vec![entry(), other];
        for v3 in [true, false] {
            let mut buf = Vec::new();
            if v3 {
                write_v3(&entries, &mut buf)
            } else {
                write_2008(&entries, &mut buf)
            }
            .unwrap();
            let got = read(&buf, Path::new("x.tbx"), &ImportOptions::default());
            assert!(
                got.problems.is_empty(),
                "{:?}\n{}",
                got.problems,
                String::from_utf8_lossy(&buf)
            );
            let mut want = entry();
            want.origin = got.entries[0].origin.clone();
            assert_eq!(got.entries[0], want);
        }
    }

    #[test]
    fn concept_entries_are_read_wherever_they_are_and_checked_as_they_come() {
        let concept = |id: &str, zh: &str, en: &str| {
            format!(
                "<conceptEntry id=\"{id}\"><langSec xml:lang=\"zh\"><termSec><term>{zh}</term>\
                 </termSec></langSec><langSec xml:lang=\"en\"><termSec><term>{en}</term>\
                 </termSec></langSec></conceptEntry>\n"
            )
        };
        let old_style = "<termEntry id=\"c\"><langSet xml:lang=\"zh\"><tig><term>钉子案</term>\
                         </tig></langSet><langSet xml:lang=\"en\"><tig><term>nail case</term>\
                         </tig></langSet></termEntry>\n";
        let doc = format!(
            "<tbx type=\"TBX-Basic\" style=\"dca\">\n<text><body>\n{}{}<group>\n{}</group>\n\
             <conceptEntry id=\"d\"><descrip type=\"\">x</descrip></conceptEntry>\n\
             </body></text></tbx>\n",
            old_style,
            concept("a", "保护伞", "protective umbrella"),
            concept("b", "打财断血", "cut off funds"),
        );
        let got = read(
            doc.as_bytes(),
            Path::new("x.tbx"),
            &ImportOptions::default(),
        );
        // TBX v3's concept entries come first, in document order, one inside a group too;
        // then TBX 2008's.
        let ids: Vec<&str> = got.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        let lines: Vec<u64> = got.entries.iter().map(|e| e.origin.line).collect();
        assert_eq!(lines, [4, 6, 3]);
        // A breach inside the body is found with its line; the termless concept is named.
        let problems: Vec<(u64, &str)> = got
            .problems
            .iter()
            .map(|p| (p.line, p.message.as_str()))
            .collect();
        assert!(
            problems
                .iter()
                .any(|(l, m)| *l == 8 && m.contains("empty type")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|(l, m)| *l == 8 && m.contains("no term")),
            "{problems:?}"
        );

        // Malformed anywhere, even after the concepts read: the file is unreadable, and no
        // entry of it is imported.
        let broken = doc.replace("</body></text></tbx>", "</body></text>");
        let got = read(
            broken.as_bytes(),
            Path::new("x.tbx"),
            &ImportOptions::default(),
        );
        assert!(got.entries.is_empty());
        assert_eq!(got.problems.len(), 1);
        assert!(got.problems[0]
            .message
            .starts_with("not a readable TBX file"));
    }

    #[test]
    fn statuses_and_levels() {
        let doc = r#"<tbx type="TBX-Basic" style="dca"><text><body>
<conceptEntry id="c1"><admin type="source">x</admin>
<langSec xml:lang="en"><termSec><term>a</term><termNote type="usageStatus">bogus</termNote></termSec></langSec>
<langSec xml:lang="zh"><termSec><term>甲</term></termSec></langSec>
</conceptEntry></body></text></tbx>"#;
        let got = read(
            doc.as_bytes(),
            Path::new("x.tbx"),
            &ImportOptions::default(),
        );
        let lines: Vec<u64> = got
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| p.line)
            .collect();
        assert_eq!(lines, [2, 3]);
    }
}
