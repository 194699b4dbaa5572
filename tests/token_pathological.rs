//! Bounded work in the tokenizer: inputs built against its refinement rules stay linear.
//!
//! Each case is timed against news-like text of the same size (the seeds repeated) and must stay
//! within a generous multiple of it; the ratio, not the time, is asserted.

use article_analyzer::token::tokenize;
use std::time::{Duration, Instant};

/// These inputs are one- and two-byte tokens (news text averages about six bytes a token), so a
/// higher cost per byte is expected; a quadratic path shows ratios in the hundreds or thousands
/// (`ab.ab.ab…` took 1.7 s for 30 KB before its fix).
const MAX_RATIO: f64 = 40.0;

fn news_text(bytes: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut seeds: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    seeds.sort();
    let mut text = String::new();
    while text.len() < bytes {
        for s in &seeds {
            text.push_str(s);
        }
    }
    text
}

fn time(text: &str) -> Duration {
    (0..2)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(tokenize(text));
            start.elapsed()
        })
        .min()
        .unwrap()
}

fn assert_linear(name: &str, text: &str) {
    let news = news_text(text.len());
    let reference = time(&news).as_secs_f64() * text.len() as f64 / news.len() as f64;
    let ratio = time(text).as_secs_f64() / reference.max(1e-6);
    eprintln!("{name}: ratio {ratio:.2}");
    assert!(ratio <= MAX_RATIO, "{name}: {ratio:.1}x news text");
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
