//! Distinct token texts of one document, each with a dense id, so that the later stages key and
//! look up each distinct text once instead of once per token.
//!
//! Rules:
//! 1. [`Surfaces`] gives every token the id of its text as written (byte for byte): one hash
//!    look-up per token, the only one of the analysis; ids are dense, in order of first
//!    occurrence.
//! 2. [`TokenKeys`] holds the `folded` key of every distinct text, in the text's language, for
//!    the report's per-token `key`: a key is made once per distinct text (most are taken from
//!    the word table, which made them already), and stored once, in one buffer.
//!
//! Cost: 4 bytes per token plus the distinct texts; no allocation per token.

use crate::token::Token;
use rustc_hash::FxHashMap;

/// The distinct texts of a token list, and the id of each token's text.
///
/// ```
/// use article_analyzer::intern::Surfaces;
/// use article_analyzer::token::tokenize;
/// let text = "the cat and the dog";
/// let s = Surfaces::new(text, &tokenize(text));
/// assert_eq!(s.ids, [0, 1, 2, 0, 3]);
/// assert_eq!(s.texts, ["the", "cat", "and", "dog"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Surfaces<'t> {
    /// Per token: the id of its text.
    pub ids: Vec<u32>,
    /// Per id: the text.
    pub texts: Vec<&'t str>,
}

impl<'t> Surfaces<'t> {
    /// Gives each of `tokens` (of `text`) the id of its text.
    pub fn new(text: &'t str, tokens: &[Token]) -> Surfaces<'t> {
        // Room for 40 √n texts among n tokens, at most one per token and at least one per eight
        // tokens: news text up to 100 KB has 14–44 √n (1,914 distinct texts in the English
        // 5,000-word input, 2,722 in the Arabic), 5 MB of it fewer than n/8 (39,234 of 960,415
        // tokens in English, 64,648 of 509,357 in Arabic). A table sized once is not rebuilt
        // as it grows.
        let heaps = 40 * tokens.len().isqrt();
        let room = heaps.min(tokens.len()).max(tokens.len() / 8) + 16;
        let mut by_text: FxHashMap<&'t str, u32> =
            FxHashMap::with_capacity_and_hasher(room, Default::default());
        let mut texts: Vec<&'t str> = Vec::new();
        let ids = tokens
            .iter()
            .map(|t| {
                let s = t.span.text(text);
                *by_text.entry(s).or_insert_with(|| {
                    texts.push(s);
                    texts.len() as u32 - 1
                })
            })
            .collect();
        Surfaces { ids, texts }
    }
}

/// The `folded` key of each token, stored once per distinct text (see the module rules).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TokenKeys {
    /// Per token: the id of its text.
    ids: Vec<u32>,
    /// The keys of all distinct texts, one after another.
    buffer: String,
    /// Per text id: the end of its key in `buffer` (its start is the previous end).
    ends: Vec<u32>,
}

impl TokenKeys {
    /// Keys for tokens whose text ids are `ids`: `key_of(id)` is called once per distinct id,
    /// in id order (ids must be dense: every id below the largest occurs).
    pub fn new(ids: Vec<u32>, texts: usize, mut key_of: impl FnMut(u32, &mut String)) -> TokenKeys {
        let mut buffer = String::new();
        let mut ends = Vec::with_capacity(texts);
        for id in 0..texts as u32 {
            key_of(id, &mut buffer);
            ends.push(buffer.len() as u32);
        }
        TokenKeys { ids, buffer, ends }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// True when there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The text id of every token.
    pub fn ids(&self) -> &[u32] {
        &self.ids
    }

    /// The key of the text with id `id` ("" for an unknown id).
    pub fn key_of_text(&self, id: u32) -> &str {
        let id = id as usize;
        let end = self.ends.get(id).copied().unwrap_or(0) as usize;
        let start = match id.checked_sub(1) {
            Some(p) => self.ends.get(p).copied().unwrap_or(0) as usize,
            None => 0,
        };
        self.buffer.get(start..end).unwrap_or("")
    }

    /// Number of distinct texts.
    pub fn texts(&self) -> usize {
        self.ends.len()
    }

    /// The text id of token `i` (`u32::MAX` for an index out of range).
    pub fn id(&self, i: usize) -> u32 {
        self.ids.get(i).copied().unwrap_or(u32::MAX)
    }

    /// The key of token `i` ("" for an index out of range).
    pub fn key(&self, i: usize) -> &str {
        match self.ids.get(i) {
            Some(&id) => self.key_of_text(id),
            None => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    #[test]
    fn keys_are_stored_once_per_text() {
        let text = "A a b A";
        let s = Surfaces::new(text, &tokenize(text));
        assert_eq!(s.ids, [0, 1, 2, 0]);
        let texts = s.texts.clone();
        let keys = TokenKeys::new(s.ids, texts.len(), |id, out| {
            out.push_str(&texts[id as usize].to_lowercase())
        });
        let all: Vec<&str> = (0..keys.len()).map(|i| keys.key(i)).collect();
        assert_eq!(all, ["a", "a", "b", "a"]);
        assert_eq!(keys.buffer, "aab");
        assert_eq!(keys.key(9), "");
    }
}
