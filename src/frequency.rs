//! Word frequency: how often each word occurs, grouped by key, with its forms, its places in
//! the text (for a dispersion plot) and the collocations (n-grams) it forms.
//!
//! Rules:
//! 1. Only [`TokenKind::Word`] tokens count. Numbers, punctuation, symbols — and the URL, e-mail,
//!    mention, hashtag and emoji kinds the tokenizer may add — are not words of the prose: a
//!    `#hashtag` or `@mention` is a label, shown by the entity and token views, not a word a
//!    writer repeated. The total they are divided by ("words") is the same word-token count the
//!    statistics show.
//! 2. Words are grouped by their key at the chosen [`FoldLevel`] (`folded` by default), made by
//!    [`crate::normalize::key`] in the word's language. Each group keeps the surface forms seen
//!    and their counts; the most frequent form (ties: the first in code-point order) is the one
//!    shown.
//! 3. Stopwords are judged on the **folded** key at every level, so `The` is a stopword at
//!    `exact` too and Arabic hamza/alef variants match the list ([`crate::lexicon`]). A group is
//!    a stopword when any of its forms is.
//! 4. Order is deterministic: count descending, then key ascending (code points).
//! 5. `perThousand` = count × 1000 / words. `positions` are the starts of every occurrence.
//! 6. N-grams (2 and 3 words) are runs of adjacent word tokens inside one sentence, with no other
//!    token between them (punctuation, numbers and symbols break a run); they neither start nor
//!    end with a stopword (a stopword inside, as in "Bank of England", is fine). They are ranked
//!    by Dunning's log-likelihood ratio G² (Dunning 1993, "Accurate methods for the statistics of
//!    surprise and coincidence"), not by raw counts, and need a count of at least 2. A trigram's
//!    score is the smaller of G²(w1 | w2w3) and G²(w1w2 | w3): both splits must be associated.
//!
//! Cost: one pass over the tokens with one array look-up per word, by the id of its text
//! ([`crate::intern::Surfaces`], one hash look-up per token made once for all stages);
//! [`crate::normalize::key`] runs once per *distinct* surface form, so a repeated word
//! allocates nothing. Adjacent pairs and triples of folded keys are counted once, on first use,
//! and shared by the n-grams and the keywords.

use crate::intern::Surfaces;
use crate::lang::Language;
use crate::lexicon::stopwords;
use crate::normalize::{key_cow, FoldLevel};
use crate::sentence::Sentence;
use crate::token::{Script, Token, TokenKind};
use crate::utf16::Utf16Offsets;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::cell::OnceCell;

/// The language of each part of a text, as runs starting at byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageRuns {
    runs: Vec<(usize, Language)>,
}

impl LanguageRuns {
    /// One language for the whole text.
    pub fn uniform(language: Language) -> LanguageRuns {
        LanguageRuns {
            runs: vec![(0, language)],
        }
    }

    /// Runs given as `(start byte, language)`, e.g. one per paragraph; sorted here. Bytes before
    /// the first run take the first run's language.
    pub fn new(mut runs: Vec<(usize, Language)>) -> LanguageRuns {
        // Insertion sort: runs are few and usually in order already (and a generic sort would
        // add its code to the wasm once more).
        for i in 1..runs.len() {
            let mut j = i;
            while j > 0 && runs[j - 1].0 > runs[j].0 {
                runs.swap(j - 1, j);
                j -= 1;
            }
        }
        if runs.is_empty() {
            runs.push((0, Language::Unknown));
        }
        LanguageRuns { runs }
    }

    /// One run per block of text between blank lines, each in the language of most of its
    /// letters (Arabic or, for Latin letters, English — the rule of [`crate::lang::detect`],
    /// read from the tokens' scripts so the text is not scanned again): for callers without
    /// paragraphs; [`crate::analyze()`] uses the paragraph stage's languages.
    ///
    /// ```
    /// use article_analyzer::frequency::LanguageRuns;
    /// use article_analyzer::lang::Language;
    /// use article_analyzer::token::tokenize;
    /// let text = "قال الرئيس\n\nThe president said";
    /// let runs = LanguageRuns::by_blocks(text, &tokenize(text));
    /// assert_eq!(runs, LanguageRuns::new(vec![(0, Language::Arabic), (21, Language::English)]));
    /// ```
    pub fn by_blocks(text: &str, tokens: &[Token]) -> LanguageRuns {
        fn push(runs: &mut Vec<(usize, Language)>, start: usize, arabic: usize, latin: usize) {
            let language = if arabic == 0 && latin == 0 {
                Language::Unknown
            } else if arabic >= latin {
                Language::Arabic
            } else {
                Language::English
            };
            if runs.last().map(|r| r.1) != Some(language) {
                runs.push((start, language));
            }
        }
        let mut runs: Vec<(usize, Language)> = Vec::new();
        let (mut arabic, mut latin, mut start) = (0usize, 0usize, 0usize);
        for (i, t) in tokens.iter().enumerate() {
            if let Some(prev) = i.checked_sub(1).and_then(|p| tokens.get(p)) {
                let gap = text.get(prev.span.end..t.span.start).unwrap_or("");
                if gap.bytes().filter(|&b| b == b'\n').count() >= 2 {
                    push(&mut runs, start, arabic, latin);
                    (arabic, latin, start) = (0, 0, t.span.start);
                }
            }
            match t.script {
                Script::Arabic => arabic += t.span.text(text).chars().count(),
                Script::Latin => latin += t.span.len(),
                _ => {}
            }
        }
        push(&mut runs, start, arabic, latin);
        if let Some(first) = runs.first_mut() {
            first.0 = 0;
        }
        LanguageRuns::new(runs)
    }

    /// The language of a word in `script` inside a run of `run` language: a word's own script
    /// wins where it tells (Arabic letters are Arabic; Latin letters inside an Arabic run are
    /// taken as English, the Latin-script language the analyzer knows), else the run's.
    pub fn word_language(script: Script, run: Language) -> Language {
        match (script, run) {
            (Script::Arabic, _) => Language::Arabic,
            (Script::Latin, Language::Arabic | Language::Unknown) => Language::English,
            _ => run,
        }
    }

