//! Scoring an entity extractor the way the acceptance check scores spaCy:
//! per article, the set of distinct mention strings of each kind, normalised
//! (case, surrounding punctuation, a leading "the", a trailing "'s"), with
//! precision, recall and F1 micro-averaged over (article, string) pairs.
//!
//! Readers for the two gold sets: CoNLL-2003 files (IOB columns, documents
//! split at `-DOCSTART-`; the first sentence is the headline) and the
//! hand-labelled modern sample (`eval/modern-labels.jsonl`, labels only,
//! joined at run time with the AllSides articles they point at).
//!
//! Used by `examples/eval_entities.rs` and by the ignored accuracy tests.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::Path;

use serde::Deserialize;

use super::{EntityExtractor, entities::Entities};
use crate::model::EntityKind;

/// One article with its gold mention strings.
#[derive(Clone, Debug, Default)]
pub struct LabelledDoc {
    /// Where it comes from, for reports.
    pub name: String,
    /// Headline.
    pub title: String,
    /// Text.
    pub body: String,
    /// Normalised person mention strings.
    pub people: BTreeSet<String>,
    /// Normalised place mention strings.
    pub places: BTreeSet<String>,
}

/// Lowercase, trimmed of surrounding punctuation, without a leading "the "
/// and a trailing "'s".
pub fn normalise(text: &str) -> String {
    let mut s = text
        .trim()
        .to_lowercase()
        .replace('\u{2019}', "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let strip = |s: &str| {
        s.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'')
            .trim_matches(|c: char| c == '\'' || c == '"')
            .to_string()
    };
    s = strip(&s);
    if let Some(rest) = s.strip_prefix("the ") {
        s = rest.to_string();
    }
    if let Some(rest) = s.strip_suffix("'s") {
        s = rest.trim_end().to_string();
    }
    strip(&s)
}

/// True positives, false positives and false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Score {
    /// Found and in the gold set.
    pub tp: usize,
    /// Found, not in the gold set.
    pub fp: usize,
    /// In the gold set, not found.
    pub fn_: usize,
}

impl Score {
    /// Adds one article's sets.
    pub fn add(&mut self, got: &BTreeSet<String>, want: &BTreeSet<String>) {
        self.tp += got.intersection(want).count();
        self.fp += got.difference(want).count();
        self.fn_ += want.difference(got).count();
    }

    /// Precision, recall, F1 (0 when undefined).
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

/// The normalised mention strings of one kind.
pub fn mention_set(entities: &Entities, kind: EntityKind) -> BTreeSet<String> {
    entities
        .mentions
        .iter()
        .filter(|m| m.kind == kind)
        .map(|m| normalise(&m.text))
        .filter(|s| !s.is_empty())
        .collect()
}

/// Person and place scores of `extractor` over `docs`.
pub fn evaluate(extractor: &dyn EntityExtractor, docs: &[LabelledDoc]) -> (Score, Score) {
    let (mut person, mut place) = (Score::default(), Score::default());
    for doc in docs {
        let got = extractor.extract(&doc.title, &doc.body);
        person.add(&mention_set(&got, EntityKind::Person), &doc.people);
        place.add(&mention_set(&got, EntityKind::Place), &doc.places);
    }
    (person, place)
}

/// Reads a CoNLL-2003 file: one document per `-DOCSTART-`, sentences as
/// lines of space-joined tokens, the first sentence as the title.
pub fn read_conll(text: &str) -> Vec<LabelledDoc> {
    let mut docs = Vec::new();
    let mut doc = LabelledDoc::default();
    let mut sentences: Vec<String> = Vec::new();
    let mut sentence: Vec<&str> = Vec::new();
    let mut entity: Option<(&str, Vec<&str>)> = None;
    let close = |entity: &mut Option<(&str, Vec<&str>)>, doc: &mut LabelledDoc| {
        if let Some((kind, words)) = entity.take() {
            let text = normalise(&words.join(" "));
            match kind {
                "PER" => doc.people.insert(text),
                "LOC" => doc.places.insert(text),
                _ => false,
            };
        }
    };
    let flush =
        |sentences: &mut Vec<String>, doc: &mut LabelledDoc, docs: &mut Vec<LabelledDoc>| {
            if sentences.is_empty() {
                return;
            }
            let mut done = std::mem::take(doc);
            done.name = format!("conll document {}", docs.len() + 1);
            done.title = sentences[0].clone();
            done.body = sentences[1..].join("\n");
            sentences.clear();
            docs.push(done);
        };
    for line in text.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() || cols[0] == "-DOCSTART-" {
            close(&mut entity, &mut doc);
            if !sentence.is_empty() {
                sentences.push(std::mem::take(&mut sentence).join(" "));
            }
            if cols.first() == Some(&"-DOCSTART-") {
                flush(&mut sentences, &mut doc, &mut docs);
            }
            continue;
        }
        let (token, tag) = (cols[0], cols[cols.len() - 1]);
        sentence.push(token);
        let (prefix, kind) = tag.split_once('-').unwrap_or(("O", ""));
        let continues = prefix == "I" && entity.as_ref().is_some_and(|(k, _)| *k == kind);
        if !continues {
            close(&mut entity, &mut doc);
            if prefix != "O" {
                entity = Some((kind, Vec::new()));
            }
        }
        if let Some((_, words)) = entity.as_mut() {
            words.push(token);
        }
    }
    close(&mut entity, &mut doc);
    if !sentence.is_empty() {
        sentences.push(sentence.join(" "));
    }
    flush(&mut sentences, &mut doc, &mut docs);
    docs
}

