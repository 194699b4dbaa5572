//! Training the tagger: an averaged perceptron over the decoder's own tag history.
//!
//! Rules:
//! 1. Each sentence is decoded greedily with the current weights, exactly as at run time; where
//!    the predicted tag differs from the gold one, the gold tag's weights of that token's
//!    features go up by one and the predicted tag's down by one.
//! 2. Sentences are visited in a fresh deterministic shuffle each epoch.
//! 3. The model kept is the average of the weights over every step (the usual lazy-update
//!    trick), which generalizes far better than the last weights.
//!
//! Pure: sentences in, weights out. The `train-ner` command reads the corpora and writes the file.

use super::features::{
    history_features, static_features, SentenceContext, TokenView, HISTORY_START, IDENTITY,
};
use super::model::{best, bucket, Weights, TAGS};
use crate::lang::Language;

/// One training sentence: token views and gold tags.
#[derive(Debug, Clone)]
pub struct Example {
    /// The tokens as the tagger sees them.
    pub views: Vec<TokenView>,
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
    rng: u64,
}

struct Dense<'a>(&'a [f32], u32);

impl Weights for Dense<'_> {
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
            rng: 0x2545_f491_4f6c_dd1d,
        }
    }

    fn update(&mut self, feature: u64, tag: usize, delta: f32) {
        let i = bucket(feature, self.bits) * TAGS + tag;
        let elapsed = (self.step - self.stamps[i]) as f32;
        self.totals[i] += elapsed * self.weights[i];
        self.stamps[i] = self.step;
        self.weights[i] += delta;
    }

    /// One pass over `examples` in the order of `order`; returns the token error count.
    pub fn epoch(&mut self, examples: &[Example], order: &[usize]) -> usize {
        let mut errors = 0;
        let mut feats = Vec::new();
        for &e in order {
            let ex = &examples[e];
            let mut tags: Vec<usize> = Vec::with_capacity(ex.views.len());
            let context = SentenceContext::of(&ex.views);
            for i in 0..ex.views.len() {
                self.step += 1;
                feats.clear();
                static_features(&ex.views, i, self.language, context, &mut feats);
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
                let p2 = if i >= 2 {
                    tags.get(i - 2).copied()
                } else {
                    None
                };
                history_features(
                    &ex.views[i],
                    p1.map_or(HISTORY_START, |t| t as u64),
                    p2.map_or(HISTORY_START, |t| t as u64),
                    self.language,
                    &mut feats,
                );
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
