//! RSS and Atom feeds (`.xml`, `.rss`, `.atom`): every item is an article.
//!
//! Parsing is feed-rs's (RSS 0.9x/1.0/2.0, Atom, JSON Feed). Each item's
//! HTML content (`content:encoded`, Atom `content`, else `description` /
//! `summary`) goes through the same HTML reader as saved pages
//! ([`super::html::html_to_article`]), so boilerplate rules apply alike.
//!
//! Dates keep the publisher's local day: feed-rs converts timestamps to UTC,
//! so it is given our own timestamp parser, which reads the day written in
//! the string (`Thu, 25 Apr 2024 23:30:00 -0500` is April 25) and hands it
//! on at noon. An item's published date is its date; an Atom item with only
//! `updated` uses that.

use std::borrow::Cow;

use chrono::NaiveDate;
use encoding_rs::Encoding;
use feed_rs::model::{Entry, Feed, Text};

use super::{ParseError, Parsed, Problem};
use crate::dates::{self, DateParse};
use crate::model::RawArticle;

/// Parses a feed into one article per item, in feed order (position = the
/// item's 0-based index).
pub fn parse_feed(bytes: &[u8]) -> Result<Parsed, ParseError> {
    let parser = feed_rs::parser::Builder::new()
        .timestamp_parser(|text| match dates::parse_date(text, NaiveDate::MAX) {
            DateParse::Day(day) => day.and_hms_opt(12, 0, 0).map(|t| t.and_utc()),
            _ => None,
        })
        .build();
    let feed = parser
        .parse(&spaced_emails(utf8_feed(bytes))[..])
        .map_err(|e| ParseError::Feed(e.to_string()))?;
    let mut parsed = Parsed::default();
    let source = feed_title(&feed);
    for (i, entry) in feed.entries.iter().enumerate() {
        match item(entry, i as u64, source.as_deref()) {
            Some(article) => parsed.articles.push(article),
            None => parsed.problems.push(Problem {
                line: None,
                reason: format!("item {}: no title and no content", i + 1),
            }),
        }
    }
    if parsed.articles.is_empty() {
        return Err(ParseError::NoArticle(if feed.entries.is_empty() {
            "a feed without items".to_string()
        } else {
            "no item has a title or content".to_string()
        }));
    }
    Ok(parsed)
}

