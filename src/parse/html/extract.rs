//! Our own readability-style body extractor over a [`Dom`].
//!
//! 1. Elements that never hold the story (scripts, navigation, hidden
//!    elements, containers whose class or id says comment, sidebar, share,
//!    related, ...) are pruned.
//! 2. Every paragraph-like block (`p`, `pre`, `td`, `blockquote`, and `div`s
//!    holding text directly) scores by its length and commas; the score flows
//!    to its parent (full), grandparent (half) and a few more ancestors
//!    (decaying), as in Readability.
//! 3. Scores are scaled by class/id hints and by one minus the link density;
//!    the best container wins. Hints from `<article>`, `itemprop=articleBody`
//!    and friends add to the score.
//! 4. The winner and its qualifying siblings are rendered, leaving out
//!    link-heavy or widget-like sub-blocks (a conditional clean).

use super::dom::{Dom, Id, Kind};
use super::text::{self, is_hidden, is_skipped_tag};

/// Per-node numbers computed bottom-up.
#[derive(Clone, Copy, Default)]
struct Stats {
    /// Characters of collapsed text under the node.
    chars: u32,
    /// Characters of text inside links.
    link_chars: u32,
    /// Commas (Latin and CJK).
    commas: u32,
    /// `<p>` descendants.
    ps: u32,
    /// `<li>` descendants.
    lis: u32,
    /// `<img>` descendants.
    imgs: u32,
    /// Form controls.
    inputs: u32,
    /// Characters inside `<p>` elements.
    p_chars: u32,
    /// Holds an `<h1>`, an `<article>` or an `itemprop=articleBody`.
    anchor: bool,
}

impl Stats {
    fn add(&mut self, o: &Stats) {
        self.chars += o.chars;
        self.link_chars += o.link_chars;
        self.commas += o.commas;
        self.ps += o.ps;
        self.lis += o.lis;
        self.imgs += o.imgs;
        self.inputs += o.inputs;
        self.p_chars += o.p_chars;
        self.anchor |= o.anchor;
    }

    fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

/// Words in a class or id that mark a container as not the story.
const NEGATIVE: &[&str] = &[
    "comment",
    "sidebar",
    "footer",
    "footnote",
    "masthead",
    "related",
    "share",
    "sharing",
    "social",
    "sponsor",
    "promo",
    "advert",
    "newsletter",
    "subscribe",
    "signup",
    "popup",
    "modal",
    "breadcrumb",
    "pagination",
    "pager",
    "menu",
    "navbar",
    "banner",
    "outbrain",
    "taboola",
    "disqus",
    "recirc",
    "trending",
    "most-popular",
    "mostpopular",
    "more-stories",
    "read-more",
    "readmore",
    "byline",
    "author-bio",
    "tags",
    "toolbar",
    "cookie",
    "consent",
    "gdpr",
    "hidden",
    "skip",
    "caption",
    "credit",
];

/// Words in a class or id that mark the story container.
const POSITIVE: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "main",
    "post",
    "story",
    "text",
    "blog",
    "prose",
    "rich-text",
    "richtext",
];

/// The class and id of `id`, lowercased and joined.
fn hint_string(dom: &Dom, id: Id) -> String {
    let node = dom.node(id);
    let mut s = String::new();
    if let Some(c) = node.attr("class") {
        s.push_str(c);
    }
    s.push(' ');
    if let Some(i) = node.attr("id") {
        s.push_str(i);
    }
    s.make_ascii_lowercase();
    s
}

fn has_any(hints: &str, words: &[&str]) -> bool {
    words.iter().any(|w| hints.contains(w))
}

/// Class/id weight: +25 for story hints, -25 for noise hints.
fn class_weight(hints: &str) -> f32 {
    let mut w = 0.0;
    if has_any(hints, NEGATIVE) {
        w -= 25.0;
    }
    if has_any(hints, POSITIVE) {
        w += 25.0;
    }
    w
}

/// Whether an element is never part of the story, whatever it holds.
fn is_hard_pruned(dom: &Dom, id: Id) -> bool {
    let node = dom.node(id);
    let tag = node.tag();
    if is_skipped_tag(tag) || matches!(tag, "nav" | "aside" | "footer" | "menu") {
        return true;
    }
    if is_hidden(dom, id) {
        return true;
    }
    node.attr("role").is_some_and(|r| {
        matches!(
            r,
            "navigation" | "complementary" | "contentinfo" | "banner" | "dialog" | "menu"
        )
    })
}

/// Whether the class or id of an element says it is not the story.
fn is_unlikely(dom: &Dom, id: Id) -> bool {
    let node = dom.node(id);
    if matches!(node.tag(), "html" | "body" | "article" | "main" | "a") {
        return false;
    }
    if node
        .attr("itemprop")
        .is_some_and(|p| p.contains("articleBody"))
    {
        return false;
    }
    let hints = hint_string(dom, id);
    if hints.trim().is_empty() {
        return false;
    }
    has_any(&hints, UNLIKELY) && !has_any(&hints, MAYBE)
}

