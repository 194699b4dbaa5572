//! Keys for counting and matching: folded forms of a word. The text shown is never rewritten.
//!
//! A key is made at a [`FoldLevel`], each level a preset of [`Folding`] rules:
//! - `Exact`: the word as written, in Unicode canonical form (NFC).
//! - `Folded` (the default for counting): compatibility form (NFKC, so Arabic presentation forms
//!   like `ﻻ` fold), format characters (bidi controls, ZWNJ, soft hyphen) dropped, Arabic-Indic
//!   digits, separators and percent sign made ASCII, case folded, apostrophes unified and the English possessive `'s`
//!   dropped (see `latin.rs`); for Arabic, tashkeel and tatweel removed, alef variants, alef
//!   maqsura and Persian/Urdu letter variants unified, and proclitics split off (see
//!   `arabic.rs`). Teh marbuta and Latin diacritics are kept: folding them loses distinctions.
//! - `Stemmed`: folded, teh marbuta `ة → ه`, hamza carriers and Latin diacritics folded too,
//!   then stemmed: Arabic-script words by light suffix stripping (`arabic.rs`), others with the
//!   Snowball stemmer of the word's language (`rust-stemmers`: English, French, Spanish, German,
//!   Italian, Portuguese, Dutch, Turkish, Russian).
//!
//! Rules apply by script: the Arabic rules to Arabic letters, the Latin rules to Latin letters,
//! whatever the text's language; the language picks the stemmer and the English-only rules.
//! Every key is idempotent: `key(&key(w, l, g), l, g) == key(w, l, g)`.

pub mod arabic;
pub mod latin;
pub mod unicode;

use crate::lang::Language;
use crate::token::Script;
use rust_stemmers::{Algorithm, Stemmer};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

pub use arabic::{split_clitics, ArabicFolding, Clitics};
pub use latin::LatinFolding;

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

/// The Unicode normalization form a key starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Canonical {
    /// Canonical composition: only the encoding of the same text is unified.
    Nfc,
    /// Compatibility composition: presentation forms, ligatures, full-width letters unified.
    Nfkc,
}

/// The folding rules of a key, each an explicit option. Presets: [`Folding::exact`],
/// [`Folding::folded`], [`Folding::stemmed`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Folding {
    /// The normalization form applied first.
    pub canonical: Canonical,
    /// Drop format characters: bidi controls (U+202A–202E, U+2066–2069, LRM, RLM, ALM), ZWSP,
    /// ZWNJ, word joiner, BOM and soft hyphen. (ZWJ and variation selectors stay: emoji need them.)
    pub format_characters: bool,
    /// Arabic-Indic `٠–٩` and Eastern Arabic-Indic `۰–۹` digits become ASCII `0–9`, and the
    /// Arabic decimal separator `٫`, thousands separator `٬` and percent sign `٪` become `.`,
    /// `,` and `%`: `١٫٥` and `1.5` have one key.
    pub digits: bool,
    /// The Latin-script rules.
    pub latin: LatinFolding,
    /// The Arabic-script rules.
    pub arabic: ArabicFolding,
    /// Stem with the Snowball stemmer of the language (after all other rules).
    pub stem: bool,
}

impl Folding {
    /// The `Exact` level: NFC only.
    pub const fn exact() -> Folding {
        Folding {
            canonical: Canonical::Nfc,
            format_characters: false,
            digits: false,
            latin: LatinFolding::none(),
            arabic: ArabicFolding::none(),
            stem: false,
        }
    }

    /// The `Folded` level (see the module docs).
    pub const fn folded() -> Folding {
        Folding {
            canonical: Canonical::Nfkc,
            format_characters: true,
            digits: true,
            latin: LatinFolding::folded(),
            arabic: ArabicFolding::folded(),
            stem: false,
        }
    }

