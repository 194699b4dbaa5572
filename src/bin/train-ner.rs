//! Trains the named-entity tagger's models and writes them to `src/entity/data/ner-{ar,en}.bin`.
//!
//! ```text
//! cargo run --release --bin train-ner -- [--lang ar|en|both] [--epochs N] [--bits B] [--width 1|2]
//!     [--prune P] [--dropout PCT] [--steps vote,propagate,trim,tidy,title] [--out DIR]
//!     [--fold K] [--min-count C] [--levels L] [--eval FILE]
//! cargo run --release --bin train-ner -- --convert FILE
//! (defaults: both, 24 epochs for ar and 12 for en, 19 bits for ar and 16 for en, width 1, prune 32 for ar and 14 for en: one-byte codes below that many
//! steps of the 127-level scale are zeroed, for a smaller compressed file; min-count 2: static
//! features seen in fewer training tokens are not trained; levels 15: the codes of 99% of the
//! weights take that many steps)
//! ```
//!
//! The defaults reproduce the shipped models byte for byte with the lists as of commit
//! `c439d0a`. The Arabic model was not retrained after `curated.tsv` gained 109 Arab cities
//! (trainer dev 0.7997 → 0.8052 with them, but worse on SaudiNewsNet: see the README's "Arab
//! cities"), so with today's lists the Arabic defaults give that other model.
//!
//! Measured on dev (headline F1, gzip -9 size of the file), English: 16 bits, prune 8: 0.882,
//! 232 KB; + min-count 2: 0.883, 183 KB; prune 10: 0.883, 146 KB; + levels 63: 0.883, 127 KB;
//! levels 31: 0.882, 114 KB (shipped then); levels 15: 0.880, 104 KB; prune 12, levels 31: 0.880,
//! 106 KB; 15 bits: 0.872 (159 KB) or less; 14 bits: 0.864. Arabic (with `names.tsv`): 16 bits,
//! prune 32: 0.697, 147 KB; + min-count 2: 0.699, 119 KB; + levels 31: 0.703, 93 KB; levels 15:
//! 0.708, 84 KB; 24 epochs: best epoch 21–23, +0.5 point; 15 bits: 0.691, 95 KB; 14 bits: 0.662;
//! prune 48: 0.689; min-count 3: 0.701 (but −1.6 points on fold 4). With the cue-class
//! features: 0.716 (85 KB). These are the trainer's
//! own dev scores (`evaluate ner` goes through the whole analyzer and differs by ~±1 point).
//!
//! Sizes above are of the dense files (version 1). Since the sparse files (version 2, see
//! `entity::model`), which store only the non-zero codes, the 16-bit models are 69 KB (ar) and
//! 94 KB (en) gzipped, and more bits cost less than before, though still ~10 KB gzipped a bit.
//! Arabic with the organization list, same defaults otherwise (trainer's dev F1 / `evaluate
//! ner` dev F1 / mean over the nine folds `--fold 0..=8`, fold models trained at those bits /
//! gzip -9 size): 16 bits 0.7673 / 0.7630 / 0.7526 / 67 KB; 17 bits 0.7671 / 0.7644 / 0.7560
//! (5 of 9 folds better than 16) / 75 KB; 18 bits 0.7646 / 0.7627 / 0.7590 (6 of 9) / 94 KB;
//! 19 bits 0.7745 / 0.7719 / 0.7577 (5 of 9; fold 1 0.7409 → 0.7454, fold 4 0.6694 → 0.6635)
//! / 107 KB. With `people.tsv` and the conjunction split in the gazetteer (retrained; trainer
//! dev / fold 1 / fold 4 / size): 16 bits 0.7770 / 0.7589 / 0.6693 / 59 KB; 17 bits 0.7790 /
//! 0.7544 / 0.6743 / 77 KB (`evaluate ner` 0.7764; the shipped model 0.7705); 18 bits 0.7834,
//! 89 KB; 19 bits 0.7860, 96 KB (the 19-bit model trained before them: `evaluate ner` 0.7854);
//! 19 bits with prune 40: 0.7794, 82 KB; prune 48: 0.7774 / 0.7497 / 0.6599, 66 KB; prune 64:
//! 0.7621; levels 7: 0.7839, 97 KB; 18 bits prune 40: 0.7778, prune 48: 0.7732. None shipped then:
//! the 18- and 19-bit models put the page over its 600 KB budget (19 bits: 638,497 B, 24 KB
//! over, with the list), and what fits (17 bits; 19 bits pruned) does not gain on both folds.
//! English 17 bits: testa 0.8869 (trainer) / 0.8870 (`evaluate ner`, shipped 16 bits 0.8835,
//! before `people.tsv`), 116 KB; 18 bits: 0.8885, 129 KB; not shipped (no room in the page).
//! Shipped since (retrained with `people.tsv` and the conjunction split): Arabic 19 bits,
//! prune 32, levels 15 (96 KB; `evaluate ner` dev 0.7842 with the models' rules of then, 18 bits
//! 0.7801, 17 bits 0.7764, 16 bits 0.7751); English 16 bits at prune 14 and levels 15, which
//! pays for the Arabic model's bytes (trainer / `evaluate ner` testa and gzip -9 size: prune 10
//! levels 31 0.8841, 93 KB; prune 12 levels 31 0.8811, 88 KB; prune 10 levels 15 0.8852, 84 KB;
//! prune 12 levels 15 0.8842, 77 KB; **prune 14 levels 15 0.8847 / 0.8847, 69 KB**; prune 16
//! levels 15 0.8830 / 0.8831, 61 KB; prune 10 levels 7 0.8845 / 0.8846, 71 KB).
//! Arabic: ANERcorp (CAMeL train split) minus its last 10% of sentences, which are the dev set.
//! `--eval FILE` trains nothing: it scores the model in FILE on the dev set (or fold) with the
//! lists as they are now, to tell a list's effect on a model trained without it.
//! `--fold K` (0..=8) holds out the K-th ninth of the rest instead, to check on other sentences
//! that a change measured on dev generalizes (use it with `--out` elsewhere).
//! English: CoNLL-2003 eng.train; dev = eng.testa. After each epoch the averaged, quantized model
//! is scored on dev through the run-time path; the best epoch is written. Corpora are read from
//! `../shared/data`; when absent the command says so and writes nothing.

