//! Training and evaluation: the CoNLL-2003 reader, the averaged structured
//! perceptron and the document-level scorer used for acceptance.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::features::{FeatureSet, Resources};
use super::model::{N_LABELS, O, Weights, allowed, label, viterbi};
use super::{Kind, Section, SentenceFeatures, Span, featurize};
pub use crate::extract::eval::{Score, normalise};

/// The data folder: `$NEWSDEX_DATA`, else `../shared/data` next to the crate.
pub fn data_dir() -> PathBuf {
    crate::data::shared_data()
}

/// One CoNLL document rebuilt as raw text: tokens joined by spaces,
/// sentences by newlines, the first sentence as the title.
#[derive(Clone, Debug, Default)]
pub struct ConllDoc {
    /// The first sentence.
    pub title: String,
    /// The other sentences, one per line.
    pub body: String,
    /// Gold mentions (byte offsets into title or body).
    pub gold: Vec<Span>,
}

/// Reads a CoNLL-2003 file (IOB1 or IOB2; the last column is the tag).
pub fn read_conll(path: &Path) -> std::io::Result<Vec<ConllDoc>> {
    let text = std::fs::read_to_string(path)?;
    let mut docs = Vec::new();
    // Sentences of the current document: (token, tag) pairs.
    let mut sents: Vec<Vec<(String, String)>> = Vec::new();
    let mut sent: Vec<(String, String)> = Vec::new();
    let flush = |sents: &mut Vec<Vec<(String, String)>>, docs: &mut Vec<ConllDoc>| {
        if sents.is_empty() {
            return;
        }
        let mut doc = ConllDoc::default();
        for (si, s) in sents.drain(..).enumerate() {
            let (part, out) = if si == 0 {
                (Section::Title, &mut doc.title)
            } else {
                if !doc.body.is_empty() {
                    doc.body.push('\n');
                }
                (Section::Body, &mut doc.body)
            };
            let mut open: Option<Span> = None;
            for (ti, (tok, tag)) in s.iter().enumerate() {
                if ti > 0 {
                    out.push(' ');
                }
                let start = out.len();
                out.push_str(tok);
                let (prefix, kind) = tag.split_once('-').unwrap_or(("O", ""));
                let kind = Kind::from_name(kind);
                let continues = prefix == "I" && open.is_some_and(|o| Some(o.kind) == kind);
                if continues {
                    if let Some(o) = open.as_mut() {
                        o.end = out.len();
                    }
                } else {
                    if let Some(o) = open.take() {
                        doc.gold.push(o);
                    }
                    if let Some(kind) = kind {
                        open = Some(Span {
                            part,
                            start,
                            end: out.len(),
                            kind,
                        });
                    }
                }
            }
            if let Some(o) = open.take() {
                doc.gold.push(o);
            }
        }
        docs.push(doc);
    };
    for line in text.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() {
            if !sent.is_empty() {
                sents.push(std::mem::take(&mut sent));
            }
            continue;
        }
        if cols[0] == "-DOCSTART-" {
            if !sent.is_empty() {
                sents.push(std::mem::take(&mut sent));
            }
            flush(&mut sents, &mut docs);
            continue;
        }
        sent.push((cols[0].to_string(), cols[cols.len() - 1].to_string()));
    }
    if !sent.is_empty() {
        sents.push(sent);
    }
    flush(&mut sents, &mut docs);
    Ok(docs)
}

/// The distinct normalised mention strings of one kind in a document.
pub fn mention_set(title: &str, body: &str, spans: &[Span], kind: Kind) -> BTreeSet<String> {
    spans
        .iter()
        .filter(|s| s.kind == kind)
        .map(|s| {
            let text = s.part.of(title, body);
            normalise(&text[s.start..s.end])
        })
        .collect()
}

/// Document-level scores per kind (index = `Kind as usize`).
pub type Scores = [Score; 4];

/// Scores predicted spans of one document against its gold spans.
pub fn score_doc(doc: &ConllDoc, got: &[Span], scores: &mut Scores) {
    for kind in Kind::ALL {
        let g = mention_set(&doc.title, &doc.body, got, kind);
        let w = mention_set(&doc.title, &doc.body, &doc.gold, kind);
        scores[kind as usize].add(&g, &w);
    }
}

/// Training settings.
#[derive(Clone, Copy, Debug)]
pub struct TrainOptions {
    /// log2 of the weight-table rows.
    pub bits: u32,
    /// Passes over the training data.
    pub epochs: usize,
    /// Shuffling seed.
    pub seed: u64,
    /// Feature groups.
    pub features: FeatureSet,
    /// Also train on a title-cased copy of every all-caps headline.
    pub augment_titles: bool,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            bits: 20,
            epochs: 10,
            seed: 20240501,
            features: FeatureSet::default(),
            augment_titles: true,
        }
    }
}

