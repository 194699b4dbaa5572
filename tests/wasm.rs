//! The JS seam, tested in headless Chromium with `wasm-bindgen-test`: the analysis as JavaScript
//! sees it. Offsets are checked from JS's side by slicing a JS string with them.
#![cfg(target_arch = "wasm32")]

use article_analyzer::wasm::{analyze, analyze_packed};
use js_sys::{Array, JsString, Object, Reflect, Uint16Array, Uint32Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("property exists")
}

fn number(value: &JsValue, key: &str) -> u32 {
    get(value, key).as_f64().expect("a number") as u32
}

/// Every token, sliced by JavaScript with the offsets the analysis returned.
fn token_texts(text: &str) -> Vec<String> {
    let result = analyze(text, JsValue::UNDEFINED).expect("analysis");
    let js_text = JsString::from(text);
    let tokens: Array = get(&result, "tokens").dyn_into().expect("an array");
    tokens
        .iter()
        .map(|t| String::from(js_text.slice(number(&t, "start"), number(&t, "end"))))
        .collect()
}

#[wasm_bindgen_test]
fn arabic_with_diacritics_slices_exactly_in_js() {
    let text = "قَالَ مُحَمَّدٌ: الكِتَابُ جَمِيلٌ.";
    assert_eq!(
        token_texts(text),
        ["قَالَ", "مُحَمَّدٌ", ":", "الكِتَابُ", "جَمِيلٌ", "."]
    );
}

#[wasm_bindgen_test]
fn emoji_take_two_code_units_and_offsets_follow() {
    let text = "Launch 🚀 delayed 😞 again";
    let texts = token_texts(text);
    assert!(texts.contains(&"🚀".to_string()), "{texts:?}");
    assert_eq!(texts.last().map(String::as_str), Some("again"));
    let result = analyze(text, JsValue::UNDEFINED).unwrap();
    let tokens: Array = get(&result, "tokens").dyn_into().unwrap();
    let last = tokens.get(tokens.length() - 1);
    // "again" ends at the end of the JS string: 26 code units for 24 characters.
    assert_eq!(number(&last, "end"), JsString::from(text).length());
    assert_eq!(number(&last, "end"), 26);
}

#[wasm_bindgen_test]
fn mixed_arabic_english_and_indic_digits() {
    let text = "ارتفع المؤشر ٤٢٣٠ نقطة and the index rose 1.5% 🇦🇪.";
    let texts = token_texts(text);
    assert_eq!(texts.first().map(String::as_str), Some("ارتفع"));
    assert!(texts.iter().any(|t| t == "٤٢٣٠"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "index"), "{texts:?}");
    let result = analyze(text, JsValue::UNDEFINED).unwrap();
    let stats = get(&result, "statistics");
    assert_eq!(number(&stats, "sentences"), 1);
}

#[wasm_bindgen_test]
fn results_are_plain_objects_not_maps() {
    let result = analyze("Hello world.", JsValue::UNDEFINED).unwrap();
    assert!(result.is_object());
    assert!(!result.is_instance_of::<js_sys::Map>());
    assert!(!get(&result, "statistics").is_instance_of::<js_sys::Map>());
    let proto = Object::get_prototype_of(&result);
    assert_eq!(proto, Object::get_prototype_of(&Object::new().into()));
}

#[wasm_bindgen_test]
fn a_bad_option_throws_an_error_naming_it() {
    let options = Object::new();
    Reflect::set(&options, &"tokenz".into(), &JsValue::TRUE).unwrap();
    let error = match analyze("text", options.into()) {
        Ok(_) => panic!("an unknown option must be refused"),
        Err(e) => JsValue::from(e),
    };
    let error: js_sys::Error = error.dyn_into().expect("a JS Error");
    let message = String::from(error.message());
    assert!(message.contains("tokenz"), "{message}");
    assert!(message.starts_with("invalid options"), "{message}");

    let error = match analyze("text", JsValue::from_str("fast")) {
        Ok(_) => panic!("a string is not an options object"),
        Err(e) => JsValue::from(e),
    };
    let message = String::from(error.dyn_into::<js_sys::Error>().unwrap().message());
    assert!(message.contains("expected an object"), "{message}");
}

#[wasm_bindgen_test]
fn lean_options_leave_out_the_token_list() {
    let options = Object::new();
    Reflect::set(&options, &"tokens".into(), &JsValue::FALSE).unwrap();
    let result = analyze("One two three.", options.into()).unwrap();
    let tokens: Array = get(&result, "tokens").dyn_into().unwrap();
    assert_eq!(tokens.length(), 0);
    assert_eq!(number(&get(&result, "statistics"), "words"), 3);
}

#[wasm_bindgen_test]
fn packed_lists_hold_exactly_what_the_object_lists_hold() {
    let text = "قَالَ مُحَمَّدٌ: «نعم». Launch 🚀 delayed 😞 again, 1.5% up!";
    let objects = analyze(text, JsValue::UNDEFINED).unwrap();
    let packed = analyze_packed(text, JsValue::UNDEFINED).unwrap();
    for list in ["tokens", "sentences"] {
        let items: Array = get(&objects, list).dyn_into().unwrap();
        let lists = get(&packed, list);
        assert_eq!(get(&lists, "packed"), JsValue::TRUE);
        assert_eq!(number(&lists, "length"), items.length());
        let start: Uint32Array = get(&lists, "start").dyn_into().unwrap();
        let end: Uint32Array = get(&lists, "end").dyn_into().unwrap();
        for (i, item) in items.iter().enumerate() {
            let i = i as u32;
            assert_eq!(
                start.get_index(i),
                number(&item, "start"),
                "{list}[{i}].start"
            );
            assert_eq!(end.get_index(i), number(&item, "end"), "{list}[{i}].end");
            if list == "sentences" {
                let words: Uint32Array = get(&lists, "words").dyn_into().unwrap();
                assert_eq!(
                    words.get_index(i),
                    number(&item, "words"),
                    "sentences[{i}].words"
                );
            }
            if list == "tokens" {
                for field in ["kind", "script"] {
                    let codes: Uint16Array = get(&lists, field).dyn_into().unwrap();
                    let names: Array = get(&lists, &format!("{field}Names")).dyn_into().unwrap();
                    assert_eq!(names.get(u32::from(codes.get_index(i))), get(&item, field));
                }
            }
        }
    }
    let stats = |r: &JsValue| js_sys::JSON::stringify(&get(r, "statistics")).unwrap();
    assert_eq!(stats(&packed), stats(&objects));
}
