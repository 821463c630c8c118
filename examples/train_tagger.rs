//! Trains the entity tagger on CoNLL-2003.
//!
//! ```text
//! cargo run --release --example train_tagger -- \
//!     --train conll2003/eng.train --dev conll2003/eng.testa \
//!     --clusters models/clusters.bin --bits 19 --out models/tagger.bin.gz
//! ```
//!
//! Relative `--train`/`--dev` paths are taken under `$NEWSDEX_DATA`.
//! Options: `--epochs N` (10), `--bits B` (20), `--seed S`, `--no-lists`,
//! `--no-doc`, `--no-clusters`, `--no-augment`.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::time::Instant;

use newsdex::extract::tagger::Kind;
use newsdex::extract::tagger::clusters::ClusterData;
use newsdex::extract::tagger::features::{FeatureSet, Resources};
use newsdex::extract::tagger::model::ModelData;
use newsdex::extract::tagger::train::{TrainOptions, data_dir, objective, read_conll, train};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut train_path = PathBuf::from("conll2003/eng.train");
    let mut dev_path = PathBuf::from("conll2003/eng.testa");
    let mut out = PathBuf::from("models/tagger.bin.gz");
    let mut clusters: Option<PathBuf> = None;
    let mut opts = TrainOptions::default();
    let mut fs = FeatureSet::default();
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--train" => train_path = val()?.into(),
            "--dev" => dev_path = val()?.into(),
            "--out" => out = val()?.into(),
            "--clusters" => clusters = Some(val()?.into()),
            "--epochs" => opts.epochs = val()?.parse()?,
            "--bits" => opts.bits = val()?.parse()?,
            "--seed" => opts.seed = val()?.parse()?,
            "--no-lists" => fs.lists = false,
            "--no-doc" => fs.doc = false,
            "--no-clusters" => fs.clusters = false,
            "--no-augment" => opts.augment_titles = false,
            _ => return Err(format!("unknown argument {a}").into()),
        }
    }
    let data = data_dir();
    let under = |p: &Path| {
        if p.is_absolute() || p.exists() {
            p.to_path_buf()
        } else {
            data.join(p)
        }
    };
    let started = Instant::now();
    let train_docs = read_conll(&under(&train_path))?;
    let dev_docs = read_conll(&under(&dev_path))?;
    let cd = match (&clusters, fs.clusters) {
        (Some(p), true) => ClusterData::from_bytes(&std::fs::read(p)?)?,
        _ => {
            fs.clusters = false;
            ClusterData::default()
        }
    };
    opts.features = fs;
    let mut res = Resources::new();
    cd.install(&mut res);
    eprintln!(
        "{} train docs, {} dev docs, features {fs:?}, {} clustered words",
        train_docs.len(),
        dev_docs.len(),
        cd.clusters.len()
    );
    let (weights, epoch) = train(&train_docs, &dev_docs, &res, &opts, |r| {
        let f = |k: Kind| r.dev[k as usize].prf();
        let (pp, pr, pf) = f(Kind::Per);
        let (lp, lr, lf) = f(Kind::Loc);
        let (_, _, of) = f(Kind::Org);
        let (_, _, mf) = f(Kind::Misc);
        eprintln!(
            "epoch {:2} mistakes {:5} | PER P {pp:.3} R {pr:.3} F {pf:.3} | LOC P {lp:.3} R {lr:.3} F {lf:.3} | ORG F {of:.3} MISC F {mf:.3} | obj {:.4} | {:.1}s",
            r.epoch,
            r.mistakes,
            objective(&r.dev),
            r.seconds
        );
    });
    let model = ModelData {
        version: format!("newsdex-tagger ap-bio-v2 epoch{epoch} bits{}", opts.bits),
        features: fs.to_byte(),
        weights,
        clusters: cd.clusters,
        coarse: cd.coarse,
        caps: cd.caps,
    };
    let bytes = model.to_bytes();
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&out, &bytes)?;
    eprintln!(
        "best epoch {epoch}; wrote {} ({:.2} MB) in {:.1}s",
        out.display(),
        bytes.len() as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
