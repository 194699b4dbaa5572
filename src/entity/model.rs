//! The tagger's model: hashed feature weights, and left-to-right decoding over BIO tags.
//!
//! Rules:
//! 1. Tags are `O`, then `B-` and `I-` for each kind of [`super::gazetteer::KINDS`]
//!    (person, organization, location, misc): 9 tags.
//! 2. A feature's 64-bit hash picks one of `2^bits` buckets by its high bits; each bucket holds
//!    one weight per tag. A token's tag scores are the sums over its features, in the model's
//!    integer units ([`TagScores`]): exact, so the decoder sums a word's features once per
//!    document and a tag pair's once per model, and gets what summing each feature would.
//! 3. Decoding goes left to right; each token's features include the two tags before it
//!    ([`super::features::history_features`]); `I-X` may only follow `B-X` or `I-X`. English is
//!    decoded greedily; Arabic by a beam of 4 over the summed scores (its model is trained so),
//!    which let a name's later words correct its first (+3 F1 points on the Arabic dev slice).
//!    The greedy decoder tags `O` without asking the model a token in a *quiet stretch*: it and
//!    every token within two of it (as far as any feature reads) are plain — small letters, a
//!    number or a common mark ([`TokenView::plain`]) and in no gazetteer match — and the two
//!    tags before it are `O`. Its features then read nothing a name is made of, and no name
//!    goes on into it (`I-` needs a name before it): the model could only begin a mention on
//!    it, which rule 5 of [`super::named`] would trim (a Latin mention starts on a capital).
//!    Measured (and tested on the data where present): the entities are the same with and
//!    without, on the 2,095 BBC articles, CoNLL-2003 train and testa and the UD English EWT and
//!    GUM dev texts; over half the tokens of English news are in such stretches (55% of
//!    `en-100kb`), and its whole analysis takes 10% fewer instructions.
//! 4. The file format (little-endian): magic `NERM`, version, `bits`, tag count, bytes per
//!    weight; for one-byte weights the `f32` step of code 1 and the count of exceptions.
//!    Version 2 (sparse, what `train-ner` writes) then has the exceptions' `f32` weights in the
//!    order of their codes; a bitmap of the buckets with a non-zero code (bit `b % 8` of byte
//!    `b / 8`); each such bucket's mask of non-zero tags in two planes (all the low bytes, then
//!    the ninth bits packed eight to a byte); then the non-zero codes bucket by bucket, tag by
//!    tag. Most buckets and most codes are zero (the 16-bit Arabic model of before: 30,181 of
//!    65,536 buckets, 60,394 of 589,824 codes, so 102 KB instead of 590 KB, and 69 KB instead of
//!    85 KB gzipped: runs of zeros compress well but not to nothing); the shipped Arabic model,
//!    at 19 bits (36,140 of 524,288 buckets, 67,136 codes), is 173 KB where dense it would be
//!    4.7 MB. Version 1 (dense, still read;
//!    `train-ner --convert` rewrites it) has the exceptions as (`u32` index, `f32` weight), then
//!    every code bucket by bucket, tag by tag; two-byte weights (`train-ner --width 2`) are
//!    version 1 with no step: `i16`s scaled so the largest is 32767. Either version decodes
//!    once into the same table of non-zero rows ([`Model`]), so scores do not depend on it.
//!    Weights are the averaged perceptron's: one-byte codes are linear with a step that fits
//!    99% of them; the largest 1% (bias-like features) are kept exactly as exceptions (code
//!    -128).
//!    Measured against this layout (gzip -9, both models): gaps between buckets instead of the
//!    bitmap, one bit plane per tag instead of the masks, or the codes tag by tag are 0.3–3 KB
//!    larger; the exceptions' indices (version 1) are implied by their codes' places.

use super::features::{
    context_features_of, tag_history, tag_pair_features, tag_word_features, word_features, ByWord,
    Part, SentenceContext, TokenView, WordPieces, HISTORY_START, NO_WORD,
};
use crate::lang::Language;

/// Number of tags: `O` plus `B-`/`I-` for four kinds.
pub const TAGS: usize = 9;

/// The kind index (0..4) of tag `t`, or `None` for `O`.
pub fn tag_kind(t: usize) -> Option<usize> {
    match t {
        1..=4 => Some(t - 1),
        5..=8 => Some(t - 5),
        _ => None,
    }
}

/// True when tag `t` begins an entity (`B-`).
pub fn tag_begins(t: usize) -> bool {
    (1..=4).contains(&t)
}

/// The `B-` tag of kind `k`.
pub fn begin_tag(k: usize) -> usize {
    1 + k
}

/// The `I-` tag of kind `k`.
pub fn inside_tag(k: usize) -> usize {
    5 + k
}

/// True when tag `t` may follow tag `prev` (`None` at the sentence start).
pub fn allowed(prev: Option<usize>, t: usize) -> bool {
    match t {
        5..=8 => prev.is_some_and(|p| tag_kind(p) == tag_kind(t)),
        _ => true,
    }
}

/// Anything that gives tag scores for feature hashes.
pub trait Weights {
    /// Adds the weights of each of `features` to `scores`.
    fn add_all(&self, features: &[u64], scores: &mut TagScores);
}

/// Weights per row of the table: natively the nine tags padded to sixteen, so a row is 32
/// aligned bytes (never across two cache lines) and its sums vectorize; in WebAssembly (no
/// SIMD) the nine tags alone.
#[cfg(not(target_arch = "wasm32"))]
const ROW: usize = 16;
#[cfg(target_arch = "wasm32")]
const ROW: usize = TAGS;

/// One bucket's weights (the padding lanes are zero).
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(C, align(32))]
struct Row([i16; ROW]);
#[cfg(target_arch = "wasm32")]
#[derive(Debug, Clone, Copy, PartialEq)]
struct Row([i16; ROW]);

/// A token's score for each tag in the model's units: the sum of its features' `i16` weights.
/// The model's scale is one positive factor for every weight, so these order the tags (and a
/// beam's hypotheses) exactly as the real scores do; and integer sums are exact, so a score
/// does not depend on the order in which its features were added (the decoder adds a word's
/// features once per document, a tag pair's once per model). The lanes past [`TAGS`] are zero.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TagScores([i32; ROW]);

impl TagScores {
    /// The scores of the [`TAGS`] tags.
    pub fn tags(&self) -> &[i32] {
        &self.0[..TAGS]
    }

