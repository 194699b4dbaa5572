//! Gazetteers: lists of known names (countries, cities, organizations, agencies, companies).
//!
//! Rules:
//! 1. The lists are data files under `src/entity/data/` (`kind<TAB>name` a line, `#` comments),
//!    each with its source and licence in its header: `countries.tsv` (npm i18n-iso-countries,
//!    MIT), `curated.tsv` and `names.tsv` (written by hand; the latter Arabic given names and
//!    football clubs: a given name alone is a cue for the tagger, not a whole entity) and
//!    `organizations.tsv` (written by hand: clubs and federations, companies, international and
//!    regional bodies, news agencies and media, parties, universities; Arabic script, then
//!    English forms) and `people.tsv` (written by hand: well-known people's full names, and
//!    surnames news uses alone; Arabic script, then English forms). Compiling all lists (9,248
//!    names) takes 12 M instructions once per process (20 M before plain names were hashed in one
//!    pass over their bytes).
//! 2. A name is tokenized by the crate's own tokenizer and each token folded
//!    ([`super::features::fold`]), so a name matches exactly the token runs the analyzer sees
//!    (a name of plain ASCII or Arabic letters is split at its spaces, which a test checks is
//!    what the tokenizer does for every shipped one: compiling takes half the instructions).
//! 3. At each token the longest name wins; matching then goes on after it.
//! 4. The first token of an Arabic match may carry proclitics: `لأمازون`, `بواشنطن` and
//!    `وأمريكا` match `أمازون`, `واشنطن` and `أمريكا` (the whole word is tried first, then
//!    the stem, then the word without its conjunction `و`/`ف` alone: `وباراك أوباما`,
//!    `وبيروت`, `ولندن`, whose stems `اراك`, `يروت`, `ندن` lost a name's first letter).
//! 5. A Latin name matches only where each of its words with letters starts with a capital as
//!    written, or is a lowercase connector (`of`, `the`, `and`, `de`, …): `US` is not `us`.
//! 6. A name from `people.tsv` is marked [`Match::full`]: a whole person's name (or a surname
//!    news uses alone), not a given name that only starts one. It is no feature for the tagger
//!    (its bits stay 0): the models read a person bit as a given name that starts a name and
//!    ran on past a lone surname (`إيتو | أيضا`); a rule after the tagger uses it instead
//!    ([`super::named`], rule 1c). Measured with the shipped models: the same on the Arabic dev
//!    slice and fold 4, +0.2 point on fold 1 and +0.03 on English, against the bits set.
//!
//! Any other match is a *feature* for the tagger, not a decision: the tagger learned how far to
//! trust it.

use super::features::{fold, hash_bytes, mix, stem_of, without_possessive};
use super::EntityKind;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

const COUNTRIES: &str = include_str!("data/countries.tsv");
const CURATED: &str = include_str!("data/curated.tsv");
const NAMES: &str = include_str!("data/names.tsv");
const ORGANIZATIONS: &str = include_str!("data/organizations.tsv");
const PEOPLE: &str = include_str!("data/people.tsv");

/// A hasher for keys that are already well-mixed 64-bit hashes.
#[derive(Default, Debug, Clone, Copy)]
pub(crate) struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        // Spread small integer keys (weight indices) over the table's high bits too.
        self.0 = n.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

pub(crate) type FastMap<V> = HashMap<u64, V, BuildHasherDefault<PassThrough>>;

/// The four named kinds, in the order of the gazetteer bits and the tagger's tags.
pub const KINDS: [EntityKind; 4] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Location,
    EntityKind::Misc,
];

/// The index of a named kind in [`KINDS`].
pub fn kind_index(kind: EntityKind) -> Option<usize> {
    KINDS.iter().position(|&k| k == kind)
}

/// One name of the lists, found in a run of tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// Index of the first token (in the slice given to [`Gazetteer::find`]).
    pub first: usize,
    /// Number of tokens.
    pub len: usize,
    /// Kinds the lists give the name: bit k for [`KINDS`]`[k]`.
    pub kinds: u8,
    /// True when the first token matched only with its proclitics removed.
    pub clitic: bool,
    /// True when those proclitics were the conjunction `و`/`ف` alone, the stem having taken a
    /// letter of the name too (`وباراك` → `باراك`, stem `اراك`).
    pub conjunction: bool,
    /// True when the name is a listed person's full name or lone surname (`people.tsv`), not
    /// only a given name that may start one (`names.tsv`).
    pub full: bool,
    /// True when the listed name ends in a possessive (`McDonald's`, `Moody's`): its mention
    /// keeps it, where a name's possessive is otherwise no part of the mention (`Britain's`).
    pub possessive: bool,
    /// True when the name is a country's (`countries.tsv`: `US`, `Germany`, `ألمانيا`).
    pub country: bool,
}

