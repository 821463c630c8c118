//! The parse stage: the bytes of one file in, raw articles out.
//!
//! One parser per format behind one dispatch, [`parse_bytes`]. A file may hold
//! one article (plain text, HTML) or many (JSON arrays, JSON Lines, feeds,
//! SGML). Parsers are pure: they get bytes and never touch the file system.
//!
//! Uses `model`, `dates` and `ascii`. [`parse_file`] takes a file's bytes as
//! the walk read them; `sniff` refines the format from the content.

pub mod boilerplate;
pub(crate) mod charref;
pub mod decode;
mod feed;
pub mod html;
pub mod html_date;
mod json;
mod sgml;
pub mod stream;
mod text;

use std::fmt;

pub use crate::model::SourceFormat;
use crate::model::{Dateline, RawArticle};
pub use json::{parse_json_item, parse_json_line};

/// Which article field a `--field NAME=KEY` override names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldName {
    /// The headline.
    Title,
    /// The article text.
    Body,
    /// The publication date.
    Date,
    /// The URL.
    Url,
    /// The authors.
    Authors,
    /// The publisher.
    Source,
}

impl FieldName {
    /// Every field, in the order used by help text.
    pub const ALL: [FieldName; 6] = [
        FieldName::Title,
        FieldName::Body,
        FieldName::Date,
        FieldName::Url,
        FieldName::Authors,
        FieldName::Source,
    ];

    /// The name used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            FieldName::Title => "title",
            FieldName::Body => "body",
            FieldName::Date => "date",
            FieldName::Url => "url",
            FieldName::Authors => "authors",
            FieldName::Source => "source",
        }
    }

    /// Parses `title`, `body`, ... (also `author`).
    pub fn parse(name: &str) -> Option<FieldName> {
        let name = name.trim().to_ascii_lowercase();
        if name == "author" {
            return Some(FieldName::Authors);
        }
        FieldName::ALL.into_iter().find(|f| f.as_str() == name)
    }
}

/// Options that change how files are parsed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParseOptions {
    /// JSON keys that override the built-in key names, from `--field`.
    pub field_keys: Vec<(FieldName, String)>,
    /// Today, which bounds plausible page dates; `None` reads the clock.
    pub today: Option<chrono::NaiveDate>,
}

impl ParseOptions {
    /// Today's date for plausibility checks.
    pub(crate) fn today(&self) -> chrono::NaiveDate {
        self.today
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// The key given for `field` with `--field`, if any.
    pub(crate) fn key_for(&self, field: FieldName) -> Option<&str> {
        self.field_keys
            .iter()
            .rev()
            .find(|(f, _)| *f == field)
            .map(|(_, k)| k.as_str())
    }
}

/// A problem inside a file that did not stop the rest of it from being read,
/// such as one bad line of a JSON Lines file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The 1-based line number, when the problem has one.
    pub line: Option<u64>,
    /// What went wrong.
    pub reason: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.reason),
            None => f.write_str(&self.reason),
        }
    }
}

/// The articles of one file and the problems met along the way.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    /// Articles in file order.
    pub articles: Vec<RawArticle>,
    /// Parts of the file that were skipped, with their reasons.
    pub problems: Vec<Problem>,
}

/// Why a whole file could not be parsed.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    /// The file is empty or only whitespace.
    #[error("empty file")]
    Empty,
    /// The file holds binary data, not text.
    #[error("not text (binary data)")]
    NotText,
    /// The gzip stream is corrupt.
    #[error("invalid gzip data: {0}")]
    Gzip(#[source] std::io::Error),
    /// The JSON is invalid.
    #[error(
        "invalid JSON at line {}, column {}: {}",
        .0.line(),
        .0.column(),
        json::strip_position(&.0.to_string())
    )]
    Json(#[source] serde_json::Error),
    /// The file parsed but holds no article (no title and no body).
    #[error("no article found: {0}")]
    NoArticle(String),
    /// The feed is not valid RSS or Atom.
    #[error("invalid feed: {0}")]
    Feed(String),
}

