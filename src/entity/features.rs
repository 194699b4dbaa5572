//! Features of a token for the named-entity tagger, hashed to 64-bit ids.
//!
//! Rules, in order:
//! 1. A token is seen through its *fold*: lowercase; Arabic without tashkeel and tatweel, with
//!    alef variants as `ا`, `ى` as `ي`, `ة` as `ه`; every digit as `0`. Folding never touches the
//!    text shown; it only makes the strings hashed here.
//! 2. Its *shape* maps capitals to `X`, small letters to `x`, Arabic letters to `a`, digits to
//!    `d`, and collapses runs (`Chen` → `Xx`, `U.S` → `X.X`, `1996-08-22` → `d-d-d`).
//! 3. Arabic proclitics are split off tentatively (see [`split_proclitics`]): a conjunction
//!    `و`/`ف`, then a preposition `ب`/`ك`/`ل`, then the article `ال` (`لل` is `ل` + `ال`), while a
//!    stem of at least three letters remains. The split is a *feature*, never a decision: the
//!    tagger weighs the whole word, its stem and its core alike, so `بنجواني` loses nothing.
//! 4. Per token the tagger sees: the fold, the exact form, the shape, prefixes (1–3 letters) and
//!    suffixes (1–4), the stem and core, the words and shapes two to each side, the two bigrams
//!    around it, the gazetteer matches over it and its neighbours, its position in the
//!    sentence, and whether the sentence is a headline in capitals; in Arabic also the core's
//!    prefixes (1–3 letters) and letter trigrams, and the cores of the neighbours two to each
//!    side, alone and paired with its own, and the cue classes (person, organization, place;
//!    see [`TokenView::cue`]) of itself and its neighbours; the decoder adds the two previous tags (see
//!    [`history_features`]).
//!
//! Every feature is a 64-bit hash of a template number and its strings, so nothing is stored
//! but the weights: the model maps hashes to buckets.

use crate::lang::Language;

/// A 64-bit FNV-1a hash of `bytes`, finished by a multiply-xorshift so its high bits mix well.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    finish(h)
}

fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h
}

/// Combines a template number with one or two hashed values into a feature id.
pub fn mix(template: u64, a: u64, b: u64) -> u64 {
    let h = template.wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(17)
        ^ a.wrapping_mul(0xc2b2_ae3d_27d4_eb4f);
    finish(h.rotate_left(29) ^ b.wrapping_mul(0x1656_67b1_9e37_79f9))
}

/// Folds `word` for features into `out` (cleared first); see the module rules.
pub fn fold_into(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        match c {
            c if c.is_ascii() => out.push(if c.is_ascii_digit() {
                '0'
            } else {
                c.to_ascii_lowercase()
            }),
            '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | 'ٱ' => {
                out.push(fold_arabic_letter(c))
            }
            '\u{0640}' => {}
            c if crate::normalize::is_arabic_mark(c) => {}
            '’' | '‘' | 'ʼ' => out.push('\''),
            c if c.is_numeric() => out.push('0'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// The fold of an Arabic letter (rule 1): alef variants as `ا`, `ى` as `ي`, `ة` as `ه`; any
/// other letter as it is.
#[inline]
fn fold_arabic_letter(c: char) -> char {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        c => c,
    }
}

/// `hash_bytes(fold(word))` for a word of ASCII letters and Arabic base letters only (U+0621–
/// U+063A, U+0641–U+064A), made in one pass over its bytes without building the fold; `None`
/// for an empty word or any other character. The lists compile through it (most of their
/// words), so their start costs a few instructions a byte instead of a copy and a hash.
pub(crate) fn plain_fold_hash(word: &[u8]) -> Option<u64> {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut push = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    };
    let mut i = 0;
    while let Some(&b) = word.get(i) {
        if b.is_ascii_alphabetic() {
            push(b.to_ascii_lowercase());
            i += 1;
            continue;
        }
        let next = *word.get(i + 1)?;
        if !matches!(b, 0xD8 | 0xD9) || next & 0xC0 != 0x80 {
            return None;
        }
        let c = (u32::from(b & 0x1F) << 6) | u32::from(next & 0x3F);
        if !matches!(c, 0x621..=0x63A | 0x641..=0x64A) {
            return None;
        }
        let folded = char::from_u32(c).map_or(c, |c| fold_arabic_letter(c) as u32);
        push(0xC0 | (folded >> 6) as u8);
        push(0x80 | (folded & 0x3F) as u8);
        i += 2;
    }
    (i > 0).then(|| finish(h))
}

