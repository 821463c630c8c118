//! Snippets: the passage of a hit's body shown under its title, with the
//! matched words marked.
//!
//! [`Highlighter`] does what tantivy's `SnippetGenerator` did for us,
//! cheaper: stemming every word of every hit's body cost more than the
//! search itself. It looks for the first four letters of the query's stems
//! (a stem is a lowercase prefix of the words it comes from, give or take
//! its last letters) with a SIMD byte search, keeps a window around the
//! place where the most different ones occur close together, and runs the
//! index's text analyzer only on the words of that window that start like a
//! stem or have letters beyond ASCII (which folding may change). A word is
//! marked when the analyzer turns it into one of the query's stems, so the
//! marks are the words tantivy's generator marked; the passage is the
//! snippet-long span with the most different stems.

use std::ops::Range;

use rustc_hash::FxHashSet;
use tantivy::tokenizer::TextAnalyzer;

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

/// The window cut around the best cluster of matches in a long body: two
/// snippets' worth, so that the best passage can still be chosen in it.
const WINDOW_BYTES: usize = 2 * SNIPPET_CHARS;

/// The most text scanned for matches when no stem prefix occurs.
const FALLBACK_BYTES: usize = 8 * 1024;

/// The most occurrences of one prefix looked at when placing the window.
const MAX_OCCURRENCES: usize = 64;

/// Marks the words of a query in article bodies.
pub(super) struct Highlighter {
    /// The query's stems, as the text analyzer makes them.
    stems: FxHashSet<String>,
    /// The first four letters of each stem.
    prefixes: Vec<String>,
    /// The index's text analyzer.
    analyzer: TextAnalyzer,
}

impl Highlighter {
    /// A highlighter of `stems` (terms of the body field), analyzed as the
    /// index analyzes text.
    pub(super) fn new(stems: Vec<String>, analyzer: TextAnalyzer) -> Highlighter {
        let prefixes = stems
            .iter()
            .map(|s| match s.char_indices().nth(4) {
                Some((at, _)) => s[..at].to_string(),
                None => s.clone(),
            })
            .collect();
        Highlighter {
            stems: stems.into_iter().collect(),
            prefixes,
            analyzer,
        }
    }

    /// The passage of `body` with the most different query words, marked;
    /// empty when no word of the body matches.
    pub(super) fn snippet(&mut self, body: &str) -> Snippet {
        if self.stems.is_empty() {
            return Snippet::default();
        }
        let window = if body.len() <= WINDOW_BYTES {
            0..body.len()
        } else {
            let prefixes: Vec<&str> = self.prefixes.iter().map(String::as_str).collect();
            best_window(body, &prefixes)
                .unwrap_or_else(|| 0..floor_boundary(body, FALLBACK_BYTES.min(body.len())))
        };
        let text = &body[window];
        let matches = self.matches(text);
        let Some(span) = best_span(text, &matches) else {
            return Snippet::default();
        };
        Snippet {
            text: text[span.clone()].to_string(),
            highlights: matches
                .iter()
                .filter(|(r, _)| r.start >= span.start && r.end <= span.end)
                .map(|(r, _)| r.start - span.start..r.end - span.start)
                .collect(),
        }
    }

    /// The words of `text` that analyze to a query stem, with the index of
    /// the stem (for counting different ones).
    fn matches(&mut self, text: &str) -> Vec<(Range<usize>, usize)> {
        let mut found: Vec<(Range<usize>, usize)> = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        for word in words(text) {
            let w = &text[word.clone()];
            let candidate = !w.is_ascii()
                || self.prefixes.iter().any(|p| {
                    w.len() >= p.len() && w.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
                });
            if !candidate {
                continue;
            }
            let mut stream = self.analyzer.token_stream(w);
            while stream.advance() {
                let token = stream.token();
                if let Some(stem) = self.stems.get(token.text.as_str()) {
                    let id = match seen.iter().position(|s| *s == stem.as_str()) {
                        Some(id) => id,
                        None => {
                            seen.push(stem.as_str());
                            seen.len() - 1
                        }
                    };
                    let start = word.start + token.offset_from;
                    found.push((start..word.start + token.offset_to, id));
                }
            }
        }
        found
    }
}

/// The byte ranges of the words of `text`: runs of letters and digits, as
/// the index's tokenizer splits them.
fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while chars.next_if(|(_, c)| !c.is_alphanumeric()).is_some() {}
        let (start, first) = chars.next()?;
        let mut end = start + first.len_utf8();
        while let Some((at, c)) = chars.next_if(|(_, c)| c.is_alphanumeric()) {
            end = at + c.len_utf8();
        }
        Some(start..end)
    })
}

