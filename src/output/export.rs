//! Documents for the engines an archive scales out to: Quickwit, and
//! Elasticsearch or OpenSearch.
//!
//! * [`quickwit_config`]: a Quickwit 0.8+ index config (YAML);
//!   [`quickwit_line`]: one document per line for its ingest API.
//! * [`elasticsearch_mapping`]: an index body (JSON) with the mapping;
//!   [`bulk_lines`]: an `index` action line and a source line per article
//!   for the `_bulk` API (also OpenSearch's).
//! * [`Chunks`]: cuts the lines into files under the engines' request size
//!   limit, never splitting a document (or an action from its source).
//!
//! Every document is an [`ExportDoc`]: the article's fields as newsdex
//! stored them, with the date as an RFC 3339 instant (midnight UTC of the
//! day) and omitted when unknown.

use std::io::{self, Write};

use serde::Serialize;

use crate::model::Article;

/// The largest chunk written, in bytes: under the 10 MB request limit of
/// Quickwit's ingest API (and well under Elasticsearch's 100 MB default).
pub const CHUNK_BYTES: usize = 9_500_000;

/// One article as the engines index it.
#[derive(Debug, Serialize)]
pub struct ExportDoc<'a> {
    /// newsdex's article id (the `_id` in Elasticsearch).
    pub id: &'a str,
    /// Headline.
    pub title: &'a str,
    /// The whole body.
    pub body: &'a str,
    /// `YYYY-MM-DDT00:00:00Z`; absent when the day is unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// People, most mentioned first.
    pub people: &'a [String],
    /// Places, most mentioned first.
    pub places: &'a [String],
    /// URL; absent when unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    /// Publisher; absent when unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a str>,
    /// Authors.
    pub authors: &'a [String],
    /// The source's own index terms.
    pub tags: &'a [String],
    /// The source file.
    pub path: String,
    /// Position in the source file.
    pub position: u64,
}

impl<'a> ExportDoc<'a> {
    /// The export form of an article.
    pub fn new(article: &'a Article) -> ExportDoc<'a> {
        ExportDoc {
            id: article.id.as_str(),
            title: &article.title,
            body: &article.body,
            date: article.date.map(|d| format!("{d}T00:00:00Z")),
            people: &article.people,
            places: &article.places,
            url: article.url.as_deref(),
            source: article.source.as_deref(),
            authors: &article.authors,
            tags: &article.tags,
            path: article.path.display().to_string(),
            position: article.position,
        }
    }
}

/// One Quickwit document: the article as one JSON line.
pub fn quickwit_line(article: &Article) -> Vec<u8> {
    let mut line = serde_json::to_vec(&ExportDoc::new(article)).unwrap_or_default();
    line.push(b'\n');
    line
}

/// One `_bulk` record: `{"index":{"_id":ID}}` and the source, each on its
/// line. The index name comes from the request URL (`/NAME/_bulk`).
pub fn bulk_lines(article: &Article) -> Vec<u8> {
    #[derive(Serialize)]
    struct Action<'a> {
        index: Id<'a>,
    }
    #[derive(Serialize)]
    struct Id<'a> {
        #[serde(rename = "_id")]
        id: &'a str,
    }
    let action = Action {
        index: Id {
            id: article.id.as_str(),
        },
    };
    let mut lines = serde_json::to_vec(&action).unwrap_or_default();
    lines.push(b'\n');
    lines.extend(serde_json::to_vec(&ExportDoc::new(article)).unwrap_or_default());
    lines.push(b'\n');
    lines
}

/// A Quickwit index config for the exported documents, as YAML: title and
/// body stemmed (English) with positions and field norms, people and places
/// as word-searchable arrays with raw fast fields (exact facets), the date
/// as the timestamp field.
pub fn quickwit_config(index_id: &str) -> String {
    format!(
        r#"# Quickwit index config written by `newsdex export --to quickwit`.
# Create the index: quickwit index create --index-config quickwit-index.yaml
version: 0.8
index_id: {index_id}
doc_mapping:
  mode: strict
  field_mappings:
    - name: id
      type: text
      tokenizer: raw
      fast: true
    - name: title
      type: text
      tokenizer: en_stem
      record: position
      fieldnorms: true
    - name: body
      type: text
      tokenizer: en_stem
      record: position
      fieldnorms: true
    - name: date
      type: datetime
      input_formats: [rfc3339]
      output_format: rfc3339
      fast: true
      fast_precision: seconds
    - name: people
      type: array<text>
      tokenizer: default
      record: position
      fast: true
    - name: places
      type: array<text>
      tokenizer: default
      record: position
      fast: true
    - name: url
      type: text
      tokenizer: raw
    - name: source
      type: text
      tokenizer: raw
      fast: true
    - name: authors
      type: array<text>
      tokenizer: default
    - name: tags
      type: array<text>
      tokenizer: raw
      fast: true
    - name: path
      type: text
      tokenizer: raw
    - name: position
      type: u64
  timestamp_field: date
search_settings:
  default_search_fields: [title, body]
indexing_settings:
  commit_timeout_secs: 30
"#
    )
}

