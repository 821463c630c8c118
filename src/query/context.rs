//! A request compiled into one tantivy query, over one searcher: the text
//! through `QueryParser`, people, places and dates as filters. Shared by
//! search, counting, article reads and stats.

use std::cell::{OnceCell, RefCell};
use std::ops::Bound;

use chrono::NaiveDate;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, InvertedIndexRangeQuery, Occur, PhraseQuery, Query,
    QueryParser, RangeQuery, TermQuery, TermSetQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DateTime, DocAddress, Searcher, TantivyDocument, Term};

use super::request::SearchRequest;
use crate::error::{Error, Result};
use crate::index::schema::{self, NAME_ANALYZER};
use crate::index::{Fields, NameCounts, NewsIndex, Persons, key_words, tantivy_error};
use crate::model::EntityKind;

/// The weight of a title match relative to a body match.
const TITLE_BOOST: f32 = 2.0;

/// A request compiled: the whole query, and its text part alone (for
/// snippets).
pub(super) type Compiled = (Box<dyn Query>, Option<Box<dyn Query>>);

pub(super) struct Context<'a> {
    pub(super) index: &'a NewsIndex,
    pub(super) fields: &'a Fields,
    pub(super) searcher: Searcher,
    /// The archive's persons (see `index::persons`), read on first use.
    persons: OnceCell<Persons>,
    /// The last name looked up by [`Context::matching`] and its persons.
    matched: RefCell<Option<(String, Vec<u32>)>>,
}

impl<'a> Context<'a> {
    pub(super) fn new(index: &'a NewsIndex) -> Result<Context<'a>> {
        Ok(Context {
            index,
            fields: index.fields(),
            searcher: index.searcher()?,
            persons: OnceCell::new(),
            matched: RefCell::new(None),
        })
    }

    pub(super) fn err(&self, e: tantivy::TantivyError) -> Error {
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
            .map_err(|source| Error::Query {
                query: text.to_string(),
                source,
            })?;
        Ok(Some(query))
    }

    /// The archive's persons for the state searched: the forms of one
    /// person's name that count and match as one.
    pub(super) fn persons(&self) -> Result<&Persons> {
        if let Some(done) = self.persons.get() {
            return Ok(done);
        }
        let persons = self.index.persons(&self.searcher)?;
        Ok(self.persons.get_or_init(|| persons))
    }

    /// The persons that `name` names (`Identities::matching`), remembered
    /// for the next call: `people NAME` asks for its articles and then
    /// for its counts.
    pub(super) fn matching(&self, name: &str) -> Result<Vec<u32>> {
        if let Some((last, found)) = &*self.matched.borrow()
            && last == name
        {
            return Ok(found.clone());
        }
        let found = self.persons()?.matching(name);
        *self.matched.borrow_mut() = Some((name.to_string(), found.clone()));
        Ok(found)
    }

    /// Counts the articles per name of one kind over the documents
    /// searched: people per person, every form of a person as one, without
    /// the names that are no person or no place.
    pub(super) fn counts(&self, kind: EntityKind) -> Result<NameCounts<'_>> {
        let persons = std::sync::Arc::clone(self.persons()?);
        Ok(NameCounts::of(self.index, kind, Some(persons)))
    }

