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
    _language: Language,
    named: &[Entity],
) -> Vec<Entity> {
    let toks: Vec<Tok<'_>> = tokens.iter().map(|t| Tok::new(text, t)).collect();
    let mut out = web::scan(text);
    let mut blocked = vec![false; toks.len()];
    if !out.is_empty() {
        for (b, t) in blocked.iter_mut().zip(&toks) {
            *b = out
                .iter()
                .any(|e| e.span.start < t.span.end && t.span.start < e.span.end);
        }
    }
    for (first, end) in sentence_ranges(&toks, sentences) {
        let mut a = first;
        while a < end {
            if blocked[a] {
                a += 1;
                continue;
            }
            let mut b = a;
            while b < end && !blocked[b] {
                b += 1;
            }
            scan_run(&Run { toks: &toks[a..b] }, &mut out);
            a = b;
        }
    }
    out.extend(quotes::find(text, &toks, named));
    super::sort(&mut out);
    out
}

/// Token ranges of the sentences, joining a sentence that ends with the period of a month
/// abbreviation or of `a.m.`/`p.m.` to the next one (`Nov.` + `28`), for sentence splitters
/// that do not know these abbreviations.
fn sentence_ranges(toks: &[Tok<'_>], sentences: &[Sentence]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(sentences.len());
    let mut join = false;
    for s in sentences {
        let (a, b) = (s.first_token.min(toks.len()), s.end_token.min(toks.len()));
        match out.last_mut() {
            Some(last) if join && last.1 == a => last.1 = b,
            _ => out.push((a, b)),
        }
        join = b >= 2
            && toks[b - 1].text == "."
            && toks[b - 2].span.end == toks[b - 1].span.start
            && {
                let w = &toks[b - 2];
                w.is_word()
                    && w.is_latin()
                    && lexicon::lookup(&w.key).iter().any(|(_, l)| {
                        matches!(
                            l,
                            Lex::DayPeriod(_) | Lex::Month(_, _, lexicon::Need::Number)
                        )
                    })
            };
    }
    out
}

fn scan_run(run: &Run<'_>, out: &mut Vec<Entity>) {
    let mut i = 0;
    while i < run.len() {
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

/// A token with its folded key.
#[derive(Debug, Clone)]
pub(crate) struct Tok<'a> {
    pub(crate) span: Span,
    pub(crate) kind: TokenKind,
    pub(crate) text: &'a str,
    /// Folded key (see the module rules); empty for tokens other than words and numbers.
    pub(crate) key: String,
}

impl<'a> Tok<'a> {
    fn new(text: &'a str, t: &Token) -> Self {
        let s = t.span.text(text);
        Tok {
            span: t.span,
            kind: t.kind,
            text: s,
            key: if t.kind == TokenKind::Word {
                fold(s)
            } else {
                String::new()
            },
        }
    }

    pub(crate) fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub(crate) fn is_number(&self) -> bool {
        self.kind == TokenKind::Number
    }

    /// True when the token's first letter is a capital (for English names of days and months).
    pub(crate) fn capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub(crate) fn is_latin(&self) -> bool {
        self.text
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

/// The folded key of `s`.
pub(crate) fn fold(s: &str) -> String {
    folded_chars(s).collect()
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
            (Some(a), Some(b)) => a.span.end == b.span.start,
            _ => false,
        }
    }

    /// True when token `i` is the punctuation or symbol `s`.
    pub(crate) fn is(&self, i: usize, s: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| !t.is_word() && !t.is_number() && t.text == s)
    }

    /// The lexicon entries of word `i` as written (no clitics stripped).
    pub(crate) fn lex(&self, i: usize) -> &'static [(String, Lex)] {
        match self.toks.get(i) {
            Some(t) if t.is_word() => lexicon::lookup(&t.key),
            _ => &[],
        }
    }

    /// True when word `i` as written has an entry matching `f`.
    pub(crate) fn has(&self, i: usize, f: impl Fn(Lex) -> bool) -> bool {
        self.lex(i).iter().any(|(_, l)| f(*l))
    }

    /// The first entry of word `i` (as written) matching `f`.
    pub(crate) fn find(&self, i: usize, f: impl Fn(Lex) -> Option<Lex>) -> Option<Lex> {
        self.lex(i).iter().find_map(|(_, l)| f(*l))
    }

    /// Entries of word `i` and of the phrases of up to three words starting there, with Arabic
    /// clitics stripped from the first word when `clitics` is set: each as (byte where the
    /// entity would start, index of the token after the phrase, entry). Longest phrases first.
    pub(crate) fn lookups(&self, i: usize, clitics: bool) -> Vec<(usize, usize, Lex)> {
        let mut out = Vec::new();
        let Some(t) = self.toks.get(i) else {
            return out;
        };
        if !t.is_word() {
            return out;
        }
        let arabic = t
            .key
            .chars()
            .next()
            .is_some_and(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
        for prefix in CLITICS {
            if !(prefix.is_empty() || clitics && arabic) {
                continue;
            }
            let Some(stem) = t.key.strip_prefix(prefix) else {
                continue;
            };
            if stem.chars().count() < 2 {
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
            let start = t.span.start + offset_after_letters(t.text, prefix.chars().count());
            // Phrases: join the next words' keys.
            for n in (2..=3).rev() {
                if i + n > self.len() || !self.toks[i + 1..i + n].iter().all(Tok::is_word) {
                    continue;
                }
                let mut key = stem.to_string();
                for w in &self.toks[i + 1..i + n] {
                    key.push(' ');
                    key.push_str(&w.key);
                }
                out.extend(
                    lexicon::lookup(&key)
                        .iter()
                        .map(|(_, l)| (start, i + n, *l)),
                );
            }
            out.extend(
                lexicon::lookup(stem)
                    .iter()
                    .map(|(_, l)| (start, i + 1, *l)),
            );
        }
        out
    }
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

    #[test]
    fn clitic_offsets_skip_marks() {
        assert_eq!(offset_after_letters("وَأمس", 1), "وَ".len());
        assert_eq!(offset_after_letters("أمس", 0), 0);
    }

    #[test]
    fn fold_unifies_arabic_letter_variants() {
        assert_eq!(fold("الجمعةُ"), "الجمعه");
        assert_eq!(fold("إلى"), "الي");
        assert_eq!(fold("Tuesday"), "tuesday");
    }
}
