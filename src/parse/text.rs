//! Plain-text articles.
//!
//! The layout read here is the common one of saved news articles: the
//! headline on the first non-empty line, then the story, one paragraph per
//! line or paragraphs separated by blank lines.
//!
//! ```text
//! Title: Council approves budget          <- optional header block
//! Date: 2024-04-25                           (Key: value lines at the top)
//! By: Jane Roe and John Doe
//!
//! Council approves budget                 <- title (when no Title header)
//! By Jane Roe                             <- optional byline
//!
//! The council approved the budget ...     <- body paragraphs
//! ```
//!
//! * A header block is a run of `Key: value` lines at the very top with known
//!   keys (case-insensitive): Title/Headline, Date/Published,
//!   By/Author/Authors/Byline, Source/Publisher and URL/Link. It ends at a
//!   blank line or at the first other line. Without a Title header the first
//!   non-empty line after the block is the title.
//! * A short "By Jane Roe" line right under the title gives the authors.
//! * When the file separates paragraphs with blank lines and its lines are
//!   hard-wrapped (lines that do not end a sentence run on into the next
//!   line), the lines of each block are joined into one paragraph; list items
//!   stay separate. Otherwise every non-empty line is a paragraph.
//! * The paragraphs go through [`clean_paragraphs`] and are joined with a
//!   blank line.
//!
//! A leading byte-order mark is skipped and `\r\n` or `\r` line endings are
//! accepted. Whatever the text is, it is not judged: anything with a
//! non-empty line is an article.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::ParseError;
use super::boilerplate::{clean_paragraphs, is_list_item};
use crate::dates;
use crate::model::RawArticle;

/// Parses one plain-text article (already decoded to UTF-8).
///
/// Returns [`ParseError::Empty`] when the text has no non-empty line and
/// [`ParseError::NoArticle`] when it holds only a header block without a
/// title. A title without a body is an article with an empty body.
pub(crate) fn parse_text(text: &str) -> Result<RawArticle, ParseError> {
    let Layout {
        mut article,
        paragraphs,
    } = layout(text)?;
    if article.date.is_none()
        && let Some(first) = paragraphs.first()
    {
        article.dateline = super::dateline(first);
    }
    article.body = clean_paragraphs(&article.title, paragraphs).join("\n\n");
    Ok(article)
}

/// The longest date line under a title, in words ("Thursday, April 25, 2024
/// 11:20 AM EDT" has 7).
const DATE_LINE_MAX_WORDS: usize = 8;

/// A short line that is a whole date: "Friday, July 21, 2017",
/// "Published 2024-04-25". Whether the day is plausible is decided later,
/// when the date is read; here only the shape matters, so any day counts.
fn is_date_line(line: &str) -> bool {
    if line.split_whitespace().count() > DATE_LINE_MAX_WORDS || line.len() > 64 {
        return false;
    }
    !matches!(
        dates::parse_date(line, NaiveDate::MAX),
        dates::DateParse::Unparsed
    )
}

/// A date line that starts with a place in capitals and ends in a numeric
/// date (`LONDON 1996-12-06`, `NEW YORK 12/06/1996`): a dateline.
fn is_place_date_line(line: &str) -> bool {
    let Some(at) = line.find(|c: char| c.is_ascii_digit()) else {
        return false;
    };
    let (place, date) = line.split_at(at);
    let words: Vec<&str> = place.split_whitespace().collect();
    !words.is_empty()
        && !date.chars().any(char::is_alphabetic)
        && words.iter().all(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !w.chars().any(char::is_lowercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '.'))
                && !w.ends_with("DAY")
                && dates::month_number(&w.to_lowercase()).is_none()
        })
}

/// An article split into its parts, before the boilerplate rules.
#[derive(Debug)]
pub(crate) struct Layout {
    /// Title and metadata; the body is left empty.
    pub(crate) article: RawArticle,
    /// The body paragraphs, uncleaned.
    pub(crate) paragraphs: Vec<String>,
}

