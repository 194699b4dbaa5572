//! Entities: the people, places, dates, amounts, links and quotes an article mentions.
//!
//! Two families of recognizers feed one list:
//! - **named** ([`named`]): people, organizations, locations and other names, found by a
//!   statistical tagger with gazetteers;
//! - **patterns** ([`patterns`]): deterministic forms — dates, times, numbers, money, percents,
//!   quantities, URLs, e-mail addresses, mentions, hashtags and quotes — in Arabic and English.
//!
//! Rules of the composed list ([`recognize`]):
//! 1. Spans are bytes on `char` boundaries, inside the span of one sentence — except quotes,
//!    which may run over several sentences (an unclosed quote runs to the end of its paragraph).
//! 2. Entities are sorted by start; on a tie, the longer first; then by kind.
//! 3. Apart from quotes, entities never overlap: when two overlap, the longer wins; on equal
//!    length the pattern entity wins (patterns are exact; the tagger guesses).
//! 4. Quotes ([`EntityKind::Quote`]) are in the same list so a highlighter sees them, and may
//!    contain other entities; a quote's speaker, when the article names one, is in
//!    [`Entity::speaker`].
//! 5. An Arabic quote's speaker of two words or more that no named mention overlaps is a
//!    person the tagger missed (`وقال أحد أعضاء التحالف علي بنجواني: “…`): the quote rules
//!    keep only the words after the verb that are no roles or definite nouns, which is a name.

pub mod features;
pub mod gazetteer;
pub mod model;
pub mod model_eval;
pub mod model_train;
pub mod named;
pub mod patterns;
pub mod vocabulary;

use crate::lang::Language;
use crate::sentence::Sentence;
use crate::span::Span;
use crate::token::Token;
use serde::{Deserialize, Serialize};

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum EntityKind {
    /// A person: `علي بنجواني`, `Laura Chen`.
    Person,
    /// An organization: `أمازون`, `Springfield City Council`.
    Organization,
    /// A place: `مانهاتن`, `Springfield`.
    Location,
    /// Another name: events, products, nationalities.
    Misc,
    /// A date or day: `الثلاثاء`, `28 نوفمبر 2026`, `Nov. 28`, `yesterday`.
    Date,
    /// A time of day: `09:45 UTC`, `6:30 p.m.`, `الساعة العاشرة`.
    Time,
    /// A number that is not an amount of money, a percent or a quantity: `550`, `3.2 billion`.
    Number,
    /// An amount of money: `$1.2 billion`, `870 مليون دولار`.
    Money,
    /// A percent: `15%`, `١٫٥٪`, `5 بالمئة`.
    Percent,
    /// A measured quantity with a unit: `20 minutes`, `10 كم`.
    Quantity,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
    /// A `#hashtag`.
    Hashtag,
    /// An `@mention`.
    Mention,
    /// Quoted speech: the text between quotation marks, marks included.
    Quote,
}

impl EntityKind {
    /// The kind's name as in the JSON report: `person`, `date`, `money`, …
    ///
    /// ```
    /// use article_analyzer::entity::EntityKind;
    /// assert_eq!(EntityKind::Money.name(), "money");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Location => "location",
            EntityKind::Misc => "misc",
            EntityKind::Date => "date",
            EntityKind::Time => "time",
            EntityKind::Number => "number",
            EntityKind::Money => "money",
            EntityKind::Percent => "percent",
            EntityKind::Quantity => "quantity",
            EntityKind::Url => "url",
            EntityKind::Email => "email",
            EntityKind::Hashtag => "hashtag",
            EntityKind::Mention => "mention",
            EntityKind::Quote => "quote",
        }
    }

    /// True for the kinds the statistical tagger finds (person, organization, location, misc).
    pub fn is_named(self) -> bool {
        matches!(
            self,
            EntityKind::Person | EntityKind::Organization | EntityKind::Location | EntityKind::Misc
        )
    }
}

/// One entity mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Where the mention is, in bytes.
    pub span: Span,
    /// What it is.
    pub kind: EntityKind,
    /// A normalized value, when the pattern knows one. Formats, by kind:
    /// - number, percent: a plain decimal in ASCII digits, `1200000000`, `1.5` (the percent's
    ///   number, not the fraction);
    /// - money: ISO 4217 code, a space, the amount: `USD 1200000000` (`XXX` when the currency
    ///   is unknown);
    /// - date: ISO 8601, as much as is known: `2026-11-28`, `--11-28` (no year), `2030`;
    /// - time: `HH:MM` on a 24-hour clock;
    /// - quantity: the amount, a space, the unit's English name: `20 minute`.
    pub value: Option<String>,
    /// For a quote: who said it, when the article names them.
    pub speaker: Option<Span>,
}

impl Entity {
    /// An entity without value or speaker.
    pub const fn new(span: Span, kind: EntityKind) -> Self {
        Entity {
            span,
            kind,
            value: None,
            speaker: None,
        }
    }
}

