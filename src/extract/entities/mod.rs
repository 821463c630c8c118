//! People and places in an article: the [`EntityExtractor`] seam and the
//! shipped implementation, [`TaggerExtractor`].
//!
//! The statistical [`Tagger`] finds person, place, organisation and other
//! names; `resolve` turns its person and place spans into canonical names
//! (titles stripped, short forms resolved within the article, places
//! through the [`PlaceTable`]); `words` holds the word lists it needs. The
//! first, rule-based extractor was retired (its scores are kept in
//! `docs/entities.md`).

mod context;
mod resolve;
mod words;

use std::ops::Range;

use resolve::{Tagged, resolve};
pub(crate) use resolve::{glued_at, is_glued};
use words::Lexicon;

use crate::extract::places::PlaceTable;
use crate::extract::tagger::{Kind, ModelError, Section, Span, Tagger, caps};
use crate::model::{EntityKind, Mention};

/// People and places found in one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entities {
    /// Canonical person names, most mentioned first (ties: first
    /// appearance).
    pub people: Vec<String>,
    /// Canonical place names, most mentioned first (ties: first
    /// appearance).
    pub places: Vec<String>,
    /// Every mention, in order of appearance (title first, then body).
    pub mentions: Vec<Mention>,
    /// The names the tagger marked as organisations or other named things
    /// (laws, events, works), each once, in order of appearance: not
    /// listed, but evidence across the archive of what a name is (a name
    /// that is mostly an organisation is no person anywhere).
    pub others: Vec<String>,
    /// The place names the gazetteer does not know that follow a locative
    /// preposition at least once (`in the Beltway`), each once: not
    /// listed, but evidence across the archive that a name is a place.
    pub located: Vec<String>,
    /// A title word with the person name it comes before, each once
    /// (`President Clinton`, `President Bill Clinton`: one word as written,
    /// more as resolved): not listed, but evidence across the archive of
    /// whom a title and a surname name. A name after `the` that heads its
    /// phrase is stored so too (`the Rose Garden`): evidence that a name
    /// the tagger takes for a person is none.
    pub styled: Vec<String>,
}

/// The seam between the pipeline and an entity extractor.
pub trait EntityExtractor: Send + Sync {
    /// Finds the people and places of one article.
    fn extract(&self, title: &str, body: &str) -> Entities;

    /// A short description of the extractor and its model, for reports and
    /// `--version`.
    fn name(&self) -> String;
}

/// The trained model, embedded (gzip-compressed); rebuilt by
/// `examples/train_tagger.rs` (see the README).
const MODEL: &[u8] = include_bytes!("../../../models/tagger.bin.gz");

/// The embedded model's version string, as `--version` prints it (a test
/// checks that it is the one written in the model).
pub fn model_version() -> &'static str {
    crate::model_version!()
}

/// People and places from the embedded statistical tagger.
///
/// Loading the model takes some tens of milliseconds: build one and share
/// it.
#[derive(Debug, Clone)]
pub struct TaggerExtractor {
    tagger: Tagger,
}

impl TaggerExtractor {
    /// Loads the embedded model.
    pub fn load() -> Result<TaggerExtractor, ModelError> {
        TaggerExtractor::from_model(MODEL)
    }

    /// Loads a model written by the trainer (for evaluating a new model
    /// before embedding it).
    pub fn from_model(bytes: &[u8]) -> Result<TaggerExtractor, ModelError> {
        // The gazetteer that resolves places is built beside the model,
        // not by the first article's extraction while the others wait.
        let (tagger, _) = rayon::join(
            || Tagger::from_bytes(bytes),
            crate::extract::places::PlaceTable::get,
        );
        Ok(TaggerExtractor { tagger: tagger? })
    }

    #[cfg(test)]
    /// The tagger inside.
    pub(crate) fn into_tagger(self) -> Tagger {
        self.tagger
    }
}

