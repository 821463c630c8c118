//! `newsdex related`.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use newsdex::output::chart::{self, Ranking};
use newsdex::output::{Style, csv, json};
use newsdex::{EntityKind, NewsIndex, RelatedOptions, SearchRequest};

use super::Status;
use super::search::date_range;
use crate::cli::{RankArg, RelatedArgs};

pub fn run(index_path: &Path, args: RelatedArgs, style: &Style) -> Result<Status> {
    let (since, until) = date_range(&args.dates)?;
    let filter = SearchRequest {
        text: args.query.unwrap_or_default(),
        since,
        until,
        ..SearchRequest::default()
    };
    // clap requires exactly one of --person and --place.
    let (kind, name) = match (args.person, args.place) {
        (Some(person), _) => (EntityKind::Person, person),
        (None, Some(place)) => (EntityKind::Place, place),
        (None, None) => anyhow::bail!("give --person NAME or --place NAME"),
    };
    let options = RelatedOptions {
        min_count: args.min_count,
        limit: args.limit,
    };
    let index = NewsIndex::open(index_path)?;
    let related = newsdex::related(&index, kind, &name, &filter, options)?;
    let ranking = match args.rank {
        RankArg::Specific => Ranking::Specific,
        RankArg::Count => Ranking::Count,
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let ranked = [
        (EntityKind::Person, &related.people),
        (EntityKind::Place, &related.places),
    ]
    .map(|(kind, companions)| {
        let list = match ranking {
            Ranking::Specific => &companions.by_specificity,
            Ranking::Count => &companions.by_count,
        };
        (kind, list)
    });
    if args.json {
        for (kind, list) in ranked {
            for c in list {
                json::write_line(&mut out, &json::CompanionJson::new(c, kind))?;
            }
        }
    } else if args.csv {
        let mut table = csv::Table::new(&mut out, &csv::COMPANION_COLUMNS)?;
        for (kind, list) in ranked {
            for c in list {
                table.companion(c, kind)?;
            }
        }
        table.finish()?;
    } else {
        chart::write_related(&mut out, &related, ranking, style)?;
    }
    out.flush()?;
    Ok(if related.articles == 0 {
        Status::NothingFound
    } else {
        Status::Found
    })
}
