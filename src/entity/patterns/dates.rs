//! Dates: days of the week, calendar dates, months, years after a cue, and relative days.
//!
//! Rules:
//! 1. A date is a chain of parts, each optional but one: a relative day (`أمس`, `yesterday`,
//!    `الأسبوع الماضي`, `last week`), a weekday (`الثلاثاء`, `يوم الأحد`, `Tuesday`), and a
//!    calendar date or a holiday; a comma may separate the parts (`Tuesday, Nov. 28`, `أمس
//!    الثلاثاء`). Holidays (`Christmas Eve`, `Easter`, `عيد الفطر المبارك`, `عيد الأضحى`) take
//!    a year after them (`Christmas 2004`); fixed ones have their day as value (`--12-24`),
//!    movable ones none. An English one must be capitalized, as weekdays and months.
//! 2. Calendar dates: day month \[year\] (`28 نوفمبر 2026`, `3 March 2027`), month day\[,\] \[year\]
//!    (`November 28, 2026`, `Nov. 28`), month year, a month alone, numeric `28/11/2026`,
//!    `٢٨/١١/٢٠٢٦`, `28-11-2026`, `2026-11-28`. Months: English, Arabic Gregorian (`نوفمبر`),
//!    Levantine (`تشرين الثاني`, `كانون الأول`) and Hijri (`رمضان`, `ذو الحجة`); a year may
//!    carry an era mark (`2026م`, `1445 هـ`).
//! 3. Words that are also names or other words need context (see [`Need`]): `مارس` (a verb),
//!    `آب` (folds to `اب`, "father"), `صفر` ("zero") and `May` need a number or `شهر`; Hijri
//!    months that are also given names (`رمضان`, `رجب`) need a preposition, `شهر` or a number.
//!    English weekdays and months must be capitalized.
//! 4. A bare four-digit number 1000–2199 is a year only after a cue: `in/by/since/until/…`,
//!    `of` after `end/start/…` (not in the span), or `عام/سنة/العام` (in the span), `في/منذ/حتى/…`
//!    (not in the span).
//! 5. `اليوم` is "today" unless a definite word follows (`اليوم الأول` is "the first day").
//! 6. Values are ISO 8601 as far as known (`2026-11-28`, `--11-28`, `2030`, `2026-11`); Hijri
//!    dates, weekdays and relative days have none.

use super::lexicon::{Calendar, Lex, Need};
use super::numbers::parse;
use super::{Found, Run};
use crate::entity::EntityKind;

use Calendar::{Gregorian as G, Hijri as H};
use Need::{Free as F, Number as N, Preposition as P};

