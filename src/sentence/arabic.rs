//! Arabic rules for sentence ends.
//!
//! Arabic has no capital letters, so the case cues of the English rules are not available; the
//! stops carry more weight.
//! 1. `.` `؟` `!` `…` end a sentence (and `۔`, the Urdu full stop, found in some Arabic-script
//!    text). The closing guillemet or quote glued to them stays in the sentence: `«نعم؟»`.
//! 2. `؛` (the Arabic semicolon) does **not** end a sentence. In news prose it joins clauses
//!    like the English `;`, most often before a reason or a consequence (`…؛ لأن …`,
//!    `…؛ حيث …`, `…؛ الأمر الذي …`); SaudiNewsNet uses it 657 times in 2,050 articles, almost
//!    always mid-sentence. Sentence splitters that cut at `؛` produce clause fragments.
//! 3. A single Arabic letter before `.` is an abbreviated title or initial and goes on:
//!    `د. خالد` (doctor), `م. محمد` (engineer), `أ. د. علي` (professor doctor).
//! 4. Except after a number, where `م.` and `هـ.` are the era marks (AD and hijri) that
//!    commonly close a sentence: `عام 2015 م. وأوضح …` ends after `م.`.
//! 5. Any other Arabic word before `.` ends the sentence.
//! 6. An ellipsis (`..`, `...`, `…`) ends the sentence unless it is glued to the next word
//!    (`الكراهية..وتجريم`). Without letter case there is no cue to tell a trailing-off clause
//!    from a pause, and Arabic web writers use `..` often between clauses, so some clause chains
//!    come out as several short sentences: the price of never running two sentences together.

use super::{Next, Stem};
use crate::token::{Token, TokenKind};

/// The Arabic tatweel (kashida), which writers add to the era mark: `هـ`.
const TATWEEL: char = '\u{0640}';

/// A single Arabic letter, ignoring tatweel and diacritics (`د`, `م`, `هـ`).
fn is_single_letter(stem: &str) -> bool {
    let mut letters = stem.chars().filter(|&c| c != TATWEEL && !is_arabic_mark(c));
    letters.next().is_some_and(char::is_alphabetic) && letters.next().is_none()
}

/// Arabic combining marks (tashkeel and Quranic marks).
fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
}

/// Does a `.` after the Arabic `stem` end the sentence?
pub(super) fn period_ends_sentence(
    _text: &str,
    tokens: &[Token],
    stem: Option<Stem>,
    _next: Next,
) -> bool {
    let Some(stem) = stem else {
        return true;
    };
    if !is_single_letter(stem.text) {
        return true;
    }
    // Rule 4: an era mark after a year.
    stem.index > 0 && tokens[stem.index - 1].kind == TokenKind::Number
}

#[cfg(test)]
mod tests {
    use super::super::tests::split;

    #[test]
    fn arabic_stops_end_sentences() {
        assert_eq!(
            split("وصل الوفد. هل انتهى الاجتماع؟ نعم! ثم ماذا…"),
            ["وصل الوفد.", "هل انتهى الاجتماع؟", "نعم!", "ثم ماذا…"]
        );
    }

    #[test]
    fn arabic_semicolon_does_not_end_a_sentence() {
        assert_eq!(
            split("ارتفعت الأسعار؛ لأن الطلب زاد. وقال الوزير ذلك."),
            ["ارتفعت الأسعار؛ لأن الطلب زاد.", "وقال الوزير ذلك."]
        );
    }

    #[test]
    fn closing_guillemet_stays_with_the_question_mark() {
        assert_eq!(
            split("وسأل: «متى نعود؟» ثم صمت."),
            ["وسأل: «متى نعود؟»", "ثم صمت."]
        );
    }

    #[test]
    fn titles_before_names_go_on() {
        assert_eq!(
            split("قال د. خالد إن م. محمد وافق. وانتهى اللقاء."),
            ["قال د. خالد إن م. محمد وافق.", "وانتهى اللقاء."]
        );
    }

    #[test]
    fn era_mark_after_a_year_ends_the_sentence() {
        assert_eq!(
            split("تأسست الشركة عام 2015 م. وأوضح المدير ذلك. ولد عام 1380 هـ. ثم سافر."),
            [
                "تأسست الشركة عام 2015 م.",
                "وأوضح المدير ذلك.",
                "ولد عام 1380 هـ.",
                "ثم سافر."
            ]
        );
    }

    #[test]
    fn arabic_ellipsis_ends_unless_glued() {
        assert_eq!(
            split("كان هدفنا واضحا.. وتحقق. ونبذ الكراهية..وتجريم التمييز."),
            [
                "كان هدفنا واضحا..",
                "وتحقق.",
                "ونبذ الكراهية..وتجريم التمييز."
            ]
        );
    }

    #[test]
    fn arabic_indic_decimals_do_not_end() {
        assert_eq!(
            split("بلغ النمو ٣.٥ في المئة."),
            ["بلغ النمو ٣.٥ في المئة."]
        );
    }

    #[test]
    fn one_paragraph_per_line_without_terminators() {
        assert_eq!(
            split("احتجاجات أمام مقر الشركة\nالرياض - واس\nتجمع العمال صباح اليوم."),
            [
                "احتجاجات أمام مقر الشركة",
                "الرياض - واس",
                "تجمع العمال صباح اليوم."
            ]
        );
    }
}
