//! Ingest: formats, encodings, bad input, locking, index versions.

use std::io::Write;

use crate::json::{Article, Hit, Ingest};
use crate::util::{Dir, article, json_lines, summary};

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

#[test]
fn text_header_block_and_noise() {
    let dir = Dir::new();
    dir.copy_fixture("text/header-block.txt");
    let out = dir.command(&["extract", "--json", "corpus"]).stdout();
    let a: Vec<Article> = json_lines(&out);
    assert_eq!(a.len(), 1);
    let a = &a[0];
    assert_eq!(a.title, "River authority opens flood barrier");
    assert_eq!(a.date.as_deref(), Some("2024-02-09"));
    assert_eq!(a.authors, vec!["Priya Nair"]);
    assert_eq!(a.source.as_deref(), Some("Valley Courier"));
    assert!(!a.body.contains("Date:"), "{}", a.body);
    assert!(!a.body.contains("Photo:"), "caption kept: {}", a.body);
    assert!(!a.body.contains("Read More"), "trailer kept: {}", a.body);
    assert!(!a.body.contains("Share this"), "trailer kept: {}", a.body);
    assert!(a.body.contains("The barrier closed twice"), "{}", a.body);
}

#[test]
fn seed_article_has_clean_body() {
    let dir = Dir::new();
    let seed = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/corpus/000_12d0decf402e7c67.txt"
    ))
    .unwrap();
    dir.create_bytes("seed.txt", &seed);
    let a: Vec<Article> = json_lines(&dir.command(&["extract", "--json", "corpus"]).stdout());
    let body = &a[0].body;
    assert!(
        a[0].title
            .starts_with("Russian President Vladimir Putin to visit China")
    );
    for noise in [
        "Photo: Xinhua",
        "Read More",
        "Leave a Reply",
        "No imminent US sanctions on Chinese banks",
    ] {
        assert!(!body.contains(noise), "{noise:?} kept in body");
    }
    assert!(body.contains("Timing is everything on these announcements."));

    // People by full name; no organisation as a person or a place.
    let people = &a[0].people;
    for name in [
        "Vladimir Putin",
        "Antony Blinken",
        "Joe Biden",
        "Xi Jinping",
        "Janet Yellen",
        "Jake Sullivan",
        "Wang Yi",
        "Sergey Lavrov",
        "Robert Ross",
    ] {
        assert!(
            people.contains(&name.to_string()),
            "{name} missing: {people:?}"
        );
    }
    assert_eq!(people.len(), 9, "{people:?}");
    for org in ["Ningbo", "Boston", "Kremlin", "Izvestia", "White House"] {
        let found = a[0]
            .mentions
            .iter()
            .find(|m| m.text.contains(org) && m.kind != "other");
        assert!(found.is_none(), "{org} as {found:?}");
    }
    for place in ["China", "Russia", "Beijing", "Moscow", "Ukraine"] {
        assert!(
            a[0].places.contains(&place.to_string()),
            "{place}: {:?}",
            a[0].places
        );
    }
    // Mentions are exact text of the article, resolved to canonical names.
    let text = format!("{}\n{}", a[0].title, a[0].body);
    for m in &a[0].mentions {
        assert!(text.contains(&m.text), "{m:?}");
    }
    assert!(
        a[0].mentions
            .iter()
            .any(|m| m.text == "Blinken" && m.name == "Antony Blinken")
    );
}

#[test]
fn json_array_object_and_field_override() {
    let dir = Dir::new();
    dir.create(
        "list.json",
        r#"[{"headline": "One", "articleBody": "First body."}, {"headline": "Two", "content": "Second body."}]"#,
    );
    dir.create(
        "custom.json",
        r#"{"hed": "Custom", "copy": "Custom body text here.", "when": "2020-05-06"}"#,
    );
    let s = summary(&dir, &["corpus"]);
    assert_eq!(s.added, 3);
    let hits: Vec<Hit> = json_lines(&dir.command(&["search", "custom", "--json"]).stdout());
    // Without overrides the longest string is the body; title is missing.
    assert_eq!(hits.len(), 1);
    let (_, _) = dir
        .command(&[
            "ingest",
            "--rebuild",
            "--field",
            "title=hed",
            "--field",
            "date=when",
            "corpus",
        ])
        .expect_code(0);
    let hits: Vec<Hit> = json_lines(&dir.command(&["search", "title:custom", "--json"]).stdout());
    assert_eq!(hits[0].title, "Custom");
    assert_eq!(hits[0].date.as_deref(), Some("2020-05-06"));
    let (_, err) = dir
        .command(&["ingest", "--field", "nope=x", "corpus"])
        .expect_code(2);
    assert_contains!(err, "is not one of title, body, date");
}

