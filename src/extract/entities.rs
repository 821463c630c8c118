//! Entity extraction (stub; being written).
use crate::model::Mention;

/// People and places found in one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entities {
    /// Canonical person names, most mentioned first.
    pub people: Vec<String>,
    /// Canonical place names, most mentioned first.
    pub places: Vec<String>,
    /// Every mention, in order of appearance (title first, then body).
    pub mentions: Vec<Mention>,
}

/// The seam between the pipeline and an entity extractor.
pub trait EntityExtractor: Send + Sync {
    /// Finds the people and places of one article.
    fn extract(&self, title: &str, body: &str) -> Entities;
}

/// The first, rule-based extractor.
#[derive(Debug, Default)]
pub struct RuleExtractor;

impl RuleExtractor {
    /// Builds the extractor.
    pub fn new() -> RuleExtractor {
        RuleExtractor
    }
}

impl EntityExtractor for RuleExtractor {
    fn extract(&self, _title: &str, _body: &str) -> Entities {
        Entities::default()
    }
}
