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
//! own counts, at query time, so the grouping always matches the index as it
//! is now:
//!
//! 1. forms with the same *key* (lowercase, accents folded, hyphens and
//!    periods as spaces, particles dropped) are one person; a form with a
//!    suffix (`Jr.`, `III`) joins the bare form only when it is the more
//!    common of the two (`Martin Luther King Jr.`), since a bare form that
//!    dominates is usually the father (`Donald Trump` and `Donald Trump
//!    Jr.`);
//! 2. forms that share a first and last word are one person when their
//!    middles agree: one middle form, or one that holds at least
//!    [`MIDDLE_SHARE`] of the articles of all middle forms. With two
//!    common middles (`George W. Bush`, `George H. W. Bush`) they stay
//!    apart, and so does the bare `George Bush`;
//! 3. first names that a nickname table pairs (`Chuck` of `Charles`) join
//!    persons of the same last word;
//! 4. a single word joins the person who holds at least
//!    [`DOMINANT_SHARE`] of the articles of every person whose last word it
//!    is (and, for a given name, whose first word it is); with two common
//!    Bushes, `Bush` stays `Bush`.
//!
//! A person is shown by its most frequent form of two words or more.
//! Counting articles per person is exact: an article that writes two forms
//! of one person counts once (see `entities.rs`).
//!
//! Uses `data` (word lists), `extract::places` (accent folding).

use std::sync::LazyLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::data;
use crate::extract::places::fold_into;

/// The share of the articles, among all persons a single word could name,
/// that one must hold for the word to resolve to it.
const DOMINANT_SHARE: f64 = 0.8;

/// The share of the articles of a first-and-last-name group's middle forms
/// that the most common middle must hold for the group to be one person.
const MIDDLE_SHARE: f64 = 0.9;

/// The fewest articles the person must have for a single word to resolve
/// to it.
const MIN_ARTICLES: u64 = 2;

/// Name suffixes.
const SUFFIXES: [&str; 6] = ["jr", "sr", "ii", "iii", "iv", "jnr"];

/// The word lists identity needs: particles, given names, nicknames.
struct Lists {
    particles: HashSet<&'static str>,
    given: HashSet<String>,
    /// Lowercase formal given name -> its nicknames.
    nicknames: HashMap<&'static str, HashSet<&'static str>>,
}

