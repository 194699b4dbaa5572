//! Keywords: the phrases of 1–3 words that characterise one text, found from the text alone
//! (no corpus, no server) with YAKE (Campos et al. 2020, "YAKE! Keyword extraction from single
//! documents using multiple local features", Information Sciences 509:257–289).
//!
//! Rules:
//! 1. Terms are folded keys ([`crate::frequency::WordTable`]). Each term gets YAKE's five
//!    features: casing `T_case = max(TF_marked, TF_acronym) / (1 + ln TF)`, position
//!    `T_pos = ln(ln(3 + median sentence index))`, frequency `T_freq = TF / (mean + σ of the TFs
//!    of non-stopword terms)`, relatedness to context `T_rel = 1 + (DL + DR)·TF / max TF` (DL, DR =
//!    distinct left/right neighbours / all left/right neighbours) and sentence spread
//!    `T_sent = sentences with the term / sentences`. Its score is
//!    `S(t) = T_rel·T_pos / (T_case + T_freq/T_rel + T_sent/T_rel)`; lower is more relevant.
//! 2. Casing for scripts with case (Latin, Cyrillic, Greek): an occurrence is *marked* when it
//!    starts with a capital and is not the first word of its sentence, nor in a title-case
//!    sentence (a headline where most words are capitalised). Arabic has no capitals, so
//!    there an occurrence is marked when it is quoted — it comes right after an opening quote
//!    mark (“أمازون”), the way Arabic news sets off names and slogans. All-capital Latin words of
//!    two or more letters (`AWS`) count as acronyms in any text.
//! 3. Candidates are runs of 1–3 adjacent words in one sentence (no punctuation or number
//!    between) that neither start nor end with a stopword; a phrase of several words must occur
//!    at least twice (a one-off run of words is not a term), a single word needs two letters. A candidate's score is
//!    `Π S(t) / (TF(candidate)·(1 + Σ S(t)))` over its non-stopword terms; an inner stopword
//!    weighs in through the probability of the bigrams around it, as in YAKE.
//! 4. Near-duplicates are dropped: a candidate whose stemmed key sequence equals one already
//!    chosen (same words up to case, tashkeel, alef variants, clitics and stems), and a phrase
//!    that shares two words with a phrase already chosen (`للفصل العنصري` after
//!    `تكنولوجيا للفصل العنصري`). Single words are kept even when a chosen phrase holds them:
//!    `أمازون` is a keyword on its own.
//! 5. The published `score` is relative: best S / S, so the first keyword scores 1 and the
//!    others less (higher = more relevant). Ties: the earlier first occurrence.

use crate::frequency::{round3, WordTable};
use crate::lang::Language;
use crate::normalize::{key, FoldLevel};
use crate::token::{Script, TokenKind};
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::collections::BinaryHeap;

/// A keyword or keyphrase with its relevance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Keyword {
    /// As written (the most frequent form for one word; the first occurrence for a phrase).
    pub text: String,
    /// Relevance in (0, 1]: the best keyword's YAKE score divided by this one's.
    pub score: f64,
}

#[derive(Clone, Copy, Default)]
struct TermStats {
    tf: u32,
    /// Index of its first occurrence among the words.
    first: u32,
    marked: u32,
    acronym: u32,
    /// Distinct sentences holding the term.
    sentences: u32,
    last_sentence: u32,
    /// The sentence indices at the middle of its sentence list (for the median).
    median_low: u32,
    median_high: u32,
}

#[derive(Clone, Copy)]
struct Candidate {
    count: u32,
    first: u32,
    len: u8,
}

/// The `top` keywords of `table` (which must hold `sentences` sentences).
///
/// ```
/// use article_analyzer::{analyze, Options};
/// let a = analyze(
///     "Amazon protest. Protesters stormed an Amazon summit in New York. \
///      The Amazon contract angered protesters. Amazon said nothing.",
///     &Options::default(),
/// );
/// assert_eq!(a.keywords[0].text, "Amazon");
/// assert_eq!(a.keywords[0].score, 1.0);
/// ```
pub fn keywords(table: &WordTable<'_>, sentences: usize, top: usize) -> Vec<Keyword> {
    keywords_keeping(
        table,
        sentences,
        top,
        top.saturating_mul(16).saturating_add(64),
    )
}

