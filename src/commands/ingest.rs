//! `newsdex ingest`: runs the pipeline and reports on stderr (or JSON on
//! stdout).

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};
use newsdex::NewsIndex;
use newsdex::extract::default_extractor;
use newsdex::output::{Style, human, json};
use newsdex::{IngestOptions, Progress, ingest};

use super::{Status, parse_fields, today};
use crate::cli::IngestArgs;

pub fn run(index_path: &Path, args: IngestArgs, style: &Style) -> Result<Status> {
    let started = Instant::now();
    let parse = parse_fields(&args.fields)?;
    // The tagger loads (tens of milliseconds of CPU) while the index opens
    // or is created (mostly waiting on the disk).
    let (extractor, index) = std::thread::scope(|scope| {
        let loading = scope.spawn(default_extractor);
        let index = NewsIndex::open_or_create(index_path, args.rebuild);
        let extractor = loading
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (extractor, index)
    });
    let index = index?;
    let extractor = extractor?;
    let threads = args.threads.unwrap_or_else(|| {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        (cores / 2).clamp(1, 4)
    });
    let options = IngestOptions {
        paths: args.paths,
        parse,
        keep_missing: args.keep_missing,
        memory: args.memory.saturating_mul(1 << 20),
        index_threads: threads,
        commit_interval: Duration::from_secs(args.commit_every.max(1)),
        today: today(),
    };
    let progress = Bar::new(!args.no_progress, started);
    let report = ingest(&index, &options, &extractor, &progress)?;
    progress.trace("done");
    progress.finish();

    let mut stderr = std::io::stderr().lock();
    if args.json {
        let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
        json::write_line(&mut stdout, &json::IngestJson::new(&report))?;
        stdout.flush()?;
    } else {
        human::write_ingest_summary(&mut stderr, &report, style)?;
    }
    if args.strict && !report.skipped.is_empty() {
        writeln!(
            stderr,
            "newsdex: error: {} files were skipped and --strict is set",
            report.skipped.len()
        )?;
        return Ok(Status::Failed);
    }
    if report.articles_kept() == 0 && !report.skipped.is_empty() {
        writeln!(stderr, "newsdex: error: nothing could be ingested")?;
        return Ok(Status::Failed);
    }
    if report.files_seen == 0 {
        writeln!(
            stderr,
            "newsdex: warning: no article files found (newsdex reads .txt, .html, .htm, .xml, .rss, .atom, .json, .jsonl, .ndjson, .sgm and their .gz)"
        )?;
    }
    Ok(Status::Found)
}

/// A bar on a terminal; elsewhere a line every few seconds.
struct Bar {
    bar: Option<ProgressBar>,
    lines: Option<Mutex<LineState>>,
    /// Articles written so far from the large file in progress.
    in_file: AtomicU64,
    /// With `NEWSDEX_TRACE` set: when the command started, for the
    /// timestamps of the trace lines that mark the writer's stages.
    trace: Option<Instant>,
}

struct LineState {
    last: Instant,
    done: u64,
    total: u64,
    articles: u64,
    in_file: u64,
}

impl LineState {
    /// A progress line every ten seconds.
    fn report_now_and_then(&mut self) {
        if self.last.elapsed() >= Duration::from_secs(10) {
            self.last = Instant::now();
            let _ = writeln!(
                std::io::stderr(),
                "newsdex: ingest: {}/{} files read, {} articles",
                self.done,
                self.total,
                self.articles
            );
        }
    }
}

impl Bar {
    fn new(enabled: bool, started: Instant) -> Bar {
        let terminal = std::io::stderr().is_terminal();
        Bar {
            bar: (enabled && terminal).then(|| {
                let bar = ProgressBar::new(0);
                bar.set_style(
                    ProgressStyle::with_template(
                        "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} files {msg} ({eta} left)",
                    )
                    .expect("the template is valid"),
                );
                bar
            }),
            lines: (enabled && !terminal).then(|| {
                Mutex::new(LineState {
                    last: Instant::now(),
                    done: 0,
                    total: 0,
                    articles: 0,
                    in_file: 0,
                })
            }),
            in_file: AtomicU64::new(0),
            trace: std::env::var_os("NEWSDEX_TRACE")
                .is_some_and(|v| !v.is_empty())
                .then_some(started),
        }
    }

    /// With `NEWSDEX_TRACE` set, one line on stderr that says which stage
    /// the writer enters: the crash-loop test reads the last one to know
    /// what a SIGKILL interrupted (`tests/reliability/crash_loop.sh`).
    fn trace(&self, stage: &str) {
        if let Some(started) = self.trace {
            let _ = writeln!(
                std::io::stderr(),
                "newsdex: trace: {:.3} {stage}",
                started.elapsed().as_secs_f64()
            );
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Progress for Bar {
    fn start(&self, files_to_read: u64) {
        self.trace(&format!("start {files_to_read} files"));
        if let Some(bar) = &self.bar {
            bar.set_length(files_to_read);
            bar.enable_steady_tick(Duration::from_millis(200));
        }
        if let Some(Ok(mut s)) = self.lines.as_ref().map(|l| l.lock()) {
            s.total = files_to_read;
        }
    }

    fn file_done(&self, articles: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
            if articles > 0 {
                bar.set_message(format!("+{articles} articles"));
            }
        }
        self.in_file.store(0, Ordering::Relaxed);
        if let Some(Ok(mut s)) = self.lines.as_ref().map(|l| l.lock()) {
            s.done += 1;
            // Its parts were counted as they came.
            s.articles += articles - std::mem::take(&mut s.in_file).min(articles);
            s.report_now_and_then();
        }
    }

    fn part_done(&self, articles: u64) {
        if let Some(bar) = &self.bar {
            // The bar counts files: say how far into a large one it is.
            let so_far = self.in_file.fetch_add(articles, Ordering::Relaxed) + articles;
            bar.set_message(format!("large file: {so_far} articles so far"));
        }
        if let Some(Ok(mut s)) = self.lines.as_ref().map(|l| l.lock()) {
            s.articles += articles;
            s.in_file += articles;
            s.report_now_and_then();
        }
    }

    fn committing(&self) {
        self.trace("commit start");
        if let Some(bar) = &self.bar {
            bar.set_message("committing");
        }
    }

    fn committed(&self) {
        self.trace("commit end");
    }

    fn finishing(&self) {
        self.trace("finishing");
    }
}
