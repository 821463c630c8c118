//! Page metadata: `<meta>` tags, JSON-LD, `<title>`, `<h1>`, canonical
//! link and `<html lang>`.

use serde_json::Value;

use super::dom::{Dom, Id};
use super::text::collapse;

/// Everything read from the page's head and structured data.
#[derive(Debug, Default)]
pub(crate) struct Meta {
    /// `<meta property|name|itemprop=K content=V>` pairs, K lowercased, in
    /// document order.
    pub tags: Vec<(String, String)>,
    /// JSON-LD `headline` (or `name`) of the article object.
    pub ld_headline: Option<String>,
    /// JSON-LD `articleBody` (or `text`) of the article object.
    pub ld_body: Option<String>,
    /// JSON-LD author names.
    pub ld_authors: Vec<String>,
    /// JSON-LD publisher name.
    pub ld_publisher: Option<String>,
    /// `<title>` text.
    pub title_tag: Option<String>,
    /// Texts of the `<h1>` elements outside nav/header/footer noise.
    pub h1s: Vec<String>,
    /// `<link rel=canonical href>`.
    pub canonical: Option<String>,
    /// `<html lang>`.
    pub lang: Option<String>,
}

impl Meta {
    /// The first content of meta key `key` (lowercase), non-empty.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.tags
            .iter()
            .find(|(k, v)| k == key && !v.is_empty())
            .map(|(_, v)| v.as_str())
    }

    /// All non-empty contents of meta key `key`.
    pub fn all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.tags
            .iter()
            .filter(move |(k, v)| k == key && !v.is_empty())
            .map(|(_, v)| v.as_str())
    }
}

/// Reads the metadata of `dom`.
pub(crate) fn read_meta(dom: &Dom) -> Meta {
    let mut meta = Meta::default();
    let mut ld_values = Vec::new();
    for (id, node) in dom.nodes.iter().enumerate() {
        match node.tag() {
            "meta" => {
                let key = node
                    .attr("property")
                    .or_else(|| node.attr("name"))
                    .or_else(|| node.attr("itemprop"));
                if let (Some(k), Some(v)) = (key, node.attr("content")) {
                    meta.tags.push((k.trim().to_ascii_lowercase(), collapse(v)));
                }
            }
            "title" if meta.title_tag.is_none() && !inside(dom, id, "svg") => {
                let t = collapse(&dom.raw_text(id));
                if !t.is_empty() {
                    meta.title_tag = Some(t);
                }
            }
            "h1" => {
                let t = collapse(&dom.raw_text(id));
                if !t.is_empty() {
                    meta.h1s.push(t);
                }
            }
            "link" if meta.canonical.is_none() => {
                let canonical = node.attr("rel").is_some_and(|r| {
                    r.split_whitespace()
                        .any(|w| w.eq_ignore_ascii_case("canonical"))
                });
                if canonical && let Some(href) = node.attr("href") {
                    let href = href.trim();
                    if !href.is_empty() {
                        meta.canonical = Some(href.to_string());
                    }
                }
            }
            "html" if meta.lang.is_none() => {
                if let Some(lang) = node.attr("lang").or_else(|| node.attr("xml:lang")) {
                    let lang = lang.trim();
                    if !lang.is_empty() {
                        meta.lang = Some(lang.to_string());
                    }
                }
            }
            "script"
                if node
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                let raw = dom.raw_text(id);
                if let Some(value) = parse_json_ld(&raw) {
                    ld_values.push(value);
                }
            }
            _ => {}
        }
    }
    let mut ld_objects = Vec::new();
    for value in &ld_values {
        collect_objects(value, &mut ld_objects, 0);
    }
    read_json_ld(&ld_objects, &mut meta);
    meta
}

/// Whether `id` has an ancestor element `tag`.
fn inside(dom: &Dom, id: Id, tag: &str) -> bool {
    let mut at = dom.node(id).parent;
    while let Some(p) = at {
        if dom.node(p).tag() == tag {
            return true;
        }
        at = dom.node(p).parent;
    }
    false
}

/// Parses a JSON-LD script body, tolerating CDATA wrappers and comments
/// around it.
fn parse_json_ld(raw: &str) -> Option<Value> {
    let mut s = raw.trim();
    s = s.strip_prefix("//<![CDATA[").unwrap_or(s);
    s = s.strip_prefix("<![CDATA[").unwrap_or(s);
    s = s.strip_suffix("//]]>").unwrap_or(s);
    s = s.strip_suffix("]]>").unwrap_or(s);
    let s = s.trim().trim_end_matches(';');
    if let Ok(v) = serde_json::from_str(s) {
        return Some(v);
    }
    // Raw control characters inside strings are a common error.
    let cleaned: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    serde_json::from_str(&cleaned).ok()
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

fn read_json_ld(objects: &[&Value], meta: &mut Meta) {
    // The article object: one with an article @type, else any with a
    // headline or articleBody.
    let article = objects
        .iter()
        .find(|o| types(o).into_iter().any(is_article_type))
        .or_else(|| {
            objects
                .iter()
                .find(|o| o.get("articleBody").is_some() || o.get("headline").is_some())
        });
    let Some(article) = article else {
        return;
    };
    meta.ld_headline = article
        .get("headline")
        .and_then(Value::as_str)
        .map(|s| collapse(&crate::parse::charref::decode_entities(s)))
        .filter(|s| !s.is_empty());
    meta.ld_body = article
        .get("articleBody")
        .and_then(Value::as_str)
        .map(str::to_string)
        .filter(|s| !s.trim().is_empty());
    match article.get("author") {
        Some(Value::Array(items)) => meta.ld_authors = items.iter().filter_map(ld_name).collect(),
        Some(other) => meta.ld_authors = ld_name(other).into_iter().collect(),
        None => {}
    }
    meta.ld_publisher = article.get("publisher").and_then(|p| match p {
        Value::Array(items) => items.iter().find_map(ld_name),
        other => ld_name(other),
    });
}
