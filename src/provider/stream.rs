//! Reading a list body record by record, with a serde visitor: each element of the list's
//! array is parsed, mapped and handed on before the next is read, and every other key of the
//! body is skipped unread, so that a whole list in one response costs the memory of its body
//! and one record, never the tree of the whole list.

use std::fmt;

use serde_json::Value;

use super::json::{BodyError, Listed, Mapper, Raw, RecordReader, body_text, syntax};
use super::project::{Key, ProjectSeed};
use super::scan;

/// Reads a list body record by record: each element of an array under one of `keys` is
/// parsed, mapped with `map` and handed to `each` (which returns `false` to stop) before the
/// next is read, so that memory holds one record, never the whole tree of the list. Other
/// keys of the body are skipped unread; a null under a list key is no list.
pub fn each_record<R>(
    body: &[u8],
    keys: &[&str],
    mapper: &Mapper<R>,
    raw: Raw,
    each: &mut dyn FnMut(Listed<R>) -> bool,
) -> Result<(), BodyError> {
    each_record_keeping(body, keys, &[], mapper, raw, each).map(|_| ())
}

/// [`each_record`], also keeping the body's top-level values under `keep` (a page's `meta`),
/// read in the same pass: an object of those it had.
pub fn each_record_keeping<R>(
    body: &[u8],
    keys: &[&str],
    keep: &[&str],
    mapper: &Mapper<R>,
    raw: Raw,
    each: &mut dyn FnMut(Listed<R>) -> bool,
) -> Result<Value, BodyError> {
    let text = body_text(body)?;
    let mut once = Once { handed: 0, each };
    // The fast reader, then serde_json's where it is unsure (which says what is wrong).
    if let Ok(kept) = once.pass(|each| scan::read_list(text, keys, keep, mapper, raw, each)) {
        return Ok(kept);
    }
    match once.pass(|each| read_list(text, keys, keep, mapper, raw, each)) {
        // Read with its records' text, a record the single pass could not read (a key with a
        // lone surrogate escape) is skipped on its own, as it is when raw is kept.
        Err(BodyError::NotJson(_) | BodyError::Truncated(_)) if raw == Raw::Skip => {
            once.pass(|each| read_list(text, keys, keep, mapper, Raw::Keep, each))
        }
        read => read,
    }
}

/// Hands on the items of several passes over one body, each item once: a pass that takes
/// over from another reads the body from its start, and what was handed on already is not
/// handed again.
struct Once<'e, R> {
    handed: usize,
    each: &'e mut dyn FnMut(Listed<R>) -> bool,
}

impl<R> Once<'_, R> {
    /// One pass, `read`, handing on only the items after those handed on before it.
    fn pass<E>(
        &mut self,
        read: impl FnOnce(&mut dyn FnMut(Listed<R>) -> bool) -> Result<Value, E>,
    ) -> Result<Value, E> {
        let mut seen = 0_usize;
        read(&mut |listed| {
            seen += 1;
            if seen <= self.handed {
                return true;
            }
            self.handed += 1;
            (self.each)(listed)
        })
    }
}

/// One pass of [`each_record_keeping`] over a body's text, with serde_json's reader.
pub(super) fn read_list<R>(
    text: &str,
    keys: &[&str],
    keep: &[&str],
    mapper: &Mapper<R>,
    raw: Raw,
    each: &mut dyn FnMut(Listed<R>) -> bool,
) -> Result<Value, BodyError> {
    use serde::de::Deserializer as _;

    let mut visit = ListVisitor {
        keys,
        keep,
        kept: serde_json::Map::new(),
        mapper,
        raw,
        each,
        found: false,
        stopped: false,
        shape: None,
    };
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let result = deserializer
        .deserialize_any(&mut visit)
        .and_then(|()| deserializer.end());
    if visit.stopped {
        return Ok(Value::Object(visit.kept));
    }
    if let Some(shape) = visit.shape {
        return Err(BodyError::Shape(shape));
    }
    result.map_err(|e| syntax(&e))?;
    if !visit.found {
        return Err(format!("the body has no `{}` array", keys[0]).into());
    }
    Ok(Value::Object(visit.kept))
}