    /// Adds `other`'s scores to these.
    #[inline]
    fn add(&mut self, other: &TagScores) {
        for (s, &o) in self.0.iter_mut().zip(&other.0) {
            *s += o;
        }
    }
}

/// Which of 64 buckets hold a non-zero row, and how many non-zero rows come before them.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Block {
    occupied: u64,
    before: u32,
}

/// A loaded model: the weights decoded once into `i16` rows with one scale, one row per
/// non-zero bucket (in bucket order, after a zero row for the empty buckets), and an index of
/// 64 buckets per `Block`. Most buckets are empty (see rule 4), so the rows are a fraction of
/// a dense table (the shipped Arabic model, 19 bits: 36,141 rows, 1.2 MB natively instead of
/// 16.8 MB, plus a 128 KB index): they
/// stay in the cache where a dense table missed it. A lookup is branch-free: the bucket's bit
/// and the count of set bits below it give its row, or the zero row.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    bits: u32,
    scale: f32,
    index: Vec<Block>,
    rows: Vec<Row>,
}

/// The index and rows of [`Model`] for `2^bits` buckets from the weights of the buckets that
/// have any, in ascending bucket order (a bucket whose weights are all zero gets no row).
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
fn compact(
    bits: u32,
    buckets: impl Iterator<Item = (usize, [i16; TAGS])>,
) -> (Vec<Block>, Vec<Row>) {
    let empty = Block {
        occupied: 0,
        before: 0,
    };
    let mut index = vec![empty; (1usize << bits).div_ceil(64)];
    let mut rows = Vec::with_capacity(buckets.size_hint().0 + 1);
    rows.push(Row([0; ROW]));
    for (b, weights) in buckets {
        if let Some(block) = index.get_mut(b / 64) {
            if weights.iter().any(|&w| w != 0) {
                block.occupied |= 1 << (b % 64);
                let mut row = [0i16; ROW];
                row[..TAGS].copy_from_slice(&weights);
                rows.push(Row(row));
            }
        }
    }
    let mut before = 0;
    for block in &mut index {
        block.before = before;
        before += block.occupied.count_ones();
    }
    (index, rows)
}

/// Why a model file could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModelError {
    /// Not a model file, or of another version.
    BadHeader,
    /// The weights are not as long as the header says.
    BadLength,
}

/// A model file with one-byte codes, read but not yet scaled: the step of code 1, the
/// exceptions (index into the dense codes: bucket × `TAGS` + tag; weight) in index order, and
/// the codes of the buckets that have a non-zero one, in bucket order (code `-128` where an
/// exception is).
#[derive(Debug, Clone, PartialEq)]
struct Codes {
    bits: u32,
    step: f32,
    exceptions: Vec<(usize, f32)>,
    buckets: Vec<(usize, [u8; TAGS])>,
}

/// The code that marks an exception.
const EXCEPTION: u8 = 0x80;