    /// The language at byte `at`, moving `cursor` forward (calls must come in text order).
    fn at(&self, at: usize, cursor: &mut usize) -> Language {
        while *cursor + 1 < self.runs.len() && self.runs[*cursor + 1].0 <= at {
            *cursor += 1;
        }
        self.runs.get(*cursor).map_or(Language::Unknown, |r| r.1)
    }
}

/// One word token of the text, with its keys: 8 bytes (a long text has a word per six bytes of
/// English). Its folded key and language come from its surface ([`WordTable::folded_of`],
/// [`WordTable::language_of`]); its sentence from the table ([`WordTable::sentence_of`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordRef {
    /// Index of the token in the token list.
    pub token: u32,
    /// Id of its surface form (see [`WordTable::surface`]), which gives its folded key, its key
    /// at the chosen level and its language.
    pub surface: u32,
}

/// A distinct surface form (the word as written) with its keys and count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Surface<'t> {
    /// As written.
    pub text: &'t str,
    /// The language it was keyed in.
    pub language: Language,
    /// Folded key id.
    pub folded: u32,
    /// Key id at the chosen level.
    pub key: u32,
    /// Occurrences.
    pub count: u32,
}

/// The words of a text with their keys: the shared input of frequency, keywords, summary and
/// statistics. Built once per analysis.
#[derive(Debug, Clone)]
pub struct WordTable<'t> {
    /// The analyzed text.
    pub text: &'t str,
    /// Its tokens.
    pub tokens: &'t [Token],
    /// Word tokens in order.
    pub words: Vec<WordRef>,
    /// Per sentence, the index in `words` of its first word (of the next sentence's for a
    /// sentence without words), then `words.len()`.
    sentence_words: Vec<u32>,
    /// One bit per word: set when the word is in another sentence than the word before.
    sentence_starts: Vec<u64>,
    surfaces: Vec<Surface<'t>>,
    /// Per text id (see [`Surfaces`]): its first surface, `u32::MAX` for a text that is no word.
    by_text: Vec<u32>,
    folded_keys: Interner,
    folded_counts: Vec<u32>,
    folded_stop: Vec<bool>,
    /// Keys at the chosen level; empty when the level is `Folded` (then keys = folded keys).
    level_keys: Interner,
    level_counts: Vec<u32>,
    level_stop: Vec<bool>,
    level: FoldLevel,
    /// Adjacent pairs and triples of folded keys, counted on first use ([`Grams`]).
    grams: OnceCell<Grams>,
}

