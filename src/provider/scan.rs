//! The fast reader of a list body: one pass over its text that checks it as JSON, finds each
//! record's text and projects it onto the paths its mapping reads, without serde_json's
//! visitors — the reading that every session of an export costs.
//!
//! It reads only what it is sure of: strict JSON whose keys (where it compares them) have no
//! escapes, nesting no deeper than [`MAX_DEPTH`], records that are objects. Anything else — a
//! body that is not JSON, a record that is not an object, a key with an escape, serde_json's
//! private keys — it leaves, with [`Unsure`], to the serde_json reader ([`super::stream`]),
//! which then reads the whole body again and says what was wrong, in its words. The records
//! handed on before that are the same either way, in the same order: the reader that takes
//! over hands on only the ones after them.

use serde_json::{Map, Value};

use super::json::{Kept, Listed, Mapper, Raw, RecordReader};
use super::project::{self, Below, Found, FoundAt, MAX_PATHS, Projection};

/// Nesting (of the whole body) past which the serde_json reader decides: its own limit is 128.
const MAX_DEPTH: usize = 100;

/// The body is left to the serde_json reader.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Unsure;

type Scan<T> = Result<T, Unsure>;

/// Reads a list body's records, as [`super::stream::each_record_keeping`] does: `Ok` with the
/// values under `keep` when every record was handed on (or `each` asked to stop); `Unsure`
/// when the rest is left to the serde_json reader.
pub(super) fn read_list<R>(
    text: &str,
    keys: &[&str],
    keep: &[&str],
    mapper: &Mapper<R>,
    raw: Raw,
    each: &mut dyn FnMut(Listed<R>) -> bool,
) -> Result<Value, Unsure> {
    let mut list = List {
        scanner: Scanner::new(text),
        plans: Plans::of(mapper.fields),
        mapper,
        raw,
        each,
    };
    let mut kept = Map::new();
    let mut found = false;
    list.scanner.open(b'{')?;
    if !list.scanner.close_if(b'}') {
        loop {
            let key = list.scanner.key()?;
            list.scanner.expect(b':')?;
            if keep.contains(&key) {
                let start = list.scanner.value_start()?;
                list.scanner.value()?;
                let value = &text[start..list.scanner.at];
                let value = serde_json::from_str(value).map_err(|_| Unsure)?;
                kept.insert(key.to_owned(), value);
            } else if !keys.contains(&key) || list.scanner.peek()? == b'n' {
                // (A null list is no list; another key may hold it.)
                list.scanner.value()?;
            } else {
                found = true;
                if list.records()? == Flow::Stop {
                    return Ok(Value::Object(kept));
                }
            }
            if !list.scanner.next(b'}')? {
                break;
            }
        }
    }
    list.scanner.whitespace();
    if list.scanner.at != text.len() || !found {
        return Err(Unsure);
    }
    Ok(Value::Object(kept))
}

/// Whether to read on.
#[derive(Debug, PartialEq, Eq)]
enum Flow {
    Go,
    Stop,
}

/// A list body being read, and where its records go.
struct List<'t, 'm, 'e, R> {
    scanner: Scanner<'t>,
    plans: Plans,
    mapper: &'m Mapper<R>,
    raw: Raw,
    each: &'e mut dyn FnMut(Listed<R>) -> bool,
}

