//! Removal of scraped noise from an article's paragraphs.
//!
//! Articles saved from web pages carry text that is not part of the story:
//! photo captions and credits, headlines of related articles standing alone
//! between paragraphs, "Advertisement" labels, newsletter and social-media
//! prompts, and trailers ("Read More", "Leave a Reply", "Related articles",
//! ...) followed by whatever the page had below the story.
//!
//! [`clean_paragraphs`] drops such paragraphs. Every rule looks at the shape of
//! a paragraph and of its neighbours, never at a particular site, and each is
//! written to keep a real paragraph when in doubt: short subheadings, list
//! items, fixtures, scores and sentences that merely lack a final full stop
//! stay in the body. The same function serves plain-text files and paragraphs
//! extracted from HTML.
//!
//! Uses `ascii` only.

use crate::ascii::{find_ignore_ascii_case, to_ascii_lowercase_in};

/// Why [`classify`] drops a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Rule {
    /// Empty or only whitespace.
    Empty,
    /// The same text as the title.
    DuplicateTitle,
    /// An "Advertisement" label.
    Advertisement,
    /// A photo caption or credit.
    Caption,
    /// A newsletter, social-media, copyright or "Read more:" line.
    Prompt,
    /// A trailer marker such as "Read More" or "Related articles".
    TrailerMarker,
    /// Anything after a trailer marker in the last part of the article.
    AfterTrailer,
    /// The headline of a related article standing between two paragraphs.
    RelatedHeadline,
}

/// Removes scraped noise from the paragraphs of the article titled `title`.
///
/// Paragraphs are trimmed; empty ones, copies of the title, advertisement
/// labels, photo captions and credits, newsletter/social/copyright prompts,
/// related-article headlines standing alone between two paragraphs of prose,
/// and trailers ("Read More", "Leave a Reply", "Related articles", "Share
/// this", ... together with everything after them when they come in the last
/// part of the article) are dropped. The order of the rest is kept.
pub fn clean_paragraphs(title: &str, paragraphs: Vec<String>) -> Vec<String> {
    let verdicts = classify(title, &paragraphs);
    paragraphs
        .into_iter()
        .zip(verdicts)
        .filter(|(_, verdict)| verdict.is_none())
        .map(|(paragraph, _)| paragraph.trim().to_string())
        .collect()
}

/// The rule that drops each paragraph, or `None` for paragraphs to keep.
pub(crate) fn classify(title: &str, paragraphs: &[String]) -> Vec<Option<Rule>> {
    let title = collapse_whitespace(title);
    let mut verdicts: Vec<Option<Rule>> = paragraphs
        .iter()
        .map(|p| single_rule(&title, p.trim()))
        .collect();
    cut_trailer(paragraphs, &mut verdicts);
    mark_related_headlines(paragraphs, &mut verdicts);
    verdicts
}

/// The rules that need only the paragraph itself.
fn single_rule(title: &str, p: &str) -> Option<Rule> {
    let words = p.split_whitespace().count();
    // The label rules read only the letters of a short paragraph.
    let letters = if words <= LABEL_MAX_WORDS || p.len() <= PROMPT_LABEL_MAX_BYTES {
        letters_only(p)
    } else {
        String::new()
    };
    if p.is_empty() {
        Some(Rule::Empty)
    } else if !title.is_empty() && collapses_to(p, title) {
        Some(Rule::DuplicateTitle)
    } else if is_advertisement(&letters, words) {
        Some(Rule::Advertisement)
    } else if is_trailer_marker(&letters, words) {
        Some(Rule::TrailerMarker)
    } else if is_caption(p, words) {
        Some(Rule::Caption)
    } else if is_prompt(p, &letters, words) {
        Some(Rule::Prompt)
    } else {
        None
    }
}

/// Drops everything after the first trailer marker that comes in the last
/// part of the article: where the text kept before it is at least as long as
/// the text from the marker to the end. An earlier marker (an inline
/// "Related" box) only loses its own line.
fn cut_trailer(paragraphs: &[String], verdicts: &mut [Option<Rule>]) {
    let lengths: Vec<usize> = paragraphs
        .iter()
        .map(|p| p.trim().chars().count())
        .collect();
    let total: usize = lengths.iter().sum();
    let mut kept_before = 0;
    let mut seen = 0;
    for i in 0..paragraphs.len() {
        if verdicts[i] == Some(Rule::TrailerMarker) && kept_before >= total - seen {
            for verdict in &mut verdicts[i + 1..] {
                if verdict.is_none() {
                    *verdict = Some(Rule::AfterTrailer);
                }
            }
            return;
        }
        if verdicts[i].is_none() {
            kept_before += lengths[i];
        }
        seen += lengths[i];
    }
}

