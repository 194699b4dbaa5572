//! Tokens: the words, numbers, punctuation and symbols of a text, with exact spans.
//!
//! Rules, in order:
//! 1. Whitespace (`char::is_whitespace`) is never in a token: it is the gap between tokens.
//!    Tokens and gaps tile the input exactly, for every string.
//! 2. Word boundaries follow Unicode UAX #29 (`unicode-segmentation`), computed by a fast
//!    scanner for common characters that provably gives the same segments (see `scan.rs`).
//! 3. News-text refinements join or cut those segments (see `rules.rs` for the full list): URLs,
//!    e-mail addresses, `@mentions`, `#hashtags` (any script), dates (`28/11/2026`,
//!    `٢٨/١١/٢٠٢٦`, `2026-11-28`) and times (`09:45`) are single tokens; numbers keep their
//!    separators and decimals (`1,250.5`, `٣٫٥`) as UAX #29 already does; hyphenated words
//!    (`state-of-the-art`) and apostrophe words (`don't`, `O’Neill`, `Residents'`) are one token;
//!    abbreviations keep their dot (`U.S.`, `Dr.`, `د.`); a sentence glued without a space
//!    (`انتهى.وقال`) is cut at its dot; runs of punctuation (`...`, `?!`, `--`, `***`, `؟؟`)
//!    and emoticons (`:)`, `:-(`) are single tokens, as UD treebanks keep them.
//! 4. Signs stay their own tokens: `%` and `٪` after a number, `$` before one, `-` before one.
//!    (UD treebanks split them the same way; entity recognition builds percent and money
//!    entities from the number and its sign.)
//! 5. Emoji: one token per emoji sequence (ZWJ sequences, flags, skin tones, keycaps), as UAX #29
//!    keeps them. Format characters (bidi controls U+202A–202E, U+2066–2069, ZWJ/ZWNJ, LRM/RLM)
//!    are never lost: UAX #29 attaches them to the token before; at the start of a chunk they
//!    join the token after; alone, they are a `symbol` token.
//! 6. Each token gets a [`TokenKind`] (the recognizer's, else from its characters: a letter
//!    makes a `word`, else an emoji an `emoji`, else a digit a `number`, else punctuation, else
//!    a `symbol`) and a [`Script`] (that of its first letter of a known script).

mod abbreviations;
mod rules;
mod scan;
mod script;

pub(crate) use scan::char_at;
pub use scan::is_letter;
pub use script::Script;

use crate::span::Span;
use rules::Special;
use serde::Serialize;

/// What a token is, for a reader of articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum TokenKind {
    /// A word in any script (letters, with marks and joining punctuation inside).
    Word,
    /// A number written with digits of any script, with separators and decimals.
    Number,
    /// Punctuation: `. , ؟ « » “ ”` and the like.
    Punctuation,
    /// Any other symbol: currency signs, math, arrows.
    Symbol,
    /// A web address: `https://…`, `www.…`.
    Url,
    /// An e-mail address.
    Email,
    /// A `@mention`.
    Mention,
    /// A `#hashtag`.
    Hashtag,
    /// One emoji sequence (with its modifiers, ZWJ parts, flag pair or keycap).
    Emoji,
    /// A date written with digits: `28/11/2026`, `٢٨/١١/٢٠٢٦`, `2026-11-28`.
    Date,
    /// A time of day: `09:45`, `6:30:15`.
    Time,
}

/// A token: its span in the text, its kind and its script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where the token is, in bytes.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
    /// The script of its letters ([`Script::Common`] for digits, punctuation and symbols).
    pub script: Script,
}

