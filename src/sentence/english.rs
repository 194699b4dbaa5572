//! English (and Latin-script) rules for a `.` followed by whitespace and more text.
//!
//! Rules, in order, for the *stem* (the word the dot is attached to) and the *next* word (the
//! first token after the dot, its closing quotes and any opening quotes):
//! 1. A number or a single letter that starts a line is a list marker (`1. Introduction`,
//!    `a. Scope`): no end.
//! 2. Titles before a name never end a sentence: `Mr.` `Mrs.` `Ms.` `Dr.` `Prof.` `Messrs.`
//!    `Sgt.` … (any case).
//! 3. `e.g.` `i.e.` `vs.` `cf.` `viz.` `approx.` `incl.` … always go on.
//! 4. Abbreviations that stand before numbers do not end before a number: `No. 5`, `p. 12`,
//!    `Fig. 3`, `Vol. 2`, and month abbreviations as in `Nov. 28`. `No` and `Art` are plain
//!    words anywhere else (`He said no.`).
//! 5. `etc.` ends the sentence unless a lowercase word follows: it mostly closes a list at the
//!    end of a sentence.
//! 6. Other known abbreviations (`Inc.` `Ltd.` `Co.` `Jr.` `St.` `et al.` …), dotted
//!    acronyms (`U.S.` `p.m.` `Ph.D.`), and initials (`J.` in `J. R. R. Tolkien`) end a sentence
//!    only when the next word is a capitalised word that typically starts a sentence
//!    (`The`, `It`, `But`, `In` … see [`STARTERS`]): `in the U.S. The` ends, `U.S. President`
//!    and `J. R. R.` do not.
//! 7. Any other word: the dot ends the sentence, even before a lowercase word. Informal text
//!    often starts sentences in lowercase (in the UD English EWT dev set, 50 sentences follow
//!    `word.` in lowercase, against 3 lowercase continuations after an unknown abbreviation).

use super::{starts_line, Next, Stem};
use crate::token::{Token, TokenKind};

/// Titles written before a name (lowercase; compared case-insensitively).
const TITLES: &[&str] = &[
    "adm", "brig", "capt", "cmdr", "col", "cpl", "dr", "drs", "fr", "gen", "hon", "insp", "lt",
    "maj", "messrs", "mlle", "mme", "mr", "mrs", "ms", "mssrs", "prof", "pvt", "rev", "sgt",
    "supt",
];

/// Abbreviations that always go on (lowercase).
const CONTINUING: &[&str] = &[
    "approx", "cf", "e.g", "eg", "esp", "i.e", "ie", "incl", "p.s", "ps", "viz", "vs",
];

/// Abbreviations written before a number (lowercase).
const BEFORE_NUMBER: &[&str] = &[
    "apr", "aug", "ch", "dec", "ext", "feb", "fig", "figs", "jan", "jul", "jun", "mar", "nos",
    "nov", "nr", "oct", "op", "p", "para", "pp", "sec", "sep", "sept", "tel", "vol", "vols",
];

/// Words that abbreviate before a number but are plain words otherwise (`No. 5`, `Art. 3`;
/// `He said no.`).
const BEFORE_NUMBER_ONLY: &[&str] = &["art", "no"];

/// Abbreviations that often close a list and end the sentence: they end it unless a lowercase
/// word follows (`apples, pears etc. The rest …`, `etc. are sold`).
const LIST_ENDS: &[&str] = &["etc", "ect"];

/// Other abbreviations that may end a sentence (lowercase).
const ABBREVIATIONS: &[&str] = &[
    "al", "assoc", "ave", "blvd", "bros", "co", "corp", "dept", "est", "gov", "govt", "inc", "jr",
    "ltd", "mt", "rd", "rep", "reps", "sen", "sens", "sr", "st", "sts", "univ",
];

