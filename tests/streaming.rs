//! Large files: JSON Lines read as a stream give the articles a whole-file
//! read gives; an ingest stopped part-way through a large file resumes it
//! without extracting the committed articles again; a truncated gzip or a
//! line cut mid-way keeps every complete article before the damage.

use std::collections::BTreeSet;
use std::io::Write;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::json::{Article, Hit};
use crate::util::{Dir, json_lines, summary};

/// A JSON Lines export of `n` articles (over 1 MB gzipped from about 2,000
/// on, so ingest streams it), with a blank line, a CRLF line and a bad line.
fn export(n: usize) -> String {
    let places = ["Lisbon", "Nairobi", "Osaka", "Quito", "Tallinn"];
    let people = ["Ana Ruiz", "Kofi Mensah", "Yuki Tanaka", "Lena Berg"];
    let mut out = String::new();
    for i in 0..n {
        let person = people[i % people.len()];
        let place = places[i % places.len()];
        let filler = words(i as u64, 160);
        out.push_str(&format!(
            "{{\"title\": \"Harbour report {i}\", \"date\": \"2021-{:02}-{:02}\", \"body\": \"Mayor {person} said in {place} on Monday that work on dock {i} would go on. {filler}\"}}{}",
            i % 12 + 1,
            i % 28 + 1,
            if i == 7 { "\r\n" } else { "\n" }
        ));
        if i == 3 {
            out.push('\n');
        }
        if i == 500 {
            out.push_str("{\"title\": broken\n");
        }
    }
    out
}

/// `n` pseudo-random lowercase words (so that gzip cannot shrink the
/// export below the size at which ingest streams a file).
fn words(seed: u64, n: usize) -> String {
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut out = String::new();
    for _ in 0..n {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let len = 3 + (state >> 60) as usize % 6;
        for k in 0..len {
            out.push((b'a' + ((state >> (8 + 5 * k)) % 26) as u8) as char);
        }
        out.push(' ');
    }
    out
}

fn gzip(text: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(text).unwrap();
    encoder.finish().unwrap()
}

/// (position, title, date, people, places) of an article.
type Fields = (u64, String, Option<String>, Vec<String>, Vec<String>);

/// The fields of every article `extract` reads, whole file by whole file.
fn extracted(dir: &Dir) -> BTreeSet<Fields> {
    let out = dir.command(&["extract", "--json", "corpus"]).stdout();
    json_lines::<Article>(&out)
        .into_iter()
        .map(|a| (a.position, a.title, a.date, a.people, a.places))
        .collect()
}

/// The fields of every indexed article.
fn indexed(dir: &Dir) -> BTreeSet<Fields> {
    let out = dir
        .command(&["search", "harbour", "--limit", "100000", "--json"])
        .stdout();
    json_lines::<Hit>(&out)
        .into_iter()
        .map(|h| (h.position, h.title, h.date, h.people, h.places))
        .collect()
}

#[test]
fn streamed_json_lines_match_a_whole_file_read() {
    let dir = Dir::new();
    let zipped = gzip(export(2600).as_bytes());
    assert!(zipped.len() > 1 << 20, "big enough to be streamed");
    dir.create_bytes("big.jsonl.gz", &zipped);
    let s = summary(&dir, &["corpus"]);
    assert_eq!(s.added, 2600);
    assert_eq!(s.problems.len(), 1, "{:?}", s.problems);
    assert!(
        s.problems[0].reason.starts_with("line 503:"),
        "{:?}",
        s.problems
    );

    // `extract` reads the file whole.
    let whole = extracted(&dir);
    assert_eq!(whole.len(), 2600);
    assert_eq!(indexed(&dir), whole);
}

/// Stops the ingest (by panicking) when the second commit starts: the
/// first commit holds the first parts of the large file.
struct StopAtSecondCommit(AtomicUsize);

impl newsdex::Progress for StopAtSecondCommit {
    fn start(&self, _: u64) {}
    fn file_done(&self, _: u64) {}
    fn committing(&self) {
        if self.0.fetch_add(1, Ordering::SeqCst) == 1 {
            panic!("stopped on purpose");
        }
    }
}

struct Quiet;

impl newsdex::Progress for Quiet {
    fn start(&self, _: u64) {}
    fn file_done(&self, _: u64) {}
    fn committing(&self) {}
}

