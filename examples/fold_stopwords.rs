//! Writes `src/lexicon/stopwords/folded/*.txt`: the folded keys of each stopword list, which the
//! crate compiles in instead of folding the lists at first use (see `src/lexicon/mod.rs`).
//!
//! ```text
//! cargo run --example fold_stopwords
//! ```
//!
//! Run it after changing a list or the folding rules; a test fails until the files are current.

use article_analyzer::lexicon::{Stopwords, LISTS};

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lexicon/stopwords/folded");
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("fold_stopwords: cannot create {}: {e}", dir.display());
        std::process::exit(1);
    }
    for (code, data, language) in LISTS {
        let keys = Stopwords::parse(data, language).keys();
        let header = format!(
            "# Folded keys of ../{code}.txt (see its header for source and licence), sorted; \
             written by `cargo run --example fold_stopwords`.\n"
        );
        let path = dir.join(format!("{code}.txt"));
        if let Err(e) = std::fs::write(&path, header + &keys) {
            eprintln!("fold_stopwords: cannot write {}: {e}", path.display());
            std::process::exit(1);
        }
        println!("{}: {} keys", path.display(), keys.lines().count());
    }
}
