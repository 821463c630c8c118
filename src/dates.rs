//! Date parsing: turns the date strings found in news-archive metadata (JSON
//! keys, `Date:` header lines) into calendar days, and finds dates written in
//! file paths.
//!
//! Only whole days are stored: a string that names just a year or a month is
//! not a date here. Times and zones are read past but never used to shift the
//! day: `2024-04-25T23:30:00-05:00` is 2024-04-25, the day written in the
//! string. The one exception is a Unix timestamp, which has no local zone and
//! so gives its UTC day.
//!
//! A day is plausible from 1800-01-01 up to and including tomorrow (relative
//! to the `today` passed in). Real calendar dates outside that span are
//! reported as [`DateParse::OutOfRange`] so that callers can tell a bogus
//! date (`0001-11-30`, `2050-09-30`) from text that is not a date at all.
//!
//! The parser is a small hand-written tokenizer (digit runs, letter runs,
//! spaces, single punctuation marks) and a handful of patterns tried at each
//! token from left to right, so that prefixes such as `Published on` or a
//! leading weekday are skipped. The first place where a pattern's shape fits
//! decides the outcome; if its numbers are not a real date the string is
//! [`DateParse::Unparsed`].
//!
//! `scan.rs` holds the tokenizer and the patterns, `path.rs` reads dates in
//! file paths, `wire.rs` wire datelines.

use chrono::{Datelike, NaiveDate};

mod path;
mod scan;
mod wire;

pub(crate) use path::date_from_path;
use scan::{Tok, match_at, read_date, starts_clean, tokenize};
pub(crate) use wire::{
    WireDate, dateline_day, month_day, wire_dateline, year_from_path, year_hint,
};

/// How to read a numeric date whose first two numbers could each be the
/// month (`02/10/2020`): the United States write the month first, most of
/// the world the day. Dates with points (`02.10.2020`) are always read day
/// first, and a number above 12 is never a month whatever the order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Order {
    /// `02/10/2020` is February 10 (the default, as in US-English sources).
    #[default]
    MonthFirst,
    /// `02/10/2020` is 2 October.
    DayFirst,
}

/// The outcome of parsing a date string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DateParse {
    /// A plausible day.
    Day(NaiveDate),
    /// A real calendar date outside 1800-01-01..=tomorrow.
    OutOfRange(NaiveDate),
    /// Not a date we can read.
    Unparsed,
}

/// Parses a metadata date string into a day.
///
/// Understands ISO 8601 dates and timestamps (`2024-04-25`,
/// `2024-04-25T23:30:00-05:00`, `20240425`), numeric dates
/// (`9/6/17` is month/day/year; `25/04/2024` is day/month/year because 25
/// cannot be a month; `25.04.2024` is day-first), written dates in English
/// (`April 25, 2024`, `Thu, 25 Apr 2024 14:03:00 +0000`, `26-FEB-1987`,
/// `Thu Apr 25 14:03:00 2024`), with or without a weekday, a prefix such as
/// `Published:` or a trailing time and zone, and Unix timestamps of 10
/// (seconds) or 13 (milliseconds) digits.
///
/// The day is the one written in the string; zone offsets never move it.
/// Two-digit years up to next year's two digits are in this century, the
/// rest in the previous one. `today` bounds plausible days: anything from
/// 1800-01-01 to tomorrow is [`DateParse::Day`], other real dates are
/// [`DateParse::OutOfRange`], and a year or month alone, an impossible date
/// or anything else is [`DateParse::Unparsed`]. Never panics.
pub(crate) fn parse_date(text: &str, today: NaiveDate) -> DateParse {
    parse_date_in(text, today, Order::MonthFirst)
}

/// [`parse_date`], reading ambiguous numeric dates in `order`.
pub(crate) fn parse_date_in(text: &str, today: NaiveDate, order: Order) -> DateParse {
    match read_date(text.trim(), today, order) {
        Some(day) if in_range(day, today) => DateParse::Day(day),
        Some(day) => DateParse::OutOfRange(day),
        None => DateParse::Unparsed,
    }
}

/// Finds every date written in running text, with the byte offset where each
/// one starts, in text order.
///
/// Uses the same patterns as [`parse_date`] but keeps scanning after a
/// match, and keeps only real days within 1800-01-01..=tomorrow. Unix
/// timestamps and bare eight-digit numbers are not dates in running text.
pub(crate) fn find_dates(text: &str, today: NaiveDate) -> Vec<(usize, NaiveDate)> {
    find_dates_in(text, today, Order::MonthFirst)
}

