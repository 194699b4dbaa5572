//! Languages the analyzer knows, and detecting them.

use crate::token::Script;
use serde::{Deserialize, Serialize};

/// A language, by the rules the analyzer applies to it (stopwords, stemming, reading rates).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Language {
    /// Arabic (`ar`).
    Arabic,
    /// English (`en`).
    English,
    /// Not determined, or a language without specific rules.
    #[default]
    Unknown,
}

impl Language {
    /// The ISO 639-1 code, or `und` when unknown.
    pub fn code(self) -> &'static str {
        match self {
            Language::Arabic => "ar",
            Language::English => "en",
            Language::Unknown => "und",
        }
    }
}

/// Guesses the language of `text` from the scripts of its letters.
///
/// ```
/// use article_analyzer::lang::{detect, Language};
/// assert_eq!(detect("قال الرئيس إن الاتفاق قريب"), Language::Arabic);
/// assert_eq!(detect("The president said the deal is close"), Language::English);
/// ```
pub fn detect(text: &str) -> Language {
    let (mut arabic, mut latin) = (0usize, 0usize);
    for c in text.chars() {
        match Script::of_char(c) {
            Script::Arabic => arabic += 1,
            Script::Latin => latin += 1,
            _ => {}
        }
    }
    if arabic == 0 && latin == 0 {
        Language::Unknown
    } else if arabic >= latin {
        Language::Arabic
    } else {
        Language::English
    }
}
