//! Incremental ingest: unchanged, changed, added, deleted files.

use crate::json::{Hit, Ingest, Stats};
use crate::util::{Dir, article, json_lines, summary};

fn counts(s: &Ingest) -> (u64, u64, u64, u64) {
    (s.added, s.updated, s.removed, s.unchanged)
}

fn articles(dir: &Dir) -> u64 {
    let out = dir.command(&["stats", "--json"]).stdout();
    serde_json::from_str::<Stats>(&out).unwrap().articles
}

#[test]
fn unchanged_changed_added_deleted() {
    let dir = Dir::new();
    dir.create("a.txt", &article("Alpha", "original walrus text"));
    dir.create("b.txt", &article("Beta", "beta text"));
    dir.create(
        "sub/c.jsonl",
        "{\"title\": \"C1\", \"body\": \"x\"}\n{\"title\": \"C2\", \"body\": \"y\"}\n",
    );
    assert_eq!(counts(&summary(&dir, &["corpus"])), (4, 0, 0, 0));

    // A re-run over an unchanged corpus reads nothing and changes nothing.
    let s = summary(&dir, &["corpus"]);
    assert_eq!(counts(&s), (0, 0, 0, 4));
    assert_eq!(s.files_read, 0);

    // A changed file is replaced: no duplicate, new text searchable.
    let id_before: Vec<Hit> = json_lines(&dir.command(&["search", "walrus", "--json"]).stdout());
    dir.create("a.txt", &article("Alpha", "rewritten narwhal text"));
    assert_eq!(counts(&summary(&dir, &["corpus"])), (0, 1, 0, 3));
    assert_eq!(articles(&dir), 4);
    dir.command(&["search", "walrus"]).expect_code(1);
    let id_after: Vec<Hit> = json_lines(&dir.command(&["search", "narwhal", "--json"]).stdout());
    assert_eq!(
        id_before[0].id, id_after[0].id,
        "ids are stable across changes"
    );

    // A multi-article file that shrinks loses its missing positions.
    dir.create("sub/c.jsonl", "{\"title\": \"C1\", \"body\": \"x2\"}\n");
    assert_eq!(counts(&summary(&dir, &["corpus"])), (0, 1, 1, 2));

    // New and deleted files.
    dir.create("d.txt", &article("Delta", "d"));
    dir.remove("b.txt");
    assert_eq!(counts(&summary(&dir, &["corpus"])), (1, 0, 1, 2));
    assert_eq!(articles(&dir), 3);
    dir.command(&["search", "title:beta"]).expect_code(1);
}

#[test]
fn keep_missing_keeps_articles_of_deleted_files() {
    let dir = Dir::new();
    dir.create("a.txt", &article("Alpha", "x"));
    dir.create("b.txt", &article("Beta", "x"));
    summary(&dir, &["corpus"]);
    dir.remove("b.txt");
    assert_eq!(
        counts(&summary(&dir, &["--keep-missing", "corpus"])),
        (0, 0, 0, 1)
    );
    assert_eq!(articles(&dir), 2);
}

#[test]
fn ingesting_another_folder_keeps_the_first() {
    let dir = Dir::new();
    dir.create("one/a.txt", &article("Alpha", "x"));
    dir.create("two/b.txt", &article("Beta", "x"));
    summary(&dir, &["corpus/one"]);
    assert_eq!(counts(&summary(&dir, &["corpus/two"])), (1, 0, 0, 0));
    assert_eq!(articles(&dir), 2);
}

#[test]
fn touched_but_identical_file_is_unchanged() {
    let dir = Dir::new();
    let path = dir.create("a.txt", &article("Alpha", "x"));
    summary(&dir, &["corpus"]);
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(later)
        .unwrap();
    let s = summary(&dir, &["corpus"]);
    assert_eq!(counts(&s), (0, 0, 0, 1));
    assert_eq!(s.files_read, 1);
    // Its new fingerprint was stored: the next run does not read it.
    assert_eq!(summary(&dir, &["corpus"]).files_read, 0);
    assert_eq!(articles(&dir), 1);
}

#[test]
fn a_file_that_goes_bad_keeps_its_articles() {
    let dir = Dir::new();
    dir.create("a.json", r#"{"title": "Alpha", "body": "kept aardvark"}"#);
    summary(&dir, &["corpus"]);
    dir.create("a.json", r#"{"title": "Alpha", "body": "#);
    let s = summary(&dir, &["corpus"]);
    assert_eq!(s.skipped.len(), 1);
    assert_eq!(counts(&s), (0, 0, 0, 1));
    dir.command(&["search", "aardvark"]).expect_code(0);
}

/// A file over 1 MB is extracted and written in parts; its counts are
/// settled once, over all parts.
#[test]
fn large_json_lines_file_in_parts() {
    let dir = Dir::new();
    let filler = "word ".repeat(200);
    let lines = |n: usize| -> String {
        (0..n)
            .map(|i| format!("{{\"title\": \"Item {i}\", \"body\": \"uniq{i} {filler}\"}}\n"))
            .collect()
    };
    dir.create("big.jsonl", &lines(1300));
    assert!(
        std::fs::metadata(dir.corpus().join("big.jsonl"))
            .unwrap()
            .len()
            > 1 << 20
    );
    let s = summary(&dir, &["corpus"]);
    assert_eq!(counts(&s), (1300, 0, 0, 0));
    assert_eq!(articles(&dir), 1300);
    dir.create("big.jsonl", &lines(1200));
    assert_eq!(counts(&summary(&dir, &["corpus"])), (0, 1200, 100, 0));
    assert_eq!(articles(&dir), 1200);
    let out = dir.command(&["search", "uniq1199", "--json"]).stdout();
    assert_eq!(json_lines::<Hit>(&out).len(), 1);
    dir.command(&["search", "uniq1200"]).expect_code(1);
}
