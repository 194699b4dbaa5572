//! Languages the analyzer knows, and detecting them.
//!
//! Detection is by script, then by very frequent function words (no statistical model: a
//! trigram model such as `whatlang` adds about 260 KB of wasm, over the size budget).
//!
//! Rules:
//! 1. Count the letters of each script; the most frequent script decides the family.
//! 2. Arabic script: Arabic, Persian or Urdu by function words (`في من على` / `از که را است` /
//!    `کے کی ہے میں`), then by letters (Urdu `ے ں ٹ ڈ ڑ ہ ھ`; Persian `پ چ ژ گ ک ی`; Arabic
//!    `ة ي ك ى`). With no evidence either way, Arabic.
//! 3. Latin script: English, French, Spanish, German, Italian, Portuguese, Dutch or Turkish by
//!    function words; with none found, English (confidence 0).
//! 4. Cyrillic is Russian, Hebrew script is Hebrew; other scripts, and text without letters,
//!    are [`Language::Unknown`].
//! 5. Confidence is the share of the winner among the function-word hits of its family (1.0
//!    when the script alone decides, 0.0 for a fallback).

use crate::eight_bytes;
use crate::span::Span;
use crate::token::{char_at, is_letter, Script, Token};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// A language, by the rules the analyzer applies to it (stopwords, stemming, reading rates).
///
/// Deserializes from its name (`"arabic"`) or its ISO 639-1 code (`"ar"`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Language {
    /// Arabic (`ar`).
    #[serde(alias = "ar")]
    Arabic,
    /// English (`en`).
    #[serde(alias = "en")]
    English,
    /// Persian / Farsi (`fa`).
    #[serde(alias = "fa")]
    Persian,
    /// Urdu (`ur`).
    #[serde(alias = "ur")]
    Urdu,
    /// French (`fr`).
    #[serde(alias = "fr")]
    French,
    /// Spanish (`es`).
    #[serde(alias = "es")]
    Spanish,
    /// German (`de`).
    #[serde(alias = "de")]
    German,
    /// Italian (`it`).
    #[serde(alias = "it")]
    Italian,
    /// Portuguese (`pt`).
    #[serde(alias = "pt")]
    Portuguese,
    /// Dutch (`nl`).
    #[serde(alias = "nl")]
    Dutch,
    /// Turkish (`tr`).
    #[serde(alias = "tr")]
    Turkish,
    /// Russian (`ru`).
    #[serde(alias = "ru")]
    Russian,
    /// Hebrew (`he`).
    #[serde(alias = "he")]
    Hebrew,
    /// Not determined, or a language without specific rules.
    #[default]
    #[serde(alias = "und")]
    Unknown,
}

impl Language {
    /// Every language, `Unknown` last.
    pub const ALL: [Language; 14] = [
        Language::Arabic,
        Language::English,
        Language::Persian,
        Language::Urdu,
        Language::French,
        Language::Spanish,
        Language::German,
        Language::Italian,
        Language::Portuguese,
        Language::Dutch,
        Language::Turkish,
        Language::Russian,
        Language::Hebrew,
        Language::Unknown,
    ];

    /// The ISO 639-1 code, or `und` when unknown.
    ///
    /// ```
    /// use article_analyzer::lang::Language;
    /// assert_eq!(Language::Persian.code(), "fa");
    /// assert_eq!(Language::Unknown.code(), "und");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Language::Arabic => "ar",
            Language::English => "en",
            Language::Persian => "fa",
            Language::Urdu => "ur",
            Language::French => "fr",
            Language::Spanish => "es",
            Language::German => "de",
            Language::Italian => "it",
            Language::Portuguese => "pt",
            Language::Dutch => "nl",
            Language::Turkish => "tr",
            Language::Russian => "ru",
            Language::Hebrew => "he",
            Language::Unknown => "und",
        }
    }

    /// The language with this ISO 639-1 code (`und` gives `Unknown`).
    ///
    /// ```
    /// use article_analyzer::lang::Language;
    /// assert_eq!(Language::from_code("ur"), Some(Language::Urdu));
    /// assert_eq!(Language::from_code("xx"), None);
    /// ```
    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The script the language is written in.
    pub fn script(self) -> Script {
        match self {
            Language::Arabic | Language::Persian | Language::Urdu => Script::Arabic,
            Language::Russian => Script::Cyrillic,
            Language::Hebrew => Script::Hebrew,
            Language::Unknown => Script::Common,
            _ => Script::Latin,
        }
    }
}

/// The language the caller asks for: detected (`"auto"`, the default) or given by name or code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LanguageChoice {
    /// Detect the language from the text.
    #[default]
    Auto,
    /// Use this language.
    #[serde(untagged)]
    Fixed(Language),
}

impl LanguageChoice {
    /// The language to use for `text`.
    pub fn resolve(self, text: &str) -> Language {
        match self {
            LanguageChoice::Auto => detect(text),
            LanguageChoice::Fixed(l) => l,
        }
    }
}

