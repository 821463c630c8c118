//! JSON and JSON Lines articles.
//!
//! Keys are found by their common names (case-insensitive): see the `*_KEYS`
//! constants. `--field NAME=KEY` overrides them. When no known body key is
//! present, the longest string value is the body. A JSON Lines file with a
//! bad line loses that line only; it is reported with its line number.

use rayon::prelude::*;
use serde_json::{Map, Value};

use super::{FieldName, ParseError, ParseOptions, Parsed, Problem};
use crate::ascii::find_ignore_ascii_case;
use crate::model::RawArticle;

/// Keys read as the title, in order of preference.
pub(crate) const TITLE_KEYS: &[&str] = &["title", "headline", "name"];
/// Keys read as the body, in order of preference.
pub(crate) const BODY_KEYS: &[&str] = &[
    "body",
    "text",
    "content",
    "articlebody",
    "maintext",
    "article",
    "full_text",
    "content_original",
];
/// Keys read as the publication date, in order of preference.
pub(crate) const DATE_KEYS: &[&str] = &[
    "date",
    "published",
    "publishedat",
    "datepublished",
    "date_publish",
    "published_at",
    "pubdate",
    "publication_date",
    "created_at",
    "timestamp",
];
/// Keys read as the URL.
pub(crate) const URL_KEYS: &[&str] = &["url", "link", "source_url", "canonical_url"];
/// Keys read as the authors.
pub(crate) const AUTHOR_KEYS: &[&str] = &["authors", "author", "byline", "creator"];
/// Keys read as the publisher.
pub(crate) const SOURCE_KEYS: &[&str] =
    &["source", "publisher", "source_name", "site_name", "outlet"];

/// Parses a file holding one JSON object or an array of objects.
pub(crate) fn parse_json(text: &str, options: &ParseOptions) -> Result<Parsed, ParseError> {
    let value: Value = serde_json::from_str(text).map_err(ParseError::Json)?;
    let mut parsed = Parsed::default();
    match value {
        Value::Object(object) => {
            let article = article_from_object(&object, 0, options)
                .map_err(|reason| ParseError::NoArticle(reason.to_string()))?;
            parsed.articles.push(article);
        }
        Value::Array(items) => {
            for (position, item) in items.iter().enumerate() {
                let result = match item {
                    Value::Object(object) => article_from_object(object, position as u64, options),
                    _ => Err(ItemError::NotAnObject),
                };
                match result {
                    Ok(article) => parsed.articles.push(article),
                    Err(reason) => parsed.problems.push(Problem {
                        line: None,
                        reason: format!("item {position}: {reason}"),
                    }),
                }
            }
            if parsed.articles.is_empty() {
                return Err(ParseError::NoArticle(match parsed.problems.first() {
                    Some(p) => p.reason.clone(),
                    None => "the array is empty".to_string(),
                }));
            }
        }
        _ => {
            return Err(ParseError::NoArticle(
                "expected a JSON object or an array of objects".to_string(),
            ));
        }
    }
    Ok(parsed)
}

/// Parses a JSON Lines file: one object per line. Each article's position is
/// its 1-based line number, so ids stay put when other lines go bad.
pub(crate) fn parse_json_lines(text: &str, options: &ParseOptions) -> Result<Parsed, ParseError> {
    let lines: Vec<(u64, &str)> = text
        .lines()
        .enumerate()
        .map(|(index, line)| (index as u64 + 1, line.trim()))
        .filter(|(_, line)| !line.is_empty())
        .collect();
    // Lines are independent: exports of tens of thousands of articles are
    // parsed (and their bodies cleaned) in parallel, in order.
    let results: Vec<(u64, Result<RawArticle, ItemError>)> = lines
        .par_iter()
        .with_min_len(64)
        .map(|&(line_no, line)| (line_no, parse_line(line, line_no, options)))
        .collect();
    let mut parsed = Parsed::default();
    // The line count of a file that ends without a newline: its last line
    // is cut when it is not whole JSON.
    let cut_line = (!text.ends_with('\n'))
        .then(|| lines.last().map(|l| l.0))
        .flatten();
    for (line_no, result) in results {
        match result {
            Ok(article) => parsed.articles.push(article),
            Err(ItemError::Json(e)) if Some(line_no) == cut_line && e.is_eof() => {
                parsed.problems.push(Problem {
                    line: Some(line_no),
                    reason: "damaged: the file ends in the middle of this line; every complete line before it was read".to_string(),
                })
            }
            Err(e) => parsed.problems.push(Problem {
                line: Some(line_no),
                reason: e.to_string(),
            }),
        }
    }
    if parsed.articles.is_empty() {
        return Err(ParseError::NoArticle(match parsed.problems.first() {
            Some(p) => p.to_string(),
            None => "no JSON lines".to_string(),
        }));
    }
    Ok(parsed)
}

