//! People and places in an article: the [`EntityExtractor`] seam and the
//! first, rule-based implementation, [`RuleExtractor`].
//!
//! The pipeline calls [`EntityExtractor::extract`] once per article; a
//! statistical extractor can later replace the rules behind the same trait.
//!
//! # How the rules work
//!
//! 1. **Tokens.** Title and body are split into words with byte offsets.
//!    Possessives (`Putin’s`, `Blinken 's`) are cut off the word, initials
//!    (`U.S.`, `W.`) keep their dots, hyphenated compounds (`US-China`,
//!    `al-Assad`) are words joined into one *unit*. Each word knows whether
//!    it starts a sentence or a line, and whether its line is all caps (or
//!    the title is in headline case): such *weak* lines only confirm names
//!    found elsewhere.
//! 2. **Places** come from the hand-written [`Gazetteer`] (longest match,
//!    `New York`, `South China Sea`), plus capitalised names with a
//!    geographic word (`Yangtze River`, `Lake Tahoe`). A place inside an
//!    organisation name (`Bank of Ningbo`, `Boston College`, `US Congress`)
//!    is dropped, and in a hyphenated compound every capitalised part must
//!    be a place (`China-Russia` gives two places, `Sino-Russian` none).
//! 3. **Organisations** are found from keywords (`Bank`, `University`,
//!    `Party`, `Times`, `United`, ...) extended over the capitalised words
//!    before them and over `of|for|on ...` after them, and from a short list
//!    of well-known names. Their words are neither people nor places.
//! 4. **Titles and roles** (`President`, `Secretary of State`, `Mr`,
//!    `spokesman`, `counterpart`, ...) are marked; they are never part of a
//!    name.
//! 5. **Person candidates** are runs of capitalised words (with `bin`,
//!    `van`, `de`, ... allowed between them), cut at punctuation, sentence
//!    starts, titles, places, organisations, demonyms and common words. A
//!    sentence-initial word that also appears in lowercase is dropped.
//! 6. **Evidence.** A run of 2-4 words is a person when a title or role
//!    precedes it, its first word is a known given name (or a Chinese or
//!    Korean family name) or a one-letter initial (`A. Smith`), an
//!    apposition with a role follows (`Robert Ross, a professor`), a place
//!    follows in brackets (`Jesper Parnevik (Sweden)`), a speech verb is next
//!    to it and the next pronoun is personal (`said Ross ... he`), its last
//!    word is vouched for alone elsewhere, or it sits in a list next to a
//!    person (`A B, C D and E F`). A noun for things right before the run
//!    (`firm Network Box`, `app TikTok`) rules it out, and so do camel-case
//!    brand words (`TimeWarner`).
//!
//!    A single word is a person when it is the last word of exactly one full
//!    name in the article (`Blinken`), the first word of one whose first word
//!    is not a given name (`Xi`), or, with no full name, when a title vouches
//!    for it (`Mr Smith`), or a speech verb does and the next pronoun is `he`
//!    or `she` (`Gartner said it ...` is a company).
//! 7. **Canonical names**: the fullest form of a person in the article;
//!    places use the gazetteer's canonical name.

// FxHash instead of SipHash (which cost 8% of ingest): keys are words of our
// own tables or of one article, so a hostile article could at worst slow
// down its own extraction.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::gazetteer::{Gazetteer, normalize_into};
use lexicon::Lexicon;

pub(crate) mod lexicon;
mod resolve;
mod statistical;
use crate::model::{EntityKind, Mention};
pub use statistical::{TaggerExtractor, model_version};

/// People and places found in one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entities {
    /// Canonical person names, most mentioned first (ties: first
    /// appearance).
    pub people: Vec<String>,
    /// Canonical place names, most mentioned first (ties: first
    /// appearance).
    pub places: Vec<String>,
    /// Every mention, in order of appearance (title first, then body).
    pub mentions: Vec<Mention>,
}

/// The seam between the pipeline and an entity extractor.
pub trait EntityExtractor: Send + Sync {
    /// Finds the people and places of one article.
    fn extract(&self, title: &str, body: &str) -> Entities;

    /// A short description of the extractor and its model, for reports and
    /// `--version`.
    fn name(&self) -> String;
}

/// The first, rule-based extractor (see the module documentation for the
/// rules).
///
/// Building one sets up its lookup tables (a few thousand entries), so
/// build it once and share it.
#[derive(Debug, Clone)]
pub struct RuleExtractor {
    gazetteer: Gazetteer,
    lexicon: Lexicon,
}

impl Default for RuleExtractor {
    fn default() -> RuleExtractor {
        RuleExtractor::new()
    }
}

impl RuleExtractor {
    /// Builds the extractor and its lookup tables.
    pub fn new() -> RuleExtractor {
        RuleExtractor {
            gazetteer: Gazetteer::new(),
            lexicon: Lexicon::new(),
        }
    }
}

impl EntityExtractor for RuleExtractor {
    fn extract(&self, title: &str, body: &str) -> Entities {
        let doc = Doc::new(title, body, &self.lexicon);
        Extraction::new(self, &doc).run()
    }

    fn name(&self) -> String {
        "hand-written rules".to_string()
    }
}

// ---------------------------------------------------------------------------
// Word lists (hand-written, lowercase).

/// One word or punctuation character of the title (part 0) or body (1).
#[derive(Clone, Copy, Debug, Default)]
struct Tok {
    part: u8,
    /// Byte range in its part; for words without a possessive `'s`.
    start: usize,
    end: usize,
    /// Byte range of the lowercase form in `Doc::lower` (words only).
    lo_start: usize,
    lo_end: usize,
    /// The punctuation character, or `None` for a word.
    punct: Option<char>,
    /// Joined to the previous word by a hyphen (`China-Russia`).
    joined: bool,
    /// Followed by a possessive `'s` / `’s`.
    poss: bool,
    /// First word of a sentence (or after an opening quote or a colon).
    sent_start: bool,
    /// First token of a line.
    line_start: bool,
    /// In an all-caps line.
    caps_line: bool,
    /// In an all-caps line or a headline-case title: names there are only
    /// matched against names found elsewhere.
    weak: bool,
    /// First character is uppercase.
    cap: bool,
    /// At least two letters and no lowercase letter (`US`, `NATO`).
    upper: bool,
    /// Uppercase initials with their dots (`W.`, `U.S.`).
    initial: bool,
    /// Holds a digit.
    digit: bool,
    /// Index of the hyphen compound (unit) the word belongs to.
    unit: usize,
}

impl Tok {
    fn is_word(&self) -> bool {
        self.punct.is_none()
    }
}

/// Hyphens that join words into one compound. The en dash does not:
/// `Democrats–and some Republicans–Romney` is punctuation.
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201C}' | '\u{201D}' | '\u{2018}' | '\u{2019}' | '«' | '»'
    )
}

/// What [`scan_word`] found.
struct WordScan {
    /// End of the word (before any possessive).
    end: usize,
    /// Where scanning goes on.
    next: usize,
    poss: bool,
    /// A joining hyphen follows (already skipped in `next`).
    hyphen: bool,
    initial: bool,
}

