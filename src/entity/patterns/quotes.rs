//! Quotes and their speakers.
//!
//! Rules:
//! 1. A quote runs from an opening mark to its closing mark, marks included: `“…”`, `«…»`,
//!    `„…“`, and straight `"…"` paired in order. A mark opens when text follows it directly;
//!    it closes when text precedes it directly. Arabic text often opens with `”` after a clitic
//!    (`و”أمازون”`): any curly double mark can open and close.
//! 2. A quote never runs past its paragraph (a line). An opening curly mark or guillemet that is
//!    never closed runs to the end of its paragraph, as news copy often forgets the closing mark.
//! 3. Not every quoted phrase is speech: fewer than four words is a name or scare quote
//!    (`“أمازون”`), and so is a phrase right after a noun that introduces a name (`تحالف`,
//!    `حملة`, `campaign`, `titled`), and a phrase of four or five words with no speaker, no
//!    verb of speech before it in its sentence and no colon before it (a title). Those are not
//!    quotes.
//! 4. The speaker, when the article names one:
//!    - right after the quote: `"…," he said`, `"…," said Chen`, `"…," Chen said`,
//!      `"…," wrote @fan`;
//!    - before it, in the same sentence: `Mayor Laura Chen said the vote was "…"`,
//!      `وقال المحلل سامي الحسن لوكالة رويترز إن "…"`;
//!    - a quote without a cue that follows another quote of the same paragraph after at most
//!      four tokens (`"…," he said. "…"`) has the same speaker.
//!
//!    In English the speaker is the run of capitalized words next to the verb (a leading
//!    `The` dropped); a pronoun is replaced by the last person the named tagger found before
//!    the quote, when there is one. In Arabic the speaker is taken from the words after the
//!    verb up to `إن`/`أن`/`:`/`،` or a preposition (at most six), dropping leading roles and
//!    definite words (`أحد أعضاء التحالف علي بنجواني` → `علي بنجواني`; `على` is no stop word,
//!    as it folds to the name `علي`); a person the named
//!    tagger found there wins.
//! 5. A quote may span sentences; its speaker may lie outside its sentence.

use super::lexicon::Lex;
use super::{Tok, Toks};
use crate::entity::{Entity, EntityKind};
use crate::span::Span;
use crate::token::TokenKind;

