//! Page metadata: `<meta>` tags, JSON-LD, `<title>`, `<h1>`, canonical
//! link and `<html lang>`.
//!
//! Uses `dom` (the parsed page), `jsonld` (the page's JSON-LD, read once)
//! and `text::collapse`.

use super::dom::{Dom, Id};
use super::jsonld::JsonLd;
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

/// Reads the metadata of `dom`, whose JSON-LD is `ld`.
pub(crate) fn read_meta(dom: &Dom, ld: &JsonLd) -> Meta {
    let article = ld.article();
    let mut meta = Meta {
        ld_headline: article.headline,
        ld_body: article.body,
        ld_authors: article.authors,
        ld_publisher: article.publisher,
        ..Meta::default()
    };
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
            _ => {}
        }
    }
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