    /// The `Stemmed` level (see the module docs).
    pub const fn stemmed() -> Folding {
        Folding {
            canonical: Canonical::Nfkc,
            format_characters: true,
            digits: true,
            latin: LatinFolding::stemmed(),
            arabic: ArabicFolding::stemmed(),
            stem: true,
        }
    }

    /// The preset of a level.
    pub const fn for_level(level: FoldLevel) -> Folding {
        match level {
            FoldLevel::Exact => Folding::exact(),
            FoldLevel::Folded => Folding::folded(),
            FoldLevel::Stemmed => Folding::stemmed(),
        }
    }
}

/// The key of `word` at `level`, for a word of `language`.
///
/// ```
/// use article_analyzer::normalize::{key, FoldLevel};
/// use article_analyzer::lang::Language;
/// assert_eq!(key("مُحَمَّد", FoldLevel::Folded, Language::Arabic), "محمد");
/// assert_eq!(key("The", FoldLevel::Folded, Language::English), "the");
/// assert_eq!(key("The", FoldLevel::Exact, Language::English), "The");
/// assert_eq!(key("والفلسطينيين", FoldLevel::Folded, Language::Arabic), "فلسطينيين");
/// assert_eq!(key("Reuters’s", FoldLevel::Folded, Language::English), "reuters");
/// assert_eq!(key("٢٠٢٦", FoldLevel::Folded, Language::Arabic), "2026");
/// assert_eq!(key("running", FoldLevel::Stemmed, Language::English), "run");
/// ```
pub fn key(word: &str, level: FoldLevel, language: Language) -> String {
    key_cow(word, level, language).into_owned()
}

/// Like [`key`], without allocating when the word already is its own key (the common case for
/// lowercase ASCII words and undecorated Arabic words at `Folded`).
///
/// ```
/// use std::borrow::Cow;
/// use article_analyzer::normalize::{key_cow, FoldLevel};
/// use article_analyzer::lang::Language;
/// assert!(matches!(key_cow("news", FoldLevel::Folded, Language::English), Cow::Borrowed("news")));
/// ```
pub fn key_cow(word: &str, level: FoldLevel, language: Language) -> Cow<'_, str> {
    if level == FoldLevel::Folded {
        if is_plain_folded(word) {
            return Cow::Borrowed(word);
        }
        if let Some(key) = plain_arabic_key(word) {
            return Cow::Borrowed(key);
        }
    }
    if level == FoldLevel::Exact && word.is_ascii() {
        return Cow::Borrowed(word);
    }
    Cow::Owned(fold(word, &Folding::for_level(level), language))
}

/// True when every word has the same `folded` key in language `a` as in `b`: at `folded`, the
/// language only decides whether the English possessive `'s` is dropped (see `latin.rs`).
///
/// ```
/// use article_analyzer::normalize::folded_keys_agree;
/// use article_analyzer::lang::Language;
/// assert!(folded_keys_agree(Language::English, Language::Arabic));
/// assert!(!folded_keys_agree(Language::English, Language::French));
/// ```
pub fn folded_keys_agree(a: Language, b: Language) -> bool {
    latin::possessive_applies(a) == latin::possessive_applies(b)
}

/// The `folded` key of a word of Arabic base letters that the letter rules leave as it is (no
/// `أ إ آ`, no tashkeel or tatweel, no `ى` but in `على`): what follows its proclitics, a slice
/// of the word (most Arabic words of news text; the same key as [`folded_fast`], which a
/// property test checks). `None` for any other word.
fn plain_arabic_key(word: &str) -> Option<&str> {
    let alef_maqsura = unchanged_arabic_letters(word)?;
    if alef_maqsura && !arabic::is_ala(word) {
        return None;
    }
    word.get(arabic::clitics_len(word)..)
}