/// The byte length of an English possessive ending of `word`: `'s` or `’s` after a letter
/// (`Britain's`, `Blair’s`), or the apostrophe alone after an `s` (`Tories'`); 0 for none.
/// The tokenizer keeps a possessive in its word (UAX #29), where the tagger's training data
/// (CoNLL-2003) has it as a token of its own: the tagger sees the word without it, so
/// `Britain's` gets the features of `Britain` (in the BBC articles, 1 named mention in 20
/// ended so, and most were taken for misc). Contractions lose their `'s` alike (`It's` is
/// seen as `It`), which matters to no name.
///
/// ```
/// use article_analyzer::entity::features::possessive_len;
/// assert_eq!(possessive_len("Britain's"), 2);
/// assert_eq!(possessive_len("Blair’s"), 4);
/// assert_eq!(possessive_len("Tories'"), 1);
/// assert_eq!((possessive_len("O'Brien"), possessive_len("'s"), possessive_len("Jones")), (0, 0, 0));
/// assert_eq!((possessive_len("it's"), possessive_len("أمازون"), possessive_len("ٙ")), (2, 0, 0));
/// ```
pub fn possessive_len(word: &str) -> usize {
    // Most words end in none of `s`, `S`, `'` and `’`'s last byte: one comparison for them.
    if !matches!(word.as_bytes().last(), Some(b's' | b'S' | b'\'' | 0x99)) {
        return 0;
    }
    let letter_before = |rest: &str| rest.chars().next_back().is_some_and(char::is_alphabetic);
    for ending in ["'s", "'S", "’s", "’S"] {
        if let Some(rest) = word.strip_suffix(ending) {
            return if letter_before(rest) { ending.len() } else { 0 };
        }
    }
    for mark in ['\'', '’'] {
        if let Some(rest) = word.strip_suffix(mark) {
            let plural = rest.ends_with(['s', 'S']) && letter_before(&rest[..rest.len() - 1]);
            return if plural { mark.len_utf8() } else { 0 };
        }
    }
    0
}

/// `word` without its possessive ending ([`possessive_len`]).
pub fn without_possessive(word: &str) -> &str {
    word.get(..word.len() - possessive_len(word))
        .unwrap_or(word)
}

/// The folded form of `word` (see [`fold_into`]).
///
/// ```
/// use article_analyzer::entity::features::fold;
/// assert_eq!(fold("لأمازون"), "لامازون");
/// assert_eq!(fold("Reuters"), "reuters");
/// assert_eq!(fold("٢٠٢٦"), "0000");
/// ```
pub fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    fold_into(word, &mut s);
    s
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}')
}

/// The shape of `word` into `out`: classes of characters with runs collapsed.
pub fn shape_into(word: &str, out: &mut String) {
    out.clear();
    let mut last = '\0';
    for c in word.chars() {
        let class = if c.is_ascii_uppercase() {
            'X'
        } else if c.is_ascii_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else if is_arabic_letter(c) {
            'a'
        } else if c.is_ascii() {
            c
        } else if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if is_arabic_letter(c) {
            'a'
        } else if crate::normalize::is_arabic_mark(c) || c == '\u{0640}' {
            continue;
        } else if c.is_alphabetic() {
            'l'
        } else {
            c
        };
        if class != last {
            out.push(class);
            last = class;
        }
    }
}

/// Splits Arabic proclitics off a *folded* word: returns (clitic length in bytes, whether the
/// article `ال` follows the clitics) so that `&folded[clitic..]` is the stem (article kept) —
/// except `لل`, whose stem is `ال` + the rest (see [`stem_of`]). Returns `(0, has_article)`
/// for words without a clitic.
///
/// ```
/// use article_analyzer::entity::features::{fold, split_proclitics};
/// assert_eq!(split_proclitics(&fold("بواشنطن")), (2, false));
/// assert_eq!(split_proclitics(&fold("والولايات")), (2, true));
/// assert_eq!(split_proclitics(&fold("نيويورك")), (0, false));
/// ```
pub fn split_proclitics(folded: &str) -> (usize, bool) {
    let mut chars = ['\0'; 6];
    for (slot, c) in chars.iter_mut().zip(folded.chars()) {
        *slot = c;
    }
    let total = folded.chars().count();
    let mut i = 0usize;
    if total >= 5 && matches!(chars[0], 'و' | 'ف') {
        i = 1;
    }
    let mut prep = false;
    if total >= i + 4 && matches!(chars[i], 'ب' | 'ك' | 'ل') {
        // لل = ل + ال with the alef elided
        if chars[i] == 'ل' && chars[i + 1] == 'ل' && total >= i + 5 {
            return (char_bytes(&chars, i + 1), true);
        }
        prep = true;
        i += 1;
    }
    let article = total >= i + 4 && chars[i] == 'ا' && chars[i + 1] == 'ل';
    if !prep && i == 1 && total < 5 {
        return (0, article);
    }
    (char_bytes(&chars, i), article)
}

fn char_bytes(chars: &[char], n: usize) -> usize {
    chars.iter().take(n).map(|c| c.len_utf8()).sum()
}

/// The stem of a folded Arabic word: conjunction and preposition removed, article kept
/// (`للامم` → `الامم`).
///
/// ```
/// use article_analyzer::entity::features::{fold, stem_of};
/// assert_eq!(stem_of(&fold("لأمازون")), "امازون");
/// assert_eq!(stem_of(&fold("للأمم")), "الامم");
/// assert_eq!(stem_of(&fold("نيويورك")), "نيويورك");
/// // Ambiguous: a word starting with و may be the conjunction; the split is only a feature.
/// assert_eq!(stem_of(&fold("واشنطن")), "اشنطن");
/// ```
pub fn stem_of(folded: &str) -> String {
    let (clitic, _) = split_proclitics(folded);
    let mut s = String::with_capacity(folded.len());
    stem_into(folded, clitic, &mut s);
    s
}

