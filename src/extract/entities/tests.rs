//! Tests of the rule-based extractor: table cases, the seed article,
//! evaluation on CoNLL-2003 (ignored: needs ../shared/data) and properties.
// The evaluation tests print their reports (read them with --nocapture).
#![allow(clippy::print_stdout, clippy::print_stderr)]

use super::*;

fn extract(title: &str, body: &str) -> Entities {
    RuleExtractor::new().extract(title, body)
}

fn people(body: &str) -> Vec<String> {
    extract("", body).people
}

fn places(body: &str) -> Vec<String> {
    extract("", body).places
}

fn seed() -> (String, String) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/corpus/000_12d0decf402e7c67.txt"
    );
    let text = std::fs::read_to_string(path).expect("seed article");
    let (title, body) = text.split_once('\n').unwrap_or((&text, ""));
    (title.trim().to_string(), body.trim_start().to_string())
}

#[test]
fn seed_article_people_and_places() {
    let (title, body) = seed();
    let entities = extract(&title, &body);
    let mut got = entities.people.clone();
    got.sort();
    let mut want = vec![
        "Vladimir Putin",
        "Antony Blinken",
        "Joe Biden",
        "Xi Jinping",
        "Janet Yellen",
        "Jake Sullivan",
        "Wang Yi",
        "Sergey Lavrov",
        "Robert Ross",
    ];
    want.sort();
    assert_eq!(got, want, "mentions: {:#?}", entities.mentions);
    for place in ["China", "Russia", "Beijing", "Moscow", "Ukraine"] {
        assert!(
            entities.places.iter().any(|p| p == place),
            "{place}: {:?}",
            entities.places
        );
    }
    for place in [
        "United States",
        "Shanghai",
        "Taiwan",
        "Europe",
        "United Kingdom",
    ] {
        assert!(
            entities.places.iter().any(|p| p == place),
            "{place}: {:?}",
            entities.places
        );
    }
    for place in ["Boston", "Ningbo"] {
        assert!(
            !entities.places.iter().any(|p| p == place),
            "{place}: {:?}",
            entities.places
        );
    }
    let short = |text: &str| {
        entities
            .mentions
            .iter()
            .find(|m| m.text == text && m.kind == EntityKind::Person)
            .map(|m| m.name.as_str())
    };
    assert_eq!(short("Blinken"), Some("Antony Blinken"));
    assert_eq!(short("Xi"), Some("Xi Jinping"));
    assert_eq!(short("Putin"), Some("Vladimir Putin"));
    assert_eq!(short("Ross"), Some("Robert Ross"));
    assert_eq!(short("Lavrov"), Some("Sergey Lavrov"));
    // Mentions come in order, title first, and are real text.
    assert_eq!(entities.mentions[0].text, "Vladimir Putin");
    for m in &entities.mentions {
        assert!(title.contains(&m.text) || body.contains(&m.text), "{m:?}");
    }
    // Blinken (6 mentions) beats Putin (5); China is the top place.
    assert_eq!(entities.people[0], "Antony Blinken");
    println!("people {:?}\nplaces {:?}", entities.people, entities.places);
    assert!(matches!(
        entities.places[0].as_str(),
        "China" | "Russia" | "Beijing"
    ));
}

