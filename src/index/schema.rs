//! The tantivy schema: every field, its options and its analyzer, in one
//! place. No other module names a field by string.

use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, Field, INDEXED, IndexRecordOption, STORED, STRING,
    Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
    TokenizerManager,
};

/// The analyzer of title and body: words, lowercased, accents folded,
/// English stems.
pub(crate) const TEXT_ANALYZER: &str = "newsdex_text";
/// The analyzer of people and places: words, lowercased, accents folded, no
/// stemming (names are not inflected).
pub(crate) const NAME_ANALYZER: &str = "newsdex_name";

/// The fast column of whole person names.
pub(crate) const PERSON_NAME: &str = "person_name";
/// The fast column of whole place names.
pub(crate) const PLACE_NAME: &str = "place_name";
/// The fast column of the names of organisations and other named things
/// (and publishers).
pub(crate) const OTHER_NAME: &str = "other_name";
/// The fast column of the place names, unknown to the gazetteer, that an
/// article writes after a locative preposition (`in the Beltway`).
pub(crate) const LOCATED_NAME: &str = "located_name";
/// The column of title words with the person names they come before
/// (`President Clinton`, `President Bill Clinton`), searchable.
pub(crate) const STYLED_NAME: &str = "styled_name";
/// The fast column of publication days.
pub(crate) const DATE: &str = "date";
/// The fast column of source file paths.
pub(crate) const FILE: &str = "file";
/// The fast column of article positions in their files.
pub(crate) const POSITION: &str = "position";
/// The fast column of file sizes.
pub(crate) const FILE_SIZE: &str = "file_size";
/// The fast column of file modification times.
pub(crate) const FILE_MTIME: &str = "file_mtime";
/// The fast column of file content hashes.
pub(crate) const FILE_HASH: &str = "file_hash";

/// The version of the on-disk layout this build writes. Bump it whenever the
/// schema, an analyzer or the meaning of a stored field changes: older
/// indexes are then refused with a message that says how to rebuild.
pub(crate) const FORMAT_VERSION: u32 = 8;

/// Every field of the index.
#[derive(Clone, Debug)]
pub(crate) struct Fields {
    /// Stable article id (raw string, stored).
    pub(crate) id: Field,
    /// Canonical path of the source file (raw string, stored, fast): deleting
    /// by this term removes every article of a file.
    pub(crate) file: Field,
    /// Position of the article in its file (stored, fast).
    pub(crate) position: Field,
    /// File size when it was read (fast): part of the fingerprint.
    pub(crate) file_size: Field,
    /// File modification time in ns when it was read (fast).
    pub(crate) file_mtime: Field,
    /// First 8 bytes of the BLAKE3 hash of the file's bytes (fast).
    pub(crate) file_hash: Field,
    /// Headline (analyzed with positions, stored).
    pub(crate) title: Field,
    /// Body (analyzed with positions, stored).
    pub(crate) body: Field,
    /// Canonical person names, searchable by word (stored).
    pub(crate) people: Field,
    /// Canonical place names, searchable by word (stored).
    pub(crate) places: Field,
    /// Canonical person names, whole (raw string, fast): for counting
    /// articles per person without loading documents.
    pub(crate) person_name: Field,
    /// Canonical place names, whole (raw string, fast).
    pub(crate) place_name: Field,
    /// Names of organisations and other named things, and the publisher,
    /// whole (raw string, fast): the archive's evidence of what a name is,
    /// and where a lookup finds a person the tagger took for something
    /// else (`the Trump administration`).
    pub(crate) other_name: Field,
    /// See [`LOCATED_NAME`].
    pub(crate) located_name: Field,
    /// Title words with the person names they come before.
    pub(crate) styled_name: Field,
    /// Publication day (indexed for ranges, fast for sorting, stored).
    pub(crate) date: Field,
    /// URL (stored).
    pub(crate) url: Field,
    /// Publisher (stored).
    pub(crate) source: Field,
    /// Authors (stored).
    pub(crate) authors: Field,
    /// The source's own index terms, searchable by word (stored).
    pub(crate) tags: Field,
}

impl Fields {
    /// Builds the schema and the handles of its fields.
    pub(crate) fn build() -> (Schema, Fields) {
        let mut b = Schema::builder();
        let analyzed = |analyzer: &str| {
            TextOptions::default().set_stored().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(analyzer)
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            )
        };
        let fields = Fields {
            id: b.add_text_field("id", STRING | STORED),
            file: b.add_text_field(FILE, STRING | STORED | FAST),
            position: b.add_u64_field(POSITION, STORED | FAST),
            file_size: b.add_u64_field(FILE_SIZE, FAST),
            file_mtime: b.add_i64_field(FILE_MTIME, FAST),
            file_hash: b.add_u64_field(FILE_HASH, FAST),
            title: b.add_text_field("title", analyzed(TEXT_ANALYZER)),
            body: b.add_text_field("body", analyzed(TEXT_ANALYZER)),
            people: b.add_text_field("people", analyzed(NAME_ANALYZER)),
            places: b.add_text_field("places", analyzed(NAME_ANALYZER)),
            person_name: b.add_text_field(PERSON_NAME, STRING | FAST),
            place_name: b.add_text_field(PLACE_NAME, STRING | FAST),
            other_name: b.add_text_field(OTHER_NAME, STRING | FAST),
            located_name: b.add_text_field(LOCATED_NAME, FAST),
            styled_name: b.add_text_field(STYLED_NAME, STRING | FAST),
            date: b.add_date_field(
                DATE,
                DateOptions::from(INDEXED)
                    .set_stored()
                    .set_fast()
                    .set_precision(DateTimePrecision::Seconds),
            ),
            url: b.add_text_field("url", STORED),
            source: b.add_text_field("source", STORED),
            authors: b.add_text_field("authors", STORED),
            tags: b.add_text_field("tags", analyzed(NAME_ANALYZER)),
        };
        (b.build(), fields)
    }
}

/// Registers newsdex's analyzers; must run on every opened index.
pub(crate) fn register_analyzers(manager: &TokenizerManager) {
    manager.register(
        TEXT_ANALYZER,
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(super::stem::MemoStemmer)
            .build(),
    );
    manager.register(
        NAME_ANALYZER,
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(analyzer: &str, text: &str) -> Vec<String> {
        let manager = TokenizerManager::default();
        register_analyzers(&manager);
        let mut analyzer = manager.get(analyzer).unwrap();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn text_analyzer_stems_lowercases_and_folds() {
        assert_eq!(tokens(TEXT_ANALYZER, "Sanctions"), vec!["sanction"]);
        assert_eq!(tokens(TEXT_ANALYZER, "Sánchez"), vec!["sanchez"]);
        assert_eq!(
            tokens(TEXT_ANALYZER, "Putin’s visit"),
            vec!["putin", "s", "visit"]
        );
    }

    #[test]
    fn name_analyzer_does_not_stem() {
        assert_eq!(
            tokens(NAME_ANALYZER, "Antony Blinken"),
            vec!["antony", "blinken"]
        );
        assert_eq!(tokens(NAME_ANALYZER, "Wales"), vec!["wales"]);
    }
}