impl<'t> WordTable<'t> {
    /// Keys every word token of `text` at `level` (and at `Folded`), in the language `languages`
    /// gives at its position (corrected by the word's script, see
    /// [`LanguageRuns::word_language`]).
    ///
    /// ```
    /// use article_analyzer::frequency::{LanguageRuns, WordTable};
    /// use article_analyzer::lang::Language;
    /// use article_analyzer::normalize::FoldLevel;
    /// use article_analyzer::{sentence::sentences, token::tokenize};
    /// let text = "The cat saw the dog.";
    /// let tokens = tokenize(text);
    /// let s = sentences(text, &tokens);
    /// let t = WordTable::new(text, &tokens, &s, FoldLevel::Folded, &LanguageRuns::uniform(Language::English));
    /// assert_eq!(t.words.len(), 5);
    /// assert_eq!(t.key(t.key_of(&t.words[0])), "the");
    /// assert_eq!(t.key_count(t.key_of(&t.words[0])), 2);
    /// assert!(t.is_stop(t.folded_of(&t.words[0])));
    /// ```
    pub fn new(
        text: &'t str,
        tokens: &'t [Token],
        sentences: &[Sentence],
        level: FoldLevel,
        languages: &LanguageRuns,
    ) -> WordTable<'t> {
        let texts = Surfaces::new(text, tokens);
        WordTable::with_surfaces(text, tokens, sentences, level, languages, &texts)
    }

    /// Like [`WordTable::new`], with the text ids of the tokens already made (`texts`, over the
    /// same `tokens`), so no word is looked up by its text again.
    pub fn with_surfaces(
        text: &'t str,
        tokens: &'t [Token],
        sentences: &[Sentence],
        level: FoldLevel,
        languages: &LanguageRuns,
        texts: &Surfaces<'t>,
    ) -> WordTable<'t> {
        let mut table = WordTable {
            text,
            tokens,
            // One entry per word token, counted first: reserving one per token left an eighth of
            // the largest table of a long text unused.
            words: Vec::with_capacity(tokens.iter().filter(|t| t.kind == TokenKind::Word).count()),
            sentence_words: Vec::with_capacity(sentences.len() + 1),
            sentence_starts: Vec::new(),
            surfaces: Vec::new(),
            by_text: vec![u32::MAX; texts.texts.len()],
            // The distinct texts bound the keys (a text that is no word has none; a key is
            // often shared by several texts, by case or proclitics): room for half of them.
            folded_keys: Interner::with_capacity(texts.texts.len() / 2),
            folded_counts: Vec::new(),
            folded_stop: Vec::new(),
            level_keys: Interner::default(),
            level_counts: Vec::new(),
            level_stop: Vec::new(),
            level,
            grams: OnceCell::new(),
        };
        // A text written in two languages (an English word in a French and an English
        // paragraph) is two surfaces: the first one is in `by_text`, later ones here.
        let mut other_languages: FxHashMap<(u32, Language), u32> = FxHashMap::default();
        let mut cursor = 0;
        let mut sentence = 0;
        for (i, t) in tokens.iter().enumerate() {
            while sentence + 1 < sentences.len() && sentences[sentence].end_token <= i {
                sentence += 1;
            }
            if t.kind != TokenKind::Word {
                continue;
            }
            let text_id = texts.ids.get(i).copied().unwrap_or(u32::MAX);
            let surface_text = texts
                .texts
                .get(text_id as usize)
                .copied()
                .unwrap_or_else(|| t.span.text(text));
            let language =
                LanguageRuns::word_language(t.script, languages.at(t.span.start, &mut cursor));
            let first = table.by_text.get(text_id as usize).copied();
            let known = match first {
                Some(sid) if sid != u32::MAX => {
                    if table.surfaces[sid as usize].language == language {
                        Some(sid)
                    } else {
                        other_languages.get(&(text_id, language)).copied()
                    }
                }
                _ => None,
            };
            let sid = match known {
                Some(sid) => sid,
                None => {
                    let sid = table.surfaces.len() as u32;
                    let s = table.new_surface(surface_text, language);
                    table.surfaces.push(s);
                    match table.by_text.get_mut(text_id as usize) {
                        Some(slot) if *slot == u32::MAX => *slot = sid,
                        _ => {
                            other_languages.insert((text_id, language), sid);
                        }
                    }
                    sid
                }
            };
            let s = &mut table.surfaces[sid as usize];
            s.count += 1;
            let (folded, key) = (s.folded, s.key);
            table.folded_counts[folded as usize] += 1;
            if level != FoldLevel::Folded {
                table.level_counts[key as usize] += 1;
            }
            let w = table.words.len();
            if w % 64 == 0 {
                table.sentence_starts.push(0);
            }
            // Sentences only go forward: a sentence not met yet starts here (and so do the
            // sentences without words before it).
            if table.sentence_words.len() <= sentence {
                if let Some(bits) = table.sentence_starts.last_mut() {
                    *bits |= 1 << (w % 64);
                }
                let first = u32::try_from(w).unwrap_or(u32::MAX);
                table.sentence_words.resize(sentence + 1, first);
            }
            table.words.push(WordRef {
                token: u32::try_from(i).unwrap_or(u32::MAX),
                surface: sid,
            });
        }
        // Every sentence has its first word (the sentences after the last word: none), then the
        // end; a text without sentences has its words in sentence 0.
        let end = u32::try_from(table.words.len()).unwrap_or(u32::MAX);
        let slots = sentences.len().max(usize::from(!table.words.is_empty()));
        if table.sentence_words.len() <= slots {
            table.sentence_words.resize(slots + 1, end);
        }
        table
    }

    /// The surface of the text with id `text_id` (see [`Surfaces`]) in the first language it
    /// was met in; `None` for a text that is no word.
    pub fn surface_of_text(&self, text_id: u32) -> Option<&Surface<'t>> {
        let sid = *self.by_text.get(text_id as usize)?;
        self.surfaces.get(sid as usize)
    }

    fn new_surface(&mut self, surface: &'t str, language: Language) -> Surface<'t> {
        // Borrowed when the word is its own key: no allocation for most English words.
        let folded_key = key_cow(surface, FoldLevel::Folded, language);
        let (folded, new) = self.folded_keys.intern(&folded_key);
        if new {
            self.folded_stop
                .push(stopwords(language).contains(&folded_key));
            self.folded_counts.push(0);
        }
        let key_id = if self.level == FoldLevel::Folded {
            folded
        } else {
            let (id, new) = self
                .level_keys
                .intern(&key_cow(surface, self.level, language));
            if new {
                self.level_counts.push(0);
                self.level_stop.push(false);
            }
            if self.folded_stop[folded as usize] {
                self.level_stop[id as usize] = true;
            }
            id
        };
        Surface {
            text: surface,
            language,
            folded,
            key: key_id,
            count: 0,
        }
    }

    /// The level keys are made at.
    pub fn level(&self) -> FoldLevel {
        self.level
    }

    /// Distinct surface forms, in order of first occurrence.
    pub fn surfaces(&self) -> &[Surface<'t>] {
        &self.surfaces
    }

    /// The surface form with id `id`.
    pub fn surface(&self, id: u32) -> Option<&Surface<'t>> {
        self.surfaces.get(id as usize)
    }

    /// Number of distinct folded keys.
    pub fn folded_len(&self) -> usize {
        self.folded_keys.len()
    }

    /// The folded key with id `id` ("" for an unknown id).
    pub fn folded_key(&self, id: u32) -> &str {
        self.folded_keys.get(id)
    }

    /// Occurrences of the folded key `id`.
    pub fn folded_count(&self, id: u32) -> u32 {
        self.folded_counts.get(id as usize).copied().unwrap_or(0)
    }

    /// True when the folded key `id` is a stopword of its language.
    pub fn is_stop(&self, folded: u32) -> bool {
        self.folded_stop
            .get(folded as usize)
            .copied()
            .unwrap_or(false)
    }

    /// Number of distinct keys at the chosen level.
    pub fn key_len(&self) -> usize {
        if self.level == FoldLevel::Folded {
            self.folded_keys.len()
        } else {
            self.level_keys.len()
        }
    }

    /// The key (at the chosen level) with id `id`.
    pub fn key(&self, id: u32) -> &str {
        if self.level == FoldLevel::Folded {
            self.folded_key(id)
        } else {
            self.level_keys.get(id)
        }
    }

    /// Occurrences of the key (at the chosen level) `id`.
    pub fn key_count(&self, id: u32) -> u32 {
        if self.level == FoldLevel::Folded {
            self.folded_count(id)
        } else {
            self.level_counts.get(id as usize).copied().unwrap_or(0)
        }
    }

    /// True when the key (at the chosen level) `id` has a stopword among its forms.
    pub fn key_is_stop(&self, id: u32) -> bool {
        if self.level == FoldLevel::Folded {
            self.is_stop(id)
        } else {
            self.level_stop.get(id as usize).copied().unwrap_or(false)
        }
    }

    /// Byte start of word `w` (an index into [`WordTable::words`]).
    pub fn start(&self, w: usize) -> usize {
        self.words
            .get(w)
            .and_then(|r| self.tokens.get(r.token as usize))
            .map_or(0, |t| t.span.start)
    }

    /// The folded key id of `word`.
    #[inline]
    pub fn folded_of(&self, word: &WordRef) -> u32 {
        self.surfaces
            .get(word.surface as usize)
            .map_or(u32::MAX, |s| s.folded)
    }

    /// The key id at the chosen level of `word` (its folded key id at `Folded`).
    pub fn key_of(&self, word: &WordRef) -> u32 {
        self.surfaces
            .get(word.surface as usize)
            .map_or(u32::MAX, |s| s.key)
    }

    /// The index of the sentence holding word `w` (an index into [`WordTable::words`]).
    pub fn sentence_of(&self, w: usize) -> usize {
        self.sentence_words
            .partition_point(|&first| first as usize <= w)
            .saturating_sub(1)
    }

    /// The words of sentence `s`, as a range of indices into [`WordTable::words`] (empty past
    /// the last sentence).
    pub fn sentence_words(&self, s: usize) -> std::ops::Range<usize> {
        match (self.sentence_words.get(s), self.sentence_words.get(s + 1)) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => 0..0,
        }
    }

    /// The number of words in the sentences before sentence `s`.
    pub fn words_before_sentence(&self, s: usize) -> usize {
        self.sentence_words
            .get(s)
            .map_or(self.words.len(), |&w| w as usize)
    }

    /// The sentence index of each word, in the order of [`WordTable::words`].
    pub fn word_sentences(&self) -> impl Iterator<Item = u32> + '_ {
        self.sentence_words
            .windows(2)
            .zip(0u32..)
            .flat_map(|(w, s)| std::iter::repeat_n(s, w[1].saturating_sub(w[0]) as usize))
    }

    /// The language `word` was keyed in.
    pub fn language_of(&self, word: &WordRef) -> Language {
        self.surfaces
            .get(word.surface as usize)
            .map_or(Language::Unknown, |s| s.language)
    }

    /// The language most words are in (ties: the first in enum order).
    pub fn main_language(&self) -> Language {
        // Per surface, weighted by its count: the same tally as word by word.
        let mut counts: Vec<(Language, usize)> = Vec::new();
        for s in &self.surfaces {
            match counts.iter_mut().find(|c| c.0 == s.language) {
                Some(c) => c.1 += s.count as usize,
                None => counts.push((s.language, s.count as usize)),
            }
        }
        let mut best: Option<(Language, usize)> = None;
        for c in counts {
            if best.is_none_or(|b| c.1 > b.1 || (c.1 == b.1 && c.0 < b.0)) {
                best = Some(c);
            }
        }
        best.map_or(Language::Unknown, |c| c.0)
    }

    /// True when words `w` and `w + 1` are adjacent: same sentence and no token between.
    pub fn adjacent(&self, w: usize) -> bool {
        match (self.words.get(w), self.words.get(w + 1)) {
            (Some(a), Some(b)) => b.token == a.token + 1 && !self.starts_sentence(w + 1),
            _ => false,
        }
    }

    /// True when word `w` is in another sentence than the word before it (or is the first).
    fn starts_sentence(&self, w: usize) -> bool {
        self.sentence_starts
            .get(w / 64)
            .is_some_and(|bits| bits & (1 << (w % 64)) != 0)
    }
}

