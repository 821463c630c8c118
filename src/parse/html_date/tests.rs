//! Tests of the publication-day search (table cases and the labelled pages).

use super::*;
use proptest::prelude::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

fn today() -> NaiveDate {
    day(2026, 11, 29)
}

/// The date of a page with `head` in its head and `body` in its body.
fn date_of(head: &str, body: &str) -> Option<NaiveDate> {
    let html = format!(
        "<!DOCTYPE html><html><head><title>T</title>{head}</head><body>{body}</body></html>"
    );
    publication_date(&html, None, today())
}

#[test]
fn a_url_day_beats_a_utc_timestamp_one_day_later() {
    let html = |published: &str| {
        format!(
            r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle",
            "datePublished":"{published}"}}</script></head><body><p>Text.</p></body></html>"#
        )
    };
    let url = Some("https://paper.example/2023/11/08/story/");
    assert_eq!(
        publication_date(&html("2023-11-09T02:30:00Z"), url, today()),
        Some(day(2023, 11, 8))
    );
    // A timestamp in the publisher's own zone was not converted.
    assert_eq!(
        publication_date(&html("2023-11-09T18:37:32+01:00"), url, today()),
        Some(day(2023, 11, 9))
    );
    assert!(is_utc_timestamp("2023-11-09T01:09:55+00:00"));
    assert!(is_utc_timestamp("Thu, 09 Nov 2023 01:09:55 GMT"));
    assert!(!is_utc_timestamp("2023-11-09"));
    assert!(!is_utc_timestamp("2023-11-09T01:09:55-05:00"));
    // Two days apart: not a time-zone shift; the structured date stands.
    assert_eq!(
        publication_date(&html("2023-11-10T02:30:00Z"), url, today()),
        Some(day(2023, 11, 10))
    );
}

#[test]
fn the_page_language_orders_numeric_dates() {
    let page = |lang: &str| {
        format!(
            r#"<html lang="{lang}"><head><title>T</title></head><body><article>
            <h1>Headline</h1><span class="date">02/10/2020</span><p>Text.</p>
            </article></body></html>"#
        )
    };
    let date = |lang: &str| publication_date(&page(lang), None, today());
    assert_eq!(date("en-US"), Some(day(2020, 2, 10)));
    assert_eq!(date("en"), Some(day(2020, 2, 10)));
    assert_eq!(date("en-GB"), Some(day(2020, 10, 2)));
    assert_eq!(date("de"), Some(day(2020, 10, 2)));
    assert_eq!(date("fr_FR"), Some(day(2020, 10, 2)));
    assert_eq!(numeric_order(None), Order::MonthFirst);
    // A `<time>` whose machine date is written day first on a German page.
    let html = r#"<html lang="de"><body><article><h1>T</h1>
        <time class="published" datetime="01-11-2023 10:29">1. November 2023</time>
        </article></body></html>"#;
    assert_eq!(
        publication_date(html, None, today()),
        Some(day(2023, 11, 1))
    );
}

#[test]
fn a_wrapper_named_after_the_sidebar_is_not_furniture() {
    let story = "The council met on Tuesday and voted on the new budget. ".repeat(8);
    let page = |class: &str| {
        format!(
            r#"<html><body><div class="{class}"><div class="post_detail">27 Sep 2016</div>
            <p>{story}</p></div><div class="sidebar"><span class="date">3 Oct 2019</span>
            </div></body></html>"#
        )
    };
    for class in ["sidebar_content", "mainwrap single sidebar"] {
        let html = page(class);
        assert_eq!(
            publication_date(&html, None, today()),
            Some(day(2016, 9, 27)),
            "{class}"
        );
    }
    // A real sidebar, with little of the page's text, stays furniture.
    let html = format!(
        r#"<html><body><p>{story}</p><div class="sidebar_content">
        <span class="date">3 Oct 2019</span> Recent posts</div></body></html>"#
    );
    assert_eq!(publication_date(&html, None, today()), None);
}

