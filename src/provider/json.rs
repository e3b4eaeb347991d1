//! Reading provider bodies: the JSON itself ([`parse_json`]), the list envelope
//! ([`map_list`]), strict reads of an envelope ([`ObjectReader`]), tolerant reads of one
//! record ([`RecordReader`]), and [`BodyError`], what was wrong with a body that cannot be read.
//!
//! Envelopes are read strictly: a page count that is not a count is a malformed answer.
//! Records are read tolerantly, field by field: a field that is missing or null is `None`,
//! and one of an unexpected type or value is `None` too, with a [`FieldProblem`] saying what
//! it was, so that one odd record never costs the rest of the list.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;
use std::marker::PhantomData;

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

/// What was wrong with a body a provider sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BodyError {
    /// Nothing, or only whitespace.
    Empty,
    /// JSON that ends early (a cut connection, a truncated proxy answer); serde's message.
    Truncated(String),
    /// Not JSON at all (HTML, text, bytes); serde's message.
    NotJson(String),
    /// JSON, but not in the documented shape: what was wrong, naming the field.
    Shape(String),
}

impl fmt::Display for BodyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("the body is empty"),
            Self::Truncated(detail) => write!(f, "the JSON ends early ({detail})"),
            Self::NotJson(detail) => write!(f, "the body is not valid JSON ({detail})"),
            Self::Shape(what) => f.write_str(what),
        }
    }
}

impl BodyError {
    /// The same problem with its text passed through `f` (to mask what a provider echoed).
    pub fn map_text(self, f: impl Fn(&str) -> String) -> Self {
        match self {
            Self::Empty => Self::Empty,
            Self::Truncated(text) => Self::Truncated(f(&text)),
            Self::NotJson(text) => Self::NotJson(f(&text)),
            Self::Shape(text) => Self::Shape(f(&text)),
        }
    }
}

impl From<String> for BodyError {
    fn from(what: String) -> Self {
        Self::Shape(what)
    }
}

/// A field of a record that could not be read, and so is shown as null.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    /// The normalized field, e.g. `duration_ms`.
    pub field: &'static str,
    /// What was wrong, naming the provider's field: `` `sessionLengthMs` is -5 ``.
    pub what: String,
}

/// A record mapped tolerantly, with the fields that could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct Mapped<R> {
    pub record: R,
    pub problems: Vec<FieldProblem>,
}

/// What tolerant mapping of a list noticed: fields shown as null, records skipped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MappingNotes {
    /// Each unreadable field, with the ID of its record.
    pub problems: Vec<(String, FieldProblem)>,
    /// Why each skipped record was skipped (it had no usable ID).
    pub skipped: Vec<String>,
}

/// A body as text: UTF-8 (checked whole, so that no field skipped unread can hide bad
/// bytes), without a byte-order mark, and not empty.
pub fn body_text(body: &[u8]) -> Result<&str, BodyError> {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let text = std::str::from_utf8(body)
        .map_err(|e| BodyError::NotJson(format!("invalid UTF-8 after byte {}", e.valid_up_to())))?;
    if text.trim().is_empty() {
        return Err(BodyError::Empty);
    }
    Ok(text)
}

/// What serde said was wrong with a body.
pub(super) fn syntax(e: &serde_json::Error) -> BodyError {
    match e.classify() {
        serde_json::error::Category::Eof => BodyError::Truncated(e.to_string()),
        _ => BodyError::NotJson(e.to_string()),
    }
}

/// Parses a body as a JSON value; a UTF-8 byte-order mark before it is allowed.
pub fn parse_json(body: &[u8]) -> Result<Value, BodyError> {
    serde_json::from_str(body_text(body)?).map_err(|e| syntax(&e))
}

/// How one provider's records are read: the paths its mapping reads, what a record is
/// called, and the mapping, which gives `Ok` with the record (and its unreadable fields), or
/// `Err` with why it has no usable ID.
pub struct Mapper<R> {
    /// The dotted paths the mapping reads (at most 16); the rest of a record is not read.
    pub fields: &'static [&'static str],
    /// What a record is called in an error: `session`, `conversation`.
    pub noun: &'static str,
    /// Maps a record from its fields, with its text when that is kept.
    pub map: MapRecord<R>,
}

