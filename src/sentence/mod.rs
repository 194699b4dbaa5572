//! Sentences: spans from the first to the last token of each sentence.
//!
//! Rules, for every script:
//! 1. Every token belongs to exactly one sentence; a sentence spans from the start of its first
//!    token to the end of its last, so whitespace between sentences belongs to none.
//! 2. A *stop* is a run of adjacent terminator tokens: `.` `!` `?` `؟` `…` `。` `۔` and their
//!    repetitions (`...`, `?!`, `!!!`). A word token that ends in `.` (an abbreviation the
//!    tokenizer kept whole, like `U.S.` or `Dr.`) is a `.` stop whose *stem* is the word without
//!    its dot; otherwise the stem of a `.` is the word glued to its left (`Dr` in `Dr .`).
//! 3. Closing quotes and brackets glued to a stop belong to its sentence (`.”` `؟»` `.)` `!"`).
//! 4. So do citation marks and emoticons that follow it on the same line (`… in 1805. [6]`,
//!    `I love her. :)`). An emoticon with no stop before it acts as one (`community :-) Posted`).
//! 5. A stop glued to what follows it (`U.S.-led`, `Inc.,`) ends nothing, except the full-width
//!    stops of scripts written without spaces (`。` `！` `？`), which always end a sentence.
//! 6. `?` `!` `؟` `。` `۔` end the sentence, except a quoted `?` or `!` followed by a lowercase
//!    Latin word (`“Why?” he asked.`). Unquoted, a lowercase word after them starts a new
//!    sentence (`where did you grow up? india?`), as in informal text.
//! 7. An ellipsis (`…`, `...`) or an emoticon ends the sentence unless a lowercase word follows.
//! 8. Whether a `.` ends the sentence depends on its stem's language: the English rules are in
//!    `english.rs` (abbreviations, initials, `No. 5`, `Nov. 28`, list markers), the Arabic
//!    ones in `arabic.rs` (titles like `د.`, era marks, why `؛` is no stop). Other scripts: it does.
//! 9. A line break ends the sentence, whatever precedes it: headlines, datelines and list items
//!    often carry no terminator. A blank line always does. The one exception is a hard-wrapped
//!    line: a single line break inside a long line of prose (40 characters or more) that does
//!    not end in a stop, colon or semicolon, when the next line goes on with a lowercase word
//!    (`…approve the long-awaited⏎bridge plan.`).

mod arabic;
mod english;

use crate::span::Span;
use crate::token::{Script, Token, TokenKind};

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

/// Groups `tokens` of `text` into sentences.
///
/// ```
/// use article_analyzer::{sentence::sentences, token::tokenize};
/// let text = "قال: «نعم.» ثم غادر. Dr. Lee met J. R. R. Tolkien in the U.S. on Nov. 28.\nHeadline\nBody!";
/// let found: Vec<_> = sentences(text, &tokenize(text)).iter().map(|s| s.span.text(text)).collect();
/// assert_eq!(found, [
///     "قال: «نعم.»",
///     "ثم غادر.",
///     "Dr. Lee met J. R. R. Tolkien in the U.S. on Nov. 28.",
///     "Headline",
///     "Body!",
/// ]);
/// ```
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0usize;
    let mut i = 0usize;
    let n = tokens.len();
    while i < n {
        if inside_sentence(text, tokens, i) {
            i += 1;
            continue;
        }
        let (last, ends) = boundary_at(text, tokens, i);
        let last = last.min(n - 1);
        if ends || last + 1 == n {
            out.push(Sentence {
                span: Span::new(tokens[first].span.start, tokens[last].span.end),
                first_token: first,
                end_token: last + 1,
            });
            first = last + 1;
        }
        i = last + 1;
    }
    out
}

