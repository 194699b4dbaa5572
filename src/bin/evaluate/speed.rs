//! `evaluate speed`: throughput of tokenization, + sentences, + paragraphs, and of the whole
//! [`analyze`] with default options, on raw news text.
//!
//! Each article's `text` is analyzed on its own; each stage is timed over all articles (the
//! later stages reuse the earlier stages' output). A second table splits the whole analysis
//! into its stages (as [`analyze`] composes them, then the JSON report's construction) and
//! gives each one's share of the time. Figures are UTF-8 megabytes (10^6 bytes) of
//! article text per second, best of `--repeat` runs, so load from other processes on the
//! machine distorts them least. Build in release mode for meaningful figures.

use crate::score::Table;
use crate::ud::read_maybe_gz;
use crate::Flags;
use article_analyzer::entity;
use article_analyzer::frequency::{frequencies, ngrams, FrequencyOptions, LanguageRuns, WordTable};
use article_analyzer::keywords::keywords;
use article_analyzer::paragraph::paragraphs;
use article_analyzer::report::Report;
use article_analyzer::sentence::sentences;
use article_analyzer::summary::summary;
use article_analyzer::token::tokenize;
use article_analyzer::{analyze, Options};
use std::time::Instant;

const CORPORA: [(&str, &str); 2] = [
    (
        "saudinewsnet (ar)",
        "rawtext_ar_saudinewsnet/saudinewsnet-2015-07-22.jsonl.gz",
    ),
    ("bbc (en)", "rawtext_en_bbc/bbc-news-articles.jsonl.gz"),
];

const USAGE: &str = "usage: evaluate speed [--data DIR] [--repeat N]
  MB/s of each stage (tokenize, sentences, paragraphs with language detection), of
  tokenize + sentences, and of the whole analysis with default options (analyze, and analyze +
  report), over the article texts of the raw news corpora (best of N runs, default 5); then
  each stage's share of the whole analysis";