    /// Articles that mention person `name` in any form: those whose people
    /// include every word of it, plus every form of the persons it names
    /// (`--person "Chuck Schumer"` also finds "Charles E. Schumer" and,
    /// when the archive makes it clear, "Schumer").
    fn person_query(&self, name: &str) -> Result<Box<dyn Query>> {
        let by_words = self.name_query(self.fields.people, name)?;
        let persons = self.persons()?;
        let mut alternatives: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Should, by_words)];
        for at in self.matching(name)? {
            let forms = persons
                .person(at)
                .forms
                .iter()
                .map(|(form, _)| form.as_str());
            alternatives.extend(crate::index::form_clauses(self.fields.person_name, forms));
            alternatives.extend(self.as_other_kind(persons, at));
        }
        Ok(if alternatives.len() == 1 {
            alternatives.remove(0).1
        } else {
            Box::new(BooleanQuery::new(alternatives))
        })
    }

    /// Articles where the tagger took a form of person `at` for another
    /// kind of name, one mention at a time: for an organisation or other
    /// name (`the Trump administration`, `Trump` as a modifier), or for a
    /// place where the archive says the name is none (`Putin`). The persons
    /// step has already weighed each form's kinds across the archive (a
    /// form mostly of another kind is no person, `Ford` of Ford Motor). A
    /// form of one word counts only in articles that store no other person
    /// it could name (`Trump` beside `Ivanka Trump`, `Melania` beside
    /// `Melania Knauss`), as the extractor resolves a short form to the
    /// fullest name its article gives.
    fn as_other_kind(&self, persons: &Persons, at: u32) -> Vec<(Occur, Box<dyn Query>)> {
        let f = self.fields;
        let terms = |form: &str| {
            let mut terms = vec![Term::from_field_text(f.other_name, form)];
            if persons.is_no_place(form) {
                terms.push(Term::from_field_text(f.place_name, form));
            }
            terms
        };
        // The names that start with the form, then a space or a hyphen
        // (`Obama Administration`, `Obama White House`, `Obama-Biden
        // administration`): the tagger takes a name used as a modifier
        // into the organisation it qualifies.
        let led = |form: &str| -> [Box<dyn Query>; 2] {
            let range = |from: char, to: char| -> Box<dyn Query> {
                let bound = |c: char| Term::from_field_text(f.other_name, &format!("{form}{c}"));
                Box::new(InvertedIndexRangeQuery::new(
                    Bound::Included(bound(from)),
                    Bound::Excluded(bound(to)),
                ))
            };
            [range(' ', '!'), range('-', '.')]
        };
        let mut full = Vec::new();
        let mut full_led: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        // The forms of one word by their key (`Trump`, `TRUMP`).
        let mut single: Vec<OneWord> = Vec::new();
        for (form, _) in &persons.person(at).forms {
            let mut key = key_words(form);
            match key.len() {
                0 => {}
                1 => {
                    let word = key.remove(0);
                    match single.iter_mut().find(|one| one.word == word) {
                        Some(one) => {
                            one.terms.extend(terms(form));
                            one.led.extend(led(form));
                        }
                        None => single.push(OneWord {
                            word,
                            terms: terms(form),
                            led: led(form).into(),
                        }),
                    }
                }
                _ => {
                    full.extend(terms(form));
                    full_led.extend(led(form).map(|q| (Occur::Should, q)));
                }
            }
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = full_led;
        // A title with one word of the name that names this person across
        // the archive (`President Clinton`), whatever else the article
        // names.
        let styled = &persons.person(at).styled;
        if !styled.is_empty() {
            let terms = styled
                .iter()
                .map(|form| Term::from_field_text(f.styled_name, form));
            clauses.push((Occur::Should, Box::new(TermSetQuery::new(terms))));
        }
        if !full.is_empty() {
            clauses.push((Occur::Should, Box::new(TermSetQuery::new(full))));
        }
        let words: Vec<String> = single.iter().map(|one| one.word.clone()).collect();
        let rivals = persons.others_containing(at, &words);
        for (one, rivals) in single.into_iter().zip(rivals) {
            let mut any: Vec<(Occur, Box<dyn Query>)> =
                one.led.into_iter().map(|q| (Occur::Should, q)).collect();
            any.push((Occur::Should, Box::new(TermSetQuery::new(one.terms))));
            let query: Box<dyn Query> = Box::new(BooleanQuery::new(any));
            let rival_forms: Vec<Term> = rivals
                .iter()
                .flat_map(|&r| &persons.person(r).forms)
                .map(|(form, _)| Term::from_field_text(f.person_name, form))
                .collect();
            clauses.push((
                Occur::Should,
                if rival_forms.is_empty() {
                    query
                } else {
                    Box::new(BooleanQuery::new(vec![
                        (Occur::Must, query),
                        (Occur::MustNot, Box::new(TermSetQuery::new(rival_forms))),
                    ]))
                },
            ));
        }
        clauses
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
            0 => Err(Error::EmptyName {
                name: name.to_string(),
            }),
            1 => Ok(Box::new(TermQuery::new(
                terms.remove(0),
                IndexRecordOption::Basic,
            ))),
            _ => Ok(Box::new(PhraseQuery::new(terms))),
        }
    }

    /// The analyzer of title and body.
    pub(super) fn text_analyzer(&self) -> TextAnalyzer {
        self.index
            .tantivy()
            .tokenizers()
            .get(schema::TEXT_ANALYZER)
            .expect("analyzers are registered when the index opens")
    }

    /// The words of a name as the name analyzer indexes them.
    pub(super) fn name_words(&self, name: &str) -> Vec<String> {
        analyzer_words(&mut self.name_analyzer(), name)
    }

    /// The analyzer of the name fields.
    pub(super) fn name_analyzer(&self) -> TextAnalyzer {
        self.index
            .tantivy()
            .tokenizers()
            .get(NAME_ANALYZER)
            .expect("analyzers are registered when the index opens")
    }

    /// The whole request as one query: text (scored) and filters (not).
    pub(super) fn query(&self, request: &SearchRequest) -> Result<Compiled> {
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

    pub(super) fn doc(&self, address: DocAddress) -> Result<TantivyDocument> {
        self.searcher.doc(address).map_err(|e| self.err(e))
    }
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

/// True when `wanted` occurs as a contiguous run of `words`.
/// The words `analyzer` makes of `name`.
pub(super) fn analyzer_words(analyzer: &mut TextAnalyzer, name: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(name);
    let mut words = Vec::new();
    while stream.advance() {
        words.push(stream.token().text.clone());
    }
    words
}

/// False only when `name` cannot hold the analyzed `words`: an ASCII name
/// (which the analyzer only splits and lowercases) that lacks one of the
/// ASCII words, ignoring case. A cheap test before [`analyzer_words`].
pub(super) fn may_contain_words(name: &str, words: &[String]) -> bool {
    !name.is_ascii()
        || words
            .iter()
            .all(|w| !w.is_ascii() || crate::ascii::find_ignore_ascii_case(name, w).is_some())
}

pub(super) fn contains_words(words: &[String], wanted: &[String]) -> bool {
    !wanted.is_empty() && words.windows(wanted.len()).any(|w| w == wanted)
}

/// The first instant of `day`, as the index stores dates.
fn day_start(day: NaiveDate) -> DateTime {
    crate::index::day_to_datetime(day)
}

/// The clauses of a person's forms of one word with one key (`Trump`,
/// `TRUMP`), for [`Context::as_other_kind`].
struct OneWord {
    /// The key word.
    word: String,
    /// The stored names that are the forms.
    terms: Vec<Term>,
    /// The names that start with a form (see `led` there).
    led: Vec<Box<dyn Query>>,
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn contains_words_in_order() {
        let w = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
        assert!(contains_words(&w("antony blinken"), &w("blinken")));
        assert!(contains_words(&w("antony blinken"), &w("antony blinken")));
        assert!(!contains_words(&w("antony blinken"), &w("blinken antony")));
        assert!(!contains_words(&w("antony blinken"), &[]));
    }
}