/// Records the stages the writer reports, in order.
#[derive(Default)]
struct Stages(std::sync::Mutex<Vec<&'static str>>);

impl Stages {
    fn push(&self, stage: &'static str) {
        self.0.lock().unwrap().push(stage);
    }
}

impl newsdex::Progress for Stages {
    fn start(&self, _: u64) {
        self.push("start");
    }
    fn file_done(&self, _: u64) {}
    fn committing(&self) {
        self.push("committing");
    }
    fn committed(&self) {
        self.push("committed");
    }
    fn finishing(&self) {
        self.push("finishing");
    }
}

fn options(dir: &Dir) -> newsdex::IngestOptions {
    newsdex::IngestOptions {
        paths: vec![dir.corpus()],
        parse: Default::default(),
        keep_missing: false,
        memory: 64 << 20,
        index_threads: 1,
        // Commit after every part.
        commit_interval: Duration::ZERO,
        today: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
    }
}

#[test]
fn a_stopped_ingest_resumes_a_large_file_where_it_committed() {
    let extractor = newsdex::extract::default_extractor().unwrap();
    let dir = Dir::new();
    dir.create("big.jsonl", &export(2600));
    {
        let index = newsdex::NewsIndex::open_or_create(&dir.index(), false).unwrap();
        let stop = StopAtSecondCommit(AtomicUsize::new(0));
        let run = std::panic::catch_unwind(AssertUnwindSafe(|| {
            newsdex::ingest(&index, &options(&dir), &extractor, &stop)
        }));
        assert!(run.is_err(), "the first run was stopped");
    }
    let committed = dir.command(&["stats", "--json"]).stdout();
    let committed: crate::json::Stats = serde_json::from_str(&committed).unwrap();
    assert!(
        committed.articles > 0 && committed.articles < 2600,
        "part of the file is committed: {}",
        committed.articles
    );

    let index = newsdex::NewsIndex::open_or_create(&dir.index(), false).unwrap();
    let report = newsdex::ingest(&index, &options(&dir), &extractor, &Quiet).unwrap();
    drop(index);
    // Only what was not committed is extracted and added again.
    assert_eq!(report.added, 2600 - committed.articles);
    assert_eq!(report.updated + report.removed, 0);

    // The same articles as a clean ingest, and the file is now complete:
    // the next run reads nothing.
    let clean = Dir::new();
    clean.create("big.jsonl", &export(2600));
    clean.ingest();
    assert_eq!(indexed(&dir), indexed(&clean));
    let again = summary(&dir, &["corpus"]);
    assert_eq!((again.files_read, again.unchanged), (0, 2600));
}

#[test]
fn a_changed_file_is_redone_whole_not_resumed() {
    let extractor = newsdex::extract::default_extractor().unwrap();
    let dir = Dir::new();
    dir.create("big.jsonl", &export(2600));
    {
        let index = newsdex::NewsIndex::open_or_create(&dir.index(), false).unwrap();
        let stop = StopAtSecondCommit(AtomicUsize::new(0));
        let _ = std::panic::catch_unwind(AssertUnwindSafe(|| {
            newsdex::ingest(&index, &options(&dir), &extractor, &stop)
        }));
    }
    // The file changes before the next run: fewer, different lines.
    let shorter = export(1200).replace("Harbour report", "Harbour review");
    dir.create("big.jsonl", &shorter);
    let s = summary(&dir, &["corpus"]);
    assert_eq!(s.added + s.updated, 1200, "{s:?}");
    let titles: Vec<String> = indexed(&dir).into_iter().map(|a| a.1).collect();
    assert_eq!(titles.len(), 1200);
    assert!(titles.iter().all(|t| t.starts_with("Harbour review")));
}

#[test]
fn truncated_gzip_keeps_the_articles_before_the_damage() {
    for (name, n) in [("small.jsonl.gz", 300), ("big.jsonl.gz", 2600)] {
        let dir = Dir::new();
        let text = export(n);
        let zipped = gzip(text.as_bytes());
        assert_eq!(
            zipped.len() > 1 << 20,
            n > 1000,
            "{name} is streamed or not"
        );
        dir.create_bytes(name, &zipped[..zipped.len() / 2]);
        let s = summary(&dir, &["corpus"]);
        assert!(s.skipped.is_empty(), "{name}: {:?}", s.skipped);
        assert!(
            s.added > (n as u64) / 4 && s.added < n as u64,
            "{name}: {}",
            s.added
        );
        let damage: Vec<_> = s
            .problems
            .iter()
            .filter(|p| p.reason.contains("damaged"))
            .collect();
        assert_eq!(damage.len(), 1, "{name}: {:?}", s.problems);
        assert!(damage[0].reason.contains("truncated"), "{:?}", damage[0]);
        assert!(damage[0].path.ends_with(name));
        // Every article kept is whole: its title is one the export wrote.
        let kept = indexed(&dir);
        assert_eq!(kept.len() as u64, s.added);

        // Repaired: the file is read again and every article is there.
        dir.create_bytes(name, &zipped);
        let s = summary(&dir, &["corpus"]);
        assert_eq!(s.added + s.updated + s.unchanged, n as u64, "{name}: {s:?}");
        assert!(s.problems.iter().all(|p| !p.reason.contains("damaged")));
        assert_eq!(indexed(&dir).len(), n);
    }
}

#[test]
fn a_line_cut_mid_way_is_reported_as_damage() {
    for n in [40, 2600] {
        let dir = Dir::new();
        let text = export(n);
        assert_eq!(text.len() > 1 << 20, n > 1000, "streamed or not");
        let cut = &text[..text.len() - 200];
        dir.create("cut.jsonl", cut);
        let s = summary(&dir, &["corpus"]);
        assert_eq!(s.added, n as u64 - 1, "{n}: {:?}", s.problems);
        let last = s.problems.last().unwrap();
        assert!(
            last.reason
                .contains("damaged: the file ends in the middle of this line"),
            "{n}: {last:?}"
        );
    }
}

/// The articles of [`export`] as one JSON array, with a number for item 5.
fn export_array(n: usize) -> String {
    let mut items: Vec<String> = export(n)
        .lines()
        .map(str::trim)
        .filter(|l| serde_json::from_str::<serde_json::Value>(l).is_ok())
        .map(str::to_string)
        .collect();
    items.insert(5, "42".to_string());
    format!("[\n  {}\n]\n", items.join(",\n  "))
}

#[test]
fn a_streamed_json_array_matches_a_whole_file_read() {
    let dir = Dir::new();
    let text = export_array(2600);
    assert!(text.len() > 1 << 20, "big enough to be streamed");
    dir.create("big.json", &text);
    let s = summary(&dir, &["corpus"]);
    assert_eq!(s.added, 2600);
    assert_eq!(s.problems.len(), 1, "{:?}", s.problems);
    assert!(
        s.problems[0].reason.starts_with("item 5:"),
        "{:?}",
        s.problems
    );
    let whole = extracted(&dir);
    assert_eq!(whole.len(), 2600);
    assert_eq!(indexed(&dir), whole);
}

#[test]
fn a_cut_json_array_keeps_the_items_before_the_damage() {
    let dir = Dir::new();
    let text = export_array(2600);
    dir.create("big.json", &text[..text.len() / 2]);
    let s = summary(&dir, &["corpus"]);
    assert!(s.skipped.is_empty(), "{:?}", s.skipped);
    assert!(s.added > 1000 && s.added < 2600, "{}", s.added);
    let damage: Vec<_> = s
        .problems
        .iter()
        .filter(|p| p.reason.contains("damaged"))
        .collect();
    assert_eq!(damage.len(), 1, "{:?}", s.problems);
    assert!(
        damage[0].reason.contains("in the middle of item"),
        "{:?}",
        damage[0]
    );
    assert_eq!(indexed(&dir).len() as u64, s.added);
    // Repaired: read again, every article there.
    dir.create("big.json", &text);
    let s = summary(&dir, &["corpus"]);
    assert_eq!(s.added + s.updated + s.unchanged, 2600, "{s:?}");
    assert_eq!(indexed(&dir).len(), 2600);
}

#[test]
fn every_commit_is_reported_when_it_starts_and_when_it_is_on_disk() {
    // What `NEWSDEX_TRACE` prints and the crash-loop test reads.
    let extractor = newsdex::extract::default_extractor().unwrap();
    let dir = Dir::new();
    dir.create("big.jsonl", &export(2600));
    let index = newsdex::NewsIndex::open_or_create(&dir.index(), false).unwrap();
    let stages = Stages::default();
    let report = newsdex::ingest(&index, &options(&dir), &extractor, &stages).unwrap();
    let stages = stages.0.into_inner().unwrap();
    let commits = report.commits as usize;
    assert!(commits >= 3, "a commit after every part: {commits}");
    let mut expected = vec!["start"];
    for _ in 0..commits {
        expected.extend(["committing", "committed"]);
    }
    expected.push("finishing");
    assert_eq!(stages, expected);
}
