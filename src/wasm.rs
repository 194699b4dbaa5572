//! The one seam to JavaScript: `analyze(text, options)` returning plain objects.
//!
//! Options are parsed here into [`Options`]; a bad option throws a JS `Error` with a message
//! that names it. A Rust panic is printed to the console by `console_error_panic_hook` before
//! the wasm traps, so it is never silent.

use crate::report::Report;
use crate::{analyze as analyze_text, Options};
use serde::de::{self, Deserialize, Deserializer, Visitor};
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

/// The crate's version, for the page's footer and bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