impl EntityExtractor for TaggerExtractor {
    fn extract(&self, title: &str, body: &str) -> Entities {
        let (mut spans, caps) = tag_cased(&self.tagger, title, body);
        // Party labels, `(D-Calif.)` or `R-Texas,`: the state is a place,
        // which the tagger (trained on 1996 Reuters) rarely marks.
        for part in Section::BOTH {
            let text = part.of(title, body);
            for (party, state) in party_labels(text) {
                // The party letter is no name (`R.` of `(R., Ark.)`).
                spans.retain(|s| !(s.part == part && s.start < party.end && party.start < s.end));
                force_place(&mut spans, part, state);
            }
        }
        place_context(&mut spans, title, body);
        spans.sort_by_key(|s| (s.part, s.start));
        let mut others: Vec<String> = Vec::new();
        for span in spans
            .iter()
            .filter(|s| matches!(s.kind, Kind::Org | Kind::Misc))
        {
            let text = span.part.of(title, body).get(span.start..span.end);
            if let Some(name) = text.and_then(resolve::other_name) {
                // A name in a compound modifier (`Obama-era`, `Trump-backed`)
                // is a name of its own too.
                let head = resolve::compound_head(&name).map(str::to_string);
                for name in std::iter::once(name).chain(head) {
                    if !others.contains(&name) {
                        others.push(name);
                    }
                }
            }
        }
        let tagged: Vec<Tagged<'_>> = spans
            .iter()
            .enumerate()
            .filter_map(|(i, span)| {
                let kind = match span.kind {
                    Kind::Per => EntityKind::Person,
                    Kind::Loc => EntityKind::Place,
                    Kind::Org | Kind::Misc => return None,
                };
                let part = span.part.of(title, body);
                let text = part.get(span.start..span.end)?;
                // The name keeps a regnal title the span left out; the
                // mention stays the span.
                let titled = match kind {
                    EntityKind::Person => Some(regnal_start(part, span.start, span.end))
                        .filter(|&start| start != span.start)
                        .and_then(|start| part.get(start..span.end)),
                    EntityKind::Place => None,
                };
                let in_caps = within(&caps[span.part.index()], span);
                let follows_place = i > 0 && context::follows_place(part, &spans[i - 1], span);
                Some(Tagged {
                    text,
                    titled,
                    kind,
                    caps: in_caps,
                    follows_place,
                    locative: context::after_locative(part, span.start)
                        && context::heads_phrase(part, span.end),
                    title_word: match kind {
                        EntityKind::Person => {
                            context::title_before(part, span.start, |w| Lexicon::get().is_title(w))
                                .or_else(|| {
                                    // `the Prophet Mohammed`: the article goes
                                    // with the title.
                                    let first = text.split(' ').next().unwrap_or("");
                                    context::article_before(part, span.start, span.end)
                                        .filter(|_| !Lexicon::get().is_title(first))
                                })
                        }
                        EntityKind::Place => None,
                    },
                })
            })
            .collect();
        let mut entities = resolve(&tagged, Lexicon::get(), PlaceTable::get());
        entities.others = others;
        entities
    }

    fn name(&self) -> String {
        format!("statistical tagger, model {}", self.tagger.version())
    }
}

/// Where a one-word person span starts when a regnal title comes right
/// before it (`Pope` of `Pope Francis`, which the tagger leaves out as
/// CoNLL does): at the title, so that the name can keep it.
fn regnal_start(part: &str, start: usize, end: usize) -> usize {
    let Some(name) = part.get(start..end) else {
        return start;
    };
    if name.contains(char::is_whitespace) {
        return start;
    }
    let Some(before) = part.get(..start).and_then(|b| b.strip_suffix(' ')) else {
        return start;
    };
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    // The title starts its sentence or follows a space or an opening mark,
    // and is not inside a name (`Nat King Cole`: a capitalised word before
    // it; `Saudi King Salman` is left as the tagger spanned it too).
    let head = &before[..word_start];
    let after_name = head
        .strip_suffix(' ')
        .and_then(|h| h.split(' ').next_back())
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase);
    if resolve::REGNAL_TITLES.contains(&word)
        && !after_name
        && head
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '\''))
    {
        word_start
    } else {
        start
    }
}

/// Tags an article, reading its all-caps lines (an all-caps title, a
/// Reuters headline) through a title-cased copy as well: the people found
/// in the copy's all-caps lines where the original found nothing are added,
/// with the same offsets. Also returns the all-caps
/// lines of the title and of the body.
fn tag_cased(tagger: &Tagger, title: &str, body: &str) -> (Vec<Span>, [Vec<Range<usize>>; 2]) {
    let caps = [caps::caps_lines(title), caps::caps_lines(body)];
    let mut spans = tagger.tag(title, body);
    if caps.iter().all(Vec::is_empty) {
        return (spans, caps);
    }
    // The copy finds the people; places and organisations in capitals are
    // found as well in the original (the tagger learned both forms).
    // Without all-caps body lines only the title is tagged again (an
    // all-caps Reuters headline would otherwise cost a second pass over the
    // whole body).
    let title_copy = caps::cased_copy(title, &caps[0]);
    let body_copy = if caps[1].is_empty() {
        String::new()
    } else {
        caps::cased_copy(body, &caps[1])
    };
    let people: Vec<Span> = tagger
        .tag(&title_copy, &body_copy)
        .into_iter()
        .filter(|s| s.kind == Kind::Per && within(&caps[s.part.index()], s))
        .collect();
    let overlap = |a: &Span, b: &Span| a.part == b.part && a.start < b.end && b.start < a.end;
    let new: Vec<Span> = people
        .into_iter()
        .filter(|p| !spans.iter().any(|s| overlap(s, p)))
        .collect();
    spans.extend(new);
    (spans, caps)
}