#[test]
fn json_lines_bad_line_skips_only_that_line() {
    let dir = Dir::new();
    dir.create(
        "feed.jsonl",
        "{\"title\": \"Alpha\", \"body\": \"a\"}\n{\"title\": \"Beta\", \"body\": \n{\"title\": \"Gamma\", \"body\": \"c\"}\n",
    );
    let s = summary(&dir, &["corpus"]);
    assert_eq!(s.added, 2);
    assert_eq!(s.problems.len(), 1);
    assert!(s.problems[0].path.ends_with("feed.jsonl"));
    assert!(
        s.problems[0].reason.starts_with("line 2: invalid JSON"),
        "{}",
        s.problems[0].reason
    );
}

#[test]
fn gzip_is_read_transparently() {
    let dir = Dir::new();
    dir.create_bytes(
        "a.txt.gz",
        &gzip(article("Zipped text", "Gzipped tundra article.").as_bytes()),
    );
    dir.create_bytes(
        "b.jsonl.gz",
        &gzip(b"{\"title\": \"Zipped line\", \"body\": \"Gzipped tundra line.\"}\n"),
    );
    let s = summary(&dir, &["corpus"]);
    assert_eq!((s.added, s.skipped.len()), (2, 0));
    let hits: Vec<Hit> = json_lines(&dir.command(&["search", "tundra", "--json"]).stdout());
    assert_eq!(hits.len(), 2);
}

#[test]
fn latin1_and_bom_decode() {
    let dir = Dir::new();
    dir.create_bytes(
        "latin1.txt",
        b"Caf\xe9 culture returns\n\nThe caf\xe9s of S\xe3o Paulo reopened, and the pr\xe9sident visited na\xefve artists.\n",
    );
    dir.create_bytes(
        "bom.txt",
        b"\xef\xbb\xbfBOM headline\n\nA body after a byte order mark.\n",
    );
    let a: Vec<Article> = json_lines(&dir.command(&["extract", "--json", "corpus"]).stdout());
    let latin = a.iter().find(|a| a.path.ends_with("latin1.txt")).unwrap();
    assert_eq!(latin.title, "Café culture returns");
    assert!(latin.body.contains("São Paulo"), "{}", latin.body);
    let bom = a.iter().find(|a| a.path.ends_with("bom.txt")).unwrap();
    assert_eq!(bom.title, "BOM headline");
}

#[test]
fn bad_files_are_skipped_with_reasons() {
    let dir = Dir::new();
    dir.create("good.txt", &article("Good article", "It has a body."));
    dir.create("empty.txt", "  \n\n");
    dir.create_bytes(
        "binary.txt",
        &[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0, 0xff],
    );
    dir.create("broken.json", "{\"title\": ");
    dir.create_bytes("corrupt.txt.gz", b"\x1f\x8b\x08\x00garbage");
    dir.create("photo.jpg", "not an article");
    let s = summary(&dir, &["corpus"]);
    assert_eq!(s.added, 1);
    let reason = |name: &str| {
        s.skipped
            .iter()
            .find(|k| k.path.ends_with(name))
            .map(|k| k.reason.clone())
            .unwrap_or_else(|| panic!("{name} not skipped: {:?}", s.skipped))
    };
    assert_eq!(reason("empty.txt"), "empty file");
    assert_eq!(reason("binary.txt"), "not text (binary data)");
    assert!(reason("broken.json").starts_with("invalid JSON at line 1"));
    assert!(reason("corrupt.txt.gz").starts_with("invalid gzip data"));
    assert!(reason("photo.jpg").starts_with("unsupported file type .jpg"));

    // Human summary names each file and reason on stderr.
    let (_, err) = dir
        .command(&["ingest", "--rebuild", "corpus"])
        .expect_code(0);
    assert_contains!(err, "binary.txt: not text (binary data)");
    // --strict makes skips an error.
    let (_, err) = dir
        .command(&["ingest", "--strict", "corpus"])
        .expect_code(2);
    assert_contains!(err, "--strict");
}