/// Why one item of a JSON array, or one line of JSON Lines, is not an
/// article. The file goes on without it; the message is the problem shown.
#[derive(Debug, thiserror::Error)]
enum ItemError {
    /// The item is a JSON value but not an object.
    #[error("not a JSON object")]
    NotAnObject,
    /// The object has neither a title nor a body.
    #[error("no title or body")]
    NoTitleOrBody,
    /// The line is not JSON.
    #[error("invalid JSON: {}", strip_position(&.0.to_string()))]
    Json(#[source] serde_json::Error),
}

/// One line of a JSON Lines file (trimmed, not blank) as an article at
/// position `line_no`, or the problem that keeps it from being one.
pub fn parse_json_line(
    line: &str,
    line_no: u64,
    options: &ParseOptions,
) -> Result<RawArticle, Problem> {
    parse_line(line, line_no, options).map_err(|e| Problem {
        line: Some(line_no),
        reason: e.to_string(),
    })
}

/// Parses one item of a JSON array read as a stream: the article at
/// `position`, or the problem that keeps it from being one, worded as
/// the whole-file reader words it for a file read whole.
pub fn parse_json_item(
    item: &str,
    position: u64,
    options: &ParseOptions,
) -> Result<RawArticle, Problem> {
    let result = match serde_json::from_str::<Value>(item) {
        Ok(Value::Object(object)) => article_from_object(&object, position, options),
        Ok(_) => Err(ItemError::NotAnObject),
        Err(e) => Err(ItemError::Json(e)),
    };
    result.map_err(|reason| Problem {
        line: None,
        reason: format!("item {position}: {reason}"),
    })
}

fn parse_line(line: &str, line_no: u64, options: &ParseOptions) -> Result<RawArticle, ItemError> {
    match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(object)) => article_from_object(&object, line_no, options),
        Ok(_) => Err(ItemError::NotAnObject),
        Err(e) => Err(ItemError::Json(e)),
    }
}

/// serde_json appends " at line L column C"; for JSON Lines the line is ours.
pub(super) fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message.to_string(),
    }
}

fn article_from_object(
    object: &Map<String, Value>,
    position: u64,
    options: &ParseOptions,
) -> Result<RawArticle, ItemError> {
    let lookup = Lookup { object, options };
    let title = lookup
        .text(FieldName::Title, TITLE_KEYS)
        .unwrap_or_default();
    let body = match lookup.text(FieldName::Body, BODY_KEYS) {
        Some(body) => body,
        None if options.key_for(FieldName::Body).is_some() => String::new(),
        None => longest_string(object, &title),
    };
    let title = title.trim().to_string();
    let body = normalise_body(&title, &body);
    if title.is_empty() && body.is_empty() {
        return Err(ItemError::NoTitleOrBody);
    }
    let date = lookup.text(FieldName::Date, DATE_KEYS);
    let dateline = date.is_none().then(|| super::dateline(&body)).flatten();
    Ok(RawArticle {
        position,
        title,
        body,
        date,
        url: lookup.text(FieldName::Url, URL_KEYS),
        source: lookup.text(FieldName::Source, SOURCE_KEYS),
        authors: lookup.authors(),
        tags: Vec::new(),
        dateline,
    })
}

struct Lookup<'a> {
    object: &'a Map<String, Value>,
    options: &'a ParseOptions,
}

impl Lookup<'_> {
    /// The value for `field`: the `--field` key if given (and only that), else
    /// the first known key present with a non-empty value.
    fn value(&self, field: FieldName, keys: &[&str]) -> Option<&Value> {
        if let Some(key) = self.options.key_for(field) {
            return get_path(self.object, key);
        }
        keys.iter().find_map(|key| {
            self.object
                .iter()
                .find(|(k, v)| k.eq_ignore_ascii_case(key) && !is_blank(v))
                .map(|(_, v)| v)
        })
    }

    fn text(&self, field: FieldName, keys: &[&str]) -> Option<String> {
        let text = value_to_text(self.value(field, keys)?)?;
        let text = text.trim();
        (!text.is_empty()).then(|| text.to_string())
    }

    fn authors(&self) -> Vec<String> {
        let mut authors = Vec::new();
        if let Some(value) = self.value(FieldName::Authors, AUTHOR_KEYS) {
            collect_authors(value, &mut authors);
        }
        authors
    }
}

