//! The Unicode normalization of `normalize::unicode` against the `unicode-normalization` crate
//! (a dev-dependency only, so its ~59 KB gzipped of tables stay out of the wasm):
//! - `src/normalize/data/normalization.txt` is exactly what this file generates from that crate
//!   (regenerate with `AA_WRITE_TABLES=1 cargo test --test unicode_tables` after updating it);
//! - NFD, NFC and NFKC agree with the crate on every code point, on every pair that can compose,
//!   and on random strings of marks, letters and Hangul.

use article_analyzer::normalize::unicode;
use proptest::prelude::*;
use unicode_normalization::char::{
    canonical_combining_class, compose, decompose_canonical, decompose_compatible,
};
use unicode_normalization::UnicodeNormalization;

const PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/src/normalize/data/normalization.txt"
);

fn chars() -> impl Iterator<Item = char> {
    (0..=0x10FFFFu32).filter_map(char::from_u32)
}

fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

fn full(c: char, compatible: bool) -> Vec<char> {
    let mut out = Vec::new();
    if compatible {
        decompose_compatible(c, |d| out.push(d));
    } else {
        decompose_canonical(c, |d| out.push(d));
    }
    out
}

fn hex(chars: &[char]) -> String {
    chars
        .iter()
        .map(|c| format!("{:x}", *c as u32))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The characters that can be the first (A) and second (B) of a canonical composition pair.
fn candidates() -> (Vec<char>, Vec<char>) {
    let mut a = Vec::new();
    let mut b = Vec::new();
    for c in chars().filter(|&c| !is_hangul_syllable(c)) {
        let d = full(c, false);
        if d != [c] {
            a.push(c);
            a.extend(d.iter().copied());
            b.extend(d[1..].iter().copied());
        }
    }
    for v in [&mut a, &mut b] {
        v.sort_unstable();
        v.dedup();
    }
    (a, b)
}

fn generate() -> String {
    let mut out = String::from(
        "# Unicode normalization data for src/normalize/unicode.rs: generated from the\n\
         # unicode-normalization crate (dev-dependency) by tests/unicode_tables.rs; do not edit.\n\
         # Regenerate: AA_WRITE_TABLES=1 cargo test --test unicode_tables\n\
         # Derived from the Unicode Character Database (Unicode License v3).\n\
         # Numbers are hex; the first number of a line is its key's distance from the previous key.\n\
         # ccc: gap length class (ranges of code points with a nonzero canonical combining class)\n\
         # canonical: key chars... (full canonical decomposition; Hangul syllables are algorithmic)\n\
         # compatible: key chars... (full compatibility decomposition, where not the canonical one)\n\
         # compose: key first second (the primary composites; Hangul is algorithmic)\n",
    );
    let v = unicode_normalization::UNICODE_VERSION;
    out.push_str(&format!("# Unicode {}.{}.{}\nccc\n", v.0, v.1, v.2));
    let mut prev = 0u32;
    let mut run: Option<(u32, u32, u8)> = None;
    let mut runs = Vec::new();
    for c in chars() {
        let class = canonical_combining_class(c);
        let cp = c as u32;
        match run {
            Some((s, e, k)) if k == class && e + 1 == cp => run = Some((s, cp, k)),
            _ => {
                if let Some(r) = run.take() {
                    runs.push(r);
                }
                if class != 0 {
                    run = Some((cp, cp, class));
                }
            }
        }
    }
    runs.extend(run);
    for (s, e, k) in runs {
        out.push_str(&format!("{:x} {:x} {:x}\n", s - prev, e - s + 1, k));
        prev = e + 1;
    }
    for (name, compatible) in [("canonical", false), ("compatible", true)] {
        out.push_str(name);
        out.push('\n');
        let mut prev = 0u32;
        for c in chars().filter(|&c| !is_hangul_syllable(c)) {
            let d = full(c, compatible);
            if d == [c] || (compatible && d == full(c, false)) {
                continue;
            }
            out.push_str(&format!("{:x} {}\n", c as u32 - prev, hex(&d)));
            prev = c as u32;
        }
    }
    out.push_str("compose\n");
    let (a, b) = candidates();
    let mut pairs = Vec::new();
    for &x in &a {
        for &y in &b {
            if let Some(c) = compose(x, y) {
                if !is_hangul_syllable(c) {
                    pairs.push((c, x, y));
                }
            }
        }
    }
    pairs.sort_unstable();
    let mut prev = 0u32;
    for (c, x, y) in pairs {
        out.push_str(&format!(
            "{:x} {:x} {:x}\n",
            c as u32 - prev,
            x as u32,
            y as u32
        ));
        prev = c as u32;
    }
    out
}

#[test]
fn the_data_file_is_current() {
    let generated = generate();
    if std::env::var_os("AA_WRITE_TABLES").is_some() {
        std::fs::write(PATH, &generated).expect("writing the data file");
    }
    let stored = std::fs::read_to_string(PATH).unwrap_or_default();
    assert!(
        stored == generated,
        "{PATH} is stale: regenerate it (see the module docs)"
    );
}

fn check(s: &str) {
    assert_eq!(unicode::nfd(s), s.nfd().collect::<String>(), "NFD of {s:?}");
    assert_eq!(unicode::nfc(s), s.nfc().collect::<String>(), "NFC of {s:?}");
    assert_eq!(
        unicode::nfkc(s),
        s.nfkc().collect::<String>(),
        "NFKC of {s:?}"
    );
}

#[test]
fn every_code_point_normalizes_as_the_crate_does() {
    let mut s = String::new();
    for c in chars() {
        s.clear();
        s.push(c);
        check(&s);
    }
}

#[test]
fn every_composable_pair_normalizes_as_the_crate_does() {
    let (a, b) = candidates();
    let hangul = [
        '\u{1100}', '\u{1112}', '\u{1161}', '\u{1175}', '\u{11A7}', '\u{11A8}', '\u{11C2}',
        '\u{AC00}', '\u{AC01}', '\u{D7A3}',
    ];
    let mut s = String::new();
    for &x in a.iter().chain(&hangul) {
        for &y in b.iter().chain(&hangul) {
            s.clear();
            s.push(x);
            s.push(y);
            check(&s);
        }
    }
}

fn interesting_char() -> impl Strategy<Value = char> {
    prop_oneof![
        proptest::char::range('a', 'z'),
        proptest::char::range('\u{00C0}', '\u{024F}'),
        proptest::char::range('\u{0300}', '\u{036F}'),
        proptest::char::range('\u{0591}', '\u{05C7}'),
        proptest::char::range('\u{0620}', '\u{065F}'),
        proptest::char::range('\u{FB50}', '\u{FDFF}'),
        proptest::char::range('\u{FE70}', '\u{FEFF}'),
        proptest::char::range('\u{0900}', '\u{0DFF}'),
        proptest::char::range('\u{1100}', '\u{11FF}'),
        proptest::char::range('\u{AC00}', '\u{AC40}'),
        proptest::char::range('\u{1E00}', '\u{1FFF}'),
        proptest::char::range('\u{3000}', '\u{33FF}'),
        proptest::char::range('\u{FF00}', '\u{FFEF}'),
        any::<char>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]
    #[test]
    fn strings_normalize_as_the_crate_does(v in proptest::collection::vec(interesting_char(), 0..12)) {
        check(&v.into_iter().collect::<String>());
    }
}
