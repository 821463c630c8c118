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

use super::persons::Identities;
use super::{NameTable, NewsIndex, Persons, schema};
use crate::model::EntityKind;

/// No person: the ordinal's name is a person of one form.
const NO_PERSON: u32 = u32::MAX;

/// Page clutter: the ordinal's name is not counted.
const CLUTTER: u32 = u32::MAX - 1;

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
}

impl<'a> NameCounts<'a> {
    /// The counts of the values of `field` in `index`.
    pub(crate) fn field(index: &'a NewsIndex, field: &'static str) -> NameCounts<'a> {
        NameCounts {
            field,
            index,
            persons: None,
        }
    }

    /// The counts of the whole names of one kind of entity, people by
    /// person when `persons` is given (the persons of the state searched).
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
            },
            EntityKind::Place => NameCounts::field(index, schema::PLACE_NAME),
        }
    }
}

pub(crate) struct SegmentNameCounts {
    column: Option<StrColumn>,
    /// Every name of the column by ordinal, when the index keeps them.
    names: Option<NameTable>,
    counts: Vec<u32>,
    /// The persons counted per person, and each ordinal's person
    /// ([`NO_PERSON`] for a person of one form); empty without persons.
    persons: Option<Persons>,
    person_of_ord: Vec<u32>,
    /// Articles per person.
    person_counts: Vec<u32>,
    /// The persons already counted for the document at hand.
    seen: Vec<u32>,
}

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
        let mut person_of_ord = Vec::new();
        if let (Some(persons), Some(column)) = (&self.persons, &column) {
            person_of_ord.reserve(terms);
            let person_of = |name: &[u8]| {
                let Ok(form) = std::str::from_utf8(name) else {
                    return NO_PERSON;
                };
                match persons.person_of(form) {
                    Some(person) => person,
                    None if persons.is_clutter(form) => CLUTTER,
                    None => NO_PERSON,
                }
            };
            match &names {
                Some(names) => {
                    person_of_ord.extend(names.iter().map(|name| person_of(name.as_bytes())));
                }
                None => {
                    let mut stream = column.dictionary().stream()?;
                    while stream.advance() {
                        person_of_ord.push(person_of(stream.key()));
                    }
                }
            }
        }
        Ok(SegmentNameCounts {
            column,
            names,
            counts: vec![0; terms],
            person_counts: vec![0; self.persons.as_deref().map_or(0, Identities::len)],
            persons: self.persons.clone(),
            person_of_ord,
            seen: Vec::new(),
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
        if self.person_of_ord.is_empty() {
            for ord in column.ords().values_for_doc(doc) {
                self.counts[ord as usize] += 1;
            }
            return;
        }
        self.seen.clear();
        for ord in column.ords().values_for_doc(doc) {
            match self.person_of_ord[ord as usize] {
                NO_PERSON => self.counts[ord as usize] += 1,
                CLUTTER => {}
                person if !self.seen.contains(&person) => {
                    self.seen.push(person);
                    self.person_counts[person as usize] += 1;
                }
                _ => {}
            }
        }
    }

    fn harvest(self) -> Vec<(String, u64)> {
        let Some(column) = self.column else {
            return Vec::new();
        };
        let mut out: Vec<(String, u64)> = match &self.persons {
            Some(persons) => self
                .person_counts
                .iter()
                .enumerate()
                .filter(|(_, count)| **count > 0)
                .map(|(at, count)| (persons.person(at as u32).name.clone(), u64::from(*count)))
                .collect(),
            None => Vec::new(),
        };
        if let Some(names) = &self.names {
            out.extend(
                self.counts
                    .iter()
                    .zip(names.iter())
                    .filter(|(count, _)| **count > 0)
                    .map(|(count, name)| (name.clone(), u64::from(*count))),
            );
            return out;
        }
        // Only the names counted are read: the dictionary is walked block
        // by block over the sorted ordinals, not streamed whole (a query
        // with a few hundred matches names a few thousand of the archive's
        // tens of thousands of people).
        let (ords, counts): (Vec<u64>, Vec<u32>) = self
            .counts
            .iter()
            .enumerate()
            .filter(|(_, count)| **count > 0)
            .map(|(ord, count)| (ord as u64, *count))
            .unzip();
        out.reserve(ords.len());
        let mut counts = counts.into_iter();
        let read = column.dictionary().sorted_ords_to_term_cb(&ords, |name| {
            if let Some(count) = counts.next() {
                let name = String::from_utf8_lossy(name).into_owned();
                out.push((name, u64::from(count)));
            }
        });
        // A dictionary that cannot be read leaves those names uncounted;
        // the collector has no way to report it.
        debug_assert!(read.is_ok());
        out
    }
}