/// The little-endian `f32` at `at`.
fn f32_at(bytes: &[u8], at: usize) -> Result<f32, ModelError> {
    bytes
        .get(at..at + 4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .ok_or(ModelError::BadLength)
}

/// The file's header: (version, bits, bytes per weight).
fn header(bytes: &[u8]) -> Result<(u8, u32, usize), ModelError> {
    let header = bytes.get(..8).ok_or(ModelError::BadHeader)?;
    let (version, bits, width) = (header[4], u32::from(header[5]), usize::from(header[7]));
    if &header[..4] != b"NERM"
        || usize::from(header[6]) != TAGS
        || !(8..=24).contains(&bits)
        || !matches!((version, width), (1, 1) | (1, 2) | (2, 1))
    {
        return Err(ModelError::BadHeader);
    }
    Ok((version, bits, width))
}

impl Codes {
    /// Reads a file of one-byte codes, either version.
    fn read(bytes: &[u8]) -> Result<Codes, ModelError> {
        let (version, bits, width) = header(bytes)?;
        if width != 1 {
            return Err(ModelError::BadHeader);
        }
        let n = (1usize << bits) * TAGS;
        let step = f32_at(bytes, 8)?;
        let count = f32_at(bytes, 12)?.to_bits() as usize;
        if version == 1 {
            let end = count
                .checked_mul(8)
                .and_then(|n| n.checked_add(16))
                .ok_or(ModelError::BadLength)?;
            let list = bytes.get(16..end).ok_or(ModelError::BadLength)?;
            let codes = bytes.get(end..).ok_or(ModelError::BadLength)?;
            if codes.len() != n {
                return Err(ModelError::BadLength);
            }
            let mut exceptions: Vec<(usize, f32)> = list
                .chunks_exact(8)
                .map(|e| {
                    let index = u32::from_le_bytes([e[0], e[1], e[2], e[3]]) as usize;
                    (index, f32::from_le_bytes([e[4], e[5], e[6], e[7]]))
                })
                .filter(|&(index, _)| index < n)
                .collect();
            exceptions.sort_by_key(|&(index, _)| index);
            let mut exception = exceptions.iter().peekable();
            let mut buckets = Vec::new();
            for (b, codes) in codes.chunks_exact(TAGS).enumerate() {
                let mut row = [0u8; TAGS];
                row.copy_from_slice(codes);
                // An exception's code is -128 (as `encode` writes it), whatever the file says.
                while let Some(&(index, _)) = exception.next_if(|&&(i, _)| i < (b + 1) * TAGS) {
                    if let Some(code) = row.get_mut(index.wrapping_sub(b * TAGS)) {
                        *code = EXCEPTION;
                    }
                }
                if row.iter().any(|&c| c != 0) {
                    buckets.push((b, row));
                }
            }
            return Ok(Codes {
                bits,
                step,
                exceptions,
                buckets,
            });
        }
        let sparse = Sparse::parse(bytes, bits)?;
        /// The codes of each bucket, the exceptions by index into the dense codes.
        struct Read {
            row: [u8; TAGS],
            buckets: Vec<(usize, [u8; TAGS])>,
            exceptions: Vec<(usize, f32)>,
        }
        impl Visit for Read {
            fn cell(&mut self, b: usize, t: usize, code: u8, weight: f32) {
                if let Some(slot) = self.row.get_mut(t) {
                    *slot = code;
                }
                if code == EXCEPTION {
                    self.exceptions.push((b * TAGS + t, weight));
                }
            }
            fn bucket(&mut self, b: usize) {
                self.buckets.push((b, std::mem::take(&mut self.row)));
            }
        }
        let mut read = Read {
            row: [0; TAGS],
            buckets: Vec::with_capacity(sparse.occupied),
            exceptions: Vec::with_capacity(count),
        };
        sparse.walk(&mut read)?;
        Ok(Codes {
            bits,
            step,
            exceptions: read.exceptions,
            buckets: read.buckets,
        })
    }

    /// The file in version 2 (see the module rules).
    fn write(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(b"NERM");
        out.extend_from_slice(&[2, self.bits as u8, TAGS as u8, 1]);
        out.extend_from_slice(&self.step.to_le_bytes());
        out.extend_from_slice(&(self.exceptions.len() as u32).to_le_bytes());
        for &(_, w) in &self.exceptions {
            out.extend_from_slice(&w.to_le_bytes());
        }
        let rows = &self.buckets;
        let mut bitmap = vec![0u8; (1usize << self.bits) / 8];
        let mut high = vec![0u8; rows.len().div_ceil(8)];
        let mut low = Vec::with_capacity(rows.len());
        let mut values = Vec::new();
        for (i, &(b, row)) in rows.iter().enumerate() {
            if let Some(byte) = bitmap.get_mut(b / 8) {
                *byte |= 1 << (b % 8);
            }
            let mask = row
                .iter()
                .enumerate()
                .filter(|(_, &c)| c != 0)
                .fold(0u16, |m, (t, _)| m | 1 << t);
            low.push(mask as u8);
            high[i / 8] |= ((mask >> 8) as u8) << (i % 8);
            values.extend(row.iter().copied().filter(|&c| c != 0));
        }
        out.extend_from_slice(&bitmap);
        out.extend_from_slice(&low);
        out.extend_from_slice(&high);
        out.extend_from_slice(&values);
        out
    }

    /// The decoded model: one `i16` table with one scale.
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    fn model(&self) -> Model {
        let (scale, by_code) = code_weights(self.step, self.exceptions.iter().map(|&(_, w)| w));
        // Exceptions are in index order (see `Codes`), like the buckets.
        let mut exceptions = self.exceptions.iter().peekable();
        let buckets = self.buckets.iter().map(|&(b, codes)| {
            let mut weights = [0i16; TAGS];
            for (w, c) in weights.iter_mut().zip(codes) {
                *w = by_code[usize::from(c)];
            }
            while let Some(&(index, w)) = exceptions.next_if(|&&(i, _)| i < (b + 1) * TAGS) {
                if let Some(slot) = weights.get_mut(index.wrapping_sub(b * TAGS)) {
                    *slot = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
                }
            }
            (b, weights)
        });
        let (index, rows) = compact(self.bits, buckets);
        Model {
            bits: self.bits,
            scale,
            index,
            rows,
        }
    }
}

impl Model {
    /// Reads a model from the bytes of its file (either version; in WebAssembly version 2
    /// only, the version the crate ships: the page carries no reader it never uses).
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let (version, bits, width) = header(bytes)?;
        if version == 2 {
            return read_sparse(bytes, bits);
        }
        Model::from_version_1(bytes, bits, width)
    }

    /// A version 1 file is refused in WebAssembly (see [`Model::from_bytes`]).
    #[cfg(target_arch = "wasm32")]
    fn from_version_1(_: &[u8], _: u32, _: usize) -> Result<Model, ModelError> {
        Err(ModelError::BadHeader)
    }

    /// Reads a version 1 file: one-byte codes or dense `i16` weights.
    #[cfg(not(target_arch = "wasm32"))]
    fn from_version_1(bytes: &[u8], bits: u32, width: usize) -> Result<Model, ModelError> {
        if width == 1 {
            return Ok(Codes::read(bytes)?.model());
        }
        let raw = bytes.get(8..).ok_or(ModelError::BadLength)?;
        if raw.len() != 2 * (1usize << bits) * TAGS {
            return Err(ModelError::BadLength);
        }
        let buckets = raw.chunks_exact(2 * TAGS).enumerate().map(|(b, bucket)| {
            let mut weights = [0i16; TAGS];
            for (w, b) in weights.iter_mut().zip(bucket.chunks_exact(2)) {
                *w = i16::from_le_bytes([b[0], b[1]]);
            }
            (b, weights)
        });
        let (index, rows) = compact(bits, buckets);
        Ok(Model {
            bits,
            scale: 1.0,
            index,
            rows,
        })
    }

    /// The number of hash bits.
    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// The row of `feature`'s bucket (the zero row for an empty bucket).
    #[inline]
    fn row(&self, feature: u64) -> Option<&Row> {
        let b = bucket(feature, self.bits);
        let block = self.index.get(b / 64)?;
        let bit = b % 64;
        let below = (block.occupied & ((1u64 << bit) - 1)).count_ones() as usize;
        let here = (block.occupied >> bit & 1) as usize;
        self.rows.get((block.before as usize + below + 1) * here)
    }
}

/// A version 2 file (`bits` hash bits) taken apart: the step of code 1, the exceptions'
/// weights, the bitmap of the buckets that have a non-zero code, their tag masks (low bytes,
/// then the ninth bits) and their non-zero codes.
struct Sparse<'b> {
    step: f32,
    weights: &'b [u8],
    bitmap: &'b [u8],
    /// How many buckets the bitmap holds (set bits).
    occupied: usize,
    low: &'b [u8],
    high: &'b [u8],
    codes: &'b [u8],
}

impl<'b> Sparse<'b> {
    fn parse(bytes: &'b [u8], bits: u32) -> Result<Sparse<'b>, ModelError> {
        let step = f32_at(bytes, 8)?;
        let count = f32_at(bytes, 12)?.to_bits() as usize;
        let mut at = count
            .checked_mul(4)
            .and_then(|n| n.checked_add(16))
            .ok_or(ModelError::BadLength)?;
        let weights = bytes.get(16..at).ok_or(ModelError::BadLength)?;
        let buckets = 1usize << bits;
        let bitmap = bytes
            .get(at..at + buckets / 8)
            .ok_or(ModelError::BadLength)?;
        at += buckets / 8;
        let occupied: usize = bitmap.iter().map(|b| b.count_ones() as usize).sum();
        let low = bytes.get(at..at + occupied).ok_or(ModelError::BadLength)?;
        at += occupied;
        let high = bytes
            .get(at..at + occupied.div_ceil(8))
            .ok_or(ModelError::BadLength)?;
        at += occupied.div_ceil(8);
        let codes = bytes.get(at..).ok_or(ModelError::BadLength)?;
        Ok(Sparse {
            step,
            weights,
            bitmap,
            occupied,
            low,
            high,
            codes,
        })
    }

    /// The exceptions' weights, in file order.
    fn exception_weights(&self) -> impl Iterator<Item = f32> + '_ {
        self.weights
            .chunks_exact(4)
            .map(|w| f32::from_le_bytes([w[0], w[1], w[2], w[3]]))
    }

