//! `tifa glossary lint`: every loader and matcher check, plus content checks that keep the
//! curated glossary consistent (pinyin, categories, cross-references, definitions).

mod audience;

use std::collections::HashSet;

use crate::annotate::annotate;
use crate::glossary::{
    load, Entry, Glossary, GlossaryError, GlossarySource, Problem, Severity, CATEGORIES,
};
use crate::matcher::{MatchOptions, Matcher};
use crate::text::chinese::is_han;
use crate::text::fold_form;
use crate::text::phrase::PhraseBuilder;

/// A text known to hold no glossary term (licence texts, news about other countries): a form
/// that fires on it is too generic.
#[derive(Debug, Clone)]
pub struct OrdinaryText {
    /// The file it came from, for messages.
    pub name: std::path::PathBuf,
    /// Its text.
    pub text: String,
}

/// Every problem of the glossaries named by `sources`, errors and warnings, in file order;
/// with `ordinary` texts, also a warning for every form that fires on them.
pub fn lint(sources: &[GlossarySource], ordinary: &[OrdinaryText]) -> Vec<Problem> {
    let (glossary, mut problems) = match load(sources) {
        Ok(x) => x,
        Err(GlossaryError { problems }) => return problems,
    };
    problems.extend(content_problems(&glossary));
    match Matcher::new(glossary) {
        Err(GlossaryError { problems: p }) => problems.extend(p),
        Ok(m) => problems.extend(ordinary_problems(&m, ordinary)),
    }
    problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    problems
}

