//! The analysis: composes the stages over one text.

use crate::entity::{recognize_with_ids, Entity};
use crate::frequency::{
    frequencies, ngrams, Frequency, FrequencyOptions, LanguageRuns, Ngram, WordTable,
};
use crate::intern::{Surfaces, TokenKeys};
use crate::keywords::{keywords, Keyword};
use crate::lang::{Language, LanguageChoice};
use crate::normalize::{folded_keys_agree, key_cow, FoldLevel};
use crate::paragraph::{paragraphs_of_tokens, Paragraph};
use crate::sentence::{sentences, Sentence};
use crate::stats::TextStatistics;
use crate::summary::summary;
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
    /// The language of the text: `"auto"` (the default) detects it; a name or ISO 639-1 code
    /// (`"arabic"`, `"ar"`, `"en"`, `"und"`) forces it.
    pub language: LanguageChoice,
    /// How words are grouped in the frequency list: `exact`, `folded` (default) or `stemmed`.
    pub frequency_level: FoldLevel,
    /// Leave stopwords out of the frequency list (default true). Keywords, n-grams and the
    /// summary always skip them.
    pub stopwords: bool,
    /// Entries in the frequency and n-gram lists (default 50); keywords take at most 20 of it.
    pub top: usize,
    /// Sentences in the extractive summary (default 3).
    pub summary_sentences: usize,
    /// Recognize entities (named and pattern ones); off skips the work for speed.
    pub entities: bool,
    /// Include the per-paragraph list (with each paragraph's language) in the report.
    pub paragraphs: bool,
    /// Find collocations (`ngrams`); off skips the work and leaves the list empty.
    pub ngrams: bool,
    /// Rank keywords (`keywords`); off skips the work and leaves the list empty.
    pub keywords: bool,
    /// Pick summary sentences (`summary`); off skips the work and leaves the list empty (as
    /// `summarySentences: 0` does).
    pub summary: bool,
    /// Compute the figures beyond the counts in `statistics` (unique words, averages, lexical
    /// density, type-token ratios, reading time, readability, …); off skips the work, and those
    /// figures are then 0 (`readability` absent). The counts (`characters`, `words`,
    /// `sentences`, `paragraphs`, `bidiControls`) are always there.
    pub text_statistics: bool,
}

impl Options {
    /// Options for word counting only: tokens, sentences and paragraphs are found (the counts and
    /// each paragraph's language, which keys its words, need them) and the frequency list is
    /// made; every other stage is off and no per-item list is returned. The frequency list
    /// equals the one of [`Options::default`].
    ///
    /// ```
    /// use article_analyzer::{analyze, Options};
    /// let text = "The cat saw the cat.";
    /// let lean = analyze(text, &Options::frequency_only());
    /// assert_eq!(lean.frequencies, analyze(text, &Options::default()).frequencies);
    /// assert!(lean.keywords.is_empty() && lean.ngrams.is_empty() && lean.summary.is_empty());
    /// ```
    pub fn frequency_only() -> Options {
        Options {
            tokens: false,
            sentences: false,
            entities: false,
            paragraphs: false,
            ngrams: false,
            keywords: false,
            summary: false,
            text_statistics: false,
            ..Options::default()
        }
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            tokens: true,
            sentences: true,
            language: LanguageChoice::Auto,
            frequency_level: FoldLevel::Folded,
            stopwords: true,
            top: 50,
            summary_sentences: 3,
            entities: true,
            paragraphs: true,
            ngrams: true,
            keywords: true,
            summary: true,
            text_statistics: true,
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
    /// Bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): they can
    /// make text display in an order other than the one it is read in, so a reader is warned.
    pub bidi_controls: usize,
}

/// Keywords the analysis keeps at most, whatever `top` says.
pub const MAX_KEYWORDS: usize = 20;

/// Everything the analyzer found in one text, with byte spans.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// Tokens in order.
    pub tokens: Vec<Token>,
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
    /// Entity mentions, sorted by start (see [`crate::entity`]); empty when the options skip them.
    pub entities: Vec<Entity>,
    /// Paragraphs in order.
    pub paragraphs: Vec<Paragraph>,
    /// Summary counts.
    pub statistics: Statistics,
    /// The language of the text (detected, or as the options force it).
    pub language: Language,
    /// Word frequency list, most frequent first ([`crate::frequency`]).
    pub frequencies: Vec<Frequency>,
    /// Collocations of 2–3 words, strongest first.
    pub ngrams: Vec<Ngram>,
    /// Keywords and keyphrases, most relevant first ([`crate::keywords`]).
    pub keywords: Vec<Keyword>,
    /// Indices of the summary sentences, in article order ([`crate::summary`]).
    pub summary: Vec<usize>,
    /// Further statistics ([`crate::stats`]).
    pub text_statistics: TextStatistics,
    /// Each token's `folded` key in [`Analysis::language`], for the report; empty when the
    /// options ask for no per-token list.
    pub token_keys: TokenKeys,
}

