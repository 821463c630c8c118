//! Tokenizer and sentence splitter for raw news text.
//!
//! Tokens keep byte offsets into the input. The rules follow the CoNLL-2003
//! conventions, so that text re-joined from CoNLL tokens tokenizes back into
//! the same tokens, while untokenized modern text is split the same way:
//!
//! * punctuation is split off words (`said,` -> `said` `,`), but kept inside
//!   them (`1,000`, `3.5`, `U.S.-China`, `all-rounder`, `O'Brien`);
//! * a final period stays on abbreviations (`Mr.`, `Gen.`, `Jan.`, `Inc.`),
//!   on initials (`W.`) and on dotted acronyms (`U.S.`, `a.m.`);
//! * quotes, straight and curly, and brackets are tokens of their own;
//! * em and en dashes (and `--`) are tokens even when glued to words;
//! * possessives and clitics are split: `Russia's` -> `Russia` `'s`,
//!   `don't` -> `do` `n't`, `Rebels'` -> `Rebels` `'`.

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::data;

/// One token: a byte range of the input text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Number of line breaks in the white space before the token.
    pub breaks: u16,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Lowercase words that keep their final period, and those after which a
/// capitalised word does not start a new sentence (titles, months), from
/// `data/words/`.
struct Abbreviations {
    all: FxHashSet<&'static str>,
    never_final: FxHashSet<&'static str>,
}

fn abbreviations() -> &'static Abbreviations {
    static LISTS: LazyLock<Abbreviations> = LazyLock::new(|| Abbreviations {
        all: data::entries(data::words::ABBREVIATIONS).collect(),
        never_final: data::entries(data::words::NEVER_FINAL).collect(),
    });
    &LISTS
}

/// Capitalised words that start a sentence after a dotted abbreviation
/// (`... in the U.S. The ...`).
const STARTERS: &[&str] = &[
    "the",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "but",
    "and",
    "in",
    "a",
    "an",
    "this",
    "that",
    "there",
    "his",
    "her",
    "its",
    "their",
    "on",
    "at",
    "for",
    "as",
    "if",
    "when",
    "while",
    "after",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "some",
    "many",
    "most",
    "however",
    "meanwhile",
    "yet",
    "so",
    "those",
    "these",
    "our",
    "no",
    "one",
    "last",
    "earlier",
    "since",
    "according",
];

fn is_open(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '"' | '\'' | '\u{201c}' | '\u{2018}' | '\u{00ab}' | '`' | '\u{201e}'
    )
}

fn is_close(c: char) -> bool {
    matches!(
        c,
        ')' | ']'
            | '}'
            | '"'
            | '\''
            | '\u{201d}'
            | '\u{2019}'
            | '\u{00bb}'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '\u{2026}'
            | '*'
    )
}

fn is_dash(c: char) -> bool {
    matches!(c, '\u{2014}' | '\u{2013}' | '\u{2015}' | '\u{2012}')
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Whether `word` (without its final period) keeps the period.
fn keeps_period(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    // Initials: `W.`, `J.`
    if chars.next().is_none() {
        return first.is_alphabetic();
    }
    // Dotted acronyms: `U.S`, `a.m`, `U.N`
    if word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.') {
        return true;
    }
    if word.len() > 7 {
        return false;
    }
    let mut buf = [0u8; 7];
    crate::ascii::to_ascii_lowercase_in(word, &mut buf)
        .is_some_and(|lower| abbreviations().all.contains(lower))
}

#[cfg(any(test, feature = "lab"))]
/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 4);
    tokenize_into(text, &mut tokens);
    tokens
}

/// Splits `text` into tokens, appending to `out` (cleared first).
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut breaks: u16 = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            if b == b'\n' {
                breaks = breaks.saturating_add(1);
            }
            i += 1;
            continue;
        }
        if b >= 0x80 {
            let c = text[i..].chars().next().unwrap_or(' ');
            if c.is_whitespace() {
                if c == '\u{2028}' || c == '\u{2029}' || c == '\u{85}' {
                    breaks = breaks.saturating_add(1);
                }
                i += c.len_utf8();
                continue;
            }
        }
        // A chunk of non-space characters.
        let start = i;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_whitespace() {
                break;
            }
            if b >= 0x80 {
                let c = text[i..].chars().next().unwrap_or(' ');
                if c.is_whitespace() {
                    break;
                }
                i += c.len_utf8();
            } else {
                i += 1;
            }
        }
        let first = out.len();
        split_dashes(text, start, i, out);
        if let Some(t) = out.get_mut(first) {
            t.breaks = breaks;
        }
        breaks = 0;
    }
}

