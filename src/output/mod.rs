//! The output stage: results and reports rendered for people or programs.
//!
//! * [`human`]: aligned text, bold/colored when writing to a terminal.
//! * [`chart`]: the timeline as a bar chart and related entities as
//!   tables, for people.
//! * [`json`]: JSON Lines, one object per line; its serde structs are the
//!   documented schema (see the README's "Output" section).
//! * [`csv`]: the same rows as CSV with a header, for spreadsheets.
//! * [`export`]: documents and index settings for Quickwit and
//!   Elasticsearch, in chunks under their request size limits.
//!
//! Everything writes to a `&mut impl Write`; the binary picks stdout or
//! stderr. Uses `model` (articles and the ingest report) and `query`'s
//! results; renders snippets, which `query` only selects.

pub mod chart;
pub mod csv;
pub mod export;
pub mod human;
pub mod json;

use std::path::{Path, PathBuf};

/// How human output looks.
#[derive(Clone, Debug, Default)]
pub struct Style {
    /// Use ANSI bold and colors.
    pub color: bool,
    /// Show paths relative to this folder when they are under it.
    pub base: Option<PathBuf>,
}

impl Style {
    /// `path` relative to the base folder when under it.
    pub fn path<'a>(&self, path: &'a Path) -> &'a Path {
        match &self.base {
            Some(base) => path.strip_prefix(base).unwrap_or(path),
            None => path,
        }
    }

    pub(crate) fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}
