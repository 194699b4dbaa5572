//! Pattern entities: the deterministic forms of dates, times, numbers, money, percents,
//! quantities, web addresses, mentions, hashtags and quotes, in Arabic and English.
//!
//! Rules:
//! 1. Web forms (URL, e-mail, `@mention`, `#hashtag`) are found first, from the text
//!    ([`web`]); the tokens they cover take no other pattern.
//! 2. Quotes are found from the quotation marks of each paragraph ([`quotes`]), with speakers.
//! 3. Everything else is one pass over the tokens of each sentence: at each token every family
//!    ([`dates`], [`times`], [`numbers`]) tries to match, the longest match wins (on a tie:
//!    date, then time, then amount), and the pass resumes after it. Matches never cross a
//!    sentence, except the period of `Nov.` or `p.m.` where a sentence splitter that does not
//!    know these abbreviations ends one (`Nov. 28` stays one date).
//! 4. Words are looked up by a folded key: lowercase, without tashkeel or tatweel, with alef
//!    variants as `ا`, `ى` as `ي` and `ة` as `ه`. The first word of a match may carry Arabic
//!    clitics (`و`, `ف`, `ب`, `ل`, `ك`, `ال` after `ل`); the entity then starts after them
//!    (`أمس` in `وأمس`), so a highlight shows the stem.
//! 5. All lookups are in one sorted table built once ([`lexicon`]): no regular expressions.

pub mod dates;
pub mod lexicon;
pub mod numbers;
pub mod quotes;
pub mod times;
pub mod web;

use super::{Entity, EntityKind};
use crate::intern::{Surfaces, TokenKeys};
use crate::lang::Language;
use crate::normalize::is_arabic_mark;
use crate::sentence::Sentence;
use crate::span::Span;
use crate::token::{Token, TokenKind};
use lexicon::Lex;

/// Finds the pattern entities of `text`, sorted by start. `named` holds the named entities
/// already found (quote speakers prefer its person spans).
///
/// ```
/// use article_analyzer::entity::{patterns, EntityKind};
/// use article_analyzer::{lang::Language, sentence::sentences, token::tokenize};
/// let text = "ارتفع المؤشر ١٫٥٪ وأمس الثلاثاء.";
/// let tokens = tokenize(text);
/// let found = patterns::recognize(text, &tokens, &sentences(text, &tokens), Language::Arabic, &[]);
/// let found: Vec<_> = found.iter().map(|e| (e.span.text(text), e.kind, e.value.as_deref())).collect();
/// assert_eq!(found, [
///     ("١٫٥٪", EntityKind::Percent, Some("1.5")),
///     ("أمس الثلاثاء", EntityKind::Date, None),
/// ]);
/// ```
pub fn recognize(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    language: Language,
    named: &[Entity],
) -> Vec<Entity> {
    let texts = Surfaces::new(text, tokens);
    recognize_with_ids(
        text,
        tokens,
        sentences,
        language,
        named,
        &texts.ids,
        &texts.texts,
    )
}

/// Like [`recognize`], with the text ids of the tokens already made (`ids` per token, `texts`
/// per id: see [`Surfaces`]), so no token is looked up by its text again.
pub fn recognize_with_ids(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    _language: Language,
    named: &[Entity],
    ids: &[u32],
    texts: &[&str],
) -> Vec<Entity> {
    let keys = fold_keys(texts);
    let shared = Shared::new(text, tokens, ids, &keys);
    let mut out = web::scan(text);
    let web = out.len();
    // The pattern tokens are made one sentence at a time, into one buffer: a matcher never
    // looks past its sentence, and a token for every token of a long text was its largest
    // working memory (16 bytes a token in wasm; 15 MB at 5 MB of English).
    let mut toks: Vec<Tok<'_>> = Vec::new();
    let mut blocked: Vec<bool> = Vec::new();
    // The web entities come sorted and never overlap, so their ends are sorted too: the only
    // one a token can overlap is the first to end after the token starts. Tokens come in
    // order, so that one is found by a cursor (a search of all of them per token was
    // quadratic: 540 KB of hashtags took 2.5 s).
    let mut next_web = 0;
    for (first, end) in sentence_ranges(&shared, sentences) {
        shared.toks_in(first..end, &mut toks);
        blocked.clear();
        blocked.extend(toks.iter().map(|t| {
            let span = t.span();
            while out[..web]
                .get(next_web)
                .is_some_and(|e| e.span.end <= span.start)
            {
                next_web += 1;
            }
            out[..web]
                .get(next_web)
                .is_some_and(|e| e.span.start < span.end)
        }));
        let mut a = 0;
        while a < toks.len() {
            if blocked[a] {
                a += 1;
                continue;
            }
            let mut b = a;
            while b < toks.len() && !blocked[b] {
                b += 1;
            }
            scan_run(&Run { toks: &toks[a..b] }, &mut out);
            a = b;
        }
    }
    drop(toks);
    out.extend(quotes::find(text, Toks { shared: &shared }, named));
    super::sort(&mut out);
    out
}

