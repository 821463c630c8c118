//! JSON Lines read as a stream, in bounded memory, whatever the file's size.
//!
//! [`JsonLinesReader`] takes any reader of the file's bytes (gzip-compressed
//! or not) and hands out its lines in batches, numbered as
//! [`parse_bytes`](super::parse_bytes) numbers them, so a streamed file
//! gets the same article positions (and ids) as one read whole; each line
//! becomes an article with [`parse_json_line`](super::parse_json_line). A gzip stream that breaks
//! off, or a last line cut in the middle, ends the stream with a
//! [`Problem`] that says how much was read: every complete line before the
//! damage is kept.

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
        let source = if gzip {
            Source::Gzip(BufReader::with_capacity(
                256 * 1024,
                MultiGzDecoder::new(BufReader::with_capacity(256 * 1024, reader)),
            ))
        } else {
            Source::Plain(BufReader::with_capacity(256 * 1024, reader))
        };
        JsonLinesReader {
            source,
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
        match self.source {
            Source::Plain(r) => r.into_inner(),
            Source::Gzip(r) => r.into_inner().into_inner().into_inner(),
        }
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
}
