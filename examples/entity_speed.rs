//! Times entity recognition against tokenizing and sentence splitting, per article.
//!
//! ```text
//! cargo run --release --example entity_speed -- FILE.jsonl     # {"text": ...} per line
//! ```
//! Prints microseconds per article for each stage. The corpora of `../shared/data/rawtext_*`
//! (gzip) can be unpacked to JSON Lines for it; they are not part of the repository.

use article_analyzer::entity::{patterns, recognize};
use article_analyzer::lang::detect;
use article_analyzer::sentence::sentences;
use article_analyzer::token::tokenize;
use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: entity_speed FILE.jsonl");
        return;
    };
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read {path}; skipping");
        return;
    };
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect();
    let rounds = 5;
    let (mut split, mut pats, mut all) = (0u128, 0u128, 0u128);
    let (mut found, mut bytes) = (0usize, 0usize);
    for _ in 0..rounds {
        for text in &texts {
            bytes += text.len();
            let t0 = Instant::now();
            let tokens = tokenize(text);
            let sents = sentences(text, &tokens);
            let language = detect(text);
            let t1 = Instant::now();
            let p = patterns::recognize(text, &tokens, &sents, language, &[]);
            let t2 = Instant::now();
            let e = recognize(text, &tokens, &sents, language);
            let t3 = Instant::now();
            found += p.len();
            std::hint::black_box(e);
            split += (t1 - t0).as_micros();
            pats += (t2 - t1).as_micros();
            all += (t3 - t2).as_micros();
        }
    }
    let n = (texts.len() * rounds).max(1) as u128;
    println!(
        "{} articles, {} bytes avg: tokens+sentences {} µs, patterns {} µs, recognize {} µs per article; {} pattern entities per article",
        texts.len(),
        bytes / n as usize,
        split / n,
        pats / n,
        all / n,
        found / n as usize
    );
}
