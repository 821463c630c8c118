//! The bodies of the fuzz targets (`fuzz/fuzz_targets/`), one function per
//! target, shared with the replay test (`tests/fuzz_replay.rs`) so that the
//! two cannot drift apart. Not part of the library's API.
//!
//! Each function takes the fuzzer's bytes, runs them through a parser's
//! public entry point (no tagger) and panics when the parser panics or
//! breaks one of the properties checked here: every article has a title
//! or a body, no two articles of a file share a position (hence an id),
//! every error and problem says what went wrong, dates lie in the
//! plausible span, a streamed JSON Lines file gives the articles of the
//! file read whole.

use std::io::Read;
use std::path::Path;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};

use crate::dates::{self, DateParse};
use crate::parse::stream::JsonLinesReader;
use crate::parse::{self, ParseError, ParseOptions, Parsed, SourceFormat};
use crate::query::{DateBound, SearchRequest, Sort, parse_day_bound};

/// The fixed "today" of every target, so that a run is reproducible.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 15).expect("a real day")
}

fn options() -> ParseOptions {
    ParseOptions {
        field_keys: Vec::new(),
        today: Some(today()),
    }
}

/// Plain text files.
pub fn text(data: &[u8]) {
    let _ = check_bytes(data, SourceFormat::Text);
}

/// JSON files (an article or an array of them).
pub fn json(data: &[u8]) {
    let _ = check_bytes(data, SourceFormat::Json);
}

/// JSON Lines files read whole ([`parse::parse_bytes`]), and read as a
/// stream ([`JsonLinesReader`]): both must find the same articles.
pub fn json_lines(data: &[u8]) {
    let whole = check_bytes(data, SourceFormat::JsonLines);
    let streamed = stream_json_lines(data, false);
    // The whole-file reader also decodes legacy encodings and refuses
    // binary data; the stream reads UTF-8 lines. Compare where both read
    // the same text.
    if let Ok(text) = std::str::from_utf8(data)
        && !text.starts_with('\u{feff}')
    {
        match whole {
            Ok(parsed) => assert_eq!(
                parsed.articles, streamed,
                "the stream and the whole-file reader disagree"
            ),
            Err(ParseError::NoArticle(_)) | Err(ParseError::Empty) => {
                assert!(
                    streamed.is_empty(),
                    "the stream found articles in {whole:?}"
                )
            }
            Err(_) => {}
        }
    }
}

/// Every article of `data` read as the ingest streams a large JSON Lines
/// file: small batches, one article per line with [`parse::parse_json_line`].
fn stream_json_lines(data: &[u8], gzip: bool) -> Vec<crate::RawArticle> {
    let mut reader = JsonLinesReader::new(data, gzip);
    let mut articles = Vec::new();
    let mut last_line = 0;
    loop {
        let mut problems = Vec::new();
        let batch = reader.next_lines(3, 256, &mut problems);
        if batch.is_empty() && problems.is_empty() {
            break;
        }
        for problem in &problems {
            assert!(!problem.reason.is_empty(), "a problem without a reason");
        }
        for (line_no, line) in batch {
            assert!(line_no > last_line, "line {line_no} after {last_line}");
            last_line = line_no;
            match parse::parse_json_line(&line, line_no, &options()) {
                Ok(article) => {
                    check_article(&article);
                    articles.push(article);
                }
                Err(problem) => assert!(!problem.reason.is_empty(), "a problem without a reason"),
            }
        }
    }
    if let Some(damage) = reader.damage() {
        assert!(!damage.reason.is_empty(), "damage without a reason");
    }
    assert!(reader.bytes_read() <= data.len() as u64 || gzip);
    articles
}

/// HTML pages, with their publication day.
pub fn html(data: &[u8]) {
    if let Ok(parsed) = check_bytes(data, SourceFormat::Html) {
        for article in &parsed.articles {
            if let Some(date) = &article.date {
                let day = NaiveDate::parse_from_str(date, "%Y-%m-%d")
                    .unwrap_or_else(|_| panic!("page date {date:?} is not YYYY-MM-DD"));
                check_day(day);
            }
        }
    }
}

