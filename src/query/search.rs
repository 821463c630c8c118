//! Ranked search: a request in, a page of hits with snippets out.

use std::path::PathBuf;

use chrono::NaiveDate;
use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue};
use tantivy::collector::{Collector, Count, TopDocs};
use tantivy::query::Query;
use tantivy::{DateTime, DocAddress, Order};

use super::article::read_article;
use super::context::Context;
use super::entities::{EntityCount, top};
use super::request::{SearchRequest, Sort};
use super::snippet::{Highlighter, SNIPPET_CHARS, Snippet, lead};
use super::timeline::{self, DayCounts, Interval, Timeline};
use crate::error::Result;
use crate::index::NewsIndex;
use crate::index::schema;
use crate::model::{ArticleId, EntityKind};

/// One search result.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Stable article id.
    pub id: ArticleId,
    /// BM25 score (0 when the request had no query text).
    pub score: f32,
    /// Headline.
    pub title: String,
    /// Publication day.
    pub date: Option<NaiveDate>,
    /// People, most mentioned first.
    pub people: Vec<String>,
    /// Places, most mentioned first.
    pub places: Vec<String>,
    /// Source file.
    pub path: PathBuf,
    /// Position in the source file.
    pub position: u64,
    /// A passage of the body around the matches.
    pub snippet: Snippet,
}

/// A page of results and the number of matches in all.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchResults {
    /// How many articles match in all.
    pub total: usize,
    /// The requested page of hits.
    pub hits: Vec<Hit>,
}

/// Runs a search.
pub fn search(index: &NewsIndex, request: &SearchRequest) -> Result<SearchResults> {
    let cx = Context::new(index)?;
    let (results, _) = run(&cx, request, None::<Count>)?;
    Ok(results)
}

/// What [`explore`] computes over every match, besides the page of hits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Overview {
    /// The most mentioned people and places, at most this many of each
    /// (0: none).
    pub entities: usize,
    /// Whether to count articles per period.
    pub timeline: bool,
    /// The timeline's interval; `None` chooses one from the span.
    pub interval: Option<Interval>,
}

/// A page of hits with an overview of every match.
#[derive(Clone, Debug, PartialEq)]
pub struct Exploration {
    /// The page of hits and the number of matches.
    pub results: SearchResults,
    /// The most mentioned people among every match.
    pub people: Vec<EntityCount>,
    /// The most mentioned places among every match.
    pub places: Vec<EntityCount>,
    /// Matching articles per period, when asked for.
    pub timeline: Option<Timeline>,
}

/// Runs a search and, in the same pass over the matches, counts their
/// people, places and days as `overview` asks.
pub fn explore(
    index: &NewsIndex,
    request: &SearchRequest,
    overview: &Overview,
) -> Result<Exploration> {
    let cx = Context::new(index)?;
    let counts = |kind| -> Result<_> {
        Ok(match overview.entities {
            0 => None,
            _ => Some(cx.counts(kind)?),
        })
    };
    let extra = (
        counts(EntityKind::Person)?,
        counts(EntityKind::Place)?,
        overview.timeline.then_some(DayCounts),
    );
    let (results, (people, places, days)) = run(&cx, request, extra)?;
    let top_of = |counts: Option<Vec<(String, u64)>>| {
        let entries = counts
            .unwrap_or_default()
            .into_iter()
            .map(|(name, articles)| EntityCount { name, articles })
            .collect();
        top(entries, overview.entities)
    };
    let people = top_of(people);
    let places = top_of(places);
    let timeline = days
        .map(|days| timeline::build(days, overview.interval))
        .transpose()?;
    Ok(Exploration {
        results,
        people,
        places,
        timeline,
    })
}

/// Runs a search with `extra` collecting over every match in the same
/// pass; returns the page of hits and what `extra` collected.
pub(super) fn run<C: Collector>(
    cx: &Context<'_>,
    request: &SearchRequest,
    extra: C,
) -> Result<(SearchResults, C::Fruit)> {
    let (query, text) = cx.query(request)?;
    let top = TopDocs::with_limit(request.limit.max(1)).and_offset(request.offset);
    let (scored, total, fruit): (Vec<(f32, DocAddress)>, usize, C::Fruit) = match request.sort {
        Sort::Relevance => cx
            .searcher
            .search(&query, &(top.order_by_score(), Count, extra))
            .map_err(|e| cx.err(e))?,
        Sort::Newest | Sort::Oldest => {
            let order = if request.sort == Sort::Newest {
                Order::Desc
            } else {
                Order::Asc
            };
            let by_date = (
                SortByStaticFastValue::<DateTime>::for_field(schema::DATE),
                order,
            );
            let collector = top.order_by((by_date, (SortBySimilarityScore, Order::Desc)));
            let (docs, total, fruit) = cx
                .searcher
                .search(&query, &(collector, Count, extra))
                .map_err(|e| cx.err(e))?;
            let docs = docs.into_iter().map(|((_, score), a)| (score, a)).collect();
            (docs, total, fruit)
        }
    };
    let mut stems: Vec<String> = Vec::new();
    if let Some(text) = &text {
        text.query_terms(&mut |term, _| {
            if term.field() == cx.fields.body
                && let Some(word) = term.value().as_str()
                && !stems.iter().any(|s| s == word)
            {
                stems.push(word.to_string());
            }
        });
    }
    let mut highlighter = Highlighter::new(stems, cx.text_analyzer());
    let mut hits = Vec::with_capacity(scored.len());
    for (score, address) in scored.into_iter().take(request.limit) {
        let doc = cx.doc(address)?;
        let stored = read_article(cx.fields, &doc);
        let mut snippet = highlighter.snippet(&stored.body);
        if snippet.text.is_empty() {
            snippet.text = lead(&stored.body, SNIPPET_CHARS);
            snippet.highlights.clear();
        }
        hits.push(Hit {
            id: stored.id,
            score: if text.is_some() { score } else { 0.0 },
            title: stored.title,
            date: stored.date,
            people: stored.people,
            places: stored.places,
            path: stored.path,
            position: stored.position,
            snippet,
        });
    }
    Ok((SearchResults { total, hits }, fruit))
}
