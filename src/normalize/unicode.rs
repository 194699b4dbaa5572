//! Unicode normalization forms NFD, NFC and NFKC (UAX #15), from a compact text table.
//!
//! Why not the `unicode-normalization` crate: its perfect-hash tables cost ~59 KB gzipped in the
//! wasm, a tenth of the page budget. The same data as delta-coded hex text
//! (`data/normalization.txt`, generated from that crate by `tests/unicode_tables.rs`) gzips to a
//! fraction of that and is parsed once, on first use. That test also checks that every code point,
//! every composable pair and random strings normalize exactly as the crate does.
//!
//! The rules, as the code follows them:
//! 1. Decompose: each character is replaced by its full canonical (NFD, NFC) or compatibility
//!    (NFKC) decomposition; Hangul syllables decompose algorithmically into their jamo.
//! 2. Reorder: each run of non-starters (nonzero canonical combining class) is sorted by class,
//!    stably.
//! 3. Compose (NFC, NFKC): a character that is not blocked from the last starter (no character in
//!    between has a class of zero or at least its own) combines with it when the pair has a
//!    primary composite; Hangul `L V` and `LV T` compose algorithmically.
//!
//! Fast path: a string whose characters have no decomposition, class zero and never combine with
//! a previous character is its own normal form (checked with a bitmap of the BMP).

use std::sync::OnceLock;

const DATA: &str = include_str!("data/normalization.txt");

const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    Canonical,
    Compatible,
}

struct Tables {
    /// `(first, last, class)` ranges with a nonzero class, sorted.
    ccc: Vec<(u32, u32, u8)>,
    /// `(char, start, end)` into `pool`, sorted by char.
    canonical: Vec<(u32, u32, u32)>,
    compatible: Vec<(u32, u32, u32)>,
    pool: Vec<char>,
    /// `((first << 21) | second, composite)`, sorted.
    compose: Vec<(u64, char)>,
    /// One bit per BMP code point: the character may change under NFD/NFC (`[0]`) or NFKC (`[1]`).
    unstable: [Vec<u64>; 2],
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(parse)
}

/// The value of one hex digit (the table's are lowercase); 0 for any other byte.
fn hex_digit(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => u32::from(b - b'0'),
        b'a'..=b'f' => u32::from(b - b'a' + 10),
        b'A'..=b'F' => u32::from(b - b'A' + 10),
        _ => 0,
    }
}

fn parse() -> Tables {
    let mut t = Tables {
        ccc: Vec::new(),
        canonical: Vec::new(),
        compatible: Vec::new(),
        pool: Vec::new(),
        compose: Vec::new(),
        unstable: [vec![0; 1024], vec![0; 1024]],
    };
    let mut section: &[u8] = b"";
    let mut prev = 0u32;
    // One pass over the bytes, each line's hex numbers parsed as they come: the table is built
    // at the first analysis, and splitting lines and fields with the string searchers cost
    // several times as many instructions.
    let mut numbers: Vec<u32> = Vec::with_capacity(32);
    for line in DATA.as_bytes().split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.first() == Some(&b'#') {
            continue;
        }
        if !line.contains(&b' ') {
            section = line;
            prev = 0;
            continue;
        }
        numbers.clear();
        let mut n = 0u32;
        for &b in line {
            match b {
                b' ' => {
                    numbers.push(n);
                    n = 0;
                }
                _ => n = (n << 4) | hex_digit(b),
            }
        }
        numbers.push(n);
        let mut fields = numbers.iter().copied();
        let key = prev + fields.next().unwrap_or(0);
        match section {
            b"ccc" => {
                let len = fields.next().unwrap_or(1);
                let class = fields.next().unwrap_or(0) as u8;
                t.ccc.push((key, key + len - 1, class));
                prev = key + len;
            }
            b"canonical" | b"compatible" => {
                let start = t.pool.len() as u32;
                t.pool.extend(fields.filter_map(char::from_u32));
                let entry = (key, start, t.pool.len() as u32);
                if section == b"canonical" {
                    t.canonical.push(entry);
                } else {
                    t.compatible.push(entry);
                }
                prev = key;
            }
            _ => {
                let first = fields.next().unwrap_or(0);
                let second = fields.next().unwrap_or(0);
                if let Some(c) = char::from_u32(key) {
                    t.compose
                        .push(((u64::from(first) << 21) | u64::from(second), c));
                }
                prev = key;
            }
        }
    }
    t.compose.sort_unstable();
    let mark = |bits: &mut Vec<u64>, c: u32| {
        if let Some(word) = bits.get_mut((c / 64) as usize) {
            *word |= 1 << (c % 64);
        }
    };
    for form in 0..2 {
        let bits = &mut t.unstable[form];
        for &(first, last, _) in &t.ccc {
            (first..=last).for_each(|c| mark(bits, c));
        }
        let mut decomposing = t.canonical.iter().collect::<Vec<_>>();
        if form == 1 {
            decomposing.extend(&t.compatible);
        }
        decomposing.iter().for_each(|&&(c, _, _)| mark(bits, c));
        t.compose
            .iter()
            .for_each(|&(key, _)| mark(bits, (key & 0x1F_FFFF) as u32));
        (S_BASE..S_BASE + S_COUNT).for_each(|c| mark(bits, c));
        (V_BASE..V_BASE + V_COUNT).for_each(|c| mark(bits, c));
        (T_BASE + 1..T_BASE + T_COUNT).for_each(|c| mark(bits, c));
    }
    t
}