/// For a word of Arabic base letters other than `أ إ آ` (which the letter rules leave as they
/// are), whether it holds an alef maqsura (`ى`, `D9 89`); `None` for any other word.
fn unchanged_arabic_letters(word: &str) -> Option<bool> {
    let bytes = word.as_bytes();
    if bytes.len() % 2 != 0 {
        return None;
    }
    let mut alef_maqsura = false;
    for pair in bytes.chunks_exact(2) {
        if !crate::token::is_arabic_base_letter(pair) || matches!(*pair, [0xD8, 0xA2 | 0xA3 | 0xA5])
        {
            return None;
        }
        alef_maqsura |= pair == [0xD9, 0x89];
    }
    Some(alef_maqsura)
}

/// True for a lowercase ASCII word without apostrophes: already folded.
fn is_plain_folded(word: &str) -> bool {
    word.bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'.'))
}

/// The key of `word` under explicit `folding` rules.
///
/// ```
/// use article_analyzer::normalize::{fold, Folding};
/// use article_analyzer::lang::Language;
/// let mut rules = Folding::folded();
/// rules.latin.diacritics = true;
/// assert_eq!(fold("Maïs", &rules, Language::French), "mais");
/// rules.arabic.teh_marbuta = true;
/// assert_eq!(fold("مدرسة", &rules, Language::Arabic), "مدرسه");
/// ```
pub fn fold(word: &str, folding: &Folding, language: Language) -> String {
    let mut out = fold_once(word, folding, language);
    if folding.stem {
        // Stemming can bring together pieces that fold further (marks to reorder, a new
        // proclitic-looking start); repeat until stable so that keys are idempotent.
        for _ in 0..4 {
            let next = fold_once(&out, folding, language);
            if next == out {
                break;
            }
            out = next;
        }
    }
    out
}

fn fold_once(word: &str, folding: &Folding, language: Language) -> String {
    if *folding == Folding::folded() {
        if let Some(key) = folded_fast(word) {
            return key;
        }
    }
    if *folding == Folding::stemmed() {
        if let Some(letters) = stemmed_letters_fast(word) {
            return finish(letters, folding, language);
        }
    }
    fold_general(word, folding, language)
}

/// The letters of the `stemmed` key (before proclitics and stemming, see [`finish`]) of the two
/// most common kinds of word, without the general path's passes and copies; the same as
/// [`letters_of`] (a property test checks it): ASCII without apostrophes is lowercased, and
/// Arabic base letters with or without tashkeel and tatweel take the Arabic rules alone (as in
/// [`folded_fast`], normalizing changes nothing the rules keep). `None` for other words.
fn stemmed_letters_fast(word: &str) -> Option<String> {
    if word.is_ascii() {
        return (!word.contains('\'')).then(|| word.to_ascii_lowercase());
    }
    is_plain_arabic(word).then(|| arabic::fold_letters(word, &ArabicFolding::stemmed()))
}

/// True when `word` is Arabic base letters (U+0621–U+063A, U+0641–U+064A) with or without
/// tashkeel (U+064B–U+0652) and tatweel: the words both fast paths take.
fn is_plain_arabic(word: &str) -> bool {
    word.chars()
        .all(|c| matches!(c, '\u{0621}'..='\u{063A}' | '\u{0640}'..='\u{0652}'))
}

/// The `folded` key of the two most common kinds of word, made without the general path's
/// passes and copies; the same key as [`fold_general`] (a property test checks it):
/// - ASCII without apostrophes: NFKC, format characters, digits, the Arabic rules and the
///   possessive change nothing, so the key is the word in lowercase.
/// - Arabic base letters (U+0621–U+063A, U+0641–U+064A), with or without tashkeel
///   (U+064B–U+0652) and tatweel: no other marks, digits or presentation forms. Normalizing
///   only reorders the tashkeel (whose classes are all below those of hamza and madda, so a
///   hamza letter comes back whole), the rules then drop it and the tatweel, and the Latin
///   rules do not apply: the key is the base letters under the alef and alef maqsura rules,
///   then the proclitic split.
///
/// `None` for other words.
fn folded_fast(word: &str) -> Option<String> {
    if word.is_ascii() {
        if word.contains('\'') {
            return None;
        }
        return Some(word.to_ascii_lowercase());
    }
    let (mut out, alef_maqsura) = plain_arabic_letters(word)?;
    if alef_maqsura && !arabic::is_ala(&out) {
        out = out.replace('ى', "ي");
    }
    Some(arabic::strip_clitics_owned(out))
}

