//! One person, one row: which stored person names are the same person.
//!
//! The extractor stores each article's people by the fullest name the
//! article itself gives. Across the archive one person still appears under
//! several forms: with or without a middle name or initial (`Donald J.
//! Trump`, `Hillary Rodham Clinton`), by nickname (`Chuck`/`Charles
//! Schumer`), with or without a particle (`Bashar al-Assad`), hyphen,
//! apostrophe, accent or suffix variants (`Kim Jong-un`, `O’Rourke`, `Jr.`),
//! by surname or first name alone (`Schumer`, `Hillary`), or in capitals
//! (`REAGAN`). [`Identities::build`] groups the forms from the archive's
//! own counts:
//!
//! 1. forms with the same *key* (lowercase, accents folded, hyphens and
//!    periods as spaces, particles dropped) are one person; a form with a
//!    suffix (`Jr.`, `III`) joins the bare form when it is the more
//!    common of the two, the bare form counted with its nicknames, or when
//!    fewer than [`TOGETHER_SHARE`] of its articles also store the bare
//!    form (`Martin Luther King Jr.`, `Joe Manchin III`): a son is named
//!    beside his father (`Donald Trump Jr.` in half of his articles), and
//!    a father written `Sr.` stays apart from the bare name;
//! 2. forms that share a first and last word are one person when their
//!    middles agree: one middle form, or one that holds at least
//!    [`MIDDLE_SHARE`] of the articles of all middle forms, a middle of
//!    initials counted with the one middle name it stands for (`Franklin
//!    D.`, `Franklin Delano`). With two common middles (`George W. Bush`,
//!    `George H. W. Bush`) they stay apart, and so does the bare `George
//!    Bush`; only an initial joins its own middle name there;
//! 3. first names that a nickname table pairs (`Chuck` of `Charles`) join
//!    persons of the same last word, or of the same words after the given
//!    name when they end in a suffix (`Don Trump Jr.`); a nickname of two
//!    formal names joins the dominant one, and a formal name only its most
//!    common nickname, so that a rare formal form bridges no two people;
//! 4. a single word joins the person who holds at least
//!    [`DOMINANT_SHARE`] of the articles of every person whose last word it
//!    is or, when those hold fewer articles, of every person whose given
//!    name or surname it is; with two common Bushes, `Bush` stays `Bush`.
//!    A given name counts the articles of the forms that start with it. A
//!    surname with a suffix (`Trump Jr.`) joins the same way the person
//!    among those whose full names end so, and a given name with a suffix
//!    (`Don Jr.`) the person among those whose full names start with it or
//!    its formal name and end so.
//!
//! A person is shown by its most frequent form of two words or more. Only
//! persons of two forms or more are kept: any other form is a person of
//! its own, except page clutter (`TrumpGOP`, `Bernie Sanders Bernie`: see
//! [`is_clutter`]), which is no person and is not listed. Clutter run on
//! from a name the archive writes clean is a form of that name's person,
//! and so is a full name with one more word glued on that the archive
//! hardly writes as a surname (`Mitch McConnell Addison`, an author box's
//! legal first name); neither is ever the name a person is shown by.
//!
//! **What a name is.** The tagger decides person, place or organisation
//! one mention at a time, and a name it has not learned (`Twitter`,
//! `Obamacare`, `Ebola`) can fall on either side. Across the archive the
//! evidence adds up: a person form whose name is written as a place or an
//! organisation (or is a publisher's name) in more than [`OTHER_SHARE`]
//! times its articles as a person is no person, and a place name that is a
//! person or an organisation in more than [`OTHER_SHARE`] times its
//! articles as a place is no place. Names are compared by key, without a
//! leading "the" (`The Hill` is `Hill`). A person's name takes no article:
//! a person form that the archive writes after `the`, as the head of its
//! phrase, in [`ARTICLED_SHARE`] of its articles (`the Rose Garden`, `The
//! Kelly File`; not `the Trump administration`) is no person.
//!
//! The grouping depends on the whole archive, so it is computed once per
//! state of the index: an ingest computes it after its last commit and
//! stores it beside the segments (`persons.json`, with the segments and
//! deletes it was computed for); a reader whose state differs (an ingest
//! cut off, a merge since) computes it again. Counting articles per person
//! is exact for any state: an article that writes two forms of one person
//! counts once (see `counts.rs`).
//!
//! Uses `data` (word lists), `extract` (accent folding).

use std::path::Path;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::data;
use crate::extract::{fold_into, glued_at, is_glued};

/// The share of the articles, among all persons a single word could name,
/// that one must hold for the word to resolve to it.
const DOMINANT_SHARE: f64 = 0.8;

/// The share of the articles of a first-and-last-name group's middle forms
/// that the most common middle must hold for the group to be one person.
const MIDDLE_SHARE: f64 = 0.9;

/// The fewest articles the person must have for a single word to resolve
/// to it.
const MIN_ARTICLES: u64 = 2;

/// A name is left out of one kind when its articles as the other kinds
/// are more than this many times its articles as the kind (and at least
/// [`MIN_EVIDENCE`]).
const OTHER_SHARE: f64 = 1.0;

/// A single word that full names use in fewer than this share of the
/// articles where it stands alone is rarely a short form.
const RARELY_FULL: f64 = 0.25;

/// A single word that is rarely a short form (see [`RARELY_FULL`]) is no
/// person when its articles as a place or an organisation are at least
/// this share of its articles as a person (and at least [`MIN_EVIDENCE`]).
const SINGLE_OTHER_SHARE: f64 = 0.1;

/// A person name is none when at least this share of its articles write it
/// after `the`, as the head of its phrase (`the Rose Garden`, `The Kelly
/// File`; not `the Trump administration`): a person's name takes no
/// article. Chosen on the tuning half of the AllSides person names of 20
/// articles or more (`bench/top_lists.py`'s split): the most articled name
/// there that is a person is `Donald` (`the Donald`, 29%), the least
/// articled non-person of the top 300 `Rose Garden` (44%).
const ARTICLED_SHARE: f64 = 0.4;

/// The fewest articles of another kind that leave a name out of a kind.
const MIN_EVIDENCE: u64 = 3;

/// Name suffixes.
/// A suffixed name (`Martin Luther King Jr.`) less common than its bare
/// form joins it when fewer than this share of its articles also store the
/// bare form: a son is written beside his father (`Donald Trump Jr.` in
/// half of his articles), a form of one name rarely beside another.
const TOGETHER_SHARE: f64 = 0.4;

/// A place name the gazetteer does not know, in at least
/// [`MIN_LOCATED_EVIDENCE`] articles as a place, is no place when fewer
/// than this share of them write it after a locative preposition (`in`,
/// `from`, `across`...): a place is where things are, `Ebola`, the
/// `Judiciary` or a widget's name is not. Only mentions that head their
/// phrase count (`in Ohio`, not `in the Watergate scandal`). A street is not
/// judged so: it is written `on Fifth Avenue` (see [`is_street`]). Chosen on
/// the tuning half of the AllSides names (`bench/top_lists.py`): about half
/// the share of the least located place there (`North`, 21.8%), a margin
/// for the few unknown places each half holds.
const LOCATED_SHARE: f64 = 0.10;

/// The last words of street names, which take `on`.
const STREET_WORDS: [&str; 10] = [
    "street",
    "st",
    "avenue",
    "ave",
    "road",
    "boulevard",
    "blvd",
    "lane",
    "drive",
    "square",
];

/// Whether a name of two words or more, by its [`kind_key`], names a street
/// (`pennsylvania avenue`).
fn is_street(key: &str) -> bool {
    key.rsplit_once(' ')
        .is_some_and(|(_, last)| STREET_WORDS.contains(&last))
}

/// The fewest articles as a place on which [`LOCATED_SHARE`] judges a name.
const MIN_LOCATED_EVIDENCE: u64 = 20;

const SUFFIXES: [&str; 6] = ["jr", "sr", "ii", "iii", "iv", "jnr"];

/// The word lists identity needs: particles, place heads, nicknames.
struct Lists {
    particles: HashSet<&'static str>,
    /// Last words of names that are no place (`data/words/non_place_heads.txt`).
    non_place_heads: HashSet<&'static str>,
    /// Lowercase formal given name -> its nicknames.
    nicknames: HashMap<&'static str, HashSet<&'static str>>,
    /// Lowercase nickname -> the formal names it is a nickname of.
    formal_of: HashMap<&'static str, Vec<&'static str>>,
}

fn lists() -> &'static Lists {
    static LISTS: LazyLock<Lists> = LazyLock::new(|| {
        let nicknames: HashMap<&'static str, HashSet<&'static str>> =
            data::rows(data::names::NICKNAMES)
                .filter_map(|row| Some((row[0], row.get(1)?.split('|').collect())))
                .collect();
        let mut formal_of: HashMap<&'static str, Vec<&'static str>> = HashMap::default();
        for (&formal, nicks) in &nicknames {
            for &nick in nicks {
                formal_of.entry(nick).or_default().push(formal);
            }
        }
        Lists {
            particles: data::entries(data::words::PARTICLES).collect(),
            non_place_heads: data::entries(data::words::NON_PLACE_HEADS).collect(),
            nicknames,
            formal_of,
        }
    });
    &LISTS
}

/// The given names, lowercase: only the persons step needs them, so a
/// query does not build them.
fn given_names() -> &'static HashSet<String> {
    static GIVEN: LazyLock<HashSet<String>> = LazyLock::new(|| {
        data::entries(data::gazetteer::GIVEN_NAMES)
            .map(str::to_lowercase)
            .collect()
    });
    &GIVEN
}

/// Whether two lowercase given names are one name or a name and its
/// nickname.
fn same_given(a: &str, b: &str) -> bool {
    let l = lists();
    a == b
        || l.nicknames.get(a).is_some_and(|n| n.contains(b))
        || l.nicknames.get(b).is_some_and(|n| n.contains(a))
}

/// The words of a name as identity compares them: lowercase, accents
/// folded, curly apostrophes straight, hyphens and periods as spaces
/// (`H.W.` is `h w`, and so is `HW` inside a name in mixed case),
/// romanisation endings folded (`Zelenskiy` is
/// `zelensky`), and particles dropped unless they start the name.
pub(crate) fn key_words(name: &str) -> Vec<String> {
    let lower = if name.is_ascii() {
        name.to_ascii_lowercase()
    } else {
        let mut folded = String::with_capacity(name.len());
        fold_into(name, &mut folded);
        folded.to_lowercase()
    };
    let split = |c: char| c.is_whitespace() || c == '-' || c == '.' || c == ',';
    let mut words: Vec<String> = lower
        .split(split)
        .filter(|w| !w.is_empty())
        .map(transliteration_key)
        .collect();
    // Initials run together in capitals inside a mixed-case name (`George
    // HW Bush`) are initials, as `H.W.` is.
    if words.len() > 2 && name.chars().any(char::is_lowercase) {
        let original: Vec<&str> = name.split(split).filter(|w| !w.is_empty()).collect();
        if original.len() == words.len()
            && original[1..original.len() - 1]
                .iter()
                .any(|w| is_initials(w))
        {
            let last = original.len() - 1;
            words = original
                .iter()
                .zip(words)
                .enumerate()
                .flat_map(|(i, (w, key))| {
                    if i > 0 && i < last && is_initials(w) {
                        key.chars().map(String::from).collect()
                    } else {
                        vec![key]
                    }
                })
                .collect();
        }
    }
    if words.len() > 2 {
        let particles = &lists().particles;
        let first = words.remove(0);
        words.retain(|w| !particles.contains(w.as_str()));
        words.insert(0, first);
    }
    words
}

