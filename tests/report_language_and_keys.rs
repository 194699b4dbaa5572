//! The report's `language` field, the `language` option and each token's `key`.
#![cfg(not(target_arch = "wasm32"))]

use article_analyzer::lang::{Language, LanguageChoice};
use article_analyzer::report::report;
use article_analyzer::Options;

fn options(json: &str) -> Options {
    serde_json::from_str(json).expect("valid options")
}

#[test]
fn language_option_accepts_auto_names_and_codes() {
    assert_eq!(options("{}").language, LanguageChoice::Auto);
    assert_eq!(
        options(r#"{"language": "auto"}"#).language,
        LanguageChoice::Auto
    );
    assert_eq!(
        options(r#"{"language": "ar"}"#).language,
        LanguageChoice::Fixed(Language::Arabic)
    );
    assert_eq!(
        options(r#"{"language": "english"}"#).language,
        LanguageChoice::Fixed(Language::English)
    );
    assert!(serde_json::from_str::<Options>(r#"{"language": "klingon"}"#).is_err());
    assert!(serde_json::from_str::<Options>(r#"{"lang": "ar"}"#).is_err());
}

#[test]
fn report_names_the_detected_or_forced_language() {
    let text = "قال الرئيس إن الاتفاق قريب";
    assert_eq!(report(text, &Options::default()).language, "ar");
    assert_eq!(
        report(text, &options(r#"{"language": "fa"}"#)).language,
        "fa"
    );
    assert_eq!(report("", &Options::default()).language, "und");
}

#[test]
fn every_token_has_its_folded_key() {
    let text = "وقال Reuters’s مُحَمَّد ٢٠٢٦";
    let r = report(text, &Options::default());
    let keys: Vec<&str> = r.tokens.iter().map(|t| t.key.as_ref()).collect();
    assert_eq!(keys, ["قال", "reuters", "محمد", "2026"]);
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["language"], "ar");
    assert_eq!(json["tokens"][0]["key"], "قال");
    assert_eq!(json["tokens"][0]["script"], "arabic");
}
