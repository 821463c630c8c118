//! The HTML article reader: the bytes of a saved web page in, one article out.
//!
//! Steps: decode the bytes ([`decode_html`]: BOM, UTF-8, `<meta charset>`,
//! chardetng), parse with html5ever (through `dom_query`) once, copy the
//! tree into a compact arena (`dom`), read the JSON-LD once (`jsonld`), read
//! the metadata (`meta`: Open Graph, JSON-LD, `<title>`, `<h1>`, canonical
//! link, `<html lang>`), extract the body, drop scraped noise with
//! [`clean_paragraphs`], and (for [`read_page`]) find the publication day in
//! the same tree with [`super::html_date`].
//!
//! The body comes from dom_smoothie (a Readability port, run on the same
//! parsed document) with its lines cleaned by [`clean_paragraphs`]; when that
//! gives under 500 characters, our own Readability-style scorer
//! (`extract`) runs too and the longer result wins; when the page marks
//! its one body (`marked`: `entry-content`, `itemprop=articleBody`, ...)
//! and the result missed it or holds it with furniture around, the marked
//! body is taken; when all give nothing, every visible `<p>`, then the whole
//! visible text, is taken.
//! Nothing here panics on any input.
//!
//! Measured on the 121 pages of the article-extraction benchmark (4-token
//! shingles, per-page P/R averaged): dom_smoothie + line filter F1 0.965,
//! our own scorer alone 0.950; about 3.4 ms of CPU a page in release.
//!
//! [`decode_html`]: super::decode::decode_html
//! [`clean_paragraphs`]: super::boilerplate::clean_paragraphs

pub(crate) mod dom;
mod extract;
pub(crate) mod jsonld;
mod marked;
mod meta;
#[cfg(feature = "lab")]
pub mod score;
mod text;

use dom::{Dom, Id};
use jsonld::JsonLd;
use meta::Meta;

use super::ParseError;
use chrono::NaiveDate;

use super::boilerplate::clean_paragraphs;
use crate::model::RawArticle;

/// An article read from an HTML page or fragment.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct HtmlArticle {
    /// The headline: `og:title`, JSON-LD `headline`, a lone `<h1>`, or
    /// `<title>` without its site suffix; empty when there is none.
    pub title: String,
    /// The article text as plain text, paragraphs separated by `"\n\n"`.
    pub body: String,
    /// The canonical URL (`<link rel=canonical>`, else `og:url`).
    pub url: Option<String>,
    /// Author names (JSON-LD, `meta name=author`, `article:author`), no URLs.
    pub authors: Vec<String>,
    /// The publisher (`og:site_name`, else JSON-LD publisher name).
    pub source: Option<String>,
    /// The page language from `<html lang>`.
    pub lang: Option<String>,
}

impl HtmlArticle {
    /// The raw article at `position` of its file.
    pub fn into_raw(self, position: u64) -> RawArticle {
        RawArticle {
            position,
            title: self.title,
            body: self.body,
            url: self.url,
            source: self.source,
            authors: self.authors,
            ..RawArticle::default()
        }
    }
}

/// Which body extractor to use; for comparisons in the scorer.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strategy {
    /// Our own scorer (the default).
    Own,
    /// dom_smoothie's Readability port.
    Smoothie,
    /// The JSON-LD `articleBody` when present, else our own.
    JsonLd,
    /// dom_smoothie, with our own scorer when it finds little (the default).
    Combined,
    /// Only the page's one marked body container (`marked`), else nothing.
    Marked,
}

/// Below this many characters of cleaned body, the combined strategy also
/// runs our own scorer and keeps the longer result.
const SHORT_BODY_CHARS: usize = 500;

/// Reads one article from the bytes of an HTML page (gzip-compressed or
/// not, any common encoding).
///
/// Fails only when the bytes are not text or the gzip stream is corrupt;
/// an empty page gives [`ParseError::Empty`].
pub fn read_html(bytes: &[u8]) -> Result<HtmlArticle, ParseError> {
    read_html_with(bytes, Strategy::Combined)
}

