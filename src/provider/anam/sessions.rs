//! Anam's sessions: `GET /v1/sessions` (numbered pages, `data` + `meta`) and
//! `GET /v1/sessions/{id}`.

use serde_json::Value;

use super::Anam;

use crate::model::{RawObject, Session, ToolCall};
use crate::provider::json::{
    self, BodyError, FieldProblem, Kept, Listed, Mapped, Mapper, ObjectReader, Projection, Raw,
    RecordReader, each_record, map_list, parse_json,
};
use crate::provider::{
    ApiRequest, Filters, Page, PageRequest, ProviderKind, Sessions, as_text, mapped,
};

impl Sessions for Anam {
    fn list_request(&self, filters: &Filters, page: PageRequest) -> ApiRequest {
        let mut query = Vec::new();
        if let PageRequest::Number { page, per_page } = &page {
            query.push(("page", page.to_string()));
            query.push(("perPage", per_page.to_string()));
        }
        let optional = [
            ("search", &filters.search),
            ("personaId", &filters.persona_id),
            ("apiKeyId", &filters.api_key_id),
        ];
        for (name, value) in optional {
            if let Some(value) = value {
                query.push((name, value.clone()));
            }
        }
        ApiRequest::list(query, &page)
    }

    fn parse_list(&self, body: &[u8], raw: Raw) -> Result<Page<Session>, BodyError> {
        // The page's `meta` is kept in the same pass that reads its sessions.
        let (records, notes, envelope) = map_list(body, &["data"], &["meta"], &MAPPER, raw)?;
        let envelope = ObjectReader::of(&envelope, "the body")?;
        let page_number = |path| -> Result<Option<u32>, String> {
            envelope
                .count(path)?
                .map(|n| u32::try_from(n).map_err(|_| format!("`{path}` is absurd: {n}")))
                .transpose()
        };
        Ok(Page {
            records,
            total: envelope.count("meta.total")?,
            last_page: page_number("meta.lastPage")?,
            per_page: page_number("meta.perPage")?,
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
        each_record(body, &["data"], &MAPPER, raw, each)
    }

    fn parse_session(&self, body: &[u8]) -> Result<Mapped<Session>, BodyError> {
        let body = parse_json(body)?;
        // Tolerate a `data` envelope, should the API ever add one to this endpoint.
        let enveloped = body.get("id").is_none() && body.get("data").is_some_and(Value::is_object);
        let object = if enveloped { &body["data"] } else { &body };
        let mut mapped = MAPPER.text(&as_text(object))?;
        mapped.record.tool_calls = tool_calls(object, &mut mapped.problems);
        Ok(mapped)
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
    "id",
    "endTime",
    "exitStatus",
    "startTime",
    "sessionLengthMs",
    "personaId",
    "personaConfig.name",
    "clientLabel",
    "createdAt",
];

/// Maps one Anam session object to the normalized model, field by field.
fn map_session(
    fields: RecordReader<'_, Projection<'_>>,
    raw: Option<Kept<'_>>,
) -> Result<Mapped<Session>, String> {
    let Some(id) = fields.id("id", "id") else {
        return Err(fields.no_id("id"));
    };
    let status = if fields.present("endTime") {
        "ended"
    } else {
        "active"
    };
    let session = Session {
        provider: ProviderKind::Anam.name(),
        id,
        status: Some(status.into()),
        end_reason: fields.text("end_reason", "exitStatus"),
        started_at: fields.time("started_at", "startTime"),
        ended_at: fields.time("ended_at", "endTime"),
        duration_ms: fields.millis("duration_ms", "sessionLengthMs", 1.0),
        persona_id: fields.id("persona_id", "personaId"),
        persona_name: fields.text("persona_name", "personaConfig.name"),
        label: fields.text("label", "clientLabel"),
        created_at: fields.time("created_at", "createdAt"),
        tool_calls: None,
        raw: RawObject::null(),
    };
    Ok(mapped(fields.problems(), session, raw))
}

/// `toolCalls`, which only a single session carries: each call field by field, a call that
/// is not an object kept in its place, empty.
fn tool_calls(session: &Value, problems: &mut Vec<FieldProblem>) -> Option<Vec<ToolCall>> {
    let calls = match session.get("toolCalls")? {
        Value::Array(calls) => calls,
        Value::Null => return None,
        other => {
            problems.push(FieldProblem {
                field: "tool_calls",
                what: format!("`toolCalls` is {}, not a list", json::kind(other)),
            });
            return None;
        }
    };
    let calls = calls.iter().map(|call| {
        let Ok(fields) = RecordReader::of(call, "tool call") else {
            problems.push(FieldProblem {
                field: "tool_calls",
                what: format!("a tool call is {}, not an object", json::kind(call)),
            });
            return ToolCall::default();
        };
        let call = ToolCall {
            turn_index: fields.count("tool_calls.turn_index", "turnIndex"),
            id: fields.id("tool_calls.id", "toolCallId"),
            name: fields.text("tool_calls.name", "toolName"),
            kind: fields.text("tool_calls.type", "toolType"),
            subtype: fields.text("tool_calls.subtype", "toolSubtype"),
            status: fields.text("tool_calls.status", "status"),
            started_at: fields.time("tool_calls.started_at", "startedAt"),
            completed_at: fields.time("tool_calls.completed_at", "completedAt"),
            duration_ms: fields.millis("tool_calls.duration_ms", "durationSeconds", 1000.0),
            error: fields.text("tool_calls.error", "errorMessage"),
            arguments: call.get("arguments").filter(|v| !v.is_null()).cloned(),
            result: fields.text("tool_calls.result", "result"),
            documents_accessed: fields
                .strings("tool_calls.documents_accessed", "documentsAccessed"),
        };
        problems.extend(fields.problems());
        call
    });
    Some(calls.collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &str = include_str!("../../../tests/fixtures/anam_list.json");
    const GET: &str = include_str!("../../../tests/fixtures/anam_get.json");
    const ACTIVE: &str = include_str!("../../../tests/fixtures/anam_active.json");
    const TOOL_CALLS: &str = include_str!("../../../tests/fixtures/anam_get_tool_calls.json");

    #[test]
    fn a_session_with_tool_calls_maps_them_and_a_list_never_has_any() {
        let Mapped { record, problems } = Anam.parse_session(TOOL_CALLS.as_bytes()).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        let calls = record.tool_calls.unwrap();
        assert_eq!(calls.len(), 1);
        let call = &calls[0];
        assert_eq!(call.turn_index, Some(3));
        assert_eq!(
            call.id.as_deref(),
            Some("fc_f98c6f4e-6441-4061-8c5f-04d6f3e4a726")
        );
        assert_eq!(call.name.as_deref(), Some("knowledge_base"));
        assert_eq!(call.kind.as_deref(), Some("server"));
        assert_eq!(call.subtype.as_deref(), Some("rag"));
        assert_eq!(call.status.as_deref(), Some("completed"));
        assert_eq!(call.duration_ms, Some(646));
        assert_eq!(call.error, None);
        assert_eq!(
            call.arguments,
            Some(serde_json::json!({"query": "opening hours"}))
        );
        assert!(call.result.as_deref().unwrap().ends_with("9am to 5pm."));
        assert_eq!(
            call.documents_accessed.as_deref(),
            Some(&["FAQs.docx".to_owned()][..])
        );
        let json = serde_json::to_value(call).unwrap();
        assert_eq!(json["type"], "server");
        assert_eq!(json["started_at"], "2026-04-20T09:03:12.412Z");
        assert_eq!(json["completed_at"], "2026-04-20T09:03:13.058Z");

        let plain = Anam.parse_session(GET.as_bytes()).unwrap().record;
        assert_eq!(plain.tool_calls, None, "the seed body has no toolCalls");
        let page = Anam.parse_list(LIST.as_bytes(), Raw::Keep).unwrap();
        assert!(page.records.iter().all(|s| s.tool_calls.is_none()));
    }

    #[test]
    fn odd_tool_calls_are_problems_and_keep_their_place() {
        let body = br#"{"id": "00000000-0000-0000-0000-000000000000",
            "toolCalls": [7, {"toolName": "lookup", "status": "failed", "durationSeconds": "slow",
                              "errorMessage": "timeout", "documentsAccessed": [1]}]}"#;
        let Mapped { record, problems } = Anam.parse_session(body).unwrap();
        let calls = record.tool_calls.unwrap();
        assert_eq!(calls.len(), 2);
        assert_eq!(calls[0], ToolCall::default());
        assert_eq!(calls[1].name.as_deref(), Some("lookup"));
        assert_eq!(calls[1].duration_ms, None);
        assert_eq!(calls[1].documents_accessed, None);
        assert_eq!(
            calls[1].summary(|ms| format!("{ms}ms")),
            "lookup  failed: timeout"
        );
        let fields: Vec<&str> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            [
                "tool_calls",
                "tool_calls.duration_ms",
                "tool_calls.documents_accessed"
            ]
        );
        let not_a_list = br#"{"id": "00000000-0000-0000-0000-000000000000", "toolCalls": {}}"#;
        let Mapped { record, problems } = Anam.parse_session(not_a_list).unwrap();
        assert_eq!((record.tool_calls, problems.len()), (None, 1));
    }

    #[test]
    fn maps_the_documented_session() {
        let session = Anam.parse_session(GET.as_bytes()).unwrap().record;
        assert_eq!(session.id, "00000000-0000-0000-0000-000000000000");
        assert_eq!(session.status.as_deref(), Some("ended"));
        assert_eq!(session.end_reason.as_deref(), Some("CLOSED_BY_ENGINE"));
        assert_eq!(session.duration_ms, Some(754_000));
        assert_eq!(session.persona_id, None, "personaId is null in the docs");
        assert_eq!(session.persona_name.as_deref(), Some("Cara"));
        assert_eq!(session.label.as_deref(), Some("anam-lab-chat"));
        let json = serde_json::to_value(&session).unwrap();
        assert_eq!(json["started_at"], "2026-04-20T09:00:00Z");
        assert_eq!(json["ended_at"], "2026-04-20T09:12:34Z");
        assert_eq!(json["created_at"], "2026-04-20T09:00:00Z");
        assert_eq!(json["provider"], "anam");
        assert_eq!(
            *session.raw.tree(),
            serde_json::from_str::<Value>(GET).unwrap()
        );
    }

    #[test]
    fn an_active_session_has_no_end() {
        let session = Anam.parse_session(ACTIVE.as_bytes()).unwrap().record;
        assert_eq!(session.status.as_deref(), Some("active"));
        assert_eq!(
            (session.ended_at, session.duration_ms, session.end_reason),
            (None, None, None)
        );
    }

    #[test]
    fn maps_the_documented_list_and_its_meta() {
        let page = Anam.parse_list(LIST.as_bytes(), Raw::Keep).unwrap();
        assert_eq!(page.records.len(), 1);
        assert_eq!((page.total, page.last_page), (Some(1), Some(1)));
        assert_eq!(
            page.records[0],
            Anam.parse_session(GET.as_bytes()).unwrap().record
        );
    }

    #[test]
    fn unknown_fields_are_kept_and_wrong_shapes_explained() {
        let page = Anam
            .parse_list(
                br#"{"data":[{"id":"x","brandNew":1}],"cursor":"abc"}"#,
                Raw::Keep,
            )
            .unwrap();
        assert_eq!(page.records[0].raw.tree()["brandNew"], 1);
        assert_eq!(page.total, None);
        assert_eq!(
            Anam.parse_list(br#"{"items":[]}"#, Raw::Keep)
                .unwrap_err()
                .to_string(),
            "the body has no `data` array"
        );
        let page = Anam
            .parse_list(
                br#"{"data":[{"id":"x","startTime":"yesterday"},{"clientLabel":"y"}]}"#,
                Raw::Keep,
            )
            .unwrap();
        assert_eq!(page.records.len(), 1, "a session without an ID is skipped");
        assert_eq!(page.records[0].started_at, None);
        assert_eq!(page.notes.skipped, ["`id` is missing"]);
        assert_eq!(page.notes.problems.len(), 1);
        assert_eq!(page.notes.problems[0].0, "x");
        assert_eq!(page.notes.problems[0].1.field, "started_at");
        assert!(
            Anam.parse_session(br#"{"clientLabel":"x"}"#)
                .unwrap_err()
                .to_string()
                .contains("`id` is missing")
        );
    }

    #[test]
    fn requests_carry_paging_and_filters() {
        let filters = Filters {
            search: Some("web".into()),
            persona_id: Some("p".into()),
            ..Filters::default()
        };
        let request = Anam.list_request(
            &filters,
            PageRequest::Number {
                page: 2,
                per_page: 50,
            },
        );
        assert_eq!(request.segments, ["v1", "sessions"]);
        assert_eq!(
            request.query,
            [
                ("page", "2".into()),
                ("perPage", "50".into()),
                ("search", "web".into()),
                ("personaId", "p".into())
            ]
        );
    }
}
