//! Byte offsets → UTF-16 code-unit offsets, the unit JavaScript strings use.
//!
//! The converter keeps one checkpoint per 64 bytes of text, so any offset converts in O(64)
//! steps with memory of 1/16 of the text size, and pure-ASCII text takes a shortcut. Within a
//! block it counts bytes instead of decoding chars: every byte that is not a UTF-8 continuation
//! byte starts a char (one UTF-16 unit), and a 4-byte lead (`0xF0..`) adds the second unit of a
//! surrogate pair. That loop has no branches, so the compiler vectorizes it; decoding chars was
//! the larger part of converting a long token list.
//!
//! Offsets usually come in text order (tokens, sentences), so the converter also remembers the
//! last offset it converted: a later offset less than a block ahead is counted from there. A
//! sorted list of offsets then costs one pass over the text in all, instead of up to a block
//! per offset.

use crate::eight_bytes;
use std::cell::Cell;

const BLOCK: usize = 64;

/// UTF-16 code units in `bytes`, which must be whole chars of valid UTF-8: a unit per byte that
/// continues no char, and a second one per four-byte char. Eight bytes at a time: in a word,
/// bit 7 of each byte of `x & !(x << 1)` is set for a continuation byte (`10xxxxxx`), and of
/// `x & x << 1 & x << 2 & x << 3` for the first byte of a four-byte char (`11110xxx`).
fn utf16_len(bytes: &[u8]) -> usize {
    let mut chunks = bytes.chunks_exact(8);
    let mut units = 0;
    for chunk in &mut chunks {
        let x = eight_bytes::of(chunk);
        let continuation = eight_bytes::continuation_bytes(x).count_ones();
        let four = (x & (x << 1) & (x << 2) & (x << 3) & eight_bytes::HIGH).count_ones();
        units += (8 - continuation + four) as usize;
    }
    units
        + chunks
            .remainder()
            .iter()
            .map(|&b| byte_units(b))
            .sum::<usize>()
}

/// The UTF-16 units byte `b` of a char begins (0 for a continuation byte).
fn byte_units(b: u8) -> usize {
    usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0)
}

/// Converts byte offsets of one text into UTF-16 offsets.
#[derive(Debug, Clone)]
pub struct Utf16Offsets<'a> {
    text: &'a str,
    ascii: bool,
    /// For block `i`: the first char boundary at or after `i * BLOCK` bytes, and its UTF-16 offset.
    checkpoints: Vec<(u32, u32)>,
    /// The last conversion: a char boundary and its UTF-16 offset.
    last: Cell<(usize, usize)>,
}

impl<'a> Utf16Offsets<'a> {
    /// Prepares conversions for `text`.
    pub fn new(text: &'a str) -> Self {
        let ascii = text.is_ascii();
        let mut checkpoints = Vec::new();
        if !ascii {
            let bytes = text.as_bytes();
            checkpoints.reserve(text.len() / BLOCK + 1);
            let mut units = 0usize;
            let mut prev = 0usize;
            for block in 0..=text.len() / BLOCK {
                let mut at = block * BLOCK;
                while !text.is_char_boundary(at) {
                    at += 1;
                }
                units += utf16_len(bytes.get(prev..at).unwrap_or_default());
                checkpoints.push((at as u32, units as u32));
                prev = at;
            }
        }
        Utf16Offsets {
            text,
            ascii,
            checkpoints,
            last: Cell::new((0, 0)),
        }
    }

