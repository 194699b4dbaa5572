//! Summary statistics a reader can check: each figure below states its formula.
//!
//! All figures count **word tokens** ([`crate::token::TokenKind::Word`]) as words and use the
//! folded keys of [`crate::frequency::WordTable`] for "distinct" and "stopword". Readability uses
//! the language most words are in: Flesch for English ([`english`]), OSMAN for Arabic
//! ([`arabic`]), LIX for any other language.
//!
//! Reading rates are the IReST means for silent reading of standardized texts by adults
//! (Trauzettel-Klosinski & Dietz 2012, "Standardized assessment of reading performance: the New
//! International Reading Speed Texts IReST", Invest. Ophthalmol. Vis. Sci. 53(9):5452–5461,
//! table 2): English 228, Arabic 138 words/min; 184 words/min (the mean over its 17 languages)
//! for any other language. Speaking rate: 150 words/min for English, the conventional rate of
//! presentation and broadcast speech (National Center for Voice and Speech); no comparable
//! published figure exists for Arabic words, so other languages use 150 × (their reading rate /
//! 228), i.e. the same ratio of words per idea as in reading — an approximation (Arabic ≈ 91).

pub mod arabic;
pub mod english;

use crate::frequency::{round3, WordTable};
use crate::lang::Language;
use crate::normalize::is_arabic_mark;
use crate::sentence::Sentence;
use crate::token::TokenKind;
use serde::Serialize;

/// Width of the moving window of [`TextStatistics::mattr`], in words (Covington & McFall 2010).
pub const MATTR_WINDOW: usize = 50;

/// A readability formula.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReadabilityIndex {
    /// Flesch Reading Ease (English); the grade is Flesch–Kincaid.
    Flesch,
    /// OSMAN (Arabic), El-Haj & Rayson 2016.
    Osman,
    /// LIX (Björnsson 1968), for other languages.
    Lix,
}

/// A readability score.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Readability {
    /// Which formula.
    pub index: ReadabilityIndex,
    /// Its score (Flesch and OSMAN: higher = easier, roughly 0–100; LIX: higher = harder).
    pub score: f64,
    /// Flesch–Kincaid US school grade (English only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grade: Option<f64>,
}

/// The longest sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct LongestSentence {
    /// Its index in the sentence list (the first, when several are as long).
    pub index: usize,
    /// Its words.
    pub words: usize,
}

/// Figures beyond the basic counts; in the report they sit next to `characters`, `words` and
/// `sentences` in `statistics`. The default is all zeros (what a text without words gets).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TextStatistics {
    /// Distinct folded keys among the words.
    pub unique_words: usize,
    /// words / sentences.
    pub average_sentence_length: f64,
    /// Median of the words per sentence (the mean of the two middle values for an even count).
    pub median_sentence_length: f64,
    /// The sentence with the most words.
    pub longest_sentence: LongestSentence,
    /// Letters (alphabetic characters, without tashkeel and tatweel) per word.
    pub average_word_length: f64,
    /// Content words / words, content = not a stopword of its language.
    pub lexical_density: f64,
    /// Unique words / words.
    pub type_token_ratio: f64,
    /// Moving-average type-token ratio: the mean, over every window of 50 consecutive words, of
    /// distinct folded keys / 50 (Covington & McFall 2010); the plain ratio below 50 words.
    pub mattr: f64,
    /// Folded keys that occur exactly once.
    pub hapax_legomena: usize,
    /// Number tokens.
    pub numbers: usize,
    /// Quotations: opening marks “ and «, plus straight double quotes " counted in pairs.
    pub quotes: usize,
    /// Sentences whose final punctuation holds ? or ؟.
    pub questions: usize,
    /// Σ over languages of words in that language / its reading rate × 60 (rates in the module
    /// doc; a word's language is its block's, corrected by its script).
    pub reading_time_seconds: f64,
    /// Σ over languages of words in that language / its speaking rate × 60.
    pub speaking_time_seconds: f64,
    /// Readability by the formula of the main language (the language of most words), over the
    /// words in that language and the sentences holding them; `None` for a text without words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub readability: Option<Readability>,
}

/// Silent reading rate in words per minute (IReST, see the module doc).
pub fn reading_rate(language: Language) -> f64 {
    match language {
        Language::English => 228.0,
        Language::Arabic => 138.0,
        _ => 184.0,
    }
}

/// Speaking rate in words per minute (see the module doc).
pub fn speaking_rate(language: Language) -> f64 {
    150.0 * reading_rate(language) / reading_rate(Language::English)
}

