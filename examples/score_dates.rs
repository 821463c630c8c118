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
//!
//! `-- --url-labelled [--failures]` scores instead on the pages of the
//! web-extraction set (`$NEWSDEX_DATA/web-extraction/<subset>/`, subsets
//! cleaneval, cleanportaleval, dragnet, l3s-gn1, readability) whose gold URL
//! carries a full date in its path ([`url_day`]: `/YYYY/MM/DD/`,
//! `/YYYY-MM/DD/`, `/YYYY-MM-DD…`, `/YYYYMMDD…`; year 1995..=2030, a real
//! day; a URL with two different such dates is skipped). That day is the
//! label, and `publication_date` is called with the URL masked (`None`), so
//! only the evidence elsewhere on the page counts. The split key is
//! `split::part("web-extraction-dates", "<subset>/<id>")`, i.e.
//! `"web-extraction-dates/<subset>/<id>"` (a set of its own, not the
//! body-extraction split of `"web-extraction/<subset>"`). Prints per subset
//! and pooled, for the checking part, the tuning part and all: pages, exact
//! accuracy, precision, coverage, and accuracy and precision within ±1 day
//! (a URL's day can differ from the stated publication day by one: time
//! zones, updated stories), plus how many pages had a URL and a URL date.
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
    /// Returned days within one day of the label (the exact ones included).
    near: usize,
}

impl Tally {
    fn add(&mut self, got: Option<NaiveDate>, want: NaiveDate) {
        self.all += 1;
        if let Some(g) = got {
            self.returned += 1;
            if g == want {
                self.correct += 1;
            }
            if (g - want).num_days().abs() <= 1 {
                self.near += 1;
            }
        }
    }
    /// The [`Tally::line`] figures plus accuracy and precision within ±1 day.
    fn line_near(&self, name: &str) {
        if self.all == 0 {
            println!("{name:<26} pages    0  (no URL-dated pages)");
            return;
        }
        let f = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        println!(
            "{name:<26} pages {:>4}  accuracy {:.3}  precision {:.3}  coverage {:.3}  \
             ±1 day: accuracy {:.3}  precision {:.3}",
            self.all,
            f(self.correct, self.all),
            f(self.correct, self.returned),
            f(self.returned, self.all),
            f(self.near, self.all),
            f(self.near, self.returned)
        );
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
    if args.iter().any(|a| a == "--url-labelled") {
        url_labelled(show_failures);
        return;
    }
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

/// The web-extraction subsets, each `<subset>/html/<id>.html.gz` with
/// `<subset>/ground-truth.json` mapping id to `{"articleBody", "url"}`.
const SUBSETS: [&str; 5] = [
    "cleaneval",
    "cleanportaleval",
    "dragnet",
    "l3s-gn1",
    "readability",
];

/// `--url-labelled`: pages of the web-extraction set labelled by the day in
/// their URL, scored with the URL masked.
fn url_labelled(show_failures: bool) {
    url_day_self_check();
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("valid day");
    let root = newsdex::extract::tagger::train::data_dir().join("web-extraction");
    // (subset, part) -> tally; pooled under "pooled".
    let mut tallies: BTreeMap<(String, Part), Tally> = BTreeMap::new();
    let mut counts: Vec<(String, usize, usize, usize)> = Vec::new();
    for subset in SUBSETS {
        let dir = root.join(subset);
        let gold: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join("ground-truth.json")).expect("ground-truth.json"),
        )
        .expect("ground-truth.json is JSON");
        let gold = gold.as_object().expect("an object");
        let (mut with_url, mut dated) = (0, 0);
        for (id, item) in gold {
            let Some(url) = item["url"].as_str() else {
                continue;
            };
            with_url += 1;
            let Some(want) = url_day(url) else {
                continue;
            };
            let path = dir.join("html").join(format!("{id}.html.gz"));
            let Ok(raw) = std::fs::read(&path) else {
                eprintln!("missing page {}", path.display());
                continue;
            };
            dated += 1;
            let mut bytes = Vec::new();
            flate2::read::GzDecoder::new(&raw[..])
                .read_to_end(&mut bytes)
                .expect("gzip");
            let html = decode(&bytes);
            let got = publication_date(&html, None, today);
            let part = split::part("web-extraction-dates", &format!("{subset}/{id}"));
            for name in [subset, "pooled"] {
                tallies
                    .entry((name.to_string(), part))
                    .or_default()
                    .add(got, want);
            }
            if show_failures && got != Some(want) {
                let got = got.map_or("None".to_string(), |d| d.to_string());
                println!("FAIL {part} {subset}/{id} want {want} got {got} url {url}");
            }
        }
        counts.push((subset.to_string(), gold.len(), with_url, dated));
    }
    println!("pages: subset, all, with a URL, with a URL date (the labelled ones)");
    let mut sums = (0, 0, 0);
    for (subset, all, with_url, dated) in &counts {
        println!("  {subset:<16} {all:>5} {with_url:>5} {dated:>5}");
        sums = (sums.0 + all, sums.1 + with_url, sums.2 + dated);
    }
    println!(
        "  {:<16} {:>5} {:>5} {:>5}",
        "pooled", sums.0, sums.1, sums.2
    );
    println!(
        "split: newsdex::lab::split::part(\"web-extraction-dates\", \"<subset>/<id>\") \
         (FNV-1a 64 + fmix64, top bit); URL masked (None) when extracting; label = URL day"
    );
    let mut names: Vec<&str> = SUBSETS.to_vec();
    names.push("pooled");
    for (label, parts) in [
        ("checking", &[Part::Checking][..]),
        ("tuning", &[Part::Tuning][..]),
        ("all", &Part::ALL[..]),
    ] {
        println!("{label}:");
        for name in &names {
            let mut t = Tally::default();
            for part in parts {
                if let Some(x) = tallies.get(&(name.to_string(), *part)) {
                    t.all += x.all;
                    t.returned += x.returned;
                    t.correct += x.correct;
                    t.near += x.near;
                }
            }
            t.line_near(&format!("  {name}"));
        }
    }
}