#[test]
fn people_table() {
    let table: &[(&str, &[&str])] = &[
        // Title cues, with nationality adjectives in between.
        (
            "Russian President Vladimir Putin arrived.",
            &["Vladimir Putin"],
        ),
        (
            "He met US Secretary of State Antony Blinken on Monday.",
            &["Antony Blinken"],
        ),
        (
            "Biden called his Chinese counterpart Xi Jinping today.",
            &["Xi Jinping"],
        ),
        (
            "It was National Security Adviser Jake Sullivan who spoke.",
            &["Jake Sullivan"],
        ),
        (
            "Later, Foreign Minister Wang Yi and others arrived.",
            &["Wang Yi"],
        ),
        (
            "Chancellor of the Exchequer Gordon Brown spoke.",
            &["Gordon Brown"],
        ),
        ("The talks with Mr. Smith went well.", &["Smith"]),
        ("Talks with Mr Xi went well.", &["Xi"]),
        // Given names.
        (
            "A meeting with Angela Merkel ended early.",
            &["Angela Merkel"],
        ),
        (
            "They quoted Charles de Gaulle at length.",
            &["Charles de Gaulle"],
        ),
        ("He thanked George W. Bush warmly.", &["George W. Bush"]),
        // Speech verbs and appositions.
        ("\"No,\" said Gomez Trujillo. He left.", &["Gomez Trujillo"]),
        ("\"No,\" said Age Concern. It left.", &[]),
        ("Fans of Star Wars Episode III queued.", &[]),
        ("Welshman Ray Reardon won.", &["Ray Reardon"]),
        (
            "Democrats\u{2013}and some Republicans\u{2013}Romney has said his view.",
            &["Romney"],
        ),
        (
            "Kowalczyk Brandt, a political-science professor at Yale, agreed.",
            &["Kowalczyk Brandt"],
        ),
        ("Kowalczyk Brandt, 45, was arrested.", &["Kowalczyk Brandt"]),
        (
            "The plan is sound, said Okonkwo. He left early.",
            &["Okonkwo"],
        ),
        // A lone word with a speech verb needs a personal pronoun next.
        ("Growth will slow, said Gartner. It expects a rebound.", &[]),
        ("Black Spider said it had stopped the virus.", &[]),
        ("Security firm Network Box said he was wrong.", &[]),
        ("The TimeWarner said he was wrong.", &[]),
        ("Ernst & Young said he was wrong.", &[]),
        ("\"Great,\" said Aviator star Alan Alda.", &["Alan Alda"]),
        // Resolution of short forms.
        (
            "Prime Minister Boris Johnson spoke. Johnson said more. Johnson’s plan failed.",
            &["Boris Johnson"],
        ),
        (
            "Bashar al-Assad spoke. Assad said little.",
            &["Bashar al-Assad"],
        ),
        // Given-name + place-like surname.
        (
            "A film with Michael Jordan and Paris Hilton.",
            &["Michael Jordan"],
        ),
        // Not people.
        ("Shares of Ping An Bank and Bank of Ningbo fell.", &[]),
        ("He teaches at Boston College and Harvard University.", &[]),
        ("The White House and the Kremlin disagreed.", &[]),
        ("Officials said the deal was off.", &[]),
        ("Analysts said the Global South matters.", &[]),
        ("Microsoft said profits rose.", &[]),
        ("Manchester United beat Real Madrid.", &[]),
        ("The Stephen King novel sold well.", &["Stephen King"]),
    ];
    for (text, want) in table {
        let got = people(text);
        assert_eq!(&got, want, "{text}: {:?}", extract("", text).mentions);
    }
}

#[test]
fn ambiguous_surnames_are_not_resolved() {
    let text = "Ed Miliband and David Miliband met. Miliband said nothing.";
    let got = extract("", text);
    assert!(got.people.contains(&"Ed Miliband".to_string()));
    assert!(got.people.contains(&"David Miliband".to_string()));
    assert!(!got.mentions.iter().any(|m| m.text == "Miliband"));
}

#[test]
fn places_table() {
    let table: &[(&str, &[&str])] = &[
        (
            "He flew from New York to Hong Kong.",
            &["New York", "Hong Kong"],
        ),
        (
            "Tensions in the South China Sea and the Middle East grew.",
            &["South China Sea", "Middle East"],
        ),
        ("The US and U.S. officials and America.", &["United States"]),
        ("Britain and the UK are one.", &["United Kingdom"]),
        (
            "China-Russia ties and US-led talks.",
            &["China", "Russia", "United States"],
        ),
        ("Sino-Russian relations soured.", &[]),
        ("The Chinese and Russians disagreed.", &[]),
        ("He read the New York Times and China Daily.", &[]),
        ("The US Congress voted; Manchester United lost.", &[]),
        ("The Bank of England raised rates.", &[]),
        ("Boats on the Yangtze River.", &["Yangtze River"]),
        ("Climbers on Mount Everest.", &["Mount Everest"]),
        ("Moscow’s plan.", &["Moscow"]),
        ("Flights to Bogotá and Kiev.", &["Bogota", "Kyiv"]),
    ];
    for (text, want) in table {
        let mut got = places(text);
        got.sort();
        let mut want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
        want.sort();
        assert_eq!(got, want, "{text}: {:?}", extract("", text).mentions);
    }
}

