//! The publication day of a saved web page.
//!
//! Date evidence comes from the page as `parse::html` parsed it (one
//! html5ever parse serves the body, the metadata and the date): one walk
//! over the tree (`collect`) gathers meta tags, `itemprop` elements,
//! `<time>` and `<abbr>` elements, elements whose class or id says date,
//! and the visible text outside navigation, sidebars and comments; the
//! page's one JSON-LD reader gives the JSON-LD dates. Each piece becomes a
//! [`Candidate`] tagged
//! with its [`Source`]; [`publication_date`] then trusts the sources in a
//! fixed order, much as htmldate does: structured metadata first, then
//! marked-up elements, the URL, labelled text and, last, a date that the
//! text repeats. Modification dates never win over publication dates and
//! are not returned on their own.
//!
//! Days are the ones written in the page: `2017-07-21T23:30:00-04:00` is
//! 2017-07-21. Only days from 1995-01-01 to `today` are plausible.
//!
//! Uses `parse::html` (its tree and JSON-LD reader), `dates` (parsing dates
//! in text) and its own word lists (`names`, `data/html/date_names.txt`).

mod collect;
mod names;

use std::path::Path;

use chrono::NaiveDate;

use super::html::dom::Dom;
use super::html::jsonld::{JsonLd, LdKind};
use crate::dates::{DateParse, Order, date_from_path, find_dates_in, parse_date_in};
use collect::{Target, TimeKind, flag};
use names::{ClassKind, MetaKind};

/// Where a candidate date was found. The order is the order of trust used
/// by [`publication_date`]: earlier variants win.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    /// JSON-LD `datePublished` of an article-like (or untyped) object.
    JsonLdPublished,
    /// A publication meta tag (`article:published_time`, `pubdate`...).
    MetaPublished,
    /// An element with `itemprop="datePublished"`.
    ItempropPublished,
    /// JSON-LD `datePublished` of another object (web page, video).
    JsonLdOtherPublished,
    /// A `<time>` marked as the publication date.
    TimePublished,
    /// A generic date meta tag (`date`, `dc.date`, `dcterms.created`).
    MetaGeneric,
    /// JSON-LD `dateCreated` or `uploadDate`.
    JsonLdCreated,
    /// An element with `itemprop="dateCreated"` and the like.
    ItempropGeneric,
    /// A full date in the page's URL.
    Url,
    /// An unmarked `<time>` inside the article or its header.
    TimeInArticle,
    /// The text of an element whose class or id says date or published.
    ClassStrong,
    /// A date after a label such as "Published:" in the visible text.
    TextLabelled,
    /// The text of an element whose class or id says byline, meta or time.
    ClassWeak,
    /// Any other `<time>` outside page furniture.
    TimePlain,
    /// The first date of the visible text after the headline.
    TextFirst,
    /// A date of the visible text, with how often it occurs (the three
    /// most frequent).
    TextFrequent,
    /// A date after a label such as "Published:" in page furniture (a
    /// footer that says when the page appeared).
    FurnitureLabelled,
    /// A modification date from JSON-LD, a meta tag or an `itemprop`.
    ModifiedMeta,
    /// A modification date from a marked element or labelled text.
    ModifiedText,
}

/// A plausible day found in a page and where it was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// Where it was found.
    pub source: Source,
    /// The day.
    pub day: NaiveDate,
    /// How often the text repeats it ([`Source::TextFrequent`]); 1 otherwise.
    pub count: u32,
    /// Whether it was written as a timestamp in UTC (`2023-11-09T01:09:55Z`,
    /// `+00:00`): its day may be the day after the publisher's own.
    pub utc: bool,
}

/// Whether a date string is a timestamp in UTC: a time followed by `Z`,
/// `+00:00`, `+0000`, `UTC` or `GMT`.
fn is_utc_timestamp(text: &str) -> bool {
    let t = text.trim();
    if !t.contains(':') {
        return false;
    }
    let upper = t.to_ascii_uppercase();
    upper.ends_with('Z')
        || ["+00:00", "+0000", "-00:00", " UTC", " GMT"]
            .iter()
            .any(|z| upper.ends_with(z))
}

/// How far before the headline (bytes of text) a date may start and still
/// be the article's when none follows it.
const BEFORE_H1: usize = 80;

