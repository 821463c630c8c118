//! Feature extraction: every token becomes a list of hashed feature ids
//! (rows of the weight table).
//!
//! Features come from the raw text only: the word, its lowercase form,
//! shape, affixes, neighbours, position (sentence start, all-caps line,
//! headline, dateline), word lists (places, given names, titles,
//! organisation keywords), document-level capitalisation evidence and word
//! clusters learned from unlabeled news text.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::seq::SeqTable;
use super::token::{Token, sentences, tokenize_into};
use crate::data;
use crate::extract::places::fold_into;

const K: u64 = 0x517c_c1b7_2722_0a95;

/// Combines a hash with a value (FxHash step).
#[inline]
pub(crate) fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(K)
}

/// Hashes a byte string.
#[inline]
pub(crate) fn hash_bytes(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = seed;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        h = mix(
            h,
            u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]),
        );
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(buf));
    }
    mix(h, bytes.len() as u64)
}

/// Hashes a string.
#[inline]
pub(crate) fn hash_str(s: &str) -> u64 {
    hash_bytes(0x9e37_79b9_7f4a_7c15, s.as_bytes())
}

/// The row of a feature hash in a weight table of `2^bits` rows: the top
/// bits of its final avalanche.
#[inline]
pub(crate) fn row(h: u64, bits: u32) -> u32 {
    (fmix(h) >> (64 - bits)) as u32
}

/// Final avalanche (murmur3 fmix64) before taking the row bits.
#[inline]
fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h
}

// Token flags.
pub(crate) const F_TITLECASE: u32 = 1 << 0;
pub(crate) const F_UPPER: u32 = 1 << 1;
pub(crate) const F_LOWER: u32 = 1 << 2;
pub(crate) const F_DIGIT: u32 = 1 << 3;
pub(crate) const F_HYPHEN: u32 = 1 << 4;
pub(crate) const F_PERIOD: u32 = 1 << 5;
pub(crate) const F_PUNCT: u32 = 1 << 6;
pub(crate) const F_SENT_START: u32 = 1 << 7;
pub(crate) const F_CAPSLINE: u32 = 1 << 8;
pub(crate) const F_TITLE_PART: u32 = 1 << 9;
pub(crate) const F_DATELINE: u32 = 1 << 10;
pub(crate) const F_GIVEN: u32 = 1 << 11;
pub(crate) const F_FAMILY_FIRST: u32 = 1 << 12;
pub(crate) const F_TITLEWORD: u32 = 1 << 13;
pub(crate) const F_ROLE: u32 = 1 << 14;
pub(crate) const F_ORGWORD: u32 = 1 << 15;
pub(crate) const F_DEMONYM: u32 = 1 << 16;
pub(crate) const F_STOP: u32 = 1 << 17;
pub(crate) const F_DOC_LOWER: u32 = 1 << 18;
pub(crate) const F_DOC_CAP: u32 = 1 << 19;
pub(crate) const F_HEADCASE: u32 = 1 << 20;
pub(crate) const F_COMPANY: u32 = 1 << 21;
pub(crate) const F_AFTER_QUOTE: u32 = 1 << 22;
const N_FLAGS: u32 = 23;

/// Which optional feature groups are on (for ablations while training).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FeatureSet {
    /// Place / known-organisation matches and word lists.
    pub lists: bool,
    /// Document-level capitalisation evidence.
    pub doc: bool,
    /// Word clusters and corpus capitalisation ratios.
    pub clusters: bool,
}

impl Default for FeatureSet {
    fn default() -> FeatureSet {
        FeatureSet {
            lists: true,
            doc: true,
            clusters: true,
        }
    }
}

impl FeatureSet {
    #[cfg(feature = "lab")]
    /// The feature set as stored in a model file.
    pub fn to_byte(self) -> u8 {
        u8::from(self.lists) | (u8::from(self.doc) << 1) | (u8::from(self.clusters) << 2)
    }

    /// Reads [`FeatureSet::to_byte`].
    pub fn from_byte(b: u8) -> FeatureSet {
        FeatureSet {
            lists: b & 1 != 0,
            doc: b & 2 != 0,
            clusters: b & 4 != 0,
        }
    }
}

/// Cities of at least this many people join the place-list feature, with
/// every country, continent and state; regions stay out (chosen on
/// CoNLL-2003 testa: 100k, 250k, 500k and 1M people, with and without
/// regions, were tried).
const LIST_CITY_POPULATION: u64 = 500_000;

