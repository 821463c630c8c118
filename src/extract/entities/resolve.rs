//! From tagged spans to people and places with canonical names.
//!
//! * A person mention loses leading titles and honorifics (`President`,
//!   `Secretary of State`, `Mr.`, `Gen.`) and a possessive; its text stays a
//!   slice of the article. Within the article a shorter form resolves to the
//!   fullest name that contains it: a surname (`Blinken`) or a family name
//!   written first (`Xi` of `Xi Jinping`, see [`is_family_first`]). A name
//!   with a word glued by page clutter (`Trump Donald John TrumpDem`) is
//!   no full name. When two different full names would fit (`Bush` with
//!   `George W. Bush` and `Jeb Bush`), the short form stays as it is.
//! * A place mention resolves through the [`PlaceTable`]'s alternate names
//!   (`U.S.` -> `United States`); nationality words (`Chinese`) are never
//!   places. Unknown places keep their own text.

use rustc_hash::FxHashMap as HashMap;

use super::Entities;
use super::words::Lexicon;
use crate::extract::places::{PlaceKind, PlaceTable};
use crate::extract::tagger::caps::name_case;
use crate::model::{EntityKind, Mention};

/// A person or place span of the article, as tagged.
#[derive(Clone, Copy, Debug)]
pub(super) struct Tagged<'a> {
    /// The text of the span.
    pub text: &'a str,
    /// A one-word person span with the regnal title before it (`Pope
    /// Francis` for the span `Francis`): the text its name is read from.
    pub titled: Option<&'a str>,
    /// Person or place.
    pub kind: EntityKind,
    /// In an all-caps line: a name without table entry is written in name
    /// case (`VOLCKER` -> `Volcker`).
    pub caps: bool,
    /// Directly after a place span and a comma (`Ga.` of `Gainesville,
    /// Ga.`).
    pub follows_place: bool,
    /// After a locative preposition (`in Ohio`: see
    /// `context::after_locative`).
    pub locative: bool,
    /// The title word right before a person span (`President` of
    /// `President Clinton`, `Sen.`: see `context::title_before`), or `the`
    /// before one that heads its phrase (`context::article_before`).
    pub title_word: Option<&'a str>,
}

/// A cleaned span, with what naming needs to know of its neighbours.
#[derive(Clone, Copy, Debug)]
struct Cleaned<'a> {
    text: &'a str,
    /// The text the name is read from: `text`, or with a regnal title.
    named: &'a str,
    kind: EntityKind,
    caps: bool,
    /// Directly after the previous cleaned span, a place, and a comma.
    follows_place: bool,
    /// After a locative preposition.
    locative: bool,
    /// The title word right before a person span.
    title_word: Option<&'a str>,
}

/// Multi-word titles that precede names (`Secretary of State`); the words
/// of single-word titles come from the lexicon.
const TITLE_PHRASES: [&str; 8] = [
    "secretary of state",
    "secretary of defense",
    "secretary-general",
    "secretary general",
    "prime minister",
    "foreign minister",
    "attorney general",
    "vice president",
];

