//! Session analytics, normalized: a session's per-turn latency [`Report`] (its turns are
//! [`Turn`] records) and the [`Aggregate`] report over a window (its latencies are
//! [`LatencyRow`] records, its slowest turns [`SlowTurn`] records).
//!
//! Names follow the provider's in snake_case, and every duration the provider gives in
//! seconds is an integer number of milliseconds under a `_ms` name
//! (`firstAudioLatencySeconds` → `first_audio_latency_ms`).

use chrono::{DateTime, Utc};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

use super::session::rfc3339;
use crate::provider::FieldProblem;
use crate::record::{FieldSpec, Kind, Record, Schema};

/// One turn: a user utterance and the persona's answer to it. Field order is the JSON order.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Turn {
    pub session_id: String,
    pub turn_index: Option<u64>,
    pub correlation_id: Option<String>,
    #[serde(serialize_with = "rfc3339")]
    pub user_speech_start_time: Option<DateTime<Utc>>,
    #[serde(serialize_with = "rfc3339")]
    pub user_speech_end_time: Option<DateTime<Utc>>,
    pub user_speech_duration_ms: Option<u64>,
    #[serde(serialize_with = "rfc3339")]
    pub user_transcription_time: Option<DateTime<Utc>>,
    pub transcription_latency_ms: Option<u64>,
    #[serde(serialize_with = "rfc3339")]
    pub llm_first_output_time: Option<DateTime<Utc>>,
    #[serde(serialize_with = "rfc3339")]
    pub llm_final_output_time: Option<DateTime<Utc>>,
    pub llm_time_to_first_output_ms: Option<u64>,
    pub llm_generation_duration_ms: Option<u64>,
    #[serde(serialize_with = "rfc3339")]
    pub tts_start_time: Option<DateTime<Utc>>,
    #[serde(serialize_with = "rfc3339")]
    pub tts_end_time: Option<DateTime<Utc>>,
    pub tts_generation_duration_ms: Option<u64>,
    pub tts_time_to_first_audio_ms: Option<u64>,
    #[serde(serialize_with = "rfc3339")]
    pub persona_start_speaking_time: Option<DateTime<Utc>>,
    #[serde(serialize_with = "rfc3339")]
    pub persona_stop_speaking_time: Option<DateTime<Utc>>,
    pub first_audio_latency_ms: Option<u64>,
    pub speaking_duration_ms: Option<u64>,
    /// `completed` or `interrupted`; another as sent.
    pub finish_reason: Option<String>,
    pub was_interrupted: Option<bool>,
    /// `before_llm_output`, `during_llm_generation`, `before_audio`, `while_speaking`.
    pub interrupted_stage: Option<String>,
    /// How many tool calls the turn made.
    pub tool_calls: Option<u64>,
    /// The calls themselves (the provider never gives their arguments or results here).
    pub tool_call_details: Vec<ToolCall>,
    /// What the user said (`--messages`, when transcripts were on): users' words.
    pub user_text: Option<String>,
    /// What the persona answered (`--messages`).
    pub persona_text: Option<String>,
}

/// One tool call of a turn.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ToolCall {
    pub tool_call_id: Option<String>,
    pub tool_name: Option<String>,
    /// Free text (`SERVER_WEBHOOK`, `server`, …): the provider's two documents disagree.
    pub tool_type: Option<String>,
    /// `started`, `completed` or `failed`.
    pub status: Option<String>,
    #[serde(serialize_with = "rfc3339")]
    pub started_at: Option<DateTime<Utc>>,
    #[serde(serialize_with = "rfc3339")]
    pub completed_at: Option<DateTime<Utc>>,
    pub duration_ms: Option<u64>,
    pub error_message: Option<String>,
}

/// A session's report: the JSON of one ID; NDJSON and CSV show its turns, one a line.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    pub provider: &'static str,
    pub session_id: String,
    #[serde(serialize_with = "rfc3339")]
    pub start_time: Option<DateTime<Utc>>,
    #[serde(serialize_with = "rfc3339")]
    pub end_time: Option<DateTime<Utc>>,
    pub duration_ms: Option<u64>,
    pub session_type: Option<String>,
    pub exit_status: Option<String>,
    pub client_label: Option<String>,
    /// The client's own object, as sent (credential fields masked unless `--show-secrets`).
    pub client_metadata: Value,
    pub persona_id: Option<String>,
    pub api_key_id: Option<String>,
    pub config: ReportConfig,
    pub summary: Summary,
    pub turns: Vec<Turn>,
    /// What mapping noticed in the turns, by the turn's place in the list: kept apart from
    /// the report's own problems so that a warning counts turns, not sessions.
    #[serde(skip)]
    pub turn_problems: Vec<(usize, FieldProblem)>,
}

/// The pipeline the session ran with.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ReportConfig {
    pub llm_provider: Option<String>,
    pub llm_model: Option<String>,
    pub tts_provider: Option<String>,
    pub tts_voice: Option<String>,
    pub avatar_key: Option<String>,
    pub persona_name: Option<String>,
    pub language_code: Option<String>,
    pub transcripts_enabled: Option<bool>,
}

