//! Word frequency against hand counts and against a naive recount (property test).

use article_analyzer::frequency::{frequencies, FrequencyOptions, LanguageRuns, WordTable};
use article_analyzer::lang::{detect, Language};
use article_analyzer::normalize::{key, FoldLevel};
use article_analyzer::token::{tokenize, TokenKind};
use article_analyzer::{analyze, sentence::sentences, Options};
use proptest::prelude::*;
use std::collections::BTreeMap;

fn counts(text: &str, options: &Options) -> Vec<(String, usize)> {
    analyze(text, options)
        .frequencies
        .into_iter()
        .map(|f| (f.key, f.count))
        .collect()
}

#[test]
fn english_text_counted_by_hand() {
    // Words: The(1) storm(2) hit(3) the(4) coast(5). Storms(6) like(7) this(8) storm(9) hit(10)
    // hard(11). STORM(12)! → storm ×3 (storm, storm, STORM), hit ×2, coast, storms, hard ×1;
    // "the" and "this" are stopwords; "like" is not in the curated list, so it counts.
    let text = "The storm hit the coast. Storms like this storm hit hard. STORM!";
    let o = Options::default();
    assert_eq!(
        counts(text, &o),
        [
            ("storm".to_string(), 3),
            ("hit".to_string(), 2),
            ("coast".to_string(), 1),
            ("hard".to_string(), 1),
            ("like".to_string(), 1),
            ("storms".to_string(), 1),
        ]
    );
    let a = analyze(text, &o);
    let storm = &a.frequencies[0];
    assert_eq!(storm.text, "storm"); // 2 × "storm" beats 1 × "STORM"
    assert_eq!(storm.forms.len(), 2);
    assert_eq!(storm.positions, [4, 42, 58]);
    assert_eq!(storm.per_thousand, 3.0 * 1000.0 / 12.0);
    assert_eq!(a.statistics.words, 12);
    // With stopwords kept, "the" (×2) joins the list, and ordering is count desc then key asc.
    let mut keep = Options::default();
    keep.stopwords = false;
    let c = counts(text, &keep);
    assert_eq!(
        &c[..3],
        [("storm".into(), 3), ("hit".into(), 2), ("the".into(), 2)]
    );
}

#[test]
fn arabic_text_counted_by_hand() {
    // الإسرائيلي / الاسرائيلي / الإسرائيليّ: one folded key (hamza on alef folded, shadda
    // dropped) → 3. أمازون ×2, أمـازون (tatweel) → أمازون ×3.
    // إلى / الى / في / على / أن / إن are stopwords in any hamza spelling: never in the list.
    let text = "قالت أمازون إن العقد الإسرائيلي في خطر. ردت أمـازون على الاسرائيلي الى الآن، \
                وأن أمازون ترفض العقد الإسرائيليّ.";
    let c = counts(text, &Options::default());
    let get = |k: &str| c.iter().find(|x| x.0 == k).map(|x| x.1);
    assert_eq!(get("امازون"), Some(3), "{c:?}");
    // Folded keys split the article off (normalize::arabic): الإسرائيلي → اسرائيلي.
    assert_eq!(get("اسرائيلي"), Some(3), "{c:?}");
    assert_eq!(get("عقد"), Some(2), "{c:?}");
    for stop in ["ان", "الى", "في", "على", "وان"] {
        assert_eq!(get(stop), None, "{stop} is a stopword: {c:?}");
    }
    // The shown form is the most frequent spelling.
    let a = analyze(text, &Options::default());
    let isr = a.frequencies.iter().find(|f| f.key == "اسرائيلي").unwrap();
    assert_eq!(isr.text, "الإسرائيلي");
    assert_eq!(isr.forms.len(), 3);
}