/// [`find_dates`], reading ambiguous numeric dates in `order`.
pub(crate) fn find_dates_in(text: &str, today: NaiveDate, order: Order) -> Vec<(usize, NaiveDate)> {
    let toks = tokenize(text);
    let mut found = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let start = match toks[i] {
            Tok::Num(s) | Tok::Word(s) => s,
            _ => {
                i += 1;
                continue;
            }
        };
        if starts_clean(&toks, i)
            && let Some(Some(day)) = match_at(&toks, i, today, order)
            && in_range(day, today)
        {
            let offset = start.as_ptr() as usize - text.as_ptr() as usize;
            found.push((offset, day));
            // Skip past the date's first three tokens so that `21. Juli 2017`
            // is not also read as a second date starting at `Juli`.
            i += 3;
            continue;
        }
        i += 1;
    }
    found
}

/// Whether `day` lies in 1800-01-01..=tomorrow.
pub(crate) fn in_range(day: NaiveDate, today: NaiveDate) -> bool {
    let latest = today.succ_opt().unwrap_or(today);
    day.year() >= 1800 && day <= latest
}

/// A full calendar date from numbers that may be out of bounds.
fn ymd(year: u32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// The year meant by a two-digit year: up to next year's two digits it is in
/// today's century, above that in the previous one.
fn expand_year(yy: u32, today: NaiveDate) -> u32 {
    let year = today.year().clamp(100, 9999) as u32;
    let century = year - year % 100;
    let pivot = year % 100 + 1;
    if yy <= pivot {
        century + yy
    } else {
        century - 100 + yy
    }
}

/// The month number of a month name or abbreviation (any case) in English,
/// German, French, Spanish, Italian, Portuguese or Dutch.
pub(crate) fn month_number(word: &str) -> Option<u32> {
    // The longest name is 10 letters ("septiembre", "décembre" in bytes).
    if word.len() > 12 {
        return None;
    }
    let lower;
    let word = if word
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        lower = word.to_lowercase();
        lower.as_str()
    } else {
        word
    };
    let month = match word {
        // English.
        "jan" | "january" => 1,
        "feb" | "february" => 2,
        "mar" | "march" => 3,
        "apr" | "april" => 4,
        "may" => 5,
        "jun" | "june" => 6,
        "jul" | "july" => 7,
        "aug" | "august" => 8,
        "sep" | "sept" | "september" => 9,
        "oct" | "october" => 10,
        "nov" | "november" => 11,
        "dec" | "december" => 12,
        // German (with Austrian forms).
        "januar" | "jänner" | "jän" => 1,
        "februar" | "feber" => 2,
        "märz" | "maerz" | "mär" | "mrz" => 3,
        "mai" => 5,
        "juni" => 6,
        "juli" => 7,
        "oktober" | "okt" => 10,
        "dezember" | "dez" => 12,
        // French.
        "janvier" | "janv" => 1,
        "février" | "fevrier" | "févr" | "fevr" | "fév" => 2,
        "mars" => 3,
        "avril" | "avr" => 4,
        "juin" => 6,
        "juillet" | "juil" => 7,
        "août" | "aout" | "aoû" => 8,
        "septembre" => 9,
        "octobre" => 10,
        "novembre" => 11,
        "décembre" | "decembre" | "déc" => 12,
        // Spanish.
        "enero" | "ene" => 1,
        "febrero" => 2,
        "marzo" => 3,
        "abril" | "abr" => 4,
        "mayo" => 5,
        "junio" => 6,
        "julio" => 7,
        "agosto" | "ago" => 8,
        "septiembre" | "setiembre" => 9,
        "octubre" => 10,
        "noviembre" => 11,
        "diciembre" | "dic" => 12,
        // Italian.
        "gennaio" | "gen" => 1,
        "febbraio" => 2,
        "aprile" => 4,
        "maggio" | "mag" => 5,
        "giugno" | "giu" => 6,
        "luglio" | "lug" => 7,
        "settembre" | "set" => 9,
        "ottobre" | "ott" => 10,
        "dicembre" => 12,
        // Portuguese.
        "janeiro" => 1,
        "fevereiro" | "fev" => 2,
        "março" | "marco" => 3,
        "maio" => 5,
        "junho" => 6,
        "julho" => 7,
        "setembro" => 9,
        "outubro" => 10,
        "novembro" => 11,
        "dezembro" => 12,
        // Dutch.
        "januari" => 1,
        "februari" => 2,
        "maart" | "mrt" => 3,
        "mei" => 5,
        "augustus" => 8,
        _ => return None,
    };
    Some(month)
}