/// Token ranges of the sentences, joining a sentence that ends with the period of a month
/// abbreviation or of `a.m.`/`p.m.` to the next one (`Nov.` + `28`), for sentence splitters
/// that do not know these abbreviations.
fn sentence_ranges(shared: &Shared<'_>, sentences: &[Sentence]) -> Vec<(usize, usize)> {
    let count = shared.tokens.len();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(sentences.len());
    let mut join = false;
    for s in sentences {
        let (a, b) = (s.first_token.min(count), s.end_token.min(count));
        match out.last_mut() {
            Some(last) if join && last.1 == a => last.1 = b,
            _ => out.push((a, b)),
        }
        join = b >= 2 && shared.ends_abbreviation(b - 2);
    }
    out
}

/// True when token `t` can start a date, time or amount: a number, a word of the lexicon or
/// one that starts with a digit, a short upper-case word (`USD`, `US$`), a currency symbol or a
/// percent sign. Most tokens cannot, and are skipped at once.
fn could_start(t: &Tok<'_>) -> bool {
    if t.text()
        .starts_with(|c: char| numbers::digit_value(c).is_some())
    {
        return true;
    }
    match t.kind {
        TokenKind::Number => true,
        TokenKind::Word => {
            !t.entries().is_empty()
                || t.text()
                    .starts_with(|c: char| numbers::digit_value(c).is_some())
                || (t.text().len() <= 3 && t.text().bytes().all(|b| b.is_ascii_uppercase()))
        }
        _ => {
            let mut chars = t.text().chars();
            chars.next().is_some_and(|c| {
                matches!(
                    c,
                    '%' | '٪' | '$' | '€' | '£' | '¥' | '₹' | '₪' | '₺' | '₽' | '﷼'
                )
            }) && chars.next().is_none()
        }
    }
}

fn scan_run(run: &Run<'_>, out: &mut Vec<Entity>) {
    let mut i = 0;
    while i < run.len() {
        if !could_start(&run.toks[i]) {
            i += 1;
            continue;
        }
        let best = [dates::at(run, i), times::at(run, i), numbers::at(run, i)]
            .into_iter()
            .flatten()
            .fold(None::<Found>, |best, f| match best {
                Some(b) if b.end >= f.end => Some(b),
                _ => Some(f),
            });
        match best {
            Some(f) if f.end_tok > i => {
                out.push(Entity {
                    span: Span::new(f.start, f.end),
                    kind: f.kind,
                    value: f.value,
                    speaker: None,
                });
                i = f.end_tok;
            }
            _ => i += 1,
        }
    }
}

/// The [`fold`] of each distinct token text (`texts`, by id), made once per text (for
/// [`Shared::new`]; looked up with [`TokenKeys::key_of_text`]).
pub(crate) fn fold_keys(texts: &[&str]) -> TokenKeys {
    TokenKeys::new(Vec::new(), texts.len(), |id, out| {
        let s = texts.get(id as usize).copied().unwrap_or("");
        if s.chars().all(is_own_fold) {
            out.push_str(s);
        } else {
            out.push_str(&fold(s));
        }
    })
}

/// What the tokens of one text share ([`Tok`] holds a reference to it, not its own copies):
/// the text, the folded keys of the distinct token texts ([`fold_keys`]) and the lexicon
/// entries of all tokens, stored one after another.
#[derive(Debug)]
pub(crate) struct Shared<'a> {
    text: &'a str,
    tokens: &'a [Token],
    ids: &'a [u32],
    keys: &'a TokenKeys,
    /// The entry lists, one after another: once per distinct text for a word whose entries
    /// depend on it alone (most), once per token for a word that can start a phrase.
    arena: Vec<Entry>,
    /// Per token with entries: (token, first entry in `arena`, number of entries), in token
    /// order.
    ends: Vec<(u32, u32, u16)>,
}

