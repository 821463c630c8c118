//! Counting the articles that mention each person or place.

use super::context::{Context, contains_words};
use super::counts::NameCounts;
use super::names;
use super::request::SearchRequest;
use crate::error::Result;
use crate::index::NewsIndex;
use crate::index::schema;
use crate::model::EntityKind;

/// An entity and the number of articles that mention it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityCount {
    /// Canonical name.
    pub name: String,
    /// Number of articles.
    pub articles: u64,
}

/// Counts the articles per person (place) among those matching `filter`'s
/// text and dates, most mentioned first. With `name`, only entities whose
/// canonical name contains every word of `name` are counted.
pub fn count_entities(
    index: &NewsIndex,
    kind: EntityKind,
    filter: &SearchRequest,
    name: Option<&str>,
    limit: usize,
) -> Result<Vec<EntityCount>> {
    let cx = Context::new(index)?;
    let column = match kind {
        EntityKind::Person => schema::PERSON_NAME,
        EntityKind::Place => schema::PLACE_NAME,
    };
    let mut request = filter.clone();
    if let Some(name) = name {
        match kind {
            EntityKind::Person => request.people.push(name.to_string()),
            EntityKind::Place => request.places.push(name.to_string()),
        }
    }
    let (query, _) = cx.query(&request)?;
    let counts = cx
        .searcher
        .search(&query, &NameCounts { field: column })
        .map_err(|e| cx.err(e))?;
    let counts = match kind {
        EntityKind::Person => {
            // Counted over the whole archive already: no second pass.
            let everything = name.is_none()
                && filter.text.trim().is_empty()
                && filter.since.is_none()
                && filter.until.is_none()
                && filter.people.is_empty()
                && filter.places.is_empty();
            let resolution = if everything {
                cx.resolution
                    .get_or_init(|| names::surname_resolution(&counts))
            } else {
                cx.surname_resolution()?
            };
            names::fold_counts(counts, resolution)
        }
        EntityKind::Place => counts,
    };
    let wanted: Option<Vec<String>> = name.map(|n| cx.name_words(n));
    let mut entries: Vec<EntityCount> = counts
        .into_iter()
        .map(|(name, articles)| EntityCount { name, articles })
        .filter(|entry| match &wanted {
            Some(words) => contains_words(&cx.name_words(&entry.name), words),
            None => true,
        })
        .collect();
    // Most articles first, then by name; only the first `limit` are sorted.
    let order = |a: &EntityCount, b: &EntityCount| {
        b.articles
            .cmp(&a.articles)
            .then_with(|| a.name.cmp(&b.name))
    };
    if entries.len() > limit && limit > 0 {
        entries.select_nth_unstable_by(limit - 1, order);
    }
    entries.truncate(limit);
    entries.sort_unstable_by(order);
    Ok(entries)
}