/// Resolves tagged spans into the article's people, places and mentions.
pub(super) fn resolve(tagged: &[Tagged<'_>], lexicon: &Lexicon, places: &PlaceTable) -> Entities {
    // Clean texts first, so that resolution sees names without titles.
    let mut cleaned: Vec<Cleaned<'_>> = Vec::with_capacity(tagged.len());
    // Whether the previous tagged span was kept.
    let mut kept_previous = false;
    for t in tagged {
        let kept_before = std::mem::replace(&mut kept_previous, false);
        let kind = match t.kind {
            EntityKind::Person if is_geographic(t.text, lexicon) => EntityKind::Place,
            EntityKind::Place if after_honorific(t.text) => EntityKind::Person,
            kind => kind,
        };
        let t = Tagged { kind, ..*t };
        let text = match t.kind {
            EntityKind::Person => strip_person(t.text, lexicon),
            EntityKind::Place => strip_place(t.text),
        };
        if text.is_empty() || !text.chars().any(char::is_alphabetic) {
            continue;
        }
        if t.kind == EntityKind::Place && (places.is_demonym(text) || is_institution(text)) {
            continue;
        }
        if t.kind == EntityKind::Person && !is_plausible_person(text, lexicon) {
            continue;
        }
        // A regnal title and one name, in the span or right before it,
        // stay together in the name (the mention is the name alone).
        let titled = t.titled.unwrap_or_else(|| trim_outer(t.text));
        let named = match (t.kind, regnal_name(titled)) {
            (EntityKind::Person, Some(titled)) if !text.contains(char::is_whitespace) => titled,
            _ => text,
        };
        cleaned.push(Cleaned {
            text,
            named,
            kind: t.kind,
            caps: t.caps,
            follows_place: t.follows_place && kept_before,
            locative: t.locative,
            title_word: t.title_word,
        });
        kept_previous = true;
    }

    // A title before a word that a full name of the article holds
    // (`Emperor Obama` beside `Barack Obama`) is a figure of speech: the
    // word is that person.
    let held: Vec<&str> = cleaned
        .iter()
        .filter(|c| c.kind == EntityKind::Person && c.named == c.text)
        .flat_map(|c| {
            let words: Vec<&str> = c.text.split_whitespace().collect();
            if words.len() > 1 { words } else { Vec::new() }
        })
        .collect();
    for c in &mut cleaned {
        if c.named != c.text && held.contains(&c.text) {
            c.named = c.text;
        }
    }

    // The names short forms may resolve to: not one with a word glued by
    // page clutter, checked once here rather than per mention.
    let full_names: Vec<Vec<&str>> = {
        let mut seen: Vec<Vec<&str>> = Vec::new();
        for Cleaned { named, kind, .. } in &cleaned {
            if *kind == EntityKind::Person {
                let words: Vec<&str> = named.split_whitespace().collect();
                if !seen.contains(&words) && !words.iter().any(|w| is_glued(w)) {
                    seen.push(words);
                }
            }
        }
        seen
    };

    let mut entities = Entities::default();
    let mut counts: HashMap<(EntityKind, String), (usize, usize)> = HashMap::default();
    for (i, c) in cleaned.iter().enumerate() {
        let (text, kind) = (c.text, &c.kind);
        let name = match kind {
            EntityKind::Person => own_name(person_name(c.named, &full_names, lexicon), c.caps),
            EntityKind::Place => place_name(&cleaned, i, places),
        };
        // A title with the person's name, once per article: `President
        // Bill Clinton` is evidence of whom `President Clinton` names
        // across the archive, which the article alone may not tell.
        if let (EntityKind::Person, Some(title)) = (kind, c.title_word) {
            let styled = if text.contains(char::is_whitespace) {
                format!("{title} {name}")
            } else {
                format!("{title} {}", own_name(collapse(text), c.caps))
            };
            if !entities.styled.contains(&styled) {
                entities.styled.push(styled);
            }
        }
        if c.locative
            && *kind == EntityKind::Place
            && !entities.located.contains(&name)
            && !crate::extract::is_known_place(&name)
        {
            entities.located.push(name.clone());
        }
        let entry = counts.entry((*kind, name.clone())).or_insert((0, i));
        entry.0 += 1;
        entities.mentions.push(Mention {
            text: (*text).to_string(),
            kind: *kind,
            name,
        });
    }
    let mut ranked: Vec<((EntityKind, String), (usize, usize))> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.1.1.cmp(&b.1.1)));
    for ((kind, name), _) in ranked {
        match kind {
            EntityKind::Person => entities.people.push(name),
            EntityKind::Place => entities.places.push(name),
        }
    }
    entities
}

/// The name of an organisation or other span, as the archive compares it
/// with people and places: without a possessive, a leading "the" and
/// surrounding punctuation, spaces collapsed; `None` without a letter.
pub(super) fn other_name(text: &str) -> Option<String> {
    let text = strip_place(text);
    text.chars()
        .any(char::is_alphabetic)
        .then(|| collapse(text))
}

/// The name before a compound modifier's last hyphen, when what follows is
/// a lowercase word: `Obama` of `Obama-era`, `Bernie Sanders` of `Bernie
/// Sanders-style`; not of `Trump-Russia` or `al-Qaeda`.
pub(super) fn compound_head(name: &str) -> Option<&str> {
    let (head, tail) = name.rsplit_once('-')?;
    let lower_tail = !tail.is_empty() && tail.chars().all(|c| c.is_lowercase());
    let named_head = head
        .split_whitespace()
        .last()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().count() > 1);
    (lower_tail && named_head).then_some(head)
}

