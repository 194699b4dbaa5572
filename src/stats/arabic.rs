//! Arabic readability: OSMAN (El-Haj & Rayson 2016, "OSMAN – A Novel Arabic Readability
//! Metric", LREC 2016, pp. 250–255).
//!
//! OSMAN = 200.791 − 1.015·(A/B) − 24.181·(C/A + D/A + G/A + H/A), where
//! - A = words, B = sentences;
//! - C = hard words: more than 5 letters (tashkeel and tatweel are not letters);
//! - D = syllables, weighted as the paper's tool counts them: a short syllable counts 1, a long
//!   one (a short vowel followed by ا/و/ي) counts 2, and each "stress" mark (tanween, shadda)
//!   adds 2;
//! - G = complex words: more than 4 syllables (vowel nuclei, unweighted);
//! - H = faseeh words: words of more than 5 (weighted) syllables that contain one of ء ئ ؤ ذ ظ
//!   or the pair وا / ون (as the authors' implementation counts them).
//!
//! Approximation (documented, unavoidable without a diacritizer): the paper first adds tashkeel
//! with a diacritizer (Mishkal); news is written without it. For a word with no tashkeel we
//! guess its vowels from its letters:
//! 1. ا and ى (not word-initial) are long vowels, and so are و and ي when they are not
//!    word-initial and not followed by ا (`سيارة`: ي is a consonant there).
//! 2. A word-initial ا (hamza or the article's alef) carries a short vowel. In the article ال the
//!    ل closes that syllable (al-); after a prefix و ف ب ك (وال، بال) the alef is silent and the
//!    prefix carries the short vowel; لل carries one short vowel on its first ل.
//! 3. Every other consonant carries a short vowel, unless a long vowel follows it (then its
//!    syllable is long), or it is the last letter (pausal form, no vowel), or it is ة (pausal -ah,
//!    its vowel already on the letter before).
//!
//! The guess over-counts closed syllables inside a word (مكتبة: mak·ta·ba, guessed ma·ka·ta·ba)
//! and knows no stress marks, so D and G come out somewhat high on undiacritized text; a word
//! that carries tashkeel is counted from its marks exactly as the paper's tool does.

use crate::normalize::arabic::has_piece;

/// Syllables of one Arabic word as OSMAN counts them: `(weighted, nuclei)`, where `weighted`
/// counts a long syllable and a stress mark double (the paper's D) and `nuclei` is the number of
/// vowels (for the "more than 4 syllables" test of complex words).
///
/// ```
/// use article_analyzer::stats::arabic::syllables;
/// // كتاب ki·taab: one short, one long → weighted 1 + 2 = 3, two nuclei.
/// assert_eq!(syllables("كتاب"), (3, 2));
/// // With tashkeel the marks decide: كَتَبَ ka·ta·ba → three short.
/// assert_eq!(syllables("كَتَبَ"), (3, 3));
/// ```
pub fn syllables(word: &str) -> (usize, usize) {
    if word.chars().any(is_short_vowel_or_stress) {
        return syllables_from_marks(word);
    }
    let w: Vec<char> = word
        .chars()
        .filter(|&c| super::is_letter(c))
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            _ => c,
        })
        .collect();
    let n = w.len();
    if n == 0 {
        return (0, 0);
    }
    let (mut short, mut long) = (0usize, 0usize);
    // Rule 2: prefixes with the article; `body` is where the stem's first consonant is.
    let mut body = 0usize;
    if n > 4 && matches!(w[0], 'و' | 'ف' | 'ب' | 'ك') && w[1] == 'ا' && w[2] == 'ل' {
        short += 1; // wal-, fal-, bil-, kal- (the alef is silent; ل closes the syllable)
        body = 3;
    } else if n > 3 && w[1] == 'ل' && matches!(w[0], 'ا' | 'ل') {
        short += 1; // al-, lil-
        body = 2;
    }
    let is_long_vowel = |j: usize| -> bool {
        if j <= body {
            return false; // the stem starts with a consonant (or a hamza on alef)
        }
        match w.get(j) {
            Some('ا' | 'ى') => true,
            Some('و' | 'ي') => w.get(j + 1) != Some(&'ا'),
            _ => false,
        }
    };
    let mut i = body;
    while i < n {
        if is_long_vowel(i) {
            // A long vowel right after another vowel: a syllable of its own.
            long += 1;
            i += 1;
            continue;
        }
        // A consonant (a stem-initial alef is a hamza with a short vowel).
        if is_long_vowel(i + 1) {
            long += 1;
            i += 2;
            continue;
        }
        if (i + 1 < n || i == body) && w[i] != 'ة' {
            short += 1;
        }
        i += 1;
    }
    (short + 2 * long, short + long)
}

fn is_short_vowel_or_stress(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{064F}' | '\u{0650}' | '\u{0651}')
}

