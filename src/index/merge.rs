//! Which segments merge: tantivy's log merge policy, with every merge
//! bounded in size.
//!
//! Left alone, the log policy merges every segment of a size level at once,
//! so a large ingest ends with a merge of hundreds of thousands of articles
//! whose segment files are all mapped and read together: that merge, not
//! the indexing, set the peak memory of a 4 GB ingest (2.5 GB, nearly all
//! of it mapped segment files; the indexing itself held about 140 MB). Here a merge
//! takes at most [`MAX_MERGED_DOCS`] articles, smallest segments first, and
//! a segment of half that size or more is final (the writer runs one merge
//! at a time): an archive of a million
//! articles ends with a few dozen segments instead of a few, which costs a
//! search little (the per-segment work is a term lookup) and bounds the
//! memory of every merge whatever the archive's size.

use std::collections::HashMap;

use tantivy::SegmentMeta;
use tantivy::index::SegmentId;
use tantivy::merge_policy::{LogMergePolicy, MergeCandidate, MergePolicy};

/// The most articles one merge writes. At the 6 KB of index per article of
/// AllSides, a merge maps about 480 MB of segment files. (At 50,000 the
/// peak RSS of a 600,864-article ingest was 456 MB, but its 23 segments
/// made `people` 1.7x and search 1.4x slower than 8 segments did.)
pub(super) const MAX_MERGED_DOCS: u32 = 80_000;

/// The log merge policy with merges bounded to `max_docs` articles.
#[derive(Debug)]
pub(super) struct BoundedMerges {
    log: LogMergePolicy,
    max_docs: u32,
}

impl BoundedMerges {
    pub(super) fn new(max_docs: u32) -> BoundedMerges {
        let mut log = LogMergePolicy::default();
        // A segment this large is not merged again (unless deletes shrink
        // it): merging two of them would pass the bound.
        log.set_max_docs_before_merge((max_docs / 2) as usize);
        BoundedMerges { log, max_docs }
    }
}

impl MergePolicy for BoundedMerges {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        let docs: HashMap<SegmentId, u32> =
            segments.iter().map(|s| (s.id(), s.num_docs())).collect();
        let mut bounded = Vec::new();
        for MergeCandidate(mut ids) in self.log.compute_merge_candidates(segments) {
            ids.sort_by_key(|id| (docs.get(id).copied().unwrap_or(0), *id));
            let mut chunk: Vec<SegmentId> = Vec::new();
            let mut total = 0u32;
            for id in ids {
                let n = docs.get(&id).copied().unwrap_or(0);
                if total.saturating_add(n) > self.max_docs && !chunk.is_empty() {
                    if chunk.len() >= 2 {
                        bounded.push(MergeCandidate(std::mem::take(&mut chunk)));
                    }
                    chunk.clear();
                    total = 0;
                }
                chunk.push(id);
                total = total.saturating_add(n);
            }
            if chunk.len() >= 2 {
                bounded.push(MergeCandidate(chunk));
            }
        }
        bounded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metas(sizes: &[u32]) -> Vec<SegmentMeta> {
        let index = tantivy::Index::create_in_ram(tantivy::schema::Schema::builder().build());
        sizes
            .iter()
            .map(|&n| index.new_segment_meta(SegmentId::generate_random(), n))
            .collect()
    }

    fn merged_sizes(segments: &[SegmentMeta], policy: &BoundedMerges) -> Vec<u32> {
        let docs: HashMap<SegmentId, u32> =
            segments.iter().map(|s| (s.id(), s.num_docs())).collect();
        policy
            .compute_merge_candidates(segments)
            .iter()
            .map(|MergeCandidate(ids)| ids.iter().map(|id| docs[id]).sum())
            .collect()
    }

    #[test]
    fn a_level_too_large_for_one_merge_is_merged_in_bounded_parts() {
        let segments = metas(&[5_000; 20]);
        // Unbounded, the log policy merges all twenty into one.
        let log = LogMergePolicy::default().compute_merge_candidates(&segments);
        assert_eq!(log.len(), 1);
        assert_eq!(log[0].0.len(), 20);
        let sizes = merged_sizes(&segments, &BoundedMerges::new(60_000));
        assert_eq!(sizes, vec![60_000, 40_000]);
    }

    #[test]
    fn large_segments_are_final_and_no_merge_passes_the_bound() {
        let mut sizes = vec![30_000, 45_000, 59_000];
        sizes.extend([9_000; 8]);
        sizes.extend([12_000, 13_000, 14_000]);
        let segments = metas(&sizes);
        let policy = BoundedMerges::new(60_000);
        let candidates = policy.compute_merge_candidates(&segments);
        let large: Vec<SegmentId> = segments[..3].iter().map(|s| s.id()).collect();
        for MergeCandidate(ids) in &candidates {
            assert!(ids.len() >= 2);
            assert!(ids.iter().all(|id| !large.contains(id)));
        }
        assert!(
            merged_sizes(&segments, &policy)
                .iter()
                .all(|&n| n <= 60_000)
        );
        assert!(!candidates.is_empty());
    }
}
