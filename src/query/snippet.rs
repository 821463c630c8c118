//! Snippets: the passage of a hit's body shown under its title, with the
//! matched words marked.

use std::borrow::Cow;
use std::ops::Range;

use crate::ascii::find_ignore_ascii_case;

/// The longest snippet, in characters.
pub(super) const SNIPPET_CHARS: usize = 240;

/// A passage of an article's body with the matched words marked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snippet {
    /// The passage, plain text.
    pub text: String,
    /// Byte ranges of `text` that matched the query.
    pub highlights: Vec<Range<usize>>,
}

/// How much text the snippet generator analyzes at most.
const SNIPPET_SOURCE_BYTES: usize = 8 * 1024;

/// The paragraphs of `body` that may hold a match, for the snippet
/// generator: stemming a whole long article for every hit dominated the
/// cost of a search. A paragraph is kept when it contains the first four
/// letters of a query stem (stems are lowercase prefixes of the words they
/// come from, give or take their last letters). When none does (accents,
/// irregular stems), the whole body is used.
pub(super) fn snippet_source<'a>(body: &'a str, stems: &[String]) -> Cow<'a, str> {
    if body.len() <= SNIPPET_CHARS * 2 || stems.is_empty() {
        return body.into();
    }
    let prefixes: Vec<&str> = stems
        .iter()
        .map(|s| match s.char_indices().nth(4) {
            Some((at, _)) => &s[..at],
            None => s.as_str(),
        })
        .collect();
    let mut out = String::new();
    for paragraph in body.split("\n\n") {
        if prefixes
            .iter()
            .any(|p| find_ignore_ascii_case(paragraph, p).is_some())
        {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(paragraph);
            if out.len() >= SNIPPET_SOURCE_BYTES {
                break;
            }
        }
    }
    if out.is_empty() {
        body.into()
    } else {
        out.into()
    }
}

/// The beginning of `body`, cut at a word boundary.
pub(super) fn lead(body: &str, max_chars: usize) -> String {
    let first = body.split("\n\n").next().unwrap_or("");
    if first.chars().count() <= max_chars {
        return first.to_string();
    }
    let cut: String = first.chars().take(max_chars).collect();
    match cut.rfind(' ') {
        Some(at) => format!("{}…", &cut[..at]),
        None => cut,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_source_keeps_paragraphs_with_stems() {
        let filler = "Nothing to see in this paragraph at all. ".repeat(40);
        let body = format!("{filler}\n\nNew Sanctions were announced.\n\n{filler}\n\nHappily so.");
        let stems = vec!["sanction".to_string(), "happili".to_string()];
        assert_eq!(
            snippet_source(&body, &stems),
            "New Sanctions were announced.\n\nHappily so."
        );
        // No paragraph matches: the whole body.
        let stems = vec!["zeppelin".to_string()];
        assert_eq!(snippet_source(&body, &stems), body);
        // Short bodies are used whole.
        assert_eq!(snippet_source("short", &stems), "short");
    }

    #[test]
    fn lead_cuts_at_words() {
        assert_eq!(lead("one two three", 8), "one two…");
        assert_eq!(lead("short\n\nsecond", 80), "short");
    }
}
