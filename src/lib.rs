//! newsdex: a search engine for news archives, built on tantivy.
//!
//! The library is organised as one-way stages:
//! walk -> parse -> extract -> index -> query -> output.
//!
//! * [`dates`] reads publication dates; parse and extract both use it.
//! * [`walk`] finds the files under the paths given and detects their format.
//! * [`parse`] turns the bytes of one file into raw articles (title, body,
//!   metadata) without touching the file system.
//! * [`extract`] resolves dates and finds people and places, turning raw
//!   articles into [`model::Article`]s.
//! * [`index`] owns the tantivy schema and writes articles.
//! * [`query`] turns a [`query::SearchRequest`] into ranked hits.
//! * [`output`] renders hits and reports for people and for programs.
//! * [`ingest`] is the pipeline that wires walk, parse, extract and index
//!   together, in parallel and incrementally.
//!
//! Nothing in the library prints or exits the process: the binary does.
//!
//! ```
//! use newsdex::parse::{parse_bytes, SourceFormat};
//!
//! let text = b"Summit ends\n\nLeaders met in Geneva on Monday.\n";
//! let parsed = parse_bytes(text, SourceFormat::Text, &Default::default()).unwrap();
//! assert_eq!(parsed.articles[0].title, "Summit ends");
//! ```
#![warn(missing_docs)]

mod data;
pub mod dates;
pub mod error;
pub mod extract;
pub mod index;
pub mod ingest;
pub mod model;
pub mod output;
pub mod parse;
pub mod query;
pub mod walk;

pub use error::{Error, Result};

/// The version of the embedded entity model (`models/tagger.bin.gz`), as a
/// literal for `concat!`; retraining the model means updating it (a test
/// compares it with the version written in the model).
#[macro_export]
macro_rules! model_version {
    () => {
        "newsdex-tagger ap-bio-v2 epoch6 bits19"
    };
}
