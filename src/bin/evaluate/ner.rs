//! `evaluate ner`: named-entity accuracy through the run-time path, and speed with entities on.
//!
//! Each gold document is rebuilt as raw text (a sentence's tokens joined by spaces, sentences
//! by line breaks), analyzed by the full analyzer (our tokenizer, sentences, named and pattern
//! entities), and its person/organization/location/misc mentions projected onto the gold tokens
//! they overlap, then scored conlleval-style (see `article_analyzer::entity::model_eval`).
//!
//! * English: CoNLL-2003 `eng.testa` (dev), one document per `-DOCSTART-`.
//! * Arabic: the last 10% of the sentences of ANERcorp's CAMeL train split — held back from
//!   training by `train-ner` — in documents of `--doc-sentences` sentences (default 20).
//!
//! `--speed` also times the whole analysis (entities on) over the raw news corpora.

use crate::ud::read_maybe_gz;
use crate::Flags;
use article_analyzer::entity::model_eval::{chunk, evaluate, parse_bio, table};
use article_analyzer::{analyze, Options};
use std::time::Instant;

const USAGE: &str =
    "usage: evaluate ner [--data DIR] [--lang ar|en|both] [--doc-sentences N] [--speed]
  conlleval-style P/R/F1 per kind, untyped and headline (PER/LOC/ORG) on CoNLL-2003 testa and
  the held-back last 10% of ANERcorp train, through the full analyzer on rebuilt raw text;
  --speed adds whole-analysis throughput (entities on) on the raw news corpora";

/// Runs `evaluate ner ARGS`.
pub fn run(args: &[String]) -> Result<(), String> {
    let mut lang = "both".to_string();
    let mut doc_sentences = 20usize;
    let mut speed = false;
    let mut errors = false;
    let mut flags = Flags::new(args);
    while let Some(flag) = flags.next_flag()? {
        match flag {
            "--lang" => lang = flags.value("--lang needs ar, en or both")?.to_string(),
            "--doc-sentences" => doc_sentences = flags.number(flag, true)?,
            "--speed" => speed = true,
            "--errors" => errors = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => return Err(format!("unknown option {other}\n{USAGE}")),
        }
    }
    let data = flags.data;
    let options = Options::default();
    let run = |docs: &[Vec<article_analyzer::entity::model_eval::GoldSentence>]| {
        if errors {
            print_errors(docs, &options);
        }
        evaluate(docs, |text| {
            analyze(text, &options)
                .entities
                .into_iter()
                .filter(|e| e.kind.is_named())
                .map(|e| (e.span, e.kind))
                .collect()
        })
    };
    if lang == "both" || lang == "en" {
        let path = data.join("conll2003/eng.testa.bio.gz");
        match read_maybe_gz(&path) {
            Ok(text) => {
                let docs = parse_bio(&text);
                let started = Instant::now();
                let score = run(&docs);
                println!(
                    "English — CoNLL-2003 eng.testa, {} documents ({:.2}s)",
                    docs.len(),
                    started.elapsed().as_secs_f64()
                );
                print!("{}", table(&score));
            }
            Err(_) => println!("skipping English: {} is absent", path.display()),
        }
    }
    if lang == "both" || lang == "ar" {
        let path = data.join("anercorp/anercorp-camel-train.tsv.gz");
        match read_maybe_gz(&path) {
            Ok(text) => {
                let all: Vec<_> = parse_bio(&text).into_iter().flatten().collect();
                let cut = all.len() - all.len() / 10;
                let docs = chunk(&all[cut..], doc_sentences);
                let started = Instant::now();
                let score = run(&docs);
                println!(
                    "Arabic — ANERcorp CAMeL train, held-back last {} sentences, {} documents ({:.2}s)",
                    all.len() - cut,
                    docs.len(),
                    started.elapsed().as_secs_f64()
                );
                print!("{}", table(&score));
            }
            Err(_) => println!("skipping Arabic: {} is absent", path.display()),
        }
    }
    if speed {
        speed_run(&data)?;
    }
    Ok(())
}

