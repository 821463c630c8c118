//! Scores the HTML body extraction on the article-extraction benchmark.
//!
//! Metric (same scheme as scrapinghub/article-extraction-benchmark): text is
//! tokenized into `\w+` runs (Unicode letters, digits, `_`), tokens form
//! 4-token shingles (a text of fewer than 4 tokens is one shorter shingle),
//! shingles are compared as multisets per page. Per-page precision and
//! recall are averaged over pages, F1 is taken of the averages. As in the
//! benchmark, a page with an empty prediction and non-empty gold has recall 0
//! and is left out of the precision average (tp + fp = 0); we also report a
//! stricter precision that counts such pages as precision 0.
//!
//! Usage: `NEWSDEX_DATA=/work/shared/data cargo run --release --example
//! score_html -- [final|smoothie|smoothie-filter] [-v] [--time N]`; `--time N`
//! times N passes of the whole parse (`parse_bytes`, with the date) per page.
//! Halves: pages whose hash starts with 0-7 are split A, 8-f split B.

#![allow(clippy::print_stdout)] // a command-line report

use std::path::PathBuf;
use std::time::Instant;

use newsdex::parse::decode::gunzip;
use newsdex::parse::html::score::{match_page, metrics, precision, recall, shingles};
use newsdex::parse::html::{Strategy, read_html, read_html_with};
use newsdex::parse::{ParseOptions, SourceFormat, parse_bytes};

fn data_dir() -> PathBuf {
    newsdex::extract::tagger::train::data_dir()
}

/// User + system CPU seconds of this process, from /proc (Linux).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // Fields 14 and 15 of stat (utime, stime) are 11 and 12 after the name.
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

fn smoothie_body(html: &[u8]) -> String {
    let text = newsdex::parse::decode::decode_html(html).unwrap_or_default();
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    match dom_smoothie::Readability::new(text.as_ref(), None, Some(cfg)) {
        Ok(mut r) => match r.parse() {
            Ok(a) => a.text_content.to_string(),
            Err(_) => String::new(),
        },
        Err(_) => String::new(),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mode = args
        .iter()
        .find(|a| !a.starts_with('-') && a.parse::<usize>().is_err())
        .cloned()
        .unwrap_or_else(|| "final".into());
    let verbose = args.iter().any(|a| a == "-v");
    let time_passes: usize = args
        .iter()
        .position(|a| a == "--time")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let dir = data_dir().join("article-extraction");
    let gold: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("ground-truth.json")).expect("gold"))
            .expect("gold json");
    let gold = gold.as_object().expect("object");
    let mut keys: Vec<&String> = gold.keys().collect();
    keys.sort();
    let mut pages = Vec::new();
    for key in &keys {
        let gz = std::fs::read(dir.join("html").join(format!("{key}.html.gz"))).expect("page");
        pages.push(gunzip(&gz).expect("gunzip"));
    }
    let extract = |bytes: &[u8]| -> String {
        match mode.as_str() {
            "smoothie" => smoothie_body(bytes),
            "smoothie-filter" => {
                let body = smoothie_body(bytes);
                let paras: Vec<String> = body
                    .split('\n')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect();
                newsdex::parse::boilerplate::clean_paragraphs("", paras).join("\n\n")
            }
            "own" => read_html_with(bytes, Strategy::Own)
                .map(|a| a.body)
                .unwrap_or_default(),
            "smoothie-lib" => read_html_with(bytes, Strategy::Smoothie)
                .map(|a| a.body)
                .unwrap_or_default(),
            "combined" => read_html_with(bytes, Strategy::Combined)
                .map(|a| a.body)
                .unwrap_or_default(),
            "jsonld" => read_html_with(bytes, Strategy::JsonLd)
                .map(|a| a.body)
                .unwrap_or_default(),
            _ => read_html(bytes).map(|a| a.body).unwrap_or_default(),
        }
    };
    if let Some(i) = args.iter().position(|a| a == "--show") {
        let prefix = &args[i + 1];
        for (key, bytes) in keys.iter().zip(&pages) {
            if !key.starts_with(prefix.as_str()) {
                continue;
            }
            let g = gold[key.as_str()]["articleBody"].as_str().unwrap_or("");
            let gs = shingles(g);
            for para in extract(bytes).split("\n\n") {
                let ps = shingles(para);
                let hit = ps.keys().filter(|k| gs.contains_key(*k)).count();
                let c: String = para.chars().take(110).collect();
                println!("[{hit}/{}] {c}", ps.len());
            }
            let c: String = g.chars().take(300).collect();
            println!("GOLD: {c}");
        }
        return;
    }
    let mut results = Vec::new();
    for (key, bytes) in keys.iter().zip(&pages) {
        let pred = extract(bytes);
        let g = gold[key.as_str()]["articleBody"].as_str().unwrap_or("");
        let m = match_page(g, &pred);
        results.push((key.as_str(), m));
    }
    if verbose {
        let mut rows: Vec<_> = results
            .iter()
            .map(|(k, (tp, fp, fn_))| {
                let p = precision(*tp, *fp, *fn_);
                let r = recall(*tp, *fp, *fn_);
                (2.0 * p * r / (p + r).max(1e-9), p, r, *k)
            })
            .collect();
        rows.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (f, p, r, k) in rows.iter().take(40) {
            println!("{f:.3} P={p:.3} R={r:.3} {}", &k[..16]);
        }
    }
    let all: Vec<_> = results.iter().map(|r| r.1).collect();
    let half = |a: bool| -> Vec<(f64, f64, f64)> {
        results
            .iter()
            .filter(|(k, _)| (k.as_bytes()[0] < b'8') == a)
            .map(|r| r.1)
            .collect()
    };
    for (name, set) in [
        ("all", all),
        ("A(0-7)", half(true)),
        ("B(8-f)", half(false)),
    ] {
        let (p, r, f, sp) = metrics(&set);
        println!(
            "{mode:<16} {name:<7} n={:<3} P={p:.4} R={r:.4} F1={f:.4} (strict P={sp:.4})",
            set.len()
        );
    }
    if time_passes > 0 {
        let total_bytes: usize = pages.iter().map(Vec::len).sum();
        let options = ParseOptions::default();
        let cpu0 = cpu_seconds();
        let t0 = Instant::now();
        let mut sink = 0usize;
        for _ in 0..time_passes {
            for bytes in &pages {
                // The whole parse, as ingest runs it: decode, DOM, body,
                // metadata and publication date.
                let parsed = parse_bytes(bytes, SourceFormat::Html, &options);
                sink += parsed.map_or(0, |p| p.articles[0].body.len());
            }
        }
        let wall = t0.elapsed().as_secs_f64();
        let cpu = cpu_seconds().zip(cpu0).map(|(a, b)| a - b);
        let n = (time_passes * pages.len()) as f64;
        println!(
            "timing: {n} pages, {:.1} MB html, wall {wall:.2}s = {:.3} ms/page; cpu {:?}s = {:.1} pages/cpu-s (sink {sink})",
            (time_passes * total_bytes) as f64 / 1e6,
            wall * 1000.0 / n,
            cpu,
            cpu.map(|c| n / c).unwrap_or(0.0),
        );
    }
}
