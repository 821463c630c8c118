//! Cheap word clusters and capitalisation statistics from unlabeled text.
//!
//! Each frequent lowercase word gets a context vector (counts of its left
//! and right neighbours among the most frequent words, `log(1 + n)`,
//! randomly projected to a few hundred dimensions and L2-normalised);
//! spherical k-means groups them into fine clusters, and a second k-means
//! over the centroids gives coarse clusters. A word's capitalisation
//! bucket says how often it is capitalised away from the start of a
//! sentence. Only hashes of words are kept.

use rustc_hash::FxHashMap;

use super::features::{Resources, lower_hash};
use super::token::{sentences, tokenize_into};

/// Clusters and capitalisation buckets, as stored in a model.
#[derive(Clone, Debug, Default)]
pub struct ClusterData {
    /// Lowercase word hash -> fine cluster id (1-based), sorted by hash.
    pub clusters: Vec<(u64, u16)>,
    /// Fine cluster id -> coarse cluster id (index 0 unused).
    pub coarse: Vec<u16>,
    /// Lowercase word hash -> capitalisation bucket (1..=6), sorted by hash.
    pub caps: Vec<(u64, u8)>,
}

impl ClusterData {
    /// Puts the tables into the feature resources.
    pub fn install(&self, res: &mut Resources) {
        res.set_clusters(&self.clusters, &self.coarse, &self.caps);
    }

    /// Raw little-endian serialisation.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(b"NDXCLU01");
        b.extend_from_slice(&(self.clusters.len() as u32).to_le_bytes());
        for &(h, c) in &self.clusters {
            b.extend_from_slice(&h.to_le_bytes());
            b.extend_from_slice(&c.to_le_bytes());
        }
        b.extend_from_slice(&(self.coarse.len() as u32).to_le_bytes());
        for &c in &self.coarse {
            b.extend_from_slice(&c.to_le_bytes());
        }
        b.extend_from_slice(&(self.caps.len() as u32).to_le_bytes());
        for &(h, c) in &self.caps {
            b.extend_from_slice(&h.to_le_bytes());
            b.push(c);
        }
        b
    }

    /// Reads [`ClusterData::to_bytes`] output.
    pub fn from_bytes(b: &[u8]) -> Result<ClusterData, String> {
        let mut at = 0usize;
        let mut take = |n: usize| -> Result<&[u8], String> {
            let s = b.get(at..at + n).ok_or("truncated cluster file")?;
            at += n;
            Ok(s)
        };
        if take(8)? != b"NDXCLU01" {
            return Err("not a cluster file".into());
        }
        let mut d = ClusterData::default();
        let n = u32::from_le_bytes(take(4)?.try_into().expect("4")) as usize;
        for _ in 0..n {
            let h = u64::from_le_bytes(take(8)?.try_into().expect("8"));
            let c = u16::from_le_bytes(take(2)?.try_into().expect("2"));
            d.clusters.push((h, c));
        }
        let n = u32::from_le_bytes(take(4)?.try_into().expect("4")) as usize;
        for _ in 0..n {
            d.coarse
                .push(u16::from_le_bytes(take(2)?.try_into().expect("2")));
        }
        let n = u32::from_le_bytes(take(4)?.try_into().expect("4")) as usize;
        for _ in 0..n {
            let h = u64::from_le_bytes(take(8)?.try_into().expect("8"));
            let c = take(1)?[0];
            d.caps.push((h, c));
        }
        Ok(d)
    }
}

/// Settings of [`ClusterBuilder::build`].
#[derive(Clone, Copy, Debug)]
pub struct ClusterOptions {
    /// Most frequent words to cluster.
    pub vocab: usize,
    /// Most frequent words used as contexts.
    pub contexts: usize,
    /// Projected dimensions.
    pub dims: usize,
    /// Fine clusters.
    pub fine: usize,
    /// Coarse clusters.
    pub coarse: usize,
    /// k-means iterations.
    pub iterations: usize,
    /// Minimum count for a word to be clustered or get a bucket.
    pub min_count: u32,
}

impl Default for ClusterOptions {
    fn default() -> ClusterOptions {
        ClusterOptions {
            vocab: 60_000,
            contexts: 600,
            dims: 160,
            fine: 400,
            coarse: 40,
            iterations: 12,
            min_count: 4,
        }
    }
}

