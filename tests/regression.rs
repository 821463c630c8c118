//! Regressions and whole-pipeline properties.

use std::collections::HashSet;
use std::time::Duration;

use crate::json::{Hit, Stats};
use crate::util::{Dir, article, json_lines};

/// A killed ingest keeps what it committed; a re-run completes the job
/// without duplicates. The kill lands at an arbitrary point, so the test
/// checks the invariant that must hold wherever it lands.
#[test]
fn killed_ingest_then_rerun_has_no_duplicates() {
    let dir = Dir::new();
    let n = 1500;
    for i in 0..n {
        dir.create(
            &format!("batch{}/{i:05}.txt", i % 7),
            &article(
                &format!("Article {i}"),
                &format!("token{i} shared words about harbours"),
            ),
        );
    }
    let mut child = dir
        .command(&["ingest", "--commit-every", "1", "--no-progress", "corpus"])
        .cmd
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(400));
    let _ = child.kill();
    let _ = child.wait();

    dir.command(&["ingest", "--no-progress", "corpus"])
        .expect_code(0);
    let stats: Stats = serde_json::from_str(&dir.command(&["stats", "--json"]).stdout()).unwrap();
    assert_eq!(stats.articles, n);
    let out = dir
        .command(&["search", "harbours", "--json", "--limit", "5000"])
        .stdout();
    let hits: Vec<Hit> = json_lines(&out);
    let ids: HashSet<&str> = hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids.len() as u64, n);
    for i in [0, 777, n - 1] {
        let out = dir
            .command(&["search", &format!("token{i}"), "--json"])
            .stdout();
        assert_eq!(json_lines::<Hit>(&out).len(), 1, "token{i}");
    }
}

/// Every article can be found by a word only it contains (a model check
/// over generated corpora).
#[test]
fn every_article_is_found_by_its_unique_word() {
    use proptest::prelude::*;
    let config = ProptestConfig {
        cases: 6,
        ..ProptestConfig::default()
    };
    proptest!(config, |(bodies in proptest::collection::vec("[a-z ]{0,40}", 1..8))| {
        let dir = Dir::new();
        for (i, body) in bodies.iter().enumerate() {
            dir.create(&format!("{i}.txt"), &article(&format!("Headline {i}"), &format!("{body} qzx{i}unique")));
        }
        dir.ingest();
        for i in 0..bodies.len() {
            let out = dir.command(&["search", &format!("qzx{i}unique"), "--json"]).stdout();
            let hits: Vec<Hit> = json_lines(&out);
            prop_assert_eq!(hits.len(), 1);
            prop_assert_eq!(&hits[0].title, &format!("Headline {i}"));
        }
    });
}

/// `newsdex search x | head -1` must not report an error.
#[test]
fn closed_stdout_is_not_an_error() {
    use std::io::Read;
    use std::process::Stdio;
    let dir = Dir::new();
    for i in 0..300 {
        dir.create(
            &format!("{i}.txt"),
            &article(&format!("Pipe {i}"), "pipe body words"),
        );
    }
    dir.ingest();
    let mut child = dir
        .command(&["search", "pipe", "--limit", "300"])
        .cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 8];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // stdout is now closed.
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(status.success(), "exit {status:?}, stderr: {err}");
    assert_eq!(err, "");
}

#[test]
fn version_names_the_entity_model() {
    let dir = Dir::new();
    let out = dir.command(&["--version"]).stdout();
    assert_contains!(out, env!("CARGO_PKG_VERSION"));
    assert_contains!(out, newsdex::model_version!());
    assert_contains!(out, "entity model");
}
