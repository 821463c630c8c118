//! JSON Lines and JSON arrays read as a stream, in bounded memory, whatever
//! the file's size.
//!
//! [`JsonLinesReader`] takes any reader of the file's bytes (gzip-compressed
//! or not) and hands out its lines in batches, numbered as
//! [`parse_bytes`](super::parse_bytes) numbers them, so a streamed file
//! gets the same article positions (and ids) as one read whole; each line
//! becomes an article with [`parse_json_line`](super::parse_json_line). A gzip stream that breaks
//! off, or a last line cut in the middle, ends the stream with a
//! [`Problem`] that says how much was read: every complete line before the
//! damage is kept.
//!
//! [`JsonArrayReader`] does the same for a file holding one JSON array of
//! objects: it hands out the array's items, numbered from 0 as
//! [`parse_bytes`](super::parse_bytes) numbers them, each to be read with
//! [`parse_json_item`](super::parse_json_item). It only finds where each
//! item starts and ends (strings, escapes and nesting); serde_json reads
//! the item.

use std::io::{self, BufRead, BufReader, Read};

use flate2::bufread::MultiGzDecoder;

use super::Problem;

/// Lines longer than this are not read into memory: the line is reported
/// and skipped.
pub const MAX_LINE_BYTES: usize = 64 << 20;

enum Source<R: Read> {
    Plain(BufReader<R>),
    Gzip(BufReader<MultiGzDecoder<BufReader<R>>>),
}

impl<R: Read> Source<R> {
    fn new(reader: R, gzip: bool) -> Source<R> {
        if gzip {
            Source::Gzip(BufReader::with_capacity(
                256 * 1024,
                MultiGzDecoder::new(BufReader::with_capacity(256 * 1024, reader)),
            ))
        } else {
            Source::Plain(BufReader::with_capacity(256 * 1024, reader))
        }
    }

    fn reader(&mut self) -> &mut dyn BufRead {
        match self {
            Source::Plain(r) => r,
            Source::Gzip(r) => r,
        }
    }

    fn into_inner(self) -> R {
        match self {
            Source::Plain(r) => r.into_inner(),
            Source::Gzip(r) => r.into_inner().into_inner().into_inner(),
        }
    }
}

/// The lines of a JSON Lines file, read as they are needed.
pub struct JsonLinesReader<R: Read> {
    source: Source<R>,
    /// The number of the last line read (1-based).
    line_no: u64,
    /// Decompressed bytes read so far.
    bytes: u64,
    /// Why reading stopped before the end, if it did.
    damage: Option<Problem>,
    done: bool,
    buf: Vec<u8>,
}

/// One line of the file: its 1-based number and its text, trimmed.
pub type Line = (u64, String);

impl<R: Read> JsonLinesReader<R> {
    /// Reads `reader`, decompressing it when `gzip` is set.
    pub fn new(reader: R, gzip: bool) -> JsonLinesReader<R> {
        JsonLinesReader {
            source: Source::new(reader, gzip),
            line_no: 0,
            bytes: 0,
            damage: None,
            done: false,
            buf: Vec::new(),
        }
    }

    /// The next non-blank lines, at most `max_lines` of them or about
    /// `max_bytes` of text; empty at the end of the file. Lines too long to
    /// read or not UTF-8 come back in `problems`.
    pub fn next_lines(
        &mut self,
        max_lines: usize,
        max_bytes: usize,
        problems: &mut Vec<Problem>,
    ) -> Vec<Line> {
        let mut lines = Vec::new();
        let mut bytes = 0;
        while !self.done && lines.len() < max_lines && bytes < max_bytes {
            let Some((line_no, text)) = self.next_line(problems) else {
                continue;
            };
            bytes += text.len();
            lines.push((line_no, text));
        }
        lines
    }