/// Clitics: الكتاب / والكتاب / بالكتاب share one key: `folded` splits the proclitics and the
/// article off (normalize::arabic), so the key is كتاب.
#[test]
fn arabic_clitics_group_under_one_key() {
    let text = "قرأت الكتاب. والكتاب جميل. بالكتاب صور.";
    let c = counts(text, &Options::default());
    assert_eq!(c[0], ("كتاب".to_string(), 3), "{c:?}");
    let mut stemmed = Options::default();
    stemmed.frequency_level = FoldLevel::Stemmed;
    let c = counts("كتاب الكتاب والكتاب", &stemmed);
    assert_eq!(c.len(), 1, "{c:?}");
}

#[test]
fn levels_and_top_are_options() {
    let o: Options =
        serde_json::from_str(r#"{"frequencyLevel":"exact","stopwords":false,"top":2}"#).unwrap();
    let c = counts("Rain rain RAIN rain fell", &o);
    assert_eq!(c, [("rain".to_string(), 2), ("RAIN".to_string(), 1)]);
    assert!(serde_json::from_str::<Options>(r#"{"topp":2}"#).is_err());
}

fn naive(text: &str, level: FoldLevel) -> BTreeMap<String, usize> {
    let run = detect(text);
    let mut m = BTreeMap::new();
    for t in tokenize(text) {
        if t.kind == TokenKind::Word {
            let lang = LanguageRuns::word_language(t.script, run);
            *m.entry(key(t.span.text(text), level, lang)).or_insert(0) += 1;
        }
    }
    m
}

fn word() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "the",
        "The",
        "THE",
        "storm",
        "Storm",
        "hit",
        "أمازون",
        "امازون",
        "أمـازون",
        "الكتاب",
        "والكتاب",
        "إلى",
        "الى",
        "مُحَمَّد",
        "محمد",
        "café",
        "CAFÉ",
        "😀",
        "3",
        "٣",
        ",",
        ".",
        "؟",
        "«",
        "»",
        "\n",
    ])
    .prop_map(str::to_string)
}

proptest! {
    #[test]
    fn counts_equal_a_naive_recount(words in prop::collection::vec(word(), 0..60),
                                    level in prop::sample::select(vec![FoldLevel::Exact, FoldLevel::Folded, FoldLevel::Stemmed])) {
        let text = words.join(" ");
        let tokens = tokenize(&text);
        let s = sentences(&text, &tokens);
        let table = WordTable::new(&text, &tokens, &s, level, &LanguageRuns::uniform(detect(&text)));
        let f = frequencies(&table, FrequencyOptions { top: usize::MAX, remove_stopwords: false });
        let got: BTreeMap<String, usize> = f.iter().map(|x| (x.key.clone(), x.count)).collect();
        prop_assert_eq!(&got, &naive(&text, level));
        for x in &f {
            prop_assert_eq!(x.positions.len(), x.count);
            prop_assert_eq!(x.forms.iter().map(|f| f.count).sum::<usize>(), x.count);
        }
        // A short list is the head of the full one.
        let head = frequencies(&table, FrequencyOptions { top: 3, remove_stopwords: false });
        prop_assert_eq!(&head[..], &f[..f.len().min(3)]);
        for pair in f.windows(2) {
            prop_assert!(pair[0].count > pair[1].count
                || (pair[0].count == pair[1].count && pair[0].key < pair[1].key));
        }
    }

    #[test]
    fn analysis_never_panics_and_stats_are_consistent(text in "\\PC{0,200}") {
        let a = analyze(&text, &Options::default());
        let s = &a.text_statistics;
        prop_assert!(s.unique_words <= a.statistics.words);
        prop_assert!(s.hapax_legomena <= s.unique_words);
        prop_assert!(a.summary.windows(2).all(|w| w[0] < w[1]));
        prop_assert!(a.summary.iter().all(|&i| i < a.sentences.len()));
        prop_assert!(s.lexical_density >= 0.0 && s.lexical_density <= 1.0);
        prop_assert!(s.mattr >= 0.0 && s.mattr <= 1.0);
    }
}

#[test]
fn uniform_language_matches_by_blocks_on_one_block() {
    let text = "قال الرئيس إن الاتفاق قريب";
    assert_eq!(
        LanguageRuns::by_blocks(text, &tokenize(text)),
        LanguageRuns::uniform(Language::Arabic)
    );
}
