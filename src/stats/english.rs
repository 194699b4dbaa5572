//! English readability: syllables by rule, Flesch Reading Ease and Flesch–Kincaid grade.
//!
//! Syllable rules, applied to the lower-cased letters of a word (apostrophes dropped):
//! 1. A word of three letters or fewer has one syllable (`the`, `cat`, `you`).
//! 2. Count vowel groups: runs of `a e i o u y` (`y` is a vowel except as the first letter;
//!    accented Latin vowels count as vowels).
//! 3. A final `e` after a consonant is silent (`make`, `fire`), except in a consonant + `le`
//!    ending (`table`, `little`), which is a syllable of its own.
//! 4. A final `-ed` after a consonant other than `t`/`d` is silent (`jumped`, `played`;
//!    but `wanted`, `needed`).
//! 5. A final `-es` after a consonant is silent (`makes`, `lines`) unless the consonant is a
//!    sibilant `s x z` or the ending is `ces ges ches shes` (`boxes`, `changes`, `watches`).
//! 6. A silent `e` before `-ly` or `-ment` (`lovely`, `movement`) takes no syllable.
//! 7. Two vowels that are usually two syllables add one back: `ia` (not after `c t g`: `media`
//!    but `social`), `ua` (not after `q g`: `actual` but `quality`), `io` not followed by `n`
//!    (`radio`, `period`, but `nation`, `million`), `eo` not after `g p` (`video`; `people`),
//!    `iet`/`ier` (`quiet`, `happier`), and `-ing` after a vowel (`going`, `playing`).
//! 8. Every word has at least one syllable.
//!
//! These rules are a heuristic; `tests::syllable_word_list` measures them on a hand-checked list.
//!
//! Flesch (1948), "A new readability yardstick", J. Applied Psychology 32(3):
//! Reading Ease = 206.835 − 1.015·(words/sentences) − 84.6·(syllables/words).
//! Kincaid, Fishburne, Rogers, Chissom (1975), Navy report RBR-8-75:
//! grade = 0.39·(words/sentences) + 11.8·(syllables/words) − 15.59.

/// Syllables of an English word, by the rules of this module.
///
/// ```
/// use article_analyzer::stats::english::syllables;
/// assert_eq!(syllables("readability"), 5);
/// assert_eq!(syllables("table"), 2);
/// assert_eq!(syllables("jumped"), 1);
/// ```
pub fn syllables(word: &str) -> usize {
    // The word's letters, lowercased: on the stack up to 32 (nearly every word; this runs once
    // per distinct word of the text), on the heap past that.
    let mut stack = ['\0'; 32];
    let mut heap: Vec<char> = Vec::new();
    let mut n = 0;
    let mut push = |c: char| match stack.get_mut(n) {
        Some(slot) if heap.is_empty() => {
            *slot = c;
            n += 1;
        }
        _ => {
            if heap.is_empty() {
                heap.extend_from_slice(&stack[..n]);
            }
            heap.push(c);
        }
    };
    for c in word.chars().filter(|&c| super::is_letter(c)) {
        if c.is_ascii() {
            push(c.to_ascii_lowercase());
        } else {
            c.to_lowercase().for_each(&mut push);
        }
    }
    let w: &[char] = if heap.is_empty() {
        stack.get(..n).unwrap_or_default()
    } else {
        &heap
    };
    count_syllables(w)
}

