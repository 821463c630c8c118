//! The walk stage: paths in, source files with their format out.
//!
//! Walks files and folders with walkdir, following symbolic links (loops are
//! detected and reported, not followed), skipping hidden entries and any
//! tantivy index folder (so an index inside the corpus is never ingested).
//! Each file's format comes from its extension, after a `.gz` suffix is set
//! aside; the parse stage may refine it from the content.
//!
//! Reading a file's bytes ([`SourceFile::read`]) is the walk's job too, so
//! that the parse stage never touches the file system.
//!
//! Uses `model` only.

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use walkdir::WalkDir;

use crate::model::{Skipped, SourceFormat};

/// A file to ingest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    /// The canonical, absolute path.
    pub path: PathBuf,
    /// The format guessed from the extension.
    pub format: SourceFormat,
    /// Whether the file is gzip-compressed (`.gz`).
    pub gzip: bool,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch.
    pub mtime: i64,
}

/// Why a path cannot be ingested. The messages are the skip reasons shown
/// beside the path, so they do not repeat it.
#[derive(Debug, thiserror::Error)]
pub enum WalkError {
    /// The extension names no format newsdex reads.
    #[error(
        "unsupported file type .{extension} (newsdex reads .txt, .json, .jsonl, .ndjson, .html, .xml, .sgm and their .gz)"
    )]
    UnsupportedType {
        /// The extension, lowercase, without the dot.
        extension: String,
    },
    /// A symbolic link points back to a folder being walked.
    #[error("symbolic link loop; not followed")]
    Loop {
        /// The link.
        path: PathBuf,
    },
    /// The file changed while it was read, each time it was tried: what was
    /// read may be half of one version and half of another.
    #[error(
        "the file changed while it was read ({READ_ATTEMPTS} tries); what was indexed from it stays, and the next run reads it again"
    )]
    Changing {
        /// The file.
        path: PathBuf,
    },
    /// The file or folder could not be read.
    #[error("{}", io_reason(.source))]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The operating system's error.
        #[source]
        source: io::Error,
    },
}

impl WalkError {
    fn io(path: &Path, source: io::Error) -> WalkError {
        WalkError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// The path as a skip, with this error as its reason.
    fn skipped(&self, path: PathBuf) -> Skipped {
        Skipped {
            path,
            reason: self.to_string(),
        }
    }
}

/// What a walk found.
#[derive(Clone, Debug, Default)]
pub struct Walk {
    /// The files to ingest, in a stable (sorted) order, without duplicates.
    pub files: Vec<SourceFile>,
    /// Files that cannot be ingested (unknown type, unreadable, loops).
    pub skipped: Vec<Skipped>,
    /// The canonical folders that were walked: articles of files that are
    /// gone from them may be removed.
    pub folders: Vec<PathBuf>,
}

/// Walks `paths`, never entering `exclude` (the index folder).
pub fn walk(paths: &[PathBuf], exclude: Option<&Path>) -> Walk {
    let exclude = exclude.and_then(|p| p.canonicalize().ok());
    let mut out = Walk::default();
    let mut seen = HashSet::new();
    for root in paths {
        let canonical = match root.canonicalize() {
            Ok(c) => c,
            Err(e) => {
                out.skipped
                    .push(WalkError::io(root, e).skipped(root.clone()));
                continue;
            }
        };
        if canonical.is_dir() {
            out.folders.push(canonical.clone());
        }
        let walker = WalkDir::new(&canonical)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                e.depth() == 0 || !(is_hidden(e.file_name()) || is_excluded(e, exclude.as_deref()))
            });
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    let path = e.path().unwrap_or(root).to_path_buf();
                    let error = if e.loop_ancestor().is_some() {
                        WalkError::Loop { path: path.clone() }
                    } else {
                        WalkError::Io {
                            path: path.clone(),
                            source: e.into(),
                        }
                    };
                    out.skipped.push(error.skipped(path));
                    continue;
                }
            };
            if !entry.file_type().is_file() || is_project_file(entry.file_name()) {
                continue;
            }
            match source_file(entry.path()) {
                Ok(file) => {
                    if seen.insert(file.path.clone()) {
                        out.files.push(file);
                    }
                }
                Err(e) => out.skipped.push(e.skipped(entry.path().to_path_buf())),
            }
        }
    }
    out.files.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