/// Follows a dotted key (`meta.title`) through nested objects.
fn get_path<'a>(object: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    if let Some(v) = object.get(key) {
        return Some(v);
    }
    let mut parts = key.split('.');
    let mut current = object.get(parts.next()?)?;
    for part in parts {
        current = current.as_object()?.get(part)?;
    }
    Some(current)
}

fn is_blank(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

/// Strings as they are, numbers as written, `{"name": ..}` objects by name,
/// arrays of strings joined by paragraphs.
fn value_to_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => ["name", "text", "value", "@value"]
            .iter()
            .find_map(|k| o.get(*k).and_then(value_to_text)),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(value_to_text).collect();
            (!parts.is_empty()).then(|| parts.join("\n\n"))
        }
        _ => None,
    }
}

fn collect_authors(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| collect_authors(v, out)),
        Value::Object(_) => {
            if let Some(name) = value_to_text(value) {
                push_author(&name, out);
            }
        }
        Value::String(s) => {
            for part in s.split([',', ';', '|']).flat_map(|p| p.split(" and ")) {
                push_author(part, out);
            }
        }
        _ => {}
    }
}

fn push_author(name: &str, out: &mut Vec<String>) {
    let name = name.trim();
    let name = name
        .strip_prefix("By ")
        .or_else(|| name.strip_prefix("by "))
        .unwrap_or(name)
        .trim();
    if !name.is_empty() && !out.iter().any(|a| a == name) {
        out.push(name.to_string());
    }
}

/// The longest string value that is not the title: the body of objects with
/// unknown keys.
fn longest_string(object: &Map<String, Value>, title: &str) -> String {
    object
        .values()
        .filter_map(|v| v.as_str())
        .filter(|s| *s != title && !s.starts_with("http"))
        .max_by_key(|s| s.len())
        .unwrap_or_default()
        .to_string()
}

