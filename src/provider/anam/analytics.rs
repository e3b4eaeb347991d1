//! Anam's session analytics: `GET /v1/sessions/{id}/analytics`, one session's per-turn report,
//! and `GET /v1/sessions/analytics`, the aggregate report over a window (at most 31 days,
//! the 1000 most recent sessions with reports).
//!
//! Both are read tolerantly: an odd field is null and noted, the rest of the report stays.
//! Names become snake_case, and seconds become integer milliseconds under `_ms` names. The
//! aggregate report's own reading is in [`aggregate`].

mod aggregate;

use serde_json::{Map, Value};

use super::Anam;
use crate::model::analytics::{ReportConfig, Summary, ToolCall, ToolCallCounts};
use crate::model::{Aggregate, Report, SessionId, Turn};
use crate::provider::json::{BodyError, FieldProblem, Mapped, ObjectReader, RecordReader};
use crate::provider::{AggregateQuery, Analytics, ApiRequest, ProviderKind, json};

/// What Anam's 404 on a session's report can mean; its message names which.
const NOT_FOUND_WHY: &str = "a report exists only once the session has ended and its report \
                             was delivered, and never for LiveKit or audio-passthrough \
                             sessions; the provider's message says which";

impl Analytics for Anam {
    fn report_request(&self, id: &SessionId, messages: bool) -> ApiRequest {
        let mut request = ApiRequest::get(
            &["v1", "sessions", id.as_str(), "analytics"],
            format!("the analytics report of session {id}"),
        )
        .not_found(format!("no analytics report for {id}"), NOT_FOUND_WHY)
        // With includeMessages the body holds what users said.
        .private();
        if messages {
            request.query.push(("includeMessages", "true".to_owned()));
        }
        request
    }

    fn parse_report(&self, id: &SessionId, body: &[u8]) -> Result<Mapped<Report>, BodyError> {
        let body = json::parse_json(body)?;
        let turns = array(&body, "turns")?;
        let fields = RecordReader::of(&body, "analytics report")?;
        let mut turn_problems = Vec::new();
        let turns = turns
            .iter()
            .enumerate()
            .map(|(position, item)| turn(id, position, item, &mut turn_problems))
            .collect();
        let report = Report {
            provider: ProviderKind::Anam.name(),
            session_id: id.to_string(),
            start_time: fields.time("start_time", "startTime"),
            end_time: fields.time("end_time", "endTime"),
            duration_ms: fields.millis("duration_ms", "durationSeconds", 1000.0),
            session_type: fields.text("session_type", "sessionType"),
            exit_status: fields.text("exit_status", "exitStatus"),
            client_label: fields.text("client_label", "clientLabel"),
            client_metadata: object_or_null(&fields, "client_metadata", "clientMetadata"),
            persona_id: fields.id("persona_id", "personaId"),
            api_key_id: fields.id("api_key_id", "apiKeyId"),
            config: ReportConfig {
                llm_provider: fields.text("config", "config.llmProvider"),
                llm_model: fields.text("config", "config.llmModel"),
                tts_provider: fields.text("config", "config.ttsProvider"),
                tts_voice: fields.text("config", "config.ttsVoice"),
                avatar_key: fields.text("config", "config.avatarKey"),
                persona_name: fields.text("config", "config.personaName"),
                language_code: fields.text("config", "config.languageCode"),
                transcripts_enabled: fields.flag("config", "config.transcriptsEnabled"),
            },
            summary: Summary {
                total_turns: fields.count("summary", "summary.totalTurns"),
                completed_turns: fields.count("summary", "summary.completedTurns"),
                interrupted_turns: fields.count("summary", "summary.interruptedTurns"),
                interruption_rate: fields.number("summary", "summary.interruptionRate"),
                total_user_speech_duration_ms: fields.millis(
                    "summary",
                    "summary.totalUserSpeechDurationSeconds",
                    1000.0,
                ),
                total_user_words: fields.count("summary", "summary.totalUserWords"),
                total_assistant_words: fields.count("summary", "summary.totalAssistantWords"),
                total_warnings: fields.count("summary", "summary.totalWarnings"),
                total_errors: fields.count("summary", "summary.totalErrors"),
                tool_calls: tool_call_counts(&fields, "summary", "summary.toolCalls"),
                average_latencies: seconds_map(&fields, "summary", "summary.averageLatencies"),
            },
            turns,
            turn_problems,
        };
        Ok(Mapped {
            record: report,
            problems: fields.problems(),
        })
    }