fn source_file(path: &Path) -> Result<SourceFile, WalkError> {
    let (format, gzip) = format_from_name(path)?;
    let canonical = path.canonicalize().map_err(|e| WalkError::io(path, e))?;
    let meta = std::fs::metadata(&canonical).map_err(|e| WalkError::io(&canonical, e))?;
    let stamp = Stamp::of(&meta);
    Ok(SourceFile {
        path: canonical,
        format,
        gzip,
        size: stamp.size,
        mtime: stamp.mtime,
    })
}

/// The format a file name implies, and whether it is gzip-compressed.
fn format_from_name(path: &Path) -> Result<(SourceFormat, bool), WalkError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let (name, gzip) = match name.strip_suffix(".gz") {
        Some(inner) => (inner.to_string(), true),
        None => (name, false),
    };
    let ext = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext,
        _ => "",
    };
    let format = match ext {
        "" | "txt" | "text" => SourceFormat::Text,
        "json" => SourceFormat::Json,
        "jsonl" | "ndjson" => SourceFormat::JsonLines,
        "html" | "htm" | "xhtml" => SourceFormat::Html,
        "xml" | "rss" | "atom" => SourceFormat::Feed,
        "sgm" | "sgml" => SourceFormat::Sgml,
        other => {
            return Err(WalkError::UnsupportedType {
                extension: other.to_string(),
            });
        }
    };
    Ok((format, gzip))
}

/// READMEs, licenses and the like that data sets ship beside their
/// articles: never articles themselves, so they are passed over silently,
/// like hidden files.
fn is_project_file(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy().to_ascii_lowercase();
    let stem = match name.split_once('.') {
        Some((stem, "txt" | "md" | "rst")) => stem,
        Some(_) => return false,
        None => name.as_str(),
    };
    matches!(
        stem,
        "readme" | "license" | "licence" | "copying" | "notice" | "changelog" | "authors"
    )
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

/// True for the index folder itself and for any folder holding a tantivy
/// index (an index must never be ingested as articles).
fn is_excluded(entry: &walkdir::DirEntry, exclude: Option<&Path>) -> bool {
    if !entry.file_type().is_dir() {
        return false;
    }
    if let Some(exclude) = exclude {
        if entry.path() == exclude {
            return true;
        }
        if entry.path_is_symlink() && entry.path().canonicalize().ok().as_deref() == Some(exclude) {
            return true;
        }
    }
    entry.path().join("meta.json").is_file() && entry.path().join(".managed.json").is_file()
}

impl SourceFile {
    /// The bytes of the file as they are on disk (still compressed when
    /// `gzip` is set).
    ///
    /// The bytes are one version of the file: its size and modification
    /// time, asked of the open file before and after the read, must agree,
    /// else it is read again (three tries in all) and then
    /// given up as [`WalkError::Changing`]. A file replaced by a rename or
    /// deleted meanwhile is read whole as it was when opened.
    ///
    /// The fingerprint of the file stays the walk's, taken before any read:
    /// a file that changes after it was read differs from it on the next
    /// run and is read again.
    pub fn read(&self) -> Result<Vec<u8>, WalkError> {
        self.read_with(|| {})
    }

    /// [`SourceFile::read`], calling `between` after each read and before
    /// the file is asked whether it changed (tests change it there).
    fn read_with(&self, mut between: impl FnMut()) -> Result<Vec<u8>, WalkError> {
        let error = |e| WalkError::io(&self.path, e);
        for _ in 0..READ_ATTEMPTS {
            let mut file = std::fs::File::open(&self.path).map_err(error)?;
            let before = Stamp::of(&file.metadata().map_err(error)?);
            let mut bytes = Vec::with_capacity(usize::try_from(before.size).unwrap_or(0) + 1);
            io::Read::read_to_end(&mut file, &mut bytes).map_err(error)?;
            between();
            let after = Stamp::of(&file.metadata().map_err(error)?);
            if before == after && bytes.len() as u64 == after.size {
                return Ok(bytes);
            }
        }
        Err(WalkError::Changing {
            path: self.path.clone(),
        })
    }

    /// The file opened for streaming: its bytes as they are on disk, hashed
    /// as they go by so that a file read in parts still gets the content
    /// hash of its fingerprint.
    pub fn open(&self) -> Result<HashingReader, WalkError> {
        let file = std::fs::File::open(&self.path).map_err(|e| WalkError::io(&self.path, e))?;
        let opened = Stamp::of(&file.metadata().map_err(|e| WalkError::io(&self.path, e))?);
        Ok(HashingReader {
            file,
            hasher: blake3::Hasher::new(),
            path: self.path.clone(),
            opened,
        })
    }
}

/// A file's bytes, hashed (BLAKE3) as they are read.
pub struct HashingReader {
    file: std::fs::File,
    hasher: blake3::Hasher,
    path: PathBuf,
    /// The file's size and modification time when it was opened.
    opened: Stamp,
}

impl io::Read for HashingReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = io::Read::read(&mut self.file, buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
}

impl HashingReader {
    /// Reads what is left of the file and returns the content hash of all
    /// its bytes (see `Fingerprint::from_blake3`) and how many there were;
    /// [`WalkError::Changing`] when the open file's size or modification
    /// time is not what it was when it was opened (the bytes read may then
    /// mix two versions).
    pub(crate) fn finish(mut self) -> Result<(u64, u64), WalkError> {
        let mut rest = [0u8; 64 * 1024];
        loop {
            match io::Read::read(&mut self, &mut rest) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(WalkError::io(&self.path, e)),
            }
        }
        let now = self
            .file
            .metadata()
            .map_err(|e| WalkError::io(&self.path, e))?;
        if Stamp::of(&now) != self.opened || self.hasher.count() != self.opened.size {
            return Err(WalkError::Changing { path: self.path });
        }
        let hash = crate::model::Fingerprint::from_blake3(&self.hasher.finalize());
        Ok((hash, self.hasher.count()))
    }
}

