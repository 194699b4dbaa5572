//! Peak heap allocation of one analysis (and of its report), as a multiple of the input size:
//! the figure that bounds the page's wasm memory.
//!
//! ```text
//! cargo run --release --example peak_memory -- /tmp/news-en.txt
//! ```
//!
//! A counting global allocator records the bytes live at any time; the peak is reset before
//! each measured step, so each line is that step's peak above what was live before it (the
//! text itself, and the analysis for the report lines). The stage lines then run the stages one
//! by one in `analyze`'s order, so the stage that sets the peak, and what is live under it, can
//! be read off (the wasm build's figures are lower: its pointers and `usize` are 4 bytes).

use article_analyzer::report::Report;
use article_analyzer::{analyze, Options};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to the system allocator unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        LIVE.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            if new_size >= layout.size() {
                let now =
                    LIVE.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size();
                PEAK.fetch_max(now, Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Runs `f`, returning its result and the peak bytes live above those live before it.
fn peak<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = LIVE.load(Relaxed);
    PEAK.store(before, Relaxed);
    let out = f();
    (out, PEAK.load(Relaxed) - before)
}

/// Each stage's peak, in the order `analyze` runs them: what is live before it (the text, and
/// what earlier stages keep), its own peak above that, and what is live after it.
fn stages(text: &str) {
    use article_analyzer::frequency::WordTable;
    use article_analyzer::frequency::{frequencies, ngrams, FrequencyOptions, LanguageRuns};
    use article_analyzer::intern::Surfaces;
    use article_analyzer::keywords::keywords;
    use article_analyzer::normalize::FoldLevel;
    use article_analyzer::{entity, lang, paragraph, sentence, summary, token};
    let n = text.len() as f64;
    macro_rules! stage {
        ($name:expr, $e:expr) => {{
            let before = LIVE.load(Relaxed);
            let (out, p) = peak(|| $e);
            println!(
                "  {:12} live before {:5.1}x  own peak +{:5.1}x  => {:5.1}x  kept after {:5.1}x",
                $name,
                before as f64 / n,
                p as f64 / n,
                (before + p) as f64 / n,
                LIVE.load(Relaxed) as f64 / n
            );
            out
        }};
    }
    let tokens = stage!("tokenize", token::tokenize(text));
    let found = stage!("sentences", sentence::sentences(text, &tokens));
    let ids = stage!("surfaces", Surfaces::new(text, &tokens));
    let (paras, _) = stage!(
        "paragraphs",
        paragraph::paragraphs_of_tokens(text, &tokens, &found, &ids.ids, &ids.texts)
    );
    let language = lang::detect(text);
    let runs = LanguageRuns::new(paras.iter().map(|p| (p.span.start, p.language)).collect());
    let named = stage!(
        "named",
        entity::named::recognize_with_ids(text, &tokens, &found, language, &ids.ids, &ids.texts)
    );
    let found_patterns = stage!(
        "patterns",
        entity::patterns::recognize_with_ids(
            text, &tokens, &found, language, &named, &ids.ids, &ids.texts
        )
    );
    drop((named, found_patterns));
    let table = stage!(
        "word-table",
        WordTable::with_surfaces(text, &tokens, &found, FoldLevel::Folded, &runs, &ids)
    );
    let options = FrequencyOptions {
        top: 50,
        remove_stopwords: true,
    };
    let _kept = stage!("frequencies", frequencies(&table, options));
    let _kept = stage!("summary", summary::summary(&table, found.len(), 3));
    let _kept = stage!(
        "statistics",
        article_analyzer::stats::statistics(&table, &found)
    );
    let _kept = stage!("ngrams", ngrams(&table, 50));
    let _kept = stage!("keywords", keywords(&table, found.len(), 20));
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: peak_memory FILE");
        return;
    };
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("peak_memory: cannot read {path} (skipped)");
        return;
    };
    let n = text.len() as f64;
    let mb = |b: usize| b as f64 / 1e6;
    let options = Options::default();
    let (analysis, analyze_peak) = peak(|| analyze(&text, &options));
    let kept = LIVE.load(Relaxed);
    println!(
        "{path}: {:.2} MB; analyze peak {:.1} MB ({:.1}x), analysis kept {:.1} MB ({:.1}x)",
        mb(text.len()),
        mb(analyze_peak),
        analyze_peak as f64 / n,
        mb(kept),
        kept as f64 / n
    );
    let mut packed = options.clone();
    packed.tokens = false;
    packed.sentences = false;
    let (r, p) = peak(|| Report::new(&text, &analysis, &packed));
    drop(r);
    println!(
        "  report without tokens/sentences (as analyzePacked) peak {:.1} MB ({:.1}x)",
        mb(p),
        p as f64 / n
    );
    let (r, p) = peak(|| Report::new(&text, &analysis, &options));
    drop(r);
    println!("  full report peak {:.1} MB ({:.1}x)", mb(p), p as f64 / n);
    drop(analysis);
    println!("  stages, in the order analyze runs them (the text and the models live before):");
    stages(&text);
}
