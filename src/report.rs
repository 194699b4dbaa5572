//! The public JSON shape of an analysis, shared by the JS API and the CLI.
//!
//! All positions are **UTF-16 code units**, so JavaScript can `text.slice(start, end)`.
//! Field names are camelCase. This shape is a public contract: fields are added, never renamed
//! or dropped without a note in the README.

use crate::analyze::{Analysis, Options};
use crate::frequency::{FrequencyReport, Ngram};
use crate::keywords::Keyword;
use crate::stats::TextStatistics;
use crate::token::{Script, TokenKind};
use crate::utf16::Utf16Offsets;
use serde::Serialize;

/// One token.
#[derive(Debug, Clone, Serialize)]
pub struct TokenReport {
    /// UTF-16 start.
    pub start: usize,
    /// UTF-16 end (exclusive).
    pub end: usize,
    /// `word`, `number`, `punctuation`, `symbol`, …
    pub kind: TokenKind,
    /// `arabic`, `latin`, …, `common`.
    pub script: Script,
}

/// One sentence.
#[derive(Debug, Clone, Serialize)]
pub struct SentenceReport {
    /// UTF-16 start.
    pub start: usize,
    /// UTF-16 end (exclusive).
    pub end: usize,
}

/// One paragraph.
#[derive(Debug, Clone, Serialize)]
pub struct ParagraphReport {
    /// UTF-16 start.
    pub start: usize,
    /// UTF-16 end (exclusive).
    pub end: usize,
    /// The detected language as an ISO 639-1 code (`ar`, `en`), or `und`.
    pub language: &'static str,
}

/// One entity mention.
#[derive(Debug, Clone, Serialize)]
pub struct EntityReport {
    /// UTF-16 start.
    pub start: usize,
    /// UTF-16 end (exclusive).
    pub end: usize,
    /// `person`, `organization`, `location`, `date`, `number`, …
    pub kind: String,
    /// The mention as written.
    pub text: String,
}

/// Summary counts.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatisticsReport {
    /// Unicode scalar values.
    pub characters: usize,
    /// Non-whitespace characters.
    pub characters_no_spaces: usize,
    /// Word tokens.
    pub words: usize,
    /// Sentences.
    pub sentences: usize,
    /// Paragraphs.
    pub paragraphs: usize,
    /// Unique words, averages, lexical density, readability, reading time… ([`crate::stats`]).
    #[serde(flatten)]
    pub figures: TextStatistics,
}

/// The whole report.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Tokens (empty when the options ask for none).
    pub tokens: Vec<TokenReport>,
    /// Sentences (empty when the options ask for none).
    pub sentences: Vec<SentenceReport>,
    /// Paragraphs with their language (empty when the options ask for none).
    pub paragraphs: Vec<ParagraphReport>,
    /// Entity mentions.
    pub entities: Vec<EntityReport>,
    /// Summary counts.
    pub statistics: StatisticsReport,
    /// Word frequency list, most frequent first; positions in UTF-16 code units.
    pub frequencies: Vec<FrequencyReport>,
    /// Collocations of 2–3 words, strongest first.
    pub ngrams: Vec<Ngram>,
    /// Keywords, most relevant first.
    pub keywords: Vec<Keyword>,
    /// Indices of the summary sentences, in article order.
    pub summary: Vec<usize>,
}

impl Report {
    /// Builds the report of `analysis` over `text`, converting spans to UTF-16.
    pub fn new(text: &str, analysis: &Analysis, options: &Options) -> Report {
        let utf16 = Utf16Offsets::new(text);
        let tokens = if options.tokens {
            analysis
                .tokens
                .iter()
                .map(|t| TokenReport {
                    start: utf16.convert(t.span.start),
                    end: utf16.convert(t.span.end),
                    kind: t.kind,
                    script: t.script,
                })
                .collect()
        } else {
            Vec::new()
        };
        let sentences = if options.sentences {
            analysis
                .sentences
                .iter()
                .map(|s| SentenceReport {
                    start: utf16.convert(s.span.start),
                    end: utf16.convert(s.span.end),
                })
                .collect()
        } else {
            Vec::new()
        };
        let paragraphs = if options.paragraphs {
            analysis
                .paragraphs
                .iter()
                .map(|p| ParagraphReport {
                    start: utf16.convert(p.span.start),
                    end: utf16.convert(p.span.end),
                    language: p.language.code(),
                })
                .collect()
        } else {
            Vec::new()
        };
        let s = &analysis.statistics;
        Report {
            tokens,
            sentences,
            paragraphs,
            entities: Vec::new(),
            statistics: StatisticsReport {
                characters: s.characters,
                characters_no_spaces: s.characters_no_spaces,
                words: s.words,
                sentences: s.sentences,
                paragraphs: s.paragraphs,
                figures: analysis.text_statistics,
            },
            frequencies: analysis
                .frequencies
                .iter()
                .map(|f| f.to_report(&utf16))
                .collect(),
            ngrams: analysis.ngrams.clone(),
            keywords: analysis.keywords.clone(),
            summary: analysis.summary.clone(),
        }
    }
}

/// Analyzes `text` and builds its report in one call.
pub fn report(text: &str, options: &Options) -> Report {
    Report::new(text, &crate::analyze(text, options), options)
}