/// The parts of a token the lexicon lookups read (see [`entries`]).
#[derive(Clone, Copy)]
struct Lite<'a> {
    kind: TokenKind,
    text: &'a str,
    key: &'a str,
}

impl<'a> Shared<'a> {
    /// The lexicon entries of the tokens of `text` (`ids` their text ids, `keys` from
    /// [`fold_keys`] over the same tokens). A word's entries that depend on it alone (no
    /// phrase can start there) are looked up once per distinct text.
    pub(crate) fn new(
        text: &'a str,
        tokens: &'a [Token],
        ids: &'a [u32],
        keys: &'a TokenKeys,
    ) -> Shared<'a> {
        let id_of = |i: usize| ids.get(i).copied().unwrap_or(u32::MAX);
        let at = |i: usize| {
            tokens.get(i).map(|t| Lite {
                kind: t.kind,
                text: t.span.text(text),
                key: if t.kind == TokenKind::Word {
                    keys.key_of_text(id_of(i))
                } else {
                    ""
                },
            })
        };
        // Per text id: where its entries are in `arena`, when they depend on it alone (entries
        // hold offsets from their token's start, so tokens of one text share one list: at 5 MB
        // of Arabic the arena was 10 MB when every token had its own copy).
        let mut memo: Vec<Option<(u32, u16)>> = vec![None; keys.texts()];
        let mut ends: Vec<(u32, u32, u16)> = Vec::new();
        let mut arena: Vec<Entry> = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            if t.kind != TokenKind::Word {
                continue;
            }
            let id = id_of(i) as usize;
            let (from, len) = match memo.get(id) {
                Some(&Some(known)) => known,
                _ => {
                    let (found, alone) = entries(at, tokens.len(), i);
                    let from = u32::try_from(arena.len()).unwrap_or(u32::MAX);
                    let len = u16::try_from(found.len()).unwrap_or(u16::MAX);
                    arena.extend(found);
                    if alone {
                        if let Some(slot) = memo.get_mut(id) {
                            *slot = Some((from, len));
                        }
                    }
                    (from, len)
                }
            };
            if len > 0 {
                ends.push((i as u32, from, len));
            }
        }
        Shared {
            text,
            tokens,
            ids,
            keys,
            arena,
            ends,
        }
    }

    /// The tokens of `range` with their keys, entries and line starts, into `out` (cleared
    /// first).
    pub(crate) fn toks_in(&'a self, range: std::ops::Range<usize>, out: &mut Vec<Tok<'a>>) {
        out.clear();
        let Some(tokens) = self.tokens.get(range.clone()) else {
            return;
        };
        let from = self
            .ends
            .partition_point(|&(k, _, _)| (k as usize) < range.start);
        let mut ends = self.ends.get(from..).unwrap_or_default().iter().peekable();
        let mut previous_end = self.end_before(range.start);
        out.reserve(tokens.len());
        for (i, t) in (range.start..).zip(tokens) {
            let mut entries = (0, 0);
            if let Some(&&(k, from, len)) = ends.peek() {
                if k as usize == i {
                    ends.next();
                    entries = (from, len);
                }
            }
            out.push(self.make(i, t, entries, previous_end));
            previous_end = t.span.end;
        }
    }

    /// True when token `w` is a month abbreviation or `a.m.`/`p.m.` (as a Latin word of the
    /// lexicon) and the next token is the period glued to it.
    fn ends_abbreviation(&self, w: usize) -> bool {
        let (Some(word), Some(period)) = (self.tokens.get(w), self.tokens.get(w + 1)) else {
            return false;
        };
        let key = || {
            let id = self.ids.get(w).copied().unwrap_or(u32::MAX);
            self.keys.key_of_text(id)
        };
        period.span.text(self.text) == "."
            && word.span.end == period.span.start
            && word.kind == TokenKind::Word
            && word
                .span
                .text(self.text)
                .starts_with(|c: char| c.is_ascii_alphabetic())
            && lexicon::lookup(key()).iter().any(|(_, l)| {
                matches!(
                    l,
                    Lex::DayPeriod(_) | Lex::Month(_, _, lexicon::Need::Number)
                )
            })
    }

    /// Token `i` with its key, entries and line start; `None` past the last token.
    pub(crate) fn tok(&'a self, i: usize) -> Option<Tok<'a>> {
        let t = self.tokens.get(i)?;
        let at = self.ends.partition_point(|&(k, _, _)| (k as usize) < i);
        let entries = match self.ends.get(at) {
            Some(&(k, from, len)) if k as usize == i => (from, len),
            _ => (0, 0),
        };
        Some(self.make(i, t, entries, self.end_before(i)))
    }

    /// Where the token before token `i` ends (0 for the first).
    fn end_before(&self, i: usize) -> usize {
        i.checked_sub(1)
            .and_then(|p| self.tokens.get(p))
            .map_or(0, |p| p.span.end)
    }

    fn make(&'a self, i: usize, t: &Token, entries: (u32, u16), previous_end: usize) -> Tok<'a> {
        Tok {
            shared: self,
            index: u32::try_from(i).unwrap_or(u32::MAX),
            entries_from: entries.0,
            entries_len: entries.1,
            kind: t.kind,
            newline_before: self
                .text
                .get(previous_end..t.span.start)
                .is_some_and(|gap| gap.contains('\n')),
        }
    }
}

/// All the tokens of a text as pattern tokens, each made when it is asked for: the quotes
/// read a few tokens around each quotation mark, so a list of every token is never needed.
#[derive(Clone, Copy)]
pub(crate) struct Toks<'a> {
    shared: &'a Shared<'a>,
}

