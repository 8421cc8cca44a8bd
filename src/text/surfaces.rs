//! The surfaces of one English word that matching treats as the same word, and the word's
//! class. Inflections (noun plural, verb third person, past, participles) come from the
//! `english` crate's Wiktionary tables, which know the irregular ones (broke, broken,
//! children); then the possessive, British and American spellings, and number words beside
//! digits.
//!
//! Self-contained (std and the `english` crate only) on purpose: `build.rs` compiles this
//! file too, to work out every word of the built-in glossary once, at build time
//! (`inflect` reads that table first).

use english::{English, Form, Number, Person, Tense};

/// The class of an English word: the same for every inflection, spelling and number form
/// that [`variants`] relates to it, when it is the word a form uses (`breaking` → `break`,
/// `organised` → `organize`, `eight` → `8`). A pure function of the word, so two forms
/// compare alike wherever they are compiled.
pub fn word_class(word: &str) -> String {
    if word.ends_with(UNINFLECTED) || word.ends_with(ACRONYM) {
        return word.to_string();
    }
    if let Some(set) = pronouns(word) {
        return set[0].to_string();
    }
    if let Some(w) = word.strip_suffix(NOUN) {
        let w = strip_possessive(w);
        return match noun(w) {
            Some(Noun::Plural(_)) => [word_class(w).as_str(), NOUN].concat(),
            // A gerund is a noun of its own: "Party building" is not "the Party built".
            Some(Noun::Gerund) => [american(w).as_str(), NOUN].concat(),
            None => word_class(w),
        };
    }
    let w = strip_possessive(word);
    if let Some(d) = NUMBERS.iter().find(|(name, _)| *name == w).map(|(_, d)| *d) {
        return d.to_string();
    }
    let american = american(w);
    lemmas(&american)
        .into_iter()
        .min_by(|a, b| (a.len(), a).cmp(&(b.len(), b)))
        .unwrap_or(american)
}

/// The American spelling of a word, by the endings of [`SPELLING_ENDINGS`] and the pairs of
/// [`SPELLING_PAIRS`].
fn american(word: &str) -> String {
    if let Some((_, us)) = SPELLING_PAIRS.iter().find(|(uk, _)| *uk == word) {
        return us.to_string();
    }
    for &(uk, us) in SPELLING_ENDINGS {
        if let Some(stem) = word.strip_suffix(uk) {
            if stem.len() >= 3 && stem.chars().all(|c| c.is_alphabetic()) {
                return format!("{stem}{us}");
            }
        }
    }
    word.to_string()
}

/// Every surface of a folded (lower-case) English word that matching treats as the same word,
/// the word itself first. Words without letters (`16`, `19th`) get their number words.
pub fn variants(word: &str) -> Vec<String> {
    if let Some(w) = word.strip_suffix(UNINFLECTED) {
        return vec![w.to_string(), [w, "'s"].concat()];
    }
    if let Some(w) = word.strip_suffix(ACRONYM) {
        let s = [w, "s"].concat();
        return vec![w.to_string(), [w, "'s"].concat(), [&s, "'"].concat(), s];
    }
    if let Some(set) = pronouns(word) {
        let mut out = vec![word.to_string()];
        out.extend(set.iter().filter(|&&p| p != word).map(|p| p.to_string()));
        return out;
    }
    let (word, noun) = match word.strip_suffix(NOUN) {
        Some(w) => (strip_possessive(w), noun(strip_possessive(w))),
        None => (strip_possessive(word), None),
    };
    let noun = noun.map(|n| match n {
        Noun::Plural(lemmas) => lemmas,
        Noun::Gerund => vec![word.to_string()],
    });
    let mut out: Vec<String> = vec![word.to_string()];
    let push = |out: &mut Vec<String>, s: String| {
        if !s.is_empty() && !out.contains(&s) {
            out.push(s);
        }
    };
    if let Some(lemmas) = noun {
        // Read as a noun: the singular and the plurals (of the word too: `status` is found
        // to be the plural of `statu`; `buildings`), and no verb form.
        for n in lemmas.iter().map(String::as_str).chain([word]) {
            push(&mut out, n.to_string());
            push(&mut out, English::noun(n, &Number::Plural));
        }
    } else {
        for n in number_equivalents(word) {
            push(&mut out, n);
        }
        if word.chars().all(|c| c.is_alphabetic()) && word.chars().count() >= 2 {
            for lemma in lemmas(word) {
                for s in inflections(&lemma).iter() {
                    push(&mut out, s.clone());
                }
            }
        }
    }
    // The surfaces so far, by index: the loops add to `out` as they go (no copy of it; and
    // no `format!`, which cost more than the rest of this for CC-CEDICT's 37,000 words).
    let inflected = out.len();
    for i in 0..inflected {
        for v in spellings(&out[i]) {
            push(&mut out, v);
        }
    }
    let plain = out.len();
    for i in 0..plain {
        if out[i].chars().all(|c| c.is_alphabetic()) {
            let possessive = [out[i].as_str(), "'s"].concat();
            push(&mut out, possessive);
        }
    }
    out
}

