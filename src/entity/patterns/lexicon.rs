//! The pattern lexicon: every word and phrase the patterns look up, in one sorted table.
//!
//! Each family keeps its own word lists, Arabic and English, next to its rules (`dates.rs`,
//! `times.rs`, `numbers.rs`, `quotes.rs`); this module folds their keys once (see the module
//! rules of [`super`]) and answers lookups by binary search. A word may have several entries
//! (`عام` is a year cue and a unit of time).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// What a word or phrase means to the patterns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lex {
    /// A day of the week (1 = Monday … 7 = Sunday).
    Weekday(u8),
    /// A month: number, calendar, and how much context it needs (see [`Need`]).
    Month(u8, Calendar, Need),
    /// A relative date: `أمس`, `today`, `الأسبوع الماضي`; [`Need::Free`] or
    /// [`Need::NotBeforeDefinite`] (`اليوم` followed by an adjective is "the day").
    Relative(Need),
    /// A holiday with its month and day, `None` where the date moves (`Easter`, `عيد الفطر`).
    Holiday(Option<(u8, u8)>),
    /// `يوم` before a weekday (part of the date).
    DayCue,
    /// `شهر`, `month of`: before a month name (part of the date).
    MonthCue,
    /// A word after which a 4-digit number is a year. `true`: the cue is part of the date
    /// (`عام 2026`); `false`: it is not (`in 2028`).
    YearCue(bool),
    /// `of` counts as a year cue after these words (`the end of 2030`).
    PeriodNoun,
    /// An era mark after a year: `م` (Gregorian), `هـ` (Hijri).
    Era(Calendar),
    /// A scale word with its power of ten: `million` (6), `مليار` (9).
    Scale(u8),
    /// A plural scale word: `millions`, `ملايين` (amount without a value).
    ScalePlural,
    /// A currency word or code with its ISO 4217 code.
    Currency(&'static str),
    /// A symbol-like currency abbreviation before a number (`US$` parts, `Dh`).
    CurrencyAdjective(&'static str),
    /// `percent`, `بالمئة`, `في المائة`.
    Percent,
    /// A unit of measure, by its English name.
    Unit(&'static str),
    /// An Arabic ordinal hour: `العاشرة` (10).
    HourWord(u8),
    /// `الساعة` before an hour (part of the time).
    HourCue,
    /// A part of the day after a time: `a.m.` (false), `p.m.`/`مساء` (true).
    DayPeriod(bool),
    /// A time zone after a time: `UTC`, `GMT`, `بتوقيت`.
    TimeZone,
    /// A verb of speech that attributes a quote: `قال`, `said`.
    SpeechVerb,
    /// A pronoun that can be a speaker: `he`, `she`.
    Pronoun,
    /// A noun that introduces a name in quotation marks (not speech): `تحالف`, `campaign`.
    NameNoun,
    /// A role or title before an Arabic speaker's name: `المحلل`, `أحد`, `عضو`.
    Role,
    /// A word that ends an Arabic speaker phrase: `إن`, `في`, `لوكالة`.
    SpeakerStop,
}

/// The calendar of a month or era.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calendar {
    /// Gregorian (`نوفمبر`, `تشرين الثاني`, `November`).
    Gregorian,
    /// Hijri (`رمضان`, `ذو الحجة`).
    Hijri,
}

/// How much context a word needs to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Counts alone.
    Free,
    /// Counts alone or after a preposition (`في رمضان`); a name otherwise (`محمد رمضان`).
    Preposition,
    /// Counts only next to a day number or year, or after `شهر` (`مارس` is also a verb,
    /// `May` a modal, `Nov.` an abbreviation).
    Number,
    /// Counts unless a definite word follows (`اليوم الأول` is "the first day").
    NotBeforeDefinite,
}

fn table() -> &'static [(String, Lex)] {
    static TABLE: OnceLock<Vec<(String, Lex)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut all: Vec<(String, Lex)> = [
            super::dates::WORDS,
            super::times::WORDS,
            super::numbers::WORDS,
            super::quotes::WORDS,
        ]
        .into_iter()
        .flatten()
        .map(|(w, l)| (super::fold(w), *l))
        .collect();
        all.sort_by(|a, b| a.0.cmp(&b.0));
        all
    })
}

/// First words of the phrases of the table (`كانون` of `كانون الثاني`).
fn heads() -> &'static HashSet<String, BuildHasherDefault<Fnv>> {
    static HEADS: OnceLock<HashSet<String, BuildHasherDefault<Fnv>>> = OnceLock::new();
    HEADS.get_or_init(|| {
        table()
            .iter()
            .filter_map(|(k, _)| k.split_once(' ').map(|(first, _)| first.to_string()))
            .collect()
    })
}

/// True when `key` is the first word of some phrase of the table.
pub fn is_head(key: &str) -> bool {
    heads().contains(key)
}

/// FNV-1a: a tiny, fast hash for short keys (the standard SipHash is slower here, and the
/// table is fixed, so there is nothing to defend against).
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Key → range of the sorted table.
fn index() -> &'static HashMap<&'static str, (usize, usize), BuildHasherDefault<Fnv>> {
    static INDEX: OnceLock<HashMap<&'static str, (usize, usize), BuildHasherDefault<Fnv>>> =
        OnceLock::new();
    INDEX.get_or_init(|| {
        let t = table();
        let mut map = HashMap::default();
        let mut lo = 0;
        while lo < t.len() {
            let hi = lo + t[lo..].partition_point(|(k, _)| *k == t[lo].0);
            map.insert(t[lo].0.as_str(), (lo, hi));
            lo = hi;
        }
        map
    })
}

/// The entries whose folded key is `key`.
pub fn lookup(key: &str) -> &'static [(String, Lex)] {
    match index().get(key) {
        Some(&(lo, hi)) => &table()[lo..hi],
        None => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_fold_the_key() {
        assert!(lookup("الثلاثاء").iter().any(|(_, l)| *l == Lex::Weekday(2)));
        assert!(lookup("امس")
            .iter()
            .any(|(_, l)| matches!(l, Lex::Relative(_))));
        assert!(lookup("no such word").is_empty());
    }

    #[test]
    fn a_word_may_mean_several_things() {
        let kinds = lookup("عام");
        assert!(kinds.iter().any(|(_, l)| *l == Lex::YearCue(true)));
        assert!(kinds.iter().any(|(_, l)| matches!(l, Lex::Unit(_))));
    }
}
