//! A small forgiving HTML tokenizer: start tags with their raw attribute
//! text, end tags, text runs and the raw content of `script`/`style`.
//!
//! It does not build a tree and never fails: anything it cannot read as markup
//! is text. Comments, doctypes and processing instructions are skipped.

/// One piece of an HTML document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Event<'a> {
    /// `<name attrs>`; `attrs` is the raw text between the name and `>`.
    Start {
        name: &'a str,
        attrs: Attrs<'a>,
        self_closing: bool,
    },
    /// `</name>`.
    End { name: &'a str },
    /// Text between tags, entities not yet decoded.
    Text(&'a str),
    /// The content of a raw-text element (`script`, `style`, ...).
    Raw(&'a str),
}

/// The raw attribute text of a start tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Attrs<'a>(pub(super) &'a str);

impl<'a> Attrs<'a> {
    /// The attributes as `(name, raw value)`; a bare attribute has value "".
    pub(super) fn iter(self) -> AttrIter<'a> {
        AttrIter {
            src: self.0,
            pos: 0,
        }
    }

    /// The raw value of the first attribute called `name` (ASCII case
    /// insensitive).
    #[cfg(test)]
    pub(super) fn get(self, name: &str) -> Option<&'a str> {
        self.iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }
}

/// The attributes the date search reads, picked out in one pass.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Picked<'a> {
    pub(super) class: &'a str,
    pub(super) id: &'a str,
    pub(super) itemprop: Option<&'a str>,
    pub(super) itemtype: Option<&'a str>,
    pub(super) property: Option<&'a str>,
    pub(super) name: Option<&'a str>,
    pub(super) http_equiv: Option<&'a str>,
    pub(super) content: Option<&'a str>,
    pub(super) datetime: Option<&'a str>,
    pub(super) title: Option<&'a str>,
    pub(super) kind: Option<&'a str>,
    pub(super) pubdate: bool,
}

impl<'a> Attrs<'a> {
    /// Picks the attributes the date search reads (the first of each).
    pub(super) fn pick(self) -> Picked<'a> {
        let mut p = Picked::default();
        if self.0.trim().is_empty() {
            return p;
        }
        for (name, value) in self.iter() {
            let slot = match name.len() {
                2 if name.eq_ignore_ascii_case("id") => {
                    if p.id.is_empty() {
                        p.id = value;
                    }
                    continue;
                }
                5 if name.eq_ignore_ascii_case("class") => {
                    if p.class.is_empty() {
                        p.class = value;
                    }
                    continue;
                }
                7 if name.eq_ignore_ascii_case("pubdate") => {
                    p.pubdate = true;
                    continue;
                }
                4 if name.eq_ignore_ascii_case("name") => &mut p.name,
                4 if name.eq_ignore_ascii_case("type") => &mut p.kind,
                5 if name.eq_ignore_ascii_case("title") => &mut p.title,
                7 if name.eq_ignore_ascii_case("content") => &mut p.content,
                8 if name.eq_ignore_ascii_case("itemprop") => &mut p.itemprop,
                8 if name.eq_ignore_ascii_case("itemtype") => &mut p.itemtype,
                8 if name.eq_ignore_ascii_case("property") => &mut p.property,
                8 if name.eq_ignore_ascii_case("datetime") => &mut p.datetime,
                10 if name.eq_ignore_ascii_case("http-equiv") => &mut p.http_equiv,
                _ => continue,
            };
            if slot.is_none() {
                *slot = Some(value);
            }
        }
        p
    }
}

/// Iterator over the attributes of a tag.
pub(super) struct AttrIter<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Iterator for AttrIter<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let b = self.src.as_bytes();
        let n = b.len();
        let mut i = self.pos;
        while i < n && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= n {
            self.pos = n;
            return None;
        }
        let name_start = i;
        while i < n && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'/' {
            i += 1;
        }
        if i == name_start {
            // A stray '=': skip it.
            i += 1;
        }
        let name = &self.src[name_start..i];
        let mut j = i;
        while j < n && b[j].is_ascii_whitespace() {
            j += 1;
        }
        if j < n && b[j] == b'=' {
            j += 1;
            while j < n && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if j < n && (b[j] == b'"' || b[j] == b'\'') {
                let quote = b[j];
                let start = j + 1;
                let end = b[start..]
                    .iter()
                    .position(|&c| c == quote)
                    .map_or(n, |p| start + p);
                self.pos = (end + 1).min(n);
                return Some((name, &self.src[start..end]));
            }
            let start = j;
            while j < n && !b[j].is_ascii_whitespace() {
                j += 1;
            }
            self.pos = j;
            return Some((name, &self.src[start..j]));
        }
        self.pos = i;
        Some((name, ""))
    }
}

/// The tokenizer: an iterator of [`Event`]s over a document.
pub(super) struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
    /// After a raw-text start tag: the element whose end tag closes it.
    raw_end: Option<&'static str>,
}

impl<'a> Tokenizer<'a> {
    pub(super) fn new(src: &'a str) -> Self {
        Tokenizer {
            src,
            pos: 0,
            raw_end: None,
        }
    }

    /// Moves past the next `>` (or to the end).
    fn skip_past(&mut self, from: usize, needle: &str) {
        self.pos = match self.src[from..].find(needle) {
            Some(p) => from + p + needle.len(),
            None => self.src.len(),
        };
    }
}

/// Elements whose content is not markup.
fn raw_text_end(name: &str) -> Option<&'static str> {
    ["script", "style", "textarea", "xmp", "plaintext"]
        .into_iter()
        .find(|raw| name.eq_ignore_ascii_case(raw))
}

