//! Bytes to text: UTF-8 (lossily, with the first bad offset), UTF-16 and UTF-32 by their
//! byte-order mark, line ends and BOMs normalised, binary and blank files skipped.

/// The outcome of decoding one file's bytes.
#[derive(Debug, PartialEq, Eq)]
pub enum Decoded {
    /// The text, with a warning when it had to be decoded lossily.
    Text(String, Option<String>),
    /// The file is not an article; the reason.
    Skip(String),
}

/// Decode bytes as an article: UTF-8 (lossily, with the first bad offset), BOM removed, CRLF and
/// CR line ends turned into LF; binary (NUL bytes), empty and whitespace-only input skipped.
pub fn decode(bytes: &[u8]) -> Decoded {
    decode_owned(bytes.to_vec())
}

/// [`decode`] of bytes read into a buffer of their own, which becomes the text when it is
/// UTF-8 without a byte-order mark (as nearly every file is) rather than being copied.
pub fn decode_owned(bytes: Vec<u8>) -> Decoded {
    if bytes.is_empty() {
        return Decoded::Skip("empty file; skipped".into());
    }
    if let Some(wide) = decode_wide(&bytes) {
        return wide;
    }
    // `contains` finds a byte with memchr; the offset is looked for only when there is one.
    if bytes.contains(&0) {
        let pos = bytes.iter().position(|&b| b == 0).unwrap_or_default();
        return Decoded::Skip(format!("binary file (NUL byte at offset {pos}); skipped"));
    }
    let (text, warning) = if let Some(body) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8(body.to_vec(), 3)
    } else {
        utf8(bytes, 0)
    };
    finish(text, warning)
}

/// UTF-8 text, lossily where it is not, with a warning naming the first bad byte (its offset
/// counted from the file's start, `skipped` bytes before `body`).
fn utf8(body: Vec<u8>, skipped: usize) -> (String, Option<String>) {
    match String::from_utf8(body) {
        Ok(s) => (s, None),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let byte = e.as_bytes().get(offset).copied().unwrap_or(0);
            let offset = offset + skipped;
            (
                String::from_utf8_lossy(e.as_bytes()).into_owned(),
                Some(format!(
                    "invalid UTF-8: first bad byte 0x{byte:02X} at offset {offset}; decoded lossily"
                )),
            )
        }
    }
}

/// Line ends made `\n`, any further byte-order marks at the start removed, blank text skipped.
pub(super) fn finish(text: String, warning: Option<String>) -> Decoded {
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    };
    let text = match text.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.trim_start_matches('\u{FEFF}').to_string(),
        None => text,
    };
    if text.trim().is_empty() {
        return Decoded::Skip("only whitespace; skipped".into());
    }
    Decoded::Text(text, warning)
}

/// UTF-16 and UTF-32 text, told by its byte-order mark, decoded (lossily, with the offset of
/// the first bad unit).
pub(super) fn decode_wide(bytes: &[u8]) -> Option<Decoded> {
    let (name, unit, big) = if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) {
        ("UTF-32LE", 4, false)
    } else if bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        ("UTF-32BE", 4, true)
    } else if bytes.starts_with(&[0xFF, 0xFE]) {
        ("UTF-16LE", 2, false)
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        ("UTF-16BE", 2, true)
    } else {
        return None;
    };
    let body = bytes.get(unit..).unwrap_or(&[]);
    let mut bad: Option<usize> = None;
    let mut text = String::with_capacity(body.len() / unit);
    if unit == 2 {
        let units = body.chunks_exact(2).map(|c| {
            let pair = [c[0], c[1]];
            if big {
                u16::from_be_bytes(pair)
            } else {
                u16::from_le_bytes(pair)
            }
        });
        let mut at = unit;
        for r in char::decode_utf16(units) {
            match r {
                Ok(c) => {
                    at += c.len_utf16() * 2;
                    text.push(c);
                }
                Err(_) => {
                    bad.get_or_insert(at);
                    at += 2;
                    text.push('\u{FFFD}');
                }
            }
        }
    } else {
        for (i, c) in body.chunks_exact(4).enumerate() {
            let quad = [c[0], c[1], c[2], c[3]];
            let v = if big {
                u32::from_be_bytes(quad)
            } else {
                u32::from_le_bytes(quad)
            };
            match char::from_u32(v) {
                Some(ch) => text.push(ch),
                None => {
                    bad.get_or_insert(unit + i * 4);
                    text.push('\u{FFFD}');
                }
            }
        }
    }
    if body.len() % unit != 0 {
        bad.get_or_insert(bytes.len() - body.len() % unit);
        text.push('\u{FFFD}');
    }
    if text.contains('\0') {
        return Some(Decoded::Skip(format!(
            "binary file ({name} byte-order mark, then a NUL character); skipped"
        )));
    }
    let warning = bad
        .map(|at| format!("invalid {name}: first bad code unit at offset {at}; decoded lossily"));
    Some(finish(text, warning))
}
