//! Tavus's transcripts: the `application.transcription_ready` event of the verbose get, whose
//! `properties.transcript` entries have a role, `content`, a Unix `timestamp` in seconds,
//! `seconds_from_start` and a `duration` in seconds.

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::sessions::life;
use super::{Tavus, verbose_get};
use crate::model::{Message, SessionId, Transcript};
use crate::provider::json::{BodyError, FieldProblem, Mapped, ObjectReader, RecordReader};
use crate::provider::{ApiRequest, ProviderKind, Transcripts, json, message_role, offset_ms};

impl Transcripts for Tavus {
    fn transcript_request(&self, id: &SessionId) -> ApiRequest {
        verbose_get(id, format!("the transcript of conversation {id}")).private()
    }

    fn parse_transcript(
        &self,
        id: &SessionId,
        body: &[u8],
    ) -> Result<Mapped<Transcript>, BodyError> {
        let body = json::parse_json(body)?;
        ObjectReader::of(&body, "the body")?;
        let fields = RecordReader::of(&body, "conversation")?;
        let life = life(&fields, body.get("events"));
        let started_at = life.joined.or(fields.time("started_at", "created_at"));
        let entries = transcription(&body);
        let mut problems = Vec::new();
        let messages = entries
            .iter()
            .enumerate()
            .map(|(index, entry)| message(id, index, entry, started_at, &mut problems))
            .collect();
        problems.extend(fields.problems());
        Ok(Mapped {
            record: Transcript {
                provider: ProviderKind::Tavus.name(),
                session_id: id.to_string(),
                persona_name: None,
                started_at,
                ended_at: life.shutdown,
                messages,
                enabled: None,
            },
            problems,
        })
    }
}

/// The entries of the first `application.transcription_ready` event; none before it.
fn transcription(body: &Value) -> &[Value] {
    body.get("events")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .find(|event| {
            event.get("event_type").and_then(Value::as_str)
                == Some("application.transcription_ready")
        })
        .and_then(|event| event.pointer("/properties/transcript"))
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn message(
    id: &SessionId,
    index: usize,
    entry: &Value,
    started_at: Option<DateTime<Utc>>,
    problems: &mut Vec<FieldProblem>,
) -> Message {
    let mut message = Message::empty(id.as_str(), index);
    let Ok(fields) = RecordReader::of(entry, "transcript entry") else {
        problems.push(FieldProblem {
            field: "text",
            what: format!("entry {index} is {}, not an object", json::kind(entry)),
        });
        return message;
    };
    message.at = fields
        .millis("at", "timestamp", 1000.0)
        .and_then(|ms| i64::try_from(ms).ok())
        .and_then(DateTime::from_timestamp_millis);
    message.offset_ms = fields
        .millis("offset_ms", "seconds_from_start", 1000.0)
        .and_then(|ms| i64::try_from(ms).ok())
        .or_else(|| offset_ms(started_at, message.at));
    message.role = fields.text("role", "role").map(|role| message_role(&role));
    message.text = fields.text("text", "content");
    message.speaking_ms = fields.millis("speaking_ms", "duration", 1000.0);
    problems.extend(fields.problems());
    message
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::Provider;

    const VERBOSE: &str = include_str!("../../../tests/fixtures/tavus_get_verbose.json");

    #[test]
    fn the_documented_transcript_maps() {
        let id = Tavus.parse_id("conv_123").unwrap();
        let Mapped { record, problems } = Tavus.parse_transcript(&id, VERBOSE.as_bytes()).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(record.provider, "tavus");
        assert_eq!(record.messages.len(), 2);
        let json = serde_json::to_value(&record).unwrap();
        assert_eq!(json["started_at"], "2026-04-29T03:45:53Z");
        assert_eq!(json["ended_at"], "2026-04-29T03:47:01Z");
        let first = &json["messages"][0];
        assert_eq!(first["role"], "persona");
        assert_eq!(first["text"], "Hi, welcome. What brought you here today?");
        assert_eq!(first["at"], "2026-05-22T18:47:37.840Z");
        assert_eq!(
            (first["offset_ms"].clone(), first["speaking_ms"].clone()),
            (0.into(), 2150.into())
        );
        let second = &json["messages"][1];
        assert_eq!(
            (second["role"].clone(), second["offset_ms"].clone()),
            ("user".into(), 27_040.into())
        );
        let request = Tavus.transcript_request(&id);
        assert!(request.private);
        assert_eq!(request.query, [("verbose", "true".to_owned())]);
    }

    #[test]
    fn no_transcription_event_is_no_messages_and_odd_entries_keep_their_place() {
        let id = Tavus.parse_id("c1").unwrap();
        let none = Tavus
            .parse_transcript(&id, br#"{"conversation_id": "c1", "status": "active"}"#)
            .unwrap();
        assert!(none.record.messages.is_empty());
        let odd = br#"{"events": [{"event_type": "application.transcription_ready",
            "properties": {"transcript": [3, {"role": "SYSTEM", "content": 5, "timestamp": "x"}]}}]}"#;
        let Mapped { record, problems } = Tavus.parse_transcript(&id, odd).unwrap();
        assert_eq!(record.messages.len(), 2);
        assert_eq!(record.messages[1].role.as_deref(), Some("system"));
        let fields: Vec<&str> = problems.iter().map(|p| p.field).collect();
        assert_eq!(fields, ["text", "at", "text"]);
    }
}
