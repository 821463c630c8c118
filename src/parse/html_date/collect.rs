//! One pass over the tokens of a page that gathers every piece of date
//! evidence as raw strings with their context.

use super::jsonld::{self, LdDate};
use super::names::{self, ClassKind, MetaKind};
use super::scan::{Event, Tokenizer};
use crate::parse::charref::decode_entities;

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
    /// Where in `text` the first `<h1>` starts.
    pub(super) h1_offset: Option<usize>,
}

struct Frame<'a> {
    name: &'a str,
    flags: u8,
}

struct Capture {
    /// Stack depth of the element whose text this is.
    depth: usize,
    /// Its slot in `Gathered::elements`, filled when it closes.
    index: usize,
    text: String,
}

/// The most text kept of one captured element.
const CAPTURE_LIMIT: usize = 240;

fn is_void(name: &str) -> bool {
    const VOID: [&str; 15] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "keygen",
    ];
    VOID.iter().any(|v| name.eq_ignore_ascii_case(v))
}

fn is_block(name: &str) -> bool {
    const BLOCK: [&str; 24] = [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "td",
        "th",
        "section",
        "article",
        "header",
        "footer",
        "table",
        "dd",
        "dt",
        "blockquote",
        "time",
    ];
    BLOCK.iter().any(|v| name.eq_ignore_ascii_case(v))
}

/// Elements that belong in `<head>`; any other element starts the body.
fn is_head_element(name: &str) -> bool {
    matches!(
        name,
        "title" | "meta" | "link" | "script" | "style" | "base" | "noscript" | "template"
    )
}

/// A tag name in ASCII lowercase, in a small buffer (longer names, which
/// are custom elements, come back empty).
fn lower_name<'b>(name: &str, buf: &'b mut [u8; 16]) -> &'b str {
    let bytes = name.as_bytes();
    if bytes.len() > buf.len() || !name.is_ascii() {
        return "";
    }
    for (b, &c) in buf.iter_mut().zip(bytes) {
        *b = c.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..bytes.len()]).unwrap_or("")
}

fn push_space(text: &mut String) {
    if !text.is_empty() && !text.ends_with(' ') {
        text.push(' ');
    }
}

