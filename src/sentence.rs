//! Sentences: spans from the first to the last token of each sentence.
//!
//! Rules:
//! 1. A sentence ends after a terminator token (`.` `!` `?` `؟` `…` `。`), together with any
//!    closing quotes or brackets right after it (`.”` `؟»` `.)`).
//! 2. A line break that follows a line without a terminator (a headline, a list item) ends the
//!    sentence too, as does a blank line.
//! 3. Sentences hold at least one token; whitespace between sentences belongs to none.

use crate::span::Span;
use crate::token::{Token, TokenKind};

/// A sentence of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// From the start of its first token to the end of its last.
    pub span: Span,
    /// Index of its first token in the token list.
    pub first_token: usize,
    /// One past the index of its last token.
    pub end_token: usize,
}

fn is_terminator(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "؟" | "…" | "。" | "！" | "？" | "...")
        || (s.len() > 1 && s.chars().all(|c| matches!(c, '.' | '!' | '?' | '؟' | '…')))
}

fn is_closer(s: &str) -> bool {
    matches!(
        s,
        "\"" | "'" | "”" | "’" | "»" | "›" | ")" | "]" | "}" | "」" | "』"
    )
}

/// Groups `tokens` of `text` into sentences.
///
/// ```
/// use article_analyzer::{sentence::sentences, token::tokenize};
/// let text = "قال: «نعم.» ثم غادر. Headline\nBody text!";
/// let found: Vec<_> = sentences(text, &tokenize(text)).iter().map(|s| s.span.text(text)).collect();
/// assert_eq!(found, ["قال: «نعم.»", "ثم غادر.", "Headline", "Body text!"]);
/// ```
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0usize;
    let mut i = 0usize;
    while i < tokens.len() {
        let piece = tokens[i].span.text(text);
        let mut end_here = false;
        if tokens[i].kind == TokenKind::Punctuation && is_terminator(piece) {
            while i + 1 < tokens.len()
                && tokens[i + 1].span.start == tokens[i].span.end
                && is_closer(tokens[i + 1].span.text(text))
            {
                i += 1;
            }
            end_here = true;
        } else if let Some(next) = tokens.get(i + 1) {
            let gap = &text[tokens[i].span.end..next.span.start];
            end_here = gap.contains('\n');
        }
        if end_here || i + 1 == tokens.len() {
            out.push(Sentence {
                span: Span::new(tokens[first].span.start, tokens[i].span.end),
                first_token: first,
                end_token: i + 1,
            });
            first = i + 1;
        }
        i += 1;
    }
    out
}
