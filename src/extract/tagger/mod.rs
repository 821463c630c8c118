//! Statistical entity tagger: people, places, organisations and other
//! names (PER, LOC, ORG, MISC as in CoNLL-2003) in raw news text.
//!
//! * [`token`]: tokenizer and sentence splitter keeping byte offsets;
//! * [`features`]: hashed features from the raw text, word lists,
//!   document-level capitalisation and word clusters;
//! * [`model`]: averaged-perceptron weights (quantised to `i16`), BIO
//!   transitions, first-order Viterbi, binary format;
//! * `train` (feature `lab`): CoNLL reader, structured-perceptron training
//!   and the document-level scorer;
//! * `clusters` (feature `lab`): cheap word clusters learned from unlabeled
//!   text.
//!
//! The module is crate-private; with `--features lab` it is public for the
//! trainer:
//!
//! ```text
//! use newsdex::extract::tagger::Tagger;
//! let tagger = Tagger::from_bytes(&std::fs::read("models/tagger.bin.gz")?)?;
//! for span in tagger.tag("Putin to visit China", "Vladimir Putin said ...") {
//!     let _ = (span.part, span.start, span.end, span.kind);
//! }
//! ```

mod cache;
pub mod caps;
#[cfg(feature = "lab")]
pub mod clusters;
pub mod features;
pub mod model;
mod seq;
pub mod token;
#[cfg(feature = "lab")]
pub mod train;

#[cfg(test)]
mod tests;

use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

use features::{F_CAPSLINE, FeatureSet, Part, Resources, document_flags, row, token_features};
pub use model::ModelError;
use model::{ModelData, N_LABELS, Weights, is_inside, label_kind, viterbi};

/// Entity kinds, as in CoNLL-2003.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A person.
    Per = 0,
    /// A place.
    Loc = 1,
    /// An organisation.
    Org = 2,
    /// Other names: nationalities, events, products, ...
    Misc = 3,
}

impl Kind {
    /// All kinds, in label order.
    pub const ALL: [Kind; 4] = [Kind::Per, Kind::Loc, Kind::Org, Kind::Misc];

    #[cfg(feature = "lab")]
    /// The CoNLL name (`PER`, `LOC`, `ORG`, `MISC`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Per => "PER",
            Kind::Loc => "LOC",
            Kind::Org => "ORG",
            Kind::Misc => "MISC",
        }
    }

    #[cfg(feature = "lab")]
    /// The kind for a CoNLL name.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// Which part of an article a span lies in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    /// The title.
    #[default]
    Title,
    /// The body.
    Body,
}

impl Section {
    /// Both sections, title first.
    pub const BOTH: [Section; 2] = [Section::Title, Section::Body];

    /// This section's text out of an article's title and body.
    pub fn of<'a>(self, title: &'a str, body: &'a str) -> &'a str {
        match self {
            Section::Title => title,
            Section::Body => body,
        }
    }

    /// 0 for the title, 1 for the body.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// One tagged entity mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    /// The title or the body.
    pub part: Section,
    /// Byte offset of the mention's start in its part.
    pub start: usize,
    /// Byte offset one past the mention's end in its part.
    pub end: usize,
    /// What the mention names.
    pub kind: Kind,
}

/// The trained tagger: weights plus the word lists it was trained with.
#[derive(Debug, Clone)]
pub struct Tagger {
    /// Tells this tagger's words apart in the per-thread word caches.
    id: u64,
    version: String,
    features: FeatureSet,
    weights: Weights,
    resources: Resources,
}

/// Features of one sentence: per token, a slice of weight-table rows.
#[derive(Debug, Clone, Default)]
pub struct SentenceFeatures {
    /// The title or the body.
    pub part: Section,
    /// Token index range in the part.
    pub tokens: Range<usize>,
    /// `rows[offsets[i]..offsets[i + 1]]` are the rows of token `i`.
    pub offsets: Vec<u32>,
    /// Feature rows.
    pub rows: Vec<u32>,
}

/// Tokenizes a document and computes every sentence's feature rows.
pub fn featurize(
    title: &str,
    body: &str,
    res: &Resources,
    fs: FeatureSet,
    bits: u32,
) -> ([Part; 2], Vec<SentenceFeatures>) {
    let mut parts = [
        Part::new(title, true, res, fs),
        Part::new(body, false, res, fs),
    ];
    if fs.doc {
        document_flags(&mut parts);
    }
    let mut out = Vec::new();
    let mut hashes = Vec::with_capacity(96);
    for (section, part) in Section::BOTH.into_iter().zip(&parts) {
        for s in &part.sentences {
            let mut sf = SentenceFeatures {
                part: section,
                tokens: s.clone(),
                offsets: Vec::with_capacity(s.len() + 1),
                rows: Vec::with_capacity(s.len() * 64),
            };
            sf.offsets.push(0);
            for k in s.clone() {
                hashes.clear();
                token_features(part, s, k, &mut hashes);
                sf.rows.extend(hashes.iter().map(|&h| row(h, bits)));
                sf.offsets.push(sf.rows.len() as u32);
            }
            out.push(sf);
        }
    }
    (parts, out)
}