/// Guesses the language of `text`.
///
/// ```
/// use article_analyzer::lang::{detect, Language};
/// assert_eq!(detect("قال الرئيس إن الاتفاق قريب"), Language::Arabic);
/// assert_eq!(detect("The president said the deal is close"), Language::English);
/// assert_eq!(detect("رئیس جمهور گفت که این توافق نزدیک است"), Language::Persian);
/// assert_eq!(detect("وزیر اعظم نے کہا کہ معاہدہ قریب ہے"), Language::Urdu);
/// assert_eq!(detect("Le président a dit que l'accord est proche"), Language::French);
/// ```
pub fn detect(text: &str) -> Language {
    detect_with_confidence(text).0
}

// Language bits of the function-word tables.
const AR: u16 = 1 << 0;
const FA: u16 = 1 << 1;
const UR: u16 = 1 << 2;
const EN: u16 = 1 << 0;
const FR: u16 = 1 << 1;
const ES: u16 = 1 << 2;
const DE: u16 = 1 << 3;
const IT: u16 = 1 << 4;
const PT: u16 = 1 << 5;
const NL: u16 = 1 << 6;
const TR: u16 = 1 << 7;

/// Function words of the Arabic-script languages, each with the languages (bits) it belongs to;
/// sorted for binary search (a test checks it).
const ARABIC_SCRIPT_WORDS: &[(&str, u16)] = &[
    ("آن", FA),
    ("أن", AR),
    ("أنه", AR),
    ("أو", AR),
    ("إلى", AR),
    ("إن", AR),
    ("از", FA),
    ("است", FA),
    ("التي", AR),
    ("الذي", AR),
    ("الذين", AR),
    ("الى", AR),
    ("ان", AR),
    ("اند", FA),
    ("اور", UR),
    ("این", FA),
    ("ایک", UR),
    ("با", FA),
    ("باید", FA),
    ("برای", FA),
    ("بعد", AR),
    ("به", FA),
    ("بود", FA),
    ("بين", AR),
    ("بھی", UR),
    ("تا", FA),
    ("تھا", UR),
    ("تھی", UR),
    ("جو", UR),
    ("حيث", AR),
    ("خلال", AR),
    ("خود", FA),
    ("دارد", FA),
    ("در", FA),
    ("ذلك", AR),
    ("را", FA),
    ("سے", UR),
    ("شد", FA),
    ("شده", FA),
    ("عام", AR),
    ("على", AR),
    ("عن", AR),
    ("في", AR),
    ("قال", AR),
    ("قد", AR),
    ("كان", AR),
    ("كانت", AR),
    ("كما", AR),
    ("لا", AR),
    ("لم", AR),
    ("لیے", UR),
    ("ما", AR),
    ("مع", AR),
    ("من", AR),
    ("می", FA),
    ("میں", UR),
    ("نیز", FA),
    ("نے", UR),
    ("های", FA),
    ("هذا", AR),
    ("هذه", AR),
    ("هم", FA),
    ("وفي", AR),
    ("وقال", AR),
    ("وہ", UR),
    ("وی", FA),
    ("پر", UR),
    ("کا", UR),
    ("کر", UR),
    ("کرد", FA),
    ("کند", FA),
    ("که", FA),
    ("کو", UR),
    ("کہ", UR),
    ("کی", UR),
    ("کے", UR),
    ("گفت", FA),
    ("گیا", UR),
    ("ہو", UR),
    ("ہیں", UR),
    ("ہے", UR),
    ("یک", FA),
    ("یہ", UR),
];