/// Distinct strings stored once in one buffer, each with a dense id: one allocation per
/// text instead of one per key.
#[derive(Debug, Clone, Default)]
struct Interner {
    buffer: String,
    spans: Vec<(u32, u32)>,
    /// Hash → the latest id with that hash; `chain` links to earlier ids with the same hash.
    heads: FxHashMap<u64, u32>,
    chain: Vec<u32>,
}

impl Interner {
    fn hash(s: &str) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        s.hash(&mut h);
        h.finish()
    }

    /// Room for about `keys` strings: a table sized once is not rebuilt as it grows, and
    /// never holds its old and new buckets at once.
    fn with_capacity(keys: usize) -> Interner {
        Interner {
            buffer: String::new(),
            spans: Vec::with_capacity(keys),
            heads: FxHashMap::with_capacity_and_hasher(keys, Default::default()),
            chain: Vec::with_capacity(keys),
        }
    }

    /// The id of `s`, and whether it was new (one probe of the table either way).
    fn intern(&mut self, s: &str) -> (u32, bool) {
        let h = Self::hash(s);
        let id = self.spans.len() as u32;
        let Interner {
            buffer,
            spans,
            heads,
            chain,
        } = self;
        let earlier = match heads.entry(h) {
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(id);
                u32::MAX
            }
            std::collections::hash_map::Entry::Occupied(mut slot) => {
                let mut at = Some(*slot.get());
                while let Some(known) = at {
                    let text = spans
                        .get(known as usize)
                        .and_then(|&(a, b)| buffer.get(a as usize..b as usize));
                    if text == Some(s) {
                        return (known, false);
                    }
                    at = chain
                        .get(known as usize)
                        .copied()
                        .filter(|&n| n != u32::MAX);
                }
                std::mem::replace(slot.get_mut(), id)
            }
        };
        let start = buffer.len() as u32;
        buffer.push_str(s);
        spans.push((start, buffer.len() as u32));
        chain.push(earlier);
        (id, true)
    }

    fn get(&self, id: u32) -> &str {
        self.spans
            .get(id as usize)
            .and_then(|&(a, b)| self.buffer.get(a as usize..b as usize))
            .unwrap_or("")
    }

    fn len(&self) -> usize {
        self.spans.len()
    }
}

/// What the frequency list holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrequencyOptions {
    /// How many entries to keep.
    pub top: usize,
    /// Leave stopwords out of the list.
    pub remove_stopwords: bool,
}

/// A surface form of a key, and how often it was written so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Form {
    /// As written.
    pub text: String,
    /// Occurrences.
    pub count: usize,
}

/// One entry of the frequency list.
#[derive(Debug, Clone, PartialEq)]
pub struct Frequency {
    /// The key the words are grouped by.
    pub key: String,
    /// The most frequent surface form.
    pub text: String,
    /// Occurrences.
    pub count: usize,
    /// Occurrences per 1,000 words: count × 1000 / words.
    pub per_thousand: f64,
    /// Surface forms, most frequent first (ties: code-point order).
    pub forms: Vec<Form>,
    /// Byte start of every occurrence, in order (for a dispersion plot).
    pub positions: Vec<usize>,
}

/// A frequency entry as the report shows it: positions in UTF-16 code units.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FrequencyReport {
    /// The key the words are grouped by.
    pub key: String,
    /// The most frequent surface form.
    pub text: String,
    /// Occurrences.
    pub count: usize,
    /// Occurrences per 1,000 words.
    pub per_thousand: f64,
    /// Surface forms, most frequent first.
    pub forms: Vec<Form>,
    /// UTF-16 start of every occurrence.
    pub positions: Vec<usize>,
}

impl Frequency {
    /// This entry with positions converted to UTF-16 code units.
    pub fn to_report(&self, utf16: &Utf16Offsets) -> FrequencyReport {
        FrequencyReport {
            key: self.key.clone(),
            text: self.text.clone(),
            count: self.count,
            per_thousand: round3(self.per_thousand),
            forms: self.forms.clone(),
            positions: self.positions.iter().map(|&p| utf16.convert(p)).collect(),
        }
    }
}