#[test]
fn nothing_ingestible_is_an_error() {
    let dir = Dir::new();
    dir.create("empty.txt", "");
    let (_, err) = dir.command(&["ingest", "corpus"]).expect_code(2);
    assert_contains!(err, "nothing could be ingested");
    let (_, err) = dir.command(&["ingest", "does-not-exist"]).expect_code(2);
    assert_contains!(err, "no such file or directory");
}

#[test]
fn wire_datelines_take_their_year_from_the_path_or_the_text() {
    let dir = Dir::new();
    dir.create(
        "wires/2016/port.txt",
        "Port reopens\n\nHAMBURG, March 3 (Reuters) - The port reopened after the storm of 2014.\n",
    );
    dir.create(
        "wires/cut.txt",
        "Bank cuts rates\n\nBEIJING, April 25 (Reuters) - The bank cut rates for 2017, the first cut since 2015 and the only one planned for 2017.\n",
    );
    dir.create(
        "wires/undated.txt",
        "No year anywhere\n\nLIMA, May 2 - Nothing says which year this was.\n",
    );
    dir.create(
        "wires/items.jsonl",
        "{\"title\": \"Json wire\", \"body\": \"OSLO, Dec. 24 -- Snow fell on the 2019 market.\"}\n",
    );
    let s = summary(&dir, &["corpus"]);
    assert_eq!(s.dates.from_dateline, 3);
    let a: Vec<Article> = json_lines(&dir.command(&["extract", "--json", "corpus"]).stdout());
    let date = |title: &str| a.iter().find(|a| a.title == title).unwrap().date.clone();
    assert_eq!(date("Port reopens").as_deref(), Some("2016-03-03"));
    assert_eq!(date("Bank cuts rates").as_deref(), Some("2017-04-25"));
    assert_eq!(date("Json wire").as_deref(), Some("2019-12-24"));
    assert_eq!(date("No year anywhere"), None);
}

#[test]
fn dates_from_path_header_and_json_with_impossible_ones_dropped() {
    let dir = Dir::new();
    dir.create("2019/11/05/path-dated.txt", &article("Path dated", "x"));
    dir.create("news/2018-07-04-slug.txt", &article("Slug dated", "x"));
    dir.create(
        "hdr.txt",
        "Title: Header dated\nDate: Thursday, April 25, 2024\n\nBody.\n",
    );
    dir.create(
        "line.txt",
        "Line dated\nFriday, July 21, 2017\n\nBody under a date line.\n",
    );
    dir.create(
        "j.jsonl",
        concat!(
            "{\"title\": \"Iso local\", \"body\": \"x\", \"date\": \"2024-04-25T23:30:00-05:00\"}\n",
            "{\"title\": \"Us style\", \"body\": \"x\", \"date\": \"9/6/17\"}\n",
            "{\"title\": \"Year one\", \"body\": \"x\", \"date\": \"0001-11-30\"}\n",
            "{\"title\": \"Far future\", \"body\": \"x\", \"date\": \"2050-01-01\"}\n",
        ),
    );
    let s = summary(&dir, &["corpus"]);
    assert_eq!(s.dates.dropped, 2);
    assert_eq!(s.dates.from_path, 2);
    let a: Vec<Article> = json_lines(&dir.command(&["extract", "--json", "corpus"]).stdout());
    let date = |title: &str| a.iter().find(|a| a.title == title).unwrap().date.clone();
    assert_eq!(date("Path dated").as_deref(), Some("2019-11-05"));
    assert_eq!(date("Slug dated").as_deref(), Some("2018-07-04"));
    assert_eq!(date("Header dated").as_deref(), Some("2024-04-25"));
    assert_eq!(date("Line dated").as_deref(), Some("2017-07-21"));
    let line = a.iter().find(|a| a.title == "Line dated").unwrap();
    assert_eq!(line.body, "Body under a date line.");
    assert_eq!(date("Iso local").as_deref(), Some("2024-04-25"));
    assert_eq!(date("Us style").as_deref(), Some("2017-09-06"));
    assert_eq!(date("Year one"), None);
    assert_eq!(date("Far future"), None);
}

#[test]
fn hidden_files_and_the_index_folder_are_not_walked() {
    let dir = Dir::new();
    dir.create("a.txt", &article("Visible", "x"));
    dir.create(".hidden.txt", &article("Hidden", "x"));
    dir.create(".git/x.txt", &article("Git", "x"));
    // An index inside the corpus folder.
    let inner = dir.corpus().join("idx");
    dir.command_at(&inner, &["ingest", "corpus"]).expect_code(0);
    let out = dir
        .command_at(&inner, &["ingest", "--json", "corpus"])
        .stdout();
    let s: Ingest = serde_json::from_str(&out).unwrap();
    assert_eq!((s.files_seen, s.unchanged, s.added), (1, 1, 0), "{out}");
}