/// The month number of a month name in a language whose names
/// [`month_number`] does not know (so that the entity tagger's features,
/// which use that list, stay as they are): Russian, Ukrainian, Polish, Czech,
/// Turkish, Swedish, Danish, Norwegian and Indonesian, in the nominative and
/// the genitive (`15 августа 2016`, `3 października 2020`), any case. Only
/// written dates in text and metadata use these.
pub(crate) fn more_month_number(word: &str) -> Option<u32> {
    // The longest name is 12 letters ("października"), 24 bytes in Cyrillic.
    if word.len() > 24 {
        return None;
    }
    let lower = word.to_lowercase();
    let month = match lower.as_str() {
        // Russian: genitive, nominative, abbreviations.
        "января" | "январь" | "янв" => 1,
        "февраля" | "февраль" | "фев" | "февр" => 2,
        "марта" | "март" | "мар" => 3,
        "апреля" | "апрель" | "апр" => 4,
        "мая" | "май" => 5,
        "июня" | "июнь" | "июн" => 6,
        "июля" | "июль" | "июл" => 7,
        "августа" | "август" | "авг" => 8,
        "сентября" | "сентябрь" | "сен" | "сент" => 9,
        "октября" | "октябрь" | "окт" => 10,
        "ноября" | "ноябрь" | "ноя" | "нояб" => 11,
        "декабря" | "декабрь" | "дек" => 12,
        // Ukrainian.
        "січня" | "січень" => 1,
        "лютого" | "лютий" => 2,
        "березня" | "березень" => 3,
        "квітня" | "квітень" => 4,
        "травня" | "травень" => 5,
        "червня" | "червень" => 6,
        "липня" | "липень" => 7,
        "серпня" | "серпень" => 8,
        "вересня" | "вересень" => 9,
        "жовтня" | "жовтень" => 10,
        "листопада" | "листопад" => 11,
        "грудня" | "грудень" => 12,
        // Polish.
        "stycznia" | "styczeń" | "styczen" => 1,
        "lutego" | "luty" => 2,
        "marca" | "marzec" => 3,
        "kwietnia" | "kwiecień" | "kwiecien" => 4,
        "maja" | "maj" => 5,
        "czerwca" | "czerwiec" => 6,
        "lipca" | "lipiec" => 7,
        "sierpnia" | "sierpień" | "sierpien" => 8,
        "września" | "wrzesnia" | "wrzesień" | "wrzesien" => 9,
        "października" | "pazdziernika" | "październik" | "pazdziernik" => 10,
        "listopada" | "listopad" => 11,
        "grudnia" | "grudzień" | "grudzien" => 12,
        // Czech (genitive).
        "ledna" => 1,
        "února" => 2,
        "března" => 3,
        "dubna" => 4,
        "května" => 5,
        "června" => 6,
        "července" => 7,
        "srpna" => 8,
        "září" => 9,
        "října" => 10,
        "listopadu" => 11,
        "prosince" => 12,
        // Turkish.
        "ocak" => 1,
        "şubat" | "subat" => 2,
        "mart" => 3,
        "nisan" => 4,
        "mayıs" | "mayis" => 5,
        "haziran" => 6,
        "temmuz" => 7,
        "ağustos" | "agustos" => 8,
        "eylül" | "eylul" => 9,
        "ekim" => 10,
        "kasım" | "kasim" => 11,
        "aralık" | "aralik" => 12,
        // Swedish, Danish, Norwegian, Indonesian (the rest are German,
        // Dutch or English names).
        "marts" | "maret" => 3,
        "augusti" | "agustus" => 8,
        "desember" => 12,
        _ => return None,
    };
    Some(month)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::path::Path;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    fn today() -> NaiveDate {
        date(2025, 6, 15)
    }

    fn day(y: i32, m: u32, d: u32) -> DateParse {
        DateParse::Day(date(y, m, d))
    }

    fn out(y: i32, m: u32, d: u32) -> DateParse {
        DateParse::OutOfRange(date(y, m, d))
    }

    const UNPARSED: DateParse = DateParse::Unparsed;

    #[test]
    fn parses_table() {
        let cases = [
            // ISO dates and timestamps.
            ("2024-04-25", day(2024, 4, 25)),
            ("2024-04-25T14:03:00Z", day(2024, 4, 25)),
            ("2024-04-25T23:30:00-05:00", day(2024, 4, 25)),
            ("2024-04-25T00:30:00+14:00", day(2024, 4, 25)),
            ("2024-04-25 23:30:00", day(2024, 4, 25)),
            ("2024-04-25T14:03:00.123+02:00", day(2024, 4, 25)),
            ("2024-04-25t14:03:00z", day(2024, 4, 25)),
            ("  2024-04-25\n", day(2024, 4, 25)),
            ("2024-4-5", day(2024, 4, 5)),
            ("2024/04/25", day(2024, 4, 25)),
            ("2024.04.25", day(2024, 4, 25)),
            ("20240425", day(2024, 4, 25)),
            ("20240425T140300Z", day(2024, 4, 25)),
            ("20240425140300", day(2024, 4, 25)),
            ("20241345", UNPARSED),
            ("20240425996199", UNPARSED),
            ("2024-02-30", UNPARSED),
            ("2024-02-29", day(2024, 2, 29)),
            ("2023-02-29", UNPARSED),
            ("0000-00-00", UNPARSED),
            ("0000-00-00 00:00:00", UNPARSED),
            // Numeric dates, US order first.
            ("9/6/17", day(2017, 9, 6)),
            ("12/31/2019", day(2019, 12, 31)),
            ("12/1/16", day(2016, 12, 1)),
            ("8/19/19", day(2019, 8, 19)),
            ("4/4/17", day(2017, 4, 4)),
            ("04-25-2024", day(2024, 4, 25)),
            ("25/04/2024", day(2024, 4, 25)),
            ("13/13/2024", UNPARSED),
            ("2/30/2024", UNPARSED),
            ("4/25/00", day(2000, 4, 25)),
            ("4/25/25", day(2025, 4, 25)),
            ("4/25/26", out(2026, 4, 25)),
            ("4/25/27", day(1927, 4, 25)),
            ("4/25/99", day(1999, 4, 25)),
            ("25.04.2024", day(2024, 4, 25)),
            ("04.05.2024", day(2024, 5, 4)),
            ("04.25.2024", day(2024, 4, 25)),
            ("Updated: 4/25/2024 10:30 AM", day(2024, 4, 25)),
            ("Updated 10:30 AM, 4/25/2024", day(2024, 4, 25)),
            ("1/2/3/4", UNPARSED),
            ("1/2/2024/5", UNPARSED),
            ("1.2.3", UNPARSED),
            // Written dates.
            ("April 25, 2024", day(2024, 4, 25)),
            ("Apr 25, 2024", day(2024, 4, 25)),
            ("Apr. 25, 2024", day(2024, 4, 25)),
            ("APRIL 25, 2024", day(2024, 4, 25)),
            ("april 25 2024", day(2024, 4, 25)),
            ("April 25th, 2024", day(2024, 4, 25)),
            ("25 April 2024", day(2024, 4, 25)),
            ("25th of April, 2024", day(2024, 4, 25)),
            ("Thursday, April 25, 2024", day(2024, 4, 25)),
            ("Thursday 25 April 2024", day(2024, 4, 25)),
            ("Thu, 25 Apr 2024 14:03:00 +0000", day(2024, 4, 25)),
            ("Thu, 25 Apr 2024 23:59:00 -1200", day(2024, 4, 25)),
            ("25-Apr-2024", day(2024, 4, 25)),
            ("25-Apr-24", day(2024, 4, 25)),
            ("25APR2024", day(2024, 4, 25)),
            ("26-FEB-1987 15:01:01.79", day(1987, 2, 26)),
            ("Sept 5, 2023", day(2023, 9, 5)),
            ("Sep. 5, 2023", day(2023, 9, 5)),
            ("September 5th 2023", day(2023, 9, 5)),
            ("May 1, 2020", day(2020, 5, 1)),
            ("December 31, 1899", day(1899, 12, 31)),
            ("April 25, 2024 11:20 AM EDT", day(2024, 4, 25)),
            ("Thu Apr 25 14:03:00 2024", day(2024, 4, 25)),
            ("Thu Apr 25 14:03:00 UTC 2024", day(2024, 4, 25)),
            ("2024 April 25", day(2024, 4, 25)),
            ("2024-Apr-25", day(2024, 4, 25)),
            ("February 30, 2024", UNPARSED),
            ("31 June 2024", UNPARSED),
            // Prefixes.
            ("Published on April 25, 2024", day(2024, 4, 25)),
            ("Published: 2024-04-25", day(2024, 4, 25)),
            ("Date: Thu, 25 Apr 2024 14:03:00 +0000", day(2024, 4, 25)),
            ("Updated April 25, 2024, 9:00 a.m. ET", day(2024, 4, 25)),
            ("Page 2 - April 25, 2024", day(2024, 4, 25)),
            // Unix timestamps (UTC day).
            ("1714053780", day(2024, 4, 25)),
            ("1714089599", day(2024, 4, 25)),
            ("1714053780000", day(2024, 4, 25)),
            ("0000000000", day(1970, 1, 1)),
            ("9999999999", out(2286, 11, 20)),
            // Range.
            ("0001-11-30", out(1, 11, 30)),
            ("2050-09-30", out(2050, 9, 30)),
            ("2050-01-01", out(2050, 1, 1)),
            ("1799-12-31", out(1799, 12, 31)),
            ("1800-01-01", day(1800, 1, 1)),
            ("2025-06-16", day(2025, 6, 16)),
            ("2025-06-17", out(2025, 6, 17)),
            // Not days.
            ("", UNPARSED),
            ("   ", UNPARSED),
            ("2024", UNPARSED),
            ("April 2024", UNPARSED),
            ("2024-04", UNPARSED),
            ("04/2024", UNPARSED),
            ("April 25", UNPARSED),
            ("25 April", UNPARSED),
            ("25 Apr 14:03", UNPARSED),
            ("14:03:00", UNPARSED),
            ("yesterday", UNPARSED),
            ("2 hours ago", UNPARSED),
            ("N/A", UNPARSED),
            ("null", UNPARSED),
            ("12345", UNPARSED),
            ("123456789", UNPARSED),
            ("99999999999", UNPARSED),
            ("2024-116", UNPARSED),
            ("Mayday 25, 2024", UNPARSED),
        ];
        for (text, want) in cases {
            assert_eq!(parse_date(text, today()), want, "input {text:?}");
        }
    }

    #[test]
    fn written_dates_in_other_languages() {
        let cases = [
            ("21. Juli 2017", day(2017, 7, 21)),
            ("Mittwoch, 3. März 2021 um 10:00 Uhr", day(2021, 3, 3)),
            ("3. Jänner 2020", day(2020, 1, 3)),
            ("21 juillet 2017", day(2017, 7, 21)),
            ("1er août 2019", day(2019, 8, 1)),
            ("le 7 févr. 2020", day(2020, 2, 7)),
            ("21 de julio de 2017", day(2017, 7, 21)),
            ("1º de mayo del 2018", day(2018, 5, 1)),
            ("21 luglio 2017", day(2017, 7, 21)),
            ("21 de março de 2017", day(2017, 3, 21)),
            ("21 maart 2017", day(2017, 3, 21)),
            ("21 OKTOBER 2017", day(2017, 10, 21)),
            ("Dezember 24, 2019", day(2019, 12, 24)),
            ("15 августа 2016, 13:43", day(2016, 8, 15)),
            ("3 Октября 2020 г.", day(2020, 10, 3)),
            ("12 листопада 2021", day(2021, 11, 12)),
            ("3 października 2020", day(2020, 10, 3)),
            ("4. května 2019", day(2019, 5, 4)),
            ("15 Ağustos 2016", day(2016, 8, 15)),
            ("1 augusti 2018", day(2018, 8, 1)),
            // Points with spaces, as typeset in German and Czech.
            ("4. 2. 2022", day(2022, 2, 4)),
            ("Von Redaktion 4.\u{2009}2.\u{2009}2022.", day(2022, 2, 4)),
            ("4. 2.2022", UNPARSED),
            ("4. 2. 22", UNPARSED),
        ];
        for (text, want) in cases {
            assert_eq!(parse_date(text, today()), want, "input {text:?}");
        }
    }

    #[test]
    fn day_first_order_reads_ambiguous_numeric_dates() {
        let cases = [
            ("02/10/2020", day(2020, 2, 10), day(2020, 10, 2)),
            ("01-11-2023 10:29", day(2023, 1, 11), day(2023, 11, 1)),
            ("13/10/2020", day(2020, 10, 13), day(2020, 10, 13)),
            ("10/13/2020", day(2020, 10, 13), day(2020, 10, 13)),
            ("02.10.2020", day(2020, 10, 2), day(2020, 10, 2)),
            ("2020-02-10", day(2020, 2, 10), day(2020, 2, 10)),
        ];
        for (text, month_first, day_first) in cases {
            assert_eq!(parse_date(text, today()), month_first, "{text:?}");
            assert_eq!(
                parse_date_in(text, today(), Order::DayFirst),
                day_first,
                "{text:?}"
            );
        }
        let found = find_dates_in("am 02/10/2020 und 4. 2. 2022", today(), Order::DayFirst);
        let days: Vec<NaiveDate> = found.iter().map(|&(_, d)| d).collect();
        assert_eq!(days, [date(2020, 10, 2), date(2022, 2, 4)]);
    }

    #[test]
    fn finds_every_date_in_text() {
        let text = "Am 21. Juli 2017 und am 2017-08-01; nicht 1.2.3, aber July 4, 2020.";
        let found = find_dates(text, today());
        let days: Vec<NaiveDate> = found.iter().map(|&(_, d)| d).collect();
        assert_eq!(
            days,
            [date(2017, 7, 21), date(2017, 8, 1), date(2020, 7, 4)]
        );
        assert_eq!(&text[found[0].0..found[0].0 + 3], "21.");
        assert!(find_dates("no dates, 12345 and 2024", today()).is_empty());
        assert!(find_dates("2099-01-01", today()).is_empty());
    }

    #[test]
    fn two_digit_years_follow_today() {
        let in_2099 = date(2099, 12, 31);
        assert_eq!(parse_date("1/2/00", in_2099), day(2000, 1, 2));
        assert_eq!(parse_date("1/2/99", in_2099), day(2099, 1, 2));
        let in_2000 = date(2000, 6, 1);
        assert_eq!(parse_date("1/2/01", in_2000), out(2001, 1, 2));
        assert_eq!(parse_date("1/2/02", in_2000), day(1902, 1, 2));
    }

    #[test]
    fn tomorrow_is_the_last_day_even_at_the_end_of_time() {
        assert_eq!(
            parse_date("2025-06-16", today()),
            DateParse::Day(date(2025, 6, 16))
        );
        // No panic when there is no tomorrow.
        let _ = parse_date("2024-04-25", NaiveDate::MAX);
        let _ = parse_date("1/2/03", NaiveDate::MIN);
        let _ = date_from_path(Path::new("/2024/04/25/x"), NaiveDate::MAX);
    }

    #[test]
    fn paths_table() {
        let cases = [
            ("/archive/2024/04/25/story.txt", Some(date(2024, 4, 25))),
            ("/archive/2024/4/5/story.txt", Some(date(2024, 4, 5))),
            ("/x/2024-04-25-slug.txt", Some(date(2024, 4, 25))),
            ("/x/2024-04-25-2.txt", Some(date(2024, 4, 25))),
            ("20240425_slug.txt", Some(date(2024, 4, 25))),
            ("/news/2024/04/25-slug.html", Some(date(2024, 4, 25))),
            ("/news/2024/04/25.html", Some(date(2024, 4, 25))),
            ("/news/2024/04/25_slug", Some(date(2024, 4, 25))),
            ("2024_04_25", Some(date(2024, 4, 25))),
            ("/data/2024_04_25/a.json", Some(date(2024, 4, 25))),
            ("/data/2024.04.25.txt", Some(date(2024, 4, 25))),
            ("/world/2024/apr/25/some-slug", Some(date(2024, 4, 25))),
            ("/world/2024/April/25/index.html", Some(date(2024, 4, 25))),
            ("/a/b/story-20240425.txt", Some(date(2024, 4, 25))),
            ("/a/b/story_2024-04-25.html", Some(date(2024, 4, 25))),
            ("/x/2024-04-25T1403.json", Some(date(2024, 4, 25))),
            ("/x/20240425T140300Z.json", Some(date(2024, 4, 25))),
            ("/archive/20240425/story.txt", Some(date(2024, 4, 25))),
            ("relative/2019/12/31/x.txt", Some(date(2019, 12, 31))),
            // The file name wins over folders.
            ("/2024/04/25/2024-04-20-slug.txt", Some(date(2024, 4, 20))),
            // Ids and incomplete dates.
            ("000_12d0decf402e7c67.txt", None),
            ("/data/000_12d0decf402e7c67.txt", None),
            ("/bbc/sport/199.txt", None),
            ("/bbc/business/001.txt", None),
            ("/archive/2024/04/story.txt", None),
            ("/archive/2024/04/123.txt", None),
            ("/archive/2024/04/5.txt", None),
            ("/archive/2024/04", None),
            ("/archive/2024", None),
            ("/archive/2024/13/25/x.txt", None),
            ("/archive/2024/02/30/x.txt", None),
            ("/archive/24/04/25/x.txt", None),
            ("/archive/3000/01/01/x.txt", None),
            ("/archive/1700/01/01/x.txt", None),
            ("/archive/2025/06/17/x.txt", None),
            ("/archive/2025/06/16/x.txt", Some(date(2025, 6, 16))),
            ("/a/abc20240425.txt", None),
            ("/a/20240425abc.txt", None),
            ("/a/12345678.txt", None),
            ("/a/v2024-04-25.txt", None),
            ("/reuters/reut2-000.sgm", None),
            ("/x/2024-04.txt", None),
            ("", None),
            ("/", None),
        ];
        for (path, want) in cases {
            assert_eq!(
                date_from_path(Path::new(path), today()),
                want,
                "path {path:?}"
            );
        }
    }

    /// Dates within the plausible span for `today()`.
    fn plausible_day() -> impl Strategy<Value = NaiveDate> {
        (1800i32..=2025, 1u32..=366).prop_filter_map("real and in range", |(y, o)| {
            NaiveDate::from_yo_opt(y, o).filter(|d| *d <= today())
        })
    }

    /// Strings made of date-like pieces, to reach the patterns often.
    fn date_like() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            "[0-9]{1,14}",
            Just("April".to_string()),
            Just("sept".to_string()),
            Just("MAY".to_string()),
            Just("Thu".to_string()),
            Just("of".to_string()),
            Just("th".to_string()),
            Just("T".to_string()),
            "[ ,./:_+TZ-]",
        ];
        prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
    }

    fn check_in_range(result: DateParse) -> Result<(), TestCaseError> {
        match result {
            DateParse::Day(d) => prop_assert!(d.year() >= 1800 && d <= date(2025, 6, 16)),
            DateParse::OutOfRange(d) => {
                prop_assert!(d.year() < 1800 || d > date(2025, 6, 16))
            }
            DateParse::Unparsed => {}
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn never_panics_on_any_string(text in any::<String>()) {
            let _ = parse_date(&text, today());
            let _ = date_from_path(Path::new(&text), today());
            let _ = find_dates(&text, today());
        }

        #[test]
        fn day_is_always_in_range(text in date_like()) {
            check_in_range(parse_date(&text, today()))?;
            if let Some(d) = date_from_path(Path::new(&text), today()) {
                prop_assert!(d.year() >= 1800 && d <= date(2025, 6, 16));
            }
        }

        #[test]
        fn day_is_always_in_range_for_any_string(text in "\\PC{0,40}") {
            check_in_range(parse_date(&text, today()))?;
        }

        #[test]
        fn formatted_days_read_back(d in plausible_day()) {
            for format in [
                "%Y-%m-%d",
                "%Y-%m-%dT%H:%M:%S%:z",
                "%Y%m%d",
                "%m/%d/%Y",
                "%B %-d, %Y",
                "%A, %b %-d, %Y",
                "%a, %d %b %Y 23:59:59 -1200",
                "%d-%b-%Y 15:01:01.79",
                "%a %b %e 14:03:00 %Y",
            ] {
                let text = d.and_hms_opt(23, 30, 0)
                    .expect("valid time")
                    .and_utc()
                    .format(format)
                    .to_string();
                prop_assert_eq!(parse_date(&text, today()), DateParse::Day(d), "{}", text);
            }
            let path = d.format("/archive/%Y/%m/%d/story.txt").to_string();
            prop_assert_eq!(date_from_path(Path::new(&path), today()), Some(d));
            let path = d.format("/x/%Y-%m-%d-slug.txt").to_string();
            prop_assert_eq!(date_from_path(Path::new(&path), today()), Some(d));
        }
    }
}
