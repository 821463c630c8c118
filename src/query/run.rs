//! Running requests against the index.

use std::cell::OnceCell;
use std::ops::{Bound, Range};

use rustc_hash::FxHashMap;
use std::path::PathBuf;

use chrono::{DateTime as ChronoDateTime, NaiveDate};
use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, PhraseQuery, Query, QueryParser, RangeQuery,
    TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, OwnedValue, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DateTime, DocAddress, Order, Searcher, TantivyDocument, Term};

use super::counts::NameCounts;
use super::names;
use super::request::{SearchRequest, Sort};
use crate::error::{Error, Result};
use crate::index::schema::{self, NAME_ANALYZER};
use crate::index::{Fields, NewsIndex, tantivy_error};
use crate::model::{Article, ArticleId, EntityKind};
use crate::parse::find_ignore_ascii_case;

/// The weight of a title match relative to a body match.
const TITLE_BOOST: f32 = 2.0;
/// The longest snippet, in characters.
const SNIPPET_CHARS: usize = 240;

/// A passage of an article's body with the matched words marked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snippet {
    /// The passage, plain text.
    pub text: String,
    /// Byte ranges of `text` that matched the query.
    pub highlights: Vec<Range<usize>>,
}

impl Snippet {
    /// The passage as HTML: matched words in `<b>`...`</b>`, the rest escaped.
    pub fn to_html(&self) -> String {
        let mut html = String::with_capacity(self.text.len() + 16);
        let mut at = 0;
        for range in &self.highlights {
            escape_into(&self.text[at..range.start], &mut html);
            html.push_str("<b>");
            escape_into(&self.text[range.clone()], &mut html);
            html.push_str("</b>");
            at = range.end;
        }
        escape_into(&self.text[at..], &mut html);
        html
    }
}

fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// One search result.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Stable article id.
    pub id: ArticleId,
    /// BM25 score (0 when the request had no query text).
    pub score: f32,
    /// Headline.
    pub title: String,
    /// Publication day.
    pub date: Option<NaiveDate>,
    /// People, most mentioned first.
    pub people: Vec<String>,
    /// Places, most mentioned first.
    pub places: Vec<String>,
    /// Source file.
    pub path: PathBuf,
    /// Position in the source file.
    pub position: u64,
    /// A passage of the body around the matches.
    pub snippet: Snippet,
}

/// A page of results and the number of matches in all.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchResults {
    /// How many articles match in all.
    pub total: usize,
    /// The requested page of hits.
    pub hits: Vec<Hit>,
}

/// An entity and the number of articles that mention it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityCount {
    /// Canonical name.
    pub name: String,
    /// Number of articles.
    pub articles: u64,
}

/// Figures about the whole index.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Articles.
    pub articles: u64,
    /// Distinct people.
    pub people: u64,
    /// Distinct places.
    pub places: u64,
    /// Earliest publication day.
    pub earliest: Option<NaiveDate>,
    /// Latest publication day.
    pub latest: Option<NaiveDate>,
    /// Articles without a date.
    pub undated: u64,
    /// Source files.
    pub files: u64,
    /// Index size on disk, bytes.
    pub size_bytes: u64,
}

/// A request compiled: the whole query, and its text part alone (for
/// snippets).
type Compiled = (Box<dyn Query>, Option<Box<dyn Query>>);

struct Context<'a> {
    index: &'a NewsIndex,
    fields: &'a Fields,
    searcher: Searcher,
    /// The archive's surname resolution, computed once on first use.
    resolution: OnceCell<FxHashMap<String, String>>,
}

