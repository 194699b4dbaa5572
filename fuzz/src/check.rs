//! Fuzz target bodies and the invariants they check.
//!
//! Shared by the fuzz targets (`fuzz/fuzz_targets/*.rs`) and the native smoke test of the main
//! crate (`tests/fuzz_smoke.rs` includes this file by path), so it depends on nothing but
//! `article_analyzer` and `serde_json`. Every check panics, with a message naming the
//! invariant, when the analyzer breaks it; a panic is what the fuzzer reports as a crash.
//!
//! Invariants:
//! - Tokens tile the input: non-empty, in order, non-overlapping, on char boundaries, and the
//!   gaps between them are whitespace only (tokens and gaps rebuild the text).
//! - Sentences partition the tokens (each spans its first token's start to its last token's
//!   end); paragraphs partition the sentences the same way.
//! - Statistics agree with what they count (characters, words, sentences, paragraphs).
//! - The summary names existing sentences in article order, at most `summarySentences`; the
//!   frequency, n-gram and keyword lists respect `top`.
//! - Every `{start, end}` anywhere in the JSON report is a UTF-16 range within the text, on
//!   code-unit boundaries that split no surrogate pair; a `text` next to it is exactly that
//!   slice; the report lists the same spans as the analysis, converted.
//! - Entities other than quotes lie inside one sentence (quotes may span several).
//! - `normalize::key` never panics at any level and language, and is idempotent at `Folded`.
//! - Decoding bytes never panics; valid UTF-8 text comes back unchanged.

use article_analyzer::lang::Language;
use article_analyzer::normalize::{key, FoldLevel};
use article_analyzer::report::Report;
use article_analyzer::token::{tokenize as tokens_of, Token, TokenKind};
use article_analyzer::{analyze as analysis_of, Analysis, Options, Span};
use serde_json::{Map, Value};
use std::sync::OnceLock;

/// Text from fuzz bytes: invalid UTF-8 becomes U+FFFD (the analyzer takes `&str`).
pub fn text_of(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

// ---------------------------------------------------------------------------------------------
// Target bodies

/// `analyze`: options from the first bytes, text from the rest; analysis, report, JSON.
pub fn analyze(data: &[u8]) {
    let (options, rest) = options_from(data);
    let text = text_of(rest);
    analyze_text(&text, &options);
}

/// Analyzes `text` with `options` and checks every invariant of the analysis and its report.
pub fn analyze_text(text: &str, options: &Options) {
    let analysis = analysis_of(text, options);
    check_analysis(text, &analysis);
    check_selections(&analysis, options);
    let report = Report::new(text, &analysis, options);
    check_report(text, &analysis, &report);
}

/// `tokenize`: tokens of the text tile it.
pub fn tokenize(data: &[u8]) {
    let text = text_of(data);
    check_tokens(&text, &tokens_of(&text));
}

/// `normalize`: keys of the whole text and of each word at every level and language.
pub fn normalize(data: &[u8]) {
    let text = text_of(data);
    check_key(&text);
    for token in tokens_of(&text) {
        if token.kind == TokenKind::Word {
            check_key(span_text(&text, token.span));
        }
    }
}

/// `decode`: the CLI's file decoding; what decodes is analyzed too.
pub fn decode(data: &[u8]) {
    match article_analyzer::decode::decode(data) {
        Ok(decoded) => {
            if let Ok(utf8) = std::str::from_utf8(data) {
                if !utf8.starts_with('\u{FEFF}') {
                    assert_eq!(decoded.text, utf8, "valid UTF-8 must decode unchanged");
                    assert_eq!(decoded.encoding, "UTF-8");
                }
            }
            assert!(
                !decoded.text.contains('\0') || data.len() >= 2 && is_utf16_bom(data),
                "NUL in text decoded without a UTF-16 byte-order mark"
            );
            analyze_text(&decoded.text, &Options::default());
        }
        Err(e) => {
            assert!(!e.to_string().is_empty());
        }
    }
}

fn is_utf16_bom(data: &[u8]) -> bool {
    data.starts_with(&[0xFF, 0xFE]) || data.starts_with(&[0xFE, 0xFF])
}

// ---------------------------------------------------------------------------------------------
// Options from bytes

/// The option names `Options` accepts, read from serde's own "unknown field" message, so a new
/// option is fuzzed the moment it exists.
pub fn option_names() -> &'static [String] {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let err = serde_json::from_str::<Options>(r#"{"\u0001no such option": 0}"#)
            .expect_err("Options must deny unknown fields")
            .to_string();
        // "unknown field `\u{1}no such option`, expected one of `a`, `b`" (or "expected `a`").
        let expected = err.split_once("expected").map_or("", |(_, rest)| rest);
        expected
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    })
}

