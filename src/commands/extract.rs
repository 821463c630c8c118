//! `newsdex extract PATH...`: parse and extract without an index.

use std::io::Write;

use anyhow::Result;
use newsdex::extract::{default_extractor, extract_article};
use newsdex::output::{Style, human, json};
use newsdex::{parse, walk};

use super::{Status, parse_fields, today};
use crate::cli::ExtractArgs;

pub fn run(args: ExtractArgs, style: &Style) -> Result<Status> {
    let options = parse_fields(&args.fields)?;
    let extractor = default_extractor()?;
    let today = today();
    let walked = walk(&args.paths, None);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut err = std::io::stderr().lock();
    let mut printed = 0usize;
    let mut failed = walked.skipped.len();
    for s in &walked.skipped {
        writeln!(
            err,
            "skipped {}: {}",
            style.path(&s.path).display(),
            s.reason
        )?;
    }
    for file in &walked.files {
        let shown = style.path(&file.path).display().to_string();
        let parsed = match file.read() {
            Ok(bytes) => parse::parse_file(&bytes, file.format, file.gzip, &options)
                .map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        let parsed = match parsed {
            Ok(parsed) => parsed,
            Err(reason) => {
                writeln!(err, "skipped {shown}: {reason}")?;
                failed += 1;
                continue;
            }
        };
        for problem in &parsed.problems {
            writeln!(err, "skipped part of {shown}: {problem}")?;
        }
        for raw in parsed.articles {
            let (article, _) = extract_article(raw, &file.path, &extractor, today);
            if args.json {
                json::write_line(&mut out, &json::ArticleJson::new(&article, false))?;
            } else {
                if printed > 0 {
                    writeln!(out, "{}", "-".repeat(72))?;
                }
                human::write_article(&mut out, &article, style)?;
                if !article.mentions.is_empty() {
                    writeln!(out, "mentions:")?;
                    for m in &article.mentions {
                        writeln!(out, "  {:<6} {:<30} -> {}", m.kind.as_str(), m.text, m.name)?;
                    }
                }
            }
            printed += 1;
        }
    }
    out.flush()?;
    Ok(match (printed, failed) {
        (0, 0) => Status::NothingFound,
        (0, _) => Status::Failed,
        _ => Status::Found,
    })
}
