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
//! 4. A stop glued to what follows it (`U.S.-led`, `Inc.,`, `3.` in `3.5` split oddly) ends
//!    nothing.
//! 5. `?` `!` `؟` `。` `۔` end the sentence, except a `?` or `!` followed by a lowercase Latin
//!    word (`“Why?” he asked.`).
//! 6. An ellipsis (`…`, `...`) ends the sentence unless a lowercase word follows.
//! 7. Whether a `.` ends the sentence depends on its stem's language: the English rules are in
//!    [`english`](self) (abbreviations, initials, `No. 5`, `Nov. 28`, list markers), the Arabic
//!    ones in `arabic` (titles like `د.`, era marks, why `؛` is no stop). Other scripts: it does.
//! 8. A line break ends the sentence, whatever precedes it: headlines, datelines and list items
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

/// The kind of a stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// `?` `!` `؟` `。` `۔` and runs of them.
    Strong,
    /// `…`, `...` and longer runs of dots.
    Ellipsis,
    /// A single `.`.
    Period,
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

    /// Starts with an uppercase letter.
    pub fn is_uppercase(&self) -> bool {
        first_letter(self.text).is_some_and(char::is_uppercase)
    }

    /// A number token (`28`, `2026`, `٣`).
    pub fn is_number(&self) -> bool {
        self.kind == TokenKind::Number
    }
}

fn first_letter(s: &str) -> Option<char> {
    s.chars().next().filter(|c| c.is_alphabetic())
}

/// Decides at token `i`: the last token of the piece that starts there (a stop with its closers,
/// or the token alone) and whether the sentence ends after it.
fn boundary_at(text: &str, tokens: &[Token], i: usize) -> (usize, bool) {
    let Some((stop, stem, mut last)) = stop_at(text, tokens, i) else {
        return (i, line_ends_sentence(text, tokens, i));
    };
    while glued(tokens, last) && is_closer(tokens[last + 1].span.text(text)) {
        last += 1;
    }
    let ends = stop_ends_sentence(text, tokens, stop, stem, last)
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

/// True when token `i` is the first of its line.
pub(crate) fn starts_line(text: &str, tokens: &[Token], i: usize) -> bool {
    i == 0 || line_breaks(gap_before(text, tokens, i)) > 0
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
    )
}

fn is_stop_piece(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_stop_char)
}

fn classify_stop(run: &str) -> Stop {
    let dots = run.chars().filter(|c| matches!(c, '.' | '．')).count();
    if run.chars().any(|c| !matches!(c, '.' | '．' | '…')) {
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
    if token.kind == TokenKind::Punctuation && is_stop_piece(piece) {
        let mut last = i;
        while glued(tokens, last)
            && tokens[last + 1].kind == TokenKind::Punctuation
            && is_stop_piece(tokens[last + 1].span.text(text))
        {
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

/// Rules 4–7: does the stop ending at token `last` (closers included) end the sentence?
fn stop_ends_sentence(
    text: &str,
    tokens: &[Token],
    stop: Stop,
    stem: Option<Stem>,
    last: usize,
) -> bool {
    if glued(tokens, last) {
        return false;
    }
    let Some(next) = next_content(text, tokens, last + 1) else {
        return true;
    };
    match stop {
        Stop::Strong => !(next.script == Script::Latin && next.is_lowercase()),
        Stop::Ellipsis => !next.is_lowercase(),
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

/// Rule 8: does the line break after token `last` (if any) end the sentence?
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

    #[test]
    fn crlf_line_breaks_count_once() {
        assert_eq!(line_breaks("\r\n"), 1);
        assert_eq!(line_breaks("\r\n\r\n"), 2);
        assert_eq!(line_breaks(" \u{2029} "), 2);
        assert_eq!(split("Headline\r\nBody."), ["Headline", "Body."]);
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