/// A name as written, in name case when it was met in capitals.
fn own_name(name: String, caps: bool) -> String {
    if caps && !name.chars().any(char::is_lowercase) {
        name_case(&name)
    } else {
        name
    }
}

/// True for two capitals, the shape of a US postal code (`TX`).
fn is_code_shape(text: &str) -> bool {
    text.len() == 2 && text.bytes().all(|b| b.is_ascii_uppercase())
}

/// The place a cleaned span names: a postal code in place context (after
/// `Austin,`, or tagged alone outside capitals) is its state; a city
/// followed by its region (`Gainesville, Ga.`, `Athens, Tenn.`) is looked
/// up within that region; anything else through the table.
fn place_name(cleaned: &[Cleaned<'_>], i: usize, places: &PlaceTable) -> String {
    let c = &cleaned[i];
    let region_of = |c: &Cleaned<'_>| {
        let code = (is_code_shape(c.text) && (c.follows_place || !c.caps))
            .then(|| places.postal(c.text))
            .flatten();
        code.or_else(|| places.lookup(c.text))
    };
    let own = || own_name(collapse(c.text), c.caps);
    let found = region_of(c);
    let region = cleaned
        .get(i + 1)
        .filter(|next| next.kind == EntityKind::Place && next.follows_place)
        .and_then(region_of)
        .filter(|r| matches!(r.kind, PlaceKind::State | PlaceKind::Country));
    if let Some(region) = region
        && found.is_none_or(|p| p.kind == PlaceKind::City)
    {
        return places
            .within(c.text, region)
            .map_or_else(own, |p| p.name.to_string());
    }
    found.map_or_else(own, |p| p.name.to_string())
}

/// The canonical form of a person mention: the fullest name of the article
/// that this one is a short form of, when there is exactly one.
fn person_name(text: &str, full_names: &[Vec<&str>], lexicon: &Lexicon) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut best: Option<&Vec<&str>> = None;
    for full in full_names {
        if full.len() <= words.len() || !is_short_form(&words, full, lexicon) {
            continue;
        }
        best = match best {
            None => Some(full),
            // A fuller form of the same person (`George Bush`, `George W.
            // Bush`) replaces it; a different person makes it ambiguous.
            Some(b) if is_short_form(b, full, lexicon) => Some(full),
            Some(b) if is_short_form(full, b, lexicon) => Some(b),
            Some(_) => return words.join(" "),
        };
    }
    best.unwrap_or(&words).join(" ")
}

/// Whether a word is two words glued together by page clutter (`TrumpGOP`,
/// `MattisFormer`): a capital after four or more letters in lowercase,
/// which no name prefix such as `Mc`, `Mac`, `De` or `La` is.
pub(crate) fn is_glued(word: &str) -> bool {
    glued_at(word).is_some()
}

/// Where the word glued on starts (see [`is_glued`]): the byte offset of
/// `O` in `PelosiOvernight`.
pub(crate) fn glued_at(word: &str) -> Option<usize> {
    let mut lower_run = 0;
    for (at, c) in word.char_indices() {
        if c.is_uppercase() && lower_run >= 4 {
            return Some(at);
        }
        lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
    }
    None
}

/// True when `short` names the same person as `full` in a shorter way:
/// its words end `full` (`Blinken`, `Jinping`), or begin it when `full`
/// does not start with a given name (`Xi` of `Xi Jinping`), or are its
/// first and last words (`George Bush` of `George W. Bush`).
fn is_short_form(short: &[&str], full: &[&str], lexicon: &Lexicon) -> bool {
    if short.is_empty() || short.len() >= full.len() {
        return false;
    }
    let same = |a: &[&str], b: &[&str]| {
        a.len() == b.len()
            && a.iter().zip(b).all(|(x, y)| {
                x.trim_end_matches('.')
                    .eq_ignore_ascii_case(y.trim_end_matches('.'))
            })
    };
    if same(short, &full[full.len() - short.len()..]) {
        return true;
    }
    if short.len() == 1 && same(short, &full[..1]) && is_family_first(full, lexicon) {
        return true;
    }
    short.len() == 2 && same(&short[..1], &full[..1]) && same(&short[1..], &full[full.len() - 1..])
}

