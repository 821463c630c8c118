//! Output for people: aligned, bold where it helps, never wider than needed.

use std::io::{self, Write};

use super::Style;
use crate::model::IngestReport;
use crate::model::{Article, EntityKind};
use crate::query::{EntityCount, PersonForms, SearchResults, Snippet, Stats};

const BOLD: &str = "1";
const DIM: &str = "2";
const MATCH: &str = "1;31";
const CYAN: &str = "36";

/// Writes a page of search results after a header with the total count.
pub fn write_search<W: Write>(
    w: &mut W,
    results: &SearchResults,
    offset: usize,
    style: &Style,
) -> io::Result<()> {
    let noun = if results.total == 1 {
        "article matches"
    } else {
        "articles match"
    };
    if results.hits.is_empty() || (offset == 0 && results.hits.len() == results.total) {
        writeln!(w, "{} {noun}", results.total)?;
    } else {
        writeln!(
            w,
            "{} {noun}; showing {}-{}",
            results.total,
            offset + 1,
            offset + results.hits.len()
        )?;
    }
    for (i, hit) in results.hits.iter().enumerate() {
        writeln!(w)?;
        let title = if hit.title.is_empty() {
            "(untitled)"
        } else {
            &hit.title
        };
        writeln!(w, "{:>3}. {}", offset + i + 1, style.paint(BOLD, title))?;
        let date = hit
            .date
            .map_or_else(|| "undated".to_string(), |d| d.to_string());
        let meta = format!("{date}  {}  {}", hit.id, style.path(&hit.path).display());
        writeln!(w, "     {}", style.paint(DIM, &meta))?;
        if !hit.people.is_empty() {
            writeln!(
                w,
                "     people: {}",
                style.paint(CYAN, &hit.people.join(", "))
            )?;
        }
        if !hit.places.is_empty() {
            writeln!(
                w,
                "     places: {}",
                style.paint(CYAN, &hit.places.join(", "))
            )?;
        }
        if !hit.snippet.text.is_empty() {
            writeln!(w, "     {}", snippet(&hit.snippet, style))?;
        }
    }
    Ok(())
}

/// The snippet on one line with its matches painted.
fn snippet(s: &Snippet, style: &Style) -> String {
    let mut out = String::new();
    let mut at = 0;
    for range in &s.highlights {
        out.push_str(&s.text[at..range.start]);
        out.push_str(&style.paint(MATCH, &s.text[range.clone()]));
        at = range.end;
    }
    out.push_str(&s.text[at..]);
    let mut line = out.split_whitespace().collect::<Vec<_>>().join(" ");
    // A passage cut mid-sentence says so.
    if s.text.starts_with(|c: char| c.is_lowercase()) {
        line.insert(0, '…');
    }
    if !s
        .text
        .trim_end()
        .ends_with(['.', '!', '?', '"', '”', '’', '…'])
    {
        line.push('…');
    }
    line
}

/// Writes persons with the forms merged under each (`people NAME --forms`).
pub fn write_person_forms<W: Write>(
    w: &mut W,
    persons: &[PersonForms],
    style: &Style,
) -> io::Result<()> {
    for p in persons {
        writeln!(
            w,
            "{}  ({} articles)",
            style.paint(BOLD, &p.name),
            p.articles
        )?;
        for f in &p.forms {
            writeln!(w, "  {:>8}  {}", f.articles, f.name)?;
        }
    }
    Ok(())
}

/// Writes a ranked list of people or places with their article counts.
pub fn write_entities<W: Write>(
    w: &mut W,
    entries: &[EntityCount],
    kind: EntityKind,
    style: &Style,
) -> io::Result<()> {
    let width = entries
        .iter()
        .map(|e| e.articles.to_string().len())
        .max()
        .unwrap_or(1);
    let heading = match kind {
        EntityKind::Person => "people",
        EntityKind::Place => "places",
    };
    writeln!(
        w,
        "{}",
        style.paint(
            DIM,
            &format!("{:>width$}  {heading}", "articles", width = width.max(8))
        )
    )?;
    for e in entries {
        writeln!(
            w,
            "{:>width$}  {}",
            e.articles,
            e.name,
            width = width.max(8)
        )?;
    }
    Ok(())
}