/// Arabic and English words of this family.
pub(crate) const WORDS: &[(&str, Lex)] = &[
    // Weekdays.
    ("monday", Lex::Weekday(1)),
    ("tuesday", Lex::Weekday(2)),
    ("wednesday", Lex::Weekday(3)),
    ("thursday", Lex::Weekday(4)),
    ("friday", Lex::Weekday(5)),
    ("saturday", Lex::Weekday(6)),
    ("sunday", Lex::Weekday(7)),
    ("الاثنين", Lex::Weekday(1)),
    ("الإثنين", Lex::Weekday(1)),
    ("الثلاثاء", Lex::Weekday(2)),
    ("الأربعاء", Lex::Weekday(3)),
    ("الخميس", Lex::Weekday(4)),
    ("الجمعة", Lex::Weekday(5)),
    ("السبت", Lex::Weekday(6)),
    ("الأحد", Lex::Weekday(7)),
    ("يوم", Lex::DayCue),
    // Holidays: fixed dates with their day, movable ones without.
    ("christmas", Lex::Holiday(Some((12, 25)))),
    ("christmas day", Lex::Holiday(Some((12, 25)))),
    ("christmas eve", Lex::Holiday(Some((12, 24)))),
    ("boxing day", Lex::Holiday(Some((12, 26)))),
    ("new year's day", Lex::Holiday(Some((1, 1)))),
    ("new year's eve", Lex::Holiday(Some((12, 31)))),
    ("new year", Lex::Holiday(None)),
    ("valentine's day", Lex::Holiday(Some((2, 14)))),
    ("halloween", Lex::Holiday(Some((10, 31)))),
    ("easter", Lex::Holiday(None)),
    ("easter sunday", Lex::Holiday(None)),
    ("easter monday", Lex::Holiday(None)),
    ("good friday", Lex::Holiday(None)),
    ("thanksgiving", Lex::Holiday(None)),
    ("thanksgiving day", Lex::Holiday(None)),
    ("passover", Lex::Holiday(None)),
    ("hanukkah", Lex::Holiday(None)),
    ("diwali", Lex::Holiday(None)),
    ("eid", Lex::Holiday(None)),
    ("eid al-fitr", Lex::Holiday(None)),
    ("eid al-adha", Lex::Holiday(None)),
    ("عيد الفطر", Lex::Holiday(None)),
    ("عيد الفطر المبارك", Lex::Holiday(None)),
    ("عيد الأضحى", Lex::Holiday(None)),
    ("عيد الأضحى المبارك", Lex::Holiday(None)),
    ("يوم عرفة", Lex::Holiday(None)),
    ("عيد الميلاد المجيد", Lex::Holiday(None)),
    ("عيد الفصح", Lex::Holiday(None)),
    ("رأس السنة", Lex::Holiday(None)),
    ("رأس السنة الميلادية", Lex::Holiday(Some((1, 1)))),
    ("رأس السنة الهجرية", Lex::Holiday(None)),
    ("عيد الحب", Lex::Holiday(Some((2, 14)))),
    // English months.
    ("january", Lex::Month(1, G, F)),
    ("february", Lex::Month(2, G, F)),
    ("march", Lex::Month(3, G, F)),
    ("april", Lex::Month(4, G, F)),
    ("may", Lex::Month(5, G, N)),
    ("june", Lex::Month(6, G, F)),
    ("july", Lex::Month(7, G, F)),
    ("august", Lex::Month(8, G, F)),
    ("september", Lex::Month(9, G, F)),
    ("october", Lex::Month(10, G, F)),
    ("november", Lex::Month(11, G, F)),
    ("december", Lex::Month(12, G, F)),
    ("jan", Lex::Month(1, G, N)),
    ("feb", Lex::Month(2, G, N)),
    ("mar", Lex::Month(3, G, N)),
    ("apr", Lex::Month(4, G, N)),
    ("jun", Lex::Month(6, G, N)),
    ("jul", Lex::Month(7, G, N)),
    ("aug", Lex::Month(8, G, N)),
    ("sep", Lex::Month(9, G, N)),
    ("sept", Lex::Month(9, G, N)),
    ("oct", Lex::Month(10, G, N)),
    ("nov", Lex::Month(11, G, N)),
    ("dec", Lex::Month(12, G, N)),
    // Arabic months, Egyptian and Gulf names.
    ("يناير", Lex::Month(1, G, F)),
    ("فبراير", Lex::Month(2, G, F)),
    ("مارس", Lex::Month(3, G, N)),
    ("أبريل", Lex::Month(4, G, F)),
    ("إبريل", Lex::Month(4, G, F)),
    ("مايو", Lex::Month(5, G, F)),
    ("يونيو", Lex::Month(6, G, F)),
    ("يونيه", Lex::Month(6, G, F)),
    ("يوليو", Lex::Month(7, G, F)),
    ("يوليه", Lex::Month(7, G, F)),
    ("أغسطس", Lex::Month(8, G, F)),
    ("سبتمبر", Lex::Month(9, G, F)),
    ("أكتوبر", Lex::Month(10, G, F)),
    ("نوفمبر", Lex::Month(11, G, F)),
    ("ديسمبر", Lex::Month(12, G, F)),
    // Levantine and Iraqi names.
    ("كانون الثاني", Lex::Month(1, G, F)),
    ("شباط", Lex::Month(2, G, F)),
    ("آذار", Lex::Month(3, G, F)),
    ("نيسان", Lex::Month(4, G, F)),
    ("أيار", Lex::Month(5, G, F)),
    ("حزيران", Lex::Month(6, G, F)),
    ("تموز", Lex::Month(7, G, F)),
    ("آب", Lex::Month(8, G, N)),
    ("أيلول", Lex::Month(9, G, F)),
    ("تشرين الأول", Lex::Month(10, G, F)),
    ("تشرين الثاني", Lex::Month(11, G, F)),
    ("كانون الأول", Lex::Month(12, G, F)),
    // Hijri months.
    ("محرم", Lex::Month(1, H, N)),
    ("صفر", Lex::Month(2, H, N)),
    ("ربيع الأول", Lex::Month(3, H, F)),
    ("ربيع الثاني", Lex::Month(4, H, F)),
    ("ربيع الآخر", Lex::Month(4, H, F)),
    ("جمادى الأولى", Lex::Month(5, H, F)),
    ("جمادى الآخرة", Lex::Month(6, H, F)),
    ("جمادى الثانية", Lex::Month(6, H, F)),
    ("رجب", Lex::Month(7, H, P)),
    ("شعبان", Lex::Month(8, H, P)),
    ("رمضان", Lex::Month(9, H, P)),
    ("شوال", Lex::Month(10, H, P)),
    ("ذو القعدة", Lex::Month(11, H, F)),
    ("ذي القعدة", Lex::Month(11, H, F)),
    ("ذو الحجة", Lex::Month(12, H, F)),
    ("ذي الحجة", Lex::Month(12, H, F)),
    ("شهر", Lex::MonthCue),
    // Eras.
    ("م", Lex::Era(G)),
    ("هـ", Lex::Era(H)),
    ("ه", Lex::Era(H)),
    ("ad", Lex::Era(G)),
    // Relative days.
    ("yesterday", Lex::Relative(F)),
    ("today", Lex::Relative(F)),
    ("tomorrow", Lex::Relative(F)),
    ("tonight", Lex::Relative(F)),
    ("last week", Lex::Relative(F)),
    ("next week", Lex::Relative(F)),
    ("this week", Lex::Relative(F)),
    ("last month", Lex::Relative(F)),
    ("next month", Lex::Relative(F)),
    ("this month", Lex::Relative(F)),
    ("last year", Lex::Relative(F)),
    ("next year", Lex::Relative(F)),
    ("this year", Lex::Relative(F)),
    ("last weekend", Lex::Relative(F)),
    ("this weekend", Lex::Relative(F)),
    ("أمس", Lex::Relative(F)),
    ("البارحة", Lex::Relative(F)),
    ("أول أمس", Lex::Relative(F)),
    ("اليوم", Lex::Relative(Need::NotBeforeDefinite)),
    ("غدا", Lex::Relative(F)),
    ("بعد غد", Lex::Relative(F)),
    ("الأسبوع الماضي", Lex::Relative(F)),
    ("الأسبوع المقبل", Lex::Relative(F)),
    ("الأسبوع القادم", Lex::Relative(F)),
    ("الأسبوع الجاري", Lex::Relative(F)),
    ("الشهر الماضي", Lex::Relative(F)),
    ("الشهر المقبل", Lex::Relative(F)),
    ("الشهر القادم", Lex::Relative(F)),
    ("الشهر الجاري", Lex::Relative(F)),
    ("العام الماضي", Lex::Relative(F)),
    ("العام المقبل", Lex::Relative(F)),
    ("العام القادم", Lex::Relative(F)),
    ("العام الجاري", Lex::Relative(F)),
    ("العام الحالي", Lex::Relative(F)),
    ("السنة الماضية", Lex::Relative(F)),
    ("السنة المقبلة", Lex::Relative(F)),
    ("العام المنصرم", Lex::Relative(F)),
    // Year cues: in the span.
    ("عام", Lex::YearCue(true)),
    ("العام", Lex::YearCue(true)),
    ("سنة", Lex::YearCue(true)),
    ("لعام", Lex::YearCue(true)),
    // Year cues: not in the span.
    ("in", Lex::YearCue(false)),
    ("by", Lex::YearCue(false)),
    ("since", Lex::YearCue(false)),
    ("until", Lex::YearCue(false)),
    ("till", Lex::YearCue(false)),
    ("before", Lex::YearCue(false)),
    ("after", Lex::YearCue(false)),
    ("beyond", Lex::YearCue(false)),
    ("during", Lex::YearCue(false)),
    ("from", Lex::YearCue(false)),
    ("through", Lex::YearCue(false)),
    ("في", Lex::YearCue(false)),
    ("منذ", Lex::YearCue(false)),
    ("حتى", Lex::YearCue(false)),
    ("بحلول", Lex::YearCue(false)),
    ("قبل", Lex::YearCue(false)),
    ("بعد", Lex::YearCue(false)),
    ("خلال", Lex::YearCue(false)),
    ("مطلع", Lex::YearCue(false)),
    ("نهاية", Lex::YearCue(false)),
    ("بداية", Lex::YearCue(false)),
    ("أواخر", Lex::YearCue(false)),
    ("أوائل", Lex::YearCue(false)),
    ("منتصف", Lex::YearCue(false)),
    // `of 2030` after these.
    ("end", Lex::PeriodNoun),
    ("start", Lex::PeriodNoun),
    ("beginning", Lex::PeriodNoun),
    ("middle", Lex::PeriodNoun),
    ("half", Lex::PeriodNoun),
    ("quarter", Lex::PeriodNoun),
    ("spring", Lex::PeriodNoun),
    ("summer", Lex::PeriodNoun),
    ("autumn", Lex::PeriodNoun),
    ("fall", Lex::PeriodNoun),
    ("winter", Lex::PeriodNoun),
];

