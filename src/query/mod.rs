//! The query stage: requests in, ranked hits, counts and articles out.
//!
//! * [`search`] runs a [`SearchRequest`]: BM25 over title (boosted) and body,
//!   every word required unless `OR` is written, plus person, place and date
//!   filters and sorting by relevance or date.
//! * [`count_entities`] counts the articles per person or place from facets,
//!   without loading stored documents.
//! * [`get_article`] and [`stats`] read single articles and index figures.
//!
//! Returns newsdex types only; tantivy stays inside this module and `index`.

mod counts;
mod names;
mod request;
mod run;

pub use request::{DateBound, SearchRequest, Sort, parse_day_bound};
pub use run::{
    EntityCount, Hit, SearchResults, Snippet, Stats, count_entities, get_article, search, stats,
};