/// True for the most common token, which [`boundary_at`] would find ends nothing: a word that
/// begins with an ASCII letter other than `x`/`X` (no emoticon starts so) or an Arabic base
/// letter (so it holds a letter, and is no stop), does not end in `.`, and is followed by
/// another token after at most one space (no line break). Checked on its bytes alone.
#[inline]
fn inside_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let (Some(token), Some(next)) = (tokens.get(i), tokens.get(i + 1)) else {
        return false;
    };
    if token.kind != TokenKind::Word {
        return false;
    }
    let bytes = text.as_bytes();
    let (start, end) = (token.span.start, token.span.end);
    let begins_with_letter = match bytes.get(start) {
        Some(&b) if b.is_ascii_alphabetic() => !matches!(b, b'x' | b'X'),
        _ => bytes
            .get(start..)
            .is_some_and(crate::token::is_arabic_base_letter),
    };
    let gap = next.span.start.checked_sub(end);
    begins_with_letter
        && end > start
        && bytes.get(end - 1) != Some(&b'.')
        && (gap == Some(0) || (gap == Some(1) && bytes.get(end) == Some(&b' ')))
}

/// The kind of a stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// `?` `!` `؟` `۔` and runs of them.
    Strong,
    /// `。` `！` `？` and other stops of scripts written without spaces: always an end.
    Final,
    /// `…`, `...` and longer runs of dots.
    Ellipsis,
    /// A single `.`.
    Period,
    /// An emoticon standing where a stop would (`:)`, `:-(`).
    Emoticon,
}

/// The word a `.` is attached to.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Stem<'a> {
    /// The word without the dot (`U.S` for `U.S.`, `Dr` for `Dr.`).
    pub text: &'a str,
    /// Index of the token that holds it.
    pub index: usize,
}

/// What follows a stop and its closers: the first token that is not an opening quote or
/// bracket.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Next<'a> {
    /// Its text.
    pub text: &'a str,
    /// Its kind.
    pub kind: TokenKind,
    /// Its script.
    pub script: Script,
}

impl Next<'_> {
    /// Starts with a lowercase letter (`the`, `iPhone`).
    pub fn is_lowercase(&self) -> bool {
        first_letter(self.text).is_some_and(char::is_lowercase)
    }

    /// A number token (`28`, `2026`, `٣`).
    pub fn is_number(&self) -> bool {
        self.kind == TokenKind::Number
    }
}

fn first_letter(s: &str) -> Option<char> {
    s.chars().next().filter(|c| c.is_alphabetic())
}

/// Decides at token `i`: the last token of the piece that starts there (a stop with its closers
/// and trailing marks, or the token alone) and whether the sentence ends after it.
fn boundary_at(text: &str, tokens: &[Token], i: usize) -> (usize, bool) {
    let (stop, stem, mut last) = match stop_at(text, tokens, i) {
        Some(found) => found,
        None => match emoticon_at(text, tokens, i) {
            Some(end) => (Stop::Emoticon, None, end),
            None => return (i, line_ends_sentence(text, tokens, i)),
        },
    };
    // Rule 3: closers.
    let mut quoted = false;
    while glued(tokens, last) && is_closer(tokens[last + 1].span.text(text)) {
        quoted |= is_quote(tokens[last + 1].span.text(text));
        last += 1;
    }
    // Rule 4: citation marks and emoticons on the same line stay with the sentence they close.
    while last + 1 < tokens.len() && !has_line_break(gap_after(text, tokens, last)) {
        match citation_at(text, tokens, last + 1).or_else(|| emoticon_at(text, tokens, last + 1)) {
            Some(end) => last = end,
            None => break,
        }
    }
    let ends = stop_ends_sentence(text, tokens, stop, stem, quoted, last)
        || line_ends_sentence(text, tokens, last);
    (last, ends)
}

/// True when token `i + 1` starts right where token `i` ends.
fn glued(tokens: &[Token], i: usize) -> bool {
    tokens
        .get(i + 1)
        .is_some_and(|next| next.span.start == tokens[i].span.end)
}

/// The whitespace after token `i` (to the next token or the end of the text).
fn gap_after<'a>(text: &'a str, tokens: &[Token], i: usize) -> &'a str {
    let end = tokens.get(i + 1).map_or(text.len(), |t| t.span.start);
    text.get(tokens[i].span.end..end).unwrap_or("")
}