    /// Reads one line; `None` for blank or unreadable lines and at the end.
    fn next_line(&mut self, problems: &mut Vec<Problem>) -> Option<Line> {
        self.buf.clear();
        let read = match &mut self.source {
            Source::Plain(r) => read_line(r, &mut self.buf),
            Source::Gzip(r) => read_line(r, &mut self.buf),
        };
        let read = match read {
            Ok(read) => read,
            Err(e) => {
                self.done = true;
                self.damage = Some(Problem {
                    line: Some(self.line_no + 1),
                    reason: format!(
                        "damaged: the data breaks off after {} bytes ({}); every complete line before it was read",
                        self.bytes,
                        gzip_reason(&e)
                    ),
                });
                return None;
            }
        };
        if read.consumed == 0 {
            self.done = true;
            return None;
        }
        self.bytes += read.consumed as u64;
        self.line_no += 1;
        let line_no = self.line_no;
        if read.too_long {
            problems.push(Problem {
                line: Some(line_no),
                reason: format!("line longer than {} MB; skipped", MAX_LINE_BYTES >> 20),
            });
            return None;
        }
        let mut bytes = &self.buf[..];
        if line_no == 1 {
            bytes = bytes
                .strip_prefix(b"\xef\xbb\xbf".as_slice())
                .unwrap_or(bytes);
        }
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text.trim(),
            Err(_) => {
                problems.push(Problem {
                    line: Some(line_no),
                    reason: "not UTF-8 text".to_string(),
                });
                return None;
            }
        };
        if text.is_empty() {
            return None;
        }
        if read.cut && serde_json::from_str::<serde::de::IgnoredAny>(text).is_err() {
            // The file ends without a newline, inside a JSON value.
            self.done = true;
            self.damage = Some(Problem {
                line: Some(line_no),
                reason: format!(
                    "damaged: the file ends in the middle of this line, after {} bytes; every complete line before it was read",
                    self.bytes
                ),
            });
            return None;
        }
        Some((line_no, text.to_string()))
    }

    /// Why reading stopped early (a broken gzip stream, a cut last line).
    pub fn damage(&self) -> Option<&Problem> {
        self.damage.as_ref()
    }

    /// Bytes of text read so far (after decompression).
    pub fn bytes_read(&self) -> u64 {
        self.bytes
    }

    /// The reader given to [`JsonLinesReader::new`], for whatever it still
    /// has to do with the rest of the file (such as hashing it).
    pub fn into_inner(self) -> R {
        self.source.into_inner()
    }
}

/// What [`read_line`] found.
struct LineRead {
    /// Bytes consumed, newline included; 0 at the end of the input.
    consumed: usize,
    /// The line ended at the end of the input, without a newline.
    cut: bool,
    /// The line was longer than `MAX_LINE_BYTES` and was not kept whole.
    too_long: bool,
}

/// Reads up to and including the next `\n` into `buf` (without it and
/// without a `\r` before it), keeping at most `MAX_LINE_BYTES`.
fn read_line<B: BufRead>(reader: &mut B, buf: &mut Vec<u8>) -> io::Result<LineRead> {
    let mut read = LineRead {
        consumed: 0,
        cut: false,
        too_long: false,
    };
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            read.cut = read.consumed > 0;
            return Ok(read);
        }
        let (chunk, found) = match memchr::memchr(b'\n', available) {
            Some(at) => (&available[..at], true),
            None => (available, false),
        };
        let room = MAX_LINE_BYTES.saturating_sub(buf.len());
        read.too_long |= chunk.len() > room;
        buf.extend_from_slice(&chunk[..chunk.len().min(room)]);
        let used = chunk.len() + usize::from(found);
        reader.consume(used);
        read.consumed += used;
        if found {
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
            return Ok(read);
        }
    }
}

fn gzip_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::UnexpectedEof => "the gzip stream is truncated".to_string(),
        _ => format!("invalid gzip data: {e}"),
    }
}

/// Items longer than this are not read into memory: the item is reported
/// and skipped.
pub const MAX_ITEM_BYTES: usize = MAX_LINE_BYTES;

/// Where a [`JsonArrayReader`] is in the array.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ArrayState {
    /// Before the `[`.
    Start,
    /// After the `[`: an item or `]` comes next.
    First,
    /// After an item: `,` or `]` comes next.
    AfterItem,
    /// After a `,`: an item comes next.
    Next,
    /// After the `]`, or stopped by damage.
    Done,
}

/// The items of a file holding one JSON array, read as they are needed.
pub struct JsonArrayReader<R: Read> {
    source: Source<R>,
    state: ArrayState,
    /// The position of the next item (0-based, as `parse_bytes` counts).
    index: u64,
    /// Decompressed bytes read so far.
    bytes: u64,
    damage: Option<Problem>,
    buf: Vec<u8>,
}