/// The provider's own summary of a session (its figures, not computed from the turns
/// listed: the documented example says 4 turns and lists 2).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Summary {
    pub total_turns: Option<u64>,
    pub completed_turns: Option<u64>,
    pub interrupted_turns: Option<u64>,
    /// A fraction (0.5), interrupted turns over turns with a persona response.
    pub interruption_rate: Option<f64>,
    pub total_user_speech_duration_ms: Option<u64>,
    pub total_user_words: Option<u64>,
    pub total_assistant_words: Option<u64>,
    pub total_warnings: Option<u64>,
    pub total_errors: Option<u64>,
    pub tool_calls: ToolCallCounts,
    /// Each average latency under its `_ms` name: integer ms or null.
    pub average_latencies: Map<String, Value>,
}

/// Tool calls counted, in all and by tool name.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ToolCallCounts {
    pub total: Option<u64>,
    pub succeeded: Option<u64>,
    pub failed: Option<u64>,
    /// Tool name → calls.
    pub by_name: Map<String, Value>,
}

/// The aggregate report over a window.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Aggregate {
    pub provider: &'static str,
    #[serde(serialize_with = "rfc3339")]
    pub from: Option<DateTime<Utc>>,
    #[serde(serialize_with = "rfc3339")]
    pub to: Option<DateTime<Utc>>,
    /// The filters the provider says it applied.
    pub filters: AggregateFilters,
    pub session_count: Option<u64>,
    pub sessions_with_reports: Option<u64>,
    /// Whether more sessions matched than the provider aggregates (its 1000 most recent).
    pub truncated: Option<bool>,
    pub turn_count: Option<u64>,
    /// By metric: `{"first_audio_latency_ms": {"count", "avg", "p50", …, "max"}}`.
    #[serde(serialize_with = "latency_map")]
    pub latencies: Vec<LatencyRow>,
    pub counts: AggregateCounts,
    /// Each rate under its snake_case name, a fraction or null.
    pub rates: Map<String, Value>,
    pub slowest_turns: Vec<SlowTurn>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct AggregateFilters {
    pub persona_id: Option<String>,
    pub api_key_id: Option<String>,
    pub client_label: Option<String>,
    pub session_type: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct AggregateCounts {
    pub completed_turns: Option<u64>,
    pub interrupted_turns: Option<u64>,
    pub interrupted_before_audio_turns: Option<u64>,
    pub total_errors: Option<u64>,
    pub total_warnings: Option<u64>,
    pub sessions_with_errors: Option<u64>,
    pub sessions_with_warnings: Option<u64>,
    pub tool_calls: ToolCallCounts,
}

/// One latency metric of the aggregate report: the NDJSON line and CSV row of the aggregate,
/// and a row of its table. Every figure is integer ms but `count`, a count of turns.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct LatencyRow {
    /// `first_audio_latency_ms`, …
    pub metric: String,
    pub count: Option<u64>,
    pub avg_ms: Option<u64>,
    pub p50_ms: Option<u64>,
    pub p90_ms: Option<u64>,
    pub p95_ms: Option<u64>,
    pub p99_ms: Option<u64>,
    pub max_ms: Option<u64>,
    /// The report's window, on every row so that rows of several runs can be told apart.
    #[serde(serialize_with = "rfc3339")]
    pub from: Option<DateTime<Utc>>,
    #[serde(serialize_with = "rfc3339")]
    pub to: Option<DateTime<Utc>>,
}

/// One of the slowest turns the aggregate report names.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SlowTurn {
    pub session_id: Option<String>,
    pub correlation_id: Option<String>,
    /// The metric it was slowest in, by its `_ms` name.
    pub metric: Option<String>,
    pub value_ms: Option<u64>,
    #[serde(serialize_with = "rfc3339")]
    pub session_start_time: Option<DateTime<Utc>>,
    pub persona_id: Option<String>,
    pub client_label: Option<String>,
}

/// The latency rows as one JSON object by metric, each with the provider's stat names.
fn latency_map<S: Serializer>(rows: &[LatencyRow], serializer: S) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(rows.len()))?;
    for row in rows {
        map.serialize_entry(&row.metric, &row.stats())?;
    }
    map.end()
}

impl LatencyRow {
    /// `{count, avg, p50, p90, p95, p99, max}`, as the JSON document shows a metric.
    pub fn stats(&self) -> Value {
        serde_json::json!({
            "count": self.count,
            "avg": self.avg_ms,
            "p50": self.p50_ms,
            "p90": self.p90_ms,
            "p95": self.p95_ms,
            "p99": self.p99_ms,
            "max": self.max_ms,
        })
    }
}

const fn field(name: &'static str, kind: Kind) -> FieldSpec {
    FieldSpec { name, kind }
}

