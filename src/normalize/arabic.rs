//! Arabic-script folding rules and proclitic splitting, for keys.
//!
//! Letter rules, each an option of [`ArabicFolding`] (on at `Folded` unless said otherwise):
//! 1. **Tashkeel** removed: harakat, tanween, shadda, sukun, dagger alef, Quranic marks.
//! 2. **Tatweel** `ـ` removed.
//! 3. **Alef variants** `أ إ آ ٱ` → `ا` (also `ٲ ٳ`).
//! 4. **Alef maqsura** `ى` → `ي` — except in `على`, which would become the name `علي`
//!    (the preposition is the most frequent word of Arabic news).
//! 5. **Persian/Urdu variants** → Arabic letters: `ک ڪ` → `ك`, `ی ې ۍ ے` → `ي`, `ە ۀ ہ ھ` → `ه`,
//!    `ۃ` → `ة`, `ٹ`… are kept (they have no Arabic twin). Text typed on a Persian keyboard
//!    then counts with Arabic text.
//! 6. **Teh marbuta** `ة` → `ه`: off at `Folded` (news text spells it consistently, and the
//!    fold merges words such as `مدرسة`/`مدرسه` only by loss), on at `Stemmed`.
//! 7. **Hamza on carriers** `ؤ` → `و`, `ئ` → `ي`: off at `Folded`, on at `Stemmed`.
//!
//! Proclitics (option `clitics`, on at `Folded`): the conjunctions `و ف`, the prepositions
//! `ب ل`, the article `ال` and their combinations (`وال بال فال كال لل وبال ولل وب ول فب…`)
//! are split off a word when what remains is plausible. The preposition `ك` comes off only with
//! the article (`كالعادة`): alone it is much rarer than words whose root starts with `ك`
//! (`كتبوا`, `كبير`, `كلمة`).
//! - at least 2 letters after the bare article, at least 3 after any other prefix
//!   (`للدولة` → `دولة`, `اليد` → `يد`, but `بلد`, `ولد`, `كان` stay whole, and `للفت` is
//!   `ل` + `لفت`);
//! - a curated list of words that merely begin with those letters (`واشنطن`, `بيروت`, `لبنان`,
//!   `البانيا`, `الله`, `الذي`, `وزير`, `بيان`, `فريق`, `لقاء`, …) is never split, nor are words
//!   that begin with a listed word of 4+ letters (`فلسطينيون`, `وزيرة`; not for entries that
//!   look like they carry the article, which match exactly), and a remainder in that list is
//!   preferred (`بواشنطن` → `ب` + `واشنطن`, `للبنان` → `ل` + `لبنان`, not `لل` + `بنان`);
//! - splitting repeats until nothing more comes off, so keys are idempotent. The price: a word
//!   whose first letter is a root letter and which the list lacks loses it everywhere
//!   (`برايم` → `رايم`), consistently in all its forms. Callers with a lexicon (a gazetteer)
//!   should look the whole word up before its split.
//!
//! Light suffix stemming ([`light_stem`], the `Stemmed` level only), after the light10 stemmer
//! of Larkey et al.: the suffixes `ها ان ات ون ين يه ية ه ة ي` come off, in that order, each
//! when at least 4 letters remain and the word is not a listed whole word, repeating until none
//! does (so stems are idempotent; the floor of 4 keeps repetition from eating stems:
//! `فلسطينيون` → `فلسطين`, `تأمين` stays); proclitics are split again after each round.

use rustc_hash::FxHashSet;
use serde::Serialize;

/// The Arabic-script folding rules, each an explicit option (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ArabicFolding {
    /// Rule 1: remove tashkeel.
    pub tashkeel: bool,
    /// Rule 2: remove tatweel.
    pub tatweel: bool,
    /// Rule 3: unify alef variants.
    pub alef: bool,
    /// Rule 4: alef maqsura to yeh.
    pub alef_maqsura: bool,
    /// Rule 5: Persian/Urdu letter variants to Arabic.
    pub persian_letters: bool,
    /// Rule 6: teh marbuta to heh.
    pub teh_marbuta: bool,
    /// Rule 7: hamza on waw / yeh to the bare letter.
    pub hamza_carriers: bool,
    /// Split proclitics off (see the module docs).
    pub clitics: bool,
}

impl ArabicFolding {
    /// No rule.
    pub const fn none() -> ArabicFolding {
        ArabicFolding {
            tashkeel: false,
            tatweel: false,
            alef: false,
            alef_maqsura: false,
            persian_letters: false,
            teh_marbuta: false,
            hamza_carriers: false,
            clitics: false,
        }
    }

