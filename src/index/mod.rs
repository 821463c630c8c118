//! The index stage: the on-disk tantivy index, its schema and its writer.
//!
//! [`NewsIndex`] opens or creates the index folder and checks that it was
//! written by a compatible newsdex (a `newsdex.json` marker beside tantivy's
//! files, and the schema itself). [`Indexer`] writes articles. The fingerprints
//! that make ingest incremental are stored as fast fields of the articles
//! themselves, so they are committed atomically with them.
//!
//! tantivy types do not leave this module and `query`.

mod counts;
mod directory;
mod merge;
mod persons;
pub(crate) mod schema;
mod stem;
pub(crate) use writer::day_to_datetime;
mod writer;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};
use tantivy::Index;

pub(crate) use counts::{Keep, NameCounts};
#[cfg(feature = "lab")]
pub use persons::PlaceEvidence;
pub(crate) use persons::{Identities, key_words};
use schema::FORMAT_VERSION;
pub(crate) use schema::Fields;
pub use writer::Indexer;

use crate::error::{Error, Result};
use crate::model::Fingerprint;

/// The marker file that says which newsdex wrote an index.
const MARKER: &str = "newsdex.json";

#[derive(Serialize, Deserialize)]
struct Marker {
    format: u32,
    written_by: String,
}

/// What the index knows about one source file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FileRecord {
    /// The fingerprint the file had when it was read.
    pub(crate) fingerprint: Fingerprint,
    /// Positions of its articles.
    pub(crate) positions: Vec<u64>,
    /// Whether its last part was committed. A large file is committed in
    /// parts; until its last part is in, its articles carry the hash
    /// [`Fingerprint::PARTIAL`], and the next ingest resumes it.
    pub(crate) complete: bool,
    /// Whether its articles disagree on the file's size or modification
    /// time (two versions of the file mixed: never written so).
    pub(crate) mixed: bool,
}

/// What [`NewsIndex::check`] found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IndexCheck {
    /// Segments read.
    pub segments: u64,
    /// Articles (live documents).
    pub articles: u64,
    /// Source files with articles.
    pub files: u64,
    /// Large files whose ingest stopped part-way (the next ingest resumes
    /// them): not a problem.
    pub unfinished: u64,
    /// What is wrong, one line each; empty when the index is sound.
    pub problems: Vec<String>,
}

/// An open newsdex index.
pub struct NewsIndex {
    path: PathBuf,
    index: Index,
    fields: Fields,
    /// The reader of a long-lived process ([`NewsIndex::open_live`]): held
    /// open and reloaded after each commit. Commands open a fresh reader
    /// per call instead.
    live: Option<tantivy::IndexReader>,
    /// The persons (see `persons.rs`) of one state of the index, keyed by
    /// its segments and their deletes: a long-lived process reads or
    /// computes them once per commit rather than once per request, a
    /// command once rather than once per step.
    persons: Mutex<Option<(StateKey, Persons)>>,
    /// The names of the string fast columns of each segment, by ordinal,
    /// for a live index: counting people and places per request then
    /// reads no compressed dictionary. Segments never change, so a table
    /// stays right until its segment is merged away.
    name_tables: Mutex<HashMap<(tantivy::index::SegmentId, &'static str), NameTable>>,
}

/// Every value of a string fast column of one segment, by ordinal.
pub(crate) type NameTable = Arc<Vec<String>>;

/// The persons of one state of the index.
pub(crate) type Persons = Arc<Identities>;

/// One state of the index: its segments and their delete opstamps.
type StateKey = BTreeMap<tantivy::index::SegmentId, Option<tantivy::Opstamp>>;

impl NewsIndex {
    /// Opens an existing index for reading (and searching).
    pub fn open(path: &Path) -> Result<NewsIndex> {
        if path.is_file() {
            return Err(Error::IndexIsAFile {
                path: path.to_path_buf(),
            });
        }
        if !path.join("meta.json").is_file() {
            return Err(Error::IndexMissing {
                path: path.to_path_buf(),
            });
        }
        check_marker(path)?;
        let dir = directory::IndexDirectory::open(path).map_err(|source| Error::IndexFolder {
            path: path.to_path_buf(),
            source,
        })?;
        let index = Index::open(dir).map_err(|e| tantivy_error(path, e))?;
        let (schema, fields) = Fields::build();
        if index.schema() != schema {
            return Err(Error::SchemaMismatch {
                path: path.to_path_buf(),
                found: "a newsdex with another schema".to_string(),
                expected: format!("index format {FORMAT_VERSION}"),
            });
        }
        schema::register_analyzers(index.tokenizers());
        Ok(NewsIndex {
            path: path.to_path_buf(),
            index,
            fields,
            live: None,
            persons: Mutex::new(None),
            name_tables: Mutex::new(HashMap::new()),
        })
    }

