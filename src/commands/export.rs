//! `newsdex export`: the index's articles as documents for Quickwit or
//! Elasticsearch/OpenSearch, with the index settings to create first.

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::Path;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use newsdex::output::export::{self, CHUNK_BYTES, Chunks};
use newsdex::{NewsIndex, SearchRequest};

use super::Status;
use super::search::date_range;
use crate::cli::{ExportArgs, ExportTarget};

pub fn run(index_path: &Path, args: ExportArgs) -> Result<Status> {
    let (since, until) = date_range(&args.dates)?;
    let request = SearchRequest {
        text: args.query.clone().unwrap_or_default(),
        people: args.people.clone(),
        places: args.places.clone(),
        since,
        until,
        ..SearchRequest::default()
    };
    let index = NewsIndex::open(index_path)?;
    let articles = newsdex::articles(&index, &request)?;
    let dir = &args.dir;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let (settings, settings_text, prefix) = match args.to {
        ExportTarget::Quickwit => (
            "quickwit-index.yaml",
            export::quickwit_config(&args.name),
            "docs",
        ),
        ExportTarget::Elasticsearch => (
            "elasticsearch-index.json",
            serde_json::to_string_pretty(&export::elasticsearch_mapping())? + "\n",
            "bulk",
        ),
    };
    // Chunks of an earlier export would mix with these ones.
    remove_chunks(dir, prefix)?;
    let settings_path = dir.join(settings);
    std::fs::write(&settings_path, settings_text)
        .with_context(|| format!("cannot write {}", settings_path.display()))?;

    let bar = (!args.no_progress && std::io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::new(articles.len() as u64);
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} articles ({eta} left)",
            )
            .expect("the template is valid"),
        );
        bar
    });
    let mut chunks = Chunks::new(CHUNK_BYTES, |n| {
        let path = dir.join(format!("{prefix}-{n:05}.ndjson"));
        File::create(&path).map(BufWriter::new).map_err(|e| {
            std::io::Error::new(e.kind(), format!("cannot write {}: {e}", path.display()))
        })
    });
    for article in articles {
        let article = article?;
        let record = match args.to {
            ExportTarget::Quickwit => export::quickwit_line(&article),
            ExportTarget::Elasticsearch => export::bulk_lines(&article),
        };
        chunks.write(&record)?;
        if let Some(bar) = &bar {
            bar.inc(1);
        }
    }
    let oversized = chunks.oversized();
    let (files, records) = chunks.finish()?;
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }

    let mut err = std::io::stderr().lock();
    writeln!(
        err,
        "newsdex: exported {records} articles to {} ({settings} and {files} {prefix}-*.ndjson files of at most {:.1} MB)",
        dir.display(),
        CHUNK_BYTES as f64 / 1e6
    )?;
    if oversized > 0 {
        writeln!(
            err,
            "newsdex: warning: {oversized} articles are larger than {:.1} MB each; each is alone in its file and an engine may refuse it",
            CHUNK_BYTES as f64 / 1e6
        )?;
    }
    let name = &args.name;
    let shown = dir.display();
    match args.to {
        ExportTarget::Quickwit => writeln!(
            err,
            "next:\n  quickwit index create --index-config {shown}/{settings}\n  for f in {shown}/docs-*.ndjson; do quickwit index ingest --index {name} --input-path \"$f\"; done"
        )?,
        ExportTarget::Elasticsearch => writeln!(
            err,
            "next:\n  curl -sS -X PUT 'http://localhost:9200/{name}' -H 'Content-Type: application/json' --data-binary @{shown}/{settings}\n  for f in {shown}/bulk-*.ndjson; do curl -sS -X POST 'http://localhost:9200/{name}/_bulk' -H 'Content-Type: application/x-ndjson' --data-binary \"@$f\" > /dev/null; done"
        )?,
    }
    Ok(if records == 0 {
        Status::NothingFound
    } else {
        Status::Found
    })
}

/// Removes `PREFIX-NNNNN.ndjson` files from `dir`.
fn remove_chunks(dir: &Path, prefix: &str) -> Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let path = entry?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let is_chunk = name
            .strip_prefix(prefix)
            .and_then(|r| r.strip_prefix('-'))
            .and_then(|r| r.strip_suffix(".ndjson"))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if is_chunk {
            std::fs::remove_file(&path)
                .with_context(|| format!("cannot remove {}", path.display()))?;
        }
    }
    Ok(())
}