/// Reads a saved page as a raw article, with its publication day (see
/// [`super::html_date`]) when the page gives one; `today` bounds plausible
/// days.
pub fn read_page(bytes: &[u8], today: NaiveDate) -> Result<RawArticle, ParseError> {
    let text = decode_page(bytes)?;
    let (page, tree) = read_tree(&text, Strategy::Combined, "");
    if page.title.is_empty() && page.body.is_empty() {
        return Err(ParseError::NoArticle(
            "a page without title or text".to_string(),
        ));
    }
    let date =
        super::html_date::publication_date_in(&tree.dom, &tree.ld, page.url.as_deref(), today);
    let mut raw = page.into_raw(0);
    raw.date = date.map(|d| d.format("%Y-%m-%d").to_string());
    Ok(raw)
}

/// [`read_html`] with a chosen body extractor.
#[doc(hidden)]
pub fn read_html_with(bytes: &[u8], strategy: Strategy) -> Result<HtmlArticle, ParseError> {
    Ok(article_from(&decode_page(bytes)?, strategy, ""))
}

/// The decoded text of a page; [`ParseError::Empty`] when it is blank.
fn decode_page(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, ParseError> {
    let text = super::decode::decode_html(bytes)?;
    if text.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    Ok(text)
}

/// Reads one article from already-decoded HTML: a whole page or a fragment
/// such as `"<p>a</p><p>b</p>"` (an RSS item or a JSON field).
pub fn html_to_article(html: &str) -> HtmlArticle {
    article_from(html, Strategy::Combined, "")
}

/// The body of an HTML fragment whose headline is known from elsewhere (an
/// RSS item's title): the noise rules that compare paragraphs with the
/// headline use `title` when the fragment has none of its own.
pub fn html_fragment_body(html: &str, title: &str) -> String {
    article_from(html, Strategy::Combined, title).body
}

/// The parsed page that the body, the metadata and the date are read from.
struct Tree {
    dom: Dom,
    ld: JsonLd,
}

fn article_from(html: &str, strategy: Strategy, title_hint: &str) -> HtmlArticle {
    read_tree(html, strategy, title_hint).0
}

/// Parses `html` once and reads its article; returns the tree too, for the
/// date.
fn read_tree(html: &str, strategy: Strategy, title_hint: &str) -> (HtmlArticle, Tree) {
    let doc = dom_query::Document::from(html);
    let dom = Dom::from_document(&doc);
    let ld = JsonLd::read(&dom);
    let meta = meta::read_meta(&dom, &ld);
    let title = pick_title(&meta);
    let headline = if title.is_empty() { title_hint } else { &title };
    let cleaned = |paragraphs| clean_paragraphs(headline, paragraphs);
    // Paragraphs that open the body above the extracted text (the combined
    // strategy's lead caption).
    let mut lead = Vec::new();
    let paragraphs = match strategy {
        Strategy::Own => extract::extract(&dom),
        Strategy::Smoothie => smoothie_paragraphs(doc),
        Strategy::Combined => {
            let from_smoothie = cleaned(smoothie_paragraphs(doc));
            let chars = |ps: &[String]| ps.iter().map(|p| p.chars().count()).sum::<usize>();
            let chosen = if chars(&from_smoothie) >= SHORT_BODY_CHARS {
                from_smoothie
            } else {
                let own = cleaned(extract::extract(&dom));
                if chars(&own) > chars(&from_smoothie) {
                    own
                } else {
                    from_smoothie
                }
            };
            let container = marked::container(&dom);
            // The body, and whether it opens where the marked container
            // opens (its first paragraph is the container's).
            let (body, opens_marked) = match container.map(|id| cleaned(marked::render(&dom, id))) {
                Some(marked) if marked::prefer_marked(&chosen, &marked) => {
                    let opens = !marked.is_empty();
                    (marked, opens)
                }
                Some(marked) => {
                    let opens = marked.first().is_some_and(|m| chosen.first() == Some(m));
                    (chosen, opens)
                }
                None => (chosen, false),
            };
            // Such a body gets the lead photo's or video's caption above it
            // (see `marked::lead_caption`), put in front after the byline
            // below.
            if opens_marked && let Some(id) = container {
                lead = cleaned(marked::lead_caption(&dom, id));
            }
            body
        }
        Strategy::Marked => marked::body(&dom).unwrap_or_default(),
        Strategy::JsonLd => match &meta.ld_body {
            Some(body) => body
                .split('\n')
                .map(|p| text::collapse(&super::charref::decode_entities(p)))
                .collect(),
            None => extract::extract(&dom),
        },
    };
    // The combined strategy's paragraphs are cleaned already.
    let mut body = match strategy {
        Strategy::Combined => paragraphs,
        _ => cleaned(paragraphs),
    };
    if body.is_empty() && strategy != Strategy::Marked {
        body = fallback_paragraphs(&dom, headline);
    }
    // A byline at the top ("By Jane Roe") is metadata, not text.
    let mut authors = pick_authors(&meta);
    while let Some(names) = body.first().and_then(|p| super::text::parse_byline(p)) {
        if authors.is_empty() {
            authors = names;
        }
        body.remove(0);
    }
    if !lead.is_empty() {
        body.splice(0..0, lead);
    }
    let article = HtmlArticle {
        body: body.join("\n\n"),
        url: pick_url(&meta),
        authors,
        source: pick_source(&meta),
        lang: meta.lang.clone(),
        title,
    };
    (article, Tree { dom, ld })
}

/// The body by dom_smoothie, one paragraph a line.
fn smoothie_paragraphs(doc: dom_query::Document) -> Vec<String> {
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let Ok(mut reader) = dom_smoothie::Readability::with_document(doc, None, Some(cfg)) else {
        return Vec::new();
    };
    match reader.parse() {
        Ok(article) => article
            .text_content
            .split('\n')
            .map(text::collapse)
            .filter(|p| !p.is_empty())
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// When extraction gives nothing: the visible `<p>` texts, else all the
/// visible text of the page.
fn fallback_paragraphs(dom: &Dom, title: &str) -> Vec<String> {
    let ps: Vec<Id> = dom.elements("p").collect();
    let no_skip = |_: Id| false;
    let from_ps = clean_paragraphs(title, text::render(dom, &ps, &no_skip));
    if !from_ps.is_empty() {
        return from_ps;
    }
    let all = text::render(dom, &[0], &no_skip);
    let cleaned = clean_paragraphs(title, all.clone());
    if cleaned.is_empty() { all } else { cleaned }
}

/// Separators between a headline and the site name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " / ", " » "];

fn pick_title(meta: &Meta) -> String {
    let site = meta.get("og:site_name");
    if let Some(t) = meta.get("og:title") {
        return strip_site_suffix(t, site, false);
    }
    if let Some(t) = &meta.ld_headline {
        return t.clone();
    }
    if let [h1] = meta.h1s.as_slice() {
        return h1.clone();
    }
    if let Some(t) = meta.get("twitter:title") {
        return strip_site_suffix(t, site, false);
    }
    match &meta.title_tag {
        Some(t) => strip_site_suffix(t, site, true),
        None => String::new(),
    }
}

/// Drops a trailing " | Site" part: always when it names `site`, and for a
/// `<title>` (`any_suffix`) whenever the rest keeps at least three words.
fn strip_site_suffix(title: &str, site: Option<&str>, any_suffix: bool) -> String {
    let best = TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|at| (at, sep.len())))
        .max_by_key(|&(at, _)| at);
    let Some((at, len)) = best else {
        return title.to_string();
    };
    let (head, tail) = (title[..at].trim(), title[at + len..].trim());
    let names_site = site.is_some_and(|s| s.trim().eq_ignore_ascii_case(tail));
    if names_site
        || (any_suffix
            && head.split_whitespace().count() >= 3
            && tail.split_whitespace().count() <= 4)
    {
        head.to_string()
    } else {
        title.to_string()
    }
}

fn pick_url(meta: &Meta) -> Option<String> {
    meta.canonical
        .clone()
        .or_else(|| meta.get("og:url").map(str::to_string))
}

fn pick_source(meta: &Meta) -> Option<String> {
    meta.get("og:site_name")
        .map(str::to_string)
        .or_else(|| meta.ld_publisher.clone())
}

fn pick_authors(meta: &Meta) -> Vec<String> {
    let mut authors: Vec<String> = Vec::new();
    let candidates = meta
        .ld_authors
        .iter()
        .map(String::as_str)
        .chain(meta.all("author"))
        .chain(meta.all("article:author"))
        .chain(meta.all("dc.creator"));
    for name in candidates {
        let name = name.trim();
        if name.is_empty() || looks_like_url(name) {
            continue;
        }
        if !authors.iter().any(|a| a.eq_ignore_ascii_case(name)) {
            authors.push(name.to_string());
        }
    }
    authors
}

fn looks_like_url(s: &str) -> bool {
    s.starts_with("http://")
        || s.starts_with("https://")
        || s.starts_with("www.")
        || s.starts_with('/')
}

#[cfg(test)]
mod tests;
