//! Paragraphs: runs of whole sentences between line breaks, each with its language.
//!
//! Rules:
//! 1. A paragraph is made of whole sentences; it spans from the start of its first sentence to
//!    the end of its last, so whitespace between paragraphs belongs to none.
//! 2. A blank line (a line break, optional spaces, another line break) or a Unicode paragraph
//!    separator (U+2029) always starts a new paragraph. `\r\n`, `\r`, U+2028 and the other
//!    Unicode line breaks count as line breaks.
//! 3. A single line break starts a new paragraph too: news text copied from the web usually
//!    puts one paragraph per line, separated by a blank line (BBC) or by a single line break
//!    (SaudiNewsNet, most Arabic sites), and a headline or a dateline on its own line is its own
//!    paragraph.
//! 4. Except in hard-wrapped text: when the text has a blank line and some sentence runs across
//!    a line break (the sentence rules keep a wrapped line going, see [`crate::sentence`]), the
//!    writer wrapped lines by hand, and only blank lines separate paragraphs.
//! 5. Each paragraph gets the language [`crate::lang::detect`] finds in its text, so a mixed
//!    Arabic/English article reports each paragraph in its own language.

use crate::lang::{detect_with_letters, Language, Letters, TokenWords};
use crate::sentence::{has_line_break, line_breaks, Sentence};
use crate::span::Span;
use crate::token::Token;

/// A paragraph of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    /// From the start of its first sentence to the end of its last.
    pub span: Span,
    /// Index of its first sentence in the sentence list.
    pub first_sentence: usize,
    /// One past the index of its last sentence.
    pub end_sentence: usize,
    /// The language detected in its text.
    pub language: Language,
}

/// True when `gap` (whitespace between two sentences) holds a blank line: two line breaks, or a
/// Unicode paragraph separator.
fn has_blank_line(gap: &str) -> bool {
    line_breaks(gap) >= 2
}

/// Groups the `sentences` of `text` into paragraphs.
///
/// ```
/// use article_analyzer::{paragraph::paragraphs, sentence::sentences, token::tokenize};
/// use article_analyzer::lang::Language;
/// let text = "Markets rose. Oil fell.\n\nارتفعت الأسهم.\nNew line, new paragraph.";
/// let found = paragraphs(text, &sentences(text, &tokenize(text)));
/// let shown: Vec<_> = found.iter().map(|p| (p.span.text(text), p.language.code())).collect();
/// assert_eq!(shown, [
///     ("Markets rose. Oil fell.", "en"),
///     ("ارتفعت الأسهم.", "ar"),
///     ("New line, new paragraph.", "en"),
/// ]);
/// ```
pub fn paragraphs(text: &str, sentences: &[Sentence]) -> Vec<Paragraph> {
    paragraphs_and_letters(text, sentences).0
}

/// Like [`paragraphs`], with the letters of the whole text (the paragraphs' and those between
/// them), counted as the paragraphs' languages are detected: detecting the language of the whole
/// text from them ([`crate::lang::detect_with_letters`]) does not count its letters again.
pub fn paragraphs_and_letters(text: &str, sentences: &[Sentence]) -> (Vec<Paragraph>, Letters) {
    group(text, sentences, |span, _, own| {
        detect_with_letters(span.text(text), own).0
    })
}

/// Like [`paragraphs`], for the `tokens` of `text` with their text ids (`ids` per token,
/// `texts` per id; see [`crate::intern::Surfaces`]), with the language of the whole text: the
/// function words are counted once per distinct token text ([`TokenWords`]), with the same
/// result as [`paragraphs_and_letters`] and [`crate::lang::detect_with_letters`].
pub fn paragraphs_of_tokens(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    ids: &[u32],
    texts: &[&str],
) -> (Vec<Paragraph>, Language) {
    let mut words = TokenWords::new(text, tokens, ids, texts);
    let (paragraphs, letters) = group(text, sentences, |span, (first, end), own| {
        let first_token = sentences.get(first).map_or(0, |s| s.first_token);
        let end_token = end
            .checked_sub(1)
            .and_then(|last| sentences.get(last))
            .map_or(first_token, |s| s.end_token);
        words.detect(span, (first_token, end_token), own).0
    });
    (paragraphs, words.detect_text(&letters).0)
}