/// What the tagger knows of one token before decoding, as hashes: what the features of its
/// neighbours and the tag history read (the pieces only its own word's features read are in
/// [`WordPieces`], made when the decoder first sums that word).
#[derive(Debug, Clone, Default)]
pub struct TokenView {
    /// The folded form.
    pub fold: u64,
    /// The shape.
    pub shape: u64,
    /// The stem (Arabic proclitics removed; equals `fold` otherwise).
    pub stem: u64,
    /// The core (stem without the article).
    pub core: u64,
    /// The proclitics split off (`و`, `وب`, `لل`, …, and `ال` when present), hashed; 0 for none.
    pub clitic: u64,
    /// The cue class of the core (Arabic): 1 before or after a person (`قال`, `الرئيس`,
    /// `اللاعب`), 2 an organization's head (`نادي`, `شركة`, `حزب`), 3 a place's (`مدينة`); 0 none.
    pub cue: u8,
    /// Gazetteer bits: for kind k (0..4), bit 2k = begins a match, bit 2k+1 = inside one.
    pub gazetteer: u8,
    /// Starts with a capital letter.
    pub capitalized: bool,
    /// Has no letters at all (punctuation, numbers).
    pub no_letters: bool,
    /// Looks like nothing a name is made of: a word of small letters (`said`, `so-called`,
    /// `don't`, `e.g.`), a number or a common punctuation mark, by its shape
    /// ([`is_plain_shape`]). The English decoder does not ask the model about a stretch of
    /// such tokens (see [`super::model`], rule 3).
    pub plain: bool,
    /// The number of characters of the fold (at most 12).
    pub length: u8,
    /// The document's id of the word's text ([`WordViews`]), [`NO_WORD`] when not known: it
    /// lets the decoder reuse the sums of the features that depend on the word alone.
    pub word: u32,
}

/// The hashes of one word that only its own word features read (see [`word_features`] and
/// [`Part::Word`]): made once per distinct word and language model, not kept per token.
#[derive(Debug, Clone, Default)]
pub struct WordPieces {
    /// The exact form.
    pub exact: u64,
    /// Prefixes of 1..=3 letters of the fold (0 when shorter).
    pub prefixes: [u64; 3],
    /// Suffixes of 1..=4 letters of the fold (0 when shorter).
    pub suffixes: [u64; 4],
    /// Prefixes of 1..=3 letters of the core (0 when shorter, or when the core is the fold).
    pub core_prefixes: [u64; 3],
    /// Character trigrams of the core, hashed (at most 8; the first `core_gram_count`).
    pub core_grams: [u64; 8],
    /// How many of `core_grams` are set.
    pub core_gram_count: u8,
}

/// [`TokenView::word`] of a view made without a [`WordViews`].
pub const NO_WORD: u32 = u32::MAX;

/// Values kept per word of a document, found by the id of the word's text
/// ([`crate::intern::Surfaces`]): a slot per id gives the value's place, and the values are
/// stored densely in chunks of [`VIEW_CHUNK`] that never move. A long text has tens of
/// thousands of distinct words (65,000 at 5 MB of Arabic) among over 100,000 distinct token
/// texts; one list per id grown by doubling held a value for every text and left its earlier
/// copies as holes in a wasm memory that never shrinks.
#[derive(Debug)]
pub(crate) struct ByWord<T> {
    /// Per text id: the place of its value in `chunks`, [`NO_WORD`] until it is kept.
    places: Vec<u32>,
    chunks: Vec<Vec<T>>,
    count: usize,
}

impl<T> Default for ByWord<T> {
    fn default() -> Self {
        ByWord {
            places: Vec::new(),
            chunks: Vec::new(),
            count: 0,
        }
    }
}

impl<T> ByWord<T> {
    /// Slots for the ids below `n`.
    fn reserve_ids(&mut self, n: usize) {
        if self.places.len() < n {
            self.places.resize(n, NO_WORD);
        }
    }

    /// The slot of `id` (see [`ByWord::reserve_ids`]): the place of its value, [`NO_WORD`]
    /// until it is kept; `None` when `id` has no slot.
    #[inline]
    fn slot(&self, id: u32) -> Option<u32> {
        self.places.get(id as usize).copied()
    }

    /// The value at `place` (none at [`NO_WORD`]).
    #[inline]
    fn at(&self, place: u32) -> Option<&T> {
        let place = place as usize;
        self.chunks.get(place / VIEW_CHUNK)?.get(place % VIEW_CHUNK)
    }

    /// The value of `id`, once kept.
    #[inline]
    pub(crate) fn get(&self, id: u32) -> Option<&T> {
        self.at(self.slot(id)?)
    }

