//! Word lists as data: stopwords per language, compiled in from `src/lexicon/stopwords/*.txt`.
//!
//! Rules:
//! 1. Each list is a text file with a `#` header naming its source, commit, licence and curation
//!    (see `src/lexicon/README.md` and `tools/make_stopwords.py`, which writes them).
//! 2. Lists are matched against **folded** keys: every entry is folded with
//!    [`crate::normalize::key`] at [`FoldLevel::Folded`], so the hamza/alef variants of an
//!    Arabic entry (أن، إن، ان) and a reader's `The`/`the` all match.
//! 3. The crate compiles in the folded keys (`stopwords/folded/*.txt`, written by
//!    `cargo run --example fold_stopwords` from the lists), not the lists: folding them at
//!    first use cost a page's first analysis about 5 M instructions (a third of the Arabic
//!    seed's), most of it the Unicode tables that the lists' tashkeel needed. A test checks
//!    that the folded files are the lists folded by today's rules.
//! 4. A language without a list has no stopwords (nothing is removed), never an error.
//!
//! Sizes after folding (today's keys): Arabic 478 lines → 407 keys, English 308.

use crate::lang::Language;
use crate::normalize::{key, FoldLevel};
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// The lists as curated (see the module rules): what the folded keys are made from.
pub const LISTS: [(&str, &str, Language); 7] = [
    ("ar", include_str!("stopwords/ar.txt"), Language::Arabic),
    ("en", include_str!("stopwords/en.txt"), Language::English),
    ("fr", include_str!("stopwords/fr.txt"), Language::Unknown),
    ("de", include_str!("stopwords/de.txt"), Language::Unknown),
    ("es", include_str!("stopwords/es.txt"), Language::Unknown),
    ("tr", include_str!("stopwords/tr.txt"), Language::Unknown),
    ("fa", include_str!("stopwords/fa.txt"), Language::Unknown),
];

/// The folded keys of [`LISTS`], in the same order.
const FOLDED: [&str; 7] = [
    include_str!("stopwords/folded/ar.txt"),
    include_str!("stopwords/folded/en.txt"),
    include_str!("stopwords/folded/fr.txt"),
    include_str!("stopwords/folded/de.txt"),
    include_str!("stopwords/folded/es.txt"),
    include_str!("stopwords/folded/tr.txt"),
    include_str!("stopwords/folded/fa.txt"),
];

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

    /// Reads keys that are already folded (one per line, `#` comments), as [`Stopwords::keys`]
    /// writes them.
    pub fn from_keys(data: &str) -> Stopwords {
        let keys = data
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(Box::from)
            .collect();
        Stopwords { keys }
    }

    /// The folded keys, sorted, one per line (what [`Stopwords::from_keys`] reads).
    pub fn keys(&self) -> String {
        let mut keys: Vec<&str> = self.keys.iter().map(|k| &**k).collect();
        keys.sort_unstable();
        keys.iter().map(|k| format!("{k}\n")).collect()
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
    static SETS: [OnceLock<Stopwords>; 7] = [
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
    ];
    // The codes alone: the lists' text is not compiled in (see the module rules).
    const CODES: [&str; 7] = ["ar", "en", "fr", "de", "es", "tr", "fa"];
    let slot = CODES.iter().position(|&c| c == code)?;
    Some(SETS[slot].get_or_init(|| Stopwords::from_keys(FOLDED[slot])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_codes_are_the_lists_codes() {
        for (i, (code, _, _)) in LISTS.iter().enumerate() {
            assert_eq!(
                stopwords_for_code(code).map(|s| s.len()),
                Some(Stopwords::from_keys(FOLDED[i]).len())
            );
        }
    }

    #[test]
    fn the_folded_keys_are_the_lists_folded_by_todays_rules() {
        for (i, &(code, data, language)) in LISTS.iter().enumerate() {
            let folded = Stopwords::parse(data, language);
            assert_eq!(
                Stopwords::from_keys(FOLDED[i]).keys(),
                folded.keys(),
                "src/lexicon/stopwords/folded/{code}.txt is out of date: \
                 run `cargo run --example fold_stopwords`"
            );
        }
    }

    #[test]
    fn every_list_has_a_provenance_header() {
        for (_, data, _) in LISTS {
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
        let lines = LISTS[0].1.lines().filter(|l| !l.starts_with('#')).count();
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