/// The authors' count on a diacritized word: fatha/damma/kasra followed by ا/و/ي is long (2),
/// otherwise short (1); tanween and shadda add 2 each.
fn syllables_from_marks(word: &str) -> (usize, usize) {
    let chars: Vec<char> = word.chars().collect();
    let (mut short, mut long, mut stress) = (0usize, 0usize, 0usize);
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\u{064E}' | '\u{064F}' | '\u{0650}' => {
                if matches!(chars.get(i + 1), Some('ا' | 'و' | 'ي')) {
                    long += 1;
                } else {
                    short += 1;
                }
            }
            '\u{064B}' | '\u{064C}' | '\u{064D}' | '\u{0651}' => stress += 1,
            _ => {}
        }
    }
    (short + 2 * (long + stress), short + long)
}

/// Letters of a word: alphabetic characters other than tashkeel and tatweel.
pub fn letters(word: &str) -> usize {
    word.chars().filter(|&c| super::is_letter(c)).count()
}

/// True for a faseeh candidate: contains ء ئ ؤ ذ ظ, or the pair وا or ون.
pub fn has_faseeh_letters(word: &str) -> bool {
    word.chars()
        .any(|c| matches!(c, 'ء' | 'ئ' | 'ؤ' | 'ذ' | 'ظ'))
        || has_piece(word, "وا")
        || has_piece(word, "ون")
}

/// The counts OSMAN needs, summed over words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OsmanCounts {
    /// A: words.
    pub words: usize,
    /// B: sentences.
    pub sentences: usize,
    /// C: hard words (more than 5 letters).
    pub hard: usize,
    /// D: weighted syllables.
    pub syllables: usize,
    /// G: complex words (more than 4 syllables).
    pub complex: usize,
    /// H: faseeh words.
    pub faseeh: usize,
}

impl OsmanCounts {
    /// Adds `count` occurrences of `word`.
    pub fn add_word(&mut self, word: &str, count: usize) {
        let (weighted, nuclei) = syllables(word);
        self.words += count;
        self.syllables += weighted * count;
        if letters(word) > 5 {
            self.hard += count;
        }
        if nuclei > 4 {
            self.complex += count;
        }
        if weighted > 5 && has_faseeh_letters(word) {
            self.faseeh += count;
        }
    }

    /// OSMAN = 200.791 − 1.015·(A/B) − 24.181·(C/A + D/A + G/A + H/A); 0 for an empty text.
    pub fn score(&self) -> f64 {
        if self.words == 0 || self.sentences == 0 {
            return 0.0;
        }
        let a = self.words as f64;
        let b = self.sentences as f64;
        200.791
            - 1.015 * (a / b)
            - 24.181
                * ((self.hard as f64
                    + self.syllables as f64
                    + self.complex as f64
                    + self.faseeh as f64)
                    / a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undiacritized_syllables_by_hand() {
        // (word, weighted, nuclei), each worked out by the rules in the module doc:
        for (word, weighted, nuclei) in [
            ("كتاب", 3, 2),    // ki·taab
            ("الكتاب", 4, 3),  // al·ki·taab
            ("الولد", 3, 3),   // al·wa·lad (و after the article is a consonant)
            ("وقال", 3, 2),    // wa·qaal
            ("والكتاب", 4, 3), // wal·ki·taab
            ("ذهب", 2, 2),     // dha·hab (final ب pausal)
            ("محمد", 3, 3),    // mu·ham·mad (shadda unwritten: ma counted short)
            ("مدرسة", 4, 4),   // ma·da·ra·sa (guess; really mad·ra·sa: over-count)
            ("يقولون", 5, 3),  // ya·quu·luun → ya + 2 long
            ("إلى", 3, 2),     // i·laa
            ("سيارة", 4, 3),   // sa·yaa·ra (ي before ا is a consonant)
        ] {
            assert_eq!(syllables(word), (weighted, nuclei), "{word}");
        }
    }

    #[test]
    fn osman_on_a_text_counted_by_hand() {
        // "ذهب الولد إلى المدرسة." — A = 4 words, B = 1 sentence.
        // Letters: ذهب 3, الولد 5, إلى 3, المدرسة 7 → C = 1 (المدرسة).
        // Syllables (weighted): ذهب 2, الولد al·wa·lad 3, إلى 3, المدرسة al·ma·da·ra·sa 5 → D = 13.
        // Nuclei: 2, 3, 2, 5 → G = 1 (المدرسة). Faseeh: المدرسة has weighted 5, not > 5 → H = 0.
        // OSMAN = 200.791 − 1.015·4 − 24.181·(1 + 13 + 1 + 0)/4 = 200.791 − 4.06 − 90.67875
        //       = 106.05225
        let mut c = OsmanCounts {
            sentences: 1,
            ..OsmanCounts::default()
        };
        for w in ["ذهب", "الولد", "إلى", "المدرسة"] {
            c.add_word(w, 1);
        }
        assert_eq!(
            (c.words, c.hard, c.syllables, c.complex, c.faseeh),
            (4, 1, 13, 1, 0)
        );
        assert!((c.score() - 106.05225).abs() < 1e-9, "{}", c.score());
    }

    #[test]
    fn faseeh_needs_both_length_and_letters() {
        let mut c = OsmanCounts::default();
        c.add_word("والمستشفيات", 1); // no faseeh letter pair? contains وا → candidate
        assert_eq!(c.faseeh, usize::from(syllables("والمستشفيات").0 > 5));
        let mut d = OsmanCounts::default();
        d.add_word("ذهب", 1);
        assert_eq!(d.faseeh, 0);
    }
}