/// The whitespace before token `i` (from the previous token or the start of the text).
fn gap_before<'a>(text: &'a str, tokens: &[Token], i: usize) -> &'a str {
    let start = if i == 0 { 0 } else { tokens[i - 1].span.end };
    text.get(start..tokens[i].span.start).unwrap_or("")
}

/// Line breaks in a run of whitespace: `\n`, `\r` (a `\r\n` pair counts once), vertical tab,
/// form feed, NEL, and the Unicode line and paragraph separators.
pub(crate) fn line_breaks(gap: &str) -> usize {
    // Most gaps between tokens are a space or two: no character to decode.
    if gap.bytes().all(|b| b == b' ') {
        return 0;
    }
    let mut count = 0;
    let mut previous = '\0';
    for c in gap.chars() {
        match c {
            '\n' if previous == '\r' => {}
            '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' => count += 1,
            '\u{2029}' => count += 2,
            _ => {}
        }
        previous = c;
    }
    count
}

/// True when `s` holds a line break (`line_breaks(s) > 0`), found over its bytes: `\n`, `\r`,
/// vertical tab and form feed are single bytes, NEL is `C2 85` and the line and paragraph
/// separators `E2 80 A8` and `E2 80 A9`.
pub(crate) fn has_line_break(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(at) = bytes.get(from..).and_then(|rest| {
        rest.iter()
            .position(|&b| matches!(b, 0x0A..=0x0D | 0xC2 | 0xE2))
    }) {
        let i = from + at;
        let found = match bytes[i] {
            0xC2 => bytes.get(i + 1) == Some(&0x85),
            0xE2 => {
                bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9))
            }
            _ => true,
        };
        if found {
            return true;
        }
        from = i + 1;
    }
    false
}

/// True when token `i` is the first of its line.
pub(crate) fn starts_line(text: &str, tokens: &[Token], i: usize) -> bool {
    i == 0 || has_line_break(gap_before(text, tokens, i))
}

/// Terminator characters: a token made only of these is part of a stop.
fn is_stop_char(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '؟'
            | '…'
            | '。'
            | '！'
            | '？'
            | '．'
            | '｡'
            | '۔'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '⸮'
    )
}

fn is_stop_piece(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_stop_char)
}

fn classify_stop(run: &str) -> Stop {
    let dots = run.chars().filter(|c| matches!(c, '.' | '．')).count();
    if run.chars().any(|c| matches!(c, '。' | '！' | '？' | '｡')) {
        Stop::Final
    } else if run.chars().any(|c| !matches!(c, '.' | '．' | '…')) {
        Stop::Strong
    } else if dots == 1 && !run.contains('…') {
        Stop::Period
    } else {
        Stop::Ellipsis
    }
}

/// Closing quotes and brackets that stay with the stop before them.
fn is_closer(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| {
            matches!(
                c,
                '"' | '\''
                    | '”'
                    | '’'
                    | '»'
                    | '›'
                    | ')'
                    | ']'
                    | '}'
                    | '」'
                    | '』'
                    | '）'
                    | '〉'
                    | '》'
                    | '﴾'
                    | '﴿'
            )
        })
}

/// Quotation marks (as opposed to brackets).
fn is_quote(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | '」' | '』'))
}

/// Emoticons written with punctuation, as they appear in informal text.
const EMOTICONS: &[&str] = &[
    ":)", ":-)", ":(", ":-(", ":D", ":-D", ":P", ":-P", ":p", ":-p", ";)", ";-)", ":/", ":-/",
    ":'(", ":o", ":O", "=)", "<3", "^_^", "^^", "xD", "XD", ":]", ":[", ":|",
];

