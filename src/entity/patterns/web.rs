//! Web forms: URLs, e-mail addresses, `@mentions` and `#hashtags`.
//!
//! Rules:
//! 1. A URL starts with `http://`, `https://` or `www.` after a non-letter, and runs to the next
//!    whitespace; closing punctuation at its end (`.,;:!?)]}»”"'`) is not part of it, except a
//!    `)` that closes a `(` inside.
//! 2. An e-mail address is `local@domain.tld`: a local part of letters, digits and `._%+-`, a
//!    domain of letters, digits, `-` and dots, with a final label of two letters or more.
//! 3. A mention is `@` after a non-letter, followed by 1–30 ASCII letters, digits or `_`.
//! 4. A hashtag is `#` after a non-letter, followed by letters (any script), digits, `_` and
//!    joining marks, with at least one letter (`#1` is a number, not a tag).
//!
//! The tokenizer may one day give these as single tokens; until then they are scanned from the
//! text here, and the tokens they cover take no other pattern.

use crate::entity::{Entity, EntityKind};
use crate::span::Span;

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn prev_char(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

/// Scans `text` for web forms, in order, non-overlapping.
///
/// ```
/// use article_analyzer::entity::patterns::web::scan;
/// let text = "see https://example.org/a?b=1. Mail press@example.org or @space_fan_42 #Aurora2";
/// let found: Vec<_> = scan(text).iter().map(|e| e.span.text(text)).collect();
/// assert_eq!(found, ["https://example.org/a?b=1", "press@example.org", "@space_fan_42", "#Aurora2"]);
/// ```
pub fn scan(text: &str) -> Vec<Entity> {
    let mut out = Vec::new();
    let mut at = 0;
    let bytes = text.as_bytes();
    while at < text.len() {
        // Every form starts at one of these ASCII bytes; no byte of a longer UTF-8 character is
        // ASCII, so the others are skipped byte by byte, without decoding characters.
        let Some(skip) = bytes[at..]
            .iter()
            .position(|b| matches!(b, b'h' | b'w' | b'H' | b'W' | b'@' | b'#'))
        else {
            break;
        };
        at += skip;
        let b = bytes[at];
        let found = match b {
            b'h' | b'w' | b'H' | b'W' => url(text, at),
            b'@' => email_around(text, at).or_else(|| mention(text, at)),
            b'#' => hashtag(text, at),
            _ => None,
        };
        match found {
            Some(e) => {
                // An e-mail found at its `@` starts before `at`: drop anything it swallows.
                while out
                    .last()
                    .is_some_and(|p: &Entity| p.span.end > e.span.start)
                {
                    out.pop();
                }
                at = e.span.end;
                out.push(e);
            }
            // The byte at `at` is ASCII: one character.
            None => at += 1,
        }
    }
    out
}

fn url(text: &str, at: usize) -> Option<Entity> {
    let rest = &text[at..];
    let lower = |p: &str| {
        rest.get(..p.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(p))
    };
    if !(lower("http://") || lower("https://") || lower("www.")) {
        return None;
    }
    if prev_char(text, at).is_some_and(is_word_char) {
        return None;
    }
    let mut end = rest
        .char_indices()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '«' | '»' | '“' | '”'))
        .map_or(rest.len(), |(i, _)| i);
    // Trailing punctuation is the sentence's.
    while let Some(c) = rest[..end].chars().next_back() {
        let unbalanced_paren =
            c == ')' && rest[..end].matches('(').count() < rest[..end].matches(')').count();
        if matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | ']' | '}' | '\'' | '،' | '؛' | '؟'
        ) || unbalanced_paren
        {
            end -= c.len_utf8();
        } else {
            break;
        }
    }
    let scheme = if lower("www.") {
        4
    } else {
        rest.find("//")? + 2
    };
    if end <= scheme + 1 {
        return None;
    }
    Some(Entity::new(Span::new(at, at + end), EntityKind::Url))
}

