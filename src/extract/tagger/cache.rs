//! What the tagger remembers of the words it has met, per thread.
//!
//! Many of a token's features depend on the word alone (its hashes, shape,
//! affixes, word lists, cluster: [`word_data`] and the
//! [`FeatureSink::word`] features), and news text repeats its words. For a
//! word met before, the cache gives its data and the integer sum of its
//! word-alone weight rows, so only the features of its context are hashed
//! and looked up. Sums of integers do not depend on how they are split, so a tag is
//! the same with the cache as without it (a test checks every emission).

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use super::features::{
    FeatureSet, FeatureSink, Part, Resources, TokData, row, token_features, word_data,
};
use super::model::{N_LABELS, Weights};

/// Words kept per thread before the cache starts over: about 8 MB (an
/// entry, its key and its slot in the map take about 250 bytes).
const CAPACITY: usize = 1 << 15;

/// One word met before.
struct Entry {
    data: TokData,
    /// The sums of its word-alone rows, without and with the row of its
    /// exact form; computed the first time the word is tagged.
    sums: Option<[[i32; N_LABELS]; 2]>,
}

/// The words of one tagger met on this thread.
#[derive(Default)]
pub(super) struct WordCache {
    /// The tagger the sums belong to.
    owner: u64,
    slots: FxHashMap<Box<str>, u32>,
    entries: Vec<Entry>,
}

thread_local! {
    static WORDS: RefCell<WordCache> = RefCell::new(WordCache::default());
}

/// Runs `f` with this thread's cache, emptied first if it holds another
/// tagger's words or is full; `None` inside another use of it.
pub(super) fn with_cache<R>(owner: u64, f: impl FnOnce(&mut WordCache) -> R) -> Option<R> {
    WORDS.with(|cell| {
        let mut cache = cell.try_borrow_mut().ok()?;
        if cache.owner != owner || cache.entries.len() >= CAPACITY {
            cache.owner = owner;
            cache.slots.clear();
            cache.entries.clear();
        }
        Some(f(&mut cache))
    })
}

/// The word-alone features of a token, the form kept apart.
struct WordFeatures<'a> {
    form: u64,
    rest: &'a mut Vec<u64>,
}

impl FeatureSink for WordFeatures<'_> {
    #[inline]
    fn form(&mut self, h: u64, _on: bool) {
        self.form = h;
    }
    #[inline]
    fn word(&mut self, h: u64) {
        self.rest.push(h);
    }
    #[inline]
    fn context(&mut self, _h: u64) {}
}

/// The context features of a token.
pub(super) struct ContextFeatures<'a>(pub(super) &'a mut Vec<u64>);

impl FeatureSink for ContextFeatures<'_> {
    #[inline]
    fn form(&mut self, _h: u64, _on: bool) {}
    #[inline]
    fn word(&mut self, _h: u64) {}
    #[inline]
    fn context(&mut self, h: u64) {
        self.0.push(h);
    }
}

impl WordCache {
    /// The data of word `w` and its slot, from the cache or computed.
    pub(super) fn word(&mut self, w: &str, res: &Resources, fs: FeatureSet) -> (u32, TokData) {
        if let Some(&slot) = self.slots.get(w) {
            return (slot, self.entries[slot as usize].data);
        }
        let data = word_data(w, res, fs);
        let slot = self.entries.len() as u32;
        self.entries.push(Entry { data, sums: None });
        self.slots.insert(w.into(), slot);
        (slot, data)
    }

    /// The sum of the word-alone rows of token `k` (of sentence `s`), whose
    /// word is in `slot`: with the row of its exact form unless `caps`.
    pub(super) fn sum(
        &mut self,
        slot: u32,
        part: &Part,
        s: &std::ops::Range<usize>,
        k: usize,
        weights: &Weights,
        caps: bool,
    ) -> [i32; N_LABELS] {
        let entry = &mut self.entries[slot as usize];
        let sums = *entry.sums.get_or_insert_with(|| {
            let mut rest = Vec::with_capacity(32);
            let mut features = WordFeatures {
                form: 0,
                rest: &mut rest,
            };
            token_features(part, s, k, &mut features);
            let form = features.form;
            let rows: Vec<u32> = rest.iter().map(|&h| row(h, weights.bits)).collect();
            let without = weights.sum(&rows);
            let mut with = without;
            let form_row = weights.sum(&[row(form, weights.bits)]);
            for l in 0..N_LABELS {
                with[l] += form_row[l];
            }
            [without, with]
        });
        sums[usize::from(!caps)]
    }
}