/// Sorts indices with a comparator. Every sort of this crate goes through here, so the wasm holds
/// one copy of the sort code instead of one per call site (they cost ≈ 50 KB before).
pub(crate) fn sort_indices(v: &mut [u32], cmp: &dyn Fn(u32, u32) -> std::cmp::Ordering) {
    v.sort_unstable_by(|a, b| cmp(*a, *b));
}

/// Rounds to 3 decimals, so reports stay short and diffable.
pub(crate) fn round3(x: f64) -> f64 {
    if x.is_finite() {
        (x * 1000.0).round() / 1000.0
    } else {
        0.0
    }
}

/// The frequency list of `table`: the `top` most frequent keys (count desc, key asc), without
/// stopwords when asked.
///
/// ```
/// use article_analyzer::frequency::{frequencies, FrequencyOptions, LanguageRuns, WordTable};
/// use article_analyzer::lang::Language;
/// use article_analyzer::normalize::FoldLevel;
/// use article_analyzer::{sentence::sentences, token::tokenize};
/// let text = "Rain. The rain fell, and RAIN fell again.";
/// let tokens = tokenize(text);
/// let s = sentences(text, &tokens);
/// let t = WordTable::new(text, &tokens, &s, FoldLevel::Folded, &LanguageRuns::uniform(Language::English));
/// let f = frequencies(&t, FrequencyOptions { top: 2, remove_stopwords: true });
/// assert_eq!((f[0].key.as_str(), f[0].text.as_str(), f[0].count), ("rain", "RAIN", 3));
/// assert_eq!(f[0].forms.len(), 3);
/// assert_eq!(f[0].positions, [0, 10, 25]);
/// assert_eq!((f[1].key.as_str(), f[1].count), ("fell", 2));
/// assert_eq!(f[1].per_thousand, 2.0 * 1000.0 / 8.0);
/// ```
pub fn frequencies(table: &WordTable<'_>, options: FrequencyOptions) -> Vec<Frequency> {
    let mut ids: Vec<u32> = (0..table.key_len() as u32)
        .filter(|&k| !(options.remove_stopwords && table.key_is_stop(k)))
        .collect();
    // Keep only keys as frequent as the `top`-th one before the (string-comparing) sort: most
    // keys occur once and never reach the list.
    if options.top == 0 {
        return Vec::new();
    }
    if ids.len() > options.top {
        let mut counts: Vec<u32> = ids.iter().map(|&k| table.key_count(k)).collect();
        counts.sort_unstable();
        let threshold = counts[counts.len() - options.top];
        ids.retain(|&k| table.key_count(k) >= threshold);
    }
    sort_indices(&mut ids, &|a, b| {
        table
            .key_count(b)
            .cmp(&table.key_count(a))
            .then_with(|| table.key(a).cmp(table.key(b)))
    });
    ids.truncate(options.top);
    // Rank of each kept key, to gather forms and positions in one pass each.
    let mut rank: Vec<u32> = vec![u32::MAX; table.key_len()];
    for (r, &k) in ids.iter().enumerate() {
        rank[k as usize] = r as u32;
    }
    // Surface ids of each kept key, most frequent first (ties: code-point order).
    let mut forms: Vec<Vec<u32>> = vec![Vec::new(); ids.len()];
    for (sid, s) in table.surfaces().iter().enumerate() {
        if let Some(&r) = rank.get(s.key as usize).filter(|&&r| r != u32::MAX) {
            forms[r as usize].push(sid as u32);
        }
    }
    let surfaces = table.surfaces();
    for f in &mut forms {
        sort_indices(f, &|a, b| {
            let (x, y) = (&surfaces[a as usize], &surfaces[b as usize]);
            y.count.cmp(&x.count).then_with(|| x.text.cmp(y.text))
        });
    }
    let mut positions: Vec<Vec<usize>> = ids
        .iter()
        .map(|&k| Vec::with_capacity(table.key_count(k) as usize))
        .collect();
    for (w, word) in table.words.iter().enumerate() {
        if let Some(&r) = rank
            .get(table.key_of(word) as usize)
            .filter(|&&r| r != u32::MAX)
        {
            positions[r as usize].push(table.start(w));
        }
    }
    let total = table.words.len().max(1) as f64;
    ids.iter()
        .zip(forms)
        .zip(positions)
        .map(|((&k, forms), positions)| {
            let forms: Vec<Form> = forms
                .iter()
                .map(|&sid| Form {
                    text: surfaces[sid as usize].text.to_string(),
                    count: surfaces[sid as usize].count as usize,
                })
                .collect();
            let count = table.key_count(k) as usize;
            Frequency {
                key: table.key(k).to_string(),
                text: forms.first().map_or_else(String::new, |f| f.text.clone()),
                count,
                per_thousand: count as f64 * 1000.0 / total,
                forms,
                positions,
            }
        })
        .collect()
}

/// A collocation: two or three adjacent words that occur together more than chance predicts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ngram {
    /// The first occurrence as written.
    pub text: String,
    /// Number of words (2 or 3).
    pub n: usize,
    /// Occurrences.
    pub count: usize,
    /// Dunning's log-likelihood ratio G² (higher = stronger collocation).
    pub score: f64,
}

