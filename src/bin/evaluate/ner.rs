//! `evaluate ner`: named-entity accuracy through the run-time path, and speed with entities on.
//!
//! Each gold document is rebuilt as raw text (a sentence's tokens joined by spaces, sentences
//! by line breaks), analyzed by the full analyzer (our tokenizer, sentences, named and pattern
//! entities), and its person/organization/location/misc mentions projected onto the gold tokens
//! they overlap, then scored conlleval-style (see `article_analyzer::entity::model_eval`).
//!
//! * English: CoNLL-2003 `eng.testa` (dev), one document per `-DOCSTART-`.
//! * Arabic: the last 10% of the sentences of ANERcorp's CAMeL train split — held back from
//!   training by `train-ner` — in documents of `--doc-sentences` sentences (default 20).
//!
//! `--speed` also times the whole analysis (entities on) over the raw news corpora.
//!
//! Other recognizers are scored by the same code through files: `--write-texts FILE` writes
//! each rebuilt document as a JSON line `{"id": "en-0", "lang": "en", "text": …}` (ids count
//! documents from 0 per language), and `--score FILE` scores the entities of JSON lines
//! `{"id": …, "entities": [{"start": …, "end": …, "kind": "person"}, …]}` in place of the
//! analyzer's: offsets in UTF-16 code units and kinds by name, as the CLI's `--jsonl` writes
//! them, so its output scores as is. A document without a line has no entities; kinds other
//! than person, organization, location and misc are left out, as for the analyzer.

use crate::ud::read_maybe_gz;
use crate::Flags;
use article_analyzer::entity::model_eval::{
    chunk, evaluate, parse_bio, rebuild, table, GoldSentence,
};
use article_analyzer::entity::EntityKind;
use article_analyzer::span::Span;
use article_analyzer::{analyze, Options};
use std::collections::HashMap;
use std::time::Instant;