/// The bit of a name's stored kinds that marks a full person's name (see [`Match::full`]).
const FULL: u8 = 1 << 4;

/// The bit of a name's stored kinds that marks a name listed with a possessive ending (see
/// [`Match::possessive`]).
const POSSESSIVE: u8 = 1 << 5;

/// The bit of a name's stored kinds that marks a country's name (see [`Match::country`]).
const COUNTRY: u8 = 1 << 6;

/// The compiled lists.
pub struct Gazetteer {
    /// Hash of a folded token sequence → kinds bitmask (and [`FULL`]).
    names: FastMap<u8>,
    /// Hash of a folded first token → longest name starting with it (in tokens).
    firsts: FastMap<u8>,
}

fn seq_start() -> u64 {
    0x6a09_e667_f3bc_c908
}

fn seq_push(h: u64, token: u64) -> u64 {
    mix(0x51, h, token)
}

/// The hash of a word's fold without its first letter when that is the conjunction `و` or `ف`
/// and four letters or more follow, as [`super::features::split_proclitics`] requires (`buf`
/// holds the fold): `وجدة` is no `و` + `جدة`.
fn conjunction_off(word: &str, buf: &mut String) -> Option<u64> {
    if !word.starts_with(['و', 'ف']) {
        return None;
    }
    super::features::fold_into(word, buf);
    let rest = buf.strip_prefix(['و', 'ف'])?;
    (rest.chars().count() >= 4).then(|| hash_bytes(rest.as_bytes()))
}

/// The hashes of the folded words of a name of words of ASCII or Arabic letters (no marks)
/// between single spaces, which the tokenizer splits at the spaces only, into `out` (cleared
/// first); false, with `out` unusable, for any other name. Most shipped names are such, and
/// compile in one pass over their bytes without tokenizing or folding into a string (a test
/// checks every shipped one against the tokenizer and the fold).
fn plain_word_hashes(name: &str, out: &mut Vec<u64>) -> bool {
    out.clear();
    for word in name.as_bytes().split(|&b| b == b' ') {
        match super::features::plain_fold_hash(word) {
            Some(h) => out.push(h),
            None => return false,
        }
    }
    true
}

/// Lowercase words that may stand inside a Latin name.
pub(crate) fn is_connector(word: &str) -> bool {
    matches!(
        word,
        "of" | "the"
            | "and"
            | "for"
            | "de"
            | "du"
            | "la"
            | "le"
            | "al"
            | "el"
            | "von"
            | "van"
            | "da"
            | "di"
            | "on"
            | "in"
            | "y"
    )
}

fn is_latin_word(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_alphabetic())
}

fn cased_ok(w: &str) -> bool {
    !is_latin_word(w) || w.chars().next().is_some_and(|c| !c.is_lowercase()) || is_connector(w)
}

impl Gazetteer {
    /// Builds a gazetteer from list texts (`kind<TAB>name` lines).
    pub fn from_lists(lists: &[&str]) -> Gazetteer {
        Gazetteer::from_lists_and_people(lists, &[])
    }

    /// Builds a gazetteer from list texts and lists of people's full names, whose matches are
    /// marked [`Match::full`] (all `kind<TAB>name` lines).
    pub fn from_lists_and_people(lists: &[&str], people: &[&str]) -> Gazetteer {
        let tagged: Vec<(&str, u8)> = lists
            .iter()
            .map(|l| (*l, 0))
            .chain(people.iter().map(|l| (*l, FULL)))
            .collect();
        Gazetteer::from_tagged_lists(&tagged)
    }

