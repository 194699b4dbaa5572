//! The public JSON shape of an analysis, shared by the JS API and the CLI.
//!
//! All positions are **UTF-16 code units**, so JavaScript can `text.slice(start, end)`.
//! Field names are camelCase. This shape is a public contract: fields are added, never renamed
//! or dropped without a note in the README.

use crate::analyze::{Analysis, Options};
use crate::entity::EntityKind;
use crate::frequency::{FrequencyReport, Ngram};
use crate::keywords::Keyword;
use crate::normalize::{key, FoldLevel};
use crate::stats::TextStatistics;
use crate::token::{Script, TokenKind};
use crate::utf16::Utf16Offsets;
use serde::Serialize;
use std::borrow::Cow;

/// One token.
#[derive(Debug, Clone, Serialize)]
pub struct TokenReport<'a> {
    /// UTF-16 start.
    pub start: usize,
    /// UTF-16 end (exclusive).
    pub end: usize,
    /// `word`, `number`, `punctuation`, `symbol`, …
    pub kind: TokenKind,
    /// `arabic`, `latin`, …, `common`.
    pub script: Script,
    /// The token's key at the `folded` level (what counting and matching use): lowercase, no
    /// tashkeel, alef variants unified, proclitics split off, ASCII digits, … (see
    /// `normalize`). Always present, even when equal to the text. Borrowed from the analysis's
    /// keys (stored once per distinct text), so a token costs no allocation.
    pub key: Cow<'a, str>,
}

/// One sentence.
#[derive(Debug, Clone, Serialize)]
pub struct SentenceReport {
    /// UTF-16 start.
    pub start: usize,
    /// UTF-16 end (exclusive).
    pub end: usize,
    /// Its word tokens (kind `word`, as `statistics.words` counts them), so a caller can plot
    /// sentence lengths without asking for the per-token list.
    pub words: usize,
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
    /// The normalized value, when known (formats in [`crate::entity::Entity::value`]):
    /// `2026-11-28`, `1200000000`, `USD 1200000000`, `15`, `18:30`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// A stretch of text: UTF-16 span and the text itself.
#[derive(Debug, Clone, Serialize)]
pub struct SpanReport {
    /// UTF-16 start.
    pub start: usize,
    /// UTF-16 end (exclusive).
    pub end: usize,
    /// The text as written.
    pub text: String,
}

/// One entity with all its mentions, for an entity panel.
#[derive(Debug, Clone, Serialize)]
pub struct EntityGroupReport {
    /// `person`, `date`, `money`, …
    pub kind: String,
    /// The most frequent spelling.
    pub text: String,
    /// Number of mentions.
    pub count: usize,
    /// UTF-16 start of the first mention.
    pub start: usize,
    /// UTF-16 end of the first mention.
    pub end: usize,
}

/// One quote with its speaker. Quotes are also `quote` entities in [`Report::entities`], for
/// highlighting; this list adds who said them.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteReport {
    /// UTF-16 start (at the opening quotation mark).
    pub start: usize,
    /// UTF-16 end (after the closing mark, or at the paragraph end for an unclosed quote).
    pub end: usize,
    /// The quote as written, marks included.
    pub text: String,
    /// Who said it, when the article names them; `null` otherwise.
    pub speaker: Option<SpanReport>,
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
    /// Bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069).
    pub bidi_controls: usize,
    /// Unique words, averages, lexical density, readability, reading time… ([`crate::stats`]).
    #[serde(flatten)]
    pub figures: TextStatistics,
}

/// The whole report.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report<'a> {
    /// Tokens (empty when the options ask for none).
    pub tokens: Vec<TokenReport<'a>>,
    /// Sentences (empty when the options ask for none).
    pub sentences: Vec<SentenceReport>,
    /// Paragraphs with their language (empty when the options ask for none).
    pub paragraphs: Vec<ParagraphReport>,
    /// Entity mentions, sorted by start; quotes included (kind `quote`), and may contain others.
    pub entities: Vec<EntityReport>,
    /// Quotes with their speakers.
    pub quotes: Vec<QuoteReport>,
    /// Entities grouped by kind and folded text, most mentioned first (quotes left out).
    pub entity_groups: Vec<EntityGroupReport>,
    /// Summary counts.
    pub statistics: StatisticsReport,
    /// ISO 639-1 code of the text's language (`ar`, `en`, …; `und` when unknown).
    pub language: &'static str,
    /// Word frequency list, most frequent first; positions in UTF-16 code units.
    pub frequencies: Vec<FrequencyReport>,
    /// Collocations of 2–3 words, strongest first.
    pub ngrams: Vec<Ngram>,
    /// Keywords, most relevant first.
    pub keywords: Vec<Keyword>,
    /// Indices of the summary sentences, in article order.
    pub summary: Vec<usize>,
}

