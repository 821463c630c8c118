//! Counting articles per person or place from a fast column of whole names.
//!
//! Each article lists a name once, so the number of values equals the
//! number of articles. Counts are kept per term ordinal while collecting and
//! turned into names once per segment, by reading the counted ordinals from
//! the segment's dictionary in order: no stored document is read.

use rustc_hash::FxHashMap as HashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::index::{NameTable, NewsIndex, schema};
use crate::model::EntityKind;

/// Counts the values of a multi-valued string fast field over the matching
/// documents.
pub(crate) struct NameCounts<'a> {
    /// The fast field's name.
    field: &'static str,
    /// The index whose name tables to use, when it keeps them (a live
    /// index: see [`NewsIndex::name_table`]).
    index: &'a NewsIndex,
}

impl<'a> NameCounts<'a> {
    /// The counts of the values of `field` in `index`.
    pub(crate) fn field(index: &'a NewsIndex, field: &'static str) -> NameCounts<'a> {
        NameCounts { field, index }
    }

    /// The counts of the whole names of one kind of entity.
    pub(crate) fn of(index: &'a NewsIndex, kind: EntityKind) -> NameCounts<'a> {
        let field = match kind {
            EntityKind::Person => schema::PERSON_NAME,
            EntityKind::Place => schema::PLACE_NAME,
        };
        NameCounts { field, index }
    }
}

pub(crate) struct SegmentNameCounts {
    column: Option<StrColumn>,
    /// Every name of the column by ordinal, when the index keeps them.
    names: Option<NameTable>,
    counts: Vec<u32>,
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
        Ok(SegmentNameCounts {
            column,
            names,
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
        let Some(column) = self.column else {
            return Vec::new();
        };
        if let Some(names) = &self.names {
            return self
                .counts
                .iter()
                .zip(names.iter())
                .filter(|(count, _)| **count > 0)
                .map(|(count, name)| (name.clone(), u64::from(*count)))
                .collect();
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
        let mut out = Vec::with_capacity(ords.len());
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
