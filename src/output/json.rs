//! The JSON Lines schema. Each struct here is one kind of line; field names
//! are the contract (CONTRACT.md) and only grow.

use std::io::{self, Write};

use serde::Serialize;

use crate::model::IngestReport;
use crate::model::{Article, EntityKind, Mention};
use crate::query::{
    Companion, Companions, EntityCount, Exploration, Hit, PersonForms, Related, Snippet, Stats,
    Timeline, TimelineBucket,
};

/// One search hit.
#[derive(Debug, Serialize)]
pub struct HitJson<'a> {
    /// Article id.
    pub id: &'a str,
    /// BM25 score.
    pub score: f32,
    /// Headline.
    pub title: &'a str,
    /// `YYYY-MM-DD` or null.
    pub date: Option<String>,
    /// People, most mentioned first.
    pub people: &'a [String],
    /// Places, most mentioned first.
    pub places: &'a [String],
    /// Source file.
    pub path: String,
    /// Position in the source file.
    pub position: u64,
    /// Body passage, matches in `<b>`, the rest HTML-escaped.
    pub snippet: String,
}

impl<'a> HitJson<'a> {
    /// The JSON form of a hit.
    pub fn new(hit: &'a Hit) -> HitJson<'a> {
        HitJson {
            id: hit.id.as_str(),
            score: hit.score,
            title: &hit.title,
            date: hit.date.map(|d| d.to_string()),
            people: &hit.people,
            places: &hit.places,
            path: hit.path.display().to_string(),
            position: hit.position,
            snippet: snippet_html(&hit.snippet),
        }
    }
}

/// A snippet as HTML: matched words in `<b>`...`</b>`, the rest escaped.
fn snippet_html(snippet: &Snippet) -> String {
    let mut html = String::with_capacity(snippet.text.len() + 16);
    let mut at = 0;
    for range in &snippet.highlights {
        escape_into(&snippet.text[at..range.start], &mut html);
        html.push_str("<b>");
        escape_into(&snippet.text[range.clone()], &mut html);
        html.push_str("</b>");
        at = range.end;
    }
    escape_into(&snippet.text[at..], &mut html);
    html
}

/// Appends `text` with the HTML special characters escaped.
fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// One entity with its article count.
#[derive(Debug, Serialize)]
pub struct EntityJson<'a> {
    /// Canonical name.
    pub name: &'a str,
    /// Articles that mention it.
    pub articles: u64,
}

impl<'a> EntityJson<'a> {
    /// The JSON form of an entity count.
    pub fn new(entry: &'a EntityCount) -> EntityJson<'a> {
        EntityJson {
            name: &entry.name,
            articles: entry.articles,
        }
    }
}

/// One article, as `extract` and `show` print it.
#[derive(Debug, Serialize)]
pub struct ArticleJson<'a> {
    /// Article id (`show` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a str>,
    /// Source file.
    pub path: String,
    /// Position in the source file.
    pub position: u64,
    /// Headline.
    pub title: &'a str,
    /// `YYYY-MM-DD` or null.
    pub date: Option<String>,
    /// The whole body.
    pub body: &'a str,
    /// URL or null.
    pub url: Option<&'a str>,
    /// Publisher or null.
    pub source: Option<&'a str>,
    /// Authors.
    pub authors: &'a [String],
    /// The source's own index terms.
    pub tags: &'a [String],
    /// People, most mentioned first.
    pub people: &'a [String],
    /// Places, most mentioned first.
    pub places: &'a [String],
    /// Every entity mention.
    pub mentions: &'a [Mention],
}