impl<R> List<'_, '_, '_, R> {
    /// The array of records at the cursor, each mapped and handed on as soon as it is read.
    fn records(&mut self) -> Scan<Flow> {
        let scanner = &mut self.scanner;
        if scanner.peek()? != b'[' {
            return Err(Unsure);
        }
        scanner.open(b'[')?;
        if scanner.close_if(b']') {
            return Ok(Flow::Go);
        }
        loop {
            if self.record()? == Flow::Stop {
                return Ok(Flow::Stop);
            }
            if !self.scanner.next(b']')? {
                return Ok(Flow::Go);
            }
        }
    }

    /// One record: its fields projected as its text is read, then mapped.
    fn record(&mut self) -> Scan<Flow> {
        let mapper = self.mapper;
        let scanner = &mut self.scanner;
        if scanner.peek()? != b'{' {
            return Err(Unsure);
        }
        let start = scanner.at;
        scanner.watch = self.raw == Raw::Keep;
        scanner.verbatim = Verbatim::Yes;
        scanner.keys.clear();
        let mut found: FoundAt<'_> = [Found::Missing; MAX_PATHS];
        scanner.project(&self.plans, "", &mut found)?;
        let text = &scanner.text[start..scanner.at];
        let fields = RecordReader::from_projection(Projection::found(mapper.fields, found));
        let kept = match self.raw {
            Raw::Keep => Some(Kept {
                text,
                verbatim: scanner.verbatim,
            }),
            Raw::Skip => None,
        };
        let listed = match (mapper.map)(fields, kept) {
            Ok(mapped) => Listed::Record(mapped),
            Err(reason) => Listed::Skipped(reason),
        };
        Ok(if (self.each)(listed) {
            Flow::Go
        } else {
            Flow::Stop
        })
    }
}

/// A cursor over JSON text that checks what it passes.
struct Scanner<'t> {
    text: &'t str,
    bytes: &'t [u8],
    at: usize,
    /// Arrays and objects open.
    depth: usize,
    /// Whether the record read is looked at for [`Verbatim`] (only when its text is kept).
    watch: bool,
    /// What was seen of the record read so far.
    verbatim: Verbatim,
    /// The keys of the objects open, innermost last, for finding a key given twice.
    keys: Vec<&'t str>,
}

/// Whether a record's text is written out as it was received: the same bytes the output's
/// transcoder writes for it, masked (DESIGN.md, "Secrets") — compact, without escapes or
/// exponents (which serde_json writes its own way), a key given twice, credential keys,
/// signed URLs, or serde_json's private keys. (The API key is looked for when the text is
/// written: the scanner does not know it.)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verbatim {
    Yes,
    No,
}

/// An object with more keys is not verbatim: the transcoder leaves it to the tree.
const MAX_KEYS: usize = 256;