impl<'a> Toks<'a> {
    /// The number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.shared.tokens.len()
    }

    /// The kind of token `i` (read without making the token).
    pub(crate) fn kind(&self, i: usize) -> Option<TokenKind> {
        self.shared.tokens.get(i).map(|t| t.kind)
    }

    /// Token `i`; `None` past the last.
    pub(crate) fn get(&self, i: usize) -> Option<Tok<'a>> {
        self.shared.tok(i)
    }

    /// Token `i`, which the caller knows exists; past the last, a token with no text and no
    /// entries (never a panic).
    pub(crate) fn at(&self, i: usize) -> Tok<'a> {
        self.get(i).unwrap_or(Tok {
            shared: self.shared,
            index: u32::MAX,
            entries_from: 0,
            entries_len: 0,
            kind: TokenKind::Symbol,
            newline_before: true,
        })
    }
}

/// A token with its folded key, lexicon entries and line start: a reference to what all
/// tokens share and a few indices (16 bytes in wasm, 24 on 64-bit targets). They are made for
/// one sentence at a time ([`Shared::toks_in`]) or one token at a time ([`Toks`]), never for
/// every token of a text at once.
#[derive(Debug, Clone)]
pub(crate) struct Tok<'a> {
    shared: &'a Shared<'a>,
    /// Index of the token in `shared.tokens` (and of its text id in `shared.ids`).
    index: u32,
    /// The token's entries: `shared.arena[entries_from..][..entries_len]`.
    entries_from: u32,
    entries_len: u16,
    pub(crate) kind: TokenKind,
    /// True when a line break separates the token from the one before.
    pub(crate) newline_before: bool,
}

impl<'a> Tok<'a> {
    /// The token's byte span.
    #[inline]
    pub(crate) fn span(&self) -> Span {
        self.shared
            .tokens
            .get(self.index as usize)
            .map_or(Span::new(0, 0), |t| t.span)
    }

    /// The token's text.
    #[inline]
    pub(crate) fn text(&self) -> &'a str {
        self.span().text(self.shared.text)
    }

    /// Folded key (see the module rules); empty for tokens other than words.
    #[inline]
    pub(crate) fn key(&self) -> &'a str {
        if self.kind == TokenKind::Word {
            let id = self
                .shared
                .ids
                .get(self.index as usize)
                .copied()
                .unwrap_or(u32::MAX);
            self.shared.keys.key_of_text(id)
        } else {
            ""
        }
    }

    /// Lexicon entries of the word and the phrases it starts (see [`entries`]).
    #[inline]
    pub(crate) fn entries(&self) -> &'a [Entry] {
        let from = self.entries_from as usize;
        self.shared
            .arena
            .get(from..from + usize::from(self.entries_len))
            .unwrap_or(&[])
    }

    pub(crate) fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub(crate) fn is_number(&self) -> bool {
        self.kind == TokenKind::Number
    }

    /// True when the token's first letter is a capital (for English names of days and months).
    pub(crate) fn capitalized(&self) -> bool {
        self.text().chars().next().is_some_and(char::is_uppercase)
    }

    pub(crate) fn is_latin(&self) -> bool {
        self.text()
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
    }
}