const TURN: Schema = Schema {
    noun: "turn",
    fields: &[
        field("session_id", Kind::Id),
        field("turn_index", Kind::Plain),
        field("correlation_id", Kind::Id),
        field("user_speech_start_time", Kind::Time),
        field("user_speech_end_time", Kind::Time),
        field("user_speech_duration_ms", Kind::LatencyMs),
        field("user_transcription_time", Kind::Time),
        field("transcription_latency_ms", Kind::LatencyMs),
        field("llm_first_output_time", Kind::Time),
        field("llm_final_output_time", Kind::Time),
        field("llm_time_to_first_output_ms", Kind::LatencyMs),
        field("llm_generation_duration_ms", Kind::LatencyMs),
        field("tts_start_time", Kind::Time),
        field("tts_end_time", Kind::Time),
        field("tts_generation_duration_ms", Kind::LatencyMs),
        field("tts_time_to_first_audio_ms", Kind::LatencyMs),
        field("persona_start_speaking_time", Kind::Time),
        field("persona_stop_speaking_time", Kind::Time),
        field("first_audio_latency_ms", Kind::LatencyMs),
        field("speaking_duration_ms", Kind::LatencyMs),
        field("finish_reason", Kind::Text),
        field("was_interrupted", Kind::Plain),
        field("interrupted_stage", Kind::Text),
        field("tool_calls", Kind::Plain),
        field("tool_call_details", Kind::Text),
        field("user_text", Kind::Text),
        field("persona_text", Kind::Text),
    ],
    has_raw: false,
    table: &TURN_COLUMNS,
};

/// The turn table's default columns.
pub const TURN_COLUMNS: [&str; 8] = [
    "turn_index",
    "user_speech_duration_ms",
    "first_audio_latency_ms",
    "llm_time_to_first_output_ms",
    "tts_time_to_first_audio_ms",
    "speaking_duration_ms",
    "was_interrupted",
    "tool_calls",
];

/// What `--messages` adds to the turn table.
pub const MESSAGE_COLUMNS: [&str; 2] = ["user_text", "persona_text"];

impl Record for Turn {
    const SCHEMA: &'static Schema = &TURN;
}

const LATENCY: Schema = Schema {
    noun: "latency metric",
    fields: &[
        field("metric", Kind::Text),
        field("count", Kind::Plain),
        field("avg_ms", Kind::LatencyMs),
        field("p50_ms", Kind::LatencyMs),
        field("p90_ms", Kind::LatencyMs),
        field("p95_ms", Kind::LatencyMs),
        field("p99_ms", Kind::LatencyMs),
        field("max_ms", Kind::LatencyMs),
        field("from", Kind::Time),
        field("to", Kind::Time),
    ],
    has_raw: false,
    table: &[
        "metric", "count", "avg_ms", "p50_ms", "p90_ms", "p95_ms", "p99_ms", "max_ms",
    ],
};

impl Record for LatencyRow {
    const SCHEMA: &'static Schema = &LATENCY;
}

const SLOW_TURN: Schema = Schema {
    noun: "slow turn",
    fields: &[
        field("session_id", Kind::Id),
        field("correlation_id", Kind::Id),
        field("metric", Kind::Text),
        field("value_ms", Kind::LatencyMs),
        field("session_start_time", Kind::Time),
        field("persona_id", Kind::Id),
        field("client_label", Kind::Text),
    ],
    has_raw: false,
    table: &[
        "session_id",
        "correlation_id",
        "metric",
        "value_ms",
        "session_start_time",
        "client_label",
    ],
};

impl Record for SlowTurn {
    const SCHEMA: &'static Schema = &SLOW_TURN;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(value: &Value) -> Vec<&str> {
        value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect()
    }

    fn names(schema: &Schema) -> Vec<&str> {
        schema.fields.iter().map(|f| f.name).collect()
    }

    #[test]
    fn each_schema_lists_the_serialized_fields_in_order() {
        let turn = serde_json::to_value(Turn::default()).unwrap();
        assert_eq!(keys(&turn), names(&TURN));
        let row = serde_json::to_value(LatencyRow::default()).unwrap();
        assert_eq!(keys(&row), names(&LATENCY));
        let slow = serde_json::to_value(SlowTurn::default()).unwrap();
        assert_eq!(keys(&slow), names(&SLOW_TURN));
        for column in TURN_COLUMNS.iter().chain(&MESSAGE_COLUMNS) {
            assert!(TURN.field(column).is_some(), "{column}");
        }
    }

    #[test]
    fn the_aggregate_shows_latencies_by_metric() {
        let aggregate = Aggregate {
            latencies: vec![LatencyRow {
                metric: "first_audio_latency_ms".into(),
                count: Some(3),
                p95_ms: Some(2210),
                ..LatencyRow::default()
            }],
            ..Aggregate::default()
        };
        let json = serde_json::to_value(&aggregate).unwrap();
        assert_eq!(
            json["latencies"]["first_audio_latency_ms"],
            serde_json::json!({"count": 3, "avg": null, "p50": null, "p90": null,
                               "p95": 2210, "p99": null, "max": null})
        );
    }
}
