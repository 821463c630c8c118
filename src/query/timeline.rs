//! Articles per day, week, month or year over every match of a request.
//!
//! The days are counted from the date fast column by a collector
//! ([`DayCounts`]), so no stored document is read; they are then grouped
//! into buckets of the interval asked for, or of one chosen from the span
//! of the matching days so that a chart has a readable number of bars.

use chrono::{Datelike, Days, NaiveDate};
use rustc_hash::FxHashMap;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DateTime, DocId, Score, SegmentOrdinal, SegmentReader};

use super::context::Context;
use super::request::SearchRequest;
use crate::error::{Error, Result};
use crate::index::NewsIndex;
use crate::index::schema;

/// The most buckets a timeline may have: forty years of weeks. A longer
/// one asks for a wider interval.
pub const MAX_BUCKETS: usize = 2_500;

/// The width of a timeline bucket.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Interval {
    /// One day.
    Day,
    /// A week, Monday to Sunday (ISO 8601).
    Week,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
}

impl Interval {
    /// Every interval, narrowest first.
    pub const ALL: [Interval; 4] = [
        Interval::Day,
        Interval::Week,
        Interval::Month,
        Interval::Year,
    ];

    /// The lowercase name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Interval::Day => "day",
            Interval::Week => "week",
            Interval::Month => "month",
            Interval::Year => "year",
        }
    }

    /// The interval named `name` (`day`, `week`, `month` or `year`).
    pub fn parse(name: &str) -> Option<Interval> {
        Interval::ALL.into_iter().find(|i| i.as_str() == name)
    }

    /// The interval that gives a chart of at most about 200 bars over a
    /// span of `days` days: days up to three months, weeks up to three
    /// years, months up to twenty years, years beyond.
    pub fn for_span(days: i64) -> Interval {
        if days <= 92 {
            Interval::Day
        } else if days <= 1_100 {
            Interval::Week
        } else if days <= 7_300 {
            Interval::Month
        } else {
            Interval::Year
        }
    }

    /// The first day of the bucket that holds `day`.
    pub fn start_of(self, day: NaiveDate) -> NaiveDate {
        let start = match self {
            Interval::Day => Some(day),
            Interval::Week => {
                day.checked_sub_days(Days::new(u64::from(day.weekday().num_days_from_monday())))
            }
            Interval::Month => day.with_day(1),
            Interval::Year => NaiveDate::from_ymd_opt(day.year(), 1, 1),
        };
        // Every day has a bucket start; only the first week of the
        // calendar could lack one.
        start.unwrap_or(day)
    }

    /// The first day of the bucket after the one starting on `start`.
    fn next(self, start: NaiveDate) -> Option<NaiveDate> {
        match self {
            Interval::Day => start.succ_opt(),
            Interval::Week => start.checked_add_days(Days::new(7)),
            Interval::Month => start.checked_add_months(chrono::Months::new(1)),
            Interval::Year => NaiveDate::from_ymd_opt(start.year() + 1, 1, 1),
        }
    }
}

/// The articles of one bucket.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineBucket {
    /// The bucket's first day.
    pub start: NaiveDate,
    /// The bucket's last day.
    pub end: NaiveDate,
    /// Matching articles published from `start` to `end`.
    pub count: u64,
}

/// Articles per bucket over every match of a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    /// The bucket width.
    pub interval: Interval,
    /// Consecutive buckets from the first matching day's to the last's,
    /// empty ones included; none when no matching article has a date.
    pub buckets: Vec<TimelineBucket>,
    /// Matching articles without a date (in no bucket).
    pub undated: u64,
}

impl Timeline {
    /// Matching articles with a date.
    pub fn dated(&self) -> u64 {
        self.buckets.iter().map(|b| b.count).sum()
    }
}

