//! Scores `publication_date` against the labelled pages in
//! `$NEWSDEX_DATA/dates` (default `../shared/data`).
//!
//! `cargo run --release --features lab --example score_dates [-- --failures]
//! [--sources] [--dump] [--page FILE]` (`--failures` lists the misses, each
//! with its part; `--dump` prints every page's candidates as JSON lines;
//! `--page` shows what one pass gathered from one page of the tuning part)
//!
//! Prints exact-day accuracy (correct / all pages), precision (correct /
//! pages given a date) and coverage for the checking part (the figures the
//! docs report), the tuning part (where rules may be chosen) and all pages,
//! by the project's one split ([`newsdex::lab::split`], keyed by
//! `"dates/<file>"`), and the time per page.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::BTreeMap;
use std::io::Read;
use std::time::Instant;

use chrono::NaiveDate;
use newsdex::lab::split::{self, Part};
use newsdex::parse::html_date::{candidates, publication_date};

/// Decodes page bytes: BOM, then a declared charset, then UTF-8, then a guess.
fn decode(bytes: &[u8]) -> String {
    newsdex::parse::decode::decode_html(bytes)
        .map(|t| t.into_owned())
        .unwrap_or_default()
}

#[derive(Default)]
struct Tally {
    all: usize,
    returned: usize,
    correct: usize,
}

impl Tally {
    fn add(&mut self, got: Option<NaiveDate>, want: NaiveDate) {
        self.all += 1;
        if let Some(g) = got {
            self.returned += 1;
            if g == want {
                self.correct += 1;
            }
        }
    }
    fn line(&self, name: &str) {
        let f = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        println!(
            "{name:<10} pages {:>4}  accuracy {:.3}  precision {:.3}  coverage {:.3}",
            self.all,
            f(self.correct, self.all),
            f(self.correct, self.returned),
            f(self.returned, self.all)
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let show_failures = args.iter().any(|a| a == "--failures");
    let show_sources = args.iter().any(|a| a == "--sources");
    let dump = args.iter().any(|a| a == "--dump");
    // `--page FILE`: what one pass gathered from one tuning page.
    let inspect = args
        .iter()
        .position(|a| a == "--page")
        .and_then(|i| args.get(i + 1));
    let dir = newsdex::extract::tagger::train::data_dir().join("dates");
    let dir = dir.display();
    let labels: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{dir}/labels.json")).expect("labels.json"),
    )
    .expect("labels.json is JSON");
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("valid day");

    let mut pages = Vec::new();
    for (file, label) in labels.as_object().expect("an object") {
        let mut bytes = Vec::new();
        let path = format!("{dir}/html/{file}.gz");
        let raw = std::fs::read(&path).expect("page file");
        flate2::read::GzDecoder::new(&raw[..])
            .read_to_end(&mut bytes)
            .expect("gzip");
        let url = label["url"].as_str().map(String::from);
        let want = NaiveDate::parse_from_str(label["date"].as_str().expect("date"), "%Y-%m-%d")
            .expect("label date");
        pages.push((file.clone(), url, want, decode(&bytes)));
    }

    if let Some(name) = inspect {
        assert_eq!(
            split::part("dates", name),
            Part::Tuning,
            "only tuning pages may be inspected"
        );
        let (_, _, want, html) = pages
            .iter()
            .find(|p| &p.0 == name)
            .expect("a labelled page");
        println!(
            "want {want}\n{}",
            newsdex::parse::html_date::debug_gathered(html)
        );
        return;
    }

    let (mut total, mut checking, mut tuning) =
        (Tally::default(), Tally::default(), Tally::default());
    let mut per_source: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (file, url, want, html) in &pages {
        let got = publication_date(html, url.as_deref(), today);
        total.add(got, *want);
        match split::part("dates", file) {
            Part::Checking => checking.add(got, *want),
            Part::Tuning => tuning.add(got, *want),
        }
        let cands = candidates(html, url.as_deref(), today);
        if show_sources {
            let mut seen = Vec::new();
            for c in &cands {
                if seen.contains(&c.source) {
                    continue;
                }
                seen.push(c.source);
                let e = per_source.entry(format!("{:?}", c.source)).or_default();
                e.0 += 1;
                if c.day == *want {
                    e.1 += 1;
                }
            }
        }
        if dump {
            let list: Vec<String> = cands
                .iter()
                .map(|c| format!("[\"{:?}\",\"{}\",{},{}]", c.source, c.day, c.count, c.utc))
                .collect();
            println!(
                "DUMP {{\"file\":\"{file}\",\"part\":\"{}\",\"want\":\"{want}\",\"cands\":[{}]}}",
                split::part("dates", file),
                list.join(",")
            );
        }
        if show_failures && got != Some(*want) {
            let got = got.map_or("None".to_string(), |d| d.to_string());
            println!(
                "FAIL {} {file} want {want} got {got} url {}",
                split::part("dates", file),
                url.as_deref().unwrap_or("")
            );
            for c in &cands {
                let mark = if c.day == *want { "*" } else { " " };
                println!("   {mark} {:?} {} x{}", c.source, c.day, c.count);
            }
        }
    }
    if show_sources {
        println!("source: pages with it, first candidate correct");
        for (s, (n, ok)) in &per_source {
            println!("  {s:<22} {n:>4} {ok:>4} {:.3}", *ok as f64 / *n as f64);
        }
    }
    println!(
        "split: newsdex::lab::split::part(\"dates\", file) (FNV-1a 64 + fmix64, top bit); \
         checking = the reported figures, tuning = where rules may be chosen"
    );
    checking.line("checking");
    tuning.line("tuning");
    total.line("all");

    // Timing: the whole extraction, several rounds over every page.
    let rounds = 5;
    let bytes: usize = pages.iter().map(|p| p.3.len()).sum();
    let start = Instant::now();
    let cpu_start = thread_cpu_ns();
    let mut found = 0usize;
    for _ in 0..rounds {
        for (_, url, _, html) in &pages {
            found += usize::from(publication_date(html, url.as_deref(), today).is_some());
        }
    }
    let wall = start.elapsed().as_secs_f64();
    // CPU time of this thread (the machine is shared; wall time is noisy).
    let secs = match (cpu_start, thread_cpu_ns()) {
        (Some(a), Some(b)) => (b - a) as f64 / 1e9,
        _ => wall,
    };
    let n = (rounds * pages.len()) as f64;
    println!(
        "time: {:.3} ms/page CPU ({:.0} pages per CPU-second, {:.1} MB/s, avg page {} KB; wall {:.3} ms/page) [{found}]",
        secs * 1000.0 / n,
        n / secs,
        (rounds * bytes) as f64 / secs / 1e6,
        bytes / pages.len() / 1024,
        wall * 1000.0 / n
    );
}

/// CPU time of the calling thread in nanoseconds, from Linux schedstat.
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}