/// Errors of the same kind with the same message are equal (the sources,
/// third-party errors, have no equality of their own).
impl PartialEq for ParseError {
    fn eq(&self, other: &ParseError) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
            && self.to_string() == other.to_string()
    }
}

impl Eq for ParseError {}

/// Parses the bytes of one file as they were read from disk: gunzips them
/// when `gzip` is set or they start with the gzip magic, refines `format`
/// from the content (`sniff`), then parses ([`parse_bytes`]).
pub fn parse_file(
    bytes: &[u8],
    format: SourceFormat,
    gzip: bool,
    options: &ParseOptions,
) -> Result<Parsed, ParseError> {
    let unzipped;
    let mut damage = None;
    let bytes = if gzip || decode::is_gzip(bytes) {
        let (data, error) = decode::gunzip_salvage(bytes);
        unzipped = data;
        match error {
            None => &unzipped[..],
            Some(error) => {
                // Keep the complete articles before the damage when the
                // format has many per file; one cut article is no article.
                let format = sniff(format, &unzipped);
                let whole = match format {
                    SourceFormat::JsonLines => memchr::memrchr(b'\n', &unzipped).map(|at| at + 1),
                    SourceFormat::Sgml => memchr::memmem::rfind(&unzipped, b"</REUTERS>")
                        .map(|at| at + b"</REUTERS>".len()),
                    _ => None,
                };
                let Some(end) = whole else {
                    return Err(ParseError::Gzip(error));
                };
                damage = Some(Problem {
                    line: None,
                    reason: format!(
                        "damaged: the gzip data breaks off after {} bytes ({}); the complete articles before it were read",
                        unzipped.len(),
                        if error.kind() == std::io::ErrorKind::UnexpectedEof {
                            "truncated".to_string()
                        } else {
                            error.to_string()
                        }
                    ),
                });
                &unzipped[..end]
            }
        }
    } else {
        bytes
    };
    let mut parsed = parse_bytes(bytes, sniff(format, bytes), options)?;
    parsed.problems.extend(damage);
    Ok(parsed)
}

/// Parses the (already decompressed) bytes of one file of format `format`.
pub fn parse_bytes(
    bytes: &[u8],
    format: SourceFormat,
    options: &ParseOptions,
) -> Result<Parsed, ParseError> {
    let decoded = |bytes| -> Result<std::borrow::Cow<'_, str>, ParseError> {
        let text = decode::decode_text(bytes)?;
        if text.trim().is_empty() {
            return Err(ParseError::Empty);
        }
        Ok(text)
    };
    match format {
        SourceFormat::Text => Ok(Parsed {
            articles: vec![text::parse_text(&decoded(bytes)?)?],
            problems: Vec::new(),
        }),
        SourceFormat::Json => json::parse_json(&decoded(bytes)?, options),
        SourceFormat::JsonLines => json::parse_json_lines(&decoded(bytes)?, options),
        SourceFormat::Sgml => sgml::parse_sgml(&decoded(bytes)?),
        SourceFormat::Html => Ok(Parsed {
            articles: vec![html::read_page(bytes, options.today())?],
            problems: Vec::new(),
        }),
        SourceFormat::Feed => feed::parse_feed(bytes),
    }
}

/// The wire dateline at the start of `text` (`BEIJING, April 25 (Reuters)
/// -`), if any.
pub(crate) fn dateline(text: &str) -> Option<Dateline> {
    match crate::dates::wire_dateline(text)? {
        crate::dates::WireDate::MonthDay(month, day) => Some(Dateline { month, day }),
    }
}

