//! The analysis: composes the stages over one text.

use crate::paragraph::{paragraphs, Paragraph};
use crate::sentence::{sentences, Sentence};
use crate::token::{tokenize, Token, TokenKind};
use serde::Deserialize;

/// What the caller wants from an analysis. Every field has a default, so `{}` is valid.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
#[non_exhaustive]
pub struct Options {
    /// Include the per-token list in the report (large for long texts; counts are always there).
    pub tokens: bool,
    /// Include the per-sentence list in the report.
    pub sentences: bool,
    /// Include the per-paragraph list (with each paragraph's language) in the report.
    pub paragraphs: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            tokens: true,
            sentences: true,
            paragraphs: true,
        }
    }
}

/// Counts a reader sees at a glance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Statistics {
    /// Unicode scalar values in the text.
    pub characters: usize,
    /// Characters other than whitespace.
    pub characters_no_spaces: usize,
    /// Word tokens.
    pub words: usize,
    /// Sentences.
    pub sentences: usize,
    /// Paragraphs.
    pub paragraphs: usize,
}

/// Everything the analyzer found in one text, with byte spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    /// Tokens in order.
    pub tokens: Vec<Token>,
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
    /// Paragraphs in order.
    pub paragraphs: Vec<Paragraph>,
    /// Summary counts.
    pub statistics: Statistics,
}

/// Analyzes `text`.
///
/// ```
/// use article_analyzer::{analyze, Options};
/// let a = analyze("أعلنت الشركة. Then it rained!", &Options::default());
/// assert_eq!(a.statistics.words, 5);
/// assert_eq!(a.statistics.sentences, 2);
/// assert_eq!(a.statistics.paragraphs, 1);
/// ```
pub fn analyze(text: &str, _options: &Options) -> Analysis {
    let tokens = tokenize(text);
    let sentences = sentences(text, &tokens);
    let paragraphs = paragraphs(text, &sentences);
    let mut characters = 0;
    let mut characters_no_spaces = 0;
    for c in text.chars() {
        characters += 1;
        if !c.is_whitespace() {
            characters_no_spaces += 1;
        }
    }
    let statistics = Statistics {
        characters,
        characters_no_spaces,
        words: tokens.iter().filter(|t| t.kind == TokenKind::Word).count(),
        sentences: sentences.len(),
        paragraphs: paragraphs.len(),
    };
    Analysis {
        tokens,
        sentences,
        paragraphs,
        statistics,
    }
}
