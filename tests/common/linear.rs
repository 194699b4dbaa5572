//! The linear-time harness shared by the pathological-input tests: a case is timed against
//! news-like text of the same size (the seed articles repeated), in the same build and run, and
//! must stay within a given multiple of it. The ratio, not the time, is asserted, so a test
//! means the same on a fast or a slow machine, in debug or release.

use std::time::{Duration, Instant};

/// The seed articles repeated (separated by blank lines) to at least `bytes` bytes.
pub fn news_text(bytes: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut seeds: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    seeds.sort();
    let mut text = String::with_capacity(bytes + 8192);
    while text.len() < bytes {
        for s in &seeds {
            text.push_str(s);
            text.push_str("\n\n");
        }
    }
    text
}

/// The better of two runs of `work` on `text`, so a scheduling hiccup on a shared machine does
/// not decide.
pub fn time(work: &dyn Fn(&str), text: &str) -> Duration {
    (0..2)
        .map(|_| {
            let start = Instant::now();
            work(text);
            start.elapsed()
        })
        .min()
        .unwrap()
}

/// Asserts that `work` on `text` takes at most `max_ratio` times as long as on news text of the
/// same size; prints the figures either way.
pub fn assert_linear(work: &dyn Fn(&str), max_ratio: f64, name: &str, text: &str) {
    let news = news_text(text.len());
    let reference = time(work, &news).as_secs_f64() * text.len() as f64 / news.len() as f64;
    let took = time(work, text).as_secs_f64();
    let ratio = took / reference.max(1e-6);
    eprintln!(
        "{name}: {} bytes in {:.1} ms; news text of that size {:.1} ms; ratio {ratio:.2}",
        text.len(),
        took * 1e3,
        reference * 1e3
    );
    assert!(
        ratio <= max_ratio,
        "{name} took {ratio:.1}x as long as news text of the same size"
    );
}