    /// Keeps `value` as the value of `id`; returns its place.
    pub(crate) fn keep(&mut self, id: u32, value: T) -> u32 {
        self.reserve_ids(id as usize + 1);
        if self.chunks.last().is_none_or(|c| c.len() == VIEW_CHUNK) {
            // The first chunk grows as needed (an article has a few hundred words); later
            // ones are whole at once.
            let capacity = if self.chunks.is_empty() {
                0
            } else {
                VIEW_CHUNK
            };
            self.chunks.push(Vec::with_capacity(capacity));
        }
        let place = u32::try_from(self.count).unwrap_or(NO_WORD);
        if let Some(chunk) = self.chunks.last_mut() {
            chunk.push(value);
            self.count += 1;
        }
        if let Some(slot) = self.places.get_mut(id as usize) {
            *slot = place;
        }
        place
    }

    /// The number of values kept.
    fn len(&self) -> usize {
        self.count
    }
}

/// The views of a document's distinct words, each made once: a word's view depends on its text
/// alone (the gazetteer bits, set per position, excepted). Words are known by the ids of their
/// texts ([`crate::intern::Surfaces`]), so finding a word's view is an index, not a hash
/// look-up (which missed the cache on long texts: a tenth of the named stage on 5 MB). They
/// are stored `ByWord` (3.6 MB of views at 56 bytes for 5 MB of Arabic; 13.6 MB when views
/// held their word pieces).
#[derive(Debug, Default)]
pub struct WordViews {
    views: ByWord<TokenView>,
    scratch: Scratch,
}

/// Values per chunk of a word store ([`WordViews`], the tagger's word sums): about 230 KB of
/// views.
pub const VIEW_CHUNK: usize = 4096;

impl WordViews {
    /// The views of the words whose text ids are `ids` (`texts` per id), gazetteer bits 0;
    /// each word's made once per `WordViews`, with [`TokenView::word`] its text id. The
    /// pieces of the words made in this call go to `fresh`, by token index in `ids` (the
    /// decoder sums these words first, now).
    pub fn views(
        &mut self,
        (ids, texts): (&[u32], &[&str]),
        out: &mut Vec<TokenView>,
        fresh: &mut Vec<(usize, WordPieces)>,
    ) {
        out.clear();
        fresh.clear();
        self.views.reserve_ids(texts.len());
        for (k, &id) in ids.iter().enumerate() {
            let Some(place) = self.views.slot(id) else {
                out.push(TokenView::default());
                continue;
            };
            let place = if place == NO_WORD {
                let word = texts.get(id as usize).copied().unwrap_or("");
                let (mut v, pieces) = view_and_pieces(word, &mut self.scratch);
                v.word = id;
                // Kept before `fresh` grows: the order of allocations decides where wasm's
                // allocator places them (5 MB of English: 62.8 MB of memory this way, 67.3
                // the other).
                let place = self.views.keep(id, v);
                fresh.push((k, pieces));
                place
            } else {
                place
            };
            out.push(self.views.at(place).cloned().unwrap_or_default());
        }
    }

    /// The view of the word with text id `id` (see [`TokenView::word`]), once made.
    pub fn view(&self, id: u32) -> Option<&TokenView> {
        self.views.get(id)
    }

    /// The number of distinct words seen.
    pub fn len(&self) -> usize {
        self.views.len()
    }

    /// True when no word was seen.
    pub fn is_empty(&self) -> bool {
        self.views.len() == 0
    }
}

impl WordPieces {
    /// No pieces (all zero).
    pub const NONE: WordPieces = WordPieces {
        exact: 0,
        prefixes: [0; 3],
        suffixes: [0; 4],
        core_prefixes: [0; 3],
        core_grams: [0; 8],
        core_gram_count: 0,
    };
}

/// Reusable strings for `view_of` and [`pieces_of`].
#[derive(Debug, Default)]
pub struct Scratch {
    folded: String,
    shape: String,
    stem: String,
}

/// Builds the [`TokenView`]s of one sentence's `words`. `gazetteer` gives the bits per word
/// (same length as `words`, or empty).
pub fn views(words: &[&str], gazetteer: &[u8]) -> Vec<TokenView> {
    let mut scratch = Scratch::default();
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let mut v = view_of(w, &mut scratch);
            v.gazetteer = gazetteer.get(i).copied().unwrap_or(0);
            v
        })
        .collect()
}

/// The [`WordPieces`] of each of `words`.
pub fn word_pieces(words: &[&str]) -> Vec<WordPieces> {
    let mut scratch = Scratch::default();
    words.iter().map(|w| pieces_of(w, &mut scratch)).collect()
}

/// A word folded and split: the fold in `scratch.folded`, the stem in `scratch.stem`; the
/// clitic's length in bytes, whether the article follows it, and where the core starts in
/// the stem.
struct Split {
    clitic: usize,
    article: bool,
    core_at: usize,
}

fn split(w: &str, scratch: &mut Scratch) -> Split {
    let Scratch { folded, stem, .. } = scratch;
    fold_into(w, folded);
    let (clitic, article) = if folded.starts_with(['و', 'ف', 'ب', 'ك', 'ل', 'ا']) {
        split_proclitics(folded)
    } else {
        (0, false)
    };
    if clitic > 0 {
        stem_into(folded, clitic, stem);
    } else {
        stem.clear();
        stem.push_str(folded);
    }
    let core_at = if article || stem.starts_with("ال") && stem.len() >= 10 {
        4.min(stem.len())
    } else {
        0
    };
    Split {
        clitic,
        article,
        core_at,
    }
}