/// Whether `span` lies inside one of `lines` (byte ranges of its part).
fn within(lines: &[Range<usize>], span: &Span) -> bool {
    lines
        .iter()
        .any(|r| r.start <= span.start && span.end <= r.end)
}

/// Makes `range` of `part` a place span, replacing the spans it overlaps.
fn force_place(spans: &mut Vec<Span>, part: Section, range: Range<usize>) {
    spans.retain(|s| !(s.part == part && s.start < range.end && range.start < s.end));
    spans.push(Span {
        part,
        start: range.start,
        end: range.end,
        kind: Kind::Loc,
    });
}

/// The span rules of [`context`]: the body's dateline places and postal
/// codes after places become places; one-word names of agreements are no
/// people.
fn place_context(spans: &mut Vec<Span>, title: &str, body: &str) {
    let table = PlaceTable::get();
    let mut added = Vec::new();
    for range in context::dateline_places(body, |p| table.lookup(p).is_some()) {
        added.push((Section::Body, range));
    }
    for part in Section::BOTH {
        let text = part.of(title, body);
        let places: Vec<Range<usize>> = spans
            .iter()
            .filter(|s| s.part == part && s.kind == Kind::Loc)
            .map(|s| s.start..s.end)
            .collect();
        for range in context::codes_after_places(text, &places, |c| table.postal(c).is_some()) {
            added.push((part, range));
        }
    }
    for (part, range) in added {
        force_place(spans, part, range);
    }
    spans.retain(|s| !context::names_agreement(s.part.of(title, body), s));
}