/// Forms that fire on ordinary text: one warning per entry and form kind, with the count and
/// the first place.
fn ordinary_problems(m: &Matcher, ordinary: &[OrdinaryText]) -> Vec<Problem> {
    use std::collections::BTreeMap;
    // (entry, form kind) -> (count, first place, text matched)
    let mut fired: BTreeMap<(usize, &'static str), (usize, String, String)> = BTreeMap::new();
    for doc in ordinary {
        let ann = annotate(m, &doc.text, MatchOptions::default());
        for l in &ann.spans {
            let key = (l.span.entry, l.form().as_str());
            let slot = fired.entry(key).or_insert_with(|| {
                let place = format!("{}:{}", doc.name.display(), l.line);
                (0, place, doc.text[l.byte_range()].to_string())
            });
            slot.0 += 1;
        }
    }
    fired
        .into_iter()
        .map(|((entry, kind), (n, place, text))| {
            let e = &m.glossary().entries[entry];
            Problem {
                file: e.origin.file.to_path_buf(),
                line: e.origin.line,
                column: e.origin.column(kind),
                severity: Severity::Warning,
                message: format!(
                    "{kind} form of {:?} fires on ordinary text {n} time{}, first at {place}: {text:?} (gate it, exclude the longer word, or drop it)",
                    e.id,
                    if n == 1 { "" } else { "s" }
                ),
            }
        })
        .collect()
}

fn content_problems(g: &Glossary) -> Vec<Problem> {
    let ids: HashSet<&str> = g.entries.iter().map(|e| e.id.as_str()).collect();
    let mut out = Vec::new();
    for e in &g.entries {
        let mut problem = |col: &str, severity, message: String| {
            out.push(Problem {
                file: e.origin.file.to_path_buf(),
                line: e.origin.line,
                column: e.origin.column(col),
                severity,
                message,
            })
        };
        check_pinyin(e, &mut problem);
        audience::check(e, &mut problem);
        if !e.category.is_empty() && !CATEGORIES.contains(&e.category.as_str()) {
            problem(
                "category",
                Severity::Error,
                format!(
                    "unknown category {:?} (use one of: {})",
                    e.category,
                    CATEGORIES.join(", ")
                ),
            );
        }
        for s in &e.see_also {
            if !ids.contains(s.as_str()) {
                problem(
                    "see_also",
                    Severity::Error,
                    format!("see_also id {s:?} does not exist"),
                );
            } else if *s == e.id {
                problem(
                    "see_also",
                    Severity::Warning,
                    "see_also names the entry itself".into(),
                );
            }
        }
        if !e.definition.is_empty() && e.definition.trim().eq_ignore_ascii_case(e.en.trim()) {
            problem(
                "definition",
                Severity::Error,
                "the definition only repeats `en`; explain what the term means".into(),
            );
        }
        check_matching_columns(e, &mut problem);
        if e.zh.chars().any(|c| c.is_ascii_alphabetic()) {
            problem(
                "zh",
                Severity::Warning,
                format!("zh {:?} contains Latin letters", e.zh),
            );
        }
    }
    out
}

/// Tone-marked vowels of Hanyu Pinyin.
const TONED: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ";

fn check_pinyin(e: &Entry, problem: &mut impl FnMut(&str, Severity, String)) {
    if e.pinyin.is_empty() || e.zh.is_empty() {
        return;
    }
    let han = e.zh.chars().filter(|c| is_han(*c)).count();
    let syllables: Vec<&str> = e
        .pinyin
        .split(|c: char| c.is_whitespace() || c == '-' || c == '·' || c == ',' || c == '\'')
        .filter(|s| !s.is_empty())
        .collect();
    if syllables.len() != han {
        problem(
            "pinyin",
            Severity::Error,
            format!(
                "pinyin {:?} has {} syllables but zh {:?} has {han} Han characters",
                e.pinyin,
                syllables.len(),
                e.zh
            ),
        );
    }
    if e.pinyin.chars().any(|c| c.is_ascii_digit()) {
        problem(
            "pinyin",
            Severity::Error,
            format!("pinyin {:?} uses tone numbers; write tone marks", e.pinyin),
        );
    } else if !e.pinyin.chars().any(|c| TONED.contains(c)) {
        problem(
            "pinyin",
            Severity::Warning,
            format!("pinyin {:?} has no tone marks", e.pinyin),
        );
    }
}

/// `exclude` strings must contain a form of the entry (else they can never apply), and `gated`
/// forms must be forms of the entry; compared after folding, as the matcher compares them.
/// An English form may stand in an exclude string in any wording it matches (`main
/// responsibilities and main business` holds `main responsibility`, `self-confidence,
/// self-reliance` holds `self-confidence and self-reliance`): the exclude string is found in
/// the text as written, around whatever wording matched.
fn check_matching_columns(e: &Entry, problem: &mut impl FnMut(&str, Severity, String)) {
    let forms: Vec<String> = e.all_forms().map(|(_, f)| fold_form(f)).collect();
    // A form in quotes is found without them too (`“断流”` in `黄河断流`).
    let bare: Vec<String> = forms
        .iter()
        .filter_map(|f| crate::matcher::unwrap_quotes(f))
        .collect();
    // The entry's English forms as the matcher reads them, to find one in an exclude string
    // in any wording it matches (a plural, "1" for "one", a comma for "and").
    let english = (e.exclude.iter().any(|x| !x.chars().any(is_han))).then(|| {
        let mut b = PhraseBuilder::default();
        for (i, (_, f)) in e.all_forms().enumerate() {
            if !f.chars().any(is_han) && !f.contains('{') {
                b.add_uninflected(f);
                b.add(fold_form(f), i as u32);
            }
        }
        b.build().0
    });
    for x in &e.exclude {
        let folded = fold_form(x);
        let literal = forms
            .iter()
            .chain(&bare)
            .any(|f| !f.is_empty() && folded.contains(f.as_str()));
        let worded = || {
            let (mut found, mut cues) = (Vec::new(), Vec::new());
            if let Some(set) = &english {
                set.find_overlapping(&folded, &mut found, &mut cues);
            }
            !found.is_empty()
        };
        if !literal && (x.chars().any(is_han) || !worded()) {
            problem(
                "exclude",
                Severity::Error,
                format!("exclude string {x:?} contains no form of the entry, so it never applies"),
            );
        } else if forms.contains(&folded) {
            problem(
                "exclude",
                Severity::Error,
                format!("exclude string {x:?} is itself a form of the entry"),
            );
        }
    }
    // `{id}` names are expanded in English alternatives only: `en` is shown to readers as it
    // stands, and Chinese forms have no such names.
    for (kind, form) in e.all_forms() {
        if form.contains('{') && !matches!(kind, super::FormKind::EnAlt | super::FormKind::Literal)
        {
            problem(
                kind.as_str(),
                Severity::Error,
                format!("{kind} form {form:?} has a {{name}}: names are reused only in en_alt and literal"),
            );
        }
    }
    for g in &e.gated {
        if !forms.contains(&fold_form(g)) {
            problem(
                "gated",
                Severity::Error,
                format!("gated form {g:?} is not one of the entry's forms; list it in en, en_alt, literal or a zh column too"),
            );
        }
    }
}