/// Whether a word of a name is initials written together: two or three
/// capital letters (`HW`, `JFK`).
fn is_initials(word: &str) -> bool {
    (2..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether the last word of a place name's key (see [`kind_key`]) makes
/// it no place: `catholic church`, `great recession`.
fn has_non_place_head(key: &str) -> bool {
    key.rsplit(' ')
        .next()
        .is_some_and(|last| lists().non_place_heads.contains(last))
}

/// One word of a key with the endings that romanisations of Slavic names
/// write in several ways folded to one: `Zelenskiy`, `Zelenskyy` and
/// `Zelensky` are `zelensky`, `Dmitriy` and `Dmitrii` are `dmitry`,
/// `Sergei` and `Sergey` are `sergey`. Only
/// words of five letters or more, so that short names keep their ending.
fn transliteration_key(word: &str) -> String {
    const ENDINGS: [&str; 4] = ["iy", "yy", "ii", "yi"];
    if word.len() >= 5 {
        if let Some(stem) = ENDINGS.iter().find_map(|e| word.strip_suffix(e)) {
            return format!("{stem}y");
        }
        // `Sergei` and `Sergey`, `Andrei` and `Andrey`.
        if let Some(stem) = word.strip_suffix("ei") {
            return format!("{stem}ey");
        }
    }
    word.to_string()
}

/// Whether a stored form is page clutter rather than a name: a word glued
/// to the next (`TrumpGOP`, `MattisFormer`: a capital after four or more
/// letters in lowercase, which no name prefix such as `Mc`, `Mac`, `De` or
/// `La` is), a bracket or a colon (`More:Brett Kavanaugh`, a link's label
/// glued on), a word written twice (`Bernie Sanders Bernie`), or
/// a name of three words or more that ends in another form of its own
/// given name (`Mike Pence Michael`).
pub(crate) fn is_clutter(form: &str) -> bool {
    if form.contains(CLUTTER_MARKS) || is_web_address(form) {
        return true;
    }
    if form.split_whitespace().any(is_glued) {
        return true;
    }
    let words: Vec<&str> = form.split_whitespace().collect();
    if words.len() < 3 {
        return false;
    }
    let twice = words
        .iter()
        .enumerate()
        .any(|(i, w)| w.len() > 1 && words[i + 1..].iter().any(|v| v.eq_ignore_ascii_case(w)));
    twice || ends_in_given_form(&words)
}

/// Characters no name holds: a form with one is page clutter.
const CLUTTER_MARKS: [char; 8] = ['(', ')', '[', ']', '{', '}', '|', ':'];

/// Whether a name of three words or more ends in its given name's formal
/// or short form (`Mike Pence Michael`: an author box's legal name glued
/// on).
fn ends_in_given_form(words: &[&str]) -> bool {
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let (first, last) = (first.to_lowercase(), last.to_lowercase());
    words.len() > 2
        && first != last
        && first.len() > 1
        && last.len() > 1
        && same_given(&first, &last)
}

/// The name at the head of a form that page clutter ran on from (see
/// [`is_clutter`]): the words before a bracket, a colon, a repeated word
/// or the word glued on (`Charles Schumer` of `Charles Schumer Charles
/// (Chuck) Ellis SchumerMcCarthy`, `Nancy Pelosi` of `Nancy
/// PelosiOvernight`), without a last word that is the first one's formal
/// or short form (`Mike Pence` of `Mike Pence Michael`). `None` under two
/// words or when nothing was cut.
fn salvage(form: &str) -> Option<String> {
    let words: Vec<&str> = form.split_whitespace().collect();
    let mut head: Vec<&str> = Vec::new();
    for &word in &words {
        if word.contains(CLUTTER_MARKS) {
            break;
        }
        if let Some(at) = glued_at(word) {
            head.push(&word[..at]);
            break;
        }
        if word.len() > 1 && head.iter().any(|h| h.eq_ignore_ascii_case(word)) {
            break;
        }
        head.push(word);
    }
    if ends_in_given_form(&head) {
        head.pop();
    }
    let name = head.join(" ");
    (head.len() >= 2 && name != form).then_some(name)
}

/// Top-level domains of web addresses written as names.
const DOMAINS: [&str; 12] = [
    "com", "org", "net", "gov", "edu", "mil", "int", "info", "io", "us", "news", "tv",
];

/// Whether a name ends with a web address (`HealthCare.gov`,
/// `Breitbart.com`): a website, no person and no place. An abbreviation
/// (`D.C.`, `U.S.`) is none: its part before the last dot is one letter.
fn is_web_address(name: &str) -> bool {
    let last = name.split_whitespace().next_back().unwrap_or("");
    let last = last.strip_suffix('.').unwrap_or(last);
    last.rsplit_once('.').is_some_and(|(host, domain)| {
        host.rsplit('.')
            .next()
            .is_some_and(|label| label.chars().filter(|c| c.is_alphanumeric()).count() > 1)
            && DOMAINS.iter().any(|d| domain.eq_ignore_ascii_case(d))
    })
}

/// Whether a key ends with a name suffix (`jr`, `iii`).
fn has_suffix(key: &[String]) -> bool {
    key.len() > 1 && key.last().is_some_and(|w| SUFFIXES.contains(&w.as_str()))
}

/// What [`Identities::lookup`] gives for a form that is no person: page
/// clutter, or a name that the archive mostly writes as a place or an
/// organisation.
pub(crate) const NO_PERSON: u32 = u32::MAX;

/// The persons of the archive that are written in two forms or more, the
/// person forms that are no person (page clutter, see [`is_clutter`], and
/// names mostly of another kind), and the place names that are no place.
/// What is no person or no place is not listed.
#[derive(Debug, Default)]
pub(crate) struct Identities {
    /// Stored form -> index in `persons`, or [`NO_PERSON`].
    of: HashMap<String, u32>,
    /// Each person's display name and forms (with their article counts,
    /// most first).
    persons: Vec<Person>,
    /// Stored place names that the archive mostly writes as a person or an
    /// organisation.
    no_places: HashSet<String>,
    /// What the place rule weighed for each place name (lab only).
    #[cfg(feature = "lab")]
    pub(crate) place_evidence: Vec<PlaceEvidence>,
}

/// What the persons step weighed for one place name (feature `lab`).
#[cfg(feature = "lab")]
#[derive(Clone, Debug, serde::Serialize)]
pub struct PlaceEvidence {
    /// The stored place name.
    pub name: String,
    /// Its articles as a place.
    pub articles: u64,
    /// Whether the gazetteer knows it.
    pub known: bool,
    /// Articles of the same key as a person form.
    pub as_person_form: u64,
    /// Articles of the largest person holding a form of that key.
    pub as_person: u64,
    /// Articles of the same key as an organisation or other name.
    pub as_other: u64,
    /// Articles that write it after a locative preposition (names the
    /// gazetteer does not know only).
    pub located: u64,
    /// Whether it is left out of the places.
    pub no_place: bool,
}

/// Every name of the archive with its number of articles, by kind: what
/// [`Identities::build`] reads.
#[derive(Clone, Copy, Default)]
pub(crate) struct Names<'a> {
    /// Person names.
    pub(crate) people: &'a [(String, u64)],
    /// Place names.
    pub(crate) places: &'a [(String, u64)],
    /// Names of organisations and other named things, and publishers.
    pub(crate) others: &'a [(String, u64)],
    /// Place names unknown to the gazetteer, written after a locative
    /// preposition (`in the Beltway`).
    pub(crate) located: &'a [(String, u64)],
    /// Title words with the person names they come before (`President
    /// Clinton`, `President Bill Clinton`), and `the` with the person names
    /// it comes before as the head of their phrase (`the Rose Garden`).
    pub(crate) styled: &'a [(String, u64)],
    /// The number of articles that store one of the first person forms
    /// and one of the second (`None`: unknown, see [`Together`]).
    pub(crate) together: Option<&'a Together<'a>>,
}

/// Counts the articles that store a person form of each of two lists.
pub(crate) type Together<'a> = dyn Fn(&[&str], &[&str]) -> u64 + 'a;

/// The key by which names of different kinds are compared: the words of
/// [`key_words`] without a leading "the", joined by spaces.
fn kind_key(name: &str) -> String {
    let mut words = key_words(name);
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    words.join(" ")
}

/// Articles per [`kind_key`] of a list of names.
fn mass_by_key<'a>(names: impl Iterator<Item = &'a (String, u64)>) -> HashMap<String, u64> {
    let mut mass: HashMap<String, u64> = HashMap::default();
    for (name, n) in names {
        *mass.entry(kind_key(name)).or_insert(0) += n;
    }
    mass
}

/// Whether a name of `own` articles as one kind is mostly another, with
/// `other` articles as the other kinds.
fn mostly_other(own: u64, other: u64) -> bool {
    other >= MIN_EVIDENCE && other as f64 > OTHER_SHARE * own as f64
}

/// Articles per [`kind_key`] of the person names stored after `the` (see
/// [`Names::styled`]).
fn articled_by_key(styled: &[(String, u64)]) -> HashMap<String, u64> {
    let mut mass: HashMap<String, u64> = HashMap::default();
    for (form, n) in styled {
        if let Some(name) = form.strip_prefix("the ") {
            *mass.entry(kind_key(name)).or_insert(0) += n;
        }
    }
    mass
}

/// Whether a person name of `own` articles, `with_the` of which write it
/// after `the` (heading its phrase), is no person.
fn mostly_articled(own: u64, with_the: u64) -> bool {
    with_the >= MIN_EVIDENCE && with_the as f64 >= ARTICLED_SHARE * own as f64
}

/// Whether a single word of `own` articles as a person, and no short form
/// of full names, is no person, with `other` articles as a place or an
/// organisation.
fn mostly_other_single(own: u64, other: u64) -> bool {
    other >= MIN_EVIDENCE && other as f64 >= SINGLE_OTHER_SHARE * own as f64
}

/// The person among `candidates` (roots of persons, with their articles in
/// `person_articles`) that a short form resolves to: the one with the most
/// articles, when it has at least [`MIN_ARTICLES`] and [`DOMINANT_SHARE`] of
/// `total`.
fn dominant(
    candidates: &HashSet<u32>,
    total: u64,
    person_articles: &HashMap<u32, u64>,
) -> Option<u32> {
    let best = candidates
        .iter()
        .copied()
        .max_by_key(|r| (person_articles[r], std::cmp::Reverse(*r)))?;
    let n = person_articles[&best];
    (n >= MIN_ARTICLES && n as f64 >= DOMINANT_SHARE * total as f64).then_some(best)
}