/// Whether a row of the place table is in the place-list feature.
fn is_list_place(row: &[&str]) -> bool {
    match row.get(1) {
        Some(&"city") => row
            .get(3)
            .and_then(|p| p.parse::<u64>().ok())
            .is_some_and(|p| p >= LIST_CITY_POPULATION),
        Some(&"region") => false,
        Some(_) => true,
        None => false,
    }
}

/// Word lists and unlabeled-text statistics used by the features.
#[derive(Debug, Clone, Default)]
pub struct Resources {
    places: SeqTable,
    places_lower: SeqTable,
    orgs_lower: SeqTable,
    /// Lowercase known organisation names.
    pub(crate) known_orgs: rustc_hash::FxHashSet<String>,
    /// Lowercase names and aliases of the places in the place-list feature.
    pub(crate) place_names: rustc_hash::FxHashSet<String>,
    /// Lowercase word hash -> list flags, cluster and capitalisation.
    lex: FxHashMap<u64, LexEntry>,
}

/// What is known about one lowercase word.
#[derive(Clone, Copy, Debug, Default)]
struct LexEntry {
    flags: u32,
    cluster: u16,
    coarse: u16,
    cap: u8,
}

fn tokens_of(text: &str, buf: &mut Vec<Token>) -> Vec<String> {
    tokenize_into(text, buf);
    buf.iter().map(|t| t.text(text).to_string()).collect()
}

impl Resources {
    /// Builds the word lists from the embedded data (clusters and
    /// capitalisation buckets are added by the model loader).
    pub fn new() -> Resources {
        let mut r = Resources::default();
        let mut buf = Vec::new();
        let mut norm = String::new();
        let add_place = |r: &mut Resources, name: &str, buf: &mut Vec<Token>| {
            let toks = tokens_of(name, buf);
            if toks.is_empty() || toks.len() > 8 {
                return;
            }
            let h: Vec<u64> = toks.iter().map(|t| hash_str(t)).collect();
            r.places.add(&h);
            let h: Vec<u64> = toks.iter().map(|t| hash_str(&t.to_lowercase())).collect();
            r.places_lower.add(&h);
        };
        for row in data::rows(data::gazetteer::PLACES) {
            if !is_list_place(&row) {
                continue;
            }
            let aliases = row.get(4).copied().unwrap_or("");
            for name in std::iter::once(row[0]).chain(aliases.split('|')) {
                if name.is_empty() {
                    continue;
                }
                r.place_names.insert(name.to_lowercase());
                add_place(&mut r, name, &mut buf);
                fold_into(name, &mut norm);
                if norm != name {
                    let n = norm.clone();
                    add_place(&mut r, &n, &mut buf);
                }
                if let Some(rest) = name.strip_prefix("The ") {
                    add_place(&mut r, rest, &mut buf);
                }
            }
        }
        for line in data::entries(data::words::KNOWN_ORGS) {
            for name in line.split('|').map(str::trim).filter(|n| !n.is_empty()) {
                r.known_orgs.insert(name.to_string());
                let toks = tokens_of(name, &mut buf);
                let h: Vec<u64> = toks.iter().map(|t| hash_str(&t.to_lowercase())).collect();
                if !h.is_empty() {
                    r.orgs_lower.add(&h);
                }
            }
        }
        let mut add_words = |words: &mut dyn Iterator<Item = &str>, flag: u32| {
            for w in words {
                r.lex.entry(lower_hash(w)).or_default().flags |= flag;
            }
        };
        let list = |table: &'static str| data::entries(table);
        add_words(&mut list(data::gazetteer::GIVEN_NAMES), F_GIVEN);
        add_words(&mut list(data::words::FAMILY_FIRST), F_FAMILY_FIRST);
        add_words(&mut list(data::words::TITLES), F_TITLEWORD);
        add_words(&mut list(data::words::ROLES), F_ROLE);
        add_words(&mut list(data::words::ORG_WORDS), F_ORGWORD);
        add_words(&mut list(data::words::COMPANY_SUFFIXES), F_COMPANY);
        add_words(&mut list(data::words::STOP_WORDS), F_STOP);
        let demonyms = || data::rows(data::gazetteer::DEMONYMS).map(|row| row[0]);
        add_words(&mut demonyms(), F_DEMONYM);
        // Plural demonyms and titles with periods.
        let extra: Vec<(u64, u32)> = demonyms()
            .map(|w| (lower_hash(&format!("{w}s")), F_DEMONYM))
            .chain(list(data::words::TITLES).map(|w| (hash_str(&format!("{w}.")), F_TITLEWORD)))
            .collect();
        for (h, f) in extra {
            r.lex.entry(h).or_default().flags |= f;
        }
        r
    }

