//! Cross-archive name resolution: an article that names a person only by a
//! single word (`Blinken`) is counted and found with the full name the rest
//! of the archive uses (`Antony Blinken`), when the archive's own counts make
//! that unambiguous.
//!
//! Within one article the extractor already resolves a surname to the
//! fullest name in the same article; this covers articles that never give a
//! full name. The mapping is computed at query time from the person column,
//! so it always matches the index as it is now, however it was ingested.

use rustc_hash::FxHashMap as HashMap;

/// The share of the articles, among the full names ending in a word, that
/// the most common one must hold for the word alone to resolve to it: with
/// two common Bushes, `Bush` stays `Bush`.
const DOMINANT_SHARE: f64 = 0.8;

/// The fewest articles the full name must appear in.
const MIN_ARTICLES: u64 = 2;

/// Maps single-word person names (as stored) to the full name they resolve
/// to, given the number of articles of every person name in the archive.
///
/// A single word resolves to the most common full name whose last word it is
/// when that name is in at least two articles and holds at least 80% of the
/// articles of all full names ending in that word.
pub(crate) fn surname_resolution(counts: &[(String, u64)]) -> HashMap<String, String> {
    // Surnames are compared as written (`Bush` with `George W. Bush`); the
    // few single-word names are collected first so that the many full names
    // are only looked up, never copied.
    let singles: HashMap<&str, ()> = counts
        .iter()
        .filter(|(name, _)| !name.contains(char::is_whitespace))
        .map(|(name, _)| (name.as_str(), ()))
        .collect();
    let mut by_last: HashMap<&str, Vec<(&str, u64)>> = HashMap::default();
    for (name, articles) in counts {
        let mut words = name.split_whitespace();
        let (Some(_), Some(last)) = (words.next(), words.next_back()) else {
            continue;
        };
        if singles.contains_key(last) {
            by_last
                .entry(last)
                .or_default()
                .push((name.as_str(), *articles));
        }
    }
    let mut out = HashMap::default();
    for (single, fulls) in by_last {
        let total: u64 = fulls.iter().map(|(_, n)| n).sum();
        let Some(&(best, n)) = fulls
            .iter()
            .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))
        else {
            continue;
        };
        if n >= MIN_ARTICLES && n as f64 >= DOMINANT_SHARE * total as f64 {
            out.insert(single.to_string(), best.to_string());
        }
    }
    out
}

/// Folds the counts of resolved single words into their full names.
pub(crate) fn fold_counts(
    mut counts: Vec<(String, u64)>,
    resolution: &HashMap<String, String>,
) -> Vec<(String, u64)> {
    if resolution.is_empty() {
        return counts;
    }
    let mut moved: HashMap<String, u64> = HashMap::default();
    counts.retain(|(name, articles)| match resolution.get(name) {
        Some(full) => {
            *moved.entry(full.clone()).or_insert(0) += articles;
            false
        }
        None => true,
    });
    for (name, articles) in &mut counts {
        if let Some(more) = moved.remove(name.as_str()) {
            *articles += more;
        }
    }
    counts.extend(moved);
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(list: &[(&str, u64)]) -> Vec<(String, u64)> {
        list.iter().map(|(n, c)| (n.to_string(), *c)).collect()
    }

    #[test]
    fn a_surname_resolves_only_when_one_full_name_dominates() {
        let c = counts(&[
            ("Antony Blinken", 40),
            ("Blinken", 7),
            ("George W. Bush", 50),
            ("Jeb Bush", 30),
            ("Bush", 12),
            ("Jinping", 1),
            ("Merkel", 5),
            ("Angela Merkel", 1),
            ("Smith", 3),
            ("John Smith", 9),
            ("Ann Smith", 2),
        ]);
        let r = surname_resolution(&c);
        assert_eq!(r.get("Blinken").map(String::as_str), Some("Antony Blinken"));
        assert_eq!(r.get("Bush"), None, "two common Bushes");
        assert_eq!(
            r.get("Merkel"),
            None,
            "the full name is in one article only"
        );
        assert_eq!(r.get("Smith"), Some(&"John Smith".to_string()), "9 of 11");
        assert_eq!(r.len(), 2);
    }

    #[test]
    fn folding_adds_surname_articles_to_the_full_name() {
        let c = counts(&[("Antony Blinken", 40), ("Blinken", 7), ("Bush", 3)]);
        let r = surname_resolution(&c);
        let mut folded = fold_counts(c, &r);
        folded.sort();
        assert_eq!(folded, counts(&[("Antony Blinken", 47), ("Bush", 3)]),);
    }
}
