//! Replays the fuzzers' committed inputs on stable: every seed
//! (`fuzz/seeds/TARGET`) and crash reproducer (`fuzz/regressions/TARGET`),
//! and the repository's own corpus and fixtures, through the same bodies as
//! the fuzz targets (`newsdex::fuzzing`), which panic when a parser panics
//! or breaks one of their properties. The long fuzz runs themselves are
//! `tools/fuzz/run.sh` (docs/reliability.md).

use std::path::{Path, PathBuf};

use newsdex::fuzzing;

type Body = fn(&[u8]);

/// Every target, by the name of its folder.
const TARGETS: [(&str, Body); 10] = [
    ("text", fuzzing::text),
    ("json", fuzzing::json),
    ("json_lines", fuzzing::json_lines),
    ("html", fuzzing::html),
    ("html_date", fuzzing::html_date),
    ("feed", fuzzing::feed),
    ("sgml", fuzzing::sgml),
    ("file", fuzzing::file),
    ("dates", fuzzing::dates),
    ("query", fuzzing::query),
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// Runs `body` on each file; returns the files that made it panic.
fn replay(body: Body, files: &[PathBuf]) -> Vec<String> {
    let mut failed = Vec::new();
    for file in files {
        let data = std::fs::read(file).unwrap();
        if std::panic::catch_unwind(|| body(&data)).is_err() {
            failed.push(file.display().to_string());
        }
    }
    failed
}

#[test]
fn committed_seeds_and_crash_reproducers_replay_without_panic() {
    let mut failed = Vec::new();
    let mut replayed = 0;
    for (name, body) in TARGETS {
        let seeds = files_under(&root().join("fuzz/seeds").join(name));
        assert!(!seeds.is_empty(), "no seeds for fuzz target {name}");
        let regressions = files_under(&root().join("fuzz/regressions").join(name));
        for files in [seeds, regressions] {
            replayed += files.len();
            failed.extend(replay(body, &files));
        }
    }
    assert!(failed.is_empty(), "panicked on {failed:#?}");
    assert!(replayed > 50, "only {replayed} inputs replayed");
}

#[test]
fn every_fuzz_target_has_a_body_here() {
    let targets = files_under(&root().join("fuzz/fuzz_targets"));
    let names: Vec<String> = targets
        .iter()
        .filter_map(|p| Some(p.file_stem()?.to_str()?.to_string()))
        .collect();
    let known: Vec<&str> = TARGETS.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, {
        let mut known = known.clone();
        known.sort();
        known
    });
    for target in &targets {
        let source = std::fs::read_to_string(target).unwrap();
        let name = target.file_stem().unwrap().to_str().unwrap();
        assert!(
            source.contains(&format!("newsdex::fuzzing::{name}(data)")),
            "{} does not call newsdex::fuzzing::{name}",
            target.display()
        );
    }
}

#[test]
fn the_repository_corpus_and_fixtures_replay_without_panic() {
    let mut files = files_under(&root().join("corpus"));
    files.extend(files_under(&root().join("tests/fixtures")));
    let mut failed = Vec::new();
    for file in &files {
        let targets: &[Body] = match file.extension().and_then(|e| e.to_str()) {
            Some("txt") => &[fuzzing::text, fuzzing::query],
            Some("json") => &[fuzzing::json],
            Some("jsonl") => &[fuzzing::json_lines],
            Some("html") => &[fuzzing::html, fuzzing::html_date],
            Some("rss") => &[fuzzing::feed],
            Some("sgm") => &[fuzzing::sgml],
            _ => &[],
        };
        for body in targets {
            failed.extend(replay(*body, std::slice::from_ref(file)));
        }
    }
    assert!(failed.is_empty(), "panicked on {failed:#?}");
}

/// The first crash of the query target: tantivy's phrase scorer asserted
/// (debug builds) when a negative phrase excluded documents before its
/// first match. With the assertion off (Cargo.toml), the answers are right.
#[test]
fn negative_phrases_exclude_exactly_their_matches() {
    let mut found = fuzzing::sample_titles("(harbour OR \"coast of\") AND NOT \"quiet trading\"");
    found.sort();
    assert_eq!(
        found,
        [
            "Harbour bridge reopens after repairs",
            "Tidal barrier closes for the storm"
        ]
    );
    assert!(fuzzing::sample_titles("steady -\"quiet trading\"").is_empty());
    assert_eq!(
        fuzzing::sample_titles("steady -\"quiet storm\""),
        ["Markets steady"]
    );
    assert_eq!(
        fuzzing::sample_titles("said -\"tidal barrier\""),
        ["Harbour bridge reopens after repairs"]
    );
}
