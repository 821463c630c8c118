//! `newsdex timeline`.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use newsdex::output::{Style, chart, csv, json};
use newsdex::{Interval, NewsIndex, SearchRequest};

use super::Status;
use super::search::date_range;
use crate::cli::{IntervalArg, TimelineArgs};

pub fn run(index_path: &Path, args: TimelineArgs, style: &Style) -> Result<Status> {
    let (since, until) = date_range(&args.dates)?;
    let request = SearchRequest {
        text: args.query.unwrap_or_default(),
        people: args.people,
        places: args.places,
        since,
        until,
        ..SearchRequest::default()
    };
    let interval = args.by.map(|by| match by {
        IntervalArg::Day => Interval::Day,
        IntervalArg::Week => Interval::Week,
        IntervalArg::Month => Interval::Month,
        IntervalArg::Year => Interval::Year,
    });
    let index = NewsIndex::open(index_path)?;
    let timeline = newsdex::timeline(&index, &request, interval)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.json {
        for bucket in &timeline.buckets {
            json::write_line(&mut out, &json::BucketJson::new(bucket))?;
        }
    } else if args.csv {
        let mut table = csv::Table::new(&mut out, &csv::BUCKET_COLUMNS)?;
        for bucket in &timeline.buckets {
            table.bucket(bucket)?;
        }
        table.finish()?;
    } else {
        chart::write_timeline(&mut out, &timeline, style)?;
    }
    out.flush()?;
    Ok(if timeline.dated() + timeline.undated == 0 {
        Status::NothingFound
    } else {
        Status::Found
    })
}