/// The mark of a form's word read as a noun ([`noun_reading`]): `rules/n` is a word of its
/// own class (`rule/n`) whose surfaces are the noun's alone (`rule`, `rules`, `rule's`,
/// spellings), so "Party rules" does not match "the Party's ruling position"; `building/n`
/// has `building` and `buildings`, not "built".
pub const NOUN: &str = "/n";

/// The mark of a word matched uninflected, an acronym ending in `S` (`OCTS`) or a one-word
/// name (`Party`): a word of its own class whose surfaces are the word and its possessive,
/// with no singular or plural (the matcher marks the words as the glossary writes them,
/// `PhraseBuilder::add_uninflected`).
pub const UNINFLECTED: &str = "/a";

/// The mark of an acronym written in capitals not ending in `S` (`PLAC`, `SOE`): a word of its
/// own class whose surfaces are the word, its plural in `s` and their possessives, never an
/// inflection of an English word ("PLAC" is not "place", whose class folding made it one).
pub const ACRONYM: &str = "/c";

/// Pronouns of the third person that a term takes whatever its subject: "taking advantage of
/// his position" is the term in "taking advantage of their positions" and "of her post", and
/// dictionaries write "one's". The first and second persons are left alone: "our country"
/// (我国) is not "their country".
const PRONOUNS: &[&[&str]] = &[
    &["his", "her", "their", "its", "one's"],
    &["himself", "herself", "themselves", "itself", "oneself"],
];

/// The set of [`PRONOUNS`] that `word` belongs to.
fn pronouns(word: &str) -> Option<&'static [&'static str]> {
    PRONOUNS.iter().copied().find(|set| set.contains(&word))
}

/// Words that, after a plural in a form, leave it a noun: the end of a noun phrase.
const AFTER_NOUN: &[&str] = &[
    "of", "and", "or", "nor", "but", "in", "on", "for", "to", "at", "with", "by", "from",
    "against", "under", "over", "into", "between", "among", "across", "through", "within",
    "without", "about", "as", "are", "is", "were", "was", "be", "not", "that", "which",
];

/// Is `word` (folded, no possessive), followed in a form by `next` (the form's next word,
/// folded; `None` at its end), to be read as a noun? A plural is one when it ends the form
/// or comes before a preposition, a conjunction or a copula ("Party rules", "rules and
/// regulations", "checks on power"); before anything else it may be a verb with its object
/// ("abuses his power"), and keeps its verb forms. A word in -ing is one only at the form's
/// end ("Party building", "money laundering"): before a preposition or a conjunction it is
/// as often a verb ("relying on foreign countries", "giving or accepting gifts"). Only the
/// words and their places are looked at (the plural itself is found with the word's class,
/// [`word_class`] and [`variants`] of the marked word, on every core).
pub fn noun_reading(word: &str, next: Option<&str>) -> bool {
    // `themselves` ends in `s` but is a pronoun, one word with `himself` (`PRONOUNS`).
    let plural =
        word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && pronouns(word).is_none();
    let gerund = word.len() > 5 && word.ends_with("ing");
    (plural && next.is_none_or(|n| AFTER_NOUN.contains(&n))) || (gerund && next.is_none())
}

/// What a word marked as a noun is.
enum Noun {
    /// The plural of these words: every singular whose plural it is, since the spelling
    /// alone cannot tell `cases` (of `case`) from `boxes` (of `box`), and the word's
    /// surfaces need the right one.
    Plural(Vec<String>),
    /// A gerund (`building`): a noun of its own.
    Gerund,
}

