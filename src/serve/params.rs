//! Query-string parameters: parsed, bounded and checked before any search
//! runs, so that a bad one is a 400 that names it.

use chrono::NaiveDate;

use super::error::ApiError;
use crate::model::EntityKind;
use crate::query::{DateBound, Interval, SearchRequest, Sort, parse_day_bound};

/// The longest query text, in characters.
pub const MAX_QUERY_CHARS: usize = 1_000;
/// The longest person or place name, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// The most `person` (or `place`) filters in one request.
pub const MAX_NAMES: usize = 10;
/// The largest `limit`.
pub const MAX_LIMIT: usize = 1_000;
/// The largest `offset`: deep pages cost memory in the ranking.
pub const MAX_OFFSET: usize = 10_000;
/// The most people and places a search lists.
pub const MAX_FACETS: usize = 100;

/// The parameters of one request, by name, in order.
pub(super) struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Checks that every name is one of `allowed` and that only `person`
    /// and `place` are repeated.
    pub(super) fn new(
        pairs: Vec<(String, String)>,
        allowed: &'static [&'static str],
    ) -> Result<Params, ApiError> {
        for (i, (name, _)) in pairs.iter().enumerate() {
            let Some(&known) = allowed.iter().find(|a| **a == name) else {
                return Err(ApiError::bad(
                    None,
                    format!(
                        "unknown parameter {name:?}; this endpoint takes {}",
                        allowed.join(", ")
                    ),
                ));
            };
            let repeatable = matches!(known, "person" | "place");
            if !repeatable && pairs[..i].iter().any(|(n, _)| n == name) {
                return Err(ApiError::bad(Some(known), format!("{known}: given twice")));
            }
        }
        Ok(Params { pairs })
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn all(&self, name: &str) -> impl Iterator<Item = &str> {
        self.pairs
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// A whole number from 0 to `max`, or `default` when absent or empty.
    pub(super) fn number(
        &self,
        name: &'static str,
        default: usize,
        max: usize,
    ) -> Result<usize, ApiError> {
        let Some(text) = self.get(name).filter(|t| !t.is_empty()) else {
            return Ok(default);
        };
        let n: usize = text.trim().parse().map_err(|_| {
            ApiError::bad(
                Some(name),
                format!("{name}: {text:?} is not a whole number from 0 to {max}"),
            )
        })?;
        if n > max {
            return Err(ApiError::bad(
                Some(name),
                format!("{name}: {n} is more than the maximum, {max}"),
            ));
        }
        Ok(n)
    }

    /// The query text, bounded.
    fn text(&self) -> Result<String, ApiError> {
        let text = self.get("q").unwrap_or("");
        if text.chars().count() > MAX_QUERY_CHARS {
            return Err(ApiError::bad(
                Some("q"),
                format!("q: the query is longer than {MAX_QUERY_CHARS} characters"),
            ));
        }
        Ok(text.to_string())
    }

    /// Every value of `person` (`place`), each a name with a word in it.
    fn names(&self, name: &'static str) -> Result<Vec<String>, ApiError> {
        let names: Vec<String> = self
            .all(name)
            .filter(|v| !v.trim().is_empty())
            .map(str::to_string)
            .collect();
        if names.len() > MAX_NAMES {
            return Err(ApiError::bad(
                Some(name),
                format!("{name}: more than {MAX_NAMES} names"),
            ));
        }
        for n in &names {
            check_name(name, n)?;
        }
        Ok(names)
    }

    /// One day bound, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    fn day(&self, name: &'static str, bound: DateBound) -> Result<Option<NaiveDate>, ApiError> {
        let Some(text) = self.get(name).filter(|t| !t.is_empty()) else {
            return Ok(None);
        };
        parse_day_bound(text, bound)
            .map(Some)
            .map_err(|e| ApiError::bad(Some(name), format!("{name}: {e}")))
    }

    /// A search request from `q`, `person`, `place`, `since`, `until`,
    /// `sort`, `limit` (default `default_limit`) and `offset`.
    pub(super) fn request(&self, default_limit: usize) -> Result<SearchRequest, ApiError> {
        let since = self.day("since", DateBound::Start)?;
        let until = self.day("until", DateBound::End)?;
        if let (Some(s), Some(u)) = (since, until)
            && s > u
        {
            return Err(ApiError::bad(
                Some("since"),
                format!("since: {s} is after until ({u}); nothing can match"),
            ));
        }
        let sort = match self.get("sort").unwrap_or("") {
            "" | "relevance" => Sort::Relevance,
            "newest" => Sort::Newest,
            "oldest" => Sort::Oldest,
            other => {
                return Err(ApiError::bad(
                    Some("sort"),
                    format!("sort: {other:?} is not one of relevance, newest, oldest"),
                ));
            }
        };
        Ok(SearchRequest {
            text: self.text()?,
            people: self.names("person")?,
            places: self.names("place")?,
            since,
            until,
            sort,
            limit: self.number("limit", default_limit, MAX_LIMIT)?,
            offset: self.number("offset", 0, MAX_OFFSET)?,
        })
    }

    /// The timeline interval, or `None` to choose one from the span.
    pub(super) fn interval(&self) -> Result<Option<Interval>, ApiError> {
        match self.get("interval").unwrap_or("") {
            "" | "auto" => Ok(None),
            name => Interval::parse(name).map(Some).ok_or_else(|| {
                ApiError::bad(
                    Some("interval"),
                    format!("interval: {name:?} is not one of auto, day, week, month, year"),
                )
            }),
        }
    }

    /// The subject of `related`: exactly one `person` or `place`. Returns
    /// it and the request's other filters.
    pub(super) fn subject(&self) -> Result<(EntityKind, String), ApiError> {
        let people: Vec<&str> = self.all("person").collect();
        let places: Vec<&str> = self.all("place").collect();
        let (kind, param, name) = match (people.as_slice(), places.as_slice()) {
            ([person], []) => (EntityKind::Person, "person", *person),
            ([], [place]) => (EntityKind::Place, "place", *place),
            ([], []) => {
                return Err(ApiError::bad(
                    Some("person"),
                    "person: give one person (person=NAME) or one place (place=NAME)".to_string(),
                ));
            }
            _ => {
                return Err(ApiError::bad(
                    Some(if people.len() > 1 { "person" } else { "place" }),
                    "related takes one person or one place, not several".to_string(),
                ));
            }
        };
        check_name(param, name)?;
        Ok((kind, name.to_string()))
    }

    /// The filters of `related`, whose `person` or `place` is the subject.
    pub(super) fn filter(&self) -> Result<SearchRequest, ApiError> {
        let since = self.day("since", DateBound::Start)?;
        let until = self.day("until", DateBound::End)?;
        Ok(SearchRequest {
            text: self.text()?,
            since,
            until,
            ..SearchRequest::default()
        })
    }
}

