//! Dates in JSON-LD (`<script type="application/ld+json">`) blocks.

use serde_json::Value;

/// Which date property a JSON-LD value came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum LdKind {
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
pub(super) struct LdDate {
    pub(super) kind: LdKind,
    pub(super) text: String,
}

/// Types whose `datePublished` is the page's own publication date.
fn is_article_type(t: &str) -> bool {
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

/// Collects the dates of one JSON-LD block, in document order.
pub(super) fn dates_in_block(block: &str, out: &mut Vec<LdDate>) {
    let trimmed = block
        .trim()
        .trim_start_matches("<!--")
        .trim_start_matches("//<![CDATA[")
        .trim_end_matches("-->")
        .trim_end_matches("//]]>")
        .trim()
        .trim_end_matches(';');
    match serde_json::from_str::<Value>(trimmed) {
        Ok(value) => walk(&value, None, 0, out),
        Err(_) => {
            // Raw newlines in strings and other slips are common: retry
            // with control characters blanked, then fall back to scanning.
            let cleaned: String = trimmed
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            match serde_json::from_str::<Value>(&cleaned) {
                Ok(value) => walk(&value, None, 0, out),
                Err(_) => scan_keys(trimmed, out),
            }
        }
    }
}

/// The kind of object a JSON-LD object is, from its `@type`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ObjKind {
    Article,
    Other,
    Foreign,
    Untyped,
}

fn object_kind(obj: &serde_json::Map<String, Value>) -> ObjKind {
    let types: Vec<&str> = match obj.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => return ObjKind::Untyped,
    };
    if types.iter().any(|t| is_article_type(t)) {
        ObjKind::Article
    } else if types.iter().any(|t| is_foreign_type(t)) {
        ObjKind::Foreign
    } else {
        ObjKind::Other
    }
}

fn walk(value: &Value, parent: Option<ObjKind>, depth: usize, out: &mut Vec<LdDate>) {
    if depth > 12 {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                walk(item, parent, depth + 1, out);
            }
        }
        Value::Object(obj) => {
            let mut kind = object_kind(obj);
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
                        walk(child, Some(kind), depth + 1, out);
                    }
                }
            }
        }
        _ => {}
    }
}

/// Finds `"key": "value"` pairs for the date keys in text that is not valid
/// JSON.
fn scan_keys(text: &str, out: &mut Vec<LdDate>) {
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

    fn dates(block: &str) -> Vec<(LdKind, String)> {
        let mut out = Vec::new();
        dates_in_block(block, &mut out);
        out.into_iter().map(|d| (d.kind, d.text)).collect()
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
}
