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
//! Sets: `article-extraction` (121 pages) and the five sub-datasets of
//! `web-extraction` (cleaneval, cleanportaleval, dragnet, l3s-gn1,
//! readability; also pooled), each `html/<id>.html.gz` beside a
//! `ground-truth.json` mapping id -> {"articleBody", "url"}. Every set is
//! reported for its checking part (the figures the docs give), its tuning
//! part (where rules may be chosen) and all pages, by the project's one
//! split ([`newsdex::lab::split`], keyed by `"<set>/<id>"`).
//!
//! Usage: `NEWSDEX_DATA=/work/shared/data cargo run --release --features lab
//! --example score_html -- [final|own|smoothie|smoothie-lib|combined|jsonld|smoothie-filter]
//! [--set article-extraction|web-extraction|<subset>] [-v] [--show PREFIX]
//! [--time N]`. `--time N` times N passes (default 1, 0 skips) of the whole
//! parse (`parse_bytes`: decode, DOM, body, metadata and date) over every
//! page and reports pages per CPU-second; `-v` lists the 40 worst pages with
//! their part; `--show PREFIX` prints the paragraphs of the pages whose id
//! starts with PREFIX with their shingle hits, and the gold text's start.

#![allow(clippy::print_stdout)] // a command-line report

use std::path::PathBuf;
use std::time::Instant;

use newsdex::lab::split::{self, Part};
use newsdex::parse::decode::gunzip;
use newsdex::parse::html::score::{match_page, metrics, precision, recall, shingles};
use newsdex::parse::html::{Strategy, read_html, read_html_with};
use newsdex::parse::{ParseOptions, SourceFormat, parse_bytes};

fn data_dir() -> PathBuf {
    newsdex::extract::tagger::train::data_dir()
}

/// User + system CPU time of this process in clock ticks (1/100 s), from
/// /proc (Linux).
fn cpu_ticks() -> Option<usize> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // Fields 14 and 15 of stat (utime, stime) are 11 and 12 after the name.
    let utime: usize = fields.get(11)?.parse().ok()?;
    let stime: usize = fields.get(12)?.parse().ok()?;
    Some(utime + stime)
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

/// A page's shingle (tp, fp, fn).
type Counts = (f64, f64, f64);

/// The sub-datasets of web-extraction, in report order.
const WEB_SUBSETS: [&str; 5] = [
    "cleaneval",
    "cleanportaleval",
    "dragnet",
    "l3s-gn1",
    "readability",
];

/// One page: its id, part, gold body and raw bytes.
struct Page {
    id: String,
    part: Part,
    gold: String,
    bytes: Vec<u8>,
}

/// One set: its name under the data directory (the split's dataset key),
/// the collection it belongs to, and its pages in id order.
struct Set {
    name: String,
    collection: &'static str,
    pages: Vec<Page>,
}

/// Reads `<data>/<name>/ground-truth.json` and `<data>/<name>/html/<id>.html.gz`.
fn load(name: &str, collection: &'static str) -> Set {
    let dir = data_dir().join(name);
    let gold: serde_json::Value = serde_json::from_slice(
        &std::fs::read(dir.join("ground-truth.json")).expect("ground-truth.json"),
    )
    .expect("gold json");
    let gold = gold.as_object().expect("object");
    let mut ids: Vec<&String> = gold.keys().collect();
    ids.sort();
    let pages = ids
        .into_iter()
        .map(|id| {
            let gz = std::fs::read(dir.join("html").join(format!("{id}.html.gz"))).expect("page");
            Page {
                id: id.clone(),
                part: split::part(name, id),
                gold: gold[id.as_str()]["articleBody"]
                    .as_str()
                    .unwrap_or("")
                    .to_string(),
                bytes: gunzip(&gz).expect("gunzip"),
            }
        })
        .collect();
    Set {
        name: name.to_string(),
        collection,
        pages,
    }
}