fn noun(word: &str) -> Option<Noun> {
    let lemmas = singulars(word);
    if !lemmas.is_empty() {
        return Some(Noun::Plural(lemmas));
    }
    (word.len() > 5 && word.ends_with("ing") && word.chars().all(|c| c.is_alphabetic()))
        .then_some(Noun::Gerund)
}

/// The words whose noun plural `word` is, where it is one and differs from them.
fn singulars(word: &str) -> Vec<String> {
    if !word.ends_with('s') || !word.chars().all(|c| c.is_alphabetic()) {
        return Vec::new();
    }
    let mut out = lemmas(word);
    out.remove(0);
    out.retain(|lemma| {
        [lemma.to_string(), [lemma, "_2"].concat()]
            .iter()
            .any(|key| English::noun(key, &Number::Plural) == word)
    });
    out
}

/// `word` without a possessive `'s`.
pub fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .filter(|w| !w.is_empty())
        .unwrap_or(word)
}

/// The inflections of `lemma` as a noun and as a verb (a word that is not a verb gets
/// harmless surfaces that text never contains).
fn inflections(lemma: &str) -> std::rc::Rc<[String]> {
    // Compiling a glossary asks for the same words many times (every form's words, each
    // lemma candidate): remember the answers, per thread, shared rather than copied.
    thread_local! {
        static SEEN: std::cell::RefCell<std::collections::HashMap<String, std::rc::Rc<[String]>>> =
            Default::default();
    }
    if let Some(v) = SEEN.with(|m| m.borrow().get(lemma).cloned()) {
        return v;
    }
    let v: std::rc::Rc<[String]> = generate_inflections(lemma).into();
    SEEN.with(|m| m.borrow_mut().insert(lemma.to_string(), v.clone()));
    v
}

fn generate_inflections(lemma: &str) -> Vec<String> {
    let mut out = vec![lemma.to_string()];
    let verb = |key: &str, tense: Tense, form: Form| {
        English::verb(key, &Person::Third, &Number::Singular, &tense, &form)
    };
    // Wiktionary keeps a word's senses apart (`break` is regular in an old sense, `break_2`
    // is the everyday irregular verb): every sense's forms count.
    for key in [
        lemma.to_string(),
        [lemma, "_2"].concat(),
        [lemma, "_3"].concat(),
    ] {
        out.push(English::noun(&key, &Number::Plural));
        let past = verb(&key, Tense::Past, Form::Finite);
        // A sense key the verb table lacks (the usual case) comes back with its suffix in
        // every form: one call tells.
        if key.len() > lemma.len() && past.contains('_') {
            continue;
        }
        out.extend([
            verb(&key, Tense::Present, Form::Finite),
            past,
            verb(&key, Tense::Present, Form::Participle),
            verb(&key, Tense::Past, Form::Participle),
        ]);
    }
    // A sense key the tables lack comes back with its suffix; and the generator may answer
    // with several words: keep single words only.
    out.retain(|s| !s.contains(['_', ' ']));
    // The first of each surface stays, in order (without a copy of every one seen).
    let mut i = 0;
    while i < out.len() {
        if out[..i].contains(&out[i]) {
            out.remove(i);
        } else {
            i += 1;
        }
    }
    out
}

/// The lemmas `word` may be an inflection of: the word itself, and every candidate from
/// removing an inflectional ending that the `english` crate's tables confirm (its
/// inflections include `word`). The candidates only propose; the tables decide.
fn lemmas(word: &str) -> Vec<String> {
    let mut out = vec![word.to_string()];
    if word.len() <= 3 {
        return out;
    }
    let mut candidates: Vec<String> = Vec::new();
    let mut strip = |suffix: &str, adds: &[&str]| {
        if let Some(stem) = word.strip_suffix(suffix) {
            if stem.len() >= 2 {
                for a in adds {
                    candidates.push([stem, a].concat());
                }
                // A doubled final consonant (banned, running) comes off too.
                let b = stem.as_bytes();
                if b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2] {
                    candidates.push(stem[..stem.len() - 1].to_string());
                }
            }
        }
    };
    strip("ies", &["y"]);
    strip("ied", &["y"]);
    strip("es", &["", "e"]);
    strip("s", &[""]);
    strip("ed", &["", "e"]);
    strip("ing", &["", "e"]);
    strip("ings", &["", "e"]);
    for c in candidates {
        if !out.contains(&c) && inflections(&c).iter().any(|s| s == word) {
            out.push(c);
        }
    }
    out
}