/// Reads the header block, title, byline and paragraphs of `text`.
pub(crate) fn layout(text: &str) -> Result<Layout, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    let text: Cow<'_, str> = if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    };
    let lines: Vec<&str> = text.split('\n').map(str::trim).collect();
    let mut article = RawArticle::default();
    let mut at = skip_blank(&lines, 0);

    while let Some((key, value)) = lines.get(at).and_then(|line| header_line(line)) {
        apply_header(&mut article, key, value);
        at += 1;
    }

    if article.title.is_empty() {
        at = skip_blank(&lines, at);
        if let Some(title) = lines.get(at) {
            article.title = (*title).to_string();
            at += 1;
        }
    }

    // Under the title: a byline and a date line, in either order.
    for _ in 0..2 {
        let next = skip_blank(&lines, at);
        let Some(line) = lines.get(next) else {
            break;
        };
        if let Some(authors) = parse_byline(line) {
            for author in authors {
                if !article.authors.contains(&author) {
                    article.authors.push(author);
                }
            }
        } else if article.date.is_none() && is_date_line(line) {
            article.date = Some((*line).to_string());
            // `LONDON 1996-12-06`: the place stays in the body, where the
            // extractor reads it as the dateline's place.
            if is_place_date_line(line) {
                at = next;
                break;
            }
        } else {
            break;
        }
        at = next + 1;
    }

    let paragraphs = build_paragraphs(&lines[at.min(lines.len())..]);
    if article.title.is_empty() && paragraphs.is_empty() {
        return Err(ParseError::NoArticle(
            "only a header block, without title or body".to_string(),
        ));
    }
    Ok(Layout {
        article,
        paragraphs,
    })
}

/// The index of the first non-blank line at or after `at`.
fn skip_blank(lines: &[&str], mut at: usize) -> usize {
    while lines.get(at).is_some_and(|line| line.is_empty()) {
        at += 1;
    }
    at
}

/// The metadata field a header key fills.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum HeaderKey {
    Title,
    Date,
    Authors,
    Source,
    Url,
}

/// `Key: value` with a known key, or `None`.
fn header_line(line: &str) -> Option<(HeaderKey, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = match key.trim().to_ascii_lowercase().as_str() {
        "title" | "headline" => HeaderKey::Title,
        "date" | "published" => HeaderKey::Date,
        "by" | "author" | "authors" | "byline" => HeaderKey::Authors,
        "source" | "publisher" => HeaderKey::Source,
        "url" | "link" => HeaderKey::Url,
        _ => return None,
    };
    Some((key, value.trim()))
}

/// Stores one header value; the first value of a single-valued key wins.
fn apply_header(article: &mut RawArticle, key: HeaderKey, value: &str) {
    if value.is_empty() {
        return;
    }
    let set = |field: &mut Option<String>| {
        if field.is_none() {
            *field = Some(value.to_string());
        }
    };
    match key {
        HeaderKey::Title => {
            if article.title.is_empty() {
                article.title = value.to_string();
            }
        }
        HeaderKey::Date => set(&mut article.date),
        HeaderKey::Source => set(&mut article.source),
        HeaderKey::Url => set(&mut article.url),
        HeaderKey::Authors => {
            for author in split_authors(value) {
                if !article.authors.contains(&author) {
                    article.authors.push(author);
                }
            }
        }
    }
}

/// `value` without a leading "By " (any case).
fn strip_by(value: &str) -> &str {
    let value = value.trim();
    match value.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => value[3..].trim_start(),
        _ => value,
    }
}

/// Splits an author list on " and ", " & ", "," and ";", dropping a leading
/// "By ".
fn split_authors(value: &str) -> Vec<String> {
    strip_by(value)
        .split([',', ';'])
        .flat_map(|part| part.split(" and "))
        .flat_map(|part| part.split(" & "))
        .map(|name| strip_by(name).to_string())
        .filter(|name| !name.is_empty())
        .collect()
}

