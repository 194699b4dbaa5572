//! Throughput of the frequency, keyword, summary and statistics stages, per stage, in MB/s.
//!
//! ```text
//! zcat ../shared/data/rawtext_en_bbc/bbc-news-articles.jsonl.gz | cargo run --release --example frequency_speed
//! zcat ../shared/data/rawtext_ar_saudinewsnet/saudinewsnet-2015-07-22.jsonl.gz | cargo run --release --example frequency_speed
//! ```
//!
//! Reads JSON Lines with a `text` field on stdin; each stage runs over every article and the
//! time is summed per stage (input bytes / stage time).

use article_analyzer::frequency::{frequencies, ngrams, FrequencyOptions, LanguageRuns, WordTable};
use article_analyzer::keywords::keywords;
use article_analyzer::normalize::FoldLevel;
use article_analyzer::sentence::sentences;
use article_analyzer::stats::statistics;
use article_analyzer::summary::summary;
use article_analyzer::token::tokenize;
use article_analyzer::{analyze, Options};
use std::io::{self, BufRead};
use std::time::{Duration, Instant};

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
    let names = [
        "tokenize", "sentences", "word table", "frequencies", "ngrams", "keywords", "summary",
        "statistics", "whole analyze()",
    ];
    let mut time = [Duration::ZERO; 9];
    let mut sink = 0usize;
    for _round in 0..3 {
        for text in &texts {
            let t = Instant::now();
            let tokens = tokenize(text);
            time[0] += t.elapsed();
            let t = Instant::now();
            let s = sentences(text, &tokens);
            time[1] += t.elapsed();
            let t = Instant::now();
            let table =
                WordTable::new(text, &tokens, &s, FoldLevel::Folded, &LanguageRuns::by_blocks(text, &tokens));
            time[2] += t.elapsed();
            let t = Instant::now();
            sink += frequencies(&table, FrequencyOptions { top: 50, remove_stopwords: true }).len();
            time[3] += t.elapsed();
            let t = Instant::now();
            sink += ngrams(&table, 50).len();
            time[4] += t.elapsed();
            let t = Instant::now();
            sink += keywords(&table, s.len(), 20).len();
            time[5] += t.elapsed();
            let t = Instant::now();
            sink += summary(&table, s.len(), 3).len();
            time[6] += t.elapsed();
            let t = Instant::now();
            sink += statistics(&table, &s).unique_words;
            time[7] += t.elapsed();
            let t = Instant::now();
            sink += analyze(text, &Options::default()).tokens.len();
            time[8] += t.elapsed();
        }
    }
    let mb = 3.0 * bytes as f64 / 1e6;
    println!("{} articles, {:.2} MB (×3 rounds)", texts.len(), bytes as f64 / 1e6);
    for (name, t) in names.iter().zip(time) {
        println!("{name:>16}: {:>8.1} MB/s  ({:.3} s)", mb / t.as_secs_f64(), t.as_secs_f64());
    }
    eprintln!("(sink {sink})");
}