#[test]
fn a_publication_class_and_a_kicker_line_give_the_day() {
    assert_eq!(
        date_of(
            "",
            r#"<h1>Title</h1><div class="publication"> jeudi 13 juin 2019</div><p>Text.</p>"#
        ),
        Some(day(2019, 6, 13))
    );
    // A date line just above the headline, none below it.
    let story = "The story goes on without a date. ".repeat(30);
    let html = format!(
        r#"<html><body><div class="nav">Home News</div><p>02.02.2022 10:16 Uhr - Liga</p>
        <h1>Headline</h1><p>{story}</p><p>More news of 12.01.2022</p></body></html>"#
    );
    let cands = candidates(&html, None, today());
    assert!(
        cands
            .iter()
            .any(|c| c.source == Source::TextFirst && c.day == day(2022, 2, 2))
    );
}

#[test]
fn a_labelled_date_in_the_footer_is_the_last_resort() {
    let body = r#"<h1>Review</h1><p>Undated text.</p><footer><p>Letzte Änderung:
        31.10.2023<br>Erschienen am: 01.11.2023</p></footer>"#;
    assert_eq!(date_of("", body), Some(day(2023, 11, 1)));
    // Unlabelled footer dates are not evidence.
    let body = r#"<h1>Review</h1><p>Undated text.</p><footer>News of 01.11.2023</footer>"#;
    assert_eq!(date_of("", body), None);
}

#[test]
fn a_lone_date_yields_to_one_that_several_kinds_of_evidence_agree_on() {
    // A teaser's date comes first; the byline, the date class under the
    // headline and the text agree on another day.
    let body = r#"<div class="teaser"><em class="teaser-pubdate">04.11.2021</em></div>
        <h1>Title</h1><span class="meta">Stand: 12.11.2021</span>
        <p class="date">12.11.2021</p><p>Text.</p>"#;
    assert_eq!(date_of("", body), Some(day(2021, 11, 12)));
    // Alone against one other kind, the order of trust decides.
    let body = format!(
        r#"<em class="pubdate">04.11.2021</em><h1>Title</h1><p>{}</p>
        <span class="meta">12.11.2021</span>"#,
        "Text. ".repeat(120)
    );
    assert_eq!(date_of("", &body), Some(day(2021, 11, 4)));
}

#[test]
fn labels_in_more_languages() {
    let body = |text: &str| format!("<h1>T</h1><p>{}</p><p>{text}</p>", "Слово. ".repeat(120));
    assert_eq!(
        date_of("", &body("Опубликовано: 15.08.2016")),
        Some(day(2016, 8, 15))
    );
    let html = format!(
        "<html><body>{}</body></html>",
        body("Обновлено: 15.08.2016")
    );
    let sources: Vec<Source> = candidates(&html, None, today())
        .iter()
        .map(|c| c.source)
        .collect();
    assert!(sources.contains(&Source::ModifiedText), "{sources:?}");
    assert!(!sources.contains(&Source::TextLabelled), "{sources:?}");
    assert_eq!(
        date_of("", &body("Opublikowano: 3 października 2020")),
        Some(day(2020, 10, 3))
    );
}

#[test]
fn json_ld_date_published() {
    let head = r#"<script type="application/ld+json">{"@context":"https://schema.org",
        "@type":"NewsArticle","headline":"A","datePublished":"2017-07-21T10:00:00+02:00",
        "dateModified":"2018-01-01"}</script>"#;
    assert_eq!(
        date_of(head, "<p>Nothing here.</p>"),
        Some(day(2017, 7, 21))
    );
}

#[test]
fn json_ld_graph_and_arrays() {
    let head = r#"<script type="application/ld+json">[{"@context":"https://schema.org",
        "@graph":[{"@type":"WebSite","name":"S"},
        {"@type":["BlogPosting"],"datePublished":["2019-03-04"]}]}]</script>"#;
    assert_eq!(date_of(head, ""), Some(day(2019, 3, 4)));
}

#[test]
fn json_ld_date_created_is_lower_than_published() {
    let head = r#"<script type="application/ld+json">{"@type":"Article",
        "dateCreated":"2016-01-01","datePublished":"2016-02-02"}</script>"#;
    assert_eq!(date_of(head, ""), Some(day(2016, 2, 2)));
    let head = r#"<script type="application/ld+json">{"@type":"Article",
        "dateCreated":"2016-01-01"}</script>"#;
    assert_eq!(date_of(head, ""), Some(day(2016, 1, 1)));
}