const USAGE: &str =
    "usage: evaluate ner [--data DIR] [--lang ar|en|both] [--doc-sentences N] [--speed] [--errors]
                    [--write-texts FILE] [--score FILE]
  conlleval-style P/R/F1 per kind, untyped and headline (PER/LOC/ORG) on CoNLL-2003 testa and
  the held-back last 10% of ANERcorp train, through the full analyzer on rebuilt raw text;
  --speed adds whole-analysis throughput (entities on) on the raw news corpora;
  --write-texts writes the rebuilt documents as JSON lines {id, lang, text} and scores nothing;
  --score scores the entities in FILE's JSON lines {id, entities: [{start, end, kind}]}
  (UTF-16 offsets, as the CLI's --jsonl output) instead of the analyzer's";

/// Runs `evaluate ner ARGS`.
pub fn run(args: &[String]) -> Result<(), String> {
    let mut lang = "both".to_string();
    let mut doc_sentences = 20usize;
    let mut speed = false;
    let mut errors = false;
    let mut write_texts = None;
    let mut score_file = None;
    let mut flags = Flags::new(args);
    while let Some(flag) = flags.next_flag()? {
        match flag {
            "--lang" => lang = flags.value("--lang needs ar, en or both")?.to_string(),
            "--doc-sentences" => doc_sentences = flags.number(flag, true)?,
            "--speed" => speed = true,
            "--errors" => errors = true,
            "--write-texts" => write_texts = Some(flags.value("--write-texts needs a file")?),
            "--score" => score_file = Some(flags.value("--score needs a file")?),
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => return Err(format!("unknown option {other}\n{USAGE}")),
        }
    }
    let data = flags.data;
    let options = Options::default();
    let predictions = match score_file {
        Some(path) => Some(Predictions::read(path)?),
        None => None,
    };
    let mut texts = String::new();
    let mut run = |docs: &[Vec<GoldSentence>], language: &str| {
        if let Some(p) = &predictions {
            let mut n = 0;
            return Some(evaluate(docs, |text| {
                n += 1;
                p.of(&format!("{language}-{}", n - 1), text)
            }));
        }
        if write_texts.is_some() {
            for (n, d) in docs.iter().enumerate() {
                let line = serde_json::json!({
                    "id": format!("{language}-{n}"),
                    "lang": language,
                    "text": rebuild(d).text,
                });
                texts.push_str(&line.to_string());
                texts.push('\n');
            }
            return None;
        }
        if errors {
            print_errors(docs, &options);
        }
        Some(evaluate(docs, |text| {
            analyze(text, &options)
                .entities
                .into_iter()
                .filter(|e| e.kind.is_named())
                .map(|e| (e.span, e.kind))
                .collect()
        }))
    };
    if lang == "both" || lang == "en" {
        let path = data.join("conll2003/eng.testa.bio.gz");
        match read_maybe_gz(&path) {
            Ok(text) => {
                let docs = parse_bio(&text);
                let started = Instant::now();
                if let Some(score) = run(&docs, "en") {
                    println!(
                        "English — CoNLL-2003 eng.testa, {} documents ({:.2}s)",
                        docs.len(),
                        started.elapsed().as_secs_f64()
                    );
                    print!("{}", table(&score));
                }
            }
            Err(_) => println!("skipping English: {} is absent", path.display()),
        }
    }
    if lang == "both" || lang == "ar" {
        let path = data.join("anercorp/anercorp-camel-train.tsv.gz");
        match read_maybe_gz(&path) {
            Ok(text) => {
                let all: Vec<_> = parse_bio(&text).into_iter().flatten().collect();
                let cut = all.len() - all.len() / 10;
                let docs = chunk(&all[cut..], doc_sentences);
                let started = Instant::now();
                if let Some(score) = run(&docs, "ar") {
                    println!(
                        "Arabic — ANERcorp CAMeL train, held-back last {} sentences, {} documents ({:.2}s)",
                        all.len() - cut,
                        docs.len(),
                        started.elapsed().as_secs_f64()
                    );
                    print!("{}", table(&score));
                }
            }
            Err(_) => println!("skipping Arabic: {} is absent", path.display()),
        }
    }
    if let Some(path) = write_texts {
        std::fs::write(path, texts).map_err(|e| format!("cannot write {path}: {e}"))?;
        println!("wrote the rebuilt documents to {path}");
    }
    if speed {
        speed_run(&data)?;
    }
    Ok(())
}

/// Entities read from a file (`--score`), by document id: UTF-16 offsets and kind names.
struct Predictions(HashMap<String, Vec<(usize, usize, EntityKind)>>);

impl Predictions {
    /// Reads JSON lines `{id, entities: [{start, end, kind}]}`; blank lines are skipped.
    fn read(path: &str) -> Result<Predictions, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        let mut by_id = HashMap::new();
        for (n, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let bad = |what: &str| format!("{path}:{}: {what}", n + 1);
            let value: serde_json::Value =
                serde_json::from_str(line).map_err(|e| bad(&e.to_string()))?;
            let id = match value.get("id") {
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(other) => other.to_string(),
                None => return Err(bad("no \"id\"")),
            };
            let mut entities = Vec::new();
            let list = value.get("entities").and_then(|e| e.as_array());
            for e in list.into_iter().flatten() {
                let offset = |key: &str| {
                    e.get(key)
                        .and_then(serde_json::Value::as_u64)
                        .map(|v| v as usize)
                        .ok_or_else(|| bad(&format!("an entity without a numeric \"{key}\"")))
                };
                let kind: Option<EntityKind> = e
                    .get("kind")
                    .and_then(|k| serde_json::from_value(k.clone()).ok());
                if let Some(kind) = kind.filter(|k| k.is_named()) {
                    entities.push((offset("start")?, offset("end")?, kind));
                }
            }
            by_id.insert(id, entities);
        }
        Ok(Predictions(by_id))
    }

    /// The entities of document `id` as byte spans of `text`; an offset inside a character
    /// moves to the character's start.
    fn of(&self, id: &str, text: &str) -> Vec<(Span, EntityKind)> {
        let Some(list) = self.0.get(id) else {
            return Vec::new();
        };
        let bytes = utf16_to_bytes(text);
        let at = |u: usize| bytes.get(u.min(bytes.len() - 1)).copied().unwrap_or(0);
        list.iter()
            .map(|&(start, end, kind)| (Span::new(at(start), at(end)), kind))
            .collect()
    }
}

/// For each UTF-16 offset of `text` (0 ..= its UTF-16 length), the byte offset of the
/// character it falls in or before.
fn utf16_to_bytes(text: &str) -> Vec<usize> {
    let mut out = Vec::with_capacity(text.len() + 1);
    for (b, c) in text.char_indices() {
        for _ in 0..c.len_utf16() {
            out.push(b);
        }
    }
    out.push(text.len());
    out
}

