//! Bounded work in the tokenizer: inputs built against its refinement rules stay linear.
//!
//! Each case is timed against news-like text of the same size by the harness in
//! `tests/common/linear.rs`, and must stay within a generous multiple of it.

use article_analyzer::token::tokenize;

/// These inputs are one- and two-byte tokens (news text averages about six bytes a token), so a
/// higher cost per byte is expected; a quadratic path shows ratios in the hundreds or thousands
/// (`ab.ab.ab…` took 1.7 s for 30 KB before its fix).
const MAX_RATIO: f64 = 40.0;

mod common {
    pub mod linear;
}

fn tokenize_all(text: &str) {
    std::hint::black_box(tokenize(text));
}

fn assert_linear(name: &str, text: &str) {
    common::linear::assert_linear(&tokenize_all, MAX_RATIO, name, text);
}

#[test]
fn url_ending_in_many_closing_parentheses() {
    let text = format!("https://x.org/a{}", ")".repeat(200_000));
    assert_linear("url + 200k ')'", &text);
}

#[test]
fn many_email_local_parts_before_one_at_sign() {
    let text = format!("{}@x", "a+".repeat(200_000));
    assert_linear("a+a+…@x", &text);
}

#[test]
fn one_long_hyphenated_word_and_one_long_dotted_initialism() {
    assert_linear("a-a-a-…", &"a-".repeat(200_000));
    assert_linear("a.a.a.…", &"a.".repeat(200_000));
    assert_linear("ab.ab.ab.…", &"ab.".repeat(200_000));
}

#[test]
fn digits_and_separators_without_spaces() {
    assert_linear("1/1/1/…", &"1/".repeat(200_000));
    assert_linear("12:12:12…", &"12:".repeat(200_000));
    assert_linear("#a#a#a…", &"#a".repeat(200_000));
    assert_linear("@a@a@a…", &"@a".repeat(200_000));
}
