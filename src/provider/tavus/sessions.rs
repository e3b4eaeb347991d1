//! Tavus's conversations as sessions. List items carry no events, so a listed session's
//! `started_at` is its `created_at` and its end, duration and end reason are null; the
//! verbose get reads them from `system.replica_joined` and `system.shutdown`.

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::{Tavus, verbose_get};
use crate::model::{RawObject, Session, SessionId};
use crate::provider::json::{
    BodyError, Fields, Kept, Listed, Mapped, Mapper, ObjectReader, Projection, Raw, RecordReader,
    each_record, map_list, parse_json,
};
use crate::provider::{
    ApiRequest, Filters, Page, PageRequest, ProviderKind, Sessions, StatusFilter, as_text, mapped,
};

const LIST_KEYS: &[&str] = &["data"];

impl Sessions for Tavus {
    fn list_request(&self, filters: &Filters, page: PageRequest) -> ApiRequest {
        let mut query = Vec::new();
        if let PageRequest::Number { page, per_page } = &page {
            query.push(("page", page.to_string()));
            query.push(("limit", per_page.to_string()));
        }
        // Tavus knows `active` and `ended`; `created` is checked client-side only.
        match filters.status {
            Some(StatusFilter::Active) => query.push(("status", "active".to_owned())),
            Some(StatusFilter::Ended) => query.push(("status", "ended".to_owned())),
            Some(StatusFilter::Created) | None => {}
        }
        ApiRequest::list_at(&["v2", "conversations"], query, &page)
    }

    fn parse_list(&self, body: &[u8], raw: Raw) -> Result<Page<Session>, BodyError> {
        let (records, notes, envelope) = map_list(body, LIST_KEYS, &["total_count"], &MAPPER, raw)?;
        let envelope = ObjectReader::of(&envelope, "the body")?;
        Ok(Page {
            records,
            total: envelope.count("total_count")?,
            notes,
            ..Page::default()
        })
    }

    fn each_in_list(
        &self,
        body: &[u8],
        raw: Raw,
        each: &mut dyn FnMut(Listed<Session>) -> bool,
    ) -> Result<(), BodyError> {
        each_record(body, LIST_KEYS, &MAPPER, raw, each)
    }

    fn get_request(&self, id: &SessionId) -> ApiRequest {
        verbose_get(id, format!("conversation {id}"))
    }

    fn parse_session(&self, body: &[u8]) -> Result<Mapped<Session>, BodyError> {
        let body = parse_json(body)?;
        ObjectReader::of(&body, "the body")?;
        Ok(MAPPER.text(&as_text(&body))?)
    }
}

/// How a conversation of a list is read.
const MAPPER: Mapper<Session> = Mapper {
    fields: FIELDS,
    noun: "conversation",
    map: map_conversation,
};

/// The fields the mapping reads; the rest of a conversation is kept as text, unread.
const FIELDS: &[&str] = &[
    "conversation_id",
    "status",
    "persona_id",
    "conversation_name",
    "created_at",
    "events",
];

/// What the verbose get's events say of a conversation's life.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Life {
    pub joined: Option<DateTime<Utc>>,
    pub shutdown: Option<DateTime<Utc>>,
    pub reason: Option<String>,
}

/// Reads `system.replica_joined` and `system.shutdown` from `events` (absent in lists).
pub(super) fn life<'a, F: Fields<'a>>(
    fields: &RecordReader<'a, F>,
    events: Option<&Value>,
) -> Life {
    let mut life = Life::default();
    let Some(Value::Array(events)) = events else {
        return life;
    };
    for event in events {
        let Ok(reader) = RecordReader::of(event, "event") else {
            continue;
        };
        match event.get("event_type").and_then(Value::as_str) {
            Some("system.replica_joined") if life.joined.is_none() => {
                life.joined = reader.time("started_at", "timestamp");
            }
            Some("system.shutdown") if life.shutdown.is_none() => {
                life.shutdown = reader.time("ended_at", "timestamp");
                life.reason = reader
                    .text("end_reason", "properties.reason")
                    .or_else(|| reader.text("end_reason", "properties.shutdown_reason"));
            }
            _ => continue,
        }
        for problem in reader.problems() {
            fields.note(problem.field, format!("an event's {}", problem.what));
        }
    }
    life
}

