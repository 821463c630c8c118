//! tantivy's English stemmer with a memo of the words it has stemmed.
//!
//! News repeats its words: in 1,500 Reuters articles, stemming was a tenth
//! of every instruction an ingest ran, for a vocabulary a small fraction
//! of the tokens. [`MemoStemmer`] calls the very algorithm tantivy's
//! `Stemmer::new(Language::English)` calls (the same frostem crate and
//! version, pinned in Cargo.toml), so the terms it writes are the same; it
//! only remembers each word's stem, per analyzer (tantivy clones one per
//! segment writer), forgetting all of them when the memo grows past
//! [`MEMO_WORDS`].

use std::borrow::Cow;

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// The most words one memo holds before it starts again.
const MEMO_WORDS: usize = 200_000;

/// The filter: English stemming, remembered.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct MemoStemmer;

impl TokenFilter for MemoStemmer {
    type Tokenizer<T: Tokenizer> = MemoStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> MemoStemmerFilter<T> {
        MemoStemmerFilter {
            inner: tokenizer,
            memo: FxHashMap::default(),
        }
    }
}

/// [`MemoStemmer`] over a tokenizer.
#[derive(Clone)]
pub(crate) struct MemoStemmerFilter<T> {
    inner: T,
    /// Word -> stem, for the words whose stem differs from them; a word
    /// mapped to `None` is its own stem.
    memo: FxHashMap<Box<str>, Option<Box<str>>>,
}

impl<T: Tokenizer> Tokenizer for MemoStemmerFilter<T> {
    type TokenStream<'a> = MemoStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        if self.memo.len() > MEMO_WORDS {
            self.memo.clear();
        }
        MemoStemmerStream {
            tail: self.inner.token_stream(text),
            memo: &mut self.memo,
            stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
        }
    }
}

/// The tokens of a [`MemoStemmerFilter`].
pub(crate) struct MemoStemmerStream<'a, S> {
    tail: S,
    memo: &'a mut FxHashMap<Box<str>, Option<Box<str>>>,
    stemmer: frostem::Stemmer,
}

impl<S: TokenStream> TokenStream for MemoStemmerStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        match self.memo.get(token.text.as_str()) {
            Some(None) => {}
            Some(Some(stem)) => {
                token.text.clear();
                token.text.push_str(stem);
            }
            None => {
                let stem = match self.stemmer.stem(&token.text) {
                    Cow::Borrowed(same) if same == token.text => None,
                    other => Some(other.into_owned().into_boxed_str()),
                };
                let word = std::mem::take(&mut token.text).into_boxed_str();
                token.text = match &stem {
                    Some(stem) => stem.to_string(),
                    None => word.to_string(),
                };
                self.memo.insert(word, stem);
            }
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::{
        AsciiFoldingFilter, Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer,
    };

    use super::*;

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            let t = stream.token();
            out.push((t.text.clone(), t.offset_from, t.offset_to, t.position));
        }
        out
    }

    #[test]
    fn the_same_terms_as_tantivys_stemmer() {
        let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(Language::English))
            .build();
        let mut memo = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(MemoStemmer)
            .build();
        let text = "Ministers running the negotiations said sanctions, sanctioned \
                    and sanctioning firms were generously rewarded; the generous \
                    runner ran. Élysée officials' agreed agreements: agreeing! \
                    Caresses, ponies, ties, caress, cats, feed, agreed, plastered, \
                    bled, motoring, sing, conflated, troubled, sized, hopping, \
                    tanned, falling, hissing, fizzed, failing, filing, happy, sky";
        // Twice through one analyzer: the second pass answers from the memo.
        for _ in 0..2 {
            assert_eq!(tokens(&mut memo, text), tokens(&mut plain, text));
        }
    }

    proptest::proptest! {
        /// Any words, in any order and repeated: the same terms.
        #[test]
        fn the_same_terms_for_any_words(
            words in proptest::collection::vec("[a-z]{1,12}(ing|ed|es|s|ly|ness|ation|ational|iveness)?", 1..40),
        ) {
            let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(Stemmer::new(Language::English))
                .build();
            let mut memo = TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(MemoStemmer)
                .build();
            let text = words.join(" ");
            let twice = format!("{text} {text}");
            proptest::prop_assert_eq!(tokens(&mut memo, &twice), tokens(&mut plain, &twice));
        }
    }
}