    /// The `Folded` preset.
    pub const fn folded() -> ArabicFolding {
        ArabicFolding {
            tashkeel: true,
            tatweel: true,
            alef: true,
            alef_maqsura: true,
            persian_letters: true,
            teh_marbuta: false,
            hamza_carriers: false,
            clitics: true,
        }
    }

    /// The `Stemmed` preset.
    pub const fn stemmed() -> ArabicFolding {
        ArabicFolding {
            teh_marbuta: true,
            hamza_carriers: true,
            ..ArabicFolding::folded()
        }
    }
}

/// Rules 1–3, 5–7 for one char: `None` when the char is removed.
fn fold_char(c: char, rules: &ArabicFolding) -> Option<char> {
    if rules.tashkeel && super::is_arabic_mark(c) {
        return None;
    }
    if rules.tatweel && c == '\u{0640}' {
        return None;
    }
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' if rules.alef => 'ا',
        'ک' | 'ڪ' if rules.persian_letters => 'ك',
        'ی' | 'ې' | 'ۍ' | 'ے' if rules.persian_letters => 'ي',
        'ە' | 'ۀ' | 'ہ' | 'ھ' if rules.persian_letters => 'ه',
        'ۃ' if rules.persian_letters && !rules.teh_marbuta => 'ة',
        'ة' | 'ۃ' if rules.teh_marbuta => 'ه',
        'ؤ' if rules.hamza_carriers => 'و',
        'ئ' if rules.hamza_carriers => 'ي',
        _ => c,
    })
}

/// Applies the letter rules 1–7 to `word`.
pub(crate) fn fold_letters(word: &str, rules: &ArabicFolding) -> String {
    let mut out: String = word.chars().filter_map(|c| fold_char(c, rules)).collect();
    if rules.alef_maqsura && has_char(&out, 'ى') && !is_ala(&out) {
        out = out.replace('ى', "ي");
    }
    out
}

/// `text.contains(c)` by its UTF-8 bytes (see [`has_piece`]).
pub(crate) fn has_char(text: &str, c: char) -> bool {
    let mut buffer = [0u8; 4];
    has_piece(text, c.encode_utf8(&mut buffer))
}

/// `text.contains(piece)` by its UTF-8 bytes, for words. For a piece beyond ASCII the standard
/// search sets up a substring searcher on every call (about 300 instructions), and this runs
/// for each distinct word or token; a byte match of whole encodings is a match of whole
/// characters in UTF-8.
pub(crate) fn has_piece(text: &str, piece: &str) -> bool {
    let needle = piece.as_bytes();
    needle.is_empty() || text.as_bytes().windows(needle.len()).any(|w| w == needle)
}

/// `على`, alone or after proclitics (`وعلى`, `فعلى`).
pub(crate) fn is_ala(word: &str) -> bool {
    matches!(word, "على" | "وعلى" | "فعلى")
}

/// Proclitic prefixes, longest first (letters after alef folding).
const PREFIXES: &[&str] = &[
    "وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "وب", "ول",
    "فب", "فل", "ال", "و", "ف", "ب", "ل",
];