/// Dunning's G² for a 2×2 contingency table: `n11` joint count, `n1p` and `np1` the two
/// marginal counts, `n` the total. Zero when the pair occurs no more often than chance predicts.
///
/// G² = 2 Σ O·ln(O/E) over the four cells, E = row total × column total / n.
///
/// ```
/// use article_analyzer::frequency::log_likelihood;
/// // Independent: 10 of 100 rows, 10 of 100 columns, 1 together = chance.
/// assert_eq!(log_likelihood(1, 10, 10, 100), 0.0);
/// assert!(log_likelihood(5, 10, 10, 100) > 10.0);
/// ```
pub fn log_likelihood(n11: u64, n1p: u64, np1: u64, n: u64) -> f64 {
    if n == 0 || n11 == 0 {
        return 0.0;
    }
    let n = n as f64;
    let (n11, n1p, np1) = (n11 as f64, n1p as f64, np1 as f64);
    let n12 = (n1p - n11).max(0.0);
    let n21 = (np1 - n11).max(0.0);
    let n22 = (n - n1p - np1 + n11).max(0.0);
    let (n2p, np2) = (n - n1p, n - np1);
    let e11 = n1p * np1 / n;
    if n11 <= e11 {
        return 0.0;
    }
    let cell = |o: f64, e: f64| {
        if o > 0.0 && e > 0.0 {
            o * (o / e).ln()
        } else {
            0.0
        }
    };
    let g2 = 2.0
        * (cell(n11, e11)
            + cell(n12, n1p * np2 / n)
            + cell(n21, n2p * np1 / n)
            + cell(n22, n2p * np2 / n));
    g2.max(0.0)
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct NgramCount {
    pub(crate) count: u32,
    /// Index (among the words) of its first occurrence.
    pub(crate) first: u32,
}

/// Counts of adjacent words (see [`WordTable::adjacent`]), by key id: the pairs met at least
/// twice, each key's neighbours over all pairs, and the triples that neither start nor end
/// with a stopword (judged on the folded key) and could occur twice — both of whose pairs do.
/// Every reader of the pairs and triples skips the ones met once (a triple met twice has both
/// its pairs met twice); not keeping them keeps the maps a fraction of the words (5 MB of
/// English: 291k triples where every triple made the map grow past 600k; most pairs are met
/// once).
#[derive(Clone, Debug, Default)]
pub(crate) struct Grams {
    /// Pairs `a << 32 | b` met at least twice.
    pub(crate) bigrams: FxHashMap<u64, NgramCount>,
    pub(crate) trigrams: FxHashMap<[u32; 3], NgramCount>,
    /// Per key id, its neighbours in all the pairs, those met once included.
    pub(crate) neighbours: Vec<Neighbours>,
}

/// The words next to one key, from the counts of pairs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Neighbours {
    /// Distinct keys met right before it.
    pub(crate) left_distinct: u32,
    /// Pairs it ends.
    pub(crate) left_total: u32,
    /// Distinct keys met right after it.
    pub(crate) right_distinct: u32,
    /// Pairs it starts.
    pub(crate) right_total: u32,
}

impl Grams {
    /// The count of the pair `a b` (0 when it never occurs).
    pub(crate) fn pair(&self, a: u32, b: u32) -> u32 {
        self.bigrams.get(&pair_key(a, b)).map_or(0, |c| c.count)
    }
}

pub(crate) fn pair_key(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// Counts the grams of `table` over the key ids `id` gives each word (below `keys`): the pairs
/// first, then the triples whose two pairs both occur at least twice (see [`Grams`]).
fn count_grams(table: &WordTable<'_>, keys: usize, id: impl Fn(&WordRef) -> u32) -> Grams {
    let words = &table.words;
    let mut bigrams: FxHashMap<u64, NgramCount> =
        FxHashMap::with_capacity_and_hasher(words.len() / 2, Default::default());
    for w in 0..words.len() {
        if !table.adjacent(w) {
            continue;
        }
        let e = bigrams
            .entry(pair_key(id(&words[w]), id(&words[w + 1])))
            .or_insert(NgramCount {
                count: 0,
                first: w as u32,
            });
        e.count += 1;
    }
    // Each key's neighbours over all the pairs; then the pairs met once go, in the same pass,
    // before the triples are counted (at 5 MB of Arabic, most of them).
    let mut neighbours = vec![Neighbours::default(); keys];
    bigrams.retain(|&ab, c| {
        let (a, b) = ((ab >> 32) as usize, ab as u32 as usize);
        if let Some(n) = neighbours.get_mut(a) {
            n.right_distinct += 1;
            n.right_total += c.count;
        }
        if let Some(n) = neighbours.get_mut(b) {
            n.left_distinct += 1;
            n.left_total += c.count;
        }
        c.count >= 2
    });
    bigrams.shrink_to_fit();
    let twice = |a: u32, b: u32| bigrams.get(&pair_key(a, b)).is_some_and(|c| c.count >= 2);
    let mut trigrams: FxHashMap<[u32; 3], NgramCount> = FxHashMap::default();
    for w in 0..words.len() {
        if !(table.adjacent(w) && table.adjacent(w + 1)) {
            continue;
        }
        let (a, b, c) = (&words[w], &words[w + 1], &words[w + 2]);
        if table.is_stop(table.folded_of(a)) || table.is_stop(table.folded_of(c)) {
            continue;
        }
        let key = [id(a), id(b), id(c)];
        if !(twice(key[0], key[1]) && twice(key[1], key[2])) {
            continue;
        }
        let e = trigrams.entry(key).or_insert(NgramCount {
            count: 0,
            first: w as u32,
        });
        e.count += 1;
    }
    Grams {
        bigrams,
        trigrams,
        neighbours,
    }
}

impl WordTable<'_> {
    /// The grams of the folded keys, counted on first use.
    pub(crate) fn folded_grams(&self) -> &Grams {
        self.grams
            .get_or_init(|| count_grams(self, self.folded_len(), |w| self.folded_of(w)))
    }
}

