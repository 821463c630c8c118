//! The extract stage: raw articles in, dated articles with people and places
//! out.
//!
//! * `entities` defines the [`EntityExtractor`] seam and the shipped
//!   implementation, [`TaggerExtractor`]: the statistical `tagger` plus
//!   canonical names.
//! * `places` is the embedded GeoNames place table.
//! * `eval` (feature `lab` and tests only) scores extractors against gold
//!   labels.
//!
//! Uses `model`, `dates` and `data`; pure, no file system.

// The modules are public only for the lab code (feature `lab`: training,
// clustering, scoring); the library's API is the re-exports below.
#[cfg(feature = "lab")]
pub mod entities;
#[cfg(not(feature = "lab"))]
mod entities;
#[cfg(any(test, feature = "lab"))]
pub mod eval;
#[cfg(feature = "lab")]
pub mod places;
#[cfg(not(feature = "lab"))]
mod places;
#[cfg(feature = "lab")]
pub mod tagger;
#[cfg(not(feature = "lab"))]
mod tagger;

use std::path::Path;

use chrono::NaiveDate;

pub use entities::{Entities, EntityExtractor, TaggerExtractor, model_version};
pub(crate) use entities::{glued_at, is_glued};
pub(crate) use places::fold_into;

/// Whether the embedded gazetteer knows a place by this name.
pub(crate) fn is_known_place(name: &str) -> bool {
    places::PlaceTable::get().lookup(name).is_some()
}

use crate::dates::{self, DateParse};
use crate::model::{Article, ArticleId, Dateline, RawArticle};

/// The extractor that ingest, extract and show use: the embedded
/// statistical tagger. Fails only if the embedded model is unreadable.
pub fn default_extractor() -> Result<TaggerExtractor, tagger::ModelError> {
    TaggerExtractor::load()
}

/// What happened to an article's date while extracting it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateNote {
    /// A date came from the metadata.
    FromMetadata,
    /// No usable metadata date; the date came from the file path.
    FromPath,
    /// No usable metadata or path date; the day came from a wire dateline
    /// (`BEIJING, April 25 (Reuters) -`) with the year from the path or the
    /// text.
    FromDateline,
    /// The metadata date was impossible (outside 1800-01-01..=tomorrow) and
    /// was dropped.
    Dropped,
    /// The metadata had a date that could not be parsed.
    Unparsed,
    /// No date anywhere.
    Missing,
}

/// Turns a raw article from `path` into an [`Article`]: resolves its date
/// (metadata first, then the path, never the file's mtime) and extracts its
/// people and places.
///
/// `today` bounds plausible dates (tomorrow is the latest accepted day).
pub fn extract_article(
    raw: RawArticle,
    path: &Path,
    extractor: &dyn EntityExtractor,
    today: NaiveDate,
) -> (Article, DateNote) {
    let (mut date, mut note) = resolve_date(raw.date.as_deref(), path, today);
    if date.is_none()
        && let Some(Dateline { month, day }) = raw.dateline
        && let Some(found) = dateline_date(month, day, &raw, path, today)
    {
        (date, note) = (Some(found), DateNote::FromDateline);
    }
    let entities = extractor.extract(&raw.title, &raw.body);
    let article = Article {
        id: ArticleId::from_source(path, raw.position),
        path: path.to_path_buf(),
        position: raw.position,
        title: raw.title,
        body: raw.body,
        date,
        url: raw.url,
        source: raw.source,
        authors: raw.authors,
        tags: raw.tags,
        people: entities.people,
        places: entities.places,
        mentions: entities.mentions,
        others: entities.others,
        located: entities.located,
        styled: entities.styled,
    };
    (article, note)
}

/// The day of a wire dateline: its month and day in the year the path names,
/// else in the year the article writes most often.
fn dateline_date(
    month: u32,
    day: u32,
    raw: &RawArticle,
    path: &Path,
    today: NaiveDate,
) -> Option<NaiveDate> {
    let year = dates::year_from_path(path, today).or_else(|| {
        let title = dates::year_hint(&raw.title, today);
        dates::year_hint(&raw.body, today).or(title)
    })?;
    dates::dateline_day(month, day, year, today)
}

fn resolve_date(
    metadata: Option<&str>,
    path: &Path,
    today: NaiveDate,
) -> (Option<NaiveDate>, DateNote) {
    let mut note = DateNote::Missing;
    if let Some(text) = metadata.filter(|t| !t.trim().is_empty()) {
        match dates::parse_date(text, today) {
            DateParse::Day(day) => return (Some(day), DateNote::FromMetadata),
            DateParse::OutOfRange(_) => note = DateNote::Dropped,
            DateParse::Unparsed => note = DateNote::Unparsed,
        }
    }
    match dates::date_from_path(path, today) {
        Some(day) => (Some(day), DateNote::FromPath),
        None => (None, note),
    }
}