/// Computes the statistics of `table` (whose sentences are `sentences`).
///
/// ```
/// use article_analyzer::{analyze, Options};
/// let a = analyze("Is it raining? It is raining hard.", &Options::default());
/// let s = &a.text_statistics;
/// assert_eq!(s.unique_words, 4); // is it raining hard
/// assert_eq!(s.questions, 1);
/// assert_eq!(s.average_sentence_length, 3.5);
/// assert_eq!((s.longest_sentence.index, s.longest_sentence.words), (1, 4));
/// ```
pub fn statistics(table: &WordTable<'_>, sentences: &[Sentence]) -> TextStatistics {
    let text = table.text;
    let words = table.words.len();
    let language = table.main_language();

    // Words per sentence.
    let lengths: Vec<usize> = (0..sentences.len())
        .map(|s| table.sentence_words(s).len())
        .collect();
    let mut longest = LongestSentence::default();
    for (i, &l) in lengths.iter().enumerate() {
        if l > longest.words {
            longest = LongestSentence { index: i, words: l };
        }
    }
    let mut sorted: Vec<u32> = lengths.iter().map(|&l| l as u32).collect();
    sorted.sort_unstable();
    let median = match sorted.len() {
        0 => 0.0,
        n if n % 2 == 1 => sorted[n / 2] as f64,
        n => (sorted[n / 2 - 1] + sorted[n / 2]) as f64 / 2.0,
    };

    // Per distinct surface form: letters and syllables, times its count.
    let mut letters = 0usize;
    let mut english_syllables = 0usize;
    let mut osman = arabic::OsmanCounts::default();
    let mut long_words = 0usize;
    let mut main_words = 0usize;
    // Words per language, for reading and speaking time.
    let mut per_language: Vec<(Language, usize)> = Vec::new();
    for s in table.surfaces() {
        let count = s.count as usize;
        let l = s.text.chars().filter(|&c| is_letter(c)).count();
        letters += l * count;
        match per_language.iter_mut().find(|x| x.0 == s.language) {
            Some(x) => x.1 += count,
            None => per_language.push((s.language, count)),
        }
        // Readability reads only the words of the main language (an English quote inside an
        // Arabic article is not counted in Arabic syllables).
        if s.language != language {
            continue;
        }
        main_words += count;
        if l > 6 {
            long_words += count;
        }
        match language {
            Language::English => english_syllables += english::syllables(s.text) * count,
            Language::Arabic => osman.add_word(s.text, count),
            _ => {}
        }
    }

    let folded = table.folded_len();
    let hapax = (0..folded as u32)
        .filter(|&k| table.folded_count(k) == 1)
        .count();
    let content = table
        .words
        .iter()
        .filter(|w| !table.is_stop(table.folded_of(w)))
        .count();

    let ratio = |a: f64, b: usize| if b == 0 { 0.0 } else { a / b as f64 };
    let readability = if main_words == 0 {
        None
    } else {
        // Sentences holding at least one word of the main language.
        let mut n_sentences = 0usize;
        let mut last = u32::MAX;
        for (_, sentence) in table
            .words
            .iter()
            .zip(table.word_sentences())
            .filter(|(w, _)| table.language_of(w) == language)
        {
            if sentence != last {
                n_sentences += 1;
                last = sentence;
            }
        }
        let n_sentences = n_sentences.max(1);
        let words = main_words;
        Some(match language {
            Language::English => Readability {
                index: ReadabilityIndex::Flesch,
                score: round3(english::flesch_reading_ease(
                    words,
                    n_sentences,
                    english_syllables,
                )),
                grade: Some(round3(english::flesch_kincaid_grade(
                    words,
                    n_sentences,
                    english_syllables,
                ))),
            },
            Language::Arabic => {
                osman.sentences = n_sentences;
                Readability {
                    index: ReadabilityIndex::Osman,
                    score: round3(osman.score()),
                    grade: None,
                }
            }
            _ => Readability {
                index: ReadabilityIndex::Lix,
                score: round3(lix(words, n_sentences, long_words)),
                grade: None,
            },
        })
    };

    TextStatistics {
        unique_words: folded,
        average_sentence_length: round3(ratio(words as f64, sentences.len())),
        median_sentence_length: median,
        longest_sentence: longest,
        average_word_length: round3(ratio(letters as f64, words)),
        lexical_density: round3(ratio(content as f64, words)),
        type_token_ratio: round3(ratio(folded as f64, words)),
        mattr: round3(mattr(
            &table
                .words
                .iter()
                .map(|w| table.folded_of(w))
                .collect::<Vec<_>>(),
            folded,
            MATTR_WINDOW,
        )),
        hapax_legomena: hapax,
        numbers: table
            .tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Number)
            .count(),
        quotes: quotes(text),
        questions: questions(table, sentences),
        reading_time_seconds: round1(
            per_language
                .iter()
                .map(|&(l, n)| n as f64 * 60.0 / reading_rate(l))
                .sum(),
        ),
        speaking_time_seconds: round1(
            per_language
                .iter()
                .map(|&(l, n)| n as f64 * 60.0 / speaking_rate(l))
                .sum(),
        ),
        readability,
    }
}