/// A person or place name: bounded, with at least one letter or digit.
fn check_name(param: &'static str, name: &str) -> Result<(), ApiError> {
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(ApiError::bad(
            Some(param),
            format!("{param}: the name is longer than {MAX_NAME_CHARS} characters"),
        ));
    }
    if !name.chars().any(char::is_alphanumeric) {
        return Err(ApiError::bad(
            Some(param),
            format!("{param}: {name:?} has no word to look for"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEYS: &[&str] = &[
        "q", "person", "place", "since", "until", "sort", "limit", "offset",
    ];

    fn params(list: &[(&str, &str)]) -> Result<Params, ApiError> {
        let pairs = list
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect();
        Params::new(pairs, KEYS)
    }

    fn bad_parameter(list: &[(&str, &str)]) -> Option<&'static str> {
        match params(list).and_then(|p| p.request(10)) {
            Ok(_) => panic!("{list:?} was accepted"),
            Err(e) => e.parameter,
        }
    }

    #[test]
    fn a_good_request() {
        let p = params(&[
            ("q", "sanctions"),
            ("person", "Blinken"),
            ("person", "Lavrov"),
            ("since", "2024"),
            ("until", "2024-02"),
            ("sort", "newest"),
            ("limit", "1000"),
            ("offset", ""),
        ])
        .unwrap();
        let r = p.request(10).unwrap();
        assert_eq!(r.text, "sanctions");
        assert_eq!(r.people, vec!["Blinken", "Lavrov"]);
        assert_eq!(r.until, NaiveDate::from_ymd_opt(2024, 2, 29));
        assert_eq!((r.sort, r.limit, r.offset), (Sort::Newest, 1000, 0));
    }

    #[test]
    fn bad_values_name_their_parameter() {
        assert_eq!(bad_parameter(&[("limit", "1001")]), Some("limit"));
        assert_eq!(bad_parameter(&[("limit", "-1")]), Some("limit"));
        assert_eq!(bad_parameter(&[("offset", "ten")]), Some("offset"));
        assert_eq!(bad_parameter(&[("since", "2024-13")]), Some("since"));
        assert_eq!(bad_parameter(&[("until", "yesterday")]), Some("until"));
        assert_eq!(
            bad_parameter(&[("since", "2024"), ("until", "2023")]),
            Some("since")
        );
        assert_eq!(bad_parameter(&[("sort", "random")]), Some("sort"));
        assert_eq!(bad_parameter(&[("person", "!!")]), Some("person"));
        let long = "a".repeat(MAX_QUERY_CHARS + 1);
        assert_eq!(bad_parameter(&[("q", &long)]), Some("q"));
    }

    #[test]
    fn unknown_and_repeated_parameters_are_refused() {
        let e = params(&[("query", "x")]).err().unwrap();
        assert!(
            e.message.contains("unknown parameter \"query\""),
            "{}",
            e.message
        );
        let e = params(&[("q", "x"), ("q", "y")]).err().unwrap();
        assert_eq!(e.parameter, Some("q"));
    }
}