/// Of the middles of one first and last name, each middle of initials
/// (`d`) with the one middle written in full that has those initials
/// (`delano`), when there is one: `Franklin D. Roosevelt` is `Franklin
/// Delano Roosevelt`, while `George W.` and `George H. W.` keep apart.
fn fold_initials<'a>(
    middles: impl Iterator<Item = &'a [String]> + Clone,
) -> HashMap<&'a [String], &'a [String]> {
    let initials = |m: &[String]| -> String { m.iter().filter_map(|w| w.chars().next()).collect() };
    let only_initials = |m: &[String]| m.iter().all(|w| w.chars().nth(1).is_none());
    let mut full: HashMap<String, Vec<&[String]>> = HashMap::default();
    for m in middles.clone() {
        if !only_initials(m) {
            full.entry(initials(m)).or_default().push(m);
        }
    }
    middles
        .filter(|m| only_initials(m))
        .filter_map(|m| match full.get(&initials(m)) {
            Some(one) if one.len() == 1 => Some((m, one[0])),
            _ => None,
        })
        .collect()
}

/// One person: the name it is shown by and the forms it was written in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Person {
    /// The display name: the most frequent form of two words or more.
    pub(crate) name: String,
    /// Every stored form with its number of articles, most first.
    pub(crate) forms: Vec<(String, u64)>,
    /// The titles with one word of the name that name this person across
    /// the archive (`President Clinton` for Bill Clinton): see
    /// [`Identities::style`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) styled: Vec<String>,
}

/// Union-find over form indices.
struct Sets(Vec<u32>);

impl Sets {
    fn find(&mut self, mut x: u32) -> u32 {
        while self.0[x as usize] != x {
            let up = self.0[self.0[x as usize] as usize];
            self.0[x as usize] = up;
            x = up;
        }
        x
    }

    fn union(&mut self, a: u32, b: u32) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b) as usize] = a.min(b);
        }
    }
}

