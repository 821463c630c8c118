//! `newsdex show ID`.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use newsdex::NewsIndex;
use newsdex::extract::{EntityExtractor, default_extractor};
use newsdex::output::{Style, human, json};

use super::Status;
use crate::cli::ShowArgs;

pub fn run(index_path: &Path, args: ShowArgs, style: &Style) -> Result<Status> {
    let index = NewsIndex::open(index_path)?;
    let mut article = newsdex::get_article(&index, &args.id)?;
    // Mentions are not stored; the extractor is deterministic, so running it
    // again on the stored text gives what ingest found.
    article.mentions = default_extractor()?
        .extract(&article.title, &article.body)
        .mentions;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.json {
        json::write_line(&mut out, &json::ArticleJson::new(&article, true))?;
    } else {
        human::write_article(&mut out, &article, style)?;
    }
    out.flush()?;
    Ok(Status::Found)
}