/// An emoticon made of the glued tokens from `i`, standing apart from its neighbours: the
/// index of its last token.
fn emoticon_at(text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let start = tokens.get(i)?.span.start;
    // Cheap test first: every emoticon starts with one of these ASCII characters (a byte no
    // longer UTF-8 character starts with).
    if !text
        .as_bytes()
        .get(start)
        .is_some_and(|b| matches!(b, b':' | b';' | b'=' | b'<' | b'^' | b'x' | b'X'))
        || (i > 0 && glued(tokens, i - 1))
    {
        return None;
    }
    let mut last = i;
    loop {
        let piece = text.get(start..tokens[last].span.end)?;
        if piece.len() > 4 {
            return None;
        }
        if EMOTICONS.contains(&piece) && !glued(tokens, last) {
            return Some(last);
        }
        if !glued(tokens, last) {
            return None;
        }
        last += 1;
    }
}

/// A citation mark made of glued tokens from `i`: `[17]`, `[3, 4]`, `[…]`, `[...]`. The index
/// of its closing bracket.
fn citation_at(text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    if tokens.get(i)?.span.text(text) != "[" {
        return None;
    }
    let mut last = i;
    while last + 1 < tokens.len() && last < i + 8 && !has_line_break(gap_after(text, tokens, last))
    {
        last += 1;
        let piece = tokens[last].span.text(text);
        if piece == "]" {
            return (last > i + 1).then_some(last);
        }
        let inner_ok = tokens[last].kind == TokenKind::Number
            || piece
                .chars()
                .all(|c| matches!(c, '.' | '…' | ',' | '-' | '–'));
        if !inner_ok {
            return None;
        }
    }
    None
}

/// Opening quotes and brackets skipped when looking at what follows a stop.
fn is_opener(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| {
            matches!(
                c,
                '"' | '\''
                    | '“'
                    | '‘'
                    | '«'
                    | '‹'
                    | '('
                    | '['
                    | '{'
                    | '「'
                    | '『'
                    | '（'
                    | '〈'
                    | '《'
                    | '¿'
                    | '¡'
                    | '„'
                    | '‚'
                    | '﴾'
                    | '﴿'
            )
        })
}

/// The stop that starts at token `i`, if any: its kind, the stem of a `.`, and its last token.
fn stop_at<'a>(
    text: &'a str,
    tokens: &[Token],
    i: usize,
) -> Option<(Stop, Option<Stem<'a>>, usize)> {
    let token = tokens[i];
    let piece = token.span.text(text);
    // Any token made only of stop characters is a stop, whatever kind the tokenizer gives it.
    if is_stop_piece(piece) {
        let mut last = i;
        while glued(tokens, last) && is_stop_piece(tokens[last + 1].span.text(text)) {
            last += 1;
        }
        let run = text
            .get(token.span.start..tokens[last].span.end)
            .unwrap_or("");
        let stop = classify_stop(run);
        let stem = if stop == Stop::Period && i > 0 && glued(tokens, i - 1) {
            let before = tokens[i - 1];
            let word = before.span.text(text);
            (before.kind != TokenKind::Punctuation && !word.ends_with('.')).then_some(Stem {
                text: word,
                index: i - 1,
            })
        } else {
            None
        };
        return Some((stop, stem, last));
    }
    if token.kind != TokenKind::Punctuation && piece.len() > 1 && piece.ends_with('.') {
        let bare = piece.trim_end_matches('.');
        if bare.is_empty() {
            return None;
        }
        if piece.len() - bare.len() > 1 {
            return Some((Stop::Ellipsis, None, i));
        }
        return Some((
            Stop::Period,
            Some(Stem {
                text: bare,
                index: i,
            }),
            i,
        ));
    }
    None
}

/// The first token at or after `i` that is not an opening quote or bracket.
fn next_content<'a>(text: &'a str, tokens: &[Token], i: usize) -> Option<Next<'a>> {
    let mut k = i;
    while k < tokens.len() && k < i + 3 && is_opener(tokens[k].span.text(text)) {
        k += 1;
    }
    let t = tokens.get(k).or_else(|| tokens.get(i))?;
    Some(Next {
        text: t.span.text(text),
        kind: t.kind,
        script: t.script,
    })
}

