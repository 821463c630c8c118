//! Tests of the HTML reader on small hand-written pages.

use super::*;

const P1: &str = "The harbour board met on Tuesday evening and agreed, after a long and \
    sometimes heated debate, to rebuild the old northern pier before the winter storms.";
const P2: &str = "Fishermen, who had asked for the repairs for years, said the decision came \
    late, but welcomed the promise that work would begin within a month.";
const P3: &str = "The board will publish the cost of the works, and the name of the builder, \
    at its next meeting, a spokesman for the harbour office said.";

fn page(head: &str, body: &str) -> String {
    format!("<!DOCTYPE html><html lang=\"en-GB\"><head>{head}</head><body>{body}</body></html>")
}

fn story() -> String {
    format!(
        "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li></ul></nav>\
         <article><h1>Pier to be rebuilt</h1><p>{P1}</p><p>{P2}</p><h2>Costs</h2><p>{P3}</p></article>\
         <footer><p>Copyright 2024 Harbour Gazette. All rights reserved.</p></footer>"
    )
}

#[test]
fn body_of_a_simple_page() {
    let a = html_to_article(&page(
        "<title>Pier to be rebuilt | Harbour Gazette</title>",
        &story(),
    ));
    assert_eq!(a.title, "Pier to be rebuilt");
    assert_eq!(a.body, format!("{P1}\n\n{P2}\n\nCosts\n\n{P3}"));
    assert_eq!(a.lang.as_deref(), Some("en-GB"));
}

#[test]
fn title_rules() {
    let og =
        "<meta property=\"og:title\" content=\"Pier plan approved\"><title>Other | Site</title>";
    assert_eq!(
        html_to_article(&page(og, &story())).title,
        "Pier plan approved"
    );
    let og_site = "<meta property=\"og:title\" content=\"Pier plan approved - Gazette\">\
                   <meta property=\"og:site_name\" content=\"Gazette\">";
    assert_eq!(
        html_to_article(&page(og_site, "")).title,
        "Pier plan approved"
    );
    let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Board backs pier"}</script><title>x</title>"#;
    assert_eq!(html_to_article(&page(ld, "")).title, "Board backs pier");
    let h1 = "<title>Harbour Gazette</title>";
    assert_eq!(
        html_to_article(&page(h1, "<h1>Lone heading</h1><p>x</p>")).title,
        "Lone heading"
    );
    let two_h1 = "<title>Pier work starts next month - Harbour Gazette</title>";
    assert_eq!(
        html_to_article(&page(two_h1, "<h1>A</h1><h1>B</h1>")).title,
        "Pier work starts next month"
    );
    // A short head before the separator is not a headline on its own.
    let short = "<title>Sport - Results</title>";
    assert_eq!(html_to_article(&page(short, "")).title, "Sport - Results");
}

#[test]
fn url_authors_source() {
    let head = r#"<link rel="canonical" href="https://example.org/pier">
        <meta property="og:url" content="https://example.org/og">
        <meta property="og:site_name" content="Harbour Gazette">
        <meta name="author" content="Jane Roe">
        <meta property="article:author" content="https://example.org/staff/jroe">
        <script type="application/ld+json">
        {"@context":"https://schema.org","@graph":[{"@type":"WebPage"},
         {"@type":"NewsArticle","headline":"h","author":[{"@type":"Person","name":"John Doe"},{"name":"Jane Roe"}],
          "publisher":{"@type":"Organization","name":"Gazette Media"}}]}
        </script>"#;
    let a = html_to_article(&page(head, &story()));
    assert_eq!(a.url.as_deref(), Some("https://example.org/pier"));
    assert_eq!(
        a.authors,
        vec!["John Doe".to_string(), "Jane Roe".to_string()]
    );
    assert_eq!(a.source.as_deref(), Some("Harbour Gazette"));

    let head = r#"<meta property="og:url" content="https://example.org/og">
        <script type="application/ld+json">{"@type":"Article","publisher":{"name":"Gazette Media"}}</script>"#;
    let a = html_to_article(&page(head, ""));
    assert_eq!(a.url.as_deref(), Some("https://example.org/og"));
    assert_eq!(a.source.as_deref(), Some("Gazette Media"));
    assert!(a.authors.is_empty());
    assert_eq!(a.lang.as_deref(), Some("en-GB"));
}

