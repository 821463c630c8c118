//! The parse stage: the bytes of one file in, raw articles out.
//!
//! One parser per format behind one dispatch, [`parse_bytes`]. A file may hold
//! one article (plain text, HTML) or many (JSON arrays, JSON Lines, feeds,
//! SGML). Parsers are pure: they get bytes and never touch the file system.
//!
//! Uses `model` only.

pub mod boilerplate;
pub mod decode;
pub mod entities;
pub mod feed;
pub mod html;
pub mod html_date;
pub mod json;
pub mod sgml;
pub mod text;

use std::fmt;

use crate::model::{Dateline, RawArticle};

/// The formats newsdex recognises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceFormat {
    /// Plain text: title line, optional `Key: value` header block, paragraphs.
    Text,
    /// One JSON object or an array of objects.
    Json,
    /// JSON Lines: one object per line.
    JsonLines,
    /// HTML pages: one article each, body found by readability scoring.
    Html,
    /// RSS or Atom feeds: one article per item.
    Feed,
    /// Reuters-21578 SGML: many articles per file.
    Sgml,
}

impl SourceFormat {
    /// A short lowercase name for messages.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceFormat::Text => "text",
            SourceFormat::Json => "json",
            SourceFormat::JsonLines => "json lines",
            SourceFormat::Html => "html",
            SourceFormat::Feed => "feed",
            SourceFormat::Sgml => "sgml",
        }
    }
}

impl fmt::Display for SourceFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

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
    pub fn today(&self) -> chrono::NaiveDate {
        self.today
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// The key given for `field` with `--field`, if any.
    pub fn key_for(&self, field: FieldName) -> Option<&str> {
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
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ParseError {
    /// The file is empty or only whitespace.
    #[error("empty file")]
    Empty,
    /// The file holds binary data, not text.
    #[error("not text (binary data)")]
    NotText,
    /// The gzip stream is corrupt.
    #[error("invalid gzip data: {0}")]
    Gzip(String),
    /// The JSON is invalid.
    #[error("invalid JSON at line {line}, column {column}: {message}")]
    Json {
        /// 1-based line.
        line: u64,
        /// 1-based column.
        column: u64,
        /// serde_json's description.
        message: String,
    },
    /// The file parsed but holds no article (no title and no body).
    #[error("no article found: {0}")]
    NoArticle(String),
    /// The feed is not valid RSS or Atom.
    #[error("invalid feed: {0}")]
    Feed(String),
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

/// Byte offset of the first `needle` in `haystack`, ignoring ASCII case
/// (`needle` is ASCII). Used by the parsers and by snippet selection.
pub fn find_ignore_ascii_case(haystack: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return Some(0);
    };
    if hay.len() < needle.len() {
        return None;
    }
    let last_start = hay.len() - needle.len();
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    // Jump between candidate first bytes (SIMD memchr), then compare.
    let mut from = 0;
    while from <= last_start {
        let at = from + memchr::memchr2(lower, upper, &hay[from..=last_start])?;
        if hay[at..at + needle.len()].eq_ignore_ascii_case(needle) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Refines the format guessed from a file's name by looking at its first
/// bytes: a file without extension may be JSON, a `.json` file may really be
/// JSON Lines, a `.txt` may be an HTML page.
pub fn sniff(format: SourceFormat, bytes: &[u8]) -> SourceFormat {
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
    fn case_insensitive_search() {
        let cases = [
            ("Read More here", "read more", Some(0)),
            ("see ALSO: x", "also", Some(4)),
            ("abc", "abcd", None),
            ("", "a", None),
            ("x", "", Some(0)),
            ("aAaB", "ab", Some(2)),
            ("héllo Wörld world", "world", Some(14)),
        ];
        for (hay, needle, want) in cases {
            assert_eq!(
                find_ignore_ascii_case(hay, needle),
                want,
                "{hay:?} {needle:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn case_insensitive_search_matches_the_naive_one(hay in "[aAbB ]{0,40}", needle in "[aAbB]{0,4}") {
            let naive = (0..=hay.len().saturating_sub(needle.len()))
                .find(|&at| hay.len() >= needle.len() && hay.as_bytes()[at..at + needle.len()].eq_ignore_ascii_case(needle.as_bytes()));
            proptest::prop_assert_eq!(find_ignore_ascii_case(&hay, &needle), naive);
        }
    }

    #[test]
    fn field_names() {
        assert_eq!(FieldName::parse("Body"), Some(FieldName::Body));
        assert_eq!(FieldName::parse("author"), Some(FieldName::Authors));
        assert_eq!(FieldName::parse("nope"), None);
    }
}
