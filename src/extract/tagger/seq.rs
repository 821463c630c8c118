//! Token-sequence tables for the list features: a name of several words
//! (`New York`, `Bank of Ningbo`) is stored as the hashes of its prefixes,
//! so the longest entry at a token is found in one pass.

use rustc_hash::FxHashMap;

use super::features::mix;

/// A sequence table: hashes of token sequences with bit 1 = "a complete
/// entry", bit 2 = "a prefix of a longer entry".
#[derive(Default, Debug, Clone)]
pub(crate) struct SeqTable {
    map: FxHashMap<u64, u8>,
}

impl SeqTable {
    pub(crate) fn add(&mut self, tokens: &[u64]) {
        let mut h = 0u64;
        for (k, &t) in tokens.iter().enumerate() {
            h = mix(h, t);
            let e = self.map.entry(h).or_insert(0);
            *e |= if k + 1 == tokens.len() { 1 } else { 2 };
        }
    }

    /// Longest entry starting at `at`, in tokens (0 = none).
    pub(crate) fn longest(&self, hashes: &[u64], at: usize) -> usize {
        let mut h = 0u64;
        let mut best = 0;
        for (k, &t) in hashes[at..].iter().enumerate().take(8) {
            h = mix(h, t);
            match self.map.get(&h) {
                None => break,
                Some(&v) => {
                    if v & 1 != 0 {
                        best = k + 1;
                    }
                    if v & 2 == 0 {
                        break;
                    }
                }
            }
        }
        best
    }
}
