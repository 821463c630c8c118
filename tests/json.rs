//! The JSON contract: every line parses into structs that reject unknown
//! fields, so a schema change is always deliberate.

// Every field is declared so that deny_unknown_fields pins the schema; not
// every test reads every field.
#![allow(dead_code)]

use serde::Deserialize;

use crate::util::{Dir, article, json_lines};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hit {
    pub id: String,
    pub score: f32,
    pub title: String,
    pub date: Option<String>,
    pub people: Vec<String>,
    pub places: Vec<String>,
    pub path: String,
    pub position: u64,
    pub snippet: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    pub name: String,
    pub articles: u64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mention {
    pub text: String,
    pub kind: String,
    pub name: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    #[serde(default)]
    pub id: Option<String>,
    pub path: String,
    pub position: u64,
    pub title: String,
    pub date: Option<String>,
    pub body: String,
    pub url: Option<String>,
    pub source: Option<String>,
    pub authors: Vec<String>,
    pub tags: Vec<String>,
    pub people: Vec<String>,
    pub places: Vec<String>,
    pub mentions: Vec<Mention>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dates {
    pub from_metadata: u64,
    pub from_path: u64,
    pub from_dateline: u64,
    pub dropped: u64,
    pub unparsed: u64,
    pub missing: u64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ingest {
    pub files_seen: u64,
    pub files_read: u64,
    pub added: u64,
    pub updated: u64,
    pub removed: u64,
    pub unchanged: u64,
    pub skipped: Vec<Skipped>,
    pub problems: Vec<Skipped>,
    pub dates: Dates,
    pub commits: u64,
    pub elapsed_ms: u64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stats {
    pub articles: u64,
    pub people: u64,
    pub places: u64,
    pub earliest: Option<String>,
    pub latest: Option<String>,
    pub undated: u64,
    pub files: u64,
    pub size_bytes: u64,
}

fn corpus() -> Dir {
    let dir = Dir::new();
    dir.create(
        "2024/04/25/summit.txt",
        &article(
            "Leaders meet in Geneva",
            "President Emmanuel Macron met Chancellor Olaf Scholz in Geneva to discuss <energy> & sanctions.\n\nMacron said sanctions would stay.",
        ),
    );
    dir.create(
        "feed.jsonl",
        "{\"title\": \"Port strike ends\", \"body\": \"Dock workers in Rotterdam ended a strike over pay.\", \"date\": \"2023-02-01\", \"url\": \"https://x.example/p\", \"author\": \"Ana Ruiz\"}\n",
    );
    dir
}

#[test]
fn ingest_summary_schema() {
    let dir = corpus();
    let out = dir.command(&["ingest", "--json", "corpus"]).stdout();
    let lines: Vec<Ingest> = json_lines(&out);
    assert_eq!(lines.len(), 1, "one summary object: {out}");
    let s = &lines[0];
    assert_eq!((s.files_seen, s.files_read, s.added), (2, 2, 2));
    assert_eq!((s.updated, s.removed, s.unchanged), (0, 0, 0));
    assert!(s.skipped.is_empty() && s.problems.is_empty());
    assert_eq!((s.dates.from_metadata, s.dates.from_path), (1, 1));
    assert!(s.commits >= 1);
}

#[test]
fn search_hit_schema_and_snippet_escaping() {
    let dir = corpus();
    dir.ingest();
    let out = dir.command(&["search", "sanctions", "--json"]).stdout();
    let hits: Vec<Hit> = json_lines(&out);
    assert_eq!(hits.len(), 1);
    let hit = &hits[0];
    assert_eq!(hit.title, "Leaders meet in Geneva");
    assert_eq!(hit.date.as_deref(), Some("2024-04-25"));
    assert_eq!(hit.id.len(), 16);
    assert!(hit.score > 0.0);
    assert!(hit.path.ends_with("summit.txt"), "{}", hit.path);
    assert!(hit.snippet.contains("<b>sanctions</b>"), "{}", hit.snippet);
    assert!(
        hit.snippet.contains("&lt;energy&gt; &amp;"),
        "{}",
        hit.snippet
    );
}

#[test]
fn show_and_extract_schema() {
    let dir = corpus();
    dir.ingest();
    let out = dir.command(&["extract", "--json", "corpus"]).stdout();
    let articles: Vec<Article> = json_lines(&out);
    assert_eq!(articles.len(), 2);
    let port = articles
        .iter()
        .find(|a| a.title == "Port strike ends")
        .unwrap();
    assert_eq!(port.id, None);
    assert_eq!(port.position, 1);
    assert_eq!(port.url.as_deref(), Some("https://x.example/p"));
    assert_eq!(port.authors, vec!["Ana Ruiz"]);
    assert_eq!(port.date.as_deref(), Some("2023-02-01"));

    let hits: Vec<Hit> = json_lines(&dir.command(&["search", "strike", "--json"]).stdout());
    let shown: Vec<Article> = json_lines(&dir.command(&["show", &hits[0].id, "--json"]).stdout());
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].id.as_deref(), Some(hits[0].id.as_str()));
    assert_eq!(shown[0].body, port.body);
    assert_eq!(shown[0].title, port.title);
}

#[test]
fn stats_schema() {
    let dir = corpus();
    dir.ingest();
    let stats: Vec<Stats> = json_lines(&dir.command(&["stats", "--json"]).stdout());
    let s = &stats[0];
    assert_eq!((s.articles, s.files, s.undated), (2, 2, 0));
    assert_eq!(s.earliest.as_deref(), Some("2023-02-01"));
    assert_eq!(s.latest.as_deref(), Some("2024-04-25"));
    assert!(s.size_bytes > 0);
}

#[test]
fn entity_listing_schema() {
    let dir = corpus();
    dir.ingest();
    let people: Vec<Entity> = json_lines(&dir.command(&["people", "--json"]).stdout());
    let macron = people.iter().find(|e| e.name == "Emmanuel Macron");
    assert_eq!(macron.map(|e| e.articles), Some(1), "{people:?}");
    let places: Vec<Entity> = json_lines(&dir.command(&["places", "--json"]).stdout());
    assert!(places.iter().any(|e| e.name == "Geneva"), "{places:?}");
}