#[test]
fn fragments() {
    let a = html_to_article("<p>first &amp; short</p><p>second   one</p>");
    assert_eq!(a.body, "first & short\n\nsecond one");
    assert_eq!(a.title, "");
    let a = html_to_article("just some text<br>and a line");
    assert_eq!(a.body, "just some text\n\nand a line");
    let a = html_to_article("<ul><li>one item</li><li>two items</li></ul>");
    assert_eq!(a.body, "one item\n\ntwo items");
    assert_eq!(html_to_article("").body, "");
}

#[test]
fn fallback_when_nothing_scores() {
    // No paragraph is long enough to score: every visible <p> is kept.
    let body = "<div><p>Short one.</p><p style=\"display:none\">hidden</p><p>Short two.</p></div>\
                <script>var x = 1;</script>";
    let a = html_to_article(&page("", body));
    assert_eq!(a.body, "Short one.\n\nShort two.");
    // No <p> at all: the visible text.
    let a = html_to_article(&page("", "<div>Only a div</div><style>p{}</style>"));
    assert_eq!(a.body, "Only a div");
}

#[test]
fn own_extractor_skips_noise() {
    let body = format!(
        "<div class=\"sidebar\"><p>{P3} Sidebar.</p></div>{}\
         <div class=\"comments\"><p>{P2} Comment.</p></div>",
        story()
    );
    let dom_doc = dom_query::Document::from(page("", &body).as_str());
    let dom = Dom::from_document(&dom_doc);
    let got = extract::extract(&dom).join("\n\n");
    assert!(
        got.contains(P1) && got.contains(P2) && got.contains(P3),
        "{got}"
    );
    assert!(
        !got.contains("Sidebar.") && !got.contains("Comment."),
        "{got}"
    );
    assert!(!got.contains("Home") && !got.contains("Copyright"), "{got}");
}

#[test]
fn charsets() {
    let latin1 = b"<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9</title></head>\
                   <body><p>Cr\xe8me br\xfbl\xe9e</p></body></html>";
    let a = read_html(latin1).unwrap();
    assert_eq!(a.title, "Café");
    assert_eq!(a.body, "Crème brûlée");
    // http-equiv form, windows-1251.
    let cyr = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">\
                </head><body><p>\xcf\xf0\xe8\xe2\xe5\xf2</p></body></html>";
    assert_eq!(read_html(cyr).unwrap().body, "Привет");
    // Valid UTF-8 wins over a stale declaration.
    let utf8 = "<meta charset=\"iso-8859-1\"><p>Crème</p>".as_bytes();
    assert_eq!(read_html(utf8).unwrap().body, "Crème");
    // BOM.
    let bom = b"\xef\xbb\xbf<p>Hello</p>";
    assert_eq!(read_html(bom).unwrap().body, "Hello");
    // No declaration, legacy bytes: guessed.
    let guess = b"<p>Le pr\xe9sident fran\xe7ais a parl\xe9 \xe0 la t\xe9l\xe9vision.</p>";
    assert!(
        read_html(guess)
            .unwrap()
            .body
            .contains("président français")
    );
    // Gzip.
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(b"<p>Zipped</p>").unwrap();
    assert_eq!(read_html(&enc.finish().unwrap()).unwrap().body, "Zipped");
    assert_eq!(read_html(b"  \n"), Err(ParseError::Empty));
    assert_eq!(read_html(b"\x89PNG\0\0\x00\xff"), Err(ParseError::NotText));
}

#[test]
fn declared_charset_parsing() {
    use crate::parse::decode::declared_charset;
    assert_eq!(
        declared_charset(b"<meta charset='Shift_JIS'>"),
        Some(encoding_rs::SHIFT_JIS)
    );
    assert_eq!(
        declared_charset(
            b"<META HTTP-EQUIV=\"content-type\" CONTENT=\"text/html;charset=utf-16\">"
        ),
        Some(encoding_rs::UTF_8)
    );
    assert_eq!(declared_charset(b"<p>charset=latin1</p>"), None);
    assert_eq!(declared_charset(b"<meta charset=\"nonsense\">"), None);
}