/// Lowercase words allowed inside a name ("Ursula von der Leyen").
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "di", "del", "della", "van", "von", "der", "den", "du", "la", "le", "bin", "ibn",
    "al", "el", "dos", "das", "y",
];

/// The authors of a byline line, "By Jane Roe and John Doe" or "By Jane Roe
/// in Paris": a single short line of capitalised names. `None` for anything
/// else, such as a sentence starting with "By".
pub(crate) fn parse_byline(line: &str) -> Option<Vec<String>> {
    let rest = line
        .strip_prefix("By")
        .or_else(|| line.strip_prefix("BY"))?;
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = rest.trim();
    if rest.chars().count() > 100 || rest.split_whitespace().count() > 12 {
        return None;
    }
    match rest.chars().next_back() {
        Some('!' | '?' | ':' | ';' | ',') | None => return None,
        Some('.') if rest.split_whitespace().last().is_some_and(|w| w.len() > 3) => {
            return None;
        }
        _ => {}
    }
    let names: Vec<String> = split_authors(rest)
        .into_iter()
        .map(|name| match name.find(" in ") {
            Some(cut) => name[..cut].trim().to_string(),
            None => name,
        })
        .collect();
    let is_name = |name: &String| {
        let words: Vec<&str> = name.split_whitespace().collect();
        (1..=5).contains(&words.len())
            && words.iter().all(|word| {
                word.chars().next().is_some_and(char::is_uppercase) || NAME_PARTICLES.contains(word)
            })
    };
    let plausible = !names.is_empty()
        && names.iter().all(is_name)
        && names
            .iter()
            .any(|name| name.split_whitespace().count() >= 2);
    plausible.then_some(names)
}

/// Whether a line ends a sentence or a quotation, so that the next line is
/// not a continuation of it.
fn ends_line(line: &str) -> bool {
    matches!(
        line.chars().next_back(),
        Some('.' | '!' | '?' | '…' | ':' | '"' | '\'' | '”' | '’' | '»' | ')' | ']')
    )
}

/// Groups body lines (trimmed, blank = paragraph break) into paragraphs.
fn build_paragraphs(lines: &[&str]) -> Vec<String> {
    let blocks: Vec<&[&str]> = lines
        .split(|line| line.is_empty())
        .filter(|block| !block.is_empty())
        .collect();
    // Evidence of hard wrapping: inside blocks, lines that do not end a
    // sentence and run on into a next line that is not a list item.
    let (mut runs_on, mut pairs) = (0usize, 0usize);
    for block in &blocks {
        for pair in block.windows(2) {
            if !is_list_item(pair[1]) {
                pairs += 1;
                if !ends_line(pair[0]) {
                    runs_on += 1;
                }
            }
        }
    }
    let hard_wrapped = blocks.len() >= 2 && runs_on > 0 && 2 * runs_on >= pairs;
    if !hard_wrapped {
        return blocks
            .iter()
            .flat_map(|block| block.iter().map(|line| (*line).to_string()))
            .collect();
    }
    let mut paragraphs = Vec::new();
    for block in blocks {
        let mut current = String::new();
        for line in block {
            if !current.is_empty() && is_list_item(line) {
                paragraphs.push(std::mem::take(&mut current));
            }
            join_wrapped(&mut current, line);
        }
        paragraphs.push(current);
    }
    paragraphs
}