    /// Whether a word is a given name (`Donald`), in any case.
    pub(crate) fn is_given(&self, word: &str) -> bool {
        self.lex
            .get(&lower_hash(word))
            .is_some_and(|e| e.flags & F_GIVEN != 0)
    }

    /// Whether a word is a nationality or demonym, in any case, singular or
    /// plural: one of the list (`Chinese`, `Afghans`), or a place's name
    /// with `-n` or `-an` (`Rhodesian`, `Zairean`), which also covers the
    /// names of former countries.
    pub(crate) fn is_demonym(&self, word: &str) -> bool {
        if self
            .lex
            .get(&lower_hash(word))
            .is_some_and(|e| e.flags & F_DEMONYM != 0)
        {
            return true;
        }
        let lower = lowercase(word);
        let lower = lower.strip_suffix('s').unwrap_or(&lower);
        lower.len() > 4
            && [lower.strip_suffix('n'), lower.strip_suffix("an")]
                .into_iter()
                .flatten()
                .any(|stem| self.place_names.contains(stem))
    }

    /// Adds word clusters (`(lowercase hash, fine id)`, fine id -> coarse
    /// id) and capitalisation buckets (`(lowercase hash, bucket)`).
    pub fn set_clusters(&mut self, clusters: &[(u64, u16)], coarse: &[u16], caps: &[(u64, u8)]) {
        for &(h, c) in clusters {
            let e = self.lex.entry(h).or_default();
            e.cluster = c;
            e.coarse = coarse.get(c as usize).copied().unwrap_or(0);
        }
        for &(h, b) in caps {
            self.lex.entry(h).or_default().cap = b;
        }
    }
}

/// Per-token data computed before the features.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct TokData {
    word: u64,
    lower: u64,
    shape: u64,
    sshape: u64,
    pre: [u64; 4],
    suf: [u64; 4],
    pub(crate) flags: u32,
    gaz_loc: u8,
    gaz_org: u8,
    cluster: u16,
    coarse: u16,
    cap: u8,
}

/// One part (title or body) of a document, tokenized.
#[derive(Debug, Default, Clone)]
pub struct Part {
    /// The tokens.
    pub tokens: Vec<Token>,
    /// Sentences as token index ranges.
    pub sentences: Vec<Range<usize>>,
    pub(crate) data: Vec<TokData>,
}

fn shape_hashes(word: &str) -> (u64, u64) {
    let mut long = [0u8; 24];
    let mut short = [0u8; 24];
    let (mut nl, mut ns) = (0, 0);
    for c in word.chars() {
        let s = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_ascii_digit() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else if c == '\u{2019}' {
            b'\''
        } else {
            b'~'
        };
        if nl < long.len() {
            long[nl] = s;
            nl += 1;
        }
        if (ns == 0 || short[ns - 1] != s) && ns < short.len() {
            short[ns] = s;
            ns += 1;
        }
    }
    // Long shape: cap the runs at 4 (Xxxxx... -> Xxxx).
    let mut capped = [0u8; 24];
    let mut nc = 0;
    let mut run = 0;
    for k in 0..nl {
        if k > 0 && long[k] == long[k - 1] {
            run += 1;
        } else {
            run = 1;
        }
        if run <= 4 {
            capped[nc] = long[k];
            nc += 1;
        }
    }
    (hash_bytes(11, &capped[..nc]), hash_bytes(13, &short[..ns]))
}

fn is_date_token(lower: &str) -> bool {
    let b = lower.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(k, c)| k == 4 || k == 7 || c.is_ascii_digit())
}

/// Flags that depend on the word alone, never on where it stands.
pub(crate) const WORD_FLAGS: u32 = F_TITLECASE
    | F_UPPER
    | F_LOWER
    | F_DIGIT
    | F_HYPHEN
    | F_PERIOD
    | F_PUNCT
    | F_GIVEN
    | F_FAMILY_FIRST
    | F_TITLEWORD
    | F_ROLE
    | F_ORGWORD
    | F_DEMONYM
    | F_STOP
    | F_COMPANY;

