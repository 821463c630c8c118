//! The baselines of the search benchmark (feature `lab` only): the same
//! compiled query run by tantivy alone, so that `examples/search_cost.rs`
//! can say what newsdex adds on top.

use tantivy::collector::{Count, TopDocs};

use super::context::Context;
use super::request::SearchRequest;
use crate::error::Result;
use crate::index::NewsIndex;

/// How much of the work a baseline does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Baseline {
    /// `TopDocs` by score alone: the addresses of the best `limit` hits.
    TopDocs,
    /// `TopDocs` and `Count`, then each hit's stored document loaded: all
    /// of a plain search but its snippets.
    TopDocsCountAndDocs,
    /// `TopDocs` and `Count`: the exact total, no documents read.
    TopDocsAndCount,
    /// `TopDocs`, then each hit's stored document loaded, no total.
    TopDocsAndDocs,
}

/// Runs `request`'s query (text and filters, as `search` compiles it) the
/// bare tantivy way; returns the number of hits collected (`TopDocs`) or
/// the number of matches, to keep the work from being optimised away.
pub fn bare_search(
    index: &NewsIndex,
    request: &SearchRequest,
    baseline: Baseline,
) -> Result<usize> {
    let cx = Context::new(index)?;
    let (query, _) = cx.query(request)?;
    let top = TopDocs::with_limit(request.limit.max(1))
        .and_offset(request.offset)
        .order_by_score();
    match baseline {
        Baseline::TopDocs => {
            let hits = cx.searcher.search(&query, &top).map_err(|e| cx.err(e))?;
            Ok(hits.len())
        }
        Baseline::TopDocsCountAndDocs => {
            let (hits, total) = cx
                .searcher
                .search(&query, &(top, Count))
                .map_err(|e| cx.err(e))?;
            for (_, address) in hits {
                std::hint::black_box(cx.doc(address)?);
            }
            Ok(total)
        }
        Baseline::TopDocsAndCount => {
            let (hits, total) = cx
                .searcher
                .search(&query, &(top, Count))
                .map_err(|e| cx.err(e))?;
            Ok(hits.len() + total)
        }
        Baseline::TopDocsAndDocs => {
            let hits = cx.searcher.search(&query, &top).map_err(|e| cx.err(e))?;
            for (_, address) in &hits {
                std::hint::black_box(cx.doc(*address)?);
            }
            Ok(hits.len())
        }
    }
}

/// The evidence the persons step weighs for each place name (feature `lab`
/// only, for judging the `places` list): per place name, its articles as a
/// place, whether the gazetteer knows it, and the articles of the same
/// name (compared by key) as a person form, as the largest person holding
/// it, and as an organisation or other name.
pub fn place_evidence(index: &NewsIndex) -> Result<Vec<crate::index::PlaceEvidence>> {
    index.place_evidence()
}

/// Articles per stored name of each kind (feature `lab` only, for judging
/// the lists): people, places, organisation and other names, and the
/// unknown places written after a locative preposition, and the person names
/// with the title or `the` before them, in that order.
pub fn name_counts(index: &NewsIndex) -> Result<[Vec<(String, u64)>; 5]> {
    index.name_counts()
}