/// Finds the entities of `text`, given its tokens and sentences, as a sorted list (see the
/// module rules).
///
/// ```
/// use article_analyzer::entity::{recognize, EntityKind};
/// use article_analyzer::{lang::Language, sentence::sentences, token::tokenize};
/// let text = "Shares rose 15% on Tuesday.";
/// let tokens = tokenize(text);
/// let found: Vec<_> = recognize(text, &tokens, &sentences(text, &tokens), Language::English)
///     .iter()
///     .map(|e| (e.span.text(text), e.kind))
///     .collect();
/// assert_eq!(found, [("15%", EntityKind::Percent), ("Tuesday", EntityKind::Date)]);
/// ```
pub fn recognize(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    language: Language,
) -> Vec<Entity> {
    let texts = crate::intern::Surfaces::new(text, tokens);
    recognize_with_ids(text, tokens, sentences, language, &texts.ids, &texts.texts)
}

/// Like [`recognize`], with the text ids of the tokens already made (`ids` per token, `texts`
/// per id, see [`crate::intern::Surfaces`]; [`crate::analyze()`] makes them once for all
/// stages).
pub fn recognize_with_ids(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    language: Language,
    ids: &[u32],
    texts: &[&str],
) -> Vec<Entity> {
    let mut named = named::recognize_with_ids(text, tokens, sentences, language, ids, texts);
    let found = patterns::recognize_with_ids(text, tokens, sentences, language, &named, ids, texts);
    let speakers = speakers_as_people(text, &named, &found);
    named.extend(speakers);
    compose(named, found)
}

/// Rule 5: Arabic quote speakers the tagger missed, as person mentions (each span once).
fn speakers_as_people(text: &str, named: &[Entity], found: &[Entity]) -> Vec<Entity> {
    let mut people: Vec<Entity> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for s in found
        .iter()
        .filter(|e| e.kind == EntityKind::Quote)
        .filter_map(|e| e.speaker)
    {
        let words = s.text(text).split_whitespace().count();
        let arabic = s
            .text(text)
            .chars()
            .any(|c| ('\u{0621}'..='\u{064A}').contains(&c));
        // `named` is sorted and its mentions do not overlap, so their ends are sorted too: the
        // only mention that can overlap the speaker is the first to end after it starts (a
        // binary search, not a scan per quote, which was quadratic on long texts).
        let first = named.partition_point(|e| e.span.end <= s.start);
        let overlaps = named.get(first).is_some_and(|e| e.span.start < s.end);
        if words >= 2 && arabic && !overlaps && seen.insert((s.start, s.end)) {
            people.push(Entity::new(s, EntityKind::Person));
        }
    }
    people
}

/// Merges named and pattern entities into one sorted list without overlaps (quotes aside).
fn compose(named: Vec<Entity>, found: Vec<Entity>) -> Vec<Entity> {
    // Candidates in order of preference: longer first, then patterns before names.
    let mut candidates: Vec<(Entity, bool)> = Vec::with_capacity(named.len() + found.len());
    candidates.extend(found.into_iter().map(|e| (e, true)));
    candidates.extend(named.into_iter().map(|e| (e, false)));
    let (quotes, mut flat): (Vec<_>, Vec<_>) = candidates
        .into_iter()
        .partition(|(e, _)| e.kind == EntityKind::Quote);
    flat.sort_by(|(a, pa), (b, pb)| {
        b.span
            .len()
            .cmp(&a.span.len())
            .then(pb.cmp(pa))
            .then(a.span.start.cmp(&b.span.start))
            .then(a.kind.cmp(&b.kind))
    });
    let mut kept: Vec<Entity> = Vec::with_capacity(flat.len() + quotes.len());
    // The kept spans by start (end as value). They never overlap, so the only one that can
    // overlap a candidate is the last to start before the candidate ends: one lookup each,
    // not a scan of everything kept (which was quadratic on long texts).
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for (e, _) in flat {
        if e.span.is_empty() {
            continue;
        }
        let overlaps = taken
            .range(..e.span.end)
            .next_back()
            .is_some_and(|(_, &end)| e.span.start < end);
        if !overlaps {
            taken.insert(e.span.start, e.span.end);
            kept.push(e);
        }
    }
    kept.extend(quotes.into_iter().map(|(e, _)| e));
    sort(&mut kept);
    kept
}

/// The mentions of one entity, for an entity panel: same kind, same folded key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityGroup {
    /// What the entity is.
    pub kind: EntityKind,
    /// The folded key the mentions share (see [`crate::normalize::key`]).
    pub key: String,
    /// The most frequent spelling (the first seen on a tie), as written.
    pub text: String,
    /// Number of mentions.
    pub count: usize,
    /// The first mention.
    pub first: Span,
}

