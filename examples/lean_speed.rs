//! CPU time per stage of the tokens+frequency ("lean") path and of whole analyses, on one file.
//!
//! ```text
//! cargo run --release --example lean_speed -- /tmp/news-en.txt
//! ```
//!
//! Each figure is the best of five runs, in MB of UTF-8 input per second of this thread's CPU
//! time (`/proc/thread-self/schedstat`), so other work on a shared machine does not skew it.

use article_analyzer::frequency::{frequencies, FrequencyOptions, LanguageRuns, WordTable};
use article_analyzer::lang::detect;
use article_analyzer::normalize::FoldLevel;
use article_analyzer::paragraph::paragraphs;
use article_analyzer::report::Report;
use article_analyzer::sentence::sentences;
use article_analyzer::token::tokenize;
use article_analyzer::utf16::Utf16Offsets;
use article_analyzer::{analyze, Options};

/// CPU time of this thread in nanoseconds (Linux), or 0 when unavailable.
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// Best CPU time of five runs of `f`, in MB/s of `bytes`.
fn best<T>(bytes: usize, mut f: impl FnMut() -> T) -> f64 {
    let mut best = u64::MAX;
    for _ in 0..5 {
        let a = cpu_ns();
        std::hint::black_box(f());
        best = best.min(cpu_ns().saturating_sub(a).max(1));
    }
    bytes as f64 / 1e6 / (best as f64 / 1e9)
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: lean_speed FILE [OPTIONS-JSON]");
        return;
    };
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("lean_speed: cannot read {path} (skipped)");
        return;
    };
    let lean: Options =
        serde_json::from_str(&std::env::args().nth(2).unwrap_or_else(|| LEAN.to_string()))
            .unwrap_or_default();
    let n = text.len();
    let tokens = tokenize(&text);
    let s = sentences(&text, &tokens);
    let p = paragraphs(&text, &s);
    let runs = LanguageRuns::new(p.iter().map(|p| (p.span.start, p.language)).collect());
    let table = WordTable::new(&text, &tokens, &s, FoldLevel::Folded, &runs);
    let fo = FrequencyOptions {
        top: 50,
        remove_stopwords: true,
    };
    let rows: Vec<(&str, f64)> = vec![
        ("tokenize", best(n, || tokenize(&text))),
        ("detect (whole text)", best(n, || detect(&text))),
        ("sentences", best(n, || sentences(&text, &tokens))),
        ("paragraphs + languages", best(n, || paragraphs(&text, &s))),
        (
            "language runs by blocks",
            best(n, || LanguageRuns::by_blocks(&text, &tokens)),
        ),
        (
            "word table",
            best(n, || {
                WordTable::new(&text, &tokens, &s, FoldLevel::Folded, &runs)
            }),
        ),
        ("frequencies", best(n, || frequencies(&table, fo))),
        ("utf-16 offsets", best(n, || Utf16Offsets::new(&text))),
        ("analyze, lean options", best(n, || analyze(&text, &lean))),
        (
            "analyze + report, lean",
            best(n, || {
                let a = analyze(&text, &lean);
                Report::new(&text, &a, &lean).frequencies.len()
            }),
        ),
        (
            "analyze, default options",
            best(n, || analyze(&text, &Options::default())),
        ),
    ];
    println!("{path}: {:.1} MB; lean options {LEAN}", n as f64 / 1e6);
    for (name, mbs) in rows {
        println!("  {name:<28} {mbs:>8.1} MB/s");
    }
}

/// Every stage switch off that tokens + frequency does not need.
const LEAN: &str = r#"{"tokens":false,"sentences":false,"paragraphs":false,"entities":false,"ngrams":false,"keywords":false,"summary":false,"textStatistics":false}"#;