/// A letter: an alphabetic character other than Arabic tashkeel and tatweel. ASCII and the
/// Arabic letter blocks are answered without the Unicode table look-up, which dominated the
/// profile on Arabic text.
///
/// ```
/// use article_analyzer::stats::is_letter;
/// assert!(is_letter('a') && is_letter('ب') && is_letter('é') && is_letter('ж'));
/// assert!(!is_letter('\u{064E}') && !is_letter('ـ') && !is_letter('٣') && !is_letter('.'));
/// ```
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\x7f' => false,
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{066F}' => true,
        '\u{0671}'..='\u{06D3}' | '\u{06D5}' => true,
        '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0660}'..='\u{0669}' => false,
        _ => c.is_alphabetic() && !is_arabic_mark(c),
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// LIX = words/sentences + 100 · long words / words, long = more than 6 letters.
///
/// ```
/// // 10 words, 2 sentences, 3 long words: 5 + 30 = 35.
/// assert_eq!(article_analyzer::stats::lix(10, 2, 3), 35.0);
/// ```
pub fn lix(words: usize, sentences: usize, long_words: usize) -> f64 {
    if words == 0 || sentences == 0 {
        return 0.0;
    }
    words as f64 / sentences as f64 + 100.0 * long_words as f64 / words as f64
}

/// Moving-average type-token ratio of `ids` (values below `distinct`) over windows of `window`.
///
/// ```
/// use article_analyzer::stats::mattr;
/// // Windows of 2 over a a b: {a a} = 1/2, {a b} = 2/2 → mean 0.75.
/// assert_eq!(mattr(&[0, 0, 1], 2, 2), 0.75);
/// ```
pub fn mattr(ids: &[u32], distinct: usize, window: usize) -> f64 {
    let n = ids.len();
    if n == 0 || window == 0 {
        return 0.0;
    }
    if n < window {
        let mut seen = vec![false; distinct];
        let mut d = 0;
        for &id in ids {
            if let Some(s) = seen.get_mut(id as usize) {
                if !*s {
                    *s = true;
                    d += 1;
                }
            }
        }
        return d as f64 / n as f64;
    }
    let mut counts = vec![0u32; distinct];
    let mut d = 0usize;
    let mut sum = 0usize;
    for (i, &id) in ids.iter().enumerate() {
        if let Some(c) = counts.get_mut(id as usize) {
            if *c == 0 {
                d += 1;
            }
            *c += 1;
        }
        if i >= window {
            if let Some(c) = counts.get_mut(ids[i - window] as usize) {
                *c -= 1;
                if *c == 0 {
                    d -= 1;
                }
            }
        }
        if i + 1 >= window {
            sum += d;
        }
    }
    let windows = n - window + 1;
    sum as f64 / (windows * window) as f64
}

/// Opening quote marks “ and «, plus pairs of straight double quotes.
///
/// ```
/// assert_eq!(article_analyzer::stats::quotes("“a” «b» \"c\" \"d"), 3);
/// ```
pub fn quotes(text: &str) -> usize {
    let mut opening = 0;
    let mut straight = 0;
    for c in text.chars() {
        match c {
            '“' | '«' => opening += 1,
            '"' => straight += 1,
            _ => {}
        }
    }
    opening + straight / 2
}

fn questions(table: &WordTable<'_>, sentences: &[Sentence]) -> usize {
    let closers = ['"', '\'', '”', '’', '»', '›', ')', ']', '}'];
    sentences
        .iter()
        .filter(|s| {
            let mut i = s.end_token;
            while i > s.first_token {
                i -= 1;
                let Some(t) = table.tokens.get(i) else {
                    return false;
                };
                let piece = t.span.text(table.text);
                if t.kind == TokenKind::Punctuation && piece.chars().all(|c| closers.contains(&c)) {
                    continue;
                }
                return t.kind == TokenKind::Punctuation && piece.contains(['?', '؟']);
            }
            false
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mattr_equals_a_naive_recount() {
        let ids: Vec<u32> = (0..300u32).map(|i| (i * 7 + i / 3) % 37).collect();
        let naive = {
            let mut sum = 0.0;
            for w in ids.windows(50) {
                let mut v = w.to_vec();
                v.sort_unstable();
                v.dedup();
                sum += v.len() as f64 / 50.0;
            }
            sum / (ids.len() - 49) as f64
        };
        assert!((mattr(&ids, 37, 50) - naive).abs() < 1e-12);
    }

    #[test]
    fn questions_see_through_closing_quotes() {
        let a = crate::analyze(
            "قال: «هل جاء؟» نعم. Why?\" Fine.",
            &crate::Options::default(),
        );
        assert_eq!(a.text_statistics.questions, 2);
    }
}
