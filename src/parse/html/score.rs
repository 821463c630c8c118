//! The article-extraction benchmark's metric, for the scorer example and
//! the accuracy test: text is split into `\w+` tokens (Unicode letters,
//! digits, `_`), tokens form 4-token shingles (a text of fewer than 4 tokens
//! is one shorter shingle), and shingles are compared as multisets per page.
//! Per-page precision and recall are averaged over pages and F1 is taken of
//! the averages. A page with an empty prediction and a non-empty gold text
//! has recall 0 and is left out of the precision average, as in the
//! benchmark; [`metrics`] also gives a stricter precision that counts it as
//! 0.

use std::collections::HashMap;

/// The `\\w+` tokens of a text.
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let word = c.is_alphanumeric() || c == '_';
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// The 4-token shingles of a text, with their counts.
pub fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let toks = tokens(text);
    let mut map = HashMap::new();
    if toks.is_empty() {
        return map;
    }
    let n = toks.len().saturating_sub(3).max(1);
    for i in 0..n {
        let end = (i + 4).min(toks.len());
        *map.entry(toks[i..end].to_vec()).or_insert(0) += 1;
    }
    map
}

/// (tp, fp, fn) of one page.
pub fn match_page(gold: &str, pred: &str) -> (f64, f64, f64) {
    let g = shingles(gold);
    let p = shingles(pred);
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for (k, &gc) in &g {
        let pc = p.get(k).copied().unwrap_or(0);
        tp += gc.min(pc) as f64;
        fn_ += gc.saturating_sub(pc) as f64;
    }
    for (k, &pc) in &p {
        let gc = g.get(k).copied().unwrap_or(0);
        fp += pc.saturating_sub(gc) as f64;
    }
    (tp, fp, fn_)
}

/// Precision of one page's (tp, fp, fn).
pub fn precision(tp: f64, fp: f64, fn_: f64) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && fp == 0.0 {
        0.0
    } else {
        tp / (tp + fp)
    }
}

/// Recall of one page's (tp, fp, fn).
pub fn recall(tp: f64, fp: f64, fn_: f64) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && fn_ == 0.0 {
        0.0
    } else {
        tp / (tp + fn_)
    }
}

/// (P, R, F1, strict P) over pages' (tp, fp, fn).
pub fn metrics(pages: &[(f64, f64, f64)]) -> (f64, f64, f64, f64) {
    let ps: Vec<f64> = pages
        .iter()
        .filter(|(tp, fp, _)| tp + fp > 0.0)
        .map(|&(tp, fp, fn_)| precision(tp, fp, fn_))
        .collect();
    let strict: f64 = pages
        .iter()
        .map(|&(tp, fp, fn_)| precision(tp, fp, fn_))
        .sum::<f64>()
        / pages.len().max(1) as f64;
    let rs: Vec<f64> = pages
        .iter()
        .filter(|(tp, _, fn_)| tp + fn_ > 0.0)
        .map(|&(tp, fp, fn_)| recall(tp, fp, fn_))
        .collect();
    let p = ps.iter().sum::<f64>() / ps.len().max(1) as f64;
    let r = rs.iter().sum::<f64>() / rs.len().max(1) as f64;
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f1, strict)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingle_scores() {
        assert_eq!(
            tokens("It's a dog-eat-dog world."),
            vec!["It", "s", "a", "dog", "eat", "dog", "world"]
        );
        let (tp, fp, fn_) = match_page("one two three four five", "one two three four");
        assert_eq!((tp, fp, fn_), (1.0, 0.0, 1.0));
        let (p, r, f, strict) = metrics(&[(1.0, 0.0, 1.0), (0.0, 0.0, 3.0)]);
        assert_eq!(p, 1.0, "an empty prediction is left out of precision");
        assert_eq!(strict, 0.5);
        assert!((r - 0.25).abs() < 1e-9);
        assert!((f - 0.4).abs() < 1e-9);
    }
}
