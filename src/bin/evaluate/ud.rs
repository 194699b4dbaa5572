//! `evaluate ud`: sentence and token F1 on Universal Dependencies CoNLL-U files.
//!
//! Conventions (see also /work/shared/data/README.md):
//!
//! * **Raw text.** Each `# newdoc` starts a document, analyzed on its own. Its text is the
//!   `# text =` lines of its sentences (trimmed), joined by one space inside a paragraph and by a
//!   blank line (`"\n\n"`) where a `# newpar` starts a new paragraph, as the UD tool
//!   `conllu_to_text.pl` (and the CoNLL 2018 shared task raw texts) separate paragraphs, but
//!   without its 80-column line wrapping. With `--flat`, every sentence is joined by one space,
//!   paragraphs included (a harder, paragraph-blind figure).
//! * **Gold sentences** are the character spans of the `# text` lines in that raw text.
//! * **Gold tokens** are UD *surface* tokens: a multiword-token range line (`3-4 don't`) gives
//!   one token and its syntactic words (`do`, `n't`) are skipped; every other word line gives one
//!   token; empty nodes (`8.1`) are skipped. Each form is located in its sentence text from left
//!   to right. Punctuation counts like any other token: all tokens are scored.
//! * **Predicted** sentences and tokens are those of `article_analyzer::token::tokenize` and
//!   `article_analyzer::sentence::sentences` over the document text, all token kinds included.
//! * **Scores** are exact-span precision, recall and F1, micro-averaged over the file.

use crate::score::{Counts, Table};
use crate::Flags;
use article_analyzer::sentence::sentences;
use article_analyzer::token::tokenize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};

/// How sentences are joined into a document's raw text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Join {
    /// One space inside a paragraph, a blank line between paragraphs.
    Paragraphs,
    /// One space everywhere.
    Flat,
}

/// One document rebuilt from CoNLL-U: its raw text and gold spans (bytes into `text`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// The `# newdoc id`, or empty.
    pub id: String,
    /// The raw text.
    pub text: String,
    /// Gold sentence spans.
    pub sentences: Vec<(usize, usize)>,
    /// Gold surface-token spans.
    pub tokens: Vec<(usize, usize)>,
    /// Gold forms that could not be found in their sentence text (scored as missed).
    pub unlocated: usize,
}

#[derive(Default)]
struct SentenceDraft {
    text: Option<String>,
    forms: Vec<String>,
    skip_until: usize,
    new_paragraph: bool,
}

/// Rebuilds the documents of a CoNLL-U file.
pub fn parse(conllu: &str, join: Join) -> Vec<Document> {
    let mut docs: Vec<Document> = Vec::new();
    let mut doc = Document::default();
    let mut draft = SentenceDraft::default();
    for line in conllu.lines() {
        let line = line.trim_end_matches('\r');
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim_start();
            if let Some(rest) = comment.strip_prefix("newdoc") {
                if rest.is_empty() || rest.starts_with([' ', '=']) {
                    if !doc.sentences.is_empty() {
                        docs.push(std::mem::take(&mut doc));
                    }
                    doc.id = rest
                        .trim_start()
                        .strip_prefix("id")
                        .map(|r| r.trim_start().trim_start_matches('=').trim().to_string())
                        .unwrap_or_default();
                }
            } else if let Some(rest) = comment.strip_prefix("newpar") {
                if rest.is_empty() || rest.starts_with([' ', '=']) {
                    draft.new_paragraph = true;
                }
            } else if let Some(rest) = comment.strip_prefix("text") {
                if let Some(value) = rest.trim_start().strip_prefix('=') {
                    draft.text = Some(value.trim().to_string());
                }
            }
        } else if line.trim().is_empty() {
            finish_sentence(&mut doc, &mut draft, join);
        } else {
            let mut cols = line.split('\t');
            let (Some(id), Some(form)) = (cols.next(), cols.next()) else {
                continue;
            };
            if let Some((a, b)) = id.split_once('-') {
                if let (Ok(_), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>()) {
                    draft.forms.push(form.to_string());
                    draft.skip_until = b;
                }
            } else if let Ok(n) = id.parse::<usize>() {
                if n > draft.skip_until {
                    draft.forms.push(form.to_string());
                }
            }
        }
    }
    finish_sentence(&mut doc, &mut draft, join);
    if !doc.sentences.is_empty() {
        docs.push(doc);
    }
    docs
}

