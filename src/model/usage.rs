//! What an organization has left and is using now: plan minutes and concurrency, one record
//! for every provider, with nulls where a provider has no figure.

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::{Number, Value};

use super::RawObject;
use super::session::{format_utc, rfc3339};
use crate::record::{FieldSpec, Kind, Record, Schema};

/// `avatarctl usage`. Minutes are numbers as the provider sent them (a fraction stays one).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Usage {
    pub provider: &'static str,
    #[serde(serialize_with = "rfc3339")]
    pub period_start: Option<DateTime<Utc>>,
    #[serde(serialize_with = "rfc3339")]
    pub period_end: Option<DateTime<Utc>>,
    pub minutes_included: Option<Number>,
    pub minutes_used: Option<Number>,
    pub minutes_remaining: Option<Number>,
    pub minutes_purchased: Option<Number>,
    pub minutes_purchased_remaining: Option<Number>,
    pub active_sessions: Option<u64>,
    pub concurrency_limit: Option<u64>,
    pub can_start: Option<bool>,
    pub estimated_wait_ms: Option<u64>,
    pub plan: Option<String>,
    /// The provider's answer as received (credential fields and signed URLs masked unless
    /// `--show-secrets`).
    pub raw: RawObject,
}

const SCHEMA: Schema = Schema {
    noun: "usage report",
    fields: &[
        field("provider", Kind::Text),
        field("period_start", Kind::Time),
        field("period_end", Kind::Time),
        field("minutes_included", Kind::Plain),
        field("minutes_used", Kind::Plain),
        field("minutes_remaining", Kind::Plain),
        field("minutes_purchased", Kind::Plain),
        field("minutes_purchased_remaining", Kind::Plain),
        field("active_sessions", Kind::Plain),
        field("concurrency_limit", Kind::Plain),
        field("can_start", Kind::Plain),
        field("estimated_wait_ms", Kind::DurationMs),
        field("plan", Kind::Text),
    ],
    has_raw: true,
    table: &[],
};

const fn field(name: &'static str, kind: Kind) -> FieldSpec {
    FieldSpec { name, kind }
}

impl Record for Usage {
    const SCHEMA: &'static Schema = &SCHEMA;

    fn value(&self, field: &str) -> Value {
        let number = |n: &Option<Number>| n.clone().map_or(Value::Null, Value::Number);
        let count = |n: &Option<u64>| n.map_or(Value::Null, Value::from);
        let time =
            |t: &Option<DateTime<Utc>>| t.as_ref().map_or(Value::Null, |t| format_utc(t).into());
        match field {
            "provider" => self.provider.into(),
            "period_start" => time(&self.period_start),
            "period_end" => time(&self.period_end),
            "minutes_included" => number(&self.minutes_included),
            "minutes_used" => number(&self.minutes_used),
            "minutes_remaining" => number(&self.minutes_remaining),
            "minutes_purchased" => number(&self.minutes_purchased),
            "minutes_purchased_remaining" => number(&self.minutes_purchased_remaining),
            "active_sessions" => count(&self.active_sessions),
            "concurrency_limit" => count(&self.concurrency_limit),
            "can_start" => self.can_start.map_or(Value::Null, Value::Bool),
            "estimated_wait_ms" => count(&self.estimated_wait_ms),
            "plan" => self.plan.clone().map_or(Value::Null, Value::String),
            _ => Value::Null,
        }
    }

    fn raw(&self) -> Option<&Value> {
        Some(self.raw.tree())
    }

    fn raw_mut(&mut self) -> Option<&mut Value> {
        Some(self.raw.tree_mut())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_lists_the_serialized_fields_in_order_and_values_agree() {
        let usage = Usage {
            provider: "anam",
            period_start: None,
            period_end: None,
            minutes_included: Some(Number::from(120)),
            minutes_used: None,
            minutes_remaining: None,
            minutes_purchased: None,
            minutes_purchased_remaining: None,
            active_sessions: Some(7),
            concurrency_limit: Some(10),
            can_start: Some(true),
            estimated_wait_ms: Some(0),
            plan: None,
            raw: RawObject::null(),
        };
        let json = serde_json::to_value(&usage).unwrap();
        let object = json.as_object().unwrap();
        let keys: Vec<&str> = object.keys().map(String::as_str).collect();
        let mut fields: Vec<&str> = SCHEMA.fields.iter().map(|f| f.name).collect();
        fields.push("raw");
        assert_eq!(keys, fields);
        for spec in SCHEMA.fields {
            assert_eq!(usage.value(spec.name), object[spec.name], "{}", spec.name);
        }
    }
}
