//! Lint rule: glossary text is read by users (annotations, HTML cards, the Markdown appendix,
//! exports), so it must not mention the project's own working material — the sample release
//! the glossary was first curated from, which users never see ("the seed release", "the seed
//! renders it …"). A source is cited as the publication itself (publisher and date).

use crate::glossary::{Entry, Severity};

/// Words after "seed" that make it the project's working material, not a plant's.
const MATERIAL: &[&str] = &[
    "release",
    "releases",
    "document",
    "documents",
    "text",
    "texts",
    "corpus",
    "file",
    "files",
];
/// Verbs and nouns after "the seed" that make it a document ("the seed renders it …").
const DOCUMENT_WORDS: &[&str] = &[
    "renders",
    "render",
    "rendering",
    "renderings",
    "writes",
    "uses",
    "has",
    "gives",
    "says",
    "spells",
    "calls",
    "translates",
    "translation",
    "reads",
    "version",
];

/// Calls `problem(column, severity, message)` for every user-facing field of `e` that
/// mentions the project's working material.
pub fn check(e: &Entry, problem: &mut impl FnMut(&str, Severity, String)) {
    let fields: [(&str, Vec<&str>); 6] = [
        ("en", vec![e.en.as_str()]),
        ("en_alt", e.en_alt.iter().map(String::as_str).collect()),
        ("literal", e.literal.iter().map(String::as_str).collect()),
        ("definition", vec![e.definition.as_str()]),
        ("note", vec![e.note.as_str()]),
        ("source", vec![e.source.as_str()]),
    ];
    for (column, values) in fields {
        if let Some(found) = values.into_iter().find_map(workshop_mention) {
            problem(
                column,
                Severity::Error,
                format!(
                    "{column} mentions the project's own working material ({found:?}), which \
                     users never see; cite the publication itself (publisher and date)"
                ),
            );
        }
    }
}

/// The first mention of the working material in `s` (the words that make it one), if any.
pub fn workshop_mention(s: &str) -> Option<String> {
    // Words with the byte range of each, lower-cased.
    let mut words: Vec<(usize, usize, String)> = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(b)) => {
                words.push((b, i, s[b..i].to_lowercase()));
                start = None;
            }
            _ => {}
        }
    }
    for (k, (b, e, w)) in words.iter().enumerate() {
        if w != "seed" && w != "seeds" {
            continue;
        }
        // The next word, when only spaces stand between.
        let next = words
            .get(k + 1)
            .filter(|(nb, _, _)| s[*e..*nb].chars().all(char::is_whitespace));
        let prev = k
            .checked_sub(1)
            .map(|p| &words[p])
            .filter(|(_, pe, _)| s[*pe..*b].chars().all(char::is_whitespace));
        let material = next.is_some_and(|(_, _, n)| MATERIAL.contains(&n.as_str()));
        let the_seed = prev.is_some_and(|(_, _, p)| p == "the" || p == "this")
            && next.is_none_or(|(_, _, n)| DOCUMENT_WORDS.contains(&n.as_str()));
        if material || the_seed {
            let from = if the_seed {
                prev.map_or(*b, |p| p.0)
            } else {
                *b
            };
            let to = if material {
                next.map_or(*e, |n| n.1)
            } else {
                *e
            };
            return Some(s[from..to].to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::workshop_mention as m;

    #[test]
    fn mentions_of_the_working_material() {
        assert_eq!(
            m("China News Service 2022-02-10 (seed release)").as_deref(),
            Some("seed release")
        );
        assert_eq!(
            m("The seed renders it 'Chief Prosecutor'.").as_deref(),
            Some("The seed")
        );
        assert_eq!(m("as in the seed.").as_deref(), Some("the seed"));
        assert_eq!(m("Seed Releases of 2022").as_deref(), Some("Seed Releases"));
    }

    #[test]
    fn other_seeds_are_fine() {
        assert_eq!(m("the seed industry revitalization campaign"), None);
        assert_eq!(m("seed funding for rural enterprises"), None);
        assert_eq!(m("sowing seeds of unity"), None);
        // A document path (discover's evidence names where a phrase was seen).
        assert_eq!(m("../shared/seeds/000_233ae4298ae7c3b1.txt:3"), None);
        assert_eq!(m("China News Service 2022-02-10"), None);
        assert_eq!(m(""), None);
    }
}