/// The folded characters of `s` (see the module rules).
pub(crate) fn folded_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .filter(|&c| !is_arabic_mark(c) && c != '\u{0640}')
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            _ => c,
        })
        .flat_map(char::to_lowercase)
}

/// True when [`fold`] keeps `c` as it is: ASCII other than capitals, and the Arabic letters
/// other than the alef variants, alef maqsura and teh marbuta (no tatweel, no marks).
fn is_own_fold(c: char) -> bool {
    (c.is_ascii() && !c.is_ascii_uppercase())
        || (matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}')
            && !matches!(c, 'أ' | 'إ' | 'آ' | 'ى' | 'ة'))
}

/// The folded key of `s` (fast path for ASCII and Arabic letters, which need no case table).
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            '\0'..='\u{7F}' => out.push(c),
            '\u{0640}' => {}
            c if is_arabic_mark(c) => {}
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ى' => out.push('ي'),
            'ة' => out.push('ه'),
            '\u{0600}'..='\u{06FF}' => out.push(c),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// A match: byte span, the token after it, kind and value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) end_tok: usize,
    pub(crate) kind: EntityKind,
    pub(crate) value: Option<String>,
}

/// A run of tokens of one sentence that no web entity covers: the matchers' view.
pub(crate) struct Run<'a> {
    pub(crate) toks: &'a [Tok<'a>],
}

/// Arabic proclitic prefixes tried, in folded letters: none first, then longest first.
const CLITICS: [&str; 11] = ["", "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك"];

impl<'a> Run<'a> {
    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }

    pub(crate) fn tok(&self, i: usize) -> Option<&Tok<'a>> {
        self.toks.get(i)
    }

    /// True when token `i` and token `i + 1` touch (no space between).
    pub(crate) fn glued(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.span().end == b.span().start,
            _ => false,
        }
    }

    /// True when token `i` is the punctuation or symbol `s`.
    pub(crate) fn is(&self, i: usize, s: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| !t.is_word() && !t.is_number() && t.text() == s)
    }

    /// The lexicon entries of word `i` as written (no clitics stripped).
    pub(crate) fn lex(&self, i: usize) -> impl Iterator<Item = Lex> + '_ {
        self.toks.get(i).into_iter().flat_map(|t| {
            t.entries()
                .iter()
                .filter(move |e| e.words == 1 && e.offset == 0)
                .map(|e| e.lex)
        })
    }

    /// True when word `i` as written has an entry matching `f`.
    pub(crate) fn has(&self, i: usize, f: impl Fn(Lex) -> bool) -> bool {
        self.lex(i).any(f)
    }

    /// The first entry of word `i` (as written) matching `f`.
    pub(crate) fn find(&self, i: usize, f: impl Fn(Lex) -> Option<Lex>) -> Option<Lex> {
        self.lex(i).find_map(f)
    }

    /// Entries of word `i` and of the phrases of up to three words starting there, with Arabic
    /// clitics stripped from the first word when `clitics` is set: each as (byte where the
    /// entity would start, index of the token after the phrase, entry). Longest phrases first.
    pub(crate) fn lookups(
        &self,
        i: usize,
        clitics: bool,
    ) -> impl Iterator<Item = (usize, usize, Lex)> + '_ {
        let t = self.toks.get(i);
        let entries = t.map_or(&[][..], |t| t.entries());
        let start = t.map_or(0, |t| t.span().start);
        entries
            .iter()
            .filter(move |e| (clitics || e.offset == 0) && i + usize::from(e.words) <= self.len())
            .map(move |e| (start + e.offset as usize, i + usize::from(e.words), e.lex))
    }
}

/// One lexicon entry of a word: where the entity would start (bytes after the word's start:
/// past its clitics), how many words the phrase has, and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) offset: u32,
    pub(crate) words: u8,
    pub(crate) lex: Lex,
}