    fn aggregate_request(&self, query: &AggregateQuery) -> ApiRequest {
        aggregate::request(query)
    }

    fn parse_aggregate(&self, body: &[u8]) -> Result<Mapped<Aggregate>, BodyError> {
        aggregate::parse(body)
    }
}

/// The array under `key` of a body (missing or null: empty); another type is a malformed
/// body, since the records are what the report is for.
fn array<'a>(body: &'a Value, key: &str) -> Result<&'a [Value], BodyError> {
    let envelope = ObjectReader::of(body, "the body")?;
    match envelope.get(key)? {
        None => Ok(&[]),
        Some(Value::Array(items)) => Ok(items.as_slice()),
        Some(other) => Err(BodyError::Shape(format!(
            "`{key}` is {}, not an array",
            json::kind(other)
        ))),
    }
}

/// One turn, field by field, its problems noted with its place; one that is not even an
/// object keeps its place, empty.
fn turn(
    id: &SessionId,
    position: usize,
    item: &Value,
    problems: &mut Vec<(usize, FieldProblem)>,
) -> Turn {
    let mut turn = Turn {
        session_id: id.to_string(),
        ..Turn::default()
    };
    let fields = match RecordReader::of(item, "turn") {
        Ok(fields) => fields,
        Err(what) => {
            let field = "turn_index";
            problems.push((position, FieldProblem { field, what }));
            return turn;
        }
    };
    let seconds = |field, path| fields.millis(field, path, 1000.0);
    turn.turn_index = fields.count("turn_index", "turnIndex");
    turn.correlation_id = fields.id("correlation_id", "correlationId");
    turn.user_speech_start_time = fields.time("user_speech_start_time", "userSpeechStartTime");
    turn.user_speech_end_time = fields.time("user_speech_end_time", "userSpeechEndTime");
    turn.user_speech_duration_ms = seconds("user_speech_duration_ms", "userSpeechDurationSeconds");
    turn.user_transcription_time = fields.time("user_transcription_time", "userTranscriptionTime");
    turn.transcription_latency_ms =
        seconds("transcription_latency_ms", "transcriptionLatencySeconds");
    turn.llm_first_output_time = fields.time("llm_first_output_time", "llmFirstOutputTime");
    turn.llm_final_output_time = fields.time("llm_final_output_time", "llmFinalOutputTime");
    turn.llm_time_to_first_output_ms =
        seconds("llm_time_to_first_output_ms", "llmTimeToFirstOutputSeconds");
    turn.llm_generation_duration_ms =
        seconds("llm_generation_duration_ms", "llmGenerationDurationSeconds");
    turn.tts_start_time = fields.time("tts_start_time", "ttsStartTime");
    turn.tts_end_time = fields.time("tts_end_time", "ttsEndTime");
    turn.tts_generation_duration_ms =
        seconds("tts_generation_duration_ms", "ttsGenerationDurationSeconds");
    turn.tts_time_to_first_audio_ms =
        seconds("tts_time_to_first_audio_ms", "ttsTimeToFirstAudioSeconds");
    turn.persona_start_speaking_time =
        fields.time("persona_start_speaking_time", "personaStartSpeakingTime");
    turn.persona_stop_speaking_time =
        fields.time("persona_stop_speaking_time", "personaStopSpeakingTime");
    turn.first_audio_latency_ms = seconds("first_audio_latency_ms", "firstAudioLatencySeconds");
    turn.speaking_duration_ms = seconds("speaking_duration_ms", "speakingDurationSeconds");
    turn.finish_reason = fields.text("finish_reason", "finishReason");
    turn.was_interrupted = fields.flag("was_interrupted", "wasInterrupted");
    turn.interrupted_stage = fields.text("interrupted_stage", "interruptedStage");
    match fields.raw("tool_calls", "toolCalls") {
        None => {}
        Some(Value::Array(calls)) => {
            turn.tool_calls = Some(calls.len() as u64);
            turn.tool_call_details = calls
                .iter()
                .enumerate()
                .map(|(i, call)| tool_call(i, call, &fields))
                .collect();
        }
        Some(other) => fields.note(
            "tool_calls",
            format!("`toolCalls` is {}, not an array", json::kind(other)),
        ),
    }
    turn.user_text = words(&fields, "user_text", "userMessage");
    turn.persona_text = words(&fields, "persona_text", "assistantMessage");
    problems.extend(fields.problems().into_iter().map(|p| (position, p)));
    turn
}

