//! Wire-service datelines: `BEIJING, April 25 (Reuters) -`,
//! `WASHINGTON, Jan. 3 -`, `AL-AIN, United Arab Emirates, Aug 30 --`.
//!
//! A dateline names a month and day but rarely a year; the year comes from
//! the file's path or from the year the article itself writes most often.

use std::path::{Component, Path};

use chrono::{Datelike, NaiveDate};

use super::{in_range, month_number};

/// The longest dateline read, in bytes, up to its dash.
const MAX_DATELINE: usize = 100;

/// What the start of a first paragraph says, when it is a wire dateline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WireDate {
    /// A month and day without a year (`April 25`).
    MonthDay(u32, u32),
}

/// Reads the dateline at the start of `paragraph`: an uppercase place, a
/// comma, a month and day, an optional agency in brackets and a dash
/// (`-`, `--`, `–`, `—`). Returns `None` for anything else, including
/// datelines without a date (`WASHINGTON (AP) —`).
pub(crate) fn wire_dateline(paragraph: &str) -> Option<WireDate> {
    let head = &paragraph[..paragraph.floor_char_boundary(MAX_DATELINE + 4)];
    let dash = ["\u{2014}", "\u{2013}", " - ", " -- ", " -\u{a0}"]
        .iter()
        .filter_map(|sep| head.find(sep))
        .min()?;
    let before = head[..dash].trim_end();
    if before.len() > MAX_DATELINE {
        return None;
    }
    // Drop a trailing agency: "(Reuters)", "(AP)", "(AFP)".
    let before = match before.strip_suffix(')') {
        Some(open) => open[..open.rfind('(')?].trim_end(),
        None => before,
    };
    let (place, date) = before.rsplit_once(',')?;
    let place = place.trim();
    let first = place.chars().next()?;
    if !first.is_uppercase() || place.split_whitespace().count() > 8 {
        return None;
    }
    // The place's first word is written in capitals in a wire dateline.
    let place_word = place.split([' ', ',']).next().unwrap_or("");
    if place_word.chars().any(char::is_lowercase) {
        return None;
    }
    let mut words = date.split_whitespace();
    let (Some(month), Some(day), None) = (words.next(), words.next(), words.next()) else {
        return None;
    };
    let (month, day) = month_day(month, day)?;
    Some(WireDate::MonthDay(month, day))
}

/// A dateline's month and day from its two words (`April` `25`, `Jan.`
/// `3`): a month name or abbreviation, with or without its period, and a
/// day from 1 to 31.
pub(crate) fn month_day(month: &str, day: &str) -> Option<(u32, u32)> {
    let month = month_number(month.trim_end_matches('.'))?;
    let day: u32 = day.parse().ok().filter(|d| (1..=31).contains(d))?;
    Some((month, day))
}

/// The year a text writes most often as a four-digit number between 1900
/// and `today`'s year (ties: the latest), if any.
pub(crate) fn year_hint(text: &str, today: NaiveDate) -> Option<i32> {
    let latest = today.year();
    let mut counts: Vec<(i32, u32)> = Vec::new();
    for word in text.split(|c: char| !c.is_ascii_digit()) {
        if word.len() != 4 {
            continue;
        }
        let Ok(year) = word.parse::<i32>() else {
            continue;
        };
        if !(1900..=latest).contains(&year) {
            continue;
        }
        match counts.iter_mut().find(|(y, _)| *y == year) {
            Some((_, n)) => *n += 1,
            None => counts.push((year, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(year, n)| (n, year))
        .map(|(year, _)| year)
}

/// The year named by a path: a folder or file name that is a four-digit
/// year (`2017/`), or that starts with one followed by a separator
/// (`2017-04_wires.txt`), from the file name up. Only 1800 to `today`'s year
/// counts.
pub(crate) fn year_from_path(path: &Path, today: NaiveDate) -> Option<i32> {
    let latest = today.year();
    path.components()
        .rev()
        .filter_map(|c| match c {
            Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .find_map(|part| {
            let digits = part.get(..4)?;
            let rest = &part[4..];
            let year: i32 = digits
                .bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| digits.parse().ok())??;
            let clean = rest.is_empty() || rest.starts_with(['-', '_', '.', ' ']);
            (clean && (1800..=latest).contains(&year)).then_some(year)
        })
}

/// The day of a dateline's `month` and `day` in `year`, when it is a real,
/// plausible date (up to tomorrow).
pub(crate) fn dateline_day(month: u32, day: u32, year: i32, today: NaiveDate) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day).filter(|d| in_range(*d, today))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 6, 15).unwrap()
    }

    #[test]
    fn datelines() {
        let cases = [
            (
                "BEIJING, April 25 (Reuters) - The central bank cut rates.",
                Some(WireDate::MonthDay(4, 25)),
            ),
            (
                "WASHINGTON, Jan. 3 - Lawmakers met on Tuesday.",
                Some(WireDate::MonthDay(1, 3)),
            ),
            (
                "AL-AIN, United Arab Emirates, Aug 30 -- The match ended.",
                Some(WireDate::MonthDay(8, 30)),
            ),
            (
                "NEW YORK, March 9 (AP) \u{2014} Stocks rose.",
                Some(WireDate::MonthDay(3, 9)),
            ),
            (
                "LONDON, Sept 12\u{2014}Shares fell.",
                Some(WireDate::MonthDay(9, 12)),
            ),
            // No date, or not a dateline.
            ("WASHINGTON (AP) \u{2014} The Senate voted.", None),
            (
                "The minister said, April 25 - the day of the vote - was quiet.",
                None,
            ),
            ("Paris, April 25 - lowercase place words are prose.", None),
            ("BEIJING, April 45 (Reuters) - No such day.", None),
            ("BEIJING, Monday - A weekday only.", None),
            ("", None),
            ("\u{2014}", None),
        ];
        for (text, want) in cases {
            assert_eq!(wire_dateline(text), want, "{text:?}");
        }
    }

    #[test]
    fn years() {
        assert_eq!(
            year_hint("In 2016 and 2017, then 2017 again; 1999.", today()),
            Some(2017)
        );
        assert_eq!(year_hint("Ties: 2010 and 2012.", today()), Some(2012));
        assert_eq!(
            year_hint("Phone 5551234, year 3050, id 12345", today()),
            None
        );
        assert_eq!(
            year_from_path(Path::new("/wires/2017/beijing.txt"), today()),
            Some(2017)
        );
        assert_eq!(
            year_from_path(Path::new("/wires/2018-04_batch/a.txt"), today()),
            Some(2018)
        );
        assert_eq!(
            year_from_path(Path::new("/wires/20175/a.txt"), today()),
            None
        );
        assert_eq!(
            year_from_path(Path::new("/wires/3000/a.txt"), today()),
            None
        );
        assert_eq!(dateline_day(2, 29, 2023, today()), None, "not a leap year");
        assert_eq!(
            dateline_day(4, 25, 2017, today()),
            NaiveDate::from_ymd_opt(2017, 4, 25)
        );
        assert_eq!(dateline_day(12, 25, 2025, today()), None, "future");
    }

    proptest::proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,120}") {
            let _ = wire_dateline(&text);
            let _ = year_hint(&text, today());
            let _ = year_from_path(Path::new(&text), today());
        }
    }
}