    /// Hands each bucket with a non-zero code, in bucket order, to `visit`: its cells
    /// (`Visit::cell`), then its end (`Visit::bucket`). A file with codes or exception weights
    /// left over, or too few of them, is refused (after the visit: what it built is to be
    /// dropped then).
    fn walk(&self, visit: &mut impl Visit) -> Result<(), ModelError> {
        let mut codes = self.codes.iter();
        let mut weights = self.weights.chunks_exact(4);
        // The buckets in order are the set bits of the bitmap, the tags of one bucket the set
        // bits of its mask; `i` counts the buckets (`low` and `high` hold `occupied` masks).
        let mut i = 0;
        for (byte_at, &byte) in self.bitmap.iter().enumerate() {
            let mut set = byte;
            while set != 0 {
                let b = byte_at * 8 + set.trailing_zeros() as usize;
                set &= set - 1;
                let (Some(&l), Some(&h)) = (self.low.get(i), self.high.get(i / 8)) else {
                    return Err(ModelError::BadLength);
                };
                let mut mask = u16::from(l) | u16::from(h >> (i % 8) & 1) << 8;
                i += 1;
                while mask != 0 {
                    let t = mask.trailing_zeros() as usize;
                    mask &= mask - 1;
                    let code = *codes.next().ok_or(ModelError::BadLength)?;
                    let weight = if code == EXCEPTION {
                        let w = weights.next().ok_or(ModelError::BadLength)?;
                        f32::from_le_bytes([w[0], w[1], w[2], w[3]])
                    } else {
                        0.0
                    };
                    visit.cell(b, t, code, weight);
                }
                visit.bucket(b);
            }
        }
        if codes.next().is_some() || weights.next().is_some() {
            return Err(ModelError::BadLength);
        }
        Ok(())
    }
}

/// What reads the buckets of a version 2 file ([`Sparse::walk`]).
trait Visit {
    /// Tag `t` of bucket `b` has `code`; `weight` is the exception's for code [`EXCEPTION`],
    /// 0 otherwise.
    fn cell(&mut self, b: usize, t: usize, code: u8, weight: f32);
    /// The current bucket, `b`, is complete.
    fn bucket(&mut self, b: usize);
}

/// The `i16` scale of a model whose codes step by `step` and whose exceptions weigh
/// `exceptions` (the largest magnitude maps to 32767), and the `i16` weight of each code under
/// it: a code's weight depends on the code alone, so 256 conversions, then one lookup each.
fn code_weights(step: f32, exceptions: impl Iterator<Item = f32>) -> (f32, [i16; 256]) {
    let max = exceptions
        .fold(127.0 * step, |m, w| m.max(w.abs()))
        .max(1e-9);
    let scale = max / 32767.0;
    let mut by_code = [0i16; 256];
    for (c, w) in by_code.iter_mut().enumerate() {
        let c = c as u8;
        if c != EXCEPTION {
            *w = (f32::from(c as i8) * step / scale).round() as i16;
        }
    }
    (scale, by_code)
}

/// A version 2 file read straight into a [`Model`]: the same model as `Codes::read(bytes)?
/// .model()` gives, in one pass and without its lists of buckets and exceptions. This runs on
/// a page's first analysis (for the shipped models, once per language), where it took 2 ms
/// natively for the Arabic model, several times that in a wasm function's first (baseline
/// compiled) calls.
fn read_sparse(bytes: &[u8], bits: u32) -> Result<Model, ModelError> {
    let sparse = Sparse::parse(bytes, bits)?;
    // The scale and the weight of each code, as `Codes::model` computes them (every exception
    // weight in the file belongs to a code, in the same order).
    let (scale, by_code) = code_weights(sparse.step, sparse.exception_weights());
    let empty = Block {
        occupied: 0,
        before: 0,
    };
    let mut index = vec![empty; (1usize << bits).div_ceil(64)];
    let mut rows = Vec::with_capacity(sparse.occupied + 1);
    rows.push(Row([0; ROW]));
    /// The rows as [`Model`] holds them, bucket by bucket.
    struct Rows<'s> {
        by_code: [i16; 256],
        scale: f32,
        row: [i16; ROW],
        index: &'s mut [Block],
        rows: &'s mut Vec<Row>,
    }
    impl Visit for Rows<'_> {
        #[inline]
        fn cell(&mut self, _: usize, t: usize, code: u8, weight: f32) {
            if let Some(slot) = self.row[..TAGS].get_mut(t) {
                *slot = if code == EXCEPTION {
                    (weight / self.scale).round().clamp(-32767.0, 32767.0) as i16
                } else {
                    self.by_code[usize::from(code)]
                };
            }
        }
        #[inline]
        fn bucket(&mut self, b: usize) {
            let row = std::mem::replace(&mut self.row, [0; ROW]);
            // A bucket whose codes all round to zero gets no row, as in `compact`.
            if row.iter().any(|&w| w != 0) {
                if let Some(block) = self.index.get_mut(b / 64) {
                    block.occupied |= 1 << (b % 64);
                    self.rows.push(Row(row));
                }
            }
        }
    }
    sparse.walk(&mut Rows {
        by_code,
        scale,
        row: [0; ROW],
        index: &mut index,
        rows: &mut rows,
    })?;
    let mut before = 0;
    for block in &mut index {
        block.before = before;
        before += block.occupied.count_ones();
    }
    Ok(Model {
        bits,
        scale,
        index,
        rows,
    })
}

/// A model file of one-byte codes (either version) rewritten in version 2: the same weights,
/// so the same [`Model`] once read.
pub fn to_version_2(bytes: &[u8]) -> Result<Vec<u8>, ModelError> {
    Ok(Codes::read(bytes)?.write())
}

