//! The one seam to JavaScript: `analyze(text, options)` returning plain objects.
//!
//! Options are parsed here into [`Options`]; a bad option throws a JS `Error` with a message
//! that names it. A Rust panic is printed to the console by `console_error_panic_hook` before
//! the wasm traps, so it is never silent.

use crate::report::Report;
use crate::utf16::Utf16Offsets;
use crate::{analyze as analyze_text, Options, Span};
use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use js_sys::{Array, Object, Reflect, Uint16Array, Uint32Array};

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
    // serde-wasm-bindgen reads only the fields a struct declares, so `deny_unknown_fields` never
    // fires: check the object's own keys against the declared (camelCase) names here instead.
    let known = struct_fields::<Options>();
    for key in js_sys::Object::keys(options.unchecked_ref::<js_sys::Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !known.contains(&key.as_str()) {
            return Err(JsError::new(&format!(
                "invalid options: unknown option `{key}`; expected one of: {}",
                known.join(", ")
            )));
        }
    }
    serde_wasm_bindgen::from_value(options)
        .map_err(|e| JsError::new(&format!("invalid options: {e}")))
}

/// The field names a struct's `Deserialize` declares (after renaming), read by a deserializer
/// that only records what `deserialize_struct` is asked for.
fn struct_fields<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    struct Introspect<'a>(&'a mut &'static [&'static str]);
    impl<'de> Deserializer<'de> for Introspect<'_> {
        type Error = de::value::Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("not a struct"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = fields;
            Err(de::Error::custom("fields recorded"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
            ignored_any
        }
    }
    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(Introspect(&mut fields));
    fields
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

/// Like [`analyze`], but the per-token and per-sentence lists (when the options ask for them)
/// come packed into typed arrays instead of one object per item:
///
/// ```text
/// tokens:    { packed: true, length, start: Uint32Array, end: Uint32Array,
///              kind: Uint16Array, kindNames: ["word", …], script: Uint16Array, scriptNames: […] }
/// sentences: { packed: true, length, start: Uint32Array, end: Uint32Array, words: Uint32Array }
/// ```
///
/// `kind[i]` indexes `kindNames` (names, as in `analyze`, so no integer code leaks out). Every
/// other field is exactly what `analyze` returns. Why: building one JS object per token cost
/// 3–4× the whole analysis on long texts (docs/performance-history.md); typed arrays are copied out of
/// wasm memory in one go and can be transferred from a worker without cloning.
#[wasm_bindgen(js_name = analyzePacked)]
pub fn analyze_packed(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options = parse_options(options)?;
    let analysis = analyze_text(text, &options);
    let mut rest = options.clone();
    rest.tokens = false;
    rest.sentences = false;
    let report = Report::new(text, &analysis, &rest)
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("could not convert the analysis: {e}")))?;
    let utf16 = Utf16Offsets::new(text);
    if options.tokens {
        let spans = analysis.tokens.iter().map(|t| t.span);
        let packed = pack_spans(&utf16, spans, analysis.tokens.len())?;
        set_names(&packed, "kind", analysis.tokens.iter().map(|t| t.kind))?;
        set_names(&packed, "script", analysis.tokens.iter().map(|t| t.script))?;
        set(&report, "tokens", &packed)?;
    }
    if options.sentences {
        let spans = analysis.sentences.iter().map(|s| s.span);
        let packed = pack_spans(&utf16, spans, analysis.sentences.len())?;
        // Word tokens per sentence, as `sentences[].words` in `analyze`.
        let words: Vec<u32> = analysis
            .sentences
            .iter()
            .map(|s| {
                analysis
                    .tokens
                    .get(s.first_token..s.end_token)
                    .map_or(0, |ts| {
                        ts.iter()
                            .filter(|t| t.kind == crate::token::TokenKind::Word)
                            .count() as u32
                    })
            })
            .collect();
        set(&packed, "words", &Uint32Array::from(&words[..]))?;
        set(&report, "sentences", &packed)?;
    }
    Ok(report)
}

fn set(target: &JsValue, key: &str, value: &JsValue) -> Result<(), JsError> {
    Reflect::set(target, &JsValue::from_str(key), value)
        .map(|_| ())
        .map_err(|_| JsError::new("could not convert the analysis"))
}

/// `{ packed: true, length, start, end }` with UTF-16 offsets.
fn pack_spans(
    utf16: &Utf16Offsets,
    spans: impl Iterator<Item = Span>,
    length: usize,
) -> Result<JsValue, JsError> {
    let mut start = Vec::with_capacity(length);
    let mut end = Vec::with_capacity(length);
    for span in spans {
        start.push(utf16.convert(span.start) as u32);
        end.push(utf16.convert(span.end) as u32);
    }
    let packed: JsValue = Object::new().into();
    set(&packed, "packed", &JsValue::TRUE)?;
    set(&packed, "length", &JsValue::from(length as u32))?;
    set(&packed, "start", &Uint32Array::from(&start[..]))?;
    set(&packed, "end", &Uint32Array::from(&end[..]))?;
    Ok(packed)
}

/// Adds `field` (a Uint16Array of indices) and `fieldNames` (their serialized names, in order of
/// first appearance) for a closed set such as the token kinds.
fn set_names<T: Copy + PartialEq + Serialize>(
    packed: &JsValue,
    field: &str,
    values: impl Iterator<Item = T>,
) -> Result<(), JsError> {
    let mut seen: Vec<T> = Vec::new();
    let mut indices = Vec::new();
    for value in values {
        let index = match seen.iter().position(|&v| v == value) {
            Some(i) => i,
            None => {
                seen.push(value);
                seen.len() - 1
            }
        };
        indices.push(index as u16);
    }
    let names = Array::new();
    for value in &seen {
        let name = value
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| JsError::new(&format!("could not convert the analysis: {e}")))?;
        names.push(&name);
    }
    set(packed, field, &Uint16Array::from(&indices[..]))?;
    set(packed, &format!("{field}Names"), &names)
}

/// The crate's version, for the page's footer and bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
