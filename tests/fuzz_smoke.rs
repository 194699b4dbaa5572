//! A short native run of every fuzz target body (`fuzz/src/check.rs`, included by path) over
//! the seed articles, hand-written nasty inputs and property-test strings. The long runs are
//! `make fuzz`; this keeps the same invariants in `cargo test`. Regression tests for bugs the
//! fuzzer found are named after the bug, at the bottom.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/src/check.rs"]
#[allow(dead_code)]
mod check;

use article_analyzer::Options;
use proptest::prelude::*;
use serde_json::{Map, Value};

type Target = fn(&[u8]);

const TARGETS: [(&str, Target); 4] = [
    ("analyze", check::analyze),
    ("tokenize", check::tokenize),
    ("normalize", check::normalize),
    ("decode", check::decode),
];

fn seeds() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for dir in ["seeds", "fuzz/seeds"] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for p in paths {
            out.push((p.display().to_string(), std::fs::read(&p).unwrap()));
        }
    }
    out
}

/// Inputs that have broken text tools before: bidi controls, lone marks, joiners, BOMs, NULs,
/// line-ending mixes, presentation forms, tatweel runs, huge runs, unclosed quotes, mixed
/// directions, surrogate-pair neighbours, invalid UTF-8.
fn nasty() -> Vec<Vec<u8>> {
    let strings: Vec<String> = vec![
        String::new(),
        " ".into(),
        "\u{202A}قال\u{202C} \u{202B}he said\u{202C} \u{202D}x\u{202E}y\u{202C}".into(),
        "\u{2066}العربية\u{2069} \u{2067}English\u{2069} \u{2068}?\u{2069}.".into(),
        "\u{202E}".repeat(1000),
        "\u{064E}\u{0651} \u{0301}a \u{0651}. \u{0670}".into(),
        "\u{200D}\u{200D}👩\u{200D}👩\u{200D}👧 \u{200C}ب\u{200C}".into(),
        "\u{FEFF}\u{FEFF}نص\u{FEFF}text\u{FEFF}.".into(),
        "a\0b\0. \0\0\0".into(),
        "one\r\ntwo\rthree\n\r\nfour\u{2028}five\u{2029}six\u{85}seven".into(),
        "ﻻ ﷲ ﷺ ﻷ ﰀ ﹰ".into(),
        format!("ب{}ـ{}", "ـ".repeat(5000), "ـ".repeat(3)),
        "ـ".repeat(10_000),
        "9".repeat(10_000),
        "٩".repeat(5_000),
        ".".repeat(10_000),
        "؟!".repeat(5_000),
        "«".repeat(3_000) + &"(".repeat(3_000) + &"“".repeat(3_000) + "نص",
        "»".repeat(3_000) + &")".repeat(3_000) + "end.",
        "قال \"He said «لا. No. (unclosed [ {".into(),
        "The UN said الأمم المتحدة 123 ٤٥٦ said. قال ok؟ Yes!".into(),
        "😀".repeat(2_000),
        "a\u{10FFFF}b \u{E000}\u{FFFD}\u{FFFF}".into(),
        "Dr. U.S. No. 5 Nov. 28 د. ه. ق.م. ...".into(),
        "\t\u{0B}\u{0C}\u{1F}\u{7F}\u{80}\u{9F}".into(),
        "a".repeat(20_000),
        "\n".repeat(5_000) + &"\r\n".repeat(5_000),
        "x.\n\n".repeat(2_000),
    ];
    let mut out: Vec<Vec<u8>> = strings.into_iter().map(String::into_bytes).collect();
    out.push(vec![0xFF, 0xFE, 0x3D, 0xD8, b'a', 0]); // UTF-16 LE, lone surrogate
    out.push(vec![0xFE, 0xFF, 0xD8, 0x3D, 0xDE, 0x00]); // UTF-16 BE emoji
    out.push(vec![0xFF, 0xFE]);
    out.push(vec![0xEF, 0xBB, 0xBF, 0xFF, 0xC0, 0x80]); // BOM then invalid
    out.push(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec());
    out.push((0..=255u8).collect());
    out.push(vec![0xC7, 0xE1, 0xD1, 0xC6, 0xED, 0xD3, 0x20, 0xE3]); // windows-1256
    out
}

#[test]
fn every_target_over_seeds() {
    for (name, bytes) in seeds() {
        for (target, run) in TARGETS {
            let result = std::panic::catch_unwind(|| run(&bytes));
            assert!(result.is_ok(), "target {target} failed on seed {name}");
        }
        // The analyze target eats option bytes first: also run the whole seed with every
        // single option set.
        check::analyze_text(&String::from_utf8_lossy(&bytes), &Options::default());
    }
}

#[test]
fn every_target_over_nasty_inputs() {
    for (i, bytes) in nasty().iter().enumerate() {
        for (target, run) in TARGETS {
            let result = std::panic::catch_unwind(|| run(bytes));
            assert!(result.is_ok(), "target {target} failed on nasty input {i}");
        }
        check::analyze_text(&String::from_utf8_lossy(bytes), &Options::default());
    }
}

#[test]
fn every_option_is_fuzzed() {
    let names = check::option_names();
    assert!(
        names.iter().any(|n| n == "tokens"),
        "option names: {names:?}"
    );
    for name in names {
        assert!(
            check::accepted_value(&Map::new(), name, 0).is_some(),
            "no value in check::option_values() is accepted for option {name:?}: add one"
        );
    }
    // Every option at every accepted value, over an Arabic and an English seed.
    let text =
        "أعلنت الحكومة «خطة» جديدة في الرياض. The UN said on Monday it would help.\n\nثم انتهى.";
    for name in names {
        for value in check::option_values() {
            let mut object = Map::new();
            object.insert(name.clone(), value.clone());
            if let Ok(options) = serde_json::from_value::<Options>(Value::Object(object)) {
                check::analyze_text(text, &options);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn targets_hold_on_arbitrary_strings(s in "\\PC{0,200}") {
        for (_, run) in TARGETS {
            run(s.as_bytes());
        }
    }

    #[test]
    fn targets_hold_on_arabic_and_punctuation(
        s in "[\u{0600}-\u{06FF}\u{0750}-\u{077F}\u{FB50}-\u{FDFF}\u{FE70}-\u{FEFF}a-zA-Z0-9 .,!?؟،؛«»\"'()\\[\\]\n\r\t\u{200C}\u{200D}\u{202A}-\u{202E}\u{2066}-\u{2069}-]{0,300}"
    ) {
        for (_, run) in TARGETS {
            run(s.as_bytes());
        }
    }

    #[test]
    fn targets_hold_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        for (_, run) in TARGETS {
            run(&bytes);
        }
    }
}

// Regression tests for bugs the fuzzer found (named after the bug) go below.

/// Found by the `decode` target: a UTF-8 byte-order mark let NUL bytes through as text, while a
/// NUL without a UTF-16 mark means binary.
#[test]
fn utf8_bom_does_not_let_nul_through() {
    let bytes = b"\xEF\xBB\xBF text \0 more";
    assert_eq!(
        article_analyzer::decode::decode(bytes),
        Err(article_analyzer::decode::NotText::Nul { offset: 9 })
    );
    check::decode(bytes);
}