/// Marks related-article headlines: headline-shaped paragraphs whose kept
/// neighbours on both sides are sentences of prose.
fn mark_related_headlines(paragraphs: &[String], verdicts: &mut [Option<Rule>]) {
    let kept: Vec<usize> = (0..paragraphs.len())
        .filter(|&i| verdicts[i].is_none())
        .collect();
    for window in kept.windows(3) {
        let [before, candidate, after] = [window[0], window[1], window[2]];
        if looks_like_headline(paragraphs[candidate].trim())
            && is_prose(paragraphs[before].trim())
            && is_prose(paragraphs[after].trim())
        {
            verdicts[candidate] = Some(Rule::RelatedHeadline);
        }
    }
}

/// Fewest words of a related headline: shorter lines are more often
/// subheadings, labels, scores or venues than links.
const HEADLINE_MIN_WORDS: usize = 6;
/// Most words of a related headline.
const HEADLINE_MAX_WORDS: usize = 15;
/// Most characters of a related headline.
const HEADLINE_MAX_CHARS: usize = 110;
/// Fewest words of a paragraph counted as prose around a headline.
const PROSE_MIN_WORDS: usize = 8;

/// Whether `p` has the shape of a headline: one short line, capitalised, in
/// mixed case, with no closing sentence punctuation and not a list item.
pub(crate) fn looks_like_headline(p: &str) -> bool {
    let words = p.split_whitespace().count();
    if !(HEADLINE_MIN_WORDS..=HEADLINE_MAX_WORDS).contains(&words)
        || p.chars().count() >= HEADLINE_MAX_CHARS
        || is_list_item(p)
        || ends_like_sentence(p)
        || has_sentence_break(p)
        || is_reported_speech(p)
    {
        return false;
    }
    let last_word = p
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .to_lowercase();
    // A line ending in "as" or "the" is a sentence cut short, and an
    // all-capitals line is a section heading, not a link.
    starts_capitalised(p)
        && !DANGLING_WORDS.contains(&last_word.as_str())
        && p.chars().any(char::is_lowercase)
}

/// Words that do not end a headline.
const DANGLING_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "as", "of", "that", "which", "whose", "with", "his",
    "her", "their", "its",
];

/// Whether the first letter or digit of `p` is a capital or a digit, with
/// only opening quotes or brackets before it.
fn starts_capitalised(p: &str) -> bool {
    let Some((at, first)) = p.char_indices().find(|(_, c)| c.is_alphanumeric()) else {
        return false;
    };
    (first.is_uppercase() || first.is_ascii_digit())
        && p[..at].chars().all(|c| "‘“\"'«([".contains(c))
}

/// Whether `p` reads as complete sentences of running text: capitalised at
/// the start, closed at the end, not a fragment continuing another paragraph.
pub(crate) fn is_prose(p: &str) -> bool {
    p.split_whitespace().count() >= PROSE_MIN_WORDS
        && starts_capitalised(p)
        && matches!(
            strip_closers(p).chars().next_back(),
            Some('.' | '!' | '?' | '…')
        )
}

/// Whether `p` ends with closing punctuation: `. ! ? : ; , …`, a closing
/// bracket, a dash, or a closing quote that follows such punctuation.
/// A quote closing a quoted phrase (‘non-market practices’) does not count.
fn ends_like_sentence(p: &str) -> bool {
    let Some(last) = p.chars().next_back() else {
        return false;
    };
    if is_closing_quote(last) {
        let inner = p.trim_end_matches(is_closing_quote);
        return matches!(
            inner.chars().next_back(),
            Some('.' | '!' | '?' | '…' | ',' | ';' | ':')
        );
    }
    matches!(
        last,
        '.' | '!' | '?' | '…' | ':' | ';' | ',' | ')' | ']' | '-' | '–' | '—'
    )
}

