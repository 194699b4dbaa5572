//! Byte offsets → UTF-16 code-unit offsets, the unit JavaScript strings use.
//!
//! The converter keeps one checkpoint per 64 bytes of text, so any offset converts in O(64)
//! steps with memory of 1/16 of the text size, and pure-ASCII text takes a shortcut.

const BLOCK: usize = 64;

/// Converts byte offsets of one text into UTF-16 offsets.
#[derive(Debug, Clone)]
pub struct Utf16Offsets<'a> {
    text: &'a str,
    ascii: bool,
    /// UTF-16 offset at the first char boundary at or after `i * BLOCK` bytes, with that boundary.
    checkpoints: Vec<(u32, u32)>,
}

impl<'a> Utf16Offsets<'a> {
    /// Prepares conversions for `text`.
    pub fn new(text: &'a str) -> Self {
        let ascii = text.is_ascii();
        let mut checkpoints = Vec::new();
        if !ascii {
            checkpoints.reserve(text.len() / BLOCK + 1);
            let mut units = 0u32;
            let mut next = 0usize;
            for (i, c) in text.char_indices() {
                while i >= next {
                    checkpoints.push((i as u32, units));
                    next += BLOCK;
                }
                units += c.len_utf16() as u32;
            }
            while text.len() >= next {
                checkpoints.push((text.len() as u32, units));
                next += BLOCK;
            }
        }
        Utf16Offsets {
            text,
            ascii,
            checkpoints,
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
        let byte = byte.min(self.text.len());
        if self.ascii {
            return byte;
        }
        let (mut at, mut units) = self.checkpoints[byte / BLOCK];
        let mut at_usize = at as usize;
        if at_usize > byte {
            // The block starts inside a char that begins before it; step back one block.
            let prev = self.checkpoints[byte / BLOCK - 1];
            at = prev.0;
            units = prev.1;
            at_usize = at as usize;
        }
        let mut units = units as usize;
        for c in self.text[at_usize..].chars() {
            if at_usize + c.len_utf8() > byte {
                break;
            }
            at_usize += c.len_utf8();
            units += c.len_utf16();
        }
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
    fn ascii_is_identity_and_empty_is_zero() {
        assert_eq!(Utf16Offsets::new("abc").convert(2), 2);
        assert_eq!(Utf16Offsets::new("").convert(0), 0);
        assert_eq!(Utf16Offsets::new("é").convert(99), 1);
    }
}