/// Function words of the Latin-script languages, as [`ARABIC_SCRIPT_WORDS`].
const LATIN_SCRIPT_WORDS: &[(&str, u16)] = &[
    ("a", FR),
    ("aan", NL),
    ("after", EN),
    ("al", ES),
    ("alla", IT),
    ("als", DE),
    ("ama", TR),
    ("an", EN),
    ("ancak", TR),
    ("anche", IT),
    ("and", EN),
    ("ao", PT),
    ("are", EN),
    ("as", EN),
    ("at", EN),
    ("au", FR),
    ("auch", DE),
    ("auf", DE),
    ("aus", DE),
    ("aux", FR),
    ("avec", FR),
    ("be", EN),
    ("bei", DE),
    ("bij", NL),
    ("bir", TR),
    ("bu", TR),
    ("but", EN),
    ("by", EN),
    ("ce", FR),
    ("cette", FR),
    ("che", IT),
    ("com", PT),
    ("come", IT),
    ("como", ES),
    ("con", ES | IT),
    ("d'", FR),
    ("da", PT | TR),
    ("daha", TR),
    ("dans", FR),
    ("das", DE | PT),
    ("dass", DE),
    ("dat", NL),
    ("de", NL | TR),
    ("dei", IT),
    ("del", ES),
    ("della", IT),
    ("delle", IT),
    ("dem", DE),
    ("den", DE),
    ("der", DE),
    ("des", FR | DE),
    ("değil", TR),
    ("di", IT),
    ("die", DE | NL),
    ("diye", TR),
    ("do", PT),
    ("dos", PT),
    ("du", FR),
    ("e", IT | PT),
    ("een", NL),
    ("ein", DE),
    ("eine", DE),
    ("el", ES),
    ("elle", FR),
    ("em", PT),
    ("en", NL),
    ("entre", ES),
    ("er", DE | NL),
    ("es", ES | DE),
    ("est", FR),
    ("esta", ES),
    ("este", ES),
    ("está", PT),
    ("et", FR),
    ("foi", PT),
    ("for", EN),
    ("from", EN),
    ("fue", ES),
    ("für", DE),
    ("gibi", TR),
    ("gli", IT),
    ("ha", ES | IT),
    ("han", ES),
    ("has", EN),
    ("have", EN),
    ("heeft", NL),
    ("her", TR),
    ("het", NL),
    ("hij", NL),
    ("his", EN),
    ("il", FR | IT),
    ("ile", TR),
    ("im", DE),
    ("in", EN),
    ("is", EN | NL),
    ("ist", DE),
    ("it", EN),
    ("its", EN),
    ("için", TR),
    ("kadar", TR),
    ("l'", FR),
    ("la", FR),
    ("las", ES),
    ("le", FR),
    ("les", FR),
    ("lo", ES | IT),
    ("los", ES),
    ("ma", IT),
    ("maar", NL),
    ("mais", PT),
    ("met", NL),
    ("mit", DE),
    ("más", ES),
    ("na", PT),
    ("naar", NL),
    ("nach", DE),
    ("ne", FR | TR),
    ("nel", IT),
    ("nella", IT),
    ("nicht", DE),
    ("niet", NL),
    ("no", PT),
    ("non", IT),
    ("not", EN),
    ("não", PT),
    ("o", PT),
    ("of", EN),
    ("olan", TR),
    ("olarak", TR),
    ("olduğunu", TR),
    ("om", NL),
    ("on", EN),
    ("ont", FR),
    ("ook", NL),
    ("op", NL),
    ("os", PT),
    ("par", FR),
    ("para", ES | PT),
    ("pas", FR),
    ("pela", PT),
    ("pelo", PT),
    ("per", IT),
    ("pero", ES),
    ("più", IT),
    ("plus", FR),
    ("por", ES | PT),
    ("pour", FR),
    ("que", FR | ES | PT),
    ("questo", IT),
    ("qui", FR),
    ("said", EN),
    ("se", ES),
    ("según", ES),
    ("seu", PT),
    ("sich", DE),
    ("sie", DE),
    ("sind", DE),
    ("sono", IT),
    ("sonra", TR),
    ("sont", FR),
    ("stato", IT),
    ("su", ES),
    ("sua", PT),
    ("sur", FR),
    ("sus", ES),
    ("também", PT),
    ("te", NL),
    ("that", EN),
    ("the", EN),
    ("their", EN),
    ("they", EN),
    ("this", EN),
    ("to", EN),
    ("um", PT),
    ("uma", PT),
    ("un", FR | ES),
    ("una", ES | IT),
    ("und", DE),
    ("une", FR),
    ("van", NL),
    ("var", TR),
    ("ve", TR),
    ("von", DE),
    ("voor", NL),
    ("was", EN),
    ("werd", NL),
    ("were", EN),
    ("which", EN),
    ("who", EN),
    ("will", EN),
    ("wird", DE),
    ("with", EN),
    ("wordt", NL),
    ("would", EN),
    ("wurde", DE),
    ("y", ES),
    ("yok", TR),
    ("zijn", NL),
    ("zu", DE),
    ("çok", TR),
    ("è", IT),
    ("é", PT),
    ("été", FR),
];

/// Like [`detect`], with a confidence in `0.0..=1.0` (see the module rules).
///
/// ```
/// use article_analyzer::lang::{detect_with_confidence, Language};
/// let (lang, confidence) = detect_with_confidence("Der Präsident sagte, dass die Einigung nahe ist");
/// assert_eq!(lang, Language::German);
/// assert!(confidence > 0.5);
/// assert_eq!(detect_with_confidence("2026 — 15%"), (Language::Unknown, 0.0));
/// ```
pub fn detect_with_confidence(text: &str) -> (Language, f32) {
    detect_with_letters(text, &Letters::of(text))
}

/// The letters of a text by script (rule 1): what detection counts in one pass over the text.
/// Counts add up: the letters of a text are the sum of those of its pieces, so a caller that
/// counted the pieces (the paragraphs) need not count the whole again.
///
/// ```
/// use article_analyzer::lang::{detect_with_confidence, detect_with_letters, Letters};
/// let (a, b) = ("قال الرئيس ", "The president said the deal is close");
/// let mut sum = Letters::of(a);
/// sum.add(&Letters::of(b));
/// let whole = format!("{a}{b}");
/// assert_eq!(sum, Letters::of(&whole));
/// assert_eq!(detect_with_letters(&whole, &sum), detect_with_confidence(&whole));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Letters {
    /// Arabic, Latin, Cyrillic, Hebrew, other.
    counts: [usize; 5],
    /// Letters typical of Arabic, Persian and Urdu (rule 2).
    signs: [usize; 3],
}