/// Appends a wrapped `line` to `paragraph`: with a space, or without one
/// after a word broken by a hyphen ("pipe-" + "line").
fn join_wrapped(paragraph: &mut String, line: &str) {
    let mut tail = paragraph.chars().rev();
    let broken_word = tail.next() == Some('-')
        && tail.next().is_some_and(char::is_alphabetic)
        && line.starts_with(char::is_lowercase);
    if !paragraph.is_empty() && !broken_word {
        paragraph.push(' ');
    }
    paragraph.push_str(line);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_line_under_the_title() {
        let cases = [
            (
                "Title\nFriday, July 21, 2017\n\nBody text.",
                Some("Friday, July 21, 2017"),
                "Body text.",
            ),
            (
                "Title\n\nBy Jane Roe\n2024-04-25\n\nBody.",
                Some("2024-04-25"),
                "Body.",
            ),
            (
                "Title\nPublished: 25 April 2024 11:20 AM EDT\nBody.",
                Some("Published: 25 April 2024 11:20 AM EDT"),
                "Body.",
            ),
            // A dateline: the date is read, the place stays in the body.
            (
                "Title\n\nLONDON 1996-12-06\n\nTalks resumed.",
                Some("LONDON 1996-12-06"),
                "LONDON 1996-12-06\n\nTalks resumed.",
            ),
            (
                "Title\nFRIDAY 1996-12-06\nBody.",
                Some("FRIDAY 1996-12-06"),
                "Body.",
            ),
            // Not whole dates, or too long: body.
            ("Title\nMarch 2024\nBody.", None, "March 2024\n\nBody."),
            (
                "Title\nOn April 25, 2024, the council voted to close the old bridge.\nBody.",
                None,
                "On April 25, 2024, the council voted to close the old bridge.\n\nBody.",
            ),
        ];
        for (text, date, body) in cases {
            let a = parse_text(text).unwrap();
            assert_eq!(a.date.as_deref(), date, "{text:?}");
            assert_eq!(a.body, body, "{text:?}");
        }
        // A header date wins; the line stays in the body.
        let a = parse_text("Title: T\nDate: 2020-01-02\n\n2021-03-04\n\nBody.").unwrap();
        assert_eq!(a.date.as_deref(), Some("2020-01-02"));
    }

    const P1: &str = "The council approved the new budget on Monday after a long debate.";
    const P2: &str = "Opposition members said the plan would raise local taxes next year.";
    const P3: &str = "The mayor said the vote showed that the city was ready for change.";

    fn article(title: &str, body: &[&str]) -> RawArticle {
        RawArticle {
            title: title.to_string(),
            body: body.join("\n\n"),
            ..RawArticle::default()
        }
    }

    fn with(
        mut a: RawArticle,
        date: Option<&str>,
        authors: &[&str],
        source: Option<&str>,
        url: Option<&str>,
    ) -> RawArticle {
        a.date = date.map(str::to_string);
        a.authors = authors.iter().map(|s| s.to_string()).collect();
        a.source = source.map(str::to_string);
        a.url = url.map(str::to_string);
        a
    }

    #[test]
    fn table() {
        let seed_like = format!(
            "Council approves budget\n\n{P1}\n\nTax rise approved despite protests from the opposition\n\n{P2}\n\n\
             The town hall on Monday. Photo: Jane Roe via EPA-EFE\n\n{P3}\n\n\
             “We did it,” she said.\n\n“Now we build.”\n\n\n\nRead More\n\nLeave a Reply"
        );
        // (name, input, expected)
        let cases: Vec<(&str, String, RawArticle)> = vec![
            (
                "seed-like layout",
                seed_like,
                article(
                    "Council approves budget",
                    &[P1, P2, P3, "“We did it,” she said.", "“Now we build.”"],
                ),
            ),
            (
                "one paragraph per line, no blank lines",
                format!("Council approves budget\n{P1}\n{P2}\n"),
                article("Council approves budget", &[P1, P2]),
            ),
            (
                "header block with all keys",
                format!(
                    "Title: Council approves budget\nDate: 25 April 2024\n\
                     By: Jane Roe and John Doe\nSource: City Times\n\
                     URL: https://example.com/a?b=c\n\n{P1}\n\n{P2}"
                ),
                with(
                    article("Council approves budget", &[P1, P2]),
                    Some("25 April 2024"),
                    &["Jane Roe", "John Doe"],
                    Some("City Times"),
                    Some("https://example.com/a?b=c"),
                ),
            ),
            (
                "header keys are case-insensitive, author lists split",
                format!(
                    "HEADLINE: Council approves budget\npublished: 2024-04-25T10:00:00Z\n\
                     authors: By Jane Roe, John Doe; Ann Lee\npublisher: City Times\n\
                     link: https://example.com/x\n\n{P1}"
                ),
                with(
                    article("Council approves budget", &[P1]),
                    Some("2024-04-25T10:00:00Z"),
                    &["Jane Roe", "John Doe", "Ann Lee"],
                    Some("City Times"),
                    Some("https://example.com/x"),
                ),
            ),
            (
                "header block without title",
                format!("Date: 2024-04-25\nAuthor: Jane Roe\n\nCouncil approves budget\n\n{P1}"),
                with(
                    article("Council approves budget", &[P1]),
                    Some("2024-04-25"),
                    &["Jane Roe"],
                    None,
                    None,
                ),
            ),
            (
                "header block ended by a non-header line",
                format!("Source: City Times\nCouncil approves budget\n\n{P1}"),
                with(
                    article("Council approves budget", &[P1]),
                    None,
                    &[],
                    Some("City Times"),
                    None,
                ),
            ),
            (
                "title with an unknown key is not a header",
                format!("Analysis: Why the budget matters\n\n{P1}"),
                article("Analysis: Why the budget matters", &[P1]),
            ),
            (
                "byte-order mark",
                format!("\u{feff}Council approves budget\n\n{P1}"),
                article("Council approves budget", &[P1]),
            ),
            (
                "CRLF line endings",
                format!("Title: Council approves budget\r\nDate: 2024\r\n\r\n{P1}\r\n\r\n{P2}\r\n"),
                with(
                    article("Council approves budget", &[P1, P2]),
                    Some("2024"),
                    &[],
                    None,
                    None,
                ),
            ),
            (
                "byline under the title",
                format!("Council approves budget\nBy Jane Roe and John Doe\n\n{P1}"),
                with(
                    article("Council approves budget", &[P1]),
                    None,
                    &["Jane Roe", "John Doe"],
                    None,
                    None,
                ),
            ),
            (
                "byline with a place",
                format!("Council approves budget\n\nBy Jane Roe in Paris\n\n{P1}"),
                with(
                    article("Council approves budget", &[P1]),
                    None,
                    &["Jane Roe"],
                    None,
                    None,
                ),
            ),
            (
                "sentence starting with By is body",
                "Council approves budget\n\nBy Monday the vote had passed.\n".to_string(),
                article("Council approves budget", &["By Monday the vote had passed."]),
            ),
            (
                "trailers cut the end",
                format!(
                    "Council approves budget\n\n{P1}\n\n{P2}\n\nAdvertisement\n\n{P3}\n\n\
                     Share this article\n\nCouncil vote delayed again\n\n© 2024 City Times"
                ),
                article("Council approves budget", &[P1, P2, P3]),
            ),
            (
                "captions",
                format!(
                    "Council approves budget\n\n{P1}\n\nThe mayor at the vote (Photo by Jane Roe/Getty Images)\n\n\
                     {P2}\n\nPhoto: AFP\n\n{P3}"
                ),
                article("Council approves budget", &[P1, P2, P3]),
            ),
            (
                "related headlines between paragraphs",
                format!(
                    "Council approves budget\n\n{P1}\n\nCity hall: Mayor hits out at ‘reckless spending’\n\n\
                     {P2}\n\nNo new taxes for small shops this year: minister\n\n{P3}"
                ),
                article("Council approves budget", &[P1, P2, P3]),
            ),
            (
                "duplicate title dropped",
                format!("Title: Council approves budget\n\nCouncil approves budget\n\n{P1}"),
                article("Council approves budget", &[P1]),
            ),
            (
                "hard-wrapped paragraphs are joined",
                "Council approves budget\n\nThe council approved the new budget\non Monday after a long-\nrunning debate.\n\n\
                 Opposition members said the plan\nwould raise taxes.\n- first item\n- second item\n"
                    .to_string(),
                article(
                    "Council approves budget",
                    &[
                        "The council approved the new budget on Monday after a long-running debate.",
                        "Opposition members said the plan would raise taxes.",
                        "- first item",
                        "- second item",
                    ],
                ),
            ),
            (
                "list lines in a blank-separated file are not joined",
                format!("Council approves budget\n\n{P1}\n\n- more money for schools\n- new bus lanes\n\n{P2}"),
                article(
                    "Council approves budget",
                    &[P1, "- more money for schools", "- new bus lanes", P2],
                ),
            ),
            (
                "title only",
                "\n\n  Council approves budget  \n\n".to_string(),
                article("Council approves budget", &[]),
            ),
            (
                "lone carriage returns",
                format!("Council approves budget\r\r{P1}\r"),
                article("Council approves budget", &[P1]),
            ),
        ];
        for (name, input, expected) in cases {
            assert_eq!(parse_text(&input), Ok(expected), "case {name}");
        }
    }

    #[test]
    fn errors() {
        let cases: &[(&str, ParseError)] = &[
            ("", ParseError::Empty),
            ("  \n\t\r\n ", ParseError::Empty),
            ("\u{feff}", ParseError::Empty),
            ("\u{feff}\n \n", ParseError::Empty),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_text(input).as_ref(), Err(expected), "input {input:?}");
        }
        assert!(matches!(
            parse_text("Date: 2024-04-25\nAuthor: Jane Roe\n"),
            Err(ParseError::NoArticle(_))
        ));
    }

    #[test]
    fn byline_shapes() {
        let cases: &[(&str, Option<&[&str]>)] = &[
            ("By Jane Roe", Some(&["Jane Roe"])),
            ("BY JANE ROE", Some(&["JANE ROE"])),
            ("By: Jane Roe, John Doe", Some(&["Jane Roe", "John Doe"])),
            ("By Ursula von der Leyen", Some(&["Ursula von der Leyen"])),
            ("By John Doe Jr.", Some(&["John Doe Jr."])),
            ("By Reuters", None),
            ("By any measure, the plan failed.", None),
            ("By 2007 the population will shrink", None),
            ("Bye Jane", None),
        ];
        for (line, expected) in cases {
            let expected = expected.map(|names| names.iter().map(|s| s.to_string()).collect());
            assert_eq!(parse_byline(line), expected, "line {line:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics(text in proptest::prelude::any::<String>()) {
            let _ = parse_text(&text);
        }

        #[test]
        fn never_panics_on_line_soup(
            lines in proptest::collection::vec(
                "(Title|Date|By|Photo|Read More|Advertisement|[A-Z][a-z]{0,8})?[:.,’” |/-]{0,3}[ a-zA-Z]{0,40}[.!?”’]?",
                0..30,
            ),
            crlf in proptest::bool::ANY,
        ) {
            let text = lines.join(if crlf { "\r\n" } else { "\n" });
            if let Ok(article) = parse_text(&text) {
                proptest::prop_assert!(!article.body.contains("\n\n\n"));
            }
        }
    }

    #[test]
    fn seed_article() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("corpus/000_12d0decf402e7c67.txt");
        let text = std::fs::read_to_string(path).expect("seed article");
        let a = parse_text(&text).expect("parses");
        assert!(
            a.title
                .starts_with("Russian President Vladimir Putin to visit China")
        );
        for noise in [
            "EPA-EFE",
            "No imminent US sanctions on Chinese banks",
            "Blinken hits out at",
            "US lawmakers eye",
            "Read More",
            "Leave a Reply",
        ] {
            assert!(!a.body.contains(noise), "body keeps {noise:?}");
        }
        let body: Vec<&str> = a.body.split("\n\n").collect();
        let expected: Vec<&str> = text
            .lines()
            .skip(1)
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .filter(|l| {
                ![
                    "Photo: Xinhua",
                    "banks for Russia trade: Yellen",
                    "Blinken hits out",
                    "US lawmakers eye",
                    "Read More",
                    "Leave a Reply",
                ]
                .iter()
                .any(|n| l.contains(n))
            })
            .collect();
        assert_eq!(body, expected);
        assert!(a.body.ends_with("Chinese transfers.”"));
    }
}
