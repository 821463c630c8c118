//! newsdex: a search engine for news archives, built on tantivy.
//!
//! The library is organised as one-way stages:
//! walk -> parse -> extract -> index -> query -> output.
//! A stage may use `model`, `error`, `dates` and `ascii` (the base layers)
//! and the output types of earlier stages, never a later stage.
//!
//! * [`walk()`] finds the files under the paths given, detects their format
//!   and reads their bytes ([`SourceFile::read`]).
//! * [`parse`] turns the bytes of one file into raw articles (title, body,
//!   metadata) without touching the file system.
//! * [`extract`] resolves dates and finds people and places, turning raw
//!   articles into [`Article`]s.
//! * [`NewsIndex`] owns the tantivy index; [`ingest()`] is the pipeline that
//!   wires walk, parse, extract and index together, in parallel and
//!   incrementally.
//! * [`search()`], [`count_entities`], [`get_article`] and [`stats()`] answer
//!   a [`SearchRequest`] or read the index; [`timeline()`] and [`related()`]
//!   count articles per period and the companions of a person or place, and
//!   [`explore()`] does a search with both kinds of counts at once.
//! * [`output`] renders hits and reports for people and for programs.
//! * `serve` (feature `server`, on by default) answers the same queries
//!   over HTTP, as JSON and as a search page, for `newsdex serve`.
//!
//! Nothing in the library prints or exits the process: the binary does.
//!
//! ```
//! use newsdex::SourceFormat;
//! use newsdex::parse::parse_bytes;
//!
//! let text = b"Summit ends\n\nLeaders met in Geneva on Monday.\n";
//! let parsed = parse_bytes(text, SourceFormat::Text, &Default::default()).unwrap();
//! assert_eq!(parsed.articles[0].title, "Summit ends");
//! ```
#![warn(missing_docs)]

mod ascii;
mod data;
mod dates;
mod error;
pub mod extract;
#[doc(hidden)]
pub mod fuzzing;
mod index;
mod ingest;
mod model;
pub mod output;
pub mod parse;
mod query;
#[cfg(feature = "server")]
pub mod serve;
mod walk;

pub use error::{Error, Result};
pub use index::{IndexCheck, Indexer, NewsIndex};
pub use ingest::{IngestOptions, Progress, ingest};
pub use model::{
    Article, ArticleId, DateCounts, Dateline, EntityKind, IngestReport, Mention, RawArticle,
    Skipped, SourceFormat,
};
pub use query::{
    Articles, Companion, Companions, DateBound, EntityCount, Exploration, Hit, Interval,
    MAX_BUCKETS, Overview, PersonForms, Related, RelatedOptions, SearchRequest, SearchResults,
    Snippet, Sort, Stats, Timeline, TimelineBucket, articles, count_entities, explore, get_article,
    parse_day_bound, person_forms, related, search, search_named, stats, timeline,
};
pub use walk::{SourceFile, Walk, WalkError, walk};

/// Lab code (feature `lab`): benchmark baselines (the same queries run by
/// tantivy alone, for `examples/search_cost.rs`) and the one tuning/checking
/// split of the development sets ([`lab::split`]).
#[cfg(feature = "lab")]
pub mod lab {
    pub use crate::index::PlaceEvidence;
    pub use crate::query::lab::{Baseline, bare_search, name_counts, place_evidence};
    pub mod split;
}

/// The version of the embedded entity model (`models/tagger.bin.gz`), as a
/// literal for `concat!`; retraining the model means updating it (a test
/// compares it with the version written in the model).
#[macro_export]
macro_rules! model_version {
    () => {
        "newsdex-tagger ap-bio-v2 epoch6 bits19"
    };
}
