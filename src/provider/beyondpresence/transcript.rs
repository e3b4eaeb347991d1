//! Beyond Presence's transcripts: `GET /v1/calls/{id}/messages`, a bare array of
//! `{message, sent_at, sender: ai|user}`. It says nothing of the call's start, so the command
//! fetches the call alongside ([`Transcripts::session_alongside`]) to place each message.

use serde_json::Value;

use super::BeyondPresence;
use crate::model::{Message, SessionId, Transcript};
use crate::provider::json::{BodyError, FieldProblem, Mapped, RecordReader};
use crate::provider::{ApiRequest, ProviderKind, Transcripts, json, message_role};

impl Transcripts for BeyondPresence {
    fn transcript_request(&self, id: &SessionId) -> ApiRequest {
        ApiRequest::get(
            &["v1", "calls", id.as_str(), "messages"],
            format!("the messages of call {id}"),
        )
        .private()
    }

    fn session_alongside(&self) -> bool {
        true
    }

    fn parse_transcript(
        &self,
        id: &SessionId,
        body: &[u8],
    ) -> Result<Mapped<Transcript>, BodyError> {
        let body = json::parse_json(body)?;
        let items = match &body {
            Value::Array(items) => items.as_slice(),
            // Should it ever come in an envelope like the list's.
            Value::Object(object) => match object.get("data") {
                Some(Value::Array(items)) => items.as_slice(),
                _ => {
                    return Err(BodyError::Shape(
                        "the body is an object, not a list of messages".into(),
                    ));
                }
            },
            other => {
                return Err(BodyError::Shape(format!(
                    "the body is {}, not a list of messages",
                    json::kind(other)
                )));
            }
        };
        let mut problems = Vec::new();
        let messages = items
            .iter()
            .enumerate()
            .map(|(index, item)| message(id, index, item, &mut problems))
            .collect();
        Ok(Mapped {
            record: Transcript {
                provider: ProviderKind::BeyondPresence.name(),
                session_id: id.to_string(),
                persona_name: None,
                started_at: None,
                ended_at: None,
                messages,
                enabled: None,
            },
            problems,
        })
    }
}

fn message(
    id: &SessionId,
    index: usize,
    item: &Value,
    problems: &mut Vec<FieldProblem>,
) -> Message {
    let mut message = Message::empty(id.as_str(), index);
    let Ok(fields) = RecordReader::of(item, "message") else {
        problems.push(FieldProblem {
            field: "text",
            what: format!("message {index} is {}, not an object", json::kind(item)),
        });
        return message;
    };
    message.at = fields.time("at", "sent_at");
    message.role = fields
        .text("role", "sender")
        .map(|role| message_role(&role));
    message.text = fields.text("text", "message");
    problems.extend(fields.problems());
    message
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::Provider;

    #[test]
    fn messages_map_with_ai_as_persona() {
        let id = BeyondPresence
            .parse_id("01234567-89ab-cdef-0123-456789abcdef")
            .unwrap();
        let body = include_str!("../../../tests/fixtures/beyondpresence_messages.json");
        let Mapped { record, problems } = BeyondPresence
            .parse_transcript(&id, body.as_bytes())
            .unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        let roles: Vec<_> = record
            .messages
            .iter()
            .map(|m| m.role.as_deref().unwrap())
            .collect();
        assert_eq!(roles, ["persona", "user"]);
        let json = serde_json::to_value(&record.messages[1]).unwrap();
        assert_eq!(json["text"], "I'd like to book a demo.");
        assert_eq!(json["at"], "2026-04-20T09:00:07Z");
        assert_eq!(
            json["offset_ms"],
            Value::Null,
            "placed once the call's start is known"
        );
        assert!(BeyondPresence.transcript_request(&id).private);
        assert!(BeyondPresence.parse_transcript(&id, b"{}").is_err());
        assert!(
            BeyondPresence
                .parse_transcript(&id, b"[7]")
                .unwrap()
                .problems
                .len()
                == 1
        );
    }
}
