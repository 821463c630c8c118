//! CSV for spreadsheets: one header row, then one row per hit, entity or
//! index, with the same columns as the JSON Lines keys (see [`super::json`]).
//!
//! RFC 4180 (the csv crate quotes fields that hold commas, quotes or line
//! breaks, and ends records with CRLF), UTF-8 without a byte-order mark.
//! Lists (people, places) go in one cell joined by `"; "`, dates are ISO
//! (`YYYY-MM-DD`, empty when unknown) and snippets are plain text. Cells are
//! written as they are: a title that starts with `=` stays a title, so a
//! spreadsheet should import the file as text, not formulas.

use std::io::{self, Write};

use crate::model::EntityKind;
use crate::query::{Companion, EntityCount, Hit, PersonForms, Stats, TimelineBucket};

/// The separator of the list cells (people, places).
pub const LIST_SEPARATOR: &str = "; ";

/// The columns of a hit row, in order.
pub const HIT_COLUMNS: [&str; 9] = [
    "id", "score", "title", "date", "people", "places", "path", "position", "snippet",
];

/// The columns of an entity row, in order.
pub const ENTITY_COLUMNS: [&str; 2] = ["name", "articles"];

/// The columns of a form row (`people NAME --forms`), in order: the
/// person, its articles, one form of its name and that form's articles.
pub const FORM_COLUMNS: [&str; 4] = ["name", "articles", "form", "form_articles"];

/// The columns of a timeline bucket row, in order.
pub const BUCKET_COLUMNS: [&str; 3] = ["start", "end", "count"];

/// The columns of a companion row (`related`), in order.
pub const COMPANION_COLUMNS: [&str; 6] = ["name", "kind", "together", "articles", "lift", "npmi"];

/// The columns of the stats row, in order.
pub const STATS_COLUMNS: [&str; 8] = [
    "articles",
    "people",
    "places",
    "earliest",
    "latest",
    "undated",
    "files",
    "size_bytes",
];

/// A CSV writer over `w` that always writes the header, even for no rows,
/// so an empty result still opens as a table with named columns.
pub struct Table<W: Write> {
    inner: csv::Writer<W>,
}

impl<W: Write> Table<W> {
    /// Starts a table with its header row.
    pub fn new(w: W, columns: &[&str]) -> io::Result<Table<W>> {
        let mut inner = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(w);
        inner.write_record(columns).map_err(into_io)?;
        Ok(Table { inner })
    }

    /// Writes one hit.
    pub fn hit(&mut self, hit: &Hit) -> io::Result<()> {
        let score = hit.score.to_string();
        let date = day(hit.date);
        let people = hit.people.join(LIST_SEPARATOR);
        let places = hit.places.join(LIST_SEPARATOR);
        let path = hit.path.display().to_string();
        let position = hit.position.to_string();
        self.row(&[
            hit.id.as_str(),
            &score,
            &hit.title,
            &date,
            &people,
            &places,
            &path,
            &position,
            &hit.snippet.text,
        ])
    }

    /// Writes one entity count.
    pub fn entity(&mut self, entity: &EntityCount) -> io::Result<()> {
        self.row(&[&entity.name, &entity.articles.to_string()])
    }

    /// Writes one timeline bucket.
    pub fn bucket(&mut self, bucket: &TimelineBucket) -> io::Result<()> {
        self.row(&[
            &bucket.start.to_string(),
            &bucket.end.to_string(),
            &bucket.count.to_string(),
        ])
    }

    /// Writes one companion of `related`, rounded as in its JSON line.
    pub fn companion(&mut self, companion: &Companion, kind: EntityKind) -> io::Result<()> {
        let c = super::json::CompanionJson::new(companion, kind);
        self.row(&[
            c.name,
            c.kind,
            &c.together.to_string(),
            &c.articles.to_string(),
            &c.lift.to_string(),
            &c.npmi.to_string(),
        ])
    }

    /// Writes the stats row.
    pub fn stats(&mut self, stats: &Stats) -> io::Result<()> {
        self.row(&[
            &stats.articles.to_string(),
            &stats.people.to_string(),
            &stats.places.to_string(),
            &day(stats.earliest),
            &day(stats.latest),
            &stats.undated.to_string(),
            &stats.files.to_string(),
            &stats.size_bytes.to_string(),
        ])
    }

