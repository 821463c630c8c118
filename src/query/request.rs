//! What a search asks for.

use chrono::{Datelike, NaiveDate};

use crate::error::{Error, Result};

/// The order of search results.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best BM25 score first.
    #[default]
    Relevance,
    /// Newest publication day first (undated articles last; ties by score).
    Newest,
    /// Oldest publication day first (undated articles last; ties by score).
    Oldest,
}

/// A search: query text plus filters, order and page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchRequest {
    /// The query in newsdex's syntax (see the README). Empty means every
    /// article (useful with filters).
    pub text: String,
    /// Keep articles mentioning each of these people (words of the canonical
    /// name).
    pub people: Vec<String>,
    /// Keep articles mentioning each of these places.
    pub places: Vec<String>,
    /// Keep articles published on or after this day.
    pub since: Option<NaiveDate>,
    /// Keep articles published on or before this day.
    pub until: Option<NaiveDate>,
    /// Result order.
    pub sort: Sort,
    /// At most this many hits.
    pub limit: usize,
    /// Skip this many hits first.
    pub offset: usize,
}

impl Default for SearchRequest {
    fn default() -> SearchRequest {
        SearchRequest {
            text: String::new(),
            people: Vec::new(),
            places: Vec::new(),
            since: None,
            until: None,
            sort: Sort::Relevance,
            limit: 10,
            offset: 0,
        }
    }
}

/// Which end of a period a command-line date bounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateBound {
    /// `--since`: the first day of the period.
    Start,
    /// `--until`: the last day of the period.
    End,
}

/// Parses a command-line date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, into the
/// first (`Start`) or last (`End`) day it covers: `--until 2024` means up to
/// 2024-12-31.
pub fn parse_day_bound(text: &str, bound: DateBound) -> Result<NaiveDate> {
    let invalid = || Error::InvalidDate {
        text: text.to_string(),
    };
    let parts: Vec<&str> = text.trim().split('-').collect();
    let number = |s: &str, len: usize| -> Result<u32> {
        if s.len() != len || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid());
        }
        s.parse().map_err(|_| invalid())
    };
    let year = number(parts[0], 4)? as i32;
    let (month, day) = match parts.len() {
        1 => (None, None),
        2 => (Some(number(parts[1], 2)?), None),
        3 => (Some(number(parts[1], 2)?), Some(number(parts[2], 2)?)),
        _ => return Err(invalid()),
    };
    let first_month = month.unwrap_or(1);
    let start = NaiveDate::from_ymd_opt(year, first_month, day.unwrap_or(1)).ok_or_else(invalid)?;
    Ok(match (bound, month, day) {
        (DateBound::Start, _, _) | (DateBound::End, _, Some(_)) => start,
        (DateBound::End, None, None) => {
            NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(invalid)?
        }
        (DateBound::End, Some(_), None) => last_day_of_month(start),
    })
}

fn last_day_of_month(day: NaiveDate) -> NaiveDate {
    let (y, m) = if day.month() == 12 {
        (day.year() + 1, 1)
    } else {
        (day.year(), day.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn day_bounds() {
        let cases = [
            ("2024", DateBound::Start, Some(d(2024, 1, 1))),
            ("2024", DateBound::End, Some(d(2024, 12, 31))),
            ("2024-02", DateBound::Start, Some(d(2024, 2, 1))),
            ("2024-02", DateBound::End, Some(d(2024, 2, 29))),
            ("2023-12", DateBound::End, Some(d(2023, 12, 31))),
            ("2024-04-25", DateBound::End, Some(d(2024, 4, 25))),
            ("2024-13", DateBound::Start, None),
            ("2024-02-30", DateBound::Start, None),
            ("24", DateBound::Start, None),
            ("2024/04/25", DateBound::Start, None),
            ("", DateBound::Start, None),
            ("2024-4-5", DateBound::Start, None),
        ];
        for (text, bound, want) in cases {
            assert_eq!(parse_day_bound(text, bound).ok(), want, "{text}");
        }
    }
}
