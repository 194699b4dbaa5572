//! Native throughput per stage (MB/s of UTF-8 input) on real news text, English and Arabic.
//!
//! Inputs are the browser benchmark's: `node bench/inputs.mjs` (run by `make bench`) writes them
//! to `target/bench/inputs/` from the raw corpora in `../shared/data`; without them this bench
//! prints why and measures nothing. Run alone with `cargo bench --bench stages`.
//!
//! Stages measured through public APIs only: `tokenize`, `normalize::key` over the word tokens,
//! `sentences` (given the tokens), the whole `analyze` with default options, `analyze` with the
//! options of the "tokens + frequency" mode (stages that can be switched off, off), and
//! `report::report` (analysis plus UTF-16 conversion: what the CLI and the wasm seam build on).
//! Options are parsed from JSON so that a switch missing from this version is skipped by name
//! instead of failing to compile.

use article_analyzer::normalize::{key, FoldLevel};
use article_analyzer::token::{tokenize, TokenKind};
use article_analyzer::{analyze, lang, report, sentence::sentences, Options};
use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

const SIZES: [&str; 3] = ["article", "100kb", "5mb"];
const LANGS: [&str; 2] = ["en", "ar"];
/// Switches of the "tokens + frequency" mode; each is used only if `Options` knows it.
const LEAN_SWITCHES: [(&str, &str); 8] = [
    ("tokens", "false"),
    ("sentences", "false"),
    ("entities", "false"),
    ("paragraphs", "false"),
    ("ngrams", "false"),
    ("keywords", "false"),
    ("summary", "false"),
    ("textStatistics", "false"),
];

fn input(name: &str) -> Option<String> {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "target/bench/inputs",
        &format!("{name}.txt"),
    ]
    .iter()
    .collect();
    std::fs::read_to_string(&path).ok()
}

/// The lean options: every known switch of [`LEAN_SWITCHES`] turned off.
fn lean_options() -> Options {
    let known: Vec<String> = LEAN_SWITCHES
        .iter()
        .filter(|(name, value)| {
            serde_json::from_str::<Options>(&format!("{{\"{name}\":{value}}}")).is_ok()
        })
        .map(|(name, value)| format!("\"{name}\":{value}"))
        .collect();
    serde_json::from_str(&format!("{{{}}}", known.join(","))).unwrap_or_default()
}

fn stages(c: &mut Criterion) {
    let lean = lean_options();
    let full = Options::default();
    let mut any = false;
    for lang_code in LANGS {
        for size in SIZES {
            let name = format!("{lang_code}-{size}");
            let Some(text) = input(&name) else {
                eprintln!("[bench] skipping {name}: target/bench/inputs/{name}.txt is absent (run `node bench/inputs.mjs`; it needs ../shared/data)");
                continue;
            };
            any = true;
            let mut group = c.benchmark_group(name.clone());
            group.throughput(Throughput::Bytes(text.len() as u64));
            if size == "5mb" {
                group
                    .sample_size(10)
                    .sampling_mode(SamplingMode::Flat)
                    .warm_up_time(Duration::from_secs(1))
                    .measurement_time(Duration::from_secs(4));
            } else {
                group
                    .warm_up_time(Duration::from_millis(500))
                    .measurement_time(Duration::from_secs(2));
            }
            let language = lang::detect(&text);
            let tokens = tokenize(&text);
            let words: Vec<&str> = tokens
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .filter_map(|t| text.get(t.span.start..t.span.end))
                .collect();
            group.bench_function(BenchmarkId::from_parameter("tokenize"), |b| {
                b.iter(|| tokenize(black_box(&text)))
            });
            group.bench_function(BenchmarkId::from_parameter("normalize-keys"), |b| {
                b.iter(|| {
                    words
                        .iter()
                        .map(|w| key(black_box(w), FoldLevel::Folded, language).len())
                        .sum::<usize>()
                })
            });
            group.bench_function(BenchmarkId::from_parameter("sentences"), |b| {
                b.iter(|| sentences(black_box(&text), black_box(&tokens)))
            });
            group.bench_function(BenchmarkId::from_parameter("analyze-full"), |b| {
                b.iter(|| analyze(black_box(&text), &full))
            });
            group.bench_function(
                BenchmarkId::from_parameter("analyze-tokens-frequency"),
                |b| b.iter(|| analyze(black_box(&text), &lean)),
            );
            group.bench_function(BenchmarkId::from_parameter("report-full"), |b| {
                b.iter(|| report::report(black_box(&text), &full))
            });
            group.finish();
        }
    }
    if !any {
        eprintln!("[bench] no inputs: nothing measured");
    }
}

criterion_group!(benches, stages);
criterion_main!(benches);
