//! `--jsonl`: one analysis per input line, in order, with the line's `id` first (when it has
//! one) and then exactly what `analyze FILE` prints for the same text, in the same order.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_article-analyzer");

fn seed(name: &str) -> String {
    std::fs::read_to_string(format!("{}/seeds/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The CLI's standard output for `args`, given `input` on its standard input.
fn run(args: &[&str], input: &str) -> String {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

fn jsonl(input: &str, options: &str) -> Vec<String> {
    run(&["--jsonl", "--options", options], input)
        .lines()
        .map(str::to_string)
        .collect()
}

fn analyze_file(text: &str, options: &str) -> String {
    run(&["analyze", "-", "--options", options], text)
        .trim_end()
        .to_string()
}

#[test]
fn each_line_is_the_id_then_the_analysis_of_its_text() {
    let texts = [
        seed("ar-amazon-protest.txt"),
        seed("en-harbour-bridge.txt"),
        seed("mixed-ar-en-markets.txt"),
        String::new(),
    ];
    let ids = [r#""ar-1""#, "2", "null", r#"{"batch":[1,2]}"#];
    let mut input = String::new();
    for (text, id) in texts.iter().zip(ids) {
        let text = serde_json::to_string(text).unwrap();
        input.push_str(&format!("{{\"id\": {id}, \"text\": {text}}}\n"));
    }
    // A blank line is skipped; a record without an id gets none.
    input.push_str("\n{\"text\": \"Apple said on Tuesday.\"}\n");
    for options in ["{}", r#"{"tokens":false,"sentences":false}"#] {
        let lines = jsonl(&input, options);
        assert_eq!(lines.len(), 5, "{lines:?}");
        for ((line, text), id) in lines.iter().zip(&texts).zip(ids) {
            let id = serde_json::to_string(&serde_json::from_str::<serde_json::Value>(id).unwrap())
                .unwrap();
            let expected = analyze_file(text, options);
            // `{"id":…,` + the fields of `analyze FILE`, byte for byte.
            assert_eq!(
                line,
                &format!("{{\"id\":{id},{}", &expected[1..]),
                "options {options}"
            );
        }
        let last = &lines[4];
        assert_eq!(
            last,
            &analyze_file("Apple said on Tuesday.", options),
            "no id, no id field"
        );
    }
}
