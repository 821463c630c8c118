//! Writing articles: delete-then-add by file, periodic and final commits.

use std::path::Path;

use chrono::{NaiveDate, NaiveTime};
use tantivy::{DateTime, IndexWriter, TantivyDocument, Term};

use super::merge::{BoundedMerges, MAX_MERGED_DOCS};
use super::{Fields, NewsIndex, storage_error, tantivy_error};
use crate::error::Result;
use crate::model::{Article, Fingerprint};

/// The single writer of an index. Holding it holds the index's write lock.
pub struct Indexer {
    writer: IndexWriter,
    fields: Fields,
    path: std::path::PathBuf,
}

impl Indexer {
    pub(super) fn new(index: &NewsIndex, memory: usize, threads: usize) -> Result<Indexer> {
        let threads = threads.max(1);
        // tantivy needs at least 15 MB per thread.
        let memory = memory.max(threads * 15_000_000);
        // One merge at a time, each bounded (see `merge`): the segment
        // files a merge maps count in the process's memory.
        let options = tantivy::indexer::IndexWriterOptions::builder()
            .num_worker_threads(threads)
            .memory_budget_per_thread(memory / threads)
            .num_merge_threads(1)
            .build();
        let writer = index
            .tantivy()
            .writer_with_options(options)
            .map_err(|e| tantivy_error(index.path(), e))?;
        writer.set_merge_policy(Box::new(BoundedMerges::new(MAX_MERGED_DOCS)));
        Ok(Indexer {
            writer,
            fields: index.fields().clone(),
            path: index.path().to_path_buf(),
        })
    }

    /// Deletes every article of the file at `path` (at the next commit).
    pub(crate) fn delete_file(&self, path: &Path) {
        let term = Term::from_field_text(self.fields.file, &path.to_string_lossy());
        self.writer.delete_term(term);
    }

    /// Adds one article, with the fingerprint of its file.
    pub(crate) fn add(&self, article: &Article, fingerprint: &Fingerprint) -> Result<()> {
        let f = &self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.id, article.id.as_str());
        doc.add_text(f.file, article.path.to_string_lossy());
        doc.add_u64(f.position, article.position);
        doc.add_u64(f.file_size, fingerprint.size);
        doc.add_i64(f.file_mtime, fingerprint.mtime);
        doc.add_u64(f.file_hash, fingerprint.hash);
        doc.add_text(f.title, &article.title);
        doc.add_text(f.body, &article.body);
        for person in &article.people {
            doc.add_text(f.people, person);
            doc.add_text(f.person_name, person);
        }
        for place in &article.places {
            doc.add_text(f.places, place);
            doc.add_text(f.place_name, place);
        }
        if let Some(day) = article.date {
            doc.add_date(f.date, day_to_datetime(day));
        }
        if let Some(url) = &article.url {
            doc.add_text(f.url, url);
        }
        for other in &article.others {
            doc.add_text(f.other_name, other);
        }
        for place in &article.located {
            doc.add_text(f.located_name, place);
        }
        for styled in &article.styled {
            doc.add_text(f.styled_name, styled);
        }
        if let Some(source) = &article.source {
            doc.add_text(f.source, source);
            // The publisher is an organisation: evidence against its name
            // as a person or place (`Fox`, `Vox`).
            if !article.others.contains(source) {
                doc.add_text(f.other_name, source);
            }
        }
        for author in &article.authors {
            doc.add_text(f.authors, author);
        }
        for tag in &article.tags {
            doc.add_text(f.tags, tag);
        }
        self.writer.add_document(doc).map_err(|e| self.error(e))?;
        Ok(())
    }

    /// Commits everything added and deleted so far, atomically.
    pub(crate) fn commit(&mut self) -> Result<()> {
        self.writer.commit().map_err(|e| self.error(e))?;
        Ok(())
    }

    /// Waits for background merges to finish and releases the lock.
    pub(crate) fn finish(self) -> Result<()> {
        let path = self.path.clone();
        self.writer
            .wait_merging_threads()
            .map_err(|e| write_error(&path, e))
    }

    fn error(&self, e: tantivy::TantivyError) -> crate::error::Error {
        write_error(&self.path, e)
    }
}

/// An error of the writer. tantivy reports a worker thread's failure
/// without its cause ("an index writer was killed"); when the cause is not
/// clear, a small probe write into the index folder tells a full or
/// read-only disk from other failures.
fn write_error(path: &Path, e: tantivy::TantivyError) -> crate::error::Error {
    use crate::error::Error;
    let err = tantivy_error(path, e);
    if !matches!(err, Error::Index { .. }) {
        return err;
    }
    let probe = path.join(".newsdex-space-probe");
    let written = std::fs::File::create(&probe).and_then(|mut f| {
        std::io::Write::write_all(&mut f, &vec![0u8; 1 << 20])?;
        f.sync_all()
    });
    let _ = std::fs::remove_file(&probe);
    written
        .err()
        .and_then(|e| e.raw_os_error())
        .and_then(|code| storage_error(path, code))
        .unwrap_or(err)
}

/// A day as the instant of its midnight, UTC: the stored form of dates. Only
/// the day is meaningful; no time zone shift is ever applied to it.
pub(crate) fn day_to_datetime(day: NaiveDate) -> DateTime {
    let seconds = day.and_time(NaiveTime::MIN).and_utc().timestamp();
    DateTime::from_timestamp_secs(seconds)
}
