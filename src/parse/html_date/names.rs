//! Word lists: meta names, class keywords and text labels that tell a
//! publication date from a modification date.
//!
//! The meta names and text labels are data (`data/html/date_names.txt`,
//! read once); the class keywords, short and tied to the rules below, stay
//! in code.

use std::sync::LazyLock;

/// How a meta name (`name`, `property`, `itemprop` or `http-equiv`) relates
/// to the page's dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum MetaKind {
    /// The first publication (`article:published_time`, `dc.date.issued`).
    Published,
    /// A creation or generic date (`date`, `dc.date`, `created`): trusted a
    /// little less than an explicit publication date.
    Generic,
    /// A modification date.
    Modified,
}

/// The word lists of `data/html/date_names.txt`, read once.
struct Names {
    /// Meta names (lowercase) and what they name.
    meta: std::collections::HashMap<&'static str, MetaKind>,
    /// Labels of a publication date.
    published_labels: Vec<&'static str>,
    /// Labels of a modification date.
    modified_labels: Vec<&'static str>,
}

static NAMES: LazyLock<Names> = LazyLock::new(|| {
    let mut names = Names {
        meta: std::collections::HashMap::new(),
        published_labels: Vec::new(),
        modified_labels: Vec::new(),
    };
    let mut section = "";
    for line in include_str!("../../../data/html/date_names.txt").lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
            continue;
        }
        let kind = match section {
            "meta published" => MetaKind::Published,
            "meta generic" => MetaKind::Generic,
            "meta modified" => MetaKind::Modified,
            "label published" => {
                names.published_labels.push(line);
                continue;
            }
            "label modified" => {
                names.modified_labels.push(line);
                continue;
            }
            // An unknown section: the test below keeps the file clean.
            _ => continue,
        };
        // The first section that names a key wins, as the lists are read
        // in order of trust.
        names.meta.entry(line).or_insert(kind);
    }
    names
});

/// What a meta name says, if it names a date at all.
pub(super) fn meta_kind(name: &str) -> Option<MetaKind> {
    let lower = name.trim().to_ascii_lowercase();
    let name = lower.as_str();
    if let Some(&kind) = NAMES.meta.get(name) {
        Some(kind)
    } else if name.contains("modif") || name.contains("updat") {
        Some(MetaKind::Modified)
    } else if name.contains("publish") || name.contains("pubdate") {
        Some(MetaKind::Published)
    } else if name.ends_with("date") || name.ends_with("created") || name.ends_with("uploaded") {
        Some(MetaKind::Generic)
    } else {
        None
    }
}

/// How strongly a class or id value says "the date of this post".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum ClassKind {
    /// A date, but a modification date (`updated`, `modified`).
    Modified,
    /// Post metadata (`byline`, `meta`, `info`, `time`): may hold a date.
    Weak,
    /// Says date or publication (`date`, `published`, `posted`, `datum`).
    Strong,
}

/// Classifies a class or id attribute value (already lowercase).
pub(super) fn class_kind(value: &str) -> Option<ClassKind> {
    if value.is_empty() {
        return None;
    }
    if [
        "updat",
        "modif",
        "aktualisiert",
        "geaendert",
        "geändert",
        "revis",
    ]
    .iter()
    .any(|k| value.contains(k))
    {
        return Some(ClassKind::Modified);
    }
    if [
        "date",
        "datum",
        "publish",
        "publication",
        "posted",
        "pubdate",
        "dateline",
        "fecha",
        "data-pub",
    ]
    .iter()
    .any(|k| value.contains(k))
    {
        // "candidate", "validate", "mandate" are no dates.
        if ["candidate", "validat", "mandat", "update"]
            .iter()
            .any(|k| value.contains(k))
        {
            return None;
        }
        return Some(ClassKind::Strong);
    }
    if [
        "byline",
        "meta",
        "info",
        "time",
        "zeit",
        "author",
        "submitted",
        "footer",
    ]
    .iter()
    .any(|k| value.contains(k))
    {
        return Some(ClassKind::Weak);
    }
    None
}

/// Labels that introduce a publication date in text, lowercase.
pub(super) fn published_labels() -> &'static [&'static str] {
    &NAMES.published_labels
}

/// Labels that introduce a modification date in text, lowercase.
pub(super) fn modified_labels() -> &'static [&'static str] {
    &NAMES.modified_labels
}

/// Class or id values that mark page furniture, not the article: a token
/// that is a furniture word or starts or ends with one after a `-` or `_`
/// (`comments`, `sidebar-left`, `related_posts`, `site-footer`), but not
/// a layout flag such as `has-sidebar`.
/// Inside the article (`in_article`), a footer or sidebar is the article's
/// own and holds its byline and date, so only comment sections count there.
pub(super) fn is_boilerplate_class(value: &str, in_article: bool) -> bool {
    const COMMENTS: [&str; 6] = [
        "comment",
        "comments",
        "commentlist",
        "respond",
        "disqus",
        "related",
    ];
    const OUTSIDE_ARTICLE: [&str; 4] = ["sidebar", "footer", "recent", "popular"];
    // WordPress and Drupal list a post's categories and tags as classes.
    const LABEL_PREFIXES: [&str; 9] = [
        "has-",
        "has_",
        "with-",
        "no-",
        "layout",
        "category-",
        "tag-",
        "post-",
        "type-",
    ];
    value.split_ascii_whitespace().any(|token| {
        if LABEL_PREFIXES.iter().any(|p| token.starts_with(p)) {
            return false;
        }
        let mut parts = token.split(['-', '_']);
        let first = parts.next().unwrap_or("");
        let last = parts.next_back().unwrap_or(first);
        let furniture =
            |part: &str| COMMENTS.contains(&part) || !in_article && OUTSIDE_ARTICLE.contains(&part);
        furniture(first) || furniture(last)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_lists_load() {
        let text = include_str!("../../../data/html/date_names.txt");
        let sections: Vec<&str> = text.lines().filter(|l| l.starts_with('[')).collect();
        assert_eq!(
            sections,
            [
                "[meta published]",
                "[meta generic]",
                "[meta modified]",
                "[label published]",
                "[label modified]"
            ]
        );
        let entries = text
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with(['#', '[']))
            .count();
        assert_eq!(
            NAMES.meta.len() + published_labels().len() + modified_labels().len(),
            entries,
            "no entry is listed twice"
        );
        assert_eq!(meta_kind("DC.date.issued"), Some(MetaKind::Published));
        assert_eq!(meta_kind("dcterms.created"), Some(MetaKind::Generic));
        assert_eq!(meta_kind("og:updated_time"), Some(MetaKind::Modified));
        assert_eq!(meta_kind("robots"), None);
        assert!(published_labels().contains(&"veröffentlicht"));
        assert!(modified_labels().contains(&"mis à jour"));
    }
}