/// How many times a file that changes while it is read is tried.
pub const READ_ATTEMPTS: usize = 3;

/// What the file system says of a file's version: its size and its
/// modification time in nanoseconds since the Unix epoch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Stamp {
    size: u64,
    mtime: i64,
}

impl Stamp {
    fn of(meta: &std::fs::Metadata) -> Stamp {
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map(|d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
            .unwrap_or(0);
        Stamp {
            size: meta.len(),
            mtime,
        }
    }
}

/// The operating system's error in words, without its error number for the
/// common cases.
fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_file(dir: &Path, text: &str) -> SourceFile {
        let path = dir.join("a.txt");
        std::fs::write(&path, text).unwrap();
        source_file(&path).unwrap()
    }

    fn append(path: &Path, text: &str) {
        use std::io::Write;
        let mut file = std::fs::OpenOptions::new().append(true).open(path).unwrap();
        file.write_all(text.as_bytes()).unwrap();
    }

    #[test]
    fn a_file_that_keeps_changing_while_read_is_given_up() {
        let dir = tempfile::tempdir().unwrap();
        let file = text_file(dir.path(), "Title\n\nBody.\n");
        let mut reads = 0;
        let result = file.read_with(|| {
            reads += 1;
            append(&file.path, "More.\n");
        });
        assert!(
            matches!(result, Err(WalkError::Changing { .. })),
            "{result:?}"
        );
        assert_eq!(reads, READ_ATTEMPTS);
        let message = result.unwrap_err().to_string();
        assert!(message.contains("changed while it was read"), "{message}");
    }

    #[test]
    fn a_file_that_changed_during_one_read_is_read_again_whole() {
        let dir = tempfile::tempdir().unwrap();
        let file = text_file(dir.path(), "Title\n\nBody.\n");
        let mut reads = 0;
        let bytes = file
            .read_with(|| {
                reads += 1;
                if reads == 1 {
                    append(&file.path, "More.\n");
                }
            })
            .unwrap();
        assert_eq!(reads, 2);
        assert_eq!(bytes, b"Title\n\nBody.\nMore.\n");
    }

