//! Ranked search: a request in, a page of hits with snippets out.

use std::path::PathBuf;

use chrono::NaiveDate;
use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::Query;
use tantivy::snippet::SnippetGenerator;
use tantivy::{DateTime, DocAddress, Order};

use super::article::read_article;
use super::context::Context;
use super::request::{SearchRequest, Sort};
use super::snippet::{SNIPPET_CHARS, Snippet, lead, snippet_source};
use crate::error::Result;
use crate::index::NewsIndex;
use crate::index::schema;
use crate::model::ArticleId;

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
    let (query, text) = cx.query(request)?;
    let top = TopDocs::with_limit(request.limit.max(1)).and_offset(request.offset);
    let (scored, total): (Vec<(f32, DocAddress)>, usize) = match request.sort {
        Sort::Relevance => cx
            .searcher
            .search(&query, &(top.order_by_score(), Count))
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
            let (docs, total) = cx
                .searcher
                .search(&query, &(collector, Count))
                .map_err(|e| cx.err(e))?;
            let docs = docs.into_iter().map(|((_, score), a)| (score, a)).collect();
            (docs, total)
        }
    };
    let snippets = match &text {
        Some(text) => {
            let mut g = SnippetGenerator::create(&cx.searcher, text.as_ref(), cx.fields.body)
                .map_err(|e| cx.err(e))?;
            g.set_max_num_chars(SNIPPET_CHARS);
            Some(g)
        }
        None => None,
    };
    let mut stems: Vec<String> = Vec::new();
    if let Some(text) = &text {
        text.query_terms(&mut |term, _| {
            if term.field() == cx.fields.body
                && let Some(word) = term.value().as_str()
            {
                stems.push(word.to_string());
            }
        });
    }
    let mut hits = Vec::with_capacity(scored.len());
    for (score, address) in scored.into_iter().take(request.limit) {
        let doc = cx.doc(address)?;
        let stored = read_article(cx.fields, &doc);
        let mut snippet = match &snippets {
            Some(g) => {
                let s = g.snippet(&snippet_source(&stored.body, &stems));
                Snippet {
                    text: s.fragment().to_string(),
                    highlights: s.highlighted().to_vec(),
                }
            }
            None => Snippet::default(),
        };
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
    Ok(SearchResults { total, hits })
}
