//! One walk over the parsed page that gathers every piece of date evidence
//! as raw strings with their context: meta tags, `itemprop` elements,
//! `<time>` and `<abbr>` elements, elements whose class or id says date,
//! and the visible text outside page furniture (navigation, sidebars,
//! comments). JSON-LD dates come from the page's one JSON-LD reader
//! ([`JsonLd::dates`]).
//!
//! Uses the parsed tree of `parse::html` (`dom`, `jsonld`) and the word
//! lists of `names`.

use super::names::{self, ClassKind, MetaKind};
use crate::parse::html::dom::{Dom, Id, Kind};
use crate::parse::html::jsonld::{JsonLd, LdDate};

/// Context bits of an element, inherited by everything inside it.
pub(super) mod flag {
    /// Inside `<article>`, `<main>` or an element typed as an article.
    pub const ARTICLE: u8 = 1;
    /// Inside `<header>`.
    pub const HEADER: u8 = 2;
    /// Inside page furniture: footer, aside, nav, comments, sidebars.
    pub const BOILER: u8 = 4;
    /// Inside an element whose content is not shown (script, template...).
    pub const HIDDEN: u8 = 8;
    /// Inside `<head>`.
    pub const HEAD: u8 = 16;
    /// Inside an element whose class says date or published.
    pub const DATE_CLASS: u8 = 32;
    /// Inside an element whose class says updated or modified.
    pub const MOD_CLASS: u8 = 64;
}

/// How a `<time>` element relates to the page's dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TimeKind {
    /// Marked as the publication date (`pubdate`, class or itemprop).
    Published,
    /// Marked as a modification date.
    Modified,
    /// Not marked.
    Plain,
}

/// What a capture of element text is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Target {
    Itemprop(MetaKind),
    Time(TimeKind),
    Class(ClassKind),
}

/// A piece of evidence: a date string, what it is, and where it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Found {
    pub(super) target: Target,
    pub(super) text: String,
    pub(super) flags: u8,
}

/// Everything gathered from one page.
#[derive(Debug, Default)]
pub(super) struct Gathered {
    pub(super) ld: Vec<LdDate>,
    pub(super) metas: Vec<(MetaKind, String)>,
    /// Itemprop, time, abbr and date-class elements, in document order.
    pub(super) elements: Vec<Found>,
    /// The visible text outside page furniture.
    pub(super) text: String,
    /// The visible text of page furniture (footers, sidebars, comments).
    pub(super) furniture: String,
    /// Where in `text` the first `<h1>` starts.
    pub(super) h1_offset: Option<usize>,
    /// The page's language: the `lang` of `<html>` (lowercase), else of
    /// `<body>`.
    pub(super) lang: Option<String>,
}

/// The text being gathered for an element of `Gathered::elements`.
struct Capture {
    /// The element whose text this is.
    node: Id,
    /// Its slot in `Gathered::elements`, filled when it closes.
    index: usize,
    text: String,
}

/// The most text kept of one captured element.
const CAPTURE_LIMIT: usize = 240;

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
    )
}

/// Elements whose start and end separate words of the text.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "li"
            | "ul"
            | "ol"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "tr"
            | "td"
            | "th"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "table"
            | "dd"
            | "dt"
            | "blockquote"
            | "time"
    )
}

/// Elements that belong in `<head>`; any other element starts the body.
fn is_head_element(name: &str) -> bool {
    matches!(
        name,
        "title" | "meta" | "link" | "script" | "style" | "base" | "noscript" | "template"
    )
}

fn push_space(text: &mut String) {
    if !text.is_empty() && !text.ends_with(' ') {
        text.push(' ');
    }
}

/// The length in bytes of the shown text under each node (not counting
/// scripts, styles and templates), by node id.
fn text_lengths(dom: &Dom) -> Vec<u32> {
    let mut len = vec![0u32; dom.nodes.len()];
    // Children come after their parent in the arena.
    for id in (1..dom.nodes.len()).rev() {
        let node = dom.node(id);
        let own = match &node.kind {
            Kind::Text(t) => u32::try_from(t.trim().len()).unwrap_or(u32::MAX),
            Kind::Element { tag, .. } if matches!(&**tag, "script" | "style" | "template") => 0,
            _ => len[id],
        };
        len[id] = own;
        if let Some(parent) = node.parent {
            len[parent] = len[parent].saturating_add(own);
        }
    }
    len
}

