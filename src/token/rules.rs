//! The upper layer of the tokenizer: news-text refinements over UAX #29 atoms.
//!
//! At each token start inside a chunk, in order:
//! 1. **URL**: `http://`, `https://`, `ftp://` (any case) or `www.` followed by a letter or
//!    digit, up to the end of the chunk or a character URLs do not hold (`<>"{}|\^` and
//!    quotes/guillemets); trailing `.,;:!?'` and an unbalanced `)` or `]` are left out.
//! 2. **E-mail**: `local@domain.tld` with an ASCII local part (`A-Z a-z 0-9 . _ % + -`) and a
//!    domain of at least two labels.
//! 3. **Mention**: `@` then letters, digits or `_` (any script).
//! 4. **Hashtag**: `#` then letters, marks, digits, `_`, ZWNJ/ZWJ, with at least one letter
//!    (`#فلسطين`, `#COP28`; `#1` is not a hashtag).
//! 5. **Date**: `d/m/y`, `m/d/y`, `d-m-y`, `d.m.y` with one separator used twice (day ≤ 31,
//!    month ≤ 12, year of 2 or 4 digits), ISO `yyyy-mm-dd`, or `mm/yyyy`. Digits of any of
//!    ASCII, Arabic-Indic (`٠–٩`) and Eastern Arabic-Indic (`۰–۹`).
//! 6. **Time**: `h:mm` or `h:mm:ss` (h ≤ 24, mm and ss ≤ 59).
//! 7. **Emoticon**: `:)` `:-(` `;)` `:'(` `^_^` and the like (punctuation only), not followed by
//!    a letter or digit, are one token.
//! 8. **Punctuation run**: two or more adjacent characters of one class are one token, as UD
//!    treebanks keep them: stops mix freely (`...`, `?!`, `!!!`, `؟؟`, `…`), so do rules
//!    (`--`, `***`, `===`, `----==` from `- = * ~ +`); `< > $ / | ^ & # , : ;` only repeat
//!    themselves (`>>`, `$$$`). `_` is left to UAX #29, which joins it to words.
//! 9. Otherwise the UAX #29 atom, refined:
//!    - an atom of only marks or format characters (a bidi control before a word, a combining
//!      mark after a space) joins the atom after it, so nothing is left dangling;
//!    - a *glued sentence* is cut: `:` between letters always (`Note:This`), `.` between two runs
//!      of at least two letters (`انتهى.وقال`, `end.The`) unless the atom looks like a domain name
//!      (`Amazon.com`, `bbc.co.uk`: the last label is a known top-level domain) or a file name
//!      (`report.pdf`: the last label is a common file extension);
//!    - **hyphenated words** join: atom, hyphen (`-`, U+2010, U+2011), atom, when one of the two
//!      sides has a letter (`state-of-the-art`, `COVID-19`, `19-year-old`; `2010-2015` stays
//!      three tokens);
//!    - **abbreviations** keep their dot, unless another `.` follows (`etc...` is `etc` `...`):
//!      initialisms of single letters (`U.S.`, `p.m.`, `أ.د.`)
//!      and the curated list in `abbreviations.rs` (`Dr.`, `Nov.`, `د.`);
//!    - a **possessive plural apostrophe** joins a word ending in `s` (`Residents'`), unless the
//!      chunk opened with a single quote.

use super::abbreviations::is_abbreviation;
use super::scan::{atom_end, char_at, is_letter, is_letter_or_digit, Chunk};
use unicode_segmentation::UnicodeSegmentation;

/// Which recognizer took a token, when one did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Special {
    Url,
    Email,
    Mention,
    Hashtag,
    Date,
    Time,
}

