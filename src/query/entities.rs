//! Counting the articles that mention each person or place.

use rustc_hash::FxHashSet;

use super::context::{Context, contains_words};
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
/// text and dates, most mentioned first; a person written in several forms
/// is one entry, under the name it is shown by. With `name`, only entities
/// whose name contains every word of `name` are counted, and the persons
/// that `name` names in any of their forms.
pub fn count_entities(
    index: &NewsIndex,
    kind: EntityKind,
    filter: &SearchRequest,
    name: Option<&str>,
    limit: usize,
) -> Result<Vec<EntityCount>> {
    count_with(&Context::new(index)?, kind, filter, name, limit)
}

/// [`count_entities`] over one searcher, whose persons the caller may use
/// further.
fn count_with(
    cx: &Context<'_>,
    kind: EntityKind,
    filter: &SearchRequest,
    name: Option<&str>,
    limit: usize,
) -> Result<Vec<EntityCount>> {
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
        .search(&query, &cx.counts(kind)?)
        .map_err(|e| cx.err(e))?;
    let wanted: Option<(Vec<String>, FxHashSet<&str>)> = match (name, kind) {
        (None, _) => None,
        (Some(name), EntityKind::Person) => {
            let persons = cx.persons()?;
            let named = persons
                .matching(name)
                .into_iter()
                .map(|at| persons.person(at).name.as_str())
                .collect();
            Some((cx.name_words(name), named))
        }
        (Some(name), EntityKind::Place) => Some((cx.name_words(name), FxHashSet::default())),
    };
    let entries: Vec<EntityCount> = counts
        .into_iter()
        .map(|(name, articles)| EntityCount { name, articles })
        .filter(|entry| match &wanted {
            Some((words, named)) => {
                named.contains(entry.name.as_str())
                    || contains_words(&cx.name_words(&entry.name), words)
            }
            None => true,
        })
        .collect();
    Ok(top(entries, limit))
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

/// The persons that `name` names, each with every form of its name and the
/// articles of each, so that a merge can be checked (`people "Chuck
/// Schumer" --forms`). A name that is a person of one form is listed with
/// that form alone.
pub fn person_forms(index: &NewsIndex, name: &str, limit: usize) -> Result<Vec<PersonForms>> {
    let cx = Context::new(index)?;
    let entries = count_with(
        &cx,
        EntityKind::Person,
        &SearchRequest::default(),
        Some(name),
        limit,
    )?;
    let persons = cx.persons()?;
    Ok(entries
        .into_iter()
        .map(|entry| {
            let forms = match persons.person_of(&entry.name) {
                Some(at) => persons
                    .person(at)
                    .forms
                    .iter()
                    .map(|(form, articles)| EntityCount {
                        name: form.clone(),
                        articles: *articles,
                    })
                    .collect(),
                None => vec![entry.clone()],
            };
            PersonForms {
                name: entry.name,
                articles: entry.articles,
                forms,
            }
        })
        .collect())
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