/// Runs `evaluate speed ARGS`.
pub fn run(args: &[String]) -> Result<(), String> {
    let mut repeat = 5usize;
    let mut flags = Flags::new(args);
    while let Some(flag) = flags.next_flag()? {
        match flag {
            "--repeat" => repeat = flags.number(flag, true)?,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => return Err(format!("unknown option {other}\n{USAGE}")),
        }
    }
    let data = flags.data;
    if cfg!(debug_assertions) {
        println!("note: a debug build; use --release for meaningful figures");
    }
    let mut table = Table::new(&[
        "corpus",
        "articles",
        "MB",
        "tokens",
        "sentences",
        "paragraphs",
        "tokenize MB/s",
        "sentences MB/s",
        "paragraphs MB/s",
        "tok+sent MB/s",
        "analyze MB/s",
        "+report MB/s",
    ]);
    let mut shares = Table::new(&[
        "corpus",
        "tokenize",
        "language",
        "sentences",
        "paragraphs",
        "word table",
        "lists",
        "statistics",
        "named",
        "patterns",
        "report",
    ]);
    let mut any = false;
    for (name, rel) in CORPORA {
        let path = data.join(rel);
        if !path.exists() {
            println!("skipping {name}: {} is absent", path.display());
            continue;
        }
        let raw = read_maybe_gz(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let texts: Vec<String> = raw
            .lines()
            .filter(|l| !l.trim().is_empty())
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
            .collect();
        let bytes: usize = texts.iter().map(String::len).sum();
        // Each stage is timed on its own, over all articles, best of `repeat` runs.
        let (mut best_tok, mut best_sent, mut best_para) = (f64::MAX, f64::MAX, f64::MAX);
        let (mut n_tok, mut n_sent, mut n_para) = (0, 0, 0);
        for _ in 0..repeat {
            let start = Instant::now();
            let tokens: Vec<_> = texts.iter().map(|t| tokenize(t)).collect();
            best_tok = best_tok.min(start.elapsed().as_secs_f64());
            let start = Instant::now();
            let found: Vec<_> = texts
                .iter()
                .zip(&tokens)
                .map(|(t, k)| sentences(t, k))
                .collect();
            best_sent = best_sent.min(start.elapsed().as_secs_f64());
            let start = Instant::now();
            let paras: Vec<_> = texts
                .iter()
                .zip(&found)
                .map(|(t, s)| paragraphs(t, s))
                .collect();
            best_para = best_para.min(start.elapsed().as_secs_f64());
            n_tok = tokens.iter().map(Vec::len).sum();
            n_sent = found.iter().map(Vec::len).sum();
            n_para = paras.iter().map(Vec::len).sum();
        }
        let options = Options::default();
        let (mut best_analyze, mut best_report) = (f64::MAX, f64::MAX);
        for _ in 0..repeat {
            let start = Instant::now();
            let all: Vec<_> = texts.iter().map(|t| analyze(t, &options)).collect();
            best_analyze = best_analyze.min(start.elapsed().as_secs_f64());
            let start = Instant::now();
            let reports: Vec<_> = texts
                .iter()
                .zip(&all)
                .map(|(t, a)| Report::new(t, a, &options))
                .collect();
            best_report = best_report.min(start.elapsed().as_secs_f64());
            drop(reports);
        }
        let stages = stage_times(&texts, repeat);
        let total: f64 = stages.iter().sum();
        let mut row = vec![name.to_string()];
        row.extend(
            stages
                .iter()
                .map(|s| format!("{:.1}%", 100.0 * s / total.max(1e-12))),
        );
        shares.row(row);
        let mb = bytes as f64 / 1e6;
        table.row(vec![
            name.to_string(),
            texts.len().to_string(),
            format!("{mb:.2}"),
            n_tok.to_string(),
            n_sent.to_string(),
            n_para.to_string(),
            format!("{:.1}", mb / best_tok),
            format!("{:.1}", mb / best_sent),
            format!("{:.1}", mb / best_para),
            format!("{:.1}", mb / (best_tok + best_sent)),
            format!("{:.1}", mb / best_analyze),
            format!("{:.1}", mb / (best_analyze + best_report)),
        ]);
        any = true;
    }
    if any {
        print!("{table}");
        println!("share of each stage in analyze + report (default options):");
        print!("{shares}");
    }
    Ok(())
}

/// The best time (seconds, over `repeat` runs) of each stage of the whole analysis with default
/// options, as [`analyze`] composes them, then the report: tokenize, language of the whole
/// text, sentences, paragraphs, word table, lists (frequencies, n-grams, keywords, summary),
/// statistics, named entities, pattern entities (without the merge, which is small), report.
fn stage_times(texts: &[String], repeat: usize) -> [f64; 10] {
    let options = Options::default();
    let mut best = [f64::MAX; 10];
    for _ in 0..repeat {
        let mut spent = [0f64; 10];
        for text in texts {
            let mut clock = Instant::now();
            let mut lap = |stage: usize| {
                let now = Instant::now();
                spent[stage] += (now - clock).as_secs_f64();
                clock = now;
            };
            let tokens = tokenize(text);
            lap(0);
            let language = options.language.resolve(text);
            lap(1);
            let found = sentences(text, &tokens);
            lap(2);
            let paras = paragraphs(text, &found);
            lap(3);
            let languages =
                LanguageRuns::new(paras.iter().map(|p| (p.span.start, p.language)).collect());
            let table = WordTable::new(text, &tokens, &found, options.frequency_level, &languages);
            lap(4);
            let f = frequencies(
                &table,
                FrequencyOptions {
                    top: options.top,
                    remove_stopwords: options.stopwords,
                },
            );
            let n = ngrams(&table, options.top);
            let k = keywords(&table, found.len(), options.top.min(20));
            let s = summary(&table, found.len(), options.summary_sentences);
            lap(5);
            let stats = article_analyzer::stats::statistics(&table, &found);
            lap(6);
            let named = entity::named::recognize(text, &tokens, &found, language);
            lap(7);
            let e = entity::patterns::recognize(text, &tokens, &found, language, &named);
            lap(8);
            drop((f, n, k, s, stats, named, e));
            let a = analyze(text, &options);
            clock = Instant::now();
            drop(Report::new(text, &a, &options));
            spent[9] += clock.elapsed().as_secs_f64();
        }
        for (b, s) in best.iter_mut().zip(spent) {
            *b = b.min(s);
        }
    }
    best
}
