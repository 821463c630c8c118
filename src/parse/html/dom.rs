//! A compact, read-only copy of a parsed HTML tree.
//!
//! The html5ever tree of `dom_query` is copied once into a flat arena of
//! elements and text nodes (comments, doctypes and processing instructions
//! dropped), which the JSON-LD and metadata readers, the body extractor, the
//! text renderer and the date search (`parse::html_date`) then walk without
//! locking or reference counting: one parse serves them all.

use dom_query::{Document, NodeData, NodeId, NodeRef};

/// Index of a node in [`Dom::nodes`].
pub(crate) type Id = usize;

/// What a node is.
#[derive(Debug)]
pub(crate) enum Kind {
    /// The document or fragment root.
    Root,
    /// An element: lowercase local name and attributes (lowercase names).
    Element {
        tag: Box<str>,
        attrs: Vec<(Box<str>, Box<str>)>,
    },
    /// A text node, as parsed (entities decoded, whitespace kept).
    Text(Box<str>),
}

/// One node of the arena.
#[derive(Debug)]
pub(crate) struct Node {
    pub kind: Kind,
    pub parent: Option<Id>,
    pub children: Vec<Id>,
}

impl Node {
    /// The tag name of an element, "" for other nodes.
    pub fn tag(&self) -> &str {
        match &self.kind {
            Kind::Element { tag, .. } => tag,
            _ => "",
        }
    }

    /// The value of attribute `name` (lowercase) of an element.
    pub fn attr(&self, name: &str) -> Option<&str> {
        match &self.kind {
            Kind::Element { attrs, .. } => attrs
                .iter()
                .find(|(n, _)| n.as_ref() == name)
                .map(|(_, v)| v.as_ref()),
            _ => None,
        }
    }
}

/// The arena; node 0 is the root.
#[derive(Debug)]
pub(crate) struct Dom {
    pub nodes: Vec<Node>,
}

/// Deepest nesting copied: deeper subtrees (pathological input) are dropped.
const MAX_DEPTH: usize = 512;

impl Dom {
    /// Copies the tree of `doc`.
    pub fn from_document(doc: &Document) -> Dom {
        let mut dom = Dom {
            nodes: vec![Node {
                kind: Kind::Root,
                parent: None,
                children: Vec::new(),
            }],
        };
        let root = doc.root();
        // (source node, parent in the arena, depth)
        let mut stack: Vec<(NodeId, Id, usize)> = Vec::new();
        push_children(&root, 0, 1, &mut stack);
        while let Some((id, parent, depth)) = stack.pop() {
            let node = NodeRef::new(id, &doc.tree);
            let kind = node.query(|tn| match &tn.data {
                NodeData::Element(el) => Some(Kind::Element {
                    tag: Box::from(&*el.name.local),
                    attrs: el
                        .attrs
                        .iter()
                        .map(|a| (Box::from(&*a.name.local), Box::from(&*a.value)))
                        .collect(),
                }),
                NodeData::Text { contents } => Some(Kind::Text(contents.as_ref().into())),
                _ => None,
            });
            let Some(Some(kind)) = kind else { continue };
            let is_element = matches!(kind, Kind::Element { .. });
            let me = dom.nodes.len();
            dom.nodes.push(Node {
                kind,
                parent: Some(parent),
                children: Vec::new(),
            });
            dom.nodes[parent].children.push(me);
            if is_element && depth < MAX_DEPTH {
                push_children(&node, me, depth + 1, &mut stack);
            }
        }
        dom
    }

    /// The node `id`.
    pub fn node(&self, id: Id) -> &Node {
        &self.nodes[id]
    }

    /// Every element with tag `tag`, in document order.
    pub fn elements<'a>(&'a self, tag: &'a str) -> impl Iterator<Item = Id> + 'a {
        (0..self.nodes.len()).filter(move |&i| self.nodes[i].tag() == tag)
    }

    /// All the text under `id`, concatenated as is.
    pub fn raw_text(&self, id: Id) -> String {
        let mut out = String::new();
        self.collect_text(id, &mut out);
        out
    }

    fn collect_text(&self, id: Id, out: &mut String) {
        let mut stack = vec![id];
        while let Some(i) = stack.pop() {
            match &self.nodes[i].kind {
                Kind::Text(t) => out.push_str(t),
                _ => stack.extend(self.nodes[i].children.iter().rev()),
            }
        }
    }
}

/// Pushes the children of `node` so that they pop in document order.
fn push_children(
    node: &NodeRef<'_>,
    parent: Id,
    depth: usize,
    stack: &mut Vec<(NodeId, Id, usize)>,
) {
    let start = stack.len();
    let mut child = node.first_child();
    while let Some(c) = child {
        stack.push((c.id, parent, depth));
        child = c.next_sibling();
    }
    stack[start..].reverse();
}