/// The data of one word that does not depend on its context: hashes,
/// shape, affixes, the flags of [`WORD_FLAGS`], word lists, cluster and
/// capitalisation bucket.
pub(crate) fn word_data(w: &str, res: &Resources, fs: FeatureSet) -> TokData {
    let mut d = TokData::default();
    let lower = lowercase(w);
    d.word = hash_str(w);
    d.lower = hash_str(&lower);
    let (s1, s2) = shape_hashes(w);
    d.shape = s1;
    d.sshape = s2;
    let lb = lower.as_bytes();
    if lower.is_ascii() {
        let n = lb.len();
        for k in 0..4 {
            d.pre[k] = hash_bytes(20 + k as u64, &lb[..n.min(k + 1)]);
            d.suf[k] = hash_bytes(30 + k as u64, &lb[n - n.min(k + 1)..]);
        }
    } else {
        let mut ends = lower.char_indices().map(|(i, c)| i + c.len_utf8());
        let mut starts = lower.char_indices().rev().map(|(i, _)| i);
        for k in 0..4 {
            let p = ends.next().unwrap_or(lb.len());
            d.pre[k] = hash_bytes(20 + k as u64, &lb[..p]);
            let q = starts.next().unwrap_or(0);
            d.suf[k] = hash_bytes(30 + k as u64, &lb[q..]);
        }
    }
    let mut f = 0;
    let mut letters = 0;
    let mut uppers = 0;
    let mut alnum = false;
    let mut first_upper = false;
    for (k, c) in w.chars().enumerate() {
        if c.is_alphabetic() {
            letters += 1;
            alnum = true;
            if c.is_uppercase() {
                uppers += 1;
                if k == 0 {
                    first_upper = true;
                }
            }
        } else if c.is_ascii_digit() {
            f |= F_DIGIT;
            alnum = true;
        } else if c == '-' {
            f |= F_HYPHEN;
        } else if c == '.' {
            f |= F_PERIOD;
        }
    }
    if letters > 0 {
        if uppers == letters && (letters > 1 || w.len() > 1) {
            f |= F_UPPER;
        } else if first_upper {
            f |= F_TITLECASE;
        } else if uppers == 0 {
            f |= F_LOWER;
        }
        if uppers == letters && letters == 1 && first_upper {
            f |= F_TITLECASE;
        }
    }
    if !alnum {
        f |= F_PUNCT;
    }
    let lex = res.lex.get(&d.lower).copied().unwrap_or_default();
    if fs.lists {
        f |= lex.flags;
    }
    d.flags = f;
    if fs.clusters {
        d.cluster = lex.cluster;
        d.coarse = lex.coarse;
        d.cap = lex.cap;
    }
    d
}

impl Part {
    /// Tokenizes one part and computes the token-local data.
    pub(crate) fn new(text: &str, title: bool, res: &Resources, fs: FeatureSet) -> Part {
        Part::new_with(text, title, res, fs, |w| word_data(w, res, fs))
    }