/// The feed as UTF-8 with no encoding declared, for feed-rs.
///
/// feed-rs's XML reader (quick-xml 0.42) switches decoders when an XML
/// declaration names an encoding, and panics when that declaration ends
/// past the first 64 bytes it buffered (`<?xml version="1.0"
/// encoding="ISO-8859-1" standalone="yes" ?>` after a blank line). So a feed
/// with a declaration is decoded here (byte-order mark, else UTF-8 when the
/// bytes are, else the declared encoding, else windows-1252, as for pages)
/// and every declaration becomes `<?xml version="1.0"?>`. Found by the feed
/// fuzz target.
fn utf8_feed(bytes: &[u8]) -> Cow<'_, [u8]> {
    if memchr::memmem::find(bytes, b"<?xml").is_none() {
        return Cow::Borrowed(bytes);
    }
    let text: Cow<'_, str> = if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        encoding.decode_without_bom_handling(&bytes[bom..]).0
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        Cow::Borrowed(text)
    } else {
        declared_encoding(bytes)
            .unwrap_or(encoding_rs::WINDOWS_1252)
            .decode_without_bom_handling(bytes)
            .0
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = &text[..];
    while let Some(at) = rest.find("<?xml") {
        let after = &rest[at + "<?xml".len()..];
        let is_declaration = after.starts_with(|c: char| c.is_ascii_whitespace() || c == '?');
        match after.find("?>") {
            Some(end) if is_declaration => {
                out.push_str(&rest[..at]);
                out.push_str("<?xml version=\"1.0\"?>");
                rest = &after[end + 2..];
            }
            _ => {
                out.push_str(&rest[..at + "<?xml".len()]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out.into_bytes())
}

/// The feed with a space between each e-mail address and a neighbour that
/// is not ASCII, an entity reference or the end of one.
///
/// feed-rs splits an author field (`ana@x.test (Ana Ruiz)`) one byte before
/// or after the address it finds, and panics when that byte is inside a
/// character (`ana@x.test\u{a0}(Ana Ruiz)`, also when written
/// `&#160;`). A space there changes no word. Found by the feed fuzz target.
fn spaced_emails(feed: Cow<'_, [u8]>) -> Cow<'_, [u8]> {
    let local = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-');
    let domain = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-');
    // The address's start and end, with the delimiters feed-rs also takes.
    let span = |bytes: &[u8], at: usize| {
        let mut start = at - bytes[..at].iter().rev().take_while(|&&b| local(b)).count();
        for prefix in [&b"mailto:"[..], b"<[(", b"&lt;[("] {
            if bytes[..start].ends_with(prefix) {
                start -= prefix.len();
            }
        }
        let mut end = at + 1 + bytes[at + 1..].iter().take_while(|&&b| domain(b)).count();
        for suffix in [&b">])"[..], b"&gt;])"] {
            if bytes[end..].starts_with(suffix) {
                end += suffix.len();
            }
        }
        (start, end)
    };
    let needs_space = |bytes: &[u8], (start, end): (usize, usize)| {
        let before = start.checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(end).copied();
        before.is_some_and(|b| !b.is_ascii() || b == b';')
            || after.is_some_and(|b| !b.is_ascii() || b == b'&')
    };
    let ats: Vec<usize> = memchr::memchr_iter(b'@', &feed).collect();
    if !ats.iter().any(|&at| needs_space(&feed, span(&feed, at))) {
        return feed;
    }
    let mut out = Vec::with_capacity(feed.len() + 16);
    let mut copied = 0;
    for at in ats {
        let (start, end) = span(&feed, at);
        if start < copied || !needs_space(&feed, (start, end)) {
            continue;
        }
        out.extend_from_slice(&feed[copied..start]);
        out.push(b' ');
        out.extend_from_slice(&feed[start..end]);
        out.push(b' ');
        copied = end;
    }
    out.extend_from_slice(&feed[copied..]);
    Cow::Owned(out)
}

/// The encoding named by the first XML declaration of `bytes` (UTF-16
/// labels read as UTF-8, as for bytes without a byte-order mark).
fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let start = memchr::memmem::find(bytes, b"<?xml")?;
    let declaration = &bytes[start..];
    let declaration = &declaration[..memchr::memmem::find(declaration, b"?>")?];
    let at = memchr::memmem::find(declaration, b"encoding")?;
    let rest = declaration[at + b"encoding".len()..].trim_ascii_start();
    let rest = rest.strip_prefix(b"=")?.trim_ascii_start();
    let (&quote, rest) = rest.split_first()?;
    if quote != b'"' && quote != b'\'' {
        return None;
    }
    let label = &rest[..memchr::memchr(quote, rest)?];
    Encoding::for_label(label).map(Encoding::output_encoding)
}

fn feed_title(feed: &Feed) -> Option<String> {
    feed.title.as_ref().map(text_of).filter(|t| !t.is_empty())
}

/// The plain text of a feed text construct (HTML ones lose their markup).
fn text_of(text: &Text) -> String {
    if text.content_type.essence().to_string().contains("html") || text.content.contains('<') {
        let article = super::html::html_to_article(&text.content);
        collapse(&article.body)
    } else {
        collapse(&text.content)
    }
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn item(entry: &Entry, position: u64, source: Option<&str>) -> Option<RawArticle> {
    let title = entry.title.as_ref().map(text_of).unwrap_or_default();
    let html = entry
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref())
        .filter(|b| !b.trim().is_empty())
        .or_else(|| entry.summary.as_ref().map(|s| s.content.as_str()));
    let body = html
        .map(|html| super::html::html_fragment_body(html, &title))
        .unwrap_or_default();
    if title.is_empty() && body.is_empty() {
        return None;
    }
    let date = entry
        .published
        .or(entry.updated)
        .map(|t| t.date_naive().format("%Y-%m-%d").to_string());
    let url = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())
        .map(|l| l.href.clone());
    let authors = entry
        .authors
        .iter()
        .filter_map(|p| p.name.as_deref())
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    Some(RawArticle {
        position,
        title,
        body,
        date,
        url,
        source: source.map(str::to_string),
        authors,
        tags: Vec::new(),
        dateline: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Harbour Gazette</title>
  <link>https://gazette.example/</link>
  <description>Local news</description>
  <item>
    <title>Ferry service resumes after storm</title>
    <link>https://gazette.example/2024/04/25/ferry</link>
    <pubDate>Thu, 25 Apr 2024 23:30:00 -0500</pubDate>
    <dc:creator>Maria Lopez</dc:creator>
    <description>Short teaser.</description>
    <content:encoded><![CDATA[<p>The ferry to Ostrova resumed on Thursday after three days of storms.</p><p>Captain Ivo Marek said the crossing was calm &amp; quick.</p>]]></content:encoded>
  </item>
  <item>
    <title>Market &amp; fair</title>
    <pubDate>Fri, 26 Apr 2024 08:00:00 +0200</pubDate>
    <description>&lt;p&gt;The spring fair opens on the quay.&lt;/p&gt;</description>
  </item>
  <item>
    <title></title>
    <description></description>
  </item>
</channel>
</rss>"#;

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Valley Courier</title>
  <id>urn:example:courier</id>
  <updated>2023-11-02T09:00:00+09:00</updated>
  <entry>
    <title type="html">Bridge &lt;em&gt;reopens&lt;/em&gt;</title>
    <id>urn:example:courier:1</id>
    <link rel="alternate" href="https://courier.example/bridge"/>
    <published>2023-11-01T23:45:00+09:00</published>
    <updated>2023-11-03T10:00:00+09:00</updated>
    <author><name>Ken Sato</name></author>
    <content type="html">&lt;p&gt;The old bridge reopened to traffic late on Wednesday.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Only updated</title>
    <id>urn:example:courier:2</id>
    <updated>2023-10-30T06:00:00-07:00</updated>
    <summary>Council met.</summary>
  </entry>
</feed>"#;

    #[test]
    fn rss_items_are_articles_with_local_days() {
        let parsed = parse_feed(RSS.as_bytes()).unwrap();
        assert_eq!(parsed.articles.len(), 2);
        assert_eq!(parsed.problems.len(), 1, "{:?}", parsed.problems);
        let a = &parsed.articles[0];
        assert_eq!(a.position, 0);
        assert_eq!(a.title, "Ferry service resumes after storm");
        assert_eq!(a.date.as_deref(), Some("2024-04-25"), "local day kept");
        assert_eq!(
            a.body,
            "The ferry to Ostrova resumed on Thursday after three days of storms.\n\n\
             Captain Ivo Marek said the crossing was calm & quick."
        );
        assert_eq!(
            a.url.as_deref(),
            Some("https://gazette.example/2024/04/25/ferry")
        );
        assert_eq!(a.source.as_deref(), Some("Harbour Gazette"));
        assert_eq!(a.authors, vec!["Maria Lopez"]);
        let b = &parsed.articles[1];
        assert_eq!(b.position, 1);
        assert_eq!(b.title, "Market & fair");
        assert_eq!(b.body, "The spring fair opens on the quay.");
        assert_eq!(b.date.as_deref(), Some("2024-04-26"));
    }

    #[test]
    fn atom_entries_prefer_published_and_strip_html_titles() {
        let parsed = parse_feed(ATOM.as_bytes()).unwrap();
        let a = &parsed.articles[0];
        assert_eq!(a.title, "Bridge reopens");
        assert_eq!(
            a.date.as_deref(),
            Some("2023-11-01"),
            "published, local day"
        );
        assert_eq!(
            a.body,
            "The old bridge reopened to traffic late on Wednesday."
        );
        assert_eq!(a.url.as_deref(), Some("https://courier.example/bridge"));
        assert_eq!(a.authors, vec!["Ken Sato"]);
        let b = &parsed.articles[1];
        assert_eq!(b.date.as_deref(), Some("2023-10-30"), "updated when alone");
        assert_eq!(b.body, "Council met.");
    }

    #[test]
    fn broken_and_empty_feeds_are_errors() {
        assert!(matches!(
            parse_feed(b"<rss><channel><item><title>x</ti"),
            Err(ParseError::Feed(_))
        ));
        assert!(matches!(
            parse_feed(b"<rss version=\"2.0\"><channel><title>t</title></channel></rss>"),
            Err(ParseError::NoArticle(_))
        ));
    }

    /// The feed target's first crash: a declaration naming an encoding
    /// that ends past byte 64 made quick-xml panic.
    #[test]
    fn long_encoding_declarations_are_read_not_panicked_on() {
        let mut latin1 =
            b"\n\n<?xml version=\"1.0\" encoding=\"ISO-8859-1\" standalone=\"yes\"   ?>\n".to_vec();
        latin1.extend_from_slice(
            b"<rss version=\"2.0\"><channel><item><title>Caf\xe9 reopens</title>",
        );
        latin1.extend_from_slice(b"<description>Na\xefve.</description></item></channel></rss>");
        let parsed = parse_feed(&latin1).unwrap();
        assert_eq!(parsed.articles[0].title, "Caf\u{e9} reopens");
        assert_eq!(parsed.articles[0].body, "Na\u{ef}ve.");
        // UTF-8 bytes stay UTF-8 whatever the declaration says.
        let utf8 = "<?xml version='1.0' encoding='windows-1252'?><rss version='2.0'><channel><item><title>Caf\u{e9}</title></item></channel></rss>";
        assert_eq!(
            parse_feed(utf8.as_bytes()).unwrap().articles[0].title,
            "Caf\u{e9}"
        );
    }

    /// The feed target's second crash: feed-rs sliced an author field one
    /// byte past the address, inside a non-breaking space.
    #[test]
    fn addresses_next_to_wide_characters_are_read_not_panicked_on() {
        for author in [
            "ana@x.test\u{a0}(Ana Ruiz)",
            "Ana Ruiz\u{a0}ana@x.test",
            "ana@x.test&#160;(Ana Ruiz)",
            "Ana Ruiz&#xa0;mailto:ana@x.test",
            "\u{e9}&lt;[(ana@x.test&gt;])\u{e9}",
            "<![CDATA[\u{e9}<[(mailto:ana@x.test>])\u{e9}]]>",
        ] {
            let feed = format!(
                "<rss version=\"2.0\"><channel><item><title>T</title><author>{author}</author></item></channel></rss>"
            );
            let parsed = parse_feed(feed.as_bytes()).unwrap();
            assert_eq!(parsed.articles[0].title, "T", "{author}");
        }
        let plain = spaced_emails(Cow::Borrowed(
            b"<author>ana@x.test (Ana)</author>".as_slice(),
        ));
        assert!(matches!(plain, Cow::Borrowed(_)), "nothing to space");
    }
}