impl<'a> Context<'a> {
    fn new(index: &'a NewsIndex) -> Result<Context<'a>> {
        let reader = index.reader()?;
        Ok(Context {
            index,
            fields: index.fields(),
            searcher: reader.searcher(),
            resolution: OnceCell::new(),
        })
    }

    fn err(&self, e: tantivy::TantivyError) -> Error {
        tantivy_error(self.index.path(), e)
    }

    /// The text part of a request, or `None` when it has no text.
    fn text_query(&self, text: &str) -> Result<Option<Box<dyn Query>>> {
        if text.trim().is_empty() {
            return Ok(None);
        }
        let f = self.fields;
        let mut parser = QueryParser::for_index(self.index.tantivy(), vec![f.title, f.body]);
        parser.set_conjunction_by_default();
        parser.set_field_boost(f.title, TITLE_BOOST);
        let query = parser
            .parse_query(&normalize(text))
            .map_err(|e| Error::Query {
                query: text.to_string(),
                message: e.to_string(),
            })?;
        Ok(Some(query))
    }

    /// Single-word person names that the archive resolves to a full name
    /// (see [`names`]).
    fn surname_resolution(&self) -> Result<&FxHashMap<String, String>> {
        if let Some(done) = self.resolution.get() {
            return Ok(done);
        }
        let counts = self
            .searcher
            .search(
                &AllQuery,
                &NameCounts {
                    field: schema::PERSON_NAME,
                },
            )
            .map_err(|e| self.err(e))?;
        Ok(self
            .resolution
            .get_or_init(|| names::surname_resolution(&counts)))
    }

    /// Articles that mention person `name`: those whose people include every
    /// word of it, plus, for a name of several words, those that name only a
    /// surname the archive resolves to a full name matching `name`
    /// (`--person "Antony Blinken"` also finds articles that say only
    /// "Blinken").
    fn person_query(&self, name: &str) -> Result<Box<dyn Query>> {
        let by_words = self.name_query(self.fields.people, name)?;
        let wanted = self.name_words(name);
        if wanted.len() < 2 {
            return Ok(by_words);
        }
        let mut alternatives: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Should, by_words)];
        for (single, full) in self.surname_resolution()? {
            if contains_words(&self.name_words(full), &wanted) {
                let term = Term::from_field_text(self.fields.person_name, single);
                alternatives.push((
                    Occur::Should,
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
                ));
            }
        }
        Ok(if alternatives.len() == 1 {
            alternatives.remove(0).1
        } else {
            Box::new(BooleanQuery::new(alternatives))
        })
    }

    /// Articles whose people (places) include every word of `name`, in
    /// order: `Blinken` and `antony blinken` both match "Antony Blinken".
    fn name_query(&self, field: Field, name: &str) -> Result<Box<dyn Query>> {
        let mut terms: Vec<Term> = self
            .name_words(name)
            .iter()
            .map(|word| Term::from_field_text(field, word))
            .collect();
        match terms.len() {
            0 => Err(Error::Query {
                query: name.to_string(),
                message: "a name needs at least one word".to_string(),
            }),
            1 => Ok(Box::new(TermQuery::new(
                terms.remove(0),
                IndexRecordOption::Basic,
            ))),
            _ => Ok(Box::new(PhraseQuery::new(terms))),
        }
    }

    /// The words of a name as the name analyzer indexes them.
    fn name_words(&self, name: &str) -> Vec<String> {
        let mut analyzer = self
            .index
            .tantivy()
            .tokenizers()
            .get(NAME_ANALYZER)
            .expect("analyzers are registered when the index opens");
        let mut stream = analyzer.token_stream(name);
        let mut words = Vec::new();
        while stream.advance() {
            words.push(stream.token().text.clone());
        }
        words
    }

    /// The whole request as one query: text (scored) and filters (not).
    fn query(&self, request: &SearchRequest) -> Result<Compiled> {
        let text = self.text_query(&request.text)?;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if let Some(text) = &text {
            clauses.push((Occur::Must, text.box_clone()));
        }
        let filter = |q: Box<dyn Query>| {
            (
                Occur::Must,
                Box::new(ConstScoreQuery::new(q, 0.0)) as Box<dyn Query>,
            )
        };
        for person in &request.people {
            clauses.push(filter(self.person_query(person)?));
        }
        for place in &request.places {
            clauses.push(filter(self.name_query(self.fields.places, place)?));
        }
        if request.since.is_some() || request.until.is_some() {
            let field = self.fields.date;
            let lower = match request.since {
                Some(day) => Bound::Included(Term::from_field_date(field, day_start(day))),
                None => Bound::Unbounded,
            };
            let upper = match request.until.and_then(|d| d.succ_opt()) {
                Some(day) => Bound::Excluded(Term::from_field_date(field, day_start(day))),
                None => Bound::Unbounded,
            };
            clauses.push(filter(Box::new(RangeQuery::new(lower, upper))));
        }
        let query: Box<dyn Query> = match clauses.len() {
            0 => Box::new(AllQuery),
            1 if text.is_some() => clauses.remove(0).1,
            _ => Box::new(BooleanQuery::new(clauses)),
        };
        Ok((query, text))
    }

    fn doc(&self, address: DocAddress) -> Result<TantivyDocument> {
        self.searcher.doc(address).map_err(|e| self.err(e))
    }
}

