//! Integration tests: the real binary on temporary corpora.

#[macro_use]
mod util;

mod analytics;
mod csv_output;
mod damaged;
mod export;
mod fuzz_replay;
mod incremental;
mod ingest;
mod json;
mod moving;
mod people;
mod regression;
mod search;
#[cfg(feature = "server")]
mod serve;
mod shared_data;
mod streaming;