/// The characters of `text`, the white space among them (`char::is_whitespace`) and the bidi
/// controls (U+202A–U+202E, U+2066–U+2069), counted over its bytes: a character is a byte that
/// continues none (UTF-8), and only the characters whose first byte can begin white space or a
/// control beyond ASCII (`C2`, `E1`, `E2`, `E3`) are decoded — none of the Arabic letters.
/// Eight bytes are counted at once (as one `u64`) unless one of them is such a first byte
/// (`E0` too, for a simpler test).
fn character_counts(text: &str) -> (usize, usize, usize) {
    use crate::eight_bytes::{continuation_bytes, zero_bytes, HIGH, ONES};
    let bytes = text.as_bytes();
    // (characters, white space, bidi controls).
    let mut counts = (0usize, 0usize, 0usize);
    let mut at = 0;
    let one_byte = |i: usize, b: u8, counts: &mut (usize, usize, usize)| {
        if b & 0xC0 == 0x80 {
            return;
        }
        counts.0 += 1;
        if b < 0x80 {
            counts.1 += usize::from(matches!(b, b' ' | b'\t'..=b'\r'));
        } else if matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
            if let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) {
                counts.1 += usize::from(c.is_whitespace());
                counts.2 +=
                    usize::from(matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'));
            }
        }
    };
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = crate::eight_bytes::of(chunk);
        let decode =
            zero_bytes(word ^ (0xC2 * ONES)) | zero_bytes((word & (0xFC * ONES)) ^ (0xE0 * ONES));
        if decode != 0 {
            for (k, &b) in chunk.iter().enumerate() {
                one_byte(at + k, b, &mut counts);
            }
        } else {
            counts.0 += 8 - continuation_bytes(word).count_ones() as usize;
            // ASCII white space: a space, or a byte from `\t` to `\r` (9–13).
            let ascii = !word & HIGH;
            let low = word & !HIGH;
            let from_tab = (low + (0x80 - 0x09) * ONES) & HIGH;
            let past_return = (low + (0x80 - 0x0E) * ONES) & HIGH;
            let white = zero_bytes(word ^ (0x20 * ONES)) | (from_tab & !past_return);
            counts.1 += (white & ascii).count_ones() as usize;
        }
        at += 8;
    }
    for (k, &b) in chunks.remainder().iter().enumerate() {
        one_byte(at + k, b, &mut counts);
    }
    counts
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
pub fn analyze(text: &str, options: &Options) -> Analysis {
    let tokens = tokenize(text);
    let sentences = sentences(text, &tokens);
    // Each distinct token text gets an id once; the paragraphs' languages, the entities, the
    // word table and the token keys work on ids.
    let texts = Surfaces::new(text, &tokens);
    // The whole text's language from the letters and words the paragraphs counted (the same
    // answer as `options.language.resolve(text)`, without a second pass over the text).
    let (mut paragraphs, detected) =
        paragraphs_of_tokens(text, &tokens, &sentences, &texts.ids, &texts.texts);
    let language = match options.language {
        LanguageChoice::Auto => detected,
        LanguageChoice::Fixed(l) => l,
    };
    if let LanguageChoice::Fixed(forced) = options.language {
        // The reader's choice holds for every paragraph, not only the whole text.
        for p in &mut paragraphs {
            p.language = forced;
        }
    }
    let (characters, spaces, bidi_controls) = character_counts(text);
    let statistics = Statistics {
        characters,
        characters_no_spaces: characters - spaces,
        words: tokens.iter().filter(|t| t.kind == TokenKind::Word).count(),
        sentences: sentences.len(),
        paragraphs: paragraphs.len(),
        bidi_controls,
    };
    // Each paragraph's language (a word's own script still wins, see LanguageRuns).
    let languages = LanguageRuns::new(
        paragraphs
            .iter()
            .map(|p| (p.span.start, p.language))
            .collect(),
    );
    // The entities come first, while little else is held: their working memory (the tagger's
    // views, the pattern tokens) is then given back before the word table is built, instead of
    // being laid over the holes the table leaves. wasm memory at 5 MB: en 78.4 → 70.8 MB,
    // ar 49.9 → 48.4 MB.
    let entities = if options.entities {
        recognize_with_ids(
            text,
            &tokens,
            &sentences,
            language,
            &texts.ids,
            &texts.texts,
        )
    } else {
        Vec::new()
    };
    let table = WordTable::with_surfaces(
        text,
        &tokens,
        &sentences,
        options.frequency_level,
        &languages,
        &texts,
    );
    // Past the word table, the text ids serve only the per-token keys: without the token list
    // they go now, before the stages below add their working memory (4 bytes a token: 2 MB at
    // 5 MB of Arabic, 3.8 MB at 5 MB of English).
    let texts = options.tokens.then_some(texts);
    let frequencies = frequencies(
        &table,
        FrequencyOptions {
            top: options.top,
            remove_stopwords: options.stopwords,
        },
    );
    // Each stage below reads the word table and nothing else reads it: off means no work. The
    // summary and the statistics run before the n-grams and keywords count the word pairs and
    // triples (kept with the table until it goes): their own working memory then does not come
    // on top of those counts (at 5 MB of English, 66 → 59 MB live at the peak).
    let summary = if options.summary {
        summary(&table, sentences.len(), options.summary_sentences)
    } else {
        Vec::new()
    };
    let text_statistics = if options.text_statistics {
        crate::stats::statistics(&table, &sentences)
    } else {
        TextStatistics::default()
    };
    let ngrams = if options.ngrams {
        ngrams(&table, options.top)
    } else {
        Vec::new()
    };
    let keywords = if options.keywords {
        keywords(&table, sentences.len(), options.top.min(MAX_KEYWORDS))
    } else {
        Vec::new()
    };
    // The token keys take the text ids over (no copy).
    let token_keys = match texts {
        Some(Surfaces { ids, texts }) => token_keys(&table, ids, &texts, language),
        None => TokenKeys::default(),
    };
    Analysis {
        tokens,
        sentences,
        entities,
        paragraphs,
        statistics,
        language,
        frequencies,
        ngrams,
        keywords,
        summary,
        text_statistics,
        token_keys,
    }
}

