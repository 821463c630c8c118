//! Counting the articles that mention each person or place.

use std::sync::{Arc, Mutex};

use rustc_hash::FxHashSet;

use super::context::{Context, analyzer_words, contains_words, may_contain_words};
use super::request::SearchRequest;
use super::search::SearchResults;
use crate::error::Result;
use crate::index::{Keep, NameCounts, NewsIndex};
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
        push_name(&mut request, kind, name);
    }
    let (query, _) = cx.query(&request)?;
    let counts = cx
        .searcher
        .search(&query, &entity_counts(cx, kind, name)?)
        .map_err(|e| cx.err(e))?;
    Ok(entries(counts, limit))
}

/// The articles that mention person (place) `name` under `request`'s
/// filters and order, and the entities the name matched with their
/// articles (at most `limit`), counted in the same pass
/// (`newsdex people NAME`).
pub fn search_named(
    index: &NewsIndex,
    kind: EntityKind,
    request: &SearchRequest,
    name: &str,
    limit: usize,
) -> Result<(SearchResults, Vec<EntityCount>)> {
    let cx = Context::new(index)?;
    let mut request = request.clone();
    push_name(&mut request, kind, name);
    let (results, counts) =
        super::search::run(&cx, &request, entity_counts(&cx, kind, Some(name))?)?;
    Ok((results, entries(counts, limit)))
}

/// Adds `name` to the people (places) that `request` requires.
fn push_name(request: &mut SearchRequest, kind: EntityKind, name: &str) {
    match kind {
        EntityKind::Person => request.people.push(name.to_string()),
        EntityKind::Place => request.places.push(name.to_string()),
    }
}

/// The collector of the articles per person (place); with `name`, only the
/// entities it names are read and counted, not every companion of every
/// article that names them: those whose name holds every word of `name`,
/// and the persons `name` names in any of their forms.
fn entity_counts<'a>(
    cx: &'a Context<'_>,
    kind: EntityKind,
    name: Option<&str>,
) -> Result<NameCounts<'a>> {
    let Some(name) = name else {
        return cx.counts(kind);
    };
    let words = cx.name_words(name);
    let analyzer = Mutex::new(cx.name_analyzer());
    let holds_words = move |entry: &str| {
        may_contain_words(entry, &words) && {
            let mut analyzer = analyzer.lock().unwrap_or_else(|e| e.into_inner());
            contains_words(&analyzer_words(&mut analyzer, entry), &words)
        }
    };
    // Every form of the persons to count: those `name` names and those
    // shown by a name that holds its words (`Donald Trump Jr.`), so that
    // counting reads no other name's person.
    let kept: FxHashSet<String> = match kind {
        EntityKind::Person => {
            let persons = cx.persons()?;
            let named: FxHashSet<u32> = cx.matching(name)?.into_iter().collect();
            persons
                .all()
                .iter()
                .enumerate()
                .filter(|&(at, p)| named.contains(&(at as u32)) || holds_words(&p.name))
                .flat_map(|(_, p)| std::iter::once(&p.name).chain(p.forms.iter().map(|(f, _)| f)))
                .cloned()
                .collect()
        }
        EntityKind::Place => FxHashSet::default(),
    };
    let keep: Keep = Arc::new(move |entry: &str| kept.contains(entry) || holds_words(entry));
    Ok(cx.counts(kind)?.keeping(keep))
}

/// The counted names as entries, the `limit` with the most articles.
fn entries(counts: Vec<(String, u64)>, limit: usize) -> Vec<EntityCount> {
    let entries = counts
        .into_iter()
        .map(|(name, articles)| EntityCount { name, articles })
        .collect();
    top(entries, limit)
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