/// Prepositions that let a Hijri month that is also a name stand alone (`في رمضان`).
const PREPOSITIONS: [&str; 9] = [
    "في",
    "خلال",
    "منذ",
    "حتى",
    "قبل",
    "بعد",
    "طوال",
    "مطلع",
    "نهاية",
];

/// A date's known parts.
#[derive(Debug, Default, Clone, Copy)]
struct Ymd {
    year: Option<u32>,
    month: Option<u8>,
    day: Option<u8>,
    hijri: bool,
}

impl Ymd {
    fn iso(self) -> Option<String> {
        if self.hijri {
            return None;
        }
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => Some(format!("{y:04}-{m:02}-{d:02}")),
            (Some(y), Some(m), None) => Some(format!("{y:04}-{m:02}")),
            (None, Some(m), Some(d)) => Some(format!("--{m:02}-{d:02}")),
            (None, Some(m), None) => Some(format!("--{m:02}")),
            (Some(y), None, None) => Some(format!("{y:04}")),
            _ => None,
        }
    }
}

/// The integer of a number token `i` with at most `max_digits` digits.
fn int_at(run: &Run<'_>, i: usize, max_digits: usize) -> Option<u32> {
    let t = run.tok(i)?;
    if !t.is_number() {
        return None;
    }
    let d = parse(t.text())?;
    if d.has_fraction() || d.int_digits() > max_digits || t.text().contains([',', '٬']) {
        return None;
    }
    u32::try_from(d.integer()?).ok()
}