/// Counts the articles that match `request` per bucket of `interval`, or
/// of an interval chosen from the span of their days when it is `None`.
/// The request's sort and page are ignored.
///
/// Fails when the buckets would be more than [`MAX_BUCKETS`]: the error
/// asks for a wider interval.
pub fn timeline(
    index: &NewsIndex,
    request: &SearchRequest,
    interval: Option<Interval>,
) -> Result<Timeline> {
    let cx = Context::new(index)?;
    let (query, _) = cx.query(request)?;
    let days = cx
        .searcher
        .search(&query, &DayCounts)
        .map_err(|e| cx.err(e))?;
    build(days, interval)
}

/// Groups day counts into the buckets of a timeline.
pub(super) fn build(days: DayTally, interval: Option<Interval>) -> Result<Timeline> {
    let mut dated: Vec<(NaiveDate, u64)> = days
        .by_day
        .into_iter()
        .filter_map(|(day, n)| Some((day_from_number(day)?, n)))
        .collect();
    dated.sort_unstable();
    let (Some(&(first, _)), Some(&(last, _))) = (dated.first(), dated.last()) else {
        return Ok(Timeline {
            interval: interval.unwrap_or(Interval::Day),
            buckets: Vec::new(),
            undated: days.undated,
        });
    };
    let interval = interval.unwrap_or_else(|| Interval::for_span((last - first).num_days()));
    let mut buckets = Vec::new();
    let mut start = interval.start_of(first);
    let mut counted = dated.into_iter().peekable();
    while start <= last {
        if buckets.len() == MAX_BUCKETS {
            return Err(Error::TooManyBuckets {
                interval: interval.as_str(),
                max: MAX_BUCKETS,
            });
        }
        let next = interval.next(start);
        let mut count = 0;
        while let Some((day, n)) = counted.next_if(|(day, _)| next.is_none_or(|n| *day < n)) {
            debug_assert!(day >= start);
            count += n;
        }
        let end = next.and_then(|n| n.pred_opt()).unwrap_or(last);
        buckets.push(TimelineBucket { start, end, count });
        match next {
            Some(next) => start = next,
            None => break,
        }
    }
    Ok(Timeline {
        interval,
        buckets,
        undated: days.undated,
    })
}

/// The day of a day number (days since 1970-01-01).
fn day_from_number(day: i64) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_signed(chrono::TimeDelta::try_days(day)?)
}

/// The day number (days since 1970-01-01) of a stored date.
fn day_number(date: DateTime) -> i64 {
    date.into_timestamp_secs().div_euclid(86_400)
}

/// Matching articles per day number, and those without a date.
#[derive(Clone, Debug, Default)]
pub(super) struct DayTally {
    by_day: FxHashMap<i64, u64>,
    undated: u64,
}

/// Counts the matching articles per publication day.
pub(super) struct DayCounts;

pub(super) struct SegmentDayCounts {
    dates: Column<DateTime>,
    days: DayTally,
}