/// The day a URL's path carries, if it carries exactly one full date.
///
/// Conservative: only whole path segments (the host, query and fragment are
/// ignored) of the forms `YYYY/MM/DD` (three segments, two-digit month and
/// day), `YYYY-MM/DD` (two segments), a segment starting `YYYY-MM-DD` and a
/// segment starting with exactly eight digits `YYYYMMDD`, where the date is
/// followed by the segment's end or a character other than a digit. The
/// year must be 1995..=2030 and the day real. Two different dates: `None`.
fn url_day(url: &str) -> Option<NaiveDate> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split(['?', '#']).next().unwrap_or("");
    // Drop the host.
    let path = rest.split_once('/').map_or("", |(_, p)| p);
    let segs: Vec<&str> = path.split('/').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let day = |y: &str, m: &str, d: &str| -> Option<NaiveDate> {
        let y: i32 = y.parse().ok()?;
        if !(1995..=2030).contains(&y) {
            return None;
        }
        NaiveDate::from_ymd_opt(y, m.parse().ok()?, d.parse().ok()?)
    };
    // The leading run of digits and dashes of a segment, if what follows it
    // is the end or not a digit (so "2012-03-05-title" gives "2012-03-05").
    let lead = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_digit() || *c == '-')
            .collect()
    };
    let mut found: Vec<NaiveDate> = Vec::new();
    for (i, seg) in segs.iter().enumerate() {
        let next = segs.get(i + 1).copied().unwrap_or("");
        let next2 = segs.get(i + 2).copied().unwrap_or("");
        // YYYY/MM/DD
        if digits(seg, 4) && digits(next, 2) && digits(next2, 2) {
            found.extend(day(seg, next, next2));
        }
        // YYYY-MM/DD
        if seg.len() == 7
            && seg.is_ascii()
            && digits(&seg[..4], 4)
            && &seg[4..5] == "-"
            && digits(&seg[5..], 2)
            && digits(next, 2)
        {
            found.extend(day(&seg[..4], &seg[5..], next));
        }
        // YYYY-MM-DD… and YYYYMMDD…
        let head = lead(seg);
        let head = head.trim_end_matches('-');
        if head.len() >= 10
            && digits(&head[..4], 4)
            && &head[4..5] == "-"
            && digits(&head[5..7], 2)
            && &head[7..8] == "-"
            && digits(&head[8..10], 2)
            && !head[10..].starts_with(|c: char| c.is_ascii_digit())
        {
            found.extend(day(&head[..4], &head[5..7], &head[8..10]));
        }
        let run: String = seg.chars().take_while(char::is_ascii_digit).collect();
        if run.len() == 8 {
            found.extend(day(&run[..4], &run[4..6], &run[6..]));
        }
    }
    found.sort_unstable();
    found.dedup();
    match found[..] {
        [d] => Some(d),
        _ => None,
    }
}

/// Pins [`url_day`] on known URLs (run at the start of `--url-labelled`).
fn url_day_self_check() {
    let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    let cases = [
        (
            "http://news.xinhuanet.com/english/2007-11/24/content_7138034.htm",
            d(2007, 11, 24),
        ),
        ("http://example.com/2012/03/05/some-story/", d(2012, 3, 5)),
        ("http://example.com/news/2012/03/05", d(2012, 3, 5)),
        ("https://example.com/2012-03-05-some-story", d(2012, 3, 5)),
        ("https://example.com/a/2012-03-05.html", d(2012, 3, 5)),
        ("https://example.com/a/20120305/story", d(2012, 3, 5)),
        ("https://example.com/a/20120305.html", d(2012, 3, 5)),
        ("http://bbc.co.uk/news/business-21371039", None),
        ("http://example.com/2012/03/story", None),
        ("http://example.com/2012/13/05/x", None),
        ("http://example.com/2012/02/30/x", None),
        ("http://example.com/1990/03/05/x", None),
        ("http://example.com/a/201203051/x", None),
        ("http://example.com/article.php?date=2012-03-05", None),
        ("http://2012-03-05.example.com/x", None),
        ("http://example.com/2012/03/05/x/2012-03-06", None),
        (
            "http://example.com/2012/03/05/x/20120305.html",
            d(2012, 3, 5),
        ),
        ("http://example.com/x/2012-03-051", None),
    ];
    for (url, want) in cases {
        assert_eq!(url_day(url), want, "{url}");
    }
}

/// CPU time of the calling thread in nanoseconds, from Linux schedstat.
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}