impl Letters {
    /// Counts the letters of `text`, over its bytes: ASCII eight bytes at a time after the
    /// first, the Arabic block (two bytes, lead `D8`–`DB`) through a table of its 256 code
    /// points, and only the other characters decoded.
    pub fn of(text: &str) -> Letters {
        let mut counts = [0usize; 5]; // arabic, latin, cyrillic, hebrew, other
        let mut signs = [0usize; 4]; // none, arabic, persian, urdu
        let block = arabic_block();
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            // ASCII first (most characters of Latin-script text and of the spaces and digits of
            // any): its letters are Latin. After one, the ASCII that follows is counted eight
            // bytes at a time (one test per ASCII character in other text).
            if b.is_ascii() {
                counts[1] += usize::from(b.is_ascii_alphabetic());
                i += 1;
                while let Some(word) =
                    eight_bytes::at(bytes, i).filter(|word| word & eight_bytes::HIGH == 0)
                {
                    counts[1] += ascii_letters_in(word);
                    i += 8;
                }
                continue;
            }
            // The Arabic block, where every letter is of the Arabic script (`Script::of_char`).
            if let (0xD8..=0xDB, Some(&next)) = (b, bytes.get(i + 1)) {
                let class = block[usize::from(b - 0xD8) << 6 | usize::from(next & 0x3F)];
                counts[0] += usize::from(class & 1);
                signs[usize::from(class >> 1)] += 1;
                i += 2;
                continue;
            }
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            i += c.len_utf8();
            if !is_letter(c) {
                continue;
            }
            // Beyond the Arabic block (supplements, presentation forms): no sign letters.
            counts[script_slot(Script::of_char(c))] += 1;
        }
        Letters {
            counts,
            signs: [signs[1], signs[2], signs[3]],
        }
    }

    /// Adds the letters of another piece of text.
    pub fn add(&mut self, other: &Letters) {
        for (a, b) in self.counts.iter_mut().zip(other.counts) {
            *a += b;
        }
        for (a, b) in self.signs.iter_mut().zip(other.signs) {
            *a += b;
        }
    }
}

/// Per code point of the Arabic block (U+0600–U+06FF): bit 0 set for a letter, bits 1–2 the
/// language it is typical of (rule 2: 1 Arabic, 2 Persian, 3 Urdu; 0 for none or no letter).
fn arabic_block() -> &'static [u8; 256] {
    static BLOCK: OnceLock<[u8; 256]> = OnceLock::new();
    BLOCK.get_or_init(|| {
        let mut block = [0u8; 256];
        for (c, slot) in ('\u{600}'..='\u{6FF}').zip(block.iter_mut()) {
            if is_letter(c) {
                *slot = 1 | sign_of(c) << 1;
            }
        }
        block
    })
}

/// The slot of `Letters::counts` for a letter of `script`.
fn script_slot(script: Script) -> usize {
    match script {
        Script::Arabic => 0,
        Script::Latin => 1,
        Script::Cyrillic => 2,
        Script::Hebrew => 3,
        _ => 4,
    }
}

/// The language an Arabic-script letter is typical of (rule 2): 1 Arabic, 2 Persian, 3 Urdu,
/// 0 none.
fn sign_of(c: char) -> u8 {
    match c {
        'ة' | 'ي' | 'ك' | 'ى' => 1,
        'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی' => 2,
        'ے' | 'ں' | 'ٹ' | 'ڈ' | 'ڑ' | 'ہ' | 'ھ' => 3,
        _ => 0,
    }
}

/// The ASCII letters among eight ASCII bytes (`word`, no byte above `0x7F`): a byte is a letter
/// when, with the case bit set, it lies in `a..=z` — both bounds tested on all eight bytes at
/// once (adding `0x1F`, then `0x05`, carries a byte into its top bit at `a`, then past `z`; no
/// byte overflows into the next, all being below `0x80`).
#[inline]
fn ascii_letters_in(word: u64) -> usize {
    use eight_bytes::{HIGH, ONES};
    let lower = word | (0x20 * ONES);
    let from_a = (lower + 0x1F * ONES) & HIGH;
    let past_z = (lower + 0x05 * ONES) & HIGH;
    (from_a & !past_z).count_ones() as usize
}

/// Like [`detect_with_confidence`], with the letters of `text` already counted (`letters` must
/// be [`Letters::of`] `text`, or the sum over pieces that make it up).
pub fn detect_with_letters(text: &str, letters: &Letters) -> (Language, f32) {
    decide(letters, |family| function_words(text, family))
}