/// Readability's "unlikely candidates", a little extended.
const UNLIKELY: &[&str] = &[
    "-ad-",
    "banner",
    "breadcrumb",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
    "newsletter",
    "share",
    "outbrain",
    "taboola",
    "recirc",
    "cookie",
];

/// Hints that rescue an unlikely-looking container.
const MAYBE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "shadow",
];

/// The extraction: paragraphs of the story, or empty when nothing scored.
pub(crate) fn extract(dom: &Dom) -> Vec<String> {
    let n = dom.nodes.len();
    let is_element = |id: Id| matches!(dom.node(id).kind, Kind::Element { .. });
    // Pruning, top-down: a pruned node prunes its subtree.
    let mut pruned = vec![false; n];
    for id in 0..n {
        let parent_pruned = dom.node(id).parent.is_some_and(|p| pruned[p]);
        pruned[id] = parent_pruned || (is_element(id) && is_hard_pruned(dom, id));
    }
    // Unlikely-looking containers go too, unless they hold the headline,
    // the article element or half the paragraph text of the page (themes
    // put words like "header" or "sidebar" on page-wide wrappers).
    let stats = compute_stats(dom, &pruned);
    let total_p = stats[0].p_chars;
    for id in 0..n {
        if pruned[id] {
            continue;
        }
        let parent_pruned = dom.node(id).parent.is_some_and(|p| pruned[p]);
        pruned[id] = parent_pruned
            || (is_element(id)
                && !stats[id].anchor
                && stats[id].p_chars * 2 < total_p.max(1)
                && is_unlikely(dom, id));
    }
    let stats = compute_stats(dom, &pruned);
    score_and_render(dom, &pruned, &stats)
}

/// Stats of every node, bottom-up (children come after parents in the arena).
fn compute_stats(dom: &Dom, pruned: &[bool]) -> Vec<Stats> {
    let n = dom.nodes.len();
    let mut stats = vec![Stats::default(); n];
    for id in (0..n).rev() {
        if pruned[id] {
            continue;
        }
        let node = dom.node(id);
        let mut s = Stats::default();
        match &node.kind {
            Kind::Text(t) => {
                s.chars = t
                    .split_whitespace()
                    .map(|w| w.chars().count() as u32 + 1)
                    .sum();
                s.commas = t
                    .chars()
                    .filter(|&c| matches!(c, ',' | '，' | '、'))
                    .count() as u32;
            }
            Kind::Element { tag, .. } => {
                for &c in &node.children {
                    if !pruned[c] {
                        s.add(&stats[c]);
                    }
                }
                match tag.as_ref() {
                    "a" => s.link_chars = s.chars,
                    "p" => {
                        s.ps += 1;
                        s.p_chars = s.chars;
                    }
                    "h1" | "article" => s.anchor = true,
                    "li" => s.lis += 1,
                    "img" => s.imgs += 1,
                    _ => {}
                }
                // Form controls were pruned; count them from the raw tree.
                for &c in &node.children {
                    if matches!(
                        dom.node(c).tag(),
                        "input" | "select" | "textarea" | "button"
                    ) {
                        s.inputs += 1;
                    }
                }
            }
            Kind::Root => {}
        }
        if node
            .attr("itemprop")
            .is_some_and(|p| p.contains("articleBody"))
        {
            s.anchor = true;
        }
        stats[id] = s;
    }
    stats
}

