//! Prints, as JSON Lines, what the persons step weighs for each place name
//! of an index: its articles as a place, whether the gazetteer knows it, and
//! the articles of the same name as a person and as an organisation or
//! other name (issue 8: judging the `places` list).
//!
//! ```text
//! cargo run --release --features lab --example place_evidence -- INDEX [MIN_ARTICLES]
//! ```

use std::io::Write;
use std::path::PathBuf;

use newsdex::NewsIndex;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = PathBuf::from(
        args.next()
            .ok_or("usage: place_evidence INDEX [MIN_ARTICLES]")?,
    );
    let min: u64 = match args.next() {
        Some(n) => n.parse()?,
        None => 20,
    };
    let index = NewsIndex::open_live(&path)?;
    let mut rows = newsdex::lab::place_evidence(&index)?;
    rows.retain(|r| r.articles >= min);
    rows.sort_by(|a, b| b.articles.cmp(&a.articles).then(a.name.cmp(&b.name)));
    let mut out = std::io::stdout().lock();
    for row in rows {
        writeln!(out, "{}", serde_json::to_string(&row)?)?;
    }
    Ok(())
}