/// A day of the month at token `i`.
fn day_at(run: &Run<'_>, i: usize) -> Option<u8> {
    int_at(run, i, 2)
        .filter(|d| (1..=31).contains(d))
        .map(|d| d as u8)
}

/// A year at `i`, with an optional era mark after it: (year, hijri, token after, byte end).
fn year_at(run: &Run<'_>, i: usize) -> Option<(u32, bool, usize, usize)> {
    let t = run.tok(i)?;
    // 2026م, 1445هـ: one word.
    if t.is_word() {
        let (d, at) = super::numbers::digit_prefix(t.text())?;
        let era = super::lexicon::lookup(&super::fold(&t.text()[at..]))
            .iter()
            .find_map(|(_, l)| match l {
                Lex::Era(c) => Some(*c),
                _ => None,
            })?;
        let y = u32::try_from(d.integer()?).ok()?;
        return Some((y, era == H, i + 1, t.span().end));
    }
    let y = int_at(run, i, 4)?;
    if run.tok(i).map_or(0, |t| t.text().chars().count()) < 3 {
        return None;
    }
    let era = run.find(i + 1, |l| match l {
        Lex::Era(c) => Some(Lex::Era(c)),
        _ => None,
    });
    match era {
        Some(Lex::Era(c)) => Some((y, c == H, i + 2, run.toks[i + 1].span().end)),
        _ => Some((y, false, i + 1, run.toks[i].span().end)),
    }
}