impl<'t> Scanner<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            at: 0,
            depth: 0,
            watch: false,
            verbatim: Verbatim::Yes,
            keys: Vec::new(),
        }
    }

    /// What is seen makes the record not verbatim.
    fn not_verbatim(&mut self) {
        self.verbatim = Verbatim::No;
    }

    /// A key of the object whose keys begin at `outer` in [`Self::keys`], `seen` the bits of
    /// them (by [`key_bit`]): looked at for what would change it or its object on output.
    /// Whether it names a credential, whose value is then looked at ([`Self::watch_secret`]).
    fn watch_key(&mut self, key: &'t str, outer: usize, seen: &mut u64) -> bool {
        let bit = key_bit(key);
        let like_one_before = *seen & bit != 0;
        *seen |= bit;
        if key.starts_with('$')
            || self.keys.len() - outer >= MAX_KEYS
            || like_one_before && self.keys[outer..].contains(&key)
        {
            self.not_verbatim();
        }
        self.keys.push(key);
        crate::secret::is_credential_key(key)
    }

    /// The value under a credential key, from `start` to the cursor: the output shows it as
    /// `[REDACTED]`, so unless it is that already (or null, shown as null) the record is not
    /// verbatim. (Providers often send secrets masked so.)
    fn watch_secret(&mut self, start: usize) {
        let value = &self.text[start..self.at];
        let shown = value.strip_prefix('"').and_then(|v| v.strip_suffix('"'));
        if value != "null" && shown != Some(crate::secret::REDACTED) {
            self.not_verbatim();
        }
    }

    /// A string value, watched: one with escapes, or a signed URL, is not verbatim.
    fn watch_string(&mut self, start: usize, escaped: bool) {
        let text = &self.bytes[start + 1..self.at - 1];
        if escaped
            || matches!(text.first(), Some(b'h' | b'H'))
                && crate::secret::is_signed_url(&self.text[start + 1..self.at - 1])
        {
            self.not_verbatim();
        }
    }

    /// Passes over whitespace (compact JSON has none: the next byte is the token's).
    fn whitespace(&mut self) {
        let start = self.at;
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
        if self.at != start {
            self.not_verbatim();
        }
    }

    fn peek(&mut self) -> Scan<u8> {
        match self.bytes.get(self.at) {
            Some(&byte) if byte > b' ' => Ok(byte),
            _ => {
                self.whitespace();
                self.bytes.get(self.at).copied().ok_or(Unsure)
            }
        }
    }

    /// Where the value after the whitespace begins.
    fn value_start(&mut self) -> Scan<usize> {
        self.peek().map(|_| self.at)
    }

    fn expect(&mut self, byte: u8) -> Scan<()> {
        if self.peek()? == byte {
            self.at += 1;
            Ok(())
        } else {
            Err(Unsure)
        }
    }

    /// Opens an array or an object.
    fn open(&mut self, bracket: u8) -> Scan<()> {
        self.expect(bracket)?;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Unsure);
        }
        Ok(())
    }

    /// Closes an empty array or object, if the next byte closes it.
    fn close_if(&mut self, bracket: u8) -> bool {
        let closes = self.peek() == Ok(bracket);
        if closes {
            self.at += 1;
            self.depth -= 1;
        }
        closes
    }

    /// After an element or a member: `true` past a comma, `false` past the closing bracket.
    fn next(&mut self, bracket: u8) -> Scan<bool> {
        match self.peek()? {
            b',' => {
                self.at += 1;
                Ok(true)
            }
            b if b == bracket => {
                self.at += 1;
                self.depth -= 1;
                Ok(false)
            }
            _ => Err(Unsure),
        }
    }

    /// Any one value, checked and passed over: a scalar here (inlined where values are
    /// read, since most are scalars), an object or an array by [`Self::nested`].
    #[inline]
    fn value(&mut self) -> Scan<()> {
        match self.peek()? {
            b'"' => {
                let start = self.at;
                let escaped = self.string()?;
                if self.watch {
                    self.watch_string(start, escaped);
                }
                Ok(())
            }
            b't' => self.word(b"true"),
            b'f' => self.word(b"false"),
            b'n' => self.word(b"null"),
            b'-' | b'0'..=b'9' => self.number(),
            b'{' | b'[' => self.nested(),
            _ => Err(Unsure),
        }
    }

    /// The object or array at the cursor, checked and passed over.
    #[inline(never)]
    fn nested(&mut self) -> Scan<()> {
        match self.peek()? {
            b'{' => {
                self.open(b'{')?;
                if self.close_if(b'}') {
                    return Ok(());
                }
                let (outer, mut seen) = (self.keys.len(), 0);
                loop {
                    if self.peek()? != b'"' {
                        return Err(Unsure);
                    }
                    let start = self.at;
                    let escaped = self.string()?;
                    let mut secret = false;
                    if self.watch {
                        if escaped {
                            self.not_verbatim();
                        }
                        let key = &self.text[start + 1..self.at - 1];
                        secret = self.watch_key(key, outer, &mut seen);
                    }
                    self.expect(b':')?;
                    let start = self.value_start()?;
                    self.value()?;
                    if secret {
                        self.watch_secret(start);
                    }
                    if !self.next(b'}')? {
                        self.keys.truncate(outer);
                        return Ok(());
                    }
                }
            }
            b'[' => {
                self.open(b'[')?;
                if self.close_if(b']') {
                    return Ok(());
                }
                loop {
                    self.value()?;
                    if !self.next(b']')? {
                        return Ok(());
                    }
                }
            }
            _ => Err(Unsure),
        }
    }

    fn word(&mut self, word: &[u8]) -> Scan<()> {
        if !self.bytes[self.at..].starts_with(word) {
            return Err(Unsure);
        }
        self.at += word.len();
        Ok(())
    }

    /// A number, to JSON's grammar: no leading zeros, digits on both sides of a point.
    fn number(&mut self) -> Scan<()> {
        let bytes = self.bytes;
        let mut at = self.at;
        let digits = |at: &mut usize| {
            let from = *at;
            while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            *at > from
        };
        if bytes[at] == b'-' {
            at += 1;
        }
        match bytes.get(at) {
            Some(b'0') => at += 1,
            Some(b'1'..=b'9') => {
                digits(&mut at);
            }
            _ => return Err(Unsure),
        }
        if bytes.get(at) == Some(&b'.') {
            at += 1;
            if !digits(&mut at) {
                return Err(Unsure);
            }
        }
        if let Some(b'e' | b'E') = bytes.get(at) {
            // serde_json writes an exponent its own way (`1E5` as `1e+5`).
            self.verbatim = Verbatim::No;
            at += 1;
            if let Some(b'+' | b'-') = bytes.get(at) {
                at += 1;
            }
            if !digits(&mut at) {
                return Err(Unsure);
            }
        }
        self.at = at;
        Ok(())
    }

    /// The string at the cursor, checked (no control characters, only JSON's escapes) and
    /// passed over: whether it has escapes.
    fn string(&mut self) -> Scan<bool> {
        let (end, escaped) = crate::json_text::string_end(self.bytes, self.at).ok_or(Unsure)?;
        self.at = end;
        Ok(escaped)
    }

    /// A key that is compared: its text, which must have no escapes (the serde_json reader
    /// decodes those), nor be one of serde_json's private keys.
    fn key(&mut self) -> Scan<&'t str> {
        if self.peek()? != b'"' {
            return Err(Unsure);
        }
        let start = self.at + 1;
        if self.string()? {
            return Err(Unsure);
        }
        let key = &self.text[start..self.at - 1];
        if key.starts_with(crate::json_text::SERDE_PRIVATE_KEY) {
            return Err(Unsure);
        }
        Ok(key)
    }

    /// The object at the cursor, read to its end, with the values at `paths` below `prefix`
    /// put in `found` — as [`Projection`] finds them: a key given twice keeps its last value,
    /// and a value on the way that is not an object is [`Found::NotObject`] (null: missing).
    fn project(
        &mut self,
        plans: &Plans,
        prefix: &'static str,
        found: &mut FoundAt<'t>,
    ) -> Scan<()> {
        let plan = plans.at(prefix)?;
        let below = plan.below();
        project::set_all(below, found, Found::Missing);
        self.open(b'{')?;
        if self.close_if(b'}') {
            return Ok(());
        }
        let (outer, mut seen) = (self.keys.len(), 0);
        loop {
            let key = self.key()?;
            let secret = self.watch && self.watch_key(key, outer, &mut seen);
            self.expect(b':')?;
            let (leaf, parent) = match plan.among[key_slot(key)] {
                0 => (None, None),
                among => project::matching(plans.paths, below, among, prefix, key),
            };
            let start = self.value_start()?;
            match parent {
                None => self.value()?,
                Some(prefix) => {
                    if self.bytes[start] == b'{' {
                        self.project(plans, prefix, found)?;
                    } else {
                        self.value()?;
                        // serde_json's reader decodes a string on a path's way, and refuses
                        // a lone surrogate escape in it: a string with escapes is its to read.
                        if self.bytes[start] == b'"' && self.text[start..self.at].contains('\\') {
                            return Err(Unsure);
                        }
                        let kind = kind_at(self.bytes[start]);
                        let not_object = project::not_an_object_found(prefix, kind);
                        project::set_all(plans.at(prefix)?.below(), found, not_object);
                    }
                }
            }
            if let Some(index) = leaf {
                found[index] = Found::Value(&self.text[start..self.at]);
            }
            if secret {
                self.watch_secret(start);
            }
            if !self.next(b'}')? {
                self.keys.truncate(outer);
                return Ok(());
            }
        }
    }
}

