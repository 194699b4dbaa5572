//! Throughput of the frequency, keyword, summary and statistics stages, per stage, in MB/s.
//!
//! ```text
//! zcat ../shared/data/rawtext_en_bbc/bbc-news-articles.jsonl.gz | cargo run --release --example frequency_speed
//! zcat ../shared/data/rawtext_ar_saudinewsnet/saudinewsnet-2015-07-22.jsonl.gz | cargo run --release --example frequency_speed
//! ```
//!
//! Reads JSON Lines with a `text` field on stdin and runs each stage over every article, stage
//! by stage, three times; reports input MB per second of CPU time (from
//! `/proc/thread-self/schedstat`, so a busy machine does not skew it) and of wall time.

use article_analyzer::frequency::{frequencies, ngrams, FrequencyOptions, LanguageRuns, WordTable};
use article_analyzer::keywords::keywords;
use article_analyzer::normalize::FoldLevel;
use article_analyzer::sentence::{sentences, Sentence};
use article_analyzer::stats::statistics;
use article_analyzer::summary::summary;
use article_analyzer::token::{tokenize, Token};
use article_analyzer::{analyze, Options};
use std::io::{self, BufRead};
use std::time::Instant;

/// CPU time of this thread in nanoseconds (Linux), or 0 when unavailable.
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn main() {
    let texts: Vec<String> = io::stdin()
        .lock()
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(&l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    if texts.is_empty() {
        eprintln!("no input: pipe JSON Lines with a \"text\" field");
        return;
    }
    const ROUNDS: usize = 3;
    let mb = (ROUNDS * bytes) as f64 / 1e6;
    println!(
        "{} articles, {:.2} MB, {ROUNDS} rounds",
        texts.len(),
        bytes as f64 / 1e6
    );
    let report = |name: &str, cpu: u64, wall: f64| {
        println!(
            "{name:>16}: {:>8.1} MB/s CPU  {:>8.1} MB/s wall",
            mb / (cpu as f64 / 1e9),
            mb / wall
        );
    };
    let mut sink = 0usize;
    macro_rules! stage {
        ($name:expr, $body:expr) => {{
            let (c, w) = (cpu_ns(), Instant::now());
            let mut out = Vec::new();
            for _ in 0..ROUNDS {
                out = $body;
            }
            report($name, cpu_ns() - c, w.elapsed().as_secs_f64());
            out
        }};
    }
    let tokens: Vec<Vec<Token>> = stage!("tokenize", texts.iter().map(|t| tokenize(t)).collect());
    let sents: Vec<Vec<Sentence>> = stage!(
        "sentences",
        texts
            .iter()
            .zip(&tokens)
            .map(|(t, k)| sentences(t, k))
            .collect()
    );
    let runs: Vec<LanguageRuns> = stage!(
        "block languages",
        texts
            .iter()
            .zip(&tokens)
            .map(|(t, k)| LanguageRuns::by_blocks(t, k))
            .collect()
    );
    let tables: Vec<WordTable> = stage!(
        "word table",
        (0..texts.len())
            .map(|i| WordTable::new(
                &texts[i],
                &tokens[i],
                &sents[i],
                FoldLevel::Folded,
                &runs[i]
            ))
            .collect()
    );
    let opts = FrequencyOptions {
        top: 50,
        remove_stopwords: true,
    };
    let _: Vec<usize> = stage!(
        "frequencies",
        tables.iter().map(|t| frequencies(t, opts).len()).collect()
    );
    let _: Vec<usize> = stage!(
        "ngrams",
        tables.iter().map(|t| ngrams(t, 50).len()).collect()
    );
    let _: Vec<usize> = stage!(
        "keywords",
        tables
            .iter()
            .zip(&sents)
            .map(|(t, s)| keywords(t, s.len(), 20).len())
            .collect()
    );
    let _: Vec<usize> = stage!(
        "summary",
        tables
            .iter()
            .zip(&sents)
            .map(|(t, s)| summary(t, s.len(), 3).len())
            .collect()
    );
    let _: Vec<usize> = stage!(
        "statistics",
        tables
            .iter()
            .zip(&sents)
            .map(|(t, s)| statistics(t, s).unique_words)
            .collect()
    );
    let r: Vec<usize> = stage!(
        "whole analyze()",
        texts
            .iter()
            .map(|t| analyze(t, &Options::default()).tokens.len())
            .collect()
    );
    sink += r.len();
    eprintln!("(sink {sink})");
}