#[derive(Default, Clone, Copy)]
struct WordStats {
    count: u32,
    cap_mid: u32,
    lower_mid: u32,
}

/// Accumulates text, then builds [`ClusterData`].
#[derive(Default)]
pub struct ClusterBuilder {
    /// Every token's lowercase hash, with `u64::MAX` between sentences.
    stream: Vec<u64>,
    stats: FxHashMap<u64, WordStats>,
}

impl ClusterBuilder {
    /// Adds one text.
    pub fn add(&mut self, text: &str) {
        let mut tokens = Vec::new();
        tokenize_into(text, &mut tokens);
        for s in sentences(text, &tokens) {
            let mut initial = true;
            for t in &tokens[s] {
                let w = t.text(text);
                let h = lower_hash(w);
                self.stream.push(h);
                let st = self.stats.entry(h).or_default();
                st.count += 1;
                let first = w.chars().next().unwrap_or(' ');
                if !first.is_alphanumeric() {
                    continue;
                }
                if !initial {
                    if first.is_uppercase() {
                        st.cap_mid += 1;
                    } else if first.is_lowercase() {
                        st.lower_mid += 1;
                    }
                }
                initial = false;
            }
            self.stream.push(u64::MAX);
        }
    }

    /// Number of tokens added so far.
    pub fn tokens(&self) -> usize {
        self.stream.len()
    }

    /// Clusters the vocabulary (uses `threads` threads for k-means).
    pub fn build(&self, opts: &ClusterOptions, threads: usize) -> ClusterData {
        let mut by_freq: Vec<(u64, WordStats)> = self
            .stats
            .iter()
            .filter(|(_, s)| s.count >= opts.min_count)
            .map(|(&h, &s)| (h, s))
            .collect();
        by_freq.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(&b.0)));
        // Capitalisation buckets.
        let mut caps: Vec<(u64, u8)> = by_freq
            .iter()
            .filter_map(|&(h, s)| {
                let n = s.cap_mid + s.lower_mid;
                if n < 3 {
                    return None;
                }
                let p = f64::from(s.cap_mid) / f64::from(n);
                let b = if p < 0.02 {
                    1
                } else if p < 0.2 {
                    2
                } else if p < 0.5 {
                    3
                } else if p < 0.8 {
                    4
                } else if p < 0.98 {
                    5
                } else {
                    6
                };
                Some((h, b))
            })
            .collect();
        caps.sort_unstable();
        let vocab: Vec<u64> = by_freq.iter().take(opts.vocab).map(|&(h, _)| h).collect();
        let index: FxHashMap<u64, usize> = vocab.iter().enumerate().map(|(i, &h)| (h, i)).collect();
        let nc = opts.contexts.min(vocab.len());
        // Context counts, sparse per word.
        let mut counts: Vec<FxHashMap<u32, f32>> = vec![FxHashMap::default(); vocab.len()];
        let ctx = |h: u64| -> u32 {
            if h == u64::MAX {
                return nc as u32; // sentence boundary
            }
            match index.get(&h) {
                Some(&i) if i < nc => i as u32,
                _ => nc as u32 + 1, // rare word
            }
        };
        let n = self.stream.len();
        for i in 0..n {
            let h = self.stream[i];
            if h == u64::MAX {
                continue;
            }
            let Some(&w) = index.get(&h) else { continue };
            let left = if i > 0 { self.stream[i - 1] } else { u64::MAX };
            let right = if i + 1 < n {
                self.stream[i + 1]
            } else {
                u64::MAX
            };
            *counts[w].entry(ctx(left)).or_default() += 1.0;
            *counts[w].entry(ctx(right) + nc as u32 + 2).or_default() += 1.0;
        }
        // Random projection of log counts.
        let dims = opts.dims;
        let mut seed = 0x1234_5678_9abc_def1u64;
        let mut rnd = || {
            seed ^= seed >> 12;
            seed ^= seed << 25;
            seed ^= seed >> 27;
            seed.wrapping_mul(0x2545_f491_4f6c_dd1d)
        };
        let proj: Vec<f32> = (0..(2 * nc + 4) * dims)
            .map(|_| if rnd() & 1 == 0 { 1.0 } else { -1.0 })
            .collect();
        let mut vecs = vec![0f32; vocab.len() * dims];
        for (w, c) in counts.iter().enumerate() {
            let v = &mut vecs[w * dims..(w + 1) * dims];
            for (&k, &x) in c {
                let x = (1.0 + x).ln();
                let p = &proj[k as usize * dims..(k as usize + 1) * dims];
                for d in 0..dims {
                    v[d] += x * p[d];
                }
            }
            normalise(v);
        }
        drop(counts);
        let fine = kmeans(&vecs, dims, opts.fine, opts.iterations, threads, &mut rnd);
        let (assign, centroids) = fine;
        let (coarse_assign, _) = kmeans(&centroids, dims, opts.coarse, 20, 1, &mut rnd);
        let mut clusters: Vec<(u64, u16)> = vocab
            .iter()
            .zip(&assign)
            .map(|(&h, &c)| (h, c as u16 + 1))
            .collect();
        clusters.sort_unstable();
        let mut coarse = vec![0u16];
        coarse.extend(coarse_assign.iter().map(|&c| c as u16 + 1));
        ClusterData {
            clusters,
            coarse,
            caps,
        }
    }
}