/// The letters of a plain Arabic word ([`is_plain_arabic`]) with the alef rule (`أ إ آ` → `ا`)
/// and without tashkeel and tatweel, read two bytes at a time (each of these characters is
/// two bytes in UTF-8: `D8 A1`–`D8 BA` and `D9 80`–`D9 92`), and whether they hold an alef
/// maqsura (`ى`, `D9 89`); `None` for any other word. Most words are base letters that the
/// alef rule leaves alone: those are copied whole, after one pass that only compares.
fn plain_arabic_letters(word: &str) -> Option<(String, bool)> {
    if let Some(alef_maqsura) = unchanged_arabic_letters(word) {
        return Some((word.to_owned(), alef_maqsura));
    }
    let bytes = word.as_bytes();
    if bytes.len() % 2 != 0 {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len());
    for pair in bytes.chunks_exact(2) {
        match *pair {
            // `آ` `أ` `إ` (U+0622, U+0623, U+0625) → `ا` (U+0627).
            [0xD8, 0xA2 | 0xA3 | 0xA5] => out.extend_from_slice(&[0xD8, 0xA7]),
            _ if crate::token::is_arabic_base_letter(pair) => out.extend_from_slice(pair),
            // Tatweel (U+0640) and tashkeel (U+064B–U+0652).
            [0xD9, 0x80 | 0x8B..=0x92] => {}
            _ => return None,
        }
    }
    let alef_maqsura = out.chunks_exact(2).any(|pair| pair == [0xD9, 0x89]);
    String::from_utf8(out).ok().map(|out| (out, alef_maqsura))
}

/// Every rule of `folding`, one after the other.
fn fold_general(word: &str, folding: &Folding, language: Language) -> String {
    finish(letters_of(word, folding, language), folding, language)
}

/// The rules of `folding` on the characters of `word`: canonical form, format characters,
/// digits, the Arabic and the Latin letter rules.
fn letters_of(word: &str, folding: &Folding, language: Language) -> String {
    let canonical: String = match folding.canonical {
        Canonical::Nfc => unicode::nfc(word),
        Canonical::Nfkc => unicode::nfkc(word),
    };
    let mut out = String::with_capacity(canonical.len());
    for c in canonical.chars() {
        if folding.format_characters && is_format_character(c) {
            continue;
        }
        let c = if folding.digits { ascii_digit(c) } else { c };
        out.push(c);
    }
    let out = arabic::fold_letters(&out, &folding.arabic);
    let out = latin::fold(&out, &folding.latin, language);
    // Folding can leave a decomposed sequence (`ß` + acute → `ss` + acute); recompose it so
    // that folding the key again changes nothing.
    if out.is_ascii() {
        out
    } else {
        unicode::nfc(&out)
    }
}

/// The rules of `folding` after the letters ([`letters_of`]): Arabic proclitics, then the
/// stemmer.
fn finish(out: String, folding: &Folding, language: Language) -> String {
    let script = Script::of_text(&out);
    let arabic_clitics = script == Script::Arabic && folding.arabic.clitics;
    let out = if arabic_clitics {
        arabic::strip_clitics_owned(out)
    } else {
        out
    };
    if !folding.stem {
        return out;
    }
    if script == Script::Arabic {
        return arabic::light_stem(&out);
    }
    let Some(algorithm) = stemmer(script, language) else {
        return out;
    };
    // Stem until stable: Snowball stemmers are not always idempotent; keys must be.
    let stemmer = Stemmer::create(algorithm);
    let mut current = out;
    for _ in 0..6 {
        let next = stemmer.stem(&current).into_owned();
        // A stem must keep the word's script (mixed-script junk could lose its first letters).
        if next == current || next.is_empty() || Script::of_text(&next) != script {
            break;
        }
        current = next;
    }
    current
}