fn finish_sentence(doc: &mut Document, draft: &mut SentenceDraft, join: Join) {
    let done = std::mem::take(draft);
    // A `# newpar` seen before this sentence's tokens stays pending for the next sentence
    // when this block had no sentence (a stray comment block).
    let Some(text) = done.text else {
        draft.new_paragraph = done.new_paragraph;
        return;
    };
    if text.is_empty() {
        return;
    }
    if !doc.text.is_empty() {
        doc.text
            .push_str(if done.new_paragraph && join == Join::Paragraphs {
                "\n\n"
            } else {
                " "
            });
    }
    let base = doc.text.len();
    doc.text.push_str(&text);
    doc.sentences.push((base, base + text.len()));
    let mut at = 0;
    for form in &done.forms {
        let rest = &text[at..];
        let skipped = rest.len() - rest.trim_start().len();
        let found = if rest[skipped..].starts_with(form.as_str()) {
            Some(at + skipped)
        } else {
            rest.find(form.as_str()).map(|i| at + i)
        };
        match found {
            Some(i) if !form.is_empty() => {
                doc.tokens.push((base + i, base + i + form.len()));
                at = i + form.len();
            }
            _ => doc.unlocated += 1,
        }
    }
}

/// The scores of one dataset, with what went wrong.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Sentence spans.
    pub sentences: Counts,
    /// Token spans.
    pub tokens: Counts,
    /// Gold forms that could not be located.
    pub unlocated: usize,
    /// Gold tokens we missed, by form, with counts.
    pub missed_tokens: BTreeMap<String, usize>,
    /// Predicted tokens that are not gold, by form, with counts.
    pub spurious_tokens: BTreeMap<String, usize>,
    /// For predicted tokens that are not gold: the gold token they overlap, by form, with counts
    /// (`http://x.org` when we predicted `http`, `:`, `//`, …).
    pub spurious_inside: BTreeMap<String, usize>,
    /// Gold sentence ends we did not predict: text around each.
    pub missed_ends: Vec<String>,
    /// Predicted sentence ends that are not gold: text around each.
    pub spurious_ends: Vec<String>,
}

/// Scores the analyzer's sentences and tokens on `docs`.
pub fn score(docs: &[Document]) -> Outcome {
    let mut out = Outcome::default();
    for doc in docs {
        let text = doc.text.as_str();
        let tokens = tokenize(text);
        let predicted_tokens: Vec<(usize, usize)> =
            tokens.iter().map(|t| (t.span.start, t.span.end)).collect();
        let predicted_sentences: Vec<(usize, usize)> = sentences(text, &tokens)
            .iter()
            .map(|s| (s.span.start, s.span.end))
            .collect();
        score_document(doc, &predicted_tokens, &predicted_sentences, &mut out);
    }
    out
}

/// Adds the scores of one document's predicted token and sentence spans to `out`.
pub fn score_document(
    doc: &Document,
    predicted_tokens: &[(usize, usize)],
    predicted_sentences: &[(usize, usize)],
    out: &mut Outcome,
) {
    let text = doc.text.as_str();
    let piece = |(s, e): (usize, usize)| text.get(s..e).unwrap_or("").to_string();
    out.tokens += Counts::of(predicted_tokens, &doc.tokens);
    out.sentences += Counts::of(predicted_sentences, &doc.sentences);
    out.unlocated += doc.unlocated;
    out.tokens.gold += doc.unlocated;

    let gold: BTreeSet<_> = doc.tokens.iter().copied().collect();
    let pred: BTreeSet<_> = predicted_tokens.iter().copied().collect();
    for &span in gold.difference(&pred) {
        *out.missed_tokens.entry(piece(span)).or_insert(0) += 1;
    }
    for &span in pred.difference(&gold) {
        *out.spurious_tokens.entry(piece(span)).or_insert(0) += 1;
        // Gold spans are sorted and disjoint: the last one starting before our end overlaps us
        // when it ends after our start.
        let i = doc.tokens.partition_point(|g| g.0 < span.1);
        if let Some(&g) = i.checked_sub(1).and_then(|i| doc.tokens.get(i)) {
            if g.1 > span.0 {
                *out.spurious_inside.entry(piece(g)).or_insert(0) += 1;
            }
        }
    }
    let gold_ends: BTreeSet<usize> = doc.sentences.iter().map(|s| s.1).collect();
    let pred_ends: BTreeSet<usize> = predicted_sentences.iter().map(|s| s.1).collect();
    for &e in gold_ends.difference(&pred_ends) {
        out.missed_ends.push(context(text, e));
    }
    for &e in pred_ends.difference(&gold_ends) {
        out.spurious_ends.push(context(text, e));
    }
}