impl Tables {
    fn class(&self, c: char) -> u8 {
        let c = c as u32;
        if c < 0x300 {
            return 0;
        }
        match self.ccc.binary_search_by(|&(first, last, _)| {
            if last < c {
                std::cmp::Ordering::Less
            } else if first > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        }) {
            Ok(i) => self.ccc.get(i).map_or(0, |r| r.2),
            Err(_) => 0,
        }
    }

    fn lookup<'a>(&'a self, table: &[(u32, u32, u32)], c: char) -> Option<&'a [char]> {
        let i = table.binary_search_by_key(&(c as u32), |e| e.0).ok()?;
        let &(_, start, end) = table.get(i)?;
        self.pool.get(start as usize..end as usize)
    }

    fn is_stable(&self, s: &str, form: Form) -> bool {
        let bits = &self.unstable[form as usize];
        s.chars().all(|c| {
            let c = c as u32;
            c < 0xA0
                || bits
                    .get((c / 64) as usize)
                    .is_some_and(|word| word & (1 << (c % 64)) == 0)
        })
    }

    fn decompose(&self, s: &str, form: Form) -> Vec<(char, u8)> {
        let mut out: Vec<(char, u8)> = Vec::with_capacity(s.len());
        let mut push = |c: char| out.push((c, self.class(c)));
        for c in s.chars() {
            let cp = c as u32;
            if cp < 0x80 {
                push(c);
            } else if (S_BASE..S_BASE + S_COUNT).contains(&cp) {
                let index = cp - S_BASE;
                let jamo = [
                    L_BASE + index / N_COUNT,
                    V_BASE + (index % N_COUNT) / T_COUNT,
                    T_BASE + index % T_COUNT,
                ];
                let len = if index % T_COUNT == 0 { 2 } else { 3 };
                jamo.iter()
                    .take(len)
                    .filter_map(|&j| char::from_u32(j))
                    .for_each(&mut push);
            } else if let Some(d) = (form == Form::Compatible)
                .then(|| self.lookup(&self.compatible, c))
                .flatten()
                .or_else(|| self.lookup(&self.canonical, c))
            {
                d.iter().copied().for_each(&mut push);
            } else {
                push(c);
            }
        }
        // Canonical order: sort each run of non-starters by class (stable).
        let mut i = 0;
        while i < out.len() {
            if out[i].1 == 0 {
                i += 1;
                continue;
            }
            let start = i;
            while i < out.len() && out[i].1 != 0 {
                i += 1;
            }
            if let Some(run) = out.get_mut(start..i) {
                run.sort_by_key(|&(_, class)| class);
            }
        }
        out
    }

    fn pair(&self, a: char, b: char) -> Option<char> {
        let (a32, b32) = (a as u32, b as u32);
        if (L_BASE..L_BASE + L_COUNT).contains(&a32) && (V_BASE..V_BASE + V_COUNT).contains(&b32) {
            return char::from_u32(S_BASE + ((a32 - L_BASE) * V_COUNT + (b32 - V_BASE)) * T_COUNT);
        }
        if (S_BASE..S_BASE + S_COUNT).contains(&a32)
            && (a32 - S_BASE) % T_COUNT == 0
            && (T_BASE + 1..T_BASE + T_COUNT).contains(&b32)
        {
            return char::from_u32(a32 + (b32 - T_BASE));
        }
        let key = (u64::from(a32) << 21) | u64::from(b32);
        let i = self.compose.binary_search_by_key(&key, |e| e.0).ok()?;
        self.compose.get(i).map(|e| e.1)
    }

    /// Canonical composition of a decomposed, reordered sequence (the crate's algorithm).
    fn compose(&self, chars: &[(char, u8)], out: &mut String) {
        let mut composee: Option<char> = None;
        let mut last_class: Option<u8> = None;
        let mut pending: Vec<char> = Vec::new();
        for &(c, class) in chars {
            let Some(k) = composee else {
                if class == 0 {
                    composee = Some(c);
                } else {
                    out.push(c);
                }
                continue;
            };
            let blocked = last_class.is_some_and(|l| l >= class);
            if !blocked {
                if let Some(r) = self.pair(k, c) {
                    composee = Some(r);
                    continue;
                }
            }
            if class == 0 {
                out.push(k);
                out.extend(pending.drain(..));
                composee = Some(c);
                last_class = None;
            } else {
                pending.push(c);
                last_class = Some(class);
            }
        }
        out.extend(composee);
        out.extend(pending.drain(..));
    }
}