/// A month name at `i` (one to three words), with clitics when `first`: (start byte, token
/// after, number, calendar, need).
fn month_at(run: &Run<'_>, i: usize, first: bool) -> Option<(usize, usize, u8, Calendar, Need)> {
    let t = run.tok(i)?;
    if t.is_latin() && !t.capitalized() {
        return None;
    }
    run.lookups(i, first)
        .into_iter()
        .find_map(|(start, end_tok, l)| match l {
            Lex::Month(m, c, n) => Some((start, end_tok, m, c, n)),
            _ => None,
        })
        .map(|(start, mut end_tok, m, c, n)| {
            // Nov. : the abbreviation's period.
            let abbreviated =
                t.is_latin() && t.text().len() <= 4 && run.glued(i) && run.is(i + 1, ".");
            if abbreviated && end_tok == i + 1 {
                end_tok += 1;
            }
            (start, end_tok, m, c, n)
        })
}

/// A date written in digits as one piece: `28/11/2026`, `٢٨/١١/٢٠٢٦`, `2026-11-28`.
fn numeric_date(s: &str) -> Option<Ymd> {
    let sep = s.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let mut parts = s.split(sep);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    ymd_of(a, b, c)
}

/// The date of three digit groups: day, month, year (2 or 4 digits), or year, month, day.
fn ymd_of(a: &str, b: &str, c: &str) -> Option<Ymd> {
    let int = |s: &str, max: usize| -> Option<u32> {
        let n = s.chars().count();
        if n == 0 || n > max {
            return None;
        }
        s.chars().try_fold(0u32, |acc, ch| {
            super::numbers::digit_value(ch).map(|d| acc * 10 + d)
        })
    };
    let (a_len, c_len) = (a.chars().count(), c.chars().count());
    let (y, m, d) = if a_len == 4 {
        (int(a, 4)?, int(b, 2)?, int(c, 2)?)
    } else if c_len == 4 || c_len == 2 {
        let y = int(c, 4)?;
        (
            if c_len == 2 { 2000 + y } else { y },
            int(b, 2)?,
            int(a, 2)?,
        )
    } else {
        return None;
    };
    ((1..=12).contains(&m) && (1..=31).contains(&d) && (1000..=2199).contains(&y)).then_some(Ymd {
        year: Some(y),
        month: Some(m as u8),
        day: Some(d as u8),
        hijri: false,
    })
}