/// Scans the word starting at `start` (an alphanumeric character).
fn scan_word(text: &str, start: usize) -> WordScan {
    let mut j = start;
    loop {
        let seg_start = j;
        while let Some(c) = text[j..].chars().next() {
            if !c.is_alphanumeric() {
                break;
            }
            j += c.len_utf8();
        }
        let segment = &text[seg_start..j];
        let Some(c) = text[j..].chars().next() else {
            break;
        };
        let after = j + c.len_utf8();
        let next = text[after..].chars().next();
        if is_apostrophe(c) {
            if let Some(n) = next.filter(|n| n.is_alphanumeric()) {
                let rest = &text[after + n.len_utf8()..];
                if matches!(n, 's' | 'S') && !rest.chars().next().is_some_and(char::is_alphanumeric)
                {
                    return WordScan {
                        end: j,
                        next: after + 1,
                        poss: true,
                        hyphen: false,
                        initial: false,
                    };
                }
                j = after;
                continue;
            }
            break;
        }
        if c == '.' {
            if let Some(n) = next {
                let mut chars = segment.chars();
                let single_letter =
                    matches!((chars.next(), chars.next()), (Some(l), None) if l.is_alphabetic());
                let digits = !segment.is_empty() && segment.bytes().all(|b| b.is_ascii_digit());
                if (single_letter && n.is_alphabetic()) || (digits && n.is_ascii_digit()) {
                    j = after;
                    continue;
                }
            }
            break;
        }
        if is_hyphen(c) && next.is_some_and(char::is_alphanumeric) {
            return WordScan {
                end: j,
                next: after,
                poss: false,
                hyphen: true,
                initial: false,
            };
        }
        break;
    }
    let word = &text[start..j];
    let initial = text[j..].starts_with('.')
        && word.split('.').all(|segment| {
            let mut chars = segment.chars();
            matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
        });
    if initial {
        j += 1;
    }
    WordScan {
        end: j,
        next: j,
        poss: false,
        hyphen: false,
        initial,
    }
}

/// A tokenised article.
struct Doc<'a> {
    parts: [&'a str; 2],
    toks: Vec<Tok>,
    /// Lowercase forms of all words, concatenated.
    lower: String,
    /// Hyphen compounds: first and last token index.
    units: Vec<(usize, usize)>,
}

impl<'a> Doc<'a> {
    fn new(title: &'a str, body: &'a str, lexicon: &Lexicon) -> Doc<'a> {
        let mut doc = Doc {
            parts: [title, body],
            toks: Vec::with_capacity((title.len() + body.len()) / 5 + 8),
            lower: String::with_capacity(title.len() + body.len()),
            units: Vec::new(),
        };
        doc.tokenize(0);
        doc.tokenize(1);
        doc.mark_sentences(lexicon);
        doc.mark_weak_lines();
        doc.build_units();
        doc
    }

    fn tokenize(&mut self, part: u8) {
        let text = self.parts[usize::from(part)];
        let mut i = 0;
        let mut line_start = true;
        let mut joined = false;
        while let Some(c) = text[i..].chars().next() {
            let width = c.len_utf8();
            if c.is_whitespace() {
                if c == '\n' {
                    line_start = true;
                }
                joined = false;
                i += width;
                continue;
            }
            if c.is_alphanumeric() {
                let scan = scan_word(text, i);
                let word = &text[i..scan.end];
                let lo_start = self.lower.len();
                for lc in word.chars().flat_map(char::to_lowercase) {
                    self.lower.push(lc);
                }
                let mut letters = 0;
                let mut lowercase = false;
                // "MPs", "CEOs": plural acronyms count as all caps.
                let stem = word
                    .strip_suffix('s')
                    .filter(|w| w.len() >= 2)
                    .unwrap_or(word);
                for ch in stem.chars() {
                    if ch.is_alphabetic() {
                        letters += 1;
                        lowercase |= ch.is_lowercase();
                    }
                }
                self.toks.push(Tok {
                    part,
                    start: i,
                    end: scan.end,
                    lo_start,
                    lo_end: self.lower.len(),
                    punct: None,
                    joined,
                    poss: scan.poss,
                    line_start,
                    cap: c.is_uppercase(),
                    upper: letters >= 2 && !lowercase,
                    initial: scan.initial,
                    digit: word.chars().any(|ch| ch.is_ascii_digit()),
                    ..Tok::default()
                });
                line_start = false;
                joined = scan.hyphen;
                i = scan.next;
                continue;
            }
            if is_apostrophe(c) && self.detached_possessive(part, text, i) {
                i += width + 1;
                joined = false;
                continue;
            }
            self.toks.push(Tok {
                part,
                start: i,
                end: i + width,
                punct: Some(c),
                line_start,
                ..Tok::default()
            });
            line_start = false;
            joined = false;
            i += width;
        }
    }

    /// Handles `Blinken 's` (tokenised text): marks the previous word as
    /// possessive and says so.
    fn detached_possessive(&mut self, part: u8, text: &str, i: usize) -> bool {
        let rest = &text[i..];
        let mut chars = rest.chars().skip(1);
        if !matches!(chars.next(), Some('s' | 'S'))
            || chars.next().is_some_and(char::is_alphanumeric)
        {
            return false;
        }
        match self.toks.last_mut() {
            Some(last)
                if last.part == part
                    && last.is_word()
                    && !last.poss
                    && text[last.end..i].chars().all(|c| c == ' ' || c == '\t') =>
            {
                last.poss = true;
                true
            }
            _ => false,
        }
    }

    fn mark_sentences(&mut self, lexicon: &Lexicon) {
        let mut boundary = true;
        let mut open_quote = false;
        let mut prev_word: Option<usize> = None;
        for i in 0..self.toks.len() {
            let tok = self.toks[i];
            if tok.line_start || (i > 0 && self.toks[i - 1].part != tok.part) {
                boundary = true;
                open_quote = false;
                prev_word = None;
            }
            match tok.punct {
                None => {
                    self.toks[i].sent_start = boundary || open_quote;
                    boundary = false;
                    open_quote = false;
                    prev_word = Some(i);
                }
                Some('.') => {
                    let abbreviation = prev_word.is_some_and(|w| {
                        w + 1 == i
                            && (self.toks[w].initial || lexicon.abbreviations.contains(self.lo(w)))
                    });
                    boundary = !abbreviation;
                }
                Some('!' | '?' | ':' | '\u{2026}') => boundary = true,
                Some(c) if is_quote(c) => {
                    let text = self.parts[usize::from(tok.part)];
                    let before_space = text[..tok.start]
                        .chars()
                        .next_back()
                        .is_none_or(|p| p.is_whitespace() || p == '(' || p == '[');
                    let after_space = text[tok.end..]
                        .chars()
                        .next()
                        .is_none_or(char::is_whitespace);
                    let opening = matches!(c, '\u{201C}' | '\u{2018}' | '«')
                        || (matches!(c, '"' | '\'') && before_space && !after_space);
                    if opening {
                        open_quote = true;
                    }
                }
                Some('(' | '[' | '*' | '\u{2022}') => {}
                Some(_) => {
                    boundary = false;
                    open_quote = false;
                }
            }
        }
    }

    /// Marks all-caps lines and a headline-case title as weak.
    fn mark_weak_lines(&mut self) {
        let mut start = 0;
        while start < self.toks.len() {
            let mut end = start + 1;
            while end < self.toks.len()
                && !self.toks[end].line_start
                && self.toks[end].part == self.toks[start].part
            {
                end += 1;
            }
            let (mut words, mut upper) = (0, 0);
            for tok in &self.toks[start..end] {
                if tok.is_word() && tok.end - tok.start >= 2 && !tok.digit {
                    words += 1;
                    upper += usize::from(tok.upper);
                }
            }
            let caps = words > 0 && upper * 10 >= words * 7;
            let headline = !caps && self.toks[start].part == 0 && self.headline_case(start, end);
            for tok in &mut self.toks[start..end] {
                tok.caps_line = caps;
                tok.weak = caps || headline;
            }
            start = end;
        }
    }

    /// Whether most longer words of the title are capitalised
    /// ("Putin To Visit China In May").
    fn headline_case(&self, start: usize, end: usize) -> bool {
        let (mut words, mut caps) = (0, 0);
        let mut first = true;
        for tok in &self.toks[start..end] {
            if !tok.is_word() || tok.digit {
                continue;
            }
            if first {
                first = false;
                continue;
            }
            if tok.end - tok.start >= 4 {
                words += 1;
                caps += usize::from(tok.cap);
            }
        }
        words >= 3 && caps * 4 >= words * 3
    }

    fn build_units(&mut self) {
        for i in 0..self.toks.len() {
            if !self.toks[i].is_word() {
                continue;
            }
            let continues = self.toks[i].joined
                && i > 0
                && self.toks[i - 1].is_word()
                && self.toks[i - 1].part == self.toks[i].part;
            if continues {
                let unit = self.units.len() - 1;
                self.units[unit].1 = i;
                self.toks[i].unit = unit;
            } else {
                self.toks[i].unit = self.units.len();
                self.units.push((i, i));
            }
        }
    }

    fn lo(&self, i: usize) -> &str {
        &self.lower[self.toks[i].lo_start..self.toks[i].lo_end]
    }

    /// The text from the start of token `a` to the end of token `b` (same
    /// part).
    fn span(&self, a: usize, b: usize) -> &'a str {
        let part = self.parts[usize::from(self.toks[a].part)];
        &part[self.toks[a].start..self.toks[b].end]
    }

    /// The word token right after word token `i` when only a hyphen or
    /// white space on the same line separates them.
    fn next_adjacent_word(&self, i: usize) -> Option<usize> {
        let j = i + 1;
        (j < self.toks.len()
            && self.toks[j].is_word()
            && !self.toks[j].line_start
            && self.toks[j].part == self.toks[i].part)
            .then_some(j)
    }

    fn prev_adjacent_word(&self, i: usize) -> Option<usize> {
        (i > 0
            && self.toks[i - 1].is_word()
            && !self.toks[i].line_start
            && self.toks[i - 1].part == self.toks[i].part)
            .then(|| i - 1)
    }

    /// The lowercase key of a unit (`al-assad`).
    fn unit_key(&self, unit: usize, out: &mut String) {
        let (a, b) = self.units[unit];
        for i in a..=b {
            if i > a {
                out.push('-');
            }
            out.push_str(self.lo(i));
        }
    }
}