/// [`keywords`], ranking the best `keep` candidates first (at least one; see below).
fn keywords_keeping(
    table: &WordTable<'_>,
    sentences: usize,
    top: usize,
    keep: usize,
) -> Vec<Keyword> {
    let keep = keep.max(1);
    let words = &table.words;
    if words.is_empty() || top == 0 {
        return Vec::new();
    }
    let n_terms = table.folded_len();
    let mut terms: Vec<TermStats> = vec![
        TermStats {
            last_sentence: u32::MAX,
            ..TermStats::default()
        };
        n_terms
    ];
    // Adjacent pairs and triples of folded keys, shared with the n-grams.
    let grams = table.folded_grams();
    let title_case = title_case_sentences(table, sentences);
    let mut previous_sentence = u32::MAX;
    for ((w, word), sentence) in words.iter().enumerate().zip(table.word_sentences()) {
        let t = &mut terms[table.folded_of(word) as usize];
        if t.tf == 0 {
            t.first = w as u32;
        }
        t.tf += 1;
        if t.last_sentence != sentence {
            t.last_sentence = sentence;
            t.sentences += 1;
        }
        let token = &table.tokens[word.token as usize];
        let surface = token.span.text(table.text);
        let first_in_sentence = w == 0 || previous_sentence != sentence;
        previous_sentence = sentence;
        if is_acronym(surface) {
            t.acronym += 1;
        } else if has_case(token.script) {
            if !first_in_sentence
                && !title_case.get(sentence as usize).copied().unwrap_or(false)
                && surface.chars().next().is_some_and(char::is_uppercase)
            {
                t.marked += 1;
            }
        } else if word.token > 0 && is_opening_quote(table, word.token as usize - 1) {
            t.marked += 1;
        }
    }

    // Median sentence: a second pass picks the middle entries of each term's sentence list.
    let mut seen = vec![(0u32, u32::MAX); n_terms]; // (distinct sentences so far, last sentence)
    for (word, sentence) in words.iter().zip(table.word_sentences()) {
        let folded = table.folded_of(word) as usize;
        let (count, last) = &mut seen[folded];
        if *last == sentence {
            continue;
        }
        *last = sentence;
        let t = &mut terms[folded];
        let n = t.sentences;
        if *count == (n - 1) / 2 {
            t.median_low = sentence;
        }
        if *count == n / 2 {
            t.median_high = sentence;
        }
        *count += 1;
    }

    // Frequency statistics over non-stopword terms.
    let (mut n_valid, mut sum, mut sum_sq) = (0f64, 0f64, 0f64);
    for (k, t) in terms.iter().enumerate() {
        if !table.is_stop(k as u32) {
            n_valid += 1.0;
            sum += t.tf as f64;
            sum_sq += (t.tf as f64).powi(2);
        }
    }
    let mean = if n_valid > 0.0 { sum / n_valid } else { 0.0 };
    let sd = if n_valid > 0.0 {
        (sum_sq / n_valid - mean * mean).max(0.0).sqrt()
    } else {
        0.0
    };
    let max_tf = terms.iter().map(|t| t.tf).max().unwrap_or(1).max(1) as f64;
    let n_sentences = sentences.max(1) as f64;
    let score: Vec<f64> = terms
        .iter()
        .zip(&grams.neighbours)
        .map(|(t, near)| {
            let tf = t.tf.max(1) as f64;
            let t_case = t.marked.max(t.acronym) as f64 / (1.0 + tf.ln());
            let median = if t.sentences % 2 == 1 {
                t.median_low as f64
            } else {
                (t.median_low as f64 + t.median_high as f64) / 2.0
            };
            let t_pos = (3.0 + median).ln().ln();
            let t_freq = tf / (mean + sd).max(f64::MIN_POSITIVE);
            let ratio = |d: u32, n: u32| if n == 0 { 0.0 } else { d as f64 / n as f64 };
            let t_rel = 1.0
                + (ratio(near.left_distinct, near.left_total)
                    + ratio(near.right_distinct, near.right_total))
                    * tf
                    / max_tf;
            let t_sent = t.sentences as f64 / n_sentences;
            t_rel * t_pos / (t_case + t_freq / t_rel + t_sent / t_rel)
        })
        .collect();

    // Candidates: 1–3 adjacent words, not starting or ending with a stopword. Single words are
    // the terms themselves; phrases are the grams (every counted triple starts and ends with a
    // word that is no stopword; pairs are filtered here).
    let pairs = grams.bigrams.iter().filter_map(|(&ab, c)| {
        let (a, b) = ((ab >> 32) as u32, ab as u32);
        (!table.is_stop(a) && !table.is_stop(b)).then_some(([a, b, u32::MAX], c, 2u8))
    });
    let triples = grams.trigrams.iter().map(|(&k, c)| (k, c, 3u8));
    let singles = terms.iter().enumerate().filter_map(|(k, t)| {
        let k = k as u32;
        (t.tf > 0 && !table.is_stop(k) && table.folded_key(k).chars().nth(1).is_some()).then_some((
            [k, u32::MAX, u32::MAX],
            Candidate {
                count: t.tf,
                first: t.first,
                len: 1,
            },
        ))
    });
    let phrases = pairs
        .chain(triples)
        .filter(|(_, c, _)| c.count >= 2)
        .map(|(k, c, len)| {
            (
                k,
                Candidate {
                    count: c.count,
                    first: c.first,
                    len,
                },
            )
        });
    let scored = || {
        singles
            .clone()
            .chain(phrases.clone())
            .map(|(k, c)| {
                let len = c.len as usize;
                let (mut prod, mut sum) = (1.0f64, 0.0f64);
                for i in 0..len {
                    let t = k[i];
                    if table.is_stop(t) {
                        let prev = k[i - 1];
                        let next = k[i + 1];
                        let p1 = grams.pair(prev, t) as f64 / terms[prev as usize].tf.max(1) as f64;
                        let p2 = grams.pair(t, next) as f64 / terms[next as usize].tf.max(1) as f64;
                        let p = p1 * p2;
                        prod *= 1.0 + (1.0 - p);
                        sum -= 1.0 - p;
                    } else {
                        prod *= score[t as usize];
                        sum += score[t as usize];
                    }
                }
                (k, prod / (c.count as f64 * (1.0 + sum)), c)
            })
            .filter(|(_, s, _)| s.is_finite() && *s > 0.0)
    };
    // The most frequent form of each word (ties: code-point order), for one-word keywords.
    let mut best_form: Vec<Option<(u32, &str, Language)>> = vec![None; n_terms];
    for s in table.surfaces() {
        let slot = &mut best_form[s.folded as usize];
        if slot.is_none_or(|(n, t, _)| s.count > n || (s.count == n && s.text < t)) {
            *slot = Some((s.count, s.text, s.language));
        }
    }
    let text_of = |c: &Candidate| -> String {
        let a = words[c.first as usize];
        if c.len == 1 {
            return best_form[table.folded_of(&a) as usize]
                .map_or_else(String::new, |b| b.1.to_string());
        }
        let b = words[c.first as usize + c.len as usize - 1];
        let (x, y) = (
            &table.tokens[a.token as usize],
            &table.tokens[b.token as usize],
        );
        table
            .text
            .get(x.span.start..y.span.end)
            .unwrap_or("")
            .to_string()
    };
    let mut stem_cache: FxHashMap<u32, String> = FxHashMap::default();
    let mut stem_of = |t: u32| -> String {
        stem_cache
            .entry(t)
            .or_insert_with(|| match best_form[t as usize] {
                Some((_, text, language)) => key(text, FoldLevel::Stemmed, language),
                None => table.folded_key(t).to_string(),
            })
            .clone()
    };
    // The best candidates first (see `Ranked`): a long text has hundreds of thousands, of
    // which the loop below reads a few dozen (it skips those whose stems overlap a chosen one).
    // So the best `keep` (16 × top + 64) are kept as they come, in a bounded heap, rather than
    // all in a list; only if the loop runs out of them with more left does it rank them all.
    let rank = |keep: usize| -> (Vec<Ranked>, bool) {
        let mut heap: BinaryHeap<Ranked> = BinaryHeap::with_capacity(keep.min(1 << 12) + 1);
        let mut more = false;
        for (k, s, c) in scored() {
            let candidate = Ranked(s, c, k);
            // Full, and no better than the worst kept: it would be pushed and popped again.
            if heap.len() >= keep && heap.peek().is_some_and(|worst| candidate > *worst) {
                more = true;
                continue;
            }
            heap.push(candidate);
            if heap.len() > keep {
                heap.pop();
                more = true;
            }
        }
        (heap.into_sorted_vec(), more)
    };
    let (best_few, more) = rank(keep);
    let best = best_few.first().map_or(1.0, |r| r.0);
    let mut chosen: Vec<StemKey> = Vec::new();
    let mut out: Vec<Keyword> = Vec::new();
    let mut choose = |r: &Ranked, out: &mut Vec<Keyword>| {
        let Ranked(s, c, k) = *r;
        let stem: StemKey = k
            .iter()
            .filter(|&&t| t != u32::MAX)
            .map(|&t| stem_of(t))
            .collect();
        let overlaps = |other: &StemKey| {
            other.len() > 1 && stem.len() > 1 && {
                let shared = stem.iter().filter(|w| other.contains(w)).count();
                shared >= 2 || shared == stem.len()
            }
        };
        if chosen.contains(&stem) || chosen.iter().any(overlaps) {
            return;
        }
        chosen.push(stem);
        out.push(Keyword {
            text: text_of(&c),
            score: round3(best / s),
        });
    };
    for r in &best_few {
        choose(r, &mut out);
        if out.len() == top {
            return out;
        }
    }
    if more {
        // Every candidate, ranked; the first `best_few.len()` are those just read.
        let (all, _) = rank(usize::MAX);
        for r in all.get(best_few.len()..).unwrap_or_default() {
            choose(r, &mut out);
            if out.len() == top {
                break;
            }
        }
    }
    out
}

