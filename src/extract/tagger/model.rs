//! The linear model: hashed feature rows of per-label weights, label
//! transitions, first-order Viterbi decoding, and the binary format.

use std::io::Read;
#[cfg(any(test, feature = "lab"))]
use std::io::Write;

use super::Kind;

/// Number of BIO labels: `O`, then `B-`/`I-` for PER, LOC, ORG, MISC.
pub const N_LABELS: usize = 9;

/// Label id of `O`.
pub const O: u8 = 0;

#[cfg(any(test, feature = "lab"))]
/// The BIO label for `kind`, `inside` or beginning.
pub fn label(kind: Kind, inside: bool) -> u8 {
    1 + 2 * kind as u8 + u8::from(inside)
}

/// The kind of a non-`O` label.
pub fn label_kind(l: u8) -> Option<Kind> {
    match l {
        0 => None,
        _ => Some(Kind::ALL[((l - 1) / 2) as usize]),
    }
}

/// Whether a label is an `I-` label.
pub fn is_inside(l: u8) -> bool {
    l != 0 && (l - 1) % 2 == 1
}

/// Whether label `cur` may follow `prev` (`None` = sentence start) in BIO.
pub fn allowed(prev: Option<u8>, cur: u8) -> bool {
    if !is_inside(cur) {
        return true;
    }
    match prev {
        None => false,
        Some(p) => p != O && label_kind(p) == label_kind(cur),
    }
}

/// Weights of the model, in the float form used while training and the
/// quantised form used for tagging.
#[derive(Clone, Debug)]
pub struct Weights {
    /// log2 of the number of rows.
    pub bits: u32,
    /// Row-major `rows x N_LABELS` quantised weights.
    pub table: Vec<i16>,
    /// Scale: a weight is `table[i] as f32 * scale`.
    pub scale: f32,
    /// `trans[p * N_LABELS + c]`, with row `N_LABELS` for the start.
    pub trans: Vec<f32>,
}

impl Weights {
    /// Emission scores of one token: sums the rows of its features.
    #[inline]
    pub fn emit(&self, rows: &[u32], out: &mut [f32; N_LABELS]) {
        self.emit_onto([0; N_LABELS], rows, out);
    }

    /// The sum of some rows, unscaled (part of an emission, to add to).
    #[inline]
    pub fn sum(&self, rows: &[u32]) -> [i32; N_LABELS] {
        let mut acc = [0i32; N_LABELS];
        self.add_rows(&mut acc, rows);
        acc
    }

    /// Emission scores of one token: `acc` (a [`Weights::sum`] of some of
    /// its rows) plus the sum of its other rows. Integer sums, so the
    /// result is the same however the rows are split.
    #[inline]
    pub fn emit_onto(&self, mut acc: [i32; N_LABELS], rows: &[u32], out: &mut [f32; N_LABELS]) {
        self.add_rows(&mut acc, rows);
        for l in 0..N_LABELS {
            out[l] = acc[l] as f32 * self.scale;
        }
    }

    #[inline]
    fn add_rows(&self, acc: &mut [i32; N_LABELS], rows: &[u32]) {
        for &r in rows {
            let base = r as usize * N_LABELS;
            let row: &[i16; N_LABELS] = self.table[base..base + N_LABELS]
                .try_into()
                .expect("row of N_LABELS");
            for l in 0..N_LABELS {
                acc[l] += i32::from(row[l]);
            }
        }
    }

