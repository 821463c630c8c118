//! Figures about the whole index.

use chrono::NaiveDate;
use tantivy::query::AllQuery;

use super::article::datetime_to_day;
use super::context::Context;
use crate::error::Result;
use crate::index::NameCounts;
use crate::index::NewsIndex;
use crate::index::schema;

/// Figures about the whole index.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Articles.
    pub articles: u64,
    /// Distinct people.
    pub people: u64,
    /// Distinct places.
    pub places: u64,
    /// Earliest publication day.
    pub earliest: Option<NaiveDate>,
    /// Latest publication day.
    pub latest: Option<NaiveDate>,
    /// Articles without a date.
    pub undated: u64,
    /// Source files.
    pub files: u64,
    /// Index size on disk, bytes.
    pub size_bytes: u64,
}

/// Figures about the whole index, from facets and fast fields.
pub fn stats(index: &NewsIndex) -> Result<Stats> {
    let cx = Context::new(index)?;
    let mut stats = Stats {
        articles: cx.searcher.num_docs(),
        size_bytes: index.size_on_disk(),
        ..Stats::default()
    };
    for (field, slot) in [
        (schema::PERSON_NAME, &mut stats.people),
        (schema::PLACE_NAME, &mut stats.places),
    ] {
        let counts = cx
            .searcher
            .search(&AllQuery, &NameCounts::field(index, field))
            .map_err(|e| cx.err(e))?;
        *slot = counts.len() as u64;
    }
    for segment in cx.searcher.segment_readers() {
        let dates = segment
            .fast_fields()
            .date(schema::DATE)
            .map_err(|e| cx.err(e))?;
        for doc in segment.doc_ids_alive() {
            match dates.first(doc).and_then(datetime_to_day) {
                Some(day) => {
                    stats.earliest = Some(stats.earliest.map_or(day, |e| e.min(day)));
                    stats.latest = Some(stats.latest.map_or(day, |l| l.max(day)));
                }
                None => stats.undated += 1,
            }
        }
    }
    stats.files = index.files()?.len() as u64;
    Ok(stats)
}