/// Splits a body into paragraphs (blank-line separated when the text has
/// blank lines, its hard-wrapped lines joined; otherwise one per line),
/// removes the same scraped noise as in plain-text articles (captions,
/// stray related headlines, trailers) and joins them with one blank line.
fn normalise_body(title: &str, body: &str) -> String {
    if looks_like_html(body) {
        // The HTML reader splits paragraphs at block elements and applies
        // the same noise rules.
        return super::html::html_fragment_body(body, title);
    }
    let body = body.replace("\r\n", "\n");
    let paragraphs: Vec<String> = if body.contains("\n\n") {
        body.split("\n\n")
            .map(|block| block.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .collect()
    } else {
        body.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    };
    super::boilerplate::clean_paragraphs(title, paragraphs).join("\n\n")
}

/// True when a body holds HTML markup (paragraph, break, block or inline
/// tags), not just a stray `<`.
fn looks_like_html(body: &str) -> bool {
    const TAGS: [&str; 12] = [
        "<p>", "<p ", "</p>", "<br", "<div", "</div>", "<span", "<a href", "<strong>", "<em>",
        "<h2", "<li>",
    ];
    let head = &body[..body.floor_char_boundary(20_000)];
    TAGS.iter()
        .filter(|tag| find_ignore_ascii_case(head, tag).is_some())
        .take(2)
        .count()
        >= 2
        || find_ignore_ascii_case(head, "</p>").is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> ParseOptions {
        ParseOptions::default()
    }

    #[test]
    fn single_object_with_common_keys() {
        let text = r#"{"headline": " Dam opens ", "articleBody": "Line one.\n\n  Line two. ",
            "datePublished": "2024-04-25", "link": "https://x.test/a", "author": "Ana Ruiz and Bo Li",
            "publisher": {"name": "Daily Test"}}"#;
        let parsed = parse_json(text, &opts()).unwrap();
        let a = &parsed.articles[0];
        assert_eq!(a.title, "Dam opens");
        assert_eq!(a.body, "Line one.\n\nLine two.");
        assert_eq!(a.date.as_deref(), Some("2024-04-25"));
        assert_eq!(a.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(a.authors, vec!["Ana Ruiz", "Bo Li"]);
        assert_eq!(a.source.as_deref(), Some("Daily Test"));
        assert_eq!(a.position, 0);
    }

    #[test]
    fn html_bodies_go_through_the_html_reader() {
        let text = r#"{"title": "Dam opens", "body": "<p>The new dam opened on Monday.</p><p>It cost <b>two</b> million.</p><div class=\"ad\">Advertisement</div>"}"#;
        let parsed = parse_json(text, &opts()).unwrap();
        assert_eq!(
            parsed.articles[0].body,
            "The new dam opened on Monday.\n\nIt cost two million."
        );
        // A stray "<" is not markup.
        let text = r#"{"title": "Maths", "body": "Prices rose by < 2% in May."}"#;
        let parsed = parse_json(text, &opts()).unwrap();
        assert_eq!(parsed.articles[0].body, "Prices rose by < 2% in May.");
    }

    #[test]
    fn html_bodies_are_cleaned_with_the_item_title_like_plain_ones() {
        let plain = r#"{"title": "Dam opens on the river", "body": "Dam opens on the river\n\nThe new dam opened on Monday after ten years of work.\n\nIt cost two million to build, officials said on Monday."}"#;
        let html = r#"{"title": "Dam opens on the river", "body": "<p>Dam opens on the river</p><p>The new dam opened on Monday after ten years of work.</p><p>It cost two million to build, officials said on Monday.</p>"}"#;
        let plain = &parse_json(plain, &opts()).unwrap().articles[0];
        let html = &parse_json(html, &opts()).unwrap().articles[0];
        assert_eq!(
            html.body,
            "The new dam opened on Monday after ten years of work.\n\nIt cost two million to build, officials said on Monday."
        );
        assert_eq!(html.body, plain.body);
    }

    #[test]
    fn body_paragraphs_are_joined_and_cleaned() {
        let text = r#"{"title": "Dam opens", "body": "The dam opened on\nMonday after years.\n\nOfficials cheered the engineers who built it over a decade of work.\n\nThe gates rise above the river. Photo: Getty Images\n\nWater levels will be watched closely by the authority this spring.\n\nRead More\n\nOther story"}"#;
        let a = &parse_json(text, &opts()).unwrap().articles[0];
        assert_eq!(
            a.body,
            "The dam opened on Monday after years.\n\nOfficials cheered the engineers who built it over a decade of work.\n\nWater levels will be watched closely by the authority this spring."
        );
    }

    #[test]
    fn array_positions_and_bad_items() {
        let text = r#"[{"title": "A", "text": "x"}, 5, {"title": "C", "body": "z"}]"#;
        let parsed = parse_json(text, &opts()).unwrap();
        let positions: Vec<u64> = parsed.articles.iter().map(|a| a.position).collect();
        assert_eq!(positions, vec![0, 2]);
        assert_eq!(parsed.problems.len(), 1);
        assert!(parsed.problems[0].reason.contains("item 1"));
    }

    #[test]
    fn longest_string_is_body_when_no_known_key() {
        let text =
            r#"{"title": "T", "bias_text": "left", "content_x": "A much longer piece of text."}"#;
        let a = &parse_json(text, &opts()).unwrap().articles[0];
        assert_eq!(a.body, "A much longer piece of text.");
    }

    #[test]
    fn field_override_wins() {
        let text =
            r#"{"title": "Wrong", "hed": "Right", "text": "b", "meta": {"when": "2020-01-02"}}"#;
        let options = ParseOptions {
            field_keys: vec![
                (FieldName::Title, "hed".to_string()),
                (FieldName::Date, "meta.when".to_string()),
            ],
            ..ParseOptions::default()
        };
        let a = &parse_json(text, &options).unwrap().articles[0];
        assert_eq!(a.title, "Right");
        assert_eq!(a.date.as_deref(), Some("2020-01-02"));
    }

    #[test]
    fn json_lines_skip_bad_lines_with_numbers() {
        let text = "{\"title\": \"One\", \"body\": \"b\"}\n{broken\n\n[1]\n{\"title\": \"Four\"}\n";
        let parsed = parse_json_lines(text, &opts()).unwrap();
        assert_eq!(parsed.articles.len(), 2);
        assert_eq!(parsed.articles[1].position, 5);
        let lines: Vec<Option<u64>> = parsed.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![Some(2), Some(4)]);
        assert!(
            parsed.problems[0]
                .to_string()
                .starts_with("line 2: invalid JSON")
        );
    }

    #[test]
    fn invalid_json_file_reports_position() {
        let err = parse_json("{\n\"title\": }", &opts()).unwrap_err();
        match err {
            ParseError::Json(e) => assert_eq!(e.line(), 2),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn empty_objects_are_not_articles() {
        assert!(parse_json("{}", &opts()).is_err());
        assert!(parse_json("[]", &opts()).is_err());
        assert!(parse_json("\"x\"", &opts()).is_err());
        assert!(parse_json_lines("{}\n", &opts()).is_err());
    }
}
