//! The aggregate report over a window, `GET /v1/sessions/analytics`: latency statistics by
//! metric, counts, rates and the slowest turns, over at most 31 days and the 1000 most recent
//! sessions with reports.

use serde_json::{Map, Value};

use super::{array, ms_name, object_at, snake_case, tool_call_counts};
use crate::model::analytics::{AggregateCounts, AggregateFilters};
use crate::model::session::format_utc;
use crate::model::{Aggregate, LatencyRow, SlowTurn};
use crate::provider::json::{BodyError, FieldProblem, Mapped, RecordReader};
use crate::provider::{AggregateQuery, ApiRequest, ProviderKind, json};

/// The request for `query`: only the window ends and filters given, so that the provider's
/// defaults apply to the rest.
pub(super) fn request(query: &AggregateQuery) -> ApiRequest {
    let mut request = ApiRequest::get(
        &["v1", "sessions", "analytics"],
        "the aggregate session analytics".to_owned(),
    );
    let window = query.window.unwrap_or(crate::window::Window {
        since: None,
        until: None,
    });
    let pairs = [
        ("from", window.since.as_ref().map(format_utc)),
        ("to", window.until.as_ref().map(format_utc)),
        ("personaId", query.persona_id.clone()),
        ("apiKeyId", query.api_key_id.clone()),
        ("clientLabel", query.label.clone()),
        ("sessionType", query.session_type.clone()),
    ];
    request.query = pairs
        .into_iter()
        .filter_map(|(name, value)| Some((name, value?)))
        .collect();
    request
}

/// The aggregate report, read tolerantly.
pub(super) fn parse(body: &[u8]) -> Result<Mapped<Aggregate>, BodyError> {
    let body = json::parse_json(body)?;
    let slowest = array(&body, "slowestTurns")?;
    let fields = RecordReader::of(&body, "aggregate report")?;
    let from = fields.time("from", "from");
    let to = fields.time("to", "to");
    let mut problems = Vec::new();
    let slowest_turns = slowest
        .iter()
        .enumerate()
        .filter_map(|(position, item)| slow_turn(position, item, &mut problems))
        .collect();
    let aggregate = Aggregate {
        provider: ProviderKind::Anam.name(),
        from,
        to,
        filters: AggregateFilters {
            persona_id: fields.id("filters", "filters.personaId"),
            api_key_id: fields.id("filters", "filters.apiKeyId"),
            client_label: fields.text("filters", "filters.clientLabel"),
            session_type: fields.text("filters", "filters.sessionType"),
        },
        session_count: fields.count("session_count", "sessionCount"),
        sessions_with_reports: fields.count("sessions_with_reports", "sessionsWithReports"),
        truncated: fields.flag("truncated", "truncated"),
        turn_count: fields.count("turn_count", "turnCount"),
        latencies: latencies(&fields, from, to),
        counts: AggregateCounts {
            completed_turns: fields.count("counts", "counts.completedTurns"),
            interrupted_turns: fields.count("counts", "counts.interruptedTurns"),
            interrupted_before_audio_turns: fields
                .count("counts", "counts.interruptedBeforeAudioTurns"),
            total_errors: fields.count("counts", "counts.totalErrors"),
            total_warnings: fields.count("counts", "counts.totalWarnings"),
            sessions_with_errors: fields.count("counts", "counts.sessionsWithErrors"),
            sessions_with_warnings: fields.count("counts", "counts.sessionsWithWarnings"),
            tool_calls: tool_call_counts(&fields, "counts", "counts.toolCalls"),
        },
        rates: rates(&fields),
        slowest_turns,
    };
    problems.extend(fields.problems());
    Ok(Mapped {
        record: aggregate,
        problems,
    })
}

/// Each latency metric of the aggregate report as a row, in the provider's order.
fn latencies(
    fields: &RecordReader,
    from: Option<chrono::DateTime<chrono::Utc>>,
    to: Option<chrono::DateTime<chrono::Utc>>,
) -> Vec<LatencyRow> {
    const FIELD: &str = "latencies";
    object_at(fields, FIELD, "latencies")
        .map(|(key, _)| {
            let path = format!("latencies.{key}");
            let stat = |name: &str| fields.millis(FIELD, &format!("{path}.{name}"), 1000.0);
            let metric = ms_name(key);
            let metric = if metric.ends_with("_ms") {
                metric
            } else {
                format!("{metric}_ms")
            };
            if fields.raw(FIELD, &path).is_some_and(|v| !v.is_object()) {
                fields.note(FIELD, format!("`{path}` is not an object"));
            }
            LatencyRow {
                metric,
                count: fields.count(FIELD, &format!("{path}.count")),
                avg_ms: stat("avg"),
                p50_ms: stat("p50"),
                p90_ms: stat("p90"),
                p95_ms: stat("p95"),
                p99_ms: stat("p99"),
                max_ms: stat("max"),
                from,
                to,
            }
        })
        .collect()
}

/// The rates of the aggregate report, each under its snake_case name: a fraction, or null.
fn rates(fields: &RecordReader) -> Map<String, Value> {
    object_at(fields, "rates", "rates")
        .map(|(key, _)| {
            let rate = fields.number("rates", &format!("rates.{key}"));
            (snake_case(key), rate.map_or(Value::Null, Value::from))
        })
        .collect()
}

