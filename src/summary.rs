//! Extractive summary: the sentences that best represent the text, by TextRank (Mihalcea &
//! Tarau 2004, "TextRank: Bringing Order into Texts", EMNLP).
//!
//! Rules:
//! 1. A sentence is the set of its content words: folded keys that are not stopwords.
//! 2. Two sentences are linked with weight `shared / (ln(1 + |A|) + ln(1 + |B|))`, where
//!    `shared` counts the keys they have in common: TextRank's overlap normalised by log lengths
//!    (the `1 +` keeps one-word sentences defined).
//! 3. Scores are weighted PageRank over these links (damping 0.85, at most 100 iterations, until
//!    no score moves by more than 1e-6).
//! 4. The `n` best sentences (ties: the earlier one) are returned as indices **in article order**.
//! 5. Only the first 2,000 sentences take part, so the cost stays bounded on book-length input.

use crate::frequency::{sort_indices, WordTable};

/// Damping factor of PageRank.
const DAMPING: f64 = 0.85;
/// Sentences considered at most.
pub const MAX_SENTENCES: usize = 2000;

/// The indices, in article order, of the `n` most central of `sentences` sentences of `table`.
///
/// ```
/// use article_analyzer::{analyze, Options};
/// let text = "Amazon signed a cloud contract. Protesters oppose the Amazon cloud contract. \
///             It rained. Amazon defended the contract.";
/// let mut options = Options::default();
/// options.summary_sentences = 2;
/// let a = analyze(text, &options);
/// assert_eq!(a.summary, [0, 1]);
/// ```
pub fn summary(table: &WordTable<'_>, sentences: usize, n: usize) -> Vec<usize> {
    let count = sentences.min(MAX_SENTENCES);
    if n == 0 || count == 0 {
        return Vec::new();
    }
    let score = scores(table, count);
    let mut order: Vec<u32> = (0..count as u32).collect();
    sort_indices(&mut order, &|a, b| {
        score[b as usize]
            .total_cmp(&score[a as usize])
            .then(a.cmp(&b))
    });
    order.truncate(n);
    order.sort_unstable();
    order.into_iter().map(|i| i as usize).collect()
}

