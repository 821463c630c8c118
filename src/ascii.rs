//! ASCII-case-insensitive search in text: a base layer that the parsers
//! (boilerplate rules, SGML tags) and the query stage (snippet selection)
//! both use.
//!
//! Depends on no other module of the crate.

/// Byte offset of the first `needle` in `haystack`, ignoring ASCII case
/// (`needle` is ASCII). Used by the parsers and by snippet selection.
pub(crate) fn find_ignore_ascii_case(haystack: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return Some(0);
    };
    if hay.len() < needle.len() {
        return None;
    }
    let last_start = hay.len() - needle.len();
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    // Jump between candidate first bytes (SIMD memchr), then compare.
    let mut from = 0;
    while from <= last_start {
        let at = from + memchr::memchr2(lower, upper, &hay[from..=last_start])?;
        if hay[at..at + needle.len()].eq_ignore_ascii_case(needle) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// `text` with its ASCII letters lowercased, written into `buf` (which
/// must be at least as long) without allocating; other bytes are kept, so
/// the result is `text.to_ascii_lowercase()`. `None` when `buf` is too
/// short.
pub(crate) fn to_ascii_lowercase_in<'a>(text: &str, buf: &'a mut [u8]) -> Option<&'a str> {
    let out = buf.get_mut(..text.len())?;
    out.copy_from_slice(text.as_bytes());
    out.make_ascii_lowercase();
    // Lowercasing ASCII bytes keeps UTF-8 valid.
    std::str::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_lowercase_on_the_stack() {
        let mut buf = [0u8; 8];
        assert_eq!(to_ascii_lowercase_in("Mr.", &mut buf), Some("mr."));
        assert_eq!(to_ascii_lowercase_in("ÉTé", &mut buf), Some("Été"));
        assert_eq!(to_ascii_lowercase_in("too long!", &mut buf), None);
    }

    #[test]
    fn case_insensitive_search() {
        let cases = [
            ("Read More here", "read more", Some(0)),
            ("see ALSO: x", "also", Some(4)),
            ("abc", "abcd", None),
            ("", "a", None),
            ("x", "", Some(0)),
            ("aAaB", "ab", Some(2)),
            ("héllo Wörld world", "world", Some(14)),
        ];
        for (hay, needle, want) in cases {
            assert_eq!(
                find_ignore_ascii_case(hay, needle),
                want,
                "{hay:?} {needle:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn case_insensitive_search_matches_the_naive_one(hay in "[aAbB ]{0,40}", needle in "[aAbB]{0,4}") {
            let naive = (0..=hay.len().saturating_sub(needle.len()))
                .find(|&at| hay.len() >= needle.len() && hay.as_bytes()[at..at + needle.len()].eq_ignore_ascii_case(needle.as_bytes()));
            proptest::prop_assert_eq!(find_ignore_ascii_case(&hay, &needle), naive);
        }
    }
}