/// Words that begin with proclitic letters but are not split, in folded form (alef variants
/// unified, no tashkeel), sorted (a test checks it; [`WholeWords`] looks them up). Proper nouns
/// of news, frequent nouns and verbs whose first letter is a root letter, relative pronouns.
const WHOLE_WORDS: &[&str] = &[
    "الا",
    "الاف",
    "الان",
    "البانيا",
    "البانيه",
    "البوم",
    "التحاق",
    "التزام",
    "التزامات",
    "التفاف",
    "التقاء",
    "التماس",
    "التهاب",
    "التي",
    "الجزائر",
    "الحاق",
    "الذي",
    "الذين",
    "الزام",
    "الزامي",
    "العاب",
    "الغاء",
    "الف",
    "الفا",
    "الكتروني",
    "الكترونيه",
    "اللاتي",
    "اللتان",
    "اللتين",
    "اللذان",
    "اللذين",
    "الله",
    "اللهم",
    "اللواتي",
    "الم",
    "الماس",
    "الماني",
    "المانيا",
    "المانيه",
    "الهام",
    "الوان",
    "الي",
    "اليه",
    "اليها",
    "اليهم",
    "باب",
    "بابا",
    "باريس",
    "باكستان",
    "بانكوك",
    "بايدن",
    "بترول",
    "بحار",
    "بحث",
    "بحر",
    "بحرين",
    "بحوث",
    "بحيره",
    "بدا",
    "بدات",
    "بدايه",
    "براءه",
    "برازيل",
    "برامج",
    "برلمان",
    "برلين",
    "برنامج",
    "بروكسل",
    "بريد",
    "بريطاني",
    "بريطانيه",
    "بشار",
    "بشير",
    "بضائع",
    "بطاقه",
    "بطال",
    "بطل",
    "بطول",
    "بطوله",
    "بعثه",
    "بعيد",
    "بغداد",
    "بقاء",
    "بكين",
    "بلاد",
    "بلجيكا",
    "بلدان",
    "بلدي",
    "بلديه",
    "بلغ",
    "بلغت",
    "بناء",
    "بنغلاديش",
    "بنك",
    "بنود",
    "بنوك",
    "بنيه",
    "بوتين",
    "بورصه",
    "بولندا",
    "بيئه",
    "بيئي",
    "بيان",
    "بيت",
    "بيروت",
    "بيع",
    "بين",
    "بينما",
    "بيوت",
    "فئات",
    "فئه",
    "فائده",
    "فائز",
    "فارس",
    "فاز",
    "فازت",
    "فتره",
    "فرص",
    "فرصه",
    "فرنس",
    "فروع",
    "فريق",
    "فصائل",
    "فصيل",
    "فضاء",
    "فضائي",
    "فعالي",
    "فقدان",
    "فقراء",
    "فكره",
    "فلسطين",
    "فلوريدا",
    "فنان",
    "فندق",
    "فنزويلا",
    "فوائد",
    "فورا",
    "فوري",
    "فيتنام",
    "فيديو",
    "فيروس",
    "فيسبوك",
    "فيصل",
    "فيضان",
    "فيفا",
    "فيلم",
    "فيما",
    "فيه",
    "فيها",
    "فيهم",
    "كابول",
    "كافه",
    "كاليفورنيا",
    "كامل",
    "كانت",
    "كانوا",
    "كبير",
    "كتاب",
    "كتله",
    "كثير",
    "كريم",
    "كشفت",
    "كلفه",
    "كلمه",
    "كليه",
    "كميات",
    "كميه",
    "كندا",
    "كنيسه",
    "كهرباء",
    "كوادر",
    "كوبا",
    "كورونا",
    "كوريا",
    "كيان",
    "كيلو",
    "كيلومتر",
    "كيماوي",
    "كينيا",
    "لؤي",
    "لائحه",
    "لاعب",
    "لبنان",
    "لبنانيه",
    "لجان",
    "لجنه",
    "لحظه",
    "لدينا",
    "لديه",
    "لديها",
    "لديهم",
    "لعب",
    "لعبت",
    "لعبه",
    "لغه",
    "لقاء",
    "لقطه",
    "لقيت",
    "لكن",
    "لماذا",
    "لندن",
    "لهجه",
    "لواء",
    "لوحه",
    "ليبيا",
    "ليست",
    "ليسوا",
    "ليله",
    "وائل",
    "واجب",
    "واجه",
    "واحد",
    "وادي",
    "وارد",
    "وارسو",
    "واشنطن",
    "واصل",
    "وافق",
    "واقع",
    "والد",
    "وثائق",
    "وثيق",
    "وثيقه",
    "وجهه",
    "وجود",
    "وحدات",
    "وحده",
    "وحيد",
    "وراء",
    "ورشه",
    "ورقه",
    "وزار",
    "وزاره",
    "وزراء",
    "وزير",
    "وسائل",
    "وسط",
    "وسيط",
    "وسيل",
    "وصف",
    "وصل",
    "وصلت",
    "وصول",
    "وضع",
    "وطني",
    "وظائف",
    "وظيف",
    "وعود",
    "وفاه",
    "وفد",
    "وفق",
    "وفود",
    "وفيات",
    "وقائع",
    "وقت",
    "وقع",
    "وقعت",
    "وقود",
    "وقوع",
    "وقوف",
    "وكالات",
    "وكاله",
    "وكيل",
    "ولاده",
    "ولاي",
    "ولايات",
    "ولايه",
    "وليد",
    "ويكيليكس",
    "ويلز",
];