/// The token that starts at `at` inside `chunk`: its end, and the recognizer that took it.
#[inline]
pub(crate) fn next_token(text: &str, at: usize, chunk: &Chunk) -> (usize, Option<Special>) {
    let end = chunk.end;
    let Some(&b) = text.as_bytes().get(at) else {
        return (end, None);
    };
    if b.is_ascii_alphabetic() && (chunk.colon_or_slash || chunk.dot) {
        if let Some(e) = url(text, at, end) {
            return (e, Some(Special::Url));
        }
    }
    if chunk.at_sign {
        if b == b'@' {
            if let Some(e) = mention(text, at, end) {
                return (e, Some(Special::Mention));
            }
        } else if is_email_local(b) {
            if let Some(e) = email(text, at, end) {
                return (e, Some(Special::Email));
            }
        }
    }
    if b == b'#' && chunk.hash {
        if let Some(e) = hashtag(text, at, end) {
            return (e, Some(Special::Hashtag));
        }
    }
    if (chunk.colon_or_slash || chunk.dot || chunk.hyphen) && digit_value(text, at).is_some() {
        if let Some(e) = date(text, at, end) {
            return (e, Some(Special::Date));
        }
        if let Some(e) = time(text, at, end) {
            return (e, Some(Special::Time));
        }
    }
    // `؟` starts with 0xD8, `…` with 0xE2.
    if b.is_ascii_punctuation() || b == 0xD8 || b == 0xE2 {
        if let Some(e) = emoticon(text, at, end).or_else(|| punctuation_run(text, at, end)) {
            return (e, None);
        }
    }
    (word(text, at, chunk), None)
}

/// Emoticons made of punctuation only, longest first (`:-)` before `:)`).
const EMOTICONS: &[&str] = &[
    "^_^", ":-)", ":-(", ";-)", ":-/", ":-|", ":'(", ":)", ":(", ";)", ";(", ":]", ":[", ":|",
    ":/", "=)", "=(", "^^",
];

/// Rule 7, emoticons: one of [`EMOTICONS`] not followed by a letter or digit (nor, for `:/`,
/// by another `/`).
fn emoticon(text: &str, at: usize, end: usize) -> Option<usize> {
    let rest = text.get(at..end)?;
    if !rest.starts_with([':', ';', '=', '^']) {
        return None;
    }
    let e = EMOTICONS.iter().find(|m| rest.starts_with(**m))?.len();
    let clean = match rest.as_bytes().get(e) {
        None => true,
        Some(b'/') => false,
        Some(_) => !char_at(rest, e).is_some_and(|(c, _)| is_letter_or_digit(c) || c == '_'),
    };
    clean.then_some(at + e)
}

/// Which run a punctuation character can belong to: stops mix freely (`?!`, `...`, `!!؟`),
/// rules mix freely (`--`, `***`, `----==`), others only repeat themselves (`$$$`, `>>`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum RunClass {
    Stop,
    Rule,
    Same(char),
}

fn run_class(c: char) -> Option<RunClass> {
    match c {
        '.' | '!' | '?' | '؟' | '…' => Some(RunClass::Stop),
        '-' | '=' | '*' | '~' | '+' => Some(RunClass::Rule),
        '<' | '>' | '$' | '/' | '|' | '^' | '&' | '#' | ',' | ':' | ';' => Some(RunClass::Same(c)),
        _ => None,
    }
}

/// Rule 8, punctuation runs: two or more characters of one [`RunClass`] are one token.
fn punctuation_run(text: &str, at: usize, end: usize) -> Option<usize> {
    let (first, l) = char_at(text, at)?;
    let class = run_class(first)?;
    let mut e = at + l;
    while e < end {
        match char_at(text, e) {
            Some((c, l)) if run_class(c) == Some(class) => e += l,
            _ => break,
        }
    }
    (e > at + l).then_some(e)
}

