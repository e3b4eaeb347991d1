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

use super::json::{Listed, Mapper, Raw, RecordReader};
use super::project::{self, Below, Found, FoundAt, MAX_PATHS, Projection};

/// Nesting (of the whole body) past which the serde_json reader decides: its own limit is 128.
const MAX_DEPTH: usize = 100;

/// Keys serde_json reads as its own markers (a number or a raw value in disguise).
const PRIVATE_KEY: &str = "$serde_json::private::";

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
        let mut found: FoundAt<'_> = [Found::Missing; MAX_PATHS];
        scanner.project(&self.plans, "", &mut found)?;
        let text = &scanner.text[start..scanner.at];
        let fields = RecordReader::from_projection(Projection::found(mapper.fields, found));
        let kept = match self.raw {
            Raw::Keep => Some(text),
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
}

impl<'t> Scanner<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            at: 0,
            depth: 0,
        }
    }

    fn whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn peek(&mut self) -> Scan<u8> {
        self.whitespace();
        self.bytes.get(self.at).copied().ok_or(Unsure)
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

    /// Any one value, checked and passed over.
    fn value(&mut self) -> Scan<()> {
        match self.peek()? {
            b'{' => {
                self.open(b'{')?;
                if self.close_if(b'}') {
                    return Ok(());
                }
                loop {
                    if self.peek()? != b'"' {
                        return Err(Unsure);
                    }
                    self.string()?;
                    self.expect(b':')?;
                    self.value()?;
                    if !self.next(b'}')? {
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
            b'"' => self.string().map(|_| ()),
            b't' => self.word(b"true"),
            b'f' => self.word(b"false"),
            b'n' => self.word(b"null"),
            b'-' | b'0'..=b'9' => self.number(),
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
        if key.starts_with(PRIVATE_KEY) {
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
        loop {
            let key = self.key()?;
            self.expect(b':')?;
            let (leaf, parent) = if plan.mask & key_bit(key) == 0 {
                (None, None)
            } else {
                project::matching(plans.paths, below, prefix, key)
            };
            let start = self.value_start()?;
            match parent {
                None => self.value()?,
                Some(prefix) => {
                    if self.bytes[start] == b'{' {
                        self.project(plans, prefix, found)?;
                    } else {
                        self.value()?;
                        let kind = kind_at(self.bytes[start]);
                        let not_object = project::not_an_object_found(prefix, kind);
                        project::set_all(plans.at(prefix)?.below(), found, not_object);
                    }
                }
            }
            if let Some(index) = leaf {
                found[index] = Found::Value(&self.text[start..self.at]);
            }
            if !self.next(b'}')? {
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
    /// [`key_bit`] of each key the paths below go on with: a key without its bit is passed
    /// over without a comparison.
    mask: u64,
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
                let mask = below[..count]
                    .iter()
                    .flatten()
                    .fold(0, |mask, path| mask | key_bit(path.key));
                Plan {
                    prefix,
                    below,
                    count,
                    mask,
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

/// One of 64 bits for a key, alike for equal keys: from its length and first byte.
fn key_bit(key: &str) -> u64 {
    let first = key.as_bytes().first().map_or(0, |&b| usize::from(b));
    1 << ((key.len() * 7 + first) % 64)
}