/// A calendar date at `i`: (start byte, token after, end byte, parts).
fn calendar_at(run: &Run<'_>, i: usize, first: bool) -> Option<(usize, usize, usize, Ymd)> {
    let t = run.tok(i)?;
    let end_of = |k: usize| run.toks[k - 1].span().end;
    // Numeric: d/m/y, d-m-y, d.m.y, y-m-d, as five touching tokens or as one token (a
    // tokenizer may keep `28/11/2026` whole).
    if !t.is_word() {
        if let Some(ymd) = numeric_date(t.text()) {
            return Some((t.span().start, i + 1, t.span().end, ymd));
        }
    }
    if t.is_number() && run.glued(i) && run.glued(i + 1) && run.glued(i + 2) && run.glued(i + 3) {
        let sep = run.tok(i + 1)?.text();
        if matches!(sep, "/" | "-" | ".") && run.is(i + 3, sep) {
            let ymd = ymd_of(t.text(), run.toks[i + 2].text(), run.toks[i + 4].text())?;
            return Some((t.span().start, i + 5, end_of(i + 5), ymd));
        }
        return None;
    }
    // Day month [year].
    if let Some(day) = day_at(run, i) {
        let (_, after, m, c, _) = month_at(run, i + 1, false)?;
        let mut ymd = Ymd {
            month: Some(m),
            day: Some(day),
            hijri: c == H,
            ..Ymd::default()
        };
        let mut end_tok = after;
        if let Some((y, hijri, next, _)) = year_at(run, after) {
            ymd.year = Some(y);
            ymd.hijri |= hijri;
            end_tok = next;
        }
        return Some((t.span().start, end_tok, end_of(end_tok), ymd));
    }
    // Month [day][,] [year], or a month alone.
    let (start, after, m, c, need) = month_at(run, i, first)?;
    let mut ymd = Ymd {
        month: Some(m),
        hijri: c == H,
        ..Ymd::default()
    };
    let mut end_tok = after;
    if let Some(day) = day_at(run, after) {
        // Not the start of a time or another numeric form (Nov. 28, but not March 3:30).
        let joined = run.glued(after) && ["/", "-", ":"].iter().any(|s| run.is(after + 1, s));
        if !joined {
            ymd.day = Some(day);
            end_tok = after + 1;
            let k = if run.is(end_tok, ",") {
                end_tok + 1
            } else {
                end_tok
            };
            if let Some((y, hijri, next, _)) = year_at(run, k) {
                ymd.year = Some(y);
                ymd.hijri |= hijri;
                end_tok = next;
            }
        }
    } else if let Some((y, hijri, next, _)) = year_at(run, after) {
        ymd.year = Some(y);
        ymd.hijri |= hijri;
        end_tok = next;
    }
    let has_number = ymd.day.is_some() || ymd.year.is_some();
    let after_cue = i > 0 && run.has(i - 1, |l| l == Lex::MonthCue);
    let after_preposition = i > 0
        && PREPOSITIONS
            .iter()
            .any(|p| super::folded_chars(p).eq(run.toks[i - 1].key().chars()));
    let ok = has_number
        || after_cue
        || match need {
            Need::Free | Need::NotBeforeDefinite => true,
            Need::Preposition => after_preposition || start > t.span().start,
            Need::Number => false,
        };
    if !ok {
        return None;
    }
    let start = if after_cue {
        run.toks[i - 1].span().start
    } else {
        start
    };
    Some((start, end_tok, end_of(end_tok), ymd))
}

/// A relative day at `i`: (start byte, token after).
fn relative_at(run: &Run<'_>, i: usize, first: bool) -> Option<(usize, usize)> {
    run.lookups(i, first)
        .into_iter()
        .find_map(|(start, end_tok, l)| match l {
            Lex::Relative(Need::NotBeforeDefinite) => {
                let next_definite = run.tok(end_tok).is_some_and(|n| {
                    n.is_word()
                        && n.text().starts_with("ال")
                        && weekday_at(run, end_tok, false).is_none()
                });
                (!next_definite).then_some((start, end_tok))
            }
            Lex::Relative(_) => Some((start, end_tok)),
            _ => None,
        })
}

/// A weekday at `i`, with `يوم` before it: (start byte, token after).
fn weekday_at(run: &Run<'_>, i: usize, first: bool) -> Option<(usize, usize)> {
    let t = run.tok(i)?;
    if t.is_latin() && !t.capitalized() {
        return None;
    }
    let day_cue = run
        .lookups(i, first)
        .into_iter()
        .find(|(_, end, l)| *l == Lex::DayCue && *end == i + 1);
    if let Some((start, _, _)) = day_cue {
        if let Some((_, end)) = weekday_at(run, i + 1, false) {
            return Some((start, end));
        }
    }
    run.lookups(i, first)
        .into_iter()
        .find_map(|(start, end_tok, l)| matches!(l, Lex::Weekday(_)).then_some((start, end_tok)))
}

