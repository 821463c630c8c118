//! Property tests: arbitrary text never panics, spans are valid.

use proptest::prelude::*;

use super::model::{ModelData, N_LABELS, Weights};
use super::token::{sentences, tokenize};
use super::{Kind, Tagger};

/// A small model with pseudo-random weights: enough to exercise decoding.
fn toy_tagger() -> Tagger {
    let bits = 10;
    let mut x = 7u64;
    let w: Vec<f32> = (0..(1usize << bits) * N_LABELS)
        .map(|_| {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            ((x >> 40) % 200) as f32 / 100.0 - 1.0
        })
        .collect();
    let trans = vec![0.0; (N_LABELS + 1) * N_LABELS];
    Tagger::from_data(ModelData {
        version: "toy".into(),
        features: 7,
        weights: Weights::quantise(bits, &w, trans),
        clusters: vec![(super::features::lower_hash("putin"), 1)],
        coarse: vec![0, 1],
        caps: vec![],
    })
}

#[test]
fn toy_model_tags_and_round_trips() {
    let t = toy_tagger();
    let title = "PUTIN TO VISIT CHINA";
    let body =
        "BEIJING, April 25 (Reuters) - Vladimir Putin\u{2019}s trip \u{2014} \u{201c}soon\u{201d}.";
    let spans = t.tag(title, body);
    for s in &spans {
        let text = s.part.of(title, body);
        assert!(s.start < s.end && text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        assert!(Kind::ALL.contains(&s.kind));
    }
    assert_eq!(t.version(), "toy");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text_never_panics(title in "\\PC{0,40}", body in "(\\PC|[\\n .,'’\"“”—–-]){0,300}") {
        let tokens = tokenize(&body);
        let mut last = 0;
        for t in &tokens {
            prop_assert!(t.start >= last && t.start < t.end && t.end <= body.len());
            prop_assert!(body.is_char_boundary(t.start) && body.is_char_boundary(t.end));
            last = t.end;
        }
        let sents = sentences(&body, &tokens);
        prop_assert_eq!(sents.iter().map(|r| r.len()).sum::<usize>(), tokens.len());
        let tagger = toy_tagger();
        for s in tagger.tag(&title, &body) {
            let text = s.part.of(&title, &body);
            prop_assert!(s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }
}

/// Every sentence's emission scores, as tagging without the word cache
/// computes them.
fn uncached_emissions(t: &Tagger, title: &str, body: &str) -> Vec<Vec<[f32; N_LABELS]>> {
    let (_, sents) = super::featurize(title, body, &t.resources, t.features, t.weights.bits);
    let mut emit = Vec::new();
    sents
        .iter()
        .map(|s| {
            emit.clear();
            for k in 0..s.offsets.len() - 1 {
                let mut e = [0f32; N_LABELS];
                let rows = &s.rows[s.offsets[k] as usize..s.offsets[k + 1] as usize];
                t.weights.emit(rows, &mut e);
                emit.push(e);
            }
            emit.clone()
        })
        .collect()
}

/// The same, through this thread's word cache.
fn cached_emissions(t: &Tagger, title: &str, body: &str) -> Vec<Vec<[f32; N_LABELS]>> {
    let mut out = Vec::new();
    super::cache::with_cache(t.id, |cache| {
        t.decode_cached(cache, title, body, |_, _, _, emit| out.push(emit.to_vec()));
    })
    .expect("cache free");
    out
}

const TEXTS: &[(&str, &str)] = &[
    (
        "PUTIN TO VISIT CHINA",
        "BEIJING, April 25 (Reuters) - Vladimir Putin\u{2019}s trip \u{2014} \u{201c}soon\u{201d}. Putin met Xi Jinping.",
    ),
    (
        "Putin to visit China",
        "MOSCOW -- Putin said on Monday he would visit China. PUTIN SAID SO. The Kremlin's Dmitry Peskov said Putin, Xi and Mr. Biden would meet in São Paulo.",
    ),
    (
        "",
        "putin china beijing visit. Visit Beijing! \"China,\" Putin said. U.S.-China talks in New York; the Fed's Jerome Powell.",
    ),
];

#[test]
fn the_word_cache_gives_the_same_emissions_as_tagging_without_it() {
    let real = crate::extract::entities::TaggerExtractor::load()
        .expect("embedded model")
        .into_tagger();
    for t in [toy_tagger(), real] {
        // Twice: the first pass fills the cache, the second reads it.
        for _ in 0..2 {
            for &(title, body) in TEXTS {
                let want = uncached_emissions(&t, title, body);
                assert!(!want.is_empty());
                assert_eq!(cached_emissions(&t, title, body), want, "{title:?}");
                assert_eq!(
                    t.tag(title, body),
                    super::tag_with(&t.weights, &t.resources, t.features, title, body)
                );
            }
        }
    }
}

#[test]
fn taggers_sharing_a_thread_keep_their_own_words() {
    let real = crate::extract::entities::TaggerExtractor::load()
        .expect("embedded model")
        .into_tagger();
    let toy = toy_tagger();
    // Alternating taggers on one thread: each finds the other's words in
    // the cache and must not use their sums.
    for _ in 0..2 {
        for t in [&toy, &real] {
            let (title, body) = TEXTS[1];
            assert_eq!(
                cached_emissions(t, title, body),
                uncached_emissions(t, title, body)
            );
        }
    }
}

#[test]
fn a_person_tag_outvotes_misc_tags_of_the_same_name_but_not_a_nationality() {
    use super::features::Resources;
    use super::{Section, Span, harmonise};
    let title = "Trump to visit Zaire";
    let body = "The Trump administration said Trump would go. Zairean officials agreed, \
                a Zairean said. Zairean.";
    let at = |part: Section, text: &str, word: &str, nth: usize| {
        let start = text.match_indices(word).nth(nth).unwrap().0;
        (part, start, start + word.len())
    };
    let span = |(part, start, end): (Section, usize, usize), kind| Span {
        part,
        start,
        end,
        kind,
    };
    let mut spans = vec![
        span(at(Section::Title, title, "Trump", 0), Kind::Misc),
        span(at(Section::Body, body, "Trump", 0), Kind::Misc),
        span(at(Section::Body, body, "Trump", 1), Kind::Per),
        span(at(Section::Body, body, "Zairean", 0), Kind::Misc),
        span(at(Section::Body, body, "Zairean", 1), Kind::Misc),
        span(at(Section::Body, body, "Zairean", 2), Kind::Per),
    ];
    let res = Resources::new();
    harmonise(Some(&res), title, body, &mut spans);
    let kinds: Vec<Kind> = spans.iter().map(|s| s.kind).collect();
    // Trump: one PER against two MISC is a person everywhere; Zairean: the
    // nationality keeps the majority vote.
    assert_eq!(
        kinds,
        [
            Kind::Per,
            Kind::Per,
            Kind::Per,
            Kind::Misc,
            Kind::Misc,
            Kind::Misc
        ]
    );
}

#[test]
fn a_name_with_a_person_suffix_is_a_person() {
    use super::features::Resources;
    use super::{Section, Span, suffix_fixes};
    let body = "Donald Trump Jr. met Trump Jr. allies. Elizabeth II and World War II. \
                Acme Holdings Jr. Fund";
    let span = |text: &str, kind| {
        let start = body.find(text).unwrap();
        Span {
            part: Section::Body,
            start,
            end: start + text.len(),
            kind,
        }
    };
    let mut spans = vec![
        span("Donald Trump Jr.", Kind::Org),
        span("Trump Jr.", Kind::Misc),
        span("Elizabeth II", Kind::Misc),
        span("World War II", Kind::Misc),
        span("Jr. Fund", Kind::Org),
    ];
    suffix_fixes(&Resources::new(), "", body, &mut spans);
    let kinds: Vec<Kind> = spans.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [Kind::Per, Kind::Per, Kind::Per, Kind::Misc, Kind::Org]
    );
}
