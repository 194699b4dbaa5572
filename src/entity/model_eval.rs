//! Corpora for training and scoring the tagger: BIO sentences in, documents and scores out.
//!
//! Rules:
//! 1. A gold sentence is its tokens and IOB2 labels (`B-PER`, `I-LOC`, `O`; `PERS` is `PER`).
//! 2. A document's raw text is rebuilt by joining a sentence's tokens with one space and the
//!    sentences with a line break — the text the analyzer would be given.
//! 3. For training, the rebuilt text is tokenized by the crate's own tokenizer and each token
//!    takes the label of the gold token it starts in (`B-` only on the first piece), so the
//!    tagger learns on exactly the tokens it meets at run time.
//! 4. Scoring is conlleval's: entity-level exact match over gold tokens; a predicted character
//!    span is projected onto the gold tokens it overlaps; micro precision, recall and F1 per
//!    kind, untyped (spans only), and the headline over person, organization and location
//!    (misc removed on both sides).
//!
//! Pure: strings in, numbers out; the `evaluate` and `train-ner` commands read the files.

use super::gazetteer::kind_index;
use super::model::{begin_tag, inside_tag};
use super::EntityKind;
use crate::span::Span;

/// One gold sentence: tokens and their kind index (0..4, see `gazetteer::KINDS`) with begin
/// flag, or `None` for `O`.
#[derive(Debug, Clone, Default)]
pub struct GoldSentence {
    /// The tokens as the corpus gives them.
    pub tokens: Vec<String>,
    /// Per token: `Some((kind, begins))` or `None`.
    pub labels: Vec<Option<(usize, bool)>>,
}

/// Parses a label (`B-PER`, `I-ORG`, `B-PERS`, `O`); unknown types are `O`.
pub fn parse_label(label: &str) -> Option<(usize, bool)> {
    let (prefix, kind) = label.split_once('-')?;
    let kind = match kind {
        "PER" | "PERS" => 0,
        "ORG" => 1,
        "LOC" => 2,
        "MISC" => 3,
        _ => return None,
    };
    Some((kind, prefix == "B"))
}

/// Reads BIO text: one `TOKEN ... LABEL` a line (label last; split on TAB when the line has
/// one, else on spaces), blank lines between sentences; `-DOCSTART-` lines start a document.
/// Returns documents of sentences.
pub fn parse_bio(text: &str) -> Vec<Vec<GoldSentence>> {
    let mut docs: Vec<Vec<GoldSentence>> = vec![Vec::new()];
    let mut current = GoldSentence::default();
    let flush = |docs: &mut Vec<Vec<GoldSentence>>, current: &mut GoldSentence| {
        if !current.tokens.is_empty() {
            if let Some(d) = docs.last_mut() {
                d.push(std::mem::take(current));
            }
        }
    };
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut docs, &mut current);
            continue;
        }
        if line.starts_with("-DOCSTART-") {
            flush(&mut docs, &mut current);
            if docs.last().is_some_and(|d| !d.is_empty()) {
                docs.push(Vec::new());
            }
            continue;
        }
        let (token, label) = if let Some((t, rest)) = line.split_once('\t') {
            (t, rest.rsplit('\t').next().unwrap_or("O"))
        } else {
            let mut parts = line.split(' ');
            let t = parts.next().unwrap_or("");
            (t, parts.next_back().unwrap_or("O"))
        };
        let token = token.trim();
        if token.is_empty() {
            continue;
        }
        // A token holding a space would not survive the rebuild: keep its pieces.
        let mut parsed = parse_label(label);
        for piece in token.split_whitespace() {
            current.tokens.push(piece.to_string());
            current.labels.push(parsed);
            if let Some((k, _)) = parsed {
                parsed = Some((k, false));
            }
        }
    }
    flush(&mut docs, &mut current);
    docs.retain(|d| !d.is_empty());
    docs
}

/// A document rebuilt as raw text, with its gold tokens' spans and entities.
#[derive(Debug, Clone, Default)]
pub struct GoldDocument {
    /// The raw text (rule 2).
    pub text: String,
    /// Byte spans of the gold tokens in `text`.
    pub spans: Vec<Span>,
    /// Gold entities: first token, one past the last, kind index.
    pub entities: Vec<(usize, usize, usize)>,
}