/// A holiday at `i` (`Christmas Eve`, `عيد الفطر`), with a year after it (`Easter 2005`):
/// (start byte, token after, parts). An English one must be capitalized.
fn holiday_at(run: &Run<'_>, i: usize, first: bool) -> Option<(usize, usize, Ymd)> {
    let t = run.tok(i)?;
    if t.is_latin() && !t.capitalized() {
        return None;
    }
    let (start, end_tok, fixed) =
        run.lookups(i, first)
            .find_map(|(start, end_tok, l)| match l {
                Lex::Holiday(fixed) => Some((start, end_tok, fixed)),
                _ => None,
            })?;
    let mut ymd = Ymd {
        month: fixed.map(|(month, _)| month),
        day: fixed.map(|(_, day)| day),
        ..Ymd::default()
    };
    let mut end_tok = end_tok;
    if let Some((y, hijri, next, _)) =
        year_at(run, end_tok).filter(|&(y, hijri, _, _)| hijri || (1000..=2199).contains(&y))
    {
        ymd.year = Some(y);
        ymd.hijri = hijri;
        end_tok = next;
    }
    Some((start, end_tok, ymd))
}

/// A year after a cue at `i`: (start byte, token after, year).
fn cued_year_at(run: &Run<'_>, i: usize, first: bool) -> Option<(usize, usize, Ymd)> {
    // عام 2026: the cue is in the span.
    if let Some((start, _, _)) = run
        .lookups(i, first)
        .into_iter()
        .find(|(_, end, l)| *l == Lex::YearCue(true) && *end == i + 1)
    {
        let (y, hijri, next, _) = year_at(run, i + 1)?;
        return Some((
            start,
            next,
            Ymd {
                year: Some(y),
                hijri,
                ..Ymd::default()
            },
        ));
    }
    let t = run.tok(i)?;
    let (y, hijri, next, _) = year_at(run, i)?;
    let era = next > i + 1 || t.is_word();
    let cue = i > 0
        && (run.has(i - 1, |l| l == Lex::YearCue(false))
            || (run.toks[i - 1].key() == "of"
                && i > 1
                && run.has(i - 2, |l| l == Lex::PeriodNoun)));
    let plausible = (1000..=2199).contains(&y) && t.text().chars().count() == 4;
    if era || (cue && plausible) {
        // Not followed by a scale, unit or currency (in 2000 tonnes).
        if !era && super::numbers::at(run, i).is_some_and(|f| f.end_tok > next) {
            return None;
        }
        return Some((
            t.span().start,
            next,
            Ymd {
                year: Some(y),
                hijri,
                ..Ymd::default()
            },
        ));
    }
    None
}