/// A candidate with its score, ordered best (lowest score) first; ties: the earlier first
/// occurrence, then the shorter phrase. No two candidates share both (a phrase is its words
/// at its first occurrence), so the order is total and any way of ranking gives the same.
#[derive(Clone, Copy)]
struct Ranked(f64, Candidate, [u32; 3]);

impl Ranked {
    fn rank(&self, other: &Ranked) -> std::cmp::Ordering {
        self.0
            .total_cmp(&other.0)
            .then(self.1.first.cmp(&other.1.first))
            .then(self.1.len.cmp(&other.1.len))
    }
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Ranked) -> bool {
        self.rank(other).is_eq()
    }
}

impl Eq for Ranked {}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Ranked) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ranked {
    fn cmp(&self, other: &Ranked) -> std::cmp::Ordering {
        self.rank(other)
    }
}

/// The stemmed keys of a candidate's words, for near-duplicate detection.
type StemKey = Vec<String>;

/// Sentences written in title case (a headline: most of at least three cased words start with a
/// capital); their capitals say nothing about names.
fn title_case_sentences(table: &WordTable<'_>, sentences: usize) -> Vec<bool> {
    let mut cased = vec![(0u32, 0u32); sentences];
    for (w, sentence) in table.words.iter().zip(table.word_sentences()) {
        let Some(t) = table.tokens.get(w.token as usize) else {
            continue;
        };
        if !has_case(t.script) {
            continue;
        }
        if let Some(c) = cased.get_mut(sentence as usize) {
            c.0 += 1;
            if t.span
                .text(table.text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            {
                c.1 += 1;
            }
        }
    }
    cased
        .into_iter()
        .map(|(all, upper)| all >= 3 && upper * 2 > all)
        .collect()
}

fn has_case(script: Script) -> bool {
    matches!(script, Script::Latin | Script::Cyrillic | Script::Greek)
}

fn is_acronym(surface: &str) -> bool {
    let mut letters = 0;
    for c in surface.chars() {
        if crate::stats::is_letter(c) {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
}

fn is_opening_quote(table: &WordTable<'_>, token: usize) -> bool {
    table.tokens.get(token).is_some_and(|t| {
        t.kind == TokenKind::Punctuation
            && matches!(t.span.text(table.text), "“" | "”" | "«" | "\"" | "‘" | "'")
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn ranking_a_few_first_gives_what_ranking_all_gives() {
        // The bounded ranking, down to one candidate kept, and its fallback to ranking every
        // candidate (when stems overlap), against keeping them all.
        use crate::frequency::{LanguageRuns, WordTable};
        use crate::normalize::FoldLevel;
        use crate::{lang, sentence, token};
        for name in [
            "ar-amazon-protest.txt",
            "en-harbour-bridge.txt",
            "en-launch-social.txt",
            "mixed-ar-en-markets.txt",
        ] {
            let path = format!("{}/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(&path).expect("a seed article");
            let tokens = token::tokenize(&text);
            let found = sentence::sentences(&text, &tokens);
            let runs = LanguageRuns::uniform(lang::detect(&text));
            let table = WordTable::new(&text, &tokens, &found, FoldLevel::Folded, &runs);
            for top in [1, 5, 20] {
                let all = super::keywords_keeping(&table, found.len(), top, usize::MAX);
                assert_eq!(all.len(), top, "{name}");
                for keep in [0, 1, 2, 3, 7, 40] {
                    let few = super::keywords_keeping(&table, found.len(), top, keep);
                    let pairs = |k: &[super::Keyword]| -> Vec<(String, f64)> {
                        k.iter().map(|k| (k.text.clone(), k.score)).collect()
                    };
                    assert_eq!(pairs(&few), pairs(&all), "{name} top {top} keep {keep}");
                }
            }
        }
    }

    use crate::{analyze, Options};

    #[test]
    fn arabic_quoted_names_count_as_marked() {
        let text = "قالت “أمازون” إن الشركة تعمل. وقال خبير إن “أمازون” كبيرة. الشركة كبيرة جدا.";
        let a = analyze(text, &Options::default());
        assert_eq!(a.keywords[0].text, "أمازون", "{:?}", a.keywords);
    }

    #[test]
    fn keywords_are_deduplicated_by_key() {
        let text = "Climate change. CLIMATE CHANGE matters. climate change again, climate change.";
        let a = analyze(text, &Options::default());
        let texts: Vec<_> = a.keywords.iter().map(|k| k.text.to_lowercase()).collect();
        let mut unique = texts.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), texts.len(), "{texts:?}");
    }
}