impl Identities {
    /// Groups the person names of the archive, given every name with its
    /// number of articles (over the whole archive), and tells which names
    /// are mostly of another kind.
    pub(crate) fn build(names: Names<'_>) -> Identities {
        let counts = names.people;
        let (places, others) = (
            mass_by_key(names.places.iter()),
            mass_by_key(names.others.iter()),
        );
        // Clutter and names mostly of another kind are no person: their
        // words would vote for middles and surnames that no person has, so
        // they have no key.
        let other_of = |key: &str| {
            places.get(key).copied().unwrap_or(0) + others.get(key).copied().unwrap_or(0)
        };
        let clutter: Vec<bool> = counts.iter().map(|(n, _)| is_clutter(n)).collect();
        // Each form's key among the kinds, computed once.
        let kind_keys: Vec<String> = counts.iter().map(|(n, _)| kind_key(n)).collect();
        let mut no_person = clutter.clone();
        let mut keys: Vec<Vec<String>> = counts
            .iter()
            .zip(&no_person)
            .map(|((n, _), &no_person)| if no_person { Vec::new() } else { key_words(n) })
            .collect();
        // A name of two words or more that the archive mostly writes as a
        // place or an organisation is none (`Clinton Foundation`).
        for (i, (_, c)) in counts.iter().enumerate() {
            if keys[i].len() >= 2 && mostly_other(*c, other_of(&kind_keys[i])) {
                (no_person[i], keys[i]) = (true, Vec::new());
            }
        }
        // A name the archive writes after `the`, heading its phrase, in a
        // share of its articles is no person (`the Rose Garden`, `The
        // Kelly File`). Forms are weighed by key, all cases together
        // (`TRUMP` with `Trump`).
        let articled = articled_by_key(names.styled);
        let as_person = mass_by_key(counts.iter());
        for i in 0..counts.len() {
            let with_the = articled.get(&kind_keys[i]).copied().unwrap_or(0);
            if !keys[i].is_empty() && mostly_articled(as_person[&kind_keys[i]], with_the) {
                (no_person[i], keys[i]) = (true, Vec::new());
            }
        }
        // Page clutter run on from a name that the archive also writes
        // clean is a form of that name's person (never its display name).
        let clean: HashSet<&[String]> = keys
            .iter()
            .filter(|k| k.len() >= 2)
            .map(|k| k.as_slice())
            .collect();
        let mut salvaged: Vec<Option<Vec<String>>> = counts
            .iter()
            .zip(&clutter)
            .map(|((n, _), &clutter)| {
                let head = if clutter { salvage(n)? } else { return None };
                let key = key_words(&head);
                (!is_clutter(&head) && clean.contains(key.as_slice())).then_some(key)
            })
            .collect();
        // A full name with one more word, which the archive writes as a
        // surname in fewer articles, is the name with a word glued on
        // (`Mitch McConnell Addison`, an author box's legal first name): a
        // form of the name's person when the name is the more common. A
        // surname of its own (`King` of `Martin Luther King`, `Stevens` of
        // `John Paul Stevens`) is written so in many articles.
        let mut key_mass: HashMap<&[String], u64> = HashMap::default();
        // Last word -> (first word, articles) of the names that end in it.
        let mut surnames: HashMap<&str, Vec<(&str, u64)>> = HashMap::default();
        for (i, k) in keys.iter().enumerate() {
            *key_mass.entry(k.as_slice()).or_insert(0) += counts[i].1;
            if k.len() >= 2 && !clutter[i] {
                surnames
                    .entry(k[k.len() - 1].as_str())
                    .or_default()
                    .push((k[0].as_str(), counts[i].1));
            }
        }
        let glued: Vec<Option<Vec<String>>> = keys
            .iter()
            .enumerate()
            .map(|(i, k)| {
                let (last, name) = k.split_last().filter(|_| k.len() >= 3)?;
                let as_surname: u64 = surnames
                    .get(last.as_str())
                    .into_iter()
                    .flatten()
                    .filter(|(first, _)| *first != name[0])
                    .map(|(_, n)| n)
                    .sum();
                let more_common = key_mass.get(name).is_some_and(|&n| n > counts[i].1);
                (as_surname < counts[i].1 && more_common && !has_suffix(k) && clean.contains(name))
                    .then(|| name.to_vec())
            })
            .collect();
        // A name that several such words follow (`Kim Jong` of `Kim Jong
        // Un` and `Kim Jong Il`) may start several persons' names: one
        // joins only when it holds [`DOMINANT_SHARE`] of their articles.
        let mut extensions: HashMap<&[String], u64> = HashMap::default();
        for (i, key) in glued.iter().enumerate() {
            if let Some(key) = key {
                *extensions.entry(key.as_slice()).or_insert(0) += counts[i].1;
            }
        }
        // A glued form's articles are mostly its name's again (the author
        // box beside the story): they weigh nothing for short forms.
        let mut weightless = vec![false; counts.len()];
        for (i, key) in glued.iter().enumerate() {
            if let Some(key) = key
                && counts[i].1 as f64 >= DOMINANT_SHARE * extensions[key.as_slice()] as f64
            {
                salvaged[i] = Some(key.clone());
                weightless[i] = true;
            }
        }
        for (i, key) in salvaged.iter().enumerate() {
            if let Some(key) = key {
                (no_person[i], keys[i]) = (false, key.clone());
            }
        }
        // The articles of the names of two words or more by their first
        // and by their last word: what a single word may be short for.
        let mut in_full: HashMap<String, u64> = HashMap::default();
        let mut single: HashMap<String, u64> = HashMap::default();
        for (i, k) in keys.iter().enumerate() {
            match k.len() {
                0 => {}
                1 => *single.entry(k[0].clone()).or_insert(0) += counts[i].1,
                n => {
                    *in_full.entry(k[0].clone()).or_insert(0) += counts[i].1;
                    if k[n - 1] != k[0] {
                        *in_full.entry(k[n - 1].clone()).or_insert(0) += counts[i].1;
                    }
                }
            }
        }
        // A single word that full names use less often than it stands
        // alone is no short form (a short form such as `Trump` is often
        // tagged as an organisation: `the Trump administration`). It is no
        // person when the archive mostly writes it as a place or an
        // organisation (`Facebook`), or when full names hardly use it and
        // it is sometimes a place or an organisation (`Obamacare`, `Wade`
        // of Roe v. Wade); a mononym is a person.
        for i in 0..counts.len() {
            if keys[i].len() == 1 {
                let word = &keys[i][0];
                let alone = single[word];
                let full = in_full.get(word).copied().unwrap_or(0);
                let other = other_of(&kind_keys[i]);
                if full < alone
                    && (mostly_other(alone, other)
                        || (full as f64) < RARELY_FULL * alone as f64
                            && mostly_other_single(alone, other))
                {
                    (no_person[i], keys[i]) = (true, Vec::new());
                }
            }
        }
        let mut sets = Sets((0..counts.len() as u32).collect());

        // 1. Same key.
        let mut by_key: HashMap<&[String], u32> = HashMap::default();
        for (i, k) in keys.iter().enumerate() {
            if k.is_empty() {
                continue;
            }
            match by_key.get(k.as_slice()) {
                Some(&j) => sets.union(i as u32, j),
                None => {
                    by_key.insert(k.as_slice(), i as u32);
                }
            }
        }

        // Suffixed forms join the bare form when they are the more common.
        // The bare form counts with its nicknames (`Don Trump` is as common
        // as `Donald Trump`), which join it later: a rare nickname form must
        // not carry the son into the father's person.
        //
        // A less common one joins when the two are seldom written in one
        // article, both counted with their nicknames (`Don Trump Jr.` is
        // rare beside `Donald Trump`, not `Donald Trump Jr.`), unless it is
        // the father's (`Sr.`): that suffix is written to tell him from a
        // son known by the bare name.
        let mut key_articles: HashMap<&[String], u64> = HashMap::default();
        // Forms by the words after the given name: (given name, form).
        let mut by_rest: HashMap<&[String], Vec<(&str, usize)>> = HashMap::default();
        let mut suffixed_by_rest: HashMap<&[String], Vec<(&str, usize)>> = HashMap::default();
        for (i, k) in keys.iter().enumerate() {
            *key_articles.entry(k.as_slice()).or_insert(0) += counts[i].1;
            if k.len() >= 2 {
                let rest = if has_suffix(k) {
                    &mut suffixed_by_rest
                } else {
                    &mut by_rest
                };
                rest.entry(&k[1..]).or_default().push((k[0].as_str(), i));
            }
        }
        // The forms of a name and its nicknames, with their articles.
        let with_nicknames = |rest: &HashMap<&[String], Vec<(&str, usize)>>, k: &[String]| {
            let forms: Vec<usize> = rest
                .get(&k[1..])
                .into_iter()
                .flatten()
                .filter(|(first, _)| same_given(first, &k[0]))
                .map(|&(_, i)| i)
                .collect();
            let articles: u64 = forms.iter().map(|&i| counts[i].1).sum();
            (forms, articles)
        };
        let mut joins_bare: HashMap<&[String], bool> = HashMap::default();
        for (i, k) in keys.iter().enumerate() {
            if k.len() <= 2 || !has_suffix(k) {
                continue;
            }
            let bare = &k[..k.len() - 1];
            let Some(&j) = by_key.get(bare) else {
                continue;
            };
            let joins = *joins_bare.entry(k.as_slice()).or_insert_with(|| {
                let (bare_forms, bare_articles) = with_nicknames(&by_rest, bare);
                if key_articles[k.as_slice()] >= bare_articles {
                    return true;
                }
                let Some(together) = names.together else {
                    return false;
                };
                if k[k.len() - 1] == "sr" {
                    return false;
                }
                let (own_forms, own_articles) = with_nicknames(&suffixed_by_rest, k);
                let text = |forms: &[usize]| -> Vec<&str> {
                    forms.iter().map(|&i| counts[i].0.as_str()).collect()
                };
                let both = together(&text(&own_forms), &text(&bare_forms));
                (both as f64) < TOGETHER_SHARE * own_articles as f64
            });
            if joins {
                sets.union(i as u32, j);
            }
        }

        // 2. Same first and last word, agreeing middles.
        let mut by_ends: HashMap<(&str, &str), Vec<u32>> = HashMap::default();
        for (i, k) in keys.iter().enumerate() {
            if k.len() >= 2 && !has_suffix(k) {
                by_ends
                    .entry((k[0].as_str(), k[k.len() - 1].as_str()))
                    .or_default()
                    .push(i as u32);
            }
        }
        // Groups that became one person, by last word: (first word, a form,
        // articles).
        let mut joined_by_last: HashMap<&str, Vec<(&str, u32, u64)>> = HashMap::default();
        for (&(first, last), members) in &by_ends {
            let mut middles: HashMap<&[String], u64> = HashMap::default();
            for &i in members {
                let k = &keys[i as usize];
                if k.len() > 2 {
                    *middles.entry(&k[1..k.len() - 1]).or_insert(0) += counts[i as usize].1;
                }
            }
            let fold = fold_initials(middles.keys().copied());
            let mut folded: HashMap<&[String], u64> = HashMap::default();
            for (m, n) in middles {
                *folded.entry(fold.get(m).copied().unwrap_or(m)).or_insert(0) += n;
            }
            let total: u64 = folded.values().sum();
            let top = folded.values().copied().max().unwrap_or(0);
            if top as f64 >= MIDDLE_SHARE * total as f64 {
                for &i in &members[1..] {
                    sets.union(members[0], i);
                }
                let articles = members.iter().map(|&i| counts[i as usize].1).sum();
                joined_by_last
                    .entry(last)
                    .or_default()
                    .push((first, members[0], articles));
            } else {
                // Two common middles: only an initial joins its middle name
                // (`George W.` and `George Walker`).
                let mut by_middle: HashMap<&[String], u32> = HashMap::default();
                for &i in members {
                    let k = &keys[i as usize];
                    if let Some(&to) = (k.len() > 2)
                        .then(|| fold.get(&k[1..k.len() - 1]))
                        .flatten()
                    {
                        match by_middle.get(to) {
                            Some(&j) => sets.union(i, j),
                            None => {
                                by_middle.insert(to, i);
                            }
                        }
                    }
                }
                for &i in members {
                    let k = &keys[i as usize];
                    if k.len() > 2
                        && let Some(&j) = by_middle.get(&k[1..k.len() - 1])
                    {
                        sets.union(i, j);
                    }
                }
            }
        }

        // 3. Nicknames, within one last word: a nickname joins its formal
        // name (`chuck` -> `charles`), looked up, never compared pairwise.
        // A formal name that nicknames of different names would join
        // (`Frederick` of `Fred` and `Rick`) could bridge two people: it
        // joins only the nickname of the most articles and those that are
        // forms of that one.
        let formal_of = &lists().formal_of;
        for group in joined_by_last.values() {
            if group.len() < 2 {
                continue;
            }
            let by_first: HashMap<&str, (u32, u64)> =
                group.iter().map(|&(f, at, n)| (f, (at, n))).collect();
            // Formal name's form -> its nicknames' (first word, form, articles).
            let mut nicknamed: HashMap<u32, Vec<(&str, u32, u64)>> = HashMap::default();
            for &(first, at, articles) in group {
                if first.len() < 2 {
                    continue;
                }
                // A nickname of several formal names of the group (`Steve`
                // of `Stephen` and `Steven`, `Rick` of `Eric` and
                // `Frederick`) joins the one that holds the dominant share
                // of their articles, or none.
                let formals: Vec<(u32, u64)> = formal_of
                    .get(first)
                    .into_iter()
                    .flatten()
                    .filter_map(|formal| by_first.get(formal).copied())
                    .collect();
                let total: u64 = formals.iter().map(|&(_, n)| n).sum();
                let Some(&(bt, n)) = formals
                    .iter()
                    .max_by_key(|&&(bt, n)| (n, std::cmp::Reverse(bt)))
                else {
                    continue;
                };
                if n as f64 >= DOMINANT_SHARE * total as f64 {
                    nicknamed.entry(bt).or_default().push((first, at, articles));
                }
            }
            for (formal, nicks) in nicknamed {
                let Some(&(top, _, _)) = nicks
                    .iter()
                    .max_by_key(|&&(first, _, articles)| (articles, std::cmp::Reverse(first)))
                else {
                    continue;
                };
                for (first, at, _) in nicks {
                    if same_given(first, top) {
                        sets.union(at, formal);
                    }
                }
            }
        }

        // Suffixed names, by the words after the given name (`trump jr`):
        // a nickname joins its formal name there too (`Don Trump Jr.`).
        let mut by_suffixed_rest: HashMap<&[String], HashMap<&str, u32>> = HashMap::default();
        for (i, k) in keys.iter().enumerate() {
            if k.len() > 2 && has_suffix(k) {
                by_suffixed_rest
                    .entry(&k[1..])
                    .or_default()
                    .entry(k[0].as_str())
                    .or_insert(i as u32);
            }
        }
        for group in by_suffixed_rest.values() {
            for (&first, &at) in group {
                for formal in formal_of.get(first).into_iter().flatten() {
                    if let Some(&bt) = group.get(formal) {
                        sets.union(at, bt);
                    }
                }
            }
        }

        // 4. Single words.
        let mut person_articles: HashMap<u32, u64> = HashMap::default();
        for (i, k) in keys.iter().enumerate() {
            if k.len() >= 2 && !weightless[i] {
                *person_articles.entry(sets.find(i as u32)).or_insert(0) += counts[i].1;
            }
        }
        // A word is read as a surname or as a given name, whichever the
        // persons it could name hold more articles under: `Reagan` (a given
        // name too) as Ronald Reagan's surname, `Bernie` as a given name
        // even where a nickname ends in it. News writes a surname alone far
        // more often than a given name, so the given-name reading must also
        // beat every person of that surname (`Hunter` stays apart from
        // Hunter Biden while Duncan Hunter is common).
        let mut by_last: HashMap<&str, HashSet<u32>> = HashMap::default();
        // A given name counts, for each person, the articles of the forms
        // that start with it, not the person's: one `Jefferson Sessions`
        // among a thousand `Jeff Sessions` does not make `Jefferson` his.
        let mut by_first: HashMap<&str, HashMap<u32, u64>> = HashMap::default();
        let given = given_names();
        for (i, k) in keys.iter().enumerate() {
            if k.len() < 2 || has_suffix(k) || weightless[i] {
                continue;
            }
            let root = sets.find(i as u32);
            by_last
                .entry(k[k.len() - 1].as_str())
                .or_default()
                .insert(root);
            if given.contains(&k[0]) {
                *by_first
                    .entry(k[0].as_str())
                    .or_default()
                    .entry(root)
                    .or_insert(0) += counts[i].1;
            }
        }
        for (i, k) in keys.iter().enumerate() {
            if k.len() != 1 {
                continue;
            }
            let word = k[0].as_str();
            let as_last = by_last.get(word);
            let last: u64 = as_last.map_or(0, |set| set.iter().map(|r| person_articles[r]).sum());
            let first: u64 = by_first.get(word).map_or(0, |m| m.values().sum());
            let best = match (last, first) {
                (0, 0) => continue,
                (last, first) if last >= first => {
                    as_last.and_then(|set| dominant(set, last, &person_articles))
                }
                (last, first) => by_first.get(word).and_then(|of| {
                    let (&best, &n) = of
                        .iter()
                        .max_by_key(|&(r, n)| (*n, std::cmp::Reverse(*r)))?;
                    (n >= MIN_ARTICLES && n as f64 >= DOMINANT_SHARE * (first + last) as f64)
                        .then_some(best)
                }),
            };
            if let Some(best) = best {
                sets.union(i as u32, best);
            }
        }
        // A surname and a suffix (`Trump Jr.`) join the person who holds
        // the share of the persons of full names that end so. The single
        // words above may have moved the roots: count again.
        let mut person_articles: HashMap<u32, u64> = HashMap::default();
        for (i, k) in keys.iter().enumerate() {
            if k.len() >= 2 {
                *person_articles.entry(sets.find(i as u32)).or_insert(0) += counts[i].1;
            }
        }
        let mut by_suffixed_end: HashMap<&[String], HashSet<u32>> = HashMap::default();
        for (i, k) in keys.iter().enumerate() {
            if k.len() > 2 && has_suffix(k) {
                by_suffixed_end
                    .entry(&k[k.len() - 2..])
                    .or_default()
                    .insert(sets.find(i as u32));
            }
        }
        // A given name and a suffix (`Donald Jr.`, `Don Jr.`) are read the
        // same way among the persons of full names that start with that
        // given name or a nickname of it and end in that suffix.
        let suffixed_full: Vec<(&str, &str, u32)> = keys
            .iter()
            .enumerate()
            .filter(|(_, k)| k.len() > 2 && has_suffix(k))
            .map(|(i, k)| (k[0].as_str(), k[k.len() - 1].as_str(), sets.find(i as u32)))
            .collect();
        for (i, k) in keys.iter().enumerate() {
            if k.len() != 2 || !has_suffix(k) {
                continue;
            }
            let mut candidates = by_suffixed_end
                .get(k.as_slice())
                .cloned()
                .unwrap_or_default();
            if given.contains(&k[0]) {
                candidates.extend(
                    suffixed_full
                        .iter()
                        .filter(|(first, suffix, _)| *suffix == k[1] && same_given(first, &k[0]))
                        .map(|&(_, _, root)| root),
                );
            }
            if candidates.is_empty() {
                continue;
            }
            let total: u64 = candidates.iter().map(|r| person_articles[r]).sum();
            if let Some(best) = dominant(&candidates, total, &person_articles) {
                sets.union(i as u32, best);
            }
        }

        // The persons, each with its forms most first; a person of one
        // form is not kept.
        let mut size: HashMap<u32, u32> = HashMap::default();
        for i in 0..counts.len() {
            *size.entry(sets.find(i as u32)).or_insert(0) += 1;
        }
        let mut index_of_root: HashMap<u32, u32> = HashMap::default();
        let mut ids = Identities::default();
        // Each person's articles (forms summed: an upper bound).
        let mut person_total: HashMap<u32, u64> = HashMap::default();
        for (i, (_, n)) in counts.iter().enumerate() {
            *person_total.entry(sets.find(i as u32)).or_insert(0) += n;
        }
        // A place the gazetteer knows is no place only when the archive
        // writes the same name as a person more often (`Obama`): as an
        // organisation it may be a team or a government (`Cleveland`
        // won, `Washington` said). Any other place name is also judged by
        // the articles of the person it is a form of (`Schiff` of Adam
        // Schiff) and of the name as an organisation (`MSNBC`).
        let mut forms: HashMap<String, u64> = HashMap::default();
        for (i, (_, n)) in counts.iter().enumerate() {
            if !clutter[i] {
                *forms.entry(kind_keys[i].clone()).or_insert(0) += n;
            }
        }
        let mut persons = forms.clone();
        for i in 0..counts.len() {
            let root = sets.find(i as u32);
            if size[&root] > 1 && !keys[i].is_empty() {
                let mass = persons.entry(kind_keys[i].clone()).or_insert(0);
                *mass = (*mass).max(person_total[&root]);
            }
            // A person's name without its middle (`Franklin Roosevelt` of
            // `Franklin D. Roosevelt`) is the person's too.
            let k = &keys[i];
            if k.len() > 2 && !has_suffix(k) {
                let mass = persons
                    .entry(format!("{} {}", k[0], k[k.len() - 1]))
                    .or_insert(0);
                *mass = (*mass).max(person_total[&root]);
            }
        }
        // A name the gazetteer does not know is no place either when its
        // last word makes it an institution, a publication, an event, a
        // law or a programme (`Catholic Church`, `Great Recession`).
        let located = mass_by_key(names.located.iter());
        for (place, n) in names.places {
            let key = kind_key(place);
            let known = crate::extract::is_known_place(place);
            let at = located.get(&key).copied().unwrap_or(0);
            let seldom_located = !known
                && *n >= MIN_LOCATED_EVIDENCE
                && !is_street(&key)
                && (at as f64) < LOCATED_SHARE * *n as f64;
            let other = if known {
                forms.get(&key).copied().unwrap_or(0)
            } else {
                persons.get(&key).copied().unwrap_or(0) + others.get(&key).copied().unwrap_or(0)
            };
            let no_place = mostly_other(*n, other)
                || (!known && (has_non_place_head(&key) || is_web_address(place)))
                || seldom_located;
            if no_place {
                ids.no_places.insert(place.clone());
            }
            #[cfg(feature = "lab")]
            ids.place_evidence.push(PlaceEvidence {
                name: place.clone(),
                articles: *n,
                known,
                as_person_form: forms.get(&key).copied().unwrap_or(0),
                as_person: persons.get(&key).copied().unwrap_or(0),
                as_other: others.get(&key).copied().unwrap_or(0),
                located: at,
                no_place,
            });
        }
        for ((form, _), _) in counts.iter().zip(&no_person).filter(|(_, c)| **c) {
            ids.of.insert(form.clone(), NO_PERSON);
        }
        // Whether a person has a form of two words or more.
        let mut has_full: HashMap<u32, bool> = HashMap::default();
        for (i, k) in keys.iter().enumerate() {
            *has_full.entry(sets.find(i as u32)).or_insert(false) |= k.len() >= 2;
        }
        let short_form = |i: usize| {
            keys[i].len() == 1
                && in_full.get(&keys[i][0]).copied().unwrap_or(0) >= single[&keys[i][0]]
        };
        let mut order: Vec<usize> = (0..counts.len()).collect();
        order.sort_unstable_by(|&a, &b| counts[b].1.cmp(&counts[a].1).then(a.cmp(&b)));
        for i in order {
            let root = sets.find(i as u32);
            if size[&root] < 2 && !short_form(i) {
                continue;
            }
            if !has_full[&root] {
                // Single words that no person took but full names use at
                // least as often as they stand alone are the short form of
                // several persons (`Clinton`, `David`): no person of their
                // own.
                if short_form(i) {
                    ids.of.insert(counts[i].0.clone(), NO_PERSON);
                    continue;
                }
                if size[&root] < 2 {
                    continue;
                }
            }
            let at = *index_of_root.entry(root).or_insert_with(|| {
                ids.persons.push(Person::default());
                (ids.persons.len() - 1) as u32
            });
            let person = &mut ids.persons[at as usize];
            person.forms.push(counts[i].clone());
            if salvaged[i].is_none()
                && (person.name.is_empty() || (!person.name.contains(' ') && keys[i].len() >= 2))
            {
                person.name = counts[i].0.clone();
            }
            ids.of.insert(counts[i].0.clone(), at);
        }
        ids.style(names.styled);
        ids
    }

