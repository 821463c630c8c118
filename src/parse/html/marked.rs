//! The article body where the page marks it: the one element whose markup
//! says "this is the entry's text", by the hAtom and microformats2
//! conventions (`entry-content`, `e-content`), schema.org
//! (`itemprop="articleBody"`) and the default templates of the common blog
//! and news platforms (`post-body`, `entry-body`, `post-content`,
//! `article-body`, `story-body`).
//!
//! Readability-style scoring weighs text: on a page whose post is short and
//! whose comments or sidebar are long, it picks the longer text. The marked
//! container, when there is exactly one, says where the post is.

use super::dom::{Dom, Id};
use super::text::{self, is_hidden};

/// Class tokens (compared lowercased, whole tokens) that mark the body.
const BODY_CLASSES: &[&str] = &[
    "entry-content",
    "e-content",
    "post-body",
    "entry-body",
    "post-content",
    "article-body",
    "articlebody",
    "story-body",
];

/// Whether the element `id` is marked as the article body.
fn is_marked(dom: &Dom, id: Id) -> bool {
    let node = dom.node(id);
    if node
        .attr("itemprop")
        .is_some_and(|p| p.split_ascii_whitespace().any(|t| t == "articleBody"))
    {
        return true;
    }
    node.attr("class").is_some_and(|c| {
        c.split_ascii_whitespace()
            .any(|t| BODY_CLASSES.iter().any(|b| t.eq_ignore_ascii_case(b)))
    })
}

/// The one outermost marked element of the page, if there is exactly one.
pub(crate) fn container(dom: &Dom) -> Option<Id> {
    let n = dom.nodes.len();
    // marked_above[id]: id or an ancestor is marked.
    let mut marked_above = vec![false; n];
    let mut found = None;
    for id in 0..n {
        let parent = dom.node(id).parent;
        let above = parent.is_some_and(|p| marked_above[p]);
        let me = !above && is_marked(dom, id);
        if me {
            if found.is_some() {
                return None;
            }
            found = Some(id);
        }
        marked_above[id] = above || me;
    }
    found
}

/// The paragraphs of the marked container, scripts, hidden elements,
/// navigation and asides left out; `None` when the page marks no single
/// body.
pub(crate) fn body(dom: &Dom) -> Option<Vec<String>> {
    Some(render(dom, container(dom)?))
}

/// The paragraphs of the marked element `id`, scripts, hidden elements,
/// navigation and asides left out.
pub(crate) fn render(dom: &Dom, id: Id) -> Vec<String> {
    let skip = |i: Id| {
        let node = dom.node(i);
        matches!(node.tag(), "nav" | "aside" | "footer" | "form") || is_hidden(dom, i)
    };
    text::render(dom, &[id], &skip)
}

/// Most words of a lead caption: a longer text before the container is
/// an introduction block of its own, not a caption.
const LEAD_CAPTION_MAX_WORDS: usize = 80;

/// Whether the element `id` is a media caption by its markup: a
/// `figcaption`, or a class or id token that names a caption
/// (`caption`, `wp-caption-text`, `embedded-caption`).
fn is_caption_element(dom: &Dom, id: Id) -> bool {
    let node = dom.node(id);
    node.tag() == "figcaption"
        || ["class", "id"].iter().any(|a| {
            node.attr(a).is_some_and(|v| {
                v.split_ascii_whitespace()
                    .any(|t| t.to_ascii_lowercase().contains("caption"))
            })
        })
}