/// Rule 9: the refined atom.
#[inline]
fn word(text: &str, at: usize, chunk: &Chunk) -> usize {
    let end = chunk.end;
    let cached = chunk.atom_end.get();
    let resume = at < cached && char_at(text, at).is_some_and(|(c, _)| is_letter_or_digit(c));
    let mut e = if resume {
        cached
    } else {
        atom_end(text, at, end)
    };
    chunk.atom_end.set(e.max(cached));
    let mut word_start = at;
    if e < end && only_marks(text.get(at..e).unwrap_or("")) {
        word_start = e;
        e = atom_end(text, e, end);
    }
    let first_is_letter = char_at(text, word_start).is_some_and(|(c, _)| is_letter(c));
    if first_is_letter && (chunk.dot || chunk.colon_or_slash || chunk.non_ascii) {
        e = cut_glued(text, word_start, e);
    }
    if chunk.hyphen || chunk.non_ascii {
        e = join_hyphens(text, word_start, e, end);
    }
    if first_is_letter && e < end {
        let piece = text.get(word_start..e).unwrap_or("");
        match text.as_bytes().get(e) {
            Some(b'.')
                if text.as_bytes().get(e + 1) != Some(&b'.')
                    && (is_initialism(piece) || is_abbreviation(piece)) =>
            {
                e += 1
            }
            Some(b'\'') if possessive_plural(text, piece, e + 1, chunk) => e += 1,
            Some(0xE2)
                if text.get(e..).is_some_and(|r| r.starts_with('’'))
                    && possessive_plural(text, piece, e + '’'.len_utf8(), chunk) =>
            {
                e += '’'.len_utf8();
            }
            _ => {}
        }
    }
    e
}

/// True when every char is a combining mark or a format character (nothing visible alone).
fn only_marks(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_mark_or_format)
}

/// Combining marks and the format characters that UAX #29 attaches like marks (Word_Break
/// Extend, Format, ZWJ), plus ZWSP.
///
/// Known ranges answer directly; any other character is asked of UAX #29 itself: it is a mark
/// when `.` followed by it stays one word segment (no extra Unicode table, so no extra wasm).
pub(crate) fn is_mark_or_format(c: char) -> bool {
    match c as u32 {
        0..=0x7F => false,
        0x300..=0x36F | 0x610..=0x61A | 0x64B..=0x65F | 0x670 | 0x6D6..=0x6DC | 0x6DF..=0x6E4 => {
            true
        }
        0x6E7 | 0x6E8 | 0x6EA..=0x6ED | 0xAD | 0x61C | 0x180E | 0x200B..=0x200F => true,
        0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFE00..=0xFE0F | 0xFEFF => true,
        0xE0000..=0xE0FFF => true,
        0x80..=0x2FF | 0x600..=0x6FF => false,
        _ => {
            // After `.` (MidNumLet) only Extend, Format and ZWJ stay in the segment (WB4).
            let mut buf = [0u8; 8];
            buf[0] = b'.';
            let len = 1 + c.encode_utf8(&mut buf[1..]).len();
            let probe = std::str::from_utf8(&buf[..len]).unwrap_or("");
            probe.split_word_bounds().next().map(str::len) == Some(len)
        }
    }
}

const TLDS: &[&str] = &[
    "com", "org", "net", "gov", "edu", "int", "mil", "info", "io", "co", "uk", "us", "ai", "app",
    "news", "tv", "me", "ly", "fr", "de", "es", "it", "eg", "sa", "ae", "qa", "kw", "jo", "lb",
    "ma", "tn", "dz", "iq", "sy", "ps", "om", "bh", "ye", "sd", "ir", "tr", "ru", "cn", "jp", "in",
    // File extensions: `report.pdf` is a file name, not two sentences.
    "pdf", "doc", "docx", "htm", "html", "xls", "xlsx", "ppt", "pptx", "txt", "csv", "jpg", "jpeg",
    "png", "gif", "zip", "mp3", "mp4",
];

