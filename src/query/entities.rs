//! Counting the articles that mention each person or place.

use super::context::{Context, contains_words};
use super::counts::{NameCounts, PersonCounts};
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
    let mut entries: Vec<EntityCount> = match kind {
        EntityKind::Person => {
            let ids = cx.identities()?;
            let counts = cx
                .searcher
                .search(
                    &query,
                    &PersonCounts {
                        field: column,
                        identities: ids,
                    },
                )
                .map_err(|e| cx.err(e))?;
            let wanted: Option<Vec<u32>> = name.map(|n| ids.matching(n));
            counts
                .into_iter()
                .filter(|(at, _)| wanted.as_ref().is_none_or(|w| w.contains(at)))
                .map(|(at, articles)| EntityCount {
                    name: ids.person(at).name.clone(),
                    articles,
                })
                .collect()
        }
        EntityKind::Place => {
            let counts = cx
                .searcher
                .search(&query, &NameCounts { field: column })
                .map_err(|e| cx.err(e))?;
            let wanted: Option<Vec<String>> = name.map(|n| cx.name_words(n));
            counts
                .into_iter()
                .map(|(name, articles)| EntityCount { name, articles })
                .filter(|entry| match &wanted {
                    Some(words) => contains_words(&cx.name_words(&entry.name), words),
                    None => true,
                })
                .collect()
        }
    };
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

/// A person and the forms of its name that the archive groups under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonForms {
    /// The name the person is shown by.
    pub name: String,
    /// Articles that mention the person in any form (each counted once).
    pub articles: u64,
    /// Every form with the number of articles that write it, most first.
    pub forms: Vec<EntityCount>,
}

/// The persons that `name` names, each with every form of its name, so
/// that a merge can be checked: `people "Chuck Schumer" --forms`.
pub fn person_forms(index: &NewsIndex, name: &str) -> Result<Vec<PersonForms>> {
    let cx = Context::new(index)?;
    let ids = cx.identities()?;
    let mut request = SearchRequest::default();
    request.people.push(name.to_string());
    let (query, _) = cx.query(&request)?;
    let counts = cx
        .searcher
        .search(
            &query,
            &PersonCounts {
                field: schema::PERSON_NAME,
                identities: ids,
            },
        )
        .map_err(|e| cx.err(e))?;
    let mut out: Vec<PersonForms> = ids
        .matching(name)
        .into_iter()
        .map(|at| {
            let person = ids.person(at);
            PersonForms {
                name: person.name.clone(),
                articles: counts.get(&at).copied().unwrap_or(0),
                forms: person
                    .forms
                    .iter()
                    .map(|(form, n)| EntityCount {
                        name: form.clone(),
                        articles: *n,
                    })
                    .collect(),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.articles
            .cmp(&a.articles)
            .then_with(|| a.name.cmp(&b.name))
    });
    Ok(out)
}