/// True when `folded` (alef-unified, teh marbuta kept or folded) is a listed whole word, or
/// begins with a listed word of at least 4 letters without the article (its inflections:
/// `فلسطينيون`, `وزيرة`).
fn is_whole_word(folded: &str) -> bool {
    // `ة` → `ه` in a stack buffer (both are two bytes in UTF-8): this runs several times per
    // distinct word, and a heap copy cost more than the lookup.
    let mut buffer = [0u8; 64];
    let owned: String;
    let probe: &[u8] = if !has_char(folded, 'ة') {
        folded.as_bytes()
    } else if let Some(slot) = buffer.get_mut(..folded.len()) {
        slot.copy_from_slice(folded.as_bytes());
        // UTF-8 of `ة` (U+0629) and `ه` (U+0647); a lead byte never matches a continuation byte,
        // so a match is a whole char.
        let (teh, heh) = ([0xD8u8, 0xA9], [0xD9u8, 0x87]);
        let mut i = 0;
        while i + 1 < slot.len() {
            if slot[i] == teh[0] && slot[i + 1] == teh[1] {
                slot[i] = heh[0];
                slot[i + 1] = heh[1];
                i += 2;
            } else {
                i += 1;
            }
        }
        slot
    } else {
        owned = folded.replace('ة', "ه");
        owned.as_bytes()
    };
    whole_words().holds(probe)
}

/// [`WHOLE_WORDS`] for [`is_whole_word`], built once: the entries, and those that keep the
/// words they begin whole too (four letters or more, no article), by their bytes, behind two
/// filters — of the entries' first eight bytes and length, and of the prefix entries' first
/// bytes — so that most words, which are no entry and begin with none, are turned away
/// without a hash lookup. (A binary search of the sorted list cost about ten string
/// comparisons per lookup; a filter of the first two letters let through every word that
/// begins like an entry, `ال…` among them, and each then took up to five lookups.)
struct WholeWords {
    exact: FxHashSet<&'static [u8]>,
    prefixes: FxHashSet<&'static [u8]>,
    /// Bytes of the shortest prefix entry and of the longest: the probe's beginnings worth a
    /// lookup.
    prefix_bytes: (usize, usize),
    /// One bit per [`head_key`] of an entry, over its first eight bytes and its length.
    exact_heads: Vec<u64>,
    /// One bit per [`head_key`] of a prefix entry's first `prefix_head` bytes (the fewest any
    /// prefix entry has, at most eight): a word that begins with a prefix entry begins with
    /// those bytes.
    prefix_heads: Vec<u64>,
    prefix_head: usize,
}

/// Bits of the two filters of [`WholeWords`]: 2^14, so that ~270 entries set about 2% of them.
const HEAD_BITS: u32 = 14;

/// A [`HEAD_BITS`]-bit hash of the first `n` bytes of `word` (at most eight; zeros past its
/// end) and of `extra`.
#[inline]
fn head_key(word: &[u8], n: usize, extra: usize) -> usize {
    let mut head = [0u8; 8];
    let n = n.min(word.len()).min(8);
    if let (Some(to), Some(from)) = (head.get_mut(..n), word.get(..n)) {
        to.copy_from_slice(from);
    }
    let mixed = (u64::from_le_bytes(head) ^ (extra as u64).rotate_right(7))
        .wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> (64 - HEAD_BITS)) as usize
}

fn set_bit(bits: &mut [u64], key: usize) {
    if let Some(word) = bits.get_mut(key / 64) {
        *word |= 1 << (key % 64);
    }
}

fn has_bit(bits: &[u64], key: usize) -> bool {
    bits.get(key / 64)
        .is_some_and(|word| word & (1 << (key % 64)) != 0)
}

impl WholeWords {
    fn new() -> WholeWords {
        let mut exact_heads = vec![0u64; (1 << HEAD_BITS) / 64];
        let mut prefix_heads = vec![0u64; (1 << HEAD_BITS) / 64];
        let mut prefixes = FxHashSet::default();
        let mut prefix_bytes = (usize::MAX, 0);
        for &e in WHOLE_WORDS {
            set_bit(&mut exact_heads, head_key(e.as_bytes(), 8, e.len()));
            if e.chars().count() >= 4 && !has_article(e) {
                prefixes.insert(e.as_bytes());
                prefix_bytes = (prefix_bytes.0.min(e.len()), prefix_bytes.1.max(e.len()));
            }
        }
        let prefix_head = prefix_bytes.0.min(8);
        for &p in &prefixes {
            set_bit(&mut prefix_heads, head_key(p, prefix_head, 0));
        }
        WholeWords {
            exact: WHOLE_WORDS.iter().map(|e| e.as_bytes()).collect(),
            prefixes,
            prefix_bytes,
            exact_heads,
            prefix_heads,
            prefix_head,
        }
    }