/// Rebuilds `sentences` as one document (rule 2).
pub fn rebuild(sentences: &[GoldSentence]) -> GoldDocument {
    let mut doc = GoldDocument::default();
    let mut labels = Vec::new();
    for (s, sentence) in sentences.iter().enumerate() {
        if s > 0 {
            doc.text.push('\n');
        }
        for (i, t) in sentence.tokens.iter().enumerate() {
            if i > 0 {
                doc.text.push(' ');
            }
            let start = doc.text.len();
            doc.text.push_str(t);
            doc.spans.push(Span::new(start, doc.text.len()));
        }
        // A sentence boundary closes any entity.
        for (i, l) in sentence.labels.iter().enumerate() {
            labels.push(l.map(|(k, b)| (k, b || i == 0)));
        }
    }
    doc.entities = entities_of(&labels);
    doc
}

/// Entities of a label sequence: (first, end, kind); an `I-` that does not continue its kind
/// starts an entity, as conlleval reads it.
pub fn entities_of(labels: &[Option<(usize, bool)>]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, l) in labels.iter().enumerate() {
        match (*l, open) {
            (Some((k, false)), Some((_, ok))) if ok == k => {}
            (Some((k, _)), _) => {
                if let Some((start, ok)) = open {
                    out.push((start, i, ok));
                }
                open = Some((i, k));
            }
            (None, _) => {
                if let Some((start, ok)) = open.take() {
                    out.push((start, i, ok));
                }
            }
        }
    }
    if let Some((start, k)) = open {
        out.push((start, labels.len(), k));
    }
    out
}

/// Training pairs for one gold sentence (rule 3): our tokens' texts and their tags.
pub fn retokenize(sentence: &GoldSentence) -> (Vec<String>, Vec<usize>) {
    let doc = rebuild(std::slice::from_ref(sentence));
    let ours = crate::token::tokenize(&doc.text);
    let mut words = Vec::with_capacity(ours.len());
    let mut tags = Vec::with_capacity(ours.len());
    let mut g = 0usize;
    let mut last_gold = usize::MAX;
    for t in &ours {
        while g + 1 < doc.spans.len() && doc.spans[g].end <= t.span.start {
            g += 1;
        }
        let label = sentence.labels.get(g).copied().flatten();
        let first_piece = g != last_gold;
        last_gold = g;
        let tag = match label {
            None => 0,
            Some((k, begins)) if begins && first_piece => begin_tag(k),
            Some((k, _)) => {
                // An I- piece must continue an entity of its kind.
                match tags.last() {
                    Some(&p) if p == begin_tag(k) || p == inside_tag(k) => inside_tag(k),
                    _ => begin_tag(k),
                }
            }
        };
        words.push(t.span.text(&doc.text).to_string());
        tags.push(tag);
    }
    (words, tags)
}

