//! Span rules that read the text around the tagger's spans:
//!
//! * a wire dateline at the start of the body (`GAINESVILLE, Ga. -`,
//!   `WASHINGTON (AP) -`, `BEIJING, April 25 (Reuters) -`, `LONDON
//!   1996-12-06`) names the place the story was filed from: its place and
//!   region are places, whatever the tagger said;
//! * a two-letter postal code after a place and a comma (`Austin, TX`) is
//!   a place;
//! * a single capitalised word directly before `accord`, `agreement`,
//!   `pact`, `plan` or `treaty` (`the Louvre accord`) names the agreement,
//!   not a person.

use std::ops::Range;

use crate::dates;
use crate::extract::tagger::{Kind, Span};

/// The longest dateline read, in bytes, up to its dash or date.
const MAX_DATELINE: usize = 100;

/// Most words in a dateline's place or region.
const MAX_WORDS: usize = 4;

/// Nouns after which a single name is the agreement's name.
const AGREEMENT_NOUNS: [&str; 5] = ["accord", "agreement", "pact", "plan", "treaty"];

/// The place and region (if any) of the wire dateline that starts `text`.
///
/// The place is written in capitals; a region after a comma starts with a
/// capital and is not a month. The dateline must end in a month and day,
/// an agency in brackets, a dash or a numeric date; a bare dash or date
/// after a place without region counts only when `is_place` knows it.
pub(super) fn dateline_places(text: &str, is_place: impl Fn(&str) -> bool) -> Vec<Range<usize>> {
    let lead = text.len() - text.trim_start().len();
    let head_end = text.floor_char_boundary((lead + MAX_DATELINE).min(text.len()));
    let head = &text[..head_end];
    let line_end = head.find('\n').unwrap_or(head.len());
    let head = &head[..line_end];
    let Some(place) = caps_words(head, lead) else {
        return Vec::new();
    };
    let mut at = place.end;
    let mut region = None;
    if let Some(r) = head[at..]
        .strip_prefix(", ")
        .and_then(|_| region_words(head, at + 2))
    {
        at = r.end;
        region = Some(r);
    }
    let rest = head[at..].trim_start();
    let dash = |s: &str| s.starts_with(['-', '\u{2013}', '\u{2014}']);
    let ends = if let Some(after) = rest.strip_prefix(',') {
        is_month_day(after)
    } else if let Some(after) = rest.strip_prefix('(') {
        after
            .find(')')
            .is_some_and(|close| close <= 24 && dash(after[close + 1..].trim_start()))
    } else if dash(rest) || rest.starts_with(|c: char| c.is_ascii_digit()) {
        region.is_some() || is_place(&head[place.clone()])
    } else {
        false
    };
    if !ends {
        return Vec::new();
    }
    std::iter::once(place).chain(region).collect()
}

/// The words in capitals from `from` (at least two letters, no lowercase
/// letter), up to [`MAX_WORDS`] of them.
fn caps_words(head: &str, from: usize) -> Option<Range<usize>> {
    let mut end = from;
    let mut words = 0;
    for word in head[from..].split(' ') {
        let word = word.trim_end_matches(',');
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let is_caps = letters >= 2
            && !word.chars().any(char::is_lowercase)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''));
        if !is_caps || words == MAX_WORDS {
            break;
        }
        end = from + (word.as_ptr() as usize - head[from..].as_ptr() as usize) + word.len();
        words += 1;
        if head[end..].starts_with(',') {
            break;
        }
    }
    (words > 0).then_some(from..end)
}