/// Splits `text` into tokens, in order, skipping whitespace.
///
/// ```
/// use article_analyzer::token::{tokenize, TokenKind};
/// let text = "قال 3 رجال.";
/// let kinds: Vec<_> = tokenize(text).iter().map(|t| (t.span.text(text), t.kind)).collect();
/// assert_eq!(kinds, [
///     ("قال", TokenKind::Word),
///     ("3", TokenKind::Number),
///     ("رجال", TokenKind::Word),
///     (".", TokenKind::Punctuation),
/// ]);
/// ```
///
/// News-text refinements:
///
/// ```
/// use article_analyzer::token::{tokenize, TokenKind};
/// let text = "Dr. Lee met U.S. officials at 09:45 on 28/11/2026 (15%) #COP28 😀";
/// let found: Vec<_> = tokenize(text).iter().map(|t| (t.span.text(text), t.kind)).collect();
/// assert_eq!(found, [
///     ("Dr.", TokenKind::Word),
///     ("Lee", TokenKind::Word),
///     ("met", TokenKind::Word),
///     ("U.S.", TokenKind::Word),
///     ("officials", TokenKind::Word),
///     ("at", TokenKind::Word),
///     ("09:45", TokenKind::Time),
///     ("on", TokenKind::Word),
///     ("28/11/2026", TokenKind::Date),
///     ("(", TokenKind::Punctuation),
///     ("15", TokenKind::Number),
///     ("%", TokenKind::Punctuation),
///     (")", TokenKind::Punctuation),
///     ("#COP28", TokenKind::Hashtag),
///     ("😀", TokenKind::Emoji),
/// ]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    tokenize_with(text, true)
}

/// [`tokenize`], with or without the plain-word shortcut (the tests check both agree).
fn tokenize_with(text: &str, shortcut: bool) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 6 + 1);
    let mut at = 0;
    while let Some(chunk) = scan::next_chunk(text, at) {
        if chunk.start >= chunk.end {
            break;
        }
        let mut pos = chunk.start;
        while pos < chunk.end {
            if shortcut {
                if let Some((end, script)) = plain_word(text.as_bytes(), pos, chunk.end) {
                    if tokens.len() == tokens.capacity() {
                        reserve_for_rest(&mut tokens, pos, text.len());
                    }
                    tokens.push(Token {
                        span: Span::new(pos, end),
                        kind: TokenKind::Word,
                        script,
                    });
                    pos = end;
                    continue;
                }
            }
            let (end, special) = rules::next_token(text, pos, &chunk);
            // Progress and char boundaries are guaranteed by the rules; this guard keeps the
            // loop total even if a rule ever misbehaved.
            let end = if end > pos && end <= chunk.end && text.is_char_boundary(end) {
                end
            } else {
                next_boundary(text, pos)
            };
            let piece = text.get(pos..end).unwrap_or("");
            let (kind, script) = describe(piece, special);
            if tokens.len() == tokens.capacity() {
                reserve_for_rest(&mut tokens, pos, text.len());
            }
            tokens.push(Token {
                span: Span::new(pos, end),
                kind,
                script,
            });
            pos = end;
        }
        at = chunk.end;
    }
    // The list lives as long as the analysis: give back what the estimates left unused (a
    // large block shrinks in place, without a copy).
    tokens.shrink_to_fit();
    tokens
}

/// The end and script of a plain word at `pos` that the rest of its chunk (which ends at `end`)
/// is made of: ASCII letters only (Latin), or Arabic base letters only (U+0621–U+063A,
/// U+0641–U+064A: no marks, no tatweel; Arabic), then either nothing or one closing sign
/// (`,` `;` `)` `!` `?` `"` `،` `؛` `؟`) that ends the chunk. No rule joins, cuts or extends
/// such a run (it holds no dot, colon, slash, hyphen, apostrophe, `@` or digit, and whitespace
/// follows it), so it is one word token, and most words of news text are; the rules and the
/// segmenter are skipped for it (the sign after it is left to them). Tests check that the
/// tokens are the same without this shortcut, on any mix of letters and signs.
#[inline]
fn plain_word(bytes: &[u8], pos: usize, end: usize) -> Option<(usize, Script)> {
    let rest = bytes.get(pos..end)?;
    let first = *rest.first()?;
    let (letters, script) = if first.is_ascii_alphabetic() {
        let n = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        (n, Script::Latin)
    } else {
        let n = rest
            .chunks_exact(2)
            .take_while(|pair| is_arabic_base_letter(pair))
            .count();
        (n * 2, Script::Arabic)
    };
    let closing = match rest.get(letters..)? {
        [] => true,
        [b',' | b';' | b')' | b'!' | b'?' | b'"'] => true,
        // ، ؛ ؟
        [0xD8, 0x8C | 0x9B | 0x9F] => true,
        _ => false,
    };
    (letters > 0 && closing).then_some((pos + letters, script))
}

