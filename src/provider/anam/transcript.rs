//! Anam's transcripts: `GET /v1/sessions/{id}/transcript`, the whole message log in one body.

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::Anam;
use crate::model::{Message, SessionId, Transcript};
use crate::provider::json::{BodyError, FieldProblem, Mapped, ObjectReader, RecordReader};
use crate::provider::{ApiRequest, ProviderKind, Transcripts, json, message_role, offset_ms};

/// What Anam's 404 on a transcript can mean.
const NOT_FOUND_WHY: &str = "the session may still be running, or transcripts were off or \
                             zero-data-retention";

impl Transcripts for Anam {
    fn transcript_request(&self, id: &SessionId) -> ApiRequest {
        ApiRequest::get(
            &["v1", "sessions", id.as_str(), "transcript"],
            format!("the transcript of session {id}"),
        )
        .not_found(format!("no transcript for {id}"), NOT_FOUND_WHY)
        .private()
    }

    fn parse_transcript(
        &self,
        id: &SessionId,
        body: &[u8],
    ) -> Result<Mapped<Transcript>, BodyError> {
        let body = json::parse_json(body)?;
        let envelope = ObjectReader::of(&body, "the body")?;
        let messages = match envelope.get("messages")? {
            None => &[][..],
            Some(Value::Array(items)) => items.as_slice(),
            Some(other) => {
                return Err(BodyError::Shape(format!(
                    "`messages` is {}, not an array",
                    json::kind(other)
                )));
            }
        };
        let fields = RecordReader::of(&body, "transcript")?;
        let started_at = fields.time("started_at", "startTime");
        let mut problems = Vec::new();
        let messages = messages
            .iter()
            .enumerate()
            .map(|(index, item)| message(id, index, item, started_at, &mut problems))
            .collect();
        let transcript = Transcript {
            provider: ProviderKind::Anam.name(),
            session_id: id.to_string(),
            persona_name: fields.text("persona_name", "personaName"),
            started_at,
            ended_at: fields.time("ended_at", "endTime"),
            messages,
            enabled: fields.flag("transcripts_enabled", "transcriptsEnabled"),
        };
        problems.extend(fields.problems());
        Ok(Mapped {
            record: transcript,
            problems,
        })
    }
}

/// One message, field by field; one that is not even an object keeps its place, empty.
fn message(
    id: &SessionId,
    index: usize,
    item: &Value,
    started_at: Option<DateTime<Utc>>,
    problems: &mut Vec<FieldProblem>,
) -> Message {
    let mut message = Message::empty(id.as_str(), index);
    let fields = match RecordReader::of(item, "transcript message") {
        Ok(fields) => fields,
        Err(what) => {
            problems.push(FieldProblem {
                field: "text",
                what: format!("message {index}: {what}"),
            });
            return message;
        }
    };
    message.at = fields.time("at", "timestamp");
    message.offset_ms = offset_ms(started_at, message.at);
    message.role = fields.text("role", "role").map(|role| message_role(&role));
    message.text = fields.text("text", "message");
    message.speaking_ms = fields.millis("speaking_ms", "speakingDurationSeconds", 1000.0);
    message.interrupted = fields.flag("interrupted", "wasInterrupted");
    problems.extend(fields.problems());
    message
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::Provider;

    const TRANSCRIPT: &str = include_str!("../../../tests/fixtures/anam_transcript.json");

    fn id() -> SessionId {
        Anam.parse_id("00000000-0000-0000-0000-000000000000")
            .unwrap()
    }

    #[test]
    fn maps_the_documented_transcript() {
        let Mapped { record, problems } =
            Anam.parse_transcript(&id(), TRANSCRIPT.as_bytes()).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(record.persona_name.as_deref(), Some("Cara"));
        assert_eq!(record.enabled, Some(true));
        // `totalMessages` says 6 while 2 are listed: the messages are what counts.
        assert_eq!(record.messages.len(), 2);
        let first = &record.messages[0];
        assert_eq!(
            (first.index, first.role.as_deref(), first.text.as_deref()),
            (0, Some("persona"), Some("Hi! How can I help?"))
        );
        assert_eq!(
            (first.offset_ms, first.speaking_ms, first.interrupted),
            (Some(1000), Some(1400), Some(false))
        );
        let second = &record.messages[1];
        assert_eq!(second.role.as_deref(), Some("user"));
        assert_eq!((second.offset_ms, second.interrupted), (Some(5000), None));
        let json = serde_json::to_value(&record).unwrap();
        assert_eq!(json["started_at"], "2026-04-20T09:00:00Z");
        assert_eq!(json["messages"][1]["at"], "2026-04-20T09:00:05Z");
        assert!(json.get("enabled").is_none());
    }

    #[test]
    fn odd_messages_keep_their_place_and_are_noted() {
        let body = br#"{"startTime": null, "messages": [
            {"role": "ASSISTANT", "message": 5, "timestamp": "soon"}, "text", {"role": "tool"}
        ]}"#;
        let Mapped { record, problems } = Anam.parse_transcript(&id(), body).unwrap();
        let roles: Vec<_> = record.messages.iter().map(|m| m.role.as_deref()).collect();
        assert_eq!(roles, [Some("persona"), None, Some("tool")]);
        assert_eq!(record.messages[0].offset_ms, None);
        let fields: Vec<&str> = problems.iter().map(|p| p.field).collect();
        assert_eq!(fields, ["at", "text", "text"]);
        assert_eq!(
            Anam.parse_transcript(&id(), br#"{"messages": {}}"#)
                .unwrap_err()
                .to_string(),
            "`messages` is an object, not an array"
        );
        let empty = Anam
            .parse_transcript(&id(), br#"{"transcriptsEnabled": false}"#)
            .unwrap()
            .record;
        assert_eq!((empty.messages.len(), empty.enabled), (0, Some(false)));
    }

    #[test]
    fn the_request_names_what_a_404_means_and_keeps_the_body_private() {
        let request = Anam.transcript_request(&id());
        assert_eq!(
            request.segments,
            [
                "v1",
                "sessions",
                "00000000-0000-0000-0000-000000000000",
                "transcript"
            ]
        );
        assert!(request.private);
        let not_found = request.not_found.unwrap();
        assert!(not_found.what.starts_with("no transcript for 00000000-"));
        assert!(not_found.why.contains("zero-data-retention"));
    }
}
