//! Tokenization throughput: `cargo run --release --example tokenize_speed -- FILE...`.
//!
//! Each FILE is plain UTF-8 text (e.g. the `text` fields of the raw news corpora, decompressed
//! to /tmp). Prints MB/s (1 MB = 10^6 bytes) over the best of ten runs, timed in CPU time of
//! this thread when Linux tells it (`/proc/thread-self/schedstat`), so a busy machine does not
//! skew the figure; else in wall-clock time.

use article_analyzer::token::tokenize;
use std::time::Instant;

fn main() {
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            println!("{path}: unreadable, skipped");
            continue;
        };
        let mut best = f64::INFINITY;
        let mut count = 0;
        for _ in 0..10 {
            let (t, cpu) = (Instant::now(), cpu_seconds());
            count = tokenize(&text).len();
            let spent = match (cpu, cpu_seconds()) {
                (Some(a), Some(b)) => b - a,
                _ => t.elapsed().as_secs_f64(),
            };
            best = best.min(spent);
        }
        println!(
            "{path}: {:.1} MB, {count} tokens, {:.1} MB/s",
            text.len() as f64 / 1e6,
            text.len() as f64 / 1e6 / best
        );
    }
}

/// On-CPU time of this thread, in seconds (Linux).
fn cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}