/// Rule 9, glued sentences: the end of the first part of the atom `text[at..e]`.
fn cut_glued(text: &str, at: usize, e: usize) -> usize {
    // Look at most 256 bytes ahead: a cut, if any, is near the start of the atom, and a giant
    // atom (`ab.ab.ab…`) re-scanned from every token start would cost quadratic time.
    let mut bounded = e.min(at + 256);
    while !text.is_char_boundary(bounded) {
        bounded -= 1;
    }
    let Some(piece) = text.get(at..bounded) else {
        return e;
    };
    if !piece.contains(['.', ':']) {
        return e;
    }
    let domain_like = piece
        .rsplit('.')
        .next()
        .is_some_and(|tld| TLDS.contains(&tld))
        && piece.is_ascii();
    // Letters in the run before the current position, since the last '.' or ':'.
    let mut run = 0usize;
    for (i, c) in piece.char_indices() {
        match c {
            ':' => return at + i,
            '.' if !domain_like && run >= 2 => {
                let after = &piece[i + 1..];
                let next_run = after
                    .chars()
                    .take_while(|&c| c != '.' && c != ':')
                    .filter(|c| is_letter(*c))
                    .count();
                if next_run >= 2 {
                    return at + i;
                }
                run = 0;
            }
            '.' | '\'' | '’' | '‘' => run = 0,
            _ if is_letter(c) => run += 1,
            _ => {}
        }
    }
    e
}

/// True for the hyphens that join words: `-`, U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN.
fn hyphen_len(text: &str, at: usize) -> Option<usize> {
    match char_at(text, at) {
        Some(('-' | '\u{2010}' | '\u{2011}', l)) => Some(l),
        _ => None,
    }
}

/// Rule 9, hyphenated words.
fn join_hyphens(text: &str, at: usize, mut e: usize, end: usize) -> usize {
    let mut left_letter = has_letter(text.get(at..e).unwrap_or(""));
    let left_alnum = char_at(text, at).is_some_and(|(c, _)| is_letter_or_digit(c));
    if !left_alnum {
        return e;
    }
    while e < end {
        let Some(h) = hyphen_len(text, e) else {
            break;
        };
        let start = e + h;
        if start >= end || !char_at(text, start).is_some_and(|(c, _)| is_letter_or_digit(c)) {
            break;
        }
        let mut right = atom_end(text, start, end);
        if char_at(text, start).is_some_and(|(c, _)| is_letter(c)) {
            right = cut_glued(text, start, right);
        }
        let right_letter = has_letter(text.get(start..right).unwrap_or(""));
        if !(left_letter || right_letter) {
            break;
        }
        left_letter = right_letter;
        e = right;
    }
    e
}

fn has_letter(s: &str) -> bool {
    s.chars().any(is_letter)
}

/// `U.S`, `p.m`, `أ.د`: single letters (with their marks) separated by dots.
fn is_initialism(piece: &str) -> bool {
    let mut letters = 0;
    for part in piece.split('.') {
        let mut chars = part.chars().filter(|&c| !is_mark_or_format(c));
        match (chars.next(), chars.next()) {
            (Some(c), None) if is_letter(c) => letters += 1,
            _ => return false,
        }
    }
    letters >= 2
}

/// `Residents'`: a word ending in `s` whose apostrophe is followed by the end of the chunk or a
/// non-letter, in a chunk that did not open with a single quote.
fn possessive_plural(text: &str, piece: &str, after: usize, chunk: &Chunk) -> bool {
    if !piece.ends_with(['s', 'S']) {
        return false;
    }
    if text
        .get(chunk.start..)
        .is_some_and(|r| r.starts_with(['\'', '‘']))
    {
        return false;
    }
    after >= chunk.end || !char_at(text, after).is_some_and(|(c, _)| is_letter_or_digit(c))
}

/// The value of the digit at `at`: ASCII, Arabic-Indic or Eastern Arabic-Indic.
#[inline]
pub(crate) fn digit_value(text: &str, at: usize) -> Option<(u32, usize)> {
    let (c, len) = char_at(text, at)?;
    let v = match c {
        '0'..='9' => c as u32 - '0' as u32,
        '\u{0660}'..='\u{0669}' => c as u32 - 0x0660,
        '\u{06F0}'..='\u{06F9}' => c as u32 - 0x06F0,
        _ => return None,
    };
    Some((v, len))
}