/// What someone said: text, and anything else noted by its type alone, never quoted (it
/// would be the users' words in a warning).
fn words(fields: &RecordReader, field: &'static str, path: &str) -> Option<String> {
    match fields.raw(field, path)? {
        Value::String(text) => Some(text.clone()),
        other => {
            fields.note(
                field,
                format!("`{path}` is {}, not text", json::kind(other)),
            );
            None
        }
    }
}

/// One tool call of a turn; its problems are noted on the turn's reader.
fn tool_call(i: usize, item: &Value, turn: &RecordReader) -> ToolCall {
    const FIELD: &str = "tool_call_details";
    let call = match RecordReader::of(item, "tool call") {
        Ok(call) => call,
        Err(what) => {
            turn.note(FIELD, format!("tool call {i}: {what}"));
            return ToolCall::default();
        }
    };
    let mapped = ToolCall {
        tool_call_id: call.id(FIELD, "toolCallId"),
        tool_name: call.text(FIELD, "toolName"),
        tool_type: call.text(FIELD, "toolType"),
        status: call.text(FIELD, "status"),
        started_at: call.time(FIELD, "startedAt"),
        completed_at: call.time(FIELD, "completedAt"),
        duration_ms: call.millis(FIELD, "durationSeconds", 1000.0),
        error_message: call.text(FIELD, "errorMessage"),
    };
    for problem in call.problems() {
        turn.note(FIELD, format!("tool call {i}: {}", problem.what));
    }
    mapped
}

/// `{total, succeeded, failed, byName}` at `path`.
fn tool_call_counts(fields: &RecordReader, field: &'static str, path: &str) -> ToolCallCounts {
    let mut by_name = Map::new();
    for (name, value) in object_at(fields, field, &format!("{path}.byName")) {
        let count = value.as_u64();
        if count.is_none() && !value.is_null() {
            fields.note(
                field,
                format!(
                    "`{path}.byName` of {name:?} is {}, not a count",
                    json::kind(value)
                ),
            );
        }
        by_name.insert(name.clone(), count.map_or(Value::Null, Value::from));
    }
    ToolCallCounts {
        total: fields.count(field, &format!("{path}.total")),
        succeeded: fields.count(field, &format!("{path}.succeeded")),
        failed: fields.count(field, &format!("{path}.failed")),
        by_name,
    }
}

/// The entries of the object at `path` (none when it is missing or null); another type is
/// noted, and no entries.
fn object_at<'a>(
    fields: &RecordReader<'a>,
    field: &'static str,
    path: &str,
) -> impl Iterator<Item = (&'a String, &'a Value)> {
    let object = match fields.raw(field, path) {
        None => None,
        Some(Value::Object(object)) => Some(object),
        Some(other) => {
            fields.note(
                field,
                format!("`{path}` is {}, not an object", json::kind(other)),
            );
            None
        }
    };
    object.into_iter().flatten()
}

/// An object as sent (the client's own metadata), or null.
fn object_or_null(fields: &RecordReader, field: &'static str, path: &str) -> Value {
    match fields.raw(field, path) {
        Some(object @ Value::Object(_)) => object.clone(),
        None => Value::Null,
        Some(other) => {
            fields.note(
                field,
                format!("`{path}` is {}, not an object", json::kind(other)),
            );
            Value::Null
        }
    }
}

/// An object of durations in seconds (`averageLatencies`), each under its `_ms` name as
/// integer ms; a key that is not in seconds keeps its value under its snake_case name.
fn seconds_map(fields: &RecordReader, field: &'static str, path: &str) -> Map<String, Value> {
    object_at(fields, field, path)
        .map(|(key, value)| {
            let value = if key.ends_with("Seconds") {
                let ms = fields.millis(field, &format!("{path}.{key}"), 1000.0);
                ms.map_or(Value::Null, Value::from)
            } else {
                value.clone()
            };
            (ms_name(key), value)
        })
        .collect()
}

