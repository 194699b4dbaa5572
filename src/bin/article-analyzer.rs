//! The command-line analyzer: the same JSON as the JS API, for scripts and evaluation.
//!
//! ```text
//! article-analyzer analyze FILE [--options JSON]     one analysis as JSON (FILE in UTF-8, UTF-16
//!                                                    with BOM, windows-1256, ISO-8859-6, ...)
//! article-analyzer analyze - [--options JSON]        the same, reading stdin
//! article-analyzer --jsonl [--options JSON]          JSON Lines {"id", "text"} in, one analysis per line out
//! ```

use article_analyzer::report::Report;
use article_analyzer::Options;
use serde_json::Value;
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage:
  article-analyzer analyze FILE [--options JSON]   print the analysis of FILE (- for stdin) as JSON
  article-analyzer --jsonl [--options JSON]        read JSON Lines {\"id\": ..., \"text\": ...} on stdin,
                                                   write one analysis per line, in order, echoing id
positions are UTF-16 code units, as in the JS API";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("article-analyzer: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let mut options = Options::default();
    let mut rest = Vec::new();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--options" => {
                let raw = args.get(i + 1).ok_or("--options needs a JSON object")?;
                options = serde_json::from_str(raw).map_err(|e| format!("invalid options: {e}"))?;
                i += 2;
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            _ => {
                rest.push(args[i].as_str());
                i += 1;
            }
        }
    }
    match rest.as_slice() {
        ["analyze", path] => analyze_file(path, &options),
        ["--jsonl"] => analyze_jsonl(&options),
        _ => Err(format!("unexpected arguments\n{USAGE}")),
    }
}

fn analyze_file(path: &str, options: &Options) -> Result<(), String> {
    let mut bytes = Vec::new();
    if path == "-" {
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("reading stdin: {e}"))?;
    } else {
        bytes = std::fs::read(path).map_err(|e| format!("reading {path}: {e}"))?;
    }
    let text = decode_text(path, bytes)?;
    let out = io::stdout();
    let mut out = BufWriter::new(out.lock());
    // The report borrows the analysis's token keys (no allocation per token).
    let analysis = article_analyzer::analyze(&text, options);
    let report = Report::new(&text, &analysis, options);
    serde_json::to_writer(&mut out, &report).map_err(|e| e.to_string())?;
    writeln!(out).map_err(|e| e.to_string())?;
    out.flush().map_err(|e| e.to_string())
}

/// Text from a file's bytes: UTF-8, UTF-16 with a byte-order mark, or a guessed legacy encoding
/// (windows-1256, ISO-8859-6, ...); binary data is an error. See `article_analyzer::decode`.
#[cfg(not(target_arch = "wasm32"))]
fn decode_text(path: &str, bytes: Vec<u8>) -> Result<String, String> {
    let decoded = article_analyzer::decode::decode(&bytes).map_err(|e| format!("{path}: {e}"))?;
    if decoded.encoding != "UTF-8" || decoded.malformed {
        let malformed = if decoded.malformed {
            " (malformed bytes replaced by U+FFFD)"
        } else {
            ""
        };
        eprintln!(
            "article-analyzer: note: {path} decoded as {}{malformed}",
            decoded.encoding
        );
    }
    Ok(decoded.text)
}

/// The wasm build of this binary (only built for the wasm test target) reads UTF-8 only.
#[cfg(target_arch = "wasm32")]
fn decode_text(path: &str, bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| format!("{path} is not UTF-8 text: {e}"))
}

/// One line of `--jsonl` output: the record's `id` (when it has one), then the report's fields.
#[derive(serde::Serialize)]
struct Line<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a Value>,
    #[serde(flatten)]
    report: Report<'a>,
}

fn analyze_jsonl(options: &Options) -> Result<(), String> {
    let stdin = io::stdin();
    let out = io::stdout();
    let mut out = BufWriter::new(out.lock());
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = line.map_err(|e| format!("line {}: {e}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let record: Value =
            serde_json::from_str(&line).map_err(|e| format!("line {}: {e}", n + 1))?;
        let text = record
            .get("text")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("line {}: expected an object with a string \"text\"", n + 1))?;
        // Written straight from the report, as `analyze FILE` does: going through a
        // `serde_json::Value` (to add the id) built and sorted a map per object, a tenth of
        // the time per article.
        let analysis = article_analyzer::analyze(text, options);
        let line = Line {
            id: record.get("id"),
            report: Report::new(text, &analysis, options),
        };
        serde_json::to_writer(&mut out, &line).map_err(|e| e.to_string())?;
        writeln!(out).map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())?;
    Ok(())
}
