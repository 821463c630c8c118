//! `newsdex stats`.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use newsdex::NewsIndex;
use newsdex::output::{csv, human, json};

use super::{Format, Status};
use crate::cli::StatsArgs;

pub fn run(index_path: &Path, args: StatsArgs) -> Result<Status> {
    let index = NewsIndex::open(index_path)?;
    let stats = newsdex::stats(&index)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match Format::from_flags(args.json, args.csv) {
        Format::Json => json::write_line(&mut out, &json::StatsJson::new(&stats))?,
        Format::Csv => csv::write_stats(&mut out, &stats)?,
        Format::Human => human::write_stats(&mut out, &stats)?,
    }
    out.flush()?;
    Ok(Status::Found)
}
