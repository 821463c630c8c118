//! Every article a request matches, in index order, with all its stored
//! fields: what `export` hands to other engines.

use tantivy::DocAddress;
use tantivy::collector::DocSetCollector;

use super::article::read_article;
use super::context::Context;
use super::request::SearchRequest;
use crate::error::Result;
use crate::index::NewsIndex;
use crate::model::Article;

/// The articles matching a request (its text and filters; its sort, limit
/// and offset are ignored), read one at a time from the store.
pub struct Articles<'a> {
    cx: Context<'a>,
    addresses: Vec<DocAddress>,
    next: usize,
}

impl Articles<'_> {
    /// How many articles match.
    pub fn len(&self) -> usize {
        self.addresses.len()
    }

    /// Whether nothing matches.
    pub fn is_empty(&self) -> bool {
        self.addresses.is_empty()
    }
}

/// Every article matching `request`, in index order (segment by segment,
/// which reads the document store sequentially).
pub fn articles<'a>(index: &'a NewsIndex, request: &SearchRequest) -> Result<Articles<'a>> {
    let cx = Context::new(index)?;
    let (query, _) = cx.query(request)?;
    let found = cx
        .searcher
        .search(&query, &DocSetCollector)
        .map_err(|e| cx.err(e))?;
    let mut addresses: Vec<DocAddress> = found.into_iter().collect();
    addresses.sort_unstable();
    Ok(Articles {
        cx,
        addresses,
        next: 0,
    })
}

impl Iterator for Articles<'_> {
    type Item = Result<Article>;

    fn next(&mut self) -> Option<Result<Article>> {
        let address = *self.addresses.get(self.next)?;
        self.next += 1;
        Some(
            self.cx
                .doc(address)
                .map(|doc| read_article(self.cx.fields, &doc)),
        )
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.addresses.len() - self.next;
        (left, Some(left))
    }
}