/// A region after a dateline's place: capitalised words (`Ga.`, `United
/// Arab Emirates`, `W.Va.`), not a month.
fn region_words(head: &str, from: usize) -> Option<Range<usize>> {
    let mut end = from;
    let mut words = 0;
    for word in head[from..].split(' ') {
        let clean = word.trim_end_matches(',');
        let Some(first) = clean.chars().next() else {
            break;
        };
        let capital = first.is_uppercase()
            && clean
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''));
        let small = words > 0 && matches!(clean, "of" | "and" | "de");
        if !(capital || small) || words == MAX_WORDS {
            break;
        }
        if words == 0 && dates::month_number(clean.trim_end_matches('.')).is_some() {
            return None;
        }
        end = from + (word.as_ptr() as usize - head[from..].as_ptr() as usize) + clean.len();
        words += 1;
        if clean.len() < word.len() {
            break;
        }
    }
    let text = head[from..end].trim_end_matches(|c: char| !c.is_alphabetic() && c != '.');
    (words > 0 && !text.is_empty()).then(|| from..from + text.len())
}

/// ` April 25 (Reuters) -`, ` Jan. 3 -`: a month and a day.
fn is_month_day(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let (Some(month), Some(day)) = (words.next(), words.next()) else {
        return false;
    };
    dates::month_day(month, day.trim_end_matches(',')).is_some()
}

/// Byte ranges of two-letter codes in capitals right after a place span and
/// a comma (`Austin, TX`), for `is_code` to confirm.
pub(super) fn codes_after_places(
    text: &str,
    places: &[Range<usize>],
    is_code: impl Fn(&str) -> bool,
) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for place in places {
        let Some(after) = text.get(place.end..) else {
            continue;
        };
        let Some(rest) = after.strip_prefix(", ") else {
            continue;
        };
        let start = place.end + 2;
        let code = rest.get(..2).unwrap_or("");
        let next = bytes.get(start + 2).copied();
        if code.len() == 2
            && code.bytes().all(|b| b.is_ascii_uppercase())
            && !next.is_some_and(|b| b.is_ascii_alphanumeric())
            && is_code(code)
        {
            out.push(start..start + 2);
        }
    }
    out
}

/// True when the person span `span` of `text` is one word directly before
/// an agreement noun (`Louvre accord`, `Marshall Plan`).
pub(super) fn names_agreement(text: &str, span: &Span) -> bool {
    let Some(name) = text.get(span.start..span.end) else {
        return false;
    };
    if span.kind != Kind::Per || name.split_whitespace().count() != 1 {
        return false;
    }
    let next = text[span.end..]
        .strip_prefix(' ')
        .and_then(|rest| rest.split(|c: char| !c.is_alphabetic()).next())
        .unwrap_or("");
    AGREEMENT_NOUNS
        .iter()
        .any(|n| next.eq_ignore_ascii_case(n) || next.eq_ignore_ascii_case(&format!("{n}s")))
}

/// Prepositions after which a name is where something is or happens (`in
/// Ohio`, `from the Beltway`): `to`, `of`, `on` and `for` are left out, as
/// they as often take a thing (`exposed to Ebola`, `a bill on Medicare`).
const LOCATIVE: [&str; 13] = [
    "in",
    "from",
    "across",
    "throughout",
    "near",
    "at",
    "into",
    "around",
    "outside",
    "inside",
    "within",
    "toward",
    "towards",
];

/// True when the span starting at `start` follows a locative preposition,
/// with or without `the` between (`in Ohio`, `across the Midwest`): across
/// the archive, a place is written so in a share of its articles, a name
/// that the tagger takes for a place but is none (`Ebola`, `Judiciary`,
/// page clutter) hardly ever. `on` counts before `the` only, where it takes
/// a region or a side (`on the West Coast`, `on the Upper East Side`), not
/// a topic (`a bill on Medicare`).
pub(super) fn after_locative(text: &str, start: usize) -> bool {
    let Some(before) = text.get(..start).and_then(|b| b.strip_suffix(' ')) else {
        return false;
    };
    let mut words = before.rsplit(' ');
    let mut word = words.next().unwrap_or("");
    let the = word.eq_ignore_ascii_case("the");
    if the {
        word = words.next().unwrap_or("");
    }
    LOCATIVE.iter().any(|p| word.eq_ignore_ascii_case(p))
        || (the && word.eq_ignore_ascii_case("on"))
}