/// The kind of a value, from its first byte (of a value already checked).
fn kind_at(first: u8) -> &'static str {
    match first {
        b'[' => "an array",
        b'"' => "a string",
        b't' | b'f' => "a boolean",
        b'n' => "null",
        b'{' => "an object",
        _ => "a number",
    }
}

/// For each object on the way to a projection's paths (`""`, the record itself, then
/// `personaConfig.` …), the paths below it, worked out once for a whole list.
struct Plans {
    paths: &'static [&'static str],
    plans: Vec<Plan>,
}

struct Plan {
    prefix: &'static str,
    below: [Option<Below<'static>>; MAX_PATHS],
    count: usize,
    /// For each [`key_slot`], the paths below (by their place in `below`) whose next key
    /// has that slot: a key is compared with those only, and a key whose slot has none is
    /// passed over without a comparison.
    among: [u16; KEY_SLOTS],
}

impl Plans {
    fn of(paths: &'static [&'static str]) -> Self {
        let mut prefixes = vec![""];
        for path in paths {
            for (dot, _) in path.match_indices('.') {
                let prefix = &path[..=dot];
                if !prefixes.contains(&prefix) {
                    prefixes.push(prefix);
                }
            }
        }
        let plans = prefixes
            .into_iter()
            .map(|prefix| {
                let (below, count) = project::below(paths, prefix);
                let mut among = [0; KEY_SLOTS];
                for (place, path) in below[..count].iter().enumerate() {
                    if let Some(path) = path {
                        among[key_slot(path.key)] |= 1 << place;
                    }
                }
                Plan {
                    prefix,
                    below,
                    count,
                    among,
                }
            })
            .collect();
        Self { paths, plans }
    }