#[test]
fn second_writer_gets_a_clear_error_and_search_still_works() {
    let dir = Dir::new();
    dir.create(
        "a.txt",
        &article("Locked article", "Searchable while locked."),
    );
    dir.ingest();
    // Hold the write lock the way a running ingest does.
    let index = newsdex::NewsIndex::open(&dir.index()).unwrap();
    let writer = index.writer(20_000_000, 1).unwrap();
    let (_, err) = dir.command(&["ingest", "corpus"]).expect_code(2);
    assert_contains!(err, "is being written by another ingest");
    let out = dir.command(&["search", "searchable"]).stdout();
    assert_contains!(out, "Locked article");
    drop(writer);
    dir.command(&["ingest", "corpus"]).expect_code(0);
}

#[test]
fn incompatible_index_says_how_to_rebuild() {
    let dir = Dir::new();
    dir.create("a.txt", &article("Versioned", "x"));
    dir.ingest();
    std::fs::write(
        dir.index().join("newsdex.json"),
        r#"{"format": 999, "written_by": "newsdex 9.9.9"}"#,
    )
    .unwrap();
    let (_, err) = dir.command(&["search", "versioned"]).expect_code(2);
    assert_contains!(err, "newsdex 9.9.9");
    assert_contains!(err, "newsdex ingest --rebuild");
    let (_, err) = dir.command(&["ingest", "corpus"]).expect_code(2);
    assert_contains!(err, "--rebuild");
    dir.command(&["ingest", "--rebuild", "corpus"])
        .expect_code(0);
    dir.command(&["search", "versioned"]).expect_code(0);
}

#[test]
fn a_folder_that_is_not_an_index_is_refused() {
    let dir = Dir::new();
    dir.create("a.txt", &article("A", "x"));
    std::fs::create_dir_all(dir.index()).unwrap();
    std::fs::write(dir.index().join("precious.doc"), "keep me").unwrap();
    let (_, err) = dir.command(&["ingest", "corpus"]).expect_code(2);
    assert_contains!(err, "is not a newsdex index");
    let (_, err) = dir
        .command(&["ingest", "--rebuild", "corpus"])
        .expect_code(2);
    assert_contains!(err, "is not a newsdex index");
    assert!(dir.index().join("precious.doc").exists());
}

#[test]
fn an_index_creation_cut_short_is_taken_as_an_empty_folder() {
    // What an ingest SIGKILLed while creating its index leaves: the marker
    // (written first, here cut off mid-write) and tantivy's hidden files,
    // but no meta.json. The next ingest creates the index there.
    let dir = Dir::new();
    dir.create(
        "a.txt",
        &article("Second attempt", "The index is created anew."),
    );
    std::fs::create_dir_all(dir.index()).unwrap();
    std::fs::write(dir.index().join("newsdex.json"), "{\n  \"form").unwrap();
    std::fs::write(dir.index().join(".managed.json"), "[]").unwrap();
    std::fs::write(dir.index().join(".tmpAb12Cd"), "").unwrap();
    let s = dir.ingest();
    assert_eq!(s.added, 1);
    dir.command(&["search", "attempt"]).expect_code(0);
    dir.command(&["check"]).expect_code(0);
}

#[test]
fn an_index_path_that_is_a_file_is_refused() {
    let dir = Dir::new();
    dir.create("a.txt", &article("A", "x"));
    let file = dir.create("not-a-folder", "x");
    let (_, err) = dir.command_at(&file, &["ingest", "corpus"]).expect_code(2);
    assert_contains!(err, "is a file, not an index folder");
    let (_, err) = dir.command_at(&file, &["search", "x"]).expect_code(2);
    assert_contains!(err, "is a file, not an index folder");
}