/// Turns BIO labels over `tokens` into spans (a stray `I-` starts a span).
pub fn labels_to_spans(part: Section, tokens: &[token::Token], labels: &[u8], out: &mut Vec<Span>) {
    let mut open: Option<(usize, usize, Kind)> = None;
    for (t, &l) in tokens.iter().zip(labels) {
        let kind = label_kind(l);
        match (open, kind) {
            (Some((s, _, k)), Some(kind)) if is_inside(l) && k == kind => {
                open = Some((s, t.end, k));
            }
            _ => {
                if let Some((s, e, k)) = open.take() {
                    out.push(Span {
                        part,
                        start: s,
                        end: e,
                        kind: k,
                    });
                }
                if let Some(kind) = kind {
                    open = Some((t.start, t.end, kind));
                }
            }
        }
    }
    if let Some((s, e, k)) = open {
        out.push(Span {
            part,
            start: s,
            end: e,
            kind: k,
        });
    }
}

/// Tags a document with explicit weights and resources (see
/// [`Tagger::tag`]).
pub fn tag_with(
    weights: &Weights,
    res: &Resources,
    fs: FeatureSet,
    title: &str,
    body: &str,
) -> Vec<Span> {
    let mut spans = model_spans_with(weights, res, fs, title, body);
    document_rules(res, title, body, &mut spans);
    spans
}

/// The model's spans, before [`document_rules`].
fn model_spans_with(
    weights: &Weights,
    res: &Resources,
    fs: FeatureSet,
    title: &str,
    body: &str,
) -> Vec<Span> {
    let (parts, sents) = featurize(title, body, res, fs, weights.bits);
    let mut spans = Vec::new();
    let mut emit: Vec<[f32; N_LABELS]> = Vec::new();
    for s in &sents {
        let labels = decode_with(weights, s, &mut emit);
        let part = &parts[s.part.index()];
        labels_to_spans(s.part, &part.tokens[s.tokens.clone()], &labels, &mut spans);
    }
    spans
}

/// The rules that read the whole document after decoding, in order:
/// [`harmonise`], [`org_fixes`], [`suffix_fixes`].
pub fn document_rules(res: &Resources, title: &str, body: &str, spans: &mut [Span]) {
    harmonise(Some(res), title, body, spans);
    org_fixes(res, title, body, spans);
    suffix_fixes(res, title, body, spans);
}

/// Nouns that, right after a name, mark it as an organisation
/// (`Izvestia newspaper`).
const ORG_NOUNS: &[&str] = &[
    "newspaper",
    "daily",
    "agency",
    "company",
    "firm",
    "group",
    "bank",
    "television",
    "broadcaster",
    "channel",
    "website",
    "magazine",
    "tabloid",
    "network",
    "party",
    "corp",
];

/// Organisations the model took for places: known organisations
/// (`Kremlin`, `NATO`) and a name that is not a known place followed by an
/// organisation noun (`Izvestia newspaper`).
pub fn org_fixes(res: &Resources, title: &str, body: &str, spans: &mut [Span]) {
    for s in spans.iter_mut().filter(|s| s.kind == Kind::Loc) {
        let text = s.part.of(title, body);
        let lower = text[s.start..s.end].to_lowercase();
        if res.known_orgs.contains(lower.as_str()) {
            s.kind = Kind::Org;
            continue;
        }
        if res.place_names.contains(lower.as_str()) {
            continue;
        }
        let next: String = text[s.end..]
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        if ORG_NOUNS.contains(&next.as_str()) {
            s.kind = Kind::Org;
        }
    }
}

/// Name suffixes that only a person's name ends in.
const PERSON_SUFFIXES: [&str; 4] = ["Jr.", "Jr", "Sr.", "Sr"];

/// Regnal and generational numbers, which also end event and product
/// names (`World War II`).
const NAME_NUMBERS: [&str; 3] = ["II", "III", "IV"];