/// True when `bytes` begin with the UTF-8 of an Arabic base letter: U+0621–U+063A (`D8 A1`–`D8
/// BA`) or U+0641–U+064A (`D9 81`–`D9 8A`), no mark, tatweel or digit.
#[inline]
pub(crate) fn is_arabic_base_letter(bytes: &[u8]) -> bool {
    match bytes {
        [0xD8, b, ..] => (0xA1..=0xBA).contains(b),
        [0xD9, b, ..] => (0x81..=0x8A).contains(b),
        _ => false,
    }
}

/// Makes room in a full `tokens` for the rest of a text of `len` bytes, `done` of them read:
/// as many tokens again as the bytes read so far gave per byte, and 1/16 more, rather than
/// doubling. On a long text doubling left up to half the list unused, and the wasm memory a
/// copy grows into never shrinks back: at 5 MB of English, 20 MB reserved for 11.5 MB of tokens.
/// At least a quarter more each time, so a text denser at its end still grows geometrically.
fn reserve_for_rest(tokens: &mut Vec<Token>, done: usize, len: usize) {
    let have = tokens.len();
    let rest = len.saturating_sub(done);
    let per_byte = have as f64 / done.max(1) as f64;
    let more = (rest as f64 * per_byte * (17.0 / 16.0)) as usize;
    tokens.reserve_exact(more.max(have / 4).max(64));
}

fn next_boundary(text: &str, pos: usize) -> usize {
    let mut e = pos + 1;
    while e < text.len() && !text.is_char_boundary(e) {
        e += 1;
    }
    e.min(text.len())
}

/// Kind and script of a token's text, in one pass.
fn describe(piece: &str, special: Option<Special>) -> (TokenKind, Script) {
    let mut script = Script::Common;
    let mut other_script = false;
    let (mut letter, mut digit, mut punct, mut emoji) = (false, false, false, false);
    for c in piece.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                letter = true;
                if script == Script::Common {
                    script = Script::Latin;
                }
            } else if c.is_ascii_digit() {
                digit = true;
            } else if is_punctuation(c) {
                punct = true;
            }
            continue;
        }
        if scan::is_letter(c) {
            letter = true;
            if script == Script::Common {
                match Script::of_char(c) {
                    Script::Other => other_script = true,
                    s => script = s,
                }
            }
        } else if scan::is_letter_or_digit(c) {
            digit = true;
        } else if is_punctuation(c) {
            punct = true;
        } else if is_emoji(c) {
            emoji = true;
        }
    }
    if script == Script::Common && other_script {
        script = Script::Other;
    }
    let kind = match special {
        Some(Special::Url) => TokenKind::Url,
        Some(Special::Email) => TokenKind::Email,
        Some(Special::Mention) => TokenKind::Mention,
        Some(Special::Hashtag) => TokenKind::Hashtag,
        Some(Special::Date) => TokenKind::Date,
        Some(Special::Time) => TokenKind::Time,
        None if letter => TokenKind::Word,
        None if emoji => TokenKind::Emoji,
        None if digit => TokenKind::Number,
        None if punct => TokenKind::Punctuation,
        None => TokenKind::Symbol,
    };
    (kind, script)
}

/// Characters that make a token an emoji: pictographs, dingbats, regional indicators, the
/// emoji presentation selector and the keycap mark.
fn is_emoji(c: char) -> bool {
    matches!(c,
        '\u{1F000}'..='\u{1FAFF}'
        | '\u{2600}'..='\u{27BF}'
        | '\u{2B00}'..='\u{2BFF}'
        | '\u{231A}' | '\u{231B}' | '\u{2328}' | '\u{23CF}' | '\u{23E9}'..='\u{23FA}'
        | '\u{3030}' | '\u{303D}' | '\u{3297}' | '\u{3299}'
        | '\u{FE0F}' | '\u{20E3}')
}

