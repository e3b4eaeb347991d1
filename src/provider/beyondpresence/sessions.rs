//! Beyond Presence's calls as sessions: cursor pages of at most 50, `has_more` and
//! `next_cursor`; a call's status is derived from `ended_at` (null while it runs) and its
//! duration from its two times.

use serde_json::Value;

use super::BeyondPresence;
use crate::model::{RawObject, Session, SessionId};
use crate::provider::json::{
    BodyError, Kept, Listed, Mapped, Mapper, ObjectReader, Projection, Raw, RecordReader,
    each_record, map_list, parse_json,
};
use crate::provider::{
    ApiRequest, Filters, Page, PageRequest, ProviderKind, Sessions, as_text, mapped,
};

const LIST_KEYS: &[&str] = &["data"];

impl Sessions for BeyondPresence {
    fn list_request(&self, _filters: &Filters, page: PageRequest) -> ApiRequest {
        let mut query = Vec::new();
        if let PageRequest::Cursor { cursor, per_page } = &page {
            query.push(("limit", per_page.to_string()));
            if let Some(cursor) = cursor {
                query.push(("cursor", cursor.clone()));
            }
        }
        ApiRequest::list_at(&["v1", "calls"], query, &page)
    }

    fn parse_list(&self, body: &[u8], raw: Raw) -> Result<Page<Session>, BodyError> {
        let (records, notes, envelope) =
            map_list(body, LIST_KEYS, &["has_more", "next_cursor"], &MAPPER, raw)?;
        let envelope = ObjectReader::of(&envelope, "the body")?;
        let has_more = match envelope.get("has_more")? {
            None => false,
            Some(Value::Bool(more)) => *more,
            Some(other) => {
                return Err(BodyError::Shape(format!(
                    "`has_more` is {}, not true or false",
                    crate::provider::json::kind(other)
                )));
            }
        };
        let next_cursor = match (has_more, envelope.str("next_cursor")) {
            (false, _) => None,
            (true, Some(cursor)) if !cursor.is_empty() => Some(cursor.to_owned()),
            (true, _) => {
                return Err(BodyError::Shape(
                    "`has_more` is true but `next_cursor` is missing".into(),
                ));
            }
        };
        Ok(Page {
            records,
            next_cursor,
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
        ApiRequest::get(&["v1", "calls", id.as_str()], format!("call {id}"))
    }

    fn parse_session(&self, body: &[u8]) -> Result<Mapped<Session>, BodyError> {
        let body = parse_json(body)?;
        ObjectReader::of(&body, "the body")?;
        Ok(MAPPER.text(&as_text(&body))?)
    }
}

/// How a call of a list is read.
const MAPPER: Mapper<Session> = Mapper {
    fields: FIELDS,
    noun: "call",
    map: map_call,
};

/// The fields the mapping reads; the rest of a call (its `tags`) is kept as text, unread.
const FIELDS: &[&str] = &["id", "agent_id", "started_at", "ended_at"];

/// Maps one call to the normalized model, field by field.
pub(super) fn map_call(
    fields: RecordReader<'_, Projection<'_>>,
    raw: Option<Kept<'_>>,
) -> Result<Mapped<Session>, String> {
    let Some(id) = fields.id("id", "id") else {
        return Err(fields.no_id("id"));
    };
    let started_at = fields.time("started_at", "started_at");
    let ended_at = fields.time("ended_at", "ended_at");
    let status = if fields.present("ended_at") {
        "ended"
    } else {
        "active"
    };
    let duration_ms = match (started_at, ended_at) {
        (Some(start), Some(end)) if end >= start => {
            u64::try_from((end - start).num_milliseconds()).ok()
        }
        _ => None,
    };
    let session = Session {
        provider: ProviderKind::BeyondPresence.name(),
        id,
        status: Some(status.into()),
        end_reason: None,
        started_at,
        ended_at,
        duration_ms,
        persona_id: fields.id("persona_id", "agent_id"),
        persona_name: None,
        label: None,
        created_at: started_at,
        tool_calls: None,
        raw: RawObject::null(),
    };
    Ok(mapped(fields.problems(), session, raw))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &str = include_str!("../../../tests/fixtures/beyondpresence_list.json");

    #[test]
    fn the_documented_list_maps_its_placeholders_to_null_with_warnings() {
        let page = BeyondPresence
            .parse_list(LIST.as_bytes(), Raw::Keep)
            .unwrap();
        assert_eq!(page.next_cursor.as_deref(), Some("<string>"));
        let call = &page.records[0];
        assert_eq!(call.id, "01234567-89ab-cdef-0123-456789abcdef");
        assert_eq!(call.persona_id.as_deref(), Some("<string>"));
        assert_eq!(call.status.as_deref(), Some("ended"), "ended_at is set");
        // The docs' `"<string>"` placeholders are not times: null, and noted.
        assert_eq!((call.started_at, call.ended_at), (None, None));
        let fields: Vec<&str> = page.notes.problems.iter().map(|(_, p)| p.field).collect();
        assert_eq!(fields, ["started_at", "ended_at"]);
    }

    #[test]
    fn a_call_maps_status_and_duration_from_its_times() {
        let body = br#"{"id": "01234567-89ab-cdef-0123-456789abcdef", "agent_id": "agent_1",
            "started_at": "2026-04-20T09:00:00Z", "ended_at": "2026-04-20T09:12:34.500Z",
            "tags": {"team": "support"}}"#;
        let Mapped { record, problems } = BeyondPresence.parse_session(body).unwrap();
        assert!(problems.is_empty());
        assert_eq!(record.status.as_deref(), Some("ended"));
        assert_eq!(record.duration_ms, Some(754_500));
        assert_eq!(record.created_at, record.started_at);
        assert_eq!(record.raw.tree()["tags"]["team"], "support");
        let running = br#"{"id": "01234567-89ab-cdef-0123-456789abcdef", "started_at": "2026-04-20T09:00:00Z", "ended_at": null}"#;
        let running = BeyondPresence.parse_session(running).unwrap().record;
        assert_eq!(
            (running.status.as_deref(), running.duration_ms),
            (Some("active"), None)
        );
    }

    #[test]
    fn cursors_follow_has_more_and_a_missing_one_is_an_error() {
        let last = BeyondPresence
            .parse_list(
                br#"{"data": [], "has_more": false, "next_cursor": "x"}"#,
                Raw::Keep,
            )
            .unwrap();
        assert_eq!(last.next_cursor, None);
        assert!(
            BeyondPresence
                .parse_list(br#"{"data": [], "has_more": true}"#, Raw::Keep)
                .is_err()
        );
        let request = BeyondPresence.list_request(
            &Filters::default(),
            PageRequest::Cursor {
                cursor: Some("abc".into()),
                per_page: 50,
            },
        );
        assert_eq!(request.segments, ["v1", "calls"]);
        assert_eq!(
            request.query,
            [("limit", "50".to_owned()), ("cursor", "abc".to_owned())]
        );
    }
}