/// Maps one record from its fields, with its text when that is kept.
pub type MapRecord<R> =
    for<'a> fn(RecordReader<'a, Projection<'a>>, Option<Kept<'a>>) -> Result<Mapped<R>, String>;

/// A record's text (one JSON value), kept, and whether it is written out as received.
#[derive(Clone, Copy, Debug)]
pub struct Kept<'a> {
    pub text: &'a str,
    pub verbatim: Verbatim,
}

pub use super::scan::Verbatim;

impl<R> Mapper<R> {
    /// Maps a record from its text (one JSON value), which it keeps.
    pub fn text(&self, raw: &str) -> Result<Mapped<R>, String> {
        let fields = RecordReader::projected(raw, self.fields, self.noun)?;
        let kept = Kept {
            text: raw,
            verbatim: Verbatim::No,
        };
        (self.map)(fields, Some(kept))
    }
}

/// Whether the records of a list keep their provider object's text (`raw`): only when the
/// output shows some of it. Without it a record is read in one pass, its fields borrowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Raw {
    Keep,
    Skip,
}

/// One item of a list read record by record.
#[derive(Debug)]
pub enum Listed<R> {
    Record(Mapped<R>),
    /// A record without a usable ID, and why.
    Skipped(String),
}

use super::project;
pub use super::project::{Found, ProjectError, Projection};
pub use super::stream::{each_record, each_record_keeping};

/// Maps the records of a list body's array — under one of `keys` —
/// collecting them with what was noticed, and the body's top-level values under `keep`; a
/// record that cannot be mapped is skipped and
/// noted, never an error.
pub fn map_list<R: crate::record::Keyed>(
    body: &[u8],
    keys: &[&str],
    keep: &[&str],
    mapper: &Mapper<R>,
    raw: Raw,
) -> Result<(Vec<R>, MappingNotes, Value), BodyError> {
    let mut records = Vec::new();
    let mut notes = MappingNotes::default();
    let kept = each_record_keeping(body, keys, keep, mapper, raw, &mut |item| {
        match item {
            Listed::Record(mapped) => {
                let id = mapped.record.key();
                notes
                    .problems
                    .extend(mapped.problems.into_iter().map(|p| (id.to_owned(), p)));
                records.push(mapped.record);
            }
            Listed::Skipped(reason) => notes.skipped.push(reason),
        }
        true
    })?;
    Ok((records, notes, kept))
}

/// Strict reads from an envelope object: a value of the wrong type is an error.
pub struct ObjectReader<'a> {
    object: &'a Map<String, Value>,
}

impl<'a> ObjectReader<'a> {
    /// Wraps a value that must be a JSON object; `what` names it in the error.
    pub fn of(value: &'a Value, what: &str) -> Result<Self, String> {
        match value {
            Value::Object(object) => Ok(Self { object }),
            other => Err(format!("{what} is {}, not an object", kind(other))),
        }
    }

    /// The value at a dotted path; `None` when it, or an object on the way, is missing or null.
    pub fn get(&self, path: &str) -> Result<Option<&'a Value>, String> {
        let mut current = self.object;
        let mut parts = path.split('.').peekable();
        while let Some(part) = parts.next() {
            let value = match current.get(part) {
                None | Some(Value::Null) => return Ok(None),
                Some(value) => value,
            };
            if parts.peek().is_none() {
                return Ok(Some(value));
            }
            current = value
                .as_object()
                .ok_or_else(|| format!("`{part}` is {}, not an object", kind(value)))?;
        }
        Ok(None)
    }

    /// A count, such as a total or a page number: a non-negative whole number.
    pub fn count(&self, path: &str) -> Result<Option<u64>, String> {
        match self.get(path)? {
            None => Ok(None),
            Some(Value::Number(n)) => n
                .as_u64()
                .map(Some)
                .ok_or_else(|| format!("`{path}` is not a count: {n}")),
            Some(other) => Err(format!("`{path}` is {}, not a number", kind(other))),
        }
    }

    /// A string, or `None` for any other type.
    pub fn str(&self, path: &str) -> Option<&'a str> {
        self.get(path).ok().flatten().and_then(Value::as_str)
    }
}