/// Values tried for an option, whatever its type: the fuzz byte picks one, and the next one
/// that `Options` accepts is used, so every option gets a valid value of its own type.
pub fn option_values() -> &'static [Value] {
    static VALUES: OnceLock<Vec<Value>> = OnceLock::new();
    VALUES.get_or_init(|| {
        serde_json::from_str(
            r#"[true, false, 0, 1, 2, 3, 5, 10, 100, 1000000, 4294967295, 0.5,
                "ar", "en", "und", "auto", "arabic", "english", "unknown",
                "exact", "folded", "stemmed", "none", "default", "all", "custom", "",
                null, [], ["the", "و", "في", "of"], {}, {"ar": ["في"], "en": ["the"]}]"#,
        )
        .expect("option values are JSON")
    })
}

/// Options built from the first bytes of `data` (one byte per option, through serde from JSON,
/// as the JS API builds them), and the rest of `data`.
pub fn options_from(data: &[u8]) -> (Options, &[u8]) {
    let names = option_names();
    let n = names.len().min(data.len());
    let (head, rest) = data.split_at(n);
    let mut object = Map::new();
    for (name, &byte) in names.iter().zip(head) {
        if byte & 1 == 0 {
            continue; // the default
        }
        if let Some(value) = accepted_value(&object, name, usize::from(byte >> 1)) {
            object.insert(name.clone(), value);
        }
    }
    let options = serde_json::from_value(Value::Object(object)).expect("accepted options parse");
    (options, rest)
}

/// The first value from `option_values()`, starting at `start`, that `Options` accepts for
/// `name` together with the options already in `object`.
pub fn accepted_value(object: &Map<String, Value>, name: &str, start: usize) -> Option<Value> {
    let values = option_values();
    (0..values.len()).find_map(|i| {
        let value = &values[(start + i) % values.len()];
        let mut trial = object.clone();
        trial.insert(name.to_string(), value.clone());
        serde_json::from_value::<Options>(Value::Object(trial))
            .ok()
            .map(|_| value.clone())
    })
}

// ---------------------------------------------------------------------------------------------
// Invariants

fn span_text(text: &str, span: Span) -> &str {
    text.get(span.start..span.end)
        .unwrap_or_else(|| panic!("span {span:?} is not a char-boundary range of the text"))
}

/// Tokens tile `text`: non-empty, in order, on char boundaries, whitespace-only gaps.
pub fn check_tokens(text: &str, tokens: &[Token]) {
    let mut at = 0;
    for t in tokens {
        let s = t.span;
        assert!(s.start < s.end, "empty token {s:?}");
        assert!(
            s.start >= at,
            "token {s:?} overlaps or precedes the one before (end {at})"
        );
        let gap = span_text(text, Span::new(at, s.start));
        assert!(
            gap.chars().all(char::is_whitespace),
            "non-whitespace {gap:?} between tokens at {at}..{}",
            s.start
        );
        let word = span_text(text, s);
        assert!(
            !word.chars().all(char::is_whitespace),
            "whitespace-only token {word:?} at {s:?}"
        );
        at = s.end;
    }
    let tail = text
        .get(at..)
        .unwrap_or_else(|| panic!("last token ends at {at}, past the text"));
    assert!(
        tail.chars().all(char::is_whitespace),
        "non-whitespace {tail:?} after the last token"
    );
}