    /// Asks the processor to start loading the rows of one token's
    /// features, so that they are in cache when [`Weights::emit`] sums
    /// them: the table is far larger than the cache and the rows are
    /// scattered, so the sum waits on memory otherwise. A hint only.
    #[inline]
    pub fn prefetch(&self, rows: &[u32]) {
        #[cfg(target_arch = "x86_64")]
        for &r in rows {
            if let Some(first) = self.table.get(r as usize * N_LABELS) {
                // SAFETY: a prefetch of a valid address never faults.
                unsafe {
                    std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
                        std::ptr::from_ref(first).cast::<i8>(),
                    );
                }
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = rows;
    }

    #[cfg(any(test, feature = "lab"))]
    /// Quantises float weights.
    pub fn quantise(bits: u32, w: &[f32], trans: Vec<f32>) -> Weights {
        let max = w.iter().fold(0f32, |m, &x| m.max(x.abs())).max(1e-9);
        let scale = max / 32767.0;
        let table = w
            .iter()
            .map(|&x| (x / scale).round().clamp(-32767.0, 32767.0) as i16)
            .collect();
        Weights {
            bits,
            table,
            scale,
            trans,
        }
    }
}

/// First-order Viterbi over emission scores (`n x N_LABELS`) with
/// transition scores and the BIO constraints. Returns the best labels.
pub fn viterbi(emit: &[[f32; N_LABELS]], trans: &[f32]) -> Vec<u8> {
    let n = emit.len();
    let mut out = vec![O; n];
    if n == 0 {
        return out;
    }
    let neg = f32::NEG_INFINITY;
    // Transitions with the BIO constraints folded in, indexed [cur][prev].
    let mut t = [[neg; N_LABELS]; N_LABELS];
    for (c, row) in t.iter_mut().enumerate() {
        for (p, v) in row.iter_mut().enumerate() {
            if allowed(Some(p as u8), c as u8) {
                *v = trans[p * N_LABELS + c];
            }
        }
    }
    let mut score = [neg; N_LABELS];
    for c in 0..N_LABELS {
        if allowed(None, c as u8) {
            score[c] = emit[0][c] + trans[N_LABELS * N_LABELS + c];
        }
    }
    let mut back = vec![[0u8; N_LABELS]; n];
    for (e, bk) in emit.iter().zip(back.iter_mut()).skip(1) {
        let mut next = [neg; N_LABELS];
        for c in 0..N_LABELS {
            let mut best = neg;
            let mut arg = 0u8;
            // An `I-` label follows only the `B-` and `I-` of its kind (the
            // label before it and itself); the others may follow any.
            let prevs = if is_inside(c as u8) {
                c - 1..c + 1
            } else {
                0..N_LABELS
            };
            for p in prevs {
                let s = score[p] + t[c][p];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            next[c] = best + e[c];
            bk[c] = arg;
        }
        score = next;
    }
    let mut best = 0;
    for c in 1..N_LABELS {
        if score[c] > score[best] {
            best = c;
        }
    }
    out[n - 1] = best as u8;
    for i in (1..n).rev() {
        out[i - 1] = back[i][out[i] as usize];
    }
    out
}

/// Errors reading a model.
#[derive(Debug)]
pub enum ModelError {
    /// The bytes are not a tagger model (or not this version of the format).
    BadFormat(&'static str),
    /// The compressed stream could not be read.
    Io(std::io::Error),
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ModelError::BadFormat(m) => write!(f, "bad tagger model: {m}"),
            ModelError::Io(e) => write!(f, "reading tagger model: {e}"),
        }
    }
}

impl std::error::Error for ModelError {}

impl From<std::io::Error> for ModelError {
    fn from(e: std::io::Error) -> ModelError {
        ModelError::Io(e)
    }
}

const MAGIC: &[u8; 8] = b"NDXTAG04";

/// Everything stored in a model file.
#[derive(Clone, Debug)]
pub struct ModelData {
    /// Free-form version string.
    pub version: String,
    /// Feature groups the model was trained with.
    pub features: u8,
    /// The weights.
    pub weights: Weights,
    /// Lowercase word hash -> fine cluster id, sorted by hash.
    pub clusters: Vec<(u64, u16)>,
    /// Fine cluster id -> coarse cluster id.
    pub coarse: Vec<u16>,
    /// Lowercase word hash -> capitalisation bucket, sorted by hash.
    pub caps: Vec<(u64, u8)>,
}

#[cfg(any(test, feature = "lab"))]
fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], ModelError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.b.len())
            .ok_or(ModelError::BadFormat("truncated"))?;
        let s = &self.b[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4")))
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().expect("8")))
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().expect("4")))
    }
    fn varint(&mut self) -> Result<u64, ModelError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(ModelError::BadFormat("varint"))
    }
}

