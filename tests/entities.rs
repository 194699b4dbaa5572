//! Golden test: the pattern entities a careful reader marks in each seed article, written by
//! hand (not generated from the output). Named kinds (person, organization, location, misc)
//! are left to the named-entity tests.

use article_analyzer::report::report;
use article_analyzer::Options;
use std::fs;

fn seed(name: &str) -> String {
    fs::read_to_string(format!("{}/seeds/{name}", env!("CARGO_MANIFEST_DIR"))).expect("seed")
}

/// (kind, text, value) of the pattern entities of a seed, in order.
fn patterns(name: &str) -> Vec<(String, String, Option<String>)> {
    report(&seed(name), &Options::default())
        .entities
        .into_iter()
        .filter(|e| {
            !matches!(
                e.kind.as_str(),
                "person" | "organization" | "location" | "misc"
            )
        })
        .map(|e| (e.kind, e.text, e.value))
        .collect()
}

/// Quotes of a seed: (first words of the quote, speaker).
fn quotes(name: &str) -> Vec<(String, Option<String>)> {
    report(&seed(name), &Options::default())
        .quotes
        .into_iter()
        .map(|q| (q.text.chars().take(25).collect(), q.speaker.map(|s| s.text)))
        .collect()
}

fn want(list: &[(&str, &str, Option<&str>)]) -> Vec<(String, String, Option<String>)> {
    list.iter()
        .map(|(k, t, v)| (k.to_string(), t.to_string(), v.map(str::to_string)))
        .collect()
}

fn check(name: &str, expected: &[(&str, &str, Option<&str>)]) {
    let got = patterns(name);
    let expected = want(expected);
    for e in &expected {
        assert!(got.contains(e), "{name}: missing {e:?}\nfound {got:#?}");
    }
    for g in &got {
        assert!(expected.contains(g), "{name}: unexpected {g:?}");
    }
    assert_eq!(got, expected, "{name}: order");
}

#[test]
fn arabic_seed() {
    let name = "ar-amazon-protest.txt";
    let quote = seed(name)
        .split('\n')
        .find(|l| l.contains("بنجواني"))
        .and_then(|l| l.find('“').map(|i| l[i..].trim_end().to_string()))
        .expect("the quote's paragraph");
    let expected = [
        ("date", "أمس الثلاثاء", None),
        ("number", "550", Some("550")),
        ("quote", quote.as_str(), None),
    ];
    check(name, &expected);
    // The unclosed quote runs to the end of its paragraph.
    assert!(quote.ends_with("ونظام الفصل العنصري."));
    assert_eq!(
        quotes(name),
        [(
            "“توقفوا عن التربح من العنف في "
                .chars()
                .take(25)
                .collect::<String>(),
            Some("علي بنجواني".to_string())
        )]
    );
}

#[test]
fn english_seed() {
    check(
        "en-harbour-bridge.txt",
        &[
            ("money", "$1.2 Billion", Some("USD 1200000000")),
            ("date", "Nov. 28", Some("--11-28")),
            ("number", "7-2", None),
            ("date", "Tuesday", None),
            ("money", "$1.2 billion", Some("USD 1200000000")),
            (
                "quote",
                "\"a promise kept to every commuter who has sat in traffic on that bridge.\"",
                None,
            ),
            ("percent", "15%", Some("15")),
            ("date", "2028", Some("2028")),
            ("quote", "\"We've seen this before,\"", None),
            (
                "quote",
                "\"Every year of delay adds roughly $40 million.\"",
                None,
            ),
            ("money", "$40 million", Some("USD 40000000")),
            ("date", "Wednesday", None),
            ("date", "3 March 2027", Some("2027-03-03")),
            ("date", "2030", Some("2030")),
            ("time", "6:30 p.m.", Some("18:30")),
            ("date", "Dec. 4", Some("--12-04")),
        ],
    );
    let speakers: Vec<_> = quotes("en-harbour-bridge.txt")
        .into_iter()
        .map(|(_, s)| s)
        .collect();
    // Without the named tagger, "he" stays "he"; with it, the last person before the quote.
    // With the named tagger the speaker is its person span, without the title.
    assert!(matches!(
        speakers[0].as_deref(),
        Some("Mayor Laura Chen" | "Laura Chen")
    ));
    assert!(matches!(
        speakers[1].as_deref(),
        Some("he" | "James O'Neill" | "Dr. James O'Neill")
    ));
    assert_eq!(speakers[1], speakers[2]);
}