impl Collector for DayCounts {
    type Fruit = DayTally;
    type Child = SegmentDayCounts;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentDayCounts> {
        Ok(SegmentDayCounts {
            dates: segment.fast_fields().date(schema::DATE)?,
            days: DayTally::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<DayTally>) -> tantivy::Result<DayTally> {
        let mut merged = DayTally::default();
        for fruit in fruits {
            merged.undated += fruit.undated;
            for (day, n) in fruit.by_day {
                *merged.by_day.entry(day).or_insert(0) += n;
            }
        }
        Ok(merged)
    }
}

impl SegmentCollector for SegmentDayCounts {
    type Fruit = DayTally;

    fn collect(&mut self, doc: DocId, _: Score) {
        match self.dates.first(doc) {
            Some(date) => *self.days.by_day.entry(day_number(date)).or_insert(0) += 1,
            None => self.days.undated += 1,
        }
    }

    fn harvest(self) -> DayTally {
        self.days
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn days(list: &[(NaiveDate, u64)], undated: u64) -> DayTally {
        let epoch = d(1970, 1, 1);
        DayTally {
            by_day: list
                .iter()
                .map(|(day, n)| ((*day - epoch).num_days(), *n))
                .collect(),
            undated,
        }
    }

    #[test]
    fn bucket_starts() {
        // 2024-03-14 is a Thursday.
        let day = d(2024, 3, 14);
        assert_eq!(Interval::Day.start_of(day), day);
        assert_eq!(Interval::Week.start_of(day), d(2024, 3, 11));
        assert_eq!(Interval::Month.start_of(day), d(2024, 3, 1));
        assert_eq!(Interval::Year.start_of(day), d(2024, 1, 1));
        assert_eq!(Interval::Week.start_of(d(2024, 3, 11)), d(2024, 3, 11));
    }

    #[test]
    fn interval_from_span() {
        assert_eq!(Interval::for_span(0), Interval::Day);
        assert_eq!(Interval::for_span(92), Interval::Day);
        assert_eq!(Interval::for_span(93), Interval::Week);
        assert_eq!(Interval::for_span(1_100), Interval::Week);
        assert_eq!(Interval::for_span(3_000), Interval::Month);
        assert_eq!(Interval::for_span(8_000), Interval::Year);
        for i in Interval::ALL {
            assert_eq!(Interval::parse(i.as_str()), Some(i));
        }
        assert_eq!(Interval::parse("decade"), None);
    }

    #[test]
    fn months_fill_gaps_and_end_on_the_last_day() {
        let t = build(
            days(
                &[(d(2024, 1, 31), 2), (d(2024, 1, 2), 1), (d(2024, 3, 5), 4)],
                3,
            ),
            Some(Interval::Month),
        )
        .unwrap();
        let got: Vec<(NaiveDate, NaiveDate, u64)> = t
            .buckets
            .iter()
            .map(|b| (b.start, b.end, b.count))
            .collect();
        assert_eq!(
            got,
            vec![
                (d(2024, 1, 1), d(2024, 1, 31), 3),
                (d(2024, 2, 1), d(2024, 2, 29), 0),
                (d(2024, 3, 1), d(2024, 3, 31), 4),
            ]
        );
        assert_eq!(t.undated, 3);
        assert_eq!(t.dated(), 7);
    }

    #[test]
    fn the_span_picks_the_interval() {
        let t = build(days(&[(d(2020, 5, 1), 1), (d(2020, 5, 3), 1)], 0), None).unwrap();
        assert_eq!(t.interval, Interval::Day);
        assert_eq!(t.buckets.len(), 3);
        let t = build(days(&[(d(2001, 5, 1), 1), (d(2020, 5, 3), 1)], 0), None).unwrap();
        assert_eq!(t.interval, Interval::Month);
        assert_eq!(t.buckets.first().unwrap().start, d(2001, 5, 1));
        assert_eq!(t.buckets.last().unwrap().end, d(2020, 5, 31));
    }

    #[test]
    fn weeks_run_monday_to_sunday() {
        let t = build(
            days(&[(d(2024, 3, 10), 1), (d(2024, 3, 11), 2)], 0),
            Some(Interval::Week),
        )
        .unwrap();
        let got: Vec<(NaiveDate, NaiveDate, u64)> = t
            .buckets
            .iter()
            .map(|b| (b.start, b.end, b.count))
            .collect();
        assert_eq!(
            got,
            vec![
                (d(2024, 3, 4), d(2024, 3, 10), 1),
                (d(2024, 3, 11), d(2024, 3, 17), 2),
            ]
        );
    }

    #[test]
    fn no_dates_no_buckets_and_too_many_is_an_error() {
        let t = build(days(&[], 5), None).unwrap();
        assert!(t.buckets.is_empty());
        assert_eq!(t.undated, 5);
        let long = build(
            days(&[(d(1900, 1, 1), 1), (d(2020, 1, 1), 1)], 0),
            Some(Interval::Day),
        );
        assert!(matches!(long, Err(Error::TooManyBuckets { .. })));
    }
}