/// Refines the format guessed from a file's name by looking at its first
/// bytes: a file without extension may be JSON, a `.json` file may really be
/// JSON Lines, a `.txt` may be an HTML page.
pub(crate) fn sniff(format: SourceFormat, bytes: &[u8]) -> SourceFormat {
    let start = bytes
        .strip_prefix(b"\xef\xbb\xbf".as_slice())
        .unwrap_or(bytes);
    let trimmed = match start.iter().position(|b| !b.is_ascii_whitespace()) {
        Some(at) => &start[at..],
        None => return format,
    };
    let head = &trimmed[..trimmed.len().min(512)];
    let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
    match format {
        SourceFormat::Text => match trimmed[0] {
            b'{' if is_json_lines(trimmed) => SourceFormat::JsonLines,
            b'{' | b'[' => SourceFormat::Json,
            b'<' if lower.starts_with("<!doctype html") || lower.starts_with("<html") => {
                SourceFormat::Html
            }
            b'<' if lower.contains("<rss") || lower.contains("<feed") => SourceFormat::Feed,
            b'<' if lower.starts_with("<!doctype lewis") || lower.starts_with("<reuters") => {
                SourceFormat::Sgml
            }
            _ => SourceFormat::Text,
        },
        SourceFormat::Json if is_json_lines(trimmed) => SourceFormat::JsonLines,
        other => other,
    }
}

/// True when the first line is a whole JSON object and another object line
/// follows.
fn is_json_lines(bytes: &[u8]) -> bool {
    let mut lines = bytes
        .split(|&b| b == b'\n')
        .map(|l| l.trim_ascii())
        .filter(|l| !l.is_empty());
    let (Some(first), Some(second)) = (lines.next(), lines.next()) else {
        return false;
    };
    second.first() == Some(&b'{')
        && first.last() == Some(&b'}')
        && serde_json::from_slice::<serde_json::Value>(first).is_ok_and(|v| v.is_object())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing() {
        let cases: [(&[u8], SourceFormat, SourceFormat); 8] = [
            (b"Title\n\nBody", SourceFormat::Text, SourceFormat::Text),
            (b"  {\"title\": 1}", SourceFormat::Text, SourceFormat::Json),
            (
                b"{\"a\":1}\n{\"a\":2}\n",
                SourceFormat::Text,
                SourceFormat::JsonLines,
            ),
            (
                b"{\"a\":1}\n{\"a\":2}\n",
                SourceFormat::Json,
                SourceFormat::JsonLines,
            ),
            (b"{\n\"a\": 1\n}", SourceFormat::Json, SourceFormat::Json),
            (
                b"<!DOCTYPE html><html>",
                SourceFormat::Text,
                SourceFormat::Html,
            ),
            (b"\xef\xbb\xbf[{}]", SourceFormat::Text, SourceFormat::Json),
            (b"", SourceFormat::JsonLines, SourceFormat::JsonLines),
        ];
        for (bytes, given, want) in cases {
            assert_eq!(
                sniff(given, bytes),
                want,
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn no_parser_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..600)) {
            let options = ParseOptions::default();
            for format in [SourceFormat::Text, SourceFormat::Json, SourceFormat::JsonLines, SourceFormat::Html, SourceFormat::Feed, SourceFormat::Sgml] {
                let _ = parse_bytes(&bytes, sniff(format, &bytes), &options);
            }
            let _ = decode::gunzip(&bytes);
        }

        #[test]
        fn no_parser_panics_on_json_like_text(text in r#"[\[\]{}":,a-z0-9 \n\\]{0,200}"#) {
            let options = ParseOptions::default();
            for format in [SourceFormat::Json, SourceFormat::JsonLines, SourceFormat::Text] {
                if let Ok(parsed) = parse_bytes(text.as_bytes(), format, &options) {
                    for article in parsed.articles {
                        proptest::prop_assert!(!article.title.is_empty() || !article.body.is_empty());
                    }
                }
            }
        }
    }

    #[test]
    fn field_names() {
        assert_eq!(FieldName::parse("Body"), Some(FieldName::Body));
        assert_eq!(FieldName::parse("author"), Some(FieldName::Authors));
        assert_eq!(FieldName::parse("nope"), None);
    }
}
