//! Decoding a file's bytes into text, for the command line (native only: the page is given text,
//! never bytes, so none of this is in the wasm).
//!
//! Rules, in order:
//! 1. A byte-order mark decides: `EF BB BF` is UTF-8, `FF FE` UTF-16 LE, `FE FF` UTF-16 BE. The
//!    mark itself is not part of the text.
//! 2. Without a UTF-16 mark, a NUL byte means binary (a UTF-8 mark does not make it text): none
//!    of the other encodings puts NUL in text, and UTF-16 without a mark is not guessed.
//! 3. Valid UTF-8 is UTF-8 (plain ASCII included).
//! 4. Anything else is a legacy encoding guessed by `chardetng` from its byte statistics (the
//!    guesser Firefox uses): windows-1256 or ISO-8859-6 for Arabic, windows-1252 for Western text,
//!    and so on; `encoding_rs` decodes it.
//! 5. Decoded text where more than one character in 20 is a control character (other than tab,
//!    line feed, vertical tab, form feed and carriage return) is binary, not text.
//!
//! Bytes that are malformed in the chosen encoding become U+FFFD, and [`Decoded::malformed`] says
//! so; nothing else is changed.
//!
//! ```
//! use article_analyzer::decode::decode;
//! let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode("قال الرئيس إن الاتفاق قريب جدا");
//! let decoded = decode(&bytes).unwrap();
//! assert_eq!(decoded.text, "قال الرئيس إن الاتفاق قريب جدا");
//! assert_eq!(decoded.encoding, "windows-1256");
//! assert!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").is_err());
//! ```

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};
use std::fmt;

/// Text decoded from bytes, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without any byte-order mark.
    pub text: String,
    /// The encoding's WHATWG name: `UTF-8`, `UTF-16LE`, `UTF-16BE`, `windows-1256`, `ISO-8859-6`, …
    pub encoding: &'static str,
    /// Whether some bytes were malformed in that encoding and became U+FFFD.
    pub malformed: bool,
}

/// Why bytes are not text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum NotText {
    /// A NUL byte without a UTF-16 byte-order mark.
    Nul {
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// Too many control characters once decoded.
    Controls {
        /// Control characters found.
        count: usize,
        /// Characters in all.
        of: usize,
    },
}

impl fmt::Display for NotText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotText::Nul { offset } => write!(
                f,
                "binary data, not text (NUL byte at offset {offset} and no UTF-16 byte-order mark)"
            ),
            NotText::Controls { count, of } => write!(
                f,
                "binary data, not text ({count} control characters in {of})"
            ),
        }
    }
}

impl std::error::Error for NotText {}

/// Decodes `bytes` by the rules of this module.
///
/// ```
/// use article_analyzer::decode::{decode, NotText};
/// assert_eq!(decode(b"\xEF\xBB\xBFhi").unwrap().text, "hi");
/// assert_eq!(decode(b"\xFF\xFEh\0i\0").unwrap().encoding, "UTF-16LE");
/// assert_eq!(decode(b"a\0b"), Err(NotText::Nul { offset: 1 }));
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded, NotText> {
    let bom = Encoding::for_bom(bytes).map(|(encoding, _)| encoding);
    if bom != Some(UTF_16LE) && bom != Some(UTF_16BE) {
        if let Some(offset) = bytes.iter().position(|&b| b == 0) {
            return Err(NotText::Nul { offset });
        }
    }
    let encoding = if let Some(encoding) = bom {
        encoding
    } else if std::str::from_utf8(bytes).is_ok() {
        UTF_8
    } else {
        guess(bytes)
    };
    // `decode` removes a BOM of the encoding it was given (and only that one).
    let (text, used, malformed) = encoding.decode(bytes);
    let text = text.into_owned();
    let (count, of) = controls(&text);
    if count > 0 && count * 20 > of {
        return Err(NotText::Controls { count, of });
    }
    Ok(Decoded {
        text,
        encoding: used.name(),
        malformed,
    })
}