/// Projects predicted character spans onto gold tokens (rule 4): (first, end, kind index).
/// Spans overlapping no gold token are dropped; kinds other than the four named are dropped.
pub fn project(spans: &[Span], predicted: &[(Span, EntityKind)]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for &(p, kind) in predicted {
        let Some(k) = kind_index(kind) else { continue };
        let first = spans.partition_point(|s| s.end <= p.start);
        let end = spans.partition_point(|s| s.start < p.end);
        if first < end {
            out.push((first, end, k));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// True/false positives and false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted and gold.
    pub tp: usize,
    /// Predicted, not gold.
    pub fp: usize,
    /// Gold, not predicted.
    pub fn_: usize,
}

impl Counts {
    /// Precision.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// Recall.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, gold: &[(usize, usize, usize)], pred: &[(usize, usize, usize)]) {
        let tp = pred
            .iter()
            .filter(|p| gold.binary_search(p).is_ok())
            .count();
        self.tp += tp;
        self.fp += pred.len() - tp;
        self.fn_ += gold.len() - tp;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores over many documents (rule 4).
#[derive(Debug, Clone, Copy, Default)]
pub struct Score {
    /// Per kind index (person, organization, location, misc).
    pub kinds: [Counts; 4],
    /// All kinds, typed.
    pub all: Counts,
    /// Spans only, kinds ignored.
    pub untyped: Counts,
    /// Person, organization and location (misc removed on both sides).
    pub headline: Counts,
}

impl Score {
    /// Adds one document's gold and predicted entities (token ranges with kind indices).
    pub fn add(&mut self, gold: &[(usize, usize, usize)], pred: &[(usize, usize, usize)]) {
        let mut gold = gold.to_vec();
        let mut pred = pred.to_vec();
        gold.sort_unstable();
        pred.sort_unstable();
        self.all.add(&gold, &pred);
        for k in 0..4 {
            let g: Vec<_> = gold.iter().copied().filter(|e| e.2 == k).collect();
            let p: Vec<_> = pred.iter().copied().filter(|e| e.2 == k).collect();
            self.kinds[k].add(&g, &p);
        }
        let strip = |v: &[(usize, usize, usize)]| {
            let mut v: Vec<_> = v.iter().map(|e| (e.0, e.1, 0)).collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        self.untyped.add(&strip(&gold), &strip(&pred));
        let g: Vec<_> = gold.iter().copied().filter(|e| e.2 != 3).collect();
        let p: Vec<_> = pred.iter().copied().filter(|e| e.2 != 3).collect();
        self.headline.add(&g, &p);
    }
}

/// Scores `recognize` over `documents` of gold sentences (rules 2 and 4): each document is
/// rebuilt as raw text, given to `recognize`, and its predicted spans projected and counted.
pub fn evaluate(
    documents: &[Vec<GoldSentence>],
    mut recognize: impl FnMut(&str) -> Vec<(Span, EntityKind)>,
) -> Score {
    let mut score = Score::default();
    for d in documents {
        let doc = rebuild(d);
        let predicted = recognize(&doc.text);
        score.add(&doc.entities, &project(&doc.spans, &predicted));
    }
    score
}

/// Splits one long run of sentences into documents of `n` sentences (for corpora without
/// document marks).
pub fn chunk(sentences: &[GoldSentence], n: usize) -> Vec<Vec<GoldSentence>> {
    sentences
        .chunks(n.max(1))
        .map(<[GoldSentence]>::to_vec)
        .collect()
}

/// A table of a score: per kind, all, untyped and headline, as P/R/F1 lines.
pub fn table(score: &Score) -> String {
    let mut out = String::from("kind          precision  recall      F1   gold  pred\n");
    let mut line = |name: &str, c: &Counts| {
        out.push_str(&format!(
            "{name:<12} {:>9.4} {:>7.4} {:>7.4} {:>6} {:>5}\n",
            c.precision(),
            c.recall(),
            c.f1(),
            c.tp + c.fn_,
            c.tp + c.fp
        ));
    };
    for (k, name) in ["person", "organization", "location", "misc"]
        .iter()
        .enumerate()
    {
        line(name, &score.kinds[k]);
    }
    line("all", &score.all);
    line("untyped", &score.untyped);
    line("HEADLINE", &score.headline);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tab_and_space_formats() {
        let docs = parse_bio("-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\n");
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0][0].labels[0], Some((1, true)));
        let docs = parse_bio("فرانكفورت\tB-LOC\n(د\tO\n");
        assert_eq!(docs[0][0].labels[0], Some((2, true)));
    }

    #[test]
    fn projection_covers_overlapped_tokens() {
        let doc = rebuild(&parse_bio("في\tO\nبواشنطن\tB-LOC\n")[0]);
        // واشنطن inside بواشنطن counts for the whole token.
        let start = doc.text.find("واشنطن").unwrap();
        let p = project(
            &doc.spans,
            &[(Span::new(start, doc.text.len()), EntityKind::Location)],
        );
        let mut s = Score::default();
        s.add(&doc.entities, &p);
        assert_eq!(s.headline.tp, 1);
    }

    #[test]
    fn retokenized_pieces_continue_the_entity() {
        // `A&M` is one corpus token that our tokenizer cuts in three.
        let s = &parse_bio("A&M\tB-ORG\nofficials\tO\n")[0][0];
        let (words, tags) = retokenize(s);
        assert_eq!(words, ["A", "&", "M", "officials"]);
        assert_eq!(tags, [begin_tag(1), inside_tag(1), inside_tag(1), 0]);
    }
}
