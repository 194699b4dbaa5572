//! The tokens + frequency ("lean") mode and the per-sentence word counts: switching stages off
//! changes nothing but what is switched off.

use article_analyzer::report::report;
use article_analyzer::{analyze, Options};
use std::fs;
use std::path::Path;

fn seeds() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut out: Vec<(String, String)> = fs::read_dir(dir)
        .expect("seeds/")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            (
                p.display().to_string(),
                fs::read_to_string(&p).expect("UTF-8 seed"),
            )
        })
        .collect();
    out.sort();
    out
}

fn options(json: &str) -> Options {
    serde_json::from_str(json).expect("valid options")
}

#[test]
fn frequency_only_keeps_the_frequency_list_and_the_counts() {
    for (name, text) in seeds() {
        let full = analyze(&text, &Options::default());
        let lean = analyze(&text, &Options::frequency_only());
        assert_eq!(lean.frequencies, full.frequencies, "{name}");
        assert_eq!(lean.statistics, full.statistics, "{name}");
        assert_eq!(lean.language, full.language, "{name}");
        assert!(lean.entities.is_empty() && lean.ngrams.is_empty(), "{name}");
        assert!(
            lean.keywords.is_empty() && lean.summary.is_empty(),
            "{name}"
        );
        assert_eq!(lean.text_statistics.unique_words, 0, "{name}");
        assert!(lean.text_statistics.readability.is_none(), "{name}");
    }
}

#[test]
fn frequency_only_is_spelled_in_camel_case() {
    let o = options(
        r#"{"tokens":false,"sentences":false,"paragraphs":false,"entities":false,
            "ngrams":false,"keywords":false,"summary":false,"textStatistics":false}"#,
    );
    assert_eq!(o, Options::frequency_only());
}

#[test]
fn each_switch_turns_off_its_stage_only() {
    for (name, text) in seeds() {
        let full = analyze(&text, &Options::default());
        let off = analyze(&text, &options(r#"{"ngrams":false}"#));
        assert!(off.ngrams.is_empty(), "{name}");
        assert_eq!(
            (off.keywords, off.summary),
            (full.keywords.clone(), full.summary.clone())
        );
        let off = analyze(&text, &options(r#"{"keywords":false}"#));
        assert!(off.keywords.is_empty(), "{name}");
        assert_eq!(off.ngrams, full.ngrams, "{name}");
        let off = analyze(&text, &options(r#"{"summary":false}"#));
        assert!(off.summary.is_empty(), "{name}");
        assert_eq!(off.text_statistics, full.text_statistics, "{name}");
        let off = analyze(&text, &options(r#"{"textStatistics":false}"#));
        assert_eq!(off.summary, full.summary, "{name}");
        assert_eq!(off.statistics, full.statistics, "{name}");
    }
}

#[test]
fn sentence_word_counts_add_up_to_the_words() {
    for (name, text) in seeds() {
        let r = report(&text, &Options::default());
        let sum: usize = r.sentences.iter().map(|s| s.words).sum();
        assert_eq!(sum, r.statistics.words, "{name}");
        for s in &r.sentences {
            let inside = r
                .tokens
                .iter()
                .filter(|t| t.start >= s.start && t.end <= s.end)
                .filter(|t| t.kind == article_analyzer::token::TokenKind::Word)
                .count();
            assert_eq!(s.words, inside, "{name}");
        }
    }
}

#[test]
fn defaults_still_report_every_stage() {
    let text = "Amazon signed a cloud contract. Protesters oppose the Amazon cloud contract. \
                Amazon defended the cloud contract in Seattle.";
    let v = serde_json::to_value(report(text, &Options::default())).expect("json");
    assert!(v["statistics"]["uniqueWords"]
        .as_u64()
        .is_some_and(|n| n > 0));
    assert!(!v["keywords"].as_array().expect("list").is_empty());
    assert!(!v["summary"].as_array().expect("list").is_empty());
    assert_eq!(v["sentences"][0]["words"], 5);
}
