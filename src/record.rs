//! The record seam: what paging, de-duplication and every renderer need to know of a thing
//! they show, so that a session, a provider row — and the transcript messages, turns, usage
//! and stats rows to come — go through the same code.
//!
//! A record type states its [`Schema`] once: its fields in documented order (the JSON keys,
//! the CSV columns, the names `--fields` accepts), whether it carries the provider's object
//! as `raw`, and the default columns of its list table. Renderers read values by name
//! ([`Record::value`]) and decide nothing about a type by name.

use serde::Serialize;
use serde_json::Value;

use crate::model::RawObject;

/// How a field's value is shown in a table (JSON and CSV show the value itself).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// An identifier: never cut or wrapped in a table, so that it can be copied.
    Id,
    /// An RFC 3339 time: local time (or UTC with `--utc`) in tables.
    Time,
    /// Milliseconds: `12m 34s` in tables, and `_ms` dropped from the header.
    DurationMs,
    /// Milliseconds of a short span (a latency): `1s 390ms` in tables, to the millisecond,
    /// and `_ms` dropped from the header.
    LatencyMs,
    /// A number or a boolean, shown as is.
    Plain,
}

/// A normalized field of a record type.
#[derive(Debug)]
pub struct FieldSpec {
    pub name: &'static str,
    pub kind: Kind,
}

/// What a record type looks like to the output code.
#[derive(Debug)]
pub struct Schema {
    /// One record, for messages: `session`.
    pub noun: &'static str,
    /// The normalized fields in documented order, `raw` aside.
    pub fields: &'static [FieldSpec],
    /// Whether each record carries the provider's object as `raw` (masked before it is shown).
    pub has_raw: bool,
    /// The fields of the list table's default columns; none: every field.
    pub table: &'static [&'static str],
}

impl Schema {
    /// A field by name.
    pub fn field(&self, name: &str) -> Option<&FieldSpec> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// Checks a `--fields` entry against this type; the error lists the valid names.
    pub fn check(&self, path: &FieldPath) -> Result<(), String> {
        let is_raw = self.has_raw && path.field == RAW;
        if !is_raw && self.field(&path.field).is_none() {
            let mut valid: Vec<&str> = self.fields.iter().map(|f| f.name).collect();
            if self.has_raw {
                valid.push(RAW);
            }
            let provider_paths = if self.has_raw {
                " (and raw.<path> for provider fields)"
            } else {
                ""
            };
            return Err(format!(
                "unknown field {:?} — valid fields: {}{provider_paths}",
                path.name(),
                valid.join(", ")
            ));
        }
        if !is_raw && !path.path.is_empty() {
            let example = if self.has_raw {
                format!(", e.g. raw.{}", path.path.join("."))
            } else {
                String::new()
            };
            return Err(format!(
                "field {:?} has no sub-fields — dotted paths reach into raw{example}",
                path.field
            ));
        }
        Ok(())
    }

    /// How a selected field is shown in a table.
    pub fn kind(&self, path: &FieldPath) -> Kind {
        match self.field(&path.field) {
            Some(spec) if path.path.is_empty() => spec.kind,
            _ => Kind::Text,
        }
    }
}

/// The name of the provider's object in records that carry one.
pub const RAW: &str = "raw";

/// Something the output code can render. `Serialize` gives its whole normalized JSON form,
/// whose keys are [`Schema::fields`] in order (then `raw`).
pub trait Record: Serialize {
    const SCHEMA: &'static Schema;

    /// A top-level field's value as JSON (times as RFC 3339 strings, absent values null);
    /// null for any other name. The default reads the
    /// serialized record, which is enough for a few small records; a type rendered by the
    /// thousand answers directly.
    fn value(&self, field: &str) -> Value {
        match serde_json::to_value(self) {
            Ok(Value::Object(mut map)) => map.remove(field).unwrap_or(Value::Null),
            _ => Value::Null,
        }
    }

    /// The provider's object, for records that carry one.
    fn raw(&self) -> Option<&Value> {
        None
    }

    fn raw_mut(&mut self) -> Option<&mut Value> {
        None
    }

    /// Provider objects outside `raw` that are shown with it, and masked like it (a tool
    /// call's arguments).
    fn more_provider_values_mut(&mut self) -> Vec<&mut Value> {
        Vec::new()
    }

    /// The record's own text fields read from the provider (a label, a name), in which an
    /// API key the provider echoes is masked in every format.
    fn normalized_texts_mut(&mut self) -> Vec<&mut String> {
        Vec::new()
    }

    /// Provider text outside `raw` that is shown with it (a tool call's result and error),
    /// for masking signed URLs and an echoed key in it: each string is handed to `mask`.
    fn provider_texts_mut(&mut self) -> Vec<&mut String> {
        Vec::new()
    }