/// The bucket of `feature` among `2^bits`.
pub fn bucket(feature: u64, bits: u32) -> usize {
    (feature >> (64 - bits)) as usize
}

impl Model {
    /// The real weights of `feature`, added to `scores`.
    pub fn add(&self, feature: u64, scores: &mut [f32; TAGS]) {
        if let Some(Row(row)) = self.row(feature) {
            for (s, &w) in scores.iter_mut().zip(row) {
                *s += f32::from(w) * self.scale;
            }
        }
    }
}

impl Weights for Model {
    fn add_all(&self, features: &[u64], scores: &mut TagScores) {
        for &f in features {
            if let Some(Row(row)) = self.row(f) {
                for (s, &w) in scores.0.iter_mut().zip(row) {
                    *s += i32::from(w);
                }
            }
        }
    }
}

/// Encodes weights as a model file: `width` 1 stores linear `i8` codes with a step chosen so
/// 99% of the non-zero weights fit, and the rest as exceptions (code -128 plus the weight as
/// an `f32`), sparsely (version 2); 2 stores linear `i16`s scaled so the largest is 32767,
/// densely (version 1).
pub fn encode(bits: u32, width: usize, weights: &[f32]) -> Vec<u8> {
    encode_pruned(bits, width, weights, 0)
}

/// [`encode`], with one-byte codes smaller than `prune` in magnitude set to zero: a smaller
/// file once compressed, at a measured cost in accuracy (see `train-ner --prune`).
pub fn encode_pruned(bits: u32, width: usize, weights: &[f32], prune: i32) -> Vec<u8> {
    encode_levels(bits, width, weights, prune, 127)
}

/// [`encode_pruned`] with one-byte codes of `levels` steps (at most 127) for the 99% of the
/// weights: fewer levels, fewer distinct codes, a smaller file once compressed. `prune` stays
/// in steps of the 127-level scale, so it cuts the same weights whatever `levels` is.
pub fn encode_levels(bits: u32, width: usize, weights: &[f32], prune: i32, levels: i32) -> Vec<u8> {
    let levels = levels.clamp(1, 127);
    if width == 1 {
        let mut nonzero: Vec<f32> = weights
            .iter()
            .map(|w| w.abs())
            .filter(|&w| w > 0.0)
            .collect();
        nonzero.sort_by(f32::total_cmp);
        let q99 = nonzero
            .get(nonzero.len().saturating_sub(1) * 99 / 100)
            .copied()
            .unwrap_or(1.0)
            .max(1e-6);
        let step = q99 / levels as f32;
        let fine = q99 / 127.0;
        let mut exceptions = Vec::new();
        let mut codes = Vec::with_capacity(weights.len());
        for (i, &w) in weights.iter().enumerate() {
            let q = (w / step).round();
            if q.abs() > 127.0 {
                exceptions.push((i, w));
                codes.push(EXCEPTION);
            } else if ((w / fine).round() as i32).abs() < prune || q == 0.0 {
                codes.push(0);
            } else {
                codes.push(q as i8 as u8);
            }
        }
        let buckets = codes
            .chunks_exact(TAGS)
            .enumerate()
            .filter(|(_, row)| row.iter().any(|&c| c != 0))
            .map(|(b, row)| {
                let mut r = [0u8; TAGS];
                r.copy_from_slice(row);
                (b, r)
            })
            .collect();
        return Codes {
            bits,
            step,
            exceptions,
            buckets,
        }
        .write();
    }
    let max = weights.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-9);
    let mut out = Vec::with_capacity(8 + weights.len() * 2);
    out.extend_from_slice(b"NERM");
    out.extend_from_slice(&[1, bits as u8, TAGS as u8, 2]);
    let scale = 32767.0 / max;
    for &w in weights {
        let q = (w * scale).round().clamp(-32767.0, 32767.0);
        out.extend_from_slice(&(q as i16).to_le_bytes());
    }
    out
}

/// The beam width of the decoder for `language`: 4 for Arabic, whose model is trained with a
/// beam of 4 (see [`super::model_train`]); 1 (greedy) for the others.
pub fn beam_width(language: Language) -> usize {
    if language == Language::Arabic {
        4
    } else {
        1
    }
}

/// Where the decoder gets the [`WordPieces`] of token `i` of a sentence: only the first time
/// it sums that token's word (see [`WordSums`]), so they need not be kept per token.
pub trait Pieces {
    /// The pieces of token `i`.
    fn of(&mut self, i: usize) -> WordPieces;
}

impl Pieces for &[WordPieces] {
    fn of(&mut self, i: usize) -> WordPieces {
        self.get(i).cloned().unwrap_or_default()
    }
}

/// Tags one sentence: greedy left to right, or by beam search where [`beam_width`] says so
/// (see the module rules). `feats` is scratch space.
pub fn decode<W: Weights>(
    weights: &W,
    views: &[TokenView],
    mut pieces: &[WordPieces],
    language: Language,
    feats: &mut Vec<u64>,
) -> Vec<usize> {
    decode_with(
        weights,
        views,
        &mut pieces,
        language,
        feats,
        &mut WordSums::default(),
    )
}

/// The number of tag-history values: the tags, and [`HISTORY_START`].
const HISTORY_VALUES: usize = TAGS + 1;

/// The place of a tag-history value among [`HISTORY_VALUES`].
fn history_slot(h: u64) -> usize {
    (h as usize).min(TAGS)
}

/// The sums the decoder makes once and reuses, for one model and one language: each word's
/// features that depend on the word alone ([`word_features`] and the word's part of
/// [`context_features_of`]), by [`TokenView::word`]; and each pair of previous tags'
/// [`tag_pair_features`]. Scores are exact integer sums ([`TagScores`]), so a token's score
/// is the same as summing all its features one by one, in any order.
///
/// The word sums are stored `ByWord` (one list of optional sums per text id, grown by
/// doubling, took 9 MB natively at 5 MB of Arabic).
#[derive(Debug, Default)]
pub struct WordSums {
    /// By word id: the word's sum, once made.
    sums: ByWord<TagScores>,
    /// By tag-history pair ([`history_slot`]): the pair's sum, once made.
    pairs: Vec<Option<TagScores>>,
}

