//! The query stage: requests in, ranked hits, counts and articles out.
//!
//! * [`search`] runs a [`SearchRequest`]: BM25 over title (boosted) and body,
//!   every word required unless `OR` is written, plus person, place and date
//!   filters and sorting by relevance or date.
//! * [`count_entities`] counts the articles per person or place from facets,
//!   without loading stored documents.
//! * [`get_article`] and [`stats`] read single articles and index figures;
//!   [`articles`] reads every article a request matches (for `export`).
//! * [`timeline`] counts the matches of a request per day, week, month or
//!   year; [`related`] ranks the people and places that appear with one;
//!   [`explore`] runs a search and counts people, places and days over all
//!   its matches in the same pass (what the server's search page shows).
//!
//! One file per concern: `context.rs` compiles a request into a tantivy
//! query; `search.rs`, `entities.rs`, `article.rs` and `stats.rs` run it;
//! `snippet.rs` picks the passage shown with a hit (rendering it is
//! `output`'s job); counting names and grouping a person's forms are
//! `index`'s (`counts.rs`, `persons.rs`);
//! `timeline.rs` and `related.rs` count days and companions.
//!
//! Returns newsdex types only; tantivy stays inside this module and `index`.
//! Uses `model`, `error`, `ascii` and `index`.

mod all;
mod article;
mod context;
mod entities;
#[cfg(feature = "lab")]
pub mod lab;
mod related;
mod request;
mod search;
mod snippet;
mod stats;
mod timeline;

pub use all::{Articles, articles};
pub use article::get_article;
pub use entities::{EntityCount, PersonForms, count_entities, person_forms, search_named};
pub use related::{Companion, Companions, Related, RelatedOptions, related};
pub use request::{DateBound, SearchRequest, Sort, parse_day_bound};
pub use search::{Exploration, Hit, Overview, SearchResults, explore, search};
pub use snippet::Snippet;
pub use stats::{Stats, stats};
pub use timeline::{Interval, MAX_BUCKETS, Timeline, TimelineBucket, timeline};
