//! The normalized session every provider maps to, and its validated ID.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Serialize, Serializer};
use serde_json::Value;

use super::{RawObject, ToolCall};
use crate::record::{FieldSpec, Keyed, Kind, Record, Schema};

/// A session, the same for every provider. Field order is the documented JSON order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Session {
    /// The provider's name, from the provider table: `anam`.
    pub provider: &'static str,
    pub id: String,
    pub status: Option<String>,
    pub end_reason: Option<String>,
    #[serde(serialize_with = "rfc3339")]
    pub started_at: Option<DateTime<Utc>>,
    #[serde(serialize_with = "rfc3339")]
    pub ended_at: Option<DateTime<Utc>>,
    pub duration_ms: Option<u64>,
    pub persona_id: Option<String>,
    pub persona_name: Option<String>,
    pub label: Option<String>,
    #[serde(serialize_with = "rfc3339")]
    pub created_at: Option<DateTime<Utc>>,
    /// The tools called, where a provider reports them on one session (Anam's get); `None`,
    /// and absent from the JSON, in lists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tool_calls: Option<Vec<ToolCall>>,
    /// The provider's object exactly as received (credential fields masked unless
    /// `--show-secrets`).
    pub raw: RawObject,
}

pub use super::time::format_utc;

pub(crate) fn rfc3339<S: Serializer>(
    time: &Option<DateTime<Utc>>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match time {
        Some(time) => serializer.serialize_str(&format_utc(time)),
        None => serializer.serialize_none(),
    }
}

/// A session ID that its provider has validated, safe to put in a URL path segment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionId(String);

impl SessionId {
    /// Only providers call this, after checking the ID's form.
    pub(crate) fn validated(id: &str) -> Self {
        Self(id.to_owned())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SessionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The session's fields as the output code sees them (DESIGN.md, "Session model").
const SCHEMA: Schema = Schema {
    noun: "session",
    fields: &[
        text("provider"),
        id("id"),
        text("status"),
        text("end_reason"),
        time("started_at"),
        time("ended_at"),
        FieldSpec {
            name: "duration_ms",
            kind: Kind::DurationMs,
        },
        id("persona_id"),
        text("persona_name"),
        text("label"),
        time("created_at"),
    ],
    has_raw: true,
    table: &[
        "id",
        "status",
        "started_at",
        "duration_ms",
        "persona_name",
        "end_reason",
    ],
};

const fn text(name: &'static str) -> FieldSpec {
    FieldSpec {
        name,
        kind: Kind::Text,
    }
}

const fn id(name: &'static str) -> FieldSpec {
    FieldSpec {
        name,
        kind: Kind::Id,
    }
}

const fn time(name: &'static str) -> FieldSpec {
    FieldSpec {
        name,
        kind: Kind::Time,
    }
}

impl Record for Session {
    const SCHEMA: &'static Schema = &SCHEMA;

    fn value(&self, field: &str) -> Value {
        let text = |s: &Option<String>| s.clone().map_or(Value::Null, Value::String);
        let time =
            |t: &Option<DateTime<Utc>>| t.as_ref().map_or(Value::Null, |t| format_utc(t).into());
        match field {
            "provider" => self.provider.into(),
            "id" => self.id.clone().into(),
            "status" => text(&self.status),
            "end_reason" => text(&self.end_reason),
            "started_at" => time(&self.started_at),
            "ended_at" => time(&self.ended_at),
            "duration_ms" => self.duration_ms.map_or(Value::Null, Value::from),
            "persona_id" => text(&self.persona_id),
            "persona_name" => text(&self.persona_name),
            "label" => text(&self.label),
            "created_at" => time(&self.created_at),
            _ => Value::Null,
        }
    }

    fn take_value(&mut self, field: &str) -> Value {
        let text = |s: &mut Option<String>| s.take().map_or(Value::Null, Value::String);
        match field {
            "id" => std::mem::take(&mut self.id).into(),
            "status" => text(&mut self.status),
            "end_reason" => text(&mut self.end_reason),
            "persona_id" => text(&mut self.persona_id),
            "persona_name" => text(&mut self.persona_name),
            "label" => text(&mut self.label),
            other => self.value(other),
        }
    }

    fn raw(&self) -> Option<&Value> {
        Some(self.raw.tree())
    }

    fn raw_mut(&mut self) -> Option<&mut Value> {
        Some(self.raw.tree_mut())
    }

    fn more_provider_values_mut(&mut self) -> Vec<&mut Value> {
        self.tool_calls
            .iter_mut()
            .flatten()
            .filter_map(|call| call.arguments.as_mut())
            .collect()
    }

    fn normalized_texts_mut(&mut self) -> Vec<&mut String> {
        let mut texts = Vec::with_capacity(6);
        texts.push(&mut self.id);
        texts.extend(
            [
                &mut self.status,
                &mut self.end_reason,
                &mut self.persona_id,
                &mut self.persona_name,
                &mut self.label,
            ]
            .into_iter()
            .flatten(),
        );
        texts
    }

    fn provider_texts_mut(&mut self) -> Vec<&mut String> {
        let mut texts = Vec::new();
        for call in self.tool_calls.iter_mut().flatten() {
            texts.extend(call.error.as_mut());
            texts.extend(call.result.as_mut());
            texts.extend(call.documents_accessed.iter_mut().flatten());
        }
        texts
    }

    fn detail_rows(&self, duration: &dyn Fn(u64) -> String) -> Vec<(String, String)> {
        self.tool_calls
            .iter()
            .flatten()
            .enumerate()
            .map(|(i, call)| (format!("TOOL CALL {}", i + 1), call.summary(duration)))
            .collect()
    }

    fn raw_object_mut(&mut self) -> Option<&mut RawObject> {
        Some(&mut self.raw)
    }
}

impl Keyed for Session {
    fn key(&self) -> &str {
        &self.id
    }
}

#[cfg(test)]
impl Session {
    /// A session with an ID and nothing else, for tests.
    pub fn bare(id: &str) -> Self {
        Self {
            provider: "anam",
            id: id.to_owned(),
            status: None,
            end_reason: None,
            started_at: None,
            ended_at: None,
            duration_ms: None,
            persona_id: None,
            persona_name: None,
            label: None,
            created_at: None,
            tool_calls: None,
            raw: RawObject::null(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::FieldPath;

    #[test]
    fn the_schema_lists_the_serialized_fields_in_order() {
        let json = serde_json::to_value(Session::bare("s")).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut fields: Vec<&str> = SCHEMA.fields.iter().map(|f| f.name).collect();
        fields.push("raw");
        assert_eq!(keys, fields);
        for field in SCHEMA.fields {
            assert_eq!(
                Session::bare("s").value(field.name),
                json[field.name],
                "{}",
                field.name
            );
        }
    }

    #[test]
    fn raw_paths_reach_into_arrays_by_index() {
        let session = Session {
            raw: RawObject::from_value(
                serde_json::json!({"toolCalls": [{"name": "a"}, {"name": "b"}]}),
            ),
            ..Session::bare("s")
        };
        let path = |text| FieldPath::parse(text).unwrap();
        assert_eq!(session.select(&path("raw.toolCalls.1.name")), "b");
        assert_eq!(session.select(&path("raw.toolCalls.2.name")), Value::Null);
        assert_eq!(session.select(&path("raw.toolCalls.x")), Value::Null);
    }
}
