//! Latin-script folding rules, for keys.
//!
//! Rules, each an option of [`LatinFolding`] (on at `Folded` unless said otherwise):
//! 1. **Case**: full Unicode lowercase, plus `ß`/`ẞ` → `ss` and final sigma `ς` → `σ` (what
//!    Unicode case folding adds to lowercasing for news text).
//! 2. **Apostrophes** unified: `’ ‘ ʼ ′` → `'`.
//! 3. **English possessive** dropped: a final `'s` or a final `'` after `s` (`Reuters’s` →
//!    `reuters`, `Residents'` → `residents`), for English text and text of unknown language or
//!    of a non-Latin script; not for contractions of pronouns (`it's`, `that's`, `let's`).
//! 4. **Diacritics** removed (lossy: `maïs` → `mais`, `Pelé` → `pele`) by canonical
//!    decomposition without marks, plus `ø æ œ ł đ` → `o ae oe l d`: off at `Folded`, on at
//!    `Stemmed`.

use crate::lang::Language;
use crate::token::Script;

/// The Latin-script folding rules, each an explicit option (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct LatinFolding {
    /// Rule 1: case folding (applies to every cased script, not only Latin).
    pub case: bool,
    /// Rule 2: one apostrophe.
    pub apostrophes: bool,
    /// Rule 3: drop the English possessive.
    pub possessive: bool,
    /// Rule 4: remove diacritics (lossy).
    pub diacritics: bool,
}

impl LatinFolding {
    /// No rule.
    pub const fn none() -> LatinFolding {
        LatinFolding {
            case: false,
            apostrophes: false,
            possessive: false,
            diacritics: false,
        }
    }

    /// The `Folded` preset.
    pub const fn folded() -> LatinFolding {
        LatinFolding {
            case: true,
            apostrophes: true,
            possessive: true,
            diacritics: false,
        }
    }

    /// The `Stemmed` preset.
    pub const fn stemmed() -> LatinFolding {
        LatinFolding {
            diacritics: true,
            ..LatinFolding::folded()
        }
    }
}

/// Contractions that end in `'s` but are not possessives.
const CONTRACTIONS: &[&str] = &[
    "he's", "here's", "how's", "it's", "let's", "she's", "that's", "there's", "what's", "where's",
    "who's",
];

/// Applies rules 1–4 to `word`.
pub(crate) fn fold(word: &str, rules: &LatinFolding, language: Language) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '’' | '‘' | 'ʼ' | '′' if rules.apostrophes => out.push('\''),
            'ß' | 'ẞ' if rules.case => out.push_str("ss"),
            'ς' if rules.case => out.push('σ'),
            _ if rules.case && !c.is_lowercase() => out.extend(c.to_lowercase()),
            _ => out.push(c),
        }
    }
    if rules.possessive && possessive_applies(language) {
        out = drop_possessive(out);
    }
    if rules.diacritics && !out.is_ascii() {
        out = remove_diacritics(&out);
    }
    out
}

/// Rule 3 applies to English, unknown language, and languages not written in Latin script (an
/// English name quoted in Arabic text).
pub(crate) fn possessive_applies(language: Language) -> bool {
    language == Language::English || language.script() != Script::Latin
}

/// Drops possessive endings until none is left (`x's'` → `x's` → `x`), so keys are idempotent.
fn drop_possessive(mut word: String) -> String {
    while word.chars().count() > 2 && !CONTRACTIONS.contains(&word.to_lowercase().as_str()) {
        if word.ends_with("'s") || word.ends_with("'S") {
            word.truncate(word.len() - 2);
        } else if word.ends_with("s'") || word.ends_with("S'") {
            word.truncate(word.len() - 1);
        } else {
            break;
        }
    }
    word
}

/// Rule 4.
fn remove_diacritics(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in super::unicode::nfd(word).chars() {
        match c {
            _ if is_latin_mark(c) => {}
            'ø' => out.push('o'),
            'Ø' => out.push('O'),
            'æ' => out.push_str("ae"),
            'Æ' => out.push_str("AE"),
            'œ' => out.push_str("oe"),
            'Œ' => out.push_str("OE"),
            'ł' => out.push('l'),
            'Ł' => out.push('L'),
            'đ' => out.push('d'),
            'Đ' => out.push('D'),
            _ => out.push(c),
        }
    }
    super::unicode::nfc(&out)
}

/// Marks removed by rule 4: the combining diacritical blocks (not Arabic tashkeel or the marks
/// of other scripts, which carry letters' identity there).
fn is_latin_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}')
}

#[cfg(test)]
mod tests {
    use crate::lang::Language;
    use crate::normalize::{fold, key, FoldLevel, Folding};

    fn folded(w: &str) -> String {
        key(w, FoldLevel::Folded, Language::English)
    }

    #[test]
    fn rule_1_case_is_folded_fully() {
        assert_eq!(folded("The"), "the");
        assert_eq!(folded("ÉCOLE"), "école");
        assert_eq!(folded("Straße"), "strasse");
        assert_eq!(folded("STRAẞE"), "strasse");
        assert_eq!(folded("ΟΔΟΣ"), "οδοσ");
    }

    #[test]
    fn rule_2_apostrophes_are_unified() {
        assert_eq!(folded("don’t"), "don't");
        assert_eq!(folded("O’Neill"), "o'neill");
    }

    #[test]
    fn rule_3_english_possessive_is_dropped() {
        assert_eq!(folded("Reuters’s"), "reuters");
        assert_eq!(folded("Lee's"), "lee");
        assert_eq!(folded("Residents'"), "residents");
        assert_eq!(folded("It's"), "it's");
        assert_eq!(folded("let’s"), "let's");
        // Not in French, where 's is not a possessive.
        assert_eq!(
            key("Jacques's", FoldLevel::Folded, Language::French),
            "jacques's"
        );
        // An English name quoted in Arabic text.
        assert_eq!(
            key("Amazon's", FoldLevel::Folded, Language::Arabic),
            "amazon"
        );
    }

    #[test]
    fn rule_4_diacritics_only_when_asked() {
        assert_eq!(folded("maïs"), "maïs");
        let mut rules = Folding::folded();
        rules.latin.diacritics = true;
        assert_eq!(fold("maïs", &rules, Language::French), "mais");
        assert_eq!(fold("Pelé", &rules, Language::English), "pele");
        assert_eq!(fold("Søren", &rules, Language::English), "soren");
        assert_eq!(fold("Łódź", &rules, Language::English), "lodz");
    }

    #[test]
    fn fullwidth_and_ligatures_fold_through_nfkc() {
        assert_eq!(folded("ＢＢＣ"), "bbc");
        assert_eq!(folded("ﬁnal"), "final");
    }
}
