//! The date tokenizer and the patterns tried at each token: the machinery
//! behind [`parse_date`](super::parse_date) and
//! [`find_dates`](super::find_dates).

use chrono::{DateTime, NaiveDate};

use super::{Order, expand_year, month_number, more_month_number, ymd};

/// A piece of a date string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tok<'a> {
    /// A run of ASCII digits.
    Num(&'a str),
    /// A run of letters.
    Word(&'a str),
    /// A run of whitespace.
    Space,
    /// Any other single character.
    Punct(char),
}

impl<'a> Tok<'a> {
    /// The value of a digit run of `lens` digits.
    pub(super) fn num(self, lens: std::ops::RangeInclusive<usize>) -> Option<u32> {
        match self {
            Tok::Num(s) if lens.contains(&s.len()) && s.len() <= 9 => s.parse().ok(),
            _ => None,
        }
    }

    pub(super) fn is_num(self) -> bool {
        matches!(self, Tok::Num(_))
    }

    pub(super) fn is_word(self) -> bool {
        matches!(self, Tok::Word(_))
    }

    pub(super) fn is_word_of(self, words: &[&str]) -> bool {
        matches!(self, Tok::Word(w) if words.iter().any(|x| x.eq_ignore_ascii_case(w)))
    }
}

/// Splits `text` into digit runs, letter runs, whitespace runs and single
/// punctuation characters.
pub(super) fn tokenize(text: &str) -> Vec<Tok<'_>> {
    #[derive(PartialEq)]
    enum Class {
        Digit,
        Letter,
        Space,
        Other,
    }
    fn class(c: char) -> Class {
        if c.is_ascii_digit() {
            Class::Digit
        } else if c.is_alphabetic() {
            Class::Letter
        } else if c.is_whitespace() {
            Class::Space
        } else {
            Class::Other
        }
    }

    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let kind = class(c);
        if kind == Class::Other {
            tokens.push(Tok::Punct(c));
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, next)) = chars.peek() {
            if class(next) != kind {
                break;
            }
            end = i + next.len_utf8();
            chars.next();
        }
        let run = &text[start..end];
        tokens.push(match kind {
            Class::Digit => Tok::Num(run),
            Class::Letter => Tok::Word(run),
            _ => Tok::Space,
        });
    }
    tokens
}

/// Reads a date from a trimmed string, without judging its range.
pub(super) fn read_date(text: &str, today: NaiveDate, order: Order) -> Option<NaiveDate> {
    if text.is_empty() {
        return None;
    }
    if text.bytes().all(|b| b.is_ascii_digit()) {
        return read_digits(text);
    }
    let toks = tokenize(text);
    // ISO 8601 basic format: 20240425T140300Z.
    if let [Tok::Num(digits), t, Tok::Num(_), ..] = toks[..]
        && digits.len() == 8
        && t.is_word_of(&["t"])
    {
        return read_digits(digits);
    }
    (0..toks.len())
        .filter(|&i| starts_clean(&toks, i))
        .find_map(|i| match_at(&toks, i, today, order))
        .flatten()
}