    /// True when `probe` is an entry or begins with a prefix entry. An entry equal to the probe
    /// has its first eight bytes and length, and a prefix entry that begins it its first
    /// `prefix_head` bytes, so the filters turn away no match.
    fn holds(&self, probe: &[u8]) -> bool {
        if has_bit(&self.exact_heads, head_key(probe, 8, probe.len())) && self.exact.contains(probe)
        {
            return true;
        }
        let (shortest, longest) = self.prefix_bytes;
        if probe.len() < shortest
            || !has_bit(&self.prefix_heads, head_key(probe, self.prefix_head, 0))
        {
            return false;
        }
        (shortest..probe.len().min(longest + 1)).any(|i| {
            // Only whole characters: a UTF-8 continuation byte starts none.
            probe.get(i).is_some_and(|&b| b & 0xC0 != 0x80)
                && probe.get(..i).is_some_and(|p| self.prefixes.contains(p))
        })
    }
}

fn whole_words() -> &'static WholeWords {
    static WORDS: std::sync::OnceLock<WholeWords> = std::sync::OnceLock::new();
    WORDS.get_or_init(WholeWords::new)
}

/// True when `folded` is a listed whole word (not merely one of its inflections).
fn is_whole_word_exactly(folded: &str) -> bool {
    let probe = folded.replace('ة', "ه");
    whole_words().exact.contains(probe.as_bytes())
}

/// True when `word` begins like a word with the article (`ال`, `وال`, `بال`, `لل`, …): such
/// list entries match exactly only, since `الان` must not keep `الانتخابات` whole.
fn has_article(word: &str) -> bool {
    PREFIXES
        .iter()
        .any(|p| (p.ends_with("ال") || p.ends_with("لل")) && word.starts_with(p))
}

/// Arabic letters in `s`.
fn letters(s: &str) -> usize {
    s.chars()
        .filter(|&c| {
            // The base letters without a table lookup (most characters here).
            matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}') || is_arabic_letter(c)
        })
        .count()
}

/// The entries of [`PREFIXES`] that begin with the first letter of `word`, in their order: a
/// word is compared with the few prefixes it may begin with, not all twenty, and the letter is
/// told by its two bytes (a test checks these lists against [`PREFIXES`]).
fn prefixes_like(word: &str) -> &'static [&'static str] {
    const WAW: &[&str] = &["وبال", "وكال", "ولل", "وال", "وب", "ول", "و"];
    const FEH: &[&str] = &["فبال", "فكال", "فلل", "فال", "فب", "فل", "ف"];
    const BEH: &[&str] = &["بال", "ب"];
    const KAF: &[&str] = &["كال"];
    const LAM: &[&str] = &["لل", "ل"];
    const ALEF: &[&str] = &["ال"];
    match word.as_bytes() {
        [0xD9, 0x88, ..] => WAW,
        [0xD9, 0x81, ..] => FEH,
        [0xD8, 0xA8, ..] => BEH,
        [0xD9, 0x83, ..] => KAF,
        [0xD9, 0x84, ..] => LAM,
        [0xD8, 0xA7, ..] => ALEF,
        _ => &[],
    }
}

fn is_arabic_letter(c: char) -> bool {
    crate::token::is_letter(c) && crate::token::Script::of_char(c) == crate::token::Script::Arabic
}

/// The proclitic prefix (in folded letters) to split off `folded`, if any.
fn prefix_of(folded: &str) -> Option<&'static str> {
    // A word that begins with no proclitic has none to split, and needs no lookup in the word
    // list (about half of all words).
    let mut candidates = prefixes_like(folded)
        .iter()
        .filter(|p| folded.starts_with(**p))
        .peekable();
    if candidates.peek().is_none() || is_whole_word(folded) {
        return None;
    }
    let mut plausible = None;
    for &p in candidates {
        let rest = &folded[p.len()..];
        let n = letters(rest);
        // Two letters may follow the bare article (`اليد`); three must follow anything else
        // (`للفت` is ل + لفت, not لل + فت; `وكالات` is not وكال + ات).
        let min = if p == "ال" { 2 } else { 3 };
        // A word cannot begin with teh marbuta, alef maqsura or hamza on the line after ال.
        let starts_ok =
            !rest.starts_with(['ة', 'ى']) && rest.chars().next().is_some_and(is_arabic_letter);
        if is_whole_word(rest) && n >= 2 {
            return Some(p);
        }
        if plausible.is_none() && n >= min && starts_ok {
            plausible = Some(p);
        }
    }
    plausible
}

/// Splits proclitics off an already folded word, until nothing more comes off.
pub(crate) fn strip_clitics(folded: &str) -> String {
    folded
        .get(clitics_len(folded)..)
        .unwrap_or_default()
        .to_string()
}

/// [`strip_clitics`] of a word the caller owns, in place (no copy for the half of the words
/// that carry no proclitic).
pub(crate) fn strip_clitics_owned(mut folded: String) -> String {
    let k = clitics_len(&folded);
    if k > 0 && folded.is_char_boundary(k) {
        folded.drain(..k);
    }
    folded
}

