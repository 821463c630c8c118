//! What a search costs in-process, against bare tantivy, and what the
//! server's facets and timeline add. Needs an index (AllSides in
//! docs/performance.md) and the `lab` feature:
//!
//! `cargo run --release --features lab --example search_cost -- INDEX [RUNS [VARIANT...]]`
//!
//! (VARIANT numbers, from 0, run only those: for a profiler.)
//!
//! For each of a fixed set of queries, every variant runs RUNS times
//! (interleaved, after one warm-up), over one held reader as in the server.
//! Prints, per variant, the sum over the queries of the median time and the
//! ratio to a bare tantivy `TopDocs` search of the same compiled query:
//!
//! * `tantivy TopDocs`: the best 10 addresses by score, nothing else;
//! * `tantivy TopDocs+Count+docs`: plus the exact total and the 10 stored
//!   documents read;
//! * `newsdex search`: plus snippets (what `newsdex search` returns);
//! * `+ facets`, `+ timeline`, `+ facets + timeline`: `explore` counting
//!   the top 10 people and places and/or the days over every match in the
//!   same pass (the last is `/api/search`);
//! * `tantivy TopDocs+Count`, `tantivy TopDocs+docs`: the two halves of the
//!   second variant.
//!
//! tantivy caches the last 100 decompressed store blocks per searcher, so a
//! variant that reads documents after another in the same process finds
//! them decompressed: for fair figures run one such variant per process
//! (`... INDEX 30 0 V`), as docs/performance.md does.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use newsdex::lab::{Baseline, bare_search};
use newsdex::{NewsIndex, Overview, SearchRequest};

const QUERIES: &[&str] = &[
    "climate change",
    "trump",
    "health care",
    "immigration",
    "iran nuclear deal",
    "supreme court",
    "\"white house\"",
    "tax cuts",
    "gun control",
    "russia investigation",
    "economy jobs",
    "election OR vote",
];

const VARIANTS: &[&str] = &[
    "tantivy TopDocs",
    "tantivy TopDocs+Count+docs",
    "newsdex search",
    "+ facets",
    "+ timeline",
    "+ facets + timeline",
    "tantivy TopDocs+Count",
    "tantivy TopDocs+docs",
];

fn run(index: &NewsIndex, variant: usize, request: &SearchRequest) -> newsdex::Result<usize> {
    let overview = |entities, timeline| Overview {
        entities,
        timeline,
        interval: None,
    };
    Ok(match variant {
        0 => bare_search(index, request, Baseline::TopDocs)?,
        1 => bare_search(index, request, Baseline::TopDocsCountAndDocs)?,
        2 => newsdex::search(index, request)?.total,
        6 => bare_search(index, request, Baseline::TopDocsAndCount)?,
        7 => bare_search(index, request, Baseline::TopDocsAndDocs)?,
        3 => {
            newsdex::explore(index, request, &overview(10, false))?
                .results
                .total
        }
        4 => {
            newsdex::explore(index, request, &overview(0, true))?
                .results
                .total
        }
        5 => {
            newsdex::explore(index, request, &overview(10, true))?
                .results
                .total
        }
        _ => unreachable!("no variant {variant}"),
    })
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = PathBuf::from(args.next().unwrap_or_else(|| "index".to_string()));
    let runs: usize = args.next().map_or(Ok(30), |r| r.parse())?;
    let only: Vec<usize> = args.map(|v| v.parse()).collect::<Result<_, _>>()?;
    let index = NewsIndex::open_live(&path)?;
    let requests: Vec<SearchRequest> = QUERIES
        .iter()
        .map(|q| SearchRequest {
            text: q.to_string(),
            ..SearchRequest::default()
        })
        .collect();
    // times[variant][query] = one duration per run.
    let mut times = vec![vec![Vec::with_capacity(runs); QUERIES.len()]; VARIANTS.len()];
    for round in 0..=runs {
        for (q, request) in requests.iter().enumerate() {
            for (v, per_query) in times.iter_mut().enumerate() {
                if !only.is_empty() && !only.contains(&v) {
                    per_query[q].push(Duration::ZERO);
                    continue;
                }
                let start = Instant::now();
                std::hint::black_box(run(&index, v, request)?);
                if round > 0 {
                    per_query[q].push(start.elapsed());
                }
            }
        }
    }
    let totals: Vec<Duration> = times
        .into_iter()
        .map(|per_query| per_query.into_iter().map(median).sum())
        .collect();
    let matches: usize = requests
        .iter()
        .map(|r| newsdex::search(&index, r).map(|s| s.total))
        .sum::<newsdex::Result<usize>>()?;
    println!(
        "{} queries, {matches} matches in all, {runs} runs each; sum of per-query medians",
        QUERIES.len()
    );
    println!();
    println!(
        "| variant | ms (sum of medians) | per query, ms | × TopDocs | added over newsdex search, ms |"
    );
    println!("|---|---:|---:|---:|---:|");
    for (v, total) in totals.iter().enumerate() {
        let ms = total.as_secs_f64() * 1e3;
        let added = if (3..6).contains(&v) {
            format!("{:.2}", ms - totals[2].as_secs_f64() * 1e3)
        } else {
            String::new()
        };
        println!(
            "| {} | {ms:.2} | {:.3} | {:.2} | {added} |",
            VARIANTS[v],
            ms / QUERIES.len() as f64,
            total.as_secs_f64() / totals[0].as_secs_f64(),
        );
    }
    Ok(())
}