/// Punctuation as a reader sees it: ASCII punctuation other than symbols, plus the general
/// punctuation block, CJK and Arabic punctuation.
pub(crate) fn is_punctuation(c: char) -> bool {
    matches!(c,
        '!' | '"' | '#' | '%' | '&' | '\'' | '(' | ')' | '*' | ',' | '-' | '.' | '/' | ':'
        | ';' | '?' | '@' | '[' | '\\' | ']' | '_' | '{' | '}'
        | '\u{00A1}' | '\u{00A7}' | '\u{00AB}' | '\u{00B6}' | '\u{00B7}' | '\u{00BB}'
        | '\u{00BF}'
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}'
        | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301F}'
        | '\u{060C}' | '\u{060D}' | '\u{061B}' | '\u{061E}' | '\u{061F}'
        | '\u{066A}'..='\u{066D}' | '\u{06D4}'
        | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_gaps_tile_the_input() {
        let text = "  Hello, world!  مرحبا بالعالم ٣٫٥ 😀\n";
        let mut rebuilt = String::new();
        let mut at = 0;
        for t in tokenize(text) {
            rebuilt.push_str(&text[at..t.span.start]);
            rebuilt.push_str(t.span.text(text));
            at = t.span.end;
        }
        rebuilt.push_str(&text[at..]);
        assert_eq!(rebuilt, text);
    }

    #[test]
    fn plain_words_are_told_apart() {
        let plain = |s: &str| plain_word(s.as_bytes(), 0, s.len());
        assert_eq!(plain("Hello"), Some((5, Script::Latin)));
        assert_eq!(plain("Hello,"), Some((5, Script::Latin)));
        assert_eq!(plain("بالعالم"), Some((14, Script::Arabic)));
        assert_eq!(plain("بالعالم؟"), Some((14, Script::Arabic)));
        // ء (U+0621) to غ (U+063A), ف (U+0641) to ي (U+064A).
        assert_eq!(plain("ءغفي"), Some((8, Script::Arabic)));
        for s in [
            "",
            "U.S",
            "don't",
            "a-b",
            "abc1",
            "ـ",
            "بـ",
            "مُحمد",
            "٣",
            "عربيEnglish",
            "Zoë",
            "ؠ",
            "ً",
            "ۀ",
            "Dr.",
            "word,,",
            "word),",
            "؟",
            ",",
        ] {
            assert_eq!(plain(s), None, "{s}");
        }
    }

    #[test]
    fn the_plain_word_shortcut_changes_no_token() {
        let texts = [
            "Dr. Lee met U.S. officials at 09:45 on 28/11/2026 (15%) #COP28 😀 e.g. www.x.com a@b.co",
            "قال الرئيس. انتهى.وقال د. أحمد: «نعم» ١٢٣ بالعالم، و-لا؟ مُحمد ـــ عربيEnglish",
            "state-of-the-art don't O’Neill Residents' rock'n'roll :) ;-) ... ?! -- *** ؟؟",
            "\u{200F}שלום Привет мир 東京 ﻻ x\u{301}y عـربي @user #وسم 2026-11-28 $1.2",
        ];
        for text in texts {
            assert_eq!(
                tokenize_with(text, true),
                tokenize_with(text, false),
                "{text}"
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// Strings dense in what the rules look at next to plain words.
        #[test]
        fn the_shortcut_agrees_on_any_mix_of_words_and_signs(
            text in "[a-zA-Z0-9 .,:;/@#'’\\-_()!?\"«»ءابةتىيأإآغفلوكـًُّ،؛؟٣٫\u{200F}\u{301}é\n]{0,48}"
        ) {
            proptest::prop_assert_eq!(tokenize_with(&text, true), tokenize_with(&text, false));
        }
    }

    #[test]
    fn arabic_words_are_arabic_script() {
        let t = tokenize("بالعالم");
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].script, Script::Arabic);
        assert_eq!(t[0].kind, TokenKind::Word);
    }
}