/// Up to 50 characters on each side of byte `at`, with `⟂` at `at` and line breaks shown as `⏎`.
fn context(text: &str, at: usize) -> String {
    let (head, tail) = (text.get(..at).unwrap_or(""), text.get(at..).unwrap_or(""));
    let before: String = {
        let mut v: Vec<char> = head.chars().rev().take(50).collect();
        v.reverse();
        v.into_iter().collect()
    };
    let after: String = tail.chars().take(50).collect();
    format!("{before}⟂{after}").replace('\n', "⏎")
}

/// Reads a file, gunzipping it when its name ends in `.gz`.
pub fn read_maybe_gz(path: &Path) -> std::io::Result<String> {
    let bytes = std::fs::read(path)?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut text = String::new();
        flate2::read::GzDecoder::new(bytes.as_slice()).read_to_string(&mut text)?;
        Ok(text)
    } else {
        String::from_utf8(bytes)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
    }
}

const DATASETS: [(&str, &str); 2] = [
    ("ewt-dev", "ud_english_ewt/en_ewt-ud-dev.conllu.gz"),
    ("gum-dev", "ud_english_gum/en_gum-ud-dev.conllu.gz"),
];

const USAGE: &str = "usage: evaluate ud [--data DIR] [--flat] [--errors N] [FILE.conllu[.gz] ...]
  scores sentence and token spans against UD CoNLL-U files (default: the EWT and GUM dev files
  under DIR, default ../shared/data next to the crate)
  --flat      join every sentence with one space (ignore # newpar); default: blank line at # newpar
  --errors N  also print N missed/spurious sentence ends and the most frequent token mismatches";

/// Runs `evaluate ud ARGS`.
pub fn run(args: &[String]) -> Result<(), String> {
    let mut join = Join::Paragraphs;
    let mut errors = 0usize;
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    let mut flags = Flags::new(args);
    while let Some(flag) = flags.next_flag()? {
        match flag {
            "--flat" => join = Join::Flat,
            "--errors" => errors = flags.number(flag, false)?,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            path if !path.starts_with('-') => {
                let p = PathBuf::from(path);
                let name = p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                files.push((name, p));
            }
            other => return Err(format!("unknown option {other}\n{USAGE}")),
        }
    }
    let data = flags.data;
    if files.is_empty() {
        files = DATASETS
            .iter()
            .map(|(name, rel)| (name.to_string(), data.join(rel)))
            .collect();
    }
    let mut table = Table::new(&[
        "dataset",
        "docs",
        "sent gold",
        "sent P",
        "sent R",
        "sent F1",
        "tok gold",
        "tok P",
        "tok R",
        "tok F1",
    ]);
    let mut any = false;
    for (name, path) in &files {
        if !path.exists() {
            println!(
                "skipping {name}: {} is absent (the UD dev files live in /work/shared/data)",
                path.display()
            );
            continue;
        }
        let conllu = read_maybe_gz(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let docs = parse(&conllu, join);
        let outcome = score(&docs);
        any = true;
        let s = outcome.sentences;
        let t = outcome.tokens;
        table.row(vec![
            name.clone(),
            docs.len().to_string(),
            s.gold.to_string(),
            format!("{:.4}", s.precision()),
            format!("{:.4}", s.recall()),
            format!("{:.4}", s.f1()),
            t.gold.to_string(),
            format!("{:.4}", t.precision()),
            format!("{:.4}", t.recall()),
            format!("{:.4}", t.f1()),
        ]);
        if errors > 0 {
            print_errors(name, &outcome, errors);
        }
    }
    if any {
        let how = match join {
            Join::Paragraphs => "sentences joined by a space, paragraphs by a blank line",
            Join::Flat => "every sentence joined by a space (--flat)",
        };
        println!("exact character spans; {how}; all surface tokens incl. punctuation");
        print!("{table}");
    }
    Ok(())
}

/// A rough class of a gold token we missed, to see which tokenizer conventions cost most.
fn mismatch_class(form: &str) -> &'static str {
    let letters = form.chars().filter(|c| c.is_alphabetic()).count();
    let digits = form.chars().filter(|c| c.is_numeric()).count();
    if form.contains("://") || form.starts_with("www.") || form.contains('@') {
        "url/email/mention"
    } else if letters == 0 && digits == 0 && form.chars().count() > 1 {
        if [":)", ":-)", ":(", ":-(", ":P", ":D", ";)", "<3"].contains(&form) {
            "emoticon"
        } else {
            "punctuation run (... -- !! ***)"
        }
    } else if letters > 0 && form.ends_with('.') {
        "abbreviation with dot (U.S. Dr.)"
    } else if digits > 0 && letters == 0 && form.contains(['/', ':', '-']) {
        "date/time/phone (08/16/2000 09:45)"
    } else if letters > 0 && form.contains('-') && !form.ends_with('-') {
        "hyphenated word (e-mail non-X)"
    } else if letters > 0 && form.ends_with('-') {
        "cut-off word (re- kn-)"
    } else if form.contains(['\'', '’']) {
        "apostrophe (states' ’70s)"
    } else {
        "other"
    }
}

fn print_errors(name: &str, o: &Outcome, n: usize) {
    println!("== {name}: {} gold forms not located", o.unlocated);
    println!(
        "-- missed sentence ends ({}), first {n}:",
        o.missed_ends.len()
    );
    for c in o.missed_ends.iter().take(n) {
        println!("   {c}");
    }
    println!(
        "-- spurious sentence ends ({}), first {n}:",
        o.spurious_ends.len()
    );
    for c in o.spurious_ends.iter().take(n) {
        println!("   {c}");
    }
    for (title, map) in [
        ("gold tokens missed", &o.missed_tokens),
        ("predicted tokens not in gold", &o.spurious_tokens),
    ] {
        let mut v: Vec<(&String, &usize)> = map.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let total: usize = map.values().sum();
        let top: Vec<String> = v
            .iter()
            .take(n)
            .map(|(k, c)| format!("{k:?}×{c}"))
            .collect();
        println!("-- {title} ({total}), most frequent: {}", top.join(" "));
    }
    let mut classes: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (form, count) in &o.missed_tokens {
        classes.entry(mismatch_class(form)).or_default().0 += count;
    }
    for (form, count) in &o.spurious_inside {
        classes.entry(mismatch_class(form)).or_default().1 += count;
    }
    let mut classes: Vec<_> = classes.into_iter().collect();
    classes.sort_by(|a, b| (b.1 .0 + b.1 .1).cmp(&(a.1 .0 + a.1 .1)).then(a.0.cmp(b.0)));
    println!(
        "-- token errors by class of the gold token: missed gold, spurious predicted inside it"
    );
    for (class, (missed, spurious)) in classes {
        println!("   {missed:>5} {spurious:>5}  {class}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hand-written in the CoNLL-U format (not taken from any corpus): two documents, a
    /// paragraph break, a multiword token, `SpaceAfter=No`, an empty node and a comment that
    /// merely starts with `newpar`.
    const SNIPPET: &str = "\
# newdoc id = d1
# newpar id = d1-p1
# sent_id = 1
# text = We don't know.
1\tWe\t_\t_
2-3\tdon't\t_\t_
2\tdo\t_\t_
3\tn't\t_\t_
4\tknow\t_\t_\tSpaceAfter=No
5\t.\t_\t_

# sent_id = 2
# text = Ask Dr. Lee!
1\tAsk\t_\t_
2\tDr.\t_\t_
3\tLee\t_\t_\tSpaceAfter=No
4\t!\t_\t_

# newpar
# newpar_block = p (1 s)
# sent_id = 3
# text = Headline here
1\tHeadline\t_\t_
1.1\tis\t_\t_
2\there\t_\t_

# newdoc id = d2
# sent_id = 4
# text = Fine.
1\tFine\t_\t_\tSpaceAfter=No
2\t.\t_\t_
";

    #[test]
    fn rebuilds_text_with_paragraph_breaks() {
        let docs = parse(SNIPPET, Join::Paragraphs);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].id, "d1");
        assert_eq!(docs[0].text, "We don't know. Ask Dr. Lee!\n\nHeadline here");
        assert_eq!(docs[0].sentences, [(0, 14), (15, 27), (29, 42)]);
        assert_eq!(docs[1].text, "Fine.");
    }

    #[test]
    fn flat_join_ignores_paragraphs() {
        let docs = parse(SNIPPET, Join::Flat);
        assert_eq!(docs[0].text, "We don't know. Ask Dr. Lee! Headline here");
    }

    #[test]
    fn gold_tokens_are_surface_tokens() {
        let docs = parse(SNIPPET, Join::Paragraphs);
        let d = &docs[0];
        let forms: Vec<&str> = d.tokens.iter().map(|&(s, e)| &d.text[s..e]).collect();
        assert_eq!(
            forms,
            ["We", "don't", "know", ".", "Ask", "Dr.", "Lee", "!", "Headline", "here"]
        );
        assert_eq!(d.unlocated, 0);
    }

    #[test]
    fn scores_hand_made_predictions() {
        let docs = parse(SNIPPET, Join::Paragraphs);
        let d = &docs[0];
        // "We don't know. Ask Dr. Lee!\n\nHeadline here": the predictions split `Dr.` in two
        // and miss the boundary after `know.`.
        let tokens = [
            (0, 2),
            (3, 8),
            (9, 13),
            (13, 14),
            (15, 18),
            (19, 21),
            (21, 22),
            (23, 26),
            (26, 27),
            (29, 37),
            (38, 42),
        ];
        let sentences = [(0, 27), (29, 42)];
        let mut o = Outcome::default();
        score_document(d, &tokens, &sentences, &mut o);
        assert_eq!(
            o.tokens,
            Counts {
                correct: 9,
                predicted: 11,
                gold: 10
            }
        );
        assert_eq!(
            o.sentences,
            Counts {
                correct: 1,
                predicted: 2,
                gold: 3
            }
        );
        assert_eq!(o.missed_tokens.get("Dr."), Some(&1));
        assert_eq!(o.spurious_tokens.get("Dr"), Some(&1));
        assert_eq!(o.spurious_inside.get("Dr."), Some(&2));
        assert_eq!(
            o.missed_ends,
            ["We don't know.⟂ Ask Dr. Lee!⏎⏎Headline here"]
        );
        assert!(o.spurious_ends.is_empty());
    }

    #[test]
    fn mismatch_classes_name_tokenizer_conventions() {
        assert_eq!(mismatch_class("U.S."), "abbreviation with dot (U.S. Dr.)");
        assert_eq!(mismatch_class("..."), "punctuation run (... -- !! ***)");
        assert_eq!(mismatch_class(":)"), "emoticon");
        assert_eq!(
            mismatch_class("08/16/2000"),
            "date/time/phone (08/16/2000 09:45)"
        );
        assert_eq!(mismatch_class("http://x.org"), "url/email/mention");
        assert_eq!(mismatch_class("e-mail"), "hyphenated word (e-mail non-X)");
        assert_eq!(mismatch_class("word"), "other");
    }

    #[test]
    fn analyzer_finds_every_snippet_sentence() {
        let o = score(&parse(SNIPPET, Join::Paragraphs));
        assert_eq!(
            o.sentences,
            Counts {
                correct: 4,
                predicted: 4,
                gold: 4
            }
        );
        assert_eq!(o.tokens.gold, 12);
    }

    #[test]
    fn unlocatable_forms_count_as_missed() {
        let docs = parse("# text = a b\n1\ta\n2\tc\n\n", Join::Paragraphs);
        assert_eq!(docs[0].tokens, [(0, 1)]);
        assert_eq!(docs[0].unlocated, 1);
        let o = score(&docs);
        assert_eq!(o.tokens.gold, 2);
    }
}
