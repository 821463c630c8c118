//! Counting the articles that mention each person or place.

use super::context::{Context, contains_words};
use super::counts::NameCounts;
use super::names;
use super::request::SearchRequest;
use crate::error::Result;
use crate::index::NewsIndex;
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
        .search(&query, &NameCounts::of(index, kind))
        .map_err(|e| cx.err(e))?;
    let everything = name.is_none() && is_everything(filter);
    let counts = fold(&cx, kind, counts, everything)?;
    let wanted: Option<Vec<String>> = name.map(|n| cx.name_words(n));
    let entries: Vec<EntityCount> = counts
        .into_iter()
        .map(|(name, articles)| EntityCount { name, articles })
        .filter(|entry| match &wanted {
            Some(words) => contains_words(&cx.name_words(&entry.name), words),
            None => true,
        })
        .collect();
    Ok(top(entries, limit))
}

/// True when a request keeps every article.
pub(super) fn is_everything(request: &SearchRequest) -> bool {
    request.text.trim().is_empty()
        && request.since.is_none()
        && request.until.is_none()
        && request.people.is_empty()
        && request.places.is_empty()
}

/// Folds the counts of single-word person names into the full names the
/// archive resolves them to (see [`names`]); place counts pass unchanged.
/// `everything` says that `counts` were counted over the whole archive,
/// which is what the resolution needs, so no second pass is run.
pub(super) fn fold(
    cx: &Context<'_>,
    kind: EntityKind,
    counts: Vec<(String, u64)>,
    everything: bool,
) -> Result<Vec<(String, u64)>> {
    Ok(match kind {
        EntityKind::Person => {
            let resolution = if everything {
                cx.surname_resolution_from(&counts)
            } else {
                cx.surname_resolution()?
            };
            names::fold_counts(counts, resolution)
        }
        EntityKind::Place => counts,
    })
}

/// The `limit` entries with the most articles, most first, ties by name.
pub(super) fn top(mut entries: Vec<EntityCount>, limit: usize) -> Vec<EntityCount> {
    // Only the first `limit` are sorted.
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
    entries
}