/// A date starting at token `i`.
pub(crate) fn at(run: &Run<'_>, i: usize) -> Option<Found> {
    let mut j = i;
    let mut start = None;
    let mut ymd = Ymd::default();
    let mut any_part = false;
    let comma = |j: usize| run.is(j, ",") || run.is(j, "،");
    if let Some((s, next)) = relative_at(run, j, true) {
        start.get_or_insert(s);
        j = next;
        any_part = true;
    }
    let k = if any_part && comma(j) { j + 1 } else { j };
    if let Some((s, next)) = weekday_at(run, k, !any_part) {
        start.get_or_insert(s);
        j = next;
        any_part = true;
    }
    let k = if any_part && comma(j) { j + 1 } else { j };
    if let Some((s, next, _, parts)) = calendar_at(run, k, !any_part) {
        start.get_or_insert(s);
        j = next;
        ymd = parts;
        any_part = true;
    } else if let Some((s, next, parts)) = holiday_at(run, k, !any_part) {
        start.get_or_insert(s);
        j = next;
        ymd = parts;
        any_part = true;
    } else if !any_part {
        let (s, next, parts) = cued_year_at(run, k, true)?;
        start = Some(s);
        j = next;
        ymd = parts;
        any_part = true;
    }
    if !any_part || j <= i {
        return None;
    }
    Some(Found {
        start: start?,
        end: run.toks[j - 1].span().end,
        end_tok: j,
        kind: EntityKind::Date,
        value: ymd.iso(),
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_util::{found, one};
    use super::*;

    fn date(text: &str, want: &str, value: Option<&str>) {
        let (t, k, v) = one(text);
        assert_eq!(
            (t.as_str(), k, v.as_deref()),
            (want, EntityKind::Date, value),
            "in {text:?}"
        );
    }

    fn none(text: &str) {
        let dates: Vec<_> = found(text)
            .into_iter()
            .filter(|(_, k, _)| *k == EntityKind::Date)
            .collect();
        assert!(dates.is_empty(), "in {text:?}: {dates:?}");
    }

    #[test]
    fn weekdays() {
        date("في يوم الثلاثاء", "يوم الثلاثاء", None);
        date("صدر الثلاثاء", "الثلاثاء", None);
        date("voted on Tuesday to", "Tuesday", None);
        date("بالثلاثاء", "الثلاثاء", None);
        none("a tuesday-ish mood");
    }

    #[test]
    fn relative_days_and_clitics() {
        date("وأمس الثلاثاء، وأوقف", "أمس الثلاثاء", None);
        date("وصل اليوم إلى", "اليوم", None);
        date("قال غداً إنه", "غداً", None);
        date("It rained yesterday.", "yesterday", None);
        date("met last week with", "last week", None);
        date("خلال الأسبوع الماضي", "الأسبوع الماضي", None);
        none("في اليوم الأول من");
    }

    #[test]
    fn calendar_dates_in_arabic() {
        date("في 28 نوفمبر 2026", "28 نوفمبر 2026", Some("2026-11-28"));
        date("في ٢٨ نوفمبر", "٢٨ نوفمبر", Some("--11-28"));
        date("في كانون الثاني الماضي", "كانون الثاني", Some("--01"));
        date(
            "في 5 تشرين الأول 2025",
            "5 تشرين الأول 2025",
            Some("2025-10-05"),
        );
        date("في ٢٨/١١/٢٠٢٦.", "٢٨/١١/٢٠٢٦", Some("2026-11-28"));
        date("في شهر رمضان", "شهر رمضان", None);
        date("في رمضان الماضي", "رمضان", None);
        date("10 ذو الحجة 1445 هـ", "10 ذو الحجة 1445 هـ", None);
        date("عام 1445هـ", "عام 1445هـ", None);
        date("منذ عام 2019 و", "عام 2019", Some("2019"));
        none("قال محمد رمضان إن");
        none("مارس الضغط عليه");
        none("بلغ صفر في");
    }

    #[test]
    fn calendar_dates_in_english() {
        date("SPRINGFIELD, Nov. 28 — The", "Nov. 28", Some("--11-28"));
        date(
            "on November 28, 2026 at",
            "November 28, 2026",
            Some("2026-11-28"),
        );
        date(
            "begin on 3 March 2027 and",
            "3 March 2027",
            Some("2027-03-03"),
        );
        date("on 2026-11-28 at", "2026-11-28", Some("2026-11-28"));
        date("on 28/11/2026 at", "28/11/2026", Some("2026-11-28"));
        date("on Tuesday, Nov. 28", "Tuesday, Nov. 28", Some("--11-28"));
        date("in May 2025 it", "May 2025", Some("2025-05"));
        date("hearing on Dec. 4 at", "Dec. 4", Some("--12-04"));
        none("We may go");
        none("May I go");
    }

    #[test]
    fn holidays() {
        date("before Christmas, sales rose", "Christmas", Some("--12-25"));
        date(
            "on Christmas Eve the shops",
            "Christmas Eve",
            Some("--12-24"),
        );
        date(
            "the film opens at Christmas 2004 in",
            "Christmas 2004",
            Some("2004-12-25"),
        );
        date("on New Year's Day he", "New Year's Day", Some("--01-01"));
        date("after Easter prices fell", "Easter", None);
        date(
            "احتفل المسلمون بعيد الفطر المبارك أمس",
            "عيد الفطر المبارك",
            None,
        );
        date("وقبيل عيد الأضحى ارتفعت الأسعار", "عيد الأضحى", None);
        none("we met at christmas parties");
        none("عيد ميلاده الخمسين");
    }

    #[test]
    fn years_need_a_cue() {
        date("delayed beyond 2028.", "2028", Some("2028"));
        date("by the end of 2030.", "2030", Some("2030"));
        date("in 2024 the", "2024", Some("2024"));
        none("sold 2024 cars");
        none("in 2000 tonnes");
    }
}