/// The TextRank scores of the first `count` sentences of `table` (rules 1–3).
fn scores(table: &WordTable<'_>, count: usize) -> Vec<f64> {
    // Content keys per sentence, sorted and deduplicated, in one flat array (CSR).
    // (The words of the sentences taken part, not of the whole text: a book's are millions.)
    let taken = table.words_before_sentence(count);
    let mut bag_keys: Vec<u32> = Vec::with_capacity(taken);
    let mut bag_start: Vec<usize> = Vec::with_capacity(count + 1);
    for i in 0..count {
        bag_start.push(bag_keys.len());
        let from = bag_keys.len();
        for word in table.words.get(table.sentence_words(i)).unwrap_or_default() {
            let folded = table.folded_of(word);
            if !table.is_stop(folded) {
                bag_keys.push(folded);
            }
        }
        bag_keys[from..].sort_unstable();
        let mut kept = from;
        for j in from..bag_keys.len() {
            if j == from || bag_keys[j] != bag_keys[kept - 1] {
                bag_keys[kept] = bag_keys[j];
                kept += 1;
            }
        }
        bag_keys.truncate(kept);
    }
    bag_start.push(bag_keys.len());
    let bag = |i: usize| &bag_keys[bag_start[i]..bag_start[i + 1]];
    // Inverted index (CSR): key → sentences holding it, in sentence order.
    let mut post_start = vec![0usize; table.folded_len() + 1];
    for &k in &bag_keys {
        post_start[k as usize + 1] += 1;
    }
    for k in 1..post_start.len() {
        post_start[k] += post_start[k - 1];
    }
    let mut fill = post_start.clone();
    let mut post = vec![0u32; bag_keys.len()];
    for i in 0..count {
        for &k in bag(i) {
            post[fill[k as usize]] = i as u32;
            fill[k as usize] += 1;
        }
    }
    // Sparse symmetric weights, each link stored once, from its earlier sentence (CSR: the
    // links of sentence i are to later sentences, in order). ln(1 + |bag|) once per sentence,
    // not once per link. The links are enumerated twice (see `later_links`): once to count
    // each sentence's, once to fill them in. Stored in both directions they were 24 bytes a
    // link, the summary's working memory (244,000 links at 5 MB of Arabic).
    let ln_len: Vec<f64> = (0..count)
        .map(|i| ((1 + bag(i).len()) as f64).ln())
        .collect();
    let mut shared = vec![0u32; count];
    let mut met = vec![0u64; count.div_ceil(64)];
    let postings = |k: u32| &post[post_start[k as usize]..post_start[k as usize + 1]];
    let mut link_start: Vec<usize> = Vec::with_capacity(count + 1);
    link_start.push(0);
    for i in 0..count {
        let mut later = 0;
        later_links(i, bag(i), &postings, (&mut shared, &mut met), |_, _| {
            later += 1
        });
        link_start.push(link_start.last().copied().unwrap_or(0) + later);
    }
    let links = link_start[count];
    let mut link_to: Vec<u32> = Vec::with_capacity(links);
    // A link's weight, then the factor of the later sentence's score in the earlier one's.
    let mut from_later: Vec<f64> = Vec::with_capacity(links);
    for i in 0..count {
        later_links(i, bag(i), &postings, (&mut shared, &mut met), |j, n| {
            link_to.push(j as u32);
            from_later.push(n as f64 / (ln_len[i] + ln_len[j]));
        });
    }
    drop(post);
    drop(shared);
    drop(met);
    let links_of = |i: usize| link_start[i]..link_start[i + 1];
    // Every sum over a sentence's links below takes them in order of the other sentence:
    // those from earlier sentences as those sentences come, then its own. That is the order a
    // list of both directions per sentence had, so the sums are bit for bit the same.
    let mut out_weight = vec![0.0f64; count];
    for i in 0..count {
        for l in links_of(i) {
            let (j, w) = (link_to[l] as usize, from_later[l]);
            out_weight[i] += w;
            out_weight[j] += w;
        }
    }
    // Each link's factors `DAMPING * w / out_weight[other]` are the same in every iteration:
    // computed once; the links to a sentence with no weight out do not count.
    let factor = |w: f64, out: f64| if out > 0.0 { DAMPING * w / out } else { 0.0 };
    let mut from_earlier: Vec<f64> = Vec::with_capacity(links);
    for i in 0..count {
        for l in links_of(i) {
            let j = link_to[l] as usize;
            let w = from_later[l];
            from_earlier.push(factor(w, out_weight[i]));
            from_later[l] = factor(w, out_weight[j]);
        }
    }
    let mut score = vec![1.0f64; count];
    let mut next = vec![0.0f64; count];
    for _ in 0..100 {
        next.fill(1.0 - DAMPING);
        for i in 0..count {
            // The links of sentence i go to later sentences only, so nothing else adds to
            // next[i] in this loop: it is summed in a register, in the same order.
            let (own, links) = (score[i], links_of(i));
            let mut sum = next[i];
            for ((&j, &later), &earlier) in link_to[links.clone()]
                .iter()
                .zip(&from_later[links.clone()])
                .zip(&from_earlier[links])
            {
                let j = j as usize;
                sum += later * score[j];
                next[j] += earlier * own;
            }
            next[i] = sum;
        }
        let delta = next
            .iter()
            .zip(&score)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        std::mem::swap(&mut score, &mut next);
        if delta < 1e-6 {
            break;
        }
    }
    score
}

