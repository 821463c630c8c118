//! Counting articles per person or place from a fast column of whole names.
//!
//! Each article lists a name once, so the number of values equals the
//! number of articles. Counts are kept per term ordinal while collecting and
//! turned into names once per segment, by streaming the segment's dictionary
//! in ordinal order: no stored document is read.

use rustc_hash::FxHashMap as HashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::identity::Identities;

/// Counts the values of a multi-valued string fast field over the matching
/// documents.
pub(crate) struct NameCounts {
    /// The fast field's name.
    pub field: &'static str,
}

pub(crate) struct SegmentNameCounts {
    column: Option<StrColumn>,
    counts: Vec<u32>,
}

impl Collector for NameCounts {
    type Fruit = Vec<(String, u64)>;
    type Child = SegmentNameCounts;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentNameCounts> {
        let column = segment.fast_fields().str(self.field)?;
        let terms = column.as_ref().map_or(0, |c| c.num_terms());
        Ok(SegmentNameCounts {
            column,
            counts: vec![0; terms],
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
        if let Some(column) = &self.column {
            for ord in column.ords().values_for_doc(doc) {
                self.counts[ord as usize] += 1;
            }
        }
    }

    fn harvest(self) -> Vec<(String, u64)> {
        let mut out = Vec::new();
        let Some(column) = self.column else {
            return out;
        };
        let Ok(mut terms) = column.dictionary().stream() else {
            return out;
        };
        while terms.advance() {
            let count = self.counts[terms.term_ord() as usize];
            if count > 0 {
                let name = String::from_utf8_lossy(terms.key()).into_owned();
                out.push((name, u64::from(count)));
            }
        }
        out
    }
}

/// Counts the articles per person over the matching documents, exactly: an
/// article that writes two forms of one person counts once.
pub(crate) struct PersonCounts<'a> {
    /// The fast field of whole person names.
    pub field: &'static str,
    /// The archive's persons.
    pub identities: &'a Identities,
}

pub(crate) struct SegmentPersonCounts {
    column: Option<StrColumn>,
    /// Term ordinal -> person (`u32::MAX`: a form the persons do not know,
    /// written since they were built).
    person_of_ord: Vec<u32>,
    counts: HashMap<u32, u64>,
    seen: Vec<u32>,
}

impl Collector for PersonCounts<'_> {
    type Fruit = HashMap<u32, u64>;
    type Child = SegmentPersonCounts;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentPersonCounts> {
        let column = segment.fast_fields().str(self.field)?;
        let mut person_of_ord = Vec::new();
        if let Some(column) = &column {
            person_of_ord.reserve(column.num_terms());
            let mut terms = column.dictionary().stream()?;
            while terms.advance() {
                let person = std::str::from_utf8(terms.key())
                    .ok()
                    .and_then(|form| self.identities.person_of(form));
                person_of_ord.push(person.unwrap_or(u32::MAX));
            }
        }
        Ok(SegmentPersonCounts {
            column,
            person_of_ord,
            counts: HashMap::default(),
            seen: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<HashMap<u32, u64>>) -> tantivy::Result<Self::Fruit> {
        let mut merged: HashMap<u32, u64> = HashMap::default();
        for fruit in fruits {
            for (person, n) in fruit {
                *merged.entry(person).or_insert(0) += n;
            }
        }
        Ok(merged)
    }
}

impl SegmentCollector for SegmentPersonCounts {
    type Fruit = HashMap<u32, u64>;

    fn collect(&mut self, doc: DocId, _: Score) {
        let Some(column) = &self.column else {
            return;
        };
        self.seen.clear();
        for ord in column.ords().values_for_doc(doc) {
            let person = self
                .person_of_ord
                .get(ord as usize)
                .copied()
                .unwrap_or(u32::MAX);
            if person != u32::MAX && !self.seen.contains(&person) {
                self.seen.push(person);
                *self.counts.entry(person).or_insert(0) += 1;
            }
        }
    }

    fn harvest(self) -> HashMap<u32, u64> {
        self.counts
    }
}