/// Splits a chunk at dashes (em, en, `--`), which become tokens.
fn split_dashes(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let chunk = &text[start..end];
    let mut piece = start;
    let mut iter = chunk.char_indices().peekable();
    let mut last = ' ';
    while let Some((k, c)) = iter.next() {
        let at = start + k;
        let prev = std::mem::replace(&mut last, c);
        let dash_len = if is_dash(c) {
            c.len_utf8()
        } else if c == '/'
            && k > 0
            && iter
                .peek()
                .is_some_and(|&(_, n)| n.is_alphabetic() || prev.is_alphabetic())
        {
            1
        } else if c == '-' && iter.peek().is_some_and(|&(_, n)| n == '-') {
            let mut len = 1;
            while iter.peek().is_some_and(|&(_, n)| n == '-') {
                iter.next();
                len += 1;
            }
            len
        } else {
            continue;
        };
        if piece < at {
            split_word(text, piece, at, out);
        }
        out.push(Token {
            start: at,
            end: at + dash_len,
            breaks: 0,
        });
        piece = at + dash_len;
    }
    if piece < end {
        split_word(text, piece, end, out);
    }
}

/// Splits one dash-free chunk into leading punctuation, the core word(s) and
/// trailing punctuation.
fn split_word(text: &str, mut start: usize, mut end: usize, out: &mut Vec<Token>) {
    let push = |out: &mut Vec<Token>, s: usize, e: usize| {
        out.push(Token {
            start: s,
            end: e,
            breaks: 0,
        })
    };
    // Leading punctuation.
    loop {
        let word = &text[start..end];
        let mut chars = word.chars();
        let Some(c) = chars.next() else { return };
        if chars.as_str().is_empty() {
            push(out, start, end);
            return;
        }
        if is_apostrophe(c) && is_clitic(word) {
            push(out, start, end);
            return;
        }
        if is_open(c) || (is_close(c) && c != '\'' && c != '\u{2019}') {
            push(out, start, start + c.len_utf8());
            start += c.len_utf8();
            continue;
        }
        break;
    }
    // Trailing punctuation, collected from the end into `out` and moved
    // behind the core word(s) once those are pushed.
    let mark = out.len();
    let mut trailing = |s: usize, e: usize| push(out, s, e);
    loop {
        let word = &text[start..end];
        let Some(c) = word.chars().next_back() else {
            break;
        };
        if word.len() == c.len_utf8() {
            break;
        }
        if is_close(c) {
            // Keep the apostrophe of `'s`-less plural possessives as its own
            // token too: `Rebels'` -> `Rebels` `'`.
            trailing(end - c.len_utf8(), end);
            end -= c.len_utf8();
            continue;
        }
        if c == '.' {
            let stem = &word[..word.len() - 1];
            if stem.ends_with('.') {
                // A run of dots: an ellipsis token.
                let dots = word.len() - word.trim_end_matches('.').len();
                if dots == word.len() {
                    break;
                }
                trailing(end - dots, end);
                end -= dots;
                continue;
            }
            if keeps_period(stem) {
                break;
            }
            trailing(end - 1, end);
            end -= 1;
            continue;
        }
        break;
    }
    let n_trailing = out.len() - mark;
    if start < end {
        split_clitics(text, start, end, out);
    }
    // [trailing, last first; core] -> [core; trailing, in text order]
    out[mark..].rotate_left(n_trailing);
    let len = out.len();
    out[len - n_trailing..].reverse();
}

fn is_clitic(word: &str) -> bool {
    let rest = word
        .strip_prefix('\'')
        .or_else(|| word.strip_prefix('\u{2019}'));
    rest.is_some_and(|r| {
        ["s", "re", "ve", "ll", "d", "m"]
            .iter()
            .any(|c| r.eq_ignore_ascii_case(c))
    })
}

/// Splits possessives and clitics off a core word.
fn split_clitics(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let word = &text[start..end];
    let bytes = word.as_bytes();
    let n = bytes.len();
    // n't
    if n > 3 {
        if word.is_char_boundary(n - 3) && word[n - 3..].eq_ignore_ascii_case("n't") && n > 4 {
            out.push(Token {
                start,
                end: end - 3,
                breaks: 0,
            });
            out.push(Token {
                start: end - 3,
                end,
                breaks: 0,
            });
            return;
        }
        if n > 5 && word.is_char_boundary(n - 5) && word[n - 5..].eq_ignore_ascii_case("n\u{2019}t")
        {
            out.push(Token {
                start,
                end: end - 5,
                breaks: 0,
            });
            out.push(Token {
                start: end - 5,
                end,
                breaks: 0,
            });
            return;
        }
    }
    // 's 're 've 'll 'd 'm, straight or curly apostrophe.
    for (k, c) in word.char_indices().rev().take(4) {
        if k > 0 && is_apostrophe(c) && is_clitic(&word[k..]) {
            out.push(Token {
                start,
                end: start + k,
                breaks: 0,
            });
            out.push(Token {
                start: start + k,
                end,
                breaks: 0,
            });
            return;
        }
    }
    out.push(Token {
        start,
        end,
        breaks: 0,
    });
}

fn is_terminal(tok: &str) -> bool {
    matches!(tok, "." | "!" | "?" | "..." | "\u{2026}" | "?!" | "!?") || tok.ends_with("..")
}

fn closes(tok: &str) -> bool {
    matches!(
        tok,
        "\"" | "'" | "\u{201d}" | "\u{2019}" | ")" | "]" | "\u{00bb}"
    )
}

