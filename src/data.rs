//! The embedded data tree (`data/`): every table the binary carries, in one
//! place, with the one reader of its line formats.
//!
//! Tables are plain UTF-8 text files, one entry per line; `#` starts a
//! comment line and blank lines are skipped. Where each file comes from and
//! under which license is in `data/gazetteer/NOTICE.txt` and the README
//! ("Data and licenses"). Uses nothing else of the crate.

/// `data/gazetteer/`: GeoNames places and our own nationality words, given
/// names (see `tools/gazetteer/convert.py`).
pub(crate) mod gazetteer {
    /// `canonical \t kind \t country code \t population \t alias|alias...`
    pub(crate) const PLACES: &str = include_str!("../data/gazetteer/places.tsv");
    /// `word \t country`; the country is empty for group words (religions,
    /// regions, peoples without a country of their own).
    pub(crate) const DEMONYMS: &str = include_str!("../data/gazetteer/demonyms.tsv");
    /// `state \t abbreviations \t postal code \t name in places.tsv`:
    /// how news copy abbreviates US states (written for newsdex).
    pub(crate) const US_STATES: &str = include_str!("../data/gazetteer/us_states.tsv");
    /// Given names, one per line, Title Case.
    pub(crate) const GIVEN_NAMES: &str = include_str!("../data/gazetteer/given_names.txt");
}

/// `data/names/`: tables about person names.
pub(crate) mod names {
    /// `formal \t nick|nick...`, lowercase (the `nicknames` package,
    /// Apache-2.0; see `tools/names/nicknames.py`).
    pub(crate) const NICKNAMES: &str = include_str!("../data/names/nicknames.tsv");
}

/// `data/words/`: word lists written for newsdex, one lowercase entry per
/// line.
pub(crate) mod words {
    /// Family names written first (`Xi Jinping`).
    pub(crate) const FAMILY_FIRST: &str = include_str!("../data/words/family_first.txt");
    /// Function words and common lowercase words.
    pub(crate) const STOP_WORDS: &str = include_str!("../data/words/stop_words.txt");
    /// Words that mark an organisation name.
    pub(crate) const ORG_WORDS: &str = include_str!("../data/words/org_words.txt");
    /// Well-known organisations, `|` between names on a line.
    pub(crate) const KNOWN_ORGS: &str = include_str!("../data/words/known_orgs.txt");
    /// Titles and honorifics.
    pub(crate) const TITLES: &str = include_str!("../data/words/titles.txt");
    /// Role nouns before a name.
    pub(crate) const ROLES: &str = include_str!("../data/words/roles.txt");
    /// Company suffixes.
    pub(crate) const COMPANY_SUFFIXES: &str = include_str!("../data/words/company_suffixes.txt");
    /// Name particles.
    pub(crate) const PARTICLES: &str = include_str!("../data/words/particles.txt");
    /// Geographic head words at the end of a place name.
    pub(crate) const GEO_SUFFIXES: &str = include_str!("../data/words/geo_suffixes.txt");
    /// Last words of names that are no place (`Church`, `Recession`),
    /// for the place names the gazetteer does not know.
    pub(crate) const NON_PLACE_HEADS: &str = include_str!("../data/words/non_place_heads.txt");
    /// Geographic head words at the start of a place name.
    pub(crate) const GEO_PREFIXES: &str = include_str!("../data/words/geo_prefixes.txt");
    /// Abbreviations that keep their final period (`Mr.`, `Calif.`).
    pub(crate) const ABBREVIATIONS: &str = include_str!("../data/words/abbreviations.txt");
    /// Abbreviations after which a capitalised word does not start a new
    /// sentence (titles, months).
    pub(crate) const NEVER_FINAL: &str = include_str!("../data/words/never_final.txt");
}

/// The folder of the real corpora used by the data tests and the lab
/// examples: `$NEWSDEX_DATA`, else `../shared/data` beside the crate.
#[cfg(any(test, feature = "lab"))]
pub fn shared_data() -> std::path::PathBuf {
    std::env::var_os("NEWSDEX_DATA").map_or_else(
        || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data"),
        std::path::PathBuf::from,
    )
}

/// The entries of a table: its lines, trimmed, without blank lines and `#`
/// comments.
pub(crate) fn entries(table: &'static str) -> impl Iterator<Item = &'static str> {
    table
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The entries of a `\t`-separated table, split into columns.
pub(crate) fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    entries(table).map(|l| l.split('\t').collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_skip_comments_and_blanks() {
        let got: Vec<&str> = entries("# head\n\n a \nb\n#c\n").collect();
        assert_eq!(got, ["a", "b"]);
    }

    #[test]
    fn every_word_list_is_lowercase_and_unique() {
        for (name, table) in [
            ("family_first", words::FAMILY_FIRST),
            ("stop_words", words::STOP_WORDS),
            ("org_words", words::ORG_WORDS),
            ("titles", words::TITLES),
            ("roles", words::ROLES),
            ("company_suffixes", words::COMPANY_SUFFIXES),
            ("particles", words::PARTICLES),
            ("geo_suffixes", words::GEO_SUFFIXES),
            ("geo_prefixes", words::GEO_PREFIXES),
            ("non_place_heads", words::NON_PLACE_HEADS),
            ("abbreviations", words::ABBREVIATIONS),
            ("never_final", words::NEVER_FINAL),
        ] {
            let mut seen = std::collections::HashSet::new();
            for e in entries(table) {
                assert_eq!(e, e.to_lowercase(), "{name}: {e}");
                assert!(seen.insert(e), "{name}: {e} twice");
            }
            assert!(!seen.is_empty(), "{name} is empty");
        }
    }
}