#[test]
fn json_ld_without_type_attribute_and_with_raw_newlines() {
    let head = "<script>{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\
        \"description\":\"two\nlines\",\"datePublished\":\"2020-05-06\"}</script>";
    assert_eq!(date_of(head, ""), Some(day(2020, 5, 6)));
}

#[test]
fn meta_tags() {
    for (name, attr) in [
        ("article:published_time", "property"),
        ("og:published_time", "property"),
        ("datePublished", "itemprop"),
        ("pubdate", "name"),
        ("publishdate", "name"),
        ("DC.date.issued", "name"),
        ("dcterms.created", "name"),
        ("parsely-pub-date", "name"),
        ("sailthru.date", "name"),
        ("citation_publication_date", "name"),
    ] {
        let head = format!(r#"<meta {attr}="{name}" content="2018-09-10T08:00:00Z">"#);
        assert_eq!(date_of(&head, ""), Some(day(2018, 9, 10)), "{name}");
    }
}

#[test]
fn itemprop_on_body_elements() {
    let body = r#"<span itemprop="datePublished" content="2015-04-03">3 April</span>"#;
    assert_eq!(date_of("", body), Some(day(2015, 4, 3)));
    let body = r#"<span itemprop="datePublished">3. April 2015</span>"#;
    assert_eq!(date_of("", body), Some(day(2015, 4, 3)));
}

#[test]
fn time_elements() {
    let body = r#"<article><h1>Title</h1><time datetime="2014-11-12T09:00" pubdate>
        12 Nov</time><p>Text.</p></article>"#;
    assert_eq!(date_of("", body), Some(day(2014, 11, 12)));
    let body = r#"<article><header><time class="entry-date published"
        datetime="2014-11-12">Nov 12</time><time class="updated"
        datetime="2015-01-01">Jan 1</time></header></article>"#;
    assert_eq!(date_of("", body), Some(day(2014, 11, 12)));
    let body = r#"<article><time datetime="2014-11-12">Nov 12</time></article>"#;
    assert_eq!(date_of("", body), Some(day(2014, 11, 12)));
}

#[test]
fn abbr_published() {
    let body = r#"<p>Posted at <abbr class="published" title="2016-12-23T05:11:00-05:00">
        5:11 AM</abbr></p>"#;
    assert_eq!(date_of("", body), Some(day(2016, 12, 23)));
}

#[test]
fn url_dates() {
    let page = "<html><body><p>No date in the text.</p></body></html>";
    for (url, want) in [
        ("https://example.org/2017/07/21/a-story/", day(2017, 7, 21)),
        (
            "https://example.org/news/2017-07-21-a-story.html",
            day(2017, 7, 21),
        ),
        ("https://example.org/news/20170721_story", day(2017, 7, 21)),
        ("https://example.org/item?date=2017-07-21", day(2017, 7, 21)),
    ] {
        assert_eq!(
            publication_date(page, Some(url), today()),
            Some(want),
            "{url}"
        );
    }
    let url = "https://example.org/2016/12/some-story.html";
    assert_eq!(publication_date(page, Some(url), today()), None);
}

#[test]
fn date_class_elements() {
    let body = r#"<h1>Title</h1><div class="post-meta">By Anna | 4. März 2021</div>
        <p>Body text with 1.000 words.</p>"#;
    assert_eq!(date_of("", body), Some(day(2021, 3, 4)));
    let body = r#"<div id="datum">21.07.2017</div><p>Text</p>"#;
    assert_eq!(date_of("", body), Some(day(2017, 7, 21)));
}

#[test]
fn labelled_text() {
    for (text, want) in [
        ("Published: 21 July 2017", day(2017, 7, 21)),
        (
            "Veröffentlicht am 21. Juli 2017 um 10:00 Uhr",
            day(2017, 7, 21),
        ),
        ("posted on July 21st, 2017 by someone", day(2017, 7, 21)),
        ("Publié le 21 juillet 2017", day(2017, 7, 21)),
        ("Publicado el 21 de julio de 2017", day(2017, 7, 21)),
    ] {
        let body = format!(
            "<div><a href='/'>Home</a></div><p>Some intro text that is long enough.</p>\
             <p>{text}</p><p>Other dates: 1 May 2010, 2 May 2011.</p>"
        );
        assert_eq!(date_of("", &body), Some(want), "{text}");
    }
}

#[test]
fn first_date_after_the_headline() {
    let body = "<nav>Archive: 3 March 2001</nav><h1>Headline</h1><p>9 June 2012</p>\
                <p>Later we mention 1 May 2010 and 2 May 2011.</p>";
    assert_eq!(date_of("", body), Some(day(2012, 6, 9)));
}

#[test]
fn a_lone_date_in_the_text() {
    let body = "<p>Some words.</p><p>More words, then 9.6.2012.</p>";
    assert_eq!(date_of("", body), Some(day(2012, 6, 9)));
    // Two different dates far below the top and nothing else: too weak.
    let filler = "words ".repeat(150);
    let body = format!("<p>{filler}</p><p>9.6.2012 and 10.6.2013.</p>");
    assert_eq!(date_of("", &body), None);
}

#[test]
fn published_beats_modified() {
    let head = r#"<meta property="article:modified_time" content="2020-02-02">
        <meta property="article:published_time" content="2019-01-01">"#;
    assert_eq!(date_of(head, ""), Some(day(2019, 1, 1)));
    let body = r#"<p class="date">Updated: 2 February 2020</p>
        <p class="date">Published: 1 January 2019</p>"#;
    assert_eq!(date_of("", body), Some(day(2019, 1, 1)));
}

#[test]
fn modified_alone_is_not_returned() {
    let head = r#"<meta property="article:modified_time" content="2020-02-02">"#;
    assert_eq!(date_of(head, "<p>Text.</p>"), None);
    // Below the headline an update date is not the article's date...
    let body = "<h1>T</h1><p>Zuletzt aktualisiert: 2. Februar 2020</p><p>1.1.2001</p>";
    assert_eq!(date_of("", body), None);
    // ...but when it is the only date of the page, it is the best there is.
    let body = "<p>Zuletzt aktualisiert: 2. Februar 2020</p>";
    assert_eq!(date_of("", body), Some(day(2020, 2, 2)));
}

#[test]
fn json_ld_beats_text() {
    let head = r#"<script type="application/ld+json">{"@type":"Article",
        "datePublished":"2019-01-01"}</script>"#;
    let body = "<h1>T</h1><p>Published: 5 May 2015</p><p>5 May 2015</p>";
    assert_eq!(date_of(head, body), Some(day(2019, 1, 1)));
}