/// A run of digits at `at`: (value saturated, digit count, end).
fn digits(text: &str, mut at: usize, end: usize) -> (u32, usize, usize) {
    let (mut value, mut count) = (0u32, 0usize);
    while at < end {
        let Some((d, len)) = digit_value(text, at) else {
            break;
        };
        value = value.saturating_mul(10).saturating_add(d);
        count += 1;
        at += len;
    }
    (value, count, at)
}

/// The next char after a date or time must not continue a number or a word.
fn ends_cleanly(text: &str, at: usize, end: usize) -> bool {
    if at >= end {
        return true;
    }
    match char_at(text, at) {
        Some((c, _)) if is_letter_or_digit(c) => false,
        Some((c @ ('/' | '-' | '.' | ':' | ','), l)) => {
            let _ = c;
            digit_value(text, at + l).is_none()
        }
        _ => true,
    }
}

/// Rule 5.
fn date(text: &str, at: usize, end: usize) -> Option<usize> {
    let (a, na, i) = digits(text, at, end);
    let sep = *text.as_bytes().get(i)?;
    if !matches!(sep, b'/' | b'-' | b'.') {
        return None;
    }
    let (b, nb, j) = digits(text, i + 1, end);
    if nb == 0 {
        return None;
    }
    if text.as_bytes().get(j) != Some(&sep) || digit_value(text, j + 1).is_none() {
        // Two parts: mm/yyyy only.
        let ok = sep == b'/' && na <= 2 && (1..=12).contains(&a) && nb == 4;
        return (ok && ends_cleanly(text, j, end)).then_some(j);
    }
    let (c, nc, k) = digits(text, j + 1, end);
    let ok = if na == 4 {
        sep == b'-' && nb <= 2 && (1..=12).contains(&b) && nc <= 2 && (1..=31).contains(&c)
    } else {
        let year = nc == 2 || nc == 4;
        let dmy = na <= 2 && (1..=31).contains(&a) && nb <= 2 && (1..=12).contains(&b);
        let mdy =
            sep == b'/' && na <= 2 && (1..=12).contains(&a) && nb <= 2 && (1..=31).contains(&b);
        year && (dmy || mdy)
    };
    (ok && ends_cleanly(text, k, end)).then_some(k)
}

/// Rule 6.
fn time(text: &str, at: usize, end: usize) -> Option<usize> {
    let (h, nh, i) = digits(text, at, end);
    if nh > 2 || h > 24 || text.as_bytes().get(i) != Some(&b':') {
        return None;
    }
    let (m, nm, j) = digits(text, i + 1, end);
    if nm != 2 || m > 59 {
        return None;
    }
    let mut e = j;
    if text.as_bytes().get(j) == Some(&b':') {
        let (s, ns, k) = digits(text, j + 1, end);
        if ns == 2 && s <= 59 {
            e = k;
        }
    }
    ends_cleanly(text, e, end).then_some(e)
}

/// Rule 1.
fn url(text: &str, at: usize, end: usize) -> Option<usize> {
    let rest = text.get(at..end)?;
    let head = rest.get(..8.min(rest.len())).unwrap_or(rest);
    let lower = |p: &str| {
        rest.len() > p.len()
            && rest
                .as_bytes()
                .get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
    };
    let _ = head;
    let prefix = if lower("https://") {
        8
    } else if lower("http://") {
        7
    } else if lower("ftp://") {
        6
    } else if lower("www.") {
        4
    } else {
        return None;
    };
    if !char_at(text, at + prefix).is_some_and(|(c, _)| is_letter_or_digit(c)) {
        return None;
    }
    let mut e = at + prefix;
    while e < end {
        let Some((c, l)) = char_at(text, e) else {
            break;
        };
        if matches!(
            c,
            '<' | '>'
                | '"'
                | '`'
                | '{'
                | '}'
                | '|'
                | '\\'
                | '^'
                | '«'
                | '»'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '،'
                | '؛'
        ) {
            break;
        }
        e += l;
    }
    // Trim trailing punctuation and unbalanced closing brackets. Bracket counts are taken once
    // and updated as characters come off, so a URL ending in a million `)` stays linear.
    let body = text.get(at..e)?;
    let open_paren = body.matches('(').count();
    let mut close_paren = body.matches(')').count();
    let open_square = body.matches('[').count();
    let mut close_square = body.matches(']').count();
    loop {
        let s = text.get(at..e)?;
        let Some(last) = s.chars().next_back() else {
            break;
        };
        let trim = match last {
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '؟' => true,
            ')' => open_paren < close_paren,
            ']' => open_square < close_square,
            _ => false,
        };
        if !trim || e - last.len_utf8() <= at + prefix {
            break;
        }
        match last {
            ')' => close_paren -= 1,
            ']' => close_square -= 1,
            _ => {}
        }
        e -= last.len_utf8();
    }
    Some(e)
}