/// A name of two words or more that ends in a person's suffix (`Donald
/// Trump Jr.`, `Trump Jr.`), or in a generational number after a given
/// name (`Elizabeth II`, `John Paul II`, not `World War II`), is a person,
/// whatever the model said: it takes `Jr.` for a company ending.
pub fn suffix_fixes(res: &Resources, title: &str, body: &str, spans: &mut [Span]) {
    for s in spans.iter_mut().filter(|s| s.kind != Kind::Per) {
        let text = &s.part.of(title, body)[s.start..s.end];
        let words: Vec<&str> = text.split_whitespace().collect();
        let [first, .., last] = words[..] else {
            continue;
        };
        let name_like = |w: &str| w.starts_with(|c: char| c.is_uppercase());
        if !words.iter().all(|w| name_like(w)) {
            continue;
        }
        if PERSON_SUFFIXES.contains(&last) || (NAME_NUMBERS.contains(&last) && res.is_given(first))
        {
            s.kind = Kind::Per;
        }
    }
}

/// Document-level consistency: a name tagged differently in different
/// places takes the kind of its most frequent tag, and a one-word mention
/// that repeats a word of a multi-word person name elsewhere in the
/// document (`Sanders` after `Bernie Sanders`) is that person.
///
/// A name tagged as a person somewhere is a person where it was tagged as
/// another name (MISC), however often: the model takes a surname it has
/// not learned for MISC where it modifies a noun or starts a headline
/// (`Trump administration`, `Trump to make ...`), which CoNLL tags as the
/// person, while MISC's own names (nationalities, events, works) are
/// rarely mistaken for a person, except a nationality word that a
/// sentence start took for a name (`Zairean`), which `res` knows.
/// Organisations and places keep the vote.
pub fn harmonise(res: Option<&Resources>, title: &str, body: &str, spans: &mut [Span]) {
    if spans.len() < 2 {
        return;
    }
    let text = |s: &Span| &s.part.of(title, body)[s.start..s.end];
    let mut votes: rustc_hash::FxHashMap<&str, [u32; 4]> = rustc_hash::FxHashMap::default();
    let mut person_words: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
    for s in spans.iter() {
        let t = text(s);
        votes.entry(t).or_default()[s.kind as usize] += 1;
        if s.kind == Kind::Per && t.contains(' ') {
            person_words.extend(t.split(' ').filter(|w| w.len() > 2));
        }
    }
    for s in spans.iter_mut() {
        let t = text(s);
        if s.kind != Kind::Per && !t.contains(' ') && person_words.contains(t) {
            s.kind = Kind::Per;
            continue;
        }
        let mut v = votes[t];
        if v[Kind::Per as usize] > 0 && !res.is_some_and(|r| r.is_demonym(t)) {
            v[Kind::Misc as usize] = 0;
        }
        let best = (0..4)
            .max_by_key(|&k| (v[k], k == s.kind as usize))
            .unwrap_or(0);
        if v[best] > v[s.kind as usize] {
            s.kind = Kind::ALL[best];
        }
    }
}

/// Best labels for one sentence (`emit` is scratch space).
pub fn decode_with(
    weights: &Weights,
    s: &SentenceFeatures,
    emit: &mut Vec<[f32; N_LABELS]>,
) -> Vec<u8> {
    emit.clear();
    let token_rows = |k: usize| &s.rows[s.offsets[k] as usize..s.offsets[k + 1] as usize];
    let tokens = s.offsets.len().saturating_sub(1);
    // The rows of a token are fetched while the two before it are summed.
    for k in 0..tokens.min(2) {
        weights.prefetch(token_rows(k));
    }
    for k in 0..tokens {
        if k + 2 < tokens {
            weights.prefetch(token_rows(k + 2));
        }
        let mut e = [0f32; N_LABELS];
        weights.emit(token_rows(k), &mut e);
        emit.push(e);
    }
    viterbi(emit, &weights.trans)
}

impl Tagger {
    /// Loads a model written by the trainer (gzip-compressed or raw bytes).
    pub fn from_bytes(model: &[u8]) -> Result<Tagger, ModelError> {
        // Decoding the weights and building the word lists do not depend on
        // each other: on two cores the start of every command that tags
        // takes half as long.
        let (data, resources) = rayon::join(|| ModelData::from_bytes(model), Resources::new);
        Ok(Tagger::from_parts(data?, resources))
    }

    /// Builds a tagger from decoded model data.
    #[cfg(test)]
    pub fn from_data(data: ModelData) -> Tagger {
        Tagger::from_parts(data, Resources::new())
    }

    fn from_parts(data: ModelData, mut resources: Resources) -> Tagger {
        static NEXT_ID: AtomicU64 = AtomicU64::new(1);
        resources.set_clusters(&data.clusters, &data.coarse, &data.caps);
        Tagger {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            version: data.version,
            features: FeatureSet::from_byte(data.features),
            weights: data.weights,
            resources,
        }
    }