    /// Gives each title with one word of a name (`President Clinton`) to
    /// the person that the title comes before, written in full, in
    /// [`DOMINANT_SHARE`] of the archive's articles that write the title
    /// before a full name ending in that word (`President Bill Clinton`,
    /// not `President Hillary Clinton`), at least [`MIN_EVIDENCE`] of
    /// them. The title tells whom the word names where the article alone
    /// does not (`her husband, President Clinton`).
    fn style(&mut self, styled: &[(String, u64)]) {
        // (title, last word) -> person -> articles.
        let mut full: HashMap<(String, String), HashMap<u32, u64>> = HashMap::default();
        let mut short: Vec<(&str, (String, String))> = Vec::new();
        for (form, n) in styled {
            let Some((title, name)) = form.split_once(' ') else {
                continue;
            };
            if title == "the" {
                continue;
            }
            let title = key_words(title).join(" ");
            let mut key = key_words(name);
            let Some(last) = key.pop() else {
                continue;
            };
            if key.is_empty() {
                short.push((form, (title, last)));
            } else if let Some(at) = self.person_of(name) {
                *full
                    .entry((title, last))
                    .or_default()
                    .entry(at)
                    .or_insert(0) += n;
            }
        }
        for (form, key) in short {
            let Some(by_person) = full.get(&key) else {
                continue;
            };
            let total: u64 = by_person.values().sum();
            let best = by_person
                .iter()
                .max_by_key(|&(at, n)| (*n, std::cmp::Reverse(*at)))
                .map(|(&at, &n)| (at, n));
            if let Some((at, n)) = best
                && n >= MIN_EVIDENCE
                && n as f64 >= DOMINANT_SHARE * total as f64
            {
                self.persons[at as usize].styled.push(form.to_string());
            }
        }
        for person in &mut self.persons {
            person.styled.sort_unstable();
        }
    }

    /// Persons from their list (as stored).
    fn from_persons(
        persons: Vec<Person>,
        no_people: Vec<String>,
        no_places: Vec<String>,
    ) -> Identities {
        let forms: usize = persons.iter().map(|p| p.forms.len()).sum();
        let mut of = HashMap::with_capacity_and_hasher(forms + no_people.len(), Default::default());
        for (at, person) in persons.iter().enumerate() {
            for (form, _) in &person.forms {
                of.insert(form.clone(), at as u32);
            }
        }
        of.extend(no_people.into_iter().map(|form| (form, NO_PERSON)));
        Identities {
            of,
            persons,
            no_places: no_places.into_iter().collect(),
            #[cfg(feature = "lab")]
            place_evidence: Vec::new(),
        }
    }

    /// The person forms that are no person, sorted (as stored).
    fn no_people(&self) -> Vec<String> {
        let mut clutter: Vec<String> = self
            .of
            .iter()
            .filter(|(_, at)| **at == NO_PERSON)
            .map(|(form, _)| form.clone())
            .collect();
        clutter.sort_unstable();
        clutter
    }

    /// The number of persons of two forms or more.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.persons.len()
    }

    /// Whether the archive knows no person to group or leave out.
    pub(crate) fn is_empty(&self) -> bool {
        self.of.is_empty()
    }

    /// Whether a stored person form is no person (page clutter or a name
    /// mostly of another kind).
    #[cfg(test)]
    pub(crate) fn is_no_person(&self, form: &str) -> bool {
        self.of.get(form) == Some(&NO_PERSON)
    }

    /// Whether a stored place name is no place (mostly a person or an
    /// organisation across the archive).
    pub(crate) fn is_no_place(&self, place: &str) -> bool {
        self.no_places.contains(place)
    }

    /// Whether the archive has place names to leave out.
    pub(crate) fn leaves_out_places(&self) -> bool {
        !self.no_places.is_empty()
    }

    /// What a stored form is, in one lookup: its person, [`NO_PERSON`], or
    /// `None` for a person of one form.
    pub(crate) fn lookup(&self, form: &str) -> Option<u32> {
        self.of.get(form).copied()
    }

    /// The person a stored form belongs to, when the form is one of
    /// several of a person.
    pub(crate) fn person_of(&self, form: &str) -> Option<u32> {
        self.of.get(form).copied().filter(|&at| at != NO_PERSON)
    }

    /// A person by its index.
    pub(crate) fn person(&self, at: u32) -> &Person {
        &self.persons[at as usize]
    }

    /// Every person.
    pub(crate) fn all(&self) -> &[Person] {
        &self.persons
    }

    /// The persons that `name` names. One word names every person with a
    /// form that contains it (`Blinken`, `bush`); several words name the
    /// persons with a form of the same key (`antony blinken`), allowing a
    /// nickname for the first word (`Charles Schumer` finds the person
    /// written `Chuck Schumer`) and, when `name` has no middle, any middle
    /// (`Joe Biden` finds `Joseph R. Biden`).
    pub(crate) fn matching(&self, name: &str) -> Vec<u32> {
        let wanted = key_words(name);
        if wanted.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for (at, person) in self.persons.iter().enumerate() {
            let hit = person.forms.iter().any(|(form, _)| {
                // Most forms cannot match: one without the last wanted word
                // as text is not keyed.
                if !may_contain(form, &wanted[wanted.len() - 1]) {
                    return false;
                }
                let words = key_words(form);
                match wanted.len() {
                    1 => words.contains(&wanted[0]),
                    n => {
                        words.len() >= 2
                            && words.last() == wanted.last()
                            && same_given(&words[0], &wanted[0])
                            && (n == 2 || words[1..] == wanted[1..])
                    }
                }
            });
            if hit {
                out.push(at as u32);
            }
        }
        out
    }
}

impl Identities {
    /// For each key word of `words` (see [`key_words`]), the persons other
    /// than `at` with a form that contains it: whom else a form of one
    /// word could name. One pass over the persons for all the words.
    pub(crate) fn others_containing(&self, at: u32, words: &[String]) -> Vec<Vec<u32>> {
        let mut out = vec![Vec::new(); words.len()];
        let mut hit = vec![false; words.len()];
        for (i, person) in self.persons.iter().enumerate() {
            if i as u32 == at {
                continue;
            }
            hit.fill(false);
            for (form, _) in &person.forms {
                // Page clutter (`Lisa Murkowski Lisa Ann MurkowskiTrump`)
                // holds a clean form of its person (see [`salvage`]); the
                // extractor resolves no short form to it.
                if !words.iter().any(|w| may_contain(form, w)) || is_clutter(form) {
                    continue;
                }
                let key = key_words(form);
                for (j, word) in words.iter().enumerate() {
                    hit[j] |= key.contains(word);
                }
            }
            for (j, _) in hit.iter().enumerate().filter(|(_, h)| **h) {
                out[j].push(i as u32);
            }
        }
        out
    }
}