#[test]
fn a_visible_day_next_to_a_utc_timestamp_wins() {
    let head = r#"<script type="application/ld+json">{"@type":"Article",
        "datePublished":"2023-11-09T03:00:00Z"}</script>"#;
    let body = r#"<h1>T</h1><span class="byline-date">November 8, 2023 at 8:00 p.m.</span>"#;
    assert_eq!(date_of(head, body), Some(day(2023, 11, 8)));
}

#[test]
fn keeps_the_local_day() {
    let head = r#"<meta property="article:published_time" content="2017-07-21T23:30:00-04:00">"#;
    assert_eq!(date_of(head, ""), Some(day(2017, 7, 21)));
    let head = r#"<meta property="article:published_time" content="2017-07-21T00:30:00+09:00">"#;
    assert_eq!(date_of(head, ""), Some(day(2017, 7, 21)));
}

#[test]
fn month_names_in_every_language() {
    for text in [
        "21. Juli 2017",
        "21 juillet 2017",
        "21 de julio de 2017",
        "21 luglio 2017",
        "21 de julho de 2017",
        "21 juli 2017",
        "July 21st, 2017",
        "Jul 21 2017",
    ] {
        let body = format!("<p>Veröffentlicht: {text}</p>");
        assert_eq!(date_of("", &body), Some(day(2017, 7, 21)), "{text}");
    }
    for (text, want) in [
        ("3. März 2020", day(2020, 3, 3)),
        ("3 février 2020", day(2020, 2, 3)),
        ("3 août 2020", day(2020, 8, 3)),
        ("3 de diciembre de 2020", day(2020, 12, 3)),
        ("3 maggio 2020", day(2020, 5, 3)),
        ("3 de março de 2020", day(2020, 3, 3)),
        ("3 maart 2020", day(2020, 3, 3)),
        ("3 Jänner 2020", day(2020, 1, 3)),
    ] {
        let body = format!("<p>Datum: {text}</p>");
        assert_eq!(date_of("", &body), Some(want), "{text}");
    }
}