/// Calls `visit(j, shared)` for each sentence `j > i` that shares keys with sentence `i`
/// (whose keys are `keys`; `postings(k)`: the sentences holding key `k`, ascending), with the
/// number of keys they share, `j` ascending. `shared` (a count per sentence) and `met` (a bit
/// per sentence) are all zero before and after.
fn later_links<'p>(
    i: usize,
    keys: &[u32],
    postings: &impl Fn(u32) -> &'p [u32],
    (shared, met): (&mut [u32], &mut [u64]),
    mut visit: impl FnMut(usize, u32),
) {
    // The linked sentences are the bits set as they are met: reading the bits 64 at a time,
    // in order, costs less than sorting the list of them or looking at every sentence between
    // the first and the last one met (often most of the sentences).
    for &k in keys {
        let holding = postings(k);
        let later = holding.partition_point(|&j| j as usize <= i);
        for &j in holding.get(later..).unwrap_or_default() {
            let j = j as usize;
            if let Some(n) = shared.get_mut(j) {
                *n += 1;
            }
            if let Some(bits) = met.get_mut(j / 64) {
                *bits |= 1 << (j % 64);
            }
        }
    }
    for (w, bits) in met.iter_mut().enumerate().skip((i + 1) / 64) {
        let mut left = std::mem::take(bits);
        while left != 0 {
            let j = w * 64 + left.trailing_zeros() as usize;
            left &= left - 1;
            if let Some(n) = shared.get_mut(j) {
                visit(j, *n);
                *n = 0;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{scores, DAMPING};
    use crate::frequency::{LanguageRuns, WordTable};
    use crate::lang::Language;
    use crate::normalize::FoldLevel;
    use crate::{analyze, sentence::sentences, token::tokenize, Options};
    use proptest::prelude::*;

    /// The scores by the rules, over every pair of sentences: each sentence's links in order
    /// of the other sentence, as every sum of `scores` takes them.
    fn scores_by_the_rules(table: &WordTable<'_>, count: usize) -> Vec<f64> {
        let bags: Vec<Vec<u32>> = (0..count)
            .map(|i| {
                let mut bag: Vec<u32> = table.words[table.sentence_words(i)]
                    .iter()
                    .map(|w| table.folded_of(w))
                    .filter(|&k| !table.is_stop(k))
                    .collect();
                bag.sort_unstable();
                bag.dedup();
                bag
            })
            .collect();
        let ln_len: Vec<f64> = bags.iter().map(|b| ((1 + b.len()) as f64).ln()).collect();
        let weight = |i: usize, j: usize| {
            let shared = bags[i].iter().filter(|k| bags[j].contains(k)).count();
            // As `scores` computes it: from the earlier sentence.
            let (a, b) = (i.min(j), i.max(j));
            (shared > 0).then(|| shared as f64 / (ln_len[a] + ln_len[b]))
        };
        let links: Vec<Vec<(usize, f64)>> = (0..count)
            .map(|i| {
                (0..count)
                    .filter(|&j| j != i)
                    .filter_map(|j| weight(i, j).map(|w| (j, w)))
                    .collect()
            })
            .collect();
        let out: Vec<f64> = links
            .iter()
            .map(|l| l.iter().fold(0.0, |sum, &(_, w)| sum + w))
            .collect();
        let mut score = vec![1.0f64; count];
        for _ in 0..100 {
            let next: Vec<f64> = links
                .iter()
                .map(|l| {
                    l.iter().fold(1.0 - DAMPING, |sum, &(j, w)| {
                        let factor = if out[j] > 0.0 {
                            DAMPING * w / out[j]
                        } else {
                            0.0
                        };
                        sum + factor * score[j]
                    })
                })
                .collect();
            let delta = next
                .iter()
                .zip(&score)
                .map(|(a, b)| (a - b).abs())
                .fold(0.0, f64::max);
            score = next;
            if delta < 1e-6 {
                break;
            }
        }
        score
    }

    proptest! {
        /// Links stored once and summed in both directions give the scores, bit for bit, of
        /// every link summed sentence by sentence (up to ~100 sentences: more than one word of
        /// the bits `later_links` sets).
        #[test]
        fn scores_equal_the_rules_bit_for_bit(
            picks in proptest::collection::vec(0usize..14, 0..700),
        ) {
            const WORDS: [&str; 14] = [
                "cloud", "contract", "Amazon", "rain", "the", "of", ".", ".", "vote", "city",
                "قال", "وزير", "المالية", "\n\n",
            ];
            let text = picks.iter().map(|&i| WORDS[i]).collect::<Vec<_>>().join(" ");
            let tokens = tokenize(&text);
            let s = sentences(&text, &tokens);
            let table = WordTable::new(
                &text,
                &tokens,
                &s,
                FoldLevel::Folded,
                &LanguageRuns::uniform(Language::English),
            );
            let got: Vec<u64> = scores(&table, s.len()).iter().map(|x| x.to_bits()).collect();
            let want: Vec<u64> = scores_by_the_rules(&table, s.len())
                .iter()
                .map(|x| x.to_bits())
                .collect();
            prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn summary_is_in_article_order_and_bounded() {
        let text = "One. Two three. Three four. Four five three.";
        let a = analyze(
            text,
            &Options {
                summary_sentences: 10,
                ..Options::default()
            },
        );
        assert_eq!(a.summary, [0, 1, 2, 3]);
        let b = analyze("", &Options::default());
        assert!(b.summary.is_empty());
    }
}
