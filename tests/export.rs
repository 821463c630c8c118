//! `newsdex export`: the Quickwit and Elasticsearch files, checked field by
//! field against the documented shapes (README, "Scale-out").

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::json::Hit;
use crate::util::{Dir, article, json_lines};

/// A document as documented: every key known, `date` optional.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    id: String,
    title: String,
    body: String,
    #[serde(default)]
    date: Option<String>,
    people: Vec<String>,
    places: Vec<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    source: Option<String>,
    authors: Vec<String>,
    tags: Vec<String>,
    path: String,
    position: u64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Action {
    index: ActionId,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ActionId {
    #[serde(rename = "_id")]
    id: String,
}

fn corpus() -> Dir {
    let dir = Dir::new();
    dir.create(
        "2024/04/25/summit.txt",
        &article(
            "Leaders meet in Geneva",
            "President Emmanuel Macron met Chancellor Olaf Scholz in Geneva.\n\nMacron said talks would go on.",
        ),
    );
    dir.create(
        "feed.jsonl",
        "{\"title\": \"Port strike ends\", \"body\": \"Dock workers in Rotterdam ended a strike.\", \"date\": \"2023-02-01\", \"url\": \"https://x.example/p\", \"author\": \"Ana Ruiz\"}\n{\"title\": \"Undated note\", \"body\": \"Workers in Rotterdam met again.\"}\n",
    );
    dir.ingest();
    dir
}

fn files(dir: &Path, prefix: &str) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_str().unwrap();
            name.starts_with(prefix) && name.ends_with(".ndjson")
        })
        .collect();
    found.sort();
    found
}

/// The hits of `search '*'` by id: what each document must carry.
fn hits_by_id(dir: &Dir) -> BTreeMap<String, Hit> {
    json_lines::<Hit>(
        &dir.command(&["search", "*", "--json", "--limit", "100"])
            .stdout(),
    )
    .into_iter()
    .map(|h| (h.id.clone(), h))
    .collect()
}

fn check_doc(doc: &Doc, hits: &BTreeMap<String, Hit>, dir: &Dir) {
    let hit = &hits[&doc.id];
    assert_eq!(doc.title, hit.title);
    assert_eq!(doc.people, hit.people);
    assert_eq!(doc.places, hit.places);
    assert_eq!(doc.path, hit.path);
    assert_eq!(doc.position, hit.position);
    // RFC 3339 at midnight UTC of the day, or no field at all.
    assert_eq!(
        doc.date,
        hit.date.as_ref().map(|d| format!("{d}T00:00:00Z"))
    );
    // The whole body, as `show` has it.
    let shown: Vec<crate::json::Article> =
        json_lines(&dir.command(&["show", &doc.id, "--json"]).stdout());
    assert_eq!(doc.body, shown[0].body);
    assert_eq!(doc.url, shown[0].url);
    assert_eq!(doc.authors, shown[0].authors);
}

#[test]
fn quickwit_export_shapes() {
    let dir = corpus();
    let out = dir.path().join("qw");
    dir.command(&["export", "--to", "quickwit", out.to_str().unwrap()])
        .stdout();
    let config = std::fs::read_to_string(out.join("quickwit-index.yaml")).unwrap();
    for line in [
        "version: 0.8",
        "index_id: newsdex",
        "tokenizer: en_stem",
        "record: position",
        "fieldnorms: true",
        "type: array<text>",
        "timestamp_field: date",
        "default_search_fields: [title, body]",
        "input_formats: [rfc3339]",
    ] {
        assert_contains!(config, line);
    }
    let hits = hits_by_id(&dir);
    let chunks = files(&out, "docs-");
    assert_eq!(chunks.len(), 1);
    let text = std::fs::read_to_string(&chunks[0]).unwrap();
    assert!(text.ends_with('\n'));
    let docs: Vec<Doc> = json_lines(&text);
    assert_eq!(docs.len(), 3);
    for doc in &docs {
        check_doc(doc, &hits, &dir);
    }
    // Undated: the key is absent, not null.
    let undated = text.lines().find(|l| l.contains("Undated note")).unwrap();
    assert!(!undated.contains("\"date\""), "{undated}");
}

#[test]
fn elasticsearch_export_shapes_and_filters() {
    let dir = corpus();
    let out = dir.path().join("es");
    dir.command(&["export", "--to", "elasticsearch", out.to_str().unwrap()])
        .stdout();
    let mapping: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("elasticsearch-index.json")).unwrap(),
    )
    .unwrap();
    let props = &mapping["mappings"]["properties"];
    assert_eq!(props["title"]["analyzer"], "english");
    assert_eq!(props["body"]["analyzer"], "english");
    assert_eq!(props["people"]["fields"]["keyword"]["type"], "keyword");
    assert_eq!(props["places"]["fields"]["keyword"]["type"], "keyword");
    assert_eq!(props["date"]["type"], "date");
    // Every field a document has is mapped (the mapping is strict).
    assert_eq!(mapping["mappings"]["dynamic"], "strict");
    let hits = hits_by_id(&dir);
    let text = std::fs::read_to_string(&files(&out, "bulk-")[0]).unwrap();
    assert!(text.ends_with('\n'));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 6, "an action and a source per article");
    for pair in lines.chunks(2) {
        let action: Action = serde_json::from_str(pair[0]).unwrap();
        let doc: Doc = serde_json::from_str(pair[1]).unwrap();
        assert_eq!(action.index.id, doc.id);
        for key in serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(pair[1])
            .unwrap()
            .keys()
        {
            assert!(props.get(key).is_some(), "{key} is not mapped");
        }
        check_doc(&doc, &hits, &dir);
    }

    // Filters choose a subset; a second export replaces the first's files.
    dir.command(&[
        "export",
        "--to",
        "elasticsearch",
        "--since",
        "2024",
        out.to_str().unwrap(),
    ])
    .stdout();
    let chunks = files(&out, "bulk-");
    assert_eq!(chunks.len(), 1);
    let text = std::fs::read_to_string(&chunks[0]).unwrap();
    assert_eq!(text.lines().count(), 2);
    assert_contains!(text, "Leaders meet in Geneva");
    let (_, err) = dir
        .command(&[
            "export",
            "--to",
            "elasticsearch",
            "--query",
            "nosuchword",
            out.to_str().unwrap(),
        ])
        .expect_code(1);
    assert_contains!(err, "exported 0 articles");
}
