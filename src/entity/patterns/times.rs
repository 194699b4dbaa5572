//! Times of day.
//!
//! Rules:
//! 1. `H:MM` (and `H:MM:SS`), hour 0–24 and minutes 00–59, written with touching tokens:
//!    `09:45`, `٩:٤٥`.
//! 2. A time may be followed by a part of the day (`a.m.`, `p.m.`, `am`, `pm`, `صباحا`,
//!    `مساء`, `ظهرا`, `فجرا`) and a zone (`UTC`, `GMT`, `EST`, `بتوقيت` + the next word); these
//!    are in the span.
//! 3. An hour without minutes is a time only with a part of the day (`10 a.m.`, `10 صباحا`).
//! 4. `الساعة` followed by an hour number or an Arabic ordinal hour (`الساعة العاشرة`,
//!    `الساعة 10:30`) is a time, and so is an ordinal hour with a part of the day
//!    (`العاشرة صباحا`).
//! 5. The value is `HH:MM` on a 24-hour clock when the hour is known.

use super::lexicon::Lex;
use super::numbers::parse;
use super::{Found, Run};
use crate::entity::EntityKind;

/// Arabic and English words of this family.
pub(crate) const WORDS: &[(&str, Lex)] = &[
    ("a.m", Lex::DayPeriod(false)),
    ("am", Lex::DayPeriod(false)),
    ("p.m", Lex::DayPeriod(true)),
    ("pm", Lex::DayPeriod(true)),
    ("صباحا", Lex::DayPeriod(false)),
    ("صباح", Lex::DayPeriod(false)),
    ("فجرا", Lex::DayPeriod(false)),
    ("ظهرا", Lex::DayPeriod(true)),
    ("عصرا", Lex::DayPeriod(true)),
    ("مساء", Lex::DayPeriod(true)),
    ("مساءا", Lex::DayPeriod(true)),
    ("ليلا", Lex::DayPeriod(true)),
    ("utc", Lex::TimeZone),
    ("gmt", Lex::TimeZone),
    ("est", Lex::TimeZone),
    ("edt", Lex::TimeZone),
    ("pst", Lex::TimeZone),
    ("pdt", Lex::TimeZone),
    ("cet", Lex::TimeZone),
    ("bst", Lex::TimeZone),
    ("بتوقيت", Lex::TimeZone),
    ("غرينتش", Lex::TimeZone),
    ("الساعة", Lex::HourCue),
    ("الواحدة", Lex::HourWord(1)),
    ("الثانية", Lex::HourWord(2)),
    ("الثالثة", Lex::HourWord(3)),
    ("الرابعة", Lex::HourWord(4)),
    ("الخامسة", Lex::HourWord(5)),
    ("السادسة", Lex::HourWord(6)),
    ("السابعة", Lex::HourWord(7)),
    ("الثامنة", Lex::HourWord(8)),
    ("التاسعة", Lex::HourWord(9)),
    ("العاشرة", Lex::HourWord(10)),
    ("الحادية عشرة", Lex::HourWord(11)),
    ("الثانية عشرة", Lex::HourWord(12)),
];

/// The integer at number token `i`, with at most two digits.
fn small(run: &Run<'_>, i: usize) -> Option<u32> {
    let t = run.tok(i)?;
    if !t.is_number() || t.text().chars().count() > 2 {
        return None;
    }
    u32::try_from(parse(t.text())?.integer()?).ok()
}

/// `H:MM[:SS]` written as one piece, in digits of any script: (hour, minute).
fn clock_text(s: &str) -> Option<(u32, u32)> {
    let mut parts = s.split(':');
    let (h, m) = (parts.next()?, parts.next()?);
    let sec = parts.next();
    if parts.next().is_some() || sec.is_some_and(|x| x.chars().count() != 2) {
        return None;
    }
    let int = |s: &str| -> Option<u32> {
        s.chars().try_fold(0u32, |acc, ch| {
            super::numbers::digit_value(ch).map(|d| acc * 10 + d)
        })
    };
    let (hn, mn) = (h.chars().count(), m.chars().count());
    if !(1..=2).contains(&hn) || mn != 2 {
        return None;
    }
    let (h, m) = (int(h)?, int(m)?);
    sec.map_or(Some(()), |x| int(x).map(|_| ()))?;
    (h <= 24 && m <= 59).then_some((h, m))
}

/// `H:MM[:SS]` at `i`: (hour, minute, token after).
fn clock(run: &Run<'_>, i: usize) -> Option<(u32, u32, usize)> {
    // One token (a tokenizer may keep `09:45` whole).
    if let Some(t) = run.tok(i).filter(|t| !t.is_word()) {
        if let Some((h, m)) = clock_text(t.text()) {
            return Some((h, m, i + 1));
        }
    }
    let h = small(run, i).filter(|h| *h <= 24)?;
    if !(run.glued(i) && run.is(i + 1, ":") && run.glued(i + 1)) {
        return None;
    }
    let m = small(run, i + 2).filter(|m| *m <= 59)?;
    if run.toks[i + 2].text().chars().count() != 2 {
        return None;
    }
    let mut end = i + 3;
    if run.glued(i + 2) && run.is(i + 3, ":") && run.glued(i + 3) && small(run, i + 4).is_some() {
        end = i + 5;
    }
    Some((h, m, end))
}