use article_analyzer::entity::features::word_pieces;
use article_analyzer::entity::model::{beam_width, encode, encode_levels, to_version_2, Model};
use article_analyzer::entity::model_eval::{
    chunk, evaluate, parse_bio, retokenize, table, GoldSentence, Score,
};
use article_analyzer::entity::model_train::{shuffled, Example, Trainer};
use article_analyzer::entity::named::{recognize_with, sentence_views, Steps};
use article_analyzer::lang::Language;
use article_analyzer::{sentence::sentences, token::tokenize};
use std::io::Read;
use std::process::ExitCode;
use std::time::Instant;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data");

/// Reads a gzip file as text, or `None` when it is absent.
fn read_gz(path: &str) -> Option<String> {
    let file = std::fs::File::open(path).ok()?;
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .ok()?;
    Some(text)
}

/// The Arabic train and dev sentences (dev = the last 10%, as documents of 20 sentences).
/// With `fold` k in 0..9, the k-th tenth of the training part is held out instead (a second
/// opinion on whether a change generalizes; the dev slice stays unseen either way).
pub fn arabic(fold: Option<usize>) -> Option<(Vec<GoldSentence>, Vec<Vec<GoldSentence>>)> {
    let text = read_gz(&format!("{DATA}/anercorp/anercorp-camel-train.tsv.gz"))?;
    let all: Vec<GoldSentence> = parse_bio(&text).into_iter().flatten().collect();
    let cut = all.len() - all.len() / 10;
    if let Some(k) = fold.filter(|&k| k < 9) {
        let (from, to) = (cut * k / 9, cut * (k + 1) / 9);
        let mut train = all[..from].to_vec();
        train.extend_from_slice(&all[to..cut]);
        return Some((train, chunk(&all[from..to], 20)));
    }
    Some((all[..cut].to_vec(), chunk(&all[cut..], 20)))
}

/// The English train sentences and dev documents.
pub fn english() -> Option<(Vec<GoldSentence>, Vec<Vec<GoldSentence>>)> {
    let train = read_gz(&format!("{DATA}/conll2003/eng.train.bio.gz"))?;
    let dev = read_gz(&format!("{DATA}/conll2003/eng.testa.bio.gz"))?;
    Some((
        parse_bio(&train).into_iter().flatten().collect(),
        parse_bio(&dev),
    ))
}

/// The usage line, printed by `--help` and after an unknown option.
const USAGE: &str =
    "train-ner [--lang ar|en|both] [--epochs N] [--bits B] [--width 1|2] [--prune P]
    [--dropout PCT] [--steps vote,propagate,trim,tidy,title] [--out DIR] [--fold K]
    [--min-count C] [--levels L] [--eval FILE] [--stats] [--verbose]
