//! `evaluate`: scores the analyzer against the evaluation corpora in `/work/shared/data`.
//!
//! ```text
//! evaluate ud [--flat] [--errors N] [FILE ...]   sentence and token F1 on UD English dev files
//! evaluate ner [--lang ar|en|both] [--speed]          named-entity P/R/F1 (CoNLL testa, ANERcorp held back)
//! evaluate speed [--repeat N]                    stage and whole-analysis throughput on raw news text
//! ```
//!
//! Each subcommand skips, with a message, any corpus that is absent. Run it in release mode:
//! `cargo run --release --bin evaluate -- ud`.

mod ner;
mod score;
mod speed;
mod ud;

use std::path::PathBuf;
use std::process::ExitCode;

/// A subcommand's arguments, read one flag at a time; `--data DIR` (the corpora folder, by
/// default `../shared/data` beside the crate) is taken here for every subcommand.
pub struct Flags<'a> {
    args: &'a [String],
    at: usize,
    /// The folder of the evaluation corpora.
    pub data: PathBuf,
}

impl<'a> Flags<'a> {
    /// Reads `args` from the first.
    pub fn new(args: &'a [String]) -> Flags<'a> {
        Flags {
            args,
            at: 0,
            data: PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data")),
        }
    }

    /// The next argument that is not `--data DIR`, or `None` at the end.
    pub fn next_flag(&mut self) -> Result<Option<&'a str>, String> {
        while let Some(arg) = self.args.get(self.at) {
            self.at += 1;
            if arg != "--data" {
                return Ok(Some(arg));
            }
            self.data = PathBuf::from(self.value("--data needs a directory")?);
        }
        Ok(None)
    }

    /// The value after the current flag, or `missing` as the error.
    pub fn value(&mut self, missing: &str) -> Result<&'a str, String> {
        let value = self.args.get(self.at).ok_or(missing)?;
        self.at += 1;
        Ok(value)
    }

    /// The value after the current flag as a number; `positive` refuses zero.
    pub fn number(&mut self, flag: &str, positive: bool) -> Result<usize, String> {
        let what = if positive {
            "a positive number"
        } else {
            "a number"
        };
        let n = self
            .args
            .get(self.at)
            .and_then(|n| n.parse().ok())
            .filter(|&n| n > 0 || !positive)
            .ok_or(format!("{flag} needs {what}"))?;
        self.at += 1;
        Ok(n)
    }
}

const USAGE: &str = "usage: evaluate <subcommand> [options]
  ud      sentence and token F1 on the UD English dev files (evaluate ud --help)
  ner     named-entity P/R/F1 through the full analyzer (evaluate ner --help)
  speed   stage and whole-analysis throughput on the raw news corpora (evaluate speed --help)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("ud") => ud::run(&args[1..]),
        Some("ner") => ner::run(&args[1..]),
        Some("speed") => speed::run(&args[1..]),
        Some("-h" | "--help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("evaluate: {message}");
            ExitCode::from(2)
        }
    }
}
