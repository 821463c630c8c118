//! Reading stored articles back: one by id, or the documents of hits.

use std::path::PathBuf;

use chrono::{DateTime as ChronoDateTime, NaiveDate};
use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::{Field, IndexRecordOption, OwnedValue, Value};
use tantivy::{DateTime, TantivyDocument, Term};

use super::context::Context;
use crate::error::{Error, Result};
use crate::index::{Fields, NewsIndex};
use crate::model::{Article, ArticleId};

/// Reads one article by id. Its mentions are not stored: they are empty.
pub fn get_article(index: &NewsIndex, id: &str) -> Result<Article> {
    let cx = Context::new(index)?;
    let term = Term::from_field_text(cx.fields.id, id.trim());
    let query = TermQuery::new(term, IndexRecordOption::Basic);
    let top = cx
        .searcher
        .search(&query, &TopDocs::with_limit(1).order_by_score())
        .map_err(|e| cx.err(e))?;
    let Some((_, address)) = top.first() else {
        return Err(Error::ArticleNotFound { id: id.to_string() });
    };
    let doc = cx.doc(*address)?;
    Ok(read_article(cx.fields, &doc))
}

/// The day of a stored date.
pub(super) fn datetime_to_day(value: DateTime) -> Option<NaiveDate> {
    ChronoDateTime::from_timestamp(value.into_timestamp_secs(), 0).map(|d| d.date_naive())
}

/// The article stored in `doc`; its mentions are not stored.
pub(super) fn read_article(f: &Fields, doc: &TantivyDocument) -> Article {
    let text = |field: Field| -> Option<String> {
        doc.get_first(field)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    let all = |field: Field| -> Vec<String> {
        doc.get_all(field)
            .filter_map(|v| v.as_str())
            .map(str::to_string)
            .collect()
    };
    let position = doc
        .get_first(f.position)
        .and_then(|v| v.as_u64())
        .unwrap_or(0);
    let date = doc
        .get_first(f.date)
        .and_then(|v| match OwnedValue::from(v) {
            OwnedValue::Date(d) => datetime_to_day(d),
            _ => None,
        });
    Article {
        id: ArticleId::from_string(text(f.id).unwrap_or_default()),
        path: PathBuf::from(text(f.file).unwrap_or_default()),
        position,
        title: text(f.title).unwrap_or_default(),
        body: text(f.body).unwrap_or_default(),
        date,
        url: text(f.url),
        source: text(f.source),
        authors: all(f.authors),
        tags: all(f.tags),
        people: all(f.people),
        places: all(f.places),
        mentions: Vec::new(),
        others: Vec::new(),
        located: Vec::new(),
        styled: Vec::new(),
    }
}