impl<'a> Report<'a> {
    /// Builds the report of `analysis` over `text`, converting spans to UTF-16.
    pub fn new(text: &'a str, analysis: &'a Analysis, options: &Options) -> Report<'a> {
        let utf16 = Utf16Offsets::new(text);
        let tokens = if options.tokens {
            let keys = &analysis.token_keys;
            // Keys made by `analyze` (once per distinct text); else (an analysis made without
            // the per-token list) each distinct text is keyed here, once. A token's key depends
            // only on its text (the language is the whole text's).
            let mut made: rustc_hash::FxHashMap<&str, String> = rustc_hash::FxHashMap::default();
            let ready = keys.len() == analysis.tokens.len();
            analysis
                .tokens
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let key = if ready {
                        Cow::Borrowed(keys.key(i))
                    } else {
                        let surface = t.span.text(text);
                        Cow::Owned(
                            made.entry(surface)
                                .or_insert_with(|| {
                                    key(surface, FoldLevel::Folded, analysis.language)
                                })
                                .clone(),
                        )
                    };
                    TokenReport {
                        start: utf16.convert(t.span.start),
                        end: utf16.convert(t.span.end),
                        kind: t.kind,
                        script: t.script,
                        key,
                    }
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
                    words: analysis
                        .tokens
                        .get(s.first_token..s.end_token)
                        .map_or(0, |ts| {
                            ts.iter().filter(|t| t.kind == TokenKind::Word).count()
                        }),
                })
                .collect()
        } else {
            Vec::new()
        };
        let span_report = |span: crate::Span| SpanReport {
            start: utf16.convert(span.start),
            end: utf16.convert(span.end),
            text: span.text(text).to_string(),
        };
        let entities = analysis
            .entities
            .iter()
            .map(|e| EntityReport {
                start: utf16.convert(e.span.start),
                end: utf16.convert(e.span.end),
                kind: e.kind.name().to_string(),
                text: e.span.text(text).to_string(),
                value: e.value.clone(),
            })
            .collect();
        let quotes = analysis
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Quote)
            .map(|e| QuoteReport {
                start: utf16.convert(e.span.start),
                end: utf16.convert(e.span.end),
                text: e.span.text(text).to_string(),
                speaker: e.speaker.map(span_report),
            })
            .collect();
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
        let entity_groups = crate::entity::group(&analysis.entities, text, analysis.language)
            .into_iter()
            .map(|g| EntityGroupReport {
                kind: g.kind.name().to_string(),
                text: g.text,
                count: g.count,
                start: utf16.convert(g.first.start),
                end: utf16.convert(g.first.end),
            })
            .collect();
        let s = &analysis.statistics;
        Report {
            tokens,
            sentences,
            entities,
            quotes,
            paragraphs,
            entity_groups,
            statistics: StatisticsReport {
                characters: s.characters,
                characters_no_spaces: s.characters_no_spaces,
                words: s.words,
                sentences: s.sentences,
                paragraphs: s.paragraphs,
                bidi_controls: s.bidi_controls,
                figures: analysis.text_statistics,
            },
            language: analysis.language.code(),
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

/// Analyzes `text` and builds its report in one call. (The report owns its token keys here, as
/// the analysis they were borrowed from ends with the call: for long texts, [`Report::new`]
/// over a kept [`Analysis`] saves an allocation per token.)
pub fn report(text: &str, options: &Options) -> Report<'static> {
    let analysis = crate::analyze(text, options);
    let report = Report::new(text, &analysis, options);
    Report {
        tokens: report
            .tokens
            .into_iter()
            .map(|t| TokenReport {
                key: Cow::Owned(t.key.into_owned()),
                ..t
            })
            .collect(),
        ..report
    }
}