/// Writes one whole article.
pub fn write_article<W: Write>(w: &mut W, article: &Article, style: &Style) -> io::Result<()> {
    let title = if article.title.is_empty() {
        "(untitled)"
    } else {
        &article.title
    };
    writeln!(w, "{}", style.paint(BOLD, title))?;
    let field = |w: &mut W, name: &str, value: &str| -> io::Result<()> {
        if value.is_empty() {
            return Ok(());
        }
        writeln!(w, "{} {value}", style.paint(DIM, &format!("{name:>8}:")))
    };
    field(w, "id", article.id.as_str())?;
    let date = article.date.map(|d| d.to_string()).unwrap_or_default();
    field(w, "date", &date)?;
    field(w, "path", &style.path(&article.path).display().to_string())?;
    if article.position > 0 {
        field(w, "position", &article.position.to_string())?;
    }
    field(w, "url", article.url.as_deref().unwrap_or(""))?;
    field(w, "source", article.source.as_deref().unwrap_or(""))?;
    field(w, "authors", &article.authors.join(", "))?;
    field(w, "people", &article.people.join(", "))?;
    field(w, "places", &article.places.join(", "))?;
    field(w, "tags", &article.tags.join(", "))?;
    writeln!(w)?;
    for paragraph in article.body.split("\n\n") {
        writeln!(w, "{paragraph}")?;
        writeln!(w)?;
    }
    Ok(())
}

/// Writes index figures.
pub fn write_stats<W: Write>(w: &mut W, stats: &Stats) -> io::Result<()> {
    let day = |d: Option<chrono::NaiveDate>| d.map_or_else(|| "-".to_string(), |d| d.to_string());
    writeln!(w, "articles:         {}", stats.articles)?;
    writeln!(w, "source files:     {}", stats.files)?;
    writeln!(w, "people:           {}", stats.people)?;
    writeln!(w, "places:           {}", stats.places)?;
    writeln!(w, "earliest date:    {}", day(stats.earliest))?;
    writeln!(w, "latest date:      {}", day(stats.latest))?;
    writeln!(w, "without a date:   {}", stats.undated)?;
    writeln!(w, "index size:       {}", human_bytes(stats.size_bytes))?;
    Ok(())
}

/// Writes the ingest summary (the binary sends it to stderr).
pub fn write_ingest_summary<W: Write>(
    w: &mut W,
    report: &IngestReport,
    style: &Style,
) -> io::Result<()> {
    for s in &report.skipped {
        writeln!(w, "skipped {}: {}", style.path(&s.path).display(), s.reason)?;
    }
    const SHOWN: usize = 20;
    for s in report.problems.iter().take(SHOWN) {
        writeln!(
            w,
            "skipped part of {}: {}",
            style.path(&s.path).display(),
            s.reason
        )?;
    }
    if report.problems.len() > SHOWN {
        writeln!(
            w,
            "... and {} more skipped parts (see --json for all)",
            report.problems.len() - SHOWN
        )?;
    }
    let secs = report.elapsed.as_secs_f64();
    writeln!(
        w,
        "{} files seen, {} read in {secs:.1}s: {} articles added, {} updated, {} removed, {} unchanged; {} files skipped",
        report.files_seen,
        report.files_read,
        report.added,
        report.updated,
        report.removed,
        report.unchanged,
        report.skipped.len()
    )?;
    let d = &report.dates;
    if d.dropped + d.unparsed > 0 {
        writeln!(
            w,
            "dates: {} impossible dates dropped, {} unreadable dates ignored",
            d.dropped, d.unparsed
        )?;
    }
    Ok(())
}

/// `1536` -> `1.5 KiB`.
fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes() {
        assert_eq!(human_bytes(12), "12 B");
        assert_eq!(human_bytes(1536), "1.5 KiB");
        assert_eq!(human_bytes(5 * 1024 * 1024), "5.0 MiB");
    }

    #[test]
    fn snippet_paints_matches_only_with_color() {
        let s = Snippet {
            text: "new  sanctions\nlaw".to_string(),
            highlights: std::iter::once(5..14).collect(),
        };
        let plain = Style::default();
        assert_eq!(snippet(&s, &plain), "…new sanctions law…");
        let color = Style {
            color: true,
            base: None,
        };
        assert_eq!(snippet(&s, &color), "…new \x1b[1;31msanctions\x1b[0m law…");
        let whole = Snippet {
            text: "Sanctions were lifted.".to_string(),
            highlights: Vec::new(),
        };
        assert_eq!(snippet(&whole, &plain), "Sanctions were lifted.");
    }
}