/// Reads an all-digit string: `YYYYMMDD`, a Unix timestamp in seconds (10
/// digits) or milliseconds (13 digits), or `YYYYMMDDhhmmss`.
pub(super) fn read_digits(digits: &str) -> Option<NaiveDate> {
    let part = |range: std::ops::Range<usize>| -> Option<u32> { digits.get(range)?.parse().ok() };
    match digits.len() {
        8 => ymd(part(0..4)?, part(4..6)?, part(6..8)?),
        10 => {
            let secs: i64 = digits.parse().ok()?;
            DateTime::from_timestamp(secs, 0).map(|t| t.date_naive())
        }
        13 => {
            let millis: i64 = digits.parse().ok()?;
            DateTime::from_timestamp_millis(millis).map(|t| t.date_naive())
        }
        14 => {
            let time_ok = part(8..10)? < 24 && part(10..12)? < 60 && part(12..14)? < 61;
            if time_ok {
                ymd(part(0..4)?, part(4..6)?, part(6..8)?)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Whether a pattern may start at token `i`: not glued to a number before it
/// (so `1/2/3/4` does not yield `2/3/4`).
pub(super) fn starts_clean(toks: &[Tok<'_>], i: usize) -> bool {
    match i.checked_sub(1).map(|j| toks[j]) {
        None => true,
        Some(Tok::Num(_)) => false,
        Some(Tok::Punct('-' | '/' | '.' | ':')) => !(i >= 2 && toks[i - 2].is_num()),
        Some(_) => true,
    }
}

/// Whether a pattern may end before token `j`: not followed by a separator
/// and another number (so `1/2/2024/5` and `25 Apr 14:03` are not dates).
fn ends_clean(toks: &[Tok<'_>], j: usize) -> bool {
    !matches!(
        (toks.get(j), toks.get(j + 1)),
        (Some(Tok::Punct('-' | '/' | '.' | ':')), Some(Tok::Num(_)))
    )
}

/// What a pattern found: `None` when its shape does not fit here,
/// `Some(None)` when it fits but the numbers are no real date.
type Found = Option<Option<NaiveDate>>;

/// Tries every pattern at token `i`.
pub(super) fn match_at(toks: &[Tok<'_>], i: usize, today: NaiveDate, order: Order) -> Found {
    numeric_ymd(toks, i)
        .or_else(|| numeric_mdy(toks, i, today, order))
        .or_else(|| written_mdy(toks, i))
        .or_else(|| written_dmy(toks, i, today))
        .or_else(|| written_ymd(toks, i))
}

/// `2024-04-25`, `2024/4/25`, `2024.04.25`, with anything after the day.
fn numeric_ymd(toks: &[Tok<'_>], i: usize) -> Found {
    let [y, s1, m, s2, d] = *toks.get(i..i + 5)? else {
        return None;
    };
    let (Tok::Punct(sep @ ('-' | '/' | '.')), Tok::Punct(sep2)) = (s1, s2) else {
        return None;
    };
    if sep != sep2 || !ends_clean(toks, i + 5) {
        return None;
    }
    Some(ymd(y.num(4..=4)?, m.num(1..=2)?, d.num(1..=2)?))
}

/// `9/6/17`, `12/31/2019`, `04-25-2024`: month first unless the first number
/// cannot be a month (in [`Order::MonthFirst`]; in [`Order::DayFirst`] day
/// first unless the second number cannot be a month); `25.04.2024` and
/// `4. 2. 2022` (spaces after the points): day first unless the second number
/// cannot be a month.
fn numeric_mdy(toks: &[Tok<'_>], i: usize, today: NaiveDate, order: Order) -> Found {
    let [a, s1, ..] = *toks.get(i..i + 2)? else {
        return None;
    };
    let Tok::Punct(sep @ ('-' | '/' | '.')) = s1 else {
        return None;
    };
    // `4. 2. 2022`: a space after each point, or after neither.
    let spaced = sep == '.' && toks.get(i + 2) == Some(&Tok::Space);
    let step = if spaced { 3 } else { 2 };
    let b = *toks.get(i + step)?;
    if toks.get(i + step + 1) != Some(&Tok::Punct(sep)) {
        return None;
    }
    let y_at = i + 2 * step;
    if spaced && toks.get(y_at - 1) != Some(&Tok::Space) {
        return None;
    }
    let y = *toks.get(y_at)?;
    if !ends_clean(toks, y_at + 1) {
        return None;
    }
    let (a, b) = (a.num(1..=2)?, b.num(1..=2)?);
    let year = match y {
        Tok::Num(s) if s.len() == 2 && !spaced => expand_year(y.num(2..=2)?, today),
        _ => y.num(4..=4)?,
    };
    let day_first = if sep == '.' || order == Order::DayFirst {
        b <= 12
    } else {
        a > 12
    };
    let (month, day) = if day_first { (b, a) } else { (a, b) };
    Some(ymd(year, month, day))
}

/// Skips an optional space, one optional separator (`,` `-` `/` `.`) and an
/// optional space from token `j`; returns the next index and whether the gap
/// was exactly one hyphen.
fn gap(toks: &[Tok<'_>], mut j: usize) -> (usize, bool) {
    let start = j;
    if toks.get(j) == Some(&Tok::Space) {
        j += 1;
    }
    if let Some(Tok::Punct(',' | '-' | '/' | '.')) = toks.get(j) {
        j += 1;
    }
    if toks.get(j) == Some(&Tok::Space) {
        j += 1;
    }
    let hyphen = j == start + 1 && toks[start] == Tok::Punct('-');
    (j, hyphen)
}

/// Skips an ordinal suffix (`st`, `nd`, `rd`, `th`) at `j`.
fn ordinal(toks: &[Tok<'_>], j: usize) -> usize {
    match toks.get(j) {
        Some(t) if t.is_word_of(&["st", "nd", "rd", "th", "er", "º", "ª"]) => j + 1,
        _ => j,
    }
}

/// A day number (1 or 2 digits) at `j` that is not the hour of a time.
fn day_at(toks: &[Tok<'_>], j: usize) -> Option<u32> {
    let day = toks.get(j)?.num(1..=2)?;
    (toks.get(j + 1) != Some(&Tok::Punct(':'))).then_some(day)
}

/// A four-digit year at `j` that ends the date cleanly.
fn year_at(toks: &[Tok<'_>], j: usize) -> Option<u32> {
    let year = toks.get(j)?.num(4..=4)?;
    ends_clean(toks, j + 1).then_some(year)
}

/// The month named by the word at `j`.
fn month_at(toks: &[Tok<'_>], j: usize) -> Option<u32> {
    match toks.get(j)? {
        Tok::Word(w) => month_number(w).or_else(|| more_month_number(w)),
        _ => None,
    }
}

/// Skips a clock time (`14:03`, `14:03:00`, `15:01:01.79`) at `j`.
fn time_at(toks: &[Tok<'_>], j: usize) -> Option<usize> {
    toks.get(j)?.num(1..=2)?;
    if toks.get(j + 1) != Some(&Tok::Punct(':')) {
        return None;
    }
    toks.get(j + 2)?.num(2..=2)?;
    let mut end = j + 3;
    if toks.get(end) == Some(&Tok::Punct(':')) && toks.get(end + 1).is_some_and(|t| t.is_num()) {
        end += 2;
        if toks.get(end) == Some(&Tok::Punct('.')) && toks.get(end + 1).is_some_and(|t| t.is_num())
        {
            end += 2;
        }
    }
    Some(end)
}

/// `April 25, 2024`, `Apr. 25th 2024`, and the ctime shape
/// `Apr 25 14:03:00 [UTC] 2024`.
fn written_mdy(toks: &[Tok<'_>], i: usize) -> Found {
    let month = month_at(toks, i)?;
    let (j, _) = gap(toks, i + 1);
    let day = day_at(toks, j)?;
    let j = ordinal(toks, j + 1);
    let (k, _) = gap(toks, j);
    if let Some(year) = year_at(toks, k) {
        return Some(ymd(year, month, day));
    }
    // ctime / date(1): the time (and perhaps a zone) come before the year.
    if toks.get(j) != Some(&Tok::Space) {
        return None;
    }
    let mut k = time_at(toks, j + 1)?;
    if toks.get(k) != Some(&Tok::Space) {
        return None;
    }
    k += 1;
    if toks.get(k).is_some_and(|t| t.is_word()) && toks.get(k + 1) == Some(&Tok::Space) {
        k += 2;
    }
    Some(ymd(year_at(toks, k)?, month, day))
}

/// `25 April 2024`, `Thu, 25 Apr 2024 14:03:00 +0000`, `25-Apr-2024`,
/// `26-FEB-1987`, `25th of April, 2024`, and `25-Apr-24` (two-digit years
/// only in that hyphenated shape).
fn written_dmy(toks: &[Tok<'_>], i: usize, today: NaiveDate) -> Found {
    let day = day_at(toks, i)?;
    let j = ordinal(toks, i + 1);
    let (mut j, hyphen1) = gap(toks, j);
    if toks.get(j).is_some_and(|t| t.is_word_of(&["of", "de"])) {
        j = gap(toks, j + 1).0;
    }
    let month = month_at(toks, j)?;
    let (mut k, hyphen2) = gap(toks, j + 1);
    // Spanish and Portuguese: `21 de julio de 2017`, `21 de julio del 2017`.
    if toks.get(k).is_some_and(|t| t.is_word_of(&["de", "del"])) {
        k = gap(toks, k + 1).0;
    }
    let year = match year_at(toks, k) {
        Some(year) => year,
        None if hyphen1 && hyphen2 && ends_clean(toks, k + 1) => {
            expand_year(toks.get(k)?.num(2..=2)?, today)
        }
        None => return None,
    };
    Some(ymd(year, month, day))
}

/// `2024 April 25`, `2024-Apr-25`.
fn written_ymd(toks: &[Tok<'_>], i: usize) -> Found {
    let year = toks.get(i)?.num(4..=4)?;
    let (j, _) = gap(toks, i + 1);
    let month = month_at(toks, j)?;
    let (k, _) = gap(toks, j + 1);
    let day = day_at(toks, k)?;
    if !ends_clean(toks, k + 1) {
        return None;
    }
    Some(ymd(year, month, day))
}