#[test]
fn reuters_sgml_items_with_tags() {
    let dir = Dir::new();
    dir.copy_fixture("sgml/wire.sgm");
    let a: Vec<Article> = json_lines(&dir.command(&["extract", "--json", "corpus"]).stdout());
    assert_eq!(a.len(), 2);
    assert_eq!(a[0].position, 101);
    assert_eq!(a[0].title, "COFFEE PRODUCERS <MEET> IN LONDON ON QUOTAS");
    assert_eq!(a[0].date.as_deref(), Some("1987-03-02"));
    assert_eq!(
        a[0].tags,
        vec![
            "coffee",
            "brazil",
            "colombia",
            "jorio-dauster",
            "ico-coffee"
        ]
    );
    assert!(
        a[0].body.ends_with("before the end of the month."),
        "{}",
        a[0].body
    );
    assert!(
        !a[0]
            .people
            .iter()
            .any(|p| p.contains("dauster") && p.contains('-'))
    );
    assert_eq!(
        (a[1].position, a[1].title.as_str(), a[1].body.as_str()),
        (102, "TIN PRICES EASE IN PENANG", "")
    );

    dir.ingest();
    let hits: Vec<Hit> = json_lines(&dir.command(&["search", "tags:colombia", "--json"]).stdout());
    assert_eq!(hits.len(), 1);
    dir.command(&["search", "--place", "colombia", "coffee"])
        .expect_code(1);
}

#[test]
fn html_pages_and_feeds_are_read() {
    let dir = Dir::new();
    // The sample page and feed of the repository's corpus/ (our own text).
    for (from, to) in [
        ("2023-11-02-tidal-barrier.html", "harbour-page.html"),
        ("valley-herald.rss", "valley.rss"),
    ] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("corpus")
            .join(from);
        dir.create_bytes(to, &std::fs::read(path).unwrap());
    }
    let s = summary(&dir, &["corpus"]);
    assert_eq!((s.added, s.skipped.len()), (3, 0), "{s:?}");
    let a: Vec<Article> = json_lines(&dir.command(&["extract", "--json", "corpus"]).stdout());
    let page = a
        .iter()
        .find(|a| a.path.ends_with("harbour-page.html"))
        .unwrap();
    assert_eq!(page.title, "Tidal barrier closes for the winter");
    assert_eq!(
        page.date.as_deref(),
        Some("2023-11-02"),
        "published, local day"
    );
    assert_eq!(page.authors, vec!["Petra Lindqvist"]);
    assert_eq!(page.source.as_deref(), Some("Coastline Courier"));
    assert_eq!(
        page.url.as_deref(),
        Some("https://courier.example/2023/11/02/tidal-barrier")
    );
    assert!(
        page.body.starts_with("The tidal barrier at Marrow Point"),
        "{}",
        page.body
    );
    assert!(
        page.body.ends_with("shops along the quay."),
        "{}",
        page.body
    );
    for noise in ["Most read", "Advertisement", "Copyright", "Home"] {
        assert!(!page.body.contains(noise), "{noise} in {}", page.body);
    }

    let items: Vec<&Article> = a
        .iter()
        .filter(|a| a.path.ends_with("valley.rss"))
        .collect();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].title, "Orchard harvest beats forecasts");
    assert_eq!(items[0].position, 0);
    assert_eq!(items[0].date.as_deref(), Some("2024-09-08"), "local day");
    assert_eq!(items[0].source.as_deref(), Some("Valley Herald"));
    assert_eq!(
        items[1].body,
        "Repairs to the old stone bridge begin on Monday and will close one lane for three weeks."
    );
    let hits = dir.command(&["search", "orchard", "--json"]).stdout();
    assert_contains!(hits, "Orchard harvest beats forecasts");
}

#[test]
fn newsdex_trace_marks_the_writer_stages_on_stderr() {
    let dir = Dir::new();
    dir.create("a.txt", &article("Traced article", "Its ingest is traced."));
    dir.create("b.txt", &article("Second article", "Also traced."));
    let mut traced = dir.command(&["ingest", "--no-progress", "corpus"]);
    traced.cmd.env("NEWSDEX_TRACE", "1");
    let (_, err) = traced.expect_code(0);
    let stages: Vec<String> = err
        .lines()
        .filter_map(|line| line.strip_prefix("newsdex: trace: "))
        .map(|rest| {
            let (seconds, stage) = rest.split_once(' ').unwrap();
            assert!(seconds.parse::<f64>().is_ok(), "{rest}");
            stage.to_string()
        })
        .collect();
    assert_eq!(
        stages,
        [
            "start 2 files",
            "commit start",
            "commit end",
            "finishing",
            "done"
        ],
        "{err}"
    );
    // Off by default.
    dir.create("c.txt", &article("Third article", "Not traced."));
    let (_, err) = dir
        .command(&["ingest", "--no-progress", "corpus"])
        .expect_code(0);
    assert!(!err.contains("trace"), "{err}");
}
