//! Eight bytes of a text read as one `u64` (little-endian), for the counts that go over every
//! byte of a text (characters, white space, UTF-16 units, ASCII letters): one test for eight
//! bytes, where WebAssembly has no vector instructions to do it for us.

/// `0x01` in every byte.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// The top bit of every byte.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

/// The eight bytes of `bytes` from `at`, when there are eight.
#[inline]
pub(crate) fn at(bytes: &[u8], at: usize) -> Option<u64> {
    let eight: [u8; 8] = bytes.get(at..at.checked_add(8)?)?.try_into().ok()?;
    Some(u64::from_le_bytes(eight))
}

/// A chunk of [`slice::chunks_exact`]`(8)` as one number (0 for a chunk of another length).
#[inline]
pub(crate) fn of(chunk: &[u8]) -> u64 {
    u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]))
}

/// The top bit of each continuation byte (`10xxxxxx`): its top bit set, the next one clear.
#[inline]
pub(crate) fn continuation_bytes(x: u64) -> u64 {
    x & !(x << 1) & HIGH
}

/// The top bit of each byte of `x` that is zero, exactly (no borrow from one byte into the
/// next).
#[inline]
pub(crate) fn zero_bytes(x: u64) -> u64 {
    !(((x & !HIGH) + !HIGH) | x) & HIGH
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_is_tested_alone() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let mut bytes = [0x41u8; 8];
                bytes[lane] = b;
                let x = of(&bytes);
                let bit = 1u64 << (8 * lane + 7);
                assert_eq!(zero_bytes(x) & bit != 0, b == 0, "{b:#x} in lane {lane}");
                assert_eq!(zero_bytes(x) & !bit, 0, "{b:#x}: no other lane");
                let continuation = b & 0xC0 == 0x80;
                assert_eq!(continuation_bytes(x) & bit != 0, continuation, "{b:#x}");
                assert_eq!(continuation_bytes(x) & !bit, 0, "{b:#x}: no other lane");
            }
        }
        assert_eq!(at(b"abcdefgh", 0), Some(of(b"abcdefgh")));
        assert_eq!(at(b"abcdefgh", 1), None);
        assert_eq!(at(b"abc", usize::MAX), None);
    }
}
