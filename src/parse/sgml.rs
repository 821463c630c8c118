//! Reuters-21578 SGML: many `<REUTERS>` items per file.
//!
//! Each item gives `DATE` (`26-FEB-1987 15:01:01.79`), `TITLE`, `DATELINE`
//! and `BODY`; `BRIEF` items have a title only and `UNPROC` items raw text.
//! The indexers' `PEOPLE`, `PLACES`, `TOPICS`, `ORGS` and `EXCHANGES` values
//! (`james-baker`, `west-germany`) are ids, not names: they become tags,
//! never people or places. An item's position is its `NEWID`, which is
//! stable across copies of the collection.

use super::{ParseError, Parsed, Problem};
use crate::ascii::find_ignore_ascii_case;
use crate::model::RawArticle;

/// The tag elements kept as tags, in order.
const TAG_ELEMENTS: [&str; 5] = ["TOPICS", "PLACES", "PEOPLE", "ORGS", "EXCHANGES"];

/// Where the positions of items whose NEWID repeats an earlier one start:
/// far above the collection's NEWIDs (1 to 21,578).
const REPEATED_NEWID: u64 = 1 << 40;

/// The placeholder body of Reuters' BRIEF items.
const BRIEF_PLACEHOLDER: &str = "Blah blah blah.";

/// Parses a Reuters SGML file (already decoded; the collection is Latin-1).
pub(crate) fn parse_sgml(text: &str) -> Result<Parsed, ParseError> {
    let mut parsed = Parsed::default();
    let mut rest = text;
    let mut index = 0u64;
    let mut used = std::collections::HashSet::new();
    while let Some(start) = find_ignore_ascii_case(rest, "<REUTERS") {
        index += 1;
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        let attributes = &after["<REUTERS".len()..open_end];
        let inner_and_more = &after[open_end + 1..];
        let (inner, next) = match find_ignore_ascii_case(inner_and_more, "</REUTERS>") {
            Some(end) => (
                &inner_and_more[..end],
                &inner_and_more[end + "</REUTERS>".len()..],
            ),
            None => (inner_and_more, ""),
        };
        let mut position = attribute(attributes, "NEWID")
            .and_then(|id| id.parse().ok())
            .unwrap_or(index);
        // A NEWID seen before in the file would give two articles one id,
        // and the second would replace the first in the index: a repeated
        // one takes the first free position from REPEATED_NEWID + index.
        if used.contains(&position) {
            position = REPEATED_NEWID + index;
            while used.contains(&position) {
                position += 1;
            }
        }
        used.insert(position);
        match item(inner, position) {
            Some(article) => parsed.articles.push(article),
            None => parsed.problems.push(Problem {
                line: None,
                reason: format!("item NEWID={position}: no title or body"),
            }),
        }
        rest = next;
    }
    if parsed.articles.is_empty() {
        return Err(ParseError::NoArticle(
            "no <REUTERS> item with a title or body".to_string(),
        ));
    }
    Ok(parsed)
}

fn item(inner: &str, position: u64) -> Option<RawArticle> {
    let title = element(inner, "TITLE")
        .map(|t| collapse(&decode_entities(t)))
        .unwrap_or_default();
    let body = match element(inner, "BODY") {
        Some(body) => paragraphs(&decode_entities(body)),
        // BRIEF and UNPROC items: the text of TEXT without its elements.
        None => element(inner, "TEXT")
            .map(|text| paragraphs(&decode_entities(&strip_elements(text))))
            .unwrap_or_default(),
    };
    let body = if body == BRIEF_PLACEHOLDER {
        String::new()
    } else {
        body
    };
    // The dateline (`BAHIA BLANCA, Argentina, Feb 26 -`) opens the story,
    // as on the wire: the extractor reads its place there.
    let dateline = element(inner, "DATELINE")
        .map(|d| collapse(&decode_entities(d)))
        .unwrap_or_default();
    let body = if dateline.is_empty() || body.is_empty() {
        body
    } else {
        format!("{dateline} {body}")
    };
    if title.is_empty() && body.is_empty() {
        return None;
    }
    let mut tags = Vec::new();
    for name in TAG_ELEMENTS {
        if let Some(list) = element(inner, name) {
            let mut rest = list;
            while let Some(value) = element(rest, "D") {
                let value = value.trim();
                if !value.is_empty() && !tags.iter().any(|t| t == value) {
                    tags.push(value.to_string());
                }
                let end = find_ignore_ascii_case(rest, "</D>").map_or(rest.len(), |at| at + 4);
                rest = &rest[end..];
            }
        }
    }
    Some(RawArticle {
        position,
        title,
        body,
        date: element(inner, "DATE").map(|d| d.trim().to_string()),
        source: Some("Reuters".to_string()),
        tags,
        ..RawArticle::default()
    })
}