    /// Opens an existing index for a long-lived reader (the server): one
    /// reader is held open and reloads shortly after each commit, so
    /// searches see the articles of an ingest that runs meanwhile.
    ///
    /// Nothing else read at open time changes with a commit: the
    /// `newsdex.json` marker only records the format, which an ingest into
    /// this index cannot change (`ingest --rebuild` keeps the format too).
    pub fn open_live(path: &Path) -> Result<NewsIndex> {
        let mut index = NewsIndex::open(path)?;
        let reader = index
            .index
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::OnCommitWithDelay)
            .try_into()
            .map_err(|e| tantivy_error(path, e))?;
        index.live = Some(reader);
        Ok(index)
    }

    /// Opens the index for writing, creating it (and its folder) when there
    /// is none. With `rebuild`, an existing index is deleted first.
    pub fn open_or_create(path: &Path, rebuild: bool) -> Result<NewsIndex> {
        if path.exists() && !path.is_dir() {
            return Err(Error::IndexIsAFile {
                path: path.to_path_buf(),
            });
        }
        std::fs::create_dir_all(path).map_err(|e| Error::io(path, e))?;
        let is_index = path.join("meta.json").is_file();
        if is_index && rebuild {
            remove_index_files(path)?;
        } else if is_index {
            return NewsIndex::open(path);
        } else if has_visible_files(path)? {
            return Err(Error::NotAnIndex {
                path: path.to_path_buf(),
            });
        }
        // The marker goes first: an ingest killed between the two leaves a
        // folder with only the marker, which the next run takes as empty;
        // tantivy's meta.json without the marker would be refused as
        // another program's index (found by tests/reliability/crash_loop.sh).
        let marker = Marker {
            format: FORMAT_VERSION,
            written_by: format!("newsdex {}", env!("CARGO_PKG_VERSION")),
        };
        let json = serde_json::to_vec_pretty(&marker).expect("marker serializes");
        std::fs::write(path.join(MARKER), json).map_err(|e| Error::io(path.join(MARKER), e))?;
        let (schema, fields) = Fields::build();
        let dir = directory::IndexDirectory::open(path).map_err(|source| Error::IndexFolder {
            path: path.to_path_buf(),
            source,
        })?;
        let index =
            Index::create(dir, schema, Default::default()).map_err(|e| tantivy_error(path, e))?;
        schema::register_analyzers(index.tokenizers());
        Ok(NewsIndex {
            path: path.to_path_buf(),
            index,
            fields,
            live: None,
            persons: Mutex::new(None),
            name_tables: Mutex::new(HashMap::new()),
        })
    }

    /// The index folder.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// The field handles.
    pub(crate) fn fields(&self) -> &Fields {
        &self.fields
    }

    /// The tantivy index, for the query module.
    pub(crate) fn tantivy(&self) -> &Index {
        &self.index
    }

    /// Takes the write lock and returns a writer with `memory` bytes of
    /// indexing budget spread over `threads` threads.
    pub fn writer(&self, memory: usize, threads: usize) -> Result<Indexer> {
        Indexer::new(self, memory, threads)
    }

