//! Named entities — people, organizations, locations and other names.
//!
//! The statistical tagger (with its gazetteers) lives here. This placeholder finds nothing; the
//! named-entity work replaces this file entirely, keeping the signature of [`recognize`].

use super::Entity;
use crate::lang::Language;
use crate::sentence::Sentence;
use crate::token::Token;

/// Finds the named entities of `text` (kinds person, organization, location, misc), sorted by
/// start, non-overlapping, each inside one sentence. Runs before the patterns, which may use its
/// person spans (e.g. for the speakers of quotes).
pub fn recognize(
    _text: &str,
    _tokens: &[Token],
    _sentences: &[Sentence],
    _language: Language,
) -> Vec<Entity> {
    Vec::new()
}