/// Runs a search.
pub fn search(index: &NewsIndex, request: &SearchRequest) -> Result<SearchResults> {
    let cx = Context::new(index)?;
    let (query, text) = cx.query(request)?;
    let top = TopDocs::with_limit(request.limit.max(1)).and_offset(request.offset);
    let (scored, total): (Vec<(f32, DocAddress)>, usize) = match request.sort {
        Sort::Relevance => cx
            .searcher
            .search(&query, &(top.order_by_score(), Count))
            .map_err(|e| cx.err(e))?,
        Sort::Newest | Sort::Oldest => {
            let order = if request.sort == Sort::Newest {
                Order::Desc
            } else {
                Order::Asc
            };
            let by_date = (
                SortByStaticFastValue::<DateTime>::for_field(schema::DATE),
                order,
            );
            let collector = top.order_by((by_date, (SortBySimilarityScore, Order::Desc)));
            let (docs, total) = cx
                .searcher
                .search(&query, &(collector, Count))
                .map_err(|e| cx.err(e))?;
            let docs = docs.into_iter().map(|((_, score), a)| (score, a)).collect();
            (docs, total)
        }
    };
    let snippets = match &text {
        Some(text) => {
            let mut g = SnippetGenerator::create(&cx.searcher, text.as_ref(), cx.fields.body)
                .map_err(|e| cx.err(e))?;
            g.set_max_num_chars(SNIPPET_CHARS);
            Some(g)
        }
        None => None,
    };
    let mut stems: Vec<String> = Vec::new();
    if let Some(text) = &text {
        text.query_terms(&mut |term, _| {
            if term.field() == cx.fields.body
                && let Some(word) = term.value().as_str()
            {
                stems.push(word.to_string());
            }
        });
    }
    let mut hits = Vec::with_capacity(scored.len());
    for (score, address) in scored.into_iter().take(request.limit) {
        let doc = cx.doc(address)?;
        let stored = read_article(cx.fields, &doc);
        let mut snippet = match &snippets {
            Some(g) => {
                let s = g.snippet(&snippet_source(&stored.body, &stems));
                Snippet {
                    text: s.fragment().to_string(),
                    highlights: s.highlighted().to_vec(),
                }
            }
            None => Snippet::default(),
        };
        if snippet.text.is_empty() {
            snippet.text = lead(&stored.body, SNIPPET_CHARS);
            snippet.highlights.clear();
        }
        hits.push(Hit {
            id: stored.id,
            score: if text.is_some() { score } else { 0.0 },
            title: stored.title,
            date: stored.date,
            people: stored.people,
            places: stored.places,
            path: stored.path,
            position: stored.position,
            snippet,
        });
    }
    Ok(SearchResults { total, hits })
}