/// What happened in one epoch.
#[derive(Clone, Debug)]
pub struct EpochReport {
    /// 1-based epoch number.
    pub epoch: usize,
    /// Training sentences with at least one wrong label.
    pub mistakes: usize,
    /// Development scores with the averaged weights.
    pub dev: Scores,
    /// Seconds since training started.
    pub seconds: f64,
}

/// A training sentence: features and gold labels.
struct Example {
    feats: SentenceFeatures,
    gold: Vec<u8>,
}

/// Gold BIO labels for the tokens of one part.
fn project(tokens: &[super::token::Token], gold: &[Span], part: Section) -> Vec<u8> {
    let mut spans: Vec<&Span> = gold.iter().filter(|s| s.part == part).collect();
    spans.sort_by_key(|s| s.start);
    let mut labels = vec![O; tokens.len()];
    let mut j = 0;
    for (t, l) in tokens.iter().zip(labels.iter_mut()) {
        while j < spans.len() && spans[j].end <= t.start {
            j += 1;
        }
        if let Some(s) = spans.get(j)
            && s.start <= t.start
            && t.start < s.end
        {
            *l = label(s.kind, t.start != s.start);
        }
    }
    labels
}

fn examples(docs: &[ConllDoc], res: &Resources, opts: &TrainOptions, train: bool) -> Vec<Example> {
    let mut out = Vec::new();
    for doc in docs {
        let (parts, sents) = featurize(&doc.title, &doc.body, res, opts.features, opts.bits);
        let labels = [
            project(&parts[0].tokens, &doc.gold, Section::Title),
            project(&parts[1].tokens, &doc.gold, Section::Body),
        ];
        for s in sents {
            let gold = labels[s.part.index()][s.tokens.clone()].to_vec();
            out.push(Example { feats: s, gold });
        }
        if train
            && opts.augment_titles
            && doc.title.is_ascii()
            && doc.title.chars().any(|c| c.is_ascii_uppercase())
            && !doc.title.chars().any(|c| c.is_ascii_lowercase())
        {
            let title = super::caps::title_case(&doc.title);
            let (parts, sents) = featurize(&title, &doc.body, res, opts.features, opts.bits);
            let labels = project(&parts[0].tokens, &doc.gold, Section::Title);
            for s in sents.into_iter().filter(|s| s.part == Section::Title) {
                let gold = labels[s.tokens.clone()].to_vec();
                out.push(Example { feats: s, gold });
            }
        }
    }
    out
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// Averaged-perceptron state: weights `w`, and `u` = sum of `c * update`
/// so that the average is `w - u / c`.
struct Perceptron {
    w: Vec<f32>,
    u: Vec<f32>,
    tw: Vec<f32>,
    tu: Vec<f32>,
    c: f32,
}

impl Perceptron {
    fn update(&mut self, rows: &[u32], l: usize, delta: f32) {
        let cd = self.c * delta;
        for &r in rows {
            let i = r as usize * N_LABELS + l;
            self.w[i] += delta;
            self.u[i] += cd;
        }
    }

    fn update_trans(&mut self, prev: Option<u8>, cur: u8, delta: f32) {
        let i = prev.map_or(N_LABELS, usize::from) * N_LABELS + usize::from(cur);
        self.tw[i] += delta;
        self.tu[i] += self.c * delta;
    }

    fn averaged(&self, bits: u32) -> Weights {
        let avg: Vec<f32> = self
            .w
            .iter()
            .zip(&self.u)
            .map(|(w, u)| w - u / self.c)
            .collect();
        let trans = self
            .tw
            .iter()
            .zip(&self.tu)
            .map(|(w, u)| w - u / self.c)
            .collect();
        Weights::quantise(bits, &avg, trans)
    }

    fn current(&self, bits: u32) -> CurrentWeights<'_> {
        CurrentWeights {
            w: &self.w,
            trans: &self.tw,
            bits,
        }
    }
}

struct CurrentWeights<'a> {
    w: &'a [f32],
    trans: &'a [f32],
    #[allow(dead_code)]
    bits: u32,
}

impl CurrentWeights<'_> {
    fn decode(&self, s: &SentenceFeatures, emit: &mut Vec<[f32; N_LABELS]>) -> Vec<u8> {
        emit.clear();
        for win in s.offsets.windows(2) {
            let mut e = [0f32; N_LABELS];
            for &r in &s.rows[win[0] as usize..win[1] as usize] {
                let base = r as usize * N_LABELS;
                for (l, v) in e.iter_mut().enumerate() {
                    *v += self.w[base + l];
                }
            }
            emit.push(e);
        }
        viterbi(emit, self.trans)
    }
}

/// Scores dev documents with given weights (features computed once).
pub struct DevSet<'a> {
    docs: &'a [ConllDoc],
    feats: Vec<(Vec<SentenceFeatures>, [Vec<super::token::Token>; 2])>,
    /// Apply [`super::harmonise`] before scoring (on by default).
    pub harmonise: bool,
    /// Apply [`super::org_fixes`] with these resources.
    pub res: Option<&'a Resources>,
}