/// The paragraphs' function words, counted over the tokens of the text: each distinct token
/// text (by id, see [`crate::intern::Surfaces`]) is read once per family, and a paragraph adds
/// up the counts of its tokens instead of reading its text again.
///
/// The sums are what [`detect_with_letters`] counts in the paragraph's (or the whole text's)
/// text: it is made of whole tokens with white space between them, so its words (runs of
/// letters and apostrophes) are the words of its tokens — unless a word runs across two tokens
/// that touch (`'s` after a closing quote), or the last word examined (`MAX_WORDS`) is one of
/// several in a token. Then the text is read as before.
pub struct TokenWords<'t> {
    text: &'t str,
    tokens: &'t [Token],
    ids: &'t [u32],
    texts: &'t [&'t str],
    /// Per text id: the hits per Arabic-script language, then the words, once counted.
    arabic: Vec<Option<[u16; 4]>>,
    /// Per text id: the hits per Latin-script language, then the words, once counted.
    latin: Vec<Option<[u16; 9]>>,
}

impl<'t> TokenWords<'t> {
    /// For the `tokens` of `text`, with their text ids (`ids` per token, `texts` per id).
    pub fn new(
        text: &'t str,
        tokens: &'t [Token],
        ids: &'t [u32],
        texts: &'t [&'t str],
    ) -> TokenWords<'t> {
        TokenWords {
            text,
            tokens,
            ids,
            texts,
            arabic: Vec::new(),
            latin: Vec::new(),
        }
    }

    /// The language of the paragraph `span` of the text, made of the tokens `first..end`,
    /// whose letters are `letters`: [`detect_with_letters`] of its text.
    pub fn detect(
        &mut self,
        span: Span,
        (first, end): (usize, usize),
        letters: &Letters,
    ) -> (Language, f32) {
        decide(letters, |family| {
            let summed = match family {
                Family::Arabic => self.sum(first, end, family, |me| &mut me.arabic),
                Family::Latin => self.sum(first, end, family, |me| &mut me.latin),
            };
            summed.unwrap_or_else(|| function_words(span.text(self.text), family))
        })
    }

    /// The language of the whole text, whose letters are `letters`: [`detect_with_letters`] of
    /// it, from the same counts (its first `MAX_WORDS` words are the first words of its
    /// tokens).
    pub fn detect_text(&mut self, letters: &Letters) -> (Language, f32) {
        let whole = Span::new(0, self.text.len());
        self.detect(whole, (0, self.tokens.len()), letters)
    }

    /// The hits of the first [`MAX_WORDS`] words of the tokens `first..end`, summed from the
    /// counts of their texts; `None` when the text must be read (see the type).
    fn sum<const N: usize>(
        &mut self,
        first: usize,
        end: usize,
        family: Family,
        memo: impl Fn(&mut Self) -> &mut Vec<Option<[u16; N]>>,
    ) -> Option<Vec<usize>> {
        let languages = family.languages().len();
        let texts = self.texts.len();
        if memo(self).len() != texts {
            *memo(self) = vec![None; texts];
        }
        // The sums in a fixed array the loop below adds to lane by lane (N − 1 languages at
        // most; unused lanes stay zero).
        let mut sum = [0usize; N];
        let mut words = 0usize;
        let mut previous: Option<(usize, &str)> = None;
        for i in first..end.min(self.tokens.len()) {
            let span = self.tokens.get(i)?.span;
            let id = *self.ids.get(i)? as usize;
            let piece = *self.texts.get(id)?;
            if let Some((previous_end, before)) = previous {
                let touching = previous_end == span.start
                    && before.chars().next_back().is_some_and(is_word_char)
                    && piece.chars().next().is_some_and(is_word_char);
                if touching {
                    return None;
                }
            }
            // Every word examined (and the one before was not cut short by this token).
            if words == MAX_WORDS {
                break;
            }
            previous = Some((span.end, piece));
            let slot = memo(self).get_mut(id)?;
            let counts = match slot {
                Some(counts) => *counts,
                None => {
                    let mut hits = [0usize; 8];
                    let seen =
                        count_function_words(piece, family, &mut hits[..languages], usize::MAX);
                    let mut counts = [0u16; N];
                    for (c, h) in counts.iter_mut().zip(&hits[..languages]) {
                        *c = u16::try_from(*h).unwrap_or(u16::MAX);
                    }
                    // More words than any paragraph examines saturate: the sum then exceeds
                    // MAX_WORDS and the paragraph is read whole.
                    counts[N - 1] = u16::try_from(seen).unwrap_or(u16::MAX);
                    *slot = Some(counts);
                    counts
                }
            };
            // A token whose words run past the last one examined: only some of them count.
            if words + usize::from(counts[N - 1]) > MAX_WORDS {
                return None;
            }
            words += usize::from(counts[N - 1]);
            for (s, c) in sum.iter_mut().zip(&counts).take(N - 1) {
                *s += usize::from(*c);
            }
        }
        Some(sum[..languages].to_vec())
    }
}