// ---------------------------------------------------------------------------
// Extraction.

/// A place found in the text.
#[derive(Clone, Debug)]
struct PlaceMatch {
    first: usize,
    last: usize,
    name: String,
    /// Still a place (not dropped as part of an organisation, compound or
    /// person name).
    valid: bool,
}

/// How a unit takes part in person runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Name,
    Initial,
    Particle,
    Place(usize),
    Break,
}

/// A run of capitalised units: a person candidate.
#[derive(Clone, Debug)]
struct Run {
    units: Vec<usize>,
    first: usize,
    last: usize,
    /// Name units (not particles).
    words: usize,
}

/// Evidence that a run names a person.
#[derive(Clone, Copy, Debug, Default)]
struct Evidence {
    /// 0: none, 1: a role before it, 2: a title before it.
    cue: u8,
    comma_cue: bool,
    speech: bool,
    apposition: bool,
    /// Followed by a place in brackets: `Jesper Parnevik (Sweden)`.
    bracket_place: bool,
    /// Preceded by a noun that introduces organisations or things
    /// (`firm Network Box`, `app TikTok`): not a person.
    thing: bool,
}

/// One person of the article.
#[derive(Clone, Debug)]
struct Person {
    canonical: String,
    words: usize,
}

struct Extraction<'e, 'd> {
    ex: &'e RuleExtractor,
    doc: &'d Doc<'d>,
    places: Vec<PlaceMatch>,
    /// Place match covering each token.
    place_of: Vec<Option<usize>>,
    org: Vec<bool>,
    /// Title strength of a token: 0 none, 1 role, 2 title.
    cue: Vec<u8>,
    /// Part of a title (`Prime`, `of`, `State`).
    title_part: Vec<bool>,
    /// Lowercase words seen in lowercase somewhere in the article.
    lowercase_seen: HashSet<&'d str>,
    /// Lowercase forms of capitalised words seen in mid-sentence.
    cap_mid: HashSet<&'d str>,
    persons: Vec<Person>,
    /// Full-name key -> person.
    by_full: HashMap<String, usize>,
    /// Last word key -> persons.
    by_last: HashMap<String, Vec<usize>>,
    /// First word key (when not a given name) -> persons.
    by_first: HashMap<String, Vec<usize>>,
    /// Surname-only persons.
    by_surname: HashMap<String, usize>,
    /// (part, start, end, kind, name index into persons or places).
    found: Vec<(u8, usize, usize, EntityKind, String)>,
}

impl<'e, 'd> Extraction<'e, 'd> {
    fn new(ex: &'e RuleExtractor, doc: &'d Doc<'d>) -> Extraction<'e, 'd> {
        let n = doc.toks.len();
        let mut lowercase_seen = HashSet::default();
        let mut cap_mid = HashSet::default();
        for (i, tok) in doc.toks.iter().enumerate() {
            if !tok.is_word() {
                continue;
            }
            if tok.cap {
                if !tok.sent_start && !tok.weak {
                    cap_mid.insert(doc.lo(i));
                }
            } else if !tok.digit {
                lowercase_seen.insert(doc.lo(i));
            }
        }
        Extraction {
            ex,
            doc,
            places: Vec::new(),
            place_of: vec![None; n],
            org: vec![false; n],
            cue: vec![0; n],
            title_part: vec![false; n],
            lowercase_seen,
            cap_mid,
            persons: Vec::new(),
            by_full: HashMap::default(),
            by_last: HashMap::default(),
            by_first: HashMap::default(),
            by_surname: HashMap::default(),
            found: Vec::new(),
        }
    }