    /// Rows the detail table adds after the fields, as (label, text): one per item of a
    /// nested list (a session's tool calls). `duration` writes milliseconds as tables do.
    fn detail_rows(&self, _duration: &dyn Fn(u64) -> String) -> Vec<(String, String)> {
        Vec::new()
    }

    /// The provider's object itself, for records that carry one: JSON and NDJSON write it
    /// from its received text when they can, without building its tree.
    fn raw_object_mut(&mut self) -> Option<&mut RawObject> {
        None
    }

    /// [`Record::value`], free to move the value out of the record (which is then done
    /// with, or asked for other fields only): what a CSV row of a long list is built with.
    fn take_value(&mut self, field: &str) -> Value {
        self.value(field)
    }

    /// A selected field's value: a top-level field, or a path inside `raw` (arrays by index).
    fn select(&self, path: &FieldPath) -> Value {
        if path.field != RAW {
            return self.value(&path.field);
        }
        let Some(raw) = self.raw() else {
            return Value::Null;
        };
        path.path
            .iter()
            .try_fold(raw, |value, key| match value {
                // Arrays are reached by index: raw.toolCalls.0.name
                Value::Array(items) => items.get(key.parse::<usize>().ok()?),
                _ => value.get(key),
            })
            .cloned()
            .unwrap_or(Value::Null)
    }
}

/// Records a list pages through: the key that de-duplicates them.
pub trait Keyed: Record {
    fn key(&self) -> &str;
}

/// A `--fields` entry: a top-level field, and for `raw` a dotted path inside it. Parsed
/// without knowing the record type; [`Schema::check`] validates it for one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldPath {
    pub field: String,
    /// Keys below `raw`, e.g. `["personaConfig", "llmConfig", "modelName"]`.
    pub path: Vec<String>,
}

impl FieldPath {
    pub fn top(field: &str) -> Self {
        Self {
            field: field.to_owned(),
            path: Vec::new(),
        }
    }

    /// Parses one entry's syntax.
    pub fn parse(spec: &str) -> Result<Self, String> {
        let spec = spec.trim();
        let mut parts = spec.split('.');
        let field = parts.next().unwrap_or_default().to_owned();
        let path: Vec<String> = parts.map(str::to_owned).collect();
        if field.is_empty() || path.iter().any(String::is_empty) {
            return Err(format!(
                "field {spec:?} has an empty part between dots — write paths like raw.personaConfig.name"
            ));
        }
        Ok(Self { field, path })
    }

    /// The name as given, used as the JSON key and the CSV header.
    pub fn name(&self) -> String {
        std::iter::once(self.field.as_str())
            .chain(self.path.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(".")
    }

    pub fn is_raw(&self) -> bool {
        self.field == RAW
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCHEMA: Schema = Schema {
        noun: "thing",
        fields: &[
            FieldSpec {
                name: "id",
                kind: Kind::Text,
            },
            FieldSpec {
                name: "took_ms",
                kind: Kind::DurationMs,
            },
        ],
        has_raw: true,
        table: &[],
    };

    fn check(spec: &str) -> Result<(), String> {
        SCHEMA.check(&FieldPath::parse(spec)?)
    }

    #[test]
    fn field_paths_parse_and_refuse_clearly() {
        let path = FieldPath::parse("raw.personaConfig.llmConfig.modelName").unwrap();
        assert!(path.is_raw());
        assert_eq!(path.name(), "raw.personaConfig.llmConfig.modelName");
        assert_eq!(FieldPath::parse(" id ").unwrap(), FieldPath::top("id"));
        assert_eq!(
            check("nope").unwrap_err(),
            "unknown field \"nope\" — valid fields: id, took_ms, raw (and raw.<path> for \
             provider fields)"
        );
        assert!(check("id.x").unwrap_err().contains("no sub-fields"));
        assert!(check("raw..x").is_err());
        assert!(check("raw.a.b").is_ok());
        assert_eq!(SCHEMA.kind(&FieldPath::top("took_ms")), Kind::DurationMs);
        assert_eq!(
            SCHEMA.kind(&FieldPath::parse("raw.took_ms").unwrap()),
            Kind::Text
        );
    }

    #[test]
    fn a_type_without_raw_has_no_raw_paths() {
        let schema = Schema {
            has_raw: false,
            ..SCHEMA
        };
        let raw = FieldPath::parse("raw.x").unwrap();
        assert_eq!(
            schema.check(&raw).unwrap_err(),
            "unknown field \"raw.x\" — valid fields: id, took_ms"
        );
    }
}