    /// [`Part::new`] with the data of each word from `data_of`, which must
    /// return what [`word_data`] would (a cache of it, say); it is called
    /// once per token, in order.
    pub(crate) fn new_with(
        text: &str,
        title: bool,
        res: &Resources,
        fs: FeatureSet,
        mut data_of: impl FnMut(&str) -> TokData,
    ) -> Part {
        let mut tokens = Vec::new();
        tokenize_into(text, &mut tokens);
        let sents = sentences(text, &tokens);
        let mut data = Vec::with_capacity(tokens.len());
        let mut lower_hashes = Vec::with_capacity(tokens.len());
        let mut exact_hashes = Vec::with_capacity(tokens.len());
        for tok in &tokens {
            let mut d = data_of(tok.text(text));
            if title {
                d.flags |= F_TITLE_PART;
            }
            exact_hashes.push(d.word);
            lower_hashes.push(d.lower);
            data.push(d);
        }
        // Sentence-level flags.
        for (si, s) in sents.iter().enumerate() {
            let mut letter_toks = 0;
            let mut upper_toks = 0;
            let mut long_toks = 0;
            let mut cap_long = 0;
            for d in &data[s.clone()] {
                if d.flags & (F_UPPER | F_TITLECASE | F_LOWER) != 0 {
                    letter_toks += 1;
                    if d.flags & F_UPPER != 0 {
                        upper_toks += 1;
                    }
                }
            }
            for (tok, d) in tokens[s.clone()].iter().zip(&data[s.clone()]) {
                if tok.end - tok.start > 3 && d.flags & (F_UPPER | F_TITLECASE | F_LOWER) != 0 {
                    long_toks += 1;
                    if d.flags & (F_UPPER | F_TITLECASE) != 0 {
                        cap_long += 1;
                    }
                }
            }
            let capsline = letter_toks > 0
                && upper_toks * 10 >= letter_toks * 6
                && (letter_toks >= 2 || s.len() <= 4);
            let headcase = title && !capsline && long_toks >= 3 && cap_long * 10 >= long_toks * 7;
            let mut start = true;
            for k in s.clone() {
                if capsline {
                    data[k].flags |= F_CAPSLINE;
                }
                if headcase {
                    data[k].flags |= F_HEADCASE;
                }
                if start {
                    data[k].flags |= F_SENT_START;
                    let t = tokens[k].text(text);
                    // Stay "at the start" over opening quotes and brackets.
                    if data[k].flags & F_PUNCT == 0 || t == "-" {
                        start = false;
                    } else {
                        data[k].flags |= F_AFTER_QUOTE;
                    }
                } else if k > 0 && data[k - 1].flags & F_AFTER_QUOTE != 0 {
                    data[k].flags |= F_AFTER_QUOTE;
                }
            }
            // Dateline: the first body sentence, up to a date, `(Reuters)`
            // or a dash.
            if !title && si == 0 {
                let mut end = None;
                for k in s.clone().take(12) {
                    let t = tokens[k].text(text);
                    let l = t.to_lowercase();
                    if is_date_token(&l)
                        || crate::dates::month_number(&l).is_some()
                        || t == "("
                        || t == "-"
                        || t == "\u{2014}"
                        || t == "\u{2013}"
                    {
                        end = Some(k);
                        break;
                    }
                }
                if let Some(end) = end
                    && end > s.start
                    && data[s.start].flags & F_UPPER != 0
                {
                    for d in &mut data[s.start..end] {
                        d.flags |= F_DATELINE;
                    }
                }
            }
        }
        // Gazetteer matches.
        if fs.lists {
            for s in &sents {
                let mut k = s.start;
                while k < s.end {
                    let caps = data[k].flags & F_CAPSLINE != 0;
                    let first_cap = data[k].flags & (F_TITLECASE | F_UPPER) != 0;
                    let n = if !first_cap {
                        0
                    } else if caps {
                        res.places_lower.longest(&lower_hashes[..s.end], k)
                    } else {
                        res.places.longest(&exact_hashes[..s.end], k)
                    };
                    if n > 0 {
                        data[k].gaz_loc = 1;
                        for d in &mut data[k + 1..k + n] {
                            d.gaz_loc = 2;
                        }
                        k += n;
                    } else {
                        k += 1;
                    }
                }
                let mut k = s.start;
                while k < s.end {
                    let first_cap = data[k].flags & (F_TITLECASE | F_UPPER) != 0;
                    let n = if first_cap {
                        res.orgs_lower.longest(&lower_hashes[..s.end], k)
                    } else {
                        0
                    };
                    if n > 0 {
                        data[k].gaz_org = 1;
                        for d in &mut data[k + 1..k + n] {
                            d.gaz_org = 2;
                        }
                        k += n;
                    } else {
                        k += 1;
                    }
                }
            }
        }
        Part {
            tokens,
            sentences: sents,
            data,
        }
    }
}

/// Adds the document-level flags to the parts of one document.
pub(crate) fn document_flags(parts: &mut [Part]) {
    // lower hash -> (lowercase occurrences, capitalised non-initial ones)
    let mut counts: FxHashMap<u64, (u32, u32)> = FxHashMap::default();
    let noninitial = |d: &TokData| {
        d.flags & (F_TITLECASE | F_UPPER) != 0
            && d.flags & (F_SENT_START | F_AFTER_QUOTE | F_CAPSLINE | F_TITLE_PART) == 0
    };
    for p in parts.iter() {
        for d in &p.data {
            if d.flags & F_LOWER != 0 {
                counts.entry(d.lower).or_default().0 += 1;
            } else if noninitial(d) {
                counts.entry(d.lower).or_default().1 += 1;
            }
        }
    }
    for p in parts.iter_mut() {
        for d in &mut p.data {
            if d.flags & (F_TITLECASE | F_UPPER) == 0 {
                continue;
            }
            if let Some(&(l, c)) = counts.get(&d.lower) {
                if l > 0 {
                    d.flags |= F_DOC_LOWER;
                }
                let own = u32::from(noninitial(d));
                if c > own {
                    d.flags |= F_DOC_CAP;
                }
            }
        }
    }
}

