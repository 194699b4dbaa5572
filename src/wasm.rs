//! The one seam to JavaScript: `analyze(text, options)` returning plain objects.
//!
//! Options are parsed here into [`Options`]; a bad option throws a JS `Error` with a message
//! that names it. A Rust panic is printed to the console by `console_error_panic_hook` before
//! the wasm traps, so it is never silent.

use crate::report::Report;
use crate::{analyze as analyze_text, Options};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// Parses the JS options object (`undefined` and `null` mean defaults).
fn parse_options(options: JsValue) -> Result<Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    if !options.is_object() {
        return Err(JsError::new(
            "invalid options: expected an object such as { tokens: false }",
        ));
    }
    serde_wasm_bindgen::from_value(options)
        .map_err(|e| JsError::new(&format!("invalid options: {e}")))
}

/// Analyzes `text` and returns the report: plain objects, positions in UTF-16 code units.
#[wasm_bindgen]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options = parse_options(options)?;
    let analysis = analyze_text(text, &options);
    let report = Report::new(text, &analysis, &options);
    report
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("could not convert the analysis: {e}")))
}

/// The crate's version, for the page's footer and bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
