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

use std::process::ExitCode;

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