/// Arabic and English words of this family.
pub(crate) const WORDS: &[(&str, Lex)] = &[
    // Verbs of speech.
    ("said", Lex::SpeechVerb),
    ("says", Lex::SpeechVerb),
    ("told", Lex::SpeechVerb),
    ("tells", Lex::SpeechVerb),
    ("added", Lex::SpeechVerb),
    ("adds", Lex::SpeechVerb),
    ("asked", Lex::SpeechVerb),
    ("wrote", Lex::SpeechVerb),
    ("writes", Lex::SpeechVerb),
    ("stated", Lex::SpeechVerb),
    ("noted", Lex::SpeechVerb),
    ("warned", Lex::SpeechVerb),
    ("explained", Lex::SpeechVerb),
    ("insisted", Lex::SpeechVerb),
    ("argued", Lex::SpeechVerb),
    ("replied", Lex::SpeechVerb),
    ("recalled", Lex::SpeechVerb),
    ("continued", Lex::SpeechVerb),
    ("declared", Lex::SpeechVerb),
    ("tweeted", Lex::SpeechVerb),
    ("posted", Lex::SpeechVerb),
    ("قال", Lex::SpeechVerb),
    ("قالت", Lex::SpeechVerb),
    ("قالوا", Lex::SpeechVerb),
    ("يقول", Lex::SpeechVerb),
    ("تقول", Lex::SpeechVerb),
    ("أضاف", Lex::SpeechVerb),
    ("أضافت", Lex::SpeechVerb),
    ("يضيف", Lex::SpeechVerb),
    ("مضيفا", Lex::SpeechVerb),
    ("أكد", Lex::SpeechVerb),
    ("أكدت", Lex::SpeechVerb),
    ("يؤكد", Lex::SpeechVerb),
    ("مؤكدا", Lex::SpeechVerb),
    ("صرح", Lex::SpeechVerb),
    ("صرحت", Lex::SpeechVerb),
    ("أوضح", Lex::SpeechVerb),
    ("أوضحت", Lex::SpeechVerb),
    ("تابع", Lex::SpeechVerb),
    ("تابعت", Lex::SpeechVerb),
    ("أشار", Lex::SpeechVerb),
    ("أشارت", Lex::SpeechVerb),
    ("ذكر", Lex::SpeechVerb),
    ("ذكرت", Lex::SpeechVerb),
    ("كتب", Lex::SpeechVerb),
    ("كتبت", Lex::SpeechVerb),
    ("غرد", Lex::SpeechVerb),
    ("غردت", Lex::SpeechVerb),
    ("شدد", Lex::SpeechVerb),
    ("شددت", Lex::SpeechVerb),
    ("أعلن", Lex::SpeechVerb),
    ("أعلنت", Lex::SpeechVerb),
    ("اعتبر", Lex::SpeechVerb),
    ("اعتبرت", Lex::SpeechVerb),
    ("بحسب", Lex::SpeechVerb),
    ("حسب", Lex::SpeechVerb),
    // Pronouns that can speak.
    ("he", Lex::Pronoun),
    ("she", Lex::Pronoun),
    ("they", Lex::Pronoun),
    // Nouns that introduce a quoted name, not speech.
    ("campaign", Lex::NameNoun),
    ("coalition", Lex::NameNoun),
    ("alliance", Lex::NameNoun),
    ("movement", Lex::NameNoun),
    ("book", Lex::NameNoun),
    ("novel", Lex::NameNoun),
    ("film", Lex::NameNoun),
    ("movie", Lex::NameNoun),
    ("documentary", Lex::NameNoun),
    ("show", Lex::NameNoun),
    ("series", Lex::NameNoun),
    ("song", Lex::NameNoun),
    ("album", Lex::NameNoun),
    ("programme", Lex::NameNoun),
    ("program", Lex::NameNoun),
    ("project", Lex::NameNoun),
    ("initiative", Lex::NameNoun),
    ("operation", Lex::NameNoun),
    ("hashtag", Lex::NameNoun),
    ("slogan", Lex::NameNoun),
    ("titled", Lex::NameNoun),
    ("entitled", Lex::NameNoun),
    ("called", Lex::NameNoun),
    ("named", Lex::NameNoun),
    ("dubbed", Lex::NameNoun),
    ("تحالف", Lex::NameNoun),
    ("ائتلاف", Lex::NameNoun),
    ("حملة", Lex::NameNoun),
    ("حركة", Lex::NameNoun),
    ("منظمة", Lex::NameNoun),
    ("مؤسسة", Lex::NameNoun),
    ("جمعية", Lex::NameNoun),
    ("شركة", Lex::NameNoun),
    ("مجموعة", Lex::NameNoun),
    ("برنامج", Lex::NameNoun),
    ("كتاب", Lex::NameNoun),
    ("فيلم", Lex::NameNoun),
    ("مسلسل", Lex::NameNoun),
    ("رواية", Lex::NameNoun),
    ("مبادرة", Lex::NameNoun),
    ("عملية", Lex::NameNoun),
    ("مشروع", Lex::NameNoun),
    ("مؤتمر", Lex::NameNoun),
    ("قمة", Lex::NameNoun),
    ("وثيقة", Lex::NameNoun),
    ("خطة", Lex::NameNoun),
    ("اتفاق", Lex::NameNoun),
    ("اتفاقية", Lex::NameNoun),
    ("قانون", Lex::NameNoun),
    ("وسم", Lex::NameNoun),
    ("هاشتاغ", Lex::NameNoun),
    ("شعار", Lex::NameNoun),
    ("عنوان", Lex::NameNoun),
    ("بعنوان", Lex::NameNoun),
    ("موقع", Lex::NameNoun),
    ("صحيفة", Lex::NameNoun),
    ("مجلة", Lex::NameNoun),
    ("قناة", Lex::NameNoun),
    ("منصة", Lex::NameNoun),
    ("تطبيق", Lex::NameNoun),
    ("حزب", Lex::NameNoun),
    ("جبهة", Lex::NameNoun),
    ("لجنة", Lex::NameNoun),
    ("مصطلح", Lex::NameNoun),
    ("عبارة", Lex::NameNoun),
    ("مسمى", Lex::NameNoun),
    ("اسم", Lex::NameNoun),
    ("يدعى", Lex::NameNoun),
    ("تدعى", Lex::NameNoun),
    ("المسمى", Lex::NameNoun),
    ("المسماة", Lex::NameNoun),
    ("مهرجان", Lex::NameNoun),
    ("معرض", Lex::NameNoun),
    ("جائزة", Lex::NameNoun),
    // Roles before an Arabic speaker's name.
    ("أحد", Lex::Role),
    ("إحدى", Lex::Role),
    ("عضو", Lex::Role),
    ("عضوة", Lex::Role),
    ("أعضاء", Lex::Role),
    ("رئيس", Lex::Role),
    ("رئيسة", Lex::Role),
    ("وزير", Lex::Role),
    ("وزيرة", Lex::Role),
    ("مدير", Lex::Role),
    ("مديرة", Lex::Role),
    ("متحدث", Lex::Role),
    ("متحدثة", Lex::Role),
    ("ناطق", Lex::Role),
    ("باسم", Lex::Role),
    ("نائب", Lex::Role),
    ("مستشار", Lex::Role),
    ("زعيم", Lex::Role),
    ("قائد", Lex::Role),
    ("أمين", Lex::Role),
    ("عام", Lex::Role),
    ("سفير", Lex::Role),
    ("محلل", Lex::Role),
    ("خبير", Lex::Role),
    ("مسؤول", Lex::Role),
    ("مصدر", Lex::Role),
    ("محافظ", Lex::Role),
    ("د", Lex::Role),
    // Words that end an Arabic speaker phrase.
    ("إن", Lex::SpeakerStop),
    ("أن", Lex::SpeakerStop),
    ("إنه", Lex::SpeakerStop),
    ("أنه", Lex::SpeakerStop),
    ("إنها", Lex::SpeakerStop),
    ("أنها", Lex::SpeakerStop),
    ("بأن", Lex::SpeakerStop),
    ("في", Lex::SpeakerStop),
    ("خلال", Lex::SpeakerStop),
    ("عبر", Lex::SpeakerStop),
    ("عن", Lex::SpeakerStop),
    ("أمام", Lex::SpeakerStop),
    ("إلى", Lex::SpeakerStop),
    ("لوكالة", Lex::SpeakerStop),
    ("لصحيفة", Lex::SpeakerStop),
    ("لقناة", Lex::SpeakerStop),
    ("لموقع", Lex::SpeakerStop),
    ("لشبكة", Lex::SpeakerStop),
    ("لإذاعة", Lex::SpeakerStop),
    ("لمجلة", Lex::SpeakerStop),
    ("لوسائل", Lex::SpeakerStop),
    ("أمس", Lex::SpeakerStop),
    ("اليوم", Lex::SpeakerStop),
    ("لـ", Lex::SpeakerStop),
    ("لصحافيين", Lex::SpeakerStop),
    ("لصحفيين", Lex::SpeakerStop),
    ("لذلك", Lex::SpeakerStop),
    ("لهذا", Lex::SpeakerStop),
    ("له", Lex::SpeakerStop),
    ("لها", Lex::SpeakerStop),
    ("لهم", Lex::SpeakerStop),
    ("قائلا", Lex::SpeakerStop),
    ("موضحا", Lex::SpeakerStop),
    ("مشيرا", Lex::SpeakerStop),
    ("معتبرا", Lex::SpeakerStop),
    ("مضيفا", Lex::SpeakerStop),
    ("مؤكدا", Lex::SpeakerStop),
    ("أثناء", Lex::SpeakerStop),
    ("بعد", Lex::SpeakerStop),
    ("قبل", Lex::SpeakerStop),
    ("صراحة", Lex::SpeakerStop),
    ("هذه", Lex::SpeakerStop),
    ("هذا", Lex::SpeakerStop),
    ("ذلك", Lex::SpeakerStop),
    ("حول", Lex::SpeakerStop),
    ("بشأن", Lex::SpeakerStop),
    ("من", Lex::SpeakerStop),
    ("مع", Lex::SpeakerStop),
    ("بين", Lex::SpeakerStop),
    ("عندما", Lex::SpeakerStop),
    ("حين", Lex::SpeakerStop),
    ("أيضا", Lex::SpeakerStop),
    ("كذلك", Lex::SpeakerStop),
    ("إنّ", Lex::SpeakerStop),
];