/// The rules of [`syllables`] over a word's letters, lowercased.
fn count_syllables(w: &[char]) -> usize {
    if w.is_empty() {
        return 0;
    }
    if w.len() <= 3 {
        return 1;
    }
    let vowel = |i: usize| -> bool {
        match w.get(i) {
            Some('y') => i > 0,
            Some(&c) => is_vowel(c),
            None => false,
        }
    };
    let consonant = |i: usize| w.get(i).is_some_and(|&c| super::is_letter(c)) && !vowel(i);
    let mut count = 0usize;
    let mut in_group = false;
    for i in 0..w.len() {
        let v = vowel(i);
        if v && !in_group {
            count += 1;
        }
        in_group = v;
    }
    let n = w.len();
    let ends = |s: &str| -> bool {
        let k = s.chars().count();
        n >= k && w[n - k..].iter().copied().eq(s.chars())
    };
    // Rule 3: silent final e (but consonant + le is a syllable).
    if w[n - 1] == 'e' && consonant(n - 2) && !(w[n - 2] == 'l' && consonant(n - 3)) {
        count = count.saturating_sub(1);
    }
    // Rule 4: silent -ed.
    if ends("ed") && consonant(n - 3) && !matches!(w[n - 3], 't' | 'd') {
        count = count.saturating_sub(1);
    }
    // Rule 5: silent -es.
    if ends("es")
        && consonant(n - 3)
        && !matches!(w[n - 3], 's' | 'x' | 'z')
        && !(ends("ces") || ends("ges") || ends("ches") || ends("shes"))
        && !(w[n - 3] == 'l' && consonant(n - 4))
    {
        count = count.saturating_sub(1);
    }
    // Rule 6: silent e before -ly / -ment.
    for suffix in ["ly", "ment"] {
        let k = suffix.len();
        if ends(suffix) && n > k + 2 && w[n - k - 1] == 'e' && consonant(n - k - 2) {
            // `-le` + `ly` (`simply` has no e) never reaches here; `-ely`, `-ement` do.
            count = count.saturating_sub(1);
        }
    }
    // Rule 7: vowel pairs that are two syllables.
    for i in 0..n.saturating_sub(1) {
        let (a, b) = (w[i], w[i + 1]);
        let before = if i > 0 { Some(w[i - 1]) } else { None };
        let after = w.get(i + 2).copied();
        let split = match (a, b) {
            ('i', 'a') => !matches!(before, Some('c' | 't' | 'g')),
            ('u', 'a') => !matches!(before, Some('q' | 'g')),
            ('i', 'o') => after != Some('n'),
            ('e', 'o') => !matches!(before, Some('g' | 'p')) && after != Some('u'),
            ('i', 'e') => matches!(after, Some('t' | 'r')) && i > 0,
            _ => false,
        };
        if split {
            count += 1;
        }
    }
    // Rule 7b: -ing after a vowel is a syllable of its own (`going`, `being`, `playing`).
    if ends("ing") && n > 4 && vowel(n - 4) {
        count += 1;
    }
    count.max(1)
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'à'
            | 'á'
            | 'â'
            | 'ä'
            | 'è'
            | 'é'
            | 'ê'
            | 'ë'
            | 'ì'
            | 'í'
            | 'î'
            | 'ï'
            | 'ò'
            | 'ó'
            | 'ô'
            | 'ö'
            | 'ù'
            | 'ú'
            | 'û'
            | 'ü'
    )
}

/// Flesch Reading Ease: 206.835 − 1.015·(words/sentences) − 84.6·(syllables/words).
pub fn flesch_reading_ease(words: usize, sentences: usize, syllables: usize) -> f64 {
    if words == 0 || sentences == 0 {
        return 0.0;
    }
    let (w, s, y) = (words as f64, sentences as f64, syllables as f64);
    206.835 - 1.015 * (w / s) - 84.6 * (y / w)
}

