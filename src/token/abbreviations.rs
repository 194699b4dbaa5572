//! Abbreviations that keep their final dot, as data: the word before the dot, case-sensitive.
//!
//! Initialisms of single letters (`U.S.`, `p.m.`, `أ.د.`) need no entry: the tokenizer
//! recognizes them by shape. Entries here are words whose dot would otherwise look like the end
//! of a sentence. Words that often end a sentence as ordinary words (`No`, `Sun`, `Sat`, `May`)
//! are left out.

/// Sorted (by byte order) for binary search; a test checks the order.
const ABBREVIATIONS: &[&str] = &[
    "Adm", "Apr", "Assn", "Aug", "Ave", "Bros", "Capt", "Cmdr", "Co", "Col", "Corp", "Cpl", "Dec",
    "Dept", "Dr", "Drs", "Feb", "Fri", "Ft", "Gen", "Gov", "Hon", "Inc", "Jan", "Jr", "Jul", "Jun",
    "Lt", "Ltd", "Maj", "Mar", "Messrs", "Mme", "Mon", "Mr", "Mrs", "Ms", "Mt", "Nov", "Oct",
    "Ph.D", "Pres", "Prof", "Rep", "Reps", "Rev", "Sen", "Sens", "Sep", "Sept", "Sgt", "Sr", "St",
    "Thu", "Thurs", "Tue", "Tues", "Wed", "approx", "dept", "est", "etc", "vs",
    // Arabic: د. (دكتور), أ. (أستاذ), م. (مهندس / ميلادي), ه. and هـ (هجري), ص. (صفحة).
    "أ", "د", "ص", "م", "ه", "هـ",
];

/// True when `word` followed by `.` is a listed abbreviation.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_sorted_for_binary_search() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn titles_months_and_arabic_titles_are_listed() {
        for w in ["Dr", "Nov", "Mr", "Inc", "د", "أ"] {
            assert!(is_abbreviation(w), "{w}");
        }
        assert!(!is_abbreviation("dr"));
        assert!(!is_abbreviation("No"));
    }
}