/// One line of the hand-labelled modern sample.
#[derive(Debug, Deserialize)]
struct ModernLabel {
    shard: String,
    line: usize,
    #[serde(default)]
    id: String,
    people: Vec<String>,
    places: Vec<String>,
}

/// Reads the hand-labelled modern sample: labels from `labels` (JSON Lines
/// of `{"shard", "line", "id", "people", "places"}`), article text from the
/// AllSides shards in `allsides` (the 1-based `line` of gzipped `shard`).
pub fn read_modern(labels: &Path, allsides: &Path) -> std::io::Result<Vec<LabelledDoc>> {
    let text = std::fs::read_to_string(labels)?;
    let mut wanted: Vec<ModernLabel> = Vec::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let label: ModernLabel = serde_json::from_str(line).map_err(|e| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("{} line {}: {e}", labels.display(), i + 1),
            )
        })?;
        wanted.push(label);
    }
    let mut docs = Vec::with_capacity(wanted.len());
    let mut shards: Vec<&str> = wanted.iter().map(|l| l.shard.as_str()).collect();
    shards.sort_unstable();
    shards.dedup();
    let mut found: Vec<Option<LabelledDoc>> = (0..wanted.len()).map(|_| None).collect();
    for shard in shards {
        let file = std::fs::File::open(allsides.join(shard))?;
        let reader = BufReader::new(flate2::read::MultiGzDecoder::new(file));
        for (n, line) in reader.lines().enumerate() {
            let line = line?;
            for (k, label) in wanted.iter().enumerate() {
                if label.shard != shard || label.line != n + 1 {
                    continue;
                }
                let value: serde_json::Value = serde_json::from_str(&line).map_err(|e| {
                    std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        format!("{shard} line {}: {e}", n + 1),
                    )
                })?;
                let field = |key: &str| value[key].as_str().unwrap_or_default().to_string();
                if !label.id.is_empty() && field("ID") != label.id {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        format!(
                            "{shard} line {}: id {} is not {}",
                            n + 1,
                            field("ID"),
                            label.id
                        ),
                    ));
                }
                found[k] = Some(LabelledDoc {
                    name: format!("{shard}:{}", n + 1),
                    title: field("title"),
                    body: field("content_original"),
                    people: label.people.iter().map(|p| normalise(p)).collect(),
                    places: label.places.iter().map(|p| normalise(p)).collect(),
                });
            }
        }
    }
    for (label, doc) in wanted.iter().zip(found) {
        match doc {
            Some(doc) => docs.push(doc),
            None => {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    format!("{} has no line {}", label.shard, label.line),
                ));
            }
        }
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_mention_strings() {
        assert_eq!(normalise("  The Hague "), "hague");
        assert_eq!(normalise("Putin's"), "putin");
        assert_eq!(normalise("Putin’s"), "putin");
        assert_eq!(normalise("\"Blinken,\""), "blinken");
        assert_eq!(normalise("U.S."), "u.s.");
        assert_eq!(normalise("(Reuters)"), "reuters");
        assert_eq!(normalise("New   York"), "new york");
    }

    #[test]
    fn conll_documents_and_spans() {
        let text = "-DOCSTART- -X- O O\n\nTALKS O O O\n\n\
                    Ann NNP I-NP I-PER\nLee NNP I-NP I-PER\nvisited VBD I-VP O\n\
                    Oslo NNP I-NP I-LOC\nand CC O O\nBergen NNP I-NP B-LOC\n. . O O\n\n\
                    -DOCSTART- -X- O O\n\nBank NNP I-NP I-ORG\nof IN I-PP I-ORG\n\n";
        let docs = read_conll(text);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].title, "TALKS");
        assert_eq!(docs[0].body, "Ann Lee visited Oslo and Bergen .");
        assert_eq!(docs[0].people, BTreeSet::from(["ann lee".to_string()]));
        assert_eq!(
            docs[0].places,
            BTreeSet::from(["oslo".to_string(), "bergen".to_string()])
        );
        assert!(docs[1].people.is_empty() && docs[1].places.is_empty());
    }

    #[test]
    fn micro_averaged_scores() {
        let set = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
        let mut s = Score::default();
        s.add(&set(&["a", "b"]), &set(&["a", "c"]));
        s.add(&set(&["x"]), &set(&["x"]));
        assert_eq!((s.tp, s.fp, s.fn_), (2, 1, 1));
        let (p, r, f) = s.prf();
        assert!((p - 2.0 / 3.0).abs() < 1e-9 && (r - 2.0 / 3.0).abs() < 1e-9);
        assert!((f - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(Score::default().prf(), (0.0, 0.0, 0.0));
    }
}
