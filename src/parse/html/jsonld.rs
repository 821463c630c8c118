//! The page's JSON-LD (`<script type="application/ld+json">`), read once.
//!
//! [`JsonLd::read`] finds the JSON-LD scripts of a parsed page, repairs
//! the common slips ([`parse_block`]: CDATA and comment wrappers, a
//! trailing `;`, raw control characters inside strings) and parses each
//! with serde_json. Two readers use the result: the metadata reader
//! ([`JsonLd::article`]: headline, body, authors, publisher) and the date
//! search ([`JsonLd::dates`]: `datePublished`, `dateCreated`, `uploadDate`,
//! `dateModified` with the kind of object they belong to, `@graph`
//! included). A block that stays invalid JSON is kept as text, in which
//! the date search still finds `"datePublished": "..."` pairs.
//!
//! Uses `dom` (the parsed page) and `text::collapse`; nothing here panics.

use serde_json::Value;

use super::dom::{Dom, Kind};
use super::text::collapse;

/// One JSON-LD script.
#[derive(Debug)]
enum Block {
    /// A block that parsed (after repair).
    Parsed(Value),
    /// A block that is not JSON even after repair, as repaired text.
    Broken(String),
}

/// The JSON-LD blocks of a page, in document order.
#[derive(Debug, Default)]
pub(crate) struct JsonLd {
    blocks: Vec<Block>,
}

/// What the article object of the JSON-LD says.
#[derive(Debug, Default)]
pub(crate) struct LdArticle {
    /// `headline`, entities decoded, whitespace collapsed.
    pub headline: Option<String>,
    /// `articleBody`, as written.
    pub body: Option<String>,
    /// `author` names.
    pub authors: Vec<String>,
    /// `publisher` name.
    pub publisher: Option<String>,
}

/// Which date property a JSON-LD value came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum LdKind {
    /// `datePublished` on an article-like object (or an untyped one).
    ArticlePublished,
    /// `datePublished` on any other object (a web page, a video...).
    OtherPublished,
    /// `dateCreated` / `uploadDate`.
    Created,
    /// `dateModified`.
    Modified,
}

/// A date string found in JSON-LD and the property it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct LdDate {
    pub kind: LdKind,
    pub text: String,
}

impl JsonLd {
    /// The JSON-LD scripts of `dom`: every `<script>` whose type says
    /// `ld+json`, and any other script whose content is a JSON object or
    /// array naming an `"@context"`.
    pub(crate) fn read(dom: &Dom) -> JsonLd {
        let mut blocks = Vec::new();
        for id in dom.elements("script") {
            let node = dom.node(id);
            let typed = node
                .attr("type")
                .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"));
            // A script holds one text node, as the parser saw it.
            let content = match node.children.as_slice() {
                [only] => match &dom.node(*only).kind {
                    Kind::Text(t) => std::borrow::Cow::Borrowed(&**t),
                    _ => continue,
                },
                [] => continue,
                _ => std::borrow::Cow::Owned(dom.raw_text(id)),
            };
            let untyped = || {
                let t = content.trim_start();
                (t.starts_with('{') || t.starts_with('[')) && t.contains("\"@context\"")
            };
            if typed || untyped() {
                blocks.push(parse_block(&content));
            }
        }
        JsonLd { blocks }
    }

    /// The parsed blocks.
    fn values(&self) -> impl Iterator<Item = &Value> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Parsed(v) => Some(v),
            Block::Broken(_) => None,
        })
    }

    /// The article object's fields: the first object with an article
    /// `@type`, else the first with a `headline` or `articleBody`.
    pub(crate) fn article(&self) -> LdArticle {
        let mut objects = Vec::new();
        for value in self.values() {
            collect_objects(value, &mut objects, 0);
        }
        let article = objects
            .iter()
            .find(|o| types(o).into_iter().any(is_article_type))
            .or_else(|| {
                objects
                    .iter()
                    .find(|o| o.get("articleBody").is_some() || o.get("headline").is_some())
            });
        let Some(article) = article else {
            return LdArticle::default();
        };
        let authors = match article.get("author") {
            Some(Value::Array(items)) => items.iter().filter_map(ld_name).collect(),
            Some(other) => ld_name(other).into_iter().collect(),
            None => Vec::new(),
        };
        LdArticle {
            headline: article
                .get("headline")
                .and_then(Value::as_str)
                .map(|s| collapse(&crate::parse::charref::decode_entities(s)))
                .filter(|s| !s.is_empty()),
            body: article
                .get("articleBody")
                .and_then(Value::as_str)
                .map(str::to_string)
                .filter(|s| !s.trim().is_empty()),
            authors,
            publisher: article.get("publisher").and_then(|p| match p {
                Value::Array(items) => items.iter().find_map(ld_name),
                other => ld_name(other),
            }),
        }
    }

    /// Every date of every block, in document order within each block.
    pub(crate) fn dates(&self) -> Vec<LdDate> {
        let mut out = Vec::new();
        for block in &self.blocks {
            match block {
                Block::Parsed(value) => walk_dates(value, None, 0, &mut out),
                Block::Broken(text) => scan_date_keys(text, &mut out),
            }
        }
        out
    }
}