/// One of the slowest turns; one that is not an object is noted and left out.
fn slow_turn(position: usize, item: &Value, problems: &mut Vec<FieldProblem>) -> Option<SlowTurn> {
    const FIELD: &str = "slowest_turns";
    let fields = match RecordReader::of(item, "slow turn") {
        Ok(fields) => fields,
        Err(what) => {
            problems.push(FieldProblem {
                field: FIELD,
                what: format!("slowest turn {position}: {what}"),
            });
            return None;
        }
    };
    let turn = SlowTurn {
        session_id: fields.id(FIELD, "sessionId"),
        correlation_id: fields.id(FIELD, "correlationId"),
        metric: fields.text(FIELD, "metric").map(|m| ms_name(&m)),
        value_ms: fields.millis(FIELD, "valueSeconds", 1000.0),
        session_start_time: fields.time(FIELD, "sessionStartTime"),
        persona_id: fields.id(FIELD, "personaId"),
        client_label: fields.text(FIELD, "clientLabel"),
    };
    problems.extend(fields.problems().into_iter().map(|p| FieldProblem {
        what: format!("slowest turn {position}: {}", p.what),
        ..p
    }));
    Some(turn)
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};
    use serde_json::json;

    use super::*;
    use crate::window::Window;

    const AGGREGATE: &str =
        include_str!("../../../../tests/fixtures/anam_analytics_aggregate.json");

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn maps_the_documented_aggregate_report() {
        let Mapped { record, problems } = parse(AGGREGATE.as_bytes()).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(record.from, Some(utc("2026-04-19T09:00:00Z")));
        assert_eq!(record.filters.client_label, None);
        assert_eq!(
            (
                record.session_count,
                record.sessions_with_reports,
                record.turn_count
            ),
            (Some(128), Some(121), Some(1874))
        );
        assert_eq!(record.truncated, Some(false));
        let metrics: Vec<&str> = record.latencies.iter().map(|r| r.metric.as_str()).collect();
        assert_eq!(
            metrics,
            [
                "transcription_latency_ms",
                "llm_time_to_first_output_ms",
                "llm_generation_duration_ms",
                "tts_generation_duration_ms",
                "tts_time_to_first_audio_ms",
                "first_audio_latency_ms",
                "speaking_duration_ms",
                "user_speech_duration_ms",
            ]
        );
        let first_audio = &record.latencies[5];
        assert_eq!(first_audio.count, Some(1698));
        assert_eq!(
            [
                first_audio.avg_ms,
                first_audio.p50_ms,
                first_audio.p90_ms,
                first_audio.p95_ms,
                first_audio.p99_ms,
                first_audio.max_ms
            ],
            [
                Some(1310),
                Some(1180),
                Some(1860),
                Some(2210),
                Some(3420),
                Some(6750)
            ]
        );
        assert_eq!(first_audio.to, Some(utc("2026-04-20T09:00:00Z")));
        assert_eq!(record.counts.interrupted_before_audio_turns, Some(22));
        assert_eq!(record.counts.tool_calls.failed, Some(5));
        assert_eq!(record.rates["tool_call_failure_rate"], 0.0521);
        assert_eq!(record.rates.len(), 5);
        assert_eq!(record.slowest_turns.len(), 2);
        let slow = &record.slowest_turns[1];
        assert_eq!(slow.metric.as_deref(), Some("llm_time_to_first_output_ms"));
        assert_eq!(slow.value_ms, Some(4310));
        assert_eq!(slow.client_label.as_deref(), Some("js-sdk-api-key"));
        let json = serde_json::to_value(&record).unwrap();
        assert_eq!(json["latencies"]["first_audio_latency_ms"]["p95"], 2210);
        assert_eq!(json["latencies"]["first_audio_latency_ms"]["count"], 1698);
        assert_eq!(json["slowest_turns"][0]["metric"], "first_audio_latency_ms");
        assert_eq!(json["counts"]["tool_calls"]["by_name"]["lookup_order"], 96);
    }

    #[test]
    fn an_odd_aggregate_field_is_null_and_noted() {
        let mut body: Value = serde_json::from_str(AGGREGATE).unwrap();
        body["latencies"]["firstAudioLatencySeconds"]["p95"] = json!("slow");
        body["rates"]["interruptionRate"] = json!("high");
        body["truncated"] = json!("yes");
        body["slowestTurns"].as_array_mut().unwrap().push(json!(7));
        let Mapped { record, problems } = parse(body.to_string().as_bytes()).unwrap();
        assert_eq!(record.latencies[5].p95_ms, None);
        assert_eq!(record.latencies[5].p99_ms, Some(3420));
        assert_eq!(record.rates["interruption_rate"], Value::Null);
        assert_eq!(record.truncated, None);
        assert_eq!(record.slowest_turns.len(), 2);
        let fields: Vec<&str> = problems.iter().map(|p| p.field).collect();
        assert_eq!(fields, ["slowest_turns", "truncated", "latencies", "rates"]);
    }

    #[test]
    fn the_aggregate_request_sends_the_window_and_filters_given() {
        let bare = request(&AggregateQuery::default());
        assert_eq!(bare.segments, ["v1", "sessions", "analytics"]);
        assert!(bare.query.is_empty(), "the provider's default window");
        let query = AggregateQuery {
            window: Some(Window {
                since: Some(utc("2026-04-13T09:00:00Z")),
                until: Some(utc("2026-04-20T09:00:00.5Z")),
            }),
            persona_id: Some("p".into()),
            api_key_id: None,
            label: Some("web app".into()),
            session_type: Some("turnkey".into()),
        };
        let request = request(&query);
        let sent: Vec<(&str, &str)> = request
            .query
            .iter()
            .map(|(k, v)| (*k, v.as_str()))
            .collect();
        assert_eq!(
            sent,
            [
                ("from", "2026-04-13T09:00:00Z"),
                ("to", "2026-04-20T09:00:00.500Z"),
                ("personaId", "p"),
                ("clientLabel", "web app"),
                ("sessionType", "turnkey"),
            ]
        );
    }
}