/// Scores the blocks, picks the story container and renders it.
fn score_and_render(dom: &Dom, pruned: &[bool], stats: &[Stats]) -> Vec<String> {
    let n = dom.nodes.len();
    // Scoring.
    let mut score = vec![0f32; n];
    let mut initialised = vec![false; n];
    for id in 0..n {
        if pruned[id] || !is_scorable(dom, id, pruned) {
            continue;
        }
        let s = stats[id];
        if s.chars < 25 {
            continue;
        }
        let content = 1.0 + s.commas as f32 + (s.chars as f32 / 100.0).floor().min(3.0);
        let mut at = dom.node(id).parent;
        let mut level = 0;
        while let Some(anc) = at {
            if level >= 5 || !matches!(dom.node(anc).kind, Kind::Element { .. }) {
                break;
            }
            if !initialised[anc] {
                initialised[anc] = true;
                score[anc] += initial_score(dom, anc);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[anc] += content / divider;
            at = dom.node(anc).parent;
            level += 1;
        }
    }
    let mut best: Option<(Id, f32)> = None;
    for id in 0..n {
        if !initialised[id] {
            continue;
        }
        let s = score[id] * (1.0 - stats[id].link_density());
        score[id] = s;
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((id, s));
        }
    }
    let Some((mut top, top_score)) = best else {
        return Vec::new();
    };
    // A top candidate that is the only child with text moves up to its
    // parent (Readability does the same).
    while let Some(parent) = dom.node(top).parent {
        if !matches!(
            dom.node(parent).tag(),
            "div" | "section" | "article" | "main"
        ) || stats[parent].chars > stats[top].chars + stats[top].chars / 10
        {
            break;
        }
        top = parent;
    }
    // Siblings.
    let mut chosen = Vec::new();
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = dom.node(top).attr("class").unwrap_or("");
    match dom.node(top).parent {
        Some(parent) if !matches!(dom.node(parent).kind, Kind::Root) => {
            for &sib in &dom.node(parent).children {
                if sib == top {
                    chosen.push(sib);
                    continue;
                }
                if pruned[sib] || !matches!(dom.node(sib).kind, Kind::Element { .. }) {
                    continue;
                }
                let mut bonus = 0.0;
                if !top_class.is_empty() && dom.node(sib).attr("class") == Some(top_class) {
                    bonus += top_score * 0.2;
                }
                let s = stats[sib];
                let ld = s.link_density();
                let ok = if initialised[sib] && score[sib] + bonus >= threshold {
                    true
                } else if dom.node(sib).tag() == "p" {
                    (s.chars > 80 && ld < 0.25)
                        || (s.chars > 0 && ld == 0.0 && ends_sentence(dom, sib))
                } else {
                    false
                };
                if ok {
                    chosen.push(sib);
                }
            }
        }
        _ => chosen.push(top),
    }
    let skip = |id: Id| pruned[id] || clean_conditionally(dom, id, stats, &score, &initialised);
    text::render(dom, &chosen, &skip)
}

fn ends_sentence(dom: &Dom, id: Id) -> bool {
    let t = dom.raw_text(id);
    let t = t.trim_end();
    t.ends_with('.') || t.contains(". ")
}

/// Whether `id` is a block whose own text counts as a paragraph.
fn is_scorable(dom: &Dom, id: Id, pruned: &[bool]) -> bool {
    let node = dom.node(id);
    match node.tag() {
        "p" | "pre" | "td" | "blockquote" => true,
        "div" | "section" | "span" | "font" => {
            // Only when it holds text directly and no block children.
            let mut has_text = false;
            for &c in &node.children {
                if pruned[c] {
                    continue;
                }
                match &dom.node(c).kind {
                    Kind::Text(t) if !t.trim().is_empty() => has_text = true,
                    Kind::Element { tag, .. }
                        if text::is_block_tag(tag) && tag.as_ref() != "br" =>
                    {
                        return false;
                    }
                    _ => {}
                }
            }
            has_text && node.tag() == "div"
        }
        _ => false,
    }
}

/// The starting score of a container: its tag and class/id hints.
fn initial_score(dom: &Dom, id: Id) -> f32 {
    let node = dom.node(id);
    let base = match node.tag() {
        "div" | "article" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let mut w = base + class_weight(&hint_string(dom, id));
    if node.tag() == "article" {
        w += 10.0;
    }
    if node
        .attr("itemprop")
        .is_some_and(|p| p.contains("articleBody"))
    {
        w += 40.0;
    }
    w
}

/// Readability's conditional clean: drops link lists, widgets and image
/// galleries inside the chosen content.
fn clean_conditionally(dom: &Dom, id: Id, stats: &[Stats], score: &[f32], init: &[bool]) -> bool {
    let node = dom.node(id);
    let tag = node.tag();
    if matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
        // A heading that is mostly a link is a teaser.
        return stats[id].link_density() > 0.5;
    }
    if !matches!(
        tag,
        "div" | "section" | "ul" | "ol" | "table" | "form" | "figure" | "header"
    ) {
        return false;
    }
    let s = stats[id];
    let hints = hint_string(dom, id);
    let weight = class_weight(&hints);
    let own = if init[id] { score[id] } else { 0.0 };
    let ld = s.link_density();
    // A block of several real paragraphs is story, whatever its class says.
    if s.ps >= 3 && s.p_chars > 400 && ld < 0.2 && !hints.contains("comment") {
        return false;
    }
    if weight + own < 0.0 {
        return true;
    }
    if s.commas >= 10 {
        return false;
    }
    let is_list = matches!(tag, "ul" | "ol");
    if tag == "figure" {
        return true;
    }
    (s.imgs > 1 && s.ps * 2 < s.imgs && s.chars < 200)
        || (!is_list && s.lis > s.ps + 1 && s.lis > 3 && ld > 0.2)
        || (s.inputs > s.ps / 3 + 1)
        || (!is_list && s.chars < 25 && s.imgs == 0 && s.ps == 0 && ld > 0.0)
        || (weight < 25.0 && ld > 0.25)
        || (weight >= 25.0 && ld > 0.5)
}