train-ner --convert FILE
Trains both models on ../shared/data and writes src/entity/data/ner-{ar,en}.bin (or --out DIR);
the defaults reproduce the shipped models (the Arabic one with the lists as of c439d0a: see the
module documentation). --convert rewrites a model file of one-byte codes in the sparse format
(version 2) without training. See the module documentation for each option.";

/// Options that take a value, and switches.
const VALUED: [&str; 13] = [
    "--lang",
    "--epochs",
    "--bits",
    "--width",
    "--prune",
    "--dropout",
    "--steps",
    "--out",
    "--fold",
    "--min-count",
    "--levels",
    "--eval",
    "--convert",
];
const SWITCHES: [&str; 2] = ["--stats", "--verbose"];

/// `Err` with a message for `--help` or an argument this command does not know: training
/// runs for minutes and overwrites the shipped models, so nothing it was not asked for starts.
fn check_args(args: &[String]) -> Result<(), String> {
    let mut i = 0;
    while let Some(arg) = args.get(i) {
        if arg == "--help" || arg == "-h" {
            return Err(String::new());
        }
        if VALUED.contains(&arg.as_str()) {
            if args.get(i + 1).is_none() {
                return Err(format!("{arg} needs a value"));
            }
            i += 2;
        } else if SWITCHES.contains(&arg.as_str()) {
            i += 1;
        } else {
            return Err(format!("unknown argument {arg:?}"));
        }
    }
    Ok(())
}