    /// The UTF-16 offset of the byte offset `byte` (which must be a char boundary; other
    /// offsets are rounded down to the previous boundary, and offsets past the end clamp).
    ///
    /// ```
    /// use article_analyzer::utf16::Utf16Offsets;
    /// let text = "😀 سلام";
    /// let map = Utf16Offsets::new(text);
    /// assert_eq!(map.convert(4), 2); // the emoji is 4 bytes, 2 UTF-16 units
    /// assert_eq!(map.convert(text.len()), 7);
    /// ```
    pub fn convert(&self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        if self.ascii {
            return byte;
        }
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        let bytes = self.text.as_bytes();
        let (last_byte, last_units) = self.last.get();
        let units = if byte >= last_byte && byte - last_byte <= BLOCK {
            last_units + utf16_len(bytes.get(last_byte..byte).unwrap_or_default())
        } else {
            // `at` is the first boundary at or after the block start, and `byte` is a boundary
            // at or after the block start, so `at <= byte`.
            let Some(&(at, units)) = self.checkpoints.get(byte / BLOCK) else {
                return 0;
            };
            units as usize + utf16_len(bytes.get(at as usize..byte).unwrap_or_default())
        };
        self.last.set((byte, units));
        units
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(text: &str, byte: usize) -> usize {
        text[..byte].encode_utf16().count()
    }

    #[test]
    fn agrees_with_a_naive_count_at_every_boundary() {
        let text = "قال 😀 👩‍👩‍👧 مُحَمَّد e\u{301} ".repeat(20);
        let map = Utf16Offsets::new(&text);
        for (i, _) in text.char_indices() {
            assert_eq!(map.convert(i), naive(&text, i), "at byte {i}");
        }
        assert_eq!(map.convert(text.len()), naive(&text, text.len()));
    }

    #[test]
    fn any_order_of_offsets_agrees_with_a_naive_count() {
        // Forward, backward, small and large jumps: the remembered position must never leak.
        let text = "قال 😀 👩‍👩‍👧 مُحَمَّد e\u{301} ".repeat(30);
        let map = Utf16Offsets::new(&text);
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let n = boundaries.len();
        for step in [1, 7, 61, 300] {
            for k in 0..n {
                let i = boundaries[(k * step) % n];
                assert_eq!(map.convert(i), naive(&text, i), "step {step}, byte {i}");
            }
        }
        for &i in boundaries.iter().rev() {
            assert_eq!(map.convert(i), naive(&text, i), "backwards, byte {i}");
        }
    }

    proptest::proptest! {
        /// Eight bytes at a time counts what a byte at a time does, at every length and phase.
        #[test]
        fn word_at_a_time_counts_equal_byte_at_a_time(text in "\\PC{0,40}", cut in 0usize..8) {
            let bytes = text.as_bytes();
            let start = (0..=cut.min(bytes.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            let part = &bytes[start..];
            let by_byte: usize = part.iter().map(|&b| byte_units(b)).sum();
            proptest::prop_assert_eq!(utf16_len(part), by_byte);
            proptest::prop_assert_eq!(utf16_len(part), text[start..].encode_utf16().count());
        }
    }

    #[test]
    fn ascii_is_identity_and_empty_is_zero() {
        assert_eq!(Utf16Offsets::new("abc").convert(2), 2);
        assert_eq!(Utf16Offsets::new("").convert(0), 0);
        assert_eq!(Utf16Offsets::new("é").convert(99), 1);
    }

    #[test]
    fn offsets_inside_a_char_round_down() {
        let text = "aé😀b";
        let map = Utf16Offsets::new(text);
        assert_eq!(map.convert(2), 1); // inside é
        for inside in 4..7 {
            assert_eq!(map.convert(inside), 2, "inside the emoji at byte {inside}");
        }
        assert_eq!(map.convert(7), 4);
    }

    #[test]
    fn long_texts_cross_many_checkpoints() {
        // Blocks that start inside multi-byte chars, in every phase.
        for pad in 0..4 {
            let text = format!("{}{}", "a".repeat(pad), "😀مُحَمَّدé".repeat(40));
            let map = Utf16Offsets::new(&text);
            for (i, _) in text.char_indices() {
                assert_eq!(map.convert(i), naive(&text, i), "pad {pad}, byte {i}");
            }
        }
    }
}