/// The serde visitor behind [`each_record`]: the body object, then the array's elements.
struct ListVisitor<'a, 'k, R> {
    keys: &'k [&'k str],
    /// Other top-level keys to keep, and what they held.
    keep: &'k [&'k str],
    kept: serde_json::Map<String, Value>,
    mapper: &'a Mapper<R>,
    raw: Raw,
    each: &'a mut dyn FnMut(Listed<R>) -> bool,
    found: bool,
    /// `each` asked to stop: not an error.
    stopped: bool,
    /// The body is JSON, but not of the documented shape: what was wrong (never a value from
    /// it, which may echo anything).
    shape: Option<String>,
}

impl<'de, R> serde::de::Visitor<'de> for &mut ListVisitor<'_, '_, R> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object holding a list")
    }

    /// Every array under one of the list's keys is read (a null one is no list): so that an
    /// empty `data` beside the documented `sessions` cannot hide the sessions.
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(Key(key)) = map.next_key()? {
            if self.keep.contains(&key.as_ref()) {
                let value: Value = map.next_value()?;
                self.kept.insert(key.into_owned(), value);
                continue;
            }
            if !self.keys.contains(&key.as_ref()) {
                map.next_value::<serde::de::IgnoredAny>()?;
                continue;
            }
            map.next_value_seed(Elements {
                visitor: &mut *self,
                key: key.into_owned(),
            })?;
            if self.stopped {
                return Err(serde::de::Error::custom("stopped"));
            }
        }
        Ok(())
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        self.not_an_object("an array")
    }

    fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<(), E> {
        self.not_an_object("a string")
    }

    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<(), E> {
        self.not_an_object("a boolean")
    }

    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<(), E> {
        self.not_an_object("a number")
    }

    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<(), E> {
        self.not_an_object("a number")
    }

    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<(), E> {
        self.not_an_object("a number")
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        self.not_an_object("null")
    }
}

impl<R> ListVisitor<'_, '_, R> {
    /// A body that is not an object: what it is, never what it says (it may echo anything).
    fn not_an_object<E: serde::de::Error>(&mut self, kind: &str) -> Result<(), E> {
        self.shape = Some(format!("the body is {kind}, not an object"));
        Err(E::custom("shape"))
    }
}

/// The array under the list's key, element by element.
struct Elements<'v, 'a, 'k, R> {
    visitor: &'v mut ListVisitor<'a, 'k, R>,
    key: String,
}

impl<'de, R> serde::de::DeserializeSeed<'de> for Elements<'_, '_, '_, R> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, R> serde::de::Visitor<'de> for Elements<'_, '_, '_, R> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of records")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.visitor.found = true;
        let mapper = self.visitor.mapper;
        loop {
            let mapped = match self.visitor.raw {
                // The record's text, then its fields read from it.
                Raw::Keep => match seq.next_element::<&'de serde_json::value::RawValue>()? {
                    Some(text) => mapper.text(text.get()),
                    None => break,
                },
                // The fields alone, read as the list is.
                Raw::Skip => match seq.next_element_seed(ProjectSeed(mapper.fields))? {
                    Some(Ok(fields)) => (mapper.map)(RecordReader::from_projection(fields), None),
                    Some(Err(kind)) => Err(format!("a {} is {kind}, not an object", mapper.noun)),
                    None => break,
                },
            };
            let listed = match mapped {
                Ok(mapped) => Listed::Record(mapped),
                Err(reason) => Listed::Skipped(reason),
            };
            if !(self.visitor.each)(listed) {
                self.visitor.stopped = true;
                return Err(serde::de::Error::custom("stopped"));
            }
        }
        Ok(())
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map
            .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
            .is_some()
        {}
        self.refuse("an object")
    }

    fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<(), E> {
        self.refuse("a string")
    }

    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<(), E> {
        self.refuse("a boolean")
    }

    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<(), E> {
        self.refuse("a number")
    }

    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<(), E> {
        self.refuse("a number")
    }

    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<(), E> {
        self.refuse("a number")
    }

    /// A null list is no list; another key may hold it.
    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        Ok(())
    }
}

impl<R> Elements<'_, '_, '_, R> {
    fn refuse<E: serde::de::Error>(self, kind: &str) -> Result<(), E> {
        self.visitor.shape = Some(format!("`{}` is {kind}, not an array", self.key));
        Err(E::custom("shape"))
    }
}