/// The view of one word, gazetteer bits 0 (see [`views`]).
fn view_of(w: &str, scratch: &mut Scratch) -> TokenView {
    let w = without_possessive(w);
    let split = split(w, scratch);
    view_of_split(w, &split, scratch)
}

/// The [`WordPieces`] of one word.
pub fn pieces_of(w: &str, scratch: &mut Scratch) -> WordPieces {
    let w = without_possessive(w);
    let split = split(w, scratch);
    pieces_of_split(w, &split, scratch)
}

/// [`view_of`] and [`pieces_of`] of one word, folded and split once.
fn view_and_pieces(w: &str, scratch: &mut Scratch) -> (TokenView, WordPieces) {
    let w = without_possessive(w);
    let split = split(w, scratch);
    (
        view_of_split(w, &split, scratch),
        pieces_of_split(w, &split, scratch),
    )
}

fn view_of_split(w: &str, split: &Split, scratch: &mut Scratch) -> TokenView {
    let &Split {
        clitic,
        article,
        core_at,
    } = split;
    let Scratch {
        folded,
        shape,
        stem,
    } = scratch;
    shape_into(w, shape);
    let fold_hash = hash_bytes(folded.as_bytes());
    let stem_hash = if clitic > 0 {
        hash_bytes(stem.as_bytes())
    } else {
        fold_hash
    };
    let clitic_hash = if clitic > 0 || article {
        mix(
            0xc1,
            hash_bytes(folded.as_bytes().get(..clitic).unwrap_or(b"")),
            u64::from(article),
        )
    } else {
        0
    };
    let core_str = stem.get(core_at..).unwrap_or("");
    let core = if core_at > 0 {
        hash_bytes(core_str.as_bytes())
    } else {
        stem_hash
    };
    TokenView {
        fold: fold_hash,
        shape: hash_bytes(shape.as_bytes()),
        stem: stem_hash,
        core,
        clitic: clitic_hash,
        cue: cue_class(core_str),
        gazetteer: 0,
        capitalized: w
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_uppercase() || (!c.is_ascii() && c.is_uppercase())),
        no_letters: !w.chars().any(|c| {
            c.is_ascii_alphabetic() || is_arabic_letter(c) || (!c.is_ascii() && c.is_alphabetic())
        }),
        plain: is_plain_shape(shape),
        length: folded.chars().count().min(12) as u8,
        word: NO_WORD,
    }
}

/// The punctuation marks of [`is_plain_shape`].
const PLAIN_MARKS: &[char] = &[
    ',', '.', ';', ':', '?', '!', '-', '(', ')', '"', '\'', '“', '”', '‘', '’',
];

/// True for the shape ([`shape_into`]) of a word of small letters, with hyphens, apostrophes
/// or dots inside or around (`x`, `x-x`, `x'x`, `x’x`, `x.x.`); of a number of digits with
/// separators (`d`, `d,d.d`, `d-d-d`); or of a common punctuation mark (`,` `.` `;` `:` `?`
/// `!` `-` `(` `)` and the quotation marks).
pub fn is_plain_shape(shape: &str) -> bool {
    let made_of = |class: char, others: &[char]| {
        shape.contains(class) && shape.chars().all(|c| c == class || others.contains(&c))
    };
    let word = made_of('x', &['-', '\'', '’', '.']);
    let number = made_of('d', &[',', '.', '-']);
    let mut chars = shape.chars();
    let mark = chars.next().is_some_and(|c| PLAIN_MARKS.contains(&c)) && chars.next().is_none();
    word || number || mark
}

fn pieces_of_split(w: &str, split: &Split, scratch: &mut Scratch) -> WordPieces {
    let core_at = split.core_at;
    let Scratch { folded, stem, .. } = scratch;
    let core_str = stem.get(core_at..).unwrap_or("");
    let mut core_prefixes = [0u64; 3];
    let mut core_grams = [0u64; 8];
    let mut core_gram_count = 0u8;
    if core_str.starts_with(|c: char| is_arabic_letter(c)) {
        let cb = core_str.as_bytes();
        for (k, (at, _)) in core_str.char_indices().skip(1).take(3).enumerate() {
            core_prefixes[k] = hash_bytes(&cb[..at]);
        }
        // The first character boundaries, the end included: the eight trigrams read eleven.
        let mut bounds = [0usize; 11];
        let mut n = 0;
        let ends = core_str.char_indices().map(|(a, _)| a);
        for (slot, at) in bounds
            .iter_mut()
            .zip(ends.chain(std::iter::once(core_str.len())))
        {
            *slot = at;
            n += 1;
        }
        for (slot, w) in core_grams.iter_mut().zip(bounds[..n].windows(4)) {
            *slot = hash_bytes(&cb[w[0]..w[3]]);
            core_gram_count += 1;
        }
    }
    let mut prefixes = [0u64; 3];
    let mut suffixes = [0u64; 4];
    let bytes = folded.as_bytes();
    for (k, (at, _)) in folded.char_indices().skip(1).take(3).enumerate() {
        prefixes[k] = hash_bytes(&bytes[..at]);
    }
    for (k, (at, _)) in folded.char_indices().rev().take(5).enumerate() {
        if k < 4 && at > 0 {
            suffixes[k] = hash_bytes(&bytes[at..]);
        }
    }
    WordPieces {
        exact: hash_bytes(w.as_bytes()),
        prefixes,
        suffixes,
        core_prefixes,
        core_grams,
        core_gram_count,
    }
}