/// Groups the `sentences` of `text` into paragraphs (see the module rules), each with the
/// language `detect` gives its span, its sentences and its letters; and the letters of the
/// whole text.
fn group(
    text: &str,
    sentences: &[Sentence],
    mut detect: impl FnMut(Span, (usize, usize), &Letters) -> Language,
) -> (Vec<Paragraph>, Letters) {
    let mut letters = Letters::default();
    let mut counted = 0usize;
    let gap = |i: usize| -> &str {
        text.get(sentences[i].span.end..sentences[i + 1].span.start)
            .unwrap_or("")
    };
    let n = sentences.len();
    let any_blank = (0..n.saturating_sub(1)).any(|i| has_blank_line(gap(i)));
    let wrapped = any_blank && sentences.iter().any(|s| has_line_break(s.span.text(text)));
    let mut out = Vec::new();
    let mut first = 0usize;
    for i in 0..n {
        let ends_here = i + 1 == n || {
            let g = gap(i);
            if wrapped {
                has_blank_line(g)
            } else {
                has_line_break(g)
            }
        };
        if ends_here {
            let span = Span::new(sentences[first].span.start, sentences[i].span.end);
            let own = Letters::of(span.text(text));
            letters.add(&Letters::of(text.get(counted..span.start).unwrap_or("")));
            letters.add(&own);
            counted = span.end.max(counted);
            out.push(Paragraph {
                span,
                first_sentence: first,
                end_sentence: i + 1,
                language: detect(span, (first, i + 1), &own),
            });
            first = i + 1;
        }
    }
    letters.add(&Letters::of(text.get(counted..).unwrap_or("")));
    (out, letters)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentence::sentences;
    use crate::token::tokenize;

    /// Both ways of detecting the paragraphs' languages and the text's, side by side.
    fn both_ways(text: &str) -> ((Vec<Paragraph>, Language), (Vec<Paragraph>, Language)) {
        let tokens = tokenize(text);
        let found = sentences(text, &tokens);
        let ids = crate::intern::Surfaces::new(text, &tokens);
        let (paragraphs, letters) = paragraphs_and_letters(text, &found);
        let language = detect_with_letters(text, &letters).0;
        (
            (paragraphs, language),
            paragraphs_of_tokens(text, &tokens, &found, &ids.ids, &ids.texts),
        )
    }

    #[test]
    fn counting_over_tokens_detects_what_reading_the_text_does() {
        // One French word among the first 2,000, English after them: French, as examined.
        let long = format!("le {}{}", "chat ".repeat(1999), "the ".repeat(10));
        // The 2,000th word: a whole token; running on into a touching quote; one of a token's.
        let (many, words) = ("chat ".repeat(1999), "the und the und");
        let whole = format!("{many}{words}");
        let quoted = format!("{many}‘the’ {words}");
        // (German by its first word, unless the `the` after the 2,000th word were counted.)
        let split = format!("und {}semi-the {words}", "chat ".repeat(1998));
        for text in [
            whole.as_str(),
            quoted.as_str(),
            split.as_str(),
            // Quoted words are words with their quotes: `'the'` is no function word.
            "'the' 'the' 'the' und",
            "",
            "Le président a dit que l'accord est proche.\nThe deal is close, he said.",
            // Words that run across two touching tokens: a closing quote, an elision.
            "‘Hello’s’ d'une l’homme isn't 'the' rock'n'roll.\nقال 'إن' الرئيس.",
            "وقال المتحدث باسم الوزارة إن الاجتماع سيعقد.\nوزیر امور خارجه ایران در این نشست گفت.",
            // More words than a paragraph examines: its text is read whole.
            long.as_str(),
            "https://the-site.org/de/la/le du.the #the_and @of_la 2026-11-28 U.S. d’Italia",
        ] {
            let (read, counted) = both_ways(text);
            assert_eq!(read, counted, "{text:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// Texts dense in function words of both tables, apostrophes, quotes and line breaks.
        #[test]
        fn counting_over_tokens_agrees_on_any_mix(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just("the"), proptest::strategy::Just("The"),
                    proptest::strategy::Just("de"), proptest::strategy::Just("l'"),
                    proptest::strategy::Just("d’"), proptest::strategy::Just("und"),
                    proptest::strategy::Just("في"), proptest::strategy::Just("از"),
                    proptest::strategy::Just("کے"), proptest::strategy::Just("قال"),
                    proptest::strategy::Just("'"), proptest::strategy::Just("’"),
                    proptest::strategy::Just("‘"), proptest::strategy::Just("\""),
                    proptest::strategy::Just(" "), proptest::strategy::Just("\n"),
                    proptest::strategy::Just("\n\n"), proptest::strategy::Just(". "),
                    proptest::strategy::Just("-"), proptest::strategy::Just("3"),
                    proptest::strategy::Just("é"), proptest::strategy::Just("x"),
                ],
                0..60,
            ),
        ) {
            let text = parts.concat();
            let (read, counted) = both_ways(&text);
            proptest::prop_assert_eq!(read, counted);
        }
    }

    fn texts(text: &str) -> Vec<&str> {
        paragraphs(text, &sentences(text, &tokenize(text)))
            .iter()
            .map(|p| p.span.text(text))
            .collect()
    }

    #[test]
    fn letters_of_the_paragraphs_are_the_letters_of_the_text() {
        for text in [
            "",
            "   \n\n  ",
            "  Markets rose. Oil fell.\n\nارتفعت الأسهم.\nNew line, new paragraph.  \n",
            "قال الرئيس\n\nThe president said\n— Привет мир.",
            "١٢٣ — 15% …",
        ] {
            let (_, letters) = paragraphs_and_letters(text, &sentences(text, &tokenize(text)));
            assert_eq!(letters, Letters::of(text), "{text:?}");
        }
    }

    #[test]
    fn blank_line_separates_paragraphs() {
        assert_eq!(texts("One. Two.\n\nThree."), ["One. Two.", "Three."]);
        assert_eq!(texts("One.\n \t\n\nTwo."), ["One.", "Two."]);
    }

    #[test]
    fn single_line_break_separates_paragraphs_in_unwrapped_text() {
        assert_eq!(
            texts("قال الوزير إن الخطة جاهزة.\nوأضاف أن التنفيذ يبدأ غدا."),
            ["قال الوزير إن الخطة جاهزة.", "وأضاف أن التنفيذ يبدأ غدا."]
        );
    }

    #[test]
    fn headline_is_its_own_paragraph() {
        assert_eq!(
            texts("Bridge plan approved\nThe council voted on Tuesday."),
            ["Bridge plan approved", "The council voted on Tuesday."]
        );
    }

    #[test]
    fn hard_wrapped_text_keeps_paragraphs_between_blank_lines() {
        let text = "The council voted on Tuesday to approve the long-awaited\nbridge plan. It \
                    will cost more than expected.\nWork starts soon.\n\nA second paragraph.";
        assert_eq!(
            texts(text),
            [
                "The council voted on Tuesday to approve the long-awaited\nbridge plan. It will \
                 cost more than expected.\nWork starts soon.",
                "A second paragraph."
            ]
        );
    }

    #[test]
    fn each_paragraph_has_its_language() {
        let text = "ارتفع المؤشر العام.\n\nThe index rose.";
        let found = paragraphs(text, &sentences(text, &tokenize(text)));
        let langs: Vec<_> = found.iter().map(|p| p.language).collect();
        assert_eq!(langs, [Language::Arabic, Language::English]);
    }

    #[test]
    fn paragraphs_cover_every_sentence_once_in_order() {
        let text = "A.\nB. C.\n\n\nD\nE";
        let s = sentences(text, &tokenize(text));
        let p = paragraphs(text, &s);
        let mut next = 0;
        for para in &p {
            assert_eq!(para.first_sentence, next);
            assert!(para.end_sentence > para.first_sentence);
            next = para.end_sentence;
        }
        assert_eq!(next, s.len());
    }

    #[test]
    fn crlf_and_unicode_separators_count_as_line_breaks() {
        assert_eq!(
            texts("One.\r\nTwo.\r\n\r\nThree."),
            ["One.", "Two.", "Three."]
        );
        assert_eq!(
            texts("One.\u{2029}Two.\u{2028}Three."),
            ["One.", "Two.", "Three."]
        );
    }

    #[test]
    fn empty_text_has_no_paragraph() {
        assert!(paragraphs("", &[]).is_empty());
        assert!(texts("  \n\n ").is_empty());
    }
}