#[test]
fn social_seed() {
    check(
        "en-launch-social.txt",
        &[
            ("date", "Friday", None),
            (
                "url",
                "https://example.org/news/aurora-2?lang=en#update",
                None,
            ),
            ("quote", "\"Third time's the charm 🤞,\"", None),
            ("mention", "@space_fan_42", None),
            ("hashtag", "#Aurora2", None),
            (
                "quote",
                "\"I've booked a hotel twice now 😤👩\u{200d}🚀.\"",
                None,
            ),
            ("email", "press@example.org", None),
            ("time", "09:45 UTC", Some("09:45")),
            ("quantity", "20 minutes", Some("20 minute")),
        ],
    );
    let speakers: Vec<_> = quotes("en-launch-social.txt")
        .into_iter()
        .map(|(_, s)| s)
        .collect();
    assert_eq!(speakers, [Some("@space_fan_42".to_string()), None]);
}

#[test]
fn mixed_seed() {
    check(
        "mixed-ar-en-markets.txt",
        &[
            ("percent", "١٫٥٪", Some("1.5")),
            ("date", "يوم الأحد", None),
            ("number", "٤٢٣٠", Some("4230")),
            ("percent", "0.8%", Some("0.8")),
            ("number", "9,512", Some("9512")),
            (
                "quote",
                "\"المستثمرين يراهنون على خفض أسعار الفائدة\"",
                None,
            ),
            ("percent", "1.5%", Some("1.5")),
            ("date", "Sunday", None),
            ("number", "4,230", Some("4230")),
            ("percent", "0.8%", Some("0.8")),
            ("number", "9,512", Some("9512")),
            ("money", "٣٫٢ مليار درهم", Some("AED 3200000000")),
            ("money", "870 مليون دولار", Some("USD 870000000")),
            ("date", "٢٨/١١/٢٠٢٦", Some("2026-11-28")),
        ],
    );
    assert_eq!(
        quotes("mixed-ar-en-markets.txt")[0].1.as_deref(),
        Some("سامي الحسن")
    );
}

#[test]
fn entities_can_be_switched_off() {
    let mut options = Options::default();
    options.entities = false;
    let r = report(&seed("en-harbour-bridge.txt"), &options);
    assert!(r.entities.is_empty() && r.quotes.is_empty());
}

#[test]
fn entity_offsets_are_utf16_and_slice_the_text() {
    for name in [
        "ar-amazon-protest.txt",
        "en-harbour-bridge.txt",
        "en-launch-social.txt",
        "mixed-ar-en-markets.txt",
    ] {
        let text = seed(name);
        let units: Vec<u16> = text.encode_utf16().collect();
        let r = report(&text, &Options::default());
        for e in &r.entities {
            assert_eq!(
                String::from_utf16_lossy(&units[e.start..e.end]),
                e.text,
                "{name}"
            );
        }
    }
}

#[test]
fn groups_fold_case_and_count_mentions() {
    let r = report(&seed("en-harbour-bridge.txt"), &Options::default());
    let money = r
        .entity_groups
        .iter()
        .find(|g| g.kind == "money" && g.text.to_lowercase() == "$1.2 billion")
        .expect("the plan's cost as one group");
    assert_eq!(money.count, 2);
    assert!(r.entity_groups.iter().all(|g| g.kind != "quote"));
    let mixed = report(&seed("mixed-ar-en-markets.txt"), &Options::default());
    let points = mixed
        .entity_groups
        .iter()
        .find(|g| g.text == "9,512")
        .expect("9,512");
    assert_eq!(points.count, 2);
}
