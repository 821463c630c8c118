//! The people and places that appear with a person or place.
//!
//! Two counting passes over the whole-name fast columns, no stored
//! document read: the articles matching the request (each entity's
//! articles, and their number), and those that also mention the subject
//! (each entity's articles with it). Companions are ranked two ways: by
//! the raw number of shared articles, which favours entities that are
//! everywhere, and by specificity, normalised pointwise mutual information:
//!
//! ```text
//! lift(B) = P(B | subject) / P(B) = together(B) × total / (subject × articles(B))
//! npmi(B) = ln lift(B) / −ln P(subject and B)
//! ```
//!
//! Lift is 1 for an entity that is as common with the subject as without
//! it. Alone it ties every entity that is always with the subject, however
//! rare; NPMI (from −1 to 1, 0 for independence, 1 when the two always
//! appear together) breaks those ties in favour of the companions seen
//! together more often. Rare names are still overrated, so the specificity
//! ranking keeps only companions with at least `min_count` shared articles.

use tantivy::collector::Count;

use super::context::{Context, contains_words};
use super::request::SearchRequest;
use crate::ascii::find_ignore_ascii_case;
use crate::error::Result;
use crate::index::NewsIndex;
use crate::model::EntityKind;

/// How companions are ranked and cut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RelatedOptions {
    /// The fewest shared articles for the specificity ranking.
    pub min_count: u64,
    /// At most this many companions per kind and ranking.
    pub limit: usize,
}

impl Default for RelatedOptions {
    fn default() -> RelatedOptions {
        RelatedOptions {
            min_count: 3,
            limit: 10,
        }
    }
}

/// An entity that appears with the subject.
#[derive(Clone, Debug, PartialEq)]
pub struct Companion {
    /// Canonical name.
    pub name: String,
    /// Articles that mention it and the subject.
    pub together: u64,
    /// Articles that mention it (among those matching the request).
    pub articles: u64,
    /// How much likelier it is with the subject than in any matching
    /// article (see the module doc).
    pub lift: f64,
    /// Normalised pointwise mutual information with the subject, from −1
    /// to 1 (see the module doc).
    pub npmi: f64,
}

/// Companions of one kind, ranked two ways.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Companions {
    /// Most specific first: highest NPMI, at least `min_count` together.
    pub by_specificity: Vec<Companion>,
    /// Most shared articles first.
    pub by_count: Vec<Companion>,
}

/// The people and places that appear with a person or place.
#[derive(Clone, Debug, PartialEq)]
pub struct Related {
    /// The subject's kind.
    pub kind: EntityKind,
    /// The subject as asked for (words of a canonical name, as in
    /// `--person`).
    pub name: String,
    /// Articles matching the request.
    pub total: u64,
    /// Articles matching the request that mention the subject.
    pub articles: u64,
    /// People that appear with it.
    pub people: Companions,
    /// Places that appear with it.
    pub places: Companions,
}

/// The people and places that appear with person (place) `name` in the
/// articles matching `filter` (text, people, places, dates; its sort and
/// page are ignored). Entities that the name itself matches (`Trump` for
/// "Donald Trump", and the place "Trump Tower") are not its companions.
pub fn related(
    index: &NewsIndex,
    kind: EntityKind,
    name: &str,
    filter: &SearchRequest,
    options: RelatedOptions,
) -> Result<Related> {
    let cx = Context::new(index)?;
    let mut with_subject = filter.clone();
    match kind {
        EntityKind::Person => with_subject.people.push(name.to_string()),
        EntityKind::Place => with_subject.places.push(name.to_string()),
    }
    let (subject_query, _) = cx.query(&with_subject)?;
    let (filter_query, _) = cx.query(filter)?;
    let collector = (
        Count,
        cx.counts(EntityKind::Person)?,
        cx.counts(EntityKind::Place)?,
    );
    let (total, all_people, all_places) = cx
        .searcher
        .search(&filter_query, &collector)
        .map_err(|e| cx.err(e))?;
    let (articles, people, places) = cx
        .searcher
        .search(&subject_query, &collector)
        .map_err(|e| cx.err(e))?;
    let subject_words = cx.name_words(name);
    let is_subject = |entity: &str| {
        // Most names cannot hold the subject's words: an ASCII name that
        // lacks one of them as text is not analyzed.
        let surely_not = entity.is_ascii()
            && subject_words
                .iter()
                .any(|w| find_ignore_ascii_case(entity, w).is_none());
        !surely_not && contains_words(&cx.name_words(entity), &subject_words)
    };
    let figures = Figures {
        total: total as u64,
        articles: articles as u64,
    };
    let rank = |together, all| figures.companions(together, all, options, is_subject);
    Ok(Related {
        kind,
        name: name.to_string(),
        total: figures.total,
        articles: figures.articles,
        people: rank(people, all_people),
        places: rank(places, all_places),
    })
}

/// The two article counts that lift needs besides each entity's.
#[derive(Clone, Copy)]
struct Figures {
    total: u64,
    articles: u64,
}