/// A step of the walk: entering a node under an element with `flags`, or
/// leaving an element.
enum Step {
    Enter(Id, u8),
    Leave(Id),
}

/// Gathers the date evidence of a parsed page in one walk.
pub(super) fn gather(dom: &Dom, ld: &JsonLd) -> Gathered {
    let mut g = Gathered {
        ld: ld.dates(),
        ..Gathered::default()
    };
    let lengths = text_lengths(dom);
    let mut captures: Vec<Capture> = Vec::new();
    let mut steps: Vec<Step> = Vec::with_capacity(64);
    steps.extend(
        dom.node(0)
            .children
            .iter()
            .rev()
            .map(|&c| Step::Enter(c, 0)),
    );
    while let Some(step) = steps.pop() {
        let (id, parent) = match step {
            Step::Enter(id, parent) => (id, parent),
            Step::Leave(id) => {
                while captures.last().is_some_and(|c| c.node == id) {
                    if let Some(c) = captures.pop() {
                        g.elements[c.index].text = c.text;
                    }
                }
                if is_block(dom.node(id).tag()) {
                    push_space(&mut g.text);
                    for c in &mut captures {
                        push_space(&mut c.text);
                    }
                }
                continue;
            }
        };
        let node = dom.node(id);
        match &node.kind {
            Kind::Text(text) => add_text(&mut g, &mut captures, text, parent),
            Kind::Element { tag, .. } => {
                let (flags, target) =
                    enter_element(&mut g, &mut captures, dom, &lengths, id, tag, parent);
                if is_void(tag) {
                    continue;
                }
                if let Some(target) = target {
                    captures.push(Capture {
                        node: id,
                        index: g.elements.len(),
                        text: String::new(),
                    });
                    g.elements.push(Found {
                        target,
                        text: String::new(),
                        flags,
                    });
                }
                steps.push(Step::Leave(id));
                steps.extend(node.children.iter().rev().map(|&c| Step::Enter(c, flags)));
            }
            Kind::Root => {}
        }
    }
    g
}

/// Text of a node under an element with `flags`: visible text, and the
/// text of the elements being captured.
fn add_text(g: &mut Gathered, captures: &mut [Capture], text: &str, flags: u8) {
    if flags & (flag::HIDDEN | flag::HEAD) != 0 {
        return;
    }
    if text.trim().is_empty() {
        if !text.is_empty() {
            push_space(&mut g.text);
        }
        return;
    }
    if flags & flag::BOILER == 0 {
        g.text.push_str(text);
    } else {
        g.furniture.push_str(text);
        g.furniture.push(' ');
    }
    for c in captures {
        if c.text.len() < CAPTURE_LIMIT {
            c.text.push_str(text);
        }
    }
}