/// The top collocations of 2 and 3 words of `table`, ranked by G² (then count desc, text asc);
/// each occurs at least twice. See the module rules.
///
/// ```
/// use article_analyzer::frequency::{ngrams, LanguageRuns, WordTable};
/// use article_analyzer::lang::Language;
/// use article_analyzer::normalize::FoldLevel;
/// use article_analyzer::{sentence::sentences, token::tokenize};
/// let text = "The Bank of England met. Bank of England rates rose. The bank, England.";
/// let tokens = tokenize(text);
/// let s = sentences(text, &tokens);
/// let t = WordTable::new(text, &tokens, &s, FoldLevel::Folded, &LanguageRuns::uniform(Language::English));
/// let g: Vec<_> = ngrams(&t, 5).into_iter().map(|g| (g.text, g.count)).collect();
/// assert_eq!(g, [("Bank of England".to_string(), 2)]);
/// ```
pub fn ngrams(table: &WordTable<'_>, top: usize) -> Vec<Ngram> {
    let words = &table.words;
    let own;
    let grams = if table.level() == FoldLevel::Folded {
        table.folded_grams()
    } else {
        own = count_grams(table, table.key_len(), |w| table.key_of(w));
        &own
    };
    let n = words.len() as u64;
    let unigram = |k: u32| table.key_count(k) as u64;
    // Candidates borrow their text from the article: only the `top` kept become `String`s
    // (5 MB of English has over 100,000 pairs and triples met twice).
    let text_of = |first: u32, len: usize| -> &str {
        let first = first as usize;
        let (Some(a), Some(b)) = (words.get(first), words.get(first + len - 1)) else {
            return "";
        };
        match (
            table.tokens.get(a.token as usize),
            table.tokens.get(b.token as usize),
        ) {
            (Some(x), Some(y)) => table.text.get(x.span.start..y.span.end).unwrap_or(""),
            _ => "",
        }
    };
    /// An [`Ngram`] whose text is still a slice of the article.
    struct Found<'t> {
        text: &'t str,
        n: usize,
        count: usize,
        score: f64,
    }
    let found_gram = |first: u32, n: usize, count: u32, score: f64| Found {
        text: text_of(first, n),
        n,
        count: count as usize,
        score,
    };
    let mut found: Vec<Found<'_>> = Vec::new();
    for (&ab, c) in &grams.bigrams {
        let (a, b) = ((ab >> 32) as u32, ab as u32);
        if c.count < 2 || table.key_is_stop(a) || table.key_is_stop(b) {
            continue;
        }
        let score = log_likelihood(c.count as u64, unigram(a), unigram(b), n);
        found.push(found_gram(c.first, 2, c.count, score));
    }
    for (&[a, b, z], c) in &grams.trigrams {
        if c.count < 2 || table.key_is_stop(a) || table.key_is_stop(z) {
            continue;
        }
        let ab = grams.pair(a, b) as u64;
        let bz = grams.pair(b, z) as u64;
        let left = log_likelihood(c.count as u64, unigram(a), bz, n);
        let right = log_likelihood(c.count as u64, ab, unigram(z), n);
        found.push(found_gram(c.first, 3, c.count, left.min(right)));
    }
    found.retain(|g| g.score > 0.0);
    // Sorted through indices: one sort for every list of the crate keeps the wasm small.
    let mut order: Vec<u32> = (0..found.len() as u32).collect();
    sort_indices(&mut order, &|a, b| {
        let (x, y) = (&found[a as usize], &found[b as usize]);
        y.score
            .total_cmp(&x.score)
            .then(y.count.cmp(&x.count))
            .then_with(|| x.text.cmp(y.text))
    });
    order
        .iter()
        .take(top)
        .map(|&i| {
            let g = &found[i as usize];
            Ngram {
                text: g.text.to_string(),
                n: g.n,
                count: g.count,
                score: round3(g.score),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentence::sentences;
    use crate::token::tokenize;

    #[test]
    fn an_interned_string_keeps_its_id_past_the_room_reserved() {
        for room in [0, 3, 5000] {
            let mut keys = Interner::with_capacity(room);
            let words: Vec<String> = (0..3000).map(|i| format!("w{i}")).collect();
            for (i, w) in words.iter().enumerate() {
                assert_eq!(keys.intern(w), (i as u32, true));
            }
            for (i, w) in words.iter().enumerate().rev() {
                assert_eq!(keys.intern(w), (i as u32, false));
                assert_eq!(keys.get(i as u32), w);
            }
            assert_eq!(keys.intern(""), (3000, true));
            assert_eq!(keys.len(), 3001);
        }
    }

    fn table(text: &str, level: FoldLevel, language: Language) -> Vec<(String, String, usize)> {
        let tokens = tokenize(text);
        let s = sentences(text, &tokens);
        let t = WordTable::new(text, &tokens, &s, level, &LanguageRuns::uniform(language));
        frequencies(
            &t,
            FrequencyOptions {
                top: 100,
                remove_stopwords: true,
            },
        )
        .into_iter()
        .map(|f| (f.key, f.text, f.count))
        .collect()
    }

    #[test]
    fn english_counts_by_hand() {
        // the×3 (stop), cat×3 (Cat, cat, CAT), sat×2, on×1 (stop), mat×1, dog×1, and×1 (stop)
        let text = "The cat sat on the mat. Cat and dog sat. THE CAT!";
        let f = table(text, FoldLevel::Folded, Language::English);
        assert_eq!(
            f,
            [
                ("cat".into(), "CAT".into(), 3),
                ("sat".into(), "sat".into(), 2),
                ("dog".into(), "dog".into(), 1),
                ("mat".into(), "mat".into(), 1),
            ]
        );
        // At `exact`, forms are apart; stopwords are still judged on the folded key.
        let f = table(text, FoldLevel::Exact, Language::English);
        assert_eq!(f[0], ("sat".into(), "sat".into(), 2));
        assert!(f.iter().all(|x| x.0 != "THE" && x.0 != "The"));
        assert_eq!(f.len(), 6, "{f:?}");
    }

    #[test]
    fn arabic_counts_by_hand() {
        // أمازون ×3 (one with tashkeel and tatweel); إلى/الى/أن/في are stopwords in any spelling.
        let text = "أعلنت أمازون أن الشركة ستذهب إلى السوق. قالت أمـَازون الى الشركة في السوق، وأمازون هنا.";
        let f = table(text, FoldLevel::Folded, Language::Arabic);
        let get = |k: &str| f.iter().find(|x| x.0 == k).map(|x| x.2);
        assert_eq!(
            get("امازون"),
            Some(2 + usize::from(get("وامازون").is_none()))
        );
        // Folded keys split the article off (normalize::arabic): الشركة → شركة.
        assert_eq!(get("شركة"), Some(2));
        assert_eq!(get("سوق"), Some(2));
        for stop in ["ان", "الى", "في", "هنا"] {
            assert_eq!(get(stop), None, "{stop} is a stopword");
        }
    }

    #[test]
    fn ngrams_do_not_cross_punctuation_or_sentences() {
        let text = "New York. New, York. New York rose. York New";
        let tokens = tokenize(text);
        let s = sentences(text, &tokens);
        let t = WordTable::new(
            text,
            &tokens,
            &s,
            FoldLevel::Folded,
            &LanguageRuns::uniform(Language::English),
        );
        let g = ngrams(&t, 10);
        assert_eq!(g.len(), 1, "{g:?}");
        assert_eq!((g[0].text.as_str(), g[0].count), ("New York", 2));
    }

    #[test]
    fn log_likelihood_matches_a_hand_computation() {
        // n11=2, n12=0, n21=0, n22=8 (n=10): E11=0.4, E12=1.6, E21=1.6, E22=6.4.
        // G² = 2(2 ln 5 + 8 ln 1.25) = 2(3.21888 + 1.78515) = 10.00806.
        let g = log_likelihood(2, 2, 2, 10);
        assert!((g - 10.008).abs() < 1e-3, "{g}");
    }
}

#[cfg(test)]
mod gram_tests {
    use super::*;
    use crate::sentence::sentences;
    use crate::token::tokenize;
    use proptest::prelude::*;

    /// Every triple counted, as before the pairs decided which to count.
    fn all_triples(table: &WordTable<'_>) -> FxHashMap<[u32; 3], NgramCount> {
        let words = &table.words;
        let mut out: FxHashMap<[u32; 3], NgramCount> = FxHashMap::default();
        for w in 0..words.len() {
            if table.adjacent(w) && table.adjacent(w + 1) {
                let (a, b, c) = (&words[w], &words[w + 1], &words[w + 2]);
                let f = |w: &WordRef| table.folded_of(w);
                if !table.is_stop(f(a)) && !table.is_stop(f(c)) {
                    let e = out.entry([f(a), f(b), f(c)]).or_insert(NgramCount {
                        count: 0,
                        first: w as u32,
                    });
                    e.count += 1;
                }
            }
        }
        out
    }

    fn check(text: &str, language: Language) -> Result<(), TestCaseError> {
        let tokens = tokenize(text);
        let s = sentences(text, &tokens);
        let table = WordTable::new(
            text,
            &tokens,
            &s,
            FoldLevel::Folded,
            &LanguageRuns::uniform(language),
        );
        let grams = table.folded_grams();
        // Each word's sentence as the table kept it before it kept only where sentences start:
        // that of its token, the first sentence ending after it (the last after every end).
        let oracle: Vec<usize> = table
            .words
            .iter()
            .map(|w| {
                let mut k = 0;
                while k + 1 < s.len() && s[k].end_token <= w.token as usize {
                    k += 1;
                }
                k
            })
            .collect();
        let n = table.words.len();
        for (w, &k) in oracle.iter().enumerate() {
            prop_assert_eq!(table.sentence_of(w), k);
            let adjacent = w + 1 < n
                && oracle[w + 1] == k
                && table.words[w + 1].token == table.words[w].token + 1;
            prop_assert_eq!(table.adjacent(w), adjacent, "word {}", w);
        }
        let listed: Vec<usize> = table.word_sentences().map(|k| k as usize).collect();
        prop_assert_eq!(&listed, &oracle);
        for k in 0..s.len() + 1 {
            let before = oracle.iter().filter(|&&o| o < k).count();
            let through = oracle.iter().filter(|&&o| o <= k).count();
            let expected = if k < s.len().max(usize::from(n > 0)) {
                before..through
            } else {
                0..0
            };
            prop_assert_eq!(table.sentence_words(k), expected, "sentence {}", k);
        }
        // The pairs met twice, and every key's neighbours over all pairs.
        let mut pairs: FxHashMap<u64, NgramCount> = FxHashMap::default();
        for w in 0..n.saturating_sub(1) {
            if oracle[w] == oracle[w + 1] && table.words[w + 1].token == table.words[w].token + 1 {
                let key = pair_key(
                    table.folded_of(&table.words[w]),
                    table.folded_of(&table.words[w + 1]),
                );
                let e = pairs.entry(key).or_insert(NgramCount {
                    count: 0,
                    first: w as u32,
                });
                e.count += 1;
            }
        }
        let mut neighbours = vec![Neighbours::default(); table.folded_len()];
        for (&ab, c) in &pairs {
            let (a, b) = ((ab >> 32) as usize, ab as u32 as usize);
            neighbours[a].right_distinct += 1;
            neighbours[a].right_total += c.count;
            neighbours[b].left_distinct += 1;
            neighbours[b].left_total += c.count;
        }
        prop_assert_eq!(&grams.neighbours, &neighbours);
        let twice: Vec<(u64, u32, u32)> = {
            let mut v: Vec<_> = pairs
                .iter()
                .filter(|(_, c)| c.count >= 2)
                .map(|(&k, c)| (k, c.count, c.first))
                .collect();
            v.sort_unstable();
            v
        };
        let mut kept: Vec<_> = grams
            .bigrams
            .iter()
            .map(|(&k, c)| (k, c.count, c.first))
            .collect();
        kept.sort_unstable();
        prop_assert_eq!(kept, twice);
        let all = all_triples(&table);
        // Every triple counted is counted exactly (one met once may be among them: the
        // pairs of `a a a` occur twice)…
        for (k, c) in &grams.trigrams {
            let full = all.get(k).map(|c| (c.count, c.first));
            prop_assert_eq!(Some((c.count, c.first)), full);
        }
        // … and none met twice is missing.
        for (k, c) in all.iter().filter(|(_, c)| c.count >= 2) {
            prop_assert!(
                grams.trigrams.contains_key(k),
                "{:?} ×{} missing",
                k,
                c.count
            );
        }
        Ok(())
    }

    #[test]
    fn triples_met_twice_are_all_counted() {
        let text = "the Bank of England said the Bank of England rose. Bank of England. \
                    bank of england rates, Bank of England rates";
        check(text, Language::English).unwrap();
        check(
            "قال وزير المالية إن وزير المالية قال. وزير المالية",
            Language::Arabic,
        )
        .unwrap();
    }

    proptest! {
        /// Counting only the triples whose pairs both occur twice loses none that occurs twice,
        /// and counts each (and finds its first occurrence) as counting every triple does.
        #[test]
        fn triples_of_pairs_met_twice_equal_all_triples_met_twice(
            picks in proptest::collection::vec(0usize..12, 0..300),
        ) {
            const WORDS: [&str; 12] =
                ["bank", "of", "England", "rates", "rose", "the", ".", ",", "and", "vote", "\n\n", "Bank"];
            let text = picks.iter().map(|&i| WORDS[i]).collect::<Vec<_>>().join(" ");
            check(&text, Language::English)?;
        }
    }
}
