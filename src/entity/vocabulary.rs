//! Whether an Arabic word is common: its core in a Bloom filter of common word cores.
//!
//! Rules:
//! 1. The filter (`data/vocab-ar.bin`, written by `tools/make_vocab_ar.py` from wordfreq's
//!    Arabic list: every word of Zipf frequency 3.5 or more) holds the hashes of folded cores —
//!    proclitics and the article removed, as [`super::features`] folds and splits them.
//! 2. A core is common when all of its `k` bits are set: about 1% of uncommon cores pass too,
//!    never the other way round. Arabic has no capitals: a word no list of common words holds
//!    is the best hint that it is a name (`جافيتس`).
//! 3. The file format is in `tools/make_vocab_ar.py`; were the file unreadable, every word
//!    would be uncommon (a test reads the shipped one).

use std::sync::OnceLock;

static FILE: &[u8] = include_bytes!("data/vocab-ar.bin");

/// The filter: hash count and bits.
struct Filter {
    k: u64,
    bits: &'static [u8],
}

fn filter() -> Option<&'static Filter> {
    static F: OnceLock<Option<Filter>> = OnceLock::new();
    F.get_or_init(|| {
        let header = FILE.get(..9)?;
        if &header[..4] != b"VOCB" {
            return None;
        }
        let k = u64::from(header[4]);
        let m = u32::from_le_bytes([header[5], header[6], header[7], header[8]]) as usize;
        let bits = FILE.get(9..)?;
        (m > 0 && bits.len() * 8 == m && k > 0).then_some(Filter { k, bits })
    })
    .as_ref()
}

/// True when the core whose [`super::features::hash_bytes`] is `core` is a common Arabic word
/// (rule 2).
///
/// ```
/// use article_analyzer::entity::features::hash_bytes;
/// use article_analyzer::entity::vocabulary::is_common;
/// assert!(is_common(hash_bytes("مركز".as_bytes())));
/// assert!(!is_common(hash_bytes("جافيتس".as_bytes())));
/// ```
pub fn is_common(core: u64) -> bool {
    let Some(f) = filter() else { return false };
    let m = (f.bits.len() * 8) as u64;
    let step = (core >> 32) | 1;
    (0..f.k).all(|i| {
        let at = core.wrapping_add(i.wrapping_mul(step)) % m;
        f.bits
            .get((at / 8) as usize)
            .is_some_and(|b| b & (1 << (at % 8)) != 0)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::features::hash_bytes;

    #[test]
    fn the_shipped_filter_reads_and_knows_common_words() {
        assert!(filter().is_some());
        for w in ["في", "تدريب", "شرطه", "عمل", "قاهره"] {
            assert!(is_common(hash_bytes(w.as_bytes())), "{w}");
        }
    }
}
