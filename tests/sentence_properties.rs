//! Properties of sentences and paragraphs over arbitrary text: every token in exactly one
//! sentence, every sentence in exactly one paragraph, in order, and no panic on any input.
#![cfg(not(target_arch = "wasm32"))]

use article_analyzer::paragraph::paragraphs;
use article_analyzer::sentence::sentences;
use article_analyzer::token::tokenize;
use proptest::prelude::*;

/// Text made of the pieces sentence rules look at: stops, closers, openers, abbreviations,
/// Arabic, digits, emoticons, citations, line breaks of every kind.
fn texty() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "word", "Word", "The", "i", "J", "U.S", "Dr", "etc", "No", "p.m", "5", "3.5", "٣", "قال",
        "د", "م", "هـ", "؛", ".", "..", "...", "…", "!", "?", "؟", "?!", "。", "۔", "\"", "'", "”",
        "“", "»", "«", ")", "(", "[", "]", "[6]", ":)", ":-(", ",", ":", ";", "-", "—", "😀", "🇺🇸",
        " ", " ", " ", "\n", "\n\n", "\r\n", "\u{2029}", "\u{2028}", "\t", "é", "\u{301}",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn sentences_tile_the_tokens(text in texty()) {
        let tokens = tokenize(&text);
        let found = sentences(&text, &tokens);
        let mut next = 0;
        for s in &found {
            prop_assert_eq!(s.first_token, next);
            prop_assert!(s.end_token > s.first_token);
            prop_assert_eq!(s.span.start, tokens[s.first_token].span.start);
            prop_assert_eq!(s.span.end, tokens[s.end_token - 1].span.end);
            next = s.end_token;
        }
        prop_assert_eq!(next, tokens.len());
    }

    #[test]
    fn paragraphs_tile_the_sentences(text in texty()) {
        let tokens = tokenize(&text);
        let found = sentences(&text, &tokens);
        let paras = paragraphs(&text, &found);
        let mut next = 0;
        for p in &paras {
            prop_assert_eq!(p.first_sentence, next);
            prop_assert!(p.end_sentence > p.first_sentence);
            prop_assert_eq!(p.span.start, found[p.first_sentence].span.start);
            prop_assert_eq!(p.span.end, found[p.end_sentence - 1].span.end);
            next = p.end_sentence;
        }
        prop_assert_eq!(next, found.len());
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,64}") {
        let tokens = tokenize(&text);
        let found = sentences(&text, &tokens);
        let _ = paragraphs(&text, &found);
    }
}

#[test]
fn blank_line_separates_sentences_and_paragraphs() {
    let text = "first line without stop\n\nsecond line";
    let found = sentences(text, &tokenize(text));
    assert_eq!(found.len(), 2);
    assert_eq!(paragraphs(text, &found).len(), 2);
}