proptest::proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..2000)) {
        let _ = read_html(&bytes);
    }

    #[test]
    fn arbitrary_tag_soup_never_panics(s in "(<(p|div|article|h1|a|script|meta|title|br|li|ul)( class=\"(content|sidebar|comment)\")?>|</(p|div|a|article)>|[a-z ,.&;#]{0,12}){0,60}") {
        let _ = html_to_article(&s);
    }
}

#[test]
fn two_marked_bodies_mark_nothing() {
    // A blog's front page: several entries, none of them the page's one body.
    let html = page(
        "",
        &format!(
            "<div class=\"entry-content\"><p>{P1}</p></div>\
             <div class=\"entry-content\"><p>{P2}</p></div>"
        ),
    );
    let doc = dom_query::Document::from(html.as_str());
    let dom = Dom::from_document(&doc);
    assert_eq!(marked::container(&dom), None);
    // Nested marks count once: the outermost.
    let html = page(
        "",
        &format!("<div itemprop=\"articleBody\"><div class=\"post-body\"><p>{P1}</p></div></div>"),
    );
    let doc = dom_query::Document::from(html.as_str());
    let dom = Dom::from_document(&doc);
    let id = marked::container(&dom).expect("one marked body");
    assert_eq!(dom.node(id).attr("itemprop"), Some("articleBody"));
}

#[test]
fn when_the_marked_body_replaces_the_extractors_text() {
    let lines = |s: &str| vec![s.to_string()];
    let post = format!("{P1} {P2}");
    // Too short to trust.
    assert!(!marked::prefer_marked(
        &lines(P3),
        &lines("Share this post")
    ));
    // The extractor read something else.
    assert!(marked::prefer_marked(&lines(P3), &lines(&post)));
    // The same text.
    assert!(!marked::prefer_marked(&lines(&post), &lines(&post)));
    // The extractor's text holds the post and some furniture around it.
    let with_furniture = vec![
        post.clone(),
        "Related: pier opens; harbour fees".to_string(),
    ];
    assert!(marked::prefer_marked(&with_furniture, &lines(&post)));
    // The marked part is a small part of the extractor's text: an excerpt.
    let long = vec![post.clone(), P3.to_string(), P3.replace("board", "council")];
    assert!(!marked::prefer_marked(&long, &lines(P1)));
}

/// A page whose story opens with a video: the player and its caption stand
/// between the headline and the marked text.
fn video_story(caption: &str) -> String {
    page(
        "<title>Pier to be rebuilt</title>",
        &format!(
            "<div class=\"post\"><h1>Pier to be rebuilt</h1>\
             <div class=\"video-wrap\"><object><img src=\"v.jpg\">\
             <div class=\"player-caption-box\"><p class=\"player-caption\">{caption}</p></div>\
             </object></div>\
             <div class=\"entry-content\"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></div>\
             <div class=\"sidebar\"><p>Most watched</p></div>"
        ),
    )
}

#[test]
fn the_lead_caption_opens_the_body() {
    let caption = "The harbour master shows the damage the storms did to the old pier \
        and explains why the repairs cannot wait.";
    let a = html_to_article(&video_story(caption));
    assert_eq!(a.body, format!("{caption}\n\n{P1}\n\n{P2}\n\n{P3}"));
    // A credit or a label is no prose and stays out.
    let a = html_to_article(&video_story("Video: Harbour Gazette"));
    assert_eq!(a.body, format!("{P1}\n\n{P2}\n\n{P3}"));
    // A caption that links to another story is a teaser.
    let teaser = format!("<a href=\"/other\">{caption}</a>");
    let a = html_to_article(&video_story(&teaser));
    assert_eq!(a.body, format!("{P1}\n\n{P2}\n\n{P3}"));
}

#[test]
fn no_lead_caption_without_a_headline_above_the_body() {
    let caption = "The harbour master shows the damage the storms did to the old pier \
        and explains why the repairs cannot wait.";
    let html = video_story(caption).replace("<h1>Pier to be rebuilt</h1>", "");
    let a = html_to_article(&html);
    assert!(!a.body.contains("harbour master"), "{}", a.body);
}
