//! Rendering part of a [`Dom`] as plain-text paragraphs.
//!
//! Block elements (paragraphs, headings, list items, table cells, ...) and
//! `<br>` end a paragraph; inline elements run on. Whitespace is collapsed;
//! entities were decoded by the parser. Scripts, styles, forms controls,
//! embedded media and hidden elements give no text.

use super::dom::{Dom, Id, Kind};

/// Elements whose text is never shown as article text.
pub(crate) fn is_skipped_tag(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "button"
            | "select"
            | "option"
            | "input"
            | "textarea"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "canvas"
            | "video"
            | "audio"
            | "map"
            | "dialog"
    )
}

/// Elements that start and end a paragraph of their own.
pub(crate) fn is_block_tag(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "figure"
            | "figcaption"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "address"
            | "hr"
            | "form"
            | "fieldset"
            | "details"
            | "summary"
            | "center"
            | "body"
            | "html"
            | "br"
    )
}

/// Whether the element `id` is hidden by markup (`hidden`, `aria-hidden`,
/// inline `display:none` / `visibility:hidden`).
pub(crate) fn is_hidden(dom: &Dom, id: Id) -> bool {
    let node = dom.node(id);
    if node.attr("hidden").is_some() {
        return true;
    }
    if let Some(style) = node.attr("style") {
        let compact: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if compact.contains("display:none") || compact.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

/// Collects paragraphs of text.
pub(crate) struct Paragraphs {
    paragraphs: Vec<String>,
    current: String,
    /// Whether the last character pushed to `current` was a space.
    space: bool,
}

impl Paragraphs {
    pub fn new() -> Self {
        Paragraphs {
            paragraphs: Vec::new(),
            current: String::new(),
            space: true,
        }
    }

    /// Appends running text, collapsing whitespace.
    pub fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' {
                if !self.space {
                    self.current.push(' ');
                    self.space = true;
                }
            } else {
                self.current.push(c);
                self.space = false;
            }
        }
    }

    /// Ends the current paragraph.
    pub fn flush(&mut self) {
        let text = self.current.trim();
        if !text.is_empty() {
            self.paragraphs.push(text.to_string());
        }
        self.current.clear();
        self.space = true;
    }

    /// The paragraphs collected.
    pub fn finish(mut self) -> Vec<String> {
        self.flush();
        self.paragraphs
    }
}

/// Renders the subtrees `roots` as paragraphs, leaving out every element for
/// which `skip` is true (with its subtree).
pub(crate) fn render(dom: &Dom, roots: &[Id], skip: &dyn Fn(Id) -> bool) -> Vec<String> {
    let mut out = Paragraphs::new();
    for &root in roots {
        render_into(dom, root, skip, &mut out);
        out.flush();
    }
    out.finish()
}

/// Renders one subtree into `out`.
pub(crate) fn render_into(dom: &Dom, root: Id, skip: &dyn Fn(Id) -> bool, out: &mut Paragraphs) {
    // (node, entering?) pairs: leaving a block element flushes.
    let mut stack = vec![(root, true)];
    while let Some((id, entering)) = stack.pop() {
        let node = dom.node(id);
        match &node.kind {
            Kind::Text(t) => out.push_text(t),
            Kind::Root => {
                for &c in node.children.iter().rev() {
                    stack.push((c, true));
                }
            }
            Kind::Element { tag, .. } => {
                let block = is_block_tag(tag);
                if !entering {
                    if block {
                        out.flush();
                    }
                    continue;
                }
                if is_skipped_tag(tag) || is_hidden(dom, id) || skip(id) {
                    // An image or a removed block still separates words.
                    if block {
                        out.flush();
                    } else {
                        out.push_text(" ");
                    }
                    continue;
                }
                if block {
                    out.flush();
                }
                stack.push((id, false));
                for &c in node.children.iter().rev() {
                    stack.push((c, true));
                }
            }
        }
    }
}

/// Collapses whitespace runs to one space and trims.
pub(crate) fn collapse(text: &str) -> String {
    let mut p = Paragraphs::new();
    p.push_text(text);
    p.finish().join(" ")
}