/// Rewrites what tantivy's grammar reads differently from users: `a AND NOT
/// b` (an AND with a purely negative clause, which matches nothing) becomes
/// `a NOT b`. Quoted phrases are left alone.
fn normalize(query: &str) -> String {
    let mut out = String::with_capacity(query.len());
    let mut in_quotes = false;
    let mut rest = query;
    while let Some(c) = rest.chars().next() {
        if c == '"' {
            in_quotes = !in_quotes;
        }
        let at_word_start = out.is_empty() || out.ends_with(char::is_whitespace);
        if !in_quotes
            && at_word_start
            && let Some(after_and) = rest.strip_prefix("AND")
        {
            let trimmed = after_and.trim_start();
            let spaced = trimmed.len() < after_and.len();
            let not_follows = trimmed
                .strip_prefix("NOT")
                .is_some_and(|r| r.is_empty() || r.starts_with(char::is_whitespace));
            if spaced && not_follows {
                rest = trimmed;
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// How much text the snippet generator analyzes at most.
const SNIPPET_SOURCE_BYTES: usize = 8 * 1024;

/// The paragraphs of `body` that may hold a match, for the snippet
/// generator: stemming a whole long article for every hit dominated the
/// cost of a search. A paragraph is kept when it contains the first four
/// letters of a query stem (stems are lowercase prefixes of the words they
/// come from, give or take their last letters). When none does (accents,
/// irregular stems), the whole body is used.
fn snippet_source<'a>(body: &'a str, stems: &[String]) -> std::borrow::Cow<'a, str> {
    if body.len() <= SNIPPET_CHARS * 2 || stems.is_empty() {
        return body.into();
    }
    let prefixes: Vec<&str> = stems
        .iter()
        .map(|s| match s.char_indices().nth(4) {
            Some((at, _)) => &s[..at],
            None => s.as_str(),
        })
        .collect();
    let mut out = String::new();
    for paragraph in body.split("\n\n") {
        if prefixes
            .iter()
            .any(|p| find_ignore_ascii_case(paragraph, p).is_some())
        {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(paragraph);
            if out.len() >= SNIPPET_SOURCE_BYTES {
                break;
            }
        }
    }
    if out.is_empty() {
        body.into()
    } else {
        out.into()
    }
}

/// The beginning of `body`, cut at a word boundary.
fn lead(body: &str, max_chars: usize) -> String {
    let first = body.split("\n\n").next().unwrap_or("");
    if first.chars().count() <= max_chars {
        return first.to_string();
    }
    let cut: String = first.chars().take(max_chars).collect();
    match cut.rfind(' ') {
        Some(at) => format!("{}…", &cut[..at]),
        None => cut,
    }
}

/// Counts the articles per person (place) among those matching `filter`'s
/// text and dates, most mentioned first. With `name`, only entities whose
/// canonical name contains every word of `name` are counted.
pub fn count_entities(
    index: &NewsIndex,
    kind: EntityKind,
    filter: &SearchRequest,
    name: Option<&str>,
    limit: usize,
) -> Result<Vec<EntityCount>> {
    let cx = Context::new(index)?;
    let column = match kind {
        EntityKind::Person => schema::PERSON_NAME,
        EntityKind::Place => schema::PLACE_NAME,
    };
    let mut request = filter.clone();
    if let Some(name) = name {
        match kind {
            EntityKind::Person => request.people.push(name.to_string()),
            EntityKind::Place => request.places.push(name.to_string()),
        }
    }
    let (query, _) = cx.query(&request)?;
    let counts = cx
        .searcher
        .search(&query, &NameCounts { field: column })
        .map_err(|e| cx.err(e))?;
    let counts = match kind {
        EntityKind::Person => {
            // Counted over the whole archive already: no second pass.
            let everything = name.is_none()
                && filter.text.trim().is_empty()
                && filter.since.is_none()
                && filter.until.is_none()
                && filter.people.is_empty()
                && filter.places.is_empty();
            let resolution = if everything {
                cx.resolution
                    .get_or_init(|| names::surname_resolution(&counts))
            } else {
                cx.surname_resolution()?
            };
            names::fold_counts(counts, resolution)
        }
        EntityKind::Place => counts,
    };
    let wanted: Option<Vec<String>> = name.map(|n| cx.name_words(n));
    let mut entries: Vec<EntityCount> = counts
        .into_iter()
        .map(|(name, articles)| EntityCount { name, articles })
        .filter(|entry| match &wanted {
            Some(words) => contains_words(&cx.name_words(&entry.name), words),
            None => true,
        })
        .collect();
    // Most articles first, then by name; only the first `limit` are sorted.
    let order = |a: &EntityCount, b: &EntityCount| {
        b.articles
            .cmp(&a.articles)
            .then_with(|| a.name.cmp(&b.name))
    };
    if entries.len() > limit && limit > 0 {
        entries.select_nth_unstable_by(limit - 1, order);
    }
    entries.truncate(limit);
    entries.sort_unstable_by(order);
    Ok(entries)
}

/// True when `wanted` occurs as a contiguous run of `words`.
fn contains_words(words: &[String], wanted: &[String]) -> bool {
    !wanted.is_empty() && words.windows(wanted.len()).any(|w| w == wanted)
}

/// Reads one article by id. Its mentions are not stored: they are empty.
pub fn get_article(index: &NewsIndex, id: &str) -> Result<Article> {
    let cx = Context::new(index)?;
    let term = Term::from_field_text(cx.fields.id, id.trim());
    let query = TermQuery::new(term, IndexRecordOption::Basic);
    let top = cx
        .searcher
        .search(&query, &TopDocs::with_limit(1).order_by_score())
        .map_err(|e| cx.err(e))?;
    let Some((_, address)) = top.first() else {
        return Err(Error::ArticleNotFound { id: id.to_string() });
    };
    let doc = cx.doc(*address)?;
    Ok(read_article(cx.fields, &doc))
}

/// Figures about the whole index, from facets and fast fields.
pub fn stats(index: &NewsIndex) -> Result<Stats> {
    let cx = Context::new(index)?;
    let mut stats = Stats {
        articles: cx.searcher.num_docs(),
        size_bytes: index.size_on_disk(),
        ..Stats::default()
    };
    for (field, slot) in [
        (schema::PERSON_NAME, &mut stats.people),
        (schema::PLACE_NAME, &mut stats.places),
    ] {
        let counts = cx
            .searcher
            .search(&AllQuery, &NameCounts { field })
            .map_err(|e| cx.err(e))?;
        *slot = counts.len() as u64;
    }
    for segment in cx.searcher.segment_readers() {
        let dates = segment
            .fast_fields()
            .date(schema::DATE)
            .map_err(|e| cx.err(e))?;
        for doc in segment.doc_ids_alive() {
            match dates.first(doc).and_then(datetime_to_day) {
                Some(day) => {
                    stats.earliest = Some(stats.earliest.map_or(day, |e| e.min(day)));
                    stats.latest = Some(stats.latest.map_or(day, |l| l.max(day)));
                }
                None => stats.undated += 1,
            }
        }
    }
    stats.files = index.files()?.len() as u64;
    Ok(stats)
}

fn day_start(day: NaiveDate) -> DateTime {
    crate::index::day_to_datetime(day)
}

fn datetime_to_day(value: DateTime) -> Option<NaiveDate> {
    ChronoDateTime::from_timestamp(value.into_timestamp_secs(), 0).map(|d| d.date_naive())
}

fn read_article(f: &Fields, doc: &TantivyDocument) -> Article {
    let text = |field: Field| -> Option<String> {
        doc.get_first(field)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    let all = |field: Field| -> Vec<String> {
        doc.get_all(field)
            .filter_map(|v| v.as_str())
            .map(str::to_string)
            .collect()
    };
    let position = doc
        .get_first(f.position)
        .and_then(|v| v.as_u64())
        .unwrap_or(0);
    let date = doc
        .get_first(f.date)
        .and_then(|v| match OwnedValue::from(v) {
            OwnedValue::Date(d) => datetime_to_day(d),
            _ => None,
        });
    Article {
        id: ArticleId::from_string(text(f.id).unwrap_or_default()),
        path: PathBuf::from(text(f.file).unwrap_or_default()),
        position,
        title: text(f.title).unwrap_or_default(),
        body: text(f.body).unwrap_or_default(),
        date,
        url: text(f.url),
        source: text(f.source),
        authors: all(f.authors),
        tags: all(f.tags),
        people: all(f.people),
        places: all(f.places),
        mentions: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_html_escapes_and_marks() {
        let s = Snippet {
            text: "a <b> & sanctions".to_string(),
            highlights: std::iter::once(8..17).collect(),
        };
        assert_eq!(s.to_html(), "a &lt;b&gt; &amp; <b>sanctions</b>");
    }

    #[test]
    fn normalize_rewrites_and_not_outside_quotes() {
        let cases = [
            ("tools AND NOT savers", "tools NOT savers"),
            ("tools  -savers", "tools  -savers"),
            ("BAND NOT x", "BAND NOT x"),
            ("a AND NOTE", "a AND NOTE"),
            ("\"a AND NOT b\" AND NOT c", "\"a AND NOT b\" NOT c"),
            ("x \"machine tools\" y", "x \"machine tools\" y"),
            ("title:rates OR body:madrid", "title:rates OR body:madrid"),
        ];
        for (query, want) in cases {
            assert_eq!(normalize(query), want, "{query}");
        }
    }

    #[test]
    fn snippet_source_keeps_paragraphs_with_stems() {
        let filler = "Nothing to see in this paragraph at all. ".repeat(40);
        let body = format!("{filler}\n\nNew Sanctions were announced.\n\n{filler}\n\nHappily so.");
        let stems = vec!["sanction".to_string(), "happili".to_string()];
        assert_eq!(
            snippet_source(&body, &stems),
            "New Sanctions were announced.\n\nHappily so."
        );
        // No paragraph matches: the whole body.
        let stems = vec!["zeppelin".to_string()];
        assert_eq!(snippet_source(&body, &stems), body);
        // Short bodies are used whole.
        assert_eq!(snippet_source("short", &stems), "short");
    }

    #[test]
    fn lead_cuts_at_words() {
        assert_eq!(lead("one two three", 8), "one two…");
        assert_eq!(lead("short\n\nsecond", 80), "short");
    }

    #[test]
    fn contains_words_in_order() {
        let w = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
        assert!(contains_words(&w("antony blinken"), &w("blinken")));
        assert!(contains_words(&w("antony blinken"), &w("antony blinken")));
        assert!(!contains_words(&w("antony blinken"), &w("blinken antony")));
        assert!(!contains_words(&w("antony blinken"), &[]));
    }
}