/// Lowercase words that may follow a place written where something is (`in
/// Ohio and`, `in Iowa last week`, `in Syria, officials said`): function
/// words and the few verbs and adverbs that start a clause. Any other
/// lowercase word makes the name a modifier (`in the Watergate scandal`,
/// `in the Ebola outbreak`), which says nothing of where things are.
const AFTER_LOCATED: [&str; 118] = [
    "a",
    "about",
    "across",
    "after",
    "again",
    "against",
    "ago",
    "alone",
    "already",
    "also",
    "amid",
    "among",
    "an",
    "and",
    "are",
    "around",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "during",
    "each",
    "earlier",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "his",
    "i",
    "if",
    "in",
    "including",
    "instead",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "later",
    "like",
    "may",
    "might",
    "near",
    "next",
    "nor",
    "not",
    "now",
    "of",
    "on",
    "once",
    "only",
    "or",
    "our",
    "over",
    "per",
    "recently",
    "said",
    "says",
    "she",
    "should",
    "since",
    "so",
    "soon",
    "still",
    "than",
    "that",
    "the",
    "their",
    "then",
    "there",
    "they",
    "this",
    "through",
    "to",
    "today",
    "tomorrow",
    "tonight",
    "too",
    "toward",
    "towards",
    "under",
    "unlike",
    "until",
    "upon",
    "versus",
    "via",
    "was",
    "we",
    "were",
    "when",
    "where",
    "which",
    "while",
    "who",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yesterday",
    "yet",
    "you",
];

/// True when the span ending at `end` heads its phrase: no lowercase word
/// other than a function word follows it (`in Ohio`, `in Ohio and`,
/// `in Ohio's`), so the span names the place rather than modifies a noun
/// (`in the Watergate scandal`, `at the Gallup poll`), nor a capitalised
/// word other than a day or a month (`in Iowa Monday`), which continues a
/// longer name.
pub(super) fn heads_phrase(text: &str, end: usize) -> bool {
    let Some(next) = text.get(end..).and_then(|after| after.strip_prefix(' ')) else {
        return true;
    };
    let word = next
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    match word.chars().next() {
        Some(c) if c.is_lowercase() => AFTER_LOCATED.binary_search(&word).is_ok(),
        // A capitalised word goes on the name the span was cut from (`in
        // the Judiciary Committee`), unless it is a day or a month.
        Some(c) if c.is_uppercase() => is_day_or_month(word),
        _ => true,
    }
}

/// Whether a word is the name of a weekday or a month, in full or cut
/// (`Monday`, `Jan`).
fn is_day_or_month(word: &str) -> bool {
    const NAMES: [&str; 19] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let word = word.to_lowercase();
    word.len() >= 3 && NAMES.iter().any(|n| n.starts_with(&word))
}

/// The title word right before the span starting at `start`, after one
/// space (`President` of `President Clinton`, `Sen.` of `Sen. Warren`), as
/// written, when `is_title` takes it. A word with a final period is a
/// title only when it is a capitalised abbreviation of four letters at
/// most (`Sen.`, `Gov.`, `Mrs.`): `the president. Sanders said` ends a
/// sentence.
pub(super) fn title_before(
    text: &str,
    start: usize,
    is_title: impl Fn(&str) -> bool,
) -> Option<&str> {
    let before = text.get(..start)?.strip_suffix(' ')?;
    let word = before.rsplit([' ', '\n', '\t', '(', '"', '“']).next()?;
    let abbreviation = match word.strip_suffix('.') {
        Some(letters) => {
            letters.chars().next().is_some_and(char::is_uppercase) && letters.chars().count() <= 4
        }
        None => true,
    };
    (abbreviation && word.chars().next().is_some_and(char::is_alphabetic) && is_title(word))
        .then_some(word)
}

