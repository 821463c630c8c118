//! The one tuning/checking split of every development set (feature `lab`).
//!
//! Project rule: each development set is split once, by a fixed hash of the
//! item id, into a *tuning* part and a *checking* part. Rules are chosen by
//! looking at the tuning part only; the figures the README reports are the
//! checking part's. The split must never change, so the hash is written
//! here rather than taken from `std` (whose hasher may change between Rust
//! releases and is seeded at random for `HashMap`):
//!
//! - the key is `"<dataset>/<id>"`, e.g. `"web-extraction/dragnet/dragnet-100"`
//!   or `"dates/kinra.de.html"`: the dataset's folder under the shared data
//!   directory and the item's id as the set's gold file names it;
//! - the hash is 64-bit FNV-1a over the key's UTF-8 bytes (offset basis
//!   [`FNV_OFFSET`] `0xcbf29ce484222325`, prime [`FNV_PRIME`]
//!   `0x100000001b3`), then MurmurHash3's 64-bit finalizer ([`fmix64`]:
//!   shifts by 33, multipliers [`FMIX_1`] `0xff51afd7ed558ccd` and
//!   [`FMIX_2`] `0xc4ceb9fe1a85ec53`);
//! - the *top* bit of that picks the part: 0 is [`Part::Tuning`], 1 is
//!   [`Part::Checking`].
//!
//! Why the finalizer: FNV-1a alone splits badly. Its lowest bit is only the
//! parity of the bytes' lowest bits (the prime is odd), and its top bit
//! hardly depends on the last bytes, where ids like `cleaneval-dev-10` differ
//! (72 of cleaneval's 513 pages fell in the tuning part). After the
//! finalizer every output bit depends on every input bit.
//!
//! About half of a set falls in each part; the unit tests pin known values.

/// The FNV-1a 64-bit offset basis.
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
/// The FNV-1a 64-bit prime.
pub const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Which part of a development set an item is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    /// Rules may be chosen by looking at these items.
    Tuning,
    /// Only measured; the reported figures.
    Checking,
}

impl Part {
    /// Both parts, tuning first.
    pub const ALL: [Part; 2] = [Part::Tuning, Part::Checking];

    /// `"tuning"` or `"checking"`.
    pub fn name(self) -> &'static str {
        match self {
            Part::Tuning => "tuning",
            Part::Checking => "checking",
        }
    }
}

impl std::fmt::Display for Part {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// MurmurHash3's first finalizer multiplier.
pub const FMIX_1: u64 = 0xff51_afd7_ed55_8ccd;
/// MurmurHash3's second finalizer multiplier.
pub const FMIX_2: u64 = 0xc4ce_b9fe_1a85_ec53;

/// MurmurHash3's 64-bit finalizer (`fmix64`): mixes every bit into every
/// other.
pub fn fmix64(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(FMIX_1);
    h ^= h >> 33;
    h = h.wrapping_mul(FMIX_2);
    h ^= h >> 33;
    h
}

/// FNV-1a 64 of `bytes`.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
    })
}

/// The split hash of an item: [`fmix64`] of FNV-1a 64 of `"<dataset>/<id>"`.
pub fn hash(dataset: &str, id: &str) -> u64 {
    let mut key = Vec::with_capacity(dataset.len() + 1 + id.len());
    key.extend_from_slice(dataset.as_bytes());
    key.push(b'/');
    key.extend_from_slice(id.as_bytes());
    fmix64(fnv1a64(&key))
}

/// The part of `dataset` that item `id` is in.
pub fn part(dataset: &str, id: &str) -> Part {
    if hash(dataset, id) >> 63 == 0 {
        Part::Tuning
    } else {
        Part::Checking
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a64_matches_the_reference_values() {
        // From the FNV reference test vectors.
        assert_eq!(fnv1a64(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a64(b"a"), 0xaf63dc4c8601ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x85944171f73967e8);
        assert_eq!(fmix64(0), 0);
        assert_eq!(fmix64(1), 0xb456bcfc34c2cb2c);
        assert_eq!(hash("foo", "bar"), fmix64(fnv1a64(b"foo/bar")));
    }

    #[test]
    fn parts_are_deterministic() {
        for i in 0..100 {
            let id = format!("item-{i}");
            assert_eq!(part("set", &id), part("set", &id));
        }
    }

    #[test]
    fn known_items_keep_their_part() {
        // Pinned: changing the split would silently mix tuning and checking.
        let pinned = [
            ("dates", "page-0.html", 0x3e2745352fd0e10b, Part::Tuning),
            ("dates", "kinra.de.html", 0x9ce6bd03c8f78a47, Part::Checking),
            (
                "web-extraction/cleaneval",
                "cleaneval-dev-10",
                0x71443507d2d6719d,
                Part::Tuning,
            ),
            (
                "web-extraction/dragnet",
                "dragnet-100",
                0xd64f477e40ec115b,
                Part::Checking,
            ),
            (
                "article-extraction",
                "x",
                0xee789cdd21589fa1,
                Part::Checking,
            ),
        ];
        for (set, id, h, want) in pinned {
            assert_eq!(hash(set, id), h, "{set}/{id}");
            assert_eq!(part(set, id), want, "{set}/{id}");
        }
    }

    #[test]
    fn parts_are_about_half() {
        let n = 10_000;
        for set in ["dates", "web-extraction/dragnet", "article-extraction"] {
            let tuning = (0..n)
                .filter(|i| part(set, &format!("page-{i}.html")) == Part::Tuning)
                .count();
            assert!((4_800..=5_200).contains(&tuning), "{set}: {tuning} of {n}");
        }
        // Short sequential ids too.
        let tuning = (0..1_000)
            .filter(|i| {
                part("web-extraction/cleaneval", &format!("cleaneval-dev-{i}")) == Part::Tuning
            })
            .count();
        assert!((450..=550).contains(&tuning), "{tuning} of 1000");
    }
}
