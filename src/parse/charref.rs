//! Character references (`&amp;`, `&#246;`, `&#xFC;`, `&auml;`) in HTML,
//! feeds and SGML: one decoder for every format.

use std::borrow::Cow;

/// Decodes character references in text or an attribute value. Unknown
/// named references are kept as written.
pub(crate) fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        match read_entity(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Reads one character reference at the start of `s` (which starts with
/// `&`): the character and the length read.
fn read_entity(s: &str) -> Option<(char, usize)> {
    let body = &s[1..];
    let end = body
        .bytes()
        .take(12)
        .position(|b| !(b.is_ascii_alphanumeric() || b == b'#'))
        .unwrap_or_else(|| body.len().min(12));
    let name = &body[..end];
    let len = 1 + end + usize::from(body[end..].starts_with(';'));
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        let c = char::from_u32(code)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{fffd}');
        return Some((c, len));
    }
    let c = match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "shy" => '\u{ad}',
        "auml" => 'ä',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "szlig" => 'ß',
        "eacute" => 'é',
        "egrave" => 'è',
        "ecirc" => 'ê',
        "aacute" => 'á',
        "agrave" => 'à',
        "acirc" => 'â',
        "atilde" => 'ã',
        "ccedil" => 'ç',
        "iacute" => 'í',
        "icirc" => 'î',
        "oacute" => 'ó',
        "ocirc" => 'ô',
        "otilde" => 'õ',
        "uacute" => 'ú',
        "ucirc" => 'û',
        "ntilde" => 'ñ',
        "Eacute" => 'É',
        "ordm" => 'º',
        "ordf" => 'ª',
        "ndash" => '–',
        "mdash" => '—',
        "middot" => '·',
        "bull" => '•',
        "hellip" => '…',
        "laquo" => '«',
        "raquo" => '»',
        "lsquo" | "rsquo" => '\'',
        "ldquo" | "rdquo" | "bdquo" => '"',
        "copy" => '©',
        "vert" => '|',
        _ => return None,
    };
    Some((c, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references() {
        assert_eq!(decode_entities("M&auml;rz &amp; &#246;&#xFC;"), "März & öü");
        assert_eq!(decode_entities("a & b &unknown; &"), "a & b &unknown; &");
        assert!(matches!(decode_entities("plain"), Cow::Borrowed("plain")));
    }
}