    /// Builds a gazetteer from list texts, each with the bits its names carry besides their
    /// kind ([`FULL`], [`COUNTRY`]).
    fn from_tagged_lists(tagged: &[(&str, u8)]) -> Gazetteer {
        // About one name per 24 bytes in the shipped lists (a guess, not a count: counting the
        // lines is a pass of its own).
        let lines: usize = tagged.iter().map(|(l, _)| l.len() / 24).sum();
        let mut names: FastMap<u8> = FastMap::with_capacity_and_hasher(lines, Default::default());
        let mut firsts: FastMap<u8> = FastMap::with_capacity_and_hasher(lines, Default::default());
        let tagged = tagged.iter().copied();
        let mut words: Vec<u64> = Vec::new();
        let mut folded = String::new();
        for (list, extra) in tagged {
            for line in list.lines() {
                if line.starts_with('#') {
                    continue;
                }
                let Some((kind, name)) = line.split_once('\t') else {
                    continue;
                };
                let kind = match kind.trim() {
                    "person" => 0,
                    "organization" => 1,
                    "location" => 2,
                    "misc" => 3,
                    _ => continue,
                };
                let name = name.trim();
                // The words as the tagger's views fold them: without a possessive ending
                // (`McDonald's` is listed as `mcdonald`, and marked).
                let mut possessive = 0;
                if !plain_word_hashes(name, &mut words) {
                    words.clear();
                    for t in crate::token::tokenize(name) {
                        let word = t.span.text(name);
                        let bare = without_possessive(word);
                        possessive = if bare.len() < word.len() {
                            POSSESSIVE
                        } else {
                            0
                        };
                        super::features::fold_into(bare, &mut folded);
                        words.push(hash_bytes(folded.as_bytes()));
                    }
                }
                if words.is_empty() || words.len() > 12 {
                    continue;
                }
                let h = words.iter().fold(seq_start(), |h, &w| seq_push(h, w));
                *names.entry(h).or_default() |= (1 << kind) | extra | possessive;
                let longest = firsts.entry(words[0]).or_default();
                *longest = (*longest).max(words.len() as u8);
            }
        }
        Gazetteer { names, firsts }
    }