/// Gathers the date evidence of a page in one pass.
pub(super) fn gather(html: &str) -> Gathered {
    let mut g = Gathered::default();
    let mut stack: Vec<Frame<'_>> = Vec::with_capacity(64);
    let mut captures: Vec<Capture> = Vec::new();
    let mut in_ld_script = false;
    let mut is_script = false;

    for event in Tokenizer::new(html) {
        match event {
            Event::Start {
                name,
                attrs,
                self_closing,
            } => {
                let parent = stack.last().map_or(0, |f| f.flags);
                let mut buf = [0u8; 16];
                let lname = lower_name(name, &mut buf);
                let attrs = attrs.pick();
                let mut flags = parent;
                in_ld_script = false;
                is_script = false;
                if flags & flag::HEAD != 0 && !is_head_element(lname) {
                    // A body element without `</head>` or `<body>`.
                    flags &= !flag::HEAD;
                }
                match lname {
                    "head" => flags |= flag::HEAD,
                    "article" | "main" => flags |= flag::ARTICLE,
                    "header" => flags |= flag::HEADER,
                    // A footer or aside inside the article holds its byline
                    // and date.
                    "footer" | "aside" if flags & flag::ARTICLE == 0 => flags |= flag::BOILER,
                    "nav" => flags |= flag::BOILER,
                    "script" => {
                        in_ld_script = attrs
                            .kind
                            .is_some_and(|k| k.to_ascii_lowercase().contains("ld+json"));
                        is_script = true;
                        flags |= flag::HIDDEN;
                    }
                    "style" | "template" | "svg" | "select" | "textarea" | "iframe" | "button" => {
                        flags |= flag::HIDDEN
                    }
                    "h1" if g.h1_offset.is_none() && parent & flag::HIDDEN == 0 => {
                        g.h1_offset = Some(g.text.len());
                    }
                    _ => {}
                }
                if is_block(lname) {
                    push_space(&mut g.text);
                    for c in &mut captures {
                        push_space(&mut c.text);
                    }
                }
                let class = attrs.class.to_ascii_lowercase();
                let id = attrs.id.to_ascii_lowercase();
                let in_article = flags & flag::ARTICLE != 0;
                if !matches!(lname, "html" | "body" | "article" | "main")
                    && (names::is_boilerplate_class(&class, in_article)
                        || names::is_boilerplate_class(&id, in_article))
                {
                    flags |= flag::BOILER;
                }
                if attrs.itemtype.is_some_and(|t| t.contains("Article")) {
                    flags |= flag::ARTICLE;
                }
                let class_kind = names::class_kind(&class).max(names::class_kind(&id));
                match class_kind {
                    Some(ClassKind::Strong) => flags |= flag::DATE_CLASS,
                    Some(ClassKind::Modified) => flags |= flag::MOD_CLASS,
                    _ => {}
                }

                // What this element says about dates.
                let mut target = None;
                let itemprop = attrs.itemprop.and_then(names::meta_kind);
                if lname == "meta" {
                    let key = attrs
                        .property
                        .or(attrs.name)
                        .or(attrs.itemprop)
                        .or(attrs.http_equiv);
                    if let (Some(kind), Some(content)) =
                        (key.and_then(names::meta_kind), attrs.content)
                    {
                        g.metas.push((kind, decode_entities(content).into_owned()));
                    }
                } else if lname == "time" {
                    let kind = if attrs.pubdate
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
                    match attrs.datetime.filter(|d| !d.trim().is_empty()) {
                        Some(dt) => g.elements.push(Found {
                            target: Target::Time(kind),
                            text: decode_entities(dt).into_owned(),
                            flags,
                        }),
                        None => target = Some(Target::Time(kind)),
                    }
                } else if let Some(kind) = itemprop {
                    let value = attrs
                        .content
                        .or(attrs.datetime)
                        .filter(|d| !d.trim().is_empty());
                    match value {
                        Some(v) => g.elements.push(Found {
                            target: Target::Itemprop(kind),
                            text: decode_entities(v).into_owned(),
                            flags,
                        }),
                        None => target = Some(Target::Itemprop(kind)),
                    }
                } else if let Some(kind) = class_kind {
                    if lname == "abbr"
                        && let Some(title) = attrs.title
                    {
                        g.elements.push(Found {
                            target: Target::Class(kind),
                            text: decode_entities(title).into_owned(),
                            flags,
                        });
                    } else if flags & (flag::HIDDEN | flag::HEAD) == 0
                        && !matches!(lname, "html" | "body")
                    {
                        target = Some(Target::Class(kind));
                    }
                }

                if self_closing || is_void(lname) {
                    continue;
                }
                stack.push(Frame { name, flags });
                if let Some(target) = target {
                    captures.push(Capture {
                        depth: stack.len(),
                        index: g.elements.len(),
                        text: String::new(),
                    });
                    g.elements.push(Found {
                        target,
                        text: String::new(),
                        flags,
                    });
                }
            }
            Event::End { name } => {
                in_ld_script = false;
                let Some(pos) = stack
                    .iter()
                    .rev()
                    .take(40)
                    .position(|f| f.name.eq_ignore_ascii_case(name))
                else {
                    continue;
                };
                let new_len = stack.len() - pos - 1;
                stack.truncate(new_len);
                while captures.last().is_some_and(|c| c.depth > new_len) {
                    if let Some(c) = captures.pop() {
                        g.elements[c.index].text = c.text;
                    }
                }
                if is_block(name) {
                    push_space(&mut g.text);
                    for c in &mut captures {
                        push_space(&mut c.text);
                    }
                }
            }
            Event::Raw(content) if is_script => {
                let untyped_ld = || {
                    let t = content.trim_start();
                    (t.starts_with('{') || t.starts_with('[')) && t.contains("\"@context\"")
                };
                if in_ld_script || untyped_ld() {
                    jsonld::dates_in_block(content, &mut g.ld);
                }
            }
            Event::Raw(_) => {}
            Event::Text(raw) => {
                let flags = stack.last().map_or(0, |f| f.flags);
                if flags & (flag::HIDDEN | flag::HEAD) != 0 {
                    continue;
                }
                if raw.trim().is_empty() {
                    if !raw.is_empty() {
                        push_space(&mut g.text);
                    }
                    continue;
                }
                let text = decode_entities(raw);
                if flags & flag::BOILER == 0 {
                    g.text.push_str(&text);
                }
                for c in &mut captures {
                    if c.text.len() < CAPTURE_LIMIT {
                        c.text.push_str(&text);
                    }
                }
            }
        }
    }
    // Elements never closed.
    while let Some(c) = captures.pop() {
        g.elements[c.index].text = c.text;
    }
    g
}