    /// The model's version string.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Tags a document: entity spans in the title (part 0) and the body
    /// (part 1), in text order.
    pub fn tag(&self, title: &str, body: &str) -> Vec<Span> {
        let mut spans = Vec::new();
        let cached = cache::with_cache(self.id, |cache| {
            self.decode_cached(cache, title, body, |section, part, s, emit| {
                let labels = viterbi(emit, &self.weights.trans);
                labels_to_spans(section, &part.tokens[s.clone()], &labels, &mut spans);
            });
        });
        if cached.is_none() {
            return tag_with(&self.weights, &self.resources, self.features, title, body);
        }
        document_rules(&self.resources, title, body, &mut spans);
        spans
    }

    /// The model's spans before the [`document_rules`], for inspecting
    /// them.
    #[cfg(feature = "lab")]
    pub fn model_spans(&self, title: &str, body: &str) -> Vec<Span> {
        model_spans_with(&self.weights, &self.resources, self.features, title, body)
    }

    /// Tokenizes and featurizes a document as [`featurize`] does, with the
    /// word-alone part of each token from `cache`, and hands `decode` each
    /// sentence's emission scores, in order.
    fn decode_cached(
        &self,
        cache: &mut cache::WordCache,
        title: &str,
        body: &str,
        mut decode: impl FnMut(Section, &Part, &Range<usize>, &[[f32; N_LABELS]]),
    ) {
        let (res, fs, weights) = (&self.resources, self.features, &self.weights);
        let mut slots: [Vec<u32>; 2] = Default::default();
        let mut parts = [(title, true), (body, false)].map(|(text, is_title)| {
            let slots = &mut slots[usize::from(!is_title)];
            Part::new_with(text, is_title, res, fs, |w| {
                let (slot, data) = cache.word(w, res, fs);
                slots.push(slot);
                data
            })
        });
        if fs.doc {
            document_flags(&mut parts);
        }
        let mut hashes = Vec::with_capacity(64);
        let mut rows: Vec<u32> = Vec::new();
        let mut offsets: Vec<u32> = Vec::new();
        let mut sums: Vec<[i32; N_LABELS]> = Vec::new();
        let mut emit: Vec<[f32; N_LABELS]> = Vec::new();
        for (section, part) in Section::BOTH.into_iter().zip(&parts) {
            let slots = &slots[section.index()];
            for s in &part.sentences {
                rows.clear();
                offsets.clear();
                sums.clear();
                offsets.push(0);
                for k in s.clone() {
                    hashes.clear();
                    token_features(part, s, k, &mut cache::ContextFeatures(&mut hashes));
                    rows.extend(hashes.iter().map(|&h| row(h, weights.bits)));
                    offsets.push(rows.len() as u32);
                    let caps = part.data[k].flags & F_CAPSLINE != 0;
                    sums.push(cache.sum(slots[k], part, s, k, weights, caps));
                }
                let token_rows = |i: usize| &rows[offsets[i] as usize..offsets[i + 1] as usize];
                let n = sums.len();
                emit.clear();
                // The rows of a token are fetched while the two before it
                // are summed.
                for i in 0..n.min(2) {
                    weights.prefetch(token_rows(i));
                }
                for (i, &sum) in sums.iter().enumerate() {
                    if i + 2 < n {
                        weights.prefetch(token_rows(i + 2));
                    }
                    let mut e = [0f32; N_LABELS];
                    weights.emit_onto(sum, token_rows(i), &mut e);
                    emit.push(e);
                }
                decode(section, part, s, &emit);
            }
        }
    }

    #[cfg(feature = "lab")]
    /// The word lists and statistics used by the features.
    pub fn resources(&self) -> &Resources {
        &self.resources
    }
}

#[cfg(test)]
mod span_tests {
    use super::*;

    #[test]
    fn bio_to_spans() {
        let toks: Vec<token::Token> = (0..6)
            .map(|i| token::Token {
                start: i * 2,
                end: i * 2 + 1,
                breaks: 0,
            })
            .collect();
        let per_b = model::label(Kind::Per, false);
        let per_i = model::label(Kind::Per, true);
        let loc_i = model::label(Kind::Loc, true);
        let loc_b = model::label(Kind::Loc, false);
        let mut out = Vec::new();
        labels_to_spans(
            Section::Body,
            &toks,
            &[per_b, per_i, 0, loc_i, loc_b, loc_i],
            &mut out,
        );
        assert_eq!(
            out,
            vec![
                Span {
                    part: Section::Body,
                    start: 0,
                    end: 3,
                    kind: Kind::Per
                },
                Span {
                    part: Section::Body,
                    start: 6,
                    end: 7,
                    kind: Kind::Loc
                },
                Span {
                    part: Section::Body,
                    start: 8,
                    end: 11,
                    kind: Kind::Loc
                },
            ]
        );
    }
}
