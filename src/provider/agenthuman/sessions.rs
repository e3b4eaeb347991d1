//! AgentHuman's sessions: `GET /v1/sessions` (the whole list in one response, `status`
//! filter) and `GET /v1/sessions/{session_id}`, both inside a `{"success": true, …}` envelope.

use super::AgentHuman;

use crate::model::{RawObject, Session};
use crate::provider::json::{
    BodyError, Kept, Listed, Mapped, Mapper, ObjectReader, Projection, Raw, RecordReader,
    each_record, map_list, parse_json,
};
use crate::provider::{
    ApiRequest, Filters, Page, PageRequest, ProviderKind, Sessions, StatusFilter, as_text, mapped,
};

/// Where a list body holds its sessions: `sessions` is documented; `data` is accepted should
/// the envelope ever change.
const LIST_KEYS: &[&str] = &["sessions", "data"];

impl Sessions for AgentHuman {
    fn list_request(&self, filters: &Filters, page: PageRequest) -> ApiRequest {
        let query = match filters.status {
            Some(StatusFilter::Active) => vec![("status", "started".to_owned())],
            Some(StatusFilter::Ended) => vec![("status", "ended".to_owned())],
            // AgentHuman filters only `all|started|ended`: `created` is checked client-side.
            Some(StatusFilter::Created) => Vec::new(),
            None => Vec::new(),
        };
        ApiRequest::list(query, &page)
    }

    fn parse_list(&self, body: &[u8], raw: Raw) -> Result<Page<Session>, BodyError> {
        let (records, notes, _) = map_list(body, LIST_KEYS, &[], &MAPPER, raw)?;
        let total = Some((records.len() + notes.skipped.len()) as u64);
        Ok(Page {
            records,
            total,
            notes,
            last_page: Some(1),
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

    fn parse_session(&self, body: &[u8]) -> Result<Mapped<Session>, BodyError> {
        let mut body = parse_json(body)?;
        ObjectReader::of(&body, "the body")?;
        match body.get_mut("session") {
            Some(session) => Ok(MAPPER.text(&as_text(session))?),
            None => Err(BodyError::Shape("the body has no `session` object".into())),
        }
    }
}

/// How a session of a list is read.
const MAPPER: Mapper<Session> = Mapper {
    fields: FIELDS,
    noun: "session",
    map: map_session,
};

/// The fields the mapping reads; the rest of a session is kept as text, unread.
const FIELDS: &[&str] = &[
    "session_id",
    "status",
    "started_at",
    "ended_at",
    "duration",
    "avatar.avatar_id",
    "avatar.name",
    "created_at",
];

/// Maps one AgentHuman session object to the normalized model, field by field.
fn map_session(
    fields: RecordReader<'_, Projection<'_>>,
    raw: Option<Kept<'_>>,
) -> Result<Mapped<Session>, String> {
    let Some(id) = fields.id("id", "session_id") else {
        return Err(fields.no_id("session_id"));
    };
    let status = fields
        .text("status", "status")
        .map(|status| match status.as_str() {
            "started" | "active" => "active".to_owned(),
            "ended" | "completed" => "ended".to_owned(),
            _ => status,
        });
    let session = Session {
        provider: ProviderKind::AgentHuman.name(),
        id,
        status,
        end_reason: None,
        started_at: fields.time("started_at", "started_at"),
        ended_at: fields.time("ended_at", "ended_at"),
        duration_ms: fields.millis("duration_ms", "duration", 1000.0),
        persona_id: fields.id("persona_id", "avatar.avatar_id"),
        persona_name: fields.text("persona_name", "avatar.name"),
        label: None,
        created_at: fields.time("created_at", "created_at"),
        tool_calls: None,
        raw: RawObject::null(),
    };
    Ok(mapped(fields.problems(), session, raw))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    const GET: &str = include_str!("../../../tests/fixtures/agenthuman_get.json");
    const LIST: &str = include_str!("../../../tests/fixtures/agenthuman_list.json");

    #[test]
    fn maps_the_documented_session() {
        let session = AgentHuman.parse_session(GET.as_bytes()).unwrap().record;
        assert_eq!(session.id, "sess_01H3Z8G9YR3K2N5M6P7Q8W4T");
        assert_eq!(session.status.as_deref(), Some("ended"));
        assert_eq!(session.end_reason, None);
        assert_eq!(session.duration_ms, Some(330_000));
        assert_eq!(
            session.persona_id.as_deref(),
            Some("avat_01H3Z8G9YR3K2N5M6P7Q8W4T")
        );
        assert_eq!(session.persona_name.as_deref(), Some("Professional Avatar"));
        assert_eq!(session.label, None);
        let json = serde_json::to_value(&session).unwrap();
        assert_eq!(json["started_at"], "2024-01-15T12:00:00Z");
        assert_eq!(json["ended_at"], "2024-01-15T12:05:30Z");
        assert_eq!(json["provider"], "agenthuman");
        let documented: Value = serde_json::from_str(GET).unwrap();
        assert_eq!(*session.raw.tree(), documented["session"]);
    }

    #[test]
    fn maps_the_list_with_an_active_session_and_null_avatar() {
        let page = AgentHuman.parse_list(LIST.as_bytes(), Raw::Keep).unwrap();
        assert_eq!(page.records.len(), 2);
        assert_eq!(page.total, Some(2));
        let active = &page.records[1];
        assert_eq!(active.status.as_deref(), Some("active"));
        assert_eq!((active.ended_at, active.duration_ms), (None, None));
        assert_eq!(
            (active.persona_id.as_deref(), active.persona_name.as_deref()),
            (None, None)
        );
    }

    #[test]
    fn statuses_map_old_and_new_names() {
        for (sent, mapped) in [
            ("started", "active"),
            ("active", "active"),
            ("completed", "ended"),
            ("created", "created"),
            ("paused", "paused"),
        ] {
            let body = format!(r#"{{"session":{{"session_id":"s","status":"{sent}"}}}}"#);
            let session = AgentHuman.parse_session(body.as_bytes()).unwrap().record;
            assert_eq!(session.status.as_deref(), Some(mapped));
        }
    }

    #[test]
    fn the_status_filter_is_sent_in_agenthumans_words() {
        let request = AgentHuman.list_request(
            &Filters {
                status: Some(StatusFilter::Active),
                ..Filters::default()
            },
            PageRequest::Whole,
        );
        assert_eq!(request.query, [("status", "started".to_owned())]);
    }

    #[test]
    fn a_wrong_envelope_is_explained() {
        assert_eq!(
            AgentHuman
                .parse_list(br#"{"success":true}"#, Raw::Keep)
                .unwrap_err()
                .to_string(),
            "the body has no `sessions` array"
        );
        assert_eq!(
            AgentHuman
                .parse_session(br#"{"success":true}"#)
                .unwrap_err()
                .to_string(),
            "the body has no `session` object"
        );
    }
}
