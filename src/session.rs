//! The normalized session every provider maps to, its validated ID, and the field paths
//! that `--fields` selects.

use std::fmt;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

use crate::provider::ProviderKind;

/// A session, the same for every provider. Field order is the documented JSON order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Session {
    pub provider: ProviderKind,
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
    /// The provider's object exactly as received (credential fields masked unless
    /// `--show-secrets`).
    pub raw: Value,
}

/// A time as RFC 3339 in UTC, with fractional seconds only when there are some.
pub fn format_utc(time: &DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

fn rfc3339<S: Serializer>(time: &Option<DateTime<Utc>>, serializer: S) -> Result<S::Ok, S::Error> {
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

/// A top-level field of [`Session`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Provider,
    Id,
    Status,
    EndReason,
    StartedAt,
    EndedAt,
    DurationMs,
    PersonaId,
    PersonaName,
    Label,
    CreatedAt,
    Raw,
}

impl Field {
    pub const ALL: [Self; 12] = [
        Self::Provider,
        Self::Id,
        Self::Status,
        Self::EndReason,
        Self::StartedAt,
        Self::EndedAt,
        Self::DurationMs,
        Self::PersonaId,
        Self::PersonaName,
        Self::Label,
        Self::CreatedAt,
        Self::Raw,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::Provider => "provider",
            Self::Id => "id",
            Self::Status => "status",
            Self::EndReason => "end_reason",
            Self::StartedAt => "started_at",
            Self::EndedAt => "ended_at",
            Self::DurationMs => "duration_ms",
            Self::PersonaId => "persona_id",
            Self::PersonaName => "persona_name",
            Self::Label => "label",
            Self::CreatedAt => "created_at",
            Self::Raw => "raw",
        }
    }

    pub fn is_time(self) -> bool {
        matches!(self, Self::StartedAt | Self::EndedAt | Self::CreatedAt)
    }
}

/// A `--fields` entry: a top-level field, and for `raw` a dotted path inside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldPath {
    pub field: Field,
    /// Keys below `raw`, e.g. `["personaConfig", "llmConfig", "modelName"]`.
    pub path: Vec<String>,
}

impl FieldPath {
    pub fn top(field: Field) -> Self {
        Self {
            field,
            path: Vec::new(),
        }
    }

    /// Parses one entry; the error lists the valid names.
    pub fn parse(spec: &str) -> Result<Self, String> {
        let spec = spec.trim();
        let mut parts = spec.split('.');
        let head = parts.next().unwrap_or_default();
        let Some(field) = Field::ALL.into_iter().find(|f| f.name() == head) else {
            let valid: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
            return Err(format!(
                "unknown field {spec:?} — valid fields: {} (and raw.<path> for provider fields)",
                valid.join(", ")
            ));
        };
        let path: Vec<String> = parts.map(str::to_owned).collect();
        if !path.is_empty() && field != Field::Raw {
            return Err(format!(
                "field {head:?} has no sub-fields — dotted paths reach into raw, e.g. raw.{}",
                path.join(".")
            ));
        }
        if path.iter().any(String::is_empty) {
            return Err(format!(
                "field {spec:?} has an empty part between dots — write paths like raw.personaConfig.name"
            ));
        }
        Ok(Self { field, path })
    }

    /// The name as given, used as the JSON key and the CSV header.
    pub fn name(&self) -> String {
        std::iter::once(self.field.name())
            .chain(self.path.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(".")
    }
}

impl Session {
    /// A field's value as JSON: times as RFC 3339 UTC strings, absent values as null.
    pub fn value(&self, field: &FieldPath) -> Value {
        let text = |s: &Option<String>| s.clone().map_or(Value::Null, Value::String);
        let time =
            |t: &Option<DateTime<Utc>>| t.as_ref().map_or(Value::Null, |t| format_utc(t).into());
        match field.field {
            Field::Provider => self.provider.name().into(),
            Field::Id => self.id.clone().into(),
            Field::Status => text(&self.status),
            Field::EndReason => text(&self.end_reason),
            Field::StartedAt => time(&self.started_at),
            Field::EndedAt => time(&self.ended_at),
            Field::DurationMs => self.duration_ms.map_or(Value::Null, Value::from),
            Field::PersonaId => text(&self.persona_id),
            Field::PersonaName => text(&self.persona_name),
            Field::Label => text(&self.label),
            Field::CreatedAt => time(&self.created_at),
            Field::Raw => field
                .path
                .iter()
                .try_fold(&self.raw, |value, key| match value {
                    // Arrays are reached by index: raw.toolCalls.0.name
                    Value::Array(items) => items.get(key.parse::<usize>().ok()?),
                    _ => value.get(key),
                })
                .cloned()
                .unwrap_or(Value::Null),
        }
    }

    /// The selected fields as one JSON object keyed by their names.
    pub fn select(&self, fields: &[FieldPath]) -> Value {
        let map: Map<String, Value> = fields.iter().map(|f| (f.name(), self.value(f))).collect();
        Value::Object(map)
    }
}

#[cfg(test)]
impl Session {
    /// A session with an ID and nothing else, for tests.
    pub fn bare(id: &str) -> Self {
        Self {
            provider: ProviderKind::Anam,
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
            raw: Value::Null,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_paths_parse_and_refuse_clearly() {
        let path = FieldPath::parse("raw.personaConfig.llmConfig.modelName").unwrap();
        assert_eq!(path.field, Field::Raw);
        assert_eq!(path.name(), "raw.personaConfig.llmConfig.modelName");
        assert_eq!(FieldPath::parse(" id ").unwrap(), FieldPath::top(Field::Id));
        let unknown = FieldPath::parse("nope").unwrap_err();
        assert!(
            unknown.contains("valid fields: provider, id, status"),
            "{unknown}"
        );
        assert!(
            FieldPath::parse("id.x")
                .unwrap_err()
                .contains("no sub-fields")
        );
        assert!(FieldPath::parse("raw..x").is_err());
    }

    #[test]
    fn raw_paths_reach_into_arrays_by_index() {
        let session = Session {
            raw: serde_json::json!({"toolCalls": [{"name": "a"}, {"name": "b"}]}),
            ..Session::bare("s")
        };
        let path = |text| FieldPath::parse(text).unwrap();
        assert_eq!(session.value(&path("raw.toolCalls.1.name")), "b");
        assert_eq!(session.value(&path("raw.toolCalls.2.name")), Value::Null);
        assert_eq!(session.value(&path("raw.toolCalls.x")), Value::Null);
    }
}