    /// What the index knows of each source file, read from fast fields
    /// (no stored document is loaded).
    pub(crate) fn files(&self) -> Result<HashMap<PathBuf, FileRecord>> {
        let searcher = self.searcher()?;
        let mut files: HashMap<PathBuf, FileRecord> = HashMap::new();
        for segment in searcher.segment_readers() {
            let fast = segment.fast_fields();
            let err = |e| tantivy_error(&self.path, e);
            let Some(file) = fast.str(schema::FILE).map_err(err)? else {
                continue;
            };
            let size = fast.u64(schema::FILE_SIZE).map_err(err)?;
            let mtime = fast.i64(schema::FILE_MTIME).map_err(err)?;
            let hash = fast.u64(schema::FILE_HASH).map_err(err)?;
            let position = fast.u64(schema::POSITION).map_err(err)?;
            // Each alive article's file ordinal, fingerprint and position,
            // grouped by ordinal (a stable sort keeps the articles' order).
            let mut docs: Vec<(u64, Fingerprint, u64)> = Vec::new();
            for doc in segment.doc_ids_alive() {
                let Some(ord) = file.ords().first(doc) else {
                    continue;
                };
                let fingerprint = Fingerprint {
                    size: size.first(doc).unwrap_or(0),
                    mtime: mtime.first(doc).unwrap_or(0),
                    hash: hash.first(doc).unwrap_or(0),
                };
                docs.push((ord, fingerprint, position.first(doc).unwrap_or(0)));
            }
            docs.sort_by_key(|d| d.0);
            // The names of those ordinals in one pass over the dictionary:
            // looking each one up alone cost a block decode per file (6 s
            // for `stats` on 300,000 files).
            let mut ords: Vec<u64> = docs.iter().map(|d| d.0).collect();
            ords.dedup();
            let mut names: Vec<PathBuf> = Vec::with_capacity(ords.len());
            let mut utf8 = Ok(());
            let found = file
                .dictionary()
                .sorted_ords_to_term_cb(&ords, |bytes| match std::str::from_utf8(bytes) {
                    Ok(name) => names.push(PathBuf::from(name)),
                    Err(e) => utf8 = Err(e),
                })
                .map_err(|e| Error::io(&self.path, e))?;
            if !found || names.len() != ords.len() || utf8.is_err() {
                return Err(Error::io(
                    &self.path,
                    std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        "the index's list of source files is damaged; run `newsdex ingest --rebuild`",
                    ),
                ));
            }
            let mut names = names.into_iter();
            let mut docs = docs.into_iter().peekable();
            while let Some(&(ord, first, _)) = docs.peek() {
                let name = names.next().unwrap_or_default();
                let record = files.entry(name).or_insert_with(|| FileRecord {
                    fingerprint: first,
                    positions: Vec::new(),
                    complete: false,
                    mixed: false,
                });
                while let Some((_, fingerprint, position)) = docs.next_if(|d| d.0 == ord) {
                    record.mixed |= record.fingerprint.size != fingerprint.size
                        || record.fingerprint.mtime != fingerprint.mtime;
                    if fingerprint.hash != Fingerprint::PARTIAL {
                        record.fingerprint.hash = fingerprint.hash;
                        record.complete = true;
                    }
                    record.positions.push(position);
                }
            }
        }
        Ok(files)
    }

    /// Verifies the index: every segment file against its checksum, every
    /// article readable through the fast fields, and each source file's
    /// articles consistent (one fingerprint, no position twice). Problems
    /// are reported, not returned as errors; an index too damaged to open
    /// is an error.
    pub fn check(&self) -> Result<IndexCheck> {
        let mut check = IndexCheck::default();
        let bad = self
            .index
            .validate_checksum()
            .map_err(|e| tantivy_error(&self.path, e))?;
        let mut bad: Vec<PathBuf> = bad.into_iter().collect();
        bad.sort();
        for file in bad {
            check.problems.push(format!(
                "{}: checksum mismatch (the file is corrupt)",
                file.display()
            ));
        }
        let searcher = self.searcher()?;
        check.segments = searcher.segment_readers().len() as u64;
        check.articles = searcher.num_docs();
        let files = self.files()?;
        check.files = files.len() as u64;
        for (path, record) in &files {
            if !record.complete {
                check.unfinished += 1;
            }
            if record.mixed {
                check.problems.push(format!(
                    "{}: articles from two versions of the file (sizes or modification times differ)",
                    path.display()
                ));
            }
            let mut positions = record.positions.clone();
            positions.sort_unstable();
            let before = positions.len();
            positions.dedup();
            if positions.len() != before {
                check.problems.push(format!(
                    "{}: {} articles stored twice",
                    path.display(),
                    before - positions.len()
                ));
            }
        }
        Ok(check)
    }

    /// A searcher over the last commit: the live reader's current one, or
    /// one from a fresh reader. A fresh reader does not watch for new
    /// commits: a command's process is short-lived, and the watcher thread
    /// would cost every search.
    pub(crate) fn searcher(&self) -> Result<tantivy::Searcher> {
        if let Some(reader) = &self.live {
            return Ok(reader.searcher());
        }
        let reader: tantivy::IndexReader = self
            .index
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| tantivy_error(&self.path, e))?;
        Ok(reader.searcher())
    }

    /// The persons of the state `searcher` reads: kept in memory from the
    /// last call for the same state, else read from `persons.json` when
    /// that was stored for this state, else computed from the counts of
    /// every person name.
    pub(crate) fn persons(&self, searcher: &tantivy::Searcher) -> Result<Persons> {
        let key = searcher.generation().segments();
        if let Some((cached, value)) = self.persons.lock().ok().as_deref().and_then(Option::as_ref)
            && cached == key
        {
            return Ok(Arc::clone(value));
        }
        let state = stored_state(key);
        let persons = match persons::read(&self.path, &state) {
            Some(stored) => Arc::new(stored),
            None => Arc::new(self.compute_persons(searcher)?),
        };
        // Kept for the next reader of the same state: the server's next
        // request, or the second step of a command (`people NAME` searches,
        // then names the persons it matched).
        if let Ok(mut slot) = self.persons.lock() {
            *slot = Some((key.clone(), Arc::clone(&persons)));
        }
        Ok(persons)
    }

    /// Groups the person names of every article that `searcher` reads, and
    /// tells the names that are mostly of another kind.
    fn compute_persons(&self, searcher: &tantivy::Searcher) -> Result<Identities> {
        let [people, places, others, located, styled] = self.stored_name_counts(searcher)?;
        // Articles that store a form of each list: a term query per form.
        let field = self.fields.person_name;
        let any_of = |forms: &[&str]| -> Box<dyn tantivy::query::Query> {
            Box::new(tantivy::query::BooleanQuery::new(form_clauses(
                field,
                forms.iter().copied(),
            )))
        };
        let together = |a: &[&str], b: &[&str]| -> u64 {
            let both = tantivy::query::BooleanQuery::new(vec![
                (tantivy::query::Occur::Must, any_of(a)),
                (tantivy::query::Occur::Must, any_of(b)),
            ]);
            // Unknown (a read error): as if always together, so that the
            // forms stay apart.
            searcher
                .search(&both, &tantivy::collector::Count)
                .map_or(u64::MAX, |n| n as u64)
        };
        Ok(Identities::build(persons::Names {
            people: &people,
            places: &places,
            others: &others,
            located: &located,
            styled: &styled,
            together: Some(&together),
        }))
    }

    /// Articles per stored name of each kind that `searcher` reads, in one
    /// pass: people, places, other names, located places and titled names.
    fn stored_name_counts(&self, searcher: &tantivy::Searcher) -> Result<[Vec<(String, u64)>; 5]> {
        // Tantivy's tuples of collectors hold four at most.
        let ((people, places, others, located), styled) = searcher
            .search(
                &tantivy::query::AllQuery,
                &(
                    (
                        NameCounts::field(self, schema::PERSON_NAME),
                        NameCounts::field(self, schema::PLACE_NAME),
                        NameCounts::field(self, schema::OTHER_NAME),
                        NameCounts::field(self, schema::LOCATED_NAME),
                    ),
                    NameCounts::field(self, schema::STYLED_NAME),
                ),
            )
            .map_err(|e| tantivy_error(&self.path, e))?;
        Ok([people, places, others, located, styled])
    }

    /// Articles per stored name of each kind: people, places, other names,
    /// located places and titled names, as the persons step reads them
    /// (feature `lab`).
    #[cfg(feature = "lab")]
    pub(crate) fn name_counts(&self) -> Result<[Vec<(String, u64)>; 5]> {
        self.stored_name_counts(&self.searcher()?)
    }

    /// What the persons step weighs for each place name (feature `lab`).
    #[cfg(feature = "lab")]
    pub(crate) fn place_evidence(&self) -> Result<Vec<PlaceEvidence>> {
        let searcher = self.searcher()?;
        Ok(self.compute_persons(&searcher)?.place_evidence)
    }

    /// Computes the persons of the last commit and stores them in the index
    /// folder, unless they are stored for it already (an ingest calls this
    /// after its last commit, so that readers need not compute them).
    pub(crate) fn store_persons(&self) -> Result<()> {
        let searcher = self.searcher()?;
        let state = stored_state(searcher.generation().segments());
        if persons::read(&self.path, &state).is_some() {
            return Ok(());
        }
        let persons = self.compute_persons(&searcher)?;
        persons::write(&self.path, &state, &persons).map_err(|e| {
            e.raw_os_error()
                .and_then(|code| storage_error(&self.path, code))
                .unwrap_or_else(|| Error::io(self.path.join(persons::FILE), e))
        })
    }

    /// The names of `field`'s fast column in `segment`, by ordinal, when
    /// this index is live (commands read the few names they count from the
    /// column instead: building the table reads them all).
    pub(crate) fn name_table(
        &self,
        segment: &tantivy::SegmentReader,
        field: &'static str,
        column: &tantivy::columnar::StrColumn,
    ) -> Option<NameTable> {
        let live = self.live.as_ref()?;
        let key = (segment.segment_id(), field);
        if let Some(table) = self.name_tables.lock().ok()?.get(&key) {
            return Some(Arc::clone(table));
        }
        let mut names = Vec::with_capacity(column.num_terms());
        let mut terms = column.dictionary().stream().ok()?;
        while terms.advance() {
            names.push(String::from_utf8_lossy(terms.key()).into_owned());
        }
        let table = Arc::new(names);
        let searched: Vec<tantivy::index::SegmentId> = live
            .searcher()
            .segment_readers()
            .iter()
            .map(|s| s.segment_id())
            .collect();
        let mut tables = self.name_tables.lock().ok()?;
        // Forget the segments that merges have replaced.
        tables.retain(|(id, _), _| *id == key.0 || searched.contains(id));
        tables.insert(key, Arc::clone(&table));
        Some(table)
    }

    /// The number of articles in the last commit.
    pub fn num_articles(&self) -> Result<u64> {
        Ok(self.searcher()?.num_docs())
    }

    /// Bytes used on disk by the index folder.
    pub(crate) fn size_on_disk(&self) -> u64 {
        std::fs::read_dir(&self.path)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok()?.metadata().ok())
                    .filter(|m| m.is_file())
                    .map(|m| m.len())
                    .sum()
            })
            .unwrap_or(0)
    }
}