fn email_around(text: &str, at: usize) -> Option<Entity> {
    let local_start = text[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-'))
        .last()
        .map(|(i, _)| i)?;
    let local = &text[local_start..at];
    if local.is_empty() || local.starts_with('.') {
        return None;
    }
    let rest = &text[at + 1..];
    let mut end = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-')))
        .map_or(rest.len(), |(i, _)| i);
    while rest[..end].ends_with(['.', '-']) {
        end -= 1;
    }
    let domain = &rest[..end];
    let tld = domain.rsplit('.').next()?;
    if !domain.contains('.') || tld.len() < 2 || !tld.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    Some(Entity::new(
        Span::new(local_start, at + 1 + end),
        EntityKind::Email,
    ))
}

fn mention(text: &str, at: usize) -> Option<Entity> {
    if prev_char(text, at).is_some_and(is_word_char) {
        return None;
    }
    let rest = &text[at + 1..];
    let len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    if len == 0 || len > 30 {
        return None;
    }
    Some(Entity::new(
        Span::new(at, at + 1 + len),
        EntityKind::Mention,
    ))
}

fn hashtag(text: &str, at: usize) -> Option<Entity> {
    if prev_char(text, at).is_some_and(|c| is_word_char(c) || c == '&') {
        return None;
    }
    let rest = &text[at + 1..];
    let len = rest
        .char_indices()
        .find(|&(_, c)| {
            !(is_word_char(c)
                || crate::normalize::is_arabic_mark(c)
                || c == '\u{0640}'
                || c == '\u{200C}')
        })
        .map_or(rest.len(), |(i, _)| i);
    if !rest[..len].chars().any(char::is_alphabetic) {
        return None;
    }
    Some(Entity::new(
        Span::new(at, at + 1 + len),
        EntityKind::Hashtag,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(&str, EntityKind)> {
        scan(text)
            .into_iter()
            .map(|e| (e.span.text(text), e.kind))
            .collect()
    }

    #[test]
    fn urls_leave_sentence_punctuation_out() {
        assert_eq!(
            kinds("on its website https://example.org/news/aurora-2?lang=en#update."),
            [(
                "https://example.org/news/aurora-2?lang=en#update",
                EntityKind::Url
            )]
        );
        assert_eq!(
            kinds("(see www.example.com/a_(b))."),
            [("www.example.com/a_(b)", EntityKind::Url)]
        );
        assert!(kinds("https:// nothing").is_empty());
    }

    #[test]
    fn emails_mentions_and_hashtags() {
        assert_eq!(
            kinds("sent to press@example.org."),
            [("press@example.org", EntityKind::Email)]
        );
        assert_eq!(
            kinds("wrote @space_fan_42, while #Aurora2 trended"),
            [
                ("@space_fan_42", EntityKind::Mention),
                ("#Aurora2", EntityKind::Hashtag)
            ]
        );
        assert_eq!(
            kinds("وسم #غزة_تنتصر اليوم"),
            [("#غزة_تنتصر", EntityKind::Hashtag)]
        );
        assert!(kinds("issue #1 and C# and a@b").is_empty());
    }

    /// The scan as it was written before: a step of one character after every position.
    fn scan_by_chars(text: &str) -> Vec<Entity> {
        let mut out: Vec<Entity> = Vec::new();
        let mut at = 0;
        while at < text.len() {
            let found = match text.as_bytes()[at] {
                b'h' | b'w' | b'H' | b'W' => url(text, at),
                b'@' => email_around(text, at).or_else(|| mention(text, at)),
                b'#' => hashtag(text, at),
                _ => None,
            };
            match found {
                Some(e) => {
                    while out.last().is_some_and(|p| p.span.end > e.span.start) {
                        out.pop();
                    }
                    at = e.span.end;
                    out.push(e);
                }
                None => at += text[at..].chars().next().map_or(1, char::len_utf8),
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn skipping_to_the_start_bytes_finds_what_stepping_by_characters_did(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just("https://example.org/a_(b)?x=1#y".to_string()),
                    proptest::strategy::Just("www.".to_string()),
                    proptest::strategy::Just("press@example.org".to_string()),
                    proptest::strategy::Just("@fan_42".to_string()),
                    proptest::strategy::Just("#غزة".to_string()),
                    proptest::strategy::Just("Wh".to_string()),
                    proptest::strategy::Just("é@é.com".to_string()),
                    proptest::strategy::Just("😀".to_string()),
                    "[ .,()@#hwHW\\u{600}-\\u{6FF}a-z:/]{0,6}",
                ],
                0..24,
            ),
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(scan(&text), scan_by_chars(&text));
        }
    }

    #[test]
    fn never_panics_on_odd_text() {
        for t in [
            "@",
            "#",
            "h",
            "www.",
            "x@",
            "@😀",
            "#😀",
            "é@é.com",
            "http://é",
        ] {
            let _ = scan(t);
        }
    }
}
