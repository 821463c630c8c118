//! The ingest pipeline: walk -> parse -> extract -> index, in parallel and
//! incrementally.
//!
//! Files are read, parsed and their entities extracted on rayon's thread
//! pool; results flow through a bounded channel to the one thread that owns
//! the index writer. A file whose size and modification time match its
//! fingerprint in the index is not read at all; a changed file's articles are
//! replaced (delete by file, then add); the articles of files gone from a
//! walked folder are removed. Commits happen periodically and at the end, so
//! an interrupted run keeps everything up to its last commit and a re-run
//! completes it without duplicates.
//!
//! This is the only library module that names every stage. Progress is
//! reported through the [`Progress`] trait; nothing here prints.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::error::Result;
use crate::extract::{DateNote, EntityExtractor, extract_article};
use crate::index::{FileRecord, Indexer, NewsIndex};
use crate::model::{Article, Fingerprint, IngestReport, Skipped, SourceFormat};
use crate::parse::{self, ParseError, ParseOptions, Parsed, Problem};
use crate::walk::{self, SourceFile, WalkError};

/// Settings of one ingest run.
#[derive(Clone, Debug)]
pub struct IngestOptions {
    /// Files and folders to ingest.
    pub paths: Vec<PathBuf>,
    /// How files are parsed (`--field` overrides).
    pub parse: ParseOptions,
    /// Keep the articles of files that are gone from a walked folder.
    pub keep_missing: bool,
    /// Indexing memory budget in bytes.
    pub memory: usize,
    /// Indexing threads of the tantivy writer.
    pub index_threads: usize,
    /// Commit at least this often on long runs.
    pub commit_interval: Duration,
    /// Today, which bounds plausible dates (tomorrow is the latest).
    pub today: NaiveDate,
}

/// Receives progress while an ingest runs (the binary draws a bar).
pub trait Progress: Sync {
    /// The walk is done: this many files will be read.
    fn start(&self, files_to_read: u64);
    /// One more file was handled, with this many articles.
    fn file_done(&self, articles: u64);
    /// A part of a large file was written, with this many articles (its
    /// file is not done yet).
    fn part_done(&self, _articles: u64) {}
    /// A commit is being written.
    fn committing(&self);
    /// The commit announced by [`Progress::committing`] is on disk.
    fn committed(&self) {}
    /// The last commit is on disk; the writer waits for the segment merges
    /// still running, and the archive's persons are grouped, before the
    /// ingest returns.
    fn finishing(&self) {}
}

/// What the readers send the writer: a file's articles, in one part for
/// small files and in several for large ones, so that indexing overlaps with
/// extraction.
enum FileOutcome {
    Articles {
        file: SourceFile,
        hash: u64,
        articles: Vec<Article>,
        problems: Vec<Problem>,
        notes: Vec<DateNote>,
        /// The first part of the file (its old articles are deleted then).
        first: bool,
        /// The last part (the file's counts are settled then).
        last: bool,
        /// The file's earlier run stopped part-way and this run goes on
        /// from there: its committed articles stay.
        resume: bool,
    },
    Failed {
        file: SourceFile,
        error: FileError,
    },
    /// The outcomes of a batch of small files (at most [`BATCH_FILES`] and
    /// about [`BATCH_BYTES`], like a part of a large file), sent as one so
    /// that the next batch is extracted while the writer indexes this one.
    Batch(Vec<FileOutcome>),
}