/// A provider name in snake_case, with `…Seconds` as `…_ms`: `firstAudioLatencySeconds` →
/// `first_audio_latency_ms`.
pub fn ms_name(name: &str) -> String {
    match name.strip_suffix("Seconds") {
        Some(stem) if !stem.is_empty() => format!("{}_ms", snake_case(stem)),
        _ => snake_case(name),
    }
}

/// `interruptedBeforeAudioRate` → `interrupted_before_audio_rate`.
fn snake_case(name: &str) -> String {
    let mut snake = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 && !snake.ends_with('_') {
                snake.push('_');
            }
            snake.push(c.to_ascii_lowercase());
        } else {
            snake.push(c);
        }
    }
    snake
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};
    use serde_json::json;

    use super::*;
    use crate::provider::Provider;

    const REPORT: &str = include_str!("../../../tests/fixtures/anam_analytics.json");

    fn id() -> SessionId {
        Anam.parse_id("00000000-0000-0000-0000-000000000000")
            .unwrap()
    }

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn names_become_snake_case_and_seconds_milliseconds() {
        assert_eq!(
            ms_name("firstAudioLatencySeconds"),
            "first_audio_latency_ms"
        );
        assert_eq!(ms_name("durationSeconds"), "duration_ms");
        assert_eq!(ms_name("valueSeconds"), "value_ms");
        assert_eq!(
            ms_name("llmTimeToFirstOutputSeconds"),
            "llm_time_to_first_output_ms"
        );
        assert_eq!(ms_name("interruptionRate"), "interruption_rate");
        assert_eq!(ms_name("Seconds"), "seconds");
        assert_eq!(ms_name("already_snake"), "already_snake");
    }

    #[test]
    fn maps_the_documented_session_report() {
        let Mapped { record, problems } = Anam.parse_report(&id(), REPORT.as_bytes()).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(record.duration_ms, Some(754_000));
        assert_eq!(record.session_type.as_deref(), Some("turnkey"));
        assert_eq!(record.exit_status.as_deref(), Some("CLOSED_BY_ENGINE"));
        assert_eq!(record.persona_id, None);
        assert_eq!(record.client_metadata, Value::Null);
        assert_eq!(record.config.persona_name.as_deref(), Some("Cara"));
        assert_eq!(record.config.transcripts_enabled, Some(true));
        // The summary says 4 turns and lists 2: both are kept as given.
        assert_eq!(record.summary.total_turns, Some(4));
        assert_eq!(record.turns.len(), 2);
        assert_eq!(record.summary.interruption_rate, Some(0.5));
        assert_eq!(record.summary.total_user_speech_duration_ms, Some(9400));
        assert_eq!(
            record.summary.tool_calls.by_name,
            json!({"lookup_order": 1}).as_object().unwrap().clone()
        );
        assert_eq!(
            Value::Object(record.summary.average_latencies.clone()),
            json!({"transcription_latency_ms": 310, "llm_time_to_first_output_ms": 580,
                   "tts_generation_duration_ms": 1120, "first_audio_latency_ms": 1240})
        );
        let greeting = &record.turns[0];
        assert_eq!(greeting.turn_index, Some(0));
        assert_eq!(greeting.user_speech_duration_ms, None);
        assert_eq!(greeting.first_audio_latency_ms, None);
        assert_eq!(greeting.tts_time_to_first_audio_ms, Some(420));
        assert_eq!(greeting.speaking_duration_ms, Some(4480));
        assert_eq!(
            (greeting.tool_calls, greeting.was_interrupted),
            (Some(0), Some(false))
        );
        let second = &record.turns[1];
        assert_eq!(second.session_id, "00000000-0000-0000-0000-000000000000");
        assert_eq!(second.user_speech_duration_ms, Some(2300));
        assert_eq!(second.first_audio_latency_ms, Some(1390));
        assert_eq!(second.llm_time_to_first_output_ms, Some(570));
        assert_eq!(second.interrupted_stage.as_deref(), Some("while_speaking"));
        assert_eq!(
            second.user_speech_end_time,
            Some(utc("2026-04-20T09:00:11.300Z"))
        );
        assert_eq!(second.tool_calls, Some(1));
        let call = &second.tool_call_details[0];
        assert_eq!(call.tool_type.as_deref(), Some("SERVER_WEBHOOK"));
        assert_eq!(
            (call.status.as_deref(), call.duration_ms),
            (Some("completed"), Some(700))
        );
        assert_eq!(second.user_text, None, "no messages unless asked for");
        let json = serde_json::to_value(&record).unwrap();
        assert_eq!(json["start_time"], "2026-04-20T09:00:00Z");
        assert_eq!(
            json["turns"][1]["tool_call_details"][0]["started_at"],
            "2026-04-20T09:00:12.400Z"
        );
        assert_eq!(
            json["summary"]["average_latencies"]["first_audio_latency_ms"],
            1240
        );
    }

    #[test]
    fn messages_map_to_user_and_persona_text() {
        let mut body: Value = serde_json::from_str(REPORT).unwrap();
        body["turns"][1]["userMessage"] = json!("Where is my order?");
        body["turns"][1]["assistantMessage"] = json!("Let me look.");
        let report = Anam
            .parse_report(&id(), body.to_string().as_bytes())
            .unwrap()
            .record;
        assert_eq!(
            report.turns[1].user_text.as_deref(),
            Some("Where is my order?")
        );
        assert_eq!(
            report.turns[1].persona_text.as_deref(),
            Some("Let me look.")
        );
        body["turns"][1]["userMessage"] = json!(4111);
        let record = Anam
            .parse_report(&id(), body.to_string().as_bytes())
            .unwrap()
            .record;
        assert_eq!(record.turns[1].user_text, None);
        assert_eq!(
            record.turn_problems[0].1.what, "`userMessage` is a number, not text",
            "what was said is never quoted"
        );
    }

    #[test]
    fn an_odd_field_is_null_and_noted_and_the_rest_stays() {
        let mut body: Value = serde_json::from_str(REPORT).unwrap();
        body["turns"][1]["firstAudioLatencySeconds"] = json!("fast");
        body["turns"][1]["toolCalls"][0]["durationSeconds"] = json!(-1);
        body["turns"][0]["toolCalls"] = json!({});
        body["summary"]["totalTurns"] = json!(2.5);
        body["turns"].as_array_mut().unwrap().push(json!("a turn"));
        let Mapped { record, problems } = Anam
            .parse_report(&id(), body.to_string().as_bytes())
            .unwrap();
        assert_eq!(record.turns.len(), 3);
        assert_eq!(record.turns[1].first_audio_latency_ms, None);
        assert_eq!(record.turns[1].speaking_duration_ms, Some(3510));
        assert_eq!(record.turns[1].tool_call_details[0].duration_ms, None);
        assert_eq!(
            record.turns[1].tool_call_details[0].tool_name.as_deref(),
            Some("lookup_order")
        );
        assert_eq!(record.turns[0].tool_calls, None);
        assert_eq!(record.summary.total_turns, None);
        assert_eq!(record.summary.completed_turns, Some(1));
        let in_turns: Vec<String> = record
            .turn_problems
            .iter()
            .map(|(turn, p)| format!("{turn} {}: {}", p.field, p.what))
            .collect();
        assert_eq!(
            in_turns,
            [
                "0 tool_calls: `toolCalls` is an object, not an array",
                "1 first_audio_latency_ms: `firstAudioLatencySeconds` is \"fast\", not a duration",
                "1 tool_call_details: tool call 0: `durationSeconds` is -1, not a duration",
                "2 turn_index: a turn is a string, not an object",
            ]
        );
        assert_eq!(
            problems,
            [FieldProblem {
                field: "summary",
                what: "`summary.totalTurns` is 2.5, not a count".into()
            }]
        );
        assert_eq!(
            Anam.parse_report(&id(), br#"{"turns": {}}"#)
                .unwrap_err()
                .to_string(),
            "`turns` is an object, not an array"
        );
        assert!(Anam.parse_report(&id(), b"[]").is_err());
    }

    #[test]
    fn the_report_request_asks_for_messages_only_with_messages() {
        let request = Anam.report_request(&id(), false);
        assert_eq!(
            request.segments,
            [
                "v1",
                "sessions",
                "00000000-0000-0000-0000-000000000000",
                "analytics"
            ]
        );
        assert!(request.query.is_empty());
        assert!(request.private);
        let not_found = request.not_found.unwrap();
        assert!(
            not_found
                .what
                .starts_with("no analytics report for 00000000-")
        );
        assert!(not_found.why.contains("LiveKit"));
        let with = Anam.report_request(&id(), true);
        assert_eq!(with.query, [("includeMessages", "true".to_owned())]);
    }
}
