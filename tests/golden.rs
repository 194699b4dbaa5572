//! Golden files: frequency, n-grams, keywords, summary and statistics of every seed article.
//!
//! Regenerate after a deliberate change, then review the diff by eye:
//!
//! ```text
//! UPDATE_GOLDEN=1 cargo test --test golden
//! git diff tests/golden/
//! ```

use article_analyzer::report::report;
use article_analyzer::Options;
use serde_json::{json, Value};
use std::fs;
use std::path::Path;

fn options() -> Options {
    let mut o = Options::default();
    o.tokens = false;
    o.sentences = false;
    o.top = 20;
    o
}

/// The parts of the report this branch owns, with positions dropped from frequencies (they are
/// covered by unit tests and would make the files long).
fn golden_of(text: &str) -> Value {
    let r = report(text, &options());
    let mut v = serde_json::to_value(&r).expect("report serializes");
    if let Some(list) = v["frequencies"].as_array_mut() {
        for f in list {
            if let Some(o) = f.as_object_mut() {
                o.remove("positions");
            }
        }
    }
    json!({
        "statistics": v["statistics"],
        "frequencies": v["frequencies"],
        "ngrams": v["ngrams"],
        "keywords": v["keywords"],
        "summary": v["summary"],
    })
}

#[test]
fn seeds_match_their_golden_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut names: Vec<_> = fs::read_dir(root.join("seeds"))
        .expect("seeds/")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let mut failures = Vec::new();
    for path in names {
        let text = fs::read_to_string(&path).expect("UTF-8 seed");
        let got = serde_json::to_string_pretty(&golden_of(&text)).expect("json") + "\n";
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("seed");
        let golden = root.join("tests/golden").join(format!("{stem}.json"));
        if update {
            fs::write(&golden, &got).expect("write golden");
            continue;
        }
        match fs::read_to_string(&golden) {
            Ok(want) if want == got => {}
            Ok(_) => failures.push(format!("{stem}: differs from {}", golden.display())),
            Err(_) => failures.push(format!("{stem}: no golden file {}", golden.display())),
        }
    }
    assert!(
        failures.is_empty(),
        "{}\nregenerate with UPDATE_GOLDEN=1 cargo test --test golden and review the diff",
        failures.join("\n")
    );
}

#[test]
fn arabic_seed_top_words_are_its_topic() {
    let text = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/ar-amazon-protest.txt"
    ))
    .unwrap();
    let r = report(&text, &options());
    let top: Vec<&str> = r
        .frequencies
        .iter()
        .take(6)
        .map(|f| f.text.as_str())
        .collect();
    // Counted by eye in the seed: أمازون 9 (plus لأمازون, وأمازون), العنصري 7, الإسرائيلي 6,
    // الفصل 4 (plus للفصل 3).
    // Once clitics are split, لأمازون and للفصل join their words: the order may shift, the set
    // may not.
    for w in ["أمازون", "العنصري", "الإسرائيلي", "الفصل"] {
        assert!(top.contains(&w), "{w} not in {top:?}");
    }
    assert_eq!(top[0], "أمازون");
    assert!(r.frequencies[0].count >= 9);
    let keywords: Vec<&str> = r
        .keywords
        .iter()
        .take(10)
        .map(|k| k.text.as_str())
        .collect();
    assert!(keywords.contains(&"أمازون"), "{keywords:?}");
    assert!(
        keywords.iter().any(|k| k.contains("العنصري")),
        "{keywords:?}"
    );
    // No stopword in the frequency list, in any hamza spelling.
    for f in &r.frequencies {
        assert!(!["في", "على", "من", "إلى", "أن", "الى", "ان"].contains(&f.text.as_str()));
    }
    let s = &r.statistics.figures;
    assert_eq!(r.statistics.paragraphs, 16);
    assert_eq!(s.questions, 0);
    assert_eq!(s.numbers, 1); // 550
}

/// Keys of the top-level object of `json` in order, duplicates kept.
fn top_level_keys(json: &str) -> Vec<String> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let (mut current, mut keys) = (String::new(), Vec::new());
    let mut last_string = String::new();
    for c in json.chars() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => {
                    in_string = false;
                    last_string = std::mem::take(&mut current);
                    continue;
                }
                _ => {}
            }
            current.push(c);
            continue;
        }
        match c {
            '"' => in_string = true,
            '{' | '[' => depth += 1,
            '}' | ']' => depth -= 1,
            ':' if depth == 1 => keys.push(last_string.clone()),
            _ => {}
        }
    }
    keys
}

/// `statistics` is built from two structs (the basic counts and `stats::TextStatistics`,
/// flattened); a field added to both would be written twice. Guards the merge of other stages.
#[test]
fn statistics_fields_are_written_once() {
    let r = report("Hello world. مرحبا بالعالم.", &Options::default());
    let json = serde_json::to_string(&r.statistics).unwrap();
    let mut keys = top_level_keys(&json);
    let all = keys.len();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), all, "duplicate field in {json}");
    assert!(keys.contains(&"uniqueWords".to_string()));
}
