//! `newsdex check`: verifies the index files and the article records.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use newsdex::NewsIndex;
use newsdex::output::json;

use super::Status;
use crate::cli::CheckArgs;

pub fn run(index_path: &Path, args: CheckArgs) -> Result<Status> {
    let index = NewsIndex::open(index_path)?;
    let check = index.check()?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.json {
        json::write_line(&mut out, &json::CheckJson::new(&check))?;
    } else {
        writeln!(
            out,
            "{}: {} articles from {} files in {} segments; checksums verified",
            index_path.display(),
            check.articles,
            check.files,
            check.segments
        )?;
        if check.unfinished > 0 {
            writeln!(
                out,
                "{} large files were ingested part-way; the next ingest resumes them",
                check.unfinished
            )?;
        }
        for problem in &check.problems {
            writeln!(out, "problem: {problem}")?;
        }
        if check.problems.is_empty() {
            writeln!(out, "ok")?;
        } else {
            writeln!(
                out,
                "the index is damaged: rebuild it with `newsdex ingest --rebuild PATH`"
            )?;
        }
    }
    out.flush()?;
    Ok(if check.problems.is_empty() {
        Status::Found
    } else {
        Status::Failed
    })
}