/// Rules 5–8: does the stop ending at token `last` (closers included) end the sentence?
fn stop_ends_sentence(
    text: &str,
    tokens: &[Token],
    stop: Stop,
    stem: Option<Stem>,
    quoted: bool,
    last: usize,
) -> bool {
    if stop == Stop::Final {
        return true;
    }
    if glued(tokens, last) {
        return false;
    }
    let Some(next) = next_content(text, tokens, last + 1) else {
        return true;
    };
    match stop {
        Stop::Final => true,
        Stop::Strong => !(quoted && next.script == Script::Latin && next.is_lowercase()),
        Stop::Ellipsis | Stop::Emoticon => !next.is_lowercase(),
        Stop::Period => {
            let script = stem.map_or(Script::Common, |s| tokens[s.index].script);
            match script {
                Script::Arabic => arabic::period_ends_sentence(text, tokens, stem, next),
                Script::Latin | Script::Common => {
                    english::period_ends_sentence(text, tokens, stem, next)
                }
                _ => true,
            }
        }
    }
}

/// Rule 9: does the line break after token `last` (if any) end the sentence?
fn line_ends_sentence(text: &str, tokens: &[Token], last: usize) -> bool {
    let breaks = line_breaks(gap_after(text, tokens, last));
    if breaks == 0 || last + 1 >= tokens.len() {
        return false;
    }
    breaks > 1 || !is_wrapped_line(text, tokens, last)
}