/// Quotation marks: `Double` ones pair with any double mark, guillemets with each other.
fn is_double(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‟')
}

/// The first opening candidate in `text[from..to]`, a double mark or `«`, with its place: found
/// over the bytes, decoding nothing (`"` is `22`; `“ ” „ ‟` are `E2 80 9C`–`9F`; `«` is
/// `C2 AB`).
fn next_mark(text: &str, from: usize, to: usize) -> Option<(usize, char)> {
    let bytes = text.as_bytes().get(..to)?;
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        let mark = match b {
            b'"' => Some('"'),
            0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                Some(0x9C) => Some('“'),
                Some(0x9D) => Some('”'),
                Some(0x9E) => Some('„'),
                Some(0x9F) => Some('‟'),
                _ => None,
            },
            0xC2 if bytes.get(i + 1) == Some(&0xAB) => Some('«'),
            _ => None,
        };
        if let Some(c) = mark {
            return Some((i, c));
        }
        i += 1;
    }
    None
}

/// The number of `toks` (sorted by start) that start before `at`, knowing that the first
/// `from` do: a search that gallops from `from`, so its probes stay near it.
fn starting_before(toks: Toks<'_>, from: usize, at: usize) -> usize {
    let count = toks.len().saturating_sub(from);
    let starts_before = |k: usize| toks.at(from + k).span().start < at;
    let mut bound = 1;
    while bound <= count && starts_before(bound - 1) {
        bound *= 2;
    }
    // The first bound / 2 of the tokens from `from` start before `at`; the answer is at most
    // `bound`.
    let (mut low, mut high) = (bound / 2, bound.min(count));
    while low < high {
        let mid = low + (high - low) / 2;
        if starts_before(mid) {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    from + low
}

fn is_terminator(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "؟" | "…")
}

/// Finds the quotes of `text` (see the module rules), given its folded tokens and the named
/// entities already found.
pub(crate) fn find(text: &str, toks: Toks<'_>, named: &[Entity]) -> Vec<Entity> {
    let people = People::of(named);
    let people = &people;
    let mut out: Vec<Entity> = Vec::new();
    let mut line_start = 0;
    let mut cursor = 0;
    for line in text.split_inclusive('\n') {
        let line_end = line_start + line.trim_end().len();
        // The previous quote of the paragraph: (index of the token after it, its speaker).
        let mut previous: Option<(usize, Option<Span>)> = None;
        let mut at = line_start;
        while at < line_end {
            let Some((p, c)) = next_mark(text, at, line_end) else {
                break;
            };
            let after_open = p + c.len_utf8();
            let opens = text[after_open..line_end]
                .chars()
                .next()
                .is_some_and(|n| !n.is_whitespace());
            if !opens {
                at = after_open;
                continue;
            }
            let closer = text[after_open..line_end]
                .char_indices()
                .find(|&(i, k)| {
                    let fits = if c == '«' {
                        k == '»'
                    } else {
                        is_double(k) && k != '„'
                    };
                    fits && text[..after_open + i]
                        .chars()
                        .next_back()
                        .is_some_and(|b| !b.is_whitespace())
                })
                .map(|(i, k)| after_open + i + k.len_utf8());
            let end = match closer {
                Some(e) => e,
                None if c != '"' => line_end,
                None => {
                    at = after_open;
                    continue;
                }
            };
            at = end;
            let span = Span::new(p, end);
            // Quotes come in text order: the searches start where the last one found its
            // first token, and stay near it (a search over all the tokens missed the cache).
            let first = starting_before(toks, cursor, p);
            let last = starting_before(toks, first, end);
            cursor = first;
            let words = (first..last)
                .filter(|&k| toks.kind(k) == Some(TokenKind::Word))
                .count();
            if words < 4 || (first > 0 && names_follow(&toks.at(first - 1))) {
                continue;
            }
            let speaker = after_quote(toks, last, people)
                .or_else(|| before_quote(toks, first, line_start, people))
                .or_else(|| {
                    // Only across a short attribution: `"…," he said. "…"`.
                    previous.and_then(|(after, s)| (first <= after + 4).then_some(s).flatten())
                });
            // A short quote needs a speaker or a colon before it: otherwise it is a title.
            let colon = first > 0 && matches!(toks.at(first - 1).text(), ":" | "：");
            if words < 6 && speaker.is_none() && !colon && !cued(toks, first, line_start) {
                continue;
            }
            previous = Some((last, speaker));
            out.push(Entity {
                span,
                kind: EntityKind::Quote,
                value: None,
                speaker,
            });
        }
        line_start += line.len();
    }
    out
}

/// True when a verb of speech precedes the quote starting at token `k` in its sentence.
fn cued(toks: Toks<'_>, k: usize, line_start: usize) -> bool {
    (0..k)
        .rev()
        .map(|i| toks.at(i))
        .take(40)
        .take_while(|t| t.span().start >= line_start && !is_terminator(t.text()))
        .any(|t| is(&t, Lex::SpeechVerb))
}

fn names_follow(t: &Tok<'_>) -> bool {
    t.kind == TokenKind::Word && lex_of(t, true).into_iter().any(|l| l == Lex::NameNoun)
}

/// Entries of word `t`, with Arabic clitics `و ف ب ل` stripped when `clitics`.
fn lex_of(t: &Tok<'_>, clitics: bool) -> Vec<Lex> {
    let mut out: Vec<Lex> = super::lexicon::lookup(t.key())
        .iter()
        .map(|(_, l)| *l)
        .collect();
    if clitics && out.is_empty() {
        for p in ["و", "ف", "ب", "ل"] {
            if let Some(stem) = t.key().strip_prefix(p) {
                out.extend(super::lexicon::lookup(stem).iter().map(|(_, l)| *l));
            }
        }
    }
    out
}

fn is(t: &Tok<'_>, lex: Lex) -> bool {
    t.kind == TokenKind::Word && lex_of(t, true).contains(&lex)
}

fn arabic(t: &Tok<'_>) -> bool {
    t.text()
        .chars()
        .next()
        .is_some_and(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// A capitalized English word (or `Dr.`-style abbreviation, handled by the caller).
fn capital(t: &Tok<'_>) -> bool {
    t.kind == TokenKind::Word && t.capitalized() && t.is_latin()
}

/// Words that start a sentence but not a name (`But Age Concern said`).
const NOT_NAMES: [&str; 10] = [
    "The",
    "A",
    "An",
    "But",
    "And",
    "So",
    "Yet",
    "Also",
    "However",
    "Meanwhile",
];

/// True when tokens `a` and `a + 1` continue a name: `Dr` `.` (a short title's period) or a
/// hyphen glued on both sides (`Al-Hassan`), on one line.
fn joins(toks: Toks<'_>, a: usize) -> bool {
    let (Some(w), Some(p), Some(n)) = (toks.get(a), toks.get(a + 1), toks.get(a + 2)) else {
        return false;
    };
    let glued_before = w.span().end == p.span().start;
    let glued_after = p.span().end == n.span().start;
    capital(&w)
        && capital(&n)
        && glued_before
        && !n.newline_before
        && match p.text() {
            "." => w.text().len() <= 3,
            "-" => glued_after,
            _ => false,
        }
}

/// The capitalized run ending at token `k` (inclusive), as (first, last) indices.
fn run_back(toks: Toks<'_>, k: usize) -> Option<(usize, usize)> {
    let mut a = k;
    if !capital(&toks.get(k)?) {
        return None;
    }
    while a > 0 && !toks.at(a).newline_before {
        let p = &toks.at(a - 1);
        if capital(p) && p.span().end < toks.at(a).span().start {
            a -= 1;
        } else if a >= 2 && joins(toks, a - 2) {
            a -= 2;
        } else {
            break;
        }
    }
    while a < k && NOT_NAMES.contains(&toks.at(a).text()) {
        a += 1;
    }
    (!NOT_NAMES.contains(&toks.at(a).text())).then_some((a, k))
}

/// The capitalized run starting at token `k`, or a mention (one `@name` token, or `@` + word).
fn run_forward(toks: Toks<'_>, k: usize) -> Option<(usize, usize)> {
    let t = toks.get(k)?;
    if t.kind == TokenKind::Mention {
        return Some((k, k));
    }
    if t.text() == "@" {
        let n = toks.get(k + 1)?;
        return (n.span().start == t.span().end).then_some((k, k + 1));
    }
    if !capital(&t) || NOT_NAMES.contains(&t.text()) {
        return None;
    }
    let mut b = k;
    while let Some(n) = toks.get(b + 1) {
        if n.newline_before {
            break;
        }
        if capital(&n) && toks.at(b).span().end < n.span().start {
            b += 1;
        } else if joins(toks, b) {
            b += 2;
        } else {
            break;
        }
    }
    Some((k, b))
}

fn span_of(toks: Toks<'_>, (a, b): (usize, usize)) -> Span {
    Span::new(toks.at(a).span().start, toks.at(b).span().end)
}

/// The people the named tagger found, sorted by start: spans that do not overlap, so their
/// ends are sorted too and both lookups below are binary searches (a long text has thousands
/// of quotes and people; a scan per quote would be quadratic).
struct People(Vec<Span>);

impl People {
    fn of(named: &[Entity]) -> People {
        let mut spans: Vec<Span> = named
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .map(|e| e.span)
            .collect();
        spans.sort_by_key(|s| (s.start, s.end));
        let mut kept: Vec<Span> = Vec::with_capacity(spans.len());
        for s in spans {
            if kept.last().is_none_or(|k| k.end <= s.start) {
                kept.push(s);
            }
        }
        People(kept)
    }
}

/// A named person overlapping `span`, if the tagger found one (the first such).
fn person_in(people: &People, span: Span) -> Option<Span> {
    let i = people.0.partition_point(|p| p.end <= span.start);
    people.0.get(i).filter(|p| p.start < span.end).copied()
}

/// A pronoun speaker: the last named person ending by `before`, or the pronoun.
fn resolve_pronoun(toks: Toks<'_>, k: usize, people: &People, before: usize) -> Span {
    let i = people.0.partition_point(|p| p.end <= before);
    i.checked_sub(1)
        .and_then(|i| people.0.get(i))
        .copied()
        .unwrap_or(toks.at(k).span())
}

fn english_speaker(toks: Toks<'_>, run: (usize, usize), people: &People) -> Span {
    let span = span_of(toks, run);
    person_in(people, span).unwrap_or(span)
}

/// The speaker named right after a quote whose next token is `k`.
fn after_quote(toks: Toks<'_>, k: usize, people: &People) -> Option<Span> {
    let mut k = k;
    while toks.get(k).is_some_and(|t| matches!(t.text(), "," | "،")) {
        k += 1;
    }
    let t = toks.get(k)?;
    let quote_start = toks.get(k.checked_sub(1)?)?.span().start;
    if is(&t, Lex::SpeechVerb) {
        if arabic(&t) {
            return arabic_speaker(toks, k + 1, people);
        }
        // said Chen, wrote @fan, said he.
        if let Some(run) = run_forward(toks, k + 1) {
            return Some(english_speaker(toks, run, people));
        }
        if toks.get(k + 1).is_some_and(|n| is(&n, Lex::Pronoun)) {
            return Some(resolve_pronoun(toks, k + 1, people, quote_start));
        }
        return None;
    }
    // he said, Chen said.
    if is(&t, Lex::Pronoun) && toks.get(k + 1).is_some_and(|n| is(&n, Lex::SpeechVerb)) {
        return Some(resolve_pronoun(toks, k, people, quote_start));
    }
    let run = run_forward(toks, k)?;
    if toks.get(run.1 + 1).is_some_and(|n| is(&n, Lex::SpeechVerb)) {
        return Some(english_speaker(toks, run, people));
    }
    None
}

/// The speaker named before a quote whose first token is `k`, in the same sentence.
fn before_quote(toks: Toks<'_>, k: usize, line_start: usize, people: &People) -> Option<Span> {
    let mut c = k;
    let mut steps = 0;
    while c > 0 && steps < 40 {
        c -= 1;
        steps += 1;
        let t = &toks.at(c);
        if t.span().start < line_start || is_terminator(t.text()) {
            return None;
        }
        if !is(t, Lex::SpeechVerb) {
            continue;
        }
        if arabic(t) {
            return arabic_speaker(toks, c + 1, people);
        }
        if c > 0 && is(&toks.at(c - 1), Lex::Pronoun) {
            return Some(resolve_pronoun(toks, c - 1, people, t.span().start));
        }
        if let Some(run) = c.checked_sub(1).and_then(|p| run_back(toks, p)) {
            return Some(english_speaker(toks, run, people));
        }
        return run_forward(toks, c + 1).map(|run| english_speaker(toks, run, people));
    }
    None
}

/// The Arabic speaker in the words from `k` (after the verb of speech).
fn arabic_speaker(toks: Toks<'_>, k: usize, people: &People) -> Option<Span> {
    let mut end = k;
    while let Some(t) = toks.get(end) {
        let stop = t.kind != TokenKind::Word
            || is(&t, Lex::SpeakerStop)
            || t.text().starts_with("لل")
            || end - k >= 6;
        if stop {
            break;
        }
        end += 1;
    }
    if end == k {
        return None;
    }
    let window = Span::new(toks.at(k).span().start, toks.at(end - 1).span().end);
    if let Some(p) = person_in(people, window) {
        return Some(p);
    }
    // Leading roles and definite words, then the name, up to the next role (`جيري رايس
    // المتحدث باسم` → `جيري رايس`), at most three words.
    let mut a = k;
    while a < end && (role(&toks.at(a)) || toks.at(a).text().starts_with("ال")) {
        a += 1;
    }
    if a == end {
        return Some(window);
    }
    let mut b = a + 1;
    while b < end && b < a + 3 && !role(&toks.at(b)) {
        b += 1;
    }
    Some(Span::new(
        toks.at(a).span().start,
        toks.at(b - 1).span().end,
    ))
}

/// A role word, bare or definite (`رئيس`, `الرئيس`, `المتحدث`).
fn role(t: &Tok<'_>) -> bool {
    is(t, Lex::Role)
        || t.key().strip_prefix("ال").is_some_and(|stem| {
            super::lexicon::lookup(stem)
                .iter()
                .any(|(_, l)| *l == Lex::Role)
        })
}

#[cfg(test)]
mod tests {
    use super::super::{fold_keys, Shared};
    use super::*;
    use crate::token::tokenize;

    /// `f` of the pattern tokens of `text`, as the pattern stage makes them.
    fn with_toks<R>(text: &str, f: impl FnOnce(Toks<'_>) -> R) -> R {
        let tokens = tokenize(text);
        let texts = crate::intern::Surfaces::new(text, &tokens);
        let keys = fold_keys(&texts.texts);
        let shared = Shared::new(text, &tokens, &texts.ids, &keys);
        f(Toks { shared: &shared })
    }

    fn quotes(text: &str) -> Vec<(&str, Option<&str>)> {
        with_toks(text, |toks| find(text, toks, &[]))
            .into_iter()
            .map(|e| (e.span.text(text), e.speaker.map(|s| s.text(text))))
            .collect()
    }

    #[test]
    fn marks_found_over_bytes_are_those_found_over_chars() {
        let text = "a\"b “c” „d‟ «e» ‹f› ‘g’ ″h″ ٪ — €\u{2019}\u{201A}\u{00BB}\u{00AA}x\"";
        for from in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            for to in (from..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let by_chars = text[from..to]
                    .char_indices()
                    .find(|&(_, c)| is_double(c) || c == '«')
                    .map(|(i, c)| (from + i, c));
                assert_eq!(next_mark(text, from, to), by_chars, "{from}..{to}");
            }
        }
    }

    #[test]
    fn galloping_search_equals_a_search_of_all_tokens() {
        let text = "one “two three” four, five «six» seven\n\"eight\" nine ten eleven twelve.";
        with_toks(text, |toks| {
            for at in 0..=text.len() + 1 {
                let all = (0..toks.len())
                    .filter(|&k| toks.at(k).span().start < at)
                    .count();
                for from in 0..=all {
                    assert_eq!(starting_before(toks, from, at), all, "from {from} at {at}");
                }
            }
        });
    }

    #[test]
    fn english_speakers_before_and_after() {
        assert_eq!(
            quotes(
                "Mayor Laura Chen said the vote was \"a promise kept to every commuter.\" The new"
            ),
            [(
                "\"a promise kept to every commuter.\"",
                Some("Mayor Laura Chen")
            )]
        );
        assert_eq!(
            quotes("\"We've seen this before,\" he said. \"Every year of delay adds roughly $40 million.\""),
            [
                ("\"We've seen this before,\"", Some("he")),
                ("\"Every year of delay adds roughly $40 million.\"", Some("he"))
            ]
        );
        assert_eq!(
            quotes("“Third time's the charm,” wrote @space_fan_42, while"),
            [("“Third time's the charm,”", Some("@space_fan_42"))]
        );
        assert_eq!(
            quotes("“It is over now,” said Dr. James O'Neill."),
            [("“It is over now,”", Some("Dr. James O'Neill"))]
        );
    }

    #[test]
    fn arabic_speakers_and_unclosed_quotes() {
        assert_eq!(
            quotes("وقال أحد أعضاء التحالف علي بنجواني، وهو محلل: “توقفوا عن التربح من العنف.\n\nوقبل أيام"),
            [("“توقفوا عن التربح من العنف.", Some("علي بنجواني"))]
        );
        assert_eq!(
            quotes("وقال المحلل المالي سامي الحسن لوكالة رويترز إن \"المستثمرين يراهنون على خفض أسعار الفائدة\"."),
            [("\"المستثمرين يراهنون على خفض أسعار الفائدة\"", Some("سامي الحسن"))]
        );
        assert_eq!(
            quotes("قال: «هذا يوم تاريخي للبلاد»"),
            [("«هذا يوم تاريخي للبلاد»", None)]
        );
    }

    #[test]
    fn arabic_speakers_stop_at_roles_and_adverbs() {
        assert_eq!(
            quotes("وقال جيري رايس المتحدث باسم الصندوق إن «الصندوق يقف على أهبة الاستعداد دائما»"),
            [("«الصندوق يقف على أهبة الاستعداد دائما»", Some("جيري رايس"))]
        );
        assert_eq!(
            quotes("وأضاف قائلاً: «لا أعرف ماذا يفعلان في هذه الأيام»"),
            [("«لا أعرف ماذا يفعلان في هذه الأيام»", None)]
        );
    }

    #[test]
    fn short_titles_without_a_speaker_are_not_quotes() {
        assert!(quotes("وأعلن عن «ائتلاف عدن للإغاثة الشعبية» أمس").len() <= 1);
        assert!(quotes("شارك في «استابليشد من دوت كوم الجديد» أمس").is_empty());
    }

    #[test]
    fn names_and_scare_quotes_are_not_quotes() {
        assert!(quotes("لشركة “أمازون”، و”أمازون”").is_empty());
        assert!(quotes("في تحالف “لا تكنولوجيا للفصل العنصري الإسرائيلي”، اقتحامه").is_empty());
        assert!(quotes("the campaign \"No Tech For Apartheid\" said").is_empty());
        assert!(quotes("a 5\" screen and 6\" bezel").is_empty());
    }

    #[test]
    fn named_people_win_over_the_heuristics() {
        let text = "Mayor Laura Chen said the vote was \"a promise kept to every commuter.\"";
        let person = Entity::new(Span::new(6, 16), EntityKind::Person);
        let q = with_toks(text, |toks| find(text, toks, &[person]));
        assert_eq!(q[0].speaker.map(|s| s.text(text)), Some("Laura Chen"));
    }
}
