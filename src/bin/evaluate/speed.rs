//! `evaluate speed`: throughput of tokenization, + sentences, + paragraphs on raw news text.
//!
//! Each article's `text` is analyzed on its own; each stage is timed over all articles (the
//! later stages reuse the earlier stages' output). Figures are UTF-8 megabytes (10^6 bytes) of
//! article text per second, best of `--repeat` runs, so load from other processes on the
//! machine distorts them least. Build in release mode for meaningful figures.

use crate::score::Table;
use crate::ud::read_maybe_gz;
use article_analyzer::paragraph::paragraphs;
use article_analyzer::sentence::sentences;
use article_analyzer::token::tokenize;
use std::path::PathBuf;
use std::time::Instant;

const CORPORA: [(&str, &str); 2] = [
    (
        "saudinewsnet (ar)",
        "rawtext_ar_saudinewsnet/saudinewsnet-2015-07-22.jsonl.gz",
    ),
    ("bbc (en)", "rawtext_en_bbc/bbc-news-articles.jsonl.gz"),
];

const USAGE: &str = "usage: evaluate speed [--data DIR] [--repeat N]
  MB/s of each stage (tokenize, sentences, paragraphs with language detection) and of
  tokenize + sentences, over the article texts of the raw news corpora (best of N runs, default 5)";

/// Runs `evaluate speed ARGS`.
pub fn run(args: &[String]) -> Result<(), String> {
    let mut data = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data"));
    let mut repeat = 5usize;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--data" => {
                data = PathBuf::from(args.get(i + 1).ok_or("--data needs a directory")?);
                i += 1;
            }
            "--repeat" => {
                repeat = args
                    .get(i + 1)
                    .and_then(|n| n.parse().ok())
                    .filter(|n| *n > 0)
                    .ok_or("--repeat needs a positive number")?;
                i += 1;
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => return Err(format!("unknown option {other}\n{USAGE}")),
        }
        i += 1;
    }
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
        ]);
        any = true;
    }
    if any {
        print!("{table}");
    }
    Ok(())
}
