//! The word lists that name resolution needs (given names, name particles,
//! titles, geographic head words), read once from the embedded data tree
//! (`data/`, see [`crate::data`]).

use std::sync::LazyLock;

use rustc_hash::FxHashSet as HashSet;

use crate::data;

/// The word lists as lookup sets (lowercase).
#[derive(Debug)]
pub(super) struct Lexicon {
    given: HashSet<String>,
    particles: HashSet<&'static str>,
    pub(super) titles: HashSet<&'static str>,
    pub(super) geo_suffixes: HashSet<&'static str>,
    pub(super) geo_prefixes: HashSet<&'static str>,
    /// Family names written before the given name (`xi`, `kim`, `nguyen`).
    family_first: HashSet<&'static str>,
}

impl Lexicon {
    /// The shared lists, built on first use.
    pub(super) fn get() -> &'static Lexicon {
        static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon {
            given: data::entries(data::gazetteer::GIVEN_NAMES)
                .map(str::to_lowercase)
                .collect(),
            particles: data::entries(data::words::PARTICLES).collect(),
            titles: data::entries(data::words::TITLES).collect(),
            geo_suffixes: data::entries(data::words::GEO_SUFFIXES).collect(),
            geo_prefixes: data::entries(data::words::GEO_PREFIXES).collect(),
            family_first: data::entries(data::words::FAMILY_FIRST).collect(),
        });
        &LEXICON
    }

    /// Whether a word is a title (`President`, `Sen.`, `mr`): the
    /// lexicon's, case and a final period aside.
    pub(super) fn is_title(&self, word: &str) -> bool {
        let word = word.strip_suffix('.').unwrap_or(word);
        !word.is_empty() && self.titles.contains(word.to_lowercase().as_str())
    }

    /// Whether a lowercase word is a given name (`jean-luc` counts by its
    /// first part, unless that part is a particle such as `al-`).
    pub(super) fn is_given(&self, lower: &str) -> bool {
        self.given.contains(lower)
            || lower.split_once('-').is_some_and(|(first, _)| {
                self.given.contains(first) && !self.particles.contains(first)
            })
    }

    /// Whether a lowercase word is a family name that is written first
    /// (Chinese, Korean, Vietnamese: `xi`, `kim`).
    pub(super) fn is_family_first(&self, lower: &str) -> bool {
        self.family_first.contains(lower)
    }
}
