//! # article-analyzer
//!
//! Analyzes news articles — tokens, sentences, word frequency, entities and statistics — in
//! plain Rust that compiles to WebAssembly for the browser. Arabic is first-class.
//!
//! The core is pure: `&str` in, data out, no I/O. Spans are **bytes** inside Rust; the
//! [`report`] converts them to UTF-16 code units once, for JavaScript and the CLI's JSON. The
//! module `wasm` (only built for `wasm32`) is the one seam to JavaScript.
//!
//! ```
//! use article_analyzer::{report::report, Options};
//! let r = report("وقال علي: «نعم». 😀", &Options::default());
//! assert_eq!(r.statistics.sentences, 2);
//! // UTF-16 offsets: the emoji starts at code unit 17 and is 2 units long.
//! let emoji = r.tokens.last().unwrap();
//! assert_eq!((emoji.start, emoji.end), (17, 19));
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod analyze;
#[cfg(not(target_arch = "wasm32"))]
pub mod decode;
mod eight_bytes;
pub mod entity;
pub mod frequency;
pub mod intern;
pub mod keywords;
pub mod lang;
pub mod lexicon;
pub mod normalize;
pub mod paragraph;
pub mod report;
pub mod sentence;
pub mod span;
pub mod stats;
pub mod summary;
pub mod token;
pub mod utf16;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use analyze::{analyze, Analysis, Options, Statistics};
pub use span::Span;