/// Prints each document's missed (`-`) and spurious (`+`) entities as `kind: text`.
fn print_errors(
    docs: &[Vec<article_analyzer::entity::model_eval::GoldSentence>],
    options: &Options,
) {
    use article_analyzer::entity::model_eval::{project, rebuild};
    const KINDS: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];
    for d in docs {
        let doc = rebuild(d);
        let predicted: Vec<_> = analyze(&doc.text, options)
            .entities
            .into_iter()
            .filter(|e| e.kind.is_named())
            .map(|e| (e.span, e.kind))
            .collect();
        let pred = project(&doc.spans, &predicted);
        let show = |e: &(usize, usize, usize)| {
            let (a, b) = (doc.spans[e.0].start, doc.spans[e.1 - 1].end);
            format!("{}: {}", KINDS[e.2], &doc.text[a..b])
        };
        for g in doc.entities.iter().filter(|g| !pred.contains(g)) {
            let class = if pred.iter().any(|p| (p.0, p.1) == (g.0, g.1)) {
                "type"
            } else if pred.iter().any(|p| p.0 < g.1 && g.0 < p.1) {
                "edge"
            } else {
                "miss"
            };
            println!("- {} [{class}]", show(g));
        }
        for p in pred.iter().filter(|p| !doc.entities.contains(p)) {
            println!("+ {}", show(p));
        }
    }
}

fn speed_run(data: &std::path::Path) -> Result<(), String> {
    if cfg!(debug_assertions) {
        println!("note: a debug build; use --release for meaningful figures");
    }
    for (name, rel) in [
        (
            "saudinewsnet (ar)",
            "rawtext_ar_saudinewsnet/saudinewsnet-2015-07-22.jsonl.gz",
        ),
        ("bbc (en)", "rawtext_en_bbc/bbc-news-articles.jsonl.gz"),
    ] {
        let path = data.join(rel);
        let Ok(raw) = read_maybe_gz(&path) else {
            println!("skipping {name}: {} is absent", path.display());
            continue;
        };
        let texts: Vec<String> = raw
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
            .collect();
        let bytes: usize = texts.iter().map(String::len).sum();
        let options = Options::default();
        let mut best = f64::INFINITY;
        let mut entities = 0;
        for _ in 0..3 {
            let started = Instant::now();
            entities = 0;
            for t in &texts {
                entities += analyze(t, &options).entities.len();
            }
            best = best.min(started.elapsed().as_secs_f64());
        }
        let mut named_only = f64::INFINITY;
        let mut base = f64::INFINITY;
        let pre: Vec<_> = texts
            .iter()
            .map(|t| {
                let tokens = article_analyzer::token::tokenize(t);
                let sentences = article_analyzer::sentence::sentences(t, &tokens);
                (tokens, sentences)
            })
            .collect();
        for _ in 0..3 {
            let started = Instant::now();
            for (t, (tokens, sentences)) in texts.iter().zip(&pre) {
                std::hint::black_box(article_analyzer::entity::named::recognize(
                    t,
                    tokens,
                    sentences,
                    article_analyzer::lang::Language::Unknown,
                ));
            }
            named_only = named_only.min(started.elapsed().as_secs_f64());
            let started = Instant::now();
            let mut off = Options::default();
            off.entities = false;
            for t in &texts {
                std::hint::black_box(analyze(t, &off));
            }
            base = base.min(started.elapsed().as_secs_f64());
        }
        println!(
            "{name}: named entities alone {:.1} MB/s; analysis without entities {:.1} MB/s",
            bytes as f64 / 1e6 / named_only,
            bytes as f64 / 1e6 / base
        );
        // A 5 KB article: the first text of at least 5,000 bytes, cut at a char boundary.
        let long = texts
            .iter()
            .find(|t| t.len() >= 5000)
            .cloned()
            .unwrap_or_default();
        let mut cut = 5000.min(long.len());
        while !long.is_char_boundary(cut) {
            cut -= 1;
        }
        let article = &long[..cut];
        let mut per_article = f64::INFINITY;
        for _ in 0..50 {
            let started = Instant::now();
            std::hint::black_box(analyze(article, &options));
            per_article = per_article.min(started.elapsed().as_secs_f64());
        }
        println!(
            "{name}: {} articles, {:.1} MB, {entities} entities; whole analysis {:.1} MB/s; a 5 KB article in {:.3} ms",
            texts.len(),
            bytes as f64 / 1e6,
            bytes as f64 / 1e6 / best,
            per_article * 1e3
        );
    }
    Ok(())
}