impl ModelData {
    #[cfg(any(test, feature = "lab"))]
    /// Serialises and gzip-compresses the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&(self.version.len() as u32).to_le_bytes());
        b.extend_from_slice(self.version.as_bytes());
        b.push(self.features);
        b.push(self.weights.bits as u8);
        b.push(N_LABELS as u8);
        b.extend_from_slice(&self.weights.scale.to_le_bytes());
        for &t in &self.weights.trans {
            b.extend_from_slice(&t.to_le_bytes());
        }
        // Sparse rows: row delta, then the weights split into planes by
        // label so that the compressor sees similar numbers together.
        let rows: Vec<usize> = self
            .weights
            .table
            .chunks_exact(N_LABELS)
            .enumerate()
            .filter(|(_, r)| r.iter().any(|&x| x != 0))
            .map(|(i, _)| i)
            .collect();
        b.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        let mut prev = 0;
        for &r in &rows {
            put_varint(&mut b, (r - prev) as u64);
            prev = r;
        }
        for l in 0..N_LABELS {
            for &r in &rows {
                let v = self.weights.table[r * N_LABELS + l];
                // zig-zag varint
                put_varint(&mut b, ((v << 1) ^ (v >> 15)) as u16 as u64);
            }
        }
        b.extend_from_slice(&(self.clusters.len() as u32).to_le_bytes());
        let mut prev = 0u64;
        for &(h, c) in &self.clusters {
            b.extend_from_slice(&(h.wrapping_sub(prev)).to_le_bytes());
            prev = h;
            put_varint(&mut b, u64::from(c));
        }
        b.extend_from_slice(&(self.coarse.len() as u32).to_le_bytes());
        for &c in &self.coarse {
            put_varint(&mut b, u64::from(c));
        }
        b.extend_from_slice(&(self.caps.len() as u32).to_le_bytes());
        for &(h, c) in &self.caps {
            b.extend_from_slice(&h.to_le_bytes());
            b.push(c);
        }
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(&b).expect("in-memory write");
        enc.finish().expect("in-memory write")
    }

    /// Reads a model written by [`ModelData::to_bytes`] (gzip-compressed or
    /// raw).
    pub fn from_bytes(bytes: &[u8]) -> Result<ModelData, ModelError> {
        let raw;
        let b: &[u8] = if bytes.starts_with(&[0x1f, 0x8b]) {
            let mut v = Vec::with_capacity(bytes.len() * 3);
            flate2::read::GzDecoder::new(bytes).read_to_end(&mut v)?;
            raw = v;
            &raw
        } else {
            bytes
        };
        let mut r = Reader { b, at: 0 };
        if r.take(8)? != MAGIC {
            return Err(ModelError::BadFormat("magic"));
        }
        let n = r.u32()? as usize;
        let version =
            String::from_utf8(r.take(n)?.to_vec()).map_err(|_| ModelError::BadFormat("version"))?;
        let features = r.u8()?;
        let bits = u32::from(r.u8()?);
        if !(8..=26).contains(&bits) {
            return Err(ModelError::BadFormat("table size"));
        }
        if r.u8()? as usize != N_LABELS {
            return Err(ModelError::BadFormat("labels"));
        }
        let scale = r.f32()?;
        let mut trans = Vec::with_capacity((N_LABELS + 1) * N_LABELS);
        for _ in 0..(N_LABELS + 1) * N_LABELS {
            trans.push(r.f32()?);
        }
        let n_rows = 1usize << bits;
        let mut table = vec![0i16; n_rows * N_LABELS];
        let count = r.u32()? as usize;
        if count > n_rows {
            return Err(ModelError::BadFormat("row count"));
        }
        let mut rows = Vec::with_capacity(count);
        let mut prev = 0usize;
        for _ in 0..count {
            prev = prev
                .checked_add(r.varint()? as usize)
                .filter(|&x| x < n_rows)
                .ok_or(ModelError::BadFormat("row"))?;
            rows.push(prev);
        }
        for l in 0..N_LABELS {
            for &row in &rows {
                let z = r.varint()? as u16;
                let v = ((z >> 1) as i16) ^ -((z & 1) as i16);
                table[row * N_LABELS + l] = v;
            }
        }
        let n = r.u32()? as usize;
        let mut clusters = Vec::with_capacity(n.min(1 << 22));
        let mut prev = 0u64;
        for _ in 0..n {
            prev = prev.wrapping_add(r.u64()?);
            clusters.push((prev, r.varint()? as u16));
        }
        let n = r.u32()? as usize;
        let mut coarse = Vec::with_capacity(n.min(1 << 16));
        for _ in 0..n {
            coarse.push(r.varint()? as u16);
        }
        let n = r.u32()? as usize;
        let mut caps = Vec::with_capacity(n.min(1 << 22));
        for _ in 0..n {
            caps.push((r.u64()?, r.u8()?));
        }
        Ok(ModelData {
            version,
            features,
            weights: Weights {
                bits,
                table,
                scale,
                trans,
            },
            clusters,
            coarse,
            caps,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_toy() {
        // Emissions prefer B-PER, then I-LOC (not allowed after B-PER), then O.
        let mut e = vec![[0f32; N_LABELS]; 3];
        e[0][1] = 2.0;
        e[1][4] = 3.0;
        e[1][2] = 2.5;
        e[2][0] = 1.0;
        let trans = vec![0f32; (N_LABELS + 1) * N_LABELS];
        assert_eq!(viterbi(&e, &trans), vec![1, 2, 0]);
        // A transition bonus for B-PER -> O beats the emission of I-PER.
        let mut trans2 = trans.clone();
        trans2[N_LABELS] = 5.0; // B-PER -> O
        assert_eq!(viterbi(&e, &trans2), vec![1, 0, 0]);
        // Brute force agrees on a random-ish case.
        let mut e = vec![[0f32; N_LABELS]; 4];
        let mut t = vec![0f32; (N_LABELS + 1) * N_LABELS];
        let mut x = 12345u32;
        let mut rnd = || {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            ((x >> 16) % 100) as f32 / 10.0 - 5.0
        };
        for row in e.iter_mut() {
            for v in row.iter_mut() {
                *v = rnd();
            }
        }
        for v in t.iter_mut() {
            *v = rnd();
        }
        let best = viterbi(&e, &t);
        let score = |ls: &[u8]| -> Option<f32> {
            let mut s = 0.0;
            for (i, &l) in ls.iter().enumerate() {
                let prev = if i == 0 { None } else { Some(ls[i - 1]) };
                if !allowed(prev, l) {
                    return None;
                }
                let p = prev.map_or(N_LABELS, |p| p as usize);
                s += t[p * N_LABELS + l as usize] + e[i][l as usize];
            }
            Some(s)
        };
        let mut max = f32::NEG_INFINITY;
        for code in 0..N_LABELS.pow(4) {
            let ls: Vec<u8> = (0..4)
                .map(|i| ((code / N_LABELS.pow(i)) % N_LABELS) as u8)
                .collect();
            if let Some(s) = score(&ls) {
                max = max.max(s);
            }
        }
        assert!((score(&best).expect("allowed") - max).abs() < 1e-4);
    }

    #[test]
    fn round_trip() {
        let bits = 8;
        let mut w = vec![0f32; (1 << bits) * N_LABELS];
        w[5] = 1.5;
        w[100] = -0.25;
        w[2000] = 0.75;
        let trans: Vec<f32> = (0..(N_LABELS + 1) * N_LABELS).map(|i| i as f32).collect();
        let m = ModelData {
            version: "test".into(),
            features: 7,
            weights: Weights::quantise(bits, &w, trans.clone()),
            clusters: vec![(3, 1), (99, 2)],
            coarse: vec![0, 1, 1],
            caps: vec![(7, 3)],
        };
        let bytes = m.to_bytes();
        let back = ModelData::from_bytes(&bytes).expect("reads");
        assert_eq!(back.version, "test");
        assert_eq!(back.weights.table, m.weights.table);
        assert_eq!(back.weights.trans, trans);
        assert_eq!(back.clusters, m.clusters);
        assert_eq!(back.coarse, m.coarse);
        assert_eq!(back.caps, m.caps);
        assert!(ModelData::from_bytes(b"garbage").is_err());
        assert!(ModelData::from_bytes(&bytes[..bytes.len() / 2]).is_err());
    }
}