/// Cardinal and ordinal number words and their digit forms, both ways.
const NUMBERS: &[(&str, &str)] = &[
    ("zero", "0"),
    ("one", "1"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("eleven", "11"),
    ("twelve", "12"),
    ("thirteen", "13"),
    ("fourteen", "14"),
    ("fifteen", "15"),
    ("sixteen", "16"),
    ("seventeen", "17"),
    ("eighteen", "18"),
    ("nineteen", "19"),
    ("twenty", "20"),
    ("thirty", "30"),
    ("forty", "40"),
    ("fifty", "50"),
    ("hundred", "100"),
    ("first", "1st"),
    ("second", "2nd"),
    ("third", "3rd"),
    ("fourth", "4th"),
    ("fifth", "5th"),
    ("sixth", "6th"),
    ("seventh", "7th"),
    ("eighth", "8th"),
    ("ninth", "9th"),
    ("tenth", "10th"),
    ("eleventh", "11th"),
    ("twelfth", "12th"),
    ("thirteenth", "13th"),
    ("fourteenth", "14th"),
    ("fifteenth", "15th"),
    ("sixteenth", "16th"),
    ("seventeenth", "17th"),
    ("eighteenth", "18th"),
    ("nineteenth", "19th"),
    ("twentieth", "20th"),
    ("thirtieth", "30th"),
    ("fortieth", "40th"),
    ("fiftieth", "50th"),
    ("hundredth", "100th"),
];

fn number_equivalents(word: &str) -> Vec<String> {
    NUMBERS
        .iter()
        .filter_map(|&(w, d)| {
            if w == word {
                Some(d)
            } else if d == word {
                Some(w)
            } else {
                None
            }
        })
        .map(String::from)
        .collect()
}

/// Whole-word British and American spelling pairs that no pattern below covers.
const SPELLING_PAIRS: &[(&str, &str)] = &[
    ("programme", "program"),
    ("programmes", "programs"),
    ("judgement", "judgment"),
    ("judgements", "judgments"),
    ("ageing", "aging"),
    ("grey", "gray"),
    ("defence", "defense"),
    ("offence", "offense"),
    ("offences", "offenses"),
    ("licence", "license"),
    ("licences", "licenses"),
    ("pretence", "pretense"),
    ("enrol", "enroll"),
    ("enrolment", "enrollment"),
    ("fulfil", "fulfill"),
    ("fulfilment", "fulfillment"),
    ("skilful", "skillful"),
    ("instalment", "installment"),
    ("practise", "practice"),
    ("practised", "practiced"),
    ("practising", "practicing"),
    ("sceptical", "skeptical"),
    ("manoeuvre", "maneuver"),
];

/// Endings that differ between British and American spelling: (British, American). A word
/// ending in either gets the other; words that merely look alike get surfaces no text uses,
/// which cost nothing.
const SPELLING_ENDINGS: &[(&str, &str)] = &[
    ("isation", "ization"),
    ("isations", "izations"),
    ("isational", "izational"),
    ("ise", "ize"),
    ("ises", "izes"),
    ("ised", "ized"),
    ("ising", "izing"),
    ("iser", "izer"),
    ("isers", "izers"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("ysing", "yzing"),
    ("our", "or"),
    ("ours", "ors"),
    ("oured", "ored"),
    ("ouring", "oring"),
    ("ourable", "orable"),
    ("ourite", "orite"),
    ("ourites", "orites"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("lled", "led"),
    ("lling", "ling"),
    ("llor", "lor"),
    ("llors", "lors"),
    ("ogue", "og"),
    ("ogues", "ogs"),
];

/// The other spellings of `word` (British ↔ American).
pub fn spellings(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    for &(uk, us) in SPELLING_PAIRS {
        if word == uk {
            out.push(us.to_string());
        } else if word == us {
            out.push(uk.to_string());
        }
    }
    // Endings need a stem long enough that the word is not a short common one ("for",
    // "our", "hour" and "tour" keep their spelling).
    let last = word.as_bytes().last().copied();
    for &(uk, us) in SPELLING_ENDINGS {
        // Most words end in neither ending: their last letters differ.
        if last != uk.as_bytes().last().copied() && last != us.as_bytes().last().copied() {
            continue;
        }
        for (from, to) in [(uk, us), (us, uk)] {
            if let Some(stem) = word.strip_suffix(from) {
                if stem.len() >= 3 && stem.chars().all(|c| c.is_alphabetic()) {
                    let v = format!("{stem}{to}");
                    if !out.contains(&v) {
                        out.push(v);
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(word: &str, surfaces: &[&str]) {
        let v = variants(word);
        for s in surfaces {
            assert!(v.iter().any(|x| x == s), "{word}: {s} missing from {v:?}");
        }
    }

    #[test]
    fn inflections_regular_and_irregular() {
        has("break", &["breaks", "broke", "broken", "breaking"]);
        has("breaking", &["break", "broke", "broken", "breaks"]);
        has("umbrella", &["umbrellas", "umbrella's"]);
        has("umbrellas", &["umbrella"]);
        has("child", &["children"]);
        has("sweep", &["swept", "sweeping"]);
        has("strike", &["struck", "striking"]);
        has("crack", &["cracked", "cracking"]);
    }

    #[test]
    fn spellings_both_ways() {
        has("organised", &["organized"]);
        has("organization", &["organisation"]);
        has("modernisation", &["modernization"]);
        has("labour", &["labor"]);
        has("centre", &["center"]);
        has("defence", &["defense"]);
        assert!(!variants("for").contains(&"four".to_string()));
        assert!(!variants("hour").contains(&"hor".to_string()));
    }

    #[test]
    fn numbers_both_ways() {
        has("eight", &["8"]);
        has("8", &["eight"]);
        has("19th", &["nineteenth"]);
        has("nineteenth", &["19th"]);
        has("first", &["1st"]);
    }

    #[test]
    fn classes() {
        assert_eq!(word_class("breaking"), "break");
        assert_eq!(word_class("umbrellas"), "umbrella");
        assert_eq!(word_class("organised"), word_class("organized"));
        assert_eq!(word_class("eight"), "8");
    }

    #[test]
    fn a_plural_read_as_a_noun_has_no_verb_form() {
        assert!(noun_reading("rules", None));
        assert!(noun_reading("rules", Some("and")));
        assert!(!noun_reading("abuses", Some("his")));
        assert!(!noun_reading("rule", None));
        assert!(!noun_reading("affairs", Some("committee")));
        // A word that only looks like a plural keeps its own plural.
        has("status/n", &["status", "statuses", "status's"]);
        assert_eq!(word_class("is/n"), word_class("is"));
        let nouns = variants("rules/n");
        for s in ["rules", "rule", "rule's"] {
            assert!(nouns.iter().any(|x| x == s), "{s} in {nouns:?}");
        }
        for s in ["ruling", "ruled"] {
            assert!(!nouns.iter().any(|x| x == s), "{s} in {nouns:?}");
            assert!(variants("rules").iter().any(|x| x == s), "{s}");
        }
        assert_eq!(word_class("rules/n"), "rule/n");
        assert!(noun_reading("building", None));
        assert!(!noun_reading("deepening", Some("reform")));
        assert!(!noun_reading("relying", Some("on")));
        let building = variants("building/n");
        assert!(building.iter().any(|x| x == "buildings"), "{building:?}");
        assert!(
            !building.iter().any(|x| x == "built" || x == "builds"),
            "{building:?}"
        );
        assert_eq!(word_class("building/n"), "building/n");
        assert_eq!(word_class("organising/n"), "organizing/n");
        has(
            "organisations/n",
            &["organizations", "organization", "organisation"],
        );
    }

    #[test]
    fn third_person_pronouns_are_one_word() {
        has("his", &["her", "their", "its", "one's"]);
        has("one's", &["his", "their"]);
        has("themselves", &["himself", "herself", "oneself"]);
        assert_eq!(word_class("one's"), word_class("their"));
        assert_eq!(word_class("himself"), word_class("themselves"));
        assert!(!variants("our").contains(&"their".to_string()));
        assert_ne!(word_class("our"), word_class("their"));
        // Before a preposition, as in "turned themselves in", still a pronoun.
        assert!(!noun_reading("themselves", Some("in")));
    }

    #[test]
    fn possessive() {
        has("party's", &["party", "parties"]);
        has("people", &["people's"]);
    }
}
