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