/// The analysis of `text` is consistent: tokens tile, sentences partition tokens, paragraphs
/// partition sentences, statistics count what they say.
pub fn check_analysis(text: &str, a: &Analysis) {
    check_tokens(text, &a.tokens);
    let mut next = 0;
    for (i, s) in a.sentences.iter().enumerate() {
        assert_eq!(
            s.first_token,
            next,
            "sentence {i} does not start where {} ended",
            i.max(1) - 1
        );
        assert!(s.first_token < s.end_token, "sentence {i} has no token");
        assert!(
            s.end_token <= a.tokens.len(),
            "sentence {i} past the tokens"
        );
        let span = Span::new(
            a.tokens[s.first_token].span.start,
            a.tokens[s.end_token - 1].span.end,
        );
        assert_eq!(s.span, span, "sentence {i} does not span its tokens");
        next = s.end_token;
    }
    assert_eq!(next, a.tokens.len(), "tokens after the last sentence");
    let mut next = 0;
    for (i, p) in a.paragraphs.iter().enumerate() {
        assert_eq!(
            p.first_sentence, next,
            "paragraph {i} skips or repeats sentences"
        );
        assert!(
            p.first_sentence < p.end_sentence,
            "paragraph {i} has no sentence"
        );
        assert!(
            p.end_sentence <= a.sentences.len(),
            "paragraph {i} past the sentences"
        );
        let span = Span::new(
            a.sentences[p.first_sentence].span.start,
            a.sentences[p.end_sentence - 1].span.end,
        );
        assert_eq!(p.span, span, "paragraph {i} does not span its sentences");
        next = p.end_sentence;
    }
    assert_eq!(
        next,
        a.sentences.len(),
        "sentences after the last paragraph"
    );
    let st = &a.statistics;
    assert_eq!(st.characters, text.chars().count(), "statistics.characters");
    assert_eq!(
        st.characters_no_spaces,
        text.chars().filter(|c| !c.is_whitespace()).count(),
        "statistics.charactersNoSpaces"
    );
    let words = a
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .count();
    assert_eq!(st.words, words, "statistics.words != word tokens");
    assert_eq!(st.sentences, a.sentences.len(), "statistics.sentences");
    assert_eq!(st.paragraphs, a.paragraphs.len(), "statistics.paragraphs");
}

/// The lists the options size: summary sentences exist, in article order, at most
/// `summarySentences`; frequency and n-gram lists at most `top`; keywords at most
/// `min(top, MAX_KEYWORDS)`.
pub fn check_selections(a: &Analysis, options: &Options) {
    assert!(
        a.summary.len() <= options.summary_sentences,
        "summary has {} sentences, asked for {}",
        a.summary.len(),
        options.summary_sentences
    );
    assert!(
        a.summary.windows(2).all(|w| w[0] < w[1]),
        "summary {:?} not in article order",
        a.summary
    );
    assert!(
        a.summary.iter().all(|&i| i < a.sentences.len()),
        "summary {:?} names a sentence past {}",
        a.summary,
        a.sentences.len()
    );
    assert!(
        a.frequencies.len() <= options.top,
        "frequencies longer than top"
    );
    assert!(a.ngrams.len() <= options.top, "ngrams longer than top");
    assert!(
        a.keywords.len() <= options.top.min(article_analyzer::analyze::MAX_KEYWORDS),
        "keywords longer than min(top, MAX_KEYWORDS)"
    );
}

/// The report of `analysis` over `text`: UTF-16 ranges in range and on boundaries, equal to the
/// analysis's byte spans, texts equal to their slices, entities inside sentences, statistics
/// copied, JSON that serializes and parses back.
pub fn check_report(text: &str, analysis: &Analysis, report: &Report) {
    let units: Vec<u16> = text.encode_utf16().collect();
    let json = serde_json::to_string(report).expect("the report serializes");
    let value: Value = serde_json::from_str(&json).expect("the report's JSON parses back");
    check_ranges(&units, &value, "report");

    // byte offset -> UTF-16 offset, computed independently of the crate's `utf16` module
    // (usize::MAX inside a character).
    let mut table = vec![usize::MAX; text.len() + 1];
    let mut unit = 0;
    for (byte, c) in text.char_indices() {
        table[byte] = unit;
        unit += c.len_utf16();
    }
    table[text.len()] = unit;
    let utf16 = |byte: usize| table.get(byte).copied().unwrap_or(usize::MAX);
    let same = |what: &str, got: &[(usize, usize)], spans: &[Span]| {
        if got.is_empty() {
            return; // the options asked for none
        }
        assert_eq!(got.len(), spans.len(), "report.{what} length");
        for (g, s) in got.iter().zip(spans) {
            assert_eq!(
                *g,
                (utf16(s.start), utf16(s.end)),
                "report.{what} != analysis span"
            );
        }
    };
    let tokens: Vec<_> = report.tokens.iter().map(|t| (t.start, t.end)).collect();
    let spans: Vec<_> = analysis.tokens.iter().map(|t| t.span).collect();
    same("tokens", &tokens, &spans);
    let sentences: Vec<_> = report.sentences.iter().map(|s| (s.start, s.end)).collect();
    let spans: Vec<_> = analysis.sentences.iter().map(|s| s.span).collect();
    same("sentences", &sentences, &spans);
    let paragraphs: Vec<_> = report.paragraphs.iter().map(|p| (p.start, p.end)).collect();
    let spans: Vec<_> = analysis.paragraphs.iter().map(|p| p.span).collect();
    same("paragraphs", &paragraphs, &spans);

    let sentence_ranges: Vec<(usize, usize)> = analysis
        .sentences
        .iter()
        .map(|s| (utf16(s.span.start), utf16(s.span.end)))
        .collect();
    for e in report.entities.iter().filter(|e| e.kind != "quote") {
        // Quotes may run over several sentences (src/entity/: rule 1); the rest lie in one.
        assert!(
            sentence_ranges
                .iter()
                .any(|&(start, end)| start <= e.start && e.end <= end),
            "entity {:?} at {}..{} is not inside one sentence",
            e.text,
            e.start,
            e.end
        );
    }

    let st = &report.statistics;
    let a = &analysis.statistics;
    assert_eq!(
        (
            st.characters,
            st.characters_no_spaces,
            st.words,
            st.sentences,
            st.paragraphs
        ),
        (
            a.characters,
            a.characters_no_spaces,
            a.words,
            a.sentences,
            a.paragraphs
        ),
        "report.statistics != analysis.statistics"
    );
}