    /// Writes one row of cells.
    pub fn row(&mut self, cells: &[&str]) -> io::Result<()> {
        self.inner.write_record(cells).map_err(into_io)
    }

    /// Flushes the rows to the underlying writer.
    pub fn finish(mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Writes hits as a table.
pub fn write_hits<W: Write>(w: W, hits: &[Hit]) -> io::Result<()> {
    let mut table = Table::new(w, &HIT_COLUMNS)?;
    for hit in hits {
        table.hit(hit)?;
    }
    table.finish()
}

/// Writes entity counts as a table.
pub fn write_entities<W: Write>(w: W, entries: &[EntityCount]) -> io::Result<()> {
    let mut table = Table::new(w, &ENTITY_COLUMNS)?;
    for entry in entries {
        table.entity(entry)?;
    }
    table.finish()
}

/// Writes persons with their forms, one row per form.
pub fn write_person_forms<W: Write>(w: W, persons: &[PersonForms]) -> io::Result<()> {
    let mut table = Table::new(w, &FORM_COLUMNS)?;
    for person in persons {
        let articles = person.articles.to_string();
        for form in &person.forms {
            table.row(&[
                &person.name,
                &articles,
                &form.name,
                &form.articles.to_string(),
            ])?;
        }
    }
    table.finish()
}

/// Writes index figures as a one-row table.
pub fn write_stats<W: Write>(w: W, stats: &Stats) -> io::Result<()> {
    let mut table = Table::new(w, &STATS_COLUMNS)?;
    table.stats(stats)?;
    table.finish()
}

fn day(date: Option<chrono::NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

/// csv's errors are I/O errors here (we write strings only); keep the
/// underlying `io::Error` so a closed pipe is still recognised.
fn into_io(err: csv::Error) -> io::Error {
    match err.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ArticleId;
    use crate::query::Snippet;
    use std::path::PathBuf;

    fn hit(title: &str, snippet: &str) -> Hit {
        Hit {
            id: ArticleId::from_string("00112233445566ff".to_string()),
            score: 1.5,
            title: title.to_string(),
            date: chrono::NaiveDate::from_ymd_opt(2024, 3, 9),
            people: vec!["Antony Blinken".to_string(), "Wang Yi".to_string()],
            places: vec!["Beijing".to_string()],
            path: PathBuf::from("/a/b, c.txt"),
            position: 3,
            snippet: Snippet {
                text: snippet.to_string(),
                highlights: std::iter::once(0..3).collect(),
            },
        }
    }

    fn read_back(bytes: &[u8]) -> Vec<Vec<String>> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(bytes);
        reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn hits_round_trip_with_quoting() {
        let title = "Talks, \"frank\" and long\nsecond line";
        let mut out = Vec::new();
        write_hits(&mut out, &[hit(title, "<b>x</b> & y")]).unwrap();
        let text = String::from_utf8(out.clone()).unwrap();
        assert!(text.starts_with("id,score,title,date,people,places,path,position,snippet\r\n"));
        let rows = read_back(&out);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1][0], "00112233445566ff");
        assert_eq!(rows[1][2], title);
        assert_eq!(rows[1][3], "2024-03-09");
        assert_eq!(rows[1][4], "Antony Blinken; Wang Yi");
        assert_eq!(rows[1][6], "/a/b, c.txt");
        // Plain text: the snippet's own characters, no markup added.
        assert_eq!(rows[1][8], "<b>x</b> & y");
    }

    #[test]
    fn empty_result_still_has_a_header() {
        let mut out = Vec::new();
        write_entities(&mut out, &[]).unwrap();
        assert_eq!(out, b"name,articles\r\n");
    }

    #[test]
    fn stats_row_leaves_unknown_days_empty() {
        let mut out = Vec::new();
        write_stats(
            &mut out,
            &Stats {
                articles: 2,
                ..Stats::default()
            },
        )
        .unwrap();
        let rows = read_back(&out);
        assert_eq!(rows[0], STATS_COLUMNS);
        assert_eq!(rows[1][0], "2");
        assert_eq!(rows[1][3], "");
    }
}
