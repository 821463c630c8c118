//! Learns word clusters and capitalisation buckets from unlabeled news
//! text (allsides bodies and titles, Reuters-21578 bodies, BBC articles) and
//! writes them (word hashes only) for `train_tagger --clusters`.
//!
//! ```text
//! cargo run --release --example build_clusters -- \
//!     --out models/clusters.bin
//! ```
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::BufRead;
use std::path::PathBuf;
use std::time::Instant;

use newsdex::extract::tagger::clusters::{ClusterBuilder, ClusterOptions};
use newsdex::extract::tagger::train::data_dir;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut out = PathBuf::from("models/clusters.bin");
    let mut opts = ClusterOptions::default();
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--out" => out = val()?.into(),
            "--vocab" => opts.vocab = val()?.parse()?,
            "--fine" => opts.fine = val()?.parse()?,
            "--coarse" => opts.coarse = val()?.parse()?,
            "--iterations" => opts.iterations = val()?.parse()?,
            _ => return Err(format!("unknown argument {a}").into()),
        }
    }
    let data = data_dir();
    let started = Instant::now();
    let mut b = ClusterBuilder::default();
    for shard in 0..8 {
        let path = data.join(format!("allsides/allsides-{shard}.jsonl.gz"));
        let r = std::io::BufReader::new(flate2::read::GzDecoder::new(std::fs::File::open(path)?));
        for line in r.lines() {
            let v: serde_json::Value = serde_json::from_str(&line?)?;
            if let Some(t) = v["title"].as_str() {
                b.add(t);
            }
            if let Some(t) = v["content_original"].as_str() {
                b.add(t);
            }
        }
    }
    eprintln!(
        "allsides: {} tokens, {:.1}s",
        b.tokens(),
        started.elapsed().as_secs_f64()
    );
    for k in 0..22 {
        let path = data.join(format!("reuters21578/reut2-{k:03}.sgm"));
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        // Latin-1.
        let text: String = bytes.iter().map(|&c| c as char).collect();
        for piece in text.split("<BODY>").skip(1) {
            let body = piece.split("</BODY>").next().unwrap_or("");
            b.add(
                &body
                    .replace("&lt;", "<")
                    .replace("&amp;", "&")
                    .replace("&#3;", ""),
            );
        }
    }
    for topic in ["business", "entertainment", "politics", "sport", "tech"] {
        for e in std::fs::read_dir(data.join("bbc").join(topic))? {
            let bytes = std::fs::read(e?.path())?;
            b.add(&String::from_utf8_lossy(&bytes));
        }
    }
    eprintln!(
        "all: {} tokens, {:.1}s",
        b.tokens(),
        started.elapsed().as_secs_f64()
    );
    let d = b.build(&opts, 2);
    std::fs::write(&out, d.to_bytes())?;
    eprintln!(
        "{} clustered words, {} capitalisation buckets -> {} in {:.1}s",
        d.clusters.len(),
        d.caps.len(),
        out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
