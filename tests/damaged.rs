//! A damaged index (broken meta.json or newsdex.json, a truncated, deleted
//! or corrupt segment file) gets a clear error naming the problem and
//! `ingest --rebuild` from every command, never a panic; `check` finds a
//! corrupt file by its checksum; `ingest --rebuild` repairs the index.

use std::fs;
use std::path::{Path, PathBuf};

use crate::util::{Dir, article};

fn corpus() -> Dir {
    let dir = Dir::new();
    dir.create(
        "a.txt",
        &article(
            "Summit in Geneva",
            "Emmanuel Macron met Olaf Scholz in Geneva.",
        ),
    );
    dir.create(
        "b.txt",
        &article("Port strike", "Dock workers in Rotterdam ended a strike."),
    );
    dir.ingest();
    dir
}

/// The index's segment files with this extension.
fn segment_file(index: &Path, extension: &str) -> PathBuf {
    fs::read_dir(index)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == extension))
        .unwrap_or_else(|| panic!("no .{extension} file in {}", index.display()))
}

/// Every command that opens the index.
const COMMANDS: [&[&str]; 8] = [
    &["search", "geneva"],
    &["people"],
    &["places", "--json"],
    &["stats"],
    &["show", "0123456789abcdef"],
    &["check"],
    &["export", "--to", "quickwit", "out"],
    &["ingest", "--no-progress", "corpus"],
];

fn assert_every_command_says_damaged(dir: &Dir, what: &str) {
    for args in COMMANDS {
        let (out, shown) = dir.command(args).output();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{what}: {shown}\n{stderr}");
        assert!(!stderr.contains("panicked"), "{what}: {shown}\n{stderr}");
        assert!(
            stderr.contains("ingest --rebuild"),
            "{what}: {shown}: the error names the fix\n{stderr}"
        );
    }
}

#[test]
fn broken_meta_json() {
    let dir = corpus();
    fs::write(dir.index().join("meta.json"), "{broken").unwrap();
    assert_every_command_says_damaged(&dir, "broken meta.json");
}

#[test]
fn broken_newsdex_json() {
    let dir = corpus();
    fs::write(dir.index().join("newsdex.json"), "garbage").unwrap();
    assert_every_command_says_damaged(&dir, "broken newsdex.json");
}

#[test]
fn truncated_segment_file() {
    let dir = corpus();
    let store = segment_file(&dir.index(), "store");
    let len = fs::metadata(&store).unwrap().len();
    fs::OpenOptions::new()
        .write(true)
        .open(&store)
        .unwrap()
        .set_len(len / 2)
        .unwrap();
    assert_every_command_says_damaged(&dir, "truncated .store");
}

#[test]
fn deleted_segment_file() {
    let dir = corpus();
    fs::remove_file(segment_file(&dir.index(), "idx")).unwrap();
    assert_every_command_says_damaged(&dir, "deleted .idx");
}

#[test]
fn check_finds_a_corrupt_byte_and_rebuild_repairs() {
    let dir = corpus();
    let (out, _) = dir.command(&["check"]).expect_code(0);
    assert_contains!(out, "2 articles from 2 files");
    let term = segment_file(&dir.index(), "term");
    let mut bytes = fs::read(&term).unwrap();
    let middle = bytes.len() / 3;
    bytes[middle] ^= 0xff;
    fs::write(&term, bytes).unwrap();
    let (out, _) = dir.command(&["check"]).expect_code(2);
    assert_contains!(out, "checksum mismatch");
    assert_contains!(out, "ingest --rebuild");
    let json = dir.command(&["check", "--json"]).expect_code(2).0;
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["ok"], false);
    assert_eq!(value["problems"].as_array().unwrap().len(), 1);

    dir.command(&["ingest", "--rebuild", "--no-progress", "corpus"])
        .stdout();
    let (out, _) = dir.command(&["check"]).expect_code(0);
    assert_contains!(out, "ok");
    dir.command(&["search", "geneva"]).stdout();
}