/// The publication day of a page ([`parse::html_date::publication_date`]).
/// A first line that starts with `http` is the page's URL, the rest is the
/// page.
pub fn html_date(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (url, html) = match text.split_once('\n') {
        Some((first, rest)) if first.starts_with("http") => (Some(first.trim()), rest),
        _ => (None, &text[..]),
    };
    if let Some(day) = parse::html_date::publication_date(html, url, today()) {
        check_day(day);
    }
}

/// RSS and Atom feeds.
pub fn feed(data: &[u8]) {
    let _ = check_bytes(data, SourceFormat::Feed);
}

/// Reuters-21578 SGML.
pub fn sgml(data: &[u8]) {
    let _ = check_bytes(data, SourceFormat::Sgml);
}

/// A file as the walk hands it over ([`parse::parse_file`]): the first byte
/// picks the format guessed from the name, the rest is the file, gunzipped
/// when it starts with the gzip magic (salvaging a damaged stream). A
/// gzipped JSON Lines file is also streamed: the stream keeps every
/// article that the whole-file reader keeps.
pub fn file(data: &[u8]) {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    const FORMATS: [SourceFormat; 6] = [
        SourceFormat::Text,
        SourceFormat::Json,
        SourceFormat::JsonLines,
        SourceFormat::Html,
        SourceFormat::Feed,
        SourceFormat::Sgml,
    ];
    let format = FORMATS[usize::from(pick) % FORMATS.len()];
    let gzip = pick >= 128;
    let result = parse::parse_file(bytes, format, gzip, &options());
    check_result(&result);
    if format == SourceFormat::JsonLines && parse::decode::is_gzip(bytes) {
        let streamed = stream_json_lines(bytes, true);
        if let Ok(parsed) = &result {
            let mut plain = Vec::new();
            let whole_stream = flate2::read::MultiGzDecoder::new(bytes)
                .read_to_end(&mut plain)
                .is_ok();
            if whole_stream
                && std::str::from_utf8(&plain).is_ok()
                && !plain.starts_with(b"\xef\xbb\xbf")
            {
                assert_eq!(
                    parsed.articles, streamed,
                    "the gzip stream and the whole-file reader disagree"
                );
            }
        }
    }
}

/// Date strings: metadata dates, dates in running text, wire datelines,
/// dates in paths and the command line's `--since`/`--until`.
pub fn dates(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    for today in [today(), NaiveDate::MIN, NaiveDate::MAX] {
        match dates::parse_date(&text, today) {
            DateParse::Day(day) => assert!(dates::in_range(day, today), "{day} out of range"),
            DateParse::OutOfRange(day) => {
                assert!(!dates::in_range(day, today), "{day} in range")
            }
            DateParse::Unparsed => {}
        }
        let mut last = None;
        for (offset, day) in dates::find_dates(&text, today) {
            assert!(
                text.is_char_boundary(offset),
                "offset {offset} inside a character"
            );
            assert!(
                last.is_none_or(|last| offset > last),
                "offsets out of order"
            );
            assert!(dates::in_range(day, today), "{day} out of range");
            last = Some(offset);
        }
        if let Some(year) = dates::year_hint(&text, today) {
            assert!((1900..=today.year()).contains(&year), "year {year}");
        }
        if let Some(day) = dates::date_from_path(Path::new(&*text), today) {
            assert!(dates::in_range(day, today), "{day} out of range");
        }
        if let Some(year) = dates::year_from_path(Path::new(&*text), today) {
            assert!((1800..=today.year()).contains(&year), "year {year}");
        }
    }
    if let Some(dates::WireDate::MonthDay(month, day)) = dates::wire_dateline(&text) {
        assert!((1..=12).contains(&month) && (1..=31).contains(&day));
    }
    for bound in [DateBound::Start, DateBound::End] {
        let _ = parse_day_bound(&text, bound);
    }
}

/// The query parser, and the search it compiles to, over a small index.
/// The first line is the query; a second and third line, when present,
/// are a person and a place filter.
pub fn query(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut lines = text.split('\n');
    let mut request = SearchRequest {
        text: lines.next().unwrap_or("").to_string(),
        limit: 3,
        ..SearchRequest::default()
    };
    if let Some(person) = lines.next().filter(|p| !p.is_empty()) {
        request.people.push(person.to_string());
    }
    if let Some(place) = lines.next().filter(|p| !p.is_empty()) {
        request.places.push(place.to_string());
    }
    request.sort = match data.len() % 3 {
        0 => Sort::Relevance,
        1 => Sort::Newest,
        _ => Sort::Oldest,
    };
    match crate::search(query_index(), &request) {
        Ok(results) => assert!(results.hits.len() <= results.total.min(request.limit)),
        Err(e) => assert!(!e.to_string().is_empty(), "an error without a message"),
    }
}

