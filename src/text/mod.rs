//! Pure text, knowing nothing of glossaries or formats: normalization with its offset map,
//! Chinese characters, English words, places and snippets, and XML. Every layer above uses
//! these, one copy of each.

pub mod chinese;
pub mod english;
pub mod normalize;
pub mod snippet;
pub mod xml;

/// Folds a surface form the way text is folded, without edge whitespace: the key under
/// which glossary forms are compared, by the matcher and by the exchange formats alike.
pub fn fold_form(form: &str) -> String {
    normalize::normalize(form)
        .text
        .trim_matches(' ')
        .to_string()
}