    fn lex(&self) -> &'e Lexicon {
        &self.ex.lexicon
    }

    fn run(mut self) -> Entities {
        self.match_places();
        self.mark_organisations();
        self.drop_invalid_places();
        self.mark_titles();
        self.match_geo_places();
        let runs = self.person_runs();
        self.collect_people(&runs);
        self.emit_people(&runs);
        self.emit_places();
        self.finish()
    }

    // -- places -------------------------------------------------------------

    fn match_places(&mut self) {
        let doc = self.doc;
        let gaz = &self.ex.gazetteer;
        let mut key = String::new();
        let mut lower_key = String::new();
        let mut words: Vec<usize> = Vec::with_capacity(8);
        let mut i = 0;
        while i < doc.toks.len() {
            let tok = doc.toks[i];
            if !tok.is_word() || !tok.cap {
                i += 1;
                continue;
            }
            normalize_into(
                &doc.parts[usize::from(tok.part)][tok.start..tok.end],
                &mut key,
            );
            let stem_end = key
                .char_indices()
                .find(|&(_, c)| !c.is_alphanumeric())
                .map_or(key.len(), |(k, _)| k);
            let exact_max = gaz.max_words(&key[..stem_end], false);
            let caseless_max = if tok.caps_line {
                lower_key.clear();
                lower_key.push_str(&key[..stem_end].to_lowercase());
                gaz.max_words(&lower_key, true)
            } else {
                0
            };
            let max = exact_max.max(caseless_max);
            if max == 0 {
                i += 1;
                continue;
            }
            // The next `max` words, allowing one punctuation token between
            // two words (`St. Louis`, `Washington, D.C.`).
            words.clear();
            words.push(i);
            let mut j = i + 1;
            while words.len() < max && j < doc.toks.len() {
                let t = doc.toks[j];
                if t.line_start || t.part != tok.part {
                    break;
                }
                if t.is_word() {
                    words.push(j);
                    j += 1;
                } else if j + 1 < doc.toks.len()
                    && doc.toks[j + 1].is_word()
                    && !doc.toks[j + 1].line_start
                    && matches!(t.punct, Some('.' | ','))
                {
                    j += 1;
                } else {
                    break;
                }
            }
            let mut matched = None;
            for n in (1..=words.len()).rev() {
                let last = words[n - 1];
                let text = doc.span(i, last);
                normalize_into(text, &mut key);
                let mut found = if n <= exact_max {
                    gaz.lookup(&key)
                } else {
                    None
                };
                if found.is_none() && tok.caps_line {
                    lower_key.clear();
                    lower_key.push_str(&key.to_lowercase());
                    found = gaz.lookup_caseless(&lower_key);
                }
                if let Some(name) = found {
                    matched = Some((last, name));
                    break;
                }
            }
            match matched {
                Some((last, name)) => {
                    let index = self.places.len();
                    self.places.push(PlaceMatch {
                        first: i,
                        last,
                        name: name.to_string(),
                        valid: true,
                    });
                    for slot in &mut self.place_of[i..=last] {
                        *slot = Some(index);
                    }
                    i = last + 1;
                }
                None => i += 1,
            }
        }
    }

    /// Drops places inside organisations and in compounds with a
    /// capitalised non-place part (`Sino-Russian`).
    fn drop_invalid_places(&mut self) {
        let doc = self.doc;
        for index in 0..self.places.len() {
            let (first, last) = (self.places[index].first, self.places[index].last);
            if (first..=last).any(|t| self.org[t]) {
                self.places[index].valid = false;
                continue;
            }
            let (ua, ub) = (doc.toks[first].unit, doc.toks[last].unit);
            let (a, b) = (doc.units[ua].0, doc.units[ub].1);
            if (a..=b).any(|t| doc.toks[t].cap && self.place_of[t].is_none()) {
                self.places[index].valid = false;
            }
        }
        self.clear_invalid_places();
    }

    fn clear_invalid_places(&mut self) {
        for slot in &mut self.place_of {
            if slot.is_some_and(|p| !self.places[p].valid) {
                *slot = None;
            }
        }
    }

    /// Capitalised names with a geographic word: `Yangtze River`, `Lake
    /// Tahoe`, `Bay of Biscay`.
    fn match_geo_places(&mut self) {
        let doc = self.doc;
        let lex = self.lex();
        let usable = |this: &Self, t: usize| {
            let tok = doc.toks[t];
            tok.is_word()
                && tok.cap
                && !tok.digit
                && !this.org[t]
                && !this.title_part[t]
                && !lex.stop.contains(doc.lo(t))
                && !this.ex.gazetteer.is_demonym(doc.lo(t))
        };
        let mut i = 0;
        while i < doc.toks.len() {
            let tok = doc.toks[i];
            if !tok.is_word() || !tok.cap || self.org[i] || self.place_of[i].is_some() {
                i += 1;
                continue;
            }
            let lo = doc.lo(i);
            let mut span = None;
            if lex.geo_suffixes.contains(lo) && !tok.poss {
                let mut a = i;
                while a > 0
                    && i - a < 2
                    && doc
                        .prev_adjacent_word(a)
                        .is_some_and(|p| usable(self, p) && !doc.toks[p].poss)
                    && !doc.toks[a].sent_start
                {
                    a -= 1;
                }
                if a < i && !doc.toks[a].initial && !lex.geo_suffixes.contains(doc.lo(a)) {
                    span = Some((a, i));
                }
            }
            if span.is_none() && lex.geo_prefixes.contains(lo) && !tok.poss {
                let mut b = i;
                let mut k = i;
                if let Some(of) = doc.next_adjacent_word(k)
                    && doc.lo(of) == "of"
                {
                    k = of;
                }
                while let Some(next) = doc.next_adjacent_word(k) {
                    if b - i >= 3 || !usable(self, next) || lex.geo_suffixes.contains(doc.lo(next))
                    {
                        break;
                    }
                    b = next;
                    k = next;
                    if doc.toks[next].poss {
                        break;
                    }
                }
                if b > i {
                    span = Some((i, b));
                }
            }
            let Some((a, b)) = span else {
                i += 1;
                continue;
            };
            // "High Street", "Main Street" are generic.
            if b == a + 1 && matches!(doc.lo(a), "high" | "main") {
                i += 1;
                continue;
            }
            // The geographic name replaces the places it contains.
            for t in a..=b {
                if let Some(p) = self.place_of[t] {
                    self.places[p].valid = false;
                }
            }
            let mut name = String::new();
            normalize_whitespace(doc.span(a, b), &mut name);
            let index = self.places.len();
            self.places.push(PlaceMatch {
                first: a,
                last: b,
                name,
                valid: true,
            });
            for slot in &mut self.place_of[a..=b] {
                *slot = Some(index);
            }
            i = b + 1;
        }
        self.clear_invalid_places();
    }

    // -- organisations and titles -------------------------------------------

    fn mark_organisations(&mut self) {
        let doc = self.doc;
        let lex = self.lex();
        let mut key = String::new();
        // Known organisation names.
        let mut i = 0;
        while i < doc.toks.len() {
            if !doc.toks[i].is_word() {
                i += 1;
                continue;
            }
            if !lex.known_org_first.contains(doc.lo(i)) {
                i += 1;
                continue;
            }
            let mut matched = None;
            key.clear();
            let mut j = i;
            for n in 1..=lex.known_org_words {
                if n > 1 {
                    match doc.next_adjacent_word(j) {
                        Some(next) => j = next,
                        None => break,
                    }
                    key.push(' ');
                }
                key.push_str(doc.lo(j));
                if lex.known_orgs.contains(key.as_str()) {
                    matched = Some(j);
                }
                if doc.toks[j].poss {
                    break;
                }
            }
            let known = matched.filter(|&j| {
                // Lowercase words ("fed up", "apple pie") are not names, and
                // a single word after a capitalised one is a surname
                // ("Harrison Ford", "Liam Fox").
                let cap = doc.toks[i].cap || (j > i && doc.toks[j].cap);
                let surname = j == i
                    && doc.prev_adjacent_word(i).is_some_and(|p| {
                        let pt = doc.toks[p];
                        pt.cap && !pt.poss && !pt.upper && !lex.stop.contains(doc.lo(p))
                    });
                cap && !surname
            });
            if let Some(mut j) = known {
                // "BBC Sport", "Reuters Television".
                while !doc.toks[j].poss
                    && let Some(next) = doc.next_adjacent_word(j)
                    && j - i < 4
                    && self.org_tail(next)
                {
                    j = next;
                }
                for slot in &mut self.org[i..=j] {
                    *slot = true;
                }
                i = j + 1;
            } else {
                i += 1;
            }
        }
        // Keyword organisations.
        for i in 0..doc.toks.len() {
            let tok = doc.toks[i];
            if !tok.is_word() || !tok.cap || self.org[i] || self.place_of[i].is_some() {
                continue;
            }
            if !lex.org_words.contains(doc.lo(i)) {
                continue;
            }
            // A lone sentence-initial keyword is just a word ("House prices").
            let mut a = i;
            while let Some(p) = doc.prev_adjacent_word(a) {
                let prev = doc.toks[p];
                if !prev.cap
                    || prev.poss
                    || prev.digit
                    || (lex.stop.contains(doc.lo(p)) && !prev.upper)
                {
                    break;
                }
                a = p;
                if prev.sent_start {
                    break;
                }
            }
            let mut b = i;
            loop {
                if doc.toks[b].poss {
                    break;
                }
                let Some(next) = doc.next_adjacent_word(b) else {
                    break;
                };
                let nt = doc.toks[next];
                if nt.cap && lex.org_words.contains(doc.lo(next)) {
                    b = next;
                    continue;
                }
                if b == i && self.org_tail(next) {
                    // "Network Box", "Bank Negara": up to two name words.
                    b = next;
                    if let Some(more) = doc.next_adjacent_word(next)
                        && !doc.toks[next].poss
                        && self.org_tail(more)
                    {
                        b = more;
                    }
                    continue;
                }
                if !nt.cap
                    && lex.org_prepositions.contains(doc.lo(next))
                    && !lex.company_suffixes.contains(doc.lo(b))
                {
                    let mut k = next;
                    if let Some(the) = doc.next_adjacent_word(k)
                        && doc.lo(the) == "the"
                    {
                        k = the;
                    }
                    let mut end = None;
                    loop {
                        let w = match doc.next_adjacent_word(k) {
                            Some(w) => w,
                            // "for Culture, Media and Sport".
                            None if end.is_some()
                                && doc.toks.get(k + 1).is_some_and(|t| t.punct == Some(','))
                                && !doc.toks[k].poss =>
                            {
                                match doc.next_adjacent_word(k + 1) {
                                    Some(w) if doc.toks[w].cap && self.place_of[w].is_none() => w,
                                    _ => break,
                                }
                            }
                            None => break,
                        };
                        let wt = doc.toks[w];
                        if end.is_some()
                            && doc.lo(w) == "and"
                            && doc
                                .next_adjacent_word(w)
                                .is_some_and(|x| doc.toks[x].cap && self.place_of[x].is_none())
                        {
                            k = w;
                            continue;
                        }
                        if !wt.cap || wt.digit {
                            break;
                        }
                        end = Some(w);
                        k = w;
                        if wt.poss {
                            break;
                        }
                    }
                    if let Some(end) = end {
                        b = end;
                        continue;
                    }
                }
                break;
            }
            if a == i && b == i && tok.sent_start {
                continue;
            }
            for slot in &mut self.org[a..=b] {
                *slot = true;
            }
        }
        // "Ernst & Young", "Marks & Spencer".
        for i in 1..doc.toks.len().saturating_sub(1) {
            if doc.toks[i].punct != Some('&') {
                continue;
            }
            let (l, r) = (i - 1, i + 1);
            let same_line = doc.toks[l].part == doc.toks[r].part && !doc.toks[r].line_start;
            if !(same_line
                && doc.toks[l].is_word()
                && doc.toks[r].is_word()
                && doc.toks[l].cap
                && doc.toks[r].cap)
            {
                continue;
            }
            let mut a = l;
            while let Some(p) = doc.prev_adjacent_word(a) {
                if !doc.toks[p].cap || doc.toks[p].poss || lex.stop.contains(doc.lo(p)) {
                    break;
                }
                a = p;
            }
            let mut b = r;
            while let Some(n) = doc.next_adjacent_word(b) {
                if doc.toks[b].poss || !doc.toks[n].cap || lex.stop.contains(doc.lo(n)) {
                    break;
                }
                b = n;
            }
            for slot in &mut self.org[a..=b] {
                *slot = true;
            }
        }
    }

    /// Whether word `t` may continue an organisation name after its keyword.
    fn org_tail(&self, t: usize) -> bool {
        let doc = self.doc;
        let lex = self.lex();
        let tok = doc.toks[t];
        let lo = doc.lo(t);
        tok.cap
            && !tok.digit
            && !tok.line_start
            && self.place_of[t].is_none()
            && !lex.stop.contains(lo)
            && !lex.titles.contains(lo)
            && !lex.roles.contains(lo)
            && !lex.title_modifiers.contains(lo)
            && !lex.is_given(lo)
            && !self.ex.gazetteer.is_demonym(lo)
    }

    fn mark_titles(&mut self) {
        let doc = self.doc;
        let lex = self.lex();
        for i in 0..doc.toks.len() {
            let tok = doc.toks[i];
            if !tok.is_word() || self.org[i] || self.place_of[i].is_some() || tok.caps_line {
                continue;
            }
            let lo = doc.lo(i);
            let strength = if lex.titles.contains(lo) {
                2
            } else if lex.roles.contains(lo) {
                // Some capitalised role words start titles ("Star Wars",
                // "Model Citizen"): they end a name but vouch for none.
                let title_like = tok.cap
                    && matches!(
                        lo,
                        "star"
                            | "hero"
                            | "legend"
                            | "champion"
                            | "host"
                            | "friend"
                            | "partner"
                            | "member"
                            | "model"
                            | "fellow"
                            | "rival"
                            | "player"
                    );
                u8::from(!title_like)
            } else if (lo == "state" && self.title_before_of(i, "secretary"))
                || (lo == "exchequer" && self.title_before_of(i, "chancellor"))
            {
                // "Secretary of State", "Chancellor of the Exchequer".
                2
            } else {
                continue;
            };
            let prev = doc.prev_adjacent_word(i);
            let strength = if lo == "general"
                && prev.is_some_and(|p| {
                    matches!(
                        doc.lo(p),
                        "attorney"
                            | "secretary"
                            | "governor"
                            | "surgeon"
                            | "inspector"
                            | "solicitor"
                            | "director"
                            | "consul"
                            | "postmaster"
                            | "adjutant"
                            | "lieutenant"
                            | "major"
                            | "brigadier"
                    )
                }) {
                2
            } else if lex.ambiguous_titles.contains(lo) {
                // "Stephen King" is a name; "Britain's King Charles" a title.
                if !tok.cap {
                    1
                } else if prev.is_none_or(|p| {
                    let pt = doc.toks[p];
                    !pt.cap
                        || pt.poss
                        || self.place_of[p].is_some()
                        || self.title_part[p]
                        || lex.stop.contains(doc.lo(p))
                        || self.ex.gazetteer.is_demonym(doc.lo(p))
                }) {
                    strength
                } else {
                    continue;
                }
            } else {
                strength
            };
            self.cue[i] = strength;
            self.title_part[i] = true;
            let mut k = i;
            while let Some(p) = doc.prev_adjacent_word(k) {
                let plo = doc.lo(p);
                if self.org[p] || self.place_of[p].is_some() || doc.toks[p].poss {
                    break;
                }
                if lex.title_modifiers.contains(plo) || lex.titles.contains(plo) {
                    self.title_part[p] = true;
                    k = p;
                } else {
                    break;
                }
            }
        }
    }

    /// Whether `... <head> of [the] <token i>` precedes token `i`.
    fn title_before_of(&self, i: usize, head: &str) -> bool {
        let doc = self.doc;
        let Some(mut p) = doc.prev_adjacent_word(i) else {
            return false;
        };
        if doc.lo(p) == "the" {
            match doc.prev_adjacent_word(p) {
                Some(q) => p = q,
                None => return false,
            }
        }
        doc.lo(p) == "of" && doc.prev_adjacent_word(p).is_some_and(|q| doc.lo(q) == head)
    }

    // -- people -------------------------------------------------------------

    fn classify(&self, unit: usize) -> Class {
        let doc = self.doc;
        let lex = self.lex();
        let (a, b) = doc.units[unit];
        if (a..=b).any(|t| self.org[t] || self.title_part[t]) {
            return Class::Break;
        }
        if let Some(p) = (a..=b).find_map(|t| self.place_of[t]) {
            return Class::Place(p);
        }
        let first = doc.toks[a];
        if a == b && first.initial && !first.caps_line {
            return Class::Initial;
        }
        if a == b && !first.cap {
            return if lex.particles.contains(doc.lo(a)) {
                Class::Particle
            } else {
                Class::Break
            };
        }
        let cap_start =
            first.cap || (a < b && lex.particles.contains(doc.lo(a)) && doc.toks[a + 1].cap);
        if !cap_start {
            return Class::Break;
        }
        for t in a..=b {
            let tok = doc.toks[t];
            let lo = doc.lo(t);
            if tok.digit || (!tok.cap && !lex.particles.contains(lo)) {
                return Class::Break;
            }
            if tok.upper && !tok.caps_line && !tok.initial {
                return Class::Break;
            }
            if self.ex.gazetteer.is_demonym(lo)
                || brand_like(doc.span(t, t))
                || (a < b && lex.stop.contains(lo))
            {
                return Class::Break;
            }
        }
        if a == b {
            let lo = doc.lo(a);
            if lex.stop.contains(lo) || lex.geo_suffixes.contains(lo) || first.initial {
                return Class::Break;
            }
        }
        Class::Name
    }

    /// Capitalised runs of normal lines, with the place overrides applied
    /// (`Michael Jordan`, `Paris Hilton`).
    fn person_runs(&mut self) -> Vec<Run> {
        let doc = self.doc;
        let lex = self.lex();
        let mut runs = Vec::new();
        let mut cur: Vec<(usize, Class)> = Vec::new();
        let mut overridden: Vec<usize> = Vec::new();
        let mut key = String::new();
        for u in 0..doc.units.len() {
            let (a, b) = doc.units[u];
            let tok = doc.toks[a];
            if tok.weak {
                self.flush(&mut cur, &mut runs);
                continue;
            }
            let adjacent = cur.last().is_some_and(|&(p, _)| {
                let pl = doc.units[p].1;
                pl + 1 == a && !doc.toks[pl].poss
            });
            if !adjacent || tok.sent_start || tok.line_start {
                self.flush(&mut cur, &mut runs);
            }
            let class = self.classify(u);
            match class {
                Class::Name | Class::Initial => cur.push((u, class)),
                Class::Particle => {
                    if !cur.is_empty() {
                        cur.push((u, class));
                    }
                }
                Class::Place(p) => {
                    let single = self.places[p].first == a && self.places[p].last == b;
                    key.clear();
                    doc.unit_key(u, &mut key);
                    let after_given = single
                        && cur.len() == 1
                        && cur[0].1 == Class::Name
                        && lex.is_given(&{
                            let mut k = String::new();
                            doc.unit_key(cur[0].0, &mut k);
                            k
                        });
                    let given_then_name = single
                        && lex.is_given(&key)
                        && u + 1 < doc.units.len()
                        && doc.units[u + 1].0 == b + 1
                        && !tok.poss
                        && !doc.toks[b].poss
                        && !doc.toks[doc.units[u + 1].0].line_start
                        && self.classify(u + 1) == Class::Name;
                    if after_given {
                        overridden.push(p);
                        cur.push((u, Class::Name));
                    } else if given_then_name {
                        self.flush(&mut cur, &mut runs);
                        overridden.push(p);
                        cur.push((u, Class::Name));
                    } else {
                        self.flush(&mut cur, &mut runs);
                    }
                }
                Class::Break => self.flush(&mut cur, &mut runs),
            }
            if doc.toks[b].poss {
                self.flush(&mut cur, &mut runs);
            }
        }
        self.flush(&mut cur, &mut runs);
        for p in overridden {
            self.places[p].valid = false;
            let (first, last) = (self.places[p].first, self.places[p].last);
            for slot in &mut self.place_of[first..=last] {
                *slot = None;
            }
        }
        runs
    }

    fn flush(&self, cur: &mut Vec<(usize, Class)>, runs: &mut Vec<Run>) {
        let doc = self.doc;
        // Trailing particles and initials are not part of the name.
        while cur
            .last()
            .is_some_and(|&(_, c)| matches!(c, Class::Particle | Class::Initial))
        {
            cur.pop();
        }
        // A sentence-initial common word ("Officials", "Asked") is dropped.
        let mut skip = 0;
        if let Some(&(u, Class::Name)) = cur.first() {
            let a = doc.units[u].0;
            if doc.toks[a].sent_start && doc.units[u].0 == doc.units[u].1 {
                let lo = doc.lo(a);
                if self.lowercase_seen.contains(lo) && !self.lex().is_given(lo) {
                    skip = 1;
                    while cur.get(skip).is_some_and(|&(_, c)| c == Class::Particle) {
                        skip += 1;
                    }
                }
            }
        }
        // "Welshman Ray Reardon", "Wing Cedric Heymans": a name that starts
        // at a given name after another capitalised word.
        let rest = &cur[skip.min(cur.len())..];
        if rest.len() >= 3
            && rest[0].1 == Class::Name
            && rest[1].1 == Class::Name
            && rest[2].1 != Class::Particle
        {
            let (mut k0, mut k1) = (String::new(), String::new());
            doc.unit_key(rest[0].0, &mut k0);
            doc.unit_key(rest[1].0, &mut k1);
            let lex = self.lex();
            if !lex.is_given(&k0) && !lex.family_first.contains(k0.as_str()) && lex.is_given(&k1) {
                skip += 1;
            }
        }
        let units: Vec<usize> = cur[skip.min(cur.len())..].iter().map(|&(u, _)| u).collect();
        let words = cur[skip.min(cur.len())..]
            .iter()
            .filter(|&&(_, c)| c != Class::Particle)
            .count();
        cur.clear();
        if words == 0 {
            return;
        }
        let (Some(&fu), Some(&lu)) = (units.first(), units.last()) else {
            return;
        };
        runs.push(Run {
            first: doc.units[fu].0,
            last: doc.units[lu].1,
            units,
            words,
        });
    }

    fn run_key(&self, units: &[usize]) -> String {
        let mut key = String::new();
        for (k, &u) in units.iter().enumerate() {
            if k > 0 {
                key.push(' ');
            }
            self.doc.unit_key(u, &mut key);
        }
        key
    }

    fn evidence(&self, run: &Run) -> Evidence {
        let doc = self.doc;
        let lex = self.lex();
        let mut ev = Evidence::default();
        let first = run.first;
        // Title or role right before (skipping the dot of "Mr.").
        if first > 0
            && doc.toks[first - 1].part == doc.toks[first].part
            && !doc.toks[first].line_start
        {
            let mut p = first - 1;
            if doc.toks[p].punct == Some('.')
                && p > 0
                && doc.toks[p - 1].is_word()
                && lex.abbreviations.contains(doc.lo(p - 1))
            {
                p -= 1;
            }
            // "said Aviator star Alan Alda": the run modifies a noun.
            let modifier = doc.next_adjacent_word(run.last).is_some_and(|n| {
                let nlo = doc.lo(n);
                !doc.toks[n].cap && (lex.roles.contains(nlo) || lex.thing_nouns.contains(nlo))
            });
            if doc.toks[p].is_word() {
                ev.cue = self.cue[p];
                let lo = doc.lo(p);
                ev.thing = !doc.toks[p].cap && lex.thing_nouns.contains(lo);
                if lex.speech.contains(lo) && !modifier && !doc.toks[run.last].poss {
                    ev.speech = true;
                }
                if lo == "to" && p > 0 && doc.toks[p - 1].is_word() && doc.lo(p - 1) == "according"
                {
                    ev.speech = true;
                }
            } else if doc.toks[p].punct == Some(',')
                && p > 0
                && doc.toks[p - 1].is_word()
                && self.cue[p - 1] > 0
            {
                ev.comma_cue = true;
            }
        }
        let last = run.last;
        if doc.toks[last].poss {
            return ev;
        }
        if last + 3 < doc.toks.len()
            && doc.toks[last + 1].punct == Some('(')
            && !doc.toks[last + 2].line_start
            && self.place_of[last + 2].is_some_and(|p| {
                let end = self.places[p].last;
                self.places[p].first == last + 2
                    && doc.toks.get(end + 1).is_some_and(|t| t.punct == Some(')'))
            })
        {
            ev.bracket_place = true;
        }
        if let Some(n) = doc.next_adjacent_word(last) {
            let lo = doc.lo(n);
            // "Black Spider said it had stopped ...": an organisation.
            let it_follows = doc
                .next_adjacent_word(n)
                .is_some_and(|m| matches!(doc.lo(m), "it" | "its"));
            let adverb = matches!(
                lo,
                "also"
                    | "has"
                    | "had"
                    | "then"
                    | "later"
                    | "previously"
                    | "recently"
                    | "once"
                    | "himself"
                    | "herself"
            );
            let speech_after = (lex.speech.contains(lo) && !it_follows)
                || (adverb
                    && doc
                        .next_adjacent_word(n)
                        .is_some_and(|m| lex.speech.contains(doc.lo(m))));
            if speech_after {
                ev.speech = true;
            }
        } else if last + 1 < doc.toks.len() && doc.toks[last + 1].punct == Some(',') {
            // ", a political-science professor" or ", 45,".
            let c = last + 1;
            if let Some(w) = doc.next_adjacent_word(c) {
                let lo = doc.lo(w);
                if matches!(lo, "a" | "an" | "the" | "who" | "whose")
                    || lex.roles.contains(lo)
                    || lex.titles.contains(lo)
                {
                    let mut k = w;
                    for _ in 0..7 {
                        let klo = doc.lo(k);
                        if lex.thing_nouns.contains(klo) {
                            break;
                        }
                        if (lex.roles.contains(klo)
                            || (lex.titles.contains(klo) && !doc.toks[k].cap))
                            && !self.org[k]
                        {
                            ev.apposition = true;
                            break;
                        }
                        match doc.next_adjacent_word(k) {
                            Some(next) => k = next,
                            None => break,
                        }
                    }
                } else if doc.toks[w].digit
                    && doc.lo(w).len() <= 3
                    && doc.lo(w).bytes().all(|b| b.is_ascii_digit())
                    && w + 1 < doc.toks.len()
                    && matches!(doc.toks[w + 1].punct, Some(',' | ')'))
                {
                    ev.apposition = true;
                }
            }
        }
        ev
    }

    /// First pass: full names with evidence, then surnames vouched for by a
    /// title or a speech verb.
    fn collect_people(&mut self, runs: &[Run]) {
        let doc = self.doc;
        let lex = self.lex();
        let evidence: Vec<Evidence> = runs.iter().map(|run| self.evidence(run)).collect();
        // Surnames vouched for on their own ("Parnevik said").
        let strong_singles: HashSet<String> = runs
            .iter()
            .zip(&evidence)
            .filter(|(run, ev)| run.words == 1 && self.single_vouched(run, ev))
            .map(|(run, _)| self.run_key(&run.units))
            .collect();
        let mut person: Vec<bool> = runs
            .iter()
            .zip(&evidence)
            .map(|(run, ev)| {
                if run.words < 2 || run.words > 4 {
                    return false;
                }
                let mut first_key = String::new();
                doc.unit_key(run.units[0], &mut first_key);
                let family = lex.family_first.contains(first_key.as_str()) && run.words <= 3;
                // "A. Hollioake" (one letter: "U.N. Interim Force" is no name).
                let initial = doc.toks[run.first].initial
                    && doc.toks[run.first].end - doc.toks[run.first].start == 2;
                let surname_seen = run.words == 2 && !doc.toks[run.first].sent_start && {
                    let mut last_key = String::new();
                    if let Some(&u) = run.units.last() {
                        doc.unit_key(u, &mut last_key);
                    }
                    strong_singles.contains(&last_key)
                };
                let given = lex.is_given(&first_key);
                // Speech alone is weak for multi-word runs ("Age Concern
                // said"): a personal pronoun must follow.
                let speech = ev.speech && (given || self.personal_pronoun_follows(run.last));
                !ev.thing
                    && (ev.cue > 0
                        || ev.comma_cue
                        || speech
                        || ev.apposition
                        || ev.bracket_place
                        || given
                        || family
                        || initial
                        || surname_seen)
            })
            .collect();
        // Lists: "Zenon Poznyak and Sergei Naumchik", "A B, C D, E F".
        loop {
            let mut changed = false;
            for k in 0..runs.len() {
                if person[k] || runs[k].words < 2 || runs[k].words > 3 {
                    continue;
                }
                let linked = |j: usize| {
                    let (x, y) = if j < k {
                        (&runs[j], &runs[k])
                    } else {
                        (&runs[k], &runs[j])
                    };
                    y.first == x.last + 2
                        && !doc.toks[y.first].line_start
                        && !doc.toks[x.last].poss
                        && match doc.toks[x.last + 1].punct {
                            Some(',' | ';' | '&') => true,
                            None => doc.lo(x.last + 1) == "and",
                            _ => false,
                        }
                };
                if (k > 0 && person[k - 1] && linked(k - 1))
                    || (k + 1 < runs.len() && person[k + 1] && linked(k + 1))
                {
                    person[k] = true;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        let mut groups: HashMap<(String, String), usize> = HashMap::default();
        for (run, _) in runs.iter().zip(&person).filter(|(_, p)| **p) {
            let mut first_key = String::new();
            doc.unit_key(run.units[0], &mut first_key);
            let key = self.run_key(&run.units);
            let name_units: Vec<usize> = run
                .units
                .iter()
                .copied()
                .filter(|&u| {
                    let (a, b) = doc.units[u];
                    !(a == b && (doc.toks[a].initial || !doc.toks[a].cap))
                })
                .collect();
            let mut last_key = String::new();
            if let Some(&u) = name_units.last() {
                doc.unit_key(u, &mut last_key);
            }
            let mut canonical = String::new();
            normalize_whitespace(doc.span(run.first, run.last), &mut canonical);
            let group = (first_key.clone(), last_key.clone());
            let index = match groups.get(&group) {
                Some(&index) => {
                    if run.words > self.persons[index].words {
                        self.persons[index].canonical = canonical;
                        self.persons[index].words = run.words;
                    }
                    index
                }
                None => {
                    let index = self.persons.len();
                    self.persons.push(Person {
                        canonical,
                        words: run.words,
                    });
                    groups.insert(group, index);
                    push_unique(self.by_last.entry(last_key.clone()).or_default(), index);
                    if let Some(stripped) = strip_article_prefix(&last_key) {
                        push_unique(self.by_last.entry(stripped.to_string()).or_default(), index);
                    }
                    if !lex.is_given(&first_key) && !doc.toks[run.first].initial {
                        push_unique(self.by_first.entry(first_key).or_default(), index);
                    }
                    index
                }
            };
            self.by_full.insert(key, index);
        }
        for (run, ev) in runs.iter().zip(&evidence) {
            if run.words != 1 || !self.single_vouched(run, ev) {
                continue;
            }
            let key = self.run_key(&run.units);
            if self.by_last.contains_key(&key)
                || self.by_first.contains_key(&key)
                || self.by_surname.contains_key(&key)
            {
                continue;
            }
            let tok = doc.toks[run.first];
            if self.lowercase_seen.contains(key.as_str()) {
                continue;
            }
            if ev.cue < 2 && tok.sent_start && !self.cap_mid.contains(key.as_str()) {
                continue;
            }
            let index = self.persons.len();
            let mut canonical = String::new();
            normalize_whitespace(doc.span(run.first, run.last), &mut canonical);
            self.persons.push(Person {
                canonical,
                words: 1,
            });
            self.by_surname.insert(key, index);
        }
    }

    /// Whether a lone capitalised word is vouched for as a person: a title
    /// before it (`President Obama`), or a speech verb next to it when the
    /// next pronoun is personal (`Ronaldo said ... he`, but not `Gartner
    /// said ... it`).
    fn single_vouched(&self, run: &Run, ev: &Evidence) -> bool {
        if ev.thing {
            return false;
        }
        if ev.cue == 2 {
            return true;
        }
        ev.speech && self.personal_pronoun_follows(run.last)
    }

    /// Whether the first pronoun in the next 40 tokens after `last` is
    /// personal (`he`, `she`, ...) rather than `it` or `they`.
    fn personal_pronoun_follows(&self, last: usize) -> bool {
        let doc = self.doc;
        let part = doc.toks[last].part;
        let end = (last + 41).min(doc.toks.len());
        for t in last + 1..end {
            let tok = doc.toks[t];
            if tok.part != part {
                break;
            }
            if !tok.is_word() {
                continue;
            }
            match doc.lo(t) {
                "he" | "she" | "his" | "her" | "him" | "himself" | "herself" => return true,
                "it" | "its" | "they" | "their" | "them" | "we" | "our" => return false,
                _ => {}
            }
        }
        false
    }

    fn resolve_single(&self, key: &str) -> Option<usize> {
        if let Some(list) = self.by_last.get(key) {
            return (list.len() == 1).then(|| list[0]);
        }
        if let Some(list) = self.by_first.get(key) {
            return (list.len() == 1).then(|| list[0]);
        }
        self.by_surname.get(key).copied()
    }

    /// A run that is the tail of exactly one known full name (`Lula da
    /// Silva`).
    fn resolve_suffix(&self, key: &str) -> Option<usize> {
        let mut found = None;
        for (full, &index) in &self.by_full {
            if full.len() > key.len()
                && full.ends_with(key)
                && full.as_bytes()[full.len() - key.len() - 1] == b' '
            {
                if found.is_some_and(|f| f != index) {
                    return None;
                }
                found = Some(index);
            }
        }
        found
    }

    fn push_person(&mut self, first: usize, last: usize, person: usize) {
        let doc = self.doc;
        let tok = doc.toks[first];
        self.found.push((
            tok.part,
            tok.start,
            doc.toks[last].end,
            EntityKind::Person,
            self.persons[person].canonical.clone(),
        ));
    }

    /// Second pass: every mention of a known person.
    fn emit_people(&mut self, runs: &[Run]) {
        let doc = self.doc;
        let mut taken = vec![false; doc.toks.len()];
        for run in runs {
            let key = self.run_key(&run.units);
            let person = if run.words == 1 {
                self.resolve_single(&key)
            } else {
                self.by_full
                    .get(&key)
                    .copied()
                    .or_else(|| self.resolve_suffix(&key))
            };
            if let Some(person) = person {
                self.push_person(run.first, run.last, person);
                for slot in &mut taken[run.first..=run.last] {
                    *slot = true;
                }
            }
        }
        // Weak lines (all caps, headline-case title): only known names.
        let lex = self.lex();
        let mut u = 0;
        while u < doc.units.len() {
            let (a, _) = doc.units[u];
            if !doc.toks[a].weak || !self.weak_nameish(u) {
                u += 1;
                continue;
            }
            let mut done = false;
            for n in (2..=4).rev() {
                if u + n > doc.units.len() {
                    continue;
                }
                let units: Vec<usize> = (u..u + n).collect();
                let contiguous = units.windows(2).all(|w| {
                    let (pl, na) = (doc.units[w[0]].1, doc.units[w[1]].0);
                    pl + 1 == na && !doc.toks[na].line_start && !doc.toks[pl].poss
                });
                if !contiguous
                    || !units.iter().all(|&x| {
                        self.weak_nameish(x) || lex.particles.contains(doc.lo(doc.units[x].0))
                    })
                {
                    continue;
                }
                let key = self.run_key(&units);
                if let Some(&person) = self.by_full.get(&key) {
                    let (first, last) = (doc.units[u].0, doc.units[u + n - 1].1);
                    self.push_person(first, last, person);
                    for slot in &mut taken[first..=last] {
                        *slot = true;
                    }
                    u += n;
                    done = true;
                    break;
                }
            }
            if done {
                continue;
            }
            let key = self.run_key(&[u]);
            if let Some(person) = self.resolve_single(&key) {
                let (first, last) = doc.units[u];
                self.push_person(first, last, person);
                for slot in &mut taken[first..=last] {
                    *slot = true;
                }
            }
            u += 1;
        }
        // A lone place word that is the surname of a person in the article
        // ("Jordan" after "Michael Jordan") is that person.
        for p in 0..self.places.len() {
            let place = &self.places[p];
            if !place.valid || place.first != place.last {
                continue;
            }
            let t = place.first;
            let unit = doc.toks[t].unit;
            if doc.units[unit] != (t, t) || doc.toks[t].weak {
                continue;
            }
            let key = doc.lo(t).to_string();
            if let Some(list) = self.by_last.get(&key)
                && list.len() == 1
            {
                let person = list[0];
                self.places[p].valid = false;
                self.push_person(t, t, person);
                taken[t] = true;
            }
        }
        for place in &mut self.places {
            if place.valid && (place.first..=place.last).any(|t| taken[t]) {
                place.valid = false;
            }
        }
    }

    /// Whether a unit of a weak line may be part of a name.
    fn weak_nameish(&self, unit: usize) -> bool {
        let doc = self.doc;
        let (a, b) = doc.units[unit];
        let tok = doc.toks[a];
        tok.cap
            && !(a..=b).any(|t| self.org[t] || doc.toks[t].digit)
            && !self.lex().stop.contains(doc.lo(a))
            && !self.ex.gazetteer.is_demonym(doc.lo(a))
    }

    fn emit_places(&mut self) {
        let doc = self.doc;
        for place in &self.places {
            if !place.valid {
                continue;
            }
            let tok = doc.toks[place.first];
            self.found.push((
                tok.part,
                tok.start,
                doc.toks[place.last].end,
                EntityKind::Place,
                place.name.clone(),
            ));
        }
    }

    fn finish(mut self) -> Entities {
        self.found.sort_by(|x, y| {
            (x.0, x.1, std::cmp::Reverse(x.2)).cmp(&(y.0, y.1, std::cmp::Reverse(y.2)))
        });
        // Drop overlaps (keep the first, i.e. leftmost, longest-first order).
        let mut mentions = Vec::with_capacity(self.found.len());
        let mut last_end: Option<(u8, usize)> = None;
        let mut counts: Vec<(EntityKind, String, usize, usize)> = Vec::new();
        let mut index: HashMap<(EntityKind, String), usize> = HashMap::default();
        for (part, start, end, kind, name) in self.found {
            if last_end.is_some_and(|(p, e)| p == part && start < e) {
                continue;
            }
            last_end = Some((part, end));
            let text = &self.doc.parts[usize::from(part)][start..end];
            let order = mentions.len();
            let slot = *index.entry((kind, name.clone())).or_insert_with(|| {
                counts.push((kind, name.clone(), 0, order));
                counts.len() - 1
            });
            counts[slot].2 += 1;
            mentions.push(Mention {
                text: text.to_string(),
                kind,
                name,
            });
        }
        counts.sort_by(|x, y| y.2.cmp(&x.2).then(x.3.cmp(&y.3)));
        let mut entities = Entities {
            mentions,
            ..Entities::default()
        };
        for (kind, name, _, _) in counts {
            match kind {
                EntityKind::Person => entities.people.push(name),
                EntityKind::Place => entities.places.push(name),
            }
        }
        entities
    }
}

/// Whether a word has a capital inside it that name prefixes do not
/// explain: `TimeWarner`, `ByteDance`, `PlayStation` are brands; `McRae`,
/// `DiCaprio`, `LeBron`, `O'Brien` are names.
fn brand_like(word: &str) -> bool {
    let mut prev_lower = false;
    for (i, c) in word.char_indices() {
        if c.is_uppercase() && prev_lower {
            let prefix = word[..i].to_lowercase();
            let name_prefix = matches!(
                prefix.as_str(),
                "mc" | "mac"
                    | "de"
                    | "di"
                    | "da"
                    | "du"
                    | "la"
                    | "le"
                    | "van"
                    | "von"
                    | "fitz"
                    | "des"
            ) || prefix.ends_with('\'')
                || prefix.ends_with('\u{2019}');
            return !name_prefix;
        }
        prev_lower = c.is_lowercase();
    }
    false
}

fn push_unique(list: &mut Vec<usize>, index: usize) {
    if !list.contains(&index) {
        list.push(index);
    }
}

/// `assad` for `al-assad`, `el-sisi` -> `sisi`.
fn strip_article_prefix(key: &str) -> Option<&str> {
    ["al-", "el-", "ad-", "as-", "ash-", "bin-", "ibn-"]
        .iter()
        .find_map(|prefix| key.strip_prefix(prefix))
        .filter(|rest| !rest.is_empty())
}

/// Copies `text` with every run of white space as one space.
fn normalize_whitespace(text: &str, out: &mut String) {
    out.clear();
    for (k, piece) in text.split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(piece);
    }
}

#[cfg(test)]
mod tests;
