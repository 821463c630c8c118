//! All-caps text (`VOLCKER SAYS FED POLICY NOT RESPONSIBLE`): the tagger
//! reads a title-cased copy of it, the trainer learns from one.
//!
//! Only ASCII lines are copied, so every byte offset of the copy is the
//! offset of the same character in the original and spans found in the
//! copy are spans of the original text.

use std::ops::Range;

/// Words a title-cased headline keeps in lowercase (after its first word).
const SMALL: &[&str] = &[
    "a", "an", "the", "of", "in", "to", "for", "on", "at", "by", "and", "or", "as", "vs",
];

/// Fewest words with letters in a line read as all-caps text: a dateline
/// (`LONDON 1996-12-06`) or a one-word heading keeps its capitals.
const MIN_WORDS: usize = 3;

/// Title-cases an ASCII all-caps line (same byte length): `SOCCER - JAPAN
/// GET A WIN` -> `Soccer - Japan Get a Win`.
pub fn title_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, w) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let lower = w.to_ascii_lowercase();
        if i > 0 && SMALL.contains(&lower.as_str()) {
            out.push_str(&lower);
        } else {
            let mut first = true;
            for c in lower.chars() {
                if first && c.is_ascii_alphabetic() {
                    out.push(c.to_ascii_uppercase());
                    first = false;
                } else {
                    out.push(c);
                }
            }
        }
    }
    out
}

/// True for an ASCII line with capitals and no lowercase letter, of at
/// least [`MIN_WORDS`] words with letters.
pub fn is_caps_line(line: &str) -> bool {
    line.is_ascii()
        && !line.bytes().any(|b| b.is_ascii_lowercase())
        && line
            .split_whitespace()
            .filter(|w| w.bytes().any(|b| b.is_ascii_uppercase()))
            .count()
            >= MIN_WORDS
}

/// Byte ranges of the all-caps lines of `text`.
pub fn caps_lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        if is_caps_line(line) {
            out.push(start..start + line.len());
        }
        start += line.len() + 1;
    }
    out
}

/// A copy of `text` with the `lines` (from [`caps_lines`]) title-cased; the
/// same length, byte for byte.
pub fn cased_copy(text: &str, lines: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for line in lines {
        let (Some(before), Some(caps)) = (text.get(at..line.start), text.get(line.clone())) else {
            continue;
        };
        out.push_str(before);
        out.push_str(&title_case(caps));
        at = line.end;
    }
    out.push_str(text.get(at..).unwrap_or(""));
    out
}

/// The conventional written form of a name met in capitals: each letter
/// after a non-letter upper case, the others lower case (`VOLCKER` ->
/// `Volcker`, `O'NEILL` -> `O'Neill`, `JEAN-PIERRE` -> `Jean-Pierre`).
pub fn name_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut after_letter = false;
    for c in text.chars() {
        if c.is_alphabetic() {
            if after_letter {
                out.extend(c.to_lowercase());
            } else {
                out.extend(c.to_uppercase());
            }
            after_letter = true;
        } else {
            out.push(c);
            after_letter = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case_keeps_lengths() {
        for (caps, want) in [
            ("SOCCER - JAPAN GET A WIN", "Soccer - Japan Get a Win"),
            (
                "VOLCKER SAYS FED POLICY NOT RESPONSIBLE",
                "Volcker Says Fed Policy Not Responsible",
            ),
            ("U.S. TRADE DEFICIT WIDENS", "U.s. Trade Deficit Widens"),
        ] {
            let got = title_case(caps);
            assert_eq!(got, want);
            assert_eq!(got.len(), caps.len());
        }
    }

    #[test]
    fn caps_lines_and_copies() {
        let text = "LONDON 1996-12-06\nVOLCKER SAYS FED IS FINE\nMixed Case Line Here\nÉTÉ À PARIS CETTE ANNÉE\n\nBANK OF JAPAN MEETS";
        let lines = caps_lines(text);
        let got: Vec<&str> = lines.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(got, ["VOLCKER SAYS FED IS FINE", "BANK OF JAPAN MEETS"]);
        let copy = cased_copy(text, &lines);
        assert_eq!(copy.len(), text.len());
        assert!(copy.contains("\nVolcker Says Fed Is Fine\n"), "{copy}");
        assert!(copy.starts_with("LONDON 1996-12-06\n"));
        assert!(copy.ends_with("Bank of Japan Meets"));
        assert_eq!(cased_copy("", &[]), "");
    }

    #[test]
    fn names_in_capitals() {
        for (caps, want) in [
            ("VOLCKER", "Volcker"),
            ("O'NEILL", "O'Neill"),
            ("JEAN-PIERRE RAFFARIN", "Jean-Pierre Raffarin"),
            ("J.P. MORGAN", "J.P. Morgan"),
        ] {
            assert_eq!(name_case(caps), want);
        }
    }
}