/// Scores `model` for `language` on `dev` through the run-time path (the other language's
/// model blank), as `evaluate ner` would.
fn score_on_dev(
    model: Model,
    blank: &Model,
    language: Language,
    dev: &[Vec<GoldSentence>],
    steps: Steps,
) -> Score {
    let (ar, en) = if language == Language::Arabic {
        (model, blank.clone())
    } else {
        (blank.clone(), model)
    };
    evaluate(dev, |text| {
        let tokens = tokenize(text);
        let sents = sentences(text, &tokens);
        recognize_with(&ar, &en, text, &tokens, &sents, language, steps)
            .into_iter()
            .map(|e| (e.span, e.kind))
            .collect()
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Err(message) = check_args(&args) {
        if message.is_empty() {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        eprintln!("train-ner: {message}\n{USAGE}");
        return ExitCode::from(2);
    }
    let get = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    if let Some(path) = get("--convert") {
        let converted = std::fs::read(&path)
            .ok()
            .and_then(|b| to_version_2(&b).ok());
        let Some(bytes) = converted else {
            eprintln!("train-ner: cannot read a model of one-byte codes from {path}");
            return ExitCode::FAILURE;
        };
        if let Err(e) = std::fs::write(&path, &bytes) {
            eprintln!("train-ner: cannot write {path}: {e}");
            return ExitCode::FAILURE;
        }
        println!(
            "train-ner: rewrote {path} in version 2 ({} bytes)",
            bytes.len()
        );
        return ExitCode::SUCCESS;
    }
    let lang = get("--lang").unwrap_or_else(|| "both".into());
    let epochs_arg: Option<usize> = get("--epochs").and_then(|s| s.parse().ok());
    let bits_arg: Option<u32> = get("--bits").and_then(|s| s.parse().ok());
    let width: usize = get("--width").and_then(|s| s.parse().ok()).unwrap_or(1);
    let prune_arg: Option<i32> = get("--prune").and_then(|s| s.parse().ok());
    let out = get("--out")
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/src/entity/data").into());
    for (code, language) in [("ar", Language::Arabic), ("en", Language::English)] {
        if lang != "both" && lang != code {
            continue;
        }
        let data = if language == Language::Arabic {
            arabic(get("--fold").and_then(|s| s.parse().ok()))
        } else {
            english()
        };
        let Some((train, dev)) = data else {
            println!("train-ner: {code}: corpus not found under {DATA}; skipped");
            continue;
        };
        let steps_arg =
            get("--steps").unwrap_or_else(|| "vote,propagate,trim,people,tidy,title".into());
        let steps = Steps {
            vote: steps_arg.contains("vote"),
            propagate: steps_arg.contains("propagate"),
            trim_clitics: steps_arg.contains("trim"),
            gazetteer_wins: steps_arg.contains("gazetteer"),
            gazetteer_single: steps_arg.contains("single"),
            people: steps_arg.contains("people"),
            tidy: steps_arg.contains("tidy"),
            title_case: steps_arg.contains("title"),
        };
        // Measured on dev: the beam-trained Arabic model still gains up to epoch ~14.
        let epochs = epochs_arg.unwrap_or(if language == Language::Arabic { 24 } else { 12 });
        let started = Instant::now();
        let examples: Vec<Example> = train
            .iter()
            .map(|s| {
                let (words, tags) = retokenize(s);
                let refs: Vec<&str> = words.iter().map(String::as_str).collect();
                Example {
                    views: sentence_views(&refs),
                    pieces: word_pieces(&refs),
                    tags,
                }
            })
            .collect();
        println!(
            "{code}: {} training sentences, {} dev documents; features in {:.1}s",
            examples.len(),
            dev.len(),
            started.elapsed().as_secs_f64()
        );
        let empty = encode(8, 1, &vec![0.0; 256 * 9]);
        let blank = Model::from_bytes(&empty).expect("blank model");
        // Measured on dev: pruning codes below 16 steps costs Arabic nothing measurable and
        // English ~0.6 F1 point, below 8 steps costs English nothing; the files shrink ~40%/20%.
        // The beam-trained Arabic model with its extra features: below 32 steps costs nothing
        // measurable (dev 0.699 vs 0.700) and keeps it at 163 KB gzipped.
        let prune = prune_arg.unwrap_or(if language == Language::Arabic { 32 } else { 14 });
        let levels: i32 = get("--levels").and_then(|s| s.parse().ok()).unwrap_or(15);
        if let Some(path) = get("--eval") {
            let Some(model) = std::fs::read(&path)
                .ok()
                .and_then(|b| Model::from_bytes(&b).ok())
            else {
                eprintln!("train-ner: cannot read a model from {path}");
                return ExitCode::FAILURE;
            };
            let score = score_on_dev(model, &blank, language, &dev, steps);
            println!("{code}: {path}: dev headline F1 {:.4}", score.headline.f1());
            print!("{}", table(&score));
            continue;
        }
        let bits = bits_arg.unwrap_or(if language == Language::Arabic { 19 } else { 16 });
        let mut trainer = Trainer::new(bits, language);
        // The trainer searches with the decoder's beam (early update), so its scores are the
        // ones the beam sums at run time.
        trainer.beam = beam_width(language);
        trainer.keep_frequent(
            &examples,
            get("--min-count").and_then(|s| s.parse().ok()).unwrap_or(2),
        );
        trainer.dropout = get("--dropout").and_then(|s| s.parse().ok()).unwrap_or(0);
        let mut best: Option<(f64, usize, Vec<u8>)> = None;
        for epoch in 1..=epochs {
            let errors = trainer.epoch(&examples, &shuffled(examples.len(), epoch as u64));
            let averaged = trainer.averaged();
            if args.iter().any(|a| a == "--stats") {
                let mut a: Vec<f32> = averaged
                    .iter()
                    .map(|w| w.abs())
                    .filter(|&w| w > 0.0)
                    .collect();
                a.sort_by(f32::total_cmp);
                let q = |f: f64| {
                    a.get(((a.len() as f64 - 1.0) * f) as usize)
                        .copied()
                        .unwrap_or(0.0)
                };
                println!("nonzero {} of {}; |w| quantiles 1% {:.5} 10% {:.5} 50% {:.5} 90% {:.4} 99% {:.3} 99.9% {:.3} max {:.2}",
                    a.len(), averaged.len(), q(0.01), q(0.1), q(0.5), q(0.9), q(0.99), q(0.999), q(1.0));
            }
            let bytes = encode_levels(bits, width, &averaged, prune, levels);
            let model = Model::from_bytes(&bytes).expect("model we just encoded");
            let score = score_on_dev(model, &blank, language, &dev, steps);
            let f1 = score.headline.f1();
            println!(
                "{code} epoch {epoch}: {errors} token errors; dev headline F1 {f1:.4} (all {:.4}) [{:.0}s]",
                score.all.f1(),
                started.elapsed().as_secs_f64()
            );
            if best.as_ref().is_none_or(|b| f1 > b.0) {
                if epoch == epochs || args.iter().any(|a| a == "--verbose") {
                    print!("{}", table(&score));
                }
                best = Some((f1, epoch, bytes));
            }
        }
        if let Some((f1, epoch, bytes)) = best {
            let path = format!("{out}/ner-{code}.bin");
            if let Err(e) = std::fs::write(&path, &bytes) {
                eprintln!("train-ner: cannot write {path}: {e}");
                return ExitCode::FAILURE;
            }
            println!(
                "{code}: wrote {path} ({} bytes) from epoch {epoch}, dev headline F1 {f1:.4}",
                bytes.len()
            );
        }
    }
    ExitCode::SUCCESS
}