/// An Elasticsearch (or OpenSearch) index body: the mapping of the exported
/// documents, with the english analyzer on title and body and `keyword`
/// sub-fields on people and places for exact terms and aggregations.
pub fn elasticsearch_mapping() -> serde_json::Value {
    let names = serde_json::json!({
        "type": "text",
        "fields": { "keyword": { "type": "keyword", "ignore_above": 256 } }
    });
    serde_json::json!({
        "mappings": {
            "dynamic": "strict",
            "properties": {
                "id": { "type": "keyword" },
                "title": { "type": "text", "analyzer": "english" },
                "body": { "type": "text", "analyzer": "english" },
                "date": { "type": "date", "format": "strict_date_optional_time" },
                "people": names,
                "places": names,
                "url": { "type": "keyword", "ignore_above": 2048 },
                "source": { "type": "keyword" },
                "authors": names,
                "tags": { "type": "keyword" },
                "path": { "type": "keyword", "ignore_above": 4096 },
                "position": { "type": "long" }
            }
        }
    })
}

/// Writes records into numbered chunks of at most `limit` bytes each,
/// opening each chunk with `open(number)` (from 1). A record larger than
/// the limit goes alone into a chunk of its own and is counted in
/// [`Chunks::oversized`].
pub struct Chunks<W: Write, F: FnMut(usize) -> io::Result<W>> {
    open: F,
    current: Option<W>,
    limit: usize,
    bytes: usize,
    chunks: usize,
    records: u64,
    oversized: u64,
}

impl<W: Write, F: FnMut(usize) -> io::Result<W>> Chunks<W, F> {
    /// Chunks of at most `limit` bytes.
    pub fn new(limit: usize, open: F) -> Chunks<W, F> {
        Chunks {
            open,
            current: None,
            limit,
            bytes: 0,
            chunks: 0,
            records: 0,
            oversized: 0,
        }
    }

    /// Writes one record (whole lines).
    pub fn write(&mut self, record: &[u8]) -> io::Result<()> {
        if self.current.is_none() || self.bytes + record.len() > self.limit {
            if let Some(mut done) = self.current.take() {
                done.flush()?;
            }
            self.chunks += 1;
            self.current = Some((self.open)(self.chunks)?);
            self.bytes = 0;
        }
        if record.len() > self.limit {
            self.oversized += 1;
        }
        if let Some(out) = self.current.as_mut() {
            out.write_all(record)?;
        }
        self.bytes += record.len();
        self.records += 1;
        Ok(())
    }

    /// Records larger than the limit (each alone in its chunk).
    pub fn oversized(&self) -> u64 {
        self.oversized
    }

    /// Flushes the last chunk; returns (chunks, records) written.
    pub fn finish(mut self) -> io::Result<(usize, u64)> {
        if let Some(mut done) = self.current.take() {
            done.flush()?;
        }
        Ok((self.chunks, self.records))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ArticleId;

    fn article(date: bool) -> Article {
        Article {
            id: ArticleId::from_string("0123456789abcdef".to_string()),
            path: "/a/b.jsonl".into(),
            position: 4,
            title: "Talks \"resume\"".to_string(),
            body: "Line one.\n\nLine two.".to_string(),
            date: date.then(|| chrono::NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()),
            url: None,
            source: Some("Wire".to_string()),
            authors: vec![],
            tags: vec![],
            people: vec!["Ana Ruiz".to_string()],
            places: vec!["Lisbon".to_string()],
            mentions: vec![],
            others: vec![],
            located: vec![],
            styled: vec![],
        }
    }

    #[test]
    fn bulk_records_are_two_lines() {
        let bytes = bulk_lines(&article(true));
        let text = String::from_utf8(bytes).unwrap();
        let lines: Vec<&str> = text.split_terminator('\n').collect();
        assert_eq!(lines.len(), 2);
        assert!(text.ends_with('\n'));
        assert_eq!(lines[0], r#"{"index":{"_id":"0123456789abcdef"}}"#);
        let source: serde_json::Value = serde_json::from_str(lines[1]).unwrap();
        assert_eq!(source["date"], "2024-02-29T00:00:00Z");
        assert_eq!(source["body"], "Line one.\n\nLine two.");
        assert!(source.get("url").is_none());
    }

    #[test]
    fn undated_documents_have_no_date() {
        let line = quickwit_line(&article(false));
        let doc: serde_json::Value = serde_json::from_slice(&line).unwrap();
        assert!(doc.get("date").is_none());
        assert_eq!(doc["people"][0], "Ana Ruiz");
    }

    #[test]
    fn chunks_stay_under_the_limit_and_keep_records_whole() {
        let sink = std::rc::Rc::new(std::cell::RefCell::new(Vec::<Vec<u8>>::new()));
        struct Shared(std::rc::Rc<std::cell::RefCell<Vec<Vec<u8>>>>, usize);
        impl Write for Shared {
            fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                self.0.borrow_mut()[self.1].extend_from_slice(buf);
                Ok(buf.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let mut chunks = Chunks::new(25, |n| {
            sink.borrow_mut().push(Vec::new());
            Ok(Shared(sink.clone(), n - 1))
        });
        for record in [&b"aaaaaaaaaa\n"[..], b"bbbbbbbbbb\n", &[b'x'; 30], b"d\n"] {
            chunks.write(record).unwrap();
        }
        assert_eq!(chunks.oversized(), 1);
        assert_eq!(chunks.finish().unwrap(), (3, 4));
        let out = sink.borrow();
        assert_eq!(out.len(), 3);
        assert_eq!(out[0], b"aaaaaaaaaa\nbbbbbbbbbb\n");
        assert_eq!(out[1].len(), 30);
        assert_eq!(out[2], b"d\n");
    }
}