/// The legacy encoding `bytes` (invalid UTF-8, no BOM) is most likely in.
fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guessed = detector.guess(None, Utf8Detection::Deny);
    // UTF-16 is never guessed from statistics (rule 2), and a guess must be an encoding.
    if guessed == UTF_16LE || guessed == UTF_16BE || guessed == UTF_8 {
        encoding_rs::WINDOWS_1252
    } else {
        guessed
    }
}

/// (control characters other than tab/LF/VT/FF/CR, all characters) in `text`.
fn controls(text: &str) -> (usize, usize) {
    let mut count = 0;
    let mut of = 0;
    for c in text.chars() {
        of += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r') {
            count += 1;
        }
    }
    (count, of)
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{ISO_8859_6, WINDOWS_1256};

    const ARABIC: &str = "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية، \
        وقال وزير الزراعة إن الخطة ستبدأ الشهر المقبل. وأضاف أن الميزانية تبلغ مليون دينار.";

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in text.encode_utf16() {
            let b = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            out.extend_from_slice(&b);
        }
        out
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode(ARABIC.as_bytes()).unwrap();
        assert_eq!((plain.text.as_str(), plain.encoding), (ARABIC, "UTF-8"));
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(ARABIC.as_bytes());
        let with = decode(&bom).unwrap();
        assert_eq!((with.text.as_str(), with.encoding), (ARABIC, "UTF-8"));
        assert!(!with.malformed);
    }

    #[test]
    fn utf16_both_byte_orders() {
        let text = format!("{ARABIC} Emoji 😀 and English.");
        let le = decode(&utf16(&text, false)).unwrap();
        assert_eq!((le.text.as_str(), le.encoding), (text.as_str(), "UTF-16LE"));
        let be = decode(&utf16(&text, true)).unwrap();
        assert_eq!((be.text.as_str(), be.encoding), (text.as_str(), "UTF-16BE"));
    }

    #[test]
    fn utf16_lone_surrogate_is_replaced_not_an_error() {
        let bytes = [0xFF, 0xFE, 0x3D, 0xD8, b'a', 0];
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "\u{FFFD}a");
        assert!(d.malformed);
    }

    #[test]
    fn windows_1256_is_detected() {
        let (bytes, _, unmappable) = WINDOWS_1256.encode(ARABIC);
        assert!(!unmappable);
        let d = decode(&bytes).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (ARABIC, "windows-1256"));
    }

    #[test]
    fn iso_8859_6_is_detected() {
        // ISO-8859-6 has no hamza-on-alef forms in every position windows-1256 has, but all the
        // letters of this sentence are in it.
        let text = "قال وزير الزراعة ان الخطة الجديدة ستبدأ الشهر المقبل في المناطق الريفية \
            وان الميزانية تبلغ مليون دينار لدعم المزارعين.";
        let (bytes, _, unmappable) = ISO_8859_6.encode(text);
        assert!(!unmappable);
        let d = decode(&bytes).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, "ISO-8859-6"));
    }

    #[test]
    fn png_header_is_binary() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0";
        assert_eq!(decode(png), Err(NotText::Nul { offset: 8 }));
    }

    #[test]
    fn control_characters_are_binary() {
        let bytes: Vec<u8> = (1u8..32).cycle().take(200).collect();
        assert!(matches!(decode(&bytes), Err(NotText::Controls { .. })));
        // A few in a long text are fine (an escape sequence in a log, a stray form feed).
        let mut text = ARABIC.as_bytes().to_vec();
        text.extend_from_slice(b"\x1b[0m\x0c");
        assert!(decode(&text).is_ok());
    }

    #[test]
    fn random_bytes_never_panic_and_never_mislabel() {
        // xorshift: deterministic pseudo-random bytes.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for len in [0usize, 1, 2, 3, 7, 64, 1000, 10_000] {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    x as u8
                })
                .collect();
            if let Ok(d) = decode(&bytes) {
                assert!(!d.encoding.is_empty());
            }
        }
        // Long random bytes contain NULs or control characters.
        let bytes: Vec<u8> = (0..1000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        assert!(decode(&bytes).is_err());
    }

    #[test]
    fn empty_is_empty_text() {
        assert_eq!(decode(b"").unwrap().text, "");
    }
}
