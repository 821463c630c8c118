//! `newsdex stats`.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use newsdex::NewsIndex;
use newsdex::output::{human, json};

use super::Status;
use crate::cli::StatsArgs;

pub fn run(index_path: &Path, args: StatsArgs) -> Result<Status> {
    let index = NewsIndex::open(index_path)?;
    let stats = newsdex::stats(&index)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.json {
        json::write_line(&mut out, &json::StatsJson::new(&stats))?;
    } else {
        human::write_stats(&mut out, &stats)?;
    }
    out.flush()?;
    Ok(Status::Found)
}
