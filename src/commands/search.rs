//! `newsdex search`.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use newsdex::NewsIndex;
use newsdex::output::{Style, csv, human, json};
use newsdex::{DateBound, SearchRequest, SearchResults, Sort, parse_day_bound};

use super::{Format, Status};
use crate::cli::{DateArgs, SearchArgs, SortArg};

pub fn run(index_path: &Path, args: SearchArgs, style: &Style) -> Result<Status> {
    let (since, until) = date_range(&args.dates)?;
    let request = SearchRequest {
        text: args.query,
        people: args.people,
        places: args.places,
        since,
        until,
        sort: match args.sort {
            SortArg::Relevance => Sort::Relevance,
            SortArg::Newest => Sort::Newest,
            SortArg::Oldest => Sort::Oldest,
        },
        limit: args.limit,
        offset: args.offset,
    };
    let index = NewsIndex::open(index_path)?;
    let results = newsdex::search(&index, &request)?;
    print_results(
        &results,
        request.offset,
        Format::from_flags(args.json, args.csv),
        style,
    )
}

/// Prints results as search does; shared with `people NAME`/`places NAME`.
pub fn print_results(
    results: &SearchResults,
    offset: usize,
    format: Format,
    style: &Style,
) -> Result<Status> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match format {
        Format::Json => {
            for hit in &results.hits {
                json::write_line(&mut out, &json::HitJson::new(hit))?;
            }
        }
        Format::Csv => csv::write_hits(&mut out, &results.hits)?,
        Format::Human => human::write_search(&mut out, results, offset, style)?,
    }
    out.flush()?;
    Ok(if results.total == 0 {
        Status::NothingFound
    } else {
        Status::Found
    })
}

/// `--since` and `--until` as days.
pub fn date_range(
    dates: &DateArgs,
) -> Result<(Option<chrono::NaiveDate>, Option<chrono::NaiveDate>)> {
    let since = dates
        .since
        .as_deref()
        .map(|s| parse_day_bound(s, DateBound::Start))
        .transpose()?;
    let until = dates
        .until
        .as_deref()
        .map(|s| parse_day_bound(s, DateBound::End))
        .transpose()?;
    if let (Some(s), Some(u)) = (since, until)
        && s > u
    {
        anyhow::bail!("--since {s} is after --until {u}: nothing can match");
    }
    Ok((since, until))
}
