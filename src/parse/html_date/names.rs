//! Word lists: meta names, class keywords and text labels that tell a
//! publication date from a modification date.

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

/// Meta names that give the publication day, lowercase.
const PUBLISHED: &[&str] = &[
    "article:published_time",
    "article:published",
    "article:published_date",
    "article:publicationdate",
    "article:post_date",
    "article.published",
    "article_date_original",
    "article.created",
    "og:published_time",
    "og:article:published_time",
    "og:article:published",
    "og:pubdate",
    "og:publish_date",
    "og:datepublished",
    "og:question:published_time",
    "og:regdate",
    "datepublished",
    "date_published",
    "date-published",
    "published_date",
    "published-date",
    "publishdate",
    "publish_date",
    "publish-date",
    "published_time",
    "publishedat",
    "published",
    "publication_date",
    "publicationdate",
    "originalpublicationdate",
    "original-publish-date",
    "firstpublishedat",
    "pubdate",
    "pub_date",
    "rbpubdate",
    "pdate",
    "ptime",
    "parsely-pub-date",
    "sailthru.date",
    "citation_publication_date",
    "citation_online_date",
    "citation_date",
    "prism.publicationdate",
    "dc.date.issued",
    "dc.date.published",
    "dc.date.publication",
    "dcterms.issued",
    "dcterms.available",
    "dc.issued",
    "dc:issued",
    "bt:pubdate",
    "cxenseparse:recs:publishtime",
    "dcsext.articlefirstpublished",
    "mediator_published_time",
    "rnews:datepublished",
    "shareaholic:article_published_time",
    "twt-published-at",
    "vr:published_time",
    "video:release_date",
    "release_date",
    "article:release_date",
    "displaydate",
    "dateposted",
    "date_posted",
    "postdate",
];

/// Meta names that give a creation or otherwise unqualified date.
const GENERIC: &[&str] = &[
    "date",
    "dc.date",
    "dc:date",
    "dcterms.date",
    "dc.date.created",
    "dc.created",
    "dc:created",
    "dcterms.created",
    "datecreated",
    "date_created",
    "created",
    "creation_date",
    "content_create_date",
    "doc_date",
    "gentime",
    "timestamp",
    "field-name-post-date",
    "article:created",
    "blogger:created",
    "pubdate_local",
    "iso-8601-publish-date",
];

/// Meta names that give a modification date.
const MODIFIED: &[&str] = &[
    "article:modified_time",
    "article:modified",
    "article:updated_time",
    "og:updated_time",
    "og:modified_time",
    "og:article:modified_time",
    "datemodified",
    "date_modified",
    "modified",
    "modified_time",
    "last-modified",
    "lastmodified",
    "last_modified",
    "dc.modified",
    "dc.date.modified",
    "dcterms.modified",
    "dc:modified",
    "revised",
    "updated",
    "updated_time",
    "update_date",
    "lastupdate",
    "last-updated",
    "citation_last_modified",
];

/// What a meta name says, if it names a date at all.
pub(super) fn meta_kind(name: &str) -> Option<MetaKind> {
    let lower = name.trim().to_ascii_lowercase();
    let name = lower.as_str();
    if PUBLISHED.contains(&name) {
        Some(MetaKind::Published)
    } else if GENERIC.contains(&name) {
        Some(MetaKind::Generic)
    } else if MODIFIED.contains(&name) || name.contains("modif") || name.contains("updat") {
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
        "date", "datum", "publish", "posted", "pubdate", "dateline", "fecha", "data-pub",
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
pub(super) const PUBLISHED_LABELS: &[&str] = &[
    "published",
    "publiziert",
    "veröffentlicht",
    "erschienen",
    "posted",
    "erstellt",
    "geschrieben",
    "eingestellt",
    "datum",
    "date:",
    "publié",
    "publicado",
    "publicada",
    "pubblicato",
    "gepubliceerd",
    "geplaatst",
    "written",
    "released",
];

/// Labels that introduce a modification date in text, lowercase.
pub(super) const MODIFIED_LABELS: &[&str] = &[
    "updated",
    "update:",
    "modified",
    "aktualisiert",
    "geändert",
    "last edit",
    "mis à jour",
    "actualizado",
    "aggiornato",
    "bijgewerkt",
    "revised",
];

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
