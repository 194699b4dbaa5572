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
    // Sparse symmetric weights. ln(1 + |bag|) once per sentence, not once per link. The links
    // are enumerated twice, from their earlier sentence (see `later_links`): once to count
    // each sentence's, once to fill them in. Stored between the two, they were a list grown by
    // doubling (244,000 links at 5 MB of Arabic) whose copies stayed as holes in wasm memory.
    let ln_len: Vec<f64> = (0..count)
        .map(|i| ((1 + bag(i).len()) as f64).ln())
        .collect();
    let mut shared = vec![0u32; count];
    let postings = |k: u32| &post[post_start[k as usize]..post_start[k as usize + 1]];
    let mut degree = vec![0usize; count];
    for i in 0..count {
        later_links(i, bag(i), &postings, &mut shared, |j, _| {
            degree[i] += 1;
            degree[j] += 1;
        });
    }
    // Both directions of every link, flat (CSR): sentence i's links are in order of the other
    // sentence (those before i come from earlier sentences' links, then i's own), the order a
    // list per sentence filled link by link had, so every sum below is bit for bit the same as
    // with those lists, without their doubling growth (tens of MB for 2,000 long sentences).
    // The other sentence and the weight of each link are two lists (12 bytes a link, not 16 for
    // a padded pair).
    let mut link_start: Vec<usize> = Vec::with_capacity(count + 1);
    link_start.push(0);
    for d in &degree {
        link_start.push(link_start.last().copied().unwrap_or(0) + d);
    }
    drop(degree);
    let mut fill: Vec<usize> = link_start[..count].to_vec();
    let mut link_to: Vec<u32> = vec![0; link_start[count]];
    let mut link_weight: Vec<f64> = vec![0.0; link_start[count]];
    for i in 0..count {
        later_links(i, bag(i), &postings, &mut shared, |j, n| {
            let w = n as f64 / (ln_len[i] + ln_len[j]);
            link_to[fill[i]] = j as u32;
            link_weight[fill[i]] = w;
            fill[i] += 1;
            link_to[fill[j]] = i as u32;
            link_weight[fill[j]] = w;
            fill[j] += 1;
        });
    }
    drop(post);
    drop(shared);
    let out_weight: Vec<f64> = link_start
        .windows(2)
        .map(|r| link_weight[r[0]..r[1]].iter().sum())
        .collect();
    // Each link's factor `DAMPING * w / out_weight[j]` is the same in every iteration: computed
    // once (as the same operations in the same order, so the scores are bit for bit the same);
    // the links to a sentence with no weight out do not count.
    for (&j, w) in link_to.iter().zip(&mut link_weight) {
        let out = out_weight[j as usize];
        *w = if out > 0.0 { DAMPING * *w / out } else { 0.0 };
    }
    let mut score = vec![1.0f64; count];
    let mut next = vec![0.0f64; count];
    for _ in 0..100 {
        next.fill(1.0 - DAMPING);
        for (i, window) in link_start.windows(2).enumerate() {
            let (to, factors) = (
                &link_to[window[0]..window[1]],
                &link_weight[window[0]..window[1]],
            );
            for (&j, &factor) in to.iter().zip(factors) {
                next[i] += factor * score[j as usize];
            }
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

/// Calls `visit(j, shared)` for each sentence `j > i` that shares keys with sentence `i`
/// (whose keys are `keys`; `postings(k)`: the sentences holding key `k`, ascending), with the
/// number of keys they share, `j` ascending. `shared` is all zero before and after.
fn later_links<'p>(
    i: usize,
    keys: &[u32],
    postings: &impl Fn(u32) -> &'p [u32],
    shared: &mut [u32],
    mut visit: impl FnMut(usize, u32),
) {
    // The linked sentences lie between the first and the last one met: scanning that range in
    // order costs less than sorting the list of them (often most of the sentences).
    let (mut low, mut high) = (usize::MAX, 0usize);
    for &k in keys {
        for &j in postings(k) {
            let j = j as usize;
            if j > i {
                shared[j] += 1;
                low = low.min(j);
                high = high.max(j);
            }
        }
    }
    for j in low..=high.min(shared.len().saturating_sub(1)) {
        if shared[j] == 0 {
            continue;
        }
        visit(j, shared[j]);
        shared[j] = 0;
    }
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Options};

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