fn check_marker(path: &Path) -> Result<()> {
    let marker_path = path.join(MARKER);
    let found = match std::fs::read(&marker_path) {
        Ok(bytes) => match serde_json::from_slice::<Marker>(&bytes) {
            Ok(marker) if marker.format == FORMAT_VERSION => return Ok(()),
            Ok(marker) => format!("{} (index format {})", marker.written_by, marker.format),
            Err(_) => "an unknown program (its newsdex.json is unreadable)".to_string(),
        },
        Err(_) => "another program or an older newsdex (no newsdex.json)".to_string(),
    };
    Err(Error::SchemaMismatch {
        path: path.to_path_buf(),
        found,
        expected: format!(
            "newsdex {}, index format {FORMAT_VERSION}",
            env!("CARGO_PKG_VERSION")
        ),
    })
}

/// Whether a folder without meta.json holds files other than hidden ones
/// and a marker left by an index creation that was interrupted.
fn has_visible_files(path: &Path) -> Result<bool> {
    let entries = std::fs::read_dir(path).map_err(|e| Error::io(path, e))?;
    Ok(entries.filter_map(|e| e.ok()).any(|e| {
        let name = e.file_name();
        name.as_encoded_bytes().first() != Some(&b'.') && name != MARKER
    }))
}

/// Deletes an index's files but keeps the folder (and a `.gitkeep`). Refuses
/// while another ingest holds the write lock.
fn remove_index_files(path: &Path) -> Result<()> {
    if let Ok(index) = Index::open_in_dir(path) {
        // Taking the writer lock proves no ingest is running; it is released
        // when the writer drops, just before the files go.
        let writer = index.writer_with_num_threads::<tantivy::TantivyDocument>(1, 15_000_000);
        if let Err(e @ tantivy::TantivyError::LockFailure(..)) = writer {
            return Err(tantivy_error(path, e));
        }
    }
    let entries = std::fs::read_dir(path).map_err(|e| Error::io(path, e))?;
    for entry in entries.filter_map(|e| e.ok()) {
        if entry.file_name() == ".gitkeep" {
            continue;
        }
        let p = entry.path();
        let result = if p.is_dir() {
            std::fs::remove_dir_all(&p)
        } else {
            std::fs::remove_file(&p)
        };
        result.map_err(|e| Error::io(&p, e))?;
    }
    Ok(())
}

