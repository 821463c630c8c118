//! The shared vocabulary of every stage: source formats, articles, ids,
//! entity mentions, and the reports that stages hand to `output`.
//!
//! This module depends on no other module of the crate.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A stable article id: the same source file and position always give the
/// same id, across runs and machines holding the same absolute path.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(String);

impl ArticleId {
    /// The id of the article at `position` in the file at `path`.
    ///
    /// `path` should be absolute and canonical so that the id does not depend
    /// on the working directory of the run that indexed it.
    pub fn from_source(path: &Path, position: u64) -> ArticleId {
        let mut hasher = blake3::Hasher::new();
        hasher.update(path.as_os_str().as_encoded_bytes());
        hasher.update(&[0]);
        hasher.update(&position.to_le_bytes());
        let hash = hasher.finalize();
        let mut id = String::with_capacity(16);
        for byte in &hash.as_bytes()[..8] {
            id.push_str(&format!("{byte:02x}"));
        }
        ArticleId(id)
    }

    /// Wraps an id read back from the index or the command line.
    pub fn from_string(id: String) -> ArticleId {
        ArticleId(id)
    }

    /// The id as text (16 lowercase hex digits for generated ids).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a parser found in one article, before dates are resolved and
/// entities extracted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawArticle {
    /// Position of the article inside its file: 0 for single-article files,
    /// the array index or the 1-based line number for multi-article files.
    pub position: u64,
    /// The headline.
    pub title: String,
    /// The article text, paragraphs separated by a blank line.
    pub body: String,
    /// The publication date exactly as the metadata gave it, if any.
    pub date: Option<String>,
    /// The canonical URL of the article, if known.
    pub url: Option<String>,
    /// The publisher or outlet, if known.
    pub source: Option<String>,
    /// The authors, in the order given.
    pub authors: Vec<String>,
    /// Ids assigned by the source's own indexers (Reuters' `usa`,
    /// `james-baker`): searchable, but neither people nor places.
    pub tags: Vec<String>,
    /// A wire-service dateline's month and day (`BEIJING, April 25 (Reuters)
    /// -`), used when no full date is known; the year comes from the path or
    /// from the text.
    pub dateline: Option<Dateline>,
}

/// The month and day of a wire dateline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// 1-12.
    pub month: u32,
    /// 1-31.
    pub day: u32,
}

/// The kind of a named entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A place: country, region, city, ...
    Place,
}

impl EntityKind {
    /// The lowercase name used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
        }
    }
}

/// One mention of an entity in an article's title or body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The text exactly as it appears in the article.
    pub text: String,
    /// Person or place.
    pub kind: EntityKind,
    /// The canonical name the mention resolves to.
    pub name: String,
}

/// An article ready to be indexed: parsed, dated and with its entities.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// Stable id, derived from `path` and `position`.
    pub id: ArticleId,
    /// The canonical path of the source file.
    pub path: PathBuf,
    /// Position inside the source file (see [`RawArticle::position`]).
    pub position: u64,
    /// The headline.
    pub title: String,
    /// The article text.
    pub body: String,
    /// The publication day, when one was found and is plausible.
    pub date: Option<NaiveDate>,
    /// The canonical URL.
    pub url: Option<String>,
    /// The publisher or outlet.
    pub source: Option<String>,
    /// The authors.
    pub authors: Vec<String>,
    /// The source's own index terms (see [`RawArticle::tags`]).
    pub tags: Vec<String>,
    /// Canonical names of the people mentioned, most mentioned first.
    pub people: Vec<String>,
    /// Canonical names of the places mentioned, most mentioned first.
    pub places: Vec<String>,
    /// Every entity mention in title and body, in order of appearance.
    pub mentions: Vec<Mention>,
    /// Names of organisations and other named things (not listed; indexed
    /// as evidence of what a name is across the archive, and not stored).
    pub others: Vec<String>,
    /// Place names unknown to the gazetteer that follow a locative
    /// preposition (not listed; indexed as evidence that a name is a
    /// place, and not stored).
    pub located: Vec<String>,
    /// A title word with the person name it comes before (`President
    /// Clinton`; not listed; indexed as evidence of whom a title and a
    /// surname name, and not stored).
    pub styled: Vec<String>,
}