/// Whether `p` has a sentence end followed by another sentence. A full stop
/// after an initial ("J. Roe") is not a sentence end.
fn has_sentence_break(p: &str) -> bool {
    // A window over the characters: two before the candidate end, the
    // candidate, and two after (`None` before the start).
    let mut before: [Option<char>; 2] = [None, None];
    let mut chars = p.chars();
    let (Some(mut at), Some(mut next)) = (chars.next(), chars.next()) else {
        return false;
    };
    for after in chars {
        let initial = at == '.'
            && before[1].is_some_and(char::is_uppercase)
            && before[0].is_none_or(|c| !c.is_alphanumeric());
        if matches!(at, '.' | '!' | '?')
            && !initial
            && next == ' '
            && (after.is_uppercase() || "“\"‘".contains(after))
        {
            return true;
        }
        before = [before[1], Some(at)];
        (at, next) = (next, after);
    }
    false
}

/// Whether `p` quotes speech the way prose does, with the comma inside the
/// closing quote (“We will win,” she said).
fn is_reported_speech(p: &str) -> bool {
    [",”", ",\"", ",’", ",'"].iter().any(|q| p.contains(q))
}

/// `p` without closing quotes and brackets at its end.
fn strip_closers(p: &str) -> &str {
    p.trim_end_matches(|c: char| is_closing_quote(c) || matches!(c, ')' | ']'))
}

fn is_closing_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»')
}

/// Whether `p` starts like an item of a bulleted or numbered list.
pub(crate) fn is_list_item(p: &str) -> bool {
    let p = p.trim_start();
    if ["- ", "* ", "• ", "– ", "— ", "· ", "> "]
        .iter()
        .any(|b| p.starts_with(b))
    {
        return true;
    }
    let digits = p.chars().take_while(char::is_ascii_digit).count();
    (1..=3).contains(&digits) && (p[digits..].starts_with(". ") || p[digits..].starts_with(") "))
}

/// Lowercase letters and single spaces only: "Share this: »" -> "share this"
/// (each run of other characters is one space, none at the ends).
fn letters_only(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    let mut gap = false;
    for c in p.chars() {
        if c.is_alphabetic() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c.to_lowercase().next().unwrap_or(c));
        } else {
            gap = true;
        }
    }
    out
}

