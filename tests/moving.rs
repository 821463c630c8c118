//! Files that change while an ingest reads them: appended, truncated,
//! replaced by a rename, or deleted, by a thread that runs beside the
//! ingest. Whatever the timing, each file must end with one whole version
//! of itself indexed (one it really had), never a mix, and the next run
//! must index exactly what is on disk.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crate::json::Hit;
use crate::util::{Dir, json_lines};

/// Small JSON Lines files (read whole) and one over 1 MB (streamed).
const SMALL_FILES: usize = 300;
const BIG_LINES: usize = 1_400;

/// Every version each file had: the titles of its articles, in order.
type History = BTreeMap<PathBuf, Vec<Vec<String>>>;

fn line(title: &str, filler: &str) -> String {
    format!("{{\"title\": \"{title}\", \"body\": \"Body of {title}. {filler}\"}}\n")
}

fn text(titles: &[String], filler: &str) -> String {
    titles.iter().map(|t| line(t, filler)).collect()
}

/// A tiny deterministic generator (xorshift), so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Changes files until `stop`, recording every whole version written.
fn mutate(corpus: &Path, history: &mut History, stop: &AtomicBool) {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut serial = 0;
    let mut deleted = BTreeSet::new();
    while !stop.load(Ordering::Relaxed) {
        serial += 1;
        let which = rng.below(SMALL_FILES + 1);
        if which == SMALL_FILES {
            // The streamed file only grows, one whole line per write.
            let path = corpus.join("big.jsonl");
            let mut titles = history[&path].last().unwrap().clone();
            let title = format!("big appended {serial}");
            let mut file = std::fs::OpenOptions::new()
                .append(true)
                .open(&path)
                .unwrap();
            file.write_all(line(&title, &"word ".repeat(150)).as_bytes())
                .unwrap();
            titles.push(title);
            history.get_mut(&path).unwrap().push(titles);
        } else {
            let path = corpus.join(format!("f{which:03}.jsonl"));
            if deleted.contains(&path) {
                continue;
            }
            let mut titles = history[&path].last().unwrap().clone();
            match rng.below(10) {
                0..=3 => {
                    // Append a line.
                    let title = format!("f{which} appended {serial}");
                    let mut file = std::fs::OpenOptions::new()
                        .append(true)
                        .open(&path)
                        .unwrap();
                    file.write_all(line(&title, "").as_bytes()).unwrap();
                    titles.push(title);
                }
                4 | 5 => {
                    // Truncate to the first line.
                    titles.truncate(1);
                    let keep = text(&titles, "").len() as u64;
                    std::fs::OpenOptions::new()
                        .write(true)
                        .open(&path)
                        .unwrap()
                        .set_len(keep)
                        .unwrap();
                }
                6..=8 => {
                    // Replace by a rename, as editors and exporters do.
                    titles = (0..=rng.below(4))
                        .map(|k| format!("f{which} replaced {serial} {k}"))
                        .collect();
                    let temporary = corpus.join(format!(".f{which}.tmp"));
                    std::fs::write(&temporary, text(&titles, "")).unwrap();
                    std::fs::rename(&temporary, &path).unwrap();
                }
                _ => {
                    std::fs::remove_file(&path).unwrap();
                    deleted.insert(path.clone());
                    titles.clear();
                }
            }
            history.get_mut(&path).unwrap().push(titles);
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// The titles indexed for each file, in position order.
fn indexed(dir: &Dir) -> BTreeMap<PathBuf, Vec<String>> {
    let out = dir
        .command(&["search", "*", "--json", "--limit", "100000"])
        .stdout();
    let mut hits = json_lines::<Hit>(&out);
    hits.sort_by(|a, b| (&a.path, a.position).cmp(&(&b.path, b.position)));
    let mut files: BTreeMap<PathBuf, Vec<String>> = BTreeMap::new();
    for hit in hits {
        files
            .entry(PathBuf::from(hit.path))
            .or_default()
            .push(hit.title);
    }
    files
}

fn ingest(dir: &Dir) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_newsdex"))
        .env_remove("NEWSDEX_INDEX")
        .arg("--index")
        .arg(dir.index())
        .args(["ingest", "--json"])
        .arg(dir.corpus())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the binary runs")
}

#[test]
fn files_changing_during_an_ingest_end_whole_and_the_next_run_catches_up() {
    let dir = Dir::new();
    let mut history = History::new();
    for i in 0..SMALL_FILES {
        let titles: Vec<String> = (0..3).map(|k| format!("f{i} first {k}")).collect();
        let path = dir.create(&format!("f{i:03}.jsonl"), &text(&titles, ""));
        history.insert(path.canonicalize().unwrap(), vec![titles]);
    }
    let titles: Vec<String> = (0..BIG_LINES).map(|k| format!("big first {k}")).collect();
    let path = dir.create("big.jsonl", &text(&titles, &"word ".repeat(150)));
    assert!(std::fs::metadata(&path).unwrap().len() > 1 << 20);
    history.insert(path.canonicalize().unwrap(), vec![titles]);
    let corpus = dir.corpus().canonicalize().unwrap();

    // A clean first run: every file's first version.
    dir.ingest();
    let first = indexed(&dir);
    for (path, versions) in &history {
        assert_eq!(first.get(path), Some(&versions[0]), "{}", path.display());
    }

    // Files change while the second run reads them.
    let stop = Arc::new(AtomicBool::new(false));
    let mutator = {
        let stop = Arc::clone(&stop);
        let mut history = history.clone();
        std::thread::spawn(move || {
            mutate(&corpus, &mut history, &stop);
            history
        })
    };
    let status = ingest(&dir).wait().unwrap();
    stop.store(true, Ordering::Relaxed);
    let history = mutator.join().unwrap();
    assert!(
        matches!(status.code(), Some(0 | 1)),
        "the run failed: {status}"
    );
    let changes: usize = history.values().map(|v| v.len() - 1).sum();
    assert!(changes > 20, "only {changes} changes during the run");

    let middle = indexed(&dir);
    for (path, versions) in &history {
        let got = middle.get(path).cloned().unwrap_or_default();
        let big = path.ends_with("big.jsonl");
        // A deleted file may be gone or keep a version it had; the streamed
        // file only grew, so any whole-line prefix of its last version is
        // a version it had.
        let whole = versions.contains(&got)
            || (got.is_empty() && versions.last().unwrap().is_empty())
            || (big && versions.last().unwrap().starts_with(&got) && got.len() >= BIG_LINES);
        assert!(
            whole,
            "{} holds a mix: {got:?}\nits versions: {versions:?}",
            path.display()
        );
    }

    // The next run, with nothing changing, indexes what is on disk.
    dir.ingest();
    let last = indexed(&dir);
    for (path, versions) in &history {
        let on_disk = versions.last().unwrap();
        let got = last.get(path).cloned().unwrap_or_default();
        assert_eq!(&got, on_disk, "{}", path.display());
    }
    assert_eq!(
        last.len(),
        history
            .values()
            .filter(|v| !v.last().unwrap().is_empty())
            .count()
    );
}