/// The two function-word tables: the languages of the Arabic script and of the Latin script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Arabic,
    Latin,
}

impl Family {
    fn table(self) -> &'static [(&'static str, u16)] {
        match self {
            Family::Arabic => ARABIC_SCRIPT_WORDS,
            Family::Latin => LATIN_SCRIPT_WORDS,
        }
    }

    fn max_len(self) -> usize {
        match self {
            Family::Arabic => ARABIC_MAX_LEN,
            Family::Latin => LATIN_MAX_LEN,
        }
    }

    /// The languages, in the order of their bits in the table.
    fn languages(self) -> &'static [Language] {
        match self {
            Family::Arabic => &[Language::Arabic, Language::Persian, Language::Urdu],
            Family::Latin => &[
                Language::English,
                Language::French,
                Language::Spanish,
                Language::German,
                Language::Italian,
                Language::Portuguese,
                Language::Dutch,
                Language::Turkish,
            ],
        }
    }
}

/// The rules, given a text's letters and its function-word hits per language of a family
/// (`hits`, asked for at most once, for the family the letters choose).
fn decide(letters: &Letters, mut hits: impl FnMut(Family) -> Vec<usize>) -> (Language, f32) {
    // Rule 1.
    let counts = letters.counts;
    let [ar_sig, fa_sig, ur_sig] = letters.signs;
    let total: usize = counts.iter().sum();
    if total == 0 {
        return (Language::Unknown, 0.0);
    }
    let best = (0..5)
        .max_by_key(|&i| (counts[i], usize::MAX - i))
        .unwrap_or(4);
    match best {
        0 => {
            let family = Family::Arabic;
            if let Some(found) = winner(&hits(family), family.languages()) {
                return found;
            }
            // Rule 2, by letters.
            if ur_sig > 0 && ur_sig * 4 >= fa_sig + ar_sig {
                (Language::Urdu, 0.0)
            } else if fa_sig > ar_sig {
                (Language::Persian, 0.0)
            } else {
                (Language::Arabic, 0.0)
            }
        }
        1 => {
            let family = Family::Latin;
            winner(&hits(family), family.languages()).unwrap_or((Language::English, 0.0))
        }
        2 => (Language::Russian, 1.0),
        3 => (Language::Hebrew, 1.0),
        _ => (Language::Unknown, 0.0),
    }
}

/// The language with the most hits, and its share; `None` without hits. Ties go to the
/// earlier language.
fn winner(hits: &[usize], langs: &[Language]) -> Option<(Language, f32)> {
    let sum: usize = hits.iter().sum();
    if sum == 0 {
        return None;
    }
    let mut best = 0;
    for i in 1..hits.len().min(langs.len()) {
        if hits[i] > hits[best] {
            best = i;
        }
    }
    let lang = *langs.get(best)?;
    Some((lang, hits[best] as f32 / sum as f32))
}

/// Words examined at most: a sample that size decides, and long texts stay fast.
const MAX_WORDS: usize = 2000;

/// The longest entry of a table, in bytes.
const fn longest(table: &[(&str, u16)]) -> usize {
    let mut i = 0;
    let mut max = 0;
    while i < table.len() {
        if table[i].0.len() > max {
            max = table[i].0.len();
        }
        i += 1;
    }
    max
}

/// Longest Arabic-script function word, in bytes.
const ARABIC_MAX_LEN: usize = longest(ARABIC_SCRIPT_WORDS);
/// Longest Latin-script function word, in bytes.
const LATIN_MAX_LEN: usize = longest(LATIN_SCRIPT_WORDS);

/// The words of a function-word table by text, built once per table (a hash probe is several
/// times cheaper than a binary search's string comparisons on this hot path), and a filter in
/// front of it: for each length up to 32 bytes, one bit per [`filter_key`] of the entries of that
/// length. Most words of a text are no function word, and most of those fail the filter
/// without a hash.
struct WordIndex {
    words: FxHashMap<&'static str, u16>,
    filter: [u128; 33],
}

/// A 7-bit key of a word for [`WordIndex`]'s filter: its first, second and last bytes mixed
/// (the second is what tells Arabic letters apart: their first bytes are alike).
#[inline]
fn filter_key(word: &[u8]) -> u32 {
    match (word.first(), word.last()) {
        (Some(&a), Some(&z)) => {
            let b = word.get(1).copied().unwrap_or(0);
            u32::from(a ^ z.rotate_left(3) ^ b.rotate_left(5)) & 127
        }
        _ => 0,
    }
}

impl WordIndex {
    fn new(table: &'static [(&'static str, u16)]) -> WordIndex {
        let mut filter = [0u128; 33];
        for (word, _) in table {
            if let Some(bits) = filter.get_mut(word.len()) {
                *bits |= 1 << filter_key(word.as_bytes());
            }
        }
        WordIndex {
            words: table.iter().copied().collect(),
            filter,
        }
    }

    /// The language bits of `word`, if it is in the table.
    #[inline]
    fn get(&self, word: &str) -> Option<u16> {
        if let Some(bits) = self.filter.get(word.len()) {
            if bits & (1 << filter_key(word.as_bytes())) == 0 {
                return None;
            }
        }
        self.words.get(word).copied()
    }
}