/// Groups `entities` of `text` by kind and folded key (quotes left out), most mentioned first,
/// then by first mention.
///
/// ```
/// use article_analyzer::entity::{group, Entity, EntityKind};
/// use article_analyzer::{lang::Language, Span};
/// let text = "الثلاثاء ثم الثُّلاثاء ثم 15%";
/// let entities = [
///     Entity::new(Span::new(0, 16), EntityKind::Date),
///     Entity::new(Span::new(22, 42), EntityKind::Date),
///     Entity::new(Span::new(48, 51), EntityKind::Percent),
/// ];
/// let groups = group(&entities, text, Language::Arabic);
/// assert_eq!((groups[0].text.as_str(), groups[0].count), ("الثلاثاء", 2));
/// assert_eq!((groups[1].text.as_str(), groups[1].count), ("15%", 1));
/// ```
pub fn group(entities: &[Entity], text: &str, language: Language) -> Vec<EntityGroup> {
    use crate::normalize::{key, FoldLevel};
    use std::collections::BTreeMap;
    /// A spelling: as written, its count, the index of its first mention.
    type Spelling = (String, usize, usize);
    // (kind, key) → (first span, count, spellings).
    let mut groups: BTreeMap<(EntityKind, String), (Span, usize, Vec<Spelling>)> = BTreeMap::new();
    // Each spelling is keyed once: an article names the same things again and again.
    let mut keys: rustc_hash::FxHashMap<&str, String> = rustc_hash::FxHashMap::default();
    for (i, e) in entities.iter().enumerate() {
        if e.kind == EntityKind::Quote {
            continue;
        }
        let written = e.span.text(text);
        let k = keys
            .entry(written)
            .or_insert_with(|| key(written, FoldLevel::Folded, language))
            .clone();
        let g = groups
            .entry((e.kind, k))
            .or_insert_with(|| (e.span, 0, Vec::new()));
        g.1 += 1;
        match g.2.iter_mut().find(|(s, _, _)| s == written) {
            Some(sp) => sp.1 += 1,
            None => g.2.push((written.to_string(), 1, i)),
        }
    }
    let mut out: Vec<EntityGroup> = groups
        .into_iter()
        .map(|((kind, key), (first, count, spellings))| {
            let text = spellings
                .iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
                .map(|s| s.0.clone())
                .unwrap_or_default();
            EntityGroup {
                kind,
                key,
                text,
                count,
                first,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(a.first.start.cmp(&b.first.start))
            .then(a.kind.cmp(&b.kind))
    });
    out
}

/// Sorts entities by start, the longer first on a tie, then by kind.
pub fn sort(entities: &mut [Entity]) {
    entities.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
            .then(a.kind.cmp(&b.kind))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentence::sentences;
    use crate::token::tokenize;

    fn all(text: &str) -> Vec<Entity> {
        let tokens = tokenize(text);
        recognize(text, &tokens, &sentences(text, &tokens), Language::Unknown)
    }

    /// The invariants of the module rules, for any text.
    fn check_invariants(text: &str) {
        let found = all(text);
        let mut last_end = 0;
        let mut last_start = 0;
        for e in &found {
            assert!(e.span.start < e.span.end, "empty span in {text:?}");
            assert!(
                text.get(e.span.range()).is_some(),
                "span off char boundary in {text:?}"
            );
            assert!(e.span.start >= last_start, "unsorted in {text:?}");
            last_start = e.span.start;
            if e.kind != EntityKind::Quote {
                assert!(e.span.start >= last_end, "overlap in {text:?}: {found:?}");
                last_end = e.span.end;
            }
            if let Some(s) = e.speaker {
                assert!(
                    text.get(s.range()).is_some(),
                    "speaker off boundary in {text:?}"
                );
            }
        }
    }

    #[test]
    fn odd_texts_keep_the_invariants() {
        for t in [
            "",
            "\"",
            "“",
            "«",
            "$",
            "%",
            "٪١",
            "1/2/",
            "12:",
            "@",
            "#",
            "وَأَمْسِ",
            "ـــ",
            "$1.2 billion $",
            "“a b c d",
            "\"a\" \"b c d e\" \"",
            "2026-11-",
            "١٫",
            "1,,2",
            "الساعة",
            "مليون",
            "Nov.",
            "Nov. 31, 99999",
            "https://",
            "x@y.zz@w.com",
            "😀 10كم 😀",
        ] {
            check_invariants(t);
        }
    }

    #[test]
    fn composition_prefers_longer_then_patterns() {
        let long = Entity::new(Span::new(0, 10), EntityKind::Misc);
        let short = Entity::new(Span::new(7, 10), EntityKind::Number);
        let quote = Entity::new(Span::new(0, 20), EntityKind::Quote);
        let out = compose(vec![long.clone()], vec![short, quote.clone()]);
        assert_eq!(out, [quote, long]);
        let tie_named = Entity::new(Span::new(0, 4), EntityKind::Misc);
        let tie_pattern = Entity::new(Span::new(0, 4), EntityKind::Date);
        assert_eq!(
            compose(vec![tie_named], vec![tie_pattern.clone()]),
            [tie_pattern]
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::check_invariants;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_text_keeps_the_invariants(s in "\\PC{0,80}") {
                check_invariants(&s);
            }

            #[test]
            fn pattern_like_text_keeps_the_invariants(
                s in "([0-9٠-٩]{1,4}|[/:.,٫٪%$€\"“”«» -]|Nov|May|p\\.m|الساعة|مليون|دولار|أمس|و|قال|said|he|@a|#b|www\\.x\\.y|\n){0,30}"
            ) {
                check_invariants(&s);
            }
        }
    }
}
