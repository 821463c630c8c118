//! One person, one row: the forms of a person's name are counted, found and
//! listed as one person, for whatever state the index is in.

use serde::Deserialize;

use crate::json::{Entity, Hit};
use crate::util::{Dir, article, json_lines};

/// One line of `people NAME --forms --json`.
#[derive(Debug, Deserialize)]
struct PersonForms {
    name: String,
    articles: u64,
    forms: Vec<Entity>,
}

/// Articles that write one senator four ways (two of them in one article)
/// and two presidents who share a first and last name.
fn corpus() -> Dir {
    let dir = Dir::new();
    for (name, title, body) in [
        (
            "a.txt",
            "Senate leader speaks on budget",
            "Chuck Schumer said on Monday that the budget talks had stalled. He spoke in Washington.",
        ),
        (
            "b.txt",
            "Budget vote delayed",
            "Senator Charles E. Schumer told reporters that the vote would wait until June.",
        ),
        (
            "c.txt",
            "Two views of the deal",
            "Charles Schumer, the senator from New York, said the deal was weak. Later Chuck Schumer added that talks would go on.",
        ),
        (
            "d.txt",
            "Aid for the states",
            "On Tuesday, Mr. Schumer pressed the White House for more aid to the states, and Schumer said the money was needed.",
        ),
        (
            "e.txt",
            "Library opens in Texas",
            "George W. Bush opened a library in Dallas on Thursday.",
        ),
        (
            "f.txt",
            "Bush speaks on the economy",
            "George W. Bush spoke about the economy in Houston.",
        ),
        (
            "g.txt",
            "A president remembered",
            "George H. W. Bush was remembered in College Station on Friday.",
        ),
        (
            "h.txt",
            "Letters of a president",
            "Letters written by George H.W. Bush were published on Sunday.",
        ),
    ] {
        dir.create(&format!("corpus/{name}"), &article(title, body));
    }
    dir.ingest();
    dir
}

fn people(dir: &Dir) -> Vec<(String, u64)> {
    let (out, _) = dir.command(&["people", "--json"]).expect_code(0);
    json_lines::<Entity>(&out)
        .into_iter()
        .map(|e| (e.name, e.articles))
        .collect()
}

fn articles_of(dir: &Dir, name: &str) -> Vec<String> {
    let (out, _) = dir.command(&["people", name, "--json"]).expect_code(0);
    let mut paths: Vec<String> = json_lines::<Hit>(&out)
        .into_iter()
        .map(|h| {
            let path = h.path.replace('\\', "/");
            path.rsplit('/').next().unwrap_or_default().to_string()
        })
        .collect();
    paths.sort();
    paths
}

fn row(name: &str, articles: u64) -> (String, u64) {
    (name.to_string(), articles)
}

#[test]
fn every_form_of_a_name_is_one_row_and_namesakes_stay_apart() {
    let dir = corpus();
    assert_eq!(
        people(&dir),
        vec![
            // c.txt writes two forms and counts once.
            row("Chuck Schumer", 4),
            row("George H. W. Bush", 2),
            row("George W. Bush", 2),
        ]
    );
}

#[test]
fn any_form_finds_every_article_of_the_person() {
    let dir = corpus();
    let all = vec!["a.txt", "b.txt", "c.txt", "d.txt"];
    for name in ["Chuck Schumer", "Charles Schumer", "charles e. schumer"] {
        assert_eq!(articles_of(&dir, name), all, "{name}");
    }
    assert_eq!(
        articles_of(&dir, "George H.W. Bush"),
        vec!["g.txt", "h.txt"]
    );
    assert_eq!(articles_of(&dir, "George W. Bush"), vec!["e.txt", "f.txt"]);
}

/// `people NAME` on a terminal says which persons an ambiguous name
/// matched, with each one's articles, counted with the hits: every form of
/// a person counts, and only the persons the name names are listed.
#[test]
fn an_ambiguous_name_says_which_persons_it_matched() {
    let dir = corpus();
    let (out, _) = dir
        .command(&["people", "bush", "--color", "never"])
        .expect_code(0);
    let first = out.lines().next().unwrap_or_default();
    assert_eq!(
        first,
        "\"bush\" matches 2 people: George H. W. Bush (2), George W. Bush (2)"
    );
    // One person: no such line, the hits come first.
    let (out, _) = dir
        .command(&["people", "Charles Schumer", "--color", "never"])
        .expect_code(0);
    assert!(out.starts_with("4 articles match"), "{out}");
}

#[test]
fn forms_show_what_was_merged() {
    let dir = corpus();
    let (out, _) = dir
        .command(&["people", "Charles Schumer", "--forms", "--json"])
        .expect_code(0);
    let persons = json_lines::<PersonForms>(&out);
    assert_eq!(persons.len(), 1, "{out}");
    let chuck = &persons[0];
    assert_eq!((chuck.name.as_str(), chuck.articles), ("Chuck Schumer", 4));
    let mut forms: Vec<(String, u64)> = chuck
        .forms
        .iter()
        .map(|f| (f.name.clone(), f.articles))
        .collect();
    forms.sort();
    assert_eq!(
        forms,
        vec![
            row("Charles E. Schumer", 1),
            row("Charles Schumer", 1),
            row("Chuck Schumer", 2),
            row("Schumer", 1),
        ]
    );
    let (human, _) = dir
        .command(&["people", "Chuck Schumer", "--forms"])
        .expect_code(0);
    assert_contains!(human, "Chuck Schumer  (4 articles)");
    dir.command(&["places", "Texas", "--forms"]).expect_code(2);
    dir.command(&["people", "--forms"]).expect_code(2);
}