fn starts_sentence(tok: &str) -> bool {
    tok.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || is_open(c))
}

/// Splits tokens into sentences: at line breaks (unless the new line starts
/// lowercase and continues an unfinished sentence) and after sentence-final
/// punctuation followed by a capitalised word.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut begin = 0;
    // Index of the last terminal punctuation seen, if the tokens after it
    // were only closing quotes or brackets.
    let mut after_terminal = false;
    let mut prev_abbrev_final = false;
    for (i, tok) in tokens.iter().enumerate() {
        let t = tok.text(text);
        if i > begin {
            let first = t.chars().next().unwrap_or(' ');
            let split = if tok.breaks >= 2 {
                true
            } else if tok.breaks == 1 {
                !first.is_lowercase() || after_terminal
            } else if after_terminal {
                starts_sentence(t)
            } else if prev_abbrev_final {
                STARTERS.contains(&t.to_lowercase().as_str())
            } else {
                false
            };
            if split {
                out.push(begin..i);
                begin = i;
            }
        }
        if is_terminal(t) {
            after_terminal = true;
        } else if !(after_terminal && closes(t)) {
            after_terminal = false;
        }
        prev_abbrev_final = t.len() > 1 && t.ends_with('.') && !is_terminal(t) && {
            let stem = t.trim_end_matches('.').to_ascii_lowercase();
            !abbreviations().never_final.contains(stem.as_str()) && stem.chars().count() > 1
        };
    }
    if begin < tokens.len() {
        out.push(begin..tokens.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(
            toks("Mr. Smith met Gen. Lee in the U.S. on Jan. 5, said George W. Bush."),
            [
                "Mr.", "Smith", "met", "Gen.", "Lee", "in", "the", "U.S.", "on", "Jan.", "5", ",",
                "said", "George", "W.", "Bush", "."
            ]
        );
    }

    #[test]
    fn trailing_punctuation_keeps_text_order() {
        assert_eq!(
            toks("(Reuters).\" Acme Inc.), don't). Wait...\" Kyiv's)"),
            [
                "(", "Reuters", ")", ".", "\"", "Acme", "Inc.", ")", ",", "do", "n't", ")", ".",
                "Wait", "...", "\"", "Kyiv", "'s", ")"
            ]
        );
    }

    #[test]
    fn quotes_dashes_possessives() {
        assert_eq!(
            toks(
                "\u{201c}Yes,\u{201d} she said\u{2014}twice. Moscow\u{2019}s plan -- Kyiv's reply; the Rebels' win"
            ),
            [
                "\u{201c}",
                "Yes",
                ",",
                "\u{201d}",
                "she",
                "said",
                "\u{2014}",
                "twice",
                ".",
                "Moscow",
                "\u{2019}s",
                "plan",
                "--",
                "Kyiv",
                "'s",
                "reply",
                ";",
                "the",
                "Rebels",
                "'",
                "win"
            ]
        );
        assert_eq!(
            toks("\"I don't know,\" he said (quietly)."),
            [
                "\"", "I", "do", "n't", "know", ",", "\"", "he", "said", "(", "quietly", ")", "."
            ]
        );
    }

    #[test]
    fn hyphens_numbers_datelines() {
        assert_eq!(
            toks("AL-AIN , United Arab Emirates 1996-08-30"),
            ["AL-AIN", ",", "United", "Arab", "Emirates", "1996-08-30"]
        );
        assert_eq!(
            toks("BEIJING, April 25 (Reuters) - A well-known firm paid $1,000.50 today..."),
            [
                "BEIJING",
                ",",
                "April",
                "25",
                "(",
                "Reuters",
                ")",
                "-",
                "A",
                "well-known",
                "firm",
                "paid",
                "$1,000.50",
                "today",
                "..."
            ]
        );
    }

    #[test]
    fn offsets_are_bytes() {
        let text = "Caf\u{e9} \u{2013} Z\u{fc}rich";
        for t in tokenize(text) {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        }
        assert_eq!(toks(text), ["Caf\u{e9}", "\u{2013}", "Z\u{fc}rich"]);
        assert_eq!(
            toks("Photo: Ann Lee/AP on 9/6/17"),
            ["Photo", ":", "Ann", "Lee", "/", "AP", "on", "9/6/17"]
        );
    }

    #[test]
    fn sentence_split() {
        let text = "Mr. Brown arrived in the U.S. The talks began.\nNEW TALKS\nHe left. \u{201c}Fine.\u{201d} Then\ncontinued here.";
        let tokens = tokenize(text);
        let got: Vec<String> = sentences(text, &tokens)
            .into_iter()
            .map(|r| {
                r.map(|k| tokens[k].text(text))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        assert_eq!(
            got,
            [
                "Mr. Brown arrived in the U.S.",
                "The talks began .",
                "NEW TALKS",
                "He left .",
                "\u{201c} Fine . \u{201d}",
                "Then continued here ."
            ]
        );
    }
}
