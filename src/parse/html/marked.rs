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
    let id = container(dom)?;
    let skip = |i: Id| {
        let node = dom.node(i);
        matches!(node.tag(), "nav" | "aside" | "footer" | "form") || is_hidden(dom, i)
    };
    Some(text::render(dom, &[id], &skip))
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