/// The earliest plausible publication day.
fn earliest() -> NaiveDate {
    NaiveDate::from_ymd_opt(1995, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// How a page in language `lang` (an `<html lang>` value such as `en-US`,
/// `de` or `en_GB`) writes numeric dates such as `02/10/2020`: month first
/// in US English (and in English without a region, or when the language is
/// not known), day first everywhere else.
fn numeric_order(lang: Option<&str>) -> Order {
    let Some(lang) = lang else {
        return Order::MonthFirst;
    };
    let mut parts = lang.split(['-', '_']);
    let language = parts.next().unwrap_or("");
    let region = parts.next().unwrap_or("");
    match language {
        "" => Order::MonthFirst,
        "en" if matches!(region, "" | "us") => Order::MonthFirst,
        _ => Order::DayFirst,
    }
}

/// A plausible day in a metadata string.
fn meta_day(text: &str, today: NaiveDate, order: Order) -> Option<NaiveDate> {
    match parse_date_in(text, today, order) {
        DateParse::Day(d) if d >= earliest() && d <= today => Some(d),
        _ => None,
    }
}

/// Whether the text just before a date (lowercase) labels it as a
/// modification date.
fn says_modified(before: &str) -> bool {
    names::modified_labels().iter().any(|l| before.contains(l))
}

/// Whether the text just before a date (lowercase) labels it as a
/// publication date.
fn says_published(before: &str) -> bool {
    names::published_labels().iter().any(|l| before.contains(l))
}

/// The (at most `len` bytes of) text before `offset`, lowercase.
fn before(text: &str, offset: usize, len: usize) -> String {
    let mut start = offset.saturating_sub(len);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    text[start..offset].to_lowercase()
}

/// Plausible dates in running text.
fn text_days(text: &str, today: NaiveDate, order: Order) -> Vec<(usize, NaiveDate)> {
    let mut days = find_dates_in(text, today, order);
    days.retain(|&(_, d)| d >= earliest() && d <= today);
    days
}

/// The first publication (not modification) day in an element's text, and
/// whether it was labelled as modified.
fn element_day(text: &str, today: NaiveDate, order: Order) -> Option<(NaiveDate, bool)> {
    let days = text_days(text, today, order);
    let mut modified = None;
    for &(offset, day) in &days {
        let b = before(text, offset, 40);
        if says_modified(&b) && !says_published(&b) {
            modified.get_or_insert(day);
        } else {
            return Some((day, false));
        }
    }
    modified.map(|d| (d, true))
}

/// The date in a URL, from its path and query.
fn url_day(url: &str, today: NaiveDate) -> Option<NaiveDate> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let path = rest.find('/').map_or("", |p| &rest[p..]);
    let path = path.split('#').next().unwrap_or("");
    let path = path.replace(['?', '&', '='], "/");
    date_from_path(Path::new(&path), today).filter(|d| *d >= earliest() && *d <= today)
}

/// A page parsed for its dates alone: the tree and its JSON-LD.
fn parse_page(html: &str) -> (Dom, JsonLd) {
    let dom = Dom::from_document(&dom_query::Document::from(html));
    let ld = JsonLd::read(&dom);
    (dom, ld)
}

/// Every plausible date in a page, tagged with its source, in the order
/// found within each source.
///
/// `html` is the decoded page, parsed here; `url` is the page's address
/// when known. Useful to see why [`publication_date`] chose a day; never
/// panics.
pub fn candidates(html: &str, url: Option<&str>, today: NaiveDate) -> Vec<Candidate> {
    let (dom, ld) = parse_page(html);
    candidates_in(&dom, &ld, url, today)
}

/// [`candidates`] of a page already parsed.
pub(crate) fn candidates_in(
    dom: &Dom,
    ld: &JsonLd,
    url: Option<&str>,
    today: NaiveDate,
) -> Vec<Candidate> {
    let g = collect::gather(dom, ld);
    let order = numeric_order(g.lang.as_deref());
    let mut out = Vec::new();
    let mut push = |source, day, utc| {
        out.push(Candidate {
            source,
            day,
            count: 1,
            utc,
        })
    };
    for ld in &g.ld {
        if let Some(day) = meta_day(&ld.text, today, order) {
            let source = match ld.kind {
                LdKind::ArticlePublished => Source::JsonLdPublished,
                LdKind::OtherPublished => Source::JsonLdOtherPublished,
                LdKind::Created => Source::JsonLdCreated,
                LdKind::Modified => Source::ModifiedMeta,
            };
            push(source, day, is_utc_timestamp(&ld.text));
        }
    }
    for (kind, text) in &g.metas {
        if let Some(day) = meta_day(text, today, order) {
            let source = match kind {
                MetaKind::Published => Source::MetaPublished,
                MetaKind::Generic => Source::MetaGeneric,
                MetaKind::Modified => Source::ModifiedMeta,
            };
            push(source, day, is_utc_timestamp(text));
        }
    }
    for el in &g.elements {
        let boiler = el.flags & flag::BOILER != 0;
        let source = match el.target {
            Target::Itemprop(MetaKind::Published) => Source::ItempropPublished,
            Target::Itemprop(MetaKind::Generic) => Source::ItempropGeneric,
            Target::Itemprop(MetaKind::Modified) => Source::ModifiedMeta,
            Target::Time(TimeKind::Modified) => Source::ModifiedText,
            _ if boiler => continue,
            Target::Time(TimeKind::Published) => Source::TimePublished,
            Target::Time(TimeKind::Plain) => {
                if el.flags & (flag::ARTICLE | flag::HEADER) != 0 {
                    Source::TimeInArticle
                } else {
                    Source::TimePlain
                }
            }
            Target::Class(ClassKind::Strong) => Source::ClassStrong,
            Target::Class(ClassKind::Weak) => Source::ClassWeak,
            Target::Class(ClassKind::Modified) => Source::ModifiedText,
        };
        let found = match meta_day(&el.text, today, order) {
            Some(day) if matches!(el.target, Target::Itemprop(_) | Target::Time(_)) => {
                Some((day, false, is_utc_timestamp(&el.text)))
            }
            _ => element_day(&el.text, today, order).map(|(d, m)| (d, m, false)),
        };
        if let Some((day, modified, utc)) = found {
            push(
                if modified {
                    Source::ModifiedText
                } else {
                    source
                },
                day,
                utc,
            );
        }
    }
    if let Some(day) = url.and_then(|u| url_day(u, today)) {
        push(Source::Url, day, false);
    }

    for (offset, day) in text_days(&g.furniture, today, order) {
        let b = before(&g.furniture, offset, 40);
        if says_published(&b) && !says_modified(&b) {
            push(Source::FurnitureLabelled, day, false);
        }
    }
    let days = text_days(&g.text, today, order);
    let mut counts: Vec<(NaiveDate, u32)> = Vec::new();
    let h1 = g.h1_offset.unwrap_or(0);
    let mut first_after_h1 = None;
    // The last date shortly before the headline (a kicker line).
    let mut last_before_h1 = None;
    for &(offset, day) in &days {
        let b = before(&g.text, offset, 40);
        let modified = says_modified(&b) && !says_published(&b);
        if modified {
            push(Source::ModifiedText, day, false);
        } else if says_published(&b) {
            push(Source::TextLabelled, day, false);
        }
        // An update date may still be the text's only date (counted below),
        // but it is never the first date of the article.
        if !modified && offset >= h1 && first_after_h1.is_none() {
            first_after_h1 = Some((offset, day));
        }
        if !modified && offset < h1 && h1 - offset <= BEFORE_H1 {
            last_before_h1 = Some(day);
        }
        match counts.iter_mut().find(|(d, _)| *d == day) {
            Some((_, n)) => *n += 1,
            None => counts.push((day, 1)),
        }
    }
    match (first_after_h1, last_before_h1) {
        (Some((offset, day)), _) if offset - h1 <= 600 => push(Source::TextFirst, day, false),
        (_, Some(day)) if g.h1_offset.is_some() => push(Source::TextFirst, day, false),
        _ => {}
    }
    // Most frequent first; ties go to the earlier-found date.
    counts.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    for (day, count) in counts.into_iter().take(3) {
        out.push(Candidate {
            source: Source::TextFrequent,
            day,
            count,
            utc: false,
        });
    }
    out
}

/// The publication day of a saved web page, or `None` when the evidence is
/// too weak.
///
/// `html` is the decoded page, `url` its address when known, `today` the
/// latest plausible day. See the [module docs](self) for the order of trust.
/// This parses the page; [`super::html::read_page`] reads the day from the
/// parse that also gives the body and metadata.
pub fn publication_date(html: &str, url: Option<&str>, today: NaiveDate) -> Option<NaiveDate> {
    decide(&candidates(html, url, today))
}

/// [`publication_date`] of a page already parsed.
pub(crate) fn publication_date_in(
    dom: &Dom,
    ld: &JsonLd,
    url: Option<&str>,
    today: NaiveDate,
) -> Option<NaiveDate> {
    decide(&candidates_in(dom, ld, url, today))
}

/// Structured sources: metadata that names the publication date.
const STRUCTURED: [Source; 7] = [
    Source::JsonLdPublished,
    Source::MetaPublished,
    Source::ItempropPublished,
    Source::JsonLdOtherPublished,
    Source::TimePublished,
    Source::JsonLdCreated,
    Source::ItempropGeneric,
];

/// The other sources, in order of trust, when there is no structured one.
const UNSTRUCTURED: [Source; 9] = [
    Source::Url,
    Source::TimeInArticle,
    Source::ClassStrong,
    Source::TextLabelled,
    Source::ClassWeak,
    Source::TimePlain,
    Source::TextFirst,
    Source::MetaGeneric,
    Source::FurnitureLabelled,
];

/// Sources a reader sees (or the address shows), in order of trust: they
/// can overrule structured data that they contradict.
const VISIBLE: [Source; 7] = [
    Source::Url,
    Source::TimePublished,
    Source::ClassStrong,
    Source::TextLabelled,
    Source::ClassWeak,
    Source::TimeInArticle,
    Source::TextFirst,
];

/// Visible sources that may overrule structured data one day off (a
/// timestamp in UTC, the page showing the publisher's local day).
const VISIBLE_ONE_DAY: [Source; 5] = [
    Source::Url,
    Source::TimePublished,
    Source::ClassStrong,
    Source::TextLabelled,
    Source::ClassWeak,
];

/// Kinds of visible evidence counted when they agree on a day.
const SEEN: [Source; 7] = [
    Source::Url,
    Source::TimeInArticle,
    Source::ClassStrong,
    Source::TextLabelled,
    Source::ClassWeak,
    Source::TimePlain,
    Source::TextFirst,
];

/// How many kinds of visible evidence give `day`.
fn support(cands: &[Candidate], day: NaiveDate) -> usize {
    SEEN.iter()
        .filter(|&&s| cands.iter().any(|c| c.source == s && c.day == day))
        .count()
}

/// `day`, chosen by the order of trust among unstructured evidence, unless
/// it stands alone (one kind of evidence gives it) and two or more kinds
/// agree on another day: then that day (a teaser's date that comes first in
/// the page against the date by the headline, in the byline and in the
/// text).
fn corroborated(cands: &[Candidate], day: NaiveDate) -> NaiveDate {
    if support(cands, day) > 1 {
        return day;
    }
    let mut best = (day, 1);
    for c in cands.iter().filter(|c| SEEN.contains(&c.source)) {
        let n = support(cands, c.day);
        if n > best.1 {
            best = (c.day, n);
        }
    }
    best.0
}

/// The first candidate from the first of `sources` that has one.
fn first_of(cands: &[Candidate], sources: &[Source]) -> Option<Candidate> {
    sources
        .iter()
        .find_map(|&s| cands.iter().find(|c| c.source == s))
        .copied()
}

/// Picks the publication day from the candidates of a page.
///
/// The first structured date wins unless the visible page contradicts it:
/// when the page shows the structured modification date instead (the
/// page presents its update as its date), or shows a day next to it (a UTC
/// timestamp). Without structured data the unstructured sources are tried
/// in order, and last a date that is the only one in the visible text.
fn decide(cands: &[Candidate]) -> Option<NaiveDate> {
    let Some(structured) = first_of(cands, &STRUCTURED) else {
        if let Some(c) = first_of(cands, &UNSTRUCTURED) {
            return Some(corroborated(cands, c.day));
        }
        let mut frequent = cands.iter().filter(|c| c.source == Source::TextFrequent);
        return match (frequent.next(), frequent.next()) {
            (Some(only), None) => Some(only.day),
            _ => None,
        };
    };
    let day = structured.day;
    // A URL written at publication holds the publisher's local day; a
    // structured timestamp in UTC one day later was converted (an evening
    // story in the Americas). A timestamp in the publisher's zone is not.
    if let Some(url) = cands.iter().find(|c| c.source == Source::Url)
        && structured.utc
        && url.day.succ_opt() == Some(day)
    {
        return Some(url.day);
    }
    let mut visible = cands.iter().filter(|c| VISIBLE.contains(&c.source));
    if visible.clone().next().is_none() || visible.any(|c| c.day == day) {
        return Some(day);
    }
    let Some(shown) = first_of(cands, &VISIBLE) else {
        return Some(day);
    };
    let modified = cands
        .iter()
        .any(|c| c.source == Source::ModifiedMeta && c.day == shown.day);
    // The address is one day off only when the structured day was converted
    // to UTC (above); the page's own text may show the local day anyway.
    let one_day =
        (shown.day - day).num_days().abs() <= 1 && (shown.source != Source::Url || structured.utc);
    if modified || one_day && VISIBLE_ONE_DAY.contains(&shown.source) {
        return Some(shown.day);
    }
    Some(day)
}

/// Debug view of what one pass gathered (for the scorer's inspection mode).
#[doc(hidden)]
pub fn debug_gathered(html: &str) -> String {
    let (dom, ld) = parse_page(html);
    let g = collect::gather(&dom, &ld);
    format!(
        "ld {:?}\nmetas {:?}\nelements {:?}\nh1 {:?}\ntext {}",
        g.ld, g.metas, g.elements, g.h1_offset, g.text
    )
}

#[cfg(test)]
mod tests;
