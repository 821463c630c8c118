//! `timeline` and `related`: counts over every match, JSON Lines and the
//! human chart.

use serde::Deserialize;

use crate::util::{Dir, article, json_lines};

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Bucket {
    pub start: String,
    pub end: String,
    pub count: u64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Companion {
    pub name: String,
    pub kind: String,
    pub together: u64,
    pub articles: u64,
    pub lift: f64,
    pub npmi: f64,
}

/// Five dated articles: Merkel in three (twice with Scholz, once with
/// Macron), Macron in two, one in Madrid the year before.
pub fn corpus() -> Dir {
    let dir = Dir::new();
    dir.create(
        "2024/01/05/a.txt",
        &article(
            "Merkel and Macron meet in Berlin",
            "German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin on Friday to discuss the budget.",
        ),
    );
    dir.create(
        "2024/01/20/b.txt",
        &article(
            "Macron visits Paris suburb",
            "French President Emmanuel Macron toured a Paris suburb with Anne Hidalgo, the mayor of Paris.",
        ),
    );
    dir.create(
        "2024/03/02/c.txt",
        &article(
            "Merkel speaks in Berlin",
            "Angela Merkel gave a speech in Berlin about energy. Olaf Scholz attended.",
        ),
    );
    dir.create(
        "2024/03/09/d.txt",
        &article(
            "Scholz and Merkel in Hamburg",
            "Olaf Scholz and Angela Merkel opened a port terminal in Hamburg.",
        ),
    );
    dir.create(
        "2023/12/30/e.txt",
        &article(
            "Year-end review in Madrid",
            "Pedro Sánchez reviewed the year in Madrid.",
        ),
    );
    dir.create(
        "undated.txt",
        &article("A note on energy", "Energy prices."),
    );
    dir.ingest();
    dir
}

fn bucket(start: &str, end: &str, count: u64) -> Bucket {
    Bucket {
        start: start.to_string(),
        end: end.to_string(),
        count,
    }
}

#[test]
fn timeline_by_month_fills_empty_months() {
    let dir = corpus();
    let out = dir
        .command(&["timeline", "--by", "month", "--json"])
        .stdout();
    assert_eq!(
        json_lines::<Bucket>(&out),
        vec![
            bucket("2023-12-01", "2023-12-31", 1),
            bucket("2024-01-01", "2024-01-31", 2),
            bucket("2024-02-01", "2024-02-29", 0),
            bucket("2024-03-01", "2024-03-31", 2),
        ]
    );
}

#[test]
fn timeline_counts_only_matches_and_picks_an_interval() {
    let dir = corpus();
    let out = dir
        .command(&["timeline", "--person", "Merkel", "--by", "week", "--json"])
        .stdout();
    let buckets = json_lines::<Bucket>(&out);
    assert_eq!(
        buckets.first(),
        Some(&bucket("2024-01-01", "2024-01-07", 1))
    );
    assert_eq!(buckets.last(), Some(&bucket("2024-03-04", "2024-03-10", 1)));
    assert_eq!(buckets.iter().map(|b| b.count).sum::<u64>(), 3);
    // Without --by, a span of about two months is drawn by day.
    let out = dir
        .command(&["timeline", "merkel", "--since", "2024", "--json"])
        .stdout();
    let buckets = json_lines::<Bucket>(&out);
    assert_eq!(buckets.len(), 65, "2024-01-05 to 2024-03-09");
    assert_eq!(buckets.iter().map(|b| b.count).sum::<u64>(), 3);
}

#[test]
fn timeline_draws_bars_for_people() {
    let dir = corpus();
    let out = dir.command(&["timeline", "--by", "year"]).stdout();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], format!("2023  1  {}", "█".repeat(10)));
    assert_eq!(lines[1], format!("2024  4  {}", "█".repeat(40)));
    assert_eq!(lines[2], "5 dated articles by year; 1 undated");
}

#[test]
fn timeline_of_nothing_exits_1_and_a_bad_query_exits_2() {
    let dir = corpus();
    let (out, _) = dir.command(&["timeline", "zeppelin"]).expect_code(1);
    assert_eq!(out.lines().last(), Some("0 dated articles by day"));
    let (_, err) = dir.command(&["timeline", "title:("]).expect_code(2);
    assert_contains!(err, "invalid query");
    let (_, err) = dir
        .command(&["timeline", "--by", "day", "--since", "2023-13"])
        .expect_code(2);
    assert_contains!(err, "invalid date");
}

#[test]
fn related_ranks_companions_by_specificity_and_by_count() {
    let dir = corpus();
    let out = dir
        .command(&[
            "related",
            "--person",
            "Merkel",
            "--min-count",
            "1",
            "--json",
        ])
        .stdout();
    let list = json_lines::<Companion>(&out);
    let people: Vec<&Companion> = list.iter().filter(|c| c.kind == "person").collect();
    let places: Vec<&Companion> = list.iter().filter(|c| c.kind == "place").collect();
    assert_eq!(people[0].name, "Olaf Scholz");
    assert_eq!((people[0].together, people[0].articles), (2, 2));
    // 2 shared × 6 articles / (3 with Merkel × 2 with Scholz) = 2.
    assert!((people[0].lift - 2.0).abs() < 1e-9, "{}", people[0].lift);
    assert!(people[0].npmi > 0.0);
    assert_eq!(people[1].name, "Emmanuel Macron");
    assert!(people[1].lift < 1.5);
    assert!(
        list.iter().all(|c| c.name != "Angela Merkel"),
        "the subject is not its own companion"
    );
    assert_eq!(places[0].name, "Berlin");
    assert_eq!(places[0].together, 2);
    // A minimum count of 2 keeps only those seen twice with Merkel.
    let out = dir
        .command(&["related", "--person", "Merkel", "--json"])
        .arg("--min-count")
        .arg("2")
        .stdout();
    let names: Vec<String> = json_lines::<Companion>(&out)
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, vec!["Olaf Scholz", "Berlin"]);
}

#[test]
fn related_by_count_and_under_a_filter() {
    let dir = corpus();
    let out = dir
        .command(&["related", "--place", "Berlin", "--rank", "count", "--json"])
        .stdout();
    let people: Vec<(String, u64)> = json_lines::<Companion>(&out)
        .into_iter()
        .filter(|c| c.kind == "person")
        .map(|c| (c.name, c.together))
        .collect();
    assert_eq!(
        people,
        vec![
            ("Angela Merkel".to_string(), 2),
            ("Emmanuel Macron".to_string(), 1),
            ("Olaf Scholz".to_string(), 1),
        ]
    );
    // Only March: Macron's January visit no longer counts.
    let out = dir
        .command(&["related", "--place", "Berlin", "--rank", "count"])
        .arg("--since")
        .arg("2024-03")
        .stdout();
    assert_contains!(out, "\"Berlin\" is in 1 of 2 articles");
    assert!(!out.contains("Macron"), "{out}");
}

#[test]
fn related_needs_a_subject_and_says_when_it_is_never_mentioned() {
    let dir = corpus();
    let (_, err) = dir.command(&["related"]).expect_code(2);
    assert_contains!(err, "--person");
    let (out, _) = dir
        .command(&["related", "--person", "Zelensky"])
        .expect_code(1);
    assert_contains!(out, "\"Zelensky\" is in 0 of 6 articles");
}