/// The cue class of a folded Arabic core (see [`TokenView::cue`]).
fn cue_class(core: &str) -> u8 {
    match core {
        "قال" | "وقال" | "قالت" | "وقالت" | "اكد" | "واكد" | "اكدت" | "اضاف" | "واضاف"
        | "اضافت" | "رئيس" | "سيد" | "سيده" | "لاعب" | "مدرب" | "فنان" | "فنانه" | "ممثل"
        | "ممثله" | "مطرب" | "مطربه" | "نجم" | "نجمه" | "وزير" | "وزيره" | "شيخ" | "امير"
        | "ملك" | "دكتور" | "مهاجم" | "حارس" | "مدافع" | "مخرج" | "كاتب" | "زعيم" | "نائب"
        | "مستشار" | "سفير" | "قائد" | "متحدث" | "ناطق" | "لواء" | "عميد" | "مدير" => {
            1
        }
        "نادي" | "فريق" | "منتخب" | "شركه" | "مجموعه" | "حزب" | "حركه" | "جمعيه" | "منظمه"
        | "وكاله" | "صحيفه" | "قناه" | "جامعه" | "بنك" | "مصرف" | "اتحاد" | "مجلس" | "هيئه"
        | "مؤسسه" | "وزاره" | "شركات" | "انديه" => 2,
        "مدينه" | "عاصمه" | "دوله" | "ولايه" | "منطقه" | "محافظه" | "قريه" | "جزيره" | "نهر"
        | "اقليم" | "بلده" | "مقاطعه" | "ميناء" | "مطار" | "عاصمتها" => {
            3
        }
        _ => 0,
    }
}

/// Writes the stem of `folded` with `clitic` bytes of proclitics into `out` (see [`stem_of`]).
fn stem_into(folded: &str, clitic: usize, out: &mut String) {
    out.clear();
    let rest = folded.get(clitic..).unwrap_or("");
    if folded.get(..clitic).is_some_and(|p| p.ends_with('ل')) && rest.starts_with('ل') {
        out.push('ا');
    }
    out.push_str(rest);
}

/// What a whole sentence tells each of its tokens.
#[derive(Debug, Clone, Copy, Default)]
pub struct SentenceContext {
    /// The sentence is a headline in capitals (most of its words capitalized).
    pub headline: bool,
}

impl SentenceContext {
    /// The context of a sentence's views.
    pub fn of(views: &[TokenView]) -> SentenceContext {
        let letters = views.iter().filter(|t| !t.no_letters).count();
        let caps = views.iter().filter(|t| t.capitalized).count();
        SentenceContext {
            headline: letters > 0 && caps * 10 >= letters * 8,
        }
    }
}

/// Where the word-identity features (fold, exact form) sit in a token's static features, for
/// the trainer's word dropout.
pub const IDENTITY: std::ops::Range<usize> = 1..3;

const BOS: u64 = 0x5b0_5b0;
const EOS: u64 = 0xe05_e05;

/// The hash seed of feature template `n` for `language`: templates never collide across
/// languages (Arabic 1, English 2, others 3 in the low three bits).
fn template(n: u64, language: Language) -> u64 {
    let lang = match language {
        Language::Arabic => 1,
        Language::English => 2,
        _ => 3,
    };
    n * 8 + lang
}

/// Appends the features of token `i` of a sentence (everything but the tag history) to `out`.
/// `pieces` are the [`WordPieces`] of each token.
pub fn static_features(
    views: &[TokenView],
    pieces: &[WordPieces],
    i: usize,
    language: Language,
    context: SentenceContext,
    out: &mut Vec<u64>,
) {
    let (Some(v), Some(p)) = (views.get(i), pieces.get(i)) else {
        return;
    };
    word_features(v, p, language, out);
    context_features(views, i, p, language, context, out);
}

/// Appends the first of token `i`'s static features, those that depend on its word alone
/// (bias, fold, exact form, shape, prefixes, suffixes, stem, core), to `out`: the same for
/// every occurrence of the word, so their sum can be kept per word.
pub fn word_features(v: &TokenView, pieces: &WordPieces, language: Language, out: &mut Vec<u64>) {
    let t = |n: u64| template(n, language);
    out.push(mix(t(1), 0, 0));
    out.push(mix(t(2), v.fold, 0));
    out.push(mix(t(3), pieces.exact, 0));
    out.push(mix(t(4), v.shape, 0));
    for (k, &p) in pieces.prefixes.iter().enumerate() {
        if p != 0 {
            out.push(mix(t(5 + k as u64), p, 0));
        }
    }
    for (k, &s) in pieces.suffixes.iter().enumerate() {
        if s != 0 {
            out.push(mix(t(8 + k as u64), s, 0));
        }
    }
    if v.stem != v.fold {
        out.push(mix(t(12), v.stem, 0));
    }
    out.push(mix(t(13), v.core, 0));
}