/// Parses one script body, repairing what pages commonly get wrong: a
/// comment or CDATA wrapper, a trailing `;`, raw control characters (such
/// as newlines) inside strings.
fn parse_block(raw: &str) -> Block {
    let mut s = raw.trim();
    for prefix in ["<!--", "//<![CDATA[", "<![CDATA["] {
        s = s.strip_prefix(prefix).unwrap_or(s).trim_start();
    }
    for suffix in ["-->", "//]]>", "]]>"] {
        s = s.strip_suffix(suffix).unwrap_or(s).trim_end();
    }
    let s = s.trim_end_matches(';');
    if let Ok(v) = serde_json::from_str(s) {
        return Block::Parsed(v);
    }
    let cleaned: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    match serde_json::from_str(&cleaned) {
        Ok(v) => Block::Parsed(v),
        Err(_) => Block::Broken(s.to_string()),
    }
}

/// Flattens arrays and `@graph` lists into the objects they hold.
fn collect_objects<'a>(value: &'a Value, out: &mut Vec<&'a Value>, depth: usize) {
    if depth > 8 {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                collect_objects(item, out, depth + 1);
            }
        }
        Value::Object(map) => {
            out.push(value);
            if let Some(graph) = map.get("@graph") {
                collect_objects(graph, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// The `@type`s of a JSON-LD object.
fn types(obj: &Value) -> Vec<&str> {
    match obj.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// Types of the object whose headline, body and authors are the page's.
fn is_article_type(t: &str) -> bool {
    let t = t.rsplit(['/', ':']).next().unwrap_or(t);
    t.ends_with("Article")
        || matches!(
            t,
            "BlogPosting" | "Report" | "LiveBlogPosting" | "SocialMediaPosting" | "Review"
        )
}

/// A JSON-LD name: a string, or an object's `name`.
fn ld_name(value: &Value) -> Option<String> {
    let name = match value {
        Value::String(s) => s.as_str(),
        Value::Object(map) => map.get("name")?.as_str()?,
        _ => return None,
    };
    let name = collapse(name);
    (!name.is_empty()).then_some(name)
}

/// The kind of object a JSON-LD object is, for its dates.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ObjKind {
    Article,
    Other,
    Foreign,
    Untyped,
}

/// Types whose `datePublished` is the page's own publication date (a
/// looser test than [`is_article_type`]: recipes and how-tos count).
fn is_dated_article_type(t: &str) -> bool {
    const ARTICLE: [&str; 8] = [
        "article",
        "posting",
        "report",
        "blog",
        "creativework",
        "recipe",
        "howto",
        "review",
    ];
    let t = t.to_ascii_lowercase();
    ARTICLE.iter().any(|a| t.contains(a))
}

/// Types whose dates say nothing about the page (comments, people...).
fn is_foreign_type(t: &str) -> bool {
    const FOREIGN: [&str; 7] = [
        "comment",
        "person",
        "organization",
        "event",
        "offer",
        "answer",
        "product",
    ];
    let t = t.to_ascii_lowercase();
    FOREIGN.iter().any(|a| t.contains(a))
}

fn object_kind(obj: &Value) -> ObjKind {
    if obj
        .get("@type")
        .is_none_or(|t| !t.is_string() && !t.is_array())
    {
        return ObjKind::Untyped;
    }
    let types = types(obj);
    if types.iter().any(|t| is_dated_article_type(t)) {
        ObjKind::Article
    } else if types.iter().any(|t| is_foreign_type(t)) {
        ObjKind::Foreign
    } else {
        ObjKind::Other
    }
}

/// Collects the dates under `value`; `parent` is the kind of the enclosing
/// object, which an untyped object takes on.
fn walk_dates(value: &Value, parent: Option<ObjKind>, depth: usize, out: &mut Vec<LdDate>) {
    if depth > 12 {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                walk_dates(item, parent, depth + 1, out);
            }
        }
        Value::Object(obj) => {
            let mut kind = object_kind(value);
            if kind == ObjKind::Untyped
                && let Some(p) = parent
            {
                kind = p;
            }
            if kind == ObjKind::Foreign {
                return;
            }
            for (key, ld_kind) in [
                ("datePublished", None),
                ("dateCreated", Some(LdKind::Created)),
                ("uploadDate", Some(LdKind::Created)),
                ("dateModified", Some(LdKind::Modified)),
            ] {
                let ld_kind = ld_kind.unwrap_or(match kind {
                    ObjKind::Article | ObjKind::Untyped => LdKind::ArticlePublished,
                    _ => LdKind::OtherPublished,
                });
                let text = match obj.get(key) {
                    Some(Value::String(s)) => Some(s.clone()),
                    Some(Value::Array(a)) => a.first().and_then(Value::as_str).map(String::from),
                    Some(Value::Number(n)) => Some(n.to_string()),
                    _ => None,
                };
                if let Some(text) = text {
                    out.push(LdDate {
                        kind: ld_kind,
                        text,
                    });
                }
            }
            for (key, child) in obj {
                if matches!(child, Value::Object(_) | Value::Array(_)) {
                    // Dates of the page's publisher or author are not its own.
                    let skip = matches!(
                        key.as_str(),
                        "publisher" | "author" | "creator" | "comment" | "review" | "offers"
                    );
                    if !skip {
                        walk_dates(child, Some(kind), depth + 1, out);
                    }
                }
            }
        }
        _ => {}
    }
}

/// Finds `"key": "value"` pairs for the date keys in text that is not valid
/// JSON.
fn scan_date_keys(text: &str, out: &mut Vec<LdDate>) {
    for (key, kind) in [
        ("\"datePublished\"", LdKind::ArticlePublished),
        ("\"dateCreated\"", LdKind::Created),
        ("\"dateModified\"", LdKind::Modified),
    ] {
        let mut from = 0;
        while let Some(p) = text[from..].find(key) {
            let after = &text[from + p + key.len()..];
            from += p + key.len();
            let rest = after.trim_start();
            let Some(rest) = rest.strip_prefix(':') else {
                continue;
            };
            let Some(rest) = rest.trim_start().strip_prefix('"') else {
                continue;
            };
            if let Some(end) = rest.find('"') {
                out.push(LdDate {
                    kind,
                    text: rest[..end].to_string(),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json_ld(html: &str) -> JsonLd {
        JsonLd::read(&Dom::from_document(&dom_query::Document::from(html)))
    }

    fn dates(block: &str) -> Vec<(LdKind, String)> {
        let html = format!(r#"<script type="application/ld+json">{block}</script>"#);
        json_ld(&html)
            .dates()
            .into_iter()
            .map(|d| (d.kind, d.text))
            .collect()
    }

    #[test]
    fn reads_graph_arrays_and_kinds() {
        let block = r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebPage","datePublished":"2019-01-01"},
            {"@type":"NewsArticle","datePublished":"2019-02-03T10:00:00+01:00",
             "dateModified":"2019-02-04","author":{"@type":"Person","dateCreated":"2000-01-01"},
             "comment":[{"@type":"Comment","dateCreated":"2019-03-01"}]}]}"#;
        let got = dates(block);
        assert!(got.contains(&(LdKind::OtherPublished, "2019-01-01".into())));
        assert!(got.contains(&(LdKind::ArticlePublished, "2019-02-03T10:00:00+01:00".into())));
        assert!(got.contains(&(LdKind::Modified, "2019-02-04".into())));
        assert!(
            !got.iter()
                .any(|(_, t)| t.starts_with("2000") || t.starts_with("2019-03"))
        );
    }

    #[test]
    fn broken_json_is_scanned() {
        let block = "{\"@type\":\"BlogPosting\", \"headline\": \"a\nb\" \"datePublished\" : \"2018-05-06\",}";
        assert_eq!(
            dates(block),
            [(LdKind::ArticlePublished, "2018-05-06".to_string())]
        );
    }

    #[test]
    fn repairs_wrappers_and_control_characters() {
        let html = "<script type=\"application/ld+json\">//<![CDATA[\n{\"@type\":\"NewsArticle\",\
            \"headline\":\"Two\nlines\",\"author\":[{\"name\":\"A B\"},\"C D\"],\
            \"publisher\":{\"name\":\"Paper\"}};\n//]]></script>";
        let article = json_ld(html).article();
        assert_eq!(article.headline.as_deref(), Some("Two lines"));
        assert_eq!(article.authors, ["A B", "C D"]);
        assert_eq!(article.publisher.as_deref(), Some("Paper"));
    }

    #[test]
    fn untyped_scripts_count_when_they_name_a_context() {
        let html = r#"<script>{"@context":"https://schema.org","@type":"Article",
            "headline":"H","datePublished":"2020-01-02"}</script><script>var x = {};</script>"#;
        let ld = json_ld(html);
        assert_eq!(ld.article().headline.as_deref(), Some("H"));
        assert_eq!(ld.dates().len(), 1);
    }
}
