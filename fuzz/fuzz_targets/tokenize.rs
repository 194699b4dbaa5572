//! Fuzz target `tokenize`: see `check::tokenize` for the body and the invariants it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    article_analyzer_fuzz::check::tokenize(data);
});
