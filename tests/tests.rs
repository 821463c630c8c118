//! Integration tests: the real binary on temporary corpora.

#[macro_use]
mod util;

mod csv_output;
mod damaged;
mod export;
mod incremental;
mod ingest;
mod json;
mod regression;
mod search;
mod shared_data;
mod streaming;
