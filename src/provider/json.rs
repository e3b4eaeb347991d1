//! Reading provider bodies: the JSON itself ([`parse_json`]), typed reads from one object
//! ([`ObjectReader`]) with errors that name the field, the list envelope ([`map_list`]), and
//! [`BodyError`], what was wrong with a body that cannot be read.
//!
//! Mapping stays tolerant (a missing or null field is `None`) but exact (a field of the wrong
//! type is an error, never a silently wrong value).

use std::fmt;

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

impl From<String> for BodyError {
    fn from(what: String) -> Self {
        Self::Shape(what)
    }
}

/// Parses a body as a JSON value.
pub fn parse_json(body: &[u8]) -> Result<Value, BodyError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(BodyError::Empty);
    }
    serde_json::from_slice(body).map_err(|e| match e.classify() {
        serde_json::error::Category::Eof => BodyError::Truncated(e.to_string()),
        _ => BodyError::NotJson(e.to_string()),
    })
}

/// Takes the record array of a list body out from under the first of `keys` it has (moved,
/// not copied: a page's objects become their records' `raw` values), and maps each with `map`.
pub fn map_list<R>(
    body: &mut Value,
    keys: &[&str],
    map: fn(Value) -> Result<R, String>,
) -> Result<Vec<R>, BodyError> {
    let Some(object) = body.as_object_mut() else {
        return Err(format!("the body is {}, not an object", kind(body)).into());
    };
    let Some((key, items)) = keys
        .iter()
        .find_map(|key| Some((key, object.remove(*key)?)))
    else {
        return Err(format!("the body has no `{}` array", keys[0]).into());
    };
    let Value::Array(items) = items else {
        return Err(format!("`{key}` is {}, not an array", kind(&items)).into());
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| map(item).map_err(|e| format!("session {i} of the list: {e}").into()))
        .collect()
}

/// Typed reads from one JSON object of a provider's body.
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
    fn get(&self, path: &str) -> Result<Option<&'a Value>, String> {
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

    pub fn string(&self, path: &str) -> Result<Option<String>, String> {
        match self.get(path)? {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(format!("`{path}` is {}, not a string", kind(other))),
        }
    }

    /// A required string, such as an ID.
    pub fn required_string(&self, path: &str) -> Result<String, String> {
        self.string(path)?
            .ok_or_else(|| format!("`{path}` is missing"))
    }

    pub fn time(&self, path: &str) -> Result<Option<DateTime<Utc>>, String> {
        let Some(text) = self.string(path)? else {
            return Ok(None);
        };
        DateTime::parse_from_rfc3339(&text)
            .map(|t| Some(t.with_timezone(&Utc)))
            .map_err(|_| format!("`{path}` is not an RFC 3339 time: {text:?}"))
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

    /// A non-negative number, as milliseconds after scaling by `scale` (1 for ms, 1000 for s).
    pub fn millis(&self, path: &str, scale: f64) -> Result<Option<u64>, String> {
        match self.get(path)? {
            None => Ok(None),
            Some(Value::Number(n)) => match n.as_f64().map(|v| v * scale) {
                Some(ms) if ms.is_finite() && (0.0..=u64::MAX as f64).contains(&ms) => {
                    Ok(Some(ms.round() as u64))
                }
                _ => Err(format!("`{path}` is not a valid duration: {n}")),
            },
            Some(other) => Err(format!("`{path}` is {}, not a number", kind(other))),
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_are_tolerant_of_absence_and_strict_on_type() {
        let value =
            json!({"a": {"b": "x", "n": null}, "d": 1.5, "s": 3, "t": "2024-01-15T12:00:00+01:00"});
        let fields = ObjectReader::of(&value, "the session").unwrap();
        assert_eq!(fields.string("a.b").unwrap().as_deref(), Some("x"));
        assert_eq!(fields.string("a.n").unwrap(), None);
        assert_eq!(fields.string("missing.b").unwrap(), None);
        assert_eq!(fields.millis("d", 1000.0).unwrap(), Some(1500));
        assert_eq!(fields.count("s").unwrap(), Some(3));
        assert_eq!(fields.count("d").unwrap_err(), "`d` is not a count: 1.5");
        assert_eq!(
            fields.string("s").unwrap_err(),
            "`s` is a number, not a string"
        );
        assert_eq!(
            fields.string("d.x").unwrap_err(),
            "`d` is a number, not an object"
        );
        assert_eq!(
            fields.time("t").unwrap().unwrap().to_rfc3339(),
            "2024-01-15T11:00:00+00:00"
        );
        assert!(fields.time("a.b").is_err());
        assert_eq!(
            ObjectReader::of(&json!([1]), "the body").err().unwrap(),
            "the body is an array, not an object"
        );
    }

    #[test]
    fn bad_bodies_are_described() {
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
    }

    #[test]
    fn negative_durations_are_refused() {
        let value = json!({"d": -5});
        assert!(
            ObjectReader::of(&value, "x")
                .unwrap()
                .millis("d", 1.0)
                .is_err()
        );
    }
}
