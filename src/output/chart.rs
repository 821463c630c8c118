//! Output for people of the analytics: a timeline as a bar chart and the
//! companions of a person or place as tables.

use std::io::{self, Write};

use super::Style;
use crate::model::EntityKind;
use crate::query::{Companion, Interval, Related, Timeline};

const DIM: &str = "2";
const BAR: &str = "36";

/// The widest bar, in terminal cells.
const BAR_CELLS: u64 = 40;

/// Which ranking of companions to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ranking {
    /// Most specific first (normalised pointwise mutual information).
    Specific,
    /// Most shared articles first.
    Count,
}

/// Writes a timeline as one bar per bucket, scaled to the fullest bucket,
/// drawn with the eighth blocks so that small counts still show.
pub fn write_timeline<W: Write>(w: &mut W, timeline: &Timeline, style: &Style) -> io::Result<()> {
    let max = timeline.buckets.iter().map(|b| b.count).max().unwrap_or(0);
    let width = max.to_string().len();
    let label_format = match timeline.interval {
        Interval::Day | Interval::Week => "%Y-%m-%d",
        Interval::Month => "%Y-%m",
        Interval::Year => "%Y",
    };
    for bucket in &timeline.buckets {
        let label = bucket.start.format(label_format);
        let bar = bar(bucket.count, max);
        writeln!(
            w,
            "{label}  {:>width$}  {}",
            bucket.count,
            style.paint(BAR, &bar)
        )?;
    }
    let dated = timeline.dated();
    let mut summary = format!("{dated} dated articles by {}", timeline.interval.as_str());
    if timeline.undated > 0 {
        summary.push_str(&format!("; {} undated", timeline.undated));
    }
    writeln!(w, "{}", style.paint(DIM, &summary))
}

/// A bar of `count / max` of [`BAR_CELLS`] cells, in eighths.
fn bar(count: u64, max: u64) -> String {
    const EIGHTHS: [char; 8] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];
    if count == 0 || max == 0 {
        return String::new();
    }
    // At least one eighth, so a bucket with articles never looks empty.
    let eighths = (count * BAR_CELLS * 8).div_ceil(max).max(1);
    let mut out = "█".repeat((eighths / 8) as usize);
    let rest = eighths % 8;
    if rest > 0 {
        out.push(EIGHTHS[(rest - 1) as usize]);
    }
    out
}

/// Writes the people and the places that appear with a person or place,
/// ranked as asked.
pub fn write_related<W: Write>(
    w: &mut W,
    related: &Related,
    ranking: Ranking,
    style: &Style,
) -> io::Result<()> {
    writeln!(
        w,
        "{:?} is in {} of {} articles",
        related.name, related.articles, related.total
    )?;
    for (kind, companions) in [
        (EntityKind::Person, &related.people),
        (EntityKind::Place, &related.places),
    ] {
        let (list, order): (&[Companion], &str) = match ranking {
            Ranking::Specific => (&companions.by_specificity, "most specific first"),
            Ranking::Count => (&companions.by_count, "most shared articles first"),
        };
        let noun = match kind {
            EntityKind::Person => "people",
            EntityKind::Place => "places",
        };
        writeln!(w)?;
        writeln!(
            w,
            "{}",
            style.paint(
                DIM,
                &format!(
                    "{:>8}  {:>8}  {:>6}  {:>6}  {noun} ({order})",
                    "together", "articles", "lift", "npmi"
                )
            )
        )?;
        if list.is_empty() {
            writeln!(w, "{:>8}  (none)", "")?;
        }
        for c in list {
            writeln!(
                w,
                "{:>8}  {:>8}  {:>6.2}  {:>6.3}  {}",
                c.together, c.articles, c.lift, c.npmi, c.name
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::query::TimelineBucket;

    #[test]
    fn bars_scale_in_eighths() {
        assert_eq!(bar(0, 10), "");
        assert_eq!(bar(10, 10), "█".repeat(40));
        assert_eq!(bar(5, 10), "█".repeat(20));
        // 1/80 of 40 cells is half a cell: four eighths.
        assert_eq!(bar(1, 80), "▌");
        // Tiny counts still show one eighth.
        assert_eq!(bar(1, 1_000_000), "▏");
    }

    #[test]
    fn timeline_lines_have_label_count_and_bar() {
        let day = |m, d| NaiveDate::from_ymd_opt(2024, m, d).unwrap();
        let timeline = Timeline {
            interval: Interval::Month,
            buckets: vec![
                TimelineBucket {
                    start: day(1, 1),
                    end: day(1, 31),
                    count: 4,
                },
                TimelineBucket {
                    start: day(2, 1),
                    end: day(2, 29),
                    count: 0,
                },
            ],
            undated: 2,
        };
        let mut out = Vec::new();
        write_timeline(&mut out, &timeline, &Style::default()).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], format!("2024-01  4  {}", "█".repeat(40)));
        assert_eq!(lines[1], "2024-02  0  ");
        assert_eq!(lines[2], "4 dated articles by month; 2 undated");
    }
}