/// The part of the day at `i`: (pm, token after). `a.m.` takes its final period.
fn day_period(run: &Run<'_>, i: usize) -> Option<(bool, usize)> {
    let t = run.tok(i)?;
    let pm = run.find(i, |l| match l {
        Lex::DayPeriod(pm) => Some(Lex::DayPeriod(pm)),
        _ => None,
    });
    let Some(Lex::DayPeriod(pm)) = pm else {
        return None;
    };
    let end = if t.text().contains('.') && run.glued(i) && run.is(i + 1, ".") {
        i + 2
    } else {
        i + 1
    };
    Some((pm, end))
}

/// A zone at `i`: the token after it (`بتوقيت` takes the next word too).
fn zone(run: &Run<'_>, i: usize) -> Option<usize> {
    let t = run.tok(i)?;
    if !run.has(i, |l| l == Lex::TimeZone) {
        return None;
    }
    if t.is_latin() && !t.text().chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    if t.key() == "بتوقيت" {
        return run.tok(i + 1).filter(|n| n.is_word()).map(|_| i + 2);
    }
    Some(i + 1)
}

/// A time starting at token `i`.
pub(crate) fn at(run: &Run<'_>, i: usize) -> Option<Found> {
    let t = run.tok(i)?;
    let mut start = t.span().start;
    // الساعة before the hour.
    let mut j = i;
    let mut cued = false;
    if let Some((s, next, _)) = run
        .lookups(i, true)
        .into_iter()
        .find(|(_, end, l)| *l == Lex::HourCue && *end == i + 1)
    {
        start = s;
        j = next;
        cued = true;
    }
    let (hour, minute, mut end_tok, needs_period) = if let Some((h, m, next)) = clock(run, j) {
        (h, m, next, false)
    } else if let Some(h) = small(run, j).filter(|h| (1..=12).contains(h) || (cued && *h <= 24)) {
        (h, 0, j + 1, !cued)
    } else if let Some((_, next, Lex::HourWord(h))) = run
        .lookups(j, !cued)
        .into_iter()
        .find(|(_, _, l)| matches!(l, Lex::HourWord(_)))
    {
        if !cued {
            start = run.lookups(j, true).next().map_or(start, |(s, _, _)| s);
        }
        (u32::from(h), 0, next, !cued)
    } else {
        return None;
    };
    let mut hour = hour;
    let period = day_period(run, end_tok);
    if let Some((pm, next)) = period {
        if pm && hour < 12 {
            hour += 12;
        } else if !pm && hour == 12 {
            hour = 0;
        }
        end_tok = next;
    } else if needs_period {
        return None;
    }
    if let Some(next) = zone(run, end_tok) {
        end_tok = next;
    }
    Some(Found {
        start,
        end: run.toks[end_tok - 1].span().end,
        end_tok,
        kind: EntityKind::Time,
        value: Some(format!("{:02}:{minute:02}", hour % 24)),
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_util::one;
    use super::*;

    fn time(text: &str, want: &str, value: &str) {
        let (t, k, v) = one(text);
        assert_eq!(
            (t.as_str(), k, v.as_deref()),
            (want, EntityKind::Time, Some(value)),
            "in {text:?}"
        );
    }

    #[test]
    fn clock_times() {
        time("start at 09:45 UTC — about", "09:45 UTC", "09:45");
        time("hearing at 6:30 p.m. on Dec. 4", "6:30 p.m.", "18:30");
        time("at 10 a.m. sharp", "10 a.m.", "10:00");
        time("at 12 am", "12 am", "00:00");
        time("في ٩:٤٥ صباحا", "٩:٤٥ صباحا", "09:45");
    }

    #[test]
    fn arabic_hours() {
        time("في الساعة العاشرة صباحا", "الساعة العاشرة صباحا", "10:00");
        time(
            "عند الساعة 10:30 بتوقيت غرينتش",
            "الساعة 10:30 بتوقيت غرينتش",
            "10:30",
        );
        time("تبدأ 10 صباحا", "10 صباحا", "10:00");
        time("تبدأ العاشرة مساء", "العاشرة مساء", "22:00");
        time(
            "وفي الساعة الثانية عشرة ظهرا",
            "الساعة الثانية عشرة ظهرا",
            "12:00",
        );
    }

    #[test]
    fn ordinals_and_numbers_without_a_period_are_not_times() {
        assert_ne!(one("المرة الثانية").1, EntityKind::Time);
        assert_ne!(one("it was 10 then").1, EntityKind::Time);
    }
}