impl WordSums {
    /// The sum of the features of token `i` of `views` that depend on its word alone, from
    /// the store when known.
    fn word<W: Weights>(
        &mut self,
        weights: &W,
        (views, pieces): (&[TokenView], &mut impl Pieces),
        i: usize,
        language: Language,
        feats: &mut Vec<u64>,
    ) -> TagScores {
        let Some(view) = views.get(i) else {
            return TagScores::default();
        };
        if let Some(s) = self.sums.get(view.word) {
            return *s;
        }
        let pieces = pieces.of(i);
        feats.clear();
        word_features(view, &pieces, language, feats);
        context_features_of(
            views,
            i,
            &pieces,
            language,
            SentenceContext::default(),
            Part::Word,
            feats,
        );
        let mut sum = TagScores::default();
        weights.add_all(feats, &mut sum);
        if view.word != NO_WORD {
            self.sums.keep(view.word, sum);
        }
        sum
    }

    /// The scores of token `i` from its static features: its word's sum plus the features
    /// that read its neighbours, position or sentence.
    fn token<W: Weights>(
        &mut self,
        weights: &W,
        (views, pieces): (&[TokenView], &mut impl Pieces),
        i: usize,
        language: Language,
        context: SentenceContext,
        feats: &mut Vec<u64>,
    ) -> TagScores {
        let mut scores = self.word(weights, (views, pieces), i, language, feats);
        feats.clear();
        // The context part reads no pieces.
        let none = &WordPieces::NONE;
        context_features_of(views, i, none, language, context, Part::Context, feats);
        weights.add_all(feats, &mut scores);
        scores
    }

    /// The sum of [`tag_pair_features`] of the tag-history values `p1`, `p2`.
    fn pair<W: Weights>(
        &mut self,
        weights: &W,
        p1: u64,
        p2: u64,
        language: Language,
        feats: &mut Vec<u64>,
    ) -> TagScores {
        let at = history_slot(p1) * HISTORY_VALUES + history_slot(p2);
        if self.pairs.is_empty() {
            self.pairs = vec![None; HISTORY_VALUES * HISTORY_VALUES];
        }
        if let Some(Some(s)) = self.pairs.get(at) {
            return *s;
        }
        feats.clear();
        tag_pair_features(p1, p2, language, feats);
        let mut sum = TagScores::default();
        weights.add_all(feats, &mut sum);
        if let Some(slot) = self.pairs.get_mut(at) {
            *slot = Some(sum);
        }
        sum
    }
}

/// The sum of [`tag_word_features`] of `view` after the tag-history value `p1`.
fn tag_word_sum<W: Weights>(
    weights: &W,
    view: &TokenView,
    p1: u64,
    language: Language,
    feats: &mut Vec<u64>,
) -> TagScores {
    feats.clear();
    tag_word_features(view, p1, language, feats);
    let mut sum = TagScores::default();
    weights.add_all(feats, &mut sum);
    sum
}

/// [`decode`] with the word sums of earlier sentences of the same document, model and
/// language (see [`WordSums`]).
pub fn decode_with<W: Weights>(
    weights: &W,
    views: &[TokenView],
    pieces: &mut impl Pieces,
    language: Language,
    feats: &mut Vec<u64>,
    sums: &mut WordSums,
) -> Vec<usize> {
    let width = beam_width(language);
    if width > 1 {
        return decode_beam(weights, (views, pieces), language, feats, width, sums);
    }
    let mut tags = Vec::with_capacity(views.len());
    let context = SentenceContext::of(views);
    for (i, view) in views.iter().enumerate() {
        if quiet(views, &tags, i) {
            tags.push(0);
            continue;
        }
        let p1 = tags.last().copied();
        let (h1, h2) = tag_history(&tags);
        let mut scores = sums.token(weights, (views, &mut *pieces), i, language, context, feats);
        scores.add(&sums.pair(weights, h1, h2, language, feats));
        scores.add(&tag_word_sum(weights, view, h1, language, feats));
        tags.push(best(scores.tags(), p1));
    }
    tags
}

/// How far the features of a token read its neighbours ([`context_features_of`]): two tokens
/// to either side.
const FEATURE_REACH: usize = 2;

/// True when token `i` of `views` is in a quiet stretch (rule 3): every token within
/// [`FEATURE_REACH`] of it, itself included, is plain and in no gazetteer match, and the two
/// tags before it are `O` (or the sentence begins).
fn quiet(views: &[TokenView], tags: &[usize], i: usize) -> bool {
    #[cfg(test)]
    if ASK_ALWAYS.with(std::cell::Cell::get) {
        return false;
    }
    let near = views.get(i.saturating_sub(FEATURE_REACH)..(i + FEATURE_REACH + 1).min(views.len()));
    near.is_some_and(|near| near.iter().all(|v| v.plain && v.gazetteer == 0))
        && tags.iter().rev().take(2).all(|&t| t == 0)
}