/// Bytes of the proclitics [`strip_clitics`] splits off.
pub(crate) fn clitics_len(folded: &str) -> usize {
    let mut current = folded;
    while let Some(p) = prefix_of(current) {
        current = &current[p.len()..];
    }
    folded.len() - current.len()
}

/// Suffixes of light stemming, in the order they are tried (teh marbuta included for callers
/// that keep it).
const SUFFIXES: &[&str] = &["ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي"];

/// Light suffix stemming of a folded Arabic word (see the module docs).
///
/// ```
/// use article_analyzer::normalize::arabic::light_stem;
/// assert_eq!(light_stem("مستشفيات"), "مستشف");
/// assert_eq!(light_stem("موظفين"), "موظف");
/// assert_eq!(light_stem("فلسطينيون"), "فلسطين");
/// assert_eq!(light_stem("كتاب"), "كتاب");
/// ```
pub fn light_stem(folded: &str) -> String {
    let mut current = strip_clitics(folded);
    loop {
        let before = current.len();
        for suffix in SUFFIXES {
            if is_whole_word_exactly(&current) {
                return current;
            }
            if current.ends_with(suffix) && letters(&current) >= letters(suffix) + 4 {
                current.truncate(current.len() - suffix.len());
            }
        }
        current = strip_clitics(&current);
        if current.len() == before {
            return current;
        }
    }
}

/// A word split into its proclitics and its stem, both slices of the word as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Clitics<'a> {
    /// The proclitics (`و`, `ب`, `وال`, …), with their tashkeel; empty when there are none.
    pub prefix: &'a str,
    /// The rest of the word.
    pub stem: &'a str,
}

impl Clitics<'_> {
    /// Length of the prefix in bytes: the stem starts at this offset in the word.
    pub fn prefix_len(&self) -> usize {
        self.prefix.len()
    }
}