fn collapse_whitespace(p: &str) -> String {
    p.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `p` with its white space collapsed ([`collapse_whitespace`]) is
/// `target`, without building it.
fn collapses_to(p: &str, target: &str) -> bool {
    // Collapsing only shortens.
    if p.len() < target.len() {
        return false;
    }
    let mut rest = target;
    for (i, word) in p.split_whitespace().enumerate() {
        if i > 0 {
            match rest.strip_prefix(' ') {
                Some(r) => rest = r,
                None => return false,
            }
        }
        match rest.strip_prefix(word) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
}

/// Most words of a label paragraph (advertisement, trailer marker).
const LABEL_MAX_WORDS: usize = 6;
/// Most bytes of a one-word prompt label ("Subscribe").
const PROMPT_LABEL_MAX_BYTES: usize = 32;

/// "Advertisement" labels, alone or in a short line ("Story continues below
/// advertisement").
fn is_advertisement(letters: &str, words: usize) -> bool {
    if words > LABEL_MAX_WORDS {
        return false;
    }
    letters == "ad"
        || letters == "ads"
        || letters.split(' ').any(|w| w == "advertisement")
        || letters == "sponsored"
        || letters == "sponsored content"
}

/// Labels that start the trailer of a web page.
const TRAILER_MARKERS: &[&str] = &[
    "read more",
    "read more stories",
    "read next",
    "leave a reply",
    "leave a reply cancel reply",
    "leave a comment",
    "post a comment",
    "comments",
    "join the conversation",
    "share this",
    "share this article",
    "share this story",
    "share this post",
    "share this page",
    "share article",
    "share",
    "related",
    "related articles",
    "related stories",
    "related posts",
    "related news",
    "related content",
    "related coverage",
    "related topics",
    "related links",
    "more on this story",
    "more stories",
    "more from this author",
    "you may also like",
    "you might also like",
    "recommended",
    "recommended for you",
    "recommended stories",
    "most read",
    "most popular",
    "further reading",
    "what to read next",
    "about the author",
    "tags",
];

/// A trailer label alone on its line ("Read More", "Related articles:",
/// "Comments (12)", "Share this »").
fn is_trailer_marker(letters: &str, words: usize) -> bool {
    words <= LABEL_MAX_WORDS && TRAILER_MARKERS.contains(&letters)
}

/// Starts of prompt lines, matched on lowercase text.
const PROMPT_PREFIXES: &[&str] = &[
    "sign up for ",
    "sign up to ",
    "sign up now",
    "subscribe to ",
    "subscribe for ",
    "subscribe now",
    "click here",
    "follow us on ",
    "like us on facebook",
    "read more:",
    "read more about ",
    "read more on ",
    "read also:",
    "also read:",
    "see also:",
    "related:",
    "©",
    "copyright ©",
    "copyright (c)",
];

/// Starts a copyright line when a year follows ("Copyright 2019 ...").
const COPYRIGHT: &str = "copyright ";

/// Newsletter, subscription, social-media, "Read more: ..." and copyright
/// lines. Only short lines qualify: a prompt is never a long paragraph.
fn is_prompt(p: &str, letters: &str, words: usize) -> bool {
    if words > 25 {
        return false;
    }
    if p.len() <= PROMPT_LABEL_MAX_BYTES
        && matches!(letters, "subscribe" | "sign up" | "continue reading")
    {
        return true;
    }
    // "Continue reading the main story", "Continue reading below": a jump
    // link over a box inside the story, a label of at most a few words
    // (`letters` is empty for longer lines).
    if words <= LABEL_MAX_WORDS && letters.starts_with("continue reading ") {
        return true;
    }
    // The rules of the head below need it to start as a prefix does.
    let first = p
        .chars()
        .next()
        .map(|c| c.to_lowercase().next().unwrap_or(c));
    let may_start = |first: char| {
        PROMPT_PREFIXES
            .iter()
            .chain(&[COPYRIGHT])
            .any(|prefix| prefix.starts_with(first))
    };
    if !first.is_some_and(may_start) {
        return find_ignore_ascii_case(p, "all rights reserved").is_some();
    }
    // Every prefix is shorter than this; lowercasing only the head keeps the
    // check cheap on the many short lines of wire copy.
    const HEAD_CHARS: usize = 24;
    let mut buf = [0u8; HEAD_CHARS];
    let n = p.len().min(HEAD_CHARS);
    let head: std::borrow::Cow<str> = if p.as_bytes()[..n].is_ascii() {
        // An ASCII head (its bytes are its characters) lowercased in place.
        to_ascii_lowercase_in(&p[..n], &mut buf)
            .unwrap_or_default()
            .into()
    } else {
        p.chars()
            .take(HEAD_CHARS)
            .flat_map(char::to_lowercase)
            .collect::<String>()
            .into()
    };
    PROMPT_PREFIXES
        .iter()
        .any(|prefix| head.starts_with(prefix))
        || find_ignore_ascii_case(p, "all rights reserved").is_some()
        || (head.starts_with(COPYRIGHT)
            && head[COPYRIGHT.len()..].starts_with(|c: char| c.is_ascii_digit()))
}

/// Caption markers followed by the credit: "Photo: Xinhua via EPA-EFE".
const CREDIT_PREFIXES: &[&str] = &[
    "Photo:",
    "Photos:",
    "Photograph:",
    "Photographs:",
    "Photo credit:",
    "Image:",
    "Images:",
    "Image credit:",
    "Image source:",
    "Picture:",
    "Pictures:",
    "Picture credit:",
    "Credit:",
    "Illustration:",
    "Photo by ",
    "Photograph by ",
    "Picture by ",
    "Image by ",
];

/// Words that name a photo agency or mark a credit after `/`, `|` or `via`.
const CREDIT_WORDS: &[&str] = &[
    "AP",
    "AFP",
    "Reuters",
    "Getty",
    "EPA",
    "EPA-EFE",
    "EFE",
    "Xinhua",
    "Bloomberg",
    "Shutterstock",
    "Alamy",
    "PA",
    "Handout",
    "Photo",
    "Photograph",
    "Images",
];

/// Most words in the credit part of a caption.
const CREDIT_MAX_WORDS: usize = 10;
/// Most words in a whole caption.
const CAPTION_MAX_WORDS: usize = 80;
/// Most bytes in a whole caption (bounds the work on pathological input).
const CAPTION_MAX_BYTES: usize = 800;

/// Photo captions and credits: a short paragraph that ends with a credit
/// ("... on Thursday. Photo: Xinhua via EPA-EFE", "(Photo by J Doe/Getty
/// Images)", "... | AP") or is only one ("Photo: AFP").
fn is_caption(p: &str, words: usize) -> bool {
    if p.len() > CAPTION_MAX_BYTES || words > CAPTION_MAX_WORDS {
        return false;
    }
    credit_after_prefix(p) || credit_after_separator(p)
}

/// Whether the text after a credit prefix of `p` is a short credit.
fn credit_after_prefix(p: &str) -> bool {
    // Every prefix has a colon or ends in " by ", and names one of the
    // words below: cheap tests first.
    if !p.contains(':') && !p.contains(" by ") {
        return false;
    }
    let named = ["photo", "image", "picture", "credit", "illustration"]
        .iter()
        .any(|word| find_ignore_ascii_case(p, word).is_some());
    if !named {
        return false;
    }
    CREDIT_PREFIXES.iter().any(|prefix| {
        let lower = prefix.to_lowercase();
        // Capitalised, the marker starts the paragraph or follows a space or
        // a bar; in brackets it may also be lowercase: "(photo: ...)".
        let capitalised = p.match_indices(prefix).any(|(at, _)| {
            p[..at]
                .chars()
                .next_back()
                .is_none_or(|c| c.is_whitespace() || matches!(c, '|' | '(' | '['))
                && is_short_credit(&p[at + prefix.len()..])
        });
        capitalised
            || p.match_indices(&lower).any(|(at, _)| {
                matches!(p[..at].chars().next_back(), Some('(' | '['))
                    && is_short_credit(&p[at + lower.len()..])
            })
    })
}

/// Whether the tail after a `/`, `|`, `via` or `©` separator is a credit
/// naming an agency ("Jane Doe/Getty Images", "| AP Photo/John Roe").
fn credit_after_separator(p: &str) -> bool {
    if matches!(p.chars().next_back(), Some('.' | '!' | '?'))
        || !(p.contains(['/', '|', '©']) || p.contains(" via "))
    {
        return false;
    }
    let separators = ["/", "|", " via ", "©"];
    separators.iter().any(|sep| {
        p.match_indices(sep).any(|(at, _)| {
            let tail = &p[at + sep.len()..];
            is_short_credit(tail)
                && tail
                    .split(|c: char| c.is_whitespace() || "/|()".contains(c))
                    .any(|w| CREDIT_WORDS.contains(&w))
        })
    })
}

/// Whether `tail` is short enough and plain enough to be a credit.
fn is_short_credit(tail: &str) -> bool {
    let tail = tail.trim().trim_end_matches([')', ']', '.']).trim_end();
    let words = tail.split_whitespace().count();
    words <= CREDIT_MAX_WORDS
        && tail.chars().count() <= 80
        && !has_sentence_break(tail)
        && !tail.contains(['!', '?', ';'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    const P1: &str = "The council approved the new budget on Monday after a long debate.";
    const P2: &str = "Opposition members said the plan would raise local taxes next year.";
    const P3: &str = "The mayor said the vote showed that the city was ready for change.";
    const P4: &str = "A final reading of the bill is expected before the end of the month.";

    #[test]
    fn rules_on_single_paragraphs() {
        // (paragraph, expected rule)
        let cases: &[(&str, Option<Rule>)] = &[
            ("   ", Some(Rule::Empty)),
            ("Advertisement", Some(Rule::Advertisement)),
            ("ADVERTISEMENT", Some(Rule::Advertisement)),
            ("- Advertisement -", Some(Rule::Advertisement)),
            (
                "Story continues below advertisement",
                Some(Rule::Advertisement),
            ),
            ("Read More", Some(Rule::TrailerMarker)),
            ("Read more »", Some(Rule::TrailerMarker)),
            ("Leave a Reply", Some(Rule::TrailerMarker)),
            ("Related articles:", Some(Rule::TrailerMarker)),
            ("Share this", Some(Rule::TrailerMarker)),
            ("Comments (12)", Some(Rule::TrailerMarker)),
            (
                "Crowds wait at the station on Friday. Photo: Jane Roe via EPA-EFE",
                Some(Rule::Caption),
            ),
            ("Photo: AFP", Some(Rule::Caption)),
            (
                "The minister speaks in parliament (Photo by John Roe/Getty Images)",
                Some(Rule::Caption),
            ),
            (
                "Fans celebrate outside the stadium | AP",
                Some(Rule::Caption),
            ),
            (
                "Rescue teams search the rubble. | AP Photo/Jane Roe",
                Some(Rule::Caption),
            ),
            ("The harbour at dawn. Credit: Jane Roe", Some(Rule::Caption)),
            ("Sign up for our morning newsletter", Some(Rule::Prompt)),
            ("Click here to read the full report", Some(Rule::Prompt)),
            ("Follow us on Twitter and Facebook", Some(Rule::Prompt)),
            ("© 2024 Example Media Ltd", Some(Rule::Prompt)),
            (
                "Copyright 2023 Example News. All rights reserved.",
                Some(Rule::Prompt),
            ),
            ("Read more: Council approves budget", Some(Rule::Prompt)),
            ("Subscribe", Some(Rule::Prompt)),
            ("Continue reading the main story", Some(Rule::Prompt)),
            ("Continue reading below", Some(Rule::Prompt)),
            // A sentence that starts with the words is longer than a label.
            (
                "Continue reading the report and you will find the figures were revised twice.",
                None,
            ),
            // Real paragraphs that merely mention the words.
            (P1, None),
            (
                "The advertisement campaign cost the firm more than it earned that year.",
                None,
            ),
            (
                "A photo: that is all the family has left of the house, she said.",
                None,
            ),
            (
                "Shares rose 5% in New York, according to data compiled by Reuters.",
                None,
            ),
            ("The speed limit is 30 km/h in the old town.", None),
            ("Related", Some(Rule::TrailerMarker)),
            ("Photo: J. Scott Roe/AP", Some(Rule::Caption)),
            ("Image: Getty Images", Some(Rule::Caption)),
            (
                "Firefighters at the scene (photo: Jane Roe)",
                Some(Rule::Caption),
            ),
            // A long sentence that starts like a prompt is kept.
            (
                "Sign up for the scheme has been slow, the minister admitted, with fewer than a \
                 thousand households registering in the first three months of the programme.",
                None,
            ),
            // A credit-like tail after a full sentence that goes on is not a caption.
            (
                "The agency said: Photo: that was the word used. The rest was removed later on.",
                None,
            ),
        ];
        for (paragraph, expected) in cases {
            assert_eq!(
                single_rule("Some title", paragraph.trim()),
                *expected,
                "paragraph {paragraph:?}"
            );
        }
    }

    #[test]
    fn table_of_paragraph_lists() {
        // (name, input paragraphs, expected kept paragraphs)
        let cases: &[(&str, Vec<&str>, Vec<&str>)] = &[
            (
                "related headline between prose",
                vec![
                    P1,
                    "Council tax rise approved despite opposition protests",
                    P2,
                ],
                vec![P1, P2],
            ),
            (
                "related headline ending in a quoted phrase",
                vec![P1, "City budget: Mayor hits out at ‘reckless spending’", P2],
                vec![P1, P2],
            ),
            (
                "first paragraph is never a related headline",
                vec![
                    "Council tax rise approved despite opposition protests",
                    P1,
                    P2,
                ],
                vec![
                    "Council tax rise approved despite opposition protests",
                    P1,
                    P2,
                ],
            ),
            (
                "quote ending in punctuation then quote mark is a sentence",
                vec![P1, "“We will not give up on this plan,” she said", P2],
                vec![P1, "“We will not give up on this plan,” she said", P2],
            ),
            (
                "short subheading is kept",
                vec![P1, "Tax rises", P2],
                vec![P1, "Tax rises", P2],
            ),
            (
                "all-caps heading is kept",
                vec![P1, "THE COUNCIL BUDGET VOTE AND WHAT COMES NEXT", P2],
                vec![P1, "THE COUNCIL BUDGET VOTE AND WHAT COMES NEXT", P2],
            ),
            (
                "list items are kept",
                vec![
                    P1,
                    "- Increased spending on schools and roads in the north",
                    "- A new tax on large vehicles entering the city centre",
                    P2,
                ],
                vec![
                    P1,
                    "- Increased spending on schools and roads in the north",
                    "- A new tax on large vehicles entering the city centre",
                    P2,
                ],
            ),
            (
                "consecutive short lines (fixtures) are kept",
                vec![
                    P1,
                    "Northtown Rovers v Southport City or Eastfield",
                    "Westham Wanderers v Highbury Athletic or Lowfield",
                    P2,
                ],
                vec![
                    P1,
                    "Northtown Rovers v Southport City or Eastfield",
                    "Westham Wanderers v Highbury Athletic or Lowfield",
                    P2,
                ],
            ),
            (
                "mid-sentence fragment is kept",
                vec!["The mayor said the plan was", "not", P1],
                vec!["The mayor said the plan was", "not", P1],
            ),
            (
                "trailer cuts the rest",
                vec![
                    P1,
                    P2,
                    P3,
                    "Read More",
                    "Council vote delayed again",
                    "Leave a Reply",
                ],
                vec![P1, P2, P3],
            ),
            (
                "early marker drops only itself",
                vec![P1, "Related", P2, P3, P4],
                vec![P1, P2, P3, P4],
            ),
            (
                "advertisement anywhere",
                vec![P1, "Advertisement", P2],
                vec![P1, P2],
            ),
            (
                "duplicate title",
                vec!["Council  approves budget", P1],
                vec![P1],
            ),
            (
                "caption between paragraphs",
                vec![P1, "The town hall on Monday. Photo: Jane Roe", P2],
                vec![P1, P2],
            ),
            (
                "paragraphs are trimmed and empties dropped",
                vec!["  ", P1, "\t"],
                vec![P1],
            ),
        ];
        for (name, input, expected) in cases {
            let got = clean_paragraphs("Council approves budget", strings(input));
            assert_eq!(got, strings(expected), "case {name}");
        }
    }

    #[test]
    fn pathological_paragraphs_are_handled_quickly() {
        let slashes = "/".repeat(200_000);
        let words = "Photo: ".repeat(50_000);
        let got = clean_paragraphs(
            "t",
            vec![P1.to_string(), slashes.clone(), words, P2.to_string()],
        );
        assert_eq!(got.len(), 4);
        assert_eq!(got[1], slashes);
    }

    #[test]
    fn list_items() {
        assert!(is_list_item("- one"));
        assert!(is_list_item("  * two"));
        assert!(is_list_item("12. twelve"));
        assert!(is_list_item("3) three"));
        assert!(!is_list_item("2004: a year"));
        assert!(!is_list_item("-5 degrees"));
    }

    /// The first versions of the paragraph helpers, which built vectors and
    /// strings: the faster ones must agree with them.
    mod reference {
        pub(super) fn letters_only(p: &str) -> String {
            let letters: String = p
                .chars()
                .map(|c| {
                    if c.is_alphabetic() {
                        c.to_lowercase().next().unwrap_or(c)
                    } else {
                        ' '
                    }
                })
                .collect();
            super::collapse_whitespace(&letters)
        }

        pub(super) fn has_sentence_break(p: &str) -> bool {
            let chars: Vec<char> = p.chars().collect();
            (0..chars.len().saturating_sub(2)).any(|i| {
                let initial = chars[i] == '.'
                    && i >= 1
                    && chars[i - 1].is_uppercase()
                    && (i == 1 || !chars[i - 2].is_alphanumeric());
                matches!(chars[i], '.' | '!' | '?')
                    && !initial
                    && chars[i + 1] == ' '
                    && (chars[i + 2].is_uppercase() || "“\"‘".contains(chars[i + 2]))
            })
        }
    }

    #[test]
    fn credit_prefixes_pass_the_cheap_test_before_the_search() {
        // `credit_after_prefix` skips paragraphs with neither.
        for prefix in CREDIT_PREFIXES {
            assert!(prefix.contains(':') || prefix.ends_with(" by "), "{prefix}");
        }
    }

    #[test]
    fn helper_cases() {
        assert!(collapses_to(
            "  Council \n approves\tbudget ",
            "Council approves budget"
        ));
        assert!(!collapses_to(
            "Council approves budget now",
            "Council approves budget"
        ));
        assert!(!collapses_to(
            "Council approvesbudget",
            "Council approves budget"
        ));
        assert_eq!(
            letters_only(" Story: continues—below AD! "),
            "story continues below ad"
        );
        assert!(has_sentence_break("It rained. Then it stopped."));
        assert!(!has_sentence_break("J. Roe wrote it"));
        assert!(has_sentence_break("Why? “Because,” she said"));
    }

    proptest::proptest! {
        #[test]
        fn helpers_agree_with_their_first_versions(
            p in "[aAé. !?“\"1\n\t-]{0,24}",
            t in "[aA ]{0,8}",
        ) {
            proptest::prop_assert_eq!(collapses_to(&p, &t), collapse_whitespace(&p) == t);
            proptest::prop_assert_eq!(letters_only(&p), reference::letters_only(&p));
            proptest::prop_assert_eq!(has_sentence_break(&p), reference::has_sentence_break(&p));
        }
    }
}
