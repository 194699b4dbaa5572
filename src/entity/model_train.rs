//! Training the tagger: an averaged perceptron over the decoder's own tag history.
//!
//! Rules:
//! 1. Each sentence is decoded greedily with the current weights, exactly as at run time; where
//!    the predicted tag differs from the gold one, the gold tag's weights of that token's
//!    features go up by one and the predicted tag's down by one.
//! 2. Sentences are visited in a fresh deterministic shuffle each epoch.
//! 3. With a beam (Arabic), each sentence is searched with the beam instead, as the decoder
//!    does; as soon as the gold tags fall out of the beam (or the best full sequence is not the
//!    gold one), the gold prefix's features go up and the best prefix's down, at the tokens
//!    where tag or history differ (early update).
//! 4. The model kept is the average of the weights over every step (the usual lazy-update
//!    trick), which generalizes far better than the last weights.
//!
//! Pure: sentences in, weights out. The `train-ner` command reads the corpora and writes the file.

use super::features::{
    history_features, static_features, tag_history, SentenceContext, TokenView, WordPieces,
    IDENTITY,
};
use super::model::{best, bucket, TAGS};
use crate::lang::Language;

/// One training sentence: token views and gold tags.
#[derive(Debug, Clone)]
pub struct Example {
    /// The tokens as the tagger sees them.
    pub views: Vec<TokenView>,
    /// Their words' pieces.
    pub pieces: Vec<WordPieces>,
    /// The gold tag of each token.
    pub tags: Vec<usize>,
}

/// Dense training weights with their running sums for averaging.
pub struct Trainer {
    bits: u32,
    weights: Vec<f32>,
    totals: Vec<f32>,
    stamps: Vec<u32>,
    step: u32,
    language: Language,
    /// Percent of tokens whose word-identity features are dropped in training.
    pub dropout: u64,
    /// Beam width for structured training with early update (1 = greedy).
    pub beam: usize,
    /// When set, only these static features are trained (the others are dropped in training;
    /// see [`Trainer::keep_frequent`]).
    keep: Option<std::collections::HashSet<u64>>,
    rng: u64,
}

struct Dense<'a>(&'a [f32], u32);

impl Dense<'_> {
    fn add(&self, feature: u64, scores: &mut [f32; TAGS]) {
        let at = bucket(feature, self.1) * TAGS;
        for (s, w) in scores.iter_mut().zip(&self.0[at..at + TAGS]) {
            *s += w;
        }
    }
}

impl Trainer {
    /// A trainer with `2^bits` buckets for `language`.
    pub fn new(bits: u32, language: Language) -> Trainer {
        let n = (1usize << bits) * TAGS;
        Trainer {
            bits,
            weights: vec![0.0; n],
            totals: vec![0.0; n],
            stamps: vec![0; n],
            step: 0,
            language,
            dropout: 0,
            beam: 1,
            keep: None,
            rng: 0x2545_f491_4f6c_dd1d,
        }
    }

    /// Trains only the static features seen in at least `min_count` tokens of `examples`:
    /// rare ones (mostly word pairs seen once) would only take buckets and add noise.
    pub fn keep_frequent(&mut self, examples: &[Example], min_count: u32) {
        if min_count <= 1 {
            self.keep = None;
            return;
        }
        let mut counts: std::collections::HashMap<u64, u32> = std::collections::HashMap::new();
        let mut feats = Vec::new();
        for ex in examples {
            let context = SentenceContext::of(&ex.views);
            for i in 0..ex.views.len() {
                feats.clear();
                static_features(&ex.views, &ex.pieces, i, self.language, context, &mut feats);
                for &f in &feats {
                    *counts.entry(f).or_default() += 1;
                }
            }
        }
        self.keep = Some(
            counts
                .into_iter()
                .filter(|&(_, c)| c >= min_count)
                .map(|(f, _)| f)
                .collect(),
        );
    }

    fn filter(&self, feats: &mut Vec<u64>, from: usize) {
        if let Some(keep) = &self.keep {
            let mut j = from;
            for i in from..feats.len() {
                if keep.contains(&feats[i]) {
                    feats[j] = feats[i];
                    j += 1;
                }
            }
            feats.truncate(j);
        }
    }

    fn update(&mut self, feature: u64, tag: usize, delta: f32) {
        let i = bucket(feature, self.bits) * TAGS + tag;
        let elapsed = (self.step - self.stamps[i]) as f32;
        self.totals[i] += elapsed * self.weights[i];
        self.stamps[i] = self.step;
        self.weights[i] += delta;
    }

    fn features_at(&self, ex: &Example, i: usize, tags: &[usize], out: &mut Vec<u64>) {
        out.clear();
        let context = SentenceContext::of(&ex.views);
        static_features(&ex.views, &ex.pieces, i, self.language, context, out);
        self.filter(out, 0);
        let (h1, h2) = tag_history(tags.get(..i).unwrap_or(&[]));
        history_features(&ex.views[i], h1, h2, self.language, out);
    }