impl<'a> ArticleJson<'a> {
    /// The JSON form of an article; `with_id` for `show`.
    pub fn new(article: &'a Article, with_id: bool) -> ArticleJson<'a> {
        ArticleJson {
            id: with_id.then(|| article.id.as_str()),
            path: article.path.display().to_string(),
            position: article.position,
            title: &article.title,
            date: article.date.map(|d| d.to_string()),
            body: &article.body,
            url: article.url.as_deref(),
            source: article.source.as_deref(),
            authors: &article.authors,
            tags: &article.tags,
            people: &article.people,
            places: &article.places,
            mentions: &article.mentions,
        }
    }
}

/// A skipped file or part of a file.
#[derive(Debug, Serialize)]
pub struct SkippedJson {
    /// The file.
    pub path: String,
    /// Why.
    pub reason: String,
}

/// Where dates came from.
#[derive(Debug, Serialize)]
pub struct DatesJson {
    /// From metadata.
    pub from_metadata: u64,
    /// From the path.
    pub from_path: u64,
    /// From a wire dateline.
    pub from_dateline: u64,
    /// Impossible dates dropped.
    pub dropped: u64,
    /// Unreadable metadata dates.
    pub unparsed: u64,
    /// No date.
    pub missing: u64,
}

/// The ingest summary.
#[derive(Debug, Serialize)]
pub struct IngestJson {
    /// Files found.
    pub files_seen: u64,
    /// Files read (new or changed).
    pub files_read: u64,
    /// Articles added.
    pub added: u64,
    /// Articles replaced.
    pub updated: u64,
    /// Articles removed.
    pub removed: u64,
    /// Articles untouched.
    pub unchanged: u64,
    /// Files skipped.
    pub skipped: Vec<SkippedJson>,
    /// Parts of files skipped (bad lines).
    pub problems: Vec<SkippedJson>,
    /// Where dates came from.
    pub dates: DatesJson,
    /// Commits written.
    pub commits: u64,
    /// Wall time in milliseconds.
    pub elapsed_ms: u64,
}

impl IngestJson {
    /// The JSON form of a report.
    pub fn new(report: &IngestReport) -> IngestJson {
        let skipped = |list: &[crate::model::Skipped]| {
            list.iter()
                .map(|s| SkippedJson {
                    path: s.path.display().to_string(),
                    reason: s.reason.clone(),
                })
                .collect()
        };
        let d = &report.dates;
        IngestJson {
            files_seen: report.files_seen,
            files_read: report.files_read,
            added: report.added,
            updated: report.updated,
            removed: report.removed,
            unchanged: report.unchanged,
            skipped: skipped(&report.skipped),
            problems: skipped(&report.problems),
            dates: DatesJson {
                from_metadata: d.from_metadata,
                from_path: d.from_path,
                from_dateline: d.from_dateline,
                dropped: d.dropped,
                unparsed: d.unparsed,
                missing: d.missing,
            },
            commits: report.commits,
            elapsed_ms: report.elapsed.as_millis() as u64,
        }
    }
}

/// Index figures.
#[derive(Debug, Serialize)]
pub struct StatsJson {
    /// Articles.
    pub articles: u64,
    /// Distinct people.
    pub people: u64,
    /// Distinct places.
    pub places: u64,
    /// Earliest day or null.
    pub earliest: Option<String>,
    /// Latest day or null.
    pub latest: Option<String>,
    /// Articles without a date.
    pub undated: u64,
    /// Source files.
    pub files: u64,
    /// Index size on disk in bytes.
    pub size_bytes: u64,
}

impl StatsJson {
    /// The JSON form of stats.
    pub fn new(stats: &Stats) -> StatsJson {
        StatsJson {
            articles: stats.articles,
            people: stats.people,
            places: stats.places,
            earliest: stats.earliest.map(|d| d.to_string()),
            latest: stats.latest.map(|d| d.to_string()),
            undated: stats.undated,
            files: stats.files,
            size_bytes: stats.size_bytes,
        }
    }
}

/// What `check` found.
#[derive(Debug, Serialize)]
pub struct CheckJson<'a> {
    /// No problem found.
    pub ok: bool,
    /// Segments read.
    pub segments: u64,
    /// Articles.
    pub articles: u64,
    /// Source files.
    pub files: u64,
    /// Large files whose ingest stopped part-way (resumed by the next ingest).
    pub unfinished: u64,
    /// What is wrong, one line each.
    pub problems: &'a [String],
}

impl<'a> CheckJson<'a> {
    /// The JSON form of a check.
    pub fn new(check: &'a crate::IndexCheck) -> CheckJson<'a> {
        CheckJson {
            ok: check.problems.is_empty(),
            segments: check.segments,
            articles: check.articles,
            files: check.files,
            unfinished: check.unfinished,
            problems: &check.problems,
        }
    }
}

/// One timeline bucket (a line of `timeline --json`).
#[derive(Debug, Serialize)]
pub struct BucketJson {
    /// First day, `YYYY-MM-DD`.
    pub start: String,
    /// Last day, `YYYY-MM-DD`.
    pub end: String,
    /// Matching articles published from `start` to `end`.
    pub count: u64,
}

impl BucketJson {
    /// The JSON form of a bucket.
    pub fn new(bucket: &TimelineBucket) -> BucketJson {
        BucketJson {
            start: bucket.start.to_string(),
            end: bucket.end.to_string(),
            count: bucket.count,
        }
    }
}

/// A timeline: matching articles per period.
#[derive(Debug, Serialize)]
pub struct TimelineJson {
    /// `day`, `week`, `month` or `year`.
    pub interval: &'static str,
    /// Consecutive buckets, empty ones included.
    pub buckets: Vec<BucketJson>,
    /// Matching articles without a date.
    pub undated: u64,
}

impl TimelineJson {
    /// The JSON form of a timeline.
    pub fn new(timeline: &Timeline) -> TimelineJson {
        TimelineJson {
            interval: timeline.interval.as_str(),
            buckets: timeline.buckets.iter().map(BucketJson::new).collect(),
            undated: timeline.undated,
        }
    }
}

/// An entity that appears with another (a line of `related --json`).
#[derive(Debug, Serialize)]
pub struct CompanionJson<'a> {
    /// Canonical name.
    pub name: &'a str,
    /// `person` or `place`.
    pub kind: &'static str,
    /// Articles that mention it and the subject.
    pub together: u64,
    /// Matching articles that mention it.
    pub articles: u64,
    /// How much likelier it is with the subject than in any matching
    /// article (1: no more likely).
    pub lift: f64,
    /// Normalised pointwise mutual information, from -1 to 1 (0: as
    /// likely with the subject as without; 1: always together).
    pub npmi: f64,
}

