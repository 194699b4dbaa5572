//! Word lists as data: stopwords per language, compiled in from `src/lexicon/stopwords/*.txt`.
//!
//! Rules:
//! 1. Each list is a text file with a `#` header naming its source, commit, licence and curation
//!    (see `src/lexicon/README.md` and `tools/make_stopwords.py`, which writes them).
//! 2. Lists are matched against **folded** keys: every entry is folded with
//!    [`crate::normalize::key`] at [`FoldLevel::Folded`] when the list is first used, so the
//!    hamza/alef variants of an Arabic entry (أن، إن، ان) and a reader's `The`/`the` all match.
//! 3. A language without a list has no stopwords (nothing is removed), never an error.
//!
//! Sizes after folding (today's keys): Arabic 478 lines → 426 keys, English 308.

use crate::lang::Language;
use crate::normalize::{key, FoldLevel};
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

const AR: &str = include_str!("stopwords/ar.txt");
const EN: &str = include_str!("stopwords/en.txt");
const FR: &str = include_str!("stopwords/fr.txt");
const DE: &str = include_str!("stopwords/de.txt");
const ES: &str = include_str!("stopwords/es.txt");
const TR: &str = include_str!("stopwords/tr.txt");
const FA: &str = include_str!("stopwords/fa.txt");

/// A set of stopwords, held as folded keys.
#[derive(Debug, Default)]
pub struct Stopwords {
    keys: FxHashSet<Box<str>>,
}

impl Stopwords {
    /// Parses a list file (one word per line, `#` comments) and folds each word for `language`.
    pub fn parse(data: &str, language: Language) -> Stopwords {
        let keys = data
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|w| key(w, FoldLevel::Folded, language).into_boxed_str())
            .filter(|k| !k.is_empty())
            .collect();
        Stopwords { keys }
    }

    /// True when `folded_key` (a key made at [`FoldLevel::Folded`]) is a stopword.
    ///
    /// ```
    /// use article_analyzer::lexicon::stopwords;
    /// use article_analyzer::lang::Language;
    /// use article_analyzer::normalize::{key, FoldLevel};
    /// let ar = stopwords(Language::Arabic);
    /// // The list spells it إلى; a writer who drops the hamza still matches once both are folded.
    /// assert!(ar.contains(&key("الى", FoldLevel::Folded, Language::Arabic)));
    /// assert!(!ar.contains(&key("أمازون", FoldLevel::Folded, Language::Arabic)));
    /// assert!(stopwords(Language::English).contains("the"));
    /// ```
    pub fn contains(&self, folded_key: &str) -> bool {
        self.keys.contains(folded_key)
    }

    /// Number of distinct folded keys.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when the list is empty.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

/// The stopwords of `language`, folded; empty for [`Language::Unknown`].
pub fn stopwords(language: Language) -> &'static Stopwords {
    stopwords_for_code(language.code()).unwrap_or_else(|| {
        static EMPTY: OnceLock<Stopwords> = OnceLock::new();
        EMPTY.get_or_init(Stopwords::default)
    })
}

/// The stopwords for an ISO 639-1 code (`ar`, `en`, `fr`, `de`, `es`, `tr`, `fa`), folded;
/// `None` for a code without a list.
///
/// ```
/// use article_analyzer::lexicon::stopwords_for_code;
/// assert!(stopwords_for_code("fr").unwrap().contains("les"));
/// assert!(stopwords_for_code("xx").is_none());
/// ```
pub fn stopwords_for_code(code: &str) -> Option<&'static Stopwords> {
    static LISTS: [OnceLock<Stopwords>; 7] = [
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
    ];
    let (slot, data, language) = match code {
        "ar" => (0, AR, Language::Arabic),
        "en" => (1, EN, Language::English),
        "fr" => (2, FR, Language::Unknown),
        "de" => (3, DE, Language::Unknown),
        "es" => (4, ES, Language::Unknown),
        "tr" => (5, TR, Language::Unknown),
        "fa" => (6, FA, Language::Unknown),
        _ => return None,
    };
    Some(LISTS[slot].get_or_init(|| Stopwords::parse(data, language)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_has_a_provenance_header() {
        for data in [AR, EN, FR, DE, ES, TR, FA] {
            assert!(data.starts_with("# Stopwords"));
            assert!(data.contains("stopwords-iso"));
            assert!(data.contains("commit 6e8e9a2d1c019ad2a885bcbe157628dea624dfb6"));
            assert!(data.contains("Licence: MIT"));
        }
    }

    #[test]
    fn arabic_hamza_and_alef_variants_fold_to_one_stopword() {
        let ar = stopwords(Language::Arabic);
        for w in [
            "أن", "إن", "ان", "آن", "إلى", "الى", "أو", "او", "هَذا", "هذا",
        ] {
            let k = key(w, FoldLevel::Folded, Language::Arabic);
            assert!(ar.contains(&k), "{w} → {k}");
        }
        // Folding merged the list's duplicates: fewer keys than lines.
        let lines = AR.lines().filter(|l| !l.starts_with('#')).count();
        assert!(ar.len() < lines, "{} keys from {lines} lines", ar.len());
    }

    #[test]
    fn curated_content_words_are_not_stopwords() {
        let ar = stopwords(Language::Arabic);
        for w in ["مليون", "زيارة", "اليوم", "سنة"] {
            assert!(
                !ar.contains(&key(w, FoldLevel::Folded, Language::Arabic)),
                "{w}"
            );
        }
        let en = stopwords(Language::English);
        for w in [
            "information",
            "research",
            "world",
            "million",
            "year",
            "computer",
        ] {
            assert!(!en.contains(w), "{w}");
        }
        assert!(en.contains("the") && en.contains("said") && en.contains("whose"));
    }

    #[test]
    fn unknown_language_has_no_stopwords() {
        assert!(stopwords(Language::Unknown).is_empty());
    }
}