/// Appends the rest of token `i`'s static features (after [`word_features`]), those that
/// also depend on its neighbours, its position and the sentence, to `out`; with some that
/// depend on the word alone (its length, and in Arabic its clitics, its core's prefixes and
/// trigrams, its cue class), in the order the models were trained with.
/// `pieces` are token `i`'s.
pub fn context_features(
    views: &[TokenView],
    i: usize,
    pieces: &WordPieces,
    language: Language,
    context: SentenceContext,
    out: &mut Vec<u64>,
) {
    context_features_of(views, i, pieces, language, context, Part::All, out);
}

/// Which of [`context_features`] to append: all, in their order; those that depend on the
/// token's word alone (the same for every occurrence of the word, so the decoder sums them
/// once per word with [`word_features`]); or the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Every context feature.
    All,
    /// Those that read the token's word alone.
    Word,
    /// Those that read its neighbours, its position or the sentence.
    Context,
}

/// Appends `part` of token `i`'s [`context_features`] to `out`, in their order (`pieces`,
/// token `i`'s, are read for [`Part::Word`] and [`Part::All`] only).
pub fn context_features_of(
    views: &[TokenView],
    i: usize,
    pieces: &WordPieces,
    language: Language,
    context: SentenceContext,
    part: Part,
    out: &mut Vec<u64>,
) {
    let Some(v) = views.get(i) else { return };
    let word = part != Part::Context;
    let rest = part != Part::Word;
    let at = |d: isize| -> Option<&TokenView> {
        let j = i as isize + d;
        if j < 0 {
            None
        } else {
            views.get(j as usize)
        }
    };
    let fold_at = |d: isize| at(d).map_or(if d < 0 { BOS } else { EOS }, |t| t.fold);
    let shape_at = |d: isize| at(d).map_or(if d < 0 { BOS } else { EOS }, |t| t.shape);
    let t = |n: u64| template(n, language);
    if rest {
        out.push(mix(t(14), fold_at(-1), 0));
        out.push(mix(t(15), fold_at(1), 0));
        out.push(mix(t(16), fold_at(-2), 0));
        out.push(mix(t(17), fold_at(2), 0));
        out.push(mix(t(18), fold_at(-1), v.fold));
        out.push(mix(t(19), v.fold, fold_at(1)));
        out.push(mix(t(20), shape_at(-1), v.shape));
        out.push(mix(t(21), v.shape, shape_at(1)));
        out.push(mix(t(22), mix(0, shape_at(-1), v.shape), shape_at(1)));
        if let Some(p) = at(-1) {
            out.push(mix(t(23), p.core, 0));
        }
        if let Some(n) = at(1) {
            out.push(mix(t(24), n.core, 0));
        }
    }
    if word {
        out.push(mix(t(25), u64::from(v.length), 0));
    }
    if language == Language::Arabic {
        if word {
            out.push(mix(t(33), v.clitic, 0));
        }
        if rest {
            out.push(mix(t(34), v.clitic, at(1).map_or(EOS, |n| n.clitic)));
            out.push(mix(t(35), fold_at(-1), fold_at(1)));
            out.push(mix(t(36), mix(0, fold_at(-2), fold_at(-1)), v.fold));
        }
        if word {
            // The core's own prefixes and letter trigrams: unseen names share pieces with
            // seen ones.
            for (k, &p) in pieces.core_prefixes.iter().enumerate() {
                if p != 0 {
                    out.push(mix(t(46 + k as u64), p, 0));
                }
            }
            for &g in pieces
                .core_grams
                .iter()
                .take(usize::from(pieces.core_gram_count))
            {
                out.push(mix(t(49), g, 0));
            }
        }
        if rest {
            // Cores of the neighbours and their pairs: cue words (رئيس، وزير، نادي…) whatever
            // clitics they carry.
            let core_at = |d: isize| at(d).map_or(if d < 0 { BOS } else { EOS }, |t| t.core);
            out.push(mix(t(50), core_at(-1), v.core));
            out.push(mix(t(51), v.core, core_at(1)));
            out.push(mix(t(52), core_at(-2), 0));
            out.push(mix(t(53), core_at(2), 0));
            // Cue classes of the words before and after: rare cue words (المطرب، المهاجم)
            // count like frequent ones.
            let cue_at = |d: isize| at(d).map_or(0, |t| u64::from(t.cue));
            let (c1, c2, n1) = (cue_at(-1), cue_at(-2), cue_at(1));
            if c1 != 0 || c2 != 0 {
                out.push(mix(t(54), c1, c2));
            }
            if n1 != 0 {
                out.push(mix(t(55), n1, 0));
            }
        }
        if word && v.cue != 0 {
            out.push(mix(t(56), u64::from(v.cue), 0));
        }
    }
    if !rest {
        return;
    }
    if i == 0 {
        out.push(mix(t(26), v.shape, 0));
        out.push(mix(t(27), v.fold, 0));
    }
    // Gazetteer matches over this token and its neighbours (set per position, not per word).
    if v.gazetteer != 0 {
        out.push(mix(t(28), u64::from(v.gazetteer), 0));
        for k in 0..4 {
            let bits = (v.gazetteer >> (2 * k)) & 3;
            if bits != 0 {
                out.push(mix(t(29), k, u64::from(bits)));
                out.push(mix(t(30), k, v.shape));
            }
        }
    }
    let g_prev = at(-1).map_or(0, |p| p.gazetteer);
    let g_next = at(1).map_or(0, |n| n.gazetteer);
    if g_prev != 0 || g_next != 0 {
        out.push(mix(t(31), u64::from(g_prev), u64::from(g_next)));
    }
    // English capitals: a headline in capitals tells nothing by capitals.
    if language == Language::English {
        out.push(mix(t(32), u64::from(context.headline), v.shape));
    }
}

