//! JSON and NDJSON of a provider's object without its tree: the received text is read once and
//! written, masked (DESIGN.md, "Secrets"), straight into the output buffer — the same bytes
//! serde_json gives for the tree masked by [`crate::secret::redact`], with none of the
//! allocations of building and dropping that tree for every session.
//!
//! Strings that need no change are copied as received, and numbers keep every digit (with the
//! exponent written as serde_json writes it: `1E400` is `1e+400`). Whatever one pass cannot
//! reproduce exactly is [`Unusual`], and the caller renders that record from its tree: a key
//! given twice in one object (the tree keeps the last value at the first place), an escape the
//! tree refuses (a lone surrogate: the tree is then null), serde_json's private keys, an object
//! of very many keys, nesting deeper than serde_json's limit.

use std::borrow::Cow;
use std::io;

use crate::json_text;
use crate::model::RawObject;
use crate::record::Record;
use crate::secret::{self, ApiKey, REDACTED};

/// A provider's object the transcoder leaves to the tree path.
#[derive(Debug, PartialEq, Eq)]
pub struct Unusual;

/// How strings and credential fields are masked (absent with `--show-secrets`).
#[derive(Clone, Copy, Debug)]
pub struct Masking<'a> {
    /// The API key in use, masked wherever the provider's data echoes it.
    pub key: Option<&'a ApiKey>,
}

/// Compact (NDJSON), or pretty as serde_json indents it, `depth` levels in (JSON).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Compact,
    Pretty { depth: usize },
}

/// serde_json refuses nesting deeper than 128; past this the tree decides.
const MAX_DEPTH: usize = 100;
/// An object with more keys is left to the tree: the duplicate check compares each key with
/// the ones before it.
const MAX_KEYS: usize = 256;

/// Writes `text` (one JSON value) to `out` as serde_json writes its tree, masked unless
/// `masking` is `None`. On [`Unusual`], `out` is left as it was.
pub fn transcode(
    text: &str,
    masking: Option<Masking<'_>>,
    style: Style,
    out: &mut Vec<u8>,
) -> Result<(), Unusual> {
    let start = out.len();
    let (pretty, depth) = match style {
        Style::Compact => (false, 0),
        Style::Pretty { depth } => (true, depth),
    };
    let mut transcoder = Transcoder {
        text,
        bytes: text.as_bytes(),
        at: 0,
        out,
        masking,
        pretty,
        indent: depth,
        nesting: 0,
        keys: Vec::new(),
    };
    let result = transcoder.value().and_then(|()| {
        transcoder.whitespace();
        if transcoder.at == transcoder.bytes.len() {
            Ok(())
        } else {
            Err(Unusual)
        }
    });
    if result.is_err() {
        out.truncate(start);
    }
    result
}

/// Writes a whole record into `out` (cleared first) through the transcoder: the normalized
/// fields as serde serializes them, then `raw` from its received text. `Ok(false)` when the
/// record must take the tree path instead: it has no received text (its tree was built, and
/// may have been changed), its `raw` is not its last field, or the object is [`Unusual`].
/// The record is left as it was either way.
pub fn write_record<R: Record>(
    record: &mut R,
    raw_only: bool,
    pretty: bool,
    masking: Option<Masking<'_>>,
    out: &mut Vec<u8>,
) -> io::Result<bool> {
    out.clear();
    let Some(raw) = record.raw_object_mut() else {
        return Ok(false);
    };
    if raw_only {
        if raw.received().is_none() {
            return Ok(false);
        }
        let style = if pretty {
            Style::Pretty { depth: 0 }
        } else {
            Style::Compact
        };
        return Ok(write_object(raw, masking, style, out).is_ok());
    }
    if raw.received().is_none() {
        return Ok(false);
    }
    // The record with null for `raw`, then the object written where that null was.
    let taken = raw.take();
    let serialized = if pretty {
        serde_json::to_writer_pretty(&mut *out, &*record)
    } else {
        serde_json::to_writer(&mut *out, &*record)
    };
    let (tail, close, style): (&[u8], &[u8], _) = if pretty {
        (b"\"raw\": null\n}", b"\n}", Style::Pretty { depth: 1 })
    } else {
        (b"\"raw\":null}", b"}", Style::Compact)
    };
    let done = serialized.is_ok() && out.ends_with(tail) && {
        out.truncate(out.len() - (close.len() + "null".len()));
        write_object(&taken, masking, style, out).is_ok()
    };
    if done {
        out.extend_from_slice(close);
    }
    if let Some(raw) = record.raw_object_mut() {
        *raw = taken;
    }
    Ok(done)
}