#[cfg(test)]
thread_local! {
    /// Tests set it to decode without quiet stretches, asking the model about every token.
    pub(crate) static ASK_ALWAYS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Tags one sentence by beam search of `width` over the summed tag scores (ties to the earlier
/// hypothesis, then the lower tag).
pub fn decode_beam<W: Weights>(
    weights: &W,
    (views, pieces): (&[TokenView], &mut impl Pieces),
    language: Language,
    feats: &mut Vec<u64>,
    width: usize,
    sums: &mut WordSums,
) -> Vec<usize> {
    let context = SentenceContext::of(views);
    // Hypotheses share their histories: each is a node (tag, parent) in `nodes`, so extending
    // one copies nothing. `beam` holds (score, node) with `NONE` for the empty history.
    const NONE: usize = usize::MAX;
    let mut nodes: Vec<(usize, usize)> = Vec::with_capacity(views.len() * width);
    let mut beam: Vec<(i64, usize)> = vec![(0, NONE)];
    let mut previous: Vec<(i64, usize)> = Vec::with_capacity(width);
    let mut next: Vec<(i64, usize, usize)> = Vec::with_capacity(width * TAGS);
    // The token's tag-word sums by previous tag: hypotheses mostly share their last tag.
    let mut after: Vec<(u64, TagScores)> = Vec::with_capacity(width);
    for (i, view) in views.iter().enumerate() {
        let base = sums.token(weights, (views, &mut *pieces), i, language, context, feats);
        next.clear();
        after.clear();
        for (b, &(score, node)) in beam.iter().enumerate() {
            let last = nodes.get(node).copied();
            let p1 = last.map(|(t, _)| t);
            let p2 = last
                .and_then(|(_, parent)| nodes.get(parent))
                .map(|&(t, _)| t);
            let h1 = p1.map_or(HISTORY_START, |t| t as u64);
            let h2 = p2.map_or(HISTORY_START, |t| t as u64);
            let mut scores = base;
            scores.add(&sums.pair(weights, h1, h2, language, feats));
            let word = match after.iter().find(|&&(h, _)| h == h1) {
                Some(&(_, s)) => s,
                None => {
                    let s = tag_word_sum(weights, view, h1, language, feats);
                    after.push((h1, s));
                    s
                }
            };
            scores.add(&word);
            for (t, &s) in scores.tags().iter().enumerate() {
                if allowed(p1, t) {
                    keep_best(&mut next, (score + i64::from(s), b, t), width);
                }
            }
        }
        std::mem::swap(&mut beam, &mut previous);
        beam.clear();
        for &(s, b, t) in &next {
            let parent = previous.get(b).map_or(NONE, |&(_, node)| node);
            nodes.push((t, parent));
            beam.push((s, nodes.len() - 1));
        }
    }
    let mut tags = Vec::with_capacity(views.len());
    let mut node = beam.first().map_or(NONE, |&(_, node)| node);
    while let Some(&(t, parent)) = nodes.get(node) {
        tags.push(t);
        node = parent;
    }
    tags.reverse();
    tags
}

/// Inserts `candidate` (score, hypothesis, tag) into `best`, the `width` best so far in order:
/// higher score first, then the earlier hypothesis, then the lower tag. Candidates come in
/// ascending (hypothesis, tag) order, so among equal scores the one already kept is the earlier:
/// a candidate goes after every kept one of its score or more, and one of the last kept score
/// stays out — the same list a full sort would give, with one comparison of scores each.
fn keep_best(best: &mut Vec<(i64, usize, usize)>, candidate: (i64, usize, usize), width: usize) {
    debug_assert!(best
        .iter()
        .all(|kept| (kept.1, kept.2) < (candidate.1, candidate.2)));
    if best.len() >= width && best.last().is_none_or(|last| candidate.0 <= last.0) {
        return;
    }
    let at = best.partition_point(|kept| kept.0 >= candidate.0);
    best.insert(at, candidate);
    best.truncate(width);
}

/// The best allowed tag after `prev` (ties to the lower tag; `O` is always allowed).
pub fn best<S: PartialOrd + Copy>(scores: &[S], prev: Option<usize>) -> usize {
    let mut best = 0;
    for (t, &s) in scores.iter().enumerate().skip(1) {
        if allowed(prev, t) && scores.get(best).is_some_and(|&b| s > b) {
            best = t;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keep_best_equals_sort_and_truncate() {
        let mut x: u32 = 7;
        for width in 0..6 {
            let mut all = Vec::new();
            let mut best = Vec::new();
            for b in 0..4 {
                for t in 0..TAGS {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    // Few distinct scores, so ties are common.
                    let c = i64::from((x >> 16) % 5) - 2;
                    all.push((c, b, t));
                    keep_best(&mut best, (c, b, t), width);
                }
            }
            all.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
            all.truncate(width);
            assert_eq!(best, all, "width {width}");
        }
    }

    #[test]
    fn reused_sums_equal_each_feature_added_in_order() {
        // What the decoder reuses (a word's sum, a tag pair's) against every static and
        // history feature of the token added one by one, as the trainer lists them: in both
        // languages, with gazetteer bits, a repeated word, and every tag history.
        use crate::entity::features::{history_features, static_features, views, word_pieces};
        /// A model file, its language, a sentence and its gazetteer bits.
        type Case<'a> = (&'a [u8], Language, &'a [&'a str], &'a [u8]);
        let cases: [Case; 2] = [
            (
                include_bytes!("data/ner-ar.bin"),
                Language::Arabic,
                &[
                    "وقال",
                    "الرئيس",
                    "علي",
                    "بنجواني",
                    "في",
                    "نيويورك",
                    "،",
                    "وقال",
                    "علي",
                ],
                &[0, 0, 1, 2, 0, 12, 0, 0, 1],
            ),
            (
                include_bytes!("data/ner-en.bin"),
                Language::English,
                &[
                    "Mr.", "Ali", "Benjwani", "said", "in", "New", "York", ",", "Ali", "said",
                ],
                &[0, 1, 2, 0, 0, 12, 8, 0, 1, 0],
            ),
        ];
        for (bytes, language, words, gazetteer) in cases {
            let model = Model::from_bytes(bytes).unwrap();
            let mut v = views(words, gazetteer);
            let pieces = word_pieces(words);
            // Two occurrences of a word share its id, so the second reads the stored sum.
            for (k, view) in v.iter_mut().enumerate() {
                let first = words.iter().position(|w| *w == words[k]).unwrap();
                view.word = first as u32;
            }
            let context = SentenceContext::of(&v);
            let mut sums = WordSums::default();
            let mut scratch = Vec::new();
            for i in 0..v.len() {
                let token = sums.token(
                    &model,
                    (&v, &mut pieces.as_slice()),
                    i,
                    language,
                    context,
                    &mut scratch,
                );
                let histories = (0..TAGS as u64).chain([HISTORY_START]);
                for p1 in histories.clone() {
                    for p2 in histories.clone() {
                        let mut reused = token;
                        reused.add(&sums.pair(&model, p1, p2, language, &mut scratch));
                        reused.add(&tag_word_sum(&model, &v[i], p1, language, &mut scratch));
                        let mut feats = Vec::new();
                        static_features(&v, &pieces, i, language, context, &mut feats);
                        history_features(&v[i], p1, p2, language, &mut feats);
                        let mut one_by_one = TagScores::default();
                        for f in feats {
                            model.add_all(&[f], &mut one_by_one);
                        }
                        assert_eq!(reused, one_by_one, "{language:?} token {i} after {p1},{p2}");
                    }
                }
            }
        }
    }

    #[test]
    fn inside_needs_its_begin() {
        assert!(!allowed(None, inside_tag(0)));
        assert!(allowed(Some(begin_tag(0)), inside_tag(0)));
        assert!(!allowed(Some(begin_tag(1)), inside_tag(0)));
    }

    #[test]
    fn encode_then_read_back() {
        let mut w = vec![0.5f32; (1 << 8) * TAGS];
        w[1] = -0.01;
        let bytes = encode(8, 1, &w);
        let m = Model::from_bytes(&bytes).unwrap();
        let mut s = [0f32; TAGS];
        m.add(0, &mut s);
        assert!((s[0] - 0.5).abs() < 0.02, "{}", s[0]);
        assert!((s[1] + 0.01).abs() < 0.5 / 127.0, "{}", s[1]);
        assert!(Model::from_bytes(&bytes[..20]).is_err());
    }

    /// The same codes in the dense version 1 (which the loader still reads).
    fn version_1(codes: &Codes) -> Vec<u8> {
        let mut out = b"NERM".to_vec();
        out.extend_from_slice(&[1, codes.bits as u8, TAGS as u8, 1]);
        out.extend_from_slice(&codes.step.to_le_bytes());
        out.extend_from_slice(&(codes.exceptions.len() as u32).to_le_bytes());
        for &(i, w) in &codes.exceptions {
            out.extend_from_slice(&(i as u32).to_le_bytes());
            out.extend_from_slice(&w.to_le_bytes());
        }
        let mut dense = vec![0u8; (1 << codes.bits) * TAGS];
        for &(b, row) in &codes.buckets {
            dense[b * TAGS..(b + 1) * TAGS].copy_from_slice(&row);
        }
        out.extend_from_slice(&dense);
        out
    }

    /// Weights like a trained model's: mostly zero rows, a few large (exceptions), all tags
    /// used (the ninth tag's bit included).
    fn sparse_weights(bits: u32) -> Vec<f32> {
        let mut x: u32 = 11;
        let mut next = || {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            x >> 8
        };
        let mut w = vec![0f32; (1 << bits) * TAGS];
        for row in w.chunks_exact_mut(TAGS) {
            if next() % 3 == 0 {
                for v in row.iter_mut() {
                    if next() % 2 == 0 {
                        let r = next();
                        *v = ((r % 2001) as f32 - 1000.0) / 1000.0;
                        if r % 401 == 0 {
                            *v *= 40.0;
                        }
                    }
                }
            }
        }
        w
    }

    #[test]
    fn sparse_round_trip_equals_dense() {
        for levels in [15, 127] {
            let bytes = encode_levels(10, 1, &sparse_weights(10), 8, levels);
            assert_eq!(bytes[4], 2, "version");
            let codes = Codes::read(&bytes).unwrap();
            assert!(!codes.exceptions.is_empty());
            assert!(codes.buckets.iter().any(|(_, r)| r[8] != 0));
            assert_eq!(
                codes.write(),
                bytes,
                "re-encoding is byte for byte the same"
            );
            let dense = version_1(&codes);
            assert_eq!(Codes::read(&dense).unwrap(), codes);
            assert_eq!(to_version_2(&dense).unwrap(), bytes);
            assert_eq!(
                Model::from_bytes(&bytes).unwrap(),
                Model::from_bytes(&dense).unwrap()
            );
        }
    }

    #[test]
    fn compact_rows_give_each_bucket_its_dense_weights() {
        // Every bucket looked up through the index against the weights it was given,
        // including empty ones, the last of a block and a partly empty last block.
        for bits in [8, 10] {
            let weights = sparse_weights(bits);
            let model = Model::from_bytes(&encode(bits, 1, &weights)).unwrap();
            for (b, expected) in weights.chunks_exact(TAGS).enumerate() {
                let mut s = [0f32; TAGS];
                model.add((b as u64) << (64 - bits), &mut s);
                for (got, want) in s.iter().zip(expected) {
                    // One-byte codes: within a step of the 127-level scale; zero stays zero.
                    assert!((got - want).abs() <= 0.01, "{b}: {s:?} {expected:?}");
                    assert!(*want != 0.0 || *got == 0.0, "{b}: {s:?}");
                }
            }
        }
        let empty = Model::from_bytes(&encode(8, 1, &[0.0; 256 * TAGS])).unwrap();
        assert_eq!(empty.rows.len(), 1, "the zero row alone");
    }

    #[test]
    fn sparse_files_read_in_one_pass_as_through_their_codes() {
        // The one-pass reader against the general one, on the shipped models and on weights
        // with exceptions (levels 31: the largest weights do not fit a code).
        let shipped: [&[u8]; 2] = [
            include_bytes!("data/ner-ar.bin"),
            include_bytes!("data/ner-en.bin"),
        ];
        for bytes in shipped {
            assert_eq!(
                read_sparse(bytes, header(bytes).unwrap().1),
                Ok(Codes::read(bytes).unwrap().model())
            );
        }
        for bits in [8, 9, 10] {
            let mut weights = sparse_weights(bits);
            for (k, w) in weights.iter_mut().enumerate().step_by(97) {
                *w = 40.0 * (k % 5) as f32 - 90.0;
            }
            for levels in [127, 31, 7] {
                let bytes = encode_levels(bits, 1, &weights, 0, levels);
                assert_eq!(
                    Model::from_bytes(&bytes),
                    Ok(Codes::read(&bytes).unwrap().model()),
                    "{bits} {levels}"
                );
            }
        }
    }

    #[test]
    fn sparse_file_cut_or_padded_is_refused() {
        let bytes = encode_levels(9, 1, &sparse_weights(9), 0, 31);
        for len in [0, 7, 8, 16, 40, 100, bytes.len() - 1] {
            assert!(Model::from_bytes(&bytes[..len]).is_err(), "{len}");
        }
        let mut longer = bytes.clone();
        longer.push(1);
        assert_eq!(Model::from_bytes(&longer), Err(ModelError::BadLength));
        let mut version_3 = bytes;
        version_3[4] = 3;
        assert_eq!(Model::from_bytes(&version_3), Err(ModelError::BadHeader));
    }

    #[test]
    fn shipped_models_read_the_same_in_both_versions() {
        for file in [
            &include_bytes!("data/ner-ar.bin")[..],
            &include_bytes!("data/ner-en.bin")[..],
        ] {
            assert_eq!(file[4], 2, "shipped in version 2");
            let codes = Codes::read(file).unwrap();
            assert_eq!(codes.write(), file);
            assert_eq!(
                Model::from_bytes(file).unwrap(),
                Model::from_bytes(&version_1(&codes)).unwrap()
            );
        }
    }
}