/// The titles of the sample index's articles that `text` finds, in the
/// order of the search (for tests of the answers, beside the fuzzing).
pub fn sample_titles(text: &str) -> Vec<String> {
    let request = SearchRequest {
        text: text.to_string(),
        ..SearchRequest::default()
    };
    let results = crate::search(query_index(), &request).expect("the query parses");
    results.hits.into_iter().map(|hit| hit.title).collect()
}

/// A small index of hand-written articles, in a fresh folder under the
/// temporary directory, built once per process.
fn query_index() -> &'static crate::NewsIndex {
    static INDEX: OnceLock<crate::NewsIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("newsdex-fuzz-query-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        build_sample_index(&dir).expect("the sample index builds")
    })
}

/// Writes three articles (with people, places and days) into a new index
/// at `dir` and opens it as the server does.
fn build_sample_index(dir: &Path) -> crate::Result<crate::NewsIndex> {
    use crate::model::{Article, ArticleId, Fingerprint};
    let samples = [
        (
            "Harbour bridge reopens after repairs",
            "The harbour bridge in Valley Town reopened on Monday. Mayor Ana Ruiz said repairs cost less than planned.",
            Some((2024, 3, 18)),
            vec!["Ana Ruiz"],
            vec!["Valley Town"],
        ),
        (
            "Tidal barrier closes for the storm",
            "Engineers closed the tidal barrier as the storm reached the coast of Northport. \"It held\", said Tom Okafor.",
            Some((2023, 11, 2)),
            vec!["Tom Okafor", "Ana Ruiz"],
            vec!["Northport"],
        ),
        (
            "Markets steady",
            "Shares were steady in quiet trading; rates did not change.",
            None,
            vec![],
            vec![],
        ),
    ];
    let index = crate::NewsIndex::open_or_create(dir, true)?;
    let mut writer = index.writer(15_000_000, 1)?;
    let path = dir.join("sample.jsonl");
    for (position, (title, body, date, people, places)) in samples.into_iter().enumerate() {
        let position = position as u64 + 1;
        let article = Article {
            id: ArticleId::from_source(&path, position),
            path: path.clone(),
            position,
            title: title.to_string(),
            body: body.to_string(),
            date: date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
            url: None,
            source: None,
            authors: Vec::new(),
            tags: Vec::new(),
            people: people.into_iter().map(str::to_string).collect(),
            places: places.into_iter().map(str::to_string).collect(),
            mentions: Vec::new(),
            others: Vec::new(),
            located: Vec::new(),
            styled: Vec::new(),
        };
        let fingerprint = Fingerprint {
            size: 1,
            mtime: 1,
            hash: 1,
        };
        writer.add(&article, &fingerprint)?;
    }
    writer.commit()?;
    writer.finish()?;
    drop(index);
    crate::NewsIndex::open_live(dir)
}

/// Parses `data` as `format` and checks the result.
fn check_bytes(data: &[u8], format: SourceFormat) -> Result<Parsed, ParseError> {
    let result = parse::parse_bytes(data, format, &options());
    check_result(&result);
    result
}

fn check_result(result: &Result<Parsed, ParseError>) {
    match result {
        Ok(parsed) => {
            let mut positions = std::collections::HashSet::new();
            for article in &parsed.articles {
                check_article(article);
                assert!(
                    positions.insert(article.position),
                    "position {} twice: two articles would share an id",
                    article.position
                );
            }
            for problem in &parsed.problems {
                assert!(!problem.reason.is_empty(), "a problem without a reason");
            }
        }
        Err(e) => assert!(!e.to_string().is_empty(), "an error without a message"),
    }
}

fn check_article(article: &crate::RawArticle) {
    assert!(
        !article.title.is_empty() || !article.body.is_empty(),
        "an article without title and body"
    );
    if let Some(dateline) = article.dateline {
        assert!((1..=12).contains(&dateline.month) && (1..=31).contains(&dateline.day));
    }
}

fn check_day(day: NaiveDate) {
    assert!(dates::in_range(day, today()), "{day} is not plausible");
}
