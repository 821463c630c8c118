//! Prints, as JSON Lines, the articles of every stored name of each kind
//! (`person`, `place`, `other`, `located`, `styled`: a title or `the`
//! before a person name) whose key contains one of the
//! given words, case-folded (issue 8: judging the `people` and `places`
//! lists).
//!
//! ```text
//! cargo run --release --features lab --example name_counts -- INDEX WORD...
//! ```

use std::io::Write;
use std::path::PathBuf;

use newsdex::NewsIndex;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = PathBuf::from(args.next().ok_or("usage: name_counts INDEX WORD...")?);
    let words: Vec<String> = args.map(|w| w.to_lowercase()).collect();
    let index = NewsIndex::open_live(&path)?;
    let kinds = ["person", "place", "other", "located", "styled"];
    let mut out = std::io::stdout().lock();
    for (kind, names) in kinds.iter().zip(newsdex::lab::name_counts(&index)?) {
        for (name, articles) in names {
            let folded = name.to_lowercase();
            if words.is_empty() || words.iter().any(|w| folded.contains(w.as_str())) {
                let row = serde_json::json!({"kind": kind, "name": name, "articles": articles});
                writeln!(out, "{row}")?;
            }
        }
    }
    Ok(())
}