/// Whether a full name is written family name first (`Xi Jinping`, `Kim
/// Jong Un`, `Ban Ki-moon`): its first word is a family name of a naming
/// order that writes it first (`Kim`, also an English given name, among
/// them), or another word than a given name followed by a hyphenated given
/// name. A run of names glued by page
/// clutter (`Trump Krystal Ball`) or a name and a noun (`Trump Tower`)
/// does not qualify, so its first word stays a name of its own.
fn is_family_first(full: &[&str], lexicon: &Lexicon) -> bool {
    let first = full[0].to_lowercase();
    full.len() <= 3
        && (lexicon.is_family_first(&first)
            || (!lexicon.is_given(&first) && full[1..].iter().any(|w| w.contains('-'))))
}

/// A person span without titles, honorifics, a possessive and surrounding
/// punctuation; still a slice of the span.
fn strip_person<'a>(text: &'a str, lexicon: &Lexicon) -> &'a str {
    let mut rest = trim_outer(text);
    loop {
        let lower = rest.to_lowercase();
        let phrase = TITLE_PHRASES
            .iter()
            .find(|p| lower.starts_with(*p) && lower[p.len()..].starts_with(' '));
        if let Some(p) = phrase {
            rest = rest[p.len()..].trim_start();
            continue;
        }
        let Some((first, after)) = rest.split_once(char::is_whitespace) else {
            break;
        };
        let word = first.trim_end_matches('.').to_lowercase();
        if is_title_word(&word, lexicon) {
            rest = after.trim_start();
        } else {
            break;
        }
    }
    trim_outer(strip_possessive(rest))
}

/// Titles by which a sovereign or a pope is named: with one name after
/// them (`Pope Francis`, `King Salman`, `Prince Harry`) the title is part
/// of the name, since the name alone names many people.
pub(super) const REGNAL_TITLES: [&str; 8] = [
    "Pope", "King", "Queen", "Prince", "Princess", "Emperor", "Empress", "Sultan",
];

/// `text` as a name when it is a regnal title and one capitalised word
/// (`Pope Francis`, a possessive dropped), else `None`.
fn regnal_name(text: &str) -> Option<&str> {
    let (title, rest) = text.split_once(' ')?;
    let rest = strip_possessive(rest);
    let one_name = !rest.is_empty()
        && !rest.contains(char::is_whitespace)
        && rest.chars().next().is_some_and(char::is_uppercase)
        && rest
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'');
    (REGNAL_TITLES.contains(&title) && one_name)
        .then(|| trim_outer(&text[..title.len() + 1 + rest.len()]))
}

/// Honorifics that only people bear: a span they start (`Mr. Trump`) is a
/// person, whatever the tagger said.
const HONORIFICS: [&str; 10] = [
    "mr",
    "mrs",
    "ms",
    "mx",
    "dr",
    "sen",
    "rep",
    "rev",
    "senator",
    "president",
];

/// Whether a span is an honorific and a name after it.
fn after_honorific(text: &str) -> bool {
    let mut words = text.split_whitespace();
    match (words.next(), words.next()) {
        (Some(first), Some(_)) => {
            let first = first.trim_end_matches('.');
            HONORIFICS.iter().any(|h| first.eq_ignore_ascii_case(h))
        }
        _ => false,
    }
}

/// Institutions named after their buildings: organisations, not places
/// (`the White House said`, `the Kremlin denied`).
const INSTITUTIONS: [&str; 6] = [
    "white house",
    "kremlin",
    "pentagon",
    "elysee",
    "élysée",
    "elysee palace",
];

fn is_institution(text: &str) -> bool {
    let lower = text.to_lowercase();
    INSTITUTIONS.iter().any(|i| {
        lower
            .strip_suffix(i)
            .is_some_and(|before| before.is_empty() || before.ends_with(' '))
    })
}