/// A state of the index as `persons.json` records it.
fn stored_state(key: &StateKey) -> persons::State {
    key.iter()
        .map(|(id, deletes)| (id.uuid_string(), *deletes))
        .collect()
}

/// Turns a tantivy error into ours, recognising the write lock.
/// No space left on device (Linux errno).
pub(crate) const ENOSPC: i32 = 28;
/// Permission denied (Linux errno).
pub(crate) const EACCES: i32 = 13;
/// Read-only file system (Linux errno).
pub(crate) const EROFS: i32 = 30;

/// The error for an operating-system error number that says the index's
/// disk is full or read-only; `None` for any other number.
pub(crate) fn storage_error(path: &Path, code: i32) -> Option<Error> {
    let path = path.to_path_buf();
    match code {
        ENOSPC => Some(Error::DiskFull { path }),
        EROFS => Some(Error::IndexReadOnly { path }),
        _ => None,
    }
}

/// One `Should` clause per stored person form: articles that store any of
/// `forms` in `field` (`person_name`), each form looked up whole.
pub(crate) fn form_clauses<'a>(
    field: tantivy::schema::Field,
    forms: impl IntoIterator<Item = &'a str>,
) -> Vec<(tantivy::query::Occur, Box<dyn tantivy::query::Query>)> {
    forms
        .into_iter()
        .map(|form| {
            let term = tantivy::Term::from_field_text(field, form);
            let query: Box<dyn tantivy::query::Query> = Box::new(tantivy::query::TermQuery::new(
                term,
                tantivy::schema::IndexRecordOption::Basic,
            ));
            (tantivy::query::Occur::Should, query)
        })
        .collect()
}