/// The caption of the story's lead photo or video, when the page places it
/// between the headline and the marked container `id` (outside the
/// container): the paragraphs of the caption elements after the last `h1`
/// before the container that read as sentences of prose and are not links.
///
/// Why: a page whose story opens with a video or photo often puts the
/// player and its caption above the marked text; the caption then
/// summarises the story and is part of it (the cleanportaleval gold keeps
/// it), while a caption that is only a credit or a label is no prose and
/// stays out. Without an `h1` before the container there is no telling a
/// lead caption from a caption in a teaser list, and none is taken.
pub(crate) fn lead_caption(dom: &Dom, id: Id) -> Vec<String> {
    let Some(headline) = (0..id).rev().find(|&i| dom.node(i).tag() == "h1") else {
        return Vec::new();
    };
    let skip = |i: Id| is_hidden(dom, i);
    let mut out = Vec::new();
    let mut i = headline + 1;
    while i < id {
        let end = subtree_end(dom, i);
        // An ancestor of the container is not before it.
        if end > id || !is_caption_element(dom, i) || is_hidden(dom, i) || mostly_links(dom, i, end)
        {
            i += 1;
            continue;
        }
        for p in text::render(dom, &[i], &skip) {
            let words = p.split_whitespace().count();
            if words <= LEAD_CAPTION_MAX_WORDS && crate::parse::boilerplate::is_prose(&p) {
                out.push(p);
            }
        }
        // The caption's own subtree is read once.
        i = end;
    }
    out
}

/// Whether at least half the text of the subtree `id..end` is link text
/// (a teaser linking to another story, not a caption of this one).
fn mostly_links(dom: &Dom, id: Id, end: Id) -> bool {
    let chars = |i: Id| dom.raw_text(i).trim().chars().count();
    let mut linked = 0;
    let mut i = id;
    while i < end {
        if dom.node(i).tag() == "a" {
            linked += chars(i);
            i = subtree_end(dom, i);
        } else {
            i += 1;
        }
    }
    2 * linked >= chars(id).max(1)
}

/// One past the last node of the subtree of `id` (ids are in document
/// order).
fn subtree_end(dom: &Dom, id: Id) -> Id {
    let mut last = id;
    while let Some(&c) = dom.node(last).children.last() {
        last = c;
    }
    last + 1
}

/// Fewer words than this in the marked container: an excerpt, an image
/// caption or an empty shell; the extractor's choice stands.
const MIN_WORDS: usize = 20;
/// Below this share of the container's words found in the extractor's
/// text, the extractor read another part of the page (comments, a
/// sidebar) and the container is taken instead.
const ELSEWHERE_BELOW: f32 = 0.7;
/// When the extractor's text holds the container, and the container holds
/// at least this share (and less than [`TRIM_BELOW`]) of its words, the
/// rest is page furniture around the post and the container is taken.
const TRIM_FROM: f32 = 0.55;
/// See [`TRIM_FROM`]: above this share the two texts are the same.
const TRIM_BELOW: f32 = 0.95;

/// Whether the marked container's paragraphs should replace the
/// extractor's `chosen` paragraphs (both already cleaned).
///
/// Words are compared as a bag (lowercased runs of letters and digits):
/// `cover` is the share of the container's words that occur in the chosen
/// text, `inside` the share of the chosen text's words that occur in the
/// container. Thresholds chosen on the tuning part of the development sets.
pub(crate) fn prefer_marked(chosen: &[String], marked: &[String]) -> bool {
    let marked_words = words(marked);
    if marked_words.len() < MIN_WORDS {
        return false;
    }
    let chosen_words = words(chosen);
    let chosen_set: std::collections::HashSet<&str> =
        chosen_words.iter().map(String::as_str).collect();
    let marked_set: std::collections::HashSet<&str> =
        marked_words.iter().map(String::as_str).collect();
    let share = |ws: &[String], set: &std::collections::HashSet<&str>| {
        ws.iter().filter(|w| set.contains(w.as_str())).count() as f32 / ws.len().max(1) as f32
    };
    let cover = share(&marked_words, &chosen_set);
    if cover < ELSEWHERE_BELOW {
        return true;
    }
    let inside = share(&chosen_words, &marked_set);
    (TRIM_FROM..TRIM_BELOW).contains(&inside)
}

/// The lowercased words (runs of letters and digits) of `paragraphs`.
fn words(paragraphs: &[String]) -> Vec<String> {
    paragraphs
        .iter()
        .flat_map(|p| p.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}