/// How an item is being scanned.
#[derive(Clone, Copy, Debug, Default)]
struct Scan {
    depth: u32,
    in_string: bool,
    escaped: bool,
    /// A number, `true`, `false` or `null`: ends before `,`, `]` or space.
    scalar: bool,
}

impl<R: Read> JsonArrayReader<R> {
    /// Reads `reader`, decompressing it when `gzip` is set.
    pub fn new(reader: R, gzip: bool) -> JsonArrayReader<R> {
        JsonArrayReader {
            source: Source::new(reader, gzip),
            state: ArrayState::Start,
            index: 0,
            bytes: 0,
            damage: None,
            buf: Vec::new(),
        }
    }

    /// Reads up to the array's `[`, after a byte-order mark and white
    /// space: whether the data is a JSON array at all (if not, read it
    /// whole). An error is a damaged gzip stream.
    pub fn open_array(&mut self) -> io::Result<bool> {
        if self.state != ArrayState::Start {
            return Ok(self.state != ArrayState::Done || self.index > 0);
        }
        let reader = self.source.reader();
        let head = fill(reader)?;
        if head.starts_with(b"\xef\xbb\xbf") {
            reader.consume(3);
            self.bytes += 3;
        }
        match self.skip_space()? {
            Some(b'[') => {
                self.source.reader().consume(1);
                self.bytes += 1;
                self.state = ArrayState::First;
                Ok(true)
            }
            _ => {
                self.state = ArrayState::Done;
                Ok(false)
            }
        }
    }

    /// The next items, at most `max_items` of them or about `max_bytes` of
    /// text; empty at the end of the array. Items too long to read or not
    /// UTF-8 come back in `problems`, numbered as `parse_json` numbers them.
    pub fn next_items(
        &mut self,
        max_items: usize,
        max_bytes: usize,
        problems: &mut Vec<Problem>,
    ) -> Vec<Line> {
        let mut items = Vec::new();
        let mut bytes = 0;
        if self.state == ArrayState::Start
            && let Err(e) = self.open_array()
        {
            self.broke_off(&e);
        }
        while self.state != ArrayState::Done && items.len() < max_items && bytes < max_bytes {
            match self.next_item(problems) {
                Ok(Some(item)) => {
                    bytes += item.1.len();
                    items.push(item);
                }
                Ok(None) => {}
                Err(e) => self.broke_off(&e),
            }
        }
        items
    }

    /// Why reading stopped early (a broken gzip stream, an array cut off or
    /// broken between items).
    pub fn damage(&self) -> Option<&Problem> {
        self.damage.as_ref()
    }

    /// Bytes of text read so far (after decompression).
    pub fn bytes_read(&self) -> u64 {
        self.bytes
    }

    /// The reader given to [`JsonArrayReader::new`].
    pub fn into_inner(self) -> R {
        self.source.into_inner()
    }

    fn broke_off(&mut self, e: &io::Error) {
        self.state = ArrayState::Done;
        self.damage = Some(Problem {
            line: None,
            reason: format!(
                "damaged: the data breaks off after {} bytes ({}); every complete item before it was read",
                self.bytes,
                gzip_reason(e)
            ),
        });
    }

    fn stop(&mut self, reason: String) {
        self.state = ArrayState::Done;
        self.damage = Some(Problem { line: None, reason });
    }

    /// Skips white space; the next byte, not consumed, or `None` at the end.
    fn skip_space(&mut self) -> io::Result<Option<u8>> {
        loop {
            let reader = self.source.reader();
            let available = fill(reader)?;
            if available.is_empty() {
                return Ok(None);
            }
            match available.iter().position(|b| !b.is_ascii_whitespace()) {
                Some(at) => {
                    let next = available[at];
                    reader.consume(at);
                    self.bytes += at as u64;
                    return Ok(Some(next));
                }
                None => {
                    let n = available.len();
                    reader.consume(n);
                    self.bytes += n as u64;
                }
            }
        }
    }