fn word_index(table: &'static [(&'static str, u16)]) -> &'static WordIndex {
    static ARABIC: OnceLock<WordIndex> = OnceLock::new();
    static LATIN: OnceLock<WordIndex> = OnceLock::new();
    let cell = if std::ptr::eq(table, ARABIC_SCRIPT_WORDS) {
        &ARABIC
    } else {
        &LATIN
    };
    cell.get_or_init(|| WordIndex::new(table))
}

/// For each of `languages` bits, how many words of `text` (lowercased, split at non-letters
/// except `'`) the `table` gives that bit. Elided French articles (`l'accord`) count as `l'`.
///
/// One pass over the text: each word's end, whether it is already its own lowercase and where
/// its first apostrophe is are found as its characters are read (this runs over every
/// paragraph of every text, and splitting, checking and searching each word in passes of
/// their own cost several times as much).
fn function_words(text: &str, family: Family) -> Vec<usize> {
    let mut hits = vec![0usize; family.languages().len()];
    count_function_words(text, family, &mut hits, MAX_WORDS);
    hits
}

/// Adds to `hits` (one per language of `family`) the function words among the first `cap`
/// words of `text` (see [`function_words`]); returns how many words it examined.
fn count_function_words(text: &str, family: Family, hits: &mut [usize], cap: usize) -> usize {
    let index = word_index(family.table());
    let max_len = family.max_len();
    let mut lower = String::new();
    let mut ascii_lower = [0u8; 16];
    let mut words = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while words < cap {
        // The next word: a run of letters and apostrophes.
        let Some((first, len)) = char_at(text, i) else {
            break;
        };
        if !is_word_char(first) {
            i += len;
            continue;
        }
        let start = i;
        i += len;
        // Lowercase ASCII letters, `'` and Arabic-block letters are their own lowercase, so such
        // a word is probed as it stands, without copying; other ASCII words are lowercased on
        // the stack.
        let mut as_is = is_own_lowercase(first);
        let mut ascii = first.is_ascii();
        let mut apostrophe = (first == '\'' || first == '’').then_some(0);
        loop {
            // ASCII letters and `'` byte by byte (most words of Latin-script text end here).
            match bytes.get(i) {
                Some(b) if b.is_ascii_lowercase() => {
                    i += 1;
                    continue;
                }
                Some(b) if b.is_ascii_uppercase() => {
                    as_is = false;
                    i += 1;
                    continue;
                }
                Some(b'\'') => {
                    apostrophe = apostrophe.or(Some(i - start));
                    i += 1;
                    continue;
                }
                // Arabic-block letters (U+0600–U+06FF, two bytes) are their own lowercase.
                Some(&lead @ 0xD8..=0xDB) => {
                    if let Some(&next) = bytes.get(i + 1) {
                        let c = (u32::from(lead & 0x1F) << 6) | u32::from(next & 0x3F);
                        if next & 0xC0 == 0x80 && char::from_u32(c).is_some_and(is_letter) {
                            ascii = false;
                            i += 2;
                            continue;
                        }
                    }
                }
                Some(b) if *b >= 0x80 => {}
                _ => break,
            }
            let Some((c, len)) = char_at(text, i) else {
                break;
            };
            if !is_word_char(c) {
                break;
            }
            as_is &= is_own_lowercase(c);
            ascii &= c.is_ascii();
            if apostrophe.is_none() && (c == '\'' || c == '’') {
                apostrophe = Some(i - start);
            }
            i += len;
        }
        words += 1;
        let word = text.get(start..i).unwrap_or("");
        // Function words are short: longer words cannot match, so skip them before lowercasing.
        if word.len() > 16 {
            continue;
        }
        let folded: &str = if as_is {
            word
        } else if ascii {
            let out = &mut ascii_lower[..word.len()];
            out.copy_from_slice(word.as_bytes());
            out.make_ascii_lowercase();
            std::str::from_utf8(out).unwrap_or("")
        } else {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase).map(|c| {
                if c == '’' {
                    '\''
                } else {
                    c
                }
            }));
            apostrophe = lower.find('\'');
            &lower
        };
        let probe: &str = match apostrophe {
            Some(i) if i > 0 && i <= 2 => folded.get(..=i).unwrap_or(folded),
            _ => folded,
        };
        // Longer than every entry: no match, skip the search.
        if probe.len() > max_len {
            continue;
        }
        if let Some(bits) = index.get(probe) {
            for (lang, hit) in hits.iter_mut().enumerate() {
                if bits & (1 << lang) != 0 {
                    *hit += 1;
                }
            }
        }
    }
    words
}

/// A character of a word for [`function_words`]: a letter or an apostrophe.
#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic() || c == '\''
    } else {
        c == '’' || is_letter(c)
    }
}

