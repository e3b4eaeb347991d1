//! Of a record's JSON text, only the values at a few dotted paths (`personaConfig.name`),
//! found in one pass and borrowed from the text: the rest is skipped unread, and nothing is
//! built — no tree, no key or value copied — so mapping a record of a list costs a scan of its
//! text and the few values its normalized fields are read from.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer as _, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;

/// The most paths one projection reads (a record's normalized fields).
pub(super) const MAX_PATHS: usize = 16;

/// The key serde_json's arbitrary-precision numbers arrive under, as a one-entry map.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// What a projection found at each of its paths, by index.
pub(super) type FoundAt<'a> = [Found<'a>; MAX_PATHS];

/// What a projection found at one path.
#[derive(Clone, Copy, Debug)]
pub enum Found<'a> {
    /// Missing, or null (itself or an object on the way).
    Missing,
    /// The value's JSON text, as received.
    Value(&'a str),
    /// A value on the way is not an object: the key it stood under, and its kind.
    NotObject { part: &'a str, kind: &'static str },
}

impl PartialEq for Found<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Missing, Self::Missing) => true,
            (Self::Value(a), Self::Value(b)) => a == b,
            (
                Self::NotObject { part, kind },
                Self::NotObject {
                    part: other_part,
                    kind: other_kind,
                },
            ) => part == other_part && kind == other_kind,
            _ => false,
        }
    }
}

/// The values of one record at the paths asked for.
pub struct Projection<'a> {
    paths: &'a [&'a str],
    found: FoundAt<'a>,
}

impl<'a> Projection<'a> {
    /// The projection onto `paths` of what was found at each.
    pub(super) fn found(paths: &'a [&'a str], found: FoundAt<'a>) -> Self {
        Self { paths, found }
    }

    /// Projects `text` onto `paths` (at most 16). `Err` with the kind of the value when it is
    /// not an object (`"an array"`), or with serde's message when it is not JSON.
    pub fn of(text: &'a str, paths: &'a [&'a str]) -> Result<Self, ProjectError> {
        let mut deserializer = serde_json::Deserializer::from_str(text);
        match ProjectSeed(paths).deserialize(&mut deserializer) {
            Ok(Ok(projection)) => Ok(projection),
            Ok(Err(kind)) => Err(ProjectError::NotAnObject(kind)),
            Err(e) => Err(ProjectError::Json(without_position(&e))),
        }
    }

    /// What was found at `path`, one of the paths asked for (any other is missing).
    pub fn get(&self, path: &str) -> Found<'a> {
        self.paths
            .iter()
            .position(|p| *p == path)
            .map_or(Found::Missing, |i| self.found[i])
    }
}

/// Reads the projection of one value of a larger document (a record of a list) as the
/// document is read: `Err` with its kind when it is not an object.
pub struct ProjectSeed<'a>(pub &'a [&'a str]);

impl<'de: 'a, 'a> DeserializeSeed<'de> for ProjectSeed<'a> {
    type Value = Result<Projection<'a>, &'static str>;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        let paths = self.0;
        assert!(
            paths.len() <= MAX_PATHS,
            "a projection reads at most 16 paths"
        );
        let mut found: FoundAt<'_> = [Found::Missing; MAX_PATHS];
        let level = Level {
            paths,
            prefix: "",
            found: &mut found,
        };
        Ok(match deserializer.deserialize_any(level)? {
            Shape::Object => Ok(Projection { paths, found }),
            Shape::Other(kind) => Err(kind),
        })
    }
}

/// Why a text has no projection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProjectError {
    /// JSON, but not an object: its kind.
    NotAnObject(&'static str),
    /// Not JSON (never for a record of a body already read as JSON).
    Json(String),
}

/// What the value a [`Level`] was given turned out to be.
enum Shape {
    Object,
    Other(&'static str),
}

/// One level of the record: the paths that go on below it (`prefix` is the part of each
/// already matched, e.g. `personaConfig.`), and where their values go.
struct Level<'s, 'a> {
    paths: &'a [&'a str],
    prefix: &'a str,
    found: &'s mut FoundAt<'a>,
}

/// A path that goes on below a level: its index, and its next key there.
#[derive(Clone, Copy)]
pub(super) struct Below<'a> {
    index: usize,
    pub(super) key: &'a str,
    /// Whether the path ends at that key (else it goes on below it).
    leaf: bool,
}