/// The party labels of US politicians in `text`: `(D-Calif.)`, `R-Texas,`
/// and, in the style of some papers, `(R., Ark.)`: the byte range of the
/// party letter (with its period) and of the state.
fn party_labels(text: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for (at, &b) in bytes.iter().enumerate() {
        if at == 0 || !matches!(b, b'D' | b'R' | b'I') {
            continue;
        }
        // "(D" or ", R" before the separator.
        let opened = bytes[at - 1] == b'(';
        let after_comma = bytes[at - 1] == b' ' && text[..at - 1].ends_with(',');
        if !(opened || after_comma) {
            continue;
        }
        let rest = &text[at + 1..];
        let (party_end, start) = if rest.starts_with('-') {
            (at + 1, at + 2)
        } else if rest.starts_with("., ") {
            (at + 2, at + 4)
        } else {
            continue;
        };
        let len = text[start..]
            .find(|c: char| !(c.is_ascii_alphabetic() || c == '.' || c == ' '))
            .unwrap_or(text.len() - start);
        let state = text[start..start + len].trim_end();
        let close = text[start + len..].chars().next();
        let closes = if opened {
            close == Some(')')
        } else {
            close == Some(',')
        };
        let words = state.split(' ').count();
        if closes
            && (1..=2).contains(&words)
            && state.len() <= 16
            && state.starts_with(|c: char| c.is_ascii_uppercase())
        {
            out.push((at..party_end, start..start + state.len()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_model_loads_and_tags() {
        let x = TaggerExtractor::load().expect("embedded model");
        assert_eq!(x.tagger.version(), model_version());
        let e = x.extract(
            "Blinken meets Wang in Beijing",
            "US Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi \
             in Beijing on Friday. Blinken said the talks with the Bank of Ningbo's \
             executives were not on the agenda.",
        );
        assert!(e.people.contains(&"Antony Blinken".to_string()), "{e:?}");
        assert!(e.people.contains(&"Wang Yi".to_string()), "{e:?}");
        assert!(e.places.contains(&"Beijing".to_string()), "{e:?}");
        assert!(!e.places.iter().any(|p| p.contains("Ningbo")), "{e:?}");
        for m in &e.mentions {
            assert!(m.text != "Chinese", "{m:?}");
        }
    }

    #[test]
    fn a_regnal_title_stays_with_one_name() {
        let text = "Pope Francis arrived on Monday.";
        assert_eq!(regnal_start(text, 5, 12), 0);
        // Not with two names, nor a title glued to other text, nor a word
        // that only ends like one.
        let two = "King Charles III";
        assert_eq!(regnal_start(two, 5, 16), 5);
        assert_eq!(regnal_start("Rep. Steve King", 11, 15), 11);
        assert_eq!(regnal_start("a-Pope Francis", 7, 14), 7);
        assert_eq!(regnal_start("Antipope Francis", 9, 16), 9);
        assert_eq!(regnal_start("by Nat King Cole", 12, 16), 12);
        assert_eq!(regnal_start("by the King Cole", 12, 16), 7);
        // Multi-byte text before the title or the name.
        let quoted = "said “Pope Francis";
        let at = quoted.find("Francis").unwrap();
        assert_eq!(
            regnal_start(quoted, at, quoted.len()),
            quoted.find("Pope").unwrap()
        );
        let closing = "“one member” Francis";
        let at = closing.find("Francis").unwrap();
        assert_eq!(regnal_start(closing, at, closing.len()), at);
        for (i, _) in quoted.char_indices() {
            for (j, _) in quoted.char_indices().filter(|(j, _)| *j >= i) {
                let k = regnal_start(quoted, i, j);
                assert!(quoted.is_char_boundary(k) && k <= i);
            }
        }
        let x = TaggerExtractor::load().unwrap();
        let e = x.extract(
            "",
            "Pope Francis arrived in Santiago on Monday. Francis said the church would listen.",
        );
        assert!(e.people.contains(&"Pope Francis".to_string()), "{e:?}");
        assert!(!e.people.contains(&"Francis".to_string()), "{e:?}");
        // The mentions are the tagger's spans, as CoNLL marks them.
        let named: Vec<&str> = e
            .mentions
            .iter()
            .filter(|m| m.name == "Pope Francis")
            .map(|m| m.text.as_str())
            .collect();
        assert_eq!(named, vec!["Francis", "Francis"], "{e:?}");
        let e = x.extract(
            "",
            "Barack Obama spoke on Monday. Critics called him Emperor Obama after the speech.",
        );
        assert!(!e.people.iter().any(|p| p.contains("Emperor")), "{e:?}");
    }

    #[test]
    fn party_labels_give_their_state() {
        let text = "Sen. Dianne Feinstein (D-Calif.) and Ted Cruz, R-Texas, met Rep. Nita \
                    Lowey (D-N.Y.) and (R-New Mexico); not (D-day) or Jean-Luc, re-run. \
                    Senator Tom Cotton (R., Ark.) and Rep. Devin Nunes (R., Calif.).";
        let all = format!("{text} Not W.H.R. Rivers or (R., 2019).");
        let labels: Vec<(&str, &str)> = party_labels(&all)
            .into_iter()
            .map(|(party, state)| (&all[party], &all[state]))
            .collect();
        assert_eq!(
            labels,
            vec![
                ("D", "Calif."),
                ("R", "Texas"),
                ("D", "N.Y."),
                ("R", "New Mexico"),
                ("R.", "Ark."),
                ("R.", "Calif.")
            ]
        );
        let x = TaggerExtractor::load().unwrap();
        let e = x.extract("", text);
        assert!(
            !e.mentions.iter().any(|m| m.text == "R."),
            "a party letter is no name: {e:?}"
        );
        for state in ["Calif.", "Texas", "N.Y.", "Ark."] {
            assert!(
                e.mentions
                    .iter()
                    .any(|m| m.text == state && m.kind == EntityKind::Place),
                "{state}: {e:?}"
            );
        }
    }
}

/// A floor under the scores on real data, so that no change lowers them
/// unnoticed: CoNLL-2003 testa (document-level F1, model ap-bio-v2: person
/// 0.958, place 0.950) and the hand-labelled modern sample (0.919 / 0.875).
/// The full report is `cargo run --release --features lab --example
/// eval_entities`.
#[cfg(test)]
mod accuracy {
    use std::path::Path;

    use super::*;
    use crate::extract::eval;

    #[test]
    #[ignore = "needs ../shared/data"]
    fn testa_and_modern_sample() {
        let x = TaggerExtractor::load().unwrap();
        let text = std::fs::read_to_string(crate::data::shared_data().join("conll2003/eng.testa"))
            .unwrap();
        let docs = eval::read_conll(&text);
        assert_eq!(docs.len(), 216);
        let (person, place) = eval::evaluate(&x, &docs);
        assert!(person.prf().2 >= 0.955, "testa person {:?}", person.prf());
        assert!(place.prf().2 >= 0.948, "testa place {:?}", place.prf());

        let labels = Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/modern-labels.jsonl");
        let docs =
            eval::read_modern(&labels, &crate::data::shared_data().join("allsides")).unwrap();
        assert_eq!(docs.len(), 60);
        let (person, place) = eval::evaluate(&x, &docs);
        assert!(person.prf().2 >= 0.915, "modern person {:?}", person.prf());
        assert!(place.prf().2 >= 0.865, "modern place {:?}", place.prf());
    }
}
