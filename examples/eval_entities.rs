//! Document-level people/places accuracy and extraction throughput.
//!
//! ```text
//! cargo run --release --example eval_entities [-- --data ../shared/data] [--model FILE] [--dump]
//! ```
//!
//! Prints precision, recall and F1 per kind on CoNLL-2003 eng.testa (and
//! eng.testb when present) and on the hand-labelled modern sample
//! (`eval/modern-labels.jsonl` over the AllSides shards), scored as the
//! acceptance check scores spaCy (see `newsdex::extract::eval`), then the
//! extraction throughput over the BBC articles. `--model FILE` scores a
//! trained model that is not embedded; `--dump` lists every
//! false positive and negative.
#![allow(clippy::print_stdout)]

use std::path::{Path, PathBuf};
use std::time::Instant;

use newsdex::EntityKind;
use newsdex::extract::EntityExtractor;
use newsdex::extract::eval::{self, LabelledDoc, Score};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let data = args
        .iter()
        .position(|a| a == "--data")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from)
        .unwrap_or_else(newsdex::extract::tagger::train::data_dir);
    let extractor: Box<dyn EntityExtractor> = if let Some(model) = args
        .iter()
        .position(|a| a == "--model")
        .and_then(|i| args.get(i + 1))
    {
        Box::new(newsdex::extract::TaggerExtractor::from_model(
            &std::fs::read(model)?,
        )?)
    } else {
        Box::new(newsdex::extract::default_extractor()?)
    };
    println!("extractor: {}", extractor.name());

    for name in ["eng.testa", "eng.testb"] {
        let path = data.join("conll2003").join(name);
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let docs = eval::read_conll(&text);
        report(&format!("CoNLL-2003 {name}"), extractor.as_ref(), &docs);
    }
    let labels = Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/modern-labels.jsonl");
    let docs = eval::read_modern(&labels, &data.join("allsides"))?;
    report("modern sample (AllSides)", extractor.as_ref(), &docs);

    // Throughput over the BBC articles.
    let mut articles = Vec::new();
    for topic in ["business", "entertainment", "politics", "sport", "tech"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(data.join("bbc").join(topic))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        files.sort();
        for file in files {
            let text = String::from_utf8_lossy(&std::fs::read(&file)?).into_owned();
            let (title, body) = text.split_once('\n').unwrap_or((&text, ""));
            articles.push((title.trim().to_string(), body.trim().to_string()));
        }
    }
    let words: usize = articles
        .iter()
        .map(|(t, b)| t.split_whitespace().count() + b.split_whitespace().count())
        .sum();
    let cpu = cpu_seconds();
    let started = Instant::now();
    let mut mentions = 0usize;
    for (title, body) in &articles {
        mentions += extractor.extract(title, body).mentions.len();
    }
    let (wall, cpu) = (started.elapsed().as_secs_f64(), cpu_seconds() - cpu);
    println!(
        "throughput, BBC {} articles ({:.0} words each): {:.0} articles per CPU-second ({:.0} per wall second, {:.2}M words/s), {mentions} mentions",
        articles.len(),
        words as f64 / articles.len().max(1) as f64,
        articles.len() as f64 / cpu.max(1e-9),
        articles.len() as f64 / wall.max(1e-9),
        words as f64 / cpu.max(1e-9) / 1e6,
    );
    Ok(())
}

fn report(name: &str, extractor: &dyn EntityExtractor, docs: &[LabelledDoc]) {
    if std::env::args().any(|a| a == "--dump") {
        for doc in docs {
            let got = extractor.extract(&doc.title, &doc.body);
            for (kind, want) in [
                (EntityKind::Person, &doc.people),
                (EntityKind::Place, &doc.places),
            ] {
                let found = eval::mention_set(&got, kind);
                for s in found.difference(want) {
                    println!("{} {} FP {s}", doc.name, kind.as_str());
                }
                for s in want.difference(&found) {
                    println!("{} {} FN {s}", doc.name, kind.as_str());
                }
            }
        }
    }
    let (person, place) = eval::evaluate(extractor, docs);
    println!("{name}, {} documents:", docs.len());
    line("person", &person);
    line("place", &place);
}

fn line(kind: &str, s: &Score) {
    let (p, r, f) = s.prf();
    println!(
        "  {kind:<6} P {:.1} R {:.1} F1 {:.1}  (tp {} fp {} fn {})",
        100.0 * p,
        100.0 * r,
        100.0 * f,
        s.tp,
        s.fp,
        s.fn_
    );
}

/// User plus system CPU time of this process, in seconds.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields 14 and 15 (utime, stime) in clock ticks, after the command name.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = fields.get(11..13).map_or(0.0, |f| {
        f.iter().filter_map(|v| v.parse::<f64>().ok()).sum()
    });
    ticks / 100.0
}