/// The snippet-long span of `text` around the matches that holds the most
/// different stems (then the most matches; the first such wins): it starts
/// at its first match, or up to a fifth of a snippet earlier at a space
/// when the text allows, and ends at a space.
fn best_span(text: &str, matches: &[(Range<usize>, usize)]) -> Option<Range<usize>> {
    let mut best: Option<(usize, usize, usize)> = None;
    for (i, (first, _)) in matches.iter().enumerate() {
        let mut ids: Vec<usize> = matches[i..]
            .iter()
            .take_while(|(r, _)| r.end <= first.start + SNIPPET_CHARS)
            .map(|(_, id)| *id)
            .collect();
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        if best.is_none_or(|(d, c, _)| (ids.len(), count) > (d, c)) {
            best = Some((ids.len(), count, first.start));
        }
    }
    let (_, _, first) = best?;
    let lead_in = SNIPPET_CHARS / 5;
    let mut start = floor_space(text, first.saturating_sub(lead_in));
    if start < first && text.as_bytes().get(start) == Some(&b' ') {
        start += 1;
    }
    let end = floor_space(
        text,
        floor_boundary(text, (start + SNIPPET_CHARS).min(text.len())),
    );
    let end = if end <= first {
        text.len().min(start + SNIPPET_CHARS)
    } else {
        end
    };
    let end = floor_boundary(text, end);
    Some(start..end)
}

/// A window of about [`WINDOW_BYTES`] of `text` that starts a little
/// before the first occurrence of the run of occurrences with the most
/// different prefixes within one snippet's length, cut at spaces; `None`
/// when no prefix occurs.
fn best_window(text: &str, prefixes: &[&str]) -> Option<Range<usize>> {
    let mut hits: Vec<(usize, usize)> = Vec::new();
    for (which, prefix) in prefixes.iter().enumerate() {
        let mut from = 0;
        for _ in 0..MAX_OCCURRENCES {
            let Some(at) = find_ignore_ascii_case(&text[from..], prefix) else {
                break;
            };
            hits.push((from + at, which));
            from += at + prefix.len().max(1);
            if from >= text.len() {
                break;
            }
        }
    }
    hits.sort_unstable();
    let mut best = (0, hits.first()?.0);
    for (i, &(start, _)) in hits.iter().enumerate() {
        let mut seen: Vec<usize> = hits[i..]
            .iter()
            .take_while(|(at, _)| *at < start + SNIPPET_CHARS)
            .map(|(_, which)| *which)
            .collect();
        seen.sort_unstable();
        seen.dedup();
        if seen.len() > best.0 {
            best = (seen.len(), start);
        }
    }
    let start = floor_space(text, best.1.saturating_sub(SNIPPET_CHARS / 2));
    let end = floor_space(
        text,
        floor_boundary(text, (start + WINDOW_BYTES).min(text.len())),
    );
    (start < end).then_some(start..end)
}

/// `at`, moved back to a character boundary.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The last space at or before `at` when there is one close by, else `at`
/// (on a character boundary); the text's ends stay as they are.
fn floor_space(text: &str, at: usize) -> usize {
    let at = floor_boundary(text, at);
    if at == 0 || at == text.len() {
        return at;
    }
    match text[..at].rfind(' ') {
        Some(space) if at - space < 40 => space,
        _ => at,
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
    use crate::index::schema::{TEXT_ANALYZER, register_analyzers};

    fn highlighter(stems: &[&str]) -> Highlighter {
        let manager = tantivy::tokenizer::TokenizerManager::default();
        register_analyzers(&manager);
        Highlighter::new(
            stems.iter().map(|s| s.to_string()).collect(),
            manager.get(TEXT_ANALYZER).unwrap(),
        )
    }

    fn marked(s: &Snippet) -> Vec<&str> {
        s.highlights.iter().map(|r| &s.text[r.clone()]).collect()
    }

    #[test]
    fn marks_the_words_that_stem_to_the_query() {
        let mut h = highlighter(&["sanction", "sanchez"]);
        let s =
            h.snippet("New Sanctions hit; Pedro Sánchez spoke of one sanction, not sanctuaries.");
        assert_eq!(marked(&s), vec!["Sanctions", "Sánchez", "sanction"]);
        assert_eq!(
            s.text,
            "New Sanctions hit; Pedro Sánchez spoke of one sanction, not sanctuaries."
        );
        let none = h.snippet("Nothing matches here.");
        assert_eq!(none, Snippet::default());
    }

    #[test]
    fn a_long_body_shows_the_passage_with_the_most_different_words() {
        let filler = "Nothing to see in this sentence at all. ".repeat(30);
        let body = format!(
            "{filler}A lone sanction here. {filler}New sanctions hit exporters today. {filler}"
        );
        let mut h = highlighter(&["sanction", "export"]);
        let s = h.snippet(&body);
        assert!(s.text.chars().count() <= SNIPPET_CHARS, "{}", s.text);
        assert!(s.text.contains("New sanctions hit exporters"), "{}", s.text);
        assert_eq!(marked(&s), vec!["sanctions", "exporters"]);
        // Cut at spaces: no word is split at either end.
        assert!(s.text.starts_with(char::is_alphanumeric), "{:?}", s.text);
        assert!(
            body.contains(&format!(" {} ", s.text.trim_end())),
            "{:?}",
            s.text
        );
    }

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        let text = "Putin’s 2024 visit—short.";
        let got: Vec<&str> = words(text).map(|r| &text[r]).collect();
        assert_eq!(got, vec!["Putin", "s", "2024", "visit", "short"]);
    }

    #[test]
    fn lead_cuts_at_words() {
        assert_eq!(lead("one two three", 8), "one two…");
        assert_eq!(lead("short\n\nsecond", 80), "short");
    }
}
