//! The pattern lexicon: every word and phrase the patterns look up, in one sorted table.
//!
//! Each family keeps its own word lists, Arabic and English, next to its rules (`dates.rs`,
//! `times.rs`, `numbers.rs`, `quotes.rs`); this module folds their keys once (see the module
//! rules of [`super`]) and answers lookups by binary search. A word may have several entries
//! (`عام` is a year cue and a unit of time).

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

/// The entries whose folded key is `key`.
pub fn lookup(key: &str) -> &'static [(String, Lex)] {
    let t = table();
    let lo = t.partition_point(|(k, _)| k.as_str() < key);
    let hi = lo + t[lo..].partition_point(|(k, _)| k.as_str() == key);
    &t[lo..hi]
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
