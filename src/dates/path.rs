//! Dates written in file paths: `2024-04-25-slug.txt`, `2024/04/25/story`.

use std::borrow::Cow;
use std::path::{Component, Path};

use chrono::NaiveDate;

use super::scan::{Tok, read_digits, tokenize};
use super::{in_range, month_number, ymd};

/// Finds the publication day written in a file path, if any.
///
/// Looks at the path's components, from the file name up, for a full date:
/// one component holding it (`2024-04-25-slug.txt`, `20240425_slug.txt`,
/// `2024_04_25`) or year, month and day folders (`2024/04/25/story.txt`,
/// `2024/04/25-slug.html`, `2024/apr/25/slug`). The year must have four
/// digits and the day must be plausible (1800-01-01 to tomorrow). Digit runs
/// inside ids (`000_12d0decf402e7c67.txt`, `199.txt`) and year/month folders
/// without a day give `None`.
pub(crate) fn date_from_path(path: &Path, today: NaiveDate) -> Option<NaiveDate> {
    let parts: Vec<Cow<'_, str>> = path
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy()),
            _ => None,
        })
        .collect();
    let last = parts.len().checked_sub(1)?;
    let plausible = |day: &NaiveDate| in_range(*day, today);
    for i in (0..=last).rev() {
        if let Some(day) = date_in_component(&parts[i]).filter(plausible) {
            return Some(day);
        }
        if i >= 2 {
            let found = date_in_folders(&parts[i - 2], &parts[i - 1], &parts[i], i == last);
            if let Some(day) = found.filter(plausible) {
                return Some(day);
            }
        }
    }
    None
}

/// A full date inside one path component: `2024-04-25-slug.txt`,
/// `2024_04_25`, `20240425_slug.txt`, `story-2024-04-25.html`. The date must
/// not be glued to letters or digits before it, nor to letters after it
/// (except an ISO `T`), so ids like `12d0decf402e7c67` never match.
fn date_in_component(part: &str) -> Option<NaiveDate> {
    let toks = tokenize(part);
    let free_before = |i: usize| i == 0 || !(toks[i - 1].is_word() || toks[i - 1].is_num());
    let free_after = |j: usize| match toks.get(j) {
        Some(t @ Tok::Word(_)) => {
            t.is_word_of(&["t"]) && toks.get(j + 1).is_some_and(|n| n.is_num())
        }
        _ => true,
    };
    for i in 0..toks.len() {
        if !free_before(i) {
            continue;
        }
        if let Tok::Num(digits) = toks[i]
            && digits.len() == 8
            && free_after(i + 1)
            && let Some(day) = read_digits(digits)
        {
            return Some(day);
        }
        if let Some(
            [
                y,
                Tok::Punct(sep @ ('-' | '_' | '.')),
                m,
                Tok::Punct(sep2),
                d,
            ],
        ) = toks.get(i..i + 5)
            && sep == sep2
            && free_after(i + 5)
            && let (Some(y), Some(m), Some(d)) = (y.num(4..=4), m.num(1..=2), d.num(1..=2))
            && let Some(day) = ymd(y, m, d)
        {
            return Some(day);
        }
    }
    None
}

/// A date spread over year, month and day folders: `2024/04/25/…`,
/// `2024/4/5/…`, `2024/apr/25/…`, `2024/04/25-slug.html`, `2024/04/25.html`.
/// A day in the file name itself (`is_file`) needs two digits, so
/// `2024/04/5.txt` (likely an id) is not a date.
fn date_in_folders(year: &str, month: &str, day: &str, is_file: bool) -> Option<NaiveDate> {
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if year.len() != 4 || !all_digits(year) {
        return None;
    }
    let month = if (1..=2).contains(&month.len()) && all_digits(month) {
        month.parse().ok()?
    } else {
        month_number(month)?
    };
    let digits = day.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &day[digits..];
    let shape_ok = if is_file {
        digits == 2
    } else {
        (1..=2).contains(&digits)
    };
    if !shape_ok || !(rest.is_empty() || rest.starts_with(['-', '_', '.'])) {
        return None;
    }
    ymd(year.parse().ok()?, month, day[..digits].parse().ok()?)
}