/// Maps one conversation to the normalized model, field by field.
fn map_conversation(
    fields: RecordReader<'_, Projection<'_>>,
    raw: Option<Kept<'_>>,
) -> Result<Mapped<Session>, String> {
    let Some(id) = fields.id("id", "conversation_id") else {
        return Err(fields.no_id("conversation_id"));
    };
    let created_at = fields.time("created_at", "created_at");
    let events = fields.tree("events", "events");
    let life = life(&fields, events.as_deref());
    let started_at = life.joined.or(created_at);
    let duration_ms = match (life.joined, life.shutdown) {
        (Some(start), Some(end)) if end >= start => {
            u64::try_from((end - start).num_milliseconds()).ok()
        }
        _ => None,
    };
    let session = Session {
        provider: ProviderKind::Tavus.name(),
        id,
        status: fields.text("status", "status"),
        end_reason: life.reason,
        started_at,
        ended_at: life.shutdown,
        duration_ms,
        persona_id: fields.id("persona_id", "persona_id"),
        persona_name: None,
        label: fields.text("label", "conversation_name"),
        created_at,
        tool_calls: None,
        raw: RawObject::null(),
    };
    Ok(mapped(fields.problems(), session, raw))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::Provider;

    const LIST: &str = include_str!("../../../tests/fixtures/tavus_list.json");
    const VERBOSE: &str = include_str!("../../../tests/fixtures/tavus_get_verbose.json");
    const DEFAULT: &str = include_str!("../../../tests/fixtures/tavus_get.json");

    #[test]
    fn the_documented_list_maps_with_an_empty_time_as_null() {
        let page = Tavus.parse_list(LIST.as_bytes(), Raw::Keep).unwrap();
        assert_eq!(page.total, Some(123));
        assert!(page.notes.problems.is_empty(), "{:?}", page.notes.problems);
        let session = &page.records[0];
        assert_eq!(session.id, "c123456");
        assert_eq!(session.status.as_deref(), Some("active"));
        assert_eq!(session.label.as_deref(), Some("A Meeting with Hassaan"));
        assert_eq!(session.persona_id.as_deref(), Some("pcb7a34da5fe"));
        assert_eq!(
            (session.created_at, session.started_at),
            (None, None),
            "created_at is \"\""
        );
        assert_eq!(
            (session.ended_at, session.duration_ms, &session.end_reason),
            (None, None, &None)
        );
        assert_eq!(session.raw.tree()["replica_id"], "r90bbd427f71");
    }

    #[test]
    fn the_verbose_get_takes_start_end_and_reason_from_the_events() {
        let Mapped { record, problems } = Tavus.parse_session(VERBOSE.as_bytes()).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        let json = serde_json::to_value(&record).unwrap();
        assert_eq!(json["id"], "conv_123");
        assert_eq!(json["status"], "ended");
        assert_eq!(json["started_at"], "2026-04-29T03:45:53Z");
        assert_eq!(json["ended_at"], "2026-04-29T03:47:01Z");
        assert_eq!(json["duration_ms"], 68_000);
        assert_eq!(json["end_reason"], "participant_left_timeout");
        assert_eq!(json["created_at"], "2026-04-29T03:45:49Z");
        assert_eq!(json["persona_id"], "persona_xyz");
    }

    #[test]
    fn a_get_without_events_starts_at_its_creation() {
        let record = Tavus.parse_session(DEFAULT.as_bytes()).unwrap().record;
        assert_eq!(record.started_at, record.created_at);
        assert!(record.started_at.is_some());
        assert_eq!((record.ended_at, record.duration_ms), (None, None));
    }

    #[test]
    fn requests_page_by_limit_push_the_status_and_ask_for_events() {
        let filters = Filters {
            status: Some(StatusFilter::Ended),
            ..Filters::default()
        };
        let request = Tavus.list_request(
            &filters,
            PageRequest::Number {
                page: 2,
                per_page: 100,
            },
        );
        assert_eq!(request.segments, ["v2", "conversations"]);
        assert_eq!(
            request.query,
            [
                ("page", "2".to_owned()),
                ("limit", "100".to_owned()),
                ("status", "ended".to_owned())
            ]
        );
        let created = Filters {
            status: Some(StatusFilter::Created),
            ..Filters::default()
        };
        let request = Tavus.list_request(
            &created,
            PageRequest::Number {
                page: 1,
                per_page: 10,
            },
        );
        assert!(request.query.iter().all(|(name, _)| *name != "status"));
        let id = Tavus.parse_id("c123456").unwrap();
        let get = Tavus.get_request(&id);
        assert_eq!(get.segments, ["v2", "conversations", "c123456"]);
        assert_eq!(get.query, [("verbose", "true".to_owned())]);
    }

    #[test]
    fn odd_events_are_problems_not_failures() {
        let body = br#"{"conversation_id": "c1", "events": [
            {"event_type": "system.replica_joined", "timestamp": "soon"}, 7,
            {"event_type": "system.shutdown", "timestamp": "2026-04-29T03:47:01Z"}]}"#;
        let Mapped { record, problems } = Tavus.parse_session(body).unwrap();
        assert_eq!(record.started_at, None);
        assert!(record.ended_at.is_some());
        assert_eq!(record.duration_ms, None);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].field, "started_at");
    }
}
