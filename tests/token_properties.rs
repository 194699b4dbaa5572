//! Properties of the tokenizer that must hold for every string: spans tile the input with
//! whitespace gaps, lie on char boundaries, and tokenizing never panics.
#![cfg(not(target_arch = "wasm32"))]

use article_analyzer::token::tokenize;
use proptest::prelude::*;

/// Checks tiling: tokens in order, non-empty, on char boundaries, gaps all whitespace, and
/// tokens without whitespace.
fn check_tiles(text: &str) -> Result<(), TestCaseError> {
    let mut at = 0;
    let mut rebuilt = String::with_capacity(text.len());
    for t in tokenize(text) {
        prop_assert!(t.span.start >= at, "overlap at {}", t.span.start);
        prop_assert!(t.span.end > t.span.start, "empty token");
        prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        let gap = &text[at..t.span.start];
        prop_assert!(
            gap.chars().all(char::is_whitespace),
            "gap {gap:?} holds text"
        );
        let piece = t.span.text(text);
        prop_assert!(
            !piece.chars().any(char::is_whitespace),
            "token {piece:?} holds space"
        );
        rebuilt.push_str(gap);
        rebuilt.push_str(piece);
        at = t.span.end;
    }
    prop_assert!(text[at..].chars().all(char::is_whitespace));
    rebuilt.push_str(&text[at..]);
    prop_assert_eq!(rebuilt, text);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Any Unicode string at all.
    #[test]
    fn spans_tile_any_string(text in any::<String>()) {
        check_tiles(&text)?;
    }

    /// News-like strings: Arabic with marks, Latin, digits of three scripts, the characters the
    /// refinement rules look at, emoji pieces, bidi controls and many kinds of whitespace.
    #[test]
    fn spans_tile_news_like_strings(
        text in "[a-zA-Z0-9 \n\t.,;:'’‘\"!?()\\[\\]%$#@/\\-_·éß\u{300}\u{301}\u{64B}\u{64E}\u{651}\u{670}\u{640}ابتدرسعفقكلمنهويىةأإآءپچژکگی٠-٩۰-۹٫٬،؛؟«»—–…“”\u{A0}\u{2009}\u{3000}\u{2028}\u{200B}\u{200C}\u{200D}\u{200E}\u{200F}\u{202A}-\u{202E}\u{2066}-\u{2069}\u{FEFF}\u{5D0}😀🇸\u{1F3FD}\u{FE0F}\u{20E3}]{0,40}"
    ) {
        check_tiles(&text)?;
    }

    /// Strings assembled from pieces the recognizers care about, so URL, e-mail, date and
    /// abbreviation paths are exercised at their edges.
    #[test]
    fn spans_tile_pattern_soup(
        parts in proptest::collection::vec(
            prop::sample::select(vec![
                "https://", "www.", "x.org", "/a?b=c#d", "@", "#", "ali", "فلسطين", "12", "٢٨",
                "/", "-", ".", ":", "U.S", "Dr", "'", "’", "s", " ", "\u{202B}", "\u{301}", "😀",
                "\u{200D}", "%", "٪", "(", ")", "،", "ال", "و",
            ]),
            0..16,
        )
    ) {
        let text: String = parts.concat();
        check_tiles(&text)?;
    }
}

#[test]
fn spans_tile_every_seed_and_edge_case() {
    for text in [
        "",
        " ",
        "\u{202B}",
        "\u{301}",
        "a\u{202C}",
        " \u{2067}\u{2069} ",
        "🏳️‍🌈🇸🇦1️⃣",
        "https://",
        "www.",
        "@",
        "#",
        "a@b",
        "x@y.z",
        "1/2/",
        "12:",
        "U.S.",
        "Residents'",
    ] {
        check_tiles(text).unwrap();
    }
}