/// True for a character that is its own lowercase as [`function_words`] folds it: a lowercase
/// ASCII letter, `'`, or any character of the Arabic block.
#[inline]
fn is_own_lowercase(c: char) -> bool {
    c.is_ascii_lowercase() || c == '\'' || ('\u{600}'..='\u{6FF}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The letters counted character by character, as they were before the eight-byte count.
    fn letters_by_chars(text: &str) -> Letters {
        let mut total = Letters::default();
        for c in text.chars() {
            let mut buffer = [0u8; 4];
            // One character alone never fills eight bytes: the per-character path.
            total.add(&Letters::of(c.encode_utf8(&mut buffer)));
        }
        total
    }

    /// The letters of `text` character by character, by the rules: every letter of the Arabic
    /// block is Arabic and may be a sign letter; other letters by their script. (What the byte
    /// paths and the block's table must reproduce.)
    fn letters_by_rules(text: &str) -> Letters {
        let mut letters = Letters::default();
        for c in text.chars().filter(|&c| is_letter(c)) {
            letters.counts[script_slot(Script::of_char(c))] += 1;
            let sign = sign_of(c);
            if ('\u{600}'..='\u{6FF}').contains(&c) && sign > 0 {
                letters.signs[usize::from(sign) - 1] += 1;
            }
        }
        letters
    }

    #[test]
    fn every_code_point_of_the_arabic_block_counts_by_the_rules() {
        for c in '\u{600}'..='\u{6FF}' {
            let mut buffer = [0u8; 4];
            let one = c.encode_utf8(&mut buffer);
            assert_eq!(Letters::of(one), letters_by_rules(one), "{c:?}");
            assert!(
                Script::of_char(c) == Script::Arabic || !is_letter(c),
                "{c:?}"
            );
        }
    }

    #[test]
    fn eight_ascii_bytes_count_their_letters() {
        for b in 0u8..0x80 {
            let word = u64::from_le_bytes([b; 8]);
            assert_eq!(
                ascii_letters_in(word),
                8 * usize::from(b.is_ascii_alphabetic()),
                "{b:#x}"
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        #[test]
        fn letters_by_eight_bytes_are_letters_by_characters(
            text in "[ -~\\t\\néßżЖשقالةپےـ\u{64E}٣’😀\u{600}-\u{6FF}\u{750}-\u{77F}\u{FB50}-\u{FB60}]{0,40}"
        ) {
            proptest::prop_assert_eq!(Letters::of(&text), letters_by_chars(&text));
            proptest::prop_assert_eq!(Letters::of(&text), letters_by_rules(&text));
        }
    }

    #[test]
    fn arabic_persian_and_urdu_are_told_apart() {
        assert_eq!(
            detect("وقال المتحدث باسم الوزارة إن الاجتماع سيعقد في العاصمة خلال الأسبوع المقبل"),
            Language::Arabic
        );
        assert_eq!(
            detect("وزیر امور خارجه ایران در این نشست گفت که مذاکرات ادامه خواهد داشت"),
            Language::Persian
        );
        assert_eq!(
            detect("پاکستان کے وزیر خارجہ نے کہا ہے کہ مذاکرات جاری رہیں گے"),
            Language::Urdu
        );
    }

    #[test]
    fn latin_languages_by_function_words() {
        for (text, lang) in [
            (
                "El presidente dijo que el acuerdo está cerca de los votos",
                Language::Spanish,
            ),
            (
                "Il presidente ha detto che l'accordo è vicino per il governo",
                Language::Italian,
            ),
            (
                "O presidente disse que o acordo está próximo do fim",
                Language::Portuguese,
            ),
            (
                "De president zei dat het akkoord dichtbij is voor de regering",
                Language::Dutch,
            ),
            (
                "Cumhurbaşkanı anlaşmanın çok yakın olduğunu söyledi ve bu",
                Language::Turkish,
            ),
            (
                "Les habitants ont été évacués dans la nuit",
                Language::French,
            ),
        ] {
            assert_eq!(detect(text), lang, "{text}");
        }
    }

    #[test]
    fn other_scripts() {
        assert_eq!(
            detect("Президент сказал, что соглашение близко"),
            Language::Russian
        );
        assert_eq!(detect("הנשיא אמר שההסכם קרוב"), Language::Hebrew);
        assert_eq!(detect("总统说协议已经接近"), Language::Unknown);
        assert_eq!(detect(""), Language::Unknown);
    }

    #[test]
    fn function_word_tables_are_sorted_for_binary_search() {
        for table in [ARABIC_SCRIPT_WORDS, LATIN_SCRIPT_WORDS] {
            assert!(table.windows(2).all(|w| w[0].0 < w[1].0));
            assert!(table.iter().all(|(w, _)| w.len() <= 16));
        }
    }

    #[test]
    fn codes_round_trip() {
        for l in Language::ALL {
            assert_eq!(Language::from_code(l.code()), Some(l));
        }
    }
}