/// Where a [`RecordReader`] reads a record's values: its tree ([`ObjectReader`]), or the
/// few fields projected from its text ([`Projection`]).
pub trait Fields<'a> {
    /// The value at a dotted path; `None` when it, or an object on the way, is missing or
    /// null; `Err` when an object on the way is not one.
    fn field(&self, path: &str) -> Result<Option<Cow<'a, Value>>, String>;

    /// The JSON text of the value at `path`, when the source holds values as text: what
    /// reads of plain strings and numbers take without building a value.
    fn text_of(&self, _path: &str) -> Option<&'a str> {
        None
    }
}

impl<'a> Fields<'a> for ObjectReader<'a> {
    fn field(&self, path: &str) -> Result<Option<Cow<'a, Value>>, String> {
        Ok(self.get(path)?.map(Cow::Borrowed))
    }
}

impl<'a> Fields<'a> for Projection<'a> {
    fn field(&self, path: &str) -> Result<Option<Cow<'a, Value>>, String> {
        match self.get(path) {
            Found::Missing => Ok(None),
            Found::Value(text) => project::value_of(text)
                .map(|value| value.map(Cow::Owned))
                .map_err(|what| format!("`{path}` cannot be read: {what}")),
            Found::NotObject { part, kind } => Err(format!("`{part}` is {kind}, not an object")),
        }
    }

    fn text_of(&self, path: &str) -> Option<&'a str> {
        match self.get(path) {
            Found::Value(text) => Some(text),
            Found::Missing | Found::NotObject { .. } => None,
        }
    }
}

/// A JSON string without escapes, as the text between its quotes (a JSON string holds no
/// control characters, so that text is the string itself).
fn plain_string(text: &str) -> Option<&str> {
    let inner = text.strip_prefix('"')?.strip_suffix('"')?;
    (!inner.contains('\\')).then_some(inner)
}

/// Tolerant reads from one record object: each read names the normalized field it fills,
/// and a value it cannot use becomes `None` and a [`FieldProblem`].
pub struct RecordReader<'a, F = ObjectReader<'a>> {
    object: F,
    problems: RefCell<Vec<FieldProblem>>,
    values: PhantomData<&'a Value>,
}

impl<'a> RecordReader<'a> {
    /// Wraps a record; `noun` names it in the error when it is not an object.
    pub fn of(value: &'a Value, noun: &str) -> Result<Self, String> {
        Ok(Self {
            object: ObjectReader::of(value, &format!("a {noun}"))?,
            problems: RefCell::default(),
            values: PhantomData,
        })
    }
}

impl<'a> RecordReader<'a, Projection<'a>> {
    /// Reads a record of a list from its text, which only `paths` are read of (in one pass,
    /// borrowing what they hold); `noun` names it in the error when it is not an object.
    pub fn projected(text: &'a str, paths: &'a [&'a str], noun: &str) -> Result<Self, String> {
        let object = Projection::of(text, paths).map_err(|e| match e {
            ProjectError::NotAnObject(kind) => format!("a {noun} is {kind}, not an object"),
            ProjectError::Json(what) => format!("a {noun} cannot be read: {what}"),
        })?;
        Ok(Self::from_projection(object))
    }

    /// Reads a record from its projection.
    pub fn from_projection(object: Projection<'a>) -> Self {
        Self {
            object,
            problems: RefCell::default(),
            values: PhantomData,
        }
    }
}