impl<'a> CompanionJson<'a> {
    /// The JSON form of a companion of `kind`.
    pub fn new(companion: &'a Companion, kind: EntityKind) -> CompanionJson<'a> {
        CompanionJson {
            name: &companion.name,
            kind: kind.as_str(),
            together: companion.together,
            articles: companion.articles,
            // Three (four) decimals are plenty and keep the output stable.
            lift: (companion.lift * 1000.0).round() / 1000.0,
            npmi: (companion.npmi * 10_000.0).round() / 10_000.0,
        }
    }
}

/// Companions of one kind, ranked two ways.
#[derive(Debug, Serialize)]
pub struct CompanionsJson<'a> {
    /// Most specific first (highest npmi, at least the minimum count).
    pub by_specificity: Vec<CompanionJson<'a>>,
    /// Most shared articles first.
    pub by_count: Vec<CompanionJson<'a>>,
}

impl<'a> CompanionsJson<'a> {
    fn new(companions: &'a Companions, kind: EntityKind) -> CompanionsJson<'a> {
        let list = |l: &'a [Companion]| l.iter().map(|c| CompanionJson::new(c, kind)).collect();
        CompanionsJson {
            by_specificity: list(&companions.by_specificity),
            by_count: list(&companions.by_count),
        }
    }
}

/// The people and places that appear with a person or place.
#[derive(Debug, Serialize)]
pub struct RelatedJson<'a> {
    /// The subject as asked for.
    pub name: &'a str,
    /// `person` or `place`.
    pub kind: &'static str,
    /// Articles matching the filters.
    pub total: u64,
    /// Of those, the articles that mention the subject.
    pub articles: u64,
    /// People that appear with it.
    pub people: CompanionsJson<'a>,
    /// Places that appear with it.
    pub places: CompanionsJson<'a>,
}

impl<'a> RelatedJson<'a> {
    /// The JSON form of related entities.
    pub fn new(related: &'a Related) -> RelatedJson<'a> {
        RelatedJson {
            name: &related.name,
            kind: related.kind.as_str(),
            total: related.total,
            articles: related.articles,
            people: CompanionsJson::new(&related.people, EntityKind::Person),
            places: CompanionsJson::new(&related.places, EntityKind::Place),
        }
    }
}

/// A page of hits with an overview of every match: the server's
/// `/api/search` answer.
#[derive(Debug, Serialize)]
pub struct ExplorationJson<'a> {
    /// How many articles match in all.
    pub total: usize,
    /// Hits skipped before this page.
    pub offset: usize,
    /// The page of hits.
    pub hits: Vec<HitJson<'a>>,
    /// The most mentioned people among every match.
    pub people: Vec<EntityJson<'a>>,
    /// The most mentioned places among every match.
    pub places: Vec<EntityJson<'a>>,
    /// Matching articles per period, or null when not asked for.
    pub timeline: Option<TimelineJson>,
}

impl<'a> ExplorationJson<'a> {
    /// The JSON form of an exploration of the page at `offset`.
    pub fn new(exploration: &'a Exploration, offset: usize) -> ExplorationJson<'a> {
        ExplorationJson {
            total: exploration.results.total,
            offset,
            hits: exploration.results.hits.iter().map(HitJson::new).collect(),
            people: exploration.people.iter().map(EntityJson::new).collect(),
            places: exploration.places.iter().map(EntityJson::new).collect(),
            timeline: exploration.timeline.as_ref().map(TimelineJson::new),
        }
    }
}

/// Writes one value as one line.
pub fn write_line<W: Write, T: Serialize>(w: &mut W, value: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *w, value).map_err(io::Error::from)?;
    w.write_all(b"\n")
}

/// Writes entity counts, one per line.
pub fn write_entities<W: Write>(w: &mut W, entries: &[EntityCount]) -> io::Result<()> {
    for e in entries {
        write_line(w, &EntityJson::new(e))?;
    }
    Ok(())
}

/// One person of `people NAME --forms --json`.
#[derive(Debug, Serialize)]
pub struct PersonFormsJson<'a> {
    /// The name the person is shown by.
    pub name: &'a str,
    /// Articles that mention the person in any form, each counted once.
    pub articles: u64,
    /// Every form of the name, with the articles that write it (over the
    /// whole archive), most first.
    pub forms: Vec<EntityJson<'a>>,
}

/// Writes persons with their forms, one per line.
pub fn write_person_forms<W: Write>(w: &mut W, persons: &[PersonForms]) -> io::Result<()> {
    for p in persons {
        write_line(
            w,
            &PersonFormsJson {
                name: &p.name,
                articles: p.articles,
                forms: p.forms.iter().map(EntityJson::new).collect(),
            },
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_html_escapes_and_marks() {
        let s = Snippet {
            text: "a <b> & sanctions".to_string(),
            highlights: std::iter::once(8..17).collect(),
        };
        assert_eq!(snippet_html(&s), "a &lt;b&gt; &amp; <b>sanctions</b>");
    }
}