/// Whether `form` may hold the key word `word` (see [`key_words`]): a
/// cheap test before keying, true unless an ASCII form lacks the word's
/// text (ignoring case, and the `y` that a folded romanisation ending
/// leaves).
fn may_contain(form: &str, word: &str) -> bool {
    let text = match word.strip_suffix('y') {
        Some(stem) if word.len() >= 5 => stem,
        _ => word,
    };
    !form.is_ascii() || crate::ascii::find_ignore_ascii_case(form, text).is_some()
}

/// The name of the stored persons in the index folder.
pub(crate) const FILE: &str = "persons.json";

/// The version of the stored persons' layout and grouping rules: a file of
/// another version is computed again.
const VERSION: u32 = 13;

/// What `persons.json` holds.
#[derive(Serialize, Deserialize)]
struct Stored {
    version: u32,
    /// The state the persons were computed for: each segment id with its
    /// delete opstamp.
    state: Vec<(String, Option<u64>)>,
    persons: Vec<Person>,
    /// The person forms that are no person, sorted.
    no_people: Vec<String>,
    /// The place names that are no place, sorted.
    no_places: Vec<String>,
}

/// One state of the index, as stored: segment ids (hex) and the opstamps
/// of their deletes.
pub(crate) type State = Vec<(String, Option<u64>)>;

/// Reads the persons stored in `dir` for `state`; `None` when there are
/// none, they are of another state or version, or they cannot be read (the
/// caller computes them again).
pub(crate) fn read(dir: &Path, state: &State) -> Option<Identities> {
    let bytes = std::fs::read(dir.join(FILE)).ok()?;
    let stored: Stored = serde_json::from_slice(&bytes).ok()?;
    (stored.version == VERSION && &stored.state == state)
        .then(|| Identities::from_persons(stored.persons, stored.no_people, stored.no_places))
}