/// Why a file the walk found could not be ingested: it is skipped, and the
/// message is the reason shown beside its path.
#[derive(Debug, thiserror::Error)]
enum FileError {
    /// Reading the file failed.
    #[error(transparent)]
    Read(#[from] WalkError),
    /// The file's content could not be parsed.
    #[error(transparent)]
    Parse(#[from] ParseError),
}

/// Articles extracted per part of a large file.
const PART_ARTICLES: usize = 512;

/// Outcomes (batches of small files, or parts of a large file) waiting for
/// the writer. Small:
/// extraction is the slow stage, and whatever waits here is memory, and
/// work lost if the process is killed before the next commit.
const QUEUE: usize = 4;

/// Runs an ingest into `index`.
pub fn ingest(
    index: &NewsIndex,
    options: &IngestOptions,
    extractor: &dyn EntityExtractor,
    progress: &dyn Progress,
) -> Result<IngestReport> {
    let started = Instant::now();
    // Take the write lock first so that a second ingest fails before walking.
    let mut writer = index.writer(options.memory, options.index_threads)?;
    let walked = walk::walk(&options.paths, Some(index.path()));
    let known = index.files()?;
    let mut report = IngestReport {
        files_seen: walked.files.len() as u64,
        skipped: walked.skipped,
        ..IngestReport::default()
    };

    // Every path the walk met, readable or not: only files absent from it
    // count as gone.
    let mut met: HashSet<PathBuf> = walked.files.iter().map(|f| f.path.clone()).collect();
    met.extend(report.skipped.iter().map(|s| s.path.clone()));
    if !options.keep_missing {
        remove_missing(&known, &walked.folders, &met, &mut writer, &mut report);
    }

    let mut to_read = Vec::new();
    // Files whose last run stopped part-way, unchanged since: the positions
    // already committed, which are not extracted again.
    let mut resume: HashMap<PathBuf, HashSet<u64>> = HashMap::new();
    for file in walked.files {
        match known.get(&file.path) {
            Some(record)
                if record.fingerprint.size == file.size
                    && record.fingerprint.mtime == file.mtime =>
            {
                if record.complete {
                    report.unchanged += record.positions.len() as u64;
                    continue;
                }
                resume.insert(
                    file.path.clone(),
                    record.positions.iter().copied().collect(),
                );
                to_read.push(file);
            }
            _ => to_read.push(file),
        }
    }

    progress.start(to_read.len() as u64);
    let (sender, receiver) = crossbeam_channel::bounded::<FileOutcome>(QUEUE);
    let mut result = Ok(());
    std::thread::scope(|scope| {
        let to_read = &to_read;
        let resume = &resume;
        scope.spawn(move || {
            // A send fails only when the writer stopped on an error.
            for batch in batches(to_read) {
                match batch {
                    Batch::Small(files) => {
                        let outcomes: Vec<FileOutcome> = files
                            .par_iter()
                            .map(|file| read_small_file(file, options, extractor))
                            .collect();
                        if sender.send(FileOutcome::Batch(outcomes)).is_err() {
                            return;
                        }
                    }
                    Batch::Large(file) => {
                        let done = resume.get(&file.path);
                        let sent = match file.format {
                            SourceFormat::JsonLines | SourceFormat::Json => {
                                stream_records(file, options, extractor, done, &sender)
                            }
                            _ => read_large_file(file, options, extractor, done, &sender),
                        };
                        if sent.is_err() {
                            return;
                        }
                    }
                }
            }
        });
        let mut last_commit = Instant::now();
        // Positions written so far for the file in progress.
        let mut written: Vec<u64> = Vec::new();
        let outcomes = receiver.iter().flat_map(|message| match message {
            FileOutcome::Batch(batch) => batch,
            one => vec![one],
        });
        for outcome in outcomes {
            if result.is_err() {
                continue; // drain so the producers finish
            }
            // A commit may fall between the parts of a large file: its parts
            // before the last carry the hash `Fingerprint::PARTIAL`, so the
            // next run sees the file unfinished and resumes it.
            result = write_outcome(
                outcome,
                &known,
                &mut writer,
                &mut written,
                &mut report,
                progress,
            );
            if result.is_ok() && last_commit.elapsed() >= options.commit_interval {
                progress.committing();
                result = writer.commit();
                progress.committed();
                report.commits += 1;
                last_commit = Instant::now();
            }
        }
    });
    result?;
    progress.committing();
    writer.commit()?;
    progress.committed();
    report.commits += 1;
    progress.finishing();
    writer.finish()?;
    // Who is who across the archive, for the readers of this commit.
    index.store_persons()?;
    report.files_read = to_read.len() as u64;
    report.elapsed = started.elapsed();
    Ok(report)
}

/// Deletes the articles of files that were indexed from a walked folder and
/// are no longer in it.
fn remove_missing(
    known: &HashMap<PathBuf, FileRecord>,
    folders: &[PathBuf],
    met: &HashSet<PathBuf>,
    writer: &mut Indexer,
    report: &mut IngestReport,
) {
    for (path, record) in known {
        if !met.contains(path) && folders.iter().any(|folder| path.starts_with(folder)) {
            writer.delete_file(path);
            report.removed += record.positions.len() as u64;
        }
    }
}

/// Files at least this big (JSON Lines exports, archives of many articles)
/// are read one at a time, their articles extracted in parallel.
const LARGE_FILE: u64 = 1 << 20;
/// Small files are read in parallel batches of at most this many bytes...
const BATCH_BYTES: u64 = 16 << 20;
/// ... and this many files.
const BATCH_FILES: usize = 512;

/// A unit of parallel work. Batching bounds memory: rayon's nested
/// parallelism would otherwise let a thread waiting inside one large file
/// start reading others.
enum Batch<'a> {
    /// Small files, each read and extracted on one thread.
    Small(&'a [SourceFile]),
    /// One large file whose articles are extracted in parallel.
    Large(&'a SourceFile),
}

/// Cuts `files` into batches, in order.
fn batches(files: &[SourceFile]) -> impl Iterator<Item = Batch<'_>> {
    let mut rest = files;
    std::iter::from_fn(move || {
        let first = rest.first()?;
        if first.size >= LARGE_FILE {
            rest = &rest[1..];
            return Some(Batch::Large(first));
        }
        let mut bytes = 0;
        let end = rest
            .iter()
            .take(BATCH_FILES)
            .position(|f| {
                bytes += f.size;
                f.size >= LARGE_FILE || bytes > BATCH_BYTES
            })
            .unwrap_or(rest.len().min(BATCH_FILES))
            .max(1);
        let (batch, tail) = rest.split_at(end);
        rest = tail;
        Some(Batch::Small(batch))
    })
}

/// Reads, decompresses and parses one file, returning the hash of its bytes
/// on disk (for its fingerprint) and what the parser found.
fn load_file(file: &SourceFile, options: &ParseOptions) -> Result<(u64, Parsed), FileError> {
    let bytes = file.read()?;
    let hash = Fingerprint::hash_bytes(&bytes);
    let parsed = parse::parse_file(&bytes, file.format, file.gzip, options)?;
    Ok((hash, parsed))
}

/// A small file: read and extracted on the calling thread, one part.
fn read_small_file(
    file: &SourceFile,
    options: &IngestOptions,
    extractor: &dyn EntityExtractor,
) -> FileOutcome {
    let (hash, parsed) = match load_file(file, &options.parse) {
        Ok(loaded) => loaded,
        Err(error) => {
            return FileOutcome::Failed {
                file: file.clone(),
                error,
            };
        }
    };
    let (articles, notes) = parsed
        .articles
        .into_iter()
        .map(|raw| extract_article(raw, &file.path, extractor, options.today))
        .unzip();
    FileOutcome::Articles {
        file: file.clone(),
        hash,
        articles,
        problems: parsed.problems,
        notes,
        first: true,
        last: true,
        resume: false,
    }
}

/// The writer side stopped (on an error): reading more is pointless.
struct WriterStopped;

/// Tells the writer that `file` is skipped, and why.
fn send_failure(
    sender: &crossbeam_channel::Sender<FileOutcome>,
    file: &SourceFile,
    error: FileError,
) -> Result<(), WriterStopped> {
    sender
        .send(FileOutcome::Failed {
            file: file.clone(),
            error,
        })
        .map_err(|_| WriterStopped)
}

/// A large file: its articles extracted in parallel and sent in parts as
/// they are ready. Fails only when the writer has stopped.
fn read_large_file(
    file: &SourceFile,
    options: &IngestOptions,
    extractor: &dyn EntityExtractor,
    done: Option<&HashSet<u64>>,
    sender: &crossbeam_channel::Sender<FileOutcome>,
) -> Result<(), WriterStopped> {
    let (hash, parsed) = match load_file(file, &options.parse) {
        Ok(loaded) => loaded,
        Err(error) => return send_failure(sender, file, error),
    };
    let mut problems = parsed.problems;
    let mut raws = parsed.articles;
    if let Some(done) = done {
        raws.retain(|raw| !done.contains(&raw.position));
    }
    let parts = raws.len().div_ceil(PART_ARTICLES).max(1);
    for part in 0..parts {
        let rest = raws.split_off(raws.len().min(PART_ARTICLES));
        let chunk = std::mem::replace(&mut raws, rest);
        let (articles, notes) = chunk
            .into_par_iter()
            .map(|raw| extract_article(raw, &file.path, extractor, options.today))
            .unzip();
        sender
            .send(FileOutcome::Articles {
                file: file.clone(),
                hash,
                articles,
                problems: std::mem::take(&mut problems),
                notes,
                first: part == 0,
                last: part + 1 == parts,
                resume: done.is_some(),
            })
            .map_err(|_| WriterStopped)?;
    }
    Ok(())
}

/// Lines of a streamed file read per part...
const PART_LINES: usize = PART_ARTICLES;
/// ... or this many bytes of text, whichever comes first.
const PART_BYTES: usize = 16 << 20;

/// One part of a streamed file, before it is sent.
#[derive(Default)]
struct Part {
    articles: Vec<Article>,
    notes: Vec<DateNote>,
    problems: Vec<Problem>,
}

/// The records of a streamed file: the lines of JSON Lines, or the items
/// of a JSON array.
enum Records {
    Lines(parse::stream::JsonLinesReader<walk::HashingReader>),
    Array(parse::stream::JsonArrayReader<walk::HashingReader>),
}

impl Records {
    fn next(
        &mut self,
        max: usize,
        max_bytes: usize,
        problems: &mut Vec<Problem>,
    ) -> Vec<(u64, String)> {
        match self {
            Records::Lines(r) => r.next_lines(max, max_bytes, problems),
            Records::Array(r) => r.next_items(max, max_bytes, problems),
        }
    }

    fn damage(&self) -> Option<&Problem> {
        match self {
            Records::Lines(r) => r.damage(),
            Records::Array(r) => r.damage(),
        }
    }

    fn into_inner(self) -> walk::HashingReader {
        match self {
            Records::Lines(r) => r.into_inner(),
            Records::Array(r) => r.into_inner(),
        }
    }
}

/// A large JSON Lines file, or a large file holding one JSON array, read as
/// a stream in bounded memory: each part's records are parsed and
/// extracted in parallel and sent as soon as the next part shows the file
/// goes on, so that the last part sent always holds articles (the one that
/// carries the file's content hash). Records whose articles an interrupted
/// run committed (`done`) are not extracted again. A `.json` file that is
/// not an array (one object, or JSON Lines under another name) is read
/// whole. Fails only when the writer has stopped.
fn stream_records(
    file: &SourceFile,
    options: &IngestOptions,
    extractor: &dyn EntityExtractor,
    done: Option<&HashSet<u64>>,
    sender: &crossbeam_channel::Sender<FileOutcome>,
) -> Result<(), WriterStopped> {
    let send = |part: Part, hash: u64, first: bool, last: bool| {
        sender
            .send(FileOutcome::Articles {
                file: file.clone(),
                hash,
                articles: part.articles,
                problems: part.problems,
                notes: part.notes,
                first,
                last,
                resume: done.is_some(),
            })
            .map_err(|_| WriterStopped)
    };
    let reader = match file.open() {
        Ok(reader) => reader,
        Err(error) => return send_failure(sender, file, error.into()),
    };
    let mut lines = if file.format == SourceFormat::JsonLines {
        Records::Lines(parse::stream::JsonLinesReader::new(reader, file.gzip))
    } else {
        let mut array = parse::stream::JsonArrayReader::new(reader, file.gzip);
        if !array.open_array().unwrap_or(false) {
            return read_large_file(file, options, extractor, done, sender);
        }
        Records::Array(array)
    };
    let (parse_one, nothing): (fn(&str, u64, &ParseOptions) -> _, _) = match lines {
        Records::Lines(_) => (parse::parse_json_line, "no JSON lines"),
        Records::Array(_) => (parse::parse_json_item, "the array is empty"),
    };
    let mut pending: Option<Part> = None;
    let mut sent_any = false;
    loop {
        let mut problems = Vec::new();
        let batch = lines.next(PART_LINES, PART_BYTES, &mut problems);
        if batch.is_empty() && problems.is_empty() {
            break;
        }
        let results: Vec<Result<(Article, DateNote), Problem>> = batch
            .into_par_iter()
            .filter(|(line_no, _)| !done.is_some_and(|done| done.contains(line_no)))
            .map(|(line_no, line)| {
                parse_one(&line, line_no, &options.parse)
                    .map(|raw| extract_article(raw, &file.path, extractor, options.today))
            })
            .collect();
        let mut part = Part {
            problems,
            ..Part::default()
        };
        for result in results {
            match result {
                Ok((article, note)) => {
                    part.articles.push(article);
                    part.notes.push(note);
                }
                Err(problem) => part.problems.push(problem),
            }
        }
        part.problems.sort_by_key(|p| p.line);
        match pending.as_mut() {
            Some(held) if part.articles.is_empty() => {
                held.problems.append(&mut part.problems);
                held.notes.append(&mut part.notes);
            }
            _ => {
                if let Some(held) = pending.replace(part) {
                    send(held, Fingerprint::PARTIAL, !sent_any, false)?;
                    sent_any = true;
                }
            }
        }
    }
    let damage = lines.damage().cloned();
    let mut last = pending.unwrap_or_default();
    last.problems.extend(damage);
    let hash = match lines.into_inner().finish() {
        Ok((hash, _)) => hash,
        Err(WalkError::Changing { .. }) => {
            // Not one version: kept as unfinished, so that the next run,
            // which sees a new size or time, reads it again whole.
            last.problems.push(Problem {
                line: None,
                reason: "the file changed while it was read: its articles are kept for now, and the next run reads it again whole".to_string(),
            });
            Fingerprint::PARTIAL
        }
        Err(error) => {
            // Not finished: the next run resumes the file.
            last.problems.push(Problem {
                line: None,
                reason: format!("could not read the rest of the file: {error}"),
            });
            Fingerprint::PARTIAL
        }
    };
    if !sent_any && last.articles.is_empty() && done.is_none() {
        let reason = match last.problems.first() {
            Some(p) => p.to_string(),
            None => nothing.to_string(),
        };
        return send_failure(sender, file, ParseError::NoArticle(reason).into());
    }
    send(last, hash, !sent_any, true)
}

fn write_outcome(
    outcome: FileOutcome,
    known: &HashMap<PathBuf, FileRecord>,
    writer: &mut Indexer,
    written: &mut Vec<u64>,
    report: &mut IngestReport,
    progress: &dyn Progress,
) -> Result<()> {
    match outcome {
        FileOutcome::Batch(batch) => {
            for outcome in batch {
                write_outcome(outcome, known, writer, written, report, progress)?;
            }
        }
        FileOutcome::Failed { file, error } => {
            // What was indexed from this file before stays: nothing already
            // indexed is lost because a file went bad.
            if let Some(old) = known.get(&file.path) {
                report.unchanged += old.positions.len() as u64;
            }
            report.skipped.push(Skipped {
                path: file.path,
                reason: error.to_string(),
            });
            progress.file_done(0);
        }
        FileOutcome::Articles {
            file,
            hash,
            articles,
            problems,
            notes,
            first,
            last,
            resume,
        } => {
            let fingerprint = Fingerprint {
                size: file.size,
                mtime: file.mtime,
                hash: if last { hash } else { Fingerprint::PARTIAL },
            };
            let old = known.get(&file.path);
            if first {
                written.clear();
                if old.is_some() && !resume {
                    writer.delete_file(&file.path);
                }
            }
            for article in &articles {
                writer.add(article, &fingerprint)?;
            }
            written.extend(articles.iter().map(|a| a.position));
            for note in notes {
                let d = &mut report.dates;
                match note {
                    DateNote::FromMetadata => d.from_metadata += 1,
                    DateNote::FromPath => d.from_path += 1,
                    DateNote::FromDateline => d.from_dateline += 1,
                    DateNote::Dropped => d.dropped += 1,
                    DateNote::Unparsed => d.unparsed += 1,
                    DateNote::Missing => d.missing += 1,
                }
            }
            report
                .problems
                .extend(problems.into_iter().map(|p| Skipped {
                    path: file.path.clone(),
                    reason: p.to_string(),
                }));
            if last {
                if resume {
                    // The run that stopped part-way added the others.
                    report.added += written.len() as u64;
                } else {
                    count_changes(old, hash, written, report);
                }
                progress.file_done(written.len() as u64);
            } else {
                progress.part_done(articles.len() as u64);
            }
        }
    }
    Ok(())
}

fn count_changes(
    old: Option<&FileRecord>,
    hash: u64,
    positions: &[u64],
    report: &mut IngestReport,
) {
    let Some(old) = old else {
        report.added += positions.len() as u64;
        return;
    };
    let old_positions: HashSet<u64> = old.positions.iter().copied().collect();
    let new_positions: HashSet<u64> = positions.iter().copied().collect();
    let kept = new_positions.intersection(&old_positions).count() as u64;
    if old.fingerprint.hash == hash {
        // Same bytes, new mtime: rewritten with the new fingerprint so the
        // next run need not read it, but nothing changed for users.
        report.unchanged += kept;
    } else {
        report.updated += kept;
    }
    report.added += new_positions.difference(&old_positions).count() as u64;
    report.removed += old_positions.difference(&new_positions).count() as u64;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SourceFormat;

    fn file(size: u64) -> SourceFile {
        SourceFile {
            path: PathBuf::from(format!("/x/{size}")),
            format: SourceFormat::Text,
            gzip: false,
            size,
            mtime: 0,
        }
    }

    fn shape(files: &[SourceFile]) -> Vec<String> {
        batches(files)
            .map(|b| match b {
                Batch::Small(files) => format!("small{}", files.len()),
                Batch::Large(_) => "large".to_string(),
            })
            .collect()
    }

    #[test]
    fn batches_bound_bytes_and_isolate_large_files() {
        let small = |n: usize| vec![file(1000); n];
        assert_eq!(shape(&small(3)), vec!["small3"]);
        assert_eq!(
            shape(&small(BATCH_FILES + 1)),
            vec![format!("small{BATCH_FILES}"), "small1".to_string()]
        );
        let mut files = small(2);
        files.push(file(LARGE_FILE));
        files.extend(small(1));
        assert_eq!(shape(&files), vec!["small2", "large", "small1"]);
        let big = vec![file(LARGE_FILE - 1); 40];
        let shapes = shape(&big);
        assert_eq!(shapes.len(), 3, "{shapes:?}");
        assert!(shape(&[]).is_empty());
    }
}