#[test]
fn the_stored_persons_are_a_cache_the_answers_do_not_depend_on() {
    let dir = corpus();
    let stored = dir.index().join("persons.json");
    assert!(stored.is_file(), "ingest stores the persons");
    let want = people(&dir);
    std::fs::remove_file(&stored).unwrap();
    assert_eq!(people(&dir), want, "computed when missing");
    std::fs::write(&stored, b"{\"version\": 1, \"state\": [").unwrap();
    assert_eq!(people(&dir), want, "computed when unreadable");
    assert_eq!(articles_of(&dir, "Charles Schumer").len(), 4);
}

#[test]
fn a_namesake_added_later_changes_the_grouping_without_losing_an_article() {
    let dir = corpus();
    dir.create(
        "corpus/i.txt",
        &article(
            "Comedy tour announced",
            "Amy Schumer announced a comedy tour on Wednesday.",
        ),
    );
    dir.create(
        "corpus/j.txt",
        &article(
            "A new film",
            "The comedian Amy Schumer stars in a new film this summer.",
        ),
    );
    let before_stored = std::fs::read(dir.index().join("persons.json")).unwrap();
    dir.ingest();
    assert_ne!(
        std::fs::read(dir.index().join("persons.json")).unwrap(),
        before_stored,
        "stored again for the new commit"
    );
    // "Schumer" alone now fits two people: it joins neither, and as the
    // short form of several persons it is no row of its own; every other
    // article is counted exactly once.
    assert_eq!(
        people(&dir),
        vec![
            row("Chuck Schumer", 3),
            row("Amy Schumer", 2),
            row("George H. W. Bush", 2),
            row("George W. Bush", 2),
        ]
    );
    assert_eq!(
        articles_of(&dir, "Chuck Schumer"),
        vec!["a.txt", "b.txt", "c.txt"]
    );
    // No article is lost: the name finds all six, the bare one included.
    let all = articles_of(&dir, "Schumer");
    assert_eq!(all.len(), 6, "{all:?}");
    assert!(all.contains(&"d.txt".to_string()), "{all:?}");
}

/// The tagger reads a surname used as a modifier (`the Trump
/// administration`, `Trump-backed`) as another kind of name. Where the archive makes the
/// surname a form of one person, the lookup finds that article too; an
/// article that names another person of the surname is left to that one.
#[test]
fn a_lookup_finds_the_person_the_tagger_took_for_another_kind_of_name() {
    let dir = Dir::new();
    for (name, title, body) in [
        (
            "a.txt",
            "Rally in Ohio",
            "Donald Trump spoke to supporters in Ohio on Monday. Trump said the economy was strong.",
        ),
        (
            "b.txt",
            "Tariffs on steel",
            "Donald Trump announced tariffs on steel imports from Canada on Tuesday.",
        ),
        (
            "c.txt",
            "Budget talks",
            "President Trump said on Tuesday that the budget plan was weak.",
        ),
        (
            "d.txt",
            "Border rules",
            "The Trump administration announced new rules for the border on Wednesday.",
        ),
        (
            "e.txt",
            "Fashion line",
            "Ivanka Trump closed her fashion line. Critics of the Trump administration said little.",
        ),
        (
            "f.txt",
            "Trade mission",
            "Donald Trump met the prime minister of Japan in Tokyo on Friday.",
        ),
        (
            "g.txt",
            "Jobs report",
            "Donald Trump praised the jobs report on Saturday.",
        ),
        (
            "h.txt",
            "Senate vote",
            "The Trump-backed bill failed in the Senate on Thursday.",
        ),
        (
            "i.txt",
            "New rules",
            "The Trump Administration announced new rules on Friday.",
        ),
    ] {
        dir.create(&format!("corpus/{name}"), &article(title, body));
    }
    dir.ingest();
    // d.txt stores no person: the row counts the articles that do.
    assert_eq!(
        people(&dir),
        vec![row("Donald Trump", 5), row("Ivanka Trump", 1)]
    );
    assert_eq!(
        articles_of(&dir, "Donald Trump"),
        vec![
            "a.txt", "b.txt", "c.txt", "d.txt", "f.txt", "g.txt", "h.txt", "i.txt"
        ]
    );
    assert_eq!(articles_of(&dir, "Ivanka Trump"), vec!["e.txt"]);
}

/// A title before a surname names the person the archive writes it before
/// in full (`President Bill Clinton`), even where the article names another
/// person of that surname in full (`Hillary Clinton ... President Clinton`).
#[test]
fn a_title_and_a_surname_find_whom_the_archive_gives_that_title() {
    let dir = Dir::new();
    for (name, title, body) in [
        (
            "a.txt",
            "Speech in Little Rock",
            "Former President Bill Clinton spoke in Little Rock on Monday.",
        ),
        (
            "b.txt",
            "Foundation dinner",
            "President Bill Clinton hosted a dinner in New York on Tuesday.",
        ),
        (
            "c.txt",
            "A book on trade",
            "A new book by former President Bill Clinton was published on Friday.",
        ),
        (
            "d.txt",
            "Memoir tour",
            "William J. Clinton began a memoir tour in Chicago on Saturday.",
        ),
        (
            "e.txt",
            "Campaign in Iowa",
            "Hillary Clinton campaigned in Iowa on Monday. Her husband, former President Clinton, joined her at a rally in Des Moines.",
        ),
        (
            "f.txt",
            "Debate night",
            "Hillary Clinton debated her rivals in Las Vegas on Tuesday.",
        ),
    ] {
        dir.create(&format!("corpus/{name}"), &article(title, body));
    }
    dir.ingest();
    assert_eq!(
        articles_of(&dir, "Bill Clinton"),
        vec!["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"]
    );
    assert_eq!(articles_of(&dir, "Hillary Clinton"), vec!["e.txt", "f.txt"]);
}