fn lists() -> &'static Lists {
    static LISTS: LazyLock<Lists> = LazyLock::new(|| Lists {
        particles: data::entries(data::words::PARTICLES).collect(),
        given: data::entries(data::gazetteer::GIVEN_NAMES)
            .map(str::to_lowercase)
            .collect(),
        nicknames: data::rows(data::names::NICKNAMES)
            .filter_map(|row| Some((row[0], row.get(1)?.split('|').collect())))
            .collect(),
    });
    &LISTS
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
/// (`H.W.` is `h w`), and particles dropped unless they start the name.
pub(crate) fn key_words(name: &str) -> Vec<String> {
    let mut folded = String::with_capacity(name.len());
    fold_into(name, &mut folded);
    let lower = folded.to_lowercase();
    let mut words: Vec<String> = lower
        .split(|c: char| c.is_whitespace() || c == '-' || c == '.' || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    if words.len() > 2 {
        let particles = &lists().particles;
        let first = words.remove(0);
        words.retain(|w| !particles.contains(w.as_str()));
        words.insert(0, first);
    }
    words
}

/// Whether a key ends with a name suffix (`jr`, `iii`).
fn has_suffix(key: &[String]) -> bool {
    key.len() > 1 && key.last().is_some_and(|w| SUFFIXES.contains(&w.as_str()))
}

/// Persons of the archive: every stored person name mapped to its person.
#[derive(Debug, Default)]
pub(crate) struct Identities {
    /// Stored form -> index in `persons`.
    of: HashMap<String, u32>,
    /// Each person's display name and forms (with their article counts,
    /// most first).
    persons: Vec<Person>,
}

/// One person: the name it is shown by and the forms it was written in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Person {
    /// The display name: the most frequent form of two words or more.
    pub(crate) name: String,
    /// Every stored form with its number of articles, most first.
    pub(crate) forms: Vec<(String, u64)>,
    /// The key of each form (see [`key_words`]).
    keys: Vec<Vec<String>>,
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
    /// number of articles (over the whole archive).
    pub(crate) fn build(counts: &[(String, u64)]) -> Identities {
        let keys: Vec<Vec<String>> = counts.iter().map(|(n, _)| key_words(n)).collect();
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
        let mut key_articles: HashMap<&[String], u64> = HashMap::default();
        for (i, k) in keys.iter().enumerate() {
            *key_articles.entry(k.as_slice()).or_insert(0) += counts[i].1;
        }
        for (i, k) in keys.iter().enumerate() {
            if k.len() > 2 && has_suffix(k) {
                let bare = &k[..k.len() - 1];
                if let (Some(&j), Some(&n)) = (by_key.get(bare), key_articles.get(bare))
                    && key_articles[k.as_slice()] >= n
                {
                    sets.union(i as u32, j);
                }
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
        // Groups that became one person, by last word: (first word, a form).
        let mut joined_by_last: HashMap<&str, Vec<(&str, u32)>> = HashMap::default();
        for (&(first, last), members) in &by_ends {
            let mut middles: HashMap<&[String], u64> = HashMap::default();
            for &i in members {
                let k = &keys[i as usize];
                if k.len() > 2 {
                    *middles.entry(&k[1..k.len() - 1]).or_insert(0) += counts[i as usize].1;
                }
            }
            let total: u64 = middles.values().sum();
            let top = middles.values().copied().max().unwrap_or(0);
            if top as f64 >= MIDDLE_SHARE * total as f64 {
                for &i in &members[1..] {
                    sets.union(members[0], i);
                }
                joined_by_last
                    .entry(last)
                    .or_default()
                    .push((first, members[0]));
            }
        }

        // 3. Nicknames, within one last word.
        for group in joined_by_last.values() {
            for (a, &(first_a, at)) in group.iter().enumerate() {
                for &(first_b, bt) in &group[a + 1..] {
                    if first_a.len() > 1 && first_b.len() > 1 && same_given(first_a, first_b) {
                        sets.union(at, bt);
                    }
                }
            }
        }

        // 4. Single words.
        let mut person_articles: HashMap<u32, u64> = HashMap::default();
        for (i, k) in keys.iter().enumerate() {
            if k.len() >= 2 {
                *person_articles.entry(sets.find(i as u32)).or_insert(0) += counts[i].1;
            }
        }
        let mut by_word: HashMap<&str, HashSet<u32>> = HashMap::default();
        let given = &lists().given;
        for (i, k) in keys.iter().enumerate() {
            if k.len() < 2 || has_suffix(k) {
                continue;
            }
            let root = sets.find(i as u32);
            by_word
                .entry(k[k.len() - 1].as_str())
                .or_default()
                .insert(root);
            if given.contains(&k[0]) {
                by_word.entry(k[0].as_str()).or_default().insert(root);
            }
        }
        for (i, k) in keys.iter().enumerate() {
            if k.len() != 1 {
                continue;
            }
            let Some(candidates) = by_word.get(k[0].as_str()) else {
                continue;
            };
            let total: u64 = candidates.iter().map(|r| person_articles[r]).sum();
            let best = candidates
                .iter()
                .copied()
                .max_by_key(|r| (person_articles[r], std::cmp::Reverse(*r)));
            if let Some(best) = best {
                let n = person_articles[&best];
                if n >= MIN_ARTICLES && n as f64 >= DOMINANT_SHARE * total as f64 {
                    sets.union(i as u32, best);
                }
            }
        }

        // The persons, each with its forms most first.
        let mut index_of_root: HashMap<u32, u32> = HashMap::default();
        let mut ids = Identities::default();
        let mut order: Vec<usize> = (0..counts.len()).collect();
        order.sort_unstable_by(|&a, &b| counts[b].1.cmp(&counts[a].1).then(a.cmp(&b)));
        for i in order {
            let root = sets.find(i as u32);
            let at = *index_of_root.entry(root).or_insert_with(|| {
                ids.persons.push(Person::default());
                (ids.persons.len() - 1) as u32
            });
            let person = &mut ids.persons[at as usize];
            person.forms.push(counts[i].clone());
            person.keys.push(keys[i].clone());
            if person.name.is_empty() || (!person.name.contains(' ') && keys[i].len() >= 2) {
                person.name = counts[i].0.clone();
            }
            ids.of.insert(counts[i].0.clone(), at);
        }
        ids
    }

    /// The person a stored form belongs to.
    pub(crate) fn person_of(&self, form: &str) -> Option<u32> {
        self.of.get(form).copied()
    }

    /// A person by its index.
    pub(crate) fn person(&self, at: u32) -> &Person {
        &self.persons[at as usize]
    }

    /// The persons that `name` names. One word names every person with a
    /// form that contains it (`Blinken`, `bush`); several words name the
    /// persons with a form of the same key (`antony blinken`), allowing a
    /// nickname for the first word (`Charles Schumer` finds the person
    /// written `Chuck Schumer`) and, when `name` has no middle, any middle
    /// (`Joe Biden` finds `Joseph R. Biden`).
    pub(crate) fn matching(&self, name: &str) -> Vec<u32> {
        let wanted = key_words(name);
        let mut out = Vec::new();
        for (at, person) in self.persons.iter().enumerate() {
            let hit = person.keys.iter().any(|words| match wanted.len() {
                0 => false,
                1 => words.contains(&wanted[0]),
                n => {
                    words.len() >= 2
                        && words.last() == wanted.last()
                        && same_given(&words[0], &wanted[0])
                        && (n == 2 || words[1..] == wanted[1..])
                }
            });
            if hit {
                out.push(at as u32);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(list: &[(&str, u64)]) -> Identities {
        let counts: Vec<(String, u64)> = list.iter().map(|(n, c)| (n.to_string(), *c)).collect();
        Identities::build(&counts)
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
        ]);
        assert!(same(&ids, "Martin Luther King", "Martin Luther King Jr."));
        assert!(!same(&ids, "Donald Trump", "Donald Trump Jr."));
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
    fn matching_finds_every_form_and_nicknames() {
        let ids = build(&[
            ("Chuck Schumer", 100),
            ("Charles E. Schumer", 20),
            ("Amy Schumer", 60),
        ]);
        let chuck = ids.person_of("Chuck Schumer").unwrap();
        assert_eq!(ids.matching("Charles Schumer"), vec![chuck]);
        assert_eq!(ids.matching("chuck schumer"), vec![chuck]);
        assert_eq!(ids.matching("Schumer").len(), 2);
        assert_eq!(ids.matching("Chuck E. Schumer"), vec![chuck]);
        assert!(ids.matching("Amy E. Schumer").is_empty());
        assert!(ids.matching("  ").is_empty());
    }
}
