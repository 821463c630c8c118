//! Counting articles per person or place from a fast column of whole names.
//!
//! Each article lists a name once, so the number of values equals the
//! number of articles. Counts are kept per term ordinal while collecting and
//! turned into names once per segment, by reading the counted ordinals from
//! the segment's dictionary in order: no stored document is read.
//!
//! People can be counted per person (see `persons.rs`): the forms of one
//! person count as one name, an article that writes two of them counts
//! once, and page clutter is not counted.

use rustc_hash::FxHashMap as HashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::persons::NO_PERSON;
use super::{NameTable, NewsIndex, Persons, schema};
use crate::model::EntityKind;

/// Counts the values of a multi-valued string fast field over the matching
/// documents.
pub(crate) struct NameCounts<'a> {
    /// The fast field's name.
    field: &'static str,
    /// The index whose name tables to use, when it keeps them (a live
    /// index: see [`NewsIndex::name_table`]).
    index: &'a NewsIndex,
    /// The persons whose forms count as one name.
    persons: Option<Persons>,
    /// Counting places: the archive's names that are no place.
    places_of: Option<Persons>,
    /// Only the names (for people: the names persons are shown by) for
    /// which this is true are counted and read.
    keep: Option<Keep>,
}

/// A test on the names to count, so that the names that fail it are never
/// copied out of the dictionary nor looked up among the persons (`people
/// NAME` counts the companions of every article that names the person, and
/// keeps a handful). For people it must hold for every stored form of each
/// person to count and for the name the person is shown by.
pub(crate) type Keep = std::sync::Arc<dyn Fn(&str) -> bool + Send + Sync>;

impl<'a> NameCounts<'a> {
    /// The counts of the values of `field` in `index`.
    pub(crate) fn field(index: &'a NewsIndex, field: &'static str) -> NameCounts<'a> {
        NameCounts {
            field,
            index,
            persons: None,
            places_of: None,
            keep: None,
        }
    }

    /// Counts only the names for which `keep` is true; a person's forms
    /// count when `keep` is true of the name the person is shown by.
    pub(crate) fn keeping(self, keep: Keep) -> NameCounts<'a> {
        NameCounts {
            keep: Some(keep),
            ..self
        }
    }

    /// The counts of the whole names of one kind of entity, people by
    /// person when `persons` is given (the persons of the state searched),
    /// without the names that are no person or no place.
    pub(crate) fn of(
        index: &'a NewsIndex,
        kind: EntityKind,
        persons: Option<Persons>,
    ) -> NameCounts<'a> {
        match kind {
            EntityKind::Person => NameCounts {
                field: schema::PERSON_NAME,
                index,
                persons: persons.filter(|p| !p.is_empty()),
                places_of: None,
                keep: None,
            },
            EntityKind::Place => NameCounts {
                places_of: persons.filter(|p| p.leaves_out_places()),
                ..NameCounts::field(index, schema::PLACE_NAME)
            },
        }
    }
}

pub(crate) struct SegmentNameCounts {
    column: Option<StrColumn>,
    /// Every name of the column by ordinal, when the index keeps them.
    names: Option<NameTable>,
    /// Articles per ordinal.
    counts: Vec<u32>,
    /// The persons whose forms count as one.
    persons: Option<Persons>,
    /// Counting places: the archive's names that are no place.
    places_of: Option<Persons>,
    /// With persons: the ordinals of each document that has two or more,
    /// each document's run ended by [`END`], so that an article that
    /// writes two forms of one person is counted once when the names are
    /// known (at harvest, where only the counted names are read).
    runs: Vec<u32>,
    /// See [`NameCounts::keeping`].
    keep: Option<Keep>,
}

/// The end of a document's run of ordinals.
const END: u32 = u32::MAX;