#[test]
fn all_caps_lines_only_confirm_known_names() {
    let title = "SOCCER - MOYA BEATS RIOS IN LONDON";
    let body = "LONDON 1996-08-30\nCarlos Moya beat Marcelo Rios in a long match.";
    let got = extract(title, body);
    assert_eq!(got.people, vec!["Carlos Moya", "Marcelo Rios"]);
    assert_eq!(got.places, vec!["London"]);
    assert_eq!(got.mentions[0].text, "MOYA");
}

#[test]
fn headline_case_title_is_weak() {
    let title = "Putin To Visit China As Tensions Grow With Washington";
    let body = "Russian President Vladimir Putin will travel to China.";
    let got = extract(title, body);
    assert_eq!(got.people, vec!["Vladimir Putin"]);
    assert!(got.places.contains(&"China".to_string()));
    assert_eq!(got.mentions[0].text, "Putin");
}

#[test]
fn possessives_and_quotes() {
    let got = extract("", "“Yes,” said Robert Ross. Ross’s view and Ross 's view.");
    assert_eq!(got.people, vec!["Robert Ross"]);
    let texts: Vec<&str> = got.mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, vec!["Robert Ross", "Ross", "Ross"]);
}

#[test]
fn ordering_most_mentioned_first() {
    let got = extract(
        "",
        "Angela Merkel met Tony Blair. Blair spoke. Blair left. Merkel stayed in Berlin. \
         Paris, Berlin and Berlin again.",
    );
    assert_eq!(got.people, vec!["Tony Blair", "Angela Merkel"]);
    assert_eq!(got.places, vec!["Berlin", "Paris"]);
}

#[test]
fn empty_and_odd_input() {
    assert_eq!(extract("", ""), Entities::default());
    let _ = extract("’s", "'s - -- “ ” ‘ ’ ... U.S. A. ---Xi- -Wang");
    let _ = extract("Mr.", "Mr");
}

mod props {
    use super::*;
    use proptest::prelude::*;

    fn check(title: &str, body: &str) {
        let got = RuleExtractor::new().extract(title, body);
        for m in &got.mentions {
            assert!(title.contains(&m.text) || body.contains(&m.text), "{m:?}");
            assert!(!m.text.is_empty());
            assert!(!m.name.is_empty());
        }
    }

    const WORDS: &[&str] = &[
        "Putin",
        "Mr",
        "Mr.",
        "President",
        "said",
        "Xi",
        "Jinping",
        "’s",
        "'s",
        "-",
        "—",
        "“",
        "”",
        "US",
        "U.S.",
        "New",
        "York",
        "Bank",
        "of",
        "China",
        "Russia",
        "Sino",
        "al",
        "Assad",
        "bin",
        "Robert",
        "Ross",
        ",",
        ".",
        "\n",
        "the",
        "a",
        "professor",
        "LONDON",
        "São",
        "Paulo",
        "Times",
        "É",
        "x",
        "1996",
        "Lake",
        "River",
        "Secretary",
        "State",
    ];

    proptest! {
        #[test]
        fn never_panics_on_arbitrary_text(title in "\\PC{0,40}", body in "\\PC{0,300}") {
            check(&title, &body);
        }

        #[test]
        fn never_panics_on_wordy_text(
            words in proptest::collection::vec(0..WORDS.len(), 0..80),
            spaces in proptest::collection::vec(0..3usize, 80),
        ) {
            let mut text = String::new();
            for (k, &w) in words.iter().enumerate() {
                text.push_str(WORDS[w]);
                text.push_str(["", " ", "  "][spaces[k]]);
            }
            let (title, body) = text.split_at(text.char_indices().nth(words.len() / 2).map_or(0, |(i, _)| i));
            check(title, body);
        }
    }
}
