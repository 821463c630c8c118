//! Integration tests: the real binary on temporary corpora.

#[macro_use]
mod util;

mod analytics;
mod incremental;
mod ingest;
mod json;
mod regression;
mod search;
mod serve;
mod shared_data;
