//! `newsdex people` and `newsdex places`.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use newsdex::EntityKind;
use newsdex::NewsIndex;
use newsdex::output::{Style, csv, human, json};
use newsdex::{SearchRequest, Sort};

use super::search::{date_range, print_results};
use super::{Format, Status};
use crate::cli::EntityArgs;

pub fn run(index_path: &Path, args: EntityArgs, kind: EntityKind, style: &Style) -> Result<Status> {
    let (since, until) = date_range(&args.dates)?;
    let filter = SearchRequest {
        text: args.query.clone().unwrap_or_default(),
        since,
        until,
        ..SearchRequest::default()
    };
    let format = Format::from_flags(args.json, args.csv);
    let index = NewsIndex::open(index_path)?;
    match &args.name {
        None => {
            let limit = args.limit.unwrap_or(20);
            let entries = newsdex::count_entities(&index, kind, &filter, None, limit)?;
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            match format {
                Format::Json => json::write_entities(&mut out, &entries)?,
                Format::Csv => csv::write_entities(&mut out, &entries)?,
                Format::Human => human::write_entities(&mut out, &entries, kind, style)?,
            }
            out.flush()?;
            Ok(if entries.is_empty() {
                Status::NothingFound
            } else {
                Status::Found
            })
        }
        Some(name) if args.forms => {
            if kind == EntityKind::Place {
                anyhow::bail!("--forms lists the forms of a person's name: use it with `people`");
            }
            let persons = newsdex::person_forms(&index, name, args.limit.unwrap_or(20))?;
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            match format {
                Format::Json => json::write_person_forms(&mut out, &persons)?,
                Format::Csv => csv::write_person_forms(&mut out, &persons)?,
                Format::Human => human::write_person_forms(&mut out, &persons, style)?,
            }
            out.flush()?;
            Ok(if persons.is_empty() {
                Status::NothingFound
            } else {
                Status::Found
            })
        }
        Some(name) => {
            let mut request = SearchRequest {
                sort: Sort::Newest,
                limit: args.limit.unwrap_or(10),
                offset: args.offset,
                ..filter.clone()
            };
            // The human output says which entities the name matched when it
            // is ambiguous; they are counted in the same pass as the hits.
            let (results, matched) = match format {
                Format::Human => newsdex::search_named(&index, kind, &request, name, 10)?,
                _ => {
                    match kind {
                        EntityKind::Person => request.people.push(name.clone()),
                        EntityKind::Place => request.places.push(name.clone()),
                    }
                    (newsdex::search(&index, &request)?, Vec::new())
                }
            };
            if matched.len() > 1 {
                let list: Vec<String> = matched
                    .iter()
                    .map(|e| format!("{} ({})", e.name, e.articles))
                    .collect();
                let mut out = std::io::BufWriter::new(std::io::stdout().lock());
                writeln!(
                    out,
                    "{name:?} matches {} {}: {}",
                    matched.len(),
                    kind_plural(kind),
                    list.join(", ")
                )?;
            }
            print_results(&results, request.offset, format, style)
        }
    }
}

fn kind_plural(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "people",
        EntityKind::Place => "places",
    }
}