/// The position of `</name` (ASCII case insensitive) in `hay`.
fn find_end_tag(hay: &str, name: &str) -> Option<usize> {
    let b = hay.as_bytes();
    let mut from = 0;
    while let Some(p) = hay[from..].find("</") {
        let at = from + p;
        let rest = &b[at + 2..];
        if rest.len() >= name.len() && rest[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        let src = self.src;
        let b = src.as_bytes();
        let n = b.len();
        if let Some(name) = self.raw_end.take() {
            let start = self.pos;
            let end = find_end_tag(&src[start..], name).map_or(n, |p| start + p);
            self.pos = end;
            if end > start {
                return Some(Event::Raw(&src[start..end]));
            }
        }
        loop {
            if self.pos >= n {
                return None;
            }
            let start = self.pos;
            let lt = match src[start..].find('<') {
                Some(p) => start + p,
                None => {
                    self.pos = n;
                    return Some(Event::Text(&src[start..]));
                }
            };
            if lt > start {
                self.pos = lt;
                return Some(Event::Text(&src[start..lt]));
            }
            let next = b.get(lt + 1).copied().unwrap_or(0);
            match next {
                b'!' => {
                    if src[lt..].starts_with("<!--") {
                        self.skip_past(lt + 4, "-->");
                    } else {
                        self.skip_past(lt + 2, ">");
                    }
                }
                b'?' => self.skip_past(lt + 2, ">"),
                b'/' => {
                    let name_start = lt + 2;
                    let mut i = name_start;
                    while i < n && (b[i].is_ascii_alphanumeric() || b[i] == b'-' || b[i] == b':') {
                        i += 1;
                    }
                    self.skip_past(i, ">");
                    if i > name_start {
                        return Some(Event::End {
                            name: &src[name_start..i],
                        });
                    }
                }
                c if c.is_ascii_alphabetic() => {
                    let name_start = lt + 1;
                    let mut i = name_start;
                    while i < n
                        && !b[i].is_ascii_whitespace()
                        && b[i] != b'>'
                        && b[i] != b'/'
                        && b[i] != b'<'
                    {
                        i += 1;
                    }
                    let name = &src[name_start..i];
                    // Attributes run to the first '>' outside quotes.
                    let attr_start = i;
                    let mut quote = 0u8;
                    while i < n {
                        let c = b[i];
                        if quote != 0 {
                            if c == quote {
                                quote = 0;
                            }
                        } else if c == b'"' || c == b'\'' {
                            // Only a quote that opens a value counts.
                            let prev = b[attr_start..i]
                                .iter()
                                .rev()
                                .find(|c| !c.is_ascii_whitespace());
                            if prev == Some(&b'=') {
                                quote = c;
                            }
                        } else if c == b'>' {
                            break;
                        }
                        i += 1;
                    }
                    let mut attrs = &src[attr_start..i.min(n)];
                    let self_closing = attrs.ends_with('/');
                    if self_closing {
                        attrs = &attrs[..attrs.len() - 1];
                    }
                    self.pos = (i + 1).min(n);
                    self.raw_end = raw_text_end(name);
                    return Some(Event::Start {
                        name,
                        attrs: Attrs(attrs),
                        self_closing,
                    });
                }
                _ => {
                    self.pos = lt + 1;
                    return Some(Event::Text(&src[lt..lt + 1]));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizes_tags_text_and_scripts() {
        let html = r#"<!DOCTYPE html><p class="a b" data-x='1>2'>Hi <b>there</b><br/><!-- c --><script>if (a<b) {}</script></p>"#;
        let events: Vec<Event<'_>> = Tokenizer::new(html).collect();
        let names: Vec<String> = events
            .iter()
            .map(|e| match e {
                Event::Start { name, .. } => format!("<{name}>"),
                Event::End { name } => format!("</{name}>"),
                Event::Text(t) => format!("T{t}"),
                Event::Raw(t) => format!("R{t}"),
            })
            .collect();
        assert_eq!(
            names,
            [
                "<p>",
                "THi ",
                "<b>",
                "Tthere",
                "</b>",
                "<br>",
                "<script>",
                "Rif (a<b) {}",
                "</script>",
                "</p>"
            ]
        );
        let Event::Start { attrs, .. } = events[0] else {
            panic!("start tag expected");
        };
        assert_eq!(attrs.get("CLASS"), Some("a b"));
        assert_eq!(attrs.get("data-x"), Some("1>2"));
        let picked =
            Attrs(r#"CLASS="x" itemprop=datePublished pubdate datetime='2020-01-02'"#).pick();
        assert_eq!(picked.class, "x");
        assert_eq!(picked.itemprop, Some("datePublished"));
        assert_eq!(picked.datetime, Some("2020-01-02"));
        assert!(picked.pubdate);
    }

    #[test]
    fn attributes_of_every_shape() {
        let attrs = Attrs(r#" a=1 b = "two" c='3' d e=x/"#);
        let all: Vec<(&str, &str)> = attrs.iter().collect();
        assert_eq!(
            all,
            [("a", "1"), ("b", "two"), ("c", "3"), ("d", ""), ("e", "x/")]
        );
    }

    #[test]
    fn decodes_entities() {}

    #[test]
    fn unterminated_markup_does_not_loop() {
        for html in ["<", "<a", "<a href='x", "</", "<!--", "<script>x", "a<1"] {
            let _ = Tokenizer::new(html).count();
        }
    }
}