fn is_email_local(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
}

/// Longest local part (RFC 5321) and domain looked at: bounds the work at each token start, so
/// `a+a+a+…@x` stays linear.
const MAX_LOCAL: usize = 64;
const MAX_DOMAIN: usize = 255;

/// Rule 2.
fn email(text: &str, at: usize, end: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = at;
    while i < end && i - at <= MAX_LOCAL && is_email_local(*bytes.get(i)?) {
        i += 1;
    }
    if i == at || bytes.get(i) != Some(&b'@') || bytes.get(at) == Some(&b'.') {
        return None;
    }
    let domain_start = i + 1;
    let mut j = domain_start;
    while j < end && j - domain_start <= MAX_DOMAIN {
        let b = *bytes.get(j)?;
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'.' {
            j += 1;
        } else {
            break;
        }
    }
    while j > domain_start && matches!(bytes.get(j - 1), Some(b'.' | b'-')) {
        j -= 1;
    }
    let domain = text.get(domain_start..j)?;
    let mut labels = domain.split('.');
    let first_ok = labels.next().is_some_and(|l| !l.is_empty());
    let rest: Vec<&str> = labels.collect();
    let tld_ok = rest
        .last()
        .is_some_and(|t| t.len() >= 2 && t.bytes().all(|b| b.is_ascii_alphabetic()));
    (first_ok && tld_ok && rest.iter().all(|l| !l.is_empty())).then_some(j)
}

/// Rule 3.
fn mention(text: &str, at: usize, end: usize) -> Option<usize> {
    let mut e = at + 1;
    while e < end {
        match char_at(text, e) {
            Some((c, l)) if is_letter_or_digit(c) || c == '_' || is_mark_or_format(c) => e += l,
            _ => break,
        }
    }
    let first_ok = char_at(text, at + 1).is_some_and(|(c, _)| is_letter_or_digit(c) || c == '_');
    (first_ok && e > at + 1).then_some(e)
}

/// Rule 4.
fn hashtag(text: &str, at: usize, end: usize) -> Option<usize> {
    let mut e = at + 1;
    let mut letter = false;
    while e < end {
        match char_at(text, e) {
            Some((c, l))
                if is_letter_or_digit(c) || c == '_' || (e > at + 1 && is_mark_or_format(c)) =>
            {
                letter |= is_letter(c);
                e += l;
            }
            _ => break,
        }
    }
    letter.then_some(e)
}