impl<'a> DevSet<'a> {
    /// Featurizes the documents.
    pub fn new(docs: &'a [ConllDoc], res: &'a Resources, fs: FeatureSet, bits: u32) -> DevSet<'a> {
        let feats = docs
            .iter()
            .map(|d| {
                let (parts, sents) = featurize(&d.title, &d.body, res, fs, bits);
                let [a, b] = parts;
                (sents, [a.tokens, b.tokens])
            })
            .collect();
        DevSet {
            docs,
            feats,
            harmonise: true,
            res: Some(res),
        }
    }

    /// Tags every document and scores it.
    pub fn score(&self, weights: &Weights) -> Scores {
        let mut scores = Scores::default();
        let mut emit = Vec::new();
        for (doc, (sents, tokens)) in self.docs.iter().zip(&self.feats) {
            let mut spans = Vec::new();
            for s in sents {
                let labels = super::decode_with(weights, s, &mut emit);
                super::labels_to_spans(
                    s.part,
                    &tokens[s.part.index()][s.tokens.clone()],
                    &labels,
                    &mut spans,
                );
            }
            if self.harmonise {
                super::harmonise(self.res, &doc.title, &doc.body, &mut spans);
            }
            if let Some(res) = self.res {
                super::org_fixes(res, &doc.title, &doc.body, &mut spans);
                super::suffix_fixes(res, &doc.title, &doc.body, &mut spans);
            }
            score_doc(doc, &spans, &mut scores);
        }
        scores
    }
}

/// The selection criterion: mean of the person and place F1.
pub fn objective(s: &Scores) -> f64 {
    (s[Kind::Per as usize].prf().2 + s[Kind::Loc as usize].prf().2) / 2.0
}

/// Trains with the structured averaged perceptron and returns the weights
/// of the epoch with the best development score.
pub fn train(
    train_docs: &[ConllDoc],
    dev_docs: &[ConllDoc],
    res: &Resources,
    opts: &TrainOptions,
    mut report: impl FnMut(&EpochReport),
) -> (Weights, usize) {
    let started = Instant::now();
    let data = examples(train_docs, res, opts, true);
    let mut dev = DevSet::new(dev_docs, res, opts.features, opts.bits);
    dev.harmonise = std::env::var_os("NEWSDEX_NO_HARMONISE").is_none();
    let size = (1usize << opts.bits) * N_LABELS;
    let mut p = Perceptron {
        w: vec![0.0; size],
        u: vec![0.0; size],
        tw: vec![0.0; (N_LABELS + 1) * N_LABELS],
        tu: vec![0.0; (N_LABELS + 1) * N_LABELS],
        c: 1.0,
    };
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Rng(opts.seed | 1);
    let mut best: Option<(f64, Weights, usize)> = None;
    let mut emit = Vec::new();
    for epoch in 1..=opts.epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut mistakes = 0;
        for &i in &order {
            let ex = &data[i];
            let pred = p.current(opts.bits).decode(&ex.feats, &mut emit);
            if pred != ex.gold {
                mistakes += 1;
                for t in 0..pred.len() {
                    let (g, y) = (ex.gold[t], pred[t]);
                    let gp = if t == 0 { None } else { Some(ex.gold[t - 1]) };
                    let yp = if t == 0 { None } else { Some(pred[t - 1]) };
                    if g != y {
                        let a = ex.feats.offsets[t] as usize;
                        let b = ex.feats.offsets[t + 1] as usize;
                        let rows = &ex.feats.rows[a..b];
                        p.update(rows, usize::from(g), 1.0);
                        p.update(rows, usize::from(y), -1.0);
                    }
                    if g != y || gp != yp {
                        debug_assert!(allowed(gp, g));
                        p.update_trans(gp, g, 1.0);
                        p.update_trans(yp, y, -1.0);
                    }
                }
            }
            p.c += 1.0;
        }
        let weights = p.averaged(opts.bits);
        let scores = dev.score(&weights);
        let obj = objective(&scores);
        report(&EpochReport {
            epoch,
            mistakes,
            dev: scores,
            seconds: started.elapsed().as_secs_f64(),
        });
        if best.as_ref().is_none_or(|(b, _, _)| obj > *b) {
            best = Some((obj, weights, epoch));
        }
    }
    let (_, w, e) = best.expect("at least one epoch");
    (w, e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tagger::caps::title_case;
    use crate::extract::tagger::token::tokenize;

    #[test]
    fn projection_and_title_case() {
        let text = "Ann Lee visited New York .";
        let gold = vec![
            Span {
                part: Section::Body,
                start: 0,
                end: 7,
                kind: Kind::Per,
            },
            Span {
                part: Section::Body,
                start: 16,
                end: 24,
                kind: Kind::Loc,
            },
        ];
        let toks = tokenize(text);
        assert_eq!(project(&toks, &gold, Section::Body), vec![1, 2, 0, 3, 4, 0]);
        assert_eq!(
            title_case("SOCCER - JAPAN GET A WIN"),
            "Soccer - Japan Get a Win"
        );
    }
}