/// The number of distinct tag-history values (tags plus "before the sentence").
pub const HISTORY_START: u64 = 63;

/// The tag-history values (`p1`, `p2`) of the token after `before`, the tags of the tokens
/// before it: the last two tags, [`HISTORY_START`] where the sentence has none.
pub fn tag_history(before: &[usize]) -> (u64, u64) {
    let at = |back: usize| {
        before
            .len()
            .checked_sub(back)
            .and_then(|k| before.get(k))
            .map_or(HISTORY_START, |&t| t as u64)
    };
    (at(1), at(2))
}

/// Appends the tag-history features of token `i`: the previous tag `p1`, the two previous
/// `p2`,`p1`, and the previous tag with the current word and shape
/// ([`tag_pair_features`], then [`tag_word_features`]).
pub fn history_features(
    view: &TokenView,
    p1: u64,
    p2: u64,
    language: Language,
    out: &mut Vec<u64>,
) {
    tag_pair_features(p1, p2, language, out);
    tag_word_features(view, p1, language, out);
}

/// Appends the tag-history features that read the previous tags alone.
pub fn tag_pair_features(p1: u64, p2: u64, language: Language, out: &mut Vec<u64>) {
    let t = |n: u64| template(n, language);
    out.push(mix(t(40), p1, 0));
    out.push(mix(t(41), p2, p1));
}

/// Appends the tag-history features that pair the previous tag with the token's word.
pub fn tag_word_features(view: &TokenView, p1: u64, language: Language, out: &mut Vec<u64>) {
    let t = |n: u64| template(n, language);
    out.push(mix(t(42), p1, view.fold));
    out.push(mix(t(43), p1, view.shape));
    if language == Language::Arabic {
        out.push(mix(t(44), p1, view.clitic));
        out.push(mix(t(45), p1, view.core));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_collapse_runs() {
        let mut s = String::new();
        for (w, want) in [
            ("Chen", "Xx"),
            ("U.S", "X.X"),
            ("1996-08-22", "d-d-d"),
            ("أمازون", "a"),
        ] {
            shape_into(w, &mut s);
            assert_eq!(s, want, "{w}");
        }
    }

    #[test]
    fn plain_shapes_are_small_letters_and_common_marks() {
        let mut s = String::new();
        for w in "said so-called don't it’s e.g. , ( ” ... 12 3.5 2026-11-28".split(' ') {
            shape_into(w, &mut s);
            assert!(is_plain_shape(&s), "{w}: {s}");
        }
        for w in "Chen iPhone eBay G7 & $ @bbc أمازون 北京 x! B-52 3%".split(' ') {
            shape_into(w, &mut s);
            assert!(!is_plain_shape(&s), "{w}: {s}");
        }
        assert!(!is_plain_shape(""));
    }

    #[test]
    fn clitics_leave_a_stem_of_three_letters() {
        assert_eq!(stem_of(&fold("وبأمازون")), "امازون");
        assert_eq!(stem_of(&fold("بنك")), "بنك");
        assert_eq!(stem_of(&fold("ولي")), "ولي");
    }

    #[test]
    fn cue_classes_see_through_clitics_and_the_article() {
        let words = ["وقال", "اللاعب", "لنادي", "بمدينة", "أمازون"];
        let cues: Vec<u8> = views(&words, &[]).iter().map(|v| v.cue).collect();
        assert_eq!(cues, [1, 1, 2, 3, 0]);
    }

    #[test]
    fn features_are_total_on_odd_input() {
        let words = ["", "😀", "\u{0640}", "a"];
        let v = views(&words, &[]);
        let p = word_pieces(&words);
        let mut out = Vec::new();
        for language in [Language::English, Language::Arabic] {
            for i in 0..=words.len() {
                static_features(&v, &p, i, language, SentenceContext::of(&v), &mut out);
            }
        }
        assert!(!out.is_empty());
    }
}
