//! Bytes to text: gzip, byte-order marks and legacy encodings.
//!
//! UTF-8 (with or without BOM) is taken as is; UTF-16 with a BOM is decoded;
//! anything else is guessed with chardetng and decoded with encoding_rs, so a
//! Latin-1 article reads right. Binary data is refused rather than indexed as
//! mojibake.

use std::borrow::Cow;
use std::io::Read;

use super::ParseError;

/// The two magic bytes that start every gzip stream.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// True when `bytes` starts like a gzip stream.
pub(crate) fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&GZIP_MAGIC)
}

/// Decompresses a (possibly multi-member) gzip stream.
pub fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, ParseError> {
    match gunzip_salvage(bytes) {
        (out, None) => Ok(out),
        (_, Some(e)) => Err(ParseError::Gzip(e)),
    }
}

/// Decompresses what it can of a gzip stream: all of it and no error, or
/// the data before the damage (a truncated or corrupt stream) and the error.
pub(crate) fn gunzip_salvage(bytes: &[u8]) -> (Vec<u8>, Option<std::io::Error>) {
    let mut out = Vec::with_capacity(bytes.len().saturating_mul(4));
    let mut decoder = flate2::read::MultiGzDecoder::new(bytes);
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        match decoder.read(&mut chunk) {
            Ok(0) => return (out, None),
            Ok(n) => out.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return (out, Some(e)),
        }
    }
}

/// Decodes the bytes of a text file to UTF-8, borrowing when they already
/// are UTF-8.
pub(crate) fn decode_text(bytes: &[u8]) -> Result<Cow<'_, str>, ParseError> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let rest = &bytes[bom_len..];
        if encoding == encoding_rs::UTF_8 {
            return utf8_or_guess(rest);
        }
        let (text, _) = encoding.decode_without_bom_handling(rest);
        return check_text(text);
    }
    utf8_or_guess(bytes)
}

/// How far into an HTML page a `<meta charset>` declaration is looked for.
const META_SNIFF_BYTES: usize = 4096;

/// Decodes the bytes of an HTML page (gzip-compressed or not) to UTF-8.
///
/// Order of evidence: a byte-order mark; bytes that are valid UTF-8 (a
/// legacy-encoded page is almost never valid UTF-8 once it has non-ASCII
/// bytes, while saved pages often keep a stale `<meta charset>`); the
/// `<meta charset>` or `http-equiv="content-type"` declaration in the first
/// few KB; else a chardetng guess. Binary data is refused.
pub fn decode_html(bytes: &[u8]) -> Result<Cow<'_, str>, ParseError> {
    if is_gzip(bytes) {
        let plain = gunzip(bytes)?;
        return decode_html(&plain).map(|text| Cow::Owned(text.into_owned()));
    }
    if encoding_rs::Encoding::for_bom(bytes).is_some() {
        return decode_text(bytes);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return check_text(Cow::Borrowed(text));
    }
    if looks_binary(bytes) {
        return Err(ParseError::NotText);
    }
    let encoding = match declared_charset(&bytes[..bytes.len().min(META_SNIFF_BYTES)]) {
        // A page that says UTF-8 but is not: its bytes are some legacy
        // encoding, so guess which.
        Some(enc) if enc != encoding_rs::UTF_8 => enc,
        _ => guess_encoding(bytes),
    };
    let (text, _, _) = encoding.decode(bytes);
    check_text(Cow::Owned(text.into_owned()))
}

/// The encoding named by a `charset=` inside a `<meta ...>` tag of `head`.
/// UTF-16 declarations are read as UTF-8, as browsers do for byte streams
/// without a BOM.
pub(crate) fn declared_charset(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let mut from = 0;
    while let Some(at) = find_bytes_ignore_case(&head[from..], b"charset") {
        let at = from + at;
        from = at + 7;
        // Only inside a <meta ...> tag.
        let tag_start = head[..at].iter().rposition(|&b| b == b'<')?;
        let in_tag = !head[tag_start..at].contains(&b'>');
        let is_meta = head[tag_start + 1..]
            .get(..4)
            .is_some_and(|t| t.eq_ignore_ascii_case(b"meta"));
        if !(in_tag && is_meta) {
            continue;
        }
        let rest = &head[from..];
        let rest = trim_start(rest);
        let Some(rest) = rest.strip_prefix(b"=") else {
            continue;
        };
        let rest = trim_start(rest);
        let rest = rest
            .strip_prefix(b"\"")
            .or_else(|| rest.strip_prefix(b"'"))
            .unwrap_or(rest);
        let len = rest
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
            .unwrap_or(rest.len());
        if let Some(enc) = encoding_rs::Encoding::for_label(&rest[..len]) {
            if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                return Some(encoding_rs::UTF_8);
            }
            return Some(enc);
        }
    }
    None
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let n = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[n..]
}