// Feature templates.
const T_BIAS: u64 = 1;
const T_WORD: u64 = 2;
const T_LOWER: u64 = 3;
const T_SHAPE: u64 = 4;
const T_SSHAPE: u64 = 5;
const T_PRE: u64 = 6;
const T_SUF: u64 = 7;
const T_FLAG: u64 = 8;
const T_LOWER_AT: u64 = 9;
const T_SHAPE_AT: u64 = 10;
const T_BI_PREV: u64 = 11;
const T_BI_NEXT: u64 = 12;
const T_TRI_SHAPE: u64 = 13;
const T_BI_SHAPE_PREV: u64 = 14;
const T_BI_SHAPE_NEXT: u64 = 15;
const T_GAZ: u64 = 16;
const T_NB_FLAG: u64 = 17;
const T_CLUSTER: u64 = 18;
const T_CAP: u64 = 19;
const T_POS_SHAPE: u64 = 20;
const T_CAPS_LOWER: u64 = 21;
const T_DOC: u64 = 22;
const T_CLUSTER_AT: u64 = 23;
const T_HEAD_LOWER: u64 = 24;
const T_SUF_POS: u64 = 25;

const BOS: u64 = 0xb05;
const EOS: u64 = 0xe05;

/// Where [`token_features`] puts each feature hash, by what it depends on.
pub(crate) trait FeatureSink {
    /// The word's exact form: a feature only when `on` (outside all-caps
    /// lines).
    fn form(&mut self, h: u64, on: bool);
    /// A feature of the word alone (see [`word_data`]).
    fn word(&mut self, h: u64);
    /// A feature of the word in its context.
    fn context(&mut self, h: u64);
}

/// Every feature, in order.
impl FeatureSink for Vec<u64> {
    #[inline]
    fn form(&mut self, h: u64, on: bool) {
        if on {
            self.push(h);
        }
    }
    #[inline]
    fn word(&mut self, h: u64) {
        self.push(h);
    }
    #[inline]
    fn context(&mut self, h: u64) {
        self.push(h);
    }
}

/// The numbers of the bits set in `flags`, lowest first.
#[inline]
fn set_bits(mut flags: u32) -> impl Iterator<Item = u32> {
    flags &= (1 << N_FLAGS) - 1;
    std::iter::from_fn(move || {
        (flags != 0).then(|| {
            let b = flags.trailing_zeros();
            flags &= flags - 1;
            b
        })
    })
}

