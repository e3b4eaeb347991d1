//! What was said in a session: its messages, normalized the same for every provider.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::session::rfc3339;
use crate::record::{FieldSpec, Kind, Record, Schema};

/// One message of a transcript. Field order is the documented JSON order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Message {
    pub session_id: String,
    /// Its place in the provider's order, from 0.
    pub index: u64,
    #[serde(serialize_with = "rfc3339")]
    pub at: Option<DateTime<Utc>>,
    /// From the session's start, where both are known (negative for a message before it).
    pub offset_ms: Option<i64>,
    /// `user`, `persona`, `system` or `tool`; another role as the provider sent it.
    pub role: Option<String>,
    pub text: Option<String>,
    pub speaking_ms: Option<u64>,
    pub interrupted: Option<bool>,
}

/// A session's transcript: the JSON of one ID (`{provider, session_id, …, messages}`); NDJSON
/// and CSV show its messages, one a line.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Transcript {
    pub provider: &'static str,
    pub session_id: String,
    pub persona_name: Option<String>,
    #[serde(serialize_with = "rfc3339")]
    pub started_at: Option<DateTime<Utc>>,
    #[serde(serialize_with = "rfc3339")]
    pub ended_at: Option<DateTime<Utc>>,
    pub messages: Vec<Message>,
    /// Whether the provider says transcripts were on (Anam's `transcriptsEnabled`): off and
    /// empty is a note, not an error.
    #[serde(skip)]
    pub enabled: Option<bool>,
}

impl Message {
    /// A message of session `session_id` at `index`, nothing known of it yet: what a
    /// mapper fills field by field (and keeps, empty, for an item it cannot read).
    pub fn empty(session_id: &str, index: usize) -> Self {
        Self {
            session_id: session_id.to_owned(),
            index: index as u64,
            at: None,
            offset_ms: None,
            role: None,
            text: None,
            speaking_ms: None,
            interrupted: None,
        }
    }
}

impl Transcript {
    /// Places the transcript in its session, when only the session knows its times: the
    /// start and end, and each message's offset from the start.
    pub fn place(&mut self, started_at: Option<DateTime<Utc>>, ended_at: Option<DateTime<Utc>>) {
        self.started_at = self.started_at.or(started_at);
        self.ended_at = self.ended_at.or(ended_at);
        for message in &mut self.messages {
            if message.offset_ms.is_none()
                && let (Some(at), Some(start)) = (message.at, self.started_at)
            {
                message.offset_ms = Some((at - start).num_milliseconds());
            }
        }
    }
}

const SCHEMA: Schema = Schema {
    noun: "transcript message",
    fields: &[
        field("session_id", Kind::Id),
        field("index", Kind::Plain),
        field("at", Kind::Time),
        field("offset_ms", Kind::Plain),
        field("role", Kind::Text),
        field("text", Kind::Text),
        field("speaking_ms", Kind::DurationMs),
        field("interrupted", Kind::Plain),
    ],
    has_raw: false,
    table: &["offset_ms", "role", "text"],
};

const fn field(name: &'static str, kind: Kind) -> FieldSpec {
    FieldSpec { name, kind }
}

impl Record for Message {
    const SCHEMA: &'static Schema = &SCHEMA;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_lists_the_serialized_fields_in_order() {
        let message = Message::empty("s", 0);
        let json = serde_json::to_value(&message).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let fields: Vec<&str> = SCHEMA.fields.iter().map(|f| f.name).collect();
        assert_eq!(keys, fields);
    }
}