/// What decides whether a file must be read again: size and modification
/// time first (no read needed), then the content hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Fingerprint {
    /// Size in bytes.
    pub(crate) size: u64,
    /// Modification time, nanoseconds since the Unix epoch.
    pub(crate) mtime: i64,
    /// The first 8 bytes of the BLAKE3 hash of the file's bytes.
    pub(crate) hash: u64,
}

impl Fingerprint {
    /// The hash stored with the articles of a file whose ingest is not
    /// finished: the parts of a large file committed before its last part.
    /// No content hash takes this value.
    pub(crate) const PARTIAL: u64 = 0;

    /// The content hash used in fingerprints.
    pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
        Fingerprint::from_blake3(&blake3::hash(bytes))
    }

    /// The content hash from a BLAKE3 hash of the file's bytes: its first 8
    /// bytes, never [`Fingerprint::PARTIAL`].
    pub(crate) fn from_blake3(hash: &blake3::Hash) -> u64 {
        let mut first = [0u8; 8];
        first.copy_from_slice(&hash.as_bytes()[..8]);
        u64::from_le_bytes(first).max(1)
    }
}

/// The formats newsdex recognises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceFormat {
    /// Plain text: title line, optional `Key: value` header block, paragraphs.
    Text,
    /// One JSON object or an array of objects.
    Json,
    /// JSON Lines: one object per line.
    JsonLines,
    /// HTML pages: one article each, body found by readability scoring.
    Html,
    /// RSS or Atom feeds: one article per item.
    Feed,
    /// Reuters-21578 SGML: many articles per file.
    Sgml,
}

impl SourceFormat {
    /// A short lowercase name for messages.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceFormat::Text => "text",
            SourceFormat::Json => "json",
            SourceFormat::JsonLines => "json lines",
            SourceFormat::Html => "html",
            SourceFormat::Feed => "feed",
            SourceFormat::Sgml => "sgml",
        }
    }
}

impl fmt::Display for SourceFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A path, or part of a file, that was not ingested, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The path as found.
    pub path: PathBuf,
    /// Why it was skipped, for people.
    pub reason: String,
}

/// How publication dates were found, over the articles read in this run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DateCounts {
    /// From metadata (header block, JSON key).
    pub from_metadata: u64,
    /// From the file path.
    pub from_path: u64,
    /// From a wire dateline plus a year from the path or the text.
    pub from_dateline: u64,
    /// Impossible dates (outside 1800-01-01..=tomorrow) that were dropped.
    pub dropped: u64,
    /// Metadata dates that could not be read.
    pub unparsed: u64,
    /// No date at all.
    pub missing: u64,
}

/// What an ingest run did.
#[derive(Clone, Debug, Default)]
pub struct IngestReport {
    /// Files found by the walk.
    pub files_seen: u64,
    /// Files read and parsed in this run (new or changed).
    pub files_read: u64,
    /// Articles added.
    pub added: u64,
    /// Articles replaced because their file changed.
    pub updated: u64,
    /// Articles removed because their file or their place in it is gone.
    pub removed: u64,
    /// Articles left as they were.
    pub unchanged: u64,
    /// Files not ingested, with reasons.
    pub skipped: Vec<Skipped>,
    /// Parts of files that were skipped (bad JSON Lines lines...).
    pub problems: Vec<Skipped>,
    /// Where dates came from.
    pub dates: DateCounts,
    /// Commits written.
    pub commits: u64,
    /// Wall time.
    pub elapsed: Duration,
}

impl IngestReport {
    /// Articles in the index for the walked paths after the run.
    pub fn articles_kept(&self) -> u64 {
        self.added + self.updated + self.unchanged
    }
}