/// Prints each document's missed (`-`) and spurious (`+`) entities as `kind: text`.
fn print_errors(docs: &[Vec<GoldSentence>], options: &Options) {
    use article_analyzer::entity::model_eval::{project, rebuild};
    const KINDS: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];
    for d in docs {
        let doc = rebuild(d);
        let predicted: Vec<_> = analyze(&doc.text, options)
            .entities
            .into_iter()
            .filter(|e| e.kind.is_named())
            .map(|e| (e.span, e.kind))
            .collect();
        let pred = project(&doc.spans, &predicted);
        let show = |e: &(usize, usize, usize)| {
            let (a, b) = (doc.spans[e.0].start, doc.spans[e.1 - 1].end);
            format!("{}: {}", KINDS[e.2], &doc.text[a..b])
        };
        for g in doc.entities.iter().filter(|g| !pred.contains(g)) {
            let class = if pred.iter().any(|p| (p.0, p.1) == (g.0, g.1)) {
                "type"
            } else if pred.iter().any(|p| p.0 < g.1 && g.0 < p.1) {
                "edge"
            } else {
                "miss"
            };
            println!("- {} [{class}]", show(g));
        }
        for p in pred.iter().filter(|p| !doc.entities.contains(p)) {
            println!("+ {}", show(p));
        }
    }
}

fn speed_run(data: &std::path::Path) -> Result<(), String> {
    if cfg!(debug_assertions) {
        println!("note: a debug build; use --release for meaningful figures");
    }
    for (name, rel) in [
        (
            "saudinewsnet (ar)",
            "rawtext_ar_saudinewsnet/saudinewsnet-2015-07-22.jsonl.gz",
        ),
        ("bbc (en)", "rawtext_en_bbc/bbc-news-articles.jsonl.gz"),
    ] {
        let path = data.join(rel);
        let Ok(raw) = read_maybe_gz(&path) else {
            println!("skipping {name}: {} is absent", path.display());
            continue;
        };
        let texts: Vec<String> = raw
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
            .collect();
        let bytes: usize = texts.iter().map(String::len).sum();
        let options = Options::default();
        let mut best = f64::INFINITY;
        let mut entities = 0;
        for _ in 0..3 {
            let started = Instant::now();
            entities = 0;
            for t in &texts {
                entities += analyze(t, &options).entities.len();
            }
            best = best.min(started.elapsed().as_secs_f64());
        }
        let mut named_only = f64::INFINITY;
        let mut base = f64::INFINITY;
        let pre: Vec<_> = texts
            .iter()
            .map(|t| {
                let tokens = article_analyzer::token::tokenize(t);
                let sentences = article_analyzer::sentence::sentences(t, &tokens);
                (tokens, sentences)
            })
            .collect();
        for _ in 0..3 {
            let started = Instant::now();
            for (t, (tokens, sentences)) in texts.iter().zip(&pre) {
                std::hint::black_box(article_analyzer::entity::named::recognize(
                    t,
                    tokens,
                    sentences,
                    article_analyzer::lang::Language::Unknown,
                ));
            }
            named_only = named_only.min(started.elapsed().as_secs_f64());
            let started = Instant::now();
            let mut off = Options::default();
            off.entities = false;
            for t in &texts {
                std::hint::black_box(analyze(t, &off));
            }
            base = base.min(started.elapsed().as_secs_f64());
        }
        println!(
            "{name}: named entities alone {:.1} MB/s; analysis without entities {:.1} MB/s",
            bytes as f64 / 1e6 / named_only,
            bytes as f64 / 1e6 / base
        );
        // A 5 KB article: the first text of at least 5,000 bytes, cut at a char boundary.
        let long = texts
            .iter()
            .find(|t| t.len() >= 5000)
            .cloned()
            .unwrap_or_default();
        let mut cut = 5000.min(long.len());
        while !long.is_char_boundary(cut) {
            cut -= 1;
        }
        let article = &long[..cut];
        let mut per_article = f64::INFINITY;
        for _ in 0..50 {
            let started = Instant::now();
            std::hint::black_box(analyze(article, &options));
            per_article = per_article.min(started.elapsed().as_secs_f64());
        }
        println!(
            "{name}: {} articles, {:.1} MB, {entities} entities; whole analysis {:.1} MB/s; a 5 KB article in {:.3} ms",
            texts.len(),
            bytes as f64 / 1e6,
            bytes as f64 / 1e6 / best,
            per_article * 1e3
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_map_to_byte_offsets() {
        // `é` is 2 bytes and 1 unit, `ع` 2 bytes and 1 unit, `😀` 4 bytes and 2 units.
        let text = "é ع😀x";
        let map = utf16_to_bytes(text);
        assert_eq!(map, vec![0, 2, 3, 5, 5, 9, 10]);
        let p = Predictions(HashMap::from([(
            "en-0".to_string(),
            vec![(2, 3, EntityKind::Person), (5, 6, EntityKind::Location)],
        )]));
        let spans = p.of("en-0", text);
        assert_eq!(&text[spans[0].0.start..spans[0].0.end], "ع");
        assert_eq!(&text[spans[1].0.start..spans[1].0.end], "x");
        assert!(p.of("en-1", text).is_empty());
    }
}