/// Every object with numeric `start` and `end` in `value` is a UTF-16 range of `units` on
/// code-unit boundaries; its `text`, if any, is that slice (entity groups aside: theirs is the
/// group's most frequent form).
pub fn check_ranges(units: &[u16], value: &Value, path: &str) {
    match value {
        Value::Array(items) => {
            // The path names the field, not the index: formatting one per item would cost more
            // than the checks. A failing input is small once minimized.
            let path = format!("{path}[]");
            for item in items {
                check_ranges(units, item, &path);
            }
        }
        Value::Object(object) => {
            if let (Some(start), Some(end)) = (
                object.get("start").and_then(Value::as_u64),
                object.get("end").and_then(Value::as_u64),
            ) {
                let (start, end) = (start as usize, end as usize);
                assert!(
                    start <= end && end <= units.len(),
                    "{path}: {start}..{end} outside 0..{}",
                    units.len()
                );
                for at in [start, end] {
                    let splits = at > 0
                        && at < units.len()
                        && (0xD800..0xDC00).contains(&units[at - 1])
                        && (0xDC00..0xE000).contains(&units[at]);
                    assert!(!splits, "{path}: offset {at} splits a surrogate pair");
                }
                // An entity group's `text` is its most frequent form, while `start..end` is its
                // first mention, which may be written differently (`أمازون` first seen as `لأمازون`).
                let canonical = path.ends_with("entityGroups[]");
                if let Some(shown) = object
                    .get("text")
                    .and_then(Value::as_str)
                    .filter(|_| !canonical)
                {
                    let slice = String::from_utf16(&units[start..end])
                        .unwrap_or_else(|_| panic!("{path}: {start}..{end} is not UTF-16 text"));
                    assert_eq!(shown, slice, "{path}: text is not the slice {start}..{end}");
                }
            }
            for (k, v) in object {
                if v.is_array() || v.is_object() {
                    check_ranges(units, v, &format!("{path}.{k}"));
                }
            }
        }
        _ => {}
    }
}

/// Languages `normalize::key` is called with: every one `Language` deserializes from.
pub fn languages() -> &'static [Language] {
    static LANGUAGES: OnceLock<Vec<Language>> = OnceLock::new();
    LANGUAGES.get_or_init(|| {
        [
            "arabic", "english", "unknown", "french", "persian", "urdu", "ar", "en", "und",
        ]
        .iter()
        .filter_map(|name| serde_json::from_value(Value::from(*name)).ok())
        .collect()
    })
}

/// `key` of `word` at every level and language; idempotent at `Folded`.
pub fn check_key(word: &str) {
    for &language in languages() {
        for level in [FoldLevel::Exact, FoldLevel::Folded, FoldLevel::Stemmed] {
            let _ = key(word, level, language);
        }
        let folded = key(word, FoldLevel::Folded, language);
        let again = key(&folded, FoldLevel::Folded, language);
        assert_eq!(
            again, folded,
            "key is not idempotent at Folded for {word:?} ({language:?})"
        );
    }
}