/// A single line break after token `last` that only wraps a long line of prose.
fn is_wrapped_line(text: &str, tokens: &[Token], last: usize) -> bool {
    const MIN_LINE_CHARS: usize = 40;
    let end_piece = tokens[last].span.text(text);
    if end_piece.ends_with(['.', '!', '?', '؟', '…', ':', ';', '؛']) {
        return false;
    }
    let next = tokens[last + 1];
    if next.script != Script::Latin
        || !first_letter(next.span.text(text)).is_some_and(char::is_lowercase)
    {
        return false;
    }
    let line_start = text[..tokens[last].span.start]
        .rfind([
            '\n', '\r', '\u{0B}', '\u{0C}', '\u{85}', '\u{2028}', '\u{2029}',
        ])
        .map_or(0, |p| p + 1);
    text.get(line_start..tokens[last].span.end)
        .is_some_and(|line| line.chars().count() >= MIN_LINE_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    pub(crate) fn split(text: &str) -> Vec<&str> {
        sentences(text, &tokenize(text))
            .iter()
            .map(|s| s.span.text(text))
            .collect()
    }

    #[test]
    fn every_token_in_exactly_one_sentence() {
        let text = "  A. B?! \"C.\" (D.) E…\n\nF\nG  ";
        let tokens = tokenize(text);
        let found = sentences(text, &tokens);
        let mut next = 0;
        for s in &found {
            assert_eq!(s.first_token, next);
            assert!(s.end_token > s.first_token);
            assert_eq!(s.span.start, tokens[s.first_token].span.start);
            assert_eq!(s.span.end, tokens[s.end_token - 1].span.end);
            next = s.end_token;
        }
        assert_eq!(next, tokens.len());
    }

    #[test]
    fn empty_and_blank_texts_have_no_sentence() {
        assert!(split("").is_empty());
        assert!(split(" \n\t ").is_empty());
    }

    #[test]
    fn closers_stay_with_their_stop() {
        assert_eq!(
            split("He said “no.” Then left."),
            ["He said “no.”", "Then left."]
        );
        assert_eq!(split("(It rained.) We left."), ["(It rained.)", "We left."]);
        assert_eq!(split("قال «نعم؟» ثم غادر."), ["قال «نعم؟»", "ثم غادر."]);
        assert_eq!(
            split("He yelled \"Stop!\" Nobody did."),
            ["He yelled \"Stop!\"", "Nobody did."]
        );
    }

    #[test]
    fn repeated_terminators_are_one_stop() {
        assert_eq!(
            split("Really?! Yes!!! Fine..."),
            ["Really?!", "Yes!!!", "Fine..."]
        );
    }

    #[test]
    fn line_without_terminator_ends_a_sentence() {
        assert_eq!(
            split("Bridge plan approved\nThe council voted.\n- first item\n- second item"),
            [
                "Bridge plan approved",
                "The council voted.",
                "- first item",
                "- second item"
            ]
        );
    }

    #[test]
    fn blank_line_always_ends_a_sentence() {
        assert_eq!(
            split("the council voted on Tuesday to approve the long-awaited\n\nbridge plan"),
            [
                "the council voted on Tuesday to approve the long-awaited",
                "bridge plan"
            ]
        );
    }

    #[test]
    fn hard_wrapped_prose_keeps_its_sentence() {
        assert_eq!(
            split("The council voted on Tuesday to approve the long-awaited\nbridge plan. Work starts."),
            [
                "The council voted on Tuesday to approve the long-awaited\nbridge plan.",
                "Work starts."
            ]
        );
    }

    #[test]
    fn short_line_before_lowercase_is_not_wrapped() {
        assert_eq!(
            split("Ingredients\nflour\nsugar"),
            ["Ingredients", "flour", "sugar"]
        );
    }

    proptest::proptest! {
        /// The byte search finds a line break exactly when counting them finds one, and the
        /// fast path for spaces counts as the characters do.
        #[test]
        fn a_line_break_is_found_over_bytes_as_over_characters(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just("\n"), proptest::strategy::Just("\r"),
                    proptest::strategy::Just("\u{0B}"), proptest::strategy::Just("\u{0C}"),
                    proptest::strategy::Just("\u{85}"), proptest::strategy::Just("\u{2028}"),
                    proptest::strategy::Just("\u{2029}"), proptest::strategy::Just(" "),
                    proptest::strategy::Just("\u{A0}"), proptest::strategy::Just("\u{2027}"),
                    proptest::strategy::Just("\u{202A}"), proptest::strategy::Just("\u{2000}"),
                    proptest::strategy::Just("\u{C5}"), proptest::strategy::Just("\u{105}"),
                    proptest::strategy::Just("word"), proptest::strategy::Just("قال"),
                    proptest::strategy::Just("\t"),
                ],
                0..12,
            ),
        ) {
            let s = parts.concat();
            proptest::prop_assert_eq!(has_line_break(&s), line_breaks(&s) > 0);
            let by_chars = s.chars().filter(|&c| c == ' ').count() == s.chars().count();
            if by_chars {
                proptest::prop_assert_eq!(line_breaks(&s), 0);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]
        /// Where the fast test says a token ends nothing, the rules say so too: on texts of
        /// words, abbreviations, stops, emoticons, quotes and numbers, with every kind of gap.
        #[test]
        fn a_token_inside_a_sentence_ends_nothing_by_the_rules(
            parts in proptest::collection::vec(
                (
                    proptest::prop_oneof![
                        proptest::strategy::Just("word"), proptest::strategy::Just("Word"),
                        proptest::strategy::Just("xD"), proptest::strategy::Just("x"),
                        proptest::strategy::Just("Dr."), proptest::strategy::Just("U.S."),
                        proptest::strategy::Just("."), proptest::strategy::Just("?"),
                        proptest::strategy::Just("..."), proptest::strategy::Just(":)"),
                        proptest::strategy::Just(":"), proptest::strategy::Just("”"),
                        proptest::strategy::Just("«"), proptest::strategy::Just("قال"),
                        proptest::strategy::Just("د."), proptest::strategy::Just("؟"),
                        proptest::strategy::Just("۔"), proptest::strategy::Just("٣"),
                        proptest::strategy::Just("12"), proptest::strategy::Just("é"),
                        proptest::strategy::Just("ـقال"), proptest::strategy::Just("。"),
                    ],
                    proptest::prop_oneof![
                        proptest::strategy::Just(" "), proptest::strategy::Just(""),
                        proptest::strategy::Just("\n"), proptest::strategy::Just("  "),
                        proptest::strategy::Just("\u{A0}"),
                    ],
                ),
                0..40,
            ),
        ) {
            let text: String = parts.iter().flat_map(|&(t, gap)| [t, gap]).collect();
            let tokens = tokenize(&text);
            for i in 0..tokens.len() {
                if inside_sentence(&text, &tokens, i) {
                    proptest::prop_assert_eq!(
                        boundary_at(&text, &tokens, i),
                        (i, false),
                        "{:?} at {}",
                        text,
                        i
                    );
                }
            }
        }
    }

    #[test]
    fn crlf_line_breaks_count_once() {
        assert_eq!(line_breaks("\r\n"), 1);
        assert_eq!(line_breaks("\r\n\r\n"), 2);
        assert_eq!(line_breaks(" \u{2029} "), 2);
        assert_eq!(split("Headline\r\nBody."), ["Headline", "Body."]);
    }

    #[test]
    fn citation_marks_stay_with_the_sentence_they_close() {
        assert_eq!(
            split("He left in 1805. [6] Then he wrote. [12, 13]\nNext [a] one."),
            [
                "He left in 1805. [6]",
                "Then he wrote. [12, 13]",
                "Next [a] one."
            ]
        );
        assert_eq!(
            split("It hurts! [...] We go on."),
            ["It hurts! [...]", "We go on."]
        );
    }

    #[test]
    fn emoticons_close_sentences() {
        assert_eq!(
            split("I love her. :) She is great!"),
            ["I love her. :)", "She is great!"]
        );
        assert_eq!(
            split("Thanks all :-) Posted by Dan"),
            ["Thanks all :-)", "Posted by Dan"]
        );
        assert_eq!(split("so happy :) and you?"), ["so happy :) and you?"]);
    }

    #[test]
    fn url_colon_slash_is_no_emoticon() {
        assert_eq!(
            split("See http://x.org/a Now."),
            ["See http://x.org/a Now."]
        );
    }

    /// Tokens as a finer tokenizer may produce them: abbreviations keep their dot (`Dr.`,
    /// `U.S.`) and dot runs are one token (`...`).
    fn with_abbreviation_tokens(text: &str) -> Vec<Token> {
        const KEEP_DOT: &[&str] = &[
            "Dr", "U.S", "Nov", "p.m", "Inc", "Mr", "J", "R", "etc", "No",
        ];
        let mut out: Vec<Token> = Vec::new();
        for t in tokenize(text) {
            if let Some(prev) = out.last_mut() {
                let prev_text = prev.span.text(text);
                let glued = prev.span.end == t.span.start;
                let dot = t.span.text(text) == ".";
                if glued && dot && (KEEP_DOT.contains(&prev_text) || prev_text.ends_with('.')) {
                    prev.span.end = t.span.end;
                    continue;
                }
            }
            out.push(t);
        }
        out
    }

    #[test]
    fn same_sentences_when_the_tokenizer_keeps_abbreviation_dots() {
        for text in [
            "Dr. Lee met J. R. R. Tolkien in the U.S. on Nov. 28 at 4 p.m. and left.",
            "He moved to the U.S. The move was hard. Apple Inc. It grew.",
            "Pens, paper etc. Kim took them. No. 5 won. He said no. Wait... Then go.",
            "Mr. Smith said \"fine.\" Then he left... and came back.",
        ] {
            let coarse = split(text);
            let fine: Vec<&str> = sentences(text, &with_abbreviation_tokens(text))
                .iter()
                .map(|s| s.span.text(text))
                .collect();
            assert_eq!(coarse, fine, "{text}");
        }
    }

    #[test]
    fn other_scripts_end_on_their_stops() {
        assert_eq!(
            split("今日は晴れ。明日は雨。"),
            ["今日は晴れ。", "明日は雨。"]
        );
        assert_eq!(split("Привет. Как дела?"), ["Привет.", "Как дела?"]);
    }

    #[test]
    fn never_panics_on_odd_inputs() {
        for text in [
            ".",
            "..",
            "\"",
            ".\"",
            "Dr.",
            "U.S.",
            "\n.\n",
            "؟؟",
            "“",
            "a.\u{2029}b",
            "é.\u{301}",
        ] {
            let _ = split(text);
        }
    }
}
