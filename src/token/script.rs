//! The writing system of a token's letters.

use serde::Serialize;

/// Writing systems the analyzer distinguishes. Digits, punctuation and symbols are `Common`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Script {
    /// Arabic, including Persian and Urdu letters and presentation forms.
    Arabic,
    /// Latin letters, with accents.
    Latin,
    /// Hebrew.
    Hebrew,
    /// Cyrillic.
    Cyrillic,
    /// Greek.
    Greek,
    /// Devanagari.
    Devanagari,
    /// Chinese characters (Han).
    Han,
    /// Japanese kana.
    Kana,
    /// Korean Hangul.
    Hangul,
    /// Thai.
    Thai,
    /// Letters of any other script.
    Other,
    /// No letters: digits, punctuation, symbols, emoji.
    Common,
}

impl Script {
    /// The script of one character (`Common` when it is not a letter of a known script).
    pub fn of_char(c: char) -> Script {
        match c as u32 {
            0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF | 0xAA | 0xBA => {
                if c == '×' || c == '÷' {
                    Script::Common
                } else {
                    Script::Latin
                }
            }
            0x0600..=0x06FF
            | 0x0750..=0x077F
            | 0x08A0..=0x08FF
            | 0xFB50..=0xFDFF
            | 0xFE70..=0xFEFF => {
                if super::scan::is_letter(c) {
                    Script::Arabic
                } else {
                    Script::Common
                }
            }
            0x0590..=0x05FF | 0xFB1D..=0xFB4F => Script::Hebrew,
            0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => {
                Script::Cyrillic
            }
            0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
            0x0900..=0x097F | 0xA8E0..=0xA8FF => Script::Devanagari,
            0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2FFFF | 0xF900..=0xFAFF => Script::Han,
            0x3040..=0x30FF | 0x31F0..=0x31FF => Script::Kana,
            0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F => Script::Hangul,
            0x0E00..=0x0E7F => Script::Thai,
            _ if super::scan::is_letter(c) => Script::Other,
            _ => Script::Common,
        }
    }

    /// The script of a piece of text: that of its first letter of a known script.
    pub fn of_text(text: &str) -> Script {
        let mut other = false;
        for c in text.chars() {
            match Script::of_char(c) {
                Script::Common => {}
                Script::Other => other = true,
                s => return s,
            }
        }
        if other {
            Script::Other
        } else {
            Script::Common
        }
    }
}
