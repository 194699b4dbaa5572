//! The lower layer of the tokenizer: whitespace chunks and UAX #29 word segments ("atoms").
//!
//! Rules:
//! 1. Whitespace (`char::is_whitespace`) separates *chunks*; a chunk never holds whitespace, so
//!    a token never does either. (UAX #29 would attach a combining mark or a format character
//!    that follows a space to the space; here such a mark starts the next chunk instead.)
//! 2. Inside a chunk, an *atom* is the UAX #29 word segment that starts at a position, as
//!    `unicode-segmentation` computes it.
//! 3. Speed: for the characters of most news text (ASCII, Latin-1 letters, the Arabic block,
//!    common general punctuation) the atom is computed by a small scanner that applies the same
//!    UAX #29 rules (WB4–WB13b) to the same Word_Break values; as soon as a character outside
//!    that set could influence the boundary, the scanner hands the atom to
//!    `unicode-segmentation`. A property test checks both agree on arbitrary strings.

use unicode_segmentation::UnicodeSegmentation;

/// Word_Break values of the characters the fast scanner knows; `Complex` is everything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Wb {
    ALetter,
    Numeric,
    MidLetter,
    MidNum,
    MidNumLet,
    SingleQuote,
    Extend,
    ExtendNumLet,
    Other,
    Complex,
}

/// Word_Break value of `c` when it is one the fast scanner handles (from the UCD tables that
/// `unicode-segmentation` ships), else [`Wb::Complex`].
#[inline]
pub(crate) fn wb(c: char) -> Wb {
    let u = c as u32;
    if u < 0x80 {
        return match c {
            'a'..='z' | 'A'..='Z' => Wb::ALetter,
            '0'..='9' => Wb::Numeric,
            '_' => Wb::ExtendNumLet,
            '.' => Wb::MidNumLet,
            '\'' => Wb::SingleQuote,
            ':' => Wb::MidLetter,
            ',' | ';' => Wb::MidNum,
            // Whitespace and line breaks never reach the scanner (they end chunks), but
            // `"` (Double_Quote) matters next to Hebrew letters only, which are Complex.
            '\t' | '\n' | '\u{B}' | '\u{C}' | '\r' | ' ' => Wb::Complex,
            _ => Wb::Other,
        };
    }
    match u {
        0xAA | 0xB5 | 0xB8 | 0xBA | 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x2D7 => Wb::ALetter,
        0xB7 => Wb::MidLetter,
        0x85 | 0xA0 | 0xAD => Wb::Complex,
        0x80..=0xBF => Wb::Other,
        0x300..=0x36F => Wb::Extend,
        0x60C | 0x60D | 0x66C => Wb::MidNum,
        0x610..=0x61A | 0x64B..=0x65F | 0x670 | 0x6D6..=0x6DC | 0x6DF..=0x6E4 => Wb::Extend,
        0x6E7 | 0x6E8 | 0x6EA..=0x6ED => Wb::Extend,
        0x620..=0x64A | 0x66E | 0x66F | 0x671..=0x6D3 | 0x6D5 | 0x6E5 | 0x6E6 => Wb::ALetter,
        0x6EE | 0x6EF | 0x6FA..=0x6FC | 0x6FF => Wb::ALetter,
        0x660..=0x669 | 0x66B | 0x6F0..=0x6F9 => Wb::Numeric,
        0x600..=0x605 | 0x61C | 0x6DD => Wb::Complex,
        0x606..=0x6FF => Wb::Other,
        0x2018 | 0x2019 | 0x2024 => Wb::MidNumLet,
        0x2027 => Wb::MidLetter,
        0x2010..=0x2017 | 0x201A..=0x2023 | 0x2025 | 0x2026 | 0x2030..=0x203E => Wb::Other,
        _ => Wb::Complex,
    }
}

/// True for a letter: `char::is_alphabetic`, except that Arabic tashkeel (which Unicode counts
/// as alphabetic) is not a letter. Answered without the general tables for ASCII, Latin-1,
/// Latin Extended-A/B and the Arabic block, the hot path on news text.
///
/// ```
/// use article_analyzer::token::is_letter;
/// assert!(is_letter('ب') && is_letter('é') && is_letter('ж'));
/// assert!(!is_letter('\u{064E}') && !is_letter('٣') && !is_letter('-'));
/// ```
#[inline]
pub fn is_letter(c: char) -> bool {
    match c as u32 {
        0x41..=0x5A | 0x61..=0x7A => true,
        0..=0x7F => false,
        0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F => true,
        0x620..=0x64A | 0x66E | 0x66F | 0x671..=0x6D3 | 0x6D5 | 0x6EE | 0x6EF | 0x6FA..=0x6FC => {
            true
        }
        0x64B..=0x66D | 0x670 | 0x6D4 | 0x6D6..=0x6ED | 0x6F0..=0x6F9 => false,
        // Arabic signs and punctuation (، ؛ ؟): no letters, as for `char::is_alphabetic`.
        0x600..=0x60F | 0x61B..=0x61F => false,
        _ => c.is_alphabetic(),
    }
}