impl Figures {
    /// Ranks the entities counted in the subject's articles (`together`)
    /// given their counts in every matching article (`all`).
    fn companions(
        self,
        together: Vec<(String, u64)>,
        all: Vec<(String, u64)>,
        options: RelatedOptions,
        is_subject: impl Fn(&str) -> bool + Copy,
    ) -> Companions {
        let together: Vec<(String, u64)> = together
            .into_iter()
            .filter(|(name, _)| !is_subject(name))
            .collect();
        // The counts over every matching article, of the companions only.
        let mut articles_of: rustc_hash::FxHashMap<&str, u64> = together
            .iter()
            .map(|(name, n)| (name.as_str(), *n))
            .collect();
        for (name, n) in &all {
            if let Some(slot) = articles_of.get_mut(name.as_str()) {
                // Every subject article matches the request, so an entity
                // is in at least as many matching articles as it shares.
                *slot = (*slot).max(*n);
            }
        }
        let articles_of: Vec<u64> = together
            .iter()
            .map(|(name, _)| articles_of[name.as_str()])
            .collect();
        let mut list: Vec<Companion> = together
            .into_iter()
            .zip(articles_of)
            .map(|((name, together), articles)| {
                let total = self.total.max(1) as f64;
                let lift = together as f64 * total
                    / (self.articles.max(1) as f64 * articles.max(1) as f64);
                let joint = together as f64 / total;
                let npmi = if joint >= 1.0 {
                    1.0
                } else {
                    lift.ln() / -joint.ln()
                };
                Companion {
                    name,
                    together,
                    articles,
                    lift,
                    npmi,
                }
            })
            .collect();
        let mut by_count = list.clone();
        by_count.sort_unstable_by(|a, b| {
            b.together
                .cmp(&a.together)
                .then_with(|| b.npmi.total_cmp(&a.npmi))
                .then_with(|| a.name.cmp(&b.name))
        });
        by_count.truncate(options.limit);
        list.retain(|c| c.together >= options.min_count.max(1));
        list.sort_unstable_by(|a, b| {
            b.npmi
                .total_cmp(&a.npmi)
                .then_with(|| b.together.cmp(&a.together))
                .then_with(|| a.name.cmp(&b.name))
        });
        list.truncate(options.limit);
        Companions {
            by_specificity: list,
            by_count,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(list: &[(&str, u64)]) -> Vec<(String, u64)> {
        list.iter().map(|(n, c)| (n.to_string(), *c)).collect()
    }

    #[test]
    fn specificity_favours_specific_companions_and_count_common_ones() {
        // 1000 articles, 100 about the subject. "Everywhere" is in half of
        // all articles and half of the subject's; "Specific" is in 12
        // articles, 10 of them with the subject; "Rare" shares 2, fewer
        // than the minimum count.
        let figures = Figures {
            total: 1000,
            articles: 100,
        };
        let together = counts(&[
            ("Everywhere", 50),
            ("Specific", 10),
            ("Rare", 2),
            ("Subject", 100),
        ]);
        let all = counts(&[
            ("Everywhere", 500),
            ("Specific", 12),
            ("Rare", 2),
            ("Subject", 100),
        ]);
        let options = RelatedOptions {
            min_count: 3,
            limit: 10,
        };
        let c = figures.companions(together, all, options, |n| n == "Subject");
        let names = |list: &[Companion]| list.iter().map(|c| c.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&c.by_specificity), vec!["Specific", "Everywhere"]);
        assert_eq!(names(&c.by_count), vec!["Everywhere", "Specific", "Rare"]);
        let specific = &c.by_specificity[0];
        let lift = 10.0 * 1000.0 / (100.0 * 12.0);
        assert!((specific.lift - lift).abs() < 1e-9);
        assert!((specific.npmi - f64::ln(lift) / -f64::ln(0.01)).abs() < 1e-9);
        let everywhere = &c.by_specificity[1];
        assert!(
            (everywhere.lift - 1.0).abs() < 1e-9,
            "as common as anywhere"
        );
        assert!(everywhere.npmi.abs() < 1e-9, "independent");
    }

    #[test]
    fn ties_on_lift_go_to_the_companion_seen_more_often() {
        // B and C are always with the subject (same lift); B is seen more.
        let figures = Figures {
            total: 10,
            articles: 5,
        };
        let together = counts(&[("A", 5), ("B", 4), ("C", 3)]);
        let all = counts(&[("A", 10), ("B", 4), ("C", 3)]);
        let options = RelatedOptions {
            min_count: 1,
            limit: 2,
        };
        let c = figures.companions(together, all, options, |_| false);
        assert_eq!(c.by_specificity.len(), 2, "the limit cuts both rankings");
        assert_eq!(c.by_count.len(), 2);
        assert_eq!(c.by_count[0].name, "A");
        assert_eq!(c.by_specificity[0].lift, c.by_specificity[1].lift);
        assert_eq!(c.by_specificity[0].name, "B");
    }
}