/// A name of two or more words with a geographic head (`Gatun Lake`,
/// `Mount Kenya`, `Hudson River`) is a place, whatever the tagger said.
fn is_geographic(text: &str, lexicon: &Lexicon) -> bool {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    match (words.first(), words.last()) {
        (Some(first), Some(last)) if words.len() >= 2 => {
            lexicon.geo_suffixes.contains(last.as_str())
                || lexicon.geo_prefixes.contains(first.trim_end_matches('.'))
        }
        _ => false,
    }
}

/// Rules out spans that cannot be a person's name: a title alone (`Pope`,
/// `Senators`) or a word for God.
fn is_plausible_person(text: &str, lexicon: &Lexicon) -> bool {
    let lower = text.to_lowercase();
    if matches!(lower.as_str(), "god" | "allah" | "jesus christ" | "lord") {
        return false;
    }
    let mut words = lower.split_whitespace();
    match (words.next(), words.next()) {
        (Some(only), None) => !is_title_word(only.trim_end_matches('.'), lexicon),
        _ => true,
    }
}

/// A title word, singular or plural (`senator`, `senators`).
fn is_title_word(word: &str, lexicon: &Lexicon) -> bool {
    lexicon.titles.contains(word)
        || word
            .strip_suffix('s')
            .is_some_and(|one| lexicon.titles.contains(one))
}

/// A place span without a possessive, a leading "the", a party label
/// (`R-Texas`, `D-N.Y.`: the state is the place) and surrounding
/// punctuation.
fn strip_place(text: &str) -> &str {
    let text = trim_outer(strip_possessive(trim_outer(text)));
    let text = match text.as_bytes() {
        [b'D' | b'R' | b'I', b'-', next, ..] if next.is_ascii_uppercase() => &text[2..],
        _ => text,
    };
    for the in ["the ", "The ", "THE "] {
        if let Some(rest) = text.strip_prefix(the) {
            return rest.trim_start();
        }
    }
    text
}

fn strip_possessive(text: &str) -> &str {
    for suffix in ["'s", "\u{2019}s", "'", "\u{2019}"] {
        if let Some(rest) = text.strip_suffix(suffix) {
            return rest.trim_end();
        }
    }
    text
}

