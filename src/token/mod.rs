//! Tokens: the words, numbers, punctuation and symbols of a text, with exact spans.
//!
//! Rules, in order:
//! 1. Word boundaries follow Unicode UAX #29 (the `unicode-segmentation` crate).
//! 2. Whitespace is not a token: it is the gap between tokens. Tokens and gaps tile the input.
//! 3. Each token gets a [`TokenKind`] from its characters and a [`Script`] from its letters.

mod script;

pub use script::Script;

use crate::span::Span;
use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

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
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    for (start, piece) in text.split_word_bound_indices() {
        if piece.chars().all(char::is_whitespace) {
            continue;
        }
        tokens.push(Token {
            span: Span::new(start, start + piece.len()),
            kind: classify(piece),
            script: Script::of_text(piece),
        });
    }
    tokens
}

fn classify(piece: &str) -> TokenKind {
    let mut has_letter = false;
    let mut has_digit = false;
    let mut has_punct = false;
    for c in piece.chars() {
        if c.is_alphabetic() {
            has_letter = true;
        } else if c.is_numeric() {
            has_digit = true;
        } else if is_punctuation(c) {
            has_punct = true;
        }
    }
    if has_letter {
        TokenKind::Word
    } else if has_digit {
        TokenKind::Number
    } else if has_punct {
        TokenKind::Punctuation
    } else {
        TokenKind::Symbol
    }
}

/// Punctuation as a reader sees it: ASCII punctuation other than symbols, plus the general
/// punctuation block, CJK and Arabic punctuation.
pub(crate) fn is_punctuation(c: char) -> bool {
    match c {
        '!' | '"' | '#' | '%' | '&' | '\'' | '(' | ')' | '*' | ',' | '-' | '.' | '/' | ':'
        | ';' | '?' | '@' | '[' | '\\' | ']' | '_' | '{' | '}' => true,
        '\u{00A1}' | '\u{00A7}' | '\u{00AB}' | '\u{00B6}' | '\u{00B7}' | '\u{00BB}'
        | '\u{00BF}' => true,
        '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' => true,
        '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301F}' => true,
        '\u{060C}'
        | '\u{060D}'
        | '\u{061B}'
        | '\u{061E}'
        | '\u{061F}'
        | '\u{066A}'..='\u{066D}'
        | '\u{06D4}' => true,
        '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' => true,
        _ => false,
    }
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
    fn arabic_words_are_arabic_script() {
        let t = tokenize("بالعالم");
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].script, Script::Arabic);
        assert_eq!(t[0].kind, TokenKind::Word);
    }
}