impl<'a, F: Fields<'a>> RecordReader<'a, F> {
    /// Where the reader reads from (for tests that compare two readers of one text).
    #[cfg(test)]
    pub(super) fn source(&self) -> &F {
        &self.object
    }

    /// The problems noticed so far.
    pub fn problems(self) -> Vec<FieldProblem> {
        self.problems.into_inner()
    }

    /// Whether the record has a non-null value at `path`, readable or not.
    pub fn present(&self, path: &str) -> bool {
        if let Some(text) = self.object.text_of(path) {
            return text != "null";
        }
        matches!(self.object.field(path), Ok(Some(_)) | Err(_))
    }

    /// Why a record without a usable ID at `path` is skipped: what was there, if anything.
    pub fn no_id(self, path: &str) -> String {
        match self.problems().into_iter().next() {
            Some(problem) => problem.what,
            None => format!("`{path}` is missing"),
        }
    }

    /// The string at `path` when the source holds it as text without escapes.
    fn plain(&self, path: &str) -> Option<&'a str> {
        self.object.text_of(path).and_then(plain_string)
    }

    fn problem(&self, field: &'static str, what: String) {
        self.problems
            .borrow_mut()
            .push(FieldProblem { field, what });
    }

    /// The value at `path`, with a problem recorded when an object on the way is not one.
    fn value(&self, field: &'static str, path: &str) -> Option<Cow<'a, Value>> {
        self.object.field(path).unwrap_or_else(|what| {
            self.problem(field, what);
            None
        })
    }

    /// Text: a string. Anything else is a problem.
    pub fn text(&self, field: &'static str, path: &str) -> Option<String> {
        if let Some(text) = self.plain(path) {
            return Some(text.to_owned());
        }
        match string(self.value(field, path)?) {
            Ok(text) => Some(text),
            Err(other) => {
                self.problem(field, format!("`{path}` is {}, not text", describe(&other)));
                None
            }
        }
    }

    /// A boolean. Anything else is a problem.
    pub fn flag(&self, field: &'static str, path: &str) -> Option<bool> {
        match *self.value(field, path)? {
            Value::Bool(b) => Some(b),
            ref other => {
                self.problem(
                    field,
                    format!("`{path}` is {}, not true or false", describe(other)),
                );
                None
            }
        }
    }

    /// An ID: a string, or an integer shown as its decimal text (older API generations).
    pub fn id(&self, field: &'static str, path: &str) -> Option<String> {
        if let Some(id) = self.plain(path).filter(|id| !id.trim().is_empty()) {
            return Some(id.to_owned());
        }
        match string(self.value(field, path)?) {
            Ok(id) if !id.trim().is_empty() => Some(id),
            Ok(blank) => {
                let what = describe(&Value::String(blank));
                self.problem(field, format!("`{path}` is {what}, not an ID"));
                None
            }
            Err(other) => match &*other {
                Value::Number(n) if n.is_u64() || n.is_i64() => Some(n.to_string()),
                other => {
                    self.problem(field, format!("`{path}` is {}, not an ID", describe(other)));
                    None
                }
            },
        }
    }

    /// An RFC 3339 time; an empty string is no time at all.
    pub fn time(&self, field: &'static str, path: &str) -> Option<DateTime<Utc>> {
        if let Some(text) = self.plain(path) {
            if text.trim().is_empty() {
                return None;
            }
            if let Some(time) = crate::model::time::parse_utc(text.trim()) {
                return Some(time);
            }
        }
        match &*self.value(field, path)? {
            Value::String(s) if s.trim().is_empty() => None,
            Value::String(s) => match crate::model::time::parse_utc(s.trim()) {
                Some(time) => Some(time),
                None => {
                    self.problem(field, format!("`{path}` is {s:?}, not an RFC 3339 time"));
                    None
                }
            },
            other => {
                self.problem(
                    field,
                    format!("`{path}` is {}, not a time", describe(other)),
                );
                None
            }
        }
    }

    /// A number, kept as the provider wrote it. Anything else is a problem.
    pub fn exact_number(&self, field: &'static str, path: &str) -> Option<serde_json::Number> {
        match self.value(field, path)? {
            Cow::Owned(Value::Number(n)) => Some(n),
            Cow::Borrowed(Value::Number(n)) => Some(n.clone()),
            other => {
                self.problem(
                    field,
                    format!("`{path}` is {}, not a number", describe(&other)),
                );
                None
            }
        }
    }

    /// A list of strings; a list holding anything else is a problem.
    pub fn strings(&self, field: &'static str, path: &str) -> Option<Vec<String>> {
        let value = self.value(field, path)?;
        let strings = value.as_array().and_then(|items| {
            items
                .iter()
                .map(|item| item.as_str().map(str::to_owned))
                .collect::<Option<Vec<String>>>()
        });
        if strings.is_none() {
            self.problem(
                field,
                format!("`{path}` is {}, not a list of text", describe(&value)),
            );
        }
        strings
    }

    /// A count: a non-negative whole number, or the length of an array of the things counted.
    pub fn count(&self, field: &'static str, path: &str) -> Option<u64> {
        match &*self.value(field, path)? {
            Value::Number(n) if n.as_u64().is_some() => n.as_u64(),
            Value::Array(items) => Some(items.len() as u64),
            other => {
                self.problem(
                    field,
                    format!("`{path}` is {}, not a count", describe(other)),
                );
                None
            }
        }
    }

    /// A non-negative number, as milliseconds after scaling by `scale` (1 for ms, 1000 for s).
    pub fn millis(&self, field: &'static str, path: &str, scale: f64) -> Option<u64> {
        let plain = self.object.text_of(path).and_then(plain_number);
        if let Some(ms) = plain.map(|n| n * scale).and_then(whole_millis) {
            return Some(ms);
        }
        let value = self.value(field, path)?;
        match value.as_f64().map(|v| v * scale).and_then(whole_millis) {
            Some(ms) => Some(ms),
            None => {
                self.problem(
                    field,
                    format!("`{path}` is {}, not a duration", describe(&value)),
                );
                None
            }
        }
    }

    /// A finite number, such as a rate. Anything else is a problem.
    pub fn number(&self, field: &'static str, path: &str) -> Option<f64> {
        let value = self.value(field, path)?;
        let number = value.as_f64().filter(|n| n.is_finite());
        if number.is_none() {
            self.problem(
                field,
                format!("`{path}` is {}, not a number", describe(&value)),
            );
        }
        number
    }

    /// The value at `path` as a tree (missing or null: `None`), for a caller that reads a
    /// nested array or object itself.
    pub fn tree(&self, field: &'static str, path: &str) -> Option<Cow<'a, Value>> {
        self.value(field, path)
    }

    /// Notes a problem the caller found in what it read itself.
    pub fn note(&self, field: &'static str, what: String) {
        self.problem(field, what);
    }
}

/// Reads of a record's tree that borrow from it.
impl<'a> RecordReader<'a> {
    /// The raw value at `path` (missing or null: `None`), for a caller that reads a nested
    /// array or object itself.
    pub fn raw(&self, field: &'static str, path: &str) -> Option<&'a Value> {
        self.object.get(path).unwrap_or_else(|what| {
            self.problem(field, what);
            None
        })
    }
}

/// A number of milliseconds as a whole count, when it is one.
fn whole_millis(ms: f64) -> Option<u64> {
    (ms.is_finite() && (0.0..=u64::MAX as f64).contains(&ms)).then(|| ms.round() as u64)
}

/// A JSON number's text as a float: what `as_f64` gives for the number (JSON's number syntax
/// is a part of what Rust parses).
fn plain_number(text: &str) -> Option<f64> {
    text.starts_with(|c: char| c == '-' || c.is_ascii_digit())
        .then(|| text.parse().ok())
        .flatten()
}

/// A string value as an owned `String` (moved, when the value was built for the read), or
/// the value of another type.
fn string(value: Cow<'_, Value>) -> Result<String, Cow<'_, Value>> {
    match value {
        Cow::Owned(Value::String(s)) => Ok(s),
        Cow::Borrowed(Value::String(s)) => Ok(s.clone()),
        other => Err(other),
    }
}

/// A JSON value's type, for messages.
pub fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A value for a message: a scalar as it is (shortened), a container by its type.
fn describe(value: &Value) -> String {
    let text = match value {
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("{s:?}"),
        Value::Bool(b) => b.to_string(),
        other => return kind(other).to_owned(),
    };
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn envelopes_are_read_strictly() {
        let value = json!({"meta": {"total": 3, "half": 1.5}, "s": "x"});
        let envelope = ObjectReader::of(&value, "the body").unwrap();
        assert_eq!(envelope.count("meta.total").unwrap(), Some(3));
        assert_eq!(envelope.count("meta.missing").unwrap(), None);
        assert_eq!(
            envelope.count("meta.half").unwrap_err(),
            "`meta.half` is not a count: 1.5"
        );
        assert_eq!(
            envelope.count("s.x").unwrap_err(),
            "`s` is a string, not an object"
        );
        assert_eq!(
            ObjectReader::of(&json!([1]), "the body").err().unwrap(),
            "the body is an array, not an object"
        );
    }

    #[test]
    fn records_are_read_tolerantly_field_by_field() {
        let value = json!({
            "a": {"b": "x", "n": null}, "d": 1.5, "neg": -5, "str": "90", "big": 12345678901234567u64,
            "t": "2024-01-15T12:00:00+01:00", "bad": "yesterday", "empty": "", "num": 7
        });
        let reader = RecordReader::of(&value, "session").unwrap();
        assert_eq!(reader.text("label", "a.b").as_deref(), Some("x"));
        assert_eq!(reader.text("label", "a.n"), None);
        assert_eq!(reader.text("label", "missing.b"), None);
        assert_eq!(reader.millis("duration_ms", "d", 1000.0), Some(1500));
        assert_eq!(reader.id("id", "big").as_deref(), Some("12345678901234567"));
        assert_eq!(
            reader.time("started_at", "t").unwrap().to_rfc3339(),
            "2024-01-15T11:00:00+00:00"
        );
        assert_eq!(reader.time("ended_at", "empty"), None);
        assert!(
            reader.problems().is_empty(),
            "absent and empty are not problems"
        );

        let reader = RecordReader::of(&value, "session").unwrap();
        assert_eq!(reader.millis("duration_ms", "neg", 1.0), None);
        assert_eq!(reader.millis("duration_ms", "str", 1.0), None);
        assert_eq!(reader.time("ended_at", "bad"), None);
        assert_eq!(reader.text("label", "num"), None);
        assert_eq!(reader.text("label", "d.x"), None);
        assert_eq!(reader.id("id", "a"), None);
        let problems: Vec<String> = reader
            .problems()
            .into_iter()
            .map(|p| format!("{}: {}", p.field, p.what))
            .collect();
        assert_eq!(
            problems,
            [
                "duration_ms: `neg` is -5, not a duration",
                "duration_ms: `str` is \"90\", not a duration",
                "ended_at: `bad` is \"yesterday\", not an RFC 3339 time",
                "label: `num` is 7, not text",
                "label: `d` is a number, not an object",
                "id: `a` is an object, not an ID",
            ]
        );
    }

    #[test]
    fn a_record_read_from_its_text_reads_as_its_tree_does() {
        let text = r#"{"id": 12345678901234567890, "s": "x\u00e9", "t": "2024-01-15T12:00:00+01:00",
            "bad": "yesterday", "n": -5, "f": 1.5, "b": true, "list": ["a", "b"], "mixed": ["a", 1],
            "o": {"name": "Cara", "deep": {"x": null}}, "str": "s", "nul": null, "blank": " "}"#;
        let paths: &[&str] = &[
            "id", "s", "t", "bad", "n", "f", "b", "list", "mixed", "o.name", "o.deep.x", "str.x",
            "nul", "blank",
        ];
        let tree: Value = serde_json::from_str(text).unwrap();
        let read = |fields: &dyn Fn(&str) -> String| -> Vec<String> {
            paths.iter().map(|p| fields(p)).collect()
        };
        macro_rules! all_reads {
            ($reader:expr) => {{
                let reader = $reader;
                let mut reads = read(&|p| {
                    format!(
                        "{p}: {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {}",
                        reader.text("label", p),
                        reader.id("id", p),
                        reader.time("started_at", p),
                        reader.millis("duration_ms", p, 1000.0),
                        reader.flag("flag", p),
                        reader.exact_number("n", p).map(|n| n.to_string()),
                        reader.strings("tags", p),
                        reader.count("count", p),
                        reader.number("rate", p),
                        reader.present(p),
                    )
                });
                reads.extend(reader.problems().into_iter().map(|p| format!("{p:?}")));
                reads
            }};
        }
        let from_tree = all_reads!(RecordReader::of(&tree, "session").unwrap());
        let from_text = all_reads!(RecordReader::projected(text, paths, "session").unwrap());
        assert_eq!(from_text, from_tree);
        assert!(from_tree.len() > paths.len(), "some reads are problems");
        assert_eq!(
            RecordReader::projected("[1]", paths, "session").err(),
            RecordReader::of(&serde_json::json!([1]), "session").err()
        );
    }

    #[test]
    fn a_value_only_its_own_read_refuses_is_a_problem_not_a_silent_null() {
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let text = format!(r#"{{"t": "\ud800", "s": "x\ud800", "deep": {deep}}}"#);
        let paths: &[&str] = &["t", "s", "deep"];
        let reader = RecordReader::projected(&text, paths, "session").unwrap();
        assert!(reader.present("t") && reader.present("deep"));
        assert_eq!(reader.time("ended_at", "t"), None);
        assert_eq!(reader.text("label", "s"), None);
        assert_eq!(reader.count("count", "deep"), None);
        let problems: Vec<String> = reader.problems().into_iter().map(|p| p.what).collect();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(
            problems[0].starts_with("`t` cannot be read: "),
            "{problems:?}"
        );
        assert!(problems[2].contains("recursion limit"), "{problems:?}");
        assert!(problems.iter().all(|p| !p.contains("line")), "{problems:?}");
    }

    #[test]
    fn numbers_keep_their_digits_and_counts_take_arrays() {
        let value: Value = serde_json::from_str(
            r#"{"n": 12.50, "big": 123456789012345678901234567890, "s": "5",
                "list": [1, 2, 3], "c": 4, "neg": -1}"#,
        )
        .unwrap();
        let reader = RecordReader::of(&value, "usage report").unwrap();
        assert_eq!(
            reader
                .exact_number("minutes_used", "n")
                .unwrap()
                .to_string(),
            "12.50"
        );
        assert_eq!(
            reader
                .exact_number("minutes_used", "big")
                .unwrap()
                .to_string(),
            "123456789012345678901234567890"
        );
        assert_eq!(reader.count("active_sessions", "list"), Some(3));
        assert_eq!(reader.count("active_sessions", "c"), Some(4));
        assert_eq!(reader.exact_number("minutes_used", "s"), None);
        assert_eq!(reader.count("active_sessions", "neg"), None);
        let problems: Vec<String> = reader.problems().into_iter().map(|p| p.what).collect();
        assert_eq!(
            problems,
            ["`s` is \"5\", not a number", "`neg` is -1, not a count"]
        );
    }

    #[test]
    fn each_record_reads_every_list_key_and_describes_odd_bodies_without_quoting_them() {
        let mapper: Mapper<crate::model::Session> = Mapper {
            fields: &["id"],
            noun: "session",
            map: |fields, _| {
                let id = fields.text("id", "id").ok_or("no id")?;
                Ok(Mapped {
                    record: crate::model::Session::bare(&id),
                    problems: Vec::new(),
                })
            },
        };
        let read = |body: &str| {
            let [kept, skipped] = [Raw::Keep, Raw::Skip].map(|raw| {
                let mut ids = Vec::new();
                let keys = ["sessions", "data"];
                let result = each_record(body.as_bytes(), &keys, &mapper, raw, &mut |l| {
                    if let Listed::Record(m) = l {
                        ids.push(m.record.id);
                    }
                    true
                });
                (result.map_err(|e| e.to_string()), ids)
            });
            assert_eq!(kept, skipped, "with and without raw: {body}");
            kept
        };
        assert_eq!(
            read(r#"{"data":[],"sessions":[{"id":"a"}]}"#),
            (Ok(()), vec!["a".into()])
        );
        // A record whose key the single pass refuses: read again, nothing handed on twice.
        assert_eq!(
            read(r#"{"data":[{"id":"a"},{"id":"b","\ud800":1},{"id":"c"}]}"#),
            (Ok(()), vec!["a".into(), "c".into()])
        );
        assert_eq!(
            read(r#"{"data":null,"sessions":[{"id":"b"}]}"#),
            (Ok(()), vec!["b".into()])
        );
        assert_eq!(
            read(r#"{"sessions":{"id":"c"}}"#).0,
            Err("`sessions` is an object, not an array".into())
        );
        assert_eq!(
            read(r#""sk_live_secret""#).0,
            Err("the body is a string, not an object".into())
        );
        assert_eq!(
            read(r#"{"x":1}"#).0,
            Err("the body has no `sessions` array".into())
        );
        assert!(read(r#"{"sessions":[{"id":"d"}]} trailing"#).0.is_err());
    }

    #[test]
    fn bad_bodies_are_described_and_a_bom_is_allowed() {
        assert_eq!(parse_json(b"  ").unwrap_err(), BodyError::Empty);
        assert!(
            parse_json(b"{\"data\": [")
                .unwrap_err()
                .to_string()
                .starts_with("the JSON ends early")
        );
        assert!(
            parse_json(b"<html>")
                .unwrap_err()
                .to_string()
                .starts_with("the body is not valid JSON")
        );
        assert_eq!(
            parse_json(b"\xEF\xBB\xBF{\"a\":1}").unwrap(),
            json!({"a": 1})
        );
    }
}