/// Trims punctuation around a name, keeping a final `.` of an initial or an
/// abbreviation (`U.S.`, `Jr.`, `Fla.`): the tagger's spans never include a
/// sentence's full stop.
fn trim_outer(text: &str) -> &str {
    text.trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.')
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(list: &[(&str, EntityKind)]) -> Entities {
        let tagged: Vec<Tagged<'_>> = list
            .iter()
            .map(|&(text, kind)| Tagged {
                locative: false,
                title_word: None,
                text,
                titled: None,
                kind,
                caps: false,
                follows_place: false,
            })
            .collect();
        resolve(&tagged, Lexicon::get(), PlaceTable::get())
    }

    const P: EntityKind = EntityKind::Person;
    const L: EntityKind = EntityKind::Place;

    #[test]
    fn titles_and_possessives_go_short_forms_resolve() {
        let e = run(&[
            ("Secretary of State Antony Blinken", P),
            ("Blinken's", P),
            ("Mr Xi", P),
            ("President Xi Jinping", P),
            ("Xi", P),
            ("U.S.", L),
            ("Britain", L),
            ("the United States", L),
        ]);
        let names: Vec<(&str, &str)> = e
            .mentions
            .iter()
            .map(|m| (m.text.as_str(), m.name.as_str()))
            .collect();
        assert_eq!(
            names,
            vec![
                ("Antony Blinken", "Antony Blinken"),
                ("Blinken", "Antony Blinken"),
                ("Xi", "Xi Jinping"),
                ("Xi Jinping", "Xi Jinping"),
                ("Xi", "Xi Jinping"),
                ("U.S.", "United States"),
                ("Britain", "United Kingdom"),
                ("United States", "United States"),
            ]
        );
        assert_eq!(e.people, vec!["Xi Jinping", "Antony Blinken"]);
        assert_eq!(e.places, vec!["United States", "United Kingdom"]);
    }

    #[test]
    fn two_people_with_one_surname_stay_apart() {
        let e = run(&[
            ("George W. Bush", P),
            ("Jeb Bush", P),
            ("Bush", P),
            ("George Bush", P),
        ]);
        let name = |text: &str| {
            e.mentions
                .iter()
                .find(|m| m.text == text)
                .map(|m| m.name.clone())
                .unwrap()
        };
        assert_eq!(name("Bush"), "Bush");
        assert_eq!(name("George Bush"), "George W. Bush");
        assert_eq!(name("Jeb Bush"), "Jeb Bush");
    }

    #[test]
    fn a_surname_does_not_resolve_to_a_run_of_names_or_clutter() {
        let name = |list: &[(&str, EntityKind)], text: &str| {
            run(list)
                .mentions
                .iter()
                .find(|m| m.text == text)
                .map(|m| m.name.clone())
                .unwrap()
        };
        // A name glued to the next by a page's hover card, a run of names
        // and a name with a noun are no full name of "Trump".
        for full in [
            "Trump Donald John TrumpDem",
            "Trump Krystal Ball",
            "Trump Tower",
        ] {
            assert_eq!(name(&[(full, P), ("Trump", P)], "Trump"), "Trump", "{full}");
        }
        assert_eq!(
            name(
                &[("Mark Randall MeadowsTrump", P), ("Meadows", P)],
                "Meadows"
            ),
            "Meadows"
        );
        // Names written family name first still take their family name.
        assert_eq!(
            name(&[("Kim Jong Un", P), ("Kim", P)], "Kim"),
            "Kim Jong Un"
        );
        assert_eq!(
            name(&[("Ban Ki-moon", P), ("Ban", P)], "Ban"),
            "Ban Ki-moon"
        );
        assert!(is_glued("TrumpGOP") && !is_glued("McDonald") && !is_glued("MacKenzie"));
    }

    #[test]
    fn given_name_first_is_not_a_family_name() {
        // "John" alone is not John Smith's family name.
        let e = run(&[("John Smith", P), ("John", P)]);
        assert_eq!(e.mentions[1].name, "John");
    }

    #[test]
    fn nationality_words_and_empty_spans_are_dropped() {
        let e = run(&[
            ("Chinese", L),
            ("--", P),
            ("", L),
            ("Paris", L),
            ("White House", L),
            ("Bush White House", L),
            ("Kremlin", L),
            ("Pope", P),
            ("Senators Kaine", P),
            ("God", P),
        ]);
        assert_eq!(e.places, vec!["Paris"]);
        assert_eq!(e.people, vec!["Kaine"]);
        assert_eq!(e.mentions.len(), 2);
        assert_eq!(e.mentions[0].text, "Paris");
    }

    #[test]
    fn party_labels_give_their_state() {
        let e = run(&[("R-Fla.", L), ("D-N.Y.", L), ("R-Texas", L), ("I-Vt", L)]);
        let texts: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(texts, vec!["Fla.", "N.Y.", "Texas", "Vt"]);
        assert_eq!(e.mentions[2].name, "Texas");
    }

    #[test]
    fn geographic_names_are_places_not_people() {
        let e = run(&[
            ("Gatun Lake", P),
            ("Mount Kenya", P),
            ("Lake", P),
            ("Ann Lake", L),
        ]);
        assert_eq!(e.places, vec!["Gatun Lake", "Mount Kenya", "Ann Lake"]);
        // A lone word stays a person (Anthony Lake).
        assert_eq!(e.people, vec!["Lake"]);
    }

    #[test]
    fn a_name_after_an_honorific_is_a_person() {
        let e = run(&[
            ("Donald Trump", P),
            ("Mr. Trump", L),
            ("Sen. Warren", L),
            ("Mr", L),
            ("St. Louis", L),
        ]);
        assert_eq!(e.people, vec!["Donald Trump", "Warren"]);
        assert_eq!(e.places, vec!["Mr", "St. Louis"]);
        assert_eq!(e.mentions[1].kind, EntityKind::Person);
    }

    /// Spans with their flags: `(text, kind, caps, follows_place)`.
    fn run_flagged(list: &[(&str, EntityKind, bool, bool)]) -> Vec<(String, String)> {
        let tagged: Vec<Tagged<'_>> = list
            .iter()
            .map(|&(text, kind, caps, follows_place)| Tagged {
                locative: false,
                title_word: None,
                text,
                titled: None,
                kind,
                caps,
                follows_place,
            })
            .collect();
        resolve(&tagged, Lexicon::get(), PlaceTable::get())
            .mentions
            .into_iter()
            .map(|m| (m.text, m.name))
            .collect()
    }

    #[test]
    fn state_abbreviations_postal_codes_and_regions() {
        let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
            list.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        for (input, want) in [
            (
                vec![("Calif.", L, false, false)],
                vec![("Calif.", "California")],
            ),
            (
                vec![("N.Y.", L, false, false)],
                vec![("N.Y.", "New York State")],
            ),
            (
                vec![("W.Va.", L, false, false)],
                vec![("W.Va.", "West Virginia")],
            ),
            (
                vec![("Ga.", L, false, false)],
                vec![("Ga.", "Georgia (US state)")],
            ),
            (
                vec![("D.C.", L, false, false)],
                vec![("D.C.", "Washington")],
            ),
            (vec![("TX", L, false, false)], vec![("TX", "Texas")]),
            // In capitals a code is a word unless it follows a place.
            (vec![("OR", L, true, false)], vec![("OR", "Or")]),
            (
                vec![("Austin", L, false, false), ("TX", L, false, true)],
                vec![("Austin", "Austin"), ("TX", "Texas")],
            ),
            (
                vec![("Washington", L, false, false), ("D.C.", L, false, true)],
                vec![("Washington", "Washington"), ("D.C.", "Washington")],
            ),
            (
                vec![("Washington", L, false, false), ("DC", L, false, true)],
                vec![("Washington", "Washington"), ("DC", "Washington")],
            ),
            (
                vec![("GAINESVILLE", L, false, false), ("Ga.", L, false, true)],
                vec![
                    ("GAINESVILLE", "Gainesville, Georgia"),
                    ("Ga.", "Georgia (US state)"),
                ],
            ),
            // Not the Athens of Greece.
            (
                vec![("Athens", L, false, false), ("Tenn.", L, false, true)],
                vec![("Athens", "Athens"), ("Tenn.", "Tennessee")],
            ),
            // A list of countries is no city and region.
            (
                vec![("Britain", L, false, false), ("France", L, false, true)],
                vec![("Britain", "United Kingdom"), ("France", "France")],
            ),
            // Without the comma, nothing is qualified.
            (
                vec![("Athens", L, false, false), ("Tenn.", L, false, false)],
                vec![("Athens", "Athens"), ("Tenn.", "Tennessee")],
            ),
        ] {
            assert_eq!(run_flagged(&input), pairs(&want), "{input:?}");
        }
        let athens = PlaceTable::get().canonical("Athens").unwrap();
        assert_eq!(athens, "Athens");
    }

    #[test]
    fn names_in_capitals_get_name_case() {
        let got = run_flagged(&[
            ("VOLCKER", P, true, false),
            ("LONDON", L, true, false),
            ("ZORBO CITY", L, true, false),
            ("IBM", L, false, false),
        ]);
        let names: Vec<&str> = got.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(names, ["Volcker", "London", "Zorbo City", "IBM"]);
        assert_eq!(got[0].0, "VOLCKER");
        // A short form in capitals still finds its full name.
        let got = run_flagged(&[
            ("VOLCKER", P, true, false),
            ("Paul Volcker", P, false, false),
        ]);
        assert_eq!(got[0].1, "Paul Volcker");
    }

    #[test]
    fn a_compound_modifier_gives_its_name() {
        assert_eq!(compound_head("Obama-era"), Some("Obama"));
        assert_eq!(compound_head("Trump-backed"), Some("Trump"));
        assert_eq!(
            compound_head("Bernie Sanders-style"),
            Some("Bernie Sanders")
        );
        for no in [
            "Trump-Russia",
            "al-Qaeda",
            "Coca-Cola",
            "anti-war",
            "X-ray",
            "Obama",
        ] {
            assert_eq!(compound_head(no), None, "{no}");
        }
    }

    #[test]
    fn unknown_places_keep_their_text() {
        let e = run(&[("Lake  Zorbo", L)]);
        assert_eq!(e.places, vec!["Lake Zorbo"]);
    }
}
