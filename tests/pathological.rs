//! Bounded work: inputs built to hurt a text analyzer stay linear.
//!
//! Each case is timed against news-like text of the same size by the harness in
//! `tests/common/linear.rs`, and must stay within a generous multiple of it.

use article_analyzer::{analyze, Options};

/// How much slower than news text of the same size a pathological input may be.
const MAX_RATIO: f64 = 12.0;

mod common {
    pub mod linear;
}
use common::linear::{news_text, time as time_of};

fn analyze_all(text: &str) {
    std::hint::black_box(analyze(text, &Options::default()));
}

fn time(text: &str) -> std::time::Duration {
    time_of(&analyze_all, text)
}

fn assert_linear(name: &str, text: &str) {
    common::linear::assert_linear(&analyze_all, MAX_RATIO, name, text);
}

#[test]
fn one_ten_megabyte_word_with_no_spaces() {
    let word = "abcdefghij".repeat(1_000_000);
    assert_linear("10 MB word", &word);
}

#[test]
fn one_megabyte_of_one_repeated_character() {
    assert_linear("1 MB of 'a'", &"a".repeat(1 << 20));
    assert_linear("1 MB of '.'", &".".repeat(1 << 20));
    assert_linear("1 MB of 'ـ' (tatweel)", &"ـ".repeat(1 << 19));
}

#[test]
fn a_hundred_thousand_one_character_lines() {
    assert_linear("100,000 lines", &"x\n".repeat(100_000));
}

#[test]
fn fifty_thousand_nested_quotes() {
    let mut text = String::new();
    for _ in 0..50_000 {
        text.push_str("«“\"");
    }
    text.push_str(" word ");
    for _ in 0..50_000 {
        text.push_str("\"”»");
    }
    assert_linear("50,000 nested quotes", &text);
}

#[test]
fn every_combining_mark_on_one_base() {
    let mut text = String::from("a");
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        if unicode_normalization::char::is_combining_mark(c) {
            text.push(c);
        }
    }
    assert!(text.chars().count() > 2000, "expected thousands of marks");
    // Repeat the cluster so timing is measurable.
    let text = format!("{text} ").repeat(40);
    assert_linear("every combining mark on one base", &text);
}

#[test]
fn megabytes_of_emoji_zwj_sequences() {
    let family = "👩\u{200d}👩\u{200d}👧\u{200d}👦";
    let text = family.repeat(2 << 20 >> 4);
    assert_linear("emoji ZWJ sequences, no spaces", &text);
    let spaced = format!("{family} 🏳️\u{200d}🌈 ").repeat(2 << 20 >> 5);
    assert_linear("emoji ZWJ sequences, spaced", &spaced);
}

#[test]
fn arabic_without_spaces_and_with_only_diacritics() {
    assert_linear("Arabic letters, no spaces", &"بالولايات".repeat(100_000));
    assert_linear(
        "Arabic diacritics only",
        &"\u{064E}\u{0651}".repeat(200_000),
    );
}

#[test]
fn thousands_of_quotes_and_people() {
    // Each quote looks for its speaker among the people found: once a scan of every person
    // (and every kept entity, when resolving overlaps), which made long articles quadratic.
    let en = "“We will win,” said John Smith of Acme Corp. in London on Tuesday. ".repeat(15_000);
    assert_linear("15,000 English quotes with speakers", &en);
    let ar = "وقال علي بنجواني من شركة أمازون في نيويورك: «سنفوز». ".repeat(10_000);
    assert_linear("10,000 Arabic quotes with speakers", &ar);
}

#[test]
fn hundreds_of_thousands_of_hashtags_mentions_and_links() {
    // The tokens a web form covers take no other pattern: each token was checked against
    // every web form of the text, which made a social-media dump quadratic.
    let forms = "#Aurora2 news from @space_fan_42, see https://example.org/a?b=1 or mail \
                 press@example.org. #وسم جديد @user "
        .repeat(12_000);
    assert_linear("12,000 lines of web forms", &forms);
}

#[test]
fn news_text_scales_linearly() {
    // The same news text at 100 KB and at 30 times that: the large one may take at most
    // MAX_RATIO / 4 times 30 small ones (ratios above 1 come from caches, not from the code).
    let small = news_text(100_000);
    let large = news_text(3_000_000);
    let per_byte_small = time(&small).as_secs_f64() / small.len() as f64;
    let per_byte_large = time(&large).as_secs_f64() / large.len() as f64;
    let ratio = per_byte_large / per_byte_small.max(1e-12);
    eprintln!("news text 3 MB vs 100 KB, time per byte: ratio {ratio:.2}");
    assert!(
        ratio <= MAX_RATIO / 4.0,
        "3 MB of news text took {ratio:.1}x as long per byte as 100 KB"
    );
}