#[test]
fn implausible_dates_are_rejected() {
    let head = r#"<meta property="article:published_time" content="1990-01-01">"#;
    assert_eq!(date_of(head, ""), None);
    let head = r#"<meta property="article:published_time" content="2027-01-01">"#;
    assert_eq!(date_of(head, ""), None);
    let head = r#"<meta property="article:published_time" content="1990-01-01">
        <meta name="date" content="2010-10-10">"#;
    assert_eq!(date_of(head, ""), Some(day(2010, 10, 10)));
}

#[test]
fn comments_are_not_the_article() {
    let body = r#"<article><h1>T</h1><p>Text.</p></article>
        <div id="comments"><time datetime="2021-01-01">1 Jan 2021</time>
        <p class="comment-date">2 Jan 2021</p></div>"#;
    assert_eq!(date_of("", body), None);
}

#[test]
fn markup_is_read_as_the_html_parser_reads_it() {
    // Many unclosed `<option>`s: the select still ends at `</select>`.
    let options = "<option>x".repeat(60);
    let body =
        format!("<form><select>{options}</select></form><h1>T</h1><p>Published: 21 July 2017</p>");
    assert_eq!(date_of("", &body), Some(day(2017, 7, 21)));
    // A `<title>` never closed holds the rest of the page, as in a browser.
    let html = "<html><head><title>T<body><p>Published: 21 July 2017</p>";
    assert_eq!(publication_date(html, None, today()), None);
}

#[test]
fn candidates_name_their_sources() {
    let html = r#"<head><meta property="article:published_time" content="2019-01-01"></head>
        <body><time datetime="2019-01-01" pubdate>x</time></body>"#;
    let cands = candidates(html, Some("https://x.org/2019/01/01/a"), today());
    let sources: Vec<Source> = cands.iter().map(|c| c.source).collect();
    assert!(sources.contains(&Source::MetaPublished));
    assert!(sources.contains(&Source::TimePublished));
    assert!(sources.contains(&Source::Url));
}

/// Decodes a saved page: a declared charset, else UTF-8, else a guess.
fn decode_page(bytes: &[u8]) -> String {
    crate::parse::decode::decode_html(bytes)
        .map(|t| t.into_owned())
        .unwrap_or_default()
}

/// Accuracy and precision on all the labelled pages stay near the measured
/// 0.922 / 0.955 (see `examples/score_dates.rs` for the full report, by
/// part).
#[test]
#[ignore = "needs ../shared/data"]
fn labelled_pages_score() {
    use std::io::Read;
    let dir = crate::data::shared_data().join("dates");
    let dir = dir.display();
    let labels: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{dir}/labels.json")).expect("labels.json"),
    )
    .expect("labels are JSON");
    let (mut all, mut returned, mut correct) = (0usize, 0usize, 0usize);
    for (file, label) in labels.as_object().expect("an object") {
        let raw = std::fs::read(format!("{dir}/html/{file}.gz")).expect("page");
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(&raw[..])
            .read_to_end(&mut bytes)
            .expect("gzip");
        let want = label["date"]
            .as_str()
            .and_then(|d| d.parse::<NaiveDate>().ok());
        let got = publication_date(&decode_page(&bytes), label["url"].as_str(), today());
        all += 1;
        if got.is_some() {
            returned += 1;
            correct += usize::from(got == want);
        }
    }
    let accuracy = correct as f64 / all as f64;
    let precision = correct as f64 / returned.max(1) as f64;
    assert!(accuracy >= 0.91, "accuracy {accuracy:.3}");
    assert!(precision >= 0.95, "precision {precision:.3}");
}

proptest! {
    #[test]
    fn never_panics_on_any_string(text in any::<String>()) {
        let _ = publication_date(&text, Some(&text), today());
    }

    #[test]
    fn never_panics_on_markup_like_strings(
        text in "[<>/a-z =\"'&#;0-9.:{}\\[\\]@-]{0,200}"
    ) {
        let _ = publication_date(&text, None, today());
        let wrapped = format!("<script type=\"application/ld+json\">{text}</script>{text}");
        let _ = publication_date(&wrapped, None, today());
    }
}