/// Splits the proclitics off an Arabic word as written (tashkeel and tatweel allowed), for
/// entity recognition: the stem is what a gazetteer matches.
///
/// ```
/// use article_analyzer::normalize::split_clitics;
/// let c = split_clitics("بواشنطن");
/// assert_eq!((c.prefix, c.stem), ("ب", "واشنطن"));
/// assert_eq!(split_clitics("لأمازون").stem, "أمازون");
/// assert_eq!(split_clitics("والفلسطينيين").prefix, "وال");
/// assert_eq!(split_clitics("بيروت").stem, "بيروت");
/// assert_eq!(split_clitics("وَالْقُدْس").stem, "قُدْس");
/// ```
pub fn split_clitics(word: &str) -> Clitics<'_> {
    let none = Clitics {
        prefix: "",
        stem: word,
    };
    // Folded letters with the byte offset of each letter in `word`.
    let mut folded = String::with_capacity(word.len());
    let mut offsets = Vec::with_capacity(word.len() / 2 + 1);
    for (i, c) in word.char_indices() {
        if super::is_arabic_mark(c) || c == '\u{0640}' || super::is_format_character(c) {
            continue;
        }
        if let Some(f) = fold_char(c, &ArabicFolding::folded()) {
            offsets.push(i);
            folded.push(f);
        }
    }
    offsets.push(word.len());
    // Teh marbuta and alef maqsura fold word-finally only, so the prefix decision is unchanged.
    let mut letters_removed = 0usize;
    let mut current = folded.as_str();
    while let Some(p) = prefix_of(current) {
        letters_removed += p.chars().count();
        current = &current[p.len()..];
    }
    if letters_removed == 0 {
        return none;
    }
    let Some(&cut) = offsets.get(letters_removed) else {
        return none;
    };
    match (word.get(..cut), word.get(cut..)) {
        (Some(prefix), Some(stem)) => Clitics { prefix, stem },
        _ => none,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Language;
    use crate::normalize::{key, FoldLevel};

    fn folded(w: &str) -> String {
        key(w, FoldLevel::Folded, Language::Arabic)
    }

    #[test]
    fn prefixes_by_first_letter_are_the_list_in_order() {
        let mut firsts: Vec<char> = PREFIXES.iter().filter_map(|p| p.chars().next()).collect();
        firsts.extend(['ت', 'ي', 'a', '\u{0648}', '\u{0649}']);
        for first in firsts {
            let word = format!("{first}ذ");
            let want: Vec<&str> = PREFIXES
                .iter()
                .copied()
                .filter(|p| p.starts_with(first))
                .collect();
            assert_eq!(prefixes_like(&word), want.as_slice(), "{first}");
        }
        assert!(prefixes_like("").is_empty());
    }

    #[test]
    fn teh_marbuta_and_heh_bytes() {
        assert_eq!('ة'.to_string().as_bytes(), [0xD8, 0xA9]);
        assert_eq!('ه'.to_string().as_bytes(), [0xD9, 0x87]);
        assert_eq!(is_whole_word("وزارة"), is_whole_word("وزاره"));
    }

    /// The lookup as it was made before [`WholeWords`]: a binary search of the sorted list, and
    /// the prefix entries among the eight entries that sort just before the probe.
    fn holds_by_search(probe: &str) -> bool {
        let after = WHOLE_WORDS.partition_point(|&e| e <= probe);
        if after > 0 && WHOLE_WORDS.get(after - 1) == Some(&probe) {
            return true;
        }
        (after.saturating_sub(8)..after).rev().any(|i| {
            WHOLE_WORDS
                .get(i)
                .is_some_and(|e| e.chars().count() >= 4 && !has_article(e) && probe.starts_with(e))
        })
    }

    #[test]
    fn whole_words_by_hash_agree_with_the_sorted_search() {
        let words = whole_words();
        let endings = [
            "", "ه", "ات", "ين", "ون", "يه", "ي", "ا", "ان", "يون", "x", " ",
        ];
        let mut probes = vec![String::new(), "و".to_string(), "abc".to_string()];
        for e in WHOLE_WORDS {
            for ending in endings {
                probes.push(format!("{e}{ending}"));
                probes.push(format!("و{e}{ending}"));
            }
            let chars: Vec<char> = e.chars().collect();
            for n in 1..chars.len() {
                probes.push(chars[..n].iter().collect());
            }
        }
        // The same words with teh marbuta for heh: `is_whole_word` reads it as heh.
        let with_teh: Vec<String> = probes
            .iter()
            .filter(|p| p.contains('ه'))
            .map(|p| p.replace('ه', "ة"))
            .collect();
        probes.extend(with_teh);
        let mut agreed = 0;
        for p in &probes {
            let as_heh = p.replace('ة', "ه");
            assert_eq!(is_whole_word(p), holds_by_search(&as_heh), "{p:?}");
            if p == &as_heh {
                assert_eq!(words.holds(p.as_bytes()), holds_by_search(p), "{p:?}");
            }
            agreed += usize::from(is_whole_word(p));
        }
        assert!(
            agreed > WHOLE_WORDS.len(),
            "{agreed} of {} probes held",
            probes.len()
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        #[test]
        fn pieces_are_found_as_the_standard_search_finds_them(
            text in "[بنكمصرفواe😀]{0,8}",
            piece in "[بنكمصرفواe😀]{0,3}",
        ) {
            proptest::prop_assert_eq!(has_piece(&text, &piece), text.contains(piece.as_str()));
        }

        /// Entries with letters around them, and letters alone.
        #[test]
        fn whole_words_by_hash_agree_on_any_word(
            entry in proptest::sample::select(WHOLE_WORDS),
            before in "[وبفلال]{0,2}",
            after in "[اتيونهةبرسم]{0,4}",
            alone in "[ابتثجحخدذرزسشصضطظعغفقكلمنهوي]{0,8}",
        ) {
            let word = format!("{before}{entry}{after}");
            proptest::prop_assert_eq!(whole_words().holds(word.as_bytes()), holds_by_search(&word));
            proptest::prop_assert_eq!(whole_words().holds(alone.as_bytes()), holds_by_search(&alone));
            // Read with teh marbuta as heh, wherever it is.
            for w in [word.replace('ه', "ة"), alone.replace('ه', "ة"), format!("{word}ة")] {
                proptest::prop_assert_eq!(is_whole_word(&w), holds_by_search(&w.replace('ة', "ه")), "{:?}", w);
            }
        }
    }

    #[test]
    fn whole_word_list_is_sorted_and_folded() {
        assert!(WHOLE_WORDS.windows(2).all(|w| w[0] < w[1]), "sorted");
        for w in WHOLE_WORDS {
            let rules = ArabicFolding {
                teh_marbuta: true,
                ..ArabicFolding::folded()
            };
            assert_eq!(&fold_letters(w, &rules), w, "folded form");
        }
    }

    #[test]
    fn rule_1_tashkeel_is_removed() {
        assert_eq!(folded("مُحَمَّدٌ"), "محمد");
        assert_eq!(folded("هٰذا"), "هذا");
    }

    #[test]
    fn rule_2_tatweel_is_removed() {
        assert_eq!(folded("جـــميل"), "جميل");
    }

    #[test]
    fn rule_3_alef_variants_are_unified() {
        assert_eq!(folded("أحمد"), "احمد");
        assert_eq!(folded("إسلام"), "اسلام");
        assert_eq!(folded("آمال"), "امال");
        assert_eq!(folded("ٱسم"), "اسم");
    }

    #[test]
    fn rule_4_alef_maqsura_becomes_yeh_except_in_ala() {
        assert_eq!(folded("مستشفى"), "مستشفي");
        assert_eq!(folded("فى"), "في");
        assert_eq!(folded("على"), "على");
        assert_eq!(folded("وعلى"), "على");
        assert_eq!(folded("علي"), "علي");
    }

    #[test]
    fn rule_5_persian_letters_fold_to_arabic() {
        assert_eq!(folded("کتاب"), "كتاب");
        assert_eq!(folded("فارسی"), "فارسي");
    }

    #[test]
    fn rule_6_and_7_only_at_stemmed_or_on_request() {
        assert_eq!(folded("مدرسة"), "مدرسة");
        let rules = ArabicFolding {
            teh_marbuta: true,
            hamza_carriers: true,
            ..ArabicFolding::folded()
        };
        assert_eq!(fold_letters("مدرسة", &rules), "مدرسه");
        assert_eq!(fold_letters("مسؤول", &rules), "مسوول");
    }

    #[test]
    fn presentation_forms_fold_through_nfkc() {
        assert_eq!(folded("ﻻ"), "لا");
        assert_eq!(folded("ﺍﻟﺴﻼﻡ"), "سلام");
    }

    #[test]
    fn proclitics_are_split_when_the_rest_is_plausible() {
        for (word, stem) in [
            ("وقال", "قال"),
            ("والفلسطينيين", "فلسطينيين"),
            ("بالعالم", "عالم"),
            ("للدولة", "دولة"),
            ("وللدولة", "دولة"),
            ("كالعادة", "عادة"),
            ("فالأمر", "امر"),
            ("بواشنطن", "واشنطن"),
            ("لأمازون", "امازون"),
            ("للبنان", "لبنان"),
            ("ولبنان", "لبنان"),
            ("ووزير", "وزير"),
            ("كالعادة", "عادة"),
            ("بالله", "الله"),
            ("ولكن", "لكن"),
            ("اليد", "يد"),
        ] {
            assert_eq!(folded(word), stem, "{word}");
        }
    }

    #[test]
    fn words_that_merely_begin_with_clitic_letters_stay_whole() {
        for word in [
            "واشنطن",
            "بيروت",
            "لبنان",
            "لندن",
            "البانيا",
            "البانيه",
            "ألبانيا",
            "ألمانيا",
            "الله",
            "الذي",
            "التي",
            "وزير",
            "بيان",
            "فريق",
            "لقاء",
            "كتاب",
            "فلسطين",
            "بغداد",
            "كندا",
            "ليبيا",
            "فرنسا",
            "باريس",
            "بريطانيا",
            "ولاية",
            "بلد",
            "ولد",
            "كان",
            "لكن",
            "بين",
            "فيما",
        ] {
            let f = folded(word);
            let whole = key(word, FoldLevel::Exact, Language::Arabic);
            let rules = ArabicFolding {
                clitics: false,
                ..ArabicFolding::folded()
            };
            assert_eq!(f, fold_letters(&whole, &rules), "{word}");
        }
    }

    #[test]
    fn light_stemming_strips_suffixes_and_keeps_three_letters() {
        let stemmed = |w: &str| key(w, FoldLevel::Stemmed, Language::Arabic);
        assert_eq!(stemmed("والمستشفيات"), "مستشف");
        assert_eq!(stemmed("الفلسطينيون"), "فلسطين");
        assert_eq!(stemmed("وزيرة"), "وزير");
        assert_eq!(stemmed("المدارس"), "مدارس");
        assert_eq!(stemmed("كتابها"), "كتاب");
        assert_eq!(stemmed("بيت"), "بيت");
        assert_eq!(stemmed("تأمين"), "تامين");
        assert_eq!(stemmed("عالمية"), "عالم");
    }

    #[test]
    fn split_clitics_keeps_tashkeel_with_its_letters() {
        let c = split_clitics("وَبِالْمَدِينَةِ");
        assert_eq!(c.prefix, "وَبِالْ");
        assert_eq!(c.stem, "مَدِينَةِ");
        assert_eq!(c.prefix_len(), c.prefix.len());
        assert_eq!(split_clitics("").stem, "");
        assert_eq!(split_clitics("news").prefix, "");
    }
}