/// `the`, when the span from `start` to `end` comes right after the
/// definite article and heads its phrase (`the Rose Garden.`, `on The
/// Kelly File,`): a person's name takes no article, and a name used as a
/// modifier, which does (`the Trump administration`, `the Jim Crow era`),
/// does not count. Across the archive, a name the tagger takes for a
/// person but that the articles write so is a place, a show or a thing.
/// A span run on by a hyphen (`the Strzok-Page texts`) modifies what
/// follows.
pub(super) fn article_before(text: &str, start: usize, end: usize) -> Option<&'static str> {
    let before = text.get(..start)?.strip_suffix(' ')?;
    let word = before.rsplit([' ', '\n', '\t', '(', '"', '“']).next()?;
    let run_on = text
        .get(end..)?
        .starts_with(|c: char| c.is_alphanumeric() || matches!(c, '-' | '\u{2010}' | '\u{2011}'));
    (word.eq_ignore_ascii_case("the") && !run_on && heads_phrase(text, end)).then_some("the")
}

/// True when `span` directly follows the place span `prev` after a comma
/// (`Gainesville, Ga.`, `Austin, TX`).
pub(super) fn follows_place(text: &str, prev: &Span, span: &Span) -> bool {
    prev.part == span.part
        && prev.kind == Kind::Loc
        && prev.end <= span.start
        && text
            .get(prev.end..span.start)
            .is_some_and(|between| between.trim_end() == ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locative_prepositions_before_a_span() {
        let at = |text: &str, name: &str| after_locative(text, text.find(name).unwrap());
        assert!(at("He lives in Ohio now", "Ohio"));
        assert!(at("Storms across the Midwest", "Midwest"));
        assert!(at("News From the Beltway", "Beltway"));
        assert!(!at("exposed to Ebola", "Ebola"));
        assert!(at("homes on the West Coast", "West Coast"));
        assert!(!at("a bill on Medicare", "Medicare"));
        assert!(!at("the Ebola outbreak", "Ebola"));
        assert!(!at("Ohio is", "Ohio"));
        assert!(!at("within\nOhio", "Ohio"));
        assert!(!at("Cain Ohio", "Ohio"));
    }

    #[test]
    fn names_that_head_their_phrase() {
        let heads =
            |text: &str, name: &str| heads_phrase(text, text.find(name).unwrap() + name.len());
        assert!(heads("He lives in Ohio", "Ohio"));
        assert!(heads("in Ohio and Iowa", "Ohio"));
        assert!(heads("in Iowa last week", "Iowa"));
        assert!(heads("in Syria, officials said", "Syria"));
        assert!(heads("in Ohio's economy", "Ohio"));
        assert!(heads("in Ohio\nmore", "Ohio"));
        assert!(heads("at the White House Monday", "White House"));
        assert!(heads("in Iowa Sept. 4", "Iowa"));
        assert!(!heads("on the Judiciary Committee", "Judiciary"));
        assert!(!heads("in the Ma Dynasty", "Ma"));
        assert!(!heads("in the Watergate scandal", "Watergate"));
        assert!(!heads("in the Ebola outbreak", "Ebola"));
        assert!(!heads("in the Trump-Russia probe", "Trump-Russia"));
    }

    #[test]
    fn the_article_before_a_name_that_heads_its_phrase() {
        let at = |text: &str, name: &str| {
            let start = text.find(name).unwrap();
            article_before(text, start, start + name.len())
        };
        assert_eq!(at("spoke in the Rose Garden.", "Rose Garden"), Some("the"));
        assert_eq!(
            at("said on \"The Kelly File\" that", "Kelly File"),
            Some("the")
        );
        assert_eq!(at("The Hill said", "Hill"), Some("the"));
        assert_eq!(at("in the Trump administration", "Trump"), None);
        assert_eq!(at("the Jim Crow South", "Jim Crow"), None);
        assert_eq!(at("said Donald Trump.", "Donald Trump"), None);
        assert_eq!(at("bathe Trump", "Trump"), None);
        assert_eq!(at("Trump said", "Trump"), None);
        assert_eq!(at("the Strzok-Page texts", "Strzok"), None);
    }

    #[test]
    fn title_words_before_a_span() {
        fn title<'a>(text: &'a str, name: &str) -> Option<&'a str> {
            title_before(text, text.find(name).unwrap(), |w| {
                matches!(w, "President" | "Sen." | "Mr.")
            })
        }
        assert_eq!(
            title("former President Clinton said", "Clinton"),
            Some("President")
        );
        assert_eq!(title("(Sen. Warren)", "Warren"), Some("Sen."));
        assert_eq!(title("Mr. Trump", "Trump"), Some("Mr."));
        assert_eq!(title("said the President. Clinton", "Clinton"), None);
        assert_eq!(title("Clinton said", "Clinton"), None);
        assert_eq!(title("Senator Clinton", "Clinton"), None);
        assert_eq!(title("President  Clinton", "Clinton"), None);
    }

    #[test]
    fn words_after_a_place_are_sorted() {
        assert!(AFTER_LOCATED.windows(2).all(|w| w[0] < w[1]));
    }

    fn datelines(text: &str) -> Vec<&str> {
        let known = |p: &str| matches!(p, "LONDON" | "NEW YORK");
        dateline_places(text, known)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn dateline_places_table() {
        for (text, want) in [
            ("GAINESVILLE, Ga. - A storm", vec!["GAINESVILLE", "Ga."]),
            ("WASHINGTON (AP) - The Senate", vec!["WASHINGTON"]),
            ("BEIJING, April 25 (Reuters) - China", vec!["BEIJING"]),
            ("LONDON 1996-12-06\nTalks", vec!["LONDON"]),
            (
                "  BAHIA BLANCA, Argentina, Feb 26 - Grain",
                vec!["BAHIA BLANCA", "Argentina"],
            ),
            (
                "AL-AIN, United Arab Emirates, Aug 30 -- x",
                vec!["AL-AIN", "United Arab Emirates"],
            ),
            (
                "CHARLESTON, W.Va. \u{2014} Miners",
                vec!["CHARLESTON", "W.Va."],
            ),
            ("NEW YORK \u{2014} Stocks fell", vec!["NEW YORK"]),
            // Not datelines.
            ("UPDATE 2 - Stocks fell", vec![]),
            ("ZORBO - unknown word, no region", vec![]),
            ("London, April 25 - lowercase place", vec![]),
            ("The WHO said on Monday", vec![]),
            ("NATO SAYS - headline style", vec![]),
            ("", vec![]),
            ("\u{e9}\u{e9}\u{e9}", vec![]),
        ] {
            assert_eq!(datelines(text), want, "{text}");
        }
    }

    #[test]
    fn postal_codes_after_places() {
        let text = "in Austin, TX, and Portland, OR. Also Paris, France and Reno, NVX.";
        let at = |w: &str| {
            let s = text.find(w).unwrap();
            s..s + w.len()
        };
        let places = [at("Austin"), at("Portland"), at("Paris"), at("Reno")];
        let got: Vec<&str> = codes_after_places(text, &places, |c| c != "FR")
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(got, ["TX", "OR"]);
    }

    #[test]
    fn agreement_names() {
        let span = |text: &str, w: &str, kind| {
            let start = text.find(w).unwrap();
            Span {
                part: crate::extract::tagger::Section::Body,
                start,
                end: start + w.len(),
                kind,
            }
        };
        for (text, word, want) in [
            ("under the Louvre accord of 1987", "Louvre", true),
            ("THE LOUVRE ACCORD HOLDS", "LOUVRE", true),
            ("the Marshall Plan", "Marshall", true),
            ("the Baker plan's terms", "Baker", true),
            ("Baker planned a trip", "Baker", false),
            ("James Baker accord", "James Baker", false),
            ("Baker said", "Baker", false),
        ] {
            assert_eq!(
                names_agreement(text, &span(text, word, Kind::Per)),
                want,
                "{text}"
            );
        }
    }
}
