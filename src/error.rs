//! The library's one error type.
//!
//! Every variant carries what a user needs to act: the path, the query, and
//! the next step where there is one. tantivy's errors are wrapped so that
//! users never see its Debug text.

use std::io;
use std::path::PathBuf;

/// A newsdex error.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The operating system's error.
        #[source]
        source: io::Error,
    },
    /// There is no index where one was expected.
    #[error("no index at {}; build one with `newsdex ingest PATH` (or pass --index DIR)", path.display())]
    IndexMissing {
        /// The index folder.
        path: PathBuf,
    },
    /// The folder holds files but no newsdex index.
    #[error("{} is not a newsdex index and is not empty; pass another --index DIR", path.display())]
    NotAnIndex {
        /// The folder.
        path: PathBuf,
    },
    /// The index path names a file, not a folder.
    #[error("{} is a file, not an index folder; pass another --index DIR", path.display())]
    IndexIsAFile {
        /// The path.
        path: PathBuf,
    },
    /// Another ingest holds the index's write lock.
    #[error("the index at {} is being written by another ingest; wait for it to finish (searching works meanwhile)", path.display())]
    IndexLocked {
        /// The index folder.
        path: PathBuf,
    },
    /// The index was written by an incompatible newsdex version.
    #[error("the index at {} was built by {found}, which this newsdex ({expected}) cannot read; rebuild it with `newsdex ingest --rebuild PATH`", path.display())]
    SchemaMismatch {
        /// The index folder.
        path: PathBuf,
        /// What the index says it is.
        found: String,
        /// What this build writes.
        expected: String,
    },
    /// The disk holding the index is full.
    #[error("no space left on the disk holding {}; free some space and run the ingest again (the index keeps everything up to its last commit)", path.display())]
    DiskFull {
        /// The index folder.
        path: PathBuf,
    },
    /// The index folder cannot be written.
    #[error("the index at {} is on a read-only file system or not writable; ingest needs to write there (search works without)", path.display())]
    IndexReadOnly {
        /// The index folder.
        path: PathBuf,
    },
    /// Files of the index are missing, truncated or corrupt.
    #[error("the index at {} is damaged: {problem}; rebuild it from the source files with `newsdex ingest --rebuild PATH` (the source files are only read)", path.display())]
    IndexDamaged {
        /// The index folder.
        path: PathBuf,
        /// What is wrong, in words.
        problem: String,
    },
    /// tantivy failed.
    #[error("index error in {}: {source}", path.display())]
    Index {
        /// The index folder.
        path: PathBuf,
        /// tantivy's error.
        #[source]
        source: tantivy::TantivyError,
    },
    /// tantivy could not open the index folder.
    #[error("index error in {}: {source}", path.display())]
    IndexFolder {
        /// The index folder.
        path: PathBuf,
        /// tantivy's error.
        #[source]
        source: tantivy::directory::error::OpenDirectoryError,
    },
    /// A search query could not be parsed.
    #[error("invalid query {query:?}: {source} (see the README's \"Query syntax\" section)")]
    Query {
        /// The query as given.
        query: String,
        /// What tantivy's query parser found wrong.
        #[source]
        source: tantivy::query::QueryParserError,
    },
    /// A person or place filter holds no word to look for.
    #[error(
        "invalid name {name:?}: a name needs at least one word; give a person's or a place's name"
    )]
    EmptyName {
        /// The name as given.
        name: String,
    },
    /// A date on the command line is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[error("invalid date {text:?}: expected YYYY, YYYY-MM or YYYY-MM-DD")]
    InvalidDate {
        /// The text given.
        text: String,
    },
    /// A timeline would have more buckets than it may.
    #[error(
        "a timeline by {interval} would have more than {max} bars; choose a wider interval (week, month or year) or a shorter period"
    )]
    TooManyBuckets {
        /// The interval asked for.
        interval: &'static str,
        /// The most buckets allowed.
        max: usize,
    },
    /// The server could not listen on its address.
    #[error("cannot listen on {address}: {source}; pick another --addr (port 0 picks a free one)")]
    Bind {
        /// The address asked for.
        address: std::net::SocketAddr,
        /// The operating system's error.
        #[source]
        source: io::Error,
    },
    /// The server stopped with an error.
    #[error("the server on {address} failed: {source}")]
    Serve {
        /// The address served.
        address: std::net::SocketAddr,
        /// The error.
        #[source]
        source: io::Error,
    },
    /// No article has this id.
    #[error("no article with id {id}; ids are printed by `newsdex search`")]
    ArticleNotFound {
        /// The id asked for.
        id: String,
    },
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub(crate) fn io(path: impl Into<PathBuf>, source: io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