/// `char::is_alphanumeric` with the same fast path as [`is_letter`].
#[inline]
pub(crate) fn is_letter_or_digit(c: char) -> bool {
    match c as u32 {
        0x30..=0x39 | 0x660..=0x669 | 0x6F0..=0x6F9 => true,
        _ => is_letter(c) || (!c.is_ascii() && !is_fast_nonletter(c) && c.is_numeric()),
    }
}

/// Characters in the fast ranges known to be neither letters nor digits.
#[inline]
fn is_fast_nonletter(c: char) -> bool {
    matches!(c as u32, 0x80..=0xBF | 0x300..=0x36F | 0x600..=0x6FF | 0x2000..=0x206F)
}

/// The first char of `text[at..]` with its length in bytes, or `None` at the end.
#[inline]
pub(crate) fn char_at(text: &str, at: usize) -> Option<(char, usize)> {
    let c = text.get(at..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// True for the whitespace that separates chunks.
#[inline]
fn is_space_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0B' | b'\x0C')
}

/// Facts about one chunk that decide which refinement rules can apply to it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Chunk {
    /// End of the last atom computed in this chunk: a token cut inside an atom (`ab.ab.ab…`)
    /// resumes with the same atom end instead of scanning it again.
    pub atom_end: std::cell::Cell<usize>,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Holds `@`.
    pub at_sign: bool,
    /// Holds `#`.
    pub hash: bool,
    /// Holds `:` or `/` (URLs, times, dates).
    pub colon_or_slash: bool,
    /// Holds `.`.
    pub dot: bool,
    /// Holds `-` (or another hyphen: those are non-ASCII and set `non_ascii`).
    pub hyphen: bool,
    /// Holds `'`.
    pub apostrophe: bool,
    /// Holds a non-ASCII character.
    pub non_ascii: bool,
}

/// The next chunk at or after `from`: skips whitespace, then reads up to the next whitespace.
/// `None` when only whitespace is left.
#[inline]
pub(crate) fn next_chunk(text: &str, from: usize) -> Option<Chunk> {
    let bytes = text.as_bytes();
    let mut i = from;
    // Skip whitespace.
    loop {
        let &b = bytes.get(i)?;
        if b < 0x80 {
            if is_space_byte(b) {
                i += 1;
                continue;
            }
            break;
        }
        let (c, len) = char_at(text, i)?;
        if c.is_whitespace() {
            i += len;
            continue;
        }
        break;
    }
    let mut chunk = Chunk {
        start: i,
        ..Chunk::default()
    };
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            match b {
                b'@' => chunk.at_sign = true,
                b'#' => chunk.hash = true,
                b':' | b'/' => chunk.colon_or_slash = true,
                b'.' => chunk.dot = true,
                b'-' => chunk.hyphen = true,
                b'\'' => chunk.apostrophe = true,
                _ if is_space_byte(b) => break,
                _ => {}
            }
            i += 1;
        } else {
            chunk.non_ascii = true;
            // Only lead bytes C2 (U+0085, U+00A0), E1 (U+1680), E2 (U+2000..) and E3 (U+3000)
            // can start a non-ASCII whitespace character; the Arabic block (D8–DB) never does.
            if matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
                let Some((c, len)) = char_at(text, i) else {
                    break;
                };
                if c.is_whitespace() {
                    break;
                }
                i += len;
            } else {
                i += 1;
                // Skip continuation bytes.
                while bytes.get(i).is_some_and(|&b| (0x80..0xC0).contains(&b)) {
                    i += 1;
                }
            }
        }
    }
    chunk.end = i;
    Some(chunk)
}

/// End of the UAX #29 word segment that starts at `at` in `text[..end]` (`at < end`).
/// Always greater than `at` and on a char boundary when `at` is.
#[inline]
pub(crate) fn atom_end(text: &str, at: usize, end: usize) -> usize {
    match fast_atom_end(text, at, end) {
        Some(e) => e,
        None => slow_atom_end(text, at, end),
    }
}

/// The atom by `unicode-segmentation` itself.
fn slow_atom_end(text: &str, at: usize, end: usize) -> usize {
    let piece = text.get(at..end).unwrap_or("");
    let len = piece.split_word_bounds().next().map_or(0, str::len);
    if len == 0 {
        // Not reachable for a non-empty piece on char boundaries; keep progress anyway.
        at + char_at(text, at).map_or(1, |(_, l)| l)
    } else {
        at + len
    }
}

/// Class of the char at `i` (`None` past `end`), and its length.
#[inline]
fn class_at(text: &str, i: usize, end: usize) -> Option<(Wb, usize)> {
    if i >= end {
        return None;
    }
    let bytes = text.as_bytes();
    let b = *bytes.get(i)?;
    if b < 0x80 {
        return Some((wb(b as char), 1));
    }
    let (c, len) = char_at(text, i)?;
    Some((wb(c), len))
}