fn normalise(v: &mut [f32]) {
    let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if n > 0.0 {
        for x in v {
            *x /= n;
        }
    }
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let mut ca = a.chunks_exact(8);
    let mut cb = b.chunks_exact(8);
    for (x, y) in (&mut ca).zip(&mut cb) {
        for k in 0..8 {
            acc[k] += x[k] * y[k];
        }
    }
    let mut s: f32 = acc.iter().sum();
    for (x, y) in ca.remainder().iter().zip(cb.remainder()) {
        s += x * y;
    }
    s
}

/// Spherical k-means; returns assignments and normalised centroids.
fn kmeans(
    vecs: &[f32],
    dims: usize,
    k: usize,
    iterations: usize,
    threads: usize,
    rnd: &mut impl FnMut() -> u64,
) -> (Vec<usize>, Vec<f32>) {
    let n = vecs.len() / dims;
    let k = k.min(n).max(1);
    // Seeds: k distinct random points, biased to frequent words (the
    // vectors come sorted by frequency).
    let mut centroids = Vec::with_capacity(k * dims);
    let mut chosen = std::collections::BTreeSet::new();
    while chosen.len() < k {
        let limit = (n / 2).max(k);
        let i = (rnd() % limit.min(n) as u64) as usize;
        if chosen.insert(i) {
            centroids.extend_from_slice(&vecs[i * dims..(i + 1) * dims]);
        }
    }
    let mut assign = vec![0usize; n];
    let threads = threads.max(1);
    for _ in 0..iterations {
        let chunk = n.div_ceil(threads);
        std::thread::scope(|scope| {
            for (t, out) in assign.chunks_mut(chunk).enumerate() {
                let cents = &centroids;
                scope.spawn(move || {
                    for (j, a) in out.iter_mut().enumerate() {
                        let i = t * chunk + j;
                        let v = &vecs[i * dims..(i + 1) * dims];
                        let mut best = f32::NEG_INFINITY;
                        for c in 0..k {
                            let s = dot(v, &cents[c * dims..(c + 1) * dims]);
                            if s > best {
                                best = s;
                                *a = c;
                            }
                        }
                    }
                });
            }
        });
        let mut sums = vec![0f32; k * dims];
        let mut sizes = vec![0usize; k];
        for (i, &c) in assign.iter().enumerate() {
            sizes[c] += 1;
            for d in 0..dims {
                sums[c * dims + d] += vecs[i * dims + d];
            }
        }
        for c in 0..k {
            if sizes[c] == 0 {
                // Re-seed an empty cluster.
                let i = (rnd() % n as u64) as usize;
                sums[c * dims..(c + 1) * dims].copy_from_slice(&vecs[i * dims..(i + 1) * dims]);
            }
            normalise(&mut sums[c * dims..(c + 1) * dims]);
        }
        centroids = sums;
    }
    (assign, centroids)
}