/// Writes a provider's object from its received text (checked to be there): as received
/// when it is verbatim and compact output is asked for, and holds no API key to mask (then
/// there is nothing to change); else through the transcoder, which for a verbatim object has
/// nothing to mask but the API key.
fn write_object(
    raw: &RawObject,
    masking: Option<Masking<'_>>,
    style: Style,
    out: &mut Vec<u8>,
) -> Result<(), Unusual> {
    if let Some(text) = raw.verbatim() {
        let key = masking.and_then(|m| m.key).filter(|key| key.is_in(text));
        if key.is_none() {
            match style {
                Style::Compact => out.extend_from_slice(text.as_bytes()),
                Style::Pretty { depth } => indent_verbatim(text, depth, out),
            }
            return Ok(());
        }
        // Only the key, if anything, is left to mask.
        let masking = key.map(|key| Masking { key: Some(key) });
        return transcode(text, masking, style, out);
    }
    let text = raw.received().expect("the caller checked it is there");
    transcode(text, masking, style, out)
}

/// Writes a verbatim text ([`RawObject::verbatim`]: compact JSON without escapes) indented
/// as serde_json's pretty printer writes it, `depth` levels in: a line for each member and
/// element, `": "` after a key, and `{}` and `[]` when empty.
pub fn indent_verbatim(text: &str, depth: usize, out: &mut Vec<u8>) {
    let bytes = text.as_bytes();
    let mut level = depth;
    // A new line and its indent, copied from one run of spaces.
    const LINE: &[u8; 65] = b"\n                                                                ";
    let new_line = |out: &mut Vec<u8>, level: usize| match LINE.get(..=2 * level) {
        Some(line) => out.extend_from_slice(line),
        None => {
            out.push(b'\n');
            out.resize(out.len() + 2 * level, b' ');
        }
    };
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'"' => {
                // Without escapes, a string ends at the next quote.
                let end =
                    memchr::memchr(b'"', &bytes[at + 1..]).map_or(bytes.len(), |i| at + i + 2);
                out.extend_from_slice(&bytes[at..end]);
                at = end;
            }
            b'{' | b'[' => {
                let close = if byte == b'{' { b'}' } else { b']' };
                if bytes.get(at + 1) == Some(&close) {
                    out.extend_from_slice(&[byte, close]);
                    at += 2;
                } else {
                    out.push(byte);
                    level += 1;
                    new_line(out, level);
                    at += 1;
                }
            }
            b'}' | b']' => {
                level = level.saturating_sub(1);
                new_line(out, level);
                out.push(byte);
                at += 1;
            }
            b',' => {
                out.push(b',');
                new_line(out, level);
                at += 1;
            }
            b':' => {
                out.extend_from_slice(b": ");
                at += 1;
            }
            _ => {
                // A number or a word, to the next byte of the structure.
                let end = bytes[at..]
                    .iter()
                    .position(|b| matches!(b, b',' | b'}' | b']' | b':'))
                    .map_or(bytes.len(), |i| at + i);
                out.extend_from_slice(&bytes[at..end]);
                at = end;
            }
        }
    }
}

/// A few bits of a key, alike for equal keys: its length and its first and last bytes.
fn key_bits(key: &str) -> u32 {
    let bytes = key.as_bytes();
    let edge = |b: Option<&u8>| u32::from(b.copied().unwrap_or(0));
    (bytes.len() as u32)
        .wrapping_mul(31)
        .wrapping_add(edge(bytes.first()) * 7)
        .wrapping_add(edge(bytes.last()))
}

struct Transcoder<'t, 'o> {
    text: &'t str,
    bytes: &'t [u8],
    at: usize,
    out: &'o mut Vec<u8>,
    masking: Option<Masking<'t>>,
    pretty: bool,
    /// Indentation levels outside the object (pretty only).
    indent: usize,
    /// Arrays and objects open.
    nesting: usize,
    /// The keys of the objects open, innermost last, for the duplicate check.
    keys: Vec<Cow<'t, str>>,
}

/// A string as it stands in the text: its bytes, quotes included, and whether it has escapes.
#[derive(Clone, Copy)]
struct Literal {
    start: usize,
    end: usize,
    escaped: bool,
}