/// Flesch–Kincaid grade: 0.39·(words/sentences) + 11.8·(syllables/words) − 15.59.
pub fn flesch_kincaid_grade(words: usize, sentences: usize, syllables: usize) -> f64 {
    if words == 0 || sentences == 0 {
        return 0.0;
    }
    let (w, s, y) = (words as f64, sentences as f64, syllables as f64);
    0.39 * (w / s) + 11.8 * (y / w) - 15.59
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The letters gathered on the stack (up to 32) or the heap count as the letters
        /// collected one by one into a list: short and long words, capitals, marks, letters
        /// that lowercase to two (`İ`), and what is no letter.
        #[test]
        fn letters_on_the_stack_count_as_a_list_of_them(
            word in "[a-zA-ZéÉİß'\\-ـَ0-9]{0,40}",
        ) {
            let mut listed = Vec::new();
            for c in word.chars().filter(|&c| crate::stats::is_letter(c)) {
                listed.extend(c.to_lowercase());
            }
            proptest::prop_assert_eq!(syllables(&word), count_syllables(&listed));
        }
    }

    /// Syllable counts as a dictionary gives them (Merriam-Webster hyphenation of the
    /// pronunciation), written down by hand, not produced by the code under test.
    const WORDS: &[(&str, usize)] = &[
        ("a", 1),
        ("the", 1),
        ("cat", 1),
        ("dog", 1),
        ("you", 1),
        ("make", 1),
        ("makes", 1),
        ("fire", 1),
        ("time", 1),
        ("times", 1),
        ("like", 1),
        ("likes", 1),
        ("jumped", 1),
        ("played", 1),
        ("need", 1),
        ("free", 1),
        ("through", 1),
        ("strength", 1),
        ("school", 1),
        ("queue", 1),
        ("news", 1),
        ("said", 1),
        ("table", 2),
        ("little", 2),
        ("people", 2),
        ("wanted", 2),
        ("needed", 2),
        ("boxes", 2),
        ("changes", 2),
        ("watches", 2),
        ("horses", 2),
        ("lovely", 2),
        ("movement", 2),
        ("statement", 2),
        ("nation", 2),
        ("million", 2),
        ("social", 2),
        ("quiet", 2),
        ("water", 2),
        ("happy", 2),
        ("city", 2),
        ("protest", 2),
        ("contract", 2),
        ("system", 2),
        ("beauty", 2),
        ("issue", 2),
        ("police", 2),
        ("market", 2),
        ("student", 2),
        ("simple", 2),
        ("because", 2),
        ("ocean", 2),
        ("yellow", 2),
        ("summer", 2),
        ("going", 2),
        ("being", 2),
        ("doing", 2),
        ("playing", 2),
        ("seeing", 2),
        ("agreement", 3),
        ("company", 3),
        ("government", 3),
        ("media", 3),
        ("radio", 3),
        ("video", 3),
        ("period", 3),
        ("actual", 3),
        ("completely", 3),
        ("happier", 3),
        ("important", 3),
        ("yesterday", 3),
        ("family", 3),
        ("library", 3),
        ("article", 3),
        ("internet", 3),
        ("computer", 3),
        ("minister", 3),
        ("president", 3),
        ("elephant", 3),
        ("animal", 3),
        ("beautiful", 3),
        ("protesters", 3),
        ("analysis", 4),
        ("technology", 4),
        ("democracy", 4),
        ("political", 4),
        ("security", 4),
        ("immediately", 5),
        ("university", 5),
        ("readability", 5),
        ("international", 5),
        ("organization", 5),
        ("responsibility", 6),
        // Written after the rules were fixed, as a held-out check: of 40 words (government and
        // police are listed above), 38 right; `ageing` and `employees` miss.
        ("council", 2),
        ("bridge", 1),
        ("harbour", 2),
        ("construction", 3),
        ("traffic", 2),
        ("billion", 2),
        ("decade", 2),
        ("replace", 2),
        ("approve", 2),
        ("ending", 2),
        ("divided", 3),
        ("reporter", 3),
        ("tuesday", 2),
        ("voted", 2),
        ("ageing", 2),
        ("rocket", 2),
        ("launch", 1),
        ("delayed", 2),
        ("weather", 2),
        ("engineers", 3),
        ("satellite", 3),
        ("agency", 3),
        ("orbit", 2),
        ("friday", 2),
        ("morning", 2),
        ("customers", 3),
        ("retail", 2),
        ("analytics", 4),
        ("campaign", 2),
        ("information", 4),
        ("employees", 3),
        ("deportation", 4),
        ("violence", 3),
        ("world", 1),
        ("racist", 2),
        ("occupation", 4),
        ("database", 3),
        ("conference", 3),
    ];

    #[test]
    fn syllable_word_list() {
        let misses: Vec<_> = WORDS
            .iter()
            .filter(|(w, n)| syllables(w) != *n)
            .map(|(w, n)| format!("{w}: expected {n}, got {}", syllables(w)))
            .collect();
        assert!(WORDS.len() >= 60);
        eprintln!(
            "syllable misses ({} of {}): {misses:?}",
            misses.len(),
            WORDS.len()
        );
        // The rules are a heuristic: at most 5% of this list may miss (documented misses below).
        assert!(
            misses.len() * 20 <= WORDS.len(),
            "{} of {} wrong:\n{}",
            misses.len(),
            WORDS.len(),
            misses.join("\n")
        );
    }

    #[test]
    fn flesch_on_a_text_counted_by_hand() {
        // "The cat sat on the mat. It was happy." — 9 words, 2 sentences, syllables:
        // the cat sat on the mat (6) + it was hap·py (4) = 10.
        // RE = 206.835 − 1.015·4.5 − 84.6·(10/9) = 206.835 − 4.5675 − 94.0 = 108.2675
        // FK = 0.39·4.5 + 11.8·(10/9) − 15.59 = 1.755 + 13.1111 − 15.59 = −0.7239
        let text = "The cat sat on the mat It was happy";
        let syl: usize = text.split(' ').map(syllables).sum();
        assert_eq!(syl, 10);
        assert!((flesch_reading_ease(9, 2, syl) - 108.2675).abs() < 1e-3);
        assert!((flesch_kincaid_grade(9, 2, syl) - -0.7239).abs() < 1e-3);
    }
}