/// The content of the first `<NAME ...>...</NAME>` in `text`.
fn element<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}");
    let mut from = 0;
    loop {
        let start = from + find_ignore_ascii_case(&text[from..], &open)?;
        let after_name = &text[start + open.len()..];
        // `<D>` must not match `<DATE>`: the name ends at `>` or a space.
        if after_name.starts_with(['>', ' ', '\t', '\n', '\r']) {
            let content_start = start + open.len() + after_name.find('>')? + 1;
            let close = format!("</{name}>");
            let end = find_ignore_ascii_case(&text[content_start..], &close)
                .map_or(text.len(), |at| content_start + at);
            return Some(&text[content_start..end]);
        }
        from = start + open.len();
    }
}

/// The value of `NAME="value"` among an opening tag's attributes.
fn attribute<'a>(attributes: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let start = attributes.find(&key)? + key.len();
    let end = attributes[start..].find('"')? + start;
    Some(&attributes[start..end])
}

/// Removes `<...>` elements (with their content for TITLE and DATELINE).
fn strip_elements(text: &str) -> String {
    let mut text = text.to_string();
    for name in ["TITLE", "DATELINE", "AUTHOR"] {
        while let Some(content) = element(&text, name) {
            let start = content.as_ptr() as usize - text.as_ptr() as usize;
            let open = text[..start].rfind('<').unwrap_or(start);
            let close = find_ignore_ascii_case(&text[start..], &format!("</{name}>"))
                .map_or(text.len(), |at| start + at + name.len() + 3);
            text.replace_range(open..close, "\n");
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Decodes character references; control characters (Reuters' `&#2;`,
/// `&#3;` markers) become spaces.
fn decode_entities(text: &str) -> String {
    super::charref::decode_entities(text)
        .chars()
        .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
        .collect()
}

/// Wire copy is hard-wrapped, each paragraph starting with an indented
/// line. Joins the lines of each paragraph and drops the `Reuter` sign-off.
fn paragraphs(text: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim();
        // BRIEF items start with a row of asterisks.
        if trimmed.is_empty() || trimmed.chars().all(|c| c == '*') {
            continue;
        }
        let starts_paragraph = line.starts_with([' ', '\t']) || paragraphs.is_empty();
        match paragraphs.last_mut() {
            Some(last) if !starts_paragraph => {
                last.push(' ');
                last.push_str(trimmed);
            }
            _ => paragraphs.push(trimmed.to_string()),
        }
    }
    if let Some(last) = paragraphs.last_mut() {
        for sign_off in [" Reuter", " REUTER"] {
            if let Some(kept) = last.strip_suffix(sign_off) {
                *last = kept.trim_end().to_string();
            }
        }
        if last.eq_ignore_ascii_case("reuter") {
            paragraphs.pop();
        }
    }
    paragraphs.retain(|p| !p.is_empty());
    paragraphs.join("\n\n")
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" NEWID="7">
<DATE> 3-MAR-1987 09:15:00.12</DATE>
<TOPICS><D>grain</D><D>wheat</D></TOPICS>
<PLACES><D>usa</D><D>west-germany</D></PLACES>
<PEOPLE><D>james-baker</D></PEOPLE>
<ORGS></ORGS>
<UNKNOWN>&#5;&#5;&#5;C T</UNKNOWN>
<TEXT>&#2;
<TITLE>GRAIN TALKS &lt;OPEN&gt; IN BONN</TITLE>
<DATELINE>    BONN, March 3 - </DATELINE><BODY>Grain traders met in Bonn
on Tuesday to discuss export quotas.
    The talks will go on until Friday, officials said.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="8">
<DATE> 3-MAR-1987 09:16:00.00</DATE>
<TOPICS></TOPICS><PLACES></PLACES><PEOPLE></PEOPLE>
<TEXT TYPE="BRIEF">&#2;
******<TITLE>RATES STEADY IN TOKYO
</TITLE>Blah blah blah.
&#3;

</TEXT>
</REUTERS>
<REUTERS NEWID="9">
<DATE> 3-MAR-1987 09:17:00.00</DATE>
<TEXT TYPE="UNPROC">&#2;
Raw unprocessed text about steel.
&#3;</TEXT>
</REUTERS>
<REUTERS NEWID="10"><TEXT>&#2;&#3;</TEXT></REUTERS>
"#;

    #[test]
    fn items_titles_bodies_dates_tags() {
        let parsed = parse_sgml(SAMPLE).unwrap();
        assert_eq!(parsed.articles.len(), 3);
        let a = &parsed.articles[0];
        assert_eq!(a.position, 7);
        assert_eq!(a.title, "GRAIN TALKS <OPEN> IN BONN");
        assert_eq!(
            a.body,
            "BONN, March 3 - Grain traders met in Bonn on Tuesday to discuss export quotas.\n\nThe talks will go on until Friday, officials said."
        );
        assert_eq!(a.date.as_deref(), Some("3-MAR-1987 09:15:00.12"));
        assert_eq!(
            a.tags,
            vec!["grain", "wheat", "usa", "west-germany", "james-baker"]
        );
        let brief = &parsed.articles[1];
        assert_eq!(
            (brief.position, brief.title.as_str(), brief.body.as_str()),
            (8, "RATES STEADY IN TOKYO", "")
        );
        let unproc = &parsed.articles[2];
        assert_eq!(unproc.title, "");
        assert_eq!(unproc.body, "Raw unprocessed text about steel.");
        assert_eq!(parsed.problems.len(), 1);
        assert!(parsed.problems[0].reason.contains("NEWID=10"));
    }

    #[test]
    fn no_items_is_an_error() {
        assert!(parse_sgml("<html></html>").is_err());
        assert!(parse_sgml("<REUTERS NEWID=\"1\"></REUTERS>").is_err());
    }

    /// The SGML target's first crash: two items with one NEWID shared a
    /// position, hence an id, and one replaced the other in the index.
    #[test]
    fn a_repeated_newid_keeps_both_articles() {
        let text = "<REUTERS NEWID=\"7\"><TITLE>FIRST</TITLE></REUTERS>\
                    <REUTERS><TITLE>NO NEWID</TITLE></REUTERS>\
                    <REUTERS NEWID=\"7\"><TITLE>SECOND</TITLE></REUTERS>\
                    <REUTERS NEWID=\"2\"><TITLE>THIRD</TITLE></REUTERS>";
        let parsed = parse_sgml(text).unwrap();
        let positions: Vec<(u64, &str)> = parsed
            .articles
            .iter()
            .map(|a| (a.position, a.title.as_str()))
            .collect();
        assert_eq!(
            positions,
            [
                (7, "FIRST"),
                (2, "NO NEWID"),
                (REPEATED_NEWID + 3, "SECOND"),
                (REPEATED_NEWID + 4, "THIRD")
            ]
        );
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a &amp; b &#3;&lt;c&gt; &bogus; &"),
            "a & b  <c> &bogus; &"
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics(text in r#"(<REUTERS NEWID="1">|<TITLE>|</TITLE>|<BODY>|</BODY>|<D>|</D>|&#3;|&amp|[a-z \n]){0,40}"#) {
            let _ = parse_sgml(&text);
        }
    }
}
