//! Bidi controls are counted in the statistics (the page warns about them): U+202A–U+202E
//! (embeddings, overrides, PDF) and U+2066–U+2069 (isolates), and nothing else — not the marks
//! U+200E/U+200F or the Arabic letter mark U+061C, which cannot reorder text on their own.
use article_analyzer::{analyze, Options};

#[test]
fn counts_overrides_embeddings_and_isolates() {
    let text = "abc \u{202E}fdp.exe\u{202C} \u{2067}مرحبا\u{2069} \u{202A}x\u{202B}y\u{202D}z\u{2066}w\u{2068}";
    assert_eq!(
        analyze(text, &Options::default()).statistics.bidi_controls,
        9
    );
}

#[test]
fn marks_and_plain_text_are_not_controls() {
    let text = "قال \u{200F}محمد\u{200E} Hello \u{061C}world";
    assert_eq!(
        analyze(text, &Options::default()).statistics.bidi_controls,
        0
    );
    assert_eq!(analyze("", &Options::default()).statistics.bidi_controls, 0);
}

#[test]
fn the_report_carries_bidi_controls() {
    let report = article_analyzer::report::report("a\u{202E}b", &Options::default());
    let json = serde_json::to_value(&report).expect("serializable");
    assert_eq!(json["statistics"]["bidiControls"], 1);
}