/// The paths that go on below an object at `prefix` (the part of each already matched, e.g.
/// `personaConfig.`), each with its next key: worked out once for an object, so that each of
/// its keys is matched by length and first byte before any comparison.
pub(super) fn below<'a>(
    paths: &'a [&'a str],
    prefix: &str,
) -> ([Option<Below<'a>>; MAX_PATHS], usize) {
    let mut below = [None; MAX_PATHS];
    let mut count = 0;
    for (index, path) in paths.iter().enumerate() {
        let Some(rest) = strip_prefix(path, prefix) else {
            continue;
        };
        let (key, leaf) = match rest.split_once('.') {
            Some((key, _)) => (key, false),
            None => (rest, true),
        };
        below[count] = Some(Below { index, key, leaf });
        count += 1;
    }
    (below, count)
}

/// Where `key`, of an object at `prefix`, leads among the paths `below` it: the index of the
/// path that ends at it, and the prefix of the paths that go on below it.
/// Only the paths whose bit is set in `among` (by their place in `below`) are compared.
pub(super) fn matching<'a>(
    paths: &'a [&'a str],
    below: &[Option<Below<'a>>],
    among: u16,
    prefix: &str,
    key: &str,
) -> (Option<usize>, Option<&'a str>) {
    let mut leaf = None;
    let mut parent = None;
    let (length, first_byte) = (key.len(), key.as_bytes().first());
    let mut among = among;
    while among != 0 {
        let place = among.trailing_zeros() as usize;
        among &= among - 1;
        let Some(Some(path)) = below.get(place) else {
            continue;
        };
        if path.key.len() != length
            || path.key.as_bytes().first() != first_byte
            || !same(path.key.as_bytes(), key.as_bytes())
        {
            continue;
        }
        if path.leaf {
            leaf = Some(path.index);
        } else if parent.is_none() {
            let end = prefix.len() + length + 1;
            parent = Some(&paths[path.index][..end]);
        }
    }
    (leaf, parent)
}

/// Every path `below` an object gets `found`.
pub(super) fn set_all<'a>(
    below: &[Option<Below<'_>>],
    found_at: &mut FoundAt<'a>,
    found: Found<'a>,
) {
    for path in below.iter().flatten() {
        found_at[path.index] = found;
    }
}

/// What the paths that go on below `prefix` (not empty) find when the value there is of
/// `kind`, not an object: [`Found::NotObject`], or nothing for null (as in a tree).
pub(super) fn not_an_object_found<'a>(prefix: &'a str, kind: &'static str) -> Found<'a> {
    if kind == "null" {
        return Found::Missing;
    }
    let part = prefix.trim_end_matches('.');
    let part = part.rsplit('.').next().unwrap_or(part);
    Found::NotObject { part, kind }
}

impl<'a> Level<'_, 'a> {
    /// A value that is not an object where paths go on: each of them is [`Found::NotObject`]
    /// (null is no value at all, as in a tree).
    fn not_an_object<E>(self, kind: &'static str) -> Result<Shape, E> {
        if !self.prefix.is_empty() {
            let (below, count) = below(self.paths, self.prefix);
            set_all(
                &below[..count],
                self.found,
                not_an_object_found(self.prefix, kind),
            );
        }
        Ok(Shape::Other(kind))
    }
}

impl<'de: 'a, 'a> DeserializeSeed<'de> for Level<'_, 'a> {
    type Value = Shape;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Shape, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de: 'a, 'a> Visitor<'de> for Level<'_, 'a> {
    type Value = Shape;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shape, A::Error> {
        let (below, count) = below(self.paths, self.prefix);
        let below = &below[..count];
        // A key given twice keeps its last value, as a tree does: what was found below the
        // first is forgotten.
        set_all(below, self.found, Found::Missing);
        let mut first = true;
        while let Some(Key(key)) = map.next_key()? {
            if first && key == NUMBER_TOKEN {
                // An arbitrary-precision number: not an object. (An object that only begins
                // with that key is read to its end all the same.)
                map.next_value::<IgnoredAny>()?;
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                return self.not_an_object("a number");
            }
            first = false;
            match matching(self.paths, below, u16::MAX, self.prefix, &key) {
                (None, None) => {
                    map.next_value::<IgnoredAny>()?;
                }
                (Some(i), None) => {
                    let value: &'de RawValue = map.next_value()?;
                    self.found[i] = Found::Value(value.get());
                }
                (None, Some(prefix)) => {
                    map.next_value_seed(Level {
                        paths: self.paths,
                        prefix,
                        found: &mut *self.found,
                    })?;
                }
                (Some(i), Some(prefix)) => {
                    // Wanted itself and below it (`a` and `a.b`): the value, then the paths
                    // below read from its text.
                    let value: &'de RawValue = map.next_value()?;
                    self.found[i] = Found::Value(value.get());
                    let mut deserializer = serde_json::Deserializer::from_str(value.get());
                    let below = Level {
                        paths: self.paths,
                        prefix,
                        found: &mut *self.found,
                    };
                    (&mut deserializer)
                        .deserialize_any(below)
                        .map_err(de::Error::custom)?;
                }
            }
        }
        Ok(Shape::Object)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Shape, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        self.not_an_object("an array")
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Shape, E> {
        self.not_an_object("a string")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Shape, E> {
        self.not_an_object("a boolean")
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Shape, E> {
        self.not_an_object("a number")
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Shape, E> {
        self.not_an_object("a number")
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Shape, E> {
        self.not_an_object("a number")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Shape, E> {
        self.not_an_object("null")
    }
}

/// `path` after `prefix`, if it begins with it. (Keys and paths are short: comparing them
/// byte by byte in line costs less than a call to `memcmp` for each, which `strip_prefix`
/// makes; a record's every key is compared.)
fn strip_prefix<'p>(path: &'p str, prefix: &str) -> Option<&'p str> {
    let head = path.as_bytes().get(..prefix.len())?;
    if same(head, prefix.as_bytes()) {
        path.get(prefix.len()..)
    } else {
        None
    }
}

/// Whether two short byte strings are equal, compared in line.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// An object's key, borrowed from the text unless it holds an escape.
pub(super) struct Key<'de>(pub Cow<'de, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;

        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key")
            }

            fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(key)))
            }

            fn visit_str<E: de::Error>(self, key: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(key.to_owned())))
            }
        }

        deserializer.deserialize_str(KeyVisitor)
    }
}