/// The entries of word `i` and of the phrases of up to three words starting there, with
/// Arabic clitics stripped or not; longest phrases first, unstripped first; and whether they
/// depend on word `i` alone (no phrase of the lexicon starts with it, so the words after it
/// were not read).
fn entries<'a>(at: impl Fn(usize) -> Option<Lite<'a>>, len: usize, i: usize) -> (Vec<Entry>, bool) {
    let mut out = Vec::new();
    let mut alone = true;
    let Some(t) = at(i).filter(|t| t.kind == TokenKind::Word) else {
        return (out, alone);
    };
    // Only a word that starts with a clitic letter can carry clitics.
    let clitic = t
        .key
        .chars()
        .next()
        .is_some_and(|c| matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك'));
    for prefix in CLITICS {
        if !(prefix.is_empty() || clitic) {
            continue;
        }
        let Some(stem) = t.key.strip_prefix(prefix) else {
            continue;
        };
        if !prefix.is_empty() && stem.chars().count() < 2 {
            continue;
        }
        // ل + ال is written لل: للثلاثاء is ل + الثلاثاء.
        let restored;
        let stem = if prefix.ends_with('ل') && stem.starts_with('ل') {
            restored = format!("ا{stem}");
            restored.as_str()
        } else {
            stem
        };
        // An abbreviation may keep its period in the token (`Nov.`, `p.m.`).
        let stem = if prefix.is_empty() && stem.len() > 1 {
            stem.strip_suffix('.').unwrap_or(stem)
        } else {
            stem
        };
        let offset =
            u32::try_from(offset_after_letters(t.text, prefix.chars().count())).unwrap_or(u32::MAX);
        if lexicon::is_head(stem) {
            alone = false;
            for n in (2..=3u8).rev() {
                let end = i + usize::from(n);
                if end > len
                    || !(i + 1..end).all(|j| at(j).is_some_and(|w| w.kind == TokenKind::Word))
                {
                    continue;
                }
                let mut key = stem.to_string();
                for j in i + 1..end {
                    key.push(' ');
                    key.push_str(at(j).map_or("", |w| w.key));
                }
                out.extend(lexicon::lookup(&key).iter().map(|(_, l)| Entry {
                    offset,
                    words: n,
                    lex: *l,
                }));
            }
        }
        out.extend(lexicon::lookup(stem).iter().map(|(_, l)| Entry {
            offset,
            words: 1,
            lex: *l,
        }));
    }
    (out, alone)
}

/// Byte offset in `s` after its first `n` letters, skipping the marks and tatweel that follow.
fn offset_after_letters(s: &str, n: usize) -> usize {
    if n == 0 {
        return 0;
    }
    let mut seen = 0;
    for (at, c) in s.char_indices() {
        if is_arabic_mark(c) || c == '\u{0640}' {
            continue;
        }
        if seen == n {
            return at;
        }
        seen += 1;
    }
    s.len()
}

#[cfg(test)]
pub(crate) mod test_util {
    use super::*;
    use crate::sentence::sentences;
    use crate::token::tokenize;

    /// (text, kind, value) of the pattern entities of `text`, quotes left out.
    pub(crate) fn found(text: &str) -> Vec<(String, EntityKind, Option<String>)> {
        let tokens = tokenize(text);
        recognize(
            text,
            &tokens,
            &sentences(text, &tokens),
            Language::Unknown,
            &[],
        )
        .into_iter()
        .filter(|e| e.kind != EntityKind::Quote)
        .map(|e| (e.span.text(text).to_string(), e.kind, e.value))
        .collect()
    }

    /// Like [`found`], with one token per whitespace-separated chunk (a tokenizer that keeps
    /// `28/11/2026`, `09:45`, `Nov.` and `p.m.` whole): a chunk with a letter is a word, one
    /// with a digit a number, else punctuation.
    pub(crate) fn found_in_chunks(text: &str) -> Vec<(String, EntityKind, Option<String>)> {
        let mut tokens = Vec::new();
        let mut at = 0;
        for chunk in text.split(' ') {
            if !chunk.is_empty() {
                let kind = if chunk.chars().any(char::is_alphabetic) {
                    TokenKind::Word
                } else if chunk.chars().any(char::is_numeric) {
                    TokenKind::Number
                } else {
                    TokenKind::Punctuation
                };
                tokens.push(Token {
                    span: Span::new(at, at + chunk.len()),
                    kind,
                    script: crate::token::Script::of_text(chunk),
                });
            }
            at += chunk.len() + 1;
        }
        recognize(
            text,
            &tokens,
            &sentences(text, &tokens),
            Language::Unknown,
            &[],
        )
        .into_iter()
        .map(|e| (e.span.text(text).to_string(), e.kind, e.value))
        .collect()
    }

    /// The first entity's (text, kind, value).
    pub(crate) fn one(text: &str) -> (String, EntityKind, Option<String>) {
        found(text)
            .into_iter()
            .next()
            .unwrap_or_else(|| (String::new(), EntityKind::Misc, None))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    #[test]
    fn own_fold_characters_fold_to_themselves() {
        for c in ('\0'..='\u{7F}').chain('\u{0600}'..='\u{06FF}') {
            if is_own_fold(c) {
                assert_eq!(fold(&c.to_string()), c.to_string(), "{c:?}");
            }
        }
    }

    #[test]
    fn whole_date_time_and_abbreviation_tokens_are_understood() {
        let got = test_util::found_in_chunks(
            "on Nov. 28 at 09:45 UTC and 6:30 p.m. on 28/11/2026 and ٢٨/١١/٢٠٢٦",
        );
        let got: Vec<_> = got
            .iter()
            .map(|(t, k, v)| (t.as_str(), *k, v.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("Nov. 28", EntityKind::Date, Some("--11-28")),
                ("09:45 UTC", EntityKind::Time, Some("09:45")),
                ("6:30 p.m.", EntityKind::Time, Some("18:30")),
                ("28/11/2026", EntityKind::Date, Some("2026-11-28")),
                ("٢٨/١١/٢٠٢٦", EntityKind::Date, Some("2026-11-28")),
            ]
        );
    }

    /// What a pattern token holds, for comparing two ways of making it.
    fn parts(t: &Tok<'_>) -> (u32, u32, u16, TokenKind, bool) {
        (
            t.index,
            t.entries_from,
            t.entries_len,
            t.kind,
            t.newline_before,
        )
    }

    #[test]
    fn tokens_made_by_range_or_one_at_a_time_are_the_same() {
        let text = "On Nov. 28\nthe index rose 3% to $1.2 billion, وأمس الثلاثاء «قال» هو.\n\n\"Yes,\" said Dr. Chen at 6:30 p.m.";
        let tokens = tokenize(text);
        let texts = Surfaces::new(text, &tokens);
        let keys = fold_keys(&texts.texts);
        let shared = Shared::new(text, &tokens, &texts.ids, &keys);
        assert!(shared.ends.len() > 3, "the text has lexicon words");
        let one_by_one: Vec<_> = (0..tokens.len())
            .map(|i| parts(&shared.tok(i).expect("a token")))
            .collect();
        assert!(shared.tok(tokens.len()).is_none());
        assert!(one_by_one.iter().any(|p| p.4) && one_by_one.iter().any(|p| p.2 > 0));
        let mut buffer = Vec::new();
        for a in 0..=tokens.len() {
            for b in a..=tokens.len() {
                shared.toks_in(a..b, &mut buffer);
                let got: Vec<_> = buffer.iter().map(parts).collect();
                assert_eq!(got, one_by_one[a..b], "{a}..{b}");
            }
        }
        let toks = Toks { shared: &shared };
        assert_eq!(toks.len(), tokens.len());
        assert_eq!(toks.at(tokens.len()).text(), "");
    }

    #[test]
    fn clitic_offsets_skip_marks() {
        assert_eq!(offset_after_letters("وَأمس", 1), "وَ".len());
        assert_eq!(offset_after_letters("أمس", 0), 0);
    }

    #[test]
    fn fold_matches_folded_chars() {
        for s in [
            "Straße",
            "ÉCOLE",
            "وَأَمْسِ",
            "الجمعةُ",
            "İstanbul",
            "ΣΟΦΙΑ",
            "ــا",
        ] {
            assert_eq!(fold(s), folded_chars(s).collect::<String>(), "{s}");
        }
    }

    #[test]
    fn fold_unifies_arabic_letter_variants() {
        assert_eq!(fold("الجمعةُ"), "الجمعه");
        assert_eq!(fold("إلى"), "الي");
        assert_eq!(fold("Tuesday"), "tuesday");
    }
}