/// Puts the feature hashes of token `k` (within sentence `s`) into `out`.
#[inline]
pub(crate) fn token_features(part: &Part, s: &Range<usize>, k: usize, out: &mut impl FeatureSink) {
    let d = &part.data[k];
    let at = |off: isize| -> Option<&TokData> {
        let j = k as isize + off;
        if j < s.start as isize || j >= s.end as isize {
            None
        } else {
            Some(&part.data[j as usize])
        }
    };
    let f = |t: u64, v: u64| mix(mix(t.wrapping_mul(0x9e37), v), t);
    let caps = d.flags & F_CAPSLINE != 0;
    out.word(f(T_BIAS, 0));
    out.form(f(T_WORD, d.word), !caps);
    out.word(f(T_LOWER, d.lower));
    out.word(f(T_SHAPE, d.shape));
    out.word(f(T_SSHAPE, d.sshape));
    for k in 0..4 {
        out.word(f(T_PRE, d.pre[k]));
        out.word(f(T_SUF, d.suf[k]));
    }
    let pos = d.flags & (F_SENT_START | F_CAPSLINE | F_TITLE_PART | F_HEADCASE | F_DATELINE);
    out.context(f(T_SUF_POS, mix(d.suf[2], pos as u64)));
    for b in set_bits(d.flags) {
        if WORD_FLAGS & (1 << b) != 0 {
            out.word(f(T_FLAG, b as u64));
        } else {
            out.context(f(T_FLAG, b as u64));
        }
    }
    out.context(f(T_POS_SHAPE, mix(d.sshape, pos as u64)));
    if caps {
        out.context(f(T_CAPS_LOWER, d.lower));
    }
    if d.flags & F_HEADCASE != 0 {
        out.context(f(T_HEAD_LOWER, d.lower));
    }
    let (pl, ps) = at(-1).map_or((BOS, BOS), |p| (p.lower, p.sshape));
    let (nl, ns) = at(1).map_or((EOS, EOS), |n| (n.lower, n.sshape));
    for off in [-2isize, -1, 1, 2] {
        let (l, sh) = at(off).map_or(if off < 0 { (BOS, BOS) } else { (EOS, EOS) }, |p| {
            (p.lower, p.sshape)
        });
        out.context(f(T_LOWER_AT, mix(off as u64, l)));
        out.context(f(T_SHAPE_AT, mix(off as u64, sh)));
    }
    out.context(f(T_BI_PREV, mix(pl, d.lower)));
    out.context(f(T_BI_NEXT, mix(d.lower, nl)));
    out.context(f(T_TRI_SHAPE, mix(mix(ps, d.sshape), ns)));
    out.context(f(T_BI_SHAPE_PREV, mix(ps, d.sshape)));
    out.context(f(T_BI_SHAPE_NEXT, mix(d.sshape, ns)));
    // Word lists.
    let gaz = |g: &TokData| u64::from(g.gaz_loc) | (u64::from(g.gaz_org) << 4);
    let g0 = gaz(d);
    if g0 != 0 {
        out.context(f(T_GAZ, mix(0, g0)));
        out.context(f(T_GAZ, mix(1, mix(g0, d.sshape))));
    }
    if let Some(p) = at(-1)
        && gaz(p) != 0
    {
        out.context(f(T_GAZ, mix(2, gaz(p))));
    }
    if let Some(n) = at(1)
        && gaz(n) != 0
    {
        out.context(f(T_GAZ, mix(3, gaz(n))));
    }
    const NB: u32 = F_GIVEN
        | F_FAMILY_FIRST
        | F_TITLEWORD
        | F_ROLE
        | F_ORGWORD
        | F_COMPANY
        | F_DEMONYM
        | F_TITLECASE
        | F_UPPER;
    for off in [-2isize, -1, 1, 2] {
        if let Some(p) = at(off) {
            for b in set_bits(p.flags & NB) {
                out.context(f(T_NB_FLAG, mix(off as u64, b as u64)));
            }
        }
    }
    // Document-level evidence, conjoined with the position.
    if d.flags & (F_DOC_LOWER | F_DOC_CAP) != 0 {
        let v =
            (d.flags & (F_DOC_LOWER | F_DOC_CAP | F_SENT_START | F_CAPSLINE | F_TITLE_PART)) as u64;
        out.context(f(T_DOC, v));
    }
    // Clusters and corpus capitalisation.
    if d.cluster != 0 {
        out.word(f(T_CLUSTER, u64::from(d.cluster)));
        out.word(f(T_CLUSTER, 0x10000 | u64::from(d.coarse)));
        out.word(f(T_CLUSTER, mix(0x20000 | u64::from(d.cluster), d.sshape)));
    }
    for off in [-1isize, 1] {
        if let Some(p) = at(off)
            && p.cluster != 0
        {
            out.context(f(T_CLUSTER_AT, mix(off as u64, u64::from(p.cluster))));
        }
    }
    if d.cap != 0 {
        out.word(f(T_CAP, u64::from(d.cap)));
        out.context(f(T_CAP, mix(u64::from(d.cap), pos as u64 | 0x100)));
    }
}

/// Lowercase-word hash of a token text, as used for clusters and
/// capitalisation buckets.
pub fn lower_hash(word: &str) -> u64 {
    hash_str(&lowercase(word))
}

/// A word lowercased as the features see it: a curly apostrophe is a
/// straight one.
fn lowercase(word: &str) -> String {
    let mut lower = String::with_capacity(word.len());
    if word.is_ascii() {
        lower.push_str(word);
        lower.make_ascii_lowercase();
    } else {
        for c in word.chars() {
            if c == '\u{2019}' {
                lower.push('\'');
            } else {
                lower.extend(c.to_lowercase());
            }
        }
    }
    lower
}
