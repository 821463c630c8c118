//! Prints the tagger's spans for one text file: the model's own spans, then
//! the spans after the document-level rules.
//!
//! ```text
//! cargo run --release --features lab --example tag_text -- FILE
//! ```
//!
//! The file's first line is the title, the rest the body.
#![allow(clippy::print_stdout)]

use newsdex::extract::tagger::{Span, Tagger};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: tag_text FILE")?;
    let text = std::fs::read_to_string(&path)?;
    let (title, body) = text.split_once('\n').unwrap_or((&text, ""));
    let tagger = Tagger::from_bytes(&std::fs::read("models/tagger.bin.gz")?)?;
    let show = |label: &str, spans: &[Span]| {
        println!("{label}:");
        for s in spans {
            let part = s.part.of(title, body);
            println!(
                "  {:?} {:<5} {}",
                s.part,
                s.kind.name(),
                &part[s.start..s.end]
            );
        }
    };
    show("model", &tagger.model_spans(title, body));
    show("document rules", &tagger.tag(title, body));
    Ok(())
}