    /// The lists shipped with the crate, compiled once.
    pub fn shipped() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| {
            Gazetteer::from_tagged_lists(&[
                (COUNTRIES, COUNTRY),
                (CURATED, 0),
                (NAMES, 0),
                (ORGANIZATIONS, 0),
                (PEOPLE, FULL),
            ])
        })
    }

    /// Number of names.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// True when there is no name.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Finds the names in a run of `words` (one sentence's token texts), longest first at each
    /// token, without overlaps.
    ///
    /// ```
    /// use article_analyzer::entity::gazetteer::Gazetteer;
    /// let g = Gazetteer::shipped();
    /// let words = ["احتجاج", "لأمازون", "في", "الولايات", "المتحدة"];
    /// let found: Vec<_> = g.find(&words).iter().map(|m| (m.first, m.len, m.clitic)).collect();
    /// assert_eq!(found, [(1, 1, true), (3, 2, false)]);
    /// ```
    pub fn find(&self, words: &[&str]) -> Vec<Match> {
        let folded: Vec<u64> = words
            .iter()
            .map(|w| hash_bytes(fold(without_possessive(w)).as_bytes()))
            .collect();
        let stems: Vec<u64> = words
            .iter()
            .map(|w| hash_bytes(stem_of(&fold(without_possessive(w))).as_bytes()))
            .collect();
        self.find_folded(words, &folded, &stems)
    }

    /// [`Gazetteer::find`] with the hashes of the words' folds and stems given (a stem equals
    /// the fold for a word without proclitics).
    pub fn find_folded(&self, words: &[&str], folded: &[u64], stems: &[u64]) -> Vec<Match> {
        let mut out = Vec::new();
        let mut buf = String::new();
        let mut i = 0;
        while i < words.len() {
            let mut found = None;
            let stem = stems.get(i).copied().filter(|&s| s != folded[i]);
            for attempt in 0..3 {
                let (first, clitic, conjunction) = match attempt {
                    0 => (Some(folded[i]), false, false),
                    1 => (stem, true, false),
                    _ => {
                        let off = conjunction_off(words[i], &mut buf);
                        (off.filter(|&c| Some(c) != stem), true, true)
                    }
                };
                let Some(first) = first else { continue };
                let Some(&longest) = self.firsts.get(&first) else {
                    continue;
                };
                if clitic && first == folded[i] {
                    continue;
                }
                let mut h = seq_push(seq_start(), first);
                let mut best = None;
                let max = usize::from(longest).min(words.len() - i);
                for len in 1..=max {
                    if len > 1 {
                        h = seq_push(h, folded[i + len - 1]);
                    }
                    if let Some(&kinds) = self.names.get(&h) {
                        if words[i..i + len].iter().all(|w| cased_ok(w)) {
                            best = Some((len, kinds));
                        }
                    }
                }
                if let Some((len, kinds)) = best {
                    found = Some(Match {
                        first: i,
                        len,
                        kinds: kinds & !(FULL | POSSESSIVE | COUNTRY),
                        clitic,
                        conjunction,
                        full: kinds & FULL != 0,
                        possessive: kinds & POSSESSIVE != 0,
                        country: kinds & COUNTRY != 0,
                    });
                    break;
                }
            }
            match found {
                Some(m) => {
                    out.push(m);
                    i += m.len;
                }
                None => i += 1,
            }
        }
        out
    }

    /// The gazetteer bits of each word (see [`super::features::TokenView::gazetteer`]) for
    /// the `matches` found in them; full names ([`Match::full`]) set none (rule 6).
    pub fn bits(words: &[&str], matches: &[Match]) -> Vec<u8> {
        let mut bits = vec![0u8; words.len()];
        for &m in matches.iter().filter(|m| !m.full) {
            for k in 0..4 {
                if m.kinds & (1 << k) != 0 {
                    bits[m.first] |= 1 << (2 * k);
                    for b in &mut bits[m.first + 1..m.first + m.len] {
                        *b |= 2 << (2 * k);
                    }
                }
            }
        }
        bits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_lists_compile() {
        assert!(Gazetteer::shipped().len() > 500);
    }

    #[test]
    fn latin_names_need_capitals() {
        let g = Gazetteer::shipped();
        assert!(g.find(&["tell", "us"]).is_empty());
        assert_eq!(g.find(&["the", "US"]).len(), 1);
    }

    #[test]
    fn a_full_name_matches_after_a_clitic_and_sets_no_bits() {
        let g = Gazetteer::shipped();
        let words = ["التقى", "وباراك", "أوباما", "محمد"];
        let m = g.find(&words);
        assert_eq!(m.len(), 2);
        assert_eq!((m[0].first, m[0].len, m[0].kinds), (1, 2, 1));
        assert!(m[0].clitic && m[0].conjunction && m[0].full);
        // `محمد` alone is a given name of names.tsv: a cue, no full name.
        assert!(!m[1].full);
        assert_eq!(Gazetteer::bits(&words, &m), [0, 0, 0, 1]);
        // Folding: hamza, alef maqsura and joined `عبد`: `عبدالعزيز بوتفليقه`.
        let m = g.find(&["عبدالعزيز", "بوتفليقه"]);
        assert_eq!((m[0].len, m[0].full), (2, true));
    }

    #[test]
    fn a_conjunction_alone_is_tried_after_the_stem() {
        let g = Gazetteer::shipped();
        // `ولندن`: the stem `ندن` took the name's first letter for the preposition ل.
        let m = g.find(&["ولندن", "وبلندن"]);
        assert_eq!(m.len(), 2);
        assert!(m[0].conjunction && m[0].clitic);
        assert!(!m[1].conjunction && m[1].clitic);
        assert!(g.find(&["وبا"]).is_empty());
        // Four letters at least after the conjunction: `وجدة` is a city, not `و` + `جدة`.
        assert!(!g.find(&["وجدة"]).iter().any(|m| m.conjunction));
    }

    #[test]
    fn plain_names_split_as_the_tokenizer_splits_them() {
        let mut plain = 0;
        let mut hashes = Vec::new();
        for list in [COUNTRIES, CURATED, NAMES, ORGANIZATIONS, PEOPLE] {
            for name in list
                .lines()
                .filter_map(|l| l.split_once('\t'))
                .map(|(_, n)| n.trim())
            {
                if !plain_word_hashes(name, &mut hashes) {
                    continue;
                }
                plain += 1;
                let tokens: Vec<&str> = crate::token::tokenize(name)
                    .iter()
                    .map(|t| t.span.text(name))
                    .collect();
                assert_eq!(tokens, name.split(' ').collect::<Vec<_>>(), "{name}");
                let folds: Vec<u64> = tokens
                    .iter()
                    .map(|t| hash_bytes(fold(t).as_bytes()))
                    .collect();
                assert_eq!(hashes, folds, "{name}");
            }
        }
        assert!(plain > 8000, "{plain}");
    }

    #[test]
    fn only_plain_names_take_the_one_pass_path() {
        let mut out = Vec::new();
        for name in ["أمازون ويب", "New York", "Ab", "ة"] {
            assert!(plain_word_hashes(name, &mut out), "{name}");
        }
        for name in [
            "",
            " New",
            "New ",
            "New  York",
            "U.S.",
            "O'Neill",
            "مُحمد",
            "بـ",
            "ٱلله",
            "Zoë",
            "a1",
        ] {
            assert!(!plain_word_hashes(name, &mut out), "{name}");
        }
    }

    #[test]
    fn longest_name_wins() {
        let g = Gazetteer::shipped();
        let m = g.find(&["أمازون", "ويب", "سيرفيسز"]);
        assert_eq!((m[0].len, m[0].kinds), (3, 2));
    }
}