/// Characters that no normal form changes, known without the tables: ASCII, the Arabic base
/// letters but those with hamza or madda (which decompose), Arabic digits and signs of
/// punctuation, dashes, curly quotes and guillemets (a test checks each against the tables, as
/// [`Tables::is_stable`] would).
#[inline]
fn plainly_stable(c: char) -> bool {
    matches!(c,
        '\0'..='\u{7F}'
        | '\u{0621}' | '\u{0627}'..='\u{063A}'
        | '\u{0641}'..='\u{064A}'
        | '\u{0660}'..='\u{066C}'
        | '\u{060C}' | '\u{061B}' | '\u{061F}'
        | '\u{00AB}' | '\u{00BB}'
        | '\u{2013}' | '\u{2014}'
        | '\u{2018}'..='\u{201D}')
}

/// The Arabic letters with hamza or madda (U+0622–U+0626): they decompose (NFD, NFKD), but
/// composing puts them back whole when no mark follows them.
#[inline]
fn hamza_letter(c: char) -> bool {
    matches!(c, '\u{0622}'..='\u{0626}')
}

fn normalize(s: &str, form: Form, compose: bool) -> String {
    // ASCII, and the common characters of news text beyond it, are their own normal form in
    // every form: they need no tables (whose first use parses them, about 3 M instructions).
    // With composition (NFC, NFKC), so are the hamza letters among them: no mark follows.
    if s.is_ascii()
        || s.chars()
            .all(|c| plainly_stable(c) || (compose && hamza_letter(c)))
    {
        return s.to_owned();
    }
    normalize_by_tables(s, form, compose)
}

fn normalize_by_tables(s: &str, form: Form, compose: bool) -> String {
    let t = tables();
    if t.is_stable(s, form) {
        return s.to_owned();
    }
    let chars = t.decompose(s, form);
    let mut out = String::with_capacity(s.len());
    if compose {
        t.compose(&chars, &mut out);
    } else {
        out.extend(chars.iter().map(|&(c, _)| c));
    }
    out
}

/// Canonical decomposition (NFD).
///
/// ```
/// use article_analyzer::normalize::unicode::nfd;
/// assert_eq!(nfd("é"), "e\u{301}");
/// ```
pub fn nfd(s: &str) -> String {
    normalize(s, Form::Canonical, false)
}

/// Canonical composition (NFC).
///
/// ```
/// use article_analyzer::normalize::unicode::nfc;
/// assert_eq!(nfc("e\u{301}"), "é");
/// assert_eq!(nfc("\u{627}\u{654}"), "أ");
/// ```
pub fn nfc(s: &str) -> String {
    normalize(s, Form::Canonical, true)
}

/// Compatibility composition (NFKC).
///
/// ```
/// use article_analyzer::normalize::unicode::nfkc;
/// assert_eq!(nfkc("ﻻ"), "لا");
/// assert_eq!(nfkc("ﬁ"), "fi");
/// ```
pub fn nfkc(s: &str) -> String {
    normalize(s, Form::Compatible, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plainly_stable_characters_are_stable_by_the_tables() {
        let t = tables();
        let mut checked = 0;
        for c in (0..=0x2FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| plainly_stable(c))
        {
            for form in [Form::Canonical, Form::Compatible] {
                assert!(t.is_stable(&c.to_string(), form), "U+{:04X}", c as u32);
            }
            checked += 1;
        }
        assert!(checked > 128 + 42, "{checked}");
    }

    proptest::proptest! {
        /// Strings of those characters and the hamza letters, as the tables compose them.
        #[test]
        fn composing_keeps_hamza_letters_after_no_mark(
            s in "[a-zA-Z \u{621}-\u{63A}\u{641}-\u{64A}\u{660}-\u{66C}،؛؟«»–—‘’“”]{0,16}"
        ) {
            for form in [Form::Canonical, Form::Compatible] {
                proptest::prop_assert_eq!(normalize_by_tables(&s, form, true), s.clone());
                proptest::prop_assert_eq!(normalize(&s, form, true), s.clone());
            }
            // Decomposing is another matter: the tables decide.
            proptest::prop_assert_eq!(nfd(&s), normalize_by_tables(&s, Form::Canonical, false));
        }
    }

    #[test]
    fn hangul_decomposes_and_composes_algorithmically() {
        assert_eq!(nfd("한"), "\u{1112}\u{1161}\u{11AB}");
        assert_eq!(nfc("\u{1112}\u{1161}\u{11AB}"), "한");
    }

    #[test]
    fn marks_are_reordered_then_composed() {
        // dot below (220) sorts before dot above (230); ṩ is s + dot below + dot above.
        assert_eq!(nfc("s\u{307}\u{323}"), "ṩ");
        assert_eq!(nfd("ṩ"), "s\u{323}\u{307}");
    }

    #[test]
    fn blocked_marks_do_not_compose() {
        // Two acutes: only the first composes.
        assert_eq!(nfc("e\u{301}\u{301}"), "é\u{301}");
    }

    #[test]
    fn strings_without_candidates_come_back_unchanged() {
        assert_eq!(nfkc("مرحبا بالعالم"), "مرحبا بالعالم");
        assert_eq!(nfc("plain"), "plain");
    }
}