    /// Reads one item; `Ok(None)` for an item skipped (with a problem) and
    /// at the end.
    fn next_item(&mut self, problems: &mut Vec<Problem>) -> io::Result<Option<Line>> {
        let Some(next) = self.skip_space()? else {
            let reason = match self.state {
                ArrayState::AfterItem | ArrayState::First => format!(
                    "damaged: the file ends before the array is closed, after {} bytes; every item before it was read",
                    self.bytes
                ),
                _ => format!(
                    "damaged: the file ends where item {} should start, after {} bytes; every item before it was read",
                    self.index, self.bytes
                ),
            };
            self.stop(reason);
            return Ok(None);
        };
        match (self.state, next) {
            (ArrayState::First | ArrayState::AfterItem, b']') => {
                self.source.reader().consume(1);
                self.bytes += 1;
                self.state = ArrayState::Done;
                return Ok(None);
            }
            (ArrayState::AfterItem, b',') => {
                self.source.reader().consume(1);
                self.bytes += 1;
                self.state = ArrayState::Next;
                return Ok(None);
            }
            (ArrayState::First | ArrayState::Next, b',' | b']' | b':' | b'}')
            | (ArrayState::AfterItem, _) => {
                let reason = format!(
                    "damaged: invalid JSON after {} bytes (unexpected `{}` before item {}); every item before it was read",
                    self.bytes,
                    char::from(next).escape_default(),
                    self.index
                );
                self.stop(reason);
                return Ok(None);
            }
            _ => {}
        }
        let position = self.index;
        self.index += 1;
        self.state = ArrayState::AfterItem;
        self.buf.clear();
        let mut too_long = false;
        let mut scan = Scan {
            scalar: !matches!(next, b'{' | b'[' | b'"'),
            ..Scan::default()
        };
        loop {
            let reader = self.source.reader();
            let available = fill(reader)?;
            if available.is_empty() {
                if scan.scalar {
                    break;
                }
                let reason = format!(
                    "damaged: the file ends in the middle of item {position}, after {} bytes; every complete item before it was read",
                    self.bytes
                );
                self.stop(reason);
                return Ok(None);
            }
            let (used, ended) = scan.advance(available);
            let room = MAX_ITEM_BYTES.saturating_sub(self.buf.len());
            too_long |= used > room;
            self.buf.extend_from_slice(&available[..used.min(room)]);
            reader.consume(used);
            self.bytes += used as u64;
            if ended {
                break;
            }
        }
        if too_long {
            problems.push(Problem {
                line: None,
                reason: format!(
                    "item {position}: longer than {} MB; skipped",
                    MAX_ITEM_BYTES >> 20
                ),
            });
            return Ok(None);
        }
        match std::str::from_utf8(&self.buf) {
            Ok(text) => Ok(Some((position, text.to_string()))),
            Err(_) => {
                problems.push(Problem {
                    line: None,
                    reason: format!("item {position}: not UTF-8 text"),
                });
                Ok(None)
            }
        }
    }
}

impl Scan {
    /// Scans `bytes` from where the item stands: how many belong to it, and
    /// whether it ended there.
    fn advance(&mut self, bytes: &[u8]) -> (usize, bool) {
        for (at, &b) in bytes.iter().enumerate() {
            if self.scalar {
                if b == b',' || b == b']' || b.is_ascii_whitespace() {
                    return (at, true);
                }
                continue;
            }
            if self.in_string {
                if self.escaped {
                    self.escaped = false;
                } else if b == b'\\' {
                    self.escaped = true;
                } else if b == b'"' {
                    self.in_string = false;
                    if self.depth == 0 {
                        return (at + 1, true);
                    }
                }
                continue;
            }
            match b {
                b'"' => self.in_string = true,
                b'{' | b'[' => self.depth += 1,
                b'}' | b']' => {
                    self.depth = self.depth.saturating_sub(1);
                    if self.depth == 0 {
                        return (at + 1, true);
                    }
                }
                _ => {}
            }
        }
        (bytes.len(), false)
    }
}