#[cfg(test)]
mod tests {
    use crate::token::{tokenize, TokenKind};

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text)
            .iter()
            .map(|t| (t.span.text(text), t.kind))
            .collect()
    }

    fn texts(text: &str) -> Vec<&str> {
        toks(text).into_iter().map(|(t, _)| t).collect()
    }

    fn one(text: &str, kind: TokenKind) {
        assert_eq!(toks(text), [(text, kind)], "{text}");
    }

    #[test]
    fn numbers_keep_separators_and_decimals() {
        for n in ["1,250.5", "٣٫٥", "550", "9,512", "١٬٢٥٠", "۱۲۳"] {
            one(n, TokenKind::Number);
        }
    }

    #[test]
    fn percent_and_currency_signs_are_their_own_tokens() {
        assert_eq!(texts("15%"), ["15", "%"]);
        assert_eq!(texts("١٫٥٪"), ["١٫٥", "٪"]);
        assert_eq!(texts("$1.2"), ["$", "1.2"]);
        assert_eq!(toks("$")[0].1, TokenKind::Symbol);
    }

    #[test]
    fn dates_are_single_tokens_in_any_digits() {
        for d in [
            "28/11/2026",
            "٢٨/١١/٢٠٢٦",
            "2026-11-28",
            "28.11.2026",
            "11/28/2026",
            "11/2026",
        ] {
            one(d, TokenKind::Date);
        }
        assert_eq!(texts("2010-2015"), ["2010", "-", "2015"]);
        assert_eq!(texts("1.250.000"), ["1.250.000"]);
        assert_eq!(texts("في ٢٨/١١/٢٠٢٦."), ["في", "٢٨/١١/٢٠٢٦", "."]);
    }

    #[test]
    fn times_are_single_tokens() {
        for t in ["09:45", "6:30", "23:59:59", "٩:٤٥"] {
            one(t, TokenKind::Time);
        }
        assert_eq!(texts("at 6:30."), ["at", "6:30", "."]);
        assert_eq!(texts("2:1"), ["2", ":", "1"]);
    }

    #[test]
    fn urls_stop_before_trailing_punctuation() {
        one(
            "https://example.org/news/aurora-2?lang=en#update",
            TokenKind::Url,
        );
        one("www.x.com", TokenKind::Url);
        one(
            "http://aawsat.com/home/article/411641/الفقر-أحد",
            TokenKind::Url,
        );
        assert_eq!(
            texts("(see https://x.org/a_(b).)"),
            ["(", "see", "https://x.org/a_(b)", ".", ")"]
        );
        assert_eq!(texts("«www.x.com»"), ["«", "www.x.com", "»"]);
    }

    #[test]
    fn emails_mentions_and_hashtags() {
        one("news.desk@example.co.uk", TokenKind::Email);
        assert_eq!(
            toks("mail ali@x.org."),
            [
                ("mail", TokenKind::Word),
                ("ali@x.org", TokenKind::Email),
                (".", TokenKind::Punctuation)
            ]
        );
        one("@AP_News", TokenKind::Mention);
        one("#فلسطين", TokenKind::Hashtag);
        one("#COP28", TokenKind::Hashtag);
        assert_eq!(texts("#1"), ["#", "1"]);
        assert_eq!(texts("@ home"), ["@", "home"]);
    }

    #[test]
    fn emoji_sequences_are_one_token_each() {
        for e in ["😀", "👍🏽", "👨‍👩‍👧", "🇸🇦", "1️⃣", "❤️", "🏳️‍🌈"]
        {
            one(e, TokenKind::Emoji);
        }
        assert_eq!(texts("😀😀"), ["😀", "😀"]);
        assert_eq!(texts("🇸🇦🇺🇸"), ["🇸🇦", "🇺🇸"]);
        assert_eq!(texts("رائع👍"), ["رائع", "👍"]);
    }

    #[test]
    fn abbreviations_keep_their_dot() {
        assert_eq!(
            texts("the U.S. and Dr. Lee"),
            ["the", "U.S.", "and", "Dr.", "Lee"]
        );
        assert_eq!(
            texts("at 6 p.m. on Nov. 3"),
            ["at", "6", "p.m.", "on", "Nov.", "3"]
        );
        assert_eq!(texts("قال د. أحمد"), ["قال", "د.", "أحمد"]);
        assert_eq!(texts("أ.د. سامي"), ["أ.د.", "سامي"]);
        assert_eq!(texts("a Ph.D. student"), ["a", "Ph.D.", "student"]);
        // Not an abbreviation: the dot ends the sentence.
        assert_eq!(texts("It rained."), ["It", "rained", "."]);
        assert_eq!(texts("Plan B."), ["Plan", "B", "."]);
    }

    #[test]
    fn hyphen_and_apostrophe_words_are_one_token() {
        for w in [
            "state-of-the-art",
            "don't",
            "O'Neill",
            "O’Neill",
            "don’t",
            "COVID-19",
            "19-year-old",
            "Al-Hassan",
        ] {
            one(w, TokenKind::Word);
        }
        assert_eq!(
            texts("the Residents' union"),
            ["the", "Residents'", "union"]
        );
        assert_eq!(
            texts("the Residents’ union"),
            ["the", "Residents’", "union"]
        );
        assert_eq!(texts("'yes' he said"), ["'", "yes", "'", "he", "said"]);
        assert_eq!(texts("- dash -"), ["-", "dash", "-"]);
        assert_eq!(texts("word-"), ["word", "-"]);
    }

    #[test]
    fn punctuation_runs_are_one_token() {
        assert_eq!(texts("Wait... what?!"), ["Wait", "...", "what", "?!"]);
        assert_eq!(texts("great!!! --- ***"), ["great", "!!!", "---", "***"]);
        assert_eq!(texts("----== $$$ >>"), ["----==", "$$$", ">>"]);
        assert_eq!(texts("لماذا؟؟ حسنا…."), ["لماذا", "؟؟", "حسنا", "…."]);
        assert_eq!(texts("etc..."), ["etc", "..."]);
        assert_eq!(texts("word--word"), ["word", "--", "word"]);
        // Single characters and mixed classes stay apart.
        assert_eq!(texts("-5 !-"), ["-", "5", "!", "-"]);
        assert_eq!(texts("(a)."), ["(", "a", ")", "."]);
    }

    #[test]
    fn emoticons_are_one_token() {
        for e in [":)", ":-)", ":-(", ";)", ":'(", "^_^"] {
            one(e, TokenKind::Punctuation);
        }
        assert_eq!(texts("nice :) really"), ["nice", ":)", "really"]);
        assert_eq!(texts("fun:)"), ["fun", ":)"]);
        // Not emoticons: followed by a word or a second slash.
        assert_eq!(texts("a :(b"), ["a", ":", "(", "b"]);
        assert_eq!(texts(":/x"), [":", "/", "x"]);
    }

    #[test]
    fn glued_sentences_are_cut_at_the_dot() {
        assert_eq!(texts("انتهى.وقال"), ["انتهى", ".", "وقال"]);
        assert_eq!(texts("end.The"), ["end", ".", "The"]);
        assert_eq!(texts("Note:This"), ["Note", ":", "This"]);
        assert_eq!(texts("Amazon.com"), ["Amazon.com"]);
        assert_eq!(texts("see API.pdf"), ["see", "API.pdf"]);
        assert_eq!(texts("e.g."), ["e.g."]);
    }

    #[test]
    fn marks_and_format_characters_are_recognized_without_tables() {
        use super::is_mark_or_format;
        for c in [
            '\u{301}',
            '\u{64E}',
            '\u{202B}',
            '\u{200D}',
            '\u{FE0F}',
            '\u{94D}',
            '\u{5B4}',
            '\u{1F3FD}',
        ] {
            assert!(is_mark_or_format(c), "{c:?}");
        }
        for c in [
            'a', 'ب', '٣', '-', '_', '‿', ' ', '\u{3000}', '😀', 'क', '\u{5D0}',
        ] {
            assert!(!is_mark_or_format(c), "{c:?}");
        }
    }

    #[test]
    fn format_characters_are_never_lost() {
        // A bidi embedding before a word joins it; the pop after it stays with it (UAX #29).
        assert_eq!(
            texts("\u{202B}مرحبا\u{202C} x"),
            ["\u{202B}مرحبا\u{202C}", "x"]
        );
        // Alone between spaces, it is a symbol token.
        assert_eq!(toks(" \u{2067} "), [("\u{2067}", TokenKind::Symbol)]);
        // A combining mark after a space joins the word after it.
        assert_eq!(texts("a \u{301}b"), ["a", "\u{301}b"]);
    }
}
