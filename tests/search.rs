//! Search: query syntax, filters, sorting, paging, exit codes.

use crate::json::Hit;
use crate::util::{Dir, article, json_lines};

fn corpus() -> Dir {
    let dir = Dir::new();
    dir.create(
        "2021/03/01/a.txt",
        &article(
            "Sanctions tighten on exporters",
            "New sanctions hit machine tools exporters. Officials in Madrid welcomed the move.",
        ),
    );
    dir.create(
        "2022/06/15/b.txt",
        &article(
            "Central bank holds interest rates",
            "The central bank held interest rates steady and said inflation was easing. Pedro Sánchez praised the decision.",
        ),
    );
    dir.create(
        "2023/09/30/c.txt",
        &article(
            "Rates rise again",
            "Banks raised their rates; a sanction on one lender was lifted. Tools for savers improved.",
        ),
    );
    dir.create(
        "undated.txt",
        &article("Undated note on tools", "Some tools and rates."),
    );
    dir.ingest();
    dir
}

fn titles(dir: &Dir, args: &[&str]) -> Vec<String> {
    let mut all = args.to_vec();
    all.push("--json");
    let (out, _) = dir.command(&all).expect_code(0);
    json_lines::<Hit>(&out)
        .into_iter()
        .map(|h| h.title)
        .collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn stemming_finds_singular_and_plural() {
    let dir = corpus();
    let want = sorted(vec![
        "Rates rise again".to_string(),
        "Sanctions tighten on exporters".to_string(),
    ]);
    assert_eq!(sorted(titles(&dir, &["search", "sanction"])), want);
    assert_eq!(sorted(titles(&dir, &["search", "SANCTIONS"])), want);
}

#[test]
fn accents_fold() {
    let dir = corpus();
    assert_eq!(
        titles(&dir, &["search", "sanchez"]),
        vec!["Central bank holds interest rates"]
    );
    assert_eq!(
        titles(&dir, &["search", "Sánchez"]),
        vec!["Central bank holds interest rates"]
    );
}

#[test]
fn all_words_required_unless_or() {
    let dir = corpus();
    assert_eq!(
        titles(&dir, &["search", "sanctions madrid"]),
        vec!["Sanctions tighten on exporters"]
    );
    assert_eq!(
        sorted(titles(&dir, &["search", "madrid OR inflation"])),
        vec![
            "Central bank holds interest rates",
            "Sanctions tighten on exporters"
        ]
    );
}

#[test]
fn phrases_and_exclusion() {
    let dir = corpus();
    assert_eq!(
        titles(&dir, &["search", "\"interest rates\""]),
        vec!["Central bank holds interest rates"]
    );
    assert_eq!(
        titles(&dir, &["search", "\"machine tools\""]),
        vec!["Sanctions tighten on exporters"]
    );
    assert_eq!(
        sorted(titles(&dir, &["search", "tools -sanctions"])),
        vec!["Undated note on tools"]
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>()
    );
    assert_eq!(
        sorted(titles(&dir, &["search", "tools AND NOT savers"])),
        vec!["Sanctions tighten on exporters", "Undated note on tools"]
    );
}

#[test]
fn field_prefixes() {
    let dir = corpus();
    assert_eq!(titles(&dir, &["search", "title:rates"]).len(), 2);
    assert_eq!(
        titles(&dir, &["search", "body:madrid"]),
        vec!["Sanctions tighten on exporters"]
    );
}

#[test]
fn title_matches_rank_first() {
    let dir = corpus();
    // "rates" is in two titles and three bodies; title hits come first.
    let got = titles(&dir, &["search", "rates"]);
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(
        got[..2].iter().all(|t| t.to_lowercase().contains("rates")),
        "{got:?}"
    );
}

#[test]
fn date_filters_and_sorting() {
    let dir = corpus();
    assert_eq!(
        titles(&dir, &["search", "tools", "--since", "2022"]),
        vec!["Rates rise again"]
    );
    assert_eq!(
        titles(&dir, &["search", "tools", "--until", "2021-03"]),
        vec!["Sanctions tighten on exporters"]
    );
    assert_eq!(
        titles(&dir, &["search", "rates", "--sort", "newest"]),
        vec![
            "Rates rise again",
            "Central bank holds interest rates",
            "Undated note on tools"
        ]
    );
    assert_eq!(
        titles(&dir, &["search", "rates", "--sort", "oldest"]),
        vec![
            "Central bank holds interest rates",
            "Rates rise again",
            "Undated note on tools"
        ]
    );
}

#[test]
fn paging_and_total() {
    let dir = corpus();
    let all = titles(&dir, &["search", "rates", "--sort", "newest"]);
    let page = titles(
        &dir,
        &[
            "search", "rates", "--sort", "newest", "--limit", "1", "--offset", "1",
        ],
    );
    assert_eq!(page, vec![all[1].clone()]);
    let human = dir.command(&["search", "rates", "--limit", "1"]).stdout();
    assert!(
        human.starts_with("3 articles match; showing 1-1"),
        "{human}"
    );
}

#[test]
fn nothing_found_exits_1() {
    let dir = corpus();
    let (out, _) = dir.command(&["search", "zeppelin"]).expect_code(1);
    assert!(out.starts_with("0 articles match"), "{out}");
    let (out, _) = dir
        .command(&["search", "zeppelin", "--json"])
        .expect_code(1);
    assert_eq!(out, "");
}

#[test]
fn bad_query_and_dates_are_errors() {
    let dir = corpus();
    let (_, err) = dir.command(&["search", "title:(rates"]).expect_code(2);
    assert_contains!(err, "invalid query");
    assert_contains!(err, "Query syntax");
    let (_, err) = dir
        .command(&["search", "rates", "--since", "2021/01/01"])
        .expect_code(2);
    assert_contains!(err, "expected YYYY, YYYY-MM or YYYY-MM-DD");
}

#[test]
fn missing_index_says_how_to_build_one() {
    let dir = Dir::new();
    let (_, err) = dir.command(&["search", "rates"]).expect_code(2);
    assert_contains!(err, "no index at");
    assert_contains!(err, "newsdex ingest");
}

#[test]
fn people_and_places_filters() {
    let dir = Dir::new();
    dir.create(
        "2024/01/10/a.txt",
        &article(
            "Talks in Beijing",
            "US Secretary of State Antony Blinken met Foreign Minister Wang Yi in Beijing. Blinken said talks were frank.",
        ),
    );
    dir.create(
        "2024/02/11/b.txt",
        &article(
            "Visit to Paris",
            "President Emmanuel Macron hosted Chancellor Olaf Scholz in Paris for talks on trade.",
        ),
    );
    dir.create(
        "2024/03/12/c.txt",
        &article(
            "Blinken returns",
            "Secretary of State Antony Blinken flew back to Washington after talks in Paris.",
        ),
    );
    dir.ingest();
    let got = titles(&dir, &["search", "talks", "--person", "Blinken"]);
    assert_eq!(sorted(got), vec!["Blinken returns", "Talks in Beijing"]);
    let got = titles(
        &dir,
        &["search", "talks", "--person", "blinken", "--place", "paris"],
    );
    assert_eq!(got, vec!["Blinken returns"]);
    let got = titles(&dir, &["search", "people:blinken"]);
    assert_eq!(got.len(), 2);

    // `people NAME`: newest first, same JSON as search.
    let got = titles(&dir, &["people", "Antony Blinken"]);
    assert_eq!(got, vec!["Blinken returns", "Talks in Beijing"]);
    let got = titles(&dir, &["places", "paris"]);
    assert_eq!(got, vec!["Blinken returns", "Visit to Paris"]);
    let (_, _) = dir.command(&["people", "Nobody Atall"]).expect_code(1);

    // Listing counts whole names.
    let out = dir.command(&["people"]).stdout();
    let first = out.lines().nth(1).unwrap_or_default();
    assert!(
        first.contains("2") && first.contains("Antony Blinken"),
        "{out}"
    );
}

#[test]
fn a_surname_alone_resolves_across_the_archive_when_unambiguous() {
    let dir = Dir::new();
    for (i, day) in ["2024/01/10", "2024/01/11"].iter().enumerate() {
        dir.create(
            &format!("{day}/full{i}.txt"),
            &article(
                &format!("Talks number {i}"),
                "Secretary of State Antony Blinken met his counterpart in Beijing.",
            ),
        );
    }
    dir.create(
        "2024/02/01/short.txt",
        &article(
            "Envoy travels",
            "Secretary Blinken flew to Tokyo on Tuesday, officials said.",
        ),
    );
    // Two common Bushes: "Bush" alone stays "Bush".
    for (i, who) in ["George W. Bush", "George W. Bush", "Jeb Bush", "Jeb Bush"]
        .iter()
        .enumerate()
    {
        dir.create(
            &format!("2015/03/0{}/bush{i}.txt", i + 1),
            &article(
                &format!("Campaign day {i}"),
                &format!("Former Governor {who} spoke to voters in Miami."),
            ),
        );
    }
    dir.create(
        "2015/04/01/bush-short.txt",
        &article("Rally", "Mr. Bush spoke to voters in Miami."),
    );
    dir.ingest();

    let (out, _) = dir.command(&["people", "--json"]).expect_code(0);
    let people: Vec<crate::json::Entity> = json_lines(&out);
    let count = |name: &str| people.iter().find(|e| e.name == name).map(|e| e.articles);
    assert_eq!(count("Antony Blinken"), Some(3), "{out}");
    assert_eq!(count("Blinken"), None, "{out}");
    // "Bush" alone fits two people: the short form of several persons is
    // no row of its own, and `--person Bush` still finds its article.
    assert_eq!(count("Bush"), None, "{out}");
    assert!(
        titles(&dir, &["search", "--person", "Bush", ""]).contains(&"Rally".to_string()),
        "the bare form's article is found"
    );

    let got = titles(&dir, &["search", "--person", "Antony Blinken", ""]);
    assert_eq!(
        sorted(got),
        vec!["Envoy travels", "Talks number 0", "Talks number 1"]
    );
    let got = titles(&dir, &["people", "Jeb Bush"]);
    assert_eq!(got.len(), 2, "{got:?}");
}