/// Skips Extend characters from `i` (WB4); `None` if a Complex one is met.
#[inline]
fn skip_extend(text: &str, mut i: usize, end: usize) -> Option<usize> {
    loop {
        match class_at(text, i, end) {
            Some((Wb::Extend, len)) => i += len,
            Some((Wb::Complex, _)) => return None,
            _ => return Some(i),
        }
    }
}

/// The fast scanner; `None` hands the atom to `unicode-segmentation`.
#[inline]
fn fast_atom_end(text: &str, at: usize, end: usize) -> Option<usize> {
    let (first, len) = class_at(text, at, end)?;
    let mut i = at + len;
    match first {
        Wb::Complex | Wb::Extend => None,
        Wb::ALetter | Wb::Numeric | Wb::ExtendNumLet => {
            let mut last = first;
            loop {
                match class_at(text, i, end) {
                    None => return Some(i),
                    Some((Wb::Extend, l)) => i += l,
                    Some((c @ (Wb::ALetter | Wb::Numeric | Wb::ExtendNumLet), l)) => {
                        last = c;
                        i += l;
                    }
                    Some((
                        mid @ (Wb::MidLetter | Wb::MidNum | Wb::MidNumLet | Wb::SingleQuote),
                        l,
                    )) => {
                        let j = skip_extend(text, i + l, end)?;
                        let next = class_at(text, j, end).map(|(c, _)| c);
                        if next == Some(Wb::Complex) {
                            return None;
                        }
                        let letters = last == Wb::ALetter
                            && next == Some(Wb::ALetter)
                            && matches!(mid, Wb::MidLetter | Wb::MidNumLet | Wb::SingleQuote);
                        let digits = last == Wb::Numeric
                            && next == Some(Wb::Numeric)
                            && matches!(mid, Wb::MidNum | Wb::MidNumLet | Wb::SingleQuote);
                        if letters || digits {
                            i = j;
                        } else {
                            return Some(i);
                        }
                    }
                    Some((Wb::Other, _)) => return Some(i),
                    Some((Wb::Complex, _)) => return None,
                }
            }
        }
        Wb::MidLetter | Wb::MidNum | Wb::MidNumLet | Wb::SingleQuote | Wb::Other => {
            skip_extend(text, i, end)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn atoms(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut at = 0;
        while at < s.len() {
            let e = atom_end(s, at, s.len());
            out.push(&s[at..e]);
            at = e;
        }
        out
    }

    #[test]
    fn fast_atoms_match_uax29_on_news_text() {
        for s in [
            "don't",
            "O’Neill's",
            "1,250.5",
            "٣٫٥",
            "بالعالم،",
            "مُحَمَّد.",
            "e.g.",
            "a:b",
            "x_1",
            "«نعم»",
            "—",
        ] {
            let expected: Vec<&str> = s.split_word_bounds().collect();
            assert_eq!(atoms(s), expected, "{s}");
        }
    }

    #[test]
    fn letters_are_the_alphabetic_characters_but_arabic_marks() {
        for c in (0..=0x2FFFFu32).filter_map(char::from_u32) {
            // Tashkeel and the other marks, digits and signs between the Arabic letters.
            let mark =
                matches!(c as u32, 0x64B..=0x66D | 0x670 | 0x6D4 | 0x6D6..=0x6ED | 0x6F0..=0x6F9);
            assert_eq!(
                is_letter(c),
                c.is_alphabetic() && !mark,
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn chunks_skip_every_kind_of_whitespace() {
        let text = " a\u{00A0}b\u{3000}c\u{2029}د ";
        let mut at = 0;
        let mut found = Vec::new();
        while let Some(c) = next_chunk(text, at) {
            if c.start == c.end {
                break;
            }
            found.push(&text[c.start..c.end]);
            at = c.end;
        }
        assert_eq!(found, ["a", "b", "c", "د"]);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The fast scanner is an optimisation, never a change of result: on strings without
        /// whitespace, atoms chained from the start equal the UAX #29 segments.
        #[test]
        fn fast_scanner_agrees_with_unicode_segmentation(
            s in "[a-zA-Z0-9_.,;:'’‘\"!?()%$#@\\-/·éßÇ\u{300}\u{301}\u{64B}\u{651}\u{670}\u{640}ابتثجحخدذرسشصضطظعغفقكلمنهويىةأإآءئؤپچژکگی٠-٩۰-۹٫٬،؛؟«»—–…“”\u{200C}\u{200D}\u{202B}\u{202C}\u{2067}\u{5D0}\u{30A2}😀🇸🇦\u{1F3FD}\u{FE0F}\u{20E3}]{0,24}"
        ) {
            let mut at = 0;
            let mut ours = Vec::new();
            while at < s.len() {
                let e = atom_end(&s, at, s.len());
                prop_assert!(e > at && s.is_char_boundary(e));
                ours.push(&s[at..e]);
                at = e;
            }
            // Compare against segmenting each piece from the same restart points: UAX #29
            // segments of the whole string.
            let theirs: Vec<&str> = s.split_word_bounds().collect();
            prop_assert_eq!(ours, theirs);
        }
    }
}