impl<'t> Transcoder<'t, '_> {
    fn whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn peek(&mut self) -> Result<u8, Unusual> {
        self.whitespace();
        self.bytes.get(self.at).copied().ok_or(Unusual)
    }

    fn expect(&mut self, byte: u8) -> Result<(), Unusual> {
        if self.peek()? == byte {
            self.at += 1;
            Ok(())
        } else {
            Err(Unusual)
        }
    }

    fn value(&mut self) -> Result<(), Unusual> {
        match self.peek()? {
            b'{' => self.object(),
            b'[' => self.array(),
            b'"' => self.string(),
            b't' => self.word(b"true"),
            b'f' => self.word(b"false"),
            b'n' => self.word(b"null"),
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(Unusual),
        }
    }

    fn word(&mut self, word: &[u8]) -> Result<(), Unusual> {
        if !self.bytes[self.at..].starts_with(word) {
            return Err(Unusual);
        }
        self.at += word.len();
        self.out.extend_from_slice(word);
        Ok(())
    }

    /// The number's own digits; the exponent as serde_json's arbitrary-precision numbers
    /// write it: a lower-case `e`, and always a sign.
    fn number(&mut self) -> Result<(), Unusual> {
        let start = self.at;
        let digits = |bytes: &[u8], at: &mut usize| {
            let from = *at;
            while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            *at > from
        };
        if self.bytes[self.at] == b'-' {
            self.at += 1;
        }
        if !digits(self.bytes, &mut self.at) {
            return Err(Unusual);
        }
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            if !digits(self.bytes, &mut self.at) {
                return Err(Unusual);
            }
        }
        if !matches!(self.bytes.get(self.at), Some(b'e' | b'E')) {
            self.out.extend_from_slice(&self.bytes[start..self.at]);
            return Ok(());
        }
        self.out.extend_from_slice(&self.bytes[start..self.at]);
        self.out.push(b'e');
        self.at += 1;
        match self.bytes.get(self.at) {
            Some(&sign @ (b'+' | b'-')) => {
                self.out.push(sign);
                self.at += 1;
            }
            _ => self.out.push(b'+'),
        }
        let exponent = self.at;
        if !digits(self.bytes, &mut self.at) {
            return Err(Unusual);
        }
        self.out.extend_from_slice(&self.bytes[exponent..self.at]);
        Ok(())
    }

    /// Finds the end of the string starting at the cursor, and moves past it.
    /// (What is not a JSON string is left to the tree path, which says what to make of it.)
    fn literal(&mut self) -> Result<Literal, Unusual> {
        let start = self.at;
        let (end, escaped) = json_text::string_end(self.bytes, start).ok_or(Unusual)?;
        self.at = end;
        Ok(Literal {
            start,
            end,
            escaped,
        })
    }

    /// A string's value: borrowed from the text unless it has escapes, which serde_json
    /// decodes (and refuses as the tree would, a lone surrogate for one).
    fn decode(&self, literal: Literal) -> Result<Cow<'t, str>, Unusual> {
        let quoted = &self.text[literal.start..literal.end];
        if literal.escaped {
            serde_json::from_str::<String>(quoted)
                .map(Cow::Owned)
                .map_err(|_| Unusual)
        } else {
            Ok(Cow::Borrowed(&quoted[1..quoted.len() - 1]))
        }
    }

    /// A string as serde_json writes it: as received when it has no escapes (serde_json
    /// would write the same bytes), else re-escaped as serde_json escapes.
    fn write_literal(&mut self, literal: Literal, value: &str) {
        if literal.escaped {
            self.write_str(value);
        } else {
            self.out
                .extend_from_slice(&self.bytes[literal.start..literal.end]);
        }
    }

    fn write_str(&mut self, value: &str) {
        serde_json::to_writer(&mut *self.out, value).expect("a string serializes into a Vec");
    }

    fn string(&mut self) -> Result<(), Unusual> {
        let literal = self.literal()?;
        let value = self.decode(literal)?;
        match self
            .masking
            .and_then(|m| secret::masked_text(&value, m.key))
        {
            Some(masked) => self.write_str(&masked),
            None => self.write_literal(literal, &value),
        }
        Ok(())
    }

    /// Opens an array or an object.
    fn open(&mut self, bracket: u8) -> Result<(), Unusual> {
        self.at += 1;
        self.nesting += 1;
        if self.nesting > MAX_DEPTH {
            return Err(Unusual);
        }
        self.out.push(bracket);
        Ok(())
    }

    /// Before an element or a key: the separator, and in pretty output its own line.
    fn next_line(&mut self, first: bool) {
        if self.pretty {
            self.out
                .extend_from_slice(if first { b"\n" } else { b",\n" });
            self.pad(self.indent + self.nesting);
        } else if !first {
            self.out.push(b',');
        }
    }

    /// Closes an array or an object, on its own line in pretty output when it had any.
    fn close(&mut self, bracket: u8, any: bool) {
        self.at += 1;
        self.nesting -= 1;
        if self.pretty && any {
            self.out.push(b'\n');
            self.pad(self.indent + self.nesting);
        }
        self.out.push(bracket);
    }

    fn pad(&mut self, levels: usize) {
        for _ in 0..levels {
            self.out.extend_from_slice(b"  ");
        }
    }

    fn array(&mut self) -> Result<(), Unusual> {
        self.open(b'[')?;
        if self.peek()? == b']' {
            self.close(b']', false);
            return Ok(());
        }
        let mut first = true;
        loop {
            self.next_line(first);
            first = false;
            self.value()?;
            match self.peek()? {
                b',' => self.at += 1,
                b']' => break,
                _ => return Err(Unusual),
            }
        }
        self.close(b']', true);
        Ok(())
    }

    fn object(&mut self) -> Result<(), Unusual> {
        self.open(b'{')?;
        if self.peek()? == b'}' {
            self.close(b'}', false);
            return Ok(());
        }
        let outer = self.keys.len();
        let mut seen: u64 = 0;
        let mut first = true;
        loop {
            if self.peek()? != b'"' {
                return Err(Unusual);
            }
            let literal = self.literal()?;
            let key = self.decode(literal)?;
            // Keys are compared only when one like it (the same bit) came before.
            let bit = 1 << (key_bits(&key) % 64);
            let like_one_before = seen & bit != 0;
            seen |= bit;
            if key.starts_with(crate::json_text::SERDE_PRIVATE_KEY)
                || self.keys.len() - outer >= MAX_KEYS
                || like_one_before && self.keys[outer..].contains(&key)
            {
                return Err(Unusual);
            }
            self.expect(b':')?;
            self.next_line(first);
            first = false;
            // A key that holds the API key is masked too (DESIGN.md: the key is never printed).
            match self.masking.and_then(|m| m.key).filter(|k| k.is_in(&key)) {
                Some(api_key) => self.write_str(&api_key.mask(&key)),
                None => self.write_literal(literal, &key),
            }
            self.out
                .extend_from_slice(if self.pretty { b": " } else { b":" });
            let credential = self.masking.is_some() && secret::is_credential_key(&key);
            self.keys.push(key);
            if credential && self.peek()? != b'n' {
                // Read (so that the tree path's refusals still apply), then replaced.
                let before = self.out.len();
                self.value()?;
                self.out.truncate(before);
                self.write_str(REDACTED);
            } else {
                self.value()?;
            }
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => break,
                _ => return Err(Unusual),
            }
        }
        self.keys.truncate(outer);
        self.close(b'}', true);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{RawObject, Session};
    use crate::secret::redact;
    use serde_json::Value;

    /// What the tree path writes for `text`.
    fn tree(text: &str, masking: Option<Masking<'_>>, style: Style) -> String {
        let mut value: Value = serde_json::from_str(text).unwrap_or(Value::Null);
        if let Some(masking) = masking {
            redact(&mut value, masking.key);
        }
        match style {
            Style::Compact => serde_json::to_string(&value).unwrap(),
            Style::Pretty { depth: 0 } => serde_json::to_string_pretty(&value).unwrap(),
            Style::Pretty { .. } => unreachable!("the tests compare whole documents"),
        }
    }

    fn transcoded(text: &str, masking: Option<Masking<'_>>, style: Style) -> Option<String> {
        let mut out = b"before".to_vec();
        match transcode(text, masking, style, &mut out) {
            Ok(()) => Some(String::from_utf8(out[6..].to_vec()).unwrap()),
            Err(Unusual) => {
                assert_eq!(out, b"before", "left as it was");
                None
            }
        }
    }

    /// The transcoder agrees with the tree path, masked or not, compact and pretty.
    fn same(text: &str) {
        let key = ApiKey::new("key-echoed-123").unwrap();
        for masking in [
            None,
            Some(Masking { key: None }),
            Some(Masking { key: Some(&key) }),
        ] {
            for style in [Style::Compact, Style::Pretty { depth: 0 }] {
                let fast = transcoded(text, masking, style);
                let expected = tree(text, masking, style);
                assert_eq!(fast.as_deref(), Some(expected.as_str()), "{text}");
            }
        }
    }

    fn unusual(text: &str) {
        assert_eq!(
            transcoded(text, Some(Masking { key: None }), Style::Compact),
            None,
            "{text}"
        );
    }

    #[test]
    fn a_string_s_end_and_its_control_characters_are_found_at_any_offset() {
        let compact = |text: &str| {
            let mut out = Vec::new();
            transcode(text, None, Style::Compact, &mut out).map(|()| out)
        };
        let tree = |text: &str| serde_json::to_vec(&serde_json::from_str::<Value>(text).unwrap());
        for len in 1..80 {
            for at in 0..len {
                let (before, after) = ("a".repeat(at), "b".repeat(len - at - 1));
                // A control character anywhere: left to the tree.
                assert_eq!(compact(&format!("\"{before}\u{1f}{after}\"")), Err(Unusual));
                // An escaped quote, DEL or a letter of two bytes (no control character),
                // anywhere: the string ends where the tree says.
                for middle in ["\\\"", "\u{7f}", "é"] {
                    let text = format!("[\"{before}{middle}{after}\",1]");
                    assert_eq!(compact(&text).unwrap(), tree(&text).unwrap(), "{text:?}");
                }
            }
        }
        for control in ["\"\u{0}\"", "\"a\\n\u{1}b\"", "[\"\\\"\u{1f}\"]"] {
            assert_eq!(compact(control), Err(Unusual), "{control:?}");
        }
        assert_eq!(compact("\"unclosed"), Err(Unusual));
        assert_eq!(compact("\"ends in an escape\\"), Err(Unusual));
    }

    #[test]
    fn plain_values_come_out_as_the_tree_writes_them() {
        for text in [
            "null",
            "true",
            " false ",
            "0",
            "-0",
            "12",
            "-12",
            "12345678901234567890123",
            "-12345678901234567890123",
            "9007199254740993",
            "1.50",
            "-0.0",
            "1e400",
            "1E400",
            "1e-7",
            "2.5E+3",
            "-1.0e0",
            r#""""#,
            r#""plain""#,
            "{}",
            "[]",
            "[{}, [], [[]], {\"a\": {}}]",
            "{\n  \"a\" : [ 1 , 2 ] ,\r\n\t\"b\":{ } }",
        ] {
            same(text);
        }
    }

    #[test]
    fn escapes_and_unicode_are_written_as_serde_json_writes_them() {
        for text in [
            r#""a \"quoted\" \\ word""#,
            r#""\/slash\/""#,
            r#""\u00e9t\u00C9 \u2028 \ud83d\ude00 \u0000 \u001f \u007f""#,
            r#""\b\f\n\r\t""#,
            "\"été 😀 \u{7f} \u{2028}\"",
            r#"{"k\u0065y": "v", "\n": 1, "é": "ü"}"#,
            r#"["\u0041", "A"]"#,
            r#""0123456789abcdef0123456789abcdef \" 0123456789 \\ abcdefgh""#,
            "\"0123456789abcdef0123456789abcdefé😀ü0123456789abcdef\"",
        ] {
            same(text);
        }
    }

    #[test]
    fn credentials_are_masked_as_the_tree_masks_them() {
        for text in [
            r#"{"token": "t", "password": null, "apiKeyId": "keep", "recordingUrl": "x"}"#,
            r#"{"a": {"b": [{"sessionToken": {"deep": [1, 2]}}, {"client_secret": 12}]}}"#,
            r#"{"secret_iv": [], "x-api-key": {}, "Authorization": true, "meeting_token": 0}"#,
            r#"{"urls": ["https://s3/x?X-Amz-Signature=s", "https://example.com/a?b=c"]}"#,
            r#"["HTTPS://a/b?sig=1", {"u": "http://x/y?token=2#f"}, "http://é?sig=1"]"#,
            r#"{"echo": "bad key key-echoed-123!", "both": "key-echoed-123key-echoed-123"}"#,
            r#"{"escaped": "https:\/\/a\/b?sig=1", "t\u006Fken": "hidden"}"#,
            r#"{"token": null, "idToken": "   ", "IDToken": "x"}"#,
        ] {
            same(text);
        }
    }

    #[test]
    fn what_one_pass_cannot_reproduce_takes_the_tree_path() {
        unusual(r#"{"a": 1, "b": 2, "a": 3}"#);
        unusual(r#"{"a": 1, "\u0061": 2}"#);
        unusual(r#"{"x": {"token": {"a": 1, "a": 2}}}"#);
        unusual(r#""\ud800""#);
        unusual(r#"{"token": "\udc00"}"#);
        unusual(r#"{"$serde_json::private::Number": "1"}"#);
        unusual(&format!(
            "{}{}",
            "[".repeat(MAX_DEPTH + 1),
            "]".repeat(MAX_DEPTH + 1)
        ));
        let many: Vec<String> = (0..=MAX_KEYS).map(|i| format!("\"k{i}\": {i}")).collect();
        unusual(&format!("{{{}}}", many.join(",")));
        unusual("[1,]");
        unusual("{\"a\" 1}");
        unusual("[1] [2]");
        unusual("\"open");
        // Duplicates in different objects are no duplicates.
        same(r#"{"a": {"a": 1}, "b": {"a": 2}, "c": [{"a": 3}, {"a": 4}]}"#);
        // Deep but within the limit.
        same(&format!(
            "{}{}",
            "[".repeat(MAX_DEPTH),
            "]".repeat(MAX_DEPTH)
        ));
    }

    #[test]
    fn the_fixtures_come_out_as_the_tree_writes_them() {
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut seen = 0;
        for entry in std::fs::read_dir(fixtures).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let text = std::fs::read_to_string(&path).unwrap();
                same(&text);
                // And every object and array inside, on its own, as a list's `raw` would be.
                let value: Value = serde_json::from_str(&text).unwrap();
                let mut stack = vec![value];
                while let Some(value) = stack.pop() {
                    same(&serde_json::to_string_pretty(&value).unwrap());
                    match value {
                        Value::Object(map) => stack.extend(map.into_iter().map(|(_, v)| v)),
                        Value::Array(items) => stack.extend(items),
                        _ => {}
                    }
                }
                seen += 1;
            }
        }
        assert!(seen >= 5, "the fixtures were found");
    }

    fn session(raw: &str) -> Session {
        Session {
            status: Some("ended".into()),
            duration_ms: Some(12),
            raw: RawObject::from_text(raw.into(), false),
            ..Session::bare("s-1")
        }
    }

    /// What the renderer wrote before the transcoder: the record masked in its tree.
    fn record_by_tree(raw: &str, pretty: bool, raw_only: bool) -> Vec<u8> {
        let mut record = session(raw);
        redact(record.raw.tree_mut(), None);
        match (raw_only, pretty) {
            (true, true) => serde_json::to_vec_pretty(record.raw.tree()),
            (true, false) => serde_json::to_vec(record.raw.tree()),
            (false, true) => serde_json::to_vec_pretty(&record),
            (false, false) => serde_json::to_vec(&record),
        }
        .unwrap()
    }

    #[test]
    fn whole_records_come_out_as_the_tree_writes_them() {
        let raws = [
            r#"{"id": "s-1", "token": "t", "nested": {"a": [1, {"b": null}]}, "n": 1E5}"#,
            "{}",
            "[]",
            r#""text""#,
            "12345678901234567890123",
        ];
        for raw in raws {
            for pretty in [false, true] {
                for raw_only in [false, true] {
                    let mut record = session(raw);
                    let mut out = b"stale".to_vec();
                    let masking = Some(Masking { key: None });
                    assert!(
                        write_record(&mut record, raw_only, pretty, masking, &mut out).unwrap()
                    );
                    assert_eq!(
                        String::from_utf8(out).unwrap(),
                        String::from_utf8(record_by_tree(raw, pretty, raw_only)).unwrap(),
                        "{raw} pretty: {pretty} raw only: {raw_only}"
                    );
                    assert_eq!(record, session(raw), "the record is left as it was");
                }
            }
        }
    }

    #[test]
    fn records_the_transcoder_cannot_write_are_left_for_the_tree() {
        let masking = Some(Masking { key: None });
        let mut out = Vec::new();
        let mut duplicate = session(r#"{"a": 1, "a": 2}"#);
        assert!(!write_record(&mut duplicate, false, false, masking, &mut out).unwrap());
        assert_eq!(duplicate, session(r#"{"a": 1, "a": 2}"#));
        // A tree already built (and perhaps changed) is what is shown.
        let mut built = session(r#"{"a": 1}"#);
        built.raw.tree_mut()["a"] = Value::from(2);
        assert!(!write_record(&mut built, true, false, masking, &mut out).unwrap());
        assert!(!write_record(&mut built, false, true, masking, &mut out).unwrap());
    }
}