/// The Snowball stemmer for a word of `script` in a text of `language`: the language's when its
/// script matches the word's, else English for Latin-script words. (Arabic-script words use the
/// light suffix stemmer of `arabic.rs`: Snowball's Arabic stemmer strips prefixes on its own,
/// `وزيرة` → `زير`, against the curated proclitic rules.)
fn stemmer(script: Script, language: Language) -> Option<Algorithm> {
    let language = if language.script() == script {
        language
    } else {
        match script {
            Script::Latin => Language::English,
            _ => return None,
        }
    };
    Some(match language {
        Language::English => Algorithm::English,
        Language::French => Algorithm::French,
        Language::Spanish => Algorithm::Spanish,
        Language::German => Algorithm::German,
        Language::Italian => Algorithm::Italian,
        Language::Portuguese => Algorithm::Portuguese,
        Language::Dutch => Algorithm::Dutch,
        Language::Turkish => Algorithm::Turkish,
        Language::Russian => Algorithm::Russian,
        _ => return None,
    })
}

/// Format characters dropped from folded keys (see [`Folding::format_characters`]).
pub fn is_format_character(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{200B}'
            | '\u{200C}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// ASCII for Arabic-Indic and Eastern Arabic-Indic digits and the Arabic decimal separator,
/// thousands separator and percent sign; other chars unchanged.
pub fn ascii_digit(c: char) -> char {
    match c {
        '\u{066B}' => '.',
        '\u{066C}' => ',',
        '\u{066A}' => '%',
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        _ => c,
    }
}

/// Arabic tashkeel: harakat, tanween, shadda, sukun, dagger alef and Quranic marks.
pub fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_is_nfc_only() {
        assert_eq!(key("e\u{301}", FoldLevel::Exact, Language::French), "é");
        assert_eq!(key("مُحَمَّد", FoldLevel::Exact, Language::Arabic), "مُحَمَّد");
    }

    #[test]
    fn folded_drops_format_characters_and_makes_digits_ascii() {
        assert_eq!(
            key("\u{202B}خبر\u{202C}", FoldLevel::Folded, Language::Arabic),
            "خبر"
        );
        assert_eq!(key("۱۲۳", FoldLevel::Folded, Language::Persian), "123");
        assert_eq!(key("٣٫٥", FoldLevel::Folded, Language::Arabic), "3.5");
        assert_eq!(key("١٬٢٥٠", FoldLevel::Folded, Language::Arabic), "1,250");
        assert_eq!(key("٪", FoldLevel::Folded, Language::Arabic), "%");
    }

    #[test]
    fn key_cow_borrows_plain_words() {
        assert!(matches!(
            key_cow("news", FoldLevel::Folded, Language::English),
            Cow::Borrowed(_)
        ));
        assert_eq!(
            key_cow("News", FoldLevel::Folded, Language::English),
            "news"
        );
    }

    #[test]
    fn stemmed_uses_the_words_script_when_language_differs() {
        assert_eq!(
            key("markets", FoldLevel::Stemmed, Language::Arabic),
            "market"
        );
        assert_eq!(
            key("Marchés", FoldLevel::Stemmed, Language::French),
            "march"
        );
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn idempotent(word: &str) -> Result<(), TestCaseError> {
        for level in [FoldLevel::Exact, FoldLevel::Folded, FoldLevel::Stemmed] {
            for language in [Language::Arabic, Language::English, Language::French] {
                let once = key(word, level, language);
                let twice = key(&once, level, language);
                prop_assert_eq!(&twice, &once, "{:?} {:?} {:?}", word, level, language);
            }
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn keys_are_idempotent_on_arabic_like_words(
            w in "[\u{64B}\u{64E}\u{651}\u{670}\u{640}ابتدرسعفقكلمنهويىةأإآٱءئؤپچژکگیﻻﺍ٠-٩ ۰-۹\u{202B}\u{200C}]{0,12}"
        ) {
            idempotent(&w)?;
        }

        #[test]
        fn keys_are_idempotent_on_latin_like_words(
            w in "[a-zA-ZéÉïßẞçÇøØæœİı'’\u{301}\u{308}\\-.0-9]{0,12}"
        ) {
            idempotent(&w)?;
        }

        #[test]
        fn arabic_keys_borrowed_from_the_word_equal_the_general_ones(
            w in "[\u{621}-\u{63A}\u{641}-\u{64A}]{0,10}|(و|ف|ب|ل|ك|ال|وال|بال|لل|على|وعلى)[\u{621}-\u{63A}\u{641}-\u{64A}]{0,8}"
        ) {
            if let Some(key) = plain_arabic_key(&w) {
                for language in [Language::Arabic, Language::English] {
                    prop_assert_eq!(key, fold_general(&w, &Folding::folded(), language), "{:?}", w);
                }
            }
            prop_assert_eq!(
                key_cow(&w, FoldLevel::Folded, Language::Arabic),
                fold_general(&w, &Folding::folded(), Language::Arabic),
                "{:?}", w
            );
        }

        #[test]
        fn the_fast_folded_path_equals_the_general_one(
            w in "[\u{621}-\u{64A}a-zA-Z0-9'.\\-]{0,12}|[\u{621}-\u{63A}\u{641}-\u{64A}]{0,12}|[\u{621}-\u{655}]{0,12}|[\u{621}-\u{63A}\u{641}-\u{64A}\u{64B}-\u{652}\u{640}]{0,12}"
        ) {
            let plain = (w.is_ascii() && !w.contains('\'')) || is_plain_arabic(&w);
            prop_assert_eq!(folded_fast(&w).is_some(), plain, "{:?}", w);
            if let Some(fast) = folded_fast(&w) {
                for language in [Language::Arabic, Language::English, Language::French] {
                    prop_assert_eq!(
                        &fast,
                        &fold_general(&w, &Folding::folded(), language),
                        "{:?} {:?}", w, language
                    );
                }
            }
        }

        #[test]
        fn the_fast_stemmed_letters_equal_the_general_ones(
            w in "[\u{621}-\u{64A}a-zA-Z0-9'.\\-]{0,12}|[\u{621}-\u{63A}\u{641}-\u{64A}]{0,12}|[\u{621}-\u{655}]{0,12}|[\u{621}-\u{63A}\u{641}-\u{64A}\u{64B}-\u{652}\u{640}]{0,12}|[a-zA-Z]{0,12}"
        ) {
            if let Some(fast) = stemmed_letters_fast(&w) {
                for language in [Language::Arabic, Language::English, Language::French] {
                    prop_assert_eq!(
                        &fast,
                        &letters_of(&w, &Folding::stemmed(), language),
                        "{:?} {:?}", w, language
                    );
                    prop_assert_eq!(
                        fold(&w, &Folding::stemmed(), language),
                        {
                            // The stemming loop of `fold`, through the general path only.
                            let mut out = fold_general(&w, &Folding::stemmed(), language);
                            for _ in 0..4 {
                                let next = fold_general(&out, &Folding::stemmed(), language);
                                if next == out {
                                    break;
                                }
                                out = next;
                            }
                            out
                        },
                        "{:?} {:?}", w, language
                    );
                }
            }
        }

        #[test]
        fn keys_are_idempotent_on_any_string(w in any::<String>()) {
            idempotent(&w)?;
        }
    }
}