/// The `folded` key in `language` of every token, once per distinct text: a word's key is the
/// word table's when the table keyed it in a language that folds alike.
fn token_keys(
    table: &WordTable<'_>,
    ids: Vec<u32>,
    texts: &[&str],
    language: Language,
) -> TokenKeys {
    TokenKeys::new(ids, texts.len(), |id, out| {
        match table.surface_of_text(id) {
            Some(s) if folded_keys_agree(s.language, language) => {
                out.push_str(table.folded_key(s.folded));
            }
            _ => {
                let text = texts.get(id as usize).copied().unwrap_or("");
                out.push_str(&key_cow(text, FoldLevel::Folded, language));
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::character_counts;
    use proptest::prelude::*;

    /// The counts by decoding every character, as they were made before.
    fn by_chars(text: &str) -> (usize, usize, usize) {
        let characters = text.chars().count();
        let spaces = text.chars().filter(|c| c.is_whitespace()).count();
        let bidi = text
            .chars()
            .filter(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
            .count();
        (characters, spaces, bidi)
    }

    #[test]
    fn every_kind_of_white_space_and_control_counts() {
        let text = "a b\tc\u{0B}\u{0C}\r\n\u{85}\u{A0}\u{1680}\u{2000}\u{200A}\u{200B}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}\u{202A}\u{202E}\u{2066}\u{2069}\u{2067}قال‎😀é";
        assert_eq!(character_counts(text), by_chars(text));
        assert_eq!(character_counts(""), (0, 0, 0));
    }

    proptest! {
        #[test]
        fn counts_over_bytes_equal_counts_over_chars(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just(" "), Just("\u{A0}"), Just("\u{2009}"), Just("\u{3000}"),
                    Just("\u{85}"), Just("\u{202B}"), Just("\u{2067}"), Just("\u{200F}"),
                    Just("a"), Just("قال"), Just("\u{0651}"), Just("\u{E000}"), Just("😀"),
                    Just("\n"), Just("\u{1680}"), Just("\u{2030}"), Just("¢"),
                    Just("\u{8}"), Just("\t"), Just("\r"), Just("\u{E}"), Just("\u{1F}"),
                    Just("!"), Just("\u{7F}"), Just("\u{E00}"), Just("abcdefgh"),
                ],
                0..40,
            ),
            any_text in ".{0,20}",
        ) {
            let text = parts.concat() + &any_text;
            prop_assert_eq!(character_counts(&text), by_chars(&text));
        }
    }
}