pub(crate) fn tantivy_error(path: &Path, e: tantivy::TantivyError) -> Error {
    use tantivy::TantivyError as T;
    use tantivy::directory::error::OpenReadError;
    let damaged = |problem: String| Error::IndexDamaged {
        path: path.to_path_buf(),
        problem,
    };
    let corrupt_io = |e: &std::io::Error| {
        matches!(
            e.kind(),
            std::io::ErrorKind::InvalidData | std::io::ErrorKind::UnexpectedEof
        )
    };
    // tantivy passes some I/O errors on as text only (InternalError): the
    // operating system's error number is what tells a full disk.
    let text = e.to_string();
    let named = [ENOSPC, EROFS]
        .into_iter()
        .find(|code| text.contains(&format!("(os error {code})")));
    if let Some(err) = named.and_then(|code| storage_error(path, code)) {
        return err;
    }
    match e {
        T::LockFailure(tantivy::directory::error::LockError::IoError(io), _)
            if matches!(io.raw_os_error(), Some(EACCES | EROFS)) =>
        {
            Error::IndexReadOnly {
                path: path.to_path_buf(),
            }
        }
        T::LockFailure(..) => Error::IndexLocked {
            path: path.to_path_buf(),
        },
        T::DataCorruption(corruption) => damaged(format!("{corruption:?}")),
        T::OpenReadError(OpenReadError::FileDoesNotExist(file)) => {
            damaged(format!("its file {} is missing", file.display()))
        }
        T::OpenReadError(OpenReadError::IoError { io_error, filepath })
            if corrupt_io(&io_error) =>
        {
            damaged(format!(
                "its file {} is truncated or corrupt ({io_error})",
                filepath.display()
            ))
        }
        T::IoError(io_error) if corrupt_io(&io_error) => {
            damaged(format!("a file is truncated or corrupt ({io_error})"))
        }
        source => Error::Index {
            path: path.to_path_buf(),
            source,
        },
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::model::{Article, ArticleId, Fingerprint};

    fn article(position: u64, people: &[&str]) -> Article {
        let path = PathBuf::from("/archive/a.jsonl");
        Article {
            id: ArticleId::from_source(&path, position),
            path,
            position,
            title: format!("Story {position}"),
            body: "Text.".to_string(),
            date: None,
            url: None,
            source: None,
            authors: Vec::new(),
            tags: Vec::new(),
            people: people.iter().map(|p| p.to_string()).collect(),
            places: Vec::new(),
            mentions: Vec::new(),
            others: Vec::new(),
            located: Vec::new(),
            styled: Vec::new(),
        }
    }

    #[test]
    fn a_command_reads_the_persons_of_one_state_once() {
        let dir = tempfile::tempdir().unwrap();
        let print = Fingerprint {
            size: 1,
            mtime: 1,
            hash: 1,
        };
        let index = NewsIndex::open_or_create(dir.path(), false).unwrap();
        let mut writer = index.writer(50 << 20, 1).unwrap();
        for position in 0..3 {
            writer
                .add(&article(position, &["Donald Trump"]), &print)
                .unwrap();
        }
        writer
            .add(&article(3, &["Donald J. Trump"]), &print)
            .unwrap();
        writer.commit().unwrap();
        index.store_persons().unwrap();

        let searcher = index.searcher().unwrap();
        let first = index.persons(&searcher).unwrap();
        assert_eq!(first.person_of("Donald J. Trump"), Some(0));
        // The same state again: the same persons, not read a second time.
        let again = index.persons(&index.searcher().unwrap()).unwrap();
        assert!(Arc::ptr_eq(&first, &again));

        // A new state: its own persons, whatever the last call kept.
        writer.add(&article(4, &["Joe Biden"]), &print).unwrap();
        writer
            .add(&article(5, &["Joseph R. Biden"]), &print)
            .unwrap();
        writer.add(&article(6, &["Joe Biden"]), &print).unwrap();
        writer.commit().unwrap();
        let after = index.persons(&index.searcher().unwrap()).unwrap();
        assert!(!Arc::ptr_eq(&first, &after));
        assert!(after.person_of("Joseph R. Biden").is_some());
        assert_eq!(first.person_of("Joseph R. Biden"), None);
    }
}