/// Reads what element `id` (`tag`, under an element with `parent` flags)
/// says about dates; returns its flags and, when its text is evidence,
/// what that text is for.
fn enter_element(
    g: &mut Gathered,
    captures: &mut [Capture],
    dom: &Dom,
    lengths: &[u32],
    id: Id,
    tag: &str,
    parent: u8,
) -> (u8, Option<Target>) {
    let node = dom.node(id);
    let mut flags = parent;
    if flags & flag::HEAD != 0 && !is_head_element(tag) {
        // A body element without `</head>` or `<body>`.
        flags &= !flag::HEAD;
    }
    if matches!(tag, "html" | "body")
        && g.lang.is_none()
        && let Some(lang) = node.attr("lang").or_else(|| node.attr("xml:lang"))
        && !lang.trim().is_empty()
    {
        g.lang = Some(lang.trim().to_ascii_lowercase());
    }
    match tag {
        "head" => flags |= flag::HEAD,
        "article" | "main" => flags |= flag::ARTICLE,
        "header" => flags |= flag::HEADER,
        // A footer or aside inside the article holds its byline and date.
        "footer" | "aside" if flags & flag::ARTICLE == 0 => flags |= flag::BOILER,
        "nav" => flags |= flag::BOILER,
        "script" | "style" | "template" | "svg" | "select" | "textarea" | "iframe" | "button" => {
            flags |= flag::HIDDEN
        }
        "h1" if g.h1_offset.is_none() && parent & flag::HIDDEN == 0 => {
            g.h1_offset = Some(g.text.len());
        }
        _ => {}
    }
    if is_block(tag) {
        push_space(&mut g.text);
        for c in captures.iter_mut() {
            push_space(&mut c.text);
        }
    }
    let class = node.attr("class").unwrap_or("").to_ascii_lowercase();
    let html_id = node.attr("id").unwrap_or("").to_ascii_lowercase();
    let in_article = flags & flag::ARTICLE != 0;
    let furniture = |in_article| {
        names::is_boilerplate_class(&class, in_article)
            || names::is_boilerplate_class(&html_id, in_article)
    };
    if !matches!(tag, "html" | "body" | "article" | "main")
        && furniture(in_article)
        // A layout wrapper named after the sidebar beside it
        // (`sidebar_content`, `mainwrap sidebar`) holds most of the page's
        // text; a real sidebar or footer does not. Comments stay furniture.
        && (furniture(true) || u64::from(lengths[id]) * 2 <= u64::from(lengths[0]))
    {
        flags |= flag::BOILER;
    }
    if node.attr("itemtype").is_some_and(|t| t.contains("Article")) {
        flags |= flag::ARTICLE;
    }
    let class_kind = names::class_kind(&class).max(names::class_kind(&html_id));
    match class_kind {
        Some(ClassKind::Strong) => flags |= flag::DATE_CLASS,
        Some(ClassKind::Modified) => flags |= flag::MOD_CLASS,
        _ => {}
    }

    let mut found = |target, text: &str| {
        g.elements.push(Found {
            target,
            text: text.to_string(),
            flags,
        })
    };
    let non_blank = |v: &&str| !v.trim().is_empty();
    let itemprop = node.attr("itemprop").and_then(names::meta_kind);
    let mut target = None;
    if tag == "meta" {
        let key = node
            .attr("property")
            .or_else(|| node.attr("name"))
            .or_else(|| node.attr("itemprop"))
            .or_else(|| node.attr("http-equiv"));
        if let (Some(kind), Some(content)) = (key.and_then(names::meta_kind), node.attr("content"))
        {
            g.metas.push((kind, content.to_string()));
        }
    } else if tag == "time" {
        let kind = if node.attr("pubdate").is_some()
            || itemprop == Some(MetaKind::Published)
            || class_kind == Some(ClassKind::Strong) && !class.contains("updat")
            || parent & flag::DATE_CLASS != 0 && class_kind.is_none()
        {
            TimeKind::Published
        } else if itemprop == Some(MetaKind::Modified)
            || class_kind == Some(ClassKind::Modified)
            || parent & flag::MOD_CLASS != 0
        {
            TimeKind::Modified
        } else {
            TimeKind::Plain
        };
        match node.attr("datetime").filter(non_blank) {
            Some(dt) => found(Target::Time(kind), dt),
            None => target = Some(Target::Time(kind)),
        }
    } else if let Some(kind) = itemprop {
        let value = node
            .attr("content")
            .or_else(|| node.attr("datetime"))
            .filter(non_blank);
        match value {
            Some(v) => found(Target::Itemprop(kind), v),
            None => target = Some(Target::Itemprop(kind)),
        }
    } else if let Some(kind) = class_kind {
        if tag == "abbr"
            && let Some(title) = node.attr("title")
        {
            found(Target::Class(kind), title);
        } else if flags & (flag::HIDDEN | flag::HEAD) == 0 && !matches!(tag, "html" | "body") {
            target = Some(Target::Class(kind));
        }
    }
    (flags, target)
}