fn find_bytes_ignore_case(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if hay.len() < needle.len() {
        return None;
    }
    (0..=hay.len() - needle.len())
        .find(|&at| hay[at..at + needle.len()].eq_ignore_ascii_case(needle))
}

fn utf8_or_guess(bytes: &[u8]) -> Result<Cow<'_, str>, ParseError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => check_text(Cow::Borrowed(text)),
        Err(_) => {
            if looks_binary(bytes) {
                return Err(ParseError::NotText);
            }
            let encoding = guess_encoding(bytes);
            let (text, _, _) = encoding.decode(bytes);
            check_text(Cow::Owned(text.into_owned()))
        }
    }
}

/// Below this many non-ASCII bytes, the evidence for any legacy encoding is
/// too thin for chardetng to choose well: one `0xA3` is "£" in Latin-1 and
/// "Ł" in Latin-2. News archives are overwhelmingly Western, so thin
/// evidence means windows-1252 (the WHATWG reading of "latin1").
const THIN_EVIDENCE: usize = 16;

/// Guesses the legacy encoding of non-UTF-8 bytes.
fn guess_encoding(bytes: &[u8]) -> &'static encoding_rs::Encoding {
    let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count();
    if non_ascii < THIN_EVIDENCE {
        return encoding_rs::WINDOWS_1252;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// Refuses text with NUL bytes or many control characters: it is binary.
fn check_text(text: Cow<'_, str>) -> Result<Cow<'_, str>, ParseError> {
    let sample = text.chars().take(8192);
    let (mut controls, mut total) = (0usize, 0usize);
    for c in sample {
        total += 1;
        if c == '\0' {
            return Err(ParseError::NotText);
        }
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c') {
            controls += 1;
        }
    }
    if total > 0 && controls * 10 > total {
        return Err(ParseError::NotText);
    }
    Ok(text)
}

fn looks_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(8192).any(|&b| b == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_borrowed() {
        let text = decode_text("Café au lait".as_bytes()).unwrap();
        assert!(matches!(text, Cow::Borrowed(_)));
        assert_eq!(text, "Café au lait");
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let text = decode_text(b"\xef\xbb\xbfHello").unwrap();
        assert_eq!(text, "Hello");
    }

    #[test]
    fn utf16_with_bom() {
        let bytes = [0xff, 0xfe, b'H', 0, b'i', 0];
        assert_eq!(decode_text(&bytes).unwrap(), "Hi");
    }

    #[test]
    fn latin1_is_detected() {
        let bytes = b"Le pr\xe9sident fran\xe7ais a parl\xe9 \xe0 la t\xe9l\xe9vision hier soir.";
        let text = decode_text(bytes).unwrap();
        assert!(text.contains("président français"), "{text}");
    }

    #[test]
    fn one_pound_sign_is_latin1() {
        let text = decode_text(b"A transfer fee of \xa315.8m was paid.").unwrap();
        assert_eq!(text, "A transfer fee of £15.8m was paid.");
    }

    #[test]
    fn plenty_of_cyrillic_is_detected() {
        // A short Russian sentence in windows-1251, repeated.
        let phrase: &[u8] =
            b"\xcf\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0, \xfd\xf2\xee \xf2\xe5\xf1\xf2. ";
        let bytes = phrase.repeat(4);
        let text = decode_text(&bytes).unwrap();
        assert!(text.starts_with("Привет мир"), "{text}");
    }

    #[test]
    fn binary_is_refused() {
        let bytes = [0x89, b'P', b'N', b'G', 0, 0, 0, 0x0d, 0xff, 0x00];
        assert_eq!(decode_text(&bytes), Err(ParseError::NotText));
    }

    #[test]
    fn gzip_roundtrip() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(b"Title\n\nBody").unwrap();
        let gz = enc.finish().unwrap();
        assert!(is_gzip(&gz));
        assert_eq!(gunzip(&gz).unwrap(), b"Title\n\nBody");
        assert!(matches!(gunzip(&gz[..5]), Err(ParseError::Gzip(_))));
    }
}