    #[test]
    fn a_file_replaced_or_deleted_while_open_is_read_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let file = text_file(dir.path(), "Old title\n\nOld body.\n");
        let other = dir.path().join("b.txt");
        std::fs::write(&other, "New title\n\nA longer new body.\n").unwrap();
        let bytes = file
            .read_with(|| std::fs::rename(&other, &file.path).unwrap())
            .unwrap();
        assert_eq!(bytes, b"Old title\n\nOld body.\n");
        let bytes = file
            .read_with(|| std::fs::remove_file(&file.path).unwrap())
            .unwrap();
        assert_eq!(bytes, b"New title\n\nA longer new body.\n");
        let gone = file.read();
        assert!(matches!(gone, Err(WalkError::Io { .. })), "{gone:?}");
    }

    #[test]
    fn a_stream_of_a_file_that_grew_meanwhile_is_not_one_version() {
        let dir = tempfile::tempdir().unwrap();
        let file = text_file(dir.path(), "{\"title\": \"A\"}\n");
        let mut reader = file.open().unwrap();
        let mut first = [0u8; 4];
        io::Read::read_exact(&mut reader, &mut first).unwrap();
        append(&file.path, "{\"title\": \"B\"}\n");
        let finished = reader.finish();
        assert!(
            matches!(finished, Err(WalkError::Changing { .. })),
            "{finished:?}"
        );
        // Unchanged, the same stream gives the hash of the bytes.
        let bytes = std::fs::read(&file.path).unwrap();
        let reader = source_file(&file.path).unwrap().open().unwrap();
        let (hash, count) = reader.finish().unwrap();
        assert_eq!(count, bytes.len() as u64);
        assert_eq!(hash, crate::model::Fingerprint::hash_bytes(&bytes));
    }

    #[test]
    fn formats_from_names() {
        let cases = [
            ("a.txt", Some((SourceFormat::Text, false))),
            ("README", Some((SourceFormat::Text, false))),
            ("a.TXT.gz", Some((SourceFormat::Text, true))),
            ("feed.jsonl.gz", Some((SourceFormat::JsonLines, true))),
            ("x.ndjson", Some((SourceFormat::JsonLines, false))),
            ("x.json", Some((SourceFormat::Json, false))),
            ("page.htm", Some((SourceFormat::Html, false))),
            ("reut2-000.sgm", Some((SourceFormat::Sgml, false))),
            ("photo.jpg", None),
            ("notes.pdf", None),
        ];
        for (name, want) in cases {
            assert_eq!(format_from_name(Path::new(name)).ok(), want, "{name}");
        }
    }

    #[test]
    fn walks_skipping_hidden_and_index() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("a/b")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        std::fs::create_dir_all(root.join("idx")).unwrap();
        std::fs::write(root.join("a/b/one.txt"), "T\n\nB").unwrap();
        std::fs::write(root.join("a/two.json"), "{}").unwrap();
        std::fs::write(root.join(".hidden.txt"), "x").unwrap();
        std::fs::write(root.join(".git/config.txt"), "x").unwrap();
        std::fs::write(root.join("idx/seg.txt"), "x").unwrap();
        std::fs::write(root.join("pic.png"), "x").unwrap();
        std::fs::write(root.join("README.TXT"), "x").unwrap();
        std::fs::write(root.join("a/LICENSE"), "x").unwrap();
        let walk = walk(
            &[root.to_path_buf(), root.join("missing")],
            Some(&root.join("idx")),
        );
        let names: Vec<_> = walk
            .files
            .iter()
            .map(|f| {
                f.path
                    .strip_prefix(root.canonicalize().unwrap())
                    .unwrap()
                    .to_path_buf()
            })
            .collect();
        assert_eq!(
            names,
            vec![PathBuf::from("a/b/one.txt"), PathBuf::from("a/two.json")]
        );
        let reasons: Vec<_> = walk.skipped.iter().map(|s| s.reason.as_str()).collect();
        assert_eq!(reasons.len(), 2, "{reasons:?}");
        assert!(reasons.iter().any(|r| r.contains("no such file")));
        assert!(
            reasons
                .iter()
                .any(|r| r.contains("unsupported file type .png"))
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("a")).unwrap();
        std::fs::write(root.join("a/x.txt"), "T\n\nB").unwrap();
        std::os::unix::fs::symlink(root.join("a"), root.join("a/loop")).unwrap();
        let walk = walk(&[root.to_path_buf()], None);
        assert_eq!(walk.files.len(), 1);
        assert!(
            walk.skipped.iter().any(|s| s.reason.contains("loop")),
            "{:?}",
            walk.skipped
        );
    }
}