    /// One structured pass with beam search and early update; returns the token error count.
    fn epoch_beam(&mut self, examples: &[Example], order: &[usize]) -> usize {
        let mut errors = 0;
        let mut feats = Vec::new();
        for &e in order {
            let ex = &examples[e];
            let n = ex.views.len();
            let mut beam: Vec<(f32, Vec<usize>)> = vec![(0.0, Vec::new())];
            let mut fail: Option<(usize, Vec<usize>)> = None;
            for i in 0..n {
                let mut next: Vec<(f32, usize, usize)> = Vec::new();
                for (b, (score, tags)) in beam.iter().enumerate() {
                    self.features_at(ex, i, tags, &mut feats);
                    let mut scores = [0f32; TAGS];
                    let dense = Dense(&self.weights, self.bits);
                    for &f in &feats {
                        dense.add(f, &mut scores);
                    }
                    let p1 = tags.last().copied();
                    for (t, &s) in scores.iter().enumerate() {
                        if super::model::allowed(p1, t) {
                            next.push((score + s, b, t));
                        }
                    }
                }
                next.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
                next.truncate(self.beam);
                beam = next
                    .into_iter()
                    .map(|(s, b, t)| {
                        let mut tags = beam[b].1.clone();
                        tags.push(t);
                        (s, tags)
                    })
                    .collect();
                let gold = &ex.tags[..=i];
                if !beam.iter().any(|(_, t)| t.as_slice() == gold) {
                    fail = Some((i + 1, beam[0].1.clone()));
                    break;
                }
            }
            let (len, pred) = match fail {
                Some(f) => f,
                None => {
                    let best = beam[0].1.clone();
                    if best == ex.tags {
                        self.step += n as u32;
                        continue;
                    }
                    (n, best)
                }
            };
            let mut gfeats = Vec::new();
            for i in 0..len {
                self.step += 1;
                let same = pred[i] == ex.tags[i]
                    && (i < 1 || pred[i - 1] == ex.tags[i - 1])
                    && (i < 2 || pred[i - 2] == ex.tags[i - 2]);
                if same {
                    continue;
                }
                if pred[i] != ex.tags[i] {
                    errors += 1;
                }
                self.features_at(ex, i, &ex.tags, &mut gfeats);
                self.features_at(ex, i, &pred, &mut feats);
                for &f in &gfeats {
                    self.update(f, ex.tags[i], 1.0);
                }
                for &f in &feats {
                    self.update(f, pred[i], -1.0);
                }
            }
            self.step += (n - len) as u32;
        }
        errors
    }

    /// One pass over `examples` in the order of `order`; returns the token error count.
    pub fn epoch(&mut self, examples: &[Example], order: &[usize]) -> usize {
        if self.beam > 1 {
            return self.epoch_beam(examples, order);
        }
        let mut errors = 0;
        let mut feats = Vec::new();
        for &e in order {
            let ex = &examples[e];
            let mut tags: Vec<usize> = Vec::with_capacity(ex.views.len());
            let context = SentenceContext::of(&ex.views);
            for i in 0..ex.views.len() {
                self.step += 1;
                feats.clear();
                static_features(&ex.views, &ex.pieces, i, self.language, context, &mut feats);
                self.filter(&mut feats, 0);
                if self.dropout > 0 {
                    self.rng ^= self.rng << 13;
                    self.rng ^= self.rng >> 7;
                    self.rng ^= self.rng << 17;
                    if self.rng % 100 < self.dropout {
                        // Word dropout: learn to tag this token from its context and affixes.
                        feats.drain(IDENTITY);
                    }
                }
                let p1 = tags.last().copied();
                let (h1, h2) = tag_history(&tags);
                history_features(&ex.views[i], h1, h2, self.language, &mut feats);
                let mut scores = [0f32; TAGS];
                let dense = Dense(&self.weights, self.bits);
                for &f in &feats {
                    dense.add(f, &mut scores);
                }
                let guess = best(&scores, p1);
                let gold = ex.tags[i];
                if guess != gold {
                    errors += 1;
                    for &f in &feats {
                        self.update(f, gold, 1.0);
                        self.update(f, guess, -1.0);
                    }
                }
                tags.push(guess);
            }
        }
        errors
    }

    /// The averaged weights so far.
    pub fn averaged(&self) -> Vec<f32> {
        let step = self.step.max(1) as f32;
        self.weights
            .iter()
            .zip(&self.totals)
            .zip(&self.stamps)
            .map(|((&w, &t), &s)| (t + (self.step - s) as f32 * w) / step)
            .collect()
    }
}

/// A deterministic shuffle (xorshift) of `0..n` for epoch `seed`.
pub fn shuffled(n: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    for i in (1..n).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        order.swap(i, (x % (i as u64 + 1)) as usize);
    }
    order
}