/// The reader's buffered bytes, refilled when empty.
fn fill(reader: &mut dyn BufRead) -> io::Result<&[u8]> {
    while let Err(e) = reader.fill_buf() {
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
    // Buffered now: this second call only hands the bytes out.
    reader.fill_buf()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn all_lines(reader: &mut JsonLinesReader<&[u8]>) -> (Vec<Line>, Vec<Problem>) {
        let mut problems = Vec::new();
        let mut lines = Vec::new();
        loop {
            let batch = reader.next_lines(2, usize::MAX, &mut problems);
            if batch.is_empty() {
                break;
            }
            lines.extend(batch);
        }
        (lines, problems)
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn numbers_lines_like_the_whole_file_reader() {
        let text = b"\xef\xbb\xbf{\"a\":1}\r\n\n  \n{\"a\":2}\n{\"a\":3}";
        let mut reader = JsonLinesReader::new(&text[..], false);
        let (lines, problems) = all_lines(&mut reader);
        let numbers: Vec<u64> = lines.iter().map(|l| l.0).collect();
        assert_eq!(numbers, [1, 4, 5]);
        assert_eq!(lines[0].1, "{\"a\":1}");
        assert!(problems.is_empty() && reader.damage().is_none());
    }

    #[test]
    fn a_cut_last_line_is_damage() {
        let text = b"{\"a\":1}\n{\"a\":2}\n{\"a\":";
        let mut reader = JsonLinesReader::new(&text[..], false);
        let (lines, _) = all_lines(&mut reader);
        assert_eq!(lines.len(), 2);
        let damage = reader.damage().unwrap();
        assert_eq!(damage.line, Some(3));
        assert!(
            damage
                .reason
                .starts_with("damaged: the file ends in the middle")
        );
    }

    #[test]
    fn a_truncated_gzip_keeps_the_complete_lines() {
        let mut text = Vec::new();
        for i in 0..2000 {
            writeln!(
                text,
                "{{\"title\":\"t{i}\",\"body\":\"{}\"}}",
                "x".repeat(i % 50)
            )
            .unwrap();
        }
        let zipped = gzip(&text);
        let cut = &zipped[..zipped.len() * 2 / 3];
        let mut reader = JsonLinesReader::new(cut, true);
        let (lines, _) = all_lines(&mut reader);
        assert!(lines.len() > 500 && lines.len() < 2000, "{}", lines.len());
        // Every line handed out is whole.
        for (no, line) in &lines {
            assert_eq!(
                line,
                std::str::from_utf8(text.split(|&b| b == b'\n').nth(*no as usize - 1).unwrap())
                    .unwrap()
            );
        }
        let damage = reader.damage().unwrap();
        assert!(damage.reason.contains("truncated"), "{}", damage.reason);
    }

    #[test]
    fn the_inner_reader_comes_back() {
        let zipped = gzip(b"{\"a\":1}\n");
        let mut reader = JsonLinesReader::new(&zipped[..], true);
        let (lines, _) = all_lines(&mut reader);
        assert_eq!(lines.len(), 1);
        let _rest: &[u8] = reader.into_inner();
    }

    fn all_items(reader: &mut JsonArrayReader<&[u8]>, batch: usize) -> (Vec<Line>, Vec<Problem>) {
        let mut problems = Vec::new();
        let mut items = Vec::new();
        loop {
            let got = reader.next_items(batch, usize::MAX, &mut problems);
            if got.is_empty() && reader.state == ArrayState::Done {
                break;
            }
            items.extend(got);
        }
        (items, problems)
    }

    #[test]
    fn array_items_are_numbered_like_the_whole_file_reader() {
        let text = "\u{feff} \n[ {\"title\": \"a ] } [ { \\\" \\\\\", \"n\": [1, {\"x\": []}]},\n  42 , \"s,]\" ,{}, null,true ,[1,2] ,{\"t\":\"é\"}\n]\n";
        let mut reader = JsonArrayReader::new(text.as_bytes(), false);
        assert!(reader.open_array().unwrap());
        let (items, problems) = all_items(&mut reader, 3);
        assert!(
            problems.is_empty() && reader.damage().is_none(),
            "{problems:?} {:?}",
            reader.damage()
        );
        let positions: Vec<u64> = items.iter().map(|i| i.0).collect();
        assert_eq!(positions, [0, 1, 2, 3, 4, 5, 6, 7]);
        // Each item is exactly the array's element, as serde_json reads it.
        let whole: serde_json::Value =
            serde_json::from_str(text.trim_start_matches('\u{feff}')).unwrap();
        for (position, item) in &items {
            let value: serde_json::Value = serde_json::from_str(item).unwrap();
            assert_eq!(value, whole[*position as usize], "{item}");
        }
        assert_eq!(reader.bytes_read(), text.trim_end().len() as u64);
    }

    #[test]
    fn an_empty_array_and_a_non_array() {
        let mut reader = JsonArrayReader::new(&b" [ ] "[..], false);
        let (items, _) = all_items(&mut reader, 5);
        assert!(items.is_empty() && reader.damage().is_none());
        for text in [
            &b"{\"title\": \"one object\"}"[..],
            b"{\"a\":1}\n{\"a\":2}\n",
            b"",
            b"  ",
        ] {
            let mut reader = JsonArrayReader::new(text, false);
            assert!(!reader.open_array().unwrap(), "{text:?}");
        }
    }

    #[test]
    fn a_cut_or_broken_array_keeps_the_items_before_the_damage() {
        let cases: [(&[u8], usize, &str); 5] = [
            (
                b"[{\"a\":1},{\"a\":2},{\"a\":",
                2,
                "in the middle of item 2",
            ),
            (b"[{\"a\":1},{\"a\":2}", 2, "before the array is closed"),
            (b"[{\"a\":1},{\"a\":2},", 2, "where item 2 should start"),
            (b"[{\"a\":1} {\"a\":2}]", 1, "unexpected `{` before item 1"),
            (b"[{\"a\":1},,{\"a\":2}]", 1, "unexpected `,` before item 1"),
        ];
        for (text, kept, says) in cases {
            let mut reader = JsonArrayReader::new(text, false);
            let (items, _) = all_items(&mut reader, 10);
            assert_eq!(items.len(), kept, "{}", String::from_utf8_lossy(text));
            let damage = reader.damage().expect("damage").reason.clone();
            assert!(
                damage.starts_with("damaged: ") && damage.contains(says),
                "{damage}"
            );
        }
    }

    #[test]
    fn a_truncated_gzip_array_keeps_the_complete_items() {
        let mut text = b"[".to_vec();
        for i in 0..2000 {
            if i > 0 {
                text.push(b',');
            }
            write!(
                text,
                "{{\"title\":\"t{i}\",\"body\":\"{}\"}}",
                "x".repeat(i % 50)
            )
            .unwrap();
        }
        text.push(b']');
        let whole: Vec<serde_json::Value> = serde_json::from_slice(&text).unwrap();
        let zipped = gzip(&text);
        let mut reader = JsonArrayReader::new(&zipped[..], true);
        let (items, _) = all_items(&mut reader, 100);
        assert_eq!(items.len(), 2000);
        assert!(reader.damage().is_none());
        let cut = &zipped[..zipped.len() * 2 / 3];
        let mut reader = JsonArrayReader::new(cut, true);
        let (items, _) = all_items(&mut reader, 100);
        assert!(items.len() > 500 && items.len() < 2000, "{}", items.len());
        for (position, item) in &items {
            let value: serde_json::Value = serde_json::from_str(item).unwrap();
            assert_eq!(value, whole[*position as usize]);
        }
        let damage = reader.damage().unwrap();
        assert!(
            damage.reason.contains("gzip stream is truncated"),
            "{}",
            damage.reason
        );
    }

    #[test]
    fn array_items_not_utf8_are_problems_of_their_own() {
        let text = b"[{\"a\":\"\xff\"},{\"a\":\"ok\"}]";
        let mut reader = JsonArrayReader::new(&text[..], false);
        let (items, problems) = all_items(&mut reader, 10);
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].0, 1);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].reason.starts_with("item 0: not UTF-8"));
    }

    proptest::proptest! {
        /// Whatever the objects and the spacing, the items are the array's
        /// elements.
        #[test]
        fn array_items_match_serde_json(
            titles in proptest::collection::vec("[ -~\u{e9}\u{201c}\\[\\]{},\"\\\\]{0,12}", 0..12),
            space in "[ \n\t]{0,3}",
            batch in 1usize..5,
        ) {
            let values: Vec<serde_json::Value> = titles
                .iter()
                .enumerate()
                .map(|(i, t)| if i % 4 == 3 {
                    serde_json::json!([t, i, {"k": t}])
                } else {
                    serde_json::json!({"title": t, "n": i, "tags": [t, null]})
                })
                .collect();
            let body: Vec<String> = values.iter().map(|v| v.to_string()).collect();
            let text = format!("[{space}{}{space}]", body.join(&format!("{space},{space}")));
            let mut reader = JsonArrayReader::new(text.as_bytes(), false);
            let (items, problems) = all_items(&mut reader, batch);
            proptest::prop_assert!(problems.is_empty());
            proptest::prop_assert!(reader.damage().is_none(), "{:?}", reader.damage());
            proptest::prop_assert_eq!(items.len(), values.len());
            for (position, item) in &items {
                let value: serde_json::Value = serde_json::from_str(item).unwrap();
                proptest::prop_assert_eq!(&value, &values[*position as usize]);
            }
        }
    }
}