    /// The plan of the object at `prefix` (one of the paths' own prefixes, always found).
    fn at(&self, prefix: &str) -> Scan<&Plan> {
        self.plans
            .iter()
            .find(|plan| plan.prefix == prefix)
            .ok_or(Unsure)
    }
}

impl Plan {
    fn below(&self) -> &[Option<Below<'static>>] {
        &self.below[..self.count]
    }
}

/// How many [`key_slot`]s there are.
const KEY_SLOTS: usize = 64;

/// One of 64 slots for a key, alike for equal keys: from its length and its first and last
/// bytes.
fn key_slot(key: &str) -> usize {
    let bytes = key.as_bytes();
    let (first, last) = match bytes {
        [] => (0, 0),
        [first, .., last] | [first @ last] => (usize::from(*first), usize::from(*last)),
    };
    (bytes.len() * 7 + first + last * 3) % KEY_SLOTS
}

/// A key's [`key_slot`] as a bit of a 64-bit set.
fn key_bit(key: &str) -> u64 {
    1 << key_slot(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::json::Mapped;

    const PATHS: &[&str] = &[
        "id", "a", "a.b", "a.b.c", "p.name", "q", "n", "z.y", "x.y.z",
    ];
    const KEYS: &[&str] = &["data", "items"];
    const KEEP: &[&str] = &["meta"];

    /// A record as what its projection found at every path, and its text when kept. A text
    /// said to be verbatim is checked to be what the transcoder writes for it, masked.
    fn described(fields: RecordReader<'_, Projection<'_>>, raw: Option<Kept<'_>>) -> String {
        use crate::output::transcode::{Masking, Style, indent_verbatim, transcode};
        let found: Vec<_> = PATHS.iter().map(|p| fields.source().get(p)).collect();
        if let Some(Kept {
            text,
            verbatim: Verbatim::Yes,
        }) = raw
        {
            let mut out = Vec::new();
            let written = transcode(text, Some(Masking { key: None }), Style::Compact, &mut out);
            assert_eq!(written, Ok(()), "verbatim, but left to the tree: {text}");
            assert_eq!(
                String::from_utf8(out).unwrap(),
                text,
                "verbatim, but changed"
            );
            for depth in [0, 1, 3, 31, 40] {
                let (mut pretty, mut indented) = (Vec::new(), Vec::new());
                let style = Style::Pretty { depth };
                transcode(text, Some(Masking { key: None }), style, &mut pretty).unwrap();
                indent_verbatim(text, depth, &mut indented);
                assert_eq!(
                    indented, pretty,
                    "indented otherwise than serde_json: {text}"
                );
            }
        }
        format!("{found:?} {:?}", raw.map(|kept| kept.text))
    }

    const MAPPER: Mapper<String> = Mapper {
        fields: PATHS,
        noun: "record",
        map: |fields, raw| {
            Ok(Mapped {
                record: described(fields, raw),
                problems: Vec::new(),
            })
        },
    };

    /// The items each reader hands on, and how it ended.
    fn both(text: &str, raw: Raw) -> (Vec<String>, Result<Value, Unsure>, Vec<String>, bool) {
        let (mut fast, mut slow) = (Vec::new(), Vec::new());
        let fast_end = read_list(text, KEYS, KEEP, &MAPPER, raw, &mut |item| {
            fast.push(format!("{item:?}"));
            true
        });
        let slow_end = super::super::stream::read_list(text, KEYS, KEEP, &MAPPER, raw, &mut |i| {
            slow.push(format!("{i:?}"));
            true
        });
        let slow_ok = match (&fast_end, &slow_end) {
            (Ok(fast_kept), Ok(slow_kept)) => {
                assert_eq!(fast_kept, slow_kept, "kept values of {text:?}");
                true
            }
            _ => slow_end.is_ok(),
        };
        (fast, fast_end, slow, slow_ok)
    }

    /// The fast reader agrees with serde_json's wherever it is sure, and where it is not it
    /// has handed on only what serde_json's hands on first.
    fn agrees(text: &str) -> bool {
        let mut sure = false;
        for raw in [Raw::Keep, Raw::Skip] {
            let (fast, fast_end, slow, slow_ok) = both(text, raw);
            if fast_end.is_ok() {
                assert!(
                    slow_ok,
                    "the fast reader took what serde_json refuses: {text:?}"
                );
                assert_eq!(fast, slow, "records of {text:?}");
                sure = true;
            } else {
                assert!(
                    slow.starts_with(&fast),
                    "handed on before it was unsure, and not as serde_json does: {text:?}"
                );
            }
        }
        sure
    }

    #[test]
    fn odd_bodies_are_read_as_serde_json_reads_them_or_left_to_it() {
        let sure = [
            r#"{"data":[]}"#,
            r#" { "data" : [ { "id" : "a" } , {"id":"b","a":{"b":{"c":1}}} ] } "#,
            r#"{"data":[{"a":{"b":1},"a":{"x":2}}],"meta":{"total":1},"meta":{"total":2}}"#,
            r#"{"items":null,"data":[{"p":"text","z":null,"x":[1],"q":{"deep":[{}]}}]}"#,
            r#"{"data":[{"p":{"name":null},"n":-0.5e+10,"x":{"y":true}}],"other":[1,{"a":"\u00e9\n"}]}"#,
            r#"{"data":[{"a":{"b":"x"},"p":{"name":"Cara\"s"}}],"data":[{"id":"second"}]}"#,
            r#"{"data":[{"id":"\ud800","q":"lone surrogates in values are serde_json's to judge"}]}"#,
            r#"{"data":[{"n":12345678901234567890123456789,"x":{"y":{"z":"deep"}}}]}"#,
        ];
        for text in sure {
            assert!(agrees(text), "left to serde_json: {text}");
        }
        let unsure = [
            "",
            "[]",
            r#"{"data":{}}"#,
            r#"{"data":[1]}"#,
            r#"{"data":["not an object"]}"#,
            r#"{"data":[{"e\u0073c":1}]}"#,
            r#"{"data":[{"$serde_json::private::Number":"1"}]}"#,
            r#"{"data":[{"id":"a"}],"other":01}"#,
            r#"{"data":[{"id":"a"}]} x"#,
            r#"{"data":[{"id":"a"},{"id":"b""#,
            r#"{"data":[{"id":"a"},{"id":"b"}],"meta":{"total":1.}}"#,
            r#"{"data":[{"id":"a\x"}]}"#,
            "{\"data\":[{\"id\":\"tab\tinside\"}]}",
            r#"{"nothing":[]}"#,
            r#"{"data":[{"id":"a","a":"\ud800"}]}"#,
            r#"{"data":[{"id":"a","p":"\udc00 on the way to p.name"}]}"#,
        ];
        for text in unsure {
            assert!(!agrees(text), "read, though it should be left: {text}");
        }
        let deep = format!(
            r#"{{"data":[{{"a":{}1{}}}]}}"#,
            "[".repeat(120),
            "]".repeat(120)
        );
        assert!(!agrees(&deep));
    }

    /// A small deterministic generator (xorshift), for bodies no one wrote by hand.
    struct Random(u64);

    impl Random {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }

        fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
            from[self.below(from.len())]
        }

        fn value(&mut self, depth: usize, out: &mut String) {
            let kinds = if depth > 3 { 4 } else { 6 };
            match self.below(kinds) {
                0 => out.push_str(self.pick(&[
                    "0",
                    "-1",
                    "12.5",
                    "1e400",
                    "-0.0E-2",
                    "90071992547409930",
                    " 7 ",
                ])),
                1 => out.push_str(self.pick(&["true", "false", "null"])),
                2 | 3 => {
                    let text = self.pick(&[
                        "",
                        "x",
                        "Cara",
                        "[REDACTED]",
                        "https://b.s3.amazonaws.com/r.mp4?X-Amz-Signature=ab",
                        "http://plain.example/page",
                        "a\\\"b",
                        "\\u00e9t\\u00e9",
                        "\\ud800 alone",
                        "é😀",
                        "\\\\",
                        "long text of a system prompt, long enough to pass thirty-two bytes",
                    ]);
                    out.push('"');
                    out.push_str(text);
                    out.push('"');
                }
                4 => {
                    out.push('[');
                    for i in 0..self.below(3) {
                        if i > 0 {
                            out.push(',');
                        }
                        self.value(depth + 1, out);
                    }
                    out.push(']');
                }
                _ => self.object(depth + 1, out),
            }
        }

        fn object(&mut self, depth: usize, out: &mut String) {
            out.push('{');
            for i in 0..self.below(5) {
                if i > 0 {
                    out.push(',');
                }
                out.push('"');
                out.push_str(self.pick(&[
                    "id",
                    "a",
                    "b",
                    "c",
                    "p",
                    "name",
                    "q",
                    "n",
                    "z",
                    "y",
                    "x",
                    "other",
                    "apiToken",
                    "$ref",
                    "sessionKey",
                    "url",
                ]));
                out.push_str("\":");
                self.value(depth, out);
            }
            out.push('}');
        }

        fn body(&mut self) -> String {
            let mut out = String::from("{");
            for i in 0..1 + self.below(3) {
                if i > 0 {
                    out.push(',');
                }
                let key = self.pick(&["data", "data", "items", "meta", "other"]);
                out.push_str(&format!("\"{key}\":"));
                if key == "other" || self.below(8) == 0 {
                    self.value(1, &mut out);
                } else {
                    out.push('[');
                    for j in 0..self.below(4) {
                        if j > 0 {
                            out.push(',');
                        }
                        self.object(2, &mut out);
                    }
                    out.push(']');
                }
            }
            out.push('}');
            out
        }
    }

    #[test]
    fn generated_bodies_and_broken_ones_are_read_as_serde_json_reads_them_or_left_to_it() {
        let mut random = Random(0x2545_f491_4f6c_dd1d);
        let mut read = 0;
        for _ in 0..3000 {
            let body = random.body();
            read += usize::from(agrees(&body));
            // Broken: cut short, or one byte changed to one that matters to JSON.
            let bytes = body.as_bytes();
            let at = random.below(bytes.len());
            if body.is_char_boundary(at) {
                agrees(&body[..at]);
                let with = random.pick(&[
                    "\"", "\\", "{", "}", "[", "]", ",", ":", "0", "e", ".", "-", "\u{1}", " ", "n",
                ]);
                let end = (at + 1..=body.len())
                    .find(|&i| body.is_char_boundary(i))
                    .unwrap_or(body.len());
                agrees(&format!("{}{with}{}", &body[..at], &body[end..]));
                agrees(&format!("{}{with}{}", &body[..at], &body[at..]));
            }
        }
        assert!(
            read > 1500,
            "most generated bodies are read by the fast reader: {read}"
        );
    }
}
