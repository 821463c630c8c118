//! `--csv`: read back with the csv crate, the rows must be the `--json`
//! rows (lists joined by "; ", null dates empty, snippets as plain text).
//! Also the generated man page and completion scripts.

use serde_json::Value;

use crate::util::{Dir, article, json_lines};

fn corpus() -> Dir {
    let dir = Dir::new();
    dir.create(
        "2024/04/25/summit.txt",
        &article(
            "Leaders meet in Geneva, \"at last\"",
            "President Emmanuel Macron met Chancellor Olaf Scholz in Geneva to discuss <energy> & sanctions.\n\nMacron said sanctions would stay, in Paris and Berlin.",
        ),
    );
    dir.create(
        "undated.txt",
        &article(
            "Sanctions; a second look",
            "Olaf Scholz spoke in Berlin about sanctions\non two lines.",
        ),
    );
    dir.ingest();
    dir
}

/// The CSV as header + rows of strings.
fn read_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

/// A JSON value as its CSV cell.
fn cell(key: &str, value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) if key == "snippet" => s
            .replace("<b>", "")
            .replace("</b>", "")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&"),
        Value::String(s) => s.clone(),
        Value::Array(items) => items
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

/// Runs `args` with `--json` and with `--csv` and compares row by row.
fn assert_same_rows(dir: &Dir, args: &[&str]) -> usize {
    let json: Vec<serde_json::Map<String, Value>> =
        json_lines(&dir.command(&[args, &["--json"]].concat()).stdout());
    let csv_out = dir.command(&[args, &["--csv"]].concat()).stdout();
    assert!(
        csv_out.ends_with("\r\n"),
        "records end with CRLF: {csv_out:?}"
    );
    let (header, rows) = read_csv(&csv_out);
    assert_eq!(rows.len(), json.len(), "{args:?}:\n{csv_out}");
    for (row, object) in rows.iter().zip(&json) {
        // serde_json's map is sorted; compare the column set, then by name.
        let mut columns: Vec<&String> = header.iter().collect();
        columns.sort();
        assert_eq!(columns, object.keys().collect::<Vec<_>>(), "{args:?}");
        for (key, got) in header.iter().zip(row) {
            let value = &object[key];
            if value.is_number() {
                let (a, b) = (value.as_f64().unwrap(), got.parse::<f64>().unwrap());
                assert!((a - b).abs() < 1e-4, "{args:?} score {a} vs {b}");
            } else {
                assert_eq!(got, &cell(key, value), "{args:?} column {key}");
            }
        }
    }
    rows.len()
}

#[test]
fn csv_rows_are_the_json_rows() {
    let dir = corpus();
    assert_eq!(assert_same_rows(&dir, &["search", "sanctions"]), 2);
    assert!(assert_same_rows(&dir, &["people"]) >= 2);
    assert!(assert_same_rows(&dir, &["places"]) >= 2);
    assert_eq!(assert_same_rows(&dir, &["people", "olaf scholz"]), 2);
    assert_eq!(assert_same_rows(&dir, &["stats"]), 1);
    assert!(assert_same_rows(&dir, &["timeline", "--by", "year"]) >= 1);
    assert!(
        assert_same_rows(
            &dir,
            &["related", "--person", "olaf scholz", "--min-count", "1"]
        ) >= 1
    );
}

#[test]
fn csv_quotes_and_lists_cells() {
    let dir = corpus();
    let out = dir
        .command(&["search", "sanctions", "--sort", "newest", "--csv"])
        .stdout();
    let (header, rows) = read_csv(&out);
    assert_eq!(
        header,
        [
            "id", "score", "title", "date", "people", "places", "path", "position", "snippet"
        ]
    );
    // The title with a comma and quotes survives quoting.
    assert_eq!(rows[0][2], "Leaders meet in Geneva, \"at last\"");
    assert_eq!(rows[0][3], "2024-04-25");
    assert!(
        rows[0][4].contains("; "),
        "people in one cell: {}",
        rows[0][4]
    );
    assert!(
        rows[0][8].contains("<energy> & sanctions"),
        "{}",
        rows[0][8]
    );
    // Undated last under newest-first, with an empty date cell.
    assert_eq!(rows[1][3], "");
}

#[test]
fn csv_with_no_rows_has_a_header_and_exit_1() {
    let dir = corpus();
    let (out, _) = dir
        .command(&["search", "nonexistentword", "--csv"])
        .expect_code(1);
    assert_eq!(
        out,
        "id,score,title,date,people,places,path,position,snippet\r\n"
    );
}

#[test]
fn csv_and_json_together_is_a_usage_error() {
    let dir = corpus();
    let (_, err) = dir.command(&["people", "--csv", "--json"]).expect_code(2);
    assert_contains!(err, "--json");
}

#[test]
fn man_page_and_completions_are_generated() {
    let dir = Dir::new();
    let page = dir.command(&["man"]).stdout();
    assert!(
        page.starts_with(".ie") || page.contains(".TH newsdex 1"),
        "{page}"
    );
    for section in [
        ".SH SYNOPSIS",
        ".SH SUBCOMMANDS",
        ".SH \"EXIT STATUS\"",
        ".SH ENVIRONMENT",
    ] {
        assert_contains!(page, section);
    }
    let pages = dir.path().join("pages");
    dir.command(&["man", "--dir", pages.to_str().unwrap()])
        .stdout();
    for command in [
        "newsdex",
        "newsdex-ingest",
        "newsdex-search",
        "newsdex-people",
        "newsdex-stats",
    ] {
        let text = std::fs::read_to_string(pages.join(format!("{command}.1"))).unwrap();
        assert_contains!(text, &format!(".TH {command} 1"));
    }
    // The global --index reaches each command's page.
    let search = std::fs::read_to_string(pages.join("newsdex-search.1")).unwrap();
    assert_contains!(search, "index");
    assert_contains!(search, "csv");

    let bash = dir.command(&["completions", "bash"]).stdout();
    assert_contains!(bash, "complete -F _newsdex");
    assert_contains!(bash, "--since");
    let zsh = dir.command(&["completions", "zsh"]).stdout();
    assert_contains!(zsh, "#compdef newsdex");
    let fish = dir.command(&["completions", "fish"]).stdout();
    assert_contains!(fish, "complete -c newsdex");
    let (_, err) = dir.command(&["completions", "tcsh"]).expect_code(2);
    assert_contains!(err, "tcsh");
}