/// Capitalised words that typically start an English sentence.
pub(crate) const STARTERS: &[&str] = &[
    "A",
    "According",
    "After",
    "Again",
    "All",
    "Also",
    "Although",
    "An",
    "And",
    "Another",
    "Any",
    "Are",
    "As",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Can",
    "Could",
    "Did",
    "Do",
    "Does",
    "During",
    "Each",
    "Even",
    "Every",
    "For",
    "From",
    "Had",
    "Has",
    "Have",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "I'm",
    "I’m",
    "If",
    "In",
    "Is",
    "It",
    "It's",
    "It’s",
    "Its",
    "Just",
    "Last",
    "Let",
    "Many",
    "Meanwhile",
    "More",
    "Most",
    "My",
    "No",
    "Not",
    "Now",
    "Of",
    "On",
    "One",
    "Only",
    "Or",
    "Our",
    "Please",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "Such",
    "Thank",
    "Thanks",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Thus",
    "To",
    "Today",
    "Two",
    "Under",
    "Was",
    "We",
    "Were",
    "What",
    "When",
    "Where",
    "Which",
    "While",
    "Who",
    "Why",
    "Will",
    "With",
    "Would",
    "Yet",
    "You",
    "Your",
];

fn is_in(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// A dotted acronym: letters in groups of one to three separated by dots (`U.S`, `p.m`,
/// `Ph.D`, `a.k.a`).
fn is_dotted_acronym(stem: &str) -> bool {
    stem.contains('.')
        && stem.split('.').all(|part| {
            let n = part.chars().count();
            (1..=3).contains(&n) && part.chars().all(char::is_alphabetic)
        })
}

/// A single letter (an initial, a list letter).
fn is_single_letter(stem: &str) -> bool {
    let mut chars = stem.chars();
    chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
}

/// True when the next word is one that typically starts a sentence.
fn is_starter(next: &Next) -> bool {
    STARTERS.contains(&next.text)
}

/// Does a `.` after `stem` end the sentence, given the `next` token?
pub(super) fn period_ends_sentence(
    text: &str,
    tokens: &[Token],
    stem: Option<Stem>,
    next: Next,
) -> bool {
    let Some(stem) = stem else {
        return true;
    };
    let word = stem.text;
    let stem_kind = tokens[stem.index].kind;
    // Rule 1: list markers.
    if (stem_kind == TokenKind::Number || is_single_letter(word))
        && starts_line(text, tokens, stem.index)
    {
        return false;
    }
    // Rules 2 and 3.
    if is_in(TITLES, word) || is_in(CONTINUING, word) {
        return false;
    }
    // Rule 4.
    if is_in(BEFORE_NUMBER, word) || is_in(BEFORE_NUMBER_ONLY, word) {
        if next.is_number() {
            return false;
        }
        if is_in(BEFORE_NUMBER_ONLY, word) {
            return true;
        }
    }
    // Rule 5.
    if is_in(LIST_ENDS, word) {
        return !next.is_lowercase();
    }
    if is_in(BEFORE_NUMBER, word)
        || is_in(ABBREVIATIONS, word)
        || (stem_kind == TokenKind::Word && is_dotted_acronym(word))
        || is_single_letter(word)
    {
        return is_starter(&next);
    }
    // Rule 7.
    true
}

#[cfg(test)]
mod tests {
    use super::super::tests::split;

    #[test]
    fn plain_periods_end_sentences() {
        assert_eq!(split("It rained. We left."), ["It rained.", "We left."]);
        assert_eq!(
            split("Sales rose in 2025. 12 shops opened."),
            ["Sales rose in 2025.", "12 shops opened."]
        );
    }

    #[test]
    fn titles_never_end_a_sentence() {
        assert_eq!(
            split("Mr. Smith met Dr. Jones and Prof. Lee."),
            ["Mr. Smith met Dr. Jones and Prof. Lee."]
        );
        assert_eq!(split("I saw Mrs. The Great."), ["I saw Mrs. The Great."]);
    }

    #[test]
    fn dotted_acronym_mid_sentence_goes_on() {
        assert_eq!(
            split("The U.S. President spoke at 4 p.m. on Friday."),
            ["The U.S. President spoke at 4 p.m. on Friday."]
        );
    }

    #[test]
    fn dotted_acronym_before_a_sentence_starter_ends() {
        assert_eq!(
            split("He moved to the U.S. The move was hard."),
            ["He moved to the U.S.", "The move was hard."]
        );
        assert_eq!(
            split("We met at 4 p.m. It rained."),
            ["We met at 4 p.m.", "It rained."]
        );
    }

    #[test]
    fn initials_go_on() {
        assert_eq!(
            split("J. R. R. Tolkien wrote it."),
            ["J. R. R. Tolkien wrote it."]
        );
        assert_eq!(split("George W. Bush spoke."), ["George W. Bush spoke."]);
    }

    #[test]
    fn number_abbreviations_before_numbers_go_on() {
        assert_eq!(
            split("See No. 5 and p. 12 on Nov. 28 please."),
            ["See No. 5 and p. 12 on Nov. 28 please."]
        );
        assert_eq!(split("He said no. The end."), ["He said no.", "The end."]);
    }

    #[test]
    fn month_abbreviation_at_sentence_end_ends_before_a_starter() {
        assert_eq!(
            split("It opened in Nov. The crowds came after the Sept. 11 attacks."),
            [
                "It opened in Nov.",
                "The crowds came after the Sept. 11 attacks."
            ]
        );
    }

    #[test]
    fn ranked_no_1_then_new_sentence() {
        assert_eq!(
            split("She is ranked No. 1. The rest follow."),
            ["She is ranked No. 1.", "The rest follow."]
        );
    }

    #[test]
    fn etc_ends_unless_lowercase_follows() {
        assert_eq!(
            split("Pens, paper etc. are here."),
            ["Pens, paper etc. are here."]
        );
        assert_eq!(
            split("Pens, paper etc. Kim took them."),
            ["Pens, paper etc.", "Kim took them."]
        );
    }

    #[test]
    fn company_abbreviations_end_before_a_starter_only() {
        assert_eq!(split("Apple Inc. It grew."), ["Apple Inc.", "It grew."]);
        assert_eq!(
            split("Apple Inc. Chief Tim Cook spoke."),
            ["Apple Inc. Chief Tim Cook spoke."]
        );
    }

    #[test]
    fn continuing_abbreviations_go_on() {
        assert_eq!(
            split("Fruit, e.g. The apple, is fine vs. This one."),
            ["Fruit, e.g. The apple, is fine vs. This one."]
        );
    }

    #[test]
    fn known_abbreviation_before_lowercase_goes_on() {
        assert_eq!(
            split("The dept. of health said so."),
            ["The dept. of health said so."]
        );
    }

    #[test]
    fn lowercase_sentence_start_after_a_plain_word_ends() {
        assert_eq!(
            split("i went home. then i slept."),
            ["i went home.", "then i slept."]
        );
    }

    #[test]
    fn decimals_and_glued_dots_do_not_end() {
        assert_eq!(
            split("It rose 3.5 percent. U.S.-led talks ended."),
            ["It rose 3.5 percent.", "U.S.-led talks ended."]
        );
        assert_eq!(
            split("Apple Inc., the maker, grew."),
            ["Apple Inc., the maker, grew."]
        );
    }

    #[test]
    fn list_markers_are_not_sentence_ends() {
        assert_eq!(
            split("1. Introduction\n2. Methods\na. Scope"),
            ["1. Introduction", "2. Methods", "a. Scope"]
        );
    }

    #[test]
    fn quoted_question_before_lowercase_speech_verb_goes_on() {
        assert_eq!(
            split("“Why?” he asked. “Because!” She left."),
            ["“Why?” he asked.", "“Because!”", "She left."]
        );
    }

    #[test]
    fn unquoted_question_before_lowercase_ends() {
        assert_eq!(
            split("where did you grow up? india?"),
            ["where did you grow up?", "india?"]
        );
    }

    #[test]
    fn ps_and_phone_extensions_go_on() {
        assert_eq!(
            split("P.S. I moved. Call ext. 37625 today."),
            ["P.S. I moved.", "Call ext. 37625 today."]
        );
    }

    #[test]
    fn ellipsis_ends_unless_lowercase_follows() {
        assert_eq!(
            split("Wait… then go. Wait… Then stop."),
            ["Wait… then go.", "Wait…", "Then stop."]
        );
    }

    #[test]
    fn sentence_final_abbreviation_then_quote_opening_next() {
        assert_eq!(
            split("He lives in the U.S. \"It is home,\" he said."),
            ["He lives in the U.S.", "\"It is home,\" he said."]
        );
    }
}