/// Stores `ids` for `state` in `dir`, replacing the file at once (written
/// beside it, then renamed).
pub(crate) fn write(dir: &Path, state: &State, ids: &Identities) -> std::io::Result<()> {
    let stored = Stored {
        version: VERSION,
        state: state.clone(),
        persons: ids.persons.clone(),
        no_people: ids.no_people(),
        no_places: {
            let mut places: Vec<String> = ids.no_places.iter().cloned().collect();
            places.sort_unstable();
            places
        },
    };
    let json = serde_json::to_vec(&stored).map_err(std::io::Error::other)?;
    let partial = dir.join(format!(".{FILE}.partial"));
    std::fs::write(&partial, json)?;
    std::fs::rename(&partial, dir.join(FILE))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names with their articles, owned as the index counts them.
    fn owned(list: &[(&str, u64)]) -> Vec<(String, u64)> {
        list.iter().map(|(n, c)| (n.to_string(), *c)).collect()
    }

    fn build(list: &[(&str, u64)]) -> Identities {
        let counts = owned(list);
        Identities::build(Names {
            people: &counts,
            ..Names::default()
        })
    }

    fn same(ids: &Identities, a: &str, b: &str) -> bool {
        ids.person_of(a).is_some() && ids.person_of(a) == ids.person_of(b)
    }

    #[test]
    fn keys_fold_variants() {
        assert_eq!(key_words("Kim Jong-un"), key_words("Kim Jong Un"));
        assert_eq!(key_words("Beto O’Rourke"), key_words("Beto O'Rourke"));
        assert_eq!(key_words("Bashar al-Assad"), key_words("Bashar Assad"));
        assert_eq!(
            key_words("George H.W. Bush"),
            key_words("George H. W. Bush")
        );
        assert_eq!(key_words("José Martí"), key_words("Jose Marti"));
        assert_eq!(key_words("REAGAN"), ["reagan"]);
        assert_eq!(
            key_words("Volodymyr Zelenskiy"),
            key_words("Volodymyr Zelensky")
        );
        assert_eq!(
            key_words("Volodymyr Zelenskyy"),
            key_words("Volodymyr Zelensky")
        );
        assert_eq!(key_words("Dmitrii Peskov"), key_words("Dmitry Peskov"));
        // Short words keep their ending.
        assert_ne!(key_words("Li Yi"), key_words("Li Y"));
        assert_ne!(key_words("Fiji"), key_words("Fijy"));
    }

    #[test]
    fn forms_of_one_person_merge() {
        let ids = build(&[
            ("Donald Trump", 1000),
            ("Donald J. Trump", 60),
            ("Trump", 300),
            ("Chuck Schumer", 100),
            ("Charles E. Schumer", 20),
            ("Charles Schumer", 10),
            ("Schumer", 40),
            ("Hillary Clinton", 400),
            ("Hillary Rodham Clinton", 30),
            ("Hillary", 50),
            ("Kim Jong Un", 30),
            ("Kim Jong-un", 20),
            ("REAGAN", 3),
            ("Ronald Reagan", 90),
            ("Martin Luther King Jr.", 50),
            ("Martin Luther King", 20),
            ("Donald Trump Jr.", 40),
            ("Don Trump Jr.", 4),
            ("Don Trump", 1),
            ("Trump Jr.", 12),
        ]);
        assert!(same(&ids, "Martin Luther King", "Martin Luther King Jr."));
        assert!(!same(&ids, "Donald Trump", "Donald Trump Jr."));
        // The son's rare nickname form outnumbers the father's rarer one,
        // not the father; it is the son, and so is his surname with the
        // suffix.
        assert!(!same(&ids, "Donald Trump", "Don Trump Jr."));
        assert!(same(&ids, "Donald Trump Jr.", "Don Trump Jr."));
        assert!(same(&ids, "Donald Trump Jr.", "Trump Jr."));
        for (a, b) in [
            ("Donald Trump", "Donald J. Trump"),
            ("Donald Trump", "Trump"),
            ("Chuck Schumer", "Charles E. Schumer"),
            ("Chuck Schumer", "Charles Schumer"),
            ("Chuck Schumer", "Schumer"),
            ("Hillary Clinton", "Hillary Rodham Clinton"),
            ("Hillary Clinton", "Hillary"),
            ("Kim Jong Un", "Kim Jong-un"),
            ("Ronald Reagan", "REAGAN"),
        ] {
            assert!(same(&ids, a, b), "{a} / {b}");
        }
        let p = ids.person(ids.person_of("Charles Schumer").unwrap());
        assert_eq!(p.name, "Chuck Schumer");
        assert_eq!(p.forms.len(), 4);
    }

    #[test]
    fn a_surname_that_is_also_a_given_name_is_read_as_the_surname() {
        let ids = build(&[
            ("Ronald Reagan", 8),
            ("Nancy Reagan", 1),
            ("Reagan", 234),
            ("Reagan Administration", 2),
            ("Reagan Defends", 1),
            ("Reagan Iran", 1),
            ("Hillary Clinton", 40),
            ("Hillary", 9),
            ("Bernie Sanders", 250),
            ("Crazy Bernie", 5),
            ("Bernie", 60),
        ]);
        assert!(same(&ids, "Ronald Reagan", "Reagan"));
        assert!(same(&ids, "Hillary Clinton", "Hillary"));
        assert!(same(&ids, "Bernie Sanders", "Bernie"));
        let ids = build(&[
            ("Hunter Biden", 300),
            ("Duncan Hunter", 100),
            ("Hunter", 190),
        ]);
        assert!(!same(&ids, "Hunter Biden", "Hunter"));
    }

    #[test]
    fn a_rarer_suffixed_name_joins_unless_written_beside_the_bare_name() {
        let counts = owned(&[
            ("Donald Trump", 1000),
            ("Don Trump", 3),
            ("Donald Trump Jr.", 60),
            ("Don Trump Jr.", 4),
            ("Martin Luther King", 250),
            ("Martin Luther King Jr.", 130),
            ("Michael Brown", 270),
            ("Michael Brown Sr.", 5),
        ]);
        // Articles per form, as an index would store them: the son is
        // named beside his father in half of his articles (the nickname
        // forms beside each other's full forms), King's two forms seldom
        // in one article, and the father `Sr.` never beside his son.
        let mut articles: Vec<Vec<&str>> = Vec::new();
        articles.extend((0..30).map(|_| vec!["Donald Trump", "Donald Trump Jr."]));
        articles.extend((0..30).map(|_| vec!["Donald Trump Jr."]));
        articles.extend((0..4).map(|_| vec!["Don Trump Jr."]));
        articles.extend((0..3).map(|_| vec!["Don Trump"]));
        articles.extend((0..10).map(|_| vec!["Martin Luther King", "Martin Luther King Jr."]));
        articles.extend((0..120).map(|_| vec!["Martin Luther King Jr."]));
        articles.extend((0..5).map(|_| vec!["Michael Brown Sr."]));
        let together = |a: &[&str], b: &[&str]| -> u64 {
            articles
                .iter()
                .filter(|forms| {
                    forms.iter().any(|f| a.contains(f)) && forms.iter().any(|f| b.contains(f))
                })
                .count() as u64
        };
        let ids = Identities::build(Names {
            people: &counts,
            together: Some(&together),
            ..Names::default()
        });
        assert!(same(&ids, "Martin Luther King", "Martin Luther King Jr."));
        assert!(same(&ids, "Donald Trump Jr.", "Don Trump Jr."));
        assert!(!same(&ids, "Donald Trump", "Donald Trump Jr."));
        assert!(!same(&ids, "Michael Brown", "Michael Brown Sr."));
        // Without the counts of articles together, only the more common
        // suffixed form joins.
        let ids = Identities::build(Names {
            people: &counts,
            ..Names::default()
        });
        assert!(!same(&ids, "Martin Luther King", "Martin Luther King Jr."));
    }

    #[test]
    fn a_surname_with_a_suffix_joins_after_single_words_moved_the_roots() {
        // `Kennedy` (first in the list) joins the person of both Robert F.
        // Kennedy forms, which makes it that person's root; `Kennedy Jr.`
        // must still find the person (this panicked before 2026-12-02).
        let ids = build(&[
            ("Kennedy", 40),
            ("Kennedy Jr.", 3),
            ("Robert F. Kennedy", 50),
            ("Robert F. Kennedy Jr.", 100),
        ]);
        assert!(same(&ids, "Robert F. Kennedy Jr.", "Kennedy Jr."));
        assert!(same(&ids, "Robert F. Kennedy", "Kennedy"));
    }

    #[test]
    fn a_given_name_with_a_suffix_joins_the_one_person_it_fits() {
        let ids = build(&[
            ("Donald Trump Jr.", 300),
            ("Donald Jr.", 50),
            ("Don Jr.", 20),
            ("Donald Trump", 3000),
            ("Martin Luther King Jr.", 100),
            ("Martin Luther King III", 20),
            ("Martin Jr.", 5),
            ("Martin Smith Jr.", 90),
        ]);
        assert!(same(&ids, "Donald Trump Jr.", "Donald Jr."));
        assert!(same(&ids, "Donald Trump Jr.", "Don Jr."), "a nickname");
        assert!(!same(&ids, "Donald Trump", "Donald Jr."));
        // Two Martins end in Jr.: neither holds enough of them.
        assert!(!same(&ids, "Martin Luther King Jr.", "Martin Jr."));
        assert!(!same(&ids, "Martin Smith Jr.", "Martin Jr."));
    }

    #[test]
    fn a_rare_formal_name_does_not_bridge_two_nicknamed_people() {
        let ids = build(&[
            ("Eric Trump", 50),
            ("Fred Trump", 20),
            ("Frederick Trump", 1),
            ("Rick Trump", 1),
            ("Chuck Schumer", 100),
            ("Charles Schumer", 20),
            ("Charlie Schumer", 2),
        ]);
        assert!(same(&ids, "Fred Trump", "Frederick Trump"));
        assert!(!same(&ids, "Eric Trump", "Fred Trump"));
        // `Rick` is a nickname of both: it joins the common one, and the
        // rare formal name is no bridge.
        assert!(same(&ids, "Rick Trump", "Eric Trump"));
        assert!(!same(&ids, "Rick Trump", "Fred Trump"));
        // `Chuck` is a nickname of `Charles` and of `Charlie`, which are
        // forms of one name.
        assert!(same(&ids, "Chuck Schumer", "Charles Schumer"));
        assert!(same(&ids, "Chuck Schumer", "Charlie Schumer"));
        let ids = build(&[
            ("Steve Bannon", 400),
            ("Stephen Bannon", 120),
            ("Steven Bannon", 6),
        ]);
        assert!(same(&ids, "Steve Bannon", "Stephen Bannon"));
        assert!(!same(&ids, "Steve Bannon", "Steven Bannon"));
    }

    #[test]
    fn a_given_name_is_weighed_by_the_forms_that_start_with_it() {
        let ids = build(&[
            ("Jeff Sessions", 1000),
            ("Jefferson Sessions", 3),
            ("Jefferson Davis", 30),
            ("Thomas Jefferson", 170),
            ("Jefferson", 50),
            ("Hillary Clinton", 500),
            ("Hillary", 40),
        ]);
        assert!(same(&ids, "Jeff Sessions", "Jefferson Sessions"));
        assert!(!same(&ids, "Jeff Sessions", "Jefferson"));
        assert!(same(&ids, "Hillary Clinton", "Hillary"));
    }

    #[test]
    fn a_middle_initial_is_the_middle_name_it_stands_for() {
        let ids = build(&[
            ("Franklin D. Roosevelt", 72),
            ("Franklin Delano Roosevelt", 25),
            ("George W. Bush", 500),
            ("George Walker Bush", 5),
            ("George H. W. Bush", 200),
            ("George Herbert Walker Bush", 20),
            ("John M. Smith", 30),
            ("John Mark Smith", 20),
            ("John Michael Smith", 20),
        ]);
        assert!(same(
            &ids,
            "Franklin D. Roosevelt",
            "Franklin Delano Roosevelt"
        ));
        assert!(same(&ids, "George W. Bush", "George Walker Bush"));
        assert!(same(
            &ids,
            "George H. W. Bush",
            "George Herbert Walker Bush"
        ));
        assert!(!same(&ids, "George W. Bush", "George H. W. Bush"));
        // Two full middles of one initial: the initial is neither.
        assert!(!same(&ids, "John Mark Smith", "John Michael Smith"));
        assert!(!same(&ids, "John M. Smith", "John Mark Smith"));
    }

    #[test]
    fn namesakes_stay_apart() {
        let ids = build(&[
            ("George W. Bush", 500),
            ("George H. W. Bush", 200),
            ("George H.W. Bush", 50),
            ("George Bush", 80),
            ("Jeb Bush", 300),
            ("Bush", 100),
            ("Bill Clinton", 300),
            ("Hillary Clinton", 400),
            ("Clinton", 200),
            ("Chuck Schumer", 100),
            ("Amy Schumer", 60),
            ("Schumer", 40),
        ]);
        assert!(!same(&ids, "George W. Bush", "George H. W. Bush"));
        assert!(same(&ids, "George H.W. Bush", "George H. W. Bush"));
        assert!(!same(&ids, "George Bush", "George W. Bush"));
        assert!(!same(&ids, "Bush", "George W. Bush"));
        assert!(!same(&ids, "Bush", "Jeb Bush"));
        assert!(!same(&ids, "Clinton", "Hillary Clinton"));
        assert!(!same(&ids, "Bill Clinton", "Hillary Clinton"));
        assert!(!same(&ids, "Schumer", "Chuck Schumer"), "62% is not enough");
    }

    #[test]
    fn a_place_named_like_a_person_without_the_middle_is_no_place() {
        let people = owned(&[
            ("Franklin D. Roosevelt", 70),
            ("Franklin Delano Roosevelt", 25),
        ]);
        let places = owned(&[("Franklin Roosevelt", 60), ("Franklin", 40)]);
        let ids = Identities::build(Names {
            people: &people,
            places: &places,
            ..Names::default()
        });
        assert!(ids.is_no_place("Franklin Roosevelt"));
        assert!(!ids.is_no_place("Franklin"));
    }

    #[test]
    fn unknown_places_named_like_institutions_or_events_are_no_place() {
        let places = owned(&[
            ("Catholic Church", 40),
            ("Great Recession", 30),
            ("Second Amendment", 20),
            ("Silicon Valley", 50),
            ("Cleveland", 60),
        ]);
        // Silicon Valley is written `in Silicon Valley` (see the next test).
        let located = [("Silicon Valley".to_string(), 20)];
        let ids = Identities::build(Names {
            places: &places,
            located: &located,
            ..Names::default()
        });
        for place in ["Catholic Church", "Great Recession", "Second Amendment"] {
            assert!(ids.is_no_place(place), "{place}");
        }
        for place in ["Silicon Valley", "Cleveland"] {
            assert!(!ids.is_no_place(place), "{place}");
        }
    }

    #[test]
    fn others_containing_a_word_are_the_other_persons_of_any_form() {
        let ids = build(&[
            ("Donald Trump", 300),
            ("Trump", 100),
            ("Ivanka Trump", 40),
            ("Ivanka", 10),
            ("Donald Rumsfeld", 30),
            ("Rumsfeld", 10),
            ("Lisa Murkowski", 50),
            ("Lisa Murkowski Lisa Ann MurkowskiTrump", 20),
        ]);
        let person = |form: &str| ids.person_of(form).unwrap();
        // Clutter joined to its person is no rival: not Lisa Murkowski.
        assert_eq!(
            person("Lisa Murkowski Lisa Ann MurkowskiTrump"),
            person("Lisa Murkowski")
        );
        let (donald, ivanka, rumsfeld) = (
            person("Donald Trump"),
            person("Ivanka Trump"),
            person("Donald Rumsfeld"),
        );
        let words = ["trump".to_string(), "donald".to_string(), "x".to_string()];
        assert_eq!(
            ids.others_containing(donald, &words),
            vec![vec![ivanka], vec![rumsfeld], vec![]]
        );
        assert_eq!(
            ids.others_containing(ivanka, &words[..1]),
            vec![vec![donald]]
        );
    }

    #[test]
    fn initials_in_capitals_inside_a_name_are_initials() {
        assert_eq!(key_words("George HW Bush"), key_words("George H. W. Bush"));
        assert_eq!(
            key_words("George H.W. Bush"),
            key_words("George H. W. Bush")
        );
        // Not the first or last word, nor in a name all in capitals.
        assert_eq!(key_words("JD Vance"), ["jd", "vance"]);
        assert_eq!(key_words("JOHN DOE SMITH"), ["john", "doe", "smith"]);
        assert_eq!(key_words("Edwin Meese III"), ["edwin", "meese", "iii"]);
        let ids = build(&[("George H. W. Bush", 100), ("George HW Bush", 30)]);
        assert!(same(&ids, "George H. W. Bush", "George HW Bush"));
    }

    #[test]
    fn romanisations_of_one_name_are_one_person() {
        let ids = build(&[
            ("Volodymyr Zelensky", 300),
            ("Volodymyr Zelenskiy", 80),
            ("Volodymyr Zelenskyy", 20),
        ]);
        assert!(same(&ids, "Volodymyr Zelensky", "Volodymyr Zelenskiy"));
        assert!(same(&ids, "Volodymyr Zelensky", "Volodymyr Zelenskyy"));
        let person = ids.person_of("Volodymyr Zelensky").unwrap();
        assert_eq!(ids.matching("Volodymyr Zelenskiy"), vec![person]);
        assert_eq!(ids.matching("zelensky"), vec![person]);
        let ids = build(&[("Sergey Kislyak", 100), ("Sergei Kislyak", 30)]);
        assert!(same(&ids, "Sergey Kislyak", "Sergei Kislyak"));
        // A person written only one way is found by another.
        let ids = build(&[("Volodymyr Zelenskiy", 80), ("Zelenskiy", 10)]);
        let person = ids.person_of("Zelenskiy").unwrap();
        assert_eq!(ids.matching("Volodymyr Zelensky"), vec![person]);
    }

    #[test]
    fn matching_finds_every_form_and_nicknames() {
        let ids = build(&[
            ("Chuck Schumer", 100),
            ("Charles E. Schumer", 20),
            ("Amy Schumer", 60),
        ]);
        let chuck = ids.person_of("Chuck Schumer").unwrap();
        assert_eq!(ids.matching("Charles Schumer"), vec![chuck]);
        assert_eq!(ids.matching("chuck schumer"), vec![chuck]);
        assert_eq!(ids.matching("Schumer"), vec![chuck], "Amy is one form");
        assert_eq!(ids.matching("Chuck E. Schumer"), vec![chuck]);
        assert!(ids.matching("Amy E. Schumer").is_empty());
        assert!(ids.matching("  ").is_empty());
    }

    #[test]
    fn a_title_with_a_surname_names_whom_the_title_comes_before_in_full() {
        let people = owned(&[
            ("Bill Clinton", 300),
            ("William J. Clinton", 20),
            ("Hillary Clinton", 900),
            ("Hillary Rodham Clinton", 50),
            ("Clinton", 700),
        ]);
        let styled = owned(&[
            ("President Clinton", 200),
            ("President Bill Clinton", 90),
            ("president Bill Clinton", 5),
            ("President Hillary Clinton", 4),
            ("Mrs. Clinton", 80),
            ("Secretary Clinton", 30),
            ("Secretary Hillary Rodham Clinton", 2),
            ("Secretary Hillary Clinton", 1),
        ]);
        let ids = Identities::build(Names {
            people: &people,
            styled: &styled,
            ..Names::default()
        });
        let styled_of = |name: &str| &ids.persons[ids.person_of(name).unwrap() as usize].styled;
        // 95 of 99 articles write the title before Bill's full name.
        assert_eq!(styled_of("Bill Clinton"), &["President Clinton"]);
        // `Secretary` comes before Hillary's full names in three articles
        // (MIN_EVIDENCE); `Mrs.` before no full name.
        assert_eq!(styled_of("Hillary Clinton"), &["Secretary Clinton"]);
    }

    #[test]
    fn names_are_salvaged_from_clutter() {
        for (clutter, want) in [
            (
                "Charles Schumer Charles (Chuck) Ellis SchumerMcCarthy",
                Some("Charles Schumer"),
            ),
            (
                "Hillary Clinton Hillary Diane Rodham",
                Some("Hillary Clinton"),
            ),
            ("Nancy PelosiOvernight", Some("Nancy Pelosi")),
            ("Adam Bennett SchiffGraham", Some("Adam Bennett Schiff")),
            ("Mike Pence Michael", Some("Mike Pence")),
            ("Bernie Sanders Bernie", Some("Bernie Sanders")),
            ("More:Brett Kavanaugh", None),
            ("Joe BidenHouse", Some("Joe Biden")),
            ("TrumpGOP", None),
            ("Mitch McConnell", None),
        ] {
            assert_eq!(salvage(clutter).as_deref(), want, "{clutter}");
        }
        let ids = build(&[
            ("Charles Schumer", 40),
            ("Chuck Schumer", 100),
            ("Charles Schumer Charles (Chuck) Ellis SchumerMcCarthy", 300),
            ("Nancy PelosiOvernight", 20),
        ]);
        let chuck = ids.person_of("Chuck Schumer").unwrap();
        assert_eq!(
            ids.person_of("Charles Schumer Charles (Chuck) Ellis SchumerMcCarthy"),
            Some(chuck)
        );
        assert_eq!(ids.persons[chuck as usize].name, "Chuck Schumer");
        // No clean `Nancy Pelosi` to join: still no person.
        assert!(ids.is_no_person("Nancy PelosiOvernight"));
    }

    #[test]
    fn a_full_name_with_a_word_glued_on_is_a_form_of_the_name() {
        let ids = build(&[
            ("Mitch McConnell", 2000),
            ("McConnell", 300),
            ("Mitch McConnell Addison", 240),
            ("Mitch McConnell Kentuckians", 1),
            ("Grant Addison", 3),
            // `King` is a surname of the archive: its own person.
            ("Martin Luther", 400),
            ("Martin Luther King", 300),
            ("Steve King", 200),
            ("Stephen King", 150),
            // Two names start alike: neither joins.
            ("Kim Jong", 500),
            ("Kim Jong Un", 300),
            ("Kim Jong Il", 200),
        ]);
        let mitch = ids.person_of("Mitch McConnell").unwrap();
        assert_eq!(ids.person_of("Mitch McConnell Addison"), Some(mitch));
        assert_eq!(ids.persons[mitch as usize].name, "Mitch McConnell");
        // A form that joined another is a person of two forms.
        let apart = |a: &str, b: &str| ids.person_of(a).is_none_or(|p| Some(p) != ids.person_of(b));
        assert!(apart("Martin Luther King", "Martin Luther"));
        assert!(apart("Kim Jong Un", "Kim Jong"));
        assert!(apart("Kim Jong Il", "Kim Jong"));
    }

    #[test]
    fn a_name_the_archive_writes_after_the_is_no_person() {
        let people = owned(&[
            ("Rose Garden", 300),
            ("Donald Trump", 1000),
            ("Trump", 500),
            ("TRUMP", 5),
            ("Kelly File", 48),
        ]);
        let styled = owned(&[
            ("the Rose Garden", 130),
            // `the Trump` is rare beside the name's other articles: the
            // capitals count with them.
            ("the Trump", 4),
            ("the Kelly File", 43),
            ("President Trump", 400),
        ]);
        let ids = Identities::build(Names {
            people: &people,
            styled: &styled,
            ..Names::default()
        });
        assert!(ids.is_no_person("Rose Garden"));
        assert!(ids.is_no_person("Kelly File"));
        let trump = ids.person_of("Donald Trump").unwrap();
        assert_eq!(ids.person_of("TRUMP"), Some(trump));
        assert_eq!(ids.person_of("Trump"), Some(trump));
    }

    #[test]
    fn clutter_is_told_from_names() {
        for clutter in [
            "James Norman MattisFormer Mattis",
            "Donald Trump Donald John TrumpGOP",
            "Bernie Sanders Bernie",
            "Barack) Obama",
            "Mike Pence Michael",
            "More:Brett Kavanaugh",
            "Bill Maher:Donald Trump",
            "HealthCare.gov",
            "Breitbart.com",
        ] {
            assert!(is_clutter(clutter), "{clutter}");
        }
        for name in [
            "Mitch McConnell",
            "Douglas MacArthur",
            "Ron DeSantis",
            "Ray LaHood",
            "Martin Luther King Jr.",
            "Kim Jong-un",
            "George H. W. Bush",
            "Beto O’Rourke",
            "Boutros Boutros-Ghali",
            "Jamie Lee Curtis",
            "Sarah Jessica Parker",
            "Martin Luther King",
            "Washington, D.C.",
            "J.R.R. Tolkien",
            "Robert F. Kennedy Jr.",
        ] {
            assert!(!is_clutter(name), "{name}");
        }
    }

    #[test]
    fn clutter_does_not_keep_forms_apart() {
        let ids = build(&[
            ("James Mattis", 199),
            ("Jim Mattis", 149),
            ("Mattis", 37),
            ("James N. Mattis", 11),
            ("James Norman MattisFormer Mattis", 11),
        ]);
        assert!(same(&ids, "James Mattis", "James N. Mattis"));
        assert!(same(&ids, "James Mattis", "Jim Mattis"));
        assert!(same(&ids, "James Mattis", "Mattis"));
        assert_eq!(ids.person_of("James Norman MattisFormer Mattis"), None);
        assert!(ids.is_no_person("James Norman MattisFormer Mattis"));
    }

    fn build_kinds(
        people: &[(&str, u64)],
        places: &[(&str, u64)],
        others: &[(&str, u64)],
    ) -> Identities {
        let (people, places, others) = (owned(people), owned(places), owned(others));
        Identities::build(Names {
            people: &people,
            places: &places,
            others: &others,
            ..Names::default()
        })
    }

    #[test]
    fn names_mostly_of_another_kind_are_no_person() {
        let ids = build_kinds(
            &[
                ("Twitter", 300),
                ("Jack Dorsey", 20),
                ("Donald Trump", 1000),
                ("Trump", 500),
                ("Clinton Foundation", 40),
                ("Beyonce", 50),
                ("Obamacare", 200),
                ("Facebook", 100),
            ],
            &[("Obamacare", 60)],
            &[
                ("Twitter", 200),
                ("Trump", 480),
                ("The Clinton Foundation", 60),
                ("Facebook", 400),
            ],
        );
        for name in ["Twitter", "Clinton Foundation", "Obamacare", "Facebook"] {
            assert!(ids.is_no_person(name), "{name}");
        }
        // A short form of a full name stays one, however often the tagger
        // calls it an organisation (`the Trump administration`).
        assert!(same(&ids, "Trump", "Donald Trump"));
        // A mononym without other evidence is a person of one form.
        assert_eq!(ids.lookup("Beyonce"), None);
    }

    #[test]
    fn short_forms_of_several_persons_are_no_person() {
        let ids = build(&[
            ("Bill Clinton", 300),
            ("Hillary Clinton", 400),
            ("Clinton", 200),
            ("CLINTON", 5),
            ("David Brooks", 100),
            ("David Smith", 100),
            ("David", 50),
            ("Francis", 20),
        ]);
        for name in ["Clinton", "CLINTON", "David"] {
            assert!(ids.is_no_person(name), "{name}");
        }
        assert_eq!(ids.lookup("Francis"), None, "no full name uses it");
        assert_eq!(ids.lookup("Bill Clinton"), None);
    }

    #[test]
    fn places_mostly_of_another_kind_are_no_place() {
        let ids = build_kinds(
            &[
                ("Barack Obama", 1000),
                ("Obama", 600),
                ("Adam Schiff", 300),
                ("Schiff", 80),
                ("Alexandria Ocasio-Cortez", 400),
                ("Alexandria", 10),
            ],
            &[
                ("Obama", 100),
                ("Cleveland", 120),
                ("MSNBC", 50),
                ("Schiff", 140),
                ("Alexandria", 100),
            ],
            &[("Cleveland", 400), ("MSNBC", 300)],
        );
        assert!(ids.leaves_out_places());
        for place in ["Obama", "MSNBC", "Schiff"] {
            assert!(ids.is_no_place(place), "{place}");
        }
        // Known places: a team or a government is written as an
        // organisation, and a namesake's short form is rare.
        for place in ["Cleveland", "Alexandria"] {
            assert!(!ids.is_no_place(place), "{place}");
        }
        let dir = tempfile::tempdir().unwrap();
        let state: State = vec![("abc".to_string(), None)];
        write(dir.path(), &state, &ids).unwrap();
        let back = read(dir.path(), &state).unwrap();
        assert!(back.is_no_place("MSNBC") && !back.is_no_place("Cleveland"));
    }

    #[test]
    fn unknown_places_seldom_written_after_a_locative_preposition_are_no_place() {
        let places = owned(&[
            ("Calculator", 80),
            ("Beltway", 200),
            ("Foggy Bottom", 12),
            ("Pennsylvania Avenue", 130),
            ("Ohio", 500),
            ("Watergate", 400),
            ("HealthCare.gov", 15),
        ]);
        let located = owned(&[
            ("Beltway", 60),
            ("Pennsylvania Avenue", 5),
            ("Watergate", 30),
            ("HealthCare.gov", 10),
        ]);
        let ids = Identities::build(Names {
            places: &places,
            located: &located,
            ..Names::default()
        });
        // Never after `in`, `from`, `across`...: a widget's name.
        assert!(ids.is_no_place("Calculator"));
        // Written so in 30% of its articles.
        assert!(!ids.is_no_place("Beltway"));
        // In 7.5%, below the share.
        assert!(ids.is_no_place("Watergate"));
        // A web address, on whatever evidence.
        assert!(ids.is_no_place("HealthCare.gov"));
        // Too few articles to judge; a street (written `on`); a place the
        // gazetteer knows (the column holds unknown names only).
        for place in ["Foggy Bottom", "Pennsylvania Avenue", "Ohio"] {
            assert!(!ids.is_no_place(place), "{place}");
        }
    }

    #[test]
    fn persons_of_one_form_are_not_kept() {
        let ids = build(&[("Amy Schumer", 60), ("Jeb Bush", 3)]);
        assert_eq!(ids.len(), 0);
        assert_eq!(ids.person_of("Amy Schumer"), None);
    }

    #[test]
    fn stored_persons_are_read_back_for_their_state_only() {
        let dir = tempfile::tempdir().unwrap();
        let ids = build(&[
            ("Donald Trump", 10),
            ("Donald J. Trump", 3),
            ("TrumpGOP Trump", 1),
        ]);
        let state: State = vec![("abc".to_string(), None), ("def".to_string(), Some(7))];
        write(dir.path(), &state, &ids).unwrap();
        let back = read(dir.path(), &state).expect("same state");
        assert_eq!(back.persons, ids.persons);
        assert_eq!(back.person_of("Donald J. Trump"), Some(0));
        assert!(back.is_no_person("TrumpGOP Trump"));
        let other: State = vec![("abc".to_string(), Some(9))];
        assert!(read(dir.path(), &other).is_none(), "another state");
        std::fs::write(dir.path().join(FILE), b"{broken").unwrap();
        assert!(read(dir.path(), &state).is_none(), "unreadable");
    }
}