/// The value at `found` as a tree of its own (small: one field's value), `None` for null;
/// `Err` with what serde_json refused in it (a lone surrogate escape, nesting past its
/// limit), which the scan that found it lets through.
pub fn value_of(found: &str) -> Result<Option<Value>, String> {
    match serde_json::from_str(found) {
        Ok(Value::Null) => Ok(None),
        Ok(value) => Ok(Some(value)),
        Err(e) => Err(without_position(&e)),
    }
}

/// What serde_json refused, without its line and column: those count from the start of the
/// one record or value read, not of the body, and would mislead.
fn without_position(e: &serde_json::Error) -> String {
    let what = e.to_string();
    match what.split_once(" at line ") {
        Some((what, _)) => what.to_owned(),
        None => what,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_at<'a>(projection: &Projection<'a>, path: &str) -> Option<&'a str> {
        match projection.get(path) {
            Found::Value(text) => Some(text),
            _ => None,
        }
    }

    #[test]
    fn a_projection_finds_only_the_paths_asked_for() {
        let text = r#"{"id":"a","big":{"deep":[1,2,3]},"n":9007199254740993,"p":{"name":"Cara","x":1},"q":"str","r":[1],"z":null,"e\u0073c":1}"#;
        let paths = [
            "id", "n", "p.name", "q.name", "r.x", "z.y", "missing", "esc",
        ];
        let projection = Projection::of(text, &paths).unwrap();
        assert_eq!(text_at(&projection, "id"), Some(r#""a""#));
        assert_eq!(text_at(&projection, "n"), Some("9007199254740993"));
        assert_eq!(text_at(&projection, "p.name"), Some(r#""Cara""#));
        assert_eq!(text_at(&projection, "esc"), Some("1"));
        assert_eq!(
            projection.get("q.name"),
            Found::NotObject {
                part: "q",
                kind: "a string"
            }
        );
        assert_eq!(
            projection.get("r.x"),
            Found::NotObject {
                part: "r",
                kind: "an array"
            }
        );
        assert_eq!(projection.get("z.y"), Found::Missing);
        assert_eq!(projection.get("missing"), Found::Missing);
        assert_eq!(projection.get("not asked"), Found::Missing);
    }

    #[test]
    fn big_numbers_on_the_way_and_records_that_are_not_objects() {
        let paths = ["p.name", "p.deep.x"];
        let projection = Projection::of(r#"{"p":12345678901234567890123}"#, &paths).unwrap();
        assert_eq!(
            projection.get("p.name"),
            Found::NotObject {
                part: "p",
                kind: "a number"
            }
        );
        let projection = Projection::of(r#"{"p":{"deep":"s"}}"#, &paths).unwrap();
        assert_eq!(
            projection.get("p.deep.x"),
            Found::NotObject {
                part: "deep",
                kind: "a string"
            }
        );
        assert_eq!(
            Projection::of(r#""text""#, &paths).err(),
            Some(ProjectError::NotAnObject("a string"))
        );
        assert_eq!(
            Projection::of("12345678901234567890123", &paths).err(),
            Some(ProjectError::NotAnObject("a number"))
        );
        assert!(matches!(
            Projection::of("{", &paths),
            Err(ProjectError::Json(_))
        ));
    }

    #[test]
    fn a_key_given_twice_keeps_its_last_value_as_a_tree_does() {
        let paths = ["id", "p.name", "p.other"];
        let text = r#"{"id":"a","p":{"name":"x","other":1},"id":"b","p":{"name":"y"}}"#;
        let projection = Projection::of(text, &paths).unwrap();
        assert_eq!(text_at(&projection, "id"), Some(r#""b""#));
        assert_eq!(text_at(&projection, "p.name"), Some(r#""y""#));
        assert_eq!(projection.get("p.other"), Found::Missing);
    }

    #[test]
    fn a_path_and_one_below_it_are_both_found() {
        let paths = ["p", "p.name"];
        let projection = Projection::of(r#"{"p":{"name":"x"}}"#, &paths).unwrap();
        assert_eq!(text_at(&projection, "p"), Some(r#"{"name":"x"}"#));
        assert_eq!(text_at(&projection, "p.name"), Some(r#""x""#));
    }
}
