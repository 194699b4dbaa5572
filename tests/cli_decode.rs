//! The CLI reads files in UTF-8 (with or without BOM), UTF-16 with a BOM, windows-1256 and
//! ISO-8859-6, and refuses binary data with a clear message and exit code 2.
#![cfg(not(target_arch = "wasm32"))]

use std::process::{Command, Output};

const ARABIC: &str = "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية. \
    وقال وزير الزراعة إن الخطة ستبدأ الشهر المقبل.";

fn run_on(name: &str, bytes: &[u8]) -> Output {
    let dir = std::env::temp_dir().join(format!("article-analyzer-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_article-analyzer"))
        .arg("analyze")
        .arg(&path)
        .output()
        .unwrap();
    std::fs::remove_file(&path).unwrap();
    out
}

fn words(out: &Output) -> u64 {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["statistics"]["words"].as_u64().unwrap()
}

#[test]
fn every_text_encoding_gives_the_same_analysis() {
    let expected = words(&run_on("utf8.txt", ARABIC.as_bytes()));
    assert_eq!(expected, 19);
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(ARABIC.as_bytes());
    assert_eq!(words(&run_on("bom.txt", &bom)), expected);
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for unit in ARABIC.encode_utf16() {
        le.extend_from_slice(&unit.to_le_bytes());
        be.extend_from_slice(&unit.to_be_bytes());
    }
    assert_eq!(words(&run_on("le.txt", &le)), expected);
    assert_eq!(words(&run_on("be.txt", &be)), expected);
    let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode(ARABIC);
    let out = run_on("cp1256.txt", &cp1256);
    assert_eq!(words(&out), expected);
    assert!(String::from_utf8_lossy(&out.stderr).contains("windows-1256"));
    // ISO-8859-6 lacks some hamza forms; a sentence with only its letters.
    let iso_text = "قال وزير الزراعة ان الخطة الجديدة ستبدأ الشهر المقبل في المناطق الريفية.";
    let (iso, _, unmappable) = encoding_rs::ISO_8859_6.encode(iso_text);
    assert!(!unmappable);
    let out = run_on("iso.txt", &iso);
    assert_eq!(words(&out), 12);
    assert!(String::from_utf8_lossy(&out.stderr).contains("ISO-8859-6"));
}

#[test]
fn binary_files_are_refused_with_exit_code_2() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0";
    let out = run_on("image.png", png);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("binary data, not text"), "{err}");
    assert!(out.stdout.is_empty());
    let controls: Vec<u8> = (1u8..32).cycle().take(300).collect();
    assert_eq!(run_on("controls.bin", &controls).status.code(), Some(2));
}
