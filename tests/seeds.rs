//! Integration tests over every article in `seeds/`: the invariants every analysis must keep.

use article_analyzer::report::report;
use article_analyzer::{analyze, Options};
use std::fs;

fn seeds() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut out: Vec<_> = fs::read_dir(dir)
        .expect("seeds/ exists")
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, fs::read_to_string(e.path()).expect("seed is UTF-8"))
        })
        .collect();
    out.sort();
    assert!(
        out.len() >= 4,
        "expected the seed articles, found {}",
        out.len()
    );
    out
}

#[test]
fn token_spans_and_gaps_rebuild_every_seed_exactly() {
    for (name, text) in seeds() {
        let a = analyze(&text, &Options::default());
        let mut at = 0;
        for t in &a.tokens {
            assert!(
                t.span.start >= at,
                "{name}: tokens overlap at {}",
                t.span.start
            );
            assert!(
                text[at..t.span.start].chars().all(char::is_whitespace),
                "{name}: a gap holds text"
            );
            at = t.span.end;
        }
        assert!(
            text[at..].chars().all(char::is_whitespace),
            "{name}: text after the last token"
        );
    }
}

#[test]
fn sentences_cover_every_token_once_in_order() {
    for (name, text) in seeds() {
        let a = analyze(&text, &Options::default());
        let mut next = 0;
        for s in &a.sentences {
            assert_eq!(s.first_token, next, "{name}");
            assert!(s.end_token > s.first_token, "{name}: empty sentence");
            assert_eq!(s.span.start, a.tokens[s.first_token].span.start, "{name}");
            assert_eq!(s.span.end, a.tokens[s.end_token - 1].span.end, "{name}");
            next = s.end_token;
        }
        assert_eq!(next, a.tokens.len(), "{name}: tokens outside any sentence");
    }
}

#[test]
fn report_offsets_are_utf16_and_slice_the_same_text() {
    for (name, text) in seeds() {
        let r = report(&text, &Options::default());
        let units: Vec<u16> = text.encode_utf16().collect();
        let a = analyze(&text, &Options::default());
        assert_eq!(r.tokens.len(), a.tokens.len());
        for (t, b) in r.tokens.iter().zip(&a.tokens) {
            let from_utf16 =
                String::from_utf16(&units[t.start..t.end]).expect("on code-unit boundaries");
            assert_eq!(from_utf16, b.span.text(&text), "{name}");
        }
    }
}

#[test]
fn arabic_seed_counts_what_a_reader_counts() {
    let text = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/ar-amazon-protest.txt"
    ))
    .unwrap();
    let r = report(&text, &Options::default());
    // 2,171 characters as JavaScript's [...text].length counts them; 338 are whitespace.
    assert_eq!(r.statistics.characters, 2171);
    assert_eq!(r.statistics.characters_no_spaces, 1833);
    // A headline, a dateline and 14 paragraphs of one sentence each.
    assert_eq!(r.statistics.sentences, 16);
    // Between the count of space-separated chunks with letters (hyphen/slash joined words count
    // once) and the count of letter runs (332).
    assert!(
        (320..=332).contains(&r.statistics.words),
        "{}",
        r.statistics.words
    );
}

#[test]
fn paragraphs_cover_every_sentence_once_in_order() {
    for (name, text) in seeds() {
        let a = analyze(&text, &Options::default());
        let mut next = 0;
        for p in &a.paragraphs {
            assert_eq!(p.first_sentence, next, "{name}");
            assert!(p.end_sentence > p.first_sentence, "{name}: empty paragraph");
            assert_eq!(p.span.start, a.sentences[p.first_sentence].span.start);
            assert_eq!(p.span.end, a.sentences[p.end_sentence - 1].span.end);
            next = p.end_sentence;
        }
        assert_eq!(
            next,
            a.sentences.len(),
            "{name}: sentences outside any paragraph"
        );
        assert_eq!(a.statistics.paragraphs, a.paragraphs.len());
    }
}

#[test]
fn paragraph_languages_follow_the_text() {
    let text = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/mixed-ar-en-markets.txt"
    ))
    .unwrap();
    let r = report(&text, &Options::default());
    let langs: Vec<&str> = r.paragraphs.iter().map(|p| p.language).collect();
    assert_eq!(langs, ["ar", "ar", "en", "ar"]);
    let units: Vec<u16> = text.encode_utf16().collect();
    let english = String::from_utf16(&units[r.paragraphs[2].start..r.paragraphs[2].end]).unwrap();
    assert!(
        english.starts_with("The Dubai Financial Market"),
        "{english}"
    );
    assert_eq!(r.statistics.paragraphs, 4);
}

#[test]
fn arabic_seed_has_one_paragraph_per_line() {
    let text = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/ar-amazon-protest.txt"
    ))
    .unwrap();
    let r = report(&text, &Options::default());
    assert_eq!(r.statistics.paragraphs, 16);
    assert!(r.paragraphs.iter().all(|p| p.language == "ar"));
}

#[test]
fn paragraphs_option_false_leaves_the_list_empty_but_counts() {
    let options: Options = serde_json::from_str(r#"{"paragraphs": false}"#).unwrap();
    let r = report("One.\n\nTwo.", &options);
    assert!(r.paragraphs.is_empty());
    assert_eq!(r.statistics.paragraphs, 2);
}