/// Prints the checking, tuning and all-pages lines of one set's results.
fn report(mode: &str, name: &str, results: &[(Part, Counts)]) {
    let rows = [
        ("checking", Some(Part::Checking)),
        ("tuning", Some(Part::Tuning)),
        ("all", None),
    ];
    for (label, want) in rows {
        let set: Vec<_> = results
            .iter()
            .filter(|(p, _)| want.is_none_or(|w| *p == w))
            .map(|r| r.1)
            .collect();
        let (p, r, f, sp) = metrics(&set);
        println!(
            "{mode:<8} {name:<30} {label:<8} n={:<4} F1={f:.4} P={p:.4} R={r:.4} (strict P={sp:.4})",
            set.len()
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| -> Option<&String> {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
    };
    let set_filter = value("--set").cloned().unwrap_or_default();
    let show = value("--show").cloned();
    let mode = args
        .iter()
        .enumerate()
        .find(|(i, a)| {
            let after_flag =
                *i > 0 && ["--set", "--show", "--time", "--dump"].contains(&args[i - 1].as_str());
            !after_flag && !a.starts_with('-') && a.parse::<usize>().is_err()
        })
        .map(|(_, a)| a.clone())
        .unwrap_or_else(|| "final".into());
    let verbose = args.iter().any(|a| a == "-v");
    let dump = value("--dump").cloned();
    let time_passes: usize = value("--time").and_then(|s| s.parse().ok()).unwrap_or(1);

    let mut names: Vec<(String, &'static str)> =
        vec![("article-extraction".into(), "article-extraction")];
    for sub in WEB_SUBSETS {
        names.push((format!("web-extraction/{sub}"), "web-extraction"));
    }
    let wanted = |name: &str, collection: &str| {
        set_filter.is_empty()
            || set_filter == "all"
            || set_filter == collection
            || set_filter == name
            || name.strip_prefix("web-extraction/") == Some(set_filter.as_str())
    };
    let sets: Vec<Set> = names
        .iter()
        .filter(|(n, c)| wanted(n, c))
        .map(|(n, c)| load(n, c))
        .collect();
    assert!(!sets.is_empty(), "no set named {set_filter:?}");

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
            "marked" => read_html_with(bytes, Strategy::Marked)
                .map(|a| a.body)
                .unwrap_or_default(),
            "jsonld" => read_html_with(bytes, Strategy::JsonLd)
                .map(|a| a.body)
                .unwrap_or_default(),
            _ => read_html(bytes).map(|a| a.body).unwrap_or_default(),
        }
    };
    if let Some(prefix) = show {
        for page in sets.iter().flat_map(|s| &s.pages) {
            if !page.id.starts_with(prefix.as_str()) {
                continue;
            }
            println!("== {} ({})", page.id, page.part);
            let gs = shingles(&page.gold);
            for para in extract(&page.bytes).split("\n\n") {
                let ps = shingles(para);
                let hit = ps.keys().filter(|k| gs.contains_key(*k)).count();
                let c: String = para.chars().take(110).collect();
                println!("[{hit}/{}] {c}", ps.len());
            }
            let c: String = page.gold.chars().take(300).collect();
            println!("GOLD: {c}");
        }
        return;
    }

    println!(
        "split: newsdex::lab::split::part(set, id) (FNV-1a 64 + fmix64 of \"<set>/<id>\", top bit); \
         checking = the reported figures, tuning = where rules may be chosen"
    );
    // (set, page id, part, (tp, fp, fn)) of every page.
    let mut all_results: Vec<(&str, &str, Part, Counts)> = Vec::new();
    let mut dump_lines = String::new();
    for set in &sets {
        let results: Vec<(Part, Counts)> = set
            .pages
            .iter()
            .map(|page| {
                let body = extract(&page.bytes);
                let counts = match_page(&page.gold, &body);
                if dump.is_some() {
                    let (tp, fp, fn_) = counts;
                    let line = serde_json::json!({
                        "set": set.name, "id": page.id, "part": page.part.to_string(),
                        "body": body, "p": precision(tp, fp, fn_), "r": recall(tp, fp, fn_),
                    });
                    dump_lines.push_str(&line.to_string());
                    dump_lines.push('\n');
                }
                (page.part, counts)
            })
            .collect();
        report(&mode, &set.name, &results);
        for (page, (part, m)) in set.pages.iter().zip(results) {
            all_results.push((&set.name, &page.id, part, m));
        }
    }
    if let Some(path) = &dump {
        std::fs::write(path, dump_lines).expect("write --dump file");
    }
    let web: Vec<(Part, Counts)> = all_results
        .iter()
        .filter(|r| r.0.starts_with("web-extraction/"))
        .map(|r| (r.2, r.3))
        .collect();
    if sets
        .iter()
        .filter(|s| s.collection == "web-extraction")
        .count()
        > 1
    {
        report(&mode, "web-extraction (pooled)", &web);
    }

    if verbose {
        let mut rows: Vec<_> = all_results
            .iter()
            .map(|(set, id, part, (tp, fp, fn_))| {
                let p = precision(*tp, *fp, *fn_);
                let r = recall(*tp, *fp, *fn_);
                (2.0 * p * r / (p + r).max(1e-9), p, r, *set, *id, *part)
            })
            .collect();
        rows.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (f, p, r, set, id, part) in rows.iter().take(40) {
            let id: String = id.chars().take(40).collect();
            println!("{f:.3} P={p:.3} R={r:.3} {part:<8} {set} {id}");
        }
    }

    if time_passes > 0 {
        let options = ParseOptions::default();
        let mut collections: Vec<&str> = sets.iter().map(|s| s.collection).collect();
        collections.dedup();
        let mut total = (0.0, 0.0, 0.0, 0usize);
        for collection in &collections {
            let pages: Vec<&Page> = sets
                .iter()
                .filter(|s| s.collection == *collection)
                .flat_map(|s| &s.pages)
                .collect();
            let t = time_parse(&pages, time_passes, &options);
            print_timing(collection, t, time_passes);
            total = (total.0 + t.0, total.1 + t.1, total.2 + t.2, total.3 + t.3);
        }
        if collections.len() > 1 {
            print_timing("all sets", total, time_passes);
        }
    }
}

/// One timing line: parses, MB, wall seconds, CPU ticks.
fn print_timing(label: &str, (n, mb, wall, cpu): (f64, f64, f64, usize), passes: usize) {
    let cpu = cpu as f64 / 100.0;
    println!(
        "timing {label:<18}: {n} parses ({passes} passes), {mb:.1} MB html, wall {wall:.2}s = {:.2} ms/page; \
         cpu {cpu:.2}s = {:.1} pages/cpu-s",
        wall * 1000.0 / n,
        n / cpu.max(0.01),
    );
}

/// Times `passes` whole parses (as ingest runs them: decode, DOM, body,
/// metadata, publication date) of every page: (parses, MB of HTML, wall
/// seconds, process CPU in 1/100 s).
fn time_parse(pages: &[&Page], passes: usize, options: &ParseOptions) -> (f64, f64, f64, usize) {
    let total_bytes: usize = pages.iter().map(|p| p.bytes.len()).sum();
    let cpu0 = cpu_ticks();
    let t0 = Instant::now();
    let mut sink = 0usize;
    for _ in 0..passes {
        for page in pages {
            let parsed = parse_bytes(&page.bytes, SourceFormat::Html, options);
            sink += parsed.map_or(0, |p| p.articles.first().map_or(0, |a| a.body.len()));
        }
    }
    std::hint::black_box(sink);
    let wall = t0.elapsed().as_secs_f64();
    let cpu = cpu_ticks().zip(cpu0).map_or(0, |(a, b)| a - b);
    (
        (passes * pages.len()) as f64,
        (passes * total_bytes) as f64 / 1e6,
        wall,
        cpu,
    )
}