impl Collector for NameCounts<'_> {
    type Fruit = Vec<(String, u64)>;
    type Child = SegmentNameCounts;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentNameCounts> {
        let column = segment.fast_fields().str(self.field)?;
        let terms = column.as_ref().map_or(0, |c| c.num_terms());
        let names = column
            .as_ref()
            .and_then(|c| self.index.name_table(segment, self.field, c));
        Ok(SegmentNameCounts {
            column,
            names,
            counts: vec![0; terms],
            persons: self.persons.clone(),
            places_of: self.places_of.clone(),
            runs: Vec::new(),
            keep: self.keep.clone(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, mut fruits: Vec<Vec<(String, u64)>>) -> tantivy::Result<Self::Fruit> {
        if fruits.len() <= 1 {
            return Ok(fruits.pop().unwrap_or_default());
        }
        let mut merged: HashMap<String, u64> = HashMap::default();
        for (name, count) in fruits.into_iter().flatten() {
            *merged.entry(name).or_insert(0) += count;
        }
        Ok(merged.into_iter().collect())
    }
}

impl SegmentCollector for SegmentNameCounts {
    type Fruit = Vec<(String, u64)>;

    fn collect(&mut self, doc: DocId, _: Score) {
        let Some(column) = &self.column else {
            return;
        };
        let start = self.runs.len();
        for ord in column.ords().values_for_doc(doc) {
            self.counts[ord as usize] += 1;
            if self.persons.is_some() {
                self.runs.push(ord as u32);
            }
        }
        if self.runs.len() > start + 1 {
            self.runs.push(END);
        } else {
            self.runs.truncate(start);
        }
    }

    fn harvest(self) -> Vec<(String, u64)> {
        let Some(column) = &self.column else {
            return Vec::new();
        };
        // Only the names counted are read: the dictionary is walked block
        // by block over the sorted ordinals, not streamed whole (a query
        // with a few hundred matches names a few thousand of the archive's
        // tens of thousands of people).
        let ords: Vec<u64> = self
            .counts
            .iter()
            .enumerate()
            .filter(|(_, count)| **count > 0)
            .map(|(ord, _)| ord as u64)
            .collect();
        // Which person each name is (`None`: no person, counted as itself;
        // `Some(NO_PERSON)`: not counted), and whether it is kept.
        let persons = self.persons.as_deref();
        let places_of = self.places_of.as_deref();
        let mut person_kept: HashMap<u32, bool> = HashMap::default();
        let mut triage = |name: &str| -> Option<Option<u32>> {
            if places_of.is_some_and(|p| p.is_no_place(name)) {
                return None;
            }
            // A name `keep` refuses is not looked up: a kept person's forms
            // are kept names themselves (see [`Keep`]).
            if self.keep.as_ref().is_some_and(|keep| !keep(name)) {
                return None;
            }
            let person = persons.and_then(|p| p.lookup(name));
            let kept = match (person, &self.keep) {
                (Some(NO_PERSON), _) => false,
                // No person: `keep`, if any, held above.
                (None, _) | (_, None) => true,
                (Some(at), Some(keep)) => *person_kept
                    .entry(at)
                    .or_insert_with(|| persons.is_some_and(|p| keep(&p.person(at).name))),
            };
            kept.then_some(person)
        };
        // (ordinal, name, person) of every counted name that is kept.
        let mut named: Vec<(u32, String, Option<u32>)> = Vec::new();
        match &self.names {
            Some(names) => {
                for &ord in &ords {
                    let name = &names[ord as usize];
                    if let Some(person) = triage(name) {
                        named.push((ord as u32, name.clone(), person));
                    }
                }
            }
            None => {
                let mut next = ords.iter();
                let read = column.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
                    let Some(&ord) = next.next() else { return };
                    let name = String::from_utf8_lossy(bytes);
                    if let Some(person) = triage(&name) {
                        named.push((ord as u32, name.into_owned(), person));
                    }
                });
                // A dictionary that cannot be read leaves those names
                // uncounted; the collector has no way to report it.
                debug_assert!(read.is_ok());
            }
        }
        let Some(persons) = persons else {
            return named
                .into_iter()
                .map(|(ord, name, _)| (name, u64::from(self.counts[ord as usize])))
                .collect();
        };
        let mut out = Vec::with_capacity(named.len());
        // Each kept ordinal's person; NO_PERSON for the rest: a table over
        // all ordinals when most are kept, else a map of the few (`people
        // NAME` keeps a handful).
        let mut person_of_ord = if named.len() * 16 >= self.counts.len() {
            OrdPersons::Dense(vec![NO_PERSON; self.counts.len()])
        } else {
            OrdPersons::Sparse(HashMap::default())
        };
        let mut person_counts: HashMap<u32, u64> = HashMap::default();
        for (ord, name, person) in named {
            let count = u64::from(self.counts[ord as usize]);
            match person {
                Some(person) => {
                    person_of_ord.set(ord, person);
                    *person_counts.entry(person).or_insert(0) += count;
                }
                None => out.push((name, count)),
            }
        }
        // An article that writes k forms of one person was counted k times.
        if !person_counts.is_empty() {
            let mut seen: Vec<u32> = Vec::new();
            for &ord in &self.runs {
                if ord == END {
                    seen.clear();
                    continue;
                }
                let person = person_of_ord.get(ord);
                if person != NO_PERSON {
                    if seen.contains(&person) {
                        if let Some(n) = person_counts.get_mut(&person) {
                            *n -= 1;
                        }
                    } else {
                        seen.push(person);
                    }
                }
            }
        }
        out.extend(
            person_counts
                .into_iter()
                .map(|(person, n)| (persons.person(person).name.clone(), n)),
        );
        out
    }
}

/// The person of each kept ordinal of a segment's names.
enum OrdPersons {
    /// By ordinal, [`NO_PERSON`] for none.
    Dense(Vec<u32>),
    /// The ordinals that have a person.
    Sparse(HashMap<u32, u32>),
}

impl OrdPersons {
    fn set(&mut self, ord: u32, person: u32) {
        match self {
            OrdPersons::Dense(table) => table[ord as usize] = person,
            OrdPersons::Sparse(map) => {
                map.insert(ord, person);
            }
        }
    }

    fn get(&self, ord: u32) -> u32 {
        match self {
            OrdPersons::Dense(table) => table[ord as usize],
            OrdPersons::Sparse(map) => map.get(&ord).copied().unwrap_or(NO_PERSON),
        }
    }
}
